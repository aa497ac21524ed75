"""The article's head: headline, byline or date, lead, and where they lie around the core.

A teaser rail prints a head over each summary; an article prints one over several
paragraphs. On a dump, the run under an article head is preferred to a heavier run
without one (comments, a login form), the lead cut off by bylines is taken back, and the
head a rail ran into is given back to the article.
"""

from __future__ import annotations

import re

from ..models import Label
from ..text.features import CLOSERS
from ..text.lexicon import vocabulary
from .firstpass import Line, Prose
from .metalines import RELATIVE_TIME_REASON
from .runs import MIN_CORE_CHARS, grow, prefix_run
from .switches import switched_off
from .zones import Zone

# Bylines, dates and share buttons often stand between the lead and the body. The
# buttons of a share bar or an audio player ("Écouter", "Télécharger", "00:00 / 03:12")
# do not count in the window. (Dev: all figures unchanged; bylines and dates left out of
# the count too: sh gettext -0.0012, te gettext -0.0003.)
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
        and not f.text.rstrip(CLOSERS).endswith((".", "…"))
        and (f.starts_upper or f.text[:1].isdigit())
    )


def prefer_head(
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
        run = prefix_run(scores, a)
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
            if zone.label in HEAD_SKIPPABLE or _badge(lines, zone) or _lists_core(lines, zone, toc):
                continue
            break
        if line.f.folded in toc:
            continue
        if line.rule is not None and line.rule.label is Label.SHARE:
            continue  # a button of a share bar or a player: no stray text
        seen += 1
        if seen > HEAD_WINDOW:
            break
        if line.rule is None and line.prose in (Prose.GOOD, Prose.NEAR):
            new_start = j
        elif line.rule is not None and line.rule.label not in HEAD_SKIPPABLE:
            if line.block.tag == "figcaption":
                # HTML: a photo's caption (with its credit) between the standfirst and the
                # text (dev: te html +0.0004, sh html -0.0002 on pages whose gold leaves
                # the standfirst out; on dumps the caption rule alone cost sh innertext
                # -0.0009, q14's measure, so only the <figcaption> counts)
                continue
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
    return out, (s if switched_off("extend_head") else extend_head(lines, out, s, e), e)


def _badge(lines: list[Line], zone: Zone) -> bool:
    """A zone opened by a subscriber badge ("Article réservé aux abonnés"): the article's
    own label, and the buttons and photo beside it, not a paywall box between head and body."""
    return zone.label is Label.PAYWALL and lines[zone.start].f.key in vocabulary().badges


def _lists_core(lines: list[Line], zone: Zone, toc: set[str]) -> bool:
    """A "Contents" zone: every entry under its heading is an intertitle of the core."""
    first = zone.start + 1 if zone.heading is not None else zone.start
    entries = lines[first : zone.end + 1]
    return bool(entries) and all(ln.f.folded in toc for ln in entries)
