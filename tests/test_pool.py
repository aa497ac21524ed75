"""batch.py: ordered results with a pool, big pages cleaned in the parent, the memo."""

from __future__ import annotations

import os

import pytest

from sahelclean.batch import pool as batch
from sahelclean.batch.pool import Outcome, clean_one, ordered_map
from sahelclean.batch.writers import Format
from sahelclean.models import RawPage
from sahelclean.options import Options

PARAGRAPH_FR = (
    "Le conseil municipal de Ségou a voté mardi le budget de la saison des pluies, "
    "après trois heures de débat sur l'entretien des digues et des canaux."
)
PARAGRAPH_EN = (
    "The municipal council of Segou voted on Tuesday for the rainy-season budget, "
    "after three hours of debate on the upkeep of the dykes and canals."
)


def _page(n: int, paragraph: str) -> RawPage:
    body = "\n\n".join(f"{paragraph} Point {n}.{k}." for k in range(4))
    return RawPage(f"Accueil\nRubriques\n\nTitre de la page {n}\n\n{body}\n", source=f"p{n}.txt")


def _pages() -> list[RawPage]:
    return [_page(n, PARAGRAPH_FR if n % 2 else PARAGRAPH_EN) for n in range(6)]


def _run(pages: list[RawPage], jobs: int) -> list[tuple[str | None, str | None]]:
    args = (Options(timeout=None), Format.TEXT)
    return [
        (item.source, outcome.output)
        for item, outcome in ordered_map(clean_one, pages, lambda p: p, args, jobs)
    ]


def test_a_pool_gives_the_same_outputs_in_the_same_order() -> None:
    pages = _pages()
    assert _run(pages, 2) == _run(pages, 1)


def test_big_pages_are_cleaned_in_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages over INLINE_PAGE_CHARS never go through a worker (four copies saved), and
    keep their place in the order."""
    pages = _pages()
    expected = _run(pages, 1)
    seen: list[int] = []

    def spy(page: RawPage, *args: object) -> Outcome:
        seen.append(os.getpid())
        return clean_one(page, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "INLINE_PAGE_CHARS", 0)  # every page is "big"
    args = (Options(timeout=None), Format.TEXT)
    got = [(i.source, o.output) for i, o in ordered_map(spy, pages, lambda p: p, args, 2)]
    assert got == expected
    assert seen == [os.getpid()] * len(pages)  # the spy ran here, never in a worker


class _Counted:
    """An argument that counts how often the parent pickles it."""

    pickled = 0

    def __reduce__(self) -> tuple[type[_Counted], tuple[()]]:
        type(self).pickled += 1
        return (type(self), ())


def _clean_with(page: RawPage, options: Options, fmt: Format, _extra: _Counted) -> Outcome:
    return clean_one(page, options, fmt)


def test_the_options_go_to_each_worker_once_not_with_every_page() -> None:
    """5 KB of Options (the built-in site rules) pickled with every page cost 0.43 ms a
    page; a worker now gets the run's arguments when it starts."""
    pages = _pages() * 4
    args = (Options(timeout=None), Format.TEXT, _Counted())
    _Counted.pickled = 0
    got = [o.output for _, o in ordered_map(_clean_with, pages, lambda p: p, args, 2)]
    assert got == [o for _, o in _run(pages, 1)]
    assert _Counted.pickled <= 2  # once per worker at most (none when workers are forked)
