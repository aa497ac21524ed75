"""Settle each block: the article roles inside the core, a widget label outside it."""

from __future__ import annotations

import re

from ..models import Classified, Label, Verdict
from ..options import Options
from ..text.features import CLOSERS
from ..text.lexicon import vocabulary
from .bios import author_bio, company_note
from .firstpass import Line, Prose, text_size
from .metalines import BYLINE_REASON, DATE_LINE_REASON, METADATA_MAX_WORDS
from .rules import is_list_entry
from .tails import LINK_TAIL_REASON, linked_headline
from .title import find_title
from .zones import Zone

# A dropped paragraph inside what trafilatura kept is taken back when it has few links.
GAP_MAX_LINK_DENSITY = 0.2
LEFT_OUT = "left out by trafilatura, which kept the article around it"
# An <h2>…<h6> that long is a paragraph dressed as a heading.
HEADING_WORDS = 14
# A line of INTERTITLE_MIN_WORDS to HEADING_WORDS words, no digit and no closing stop, in one
# of these elements, between two paragraphs trafilatura kept, is an intertitle it dropped
# (see _framed_intertitle). (Dev: sh html +0.0005, 2 pages of 2 en sites, questions set as
# intertitles and a name under a quote; te html unchanged, 3 pages of 3 sites change in
# neutral lines; dumps unchanged, they have no kept blocks. Any tag, 2 words and more:
# sh +0.0006 but te -0.0003, a date line and labels such as "Social Share" and
# <figcaption>s came in; 3 words: the same figures, but "Partager l'article" is 3.)
INTERTITLE_TAGS = frozenset({"div", "p"})
INTERTITLE_MIN_WORDS = 4
# A numeric date or a clock time: "4. 2. 2022", "01.01.23", "08:35".
_CLOCK_OR_DATE = re.compile(r"\b\d{1,2}[.:/] ?\d{1,2}\b")
CAPTION_ABOVE_LEAD = "photo caption above the lead"
# A lead is no caption, list entry or table cell.
STANDFIRST_NOT_TAGS = frozenset({"figcaption", "li", "td", "th", "caption"})
# A data table's cells ("DL", "63", "85%") are the article's when trafilatura kept them.
TABLE_CELLS = frozenset({"td", "th"})
# An attribution line under a quote is short: "Name, function, date".
ATTRIBUTION_MAX_WORDS = 30
# A line of a byline block (the author's role, the outlet) between its byline and its
# date is this short.
BYLINE_BLOCK_MAX_WORDS = 8


def settle(
    lines: list[Line],
    zones: list[Zone | None],
    core: tuple[int, int] | None,
    options: Options,
    title_hint: str | None = None,
    trusted: bool = False,
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
        elif trusted and line.block.kept and zone is None and _overridable(line.rule):
            verdict = _role(lines, zones, i, end, prev_role, options)
            out.append(Classified(line.block, verdict))
            prev_role = verdict.label
        elif i > end and zone is None and line.rule is None and _closing_link(line):
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
            and not _gap_prose(lines, i, kept_span)
            and not _standfirst(lines, zones, i, title)
            and line.block.tag != "figcaption"  # a photo's caption: its role, below
        ):
            out.append(Classified(line.block, Verdict(Label.BOILERPLATE, LEFT_OUT)))
        else:
            verdict = _role(lines, zones, i, end, prev_role, options)
            out.append(Classified(line.block, verdict))
            prev_role = verdict.label
    return _mark_lead(out, options)


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


def _in_byline_block(lines: list[Line], i: int) -> bool:
    """A short line with no rule of its own, that is no sentence, between a byline above it
    and a date line under it: the author's role or outlet ("Sahel Info - Correspondante à
    Agadez", "Staff writer")."""
    line = lines[i]
    f = line.f
    if line.rule is not None or f.ends_sentence or f.n_words > BYLINE_BLOCK_MAX_WORDS:
        return False
    if not 0 < i < len(lines) - 1:
        return False
    above, below = lines[i - 1].rule, lines[i + 1].rule
    return (
        above is not None
        and above.reason == BYLINE_REASON
        and below is not None
        and below.label is Label.METADATA
    )


