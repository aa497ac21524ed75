"""HTML pages, through trafilatura: the one module that talks to it.

This first version keeps trafilatura's text and labels its paragraphs; when trafilatura
finds nothing, the page's visible text goes through the text-dump cleaner instead.
"""

from __future__ import annotations

from typing import Any

from .assemble import assemble
from .models import Block, Classified, Document, InputKind, Label, Verdict
from .options import Options


def clean_html(
    html: str, *, source: str | None, url: str | None, options: Options, stats: dict[str, Any]
) -> Document:
    """Clean an HTML page with trafilatura, falling back to its visible text."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, with_metadata=True
    )
    text = getattr(result, "text", None) if result is not None else None
    metadata = _metadata(result)
    if not text or not text.strip():
        from .pipeline import clean_text

        visible = trafilatura.html2txt(html) or ""
        stats = {**stats, "fallback": "trafilatura found no article; cleaned the visible text"}
        doc = clean_text(
            visible, source=source, url=url, options=options, stats=stats, input_kind=InputKind.HTML
        )
        return doc
    blocks = [
        Classified(
            Block(i, line.strip(), i + 1, i + 1), Verdict(Label.PARAGRAPH, "kept by trafilatura")
        )
        for i, line in enumerate(ln for ln in text.split("\n") if ln.strip())
    ]
    return assemble(
        blocks,
        kept_widgets=options.keep,
        source=source,
        url=url,
        input_kind=InputKind.HTML,
        language=metadata.get("language") or options.language,
        stats=stats,
        metadata=metadata,
        title=metadata.get("title"),
    )


def _metadata(result: Any) -> dict[str, str]:
    """Title, author, date, site name, url and language from trafilatura's result."""
    if result is None:
        return {}
    out = {}
    for name in ("title", "author", "date", "sitename", "url", "language"):
        value = getattr(result, name, None)
        if value:
            out[name] = str(value)
    return out
