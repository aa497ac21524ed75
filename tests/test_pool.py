"""batch/pool.py: ordered results with a pool, pages by the batch, big pages cleaned in the
parent, the page time budget in a worker."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, ClassVar
from unittest.mock import patch

import pytest

from sahelclean.batch import pool as batch
from sahelclean.batch.pool import Outcome, clean_one, ordered_map
from sahelclean.batch.writers import Format
from sahelclean.models import Document, Failure, RawPage
from sahelclean.options import Options
from sahelclean.pipeline import clean_page

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


class _Spied(ProcessPoolExecutor):
    """A pool that keeps the sources of the pages of every task it is given."""

    tasks: ClassVar[list[list[str | None]]] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        work = args[0]
        type(self).tasks.append(
            [p.source for p in work] if isinstance(work, list) else [work.source]
        )
        return super().submit(fn, *args, **kwargs)


@pytest.fixture
def tasks(monkeypatch: pytest.MonkeyPatch) -> list[list[str | None]]:
    """The sources of the pages of each task sent to a worker, in order."""
    _Spied.tasks = []
    monkeypatch.setattr(batch, "ProcessPoolExecutor", _Spied)
    return _Spied.tasks


def test_pages_go_to_workers_by_the_batch(tasks: list[list[str | None]]) -> None:
    """One task per page cost about 0.2 ms of pickling, pipes and thread hops each; the
    batches grow from one page (a short input still reaches both workers) to BATCH_PAGES.
    (On the previous commit, 48 pages made 48 tasks.)"""
    pages = [_page(n, PARAGRAPH_FR if n % 2 else PARAGRAPH_EN) for n in range(48)]
    assert _run(pages, 2) == _run(pages, 1)
    assert [len(t) for t in tasks] == [1, 2, 4, 8, 16, 16, 1]
    assert [s for t in tasks for s in t] == [p.source for p in pages]


def test_a_batch_ends_once_it_holds_batch_chars(
    tasks: list[list[str | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch of long pages is short: a worker's share stays even, its memory small."""
    pages = [_page(n, PARAGRAPH_FR if n % 2 else PARAGRAPH_EN) for n in range(24)]
    size = {p.source: len(p.content) for p in pages}
    monkeypatch.setattr(batch, "BATCH_CHARS", 3 * min(size.values()))
    assert _run(pages, 2) == _run(pages, 1)
    assert max(len(t) for t in tasks) == 3
    assert all(sum(size[s] for s in t[:-1]) < batch.BATCH_CHARS for t in tasks)


def test_known_outcomes_keep_their_place_among_batches(tasks: list[list[str | None]]) -> None:
    """An unreadable input's failure, known in the parent, goes out between the pages."""
    pages = [_page(n, PARAGRAPH_FR if n % 2 else PARAGRAPH_EN) for n in range(20)]

    def work_of(page: RawPage) -> RawPage | Outcome:
        unreadable = Failure(page.source, f"{page.source}: unreadable", "DecodeError")
        return Outcome(page.source, None, False, unreadable) if page.source in BAD else page

    args = (Options(timeout=None), Format.TEXT)
    got = list(ordered_map(clean_one, pages, work_of, args, 2))
    assert [i.source for i, _ in got] == [p.source for p in pages]
    failed = [o.source for _, o in got if o.failure is not None]
    assert failed == sorted(BAD, key=lambda s: int(s[1:-4]))
    assert [o.output for _, o in got if o.failure is None] == [
        out for src, out in _run(pages, 1) if src not in BAD
    ]
    assert not BAD & {s for t in tasks for s in t}


BAD = {"p2.txt", "p9.txt", "p10.txt"}


def test_the_input_is_read_no_further_than_the_window() -> None:
    """Memory stays flat whatever the input's size: at most jobs × WINDOW_PER_JOB batches
    are in flight beyond what was passed on."""
    pulled = 0

    def pages() -> Iterator[RawPage]:
        nonlocal pulled
        for n in range(200):
            pulled += 1
            yield _page(n, PARAGRAPH_FR if n % 2 else PARAGRAPH_EN)

    args = (Options(timeout=None), Format.TEXT)
    ahead = 0
    for passed, _ in enumerate(ordered_map(clean_one, pages(), lambda p: p, args, 2), 1):
        ahead = max(ahead, pulled - passed)
    assert pulled == 200
    assert ahead <= (2 * batch.WINDOW_PER_JOB + 1) * batch.BATCH_PAGES


def _spin_if_slow(page: RawPage, options: Options) -> Document | Failure:
    """pipeline.clean_page, except that a page named slow… never ends by itself."""
    while page.source is not None and page.source.startswith("slow"):
        pass
    return clean_page(page, options)


def _clean_with_a_stuck_page(page: RawPage, options: Options, fmt: Format) -> Outcome:
    """batch.clean_one, where only the page time budget can end a slow… page."""
    with patch.object(batch, "clean_page", _spin_if_slow):  # in the worker that runs it
        return clean_one(page, options, fmt)


def test_a_page_over_its_budget_inside_a_batch(tasks: list[list[str | None]]) -> None:
    """The page that overruns gets its one-line failure, in its place; the pages of its
    batch after it are cleaned all the same, each within its own budget."""
    pages = [_page(n, PARAGRAPH_FR if n % 2 else PARAGRAPH_EN) for n in range(12)]
    pages[4] = RawPage(pages[4].content, source="slow.txt")
    args = (Options(timeout=0.2), Format.TEXT)
    got = [o for _, o in ordered_map(_clean_with_a_stuck_page, pages, lambda p: p, args, 2)]
    assert ["p3.txt", "slow.txt", "p5.txt", "p6.txt"] in tasks  # inside a batch
    assert [o.source for o in got] == [p.source for p in pages]
    (failed,) = [o for o in got if o.failure is not None]
    assert failed.source == "slow.txt" and failed.failure is not None
    assert failed.failure.error == "slow.txt: took longer than 0.2 s; skipped (see --timeout)"
    expected = dict(_run([p for p in pages if p.source != "slow.txt"], 1))
    assert [(o.source, o.output) for o in got if o is not failed] == list(expected.items())


def _fail_on_p5(page: RawPage, options: Options, fmt: Format) -> Outcome:
    """clean_one, with a bug on one page (as under --debug, which lets errors through)."""
    if page.source == "p5.txt":
        raise ValueError("a bug on p5.txt")
    return clean_one(page, options, fmt)


def test_an_error_in_a_batch_comes_after_the_pages_before_it() -> None:
    """The run ends on the page that raised, as it did with one page per task, but the
    pages before it, in its batch too, are passed on first."""
    pages = _pages() * 2
    pages = [RawPage(p.content, source=f"p{n}.txt") for n, p in enumerate(pages)]
    args = (Options(timeout=None), Format.TEXT)
    got: list[str | None] = []
    with pytest.raises(ValueError, match=r"a bug on p5\.txt") as raised:
        for item, _ in ordered_map(_fail_on_p5, pages, lambda p: p, args, 2):
            got.append(item.source)
    assert got == ["p0.txt", "p1.txt", "p2.txt", "p3.txt", "p4.txt"]  # p3-p6 are one batch
    assert "a bug on p5.txt" in str(raised.value.__cause__)  # the worker's traceback
