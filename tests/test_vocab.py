"""The vocabularies are data: no entry twice in one list (a copy hides a typo or a stale edit)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from sahelclean import vocab


def _lists() -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every tuple of strings in vocab.py, at the top level or in its tables, with its name."""
    for name, value in vars(vocab).items():
        if name.startswith("_"):
            continue
        if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
            yield name, value
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, tuple) and all(isinstance(v, str) for v in inner):
                    yield f"{name}[{key}]", inner
                if isinstance(inner, dict):
                    for lang, entries in inner.items():
                        if isinstance(entries, tuple):
                            yield f"{name}[{key}][{lang}]", entries


def test_the_lists_are_found() -> None:
    names = {name for name, _ in _lists()}
    assert {"BIO_NOUNS", "COMPANY_NOUNS", "DATELINE_WORDS"} <= names


def test_no_list_holds_an_entry_twice() -> None:
    twice = {
        name: sorted(e for e, n in Counter(entries).items() if n > 1)
        for name, entries in _lists()
        if len(set(entries)) < len(entries)
    }
    assert twice == {}
