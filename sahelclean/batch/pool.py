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
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, TypeVar

from ..models import Document, Failure, RawPage
from ..options import Options
from ..pipeline import clean_page
from ..sites.profile import PageLines, document_lines
from .writers import Format, render

T = TypeVar("T")

# Pages in flight per worker: enough to keep every worker busy while the parent writes,
# few enough that memory stays flat whatever the size of the input.
WINDOW_PER_JOB = 4
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
    page: RawPage, options: Options, fmt: Format, keep: bool = False, learn: bool = False
) -> Outcome:
    """Clean and render one page within the page time budget."""
    with _time_budget(options.timeout):
        try:
            result = clean_page(page, options)
        except PageTimeout:
            result = timeout_failure(page, options)
    if isinstance(result, Failure):
        return Outcome(page.source, None, False, result)
    learned = document_lines(result) if learn else None
    return Outcome(
        page.source, render(result, fmt), result.is_empty, None, result if keep else None, learned
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
    which keeps its place in the order without going through a worker.
    """
    stream = iter(items)
    head = list(islice(stream, 2))
    if jobs <= 1 or len(head) < 2:  # one page is not worth starting a pool
        for item in chain(head, stream):
            work = work_of(item)
            yield item, work if isinstance(work, Outcome) else func(work, *args)
        return
    window: deque[tuple[T, Future[Outcome]]] = deque()
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(func, args)
    ) as pool:
        try:
            for item in chain(head, stream):
                window.append((item, _submit(pool, func, work_of(item), args)))
                if len(window) >= jobs * WINDOW_PER_JOB:
                    first, future = window.popleft()
                    yield first, future.result()
            while window:
                first, future = window.popleft()
                yield first, future.result()
        except BaseException:
            for _, future in window:
                future.cancel()
            raise


def _submit(
    pool: ProcessPoolExecutor,
    func: Callable[..., Outcome],
    work: RawPage | Outcome,
    args: tuple[Any, ...],
) -> Future[Outcome]:
    """A worker's future for a page, or a done future for a known outcome."""
    if isinstance(work, Outcome) or len(work.content) > INLINE_PAGE_CHARS:
        done: Future[Outcome] = Future()
        done.set_result(work if isinstance(work, Outcome) else func(work, *args))
        return done
    return pool.submit(_in_worker, work)


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


def _in_worker(page: RawPage) -> Outcome:
    """Clean one page in a worker, with the function and arguments it was started with."""
    assert _TASK is not None, "a worker started without _start_worker"
    func, args = _TASK
    return func(page, *args)


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, and end when the parent is gone (even SIGKILLed)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)  # the parent died: nobody will read our results

    threading.Thread(target=watch, daemon=True, name="sahelclean-parent-watch").start()
