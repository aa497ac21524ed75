"""Language files: the widget vocabulary of one language each, built in or the user's.

A language file is named by its ISO 639-1 code (`fr.toml`; `any.toml` for entries of no one
language) and holds `teasers`, a list of inline-teaser lead-ins ("À lire aussi : …"), and
the four vocabulary tables of a site rules file's sections (vocab.files). The built-in
files are in vocab/data; a user adds a language, or words for one, with a file of the same
shape under ~/.config/sahelclean/vocab/ or with `--vocab FILE`. Added files only add: the
built-in entries are read first, and the first (label, language) that lists an entry
keeps it. Files are read on first use, never at import.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import OptionsError
from .files import VOCABULARY_KINDS, Entry, KeyLines, Problem, TableReader, parse_toml

DATA = Path(__file__).resolve().parent / "data"
COMMON_FILE = "common.toml"  # the language-neutral tables (vocab/common.py)
# The order the built-in files are read in: the first that lists a folded entry gives its
# label and, for headings, the language a reason names ("videos" is fr before en,
# "autor" de before es, pt and pl).
LANGUAGES = ("any", "fr", "en", "de", "es", "pt", "it", "pl", "ar", "ha", "bm")
KEYS = frozenset({"teasers", *VOCABULARY_KINDS})
# A language file's name: an ISO 639-1 code (two or three letters), or "any".
_CODE = re.compile(r"^(?:[a-z]{2,3}|any)$")
USER_DIR_NAME = "vocab"


@dataclass(frozen=True, slots=True)
class LanguageVocab:
    """One language file: its entries by kind in file order, and its teaser lead-ins."""

    language: str  # the file's name: an ISO 639-1 code, or "any"
    source: str  # the file, as reasons and `rules list` name it
    headings: tuple[Entry, ...] = ()  # alone on a line, they open a widget zone
    phrases: tuple[Entry, ...] = ()  # a short line holding one is that widget
    buttons: tuple[Entry, ...] = ()  # a short line starting with one is that widget
    labels: tuple[Entry, ...] = ()  # a line made only of one is that widget
    teasers: tuple[str, ...] = ()  # lead-ins of an inline teaser ("À lire aussi : …")


def parse_language(
    text: str, name: str, language: str, *, lines: bool = True
) -> tuple[LanguageVocab | None, list[Problem]]:
    """A language file's entries and the problems found in it (lines=False: no line
    numbers in origins, for the built-in files)."""
    data, problems = parse_toml(text, name)
    if data is None:
        return None, problems
    keys = KeyLines(text) if lines else None
    reader = TableReader(name, (), keys, problems)
    if not _CODE.match(language):
        reader.error(f"the file name must be a language code (fr.toml, ha.toml) or any.toml, "
                     f"not {language!r}")  # fmt: skip
    for key in data:
        if key not in KEYS:
            reader.error(f"unknown key {key!r}; known: {', '.join(sorted(KEYS))}", key)
    kinds = {kind: reader.labelled(data, kind) for kind in VOCABULARY_KINDS}
    teasers = reader.strings(data.get("teasers", []), "teasers")
    return LanguageVocab(language, name, teasers=tuple(teasers), **kinds), problems


def read_language(
    path: Path, name: str | None = None
) -> tuple[LanguageVocab | None, list[Problem]]:
    """Parse one language file; an unreadable file is one problem at line 1."""
    shown = name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(shown, 1, f"cannot read the vocabulary file: {exc}")]
    return parse_language(text, shown, path.stem)


@cache
def builtin_languages() -> tuple[LanguageVocab, ...]:
    """The built-in language files, in LANGUAGES order (read once per process)."""
    found = []
    for code in LANGUAGES:
        path = DATA / f"{code}.toml"
        vocab, problems = parse_language(
            path.read_text(encoding="utf-8"), f"sahelclean/vocab/data/{path.name}", code,
            lines=False,
        )  # fmt: skip
        if problems or vocab is None:  # a defect of the package, not of the user's input
            raise AssertionError("; ".join(map(str, problems)))
        found.append(vocab)
    return tuple(found)


@dataclass(frozen=True, slots=True, eq=False)
class VocabSet:
    """The user's language files of a run (beyond the built-in ones), in load order.

    Part of Options: frozen, picklable, and hashed by a digest of its content, as RuleSet.
    """

    languages: tuple[LanguageVocab, ...] = ()
    files: tuple[str, ...] = ()
    digest: str = ""

    def __hash__(self) -> int:
        return hash(self.digest)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, VocabSet) and other.digest == self.digest

    def to_dict(self) -> dict[str, Any]:
        """The files as plain data, for reports."""
        return {"files": list(self.files)}


def user_dir() -> Path:
    """$XDG_CONFIG_HOME/sahelclean/vocab (default ~/.config/sahelclean/vocab)."""
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(config) / "sahelclean" / USER_DIR_NAME


def vocab_files(extra: Iterable[Path] = (), *, user: bool = True) -> list[Path]:
    """The user's language files of a run, in order: the config folder's (sorted), then
    the `--vocab` ones."""
    folder = user_dir() if user else None
    found = sorted(folder.glob("*.toml")) if folder is not None and folder.is_dir() else []
    return found + list(extra)


def load_vocab(extra: Iterable[Path] = (), *, user: bool = True) -> VocabSet | None:
    """The user's language files, or None when there are none; any problem raises
    OptionsError naming the file and the line."""
    languages: list[LanguageVocab] = []
    names: list[str] = []
    digest = hashlib.sha256()
    for path in vocab_files(extra, user=user):
        vocab, problems = read_language(path)
        if problems or vocab is None:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise OptionsError(f"{problems[0]}{more}")
        languages.append(vocab)
        names.append(str(path))
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    if not languages:
        return None
    return VocabSet(tuple(languages), tuple(names), digest.hexdigest())
