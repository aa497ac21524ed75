"""Documents built by hand for the rendering tests: a title, a lead, sections of parts."""

from __future__ import annotations

from sahelclean.assemble import render_text
from sahelclean.models import Document, InputKind, Label, Part, Removed, Section


def document(
    title: str | None,
    lead: str | None,
    sections: list[tuple[str | None, list[tuple[Label, str]]]],
    *,
    language: str | None = "fr",
    removed: tuple[Removed, ...] = (),
) -> Document:
    """A Document as the assembly would make it from these parts."""
    built = tuple(
        Section(heading, tuple(Part(role, text) for role, text in parts))
        for heading, parts in sections
    )
    return Document(
        source="page.txt",
        url=None,
        input_kind=InputKind.TEXT,
        language=language,
        title=title,
        lead=lead,
        sections=built,
        text=render_text(title, lead, built),
        removed=removed,
        blocks=(),
    )


def widget(
    kind: Label, heading: str | None, lines: list[str], items: list[str] | None = None
) -> Removed:
    """A removed widget: its heading (first of its lines when it has one) and its lines."""
    return Removed(
        kind=kind,
        reason=f"widget heading {heading!r}" if heading else "byline",
        heading=heading,
        lines=tuple(lines),
        items=tuple(items) if items is not None else None,
        first_line=1,
        last_line=len(lines),
    )
