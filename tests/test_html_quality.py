"""HTML quality rules that weigh trafilatura's choice against the page's markup."""

from __future__ import annotations

import pytest

from sahelclean.classify import PageHints, classify, metalines, rules, widgetlines
from sahelclean.html.layout import render, to_blocks
from sahelclean.html.parse import parse_html
from sahelclean.models import Block, Classified, Label
from sahelclean.options import Options
from sahelclean.text.features import features
from sahelclean.text.language import stopwords_for

# Made-up articles (French and English): a title, four paragraphs.
BODIES = {
    "fr": [
        "Les maraîchers de la vallée ont commencé la récolte des oignons plus tôt que "
        "prévu cette année, à cause de la chaleur qui a pressé la maturité des bulbes.",
        "Sur les marchés de la ville, le sac de cinquante kilos se vend déjà moins cher "
        "qu'à la même période l'an dernier, ce qui inquiète les producteurs du secteur.",
        "La coopérative régionale a annoncé la construction de deux nouveaux magasins de "
        "stockage, financés en partie par les cotisations de ses membres depuis trois ans.",
        "Les exportateurs espèrent que les routes vers les pays voisins resteront ouvertes "
        "jusqu'à la fin de la saison, malgré les contrôles plus fréquents aux frontières.",
    ],
    "en": [
        "Market gardeners in the valley began the onion harvest earlier than expected this "
        "year, because the heat hurried the bulbs to ripeness across most of the fields.",
        "In the town markets, a fifty-kilo sack already sells for less than at the same "
        "time last year, which worries the growers of the whole sector a great deal.",
        "The regional cooperative announced the building of two new storage sheds, paid "
        "for in part by the dues its members have put aside over the last three years.",
        "Exporters hope the roads to neighbouring countries will stay open until the end "
        "of the season, despite the more frequent checks at the border posts this month.",
    ],
}
INTERTITLE = {"fr": "Des prix en baisse", "en": "Prices are falling"}
# A heading over a block trafilatura left out: an embed's notice, a list of links.
WIDGET = {
    "fr": ("Contenu externe recommandé", "Cliquez ici pour afficher le contenu de la plateforme"),
    "en": ("Recommended external content", "Click here to show the content of the platform"),
}


def _verdicts(rows: list[tuple[str, str, bool]], lang: str) -> list[Classified]:
    """Classify blocks given as (tag, text, kept by trafilatura)."""
    blocks = [
        Block(i, text, i + 1, i + 1, tag=tag, spaced=True).with_kept(kept)
        for i, (tag, text, kept) in enumerate(rows)
    ]
    return classify(blocks, Options(), lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_dropped_intertitle_over_kept_text_is_the_article(lang: str) -> None:
    body = BODIES[lang]
    rows = [("p", body[0], True), ("p", body[1], True), ("h3", INTERTITLE[lang], False)]
    rows += [("p", body[2], True), ("p", body[3], True)]
    out = _verdicts(rows, lang)
    assert out[2].label is Label.HEADING


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_dropped_heading_over_dropped_text_is_left_out(lang: str) -> None:
    body = BODIES[lang]
    heading, notice = WIDGET[lang]
    rows = [("p", body[0], True), ("p", body[1], True), ("h3", heading, False)]
    rows += [("p", notice, False), ("p", body[2], True), ("p", body[3], True)]
    out = _verdicts(rows, lang)
    assert not out[2].label.is_article
    assert all(c.label.is_article for c in out[:2] + out[4:])


# --- widget headings of vocab.MORE_HEADINGS ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "lang"),
    [
        ("Ähnliche Beiträge", Label.RELATED, "de"),
        ("DAS KÖNNTE SIE AUCH INTERESSIEREN:", Label.RELATED, "de"),
        ("Schlagworte", Label.NAVIGATION, "de"),
        ("Schreibe einen Kommentar", Label.COMMENTS, "de"),
        ("Lo último", Label.RELATED, "es"),
        ("Etiquetas:", Label.NAVIGATION, "es"),
        ("Leia também", Label.RELATED, "pt"),
        ("Você pode gostar...", Label.RELATED, "pt"),
        ("Articoli correlati", Label.RELATED, "it"),
        ("Ti potrebbe interessare:", Label.RELATED, "it"),
        ("Entradas relacionadas", Label.RELATED, "es"),
        ("Zobacz także", Label.RELATED, "pl"),
        ("Komentarze (4)", Label.COMMENTS, "pl"),
        ("Tags", Label.NAVIGATION, "en"),
        ("More:", Label.RELATED, "en"),
        ("Tell us what YOU think...", Label.COMMENTS, "en"),
        ("Dites-nous ce que vous en pensez", Label.COMMENTS, "fr"),
    ],
    ids=lambda v: str(v),
)
def test_more_widget_headings(text: str, label: Label, lang: str) -> None:
    verdict = rules.widget_heading(features(Block(0, text, 1, 1), stopwords_for(lang)))
    assert verdict is not None
    assert verdict.label is label
    assert f"({label}, {lang})" in verdict.reason


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ähnliche Beiträge erschienen gestern in drei Zeitungen.", "de"),
        ("Kommentieren wollte der Minister die Zahlen am Montag nicht", "de"),
        ("Zobacz także, jak rolnicy przygotowują się do suszy w regionie", "pl"),
        ("Tags and labels on cattle help herders in the north", "en"),
        ("Você pode gostar ou não, mas a chuva voltou ao sertão nesta semana", "pt"),
        ("Ultime notizie dal fronte della siccità nel nord del paese", "it"),
    ],
)
def test_more_widget_headings_leave_prose_alone(text: str, lang: str) -> None:
    assert rules.widget_heading(features(Block(0, text, 1, 1), stopwords_for(lang))) is None


