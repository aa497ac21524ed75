"""Every threshold of the cleaner in one frozen value, each with the reason for its value."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from .errors import OptionsError
from .models import WIDGET_LABELS, Label

if TYPE_CHECKING:
    from .sites.rules import RuleSet
    from .vocab import VocabSet


@dataclass(frozen=True, slots=True)
class Options:
    """Options of one cleaning run; the defaults are those of the CLI."""

    # Widget kinds to keep in the article text (e.g. {Label.RELATED}); nothing by default.
    keep: frozenset[Label] = field(default_factory=frozenset)
    # Language of the page when known; None lets the stopword detector decide.
    language: str | None = None

    # --- line shape (text dumps) ---
    # A line of this many words or more that ends like a sentence is prose on its own.
    prose_min_words: int = 8
    # Lines of at most this many words without sentence punctuation look like headlines or labels.
    short_max_words: int = 12
    # Share of stopwords above which a line reads as running text (jusText's 0.30, relaxed
    # because news prose is dense with names and numbers).
    stopword_density_high: float = 0.25
    # Below this share a line is a label or a headline, not text (jusText uses 0.30/0.32).
    stopword_density_low: float = 0.12

    # HTML: a short line with more than this share of its text in links is navigation
    # (jusText's max_link_density is 0.2 for good paragraphs; headlines in rails are 1.0).
    max_link_density: float = 0.5

    # --- zones ---
    # A rail ends when this many consecutive prose lines come back.
    zone_end_prose_lines: int = 1
    # Minimum run of headline-like lines to call a list without a heading a rail.
    rail_min_items: int = 4
    # An intertitle is at most this many words long.
    heading_max_words: int = 14
    # The lead (chapô, standfirst) is the first paragraph under the title up to this size:
    # publishers' standfirsts run up to 500 characters (fu gold leads: 56 to 476 on the
    # pages studied); a longer first paragraph is the body's.
    lead_max_chars: int = 500

    # --- site profile (--profile; see profile.py) ---
    # The SQLite profile learned from the site's pages (`sahelclean learn`); None: none.
    profile: str | None = None
    # A line is site boilerplate when at least this many pages print it (menus, taglines,
    # footers: on a site of two pages, both print them)...
    profile_min_pages: int = 2
    # ... and a sentence (good prose, or a line ending like one) on at least this many:
    # two articles quoting one sentence must not make it boilerplate (CCNet drops any
    # repeat). Measured on sh (126 sites, 55 of two pages): 2 and 3 give innertext F1
    # 0.921, against 0.906 with 3 for every line.
    profile_prose_min_pages: int = 3
    # ... and at least this share of the site's pages: a menu is on nearly all of them,
    # a "Read more" block on a section's pages.
    profile_min_share: float = 0.10
    # Prose (a sentence-like line) needs this share: a quote or a standard paragraph that
    # a third of the articles print is still their text.
    profile_prose_share: float = 0.5

    # --- site rules and vocabularies (--rules, --vocab; see sites/rules.py, vocab/) ---
    # Per-site vocabulary, lines and selectors, chosen by each page's URL. None: none at
    # all (the CLI loads the built-in ones; the library's `load_rules()` does the same).
    # Hashed by a digest and a few kilobytes pickled, so workers get it cheaply.
    rules: RuleSet | None = None
    # The user's language files (--vocab, ~/.config/sahelclean/vocab/; see vocab/), read
    # after the built-in ones. None: the built-in vocabularies alone (the CLI loads the
    # user's; the library's `vocab.load_vocab()` does the same). Hashed by a digest.
    vocab: VocabSet | None = None

    # --- limits ---
    # Inputs larger than this are refused with a clear error (a 20 MB page is already absurd).
    max_bytes: int = 20_000_000
    # Seconds one page may take before it is given up (a page takes ~20 ms; 30 s means a
    # pathological input, and a cron run must not hang on it). None: no budget.
    timeout: float | None = 30.0
    # Let unexpected errors through with their traceback (for bug reports), instead of
    # turning them into one failed page.
    debug: bool = False

    def with_keep(self, kinds: str) -> Options:
        """A copy that keeps the comma-separated widget kinds in the text."""
        return replace(self, keep=parse_kinds(kinds))

    def to_dict(self) -> dict[str, Any]:
        """The options as plain data, for reports."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("rules", "vocab") and value is not None:
                value = value.to_dict()
            out[f.name] = sorted(str(v) for v in value) if isinstance(value, frozenset) else value
        return out


def parse_kinds(kinds: str) -> frozenset[Label]:
    """Parse 'related,comments' into widget labels, refusing unknown or article labels."""
    out: set[Label] = set()
    for name in (k.strip().lower() for k in kinds.split(",")):
        if not name:
            continue
        try:
            label = Label(name)
        except ValueError:
            known = ", ".join(sorted(str(k) for k in WIDGET_LABELS))
            raise OptionsError(f"unknown widget kind {name!r}; known kinds: {known}") from None
        if label not in WIDGET_LABELS:
            known = ", ".join(sorted(str(k) for k in WIDGET_LABELS))
            raise OptionsError(f"{name!r} is an article role, not a widget kind; known: {known}")
        out.add(label)
    return frozenset(out)
