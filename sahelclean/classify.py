"""Classify the blocks of a page: rules first, then zones, the article core and the roles.

The story, as in jusText: (1) each block gets its features, a prose class and, where a
rule speaks, a widget verdict; (2) widget headings open zones that run until prose comes
back, and runs of headline-like lines make rails; (3) the densest run of prose is the
article core; (4) inside the core each block gets its role (title, lead, heading,
paragraph, quote, attribution, list item); outside it every block is labelled and dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .firstpass import (
    Line,
    Prose,
    judge,
    keeps_spacing,
    line_memo,
    mark_repeats,
    with_markup,
)
from .models import Block, Classified, Label
from .options import Options
from .profile import SiteView, mark_site
from .roles import settle
from .rules import RELATIVE_TIME_REASON
from .siterules import SiteRules
from .tails import teaser_tail
from .textutil import stopwords_for
from .zones import Zone, comment_evidence, find_zones

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
# A run of prose joins the core when it is worth this many times the widgets between them.
MERGE_RATIO = 0.7
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
# Widgets after which an article does not resume, once this share of its prose is behind.
# METADATA: an author box ("About the author", vocab.AUTHOR_HEADINGS; dev: te gettext
# +0.0019, te-fr gettext +0.0284, te innertext +0.0003, sh and HTML unchanged).
TAIL_BOUNDARIES = frozenset(
    {Label.RELATED, Label.COMMENTS, Label.NEWSLETTER, Label.FOOTER, Label.METADATA}
)
TAIL_SHARE = 0.85
# HTML: what trafilatura kept past such a widget heading after the core (a "Meistgelesen"
# rail, "About the author", "Leave a Reply") is teasers, bios and forms when it holds at
# most TAIL_REST_SHARE of what it kept before, and the heading opens a rail of at least
# TAIL_RAIL_ENTRIES lines (see cover_kept). A heading alone or over a box of one or two
# teasers ("Mehr zum Thema" inside the text, "Trending" over kept prose) is passed over:
# the article goes on under it. (Dev: te html +0.0010, 14 pages of 14 sites in 4
# languages, no `with` snippet lost; sh and the dumps unchanged. Entries 2: the same; 4:
# te +0.0007. Share 0.3: the same; 0.1: te +0.0007. Any heading, a box of one entry
# too: te +0.0016 but the last paragraphs of 4 articles lost after an inline box, and
# sh -0.0003 until a heading alone was passed over.)
TAIL_REST_SHARE = 0.2
TAIL_RAIL_ENTRIES = 3
# ... and so do these lines: a sign-up box, a paywall, the page footer, a comment's author.
# On a dump, a comments heading over real comments ends it whatever the share (see
# cut_tail; dev: sh innertext +0.0021, sh gettext +0.0019, one page whose thread outweighed
# its article; te unchanged; on HTML too: sh/html -0.0009, trafilatura's choice of that
# page set aside).
TAIL_RULES = frozenset({Label.NEWSLETTER, Label.PAYWALL, Label.FOOTER, Label.COMMENTS})
# Bylines, dates and share buttons often stand between the lead and the body.
HEAD_WINDOW = 8
HEAD_SKIPPABLE = frozenset({Label.METADATA, Label.SHARE, Label.BOILERPLATE, Label.AD})
# A rail or a menu whose tail after a byline or a date (within HEAD_WINDOW lines) runs
# into the core: the tail is the article's head, its headline, kicker and standfirst (see
# release_head; dev: te gettext +0.0019, te innertext +0.0002, sh gettext +0.0003, sh
# innertext -0.0001, HTML unchanged: on te gettext 6 pages of 6 sites gain, de and en, 1
# loses. The zone cut to end at the date, which then became the title of menu pages, and
# tails of labels released too: te gettext +0.0016, sh innertext -0.0001.)
HEAD_ZONES = frozenset({Label.RELATED, Label.NAVIGATION})
# A table of contents between the lead and the body lists intertitles: lines this short.
HEADING_MAX_WORDS = 14
# HTML: what a block trafilatura kept is worth at least, and what prose it dropped keeps.
KEPT_BASE = 1.0
DROPPED_FACTOR = 0.5
# trafilatura's choice stands when it keeps this much text, and at least this share of the
# prose of the core the classifier finds alone.
TRUST_MIN_CHARS = 200
TRUST_SHARE = 0.5
# ... unless it keeps this many times the prose of that core, this share of it in links:
# then it kept the menus and rails along with the article, and made no choice to trust.
BLOAT_FACTOR = 2.0
KEPT_LINKS_SHARE = 0.4
# What prose outside any <p> is worth on such a page.
UNSPACED_FACTOR = 0.3
# The core must hold this much prose to be an article at all.
MIN_CORE_CHARS = 150
# An article's head: a headline, then a byline or a date within HEAD_GAP lines, then its
# first paragraph. A core after it (a login form, comments, a tag cloud) gives way to the
# run under the head when that run is worth HEAD_SHARE of it and holds at least
# HEAD_MIN_PARAGRAPHS paragraphs and HEAD_MIN_CHARS of prose before the next head: a
# teaser rail prints a head over each single summary. (Dev split, innertext: te +0.0014,
# sh +0.003; HEAD_MIN_CHARS 300 keeps a two-paragraph brief, 450 and 600 lose it.)
# A head whose headline repeats the last crumb of the breadcrumb trail above it names the
# page's own article: its run wins even with one paragraph (a video page; te +0.0012).
# A menu shaped like a rail may run on into the article's headline, byline and date: a
# date line that closes a rail still heads the paragraph under it (see _open_zone; dev:
# sh innertext +0.0056, one page whose core had gone to a long footer paragraph, all
# else unchanged; the headline taken as title too: sh innertext +0.0041, html -0.0005).
HEAD_GAP = 3
HEAD_SHARE = 0.3
HEAD_MIN_CHARS = 300
HEAD_MIN_PARAGRAPHS = 2
# A date line: a year among a few words ("Mi, 18. Oktober 2023 um 12:50 Uhr").
DATELINE_MAX_WORDS = 8
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass(frozen=True, slots=True)
class PageHints:
    """What the page says about itself beyond its text (HTML metadata, a second opinion)."""

    title: str | None = None
    # Blocks marked by a slower, more thorough extraction, asked for only when the first
    # one's choice does not stand.
    second_opinion: Callable[[], list[Block] | None] | None = None
    # The lines most pages of the page's site print (a learned profile, --profile).
    site: SiteView | None = None
    # The rules of the page's site from rules files (--rules; see siterules.py).
    rules: SiteRules | None = None


def classify(
    blocks: list[Block], options: Options, language: str | None, hints: PageHints | None = None
) -> list[Classified]:
    """Label every block of a page (see the module docstring for the passes)."""
    stop = stopwords_for(language)
    memo = line_memo(stop, options)
    raw = [judge(b.with_kept(None), stop, options, memo) for b in blocks]
    base = [with_markup(ln, options) for ln in raw]
    rules = hints.rules if hints is not None else None
    if rules is not None:  # site rules: their headings, phrases and lines always dropped
        base = rules.overlay(base)
    site = hints.site if hints is not None else None
    lines = mark_site(mark_repeats(base), site)
    trusted = False
    if any(b.kept is not None for b in blocks):
        trusted = trust_extractor(blocks, lines, options, raw)
        if not trusted and hints is not None and hints.second_opinion is not None:
            blocks = hints.second_opinion() or blocks
            trusted = trust_extractor(blocks, lines, options, raw)
        if trusted:  # trafilatura's choice stands: let it weigh in every pass
            marked = [
                with_markup(Line(b, ln.f, ln.prose, ln.rule, ln.heading), options)
                for ln, b in zip(raw, blocks, strict=True)
            ]
            if rules is not None:
                marked = rules.overlay(marked)
            lines = mark_site(mark_repeats(marked), site)
    zones = find_zones(lines, options)
    # On HTML, trafilatura's choice says where the article is; a dump has only its heads.
    text_only = all(b.kept is None for b in blocks)
    core = find_core(lines, zones, heads=text_only)
    if text_only and core is not None:
        zones, core = release_head(lines, zones, core)
    if trusted:
        core = cover_kept(lines, core, zones)
    out = settle(lines, zones, core, options, hints.title if hints else None, trusted)
    return out if rules is None else rules.enforce(out)


def trust_extractor(
    blocks: list[Block], own: list[Line], options: Options, raw: list[Line] | None = None
) -> bool:
    """Whether trafilatura's choice covers the article the classifier finds on its own.

    trafilatura is precise, but on some pages it keeps a fragment (a teaser, the first
    paragraphs) and loses the rest; the classifier's own core then holds several times
    more prose. Below TRUST_SHARE of it, its choice is set aside. So is a choice that
    keeps menus around a small core (a page of links it could not cut). `raw`
    are the same lines judged on their text alone: an article that a wrapper marked as a
    widget (a paywall, a "read more" box) counts too.
    """
    kept = sum(len(b.text) for b in blocks if b.kept)
    if kept < TRUST_MIN_CHARS:
        return False
    prose = _core_prose(own, options)
    if prose and kept < TRUST_SHARE * prose:
        return False
    if prose and kept > BLOAT_FACTOR * prose:
        links = sum(len(b.text) * b.link_density for b in blocks if b.kept)
        if links >= KEPT_LINKS_SHARE * kept:
            return False
    if raw is None or kept >= TRUST_SHARE * sum(
        ln.f.n_chars for ln in raw if ln.prose is Prose.GOOD
    ):  # the cheap bound first: most pages stop here
        return True
    return kept >= TRUST_SHARE * _core_prose(mark_repeats(raw), options)


def _core_prose(lines: list[Line], options: Options) -> int:
    """The characters of prose in the core the classifier finds alone (0: no core)."""
    core = find_core(lines, find_zones(lines, options))
    if core is None:
        return 0
    s, e = core
    return sum(
        ln.f.n_chars for ln in lines[s : e + 1] if ln.prose is Prose.GOOD and ln.rule is None
    )


def cover_kept(
    lines: list[Line], core: tuple[int, int] | None, zones: list[Zone | None] | None = None
) -> tuple[int, int] | None:
    """Stretch the core over every block trafilatura kept, when its choice stands.

    Not past a widget heading that closes the article (a "Related" or "Latest news"
    rail, see TAIL_BOUNDARIES) after the core, when what trafilatura kept beyond it is
    little beside what it kept before: teasers it took for the article's end.
    """
    kept = [i for i, ln in enumerate(lines) if ln.block.kept]
    if not kept:
        return core
    if core is None:
        return kept[0], kept[-1]
    end = max(core[1], kept[-1])
    if zones is not None:
        end = _before_tail_rail(lines, zones, core[1], end)
    return min(core[0], kept[0]), end


def _before_tail_rail(lines: list[Line], zones: list[Zone | None], core_end: int, end: int) -> int:
    """The last kept block before a closing rail after the core, if little is kept past it."""
    for b in range(core_end + 1, end + 1):
        zone = zones[b]
        if zone is None or zone.start != b or lines[b].heading is None:
            continue
        if zone.label not in TAIL_BOUNDARIES or zone.end - zone.start < TAIL_RAIL_ENTRIES:
            continue
        before = sum(len(ln.block.text) for ln in lines[:b] if ln.block.kept)
        after = sum(len(ln.block.text) for ln in lines[b : end + 1] if ln.block.kept)
        if after > TAIL_REST_SHARE * before:
            return end
        return max([core_end, *(i for i in range(core_end, b) if lines[i].block.kept)])
    return end


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
    _prefer_head), and the lead cut off by a long rail is taken back (see grow_left).
    """
    spacing = keeps_spacing(lines)
    scores = [line_score(line, zone, spacing) for line, zone in zip(lines, zones, strict=True)]
    span = best_run(scores, 0, len(scores))
    if span is None:
        return None
    s, e = grow(scores, *span)
    if heads:
        s, e = _prefer_head(lines, zones, scores, s, e)
        capped = _capped(lines, scores, zones)
        s = grow_left(capped, s)
        e = grow_right(lines, zones, capped, e)
    e = cut_tail(lines, zones, s, e, dump=heads)
    if heads:
        e = _before_teasers(lines, zones, s, e, spacing)
    s = extend_head(lines, zones, s, e)
    prose_chars = sum(
        ln.f.n_chars
        for ln, z in zip(lines[s : e + 1], zones[s : e + 1], strict=True)
        if z is None and ln.rule is None and ln.prose is Prose.GOOD
    )
    return (s, e) if prose_chars >= MIN_CORE_CHARS else None


