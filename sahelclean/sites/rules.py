"""Per-site rules as data: the sections of rules files, the pages they match, and their
merge into the compiled rules of one site.

A rules file (see load.py and the README) has one section per site. The sections whose
`match` patterns fit a page's URL are merged, in the order they were loaded, into one
`SiteRules` (siterules.py), compiled once per process and cached: a page without a URL,
or of a site without rules, costs one look-up. The compile step stays here, beside
`RuleSet.for_url` that calls it; what the compiled rules do with a page's lines is
siterules.py's, what their CSS selectors do with an HTML tree is htmltree.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ..models import Verdict
from ..text.tokens import fold
from ..vocab.files import Entry
from .siterules import SiteRules, entry_key, site_verdict


@dataclass(frozen=True, slots=True)
class Section:
    """One `[sites."NAME"]` section of a rules file."""

    name: str
    origin: str  # "FILE:LINE" of the section header
    match: tuple[str, ...]
    headings: tuple[Entry, ...] = ()  # open a zone, like the built-in headings
    phrases: tuple[Entry, ...] = ()  # make a short line a widget, like the phrases
    buttons: tuple[Entry, ...] = ()  # at the start of a short line, like the buttons
    labels: tuple[Entry, ...] = ()  # a whole line of a few words, like the labels
    lines: tuple[Entry, ...] = ()  # exact lines, always dropped
    patterns: tuple[Entry, ...] = ()  # regexes searched in a line, always dropped
    drop: tuple[Entry, ...] = ()  # CSS selectors (HTML): their elements are dropped
    keep: tuple[Entry, ...] = ()  # CSS selectors (HTML): their text counts as article
    test_file: str | None = None  # relative to the rules file
    test_url: str | None = None
    expect: tuple[str, ...] = ()
    expect_not: tuple[str, ...] = ()

    def matches(self, url: str) -> bool:
        """Whether the section applies to a page at this URL."""
        parts = url_parts(url)
        return any(_matches(pattern, parts) for pattern in self.match)


@dataclass(frozen=True, slots=True, eq=False)
class RuleSet:
    """The sections of every loaded rules file, in load order (later ones win).

    Part of Options: frozen, picklable, and hashed by a digest of its content, so that
    hashing the options per page stays cheap.
    """

    sections: tuple[Section, ...] = ()
    files: tuple[str, ...] = ()
    digest: str = ""

    def __hash__(self) -> int:
        return hash(self.digest)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RuleSet) and other.digest == self.digest

    def for_url(self, url: str | None) -> SiteRules | None:
        """The merged rules of the sections matching this URL, or None."""
        if not url or not self.sections:
            return None
        parts = url_parts(url)
        hosts, others = _index(self)
        labels = parts[0].split(".")
        found = {i for k in range(len(labels)) for i in hosts.get(".".join(labels[k:]), ())}
        found.update(i for i, pattern in others if i not in found and _matches(pattern, parts))
        return compiled(tuple(self.sections[i] for i in sorted(found))) if found else None

    def to_dict(self) -> dict[str, Any]:
        """The rule set as plain data, for reports."""
        return {"files": list(self.files), "sites": [s.name for s in self.sections]}


@lru_cache(maxsize=8)
def _index(rules: RuleSet) -> tuple[dict[str, tuple[int, ...]], tuple[tuple[int, str], ...]]:
    """Sections by bare host (a page's host and its parents are looked up), and the rest.

    Most patterns are bare hosts: a page of a site without rules then costs a few dict
    look-ups, whatever the number of sections.
    """
    hosts: dict[str, tuple[int, ...]] = {}
    others: list[tuple[int, str]] = []
    for i, section in enumerate(rules.sections):
        for pattern in (p.strip() for p in section.match):
            if "/" in pattern or any(c in pattern for c in "*?["):
                others.append((i, pattern))
            else:
                hosts[pattern.lower()] = (*hosts.get(pattern.lower(), ()), i)
    return hosts, tuple(others)


def site_rules(rules: RuleSet | None, url: str | None) -> SiteRules | None:
    """The rules for a page at this URL, or None (no rule set, no URL, no matching site)."""
    return rules.for_url(url) if rules is not None else None


def url_matches(pattern: str, url: str) -> bool:
    """Whether a `match` pattern fits a URL.

    "lefaso.net": that host and its subdomains (www.lefaso.net); "*.rfi.fr": fnmatch on the
    host; "lemonde.fr/afrique/*": on host (subdomains too) and path;
    "https://www.rfi.fr/fr/afrique/*": on the whole URL. Hosts compare in lower case.
    """
    return _matches(pattern, url_parts(url))


def url_parts(url: str) -> tuple[str, str, str]:
    """What patterns are matched against: the host, host + path, and the whole URL."""
    parts = urlsplit(url if "://" in url else "//" + url)
    host = (parts.hostname or "").lower()
    whole = f"{parts.scheme.lower()}://{host}{parts.path}"
    if parts.query:
        whole += "?" + parts.query
    return host, host + (parts.path or "/"), whole


def _matches(pattern: str, parts: tuple[str, str, str]) -> bool:
    """url_matches on a URL split once (a page is matched against every section)."""
    host, host_path, whole = parts
    if "://" in pattern:
        scheme, _, rest = pattern.partition("://")
        return fnmatchcase(whole, f"{scheme.lower()}://{_lower_host(rest)}")
    if "/" in pattern:
        pattern = _lower_host(pattern)
        return fnmatchcase(host_path, pattern) or fnmatchcase(host_path, "*." + pattern)
    pattern = pattern.lower()
    if any(c in pattern for c in "*?["):
        return fnmatchcase(host, pattern)
    return host == pattern or host.endswith("." + pattern)


def _lower_host(pattern: str) -> str:
    """The host part of a pattern in lower case, its path as written."""
    host, slash, path = pattern.partition("/")
    return host.lower() + slash + path


@lru_cache(maxsize=64)
def compiled(sections: tuple[Section, ...]) -> SiteRules:
    """Merge and compile the sections matching one page (cached: once per site)."""
    headings: dict[str, Verdict] = {}
    labels: dict[str, Verdict] = {}
    lines: dict[str, Verdict] = {}
    phrases: dict[str, Entry] = {}
    buttons: dict[str, Entry] = {}
    patterns: list[tuple[re.Pattern[str], Verdict]] = []
    for s in sections:  # later sections overwrite earlier ones
        for e in s.headings:
            headings[entry_key(e.text)] = site_verdict(e, "widget heading")
        for e in s.labels:
            labels[entry_key(e.text)] = site_verdict(e, f"{e.label} label '{e.text}'")
        for e in s.lines:
            lines[fold(e.text).strip()] = site_verdict(e, f"line '{e.text}'")
        phrases.update((fold(e.text), e) for e in s.phrases)
        buttons.update((fold(e.text), e) for e in s.buttons)
        patterns.extend(
            (re.compile(e.text, re.IGNORECASE), site_verdict(e, f"pattern '{e.text}'"))
            for e in s.patterns
        )
    return SiteRules(
        names=tuple(s.name for s in sections),
        headings=headings,
        labels=labels,
        lines=lines,
        phrases=re.compile(_any_of(phrases)) if phrases else None,
        phrase_entries=phrases,
        buttons=re.compile(rf"^[\W_]*({_any_of(buttons)})") if buttons else None,
        button_entries=buttons,
        patterns=tuple(patterns),
        selectors=tuple(e for s in sections for e in sorted(s.drop + s.keep, key=_line_of)),
    )


def _any_of(phrases: dict[str, Entry]) -> str:
    """An alternation of literal phrases, longest first (site lists are short)."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


def _line_of(entry: Entry) -> int:
    """The line number of an entry, from its origin 'FILE:LINE'."""
    line = entry.origin.rpartition(":")[2]
    return int(line) if line.isdigit() else 0
