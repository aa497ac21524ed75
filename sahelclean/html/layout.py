"""An HTML tree to blocks of visible text, as a browser's innerText would lay them out.

Each block remembers the element that holds it (p, h2, li, blockquote…), whether it is a
paragraph (<p>, set apart by blank lines in innerText), and how much of its text sits in
links: the signals a text dump loses. The walk is iterative (lxml's iterwalk), so a page
nested 100,000 levels deep costs no Python recursion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..models import Block, Label, Verdict
from ..sites.siterules import is_site_verdict
from ..text.tokens import collapse
from ..vocab import common

# Elements whose content a browser never shows. <noscript> is shown: with JavaScript off
# (as our dumps are rendered) some sites put their whole page in it.
INVISIBLE = frozenset(
    {"script", "style", "template", "svg", "head", "iframe", "object", "embed",
     "canvas", "select", "option", "datalist", "map", "math"}
)  # fmt: skip
# Elements that start and end a line of text (the block and list elements of CSS defaults).
BLOCK = frozenset(
    {"p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "h1", "h2",
     "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure",
     "figcaption", "table", "tr", "td", "th", "caption", "pre", "form", "fieldset", "legend",
     "address", "details", "summary", "hr", "body", "html", "center", "menu", "tbody",
     "thead", "tfoot", "hgroup", "picture", "video", "audio", "noembed", "dialog"}
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HIDDEN_STYLE = ("display:none", "display: none", "visibility:hidden", "visibility: hidden")


# Elements whose attributes never mark a widget: they hold the whole page.
NEVER_WIDGETS = frozenset({"html", "body", "main", "article"})
# A "widget" container holding more than this share of the page's text is the page itself
# (a <div class="post-comments-enabled"> around the article).
MAX_HINTED_SHARE = 0.4
# A photo's caption is a sentence or two: a "caption" element holding more text than this
# is a page's own wrapper, or a <figcaption> the parser left open over the article.
CAPTION_MAX_CHARS = 400


@dataclass(frozen=True, slots=True)
class HtmlBlock:
    """A block of visible text and the markup signals around it."""

    text: str
    tag: str  # the nearest block element holding the text
    links: int  # characters inside <a> elements
    hint: Verdict | None  # the widget announced by the nearest marked container
    container: int  # which marked container (0: none)
    widget: int  # the outermost marked container: one widget, whatever is marked inside it
    caption: int = 0  # the outermost photo caption holding it (<figcaption>, "wp-caption"), if any


@lru_cache(maxsize=1)
def _token_patterns() -> tuple[tuple[Label, re.Pattern[str]], ...]:
    """One pattern per widget label over class/id words (a word, or a word it starts)."""
    out = []
    for label, tokens in common().container_tokens.items():
        alternation = "|".join(
            re.escape(t[:-1]) + r"\w*" if t.endswith("*") else re.escape(t)
            for t in sorted(tokens, key=len, reverse=True)
        )
        out.append((label, re.compile(rf"(?:^|[\s_\-:/.])(?:{alternation})(?=$|[\s_\-:/.\d])")))
    return tuple(out)


@lru_cache(maxsize=1)
def _any_token() -> re.Pattern[str]:
    """All the labels' patterns in one: most elements match none, and one search says so."""
    return re.compile("|".join(f"(?:{p.pattern})" for _, p in _token_patterns()))


def container_hint(element: Any, tag: str) -> Verdict | None:
    """The widget an element's tag, role, class, id or aria-label announces, if any."""
    if tag in NEVER_WIDGETS:
        return None
    tags = common().container_tags
    if tag in tags:
        return Verdict(tags[tag], f"inside <{tag}>")
    attrib = element.attrib
    if not attrib:
        return None
    get = attrib.get
    names = " ".join(filter(None, (get("class"), get("id"), get("aria-label"))))
    return _hint(tag, get("role"), names)


@lru_cache(maxsize=4096)
def _hint(tag: str, role: str | None, names: str) -> Verdict | None:
    """container_hint's answer from an element's attributes: pages repeat their classes."""
    roles = common().container_roles
    if role and role.lower() in roles:
        label = roles[role.lower()]
        return Verdict(label, f'inside <{tag} role="{role}">')
    if not names:
        return None
    names = names.lower()
    if _any_token().search(names) is None:
        return None
    for label, pattern in _token_patterns():
        match = pattern.search(names)
        if match:
            word = match.group(0).strip(" _-:/.")
            return Verdict(label, f"inside <{tag}> marked '{word}'")
    return None


# A tooltip's or hover card's box (class "tooltip", "author-tooltip__bio",
# "item-tooltip-inner"): the page shows it only under the pointer, its stylesheet hides it.
# The trigger ("tooltip-trigger", "js-tooltip-click", "has-tooltip") is shown and stays.
_TOOLTIP = re.compile(
    r"(?<!has-)(?<!with-)(?<!has_)(?:tooltip|hovercard|hover-card|popover)"
    r"(?:$|\s|__|-(?:inner|content|text|body|wrapper|block|box|card)\b)"
    # a hover card's box inside its trigger: "rollover-people-block", "rollover-box"
    r"|rollover[\w-]*-(?:block|box|card|content|inner|body)\b"
)
_HOVER_WORDS = ("tooltip", "hover", "popover", "rollover")


def hidden(element: Any) -> bool:
    """True for an element the page hides (hidden, aria-hidden, display:none, a tooltip)."""
    get = element.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    style = get("style")
    if style and any(s in style.lower() for s in _HIDDEN_STYLE):
        return True
    return hover_box(element)


