"""bios.py: the pattern of an author's bio (fr, en)."""

from __future__ import annotations

import pytest

from sahelclean.classify.bios import bio_pattern


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Awa Keita est journaliste au bureau de Gao depuis 2019.", True),
        ("Moussa Diarra is a reporter based in Niamey who covers the Sahel.", True),
        ("Fatou Sy is the Founder & Principal Consultant at a Dakar firm.", True),
        ("Le ministre est arrivé à Gao mardi soir.", False),
        ("The minister is a former journalist, aides said.", False),
    ],
)
def test_bio_pattern(line: str, expected: bool) -> None:
    assert (bio_pattern().match(line) is not None) is expected
