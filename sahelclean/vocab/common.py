"""The language-neutral vocabulary tables (vocab/data/common.toml): post links, bylines,
datelines, badges, relative times, comment threads, dangling words, caption and end-note
regexes, bios, press-release notes and the HTML containers of widgets.

Entries of several languages stand side by side there, and order inside every list is kept
(regex alternations and first-match rules depend on it). Read on first use, never at import;
a file that does not fit raises VocabError naming the key (a defect of the package). The
regexes are compiled once, by text/lexicon.py, which a bad one fails.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from ..models import WIDGET_LABELS, Label
from .languages import COMMON_FILE, DATA

_WIDGET_NAMES = tuple(label.value for label in Label if label in WIDGET_LABELS)


class VocabError(ValueError):
    """The built-in common.toml does not fit its format."""


@dataclass(frozen=True, slots=True)
class CommonVocab:
    """common.toml: the language-neutral tables, in file order."""

    post_links: tuple[str, ...]
    bylines: tuple[str, ...]
    datelines: tuple[str, ...]
    badges: tuple[str, ...]
    relative_times: tuple[str, ...]  # regexes
    relative_time_tail: str  # regex
    thread_count_words: tuple[str, ...]
    thread_nouns: tuple[str, ...]
    thread_links: tuple[str, ...]
    comment_author_endings: tuple[str, ...]
    dangling_words: frozenset[str]
    captions: tuple[str, ...]  # regexes
    end_notes: Mapping[Label, tuple[str, ...]]  # regexes, by label
    bio_nouns: tuple[str, ...]
    container_tokens: Mapping[Label, tuple[str, ...]]
    container_roles: Mapping[str, Label]  # ARIA role -> label
    container_tags: Mapping[str, Label]  # HTML element -> label


class _File:
    """One TOML file being read: its path names every problem."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with path.open("rb") as f:
                self.data = tomllib.load(f)
        except OSError as e:
            raise VocabError(f"{path}: cannot read: {e.strerror or e}") from e
        except tomllib.TOMLDecodeError as e:
            raise VocabError(f"{path}: not valid TOML: {e}") from e

    def error(self, key: str, problem: str) -> VocabError:
        return VocabError(f"{self.path}: {key}: {problem}")

    def table(
        self, key: str, value: object, allowed: frozenset[str] | None = None
    ) -> dict[str, object]:
        """A table, whose keys are all among `allowed` when given."""
        if not isinstance(value, dict):
            raise self.error(key, f"expected a table, got {_kind(value)}")
        for name in value:
            if allowed is not None and name not in allowed:
                expected = ", ".join(sorted(allowed))
                raise self.error(_join(key, name), f"unknown key (expected one of: {expected})")
        return value

    def pick(self, key: str, table: dict[str, object], name: str) -> object:
        """A key the table must have."""
        if name not in table:
            raise self.error(_join(key, name), "missing")
        return table[name]

    def string(self, key: str, value: object) -> str:
        if not isinstance(value, str):
            raise self.error(key, f"expected a string, got {_kind(value)}")
        if not value:
            raise self.error(key, "empty string (it would match every line)")
        return value

    def strings(self, key: str, value: object) -> tuple[str, ...]:
        """A list of non-empty strings."""
        if not isinstance(value, list):
            raise self.error(key, f"expected a list of strings, got {_kind(value)}")
        return tuple(self.string(f"{key}[{i}]", item) for i, item in enumerate(value))

    def label(self, key: str, name: str) -> Label:
        """A widget label by its name (the labels of a site rules file)."""
        if name not in _WIDGET_NAMES:
            raise self.error(key, f"unknown label {name!r} (labels: {', '.join(_WIDGET_NAMES)})")
        return Label(name)

    def by_label(self, key: str, value: object) -> dict[Label, object]:
        """A table keyed by label names."""
        table = self.table(key, value)
        return {self.label(_join(key, name), name): item for name, item in table.items()}


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def _kind(value: object) -> str:
    """What a TOML value is, for an error message."""
    return {dict: "a table", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), type(value).__name__
    )


_COMMON_KEYS = frozenset(
    {
        "post_links",
        "bylines",
        "datelines",
        "badges",
        "relative_times",
        "relative_time_tail",
        "thread",
        "comment_author_endings",
        "dangling_words",
        "captions",
        "end_notes",
        "bio_nouns",
        "containers",
    }
)


def load_common(path: Path) -> CommonVocab:
    """Read common.toml (no cache: see `common`)."""
    f = _File(path)
    top = f.table("", f.data, _COMMON_KEYS)

    def get(name: str) -> object:
        return f.pick("", top, name)

    def sub(name: str, keys: tuple[str, ...]) -> dict[str, object]:
        table = f.table(name, get(name), frozenset(keys))
        return {key: f.pick(name, table, key) for key in keys}

    thread = sub("thread", ("count_words", "nouns", "links"))
    containers = sub("containers", ("tokens", "roles", "tags"))
    tokens = f.by_label("containers.tokens", containers["tokens"])

    def to_label(name: str) -> Mapping[str, Label]:
        key = f"containers.{name}"
        table = f.table(key, containers[name])
        return MappingProxyType(
            {k: f.label(_join(key, k), f.string(_join(key, k), v)) for k, v in table.items()}
        )

    dangling = f.strings("dangling_words", get("dangling_words"))
    return CommonVocab(
        post_links=f.strings("post_links", get("post_links")),
        bylines=f.strings("bylines", get("bylines")),
        datelines=f.strings("datelines", get("datelines")),
        badges=f.strings("badges", get("badges")),
        relative_times=f.strings("relative_times", get("relative_times")),
        relative_time_tail=f.string("relative_time_tail", get("relative_time_tail")),
        thread_count_words=f.strings("thread.count_words", thread["count_words"]),
        thread_nouns=f.strings("thread.nouns", thread["nouns"]),
        thread_links=f.strings("thread.links", thread["links"]),
        comment_author_endings=f.strings("comment_author_endings", get("comment_author_endings")),
        dangling_words=frozenset(dangling),
        captions=f.strings("captions", get("captions")),
        end_notes=MappingProxyType(
            {
                label: f.strings(f"end_notes.{label.value}", patterns)
                for label, patterns in f.by_label("end_notes", get("end_notes")).items()
            }
        ),
        bio_nouns=f.strings("bio_nouns", get("bio_nouns")),
        container_tokens=MappingProxyType(
            {
                label: f.strings(f"containers.tokens.{label.value}", items)
                for label, items in tokens.items()
            }
        ),
        container_roles=to_label("roles"),
        container_tags=to_label("tags"),
    )


@cache
def common() -> CommonVocab:
    """The built-in common.toml (read once per process, on first use)."""
    return load_common(DATA / COMMON_FILE)
