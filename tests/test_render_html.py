"""render/html.py: the HTML5 output, parsed back with lxml."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from sahelclean.models import Document, Label
from sahelclean.render import render_html

from .documents import document, widget
from .test_markdown import EN, FR


def parse(page: str) -> lxml_html.HtmlElement:
    """The <html> element of an output page."""
    return lxml_html.document_fromstring(page)


def texts(root: lxml_html.HtmlElement, path: str) -> list[str]:
    """The text of every element the XPath finds."""
    return [element.text_content() for element in root.xpath(path)]


@pytest.mark.parametrize("doc", [FR, EN], ids=["fr", "en"])
def test_the_page_is_a_semantic_article(doc: Document) -> None:
    page = render_html(doc)
    assert page.startswith("<!DOCTYPE html>\n")
    root = parse(page)
    assert root.get("lang") == doc.language
    assert root.xpath("/html/head/meta/@charset") == ["utf-8"]
    assert texts(root, "/html/head/title") == [doc.title]
    assert texts(root, "/html/body/article/header/h1") == [doc.title]
    assert texts(root, "/html/body/article/header/p") == [doc.lead]
    headings = [s.heading for s in doc.sections if s.heading]
    assert texts(root, "/html/body/article/h2") == headings
    quotes = [p.text for s in doc.sections for p in s.parts if p.role is Label.QUOTE]
    assert texts(root, "//article/blockquote/p") == quotes
    credits = [p.text for s in doc.sections for p in s.parts if p.role is Label.ATTRIBUTION]
    assert texts(root, "//article/blockquote/footer") == credits
    items = [p.text for s in doc.sections for p in s.parts if p.role is Label.LIST_ITEM]
    assert texts(root, "//article/ul/li") == items
    assert not root.xpath("//script | //style | //@style | //link")


def test_a_paragraph_of_the_page_is_in_order_after_its_intertitle() -> None:
    root = parse(render_html(FR))
    body = [(e.tag, e.text_content()) for e in root.xpath("/html/body/article/*")]
    at = body.index(("h2", "Ce qui reste à faire"))
    assert body[at + 1] == ("p", "Trois chantiers attendent l'équipe :")
    assert body[at + 2][0] == "ul"
    assert body[at + 3] == ("p", "Le travail durera deux ans.")


@pytest.mark.parametrize(
    "line",
    ["<script>alert('Bamako')</script> dit la dépêche", 'Read <b onclick="x()">this</b> & more'],
    ids=["fr", "en"],
)
def test_markup_in_the_text_is_escaped(line: str) -> None:
    doc = document(line, line, [(line, [(Label.PARAGRAPH, line), (Label.LIST_ITEM, line)])])
    page = render_html(doc)
    root = parse(page)
    assert not root.xpath("//script | //b")
    found = texts(root, "//title | //h1 | //h2 | //article//p | //li")
    assert found == [line] * 6  # title, h1, lead, h2, p, li
    assert "&lt;" in page


def test_no_lang_when_the_language_is_unknown() -> None:
    doc = document(None, None, [(None, [(Label.PARAGRAPH, "Text.")])], language=None)
    root = parse(render_html(doc))
    assert root.get("lang") is None
    assert texts(root, "/html/head/title") == ["page.txt"]  # no title: the source names it
    assert not root.xpath("//header")


def test_with_removed_adds_an_aside_after_the_article() -> None:
    removed = (widget(Label.COMMENTS, "Comments", ["Comments", "Sign in <here>"]),)
    doc = document("Title", None, [(None, [(Label.PARAGRAPH, "Text.")])], removed=removed)
    assert not parse(render_html(doc)).xpath("//aside")
    root = parse(render_html(doc, with_removed=True))
    assert texts(root, "/html/body/aside/h2") == ["Removed"]
    assert texts(root, "/html/body/aside/section/h3") == ["comments: Comments"]
    assert texts(root, "/html/body/aside/section/p") == ["Reason: widget heading 'Comments'"]
    assert texts(root, "/html/body/aside/section/ul/li") == ["Sign in <here>"]
