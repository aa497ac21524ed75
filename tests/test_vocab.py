"""The vocabularies are data files (vocab/): clean lists, one reader shared with site rules,
and a user's language file picked up by the library and the command line (FR/EN)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from sahelclean import Options, clean
from sahelclean.cli import main
from sahelclean.errors import OptionsError
from sahelclean.models import Label
from sahelclean.text.lexicon import vocabulary
from sahelclean.vocab import LANGUAGES, builtin_languages, common, load_vocab
from sahelclean.vocab.languages import DATA, parse_language

from .conftest import FIXTURES


def _lists() -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every list of the data files: per language, kind and label; and common.toml's."""
    for vocab in builtin_languages():
        yield f"{vocab.language}.teasers", vocab.teasers
        for kind in ("headings", "phrases", "buttons", "labels"):
            by_label: dict[str, list[str]] = {}
            for e in getattr(vocab, kind):
                by_label.setdefault(str(e.label), []).append(e.text)
            for label, texts in by_label.items():
                yield f"{vocab.language}.{kind}.{label}", tuple(texts)
    c = common()
    for name in ("post_links", "bylines", "datelines", "badges", "bio_nouns", "captions"):
        yield name, getattr(c, name)
    for label, patterns in c.end_notes.items():
        yield f"end_notes.{label}", patterns


def test_at_least_six_language_files_and_every_one_is_read() -> None:
    files = sorted(p.stem for p in DATA.glob("*.toml") if p.name != "common.toml")
    assert len(files) >= 6
    assert files == sorted(LANGUAGES)
    assert [v.language for v in builtin_languages()] == list(LANGUAGES)


def test_no_list_holds_an_entry_twice() -> None:
    twice = {
        name: sorted(e for e, n in Counter(entries).items() if n > 1)
        for name, entries in _lists()
        if len(set(entries)) < len(entries)
    }
    assert twice == {}


def test_the_first_language_that_lists_a_heading_names_it() -> None:
    """Files are read in LANGUAGES order: "videos" is a French heading before an English
    one, "autor" German before Spanish."""
    headings = vocabulary().headings
    assert headings["videos"] == (Label.RELATED, "fr")
    assert headings["autor"] == (Label.METADATA, "de")
    assert headings["a regarder"] == (Label.RELATED, "fr")
    assert headings["related"] == (Label.RELATED, "en")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[headings]\nrelated = ["À lire"]\n[phrases]\nparagraph = ["x"]\n', "unknown label"),
        ('[headings]\nrelated = "À lire"\n', "must be a list of non-empty strings"),
        ('teaser = ["Lire aussi"]\n', "unknown key 'teaser'"),
        ('[labels]\nshare = ["---"]\n', "has no letters to match"),
        ('[headings]\nrelated = ["a b c d e f g h"]\n', "has 8 words"),
        ("[headings\n", "TOML syntax"),
    ],
    ids=["label", "type", "key", "letters", "too-long", "syntax"],
)
def test_a_bad_language_file_names_its_line(text: str, problem: str) -> None:
    vocab, problems = parse_language(text, "fr.toml", "fr")
    assert problems, vocab
    assert problem in str(problems[0])
    assert str(problems[0]).startswith("fr.toml:")


def test_a_language_file_is_named_by_its_code(tmp_path: Path) -> None:
    path = tmp_path / "French words.toml"
    path.write_text('[headings]\nrelated = ["Nos coups de cœur"]\n', encoding="utf-8")
    with pytest.raises(OptionsError, match="must be a language code"):
        load_vocab([path], user=False)


# --- a user's language file: FR in the config folder, EN with --vocab ----------------------

# Each case: a page (a fixture with an unknown sponsor line inside the article and a rail
# under an unknown heading), the language file that knows both, and what it changes.
CASES = {
    "fr": (
        FIXTURES / "text" / "fr-sans-widget" / "input.txt",
        "Cet espace vous est offert par la Coopérative des éleveurs de Mopti",
        ["Nos coups de cœur du Sahel", "Gao : la foire aux bestiaux rouvre ses portes",
         "Ségou : un festival sur le fleuve", "Kayes : la route de Diboli refaite",
         "Sikasso : la récolte de mangues s'annonce bonne"],
        '[headings]\nrelated = ["Nos coups de cœur du Sahel"]\n'
        '[phrases]\nad = ["vous est offert par"]\n',
    ),
    "en": (
        FIXTURES / "text" / "en-no-widget" / "input.txt",
        "This space is brought to you by the Sahel Growers Union",
        ["Picked by our desk", "Gao livestock fair reopens its gates",
         "Segou hosts a festival on the river", "Kayes road to Diboli is rebuilt",
         "Sikasso mango harvest looks good"],
        '[headings]\nrelated = ["Picked by our desk"]\n[phrases]\nad = ["is brought to you by"]\n',
    ),
}  # fmt: skip


