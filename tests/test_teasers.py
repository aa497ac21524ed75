"""teasers.py: a rail of teasers after the article, with no heading over it, is cut; a
live blog and an explainer's last sections are not."""

from __future__ import annotations

import pytest

from sahelclean import clean

# --- invented dumps, innerText style: paragraphs set apart, the cards of a rail not ---

FR_TITLE = "À Tombouctou, les manuscrits anciens retrouvent leurs bibliothèques"
FR_BODY = [
    "Après des années passées dans des cantines en métal à Bamako, plusieurs milliers de "
    "manuscrits ont regagné cette semaine les bibliothèques familiales de la ville.",
    "Les familles qui les gardent depuis des générations ont dû attendre la fin des "
    "travaux de rénovation, financés par une fondation et par la coopération régionale.",
    "« C'est une partie de notre mémoire qui revient à la maison », confie le gardien "
    "d'une bibliothèque du quartier de Djingareyber, les mains posées sur un coffre.",
    "Les restaurateurs formés sur place vont désormais numériser les pages les plus "
    "fragiles, afin que les chercheurs puissent les consulter sans les abîmer davantage.",
]
FR_TEASERS = [
    (
        "Niger : la saison des pluies s'annonce précoce dans le Sud",
        "12 juin 2024",
        "Les services météorologiques prévoient des pluies abondantes dès la fin du mois.",
    ),
    (
        "Burkina : un festival de cinéma itinérant dans les villages",
        "11 juin 2024",
        "Une caravane projette des films en plein air dans une dizaine de communes.",
    ),
    (
        "Tchad : les éleveurs de Mongo réclament de nouveaux puits",
        "10 juin 2024",
        "Les points d'eau manquent sur les routes de transhumance, disent-ils.",
    ),
    (
        "Sénégal : la pêche artisanale face à la hausse du carburant",
        "9 juin 2024",
        "Les pirogues sortent moins souvent et le prix du poisson grimpe au marché.",
    ),
]

EN_TITLE = "Timbuktu's ancient manuscripts return to their family libraries"
EN_BODY = [
    "After years spent in metal trunks in Bamako, several thousand manuscripts went back "
    "this week to the family libraries of the old city on the edge of the desert.",
    "The families who have kept them for generations had to wait for the end of the "
    "renovation work, paid for by a foundation and by regional partners.",
    '"It is a part of our memory coming home," says the keeper of one library in the '
    "Djingareyber quarter, his hands resting on a wooden chest.",
    "Restorers trained on site will now scan the most fragile pages, so that researchers "
    "can read them without damaging them any further.",
]
EN_TEASERS = [
    (
        "Niger braces for an early rainy season in the south",
        "June 12, 2024",
        "Forecasters expect heavy rain to arrive before the end of the month.",
    ),
    (
        "A travelling film festival tours Burkina Faso's villages",
        "June 11, 2024",
        "A caravan shows films in the open air in a dozen rural communes.",
    ),
    (
        "Herders in Chad's Mongo region ask for new wells",
        "June 10, 2024",
        "Water points are missing along the grazing routes, they say.",
    ),
    (
        "Senegal's small fishing boats hit by rising fuel prices",
        "June 9, 2024",
        "Boats go out less often and fish prices are climbing at the market.",
    ),
]


def _page(title: str, date: str, body: list[str], tail: list[str]) -> str:
    """An innerText dump: a menu, the article's paragraphs set apart, then `tail` lines."""
    head = "Accueil\nAfrique\nSahel\nSport\nCulture\n\n"
    article = "\n\n".join([title, date, *body])
    return f"{head}{article}\n\n" + "\n".join(tail) + "\n\nMentions légales\n© 2024\n"


def _rail(teasers: list[tuple[str, str, str]]) -> list[str]:
    """The lines of a rail of cards: headline, date, summary, with no heading above."""
    return [line for card in teasers for line in card]


@pytest.mark.parametrize(
    ("title", "date", "body", "teasers", "lang"),
    [
        (FR_TITLE, "13 juin 2024", FR_BODY, FR_TEASERS, "fr"),
        (EN_TITLE, "June 13, 2024", EN_BODY, EN_TEASERS, "en"),
    ],
    ids=["fr", "en"],
)
def test_teaser_rail_after_the_article_is_cut(
    title: str, date: str, body: list[str], teasers: list[tuple[str, str, str]], lang: str
) -> None:
    doc = clean(_page(title, date, body, _rail(teasers)))
    assert doc.language == lang
    for paragraph in body:
        assert paragraph in doc.text
    for headline, _, summary in teasers:
        assert headline not in doc.text
        assert summary not in doc.text


