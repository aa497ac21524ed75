"""zones: widget zones opened by headings, seen end to end through sahelclean.clean()."""

from __future__ import annotations

import pytest

from sahelclean import clean

from .test_classify import EN_BODY, EN_TITLE, FR_BODY, FR_TITLE, dump


@pytest.mark.parametrize(
    ("title", "body", "menu", "form"),
    [
        (
            FR_TITLE,
            FR_BODY,
            ["Accueil", "Politique", "Économie", "Sport"],
            ["Commentaires", "Connectez-vous pour commenter", "Nom", "Envoyer"],
        ),
        (
            EN_TITLE,
            EN_BODY,
            ["Home", "Politics", "Business", "Sport"],
            ["Comments", "Log in to comment", "Name", "Submit"],
        ),
    ],
    ids=["fr", "en"],
)
def test_comment_form_above_the_article_does_not_swallow_it(
    title: str, body: list[str], menu: list[str], form: list[str]
) -> None:
    """A get_text() dump prints the hidden comment form first: a comments heading with a login
    prompt under it, before any article prose. The thread has not begun there; the article
    after the form is the article."""
    doc = clean(dump(menu, form, title, body).encode(), source="form")
    for paragraph in body:
        assert paragraph in doc.text
    assert "Connectez-vous pour commenter" not in doc.text
    assert "Log in to comment" not in doc.text


FR_SHORT_LINES = [
    "Le marché ouvre ses portes à l'aube !",
    "Qui vient acheter les premiers oignons ?",
    "Les femmes de la coopérative, bien sûr",
    "Elles arrivent avec leurs charrettes pleines !",
    "Et les prix de cette semaine ?",
    "Toujours plus bas que ceux de Bamako",
]
EN_SHORT_LINES = [
    "The market opens its gates at dawn!",
    "Who comes to buy the first onions?",
    "The women of the cooperative, of course",
    "They arrive with their carts full!",
    "And the prices this week?",
    "Still lower than those in Bamako",
]


@pytest.mark.parametrize(
    ("title", "body", "short"),
    [(FR_TITLE, FR_BODY, FR_SHORT_LINES), (EN_TITLE, EN_BODY, EN_SHORT_LINES)],
    ids=["fr", "en"],
)
def test_short_exclamations_and_questions_are_no_rail(
    title: str, body: list[str], short: list[str]
) -> None:
    """A blog post's short lines, half of them ending with "!" or "?", between paragraphs of
    a get_text() dump (no blank line to set them apart) are the article, not a rail."""
    doc = clean(dump(title, body[:2], short, body[2:]).encode(), source="short")
    for line in short:
        assert line in doc.text


# get_text() dumps: the link of an inline "Lire aussi :" falls on the line after the
# lead-in, and the article's intertitle comes right after it.
RUN_IN = {
    "fr": (
        "Lire aussi :",
        "Au Niger, les inondations ont fait plus de cent morts depuis juin",
        "Une crue plus haute que celle de 2020",
    ),
    "en": (
        "Read more:",
        "Niger floods have killed more than a hundred people since June",
        "A flood higher than in 2020",
    ),
}
RUN_IN_BODY = {
    "fr": [
        "Sur la berge du quartier de Château, une maraîchère montre l'endroit où poussaient "
        "encore ses oignons il y a deux mois.",
        "Elle cultive ce lopin depuis vingt ans avec ses trois fils et avait emprunté de "
        "l'argent pour acheter une motopompe.",
        "Selon les relevés de la direction régionale de l'hydraulique, le fleuve a dépassé "
        "de quarante centimètres le niveau record de la dernière grande crue.",
        "Les digues en terre construites par les habitants n'ont pas tenu, et plus de "
        "quatre cents familles ont perdu leur récolte.",
    ],
    "en": [
        "On the bank of the Chateau quarter, a gardener points to where her onions were "
        "still growing two months ago.",
        "She has farmed this plot for twenty years with her three sons and had borrowed "
        "money to buy a motor pump.",
        "According to the regional water board, the river rose forty centimetres above the "
        "record level of the last great flood.",
        "The earth dykes built by the residents did not hold, and more than four hundred "
        "families lost their harvest.",
    ],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_run_in_teaser_takes_one_link_not_the_intertitle_after_it(lang: str) -> None:
    """ "Lire aussi :" alone on its line, its link, then the article's intertitle and
    paragraph: the teaser is the lead-in and the link; the intertitle stays."""
    lead_in, link, intertitle = RUN_IN[lang]
    body = RUN_IN_BODY[lang]
    menu = ["Accueil", "Monde", "Afrique"] if lang == "fr" else ["Home", "World", "Africa"]
    title = "Mali : à Gao, le fleuve monte" if lang == "fr" else "Mali: in Gao, the river rises"
    lines = [*menu, title, *body[:2], lead_in, link, intertitle, *body[2:], "© 2026 Sahel Info"]
    doc = clean("\n".join(lines) + "\n")
    assert intertitle in doc.text
    assert all(p in doc.text for p in body)
    assert link not in doc.text
    assert any(r.kind.value == "related" and link in r.lines for r in doc.removed)
