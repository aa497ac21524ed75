"""switches.py: a rule switched off does not speak, in the ladder and through a page, and
the next context (nothing off) judges as before; every name is one the package asks for."""

from __future__ import annotations

import ast

import pytest

from sahelclean import clean
from sahelclean.classify import rules, switches
from sahelclean.classify.firstpass import clear_memos, first_pass, line_memo
from sahelclean.classify.switches import NAMES, off, switched_off
from sahelclean.models import Block
from sahelclean.options import Options
from sahelclean.text.features import Features, features
from sahelclean.text.language import stopwords_for

from .conftest import ROOT

FIXTURES = ROOT / "fixtures" / "text"


def _reason(text: str, lang: str) -> str | None:
    verdict = rules.first_verdict(features(Block(0, text, 1, 1), stopwords_for(lang)))
    return verdict.reason if verdict is not None else None


@pytest.mark.parametrize(
    ("text", "lang", "name", "reason"),
    [
        ("À lire aussi : Au Niger, la junte promet de relancer la production", "fr",
         "inline_teaser", "inline teaser 'À lire aussi :'"),
        ("Read more: Mali's military rulers rewrite the mining code", "en", "inline_teaser",
         "inline teaser 'Read more:'"),
        ("© 2024 Sahel Info, Niamey", "fr", "copyright_line", "copyright line"),
        ("Copyright 2024 The Valley Times", "en", "copyright_line", "copyright line"),
    ],
    ids=["fr-teaser", "en-teaser", "fr-copyright", "en-copyright"],
)  # fmt: skip
def test_a_rule_switched_off_does_not_speak_and_the_next_context_restores_it(
    text: str, lang: str, name: str, reason: str
) -> None:
    assert _reason(text, lang) == reason
    with off(name):
        assert switched_off(name)
        assert _reason(text, lang) != reason
    assert not switched_off(name)
    assert _reason(text, lang) == reason


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Lire aussi | Sahel : la période de soudure s'annonce difficile", "fr"),
     ("READ MORE: Artisanal gold rush draws children out of school", "en")],
    ids=["fr", "en"],
)  # fmt: skip
def test_the_line_memo_does_not_mix_switched_runs(text: str, lang: str) -> None:
    clear_memos()
    stop, options = stopwords_for(lang), Options()
    block = Block(0, text, 1, 1)
    before = first_pass(block, stop, options, line_memo(stop, options))
    with off("inline_teaser"):
        switched = first_pass(block, stop, options, line_memo(stop, options))
    after = first_pass(block, stop, options, line_memo(stop, options))
    assert before.rule is not None and before.rule.reason.startswith("inline teaser")
    assert switched.rule is None or not switched.rule.reason.startswith("inline teaser")
    assert after.rule == before.rule


@pytest.mark.parametrize("case", ["fr-lire-aussi-inline", "en-read-more-inline"])
def test_a_page_cleaned_with_a_rule_off_keeps_what_the_rule_drops(case: str) -> None:
    raw = (FIXTURES / case / "input.txt").read_bytes()
    teasers = [ln for ln in raw.decode("utf-8").splitlines() if rules.inline_teaser(_f(ln))]
    assert len(teasers) == 3
    text = clean(raw).text
    with off("inline_teaser"):
        switched = clean(raw).text
    assert not any(t in text for t in teasers)
    assert all(t in switched for t in teasers)
    assert clean(raw).text == text


def _f(text: str) -> Features:
    return features(Block(0, text, 1, 1), frozenset())


def test_contexts_nest_and_unknown_names_are_refused() -> None:
    with off("separator"):
        with off("breadcrumb"):
            assert switches.current() == {"separator", "breadcrumb"}
        assert switches.current() == {"separator"}
    assert switches.current() == frozenset()
    with pytest.raises(ValueError, match="no rule or pass named nonsense"), off("nonsense"):
        pass


def _asked_for() -> set[str]:
    """The names the package passes to switched_off() as literals."""
    found: set[str] = set()
    for path in (ROOT / "sahelclean").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "switched_off"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def test_every_name_is_a_ladder_rule_or_asked_for_by_a_pass() -> None:
    ladder = {rule.__name__ for rule in rules.RULES}
    asked = _asked_for()
    assert ladder.isdisjoint(asked)
    assert set(NAMES) == ladder | asked
    assert len(NAMES) == len(set(NAMES))


def test_nothing_is_off_by_default() -> None:
    assert switches.current() == frozenset()
    assert not any(switched_off(name) for name in NAMES)


# The passes around the classifier on HTML: the declared title, the declared language.
DECLARED_PAGE = (
    "<html lang='{lang}'><head><title>{title} | Sahel Info</title>"
    "<meta property='og:site_name' content='Sahel Info'></head><body>"
    "<nav><a href='/'>Accueil</a></nav><article>{body}</article></body></html>"
)
DECLARED = {
    "fr": (
        "Niamey évacue ses quartiers bas",
        "Le fleuve Niger a atteint mardi son plus haut niveau depuis vingt ans à Niamey, et "
        "les habitants des quartiers bas ont quitté leurs maisons pendant la nuit.",
    ),
    "en": (
        "Niamey evacuates its low districts",
        "The Niger river reached its highest level in twenty years in Niamey on Tuesday, and "
        "residents of the low districts left their homes during the night.",
    ),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_declared_title_switched_off_leaves_the_page_untitled(lang: str) -> None:
    title, sentence = DECLARED[lang]
    body = "".join(f"<p>{n} {sentence}</p>" for n in range(5))
    page = DECLARED_PAGE.format(lang=lang, title=title, body=body)
    assert clean(page).title == title  # no headline line: the <title> less the site
    with off("declared_title"):
        assert clean(page).title is None


@pytest.mark.parametrize(("lang", "other"), [("fr", "en"), ("en", "fr")])
def test_confirm_language_switched_off_keeps_a_wrong_declared_language(
    lang: str, other: str
) -> None:
    title, sentence = DECLARED[lang]
    body = "".join(f"<p>{n} {sentence}</p>" for n in range(5))
    page = DECLARED_PAGE.format(lang=other, title=title, body=body)  # a template's lang
    assert clean(page).language == lang
    with off("confirm_language"):
        assert clean(page).language == other
