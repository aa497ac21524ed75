"""segment.segment_text: one block per line, or re-joined get_text() fragments."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sahelclean.models import Block
from sahelclean.text.segment import join_fragments, segment_text

FAST = settings(max_examples=200, deadline=None)


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


def shape(blocks: list[Block]) -> list[tuple[int, str, int, int]]:
    """Index, text and line span of each block (other Block fields are not this test's)."""
    return [(b.index, b.text, b.line, b.end_line) for b in blocks]


# --- innertext-style dumps --------------------------------------------------------------


def test_innertext_dump_one_block_per_non_blank_line() -> None:
    dump = (
        "Accueil\n"  # 1
        "\n"  # 2
        "   Les pluies   reviennent\tau Sahel  \n"  # 3
        "Par Awa Maïga\n"  # 4
        " \t \n"  # 5
        "Les premières averses sont tombées\u00a0mardi sur Niamey.\n"  # 6
        "Les semis commencent dès cette semaine.\n"  # 7
    )
    blocks = segment_text(dump)
    assert shape(blocks) == [
        (0, "Accueil", 1, 1),
        (1, "Les pluies reviennent au Sahel", 3, 3),
        (2, "Par Awa Maïga", 4, 4),
        (3, "Les premières averses sont tombées mardi sur Niamey.", 6, 6),
        (4, "Les semis commencent dès cette semaine.", 7, 7),
    ]


def test_innertext_dump_keeps_short_capitalised_lines_apart() -> None:
    # Eleven lines, none continuing the one before: nothing is joined.
    lines = [
        "Les pluies reviennent au Sahel",
        "Par Awa Maïga",
        "Publié le 3 juin 2024",
        "Les premières averses sont tombées mardi sur Niamey.",
        "Les paysans ont aussitôt commencé les semis.",
        "Ils espèrent une meilleure récolte que l'an dernier.",
        "Sur le même sujet",
        "Le prix du mil baisse à Maradi",
        "Les éleveurs de Tahoua inquiets",
        "The rains are back in the Sahel.",
        "Farmers started sowing on Tuesday.",
    ]
    blocks = segment_text("\n".join(lines))
    assert texts(blocks) == lines
    assert [(b.line, b.end_line) for b in blocks] == [(n, n) for n in range(1, 12)]
    assert [b.index for b in blocks] == list(range(11))


def test_empty_and_blank_text_give_no_blocks() -> None:
    assert segment_text("") == []
    assert segment_text("\n \n\t\n\u00a0\n") == []


# --- get_text()-style dumps -------------------------------------------------------------

FR_GETTEXT = """Les autorités
de
Niamey
ont annoncé mardi un nouveau plan
pour les agriculteurs
, selon un communiqué
du ministère.
Le programme est financé par la
Banque mondiale
(
plus de 40 millions de dollars
) et couvre trois régions.
Les équipes de
Médecins sans frontières
sont déjà sur place.
"""


def test_french_gettext_dump_is_rejoined() -> None:
    blocks = segment_text(FR_GETTEXT)
    assert shape(blocks) == [
        (
            0,
            "Les autorités de Niamey ont annoncé mardi un nouveau plan pour les agriculteurs, "
            "selon un communiqué du ministère.",
            1,
            7,
        ),
        (1, "Le programme est financé par la Banque mondiale", 8, 9),
        (2, "(plus de 40 millions de dollars) et couvre trois régions.", 10, 12),
        (3, "Les équipes de Médecins sans frontières sont déjà sur place.", 13, 15),
    ]


EN_GETTEXT = """Officials in
Niamey
said on Tuesday that the new plan
for farmers
, announced by the Ministry
of
Agriculture
, would cover three regions
.
Herders in the region
of
Tillabéri
remain worried
about the
Islamic State
and its raids.
"""


def test_english_gettext_dump_is_rejoined() -> None:
    blocks = segment_text(EN_GETTEXT)
    assert shape(blocks) == [
        (
            0,
            "Officials in Niamey said on Tuesday that the new plan for farmers, announced by "
            "the Ministry of Agriculture, would cover three regions.",
            1,
            9,
        ),
        (
            1,
            "Herders in the region of Tillabéri remain worried about the Islamic State and "
            "its raids.",
            10,
            16,
        ),
    ]


@pytest.mark.parametrize(
    ("cut", "joined"),
    [
        (
            "La chercheuse Aïssata Maïga (\nTwitter\n) étudie les crues du fleuve Niger.",
            "La chercheuse Aïssata Maïga (Twitter) étudie les crues du fleuve Niger.",
        ),
        (
            "The report by the [\nUN Refugee Agency\n] counts new arrivals in Mopti.",
            "The report by the [UN Refugee Agency] counts new arrivals in Mopti.",
        ),
        (
            "Die Kampagne „\nSahel hilft“ sammelt Geld für Brunnen.",
            "Die Kampagne „Sahel hilft“ sammelt Geld für Brunnen.",
        ),
    ],
    ids=["fr-parenthesis", "en-bracket", "de-low-quote"],
)
def test_a_line_ending_on_an_opening_bracket_goes_on(cut: str, joined: str) -> None:
    # no line of text ends on "(", "[" or "„": a link cut the sentence there
    blocks = segment_text(FR_GETTEXT + cut + "\n")
    assert texts(blocks)[-1] == joined


def test_a_line_ending_on_a_closing_quote_does_not_go_on() -> None:
    # "“" and "«" close quotations in German: the next line is a new paragraph
    quote = "Der Minister sagte: „Wir bleiben in Gao.“\nDie Armee zog am Montag ab.\n"
    assert texts(segment_text(EN_GETTEXT + quote))[-2:] == [
        "Der Minister sagte: „Wir bleiben in Gao.“",
        "Die Armee zog am Montag ab.",
    ]


@pytest.mark.parametrize(
    ("cut", "joined"),
    [
        (
            "Le ministre a jugé ces actions\n« contraires aux intérêts du Niger ».",
            "Le ministre a jugé ces actions « contraires aux intérêts du Niger ».",
        ),
        (
            'The junta said the French actions were\n"contrary to the interests of Niger."',
            'The junta said the French actions were "contrary to the interests of Niger."',
        ),
    ],
    ids=["fr", "en"],
)
def test_a_quotation_in_lower_case_after_a_word_goes_on(cut: str, joined: str) -> None:
    # a quotation inside the sentence, set in a link or in italics
    blocks = segment_text((FR_GETTEXT if joined.startswith("Le") else EN_GETTEXT) + cut + "\n")
    assert texts(blocks)[-1] == joined


@pytest.mark.parametrize(
    "lines",
    [
        [
            "Le ministre a répondu aux questions des députés",
            "« Nous resterons à Gao », a-t-il dit.",
        ],
        ['"3D printing"', '"machine learning"', '"digital fabrication"'],
    ],
    ids=["capital-after-quote", "quoted-terms"],
)
def test_quotations_that_open_a_line_of_their_own_stay_apart(lines: list[str]) -> None:
    blocks = segment_text(EN_GETTEXT + "\n".join(lines) + "\n")
    assert texts(blocks)[-len(lines) :] == lines


def test_rejoined_text_has_no_space_before_punctuation() -> None:
    for block in segment_text(FR_GETTEXT) + segment_text(EN_GETTEXT):
        assert not re.search(r"\s[,.;:!?)]", block.text), block.text
        assert "( " not in block.text


def test_menu_of_one_word_lines_is_not_joined_in_a_gettext_dump() -> None:
    menu = ["Accueil", "Politique", "Économie", "Société", "Sport", "Culture", "Santé"]
    blocks = segment_text("\n".join(menu) + "\n" + FR_GETTEXT)
    assert texts(blocks)[: len(menu)] == menu
    assert [b.line for b in blocks[: len(menu)]] == list(range(1, len(menu) + 1))
    # ... while the fragments after the menu are still re-joined.
    assert blocks[len(menu)].text.startswith("Les autorités de Niamey ont annoncé")
    assert blocks[len(menu)].line == len(menu) + 1


def test_english_menu_is_not_joined_in_a_gettext_dump() -> None:
    menu = ["Home", "Politics", "Business", "Sport", "Culture", "Opinion"]
    blocks = segment_text("\n".join(menu) + "\n" + EN_GETTEXT)
    assert texts(blocks)[: len(menu)] == menu


def test_menu_entries_ending_on_a_dangling_word_are_not_joined() -> None:
    menu = ["À la une", "Politique", "Économie", "Sport", "Sign in", "Subscribe"]
    blocks = segment_text("\n".join(menu) + "\n" + FR_GETTEXT)
    assert texts(blocks)[: len(menu)] == menu


FR_FEW_FRAGMENTS = [
    "Les éleveurs de",
    "Tillabéri",
    "ont quitté leurs villages",
    ", selon un responsable du",
    "Haut-Commissariat",
    ".",
]
EN_FEW_FRAGMENTS = [
    "Herders from",
    "Tillabéri",
    "have left their villages",
    ", an official of the",
    "High Commission",
    "said.",
]
FR_MENU = ["Accueil", "Politique", "Économie", "Société", "Sport", "Culture"]
EN_MENU = ["Home", "Politics", "Business", "Society", "Sport", "Culture"]


@pytest.mark.parametrize(
    ("menu", "fragments", "joined"),
    [
        (
            FR_MENU,
            FR_FEW_FRAGMENTS,
            "Les éleveurs de Tillabéri ont quitté leurs villages, selon un responsable du "
            "Haut-Commissariat.",
        ),
        (
            EN_MENU,
            EN_FEW_FRAGMENTS,
            "Herders from Tillabéri have left their villages, an official of the High "
            "Commission said.",
        ),
    ],
    ids=["fr", "en"],
)
def test_dump_without_blank_lines_is_rejoined_despite_a_long_menu(
    menu: list[str], fragments: list[str], joined: str
) -> None:
    """get_text() prints no blank line: in such a dump a few fragments are enough, even when
    ten menus make them a small share of the lines. An innerText dump of the same lines,
    with blank lines between its blocks, stays one block per line."""
    lines = menu * 10 + fragments
    dense = segment_text("\n".join(lines) + "\n")
    assert joined in texts(dense)
    assert texts(dense)[: len(menu) * 10] == menu * 10
    spaced = segment_text(
        "\n".join(line + ("\n" if n % 5 == 4 else "") for n, line in enumerate(lines))
    )
    assert texts(spaced) == lines


# A short get_text() page with a single inline element: "Le Monde" in <em>, a quote in <b>.
SHORT_DENSE = {
    "fr": (
        [
            "Accueil", "International", "Afrique", "Niger",
            "Au Niger, la junte suspend les licences de trois ONG",
            "La décision a été publiée un vendredi soir par le ministère de l'intérieur.",
            "Pour les responsables joints par",
            "Le Monde",
            ", l'accusation vise surtout les négociations locales avec les chefs de village.",
            "Aucune preuve n'a été rendue publique à ce jour par les autorités de Niamey.",
            "Les organisations ont dix jours pour contester la décision devant le tribunal.",
            "© 2026 Sahel Info",
        ],
        "Pour les responsables joints par Le Monde, l'accusation vise surtout les "
        "négociations locales avec les chefs de village.",
    ),
    "en": (
        [
            "Home", "World", "Africa", "Niger",
            "Niger's junta suspends the licences of three aid groups",
            "The decision was published on a Friday evening by the interior ministry.",
            "\u201cNothing is left, we lost everything\u201d",
            ", a woman from Ouallam told the",
            "Sahel Weekly",
            "on Monday, as the first trucks of food reached the camp of displaced families.",
            "The groups have ten days to challenge the decision before the court in Niamey.",
            "© 2026 Sahel Info",
        ],
        "\u201cNothing is left, we lost everything\u201d, a woman from Ouallam told the Sahel "
        "Weekly on Monday, as the first trucks of food reached the camp of displaced families.",
    ),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_line_starting_with_a_comma_shows_a_short_dense_dump_is_get_text(lang: str) -> None:
    """Twelve lines, one or two fragments: too few to tell the style, but a line that starts
    with a comma starts no block. The dump ends with a newline, which is no blank line."""
    lines, joined = SHORT_DENSE[lang]
    blocks = texts(segment_text("\n".join(lines) + "\n"))
    assert joined in blocks
    assert blocks[:4] == lines[:4]  # the menu stays one entry per line


def test_short_innertext_dump_with_lowercase_list_keeps_its_entries() -> None:
    lines = [
        "Les maraîchers de Ségou misent sur le solaire",
        "Une vingtaine de femmes ont installé des pompes solaires au bord du fleuve.",
        "La coopérative a fixé trois priorités pour l'an prochain :",
        "l'achat de deux nouvelles pompes ;",
        "la formation des jeunes du village ;",
        "un magasin pour stocker les oignons.",
        "La mairie veut étendre l'expérience à trois autres villages.",
        "Les financements promis par les partenaires sont attendus en décembre.",
        "Les femmes espèrent doubler leur production d'ici deux ans.",
        "Le préfet doit visiter les jardins la semaine prochaine.",
    ]
    assert texts(segment_text("\n".join(lines))) == lines


# --- join_fragments ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("selon le", "ministère", "selon le ministère"),
        ("a déclaré le ministre", ", avant de partir", "a déclaré le ministre, avant de partir"),
        ("trois régions", ".", "trois régions."),
        ("(", "plus de 40 millions", "(plus de 40 millions"),
        ("40 millions", ")", "40 millions)"),
        ("la hausse atteint 12", "%", "la hausse atteint 12%"),
        ("il a dit «", "non", "il a dit «non"),
        ("de l'", "Office du Niger", "de l'Office du Niger"),
        ("the", "World Bank", "the World Bank"),
        # a closing quote or an apostrophe after a link: "Garrett’s", "“… demain.”"
        ("aujourd", "’hui à Gao", "aujourd’hui à Gao"),
        ("“Nous partirons demain.", "”", "“Nous partirons demain.”"),
        ("Awa Keita", "’s first album", "Awa Keita’s first album"),
        ("“We will leave tomorrow.", "”", "“We will leave tomorrow.”"),
    ],
)
def test_join_fragments_spacing(left: str, right: str, joined: str) -> None:
    assert join_fragments(left, right) == joined


