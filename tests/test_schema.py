"""The JSON output validates against the shipped JSON Schema, for every fixture."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from sahelclean import clean

from .conftest import FIXTURES, ROOT

SCHEMA = json.loads((ROOT / "sahelclean" / "schema" / "document.schema.json").read_text())
CASES = sorted(p for p in (FIXTURES / "text").iterdir() if (p / "input.txt").exists())


def test_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_output_matches_schema(case: Path) -> None:
    doc = clean((case / "input.txt").read_bytes(), source=str(case)).to_dict()
    jsonschema.validate(doc, SCHEMA)


def test_schema_rejects_a_wrong_document() -> None:
    doc = clean((CASES[0] / "input.txt").read_bytes()).to_dict()
    doc["removed"].append(
        {"kind": "not-a-kind", "heading": None, "text": "", "reason": "", "lines": [1, 1]}
    )
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)