def _before_teasers(
    lines: list[Line], zones: list[Zone | None], s: int, e: int, spacing: bool
) -> int:
    """End the core before a rail of teasers it ran into, if the article keeps enough prose."""
    end = teaser_tail(lines, zones, s, e, spacing)
    if end is None:
        return e
    prose = sum(
        ln.f.n_chars
        for ln, z in zip(lines[s : end + 1], zones[s : end + 1], strict=True)
        if z is None and ln.rule is None and ln.prose is Prose.GOOD
    )
    return end if prose >= MIN_CORE_CHARS else e


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


def _head_anchors(lines: list[Line], zones: list[Zone | None]) -> list[tuple[int, bool]]:
    """First paragraphs under a headline and a byline or date: where articles start.

    Each comes with whether its headline is also the line above it: the last crumb of a
    breadcrumb trail, which names the page's own article (a rail entry has no trail).
    """
    out = []
    for i, line in enumerate(lines):
        if line.prose is not Prose.GOOD or line.rule is not None or zones[i] is not None:
            continue
        above = range(i - 1, max(-1, i - 1 - HEAD_GAP), -1)
        meta = next((j for j in above if _dateline(lines[j], _open_zone(zones[j], j))), None)
        if meta is None or any(ln.prose is Prose.GOOD for ln in lines[meta + 1 : i]):
            continue  # the first paragraph under the byline only
        heads = [
            k for k in range(meta - 1, max(-1, meta - 1 - HEAD_GAP), -1) if _headline(lines[k])
        ]
        if heads:
            crumb = any(k > 0 and lines[k - 1].f.folded == lines[k].f.folded for k in heads)
            out.append((i, crumb))
    return out


