"""Run sahelclean on a Dask cluster: a bag of pages, or whole inputs into an output folder.

clean_bag maps the cleaner over a dask.bag inside your own Dask pipeline. clean_files is
`sahelclean clean -o DIR` on a cluster: the same inputs, the same output tree byte for byte,
the same summary; sahelclean.partition says how. Dask does all the scheduling, moving and
retrying; this module only plans, submits and reports. Needs `pip install 'sahelclean[dask]'`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    import dask.bag as db
    import distributed
except ImportError as exc:  # pragma: no cover - the message is the point
    raise ImportError(
        f"sahelclean.dask needs Dask: pip install 'sahelclean[dask]' ({exc})"
    ) from exc

from ..batch.budget import clean_page_within_budget
from ..batch.learn import Learner
from ..batch.partition import (
    FILES_PER_TASK,
    Plan,
    SourceResult,
    failed_source,
    make_plan,
    run_task,
    tally,
)
from ..batch.pool import Outcome, default_jobs
from ..batch.runner import Observer, QuietObserver, RunConfig, Summary
from ..batch.writers import Format
from ..classify.sitepass import thresholds
from ..errors import OptionsError
from ..models import Document, Failure, RawPage
from ..options import Options
from ..read.sources import Item, SourceOptions
from ..sites.snapshot import take_snapshot

LOCAL = "local"  # --scheduler local: a LocalCluster on this machine


def clean_bag(bag: db.Bag, options: Options | None = None) -> db.Bag:
    """A bag of pages (RawPage, or the raw str/bytes of a page) to a bag of Document | Failure.

    Pages keep their partitions and order; each gets the page time budget of the options.
    A str or bytes element is a page without source or URL: wrap it in a RawPage to name it.
    """
    cleaned: db.Bag = bag.map(_clean_element, options or Options())
    return cleaned


def _clean_element(page: RawPage | str | bytes, options: Options) -> Document | Failure:
    """Clean one element of a bag."""
    if not isinstance(page, RawPage):
        page = RawPage(page)
    return clean_page_within_budget(page, options)


def clean_files(
    paths_or_globs: Iterable[str],
    output_dir: str | Path,
    options: Options | None = None,
    client: distributed.Client | None = None,
    *,
    sources: SourceOptions | None = None,
    fmt: Format = Format.TEXT,
    split: bool = False,
    fail_on_empty: bool = True,
    observer: Observer | None = None,
    files_per_task: int = FILES_PER_TASK,
    learn: str | Path | None = None,
    with_removed: bool = False,
) -> Summary:
    """Clean files, folders, JSONL and WARC dumps (paths, globs or fsspec URLs) into output_dir.

    The outputs are those of `sahelclean clean -o output_dir` with the same inputs; output_dir
    must be a folder every worker sees at the same path (shared storage). Without a client,
    the current default client is used, or a LocalCluster of one process per core. A profile
    (options.profile) is read once here and shipped to the workers; `learn` names a profile
    this process counts the cleaned pages into, as `clean --learn` does; `with_removed`
    appends the removed widgets to text, Markdown and HTML outputs, as `--with-removed` does.
    """
    config = RunConfig(
        inputs=tuple(paths_or_globs),
        options=options or Options(),
        sources=sources or SourceOptions(),
        fmt=fmt,
        output=Path(output_dir),
        to_dir=True,
        split=split,
        fail_on_empty=fail_on_empty,
        learn=Path(learn) if learn is not None else None,
        with_removed=with_removed,
    )
    if client is not None:
        return run_with_client(config, client, observer, files_per_task)
    try:
        found = distributed.default_client()
    except ValueError:  # no client yet
        return run_on_dask(config, LOCAL, observer, files_per_task)
    return run_with_client(config, found, observer, files_per_task)


def run_on_dask(
    config: RunConfig,
    scheduler: str,
    observer: Observer | None = None,
    files_per_task: int = FILES_PER_TASK,
) -> Summary:
    """A run on the scheduler at this address, or on a LocalCluster of config.jobs workers."""
    plan = make_plan(_absolute_output(config), files_per_task)  # bad options fail before
    with dask_client(scheduler, config.jobs) as client:
        return run_with_client(config, client, observer, files_per_task, plan)


@contextmanager
def dask_client(scheduler: str, jobs: int) -> Iterator[distributed.Client]:
    """A client of the scheduler, or of a LocalCluster started (and stopped) for the run."""
    if scheduler != LOCAL:
        try:
            client = distributed.Client(scheduler)
        except (OSError, ValueError, TypeError) as exc:  # unreachable, or not an address
            raise OptionsError(
                f"--scheduler {scheduler}: cannot reach a Dask scheduler there ({exc}); "
                "give its address as tcp://HOST:8786, or 'local'"
            ) from None
        with client:
            yield client
        return
    cluster = distributed.LocalCluster(
        n_workers=max(jobs, 1) if jobs else default_jobs(),
        threads_per_worker=1,  # cleaning is CPU-bound Python: one process per core
        processes=True,
        dashboard_address=":0",  # any free port: two runs on one machine never clash
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def run_with_client(
    config: RunConfig,
    client: distributed.Client,
    observer: Observer | None = None,
    files_per_task: int = FILES_PER_TASK,
    plan: Plan | None = None,
) -> Summary:
    """Plan the run, clean its tasks on the cluster, report every input in the local order."""
    import time

    started = time.perf_counter()
    observer = observer or QuietObserver()
    summary = Summary(fail_on_empty=config.fail_on_empty)
    config = _absolute_output(config)  # workers may run in another folder
    plan = plan or make_plan(config, files_per_task)
    profile = _ship_profile(client, config.options)  # read before --learn writes to it
    futures = client.map(run_task, plan.tasks, config=config, profile=profile, pure=False)
    learner = Learner(config.learn) if config.learn is not None else None
    try:
        tally(plan, _Results(plan, futures), summary, _Learning(observer, learner))
    except KeyboardInterrupt:
        summary.interrupted = True  # files already written are complete
    finally:
        client.cancel(futures)
        if learner is not None:
            learner.flush()  # what was cleaned is counted, even when the run was cut short
        summary.seconds = time.perf_counter() - started
    return summary


def _ship_profile(client: distributed.Client, options: Options) -> distributed.Future[Any] | None:
    """The profile of --profile read whole on the driver, sent once to every worker."""
    if options.profile is None:
        return None
    snapshot = take_snapshot(options.profile, thresholds(options))
    shipped: distributed.Future[Any] = client.scatter(snapshot, broadcast=True, hash=False)
    return shipped


@dataclass(frozen=True, slots=True)
class _Learning:
    """Passes the outcomes on; with --learn, first counts their pages (in the local order)."""

    observer: Observer
    learner: Learner | None

    def outcome(self, item: Item, outcome: Outcome) -> None:
        """Count the page's lines, then report the outcome."""
        if self.learner is not None and outcome.learned is not None:
            self.learner.add(outcome.learned)
        self.observer.outcome(item, outcome)

    def skipped(self, item: Item, reason: str) -> None:
        """Report a skipped input (a cluster run skips none)."""
        self.observer.skipped(item, reason)


