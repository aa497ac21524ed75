"""A batch run cut into independent tasks, for a cluster (Dask, Spark): plan, task, tally.

The output layout of a local run with -o DIR depends on the global order in one place:
when two inputs map to one output name, the second gets `name~2` (DirSink._unique), and
only if the first one wrote something. So the plan is made on the driver, in the local
walk's order and without reading any file, and every input whose possible output names
(`name`, `name~N`, or the folder of a split container) meet another's goes into the same
task, which replays them in that order through one DirSink. Every other task writes names
no other task can write. A task writes each output atomically (writers.atomic_write), and
what it writes depends on its inputs only: a task run again after its worker was lost
writes the same bytes to the same names and sweeps the temporary files of the lost run.
This module imports no cluster library; sahelclean.dask (and a Spark job) drives it.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from ..errors import OptionsError
from ..models import Failure, RawPage
from ..read.names import display, kind_of
from ..read.remote import is_url
from ..read.sources import Item, SourceOptions, SourceStats
from ..read.walker import file_items, file_relpaths, folder_files
from ..sites.snapshot import ProfileSnapshot, shipped
from .budget import clean_one_within_budget
from .outputs import DirSink
from .pool import Outcome
from .runner import Observer, OutputGate, RunConfig, Summary, page_of, tally_outcome, write_outcome

# Page files per task: enough that the scheduler's ~1 ms per task is small beside ~20 ms
# per page, few enough that a lost worker costs little to redo and work spreads evenly.
FILES_PER_TASK = 32
_TILDE = re.compile(r"(~\d+)+$")


@dataclass(frozen=True, slots=True)
class Source:
    """One input file of the plan: its name as given, its output relpath, where to open it."""

    path: str  # as given (names the pages, like a local run)
    relpath: PurePosixPath
    at: str  # an absolute path (a worker may run in another folder), or the URL


@dataclass(frozen=True, slots=True)
class Plan:
    """The inputs in the local run's order, and the tasks that clean them."""

    entries: tuple[Source | Item, ...]  # an Item: a folder that could not be listed
    tasks: tuple[tuple[Source, ...], ...]  # each task's inputs, in the local run's order
    place: dict[int, tuple[int, int]]  # entry -> (task, position in the task)
    passed_over: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SourceResult:
    """What one input gave: its items and outcomes (without page or output), files written."""

    reports: tuple[tuple[Item, Outcome], ...]
    files: int
    passed_over: dict[str, int]


def make_plan(config: RunConfig, files_per_task: int = FILES_PER_TASK) -> Plan:
    """The plan of a run with -o DIR: its inputs listed in order, grouped into tasks."""
    if config.output is None or not config.to_dir:
        raise OptionsError("a cluster run writes a directory: give -o DIR")
    if config.manifest is not None or config.skip_existing:
        raise OptionsError("--manifest and --skip-existing work in a local run only")
    stats = SourceStats()
    entries = list(list_inputs(expand_inputs(config.inputs), config.sources, stats))
    sources = [(i, e) for i, e in enumerate(entries) if isinstance(e, Source)]
    sink = DirSink(config.output, config.fmt, config.split)
    groups = _groups([s for _, s in sources], sink, config.sources.input_format)
    tasks: list[tuple[Source, ...]] = []
    place: dict[int, tuple[int, int]] = {}
    batch: list[int] = []

    def emit(members: list[int]) -> None:
        for position, member in enumerate(members):
            place[sources[member][0]] = (len(tasks), position)
        tasks.append(tuple(sources[m][1] for m in members))

    for n, (_, source) in enumerate(sources):
        group = groups[n]
        if group[0] != n:
            continue  # planned with the first input of its group
        if len(group) == 1 and kind_of_source(source, config.sources.input_format) == "page":
            batch.append(n)
            if len(batch) >= files_per_task:
                emit(batch)
                batch = []
            continue
        emit(group)
    if batch:
        emit(batch)
    return Plan(tuple(entries), tuple(tasks), place, dict(stats.skipped))


def expand_inputs(names: tuple[str, ...]) -> tuple[str, ...]:
    """Inputs with glob patterns expanded (sorted, as a shell does); a URL through fsspec."""
    from ..read.remote import expand

    out: list[str] = []
    for name in names:
        if name == "-":
            raise OptionsError("a cluster run cannot read stdin: name the input files")
        if is_url(name):
            out += expand(name)
        elif not os.path.exists(name) and any(c in name for c in "*?["):
            out += sorted(glob.glob(name)) or [name]  # no match: "no such file", like a shell
        else:
            out.append(name)
    return tuple(out)


def list_inputs(
    names: tuple[str, ...], sources: SourceOptions, stats: SourceStats
) -> Iterator[Source | Item]:
    """Every input file in the local walk's order, with the relpath a local run gives it."""
    from ..read.remote import is_remote_dir, remote_folder_files

    urls = {n for n in names if is_url(n)}
    remote_dirs = {n for n in urls if is_remote_dir(n)}
    local = [n for n in names if n not in urls and not os.path.isdir(n)]
    relpaths = file_relpaths(local)
    # URLs get the relpaths local files would get at /PROTOCOL/BUCKET/...
    as_paths = {"/" + n.replace("://", "/", 1): n for n in urls - remote_dirs}
    relpaths |= {as_paths[p]: r for p, r in file_relpaths(list(as_paths)).items()}
    for name in names:
        if name in remote_dirs:
            listing = remote_folder_files(name, sources, stats)
        elif name not in urls and os.path.isdir(name):
            listing = folder_files(name, sources, stats)
        else:
            listing = iter([(name, relpaths[name])])
        for entry in listing:
            if isinstance(entry, Item):
                yield entry
            else:
                path, relpath = entry
                yield Source(path, relpath, path if is_url(path) else os.path.abspath(path))


