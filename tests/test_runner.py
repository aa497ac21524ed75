"""Batch runs at the library level: runner.run with a RunConfig, an in-memory stdin/stdout.

Outputs (stream, file, directory mirroring the inputs, one file per container or record),
the sources named in every document, the summary, incremental runs (--manifest,
--skip-existing), parallel runs, and atomic writes.
"""

from __future__ import annotations

import bz2
import errno
import gzip
import io
import json
import lzma
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from sahelclean.batch import writers
from sahelclean.batch.pool import Outcome
from sahelclean.batch.runner import RunConfig, Summary, run
from sahelclean.batch.writers import TEMP_SUFFIX, Format, atomic_write
from sahelclean.errors import OptionsError
from sahelclean.options import Options
from sahelclean.read.sources import Item, SourceOptions

from .conftest import FIXTURES

TEXT = FIXTURES / "text"
EMPTY_CASES = ("en-section-page", "fr-page-rubrique")
GOOD = [d / "input.txt" for d in sorted(TEXT.iterdir()) if d.name not in EMPTY_CASES]
FR = TEXT / "fr-rail-a-regarder" / "input.txt"
EN = TEXT / "en-no-widget" / "input.txt"
EMPTY = TEXT / "fr-page-rubrique" / "input.txt"
SOURCE_KEYS = ("globs", "input_format", "content_field", "id_field", "url_field", "max_bytes")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20

PARAS = (
    "Le gouvernement malien a annoncé mardi un nouveau plan pour soutenir les éleveurs de "
    "la région de Gao, durement touchés par la sécheresse depuis plusieurs mois.",
    "Selon le ministre, les premières distributions de fourrage commenceront la semaine "
    "prochaine dans les communes les plus exposées, avant la saison des pluies.",
    "Les organisations paysannes saluent la mesure mais réclament un calendrier précis et "
    "des moyens supplémentaires pour les zones les plus éloignées du fleuve.",
)


def html_page(title: str, paras: Iterable[str] = PARAS) -> str:
    """A small news page: a menu, the article, a footer."""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<html><head><title>{title}</title></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/politique'>Politique</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>© 2024 Le Journal du Sahel</footer></body></html>"
    )


class Recorder:
    """An observer that keeps what it is told."""

    def __init__(self) -> None:
        self.outcomes: list[tuple[Item, Outcome]] = []
        self.skips: list[Item] = []

    def outcome(self, item: Item, outcome: Outcome) -> None:
        self.outcomes.append((item, outcome))

    def skipped(self, item: Item, reason: str) -> None:
        self.skips.append(item)

    @property
    def failures(self) -> list[str]:
        return [o.failure.error for _, o in self.outcomes if o.failure is not None]


def clean_run(
    *inputs: str | Path,
    stdin: bytes = b"",
    fmt: str = "json",
    output: Path | None = None,
    to_dir: bool | None = None,
    **kwargs: Any,
) -> tuple[Summary, str, Recorder]:
    """Run the cleaner over the inputs; the summary, what went to stdout, what was observed."""
    sources = SourceOptions(**{k: kwargs.pop(k) for k in list(kwargs) if k in SOURCE_KEYS})
    config = RunConfig(
        inputs=tuple(str(i) for i in inputs) or ("-",),
        sources=sources,
        fmt=Format(fmt),
        output=output,
        to_dir=(output is not None) if to_dir is None else to_dir,
        **kwargs,
    )
    stdout, recorder = io.StringIO(), Recorder()
    summary = run(config, io.BytesIO(stdin), stdout, recorder)
    return summary, stdout.getvalue(), recorder


def write(path: Path, data: bytes | str) -> Path:
    """Write a file, making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def files_under(root: Path) -> list[str]:
    """Every file under root, relative and sorted, hidden ones included."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Each file's bytes and modification time."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def temp_files(root: Path) -> list[Path]:
    """The temporary files of atomic writes left under root."""
    return [p for p in root.rglob("*") if p.name.endswith(TEMP_SUFFIX)]


