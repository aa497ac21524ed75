"""render/plain.py: the text output, and the removed widgets under it (--with-removed)."""

from __future__ import annotations

import pytest

from sahelclean.models import Label
from sahelclean.render import render_plain

from .documents import document, widget

REMOVED = {
    "fr": (
        widget(Label.RELATED, "À lire aussi", ["À lire aussi", "Niger : un titre", "x"],
               ["Niger : un titre"]),
        widget(Label.METADATA, None, ["Par Awa Traoré", "Publié le 3 mars"]),
    ),
    "en": (
        widget(Label.COMMENTS, "Comments", ["Comments", "Sign in to comment."]),
        widget(Label.NAVIGATION, "Home", ["Home", "Africa"], []),
    ),
}  # fmt: skip
WANT = {
    "fr": "Titre\n\nTexte.\n\n=== removed ===\n\n"
    "[related: À lire aussi]\nreason: widget heading 'À lire aussi'\n- Niger : un titre\n\n"
    "[metadata]\nreason: byline\n- Par Awa Traoré\n- Publié le 3 mars\n",
    "en": "Titre\n\nTexte.\n\n=== removed ===\n\n"
    "[comments: Comments]\nreason: widget heading 'Comments'\n- Sign in to comment.\n\n"
    "[navigation: Home]\nreason: widget heading 'Home'\n- Africa\n",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_with_removed_lists_the_widgets_after_the_text(language: str) -> None:
    doc = document("Titre", None, [(None, [(Label.PARAGRAPH, "Texte.")])],
                   removed=REMOVED[language])  # fmt: skip
    assert render_plain(doc) == "Titre\n\nTexte.\n"
    assert render_plain(doc, with_removed=True) == WANT[language]


def test_with_removed_on_an_empty_article() -> None:
    doc = document(None, None, [], removed=REMOVED["en"][:1])
    assert render_plain(doc, with_removed=True) == (
        "=== removed ===\n\n[comments: Comments]\nreason: widget heading 'Comments'\n"
        "- Sign in to comment.\n"
    )