def kind_of_source(source: Source, input_format: str) -> str:
    """'page', 'jsonl' or 'warc', as the local walk reads the file."""
    return kind_of(os.path.basename(source.path), input_format)


def _groups(sources: list[Source], sink: DirSink, input_format: str) -> list[list[int]]:
    """For each input, the inputs (itself included, in order) whose output names may meet."""
    parent = list(range(len(sources)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    claims = [_claim(s, sink, input_format) for s in sources]
    folders: dict[Path, int] = {}
    for i, (path, is_folder) in enumerate(claims):
        if is_folder:
            union(i, folders.setdefault(path, i))
    names: dict[Path, int] = {}
    for i, (path, is_folder) in enumerate(claims):
        if not is_folder:
            union(i, names.setdefault(path, i))
        for above in path.parents:
            if above in folders:
                union(i, folders[above])
    members: dict[int, list[int]] = {}
    for i in range(len(sources)):
        members.setdefault(root(i), []).append(i)
    return [members[root(i)] for i in range(len(sources))]


def _claim(source: Source, sink: DirSink, input_format: str) -> tuple[Path, bool]:
    """The output name an input may write, without its ~N; or the folder of a split container."""
    container = kind_of_source(source, input_format) != "page"
    record = "record" if container else None
    try:
        target = sink.target(Item(None, None, source.relpath, record))
    except OSError:  # a path out of -o DIR: the task fails that input, as a local run does
        return sink.root / "\0unsafe" / source.path, False
    if container and sink.split:
        return target.parent, True
    return target.with_name(_TILDE.sub("", target.stem) + target.suffix), False


def run_task(
    sources: tuple[Source, ...], config: RunConfig, profile: ProfileSnapshot | None = None
) -> tuple[SourceResult, ...]:
    """Clean the inputs of one task in order and write their outputs under -o DIR.

    With a profile snapshot, the pages are cleaned with it instead of the file it names;
    with config.learn, each outcome carries its page's lines for the driver to count.
    """
    assert config.output is not None
    sink = DirSink(config.output, config.fmt, config.split)
    gate = OutputGate(config, sink, None)
    results = []
    try:
        with shipped(profile):
            for source in sources:
                results.append(_run_source(source, config, sink, gate))
        gate.add(sink.close())
    except BaseException:
        sink.abort()
        raise
    return tuple(results)


def _run_source(source: Source, config: RunConfig, sink: DirSink, gate: OutputGate) -> SourceResult:
    """Clean one input and write its outputs, as runner.run does for each item."""
    stats = SourceStats()
    before = gate.files
    reports: list[tuple[Item, Outcome]] = []
    for item in source_items(source, config.sources, stats):
        work = page_of(item)
        if isinstance(work, RawPage):
            work = clean_one_within_budget(
                work,
                config.options,
                config.fmt,
                learn=config.learn is not None,
                with_removed=config.with_removed,
            )
        gate.begin(item, work)
        outcome = write_outcome(sink, gate, item, work)
        # the page's lines go back even when its output could not be written (runner.run)
        slim = replace(outcome, output=None, document=None, learned=work.learned)
        reports.append((_slim_item(item), slim))
    gate.end()
    return SourceResult(tuple(reports), gate.files - before, dict(stats.skipped))


def source_items(source: Source, sources: SourceOptions, stats: SourceStats) -> Iterator[Item]:
    """The items of one input, local or remote."""
    if source.at == source.path and is_url(source.path):
        from ..read.remote import remote_file_items

        return remote_file_items(source.path, source.relpath, sources, stats)
    return file_items(source.path, source.relpath, sources, stats, at=source.at)


def failed_source(source: Source, message: str, kind: str) -> SourceResult:
    """The result of an input whose task could not run (its workers kept dying)."""
    name = display(source.path)
    failure = Failure(name, f"{name}: {message}", kind)
    item = Item(None, failure, source.relpath, path=source.path)
    return SourceResult(((item, Outcome(name, None, False, failure)),), 0, {})


def _slim_item(item: Item) -> Item:
    """The item without its page's content, which stays on the worker."""
    if item.page is None:
        return item
    page = item.page
    return replace(item, page=RawPage(b"", page.source, page.url, page.charset))


def tally(
    plan: Plan,
    result_of: Callable[[int], tuple[SourceResult, ...]],
    summary: Summary,
    observer: Observer,
) -> None:
    """Count and report every input's outcomes in the local run's order."""
    passed_over = dict(plan.passed_over)
    for index, entry in enumerate(plan.entries):
        if isinstance(entry, Item):
            failed = page_of(entry)
            assert isinstance(failed, Outcome)
            reports: tuple[tuple[Item, Outcome], ...] = ((entry, failed),)
        else:
            task, position = plan.place[index]
            result = result_of(task)[position]
            reports = result.reports
            summary.files += result.files
            for reason, n in result.passed_over.items():
                passed_over[reason] = passed_over.get(reason, 0) + n
        for item, outcome in reports:
            tally_outcome(summary, outcome)
            observer.outcome(item, outcome)
    summary.passed_over = passed_over
