"""Per-block features for the rules: shape, punctuation, stopword density, folded key."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Block
from .tokens import LONG_TEXT_CHARS, fold, words

# Sentence ends, French and typographic closers included: . ! ? … » ” " ' ) after them.
# Sentence ends, with the full stops of Arabic, Urdu, Devanagari/Bengali and CJK scripts.
_SENTENCE_END = re.compile(r"""[.!?…؟۔।॥。！？]["'»”’)\]]*\s*$|[.!?…]\s*["'»”’]$""")
_QUOTE_OPEN = re.compile(r"""^\s*[«“„"‘']""")
_QUOTE_CLOSE = re.compile(r"""[»”"’'][.,]?\s*$""")
_SEPARATOR = re.compile(r"^[\W_]{1,3}$")
# What may close a line after its last word or mark: quotes and brackets. Rules read a
# line's last mark from `text.rstrip(CLOSERS)`.
CLOSERS = " »”\"')"
_DIGIT = re.compile(r"\d")
_DURATION = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_COUNT = re.compile(r"\(\d+\)|\b\d+\s*/\s*\d+\b|^\d+$")
_DATE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\b\d{1,2}(?:er)? (?:janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec)"
    r"\w*\.? \d{4}\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.? \d{1,2},? \d{4}\b|"
    # "12 September 2024", and the Hausa months (Janairu, Fabrairu, Maris, Afrilu, Mayu,
    # Yuni, Yuli, Agusta, Satumba, Oktoba, Nuwamba, Disamba): "12 Satumba 2024"
    r"\b\d{1,2} (?:jan|feb|fab|mar|apr|afr|may|jun|yun|jul|yul|aug|agu|sep|sat|oct|okt|nov|nuw"
    r"|dec|dis)\w* \d{4}\b",
    re.IGNORECASE,
)
# Scripts written without spaces between words: Thai, Japanese kana, CJK ideographs (not
# Hangul: Korean puts spaces between its words).
_UNSPACED_CHAR = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff]")
# In those scripts a word is about two characters (the measure prose_class already used):
# words() cuts such a line only at its punctuation, so a 60-character Japanese sentence made
# 3 "words" and paragraphs read as rail headlines and summaries. (Dev, with the CJK full stop
# in rails.headline_like: sh innertext +0.0007, te innertext +0.0008, sh gettext +0.0011,
# te gettext +0.0008, sh html -0.0001: 2 Japanese pages of sh, 1 Chinese of te.)
UNSPACED_CHARS_PER_WORD = 2
# Sentence ends are read from the last characters only ("…» ).", "?”").
TAIL = 8
# Lines up to this long are checked for dates, durations and counts.
SHORT_LINE_WORDS = 8
SHORT_LINE_CHARS = 300
# What the rules read of a line (a widget line is a few hundred characters at most).
RULE_CHARS = 2000
# Decorations around a widget heading: "À lire aussi :", ">> Related", "Comments (12)".
KEY_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")


@dataclass(frozen=True, slots=True)
class Features:
    """What the rules look at in one block."""

    text: str
    folded: str
    key: str  # folded text without decorations and counts, for look-ups (short lines only)
    n_words: int
    n_chars: int
    ends_sentence: bool
    ends_colon: bool  # "… les mesures suivantes :" introduces a list
    stop_density: float
    is_separator: bool
    quoted: bool  # opens and closes with quotation marks
    has_duration: bool  # these three are only looked for on short lines
    has_count: bool
    has_date: bool
    starts_upper: bool  # a capital, or a letter of a script without case (Arabic, Hebrew)


def starts_upper(first: str) -> bool:
    """True for a capital, or a letter with no case at all: Arabic titles start so."""
    return first.isupper() or (first.isalpha() and not first.islower())


def is_separator(text: str) -> bool:
    """True for lines of bare punctuation ("-", "•", "|") that only separate entries."""
    return bool(_SEPARATOR.match(text))


def dates(text: str) -> bool:
    """True when the text holds a date ("10 novembre 2026", "Nov. 10, 2026", "10.11.2026")."""
    return _DATE.search(text) is not None


def features(block: Block, stopwords: frozenset[str]) -> Features:
    """Compute the features of one block."""
    text = block.text
    # The rules read widget lines, which are short: they see at most RULE_CHARS characters,
    # so that no pattern can take quadratic time on a 100,000-character line of junk.
    folded = fold(text[:RULE_CHARS])
    if len(text) > LONG_TEXT_CHARS:  # a 50 MB line: judge it from a sample, count words fast
        tokens = words(text[:LONG_TEXT_CHARS])
        n_words = text.count(" ") + 1
    else:
        tokens = words(text)
        n_words = len(tokens)
        if _UNSPACED_CHAR.search(text):
            unspaced = len(_UNSPACED_CHAR.findall(text))
            n_words = max(n_words, unspaced // UNSPACED_CHARS_PER_WORD)
    stops = sum(map(stopwords.__contains__, tokens)) if stopwords else 0
    opens = bool(_QUOTE_OPEN.match(text))
    # Dates, durations and counts only matter on short lines (datelines, rail fillers).
    short = n_words <= SHORT_LINE_WORDS and len(text) <= SHORT_LINE_CHARS
    numeric = short and _DIGIT.search(text) is not None  # every pattern below needs a digit
    return Features(
        text=text,
        folded=folded,
        key=KEY_EDGES.sub("", folded) if short else "",
        n_words=n_words,
        n_chars=len(text),
        ends_sentence=bool(_SENTENCE_END.search(text[-TAIL:])),
        ends_colon=text.rstrip().endswith(":"),
        stop_density=stops / len(tokens) if tokens else 0.0,
        is_separator=len(text) <= 3 and bool(_SEPARATOR.match(text)),
        quoted=opens and bool(_QUOTE_CLOSE.search(text[-TAIL:])) and n_words >= 3,
        has_duration=numeric and bool(_DURATION.search(text)),
        has_count=numeric and bool(_COUNT.search(text)),
        has_date=numeric and bool(_DATE.search(text)),
        starts_upper=starts_upper(text[:1]),
    )
