"""render/markdown.py: the Markdown output, parsed back with markdown-it-py."""

from __future__ import annotations

from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from sahelclean.models import Document, Label
from sahelclean.render import escape_markdown, render_markdown

from .documents import document, widget

FR = document(
    "Tombouctou : les manuscrits reviennent à la bibliothèque",
    "Mis à l'abri pendant dix ans, les documents anciens regagnent leurs rayonnages.",
    [
        (None, [(Label.PARAGRAPH, "Les caisses sont arrivées par camion au petit matin.")]),
        (
            "Un retour attendu",
            [
                (Label.PARAGRAPH, "Les conservateurs ont vérifié chaque volume."),
                (Label.CAPTION, "Un conservateur ouvre une caisse. Photo : Sahel Info"),
                (Label.QUOTE, "« Chaque page est une part de notre mémoire »"),
                (Label.ATTRIBUTION, "Fatouma Cissé, conservatrice"),
            ],
        ),
        (
            "Ce qui reste à faire",
            [
                (Label.PARAGRAPH, "Trois chantiers attendent l'équipe :"),
                (Label.LIST_ITEM, "numériser les volumes fragiles"),
                (Label.LIST_ITEM, "former deux restaurateurs"),
                (Label.PARAGRAPH, "Le travail durera deux ans."),
            ],
        ),
    ],
)
EN = document(
    "Chad: a ferry links the two banks of the Chari again",
    "After a year without service, traders can cross the river in ten minutes.",
    [
        (None, [(Label.PARAGRAPH, "The first crossing left at dawn with forty passengers.")]),
        (
            "A lifeline for markets",
            [
                (Label.QUOTE, '"We lost half our customers when the ferry stopped"'),
                (Label.ATTRIBUTION, "— Achta Mahamat, fish seller"),
                (Label.PARAGRAPH, "Prices at the market have already fallen."),
            ],
        ),
        (
            "What comes next",
            [
                (Label.LIST_ITEM, "a second boat in June"),
                (Label.LIST_ITEM, "a landing stage for carts"),
            ],
        ),
    ],
    language="en",
)


def _text(inline: Token) -> str:
    """What an inline token renders as; it must hold plain text and nothing else."""
    children = inline.children or []
    assert all(c.type == "text" for c in children), [c.type for c in children]
    return "".join(c.content for c in children)


