"""Site profiles on Dask: `learn --scheduler`, and `clean --scheduler` with --profile/--learn.

Each cluster run is compared with the same run done locally: the same profile rows, the
same output tree byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from sahelclean.batch.learn import learn
from sahelclean.cli import main
from sahelclean.sites.profiledb import close_profiles

from .test_dask import error_lines, tree
from .test_profile import EN, FR, dump, page_text, url, write_jsonl

distributed = pytest.importorskip("distributed")


@pytest.fixture(autouse=True)
def _fresh_profiles() -> Iterator[None]:
    """Each test reads its profiles afresh."""
    yield
    close_profiles()


def site_inputs(root: Path) -> list[str]:
    """A folder named after one site, the other site's JSONL, and a re-crawl of some pages.

    again.jsonl starts with a re-crawl of page 0 that now prints another article (the
    first crawl, in en.jsonl, is the one counted), then holds pages already in en.jsonl
    (the same page in two tasks: counted once) and a line that is not JSON (one failure).
    """
    folder = root / FR.host
    folder.mkdir(parents=True)
    for n in range(6):
        (folder / f"p{n}.txt").write_text(page_text(FR, n), encoding="utf-8")
    en = write_jsonl(root / "en.jsonl", EN, range(6))
    records = [{"id": "recrawl", "url": url(EN, 0), "text": page_text(EN, 4)}]
    records += [{"id": f"r{n}", "url": url(EN, n), "text": page_text(EN, n)} for n in range(3)]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(2, '{"id": "cut", "text": "The river ro')
    again = root / "again.jsonl"
    again.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(folder), str(en), str(again)]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_learn_on_dask_is_the_local_learn(tmp_path: Path, cluster: Any) -> None:
    inputs = site_inputs(tmp_path / "in")
    local_db, dask_db = tmp_path / "local.db", tmp_path / "dask.db"
    local = run("learn", *inputs, "--profile", str(local_db))
    remote = run("learn", *inputs, "--profile", str(dask_db),
                 "--scheduler", cluster.scheduler_address)  # fmt: skip
    assert local.exit_code == remote.exit_code == 1, remote.output
    assert error_lines(remote) == error_lines(local) and "again.jsonl:3" in local.stderr
    assert "learned 16 pages (12 new)" in remote.stderr
    assert remote.stderr.replace(str(dask_db), "DB") == local.stderr.replace(str(local_db), "DB")
    sites, lines = dump(dask_db)
    assert (sites, lines) == dump(local_db)
    assert sites == sorted([(FR.host, 6), (EN.host, 6)])
    again = run(
        "learn", *inputs, "--profile", str(dask_db), "--scheduler", cluster.scheduler_address
    )
    assert "learned 16 pages (0 new)" in again.stderr
    assert dump(dask_db) == (sites, lines)


def test_learn_files_merges_many_parts_in_the_local_order(tmp_path: Path, client: Any) -> None:
    from sahelclean.dask.learn import learn_files

    inputs = site_inputs(tmp_path / "in")
    expected = learn(inputs, tmp_path / "local.db")
    # a task per file: the parts merge as a tree, and the re-crawl of page 0 (in the last
    # task) must lose to its first crawl (in the second) whatever finishes first
    summary = learn_files(inputs, tmp_path / "dask.db", client, files_per_task=1)
    assert (summary.pages, summary.added) == (expected.pages, expected.added) == (16, 12)
    assert summary.failures == expected.failures
    assert dump(tmp_path / "dask.db") == dump(tmp_path / "local.db")
    recrawl_first = tmp_path / "recrawl-first.db"
    learn([inputs[0], inputs[2], inputs[1]], recrawl_first)
    assert dump(recrawl_first) != dump(tmp_path / "local.db")  # so the order is tested


def test_a_killed_worker_leaves_the_same_profile(tmp_path: Path, client: Any) -> None:
    from sahelclean.dask.learn import learn_files

    inputs = site_inputs(tmp_path / "in")
    learn(inputs, tmp_path / "local.db")
    marker = tmp_path / "killed"
    client.run(_arm_killer, str(marker))
    try:
        summary = learn_files(inputs, tmp_path / "dask.db", client, files_per_task=2)
    finally:
        client.run(_disarm_killer)
    assert marker.exists(), "no worker was killed"
    assert summary.pages == 16 and len(summary.failures) == 1
    assert dump(tmp_path / "dask.db") == dump(tmp_path / "local.db")


def _arm_killer(marker: str) -> None:
    """In a worker: exit the process while it counts a page, once in all."""
    from sahelclean.batch import learnparts

    real = learnparts.learn_item

    def count_then_die(item):  # type: ignore[no-untyped-def]
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return real(item)
        os._exit(1)  # a lost worker: its task runs again elsewhere

    learnparts._real_learn_item = real  # type: ignore[attr-defined]
    learnparts.learn_item = count_then_die


def _disarm_killer() -> None:
    from sahelclean.batch import learnparts

    learnparts.learn_item = getattr(learnparts, "_real_learn_item", learnparts.learn_item)


def test_clean_with_a_profile_on_dask_is_the_local_run(tmp_path: Path, cluster: Any) -> None:
    inputs = site_inputs(tmp_path / "in")
    db = tmp_path / "sites.db"
    learn(inputs, db)
    args = ("clean", "-f", "json", "--profile", str(db), *inputs)
    local = run(*args, "-j", "1", "-o", str(tmp_path / "local"))
    remote = run(*args, "--scheduler", cluster.scheduler_address, "-o", str(tmp_path / "dask"))
    assert local.exit_code == remote.exit_code == 1, remote.output
    assert error_lines(remote) == error_lines(local)
    expected = tree(tmp_path / "local")
    assert tree(tmp_path / "dask") == expected
    reasons = {
        r["reason"]
        for name, data in expected.items()
        if name.endswith(".json")
        for r in json.loads(data)["removed"]
    }
    assert f"seen on 6 of 6 pages of {FR.host}" in reasons  # the profile did speak


def test_clean_learn_on_dask_is_the_local_run(tmp_path: Path, cluster: Any) -> None:
    inputs = site_inputs(tmp_path / "in")
    start = tmp_path / "start.db"
    learn([inputs[0]], start)  # the profile knows one site before the run
    local_db, dask_db = tmp_path / "local.db", tmp_path / "dask.db"
    shutil.copy(start, local_db)
    shutil.copy(start, dask_db)
    args = ("clean", "-f", "jsonl", "--split", "--learn", *inputs)
    local = run(*args, "--profile", str(local_db), "-j", "1", "-o", str(tmp_path / "local"))
    remote = run(*args, "--profile", str(dask_db), "-o", str(tmp_path / "dask"),
                 "--scheduler", cluster.scheduler_address)  # fmt: skip
    assert local.exit_code == remote.exit_code == 1, remote.output
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    assert dump(dask_db) == dump(local_db)
    assert dump(dask_db)[0] == sorted([(FR.host, 6), (EN.host, 6)])
    # the run cleaned with the profile as it was at the start: EN was not known yet
    text = b"".join(tree(tmp_path / "dask").values()).decode()
    assert f"pages of {FR.host}" in text and f"pages of {EN.host}" not in text


def test_learn_on_a_cluster_refuses_stdin_in_one_line(tmp_path: Path) -> None:
    result = run("learn", "-", "--profile", str(tmp_path / "p.db"), "--scheduler", "local")
    assert result.exit_code == 2
    assert "stdin" in result.stderr and "Traceback" not in result.stderr
