"""WARC archives: HTML and text responses (and resource records) as pages, read with warcio.

Why warcio and not FastWARC. Measured with warcio 1.8.1 and FastWARC 2.0.1 (both install
from wheels here) on this project's 2-core machine, Python 3.11, over a synthetic WARC.gz of
2,000 HTML responses and 2,000 requests (6.2 MB, gzipped record by record; 30.7 MB of bodies
once decoded; 10% gzip-encoded, 10% chunked), reading and decoding every response body:
- FastWARC: 0.04-0.05 s, ~45,000 responses/s, ~140 MB/s of .warc.gz (~700 MB/s of bodies);
  0.11 s (18,000 responses/s) through our stdlib gzip stream.
- warcio: 0.19-0.21 s, ~10,000 responses/s, ~30 MB/s of .warc.gz (~150 MB/s of bodies);
  0.25 s (8,000 responses/s) through our stdlib gzip stream.
Through walk() with warcio (records checked for truncation, bodies copied into RawPage):
~6,200 pages/s from the .warc.gz, ~11,000 pages/s from the same WARC uncompressed.
Cleaning a page costs ~10 ms (95 pages/s on these pages), so warcio's 0.1 ms per record is
~1% of a run: the speed gap does not matter here, but these do:
- Truncation. Neither library reports a file cut mid-record: both yield the last record with
  a short body and stop quietly. warcio's record keeps the count of raw bytes still owed
  (raw_stream.limit), so a cut is seen exactly, even inside gzip or chunked bodies. FastWARC's
  auto-decoding hides it: a gzip-encoded body cut short came back as 5,083 of 13,762 bytes with
  no error, and the decoded length cannot be checked against Content-Length. (A cut chunked
  body does raise OSError in FastWARC; a cut WARC header gives a record without headers in
  FastWARC and an AttributeError in warcio.) Both pass our own stream's errors through
  (EOFError from a cut .gz), which is how truncated compressed files are caught.
- Decoding: both undo chunked transfer and gzip/deflate Content-Encoding (br with brotli).
- Footprint: warcio is pure Python (one dependency, six); FastWARC is a C++ extension that
  needs a wheel for the platform, and pulls brotli, tqdm and click.
Against warcio: no type hints, and it writes a warning to stderr itself on a record whose
Content-Length is wrong or whose gzip body is corrupt (that body then ends early).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from .model import Item, Origin, SourceOptions, SourceStats
from .names import display
from .streams import READ_ERRORS, CutShort, describe, read_limited

# The content types worth cleaning, by record type.
_PAGE_TYPES = {
    "response": frozenset({"text/html", "application/xhtml+xml", "text/plain"}),
    "resource": frozenset({"text/html", "text/plain"}),
}
_CHUNK = 1 << 20


class _Truncated(Exception):
    """A record's block ends before its Content-Length."""


def warc_items(
    stream: BinaryIO, origin: Origin, options: SourceOptions, stats: SourceStats
) -> Iterator[Item]:
    """The HTML and text records of a WARC file; a cut file ends with one failure."""
    try:
        from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
    except ImportError:
        yield origin.fail("install sahelclean[warc] to read WARC files")
        return
    records = iter(ArchiveIterator(stream))
    done = 0
    while True:
        try:
            record = next(records, None)
            if record is None:
                return
            _check_header(record)
            item = _item(record, done + 1, origin, options, stats)
            _drain(record)
        except Exception as exc:  # warcio fails on a cut header with AttributeError and the like
            yield _broken(origin, done, exc)
            return
        done += 1
        if item is not None:
            yield item


def _item(
    record: Any, ordinal: int, origin: Origin, options: SourceOptions, stats: SourceStats
) -> Item | None:
    """The page of a record, a failure for it, or None (counted) when it is not a page."""
    kind = str(record.rec_type)
    if kind == "response":
        http = record.http_headers
        if http is None or not str(http.get_statuscode()).startswith("2"):
            stats.skip("non-2xx" if http is not None else "non-http")
            return None
        content_type = http.get_header("Content-Type")
    elif kind == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        stats.skip(kind)
        return None
    mime, charset = _content_type(content_type)
    if mime not in _PAGE_TYPES[kind]:
        stats.skip("non-html")
        return None
    name = _record_id(record) or str(ordinal)
    at = f"{origin.source}#{display(name)}"
    encoding = _undecodable_encoding(record)
    if encoding:
        hint = " (pip install brotli)" if encoding == "br" else ""
        message = f"record body has Content-Encoding {encoding}, which cannot be decoded{hint}"
        return origin.fail(f"{message}; skipped", record=name, source=at)
    body = read_limited(record.content_stream(), options.max_bytes)
    if len(body) > options.max_bytes:
        return origin.too_large("record", options.max_bytes, record=name, source=at)
    url = record.rec_headers.get_header("WARC-Target-URI")
    return origin.page(body, record=name, source=at, url=_str(url), charset=charset)


def _check_header(record: Any) -> None:
    """Raise _Truncated for a header without Content-Length: the file ends inside it."""
    if record.rec_headers.get_header("Content-Length") is None:
        raise _Truncated("the next record's header is cut before its Content-Length")


def _drain(record: Any) -> None:
    """Read what is left of the record's block; raise _Truncated if the file ends first."""
    raw = record.raw_stream
    while isinstance(getattr(raw, "limit", None), int) and raw.limit > 0:
        if not raw.read(min(raw.limit, _CHUNK)):
            name = _record_id(record) or "the last record"
            raise _Truncated(f"{name} lacks its last {raw.limit:,} bytes")


def _broken(origin: Origin, done: int, exc: Exception) -> Item:
    """The failure that ends the reading of a cut or damaged WARC file."""
    if isinstance(exc, READ_ERRORS):
        cause = describe(exc)
    else:
        cause = " ".join(str(exc).split())[:200] or type(exc).__name__
    if done == 0 and not isinstance(exc, (*READ_ERRORS, _Truncated)):
        return origin.fail(f"is not a readable WARC file ({cause})")
    truncated = isinstance(exc, _Truncated | EOFError | CutShort)
    what = "truncated" if truncated else f"damaged ({type(exc).__name__})"
    return origin.fail(
        f"WARC file is {what} after record {done} ({cause}); the records before it were read"
    )


def _undecodable_encoding(record: Any) -> str | None:
    """The HTTP Content-Encoding warcio would leave undone (br without brotli, zstd...)."""
    from warcio.bufferedreaders import BufferedReader  # type: ignore[import-untyped]

    http = record.http_headers
    value = _str(http.get_header("Content-Encoding")) if http is not None else None
    encoding = (value or "").strip().lower()
    if not encoding or encoding == "identity":
        return None
    return None if encoding in BufferedReader.get_supported_decompressors() else encoding


def _content_type(value: object) -> tuple[str | None, str | None]:
    """The media type (lowercase) and the charset parameter of a Content-Type header."""
    if not isinstance(value, str) or not value.strip():
        return None, None
    mime, *params = value.split(";")
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return mime.strip().lower(), charset


def _record_id(record: Any) -> str | None:
    """The WARC-Record-ID without its angle brackets."""
    value = _str(record.rec_headers.get_header("WARC-Record-ID"))
    return value.strip().strip("<>") or None if value else None


def _str(value: object) -> str | None:
    """The value if it is a string, else None (warcio is untyped)."""
    return value if isinstance(value, str) else None
