"""zones: widget zones opened by headings, seen end to end through sahelclean.clean()."""

from __future__ import annotations

import pytest

from sahelclean import clean
from sahelclean.models import Label

from .test_classify import EN_BODY, EN_TITLE, FR_BODY, FR_TITLE, dump


@pytest.mark.parametrize(
    ("title", "body", "menu", "form"),
    [
        (
            FR_TITLE,
            FR_BODY,
            ["Accueil", "Politique", "Économie", "Sport"],
            ["Commentaires", "Connectez-vous pour commenter", "Nom", "Envoyer"],
        ),
        (
            EN_TITLE,
            EN_BODY,
            ["Home", "Politics", "Business", "Sport"],
            ["Comments", "Log in to comment", "Name", "Submit"],
        ),
    ],
    ids=["fr", "en"],
)
def test_comment_form_above_the_article_does_not_swallow_it(
    title: str, body: list[str], menu: list[str], form: list[str]
) -> None:
    """A get_text() dump prints the hidden comment form first: a comments heading with a login
    prompt under it, before any article prose. The thread has not begun there; the article
    after the form is the article."""
    doc = clean(dump(menu, form, title, body).encode(), source="form")
    for paragraph in body:
        assert paragraph in doc.text
    assert "Connectez-vous pour commenter" not in doc.text
    assert "Log in to comment" not in doc.text


