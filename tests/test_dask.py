"""sahelclean on Dask: the same output tree and summary as a local run, even when a worker dies."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sahelclean.cli import main
from sahelclean.models import Document, Failure, RawPage
from sahelclean.options import Options
from sahelclean.pipeline import clean_all

from .conftest import FIXTURES

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

HTML = sorted(FIXTURES.glob("html/*/input.html"))
# pages a JSONL line can carry as text (not the UTF-16 and cp1252 cases)
UTF8_HTML = [p for p in HTML if p.parent.name.startswith(("en-no-", "fr-sans-"))]
TEXT = sorted(FIXTURES.glob("text/*/input.txt"))


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_warc(path: Path) -> None:
    """Two HTML responses, a request and a text resource."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n, page in enumerate(HTML[2:4], start=1):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.ne/{n}",
            "response",
            payload=io.BytesIO(page.read_bytes()),
            http_headers=http,
            warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:page-{n}>"},
        )
        writer.write_record(record)
        request = StatusAndHeaders(
            f"GET /{n} HTTP/1.1", [("Host", "example.ne")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                f"https://example.ne/{n}", "request", payload=io.BytesIO(b""), http_headers=request
            )
        )
    resource = writer.create_warc_record(
        "https://example.ne/dump.txt",
        "resource",
        payload=io.BytesIO(TEXT[3].read_bytes()),
        warc_content_type="text/plain; charset=utf-8",
        warc_headers_dict={"WARC-Record-ID": "<urn:uuid:dump-1>"},
    )
    writer.write_record(resource)
    write(path, out.getvalue())


def make_inputs(root: Path) -> list[str]:
    """Folders of HTML and text pages, a JSONL and a WARC dump, with bad inputs among them."""
    pages, more = root / "pages", root / "more"
    for page in HTML[:4]:
        write(pages / "html" / f"{page.parent.name}.html", page.read_bytes())
    for page in TEXT[:4]:
        write(pages / "text" / f"{page.parent.name}.txt", page.read_bytes())
    write(pages / "same" / "page.html", HTML[4].read_bytes())  # one stem, two names
    write(pages / "same" / "page.txt", TEXT[4].read_bytes())
    write(pages / "zipped" / "article.txt.gz", gzip.compress(TEXT[5].read_bytes()))
    write(pages / "zipped" / "broken.txt.gz", gzip.compress(TEXT[6].read_bytes())[:-40])  # cut
    write(pages / "empty.txt", b"")  # no text at all
    # pages/page.html and more/page.html both want page.json: the second gets page~2.json,
    # and more/page~2.html then gets page~2~2.json, as in a local run
    write(pages / "page.html", HTML[5].read_bytes())
    write(more / "page.html", HTML[6].read_bytes())
    write(more / "page~2.html", HTML[7].read_bytes())
    lines = [
        json.dumps({"id": f"t{n}", "url": f"https://example.sn/{n}", "text": p.read_text()})
        for n, p in enumerate(TEXT[7:11])
    ]
    lines.insert(2, '{"id": "cut", "text": "Une ligne coup')  # not JSON: one failure
    lines.append(json.dumps({"id": "h1", "html": UTF8_HTML[0].read_text(encoding="utf-8")}))
    write(root / "dump.jsonl", ("\n".join(lines) + "\n").encode())
    write_warc(root / "crawl.warc.gz")
    return [str(pages), str(more), str(root / "dump.jsonl"), str(root / "crawl.warc.gz")]


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root (hidden ones too) and its bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, ["clean", *args])


def summary_of(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text())
    assert isinstance(data, dict)
    data.pop("seconds")
    return data


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "error:" in line]


