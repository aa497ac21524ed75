"""Quality metrics of the corpora README, as pure functions.

Body F1 (corpora ``sh`` and ``fu``) is the shingle metric of the public article-extraction
benchmark, scored on the output without a leading title line; snippet F1 (corpus ``te``) is
trafilatura's with/without snippet metric; the structure metrics (``fu``) compare a
document's title, lead and intertitles with the gold. See ``shared/corpora/README.md`` for
the definitions implemented here.

Short texts: a text of fewer than 4 tokens has no 4-gram, so it contributes no shingle at
all (the README's "multiset of token 4-grams"). An output of 1 to 3 tokens therefore counts
like an empty output: the page is left out of the precision average and scores recall 0.
(The upstream benchmark script instead turns such a text into one short shingle; on real
pages the two only differ when an extractor returns 1 to 3 tokens.)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
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


def strip_title(text: str, title: str | None) -> str:
    """`text` without its first non-blank line when that line is the title.

    Line and title are compared with whitespace collapsed (runs of spaces, tabs and no-break
    spaces are one space; ends stripped), nothing else: another case or another wording is
    another line. Only the leading line is looked at: a later line equal to the title stays.
    """
    head, _, rest = text.lstrip().partition("\n")
    want = collapse(title or "")
    return rest if want and collapse(head) == want else text


def body_counts(gold: str, output: str, title: str | None = None) -> BodyCounts:
    """Per-page (tp, fp, fn) of shingles, divided by their sum so each page weighs the same.

    The gold body leaves the headline out, so a leading line equal to the output's `title`
    is not scored (see strip_title); a system without a title is scored on its whole output.
    """
    tp, fp, fn = body_counts_raw(gold, strip_title(output, title))
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


def pooled_score(tp: int, fp: int, fn: int, n: int) -> Score:
    """P, R and F1 of counts pooled over n pages (each 0 when undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return Score(p, r, harmonic(p, r), n)


def snippet_f1(counts: Iterable[SnippetCounts]) -> Score:
    """Pooled snippet F1: sum the counts over pages, then P, R, F1 (0 when undefined)."""
    counts = list(counts)
    total = sum(counts, SnippetCounts(0, 0, 0, 0))
    return pooled_score(total.tp, total.fp, total.fn, len(counts))


# ---------------------------------------------------------------- structure (fu)

LEAD_PREFIX = 80  # characters of one lead that the other must contain
_NO_BREAK_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u202f", " "))
TITLE, META_TITLE, LEAD, HEADINGS = "title", "meta-title", "lead", "headings"
STRUCTURE_FIGURES = (TITLE, META_TITLE, LEAD, HEADINGS)


@dataclass(frozen=True, slots=True)
class Structure:
    """A title, a lead and the intertitles in order: of a gold page or of an output document."""

    title: str | None = None
    lead: str | None = None
    headings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SetCounts:
    """Exact matches between two sets: pooled over pages by adding."""

    tp: int
    fp: int
    fn: int

    def __add__(self, other: SetCounts) -> SetCounts:
        """Pool two tallies."""
        return SetCounts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class StructureCounts:
    """One page's structure against the gold: which parts match, and the heading tallies."""

    title: bool
    meta_title: bool  # the page's declared title (metadata), scored like `title`
    lead: bool | None  # None when the gold has no lead
    headings: SetCounts


@dataclass(frozen=True, slots=True)
class Figure:
    """One structure figure (a share of pages or a pooled F1) and the pages it is over."""

    value: float
    n: int


def folded(text: str | None) -> str:
    """The README's folding: NFKC, no-break spaces to spaces, whitespace collapsed, casefold."""
    nfkc = unicodedata.normalize("NFKC", text or "").translate(_NO_BREAK_SPACES)
    return collapse(nfkc).casefold()


def title_match(output: str | None, gold: str | None) -> bool:
    """True when the folded titles are equal."""
    return folded(output) == folded(gold)


def lead_match(output: str | None, gold: str | None) -> bool:
    """True when the folded output lead is non-empty and one lead holds the other's start."""
    out, want = folded(output), folded(gold)
    return bool(out) and (want[:LEAD_PREFIX] in out or out[:LEAD_PREFIX] in want)


def heading_counts(output: Iterable[str], gold: Iterable[str]) -> SetCounts:
    """Exact matches between the set of folded output headings and the folded gold headings."""
    out = {h for h in map(folded, output) if h}
    want = {h for h in map(folded, gold) if h}
    return SetCounts(len(out & want), len(out - want), len(want - out))


def structure_counts(
    output: Structure, gold: Structure, meta_title: str | None = None
) -> StructureCounts:
    """Score one document's structure (and its declared title) against the page's gold."""
    return StructureCounts(
        title=title_match(output.title, gold.title),
        meta_title=title_match(meta_title, gold.title),
        lead=lead_match(output.lead, gold.lead) if folded(gold.lead) else None,
        headings=heading_counts(output.headings, gold.headings),
    )


def _share(hits: Sequence[bool]) -> Figure:
    """The share of true values."""
    return Figure(sum(hits) / len(hits) if hits else 0.0, len(hits))


def structure_scores(pages: Iterable[StructureCounts]) -> dict[str, Figure]:
    """Title and declared-title accuracy, lead accuracy, pooled heading F1.

    A figure over no page is left out: lead accuracy without a gold lead, heading F1 when
    neither the gold nor the output has a heading.
    """
    pages = list(pages)
    with_heads = [p.headings for p in pages if p.headings != SetCounts(0, 0, 0)]
    total = sum(with_heads, SetCounts(0, 0, 0))
    scores = {
        TITLE: _share([p.title for p in pages]),
        META_TITLE: _share([p.meta_title for p in pages]),
        LEAD: _share([p.lead for p in pages if p.lead is not None]),
        HEADINGS: Figure(
            pooled_score(total.tp, total.fp, total.fn, len(with_heads)).f1, len(with_heads)
        ),
    }
    return {name: fig for name, fig in scores.items() if fig.n}


# ---------------------------------------------------------------- catastrophes

CATASTROPHE_MARGIN = 0.3  # "lose the article while trafilatura keeps it" (issue 18)


@dataclass(frozen=True, slots=True)
class Catastrophe:
    """A page where our per-page F1 is far below the reference system's."""

    doc_id: str
    ours: float
    reference: float


def catastrophes(
    ours: Mapping[str, float], reference: Mapping[str, float], margin: float = CATASTROPHE_MARGIN
) -> list[Catastrophe]:
    """The pages (by doc_id) where `ours` is more than `margin` below `reference`, worst first.

    Pages missing from either side are not compared. A gap of exactly `margin` is not one
    (the 1e-9 absorbs float rounding such as 1.0 - 0.7 > 0.3).
    """
    found = [
        Catastrophe(doc, score, reference[doc])
        for doc, score in ours.items()
        if doc in reference and reference[doc] - score > margin + 1e-9
    ]
    return sorted(found, key=lambda c: (c.ours - c.reference, c.doc_id))
