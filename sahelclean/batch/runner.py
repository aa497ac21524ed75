"""A batch run: inputs to outputs, with skips, a manifest, parallel workers and a summary.

The command line builds a RunConfig and calls run(); everything a human sees goes through
the Observer it passes, so this module never prints and never exits.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO, Protocol

from ..errors import OptionsError
from ..models import Failure, RawPage
from ..options import Options
from ..read.sources import Item, SourceOptions, SourceStats, walk
from .learn import Learner
from .manifest import Manifest, sha256_bytes, sha256_file
from .outputs import DirSink, FileSink, Sink, StreamSink
from .pool import Outcome, clean_one, ordered_map
from .writers import Format, Sync, sync_tree


@dataclass(frozen=True, slots=True)
class RunConfig:
    """Everything one run needs, as the command line or a caller sets it."""

    inputs: tuple[str, ...]
    options: Options = field(default_factory=Options)
    sources: SourceOptions = field(default_factory=SourceOptions)
    fmt: Format = Format.TEXT
    output: Path | None = None  # None: stdout
    to_dir: bool = False  # output is a directory mirroring the inputs
    split: bool = False  # one output per JSONL/WARC record instead of one per container
    jobs: int = 1
    skip_existing: bool = False
    manifest: Path | None = None
    fail_on_empty: bool = True
    keep_documents: bool = False  # hand each Document to the observer (forces one process)
    learn: Path | None = None  # a site profile that counts the pages as they pass (--learn)
    sync: Sync = Sync.END  # when -o DIR outputs reach the disk (writers.Sync)
    with_removed: bool = False  # text, Markdown, HTML: the removed widgets after the article


@dataclass
class Summary:
    """What a run did; `exit_code` is what a script sees."""

    processed: int = 0
    written: int = 0
    empty: int = 0
    failed: int = 0
    skipped: int = 0
    files: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    fail_on_empty: bool = True
    passed_over: dict[str, int] = field(default_factory=dict)  # records not pages, by reason

    @property
    def exit_code(self) -> int:
        """0 all good, 1 some input failed (or was empty, unless allowed), 130 interrupted."""
        if self.interrupted:
            return 130
        return 1 if self.failed or (self.empty and self.fail_on_empty) else 0

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (for --summary-json)."""
        return {
            "processed": self.processed,
            "written": self.written,
            "empty": self.empty,
            "failed": self.failed,
            "skipped": self.skipped,
            "files_written": self.files,
            "seconds": round(self.seconds, 3),
            "interrupted": self.interrupted,
            "exit_code": self.exit_code,
            "passed_over": dict(sorted(self.passed_over.items())),
        }


class Observer(Protocol):
    """What the caller is told as the run goes."""

    def outcome(self, item: Item, outcome: Outcome) -> None:
        """One input or record was cleaned (or failed)."""

    def skipped(self, item: Item, reason: str) -> None:
        """One input was skipped as unchanged."""


class QuietObserver:
    """An observer that ignores everything."""

    def outcome(self, item: Item, outcome: Outcome) -> None:
        """Ignore."""

    def skipped(self, item: Item, reason: str) -> None:
        """Ignore."""


def run(
    config: RunConfig, stdin: BinaryIO, stdout: IO[str], observer: Observer | None = None
) -> Summary:
    """Clean every input of the config, write the outputs, and say what happened."""
    if (config.manifest is not None or config.skip_existing) and not config.to_dir:
        raise OptionsError("--manifest and --skip-existing need -o DIR: one output per input")
    observer = observer or QuietObserver()
    summary = Summary(fail_on_empty=config.fail_on_empty)
    stats = SourceStats()
    sink = _sink(config, stdout)
    manifest = Manifest.load(config.manifest) if config.manifest else None
    gate = OutputGate(config, sink, manifest)
    started = time.perf_counter()
    jobs = 1 if config.keep_documents else config.jobs
    items = gate.filter(walk(config.inputs, stdin, config.sources, stats), summary, observer)
    learner = Learner(config.learn) if config.learn is not None else None
    args = (
        config.options,
        config.fmt,
        config.keep_documents,
        learner is not None,
        config.with_removed,
    )
    try:
        for item, outcome in ordered_map(clean_one, items, page_of, args, jobs):
            if learner is not None and outcome.learned is not None:
                learner.add(outcome.learned)
            gate.begin(item, outcome)
            outcome = write_outcome(sink, gate, item, outcome)
            tally_outcome(summary, outcome)
            observer.outcome(item, outcome)
        gate.end()
        gate.add(sink.close())
    except KeyboardInterrupt:
        sink.abort()
        summary.interrupted = True
    except BaseException:
        sink.abort()  # nothing half-written stays behind, whatever went wrong
        raise
    finally:
        if config.to_dir and config.output is not None and config.sync is Sync.END and gate.files:
            sync_tree(config.output)  # the outputs are on the disk before the manifest says so
        if manifest is not None:
            manifest.save()
        if learner is not None:
            learner.flush()  # what was cleaned is counted, even when the run was cut short
        summary.seconds = time.perf_counter() - started
        summary.files = gate.files
        summary.passed_over = dict(stats.skipped)
    return summary


