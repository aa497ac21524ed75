"""The article core: the densest run of prose, grown over the widgets that cut it.

find_core scores every line (prose earns, furniture costs), takes the best run, prefers
the run under an article head on a dump (heads.py), joins runs across rails, ends the
core at the widget that closes the article (tails.py) and takes its lead back.
"""

from __future__ import annotations

import re

from ..models import Label
from .coreroles import ATTRIBUTION_MAX_WORDS
from .firstpass import Line, Prose, keeps_spacing
from .heads import extend_head, prefer_head
from .runs import MERGE_RATIO, MIN_CORE_CHARS, best_run, grow, grow_left
from .switches import switched_off
from .tails import cut_tail
from .teasers import teaser_tail
from .zones import Zone

# Core scores: prose earns in proportion to its length, furniture costs.
GOOD_BASE = 1.0
GOOD_PER_CHARS = 150  # +1 per this many characters
GOOD_CAP_CHARS = 600  # one very long block must not outweigh a page of widgets
NEAR_SCORE = 0.3
SHORT_SCORE = -0.5
BAD_SCORE = -1.0
# A widget line costs about as much as a label line: a four-item rail in the middle of an
# article (-3) must not cut it in two, a thirty-item rail (-15) must.
RULE_SCORE = -1.0
ZONE_SCORE = -0.5
# A rail of teasers inside the article (job ads, "Read also" headlines) can cut the lead
# off the body: once the core is found (and its head preferred), runs of prose before it
# join across such a rail as if it cost no more than its first ZONE_COST_LINES lines. A
# zone of labels (a tag cloud, a category list: more than LABEL_LIST_SHARE of its lines
# BAD) costs every line. (Dev: te gettext +0.0045, innertext +0.0002, sh neutral; 3
# lines: te gettext +0.0067 but innertext -0.0004; 8 lines: +0.0016, -0.0002; a cap on
# every zone: sh innertext -0.0011; the rail's rule lines capped too: te gettext +0.0011,
# sh gettext -0.0037; only its lines printed twice, before the core: te innertext
# +0.0008, te gettext +0.0017, sh gettext -0.0005, a page printing its body twice.) On a
# dump only, like the head rule: on HTML, where trafilatura's choice weighs in, te/html
# -0.0011.
ZONE_COST_LINES = 5
LABEL_LIST_SHARE = 0.8
# Runs after the core join the same way, unless they are a list of entries or run into a
# comment widget: comment threads and teaser lists follow rails. Entries: in a stretch
# between widgets, at least two paragraphs, and ENTRY_SHARE of those after the first, sit
# each right under a line that is neither prose nor a sentence (a commenter's name, a
# date, a teaser's headline). A comment widget: a comments heading or a reply button
# within COMMENT_GAP lines after the run. (Dev: te innertext +0.0019, te gettext +0.0004,
# sh neutral; ENTRY_SHARE 0.5 to 1.0 alike. Without either test: te innertext +0.0019,
# gettext -0.0002, but comments come in on two dev pages and two fixtures; any line above
# a paragraph as its head, a recipe's steps too: te innertext +0.0016, gettext +0.0000.)
ENTRY_SHARE = 0.75
COMMENT_GAP = 2
# The line under a quotation that names its speaker ("Fatouma Cissé, commerçante", the
# <footer> of a <blockquote>) is the article's, though short and without a full stop: it
# costs nothing, so that it does not end the core before the paragraphs after the quote.
# (Dev: all figures unchanged. Any short line under a quote: sh innertext -0.00001,
# "Business", "Explore further" under an article that ends on a quote taken in.)
ATTRIBUTION_SCORE = 0.0
# It has a speaker's shape: a dash before a name ("— Awa Ba"), or a name and a function
# after a comma ("Fatouma Cissé, commerçante"); "Business", "Explore further" after an
# article that ends on a quote are widgets.
_SPEAKER = re.compile(r"^[—–-]\s*\w|^[^,]{2,60},\s*\w")
# HTML: what a block trafilatura kept is worth at least, and what prose it dropped keeps.
KEPT_BASE = 1.0
DROPPED_FACTOR = 0.5
# What prose outside any <p> is worth on such a page.
UNSPACED_FACTOR = 0.3


def line_score(line: Line, zone: Zone | None, spacing: bool = False) -> float:
    """What a block adds to an article core it would belong to.

    In an innerText dump a browser sets each <p> apart with blank lines, while links, list
    entries and <div> text follow each other line by line. When the page shows that
    spacing, prose that is not set apart is worth less: it is a teaser, a caption, a bio.
    """
    if line.rule is not None or line.heading is not None:
        return RULE_SCORE
    if zone is not None:
        return ZONE_SCORE
    kept = line.block.kept
    if kept:  # trafilatura kept it: the article, unless the rules say otherwise
        return KEPT_BASE + min(line.f.n_chars, GOOD_CAP_CHARS) / GOOD_PER_CHARS
    if line.prose is Prose.GOOD:
        value = GOOD_BASE + min(line.f.n_chars, GOOD_CAP_CHARS) / GOOD_PER_CHARS
        if kept is False:
            value *= DROPPED_FACTOR
        return value if not spacing or line.block.spaced else value * UNSPACED_FACTOR
    if line.prose is Prose.NEAR:
        return NEAR_SCORE
    if line.prose is Prose.SHORT:
        return SHORT_SCORE
    return BAD_SCORE


