"""Site rules: loading, matching, precedence, checks with lines, list, built-ins, fixtures."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sahelclean import Options, clean
from sahelclean.classify.firstpass import first_pass
from sahelclean.classify.sitepass import overlay
from sahelclean.cli import main
from sahelclean.cli.rules_check import check_file
from sahelclean.models import Block, Label
from sahelclean.sites.load import (
    BUILTIN_NAME,
    builtin_path,
    load_rules,
    parse_rules,
    rule_files,
    user_path,
)
from sahelclean.sites.rules import RuleSet, url_matches
from sahelclean.text.tokens import fold
from sahelclean.vocab import builtin_languages

from .conftest import FIXTURES

SITE = FIXTURES / "siterules"
GAZETTE = SITE / "gazette.toml"
FR_URL = "https://www.gazette-du-sahel.example/economie/zinder-goutte-a-goutte"
EN_URL = "https://sahel-gazette.example/en/economy/zinder-drip-irrigation"


@pytest.fixture(autouse=True)
def _no_user_rules(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the rules file of the machine's user."""
    monkeypatch.delenv("SAHELCLEAN_RULES", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def gazette() -> RuleSet:
    return load_rules([GAZETTE], builtin=False, user=False)


def line_of(path: Path, text: str) -> int:
    """The line of the file holding `text` (what reasons must name)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


# --- matching -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "url", "expected"),
    [
        ("lefaso.net", "https://lefaso.net/spip.php?article1", True),
        ("lefaso.net", "https://www.LeFaso.net/spip.php?article1", True),  # subdomains, any case
        ("lefaso.net", "https://notlefaso.net/", False),  # a suffix is not a subdomain
        ("lefaso.net", "https://lefaso.net.evil.example/", False),
        ("*.rfi.fr", "https://www.rfi.fr/fr/afrique/", True),
        ("*.rfi.fr", "https://rfi.fr/fr/", False),  # fnmatch: the wildcard needs a label
        ("lemonde.fr/afrique/*", "https://www.lemonde.fr/afrique/article/x.html", True),
        ("lemonde.fr/afrique/*", "https://notlemonde.fr/afrique/x.html", False),
        ("www.lemonde.fr/afrique/*", "https://www.lemonde.fr/afrique/article/x.html", True),
        ("www.lemonde.fr/afrique/*", "https://www.lemonde.fr/politique/x.html", False),
        ("https://www.jeuneafrique.com/*", "https://www.jeuneafrique.com/123/politique/", True),
        ("https://www.jeuneafrique.com/*", "http://www.jeuneafrique.com/123/", False),
        ("https://WWW.JeuneAfrique.com/*", "https://www.jeuneafrique.com/1/", True),
        ("maliweb.net", "www.maliweb.net/politique/x.html", True),  # no scheme
    ],
)
def test_url_matches(pattern: str, url: str, expected: bool) -> None:
    assert url_matches(pattern, url) is expected


def test_rules_are_chosen_by_url_or_nothing() -> None:
    rules = gazette()
    fr = rules.for_url(FR_URL)
    en = rules.for_url(EN_URL)
    assert fr is not None and en is not None
    assert fr.names == ("gazette-du-sahel.example", "gazette-text-dumps")
    assert en.names == ("gazette-du-sahel.example", "gazette-text-dumps", "sahel-gazette-en")
    assert rules.for_url("https://www.gazette-du-sahel.example/sport/x") is not None
    assert rules.for_url("https://other.example/economie/x") is None
    assert rules.for_url(None) is None
    assert rules.for_url(FR_URL) is fr  # compiled once per site, cached


# --- loading and precedence -------------------------------------------------------------


def test_sections_carry_file_and_line() -> None:
    section = gazette().sections[0]
    assert section.match == ("gazette-du-sahel.example", "https://sahel-gazette.example/en/*")
    heading = section.headings[0]
    assert heading.label is Label.RELATED and heading.text == "Coups de cœur de la rédaction"
    assert heading.origin == f"{GAZETTE}:{line_of(GAZETTE, 'Coups de cœur')}"
    assert section.drop[0].origin == f"{GAZETTE}:{line_of(GAZETTE, 'div.gz-encart')}"
    assert section.test_file == "fr-gazette.html"


def test_rule_set_is_hashable_picklable_and_cheap() -> None:
    rules = gazette()
    options = Options(rules=rules)
    again = pickle.loads(pickle.dumps(options))
    assert again == options and hash(again) == hash(options)
    assert again.rules is not None and again.rules.for_url(FR_URL) is not None
    assert len(pickle.dumps(load_rules(user=False))) < 20_000
    assert options.to_dict()["rules"] == {"files": [str(GAZETTE)], "sites": [
        "gazette-du-sahel.example", "gazette-text-dumps", "sahel-gazette-en"]}  # fmt: skip


def test_later_files_extend_and_win(tmp_path: Path) -> None:
    first = tmp_path / "first.toml"
    first.write_text('[sites."a.example"]\nheadings.related = ["Nos pépites"]\n', "utf-8")
    second = tmp_path / "second.toml"
    second.write_text(
        '[sites."a.example"]\nheadings.comments = ["Nos pépites", "Vos avis"]\n', "utf-8"
    )
    site = load_rules([first, second], builtin=False, user=False).for_url("https://a.example/")
    assert site is not None
    assert site.headings["nos pepites"].label is Label.COMMENTS  # the later file wins
    assert site.headings["nos pepites"].reason.startswith(f"site rule {second}:2:")
    assert site.headings["vos avis"].label is Label.COMMENTS


def test_default_locations_in_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert user_path() is None  # no file in XDG_CONFIG_HOME
    config = tmp_path / "config" / "sahelclean" / "rules.toml"
    config.parent.mkdir(parents=True)
    config.write_text("", "utf-8")
    extra = tmp_path / "extra.toml"
    assert rule_files([extra]) == [builtin_path(), config, extra]
    assert rule_files([extra], builtin=False, user=False) == [extra]
    env = tmp_path / "env.toml"
    monkeypatch.setenv("SAHELCLEAN_RULES", str(env))
    assert user_path() == env  # the variable wins over the XDG location
    monkeypatch.setenv("SAHELCLEAN_RULES", "")
    assert user_path() is None  # empty: no user rules


def test_missing_env_rules_file_is_an_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SAHELCLEAN_RULES", str(tmp_path / "missing.toml"))
    with pytest.raises(Exception, match=r"missing\.toml:1: cannot read the rules file"):
        load_rules()


# --- checks ---------------------------------------------------------------------------

BAD = """\
top = 1
[sites."x.example"]
headings.relatd = ["Foo"]
phrases.related = "not a list"
patterns.ad = ["(unclosed"]
drop.ad = ["div[[["]
colour = "red"
labels.share = ["one two three four five"]
match = [3]

[sites."y.example".headings]
comments = [
  "Fine heading",
  "!!!",
]
test_url = 12
"""


def test_check_errors_carry_lines() -> None:
    _, problems = parse_rules(BAD, "bad.toml")
    found = [(p.line, p.message) for p in problems]
    expected = [
        (1, "unknown key 'top'"),
        (3, "unknown label 'relatd' in headings"),
        (4, "phrases.related must be a list of non-empty strings"),
        (5, "bad regex '(unclosed'"),
        (6, "bad CSS selector 'div[[['"),
        (7, "unknown key 'colour'"),
        (8, "has 5 words; labels match lines of at most 4"),
        (9, "match must be a list of non-empty strings"),
        (14, "'!!!' has no letters to match"),
        (16, "unknown label 'test_url' in headings"),
    ]
    assert len(found) == len(expected), found
    for (line, message), (want_line, fragment) in zip(found, expected, strict=True):
        assert line == want_line and fragment in message, (line, message)
    assert all(str(p).startswith(f"bad.toml:{p.line}: ") for p in problems)


def test_check_syntax_error_has_its_line() -> None:
    _, problems = parse_rules('[sites."a"]\nheadings.related = ["x"\n', "syntax.toml")
    assert len(problems) == 1 and problems[0].line == 2
    assert "TOML syntax" in problems[0].message


def test_check_cli_exits_1_with_lines(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD, "utf-8")
    result = CliRunner().invoke(main, ["rules", "check", str(bad)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{bad}:1: unknown key 'top'")
    assert f"{bad}:5: " in result.stdout and "10 problems" in result.stderr


def test_check_run_passes_on_the_fixture_site() -> None:
    result = check_file(GAZETTE, run=True, builtin=True)
    assert result.problems == [] and result.tests_run == 3
    cli = CliRunner().invoke(main, ["rules", "check", "--run", str(GAZETTE)])
    assert cli.exit_code == 0 and "3 test pages run, 0 problems" in cli.stderr


def test_check_run_reports_failed_snippets(tmp_path: Path) -> None:
    for name in ("fr-gazette.html", "fr-gazette.txt", "en-gazette.txt"):
        shutil.copy(SITE / name, tmp_path / name)
    rules = tmp_path / "gazette.toml"
    text = GAZETTE.read_text("utf-8").replace('drop.ad = ["div.gz-encart"]\n', "")
    rules.write_text(text, "utf-8")  # without the selector, the partner box stays
    result = check_file(rules, run=True)
    assert len(result.problems) == 2
    assert {p.line for p in result.problems} == {line_of(rules, "Le regard de nos partenaires")}
    assert "'Le regard de nos partenaires' is still in the article" in result.problems[0].message


# --- the fixture site: defaults fail, a rules file fixes it ------------------------------

TEXT_CASES = [
    pytest.param(
        "fr-gazette.txt",
        FR_URL,
        "Coups de cœur de la rédaction",
        "Agadez : l'artisanat touareg",
        id="fr",
    ),
    pytest.param(
        "en-gazette.txt", EN_URL, "Picked by our editors", "Agadez: Tuareg craftsmen", id="en"
    ),
]


@pytest.mark.parametrize(("name", "url", "heading", "item"), TEXT_CASES)
def test_text_widget_heading_from_rules(name: str, url: str, heading: str, item: str) -> None:
    raw = (SITE / name).read_bytes()
    default = clean(raw, url=url)
    assert item in default.text  # the defaults do not know the heading: the widget stays
    doc = clean(raw, url=url, options=Options(rules=gazette()))
    assert item not in doc.text and heading not in doc.text
    assert doc.text.rstrip().endswith(default.text.rstrip()[-60:])  # the article's end stays
    widget = next(r for r in doc.removed if r.heading == heading)
    assert widget.kind is Label.RELATED
    assert widget.reason.startswith(f"site rule {GAZETTE}:{line_of(GAZETTE, heading)}: ")
    assert any(item in i for i in widget.items or ())
    other = clean(raw, url="https://other.example/x", options=Options(rules=gazette()))
    assert other.text == default.text  # another site's page pays nothing


HTML_CASES = [
    pytest.param(
        "fr-gazette.html", "Le regard de nos partenaires", "fondation Sahel Vert", id="fr"
    ),
    pytest.param("en-gazette.html", "A word from our partners", "Green Sahel foundation", id="en"),
]


@pytest.mark.parametrize(("name", "heading", "body"), HTML_CASES)
def test_html_selector_drops_from_canonical_url(name: str, heading: str, body: str) -> None:
    raw = (SITE / name).read_bytes()
    assert body in clean(raw).text  # the defaults keep the partner box
    doc = clean(raw, options=Options(rules=gazette()))  # the page's canonical URL picks
    assert body not in doc.text and heading not in doc.text
    assert "Cost remains" in doc.text or "Le coût reste" in doc.text
    widget = next(r for r in doc.removed if heading in r.text)
    assert widget.kind is Label.AD
    line = line_of(GAZETTE, "div.gz-encart")
    assert widget.reason == f"site rule {GAZETTE}:{line}: selector 'div.gz-encart'"
    assert body in widget.text


def test_later_keep_selector_wins_over_drop(tmp_path: Path) -> None:
    keep = tmp_path / "keep.toml"
    keep.write_text('[sites."gazette-du-sahel.example"]\nkeep = ["div.gz-encart"]\n', "utf-8")
    rules = load_rules([GAZETTE, keep], builtin=False, user=False)
    doc = clean((SITE / "fr-gazette.html").read_bytes(), options=Options(rules=rules))
    assert "fondation Sahel Vert" in doc.text


def test_lines_and_patterns_are_always_dropped(tmp_path: Path) -> None:
    rules = tmp_path / "lines.toml"
    rules.write_text(
        '[sites."gazette-du-sahel.example"]\n'
        "lines.ad = [\"Le coût reste pourtant un frein. Un kit pour un quart d'hectare coûte"
        " l'équivalent de plusieurs mois de revenus, et les maraîchers les plus modestes"
        ' peinent à obtenir un crédit auprès des institutions de microfinance de la région."]\n'
        "patterns.boilerplate = ['^la coopérative espère']\n",
        "utf-8",
    )
    loaded = load_rules([rules], builtin=False, user=False)
    for name in ("fr-gazette.txt", "fr-gazette.html"):
        doc = clean((SITE / name).read_bytes(), url=FR_URL, options=Options(rules=loaded))
        assert "Le coût reste" not in doc.text and "La coopérative espère" not in doc.text
        assert "Autour des mares de Zinder" in doc.text
        reasons = {r.kind: r.reason for r in doc.removed}
        assert reasons[Label.AD].startswith(f"site rule {rules}:2: line 'Le coût reste")
        assert (
            reasons[Label.BOILERPLATE] == f"site rule {rules}:3: pattern '^la coopérative espère'"
        )


@pytest.mark.parametrize(
    ("kind", "entry", "line", "label"),
    [
        (
            "phrases",
            "vos données restent chez nous",
            "Sachez que vos données restent chez nous.",
            Label.COOKIE,
        ),
        ("buttons", "Rejoindre le club", "Rejoindre le club des lecteurs", Label.NEWSLETTER),
        ("labels", "Version audio", "Version audio", Label.SHARE),
        (
            "phrases",
            "your data stays with us",
            "Rest assured your data stays with us.",
            Label.COOKIE,
        ),
        ("buttons", "Join the club", "Join the club of readers", Label.NEWSLETTER),
        ("labels", "Listen to this", "Listen to this", Label.SHARE),
    ],
)
def test_vocabulary_kinds_mark_lines(kind: str, entry: str, line: str, label: Label) -> None:
    toml = f'[sites."s.example"]\n{kind}.{label} = ["{entry}"]\n'
    sections, problems = parse_rules(toml, "v.toml")
    assert problems == []
    site = RuleSet(tuple(sections), ("v.toml",), "v").for_url("https://s.example/")
    assert site is not None
    block = Block(index=0, text=line, line=1, end_line=1)
    before = first_pass(block, frozenset(), Options())
    assert before.rule is None or before.rule.label is not label  # the defaults miss it
    (after,) = overlay(site, [before])
    assert after.rule is not None and after.rule.label is label
    assert after.rule.reason.startswith("site rule v.toml:2: ")
    prose = Block(
        index=1, text=line + " " + "Et la phrase continue longuement. " * 8, line=2, end_line=2
    )
    (long,) = overlay(site, [first_pass(prose, frozenset(), Options())])
    assert long.rule is None  # in a long paragraph the entry is prose


# --- built-in rules -------------------------------------------------------------------


def test_builtin_rules_load_and_pass_their_check() -> None:
    result = check_file(builtin_path())
    assert result.problems == []
    names = {s.name for s in result.sections}
    assert {"rfi", "lefaso", "maliweb", "jeune-afrique", "le-monde-afrique"} <= names
    assert len(result.sections) == 10
    assert load_rules(user=False).files == (BUILTIN_NAME,)


def test_builtin_rules_are_harmless_by_construction() -> None:
    """No selector, no line always dropped; every entry adds to the language files' own
    entries of its kind."""
    kinds = ("headings", "phrases", "buttons", "labels")
    known = {
        kind: {fold(e.text) for vocab in builtin_languages() for e in getattr(vocab, kind)}
        for kind in kinds
    }
    for section in load_rules(user=False).sections:
        assert not (section.drop or section.keep or section.lines or section.patterns)
        for kind in kinds:
            for entry in getattr(section, kind):
                assert fold(entry.text) not in known[kind], (section.name, entry.text)


@pytest.mark.parametrize(
    ("url", "text", "label"),
    [
        ("https://lefaso.net/spip.php?article12", "Qui êtes-vous ?", Label.COMMENTS),
        ("https://www.rfi.fr/fr/afrique/x", "À écouter aussi", Label.RELATED),
        ("https://www.lemonde.fr/afrique/article/x.html", "Ajouter à vos sélections", Label.SHARE),
    ],
)
def test_builtin_rules_apply_to_their_sites_only(url: str, text: str, label: Label) -> None:
    rules = load_rules(user=False)
    site = rules.for_url(url)
    assert site is not None and rules.for_url("https://example.org/x") is None
    line = first_pass(Block(index=0, text=text, line=1, end_line=1), frozenset(), Options())
    (judged,) = overlay(site, [line])
    verdict = judged.heading or judged.rule
    assert verdict is not None and verdict.label is label
    assert verdict.reason.startswith(f"site rule {BUILTIN_NAME}:")


# --- CLI ------------------------------------------------------------------------------


def test_list_shows_vocabularies_and_sites() -> None:
    result = CliRunner().invoke(main, ["rules", "list", "--rules", str(GAZETTE)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "built-in headings" in out and "built-in phrases" in out
    assert "sur le même sujet" in out  # a built-in heading, with its label and language
    assert "lefaso" in out and "gazette-du-sahel.example" in out
    only = CliRunner().invoke(main, ["rules", "list", "--no-builtin-rules", "--url", FR_URL,
                                     "--rules", str(GAZETTE)])  # fmt: skip
    assert "gazette-text-dumps" in only.stdout and "lefaso" not in only.stdout
    assert "built-in headings" not in only.stdout


@pytest.mark.parametrize(("name", "url", "heading", "item"), TEXT_CASES)
def test_cli_clean_with_rules(name: str, url: str, heading: str, item: str) -> None:
    path = str(SITE / name)
    args = ["clean", "-f", "json", "--url", url, path]
    default = CliRunner().invoke(main, args)
    assert default.exit_code == 0 and item in json.loads(default.stdout)["text"]
    fixed = CliRunner().invoke(main, [*args, "--rules", str(GAZETTE)])
    assert fixed.exit_code == 0, fixed.output
    doc = json.loads(fixed.stdout)
    assert heading not in doc["text"] and item not in doc["text"]
    widget = next(r for r in doc["removed"] if r["heading"] == heading)
    assert widget["kind"] == "related"
    assert widget["reason"].startswith(f"site rule {GAZETTE}:{line_of(GAZETTE, heading)}: ")


def test_cli_clean_workers_get_the_rules(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["clean", "-q", "-j", "2", "-f", "json", "-o", str(out), "--rules", str(GAZETTE),
            str(SITE / "fr-gazette.html"), str(SITE / "en-gazette.html")]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    for page in sorted(out.rglob("*.json")):
        doc = json.loads(page.read_text("utf-8"))
        assert any(r["reason"].startswith("site rule ") for r in doc["removed"])


def test_cli_bad_rules_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD, "utf-8")
    result = CliRunner().invoke(main, ["clean", "--rules", str(bad), str(SITE / "fr-gazette.txt")])
    assert result.exit_code == 2
    assert f"{bad}:1: unknown key 'top'" in result.stderr and "9 more" in result.stderr
    missing = CliRunner().invoke(main, ["clean", "--rules", str(tmp_path / "no.toml"), "-"])
    assert missing.exit_code == 2 and "no such file" in missing.stderr
