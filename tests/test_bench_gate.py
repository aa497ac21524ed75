"""The quality gate's floor logic, on a tiny fake corpus (no real corpora needed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import gate
import quality
from fakecorpus import write_fake_corpus


@pytest.fixture
def corpora(tmp_path: Path) -> Path:
    """A fake corpora folder: 2 sh pages, 2 te pages (one French)."""
    return write_fake_corpus(tmp_path / "corpora")


def _floors_file(path: Path, floors: dict[str, float], epsilon: float = 0.002) -> Path:
    path.write_text(json.dumps({"epsilon": epsilon, "floors": floors}), encoding="utf-8")
    return path


def _gate(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(gate.main, [str(a) for a in args])
    return result.exit_code, result.output


# ---------------------------------------------------------------- pure logic


def test_check_tolerates_epsilon_below_the_floor() -> None:
    floors = gate.Floors(0.002, {"sh/html": 0.900, "te/html": 0.900})
    checks = {c.key: c for c in gate.check({"sh/html": 0.8981, "te/html": 0.8979}, floors)}
    assert checks["sh/html"].ok  # 0.0019 under: within epsilon
    assert not checks["te/html"].ok  # 0.0021 under: fails
    assert checks["te/html"].status == "BELOW FLOOR"


def test_check_unpinned_passes_and_pinned_unmeasured_fails() -> None:
    floors = gate.Floors(0.002, {"te-fr/html": 0.5})
    checks = {c.key: c for c in gate.check({"sh/html": 0.1}, floors)}
    assert checks["sh/html"].ok and checks["sh/html"].status == "unpinned"
    assert not checks["te-fr/html"].ok and checks["te-fr/html"].status == "NOT MEASURED"


def test_update_only_raises_without_allow_regression() -> None:
    floors = gate.Floors(0.002, {"sh/html": 0.90, "te/html": 0.80})
    figures = {"sh/html": 0.95, "te/html": 0.70, "sh/gettext": 0.6}
    up = gate.update_floors(floors, figures)
    assert up.floors.floors == {"sh/html": 0.95, "te/html": 0.80, "sh/gettext": 0.6}
    assert up.raised == ("sh/html", "sh/gettext")
    assert up.refused == ("te/html",) and up.lowered == ()


def test_update_lowers_with_allow_regression() -> None:
    floors = gate.Floors(0.002, {"sh/html": 0.90, "te/html": 0.80})
    up = gate.update_floors(floors, {"sh/html": 0.90, "te/html": 0.70}, allow_regression=True)
    assert up.floors.floors == {"sh/html": 0.90, "te/html": 0.70}
    assert up.lowered == ("te/html",) and up.raised == () and up.refused == ()


def test_pin_rounds_down_so_the_figure_passes_its_own_floor() -> None:
    assert gate.pin(0.95678) == 0.9567
    assert gate.pin(0.9) == 0.9
    floors = gate.update_floors(gate.Floors(0.0, {}), {"sh/html": 0.95678}).floors
    assert all(c.ok for c in gate.check({"sh/html": 0.95678}, floors))


def test_floors_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    floors = gate.Floors(0.003, {"te/gettext": 0.5, "sh/html": 0.9})
    path.write_text(gate.dump_floors(floors), encoding="utf-8")
    assert gate.load_floors(path) == floors
    assert list(json.loads(path.read_text())["floors"]) == ["sh/html", "te/gettext"]
    assert gate.load_floors(tmp_path / "absent.json") == gate.Floors(0.002, {})


def test_shipped_floors_file_is_valid() -> None:
    floors = gate.load_floors(gate.DEFAULT_FLOORS)
    assert floors.epsilon == 0.002
    assert set(floors.floors) == set(gate.FIGURE_KEYS)


# ---------------------------------------------------------------- CLI on the fake corpus


def test_gate_passes_then_update_pins_current_figures(corpora: Path, tmp_path: Path) -> None:
    floors = _floors_file(tmp_path / "floors.json", dict.fromkeys(gate.FIGURE_KEYS, 0.0))
    code, out = _gate("--corpora", corpora, "--floors", floors, "--system", "c4")
    assert code == 0, out
    assert "quality gate passed" in out
    code, out = _gate("--corpora", corpora, "--floors", floors, "--system", "c4", "--update")
    assert code == 0, out
    pinned = gate.load_floors(floors).floors
    assert set(pinned) == set(gate.FIGURE_KEYS)
    assert any(v > 0 for v in pinned.values())
    assert "te-fr/html" in pinned  # the French page makes its own figure


def test_gate_fails_below_floor_and_update_refuses_to_lower(corpora: Path, tmp_path: Path) -> None:
    floors = _floors_file(tmp_path / "floors.json", {"sh/html": 1.0, "te/html": 0.0})
    # keep-all on HTML keeps the navigation, so sh/html precision is below 1.
    code, out = _gate("--corpora", corpora, "--floors", floors, "--system", "keep-all")
    assert code == 1
    assert "sh/html" in out and "FAILED" in out
    code, out = _gate("--corpora", corpora, "--floors", floors, "--system", "keep-all", "--update")
    assert code == 1
    assert "needs --allow-regression" in out
    assert gate.load_floors(floors).floors["sh/html"] == 1.0
    code, out = _gate(
        "--corpora", corpora, "--floors", floors, "--system", "keep-all",
        "--update", "--allow-regression",
    )  # fmt: skip
    assert code == 0, out
    assert gate.load_floors(floors).floors["sh/html"] < 1.0


def test_allow_regression_needs_update(corpora: Path, tmp_path: Path) -> None:
    floors = _floors_file(tmp_path / "floors.json", {})
    code, _ = _gate("--corpora", corpora, "--floors", floors, "--allow-regression")
    assert code == 2


def test_missing_corpora_outside_ci_explains_and_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    code, out = _gate("--corpora", tmp_path / "nowhere")
    assert code == 0
    assert "article-extraction-benchmark" in out and "tests/eval" in out
    monkeypatch.setenv("CI", "false")
    assert _gate("--corpora", tmp_path / "nowhere")[0] == 0


def test_missing_corpora_in_ci_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    code, out = _gate("--corpora", tmp_path / "nowhere")
    assert code == 1
    assert "missing" in out


# ---------------------------------------------------------------- quality.py on the fake corpus


def test_quality_run_scores_every_figure(corpora: Path) -> None:
    systems, missing = quality.load_systems(["keep-all", "c4"])
    assert missing == {}
    run = quality.run_benchmark(corpora, quality.CORPORA, quality.INPUT_KINDS, systems)
    keep = quality.figures(quality.cells(run), "keep-all")
    assert set(keep) == set(gate.FIGURE_KEYS)
    cells = {(c.system, c.key): c for c in quality.cells(run)}
    assert cells[("keep-all", "sh/innertext")].score.recall == 1.0
    assert cells[("keep-all", "te-fr/html")].score.n == 1
    assert cells[("c4", "te/innertext")].score.f1 > cells[("keep-all", "te/innertext")].score.f1


def test_quality_cli_writes_json(corpora: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.json"
    args = ["--corpora", str(corpora), "--systems", "keep-all,c4", "--json", str(out)]
    result = CliRunner().invoke(quality.main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["corpora"] == str(corpora.resolve())
    assert {"python", "trafilatura", "sahelclean", "lxml"} <= set(data["versions"])
    assert {r["corpus"] for r in data["results"]} == {"sh", "te", "te-fr"}
    assert data["pages"] == {"sh": 2, "te": 2}


def test_quality_counts_errors_and_keeps_going(corpora: Path) -> None:
    def boom(inp: quality.PageInput) -> quality.Extraction:
        raise ValueError("broken page")

    run = quality.run_benchmark(
        corpora, ["sh"], ["html"], [quality.System("boom", boom)]
    )  # fmt: skip
    (cell,) = quality.cells(run)
    assert cell.errors == 2 and cell.error_kinds == {"ValueError": 2}
    assert cell.score.recall == 0.0


def test_wrap_dump_escapes_and_skips_blank_lines() -> None:
    assert (
        quality.wrap_dump("a < b\n\n  c  \n")
        == "<html><body>\n<p>a &lt; b</p>\n<p>c</p>\n</body></html>"
    )


def test_c4_filter() -> None:
    text = "Home\nA real sentence here.\nEnable JavaScript to see this.\nTwo words.\nSo « quoted »"
    assert quality.c4_filter(text) == "A real sentence here.\nSo « quoted »"


def test_justext_stoplist_falls_back_to_english() -> None:
    assert quality.justext_stoplist_name("fr", ["French", "English"]) == "French"
    assert quality.justext_stoplist_name("ja", ["French", "English"]) == "English"
    assert quality.justext_stoplist_name("", ["English"]) == "English"


# ---------------------------------------------------------------- --explain-worst


class _Label(str):
    """A str label with is_article, like sahelclean's Label."""

    is_article: bool

    def __new__(cls, value: str, article: bool) -> _Label:
        obj = super().__new__(cls, value)
        obj.is_article = article
        return obj


