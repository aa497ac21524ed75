"""Everything a human sees, on stderr, through rich (imported only when needed)."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from ..models import Document

if TYPE_CHECKING:
    from rich.console import Console

    from ..batch.pool import Outcome
    from ..batch.runner import Summary
    from ..read.sources import Item


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

    def __init__(self, stream: IO[str], *, quiet: bool, progress: bool, explain: bool) -> None:
        self.stream = stream
        self.quiet = quiet
        self.explain = explain
        self.bar: Any = None
        self.task: Any = None
        self.failures = 0
        if progress and not quiet:
            self._start_bar()

    def _start_bar(self) -> None:
        """A rich progress bar on stderr: pages, pages/s, failures."""
        from rich.progress import (
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("[bold]cleaning"),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} pages/s"),
            TextColumn("[red]{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            console=stderr_console(),
            transient=True,
        )
        self.task = self.bar.add_task("clean", total=None, rate="0", failed=0)
        self.bar.start()

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
        self._advance()

    def skipped(self, item: Item, reason: str) -> None:
        """Skipped inputs only move the bar."""
        self._advance()

    def _advance(self) -> None:
        """Move the progress bar, if there is one."""
        if self.bar is None:
            return
        task = self.bar.tasks[0]
        rate = task.completed / task.elapsed if task.elapsed else 0.0
        self.bar.update(self.task, advance=1, rate=f"{rate:.0f}", failed=self.failures)

    def _line(self, text: str) -> None:
        """One line on stderr, above the progress bar when there is one."""
        if self.bar is not None:
            self.bar.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            self.stream.write(text + "\n")
            self.stream.flush()

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
