"""Golden fixtures of the Markdown, HTML and --with-removed outputs (fixtures/formats), run
through the library and the CLI, on stdout and with -o DIR."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sahelclean import clean
from sahelclean.batch.writers import Format, render
from sahelclean.cli import main

from .conftest import FIXTURES

CASES = sorted(p for p in (FIXTURES / "formats").iterdir() if (p / "input.txt").exists())
# expected file -> (format, --with-removed)
OUTPUTS = {
    "expected.md": (Format.MARKDOWN, False),
    "expected.html": (Format.HTML, False),
    "expected.removed.md": (Format.MARKDOWN, True),
    "expected.removed.txt": (Format.TEXT, True),
}
PAIRS = [(case, name) for case in CASES for name in OUTPUTS]
IDS = [f"{case.name}-{name}" for case, name in PAIRS]


def expected(case: Path, name: str) -> str:
    return (case / name).read_text(encoding="utf-8")


def cli_args(name: str) -> list[str]:
    fmt, with_removed = OUTPUTS[name]
    return ["clean", "-f", str(fmt), *(["--with-removed"] if with_removed else [])]


@pytest.mark.parametrize(("case", "name"), PAIRS, ids=IDS)
def test_fixture_through_library(case: Path, name: str) -> None:
    fmt, with_removed = OUTPUTS[name]
    doc = clean((case / "input.txt").read_bytes(), source="input.txt")
    assert render(doc, fmt, with_removed=with_removed) == expected(case, name)


@pytest.mark.parametrize(("case", "name"), PAIRS, ids=IDS)
def test_fixture_through_cli(case: Path, name: str) -> None:
    # run from the case's folder, so that the page's source (the HTML <title> when a page
    # has none) is the same name the library test gives
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(case)
        result = CliRunner().invoke(main, [*cli_args(name), "input.txt"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected(case, name)


def test_there_are_cases_in_french_and_english() -> None:
    langs = {c.name.split("-")[0] for c in CASES}
    assert {"fr", "en"} <= langs


@pytest.mark.parametrize(("fmt", "name"), [("markdown", "expected.md"), ("html", "expected.html")])
def test_stdout_separates_documents_with_a_form_feed_line(fmt: str, name: str) -> None:
    result = CliRunner().invoke(main, ["clean", "-f", fmt, *(str(c / "input.txt") for c in CASES)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split("\f\n") == [expected(c, name) for c in CASES]


def test_worker_processes_render_with_the_removed_widgets_too() -> None:
    inputs = [str(c / "input.txt") for c in CASES]
    args = ["clean", "-j", "2", "-f", "markdown", "--with-removed", *inputs]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split("\f\n") == [expected(c, "expected.removed.md") for c in CASES]


@pytest.mark.parametrize(
    ("fmt", "suffix", "name"),
    [("markdown", ".md", "expected.md"), ("html", ".html", "expected.html")],
)
def test_output_dir_writes_one_file_per_page_with_the_format_suffix(
    tmp_path: Path, fmt: str, suffix: str, name: str
) -> None:
    out = tmp_path / "out"
    args = ["clean", "-f", fmt, "--glob", "input.txt", "-o", f"{out}/", str(FIXTURES / "formats")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == [f"{c.name}/input{suffix}" for c in CASES]
    for case in CASES:
        written = (out / case.name / f"input{suffix}").read_text(encoding="utf-8")
        assert written == expected(case, name)


@pytest.mark.parametrize(("fmt", "suffix"), [("markdown", ".md"), ("html", ".html")])
def test_records_of_a_jsonl_input_share_one_file_separated_by_form_feeds(
    tmp_path: Path, fmt: str, suffix: str
) -> None:
    dump = tmp_path / "dump.jsonl"
    records = [{"id": c.name, "text": (c / "input.txt").read_text(encoding="utf-8")} for c in CASES]
    dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", "-f", fmt, "-o", f"{out}/", str(dump)])
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in out.iterdir()] == [f"dump{suffix}"]
    documents = (out / f"dump{suffix}").read_text(encoding="utf-8").split("\f\n")
    assert len(documents) == len(CASES)
    if fmt == "markdown":
        assert documents == [expected(c, "expected.md") for c in CASES]
    else:
        assert all(d.startswith("<!DOCTYPE html>\n") and d.endswith("</html>\n") for d in documents)


def test_the_readme_example_is_the_fixture_output() -> None:
    readme = (FIXTURES.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```markdown\n", 1)[1].split("```", 1)[0].splitlines()
    case = FIXTURES / "formats" / "fr-cooperative-karite"
    assert f"fixtures/formats/{case.name}/input.txt" in readme
    lines = expected(case, "expected.md").splitlines()
    assert len(example) == len(lines)
    for shown, line in zip(example, lines, strict=True):
        cut = shown.rstrip('"').removesuffix(" …")  # a long paragraph cut in the README
        assert line == shown or (cut != shown and line.startswith(cut)), shown
