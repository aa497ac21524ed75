"""Verdicts to a Document: title, lead, sections, the text, and the removed widgets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from .models import Classified, Document, InputKind, Label, Part, Removed, Section

# Widgets whose entries are listed one by one in `items`.
LIST_KINDS = frozenset({Label.RELATED, Label.NAVIGATION, Label.SHARE, Label.FOOTER})


def assemble(
    blocks: list[Classified],
    *,
    kept_widgets: frozenset[Label],
    source: str | None,
    url: str | None,
    input_kind: InputKind,
    language: str | None,
    stats: dict[str, Any] | None = None,
    metadata: dict[str, str] | None = None,
    title: str | None = None,
) -> Document:
    """Build the document from classified blocks, keeping the widget kinds asked for.

    `title` is the article's title when the caller chose it (HTML: the headline as the page
    declares it); else the text of the block labelled title.
    """
    kept = [c for c in blocks if c.label.is_article or c.label in kept_widgets]
    title_block = next((c for c in kept if c.label is Label.TITLE), None)
    lead_block = next((c for c in kept if c.label is Label.LEAD), None)
    if title is None and title_block is not None:  # `title`: the page's, when it says
        title = title_block.block.text
    body = [c for c in kept if c.label not in (Label.TITLE, Label.LEAD)]
    sections = tuple(_sections(body))
    text = render_text(title, lead_block.block.text if lead_block else None, sections)
    kept_at = {c.block.index for c in kept}
    removed = tuple(_removed(c for c in blocks if c.block.index not in kept_at))
    return Document(
        source=source,
        url=url,
        input_kind=input_kind,
        language=language,
        title=title,
        lead=lead_block.block.text if lead_block else None,
        sections=sections,
        text=text,
        removed=removed,
        blocks=tuple(blocks),
        stats={**_stats(blocks, kept_at, text), **(stats or {})},
        metadata=dict(metadata or {}),
        kept_widgets=kept_widgets,
    )


def _sections(body: list[Classified]) -> list[Section]:
    """Cut the body into sections at each intertitle."""
    sections: list[Section] = []
    heading: str | None = None
    parts: list[Part] = []
    for c in body:
        if c.label is Label.HEADING:
            if parts or heading is not None:
                sections.append(Section(heading, tuple(parts)))
            heading, parts = c.block.text, []
        else:
            parts.append(Part(c.label, c.block.text))
    if parts or heading is not None:
        sections.append(Section(heading, tuple(parts)))
    return sections


def render_text(title: str | None, lead: str | None, sections: Iterable[Section]) -> str:
    """The plain-text article: one block per paragraph, blank lines between blocks.

    Photo captions stay in the sections (role "caption") but not in the running text.
    """
    chunks = [t for t in (title, lead) if t]
    for section in sections:
        if section.heading:
            chunks.append(section.heading)
        chunks.extend(p.text for p in section.parts if p.role is not Label.CAPTION)
    return "\n\n".join(chunks)


HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _removed(blocks: Iterable[Classified]) -> Iterable[Removed]:
    """Group consecutive dropped blocks of one zone (or one label) into widgets."""
    group: list[Classified] = []
    for c in blocks:
        if group and not _same_group(group[-1], c):
            yield _widget(group)
            group = []
        group.append(c)
    if group:
        yield _widget(group)


def _same_group(a: Classified, b: Classified) -> bool:
    """Blocks belong together when they share a zone, or follow each other with one label.

    Blocks labelled by their HTML container stay with their container: an <aside> of
    related stories and the Taboola <div> after it are two widgets. Blocks of one kind in
    one marked container are one widget, whatever zones the classifier saw in it (a
    paywall's title, offer, button and login line).
    """
    if a.block.widget and a.block.widget == b.block.widget and a.label is b.label:
        return b.block.index == a.block.index + 1  # one marked container, one kind: one widget
    if a.zone is not None or b.zone is not None:
        return a.zone == b.zone
    if a.block.widget or b.block.widget:
        return a.block.widget == b.block.widget and b.block.index == a.block.index + 1
    return a.label is b.label and b.block.index == a.block.index + 1


def _widget(group: list[Classified]) -> Removed:
    """One removed widget from a group of blocks."""
    first = group[0]
    # the zone's heading, or the <h2> that opens a marked container ("This article is for
    # subscribers only" over a paywall's offer)
    opens = first.block.widget and first.block.tag in HEADING_TAGS and len(group) > 1
    heading = first.block.text if first.zone_heading or opens else None
    lines = tuple(c.block.text for c in group)
    items = None
    if first.label in LIST_KINDS:
        entries = group[1:] if heading is not None else group
        items = tuple(c.block.text for c in entries if c.entry)
    return Removed(
        kind=first.label,
        reason=first.verdict.reason,
        heading=heading,
        lines=lines,
        items=items,
        first_line=first.block.line,
        last_line=group[-1].block.end_line,
    )


def _stats(blocks: list[Classified], kept_at: set[int], text: str) -> dict[str, Any]:
    """Counts for the JSON `stats` field."""
    removed = Counter(str(c.label) for c in blocks if c.block.index not in kept_at)
    return {
        "blocks": len(blocks),
        "kept_blocks": len(kept_at),
        "removed_blocks": len(blocks) - len(kept_at),
        "removed_by_kind": dict(sorted(removed.items())),
        "chars_out": len(text),
    }