def _open_zone(zone: Zone | None, j: int) -> Zone | None:
    """The zone of line j, unless j closes a rail: then it dates the article under it."""
    if zone is not None and zone.label is Label.RELATED and zone.end == j:
        return None
    return zone


def _dateline(line: Line, zone: Zone | None) -> bool:
    """A byline or a date line under a headline (not an entry's, in a rail or a thread)."""
    if zone is not None and zone.label in (Label.RELATED, Label.COMMENTS):
        return False
    if line.rule is not None:  # "7 hours ago" dates the entries of a rail, not articles
        return line.rule.label is Label.METADATA and line.rule.reason != RELATIVE_TIME_REASON
    f = line.f
    return f.n_words <= DATELINE_MAX_WORDS and _YEAR.search(f.text) is not None


def _headline(line: Line) -> bool:
    """A headline: a few words, no full stop, no widget verdict."""
    f = line.f
    return (
        line.rule is None
        and line.heading is None
        and 3 <= f.n_words <= HEADING_MAX_WORDS * 2
        and not f.ends_colon
        and not f.text.rstrip(" »”\"')").endswith((".", "…"))
        and (f.starts_upper or f.text[:1].isdigit())
    )


def _prefer_head(
    lines: list[Line], zones: list[Zone | None], scores: list[float], s: int, e: int
) -> tuple[int, int]:
    """The run under an article head above the core, when the core has no head of its own.

    Comments, a login form or a tag cloud after a short article can outweigh it; a head
    (headline, byline or date, paragraphs) says where the article is. Heads after the
    core are not looked at: comments and teasers print them too.
    """
    heads = _head_anchors(lines, zones)
    anchors = [a for a, _ in heads]
    if not anchors or any(s - HEAD_WINDOW <= a <= e for a in anchors):
        return s, e  # the core has its head, or extend_head will take it
    best = sum(scores[s : e + 1])
    for (a, crumb), stop in zip(heads, [*anchors[1:], len(lines)], strict=True):
        if a > s:
            break  # heads after the core are comments' and teasers'
        run = _prefix_run(scores, a)
        if run is None:
            continue
        if (crumb and lines[a].f.n_chars >= MIN_CORE_CHARS) or _headed_run(
            lines, zones, run, a, stop, best
        ):
            return grow(scores, a, *run)
    return s, e


