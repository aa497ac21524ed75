"""The manifest of an incremental run: a content hash per input, and the outputs it gave.

An input whose bytes hash as recorded, and whose outputs all still exist, is skipped, even
when its modification time changed (a re-download of the same page, a `touch`). The file
is JSON, rewritten atomically at the end of each run; a run killed before that simply
redoes the inputs it had not recorded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import OptionsError
from .writers import atomic_write

VERSION = 1
_CHUNK = 1 << 20


@dataclass
class Manifest:
    """Input source -> {"sha256", "outputs"} as of the last run."""

    path: Path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Manifest:
        """Read a manifest, or start an empty one when the file does not exist yet."""
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["inputs"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise OptionsError(
                f"{path}: not a sahelclean manifest ({exc}); delete it to start afresh"
            ) from None
        return cls(path, dict(entries))

    def unchanged(self, source: str, digest: str) -> bool:
        """True when the input hashes as last time and its outputs are all still there."""
        entry = self.entries.get(source)
        if entry is None or entry.get("sha256") != digest:
            return False
        return all(Path(p).exists() for p in entry.get("outputs", []))

    def record(self, source: str, digest: str, outputs: list[Path]) -> None:
        """Remember what an input hashed to and which files it produced."""
        self.entries[source] = {"sha256": digest, "outputs": sorted(str(p) for p in outputs)}

    def save(self) -> None:
        """Write the manifest atomically, sorted, so that two runs give the same bytes."""
        data = {"version": VERSION, "inputs": dict(sorted(self.entries.items()))}
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def sha256_bytes(data: bytes | str) -> str:
    """The hex SHA-256 of a page's content."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def sha256_file(path: Path) -> str:
    """The hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
