"""JSON Lines: one page per line, read line by line with a bound on each line's size."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from .model import Item, Origin, SourceOptions
from .names import display
from .streams import READ_ERRORS, describe

_BOM = b"\xef\xbb\xbf"
_SKIP_CHUNK = 1 << 20


def jsonl_items(stream: BinaryIO, origin: Origin, options: SourceOptions) -> Iterator[Item]:
    """One item per non-blank line; a bad line gives a failure and reading goes on."""
    number = 0
    limit = options.max_bytes
    try:
        while line := stream.readline(limit + 1):
            number += 1
            at = f"{origin.source}:{number}"
            if len(line) > limit and not line.endswith(b"\n"):
                _skip_rest_of_line(stream)
                yield origin.too_large("line", limit, record=str(number), source=at)
                continue
            if number == 1:
                line = line.removeprefix(_BOM)
            if line.strip():
                yield _record(line, number, origin, options)
    except READ_ERRORS as exc:
        after = f" after line {number}; the lines before it were read" if number else ""
        yield origin.fail(describe(exc) + after)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    """Read on to the next newline without holding the line in memory."""
    while (chunk := stream.readline(_SKIP_CHUNK)) and not chunk.endswith(b"\n"):
        pass


def _record(line: bytes, number: int, origin: Origin, options: SourceOptions) -> Item:
    """The page of one line, or the failure that says what is wrong with the line."""
    at = f"{origin.source}:{number}"
    try:
        record = json.loads(line.rstrip(b"\r\n"))
    except json.JSONDecodeError as exc:
        return _skipped(
            origin, at, number, f"is not valid JSON ({exc.msg} at column {exc.pos + 1})"
        )
    except UnicodeDecodeError:
        return _skipped(origin, at, number, "is not UTF-8 text")
    if not isinstance(record, dict):
        return _skipped(origin, at, number, f"holds a JSON {_json_type(record)}, not an object")
    name = _record_name(record, options.id_field) or str(number)
    at = f"{origin.source}:{display(name)}"
    fields = options.content_fields
    field = next((f for f in fields if record.get(f) is not None), None)
    if field is None:
        wanted = " or ".join(f'"{f}"' for f in fields)
        hint = "" if options.content_field else " (name it with --content-field)"
        return _skipped(origin, at, name, f"has no {wanted} field{hint}")
    content = record[field]
    if not isinstance(content, str):
        kind = _json_type(content)
        return _skipped(origin, at, name, f'has a JSON {kind} in its "{field}" field, not a string')
    url = record.get(options.url_field or "url")
    return origin.page(content, record=name, source=at, url=url if isinstance(url, str) else None)


def _skipped(origin: Origin, at: str, name: int | str, problem: str) -> Item:
    """The failure of one line, which the walk skips."""
    return origin.fail(f"line {problem}; skipped", record=str(name), source=at)


def _record_name(record: dict[str, Any], id_field: str | None) -> str | None:
    """The record's id as text, when the id field holds a string or a number."""
    if id_field is None:
        return None
    value = record.get(id_field)
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _json_type(value: object) -> str:
    """The JSON name of a decoded value's type."""
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    return "null" if value is None else "number"
