"""Zones found by shape alone: rails of headline-like lines, menus of one-word lines, runs
of teasers (a headline and its summary) and, on HTML, runs of linked headings.

Apart from zones.py, whose zones a known heading opens and article prose closes: these
runs are announced by no heading the vocabularies know, and are found by counting what
their lines look like. find_zones (classify/__init__.py) runs them after the heading
zones, over the blocks those left free.
"""

from __future__ import annotations

from ..models import Label
from ..options import Options
from ..text.features import CLOSERS
from .firstpass import Line, Prose, keeps_spacing
from .switches import switched_off
from .zones import Zone

# A teaser rail: at least this many headline + summary pairs, summaries this short.
# (Entries with up to two author or date lines between headline and summary: dev sh
# innertext -0.0018, te innertext -0.0012; only when one of them is a date line: +0.0002,
# no other change.)
TEASER_MIN_PAIRS = 5
TEASER_SUMMARY_MAX_CHARS = 300
# Headline-like lines: a rail entry has 2 to 25 words and no full stop at its end.
RAIL_ITEM_MAX_WORDS = 25
# The full stops that end a sentence, not a headline: "." and "…", and the CJK "。" (a
# Chinese paragraph of 15 characters read as a rail entry; measured together with
# features.UNSPACED_CHARS_PER_WORD, see there).
FULL_STOPS = (".", "…", "。")
# A menu is a run of at least this many one-to-three-word lines.
MENU_MIN_ITEMS = 5
MENU_ITEM_MAX_WORDS = 3
# A run with this share of lines set apart as <p> is short paragraphs, not a rail.
SPACED_RUN_SHARE = 0.5
# Share of entries starting with a digit that makes a run a list, not a rail.
NUMBERED_SHARE = 0.6
# Share of entries ending with "!" or "?" that makes a run the article's short lines, not
# a rail: in a get_text() dump no blank line sets such lines apart as paragraphs (see
# SPACED_RUN_SHARE). (Dev: sh gettext +0.0019, te gettext +0.0022, te innertext +0.0008,
# no other figure moves; 5 sh gettext pages gain, none loses, jeongdongtheater.com 0.25
# -> 0.85; te gettext 5 de/en pages gain one to three `with` snippets, 2 de pages leak
# one `without`. Share 0.2: te gettext +0.0028 but sh innertext -0.0002; 0.3: +0.0019;
# 0.5: sh gettext +0.0011.)
EXCLAIMED_SHARE = 0.4
# An unknown rail heading is short: "Nos choix", "Dans l'actualité du Sahel".
RAIL_HEADING_MAX_WORDS = 6
# HTML: headings that are links are teasers' headlines, intertitles are not links. A run of
# this many, with nothing but headings (their summaries) and short lines between, is a
# rail of teasers, whatever trafilatura kept of it. A paragraph of prose between two
# breaks the run: a shopping list or a ranking gives each linked heading its text.
LINKED_RAIL_MIN = 3
LINKED_MIN_DENSITY = 0.9
_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def headline_like(line: Line) -> bool:
    """A rail entry: a short title without a full stop and no widget verdict."""
    f = line.f
    if line.rule is not None or line.heading is not None or f.ends_colon or line.block.kept:
        return False  # (what trafilatura kept is no rail of links)
    if not 2 <= f.n_words <= RAIL_ITEM_MAX_WORDS:
        return False
    return not (f.ends_sentence and f.text.rstrip(CLOSERS).endswith(FULL_STOPS))


def _filler(line: Line) -> bool:
    """Lines that sit between rail entries: separators, dates, durations, labels."""
    f = line.f
    if line.rule is not None and line.rule.label in (Label.BOILERPLATE, Label.METADATA):
        return True
    if line.rule is not None and line.rule.label in (Label.AD, Label.NAVIGATION):
        return f.n_words <= 3
    return f.n_words <= 3 and (f.has_duration or f.has_count or f.has_date or f.is_separator)


def shape_zones(lines: list[Line], zones: list[Zone | None], options: Options) -> None:
    """Rails of headline-like lines and menus of one-word lines, without a known heading."""
    spacing = keeps_spacing(lines)
    i = 0
    while i < len(lines):
        if zones[i] is not None:
            i += 1
            continue
        j, items, menu_items = i, 0, 0
        while j < len(lines) and zones[j] is None and not lines[j].block.kept:
            if headline_like(lines[j]):
                items += 1
            elif lines[j].f.n_words <= MENU_ITEM_MAX_WORDS and lines[j].prose is Prose.BAD:
                menu_items += 1
            elif not _filler(lines[j]):
                break
            j += 1
        if (
            items >= options.rail_min_items
            and items >= menu_items
            and not _numbered(lines[i:j])
            and not (spacing and _paragraphs(lines[i:j]))
            and not _exclaimed(lines[i:j])
        ):
            _mark_rail(lines, zones, i, j - 1, items)
        elif (
            menu_items >= MENU_MIN_ITEMS and items < menu_items and not switched_off("shape_menus")
        ):
            zone = Zone(i, j - 1, Label.NAVIGATION, None, f"menu: {menu_items} short label lines")
            for k in range(i, j):
                zones[k] = zone
        i = max(j, i + 1)


