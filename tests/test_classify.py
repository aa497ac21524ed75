"""End-to-end classification of small hand-written text dumps through sahelclean.clean()."""

from __future__ import annotations

from collections import Counter

import pytest

from sahelclean import Document, Label, clean

# --- the dumps (invented Sahel news, one block per line: innertext style) --------------

FR_TITLE = "Au Mali, les maraîchers de Ségou misent sur l'irrigation solaire"
FR_BODY = [
    "Dans les jardins qui bordent le fleuve, une vingtaine de femmes ont installé des pompes "
    "solaires pour arroser leurs parcelles d'oignons et de tomates pendant la saison sèche.",
    "Le projet, lancé il y a deux ans avec l'appui d'une coopérative locale, leur permet "
    "désormais de récolter trois fois par an au lieu d'une seule, selon la présidente du "
    "groupement.",
    "« Avant, nous portions l'eau sur la tête depuis le fleuve, c'était épuisant », raconte une "
    "maraîchère de quarante ans, mère de cinq enfants.",
    "Les revenus supplémentaires servent surtout à payer la scolarité des enfants et à acheter "
    "des semences de meilleure qualité pour la saison suivante.",
    "La mairie envisage d'étendre l'expérience à trois autres villages de la commune si les "
    "financements promis par les partenaires arrivent avant la fin de l'année.",
]
FR_RAIL = [
    "Burkina : la récolte de coton en forte baisse cette année",
    "Niger : les éleveurs peuls face à la sécheresse dans le nord",
    "Tchad : un nouveau pont sur le Chari inauguré à Ndjamena",
    "Sénégal : les pêcheurs de Saint-Louis inquiets pour leur avenir",
    "Mauritanie : la route de l'Espoir enfin rénovée sur cent kilomètres",
    "Mali : les écoles rouvrent dans la région de Mopti après deux ans",
]

EN_TITLE = "Solar pumps change life for Ségou market gardeners"
EN_BODY = [
    "In the gardens along the river, about twenty women have installed solar pumps to water "
    "their plots of onions and tomatoes during the long dry season.",
    "The project, launched two years ago with the help of a local cooperative, now lets them "
    "harvest three times a year instead of once, according to the head of the group.",
    '"We used to carry water on our heads from the river, it was exhausting," says one of the '
    "gardeners, a mother of five.",
    "The extra income is mostly spent on school fees for the children and on better seeds for "
    "the following season, the women say.",
    "The town hall is considering extending the scheme to three other villages if the funding "
    "promised by its partners arrives before the end of the year.",
]
EN_RAIL = [
    "Cotton harvest falls sharply in Burkina Faso this year",
    "Fulani herders face drought in northern Niger",
    "New bridge over the Chari opens in Ndjamena",
    "Fishermen in Saint-Louis fear for their future",
    "Mauritania finally repairs a hundred kilometres of the Hope road",
    "Schools reopen in the Mopti region after two years",
]


def dump(*parts: str | list[str]) -> str:
    lines: list[str] = []
    for part in parts:
        lines.extend([part] if isinstance(part, str) else part)
    return "\n".join(lines) + "\n"


FR_RAIL_PAGE = dump(FR_TITLE, "Par Mariam Diallo", FR_BODY, FR_RAIL)
EN_RAIL_PAGE = dump(EN_TITLE, "By Mariam Diallo", EN_BODY, EN_RAIL)

FR_MID_RAIL_PAGE = dump(FR_TITLE, FR_BODY[:2], "Sur le même sujet", FR_RAIL[:4], FR_BODY[2:])
EN_MID_RAIL_PAGE = dump(EN_TITLE, EN_BODY[:2], "Read also", EN_RAIL[:4], EN_BODY[2:])

FR_COMMENTS = [
    "Bravo à ces femmes courageuses, c'est exactement ce dont nos campagnes ont besoin pour se "
    "développer sans attendre l'État.",
    "Il faudrait surtout que les pompes soient réparées sur place, sinon dans trois ans tout sera "
    "en panne et personne ne saura quoi faire.",
    "Mon village près de Bla a essayé la même chose en 2021 et les résultats ont été très "
    "encourageants pour toutes les familles.",
    "Et qui va payer l'entretien des panneaux quand le projet sera terminé et que les partenaires "
    "seront partis ailleurs ?",
]
EN_COMMENTS = [
    "Well done to these brave women, this is exactly what our villages need to move forward "
    "without waiting for the state.",
    "The pumps must be repaired locally, otherwise in three years everything will be broken and "
    "nobody will know what to do.",
    "My village near Bla tried the same thing in 2021 and the results were very encouraging for "
    "every family involved.",
]
FR_COMMENTS_PAGE = dump(FR_TITLE, FR_BODY, "4 commentaires", FR_COMMENTS)
EN_COMMENTS_PAGE = dump(EN_TITLE, EN_BODY, "Comments", EN_COMMENTS)

