"""The article's head on a dump: headline, standfirst, byline and date above the body."""

from __future__ import annotations

import pytest

from sahelclean import clean

# --- invented pages, innerText style: a subscriber badge between the head and the body ---

BADGE_HEADS = {
    "fr": (
        "Au Niger, la junte suspend les licences de trois ONG humanitaires",
        "Les autorités reprochent aux organisations d'avoir « travaillé avec des groupes "
        "armés ». Les humanitaires dénoncent une accusation sans fondement.",
        ["Par Claire Dubois (Dakar, correspondante)", "Publié le 03 novembre 2026 à 17h05"],
        "Article réservé aux abonnés",
        ["Offrir l'article", "Lire plus tard"],
        [
            "La décision a été publiée un vendredi soir, sous la forme d'un arrêté de trois "
            "lignes signé par le ministre de l'intérieur. Trois organisations voient leur "
            "autorisation suspendue « jusqu'à nouvel ordre ».",
            "Dans un communiqué lu à la télévision publique, le gouvernement accuse ces "
            "structures d'avoir entretenu des contacts avec des groupes armés sous couvert "
            "d'aide alimentaire. Aucune preuve n'a été rendue publique.",
            "Pour les responsables des ONG, l'accusation vise surtout les négociations locales "
            "que tout acteur humanitaire mène pour accéder aux zones de conflit, explique "
            "l'un d'eux.",
        ],
    ),
    "en": (
        "Niger's junta suspends the licences of three aid groups",
        "The authorities accuse the organisations of having 'worked with armed groups'. Aid "
        "workers call the charge baseless.",
        ["By Claire Dubois in Dakar", "Published November 3, 2026"],
        "Subscribers only",
        ["Gift this article", "Save for later"],
        [
            "The decision was published on a Friday evening, as a three-line order signed by "
            "the interior minister. Three organisations have had their licence to operate "
            "suspended until further notice.",
            "In a statement read on state television, the government accused them of keeping "
            "contacts with armed groups under cover of food aid. No evidence has been made "
            "public so far.",
            "For the heads of the aid groups, the charge is aimed at the local talks that any "
            "humanitarian must hold to reach the conflict zones, one of them explained.",
        ],
    ),
}


def _badge_dump(lang: str) -> str:
    title, lead, meta, badge, buttons, body = BADGE_HEADS[lang]
    top = "Accueil\nInternational\nAfrique\n\n" if lang == "fr" else "Home\nWorld\nAfrica\n\n"
    head = "\n\n".join([title, lead, *meta, badge, *buttons])
    return top + head + "\n\n" + "\n\n".join(body) + "\n\n© 2026 Sahel Info\n"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_subscriber_badge_does_not_cut_the_head_off_the_body(lang: str) -> None:
    """ "Article réservé aux abonnés" between the standfirst and the body is the article's
    label: the headline and the standfirst above it stay the title and the lead."""
    title, lead, _, badge, _, body = BADGE_HEADS[lang]
    doc = clean(_badge_dump(lang))
    assert doc.title == title
    assert doc.lead == lead
    assert all(p in doc.text for p in body)
    assert badge not in doc.text
    assert any(r.kind.value == "paywall" and r.lines[0] == badge for r in doc.removed)


# A radio's page: the audio player's buttons and clock, its description and credit, a
# byline split by its link (a get_text() habit), between the standfirst and the body.
PLAYER_HEADS = {
    "fr": (
        "Tchad : des pluies diluviennes inondent plusieurs quartiers de N'Djamena",
        "Depuis dimanche, de fortes pluies s'abattent sur la capitale tchadienne. Des "
        "milliers d'habitants ont dû quitter leur maison.",
        ["Publié le : 16/11/2026 - 12:35", "Écouter", "00:00 / 03:12", "Télécharger",
         "Les riverains du fleuve pataugent dans l'eau depuis trois jours. Reportage de "
         "notre correspondant.", "© RFI", "Avec notre correspondant à N'Djamena,",
         "Mahamat Abakar"],
        [
            "Dans le quartier de Walia, l'eau arrive à hauteur de genou dans les ruelles. Des "
            "familles entassent leurs affaires sur les toits.",
            "Les autorités ont ouvert trois sites d'accueil, mais ils sont déjà saturés. La "
            "mairie appelle les habitants des zones basses à partir.",
            "Selon les services météorologiques, les pluies devraient se poursuivre jusqu'à "
            "la fin de la semaine sur tout le sud du pays.",
        ],
    ),
    "en": (
        "Chad: torrential rain floods several districts of N'Djamena",
        "Heavy rain has been falling on the Chadian capital since Sunday. Thousands of "
        "residents have had to leave their homes.",
        ["Published: 16/11/2026 - 12:35", "Listen", "00:00 / 03:12", "Download",
         "People along the river have waded through water for three days. A report by "
         "our correspondent.", "© Sahel Radio", "From our correspondent in N'Djamena,",
         "Mahamat Abakar"],
        [
            "In the Walia district, the water is knee-deep in the alleys. Families pile their "
            "belongings on the roofs or carry them off in canoes.",
            "The authorities have opened three shelters, but they are already full. The town "
            "hall urges residents of low-lying areas to leave.",
            "According to the weather service, the rain should go on until the end of the "
            "week across the whole south of the country.",
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_player_between_the_standfirst_and_the_body_keeps_the_lead(lang: str) -> None:
    """Eight lines of dates, buttons and credits under the standfirst: the player's buttons
    do not use up the window in which the lead is looked for."""
    title, lead, between, body = PLAYER_HEADS[lang]
    menu = ["Afrique", "Monde", "France", "Podcasts"] if lang == "fr" else ["Africa", "World"]
    lines = [*menu, title, lead, *between, *body, "© 2026 Sahel Radio"]
    doc = clean("\n\n".join(lines) + "\n")
    assert doc.title == title
    assert doc.lead == lead
    assert all(p in doc.text for p in body)
    assert not any(b in doc.text for b in between[1:4])
