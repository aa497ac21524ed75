"""Site rules on an HTML page's tree: the elements their CSS selectors drop or keep, and
the marks these leave on the page's blocks.

html/extract.py calls these around trafilatura's extraction: `select` marks the
elements, `prune` takes the dropped ones out of the tree, `site_kept` and `force_kept` make
the blocks of kept elements count as kept by trafilatura. Apart from siterules.py because
only HTML pages have a tree, and the selectors need lxml's cssselect.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..models import Block, Label, Verdict
from .siterules import SITE_RULE, SiteRules, is_site_verdict, site_verdict


def select(site: SiteRules, tree: Any) -> dict[Any, Verdict]:
    """HTML: the elements the site's selectors drop or keep, with their verdicts.

    A dropped element gets its widget verdict; a kept one a Label.PARAGRAPH verdict, which
    `site_kept` turns into "kept". When an element matches several, the later rule wins.
    """
    marks: dict[Any, Verdict] = {}
    for e in site.selectors:
        if e.label is None:
            verdict = Verdict(
                Label.PARAGRAPH, f"{SITE_RULE}{e.origin}: kept by selector '{e.text}'"
            )
        else:
            verdict = site_verdict(e, f"selector '{e.text}'")
        for element in css_selector(e.text)(tree):
            # A dropped element's descendants too: their own classes must not relabel it.
            # A kept one's only where an earlier selector dropped them.
            for node in element.iter():
                if e.label is not None or node is element or node in marks:
                    marks[node] = verdict
    return marks


@lru_cache(maxsize=256)
def css_selector(selector: str) -> Any:
    """A compiled CSS selector (lxml.cssselect, which needs the cssselect package)."""
    from lxml.cssselect import CSSSelector

    return CSSSelector(selector)


def site_kept(blocks: list[Block]) -> tuple[list[Block], frozenset[int]]:
    """HTML: the blocks without the marks of kept elements, and the indices they marked."""
    kept = frozenset(
        i
        for i, b in enumerate(blocks)
        if b.hint is not None and b.hint.label.is_article and is_site_verdict(b.hint)
    )
    if not kept:
        return blocks, kept
    return [replace(b, hint=None, widget=0) if i in kept else b for i, b in enumerate(blocks)], kept


def force_kept(blocks: list[Block], kept: frozenset[int]) -> list[Block]:
    """HTML: blocks of kept elements count as kept by trafilatura, those of dropped ones not."""
    return [
        replace(b, kept=True)
        if i in kept
        else replace(b, kept=False)
        if b.hint is not None and is_site_verdict(b.hint)
        else b
        for i, b in enumerate(blocks)
    ]


def prune(marks: dict[Any, Verdict]) -> None:
    """Take the dropped elements out of the tree (their tail text stays), before extraction."""
    remove_elements(e for e, verdict in marks.items() if not verdict.label.is_article)


def remove_elements(elements: Iterable[Any]) -> None:
    """Take elements out of their tree; the text after each (its tail) stays in place."""
    for element in elements:
        parent = element.getparent()
        if parent is None:
            continue
        tail = element.tail
        if tail:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(element)