@pytest.mark.parametrize(
    ("title", "date", "body", "teasers"),
    [
        (FR_TITLE, "13 juin 2024", FR_BODY, FR_TEASERS),
        (EN_TITLE, "June 13, 2024", EN_BODY, EN_TEASERS),
    ],
    ids=["fr", "en"],
)
def test_two_entries_are_the_articles_last_sections(
    title: str, date: str, body: list[str], teasers: list[tuple[str, str, str]]
) -> None:
    """Fewer than three entries of that shape: an article's intertitled ending, kept."""
    tail = ["", *(line for card in teasers[:2] for line in (card[0], "", card[2], ""))]
    doc = clean(_page(title, date, body, tail))
    for _, _, summary in teasers[:2]:
        assert summary in doc.text


# Opinion columns listed after the article: headline, author, date, then the column's long
# first paragraph, each set apart like the article's own paragraphs.
FR_COLUMNS = [
    (
        "Pourquoi le Sahel a besoin d'une politique de l'eau",
        "Aminata Diallo",
        "Mardi 11 juin 2024",
        "Chaque année, les mêmes images reviennent : des puits à sec, des troupeaux qui "
        "marchent plus loin, des villages qui se vident avant la saison des pluies. Pourtant, "
        "les solutions sont connues depuis longtemps, des retenues collinaires aux forages "
        "solaires, et il ne manque qu'une volonté de les financer sur la durée plutôt que "
        "d'une urgence à l'autre, comme on le fait depuis vingt ans.",
    ),
    (
        "Le coton burkinabè mérite mieux que des promesses",
        "Issa Ouédraogo",
        "Lundi 10 juin 2024",
        "Les producteurs de la Boucle du Mouhoun ont encore vu leurs rendements baisser cette "
        "année, et les explications officielles ne convainquent plus personne dans les "
        "villages. Les engrais arrivent trop tard, les prix d'achat sont fixés sans eux, et "
        "les jeunes préfèrent partir vers les sites d'orpaillage, où l'argent vient plus vite "
        "même s'il part aussi vite qu'il est venu.",
    ),
    (
        "Ce que les radios communautaires nous apprennent",
        "Mariam Touré",
        "Dimanche 9 juin 2024",
        "Dans les régions où les journaux n'arrivent plus, ce sont les radios de quartier qui "
        "informent, rassurent et parfois apaisent les tensions entre voisins. Leurs "
        "animateurs travaillent souvent sans salaire, avec un matériel fatigué, mais ils "
        "parlent la langue des auditeurs et connaissent leurs soucis, ce qu'aucune grande "
        "chaîne installée dans la capitale ne peut prétendre faire.",
    ),
]
EN_COLUMNS = [
    (
        "Why the Sahel needs a water policy, not more emergencies",
        "Aminata Diallo",
        "Tuesday June 11, 2024",
        "Every year the same pictures come back: dry wells, herds walking further, villages "
        "emptying before the rains. Yet the answers have been known for a long time, from "
        "small hill dams to solar boreholes, and all that is missing is the will to pay for "
        "them over the years instead of moving from one emergency to the next, as donors "
        "and governments have done for twenty years.",
    ),
    (
        "Burkina Faso's cotton deserves more than promises",
        "Issa Ouedraogo",
        "Monday June 10, 2024",
        "Growers in the Boucle du Mouhoun saw their yields fall again this year, and the "
        "official explanations no longer convince anyone in the villages. Fertiliser comes "
        "too late, buying prices are set without them, and the young prefer to leave for "
        "the gold-panning sites, where money comes faster even if it goes just as fast as "
        "it came.",
    ),
    (
        "What community radio stations can teach us",
        "Mariam Toure",
        "Sunday June 9, 2024",
        "In regions where newspapers no longer arrive, neighbourhood radio stations inform, "
        "reassure and sometimes calm the quarrels between neighbours. Their hosts often work "
        "without pay, with worn-out equipment, but they speak the listeners' language and "
        "know their worries, which no big channel based in the capital can claim to do, "
        "however many reporters it sends.",
    ),
]


@pytest.mark.parametrize(
    ("title", "date", "body", "columns"),
    [
        (FR_TITLE, "13 juin 2024", FR_BODY, FR_COLUMNS),
        (EN_TITLE, "June 13, 2024", EN_BODY, EN_COLUMNS),
    ],
    ids=["fr", "en"],
)
def test_long_summaries_under_a_headline_and_a_date_are_a_rail(
    title: str, date: str, body: list[str], columns: list[tuple[str, str, str, str]]
) -> None:
    """Summaries longer than a teaser's, but each under a headline, a byline and a date."""
    tail = [line for card in columns for line in (*card[:3], "", card[3], "")]
    doc = clean(_page(title, date, body, ["", *tail]))
    for paragraph in body:
        assert paragraph in doc.text
    for headline, _, _, summary in columns:
        assert headline not in doc.text
        assert summary not in doc.text


