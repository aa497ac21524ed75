"""Golden fixtures: each folder under fixtures/text runs through the library and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sahelclean import Document, clean
from sahelclean.cli import main

from .conftest import FIXTURES

CASES = sorted(p for p in (FIXTURES / "text").iterdir() if (p / "expected.json").exists())


def article_lines(text: str) -> list[str]:
    """The non-blank lines of a text output."""
    return [line for line in text.splitlines() if line.strip()]


def check(doc: dict[str, Any], expected: dict[str, Any]) -> None:
    """Compare a JSON document with a fixture's expectations."""
    assert article_lines(doc["text"]) == expected["article_lines"]
    assert doc["title"] == expected["title"]
    if "lead" in expected:
        assert doc["lead"] == expected["lead"]
    headings = [s["heading"] for s in doc["sections"] if s["heading"]]
    assert headings == expected["headings"]
    if expected.get("nothing_removed"):
        assert doc["removed"] == []
    for want in expected["removed"]:
        candidates = [r for r in doc["removed"] if r["kind"] == want["kind"]]
        assert candidates, f"no removed widget of kind {want['kind']}: {doc['removed']}"
        if "heading" in want:
            candidates = [r for r in candidates if r["heading"] == want["heading"]]
            assert candidates, f"no {want['kind']} widget with heading {want['heading']!r}"
        if "items" in want:
            assert any(r.get("items") == want["items"] for r in candidates), (
                f"items of {want['kind']} differ: {[r.get('items') for r in candidates]}"
            )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_through_library(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    doc: Document = clean((case / "input.txt").read_bytes(), source=case.name)
    check(doc.to_dict(), expected)
    assert doc.is_empty is (expected["exit_code"] == 1)
    if expected.get("language"):
        assert doc.language == expected["language"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_through_cli(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    runner = CliRunner()
    result = runner.invoke(main, ["clean", "-f", "jsonl", str(case / "input.txt")])
    assert result.exit_code == expected["exit_code"], result.stderr
    doc = json.loads(result.stdout)
    check(doc, expected)
    assert doc["source"] == str(case / "input.txt")
    text = runner.invoke(main, ["clean", str(case / "input.txt")])
    assert article_lines(text.stdout) == expected["article_lines"]
    if expected["exit_code"] == 1:
        assert "no article found" in text.stderr
        assert str(case / "input.txt") in text.stderr


def test_there_are_enough_fixtures_in_both_languages() -> None:
    langs = [c.name.split("-")[0] for c in CASES]
    assert len(CASES) >= 15
    assert langs.count("fr") >= 7 and langs.count("en") >= 7
