"""Widget zones opened by a heading: it runs until article prose comes back.

A known widget heading ("À regarder", "Comments") opens a zone, and so does a banner line
without a heading (a cookie notice, a comment's author line after the article). Here too
the zone record (`Zone`), what closes a zone (`ends_zone`) and the evidence that a comments
heading opens a real thread (`comment_evidence`). The zones found by shape alone (rails of
headline-like lines, menus of one-word lines, runs of teasers) are rails.py's, apart
because they need no heading and count what the lines look like; find_zones
(classify/__init__.py) runs both.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Label, Verdict
from ..text.features import CLOSERS
from ..text.lexicon import vocabulary
from .firstpass import Line, Prose, is_repeat
from .metalines import RELATIVE_TIME_REASON
from .switches import switched_off
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
# A line trafilatura kept closes a zone unless it is mostly a link (a rail's entry).
KEPT_LINKS_MAX = 0.5
# HTML: a rail's zone runs over its teasers' summaries that trafilatura left out, up to
# this long ("Sur le même sujet" over headline, summary, headline, summary…). (Dev: sh
# html +0.0005, 4 pages lose teaser headlines and summaries, 2 te pages a teaser; all else
# unchanged.)
DROPPED_SUMMARY_MAX_CHARS = 300


@dataclass(frozen=True, slots=True)
class Zone:
    """A run of blocks that belong to one widget."""

    start: int
    end: int  # inclusive
    label: Label
    heading: str | None
    reason: str


def ends_zone(line: Line) -> bool:
    """True when the block is article prose, which closes any open zone."""
    f = line.f
    if line.block.kept and line.rule is None and line.block.link_density < KEPT_LINKS_MAX:
        return True  # trafilatura kept it as article text, and it is not a link of a rail
    if (line.rule is not None and not is_repeat(line)) or line.prose is not Prose.GOOD:
        return False
    full_stop = f.ends_sentence and not f.text.rstrip(CLOSERS).endswith("?")
    return f.n_words >= ZONE_END_ANY_WORDS or (f.n_words >= ZONE_END_MIN_WORDS and full_stop)


def heading_zones(lines: list[Line], zones: list[Zone | None]) -> None:
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
        and not switched_off("run_in_teaser")
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
    return (
        line.block.kept is False
        and line.f.n_chars <= DROPPED_SUMMARY_MAX_CHARS
        and not switched_off("dropped_summary")
    )


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
    if line.rule is None or switched_off("banner_zones"):
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
