"""A Document as CommonMark: `# ` title, the lead, `## ` intertitles, `> ` quotes, `- ` lists.

Every block is one line of text (its whitespace runs made one space), escaped so that it
reads as the text it is and never as markup: see `escape_markdown`.
"""

from __future__ import annotations

import re

from ..models import Document
from .blocks import Kind, Layout, layout, removed_lines, removed_title, strip_dash

# Characters that are markup wherever they stand (emphasis, code, links, raw HTML, escapes).
_INLINE = re.compile(r"([\\`*_\[\]<])")
# In a heading, any `#` too: trailing ones would close it.
_INLINE_HEADING = re.compile(r"([\\`*_\[\]<#])")
# An entity reference ("&amp;", "&#233;") would print as the character it names.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What opens a block at the start of a line: a heading, a quote, a bullet or a thematic
# break, a code fence, a setext underline.
_LINE_START = re.compile(r"^([#>+\-=~])")
# An ordered list's marker: digits then "." or ")" (the digits cannot be escaped, so the
# punctuation after them is).
_ORDERED = re.compile(r"^(\d+)([.)])")
# Between the quote and its attribution, inside the blockquote.
ATTRIBUTION_DASH = "— "
# The section that --with-removed appends, after a thematic break.
REMOVED_HEADING = "Removed"


def escape_markdown(text: str, *, inline: re.Pattern[str] = _INLINE) -> str:
    """One line of Markdown that renders as `text` (its whitespace runs made one space)."""
    line = " ".join(text.split())
    line = _ENTITY.sub(r"\\&", inline.sub(r"\\\1", line))
    line = _ORDERED.sub(r"\1\\\2", line)
    return _LINE_START.sub(r"\\\1", line)


def _heading(level: int, text: str) -> str:
    """An ATX heading of this level."""
    return "#" * level + " " + escape_markdown(text, inline=_INLINE_HEADING)


def _block(block: Layout) -> str:
    """One laid-out block as Markdown."""
    if block.kind is Kind.TITLE:
        return _heading(1, block.texts[0])
    if block.kind is Kind.HEADING:
        return _heading(2, block.texts[0])
    if block.kind is Kind.LIST:
        return "\n".join("- " + escape_markdown(item) for item in block.texts)
    if block.kind is Kind.QUOTE:
        lines = ["> " + escape_markdown(text) for text in block.texts]
        if block.attribution is not None:
            credit = ATTRIBUTION_DASH + escape_markdown(strip_dash(block.attribution))
            lines += [">", "> " + credit] if lines else ["> " + credit]
        return "\n".join(lines)
    return escape_markdown(block.texts[0])


def render_markdown(doc: Document, *, with_removed: bool = False) -> str:
    """The article as Markdown, blocks separated by blank lines, ending with a newline.

    with_removed: a last section lists the removed widgets, each under a `### kind: heading`
    with its reason and its lines as a list.
    """
    chunks = [_block(block) for block in layout(doc)]
    if with_removed:
        chunks += _removed(doc)
    return "\n\n".join(chunks) + "\n"


def _removed(doc: Document) -> list[str]:
    """The removed widgets as Markdown chunks, after a thematic break."""
    chunks = ["---", _heading(2, REMOVED_HEADING)]
    for widget in doc.removed:
        chunks.append(_heading(3, removed_title(widget)))
        chunks.append(escape_markdown(f"Reason: {widget.reason}"))
        lines = removed_lines(widget)
        if lines:
            chunks.append("\n".join("- " + escape_markdown(line) for line in lines))
    return chunks
