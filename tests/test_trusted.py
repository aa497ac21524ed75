"""trusted.py: what trafilatura left out that is article all the same (here: the standfirst
under the title)."""

from __future__ import annotations

import pytest

from sahelclean import clean

from .test_coreroles import PAGES

LEADS = {
    "fr": "Après deux semaines de fermeture, le grand marché de Gao a rouvert ses portes. Les "
    "commerçants font les comptes et réclament un geste de la mairie.",
    "en": "After two weeks of closure, the great market of Gao has reopened. Traders are "
    "counting their losses and are asking the town hall for help.",
}


def lead_page(lang: str, lead_html: str) -> str:
    page = PAGES[lang]
    body = "".join(f"<p>{p}</p>" for p in page["body"])
    return (
        f"<html><head><title>{page['title']}</title></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/sahel'>Sahel</a></nav>"
        f"<article><header><h1>{page['title']}</h1>{lead_html}"
        f"<p class='byline'>{page['byline']}</p><p class='date'>{page['date']}</p></header>"
        f"<div class='article-body'>{body}</div></article>"
        "<footer>© 2024 Sahel Info</footer></body></html>"
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("tag", ["div", "h2", "span"])
def test_the_standfirst_under_the_title_is_the_lead_whatever_its_element(
    lang: str, tag: str
) -> None:
    """trafilatura leaves out a standfirst set in a <div class="chapo">, an <h2> or a
    <span>; right under the title, bylines aside, it is the article's lead."""
    doc = clean(lead_page(lang, f"<{tag} class='chapo'>{LEADS[lang]}</{tag}>"))
    assert doc.lead == LEADS[lang]
    assert doc.text.startswith(f"{PAGES[lang]['title']}\n\n{LEADS[lang]}")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_dated_byline_with_a_full_stop_is_no_lead(lang: str) -> None:
    byline = "Par Aminata Touré 14. 5. 2024." if lang == "fr" else "By Aminata Touré 14. 5. 2024."
    doc = clean(lead_page(lang, f"<div class='chapo'>{byline}</div>"))
    assert byline not in doc.text
