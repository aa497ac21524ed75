"""The command line: a thin click layer over the library."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import click

from . import __version__
from .errors import OptionsError
from .models import Document, Failure
from .options import Options, parse_kinds
from .pipeline import clean_page
from .sources import STDIN_NAME, Item, walk
from .writers import TEXT_SEPARATOR, Format, atomic_write, render, render_failure

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


@dataclass
class Tally:
    """What happened to the inputs of one run."""

    written: int = 0
    empty: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every input gave an article, 1 otherwise."""
        return EXIT_FAILED if self.failed or self.empty else EXIT_OK


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sahelclean")
def main() -> None:
    """Strip boilerplate from scraped news pages and keep the article alone."""


@main.command("clean")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="A file (one input) or a directory (one output per input).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice([f.value for f in Format]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--keep",
    default="",
    metavar="KIND,...",
    help="Widget kinds to keep in the text, e.g. related,comments.",
)
@click.option(
    "--language", default=None, help="Language of the pages (ISO 639-1); guessed if unset."
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=Options().max_bytes,
    show_default=True,
    help="Refuse inputs larger than this.",
)
@click.option(
    "--explain", is_flag=True, help="Show each block, its label and its reason on stderr."
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on stderr but errors.")
def clean_command(
    inputs: tuple[str, ...],
    output: Path | None,
    fmt: str,
    keep: str,
    language: str | None,
    max_bytes: int,
    explain: bool,
    quiet: bool,
) -> None:
    """Clean INPUT files or directories (or stdin, '-' or nothing) and write the articles."""
    try:
        options = Options(keep=parse_kinds(keep), language=language, max_bytes=max_bytes)
    except OptionsError as exc:
        raise click.UsageError(exc.message) from None
    names = list(inputs) or [STDIN_NAME]
    out_format = Format(fmt)
    to_dir = output is not None and (output.is_dir() or len(names) > 1 or _is_dir_input(names))
    try:
        tally = _run(names, options, out_format, output, to_dir, explain, quiet)
    except KeyboardInterrupt:
        click.echo("sahelclean: interrupted; files already written are complete", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if (
        not quiet
        and (tally.failed or tally.empty)
        and tally.written + tally.failed + tally.empty > 1
    ):
        click.echo(
            f"sahelclean: {tally.written} written, {tally.empty} without article, "
            f"{tally.failed} failed",
            err=True,
        )
    sys.exit(tally.exit_code)


def _is_dir_input(names: list[str]) -> bool:
    """True when some input is a directory (its outputs go to a directory too)."""
    return any(name != STDIN_NAME and Path(name).is_dir() for name in names)


def _run(
    names: list[str],
    options: Options,
    fmt: Format,
    output: Path | None,
    to_dir: bool,
    explain: bool,
    quiet: bool,
) -> Tally:
    """Clean every input in order and write each result as soon as it is ready."""
    tally = Tally()
    stdout = sys.stdout
    first = True
    for item in walk(names, sys.stdin.buffer):
        result = _clean(item, options)
        if isinstance(result, Failure):
            _fail(tally, result.error)
            if output is None and fmt is Format.JSONL:
                stdout.write(render_failure(result))
            continue
        if explain:
            from .console import explain as show
            from .console import stderr_console

            show(stderr_console(), result)
        if result.is_empty:
            tally.empty += 1
            _fail(
                tally,
                f"{result.source or '<stdin>'}: no article found "
                "(the page holds only widgets or navigation; see --explain)",
                count=False,
            )
            if output is None and fmt is Format.JSONL:
                stdout.write(render(result, fmt))
            continue
        _write(result, item, fmt, output, to_dir, stdout, first)
        first = False
        tally.written += 1
    return tally


def _clean(item: Item, options: Options) -> Document | Failure:
    """Clean one item, or pass its read failure on."""
    if item.page is None:
        assert item.failure is not None
        return item.failure
    return clean_page(item.page, options)


def _fail(tally: Tally, message: str, count: bool = True) -> None:
    """Report one failed input on stderr as a single line."""
    if count:
        tally.failed += 1
    tally.errors.append(message)
    click.echo(f"sahelclean: error: {message}", err=True)


def _write(
    doc: Document,
    item: Item,
    fmt: Format,
    output: Path | None,
    to_dir: bool,
    stdout: IO[str],
    first: bool,
) -> None:
    """Write one document to stdout, to the output file, or under the output directory."""
    data = render(doc, fmt)
    if output is None:
        if fmt is Format.TEXT and not first:
            stdout.write(TEXT_SEPARATOR)
        stdout.write(data)
        stdout.flush()
    elif to_dir:
        rel = item.relpath or Path("stdin")
        atomic_write(output / rel.with_suffix(fmt.suffix), data)
    else:
        atomic_write(output, data)
