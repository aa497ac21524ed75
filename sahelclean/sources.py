"""Inputs to a stream of raw pages: files, directories (sorted, recursive) and stdin."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .models import Failure, RawPage

STDIN_NAME = "-"


@dataclass(frozen=True, slots=True)
class Item:
    """A page to clean, or an input that could not even be read."""

    page: RawPage | None
    failure: Failure | None
    relpath: Path | None  # path relative to the input it came from, to mirror in -o DIR


def walk(inputs: list[str], stdin: BinaryIO) -> Iterator[Item]:
    """Yield the pages of each input in order; directories are walked sorted, hidden skipped."""
    base = _common_parent([Path(n) for n in inputs if n != STDIN_NAME and not Path(n).is_dir()])
    for name in inputs:
        if name == STDIN_NAME:
            yield Item(RawPage(stdin.read(), source="<stdin>"), None, Path("stdin"))
            continue
        path = Path(name)
        if path.is_dir():
            for file in _files(path):
                yield _read(file, file.relative_to(path))
        else:
            yield _read(path, path.resolve().relative_to(base) if base else Path(path.name))


def _common_parent(files: list[Path]) -> Path | None:
    """The deepest folder holding every file input, so that two 'page.txt' never collide."""
    if not files:
        return None
    return Path(os.path.commonpath([f.resolve().parent for f in files]))


def _files(root: Path) -> Iterator[Path]:
    """Regular files under a directory, sorted, without hidden files or folders."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def _read(path: Path, relpath: Path) -> Item:
    """Read one file, or describe why it cannot be read."""
    source = str(path)
    try:
        return Item(RawPage(path.read_bytes(), source=source), None, relpath)
    except FileNotFoundError:
        return Item(None, Failure(source, f"{source}: no such file", "InputError"), relpath)
    except IsADirectoryError:
        return Item(None, Failure(source, f"{source}: is a directory", "InputError"), relpath)
    except PermissionError:
        return Item(
            None,
            Failure(source, f"{source}: permission denied (check the file's mode)", "InputError"),
            relpath,
        )
    except OSError as exc:
        return Item(
            None, Failure(source, f"{source}: cannot read ({exc.strerror})", "InputError"), relpath
        )