FR_LIST = [
    "L'achat de deux nouvelles pompes",
    "La formation des jeunes du village",
    "Un magasin pour stocker les oignons",
    "Une piste vers le marché de la ville",
]
FR_LIST_PAGE = dump(
    FR_TITLE,
    FR_BODY[:2],
    "La coopérative a fixé quatre priorités pour l'an prochain :",
    FR_LIST,
    FR_BODY[2:],
)
EN_LIST = [
    "Two new pumps for the dry season",
    "Training for the young people of the village",
    "A shed to store the onions",
    "A track to the town market",
]
EN_LIST_PAGE = dump(
    EN_TITLE,
    EN_BODY[:2],
    "The cooperative has set four priorities for next year:",
    EN_LIST,
    EN_BODY[2:],
)

FR_MENU_PAGE = dump(
    ["Accueil", "Actualités", "Politique", "Économie", "Société", "Sport", "Culture", "Contact"]
)
EN_MENU_PAGE = dump(
    ["Home", "News", "Politics", "Business", "Sport", "Culture", "About", "Contact"]
)
FR_MENU_NO_HEADING_PAGE = dump(
    ["Politique", "Économie", "Société", "Sport", "Culture", "Santé", "Opinions"]
)

ALL_PAGES = {
    "fr-rail": FR_RAIL_PAGE,
    "en-rail": EN_RAIL_PAGE,
    "fr-mid-rail": FR_MID_RAIL_PAGE,
    "en-mid-rail": EN_MID_RAIL_PAGE,
    "fr-comments": FR_COMMENTS_PAGE,
    "en-comments": EN_COMMENTS_PAGE,
    "fr-list": FR_LIST_PAGE,
    "en-list": EN_LIST_PAGE,
    "fr-menu": FR_MENU_PAGE,
    "en-menu": EN_MENU_PAGE,
    "fr-menu-no-heading": FR_MENU_NO_HEADING_PAGE,
}


def labels(doc: Document) -> dict[str, Label]:
    return {c.block.text: c.label for c in doc.blocks}


def assert_article_kept(doc: Document, title: str, body: list[str]) -> None:
    assert doc.title == title
    for paragraph in body:
        assert paragraph in doc.text
        assert labels(doc)[paragraph].is_article


# --- (1) a rail of headlines after the article, without a heading ----------------------


@pytest.mark.parametrize(
    ("page", "title", "body", "rail", "lang"),
    [
        (FR_RAIL_PAGE, FR_TITLE, FR_BODY, FR_RAIL, "fr"),
        (EN_RAIL_PAGE, EN_TITLE, EN_BODY, EN_RAIL, "en"),
    ],
    ids=["fr", "en"],
)
def test_trailing_rail_without_heading_is_related(
    page: str, title: str, body: list[str], rail: list[str], lang: str
) -> None:
    doc = clean(page)
    assert doc.language == lang
    assert_article_kept(doc, title, body)
    got = labels(doc)
    for headline in rail:
        assert got[headline] is Label.RELATED
        assert headline not in doc.text
    related = [r for r in doc.removed if r.kind is Label.RELATED]
    assert len(related) == 1
    assert related[0].items == tuple(rail)
    assert "rail" in related[0].reason


# --- (2) a short rail under a known heading in the middle of the article ---------------


@pytest.mark.parametrize(
    ("page", "title", "body", "heading", "rail"),
    [
        (FR_MID_RAIL_PAGE, FR_TITLE, FR_BODY, "Sur le même sujet", FR_RAIL[:4]),
        (EN_MID_RAIL_PAGE, EN_TITLE, EN_BODY, "Read also", EN_RAIL[:4]),
    ],
    ids=["fr", "en"],
)
def test_mid_article_rail_with_heading_keeps_both_sides(
    page: str, title: str, body: list[str], heading: str, rail: list[str]
) -> None:
    doc = clean(page)
    assert_article_kept(doc, title, body)  # paragraphs before AND after the rail
    assert doc.text.index(body[1]) < doc.text.index(body[2])
    related = [r for r in doc.removed if r.kind is Label.RELATED]
    assert len(related) == 1
    assert related[0].heading == heading
    assert related[0].items == tuple(rail)
    for line in [heading, *rail]:
        assert line not in doc.text


# --- (3) comments after the article -----------------------------------------------------


@pytest.mark.parametrize(
    ("page", "title", "body", "heading", "comments"),
    [
        (FR_COMMENTS_PAGE, FR_TITLE, FR_BODY, "4 commentaires", FR_COMMENTS),
        (EN_COMMENTS_PAGE, EN_TITLE, EN_BODY, "Comments", EN_COMMENTS),
    ],
    ids=["fr", "en"],
)
def test_comment_block_after_article_is_all_comments(
    page: str, title: str, body: list[str], heading: str, comments: list[str]
) -> None:
    doc = clean(page)
    assert_article_kept(doc, title, body)
    got = labels(doc)
    assert got[heading] is Label.COMMENTS
    for comment in comments:
        assert got[comment] is Label.COMMENTS
        assert comment not in doc.text
    removed = [r for r in doc.removed if r.kind is Label.COMMENTS]
    assert len(removed) == 1
    assert removed[0].heading == heading
    assert removed[0].lines == (heading, *comments)


