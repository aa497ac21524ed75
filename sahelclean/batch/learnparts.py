"""Learning a site profile cut into tasks for a cluster: plan, partial counts, merge.

`sahelclean learn` on a cluster reads its inputs as `clean --scheduler` does
(partition.list_inputs and source_items: the same files, records and failures as a local
walk), cuts them into tasks, and each task gives the partial counts of its pages
(`learn_task`, a pure function of its inputs). Parts merge in input order (`merge_parts`):
when two pages have one identity (a URL crawled twice), the first one in the local walk's
order is the one counted, as a local `learn` counts it. Only the driver writes the profile.
This module imports no cluster library; sahelclean.dask drives it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Failure
from ..read.names import display
from ..read.sources import Item, SourceOptions, SourceStats
from ..sites.profile import Counts
from .learn import learn_item
from .partition import (
    FILES_PER_TASK,
    Source,
    expand_inputs,
    kind_of_source,
    list_inputs,
    source_items,
)


@dataclass(frozen=True, slots=True)
class LearnPlan:
    """The inputs in the local walk's order, and the tasks (runs of inputs) that read them."""

    entries: tuple[Source | Item, ...]  # an Item: a folder that could not be listed
    tasks: tuple[tuple[tuple[int, Source], ...], ...]  # (entry index, input), in order


@dataclass(frozen=True, slots=True)
class LearnPart:
    """What learning some inputs gave: partial counts, pages read, failures by entry."""

    counts: Counts = field(default_factory=Counts)
    pages: int = 0
    failures: tuple[tuple[int, Failure], ...] = ()  # (entry index, failure), in order


def plan_learning(
    inputs: tuple[str, ...], sources: SourceOptions, files_per_task: int = FILES_PER_TASK
) -> LearnPlan:
    """The plan of a learning run: its inputs listed in order, cut into tasks.

    Nothing is written, so no two inputs need to share a task: a JSONL or WARC file is a
    task, and runs of page files go files_per_task to a task. Each task is a run of inputs
    in the walk's order, so merging the parts in task order is merging them in that order.
    """
    entries = tuple(list_inputs(expand_inputs(inputs), sources, SourceStats()))
    tasks: list[tuple[tuple[int, Source], ...]] = []
    batch: list[tuple[int, Source]] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, Source):
            continue
        container = kind_of_source(entry, sources.input_format) != "page"
        if batch and (container or len(batch) >= files_per_task):
            tasks.append(tuple(batch))
            batch = []
        if container:
            tasks.append(((index, entry),))
        else:
            batch.append((index, entry))
    if batch:
        tasks.append(tuple(batch))
    return LearnPlan(entries, tuple(tasks))


def learn_task(task: tuple[tuple[int, Source], ...], sources: SourceOptions) -> LearnPart:
    """The partial counts of one task's pages, and the failures of its inputs."""
    counts = Counts()
    pages = 0
    failures: list[tuple[int, Failure]] = []
    for index, source in task:
        for item in source_items(source, sources, SourceStats()):
            learned = learn_item(item)
            if isinstance(learned, Failure):
                failures.append((index, learned))
            else:
                counts.add(learned)
                pages += 1
    return LearnPart(counts, pages, tuple(failures))


def merge_parts(first: LearnPart, later: LearnPart) -> LearnPart:
    """Both parts as one; a page in both keeps the lines `first` gave it (the walk's order)."""
    return LearnPart(
        first.counts.merge(later.counts),
        first.pages + later.pages,
        first.failures + later.failures,
    )


def unread_part(task: tuple[tuple[int, Source], ...], message: str, kind: str) -> LearnPart:
    """The part of a task that could not run: each of its inputs fails with this message."""
    failures = []
    for index, source in task:
        name = display(source.path)
        failures.append((index, Failure(name, f"{name}: {message}", kind)))
    return LearnPart(failures=tuple(failures))


def unlisted_failures(plan: LearnPlan) -> tuple[tuple[int, Failure], ...]:
    """The failures of the inputs no task reads (folders that could not be listed)."""
    out = []
    for index, entry in enumerate(plan.entries):
        if isinstance(entry, Item):
            assert entry.failure is not None
            out.append((index, entry.failure))
    return tuple(out)
