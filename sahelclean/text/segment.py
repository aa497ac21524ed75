"""Text dumps to blocks: one block per non-blank line, or per re-joined paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ..models import Block
from ..vocab import common
from .lexicon import is_vocabulary_line
from .tokens import collapse

# A line shorter than this that starts in lower case or with closing punctuation continues
# the line before it in a get_text() dump, where every link or <b> breaks the line.
_CONTINUES = re.compile(r"^[,.;:!?)\]»”’%]|^[a-zà-ÿ]")
# A line that ends like this may go on on the next line; ":" and ";" end list intros and
# list entries, which stay apart. Both patterns below are matched on the last character
# only (a search for "…$" would try every position of the line).
# An opening quote over a lower-case word, after a line that ends on a word, goes on too: a
# quotation inside the sentence, set in a link or in italics ("… actions were" /
# "\"contrary to the interests of Niger.\""); a paragraph that opens on a quotation starts
# it with a capital, and a list of quoted terms ends each line on a quote mark. (Dev: te
# gettext +0.0004, sh gettext +0.0001, no other figure moves; with the line before ending
# on a quote mark too: te innertext -0.0003, a list of quoted search terms joined.)
_QUOTE_GOES_ON = re.compile(r"^[\"“«„‘] ?[a-zà-ÿ]")
_OPEN_END = re.compile(r"[\w,(«“‘'\"-]$")
# A closing quote or an apostrophe that starts a line is the end of the word or quotation
# before it ("Garrett" / "’s", "… tomorrow." / "”"); not "»", which French sets after a
# space. (Dev: sh gettext +0.0001, no other figure moves.)
_NO_SPACE_BEFORE = re.compile(r"^[,.;:!?)\]%…’”]")
_NO_SPACE_AFTER = re.compile(r"[(\[«“„‘'’-]$")
# No line of text ends on an opening bracket or a low opening quote: a link or <b> cut it
# there ("Awa Ba (" / "Twitter" / ") a écrit"). Not "«" nor "“", which close quotes in
# German; not "'", an apostrophe. (Dev: te gettext +0.0013, sh gettext +0.0001; 7 pages
# change, 4 te pages in de and en and 3 sh pages; one sh page loses "[Site]" credits that
# its gold keeps.)
_OPENS = ("(", "[", "„")
# Share of lines that look like fragments above which a dump is in get_text() style.
GETTEXT_FRAGMENT_SHARE = 0.08
# ... and at least this many of them: three lower-case list entries are not a style.
GETTEXT_MIN_FRAGMENTS = 4
# get_text() prints no blank line; an innerText dump sets its blocks apart with them. In a
# dump with at most this share of blank lines, the minimum count of fragments above is
# enough, whatever their share: menus and rails of one-word lines no longer hide the
# article's cut sentences. (Dev: sh gettext +0.0039, te gettext +0.0018, no other figure
# moves; 79 sh and 180 te gettext dumps are newly re-joined, and one te innerText dump,
# whose score does not change. Share 0.005: sh gettext +0.0034; 0.06: sh innertext -0.0008.)
DENSE_BLANK_SHARE = 0.02
# A line that starts with a comma or a semicolon starts no block: a link or a <b> cut the
# sentence there. In a dense dump one such line shows get_text() style, however few the
# other fragments are (a short page with few links). (Dev: sh gettext +0.0001, 2 pages
# re-joined; no other figure moves.)
_CUT_START = re.compile(r"^[,;]")
# Re-joined paragraphs stop growing at this many lines (a safety bound, not a heuristic).
MAX_JOIN = 60


def segment_text(text: str) -> list[Block]:
    """Split a text dump into blocks, re-joining get_text() fragments when the dump has them."""
    raw = [collapse(line) if line else line for line in text.split("\n")]
    lines = [(n, line) for n, line in enumerate(raw, start=1) if line]
    # the newline that ends the last line is no blank line (dev: unchanged; short dumps)
    blanks = len(raw) - len(lines) - (1 if len(raw) > 1 and not raw[-1] else 0)
    dense = blanks <= DENSE_BLANK_SHARE * len(lines)
    if _is_fragmented(lines, dense):
        return list(_joined_blocks(lines))
    last = len(raw)
    return [
        Block(
            index=i,
            text=line,
            line=n,
            end_line=n,
            spaced=(n == 1 or not raw[n - 2]) and (n == last or not raw[n]),
        )
        for i, (n, line) in enumerate(lines)
    ]


def _is_fragmented(lines: list[tuple[int, str]], dense: bool) -> bool:
    """True when lines continue the line before them: many, or a few in a dense dump."""
    if len(lines) < 10:
        return False
    fragments = sum(1 for (_, prev), (_, line) in pairwise(lines) if _continues(prev, line))
    if dense and any(_CUT_START.match(line) for _, line in lines[1:]):
        return True
    if fragments < GETTEXT_MIN_FRAGMENTS:
        return False
    return dense or fragments > GETTEXT_FRAGMENT_SHARE * len(lines)


def _continues(prev: str, line: str) -> bool:
    """True when `line` reads as the rest of the sentence begun in `prev`."""
    if _NO_SPACE_BEFORE.match(line) or prev.endswith(_OPENS):
        return True
    if not _OPEN_END.match(prev[-1:]) or prev.endswith((".", "!", "?", "…")):
        return False
    if _CONTINUES.match(line) or (prev[-1].isalpha() and _QUOTE_GOES_ON.match(line)):
        return True
    # "Les équipes de" / "Médecins sans frontières": no line of text ends on "de" or "the";
    # the capitalised words after it are a link cut out of the sentence. "Par" / "Name"
    # is a byline cut the same way.
    head = prev.split()
    last = head[-1]
    if last.lower() not in common().dangling_words or not (last.islower() or len(head) == 1):
        return False
    return not is_vocabulary_line(prev)  # "À la une", "Sign in": menu entries, not fragments


def _joined_blocks(lines: list[tuple[int, str]]) -> Iterator[Block]:
    """Merge continuation lines into their paragraph."""
    index = 0
    i = 0
    while i < len(lines):
        start, text = lines[i]
        end = start
        j = i + 1
        while j < len(lines) and j - i < MAX_JOIN and _continues(text, lines[j][1]):
            text = join_fragments(text, lines[j][1])
            end = lines[j][0]
            j += 1
        yield Block(index=index, text=text, line=start, end_line=end)
        index += 1
        i = j


def join_fragments(left: str, right: str) -> str:
    """Join two pieces of one sentence with a space, or none before punctuation."""
    if _NO_SPACE_BEFORE.match(right) or _NO_SPACE_AFTER.match(left[-1:]):
        return left + right
    return f"{left} {right}"