def hover_box(element: Any) -> bool:
    """True for a tooltip's or a hover card's box: shown under the pointer only."""
    names = element.get("class")
    if not names:
        return False
    lower = names.lower()
    return any(w in lower for w in _HOVER_WORDS) and _tooltip(lower)


@lru_cache(maxsize=1024)
def _tooltip(names: str) -> bool:
    """hidden's answer for a class attribute naming a tooltip (pages repeat their classes)."""
    return _TOOLTIP.search(names) is not None


# element.tag -> the plain tag name ("" for comments and processing instructions, whose
# tag is a function): pages use a few dozen tags, so the name is worked out once each.
_TAG_NAMES: dict[Any, str] = {}


def _tag_name(tag: Any) -> str:
    """The lower-case local name of an element's tag; "" for comments and PIs."""
    name = _TAG_NAMES.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""
        if len(_TAG_NAMES) < 10_000:  # invented tags in hostile pages: never grow unbounded
            _TAG_NAMES[tag] = name
    return name


def render(
    root: Any, forced: dict[Any, Verdict] | None = None, hover: list[Any] | None = None
) -> list[HtmlBlock]:
    """The visible text of a tree, one HtmlBlock per line a browser would show.

    `forced` gives some elements a verdict of their own (site rules' CSS selectors),
    which replaces what their class or id announce. The subtree of an element that is
    never shown is skipped whole (its end still comes, for its tail). `hover`, when
    given, receives the tooltips and hover cards skipped so, in the page's order.
    """
    from lxml import etree

    out: list[HtmlBlock] = []
    parts: list[str] = []
    state = {"links": 0}
    in_link = 0
    skipped: Any = None  # the invisible element whose subtree the walk skips
    blocks: list[str] = []  # enclosing block tags
    marks: list[tuple[int, Verdict] | None] = []  # one per open element: its hint, if any
    active: list[tuple[int, Verdict]] = []
    counter = 0
    captions: list[tuple[Any, int]] = []  # open caption elements, each with its number

    def flush() -> None:
        if not parts:  # most block boundaries come with no text before them
            return
        text = collapse("".join(parts))
        if text:
            tag = blocks[-1] if blocks else "body"
            hint, container = (active[-1][1], active[-1][0]) if active else (None, 0)
            widget = active[0][0] if active else 0
            links = min(state["links"], len(text))
            caption = captions[0][1] if captions else 0
            out.append(HtmlBlock(text, tag, links, hint, container, widget, caption))
        parts.clear()
        state["links"] = 0

    def add(text: str) -> None:
        parts.append(text)
        if in_link:
            state["links"] += len(text.strip())

    walk = etree.iterwalk(root, events=("start", "end"))
    for event, element in walk:
        if skipped is not None:  # the end of the element skipped on its start
            skipped = None
            if element.tail:
                add(element.tail)
            continue
        tag = _tag_name(element.tag)
        if event == "start":
            if tag in INVISIBLE or not tag or hidden(element):
                walk.skip_subtree()
                skipped = element
                if hover is not None and tag and hover_box(element):
                    hover.append(element)
                continue
            if tag in BLOCK or tag == "br":
                flush()
            if tag in BLOCK:
                blocks.append(tag)
                if tag == "figcaption" or _caption(element):
                    captions.append((element, len(out) + 1))
            hint = container_hint(element, tag) if not forced else _forced(forced, element, tag)
            if hint is not None:
                counter += 1
                active.append((counter, hint))
            marks.append((counter, hint) if hint is not None else None)
            if tag == "a":
                in_link += 1
            if element.text:
                add(element.text)
            continue
        if tag in BLOCK:
            flush()
            blocks.pop()
            if captions and captions[-1][0] is element:
                captions.pop()
        if marks.pop() is not None:
            flush()
            active.pop()
        if tag == "a":
            in_link -= 1
        if element.tail:
            add(element.tail)
    flush()
    return out


def _caption(element: Any) -> bool:
    """A block element whose class names a photo's caption ("wp-caption", "image-caption")."""
    names = element.attrib.get("class")
    return bool(names) and "caption" in names.lower()


def _forced(forced: dict[Any, Verdict], element: Any, tag: str) -> Verdict | None:
    """A site rule's verdict on the element, else its own hint."""
    verdict = forced.get(element)
    return verdict if verdict is not None else container_hint(element, tag)


def to_blocks(rendered: list[HtmlBlock]) -> list[Block]:
    """Blocks for the classifier: paragraphs are 'spaced' as in an innerText dump.

    A marked container that holds much of the page's text is the page's own wrapper, not
    a widget: its hint is dropped.
    """
    total = sum(len(b.text) for b in rendered) or 1
    held: dict[int, int] = {}
    captions: dict[int, int] = {}
    for b in rendered:
        held[b.container] = held.get(b.container, 0) + len(b.text)
        if b.caption:
            captions[b.caption] = captions.get(b.caption, 0) + len(b.text)
    return [
        Block(
            index=i,
            text=b.text,
            line=i + 1,
            end_line=i + 1,
            tag="figcaption" if b.caption and captions[b.caption] <= CAPTION_MAX_CHARS else b.tag,
            spaced=b.tag == "p",
            link_density=b.links / len(b.text),
            hint=b.hint if _hinted(b, held, total) else None,
            widget=b.widget if _hinted(b, held, total) else 0,
        )
        for i, b in enumerate(rendered)
    ]


def _hinted(b: HtmlBlock, held: dict[int, int], total: int) -> bool:
    """Whether a block keeps its hint: its container is no page wrapper, or a site rule says."""
    if not b.container:
        return False
    return held[b.container] <= MAX_HINTED_SHARE * total or (
        b.hint is not None and is_site_verdict(b.hint)
    )
