"""Batch runs through the command line: trees, stdin, JSONL, WARC, compressed inputs, exit
codes, --summary-json, incremental runs, and interrupts of the real process (SIGINT, SIGKILL).
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import json
import lzma
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from sahelclean.batch.writers import TEMP_SUFFIX
from sahelclean.cli import main

from .conftest import ROOT
from .test_runner import (
    EMPTY,
    EN,
    FR,
    GOOD,
    PNG,
    files_under,
    html_page,
    jsonl_bytes,
    jsonl_lines,
    later,
    make_warc,
    snapshot,
    temp_files,
    thirty_inputs,
    write,
)

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def invoke(*args: str | Path, input: bytes | None = None) -> Result:
    """`sahelclean clean ARGS` through click's runner."""
    return CliRunner().invoke(main, ["clean", *map(str, args)], input=input)


def assert_no_crash(result: Result) -> None:
    """The command ended through sys.exit, without a traceback."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.stderr


def error_lines(result: Result) -> list[str]:
    """The lines on stderr that report a problem."""
    return [line for line in result.stderr.splitlines() if line.startswith("sahelclean: error:")]


def summary_of(path: Path) -> dict[str, Any]:
    """The --summary-json file, without its timing."""
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data.pop("seconds"), float | int)
    return data


# --- a directory tree ---


def test_tree_into_a_directory_with_a_glob(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write(src / "a" / "b" / "page.txt", FR.read_bytes())
    write(src / "a" / "other.txt", EN.read_bytes())
    write(src / "top.txt", GOOD[0].read_bytes())
    write(src / ".hidden.txt", EN.read_bytes())
    write(src / ".cache" / "c.txt", EN.read_bytes())
    write(src / "a" / "notes.md", EN.read_bytes())
    out = tmp_path / "out"
    result = invoke("-f", "json", "-o", out, "--glob", "*.txt", src)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert files_under(out) == ["a/b/page.json", "a/other.json", "top.json"]
    for rel, name in (("a/b/page", "a/b/page.txt"), ("a/other", "a/other.txt"), ("top", "top.txt")):
        assert json.loads((out / f"{rel}.json").read_text())["source"] == str(src / name)
    assert error_lines(result) == []
    assert "3 processed" in result.stderr


# --- stdin ---


@pytest.mark.parametrize("args", [("-",), ()], ids=["dash", "no-argument"])
def test_stdin_text(args: tuple[str, ...]) -> None:
    result = invoke("-f", "json", "-j", "1", *args, input=FR.read_bytes())
    assert_no_crash(result)
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["source"] == "<stdin>"
    assert doc["title"].startswith("Mali : dans la région de Gao")


@pytest.mark.parametrize("args", [("-",), (), ("--input-format", "jsonl", "-")])
def test_stdin_jsonl_sniffed_or_forced(args: tuple[str, ...]) -> None:
    data = jsonl_bytes(
        {"text": FR.read_text(), "url": "https://example.ml/gao"},
        {"html": html_page("Niger : la crue menace Niamey"), "url": "https://example.ne/crue"},
        {"content": EN.read_text()},
    )
    result = invoke("-f", "jsonl", *args, input=data)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    docs = jsonl_lines(result.stdout)
    assert [d["source"] for d in docs] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    assert [d["url"] for d in docs] == ["https://example.ml/gao", "https://example.ne/crue", None]


def test_stdin_jsonl_with_content_id_and_url_fields() -> None:
    data = jsonl_bytes(
        {"doc_id": "gao-1", "page": FR.read_text(), "link": "https://example.ml/1", "url": "x"},
        {"doc_id": 42, "page": EN.read_text(), "link": "https://example.org/42"},
    )
    args = ("--content-field", "page", "--id-field", "doc_id", "--url-field", "link")
    result = invoke("-f", "jsonl", *args, input=data)
    assert result.exit_code == 0, result.stderr
    docs = jsonl_lines(result.stdout)
    assert [d["source"] for d in docs] == ["<stdin>:gao-1", "<stdin>:42"]
    assert [d["url"] for d in docs] == ["https://example.ml/1", "https://example.org/42"]


def test_forced_jsonl_reports_a_bad_first_line_that_sniffing_would_take_for_a_page() -> None:
    data = b'{"text": "cut\n' + jsonl_bytes({"text": FR.read_text()})
    forced = invoke("-f", "jsonl", "--input-format", "jsonl", "-", input=data)
    assert_no_crash(forced)
    assert forced.exit_code == 1
    lines = jsonl_lines(forced.stdout)
    assert [d["source"] for d in lines] == ["<stdin>:1", "<stdin>:2"]
    assert lines[0]["failed"] is True
    assert error_lines(forced) == [f"sahelclean: error: {lines[0]['error']}"]
    assert lines[0]["error"].startswith("<stdin>:1: line is not valid JSON")


def test_stdin_into_a_directory(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = invoke("-f", "json", "-o", out, input=EN.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert files_under(out) == ["stdin.json"]
    assert json.loads((out / "stdin.json").read_text())["source"] == "<stdin>"


# --- JSONL files ---


@pytest.fixture
def dumps(tmp_path: Path) -> Path:
    """dump.jsonl with a bad line 2, and dump2.jsonl.gz."""
    folder = tmp_path / "dumps"
    write(
        folder / "dump.jsonl",
        jsonl_bytes(
            {"id": "r1", "text": FR.read_text(), "url": "https://example.ml/r1"},
            b"{broken\n",
            {"id": "r3", "html": html_page("Mali : un plan pour Gao"), "url": "https://a.ml/3"},
        ),
    )
    write(
        folder / "dump2.jsonl.gz",
        gzip.compress(jsonl_bytes({"text": EN.read_text()}, {"text": GOOD[1].read_text()})),
    )
    return folder


def test_jsonl_files_into_a_directory(dumps: Path, tmp_path: Path) -> None:
    dump, gz, out = dumps / "dump.jsonl", dumps / "dump2.jsonl.gz", tmp_path / "out"
    result = invoke("-f", "json", "-o", out, dump, gz)
    assert_no_crash(result)
    assert result.exit_code == 1
    assert files_under(out) == ["dump.jsonl", "dump2.jsonl"]
    first = jsonl_lines((out / "dump.jsonl").read_text(encoding="utf-8"))
    assert [d["source"] for d in first] == [f"{dump}:1", f"{dump}:3"]
    assert [d["url"] for d in first] == ["https://example.ml/r1", "https://a.ml/3"]
    second = jsonl_lines((out / "dump2.jsonl").read_text(encoding="utf-8"))
    assert [d["source"] for d in second] == [f"{gz}:1", f"{gz}:2"]
    errors = error_lines(result)
    assert len(errors) == 1
    assert errors[0].startswith(f"sahelclean: error: {dump}:2: line is not valid JSON")
    assert "4 processed (4 written, 0 without article), 0 skipped, 1 failed" in result.stderr


def test_jsonl_files_split_one_file_per_record(dumps: Path, tmp_path: Path) -> None:
    dump, gz, out = dumps / "dump.jsonl", dumps / "dump2.jsonl.gz", tmp_path / "out"
    result = invoke("-f", "json", "--split", "--id-field", "id", "-o", out, dump, gz)
    assert_no_crash(result)
    assert result.exit_code == 1
    assert files_under(out) == ["dump/r1.json", "dump/r3.json", "dump2/1.json", "dump2/2.json"]
    expected = {
        "dump/r1.json": f"{dump}:r1",
        "dump/r3.json": f"{dump}:r3",
        "dump2/1.json": f"{gz}:1",
        "dump2/2.json": f"{gz}:2",
    }
    for rel, source in expected.items():
        assert json.loads((out / rel).read_text(encoding="utf-8"))["source"] == source
    assert [line.split(": ")[2] for line in error_lines(result)] == [f"{dump}:2"]


# --- WARC ---


def test_warc_to_stdout_and_split(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    warc = tmp_path / "crawl.warc.gz"
    ids = make_warc(warc)
    result = invoke("-f", "jsonl", warc)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    docs = jsonl_lines(result.stdout)
    assert [d["source"] for d in docs] == [f"{warc}#{i}" for i in ids]
    assert [d["url"] for d in docs] == ["https://example.ml/gao", "https://example.ne/crue"]
    assert "À Niamey" in docs[1]["text"] and "élèves" in docs[1]["text"]
    assert "\ufffd" not in docs[1]["text"]
    out = tmp_path / "out"
    split = invoke("-f", "json", "--split", "-o", out, warc)
    assert split.exit_code == 0, split.stderr
    written = files_under(out)
    assert len(written) == 2 and all(n.startswith("crawl/urn_uuid_") for n in written)
    sources = sorted(json.loads((out / n).read_text())["source"] for n in written)
    assert sources == sorted(f"{warc}#{i}" for i in ids)


# --- compressed pages ---


def test_compressed_pages(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    gz = write(folder / "gao.txt.gz", gzip.compress(FR.read_bytes()))
    bz = write(folder / "lagos.txt.bz2", bz2.compress(EN.read_bytes()))
    xz = write(folder / "site.html.xz", lzma.compress(html_page("Mali : un plan").encode()))
    result = invoke("-f", "jsonl", gz, bz, xz)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    docs = jsonl_lines(result.stdout)
    assert [d["source"] for d in docs] == [str(gz), str(bz), str(xz)]
    assert docs[0]["title"].startswith("Mali : dans la région de Gao")
    assert [d["input_kind"] for d in docs] == ["text", "text", "html"]
    out = tmp_path / "out"
    assert invoke("-f", "json", "-o", out, gz, bz, xz).exit_code == 0
    assert files_under(out) == ["gao.json", "lagos.json", "site.json"]
    assert json.loads((out / "lagos.json").read_text())["source"] == str(bz)


def test_same_page_in_three_compressions_gets_three_outputs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    names = []
    for suffix, compress in (
        (".gz", gzip.compress),
        (".bz2", bz2.compress),
        (".xz", lzma.compress),
    ):
        names.append(write(folder / f"page.txt{suffix}", compress(FR.read_bytes())))
    out = tmp_path / "out"
    result = invoke("-f", "json", "-o", out, *names)
    assert result.exit_code == 0, result.stderr
    assert files_under(out) == ["page.txt.bz2.json", "page.txt.gz.json", "page.txt.xz.json"]
    for name in names:
        doc = json.loads((out / f"{name.name}.json").read_text(encoding="utf-8"))
        assert doc["source"] == str(name)


# --- parallel runs ---


def test_jobs_2_prints_the_same_bytes_as_jobs_1_in_input_order(tmp_path: Path) -> None:
    inputs = thirty_inputs(tmp_path / "in")
    one = invoke("-f", "jsonl", "--jobs", "1", *inputs)
    two = invoke("-f", "jsonl", "--jobs", "2", *inputs)
    assert_no_crash(two)
    assert one.exit_code == two.exit_code == 1
    assert two.stdout_bytes == one.stdout_bytes
    assert [d["source"] for d in jsonl_lines(two.stdout)] == [str(p) for p in inputs]
    assert error_lines(two) == error_lines(one) and len(error_lines(two)) == 4


# --- exit codes ---


def test_all_good_exits_0(tmp_path: Path) -> None:
    result = invoke("-f", "jsonl", FR, EN)
    assert_no_crash(result)
    assert result.exit_code == 0
    assert error_lines(result) == []
    assert "2 processed (2 written, 0 without article), 0 skipped, 0 failed" in result.stderr


@pytest.mark.parametrize("kind", ["missing", "binary", "truncated", "empty"])
def test_one_bad_input_exits_1_with_one_line_naming_it(tmp_path: Path, kind: str) -> None:
    bad = {
        "missing": tmp_path / "nope.txt",
        "binary": write(tmp_path / "image.txt", PNG),
        "truncated": write(tmp_path / "cut.txt.gz", gzip.compress(FR.read_bytes())[:500]),
        "empty": EMPTY,
    }[kind]
    result = invoke("-f", "jsonl", FR, bad, EN)
    assert_no_crash(result)
    assert result.exit_code == 1
    assert [d["source"] for d in jsonl_lines(result.stdout)] == [str(FR), str(bad), str(EN)]
    errors = error_lines(result)
    assert len(errors) == 1 and errors[0].startswith(f"sahelclean: error: {bad}: ")
    expect = {
        "missing": "no such file",
        "binary": "binary",
        "truncated": "truncated",
        "empty": "no article found",
    }[kind]
    assert expect in errors[0]


def test_no_fail_on_empty(tmp_path: Path) -> None:
    allowed = invoke("-f", "jsonl", "--no-fail-on-empty", FR, EMPTY)
    assert_no_crash(allowed)
    assert allowed.exit_code == 0
    assert [d["source"] for d in jsonl_lines(allowed.stdout)] == [str(FR), str(EMPTY)]
    still = invoke("-f", "jsonl", "--no-fail-on-empty", FR, EMPTY, tmp_path / "nope.txt")
    assert still.exit_code == 1
    lines = jsonl_lines(still.stdout)
    assert lines[2] == {
        "source": str(tmp_path / "nope.txt"),
        "error": f"{tmp_path / 'nope.txt'}: no such file (check the path)",
        "kind": "InputError",
        "failed": True,
    }


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--keep", "bogus"), "bogus"),
        (("--input-format", "xml"), "xml"),
        (("--skip-existing",), "--skip-existing needs -o DIR"),
        (("--jobs", "-1"), "--jobs"),
    ],
    ids=["keep", "input-format", "skip-existing", "jobs"],
)
def test_usage_errors_exit_2(args: tuple[str, ...], says: str) -> None:
    result = invoke(*args, FR)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert says in result.stderr and "Error:" in result.stderr


def test_a_damaged_manifest_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    manifest = write(tmp_path / "manifest.json", "{not a manifest")
    result = invoke("-o", tmp_path / "out", "--manifest", manifest, FR, EN)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert str(manifest) in result.stderr and "not a sahelclean manifest" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_output_directory_that_is_a_file_is_a_clean_error(tmp_path: Path) -> None:
    target = write(tmp_path / "out.json", "keep me\n")
    result = invoke("-f", "json", "-o", target, FR, EN)
    assert_no_crash(result)
    assert result.exit_code in (1, 2)
    assert str(target) in result.stderr
    assert target.read_text() == "keep me\n"


# --- --summary-json ---


def test_summary_json(tmp_path: Path) -> None:
    out, manifest, report = tmp_path / "out", tmp_path / "m.json", tmp_path / "summary.json"
    common = ("-f", "json", "-o", out, "--manifest", manifest, "--summary-json", report)
    first = invoke(*common, FR, EN)
    assert first.exit_code == 0
    assert summary_of(report) == {
        "processed": 2, "written": 2, "empty": 0, "failed": 0, "skipped": 0,
        "files_written": 2, "interrupted": False, "exit_code": 0, "passed_over": {},
    }  # fmt: skip
    missing = tmp_path / "nope.txt"
    second = invoke(*common, FR, EN, EMPTY, missing)
    assert second.exit_code == 1
    assert summary_of(report) == {
        "processed": 1, "written": 0, "empty": 1, "failed": 1, "skipped": 2,
        "files_written": 0, "interrupted": False, "exit_code": 1, "passed_over": {},
    }  # fmt: skip
    assert not temp_files(tmp_path)


def test_summary_json_counts_what_was_passed_over(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    warc = tmp_path / "crawl.warc.gz"
    make_warc(warc)
    report = tmp_path / "summary.json"
    result = invoke("-f", "jsonl", "--summary-json", report, warc)
    assert result.exit_code == 0
    data = summary_of(report)
    assert data["passed_over"] == {"non-html": 1, "request": 1}
    assert (data["processed"], data["written"], data["exit_code"]) == (2, 2, 0)


# --- incremental runs ---


@pytest.fixture
def pages(tmp_path: Path) -> list[Path]:
    """Five text dumps in a folder."""
    return [write(tmp_path / "pages" / f"p{i}.txt", p.read_bytes()) for i, p in enumerate(GOOD[:5])]


def test_manifest_twice_then_touch_then_change(pages: list[Path], tmp_path: Path) -> None:
    out, manifest, report = tmp_path / "out", tmp_path / "m.json", tmp_path / "s.json"
    args = ("-f", "json", "-o", out, "--manifest", manifest, "--summary-json", report,
            pages[0].parent)  # fmt: skip
    assert invoke(*args).exit_code == 0
    assert summary_of(report)["processed"] == 5
    before = snapshot(out)
    again = invoke(*args)
    assert again.exit_code == 0
    assert (summary_of(report)["processed"], summary_of(report)["skipped"]) == (0, 5)
    assert snapshot(out) == before
    later(pages[2])
    assert invoke(*args).exit_code == 0
    assert (summary_of(report)["processed"], summary_of(report)["skipped"]) == (0, 5)
    assert snapshot(out) == before
    pages[4].write_bytes(FR.read_bytes())  # p4 was en-no-widget
    assert invoke(*args).exit_code == 0
    assert (summary_of(report)["processed"], summary_of(report)["skipped"]) == (1, 4)
    after = snapshot(out)
    assert after.pop("p4.json") != before.pop("p4.json")
    assert after == before
    assert json.loads((out / "p4.json").read_text())["source"] == str(pages[4])


def test_skip_existing_twice_then_touch(pages: list[Path], tmp_path: Path) -> None:
    out, report = tmp_path / "out", tmp_path / "s.json"
    args = ("-f", "json", "-o", out, "--skip-existing", "--summary-json", report, *pages)
    assert invoke(*args).exit_code == 0
    before = snapshot(out)
    assert invoke(*args).exit_code == 0
    assert (summary_of(report)["processed"], summary_of(report)["skipped"]) == (0, 5)
    assert snapshot(out) == before
    later(pages[1])
    assert invoke(*args).exit_code == 0
    assert (summary_of(report)["processed"], summary_of(report)["skipped"]) == (1, 4)
    after = snapshot(out)
    assert after["p1.json"][0] == before["p1.json"][0]
    assert after["p1.json"][1] > before["p1.json"][1]


def test_skip_existing_with_one_input_still_writes_into_a_directory(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("-f", "json", "-o", out, "--skip-existing", FR)
    assert result.exit_code == 0, result.stderr
    assert files_under(out) == ["input.json"]
    assert json.loads((out / "input.json").read_text())["source"] == str(FR)


# --- interrupts of the real process ---

# Enough pages that a run lasts seconds, so that a signal always lands mid-run.
BIG_RUN_INPUTS = 1600
FIRST_OUTPUT_TIMEOUT = 60.0  # seconds: a loaded machine may take long to start


@pytest.fixture(scope="module")
def big_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """BIG_RUN_INPUTS text dumps in folders of 20 (copies of the fixtures with an article)."""
    root = tmp_path_factory.mktemp("big") / "dumps"
    for folder in range(BIG_RUN_INPUTS // 20):
        for page in GOOD[:20]:
            write(root / f"d{folder:03d}" / f"{page.parent.name}.txt", page.read_bytes())
    assert sum(1 for _ in root.rglob("*.txt")) == BIG_RUN_INPUTS
    return root


@pytest.fixture(scope="module")
def reference(big_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The outputs of a clean, uninterrupted run over big_tree."""
    out = tmp_path_factory.mktemp("reference") / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "sahelclean", "clean", "-q", "-f", "json", "-j", "2",
         "-o", str(out), str(big_tree)],
        capture_output=True, env=ENV, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    outputs = {rel: data for rel, (data, _) in snapshot(out).items()}
    assert len(outputs) == BIG_RUN_INPUTS
    return outputs


