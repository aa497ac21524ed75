"""runs.py: the densest run of scores, and how runs join across the widgets between them."""

from __future__ import annotations

from sahelclean.classify.runs import best_run, grow, grow_left, prefix_run


def test_best_run_is_the_maximum_sum_run() -> None:
    scores = [-1.0, 2.0, 3.0, -1.0, 1.0, -5.0, 4.0]
    assert best_run(scores, 0, len(scores)) == (1, 2, 5.0)  # the first of equal runs
    assert best_run(scores, 5, len(scores)) == (6, 6, 4.0)
    assert best_run([-1.0, -2.0], 0, 2) is None  # no prose at all


def test_prefix_run_starts_where_it_is_told() -> None:
    assert prefix_run([1.0, -3.0, 5.0, -1.0], 0) == (2, 3.0)
    assert prefix_run([-1.0, -1.0], 0) is None


def test_grow_joins_a_part_worth_more_than_the_gap() -> None:
    # an article cut in two by a three-line rail: the second part outweighs the gap
    scores = [3.0, 3.0, -1.0, -1.0, -1.0, 4.0, -1.0]
    assert grow(scores, 0, 1, 6.0) == (0, 5)
    # a ten-line rail costs more than the short part after it is worth (2 < 0.7 × 10)
    long_rail = [3.0, 3.0, *([-1.0] * 10), 2.0]
    assert grow(long_rail, 0, 1, 6.0) == (0, 1)


def test_grow_left_takes_a_lead_cut_off_by_a_short_gap() -> None:
    scores = [2.0, -1.0, 5.0, 5.0]
    assert grow_left(scores, 2) == 0
    assert grow_left([0.5, -2.0, 5.0], 2) == 2
