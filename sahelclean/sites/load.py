"""Reading rules files (TOML): validation with file and line, default locations, built-ins.

tomllib gives line numbers for syntax errors only; for the rest (an unknown key or label,
a bad regex or selector, a wrong type) `KeyLines` finds the line of a key by scanning the
file's text for its table headers and `key =` lines.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import OptionsError
from ..models import WIDGET_LABELS, Label
from .rules import (
    HEADING_MAX_WORDS,
    LABEL_MAX_WORDS,
    VOCABULARY_KINDS,
    Entry,
    RuleSet,
    Section,
    css_selector,
    entry_key,
)

BUILTIN_NAME = "sahelclean/builtin_rules.toml"
ENV_VAR = "SAHELCLEAN_RULES"
# Tables of label -> list of strings.
LABELLED = (*VOCABULARY_KINDS, "lines", "patterns", "drop")
LISTS = ("match", "keep", "expect", "expect_not")
STRINGS = ("test_file", "test_url", "note")
KNOWN_KEYS = frozenset((*LABELLED, *LISTS, *STRINGS))
_KNOWN_LABELS = ", ".join(sorted(str(k) for k in WIDGET_LABELS))


@dataclass(frozen=True, slots=True)
class Problem:
    """One error in a rules file, with its line."""

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


def parse_rules(text: str, name: str) -> tuple[list[Section], list[Problem]]:
    """The sections of a rules file and the problems found in it."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else max(1, len(text.splitlines()))  # at the end
        return [], [Problem(name, line, f"TOML syntax: {exc}")]
    lines = KeyLines(text)
    problems: list[Problem] = []
    for key in data:
        if key != "sites":
            problems.append(Problem(name, lines.line((key,)), f"unknown key {key!r}; "
                                    'rules go in [sites."example.org"] sections'))  # fmt: skip
    sites = data.get("sites", {})
    if not isinstance(sites, dict):
        problems.append(Problem(name, lines.line(("sites",)), "'sites' must be a table"))
        return [], problems
    sections = []
    for site, body in sites.items():
        reader = _SectionReader(name, site, lines, problems)
        section = reader.read(body)
        if section is not None:
            sections.append(section)
    return sections, sorted(problems, key=lambda p: p.line)


