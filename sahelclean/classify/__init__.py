"""Classify the blocks of a page: rules first, then zones, the article core and the roles.

The story, as in jusText: (1) each block gets its features, a prose class and, where a
rule speaks, a widget verdict; (2) widget headings open zones that run until prose comes
back, and runs of headline-like lines make rails; (3) the densest run of prose is the
article core; (4) inside the core each block gets its role (title, lead, heading,
paragraph, quote, attribution, list item); outside it every block is labelled and dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import Block, Classified
from ..options import Options
from ..sites.profile import SiteView
from ..sites.siterules import SiteRules
from ..text.language import stopwords_for
from .core import find_core
from .firstpass import Line, Prose, judge, line_memo, mark_repeats, with_markup
from .heads import release_head
from .rails import linked_heading_rails, shape_zones, teaser_zones
from .roles import settle
from .sitepass import mark_site, overlay
from .switches import switched_off
from .tails import before_tail_rail, link_tail
from .zones import Zone, heading_zones

# trafilatura's choice stands when it keeps this much text, and at least this share of the
# prose of the core the classifier finds alone.
TRUST_MIN_CHARS = 200
TRUST_SHARE = 0.5
# ... unless it keeps this many times the prose of that core, this share of it in links:
# then it kept the menus and rails along with the article, and made no choice to trust.
BLOAT_FACTOR = 2.0
KEPT_LINKS_SHARE = 0.4


@dataclass(frozen=True, slots=True)
class PageHints:
    """What the page says about itself beyond its text (HTML metadata, a second opinion)."""

    title: str | None = None
    # Blocks marked by a slower, more thorough extraction, asked for only when the first
    # one's choice does not stand.
    second_opinion: Callable[[], list[Block] | None] | None = None
    # The lines most pages of the page's site print (a learned profile, --profile).
    site: SiteView | None = None
    # The rules of the page's site from rules files (--rules; see sites/rules.py).
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
        base = overlay(rules, base)
    site = hints.site if hints is not None else None
    lines = mark_site(_marked(base), site)
    trusted = False
    if any(b.kept is not None for b in blocks):
        trusted = trust_extractor(blocks, lines, options, raw)
        opinion = hints.second_opinion if hints is not None else None
        if not trusted and opinion is not None and not switched_off("second_opinion"):
            blocks = opinion() or blocks
            trusted = trust_extractor(blocks, lines, options, raw)
        if trusted:  # trafilatura's choice stands: let it weigh in every pass
            marked = [
                with_markup(Line(b, ln.f, ln.prose, ln.rule, ln.heading), options)
                for ln, b in zip(raw, blocks, strict=True)
            ]
            if rules is not None:
                marked = overlay(rules, marked)
            lines = mark_site(_marked(marked), site)
    zones = find_zones(lines, options)
    # On HTML, trafilatura's choice says where the article is; a dump has only its heads.
    text_only = all(b.kept is None for b in blocks)
    core = find_core(lines, zones, heads=text_only)
    if text_only and core is not None and not switched_off("release_head"):
        zones, core = release_head(lines, zones, core)
    if trusted and not switched_off("cover_kept"):
        core = cover_kept(lines, core, zones)
    out = settle(lines, zones, core, options, hints.title if hints else None, trusted, stop)
    return out if rules is None else rules.enforce(out)


def _marked(lines: list[Line]) -> list[Line]:
    """The lines with the mark that reads the whole page: the lines it prints twice."""
    return lines if switched_off("mark_repeats") else mark_repeats(lines)


def find_zones(lines: list[Line], options: Options) -> list[Zone | None]:
    """The zone of each block, or None for blocks outside every zone."""
    zones: list[Zone | None] = [None] * len(lines)
    if not switched_off("heading_zones"):
        heading_zones(lines, zones)
    if not switched_off("shape_zones"):
        shape_zones(lines, zones, options)
    if not switched_off("teaser_zones"):
        teaser_zones(lines, zones)
    if not switched_off("linked_heading_rails"):
        linked_heading_rails(lines, zones)
    return zones


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
    alone = raw if switched_off("mark_repeats") else mark_repeats(raw)
    return kept >= TRUST_SHARE * _core_prose(alone, options)


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
    little beside what it kept before: teasers it took for the article's end. Nor over
    a closing run of linked headlines (see tails.link_tail).
    """
    kept = [i for i, ln in enumerate(lines) if ln.block.kept]
    if not kept:
        return core
    if core is None:
        return kept[0], kept[-1]
    end = max(core[1], kept[-1])
    if zones is not None and not switched_off("before_tail_rail"):
        end = before_tail_rail(lines, zones, core[1], end)
    start = min(core[0], kept[0])
    return start, (end if switched_off("link_tail") else link_tail(lines, start, end))
