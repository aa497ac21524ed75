"""Our stoplists (Hausa, Bambara, Arabic): their files, language detection, and what they do
to the article/boilerplate decisions on the fixtures in those languages."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from sahelclean import clean
from sahelclean.text.language import OWN_STOPLISTS, detect_language, stoplists, stopwords_for
from sahelclean.text.tokens import words

from .conftest import FIXTURES

OWN = sorted(OWN_STOPLISTS.glob("*.txt"))
SAHEL_CASES = sorted(
    p for p in (FIXTURES / "text").iterdir() if p.name.split("-")[0] in ("ha", "bm", "ar")
)


@pytest.mark.parametrize("path", OWN, ids=[p.stem for p in OWN])
def test_stoplist_file_is_cited_and_every_entry_is_one_token(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    assert any("Sources:" in ln for ln in header)
    entries = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    assert 100 <= len(set(entries)) <= 300
    for entry in entries:
        assert entry == entry.strip() and unicodedata.is_normalized("NFC", entry)
        assert words(entry) == [entry], f"{entry!r} is not one token as words() splits text"
    assert stoplists()[path.stem] == path
    assert stopwords_for(path.stem) == frozenset(entries)


def test_our_arabic_list_replaces_justexts_content_words() -> None:
    arabic = stopwords_for("ar")
    assert {"في", "من", "على", "الذي", "وقد"} <= arabic
    assert not {"مدينة", "سنة", "الله"} & arabic  # city, year, God: content, not function


def test_arabic_tokens_lose_vowel_marks_and_tatweel() -> None:
    assert words("كَتَبَ الطالبُ عـلى الدرسِ أيضاً") == ["كتب", "الطالب", "على", "الدرس", "أيضا"]
    assert words("Niamey, l'été") == ["niamey", "l", "été"]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "ha",
            "Gwamnati ta ce za a raba iri ga manoma daga wata mai zuwa a dukkan kananan "
            "hukumomin jihar kafin damina.",
        ),
        (
            "bm",
            "Gofɛrɛnaman ko suman si bɛna tila sɛnɛkɛlaw ma kalo nata la komini bɛɛ kɔnɔ "
            "ka kɔn samiya ɲɛ.",
        ),
        (
            "ar",
            "قالت الحكومة إن البذور ستوزع على المزارعين ابتداء من الشهر المقبل في جميع "
            "بلديات المنطقة قبل موسم الأمطار.",
        ),
        (
            "sw",
            "Serikali ya Kenya imesema kwamba mvua za masika zitaanza mwezi ujao na wakulima "
            "wanapaswa kujiandaa kwa kupanda mbegu mapema katika maeneo yote ya nchi.",
        ),
        (
            "yo",
            "Ijọba ipinle Oyo ti kede pe awọn agbẹ yoo gba irugbin ọfẹ ni oṣu to n bọ, gẹgẹ "
            "bi ọkan ninu awọn igbesẹ lati koju ọda ojo ti o n ba awọn oko jẹ.",
        ),
        (
            "fr",
            "Le gouvernement a annoncé que les semences seront distribuées aux agriculteurs "
            "dès le mois prochain dans toutes les communes de la région.",
        ),
        (
            "en",
            "The government said that seeds would be handed out to farmers from next month "
            "in all the districts of the region, before the rains.",
        ),
    ],
)
def test_one_sentence_is_enough_to_tell_the_language(code: str, text: str) -> None:
    assert detect_language(words(text)) == code  # and Hausa does not take Swahili's words


def _scores(kept: list[str], article: set[str]) -> tuple[float, float]:
    """Line-level precision and F1 of a kept set against the article lines."""
    hits = sum(1 for line in kept if line in article)
    precision = hits / len(kept) if kept else 0.0
    recall = hits / len(article)
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, f1


@pytest.mark.parametrize("case", SAHEL_CASES, ids=[c.name for c in SAHEL_CASES])
def test_decisions_beat_keep_all(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    page = [ln.strip() for ln in (case / "input.txt").read_text(encoding="utf-8").splitlines()]
    page = [ln for ln in page if ln]
    article = set(expected["article_lines"])
    doc = clean((case / "input.txt").read_bytes(), source=case.name)
    assert doc.language == expected["language"]
    kept = [ln for ln in doc.text.splitlines() if ln.strip()]
    boilerplate = [ln for ln in page if ln not in article]
    assert boilerplate and article
    article_kept = sum(1 for ln in article if ln in kept) / len(article)
    boilerplate_dropped = sum(1 for ln in boilerplate if ln not in kept) / len(boilerplate)
    precision, f1 = _scores(kept, article)
    all_precision, all_f1 = _scores(page, article)
    assert precision >= all_precision and f1 >= all_f1
    assert article_kept >= 0.9 and boilerplate_dropped >= 0.9, (article_kept, boilerplate_dropped)


@pytest.mark.parametrize("case", SAHEL_CASES, ids=[c.name for c in SAHEL_CASES])
def test_stopwords_tell_prose_from_menu_lines(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    stop = stopwords_for(expected["language"])
    menu = next(r for r in clean((case / "input.txt").read_bytes()).removed)
    assert menu.kind == "navigation"

    def density(line: str) -> float:
        tokens = words(line)
        return sum(t in stop for t in tokens) / len(tokens)

    body = [ln for ln in expected["article_lines"][1:] if len(ln.split()) >= 15]
    assert min(map(density, body)) >= 0.25  # Options.stopword_density_high
    assert max(map(density, menu.lines)) < 0.12  # Options.stopword_density_low


def test_right_to_left_text_passes_through_unchanged() -> None:
    paragraph = (
        "وقال وزير الزراعة إنَّ الحكومة ستوزّع البذور على المزارعين في جميع المناطق "
        "المتضررة من الجفاف خلال الأسابيع المقبلة، وذلك بالتعاون مع المنظمات الدولية."
    )
    lines = [
        "الجفاف يهدد محاصيل الدخن في الساحل",
        paragraph,
        paragraph.replace("الزراعة", "المالية"),
        paragraph.replace("المقبلة", "القادمة"),
    ]
    doc = clean("\n".join(lines).encode())
    assert doc.language == "ar"
    assert [ln for ln in doc.text.splitlines() if ln] == lines  # marks kept, no reordering
    assert unicodedata.is_normalized("NFC", doc.text)


CONTRADICTED = {
    "fr": "Le gouvernement a annoncé lundi que les écoles de la région resteront fermées "
    "pendant une semaine, le temps de réparer les toits qui ont été emportés par la tempête.",
    "de": "Die Regierung hat am Montag angekündigt, dass die Schulen der Region für eine Woche "
    "geschlossen bleiben, bis die Dächer repariert sind, die der Sturm mitgenommen hat.",
}


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_a_declared_language_the_words_contradict_gives_way(lang: str) -> None:
    from sahelclean.text.language import confirm_language

    assert confirm_language(words(CONTRADICTED[lang] * 3), "en") == lang
    assert confirm_language(words(CONTRADICTED[lang] * 3), lang) == lang


def test_a_declared_language_stands_on_its_own_page() -> None:
    from sahelclean.text.language import confirm_language

    english = (
        "The government said on Monday that schools in the region would stay closed for a "
        "week while the roofs the storm took away are repaired. "
    )
    assert confirm_language(words(english * 3), "en") == "en"
    # a page that says too little keeps what it declares
    assert confirm_language(words("Accueil Politique"), "en") == "en"


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_an_html_page_under_a_wrong_lang_keeps_its_article(lang: str) -> None:
    paragraphs = "".join(f"<p>{n}. {CONTRADICTED[lang]}</p>" for n in range(4))
    page = f"<html lang='en-US'><body><nav><a href='/'>Home</a></nav><article>{paragraphs}"
    page += "</article></body></html>"
    doc = clean(page)
    assert doc.language == lang
    assert all(f"{n}. {CONTRADICTED[lang]}" in doc.text for n in range(4))


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_the_hits_are_the_same_before_and_after_the_index_is_built(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sahelclean.text import language

    codes = tuple(language.stoplists())
    tokens = [*words(CONTRADICTED[lang] * 3), "ƙasar", "wa", "ya", "ni", "na"]
    monkeypatch.setattr(language, "INDEX_AFTER", 10**9)
    monkeypatch.setattr(language, "_lookups", Counter())
    without = language._hits(tokens, codes)  # a set intersection per list
    monkeypatch.setattr(language, "INDEX_AFTER", 0)
    with_index = language._hits(tokens, codes)
    assert without == with_index
    assert language._stopword_index.cache_info().currsize >= 1
    assert max(without[0]) > 0
