"""The renderer leaves out what the page hides: tooltips and hover cards shown on hover."""

from __future__ import annotations

from typing import Any

import pytest

from sahelclean import clean
from sahelclean.html.layout import render
from sahelclean.html.parse import parse_html

from .test_html_quality import BODIES

PAGES = {
    "fr": (
        "Le ministre de l'Agriculture",
        "Journaliste au service économie depuis 2015, elle couvre les marchés agricoles.",
        "a annoncé mardi une aide aux producteurs d'oignons de la vallée.",
    ),
    "en": (
        "The minister of agriculture",
        "Reporter on the business desk since 2015, she covers farm markets.",
        "announced on Tuesday support for the onion growers of the valley.",
    ),
}


def _text(html: str) -> str:
    tree, _ = parse_html(html)
    return "\n".join(b.text for b in render(tree))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    "box",
    [
        "tooltip",
        "author-tooltip__bio",
        "item-tooltip-inner",
        "card tooltip",
        "hovercard",
        "popover-content",
        "rollover-people-block",
    ],
)
def test_a_tooltip_box_inside_a_link_is_not_rendered(lang: str, box: str) -> None:
    link, bio, rest = PAGES[lang]
    html = (
        f'<html><body><p><a href="/a" class="has-tooltip tooltip-trigger">{link}'
        f'<span class="{box}">{bio}</span></a> {rest}</p></body></html>'
    )
    text = _text(html)
    assert bio not in text
    assert link in text and rest in text  # the trigger and the sentence stay


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_tooltip_trigger_is_rendered(lang: str) -> None:
    link, _, rest = PAGES[lang]
    html = f'<html><body><p><span class="tooltip-trigger">{link}</span> {rest}</p></body></html>'
    assert link in _text(html)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("trigger", ["rollover-people", "has-popover", "popover-trigger"])
def test_a_hover_card_trigger_is_rendered(lang: str, trigger: str) -> None:
    link, _, rest = PAGES[lang]
    html = f'<html><body><p><span class="{trigger}">{link}</span> {rest}</p></body></html>'
    assert link in _text(html)


# Three paragraphs of the made-up articles of test_html_quality.
BODY = {lang: paragraphs[:3] for lang, paragraphs in BODIES.items()}


def test_hover_boxes_are_the_boxes_not_their_triggers() -> None:
    tree, _ = parse_html(
        '<html><body><p><span class="rollover-people"><a href="/p">Awa</a>'
        '<span class="rollover-people-block">Awa Keita, ministre</span></span> a parlé.'
        '<span class="has-tooltip">x</span><span class="tooltip">bulle</span></p></body></html>'
    )
    hover: list[Any] = []
    render(tree, hover=hover)
    assert [el.attrib["class"] for el in hover] == ["rollover-people-block", "tooltip"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_sentence_with_a_hover_card_inside_is_kept(lang: str) -> None:
    # trafilatura reads the tree without the card, so its line is the sentence we render
    link, bio, rest = PAGES[lang]
    card = f'<span class="rollover-people-block"><a href="/p">{link}</a> {bio}</span>'
    sentence = f'<span class="rollover-people"><a href="/p">{link}</a>{card}</span> {rest}'
    body = BODY[lang]
    html = f"<html><body><article><h1>{link}</h1><p>{body[0]}</p><p>{sentence}</p>"
    html += "".join(f"<p>{p}</p>" for p in body[1:]) + "</article></body></html>"
    doc = clean(html.encode())
    assert f"{link} {rest}" in doc.text
    assert bio not in doc.text
