"""Which ladder rule and which vocabulary entry each block of a document matched, for the
rules audit (rules.py).

Nothing here runs inside the package: a block's text is judged again with the package's own
rules (first_verdict, widget_heading), and the entry behind a vocabulary rule's verdict is
found again in the compiled vocabularies. A block's match is its first-pass verdict; it is
*final* when the block's verdict in the document is still that one (a widget heading opens
its zone with its own reason; a line inside the article or another zone is not final).

The entries are those of the language files (vocab/data/<code>.toml: teasers, headings,
phrases, buttons, labels) and common.toml's post-link lead-ins. The first (label, language)
that lists a folded entry keeps it, as in text/lexicon.py; a later listing of the same
folded text is *shadowed* and can never fire.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from sahelclean.classify import rules
from sahelclean.classify.widgetlines import POST_LINK_REASON
from sahelclean.models import Block, Document, Verdict
from sahelclean.text.features import Features, features
from sahelclean.text.lexicon import Vocabulary, vocabulary
from sahelclean.text.tokens import fold
from sahelclean.vocab import builtin_languages, common

KINDS = ("teasers", "headings", "phrases", "buttons", "labels", "post_links")
HEADING_RULE = "widget_heading"
# What may stand before a lead-in of a teaser or a post link: "» À lire aussi : …".
_LEADING = re.compile(r"^[\W_]+")


@dataclass(frozen=True, slots=True)
class VocabEntry:
    """One entry as a file lists it."""

    kind: str  # one of KINDS
    label: str  # its widget label ("related" for teasers, "navigation" for post links)
    language: str  # the file's code ("any" for any.toml, "common" for common.toml)
    text: str  # as written
    folded: str  # as the rules match it
    shadowed_by: str | None = None  # "label/language" of the listing that keeps the text

    @property
    def key(self) -> tuple[str, str]:
        """(kind, folded): what a block's match names."""
        return self.kind, self.folded


def catalogue() -> list[VocabEntry]:
    """Every entry of the built-in language files and common.toml's post links, file order."""
    out: list[VocabEntry] = []
    owners: dict[tuple[str, str], str] = {}

    def add(kind: str, label: str, language: str, text: str) -> None:
        folded = fold(text)
        owner = owners.get((kind, folded))  # an earlier listing keeps the folded text
        if owner is None:
            owners[kind, folded] = f"{label}/{language}"
        out.append(VocabEntry(kind, label, language, text, folded, owner))

    languages = builtin_languages()
    for vocab in languages:
        for text in vocab.teasers:
            add("teasers", "related", vocab.language, text)
    for kind in ("headings", "phrases", "buttons", "labels"):
        for vocab in languages:
            for entry in getattr(vocab, kind):
                add(kind, str(entry.label), vocab.language, entry.text)
    for text in common().post_links:
        add("post_links", "navigation", "common", text)
    return out


@dataclass(frozen=True, slots=True)
class Match:
    """What a block's text matched in the first pass: the rule, its verdict, the entry."""

    rule: str
    verdict: Verdict
    entry: tuple[str, str] | None  # VocabEntry.key, for the rules that read a vocabulary


def judge_text(text: str) -> Match | None:
    """The first-pass rule verdict of a line of text, as the package gives it, and its entry."""
    f = features(Block(0, text, 1, 1), frozenset())  # no rule reads the stopword density
    heading = rules.widget_heading(f)
    if heading is not None:
        return Match(HEADING_RULE, heading, ("headings", f.key))
    verdict = rules.first_verdict(f)
    if verdict is None:
        return None
    name = next((r.__name__ for r in rules.RULES if r(f) == verdict), "?")
    return Match(name, verdict, _entry(name, f, verdict, vocabulary()))


def _entry(name: str, f: Features, verdict: Verdict, v: Vocabulary) -> tuple[str, str] | None:
    """The vocabulary entry behind a ladder rule's verdict (None for the other rules)."""
    if name == "label_line":
        return "labels", (f.key if f.key in v.label_lines else f.folded)
    if name == "widget_phrase":
        found = v.phrases.search(f.folded)
        return ("phrases", found.group(0)) if found else None
    if name == "button_phrase":
        found = v.buttons.match(f.folded)
        return ("buttons", found.group(1)) if found else None
    if name == "inline_teaser" and v.teaser.match(f.folded):
        return "teasers", _lead_in("teasers", f.folded)
    if name == "post_link" and verdict.reason != POST_LINK_REASON and v.post_link.match(f.folded):
        return "post_links", _lead_in("post_links", f.folded)
    return None


@cache
def _lead_ins(kind: str) -> tuple[str, ...]:
    """The folded lead-ins of teasers or post links, longest first."""
    return tuple(sorted({e.folded for e in catalogue() if e.kind == kind}, key=len, reverse=True))


def _lead_in(kind: str, folded: str) -> str:
    """The lead-in a line starts with, as the compiled pattern (a trie, longest first) took
    it: "next:", not "next post", in "next: …" (the whole line if none, which no entry is)."""
    rest = _LEADING.sub("", folded)
    return next((p for p in _lead_ins(kind) if rest.startswith(p)), rest)


def block_matches(
    doc: Document, judge: Callable[[str], Match | None]
) -> Iterator[tuple[Match, bool]]:
    """Each block's first-pass match with a rule, and whether its verdict is still final."""
    for c in doc.blocks:
        match = judge(c.block.text)
        if match is not None:
            yield match, c.verdict.reason.startswith(match.verdict.reason)
