"""`sahelclean rules list|check`, and the options that load site rules and language files
(sites/load.py, vocab/languages.py)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.decorators import FC

from ..errors import OptionsError

if TYPE_CHECKING:
    from ..sites.rules import RuleSet
    from ..vocab import VocabSet

RULES_OPTION_HELP = (
    "A site rules file (TOML; repeatable). Later files extend earlier ones, after the "
    "built-in rules and $SAHELCLEAN_RULES or ~/.config/sahelclean/rules.toml."
)


def clean_rules_options(function: click.decorators.FC) -> click.decorators.FC:
    """The site rules options of `clean`: --rules, --no-builtin-rules and --url."""
    function = click.option(
        "--url",
        default=None,
        help="The URL of pages that do not carry one (files, stdin): picks their site rules.",
    )(function)
    return rules_options(function)


def rules_options(function: click.decorators.FC) -> click.decorators.FC:
    """--rules FILE (repeatable) and --no-builtin-rules, shared by `clean` and `rules list`."""
    function = click.option(
        "--no-builtin-rules", is_flag=True, help="Leave out the site rules shipped with sahelclean."
    )(function)
    return _toml_files("--rules", "rules_files", RULES_OPTION_HELP)(function)


def _toml_files(flag: str, name: str, help_text: str) -> Callable[[FC], FC]:
    """A repeatable option naming TOML files (--rules, --vocab)."""
    return click.option(
        flag,
        name,
        multiple=True,
        type=click.Path(path_type=Path, dir_okay=False),
        metavar="FILE.toml",
        help=help_text,
    )


def _must_exist(flag: str, files: tuple[Path, ...]) -> None:
    for path in files:
        if not path.is_file():
            raise click.UsageError(f"{flag} {path}: no such file")


def load_cli_rules(files: tuple[Path, ...], no_builtin: bool) -> RuleSet:
    """The RuleSet of a run, or a usage error naming the file and line."""
    from ..sites.load import load_rules

    _must_exist("--rules", files)
    try:
        return load_rules(files, builtin=not no_builtin)
    except OptionsError as exc:
        raise click.UsageError(exc.message) from None


VOCAB_OPTION_HELP = (
    "A language file of widget vocabulary (TOML, named by its language: it.toml; "
    "repeatable), read after the built-in ones and those of ~/.config/sahelclean/vocab/."
)


def vocab_option(function: click.decorators.FC) -> click.decorators.FC:
    """--vocab FILE (repeatable), shared by `clean`, `explain` and `rules list`."""
    return _toml_files("--vocab", "vocab_files", VOCAB_OPTION_HELP)(function)


def load_cli_vocab(files: tuple[Path, ...]) -> VocabSet | None:
    """The user's language files of a run (None: none), or a usage error naming file and line."""
    from ..vocab import load_vocab

    _must_exist("--vocab", files)
    try:
        return load_vocab(files)
    except OptionsError as exc:
        raise click.UsageError(exc.message) from None


@click.group("rules")
def rules_group() -> None:
    """Site rules and vocabularies: list them, check a rules file."""


@rules_group.command("list")
@rules_options
@vocab_option
@click.option("--url", default=None, help="Only the rules that apply to a page at this URL.")
def list_command(
    rules_files: tuple[Path, ...],
    no_builtin_rules: bool,
    vocab_files: tuple[Path, ...],
    url: str | None,
) -> None:
    """Show the vocabularies (built-in and the user's language files, by label and
    language) and the loaded site rules."""
    from rich.console import Console

    from .rules_view import rules_table, vocabulary_tables

    rules = load_cli_rules(rules_files, no_builtin_rules)
    extra = load_cli_vocab(vocab_files)
    console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 160)
    if url is None:
        for table in vocabulary_tables(extra):
            console.print(table)
    console.print(rules_table(rules, url))


@rules_group.command("check")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--run", is_flag=True, help="Clean each section's test_file and check its snippets.")
@click.option(
    "--no-builtin-rules", is_flag=True, help="With --run: leave out the built-in site rules."
)
def check_command(file: Path, run: bool, no_builtin_rules: bool) -> None:
    """Validate FILE: keys, labels, regexes, CSS selectors, types; with --run, its tests.

    \b
    Prints one line per problem, FILE:LINE: message. Exit status: 0 no problem; 1 problems.
    """
    from .rules_check import check_file

    result = check_file(file, run=run, builtin=not no_builtin_rules)
    for problem in result.problems:
        click.echo(str(problem))
    tests = f", {result.tests_run} test pages run" if run else ""
    summary = f"{file}: {len(result.sections)} sections{tests}, {len(result.problems)} problems"
    click.echo(summary, err=True)
    sys.exit(1 if result.problems else 0)
