"""bios.py: the patterns of an author's bio and of a company's closing note (fr, en)."""

from __future__ import annotations

import pytest

from sahelclean.classify.bios import bio_pattern, company_pattern


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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sahel Solaire est un leader africain des kits solaires, né à Ouagadougou.", True),
        ("Acme Water is a leading provider of pumps for rural towns.", True),
        ("La saison des pluies est un moment attendu par les cultivateurs.", False),
        ("The river is a lifeline for the towns along its banks.", False),
    ],
)
def test_company_pattern(line: str, expected: bool) -> None:
    assert (company_pattern().match(line) is not None) is expected
