"""Every real text dump of the dev corpora goes through without a crash."""

from __future__ import annotations

from pathlib import Path

from sahelclean import Options, clean
from sahelclean.errors import EmptyInputError


def test_every_innertext_dump_is_cleaned_without_a_crash(corpora_dir: Path) -> None:
    dumps = sorted(corpora_dir.glob("*/*/innertext.txt"))
    assert len(dumps) > 600
    cleaned = empty = removed = 0
    for path in dumps:
        try:
            doc = clean(path.read_bytes(), source=str(path), options=Options())
        except EmptyInputError:
            empty += 1  # renders of pages with no usable body are empty files
            continue
        cleaned += 1
        removed += bool(doc.removed)
        kept_and_removed = len(doc.blocks)
        assert kept_and_removed == doc.stats["blocks"]
    assert empty < 10
    assert removed / cleaned > 0.9  # real pages always carry some furniture
