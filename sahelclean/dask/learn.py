"""Learn a site profile on a Dask cluster: `sahelclean learn --scheduler`, or learn_files.

Each task counts the pages of a run of inputs (learnparts.learn_task, on a worker). The
parts are merged on the workers too, as a tree: as soon as two neighbouring runs of tasks
are done, one task merges them, so that merges run in parallel while other tasks still
read, each page's lines are copied about log2(tasks) times instead of once per task, and
a page that several tasks saw crosses the network once. Only the final counts come to the
driver, which writes them to the profile in one transaction: no worker ever writes SQLite.
Neighbours only are merged, so the order of the inputs is kept (see learnparts).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

try:
    import distributed
except ImportError as exc:  # pragma: no cover - the message is the point
    raise ImportError(
        f"sahelclean.dask.learn needs Dask: pip install 'sahelclean[dask]' ({exc})"
    ) from exc

from ..batch.learn import LearnSummary
from ..batch.learnparts import (
    LearnPart,
    LearnPlan,
    learn_task,
    merge_parts,
    plan_learning,
    unlisted_failures,
    unread_part,
)
from ..batch.partition import FILES_PER_TASK
from ..read.sources import SourceOptions
from ..sites.profile import Counts
from ..sites.profiledb import StrPath, write_counts
from . import LOCAL, dask_client

# What a task that killed every worker it ran on becomes: its inputs fail, not the run.
KILLED = "every worker that read it died (out of memory?); skipped"


def learn_files(
    paths_or_globs: Iterable[str],
    profile: StrPath,
    client: distributed.Client | None = None,
    *,
    sources: SourceOptions | None = None,
    files_per_task: int = FILES_PER_TASK,
) -> LearnSummary:
    """Count the pages of files, folders, JSONL and WARC dumps into the profile on a cluster.

    The profile ends as a local `learn_files`'s inputs given to learn.learn would leave it.
    It is written by this process only. Without a client, the current default client is
    used, or a LocalCluster of one process per core.
    """
    if client is None:
        try:
            client = distributed.default_client()
        except ValueError:  # no client yet
            return learn_on_dask(paths_or_globs, profile, LOCAL, sources, 0, files_per_task)
    sources = sources or SourceOptions()
    plan = plan_learning(tuple(paths_or_globs), sources, files_per_task)
    write_counts(Counts(), profile)  # create it, or refuse a bad file, before any work
    return learn_with_client(plan, profile, client, sources)


def learn_on_dask(
    inputs: Iterable[str],
    profile: StrPath,
    scheduler: str,
    sources: SourceOptions | None = None,
    jobs: int = 0,
    files_per_task: int = FILES_PER_TASK,
) -> LearnSummary:
    """A learning run on the scheduler at this address, or on a LocalCluster of jobs workers."""
    sources = sources or SourceOptions()
    plan = plan_learning(tuple(inputs), sources, files_per_task)  # bad inputs fail first
    write_counts(Counts(), profile)
    with dask_client(scheduler, jobs) as client:
        return learn_with_client(plan, profile, client, sources)


def learn_with_client(
    plan: LearnPlan, profile: StrPath, client: distributed.Client, sources: SourceOptions
) -> LearnSummary:
    """Count the plan's tasks on the cluster, merge them there, write the result here once."""
    part = _merged(client, plan, sources)
    added = write_counts(part.counts, profile)
    failures = sorted(part.failures + unlisted_failures(plan), key=lambda f: f[0])
    return LearnSummary(part.pages, added, [failure for _, failure in failures])


def _merged(client: distributed.Client, plan: LearnPlan, sources: SourceOptions) -> LearnPart:
    """The parts of every task merged in task order, neighbours first, as tasks finish."""
    if not plan.tasks:
        return LearnPart()
    leaves = client.map(learn_task, plan.tasks, sources=sources, pure=False)
    span: dict[Any, tuple[int, int]] = {f.key: (i, i + 1) for i, f in enumerate(leaves)}
    starts: dict[int, tuple[int, Any]] = {}  # done, unmerged: start -> (end, future or part)
    ends: dict[int, int] = {}  # end -> start
    pending = distributed.as_completed(leaves)
    del leaves  # a part's memory on the workers is freed once it is merged
    for future in pending:
        lo, hi = span.pop(future.key)
        part: Any = future
        if future.status == "error":
            part = _failed(future, plan.tasks[lo] if hi == lo + 1 else None)
        if (lo, hi) == (0, len(plan.tasks)):
            result: LearnPart = part.result() if isinstance(part, distributed.Future) else part
            return result
        if lo in ends:  # the run just before is done: merge with it
            start = ends.pop(lo)
            merged = client.submit(merge_parts, starts.pop(start)[1], part, pure=False)
            span[merged.key] = (start, hi)
            pending.add(merged)
        elif hi in starts:  # the run just after is done
            end, after = starts.pop(hi)
            del ends[end]
            merged = client.submit(merge_parts, part, after, pure=False)
            span[merged.key] = (lo, end)
            pending.add(merged)
        else:
            starts[lo], ends[hi] = (hi, part), lo
    raise AssertionError("every task was merged, but not into one part")  # pragma: no cover


def _failed(future: distributed.Future[Any], task: Any) -> LearnPart:
    """The part of a task whose workers all died; any other error is raised here."""
    error = future.exception()
    if task is not None and isinstance(error, distributed.KilledWorker):
        return unread_part(task, KILLED, "KilledWorker")
    future.result()  # raises the task's error, with its traceback
    raise AssertionError("an errored future returned")  # pragma: no cover
