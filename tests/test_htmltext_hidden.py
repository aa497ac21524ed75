"""The renderer leaves out what the page hides: tooltips and hover cards shown on hover."""

from __future__ import annotations

import pytest

from sahelclean.htmlparse import parse_html
from sahelclean.htmltext import render

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
