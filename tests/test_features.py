"""features: word counts in scripts written without spaces, and what they change downstream."""

from __future__ import annotations

import pytest

from sahelclean import Options, clean
from sahelclean.models import Block
from sahelclean.text.features import features

# Invented pages (Sahel news), laid out as innerText: menu, title, byline, then paragraphs set
# apart by blank lines, a short one between long ones as articles often write them.
JA_BODY = [
    "今年の雨季、ニジェールのティラベリ州では、例年より二週間早く雨が降り始めたと農家の人たちは話しています。",
    "村の畑では、すでに、いわゆる「早生ミレット」。",
    "「早生ミレット」とは、農業省が先月から配っている種子で、これまでに三万を超える世帯が、改良された品種を受け取ったということです。",
    "もちろん、農家は「油断」をしていません。",
    "去年は、収穫の直前に、バッタの群れが、畑を襲いました。",
    "では、なぜ、今年は早めの対策が必要なのでしょうか。",
    "専門家は、雨が早く降った年には虫の卵がかえるのも早くなり、作物が一番弱い時期に被害が重なりやすいと説明しています。",
    "例えば、ある村の女性たちは、畑の周りに見張りの当番を決め、虫を見つけたらすぐに、村の代表に知らせる仕組みを作りました。",
    "州の担当者は、こうした取り組みを他の村にも広げるため、ラジオで毎週、注意の呼びかけを続けていく方針を示しています。",
    "収穫がうまくいけば、市場の穀物の値段も落ち着くと期待されています。",
]
ZH_BODY = [
    "今年雨季，尼日尔蒂拉贝里省的降雨比往年提前了两个星期，当地农民说，这是多年来少见的好兆头。",
    "村里的田地，种的是所谓的“早熟小米”。",
    "“早熟小米”是农业部从上个月开始发放的良种，到目前为止，已经有三万多户家庭领到了改良品种的种子。",
    "当然，农民们并没有“松懈”。",
    "去年，就在收获之前，蝗虫群，袭击了农田。",
    "那么，为什么今年需要提早防范呢？",
    "专家解释说，雨水来得早的年份，虫卵孵化也会提前，而这正好是庄稼最脆弱的时候，损失往往会因此成倍增加。",
    "例如，一个村子的妇女们排好了看守田地的班次，一旦发现虫子，就立刻通知村里的负责人，由他联系农技人员。",
    "省里的官员表示，为了把这些做法推广到其他村庄，电台每周都会播出提醒节目，并介绍各地的好经验。",
    "如果收成顺利，市场上的粮价也有望保持稳定。",
]


def _dump(menu: list[str], title: str, byline: str, body: list[str], tail: list[str]) -> bytes:
    text = "\n".join([*menu, title, byline]) + "\n\n" + "\n\n".join([*body, *tail]) + "\n"
    return text.encode("utf-8")


JA_PAGE = _dump(
    ["ホーム", "ニュース", "アフリカ", "お問い合わせ"],
    "ニジェール、雨季が早く始まる！？",
    "by サヘル通信 ／ 2021.07.02",
    JA_BODY,
    ["関連記事", "こちらの記事も合わせてどうぞ"],
)
ZH_PAGE = _dump(
    ["首页", "新闻", "非洲", "联系我们"],
    "尼日尔雨季提前到来？！",
    "来源：萨赫勒通讯 2021-07-02",
    ZH_BODY,
    ["相关新闻", "纠错"],
)


def _n_words(text: str) -> int:
    return features(Block(index=0, text=text, line=1, end_line=1), frozenset()).n_words


@pytest.mark.parametrize("text", [JA_BODY[0], ZH_BODY[0]], ids=["ja", "zh"])
def test_a_sentence_without_spaces_counts_a_word_per_two_characters(text: str) -> None:
    # words() splits such a line only at its commas: 3 or 4 "words" for a 50-character sentence
    assert _n_words(text) >= 20


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Le maire de Niamey a reçu la délégation de 東京 hier matin.", 12),
        ("The mayor of Niamey met the 東京 delegation on Monday.", 10),
    ],
    ids=["fr", "en"],
)
def test_a_few_ideographs_in_a_spaced_line_do_not_change_its_count(text: str, n: int) -> None:
    assert _n_words(text) == n


@pytest.mark.parametrize(
    ("page", "lang", "body"), [(JA_PAGE, "ja", JA_BODY), (ZH_PAGE, "zh", ZH_BODY)], ids=["ja", "zh"]
)
def test_paragraphs_without_spaces_are_no_teaser_rail(
    page: bytes, lang: str, body: list[str]
) -> None:
    # counted as 2 to 6 "words", the short and long paragraphs read as heads and summaries
    doc = clean(page, options=Options(language=lang))
    assert [p for p in body if p not in doc.text] == []


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("12 septembre 2024", True),
        ("12 September 2024", True),
        ("12 Satumba 2024", True),  # Hausa: "September"
        ("3 Disamba 2023", True),  # Hausa: "December"
        ("Yuni 2024", False),  # a month and a year, no day: not a date line's date
        ("12 sarakuna 2024", False),  # Hausa "chiefs": a word, not a month
        ("12 saisons 2024", False),
    ],
)
def test_dates_in_french_english_and_hausa(text: str, dated: bool) -> None:
    block = Block(index=0, text=text, line=1, end_line=1)
    assert features(block, frozenset()).has_date is dated
