"""Widget zones: a heading opens one, and it runs until article prose comes back.

Two kinds of zones: those opened by a known widget heading ("À regarder", "Comments"),
and those found by shape alone (a rail of headline-like lines, a menu of one-word lines).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Label, Verdict
from ..options import Options
from ..text.features import CLOSERS
from ..text.lexicon import vocabulary
from .firstpass import Line, Prose, is_repeat, keeps_spacing
from .metalines import RELATIVE_TIME_REASON
from .widgetlines import CONSENT_WORDS

# Rails and comment blocks hold headlines and prose; every other widget (menus, share
# bars, footers, newsletter and cookie boxes, paywalls) holds only labels and buttons.
_LISTS = frozenset({Label.RELATED, Label.COMMENTS})
# A comment block after the article holds real prose; it runs to the next widget.
# Evidence that a "Comments" heading opens real comments: one of these within a few lines.
COMMENT_EVIDENCE_WINDOW = 6
# With such evidence, the thread under the heading ("Commentaires", "3 thoughts on “…”")
# is comments even where trafilatura kept it (its issue #850), and the heading is the
# widget's: a forum whose markup names no comment (SPIP's "Répondre à ce message" under
# each message, lefaso.net). (Dev: te html +0.0003, a pl and a de page lose a thread's
# lines; all else unchanged.)
# ... but only after this many characters of article prose: a get_text() dump prints the
# hidden comment form ("Comment", "(required)", "Submit", a login prompt) above the article,
# where no thread has begun. (Dev: sh gettext +0.0065, no other figure moves; 3 pages
# change: a nypost.com and a mspoweruser.com page whose whole article sat in the form's
# zone go from 0 to 1.000 and 0.527, another nypost.com page -0.029. Thresholds of 1 and
# 600 characters: +0.0068 and +0.0054 with the dense-dump joining of segment.py.)
COMMENTS_MIN_PROSE_BEFORE = 200
# A teaser lead-in that ends on a colon or a bar ("Lire aussi :", "Read more |") runs into
# its one link: in a get_text() dump the link falls on the next line, and only that line
# is the teaser; an intertitle after it is the article's. "À lire aussi" alone heads a box
# of several. (Dev: te gettext +0.0008, a DW page gets two intertitles back; all else
# unchanged. With "More:" too: sh -0.0002 to -0.0003 on every input, a box of three.)
RUN_IN_ENDS = (":", "|")
# ... a lead-in of two words or more: "More:" alone heads a box of headlines (sh).
RUN_IN_MIN_WORDS = 2
# Prose that ends a zone: a sentence of at least this many words (headlines are shorter
# or end without a full stop), or any block this long.
ZONE_END_MIN_WORDS = 10
ZONE_END_ANY_WORDS = 22
# A teaser rail: at least this many headline + summary pairs, summaries this short.
# (Entries with up to two author or date lines between headline and summary: dev sh
# innertext -0.0018, te innertext -0.0012; only when one of them is a date line: +0.0002,
# no other change.)
TEASER_MIN_PAIRS = 5
TEASER_SUMMARY_MAX_CHARS = 300
# A line trafilatura kept closes a zone unless it is mostly a link (a rail's entry).
KEPT_LINKS_MAX = 0.5
# Headline-like lines: a rail entry has 2 to 25 words and no full stop at its end.
RAIL_ITEM_MAX_WORDS = 25
# The full stops that end a sentence, not a headline: "." and "…", and the CJK "。" (a
# Chinese paragraph of 15 characters read as a rail entry; measured together with
# features.UNSPACED_CHARS_PER_WORD, see there).
FULL_STOPS = (".", "…", "。")
# A menu is a run of at least this many one-to-three-word lines.
MENU_MIN_ITEMS = 5
MENU_ITEM_MAX_WORDS = 3
# A run with this share of lines set apart as <p> is short paragraphs, not a rail.
SPACED_RUN_SHARE = 0.5
# Share of entries starting with a digit that makes a run a list, not a rail.
NUMBERED_SHARE = 0.6
# Share of entries ending with "!" or "?" that makes a run the article's short lines, not
# a rail: in a get_text() dump no blank line sets such lines apart as paragraphs (see
# SPACED_RUN_SHARE). (Dev: sh gettext +0.0019, te gettext +0.0022, te innertext +0.0008,
# no other figure moves; 5 sh gettext pages gain, none loses, jeongdongtheater.com 0.25
# -> 0.85; te gettext 5 de/en pages gain one to three `with` snippets, 2 de pages leak
# one `without`. Share 0.2: te gettext +0.0028 but sh innertext -0.0002; 0.3: +0.0019;
# 0.5: sh gettext +0.0011.)
EXCLAIMED_SHARE = 0.4
# HTML: a rail's zone runs over its teasers' summaries that trafilatura left out, up to
# this long ("Sur le même sujet" over headline, summary, headline, summary…). (Dev: sh
# html +0.0005, 4 pages lose teaser headlines and summaries, 2 te pages a teaser; all else
# unchanged.)
DROPPED_SUMMARY_MAX_CHARS = 300
# An unknown rail heading is short: "Nos choix", "Dans l'actualité du Sahel".
RAIL_HEADING_MAX_WORDS = 6
# HTML: headings that are links are teasers' headlines, intertitles are not links. A run of
# this many, with nothing but headings (their summaries) and short lines between, is a
# rail of teasers, whatever trafilatura kept of it. A paragraph of prose between two
# breaks the run: a shopping list or a ranking gives each linked heading its text.
LINKED_RAIL_MIN = 3
LINKED_MIN_DENSITY = 0.9
_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True, slots=True)
class Zone:
    """A run of blocks that belong to one widget."""

    start: int
    end: int  # inclusive
    label: Label
    heading: str | None
    reason: str


def find_zones(lines: list[Line], options: Options) -> list[Zone | None]:
    """The zone of each block, or None for blocks outside every zone."""
    zones: list[Zone | None] = [None] * len(lines)
    _heading_zones(lines, zones)
    _shape_zones(lines, zones, options)
    _teaser_zones(lines, zones)
    _linked_heading_rails(lines, zones)
    return zones


def ends_zone(line: Line) -> bool:
    """True when the block is article prose, which closes any open zone."""
    f = line.f
    if line.block.kept and line.rule is None and line.block.link_density < KEPT_LINKS_MAX:
        return True  # trafilatura kept it as article text, and it is not a link of a rail
    if (line.rule is not None and not is_repeat(line)) or line.prose is not Prose.GOOD:
        return False
    full_stop = f.ends_sentence and not f.text.rstrip(CLOSERS).endswith("?")
    return f.n_words >= ZONE_END_ANY_WORDS or (f.n_words >= ZONE_END_MIN_WORDS and full_stop)


def _heading_zones(lines: list[Line], zones: list[Zone | None]) -> None:
    """Open a zone at each widget heading and extend it while no prose comes back."""
    after = _prose_after(lines)
    before = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        opener = line.heading or _banner(line, before, after[i])
        if opener is None:
            before += line.f.n_chars if ends_zone(line) else 0
            i += 1
            continue
        label = opener.label
        evidence = label is Label.COMMENTS and comment_evidence(lines, i + 1)
        sticky = label is Label.COMMENTS and (
            before > after[i] or (before >= COMMENTS_MIN_PROSE_BEFORE and evidence)
        )
        counter = label is Label.COMMENTS and not sticky and line.block.tag is None
        thread = sticky and evidence  # see COMMENT_EVIDENCE_WINDOW
        j = i + 1
        stop = min(i + 2, len(lines)) if _run_in_teaser(line) else len(lines)
        while (
            j < stop
            and not _other_container(line, lines[j])
            and _continues(label, lines[j], sticky, counter, thread)
        ):
            j += 1
        heading = line.f.text if line.heading is not None or thread else None
        zone = Zone(i, j - 1, label, heading, opener.reason)
        for k in range(i, j):
            zones[k] = zone
        i = j


def _run_in_teaser(line: Line) -> bool:
    """A teaser lead-in cut off its link ("Lire aussi :", "Read more |"): one headline."""
    return (
        line.heading is not None
        and line.heading.label is Label.RELATED
        and line.f.text.rstrip().endswith(RUN_IN_ENDS)
        and len(line.f.key.split()) >= RUN_IN_MIN_WORDS
        and vocabulary().lead_in.match(line.f.folded) is not None
    )


def _continues(
    label: Label, line: Line, sticky: bool, counter: bool = False, thread: bool = False
) -> bool:
    """Whether a zone of `label` takes in the next block.

    `thread`: a comments heading with comment evidence under it (a reply button, a time
    line), whose thread trafilatura may keep when the markup does not name it.
    """
    if line.heading is not None:
        return False  # each heading opens its own widget
    if line.rule is not None and line.rule.label is Label.FOOTER and label is not Label.FOOTER:
        return False  # the page footer starts: "Mentions légales", "© 2024 …"
    if label is Label.COOKIE:  # a consent panel: every line speaks of cookies or choices
        return line.rule is not None or _cookieish(line)
    if sticky:
        if line.block.kept and line.rule is None and not thread:
            return False  # trafilatura, told to leave comments out, kept it: article
        return line.rule is None or line.rule.label is not Label.NAVIGATION
    if ends_zone(line) and not (label is Label.RELATED and _dropped_summary(line)):
        return False
    # In a text dump, a comments heading with no comment evidence after it and article
    # prose still to come is a counter ("953 Kommentare", "27 commentaires") or a link
    # to the thread: it takes in only widget lines, not the short lines of the article
    # after it. (Dev, innertext: sh +0.0040, te +0.0000; gettext: sh +0.0036, te
    # +0.0004. On HTML too: sh/html -0.0001; only headings with a count: no gain.)
    if label not in _LISTS or counter:
        return line.rule is not None or line.prose is Prose.BAD
    return True


def _dropped_summary(line: Line) -> bool:
    """HTML: a teaser's summary under its headline, which trafilatura left out: a sentence or
    two of at most DROPPED_SUMMARY_MAX_CHARS (a rail's entries, not the article resuming)."""
    return line.block.kept is False and line.f.n_chars <= DROPPED_SUMMARY_MAX_CHARS


def _other_container(opener: Line, line: Line) -> bool:
    """HTML: the line sits in another marked widget container than the zone's heading."""
    a, b = opener.block.widget, line.block.widget
    return a != 0 and b != 0 and a != b


def _banner(line: Line, before: int, after: int) -> Verdict | None:
    """A widget line that opens a zone without a heading.

    A cookie notice opens a consent panel, whose settings run on for many lines. A
    comment's author line or reply button after the bulk of the article opens the
    comment thread, which runs to the next widget.
    """
    if line.rule is None:
        return None
    if line.rule.label is Label.COOKIE:
        return line.rule
    if line.rule.label is Label.COMMENTS and before > after and line.f.n_words > 1:
        return line.rule  # an author line or a login prompt; a lone "Report" may be an embed's
    return None


def _cookieish(line: Line) -> bool:
    """A line of a consent panel: it names cookies, or consent, privacy, preferences."""
    return "cookie" in line.f.folded or CONSENT_WORDS.search(line.f.folded) is not None


def comment_evidence(lines: list[Line], start: int) -> bool:
    """A login prompt, a reply button or a time line soon after a comments heading."""
    for line in lines[start : start + COMMENT_EVIDENCE_WINDOW]:
        if line.rule is None:
            continue
        if line.rule.label is Label.COMMENTS or line.rule.reason == RELATIVE_TIME_REASON:
            return True  # bylines and dates are no evidence: every article has them
    return False


def _prose_after(lines: list[Line]) -> list[int]:
    """Characters of zone-ending prose after each block."""
    out = [0] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        out[i] = out[i + 1] + (lines[i].f.n_chars if ends_zone(lines[i]) else 0)
    return out[1:]


def headline_like(line: Line) -> bool:
    """A rail entry: a short title without a full stop and no widget verdict."""
    f = line.f
    if line.rule is not None or line.heading is not None or f.ends_colon or line.block.kept:
        return False  # (what trafilatura kept is no rail of links)
    if not 2 <= f.n_words <= RAIL_ITEM_MAX_WORDS:
        return False
    return not (f.ends_sentence and f.text.rstrip(CLOSERS).endswith(FULL_STOPS))


def _filler(line: Line) -> bool:
    """Lines that sit between rail entries: separators, dates, durations, labels."""
    f = line.f
    if line.rule is not None and line.rule.label in (Label.BOILERPLATE, Label.METADATA):
        return True
    if line.rule is not None and line.rule.label in (Label.AD, Label.NAVIGATION):
        return f.n_words <= 3
    return f.n_words <= 3 and (f.has_duration or f.has_count or f.has_date or f.is_separator)


def _shape_zones(lines: list[Line], zones: list[Zone | None], options: Options) -> None:
    """Rails of headline-like lines and menus of one-word lines, without a known heading."""
    spacing = keeps_spacing(lines)
    i = 0
    while i < len(lines):
        if zones[i] is not None:
            i += 1
            continue
        j, items, menu_items = i, 0, 0
        while j < len(lines) and zones[j] is None and not lines[j].block.kept:
            if headline_like(lines[j]):
                items += 1
            elif lines[j].f.n_words <= MENU_ITEM_MAX_WORDS and lines[j].prose is Prose.BAD:
                menu_items += 1
            elif not _filler(lines[j]):
                break
            j += 1
        if (
            items >= options.rail_min_items
            and items >= menu_items
            and not _numbered(lines[i:j])
            and not (spacing and _paragraphs(lines[i:j]))
            and not _exclaimed(lines[i:j])
        ):
            _mark_rail(lines, zones, i, j - 1, items)
        elif menu_items >= MENU_MIN_ITEMS and items < menu_items:
            zone = Zone(i, j - 1, Label.NAVIGATION, None, f"menu: {menu_items} short label lines")
            for k in range(i, j):
                zones[k] = zone
        i = max(j, i + 1)


def _paragraphs(run: list[Line]) -> bool:
    """Entries set apart as <p> in an innerText dump are short paragraphs, not rail links."""
    entries = [ln for ln in run if headline_like(ln)]
    return sum(1 for ln in entries if ln.block.spaced) >= SPACED_RUN_SHARE * len(entries)


def _exclaimed(run: list[Line]) -> bool:
    """Entries that often end with "!" or "?" are the article's short lines, not rail links.

    A blog post, a recipe or a Q&A sets short exclamations and questions on lines of their
    own ("Le marché est ouvert !", "Why now?"); a rail's headlines seldom end so.
    """
    entries = [ln for ln in run if headline_like(ln)]
    marked = sum(1 for ln in entries if ln.f.text.rstrip(CLOSERS).endswith(("!", "?")))
    return bool(entries) and marked >= EXCLAIMED_SHARE * len(entries)


def _numbered(run: list[Line]) -> bool:
    """Entries that mostly start with a number are the article's own list.

    Rankings ("1) …"), ingredients ("8 ripe pears"), tour dates and results tables are
    lists of the article; rails of links start with words.
    """
    entries = [ln for ln in run if headline_like(ln)]
    numbered = sum(1 for ln in entries if ln.f.text[:1].isdigit())
    return numbered >= NUMBERED_SHARE * len(entries)


def _mark_rail(lines: list[Line], zones: list[Zone | None], start: int, end: int, n: int) -> None:
    """Mark a headline run as a related rail, with the short line above it as heading."""
    prev = lines[start - 1] if start > 0 else None
    if prev is not None and prev.f.ends_colon:
        return  # "… les mesures suivantes :" introduces a list of the article
    # (A run whose own first line ends with a colon kept too: te innertext -0.0014.)
    heading = None
    first = lines[start]
    if (
        zones[start - 1 if start else 0] is None
        and prev is not None
        and prev.rule is None
        and 1 <= prev.f.n_words <= RAIL_HEADING_MAX_WORDS
        and not prev.f.ends_sentence
    ):
        heading, start = prev.f.text, start - 1
    elif first.f.n_words <= RAIL_HEADING_MAX_WORDS and not first.f.ends_sentence:
        heading = first.f.text
    zone = Zone(start, end, Label.RELATED, heading, f"rail shape: {n} headline-like lines in a row")
    for k in range(start, end + 1):
        zones[k] = zone


def _summary_like(line: Line) -> bool:
    """A teaser's summary: one or two sentences of prose, short."""
    f = line.f
    return (
        line.rule is None
        and not line.block.kept
        and line.prose in (Prose.GOOD, Prose.NEAR)
        and f.n_chars <= TEASER_SUMMARY_MAX_CHARS
    )


def _teaser_zones(lines: list[Line], zones: list[Zone | None]) -> None:
    """Runs of headline + one-sentence summary pairs: a rail of teasers, not intertitles.

    An article alternates intertitles and paragraphs now and then; a teaser list does it
    at every entry, with summaries of a sentence or two. Entries that start with numbers
    (years, steps) are a timeline or a how-to of the article, as for shape rails.
    """
    i = 0
    while i < len(lines) - 1:
        j = i
        while (
            j + 1 < len(lines)
            and zones[j] is None
            and zones[j + 1] is None
            and headline_like(lines[j])
            and _summary_like(lines[j + 1])
        ):
            j += 2
        pairs = (j - i) // 2
        if pairs >= TEASER_MIN_PAIRS and not _numbered(lines[i:j]):
            reason = f"teaser rail: {pairs} headlines with summaries"
            zone = Zone(i, j - 1, Label.RELATED, None, reason)
            for k in range(i, j):
                zones[k] = zone
            i = j
        else:
            i += 1


def _linked_heading(line: Line) -> bool:
    """HTML: a heading element that is all link, a teaser's headline."""
    block = line.block
    return (
        block.tag in _HEADING_TAGS
        and block.link_density >= LINKED_MIN_DENSITY
        and line.f.n_words >= 2
        and line.rule is None
    )


def _linked_heading_rails(lines: list[Line], zones: list[Zone | None]) -> None:
    """Runs of linked headings with their summaries: a rail of teasers (HTML only)."""
    i = 0
    while i < len(lines):
        if zones[i] is not None or not _linked_heading(lines[i]):
            i += 1
            continue
        j, last, items = i, i, 0
        while j < len(lines) and zones[j] is None:
            line = lines[j]
            if _linked_heading(line):
                items, last = items + 1, j
            elif line.block.tag not in _HEADING_TAGS and line.prose in (Prose.GOOD, Prose.NEAR):
                break  # the text of an entry: a list article, not a rail
            j += 1
        if last + 1 < j and lines[last + 1].block.tag in _HEADING_TAGS:
            last += 1  # the summary of the last teaser
        if items >= LINKED_RAIL_MIN:
            reason = f"rail of teasers: {items} linked headings"
            zone = Zone(i, last, Label.RELATED, None, reason)
            for k in range(i, last + 1):
                zones[k] = zone
        i = last + 1
