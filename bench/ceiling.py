"""Speed ceilings: how fast sahelclean could be, stage by stage, against trafilatura.

Run ``python bench/ceiling.py --help``. Where bench/speed.py says how fast sahelclean is,
this script says where the time goes and what no tuning of sahelclean's own Python can
beat, all in one run (CPU seconds, medians over ``--repeat`` passes):

- Text dumps (innertext): the whole clean, and inside it the time of each stage (stages
  are timed by wrapping the pipeline's own functions). Then two floors over the same
  lines: the per-line features the first pass cannot do without (fold, word tokens,
  stopword count), and a toy pass (whitespace split, stopword count, last character).
  The Amdahl bound is the pages/s the whole clean would reach with a first pass that cost
  nothing.
- HTML: trafilatura's default extraction on the page bytes (the reference), sahelclean's
  clean, and inside it the decoding, the parse and trafilatura's own extraction. With our
  own work (the renderer, the classifier, the rest) costing nothing, the ratio to
  trafilatura would be its time over decode + parse + extraction: the ceiling.

The human table goes to stderr, every figure to JSON.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from quality import (  # noqa: E402
    DEFAULT_CORPORA,
    TIMED_CORPORA,
    console_stderr,
    missing_corpora,
)
from speed import PageFiles, git_state, load_files, machine  # noqa: E402

DEFAULT_JSON = BENCH_DIR / "results" / "ceiling.json"
# (module, function) pairs timed inside a clean: every caller of the function sees the
# wrapper, since each is looked up in the module that calls it. A stage's time is its own:
# a stage called inside another (the first pass inside the classifier, trafilatura's
# second opinion inside the HTML classifier) counts for itself only.
TEXT_STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "decode": (("sahelclean.pipeline", "decode"),),
    "language": (("sahelclean.pipeline", "detect_language"),),
    "segment": (("sahelclean.pipeline", "segment_text"),),
    "first pass": (("sahelclean.classify", "judge"),),
    "classify (rest)": (("sahelclean.pipeline", "classify"),),
    "assemble": (("sahelclean.pipeline", "assemble"),),
}
HTML_STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "decode": (("sahelclean.pipeline", "decode"),),
    "parse": (("sahelclean.html.extract", "parse_html"),),
    "trafilatura (inside)": (("sahelclean.html.extract", "_extract"),),
    "render": (("sahelclean.html.extract", "render"),),
    "classify": (("sahelclean.html.extract", "classify"),),
}


@contextmanager
def timed(
    stages: dict[str, tuple[tuple[str, str], ...]], into: defaultdict[str, float]
) -> Iterator[None]:
    """Wrap each stage's functions so that their own CPU time adds up in `into`.

    The time of a wrapped call made inside another is taken out of the outer one, so the
    stages add up to at most the whole.
    """
    import importlib

    saved: list[tuple[Any, str, Any]] = []
    inner: list[float] = []  # per open wrapped call: the time of the wrapped calls inside

    def wrap(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            inner.append(0.0)
            try:
                return func(*args, **kwargs)
            finally:
                spent = time.process_time() - start
                into[name] += spent - inner.pop()
                if inner:
                    inner[-1] += spent

        return run

    try:
        for name, targets in stages.items():
            for module_name, attr in targets:
                module = importlib.import_module(module_name)
                func = getattr(module, attr)
                saved.append((module, attr, func))
                setattr(module, attr, wrap(name, func))
        yield
    finally:
        for module, attr, func in reversed(saved):
            setattr(module, attr, func)


def cpu_pass(run: Callable[[Any], object], items: Sequence[Any]) -> float:
    """CPU seconds of one pass over items, sahelclean's line memo emptied first."""
    from sahelclean.classify.firstpass import clear_memos

    clear_memos()
    gc.collect()
    start = time.process_time()
    for item in items:
        run(item)
    return time.process_time() - start