class _SectionReader:
    """Read and check one [sites."NAME"] section, recording problems with their lines."""

    def __init__(self, name: str, site: str, lines: KeyLines, problems: list[Problem]) -> None:
        self.name, self.site, self.lines, self.problems = name, site, lines, problems

    def error(self, message: str, *path: str, value: str | None = None) -> None:
        """Record a problem at the line of the key path under this section."""
        line = self.lines.line(("sites", self.site, *path), value)
        self.problems.append(Problem(self.name, line, f'[sites."{self.site}"] {message}'))

    def origin(self, *path: str, value: str | None = None) -> str:
        """'FILE:LINE' of a key or value, for reasons."""
        return f"{self.name}:{self.lines.line(('sites', self.site, *path), value)}"

    def read(self, body: Any) -> Section | None:
        """The section, or None when it is not a table."""
        if not isinstance(body, dict):
            self.error("must be a table of rules")
            return None
        for key in body:
            if key not in KNOWN_KEYS:
                self.error(f"unknown key {key!r}; known: {', '.join(sorted(KNOWN_KEYS))}", key)
        fields: dict[str, Any] = {k: self.labelled(body, k) for k in LABELLED}
        match = body.get("match", [self.site])
        match = [match] if isinstance(match, str) else match
        fields["match"] = tuple(self.strings(match, "match"))
        fields["keep"] = tuple(
            Entry(None, s, self.origin("keep", value=s))
            for s in self.strings(body.get("keep", []), "keep")
            if self.selector_ok(s, "keep")
        )
        for key in ("expect", "expect_not"):
            fields[key] = tuple(self.strings(body.get(key, []), key))
        for key in STRINGS:
            value = body.get(key)
            if value is not None and not isinstance(value, str):
                self.error(f"{key} must be a string, not {type(value).__name__}", key)
                value = None
            if key != "note":
                fields[key] = value
        if (fields["expect"] or fields["expect_not"]) and not fields["test_file"]:
            self.error("expect and expect_not need a test_file", "expect")
        return Section(name=self.site, origin=self.origin(), **fields)

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
                self.error(f"unknown label {name!r} in {kind}; known: {_KNOWN_LABELS}", kind, name)
                continue
            for text in self.strings(values, kind, name):
                if self.entry_ok(kind, name, text):
                    out.append(Entry(Label(name), text, self.origin(kind, name, value=text)))
        return tuple(out)

    def entry_ok(self, kind: str, label: str, text: str) -> bool:
        """Whether one entry can work: a heading of words, a regex, a selector…"""
        words = len(text.split())
        if kind in ("headings", "labels") and not entry_key(text):
            self.error(f"{kind}.{label}: {text!r} has no letters to match", kind, label, value=text)
            return False
        limit = {"headings": HEADING_MAX_WORDS, "labels": LABEL_MAX_WORDS}.get(kind)
        if limit is not None and words > limit:
            self.error(f"{kind}.{label}: {text!r} has {words} words; {kind} match lines of "
                       f"at most {limit} (use phrases)", kind, label, value=text)  # fmt: skip
            return False
        if kind == "patterns":
            try:
                re.compile(text)
            except re.error as exc:
                self.error(f"patterns.{label}: bad regex {text!r}: {exc}", kind, label, value=text)
                return False
        if kind == "drop":
            return self.selector_ok(text, kind, label)
        return True

    def selector_ok(self, selector: str, *path: str) -> bool:
        """Whether a CSS selector compiles (cssselect), else a problem."""
        from cssselect import SelectorError
        from cssselect.xpath import ExpressionError

        try:
            css_selector(selector)
        except (SelectorError, ExpressionError) as exc:
            where = ".".join(path)
            self.error(f"{where}: bad CSS selector {selector!r}: {exc}", *path, value=selector)
            return False
        return True


def read_rules(path: Path, name: str | None = None) -> tuple[list[Section], list[Problem]]:
    """Parse one rules file; an unreadable file is one problem at line 1."""
    shown = name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(shown, 1, f"cannot read the rules file: {exc}")]
    return parse_rules(text, shown)


def builtin_path() -> Path:
    """The rules shipped with sahelclean."""
    return Path(__file__).with_name("builtin_rules.toml")


def user_path() -> Path | None:
    """$SAHELCLEAN_RULES (empty: none), else $XDG_CONFIG_HOME/sahelclean/rules.toml if it exists."""
    env = os.environ.get(ENV_VAR)
    if env is not None:
        return Path(env).expanduser() if env.strip() else None
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    path = Path(config) / "sahelclean" / "rules.toml"
    return path if path.is_file() else None


def rule_files(extra: Iterable[Path], *, builtin: bool = True, user: bool = True) -> list[Path]:
    """The rules files of a run, in order: built-in, the user's, then `--rules` ones."""
    files = [builtin_path()] if builtin else []
    found = user_path() if user else None
    if found is not None:
        files.append(found)
    return files + list(extra)


def load_rules(extra: Iterable[Path] = (), *, builtin: bool = True, user: bool = True) -> RuleSet:
    """Load the rule set of a run; any problem raises OptionsError naming file and line."""
    sections: list[Section] = []
    names: list[str] = []
    digest = hashlib.sha256()
    for path in rule_files(extra, builtin=builtin, user=user):
        name = BUILTIN_NAME if path == builtin_path() else str(path)
        found, problems = read_rules(path, name)
        if problems:
            more = len(problems) - 1
            more_text = f" (and {more} more: see `sahelclean rules check`)" if more else ""
            raise OptionsError(f"{problems[0]}{more_text}")
        sections.extend(found)
        names.append(name)
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return RuleSet(tuple(sections), tuple(names), digest.hexdigest())