def blocks(markdown: str) -> list[tuple[str, Any]]:
    """The top-level blocks of a Markdown text: (kind, text) in order.

    Kinds: h1, h2, h3, p, hr, quote (the texts of its paragraphs), list (its items' texts).
    """
    tokens = MarkdownIt("commonmark").parse(markdown)
    out: list[tuple[str, Any]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        close = token.type.replace("_open", "_close")
        end = next((j for j in range(i, len(tokens)) if tokens[j].type == close
                    and tokens[j].level == token.level), i)  # fmt: skip
        inner = [_text(t) for t in tokens[i:end] if t.type == "inline"]
        if token.type == "heading_open":
            out.append((token.tag, inner[0]))
        elif token.type == "paragraph_open":
            out.append(("p", inner[0]))
        elif token.type == "blockquote_open":
            out.append(("quote", inner))
        elif token.type == "bullet_list_open":
            out.append(("list", inner))
        elif token.type == "hr":
            out.append(("hr", None))
        else:
            raise AssertionError(f"unexpected block {token.type}")
        i = end + 1
    return out


def expected_blocks(doc: Document) -> list[tuple[str, Any]]:
    """The blocks the document's parts must give, in order (captions left out)."""
    out: list[tuple[str, Any]] = [("h1", doc.title), ("p", doc.lead)]
    for section in doc.sections:
        if section.heading:
            out.append(("h2", section.heading))
        for part in section.parts:
            last = out[-1]
            if part.role is Label.LIST_ITEM:
                if last[0] == "list":
                    last[1].append(part.text)
                else:
                    out.append(("list", [part.text]))
            elif part.role is Label.QUOTE:
                out.append(("quote", [part.text]))
            elif part.role is Label.ATTRIBUTION:
                last[1].append("— " + part.text.removeprefix("— "))
            elif part.role is not Label.CAPTION:
                out.append(("p", part.text))
    return out


@pytest.mark.parametrize("doc", [FR, EN], ids=["fr", "en"])
def test_every_block_comes_back_in_order_with_its_kind(doc: Document) -> None:
    assert blocks(render_markdown(doc)) == expected_blocks(doc)


def test_layout_title_lead_intertitles_quote_and_list() -> None:
    lines = render_markdown(FR).splitlines()
    assert lines[0] == "# Tombouctou : les manuscrits reviennent à la bibliothèque"
    assert (
        lines[2]
        == "Mis à l'abri pendant dix ans, les documents anciens regagnent leurs rayonnages."
    )
    assert "## Un retour attendu" in lines and "## Ce qui reste à faire" in lines
    quote = lines.index("> « Chaque page est une part de notre mémoire »")
    assert lines[quote + 1 : quote + 3] == [">", "> — Fatouma Cissé, conservatrice"]
    items = lines.index("- numériser les volumes fragiles")
    assert lines[items + 1] == "- former deux restaurateurs"


def test_the_caption_is_left_out_as_in_the_text() -> None:
    assert "Photo : Sahel Info" not in FR.text
    assert "Photo : Sahel Info" not in render_markdown(FR)


def test_an_attribution_that_has_its_own_dash_gets_one_dash() -> None:
    assert "> — Achta Mahamat, fish seller" in render_markdown(EN).splitlines()


MARKUP_LINES = {
    "fr": [
        "# 1 du classement, le Mali reste devant",
        "> Ce signe ouvre une citation",
        "- 5 °C relevés à Kidal cette nuit",
        "1. Première étape : le recensement",
        "2024) L'année de tous les records",
        "+ 12 % de récoltes selon le ministère",
        "* Astérisque : chiffres provisoires",
        "--- fin de la dépêche ---",
        "=== suite ===",
        "```sans code```",
        "~~~ vague",
        "<b>gras</b> et *emphase* et _souligné_",
        "[lien](https://exemple.org) et &amp; et \\ barre",
    ],
    "en": [
        "#1 seed: Senegal again",
        ">> Reply from the editor",
        "- 3 points behind the leaders",
        "10. Tenth on the list",
        "3) Third item of the plan",
        "+ More funds for the region",
        "* Figures are provisional",
        "***",
        "<script>alert(1)</script>",
        "`code` and **bold** and __strong__",
        "![image](x.png) and &#233; and C:\\path",
    ],
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_lines_that_look_like_markup_stay_text(language: str) -> None:
    lines = MARKUP_LINES[language]
    doc = document(
        "Titre",
        None,
        [(None, [(Label.PARAGRAPH, line) for line in lines]),
         ("Listes", [(Label.LIST_ITEM, line) for line in lines]),
         ("Citations", [(Label.QUOTE, line) for line in lines])],
    )  # fmt: skip
    got = blocks(render_markdown(doc))
    assert got[1 : 1 + len(lines)] == [("p", line) for line in lines]
    assert got[1 + len(lines)] == ("h2", "Listes")
    assert got[2 + len(lines)] == ("list", lines)
    assert got[4 + len(lines) :] == [("quote", [line]) for line in lines]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# Titre", "\\# Titre"),
        ("> cité", "\\> cité"),
        ("- tiret", "\\- tiret"),
        ("1. first", "1\\. first"),
        ("12) twelfth", "12\\) twelfth"),
        ("+ plus", "\\+ plus"),
        ("*star*", "\\*star\\*"),
        ("plain 1. text # here - and > there", "plain 1. text # here - and > there"),
        ("  spaced   out\nline ", "spaced out line"),
    ],
)
def test_escape_markdown(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


@pytest.mark.parametrize(
    "heading", ["Le classement de C#", "Why #MeToo matters ##", "Note #"], ids=["fr", "en", "end"]
)
def test_a_heading_keeps_its_hashes(heading: str) -> None:
    doc = document(heading, None, [(heading, [(Label.PARAGRAPH, "Texte.")])])
    assert blocks(render_markdown(doc)) == [("h1", heading), ("h2", heading), ("p", "Texte.")]


REMOVED = (
    widget(Label.RELATED, "À lire aussi", ["À lire aussi", "Niger : un titre", "Mali : un autre"],
           ["Niger : un titre", "Mali : un autre"]),
    widget(Label.METADATA, None, ["Par Awa Traoré", "- 3 min de lecture"]),
)  # fmt: skip


def test_with_removed_appends_the_widgets_as_a_last_section() -> None:
    doc = document("Titre", "Chapeau.", [("Partie", [(Label.PARAGRAPH, "Texte.")])],
                   removed=REMOVED)  # fmt: skip
    got = blocks(render_markdown(doc, with_removed=True))
    assert got == [
        ("h1", "Titre"),
        ("p", "Chapeau."),
        ("h2", "Partie"),
        ("p", "Texte."),
        ("hr", None),
        ("h2", "Removed"),
        ("h3", "related: À lire aussi"),
        ("p", "Reason: widget heading 'À lire aussi'"),
        ("list", ["Niger : un titre", "Mali : un autre"]),
        ("h3", "metadata"),
        ("p", "Reason: byline"),
        ("list", ["Par Awa Traoré", "- 3 min de lecture"]),
    ]


def test_without_the_flag_nothing_removed_is_shown() -> None:
    doc = document("Titre", None, [(None, [(Label.PARAGRAPH, "Texte.")])], removed=REMOVED)
    assert render_markdown(doc) == "# Titre\n\nTexte.\n"
