"""assemble.py: the removed widgets, grouped as the page groups them."""

from __future__ import annotations

import pytest

from sahelclean import clean
from sahelclean.models import Label

from .test_tails import FORCE

PAYWALLS = {
    "fr": (
        "Article réservé aux abonnés",
        [
            "Il vous reste 72 % de cet article à lire. La suite est réservée aux abonnés.",
            "S'abonner",
            "Déjà abonné ? Se connecter",
        ],
    ),
    "en": (
        "This article is for subscribers only",
        [
            "Subscribe to The Sahel Ledger for unlimited access to our journalism.",
            "Subscribe now",
            "Already a subscriber? Log in",
        ],
    ),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_marked_paywall_box_is_one_widget_under_its_heading(lang: str) -> None:
    """Its <h2>, offer, button and login line are one paywall, whatever zones the
    classifier saw inside it (a button that reads as a widget heading opens one)."""
    title, body, _, _, _ = FORCE[lang]
    heading, lines = PAYWALLS[lang]
    box = (
        f"<div class='paywall'><h2>{heading}</h2><p>{lines[0]}</p>"
        f"<a href='/subscribe'>{lines[1]}</a><p>{lines[2]}</p></div>"
    )
    page = (
        f"<html lang='{lang}'><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in body[:3]) + box + "</article>"
        "</body></html>"
    )
    doc = clean(page)
    paywalls = [r for r in doc.removed if r.kind is Label.PAYWALL]
    assert len(paywalls) == 1
    assert paywalls[0].heading == heading
    assert all(line in paywalls[0].text for line in lines)