def _role(
    lines: list[Line],
    zones: list[Zone | None],
    i: int,
    end: int,
    prev_role: Label | None,
    options: Options,
) -> Verdict:
    """The article role of block i inside the core."""
    f = lines[i].f
    prev = lines[i - 1].f if i > 0 else None
    if author_bio(lines, zones, i, end):
        return Verdict(Label.METADATA, "the author's bio under the article")
    if company_note(lines, zones, i, end):
        return Verdict(Label.METADATA, "the company's note closing a press release")
    if _in_byline_block(lines, i):
        return Verdict(Label.METADATA, "line of the byline block, between two of its lines")
    markup = _markup_role(lines[i])
    if markup is not None:
        return markup
    if f.quoted:
        return Verdict(Label.QUOTE, "quotation in quote marks")
    if prev_role is Label.QUOTE and f.n_words <= ATTRIBUTION_MAX_WORDS and not f.ends_sentence:
        return Verdict(Label.ATTRIBUTION, "short line under a quotation")
    # "… les mesures suivantes :" opens a list of the article; "Share this:" does not.
    after_colon = prev is not None and prev.ends_colon and prev_role is not None
    in_list = after_colon or prev_role is Label.LIST_ITEM
    if in_list and lines[i].prose is not Prose.GOOD and (after_colon or not f.ends_colon):
        return Verdict(Label.LIST_ITEM, "entry of a list introduced by a colon")
    if lines[i].prose in (Prose.GOOD, Prose.NEAR):
        if _is_heading(lines, zones, i, end, options):
            return Verdict(Label.HEADING, "short line without full stop before a paragraph")
        return Verdict(Label.PARAGRAPH, f"{lines[i].prose.value} prose inside the article")
    if _is_heading(lines, zones, i, end, options):
        return Verdict(Label.HEADING, "short line without full stop before a paragraph")
    if f.ends_sentence and text_size(f) >= 2:
        return Verdict(Label.PARAGRAPH, "short sentence inside the article")
    if lines[i].block.kept and text_size(f) >= 2:
        return Verdict(Label.PARAGRAPH, "short line that trafilatura kept in the article")
    if lines[i].block.kept and lines[i].block.tag in TABLE_CELLS:
        return Verdict(Label.PARAGRAPH, "table cell that trafilatura kept in the article")
    return Verdict(Label.BOILERPLATE, "short line inside the article, neither heading nor sentence")


def _closing_link(line: Line) -> bool:
    """A headline trafilatura kept after the article's end: a teaser (see tails.link_tail)."""
    return bool(line.block.kept) and linked_headline(line)


def _overridable(rule: Verdict | None) -> bool:
    """Rules that a block trafilatura kept outweighs: a date or a label in the text.

    Bylines, reading times and credits stay metadata, even when trafilatura kept them.
    """
    if rule is None:
        return False
    return rule.label is Label.NAVIGATION or (
        rule.label is Label.METADATA and rule.reason == DATE_LINE_REASON
    )


def _gap_prose(lines: list[Line], i: int, kept_span: tuple[int, int]) -> bool:
    """A paragraph trafilatura dropped between two it kept: a gap in its extraction."""
    line = lines[i]
    if not kept_span[0] < i < kept_span[1]:
        return False
    if line.block.tag in ("h2", "h3", "h4") and line.f.n_words <= HEADING_WORDS:
        # an intertitle between kept paragraphs introduces one; a heading over text
        # trafilatura dropped ("Further information", "Tags", an embed's notice) is a widget's
        return bool(lines[i + 1].block.kept)
    if line.block.link_density >= GAP_MAX_LINK_DENSITY:
        return False
    if _framed_intertitle(lines, i):
        return True
    if line.prose not in (Prose.GOOD, Prose.NEAR):
        return False
    return line.block.tag == "p" and (line.prose is Prose.GOOD or line.f.ends_sentence)


def _standfirst(lines: list[Line], zones: list[Zone | None], i: int, title: int | None) -> bool:
    """The paragraph right under the title (bylines and dates aside) that trafilatura left
    out, before the first block it kept: the article's lead, whatever its element.

    (Dev: te html +0.0008, 12 pages of 12 sites in de, en, es and pt gain their lead; sh
    html -0.0005 on 4 pages whose gold body leaves the standfirst out, as sh's gold does.
    The brief counts the lead in the article. Without the byline test, two German
    bylines with a date and a full stop came in.)
    """
    if title is None or not title < i or zones[i] is not None or lines[i].rule is not None:
        return False
    line = lines[i]
    if line.block.tag in STANDFIRST_NOT_TAGS or line.block.link_density >= GAP_MAX_LINK_DENSITY:
        return False
    f = line.f
    if not (line.prose is Prose.GOOD or (line.prose is Prose.NEAR and f.ends_sentence)):
        return False
    if f.folded.startswith(vocabulary().byline) and (
        f.n_words <= METADATA_MAX_WORDS or _CLOCK_OR_DATE.search(f.text)
    ):
        return False  # "Von X 4. 2. 2022.", "von X Erstellt am 01.01.23 um 08:35": a byline
    between = lines[title + 1 : i]
    if any(ln.block.kept for ln in between):
        return False
    return all(ln.rule is not None and ln.rule.label is Label.METADATA for ln in between)


