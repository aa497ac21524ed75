"""Where cleaned documents go: stdout, one file, or a directory mirroring the inputs.

Every file is written whole or not at all: a temporary file in the same folder, renamed
when complete. The records of a JSONL or WARC input go to one output file per input
(renamed when its last record is written), or one file per record with `split`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Protocol

from ..read.sources import Item
from .pool import Outcome
from .writers import (
    Format,
    Sync,
    atomic_write,
    held_signals,
    make_temp,
    render_failure,
    separator,
    sweep_folder,
)


class Sink(Protocol):
    """A destination for the outcomes of a run, in input order."""

    def accept(self, item: Item, outcome: Outcome) -> list[Path]:
        """Take one outcome; return the files it completed."""

    def end_input(self) -> list[Path]:
        """One input is complete: commit its pending file; return the files completed."""

    def close(self) -> list[Path]:
        """The run is complete: write what is pending; return the files completed."""

    def abort(self) -> None:
        """Drop whatever is half-written (the run was interrupted)."""


@dataclass
class StreamSink:
    """Documents on one stream (stdout, or one output file written atomically at the end)."""

    stream: IO[str]
    fmt: Format
    first: bool = True

    def accept(self, item: Item, outcome: Outcome) -> list[Path]:
        """Write the document; in jsonl, a failed or empty page keeps its line too."""
        if outcome.failure is not None:
            if self.fmt is Format.JSONL:
                self.stream.write(render_failure(outcome.failure))
            return []
        if outcome.output is None or (outcome.empty and self.fmt is not Format.JSONL):
            return []
        if not self.first:
            self.stream.write(separator(self.fmt))
        self.first = False
        self.stream.write(outcome.output)
        self.stream.flush()
        return []

    def end_input(self) -> list[Path]:
        """Nothing is pending on a stream."""
        return []

    def close(self) -> list[Path]:
        """Nothing is pending on a stream."""
        return []

    def abort(self) -> None:
        """A stream has nothing to take back."""


@dataclass
class FileSink:
    """All documents into one file, renamed into place when the run ends well."""

    path: Path
    fmt: Format
    chunks: list[str] = field(default_factory=list)

    def accept(self, item: Item, outcome: Outcome) -> list[Path]:
        """Keep the document for the file."""
        if outcome.output is not None and not outcome.empty:
            if self.chunks:
                self.chunks.append(separator(self.fmt))
            self.chunks.append(outcome.output)
        return []

    def end_input(self) -> list[Path]:
        """The file is written once, at the end of the run."""
        return []

    def close(self) -> list[Path]:
        """Write the file at once (nothing when no document came)."""
        if not self.chunks:
            return []
        atomic_write(self.path, "".join(self.chunks))
        return [self.path]

    def abort(self) -> None:
        """Nothing was written yet."""
        self.chunks.clear()


@dataclass
class DirSink:
    """One output per input under a directory, mirroring the inputs' tree.

    Each folder is made and swept of stale temporary files once per run, the first time an
    output goes there: the cost of a write does not grow with what the folder holds.
    """

    root: Path
    fmt: Format
    split: bool = False
    sync: Sync = Sync.EACH
    written: set[Path] = field(default_factory=set)
    container: _Container | None = None
    folders: set[Path] = field(default_factory=set)

    def _prepare(self, folder: Path) -> None:
        """Make the folder and sweep it, once per run."""
        if folder not in self.folders:
            folder.mkdir(parents=True, exist_ok=True)
            sweep_folder(folder)
            self.folders.add(folder)

    def target(self, item: Item) -> Path:
        """The output file of an item (a container's file for its records)."""
        if item.record is not None and not self.split:
            return _under(
                self.root, item.relpath, ".jsonl" if self.fmt.is_json else self.fmt.suffix
            )
        relpath = item.split_relpath if item.record is not None else item.relpath
        return _under(self.root, relpath, self.fmt.suffix)

    def accept(self, item: Item, outcome: Outcome) -> list[Path]:
        """Write the page's file, or add the record to its container's file."""
        done: list[Path] = []
        path = self.target(item)
        if self.container is not None and self.container.path != path:
            done += self.end_input()
        if outcome.output is None or outcome.empty:
            return done
        if item.record is not None and not self.split:
            if self.container is None:
                self._prepare(path.parent)
                with held_signals():  # a Ctrl-C lands once the file is ours to abort
                    self.container = _Container.open(path, self.fmt, self.sync is Sync.EACH)
            self.container.add(outcome.output)
            return done
        path = self._unique(path)
        self._prepare(path.parent)
        atomic_write(path, outcome.output, prepared=True, sync=self.sync is Sync.EACH)
        return [*done, path]

    def close(self) -> list[Path]:
        """Rename the pending container file into place."""
        return self.end_input()

    def end_input(self) -> list[Path]:
        """Rename the pending container file into place."""
        if self.container is None:
            return []
        path = self.container.commit()
        self.container = None
        self.written.add(path)
        return [path]

    def abort(self) -> None:
        """Delete the half-written container file."""
        if self.container is not None:
            self.container.discard()
            self.container = None

    def _unique(self, path: Path) -> Path:
        """Two inputs must never write one output ("page.html" and "page.txt" side by side)."""
        candidate, n = path, 1
        while candidate in self.written:
            n += 1
            candidate = path.with_name(f"{path.stem}~{n}{path.suffix}")
        self.written.add(candidate)
        return candidate


@dataclass
class _Container:
    """The output file of one JSONL/WARC input, filled record by record in a temp file."""

    path: Path
    tmp: Path
    handle: IO[str]
    fmt: Format
    sync: bool = True
    count: int = 0

    @classmethod
    def open(cls, path: Path, fmt: Format, sync: bool) -> _Container:
        """Start the (locked) temporary file beside the final one; the folder is ready."""
        fd, tmp = make_temp(path)
        return cls(path, tmp, os.fdopen(fd, "w", encoding="utf-8", newline="\n"), fmt, sync)

    def add(self, output: str) -> None:
        """Append one record's document (one line in jsonl)."""
        if self.count and not self.fmt.is_json:
            self.handle.write(separator(self.fmt))
        self.handle.write(output if self.fmt is not Format.JSON else _one_line(output))
        self.count += 1

    def commit(self) -> Path:
        """Flush, sync and rename into place (or remove the temp file when that fails)."""
        try:
            self.handle.flush()
            if self.sync:
                os.fsync(self.handle.fileno())
            os.replace(self.tmp, self.path)  # before the close: the lock keeps sweeps off
            self.handle.close()
        except BaseException:
            self.discard()
            raise
        return self.path

    def discard(self) -> None:
        """Close and delete the temporary file."""
        if not self.handle.closed:
            self.handle.close()
        self.tmp.unlink(missing_ok=True)


def _one_line(pretty_json: str) -> str:
    """A container file is JSON lines even when the documents are asked pretty."""
    import json

    return json.dumps(json.loads(pretty_json), ensure_ascii=False) + "\n"


def _under(root: Path, relpath: PurePosixPath, suffix: str) -> Path:
    """root/relpath+suffix, refusing any path that would leave root."""
    parts = [p for p in relpath.parts if p not in ("", ".", "..", "/")]
    if not parts:
        parts = ["stdin"]
    path = root.joinpath(*parts)
    path = path.with_name(path.name + suffix)
    resolved_root = root.resolve()
    if resolved_root not in path.resolve().parents:
        raise UnsafeOutputPath(f"output path {path} would leave {root} (a link in {root}?)")
    return path


class UnsafeOutputPath(OSError):
    """An output would be written outside -o DIR (through a symbolic link)."""
