"""Settle each block: the article roles inside the core, a widget label outside it.

settle walks the page once: the title (title.py), what lies outside the core or in a
zone gets its widget label (`_outside`), a photo's caption in the core keeps its own, and
every other block inside the core gets its role from coreroles.py; where trafilatura's
choice stands, trusted.py says what it kept or left out. The lead is marked last.
"""

from __future__ import annotations

from ..models import Classified, Label, Verdict
from ..options import Options
from .coreroles import role_in_core
from .firstpass import Line, Prose
from .rules import is_list_entry
from .switches import switched_off
from .tails import LINK_TAIL_REASON, linked_headline
from .title import find_title, headline_over_body
from .trusted import LEFT_OUT, gap_prose, overridable, standfirst
from .zones import Zone

CAPTION_ABOVE_LEAD = "photo caption above the lead"
# A heading right under the title with this many words is a sentence: the standfirst set in
# an <h2> ("Police say the fire spread through three floors in under an hour"), not an
# intertitle.
LEAD_HEADING_MIN_WORDS = 6


def settle(
    lines: list[Line],
    zones: list[Zone | None],
    core: tuple[int, int] | None,
    options: Options,
    title_hint: str | None = None,
    trusted: bool = False,
    stop: frozenset[str] = frozenset(),
) -> list[Classified]:
    """Give every block its final verdict.

    title_hint is the page's <title>; trusted says that trafilatura's choice stands, so
    that what it left out of the core is not article.
    """
    if core is None:
        return [
            _outside(ln, z, "no article prose on the page")
            for ln, z in zip(lines, zones, strict=True)
        ]
    start, end = core
    title = find_title(lines, zones, start, end, title_hint)
    kept_at = [i for i, ln in enumerate(lines) if ln.block.kept]
    kept_span = (kept_at[0], kept_at[-1]) if kept_at else (0, -1)
    if title is not None and kept_at and title < kept_span[0]:
        kept_span = (title, kept_span[1])  # the standfirst under the title is article too
    out: list[Classified] = []
    prev_role: Label | None = None
    for i, (line, zone) in enumerate(zip(lines, zones, strict=True)):
        if i == title:
            out.append(Classified(line.block, Verdict(Label.TITLE, "headline above the article")))
            prev_role = Label.TITLE
        elif title is not None and start <= i < title:  # above an <h1> under the core's top
            out.append(_outside(line, zone, "before the article"))
        elif (
            trusted
            and line.block.kept
            and zone is None
            and overridable(line.rule)
            and not switched_off("overridable")
        ):
            verdict = role_in_core(lines, zones, i, end, prev_role, options)
            out.append(Classified(line.block, verdict))
            prev_role = verdict.label
        elif (
            i > end
            and zone is None
            and line.rule is None
            and _closing_link(line)
            and not switched_off("closing_link")
        ):
            out.append(Classified(line.block, Verdict(Label.RELATED, LINK_TAIL_REASON)))
        elif (caption := _caption_in_core(line, zone, start, end)) is not None:
            # a photo's caption or credit inside the article: a caption block of the
            # sections, never in the text (outside it, _outside makes it metadata)
            out.append(Classified(line.block, caption))
        elif zone is not None or line.rule is not None or not start <= i <= end:
            where = "before the article" if i < start else "after the article"
            out.append(_outside(line, zone, where))
        elif (
            trusted
            and not line.block.kept
            and not gap_prose(lines, i, kept_span)
            and not standfirst(lines, zones, i, title)
            and line.block.tag != "figcaption"  # a photo's caption: its role, below
        ):
            out.append(Classified(line.block, Verdict(Label.BOILERPLATE, LEFT_OUT)))
        else:
            verdict = role_in_core(lines, zones, i, end, prev_role, options)
            out.append(Classified(line.block, verdict))
            prev_role = verdict.label
    if not switched_off("headline_over_body"):
        out = headline_over_body(out, lines, stop, start)
    return out if switched_off("mark_lead") else _mark_lead(out, options)


def _caption_in_core(line: Line, zone: Zone | None, start: int, end: int) -> Verdict | None:
    """The caption rule's verdict on a line inside the article core and no widget's."""
    rule = line.rule
    if zone is None and rule is not None and rule.label is Label.CAPTION:
        return rule if start <= line.block.index <= end else None
    return None


def _outside(line: Line, zone: Zone | None, where: str) -> Classified:
    """The verdict of a block that is not article: its zone, its rule, or its position."""
    if zone is not None:
        opener = zone.start == line.block.index
        if opener:
            reason = zone.reason
        else:
            what = f"'{zone.heading}'" if zone.heading else zone.reason
            reason = f"in the {zone.label} zone ({what}, line {zone_line(zone, line)})"
        is_heading = opener and zone.heading is not None
        entry = not is_heading and is_list_entry(line.f, line.rule)
        return Classified(line.block, Verdict(zone.label, reason), zone.start, is_heading, entry)
    if line.rule is not None:
        rule = line.rule
        if rule.label.is_article:  # a photo credit above the title or under the footer
            rule = Verdict(Label.METADATA, f"{rule.reason}, {where}")
        return Classified(line.block, rule, entry=is_list_entry(line.f, line.rule))
    if line.prose is Prose.BAD and where == "before the article":
        return Classified(line.block, Verdict(Label.NAVIGATION, f"short label {where}"))
    return Classified(line.block, Verdict(Label.BOILERPLATE, f"{line.prose.value} text {where}"))


def zone_line(zone: Zone, line: Line) -> int:
    """The input line where the zone of `line` starts (for reasons)."""
    return line.block.line - (line.block.index - zone.start)


def _closing_link(line: Line) -> bool:
    """A headline trafilatura kept after the article's end: a teaser (see tails.link_tail)."""
    return bool(line.block.kept) and linked_headline(line)


def _mark_lead(out: list[Classified], options: Options) -> list[Classified]:
    """The lead: the first paragraph under the title, when it is short enough to be one, or
    a sentence set as a heading right under the title (a standfirst in an <h2>).

    Photo captions, bylines and dates may sit between the title and the lead. Without a
    headline line (the title is then the one the page declares), the article's first block
    is looked at the same way.
    """
    # a photo's caption between the title and the text is neither (it stays in the sections)
    kept = [i for i, c in enumerate(out) if c.label.is_article and c.label is not Label.CAPTION]
    title = kept[0] if kept and out[kept[0]].label is Label.TITLE else None
    body = kept[1:] if title is not None else kept
    if len(body) < 2:
        return out
    first, second = out[body[0]], out[body[1]]
    if first.label is Label.HEADING:
        sentence = len(first.block.text.split()) >= LEAD_HEADING_MIN_WORDS
        if not sentence or second.label is not Label.PARAGRAPH:
            return out
    elif first.label is not Label.PARAGRAPH or second.label not in (
        Label.PARAGRAPH,
        Label.HEADING,
    ):
        return out
    if len(first.block.text) > options.lead_max_chars:
        return out
    out[body[0]] = Classified(first.block, Verdict(Label.LEAD, "first paragraph under the title"))
    # the lead is printed right under the title: a caption above it leaves the sections
    # (they follow the page's order after the lead), as metadata of the head
    for i in range(0 if title is None else title + 1, body[0]):
        if out[i].label is Label.CAPTION:
            out[i] = Classified(out[i].block, Verdict(Label.METADATA, CAPTION_ABOVE_LEAD))
    return out
