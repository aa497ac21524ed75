"""A Document as a minimal semantic HTML5 page: no script, no style, every text escaped.

<article> holds a <header> (the <h1> title and the lead's <p>), then <h2> intertitles,
<p> paragraphs, <blockquote> quotes with the attribution in a <footer>, and <ul> lists.
"""

from __future__ import annotations

import html

from ..models import Document
from .blocks import Kind, Layout, layout, removed_lines, removed_title

# The <aside> that --with-removed appends after the article.
REMOVED_HEADING = "Removed"


def escape(text: str) -> str:
    """Text for an element's content: `&`, `<` and `>` escaped (quotes need no escape there)."""
    return html.escape(text, quote=False)


def _block(block: Layout) -> list[str]:
    """One laid-out block as lines of HTML."""
    text = escape(block.texts[0]) if block.texts else ""
    if block.kind is Kind.TITLE:
        return [f"<h1>{text}</h1>"]
    if block.kind is Kind.HEADING:
        return [f"<h2>{text}</h2>"]
    if block.kind is Kind.LIST:
        return ["<ul>", *(f"<li>{escape(item)}</li>" for item in block.texts), "</ul>"]
    if block.kind is Kind.QUOTE:
        lines = ["<blockquote>", *(f"<p>{escape(t)}</p>" for t in block.texts)]
        if block.attribution is not None:
            lines.append(f"<footer>{escape(block.attribution)}</footer>")
        return [*lines, "</blockquote>"]
    return [f"<p>{text}</p>"]


def _article(doc: Document) -> list[str]:
    """The <article> element: a <header> for the title and lead, then the body."""
    head: list[str] = []
    body: list[str] = []
    for block in layout(doc):
        (head if block.kind in (Kind.TITLE, Kind.LEAD) else body).extend(_block(block))
    header = ["<header>", *head, "</header>"] if head else []
    return ["<article>", *header, *body, "</article>"]


def _removed(doc: Document) -> list[str]:
    """The removed widgets, in an <aside> after the article."""
    lines = ["<aside>", f"<h2>{REMOVED_HEADING}</h2>"]
    for widget in doc.removed:
        lines += ["<section>", f"<h3>{escape(removed_title(widget))}</h3>"]
        lines.append(f"<p>Reason: {escape(widget.reason)}</p>")
        entries = removed_lines(widget)
        if entries:
            lines += ["<ul>", *(f"<li>{escape(e)}</li>" for e in entries), "</ul>"]
        lines.append("</section>")
    return [*lines, "</aside>"]


def render_html(doc: Document, *, with_removed: bool = False) -> str:
    """The article as one HTML5 document, ending with a newline.

    The page's <title> is the article's title, else its URL or source; <html lang> is set
    when the language is known.
    """
    lang = f' lang="{html.escape(doc.language)}"' if doc.language else ""
    title = doc.title or doc.url or doc.source or ""
    lines = [
        "<!DOCTYPE html>",
        f"<html{lang}>",
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        "</head>",
        "<body>",
        *_article(doc),
        *(_removed(doc) if with_removed else ()),
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
