"""The HTML report of `sahelclean explain --html`: one self-contained page, safe to open.

Everything the page says comes through `html.escape`, and a Content-Security-Policy
forbids scripts and any load from outside, so a hostile page cannot run or fetch anything
in the reviewer's browser. The CSS is inline; nothing else is needed to view it offline.
Each page gets the summary, then two columns: the kept article, and the removed widgets,
each with a label badge (one background colour per label) and its reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from ..models import Document, Failure, Label, Removed
from ..text.features import is_separator
from .view import Tally, tally

# One badge background per label: article roles in greens, widgets in distinct hues, so a
# reviewer (and the screenshot test) can tell every kind apart at a glance.
BADGE_COLOURS: dict[Label, str] = {
    Label.TITLE: "#1b5e20",
    Label.LEAD: "#2e7d32",
    Label.HEADING: "#388e3c",
    Label.PARAGRAPH: "#43a047",
    Label.QUOTE: "#00796b",
    Label.ATTRIBUTION: "#00897b",
    Label.CAPTION: "#558b2f",
    Label.LIST_ITEM: "#689f38",
    Label.RELATED: "#8e24aa",
    Label.COMMENTS: "#0277bd",
    Label.SHARE: "#3949ab",
    Label.NAVIGATION: "#5d4037",
    Label.NEWSLETTER: "#ef6c00",
    Label.COOKIE: "#9e7b00",
    Label.AD: "#c62828",
    Label.PAYWALL: "#ad1457",
    Label.FOOTER: "#455a64",
    Label.METADATA: "#6d6d6d",
    Label.BOILERPLATE: "#4e342e",
}
# Column backgrounds (the screenshot test finds the columns by them).
KEPT_BACKGROUND = "#f1f8f2"
REMOVED_BACKGROUND = "#fbf1f1"

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:24px;color:#1a1a1a;background:#fff}
h1{font-size:22px;margin:0 0 12px}h2{font-size:18px;margin:28px 0 4px;word-break:break-all}
.meta{color:#555;margin:0 0 8px;word-break:break-all}
.summary{margin:8px 0 14px}.summary td{padding:2px 10px 2px 0;vertical-align:top}
.badge{display:inline-block;color:#fff;border-radius:4px;padding:1px 8px;margin:1px 4px 1px 0;
font-size:12px;font-weight:600;white-space:nowrap}
.columns{display:grid;grid-template-columns:1fr 1fr;gap:16px;align-items:start}
.col{border-radius:6px;padding:10px 14px;min-width:0}
.col h3{margin:0 0 8px;font-size:15px}
.blk{margin:0 0 10px}.blk .txt{margin:2px 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
.t-title{font-size:19px;font-weight:700}.t-lead{font-weight:600}.t-heading{font-weight:700}
.t-quote{font-style:italic}
.widget{background:#fff;border:1px solid #e3cfcf;border-radius:5px;padding:6px 10px;margin:0 0 10px}
.reason{color:#444;font-style:italic}.lines{color:#777;font-size:12px;margin-left:6px}
.widget .head{font-weight:700;margin:4px 0 0}.widget ul{margin:4px 0 0;padding-left:18px}
.widget li{overflow-wrap:anywhere}.error{color:#b00020;font-weight:600}
nav ol{margin:4px 0 0}.empty{color:#777;font-style:italic}
"""


def render_report(results: Sequence[Document | Failure], title: str = "sahelclean explain") -> str:
    """The whole report: one section per page (and a table of contents for several)."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_CSS}{_badge_css()}</style>",
        f"</head><body><h1>{escape(title)}</h1>",
    ]
    if len(results) > 1:
        parts.append(_contents(results))
    for n, result in enumerate(results, 1):
        parts.append(_section(n, result))
    parts.append("</body></html>\n")
    return "\n".join(parts)


# For a label added later without a colour of its own.
OTHER_COLOUR = "#616161"


def _badge_css() -> str:
    """One CSS class per label: .b-related{background:…}."""
    return "".join(
        f".b-{label}{{background:{BADGE_COLOURS.get(label, OTHER_COLOUR)}}}" for label in Label
    )


def badge(label: Label | str) -> str:
    """A coloured label badge."""
    return f'<span class="badge b-{escape(str(label))}">{escape(str(label))}</span>'


def _contents(results: Sequence[Document | Failure]) -> str:
    """The table of contents of a batch report, with each page's counts."""
    rows = []
    for n, result in enumerate(results, 1):
        name = escape(result.source or "<stdin>")
        if isinstance(result, Failure):
            note = '<span class="error">failed</span>'
        else:
            t = tally(result)
            note = f"kept {t.kept_blocks}, removed {t.removed_blocks}"
        rows.append(f'<li><a href="#page-{n}">{name}</a> — {note}</li>')
    return f"<nav><strong>Pages</strong><ol>{''.join(rows)}</ol></nav>"


