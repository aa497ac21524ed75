"""The walk over the inputs: files, directories (sorted, recursive) and stdin, in order."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import replace
from fnmatch import fnmatchcase
from pathlib import PurePath, PurePosixPath
from typing import BinaryIO

from .jsonl import jsonl_items
from .model import STDIN_NAME, STDIN_SOURCE, Item, Origin, SourceOptions, SourceStats
from .names import compression_of, display, kind_of, safe_part, safe_relpath, unique_stems
from .streams import (
    READ_ERRORS,
    Unavailable,
    decompressed,
    describe,
    peek_stdin,
    read_limited,
    sniff_kind,
)
from .warc import warc_items


def walk(
    inputs: Sequence[str],
    stdin: BinaryIO,
    options: SourceOptions | None = None,
    stats: SourceStats | None = None,
) -> Iterator[Item]:
    """Yield the pages of each input in order: a failure item for what cannot be read."""
    options = options or SourceOptions()
    stats = stats if stats is not None else SourceStats()
    plain = [n for n in inputs if n != STDIN_NAME and not os.path.isdir(n)]
    relpaths = file_relpaths(plain)
    for name in inputs:
        if name == STDIN_NAME:
            items = _stdin_items(stdin, options, stats)
        elif os.path.isdir(name):
            items = _directory_items(name, options, stats)
        else:
            items = file_items(name, relpaths[name], options, stats)
        for item in items:
            if item.page is None:
                stats.failures += 1
            else:
                stats.pages += 1
            yield item


def file_relpaths(files: list[str]) -> dict[str, PurePosixPath]:
    """Each file's relpath under the deepest folder holding them all, so 'page' never collide."""
    by_folder: dict[str, dict[str, str]] = {}  # folder -> input name -> base name
    for name in files:
        absolute = os.path.abspath(name)
        by_folder.setdefault(os.path.dirname(absolute), {})[name] = os.path.basename(absolute)
    try:
        base: str | None = os.path.commonpath(list(by_folder)) if by_folder else None
    except ValueError:  # folders on different drives have nothing in common
        base = None
    out: dict[str, PurePosixPath] = {}
    for folder, names in by_folder.items():
        parts = PurePath(os.path.relpath(folder, base)).parts if base else ()
        stems = unique_stems(names.values())
        for name, base_name in names.items():
            out[name] = safe_relpath([*parts, stems[base_name]])
    return out


def _directory_items(root: str, options: SourceOptions, stats: SourceStats) -> Iterator[Item]:
    """The items of every file under root, relative to it; symlinked folders read once."""
    for entry in folder_files(root, options, stats):
        if isinstance(entry, Item):
            yield entry
        else:
            yield from file_items(*entry, options, stats)


def folder_files(
    root: str, options: SourceOptions, stats: SourceStats
) -> Iterator[tuple[str, PurePosixPath] | Item]:
    """Every file under root with its output relpath, in walk order, without reading them;
    a folder that cannot be listed is a failure item in its place."""
    visited: set[tuple[int, int]] = set()
    yield from _folder_files(root, PurePosixPath(), visited, options, stats)


def _folder_files(
    folder: str,
    rel: PurePosixPath,
    visited: set[tuple[int, int]],
    options: SourceOptions,
    stats: SourceStats,
) -> Iterator[tuple[str, PurePosixPath] | Item]:
    """The files of one folder, sorted, then its subfolders; hidden names are skipped."""
    try:
        listing = _listing(folder, visited, stats)
    except OSError as exc:
        yield Origin(display(folder), rel).fail(describe(exc))
        return
    entries = sorted(listing, key=lambda e: e.name)
    files, folders = _split(entries, options, stats)
    stems = unique_stems(e.name for e in files)
    for entry in files:
        yield entry.path, rel / stems[entry.name]
    for entry in folders:
        yield from _folder_files(entry.path, rel / safe_part(entry.name), visited, options, stats)


def count_folder_files(root: str, options: SourceOptions) -> int:
    """How many entries folder_files yields for root, with its filters and none of its
    names or order (a progress bar's total, counted while the walk goes)."""
    visited: set[tuple[int, int]] = set()
    stats = SourceStats()
    total, pending = 0, [root]
    while pending:
        try:
            listing = _listing(pending.pop(), visited, stats)
        except OSError:
            total += 1  # the walk gives one failure in this folder's place
            continue
        files, folders = _split(listing, options, stats)
        total += len(files)
        pending += (entry.path for entry in folders)
    return total


