"""Parse a page into an lxml tree, even when it is nested deeper than libxml2 allows.

libxml2 stops building the tree at 256 levels of nesting (2,048 with its "huge" option)
and silently drops everything after that point: the article of a page wrapped in a few
hundred broken <div>s would vanish with no message. When the tree reaches that depth, the
page is parsed again with the tags below KEEP_DEPTH taken out (their text stays where it
was), and the Document's stats say so.
"""

from __future__ import annotations

import re
import threading
from typing import Any

# libxml2's depth limit without XML_PARSE_HUGE.
PARSER_MAX_DEPTH = 256
# A tree with an element this deep has (nearly) hit the limit: the rest may be lost.
CHECK_DEPTH = PARSER_MAX_DEPTH - 6
# Tags nested deeper than this are taken out before the second parse. The page's own
# structure (html, body, main, article, the widget containers) sits well above it; what
# lies deeper keeps its text as lines. Kept shallow on purpose: trafilatura's work on
# nested tables grows with depth times size (a 1.5 MB page of nested tables took 102 s
# flattened at 200 levels, 12 s at 40).
KEEP_DEPTH = 24
# Elements that have no content and no end tag: they never open a level.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr", "keygen", "command", "basefont", "frame", "isindex"}
)  # fmt: skip
# Block elements taken out leave a <br> (a void element: no level), so that their texts
# stay apart as lines.
_BLOCK = frozenset(
    {"div", "p", "li", "section", "article", "td", "tr", "table", "ul", "ol", "h1", "h2",
     "h3", "h4", "h5", "h6", "blockquote", "header", "footer", "aside", "nav", "figure",
     "figcaption", "dd", "dt", "pre", "main"}
)  # fmt: skip
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:_-]*)\b[^>]*?(/?)>")
# Raw text elements: a "<" inside them is no tag.
_RAW_TEXT = re.compile(r"<(script|style|textarea|title)\b[^>]*>.*?</\1\s*>", re.S | re.I)


def parse_html(html: str) -> tuple[Any | None, str | None]:
    """The page's tree (trafilatura's loader), and a note when it had to be flattened."""
    tree = load_html(html)
    if tree is None:
        # trafilatura's loader turns down a fragment of one element ("<div>…</div>", as a
        # JSONL field often holds): inside a body of its own it is a page like any other.
        html = f"<html><body>{html}</body></html>"
        tree = load_html(html)
    if tree is None or not at_depth_limit(tree):
        return tree, None
    flat, dropped = flatten(html, KEEP_DEPTH)
    again = load_html(flat)
    if again is None:
        return tree, None
    note = (
        f"nested deeper than the parser's {PARSER_MAX_DEPTH} levels: {dropped:,} tags below "
        f"level {KEEP_DEPTH} were taken out and their text kept"
    )
    return again, note


def load_html(html: str) -> Any | None:
    """trafilatura's `load_html` for a decoded page, with a parser that builds the same
    tree faster.

    lxml.html's parser asks a Python function for the class of every element lxml hands
    to Python (only form controls get classes of their own, which neither trafilatura
    nor sahelclean uses); on the dev pages that is 2 million calls, 5 % of the run. This
    parser gives every element lxml.html's HtmlElement from C. The steps are
    trafilatura's: repair what libxml2 trips on, parse the text, then its bytes, and turn
    down a "page" of fewer than two elements that never says "html".
    """
    from lxml.etree import LxmlError
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = html[:50].lower()
    html = repair_faulty_html(html, beginning)
    tree = None
    as_bytes = False
    try:
        tree = fromstring(html, parser=_parser())
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        as_bytes = True
    except LxmlError:  # an empty document: the bytes get their chance below, as in trafilatura
        tree = None
    if as_bytes or tree is None or len(tree) < 1:
        try:
            tree = fromstring(html.encode("utf8", "surrogatepass"), parser=_parser())
        except (ValueError, LxmlError):
            tree = None
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree


# lxml parsers are not to be shared between threads: one parser per thread.
_local = threading.local()


def _parser() -> Any:
    """trafilatura's HTML parser, with lxml.html's element classes looked up in C."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = _new_parser()
    return parser


def _new_parser() -> Any:
    """A new parser (see _parser)."""
    from lxml import etree
    from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

    parser = etree.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=HtmlElement,
            comment=HtmlComment,
            pi=HtmlProcessingInstruction,
            entity=HtmlEntity,
        )
    )
    return parser


def at_depth_limit(tree: Any) -> bool:
    """True when the tree holds an element CHECK_DEPTH levels down (found in C by XPath)."""
    root = tree.getroottree().getroot()
    return bool(root.xpath("/" + "/".join(["*"] * CHECK_DEPTH)))


def flatten(html: str, keep_depth: int) -> tuple[str, int]:
    """The page with every tag nested deeper than keep_depth taken out; how many were.

    A count of open and close tags, not a parser: only used on pages the parser gave up
    on, where an approximate depth is enough to bring the text back within its reach.
    Script and style bodies are skipped, so a "<" in them opens nothing.
    """
    out: list[str] = []
    depth = dropped = 0
    position = 0
    raw_spans = [(m.start(), m.end()) for m in _RAW_TEXT.finditer(html)]
    raw_index = 0
    for match in _TAG.finditer(html):
        start = match.start()
        while raw_index < len(raw_spans) and raw_spans[raw_index][1] <= start:
            raw_index += 1
        if raw_index < len(raw_spans) and raw_spans[raw_index][0] <= start:
            if raw_spans[raw_index][0] < start:
                continue  # inside a script or style body
            if depth >= keep_depth:  # a deep script or style goes whole: it shows nothing
                out.append(html[position:start])
                position = raw_spans[raw_index][1]
                dropped += 1
            continue  # the element opens and closes in its span: no level
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        opens = not closing and not self_closing and name not in VOID
        deep = depth >= keep_depth if opens else depth > keep_depth
        if closing and name not in VOID:
            depth = max(depth - 1, 0)
        elif opens:
            depth += 1
        if deep:
            out.append(html[position:start])
            out.append("<br>" if name in _BLOCK else "")
            position = match.end()
            dropped += 1
    out.append(html[position:])
    return "".join(out), dropped
