"""Tell an HTML page from a plain-text dump by looking at its first kilobytes."""

from __future__ import annotations

import re

from ..models import InputKind

SNIFF_CHARS = 4096
# A document that opens like HTML is HTML whatever follows.
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
# Tags that only an HTML page holds; plain prose rarely contains several of them.
_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|meta|script|style|section|article|ul|li|br|table|h[1-6])\b[^>]*>",
    re.IGNORECASE,
)
# A dump quoting a few tags stays text; a page with this many tags in 4 KB is markup.
MIN_TAGS = 5


def sniff(text: str) -> InputKind:
    """Return HTML when the start of the text is markup, TEXT otherwise."""
    head = text[:SNIFF_CHARS]
    if _HTML_START.match(head):
        return InputKind.HTML
    if len(_TAG.findall(head)) >= MIN_TAGS:
        return InputKind.HTML
    return InputKind.TEXT
