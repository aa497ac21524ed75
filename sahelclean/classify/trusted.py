"""Where trafilatura's choice stands: which of the lines it kept outweigh a rule, and which
of those it left out between them are article all the same (a paragraph in a gap of its
extraction, an intertitle set in a <div>, the standfirst under the title).

roles.py settles every block and asks here only when trafilatura's choice is trusted;
apart from it because these tests read trafilatura's marks, not the block's role.
"""

from __future__ import annotations

import re

from ..models import Label, Verdict
from ..text.features import CLOSERS
from ..text.lexicon import vocabulary
from .coreroles import HEADING_WORDS
from .firstpass import Line, Prose
from .metalines import DATE_LINE_REASON, METADATA_MAX_WORDS
from .switches import switched_off
from .zones import Zone

# A dropped paragraph inside what trafilatura kept is taken back when it has few links.
GAP_MAX_LINK_DENSITY = 0.2
LEFT_OUT = "left out by trafilatura, which kept the article around it"
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
# A lead is no caption, list entry or table cell.
STANDFIRST_NOT_TAGS = frozenset({"figcaption", "li", "td", "th", "caption"})


def overridable(rule: Verdict | None) -> bool:
    """Rules that a block trafilatura kept outweighs: a date or a label in the text.

    Bylines, reading times and credits stay metadata, even when trafilatura kept them.
    """
    if rule is None:
        return False
    return rule.label is Label.NAVIGATION or (
        rule.label is Label.METADATA and rule.reason == DATE_LINE_REASON
    )


def gap_prose(lines: list[Line], i: int, kept_span: tuple[int, int]) -> bool:
    """A paragraph trafilatura dropped between two it kept: a gap in its extraction."""
    line = lines[i]
    if not kept_span[0] < i < kept_span[1] or switched_off("gap_prose"):
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


def standfirst(lines: list[Line], zones: list[Zone | None], i: int, title: int | None) -> bool:
    """The paragraph right under the title (bylines and dates aside) that trafilatura left
    out, before the first block it kept: the article's lead, whatever its element.

    (Dev: te html +0.0008, 12 pages of 12 sites in de, en, es and pt gain their lead; sh
    html -0.0005 on 4 pages whose gold body leaves the standfirst out, as sh's gold does.
    The brief counts the lead in the article. Without the byline test, two German
    bylines with a date and a full stop came in.)
    """
    if title is None or not title < i or zones[i] is not None or lines[i].rule is not None:
        return False
    if switched_off("standfirst"):
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
    if switched_off("framed_intertitle"):
        return False
    if any(c.isdigit() for c in f.text) or f.text.rstrip(CLOSERS).endswith((".", ",", ";", ":")):
        return False
    return all(
        ln.block.kept and ln.prose is Prose.GOOD and ln.rule is None
        for ln in (lines[i - 1], lines[i + 1])
    )
