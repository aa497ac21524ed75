"""bench/rules.py, the rules audit: its tallies and its test of a rule, and a run on the
fake corpus (no real corpora needed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import rules
import vocabhits
from fakecorpus import write_fake_corpus

from sahelclean.classify.switches import NAMES


@pytest.fixture(scope="module")
def audit(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any], Path]:
    """rules.py on the fake corpus, three rules off one at a time: its output and JSON."""
    root = tmp_path_factory.mktemp("audit")
    corpora = write_fake_corpus(root / "corpora")
    out = root / "rules.json"
    args = [
        "--corpora",
        str(corpora),
        "--json",
        str(out),
        "--only",
        "widget_heading,unwrap,mark_lead",
    ]
    result = CliRunner().invoke(rules.main, args)
    assert result.exit_code == 0, result.output
    return result.output, json.loads(out.read_text(encoding="utf-8")), out


def _row(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(r for r in data["rules"] if r["name"] == name)


def test_every_switch_is_audited() -> None:
    assert [u.name for u in rules.UNITS] == list(NAMES)


def test_tally_counts_a_page_once_over_kinds_and_a_site_once_over_corpora() -> None:
    sites = {("sh", "a"): "x.org", ("sh", "b"): "x.org", ("te", "c"): "x.org", ("te", "d"): "y.org"}
    hits = [("sh", "html", "a"), ("sh", "gettext", "a"), ("sh", "html", "b"), ("te", "html", "c"),
            ("te", "innertext", "d")]  # fmt: skip
    figures = rules.tally(hits, sites)
    assert figures["sh/html"] == {"pages": 2, "sites": 1}
    assert figures["te/innertext"] == {"pages": 1, "sites": 1}
    assert figures["all"] == {"pages": 4, "sites": 2}
    assert rules.tally([], sites) == {"all": {"pages": 0, "sites": 0}}


def _change(fold4: float, fold5: float) -> dict[str, Any]:
    return {"by_fold": [0.0, 0.0, 0.0, fold4, fold5], "decision": {4: fold4, 5: fold5},
            "decision_mean": (fold4 + fold5) / 2, "all": 0.0}  # fmt: skip


def test_a_rule_is_missed_when_a_decision_fold_loses_more_than_epsilon_or_the_mean_drops() -> None:
    change = {
        "sh/html": _change(-0.003, 0.004),  # a fold loses 0.003: missed, though the mean gains
        "te/html": _change(-0.001, 0.0),  # the mean drops: missed
        "fu/html": _change(-0.001, 0.002),  # within epsilon, mean up: not missed
        "fu/html/title": _change(0.0, 0.0),
    }
    assert rules.fold_losses(change) == ["sh/html"]
    assert rules.missed(change) == ["sh/html", "te/html"]


def test_buckets() -> None:
    assert rules.bucket({"pages": 0, "sites": 0}) == "0"
    assert rules.bucket({"pages": 5, "sites": 2}) == "1-2"
    assert rules.bucket({"pages": 3, "sites": 3}) == "3+"


@pytest.mark.parametrize(
    ("text", "rule", "entry"),
    [
        ("À lire aussi : Au Niger, la junte promet de relancer la production", "inline_teaser",
         ("teasers", "a lire aussi")),
        ("Read more: Mali's military rulers rewrite the mining code", "inline_teaser",
         ("teasers", "read more")),
        ("12 commentaires", "widget_heading", ("headings", "commentaires")),
        ("Related stories", "widget_heading", ("headings", "related stories")),
        ("Nous utilisons des cookies pour mesurer l'audience", "widget_phrase",
         ("phrases", "nous utilisons des cookies")),
        ("Article suivant : Le Mali et le Niger signent un accord", "post_link",
         ("post_links", "article suivant")),
        ("Next: Floods cut the road to Mopti", "post_link", ("post_links", "next:")),
        ("Copyright 2024 The Valley Times", "copyright_line", None),
    ],
    ids=["fr-teaser", "en-teaser", "fr-heading", "en-heading", "fr-phrase", "fr-post", "en-post",
         "en-copy"],
)  # fmt: skip
def test_a_line_is_traced_to_its_rule_and_entry(
    text: str, rule: str, entry: tuple[str, str] | None
) -> None:
    match = vocabhits.judge_text(text)
    assert match is not None
    assert (match.rule, match.entry) == (rule, entry)
    assert entry is None or entry in {e.key for e in vocabhits.catalogue()}


def test_catalogue_marks_the_later_listing_of_a_folded_text_shadowed() -> None:
    entries = vocabhits.catalogue()
    keepers = {e.key: e for e in reversed(entries) if e.shadowed_by is None}
    shadowed = [e for e in entries if e.shadowed_by is not None]
    assert len(keepers) + len(shadowed) == len(entries)
    for e in shadowed:
        keeper = keepers[e.key]
        assert e.shadowed_by == f"{keeper.label}/{keeper.language}"
        assert entries.index(keeper) < entries.index(e)


def test_audit_on_the_fake_corpus(audit: tuple[str, dict[str, Any], Path]) -> None:
    output, data, _ = audit
    assert [r["name"] for r in data["rules"]] == ["widget_heading", "unwrap", "mark_lead"]
    assert data["decision_folds"] == [4, 5]
    assert data["baseline"]["unstable"]["all"]["pages"] == 0
    heading = _row(data, "widget_heading")
    # every page prints "Home", "Related stories" and the newsletter line as headings
    assert heading["fires"]["all"] == {"pages": 6, "sites": 3}
    assert heading["verdicts"]["all"] == {"pages": 6, "sites": 3}
    assert set(heading["delta"]) == set(data["keys"])
    assert _row(data, "unwrap")["fires"]["all"] == {"pages": 0, "sites": 0}
    assert _row(data, "mark_lead")["verdicts"] is None  # a pass, not a ladder rule
    assert "unwrap" in data["summary"]["rare_not_missed"]
    vocab = data["vocabulary"]
    assert vocab["summary"]["all"]["entries"] == len(vocab["entries"])
    home = next(e for e in vocab["entries"] if e["kind"] == "headings" and e["folded"] == "home")
    assert home["matched"]["all"] == {"pages": 6, "sites": 3}
    assert not vocab["unknown_matches"]
    rare = vocab["rare_off"]
    assert rare["entries_off"] == len({(e["kind"], e["folded"]) for e in vocab["entries"]}) - 3
    assert sum(rare["off_by_label"].values()) == len(vocab["entries"]) - 3  # shadowed ones too
    assert all(s["pages"] == 0 for s in data["site_sections"])
    assert "Where each rule fires" in output
    assert "Vocabulary entries by the sites they fire on" in output


def test_report_prints_a_json_again(audit: tuple[str, dict[str, Any], Path]) -> None:
    _, _, path = audit
    result = CliRunner().invoke(rules.main, ["--report", str(path), "--entries", "2"])
    assert result.exit_code == 0, result.output
    assert "Rules firing on fewer than 3 sites" in result.output
    assert "Vocabulary entries that fire (2 of 3 shown)" in result.output


def test_an_unknown_rule_is_a_usage_error(tmp_path: Path) -> None:
    corpora = write_fake_corpus(tmp_path / "corpora")
    result = CliRunner().invoke(rules.main, ["--corpora", str(corpora), "--only", "nonsense"])
    assert result.exit_code == 2
    assert "unknown rule nonsense" in result.output


@pytest.mark.parametrize(
    ("text", "key"),
    [("Commentaires", ("headings", "commentaires")), ("Related", ("headings", "related"))],
    ids=["fr", "en"],
)
def test_vocabulary_without_drops_entries_for_the_block_only(
    text: str, key: tuple[str, str]
) -> None:
    assert vocabhits.judge_text(text) is not None
    with rules.vocabulary_without({key}):
        match = vocabhits.judge_text(text)
        assert match is None or match.entry != key
    after = vocabhits.judge_text(text)
    assert after is not None and after.entry == key
