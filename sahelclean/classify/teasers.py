"""A rail of teasers with no heading, which the article core runs into at its end (dumps).

After the article, many pages list other articles: a headline, perhaps a kicker, a byline
or a date, and a one- or two-sentence summary, entry after entry, often with no heading
over them. Each summary is prose, so the core runs on into them. An article puts an
intertitle over several paragraphs now and then; a teaser rail puts a headline over every
single short paragraph. A live blog puts a time over each paragraph, not a headline, and
stays whole.
"""

from __future__ import annotations

import re

from ..text.features import CLOSERS, starts_upper
from .firstpass import Line, Prose
from .rails import headline_like
from .zones import Zone

# Entries of this shape at the end of the core make a rail: fewer are an article's last
# intertitled sections. (Dev, on dumps only: te innertext +0.0009, te gettext +0.0006, sh
# gettext +0.0003, sh innertext and te-fr unchanged; 4 pages of 4 sites gain, de, es and
# en, none loses. 2 entries: te gettext +0.0012 but sh gettext -0.0009, links split
# out of paragraphs taken for headlines.)
TEASER_TAIL_MIN_ENTRIES = 3
# Entries of a bare intertitle over one paragraph each, that go on straight from the
# article's running text (no heading, kicker, byline or date between or over them), are
# the article's own short sections: an explainer's "Qui commandera la force ?", "How will
# it be funded?". The dev rails that are cut all have something more: a heading before
# the rail ("Latest news"), or a kicker, a byline or a date over each entry. (Dev: the
# JSON is byte-identical on all 1,989 inputs; the nine cuts on dev stay.)
# A teaser's summary is this short; on a dump that sets paragraphs apart, a summary that
# is not set apart (a <div> of a card) is one whatever its length. (400: te innertext
# +0.0014 but te gettext -0.0002. Entries before three short ones joined with summaries
# up to 600: a rail of longer summaries cut, an article's last section too, no gain.)
TEASER_TAIL_MAX_CHARS = 300
# An entry's lines above its summary: headline, kicker, byline, date; more is a widget.
TEASER_TAIL_MAX_HEAD_LINES = 4
# Prose that ends a headline-like line's run: a sentence, or a line this long.
SUMMARY_MIN_WORDS = 26
# A rank or a score is this short: "#3", "8.5/10"; a date ("18.10.2019") is longer.
RANK_MAX_CHARS = 6
_RANK_START = frozenset("#0123456789")
_LETTER = re.compile(r"[^\W\d_]")
# A clock time alone on its line: "14:32", "14h32", "2:32 pm", "10.45 Uhr".
_TIME = re.compile(r"\d{1,2}[:h.]\d{2}(?:\s*(?:[ap]\.?m\.?|h|uhr|gmt|utc|[ecmp][sd]?t))?", re.I)
_OPENERS = "\"'«“‘„¿¡([ "


def _summary(line: Line, zone: Zone | None) -> bool:
    """A paragraph: a sentence of prose (or a long line), outside every widget."""
    if zone is not None or line.rule is not None or line.prose not in (Prose.GOOD, Prose.NEAR):
        return False
    f = line.f
    return f.n_words >= SUMMARY_MIN_WORDS or (
        f.ends_sentence and f.text.rstrip(CLOSERS).endswith((".", "!", "?", "…"))
    )


def _teaser(line: Line, spacing: bool) -> bool:
    """A paragraph short enough to be a teaser's summary, or a card's on a spaced dump.

    It starts with a capital: a line that starts in lower case goes on from a link or a
    caption above it, inside a paragraph split apart (a getText dump).
    """
    short = line.f.n_chars <= TEASER_TAIL_MAX_CHARS or (spacing and not line.block.spaced)
    return short and _capital(line.f.text)


def _head(line: Line) -> bool:
    """A teaser's headline: headline-like, with a capital, and no rank, step or score.

    "5. Kristi Dosh", "Stufe 2", "Review 8/10" head the article's own list; "– Name"
    signs a quote.
    """
    text = line.f.text
    if not headline_like(line) or not _capital(text) or text[:1].isdigit():
        return False
    return not text.rstrip(" .)")[-1:].isdigit()


# An entry with a date among its head lines is a teaser whatever its summary's length: a
# list of columns prints headline, author and date over a long first paragraph; an article
# does not date its sections. (Dev: sh innertext +0.0028, sh gettext +0.0035, te and HTML
# unchanged; 3 pages of 2 sites gain, en, none loses. A live blog's clock times stay ranks.)
def _dated(above: list[Line]) -> bool:
    """A date line among an entry's head lines: a teaser's summary, whatever its length."""
    return any(ln.f.has_date and not ln.f.ends_sentence for ln in above)


def _rank(line: Line) -> bool:
    """A rank, a step, a score or a time on a line of its own ("3", "8/10", "19:30").

    A list of the article's own, or a live blog's entries: not a rail of teasers.
    """
    text = line.f.text.strip()
    if _TIME.fullmatch(text):
        return True
    return len(text) <= RANK_MAX_CHARS and text[:1] in _RANK_START and not _LETTER.search(text)


def _capital(text: str) -> bool:
    """The first letter after opening quotes is a capital (or of a script without case)."""
    return starts_upper(text.lstrip(_OPENERS)[:1])


def _in_prose_run(
    lines: list[Line], zones: list[Zone | None], i: int, s: int, spacing: bool
) -> bool:
    """Line i is a paragraph of the article's running text: too long for a teaser's
    summary, or right under another paragraph (not a summary under a rail's heading)."""
    return not _teaser(lines[i], spacing) or (i > s and _summary(lines[i - 1], zones[i - 1]))


def teaser_tail(
    lines: list[Line], zones: list[Zone | None], s: int, e: int, spacing: bool
) -> int | None:
    """The core's new end, before a rail of teasers that ends it; None if there is none.

    Walking back from the core's end, each entry is a short paragraph with a headline
    among the few lines above it; the rail starts where an entry breaks that shape.
    """
    i = e
    while i >= s and not _summary(lines[i], zones[i]):
        i -= 1
    entries, first, bare = 0, e, True
    while i >= s:
        j = i - 1
        while j >= s and not _summary(lines[j], zones[j]):
            j -= 1
        above = lines[j + 1 : i]
        if not above or len(above) > TEASER_TAIL_MAX_HEAD_LINES:
            break
        if not (_teaser(lines[i], spacing) or _dated(above)):
            break
        heads = [k for k, ln in enumerate(above, j + 1) if _head(ln)]
        if not heads or any(_rank(ln) for ln in above):
            break
        entries, first, i = entries + 1, heads[0], j
        bare = bare and len(above) == 1
    if entries < TEASER_TAIL_MIN_ENTRIES or i < s:
        return None
    if bare and first == i + 1 and _in_prose_run(lines, zones, i, s, spacing):
        return None  # the article's own short sections: an explainer's questions (see above)
    # the lines between the article and the first headline: a kicker, tags, a share bar
    # go with the rail; a closing line of the article ("Bis morgen.") stays
    end = first - 1
    while end > i and (zones[end] is not None or lines[end].rule or lines[end].prose is Prose.BAD):
        end -= 1
    return end