def jsonl_lines(text: str) -> list[dict[str, Any]]:
    """The objects of a JSON Lines text."""
    return [json.loads(line) for line in text.splitlines()]


def jsonl_bytes(*records: object) -> bytes:
    """JSON Lines holding the records; bytes are written as they are."""
    return b"".join(
        r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode() + b"\n"
        for r in records
    )


def later(path: Path, seconds: int = 10) -> None:
    """Move a file's mtime into the future (a `touch` that no clock granularity can miss)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + seconds * 1_000_000_000))


# --- a directory tree into a directory of outputs ---


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Nested folders of text dumps, a hidden file and folder, and files the glob drops."""
    src = tmp_path / "src"
    write(src / "a" / "b" / "page.txt", FR.read_bytes())
    write(src / "a" / "other.txt", EN.read_bytes())
    write(src / "top.txt", GOOD[0].read_bytes())
    write(src / ".hidden.txt", EN.read_bytes())
    write(src / ".git" / "x.txt", EN.read_bytes())
    write(src / "a" / "notes.md", EN.read_bytes())
    return src


def test_directory_tree_is_mirrored_with_names_from_the_inputs(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary, stdout, seen = clean_run(tree, output=out, globs=("*.txt",))
    assert stdout == ""
    assert files_under(out) == ["a/b/page.json", "a/other.json", "top.json"]
    for rel, name in (("a/b/page", "a/b/page.txt"), ("a/other", "a/other.txt"), ("top", "top.txt")):
        doc = json.loads((out / f"{rel}.json").read_text(encoding="utf-8"))
        assert doc["source"] == str(tree / name)
        assert doc["text"].strip()
    assert [o.source for _, o in seen.outcomes] == [
        str(tree / n) for n in ("top.txt", "a/other.txt", "a/b/page.txt")
    ]
    assert (summary.processed, summary.written, summary.failed, summary.files) == (3, 3, 0, 3)
    assert summary.passed_over == {"name not in globs": 1}
    assert summary.exit_code == 0


def test_without_glob_every_visible_file_is_cleaned(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary, _, _ = clean_run(tree, output=out)
    assert files_under(out) == ["a/b/page.json", "a/notes.json", "a/other.json", "top.json"]
    assert summary.processed == 4


def test_input_files_from_several_folders_keep_their_relative_paths(
    tree: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary, _, _ = clean_run(tree / "a" / "b" / "page.txt", tree / "top.txt", output=out)
    assert files_under(out) == ["a/b/page.json", "top.json"]
    assert json.loads((out / "a/b/page.json").read_text())["source"] == str(
        tree / "a" / "b" / "page.txt"
    )
    assert summary.exit_code == 0


def test_one_input_into_one_file(tmp_path: Path) -> None:
    target = tmp_path / "article.json"
    summary, stdout, _ = clean_run(FR, output=target, to_dir=False)
    assert stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["source"] == str(FR)
    assert files_under(tmp_path) == ["article.json"]
    assert summary.files == 1


# --- stdin ---


def test_stdin_text_is_one_page_named_stdin() -> None:
    summary, stdout, _ = clean_run("-", stdin=FR.read_bytes())
    doc = json.loads(stdout)
    assert doc["source"] == "<stdin>"
    assert doc["title"].startswith("Mali : dans la région de Gao")
    assert summary.processed == 1 and summary.exit_code == 0


def test_stdin_jsonl_is_sniffed_and_records_are_named_by_line() -> None:
    data = jsonl_bytes(
        {"text": FR.read_text(), "url": "https://example.ml/gao"},
        {"html": html_page("Niger : la crue menace Niamey"), "url": "https://example.ne/crue"},
    )
    summary, stdout, _ = clean_run("-", stdin=data, fmt="jsonl")
    docs = jsonl_lines(stdout)
    assert [d["source"] for d in docs] == ["<stdin>:1", "<stdin>:2"]
    assert [d["url"] for d in docs] == ["https://example.ml/gao", "https://example.ne/crue"]
    assert [d["input_kind"] for d in docs] == ["text", "html"]
    assert summary.processed == 2 and summary.exit_code == 0


def test_stdin_jsonl_fields_name_the_content_the_id_and_the_url() -> None:
    data = jsonl_bytes(
        {"doc_id": "gao-1", "page": FR.read_text(), "link": "https://example.ml/1"},
        {"doc_id": 42, "page": EN.read_text(), "link": "https://example.org/42"},
        {"page": GOOD[0].read_text(), "link": "https://example.org/3"},  # no id: line number
    )
    summary, stdout, _ = clean_run(
        "-",
        stdin=data,
        fmt="jsonl",
        content_field="page",
        id_field="doc_id",
        url_field="link",
    )
    docs = jsonl_lines(stdout)
    assert [d["source"] for d in docs] == ["<stdin>:gao-1", "<stdin>:42", "<stdin>:3"]
    assert [d["url"] for d in docs] == [
        "https://example.ml/1",
        "https://example.org/42",
        "https://example.org/3",
    ]
    assert summary.exit_code == 0


def test_forced_jsonl_on_stdin_reads_records_after_a_bad_first_line() -> None:
    data = b"{not json\n" + jsonl_bytes({"text": FR.read_text()}, {"text": EN.read_text()})
    summary, stdout, seen = clean_run("-", stdin=data, fmt="jsonl", input_format="jsonl")
    lines = jsonl_lines(stdout)
    assert [d["source"] for d in lines] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    assert lines[0]["failed"] is True and "not valid JSON" in lines[0]["error"]
    assert seen.failures == [lines[0]["error"]] and lines[0]["error"].startswith("<stdin>:1: ")
    assert (summary.processed, summary.failed, summary.exit_code) == (2, 1, 1)


def test_stdin_into_a_directory_is_named_stdin(tmp_path: Path) -> None:
    out = tmp_path / "out"
    clean_run("-", stdin=EN.read_bytes(), output=out)
    assert files_under(out) == ["stdin.json"]
    assert json.loads((out / "stdin.json").read_text())["source"] == "<stdin>"


# --- JSONL containers ---


@pytest.fixture
def dumps(tmp_path: Path) -> Path:
    """dump.jsonl (a bad line, an empty page) and dump2.jsonl.gz, in a folder."""
    folder = tmp_path / "dumps"
    write(
        folder / "dump.jsonl",
        jsonl_bytes(
            {"id": "r1", "text": FR.read_text(), "url": "https://example.ml/r1"},
            b"{broken\n",
            {"id": "r3", "text": EMPTY.read_text()},
            {"id": "r4", "html": html_page("Mali : un plan pour Gao"), "url": "https://a.ml/4"},
        ),
    )
    write(
        folder / "dump2.jsonl.gz",
        gzip.compress(jsonl_bytes({"text": EN.read_text()}, {"text": GOOD[1].read_text()})),
    )
    return folder


def test_each_jsonl_input_gives_one_jsonl_output_with_its_good_records(
    dumps: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary, _, seen = clean_run(dumps / "dump.jsonl", dumps / "dump2.jsonl.gz", output=out)
    assert files_under(out) == ["dump.jsonl", "dump2.jsonl"]
    first = jsonl_lines((out / "dump.jsonl").read_text(encoding="utf-8"))
    assert [d["source"] for d in first] == [f"{dumps / 'dump.jsonl'}:{n}" for n in (1, 4)]
    assert [d["url"] for d in first] == ["https://example.ml/r1", "https://a.ml/4"]
    second = jsonl_lines((out / "dump2.jsonl").read_text(encoding="utf-8"))
    assert [d["source"] for d in second] == [f"{dumps / 'dump2.jsonl.gz'}:{n}" for n in (1, 2)]
    assert seen.failures == [
        f"{dumps / 'dump.jsonl'}:2: line is not valid JSON "
        "(Expecting property name enclosed in double quotes at column 2); skipped"
    ]
    assert (summary.processed, summary.written, summary.empty, summary.failed) == (5, 4, 1, 1)
    assert summary.files == 2 and summary.exit_code == 1
    assert not temp_files(out)


def test_split_gives_one_file_per_record(dumps: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary, _, _ = clean_run(
        dumps / "dump.jsonl", dumps / "dump2.jsonl.gz", output=out, split=True, id_field="id"
    )
    assert files_under(out) == ["dump/r1.json", "dump/r4.json", "dump2/1.json", "dump2/2.json"]
    expected = {
        "dump/r1.json": f"{dumps / 'dump.jsonl'}:r1",
        "dump/r4.json": f"{dumps / 'dump.jsonl'}:r4",
        "dump2/1.json": f"{dumps / 'dump2.jsonl.gz'}:1",
        "dump2/2.json": f"{dumps / 'dump2.jsonl.gz'}:2",
    }
    for rel, source in expected.items():
        assert json.loads((out / rel).read_text(encoding="utf-8"))["source"] == source
    assert summary.files == 4


def test_jsonl_container_in_text_format_is_one_text_file(dumps: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    clean_run(dumps / "dump2.jsonl.gz", dumps / "dump.jsonl", output=out, fmt="text")
    assert files_under(out) == ["dump.txt", "dump2.txt"]
    assert (out / "dump2.txt").read_text(encoding="utf-8").count("\f\n") == 1


# --- WARC ---


P_LATIN = (
    "À Niamey, la crue du fleuve Niger menace plusieurs quartiers riverains où des centaines "
    "de familles ont déjà dû quitter leur maison et trouver refuge dans des écoles.",
    "Les autorités municipales ont ouvert des sites d'accueil près de la façade du fleuve, "
    "tandis que les services météorologiques prévoient encore de fortes pluies.",
    "Des élèves évoquent une situation très difficile, et les secours redoublent d'efforts "
    "pour atteindre les zones isolées de la région de Tillabéri.",
)


def make_warc(path: Path) -> list[str]:
    """A WARC.gz: an UTF-8 page, a request, a latin-1 page, an image; the pages' record ids."""
    from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
    from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

    def response(uri: str, content_type: str, body: bytes) -> Any:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        return writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        first = response(
            "https://example.ml/gao",
            "text/html; charset=utf-8",
            html_page("Mali : un plan pour les éleveurs de Gao").encode("utf-8"),
        )
        request = writer.create_warc_record(
            "https://example.ne/crue",
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                "GET /crue HTTP/1.1", [("Host", "example.ne")], is_http_request=True
            ),
        )
        second = response(
            "https://example.ne/crue",
            "text/html; charset=ISO-8859-1",
            html_page("Niger : la crue du fleuve menace Niamey", P_LATIN).encode("latin-1"),
        )
        image = response("https://example.ne/logo.png", "image/png", PNG)
        for record in (first, request, second, image):
            writer.write_record(record)
    return [r.rec_headers.get_header("WARC-Record-ID").strip("<>") for r in (first, second)]


def test_warc_pages_are_named_by_record_id_with_their_urls_and_charsets(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    warc = tmp_path / "crawl.warc.gz"
    ids = make_warc(warc)
    summary, stdout, _ = clean_run(warc, fmt="jsonl")
    docs = jsonl_lines(stdout)
    assert [d["source"] for d in docs] == [f"{warc}#{i}" for i in ids]
    assert [d["url"] for d in docs] == ["https://example.ml/gao", "https://example.ne/crue"]
    latin = docs[1]
    assert latin["stats"]["charset_how"] == "declared"
    for words in ("À Niamey", "où des centaines", "déjà dû", "façade", "élèves", "Tillabéri"):
        assert words in latin["text"]
    assert "\ufffd" not in latin["text"] and "Ã" not in latin["text"]
    assert "éleveurs de Gao" in docs[0]["text"]
    assert summary.passed_over == {"non-html": 1, "request": 1}
    assert (summary.processed, summary.written, summary.exit_code) == (2, 2, 0)


def test_warc_into_a_directory_one_file_or_one_per_record(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    warc = tmp_path / "crawl.warc.gz"
    ids = make_warc(warc)
    out = tmp_path / "out"
    clean_run(warc, output=out, fmt="json")
    assert files_under(out) == ["crawl.jsonl"]
    sources = [d["source"] for d in jsonl_lines((out / "crawl.jsonl").read_text())]
    assert sources == [f"{warc}#{i}" for i in ids]
    split = tmp_path / "split"
    clean_run(warc, output=split, split=True)
    names = [i.replace(":", "_") for i in ids]  # urn:uuid:… made a safe file name
    assert files_under(split) == sorted(f"crawl/{n}.json" for n in names)
    for record_id, name in zip(ids, names, strict=True):
        doc = json.loads((split / "crawl" / f"{name}.json").read_text(encoding="utf-8"))
        assert doc["source"] == f"{warc}#{record_id}"


# --- compressed pages ---


@pytest.mark.parametrize(
    ("suffix", "compress"), [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)]
)
def test_compressed_single_pages(tmp_path: Path, suffix: str, compress: Any) -> None:
    page = write(tmp_path / "in" / f"page.txt{suffix}", compress(FR.read_bytes()))
    html = write(tmp_path / "in" / f"site.html{suffix}", compress(html_page("Gao").encode()))
    out = tmp_path / "out"
    summary, _, _ = clean_run(page, html, output=out)
    assert files_under(out) == ["page.json", "site.json"]
    doc = json.loads((out / "page.json").read_text(encoding="utf-8"))
    assert doc["source"] == str(page)
    assert doc["title"].startswith("Mali : dans la région de Gao")
    assert json.loads((out / "site.json").read_text())["source"] == str(html)
    assert summary.exit_code == 0


# --- parallel runs ---


def thirty_inputs(folder: Path) -> list[Path]:
    """30 inputs: text dumps, HTML pages, empty pages, a binary file and a missing one."""
    inputs = [
        write(folder / f"{i:02d}-{p.parent.name}.txt", p.read_bytes())
        for i, p in enumerate(GOOD[:20])
    ]
    inputs += [
        write(folder / f"h{i}.html", html_page(f"Mali : titre {i}", PARAS[i % 3 :] + PARAS))
        for i in range(6)
    ]
    inputs.insert(3, TEXT / "fr-page-rubrique" / "input.txt")
    inputs.insert(11, TEXT / "en-section-page" / "input.txt")
    inputs.insert(7, folder / "missing.txt")
    inputs.insert(17, write(folder / "image.txt", PNG))
    assert len(inputs) == 30
    return inputs


def test_two_jobs_give_the_same_stream_as_one_in_input_order(tmp_path: Path) -> None:
    inputs = thirty_inputs(tmp_path / "in")
    _, one, _ = clean_run(*inputs, fmt="jsonl", jobs=1)
    summary, two, _ = clean_run(*inputs, fmt="jsonl", jobs=2)
    assert two == one
    assert [d["source"] for d in jsonl_lines(two)] == [str(p) for p in inputs]
    assert summary.failed == 2 and summary.empty == 2


# --- summary ---


def test_summary_counts_and_exit_codes(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    summary, _, _ = clean_run(FR, EMPTY, missing, EN, fmt="jsonl")
    assert summary.to_dict() | {"seconds": 0} == {
        "processed": 3,
        "written": 2,
        "empty": 1,
        "failed": 1,
        "skipped": 0,
        "files_written": 0,
        "seconds": 0,
        "interrupted": False,
        "exit_code": 1,
        "passed_over": {},
    }
    allowed, _, _ = clean_run(FR, EMPTY, fmt="jsonl", fail_on_empty=False)
    assert (allowed.empty, allowed.exit_code) == (1, 0)
    still, _, _ = clean_run(FR, EMPTY, missing, fmt="jsonl", fail_on_empty=False)
    assert still.exit_code == 1
    assert Summary(processed=3, interrupted=True).exit_code == 130


# --- incremental runs ---


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """Six text dumps in two folders."""
    src = tmp_path / "pages"
    for i, p in enumerate(GOOD[:6]):
        write(src / ("mali" if i % 2 else "niger") / f"p{i}.txt", p.read_bytes())
    return src


def test_manifest_second_run_does_nothing_and_leaves_outputs_alone(
    pages: Path, tmp_path: Path
) -> None:
    out, manifest = tmp_path / "out", tmp_path / "manifest.json"
    first, _, _ = clean_run(pages, output=out, manifest=manifest)
    assert (first.processed, first.skipped, first.files) == (6, 0, 6)
    before, recorded = snapshot(out), manifest.read_bytes()
    second, _, seen = clean_run(pages, output=out, manifest=manifest)
    assert (second.processed, second.skipped, second.files, second.exit_code) == (0, 6, 0, 0)
    assert sorted(i.page.source for i in seen.skips if i.page) == sorted(
        str(p) for p in pages.rglob("*.txt")
    )
    assert snapshot(out) == before
    assert manifest.read_bytes() == recorded
    entries = json.loads(recorded)["inputs"]
    assert sorted(entries) == sorted(str(p) for p in pages.rglob("*.txt"))


def test_manifest_skips_a_touched_input_and_redoes_a_changed_one(
    pages: Path, tmp_path: Path
) -> None:
    out, manifest = tmp_path / "out", tmp_path / "manifest.json"
    clean_run(pages, output=out, manifest=manifest)
    before = snapshot(out)
    later(pages / "mali" / "p1.txt")
    touched, _, _ = clean_run(pages, output=out, manifest=manifest)
    assert (touched.processed, touched.skipped) == (0, 6)
    assert snapshot(out) == before
    (pages / "niger" / "p2.txt").write_bytes(EN.read_bytes())
    changed, _, seen = clean_run(pages, output=out, manifest=manifest)
    assert (changed.processed, changed.skipped) == (1, 5)
    assert [o.source for _, o in seen.outcomes] == [str(pages / "niger" / "p2.txt")]
    after = snapshot(out)
    assert after.pop("niger/p2.json") != before.pop("niger/p2.json")
    assert after == before
    doc = json.loads((out / "niger" / "p2.json").read_text(encoding="utf-8"))
    assert doc["source"] == str(pages / "niger" / "p2.txt")
    assert doc["title"] == json.loads(clean_run(EN)[1])["title"]


def test_manifest_redoes_an_input_whose_output_was_deleted(pages: Path, tmp_path: Path) -> None:
    out, manifest = tmp_path / "out", tmp_path / "manifest.json"
    clean_run(pages, output=out, manifest=manifest)
    kept = (out / "mali" / "p3.json").read_bytes()
    (out / "mali" / "p3.json").unlink()
    again, _, _ = clean_run(pages, output=out, manifest=manifest)
    assert (again.processed, again.skipped) == (1, 5)
    assert (out / "mali" / "p3.json").read_bytes() == kept


def test_manifest_does_not_record_failed_inputs(tmp_path: Path) -> None:
    out, manifest = tmp_path / "out", tmp_path / "manifest.json"
    image = write(tmp_path / "in" / "image.txt", PNG)
    page = write(tmp_path / "in" / "page.txt", FR.read_bytes())
    first, _, _ = clean_run(image, page, output=out, manifest=manifest)
    assert (first.failed, first.exit_code) == (1, 1)
    second, _, seen = clean_run(image, page, output=out, manifest=manifest)
    assert (second.failed, second.skipped, second.exit_code) == (1, 1, 1)
    assert seen.failures[0].startswith(f"{image}: ")


def test_manifest_skips_an_unchanged_container_whole(dumps: Path, tmp_path: Path) -> None:
    out, manifest = tmp_path / "out", tmp_path / "manifest.json"
    gz = dumps / "dump2.jsonl.gz"
    clean_run(gz, output=out, manifest=manifest, to_dir=True)
    before = snapshot(out)
    again, _, _ = clean_run(gz, output=out, manifest=manifest, to_dir=True)
    assert (again.processed, again.skipped) == (0, 2)
    assert snapshot(out) == before


def test_skip_existing_skips_newer_outputs_and_redoes_touched_inputs(
    pages: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    clean_run(pages, output=out, skip_existing=True)
    before = snapshot(out)
    again, _, _ = clean_run(pages, output=out, skip_existing=True)
    assert (again.processed, again.skipped) == (0, 6)
    assert snapshot(out) == before
    later(pages / "niger" / "p4.txt")
    touched, _, seen = clean_run(pages, output=out, skip_existing=True)
    assert (touched.processed, touched.skipped) == (1, 5)
    assert [o.source for _, o in seen.outcomes] == [str(pages / "niger" / "p4.txt")]
    after = snapshot(out)
    assert after["niger/p4.json"][0] == before["niger/p4.json"][0]  # same bytes, rewritten
    assert after["niger/p4.json"][1] != before["niger/p4.json"][1]
    del after["niger/p4.json"], before["niger/p4.json"]
    assert after == before


def test_split_skip_existing_completes_a_container_cut_short(tmp_path: Path) -> None:
    dump = write(
        tmp_path / "in" / "dump.jsonl",
        jsonl_bytes(*({"id": f"r{i}", "text": p.read_text()} for i, p in enumerate(GOOD[:5]))),
    )
    out = tmp_path / "out"
    clean_run(dump, output=out, split=True, id_field="id")
    complete = snapshot(out)
    for name in ("r3", "r4"):  # the state a run killed after its third record leaves
        (out / "dump" / f"{name}.json").unlink()
    again, _, _ = clean_run(dump, output=out, split=True, id_field="id", skip_existing=True)
    assert sorted(snapshot(out)) == sorted(complete)
    assert (again.processed, again.skipped) == (2, 3)


def test_manifest_keeps_the_outputs_of_a_container_with_a_bad_first_line(
    tmp_path: Path,
) -> None:
    dump = write(
        tmp_path / "in" / "dump.jsonl",
        b"{broken\n" + jsonl_bytes({"text": FR.read_text()}, {"text": EN.read_text()}),
    )
    out, manifest = tmp_path / "out", tmp_path / "manifest.json"
    clean_run(dump, output=out, manifest=manifest, to_dir=True)
    clean_run(dump, output=out, manifest=manifest, to_dir=True)
    (out / "dump.jsonl").unlink()
    third, _, _ = clean_run(dump, output=out, manifest=manifest, to_dir=True)
    assert (out / "dump.jsonl").exists()
    assert third.processed == 2


def test_manifest_and_skip_existing_need_an_output_directory(tmp_path: Path) -> None:
    """With one output file (or stdout) nothing tells which input gave what: refused."""
    page = write(tmp_path / "in" / "page.txt", FR.read_bytes())
    with pytest.raises(OptionsError, match="-o DIR"):
        clean_run(page, output=tmp_path / "article.json", to_dir=False, manifest=tmp_path / "m")
    with pytest.raises(OptionsError, match="-o DIR"):
        clean_run(page, output=None, skip_existing=True)


# --- atomic writes ---


def fail_on(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make os.<name> fail as a full disk would."""

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, name, boom)


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failed_write_leaves_the_target_untouched_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = write(tmp_path / "out" / "page.json", '{"old": true}\n')
    fail_on(monkeypatch, step)
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, '{"new": true}\n' * 1000)
    monkeypatch.undo()
    assert target.read_text() == '{"old": true}\n'
    assert files_under(tmp_path) == ["out/page.json"]


def test_a_failed_write_of_a_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on(monkeypatch, "replace")
    with pytest.raises(OSError):
        atomic_write(tmp_path / "out" / "page.json", "data\n")
    monkeypatch.undo()
    assert files_under(tmp_path) == []


def test_a_write_sweeps_the_temp_files_a_killed_run_left(tmp_path: Path) -> None:
    target = tmp_path / "page.json"
    stale = write(tmp_path / f".page.json.abc123{TEMP_SUFFIX}", '{"half')
    other = write(tmp_path / f".other.json.abc123{TEMP_SUFFIX}", '{"half')
    atomic_write(target, "{}\n")
    assert not stale.exists() and other.exists()
    assert target.read_text() == "{}\n"


def test_a_failed_page_write_in_a_run_keeps_the_old_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    old = write(out / "page.json", "old\n")
    page = write(tmp_path / "in" / "page.txt", FR.read_bytes())
    fail_on(monkeypatch, "replace")
    summary, _, _ = clean_run(page, output=out, to_dir=True)
    monkeypatch.undo()
    assert summary.failed == 1 and summary.exit_code == 1  # the write failed: that input failed
    assert old.read_text() == "old\n"
    assert files_under(out) == ["page.json"]


def test_a_failed_container_commit_leaves_no_temp_file(
    dumps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    old = write(out / "dump2.jsonl", "old\n")
    fail_on(monkeypatch, "replace")
    with pytest.raises(OSError):
        clean_run(dumps / "dump2.jsonl.gz", output=out, to_dir=True)
    monkeypatch.undo()
    assert old.read_text() == "old\n"
    assert files_under(out) == ["dump2.jsonl"]


def test_an_interrupt_discards_the_half_written_container(
    dumps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C between two records: the container's temp file goes, nothing half remains."""
    from sahelclean.batch import runner

    real = runner.clean_one
    calls = []

    def interrupted(page: Any, *args: Any) -> Outcome:
        calls.append(page.source)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(page, *args)

    monkeypatch.setattr(runner, "clean_one", interrupted)
    out = tmp_path / "out"
    summary, _, _ = clean_run(dumps / "dump2.jsonl.gz", output=out, to_dir=True)
    assert summary.interrupted and summary.exit_code == 130
    assert files_under(out) == []


def test_an_interrupt_right_after_the_temp_file_is_made_leaves_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tempfile.mkstemp

    def then_interrupt(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, _ = real(*args, **kwargs)
        os.close(fd)
        raise KeyboardInterrupt

    monkeypatch.setattr(writers.tempfile, "mkstemp", then_interrupt)
    out = tmp_path / "out"
    summary, _, _ = clean_run(FR, EN, output=out)
    assert summary.exit_code == 130
    assert temp_files(out) == []


def test_a_ctrl_c_held_back_while_the_temp_file_is_made_leaves_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Ctrl-C that held_signals held back is raised as its block ends: the temp file
    made inside it is known there and removed (it was left behind once, under load)."""

    @contextmanager
    def held_then_interrupt() -> Iterator[None]:
        yield
        raise KeyboardInterrupt  # what unblocking SIGINT delivers at the block's end

    monkeypatch.setattr(writers, "held_signals", held_then_interrupt)
    target = tmp_path / "out" / "page.json"
    with pytest.raises(KeyboardInterrupt):
        writers.atomic_write(target, "{}")
    assert not target.exists()
    assert temp_files(tmp_path / "out") == []


def test_options_reach_the_workers(tmp_path: Path) -> None:
    """--keep travels to the worker processes: the rail is back in the text with two jobs."""
    config = RunConfig(
        inputs=(str(FR), str(EN)),
        options=Options().with_keep("related"),
        fmt=Format.JSONL,
        jobs=2,
    )
    stdout = io.StringIO()
    run(config, io.BytesIO(), stdout)
    first = jsonl_lines(stdout.getvalue())[0]
    assert first["source"] == str(FR)
    assert "Niger : la crue du fleuve menace les quartiers de Niamey" in first["text"]
