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


LEAD_DUMPS = {
    "fr": (
        "Accueil\nPolitique\nÉconomie\nSport\n"
        "Niamey relance le chantier du pont de Kennedy\n"
        "Les travaux du deuxième pont reprennent après deux ans d'arrêt.\n"
        "Par Aïssa Moussa\n"
        "Le ministère de l'Équipement a annoncé lundi la reprise des travaux du pont, "
        "arrêtés depuis deux ans faute de financement, avec un nouveau calendrier.\n"
        "Les entreprises retenues devront livrer l'ouvrage avant la fin de l'année "
        "prochaine, selon le cahier des charges publié par le ministère.\n"
        "Les riverains attendent surtout la fin des embouteillages du matin sur l'ancien "
        "pont, où la circulation reste bloquée plusieurs heures par jour.\n"
    ),
    "en": (
        "Home\nPolitics\nBusiness\nSport\n"
        "Niamey restarts work on the Kennedy bridge\n"
        "Work on the second bridge resumes after two years at a standstill.\n"
        "By Aissa Moussa\n"
        "The ministry of public works said on Monday that work on the bridge, stopped for "
        "two years for lack of funds, would resume on a new timetable.\n"
        "The companies chosen must deliver the bridge before the end of next year, "
        "according to the specifications the ministry published.\n"
        "People living nearby mostly hope for an end to the morning traffic jams on the "
        "old bridge, where cars stay stuck for hours every day.\n"
    ),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_opening_paragraph_under_the_title_is_the_lead(lang: str) -> None:
    """A dump: the first paragraph under the title, short enough to be one, is the lead,
    whatever the length of the paragraph after it."""
    doc = clean(LEAD_DUMPS[lang])
    lines = LEAD_DUMPS[lang].splitlines()
    assert doc.title == lines[4]
    assert doc.lead == lines[5]
    assert doc.text.splitlines()[:3] == [lines[4], "", lines[5]]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_long_opening_paragraph_is_no_lead(lang: str) -> None:
    lines = LEAD_DUMPS[lang].splitlines()
    long_first = " ".join([lines[7]] * 4)  # over lead_max_chars (500)
    dump = "\n".join([*lines[:5], long_first, *lines[8:]]) + "\n"
    doc = clean(dump)
    assert doc.title == lines[4]
    assert doc.lead is None
    assert long_first in doc.text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_sentence_in_an_h2_under_the_h1_is_the_lead(lang: str) -> None:
    lines = LEAD_DUMPS[lang].splitlines()
    body = "".join(f"<p>{p}</p>" for p in lines[7:])
    page = (
        f"<html lang='{lang}'><head><title>{lines[4]}</title></head><body><article>"
        f"<h1>{lines[4]}</h1><h2>{lines[5]}</h2><p>{lines[6]}</p>{body}</article></body></html>"
    )
    doc = clean(page)
    assert doc.title == lines[4]
    assert doc.lead == lines[5]
    assert lines[5] not in [s.heading for s in doc.sections]


WINDOW_TITLES = {
    "fr": "Niamey relance le chantier du pont de Kennedy | Sahel Info",
    "en": "Niamey restarts work on the Kennedy bridge - The Sahel Times",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_gettext_dump_takes_its_title_from_its_window_title(lang: str) -> None:
    """get_text() dumps open with the page's <title>: the headline printed on the page is
    the title in that form, the site's name left out."""
    lines = LEAD_DUMPS[lang].splitlines()
    doc = clean("\n".join([WINDOW_TITLES[lang], *lines]) + "\n")
    assert doc.title == lines[4]
    assert doc.text.startswith(lines[4] + "\n")
