"""When trafilatura's choice stands on HTML pages: article wrappers, menus it keeps."""

from __future__ import annotations

import pytest

from sahelclean import clean
from sahelclean.classify import trust_extractor
from sahelclean.classify.firstpass import judge, with_markup
from sahelclean.html.extract import mark_kept, unwrap
from sahelclean.models import Block, Label, Verdict
from sahelclean.options import Options
from sahelclean.text.language import stopwords_for

ARTICLES = {
    "fr": (
        "Agadez : les transporteurs reprennent la route du désert",
        [
            "Après trois semaines d'arrêt, les camions chargés de marchandises ont repris "
            "mardi la piste qui relie Agadez à la frontière algérienne, selon le syndicat.",
            "Les chauffeurs disent avoir obtenu des autorités une escorte militaire pour "
            "les tronçons les plus exposés, où plusieurs attaques ont eu lieu cette année.",
            "Sur le marché central, les commerçants espèrent une baisse rapide du prix du "
            "sucre et de l'huile, qui avait presque doublé pendant la suspension du trafic.",
            "La chambre de commerce estime que la reprise concerne près de deux cents "
            "véhicules, mais prévient que les délais resteront longs jusqu'à la fin du mois.",
        ],
        ["Accueil", "Politique", "Économie", "Société", "Sport", "Culture", "Contact"],
    ),
    "en": (
        "Agadez truckers take the desert road again",
        [
            "After three weeks at a standstill, lorries loaded with goods set off again on "
            "Tuesday along the track from Agadez to the Algerian border, the union said.",
            "Drivers say they have obtained a military escort from the authorities for the "
            "most exposed stretches, where several attacks took place this year.",
            "At the central market, traders hope for a quick fall in the price of sugar and "
            "oil, which had almost doubled while the traffic was suspended.",
            "The chamber of commerce says the restart concerns nearly two hundred vehicles, "
            "but warns that delays will stay long until the end of the month.",
        ],
        ["Home", "Politics", "Economy", "Society", "Sport", "Culture", "Contact"],
    ),
}

RAILS = {
    "fr": [
        "Niamey : le prix du mil en hausse sur les marchés de la capitale",
        "Tahoua : une nouvelle école ouvre ses portes dans le quartier nord",
        "Zinder : les pluies tardives inquiètent les cultivateurs de la région",
        "Dosso : le pont sur la route nationale enfin rouvert à la circulation",
        "Maradi : la foire agricole attire des visiteurs venus du Nigeria voisin",
        "Tillabéri : les éleveurs demandent davantage de points d'eau pour le bétail",
        "Diffa : le retour des déplacés dans leurs villages se poursuit lentement",
        "Arlit : la mine d'uranium annonce une baisse de sa production annuelle",
    ],
    "en": [
        "Niamey: millet prices rise in the markets of the capital",
        "Tahoua: a new school opens its doors in the northern district",
        "Zinder: late rains worry farmers across the region this season",
        "Dosso: the bridge on the national road finally reopens to traffic",
        "Maradi: the farm fair draws visitors from neighbouring Nigeria",
        "Tillaberi: herders ask for more water points for their cattle",
        "Diffa: displaced families slowly return to their home villages",
        "Arlit: the uranium mine announces a fall in its yearly output",
    ],
}


