"""The input layer: directories, files, stdin, JSONL, WARC and compressed inputs."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import sys
from pathlib import Path, PurePosixPath

import pytest

from sahelclean.errors import OptionsError
from sahelclean.read.sources import Item, SourceOptions, SourceStats, walk

HTML = b"<html><body><p>Bonjour Niamey</p></body></html>"


def read(
    *inputs: str | Path, stdin: bytes = b"", stats: SourceStats | None = None, **options: object
) -> list[Item]:
    """Every item of a walk over the inputs."""
    opts = SourceOptions(**options)  # type: ignore[arg-type]
    return list(walk([str(i) for i in inputs], io.BytesIO(stdin), opts, stats))


def sources(items: list[Item]) -> list[str | None]:
    """The source of each item, page or failure."""
    return [i.page.source if i.page else i.failure.source if i.failure else None for i in items]


def errors(items: list[Item]) -> list[str]:
    """The messages of the failure items."""
    return [i.failure.error for i in items if i.failure]


def jsonl(*records: object) -> bytes:
    """JSON Lines holding the records (bytes are written as they are)."""
    return b"".join(r if isinstance(r, bytes) else json.dumps(r).encode() + b"\n" for r in records)


def write(path: Path, data: bytes) -> Path:
    """Write data under tmp_path, making the folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- directories and file names ---


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder with hidden entries, nested folders, a FIFO and a symlink loop."""
    root = tmp_path / "site"
    for name in ("a.html", "b.txt", ".hidden.html", ".git/x.html", "sub/c.html", "sub/z/D.HTML"):
        write(root / name, HTML)
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    os.mkfifo(root / "pipe.html")
    return root


def test_directory_is_walked_sorted_without_hidden_entries_nor_loops(tree: Path) -> None:
    stats = SourceStats()
    items = read(tree, stats=stats)
    assert sources(items) == [
        str(tree / n) for n in ("a.html", "b.txt", "sub/c.html", "sub/z/D.HTML")
    ]
    assert [str(i.relpath) for i in items] == ["a", "b", "sub/c", "sub/z/D"]
    assert all(i.page and i.page.content == HTML and i.record is None for i in items)
    assert all(i.stat and i.stat[0] == len(HTML) for i in items)
    assert stats.skipped == {"not a regular file": 1, "folder already read (symlink loop)": 1}
    assert stats.pages == 4 and stats.failures == 0


def test_globs_filter_names_inside_directories_ignoring_case(tree: Path) -> None:
    items = read(tree, globs=("*.html",))
    assert sources(items) == [str(tree / n) for n in ("a.html", "sub/c.html", "sub/z/D.HTML")]
    assert sources(read(tree / "b.txt", globs=("*.html",))) == [str(tree / "b.txt")]


def test_same_stem_in_one_folder_keeps_whole_names(tmp_path: Path) -> None:
    for name in ("page.html", "page.txt", "other.html"):
        write(tmp_path / "d" / name, HTML)
    items = read(tmp_path / "d")
    assert sources(items) == [
        str(tmp_path / "d" / n) for n in ("other.html", "page.html", "page.txt")
    ]
    assert [str(i.relpath) for i in items] == ["other", "page.html", "page.txt"]


def test_plain_files_are_relative_to_their_deepest_common_folder(tmp_path: Path) -> None:
    one = write(tmp_path / "a" / "x" / "page.html", HTML)
    two = write(tmp_path / "b" / "page.html", HTML)
    items = read(one, two)
    assert sources(items) == [str(one), str(two)]
    assert [str(i.relpath) for i in items] == ["a/x/page", "b/page"]
    single = read(one)
    assert sources(single) == [str(one)] and single[0].relpath == PurePosixPath("page")


def test_missing_file_and_broken_link_fail_and_the_walk_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "d" / "good.html", HTML)
    (tmp_path / "d" / "broken.html").symlink_to(tmp_path / "nowhere.html")
    missing = tmp_path / "missing.html"
    items = read(missing, tmp_path / "d")
    assert sources(items) == [str(missing), str(tmp_path / "d" / "broken.html"), str(good)]
    assert errors(items) == [
        f"{missing}: no such file (check the path)",
        f"{tmp_path / 'd' / 'broken.html'}: is a symbolic link to a missing file",
    ]
    assert items[2].page is not None


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses undecodable file names")
def test_names_with_a_newline_or_undecodable_bytes_give_safe_relpaths(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    odd = [os.fsencode(folder) + b"/bad\xff\xfename.html", os.fsencode(folder) + b"/new\nline.html"]
    for name in odd:
        Path(os.fsdecode(name)).write_bytes(HTML)
    for items in (read(folder), read(*(os.fsdecode(n) for n in odd))):
        assert sources(items) == [f"{folder}/bad\ufffd\ufffdname.html", f"{folder}/new\\nline.html"]
        assert [str(i.relpath) for i in items] == ["bad__name", "new_line"]
        for item in items:
            assert "\n" not in str(item.relpath) and ".." not in item.relpath.parts
            str(item.relpath).encode("utf-8")  # no surrogate left: writable and printable


# --- stdin ---


def test_stdin_page() -> None:
    items = read("-", stdin=HTML)
    assert sources(items) == ["<stdin>"]
    assert items[0].page is not None and items[0].page.content == HTML
    assert items[0].relpath == PurePosixPath("stdin") and items[0].stat is None


def test_stdin_that_starts_with_a_brace_but_is_no_jsonl_is_a_page() -> None:
    for text in (b'{"title": "no page field"}\n', b"{not json at all\n"):
        assert sources(read("-", stdin=text)) == ["<stdin>"]


@pytest.mark.parametrize("fmt", ["auto", "jsonl"])
@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_stdin_jsonl_sniffed_or_forced(fmt: str, compress: bool) -> None:
    data = jsonl({"html": "<p>un</p>", "url": "https://a.ne/1"}, b"\n", {"text": "deux"})
    items = read("-", stdin=gzip.compress(data) if compress else data, input_format=fmt)
    assert sources(items) == ["<stdin>:1", "<stdin>:3"]
    assert [i.page.content for i in items if i.page] == ["<p>un</p>", "deux"]
    assert [i.record for i in items] == ["1", "3"]


def test_stdin_jsonl_with_a_first_line_longer_than_the_peek() -> None:
    big = "<p>" + "mot " * 40_000 + "</p>"
    items = read("-", stdin=jsonl({"html": big}, {"html": "<p>deux</p>"}))
    assert sources(items) == ["<stdin>:1", "<stdin>:2"]


def test_stdin_truncated_gzip_keeps_the_lines_before_the_damage() -> None:
    data = gzip.compress(jsonl(*({"html": f"<p>{n}</p>" + "x" * 200} for n in range(1000))))
    items = read("-", stdin=data[:-100])
    pages = len(items) - 1
    assert 900 < pages < 1000
    assert sources(items) == [f"<stdin>:{n}" for n in range(1, pages + 1)] + ["<stdin>"]
    assert errors(items) == [
        f"<stdin>: the compressed data ends early: the file is truncated after line {pages}; "
        "the lines before it were read"
    ]


def test_stdin_over_the_limit() -> None:
    items = read("-", stdin=HTML, max_bytes=10)
    assert sources(items) == ["<stdin>"]
    assert errors(items) == ["<stdin>: page is over the 10-byte limit; raise it with --max-bytes"]


# --- JSONL ---


def test_jsonl_bad_lines_fail_one_by_one(tmp_path: Path) -> None:
    path = write(
        tmp_path / "dumps" / "crawl.jsonl",
        jsonl(
            {"html": "<p>un</p>", "url": "https://a.ne/1"},
            b'{"html": "<p>deux</p>",\n',
            b"[1, 2]\n",
            b"   \n",
            {"title": "sans page"},
            {"html": {"nested": True}},
            b'\xef\xbb\xbf{"content": "sept"}',
        ),
    )
    items = read(path)
    p = str(path)
    assert sources(items) == [f"{p}:{n}" for n in (1, 2, 3, 5, 6, 7)]
    assert errors(items) == [
        f"{p}:2: line is not valid JSON (Expecting property name enclosed in double quotes "
        "at column 24); skipped",
        f"{p}:3: line holds a JSON array, not an object; skipped",
        f'{p}:5: line has no "html" or "content" or "text" or "raw" or "body" field '
        "(name it with --content-field); skipped",
        f'{p}:6: line has a JSON object in its "html" field, not a string; skipped',
    ]
    first, last = items[0].page, items[-1].page
    assert first is not None and first.url == "https://a.ne/1" and first.content == "<p>un</p>"
    assert last is not None and last.content == "sept" and last.url is None
    assert {i.relpath for i in items} == {PurePosixPath("crawl")}
    assert [i.record for i in items] == ["1", "2", "3", "5", "6", "7"]


def test_jsonl_custom_fields(tmp_path: Path) -> None:
    path = write(
        tmp_path / "d.ndjson",
        jsonl(
            {"id": "art-1", "page": "<p>un</p>", "link": "https://a.ne/1", "html": "ignored"},
            {"page": "<p>sans id</p>"},
            {"id": 7, "html": "<p>no page field</p>"},
        ),
    )
    items = read(path, content_field="page", id_field="id", url_field="link")
    assert sources(items) == [f"{path}:art-1", f"{path}:2", f"{path}:7"]
    page = items[0].page
    assert page is not None and page.content == "<p>un</p>" and page.url == "https://a.ne/1"
    assert [i.record for i in items] == ["art-1", "2", "7"]
    assert errors(items) == [f'{path}:7: line has no "page" field; skipped']
    assert items[0].split_relpath == PurePosixPath("d/art-1")


def test_jsonl_line_over_the_limit_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    path = write(tmp_path / "big.jsonl", jsonl({"html": "x" * 500}, {"html": "ok"}))
    items = read(path, max_bytes=100)
    assert sources(items) == [f"{path}:1", f"{path}:2"]
    assert errors(items) == [
        f"{path}:1: line is over the 100-byte limit; raise it with --max-bytes"
    ]
    assert items[1].page is not None and items[1].page.content == "ok"


COMPRESSORS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz", ".zst"])
def test_compressed_jsonl(tmp_path: Path, suffix: str) -> None:
    if suffix == ".zst":
        zstandard = pytest.importorskip("zstandard")
        compress = zstandard.ZstdCompressor().compress
    else:
        compress = COMPRESSORS[suffix]
    path = write(
        tmp_path / f"dumps/crawl.jsonl{suffix}", compress(jsonl({"html": "un"}, {"html": "deux"}))
    )
    items = read(path)
    assert sources(items) == [f"{path}:1", f"{path}:2"]
    assert [i.page.content for i in items if i.page] == ["un", "deux"]
    assert {i.relpath for i in items} == {PurePosixPath("crawl")}


def test_zst_without_zstandard_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "zstandard", None)
    path = write(tmp_path / "page.html.zst", b"(\xb5/\xfd")
    items = read(path)
    assert sources(items) == [str(path)]
    assert errors(items) == [f"{path}: install sahelclean[zstd] to read .zst files"]


def test_compressed_page_is_one_page(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html.gz", gzip.compress(HTML))
    items = read(path)
    assert sources(items) == [str(path)]
    assert items[0].page is not None and items[0].page.content == HTML
    assert items[0].relpath == PurePosixPath("page")
    assert errors(read(path, max_bytes=10)) == [
        f"{path}: page is over the 10-byte limit; raise it with --max-bytes"
    ]


def test_truncated_gzip_jsonl_keeps_the_lines_before_the_damage(tmp_path: Path) -> None:
    lines = [{"html": f"<p>{n} {os.urandom(300).hex()}</p>"} for n in range(200)]
    data = gzip.compress(jsonl(*lines))
    path = write(tmp_path / "cut.jsonl.gz", data[: len(data) // 2])
    items = read(path)
    pages = [i for i in items if i.page]
    assert 0 < len(pages) < 200
    assert sources(items) == [f"{path}:{n}" for n in range(1, len(pages) + 1)] + [str(path)]
    assert errors(items) == [
        f"{path}: the compressed data ends early: the file is truncated after line "
        f"{len(pages)}; the lines before it were read"
    ]


@pytest.mark.parametrize(
    ("name", "data", "cause"),
    [
        ("cut.html.xz", lzma.compress(HTML * 50)[:40], "the compressed data ends early"),
        ("bad.html.bz2", b"BZh91AY&SY" + b"\x00" * 40, "the compressed data is corrupt"),
        ("bad.html.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 40, "the compressed data is corrupt"),
        ("cut.html.zst", b"(\xb5/\xfd\x00\x58\x11\x00\x00", "the compressed data ends early"),
        ("bad.jsonl.zst", b"(\xb5/\xfd" + b"\xff" * 40, "the compressed data is corrupt"),
    ],
)
def test_damaged_compressed_page_fails(tmp_path: Path, name: str, data: bytes, cause: str) -> None:
    if name.endswith(".zst"):
        pytest.importorskip("zstandard")
    path = write(tmp_path / name, data)
    items = read(path)
    assert sources(items) == [str(path)]
    assert errors(items)[0].startswith(f"{path}: {cause}")


def test_page_over_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "big.html", b"x" * 101)
    assert sources(read(path, max_bytes=100)) == [str(path)]
    assert errors(read(path, max_bytes=100)) == [
        f"{path}: page is over the 100-byte limit; raise it with --max-bytes"
    ]
    assert errors(read(path, max_bytes=101)) == []


# --- WARC ---


def write_warc(path: Path, *, gzip_records: bool = True) -> bytes:
    """A WARC with 2 HTML responses, a request, a PNG response, a resource and a warcinfo."""
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "test"}))

    def response(url: str, body: bytes, headers: list[tuple[str, str]], rid: str) -> None:
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        extra = {"WARC-Record-ID": f"<urn:uuid:{rid}>"}
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=extra
        )
        writer.write_record(record)

    response("https://a.ne/1", HTML, [("Content-Type", "text/html; charset=windows-1252")], "r1")
    request = StatusAndHeaders("GET /1 HTTP/1.1", [("Host", "a.ne")], is_http_request=True)
    writer.write_record(
        writer.create_warc_record(
            "https://a.ne/1", "request", payload=io.BytesIO(b""), http_headers=request
        )
    )
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(gzip.compress(HTML)), gzip.compress(HTML))
    headers = [
        ("Content-Type", "text/html"),
        ("Content-Encoding", "gzip"),
        ("Transfer-Encoding", "chunked"),
    ]
    response("https://a.ne/2", chunked, headers, "r2")
    response("https://a.ne/logo.png", b"\x89PNG\r\n", [("Content-Type", "image/png")], "r3")
    resource = writer.create_warc_record(
        "https://a.ne/notes.txt",
        "resource",
        payload=io.BytesIO(b"des notes"),
        warc_content_type="text/plain; charset=utf-8",
        warc_headers_dict={"WARC-Record-ID": "<urn:uuid:r4>"},
    )
    writer.write_record(resource)
    assert warcio
    write(path, out.getvalue())
    return out.getvalue()


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_warc_pages_sources_urls_and_charsets(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_warc(path, gzip_records=gzipped)
    stats = SourceStats()
    items = read(path, stats=stats)
    assert sources(items) == [f"{path}#urn:uuid:r1", f"{path}#urn:uuid:r2", f"{path}#urn:uuid:r4"]
    pages = [i.page for i in items if i.page]
    assert [p.url for p in pages] == ["https://a.ne/1", "https://a.ne/2", "https://a.ne/notes.txt"]
    assert [p.charset for p in pages] == ["windows-1252", None, "utf-8"]
    assert [p.content for p in pages] == [HTML, HTML, b"des notes"]  # chunked + gzip undone
    assert [i.record for i in items] == ["urn:uuid:r1", "urn:uuid:r2", "urn:uuid:r4"]
    assert {i.relpath for i in items} == {PurePosixPath("crawl")}
    assert stats.skipped == {"warcinfo": 1, "request": 1, "non-html": 1}
    assert items[0].split_relpath == PurePosixPath("crawl/urn_uuid_r1")


def test_warc_from_stdin_is_sniffed(tmp_path: Path) -> None:
    data = write_warc(tmp_path / "crawl.warc.gz")
    items = read("-", stdin=data)
    assert sources(items) == ["<stdin>#urn:uuid:r1", "<stdin>#urn:uuid:r2", "<stdin>#urn:uuid:r4"]


CUTS = {
    "warc.gz cut in a record body": lambda plain, zipped: zipped[:-30],
    "warc.gz cut in a WARC header": lambda plain, zipped: gzip.compress(
        plain[: plain.find(b"notes.txt") + 20]
    )[:-8],
    "warc cut in a record body": lambda plain, zipped: plain[:-8],
    "warc cut in a WARC header": lambda plain, zipped: plain[: plain.find(b"notes.txt") + 20],
}


@pytest.mark.parametrize("how", CUTS)
def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path: Path, how: str) -> None:
    plain = write_warc(tmp_path / "whole.warc", gzip_records=False)
    zipped = write_warc(tmp_path / "whole.warc.gz")
    path = write(
        tmp_path / ("cut.warc.gz" if "gz" in how else "cut.warc"), CUTS[how](plain, zipped)
    )
    items = read(path)
    assert sources(items) == [f"{path}#urn:uuid:r1", f"{path}#urn:uuid:r2", str(path)]
    message = errors(items)[0]
    assert message.startswith(f"{path}: WARC file is truncated after record 5 (")
    assert message.endswith("); the records before it were read")


def test_warc_record_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    items = read(path, max_bytes=20)
    assert sources(items) == [f"{path}#urn:uuid:r1", f"{path}#urn:uuid:r2", f"{path}#urn:uuid:r4"]
    assert errors(items) == [
        f"{path}#urn:uuid:{r}: record is over the 20-byte limit; raise it with --max-bytes"
        for r in ("r1", "r2")
    ]


def test_not_a_warc_and_warc_without_warcio(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "fake.warc", b"<html>not a warc</html>\n")
    items = read(path)
    assert sources(items) == [str(path)]
    assert errors(items)[0].startswith(f"{path}: is not a readable WARC file (")
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    items = read(path)
    assert sources(items) == [str(path)]
    assert errors(items) == [f"{path}: install sahelclean[warc] to read WARC files"]


# --- options ---


def test_forced_format_applies_to_files(tmp_path: Path) -> None:
    path = write(tmp_path / "records.txt", jsonl({"html": "un"}))
    assert sources(read(path)) == [str(path)]
    assert sources(read(path, input_format="jsonl")) == [f"{path}:1"]


def test_bad_options_are_refused() -> None:
    with pytest.raises(OptionsError, match="unknown input format"):
        SourceOptions(input_format="csv")
    with pytest.raises(OptionsError, match="at least 1"):
        SourceOptions(max_bytes=0)
