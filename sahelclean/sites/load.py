"""Reading rules files (TOML): validation with file and line, default locations, built-ins.

A section's vocabulary tables are read by vocab.files.TableReader, the reader of language
files too; this module adds what only a site has: `match`, exact lines and regexes always
dropped, CSS selectors, and test pages.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import OptionsError
from ..vocab.files import (
    VOCABULARY_KINDS,
    Entry,
    KeyLines,
    Problem,
    TableReader,
    parse_toml,
)
from .htmltree import css_selector
from .rules import RuleSet, Section

BUILTIN_NAME = "sahelclean/sites/builtin_rules.toml"
ENV_VAR = "SAHELCLEAN_RULES"
# Tables of label -> list of strings.
LABELLED = (*VOCABULARY_KINDS, "lines", "patterns", "drop")
LISTS = ("match", "keep", "expect", "expect_not")
STRINGS = ("test_file", "test_url", "note")
KNOWN_KEYS = frozenset((*LABELLED, *LISTS, *STRINGS))


def parse_rules(text: str, name: str) -> tuple[list[Section], list[Problem]]:
    """The sections of a rules file and the problems found in it."""
    data, problems = parse_toml(text, name)
    if data is None:
        return [], problems
    lines = KeyLines(text)
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


class _SectionReader(TableReader):
    """Read and check one [sites."NAME"] section, recording problems with their lines."""

    def __init__(self, name: str, site: str, lines: KeyLines, problems: list[Problem]) -> None:
        super().__init__(name, ("sites", site), lines, problems, f'[sites."{site}"] ')
        self.site = site

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

    def entry_ok(self, kind: str, label: str, text: str) -> bool:
        """Whether one entry can work: a heading of words, a regex, a selector…"""
        if kind in VOCABULARY_KINDS:
            return super().entry_ok(kind, label, text)
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