GERMAN = [
    "Die Landwirte im Norden des Landes haben in diesem Jahr früher mit der Ernte "
    "begonnen, weil die Hitze das Getreide schneller reifen ließ als erwartet.",
    "Auf den Märkten der Stadt ist der Preis für einen Sack Hirse bereits gefallen, "
    "was die Erzeuger in der ganzen Region mit wachsender Sorge beobachten.",
    "Die Genossenschaft kündigte den Bau von zwei neuen Lagerhallen an, die zum Teil "
    "aus den Beiträgen ihrer Mitglieder der letzten drei Jahre bezahlt werden.",
]
GERMAN_RAIL = [
    "Neue Brücke über den Fluss eröffnet",
    "Schulen öffnen nach den Ferien wieder",
    "Regenzeit beginnt später als üblich",
]


def test_a_german_rail_under_its_heading_is_related() -> None:
    texts = [*GERMAN, "Das könnte Sie auch interessieren", *GERMAN_RAIL]
    blocks = [Block(i, t, i + 1, i + 1) for i, t in enumerate(texts)]
    out = classify(blocks, Options(), "de")
    assert all(c.label.is_article for c in out[:3])
    assert all(c.label is Label.RELATED for c in out[3:])


# --- rails of linked headings ---------------------------------------------------------------

TEASERS = {
    "fr": [
        ("Le fleuve Niger atteint son plus haut niveau", "Les riverains surveillent les digues"),
        ("Une nouvelle route vers Gao", "Les travaux doivent durer deux ans"),
        ("Le festival du désert revient", "Les organisateurs attendent des milliers de visiteurs"),
        ("La saison des pluies commence tôt", "Les semis avancent dans le sud du pays"),
    ],
    "en": [
        ("The Niger river reaches its highest level", "Residents keep watch on the dykes"),
        ("A new road to Gao", "The works are due to last two years"),
        ("The desert festival returns", "Organisers expect thousands of visitors"),
        ("The rainy season starts early", "Sowing moves ahead in the south of the country"),
    ],
}


def _linked_rows(lang: str, between: str) -> list[Block]:
    """An article trafilatura kept, then linked headings it kept too, each followed by a
    summary in `between` (a tag): h4 for a rail of teasers, p for a list article."""
    body = BODIES[lang]
    blocks = [Block(i, t, i + 1, i + 1, tag="p", spaced=True) for i, t in enumerate(body)]
    for head, summary in TEASERS[lang]:
        n = len(blocks)
        blocks.append(Block(n, head, n + 1, n + 1, tag="h3", link_density=1.0))
        text = summary if between == "h4" else f"{summary}, {body[n % 4][:120]}."
        blocks.append(Block(n + 1, text, n + 2, n + 2, tag=between, spaced=True))
    return [b.with_kept(True) for b in blocks]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_linked_headings_with_their_summaries_are_a_rail(lang: str) -> None:
    out = classify(_linked_rows(lang, "h4"), Options(), lang)
    assert all(c.label.is_article for c in out[:4])
    assert [c.label for c in out[4:]] == [Label.RELATED] * (len(out) - 4)
    assert "linked headings" in out[4].verdict.reason


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_linked_headings_each_over_its_paragraph_are_the_article(lang: str) -> None:
    out = classify(_linked_rows(lang, "p"), Options(), lang)
    assert all(c.label.is_article for c in out)


