"""Hand-computed cases for bench/metrics.py (body F1 and snippet F1 of the corpora README)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from metrics import (
    BodyCounts,
    SnippetCounts,
    body_counts,
    body_counts_raw,
    body_f1,
    collapse,
    shingles,
    snippet_counts,
    snippet_f1,
)

approx = pytest.approx


def test_shingles_are_word_4grams_and_short_texts_have_none() -> None:
    # "a b c d e" -> (a b c d), (b c d e); punctuation only separates tokens.
    assert shingles("a, b. c-d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("one two three") == {}
    assert shingles("") == {}


def test_identical_texts() -> None:
    # 6 tokens -> 3 shingles, all shared: tp=3, fp=fn=0 -> normalised (1, 0, 0), P = R = 1.
    text = "the cat sat on the mat"
    assert body_counts_raw(text, text) == (3, 0, 0)
    assert tuple(body_counts(text, text)) == (1.0, 0.0, 0.0)
    assert body_f1([body_counts(text, text)]).f1 == 1.0


def test_disjoint_texts() -> None:
    # gold 5 tokens -> 2 shingles, output 4 tokens -> 1 shingle, none shared:
    # tp=0, fp=1, fn=2 -> normalised (0, 1/3, 2/3); P = 0, R = 0, F1 = 0.
    counts = body_counts("a b c d e", "v w x y")
    assert tuple(counts) == approx((0.0, 1 / 3, 2 / 3))
    score = body_f1([counts])
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_partial_overlap() -> None:
    # gold "a b c d e f" -> abcd bcde cdef; output "a b c d e x y" -> abcd bcde cdex dexy.
    # tp=2 (abcd, bcde), fp=2 (cdex, dexy), fn=1 (cdef); sum 5 -> (0.4, 0.4, 0.2).
    # P = 0.4 / 0.8 = 0.5, R = 0.4 / 0.6 = 2/3, F1 = 2 * 0.5 * 2/3 / (0.5 + 2/3) = 4/7.
    counts = body_counts("a b c d e f", "a b c d e x y")
    assert body_counts_raw("a b c d e f", "a b c d e x y") == (2, 2, 1)
    assert tuple(counts) == approx((0.4, 0.4, 0.2))
    score = body_f1([counts])
    assert score.precision == approx(0.5)
    assert score.recall == approx(2 / 3)
    assert score.f1 == approx(4 / 7)


def test_repeated_shingles_count_as_a_multiset() -> None:
    # gold "a b c d" once -> {abcd: 1}; output "a b c d a b c d" -> abcd x2, bcda, cdab, dabc.
    # tp = min(1, 2) = 1; fp = 1 (second abcd) + 3 = 4; fn = 0 -> P = 1/5, R = 1.
    assert body_counts_raw("a b c d", "a b c d a b c d") == (1, 4, 0)
    score = body_f1([body_counts("a b c d", "a b c d a b c d")])
    assert score.precision == approx(0.2)
    assert score.recall == 1.0
    assert score.f1 == approx(2 * 0.2 / 1.2)


def test_empty_output_counts_for_recall_only() -> None:
    # tp=fp=0, fn=2: the page has no output shingle, so it is out of the precision average
    # and scores recall 0. With a perfect page beside it: P = mean(1) = 1, R = mean(1, 0) = 0.5.
    empty = body_counts("a b c d e", "")
    assert tuple(empty) == (0.0, 0.0, 1.0)
    assert empty.precision is None and empty.recall == 0.0
    score = body_f1([body_counts("a b c d e", "a b c d e"), empty])
    assert (score.precision, score.recall) == (1.0, 0.5)
    assert score.f1 == approx(2 / 3)
    assert score.n == 2


def test_short_output_is_like_empty_output() -> None:
    # "a b c" has fewer than 4 tokens, so no shingle: same counts as an empty output.
    assert tuple(body_counts("a b c d e", "a b c")) == tuple(body_counts("a b c d e", ""))


def test_empty_gold_counts_for_precision_only() -> None:
    # tp=fn=0, fp=1: the page is out of the recall average and scores precision 0.
    # Both empty: all zero, out of both averages (but still counted in n).
    noise = body_counts("", "w x y z")
    assert noise.recall is None and noise.precision == 0.0
    both_empty = body_counts("", "")
    assert tuple(both_empty) == (0.0, 0.0, 0.0)
    score = body_f1([noise, both_empty, body_counts("a b c d", "a b c d")])
    # P = mean(0, 1) = 0.5; R = mean(1) = 1; F1 = 2/3.
    assert (score.precision, score.recall) == (0.5, 1.0)
    assert score.f1 == approx(2 / 3)
    assert score.n == 3


def test_pages_weigh_the_same_whatever_their_length() -> None:
    # A long perfect page and a short half-right page: P and R are plain means of page rates.
    long_text = " ".join(f"w{i}" for i in range(1000))
    perfect = body_counts(long_text, long_text)
    # gold "a b c d e" -> abcd bcde; output "a b c d" -> abcd: tp=1, fp=0, fn=1 -> P=1, R=0.5.
    half = body_counts("a b c d e", "a b c d")
    score = body_f1([perfect, half])
    assert score.precision == 1.0
    assert score.recall == approx(0.75)  # not ~0.999 as pooled counts would give


def test_collapse_whitespace() -> None:
    assert collapse("  a\n\t b  \u00a0c ") == "a b c"
    assert collapse("") == ""


def test_snippets_match_after_collapsing_whitespace() -> None:
    # "keep  this\nline" matches "keep this line" in the output once collapsed: tp=1.
    # "gone" is absent: fn=1. "menu item" found across a line break: fp=1; "footer" absent: tn=1.
    output = "Title\nkeep this   line here\nmenu\n item\n"
    counts = snippet_counts(["keep  this\nline", "gone"], ["menu item", "footer"], output)
    assert counts == SnippetCounts(tp=1, fp=1, fn=1, tn=1)
    assert tuple(counts) == (1, 1, 1, 1)


def test_snippet_f1_pools_counts_not_page_scores() -> None:
    # page 1: tp=2 fp=0 fn=0; page 2: tp=0 fp=2 fn=2.
    # pooled: tp=2 fp=2 fn=2 -> P = 0.5, R = 0.5, F1 = 0.5.
    # (Averaging page F1s would give (1 + 0) / 2 = 0.5 too, so page 3 breaks the tie:)
    # page 3: tp=4 fp=0 fn=0 -> pooled tp=6 fp=2 fn=2 -> P = R = F1 = 0.75 (page mean 2/3).
    pages = [SnippetCounts(2, 0, 0, 1), SnippetCounts(0, 2, 2, 0), SnippetCounts(4, 0, 0, 3)]
    score = snippet_f1(pages)
    assert (score.precision, score.recall, score.f1) == approx((0.75, 0.75, 0.75))
    assert score.n == 3
    assert sum(p.f1 for p in pages) / 3 == approx(2 / 3)


def test_snippet_f1_of_nothing_found_is_zero() -> None:
    # tp = fp = 0: precision undefined, reported 0; F1 0.
    score = snippet_f1([snippet_counts(["a b"], ["c d"], "")])
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_page_f1_helpers() -> None:
    # Partial overlap page (0.4, 0.4, 0.2): P 0.5, R 2/3, page F1 4/7.
    page = BodyCounts(0.4, 0.4, 0.2)
    assert page.f1 == approx(4 / 7)
    assert SnippetCounts(1, 1, 1, 0).f1 == approx(0.5)
