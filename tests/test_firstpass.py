"""firstpass.py: the line memo gives the same judgement as a fresh pass, and stays bounded."""

from __future__ import annotations

import pytest

from sahelclean.classify import firstpass
from sahelclean.classify.firstpass import clear_memos, first_pass, line_memo, text_size
from sahelclean.models import Block
from sahelclean.options import Options
from sahelclean.text.features import features
from sahelclean.text.language import stopwords_for

LINES = [
    "À lire aussi",
    "Accueil",
    "Publié le 12 mars 2024 à 10h05",
    "Read more: Floods cut the road to Mopti",
    "© 2024 Sahel Info. Tous droits réservés.",
    "Le ministre a annoncé mardi un plan de soutien aux éleveurs du Gourma.",
    "The minister announced on Tuesday a support plan for the herders of Gourma.",
]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_remembered_line_is_judged_as_a_fresh_one(language: str) -> None:
    clear_memos()
    stop, options = stopwords_for(language), Options()
    memo = line_memo(stop, options)
    for n, text in enumerate(LINES):
        fresh = first_pass(Block(n, text, n + 1, n + 1), stop, options)
        first = first_pass(Block(n, text, n + 1, n + 1), stop, options, memo)
        again = first_pass(
            Block(n + 50, text, n + 51, n + 51, link_density=0.9), stop, options, memo
        )
        assert text in memo
        assert (first.f, first.prose, first.rule, first.heading) == (
            fresh.f, fresh.prose, fresh.rule, fresh.heading
        )  # fmt: skip
        assert again.block.index == n + 50  # the block is this one, not the remembered one
        fresh_links = first_pass(Block(0, text, 1, 1, link_density=0.9), stop, options)
        assert (again.prose, again.rule) == (fresh_links.prose, fresh_links.rule)


def test_memos_are_per_stoplist_and_options() -> None:
    clear_memos()
    fr, en = stopwords_for("fr"), stopwords_for("en")
    assert line_memo(fr, Options()) is line_memo(fr, Options())
    assert line_memo(fr, Options()) is not line_memo(en, Options())
    assert line_memo(fr, Options()) is not line_memo(fr, Options(prose_min_words=5))


def test_the_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_memos()
    monkeypatch.setattr(firstpass, "MEMO_MAX_LINES", 3)
    stop, options = stopwords_for("en"), Options()
    for n in range(10):
        memo = line_memo(stop, options)
        first_pass(Block(n, f"Menu entry {n}", n + 1, n + 1), stop, options, memo)
        assert len(memo) <= 3
    long_line = "word " * 100
    first_pass(Block(0, long_line, 1, 1), stop, options, line_memo(stop, options))
    assert long_line not in line_memo(stop, options)  # long lines are prose: not remembered


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("니제르 정부는 목요일 베냉과의 국경을 단계적으로 다시 열겠다고 발표했다", 9),  # ko: spaces
        ("ニジェール政府は木曜日、国境を再開すると発表した", 12),  # ja: two characters a word
        ("Le gouvernement nigérien rouvre la frontière avec le Bénin", 9),
        ("Niger's government reopens the border with Benin", 8),
    ],
    ids=["ko", "ja", "fr", "en"],
)
def test_text_size_counts_words_or_characters_by_script(text: str, size: int) -> None:
    """Korean writes spaces between its words: it is counted in words, like French and
    English; Japanese is not, so its characters count two to a word."""
    f = features(Block(index=0, text=text, line=1, end_line=1), frozenset())
    assert text_size(f) == size