# --- linked lines in capitals -------------------------------------------------------------

# (not an app pitch: vocab.END_NOTE_PATTERNS labels "Click here to get our app" an ad)
SHOUTS = {
    "fr": "CLIQUEZ ICI POUR LES RÉSULTATS COMPLETS DE LA COURSE",
    "en": "CLICK HERE FOR THE FULL RESULTS OF THE RACE",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("density", "text_case", "widget"),
    [
        (1.0, "upper", True),  # a call to action
        (0.0, "upper", False),  # a shouted sentence of the article, no link
        (1.0, "lower", False),  # a link in the text, in ordinary case
    ],
)
def test_a_linked_line_in_capitals_is_a_teaser(
    lang: str, density: float, text_case: str, widget: bool
) -> None:
    body = BODIES[lang]
    shout = SHOUTS[lang] if text_case == "upper" else SHOUTS[lang].capitalize()
    texts = [body[0], body[1], shout, body[2], body[3]]
    blocks = [
        Block(i, t, i + 1, i + 1, tag="p", spaced=True, link_density=density if i == 2 else 0.0)
        for i, t in enumerate(texts)
    ]
    out = classify([b.with_kept(True) for b in blocks], Options(), lang)
    assert (out[2].label is Label.RELATED) is widget
    assert all(c.label.is_article for c in out[:2] + out[3:])


@pytest.mark.parametrize(
    ("text", "lang", "label"),
    [
        ("À lire aussi…", "fr", Label.RELATED),
        ("Vous aimerez aussi...", "fr", Label.RELATED),
        ("You may also like...", "en", Label.RELATED),
        ("Ähnliche Beiträge …", "de", Label.RELATED),
    ],
)
def test_a_widget_heading_may_trail_off(text: str, lang: str, label: Label) -> None:
    verdict = rules.widget_heading(features(Block(0, text, 1, 1), stopwords_for(lang)))
    assert verdict is not None
    assert verdict.label is label


@pytest.mark.parametrize("text", ["Commentaires.", "Comments!", "Partager ?"])
def test_a_widget_word_ending_a_sentence_is_no_heading(text: str) -> None:
    assert rules.widget_heading(features(Block(0, text, 1, 1), stopwords_for("fr"))) is None


# --- scripts without spaces -----------------------------------------------------------------

SHORT_SENTENCES = {
    "fr": "Rien n'a changé.",
    "en": "Nothing changed.",
    "ja": "何も変わらなかった。",  # "nothing changed", one "word" to a whitespace split
    "zh": "什么都没有改变。",
}


@pytest.mark.parametrize("lang", ["fr", "en", "ja", "zh"])
def test_a_short_sentence_kept_in_the_article_is_a_paragraph(lang: str) -> None:
    body = BODIES["en" if lang in ("ja", "zh") else lang]
    texts = [body[0], body[1], SHORT_SENTENCES[lang], body[2], body[3]]
    blocks = [Block(i, t, i + 1, i + 1, tag="p", spaced=True) for i, t in enumerate(texts)]
    out = classify([b.with_kept(True) for b in blocks], Options(), lang)
    assert out[2].label is Label.PARAGRAPH


# --- phrases and teaser lead-ins of vocab.MORE_PHRASES and MORE_TEASER_PREFIXES -----------


@pytest.mark.parametrize(
    ("text", "lang", "label"),
    [
        ("Du musst angemeldet sein, um Kommentare zu schreiben!", "de", Label.COMMENTS),
        ("Sie sind derzeit nicht eingeloggt.", "de", Label.COMMENTS),
        ("Die besten Geschichten jede Woche in deinen Posteingang.", "de", Label.NEWSLETTER),
        ("Auch lesen: Neue Brücke über den Fluss eröffnet", "de", Label.RELATED),
        ("LE PUEDE INTERESAR: Las lluvias llegan antes de lo previsto", "es", Label.RELATED),
        ("Czytaj także: Rolnicy czekają na deszcz w regionie", "pl", Label.RELATED),
        ("Leia também: A estrada para Gao será reaberta", "pt", Label.RELATED),
        ("SEE MORE: Herders crowd the wells of Tahoua before the rains", "en", Label.RELATED),
        ("Related post: How the Gao bus companies plan their convoys", "en", Label.RELATED),
        ("Also: See our coverage of the Niger flood at Mopti", "en", Label.RELATED),
        ("À découvrir aussi : les maraîchers de Kayes misent sur l'oignon", "fr", Label.RELATED),
        ("Voir plus : La crue du Niger arrive plus tôt à Mopti", "fr", Label.RELATED),
        ("(Leggi anche: La piena del Niger arriva prima del previsto)", "it", Label.RELATED),
    ],
)
def test_more_widget_phrases(text: str, lang: str, label: Label) -> None:
    verdict = rules.first_verdict(features(Block(0, text, 1, 1), stopwords_for(lang)))
    assert verdict is not None
    assert verdict.label is label


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Auch lesen konnte das Kind schon mit vier Jahren, erzählt die Mutter.", "de"),
        ("Czytaj także", "pl"),  # a heading alone, not a teaser: no headline after it
        ("Also, the herders say the wells of Tahoua are drying up early this year.", "en"),
        ("Voir plus de trois cents bêtes au puits, c'est devenu courant en avril.", "fr"),
    ],
)
def test_more_teaser_prefixes_need_a_headline(text: str, lang: str) -> None:
    f = features(Block(0, text, 1, 1), stopwords_for(lang))
    assert widgetlines.inline_teaser(f) is None


