"""The page time budget in any thread: Dask and Spark run tasks in worker threads.

batch.clean_one's budget is a SIGALRM, which reaches the main thread only; in any other
thread it does nothing, and one pathological page would hold a worker forever. Here a
timer raises PageTimeout in the cleaning thread instead (PyThreadState_SetAsyncExc). Both
interrupt Python code between two bytecodes and neither can cut a long C call short, so a
page gets the same verdict whichever way it runs.
"""

from __future__ import annotations

import ctypes
import threading

from ..models import Document, Failure, RawPage
from ..options import Options
from ..pipeline import clean_page
from .pool import Outcome, PageTimeout, _time_budget, clean_one, timeout_failure
from .writers import Format


class thread_budget:
    """Raise PageTimeout in the current thread when the block runs longer than `seconds`."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.main = threading.current_thread() is threading.main_thread()
        self.lock = threading.Lock()
        self.done = False
        self.fired = False
        self.timer: threading.Timer | None = None
        self.signal_budget = _time_budget(seconds if self.main else None)

    def __enter__(self) -> None:
        if self.main or not self.seconds:
            self.signal_budget.__enter__()  # the main thread keeps the SIGALRM of the CLI
            return
        self.thread = threading.get_ident()
        self.timer = threading.Timer(self.seconds, self._fire)
        self.timer.daemon = True
        self.timer.start()

    def _fire(self) -> None:
        """The timer's end: interrupt the thread, unless the block is already over."""
        with self.lock:
            if not self.done:
                _set_async_exc(self.thread, PageTimeout)
                self.fired = True

    def __exit__(self, *exc: object) -> None:
        if self.timer is None:
            self.signal_budget.__exit__(*exc)
            return
        with self.lock:
            self.done = True
            self.timer.cancel()
            if self.fired:
                _set_async_exc(self.thread, None)  # drop it if it has not landed yet


def _set_async_exc(thread: int, exc: type[BaseException] | None) -> None:
    """Raise exc in that thread at its next bytecode (None: cancel a pending one)."""
    payload = ctypes.py_object(exc) if exc is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), payload)


def clean_page_within_budget(page: RawPage, options: Options) -> Document | Failure:
    """pipeline.clean_page with the page time budget, in whatever thread it runs."""
    try:
        with thread_budget(options.timeout):
            return clean_page(page, options)
    except PageTimeout:
        return timeout_failure(page, options)


def clean_one_within_budget(
    page: RawPage, options: Options, fmt: Format, learn: bool = False, with_removed: bool = False
) -> Outcome:
    """batch.clean_one (clean and render) with the page time budget in any thread."""
    try:
        with thread_budget(options.timeout):
            return clean_one(page, options, fmt, learn=learn, with_removed=with_removed)
    except PageTimeout:
        return Outcome(page.source, None, False, timeout_failure(page, options))
