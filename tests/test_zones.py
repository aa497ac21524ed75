"""zones: widget zones opened by headings, seen end to end through sahelclean.clean()."""

from __future__ import annotations

import pytest

from sahelclean import clean
from sahelclean.models import Label

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


# --- a blog's comment thread that trafilatura keeps (its issue #850), with no class names ---

THREADS = {
    "fr": (
        "Crue à Niamey : des milliers de familles relogées dans les écoles",
        [
            "Le fleuve est sorti de son lit dans la nuit de lundi et a inondé plusieurs "
            "quartiers de la rive droite, selon la protection civile, qui a évacué des "
            "centaines de familles.",
            "Près de deux mille familles ont été relogées dans des écoles, où la mairie "
            "distribue des vivres et des nattes depuis mardi matin, selon les autorités.",
            "Les autorités demandent aux habitants des berges de quitter leurs maisons avant "
            "la prochaine montée des eaux, attendue en fin de semaine.",
        ],
        "3 réflexions sur « Crue à Niamey : des milliers de familles relogées »",
        "Répondre",
        [
            ("Ibrahim K.", "12 juin 2024 à 9 h 14", "Chaque année c'est la même chose et rien "
             "n'est fait pour les digues. La ville aurait dû les construire après les "
             "dernières crues au lieu d'attendre la prochaine catastrophe."),
            ("Fatou D.", "12 juin 2024 à 11 h 02", "Ma cousine habite à Lamordé et ils ont "
             "encore tout perdu. Merci d'en parler, les médias nationaux n'en disent presque "
             "rien et les gens ont besoin d'aide maintenant."),
        ],
    ),
    "en": (
        "Floods in Niamey: thousands of families moved into schools",
        [
            "The river burst its banks overnight on Monday and flooded several districts of "
            "the right bank, according to the civil protection services, who evacuated "
            "hundreds of families.",
            "Nearly two thousand families have been moved into schools, where the city has "
            "been handing out food and mats since Tuesday morning, officials said.",
            "The authorities are asking people living on the banks to leave their homes "
            "before the next rise of the water, expected at the end of the week.",
        ],
        "3 thoughts on “Floods in Niamey: thousands of families moved into schools”",
        "Reply",
        [
            ("Ibrahim K.", "June 12, 2024 at 9:14 am", "This happens every year and nothing "
             "is done about the dykes. The city should have built them after the last "
             "floods, instead of waiting for the next disaster to strike."),
            ("Fatou D.", "June 12, 2024 at 11:02 am", "My cousin lives in Lamordé and they "
             "lost everything again. Thank you for covering this, the national media barely "
             "talks about it and people need help now."),
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("plain", [False, True], ids=["thread-heading", "plain-heading"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_blog_thread_trafilatura_keeps_is_one_comments_widget(lang: str, plain: bool) -> None:
    title, body, heading, reply, comments = THREADS[lang]
    if plain:
        heading = "Commentaires" if lang == "fr" else "Comments"
    thread = "".join(
        f"<div><div><b>{name}</b></div><div>{date}</div><p>{text}</p>"
        f'<div><a href="#r">{reply}</a></div></div>'
        for name, date, text in comments
    )
    page = (
        f"<html lang='{lang}'><head><title>{title}</title></head><body>"
        "<div><a href='/'>Accueil</a> <a href='/afrique'>Afrique</a></div>"
        f"<div><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in body) + "</div>"
        f"<div><h3>{heading}</h3>{thread}</div></body></html>"
    )
    doc = clean(page)
    assert all(p in doc.text for p in body)
    assert not any(text in doc.text for _, _, text in comments)
    widget = next(r for r in doc.removed if r.heading == heading)
    assert widget.kind is Label.COMMENTS
    assert all(text in widget.text for _, _, text in comments)
