"""Shell completion (cli/complete.py), driven in-process as bash asks for it: click reads
COMP_WORDS and COMP_CWORD under `_SAHELCLEAN_COMPLETE=bash_complete` and prints one
`type,value` line per suggestion."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from sahelclean.batch.writers import Format
from sahelclean.cli import main
from sahelclean.models import WIDGET_LABELS

KINDS = sorted(str(label) for label in WIDGET_LABELS)


def complete(line: str) -> list[str]:
    """What `sahelclean LINE<TAB>` offers (LINE ending in a space: a new word)."""
    words = line.split(" ")
    env = {
        "_SAHELCLEAN_COMPLETE": "bash_complete",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) - 1),
    }
    result = CliRunner().invoke(main, env=env, prog_name="sahelclean")
    assert result.exit_code == 0, result.output
    return [entry.split(",", 1)[1] for entry in result.output.splitlines()]


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_keep_offers_the_widget_kinds(command: str) -> None:
    assert complete(f"sahelclean {command} --keep ") == KINDS
    assert "paragraph" not in KINDS and "related" in KINDS


def test_keep_completes_the_last_kind_of_a_list() -> None:
    assert complete("sahelclean clean --keep related,co") == ["related,comments", "related,cookie"]
    offered = complete("sahelclean clean --keep related,")
    assert "related,related" not in offered
    assert offered == [f"related,{kind}" for kind in KINDS if kind != "related"]


def test_format_offers_the_formats() -> None:
    assert complete("sahelclean clean -f ") == [f.value for f in Format]