def _default_sigint() -> None:
    """In the child, before exec: SIGINT back to its default disposition."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Running:
    """A `sahelclean clean` process of its own session (so its workers can be found)."""

    def __init__(self, args: list[str], log: Path) -> None:
        self.log = log
        with log.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "sahelclean", "clean", *args],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                env=ENV,
                start_new_session=True,
                # A shell's background job (as CI may be) starts with SIGINT ignored, and
                # Python then installs no Ctrl-C handler: give the run a terminal's default.
                preexec_fn=_default_sigint,
            )

    def wait_for_output(self, out: Path) -> None:
        """Return once the first output file is complete, or fail after a generous delay."""
        deadline = time.monotonic() + FIRST_OUTPUT_TIMEOUT
        while not any(out.rglob("*.json")):
            if self.proc.poll() is not None:
                pytest.fail(f"ended with {self.proc.returncode} before any output: {self.stderr}")
            if time.monotonic() > deadline:
                pytest.fail(f"no output after {FIRST_OUTPUT_TIMEOUT} s: {self.stderr}")
            time.sleep(0.01)

    @property
    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]

    def group(self) -> list[int]:
        """The live processes of the run's session: the parent and its workers."""
        alive = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                state, _, pgrp = stat.rsplit(")", 1)[1].split()[:3]
                if int(pgrp) == self.proc.pid and state not in ("Z", "X"):
                    alive.append(int(entry))
        return alive

    def kill_group(self) -> None:
        """Kill whatever of the run is left (its orphaned workers after a SIGKILL)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)


@pytest.fixture
def running(tmp_path: Path) -> Iterator[list[Running]]:
    """Started runs, killed at the end of the test whatever happens."""
    runs: list[Running] = []
    yield runs
    for run in runs:
        run.kill_group()


def check_complete_outputs(out: Path) -> list[Path]:
    """Every output file parses as a whole document; return the temp files left."""
    temps = []
    for path in out.rglob("*"):
        if path.is_dir():
            continue
        if path.name.endswith(TEMP_SUFFIX):
            assert path.name.startswith("."), path
            temps.append(path)
            continue
        assert path.suffix == ".json" and not path.name.startswith("."), path
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["source"].endswith(".txt") and doc["text"].strip()
    return temps


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def test_sigint_stops_with_130_and_no_partial_file_then_manifest_completes(
    big_tree: Path, reference: dict[str, bytes], tmp_path: Path, running: list[Running]
) -> None:
    out, manifest, report = tmp_path / "out", tmp_path / "m.json", tmp_path / "s.json"
    args = ["-f", "json", "-j", "2", "-o", str(out), "--manifest", str(manifest),
            "--summary-json", str(report), str(big_tree)]  # fmt: skip
    run = Running(args, tmp_path / "stderr.txt")
    running.append(run)
    run.wait_for_output(out)
    run.proc.send_signal(signal.SIGINT)
    assert run.proc.wait(timeout=60) == 130, run.stderr
    assert "Traceback" not in run.stderr
    assert "interrupted (files already written are complete)" in run.stderr
    temps = check_complete_outputs(out)
    assert temps == []  # Ctrl-C is held back while a temp file is created
    done = len(list(out.rglob("*.json")))
    assert 0 < done < BIG_RUN_INPUTS
    stopped = summary_of(report)
    assert (stopped["interrupted"], stopped["exit_code"]) == (True, 130)
    assert stopped["written"] >= done
    assert manifest.exists()

    rerun = subprocess.run(
        [sys.executable, "-m", "sahelclean", "clean", "-q", *args],
        capture_output=True, env=ENV, timeout=300, check=False,
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr.decode()[-2000:]
    final = summary_of(report)
    assert done - 1 <= final["skipped"] <= done  # the last file written may not be recorded
    assert final["processed"] + final["skipped"] == BIG_RUN_INPUTS
    assert {rel: data for rel, (data, _) in snapshot(out).items()} == reference
    assert temp_files(out) == []


def test_sigkill_leaves_only_complete_files_then_skip_existing_completes(
    big_tree: Path, reference: dict[str, bytes], tmp_path: Path, running: list[Running]
) -> None:
    out, report = tmp_path / "out", tmp_path / "s.json"
    args = ["-f", "json", "-j", "2", "-o", str(out), str(big_tree)]
    run = Running(args, tmp_path / "stderr.txt")
    running.append(run)
    run.wait_for_output(out)
    time.sleep(0.1)
    run.proc.send_signal(signal.SIGKILL)
    assert run.proc.wait(timeout=60) == -signal.SIGKILL
    run.kill_group()  # the orphaned workers (see test_workers_end_when_the_parent_is_killed)
    temps = check_complete_outputs(out)
    assert all(p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX) for p in temps)
    done = len(list(out.rglob("*.json")))
    assert 0 < done < BIG_RUN_INPUTS

    rerun = subprocess.run(
        [sys.executable, "-m", "sahelclean", "clean", "-q", "--skip-existing",
         "--summary-json", str(report), *args],
        capture_output=True, env=ENV, timeout=300, check=False,
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr.decode()[-2000:]
    final = summary_of(report)
    assert (final["skipped"], final["processed"]) == (done, BIG_RUN_INPUTS - done)
    assert {rel: data for rel, (data, _) in snapshot(out).items()} == reference
    assert temp_files(out) == []


def test_sigint_discards_a_half_written_container(tmp_path: Path, running: list[Running]) -> None:
    dump = write(
        tmp_path / "in" / "big.jsonl",
        jsonl_bytes(*({"id": f"r{i:04d}", "text": GOOD[i % len(GOOD)].read_text()}
                      for i in range(4000))),
    )  # fmt: skip
    out = tmp_path / "out"
    out.mkdir()
    run = Running(["-f", "json", "-j", "2", "-o", str(out), str(dump)], tmp_path / "err.txt")
    running.append(run)
    deadline = time.monotonic() + FIRST_OUTPUT_TIMEOUT
    while not temp_files(out) and run.proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert temp_files(out), f"the container's temp file never appeared: {run.stderr}"
    run.proc.send_signal(signal.SIGINT)
    assert run.proc.wait(timeout=60) == 130, run.stderr
    assert "Traceback" not in run.stderr
    assert files_under(out) == []


@needs_proc
def test_workers_end_when_the_parent_is_killed(
    big_tree: Path, tmp_path: Path, running: list[Running]
) -> None:
    out = tmp_path / "out"
    run = Running(["-f", "json", "-j", "2", "-o", str(out), str(big_tree)], tmp_path / "err.txt")
    running.append(run)
    run.wait_for_output(out)
    assert len(run.group()) == 3  # the parent and two workers
    run.proc.send_signal(signal.SIGKILL)
    run.proc.wait(timeout=60)
    deadline = time.monotonic() + FIRST_OUTPUT_TIMEOUT  # a hang guard: workers see it at once
    while run.group() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.group() == []


def test_temp_files_of_a_killed_run_are_swept_by_the_next(tmp_path: Path) -> None:
    """What a SIGKILL between mkstemp and rename leaves: the next run removes it."""
    src = tmp_path / "src"
    write(src / "a" / "page.txt", FR.read_bytes())
    out = tmp_path / "out"
    stale = write(out / "a" / f".page.json.k1ll3d{TEMP_SUFFIX}", '{"source": "half')
    result = invoke("-f", "json", "-o", out, src)
    assert result.exit_code == 0
    assert files_under(out) == ["a/page.json"]
    assert not stale.exists()
