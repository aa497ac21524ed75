"""A Document as a page to read: Markdown, HTML5, and the plain-text list of what was removed.

Pure functions from a Document to a string; the batch writers choose one by the format.
"""

from __future__ import annotations

from .html import render_html
from .markdown import escape_markdown, render_markdown
from .plain import render_plain

__all__ = ["escape_markdown", "render_html", "render_markdown", "render_plain"]
