"""classify/title.page_title: the headline line in the form the page declares it."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from sahelclean import clean
from sahelclean.classify.switches import off
from sahelclean.classify.title import page_title
from sahelclean.html.meta import declared_titles

ARTICLE_FR = [
    "Le fleuve Niger a atteint mardi son plus haut niveau depuis vingt ans à Niamey.",
    "Les habitants des quartiers bas ont quitté leurs maisons pendant la nuit.",
]
ARTICLE_EN = [
    "The Niger river reached its highest level in twenty years in Niamey on Tuesday.",
    "Residents of the low-lying districts left their homes during the night.",
]


@pytest.mark.parametrize(
    ("found", "declared", "expected"),
    [
        # the layout joined a kicker and the headline: the declared form has the colon
        (
            "Crue du Niger Niamey évacue ses quartiers bas",
            ["Crue du Niger : Niamey évacue ses quartiers bas"],
            "Crue du Niger : Niamey évacue ses quartiers bas",
        ),
        (
            "Niger floods Niamey evacuates its low districts",
            ["Niger floods: Niamey evacuates its low districts | The Sahel Times"],
            "Niger floods: Niamey evacuates its low districts",
        ),
        # the line carries a breadcrumb before the headline, or the site's name after it
        (
            "Vous êtes ici : Accueil » Société » Niamey évacue ses quartiers bas",
            ["Niamey évacue ses quartiers bas - Sahel Info"],
            "Niamey évacue ses quartiers bas",
        ),
        (
            "Niamey evacuates its low districts | Sahel Times live",
            ["Niamey evacuates its low districts"],
            "Niamey evacuates its low districts",
        ),
        # the same words in the line's own typography: the line stays
        (
            "L’État évacue les quartiers bas de Niamey",
            ["L'État évacue les quartiers bas de Niamey"],
            "L’État évacue les quartiers bas de Niamey",
        ),
        # another headline than the declared one (a shared title worded for social media)
        (
            "Niamey evacuates its low districts",
            ["You won't believe how high the Niger rose"],
            "Niamey evacuates its low districts",
        ),
    ],
)
def test_found_line_in_its_declared_form(found: str, declared: list[str], expected: str) -> None:
    assert page_title(found, declared, []) == expected


def test_no_line_the_declared_title_the_page_prints() -> None:
    page = ["Accueil", "Crue du Niger : Niamey évacue ses quartiers bas", *ARTICLE_FR]
    declared = ["Crue du Niger : Niamey évacue ses quartiers bas | Sahel Info | 03.09.2024"]
    assert page_title(None, declared, page) == "Crue du Niger : Niamey évacue ses quartiers bas"


def test_no_line_the_declared_title_less_the_site_name() -> None:
    # the page does not print it, but the article holds its words
    declared = ["Niger river reached highest level in Niamey - The Sahel Times"]
    got = page_title(None, declared, ARTICLE_EN, sitename="The Sahel Times")
    assert got == "Niger river reached highest level in Niamey"


def test_no_line_and_a_declared_title_the_article_does_not_bear_out() -> None:
    assert page_title(None, ["Horoscope du jour et jeux"], ARTICLE_FR) is None
    assert page_title(None, ["Weather, sport and games"], ARTICLE_EN) is None


def test_nothing_declared_keeps_the_line() -> None:
    assert page_title("Niamey évacue", [], ARTICLE_FR) == "Niamey évacue"
    assert page_title(None, [], ARTICLE_EN) is None


HEAD = """<html lang="{lang}"><head><title>{title} | Sahel Info</title>
<meta property="og:title" content="{title} - Sahel Info">
<script type="application/ld+json">{{"@graph": [{{"@type": "NewsArticle",
"headline": "{title}"}}]}}</script>
<script type="application/ld+json">{{broken</script></head><body>
<h1>{title}</h1>{body}</body></html>"""


def test_declared_titles_in_order_each_once() -> None:
    page = HEAD.format(lang="fr", title="Niamey évacue ses quartiers bas", body="<p>Texte.</p>")
    got = declared_titles(lxml_html.fromstring(page))
    assert got == (
        "Niamey évacue ses quartiers bas - Sahel Info",
        "Niamey évacue ses quartiers bas",
        "Niamey évacue ses quartiers bas | Sahel Info",
    )


@pytest.mark.parametrize(
    ("lang", "title", "body"),
    [
        ("fr", "Niamey évacue ses quartiers bas", ARTICLE_FR),
        ("en", "Niamey evacuates its low districts", ARTICLE_EN),
    ],
)
def test_html_title_always_filled_and_text_begins_with_it(
    lang: str, title: str, body: list[str]
) -> None:
    # the <h1> sits in a header the classifier leaves out; the page still declares it
    paragraphs = "".join(f"<p>{p} {p} {p}</p>" for p in body)
    page = HEAD.format(lang=lang, title=title, body=f"<article>{paragraphs}</article>")
    page = page.replace(f"<h1>{title}</h1>", f"<nav><a href='/'>Menu</a><h1>{title}</h1></nav>")
    doc = clean(page)
    assert doc.title == title
    assert doc.text.startswith(title + "\n\n")


# Dumps: the headline a menu or a rail zone ran on to (classify/title.headline_over_body).
MENU = {
    "fr": ["Aller au contenu", "Accueil", "Politique", "Économie", "Société", "Sport", "Vidéos"],
    "en": ["Skip to content", "Home", "Politics", "Business", "World", "Sport", "Videos"],
}
BYLINE = {
    "fr": ["Par Aïcha Diallo", "Publié le 12 septembre 2026 à 10h15", "Partager", "Facebook"],
    "en": ["By Aisha Diallo", "Published 12 September 2026, 10:15", "Share", "Facebook"],
}
HEADLINE = {
    "fr": "Niamey évacue ses quartiers bas après la crue du Niger",
    "en": "Niamey evacuates its low districts as the Niger floods",
}
BODY = {
    "fr": [
        "Le fleuve Niger a atteint mardi son plus haut niveau depuis vingt ans à Niamey, et "
        "les autorités ont ordonné l'évacuation des quartiers bas de la capitale.",
        "Les habitants des quartiers bas ont quitté leurs maisons pendant la nuit, emportant "
        "ce qu'ils pouvaient, tandis que la crue gagnait les rues proches du fleuve.",
        "Selon la mairie de Niamey, plus de trois mille familles ont été relogées dans des "
        "écoles et des salles municipales, en attendant la décrue annoncée pour la fin du mois.",
        "Les services météorologiques préviennent que de nouvelles pluies sont attendues en "
        "amont du fleuve, au Mali, ce qui pourrait prolonger la crue de plusieurs semaines.",
    ],
    "en": [
        "The Niger river reached its highest level in twenty years in Niamey on Tuesday, and "
        "the authorities ordered the evacuation of the capital's low-lying districts.",
        "Residents of the low districts left their homes during the night, carrying what they "
        "could, while the flood reached the streets closest to the river.",
        "According to the city hall, more than three thousand families were moved to schools "
        "and municipal halls while they wait for the water to fall by the end of the month.",
        "Forecasters warn that more rain is expected upstream in Mali, which could keep the "
        "river high for several more weeks in the districts along its banks.",
    ],
}
# teasers for other stories: their words are not the article's
TEASERS = {
    "fr": [
        "À lire aussi",
        "Le prix du mil grimpe sur les marchés de Maradi",
        "Une nouvelle ligne de bus relie Dosso à la capitale",
        "Les lycéens de Zinder reprennent les cours lundi",
    ],
    "en": [
        "Read more",
        "Millet prices climb on the markets of Maradi",
        "A new bus line links Dosso to the capital",
        "Zinder's high school students go back on Monday",
    ],
}


def _dump(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dump_headline_a_menu_ran_on_to_is_the_title(lang: str) -> None:
    dump = _dump(MENU[lang], [HEADLINE[lang]], BYLINE[lang], BODY[lang])
    doc = clean(dump)
    assert doc.title == HEADLINE[lang]
    assert doc.text.startswith(HEADLINE[lang] + "\n\n" + BODY[lang][0][:40])
    with off("headline_over_body"):  # the zone took it: no title without the rule
        assert clean(dump).title != HEADLINE[lang]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dump_teasers_above_the_headline_are_not_the_title(lang: str) -> None:
    dump = _dump(MENU[lang], TEASERS[lang], [HEADLINE[lang]], BYLINE[lang], BODY[lang])
    doc = clean(dump)
    assert doc.title == HEADLINE[lang]
    assert not any(t in doc.text for t in TEASERS[lang][1:])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dump_breadcrumb_holding_the_headline_is_not_the_title(lang: str) -> None:
    crumb = " > ".join([MENU[lang][1], MENU[lang][4], HEADLINE[lang]])
    doc = clean(_dump(MENU[lang], [crumb], BYLINE[lang], BODY[lang]))
    assert doc.title != crumb
    assert crumb not in doc.text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dump_first_line_is_no_title_unless_printed_again(lang: str) -> None:
    # innerText opens with a skip link: it declares nothing
    doc = clean(_dump(MENU[lang], BYLINE[lang], BODY[lang]))
    assert doc.title is None
    assert not doc.text.startswith(MENU[lang][0])
    # get_text() opens with the <title>: printed again, it is the headline's line
    window = f"{HEADLINE[lang]} | Sahel Info"
    doc = clean(_dump([window], MENU[lang][1:], [HEADLINE[lang]], BYLINE[lang], BODY[lang]))
    assert doc.title is not None and doc.title.startswith(HEADLINE[lang])
    assert doc.text.startswith(doc.title + "\n\n" + BODY[lang][0][:40])
