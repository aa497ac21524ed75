"""How far a walk goes (read/extent.py): units, totals, the walk's offsets, positions."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path, PurePosixPath

import pytest

from sahelclean.read.extent import Extent, Position, Unit, count_files, extent
from sahelclean.read.model import Item, Origin
from sahelclean.read.sources import SourceOptions, walk

PAGE = "Le marché de Gao rouvre après trois semaines de travaux.\n"


def lines(count: int) -> bytes:
    """A JSONL dump of count records, each a short page."""
    return b"".join(
        json.dumps({"text": f"Dépêche {n}. The river rose again this week."}).encode() + b"\n"
        for n in range(count)
    )


def tree(root: Path) -> Path:
    """Pages at the top and below, a hidden file and folder, a name the globs leave out."""
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".cache").mkdir()
    for rel in ("a.txt", "b.html", "sub/c.txt", "sub/deeper/d.txt", ".hidden.txt", "notes.md"):
        (root / rel).write_text(PAGE, encoding="utf-8")
    (root / ".cache" / "e.txt").write_text(PAGE, encoding="utf-8")
    (root / "sub" / "deeper" / "up").symlink_to(root / "sub")  # read once, not forever
    return root


def test_a_folder_counts_files_later_and_plain_files_at_once(tmp_path: Path) -> None:
    folder = tree(tmp_path / "pages")
    page = tmp_path / "one.txt"
    page.write_text(PAGE, encoding="utf-8")
    options = SourceOptions()
    assert extent([str(folder), str(page)], options) == Extent(Unit.FILES, None, True)
    assert extent([str(page), str(page)], options) == Extent(Unit.FILES, 2)


def test_a_dump_among_files_counts_bytes_as_stored(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress(lines(50)))
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    size = dump.stat().st_size + page.stat().st_size
    assert extent([str(dump), str(page)], SourceOptions()) == Extent(Unit.BYTES, size)
    forced = extent([str(page)], SourceOptions(input_format="jsonl"))
    assert forced == Extent(Unit.BYTES, page.stat().st_size)


@pytest.mark.parametrize("inputs", [["-"], ["s3://bucket/dump.jsonl"], []], ids=str)
def test_stdin_and_urls_have_no_known_end(inputs: list[str]) -> None:
    assert extent(inputs, SourceOptions()) == Extent(None, None)


@pytest.mark.parametrize("globs", [(), ("*.txt",)], ids=["all", "txt"])
def test_the_count_is_what_the_walk_reads(tmp_path: Path, globs: tuple[str, ...]) -> None:
    folder = tree(tmp_path / "pages")
    page = tmp_path / "one.txt"
    page.write_text(PAGE, encoding="utf-8")
    inputs = [str(folder), str(page), str(tmp_path / "missing.txt")]
    options = SourceOptions(globs=globs)
    walked = list(walk(inputs, io.BytesIO(), options))
    assert count_files(inputs, options) == len(walked) == (7 if not globs else 5)


def test_records_carry_their_end_in_the_file(tmp_path: Path) -> None:
    data = lines(20)
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(data)
    offsets = [item.offset for item in walk([str(dump)], io.BytesIO())]
    ends = [len(data[: i + 1]) for i, byte in enumerate(data) if byte == ord("\n")]
    assert offsets == ends


def test_compressed_records_count_compressed_bytes(tmp_path: Path) -> None:
    data = lines(400)
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress(data))
    offsets = [item.offset for item in walk([str(dump)], io.BytesIO())]
    stored = dump.stat().st_size
    assert len(offsets) == 400
    assert all(o is not None and 0 < o <= stored for o in offsets)
    assert offsets == sorted(offsets)  # type: ignore[type-var]
    assert stored < len(data) // 4  # so a decompressed position would overshoot


def test_whole_pages_carry_no_offset(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert [item.offset for item in walk([str(page)], io.BytesIO())] == [None]


def item(path: str, size: int, record: str | None = None, offset: int | None = None) -> Item:
    """An item of a file of this size: a whole page, or a record ending at offset."""
    origin = Origin(path, PurePosixPath(path), (size, 0), path)
    made = origin.page("x", record=record)
    return Item(made.page, None, made.relpath, record, made.stat, made.path, offset)


def test_position_in_files_counts_a_dump_by_its_share_read() -> None:
    position = Position(Unit.FILES)
    steps = [
        item("a.txt", 10),
        item("b.jsonl", 200, "1", 50),
        item("b.jsonl", 200, "2", 200),
        item("c.txt", 10),
        item("d.txt", 10),
    ]
    assert [position.advance(s) for s in steps] == [1, 1.25, 2, 3, 4]


def test_position_in_bytes_adds_the_files_before() -> None:
    position = Position(Unit.BYTES)
    steps = [
        item("a.jsonl", 100, "1", 40),
        item("a.jsonl", 100, "2", 100),
        item("page.txt", 30),
        item("b.jsonl.gz", 300, "1", 120),
        item("b.jsonl.gz", 300, "2", 290),
    ]
    assert [position.advance(s) for s in steps] == [40, 100, 130, 250, 420]


def test_a_failure_without_a_path_is_an_input_of_its_own() -> None:
    position = Position(Unit.FILES)
    broken = Origin("locked/", PurePosixPath()).fail("permission denied")
    assert [position.advance(s) for s in (item("a.txt", 5), broken, item("b.txt", 5))] == [1, 2, 3]
