"""Everything a human sees, on stderr, through rich (imported only when needed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .models import Document, Label

if TYPE_CHECKING:
    from rich.console import Console

# Colours of the explain view: article roles green, widgets by family.
STYLES: dict[Label, str] = {
    Label.TITLE: "bold green",
    Label.LEAD: "green",
    Label.HEADING: "bold green",
    Label.PARAGRAPH: "green",
    Label.QUOTE: "italic green",
    Label.ATTRIBUTION: "green",
    Label.CAPTION: "green",
    Label.LIST_ITEM: "green",
    Label.RELATED: "magenta",
    Label.COMMENTS: "cyan",
    Label.SHARE: "blue",
    Label.NAVIGATION: "blue",
    Label.NEWSLETTER: "yellow",
    Label.COOKIE: "yellow",
    Label.AD: "red",
    Label.PAYWALL: "red",
    Label.FOOTER: "blue",
    Label.METADATA: "dim",
    Label.BOILERPLATE: "dim",
}


def stderr_console(**kwargs: Any) -> Console:
    """A rich console on stderr."""
    from rich.console import Console

    return Console(stderr=True, **kwargs)


def explain(console: Console, doc: Document) -> None:
    """A table of every block: line, label, text and the reason for its label."""
    from rich.table import Table

    table = Table(title=f"sahelclean explain: {doc.source or '<input>'}", expand=True)
    table.add_column("line", justify="right", style="dim", no_wrap=True)
    table.add_column("label", no_wrap=True)
    table.add_column("text", ratio=3)
    table.add_column("reason", ratio=2, style="dim")
    for c in doc.blocks:
        style = STYLES.get(c.label, "")
        text = c.block.text if len(c.block.text) <= 160 else c.block.text[:157] + "…"
        kept = "✓ " if c.label.is_article else "✗ "
        table.add_row(str(c.block.line), f"[{style}]{kept}{c.label}[/]", text, c.verdict.reason)
    console.print(table)
    kinds = ", ".join(f"{k} {n}" for k, n in doc.stats.get("removed_by_kind", {}).items())
    console.print(
        f"kept {doc.stats.get('kept_blocks', 0)} blocks, removed "
        f"{doc.stats.get('removed_blocks', 0)} ({kinds or 'none'})"
    )
