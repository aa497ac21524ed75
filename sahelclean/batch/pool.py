"""Clean many pages, in order, in one process or in a pool of worker processes.

Workers return rendered output, not documents: a document carries every block of its
page, and shipping it back through a pipe would cost more than rendering it there.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any, Generic, TypeVar

from ..models import Document, Failure, RawPage
from ..options import Options
from ..pipeline import clean_page
from ..sites.profile import PageLines, document_lines
from .writers import Format, render

T = TypeVar("T")

# Batches in flight per worker: enough to keep every worker busy while the parent writes
# or waits for a slow page, few enough that memory stays flat whatever the input's size
# (about jobs × WINDOW_PER_JOB × BATCH_CHARS of pages, and their outputs).
WINDOW_PER_JOB = 4
# A worker gets pages by the batch: up to BATCH_PAGES pages, or until they reach
# BATCH_CHARS characters (or bytes). Measured on 2 busy cores (12 KB in, 8 KB out): a task
# costs about 0.25 ms (pickling, pipes, the pool's threads) and each of its pages 0.05 ms,
# so 0.29 ms a page one by one, 0.08 by 8, 0.06 by 16: 2 % of a 15 ms text dump, then
# 0.5 %. Bigger batches gain little more, and the last one of a run is one worker's alone:
# 64 KB is about 5 dumps (75 ms of work) or one HTML page (60 ms for 180 KB).
BATCH_PAGES = 16
BATCH_CHARS = 64_000
# Pages bigger than this are cleaned in the parent process, in their turn: sending one to
# a worker and its output back costs four more copies of it (pickled and unpickled, each
# way), which took a 50 MB page from 410 MB to 690 MB of peak RSS. They are rare (the
# default --max-bytes is 20 MB), and the parent enforces the time budget the same way.
INLINE_PAGE_CHARS = 8_000_000
# How often a worker checks that its parent is still alive.
PARENT_CHECK_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one page: its rendered output, or why there is none."""

    source: str | None
    output: str | None  # the rendered document; None for a failure
    empty: bool  # no article found (output still holds the document, for jsonl streams)
    failure: Failure | None
    document: Document | None = None  # only in-process, when the caller asked to keep it
    learned: PageLines | None = None  # the page's lines, for the parent to count (--learn)


def default_jobs() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def clean_one(
    page: RawPage,
    options: Options,
    fmt: Format,
    keep: bool = False,
    learn: bool = False,
    with_removed: bool = False,
) -> Outcome:
    """Clean and render one page within the page time budget (with_removed: writers.render)."""
    with _time_budget(options.timeout):
        try:
            result = clean_page(page, options)
        except PageTimeout:
            result = timeout_failure(page, options)
    if isinstance(result, Failure):
        return Outcome(page.source, None, False, result)
    learned = document_lines(result) if learn else None
    return Outcome(
        page.source,
        render(result, fmt, with_removed=with_removed),
        result.is_empty,
        None,
        result if keep else None,
        learned,
    )


def timeout_failure(page: RawPage, options: Options) -> Failure:
    """The failure of a page that ran over its time budget."""
    message = f"{page.source}: took longer than {options.timeout or 0:g} s; skipped (see --timeout)"
    return Failure(page.source, message, "Timeout")


def ordered_map(
    func: Callable[..., Outcome],
    items: Iterable[T],
    work_of: Callable[[T], RawPage | Outcome],
    args: tuple[Any, ...],
    jobs: int,
) -> Iterator[tuple[T, Outcome]]:
    """Yield (item, func(page, *args)) in input order, with `jobs` worker processes.

    work_of gives the page to clean, or an Outcome already known (an unreadable input),
    which keeps its place in the order without going through a worker. Workers get the
    pages by the batch, and clean each one on its own, within its own time budget.
    """
    stream = iter(items)
    head = list(islice(stream, 2))
    if jobs <= 1 or len(head) < 2:  # one page is not worth starting a pool
        for item in chain(head, stream):
            work = work_of(item)
            yield item, work if isinstance(work, Outcome) else func(work, *args)
        return
    window: deque[_Batch[T]] = deque()
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(func, args)
    ) as pool:
        try:
            for batch in _batches(chain(head, stream), work_of, func, args, pool):
                window.append(batch)
                # pass on what is done at once; wait for the oldest only when the window is full
                while window and (len(window) > jobs * WINDOW_PER_JOB or window[0].done()):
                    yield from window.popleft().outcomes()
            while window:
                yield from window.popleft().outcomes()
        except BaseException:
            for batch in window:
                if batch.future is not None:
                    batch.future.cancel()
            raise