def _section(n: int, result: Document | Failure) -> str:
    """One page: header, summary, then the kept and removed columns side by side."""
    name = escape(result.source or "<stdin>")
    if isinstance(result, Failure):
        return (
            f'<section id="page-{n}"><h2>{name}</h2>'
            f'<p class="error">{escape(result.error)}</p></section>'
        )
    doc = result
    lang = escape(doc.language or "")
    meta = [str(doc.input_kind), f"language {doc.language or 'unknown'}"]
    if doc.url:
        meta.append(doc.url)  # shown as text, never as a link: it comes from the page
    return "".join(
        [
            f'<section id="page-{n}"><h2>{name}</h2>',
            f'<p class="meta">{escape(" · ".join(meta))}</p>',
            _summary(tally(doc), doc),
            '<div class="columns">',
            f'<div class="col kept" style="background:{KEPT_BACKGROUND}" lang="{lang}">',
            "<h3>Article (kept)</h3>",
            "".join(_kept_blocks(doc)) or '<p class="empty">no article found</p>',
            "</div>",
            f'<div class="col removed" style="background:{REMOVED_BACKGROUND}" lang="{lang}">',
            "<h3>Removed</h3>",
            "".join(map(_widget, doc.removed)) or '<p class="empty">nothing removed</p>',
            "</div></div></section>",
        ]
    )


def _summary(t: Tally, doc: Document) -> str:
    """The counts of one page: kept blocks by role, removed blocks by kind."""
    kept = _counts(t.kept.items()) or '<span class="empty">none</span>'
    removed = _counts(t.removed.items()) or '<span class="empty">none</span>'
    return (
        '<table class="summary">'
        f"<tr><td>kept {t.kept_blocks} blocks</td><td>{kept}</td></tr>"
        f"<tr><td>removed {t.removed_blocks} blocks in {t.widgets} widgets</td>"
        f"<td>{removed}</td></tr>"
        f"<tr><td>characters out</td><td>{len(doc.text):,}</td></tr></table>"
    )


def _counts(items: Iterable[tuple[str, int]]) -> str:
    """Badges with counts: 'paragraph 6  related 17'."""
    return " ".join(f"{badge(label)}{n}&ensp;" for label, n in items)


def _kept_blocks(doc: Document) -> Iterable[str]:
    """The blocks in the text, in page order, each with its role badge."""
    for c in doc.blocks:
        if doc.is_kept(c):
            yield (
                f'<div class="blk">{badge(c.label)}<span class="lines">line {c.block.line}</span>'
                f'<div class="txt t-{c.label}" dir="auto">{escape(c.block.text)}</div></div>'
            )


def _widget(widget: Removed) -> str:
    """One removed widget: its badge, reason, lines, heading and entries."""
    span = (
        f"{widget.first_line}"
        if widget.first_line == widget.last_line
        else (f"{widget.first_line}–{widget.last_line}")
    )
    lines = widget.lines[1:] if widget.heading is not None else widget.lines
    head = (
        f'<div class="head" dir="auto">{escape(widget.heading)}</div>'
        if widget.heading is not None
        else ""
    )
    # separator lines ("-", "•", "|") between a rail's entries say nothing in a list
    items = "".join(
        f'<li dir="auto">{escape(line)}</li>' for line in lines if not is_separator(line)
    )
    return (
        f'<div class="widget">{badge(widget.kind)}<span class="reason">{escape(widget.reason)}'
        f'</span><span class="lines">lines {span}</span>{head}'
        f"{f'<ul>{items}</ul>' if items else ''}</div>"
    )
