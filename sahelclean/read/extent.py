"""How far a walk goes, for a progress bar: its size before reading, and where a run is.

Over files and folders a run counts in files: the total is the number of files the walk
reads, folders listed with the walk's own filters and no file opened (count_files, which a
caller may run in a thread while the run starts). When every input is a file and one of
them is a JSONL or WARC dump (compressed or not), a run counts in bytes as stored (the
compressed size of a .gz), known from the files' sizes at once. Stdin and URLs have no
known end.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .model import STDIN_NAME, STDIN_SOURCE, Item, SourceOptions
from .names import kind_of
from .remote import is_url
from .walker import count_folder_files


class Unit(StrEnum):
    """What a run's progress counts."""

    FILES = "files"
    BYTES = "bytes"


@dataclass(frozen=True, slots=True)
class Extent:
    """The size of a run's inputs: its unit and total, or what is still to count."""

    unit: Unit | None  # None: no known end (stdin, URLs)
    total: int | None  # None until the folders are counted, or for no unit
    has_folders: bool = False  # the total waits for count_files()


def extent(inputs: Sequence[str], options: SourceOptions) -> Extent:
    """The unit and, when it costs no walk, the total of a run over these inputs."""
    if not inputs or any(name == STDIN_NAME or is_url(name) for name in inputs):
        return Extent(None, None)
    if any(os.path.isdir(name) for name in inputs):
        return Extent(Unit.FILES, None, has_folders=True)
    if any(kind_of(os.path.basename(n), options.input_format) != "page" for n in inputs):
        return Extent(Unit.BYTES, sum(_size(name) for name in inputs))
    return Extent(Unit.FILES, len(inputs))


def count_files(inputs: Sequence[str], options: SourceOptions) -> int:
    """How many files the walk reads (an unlistable folder counts once: it fails once)."""
    total = 0
    for name in inputs:
        if os.path.isdir(name):
            total += count_folder_files(name, options)
        else:
            total += 1
    return total


def _size(name: str) -> int:
    """A file's size, 0 for one that cannot be read (it fails at once, reading no byte)."""
    try:
        return os.stat(name).st_size
    except OSError:
        return 0


@dataclass(slots=True)
class Position:
    """Where a run is in its extent, moved by each item whose outcome is in (in order)."""

    unit: Unit | None
    done: float = 0.0  # the inputs finished before the current one, in the unit
    current: str | None = None  # the input the last item came from
    size: int = 0  # its size in bytes, when known

    def advance(self, item: Item) -> float:
        """The files or bytes done once this item is: the inputs before it, and its share."""
        key = item.path or (item.failure.source if item.failure else None) or STDIN_SOURCE
        if key != self.current:
            if self.current is not None:
                self.done += self.size if self.unit is Unit.BYTES else 1
            self.current = key
            self.size = item.stat[0] if item.stat else 0
        if self.unit is Unit.BYTES:
            part = self.size if item.offset is None else min(item.offset, self.size)
            return self.done + part
        if item.record is None:
            return self.done + 1
        if item.offset is None or not self.size:
            return self.done
        return self.done + min(item.offset / self.size, 1.0)
