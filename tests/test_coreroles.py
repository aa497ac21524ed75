"""coreroles.py: the article roles inside the core (here: the byline block's middle line)."""

from __future__ import annotations

from typing import Any

import pytest

from sahelclean import clean
from sahelclean.models import Label

PAGES: dict[str, dict[str, Any]] = {
    "fr": {
        "title": "Gao : les commerçants du grand marché rouvrent après la crue",
        "byline": "Par Aminata Touré",
        "role": "Sahel Info - Correspondante à Gao",
        "date": "Publié le 14/05/2024 à 07h45",
        "body": [
            "Les commerçants du grand marché de Gao ont rouvert leurs boutiques lundi, après "
            "deux semaines de fermeture causée par la montée des eaux du fleuve Niger.",
            "La mairie a fait dégager les allées envahies par la boue et promet de refaire "
            "les caniveaux avant la prochaine saison des pluies, selon un adjoint au maire.",
            "Les vendeurs de céréales, les plus touchés, estiment avoir perdu une partie de "
            "leurs stocks et demandent un report du paiement des taxes du marché.",
        ],
    },
    "en": {
        "title": "Gao: traders reopen the great market after the flood",
        "byline": "By Aminata Touré",
        "role": "Sahel Info - Gao correspondent",
        "date": "Published May 14, 2024 at 7:45 am",
        "body": [
            "Traders at the great market of Gao reopened their shops on Monday, after two "
            "weeks of closure caused by the rising waters of the Niger river.",
            "The town hall had the alleys cleared of mud and promises to rebuild the gutters "
            "before the next rainy season, according to a deputy mayor.",
            "Grain sellers, the hardest hit, say they lost part of their stocks and are "
            "asking for the market fees to be postponed.",
        ],
    },
}


def _html(page: dict[str, Any], signature: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in page["body"])
    lines = "".join(f"<p>{s}</p>" for s in signature)
    return (
        f"<html><head><title>{page['title']}</title></head><body><article>"
        f"<h1>{page['title']}</h1><div class='signature'>{lines}</div>{body}</article>"
        "</body></html>"
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_line_between_byline_and_date_is_the_byline_block(lang: str) -> None:
    page = PAGES[lang]
    doc = clean(_html(page, [page["byline"], page["role"], page["date"]]))
    assert page["role"] not in doc.text
    assert all(p in doc.text for p in page["body"])
    role = next(c for c in doc.blocks if c.block.text == page["role"])
    assert role.label is Label.METADATA and "byline block" in role.verdict.reason


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_line_between_two_dates_is_not_taken_for_a_byline(lang: str) -> None:
    """A listing of dated entries: the line between two date lines, with no byline above
    it, stays where the article puts it."""
    page = PAGES[lang]
    doc = clean(_html(page, [page["date"], page["role"], page["date"]]))
    role = next(c for c in doc.blocks if c.block.text == page["role"])
    assert "byline block" not in role.verdict.reason


COLON_LISTS = {
    "fr": (
        "Le conseil des ministres a nommé vendredi les nouveaux gouverneurs des régions du "
        "nord, après plusieurs mois de vacance des postes dans trois d'entre elles.",
        "Les cinq nouveaux gouverneurs sont :",
        ["Amadou Touré à Gao", "Fatouma Maïga à Tombouctou", "Ibrahim Ag Mohamed à Kidal"],
        "Ils prendront leurs fonctions dès la semaine prochaine, selon le communiqué lu à la "
        "télévision nationale par le porte-parole du gouvernement.",
    ),
    "en": (
        "The council of ministers on Friday named the new governors of the northern regions, "
        "after the posts had stood empty for several months in three of them.",
        "The five new governors are:",
        ["Amadou Toure in Gao", "Fatouma Maiga in Timbuktu", "Ibrahim Ag Mohamed in Kidal"],
        "They will take office next week, according to the statement read on national "
        "television by the government spokesman.",
    ),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_line_that_introduces_a_list_stays_with_it(lang: str) -> None:
    """A dump: the colon line above a list is the article's, as its items are."""
    first, intro, items, last = COLON_LISTS[lang]
    doc = clean("\n".join(["Accueil", "Politique", first, intro, *items, last]) + "\n")
    assert all(item in doc.text for item in items)
    assert intro in doc.text
    assert doc.text.index(intro) < doc.text.index(items[0])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_form_label_with_a_colon_is_no_list_intro(lang: str) -> None:
    first, _, items, last = COLON_LISTS[lang]
    label = {"fr": "Rechercher :", "en": "Search for:"}[lang]
    doc = clean("\n".join([first, label, *items, last]) + "\n")
    assert label not in doc.text