def _page(lang: str) -> tuple[str, str, str]:
    fixture, sponsor, rail, _ = CASES[lang]
    lines = fixture.read_text(encoding="utf-8").splitlines()
    page = "\n".join([*lines[:4], sponsor, *lines[4:], *rail]) + "\n"
    return page, sponsor, rail[0]


def _file(folder: Path, lang: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{lang}.toml"
    path.write_text(CASES[lang][3], encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_language_file_adds_words_through_the_library(tmp_path: Path, lang: str) -> None:
    page, sponsor, heading = _page(lang)
    assert sponsor in clean(page).text  # the built-in words do not know it
    extra = load_vocab([_file(tmp_path, lang)], user=False)
    assert extra is not None
    doc = clean(page, options=Options(vocab=extra))
    assert sponsor not in doc.text
    reasons = [r.reason for r in doc.removed]
    assert "ad phrase 'vous est offert par'" in reasons or lang == "en"
    assert f"widget heading '{heading}' (related, {lang})" in reasons
    assert clean(page).text == clean(page, options=Options()).text  # nothing leaks out


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_language_file_in_the_config_folder_is_picked_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    page, sponsor, heading = _page(lang)
    source = tmp_path / "page.txt"
    source.write_text(page, encoding="utf-8")
    args = ["clean", "-f", "json", str(source)]
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "empty"))
    before = json.loads(CliRunner().invoke(main, args).stdout)
    assert sponsor in before["text"]
    _file(tmp_path / "config" / "sahelclean" / "vocab", lang)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert sponsor not in doc["text"]
    assert f"widget heading '{heading}' (related, {lang})" in [r["reason"] for r in doc["removed"]]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_vocab_option_and_rules_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "empty"))
    page, sponsor, _ = _page(lang)
    source = tmp_path / "page.txt"
    source.write_text(page, encoding="utf-8")
    path = _file(tmp_path / "mine", lang)
    result = CliRunner().invoke(main, ["clean", "--vocab", str(path), str(source)])
    assert result.exit_code == 0, result.output
    assert sponsor not in result.stdout
    listed = CliRunner().invoke(main, ["rules", "list", "--vocab", str(path)])
    assert listed.exit_code == 0, listed.output
    assert "built-in headings" in listed.stdout and "user headings" in listed.stdout
    assert CASES[lang][2][0] in listed.stdout


def test_a_broken_vocab_file_is_a_usage_error_naming_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "fr.toml"
    bad.write_text('[headings]\n\nrelated = ["À lire", 3]\n', encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("Une ligne.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", "--vocab", str(bad), str(page)])
    assert result.exit_code == 2
    assert f"{bad}:3:" in result.stderr and "non-empty strings" in result.stderr


def test_the_readme_example_language_file_loads_and_works(tmp_path: Path) -> None:
    """The Swahili file of the README's "Languages" section is valid and picked up."""
    readme = (FIXTURES.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("```toml\n# ~/.config/sahelclean/vocab/sw.toml")
    body = readme[start + len("```toml\n") : readme.index("```\n", start + 8)]
    path = tmp_path / "sw.toml"
    path.write_text(body, encoding="utf-8")
    extra = load_vocab([path], user=False)
    assert extra is not None
    (sw,) = extra.languages
    assert [e.text for e in sw.headings] == ["habari zinazohusiana", "habari nyingine", "maoni"]
    page = _page("en")[0].replace("Picked by our desk", "Maoni")
    doc = clean(page, options=Options(vocab=extra))
    assert "widget heading 'Maoni' (comments, sw)" in [r.reason for r in doc.removed]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("bio_nouns = [", "bio_nouns = [3, "), r"bio_nouns\[0\]: expected a string"),
        (
            ('containers.tags.nav = "navigation"', 'containers.tags.nav = "paragraph"'),
            "unknown label",
        ),
        (("post_links = [", "posts = []\npost_links = ["), "posts: unknown key"),
    ],
    ids=["type", "label", "key"],
)
def test_a_broken_common_file_names_the_key(
    tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    """common.toml is the package's own data: a defect there names the key at once."""
    from sahelclean.vocab.common import VocabError, load_common

    text = (DATA / "common.toml").read_text(encoding="utf-8")
    assert change[0] in text
    path = tmp_path / "common.toml"
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(VocabError, match=problem):
        load_common(path)
    assert load_common(DATA / "common.toml") == common()
