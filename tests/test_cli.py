"""The command line: formats, outputs, exit codes, errors that name their input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sahelclean import __version__
from sahelclean.cli import main

from .conftest import FIXTURES, ROOT

FR = FIXTURES / "text" / "fr-rail-a-regarder" / "input.txt"
EN = FIXTURES / "text" / "en-no-widget" / "input.txt"
EMPTY_PAGE = FIXTURES / "text" / "fr-page-rubrique" / "input.txt"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_text_from_stdin_when_no_input_is_given() -> None:
    result = run("clean", input=FR.read_bytes())
    assert result.exit_code == 0
    assert "À regarder" not in result.stdout
    assert result.stdout.startswith("Mali : dans la région de Gao")
    assert result.stderr == ""


def test_dash_reads_stdin_and_names_it_in_json() -> None:
    result = run("clean", "-f", "json", "-", input=EN.read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"] == "<stdin>"


def test_jsonl_gives_one_line_per_input_in_order() -> None:
    result = run("clean", "-f", "jsonl", str(FR), str(EN))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(FR), str(EN)]


def test_text_outputs_are_separated_by_a_form_feed() -> None:
    result = run("clean", str(FR), str(EN))
    assert result.exit_code == 0
    assert result.stdout.count("\f\n") == 1


def test_keep_puts_the_rail_back_into_the_text() -> None:
    result = run("clean", "--keep", "related", str(FR))
    assert result.exit_code == 0
    assert "Niger : la crue du fleuve menace les quartiers de Niamey" in result.stdout


def test_unknown_keep_kind_is_a_usage_error() -> None:
    result = run("clean", "--keep", "bogus", str(FR))
    assert result.exit_code == 2
    assert "bogus" in result.stderr


def test_missing_file_fails_with_one_line_and_the_others_are_written(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = run("clean", "-f", "jsonl", str(FR), str(missing), str(EN))
    assert result.exit_code == 1
    assert [json.loads(x)["source"] for x in result.stdout.splitlines()] == [
        str(FR),
        str(missing),
        str(EN),
    ]
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and str(missing) in errors[0]
    assert "Traceback" not in result.stderr


def test_page_without_article_exits_1_with_a_message_naming_it() -> None:
    result = run("clean", str(EMPTY_PAGE))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert str(EMPTY_PAGE) in result.stderr and "no article found" in result.stderr


def test_output_file_is_written(tmp_path: Path) -> None:
    out = tmp_path / "article.txt"
    result = run("clean", "-o", str(out), str(EN))
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(EN.read_text(encoding="utf-8").split("\n")[0])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left


def test_output_directory_gets_one_file_per_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("clean", "-f", "json", "-o", str(out), str(FR), str(EN))
    assert result.exit_code == 0
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["en-no-widget/input.json", "fr-rail-a-regarder/input.json"]


def test_directory_input_mirrors_the_tree(tmp_path: Path) -> None:
    src = tmp_path / "dumps"
    (src / "mali").mkdir(parents=True)
    (src / "niger").mkdir()
    (src / "mali" / "a.txt").write_bytes(FR.read_bytes())
    (src / "niger" / "b.txt").write_bytes(EN.read_bytes())
    (src / ".hidden.txt").write_bytes(EN.read_bytes())
    out = tmp_path / "out"
    result = run("clean", "-f", "json", "-o", str(out), str(src))
    assert result.exit_code == 0, result.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["mali/a.json", "niger/b.json"]
    doc = json.loads((out / "mali" / "a.json").read_text(encoding="utf-8"))
    assert doc["source"] == str(src / "mali" / "a.txt")


def test_explain_prints_labels_and_reasons_on_stderr_only() -> None:
    result = run("clean", "--explain", str(FR))
    assert result.exit_code == 0
    assert "widget heading" in result.stderr
    assert "related" in result.stderr
    assert "widget heading" not in result.stdout


def test_binary_input_fails_cleanly() -> None:
    result = run("clean", "-", input=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    assert result.exit_code == 1
    assert "<stdin>" in result.stderr and "binary" in result.stderr
    assert "Traceback" not in result.stderr


def test_python_m_entry_point_and_lazy_imports(tmp_path: Path) -> None:
    """A text input must not import trafilatura or lxml (start-up time)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "sahelclean", "clean", str(EN)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    assert "sahelclean.cli" in imported
    assert not any(
        name.split(".")[0] in ("trafilatura", "lxml", "justext", "rich") for name in imported
    )


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json", "jsonl"])
def test_every_format_is_valid_utf8(fmt: str) -> None:
    result = run("clean", "-f", fmt, str(FR))
    assert result.exit_code == 0
    result.stdout_bytes.decode("utf-8")


def test_an_unexpected_error_fails_one_page_and_debug_shows_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sahelclean import pipeline

    real = pipeline.clean_text

    def boom(text: str, **kwargs: object) -> object:
        if "Gao" in text:
            raise ValueError("a bug")
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "clean_text", boom)
    result = run("clean", "-j", "1", "-f", "jsonl", str(FR), str(EN))
    assert result.exit_code == 1
    assert "unexpected ValueError (a bug)" in result.stderr and str(FR) in result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout.splitlines()[1])["source"] == str(EN)
    debug = run("clean", "--debug", str(FR))
    assert isinstance(debug.exception, ValueError)