# --- (4) a list introduced by a colon inside the article --------------------------------


@pytest.mark.parametrize(
    ("page", "title", "body", "items"),
    [
        (FR_LIST_PAGE, FR_TITLE, FR_BODY, FR_LIST),
        (EN_LIST_PAGE, EN_TITLE, EN_BODY, EN_LIST),
    ],
    ids=["fr", "en"],
)
def test_colon_list_inside_article_is_kept(
    page: str, title: str, body: list[str], items: list[str]
) -> None:
    doc = clean(page)
    assert_article_kept(doc, title, body)
    got = labels(doc)
    for item in items:
        assert got[item] is Label.LIST_ITEM
        assert item in doc.text
    assert not [r for r in doc.removed if r.kind is Label.RELATED]
    roles = [p.role for s in doc.sections for p in s.parts]
    assert roles.count(Label.LIST_ITEM) == len(items)


# --- (5) nothing but a menu ------------------------------------------------------------


@pytest.mark.parametrize("name", ["fr-menu", "en-menu", "fr-menu-no-heading"])
def test_menu_only_page_is_empty(name: str) -> None:
    doc = clean(ALL_PAGES[name])
    assert doc.is_empty
    assert doc.text == ""
    assert doc.title is None
    assert not any(c.label.is_article for c in doc.blocks)
    assert doc.removed


# --- (6), (7), (8) invariants over every page -------------------------------------------


@pytest.mark.parametrize("name", sorted(ALL_PAGES))
def test_every_block_has_a_reason(name: str) -> None:
    doc = clean(ALL_PAGES[name])
    assert doc.blocks
    for c in doc.blocks:
        assert isinstance(c.label, Label)
        assert c.verdict.reason.strip(), c.block.text
    for widget in doc.removed:
        assert widget.reason.strip()


@pytest.mark.parametrize("name", sorted(ALL_PAGES))
def test_cleaning_is_deterministic(name: str) -> None:
    first = clean(ALL_PAGES[name]).to_dict()
    second = clean(ALL_PAGES[name]).to_dict()
    assert first == second
    assert clean(ALL_PAGES[name].encode("utf-8")).to_dict()["text"] == first["text"]


@pytest.mark.parametrize("name", sorted(ALL_PAGES))
def test_kept_and_removed_cover_every_line(name: str) -> None:
    page = ALL_PAGES[name]
    doc = clean(page)
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    assert Counter(c.block.text for c in doc.blocks) == Counter(lines)
    assert [c.block.line for c in doc.blocks] == [
        n for n, line in enumerate(page.splitlines(), start=1) if line.strip()
    ]
    kept = [c.block.text for c in doc.blocks if c.label.is_article]
    removed = [line for widget in doc.removed for line in widget.lines]
    assert Counter(kept) + Counter(removed) == Counter(lines)
    for text in kept:
        assert text in doc.text


# --- known bug, end to end ----------------------------------------------------------------

EN_SHORT_SENTENCES_PAGE = dump(
    EN_TITLE,
    EN_BODY[:2],
    "The ministry published its report on Monday.",
    EN_BODY[2:4],
    "The mayor declined to comment.",
    EN_BODY[4:],
)


def test_short_article_sentences_are_kept() -> None:
    doc = clean(EN_SHORT_SENTENCES_PAGE)
    assert "The ministry published its report on Monday." in doc.text
    assert "The mayor declined to comment." in doc.text


# --- short <p> paragraphs are not a rail (innerText spacing) ---

