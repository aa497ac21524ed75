"""Hand-computed cases for bench/metrics.py (body F1, snippet F1 and structure metrics of the
corpora README, catastrophes) and bench/folds.py (folds by site)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from folds import assign_folds, decision_folds, decision_mean, site_of
from metrics import (
    BodyCounts,
    Catastrophe,
    Figure,
    SetCounts,
    SnippetCounts,
    Structure,
    StructureCounts,
    body_counts,
    body_counts_raw,
    body_f1,
    catastrophes,
    collapse,
    folded,
    heading_counts,
    lead_match,
    shingles,
    snippet_counts,
    snippet_f1,
    strip_title,
    structure_counts,
    structure_scores,
    title_match,
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


# ---------------------------------------------------------------- the title rule of body F1


def test_strip_title_takes_off_a_leading_title_line() -> None:
    text = "Bridge plan approved\n\nThe council met on Tuesday."
    assert strip_title(text, "Bridge plan approved") == "\nThe council met on Tuesday."
    assert strip_title("Bridge plan approved", "Bridge plan approved") == ""


def test_strip_title_keeps_a_later_line_equal_to_the_title() -> None:
    text = "The council met on Tuesday.\nBridge plan approved\nIt voted."
    assert strip_title(text, "Bridge plan approved") == text


def test_strip_title_without_a_title_keeps_the_text() -> None:
    text = "Bridge plan approved\nThe council met."
    assert strip_title(text, None) == text
    assert strip_title(text, "") == text
    assert strip_title(text, " \n ") == text
    assert strip_title("", "Bridge plan approved") == ""


def test_strip_title_compares_with_whitespace_collapsed_and_nothing_else() -> None:
    # Leading blank lines, runs of spaces, tabs and no-break spaces, and the ends do not count.
    text = "\n  Bridge\u00a0plan \t approved  \nThe council met."
    assert strip_title(text, "Bridge plan approved") == "The council met."
    assert strip_title("Bridge plan approved\nx", " Bridge  plan\napproved ") == "x"
    # Case, punctuation and a title that is only the start of the line do count.
    assert strip_title("BRIDGE PLAN APPROVED\nx", "Bridge plan approved") == (
        "BRIDGE PLAN APPROVED\nx"
    )
    assert strip_title("Bridge plan approved.\nx", "Bridge plan approved") == (
        "Bridge plan approved.\nx"
    )
    assert strip_title("Bridge plan approved today\nx", "Bridge plan approved") == (
        "Bridge plan approved today\nx"
    )


def test_body_counts_leave_the_title_line_out() -> None:
    # Output "t1 t2 t3 t4" + body: with the title, 4 title shingles and 3 across the join are
    # noise; without it the output is the gold.
    gold = "a b c d e"
    output = "t1 t2 t3 t4\n\na b c d e"
    assert body_counts_raw(gold, output) == (2, 4, 0)
    assert tuple(body_counts(gold, output, title="t1 t2 t3 t4")) == (1.0, 0.0, 0.0)
    assert body_counts(gold, output, title=None) == body_counts(gold, output)
    assert body_counts(gold, output, title="a b c d e") == body_counts(gold, output)


# ---------------------------------------------------------------- structure (fu)


def test_folded_is_nfkc_no_break_spaces_whitespace_casefold() -> None:
    assert folded("  Die\u00a0Straße\u202fist \n ﬁne ") == "die strasse ist fine"
    assert folded("ＡＢＣ") == "abc"  # full-width letters under NFKC
    assert folded(None) == folded("") == ""


def test_title_match() -> None:
    assert title_match("Bridge\u00a0Plan  APPROVED", "bridge plan approved")
    assert not title_match("Bridge plan approved.", "Bridge plan approved")
    assert not title_match(None, "Bridge plan approved")


def test_lead_match_compares_the_first_80_characters_either_way() -> None:
    gold = "x" * 80 + " and the rest of a long standfirst"
    assert lead_match("X" * 80 + " then something else", gold)  # holds the gold's first 80
    assert lead_match("x" * 50, "x" * 50 + " and more")  # the gold holds the output's start
    assert lead_match("intro: " + "x" * 80, gold)  # contained anywhere, not only at the start
    assert not lead_match("x" * 79 + "y", gold)
    assert not lead_match("", gold) and not lead_match(None, gold)


def test_heading_counts_are_exact_set_matches_after_folding() -> None:
    # output {a, b, c} (b twice, one empty), gold {A, B, D}: tp = 2, fp = 1 (c), fn = 1 (d).
    counts = heading_counts(["a", "b ", "b", "c", "  "], ["A", "B", "D"])
    assert counts == SetCounts(2, 1, 1)
    assert heading_counts([], []) == SetCounts(0, 0, 0)


def test_structure_counts_skip_the_lead_when_the_gold_has_none() -> None:
    gold = Structure("Title", None, ("One",))
    out = Structure("title", "A lead", ("one", "two"))
    counts = structure_counts(out, gold, meta_title="Title | Site")
    assert counts == StructureCounts(True, False, None, SetCounts(1, 1, 0))
    assert structure_counts(Structure(), Structure("T", "Lead", ())).lead is False


def test_structure_scores_hand_computed() -> None:
    # page 1: title ok, lead ok, headings tp 2; page 2: title wrong, lead missed, headings fn 1;
    # page 3: declared title ok, no gold lead, no heading at all.
    # title 1/3, meta-title 1/3, lead 1/2 (pages 1-2), headings pooled over pages 1-2:
    # tp 2, fp 0, fn 1 -> P 1, R 2/3, F1 0.8.
    pages = [
        StructureCounts(True, False, True, SetCounts(2, 0, 0)),
        StructureCounts(False, False, False, SetCounts(0, 0, 1)),
        StructureCounts(False, True, None, SetCounts(0, 0, 0)),
    ]
    scores = structure_scores(pages)
    assert scores["title"] == Figure(approx(1 / 3), 3)
    assert scores["meta-title"] == Figure(approx(1 / 3), 3)
    assert scores["lead"] == Figure(0.5, 2)
    assert scores["headings"] == Figure(approx(0.8), 2)


def test_structure_scores_leave_out_figures_over_no_page() -> None:
    scores = structure_scores([StructureCounts(True, True, None, SetCounts(0, 0, 0))])
    assert set(scores) == {"title", "meta-title"}
    assert structure_scores([]) == {}


# ---------------------------------------------------------------- catastrophes


def test_catastrophes_are_pages_more_than_the_margin_below_the_reference() -> None:
    ours = {"lost": 0.1, "close": 0.75, "edge": 0.7, "better": 1.0, "alone": 0.0, "worse": 0.2}
    reference = {"lost": 0.95, "close": 1.0, "edge": 1.0, "better": 0.5, "worse": 0.9}
    found = catastrophes(ours, reference)
    # gaps: lost 0.85, worse 0.7; close 0.25 and edge exactly 0.3 are not more than 0.3;
    # better is ahead; alone has no reference page. Worst first.
    assert found == [Catastrophe("lost", 0.1, 0.95), Catastrophe("worse", 0.2, 0.9)]
    assert [c.doc_id for c in catastrophes(ours, reference, margin=0.2)] == [
        "lost", "worse", "edge", "close"
    ]  # fmt: skip
    assert catastrophes({}, reference) == []


# ---------------------------------------------------------------- folds by site


def test_site_of_is_the_host_without_www() -> None:
    assert site_of("https://www.Example.org/a/b?x=1") == "example.org"
    assert site_of("http://news.example.org:8080/") == "news.example.org"
    assert site_of("hard::example.org-page.html") == "hard::example.org-page.html"
    assert site_of("http://[broken/") == "http://[broken/"
    assert site_of("") == ""


def test_assign_folds_keeps_a_site_in_one_fold_and_assigns_every_page() -> None:
    sites = {f"doc{i}": f"site{i % 7}.example" for i in range(40)}
    folds = assign_folds(sites, 5)
    assert set(folds) == set(sites)
    assert set(folds.values()) <= {1, 2, 3, 4, 5}
    by_site: dict[str, set[int]] = {}
    for doc, site in sites.items():
        by_site.setdefault(site, set()).add(folds[doc])
    assert all(len(f) == 1 for f in by_site.values())
    # 7 sites dealt over 5 folds: each fold has 1 or 2 sites.
    sites_per_fold = Counter(f.pop() for f in by_site.values())
    assert sorted(sites_per_fold.values()) == [1, 1, 1, 2, 2]


def test_assign_folds_is_the_same_on_every_run() -> None:
    # A stable hash (not Python's salted hash()), and page order does not matter: pinned.
    sites = {"a": "alpha.example", "b": "beta.example", "c": "gamma.example", "d": "alpha.example"}
    assert assign_folds(sites, 3) == {"a": 3, "b": 2, "c": 1, "d": 3}
    assert assign_folds(dict(reversed(sites.items())), 3) == assign_folds(sites, 3)
    with pytest.raises(ValueError):
        assign_folds(sites, 0)


def test_decision_folds_are_the_last_two() -> None:
    assert decision_folds(5) == (4, 5)
    assert decision_folds(2) == (1, 2)
    assert decision_folds(1) == (1,)
    assert decision_mean([0.1, 0.2, 0.3, 0.6, 0.8]) == approx(0.7)
    assert decision_mean([0.1, 0.2, 0.3, None, 0.8]) == 0.8
    assert decision_mean([0.1, 0.2, 0.3, None, None]) is None


def test_decision_folds_rotate() -> None:
    assert decision_folds(5, 1) == (3, 4)
    assert decision_folds(5, 3) == (1, 2)
    assert decision_folds(5, 4) == (1, 5)
    assert decision_folds(5, 5) == (4, 5)
    assert decision_mean([0.1, 0.2, 0.3, 0.6, 0.8], rotate=3) == approx(0.15)
