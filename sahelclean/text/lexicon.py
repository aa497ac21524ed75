"""The widget vocabularies of vocab.py, folded and compiled once for the rules.

Phrases become tries (one regex tries each character once), headings and labels become
look-up tables by folded key, and pattern lists become AnyOf groups (anchored ones tried
at the start only). rules.py reads them through vocabulary().
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import vocab
from ..models import Label
from .features import KEY_EDGES, RULE_CHARS
from .tokens import fold

# What separates a teaser's lead-in from its headline: "À lire aussi : …", "READ MORE >> …".
_TEASER_SEP = r"\s*(?::|>>?|»|›|\||–|—|-|→|▶|►)\s*"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The vocabularies of vocab.py, folded and compiled once."""

    headings: dict[str, tuple[Label, str]]  # folded key -> (label, language)
    label_lines: dict[str, Label]
    phrases: re.Pattern[str]  # any widget phrase
    phrase_labels: dict[str, Label]  # folded phrase -> label
    buttons: re.Pattern[str]  # any call to action, at the start of the line
    button_labels: dict[str, Label]
    teaser: re.Pattern[str]
    lead_in: re.Pattern[str]  # a teaser lead-in alone on its line: "À lire aussi", "Read more:"
    post_link: re.Pattern[str]
    thread: re.Pattern[str]
    relative_time: re.Pattern[str]
    caption: AnyOf
    end_notes: tuple[tuple[Label, re.Pattern[str]], ...]
    any_end_note: AnyOf  # all of them at once: most lines match none
    author_endings: tuple[str, ...]
    byline: tuple[str, ...]
    dateline: re.Pattern[str]
    badges: frozenset[str]  # folded keys of subscriber badges ("Article réservé aux abonnés")


def _alternation(items: list[str]) -> str:
    """A regex matching any of the literal phrases, as a trie (shared prefixes factored).

    Python's `re` tries the alternatives of `a|b|c` one by one at every position; with a few
    hundred phrases that dominated the run time. A trie pattern tries each character once.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for item in set(items):
        node = trie
        for char in item:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:  # type: ignore[type-arg]
    """The regex of one trie node: a (?:...) group of its branches, '' marking an end."""
    branches = [
        re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    optional = "" in node
    body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
    if optional:
        # an end here, or a longer phrase: longest match first, as the old alternation did
        body = (
            body
            if body.startswith("(?:") and body.endswith(")") and len(branches) > 1
            else "(?:" + body + ")"
        ) + "?"
    return body


def _by_phrase(table: dict[Label, dict[str, tuple[str, ...]]]) -> dict[str, Label]:
    """Folded phrase -> label (the first label that lists a phrase keeps it)."""
    out: dict[str, Label] = {}
    for label, by_lang in table.items():
        for entries in by_lang.values():
            for entry in entries:
                out.setdefault(fold(entry), label)
    return out


@dataclass(frozen=True, slots=True)
class AnyOf:
    """Several regexes searched as one: those anchored at the start ("^…") are tried there
    only, with match(), the others in one alternation. One alternation of them all is as
    slow as trying each in turn: the anchors no longer stop the search at position 0."""

    starts: re.Pattern[str]
    inside: re.Pattern[str]

    @classmethod
    def compile(cls, patterns: list[str]) -> AnyOf:
        """Split the patterns by their anchor and compile both groups."""

        def one(group: list[str]) -> re.Pattern[str]:
            return re.compile("|".join(f"(?:{p})" for p in group) if group else r"(?!)")

        return cls(
            one([p[1:] for p in patterns if p.startswith("^")]),
            one([p for p in patterns if not p.startswith("^")]),
        )

    def search(self, text: str) -> re.Match[str] | None:
        """The first match at the start, else the leftmost one elsewhere."""
        return self.starts.match(text) or self.inside.search(text)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Compile the built-in vocabularies (once per process, on first use)."""
    headings: dict[str, tuple[Label, str]] = {}
    for table in vocab.HEADING_TABLES:
        for label, by_lang in table.items():
            for lang, entries in by_lang.items():
                for entry in entries:
                    headings.setdefault(fold(entry), (label, lang))
    label_lines: dict[str, Label] = {}
    for label, by_lang in vocab.LABEL_LINES.items():
        for entries in by_lang.values():
            for entry in entries:
                label_lines.setdefault(fold(entry), label)
    # One trie for all labels: one search per line; the phrase found gives the label.
    phrase_labels: dict[str, Label] = {}
    for table in vocab.PHRASE_TABLES:
        for phrase, label in _by_phrase(table).items():
            phrase_labels.setdefault(phrase, label)
    button_labels = _by_phrase({label: {"any": e} for label, e in vocab.BUTTON_PHRASES.items()})
    prefixes = _alternation([fold(p) for p in vocab.ALL_TEASER_PREFIXES])
    post_links = _alternation([fold(p) for p in vocab.POST_LINK_PREFIXES])
    return Vocabulary(
        headings=headings,
        label_lines=label_lines,
        phrases=re.compile(_alternation(list(phrase_labels))),
        phrase_labels=phrase_labels,
        buttons=re.compile(rf"^[\W_]*({_alternation(list(button_labels))})"),
        button_labels=button_labels,
        teaser=re.compile(rf"^[\W_]*(?:{prefixes})(?:{_TEASER_SEP}|\s*\.{{3}}\s*)(?=\w|[«\"“])"),
        lead_in=re.compile(rf"^[\W_]*(?:{prefixes})[\W_]*$"),
        post_link=re.compile(rf"^[\W_]*(?:{post_links})\W*(?=\w|[«\"“])"),
        thread=re.compile(
            rf"^(?:\d+|{'|'.join(vocab.THREAD_COUNT_WORDS)}) (?:{'|'.join(vocab.THREAD_NOUNS)}) "
            rf"(?:{'|'.join(vocab.THREAD_LINKS)}) [\"«„“”'‘’]"
        ),
        relative_time=re.compile("|".join(vocab.RELATIVE_TIME_PATTERNS)),
        caption=AnyOf.compile(list(vocab.CAPTION_PATTERNS)),
        end_notes=tuple(
            (label, re.compile("|".join(patterns)))
            for label, patterns in vocab.END_NOTE_PATTERNS.items()
        ),
        any_end_note=AnyOf.compile(
            [p for patterns in vocab.END_NOTE_PATTERNS.values() for p in patterns]
        ),
        author_endings=tuple(fold(e) for e in vocab.COMMENT_AUTHOR_ENDINGS),
        byline=tuple(fold(p) for p in vocab.BYLINE_PREFIXES),
        dateline=re.compile(_alternation([fold(p) for p in vocab.DATELINE_WORDS])),
        badges=frozenset(fold(b) for b in vocab.PAYWALL_BADGES),
    )


def is_vocabulary_line(text: str) -> bool:
    """True for a line that is a known widget heading or button ("À la une", "Sign in")."""
    if len(text) > RULE_CHARS:
        return False
    key = KEY_EDGES.sub("", fold(text))
    v = vocabulary()
    return key in v.headings or key in v.label_lines
