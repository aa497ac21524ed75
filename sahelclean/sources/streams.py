"""Byte streams: decompression, bounded reads, peeking at stdin, and read errors in words."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import re
import zlib
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


def decompressed(raw: BinaryIO, compression: str | None) -> BinaryIO:
    """A buffered stream of the data inside raw, read lazily; raises Unavailable for zstd."""
    if compression is None:
        return raw
    if compression == "gzip":
        return cast(BinaryIO, gzip.GzipFile(fileobj=raw, mode="rb"))
    if compression == "bz2":
        return cast(BinaryIO, bz2.BZ2File(raw, mode="rb"))
    if compression == "xz":
        return cast(BinaryIO, lzma.LZMAFile(raw, mode="rb"))
    return cast(BinaryIO, io.BufferedReader(_ZstdReader(raw)))


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
    if isinstance(exc, EOFError):
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
    while len(head) < SNIFF_BYTES:
        chunk = stream.read(SNIFF_BYTES - len(head))
        if not chunk:
            break
        head += chunk
    return head, cast(BinaryIO, io.BufferedReader(_Chain(head, stream)))


def _compression_magic(head: bytes) -> str | None:
    """The compression whose magic number starts head, or None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return "bz2" if _BZ2_MAGIC.match(head) else None


class _Chain(io.RawIOBase):
    """Bytes already read, then the rest of the stream they came from."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        """Always: this is a reader."""
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        """Fill buffer from the head first, then from the rest."""
        view = memoryview(buffer).cast("B")
        data = self._head[: len(view)] if self._head else self._rest.read(len(view))
        self._head = self._head[len(data) :] if self._head else b""
        view[: len(data)] = data
        return len(data)


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