# get_text() dumps: the link of an inline "Lire aussi :" falls on the line after the
# lead-in, and the article's intertitle comes right after it.
RUN_IN = {
    "fr": (
        "Lire aussi :",
        "Au Niger, les inondations ont fait plus de cent morts depuis juin",
        "Une crue plus haute que celle de 2020",
    ),
    "en": (
        "Read more:",
        "Niger floods have killed more than a hundred people since June",
        "A flood higher than in 2020",
    ),
}
RUN_IN_BODY = {
    "fr": [
        "Sur la berge du quartier de Château, une maraîchère montre l'endroit où poussaient "
        "encore ses oignons il y a deux mois.",
        "Elle cultive ce lopin depuis vingt ans avec ses trois fils et avait emprunté de "
        "l'argent pour acheter une motopompe.",
        "Selon les relevés de la direction régionale de l'hydraulique, le fleuve a dépassé "
        "de quarante centimètres le niveau record de la dernière grande crue.",
        "Les digues en terre construites par les habitants n'ont pas tenu, et plus de "
        "quatre cents familles ont perdu leur récolte.",
    ],
    "en": [
        "On the bank of the Chateau quarter, a gardener points to where her onions were "
        "still growing two months ago.",
        "She has farmed this plot for twenty years with her three sons and had borrowed "
        "money to buy a motor pump.",
        "According to the regional water board, the river rose forty centimetres above the "
        "record level of the last great flood.",
        "The earth dykes built by the residents did not hold, and more than four hundred "
        "families lost their harvest.",
    ],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_run_in_teaser_takes_one_link_not_the_intertitle_after_it(lang: str) -> None:
    """ "Lire aussi :" alone on its line, its link, then the article's intertitle and
    paragraph: the teaser is the lead-in and the link; the intertitle stays."""
    lead_in, link, intertitle = RUN_IN[lang]
    body = RUN_IN_BODY[lang]
    menu = ["Accueil", "Monde", "Afrique"] if lang == "fr" else ["Home", "World", "Africa"]
    title = "Mali : à Gao, le fleuve monte" if lang == "fr" else "Mali: in Gao, the river rises"
    lines = [*menu, title, *body[:2], lead_in, link, intertitle, *body[2:], "© 2026 Sahel Info"]
    doc = clean("\n".join(lines) + "\n")
    assert intertitle in doc.text
    assert all(p in doc.text for p in body)
    assert link not in doc.text
    assert any(r.kind.value == "related" and link in r.lines for r in doc.removed)


# HTML: a forum under the article in plain <div>s, which trafilatura keeps as text.
FORUM = {
    "fr": (
        "Vos réactions (2)",
        [
            ("Bravo à l'association ! Il faut aussi penser aux garçons qui quittent l'école "
             "pour les sites d'orpaillage.", "Posté par Issa K. le 13 novembre 2026 à 07:12"),
            ("Très bonne initiative, que les autorités suivent cet exemple dans toutes les "
             "provinces du pays.", "Posté par Salif le 13 novembre 2026 à 08:40"),
        ],
        "Répondre à ce message",
    ),
    "en": (
        "Comments (2)",
        [
            ("Well done to the association! Boys who leave school for the gold mines need "
             "the same help.", "Posted by Issa K. on November 13, 2026 at 07:12"),
            ("A very good initiative, the authorities should follow this example in every "
             "province of the country.", "Posted by Salif on November 13, 2026 at 08:40"),
        ],
        "Reply to this comment",
    ),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_forum_trafilatura_kept_is_comments_under_a_comments_heading(lang: str) -> None:
    """A comments heading, then each message with its author line and a reply link: the
    reply links prove a thread, so the messages go to the comments, kept or not."""
    heading, messages, reply = FORUM[lang]
    title, body = (FR_TITLE, FR_BODY) if lang == "fr" else (EN_TITLE, EN_BODY)
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    forum = "".join(
        f"<div><p>{text}</p><p>{author}</p><p><a href='/r{i}'>{reply}</a></p></div>"
        for i, (text, author) in enumerate(messages)
    )
    page = (
        f'<html lang="{lang}"><head><title>{title}</title></head><body>'
        f"<h1>{title}</h1>{paragraphs}<div class='forum'><h3>{heading}</h3>{forum}</div>"
        "<p>© 2026 Sahel Info</p></body></html>"
    )
    doc = clean(page)
    assert all(p in doc.text for p in body)
    assert not any(text in doc.text for text, _ in messages)
    comments = [r for r in doc.removed if r.kind.value == "comments"]
    assert any(messages[0][0] in r.lines for r in comments)


@pytest.mark.parametrize("lead_in", ["Lire aussi :", "Read more:"])
def test_a_run_in_teaser_on_the_last_line_ends_the_page(lead_in: str) -> None:
    """A lead-in with nothing after it: its zone is the line alone."""
    body = RUN_IN_BODY["fr" if lead_in.startswith("Lire") else "en"]
    doc = clean("\n".join([*body, lead_in]) + "\n")
    assert all(p in doc.text for p in body)
    assert lead_in not in doc.text


# --- a blog's comment thread that trafilatura keeps (its issue #850), with no class names ---

THREADS = {
    "fr": (
        "Crue à Niamey : des milliers de familles relogées dans les écoles",
        [
            "Le fleuve est sorti de son lit dans la nuit de lundi et a inondé plusieurs "
            "quartiers de la rive droite, selon la protection civile, qui a évacué des "
            "centaines de familles.",
            "Près de deux mille familles ont été relogées dans des écoles, où la mairie "
            "distribue des vivres et des nattes depuis mardi matin, selon les autorités.",
            "Les autorités demandent aux habitants des berges de quitter leurs maisons avant "
            "la prochaine montée des eaux, attendue en fin de semaine.",
        ],
        "3 réflexions sur « Crue à Niamey : des milliers de familles relogées »",
        "Répondre",
        [
            ("Ibrahim K.", "12 juin 2024 à 9 h 14", "Chaque année c'est la même chose et rien "
             "n'est fait pour les digues. La ville aurait dû les construire après les "
             "dernières crues au lieu d'attendre la prochaine catastrophe."),
            ("Fatou D.", "12 juin 2024 à 11 h 02", "Ma cousine habite à Lamordé et ils ont "
             "encore tout perdu. Merci d'en parler, les médias nationaux n'en disent presque "
             "rien et les gens ont besoin d'aide maintenant."),
        ],
    ),
    "en": (
        "Floods in Niamey: thousands of families moved into schools",
        [
            "The river burst its banks overnight on Monday and flooded several districts of "
            "the right bank, according to the civil protection services, who evacuated "
            "hundreds of families.",
            "Nearly two thousand families have been moved into schools, where the city has "
            "been handing out food and mats since Tuesday morning, officials said.",
            "The authorities are asking people living on the banks to leave their homes "
            "before the next rise of the water, expected at the end of the week.",
        ],
        "3 thoughts on “Floods in Niamey: thousands of families moved into schools”",
        "Reply",
        [
            ("Ibrahim K.", "June 12, 2024 at 9:14 am", "This happens every year and nothing "
             "is done about the dykes. The city should have built them after the last "
             "floods, instead of waiting for the next disaster to strike."),
            ("Fatou D.", "June 12, 2024 at 11:02 am", "My cousin lives in Lamordé and they "
             "lost everything again. Thank you for covering this, the national media barely "
             "talks about it and people need help now."),
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("plain", [False, True], ids=["thread-heading", "plain-heading"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_blog_thread_trafilatura_keeps_is_one_comments_widget(lang: str, plain: bool) -> None:
    title, body, heading, reply, comments = THREADS[lang]
    if plain:
        heading = "Commentaires" if lang == "fr" else "Comments"
    thread = "".join(
        f"<div><div><b>{name}</b></div><div>{date}</div><p>{text}</p>"
        f'<div><a href="#r">{reply}</a></div></div>'
        for name, date, text in comments
    )
    page = (
        f"<html lang='{lang}'><head><title>{title}</title></head><body>"
        "<div><a href='/'>Accueil</a> <a href='/afrique'>Afrique</a></div>"
        f"<div><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in body) + "</div>"
        f"<div><h3>{heading}</h3>{thread}</div></body></html>"
    )
    doc = clean(page)
    assert all(p in doc.text for p in body)
    assert not any(text in doc.text for _, _, text in comments)
    widget = next(r for r in doc.removed if r.heading == heading)
    assert widget.kind is Label.COMMENTS
    assert all(text in widget.text for _, _, text in comments)


# --- HTML: a rail of headlines and summaries in a section no class names ---

RAILS = {
    "fr": (
        "Sur le même sujet",
        [
            ("Au Niger, la campagne agricole menacée par les inondations",
             "Les pluies exceptionnelles ont détruit des milliers d'hectares de cultures."),
            ("Sénégal : l'arachide à la peine malgré une bonne saison",
             "Les producteurs dénoncent des prix trop bas fixés par l'État."),
            ("Côte d'Ivoire : le cacao atteint des records",
             "La hausse des cours mondiaux profite enfin aux planteurs."),
        ],
    ),
    "en": (
        "Related stories",
        [
            ("In Niger, the farming season threatened by floods",
             "Exceptional rains have destroyed thousands of hectares of crops across the south."),
            ("Senegal: groundnuts struggle despite a good season",
             "Farmers denounce the purchase prices that the state has set far too low."),
            ("Ivory Coast: cocoa hits record highs",
             "The rise in world prices is finally starting to benefit the small planters."),
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_rail_of_headlines_and_summaries_is_one_related_widget(lang: str) -> None:
    """trafilatura leaves the section out; its summaries are the rail's, not 'text after
    the article', and the rail is one widget under its heading."""
    title, body = THREADS[lang][0], THREADS[lang][1]
    heading, entries = RAILS[lang]
    cards = "".join(
        f"<article><h3><a href='/a{i}'>{h}</a></h3><p>{s}</p></article>"
        for i, (h, s) in enumerate(entries)
    )
    page = (
        f"<html lang='{lang}'><head><title>{title}</title></head><body><main><article>"
        f"<h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in body) + "</article>"
        f"<section><h2>{heading}</h2>{cards}</section></main></body></html>"
    )
    doc = clean(page)
    assert all(p in doc.text for p in body)
    rail = next(r for r in doc.removed if r.heading == heading)
    assert rail.kind is Label.RELATED
    assert all(h in rail.text and s in rail.text for h, s in entries)
