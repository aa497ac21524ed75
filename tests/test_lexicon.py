"""lexicon.py: the vocabularies folded and compiled once (tries, look-ups, AnyOf)."""

from __future__ import annotations

import re

import pytest

from sahelclean.models import Label
from sahelclean.text.lexicon import AnyOf, _alternation, is_vocabulary_line, vocabulary


@pytest.mark.parametrize(
    "phrases",
    [
        ["à lire aussi", "à lire", "à regarder", "lire la suite"],
        ["read more", "read", "related", "related stories", "most read"],
    ],
    ids=["fr", "en"],
)
def test_the_trie_matches_what_the_plain_alternation_matches(phrases: list[str]) -> None:
    trie = re.compile(_alternation(phrases))
    plain = re.compile("|".join(sorted(map(re.escape, phrases), key=len, reverse=True)))
    for text in [
        "à lire aussi : le bilan",
        "x à regarder",
        "read more stories",
        "most read",
        "rien",
    ]:
        got, want = trie.search(text), plain.search(text)
        assert (got and got.group(0)) == (want and want.group(0)), text


def test_anyof_tries_anchored_patterns_at_the_start_only() -> None:
    group = AnyOf.compile([r"^photo ?:", r"\(afp\)\W*$"])
    assert group.search("photo : awa ba") is not None
    assert group.search("la photo : awa ba") is None  # anchored: not in the middle
    assert group.search("le marché de gao (afp)") is not None
    assert group.search("l'afp rapporte") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [("À lire aussi", True), ("Sur le même sujet :", True), ("Most read", True),
     ("Related stories", True), ("Le marché de Gao rouvre", False),
     ("The market reopens in Gao", False), ("-" * 40_000, False)],
)  # fmt: skip
def test_vocabulary_lines_are_known_headings_and_labels(line: str, expected: bool) -> None:
    assert is_vocabulary_line(line) is expected


def test_headings_keep_their_label_and_language() -> None:
    headings = vocabulary().headings
    assert headings["a lire aussi"] == (Label.RELATED, "fr")
    assert headings["most read"][0] is Label.RELATED
