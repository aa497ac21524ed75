"""What counting the files of a folder costs the progress bar's total (issue 20).

A run over folders shows `272/100000 files` because a thread counts the files the walk
will read (`read.extent.count_files`: the walk's listing and filters, no file opened) while
the run goes. This writes N small files in one folder and the same N nested (100 folders
of N/100), then times, medians of --repeat runs, warm cache:

- walk: the walk alone, every file read (`read.sources.walk`), as a run without the count;
- count: the count alone;
- walk+count: the walk with the count in a thread beside it, as the command runs them.

It prints seconds and the ratios count/walk and walk+count/walk. A real run also cleans
every page (milliseconds a page), so its overhead is far below the walk's ratio.

    python bench/walk.py                  # 100,000 files
    python bench/walk.py --files 10000 --repeat 5
"""

from __future__ import annotations

import io
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import click

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))

from sahelclean.read.extent import count_files  # noqa: E402
from sahelclean.read.sources import SourceOptions, walk  # noqa: E402

PAGE = "Zinder : la foire agricole ouvre ses portes samedi.\nThe fair opens on Saturday.\n"


def make_tree(root: Path, files: int, folders: int) -> Path:
    """Write `files` small pages under root, spread over `folders` folders (1: flat)."""
    root.mkdir()
    per_folder = max(1, files // folders)
    for n in range(files):
        folder = root if folders == 1 else root / f"d{n // per_folder:03d}"
        if n % per_folder == 0:
            folder.mkdir(exist_ok=True)
        (folder / f"p{n:06d}.txt").write_text(PAGE, encoding="utf-8")
    return root


def walk_all(root: Path) -> int:
    """Read every page of the tree, as a run's walk does; how many items."""
    return sum(1 for _ in walk([str(root)], io.BytesIO(), SourceOptions()))


def count(root: Path) -> int:
    """Count the files of the tree, as the progress bar's thread does."""
    return count_files([str(root)], SourceOptions())


def walk_with_count(root: Path) -> int:
    """The walk with the count in a thread beside it."""
    counter = threading.Thread(target=count, args=(root,))
    counter.start()
    walked = walk_all(root)
    counter.join()
    return walked


def median_seconds(
    tasks: tuple[Callable[[Path], int], ...], root: Path, repeat: int, expect: int
) -> list[float]:
    """The median time of each task over root, the tasks taking turns so that a change in
    the machine's load falls on all of them (checking what each found)."""
    times: list[list[float]] = [[] for _ in tasks]
    for _ in range(repeat):
        for task, spent in zip(tasks, times, strict=True):
            started = time.perf_counter()
            found = task(root)
            spent.append(time.perf_counter() - started)
            assert found == expect, f"{task.__name__} found {found} of {expect}"
    return [statistics.median(spent) for spent in times]


@click.command()
@click.option("--files", default=100_000, show_default=True, help="Files per tree.")
@click.option("--repeat", default=3, show_default=True, help="Runs per measure (median).")
@click.option(
    "--dir",
    "parent",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Where the trees are made (default: the system's temporary folder).",
)
def main(files: int, repeat: int, parent: Path | None) -> None:
    """Print the seconds of each measure and the ratios to the walk alone."""
    where = Path(tempfile.mkdtemp(prefix="walk-", dir=parent))
    try:
        header = f"{'tree':8} {'files':>7} {'walk s':>7} {'count s':>8} {'walk+count s':>12}"
        click.echo(f"{header} {'count/walk':>10} {'walk+count/walk':>15}")
        for name, folders in (("flat", 1), ("nested", 100)):
            root = make_tree(where / name, files, folders)
            tasks = (walk_all, count, walk_with_count)
            alone, counted, both = median_seconds(tasks, root, repeat, files)
            click.echo(
                f"{name:8} {files:>7} {alone:>7.2f} {counted:>8.2f} {both:>12.2f} "
                f"{counted / alone:>10.3f} {both / alone:>15.3f}"
            )
    finally:
        shutil.rmtree(where, ignore_errors=True)


if __name__ == "__main__":
    main()
