"""Render documents as text, JSON or JSON lines, and write files atomically."""

from __future__ import annotations

import glob
import json
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from ..models import Document, Failure

# Between two articles on stdout in text format: a form feed on its own line, which no
# article contains (it is stripped from inputs) and `csplit`/`awk` can split on.
TEXT_SEPARATOR = "\f\n"


# Temporary files end so; a run that was killed leaves some, which the next run removes.
TEMP_SUFFIX = ".sahelclean-tmp"


class Format(StrEnum):
    """Output formats."""

    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"

    @property
    def suffix(self) -> str:
        """File name suffix for one output of this format."""
        return {"text": ".txt", "json": ".json", "jsonl": ".jsonl"}[self.value]


def render(doc: Document, fmt: Format) -> str:
    """One document in the given format, ending with a newline."""
    if fmt is Format.TEXT:
        return doc.text + "\n"
    if fmt is Format.JSON:
        return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return json.dumps(doc.to_dict(), ensure_ascii=False) + "\n"


def separator(fmt: Format) -> str:
    """What goes between two documents in one stream of this format."""
    return TEXT_SEPARATOR if fmt is Format.TEXT else ""


def render_failure(failure: Failure) -> str:
    """A failure as a JSON line, for jsonl streams that keep one line per input."""
    return json.dumps({**failure.to_dict(), "failed": True}, ensure_ascii=False) + "\n"


def atomic_write(path: Path, data: str) -> None:
    """Write a file through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_temp_files(path)
    tmp: Path | None = None
    fd = -1
    try:
        with held_signals():
            fd, tmp = make_temp(path)
        # a Ctrl-C held back above is raised as the block ends, still inside this try,
        # where the temp file is known: it is removed (it once landed before the try)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            fd = -1  # the handle owns it now
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            with suppress(OSError):
                os.close(fd)
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise


def make_temp(path: Path) -> tuple[int, Path]:
    """A temporary file beside path; if creating it is interrupted, nothing stays behind."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get what open() gives
    except BaseException:
        sweep_temp_files(path)
        raise
    return fd, Path(name)


@lru_cache(maxsize=1)
def _umask() -> int:
    """The process umask (read once: setting it to read it is not thread-safe)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def held_signals() -> Iterator[None]:
    """Hold Ctrl-C back during the block (in the main thread), delivering it after."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def sweep_temp_files(path: Path) -> None:
    """Remove the temporary files a killed run left for this output."""
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*{TEMP_SUFFIX}"):
        stale.unlink(missing_ok=True)