def find_core(
    lines: list[Line], zones: list[Zone | None], heads: bool = False
) -> tuple[int, int] | None:
    """The densest run of prose (Kadane), grown over widgets that cut the article in parts.

    With `heads` (a text dump), a run under an article head above it is preferred (see
    prefer_head), and the lead cut off by a long rail is taken back (see grow_left).
    """
    spacing = keeps_spacing(lines)
    scores = [line_score(line, zone, spacing) for line, zone in zip(lines, zones, strict=True)]
    attribution = not switched_off("attribution")
    for i in range(1, len(lines)):
        if attribution and scores[i] < ATTRIBUTION_SCORE and _attribution(lines, zones, i):
            scores[i] = ATTRIBUTION_SCORE
    span = best_run(scores, 0, len(scores))
    if span is None:
        return None
    s, e = grow(scores, *span)
    if heads:
        if not switched_off("prefer_head"):
            s, e = prefer_head(lines, zones, scores, s, e)
        capped = _capped(lines, scores, zones)
        if not switched_off("grow_left"):
            s = grow_left(capped, s)
        if not switched_off("grow_right"):
            e = grow_right(lines, zones, capped, e)
    if not switched_off("cut_tail"):
        e = cut_tail(lines, zones, s, e, dump=heads)
    if heads and not switched_off("before_teasers"):
        e = _before_teasers(lines, zones, s, e, spacing)
    if not switched_off("extend_head"):
        s = extend_head(lines, zones, s, e)
    return (s, e) if _prose_chars(lines, zones, s, e) >= MIN_CORE_CHARS else None


def _attribution(lines: list[Line], zones: list[Zone | None], i: int) -> bool:
    """Line i names the speaker of the quotation above it: short, no sentence, no widget."""
    quote, line = lines[i - 1], lines[i]
    if not quote.f.quoted or quote.rule is not None or zones[i - 1] is not None:
        return False
    f = line.f
    return (
        zones[i] is None
        and line.rule is None
        and 0 < f.n_words <= ATTRIBUTION_MAX_WORDS
        and not f.ends_sentence
        and not f.ends_colon
        and _SPEAKER.match(f.text) is not None
    )


def _prose_chars(lines: list[Line], zones: list[Zone | None], s: int, e: int) -> int:
    """The characters of article prose in lines s to e: no widget, no rule, good prose."""
    return sum(
        ln.f.n_chars
        for ln, z in zip(lines[s : e + 1], zones[s : e + 1], strict=True)
        if z is None and ln.rule is None and ln.prose is Prose.GOOD
    )


def _before_teasers(
    lines: list[Line], zones: list[Zone | None], s: int, e: int, spacing: bool
) -> int:
    """End the core before a rail of teasers it ran into, if the article keeps enough prose."""
    end = teaser_tail(lines, zones, s, e, spacing)
    if end is None:
        return e
    return end if _prose_chars(lines, zones, s, end) >= MIN_CORE_CHARS else e


def _capped(lines: list[Line], scores: list[float], zones: list[Zone | None]) -> list[float]:
    """Scores where a rail of teasers costs no more than its first ZONE_COST_LINES lines."""
    out = list(scores)
    teasers: dict[tuple[int, int], bool] = {}  # per zone: not a list of labels
    for i, zone in enumerate(zones):
        if zone is None or zone.label is not Label.RELATED or i - zone.start < ZONE_COST_LINES:
            continue
        where = (zone.start, zone.end)
        if where not in teasers:
            span = lines[zone.start : zone.end + 1]
            labels = sum(1 for ln in span if ln.prose is Prose.BAD)
            teasers[where] = labels <= LABEL_LIST_SHARE * len(span)
        if teasers[where] and out[i] == ZONE_SCORE:
            out[i] = 0.0
    return out


def grow_right(lines: list[Line], zones: list[Zone | None], scores: list[float], e: int) -> int:
    """Take in runs of prose after the core as grow_left does, across a long rail.

    Not a list of entries (a comment thread or a teaser list after a rail prints a name
    or a headline over each of its paragraphs, see _entries), nor a run that ends on a
    comment widget: comments under a rail without names.
    """
    while True:
        right = best_run(scores, e + 1, len(scores))
        if right is None or right[2] < MERGE_RATIO * -sum(scores[e + 1 : right[0]]):
            return e
        if _entries(lines, zones, right[0], right[1]) or _before_comments(lines, zones, right[1]):
            return e
        e = right[1]


def _before_comments(lines: list[Line], zones: list[Zone | None], end: int) -> bool:
    """The run ends on a comment widget: a comment form or a reply button follows it."""
    for i in range(end + 1, min(end + 1 + COMMENT_GAP, len(lines))):
        zone, rule = zones[i], lines[i].rule
        if (zone is not None and zone.label is Label.COMMENTS) or (
            rule is not None and rule.label is Label.COMMENTS
        ):
            return True
    return False


def _entries(lines: list[Line], zones: list[Zone | None], start: int, end: int) -> bool:
    """Some stretch between widgets whose paragraphs sit each under a short line.

    A comment thread puts a name (and a date) over each comment, a teaser list a headline
    over each summary; an article runs paragraph after paragraph, an intertitle now and
    then. The first paragraph of a stretch has its line above it in the widget before.
    """
    headed = paragraphs = 0
    for i in range(start, end + 2):
        if i > end or zones[i] is not None:
            if headed >= 2 and headed >= ENTRY_SHARE * (paragraphs - 1):
                return True
            headed = paragraphs = 0
            continue
        if lines[i].prose is Prose.GOOD and lines[i].rule is None:
            paragraphs += 1
            if i > start and zones[i - 1] is None and _entry_head(lines[i - 1]):
                headed += 1
    return False


def _entry_head(line: Line) -> bool:
    """A line over an entry: a name, a date, a headline; no prose, no sentence."""
    f = line.f
    return (line.prose is not Prose.GOOD or line.rule is not None) and not (
        f.ends_sentence or f.is_separator
    )
