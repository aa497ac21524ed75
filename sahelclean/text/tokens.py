"""Small text helpers shared by the stages: folding, collapsing, word tokens."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

WORD_RE = re.compile(r"\w+")
# Arabic short vowels, shadda, sukun, Quranic signs and the tatweel: they are not \w (or, for
# the tatweel, not a letter), so they would cut "كَتَبَ" in pieces or hide "عـلى" from a list.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Past this length a line is handled without splitting it into a list of words.
LONG_TEXT_CHARS = 100_000
_SPACE = re.compile(r"\s")
# Zero-width characters and the soft hyphen: a regex finds them faster than translate().
_ZERO_WIDTH = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_PLAIN = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "\u00a0": " ", "\u202f": " "}


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Latin letters with accents -> without, plus plain apostrophes and spaces."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        bare = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if bare != char and len(bare) == 1:  # one letter for one: offsets stay valid
            table[code] = bare
    table.update({ord(k): v for k, v in _PLAIN.items()})
    return table


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes and spaces made plain.

    The result has the same length as the (NFC) text, so offsets found in the folded
    text slice the original. Decoded pages are already NFC; other text is made so first.
    """
    if text.isascii():  # nothing to fold but case and the backquote
        return text.lower() if "`" not in text else text.replace("`", "'").lower()
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _fold_pattern().sub(_fold_char, text).lower()


@lru_cache(maxsize=1)
def _fold_pattern() -> re.Pattern[str]:
    """The characters fold() replaces: most of a line has none, and a regex skips it in C
    (three times faster than str.translate over every character)."""
    return re.compile("[" + re.escape("".join(map(chr, _fold_table()))) + "]")


def _fold_char(match: re.Match[str]) -> str:
    """The plain form of one character of the fold table."""
    return _fold_table()[ord(match.group())]


def collapse(text: str) -> str:
    """Collapse runs of white space (non-breaking included) into one space; drop zero-widths."""
    if len(text) > LONG_TEXT_CHARS:  # no list of millions of words for a 50 MB line
        return " ".join(filter(None, map(_collapse, _chunks(text))))
    return _collapse(text)


def _collapse(text: str) -> str:
    """collapse() for a text of any length, in one go."""
    if not text.isascii() and _ZERO_WIDTH.search(text):
        text = _ZERO_WIDTH.sub("", text)
    return " ".join(text.split())


def _chunks(text: str) -> Iterator[str]:
    """A long text in pieces of about LONG_TEXT_CHARS, cut at white space."""
    start = 0
    while start < len(text):
        end = start + LONG_TEXT_CHARS
        if end < len(text):
            space = _SPACE.search(text, end)
            end = space.start() if space else len(text)
        yield text[start:end]
        start = end


def words(text: str) -> list[str]:
    """The word tokens of a text, in lower case (Arabic without its vowel marks)."""
    lower = text.lower()
    if not lower.isascii() and _ARABIC_MARKS.search(lower):
        lower = _ARABIC_MARKS.sub("", lower)
    return WORD_RE.findall(lower)
