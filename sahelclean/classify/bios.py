"""End notes that read as article prose: an author's bio, a company's closing note.

"Awa Keita is a reporter based in Gao…" or "Acme is a leading provider of…" among the
last paragraphs of the core are metadata; higher up, such a sentence is the article's (a
story about a journalist, or about the company).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..vocab import common
from .firstpass import Line, Prose
from .zones import Zone

# An author's bio is a sentence or two, among the last BIO_LAST_PARAGRAPHS + 1 paragraphs.
BIO_MAX_WORDS = 70
BIO_LAST_PARAGRAPHS = 1
# A company's note under a press release: a paragraph or two (the name opens each).
COMPANY_MAX_WORDS = 120
COMPANY_NOTE_LINES = 2


def author_bio(lines: list[Line], zones: list[Zone | None], i: int, end: int) -> bool:
    """ "Awa Keita is a reporter based in Gao who covers…" as one of the last paragraphs.

    Higher up, such a sentence is the article's: a story about a journalist.
    """
    if lines[i].f.n_words > BIO_MAX_WORDS or bio_pattern().match(lines[i].f.text) is None:
        return False
    return _paragraphs_after(lines, zones, i, end) <= BIO_LAST_PARAGRAPHS


def company_note(lines: list[Line], zones: list[Zone | None], i: int, end: int) -> bool:
    """ "Acme is a leading provider of…" closing the article, and what follows it on Acme.

    The note is among the last paragraphs of the core (at most BIO_LAST_PARAGRAPHS after
    it); the paragraphs right under it that start with the company's name go with it.
    """
    for j in range(i, max(-1, i - COMPANY_NOTE_LINES - 1), -1):
        line = lines[j]
        if line.f.n_words > COMPANY_MAX_WORDS:
            continue
        found = company_pattern().match(line.f.text)
        if found is None or (j < i and not lines[i].f.text.startswith(found.group(1) + " ")):
            continue
        return _paragraphs_after(lines, zones, j, end) <= BIO_LAST_PARAGRAPHS + (i - j)
    return False


def _paragraphs_after(lines: list[Line], zones: list[Zone | None], i: int, end: int) -> int:
    """How many paragraphs of prose the core holds after line i (up to line end)."""
    return sum(
        1
        for ln, zone in zip(lines[i + 1 : end + 1], zones[i + 1 : end + 1], strict=True)
        if ln.prose is Prose.GOOD and ln.rule is None and zone is None
    )


@lru_cache(maxsize=1)
def company_pattern() -> re.Pattern[str]:
    """A name, then "is a leading … provider" (common.toml's company words and nouns)."""
    c = common()
    adjectives = "|".join(sorted(c.company_words, key=len, reverse=True))
    nouns = "|".join(sorted(c.company_nouns, key=len, reverse=True))
    phrases = "|".join(sorted(c.company_phrases, key=len, reverse=True))
    return re.compile(
        r"^([A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}),? (?:\([^)]*\) )?"
        r"(?:is|est|ist) (?:a|an|the|un|une|le|la|l'|ein|eine|der|die)\b ?[^.]{0,40}?"
        rf"\b(?:(?:{adjectives})\b[^.]{{0,60}}?\b(?:{nouns})s?|{phrases})\b"
    )


@lru_cache(maxsize=1)
def bio_pattern() -> re.Pattern[str]:
    """A name, then "is a … reporter" (common.toml's bio nouns), at the start of a line."""
    nouns = "|".join(sorted(common().bio_nouns, key=len, reverse=True))
    return re.compile(
        r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3},? (?:\([^)]*\) )?"
        r"(?:is|est|ist) (?:(?:a|an|the|un|une|le|la|l'|ein|eine|der|die)\b)?[^.]{0,100}?\b"
        rf"(?i:{nouns})\b"  # "Editor", "Founder": a title case of its own
    )
