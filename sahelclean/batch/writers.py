"""Render documents as text, Markdown, HTML, JSON or JSON lines; write files atomically.

A file is written to a temporary file beside it and renamed into place when complete, so
that no reader ever sees half a file. The writer holds a lock on its temporary file until
the rename: a temporary file nobody holds was left by a killed run, and `sweep_folder`
removes it, in one pass over the folder, whatever other runs write there at the time.
"""

from __future__ import annotations

import ctypes
import glob
import json
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from enum import StrEnum
from functools import lru_cache
from json.encoder import encode_basestring as _escape  # C, as json.dumps uses it
from pathlib import Path

from ..models import Document, Failure
from ..render import render_html, render_markdown, render_plain

# Between two articles on stdout in text, Markdown or HTML: a form feed on its own line,
# which no article contains (it is stripped from inputs) and `csplit`/`awk` can split on.
TEXT_SEPARATOR = "\f\n"


# Temporary files end so; a run that was killed leaves some, which the next run removes.
TEMP_SUFFIX = ".sahelclean-tmp"
# A sweeper may take a temporary file between its creation and its writer's lock; the
# writer then sees it unlinked and makes another, at most this many times.
TEMP_TRIES = 8

try:
    import fcntl
except ImportError:  # not POSIX: no lock; a sweep then removes only this output's files
    fcntl = None  # type: ignore[assignment]


class Sync(StrEnum):
    """When a run's outputs are made durable (flushed to the disk).

    EACH: every file is synced before its rename (a crash never leaves an empty output,
    at one disk flush per file). END: the output tree's file system is synced once when
    the run ends, before the manifest and the summary are written (default: a crash can
    leave the outputs of the run that was under way empty or missing, never the manifest
    claiming them). NONE: the operating system flushes when it will.
    """

    EACH = "each"
    END = "end"
    NONE = "none"


