"""The user's own example page: what it must give, through the library and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sahelclean import Label, clean
from sahelclean.cli import main

SEED = "franceinfo-mali-russie"


def expected(seed_dir: Path) -> dict:
    return json.loads((seed_dir / f"{SEED}.expected.json").read_text(encoding="utf-8"))


def test_seed_text_output_is_the_article_in_order(seed_dir: Path) -> None:
    result = CliRunner().invoke(main, ["clean", str(seed_dir / f"{SEED}.txt")])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines == expected(seed_dir)["article_lines"]


def test_seed_json_has_title_lead_headings_and_labelled_widgets(seed_dir: Path) -> None:
    want = expected(seed_dir)
    result = CliRunner().invoke(main, ["clean", "-f", "json", str(seed_dir / f"{SEED}.txt")])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["title"] == want["title"]
    assert doc["lead"] == want["lead"]
    assert [s["heading"] for s in doc["sections"] if s["heading"]] == want["headings"]
    related = [r for r in doc["removed"] if r["kind"] == "related"]
    assert len(related) == 1
    assert related[0]["heading"] == want["removed"]["related"]["heading"]
    assert related[0]["items"] == want["removed"]["related"]["items"]
    comments = [r for r in doc["removed"] if r["kind"] == "comments"]
    assert len(comments) == 1
    assert comments[0]["text"].splitlines() == want["removed"]["comments"]


def test_seed_nothing_of_the_rail_or_comments_in_text(seed_dir: Path) -> None:
    want = expected(seed_dir)
    doc = clean((seed_dir / f"{SEED}.txt").read_bytes())
    for item in want["removed"]["related"]["items"] + want["removed"]["comments"]:
        assert item not in doc.text


def test_seed_markdown_has_the_title_intertitles_and_quote(seed_dir: Path) -> None:
    want = expected(seed_dir)
    result = CliRunner().invoke(main, ["clean", "-f", "markdown", str(seed_dir / f"{SEED}.txt")])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"# {want['title']}"
    assert [line[3:] for line in lines if line.startswith("## ")] == want["headings"]
    assert len(want["headings"]) == 3
    doc = clean((seed_dir / f"{SEED}.txt").read_bytes())
    quotes = [p.text for s in doc.sections for p in s.parts if p.role is Label.QUOTE]
    assert len(quotes) == 1
    assert [line for line in lines if line.startswith("> ") and not line.startswith("> — ")] == [
        f"> {quotes[0]}"
    ]