def _paragraphs(run: list[Line]) -> bool:
    """Entries set apart as <p> in an innerText dump are short paragraphs, not rail links."""
    entries = [ln for ln in run if headline_like(ln)]
    return sum(1 for ln in entries if ln.block.spaced) >= SPACED_RUN_SHARE * len(entries)


def _exclaimed(run: list[Line]) -> bool:
    """Entries that often end with "!" or "?" are the article's short lines, not rail links.

    A blog post, a recipe or a Q&A sets short exclamations and questions on lines of their
    own ("Le marché est ouvert !", "Why now?"); a rail's headlines seldom end so.
    """
    entries = [ln for ln in run if headline_like(ln)]
    marked = sum(1 for ln in entries if ln.f.text.rstrip(CLOSERS).endswith(("!", "?")))
    return bool(entries) and marked >= EXCLAIMED_SHARE * len(entries)


def _numbered(run: list[Line]) -> bool:
    """Entries that mostly start with a number are the article's own list.

    Rankings ("1) …"), ingredients ("8 ripe pears"), tour dates and results tables are
    lists of the article; rails of links start with words.
    """
    entries = [ln for ln in run if headline_like(ln)]
    numbered = sum(1 for ln in entries if ln.f.text[:1].isdigit())
    return numbered >= NUMBERED_SHARE * len(entries)


def _mark_rail(lines: list[Line], zones: list[Zone | None], start: int, end: int, n: int) -> None:
    """Mark a headline run as a related rail, with the short line above it as heading."""
    prev = lines[start - 1] if start > 0 else None
    if prev is not None and prev.f.ends_colon:
        return  # "… les mesures suivantes :" introduces a list of the article
    # (A run whose own first line ends with a colon kept too: te innertext -0.0014.)
    heading = None
    first = lines[start]
    if (
        zones[start - 1 if start else 0] is None
        and prev is not None
        and prev.rule is None
        and 1 <= prev.f.n_words <= RAIL_HEADING_MAX_WORDS
        and not prev.f.ends_sentence
    ):
        heading, start = prev.f.text, start - 1
    elif first.f.n_words <= RAIL_HEADING_MAX_WORDS and not first.f.ends_sentence:
        heading = first.f.text
    zone = Zone(start, end, Label.RELATED, heading, f"rail shape: {n} headline-like lines in a row")
    for k in range(start, end + 1):
        zones[k] = zone


def _summary_like(line: Line) -> bool:
    """A teaser's summary: one or two sentences of prose, short."""
    f = line.f
    return (
        line.rule is None
        and not line.block.kept
        and line.prose in (Prose.GOOD, Prose.NEAR)
        and f.n_chars <= TEASER_SUMMARY_MAX_CHARS
    )


def teaser_zones(lines: list[Line], zones: list[Zone | None]) -> None:
    """Runs of headline + one-sentence summary pairs: a rail of teasers, not intertitles.

    An article alternates intertitles and paragraphs now and then; a teaser list does it
    at every entry, with summaries of a sentence or two. Entries that start with numbers
    (years, steps) are a timeline or a how-to of the article, as for shape rails.
    """
    i = 0
    while i < len(lines) - 1:
        j = i
        while (
            j + 1 < len(lines)
            and zones[j] is None
            and zones[j + 1] is None
            and headline_like(lines[j])
            and _summary_like(lines[j + 1])
        ):
            j += 2
        pairs = (j - i) // 2
        if pairs >= TEASER_MIN_PAIRS and not _numbered(lines[i:j]):
            reason = f"teaser rail: {pairs} headlines with summaries"
            zone = Zone(i, j - 1, Label.RELATED, None, reason)
            for k in range(i, j):
                zones[k] = zone
            i = j
        else:
            i += 1


def _linked_heading(line: Line) -> bool:
    """HTML: a heading element that is all link, a teaser's headline."""
    block = line.block
    return (
        block.tag in _HEADING_TAGS
        and block.link_density >= LINKED_MIN_DENSITY
        and line.f.n_words >= 2
        and line.rule is None
    )


def linked_heading_rails(lines: list[Line], zones: list[Zone | None]) -> None:
    """Runs of linked headings with their summaries: a rail of teasers (HTML only)."""
    i = 0
    while i < len(lines):
        if zones[i] is not None or not _linked_heading(lines[i]):
            i += 1
            continue
        j, last, items = i, i, 0
        while j < len(lines) and zones[j] is None:
            line = lines[j]
            if _linked_heading(line):
                items, last = items + 1, j
            elif line.block.tag not in _HEADING_TAGS and line.prose in (Prose.GOOD, Prose.NEAR):
                break  # the text of an entry: a list article, not a rail
            j += 1
        if last + 1 < j and lines[last + 1].block.tag in _HEADING_TAGS:
            last += 1  # the summary of the last teaser
        if items >= LINKED_RAIL_MIN:
            reason = f"rail of teasers: {items} linked headings"
            zone = Zone(i, last, Label.RELATED, None, reason)
            for k in range(i, last + 1):
                zones[k] = zone
        i = last + 1
