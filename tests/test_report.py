"""The HTML report: escaping, structure, batch pages, and a screenshot in headless Chromium."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from sahelclean import clean
from sahelclean.cli import main
from sahelclean.cli.report import BADGE_COLOURS, KEPT_BACKGROUND, REMOVED_BACKGROUND, render_report
from sahelclean.models import Failure, Label

from .conftest import FIXTURES, IN_CI

FR_RAIL = FIXTURES / "text" / "fr-rail-a-regarder" / "input.txt"
EN_COMMENTS = FIXTURES / "html" / "en-comments-share" / "input.html"

HOSTILE = """<html><head><title>x</title></head><body>
<nav><a href="/">Home</a> <a href="/a">World</a> <a href="/b">Sport</a></nav>
<article><h1>The council meets on the "new" water plan &lt;script&gt;alert(1)&lt;/script&gt;</h1>
<p>The district council met on Tuesday to discuss the plan &lt;img src=x onerror=alert(2)&gt;
that would bring piped water to four villages before the rains, officials said.</p>
<p>Engineers told the meeting that the pumps &amp; pipes had been ordered in March and that the
first trench would be dug within weeks, if the money arrived in time &lt;/div&gt;&lt;/body&gt;.</p>
<p>Residents who spoke at the meeting said they had waited for years and wanted a date, not a
promise, for the first tap to run in the main square of the largest village.</p>
</article></body></html>"""


def test_page_text_is_escaped_and_nothing_can_run_or_load() -> None:
    doc = clean(HOSTILE.encode(), source='evil"><script>alert(3)</script>.html')
    report = render_report([doc])
    assert "<script" not in report.lower()
    assert "<img" not in report.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "&lt;img src=x onerror=alert(2)&gt;" in report
    assert "evil&quot;&gt;&lt;script&gt;" in report
    assert "default-src 'none'" in report  # no script, no fetch, even if escaping failed
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//|javascript:)""", report)


def test_one_page_has_summary_and_both_columns() -> None:
    doc = clean(FR_RAIL.read_bytes(), source="page.txt")
    report = render_report([doc])
    assert "<nav>" not in report  # no table of contents for one page
    assert f"kept {doc.stats['kept_blocks']} blocks" in report
    assert f"removed {doc.stats['removed_blocks']} blocks in {len(doc.removed)} widgets" in report
    kept_col, removed_col = report.split('class="col removed"')
    assert doc.title is not None and doc.title in kept_col
    for widget in doc.removed:
        assert f'class="badge b-{widget.kind}"' in removed_col
        assert widget.reason.replace("'", "&#x27;") in removed_col
    assert "À regarder" in removed_col and "À regarder" not in kept_col.split("<h3>")[-1]


def test_batch_report_has_contents_and_a_section_per_page() -> None:
    results = [
        clean(FR_RAIL.read_bytes(), source="a.txt"),
        Failure("b.txt", "b.txt: no such file (check the path)", "InputError"),
        clean(EN_COMMENTS.read_bytes(), source="c.html"),
    ]
    report = render_report(results)
    assert report.count("<section ") == 3
    for n, name in enumerate(["a.txt", "b.txt", "c.html"], 1):
        assert f'<a href="#page-{n}">{name}</a>' in report
        assert f'id="page-{n}"' in report
    assert "no such file (check the path)" in report


def test_right_to_left_text_is_kept_as_is_and_isolated() -> None:
    line = "قال وزير الصحة إن الحملة ستشمل جميع المناطق الريفية في البلاد خلال الأسابيع المقبلة."
    text = "\n".join([line, line.replace("الصحة", "التعليم"), line.replace("الريفية", "الشمالية")])
    report = render_report([clean(text.encode(), source="ar.txt")])
    assert line in report
    assert 'dir="auto"' in report


