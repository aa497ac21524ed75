"""The progress bar on stderr: pages, pages/s, failures, and how long is left when known.

Imported only when a bar is shown, so a run without one never imports rich. Over folders
the total number of files is counted in a thread while the run goes; the bar shows `?`
until it is known.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from ..read.extent import Position, Unit, count_files, extent
from ..read.sources import Item, SourceOptions


class _Count(ProgressColumn):
    """'272/1000 files', '272 pages' when counting bytes, '272/?' with no known end."""

    def render(self, task: Task) -> Text:
        """The count of the task's unit."""
        unit, pages = task.fields["unit"], task.fields["pages"]
        if unit == Unit.BYTES:
            return Text(f"{pages} pages")
        if unit == Unit.FILES:
            total = "?" if task.total is None else f"{task.total:.0f}"
            return Text(f"{int(task.completed)}/{total} files")
        return Text(f"{pages}/?")


class _Share(ProgressColumn):
    """'37%' once the total is known."""

    def render(self, task: Task) -> Text:
        """The share done, or nothing."""
        if task.total is None:
            return Text("")
        return Text(f"{task.percentage:3.0f}%", style="progress.percentage")


class _TimeLeft(ProgressColumn):
    """'eta 0:01:23' once the total is known ('eta -:--:--' until there is a rate)."""

    max_refresh = 0.5  # a figure that changes ten times a second cannot be read

    def render(self, task: Task) -> Text:
        """The time left at the recent rate, or nothing."""
        if task.total is None:
            return Text("")
        left = task.time_remaining
        if left is None:
            return Text("eta -:--:--", style="progress.remaining")
        minutes, seconds = divmod(int(left), 60)
        hours, minutes = divmod(minutes, 60)
        return Text(f"eta {hours}:{minutes:02d}:{seconds:02d}", style="progress.remaining")


class ProgressBar:
    """A rich progress bar over a run's inputs, moved by each item whose outcome is in."""

    def __init__(self, inputs: Sequence[str], sources: SourceOptions) -> None:
        size = extent(inputs, sources)
        self.position = Position(size.unit)
        self.pages = 0
        columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("[bold]cleaning"), _Count()]
        if size.unit is not None:
            columns += [BarColumn(bar_width=24), _Share()]
        columns += [
            TextColumn("{task.fields[rate]} pages/s"),
            TextColumn("[red]{task.fields[failed]} failed"),
            TimeElapsedColumn(),
        ]
        if size.unit is not None:
            columns.append(_TimeLeft())
        # No redirection of stdout: rich would send the data written there to stderr.
        self.bar = Progress(
            *columns,
            console=Console(stderr=True),
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        fields: dict[str, Any] = {"rate": "0", "failed": 0, "pages": 0, "unit": size.unit}
        self.task = self.bar.add_task("clean", total=size.total, **fields)
        self.counter: threading.Thread | None = None
        if size.has_folders:
            self.counter = threading.Thread(
                target=self._count, args=(tuple(inputs), sources), daemon=True
            )
            self.counter.start()
        self.bar.start()

    @property
    def console(self) -> Console:
        """The console the bar draws on (lines printed there go above the bar)."""
        return self.bar.console

    def _count(self, inputs: tuple[str, ...], sources: SourceOptions) -> None:
        """Count the files of the walk, then give the bar its total."""
        self.bar.update(self.task, total=count_files(inputs, sources))

    def advance(self, item: Item, failures: int) -> None:
        """One more item done."""
        self.pages += 1
        elapsed = self.bar.tasks[0].elapsed
        rate = self.pages / elapsed if elapsed else 0.0
        self.bar.update(
            self.task,
            completed=self.position.advance(item),
            pages=self.pages,
            rate=f"{rate:.0f}",
            failed=failures,
        )

    def finish(self) -> None:
        """The run read every input: wait for the count, show the bar full."""
        if self.counter is not None:
            self.counter.join()
        total = self.bar.tasks[0].total
        if total is not None:
            self.bar.update(self.task, completed=total)

    def stop(self) -> None:
        """Draw the last frame and take the bar away."""
        self.bar.stop()