# --- donation and support appeals of vocab.SUPPORT_PHRASES -------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Support our journalism: every contribution keeps the newsroom going.", "en"),
        ("We rely on your support to keep reporting from the valley", "en"),
        ("Faites un don pour que nos reporters restent sur le terrain.", "fr"),
        ("Soutenez notre journalisme indépendant", "fr"),
        ("Unterstützen Sie unsere Arbeit mit einem Abo oder einer Spende.", "de"),
        ("Jede kleine Spende hilft uns, weiter unabhängig zu berichten!", "de"),
        ("Do you read us every day? Click here to support the newsroom.", "en"),
        ("Devenez membre et recevez notre lettre du week-end", "fr"),
        ("HAZTE MIEMBRO Y RECIBE NUESTRA REVISTA", "es"),
        ("Unterstütze unabhängige Berichterstattung aus der Region", "de"),
    ],
)
def test_support_appeals_are_paywall(text: str, lang: str) -> None:
    verdict = rules.first_verdict(features(Block(0, text, 1, 1), stopwords_for(lang)))
    assert verdict is not None
    assert verdict.label is Label.PAYWALL


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The charity said donations had doubled since the floods began in March.", "en"),
        ("L'association a reçu plus de dons que prévu après les inondations de mars.", "fr"),
        ("Die Spenden an das Hilfswerk haben sich seit den Überschwemmungen verdoppelt.", "de"),
        ("The cooperative said it would support members hit by the floods this year.", "en"),
        ("La coopérative compte deux cents membres depuis le début de la saison.", "fr"),
    ],
)
def test_reports_on_donations_are_no_appeal(text: str, lang: str) -> None:
    verdict = rules.first_verdict(features(Block(0, text, 1, 1), stopwords_for(lang)))
    assert verdict is None or verdict.label is not Label.PAYWALL


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("In this Dec. 12, 2006, file photo, two astronauts work outside the station.", True),
        ("In this March 3 photo, farmers load sacks of millet onto a truck in Gao.", True),
        ("In this region, farmers load sacks of millet onto trucks every morning.", False),
    ],
)
def test_an_in_this_photo_caption_with_a_date(text: str, caption: bool) -> None:
    verdict = metalines.caption(features(Block(0, text, 1, 1), stopwords_for("en")))
    assert (verdict is not None) is caption