def write_outcome(sink: Sink, gate: OutputGate, item: Item, outcome: Outcome) -> Outcome:
    """Write one outcome; a write that fails (disk full, no permission) fails that input only."""
    try:
        gate.add(sink.accept(item, outcome))
    except OSError as exc:
        source = outcome.source or "<stdin>"
        reason = exc.strerror or str(exc)
        where = f" {exc.filename}" if exc.filename else ""
        message = f"{source}: cannot write the output{where} ({reason}); check -o and free space"
        gate.failed = True
        return Outcome(outcome.source, None, False, Failure(outcome.source, message, "OutputError"))
    return outcome


def page_of(item: Item) -> RawPage | Outcome:
    """The page to clean, or the failure of an input that could not be read."""
    if item.page is not None:
        return item.page
    assert item.failure is not None
    return Outcome(item.failure.source, None, False, item.failure)


def tally_outcome(summary: Summary, outcome: Outcome) -> None:
    """Count one outcome."""
    if outcome.failure is not None:
        summary.failed += 1
        return
    summary.processed += 1
    if outcome.empty:
        summary.empty += 1
    else:
        summary.written += 1


def _sink(config: RunConfig, stdout: IO[str]) -> Sink:
    """Where the documents go."""
    if config.output is None:
        return StreamSink(stdout, config.fmt)
    if config.to_dir:
        return DirSink(config.output, config.fmt, config.split, config.sync)
    return FileSink(config.output, config.fmt)


@dataclass
class OutputGate:
    """Decides which inputs to skip, and records what each input produced in the manifest."""

    config: RunConfig
    sink: Sink
    manifest: Manifest | None
    files: int = 0
    key: str | None = None  # the input being written (a container's path for its records)
    digest: str | None = None
    failed: bool = False
    outputs: list[Path] = field(default_factory=list)
    skipping: str | None = None  # the container whose records are being skipped
    seen: str | None = None  # the last container whose fate was decided

    def filter(self, items: Iterator[Item], summary: Summary, observer: Observer) -> Iterator[Item]:
        """Pass on the items to clean; count and report the ones skipped."""
        for item in items:
            if self._skip(item):
                if item.page is not None:  # a bad record of a skipped container is old news
                    summary.skipped += 1
                    observer.skipped(item, "unchanged")
                continue
            yield item

    def _skip(self, item: Item) -> bool:
        """Whether this item's input is unchanged since its outputs were written."""
        if item.path is None or not (self.config.skip_existing or self.manifest):
            return False
        per_record = self.config.split and self.config.skip_existing
        if item.record is not None and not per_record:  # a container is read or skipped whole
            if self.seen != item.path:
                self.seen = item.path
                self.skipping = item.path if self._unchanged(item) else None
            return self.skipping == item.path
        return item.page is not None and self._unchanged(item)

    def _unchanged(self, item: Item) -> bool:
        """Outputs newer than the input (--skip-existing), or the same hash (--manifest)."""
        if self.config.skip_existing and isinstance(self.sink, DirSink) and item.stat:
            target = self.sink.target(item)
            if target.exists() and target.stat().st_mtime_ns >= item.stat[1]:
                return True
        if self.manifest is not None:
            return self.manifest.unchanged(_key(item), _digest(item))
        return False

    def begin(self, item: Item, outcome: Outcome) -> None:
        """Called before an outcome is written: close the previous input if this is a new one."""
        key = _key(item)
        if key != self.key:
            self.end()
            self.key, self.failed, self.outputs = key, False, []
            self.digest = _digest(item) if self.manifest and item.path else None
        if outcome.failure is not None and item.record is None:
            self.failed = True  # an unread input (or a cut container) is tried again next time

    def add(self, written: list[Path]) -> None:
        """Note the files the current input completed."""
        self.files += len(written)
        self.outputs.extend(written)

    def end(self) -> None:
        """The current input is complete: commit its container file, record it."""
        if self.key is None:
            return
        self.add(self.sink.end_input())
        if self.manifest is not None and self.digest is not None and not self.failed:
            self.manifest.record(self.key, self.digest, self.outputs)
        self.key = None


def _key(item: Item) -> str:
    """The manifest key of an input: its path as given (the container's for a record)."""
    return item.path or (item.page.source if item.page and item.page.source else "<stdin>")


def _digest(item: Item) -> str:
    """The content hash of an input: the page's bytes, or the container file's."""
    if item.record is not None and item.path is not None:
        return sha256_file(Path(item.path))
    if item.page is None:
        return ""
    return sha256_bytes(item.page.content)