_SPACED_ARTICLE = {
    "fr": (
        "Les devinettes des écoliers de Ségou",
        "Chaque vendredi, l'instituteur de l'école du quartier Pélengana propose à ses élèves "
        "un concours de devinettes, et les meilleures sont affichées dans la cour une semaine.",
        [
            "Qu'est-ce qui court sans jamais marcher",
            "Le fleuve Niger en saison des pluies",
            "Qu'est-ce qui a des dents sans jamais mordre",
            "Le peigne de la grande sœur",
        ],
        "Les parents disent que leurs enfants n'ont jamais autant parlé de l'école à la maison, "
        "et plusieurs classes voisines ont déjà demandé à participer au prochain concours.",
    ),
    "en": (
        "Riddles from a schoolyard in Segou",
        "Every Friday the teacher at the Pelengana neighbourhood school runs a riddle contest, and "
        "the best entries are pinned up in the yard for the rest of the week.",
        [
            "What runs all day but never walks",
            "The Niger river in the rainy season",
            "What has teeth but never bites",
            "The comb of an older sister",
        ],
        "Parents say their children have never talked so much about school at home, and several "
        "nearby classes have already asked to join the next contest.",
    ),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("spaced", [True, False], ids=["p-spaced", "not-spaced"])
def test_short_spaced_paragraphs_are_no_rail(lang: str, spaced: bool) -> None:
    title, first, short, last = _SPACED_ARTICLE[lang]
    gap = "\n\n" if spaced else "\n"
    # The page keeps <p> spacing (title, paragraphs); only the short lines differ.
    text = "\n\n".join([title, first, gap.join(short), last]) + "\n"
    doc = clean(text)
    kept = [line for line in doc.text.splitlines() if line.strip()]
    if spaced:
        assert all(s in kept for s in short), doc.removed
    else:
        assert not any(s in kept for s in short)
        assert any(r.kind.value == "related" for r in doc.removed)
    assert first in kept and last in kept


# --- an article's head (headline, byline or date, paragraphs) against teaser entries ----


@pytest.mark.parametrize(
    ("rail", "date", "summary", "title", "body"),
    [
        (
            FR_RAIL,
            "3 mars 2024",
            "Les habitants attendaient cette décision depuis des mois, et les élus locaux "
            "promettent un suivi régulier des travaux jusqu'à la fin de l'année prochaine.",
            FR_TITLE,
            FR_BODY,
        ),
        (
            EN_RAIL,
            "3 March 2024",
            "Residents had been waiting for this decision for months, and local officials "
            "promise to follow the work closely until the end of next year.",
            EN_TITLE,
            EN_BODY,
        ),
    ],
    ids=["fr", "en"],
)
def test_teaser_heads_do_not_take_the_core(
    rail: list[str], date: str, summary: str, title: str, body: list[str]
) -> None:
    """Entries of headline, date and one summary each look like heads, but carry no article:
    the core stays on the article below them, which prints no byline."""
    entries = [line for head in rail for line in (head, date, summary)]
    doc = clean(dump(entries, title, body).encode(), source="teasers")
    for paragraph in body:
        assert labels(doc)[paragraph].is_article
    # The rail's entries stay out (the last summary, just above the article, may stay in).
    assert doc.text.count(summary) <= 1
    assert labels(doc)[rail[0]] is Label.RELATED


FR_FORM = [
    "Créer un compte",
    "Votre adresse e-mail ne semble pas valide, elle doit contenir un @ et un domaine existant.",
    "Le mot de passe doit contenir au moins huit caractères, dont une majuscule et un chiffre.",
    "Les deux mots de passe saisis ne sont pas identiques, merci de recommencer la saisie.",
    "Votre inscription a bien été enregistrée, vous allez recevoir un e-mail de confirmation.",
    "Une erreur est survenue pendant l'inscription, merci de vérifier les champs et de réessayer.",
    "Vous pouvez désormais vous connecter avec votre nouveau mot de passe sur tous nos sites.",
    "Votre profil a été mis à jour et vos préférences seront appliquées dès la prochaine visite.",
]
EN_FORM = [
    "Create an account",
    "Your email address does not seem valid: it must contain an @ and an existing domain.",
    "The password must be at least eight characters long, with one capital and one digit.",
    "The two passwords you entered do not match, please type them again and try once more.",
    "Your registration has been saved and you will receive a confirmation email shortly.",
    "Something went wrong during registration, please check every field and try again.",
    "You can now sign in with your new password on every one of our sites and apps.",
    "Your profile has been updated and your preferences will apply from your next visit.",
]


@pytest.mark.parametrize(
    ("crumbs", "byline", "form"),
    [
        (["Accueil", "Afrique", "Mali"], "Par Mariam Diallo", FR_FORM),
        (["Home", "Africa", "Mali"], "By Mariam Diallo", EN_FORM),
    ],
    ids=["fr", "en"],
)
def test_breadcrumb_head_names_a_one_paragraph_article(
    crumbs: list[str], byline: str, form: list[str]
) -> None:
    """A video page: its headline is also the last crumb of the trail, one paragraph follows.
    A sign-up form printed after the footer outweighs it, but the head names the article."""
    title, paragraphs = (FR_TITLE, FR_BODY) if byline.startswith("Par") else (EN_TITLE, EN_BODY)
    body = " ".join(paragraphs[:2])
    footer = 6 * (FR_RAIL if byline.startswith("Par") else EN_RAIL)  # a long site footer
    page = dump(crumbs, title, title, byline, body, "2:35", footer, form)
    doc = clean(page.encode(), source="video")
    assert body in doc.text
    assert labels(doc)[body].is_article
    assert form[1] not in doc.text
    # without the crumb, one paragraph under a head does not outweigh the form
    doc = clean(dump(crumbs, title, byline, body, "2:35", footer, form).encode(), source="video")
    assert body not in doc.text


FR_TIMELINE = [
    "1962 Premier forage dans la vallée du fleuve",
    "Le village obtient un puits profond grâce à une mission agricole venue de Ségou.",
    "1974 Grande sécheresse et départ des éleveurs",
    "Une partie des familles quitte la commune pour les villes du sud du pays.",
    "1985 Création de la coopérative des maraîchères",
    "Les femmes se regroupent pour acheter ensemble les semences et les outils.",
    "1998 Arrivée de la route goudronnée",
    "Les camions peuvent enfin venir charger les oignons pendant toute l'année.",
    "2012 Installation des premières pompes solaires",
    "Trois jardins sont équipés avec l'aide d'une association de la région.",
    "2021 Extension à tous les jardins du village",
    "Chaque famille dispose désormais d'une parcelle irriguée en saison sèche.",
]
EN_TIMELINE = [
    "1962 First borehole in the river valley",
    "The village gets a deep well thanks to a farming mission from Ségou.",
    "1974 Great drought and the herders leave",
    "Some of the families leave for the towns in the south of the country.",
    "1985 The women gardeners found a cooperative",
    "The women join forces to buy their seeds and tools together.",
    "1998 The tarred road arrives",
    "Lorries can at last come to load the onions all year round.",
    "2012 The first solar pumps are installed",
    "Three gardens are equipped with the help of an association of the region.",
    "2021 Every garden of the village is equipped",
    "Each family now has an irrigated plot during the dry season.",
]


@pytest.mark.parametrize(
    ("title", "body", "timeline"),
    [(FR_TITLE, FR_BODY, FR_TIMELINE), (EN_TITLE, EN_BODY, EN_TIMELINE)],
    ids=["fr", "en"],
)
def test_dated_entries_with_summaries_are_the_article(
    title: str, body: list[str], timeline: list[str]
) -> None:
    """Year + event, one sentence each: a timeline of the article, not a teaser rail."""
    doc = clean(dump(title, body[:3], timeline, body[3:]).encode(), source="timeline")
    for line in timeline:
        assert labels(doc)[line] is not Label.RELATED
        assert line in doc.text


@pytest.mark.parametrize(
    ("title", "body", "label"),
    [
        (FR_TITLE, FR_BODY, "Ce qui change pour les familles :"),
        (EN_TITLE, EN_BODY, "What changes for the families:"),
    ],
    ids=["fr", "en"],
)
def test_run_in_heading_with_a_colon_is_kept(title: str, body: list[str], label: str) -> None:
    """A short label ending with a colon over a whole paragraph opens it: a paragraph of
    the article (no intertitle: a colon line opens what follows)."""
    doc = clean(dump(title, body[:2], label, body[2:]).encode(), source="run-in")
    assert labels(doc)[label] is Label.PARAGRAPH
    assert label in doc.text
    assert_article_kept(doc, title, body)


# A top menu shaped like a rail runs on into the article's headline, byline and date; two
# short paragraphs follow, then a rail of dated headlines, a footer menu and one long
# paragraph of the reader service, longer than the article.
FR_MENU_RAIL_HEAD = [
    "Forum Sahel Quotidien 2024",
    "Archives numériques du Sahel Quotidien",
    "Connexion",
    "Déconnexion",
    "Politique Sécurité Économie Agriculture Culture Sport Monde Opinions",
    "Élections Santé Climat Entreprises Technologie Vidéos Podcasts Météo",
    "DERNIÈRE MINUTE",
    "Des inondations coupent la route entre Mopti et Sévaré",
    "Par LA RÉDACTION",
    "14 AOÛT 2024 09:12",
]
FR_BRIEF = [
    "Les inondations ont coupé mercredi matin la route principale entre Mopti et Sévaré après "
    "une nuit de fortes pluies, et des dizaines de camions sont bloqués des deux côtés.",
    "Les agents des routes pensent que l'eau baissera d'ici deux jours, et la direction "
    "régionale conseille aux chauffeurs de passer par la piste de Fatoma d'ici là.",
]
FR_DATED_RAIL = [
    line
    for head, date in zip(
        FR_RAIL, ["14/08/2024 08:40", "14/08/2024 07:55", "13/08/2024 23:48"] * 2, strict=True
    )
    for line in (head, "Par LA RÉDACTION", date)
]
FR_FOOTER_MENU = [
    "Informations",
    "Qui sommes-nous",
    "Nous écrire",
    "Annoncer chez nous",
    "Service lecteurs",
    "Applications mobiles",
    "Archives du journal",
    "Nos magazines",
]
FR_READER_SERVICE = (
    "Le service lecteurs du Sahel Quotidien répond à toutes vos questions sur un abonnement, une "
    "livraison ou une petite annonce : par téléphone du lundi au vendredi de huit heures du matin "
    "à six heures du soir, par courriel à toute heure de la journée, ou à l'accueil de nos "
    "bureaux sur l'avenue du fleuve, où notre équipe vous aidera volontiers à renouveler un "
    "abonnement, à changer une adresse de livraison, à commander un ancien numéro dans nos "
    "archives, à passer une petite annonce ou à demander un rectificatif, que la rédaction "
    "examinera sous deux jours ouvrables avant de le publier dans le prochain numéro du journal."
)
EN_MENU_RAIL_HEAD = [
    "Sahel Daily Conference 2024",
    "Sahel Daily Digital Archive",
    "Login",
    "Log Out",
    "Politics Security Economy Agriculture Culture Sport World Opinion",
    "Elections Health Climate Business Technology Video Podcasts Weather",
    "BREAKING NEWS",
    "Floods close the main road between Mopti and Sevare",
    "By SAHEL DAILY STAFF",
    "AUGUST 14, 2024 09:12",
]
EN_BRIEF = [
    "Floods cut the main road between Mopti and Sevare on Wednesday morning after a night of "
    "heavy rain, leaving dozens of lorries stuck on both sides of the water.",
    "Road workers said the water should go down within two days, and the regional office "
    "advised drivers to use the longer track through Fatoma until then.",
]
EN_DATED_RAIL = [
    line
    for head, date in zip(EN_RAIL, ["08/14/2024 08:40 AM", "08/14/2024 07:55 AM"] * 3, strict=True)
    for line in (head, "By SAHEL DAILY STAFF", date)
]
EN_FOOTER_MENU = [
    "Information",
    "About Us",
    "Feedback",
    "Advertise with Us",
    "Reader Service",
    "Mobile Apps",
    "Archive",
    "Our Magazines",
]
EN_READER_SERVICE = (
    "The Sahel Daily reader service can be reached with any question about a subscription, a "
    "delivery or an advertisement: by telephone from Monday to Friday between eight in the "
    "morning and six in the evening, by e-mail at any hour of the day, or at the front desk of "
    "our offices on the avenue of the river, where our staff will gladly help you renew a "
    "subscription, change a delivery address, order an old issue from the archive, place a "
    "classified advertisement or ask for a correction, which our editors will look at within "
    "two working days and publish in the next issue of the paper."
)


@pytest.mark.parametrize(
    ("head", "brief", "rail", "menu", "service"),
    [
        (FR_MENU_RAIL_HEAD, FR_BRIEF, FR_DATED_RAIL, FR_FOOTER_MENU, FR_READER_SERVICE),
        (EN_MENU_RAIL_HEAD, EN_BRIEF, EN_DATED_RAIL, EN_FOOTER_MENU, EN_READER_SERVICE),
    ],
    ids=["fr", "en"],
)
def test_head_at_the_end_of_a_rail_names_the_article(
    head: list[str], brief: list[str], rail: list[str], menu: list[str], service: str
) -> None:
    """A rail's last lines are a headline, a byline and a date over two paragraphs: the
    article's own head, which the menu above ran into. Its run wins over a longer paragraph
    after the footer menu."""
    doc = clean(dump(head, brief, rail, menu, service).encode(), source="brief")
    for paragraph in brief:
        assert labels(doc)[paragraph].is_article
    assert service not in doc.text
    assert labels(doc)[head[0]] is Label.RELATED
    # a date closing a rail of dated headlines heads no article when no paragraph follows
    doc = clean(dump(head[:-3], brief, rail).encode(), source="brief")
    assert rail[0] not in doc.text


FR_THREAD = [
    line
    for name, comment in zip(["moussa_k", "fatou88", "ibrahim.s"], FR_COMMENTS[:3], strict=True)
    for line in (name, comment)
]
EN_THREAD = [
    line
    for name, comment in zip(["moussa_k", "fatou88", "ibrahim.s"], EN_COMMENTS, strict=True)
    for line in (name, comment)
]


@pytest.mark.parametrize(
    ("title", "body", "rail", "thread", "reply"),
    [
        (FR_TITLE, FR_BODY, FR_RAIL, FR_THREAD, "Répondre"),
        (EN_TITLE, EN_BODY, EN_RAIL, EN_THREAD, "Reply"),
    ],
    ids=["fr", "en"],
)
def test_article_resumes_after_a_long_rail_but_comments_do_not_join(
    title: str, body: list[str], rail: list[str], thread: list[str], reply: str
) -> None:
    """A rail of twenty-four headlines inside the article costs no more than its first lines:
    the paragraphs after it join the article. A comment thread after such a rail does not
    (a name over each comment), nor comments that run into a reply button."""
    long_rail = [f"{head} ({n})" for n in range(1, 5) for head in rail]
    doc = clean(dump(title, body[:3], long_rail, body[3:]).encode(), source="split")
    for paragraph in body:
        assert labels(doc)[paragraph].is_article
    assert long_rail[0] not in doc.text
    doc = clean(dump(title, body[:3], long_rail, thread).encode(), source="thread")
    for paragraph in body[:3]:
        assert labels(doc)[paragraph].is_article
    assert not any(line in doc.text for line in thread)
    comments = [thread[1], thread[3]]  # two comments with no names between them
    doc = clean(dump(title, body[:3], long_rail, comments, reply).encode(), source="reply")
    assert not any(line in doc.text for line in comments)


FR_LONG_COMMENTS = [
    "Très bonne initiative, mais il faudrait que l'État accompagne ces femmes sur la durée, "
    "parce que les pompes coûtent cher à réparer et que les pièces viennent de loin.",
    "Dans notre village, le même projet a commencé il y a quatre ans et aujourd'hui encore "
    "toutes les pompes marchent, grâce au comité de gestion que les femmes ont créé dès le début.",
    "Je me demande qui achète les oignons quand tout le monde récolte en même temps, les prix "
    "s'effondrent chaque année au marché de Ségou et les familles vendent à perte.",
    "Le vrai problème reste l'accès à la terre pour les femmes, qui cultivent souvent des "
    "parcelles prêtées qu'on peut leur reprendre du jour au lendemain sans explication.",
    "Bravo à la coopérative, on voudrait voir le même reportage sur les jardins de Kayes et de "
    "Sikasso, où des groupements font un travail remarquable depuis des années.",
    "Il faudrait aussi parler des semences, car les variétés importées résistent mal à la "
    "chaleur d'avril et beaucoup de jardins perdent la moitié de leurs plants.",
]
EN_LONG_COMMENTS = [
    "A very good initiative, but the state should support these women over time, because the "
    "pumps are expensive to repair and the spare parts come from far away.",
    "In our village the same project started four years ago and every pump still works today, "
    "thanks to the management committee the women set up from the very beginning.",
    "I wonder who buys the onions when everybody harvests at the same time, prices collapse "
    "every year at the Segou market and families end up selling at a loss.",
    "The real problem is still access to land for women, who often farm borrowed plots that "
    "can be taken back from them overnight without any explanation.",
    "Well done to the cooperative, we would like to see the same report on the gardens of Kayes "
    "and Sikasso, where groups have been doing remarkable work for years.",
    "Someone should also write about seeds, because imported varieties stand the April heat "
    "badly and many gardens lose half of their plants.",
]


def long_thread(comments: list[str], ago: str) -> list[str]:
    """Three commenters, each with a name, a time and two paragraphs."""
    names = ["Awa K.", "Seydou", "fanta.c"]
    return [
        line
        for n, name in enumerate(names)
        for line in (name, ago.format(n + 2), comments[2 * n], comments[2 * n + 1])
    ]


@pytest.mark.parametrize(
    ("title", "body", "heading", "view_all", "thread"),
    [
        (
            FR_TITLE,
            FR_BODY,
            "48 commentaires",
            "Voir tout",
            long_thread(FR_LONG_COMMENTS, "il y a {} heures"),
        ),
        (
            EN_TITLE,
            EN_BODY,
            "48 comments",
            "View all",
            long_thread(EN_LONG_COMMENTS, "{} hours ago"),
        ),
    ],
    ids=["fr", "en"],
)
def test_comments_heading_with_a_thread_ends_the_article(
    title: str, body: list[str], heading: str, view_all: str, thread: list[str]
) -> None:
    """A comments heading, then names and times over comments: the article ends there, even
    when the thread holds more prose than the article (a "View all" link cut its zone)."""
    article = body[:3]
    doc = clean(dump(title, article, heading, view_all, thread).encode(), source="thread")
    for paragraph in article:
        assert labels(doc)[paragraph].is_article
    for line in thread:
        assert line not in doc.text


@pytest.mark.parametrize(
    ("title", "body", "heading", "bio", "rail_heading", "rail"),
    [
        (
            FR_TITLE,
            FR_BODY,
            "À propos de l'auteur",
            "Journaliste installée à Ségou depuis dix ans, elle couvre l'agriculture au Sahel.",
            "Sur le même sujet",
            FR_RAIL,
        ),
        (
            EN_TITLE,
            EN_BODY,
            "About the author",
            "A reporter based in Segou for ten years, she covers farming in the Sahel.",
            "Related",
            EN_RAIL,
        ),
    ],
    ids=["fr", "en"],
)
def test_author_box_after_the_article_is_metadata(
    title: str, body: list[str], heading: str, bio: str, rail_heading: str, rail: list[str]
) -> None:
    """An author's bio box ("About the author", a name, a few lines on the writer) after the
    article ends it: its paragraph is not the article's."""
    page = dump(title, body, heading, "Mariam Diallo", bio, rail_heading, rail)
    doc = clean(page.encode(), source="bio")
    for paragraph in body:
        assert labels(doc)[paragraph].is_article
    assert bio not in doc.text
    assert labels(doc)[heading] is Label.METADATA


@pytest.mark.parametrize(
    ("title", "body", "heading", "rail_heading", "rail"),
    [
        (FR_TITLE, FR_BODY, "À propos de l'auteur", "Sur le même sujet", FR_RAIL),
        (EN_TITLE, EN_BODY, "About the author", "Related", EN_RAIL),
    ],
    ids=["fr", "en"],
)
def test_author_box_heading_in_html_is_metadata(
    title: str, body: list[str], heading: str, rail_heading: str, rail: list[str]
) -> None:
    """In HTML too the author box's heading is metadata, not an intertitle. (The bio under
    it stays when trafilatura keeps it with the article: its choice stands.)"""
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    items = "".join(f"<li><a href='/a{n}'>{r}</a></li>" for n, r in enumerate(rail))
    page = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}<h3>{heading}</h3><p>Mariam Diallo</p></article>"
        f"<aside><h3>{rail_heading}</h3><ul>{items}</ul></aside></body></html>"
    )
    doc = clean(page.encode(), source="bio.html")
    for paragraph in body:
        assert labels(doc)[paragraph].is_article
    assert labels(doc)[heading] is Label.METADATA
    assert heading not in doc.text


