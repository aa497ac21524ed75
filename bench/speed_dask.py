"""Dask overhead: the CLI at --jobs N against the same CLI on a Dask cluster of N workers.

Run ``python bench/speed_dask.py --help``, or ``python bench/speed.py --dask`` to add these
figures to the main speed benchmark. Over each input kind of the dev corpora (innerText
dumps and HTML), as folders of links, it times three runs of `sahelclean clean -f json -o`:

- local: ``--jobs N`` (a process pool);
- dask, cold: ``--scheduler local --jobs N``: a LocalCluster started for the run (its
  start-up and the workers' imports are in the time, as a one-off command pays them);
- dask, warm: ``--scheduler tcp://...`` on a LocalCluster of N worker processes started
  once and warmed up, as on a cluster that is already running.

The overhead ratio is the warm Dask time over the local time. Every Dask run's output tree
must be byte-identical to the local run's, or the measure fails.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from quality import (  # noqa: E402
    CORPORA,
    DEFAULT_CORPORA,
    INPUT_FILES,
    TIMED_CORPORA,
    split_list,
)

VENV_BIN = Path(sys.executable).parent
KINDS = ("innertext", "html")
OK_CODES = (0, 1)  # 1: some page held no article, a normal outcome on a corpus


def corpus_tree(corpora_dir: Path, corpora: Sequence[str], kind: str, root: Path) -> int:
    """A folder <corpus>/<doc>.<ext> of links to one kind of file; returns the page count."""
    count = 0
    for corpus in corpora:
        for page_dir in sorted(p for p in (corpora_dir / corpus).iterdir() if p.is_dir()):
            src = page_dir / INPUT_FILES[kind]
            if not src.exists():
                continue
            dest = root / corpus / f"{page_dir.name}{src.suffix}"
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(src, dest)
            except OSError:
                dest.symlink_to(src.resolve())
            count += 1
    return count


def same_tree(a: Path, b: Path) -> bool:
    """True when two folders hold the same files with the same bytes."""
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(a / d, b / d) for d in cmp.common_dirs)


def _timed(cmd: list[str], out: Path) -> float:
    """Run one CLI command; its wall time (a bad exit code is an error)."""
    from commands import run_cmd

    shutil.rmtree(out, ignore_errors=True)
    res = run_cmd(cmd)
    if res.returncode not in OK_CODES or not out.is_dir():
        raise click.ClickException(
            f"{' '.join(cmd)}: exit {res.returncode}, output written: {out.is_dir()}\n{res.stderr}"
        )
    return res.seconds


def measure_kind(
    exe: Path, src: Path, work: Path, pages: int, jobs: int, repeat: int, address: str
) -> dict[str, Any]:
    """The three runs over one folder, interleaved `repeat` times; medians and pages/s."""
    base = [str(exe), "clean", "-q", "-f", "json"]
    runs = {
        "local": [*base, "--jobs", str(jobs)],
        "dask_cold": [*base, "--scheduler", "local", "--jobs", str(jobs)],
        "dask_warm": [*base, "--scheduler", address],
    }
    _timed([*runs["dask_warm"], "-o", str(work / "warm-up"), str(src)], work / "warm-up")
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, cmd in runs.items():
            out = work / f"out-{name}"
            times[name].append(_timed([*cmd, "-o", str(out), str(src)], out))
    identical = all(same_tree(work / "out-local", work / f"out-{n}") for n in runs if n != "local")
    if not identical:
        raise click.ClickException(f"{src}: the Dask output differs from the local output")
    result: dict[str, Any] = {"pages": pages, "jobs": jobs, "identical_outputs": identical}
    for name, seconds in times.items():
        median = statistics.median(seconds)
        result[name] = {
            "seconds": round(median, 3),
            "runs": [round(s, 3) for s in seconds],
            "pages_per_s": round(pages / median, 1),
        }
    result["overhead_warm"] = round(result["dask_warm"]["seconds"] / result["local"]["seconds"], 3)
    result["overhead_cold"] = round(result["dask_cold"]["seconds"] / result["local"]["seconds"], 3)
    return result


def run_dask(
    corpora_dir: Path = DEFAULT_CORPORA,
    corpora: Sequence[str] = TIMED_CORPORA,
    kinds: Sequence[str] = KINDS,
    jobs: int = 2,
    repeat: int = 3,
    exe: Path = VENV_BIN / "sahelclean",
) -> dict[str, Any]:
    """The Dask figures for each input kind (what speed.py --dask adds to its JSON)."""
    import distributed

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="sahelclean-dask-") as tmp:
        work = Path(tmp)
        cluster = distributed.LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        with cluster:
            for kind in kinds:
                src = work / f"in-{kind}"
                pages = corpus_tree(corpora_dir, corpora, kind, src)
                out[kind] = measure_kind(
                    exe, src, work / kind, pages, jobs, repeat, cluster.scheduler_address
                )
                for line in report_lines({kind: out[kind]}):
                    print(line, file=sys.stderr, flush=True)
    return out


def report_lines(figures: dict[str, Any]) -> list[str]:
    """The figures as lines for a human."""
    lines = []
    for kind, f in figures.items():
        lines.append(
            f"{kind}: {f['pages']} pages, {f['jobs']} workers: "
            f"local --jobs {f['jobs']} {f['local']['pages_per_s']} pages/s "
            f"({f['local']['seconds']} s); dask warm {f['dask_warm']['pages_per_s']} pages/s "
            f"({f['dask_warm']['seconds']} s, x{f['overhead_warm']}); dask cold "
            f"{f['dask_cold']['pages_per_s']} pages/s ({f['dask_cold']['seconds']} s, "
            f"x{f['overhead_cold']}); outputs identical: {f['identical_outputs']}"
        )
    return lines


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpora",
    "corpora_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_CORPORA,
    show_default=True,
)
@click.option(
    "--corpus", default=",".join(TIMED_CORPORA), show_default=True, help="Corpora to run."
)
@click.option("--input", "kinds", default="innertext,html", show_default=True)
@click.option("--jobs", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--repeat", type=click.IntRange(min=1), default=3, show_default=True)
@click.option("--json", "json_path", default=None, help="Also write the figures to this file.")
def main(
    corpora_dir: Path, corpus: str, kinds: str, jobs: int, repeat: int, json_path: str | None
) -> None:
    """Pages/s of the local CLI at --jobs N and on Dask with N workers; the overhead ratio."""
    import json

    figures = run_dask(
        corpora_dir,
        tuple(split_list(corpus, CORPORA, "corpus")),
        tuple(split_list(kinds, KINDS, "input kind")),
        jobs,
        repeat,
    )
    if json_path:
        Path(json_path).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