def _batches(
    items: Iterable[T],
    work_of: Callable[[T], RawPage | Outcome],
    func: Callable[..., Outcome],
    args: tuple[Any, ...],
    pool: ProcessPoolExecutor,
) -> Iterator[_Batch[T]]:
    """Cut the items into batches, each sent to the pool once complete.

    The first batches grow from one page (1, 2, 4…) so that a short input is shared by
    all the workers. A big page is cleaned here, in its turn, as a batch of its own.
    """
    batch: _Batch[T] = _Batch()
    limit = 1
    for item in items:
        work = work_of(item)
        if isinstance(work, RawPage) and len(work.content) > INLINE_PAGE_CHARS:
            if batch.items:  # the workers go on with what came before it meanwhile
                yield batch.submit(pool)
                batch = _Batch()
            yield _Batch([item], [func(work, *args)])
            continue
        batch.add(item, work)
        if batch.pages >= limit or batch.chars >= BATCH_CHARS:
            yield batch.submit(pool)
            batch = _Batch()
            limit = min(limit * 2, BATCH_PAGES)
    if batch.items:
        yield batch.submit(pool)


@dataclass(slots=True)
class _Batch(Generic[T]):
    """Consecutive items whose pages go to one worker in one task."""

    items: list[T] = field(default_factory=list)
    works: list[RawPage | Outcome] = field(default_factory=list)  # an Outcome is known already
    pages: int = 0
    chars: int = 0
    future: Future[list[Outcome]] | None = None

    def add(self, item: T, work: RawPage | Outcome) -> None:
        """One more item at the end."""
        self.items.append(item)
        self.works.append(work)
        if isinstance(work, RawPage):
            self.pages += 1
            self.chars += len(work.content)

    def submit(self, pool: ProcessPoolExecutor) -> _Batch[T]:
        """Send the pages to a worker, if there are any."""
        if self.pages:
            pages = [work for work in self.works if isinstance(work, RawPage)]
            self.future = pool.submit(_in_worker, pages)
        return self

    def done(self) -> bool:
        """Whether the outcomes are there without waiting."""
        return self.future is None or self.future.done()

    def outcomes(self) -> Iterator[tuple[T, Outcome]]:
        """(item, outcome) in order; an error raised on a page is raised again at its turn."""
        cleaned, error = _result(self.future)
        for item, work in zip(self.items, self.works, strict=True):
            if isinstance(work, RawPage):
                if not cleaned:
                    assert error is not None
                    raise error
                work = cleaned.popleft()
            yield item, work


def _result(future: Future[list[Outcome]] | None) -> tuple[deque[Outcome], BaseException | None]:
    """A batch's outcomes, and the error that cut it short (the pages before it count)."""
    if future is None:
        return deque(), None
    try:
        return deque(future.result()), None
    except _BatchCut as cut:
        cut.error.__cause__ = cut.__cause__  # the worker's traceback, as a task's error has it
        return deque(cut.outcomes), cut.error


class _BatchCut(Exception):
    """A page raised in a worker (a bug, under --debug): the outcomes of the batch before it.

    With them, the pages before that one are written before the error ends the run, as they
    were when each page was a task of its own.
    """

    def __init__(self, outcomes: list[Outcome], error: BaseException) -> None:
        super().__init__(outcomes, error)
        self.outcomes = outcomes
        self.error = error

    def __str__(self) -> str:  # in the worker's traceback: not the documents themselves
        return f"{self.error!r}, after {len(self.outcomes)} pages of its batch"


class PageTimeout(BaseException):
    """A page took longer than its time budget.

    A BaseException, like KeyboardInterrupt: the alarm may fire anywhere, and no
    `except Exception` on the way (a parser's, or the per-page safety net) may swallow it.
    """


class _time_budget:
    """Raise PageTimeout in this process when the block runs longer than `seconds`."""

    def __init__(self, seconds: float | None) -> None:
        usable = (
            hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        )
        self.seconds = seconds if seconds and usable else None  # signals reach the main thread only

    def __enter__(self) -> None:
        if self.seconds:
            self.previous = signal.signal(signal.SIGALRM, _raise_timeout)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)


def _raise_timeout(signum: int, frame: object) -> None:
    """The SIGALRM handler of the page time budget."""
    raise PageTimeout


# In a worker: the run's function and its arguments (the Options, the format), given once
# when the worker starts rather than pickled with every page (5 KB of Options with the
# built-in site rules, 0.43 ms a page to pickle and unpickle, for pages of about 10 ms).
_TASK: tuple[Callable[..., Outcome], tuple[Any, ...]] | None = None


def _start_worker(func: Callable[..., Outcome], args: tuple[Any, ...]) -> None:
    """A worker's start: keep the run's function and arguments, and leave Ctrl-C alone."""
    global _TASK
    _TASK = (func, args)
    _ignore_sigint()


def _in_worker(pages: list[RawPage]) -> list[Outcome]:
    """Clean a batch of pages in a worker, one by one, with the run's function and arguments."""
    assert _TASK is not None, "a worker started without _start_worker"
    func, args = _TASK
    outcomes: list[Outcome] = []
    for page in pages:
        try:
            outcomes.append(func(page, *args))
        except BaseException as exc:  # the run ends there, as it did, but after these
            raise _BatchCut(outcomes, exc) from exc
    return outcomes


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, and end when the parent is gone (even SIGKILLed)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)  # the parent died: nobody will read our results

    threading.Thread(target=watch, daemon=True, name="sahelclean-parent-watch").start()