FR_HEAD_IN_RAIL = [
    "Le fleuve Niger déborde à Gao, des quartiers entiers sous l'eau",
    "Les pêcheurs de Mopti réclament des filets adaptés aux crues",
    "Un nouveau marché aux bestiaux ouvre ses portes à Tombouctou",
    "Les transporteurs de Sévaré suspendent la grève après un accord",
    "Publié le 3 septembre 2024 à 10 h 15",
    "Ségou : les jardins solaires attirent une nouvelle génération de maraîchers",
    "Deux ans après le lancement du projet, les jeunes du village reviennent à la terre",
]
EN_HEAD_IN_RAIL = [
    "The Niger river floods Gao, whole districts under water",
    "Mopti fishermen call for nets suited to the floods",
    "A new cattle market opens its doors in Timbuktu",
    "Sévaré hauliers call off their strike after a deal",
    "Published on 3 September 2024 at 10:15",
    "Ségou: solar gardens draw a new generation of market gardeners",
    "Two years after the project began, the village's young people return to the land",
]


@pytest.mark.parametrize(
    ("head", "body"), [(FR_HEAD_IN_RAIL, FR_BODY), (EN_HEAD_IN_RAIL, EN_BODY)], ids=["fr", "en"]
)
def test_head_swallowed_by_a_rail_goes_back_to_the_article(
    head: list[str], body: list[str]
) -> None:
    """A rail of headlines runs on into the article's own head: a date line, the headline and
    a standfirst without a full stop, all shaped like rail entries. What follows the date
    and runs straight into the body is the article's head, not the rail's."""
    doc = clean(dump(head, body).encode(), source="head")
    assert head[-2] in doc.text
    assert head[-1] in doc.text
    for paragraph in body:
        assert labels(doc)[paragraph].is_article
    for entry in head[:4]:
        assert labels(doc)[entry] is Label.RELATED
    # a menu's last labels after a date are no head
    labels_only = ["Accueil", "Politique", "Économie", "Sport", "Culture", "Monde"]
    doc = clean(dump(labels_only, head[4], labels_only[:3], body).encode(), source="menu")
    assert not any(line in doc.text.splitlines() for line in labels_only)


