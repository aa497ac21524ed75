"""CI quality gate: sahelclean's figures on every corpus × input kind must stay above floors.

The figures are the F1 of each corpus × input kind (and of te's French subset), and on fu
the title accuracy, lead accuracy and heading F1 of the document's structure.

Run ``python bench/gate.py`` (check), ``--update`` (raise floors to the current figures) or
``--update --allow-regression`` (also lower them). Floors live in bench/floors.json.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

import quality  # noqa: E402

DEFAULT_FLOORS = BENCH_DIR / "floors.json"
DEFAULT_EPSILON = 0.002
FIGURE_KEYS = quality.GATED_KEYS
HOW_TO_GET_CORPORA = """\
The evaluation corpora are not here ({path}).
The gate needs them laid out as in shared/corpora/README.md:
  <corpora>/sh/: the public "ScrapingHub article-extraction-benchmark" (its html/ pages and
                 ground-truth.json articleBody), one folder per page with page.html,
                 innertext.txt, gettext.txt and gold.json {{"body": ...}}, plus manifest.jsonl;
  <corpora>/te/: trafilatura's evaluation set (its tests/eval folder and the with/without
                 snippets of tests/evaldata.py), same layout with gold.json {{"with", "without",
                 "lang"}};
  <corpora>/fu/: the fundus project's parser test pages, same layout with gold.json
                 {{"title", "lead", "headings", "paragraphs", "body"}}.
Put them at ../shared/corpora/dev beside the repository, or pass --corpora DIR.
Skipping the quality gate (set CI=true to make this an error)."""


class GateError(click.ClickException):
    """The gate cannot measure (missing corpora in CI, missing library)."""


@dataclass(frozen=True, slots=True)
class Floors:
    """Pinned minimum figures, and the tolerance under them."""

    epsilon: float
    floors: dict[str, float]


@dataclass(frozen=True, slots=True)
class Check:
    """One figure against its floor."""

    key: str
    figure: float | None
    floor: float | None
    epsilon: float

    @property
    def ok(self) -> bool:
        """Passes when unpinned, or when the figure is at least floor − epsilon."""
        if self.floor is None:
            return True
        return self.figure is not None and self.figure >= self.floor - self.epsilon

    @property
    def status(self) -> str:
        """A word for the table."""
        if self.floor is None:
            return "unpinned"
        if self.figure is None:
            return "NOT MEASURED"
        return "ok" if self.ok else "BELOW FLOOR"


@dataclass(frozen=True, slots=True)
class Update:
    """The result of --update: the new floors, and the keys whose lowering was refused."""

    floors: Floors
    raised: tuple[str, ...]
    lowered: tuple[str, ...]
    refused: tuple[str, ...]


def _order(keys: set[str]) -> list[str]:
    """Figure names in canonical order, unknown ones last."""
    known = [k for k in FIGURE_KEYS if k in keys]
    return known + sorted(keys - set(FIGURE_KEYS))


def load_floors(path: Path) -> Floors:
    """Read floors.json; a missing file means no floor pinned."""
    if not path.is_file():
        return Floors(DEFAULT_EPSILON, {})
    data = json.loads(path.read_text(encoding="utf-8"))
    floors = {str(k): float(v) for k, v in (data.get("floors") or {}).items()}
    return Floors(float(data.get("epsilon", DEFAULT_EPSILON)), floors)


def dump_floors(floors: Floors) -> str:
    """floors.json text, keys in canonical order."""
    ordered = {k: floors.floors[k] for k in _order(set(floors.floors))}
    return json.dumps({"epsilon": floors.epsilon, "floors": ordered}, indent=2) + "\n"


def pin(figure: float) -> float:
    """A figure rounded down to 4 decimals, so a pinned floor never exceeds what was measured."""
    return math.floor(figure * 10_000 + 1e-9) / 10_000


def check(figures: dict[str, float], floors: Floors) -> list[Check]:
    """Compare every measured or pinned figure with its floor."""
    keys = _order(set(figures) | set(floors.floors))
    return [Check(k, figures.get(k), floors.floors.get(k), floors.epsilon) for k in keys]


def update_floors(
    floors: Floors, figures: dict[str, float], allow_regression: bool = False
) -> Update:
    """Raise floors to the current figures; lower one only with allow_regression."""
    new = dict(floors.floors)
    raised: list[str] = []
    lowered: list[str] = []
    refused: list[str] = []
    for key in _order(set(figures)):
        value, old = pin(figures[key]), new.get(key)
        if old is None or value > old:
            new[key] = value
            raised.append(key)
        elif value < old:
            if allow_regression:
                new[key] = value
                lowered.append(key)
            else:
                refused.append(key)
    return Update(Floors(floors.epsilon, new), tuple(raised), tuple(lowered), tuple(refused))


def measure(corpora_dir: Path, system: str = "sahelclean") -> dict[str, float]:
    """One system's gated figures on every corpus × input kind of corpora_dir (plus te-fr)."""
    systems, missing = quality.load_systems([system])
    if missing:
        raise GateError(f"cannot load {system}: {missing[system]}")
    run = quality.run_benchmark(corpora_dir, quality.CORPORA, quality.INPUT_KINDS, systems)
    errors = Counter(
        (corpus, kind, r.error_kind)
        for (corpus, kind, _), rows in run.results.items()
        for r in rows
        if r.error
    )
    for (corpus, kind, error), n in sorted(errors.items()):
        # an empty dump raises EmptyInputError: expected, and scored as an empty answer
        click.echo(
            f"{system}: {n} page(s) of {corpus}/{kind} raised {error} (scored as empty)", err=True
        )
    return quality.figures(run, system)