# --- disclosures and notices of vocab.NOTICE_PHRASES -------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "label"),
    [
        ("This post contains advertising for the shops we tested.", "en", Label.AD),
        ("Cet article contient de la publicité pour les boutiques testées.", "fr", Label.AD),
        ("*Werbung. Dieser Beitrag enthält Werbung für den Laden.", "de", Label.AD),
        ("Click on the button below to load the content of the map.", "en", Label.COOKIE),
        (
            "Cliquez sur le bouton ci-dessous pour charger le contenu de la carte.",
            "fr",
            Label.COOKIE,
        ),
        ("Klicken Sie auf den unteren Button, um die Karte zu laden.", "de", Label.COOKIE),
        ("You might also be interested in these stories:", "en", Label.RELATED),
        ("Ces articles pourraient vous intéresser :", "fr", Label.RELATED),
        ("Das Thema könnte dich auch interessieren:", "de", Label.RELATED),
        ("To view the full story, please subscribe to the paper.", "en", Label.PAYWALL),
        ("Pour accéder en illimité à nos articles", "fr", Label.PAYWALL),
        ("Um den ganzen Artikel zu lesen, schließen Sie ein Abo ab.", "de", Label.PAYWALL),
        ("Submit your letter to the editor via the form below.", "en", Label.COMMENTS),
        ("Merci de respecter notre charte de modération.", "fr", Label.COMMENTS),
        ("Bitte halten Sie sich an unsere Netiquette.", "de", Label.COMMENTS),
        ("Note: comments are moderated and may take a day to appear.", "en", Label.COMMENTS),
        ("Les commentaires sont modérés avant d'être mis en ligne.", "fr", Label.COMMENTS),
        (
            "Ihr Beitrag wird von einem Moderator überprüft, bevor er erscheint.",
            "de",
            Label.COMMENTS,
        ),
        ("This story is the copyrighted property of the paper.", "en", Label.FOOTER),
        ("Reproduction interdite sans autorisation de la rédaction.", "fr", Label.FOOTER),
        ("Nachdruck nur mit Genehmigung des Verlags.", "de", Label.FOOTER),
    ],
)
def test_notice_phrases(text: str, lang: str, label: Label) -> None:
    verdict = rules.first_verdict(features(Block(0, text, 1, 1), stopwords_for(lang)))
    assert verdict is not None
    assert verdict.label is label


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The shop says its affiliates sold twice as many sacks this year.", "en"),
        ("La boutique affirme que ses affiliés ont vendu deux fois plus de sacs.", "fr"),
        ("Der Verlag prüft den Inhalt von Verträgen mit den Händlern genau.", "de"),
        # a story about moderation is no notice
        ("The debate was moderated by a radio host from the capital city.", "en"),
        ("Le débat était modéré par une animatrice de la radio régionale.", "fr"),
    ],
)
def test_notice_phrases_leave_prose_alone(text: str, lang: str) -> None:
    assert rules.first_verdict(features(Block(0, text, 1, 1), stopwords_for(lang))) is None


# --- a table's <caption> is its title, not a photo caption -------------------------------

CAPTIONS = {
    "fr": "Le prix du sac d'oignons a baissé de moitié sur les marchés de la région cette saison.",
    "en": "The price of a sack of onions fell by half in the markets of the region this season.",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_kept_table_caption_is_the_article(lang: str) -> None:
    body = BODIES[lang]
    rows = [("p", body[0], True), ("p", body[1], True), ("caption", CAPTIONS[lang], True)]
    rows += [("p", body[2], True), ("p", body[3], True)]
    out = _verdicts(rows, lang)
    assert out[2].label is Label.PARAGRAPH


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_figcaption_is_still_a_caption(lang: str) -> None:
    body = BODIES[lang]
    rows = [("p", body[0], True), ("p", body[1], True), ("figcaption", CAPTIONS[lang], False)]
    rows += [("p", body[2], True), ("p", body[3], True)]
    out = _verdicts(rows, lang)
    assert out[2].label is Label.CAPTION or not out[2].label.is_article  # not in the text
    assert all(out[i].label is Label.PARAGRAPH for i in (1, 3, 4))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_caption_trafilatura_kept_is_judged_as_any_line(lang: str) -> None:
    # a video page's description sits in a caption box; trafilatura keeps it as the text
    body = BODIES[lang]
    rows = [("p", body[0], True), ("p", body[1], True), ("figcaption", CAPTIONS[lang], True)]
    rows += [("p", body[2], True), ("p", body[3], True)]
    out = _verdicts(rows, lang)
    assert out[2].label is Label.PARAGRAPH


# --- a photo's caption inside a box marked as one ----------------------------------------


def _tags(html: str) -> dict[str, str | None]:
    tree, _ = parse_html(html)
    return {b.text: b.tag for b in to_blocks(render(tree))}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    "box",
    [
        '<div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">{}</p></div>',
        '<div class="media"><img src="a.jpg"><p class="image-caption">{}</p></div>',
        '<figure><img src="a.jpg"><figcaption><p>{}</p></figcaption></figure>',
    ],
)
def test_text_in_a_caption_box_is_a_caption(lang: str, box: str) -> None:
    body = BODIES[lang]
    html = f"<html><body><h1>{INTERTITLE[lang]}</h1>{box.format(CAPTIONS[lang])}"
    html += "".join(f"<p>{p}</p>" for p in body) + "</body></html>"
    tags = _tags(html)
    assert tags[CAPTIONS[lang]] == "figcaption"
    assert all(tags[p] == "p" for p in body)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_caption_class_around_the_article_is_no_caption(lang: str) -> None:
    # "with-captions" on the article's wrapper, or a <figcaption> the parser left open
    body = BODIES[lang]
    html = '<html><body><div class="post with-captions">'
    html += "".join(f"<p>{p}</p>" for p in body) + "</div></body></html>"
    tags = _tags(html)
    assert all(tags[p] == "p" for p in body)