def _listing(
    folder: str, visited: set[tuple[int, int]], stats: SourceStats
) -> list[os.DirEntry[str]]:
    """The entries of a folder, hidden names left out, unsorted; none for a folder already
    read (a symbolic link back up the tree). Raises OSError."""
    st = os.stat(folder)
    if (st.st_dev, st.st_ino) in visited:
        stats.skip("folder already read (symlink loop)")
        return []
    visited.add((st.st_dev, st.st_ino))
    with os.scandir(folder) as listing:
        return [entry for entry in listing if entry.name[:1] != "."]


def _split(
    entries: list[os.DirEntry[str]], options: SourceOptions, stats: SourceStats
) -> tuple[list[os.DirEntry[str]], list[os.DirEntry[str]]]:
    """The files that pass the globs (broken links included, to be reported), and the folders."""
    files, folders = [], []
    for entry in entries:
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            folders.append(entry)
        elif not _wanted(entry.name, options.globs):
            stats.skip("name not in globs")
        elif is_file or (entry.is_symlink() and not os.path.exists(entry.path)):
            files.append(entry)
        else:
            stats.skip("not a regular file")  # a FIFO or a device would block or never end
    return files, folders


def _wanted(name: str, globs: tuple[str, ...]) -> bool:
    """True when no globs are given or the name matches one, ignoring case."""
    lower = name.lower()
    return not globs or any(fnmatchcase(lower, g.lower()) for g in globs)


def file_items(
    path: str,
    relpath: PurePosixPath,
    options: SourceOptions,
    stats: SourceStats,
    at: str | None = None,
) -> Iterator[Item]:
    """The items of one file: one page, or the records of a JSONL or WARC container.

    `at` is where to open the file when that differs from the name it goes by (the
    absolute path a worker in another folder opens).
    """
    where = at or path
    origin = Origin(display(path), relpath, path=path)
    try:
        raw = open(where, "rb")  # noqa: SIM115 - closed by the with below, after the records
    except OSError as exc:
        broken = isinstance(exc, FileNotFoundError) and os.path.islink(where)
        yield origin.fail("is a symbolic link to a missing file" if broken else describe(exc))
        return
    with raw:
        st = os.fstat(raw.fileno())
        origin = Origin(origin.source, relpath, (st.st_size, st.st_mtime_ns), path)
        yield from opened_items(raw, origin, st.st_size, options, stats)


def opened_items(
    raw: BinaryIO, origin: Origin, size: int | None, options: SourceOptions, stats: SourceStats
) -> Iterator[Item]:
    """The items of an opened file (local, or remote through fsspec), by its name."""
    name = os.path.basename(origin.path or origin.source)
    compression = compression_of(name)
    kind = kind_of(name, options.input_format)
    if kind == "page" and compression is None and size is not None and size > options.max_bytes:
        yield origin.too_large("page", options.max_bytes)
        return
    try:
        stream = decompressed(raw, compression)
    except Unavailable as exc:
        yield origin.fail(str(exc))
        return
    items = _container_items(kind, stream, origin, options, stats)
    if kind == "page":
        yield from items
        return
    for item in items:
        yield replace(item, offset=_tell(raw))


def _tell(raw: BinaryIO) -> int | None:
    """Where raw is (the stored bytes read so far), or None when it cannot say."""
    try:
        return raw.tell()
    except (OSError, ValueError):  # an unseekable stream: the record gets no offset
        return None


def _stdin_items(stdin: BinaryIO, options: SourceOptions, stats: SourceStats) -> Iterator[Item]:
    """The items of stdin: its format forced, or sniffed from its first bytes."""
    origin = Origin(STDIN_SOURCE, PurePosixPath("stdin"))
    try:
        head, stream = peek_stdin(stdin)
    except Unavailable as exc:
        yield origin.fail(str(exc))
        return
    except READ_ERRORS as exc:
        yield origin.fail(describe(exc))
        return
    kind = options.input_format
    if kind == "auto":
        kind = sniff_kind(head, options.content_fields)
    yield from _container_items(kind, stream, origin, options, stats)


def _container_items(
    kind: str, stream: BinaryIO, origin: Origin, options: SourceOptions, stats: SourceStats
) -> Iterator[Item]:
    """The items of an opened input by its kind: JSONL lines, WARC records or one page."""
    if kind == "jsonl":
        yield from jsonl_items(stream, origin, options)
    elif kind == "warc":
        yield from warc_items(stream, origin, options, stats)
    else:
        yield _page_item(stream, origin, options)


def _page_item(stream: BinaryIO, origin: Origin, options: SourceOptions) -> Item:
    """One whole page, read up to the size limit."""
    try:
        data = read_limited(stream, options.max_bytes)
    except READ_ERRORS as exc:
        return origin.fail(describe(exc))
    if len(data) > options.max_bytes:
        return origin.too_large("page", options.max_bytes)
    return origin.page(data, url=options.url)