def print_checks(checks: list[Check], console: Any) -> None:
    """The gate's table on stderr."""
    from rich.table import Table

    table = Table(title="Quality gate (sahelclean, dev split)")
    for name in ("figure", "value", "floor", "margin", "status"):
        table.add_column(name, justify="left" if name in ("figure", "status") else "right")
    for c in checks:
        margin = "-" if c.figure is None or c.floor is None else f"{c.figure - c.floor:+.4f}"
        style = "green" if c.ok else "bold red"
        table.add_row(
            c.key,
            "-" if c.figure is None else f"{c.figure:.4f}",
            "-" if c.floor is None else f"{c.floor:.4f}",
            margin,
            f"[{style}]{c.status}[/]",
        )
    console.print(table)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpora",
    "corpora_dir",
    type=click.Path(path_type=Path),
    default=quality.DEFAULT_CORPORA,
    show_default=True,
    help="Folder with sh/, te/ and fu/.",
)
@click.option(
    "--floors",
    "floors_path",
    type=click.Path(path_type=Path),
    default=DEFAULT_FLOORS,
    show_default=True,
    help="The pinned floors.",
)
@click.option("--update", is_flag=True, help="Raise the floors to the current figures.")
@click.option("--allow-regression", is_flag=True, help="With --update, also lower floors.")
@click.option(
    "--system",
    default="sahelclean",
    show_default=True,
    type=click.Choice(quality.SYSTEMS),
    help="System to gate (others: for testing).",
)
def main(
    corpora_dir: Path, floors_path: Path, update: bool, allow_regression: bool, system: str
) -> None:
    """Check sahelclean's quality figures against bench/floors.json; exit 1 below a floor."""
    console = quality.console_stderr()
    absent = quality.missing_corpora(corpora_dir, quality.CORPORA)
    if absent:
        if os.environ.get("CI") == "true":
            raise GateError(
                f"quality gate: corpora {', '.join(absent)} missing under {corpora_dir}; "
                "CI must have shared/corpora/dev beside the repository"
            )
        click.echo(HOW_TO_GET_CORPORA.format(path=corpora_dir), err=True)
        return
    if allow_regression and not update:
        raise click.UsageError("--allow-regression only makes sense with --update")
    floors = load_floors(floors_path)
    figures = measure(corpora_dir, system)
    if update:
        result = update_floors(floors, figures, allow_regression)
        floors_path.write_text(dump_floors(result.floors), encoding="utf-8")
        floors = result.floors
        click.echo(f"floors raised: {', '.join(result.raised) or 'none'}", err=True)
        if result.lowered:
            click.echo(f"floors LOWERED: {', '.join(result.lowered)}", err=True)
        if result.refused:
            click.echo(
                f"not lowered (needs --allow-regression): {', '.join(result.refused)}", err=True
            )
    checks = check(figures, floors)
    print_checks(checks, console)
    failed = [c.key for c in checks if not c.ok]
    if failed:
        click.echo(
            f"quality gate FAILED: {', '.join(failed)} below floor − {floors.epsilon}", err=True
        )
        sys.exit(1)
    click.echo("quality gate passed", err=True)


if __name__ == "__main__":
    main()