# --- an author's bio as the last paragraph: who the writer is, by trade ---------------------

FOUNDER_BIOS = {
    "fr": "Aïssata Konaté est la fondatrice de Sahel Conseil, un cabinet qui accompagne les "
    "coopératives agricoles du Mali dans leurs demandes de financement.",
    "en": "Aissata Konate is the Founder & Lead Consultant at Sahel Advisory, a firm that helps "
    "farming cooperatives in Mali apply for funding.",
    "de": "Aissata Konaté ist Agrar-Expertin mit langjähriger Erfahrung in der Beratung von "
    "Genossenschaften in Mali.",
}


@pytest.mark.parametrize(
    ("title", "body", "lang"),
    [(FR_TITLE, FR_BODY, "fr"), (EN_TITLE, EN_BODY, "en"), (EN_TITLE, EN_BODY, "de")],
    ids=["fr", "en", "de"],
)
def test_a_founder_or_expert_bio_under_the_article_is_metadata(
    title: str, body: list[str], lang: str
) -> None:
    """ "X is the founder of …", "X ist …-Expertin": a bio by trade, as the last paragraph."""
    bio = FOUNDER_BIOS[lang]
    doc = clean(dump(title, body, bio).encode(), source="bio")
    assert all(labels(doc)[p].is_article for p in body)
    assert labels(doc)[bio] is Label.METADATA
    assert bio not in doc.text


@pytest.mark.parametrize(
    ("title", "body", "lang"),
    [(FR_TITLE, FR_BODY, "fr"), (EN_TITLE, EN_BODY, "en")],
    ids=["fr", "en"],
)
def test_a_founder_sentence_inside_the_story_is_article(
    title: str, body: list[str], lang: str
) -> None:
    """The same sentence with the story going on after it is the story's."""
    bio = FOUNDER_BIOS[lang]
    doc = clean(dump(title, body[:1], bio, body[1:]).encode(), source="story")
    assert labels(doc)[bio].is_article
