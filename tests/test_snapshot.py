"""A profile read whole and shipped: the views FrozenProfile gives, without the file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from sahelclean.batch.learn import learn
from sahelclean.batch.partition import make_plan, run_task
from sahelclean.batch.runner import RunConfig
from sahelclean.batch.writers import Format
from sahelclean.classify.sitepass import thresholds as thresholds_of
from sahelclean.options import Options
from sahelclean.sites.profiledb import FrozenProfile, ProfileError, close_profiles
from sahelclean.sites.snapshot import shipped, shipped_profile, take_snapshot

from .test_profile import EN, FR, page_text, write_jsonl


@pytest.fixture(autouse=True)
def _fresh_profiles() -> Iterator[None]:
    yield
    close_profiles()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A profile of both fake sites."""
    path = tmp_path / "sites.db"
    learn([str(write_jsonl(tmp_path / "fr.jsonl", FR, range(6)))], path)
    learn([str(write_jsonl(tmp_path / "en.jsonl", EN, range(4)))], path)
    return path


@pytest.mark.parametrize("share", [0.1, 0.6], ids=["default", "strict"])
def test_the_snapshot_gives_what_the_file_gives(db: Path, share: float) -> None:
    thresholds = thresholds_of(Options(profile_min_share=share))
    snapshot = take_snapshot(str(db), thresholds)
    frozen = FrozenProfile(db)
    for site in (FR.host, EN.host, "unknown.example"):
        assert snapshot.site(site, thresholds) == frozen.site(site, thresholds)
    assert snapshot.views[FR.host].counts  # not a test of two Nones
    frozen.close()
    with pytest.raises(ProfileError, match="other --profile-min-\\* thresholds"):
        snapshot.site(FR.host, replace(thresholds, min_pages=thresholds.min_pages + 1))


def test_a_task_cleans_with_the_snapshot_not_the_file(tmp_path: Path, db: Path) -> None:
    page_dir = tmp_path / "in" / FR.host
    page_dir.mkdir(parents=True)
    (page_dir / "p3.txt").write_text(page_text(FR, 3), encoding="utf-8")
    gone = str(tmp_path / "gone.db")  # what the options name: a worker cannot open it
    options = Options(profile=gone)
    snapshot = replace(take_snapshot(str(db), thresholds_of(options)), path=gone)
    config = RunConfig(
        (str(page_dir),), options, fmt=Format.JSON, output=tmp_path / "out", to_dir=True
    )
    plan = make_plan(config)
    (result,) = run_task(plan.tasks[0], config, profile=snapshot)
    assert result.reports[0][1].failure is None
    doc = json.loads((tmp_path / "out" / "p3.json").read_text())
    assert f"seen on 6 of 6 pages of {FR.host}" in {r["reason"] for r in doc["removed"]}
    assert shipped_profile(gone) is None  # the snapshot was for that task only
    with shipped(snapshot):
        assert shipped_profile(gone) is snapshot and shipped_profile(str(db)) is None
