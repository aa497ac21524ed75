"""Folds by site: every page of a site in one fold, the same folds on every run.

Rules are tuned on the first folds and judged on the last two (the decision folds), so that
a rule learnt from one site is never judged on a page of that same site.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

DECISION_FOLDS = 2  # the last two folds: folds 4 and 5 of 5


def site_of(url: str) -> str:
    """The URL's host without 'www.'; the URL itself when it has none (each its own site)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # a malformed netloc, such as an unclosed IPv6 bracket
        host = ""
    return host.removeprefix("www.") or url


def _stable_hash(text: str) -> int:
    """A hash that is the same in every process (str's hash is salted per run)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def assign_folds(sites: Mapping[str, str], k: int) -> dict[str, int]:
    """Fold 1..k of each page (doc_id → site): sites sorted by a stable hash, dealt in turn.

    Every page of a site lands in the same fold, and the folds hold as many sites as can be
    (their page counts differ only by the sites' sizes).
    """
    if k < 1:
        raise ValueError(f"need at least one fold, not {k}")
    order = sorted(set(sites.values()), key=lambda site: (_stable_hash(site), site))
    fold_of_site = {site: i % k + 1 for i, site in enumerate(order)}
    return {doc_id: fold_of_site[site] for doc_id, site in sites.items()}


def decision_folds(k: int, rotate: int = 0) -> tuple[int, ...]:
    """The folds that decide: the last two of k, or, rotated by `rotate`, the two before
    them (rotate 1 of 5: folds 3–4; rotate 4: folds 5 and 1). All of them when k is smaller.

    Rounds of work rotate so that no fold is studied in one round and decides in every other.
    """
    if k <= DECISION_FOLDS:
        return tuple(range(1, k + 1))
    last = (k - 1 - rotate) % k  # 0-based index of the last deciding fold
    return tuple(sorted((last - d) % k + 1 for d in range(DECISION_FOLDS)))


def decision_mean(by_fold: Sequence[float | None], rotate: int = 0) -> float | None:
    """The mean of a figure over the decision folds (by_fold[i] is fold i + 1).

    A fold without pages for the figure (None) is left out; None when all are.
    """
    values = [by_fold[f - 1] for f in decision_folds(len(by_fold), rotate)]
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
