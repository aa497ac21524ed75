"""The article core on a dump: the densest run of prose, and what may cut it."""

from __future__ import annotations

import pytest

from sahelclean import clean

# --- invented innerText dumps: a quotation, its speaker's line, an inline box, the end ---

QUOTED = {
    "fr": (
        "Mali : à Gao, les maraîchers face à la montée du fleuve",
        [
            "Sur la berge du quartier de Château, une maraîchère montre l'endroit où "
            "poussaient encore ses oignons il y a deux mois. Il ne reste que de l'eau brune.",
            "Selon les relevés de la direction régionale de l'hydraulique, le fleuve a "
            "dépassé de quarante centimètres le niveau record de la dernière grande crue.",
            "Au grand marché de Gao, le kilo de tomates a presque doublé en un mois. Les "
            "commerçants font venir des légumes de Mopti par la route, un trajet risqué.",
        ],
        "« Quand la route est fermée, il n'y a plus rien sur les étals. Les familles "
        "mangent du riz sans sauce. »",
        "Fatouma Cissé, commerçante",
        ["À lire aussi", "Sahel : la saison des pluies la plus intense depuis trente ans",
         "Burkina Faso : à Dori, l'eau manque malgré les pluies"],
        "Les maraîchers espèrent désormais obtenir des parcelles sur les hauteurs de la "
        "ville. La mairie dit étudier la question, sans calendrier précis.",
    ),
    "en": (
        "Mali: in Gao, market gardeners face the rising river",
        [
            "On the bank of the Chateau quarter, a gardener points to where her onions were "
            "still growing two months ago. Only brown water and a few stakes are left.",
            "According to the regional water board, the river rose forty centimetres above "
            "the record level of the last great flood, and the earth dykes gave way.",
            "At the main market in Gao, a kilo of tomatoes has almost doubled in a month. "
            "Traders bring vegetables from Mopti by road, a long and risky trip.",
        ],
        '"When the road is closed, there is nothing left on the stalls. Families eat rice '
        'without sauce."',
        "— Fatouma Cissé, trader",
        ["Read also", "Sahel: the most intense rainy season in thirty years",
         "Burkina Faso: in Dori, water is short despite the rains"],
        "The gardeners now hope to be given plots on the higher ground of the town. The "
        "town hall says it is looking into it, with no timetable.",
    ),
}  # fmt: skip


def _quoted_dump(lang: str) -> str:
    title, body, quote, speaker, box, last = QUOTED[lang]
    article = "\n\n".join([title, *body, quote, speaker])
    return (
        "Accueil\nMonde\nAfrique\nSport\n\n" + article + "\n\n" + "\n".join(box)
        + "\n\n" + last + "\n\n© 2026 Sahel Info\n"
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_speaker_under_a_quote_does_not_end_the_article(lang: str) -> None:
    """The speaker's line under the last quotation, then an inline box: the article's last
    paragraph after the box stays, and so does the speaker's line."""
    _, body, quote, speaker, box, last = QUOTED[lang]
    doc = clean(_quoted_dump(lang))
    assert doc.text.endswith(last)
    assert all(p in doc.text for p in [*body, quote, speaker])
    assert not any(line in doc.text for line in box)
