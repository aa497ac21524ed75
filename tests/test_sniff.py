"""sniff.sniff: HTML pages versus plain-text dumps."""

from __future__ import annotations

import pytest

from sahelclean.models import InputKind
from sahelclean.read.sniff import SNIFF_CHARS, sniff

HTML = InputKind.HTML
TEXT = InputKind.TEXT


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html>\n<html><body><p>Les pluies sont arrivées.</p></body></html>",
        "   \n<!doctype html><title>Météo du Sahel</title>",
        '<html lang="fr"><p>Bonjour',
        "<HTML><BODY>Rains reached Mopti.</BODY></HTML>",
        "\n\n<head><title>Sahel</title></head>",
        "<body>Texte seul dans un corps</body>",
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
        "<!-- enregistré par wget le 3 juin -->\n<!-- miroir -->\n<!DOCTYPE html><p>x</p>",
        '<?xml version="1.0"?><!-- saved --><html><p>x</p></html>',
    ],
    ids=[
        "doctype",
        "doctype-lower-indented",
        "html-attr",
        "html-upper",
        "head",
        "body",
        "xml-decl",
        "leading-comments",
        "xml-and-comment",
    ],
)
def test_markup_start_is_html(page: str) -> None:
    assert sniff(page) is HTML


def test_opening_tag_decides_even_when_the_rest_is_prose() -> None:
    page = "<html>\n" + "Les paysans de Mopti attendent la pluie depuis des semaines.\n" * 200
    assert sniff(page) is HTML


@pytest.mark.parametrize(
    "dump",
    [
        "Pour créer un paragraphe, le tutoriel conseille d'écrire <p> avant le texte.\n"
        "La leçon suivante explique la balise <br> et son usage.",
        'The editor typed <div class="note"> into the draft by mistake.\n'
        "She removed the stray </div> before the story went online.",
        "Les prix ont baissé : moins de 300 francs le kilo, soit < 1 euro.\n"
        "Les éleveurs vendent > 20 têtes par semaine au marché de Gao.",
    ],
    ids=["fr-one-tag", "en-two-tags", "angle-brackets"],
)
def test_dump_quoting_a_few_tags_stays_text(dump: str) -> None:
    assert sniff(dump) is TEXT


def test_four_tags_stay_text_five_make_html() -> None:
    four = "Un article sur le web : <p> <span> <a> <li> ne sont que des exemples."
    five = four + " <div>"
    assert sniff(four) is TEXT
    assert sniff(five) is HTML


def test_fragment_with_many_tags_is_html() -> None:
    fragment = (
        "Menu principal\n"
        '<div class="article"><h1>Les pluies au Sahel</h1>\n'
        "<p>Les premières averses sont tombées sur Niamey.</p>\n"
        "<p>Les paysans ont commencé les semis.</p>\n"
        '<span class="auteur">Rédaction</span></div>'
    )
    assert sniff(fragment) is HTML


def test_tags_after_the_sniffed_head_are_not_seen() -> None:
    prose = "Les paysans de Mopti attendent la pluie. " * (SNIFF_CHARS // 40 + 10)
    late_markup = "<div><p>a</p><p>b</p><span>c</span></div>"
    assert sniff(prose + late_markup) is TEXT
    assert sniff(late_markup + prose) is HTML


@pytest.mark.parametrize(
    "dump",
    [
        "Les pluies sont revenues à Mopti cette semaine.\nLes paysans se réjouissent.\n",
        "Rains returned to Mopti this week.\nFarmers are relieved after a long wait.\n",
        "Accueil\nAfrique\nMali\n\nLe gouvernement a annoncé un plan pour les éleveurs.",
        "<htmlx> n'est pas une balise connue",
        "<!-- un commentaire --> puis du texte ordinaire",
    ],
    ids=["fr", "en", "menu-and-prose", "not-a-known-tag", "comment-then-text"],
)
def test_plain_text_is_text(dump: str) -> None:
    assert sniff(dump) is TEXT
