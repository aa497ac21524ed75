"""Page metadata from the HTML head: title, author, date, site name, url, language.

trafilatura's own metadata pass guesses dates from the text too (htmldate), which costs
about as much as its whole extraction in fast mode; the head's declared values are what a
news page reliably has, and they are read here in a fraction of a millisecond.
"""

from __future__ import annotations

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
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content:
            continue
        for attr in _ATTRS:
            key = (meta.get(attr) or "").strip().lower()
            if key:
                found.setdefault(key, collapse(content))
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
