"""The widget vocabularies of vocab/data, folded and compiled once for the rules.

Phrases become tries (one regex tries each character once), headings and labels become
look-up tables by folded key, and pattern lists become AnyOf groups (anchored ones tried
at the start only). The classifier's rules read them through vocabulary().
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from ..models import Label
from ..vocab import CommonVocab, LanguageVocab, VocabSet, builtin_languages, common
from ..vocab.files import Entry
from .features import KEY_EDGES, RULE_CHARS
from .tokens import fold

# What separates a teaser's lead-in from its headline: "À lire aussi : …", "READ MORE >> …".
_TEASER_SEP = r"\s*(?::|>>?|»|›|\||–|—|-|→|▶|►)\s*"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The vocabularies of vocab/data, folded and compiled once."""

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
    relative_tail: re.Pattern[str]  # what may follow a relative time on its line
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


def vocabulary() -> Vocabulary:
    """The compiled vocabularies of this page: the built-in ones, with the user's language
    files of the run when `using` names some (compiled once per process and file set)."""
    extra = _EXTRA.get()
    return _builtin() if extra is None else _with_user_files(extra)


@lru_cache(maxsize=1)
def _builtin() -> Vocabulary:
    return build(builtin_languages(), common())


@lru_cache(maxsize=8)
def _with_user_files(extra: VocabSet) -> Vocabulary:
    return build((*builtin_languages(), *extra.languages), common())


_EXTRA: ContextVar[VocabSet | None] = ContextVar("sahelclean_vocab", default=None)


@contextmanager
def using(extra: VocabSet | None) -> Iterator[None]:
    """Within the block, pages in this thread are cleaned with these language files too."""
    token = _EXTRA.set(extra)
    try:
        yield
    finally:
        _EXTRA.reset(token)


def _entries(languages: tuple[LanguageVocab, ...], kind: str) -> Iterator[tuple[str, Entry]]:
    """(language, entry) of one kind, in reading order."""
    for vocab in languages:
        for entry in getattr(vocab, kind):
            yield vocab.language, entry


def build(languages: tuple[LanguageVocab, ...], c: CommonVocab) -> Vocabulary:
    """Fold and compile language files (in this order) and the common tables.

    The first (label, language) that lists a folded entry keeps it: files read later only
    add entries.
    """
    headings: dict[str, tuple[Label, str]] = {}
    for lang, e in _entries(languages, "headings"):
        headings.setdefault(fold(e.text), (_label(e), lang))
    label_lines = _by_text(_entries(languages, "labels"))
    # One trie for all labels: one search per line; the phrase found gives the label.
    phrase_labels = _by_text(_entries(languages, "phrases"))
    button_labels = _by_text(_entries(languages, "buttons"))
    prefixes = _alternation([fold(p) for v in languages for p in v.teasers])
    post_links = _alternation([fold(p) for p in c.post_links])
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
            rf"^(?:\d+|{'|'.join(c.thread_count_words)}) (?:{'|'.join(c.thread_nouns)}) "
            rf"(?:{'|'.join(c.thread_links)}) [\"«„“”'‘’]"
        ),
        relative_time=re.compile("|".join(c.relative_times)),
        relative_tail=re.compile(c.relative_time_tail),
        caption=AnyOf.compile(list(c.captions)),
        end_notes=tuple(
            (label, re.compile("|".join(patterns))) for label, patterns in c.end_notes.items()
        ),
        any_end_note=AnyOf.compile([p for patterns in c.end_notes.values() for p in patterns]),
        author_endings=tuple(fold(e) for e in c.comment_author_endings),
        byline=tuple(fold(p) for p in c.bylines),
        dateline=re.compile(_alternation([fold(p) for p in c.datelines])),
        badges=frozenset(fold(b) for b in c.badges),
    )


def _label(entry: Entry) -> Label:
    assert entry.label is not None  # only a site's `keep` selectors have none
    return entry.label


def _by_text(entries: Iterator[tuple[str, Entry]]) -> dict[str, Label]:
    """Folded entry -> label (the first label that lists an entry keeps it)."""
    out: dict[str, Label] = {}
    for _, e in entries:
        out.setdefault(fold(e.text), _label(e))
    return out


def is_vocabulary_line(text: str) -> bool:
    """True for a line that is a known widget heading or button ("À la une", "Sign in")."""
    if len(text) > RULE_CHARS:
        return False
    key = KEY_EDGES.sub("", fold(text))
    v = vocabulary()
    return key in v.headings or key in v.label_lines
