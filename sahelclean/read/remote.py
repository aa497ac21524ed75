"""Inputs named by an fsspec URL (s3://, gs://, http://, memory://...): listing and reading.

The listing follows the local walk's rules (sorted, files before subfolders, hidden names
skipped, --glob on names, the same output relpaths); the reading goes through the same
decompression and container readers, so a remote input gives what its local copy gives.
fsspec is imported only when a URL is given.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any, BinaryIO, cast

from .model import Item, Origin, SourceOptions, SourceStats
from .names import display, safe_part, unique_stems
from .streams import READ_ERRORS, describe
from .walker import _wanted, opened_items

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+://")


def is_url(name: str) -> bool:
    """True for 'proto://...' (a single letter before ':' is a Windows drive, not a URL)."""
    return bool(_URL.match(name))


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec file system of a URL and the path inside it."""
    import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    return fs, path


def url_of(fs: Any, path: str) -> str:
    """The URL of a path of an fsspec file system (as the user would write it)."""
    return str(fs.unstrip_protocol(path))


def expand(url: str) -> list[str]:
    """A URL with glob characters as the sorted URLs it matches; others as they are."""
    if not any(c in url for c in "*?["):
        return [url]
    fs, path = filesystem(url)
    return sorted(url_of(fs, p) for p in fs.glob(path))


def is_remote_dir(url: str) -> bool:
    """True when the URL names a folder (a prefix holding files, on object stores)."""
    fs, path = filesystem(url)
    return bool(fs.isdir(path))


def remote_folder_files(
    url: str, options: SourceOptions, stats: SourceStats
) -> Iterator[tuple[str, PurePosixPath] | Item]:
    """Every file under a folder URL with its output relpath, in the local walk's order."""
    fs, root = filesystem(url)
    yield from _folder(fs, root, PurePosixPath(), options, stats)


def _folder(
    fs: Any, folder: str, rel: PurePosixPath, options: SourceOptions, stats: SourceStats
) -> Iterator[tuple[str, PurePosixPath] | Item]:
    """The files of one folder, sorted, then its subfolders; hidden names are skipped."""
    try:
        listing = fs.ls(folder, detail=True)
    except READ_ERRORS as exc:
        yield Origin(display(url_of(fs, folder)), rel).fail(describe(exc))
        return
    entries = sorted(
        (posixpath.basename(e["name"].rstrip("/")), e)
        for e in listing
        if posixpath.basename(e["name"].rstrip("/"))[:1] != "."
    )
    files = []
    folders = []
    for name, entry in entries:
        if entry.get("type") == "directory":
            folders.append((name, entry))
        elif not _wanted(name, options.globs):
            stats.skip("name not in globs")
        else:
            files.append((name, entry))
    stems = unique_stems(name for name, _ in files)
    for name, entry in files:
        yield url_of(fs, entry["name"]), rel / stems[name]
    for name, entry in folders:
        yield from _folder(fs, entry["name"], rel / safe_part(name), options, stats)


def remote_file_items(
    url: str, relpath: PurePosixPath, options: SourceOptions, stats: SourceStats
) -> Iterator[Item]:
    """The items of one remote file: one page, or the records of a JSONL or WARC file."""
    origin = Origin(display(url), relpath, path=url)
    try:
        fs, path = filesystem(url)
        size = fs.size(path)
        raw = cast(BinaryIO, fs.open(path, "rb"))
    except READ_ERRORS as exc:
        yield origin.fail(describe(exc))
        return
    with raw:
        yield from opened_items(raw, origin, size, options, stats)