def _absolute_output(config: RunConfig) -> RunConfig:
    """The config with -o DIR as an absolute path."""
    from dataclasses import replace

    if config.output is None:
        return config  # make_plan says what is missing
    return replace(config, output=config.output.absolute())


class _Results:
    """Each task's results as the tally asks for them, released once all are reported."""

    def __init__(self, plan: Plan, futures: list[distributed.Future[Any]]) -> None:
        self.futures = futures
        self.plan = plan
        self.left = [len(t) for t in plan.tasks]
        self.cache: dict[int, tuple[SourceResult, ...]] = {}

    def __call__(self, task: int) -> tuple[SourceResult, ...]:
        """The results of a task's inputs (waiting for them)."""
        if task not in self.cache:
            self.cache[task] = self._result(task)
        results = self.cache[task]
        self.left[task] -= 1
        if not self.left[task]:
            del self.cache[task]
            self.futures[task].release()
        return results

    def _result(self, task: int) -> tuple[SourceResult, ...]:
        """A task's results; a task that killed its workers fails its inputs, not the run."""
        try:
            result: Any = self.futures[task].result()
        except distributed.KilledWorker:
            message = "every worker that cleaned it died (out of memory?); skipped"
            return tuple(failed_source(s, message, "KilledWorker") for s in self.plan.tasks[task])
        return tuple(result)
