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