def _block(text: str, label: str, article: bool) -> SimpleNamespace:
    """A stand-in for sahelclean's Classified, with what the diff reads."""
    verdict = SimpleNamespace(label=_Label(label, article), reason="r")
    return SimpleNamespace(block=SimpleNamespace(text=text), verdict=verdict)


def test_explain_lines_lists_lost_noise_and_unseen() -> None:
    gold = "The council met on Tuesday to vote.\nThe bridge will cost two million euros."
    page = quality.Page("sh", "d", "u", "en", Path("."), gold, (), ())
    doc = SimpleNamespace(
        text="Subscribe to our daily newsletter today\nThe council met on Tuesday to vote.",
        blocks=(
            _block("Subscribe to our daily newsletter today", "paragraph", True),
            _block("The council met on Tuesday to vote.", "paragraph", True),
            _block("Home", "navigation", False),
        ),
    )
    diff = quality.explain_lines(doc, page)
    assert diff.noise == ("[paragraph] Subscribe to our daily newsletter today",)
    assert diff.lost == ()
    assert diff.unseen == ("The bridge will cost two million euros.",)
    doc2 = SimpleNamespace(
        text="", blocks=(_block("The bridge will cost two million euros.", "related", False),)
    )
    diff2 = quality.explain_lines(doc2, page)
    assert diff2.lost == ("[related: r] The bridge will cost two million euros.",)
    assert diff2.counts == (1, 0, 1)  # the first gold line is in no block


