"""The explain view: every block of a page in order, its label and its reason.

`tally` counts what the page kept and removed (shared with the HTML report); `show` prints
the view through rich, on whatever console it is given (stdout for the explain command:
the view is that command's data). Colours follow rich's defaults: none when the output
is not a terminal or NO_COLOR is set.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Document, Label

if TYPE_CHECKING:
    from rich.console import Console

# A block longer than this is cut in the terminal view (the HTML report shows it whole).
VIEW_CHARS = 400


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
    Label.SITE_BOILERPLATE: "dim",
}


@dataclass(frozen=True, slots=True)
class Tally:
    """What a page kept and removed, in blocks, by label."""

    kept: dict[str, int]  # label -> blocks in the text (article roles and --keep kinds)
    removed: dict[str, int]  # label -> blocks left out
    widgets: int  # removed widgets (the entries of Document.removed)

    @property
    def kept_blocks(self) -> int:
        """Blocks in the text."""
        return sum(self.kept.values())

    @property
    def removed_blocks(self) -> int:
        """Blocks left out."""
        return sum(self.removed.values())

    def line(self) -> str:
        """The tally in one line: 'kept 9 blocks (paragraph 6, …); removed 21 (related 17, …)'."""
        kept = ", ".join(f"{k} {n}" for k, n in self.kept.items()) or "none"
        removed = ", ".join(f"{k} {n}" for k, n in self.removed.items()) or "none"
        return (
            f"kept {self.kept_blocks} blocks ({kept}); removed {self.removed_blocks} "
            f"in {self.widgets} widgets ({removed})"
        )


def tally(doc: Document) -> Tally:
    """Count the kept and removed blocks of a document by label (largest first)."""
    kept = Counter(str(c.label) for c in doc.blocks if doc.is_kept(c))
    removed = Counter(str(c.label) for c in doc.blocks if not doc.is_kept(c))
    return Tally(_ordered(kept), _ordered(removed), len(doc.removed))


def _ordered(counts: Counter[str]) -> dict[str, int]:
    """Counts by decreasing size, then by name, so the view is stable."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def show(console: Console, doc: Document) -> None:
    """Print the page's blocks in order, coloured by label, the reason in the margin."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    name = doc.source or "<input>"
    lang = doc.language or "unknown"
    table = Table(
        title=escape(f"{name} ({doc.input_kind}, language {lang})"),
        title_justify="left",
        expand=True,
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("line", justify="right", style="dim", no_wrap=True)
    table.add_column("label", no_wrap=True)
    table.add_column("text", ratio=3)
    table.add_column("reason", ratio=2, style="dim italic")
    for c in doc.blocks:
        style = STYLES.get(c.label, "")
        mark = "✓" if doc.is_kept(c) else "✗"
        text = c.block.text
        if len(text) > VIEW_CHARS:
            text = text[: VIEW_CHARS - 1] + "…"
        table.add_row(
            str(c.block.line),
            Text(f"{mark} {c.label}", style=style),
            Text(text, style=style if doc.is_kept(c) else "dim"),
            Text(c.verdict.reason),
        )
    console.print(table)
    console.print(escape(tally(doc).line()), highlight=False)
