"""The records of the input layer: options, items, the counts of a walk."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..errors import OptionsError
from ..models import Failure, RawPage
from .names import safe_part

STDIN_NAME = "-"
STDIN_SOURCE = "<stdin>"
INPUT_FORMATS = ("auto", "page", "jsonl", "warc")
# Where scrapers put the page in a JSONL record, most specific first.
CONTENT_FIELDS = ("html", "content", "text", "raw", "body")
FAILURE_KIND = "InputError"  # the exception class a library caller would have seen


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """How to read the inputs: name filters, the container format, JSONL fields, size limit."""

    globs: tuple[str, ...] = ()  # fnmatch patterns on names inside directories; () = all
    input_format: str = "auto"  # "auto" (by name; sniffed on stdin) | "page" | "jsonl" | "warc"
    content_field: str | None = None  # JSONL: the page's field; None = first of CONTENT_FIELDS
    id_field: str | None = None  # JSONL: names the record instead of its line number
    url_field: str | None = None  # JSONL: the page's URL; None = "url"
    url: str | None = None  # the URL of whole-page inputs (files, stdin), which carry none
    # A 20 MB page is already absurd: past it, something other than a page was scraped.
    max_bytes: int = 20_000_000

    def __post_init__(self) -> None:
        """Refuse an unknown format or a limit below one byte."""
        if self.input_format not in INPUT_FORMATS:
            raise OptionsError(
                f"unknown input format {self.input_format!r}; use one of {', '.join(INPUT_FORMATS)}"
            )
        if self.max_bytes < 1:
            raise OptionsError(f"max_bytes must be at least 1, not {self.max_bytes}")

    @property
    def content_fields(self) -> tuple[str, ...]:
        """The JSONL fields searched for the page, in order."""
        return (self.content_field,) if self.content_field else CONTENT_FIELDS


@dataclass(frozen=True, slots=True)
class Item:
    """A page to clean, or an input (or one record of it) that could not be read."""

    page: RawPage | None  # None when the input or record could not be read
    failure: Failure | None  # set when page is None: one line naming the input and what to do
    relpath: PurePosixPath  # output path under -o DIR without suffix; a container's for records
    record: str | None = None  # a JSONL/WARC record's own name (id, line number, WARC-Record-ID)
    stat: tuple[int, int] | None = None  # (size, mtime_ns) of the file read; None for stdin
    path: str | None = None  # the file read (a container's for its records); None for stdin
    # A record's place in its file: the stored bytes read when it was made (compressed
    # ones for a .gz), for a progress bar; None for whole pages and streams without tell().
    offset: int | None = None

    @property
    def split_relpath(self) -> PurePosixPath:
        """Where --split puts this record: relpath/<record name, made safe>; relpath if none."""
        if self.record is None:
            return self.relpath
        return self.relpath / safe_part(self.record)


@dataclass(slots=True)
class SourceStats:
    """What a walk read and passed over; pass one to walk() to get the counts."""

    pages: int = 0
    failures: int = 0
    # Records and files skipped on purpose, by reason ("request", "non-2xx", "non-html", ...).
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        """Count one record or file passed over for this reason."""
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    @property
    def total_skipped(self) -> int:
        """How many records and files were passed over."""
        return sum(self.skipped.values())


@dataclass(frozen=True, slots=True)
class Origin:
    """The input being read: its display name, its output relpath and its file stat."""

    source: str
    relpath: PurePosixPath
    stat: tuple[int, int] | None = None
    path: str | None = None  # the file on disk, as given; None for stdin

    def page(
        self,
        content: bytes | str,
        *,
        record: str | None = None,
        source: str | None = None,
        url: str | None = None,
        charset: str | None = None,
    ) -> Item:
        """An item holding one page of this input."""
        raw = RawPage(content, source=source or self.source, url=url, charset=charset)
        return Item(raw, None, self.relpath, record, self.stat, self.path)

    def fail(self, message: str, *, record: str | None = None, source: str | None = None) -> Item:
        """An item saying why this input (or one record of it) could not be read."""
        name = source or self.source
        failure = Failure(name, f"{name}: {message}", FAILURE_KIND)
        return Item(None, failure, self.relpath, record, self.stat, self.path)

    def too_large(self, what: str, limit: int, **where: str) -> Item:
        """The failure for a page over the --max-bytes limit."""
        message = f"{what} is over the {limit:,}-byte limit; raise it with --max-bytes"
        return self.fail(message, **where)
