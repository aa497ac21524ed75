"""The HTML stack: versions in --version, one clear line with the package to install when
it does not import (issue 16: lxml 6 without lxml_html_clean under an old pip)."""

from __future__ import annotations

import json
import platform
from importlib import import_module
from importlib.metadata import version

import pytest
from click.testing import CliRunner

from sahelclean import __version__, clean
from sahelclean.cli import main
from sahelclean.html import stack as htmlstack
from sahelclean.html.stack import HtmlStackError, install_hint, require_html_stack

from .conftest import FIXTURES

# What jusText's import raises when lxml 6 is installed without lxml_html_clean.
SPLIT_OFF = ImportError(
    "lxml.html.clean module is now a separate project lxml_html_clean.\n"
    "Install lxml[html-clean] or lxml_html_clean directly."
)


def _break(monkeypatch: pytest.MonkeyPatch, error: ImportError) -> None:
    """Make the stack's third import fail as a broken install does."""

    def fake(name: str) -> object:
        if name == htmlstack.MODULES[2]:
            raise error
        return import_module(name)

    monkeypatch.setattr(htmlstack, "import_module", fake)
    htmlstack._import_stack.cache_clear()  # a stack that imported once is not asked again


@pytest.mark.parametrize(
    ("error", "hint"),
    [
        (SPLIT_OFF, "pip install lxml_html_clean"),
        (ModuleNotFoundError("No module named 'trafilatura'", name="trafilatura"),
         "pip install trafilatura"),
        (ModuleNotFoundError("No module named 'justext'", name="justext"), "pip install jusText"),
        (ImportError("something odd"), "pip install trafilatura lxml lxml_html_clean"),
    ],
    ids=["lxml-html-clean", "trafilatura", "justext", "unknown"],
)  # fmt: skip
def test_install_hint_names_the_package(error: ImportError, hint: str) -> None:
    assert install_hint(error) == hint


def test_a_working_stack_imports() -> None:
    require_html_stack("page.html")


def test_version_names_the_stack() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0, result.output
    expected = (
        f"sahelclean {__version__} (trafilatura "
        f"{version('trafilatura')}, lxml {version('lxml')}, Python {platform.python_version()})"
    )
    assert result.stdout.strip() == expected


def test_version_with_a_broken_stack_exits_1_with_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _break(monkeypatch, SPLIT_OFF)
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("sahelclean: error: the HTML stack does not import")
    assert lines[0].endswith("pip install lxml_html_clean")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_broken_stack_fails_each_html_page_by_name_and_text_goes_on(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """In a batch, every HTML page fails with one line naming it; dumps are still cleaned."""
    _break(monkeypatch, SPLIT_OFF)
    page = FIXTURES / "html" / f"{lang}-{'sans-widget' if lang == 'fr' else 'no-widget'}"
    dump = FIXTURES / "text" / f"{lang}-{'sans-widget' if lang == 'fr' else 'no-widget'}"
    with pytest.raises(HtmlStackError, match="pip install lxml_html_clean"):
        clean((page / "input.html").read_bytes(), source="page.html")
    result = CliRunner().invoke(main, ["clean", str(page / "input.html"), str(dump / "input.txt")])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1
    assert str(page / "input.html") in errors[0] and "pip install lxml_html_clean" in errors[0]
    expected = json.loads((dump / "expected.json").read_text(encoding="utf-8"))
    assert all(line in result.stdout for line in expected["article_lines"])
