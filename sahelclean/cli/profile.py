"""The command line of site profiles: `sahelclean learn`, and the --profile options of clean."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..options import Options
from ..read.sources import INPUT_FORMATS, SourceOptions

if TYPE_CHECKING:
    from ..batch.learn import LearnSummary

F = TypeVar("F", bound=Callable[..., Any])
_DEFAULTS = Options()
_PROFILE_PATH = click.Path(path_type=Path, dir_okay=False)


class ProfileFailure(click.ClickException):
    """A profile that cannot be used: one line naming the file, exit status 2."""

    exit_code = 2


def profile_options(func: F) -> F:
    """The --profile, --profile-min-pages, --profile-min-share and --learn options of clean."""
    options = [
        click.option(
            "--profile",
            type=_PROFILE_PATH,
            help="A site profile (SQLite, from 'sahelclean learn'): drop the lines that most "
            "pages of the page's site print, as site-boilerplate.",
        ),
        click.option(
            "--profile-min-pages",
            type=click.IntRange(min=1),
            default=_DEFAULTS.profile_min_pages,
            show_default=True,
            help="With --profile: a line must be on at least this many pages of the site "
            f"(a sentence on {_DEFAULTS.profile_prose_min_pages})...",
        ),
        click.option(
            "--profile-min-share",
            type=click.FloatRange(0.0, 1.0),
            default=_DEFAULTS.profile_min_share,
            show_default=True,
            help="... and on this share of them (a sentence needs "
            f"{_DEFAULTS.profile_prose_share:g}).",
        ),
        click.option(
            "--learn",
            is_flag=True,
            help="Count the cleaned pages into --profile as they pass (created if needed), "
            "for the next runs: an incremental cron job.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def check_profile(profile: Path | None, learn: bool) -> None:
    """Refuse a profile that cannot be read (created first for --learn) before any work."""
    if profile is None:
        if learn:
            raise ProfileFailure("--learn needs --profile FILE: the profile to count pages into")
        return
    from ..sites.profile import Counts
    from ..sites.profiledb import FrozenProfile, ProfileError, write_counts

    try:
        if learn:
            write_counts(Counts(), profile)
        FrozenProfile(profile).close()
    except ProfileError as exc:
        raise ProfileFailure(str(exc)) from None


@click.command("learn")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("--profile", type=_PROFILE_PATH, required=True, help="The profile to update.")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN", help="As for clean.")
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="As for clean.",
)
@click.option("--content-field", default=None, metavar="NAME", help="As for clean.")
@click.option("--url-field", default=None, metavar="NAME", help="As for clean.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on stderr but errors.")
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS|local",
    help="Count on a Dask cluster (tcp://HOST:8786, or 'local' for --jobs worker processes "
    "here); this process alone writes the profile. Needs sahelclean[dask].",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="With --scheduler local: worker processes [default: all cores].",
)
def learn_command(
    inputs: tuple[str, ...],
    profile: Path,
    globs: tuple[str, ...],
    input_format: str,
    content_field: str | None,
    url_field: str | None,
    quiet: bool,
    scheduler: str | None,
    jobs: int,
) -> None:
    """Learn each site's boilerplate from INPUT pages into a profile, for clean --profile.

    \b
    Counts, per site (the URL's host, else the input's directory), on how many pages each
    line is. Learning a page again does not count it twice.
    Exit status: 0 every input was read; 1 some could not be; 2 the profile is unusable.
    """
    from ..batch.learn import learn
    from ..read.sources import STDIN_NAME
    from ..sites.profiledb import FrozenProfile, ProfileError

    sources = SourceOptions(
        globs=globs, input_format=input_format, content_field=content_field, url_field=url_field
    )
    names = inputs or (STDIN_NAME,)
    if jobs and scheduler is None:
        raise click.UsageError(
            "--jobs goes with --scheduler local (a local learn runs in one process)"
        )
    try:
        if scheduler is None:
            summary = learn(names, profile, sources, sys.stdin.buffer)
        else:
            summary = _learn_on_dask(names, profile, scheduler, sources, jobs)
        profiled = FrozenProfile(profile)
        stats = profiled.stats()
        profiled.close()
    except ProfileError as exc:
        raise ProfileFailure(str(exc)) from None
    for failure in summary.failures:
        click.echo(f"sahelclean: error: {failure.error}", err=True)
    if not quiet:
        click.echo(
            f"learned {summary.pages} pages ({summary.added} new) into {profile}: "
            f"{stats.sites} site{'s' * (stats.sites != 1)}, {stats.pages} pages, "
            f"{stats.lines} distinct lines",
            err=True,
        )
    sys.exit(1 if summary.failures else 0)


def _learn_on_dask(
    inputs: tuple[str, ...], profile: Path, scheduler: str, sources: SourceOptions, jobs: int
) -> LearnSummary:
    """The learning run on a Dask cluster (dask is imported only here)."""
    from ..errors import OptionsError

    try:
        from ..dask.learn import learn_on_dask
    except ImportError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        return learn_on_dask(inputs, profile, scheduler, sources, jobs)
    except OptionsError as exc:
        raise click.UsageError(exc.message) from None
