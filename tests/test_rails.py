"""rails: zones found by shape alone (rails of headline-like lines, menus, runs of teasers),
seen end to end through sahelclean.clean()."""

from __future__ import annotations

import pytest

from sahelclean import clean

from .test_classify import EN_BODY, EN_TITLE, FR_BODY, FR_TITLE, dump

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
