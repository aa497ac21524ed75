"""bench/ceiling.py: stage timing by wrapping, and one tiny run on a fake corpus."""

from __future__ import annotations

import json
import sys
import time
import types
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


def _burn(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_a_stage_inside_another_counts_for_itself_only() -> None:
    module = types.ModuleType("ceiling_probe")
    module.inner = lambda: _burn(0.05)  # type: ignore[attr-defined]

    def outer() -> None:
        _burn(0.01)
        module.inner()  # type: ignore[attr-defined]

    module.outer = outer  # type: ignore[attr-defined]
    sys.modules["ceiling_probe"] = module
    try:
        spent: defaultdict[str, float] = defaultdict(float)
        stages = {"outer": (("ceiling_probe", "outer"),), "inner": (("ceiling_probe", "inner"),)}
        with ceiling.timed(stages, spent):
            module.outer()  # type: ignore[attr-defined]
    finally:
        del sys.modules["ceiling_probe"]
    assert spent["inner"] >= 0.05
    assert 0.01 <= spent["outer"] < 0.04


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
    assert sum(text["stages_s"].values()) <= text["wrapped_clean_s"]
    assert html["own_work_s"] == pytest.approx(
        html["wrapped_clean_s"]
        - sum(html["stages_s"][k] for k in ("decode", "parse", "trafilatura (inside)"))
    )
    assert html["ceiling_ratio"] > 0
