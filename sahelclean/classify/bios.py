"""End notes that read as article prose: an author's bio.

"Awa Keita is a reporter based in Gao…" among the last paragraphs of the core is
metadata; higher up, such a sentence is the article's (a story about a journalist).
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


def author_bio(lines: list[Line], zones: list[Zone | None], i: int, end: int) -> bool:
    """ "Awa Keita is a reporter based in Gao who covers…" as one of the last paragraphs.

    Higher up, such a sentence is the article's: a story about a journalist.
    """
    if lines[i].f.n_words > BIO_MAX_WORDS or bio_pattern().match(lines[i].f.text) is None:
        return False
    return _paragraphs_after(lines, zones, i, end) <= BIO_LAST_PARAGRAPHS


def _paragraphs_after(lines: list[Line], zones: list[Zone | None], i: int, end: int) -> int:
    """How many paragraphs of prose the core holds after line i (up to line end)."""
    return sum(
        1
        for ln, zone in zip(lines[i + 1 : end + 1], zones[i + 1 : end + 1], strict=True)
        if ln.prose is Prose.GOOD and ln.rule is None and zone is None
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
