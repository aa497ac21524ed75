"""Shell completion beyond what click does by itself: the widget kinds of `--keep KIND,...`.

click completes commands, options and click.Choice values (`-f`, `--input-format`) for
bash, zsh and fish (`_SAHELCLEAN_COMPLETE=bash_source sahelclean`); a comma-separated
list needs its last item completed, the ones before it kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import WIDGET_LABELS

if TYPE_CHECKING:
    import click
    from click.shell_completion import CompletionItem


def complete_kinds(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The widget kinds that can end `incomplete` ('related,co' -> 'related,comments', ...)."""
    from click.shell_completion import CompletionItem

    before, comma, last = incomplete.rpartition(",")
    chosen = {name.strip().lower() for name in before.split(",")}
    start = before + comma
    return [
        CompletionItem(start + kind)
        for kind in sorted(str(label) for label in WIDGET_LABELS)
        if kind.startswith(last.strip().lower()) and kind not in chosen
    ]
