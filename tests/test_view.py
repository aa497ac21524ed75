"""The terminal view of `sahelclean explain`: blocks, labels, reasons and the tally."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sahelclean import Options, clean
from sahelclean.cli import main
from sahelclean.cli.view import tally
from sahelclean.models import Label

from .conftest import FIXTURES

CASES = [
    FIXTURES / "text" / "fr-rail-a-regarder" / "input.txt",
    FIXTURES / "text" / "en-comments-real" / "input.txt",
    FIXTURES / "html" / "en-comments-share" / "input.html",
]
WIDE = {"COLUMNS": "250"}  # one table row per block, so reasons are not wrapped


def _invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner(env=WIDE).invoke(main, ["explain", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("page", CASES, ids=[p.parent.name for p in CASES])
def test_view_lists_every_block_with_label_and_reason(page: Path) -> None:
    doc = clean(page.read_bytes(), source=str(page))
    code, out, err = _invoke(str(page))
    assert code == 0, err
    assert "\x1b[" not in out  # not a terminal: no colour codes in the data
    for c in doc.blocks:
        if len(c.block.text) < 60:
            assert re.search(rf"\b{c.block.line}\b.*{re.escape(str(c.label))}", out), c
    for reason in {c.verdict.reason for c in doc.blocks}:
        assert reason in out


@pytest.mark.parametrize("page", CASES, ids=[p.parent.name for p in CASES])
def test_tally_matches_the_document(page: Path) -> None:
    doc = clean(page.read_bytes(), source=str(page))
    t = tally(doc)
    assert t.kept_blocks == doc.stats["kept_blocks"]
    assert t.removed_blocks == doc.stats["removed_blocks"]
    assert t.removed == dict(
        sorted(doc.stats["removed_by_kind"].items(), key=lambda kv: (-kv[1], kv[0]))
    )
    assert t.widgets == len(doc.removed)
    _, out, _ = _invoke(str(page))
    assert t.line() in " ".join(out.split())


def test_kept_widgets_count_as_kept() -> None:
    page = CASES[0]
    doc = clean(page.read_bytes(), options=Options(keep=frozenset({Label.RELATED})))
    t = tally(doc)
    assert t.kept.get("related", 0) > 0 and "related" not in t.removed
    assert t.kept_blocks == doc.stats["kept_blocks"]
    _, out, _ = _invoke("--keep", "related", str(page))
    assert re.search(r"✓ related", out) and not re.search(r"✗ related", out)


def test_stdin_and_compressed_pages(tmp_path: Path) -> None:
    data = CASES[1].read_bytes()
    code, out, _ = _invoke("-", stdin=data)
    assert code == 0 and "<stdin>" in out and "comments" in out
    packed = tmp_path / "page.txt.gz"
    packed.write_bytes(gzip.compress(data))
    code, out, _ = _invoke(str(packed))
    assert code == 0 and "comments" in out


def test_language_and_url_are_passed_on(tmp_path: Path) -> None:
    code, out, _ = _invoke("--language", "en", str(CASES[0]))
    assert code == 0 and "language en" in out
    report = tmp_path / "r.html"
    code, _, _ = _invoke(
        "--url", "https://example.org/a?b=<c>", "--html", str(report), str(CASES[0])
    )
    assert code == 0 and "https://example.org/a?b=&lt;c&gt;" in report.read_text(encoding="utf-8")


def test_unreadable_page_is_one_line_naming_it() -> None:
    code, out, err = _invoke("no/such/page.txt", str(CASES[0]))
    assert code == 1
    assert err.strip().splitlines() == [
        "sahelclean: error: no/such/page.txt: no such file (check the path)"
    ]
    assert "Traceback" not in err and "title" in out  # the readable page is still shown


def test_bad_keep_is_a_usage_error() -> None:
    code, _, err = _invoke("--keep", "sidebar", str(CASES[0]))
    assert code == 2 and "sidebar" in err
