"""Per-site rules as data: extra widget vocabulary, lines and selectors for one site.

A rules file (see siterules_load.py and the README) has one section per site. The
sections whose `match` patterns fit a page's URL are merged, in the order they were
loaded, into one `SiteRules`, compiled once per process and cached: a page without a
URL, or of a site without rules, costs one look-up. Site rules only add to the built-in
vocabularies of vocab.py; they act on the lines of the first pass (headings that open
zones, phrases and labels that make widget lines, lines always dropped) and, on HTML
pages, on the tree (CSS selectors whose elements are dropped or kept as article).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ..models import Block, Classified, Label, Verdict
from ..text.features import KEY_EDGES, RULE_CHARS
from ..text.tokens import fold
from ..vocab.files import BUTTON_MAX_WORDS, LABEL_MAX_WORDS, PHRASE_MAX_WORDS, Entry

# Every reason given by a site rule starts so, then names the file and the line.
SITE_RULE = "site rule "


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


@dataclass(frozen=True, slots=True)
class SiteRules:
    """The rules of one site, compiled: what the overlay and the HTML step use."""

    names: tuple[str, ...]
    headings: dict[str, Verdict] = field(default_factory=dict)  # folded key -> verdict
    labels: dict[str, Verdict] = field(default_factory=dict)
    lines: dict[str, Verdict] = field(default_factory=dict)  # folded line -> verdict
    phrases: re.Pattern[str] | None = None
    phrase_entries: dict[str, Entry] = field(default_factory=dict)
    buttons: re.Pattern[str] | None = None
    button_entries: dict[str, Entry] = field(default_factory=dict)
    patterns: tuple[tuple[re.Pattern[str], Verdict], ...] = ()
    # CSS selectors, drops (with a label) and keeps (without), in load order
    selectors: tuple[Entry, ...] = ()

    def widget_line(self, folded: str, key: str, n_words: int) -> Verdict | None:
        """A label line, a phrase or a button of the site, if the line is one."""
        if n_words <= LABEL_MAX_WORDS:
            hit = self.labels.get(key) or self.labels.get(folded.strip())
            if hit is not None:
                return hit
        if self.phrases is not None and n_words <= PHRASE_MAX_WORDS:
            match = self.phrases.search(folded)
            if match is not None:
                entry = self.phrase_entries[match.group(0)]
                return _verdict(entry, f"phrase '{match.group(0)}'")
        if self.buttons is not None and n_words <= BUTTON_MAX_WORDS:
            match = self.buttons.match(folded)
            if match is not None:
                entry = self.button_entries[match.group(1)]
                return _verdict(entry, f"button '{match.group(1)}'")
        return None

    def forced(self, text: str) -> Verdict | None:
        """The verdict of a line the site always drops (exact line or regex), if any."""
        if self.lines:
            hit = self.lines.get(fold(text[:RULE_CHARS]).strip())
            if hit is not None:
                return hit
        for pattern, verdict in self.patterns:
            if pattern.search(text[:RULE_CHARS]):
                return verdict
        return None

    def enforce(self, classified: list[Classified]) -> list[Classified]:
        """Give every forced block its site verdict, whatever the context passes decided.

        Blocks of elements a selector drops always carry its verdict; lines the site
        always drops stay dropped even inside the article trafilatura kept.
        """
        out = []
        for c in classified:
            hint = c.block.hint
            if hint is not None and is_site_verdict(hint):
                out.append(c if c.verdict == hint else Classified(c.block, hint, entry=c.entry))
                continue
            forced = self.forced(c.block.text) if c.label.is_article and self.forcing else None
            out.append(c if forced is None else Classified(c.block, forced))
        return out

    @property
    def forcing(self) -> bool:
        """True when the site has lines it always drops."""
        return bool(self.lines or self.patterns)


def is_site_verdict(verdict: Verdict) -> bool:
    """True for a verdict given by a site rule."""
    return verdict.reason.startswith(SITE_RULE)


def _verdict(entry: Entry, what: str) -> Verdict:
    """A site verdict: label, and a reason naming the rules file and line."""
    assert entry.label is not None  # only `keep` selectors have none
    return Verdict(entry.label, f"{SITE_RULE}{entry.origin}: {what}")


def entry_key(text: str) -> str:
    """The look-up key of a heading or label entry: folded, decorations stripped."""
    return KEY_EDGES.sub("", fold(text))


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
            headings[entry_key(e.text)] = _verdict(e, "widget heading")
        for e in s.labels:
            labels[entry_key(e.text)] = _verdict(e, f"{e.label} label '{e.text}'")
        for e in s.lines:
            lines[fold(e.text).strip()] = _verdict(e, f"line '{e.text}'")
        phrases.update((fold(e.text), e) for e in s.phrases)
        buttons.update((fold(e.text), e) for e in s.buttons)
        patterns.extend(
            (re.compile(e.text, re.IGNORECASE), _verdict(e, f"pattern '{e.text}'"))
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


def select(site: SiteRules, tree: Any) -> dict[Any, Verdict]:
    """HTML: the elements the site's selectors drop or keep, with their verdicts.

    A dropped element gets its widget verdict; a kept one a Label.PARAGRAPH verdict, which
    `site_kept` turns into "kept". When an element matches several, the later rule wins.
    """
    marks: dict[Any, Verdict] = {}
    for e in site.selectors:
        if e.label is None:
            verdict = Verdict(
                Label.PARAGRAPH, f"{SITE_RULE}{e.origin}: kept by selector '{e.text}'"
            )
        else:
            verdict = _verdict(e, f"selector '{e.text}'")
        for element in css_selector(e.text)(tree):
            # A dropped element's descendants too: their own classes must not relabel it.
            # A kept one's only where an earlier selector dropped them.
            for node in element.iter():
                if e.label is not None or node is element or node in marks:
                    marks[node] = verdict
    return marks


@lru_cache(maxsize=256)
def css_selector(selector: str) -> Any:
    """A compiled CSS selector (lxml.cssselect, which needs the cssselect package)."""
    from lxml.cssselect import CSSSelector

    return CSSSelector(selector)


def site_kept(blocks: list[Block]) -> tuple[list[Block], frozenset[int]]:
    """HTML: the blocks without the marks of kept elements, and the indices they marked."""
    kept = frozenset(
        i
        for i, b in enumerate(blocks)
        if b.hint is not None and b.hint.label.is_article and is_site_verdict(b.hint)
    )
    if not kept:
        return blocks, kept
    return [replace(b, hint=None, widget=0) if i in kept else b for i, b in enumerate(blocks)], kept


def force_kept(blocks: list[Block], kept: frozenset[int]) -> list[Block]:
    """HTML: blocks of kept elements count as kept by trafilatura, those of dropped ones not."""
    return [
        replace(b, kept=True)
        if i in kept
        else replace(b, kept=False)
        if b.hint is not None and is_site_verdict(b.hint)
        else b
        for i, b in enumerate(blocks)
    ]


def prune(marks: dict[Any, Verdict]) -> None:
    """Take the dropped elements out of the tree (their tail text stays), before extraction."""
    remove_elements(e for e, verdict in marks.items() if not verdict.label.is_article)


def remove_elements(elements: Iterable[Any]) -> None:
    """Take elements out of their tree; the text after each (its tail) stays in place."""
    for element in elements:
        parent = element.getparent()
        if parent is None:
            continue
        tail = element.tail
        if tail:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(element)
