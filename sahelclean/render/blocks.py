"""The article as a run of blocks to lay out, shared by the Markdown and HTML renderings.

A quote takes the attribution lines under it; list items that follow each other make one
list; captions are left out, as in the text output (assemble.render_text).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from ..models import Document, Label, Removed


class Kind(StrEnum):
    """What a laid-out block is."""

    TITLE = "title"
    LEAD = "lead"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST = "list"


@dataclass(frozen=True, slots=True)
class Layout:
    """One block of the laid-out article: its kind, its texts, and a quote's attribution."""

    kind: Kind
    texts: tuple[str, ...]  # one text; a list's items
    attribution: str | None = None  # a quote's, when a line under it names the speaker


def layout(doc: Document) -> Iterator[Layout]:
    """The article's blocks in reading order, as the text output holds them."""
    if doc.title:
        yield Layout(Kind.TITLE, (doc.title,))
    if doc.lead:
        yield Layout(Kind.LEAD, (doc.lead,))
    for section in doc.sections:
        if section.heading:
            yield Layout(Kind.HEADING, (section.heading,))
        pending: Layout | None = None
        for part in section.parts:
            if part.role is Label.CAPTION:
                continue
            merged = _merge(pending, part.role, part.text)
            if merged is not None:
                pending = merged
                continue
            if pending is not None:
                yield pending
            pending = _start(part.role, part.text)
        if pending is not None:
            yield pending


def _merge(pending: Layout | None, role: Label, text: str) -> Layout | None:
    """The pending block with this part added, when it continues it (else None)."""
    if pending is None:
        return None
    if pending.kind is Kind.LIST and role is Label.LIST_ITEM:
        return Layout(Kind.LIST, (*pending.texts, text))
    if pending.kind is Kind.QUOTE and role is Label.ATTRIBUTION and pending.attribution is None:
        return Layout(Kind.QUOTE, pending.texts, text)
    return None


def _start(role: Label, text: str) -> Layout:
    """A new block for a part that continues nothing."""
    if role is Label.LIST_ITEM:
        return Layout(Kind.LIST, (text,))
    if role is Label.QUOTE:
        return Layout(Kind.QUOTE, (text,))
    if role is Label.ATTRIBUTION:  # no quote above it: a quote block of its own
        return Layout(Kind.QUOTE, (), text)
    return Layout(Kind.PARAGRAPH, (text,))  # paragraphs, and the widgets kept by --keep


def removed_lines(widget: Removed) -> tuple[str, ...]:
    """The lines of a removed widget under its heading: its entries when it lists some."""
    if widget.items:  # a rail whose entries were told apart from its dates and buttons
        return widget.items
    if widget.heading is not None and widget.lines[:1] == (widget.heading,):
        return widget.lines[1:]
    return widget.lines


def removed_title(widget: Removed) -> str:
    """A removed widget's title line: its kind, and its heading when it has one."""
    return f"{widget.kind}: {widget.heading}" if widget.heading else str(widget.kind)


def strip_dash(attribution: str) -> str:
    """An attribution without the dash it may start with (the renderings put their own)."""
    return attribution.lstrip().removeprefix("—").removeprefix("–").removeprefix("- ").strip()