def median_pass(run: Callable[[Any], object], items: Sequence[Any], repeat: int) -> float:
    """The median of `repeat` cpu_pass timings."""
    return statistics.median(cpu_pass(run, items) for _ in range(repeat))


def staged_pass(
    run: Callable[[Any], object],
    items: Sequence[Any],
    stages: dict[str, tuple[tuple[str, str], ...]],
    repeat: int,
) -> tuple[float, dict[str, float]]:
    """Total CPU seconds and seconds by stage, medians over `repeat` wrapped passes."""
    totals: list[float] = []
    by_stage: dict[str, list[float]] = {name: [] for name in stages}
    for _ in range(repeat):
        spent: defaultdict[str, float] = defaultdict(float)
        with timed(stages, spent):
            totals.append(cpu_pass(run, items))
        for name in stages:
            by_stage[name].append(spent[name])
    return statistics.median(totals), {k: statistics.median(v) for k, v in by_stage.items()}


def text_figures(pages: Sequence[PageFiles], repeat: int) -> dict[str, Any]:
    """The text-dump figures: the clean, its stages, the two floors (see the docstring)."""
    from sahelclean import Options, clean
    from sahelclean.text.language import stopwords_for
    from sahelclean.text.tokens import fold, words

    options = Options()
    dumps = [p.data["innertext"] for p in pages if p.data["innertext"].strip()]
    docs = [clean(d, options=options) for d in dumps]  # warm-up, and each page's language
    texts = [d.decode("utf-8", errors="replace") for d in dumps]
    lines = [
        ([ln for ln in t.split("\n") if ln.strip()], stopwords_for(doc.language))
        for t, doc in zip(texts, docs, strict=True)
    ]

    def features_floor(item: tuple[list[str], frozenset[str]]) -> None:
        page, stop = item
        for line in page:
            fold(line[:2000])
            sum(map(stop.__contains__, words(line)))

    def toy(item: tuple[list[str], frozenset[str]]) -> None:
        page, stop = item
        for line in page:
            tokens = line.lower().split()
            sum(map(stop.__contains__, tokens))
            _ = line.rstrip()[-1:] in ".!?"

    total, stages = staged_pass(lambda d: clean(d, options=options), dumps, TEXT_STAGES, repeat)
    plain = median_pass(lambda d: clean(d, options=options), dumps, repeat)
    n = len(dumps)
    return {
        "pages": n,
        "clean_s": plain,
        "clean_pages_s": n / plain,
        "wrapped_clean_s": total,
        "stages_s": stages,
        "first_pass_share": stages["first pass"] / total,
        "amdahl_pages_s": n / max(total - stages["first pass"], 1e-9),
        "features_floor_pages_s": n / median_pass(features_floor, lines, repeat),
        "toy_pages_s": n / median_pass(toy, lines, repeat),
    }


def html_figures(pages: Sequence[PageFiles], repeat: int) -> dict[str, Any]:
    """The HTML figures: trafilatura, sahelclean, and the ceiling (see the docstring)."""
    import trafilatura

    from sahelclean import Options, clean
    from sahelclean.errors import SahelcleanError

    options = Options()
    htmls = [p.data["html"] for p in pages]
    errors: Counter[str] = Counter()

    def sahel(html: bytes) -> object:
        try:
            return clean(html, options=options)
        except SahelcleanError as err:  # a page with no article: counted, its time stays in
            errors[type(err).__name__] += 1
            return None

    def traf(html: bytes) -> object:
        return trafilatura.extract(html, output_format="txt", include_comments=False)

    for html in htmls[:5]:  # imports and lazy caches
        sahel(html)
        traf(html)
    t_traf = median_pass(traf, htmls, repeat)
    total, stages = staged_pass(sahel, htmls, HTML_STAGES, repeat)
    plain = median_pass(sahel, htmls, repeat)
    floor = stages["decode"] + stages["parse"] + stages["trafilatura (inside)"]
    own = total - floor
    n = len(htmls)
    return {
        "pages": n,
        "trafilatura_s": t_traf,
        "trafilatura_pages_s": n / t_traf,
        "clean_s": plain,
        "clean_pages_s": n / plain,
        "ratio": t_traf / plain,
        "wrapped_clean_s": total,
        "stages_s": stages,
        "own_work_s": own,
        "ceiling_ratio": t_traf / floor,
        "own_budget_at_0_9_s": t_traf / 0.9 - floor,
        "errors": dict(errors),
    }


