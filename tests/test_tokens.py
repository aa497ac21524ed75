"""text.tokens: folding, collapsing, tokens; text.language: stoplists and the language guess."""

from __future__ import annotations

import pytest

from sahelclean.text.language import detect_language, stopwords_for
from sahelclean.text.tokens import collapse, fold, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Élève", "eleve"),
        ("À LIRE AUSSI", "a lire aussi"),
        ("Ségou, Ouagadougou, Tillabéri", "segou, ouagadougou, tillaberi"),
        ("çà et là, où, île, dû", "ca et la, ou, ile, du"),
        ("l’école", "l'ecole"),
        ("‘Mopti’", "'mopti'"),
        ("aujourdʼhui", "aujourd'hui"),
        ("5\u00a0000 francs", "5 000 francs"),
        ("Mopti\u202f: la crue", "mopti : la crue"),
        ("Plain ASCII", "plain ascii"),
    ],
    ids=[
        "acute-grave-upper",
        "capital-a-grave",
        "place-names",
        "cedilla-circumflex",
        "right-quote",
        "single-quotes",
        "modifier-apostrophe",
        "nbsp",
        "narrow-nbsp",
        "ascii",
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_keeps_the_length_of_french_text() -> None:
    # Folding must not eat or add characters: rules slice the original text by fold offsets.
    text = "À Niamey, l’élève a présenté son œuvre à 5\u00a0€."
    assert len(fold(text)) == len(text)


def test_fold_removes_combining_accents() -> None:
    assert fold("E\u0301le\u0300ve") == "eleve"


def test_collapse_and_words() -> None:
    assert collapse("  Les \t pluies\u00a0 \n reviennent  ") == "Les pluies reviennent"
    assert words("L'élève de Gao, 12 ans.") == ["l", "élève", "de", "gao", "12", "ans"]


# --- language -----------------------------------------------------------------------------

PARAGRAPHS = {
    "fr": "Les habitants du quartier ont passé la nuit dehors à cause de la chaleur. Le maire a "
    "promis que les coupures de courant seraient moins nombreuses dans les prochains jours, "
    "mais personne ne le croit vraiment.",
    "en": "The residents of the district spent the night outside because of the heat. The mayor "
    "promised that the power cuts would be less frequent in the coming days, but nobody "
    "really believes him.",
    "de": "Die Bewohner des Viertels haben die Nacht wegen der Hitze im Freien verbracht. Der "
    "Bürgermeister hat versprochen, dass die Stromausfälle in den nächsten Tagen seltener "
    "werden, aber niemand glaubt ihm wirklich.",
    "es": "Los vecinos del barrio pasaron la noche en la calle por culpa del calor. El alcalde "
    "prometió que los cortes de luz serían menos frecuentes en los próximos días, pero nadie "
    "le cree de verdad.",
}


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_detect_language(lang: str) -> None:
    assert detect_language(words(PARAGRAPHS[lang])) == lang


@pytest.mark.parametrize(
    "text", ["12 34 56", "", "Mopti Gao Kidal"], ids=["numbers", "empty", "names"]
)
def test_detect_language_none_without_evidence(text: str) -> None:
    assert detect_language(words(text)) is None


# Results pages: names and scores, few stopwords. jusText's big Wikipedia lists (Finnish here)
# hold English and French stopwords and many names too, and win on hits alone.
RESULTS_PAGES = {
    "en": "Home\nScores\nHigh school roundup: Palm Bay beats Rockledge\nPublished 2:16 AM Nov 20\n"
    "GIRLS BASKETBALL\nPalm Bay d. Rockledge 70-44\nRockledge 14 11 6 15 — 44\n"
    "Palm Bay 18 22 13 17 — 70\nPalm Bay (1-0): Jordan Davis 17 points. Moore 3 points. "
    "Brown 4 points.\nRockledge (0-1): Williams 6 points. Howard 6 steals. Thomas 12 points.\n"
    "Heritage d. Titusville 53-9\nHeritage 10 14 16 13 — 53\nTitusville 2 3 0 4 — 9\n"
    "Melbourne 20 15 18 16 — 69\nSpace Coast 12 14 10 18 — 54\nMelbourne d. Space Coast 69-54\n"
    "Space Coast (0-1): Johnson 6 points. Jackson 6 points.\nBOYS SOCCER\nViera d. Rockledge 3-1\n"
    "Viera (4-0): Daniel Watts 1 goal. Christian Neil 2 saves.\nMelbourne d. Cocoa 8-0\n"
    "Cocoa (1-2): Jordan Moore 8 saves and a total of more on the west side.\n",
    "fr": "Accueil\nActualités\nSport\nLigue 1 : le Real de Bamako bat l'AS Police\n"
    "Publié le 20 novembre\nFOOTBALL\nReal de Bamako - AS Police 2-1\n"
    "Buts : Diarra 12e, Koné 56e ; Traoré 80e\nOnze Créateurs - Djoliba 0-0\n"
    "Real Bamako - Stade Malien 1-1\nBASKET\nPolice - Djoliba 70-64\n"
    "Meilleurs marqueurs : Keita 21 points, Coulibaly 14 points et les rebonds du match\n",
}


@pytest.mark.parametrize("lang", sorted(RESULTS_PAGES))
def test_a_big_list_winning_by_a_hair_does_not_displace_a_common_language(lang: str) -> None:
    assert detect_language(words(RESULTS_PAGES[lang])) == lang


# Scripts written without spaces: a few Latin menu words ("HOME", "All rights reserved") are
# the only stopwords a list finds, under one token in sixteen.
UNSPACED_PAGES = {
    "ja": "MENU\nHOME\nブログ\nニジェール、雨季が早く始まる\nby サヘル通信 ／ 2021.07.02\n"
    "今年の雨季、ニジェールでは、例年より、二週間早く、雨が降り始めました。\n"
    "村の畑では、すでに、ミレットの芽が、出ています。\n"
    "農業省によると、種子の配布は、先月から始まり、三万を超える世帯が、受け取りました。\n"
    "ただ、心配もあります。去年は、収穫の直前に、バッタの群れが、畑を襲いました。\n"
    "専門家は、雨が早い年には、虫の卵も、早くかえると、説明しています。\n"
    "例えば、ある村では、見張りの当番を決め、虫を見つけたら、すぐに知らせる、仕組みを作りました。\n"
    "州の担当者は、ラジオで、毎週、注意の呼びかけを、続けていく方針です。\n"
    "収穫がうまくいけば、市場の、穀物の値段も、落ち着くと、期待されています。\n"
    "関連記事\nPAGETOP\nCopyright © Sahel Tsushin All rights reserved.\n",
    "zh": "首页\n新闻\n非洲\n尼日尔雨季提前到来\n今年雨季，尼日尔的降雨，比往年，提前了两个星期。\n"
    "村里的田地，已经，长出了，小米苗。\n据农业部介绍，良种发放，从上个月开始，已有三万多户，领到了种子。\n"
    "不过，担心，依然存在。去年，就在收获之前，蝗虫群，袭击了农田。\n"
    "专家说，雨水，来得早的年份，虫卵孵化，也会提前。\n"
    "例如，一个村子的妇女们，排好了，看守田地的班次，一旦发现虫子，就立刻，通知负责人。\n"
    "省里的官员表示，电台，每周，都会播出，提醒节目。\n"
    "有关部门说，下一步，将加强，监督，检查，确保，各项，政策，落到实处。\n"
    "农民们说，今年，大家，都很，小心，每天，都去，田里，看看。\n如果收成顺利，市场上的粮价，也有望，保持稳定。\n"
    "纠错\nAbout us | Contact us\nCopyright © 2021 Sahel News All Rights Reserved.\n",
}


@pytest.mark.parametrize("lang", sorted(UNSPACED_PAGES))
def test_no_stoplist_for_a_script_without_spaces(lang: str) -> None:
    assert detect_language(words(UNSPACED_PAGES[lang])) is None


def test_stopwords_for_french() -> None:
    fr = stopwords_for("fr")
    assert {"le", "de", "les", "est"} <= fr
    assert "und" not in fr and "nicht" not in fr  # jusText's French list does hold "the"


def test_stopwords_for_english() -> None:
    assert "the" in stopwords_for("en")


def test_stopwords_for_none_or_unknown_is_empty() -> None:
    assert stopwords_for(None) == frozenset()
    assert stopwords_for("xx-unknown") == frozenset()
