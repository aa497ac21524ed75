"""Input names: what kind of input a name is, its output relpath, and a printable form."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import PurePosixPath

COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}
CONTAINERS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc"}
# Characters no portable file name holds: controls, separators, Windows' reserved ones.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_MAX_PART = 200  # bytes: under the 255 of common file systems, with room for a suffix
_ESCAPES = {i: f"\\x{i:02x}" for i in (*range(32), 0x7F)} | {9: "\\t", 10: "\\n", 13: "\\r"}


def display(name: str) -> str:
    """The name as one printable line: undecodable bytes as U+FFFD, controls escaped."""
    return _decoded(name).translate(_ESCAPES)


def safe_part(name: str) -> str:
    """One path component that any file system takes: no separator, control or '..'."""
    text = _UNSAFE.sub("_", _decoded(name).replace("\ufffd", "_"))
    text = text.encode()[:_MAX_PART].decode("utf-8", "ignore").strip()
    return "_" if text in ("", ".", "..") else text


def safe_relpath(parts: Iterable[str]) -> PurePosixPath:
    """A relative path from components, dropping '', '.', '..' and leading separators."""
    kept = [safe_part(p) for p in parts if p not in ("", ".", "..", "/")]
    return PurePosixPath(*kept) if kept else PurePosixPath("_")


def compression_of(name: str) -> str | None:
    """The compression a file name announces (gzip, bz2, xz, zstd), or None."""
    return COMPRESSIONS.get(os.path.splitext(name)[1].lower())


def kind_of(name: str, input_format: str) -> str:
    """'page', 'jsonl' or 'warc': forced by the option, else read from the name's suffix."""
    if input_format != "auto":
        return input_format
    inner = _strip_compression(name)
    return CONTAINERS.get(os.path.splitext(inner)[1].lower(), "page")


def stem_of(name: str) -> str:
    """The name without its compression suffix and then its kind suffix: page.html.gz -> page."""
    root = os.path.splitext(_strip_compression(name))[0]
    return root or name


def unique_stems(names: Iterable[str]) -> dict[str, str]:
    """Each name's safe stem, or its whole safe name where two names share a stem."""
    names = list(names)
    stems = {n: safe_part(stem_of(n)) for n in names}
    counts = Counter(stems.values())
    return {n: stems[n] if counts[stems[n]] == 1 else safe_part(n) for n in names}


def _decoded(name: str) -> str:
    """The name as valid Unicode: the undecodable bytes os.fsdecode kept become U+FFFD."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that no file system byte gave
        return name.encode("utf-8", "replace").decode("utf-8")


def _strip_compression(name: str) -> str:
    """The name without one compression suffix."""
    root, ext = os.path.splitext(name)
    return root if ext.lower() in COMPRESSIONS and root else name