def _framed_intertitle(lines: list[Line], i: int) -> bool:
    """A short line in a <div> or <p> between two paragraphs trafilatura kept: an intertitle.

    Some sites set their intertitles in a styled <div> ("Who pays the cost of a tariff?"),
    which trafilatura drops while it keeps the paragraphs around it. Not a date line, a
    label of a few words ("Social Share", "Partager l'article") or a <figcaption>.
    """
    line = lines[i]
    f = line.f
    if line.block.tag not in INTERTITLE_TAGS or line.rule is not None:
        return False
    if not INTERTITLE_MIN_WORDS <= f.n_words <= HEADING_WORDS or not f.starts_upper:
        return False
    if any(c.isdigit() for c in f.text) or f.text.rstrip(CLOSERS).endswith((".", ",", ";", ":")):
        return False
    return all(
        ln.block.kept and ln.prose is Prose.GOOD and ln.rule is None
        for ln in (lines[i - 1], lines[i + 1])
    )


def _markup_role(line: Line) -> Verdict | None:
    """HTML says it: <h2> is an intertitle, <blockquote> a quote, <figcaption> a caption."""
    tag = line.block.tag
    if tag is None or line.f.n_words == 0:
        return None
    if tag in ("h2", "h3", "h4", "h5", "h6") and line.f.n_words <= 2 * HEADING_WORDS:
        if line.prose is Prose.GOOD and line.f.text.rstrip(CLOSERS).endswith("."):
            return None  # prose ending on a full stop: a standfirst set in an <h2>
        return Verdict(Label.HEADING, f"<{tag}> inside the article")
    if tag == "blockquote":
        return Verdict(Label.QUOTE, "<blockquote> inside the article")
    # a photo's <figcaption> only: a table's <caption> is the title of its content (slide
    # shows print their text there), judged as any other line. A caption trafilatura kept
    # is judged as any line too: a video page's description sits in a caption box.
    # (Dev, with captions found by their box's class: te html +0.0015, sh html -0.0002.)
    if tag == "figcaption" and not line.block.kept:
        return Verdict(Label.CAPTION, f"<{tag}> inside the article")
    if tag in ("li", "dd", "dt"):
        return Verdict(Label.LIST_ITEM, f"<{tag}> inside the article")
    return None


def _is_heading(
    lines: list[Line], zones: list[Zone | None], i: int, end: int, options: Options
) -> bool:
    """An intertitle: short, no full stop, and followed by article prose.

    A label ending with a colon counts when a whole paragraph follows it (a run-in
    heading, "Private solar panels:"); over short lines it introduces a list.
    """
    f = lines[i].f
    if f.n_words == 0 or f.n_words > options.heading_max_words:
        return False
    if f.ends_colon:  # a run-in heading ("Private solar panels:") over a whole paragraph
        nxt = i + 1
        return (
            nxt <= end
            and zones[nxt] is None
            and lines[nxt].rule is None
            and lines[nxt].prose is Prose.GOOD
            and f.starts_upper
        )
    if f.text.rstrip(CLOSERS).endswith((".", "…", ",", ";", "。", "，", "；")):
        return False
    if not (f.starts_upper or f.text[:1].isdigit()):
        return False
    nxt = i + 1
    if nxt > end or zones[nxt] is not None or lines[nxt].rule is not None:
        return False
    return lines[nxt].prose is Prose.GOOD or (
        lines[nxt].prose is Prose.NEAR and lines[nxt].f.ends_sentence
    )


def _mark_lead(out: list[Classified], options: Options) -> list[Classified]:
    """The first paragraph under the title is the lead when it reads like a standfirst."""
    # a photo's caption between the title and the text is neither (it stays in the sections)
    kept = [i for i, c in enumerate(out) if c.label.is_article and c.label is not Label.CAPTION]
    if not kept or out[kept[0]].label is not Label.TITLE or len(kept) < 3:
        return out
    first, second = out[kept[1]], out[kept[2]]
    if first.label is not Label.PARAGRAPH or second.label not in (Label.PARAGRAPH, Label.HEADING):
        return out
    byline = any(c.label is Label.METADATA for c in out[kept[1] + 1 : kept[2]])
    limit = options.lead_max_chars_with_byline if byline else options.lead_max_chars
    size = len(first.block.text)
    if size > limit or (not byline and size >= len(second.block.text)):
        return out
    out[kept[1]] = Classified(
        first.block, Verdict(Label.LEAD, "short first paragraph under the title")
    )
    # the lead is printed right under the title: a caption above it leaves the sections
    # (they follow the page's order after the lead), as metadata of the head
    for i in range(kept[0] + 1, kept[1]):
        if out[i].label is Label.CAPTION:
            out[i] = Classified(out[i].block, Verdict(Label.METADATA, CAPTION_ABOVE_LEAD))
    return out
