"""The command line: a thin click layer over the library (batch.runner.run does the work).

One module per command: clean.py, explain.py (with its view), profile.py (`learn`), and
rules.py (`rules list|check`); console.py and report.py show what a human reads.
"""

from __future__ import annotations

import sys

import click

from .._version import __version__
from ..html.stack import HtmlStackError, require_html_stack, version_line
from .clean import clean_command
from .explain import explain_command
from .profile import learn_command
from .rules import rules_group


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """--version: ours and the HTML stack's; exit 1 with what to install if it is broken."""
    if not value or ctx.resilient_parsing:
        return
    try:
        require_html_stack()
    except HtmlStackError as exc:
        click.echo(f"sahelclean: error: {exc}", err=True)
        ctx.exit(1)
    click.echo(version_line(__version__))
    ctx.exit(0)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the versions of sahelclean, trafilatura, lxml and Python, and exit.",
)
def main() -> None:
    """Strip boilerplate from scraped news pages and keep the article alone."""


main.add_command(clean_command)
main.add_command(explain_command)
main.add_command(learn_command)
main.add_command(rules_group)


def run_main() -> None:
    """The console script: the click group, with Ctrl-C at any moment exiting 130."""
    try:
        main()
    except KeyboardInterrupt:
        sys.stderr.write("sahelclean: interrupted\n")
        sys.exit(130)