@pytest.mark.parametrize(
    "args", [("-f", "json"), ("-f", "text", "--split")], ids=["json", "text-split"]
)
def test_cluster_run_is_the_local_run(
    tmp_path: Path, cluster: distributed.LocalCluster, args: tuple[str, ...]
) -> None:
    inputs = make_inputs(tmp_path / "in")
    local = cli(*args, "-j", "1", "-o", str(tmp_path / "local"), *inputs,
                "--summary-json", str(tmp_path / "local.json"))  # fmt: skip
    remote = cli(*args, "--scheduler", cluster.scheduler_address, "-o", str(tmp_path / "dask"),
                 *inputs, "--summary-json", str(tmp_path / "dask.json"))  # fmt: skip
    assert local.exit_code == remote.exit_code == 1, remote.stderr
    expected = tree(tmp_path / "local")
    assert tree(tmp_path / "dask") == expected
    assert {"page.json", "page~2.json", "page~2~2.json"} <= set(expected) or "--split" in args
    assert summary_of(tmp_path / "dask.json") == summary_of(tmp_path / "local.json")
    assert error_lines(remote) == error_lines(local)
    failed = " ".join(error_lines(local))
    assert all(bad in failed for bad in ("broken.txt.gz", "empty.txt", "dump.jsonl:3"))


def test_killed_worker_leaves_the_same_complete_output(
    tmp_path: Path, client: distributed.Client
) -> None:
    from sahelclean.batch.writers import Format
    from sahelclean.dask import clean_files

    inputs = make_inputs(tmp_path / "in")
    local = cli("-f", "jsonl", "-j", "1", "-o", str(tmp_path / "local"), *inputs)
    marker = tmp_path / "killed"
    client.run(_arm_killer, str(marker))
    try:
        summary = clean_files(inputs, tmp_path / "dask", client=client, fmt=Format.JSONL)
    finally:
        client.run(_disarm_killer)
    assert marker.exists(), "no worker was killed"
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    assert not list((tmp_path / "dask").rglob("*.sahelclean-tmp"))
    assert summary.exit_code == local.exit_code == 1
    assert summary.processed + summary.failed == 25


def _arm_killer(marker: str) -> None:
    """In a worker: exit the process in the middle of a JSONL/WARC output, once in all."""
    from sahelclean.batch import partition

    real = partition.write_outcome

    def write_then_die(sink, gate, item, outcome):  # type: ignore[no-untyped-def]
        written = real(sink, gate, item, outcome)
        if sink.container is not None and sink.container.count == 2:
            try:
                os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                return written
            os._exit(1)  # a lost worker: its temporary file stays behind
        return written

    partition._real_write = real  # type: ignore[attr-defined]
    partition.write_outcome = write_then_die


def _disarm_killer() -> None:
    from sahelclean.batch import partition

    partition.write_outcome = getattr(partition, "_real_write", partition.write_outcome)


def test_clean_bag_gives_what_clean_all_gives() -> None:
    from sahelclean.dask import clean_bag

    pages = [RawPage(p.read_bytes(), source=p.parent.name) for p in (*HTML[:2], *TEXT[:3])]
    elements: list[RawPage | str | bytes] = [*pages, TEXT[3].read_text(), b""]
    bag = dask_bag.from_sequence(elements, npartitions=3)
    results = clean_bag(bag, Options(language=None)).compute(scheduler="sync")
    expected = list(clean_all([*pages, RawPage(TEXT[3].read_text()), RawPage(b"")]))
    assert [r.to_dict() for r in results] == [e.to_dict() for e in expected]
    assert isinstance(results[0], Document) and results[0].source == HTML[0].parent.name
    assert isinstance(results[-1], Failure)


def test_scheduler_needs_an_output_directory(tmp_path: Path) -> None:
    result = cli("--scheduler", "local", str(TEXT[0]))
    assert result.exit_code == 2
    assert "-o DIR" in result.stderr


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    import dask

    (tmp_path / "page.txt").write_bytes(TEXT[0].read_bytes())
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = cli("--scheduler", "tcp://127.0.0.1:9", "-o", str(tmp_path / "out"), str(tmp_path))
    assert result.exit_code == 2
    assert "cannot reach a Dask scheduler" in result.stderr
    assert "Traceback" not in result.stderr


def test_stdin_cannot_go_to_a_cluster(tmp_path: Path) -> None:
    result = cli("--scheduler", "local", "-o", str(tmp_path / "out") + "/", "-")
    assert result.exit_code == 2
    assert "stdin" in result.stderr


def test_without_scheduler_dask_is_not_imported(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "sahelclean", "clean", str(TEXT[0])],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    assert "sahelclean.cli" in imported
    assert not {"dask", "distributed", "fsspec", "sahelclean.dask"} & imported
