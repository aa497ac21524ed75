"""The quality gate's floor logic, on a tiny fake corpus (no real corpora needed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import gate
import quality
from fakecorpus import write_fake_corpus
from metrics import Catastrophe, Structure

# The F1 figures only (no structure): what a system without title, lead and intertitles gives.
F1_KEYS = quality.figure_keys(quality.CORPORA, quality.INPUT_KINDS, ())


@pytest.fixture
def corpora(tmp_path: Path) -> Path:
    """A fake corpora folder: 2 pages each in sh, te (one French) and fu (two sites)."""
    return write_fake_corpus(tmp_path / "corpora")


def _floors_file(path: Path, floors: dict[str, float], epsilon: float = 0.002) -> Path:
    path.write_text(json.dumps({"epsilon": epsilon, "floors": floors}), encoding="utf-8")
    return path


def _gate(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(gate.main, [str(a) for a in args])
    return result.exit_code, result.output


def _quality(corpora: Path, tmp_path: Path, *args: str) -> tuple[str, dict[str, Any]]:
    """Run quality.py's CLI on the fake corpus: its output, and the JSON it wrote."""
    out = tmp_path / "q.json"
    result = CliRunner().invoke(
        quality.main, ["--corpora", str(corpora), "--json", str(out), *args]
    )
    assert result.exit_code == 0, result.output
    return result.output, json.loads(out.read_text(encoding="utf-8"))


def _gold_text(page: quality.Page) -> str:
    """A perfect answer: the gold body, or the `with` snippets."""
    return page.body or "\n".join(page.with_)


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


def test_gated_figures_are_f1_and_fu_structure_but_not_the_declared_title() -> None:
    keys = gate.FIGURE_KEYS
    assert {"sh/html", "te-fr/gettext", "fu/innertext", "fu/html/title"} <= set(keys)
    assert {f"fu/{k}/{n}" for k in quality.INPUT_KINDS for n in ("title", "lead", "headings")} <= (
        set(keys)
    )
    assert not any(k.endswith("meta-title") for k in keys)
    assert keys[:5] == ("sh/html", "te/html", "te-fr/html", "fu/html", "fu/html/title")


# ---------------------------------------------------------------- CLI on the fake corpus


def test_gate_passes_then_update_pins_current_figures(corpora: Path, tmp_path: Path) -> None:
    floors = _floors_file(tmp_path / "floors.json", dict.fromkeys(F1_KEYS, 0.0))
    code, out = _gate("--corpora", corpora, "--floors", floors, "--system", "c4")
    assert code == 0, out
    assert "quality gate passed" in out
    code, out = _gate("--corpora", corpora, "--floors", floors, "--system", "c4", "--update")
    assert code == 0, out
    pinned = gate.load_floors(floors).floors
    assert set(pinned) == set(F1_KEYS)
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
    keep = quality.figures(run, "keep-all")
    assert set(keep) == set(F1_KEYS)
    cells = {(c.system, c.key): c for c in quality.cells(run)}
    assert cells[("keep-all", "sh/innertext")].score.recall == 1.0
    assert cells[("keep-all", "te-fr/html")].score.n == 1
    assert cells[("c4", "te/innertext")].score.f1 > cells[("keep-all", "te/innertext")].score.f1


def test_quality_cli_writes_json(corpora: Path, tmp_path: Path) -> None:
    _, data = _quality(corpora, tmp_path, "--systems", "keep-all,c4")
    assert data["corpora"] == str(corpora.resolve())
    assert {"python", "trafilatura", "sahelclean", "lxml"} <= set(data["versions"])
    assert {r["corpus"] for r in data["results"]} == {"sh", "te", "te-fr", "fu"}
    assert data["pages"] == {"sh": 2, "te": 2, "fu": 2}
    assert data["structure"]["figures"] == []  # neither system gives a title
    assert data["catastrophes"]["by_figure"] == {} and data["folds"] is None


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
        return quality.Extraction(_gold_text(inp.page))

    def empty(inp: quality.PageInput) -> quality.Extraction:
        return quality.Extraction("")

    systems = [quality.System("sahelclean", empty), quality.System("oracle", perfect)]
    run = quality.run_benchmark(corpora, quality.CORPORA, ["html"], systems)
    worst = quality.worst_pages(run, 1)
    assert [(w.corpus, w.ours, w.best, w.best_system) for w in worst] == [
        ("sh", 0.0, 1.0, "oracle"),
        ("te", 0.0, 1.0, "oracle"),
        ("fu", 0.0, 1.0, "oracle"),
    ]


def test_explain_with_the_real_library(corpora: Path, tmp_path: Path) -> None:
    pytest.importorskip("sahelclean")
    args = ("--systems", "sahelclean,keep-all", "--input", "html,innertext", "--explain-worst", "1")
    _, data = _quality(corpora, tmp_path, *args)
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
    assert "fu/gettext/headings" in out  # sahelclean's structure is measured and gated


# ---------------------------------------------------------------- title rule, structure, folds


def _titled(name: str = "titled", title: str | None = None) -> quality.System:
    """A structured system: the page's title (or `title`) as first line, then the perfect answer."""

    def run(inp: quality.PageInput) -> quality.Extraction:
        head = title or inp.page.gold_structure.title or ""
        return quality.Extraction(f"{head}\n\n{_gold_text(inp.page)}", structure=Structure(head))

    return quality.System(name, run, structured=True)


