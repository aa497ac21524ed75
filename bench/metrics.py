"""Quality metrics of the corpora README, as pure functions.

Body F1 (corpus ``sh``) is the shingle metric of the public article-extraction benchmark;
snippet F1 (corpus ``te``) is trafilatura's with/without snippet metric. See
``shared/corpora/README.md`` for the definitions implemented here.

Short texts: a text of fewer than 4 tokens has no 4-gram, so it contributes no shingle at
all (the README's "multiset of token 4-grams"). An output of 1 to 3 tokens therefore counts
like an empty output: the page is left out of the precision average and scores recall 0.
(The upstream benchmark script instead turns such a text into one short shingle; on real
pages the two only differ when an extractor returns 1 to 3 tokens.)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

SHINGLE_N = 4
_TOKEN_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 of one system on one set of pages, over n pages."""

    precision: float
    recall: float
    f1: float
    n: int


@dataclass(frozen=True, slots=True)
class BodyCounts:
    """One page's shingle tallies, normalised so that tp + fp + fn = 1 (or all 0)."""

    tp: float
    fp: float
    fn: float

    def __iter__(self) -> Iterator[float]:
        """Unpack as (tp, fp, fn)."""
        return iter((self.tp, self.fp, self.fn))

    @property
    def precision(self) -> float | None:
        """Per-page precision, or None when the page has no output shingle."""
        return page_precision(self.tp, self.fp, self.fn) if self.tp + self.fp > 0 else None

    @property
    def recall(self) -> float | None:
        """Per-page recall, or None when the page has no gold shingle."""
        return page_recall(self.tp, self.fp, self.fn) if self.tp + self.fn > 0 else None

    @property
    def f1(self) -> float:
        """Per-page F1, with a missing precision or recall counted as 0."""
        return harmonic(self.precision or 0.0, self.recall or 0.0)


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    """Snippet tallies of one page or pooled over pages."""

    tp: int
    fp: int
    fn: int
    tn: int

    def __iter__(self) -> Iterator[int]:
        """Unpack as (tp, fp, fn, tn)."""
        return iter((self.tp, self.fp, self.fn, self.tn))

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        """Pool two tallies."""
        return SnippetCounts(
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn
        )

    @property
    def f1(self) -> float:
        """F1 of these counts alone (0 when undefined)."""
        return snippet_f1([self]).f1


def tokens(text: str) -> list[str]:
    """The benchmark's tokens: runs of word characters."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    """Multiset of token n-grams; empty when the text has fewer than n tokens."""
    toks = tokens(text)
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def body_counts_raw(gold: str, output: str) -> tuple[int, int, int]:
    """Unnormalised (tp, fp, fn) of shingles between gold and output."""
    g, o = shingles(gold), shingles(output)
    tp = sum((g & o).values())
    return tp, sum(o.values()) - tp, sum(g.values()) - tp


def body_counts(gold: str, output: str) -> BodyCounts:
    """Per-page (tp, fp, fn) of shingles, divided by their sum so each page weighs the same."""
    tp, fp, fn = body_counts_raw(gold, output)
    total = tp + fp + fn
    if total == 0:
        return BodyCounts(0.0, 0.0, 0.0)
    return BodyCounts(tp / total, fp / total, fn / total)


def page_precision(tp: float, fp: float, fn: float) -> float:
    """Per-page precision: 1 when fp = fn = 0, 0 when tp = fp = 0."""
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp: float, fp: float, fn: float) -> float:
    """Per-page recall: 1 when fp = fn = 0, 0 when tp = fn = 0."""
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def harmonic(p: float, r: float) -> float:
    """Harmonic mean of two rates, 0 when both are 0."""
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _mean(values: Sequence[float]) -> float:
    """Arithmetic mean, 0 for no values."""
    return sum(values) / len(values) if values else 0.0


def body_f1(pages: Iterable[BodyCounts]) -> Score:
    """Macro body F1: precision and recall averaged over pages, then their harmonic mean."""
    pages = list(pages)
    ps = [page_precision(c.tp, c.fp, c.fn) for c in pages if c.tp + c.fp > 0]
    rs = [page_recall(c.tp, c.fp, c.fn) for c in pages if c.tp + c.fn > 0]
    p, r = _mean(ps), _mean(rs)
    return Score(p, r, harmonic(p, r), len(pages))


def collapse(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return _SPACE_RE.sub(" ", text or "").strip()


def snippet_counts(with_: Iterable[str], without: Iterable[str], output: str) -> SnippetCounts:
    """Tally which `with` snippets the output contains (tp/fn) and which `without` (fp/tn)."""
    out = collapse(output)
    found_with = [collapse(s) in out for s in with_]
    found_without = [collapse(s) in out for s in without]
    return SnippetCounts(
        tp=sum(found_with),
        fp=sum(found_without),
        fn=len(found_with) - sum(found_with),
        tn=len(found_without) - sum(found_without),
    )


def snippet_f1(counts: Iterable[SnippetCounts]) -> Score:
    """Pooled snippet F1: sum the counts over pages, then P, R, F1 (0 when undefined)."""
    counts = list(counts)
    total = sum(counts, SnippetCounts(0, 0, 0, 0))
    p = total.tp / (total.tp + total.fp) if total.tp + total.fp else 0.0
    r = total.tp / (total.tp + total.fn) if total.tp + total.fn else 0.0
    return Score(p, r, harmonic(p, r), len(counts))
