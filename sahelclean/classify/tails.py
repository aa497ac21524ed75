"""Where the article ends: the widget that closes it.

cut_tail ends the core at the first closing widget ("Related", comments, a sign-up box)
once most of its prose is behind, unless it is a box of a few headlines inside the text
that the article's prose follows; before_tail_rail does the same on HTML for what
trafilatura kept past such a rail, and link_tail for a run of linked headlines closing
what it kept. The rail of teasers with no heading is teasers.py's.
"""

from __future__ import annotations

from ..models import Label
from ..text.features import CLOSERS
from ..text.lexicon import vocabulary
from .firstpass import Line, Prose
from .rails import RAIL_ITEM_MAX_WORDS
from .runs import MIN_CORE_CHARS
from .switches import switched_off
from .zones import Zone, comment_evidence

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
# An "À lire aussi" box of at most INLINE_BOX_MAX_ENTRIES teasers inside the article,
# before its last paragraphs, does not end it: on HTML when all trafilatura kept past the
# box is the article's prose, on a dump when all the core holds past it is (paragraphs
# of sentences outside every widget, with no rule against them, at most
# RESUME_MAX_LINK_DENSITY of their text in links). A related box only, under a teaser
# lead-in ("À lire aussi", "Read more:"; not the site's "Les plus lus" over a teaser's
# summary), and each line under it a headline of INLINE_BOX_MIN_WORDS words or more that
# is no sentence: a byline ("Autor*In"), a comment form or a comment's name and date over
# its text would look the same. (Dev: te innertext +0.0004, sh gettext +0.0003, all else unchanged;
# the last paragraphs of 3 articles of 3 sites, en and es, come back, nothing else
# changes. Without the headline test: 4 more pages, all worse (a bio, a comment, a
# comment form, an age check). With no cap on the entries, one HTML page keeps a comment
# disclaimer after a rail of ten videos.)
INLINE_BOX_MAX_ENTRIES = 5
INLINE_BOX_MIN_WORDS = 4
RESUME_MAX_LINK_DENSITY = 0.2
# ... and so do these lines: a sign-up box, a paywall, the page footer, a comment's author.
# On a dump, a comments heading over real comments ends it whatever the share (see
# cut_tail; dev: sh innertext +0.0021, sh gettext +0.0019, one page whose thread outweighed
# its article; te unchanged; on HTML too: sh/html -0.0009, trafilatura's choice of that
# page set aside).
TAIL_RULES = frozenset({Label.NEWSLETTER, Label.PAYWALL, Label.FOOTER, Label.COMMENTS})


def before_tail_rail(lines: list[Line], zones: list[Zone | None], core_end: int, end: int) -> int:
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
        if _inline_box(lines, zone) and _resumes(lines, zones, zone.end + 1, end, kept=True):
            continue  # the article's last paragraphs follow the box
        return max([core_end, *(i for i in range(core_end, b) if lines[i].block.kept)])
    return end


def _inline_box(lines: list[Line], zone: Zone) -> bool:
    """A box of a few teasers, as articles hold between paragraphs: under a teaser lead-in
    ("À lire aussi", "Read more:", "Lee también..."), each line a headline of other news."""
    if zone.label is not Label.RELATED or zone.end - zone.start > INLINE_BOX_MAX_ENTRIES:
        return False
    if switched_off("inline_box"):
        return False
    if vocabulary().lead_in.match(lines[zone.start].f.folded) is None:
        return False  # "Les plus lus", "Latest news": the site's rails, not the article's box
    return zone.end > zone.start and all(
        _box_headline(ln) for ln in lines[zone.start + 1 : zone.end + 1]
    )


def _box_in_text(lines: list[Line], zones: list[Zone | None], i: int, e: int) -> bool:
    """Line i opens an inline box after which the article's prose runs on to line e."""
    zone = zones[i]
    return (
        zone is not None
        and zone.start == i
        and _inline_box(lines, zone)
        and _resumes(lines, zones, zone.end + 1, e)
    )


def _box_headline(line: Line) -> bool:
    """A teaser's headline: a few words, no sentence, no colon at the end ("Autor*In",
    "Please enter your comment!", "Viele Grüße" are a byline, a form, a comment's end)."""
    f = line.f
    if not INLINE_BOX_MIN_WORDS <= f.n_words <= RAIL_ITEM_MAX_WORDS or f.ends_colon:
        return False
    return not f.text.rstrip(CLOSERS).endswith((".", "!", "?", "…"))


def _resumes(
    lines: list[Line], zones: list[Zone | None], start: int, end: int, kept: bool = False
) -> bool:
    """Lines start to end (with `kept`, those trafilatura kept) are the article's prose:
    paragraphs of sentences, outside every widget, with no rule and few links."""
    span = [i for i in range(start, end + 1) if lines[i].block.kept or not kept]
    return bool(span) and all(
        zones[i] is None
        and lines[i].rule is None
        and lines[i].prose is Prose.GOOD
        and lines[i].f.ends_sentence
        and lines[i].block.link_density <= RESUME_MAX_LINK_DENSITY
        for i in span
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
        closes = opens or (rule is not None and rule.label in TAIL_RULES)
        if closes and seen >= TAIL_SHARE * total and not _box_in_text(lines, zones, i, e):
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


# HTML: a run of at least LINK_TAIL_MIN_LINES lines, each at least LINK_LINE_DENSITY in a
# link (a linked headline), that ends what trafilatura kept is a list of other articles it
# took for the article's end ("Auch auf gofeminin.de", "Weitere Beiträge aus der Kolumne:",
# "Lue aiheesta lisää:", "Editors' Recommendations:"), with the short line over it. An
# article does not end on two headlines pointing elsewhere; a reference list prints its
# addresses ("1 https://…") and stays. (Dev: te html +0.0010, sh html +0.0002, 6 pages of
# 6 sites gain, de, en and fi; one te `with` snippet lost, a teaser the gold keeps; the
# dumps unchanged, they have no links. 3 lines or a density of 0.7: the same figures.)
LINK_TAIL_MIN_LINES = 2
LINK_LINE_DENSITY = 0.9
# The line over the run is its heading when it is this short and no sentence.
LINK_TAIL_HEAD_WORDS = 8
LINK_TAIL_REASON = "a linked headline closing the article: a list of other articles"


def link_tail(lines: list[Line], s: int, e: int) -> int:
    """The core's new end, before a closing run of linked headlines; e if there is none."""
    i = e
    while i > s and linked_headline(lines[i]):
        i -= 1
    if e - i < LINK_TAIL_MIN_LINES or i <= s:
        return e
    head = lines[i].f
    if head.n_words <= LINK_TAIL_HEAD_WORDS and not head.ends_sentence:
        i -= 1  # the list's heading
    prose = sum(ln.f.n_chars for ln in lines[s : i + 1] if ln.prose is Prose.GOOD)
    return i if prose >= MIN_CORE_CHARS else e


def linked_headline(line: Line) -> bool:
    """A line that is all link, of words and no address: a headline pointing elsewhere."""
    f = line.f
    return line.block.link_density >= LINK_LINE_DENSITY and f.n_words >= 2 and "://" not in f.text
