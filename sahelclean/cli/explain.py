"""`sahelclean explain PAGE…`: each page cleaned and shown block by block (view.py), or
one self-contained HTML report (report.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

import click

from ..batch.writers import atomic_write
from ..errors import OptionsError
from ..models import Document, Failure
from ..options import Options, parse_kinds
from .complete import complete_kinds
from .rules import load_cli_vocab, vocab_option
from .view import show


def explain_pages(
    names: Sequence[str], stdin: BinaryIO, options: Options, url: str | None = None
) -> Iterator[Document | Failure]:
    """Clean each named page (a file, compressed or not, or '-' for stdin) for the view."""
    from ..pipeline import clean_page
    from ..read.sources import SourceOptions, walk

    sources = SourceOptions(input_format="page", max_bytes=options.max_bytes)
    for item in walk(names, stdin, sources):
        if item.page is None:
            assert item.failure is not None  # an unreadable input always says why
            yield item.failure
        else:
            page = item.page if url is None else replace(item.page, url=url)
            yield clean_page(page, options)


@click.command("explain")
@click.argument("pages", nargs=-1, required=True, metavar="PAGE...")
@click.option(
    "--html",
    "html_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write a self-contained HTML report here (one section per PAGE) instead.",
)
@click.option("--url", default=None, help="The page's URL, for the report.")
@click.option(
    "--keep",
    default="",
    metavar="KIND,...",
    shell_complete=complete_kinds,
    help="Widget kinds to keep in the text.",
)
@click.option("--language", default=None, help="Language of the pages (ISO 639-1).")
@vocab_option
def explain_command(
    pages: tuple[str, ...],
    html_path: Path | None,
    url: str | None,
    keep: str,
    language: str | None,
    vocab_files: tuple[Path, ...],
) -> None:
    """Show every block of PAGE (a file, or '-' for stdin), its label and the reason.

    \b
    Exit status: 0 every page was read; 1 some page could not be read; 2 usage error.
    """
    from rich.console import Console

    from .report import render_report

    try:
        options = Options(
            keep=parse_kinds(keep), language=language, vocab=load_cli_vocab(vocab_files)
        )
    except OptionsError as exc:
        raise click.UsageError(exc.message) from None
    results = []
    for result in explain_pages(pages, sys.stdin.buffer, options, url):
        if isinstance(result, Failure):
            click.echo(f"sahelclean: error: {result.error}", err=True)
        elif html_path is None:
            show(Console(), result)
        results.append(result)
    if html_path is not None:
        atomic_write(html_path, render_report(results))
        count = f"{len(results)} page" + ("s" if len(results) != 1 else "")
        click.echo(f"sahelclean: wrote {html_path} ({count})", err=True)
    sys.exit(1 if any(isinstance(r, Failure) for r in results) else 0)
