"""The one reader of vocabulary sections in TOML files: a language file (vocab/data/*.toml,
the user's own) and a section of a site rules file (sites/load.py) are read alike.

A vocabulary section has four tables by label, each a list of strings: `headings` (alone on
a line, they open a widget zone), `phrases` (a short line holding one is that widget),
`buttons` (a short line starting with one) and `labels` (a line made only of one). Every
entry keeps where it was written ("FILE:LINE"), so that a verdict can name it.

tomllib gives line numbers for syntax errors only; for the rest (an unknown key or label,
a wrong type) `KeyLines` finds the line of a key by scanning the file's text for its table
headers and `key =` lines.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..models import WIDGET_LABELS, Label

# The vocabulary kinds of a section, in the order the classifier reads them.
VOCABULARY_KINDS = ("headings", "phrases", "buttons", "labels")
# How long a line each kind matches: a heading is short, a phrase or a button stands in a
# short line, a label line is a few words (the built-in rules and site rules alike).
HEADING_MAX_WORDS = 7
PHRASE_MAX_WORDS = 30
BUTTON_MAX_WORDS = 15
LABEL_MAX_WORDS = 4
KNOWN_LABELS = ", ".join(sorted(str(k) for k in WIDGET_LABELS))


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a vocabulary or rules file: a label, its text, where it was written."""

    label: Label | None  # None for a site's `keep` selectors
    text: str
    origin: str  # "FILE:LINE" (or "FILE" for the built-in vocabularies), for reasons


@dataclass(frozen=True, slots=True)
class Problem:
    """One error in a vocabulary or rules file, with its line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_PART = re.compile(rf"\s*({_BARE}|{_QUOTED})\s*")
_HEADER = re.compile(r"^\s*\[\[?([^\[\]]+)\]\]?\s*(?:#.*)?$")
_KEY = re.compile(rf"^\s*((?:{_BARE}|{_QUOTED})(?:\s*\.\s*(?:{_BARE}|{_QUOTED}))*)\s*=")


def _key_parts(dotted: str) -> tuple[str, ...]:
    """'sites."rfi.fr".headings' -> ('sites', 'rfi.fr', 'headings')."""
    pos, parts = 0, []
    while pos < len(dotted):
        match = _PART.match(dotted, pos)
        if match is None:
            break
        token = match.group(1)
        parts.append(token[1:-1] if token[0] in "\"'" else token)
        pos = match.end()
        if pos < len(dotted) and dotted[pos] == ".":
            pos += 1
    return tuple(parts)


class KeyLines:
    """Where each table and key of a TOML file is, by its path of keys."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.where: dict[tuple[str, ...], int] = {}
        table: tuple[str, ...] = ()
        for number, line in enumerate(self.lines, 1):
            header = _HEADER.match(line)
            if header:
                table = _key_parts(header.group(1))
                self.where.setdefault(table, number)
                continue
            key = _KEY.match(line)
            if key:
                self.where.setdefault(table + _key_parts(key.group(1)), number)

    def line(self, path: Sequence[str], value: str | None = None) -> int:
        """The line of a key (or of its nearest known parent); of `value` when found below."""
        for end in range(len(path), 0, -1):
            number = self.where.get(tuple(path[:end]))
            if number is not None:
                break
        else:
            return 1
        if value:
            for offset, text in enumerate(self.lines[number - 1 :]):
                if value in text or _toml_escaped(value) in text:
                    return number + offset
                if offset and (_HEADER.match(text) or _KEY.match(text)):
                    break  # the next key: the value is not written as is
        return number


def _toml_escaped(value: str) -> str:
    """A value as it appears inside a basic (double-quoted) TOML string."""
    return value.replace("\\", "\\\\").replace('"', '\\"')


def parse_toml(text: str, name: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The data of a TOML file, or its syntax error with its line."""
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else max(1, len(text.splitlines()))  # at the end
        return None, [Problem(name, line, f"TOML syntax: {exc}")]


class TableReader:
    """Read and check the tables under one key path of a file, recording problems with
    their lines: the vocabulary kinds, and lists of strings.

    lines=None leaves line numbers out of origins (the built-in files: their reasons name
    no file, and scanning a thousand entries for their lines would slow start-up).
    """

    def __init__(
        self,
        name: str,
        prefix: tuple[str, ...],
        lines: KeyLines | None,
        problems: list[Problem],
        where: str = "",
    ) -> None:
        self.name, self.prefix, self.lines, self.problems = name, prefix, lines, problems
        self.where = where  # how messages name the section: '[sites."rfi.fr"] '

    def error(self, message: str, *path: str, value: str | None = None) -> None:
        """Record a problem at the line of the key path under this section."""
        line = self.lines.line((*self.prefix, *path), value) if self.lines is not None else 1
        self.problems.append(Problem(self.name, line, f"{self.where}{message}"))

    def origin(self, *path: str, value: str | None = None) -> str:
        """'FILE:LINE' of a key or value, for reasons ('FILE' without lines)."""
        if self.lines is None:
            return self.name
        return f"{self.name}:{self.lines.line((*self.prefix, *path), value)}"

    def strings(self, value: Any, *path: str) -> list[str]:
        """A list of non-empty strings, or a problem."""
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.error(f"{'.'.join(path)} must be a list of non-empty strings", *path)
            return []
        return list(value)

    def labelled(self, body: dict[str, Any], kind: str) -> tuple[Entry, ...]:
        """A table of label -> list of strings (headings, phrases, lines, drop…), checked."""
        table = body.get(kind, {})
        if not isinstance(table, dict):
            self.error(
                f"{kind} must be a table of label = [...], e.g. {kind}.related = [...]", kind
            )
            return ()
        out = []
        for name, values in table.items():
            if name not in {str(k) for k in WIDGET_LABELS}:
                self.error(f"unknown label {name!r} in {kind}; known: {KNOWN_LABELS}", kind, name)
                continue
            for text in self.strings(values, kind, name):
                if self.entry_ok(kind, name, text):
                    out.append(Entry(Label(name), text, self.origin(kind, name, value=text)))
        return tuple(out)

    def entry_ok(self, kind: str, label: str, text: str) -> bool:
        """Whether one entry of a vocabulary kind can match: letters, and not too long."""
        words = len(text.split())
        if kind in ("headings", "labels") and not any(ch.isalpha() for ch in text):
            self.error(f"{kind}.{label}: {text!r} has no letters to match", kind, label, value=text)
            return False
        limit = {"headings": HEADING_MAX_WORDS, "labels": LABEL_MAX_WORDS}.get(kind)
        if limit is not None and words > limit:
            self.error(f"{kind}.{label}: {text!r} has {words} words; {kind} match lines of "
                       f"at most {limit} (use phrases)", kind, label, value=text)  # fmt: skip
            return False
        return True