def _headed_run(
    lines: list[Line],
    zones: list[Zone | None],
    run: tuple[int, float],
    a: int,
    stop: int,
    best: float,
) -> bool:
    """Whether the run under the head at `a` is an article: paragraphs before the next head.

    A teaser rail prints head, summary, head, summary: one paragraph under each head.
    """
    if run[1] < HEAD_SHARE * best:
        return False
    last = min(run[0] + 1, stop)
    prose = [
        ln.f.n_chars
        for ln, z in zip(lines[a:last], zones[a:last], strict=True)
        if z is None and ln.rule is None and ln.prose is Prose.GOOD
    ]
    if len(prose) < HEAD_MIN_PARAGRAPHS or sum(prose) < HEAD_MIN_CHARS:
        return False
    # the second paragraph follows the first, with no headline between (a rail's next entry)
    for ln in lines[a + 1 : a + 2 + HEAD_GAP]:
        if ln.prose is Prose.GOOD and ln.rule is None:
            return True
        if _headline(ln):
            return False
    return False


def _prefix_run(scores: list[float], start: int) -> tuple[int, float] | None:
    """The end and sum of the best run that starts at `start`."""
    total, best, found = 0.0, 0.0, None
    for i in range(start, len(scores)):
        total += scores[i]
        if total > best:
            best, found = total, (i, total)
    return found