# --- an <h1> under a notice at the top of the core is the title ----------------------------

NOTICES = {
    "fr": ("Bienvenue dans l'édition internationale du journal", "En savoir plus"),
    "en": ("Welcome to the international edition of the paper", "Learn more"),
}
HEADLINES = {
    "fr": "Les maraîchers de la vallée récoltent les oignons plus tôt",
    "en": "Valley market gardeners harvest their onions early",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_h1_under_a_notice_is_the_title(lang: str) -> None:
    notice, more = NOTICES[lang]
    rows = [("h3", notice, False), ("div", more, False), ("h1", HEADLINES[lang], True)]
    rows += [("p", p, True) for p in BODIES[lang]]
    out = _verdicts(rows, lang)
    assert out[2].label is Label.TITLE
    assert not out[0].label.is_article and not out[1].label.is_article
    assert all(c.label.is_article for c in out[3:])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_h1_after_the_first_paragraph_is_no_title(lang: str) -> None:
    # the <h1> is looked for above the core's first paragraph only
    body = BODIES[lang]
    rows = [("h2", HEADLINES[lang], True), ("p", body[0], True), ("h1", INTERTITLE[lang], True)]
    rows += [("p", p, True) for p in body[1:]]
    out = _verdicts(rows, lang)
    assert out[0].label is Label.TITLE
    assert out[1].label.is_article and out[2].label is not Label.TITLE


def _body(out: list[Classified]) -> bool:
    """Paragraphs, the first one the lead (a page without a headline: its first block)."""
    return out[0].label is Label.LEAD and all(c.label is Label.PARAGRAPH for c in out[1:])


# --- a data table trafilatura kept: its cells are the article's ---------------------------

TABLES = {
    "fr": [("th", "Station"), ("th", "Cumul"), ("td", "Dori"), ("td", "412"), ("td", "+18")],
    "en": [("th", "Station"), ("th", "Total"), ("td", "Dori"), ("td", "412"), ("td", "+18")],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kept", [True, False])
def test_the_cells_of_a_kept_table_are_the_article(lang: str, kept: bool) -> None:
    body = BODIES[lang]
    rows = [("p", body[0], True), ("p", body[1], True)]
    rows += [(tag, text, kept) for tag, text in TABLES[lang]]
    rows += [("p", body[2], True), ("p", body[3], True)]
    out = _verdicts(rows, lang)
    cells = out[2 : 2 + len(TABLES[lang])]
    assert all(c.label.is_article is kept for c in cells)
    assert _body(out[:2])


# --- an author's bio among the last paragraphs ---------------------------------------------

BIOS = {
    "fr": "Fatoumata Maïga est journaliste indépendante, basée à Tombouctou, où elle couvre "
    "la culture et l'éducation depuis 2015.",
    "en": "Fatoumata Maiga is a freelance journalist based in Timbuktu, where she has covered "
    "culture and education since 2015.",
}


# a guest post's signature: the founder or consultant who wrote it, the noun in title case
FOUNDER_BIOS = {
    "fr": "Mariam Touré est la Fondatrice et Consultante principale de Karité Conseil, une "
    "agence qui accompagne les coopératives dans leur communication.",
    "en": "Mariam Toure is the Founder & Principal Consultant at Shea Advisory, an agency "
    "that helps cooperatives tell their story to buyers.",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("bios", [BIOS, FOUNDER_BIOS], ids=["journalist", "founder"])
def test_an_author_bio_under_the_article_is_metadata(bios: dict[str, str], lang: str) -> None:
    rows = [("p", p, True) for p in BODIES[lang]] + [("p", bios[lang], True)]
    out = _verdicts(rows, lang)
    assert out[-1].label is Label.METADATA
    assert all(c.label.is_article for c in out[:-1])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_founder_in_the_story_is_article(lang: str) -> None:
    body = BODIES[lang]
    rows = [("p", body[0], True), ("p", FOUNDER_BIOS[lang], True)]
    rows += [("p", p, True) for p in body[1:]]
    out = _verdicts(rows, lang)
    assert out[1].label is Label.PARAGRAPH


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_sentence_about_a_journalist_in_the_story_is_article(lang: str) -> None:
    # the same sentence with paragraphs after it is the story's (a journalist's arrest)
    body = BODIES[lang]
    rows = [("p", body[0], True), ("p", BIOS[lang], True)] + [("p", p, True) for p in body[1:]]
    out = _verdicts(rows, lang)
    assert out[1].label is Label.PARAGRAPH


# --- the title: the line that restates the page's declared <title> -------------------------

SITE_NAMES = {"fr": "Le Courrier du Delta", "en": "The Delta Courier"}
# Lines above an article that share no word with its headline.
STRAY_LINES = {
    "fr": ["Aller à l'article", "Photo 1 sur 12", "Mardi 12 mars 2024 à 8 h 15"],
    "en": ["Skip to Article", "Image 1 of 12", "Tuesday March 12, 2024 8:15 am"],
}


def _titled(rows: list[tuple[str, str, bool]], lang: str) -> list[Classified]:
    """Classify blocks of a page whose <title> is the headline and the site's name."""
    blocks = [
        Block(i, text, i + 1, i + 1, tag=tag, spaced=True).with_kept(kept)
        for i, (tag, text, kept) in enumerate(rows)
    ]
    hint = f"{HEADLINES[lang]} | {SITE_NAMES[lang]}"
    return classify(blocks, Options(), lang, PageHints(title=hint))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("stray", [0, 1, 2])
def test_a_line_sharing_no_word_with_the_declared_title_is_no_title(lang: str, stray: int) -> None:
    # the headline ends with a full stop, so no line above the article looks like it
    rows = [("div", STRAY_LINES[lang][stray], False), ("h1", HEADLINES[lang] + ".", False)]
    rows += [("p", p, True) for p in BODIES[lang]]
    out = _titled(rows, lang)
    assert out[0].label is not Label.TITLE and not out[0].label.is_article
    assert all(c.label.is_article for c in out[2:])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_line_restating_the_declared_title_is_the_title(lang: str) -> None:
    # the masthead shares the site's name with the <title>; the <h1>, printed again in a
    # rail under the article, is a repeated line, yet it is still the headline
    rows = [("div", SITE_NAMES[lang], False), ("h1", HEADLINES[lang], False)]
    rows += [("p", p, True) for p in BODIES[lang]] + [("div", HEADLINES[lang], False)]
    out = _titled(rows, lang)
    assert [i for i, c in enumerate(out) if c.label is Label.TITLE] == [1]
    assert not out[0].label.is_article and not out[-1].label.is_article
    assert all(c.label.is_article for c in out[2:-1])


# --- what trafilatura kept past a closing rail ---------------------------------------------

RAILS = {
    "fr": (
        "Les plus lus",
        [
            "Le prix du mil grimpe à Mopti",
            "Une nouvelle route vers Tombouctou",
            "Les éleveurs inquiets avant la saison",
            "La foire de Ségou ouvre ses portes",
        ],
        "À Gao, les pêcheurs ont repris la mer après trois semaines de crue, selon la mairie.",
    ),
    "en": (
        "Most read",
        [
            "Millet prices climb in Mopti",
            "A new road to Timbuktu",
            "Herders worried before the season",
            "The Segou fair opens its doors",
        ],
        "In Gao, the fishermen went back out after three weeks of floods, the town hall said.",
    ),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_teaser_kept_past_a_closing_rail_is_not_the_article(lang: str) -> None:
    heading, entries, teaser = RAILS[lang]
    rows = [("p", p, True) for p in BODIES[lang]] + [("h2", heading, False)]
    rows += [("li", e, False) for e in entries] + [("p", teaser, True)]
    out = _verdicts(rows, lang)
    assert all(c.label.is_article for c in out[:4])
    assert not out[-1].label.is_article


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_article_goes_on_under_a_box_of_one_teaser(lang: str) -> None:
    # a "Most read" box of one headline inside the text: the paragraph under it is the
    # article's last one
    heading, entries, last = RAILS[lang]
    rows = [("p", p, True) for p in BODIES[lang]] + [("h2", heading, False)]
    rows += [("li", entries[0], False), ("p", last, True)]
    out = _verdicts(rows, lang)
    assert out[-1].label.is_article


# --- a closing run of linked headlines that trafilatura kept --------------------------------

LINK_TAILS = {
    "fr": (
        "Aussi sur notre site",
        [
            "Sécheresse : les éleveurs de Kidal déplacent leurs troupeaux",
            "Le barrage de Sélingué au plus bas depuis dix ans",
            "À Niamey, le prix du bois de chauffe s'envole",
        ],
    ),
    "en": (
        "Also on our site",
        [
            "Drought: Kidal herders move their cattle south",
            "The Selingue dam at its lowest in ten years",
            "In Niamey, the price of firewood soars",
        ],
    ),
}


def _linked(rows: list[tuple[str, str, bool, float]], lang: str) -> list[Classified]:
    """Classify blocks given as (tag, text, kept by trafilatura, link density)."""
    blocks = [
        Block(i, text, i + 1, i + 1, tag=tag, spaced=True, link_density=links).with_kept(kept)
        for i, (tag, text, kept, links) in enumerate(rows)
    ]
    return classify(blocks, Options(), lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_linked_headlines_closing_what_trafilatura_kept_are_related(lang: str) -> None:
    heading, headlines = LINK_TAILS[lang]
    rows = [("p", p, True, 0.0) for p in BODIES[lang]] + [("h2", heading, True, 0.0)]
    rows += [("p", h, True, 1.0) for h in headlines]
    out = _linked(rows, lang)
    assert all(c.label.is_article for c in out[:4])
    assert not out[4].label.is_article
    assert all(c.label is Label.RELATED for c in out[5:])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_linked_line_or_a_reference_list_ends_the_article(lang: str) -> None:
    # one link at the end ("read the report") and a list of sources stay the article's
    _, headlines = LINK_TAILS[lang]
    sources = ["1 https://example.org/rapport-2023", "2 https://example.org/annexe"]
    one = [("p", p, True, 0.0) for p in BODIES[lang]] + [("p", headlines[0], True, 1.0)]
    assert all(c.label.is_article for c in _linked(one, lang))
    listed = [("p", p, True, 0.0) for p in BODIES[lang]] + [("p", s, True, 1.0) for s in sources]
    assert all(c.label.is_article for c in _linked(listed, lang))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_linked_headlines_inside_the_article_are_left_alone(lang: str) -> None:
    # a list of links followed by more of the article is the article's own list
    _, headlines = LINK_TAILS[lang]
    body = BODIES[lang]
    rows = [("p", p, True, 0.0) for p in body[:2]] + [("li", h, True, 1.0) for h in headlines]
    rows += [("p", p, True, 0.0) for p in body[2:]]
    assert all(c.label.is_article for c in _linked(rows, lang))


# --- an intertitle in a <div> that trafilatura dropped between paragraphs it kept -----------

DIV_INTERTITLES = {
    "fr": ("Qui paie la facture des engrais ?", "Partager l'article", "Publié le 12 mars 2024"),
    "en": ("Who pays for the fertiliser?", "Social share", "Published on 12 March 2024"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_short_div_line_between_kept_paragraphs_stays_in_the_article(lang: str) -> None:
    # kept, as a line of the article; an intertitle only in <h2>…<h6> on HTML
    body = BODIES[lang]
    intertitle = DIV_INTERTITLES[lang][0]
    rows = [("p", body[0], True), ("p", body[1], True), ("div", intertitle, False)]
    rows += [("p", body[2], True), ("p", body[3], True)]
    out = _verdicts(rows, lang)
    assert out[2].label is Label.PARAGRAPH
    assert all(c.label.is_article for c in out)


HTML_INTERTITLES = {
    "fr": ("Ce que prévoit le plan :", "Une saison difficile"),
    "en": ("What the plan provides:", "A difficult season"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_html_intertitles_are_its_heading_elements(lang: str) -> None:
    """A short <p> between paragraphs is a paragraph on HTML (its intertitles are marked);
    an <h3> that ends with a colon opens what follows: a paragraph, not an intertitle."""
    body = BODIES[lang]
    colon, short = HTML_INTERTITLES[lang]
    rows = [("p", body[0], True), ("p", short, True), ("p", body[1], True)]
    rows += [("h3", colon, True), ("p", body[2], True), ("h3", short, True), ("p", body[3], True)]
    out = _verdicts(rows, lang)
    assert [c.label for c in out[1:]] == [
        Label.PARAGRAPH,
        Label.PARAGRAPH,
        Label.PARAGRAPH,
        Label.PARAGRAPH,
        Label.HEADING,
        Label.PARAGRAPH,
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("which", [1, 2], ids=["label", "date"])
def test_a_label_or_a_date_between_kept_paragraphs_is_left_out(lang: str, which: int) -> None:
    body = BODIES[lang]
    rows = [
        ("p", body[0], True),
        ("p", body[1], True),
        ("div", DIV_INTERTITLES[lang][which], False),
    ]
    rows += [("p", body[2], True), ("p", body[3], True)]
    assert not _verdicts(rows, lang)[2].label.is_article
