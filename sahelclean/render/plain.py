"""The text output, with the removed widgets after the article when asked (--with-removed)."""

from __future__ import annotations

from ..models import Document
from .blocks import removed_lines, removed_title

# The line that opens the removed widgets' section under the article.
REMOVED_RULE = "=== removed ==="


def render_plain(doc: Document, *, with_removed: bool = False) -> str:
    """The article's text (Document.text), ending with a newline.

    with_removed: then a `=== removed ===` line, and per widget a `[kind: heading]` line,
    a `reason: …` line and its lines each after `- `; blank lines between the widgets.
    """
    if not with_removed:
        return doc.text + "\n"
    chunks = [doc.text, REMOVED_RULE] if doc.text else [REMOVED_RULE]
    for widget in doc.removed:
        lines = [f"[{removed_title(widget)}]", f"reason: {widget.reason}"]
        lines += [f"- {line}" for line in removed_lines(widget)]
        chunks.append("\n".join(lines))
    return "\n\n".join(chunks) + "\n"