def best_run(scores: list[float], lo: int, hi: int) -> tuple[int, int, float] | None:
    """The maximum-sum run of scores[lo:hi] (Kadane): start, end (inclusive) and sum."""
    best, found = 0.0, None
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += scores[i]
        if total > best:
            best, found = total, (start, i, total)
    return found


def grow(scores: list[float], s: int, e: int, value: float) -> tuple[int, int]:
    """Take in a run of prose on either side when it outweighs the widgets in between.

    An inline rail, a photo gallery or an ad block splits one article into parts; the
    best part alone loses the others. A part joins when its prose is worth at least
    MERGE_RATIO times what the gap costs.
    """
    while True:
        left = best_run(scores, 0, s)
        right = best_run(scores, e + 1, len(scores))
        joined = False
        if left is not None:
            gap = -sum(scores[left[1] + 1 : s])
            if left[2] >= MERGE_RATIO * gap:
                s, joined = left[0], True
        if right is not None:
            gap = -sum(scores[e + 1 : right[0]])
            if right[2] >= MERGE_RATIO * gap:
                e, joined = right[1], True
        if not joined:
            return s, e


def grow_left(scores: list[float], s: int) -> int:
    """Take in runs of prose before the core as grow does, with the capped scores."""
    while True:
        left = best_run(scores, 0, s)
        if left is None or left[2] < MERGE_RATIO * -sum(scores[left[1] + 1 : s]):
            return s
        s = left[0]


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


