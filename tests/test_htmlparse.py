"""htmlparse.py: pages nested past libxml2's depth limit keep their text; fragments parse."""

from __future__ import annotations

import pytest

from sahelclean import clean
from sahelclean.htmlparse import KEEP_DEPTH, at_depth_limit, flatten, parse_html

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
