"""The plan of a cluster run: tasks in any order give the local run's outputs and summary."""

from __future__ import annotations

import io
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from sahelclean.batch import partition
from sahelclean.batch.budget import clean_page_within_budget
from sahelclean.batch.partition import make_plan, run_task, tally
from sahelclean.batch.pool import Outcome
from sahelclean.batch.runner import RunConfig, Summary, run
from sahelclean.batch.writers import Format
from sahelclean.models import Failure, RawPage
from sahelclean.options import Options
from sahelclean.read.sources import Item

from .test_dask import make_inputs, tree

pytest.importorskip("warcio")


class Recorder:
    """An observer that keeps what it is told."""

    def __init__(self) -> None:
        self.seen: list[tuple[str | None, bool, str | None]] = []

    def outcome(self, item: Item, outcome: Outcome) -> None:
        error = outcome.failure.error if outcome.failure else None
        self.seen.append((outcome.source, outcome.empty, error))

    def skipped(self, item: Item, reason: str) -> None:
        raise AssertionError("nothing is skipped here")


@pytest.mark.parametrize("split", [False, True], ids=["containers", "split"])
@pytest.mark.parametrize("per_task", [1, 3], ids=["one-file-tasks", "three-file-tasks"])
def test_tasks_in_reverse_order_give_the_local_run(
    tmp_path: Path, split: bool, per_task: int
) -> None:
    inputs = tuple(make_inputs(tmp_path / "in"))
    config = RunConfig(inputs, fmt=Format.JSON, output=tmp_path / "local", to_dir=True, split=split)
    local_seen = Recorder()
    local = run(config, io.BytesIO(), io.StringIO(), local_seen)
    config = replace(config, output=tmp_path / "tasks")
    plan = make_plan(config, per_task)
    assert len(plan.tasks) > 1
    results = {t: run_task(plan.tasks[t], config) for t in reversed(range(len(plan.tasks)))}
    summary, seen = Summary(), Recorder()
    tally(plan, results.__getitem__, summary, seen)
    assert tree(tmp_path / "tasks") == tree(tmp_path / "local")
    assert seen.seen == local_seen.seen
    local.seconds = summary.seconds
    assert summary.to_dict() == local.to_dict()


def test_tasks_write_markdown_with_the_removed_widgets_as_the_local_run(tmp_path: Path) -> None:
    inputs = tuple(make_inputs(tmp_path / "in"))
    config = RunConfig(
        inputs, fmt=Format.MARKDOWN, output=tmp_path / "local", to_dir=True, with_removed=True
    )
    run(config, io.BytesIO(), io.StringIO(), Recorder())
    config = replace(config, output=tmp_path / "tasks")
    plan = make_plan(config, 3)
    for task in plan.tasks:
        run_task(task, config)
    local = tree(tmp_path / "local")
    assert tree(tmp_path / "tasks") == local
    assert any(name.endswith(".md") and b"\n## Removed\n" in data for name, data in local.items())


def test_inputs_that_may_share_an_output_name_share_a_task(tmp_path: Path) -> None:
    make_inputs(tmp_path)
    inputs = (str(tmp_path / "pages"), str(tmp_path / "more"))
    plan = make_plan(RunConfig(inputs, output=tmp_path / "out", to_dir=True), 1)
    rivals = [t for t in plan.tasks if any(str(s.relpath).startswith("page") for s in t)]
    assert len(rivals) == 1
    assert [s.path[len(str(tmp_path)) :] for s in rivals[0]] == [
        "/pages/page.html",
        "/more/page.html",
        "/more/page~2.html",
    ]
    assert all(len(t) == 1 for t in plan.tasks if t is not rivals[0])


def test_a_split_container_shares_a_task_with_pages_in_its_folder(tmp_path: Path) -> None:
    (tmp_path / "dump").mkdir()
    (tmp_path / "dump" / "a.txt").write_text("Un article.\n")
    (tmp_path / "dump.jsonl").write_text('{"text": "Un article."}\n')
    (tmp_path / "other.txt").write_text("Un autre.\n")
    config = RunConfig((str(tmp_path),), output=tmp_path.parent / "out", to_dir=True, split=True)
    tasks = make_plan(config, 1).tasks
    assert sorted(len(t) for t in tasks) == [1, 2]


def test_the_plan_refuses_what_a_cluster_cannot_do(tmp_path: Path) -> None:
    from sahelclean.errors import OptionsError

    with pytest.raises(OptionsError, match="-o DIR"):
        make_plan(RunConfig(("a.txt",)))
    with pytest.raises(OptionsError, match="stdin"):
        make_plan(RunConfig(("-",), output=tmp_path, to_dir=True))
    with pytest.raises(OptionsError, match="local run"):
        make_plan(RunConfig(("a.txt",), output=tmp_path, to_dir=True, skip_existing=True))


def test_globs_expand_sorted_and_a_glob_without_match_stays(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.html"):
        (tmp_path / name).write_text("x\n")
    pattern, missing = str(tmp_path / "*.txt"), str(tmp_path / "*.warc")
    assert partition.expand_inputs((pattern, missing)) == (
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        missing,
    )


def test_the_page_budget_holds_in_a_worker_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    from sahelclean.batch import budget as threadbudget

    def spin(page: RawPage, options: Options) -> None:
        while True:
            pass

    monkeypatch.setattr(threadbudget, "clean_page", spin)
    out: list[object] = []
    worker = threading.Thread(
        target=lambda: out.append(
            clean_page_within_budget(RawPage(b"x", source="slow"), Options(timeout=0.2))
        )
    )
    worker.start()
    worker.join(600)  # a guard against a hang only: the 0.2 s budget ends the spin
    assert not worker.is_alive()
    assert isinstance(out[0], Failure) and out[0].kind == "Timeout"
    assert out[0].error == "slow: took longer than 0.2 s; skipped (see --timeout)"


def test_fsspec_urls_give_what_local_paths_give(tmp_path: Path) -> None:
    pytest.importorskip("fsspec")
    pages, more, *dumps = make_inputs(tmp_path / "in")
    globbed = (f"{more}/page.html", f"{more}/page~2.html")  # what a shell makes of more/*.html
    config = RunConfig(
        (pages, *globbed, *dumps), fmt=Format.TEXT, output=tmp_path / "local", to_dir=True
    )
    local = run(config, io.BytesIO(), io.StringIO())
    urls = (f"file://{pages}", f"file://{more}/*.html", *(f"file://{d}" for d in dumps))
    config = replace(config, inputs=urls, output=tmp_path / "remote")
    plan = make_plan(config, 4)
    assert all(s.at.startswith("file://") for t in plan.tasks for s in t)
    summary = Summary()
    results = [run_task(t, config) for t in plan.tasks]
    tally(plan, results.__getitem__, summary, Recorder())
    assert tree(tmp_path / "remote") == tree(tmp_path / "local")
    assert (summary.processed, summary.failed, summary.files) == (
        local.processed,
        local.failed,
        local.files,
    )
