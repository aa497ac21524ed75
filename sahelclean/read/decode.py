"""Bytes to text: BOM, declared charset when the bytes agree, UTF-8, then detection."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from ..errors import EmptyInputError, InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.IGNORECASE
)
# Where to look for a <meta charset>: browsers stop at 1024 bytes; we allow more for long heads.
META_SCAN_BYTES = 4096
# Share of control characters above which the input is binary, not a page.
MAX_CONTROL_SHARE = 0.05
# A page with this many valid multi-byte UTF-8 sequences per invalid byte is UTF-8.
UTF8_MIN_RATIO = 2  # cp1252 text almost never forms a valid multi-byte sequence
UTF8_SAMPLE_BYTES = 1_000_000
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# French text has about 4 % accented letters, a short line up to a third; Cyrillic or
# Greek read as cp1252 show nothing but accented letters.
WESTERN_MAX_ACCENTED = 0.4
# Punctuation a cp1252 page uses: quotes, dashes, ellipsis, euro, degree, nbsp.
_WESTERN_MARKS = frozenset("«»“”‘’–—…€°\xa0·•©®%")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and how the charset was chosen."""

    text: str
    charset: str
    how: str  # "bom", "declared", "utf-8", "detected", "fallback", "str"


def decode(raw: bytes | str, declared: str | None = None, source: str | None = None) -> Decoded:
    """Decode a page to text, never guessing silently: `how` says what decided."""
    if isinstance(raw, str):
        return Decoded(_tidy(raw, source), "utf-8", "str")
    if not raw.strip():
        raise EmptyInputError("the input is empty; nothing to clean", source)
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return Decoded(
                _tidy(raw[len(bom) :].decode(name, errors="replace"), source), name, "bom"
            )
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return Decoded(_tidy(raw.decode(utf16, errors="replace"), source), utf16, "detected")
    # Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page declares: a legacy
    # declaration left on a re-encoded page is common, the reverse by chance is rare.
    text = _try(raw, "utf-8")
    if text is not None:
        return Decoded(_tidy(text, source), "utf-8", "utf-8")
    for name in _declared(raw, declared):
        text = _try(raw, name)
        if text is not None:
            return Decoded(_tidy(text, source), name, "declared")
    if _mostly_utf8(raw):
        # UTF-8 with a few stray bytes (a pasted legacy snippet): reading the whole page as
        # cp1252 would turn every "ü" of it into "Ã¼".
        text = raw.decode("utf-8", errors="replace")
        return Decoded(_tidy(text, source), "utf-8", "utf-8 (with invalid bytes replaced)")
    western = _western(raw)
    if western is not None:
        return Decoded(_tidy(western, source), "cp1252", "detected")
    guessed = _detect(raw)
    if guessed is not None:
        return Decoded(_tidy(raw.decode(guessed, errors="replace"), source), guessed, "detected")
    # cp1252 maps every byte: the last resort for legacy Western pages.
    return Decoded(_tidy(raw.decode("cp1252", errors="replace"), source), "cp1252", "fallback")


def _utf16_without_bom(raw: bytes) -> str | None:
    """Spot UTF-16 text without a BOM by its NUL bytes on every other position."""
    sample = raw[:4096]
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd > 0.4 * len(sample) / 2 and even < odd / 8:
        return "utf-16-le"
    if even > 0.4 * len(sample) / 2 and odd < even / 8:
        return "utf-16-be"
    return None


def _declared(raw: bytes, declared: str | None) -> list[str]:
    """Charsets declared by the transport, then by a <meta> tag, that Python knows."""
    names = [declared] if declared else []
    match = _META_CHARSET.search(raw[:META_SCAN_BYTES])
    if match:
        names.append(match.group(1).decode("ascii", errors="replace"))
    known = []
    for name in names:
        try:
            known.append(codecs.lookup(name.strip().lower()).name)
        except LookupError:
            continue
    return known


def _try(raw: bytes, name: str) -> str | None:
    """Decode strictly, or None when the bytes disagree with the charset."""
    if name in ("latin-1", "iso8859-1", "ascii"):
        # Latin-1 decodes any byte; pages that declare it are cp1252 in practice (WHATWG).
        name = "cp1252"
    try:
        return raw.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(raw: bytes) -> bool:
    """True when valid UTF-8 sequences far outnumber the bytes that are not UTF-8."""
    sample = raw[:UTF8_SAMPLE_BYTES]
    valid = len(_UTF8_MULTIBYTE.findall(sample))
    invalid = sample.decode("utf-8", errors="replace").count("\ufffd")
    return valid >= UTF8_MIN_RATIO * max(invalid, 1) and valid > 0


def _western(raw: bytes) -> str | None:
    """Legacy Western European text (cp1252, latin-1): mostly ASCII letters, a few accents.

    charset-normalizer needs a few hundred bytes to tell cp1252 from cp1250 and guesses
    wrong on a short French page ("élève" -> "élčve"). Text whose letters are mostly
    ASCII with some accented Latin letters is cp1252; Cyrillic or Greek in their own
    single-byte charsets decode to nothing but accented letters and fail the test.
    """
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = sum(1 for c in text if c.isalpha())
    high = sum(1 for c in text if c.isalpha() and not c.isascii())
    odd = sum(1 for c in text if not c.isascii() and not c.isalpha() and c not in _WESTERN_MARKS)
    if not letters or high > WESTERN_MAX_ACCENTED * letters or odd > high:
        return None
    return text


def _detect(raw: bytes) -> str | None:
    """Ask charset-normalizer for the most likely charset, or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    return None if best is None else str(best.encoding)


def _tidy(text: str, source: str | None) -> str:
    """Normalise line ends, drop NUL bytes, refuse binary data."""
    if not text.strip():
        raise EmptyInputError("the input is empty; nothing to clean", source)
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise InputError("this looks like binary data, not a page (check the file type)", source)
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _SURROGATE.search(text):  # a cut emoji escaped in JSON: not writable as UTF-8
        text = text.encode("utf-8", "replace").decode("utf-8")
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        # One form for "é": pages from macOS tools come decomposed (e + U+0301).
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:  # (each replace copies the page: only when needed)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
