"""Cost per output file as the output folder fills up (issue 19).

Writes N small outputs into one folder through `batch.outputs.DirSink`, as a run with
`-o DIR` does (temporary file, lock, rename; the folder swept once), and reports the
milliseconds per output for each size, with `--sync end` (one flush of the tree at the
end, counted) and `--sync each` (one flush per file). The cost must stay flat: at 100k
outputs within 20 % of the cost at 1k.

    python bench/outputs.py                      # 1k, 10k, 100k; end and each
    python bench/outputs.py --sizes 1000,10000 --sync end
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path, PurePosixPath

import click

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))

from sahelclean.batch.outputs import DirSink  # noqa: E402
from sahelclean.batch.pool import Outcome  # noqa: E402
from sahelclean.batch.writers import Format, Sync, sync_tree  # noqa: E402
from sahelclean.read.sources import Item  # noqa: E402

# About the size of a short article's text.
OUTPUT = "Niamey : la crue du fleuve menace les quartiers riverains.\n" * 20


def seconds_per_output(count: int, sync: Sync, parent: Path) -> float:
    """Write `count` outputs into one fresh folder under parent; seconds per output."""
    root = Path(tempfile.mkdtemp(prefix="outputs-", dir=parent))
    try:
        sink = DirSink(root, Format.TEXT, sync=sync)
        outcome = Outcome(source="page", output=OUTPUT, empty=False, failure=None)
        started = time.perf_counter()
        for n in range(count):
            item = Item(page=None, failure=None, relpath=PurePosixPath(f"pages/p{n:06d}"))
            sink.accept(item, outcome)
        sink.close()
        if sync is Sync.END:
            sync_tree(root)
        return (time.perf_counter() - started) / count
    finally:
        shutil.rmtree(root, ignore_errors=True)


@click.command()
@click.option("--sizes", default="1000,10000,100000", show_default=True, help="Outputs per run.")
@click.option(
    "--sync",
    "modes",
    multiple=True,
    type=click.Choice([s.value for s in Sync]),
    help="Sync modes to measure (repeatable; default: end and each).",
)
@click.option(
    "--dir",
    "parent",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Where the folders are made (default: the system's temporary folder).",
)
def main(sizes: str, modes: tuple[str, ...], parent: Path | None) -> None:
    """Print ms per output for each size and sync mode, and the ratio to the smallest size."""
    counts = [int(s) for s in sizes.split(",") if s.strip()]
    chosen = [Sync(m) for m in modes] or [Sync.END, Sync.EACH]
    where = parent or Path(tempfile.gettempdir())
    click.echo(f"{'sync':6} {'outputs':>8} {'ms/output':>10} {'x first':>8}")
    for sync in chosen:
        first: float | None = None
        for count in counts:
            cost = seconds_per_output(count, sync, where)
            first = first or cost
            click.echo(f"{sync.value:6} {count:>8} {cost * 1000:>10.3f} {cost / first:>8.2f}")


if __name__ == "__main__":
    main()
