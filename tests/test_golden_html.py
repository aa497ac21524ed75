"""Golden HTML fixtures: each folder under fixtures/html runs through the library and the CLI.

The same expected.json format as fixtures/text (see fixtures/README.md), checked with the
same `check` helper. Cases that fail because of the extractor, not the fixture, are listed
in KNOWN_FAILURES with what goes wrong; they are strict xfails, so a fix shows up as an
XPASS that fails the run until the entry is removed.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sahelclean import Document, clean
from sahelclean.cli import main

from .conftest import FIXTURES
from .test_golden import article_lines, check

HTML_CASES = sorted(p for p in (FIXTURES / "html").iterdir() if (p / "expected.json").exists())

# case name -> why the extractor gets it wrong (not the fixture).
KNOWN_FAILURES: dict[str, str] = {}


def _params() -> list[Any]:
    return [
        pytest.param(
            case,
            id=case.name,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[case.name])]
            if case.name in KNOWN_FAILURES
            else [],
        )
        for case in HTML_CASES
    ]


def load_expected(case: Path) -> dict[str, Any]:
    """expected.json with the optional keys filled in (the encoding cases give fewer)."""
    expected: dict[str, Any] = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    expected.setdefault("headings", [])
    expected.setdefault("removed", [])
    expected.setdefault("nothing_removed", False)
    expected.setdefault("exit_code", 0)
    return expected


@pytest.mark.parametrize("case", _params())
def test_html_fixture_through_library(case: Path) -> None:
    expected = load_expected(case)
    doc: Document = clean((case / "input.html").read_bytes(), source=case.name)
    out = doc.to_dict()
    assert out["input_kind"] == "html"
    check(out, expected)
    assert doc.is_empty is (expected["exit_code"] == 1)
    if expected.get("language"):
        assert doc.language == expected["language"]


@pytest.mark.parametrize("case", _params())
def test_html_fixture_through_cli(case: Path) -> None:
    expected = load_expected(case)
    path = str(case / "input.html")
    runner = CliRunner()
    result = runner.invoke(main, ["clean", "-f", "jsonl", path])
    assert result.exit_code == expected["exit_code"], result.stderr
    doc = json.loads(result.stdout)
    assert doc["input_kind"] == "html"
    assert doc["source"] == path
    check(doc, expected)
    if expected.get("language"):
        assert doc["language"] == expected["language"]
    text = runner.invoke(main, ["clean", path])
    assert article_lines(text.stdout) == expected["article_lines"]


# --- the fixtures themselves -------------------------------------------------------------

_TAG = re.compile(r"<[^>]*>")
_HIDDEN = re.compile(r"<(script|style|head)\b.*?</\1>", re.IGNORECASE | re.DOTALL)


def visible_text(raw: bytes) -> str:
    """The page's text with tags stripped and spaces collapsed (decoded without sahelclean)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        page = raw.decode("utf-16")
    else:
        try:
            page = raw.decode("utf-8")
        except UnicodeDecodeError:
            page = raw.decode("cp1252")
    page = _TAG.sub(" ", _HIDDEN.sub(" ", page))
    return " ".join(html.unescape(page).split())


@pytest.mark.parametrize("case", HTML_CASES, ids=[c.name for c in HTML_CASES])
def test_html_fixture_is_consistent(case: Path) -> None:
    """Every expected line is text of the page, and title, lead and headings are article."""
    expected = load_expected(case)
    text = visible_text((case / "input.html").read_bytes())
    lines = expected["article_lines"]
    for line in lines:
        assert line == line.strip() and line in text, line
    if expected["exit_code"] == 0:
        assert expected["title"] == lines[0]
    if expected.get("lead"):
        assert expected["lead"] == lines[1]
    assert all(h in lines for h in expected["headings"])
    for widget in expected["removed"]:
        for line in [widget.get("heading") or "", *widget.get("items", [])]:
            assert line in text, line
    if expected["nothing_removed"]:
        assert expected["removed"] == []


def test_there_are_enough_html_fixtures_in_both_languages() -> None:
    langs = [c.name.split("-")[0] for c in HTML_CASES]
    assert len(HTML_CASES) >= 12
    assert langs.count("fr") >= 6 and langs.count("en") >= 6


def test_the_legacy_encodings_are_what_their_names_say() -> None:
    cp1252 = (FIXTURES / "html" / "fr-cp1252-sans-charset" / "input.html").read_bytes()
    assert b"charset" not in cp1252.lower()
    with pytest.raises(UnicodeDecodeError):
        cp1252.decode("utf-8")
    assert all(ch.encode("cp1252") in cp1252 for ch in "é€œ«»")
    wrong = (FIXTURES / "html" / "fr-utf8-declare-latin1" / "input.html").read_bytes()
    assert b"charset=iso-8859-1" in wrong.lower()
    assert "é".encode() in wrong and "’".encode() in wrong
    utf16 = (FIXTURES / "html" / "en-utf16-bom" / "input.html").read_bytes()
    assert utf16.startswith(b"\xff\xfe") and "’".encode("utf-16-le") in utf16
