"""Context-free rules of the lines about an article: bylines, datelines, relative times,
photo captions and credits, end notes.

Each rule looks at one block's features and returns a verdict or None; rules.py runs them
in its ladder with the widget lines' rules (widgetlines.py). They are apart from those
because they read what stands around the article's text (who wrote it, when, where its
photos and reports come from, the notes under it) rather than a widget's words, and later
passes look for their reasons (BYLINE_REASON, DATE_LINE_REASON, RELATIVE_TIME_REASON).
"""

from __future__ import annotations

import re

from ..models import Label, Verdict
from ..text.features import Features
from ..text.lexicon import vocabulary

# Captions are one or two sentences.
CAPTION_MAX_WORDS = 60
# An end note is a line or two: "Keith Diallo contributed reporting.", "Follow us on X."
END_NOTE_MAX_WORDS = 45
# ... and a paragraph up to this long is one when it opens with the note: a promotion that
# starts "Get access to X for as little as…", "Follow @X on Twitter to keep up…", "If you
# enjoyed this article, …" and goes on about the offer. (Dev: sh html +0.0004, sh
# innertext +0.0002, sh gettext +0.0002, 3 pages of 3 en sites; te unchanged. A note
# anywhere in such a paragraph gave the same figures, but would take an article's "… can
# be reached at …" too.)
OPENING_END_NOTE_MAX_WORDS = 80
# A byline or dateline line is short; a byline with its dates and reading time, less so.
BYLINE_MAX_WORDS = 30
METADATA_MAX_WORDS = 14
# A date line that starts with its word ("Publié le 14/11/2026 06:12 Mis à jour le
# 14/11/2026 09:40") is counted without its numbers: each date and time splits into two
# or three tokens. (Dev: sh innertext +0.0001, sh html -0.0001: one page drops its
# "PUBLISHED: … | UPDATED: …" line, another gains its headline; all else unchanged.)
_NUMBER = re.compile(r"\b\d+\b")
# A byline may follow the site's or agency's name and a bar ("LEFASO.NET | Par X"); that
# name is a word or two. (Dev: all figures unchanged.)
SITE_MAX_WORDS = 3
# "il y a 3 heures", "Posted 2 hours ago · Edited".
RELATIVE_TIME_MAX_WORDS = 8
RELATIVE_TIME_REASON = "relative time line"
DATE_LINE_REASON = "date line"
BYLINE_REASON = "byline"


def caption(f: Features) -> Verdict | None:
    """A photo caption or credit: "(AP Photo/…)", "Image caption …", "Crédit photo : …"."""
    if f.n_words > CAPTION_MAX_WORDS:
        return None
    match = vocabulary().caption.search(f.folded)
    if match is None:
        return None
    return Verdict(Label.CAPTION, f"photo caption or credit '{match.group(0).strip()[:40]}'")


def end_note(f: Features) -> Verdict | None:
    """A credit, contact or follow line under an article: "Awa Diallo contributed reporting"."""
    if f.n_words > OPENING_END_NOTE_MAX_WORDS:
        return None
    v = vocabulary()
    if v.any_end_note.search(f.folded) is None:
        return None
    opening = f.n_words > END_NOTE_MAX_WORDS  # a long paragraph: only a note that opens it
    for label, pattern in v.end_notes:
        match = pattern.match(f.folded) if opening else pattern.search(f.folded)
        if match is not None:
            return Verdict(label, f"end note '{match.group(0).strip()[:40]}'")
    return None


def relative_time(f: Features) -> Verdict | None:
    """ "il y a 3 heures", "2 hours ago": the time line of a comment or a feed entry."""
    if f.n_words > RELATIVE_TIME_MAX_WORDS:
        return None
    match = vocabulary().relative_time.match(f.folded)
    if match is None:
        return None
    rest = f.folded[match.end() :]
    if len(rest.split()) > 2 and not vocabulary().relative_tail.match(rest):
        return None  # "Il y a 10 ans, Gao tombait.": a sentence that starts with a time
    return Verdict(Label.METADATA, RELATIVE_TIME_REASON)


def metadata(f: Features) -> Verdict | None:
    """Bylines, datelines, reading times and photo credits outside the text."""
    if f.n_words > BYLINE_MAX_WORDS or f.n_words == 0:
        return None
    v = vocabulary()
    byline = f.folded.startswith(v.byline) or _signed_after_site(f, v.byline)
    if byline and f.n_words > METADATA_MAX_WORDS:
        # "Par X (Kéniéba, envoyé spécial) Publié le … Lecture 5 min.", "Reporting by X;
        # Editing by Y": one line of credits
        markers = (p for p in v.byline if len(p.split()) >= 2)  # "editing by", not "by "
        credits = v.dateline.search(f.folded) or any(p in f.folded[3:] for p in markers)
        return Verdict(Label.METADATA, "byline and dateline") if credits else None
    match = v.dateline.search(f.folded)
    if f.n_words > METADATA_MAX_WORDS and not _numeric_dateline(f, match):
        return None
    if byline and not f.ends_sentence:
        return Verdict(Label.METADATA, BYLINE_REASON)
    # At the start ("Publié le …", "5 min read" ends without a full stop), or in a line
    # that is no sentence: "The ministry published its report." stays prose, and so does
    # one that introduces what follows ("… in a recently-published write-up:"), unless
    # the word ends it ("X was last modified:", its date cut onto the next line).
    if match and (match.start() <= 2 or not (f.ends_sentence or _introduces(f, match))):
        return Verdict(Label.METADATA, "dateline, credit or reading time")
    if f.has_date and f.n_words <= 8 and not f.ends_sentence:
        return Verdict(Label.METADATA, DATE_LINE_REASON)
    return None


def _signed_after_site(f: Features, prefixes: tuple[str, ...]) -> bool:
    """ "LEFASO.NET | Par X", "AFP | By X": the site or agency, a bar, then the byline."""
    site, bar, rest = f.folded.partition(" | ")
    return bool(bar) and len(site.split()) <= SITE_MAX_WORDS and rest.startswith(prefixes)


def _numeric_dateline(f: Features, match: re.Match[str] | None) -> bool:
    """A line that starts with a dateline word and is short once its numbers are left out."""
    if match is None or match.start() > 2 or f.ends_sentence:
        return False
    return f.n_words - len(_NUMBER.findall(f.text)) <= METADATA_MAX_WORDS


def _introduces(f: Features, match: re.Match[str]) -> bool:
    """A line ending on a colon whose dateline word stands before its last words."""
    return f.ends_colon and bool(f.folded[match.end() :].strip(" :"))
