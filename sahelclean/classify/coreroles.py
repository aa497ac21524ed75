"""The role of a block inside the article core: intertitle, quote and its attribution, list
item, paragraph, a line of the byline block, the author's bio (bios.py).

roles.py settles every block: where a block stands (outside the core, in a zone, left out
by trafilatura) decides whether it is article at all. This module, apart from it, decides
only what an article block is, from its markup, its punctuation, the role of the line
above and the prose under it.
"""

from __future__ import annotations

from ..models import Label, Verdict
from ..options import Options
from ..text.features import CLOSERS
from .bios import author_bio
from .firstpass import Line, Prose, text_size
from .metalines import BYLINE_REASON
from .switches import switched_off
from .zones import Zone

# An <h2>…<h6> that long is a paragraph dressed as a heading.
HEADING_WORDS = 14
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# A data table's cells ("DL", "63", "85%") are the article's when trafilatura kept them.
TABLE_CELLS = frozenset({"td", "th"})
# A line of the article that ends with a colon introduces what follows ("Les cinq élus
# sont :", "The new members are:"): a paragraph, with at least this many words ("Code :",
# "Search for:" are a form's labels).
INTRO_MIN_WORDS = 3
# An attribution line under a quote is short: "Name, function, date".
ATTRIBUTION_MAX_WORDS = 30
# A line of a byline block (the author's role, the outlet) between its byline and its
# date is this short.
BYLINE_BLOCK_MAX_WORDS = 8


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


def role_in_core(
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
    if author_bio(lines, zones, i, end) and not switched_off("author_bio"):
        return Verdict(Label.METADATA, "the author's bio under the article")
    if _in_byline_block(lines, i) and not switched_off("byline_block"):
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
    if f.ends_colon and i < end and (text_size(f) >= INTRO_MIN_WORDS or _run_in(lines, zones, i)):
        return Verdict(Label.PARAGRAPH, "line that introduces what follows (ends with a colon)")
    return Verdict(Label.BOILERPLATE, "short line inside the article, neither heading nor sentence")


def _markup_role(line: Line) -> Verdict | None:
    """HTML says it: <h2> is an intertitle, <blockquote> a quote, <figcaption> a caption."""
    tag = line.block.tag
    if tag is None or line.f.n_words == 0:
        return None
    if tag in HEADING_TAGS and line.f.n_words <= 2 * HEADING_WORDS:
        if line.f.ends_colon:  # "Les avantages :", "What you need:" over a list or a quote
            return Verdict(Label.PARAGRAPH, f"<{tag}> ending with a colon: it opens what follows")
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


def _run_in(lines: list[Line], zones: list[Zone | None], i: int) -> bool:
    """A label with a colon over a whole paragraph of the article ("Solar panels:")."""
    nxt = i + 1
    return (
        lines[i].f.starts_upper
        and zones[nxt] is None
        and lines[nxt].rule is None
        and lines[nxt].prose is Prose.GOOD
    )


def _is_heading(
    lines: list[Line], zones: list[Zone | None], i: int, end: int, options: Options
) -> bool:
    """A dump's intertitle: short, no full stop, and followed by article prose (HTML marks
    its own with <h2>…<h6>: on HTML, dev fu showed 14 right and 46 wrong lines found so).

    A line ending with a colon is none: it opens what follows, a list, a quote or a
    paragraph (on dev fu dumps, 0 of 8 such lines taken for intertitles were; with them
    as paragraphs, intertitle F1 +0.016 innertext and +0.025 gettext on folds 2+3).
    """
    f = lines[i].f
    if f.n_words == 0 or f.n_words > options.heading_max_words:
        return False
    if lines[i].block.tag is not None:
        return False  # HTML: its intertitles are its <h2>…<h6> (_markup_role)
    if f.ends_colon:  # it opens what follows: a list, a quote, a paragraph (role_in_core)
        return False
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
