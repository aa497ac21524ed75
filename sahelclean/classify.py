"""Classify the blocks of a page: rules first, then zones, the article core and the roles.

The story, as in jusText: (1) each block gets its features, a prose class and, where a
rule speaks, a widget verdict; (2) widget headings open zones that run until prose comes
back, and runs of headline-like lines make rails; (3) the densest run of prose is the
article core; (4) inside the core each block gets its role (title, lead, heading,
paragraph, quote, attribution, list item); outside it every block is labelled and dropped.
"""

from __future__ import annotations

from .firstpass import Line, Prose, first_pass
from .models import Block, Classified, Label
from .options import Options
from .roles import settle
from .textutil import stopwords_for
from .zones import Zone, find_zones

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
# Bylines, dates and share buttons often stand between the lead and the body.
HEAD_WINDOW = 8
HEAD_SKIPPABLE = frozenset({Label.METADATA, Label.SHARE, Label.BOILERPLATE, Label.AD})
# The core must hold this much prose to be an article at all.
MIN_CORE_CHARS = 150


def classify(blocks: list[Block], options: Options, language: str | None) -> list[Classified]:
    """Label every block of a page (see the module docstring for the passes)."""
    stop = stopwords_for(language)
    lines = [first_pass(b, stop, options) for b in blocks]
    zones = find_zones(lines, options)
    core = find_core(lines, zones)
    return settle(lines, zones, core, options)


def line_score(line: Line, zone: Zone | None) -> float:
    """What a block adds to an article core it would belong to."""
    if line.rule is not None or line.heading is not None:
        return RULE_SCORE
    if zone is not None:
        return ZONE_SCORE
    if line.prose is Prose.GOOD:
        return GOOD_BASE + min(line.f.n_chars, GOOD_CAP_CHARS) / GOOD_PER_CHARS
    if line.prose is Prose.NEAR:
        return NEAR_SCORE
    if line.prose is Prose.SHORT:
        return SHORT_SCORE
    return BAD_SCORE


def find_core(lines: list[Line], zones: list[Zone | None]) -> tuple[int, int] | None:
    """The run of blocks with the highest total score (Kadane), or None when too thin."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, (line, zone) in enumerate(zip(lines, zones, strict=True)):
        if total <= 0:
            total, start = 0.0, i
        total += line_score(line, zone)
        if total > best:
            best, best_span = total, (start, i)
    if best_span is None:
        return None
    s, e = best_span
    s = extend_head(lines, zones, s)
    prose_chars = sum(
        ln.f.n_chars
        for ln, z in zip(lines[s : e + 1], zones[s : e + 1], strict=True)
        if z is None and ln.rule is None and ln.prose is Prose.GOOD
    )
    return (s, e) if prose_chars >= MIN_CORE_CHARS else None


def extend_head(lines: list[Line], zones: list[Zone | None], start: int) -> int:
    """Take the lead back into the core across the bylines and dates that cut it off."""
    new_start, seen = start, 0
    for j in range(start - 1, -1, -1):
        line, zone = lines[j], zones[j]
        if zone is not None:
            if zone.label in HEAD_SKIPPABLE:
                continue
            break
        seen += 1
        if seen > HEAD_WINDOW:
            break
        if line.rule is None and line.prose in (Prose.GOOD, Prose.NEAR):
            new_start = j
        elif line.rule is not None and line.rule.label not in HEAD_SKIPPABLE:
            break
    return new_start
