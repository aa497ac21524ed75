"""Runs of scores: the densest run of prose (Kadane) and how runs join across widgets.

Pure functions over a page's line scores (see core.line_score), shared by the core search
(core.py) and the article's head (heads.py).
"""

from __future__ import annotations

# A run of prose joins the core when it is worth this many times the widgets between them.
MERGE_RATIO = 0.7
# The core must hold this much prose to be an article at all.
MIN_CORE_CHARS = 150


def prefix_run(scores: list[float], start: int) -> tuple[int, float] | None:
    """The end and sum of the best run that starts at `start`."""
    total, best, found = 0.0, 0.0, None
    for i in range(start, len(scores)):
        total += scores[i]
        if total > best:
            best, found = total, (i, total)
    return found


def best_run(scores: list[float], lo: int, hi: int) -> tuple[int, int, float] | None:
    """The maximum-sum run of scores[lo:hi] (Kadane): start, end (inclusive) and sum."""
    best, found = 0.0, None
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += scores[i]
        if total > best:
            best, found = total, (start, i, total)
    return found


def grow(scores: list[float], s: int, e: int, value: float) -> tuple[int, int]:
    """Take in a run of prose on either side when it outweighs the widgets in between.

    An inline rail, a photo gallery or an ad block splits one article into parts; the
    best part alone loses the others. A part joins when its prose is worth at least
    MERGE_RATIO times what the gap costs.
    """
    while True:
        left = best_run(scores, 0, s)
        right = best_run(scores, e + 1, len(scores))
        joined = False
        if left is not None:
            gap = -sum(scores[left[1] + 1 : s])
            if left[2] >= MERGE_RATIO * gap:
                s, joined = left[0], True
        if right is not None:
            gap = -sum(scores[e + 1 : right[0]])
            if right[2] >= MERGE_RATIO * gap:
                e, joined = right[1], True
        if not joined:
            return s, e


def grow_left(scores: list[float], s: int) -> int:
    """Take in runs of prose before the core as grow does, with the capped scores."""
    while True:
        left = best_run(scores, 0, s)
        if left is None or left[2] < MERGE_RATIO * -sum(scores[left[1] + 1 : s]):
            return s
        s = left[0]