def wrapped_page(lang: str, marker: str) -> str:
    """An article whose whole text sits in a container whose class names a widget.

    Menus and two long rails leave the container under MAX_HINTED_SHARE of the page, so
    that it is not taken for the page's wrapper on that ground alone.
    """
    title, body, menu = ARTICLES[lang]
    items = "".join(f'<li><a href="/{i}">{m}</a></li>' for i, m in enumerate(menu))
    rail = "".join(f'<li><a href="/a/{n}">{h}</a></li>' for n, h in enumerate(RAILS[lang]))
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (
        f'<html lang="{lang}"><head><title>{title}</title></head><body>'
        f"<nav><ul>{items}</ul></nav><main><h1>{title}</h1>"
        f'<div class="{marker}">{paras}</div></main>'
        f"<aside><ul>{rail}</ul></aside><aside><ul>{rail}</ul></aside>"
        f"<footer><ul>{items}</ul></footer></body></html>"
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("marker", ["read-more", "paywall", "share-wrapper"])
def test_a_widget_class_around_the_whole_article_is_its_wrapper(lang: str, marker: str) -> None:
    doc = clean(wrapped_page(lang, marker))
    for paragraph in ARTICLES[lang][1]:
        assert paragraph in doc.text


def block(i: int, text: str, *, kept: bool, widget: int = 0, hint: Label | None = None) -> Block:
    verdict = Verdict(hint, "inside <div> marked 'x'") if hint is not None else None
    return Block(i, text, i + 1, i + 1, tag="p", hint=verdict, widget=widget, kept=kept)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_unwrap_drops_the_hint_of_the_container_holding_the_kept_text(lang: str) -> None:
    _, body, menu = ARTICLES[lang]
    blocks = [block(0, menu[0], kept=False, widget=1, hint=Label.NAVIGATION)]
    blocks += [block(i + 1, p, kept=True, widget=2, hint=Label.PAYWALL) for i, p in enumerate(body)]
    blocks.append(block(9, menu[1], kept=True, widget=3, hint=Label.SHARE))
    out = unwrap(blocks)
    assert all(b.hint is None and b.widget == 0 for b in out[1:-1])
    assert out[0].hint == blocks[0].hint  # a menu trafilatura left out stays a menu
    assert out[-1].hint == blocks[-1].hint  # a small widget it let through stays a widget


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_unwrap_leaves_pages_without_kept_widgets_alone(lang: str) -> None:
    _, body, _ = ARTICLES[lang]
    blocks = [block(i, p, kept=True) for i, p in enumerate(body)]
    assert unwrap(blocks) is blocks


def lines_of(blocks: list[Block], lang: str) -> list:  # type: ignore[type-arg]
    stop, options = stopwords_for(lang), Options()
    return [with_markup(judge(b.with_kept(None), stop, options), options) for b in blocks]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_choice_made_of_menus_around_a_small_core_is_not_trusted(lang: str) -> None:
    _, body, menu = ARTICLES[lang]
    links = [
        Block(i, f"{m} {n}", i + 1, i + 1, tag="li", link_density=1.0, kept=True)
        for i, (m, n) in enumerate((m, n) for n in range(12) for m in menu)
    ]
    start = len(links)
    prose = [block(start + i, p, kept=True) for i, p in enumerate(body[:2])]
    blocks = links + prose
    assert not trust_extractor(blocks, lines_of(blocks, lang), Options())
    # the same prose alone is trusted
    alone = [block(i, p, kept=True) for i, p in enumerate(body[:2])]
    assert trust_extractor(alone, lines_of(alone, lang), Options())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_teaser_kept_out_of_a_marked_article_is_not_trusted(lang: str) -> None:
    """The article sits in a paywall-marked box; trafilatura kept only its first lines."""
    _, body, _ = ARTICLES[lang]
    article = [f"{a} {b}" for a in body for b in body if a != b]  # twelve paragraphs
    blocks = [block(0, article[0], kept=True), block(1, article[1], kept=True)]
    blocks += [
        block(i + 2, p, kept=False, widget=1, hint=Label.PAYWALL) for i, p in enumerate(article[2:])
    ]
    own = lines_of(blocks, lang)
    stop, options = stopwords_for(lang), Options()
    raw = [judge(b.with_kept(None), stop, options) for b in blocks]
    assert trust_extractor(blocks, own, options)  # the box is a widget: the core is the teaser
    assert not trust_extractor(blocks, own, options, raw)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_line_printed_twice_and_kept_once_is_kept_in_the_article(lang: str) -> None:
    """The headline in a sticky bar and above the article: trafilatura printed it once."""
    title, body, menu = ARTICLES[lang]
    texts = [menu[0], title, menu[1], menu[2], title, *body, menu[3]]
    blocks = [Block(i, t, i + 1, i + 1, tag="p") for i, t in enumerate(texts)]
    marked = mark_kept(blocks, [title, *body])
    assert [b.kept for b in marked[1:5]] == [False, False, False, True]
    assert all(b.kept for b in marked[5:-1])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_line_trafilatura_printed_twice_keeps_both_copies(lang: str) -> None:
    _, body, menu = ARTICLES[lang]
    texts = [menu[0], body[0], body[1], body[0], body[2]]
    blocks = [Block(i, t, i + 1, i + 1, tag="p") for i, t in enumerate(texts)]
    marked = mark_kept(blocks, [body[0], body[1], body[0], body[2]])
    assert [b.kept for b in marked] == [False, True, True, True, True]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_unwrap_drops_the_hint_of_sections_marked_alike(lang: str) -> None:
    # each paragraph in its own <section class="… Section--Ads">: none holds half the
    # kept text, all together do: they are the article's sections, not ads
    _, body, menu = ARTICLES[lang]
    blocks = [block(i, p, kept=True, widget=i + 1, hint=Label.AD) for i, p in enumerate(body)]
    blocks.append(block(9, menu[1], kept=True, widget=9, hint=Label.SHARE))
    out = unwrap(blocks)
    assert all(b.hint is None and b.widget == 0 for b in out[:-1])
    assert out[-1].hint == blocks[-1].hint


# A timetable in a <pre> and a table of rainfall: trafilatura prints the first line by line
# and each row of the second as one line, cells joined by spaces.
PRE_LINES = {
    "fr": ["Lundi : Gao", "Mardi : Tombouctou", "Mercredi : Mopti", "Jeudi : Ségou"],
    "en": ["Monday: Gao", "Tuesday: Timbuktu", "Wednesday: Mopti", "Thursday: Segou"],
}
ROWS = {
    "fr": [["Ville", "Pluie"], ["Gao", "12 mm"], ["Mopti", "30 mm"]],
    "en": [["Town", "Rain"], ["Gao", "12 mm"], ["Mopti", "30 mm"]],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_block_trafilatura_printed_in_short_lines_is_kept(lang: str) -> None:
    _, body, menu = ARTICLES[lang]
    texts = [menu[0], body[0], " ".join(PRE_LINES[lang]), body[1], " ".join(menu[1:4])]
    blocks = [Block(i, t, i + 1, i + 1, tag="pre" if i == 2 else "p") for i, t in enumerate(texts)]
    marked = mark_kept(blocks, [body[0], *PRE_LINES[lang], body[1]])
    assert [b.kept for b in marked] == [False, True, True, True, False]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_cells_of_a_row_trafilatura_kept_are_kept(lang: str) -> None:
    _, body, menu = ARTICLES[lang]
    cells = [c for row in ROWS[lang] for c in row]
    texts = [body[0], *cells, body[1], menu[0], menu[1]]
    blocks = [
        Block(i, t, i + 1, i + 1, tag="td" if 0 < i <= len(cells) else "p")
        for i, t in enumerate(texts)
    ]
    lines = [body[0], *(" ".join(row) for row in ROWS[lang][1:]), body[1]]
    marked = mark_kept(blocks, lines)
    # the header row was not printed: its cells stay out; the others are kept
    assert [b.kept for b in marked[1:3]] == [False, False]
    assert all(b.kept for b in marked[3 : 1 + len(cells)])
    assert not any(b.kept for b in marked[-2:])


UNSEEN = {
    "fr": "Les autorités de la région ont annoncé la réouverture des marchés hebdomadaires, "
    "fermés depuis trois mois à cause des pluies, à partir de la semaine prochaine.",
    "en": "The regional authorities announced that the weekly markets, closed for three months "
    "because of the rains, will reopen from next week on.",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_article_trafilatura_reads_and_the_layout_does_not_show_comes_in(lang: str) -> None:
    from sahelclean.html.extract import UNSEEN_MIN_CHARS, add_unseen

    menu = [
        Block(i, text, i + 1, i + 1, tag="li", kept=False)
        for i, text in enumerate(
            ["Accueil", "Politique", "Sport"] if lang == "fr" else ["Home", "Politics", "Sport"]
        )
    ]
    lines = [f"{UNSEEN[lang]} ({n})" for n in range(8)]
    assert sum(map(len, lines)) >= UNSEEN_MIN_CHARS
    marked, added = add_unseen(mark_kept(menu, lines), lines)
    assert added == len(lines)
    assert [b.text for b in marked[len(menu) :]] == lines
    assert all(b.kept for b in marked[len(menu) :])
    assert [b.index for b in marked] == list(range(len(marked)))
    # what the page shows itself is not added again
    shown = [*menu, *(Block(3 + n, t, 4 + n, 4 + n, tag="p") for n, t in enumerate(lines))]
    again, none = add_unseen(mark_kept(shown, lines), lines)
    assert none == 0 and len(again) == len(shown)