def test_body_f1_leaves_the_title_line_out_and_snippet_f1_does_not(corpora: Path) -> None:
    def untitled(inp: quality.PageInput) -> quality.Extraction:  # same text, no title declared
        return quality.Extraction(f"{inp.page.gold_structure.title}\n\n{_gold_text(inp.page)}")

    systems = [
        _titled(),
        quality.System("untitled", untitled),
        _titled("widget", "Related stories"),
    ]
    run = quality.run_benchmark(corpora, quality.CORPORA, ["html"], systems)
    titled, untitled_figures = quality.figures(run, "titled"), quality.figures(run, "untitled")
    assert titled["sh/html"] == titled["fu/html"] == 1.0
    assert untitled_figures["sh/html"] < 1.0 and untitled_figures["fu/html"] < 1.0
    # te scores the whole text: a title line that is a `without` snippet is still found.
    cells = {(c.system, c.key): c for c in quality.cells(run)}
    assert cells[("widget", "te/html")].score.precision < 1.0
    assert cells[("titled", "te/html")].score.f1 == 1.0


def test_structure_is_measured_for_structured_systems_on_fu(corpora: Path) -> None:
    def half(inp: quality.PageInput) -> quality.Extraction:
        """fu1's gold structure and declared title; nothing on fu2."""
        if inp.page.doc_id != "fu1":
            return quality.Extraction("")
        gold = inp.page.gold_structure
        return quality.Extraction("", structure=gold, meta_title=gold.title)

    def broken(inp: quality.PageInput) -> quality.Extraction:
        raise ValueError("no document")

    systems = [
        quality.System("half", half, structured=True),
        quality.System("broken", broken, structured=True),
        quality.System("flat", half),
    ]
    run = quality.run_benchmark(corpora, quality.CORPORA, ["html", "innertext"], systems)
    found = {(m.system, m.key): m.figure for m in quality.measures(run)}
    # title 1/2; lead 1/1 (fu2 has no gold lead); headings: fu1 both right, fu2's one missed:
    # tp 2, fp 0, fn 1 -> F1 0.8. The declared title is reported on html only.
    assert found[("half", "fu/html/title")].value == 0.5
    assert found[("half", "fu/html/meta-title")].value == 0.5
    assert found[("half", "fu/html/lead")].value == 1.0
    assert found[("half", "fu/html/headings")].value == pytest.approx(0.8)
    assert ("half", "fu/innertext/meta-title") not in found
    assert found[("broken", "fu/html/title")].value == 0.0  # a failed page misses every part
    assert not any(system == "flat" for system, _ in found)
    assert quality.figures(run, "half")["fu/innertext/lead"] == 1.0


def test_fold_run_splits_each_corpus_by_site(corpora: Path) -> None:
    run = quality.run_benchmark(corpora, quality.CORPORA, ["html"], [_titled()])
    folds = quality.fold_run(run, 2)
    assert folds.pages("fu") == [1, 1]  # two sites
    assert sorted(folds.pages("sh")) == [0, 2]  # one site
    by_fold = folds.by_fold["titled"]
    assert sorted(by_fold["sh/html"], key=str) == [1.0, None]
    assert by_fold["fu/html/title"] == [1.0, 1.0]
    assert folds.overall["titled"]["fu/html"] == 1.0


def test_catastrophes_compare_every_kind_with_trafilatura_on_html(corpora: Path) -> None:
    def perfect(inp: quality.PageInput) -> quality.Extraction:
        return quality.Extraction(_gold_text(inp.page) if inp.kind == "html" else "")

    def empty(inp: quality.PageInput) -> quality.Extraction:
        return quality.Extraction("")

    systems = [quality.System("sahelclean", perfect), quality.System("trafilatura", perfect)]
    run = quality.run_benchmark(corpora, ["sh", "fu"], ["html", "innertext"], systems)
    found = quality.catastrophe_pages(run)
    assert found["sh/html"] == [] and found["fu/html"] == []
    # on the dumps sahelclean loses the article that trafilatura keeps on the HTML.
    assert found["sh/innertext"] == [Catastrophe("sh1", 0.0, 1.0), Catastrophe("sh2", 0.0, 1.0)]
    alone = quality.run_benchmark(corpora, ["sh"], ["html"], [quality.System("sahelclean", empty)])
    assert quality.catastrophe_pages(alone) == {}


def test_catastrophes_name_the_pages_that_raised(corpora: Path, tmp_path: Path) -> None:
    (corpora / "fu" / "fu2" / "innertext.txt").write_text("", encoding="utf-8")
    args = ("--corpus", "fu", "--input", "html,innertext", "--systems", "sahelclean,trafilatura")
    output, data = _quality(corpora, tmp_path, *args)
    assert "(EmptyInputError: scored as empty)" in output
    found = data["catastrophes"]["by_figure"]
    (page,) = [p for p in found["fu/innertext"]["pages"] if p["doc_id"] == "fu2"]
    assert page["error"] == "EmptyInputError" and page["ours"] == 0.0


def test_quality_cli_folds(corpora: Path, tmp_path: Path) -> None:
    args = ("--systems", "trafilatura,c4", "--input", "html")
    output, data = _quality(corpora, tmp_path, *args, "--folds", "2")
    assert "Figures by fold (2 folds by site; decision folds 1+2)" in output
    folds = data["folds"]
    assert folds["k"] == 2 and folds["decision_folds"] == [1, 2]
    assert set(folds["of_page"]["fu"]) == {"fu1", "fu2"}
    assert set(folds["figures"]["c4"]["sh/html"]) == {"by_fold", "decision_mean", "all"}
    bad = CliRunner().invoke(quality.main, ["--corpora", str(corpora), *args, "--folds", "1"])
    assert bad.exit_code == 2