class Format(StrEnum):
    """Output formats."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    JSON = "json"
    JSONL = "jsonl"

    @property
    def suffix(self) -> str:
        """File name suffix for one output of this format."""
        return _SUFFIXES[self]

    @property
    def is_json(self) -> bool:
        """True for the JSON formats (a file of several documents is then JSON lines)."""
        return self in (Format.JSON, Format.JSONL)


_SUFFIXES = {
    Format.TEXT: ".txt",
    Format.MARKDOWN: ".md",
    Format.HTML: ".html",
    Format.JSON: ".json",
    Format.JSONL: ".jsonl",
}


def render(doc: Document, fmt: Format, *, with_removed: bool = False) -> str:
    """One document in the given format, ending with a newline.

    with_removed: text, Markdown and HTML end with the removed widgets (JSON always has them).
    """
    if fmt is Format.TEXT:
        return render_plain(doc, with_removed=with_removed)
    if fmt is Format.MARKDOWN:
        return render_markdown(doc, with_removed=with_removed)
    if fmt is Format.HTML:
        return render_html(doc, with_removed=with_removed)
    if fmt is Format.JSON:
        return pretty_json(doc.to_dict()) + "\n"
    return json.dumps(doc.to_dict(), ensure_ascii=False) + "\n"


def pretty_json(obj: object) -> str:
    """`json.dumps(obj, ensure_ascii=False, indent=2)`, byte for byte, at about twice the speed.

    With `indent`, json falls back from its C encoder to a pure-Python one (0.67 ms for a
    dev page's document); this walk does the layout and leaves every string to the C
    escaper (0.36 ms). Anything but str keys, str, int, float, bool, None, list, tuple and
    dict goes to json.dumps as a whole, which then says what it cannot encode.
    """
    out: list[str] = []
    try:
        _pretty(obj, "\n", out.append)
    except _NotPlain:
        return json.dumps(obj, ensure_ascii=False, indent=2)
    return "".join(out)


class _NotPlain(Exception):
    """A value pretty_json leaves to json.dumps."""


def _pretty(obj: object, newline: str, put: Callable[[str], object]) -> None:
    """Append obj's JSON, its nested lines indented after `newline` (json's indent=2 layout)."""
    if isinstance(obj, str):
        put(_escape(obj))
    elif obj is None or obj is True or obj is False:
        put("null" if obj is None else "true" if obj else "false")
    elif isinstance(obj, int | float):
        put(json.dumps(obj))  # json's own form: "1e+100", "NaN", an int subclass's value
    elif isinstance(obj, dict):
        if not obj:
            put("{}")
            return
        inner = newline + "  "
        put("{")
        for n, (key, value) in enumerate(obj.items()):
            if not isinstance(key, str):
                raise _NotPlain  # json turns 1, 1.5, True, None keys into strings its way
            put(inner if n == 0 else "," + inner)
            put(_escape(key))
            put(": ")
            _pretty(value, inner, put)
        put(newline + "}")
    elif isinstance(obj, list | tuple):
        if not obj:
            put("[]")
            return
        inner = newline + "  "
        put("[")
        for n, value in enumerate(obj):
            put(inner if n == 0 else "," + inner)
            _pretty(value, inner, put)
        put(newline + "]")
    else:
        raise _NotPlain


def separator(fmt: Format) -> str:
    """What goes between two documents in one stream of this format."""
    return "" if fmt.is_json else TEXT_SEPARATOR


def render_failure(failure: Failure) -> str:
    """A failure as a JSON line, for jsonl streams that keep one line per input."""
    return json.dumps({**failure.to_dict(), "failed": True}, ensure_ascii=False) + "\n"


def atomic_write(path: Path, data: str, *, prepared: bool = False, sync: bool = True) -> None:
    """Write a file through a temporary file in the same folder and a rename.

    prepared: the caller made the folder and swept it this run (batch outputs do it once
    per folder); else this output's own stale temporary files are swept. sync: flush the
    file to the disk before the rename.
    """
    if not prepared:
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
            if sync:
                os.fsync(handle.fileno())
            os.replace(tmp, path)  # while the lock is held: no sweep can take the file
    except BaseException:
        if fd >= 0:
            with suppress(OSError):
                os.close(fd)
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise


def make_temp(path: Path) -> tuple[int, Path]:
    """A locked temporary file beside path; if creating it is interrupted, nothing stays."""
    fd = -1
    try:
        for _ in range(TEMP_TRIES):
            fd, name = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent
            )
            os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get what open() gives
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            if os.fstat(fd).st_nlink:  # a sweep did not take it before the lock
                return fd, Path(name)
            os.close(fd)
            fd = -1
        raise OSError(f"{path.parent}: temporary files vanish as they are made")
    except BaseException:
        if fd >= 0:  # closed first: a file we still held would look alive to the sweep
            os.close(fd)
        sweep_temp_files(path)
        raise


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
        _remove_if_abandoned(stale)


def sweep_folder(folder: Path) -> None:
    """Remove every temporary file that killed runs left in a folder (one pass over it)."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX):
            _remove_if_abandoned(Path(entry.path))


def _remove_if_abandoned(path: Path) -> None:
    """Unlink a temporary file that no live writer holds locked."""
    if fcntl is None:
        path.unlink(missing_ok=True)
        return
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:  # gone already, or a link: not ours to touch
        return
    try:
        if _lock_free(fd):
            path.unlink(missing_ok=True)
    finally:
        os.close(fd)


def _lock_free(fd: int) -> bool:
    """Take the lock of an open temporary file, unless a live writer holds it."""
    assert fcntl is not None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def sync_tree(root: Path) -> None:
    """Flush the file system that holds root to the disk: Linux's syncfs on that file
    system alone, or a sync of all of them where syncfs is missing or refuses."""
    libc = ctypes.CDLL(None, use_errno=True) if os.name == "posix" else None
    syncfs = getattr(libc, "syncfs", None)
    try:
        fd = os.open(root, os.O_RDONLY)
    except OSError:
        fd = -1
    try:
        if syncfs is not None and fd >= 0 and syncfs(fd) == 0:
            return
        os.sync()
    finally:
        if fd >= 0:
            os.close(fd)