def report(console: Any, text: dict[str, Any] | None, html: dict[str, Any] | None) -> None:
    """The human tables, on stderr."""
    from rich.table import Table

    if text is not None:
        n = text["pages"]
        table = Table(title=f"Text dumps (innertext, {n} pages, CPU s, medians)")
        table.add_column("measure")
        table.add_column("seconds", justify="right")
        table.add_column("pages/s", justify="right")
        table.add_row("sahelclean clean", f"{text['clean_s']:.2f}", f"{text['clean_pages_s']:.0f}")
        for name, secs in text["stages_s"].items():
            table.add_row(f"  of which {name}", f"{secs:.2f}", "")
        table.add_row(
            "Amdahl bound (first pass free)", "", f"{text['amdahl_pages_s']:.0f}", style="bold"
        )
        table.add_row(
            "floor: fold + words + stopwords", "", f"{text['features_floor_pages_s']:.0f}"
        )
        table.add_row("floor: toy line pass", "", f"{text['toy_pages_s']:.0f}")
        console.print(table)
    if html is not None:
        n = html["pages"]
        table = Table(title=f"HTML ({n} pages, CPU s, medians)")
        table.add_column("measure")
        table.add_column("seconds", justify="right")
        table.add_column("× trafilatura", justify="right")
        table.add_row("trafilatura default", f"{html['trafilatura_s']:.2f}", "1.00")
        table.add_row("sahelclean clean", f"{html['clean_s']:.2f}", f"{html['ratio']:.2f}")
        for name, secs in html["stages_s"].items():
            table.add_row(f"  of which {name}", f"{secs:.2f}", "")
        table.add_row(
            "  own work (all but decode, parse, trafilatura)", f"{html['own_work_s']:.2f}", ""
        )
        table.add_row("ceiling (own work free)", "", f"{html['ceiling_ratio']:.2f}", style="bold")
        table.add_row("own-work budget for × 0.9", f"{html['own_budget_at_0_9_s']:.2f}", "")
        console.print(table)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpora",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_CORPORA,
    show_default=True,
    help="Folder holding the corpora (sh/, te/, fu/).",
)
@click.option(
    "--corpus", default=",".join(TIMED_CORPORA), show_default=True, help="Corpora to run."
)
@click.option("--limit", type=click.IntRange(min=1), help="At most N pages per corpus.")
@click.option("--repeat", type=click.IntRange(min=1), default=3, show_default=True)
@click.option("--skip", default="", help="Parts to skip: text, html.")
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_JSON,
    show_default=True,
    help="Where to write every figure as JSON.",
)
def main(
    corpora: Path, corpus: str, limit: int | None, repeat: int, skip: str, json_path: Path
) -> None:
    """Where sahelclean's time goes, and the speed no tuning of its Python can beat."""
    names = [c.strip() for c in corpus.split(",") if c.strip()]
    missing = missing_corpora(corpora, names)
    if missing:
        raise click.ClickException(f"no corpus {', '.join(missing)} under {corpora}")
    skipped = {s.strip() for s in skip.split(",") if s.strip()}
    pages = load_files(corpora, names, limit)
    console = console_stderr()
    text = None if "text" in skipped else text_figures(pages, repeat)
    html = None if "html" in skipped else html_figures(pages, repeat)
    report(console, text, html)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "git": git_state(),
        "machine": machine(),
        "repeat": repeat,
        "text": text,
        "html": html,
    }
    json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    console.print(f"figures written to {json_path}")


if __name__ == "__main__":
    main()
