"""batch/writers.py and the output sink: locked temporary files, one sweep per folder per
run, and when outputs reach the disk (--sync) (issue 19: flat cost per output)."""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from sahelclean.batch import outputs, runner, writers
from sahelclean.batch.outputs import DirSink
from sahelclean.batch.pool import Outcome
from sahelclean.batch.runner import RunConfig, run
from sahelclean.batch.writers import TEMP_SUFFIX, Format, Sync, make_temp, sweep_folder
from sahelclean.cli import main
from sahelclean.read.sources import Item

from .conftest import FIXTURES

FR = FIXTURES / "text" / "fr-sans-widget" / "input.txt"
EN = FIXTURES / "text" / "en-no-widget" / "input.txt"


def _stale(folder: Path, name: str) -> Path:
    """A temporary file as a killed run leaves it: nobody holds it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f".{name}.k1ll3d{TEMP_SUFFIX}"
    path.write_text('{"half', encoding="utf-8")
    return path


def test_a_sweep_removes_abandoned_temp_files_and_keeps_held_ones(tmp_path: Path) -> None:
    abandoned = [_stale(tmp_path, "a.json"), _stale(tmp_path, "b.json")]
    fd, live = make_temp(tmp_path / "c.json")  # a writer at work: it holds its file
    keep = [tmp_path / ".hidden", tmp_path / f"plain{TEMP_SUFFIX}", tmp_path / "d.json"]
    for path in keep:
        path.write_text("x", encoding="utf-8")
    try:
        sweep_folder(tmp_path)
        assert not any(p.exists() for p in abandoned)
        assert live.exists() and all(p.exists() for p in keep)
    finally:
        os.close(fd)
    sweep_folder(tmp_path)  # the writer is gone: its file is abandoned now
    assert not live.exists()


def test_a_temp_file_swept_before_its_lock_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window between mkstemp and the lock: a sweep takes the file, the writer sees it
    unlinked and makes another."""
    real = fcntl.flock
    swept: list[int] = []

    def flock_after_a_sweep(fd: int, operation: int) -> None:
        if not swept:
            swept.append(fd)
            sweep_folder(tmp_path)
        real(fd, operation)

    monkeypatch.setattr(writers.fcntl, "flock", flock_after_a_sweep)
    fd, path = make_temp(tmp_path / "page.json")
    try:
        assert path.exists() and os.fstat(fd).st_nlink == 1 and len(swept) == 1
    finally:
        os.close(fd)


def _outcome(text: str) -> Outcome:
    return Outcome(source="x", output=text, empty=False, failure=None)


def test_each_folder_is_swept_once_per_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    monkeypatch.setattr(outputs, "sweep_folder", calls.append)
    sink = DirSink(tmp_path / "out", Format.TEXT)
    for folder, count in (("a", 30), ("b", 5)):
        for n in range(count):
            item = Item(page=None, failure=None, relpath=PurePosixPath(f"{folder}/p{n}"))
            sink.accept(item, _outcome(f"page {n}\n"))
    assert calls == [tmp_path / "out" / "a", tmp_path / "out" / "b"]
    assert len(list((tmp_path / "out" / "a").iterdir())) == 30


def test_a_killed_runs_leftovers_go_with_the_first_output_of_their_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stale = [_stale(out / "a", "old.json"), _stale(out / "a", "other.json")]
    sink = DirSink(out, Format.JSON)
    sink.accept(Item(page=None, failure=None, relpath=PurePosixPath("a/p")), _outcome("{}\n"))
    assert not any(p.exists() for p in stale)
    assert sorted(p.name for p in (out / "a").iterdir()) == ["p.json"]


@pytest.mark.parametrize(
    ("sync", "fsyncs", "syncfs"), [(Sync.EACH, 2, 0), (Sync.END, 0, 1), (Sync.NONE, 0, 0)]
)
def test_when_outputs_reach_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sync: Sync, fsyncs: int, syncfs: int
) -> None:
    """EACH: one fsync per file; END: one sync of the tree, before the manifest is
    written; NONE: neither. The outputs are the same."""
    calls = {"fsync": 0, "tree": 0}
    real_fsync = os.fsync
    manifest = tmp_path / "manifest.json"

    def fsync(fd: int) -> None:
        calls["fsync"] += 1
        real_fsync(fd)

    def tree(root: Path) -> None:
        assert not manifest.exists()  # the manifest never claims outputs not yet on disk
        calls["tree"] += 1

    monkeypatch.setattr(writers.os, "fsync", fsync)
    monkeypatch.setattr(runner, "sync_tree", tree)
    out = tmp_path / "out"
    config = RunConfig(
        inputs=(str(FR), str(EN)), fmt=Format.JSON, output=out, to_dir=True,
        manifest=manifest, sync=sync,
    )  # fmt: skip
    summary = run(config, stdin=None, stdout=None)  # type: ignore[arg-type]
    assert summary.exit_code == 0 and summary.files == 2
    # the manifest itself, a single file, is always synced before its rename
    assert (calls["fsync"], calls["tree"]) == (fsyncs + 1, syncfs)
    assert manifest.exists()


def test_sync_tree_flushes_a_real_folder_or_falls_back_to_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "page.txt").write_text("x", encoding="utf-8")
    synced: list[bool] = []
    monkeypatch.setattr(writers.os, "sync", lambda: synced.append(True))
    writers.sync_tree(tmp_path)  # syncfs on Linux: no global sync
    assert synced == ([] if hasattr(writers.ctypes.CDLL(None), "syncfs") else [True])
    writers.sync_tree(tmp_path / "gone")  # no folder to open: a sync of everything
    assert synced[-1] is True


def test_the_sync_option(tmp_path: Path) -> None:
    texts = {}
    for mode in ("each", "end", "none"):
        out = tmp_path / mode
        result = CliRunner().invoke(main, ["clean", "-f", "json", "--sync", mode, "-o",
                                           f"{out}/", str(FR), str(EN)])  # fmt: skip
        assert result.exit_code == 0, result.output
        texts[mode] = sorted(p.read_bytes() for p in out.rglob("*.json"))
    assert texts["each"] == texts["end"] == texts["none"] and len(texts["each"]) == 2
    bad = CliRunner().invoke(main, ["clean", "--sync", "never", str(FR)])
    assert bad.exit_code == 2 and "--sync" in bad.stderr


# ---------------------------------------------------------------- -f json, fast
# Any JSON value, with the odd ones json.dumps has its own form for (NaN, 1e+100, "\u2028",
# control characters, non-ASCII), and tuples where to_dict() has them.
JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text()
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


@given(JSON_VALUES)
def test_pretty_json_is_json_dumps_byte_for_byte(value: object) -> None:
    assert writers.pretty_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("value", [{1: "a"}, {None: [1]}, {"d": {2.5: True}}, [object()]])
def test_pretty_json_leaves_what_is_not_plain_to_json_dumps(value: object) -> None:
    try:
        expected = json.dumps(value, ensure_ascii=False, indent=2)
    except TypeError as exc:
        with pytest.raises(TypeError, match=str(exc)[:20]):
            writers.pretty_json(value)
    else:
        assert writers.pretty_json(value) == expected


@pytest.mark.parametrize("path", [FR, EN])
def test_a_document_as_json_is_what_json_dumps_writes(path: Path) -> None:
    from sahelclean import clean

    doc = clean(path.read_bytes(), source=str(path))
    expected = json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n"
    assert writers.render(doc, Format.JSON) == expected
