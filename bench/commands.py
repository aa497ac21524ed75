"""Running and timing child commands: shared by the speed benchmarks (speed.py and
speed_dask.py), so that neither imports the other."""

from __future__ import annotations

import resource
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class CmdResult:
    """One finished command: wall time, exit code and the end of its stderr."""

    seconds: float
    returncode: int
    stderr: str
    cpu_seconds: float = 0.0  # user + system time of the child and the children it waited for


def run_cmd(
    cmd: Sequence[str | Path],
    stdin: Path | None = None,
    stdout: Path | None = None,
    cwd: Path | None = None,
) -> CmdResult:
    """Run a command, timing it with perf_counter; stdin and stdout default to /dev/null."""
    args = [str(c) for c in cmd]
    with _open_or_null(stdin, "rb") as fin, _open_or_null(stdout, "wb") as fout:
        cpu = children_cpu()
        start = time.perf_counter()
        proc = subprocess.run(
            args, stdin=fin, stdout=fout, stderr=subprocess.PIPE, cwd=cwd, check=False
        )
        seconds = time.perf_counter() - start
        cpu = children_cpu() - cpu
    return CmdResult(seconds, proc.returncode, tail(proc.stderr), cpu)


def children_cpu() -> float:
    """User + system time of the children waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def capture(
    cmd: Sequence[str | Path], cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run a command with no stdin and its output captured; never raises on an exit code."""
    return subprocess.run(
        [str(c) for c in cmd], stdin=subprocess.DEVNULL, capture_output=True, cwd=cwd, check=False
    )


@contextmanager
def _open_or_null(path: Path | None, mode: str) -> Iterator[Any]:
    """A file opened for a child process, or /dev/null when no path is given."""
    if path is None:
        yield subprocess.DEVNULL
        return
    with path.open(mode) as handle:
        yield handle


def tail(data: bytes, limit: int = 1000) -> str:
    """The last `limit` characters of a child's output, decoded."""
    return data.decode("utf-8", errors="replace")[-limit:]
