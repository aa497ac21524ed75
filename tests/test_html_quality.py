"""HTML quality rules that weigh trafilatura's choice against the page's markup."""

from __future__ import annotations

import pytest

from sahelclean.classify import classify
from sahelclean.models import Block, Classified, Label
from sahelclean.options import Options

# Made-up articles (French and English): a title, four paragraphs.
BODIES = {
    "fr": [
        "Les maraîchers de la vallée ont commencé la récolte des oignons plus tôt que "
        "prévu cette année, à cause de la chaleur qui a pressé la maturité des bulbes.",
        "Sur les marchés de la ville, le sac de cinquante kilos se vend déjà moins cher "
        "qu'à la même période l'an dernier, ce qui inquiète les producteurs du secteur.",
        "La coopérative régionale a annoncé la construction de deux nouveaux magasins de "
        "stockage, financés en partie par les cotisations de ses membres depuis trois ans.",
        "Les exportateurs espèrent que les routes vers les pays voisins resteront ouvertes "
        "jusqu'à la fin de la saison, malgré les contrôles plus fréquents aux frontières.",
    ],
    "en": [
        "Market gardeners in the valley began the onion harvest earlier than expected this "
        "year, because the heat hurried the bulbs to ripeness across most of the fields.",
        "In the town markets, a fifty-kilo sack already sells for less than at the same "
        "time last year, which worries the growers of the whole sector a great deal.",
        "The regional cooperative announced the building of two new storage sheds, paid "
        "for in part by the dues its members have put aside over the last three years.",
        "Exporters hope the roads to neighbouring countries will stay open until the end "
        "of the season, despite the more frequent checks at the border posts this month.",
    ],
}
INTERTITLE = {"fr": "Des prix en baisse", "en": "Prices are falling"}
# A heading over a block trafilatura left out: an embed's notice, a list of links.
WIDGET = {
    "fr": ("Contenu externe recommandé", "Cliquez ici pour afficher le contenu de la plateforme"),
    "en": ("Recommended external content", "Click here to show the content of the platform"),
}


def _verdicts(rows: list[tuple[str, str, bool]], lang: str) -> list[Classified]:
    """Classify blocks given as (tag, text, kept by trafilatura)."""
    blocks = [
        Block(i, text, i + 1, i + 1, tag=tag, spaced=True).with_kept(kept)
        for i, (tag, text, kept) in enumerate(rows)
    ]
    return classify(blocks, Options(), lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_dropped_intertitle_over_kept_text_is_the_article(lang: str) -> None:
    body = BODIES[lang]
    rows = [("p", body[0], True), ("p", body[1], True), ("h3", INTERTITLE[lang], False)]
    rows += [("p", body[2], True), ("p", body[3], True)]
    out = _verdicts(rows, lang)
    assert out[2].label is Label.HEADING


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_dropped_heading_over_dropped_text_is_left_out(lang: str) -> None:
    body = BODIES[lang]
    heading, notice = WIDGET[lang]
    rows = [("p", body[0], True), ("p", body[1], True), ("h3", heading, False)]
    rows += [("p", notice, False), ("p", body[2], True), ("p", body[3], True)]
    out = _verdicts(rows, lang)
    assert not out[2].label.is_article
    assert all(c.label.is_article for c in out[:2] + out[4:])