FR_LIVE = [
    ("14:32", "Le convoi humanitaire est arrivé à Ménaka",
     "Les camions transportent des vivres et des médicaments pour les déplacés."),
    ("14:05", "Le gouverneur salue l'arrivée des secours",
     "Il promet une distribution équitable entre les quartiers de la ville."),
    ("13:41", "La route rouverte après deux semaines",
     "Les forces armées ont sécurisé l'axe depuis Gao, selon l'état-major."),
    ("13:10", "Les premiers déplacés attendent devant l'école",
     "Plusieurs centaines de familles se sont rassemblées dès le matin."),
]  # fmt: skip
EN_LIVE = [
    ("2:32 pm", "Aid convoy reaches Ménaka",
     "The lorries carry food and medicine for the displaced families."),
    ("2:05 pm", "Governor welcomes the relief",
     "He promises a fair distribution between the districts of the town."),
    ("1:41 pm", "Road reopened after two weeks",
     "The army has secured the route from Gao, according to its staff."),
    ("1:10 pm", "First families wait at the school",
     "Several hundred families gathered there from early morning."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "date", "body", "live"),
    [
        (FR_TITLE, "13 juin 2024", FR_BODY, FR_LIVE),
        (EN_TITLE, "June 13, 2024", EN_BODY, EN_LIVE),
    ],
    ids=["fr", "en"],
)
def test_live_blog_with_time_stamps_is_kept_whole(
    title: str, date: str, body: list[str], live: list[tuple[str, str, str]]
) -> None:
    """A time over each headline and paragraph: a live blog's posts, not teasers."""
    tail = ["", *(line for post in live for line in (post[0], post[1], "", post[2], ""))]
    doc = clean(_page(title, date, body, tail))
    for _, headline, paragraph in live:
        assert headline in doc.text
        assert paragraph in doc.text


FR_EXPLAINER = [
    ("Qui commandera la force ?",
     "Le commandement tournera chaque année entre les trois pays, en commençant par le Niger."),
    ("Comment sera-t-elle financée ?",
     "Chaque pays versera une part égale, complétée par une taxe sur les importations."),
    ("Quand sera-t-elle prête ?",
     "Un premier déploiement est prévu en décembre, un calendrier jugé très ambitieux."),
    ("Un siège à Niamey",
     "Le quartier général occupera une ancienne caserne rénovée au bord du fleuve."),
]  # fmt: skip
EN_EXPLAINER = [
    ("Who will command the force?",
     "Command will rotate each year between the three countries, starting with Niger."),
    ("How will it be funded?",
     "Each country will pay an equal share, topped up by a levy on imports."),
    ("When will it be ready?",
     "A first deployment is planned for December, a timetable many find ambitious."),
    ("A headquarters in Niamey",
     "The staff will sit in a renovated barracks on the bank of the river."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "date", "body", "sections"),
    [
        (FR_TITLE, "13 juin 2024", FR_BODY, FR_EXPLAINER),
        (EN_TITLE, "June 13, 2024", EN_BODY, EN_EXPLAINER),
    ],
    ids=["fr", "en"],
)
def test_explainer_sections_that_go_on_from_the_article_are_kept(
    title: str, date: str, body: list[str], sections: list[tuple[str, str]]
) -> None:
    """A bare intertitle over one short paragraph, four times, straight after the article's
    last paragraph: the explainer's own questions, not a rail."""
    tail = ["", *(line for s in sections for line in (s[0], "", s[1], ""))]
    doc = clean(_page(title, date, body, tail))
    for heading, paragraph in sections:
        assert heading in doc.text
        assert paragraph in doc.text


@pytest.mark.parametrize(
    ("title", "date", "body", "teasers"),
    [
        (FR_TITLE, "13 juin 2024", FR_BODY, FR_TEASERS),
        (EN_TITLE, "June 13, 2024", EN_BODY, EN_TEASERS),
    ],
    ids=["fr", "en"],
)
def test_bare_cards_after_a_line_that_is_no_paragraph_are_a_rail(
    title: str, date: str, body: list[str], teasers: list[tuple[str, str, str]]
) -> None:
    """Headline over summary only, but a line stands between the article and the first
    card (a share prompt, a heading): the cards are a rail."""
    cards = [line for card in teasers for line in (card[0], card[2])]
    doc = clean(_page(title, date, body, ["Partager", *cards]))
    for paragraph in body:
        assert paragraph in doc.text
    for headline, _, summary in teasers:
        assert headline not in doc.text
        assert summary not in doc.text
