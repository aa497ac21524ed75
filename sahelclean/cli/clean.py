"""`sahelclean clean`: options to one Options value, a RunConfig, and batch.runner.run."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..batch.writers import Format, Sync, atomic_write
from ..errors import OptionsError, SahelcleanError
from ..options import Options, parse_kinds
from ..read.sources import INPUT_FORMATS, STDIN_NAME, SourceOptions
from .complete import complete_kinds
from .profile import ProfileFailure, check_profile, profile_options
from .rules import clean_rules_options, load_cli_rules, load_cli_vocab, vocab_option

if TYPE_CHECKING:
    from ..batch.runner import RunConfig, Summary
    from .console import ConsoleObserver

_DEFAULTS = Options()


@click.command("clean")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="A file, or a directory (existing, ending in '/', or for several inputs) where "
    "the outputs mirror the inputs' tree.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice([f.value for f in Format]),
    default="text",
    show_default=True,
    help="Output format. On stdout, text, markdown and html documents are separated by a "
    "form feed line; with -o DIR, files end in .txt, .md, .html, .json, .jsonl.",
)
@click.option(
    "--with-removed",
    is_flag=True,
    help="text, markdown, html: append the removed widgets (kind, heading, reason, lines) "
    "after the article (json and jsonl always hold them).",
)
@click.option(
    "--keep",
    default="",
    metavar="KIND,...",
    shell_complete=complete_kinds,
    help="Widget kinds to keep in the text, e.g. related,comments.",
)
@click.option(
    "--language", default=None, help="Language of the pages (ISO 639-1); guessed if unset."
)
@click.option(
    "--glob",
    "globs",
    multiple=True,
    metavar="PATTERN",
    help="Only files whose name matches, inside directories (repeatable): --glob '*.html'.",
)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="How to read inputs: by file name (stdin: sniffed), or force one kind.",
)
@click.option(
    "--content-field",
    default=None,
    metavar="NAME",
    help="JSONL field holding the page [default: first of html, content, text, raw, body].",
)
@click.option("--id-field", default=None, metavar="NAME", help="JSONL field naming each record.")
@click.option("--url-field", default=None, metavar="NAME", help="JSONL field with the URL [url].")
@click.option("--split", is_flag=True, help="With -o DIR: one output per JSONL/WARC record.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes [default: all cores; 1 = no pool].",
)
@click.option(
    "--skip-existing",
    is_flag=True,
    help="With -o DIR: skip inputs whose output exists and is newer.",
)
@click.option(
    "--sync",
    type=click.Choice([s.value for s in Sync]),
    default=Sync.END.value,
    show_default=True,
    help="With -o DIR, when outputs reach the disk: each file before its rename (safest, "
    "one flush per file), once at the end of the run before the manifest, or as the OS "
    "pleases.",
)
@click.option(
    "--manifest",
    type=click.Path(path_type=Path),
    help="Record a content hash per input; skip unchanged inputs on the next run.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=_DEFAULTS.max_bytes,
    show_default=True,
    help="Refuse pages larger than this.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=_DEFAULTS.timeout,
    show_default=True,
    help="Seconds one page may take (0: no limit).",
)
@click.option(
    "--fail-on-empty/--no-fail-on-empty",
    default=True,
    show_default=True,
    help="Whether a page without article makes the exit status 1.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr [default: when stderr is a terminal].",
)
@click.option(
    "--summary-json",
    type=click.Path(path_type=Path),
    help="Write the run's summary (counts, time, exit status) to this JSON file.",
)
@click.option(
    "--explain", is_flag=True, help="Show each block, its label and its reason on stderr."
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on stderr but errors.")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
@profile_options
@clean_rules_options
@vocab_option
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS|local",
    help="Run on a Dask cluster: its scheduler (tcp://HOST:8786), or 'local' for --jobs "
    "worker processes here. Needs -o DIR and sahelclean[dask].",
)
def clean_command(
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str,
    with_removed: bool,
    keep: str,
    language: str | None,
    globs: tuple[str, ...],
    input_format: str,
    content_field: str | None,
    id_field: str | None,
    url_field: str | None,
    split: bool,
    jobs: int,
    skip_existing: bool,
    sync: str,
    manifest: Path | None,
    max_bytes: int,
    timeout: float,
    fail_on_empty: bool,
    progress: bool | None,
    summary_json: Path | None,
    explain: bool,
    quiet: bool,
    debug: bool,
    profile: Path | None,
    profile_min_pages: int,
    profile_min_share: float,
    learn: bool,
    scheduler: str | None,
    rules_files: tuple[Path, ...],
    no_builtin_rules: bool,
    url: str | None,
    vocab_files: tuple[Path, ...],
) -> None:
    """Clean INPUT files, directories, JSONL or WARC dumps (or stdin: '-' or nothing).

    \b
    Exit status: 0 every input gave an article; 1 some input failed or held no article
    (the others are written); 2 usage error; 130 interrupted.
    """
    from ..batch.pool import default_jobs
    from ..batch.runner import RunConfig, run
    from .console import ConsoleObserver, summary_line

    names = tuple(inputs) or (STDIN_NAME,)
    try:
        options = Options(
            keep=parse_kinds(keep),
            language=language,
            max_bytes=max_bytes,
            timeout=timeout or None,
            debug=debug,
            profile=str(profile) if profile is not None else None,
            profile_min_pages=profile_min_pages,
            profile_min_share=profile_min_share,
            rules=load_cli_rules(rules_files, no_builtin_rules),
            vocab=load_cli_vocab(vocab_files),
        )
        sources = SourceOptions(
            globs=globs,
            input_format=input_format,
            content_field=content_field,
            id_field=id_field,
            url_field=url_field,
            max_bytes=max_bytes,
            url=url,
        )
    except OptionsError as exc:
        raise click.UsageError(exc.message) from None
    to_dir = output is not None and (
        output.endswith(("/", "\\"))
        or Path(output).is_dir()
        or len(names) > 1
        or _has_dir(names)
        or split
        or skip_existing
        or manifest is not None
    )
    if skip_existing and not to_dir:
        raise click.UsageError("--skip-existing needs -o DIR (it compares outputs with inputs)")
    if manifest is not None and not to_dir:
        raise click.UsageError("--manifest needs -o DIR (it skips inputs whose outputs exist)")
    if to_dir and output is not None and Path(output).exists() and not Path(output).is_dir():
        raise click.UsageError(f"-o {output}: is a file; several outputs need a directory")
    config = RunConfig(
        inputs=names,
        options=options,
        sources=sources,
        fmt=Format(fmt),
        output=Path(output) if output is not None else None,
        to_dir=to_dir,
        split=split,
        jobs=jobs or default_jobs(),
        skip_existing=skip_existing,
        sync=Sync(sync),
        manifest=manifest,
        fail_on_empty=fail_on_empty,
        keep_documents=explain or debug,  # in one process, so that a traceback shows
        learn=profile if learn else None,
        with_removed=with_removed,
    )
    check_profile(profile, learn)
    show = sys.stderr.isatty() if progress is None else progress
    local = names if scheduler is None else ()  # a cluster expands globs and URLs itself
    observer = ConsoleObserver(
        sys.stderr, quiet=quiet, progress=show, explain=explain, inputs=local, sources=sources
    )
    try:
        if scheduler is None:
            summary = run(config, sys.stdin.buffer, sys.stdout, observer)
        else:
            summary = _run_on_dask(config, scheduler, observer, explain)
        observer.finish(summary)
    except OptionsError as exc:
        raise click.UsageError(exc.message) from None
    except SahelcleanError as exc:  # the profile (--learn) became unusable
        raise ProfileFailure(str(exc)) from None
    finally:
        observer.close()
    handled = summary.processed + summary.failed + summary.skipped
    if not quiet and (handled > 1 or show or summary.interrupted):
        click.echo(summary_line(summary), err=True)
    if summary_json is not None:
        atomic_write(summary_json, json.dumps(summary.to_dict(), indent=1) + "\n")
    sys.exit(summary.exit_code)


def _run_on_dask(
    config: RunConfig, scheduler: str, observer: ConsoleObserver, explain: bool
) -> Summary:
    """The run on a Dask cluster (dask is imported only here)."""
    if explain:
        raise click.UsageError("--explain shows pages in one process; drop --scheduler")
    try:
        from ..dask import run_on_dask
    except ImportError as exc:
        raise click.UsageError(str(exc)) from None
    return run_on_dask(config, scheduler, observer)


def _has_dir(names: tuple[str, ...]) -> bool:
    """True when some input is a directory (its outputs go to a directory too)."""
    return any(name != STDIN_NAME and Path(name).is_dir() for name in names)