# --- properties -------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "de",
        "the",
        "of",
        "Les",
        "autorités",
        "Niamey",
        "said",
        ",",
        ".",
        ")",
        "(",
        "«",
        "»",
        "la",
        "Banque",
        "mondiale",
        "farmers",
        "Mopti",
        "?",
        "…",
        ":",
        "-",
        "l'",
        "élève",
        "42",
        "%",
        "\u00a0",
        "\t",
        "  ",
        "ÉCOLE",
        "x_y",
        "über",
    ]
)
_LINE = st.lists(_PIECES, max_size=8).map(" ".join) | st.text(max_size=40)
_DUMP = st.lists(_LINE, max_size=30).map("\n".join) | st.text(max_size=300)


def _non_blank(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@FAST
@given(_DUMP)
def test_segment_never_raises_and_blocks_are_one_line_each(text: str) -> None:
    blocks = segment_text(text)
    n_lines = text.count("\n") + 1
    for i, block in enumerate(blocks):
        assert block.index == i
        assert block.text.strip()
        assert "\n" not in block.text
        assert 1 <= block.line <= block.end_line <= n_lines
    assert all(a.end_line < b.line for a, b in pairwise(blocks))


_CAP_WORD = st.builds(
    lambda head, tail: head + tail,
    st.sampled_from(list("ABCDEFGHIJKLMNOPQRSTUVWXYZÉÀÇÖ")),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàçô", max_size=8),
)
_WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzéèàçôABCDEF0123456789,'()«»-", min_size=1, max_size=10
)
_SENTENCE = st.builds(
    lambda first, rest, pad_left, pad_right: pad_left + " ".join([first, *rest]) + "." + pad_right,
    _CAP_WORD,
    st.lists(_WORD, max_size=12),
    st.sampled_from(["", " ", "\t", "  \u00a0"]),
    st.sampled_from(["", " ", "\t "]),
)
_INNERTEXT = st.lists(_SENTENCE | st.sampled_from(["", "  ", "\t"]), max_size=40)


@FAST
@given(_INNERTEXT)
def test_innertext_blocks_are_exactly_the_stripped_non_blank_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    blocks = segment_text(text)
    expected = [
        (n, line.strip()) for n, line in enumerate(text.split("\n"), start=1) if line.strip()
    ]
    assert [(b.line, b.text) for b in blocks] == expected
    assert all(b.line == b.end_line for b in blocks)


@FAST
@given(_DUMP)
def test_segment_neither_invents_nor_loses_words(text: str) -> None:
    blocks = segment_text(text)
    got = Counter(w for b in blocks for w in re.findall(r"\w+", b.text))
    # Soft hyphens and zero-width characters are invisible: segmentation drops them.
    visible = text.translate(dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff")))
    want = Counter(w for line in _non_blank(visible) for w in re.findall(r"\w+", line))
    assert got == want
