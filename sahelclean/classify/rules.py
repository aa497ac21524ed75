"""Context-free rules: each looks at one block's features and returns a verdict or None.

The rules run in the order of `RULES`; the first verdict wins. This module holds the
ladder; the rules themselves are in metalines.py (bylines, dates, captions, end notes) and
widgetlines.py (phrases, buttons, labels, teasers, threads, footers). Widget headings are
not decided here but found by `widget_heading`, because they open a zone (see zones.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..models import Label, Verdict
from ..text.features import Features
from ..text.lexicon import vocabulary
from ..vocab.files import HEADING_MAX_WORDS, PHRASE_MAX_WORDS
from .metalines import caption, end_note, metadata, relative_time
from .switches import current
from .widgetlines import (
    COOKIE_MAX_WORDS,
    breadcrumb,
    button_phrase,
    comment_author,
    cookie_notice,
    copyright_line,
    inline_teaser,
    label_line,
    newsletter_name,
    newsletter_notice,
    post_link,
    separator,
    thread_heading,
    widget_phrase,
)

# A widget heading may trail off: "You may also like...", "Lire aussi…".
_TRAILING_OFF = ("...", "…")


def widget_heading(f: Features) -> Verdict | None:
    """A known widget heading ("À regarder", "12 commentaires", "Related") opens a zone."""
    if f.n_words == 0 or f.n_words > HEADING_MAX_WORDS:
        return None
    if f.ends_sentence and not f.text.rstrip().endswith(_TRAILING_OFF):
        return None  # "Commentaires." is a sentence; "You may also like..." trails off
    hit = vocabulary().headings.get(f.key)
    if hit is None:
        return None
    label, lang = hit
    return Verdict(label, f"widget heading '{f.text}' ({label}, {lang})")


Rule = Callable[[Features], Verdict | None]
# Priority order: the first rule that speaks decides.
RULES: tuple[Rule, ...] = (
    separator,
    inline_teaser,
    post_link,
    label_line,
    widget_phrase,
    button_phrase,
    cookie_notice,
    newsletter_notice,
    newsletter_name,
    caption,
    end_note,
    relative_time,
    thread_heading,
    comment_author,
    copyright_line,
    metadata,
    breadcrumb,
)


# Past PHRASE_MAX_WORDS only these rules can speak (each still checks its own bound);
# past COOKIE_MAX_WORDS none can. Most lines are short, but long ones cost the most.
_LONG_LINE_RULES: tuple[Rule, ...] = (
    widget_phrase,
    cookie_notice,
    newsletter_notice,
    caption,
    end_note,
)


@lru_cache(maxsize=8)
def _ladder(off: frozenset[str]) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """RULES and _LONG_LINE_RULES without the rules switched off (see switches.py)."""
    return (
        tuple(r for r in RULES if r.__name__ not in off),
        tuple(r for r in _LONG_LINE_RULES if r.__name__ not in off),
    )


def first_verdict(f: Features) -> Verdict | None:
    """Run the rules in order and return the first verdict, if any."""
    if f.n_words > COOKIE_MAX_WORDS:
        return None
    off = current()
    rules, long_rules = _ladder(off) if off else (RULES, _LONG_LINE_RULES)
    for rule in long_rules if f.n_words > PHRASE_MAX_WORDS else rules:
        verdict = rule(f)
        if verdict is not None:
            return verdict
    return None


def is_list_entry(f: Features, verdict: Verdict | None) -> bool:
    """A rail or menu entry worth listing: not a date, a duration, a rank or a button."""
    if f.n_words < 2 or f.is_separator:
        return False
    if verdict is not None and verdict.label not in (Label.RELATED, Label.CAPTION):
        return False  # teasers and "Photos: …" galleries are entries; buttons and dates are not
    return not ((f.has_duration or f.has_date or f.has_count) and f.n_words <= 4)
