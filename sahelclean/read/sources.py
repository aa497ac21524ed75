"""Inputs to a stream of raw pages: files, directories, stdin, JSONL, WARC, compressed files.

walk() yields one Item per page (or per input or record that could not be read), in the
order of the inputs, streaming: a container is read record by record, never whole.
"""

from __future__ import annotations

from .model import CONTENT_FIELDS, INPUT_FORMATS, STDIN_NAME, Item, SourceOptions, SourceStats
from .walker import walk

__all__ = [
    "CONTENT_FIELDS",
    "INPUT_FORMATS",
    "STDIN_NAME",
    "Item",
    "SourceOptions",
    "SourceStats",
    "walk",
]