def cut_tail(
    lines: list[Line], zones: list[Zone | None], s: int, e: int, dump: bool = False
) -> int:
    """End the core at the first widget that follows most of its prose.

    A "Related" rail, a comment block or a sign-up box after the bulk of an article ends
    it: the prose that comes after them (comments, teasers, bios) is not the article's.
    On a dump, a comments heading with comment evidence under it (a time line, a reply
    button) ends it wherever it stands, once MIN_CORE_CHARS of prose are behind: a long
    thread can hold more prose than the article.
    """
    prose = [
        ln.f.n_chars if z is None and ln.rule is None and ln.prose is Prose.GOOD else 0
        for ln, z in zip(lines[s : e + 1], zones[s : e + 1], strict=True)
    ]
    total = sum(prose)
    seen = 0
    for i in range(s, e + 1):
        zone, rule = zones[i], lines[i].rule
        opens = (
            zone is not None and zone.start == i and zone.label in TAIL_BOUNDARIES and zone.heading
        )
        if (
            opens or (rule is not None and rule.label in TAIL_RULES)
        ) and seen >= TAIL_SHARE * total:
            return max(s, i - 1)
        if (
            dump
            and opens
            and zone is not None
            and zone.label is Label.COMMENTS
            and seen >= MIN_CORE_CHARS
            and comment_evidence(lines, i + 1)
        ):
            return max(s, i - 1)
        seen += prose[i - s]
    return e


def extend_head(lines: list[Line], zones: list[Zone | None], start: int, end: int) -> int:
    """Take the lead back into the core across the bylines and dates that cut it off.

    A table of contents between the lead and the body does not count: its entries are the
    core's own intertitles, printed again.
    """
    toc = {ln.f.folded for ln in lines[start : end + 1] if ln.f.n_words <= HEADING_MAX_WORDS}
    new_start, seen = start, 0
    for j in range(start - 1, -1, -1):
        line, zone = lines[j], zones[j]
        if zone is not None:
            if zone.label in HEAD_SKIPPABLE or _lists_core(lines, zone, toc):
                continue
            break
        if line.f.folded in toc:
            continue
        seen += 1
        if seen > HEAD_WINDOW:
            break
        if line.rule is None and line.prose in (Prose.GOOD, Prose.NEAR):
            new_start = j
        elif line.rule is not None and line.rule.label not in HEAD_SKIPPABLE:
            break
    return new_start


def release_head(
    lines: list[Line], zones: list[Zone | None], core: tuple[int, int]
) -> tuple[list[Zone | None], tuple[int, int]]:
    """Give the article back the head that a rail or a menu above the core ran into.

    A zone runs until prose ends it, and a headline, a standfirst without a full stop or
    a kicker do not: a menu or a rail right above the core takes them in as its last
    entries. When its tail after a byline or a date line (within HEAD_WINDOW lines of
    the core) runs straight into the core, that tail is the article's head.
    """
    s, e = core
    j = s - 1
    zone = zones[j] if j >= 0 else None
    if zone is None or zone.end != j or zone.label not in HEAD_ZONES:
        return zones, core
    low = max(zone.start, s - HEAD_WINDOW)
    date = next((k for k in range(j, low - 1, -1) if _dateline(lines[k], None)), None)
    if date is None or all(ln.prose is Prose.BAD or ln.rule for ln in lines[date + 1 : s]):
        return zones, core  # no tail, or only labels: a menu's last entries
    out = list(zones)  # the lines up to the date keep their zone, and its reason
    for k in range(date + 1, s):
        out[k] = None
    return out, (extend_head(lines, out, s, e), e)


def _lists_core(lines: list[Line], zone: Zone, toc: set[str]) -> bool:
    """A "Contents" zone: every entry under its heading is an intertitle of the core."""
    first = zone.start + 1 if zone.heading is not None else zone.start
    entries = lines[first : zone.end + 1]
    return bool(entries) and all(ln.f.folded in toc for ln in entries)
