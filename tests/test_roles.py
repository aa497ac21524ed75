"""roles.py: settle (here: a photo's caption between the standfirst and the text)."""

from __future__ import annotations

import pytest

from sahelclean import clean
from sahelclean.models import Label

from .test_coreroles import PAGES
from .test_trusted import LEADS, lead_page

CAPTIONS = {
    "fr": "Des commerçants rouvrent leurs boutiques au grand marché de Gao, le 13 mai 2024. © AFP",
    "en": "Traders reopen their shops at the great market of Gao on May 13, 2024. © AFP",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_figcaption_trafilatura_left_out_is_the_articles_caption(lang: str) -> None:
    """A photo between the byline and the text: its caption is a `caption` block of the
    sections (not in `text`), and the standfirst above it is still the lead."""
    page = PAGES[lang]
    figure = f"<figure><img src='m.jpg'><figcaption>{CAPTIONS[lang]}</figcaption></figure>"
    html = lead_page(lang, f"<p class='chapo'>{LEADS[lang]}</p>").replace(
        "<div class='article-body'>", f"{figure}<div class='article-body'>"
    )
    doc = clean(html)
    assert doc.lead == LEADS[lang]
    assert CAPTIONS[lang] not in doc.text
    roles = {p.text: p.role for s in doc.sections for p in s.parts}
    assert roles.get(CAPTIONS[lang]) is Label.CAPTION
    assert all(p in doc.text for p in page["body"])