def test_cli_writes_the_report_atomically(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "report.html"
    result = CliRunner().invoke(
        main, ["explain", "--html", str(out), str(FR_RAIL), str(EN_COMMENTS)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""  # the report is the output; the terminal view is not printed
    assert f"wrote {out} (2 pages)" in result.stderr
    assert out.read_text(encoding="utf-8").count("<section ") == 2
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]  # no temporary file left


# --- the report in a real browser ------------------------------------------------------------


def _chromium() -> str:
    """The chromium binary; skip without it, but fail in CI, which installs it (.ci/run)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    message = "chromium is not installed (apt-get install chromium) for the screenshot test"
    if IN_CI:
        pytest.fail(f"{message}; CI installs it in .ci/run")
    pytest.skip(message)
    raise AssertionError("unreachable")


def _rgb(colour: str) -> bytes:
    """'#8e24aa' -> b'\\x8e\\x24\\xaa'."""
    return bytes.fromhex(colour.lstrip("#"))


def _screenshot(report: Path, tmp_path: Path) -> tuple[int, int, list[bytes]]:
    """Render the report in headless Chromium at 1400x2000 and decode the PNG."""
    png = tmp_path / "shot.png"
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--force-color-profile=srgb",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1400,2000",
        f"--screenshot={png}",
        report.resolve().as_uri(),
    ]
    env = {**os.environ, "HOME": str(tmp_path)}  # no dbus/config noise in the user's home
    subprocess.run(command, capture_output=True, timeout=60, check=True, env=env)
    return read_png(png.read_bytes())


def read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of RGB bytes of a PNG (Pillow)."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        raw = rgb.tobytes()
    return width, height, [raw[y * width * 3 : (y + 1) * width * 3] for y in range(height)]


def _box(rows: list[bytes], width: int, colour: bytes) -> tuple[int, int, int, int]:
    """The bounding box (x0, y0, x1, y1) of the pixels of one exact colour."""
    xs, ys = [], []
    for y, row in enumerate(rows):
        at = row.find(colour)
        while at != -1:
            if at % 3 == 0:
                xs.append(at // 3)
                ys.append(y)
            at = row.find(colour, at + 1)
    assert xs, f"colour #{colour.hex()} is nowhere in the screenshot"
    return min(xs), min(ys), max(xs), max(ys)


def _pixels_in(rows: list[bytes], box: tuple[int, int, int, int], wanted: bytes) -> int:
    """How many pixels of one colour lie inside a box."""
    x0, y0, x1, y1 = box
    count = 0
    for row in rows[y0 : y1 + 1]:
        part = row[x0 * 3 : (x1 + 1) * 3]
        count += sum(1 for i in range(0, len(part), 3) if part[i : i + 3] == wanted)
    return count


def _ink(rows: list[bytes], box: tuple[int, int, int, int]) -> int:
    """Dark pixels (text) inside a box."""
    x0, y0, x1, y1 = box
    return sum(
        1
        for row in rows[y0 : y1 + 1 : 2]
        for i in range(x0 * 3, (x1 + 1) * 3, 6)
        if row[i] < 90 and row[i + 1] < 90 and row[i + 2] < 90
    )


def test_screenshot_shows_both_columns_and_every_label_badge(tmp_path: Path) -> None:
    _chromium()
    doc = clean(FR_RAIL.read_bytes(), source="fr-rail-a-regarder/input.txt")
    report = tmp_path / "report.html"
    report.write_text(render_report([doc]), encoding="utf-8")
    width, height, rows = _screenshot(report, tmp_path)
    assert (width, height) == (1400, 2000)
    kept = _box(rows, width, _rgb(KEPT_BACKGROUND))
    removed = _box(rows, width, _rgb(REMOVED_BACKGROUND))
    assert kept[2] < removed[0], "the kept column should be left of the removed one"
    assert _ink(rows, kept) > 2000 and _ink(rows, removed) > 500, "a column is empty"
    kinds = {w.kind for w in doc.removed}
    assert {Label.RELATED, Label.COMMENTS, Label.METADATA} <= kinds
    for kind in kinds:  # each removed kind's badge is drawn inside the removed column
        assert _pixels_in(rows, removed, _rgb(BADGE_COLOURS[kind])) > 50, kind
    for role in (Label.TITLE, Label.PARAGRAPH, Label.HEADING):
        assert _pixels_in(rows, kept, _rgb(BADGE_COLOURS[role])) > 50, role
    absent = _rgb(BADGE_COLOURS[Label.PAYWALL])  # no paywall on this page: no such badge
    assert _pixels_in(rows, (0, 0, width - 1, height - 1), absent) == 0
