"""Page metadata from the HTML head: title, author, date, site name, url, language.

trafilatura's own metadata pass guesses dates from the text too (htmldate), which costs
about as much as its whole extraction in fast mode; the head's declared values are what a
news page reliably has, and they are read here in a fraction of a millisecond.
"""

from __future__ import annotations

import json
from typing import Any

from ..text.tokens import collapse

# Where each field is declared, most specific first (Open Graph, article:, Dublin Core,
# schema.org itemprops, plain meta names).
META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "dc.title", "sailthru.title", "title"),
    "author": (
        "author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author",
    ),
    "date": (
        "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
        "pubdate", "publish-date", "og:published_time", "sailthru.date", "parsely-pub-date",
    ),
    "sitename": ("og:site_name", "application-name", "twitter:site", "publisher"),
    "url": ("og:url", "twitter:url"),
}  # fmt: skip
_ATTRS = ("property", "name", "itemprop")


def head_metadata(tree: Any, url: str | None = None) -> dict[str, str]:
    """The declared metadata of a page; fields it does not declare are left out."""
    return head_values(tree, meta_values(tree), url)


def head_values(tree: Any, found: dict[str, str], url: str | None = None) -> dict[str, str]:
    """head_metadata from the page's meta values, already read."""
    out: dict[str, str] = {}
    for field, keys in META_KEYS.items():
        value = next((found[k] for k in keys if found.get(k)), None)
        if value:
            out[field] = value
    if "title" not in out:
        title = _first_text(tree, "title") or _first_text(tree, "h1")
        if title:
            out["title"] = title
    links = tree.iter("link")
    canonical = next((ln.get("href") for ln in links if _rel(ln) == "canonical"), None)
    page_url = url or out.get("url") or canonical
    if page_url:
        out["url"] = page_url
    time_tag = next((t.get("datetime") for t in tree.iter("time") if t.get("datetime")), None)
    if "date" not in out and time_tag:
        out["date"] = time_tag
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        out["language"] = lang.split("-")[0].split("_")[0].lower()
    return out


# Where a page declares its headline, in order: what it shares (Open Graph, Twitter), its
# structured data (schema.org `headline`), the headline it prints (<h1>), its window title.
TITLE_SOURCES = ("og:title", "twitter:title")
LD_JSON = "application/ld+json"
# A page with more <h1> than this uses them for teasers: they declare nothing.
MAX_H1 = 2
# A "title" longer than this is a page's text in a title element, not a headline.
MAX_TITLE_CHARS = 1000


def declared_titles(tree: Any, found: dict[str, str] | None = None) -> tuple[str, ...]:
    """The headlines the page declares, each once, most specific first.

    `found` is the page's meta values (head_metadata reads them); they are read again when
    not given. classify.title.page_title chooses among them and the page's own lines.
    """
    meta = found if found is not None else meta_values(tree)
    out = [meta[k] for k in TITLE_SOURCES if meta.get(k)]
    out.extend(_ld_headlines(tree))
    h1 = [t for t in (collapse(e.text_content()) for e in tree.iter("h1")) if t]
    if 0 < len(h1) <= MAX_H1:
        out.extend(h1)
    window = _first_text(tree, "title")
    if window:
        out.append(window)
    titles = (collapse(t) for t in out if t.strip())
    return tuple(dict.fromkeys(t for t in titles if len(t) <= MAX_TITLE_CHARS))


def _ld_headlines(tree: Any) -> list[str]:
    """The `headline` of the page's schema.org data (JSON-LD), the first one found."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != LD_JSON or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:  # broken JSON-LD is common: the page declares nothing there
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                headline = item.get("headline")
                if isinstance(headline, str) and headline.strip():
                    return [headline]
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return []


def meta_values(tree: Any) -> dict[str, str]:
    """Every <meta> value by its lower-case property, name or itemprop (the first wins)."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content:
            continue
        for attr in _ATTRS:
            key = (meta.get(attr) or "").strip().lower()
            if key:
                found.setdefault(key, collapse(content))
    return found


def _rel(link: Any) -> str:
    """A <link>'s rel, in lower case."""
    return str(link.get("rel") or "").lower()


def _first_text(tree: Any, tag: str) -> str | None:
    """The text of the first element of a kind, if it has any."""
    for element in tree.iter(tag):
        text = collapse(element.text_content())
        if text:
            return text
    return None
