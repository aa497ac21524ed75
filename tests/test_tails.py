"""tails.py: the widget that ends the article, and the inline box that does not."""

from __future__ import annotations

import pytest

from sahelclean import clean

# --- an "À lire aussi" box of three headlines before the article's last paragraph ---

FORCE = {
    "fr": (
        "Sahel : une force conjointe de cinq mille hommes",
        [
            "Les trois pays de l'Alliance des États du Sahel ont annoncé samedi la création "
            "d'une force conjointe de cinq mille hommes, basée à Niamey.",
            "L'annonce a été faite à l'issue d'une réunion des chefs d'état-major, qui ont "
            "discuté deux jours de la répartition des effectifs et du financement.",
            "Selon un communiqué lu à la télévision nationale, les premières unités seront "
            "déployées avant la fin de l'année dans la zone des trois frontières.",
            "Les attaques s'y sont multipliées depuis le début de la saison sèche, selon "
            "plusieurs organisations humanitaires présentes sur place depuis des années.",
            "Les partenaires régionaux ont accueilli la nouvelle avec prudence, rappelant "
            "que des initiatives semblables avaient échoué faute de moyens.",
            "Le commandement tournera chaque année entre les trois pays, en commençant par "
            "le Niger, qui accueille le quartier général de la nouvelle force.",
            "Chaque pays versera une contribution égale, complétée par une taxe sur les "
            "importations venant de l'extérieur de l'espace commun, précise le texte.",
        ],
        "À lire aussi",
        [
            "Mali : la saison des pluies s'annonce précoce dans le Sud",
            "Burkina : un festival de cinéma itinérant dans les villages",
            "Niger : les éleveurs de Tahoua réclament de nouveaux puits",
        ],
        "Les chefs d'état-major visent un premier déploiement en décembre, mais plusieurs "
        "officiers jugent ce calendrier très ambitieux au vu des moyens disponibles.",
    ),
    "en": (
        "Sahel: a joint force of five thousand troops",
        [
            "The three countries of the Alliance of Sahel States announced on Saturday a "
            "joint force of five thousand troops, based in Niamey.",
            "The announcement came after a meeting of the chiefs of staff, who spent two "
            "days discussing how troops and funding would be shared.",
            "According to a statement read on national television, the first units will be "
            "deployed before the end of the year in the three borders area.",
            "Attacks there have multiplied since the start of the dry season, according to "
            "several aid groups that have worked in the area for years.",
            "Regional partners welcomed the news with caution, recalling that similar "
            "initiatives had failed for lack of means in the past.",
            "Command will rotate each year between the three countries, starting with Niger, "
            "which hosts the headquarters of the new force.",
            "Each country will pay an equal share, topped up by a levy on imports coming "
            "from outside the common area, the statement says.",
        ],
        "Read also",
        [
            "Mali: the rainy season is expected early in the South",
            "Burkina: a travelling film festival tours the villages",
            "Niger: herders in Tahoua call for new wells",
        ],
        "The chiefs of staff are aiming for a first deployment in December, but several "
        "officers consider this timetable very ambitious given the means available.",
    ),
}


def _force_dump(lang: str, box_lines: list[str], last: str) -> str:
    """An innerText dump: menu, title, paragraphs set apart, the box, the last paragraph."""
    title, body, _, _, _ = FORCE[lang]
    article = "\n\n".join([title, *body])
    return (
        "Accueil\nAfrique\nSahel\nSport\n\n" + article + "\n\n" + "\n".join(box_lines)
        + "\n\n" + last + "\n\n© 2024 Sahel Info\n"
    )  # fmt: skip


def _force_html(lang: str) -> str:
    title, body, heading, headlines, last = FORCE[lang]
    box = (
        f"<div><h3>{heading}</h3><ul>"
        + "".join(f'<li><a href="/n{i}">{h}</a></li>' for i, h in enumerate(headlines))
        + "</ul></div>"
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (
        f'<html lang="{lang}"><head><title>{title}</title></head><body>'
        "<nav><a href='/'>Accueil</a> <a href='/afrique'>Afrique</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}{box}<p>{last}</p></article>"
        "<footer>© 2024 Sahel Info</footer></body></html>"
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", ["dump", "html"])
def test_the_article_goes_on_after_an_inline_box_of_headlines(lang: str, kind: str) -> None:
    """Seven paragraphs, a box of three headlines, the last paragraph: the box is removed
    as related, the last paragraph stays (on HTML trafilatura keeps it too)."""
    _, body, heading, headlines, last = FORCE[lang]
    page = _force_html(lang) if kind == "html" else _force_dump(lang, [heading, *headlines], last)
    doc = clean(page)
    assert doc.text.endswith(last)
    assert all(p in doc.text for p in body)
    assert heading not in doc.text and not any(h in doc.text for h in headlines)
    related = [r for r in doc.removed if r.kind.value == "related"]
    assert any(headlines[0] in r.text for r in related)


# Boxes that are no inline box, each with prose after it that is not the article's: names
# under "À lire aussi" (a comment thread's last commenters, then a comment), and the site's
# "Les plus lus" rail of headlines (no teaser lead-in), then a teaser's summary.
NOT_BOXES = {
    "fr": {
        "names": (
            None,
            ["Awa Traoré", "Moussa Diallo", "Fatou Sow"],
            "Tout à fait d'accord avec cet article : cette force aurait dû venir plus tôt, "
            "les trois armées ont bien trop attendu.",
        ),
        "most-read": (
            "Les plus lus",
            None,
            "À Gao, les pêcheurs ont repris la mer après trois semaines de crue, selon la "
            "mairie de la ville, qui a rouvert le port.",
        ),
    },
    "en": {
        "names": (
            None,
            ["Awa Traoré", "Moussa Diallo", "Fatou Sow"],
            "I fully agree with this article: the force is needed, it should have come years "
            "ago, the three armies waited far too long.",
        ),
        "most-read": (
            "Most read",
            None,
            "In Gao, the fishermen went back out after three weeks of floods, the town hall "
            "said on Monday, as the port reopened.",
        ),
    },
}


@pytest.mark.parametrize("case", ["names", "most-read"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_prose_after_a_box_that_is_no_inline_box_ends_the_article(lang: str, case: str) -> None:
    _, body, lead_in, headlines, _ = FORCE[lang]
    heading, entries, prose = NOT_BOXES[lang][case]
    doc = clean(_force_dump(lang, [heading or lead_in, *(entries or headlines)], prose))
    assert all(p in doc.text for p in body)
    assert prose not in doc.text
