"""bench/ceiling.py: stage timing by wrapping, and one tiny run on a fake corpus."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import ceiling
from fakecorpus import write_fake_corpus

import sahelclean.pipeline


def test_timed_wraps_the_stage_and_puts_it_back() -> None:
    original = sahelclean.pipeline.segment_text
    spent: defaultdict[str, float] = defaultdict(float)
    with ceiling.timed({"segment": (("sahelclean.pipeline", "segment_text"),)}, spent):
        assert sahelclean.pipeline.segment_text is not original
        for _ in range(200):
            sahelclean.pipeline.clean("Une ligne.\n\nUne autre ligne de texte.\n")
    assert sahelclean.pipeline.segment_text is original
    assert set(spent) == {"segment"}
    assert spent["segment"] > 0


def test_a_run_writes_the_figures(tmp_path: Path) -> None:
    corpora = write_fake_corpus(tmp_path / "corpora")
    out = tmp_path / "ceiling.json"
    args = ["--corpora", str(corpora), "--repeat", "1", "--json", str(out)]
    result = CliRunner().invoke(ceiling.main, args)
    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text(encoding="utf-8"))
    text, html = figures["text"], figures["html"]
    assert text["pages"] == 4 and html["pages"] == 4
    assert set(text["stages_s"]) == set(ceiling.TEXT_STAGES)
    assert text["stages_s"]["first pass"] <= text["stages_s"]["classify (all)"]
    assert html["own_work_s"] == pytest.approx(
        html["wrapped_clean_s"]
        - sum(html["stages_s"][k] for k in ("decode", "parse", "trafilatura (inside)"))
    )
    assert html["ceiling_ratio"] > 0