def test_worst_pages_ranks_by_gap(corpora: Path) -> None:
    def perfect(inp: quality.PageInput) -> quality.Extraction:
        return quality.Extraction(inp.page.body or "\n".join(inp.page.with_))

    def empty(inp: quality.PageInput) -> quality.Extraction:
        return quality.Extraction("")

    systems = [quality.System("sahelclean", empty), quality.System("oracle", perfect)]
    run = quality.run_benchmark(corpora, quality.CORPORA, ["html"], systems)
    worst = quality.worst_pages(run, 1)
    assert [(w.corpus, w.ours, w.best, w.best_system) for w in worst] == [
        ("sh", 0.0, 1.0, "oracle"),
        ("te", 0.0, 1.0, "oracle"),
    ]


def test_explain_with_the_real_library(corpora: Path, tmp_path: Path) -> None:
    pytest.importorskip("sahelclean")
    args = ["--corpora", str(corpora), "--systems", "sahelclean,keep-all",
            "--input", "html,innertext", "--json", str(tmp_path / "q.json"),
            "--explain-worst", "1"]  # fmt: skip
    result = CliRunner().invoke(quality.main, args)
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "q.json").read_text(encoding="utf-8"))
    assert {r["system"] for r in data["results"]} == {"sahelclean", "keep-all"}


def test_a_system_that_cannot_be_imported_is_reported_and_skipped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> quality.System:
        raise ImportError("No module named 'sahelclean'")

    monkeypatch.setitem(quality.FACTORIES, "sahelclean", broken)
    systems, missing = quality.load_systems(["sahelclean", "c4"])
    assert [s.name for s in systems] == ["c4"]
    assert missing == {"sahelclean": "ImportError: No module named 'sahelclean'"}


def test_gate_names_the_errors_and_where(corpora: Path, tmp_path: Path) -> None:
    """An empty dump raises EmptyInputError: the gate says which error and in which figure."""
    (corpora / "te" / "te-de" / "innertext.txt").write_text("", encoding="utf-8")
    floors = _floors_file(tmp_path / "floors.json", dict.fromkeys(gate.FIGURE_KEYS, 0.0))
    code, out = _gate("--corpora", corpora, "--floors", floors)
    assert code == 0, out
    assert "sahelclean: 1 page(s) of te/innertext raised EmptyInputError (scored as empty)" in out
