"""Byte streams: decompression, bounded reads, peeking at stdin, and read errors in words."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import re
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO, cast

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# Everything a read of a (compressed) file can raise; zstd errors are turned into OSError.
READ_ERRORS = (OSError, EOFError, lzma.LZMAError, zlib.error)
SNIFF_BYTES = 64 * 1024
_CHUNK = 64 * 1024
_ZSTD_CHUNK = 16 * 1024  # small input chunks bound what one zstd call can expand to
_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)
_BZ2_MAGIC = re.compile(rb"BZh[1-9]1AY&SY")


class Unavailable(Exception):
    """An optional module this input needs is not installed; the message says which extra."""


class CutShort(OSError):
    """Compressed data that ends before its end marker: the file was cut."""


def decompressed(raw: BinaryIO, compression: str | None) -> BinaryIO:
    """A buffered stream of the data inside raw, read lazily; raises Unavailable for zstd."""
    inner: io.BufferedIOBase
    if compression is None:
        return raw
    if compression == "gzip":
        inner = gzip.GzipFile(fileobj=raw, mode="rb")
    elif compression == "bz2":
        inner = bz2.BZ2File(raw, mode="rb")
    elif compression == "xz":
        inner = lzma.LZMAFile(raw, mode="rb")  # noqa: SIM115 - raw's owner closes it
    else:
        inner = io.BufferedReader(_ZstdReader(raw))
    return cast(BinaryIO, _Stream(cast(BinaryIO, inner)))


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """Read up to limit + 1 bytes: enough to tell whether the stream is over the limit."""
    parts: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = stream.read(min(left, _CHUNK * 16))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def describe(exc: BaseException) -> str:
    """A read error in words, with what to do about it."""
    if isinstance(exc, FileNotFoundError):
        return "no such file (check the path)"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied (check the file's mode)"
    if isinstance(exc, EOFError | CutShort):
        return "the compressed data ends early: the file is truncated"
    if isinstance(exc, gzip.BadGzipFile | lzma.LZMAError | zlib.error):
        return f"the compressed data is corrupt ({exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read ({exc.strerror})"
    if isinstance(exc, OSError):  # bz2 and zstd say "corrupt" with a bare OSError
        return f"the compressed data is corrupt ({exc})"
    return f"cannot read ({exc})"


def peek_stdin(stdin: BinaryIO) -> tuple[bytes, BinaryIO]:
    """The first bytes of stdin (decompressed if they are compressed) and the whole stream."""
    head, stream = _peek(stdin)
    compression = _compression_magic(head)
    if compression is None:
        return head, stream
    return _peek(decompressed(stream, compression))


def sniff_kind(head: bytes, content_fields: tuple[str, ...]) -> str:
    """'warc', 'jsonl' (a first line that is an object with a content field) or 'page'."""
    if head.startswith(b"WARC/"):
        return "warc"
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text.startswith(b"{"):
        return "page"
    line, newline, _ = text.partition(b"\n")
    if newline or len(head) < SNIFF_BYTES:
        try:
            record = json.loads(line)
        except ValueError:
            return "page"
        found = isinstance(record, dict) and any(f in record for f in content_fields)
        return "jsonl" if found else "page"
    # A first line longer than the peek (a big page in a record): look for a field name.
    keys = b"|".join(re.escape(json.dumps(f).encode()) for f in content_fields)
    return "jsonl" if re.search(rb"(?:" + keys + rb")\s*:", line) else "page"


def _peek(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    """Read the first SNIFF_BYTES and give back a stream that still starts with them."""
    head = b""
    try:
        while len(head) < SNIFF_BYTES and (chunk := stream.read(SNIFF_BYTES - len(head))):
            head += chunk
    except READ_ERRORS as exc:
        if not head:
            raise
        return head, cast(BinaryIO, _Stream(stream, head, exc))  # the error comes after head
    return head, cast(BinaryIO, _Stream(stream, head))


def _compression_magic(head: bytes) -> str | None:
    """The compression whose magic number starts head, or None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return "bz2" if _BZ2_MAGIC.match(head) else None


class _Stream(io.BufferedIOBase):
    """Bytes already read, then the rest of inner, with short reads so that no data is lost
    when inner fails; EOFError becomes CutShort, as warcio takes EOFError for a clean end."""

    def __init__(self, inner: BinaryIO, head: bytes = b"", error: Exception | None = None) -> None:
        super().__init__()
        self._inner = inner
        self._head = head
        self._error = error  # raised once head is read: inner already failed
        self._read1: Callable[[int], bytes] = getattr(inner, "read1", inner.read)

    def readable(self) -> bool:
        """Always: this is a reader."""
        return True

    def read(self, size: int | None = -1) -> bytes:
        """Up to size bytes (fewer before the end is fine); all of them for size < 0."""
        if size is None or size < 0:
            return b"".join(iter(lambda: self.read(_CHUNK), b""))
        if self._head:
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._guarded(self._read1, size)

    def read1(self, size: int = -1) -> bytes:
        """Up to size bytes with at most one read of inner."""
        return self.read(size if size >= 0 else _CHUNK)

    def readline(self, size: int | None = -1) -> bytes:
        """One line, or its first size bytes."""
        limit = -1 if size is None or size < 0 else size
        if not self._head:
            return self._guarded(self._inner.readline, limit)
        end = self._head.find(b"\n", 0, limit if limit >= 0 else len(self._head))
        if end >= 0 or 0 <= limit <= len(self._head):
            cut = end + 1 if end >= 0 else limit
            line, self._head = self._head[:cut], self._head[cut:]
            return line
        line, self._head = self._head, b""
        return line + self._guarded(self._inner.readline, limit - len(line) if limit >= 0 else -1)

    def _guarded(self, read: Callable[[int], bytes], size: int) -> bytes:
        """Call a read of inner, turning its EOFError into CutShort."""
        if self._error is not None:
            raise self._error
        try:
            return read(size)
        except EOFError as exc:
            raise CutShort(str(exc)) from None


class _ZstdReader(io.RawIOBase):
    """Zstandard frames, one after the other; a cut frame raises EOFError like gzip does."""

    def __init__(self, raw: BinaryIO) -> None:
        try:
            import zstandard
        except ImportError:
            raise Unavailable("install sahelclean[zstd] to read .zst files") from None
        self._zstd = zstandard
        self._raw = raw
        self._decoder = zstandard.ZstdDecompressor().decompressobj()
        self._pending = b""
        self._in_frame = False  # bytes of a frame were fed and its end not seen yet
        self._done = False

    def readable(self) -> bool:
        """Always: this is a reader."""
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        """Fill buffer with decompressed bytes, feeding the decoder as needed."""
        while not self._pending and not self._done:
            self._feed(self._raw.read(_ZSTD_CHUNK))
        view = memoryview(buffer).cast("B")
        data = self._pending[: len(view)]
        self._pending = self._pending[len(data) :]
        view[: len(data)] = data
        return len(data)

    def _feed(self, chunk: bytes) -> None:
        """Decompress one chunk of input, starting a new decoder at each frame end."""
        if not chunk:
            self._done = True
            if self._in_frame:
                raise EOFError("zstd data ended before the end of its frame")
            return
        out: list[bytes] = []
        try:
            while chunk:
                out.append(self._decoder.decompress(chunk))
                self._in_frame = not self._decoder.eof
                chunk = self._decoder.unused_data if self._decoder.eof else b""
                if self._decoder.eof:
                    self._decoder = self._zstd.ZstdDecompressor().decompressobj()
        except self._zstd.ZstdError as exc:
            raise OSError(f"zstd: {exc}") from None
        self._pending = b"".join(out)
