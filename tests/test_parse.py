"""html/parse.py: pages nested past libxml2's depth limit keep their text; fragments parse."""

from __future__ import annotations

import pytest

from sahelclean import clean
from sahelclean.html.parse import KEEP_DEPTH, at_depth_limit, flatten, load_html, parse_html

ARTICLES = {
    "fr": (
        "Inondations à Niamey : la mairie ouvre trois sites d'accueil",
        [
            "La crue du fleuve a inondé dans la nuit de lundi plusieurs quartiers de la "
            "rive droite, selon les services de la protection civile.",
            "Près de deux mille familles ont été relogées dans des écoles, où la mairie "
            "distribue des vivres et des nattes depuis mardi matin.",
            "Les autorités demandent aux habitants des berges de quitter leurs maisons "
            "avant la nouvelle montée des eaux attendue pour la fin de la semaine.",
        ],
    ),
    "en": (
        "Floods in Niamey: the city opens three shelters",
        [
            "The river burst its banks overnight on Monday and flooded several districts "
            "of the right bank, according to the civil protection services.",
            "Nearly two thousand families have been moved into schools, where the city "
            "has been handing out food and mats since Tuesday morning.",
            "The authorities are asking people living on the banks to leave their homes "
            "before the next rise of the water, expected at the end of the week.",
        ],
    ),
}


def _page(language: str, depth: int) -> str:
    title, paragraphs = ARTICLES[language]
    body = f"<h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<html lang="{language}"><head><title>{title}</title></head><body>'
        "<nav><a href='/'>Home</a> <a href='/a'>Africa</a></nav>"
        + "<div>" * depth
        + body
        + "</div>" * depth
        + "<footer>© 2024 Sahel Info</footer></body></html>"
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_normal_page_is_parsed_once(language: str) -> None:
    tree, note = parse_html(_page(language, 20))
    assert tree is not None and note is None
    assert not at_depth_limit(tree)
    assert all(p in tree.text_content() for p in ARTICLES[language][1])


@pytest.mark.parametrize(("language", "depth"), [("fr", 300), ("en", 3000), ("fr", 60_000)])
def test_a_page_nested_past_the_limit_keeps_its_text(language: str, depth: int) -> None:
    html = _page(language, depth)
    tree, note = parse_html(html)
    assert tree is not None and note is not None and "256 levels" in note
    text = tree.text_content()
    assert all(p in text for p in ARTICLES[language][1])
    assert "© 2024" in text  # what follows the deep part is back too
    doc = clean(html)
    assert doc.stats["flattened"] == note
    assert [p for p in ARTICLES[language][1] if p in doc.text] == ARTICLES[language][1]
    assert "Home" not in doc.text.split("\n")


def test_the_parser_alone_loses_what_follows_the_limit() -> None:
    """What the module is for: without flattening, libxml2 drops the text (checked so that
    a libxml2 that lifts its limit one day shows up here, not as a silent change)."""
    from trafilatura import load_html

    tree = load_html(_page("en", 300))
    assert tree is not None and at_depth_limit(tree)
    assert ARTICLES["en"][1][0] not in tree.text_content()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_fragment_of_one_element_is_parsed(language: str) -> None:
    paragraphs = ARTICLES[language][1]
    fragment = "<div>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"
    tree, note = parse_html(fragment)
    assert tree is not None and note is None
    assert all(p in tree.text_content() for p in paragraphs)


def test_flatten_takes_out_deep_tags_and_keeps_their_text() -> None:
    html = "<div><div><div><p>profond</p><br><b>deep</b></div></div></div><p>after</p>"
    flat, dropped = flatten(html, 2)
    assert "<br>profond<br>" in flat and "deep" in flat and "<p>after</p>" in flat
    # the third div and its end tag, p and /p, br, b and /b
    assert flat.startswith("<div><div>") and dropped == 7
    assert flatten(html, 10) == (html, 0)


def test_flatten_never_shows_a_deep_script() -> None:
    html = "<div><div><script>if (a < b) { s = '<p>'; }</script><p>texte</p></div></div>"
    flat, _ = flatten(html, 1)
    assert "if (a" not in flat and "texte" in flat
    kept, dropped = flatten(html, 5)  # a "<" inside a script opens nothing
    assert (kept, dropped) == (html, 0)


def test_keep_depth_is_under_the_parser_limit() -> None:
    assert KEEP_DEPTH < 250


# Pages that take each of trafilatura's loading paths: a plain page, a text that declares
# its encoding (lxml refuses it as str: parsed as bytes), a self-closing <html/>, a doctype
# on the first line, a lone element (turned down), an empty text.
LOADER_CASES = {
    "plain-fr": _page("fr", 3),
    "plain-en": _page("en", 3),
    "xml-declaration": '<?xml version="1.0" encoding="utf-8"?>\n' + _page("fr", 1),
    "self-closing-html": '<html lang="en"/>\n<body><p>' + ARTICLES["en"][1][0] + "</p></body>",
    "doctype": "<!DOCTYPE html>\n" + _page("en", 1),
    "lone-element": "<p>" + ARTICLES["fr"][1][0] + "</p>",
    "empty": "",
    "form-controls": "<html><body><form><input name='q'><select><option>Niger</option>"
    "</select><textarea>avis</textarea></form><p>" + ARTICLES["fr"][1][1] + "</p></body></html>",
}


@pytest.mark.parametrize("case", sorted(LOADER_CASES))
def test_load_html_builds_trafilaturas_tree(case: str) -> None:
    """The faster parser builds the tree trafilatura's own loader builds, path for path."""
    from lxml import etree
    from lxml.html import HtmlElement
    from trafilatura import load_html as trafilatura_load_html

    html = LOADER_CASES[case]
    ours, theirs = load_html(html), trafilatura_load_html(html)
    assert (ours is None) == (theirs is None)
    if ours is None:
        return
    assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")
    # every element still has lxml.html's methods (trafilatura calls text_content())
    assert all(isinstance(e, HtmlElement) for e in ours.iter() if isinstance(e.tag, str))
    assert ours.text_content() == theirs.text_content()


def test_each_thread_parses_with_its_own_parser() -> None:
    """lxml parsers must not be shared between threads."""
    import threading

    from sahelclean.html.parse import _parser

    seen: list[object] = []
    thread = threading.Thread(target=lambda: seen.append(_parser()))
    thread.start()
    thread.join()
    assert seen and seen[0] is not _parser() and _parser() is _parser()
