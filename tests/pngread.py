"""A small PNG reader (stdlib zlib) for the screenshot tests: 8-bit RGB/RGBA, no interlace.

Chromium's screenshots are exactly that; pillow would be a 4 MB test dependency for it.
"""

from __future__ import annotations

import struct
import zlib

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {2: 3, 6: 4}  # colour type -> bytes per pixel (truecolour, truecolour + alpha)


def read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of RGB bytes (alpha dropped) of a PNG image."""
    if not data.startswith(_SIGNATURE):
        raise ValueError("not a PNG file")
    pos, header, chunks = 8, b"", []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in _CHANNELS or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour})")
    bpp = _CHANNELS[colour]
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        row = _unfilter(raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous, bpp)
        previous = row
        rows.append(bytes(row) if bpp == 3 else bytes(b for i, b in enumerate(row) if i % 4 != 3))
    return width, height, rows


def _unfilter(kind: int, row: bytearray, up: bytearray, bpp: int) -> bytearray:
    """Undo one row's PNG filter (none, sub, up, average, Paeth)."""
    if kind == 0:
        return row
    if kind == 2:
        return bytearray((a + b) & 0xFF for a, b in zip(row, up, strict=True))
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + up[i]) // 2) & 0xFF
        elif kind == 4:
            corner = up[i - bpp] if i >= bpp else 0
            p = left + up[i] - corner
            pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - corner)
            pred = left if pa <= pb and pa <= pc else (up[i] if pb <= pc else corner)
            row[i] = (row[i] + pred) & 0xFF
        else:
            raise ValueError(f"bad PNG filter {kind}")
    return row
