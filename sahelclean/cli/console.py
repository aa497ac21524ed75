"""Everything a human sees, on stderr, through rich (imported only when needed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from ..models import Document
from ..read.sources import SourceOptions

if TYPE_CHECKING:
    from rich.console import Console

    from ..batch.pool import Outcome
    from ..batch.runner import Summary
    from ..read.sources import Item
    from .progress import ProgressBar


def stderr_console(**kwargs: Any) -> Console:
    """A rich console on stderr."""
    from rich.console import Console

    return Console(stderr=True, **kwargs)


def explain(console: Console, doc: Document) -> None:
    """Every block in order, its label and its reason (the `sahelclean explain` view)."""
    from .view import show

    show(console, doc)


class ConsoleObserver:
    """Tells the human what a run does: errors always, a progress bar when asked."""

    def __init__(
        self,
        stream: IO[str],
        *,
        quiet: bool,
        progress: bool,
        explain: bool,
        inputs: Sequence[str] = (),
        sources: SourceOptions | None = None,
    ) -> None:
        self.stream = stream
        self.quiet = quiet
        self.explain = explain
        self.bar: ProgressBar | None = None
        self.failures = 0
        if progress and not quiet:
            from .progress import ProgressBar

            self.bar = ProgressBar(inputs, sources or SourceOptions())

    def outcome(self, item: Item, outcome: Outcome) -> None:
        """Report a failure or an empty page on one line; show the explain table if asked."""
        if outcome.failure is not None:
            self.failures += 1
            self._line(f"sahelclean: error: {outcome.failure.error}")
        elif outcome.empty:
            source = outcome.source or "<stdin>"
            self._line(
                f"sahelclean: error: {source}: no article found "
                "(the page holds only widgets or navigation; see --explain)"
            )
        if self.explain and outcome.document is not None:
            explain(stderr_console(), outcome.document)
        self._advance(item)

    def skipped(self, item: Item, reason: str) -> None:
        """Skipped inputs only move the bar."""
        self._advance(item)

    def _advance(self, item: Item) -> None:
        """Move the progress bar, if there is one."""
        if self.bar is not None:
            self.bar.advance(item, self.failures)

    def _line(self, text: str) -> None:
        """One line on stderr, above the progress bar when there is one."""
        if self.bar is not None:
            self.bar.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            self.stream.write(text + "\n")
            self.stream.flush()

    def finish(self, summary: Summary) -> None:
        """The run is over: unless it was cut short, the bar's last frame shows it all done."""
        if self.bar is not None and not summary.interrupted:
            self.bar.finish()

    def close(self) -> None:
        """Stop the progress bar."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def summary_line(summary: Summary) -> str:
    """The end-of-run summary in one line."""
    parts = [f"{summary.processed} processed"]
    if summary.processed:
        parts[0] += f" ({summary.written} written, {summary.empty} without article)"
    parts += [f"{summary.skipped} skipped", f"{summary.failed} failed"]
    line = f"sahelclean: {', '.join(parts)} in {summary.seconds:.1f} s"
    if summary.interrupted:
        line += "; interrupted (files already written are complete)"
    return line
