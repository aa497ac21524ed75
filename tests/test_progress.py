"""The progress bar (cli/progress.py), as a terminal shows it: `python -m sahelclean clean`
run with stderr on a pseudo-terminal. Only the last frame is checked (drawn when the run
ends, whatever the machine's speed), never a time."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pty = pytest.importorskip("pty")

ARTICLE = (
    "Le conseil communal de Tahoua a voté mardi le budget de l'année, après trois jours de "
    "débats sur l'eau potable et l'entretien des routes du marché.\n\n"
    "Residents had waited months for the vote, and the works on the main road should "
    "start before the rainy season, the mayor said.\n"
)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def page(n: int) -> str:
    """One short article of its own."""
    return f"Tahoua : le budget {n} est voté\n\n{ARTICLE}"


def run_on_terminal(tmp_path: Path, *args: str, tty: bool = True) -> tuple[str, str]:
    """Run `sahelclean clean ARGS` with stderr on a pseudo-terminal (or a pipe); return
    stdout and what stderr showed, escape codes removed."""
    out = tmp_path / "stdout.txt"
    env = {**os.environ, "COLUMNS": "200", "TERM": "xterm", "PYTHONPATH": str(ROOT)}
    env.pop("NO_COLOR", None)
    command = [sys.executable, "-m", "sahelclean", "clean", "-j", "1", *args]
    source = subprocess.DEVNULL
    with out.open("wb") as stdout:
        if not tty:
            done = subprocess.run(
                command, stdin=source, stdout=stdout, stderr=subprocess.PIPE, env=env
            )
            return out.read_text(encoding="utf-8"), done.stderr.decode()
        master, slave = pty.openpty()
        proc = subprocess.Popen(command, stdin=source, stdout=stdout, stderr=slave, env=env)
        os.close(slave)
        shown = bytearray()
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed its end of the terminal
                break
            if not chunk:
                break
            shown += chunk
        os.close(master)
        assert proc.wait() == 0
    return out.read_text(encoding="utf-8"), ANSI.sub("", shown.decode("utf-8", "replace"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Four pages, two of them in subfolders."""
    root = tmp_path / "pages"
    (root / "sub" / "deeper").mkdir(parents=True)
    for n, rel in enumerate(("a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt")):
        (root / rel).write_text(page(n), encoding="utf-8")
    return root


def dump(tmp_path: Path, name: str) -> Path:
    """A JSONL dump of 12 pages, gzipped when its name says so."""
    data = "".join(json.dumps({"text": page(n)}) + "\n" for n in range(12)).encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return path


def test_a_folder_shows_its_total_and_the_time_left(tmp_path: Path, folder: Path) -> None:
    stdout, shown = run_on_terminal(tmp_path, str(folder))
    totals = re.findall(r"cleaning (\d+)/(\d+) files", shown)
    assert totals and totals[-1] == ("4", "4")
    assert re.search(r"100% .* eta \d+:\d\d:\d\d", shown)
    assert stdout.count("Tahoua : le budget") == 4


def test_the_data_stays_on_stdout_while_the_bar_is_drawn(tmp_path: Path, folder: Path) -> None:
    stdout, shown = run_on_terminal(tmp_path, "-f", "jsonl", str(folder))
    assert len(stdout.splitlines()) == 4
    assert "Tahoua" not in shown
    assert "cleaning" in shown


@pytest.mark.parametrize("name", ["dump.jsonl", "dump.jsonl.gz"])
def test_a_dump_shows_the_share_of_bytes_read(tmp_path: Path, name: str) -> None:
    stdout, shown = run_on_terminal(tmp_path, "-f", "jsonl", str(dump(tmp_path, name)))
    assert re.search(r"cleaning 12 pages .* 100% .* eta \d+:\d\d:\d\d", shown)
    assert len(stdout.splitlines()) == 12


@pytest.mark.parametrize(
    ("args", "tty"), [((), False), (("-q",), True), (("--no-progress",), True)], ids=str
)
def test_no_bar_off_a_terminal_or_when_quiet(
    tmp_path: Path, folder: Path, args: tuple[str, ...], tty: bool
) -> None:
    stdout, shown = run_on_terminal(tmp_path, *args, str(folder), tty=tty)
    assert "cleaning" not in shown and "eta" not in shown and "files" not in shown
    assert stdout.count("Tahoua : le budget") == 4
