"""Records passed between the pipeline stages: frozen dataclasses and enums."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class InputKind(StrEnum):
    """What the raw page is, as sniffed from its first kilobytes."""

    HTML = "html"
    TEXT = "text"


class Label(StrEnum):
    """The role of a block: an article part, or the kind of widget it belongs to."""

    # article roles
    TITLE = "title"
    LEAD = "lead"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    CAPTION = "caption"
    LIST_ITEM = "list_item"
    # widgets and page furniture
    RELATED = "related"
    COMMENTS = "comments"
    SHARE = "share"
    NAVIGATION = "navigation"
    NEWSLETTER = "newsletter"
    COOKIE = "cookie"
    AD = "ad"
    PAYWALL = "paywall"
    FOOTER = "footer"
    METADATA = "metadata"
    BOILERPLATE = "boilerplate"
    SITE_BOILERPLATE = "site-boilerplate"  # printed on most pages of the site (--profile)

    @property
    def is_article(self) -> bool:
        """True for the roles that make up the article itself."""
        return self in ARTICLE_LABELS


ARTICLE_LABELS = frozenset(
    {
        Label.TITLE,
        Label.LEAD,
        Label.HEADING,
        Label.PARAGRAPH,
        Label.QUOTE,
        Label.ATTRIBUTION,
        Label.CAPTION,
        Label.LIST_ITEM,
    }
)
WIDGET_LABELS = frozenset(Label) - ARTICLE_LABELS


@dataclass(frozen=True, slots=True)
class RawPage:
    """One input page as read from a source, before decoding."""

    content: bytes | str
    source: str | None = None
    url: str | None = None
    charset: str | None = None  # declared by the transport (HTTP header, WARC), if any


@dataclass(frozen=True, slots=True)
class Verdict:
    """A rule's decision on a block: a label and a short reason a human can read."""

    label: Label
    reason: str


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of text to classify: one paragraph-like line (or re-joined lines) of the page."""

    index: int
    text: str
    line: int  # 1-based number of the first input line it comes from
    end_line: int  # 1-based number of the last input line it covers
    tag: str | None = None  # HTML element name when the block comes from a tree
    spaced: bool = False  # a blank line above and below: a <p> in an innerText dump
    link_density: float = 0.0  # share of the text inside links (HTML only)
    hint: Verdict | None = None  # the widget its HTML container announces (class, id, role)
    widget: int = 0  # HTML: which outermost marked container holds it (0: none)
    kept: bool | None = None  # whether trafilatura kept it (HTML only; None: not asked)

    def with_kept(self, kept: bool | None) -> Block:
        """The same block with another `kept` (dataclasses.replace, at a third of its cost:
        the HTML path sets it on every block of every page)."""
        if kept is self.kept:
            return self
        return Block(
            self.index, self.text, self.line, self.end_line, self.tag, self.spaced,
            self.link_density, self.hint, self.widget, kept,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Classified:
    """A block together with the verdict it ended with."""

    block: Block
    verdict: Verdict
    zone: int | None = None  # blocks of one widget zone share a number (index of its first block)
    zone_heading: bool = False  # this block is the heading line of its zone
    entry: bool = False  # an entry of a rail or a list (not a date, a rank or a button)

    @property
    def label(self) -> Label:
        """Shortcut to the verdict's label."""
        return self.verdict.label


@dataclass(frozen=True, slots=True)
class Removed:
    """A run of blocks dropped from the article, grouped by widget."""

    kind: Label
    reason: str
    heading: str | None
    lines: tuple[str, ...]
    items: tuple[str, ...] | None  # one per list entry, for rails and lists
    first_line: int
    last_line: int

    @property
    def text(self) -> str:
        """All the removed lines, heading included, one per line."""
        return "\n".join(self.lines)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of this removed widget."""
        out: dict[str, Any] = {"kind": str(self.kind), "heading": self.heading}
        if self.items is not None:
            out["items"] = list(self.items)
        out["text"] = self.text
        out["reason"] = self.reason
        out["lines"] = [self.first_line, self.last_line]
        return out


@dataclass(frozen=True, slots=True)
class Part:
    """One kept article block in reading order: its role and its text."""

    role: Label
    text: str


@dataclass(frozen=True, slots=True)
class Section:
    """A run of article blocks under one intertitle (None for the part before the first)."""

    heading: str | None
    parts: tuple[Part, ...]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The texts of the section's blocks, quotes and list items included."""
        return tuple(p.text for p in self.parts)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of this section."""
        return {
            "heading": self.heading,
            "paragraphs": list(self.paragraphs),
            "blocks": [{"role": str(p.role), "text": p.text} for p in self.parts],
        }


@dataclass(frozen=True, slots=True)
class Document:
    """The result of cleaning one page."""

    source: str | None
    url: str | None
    input_kind: InputKind
    language: str | None
    title: str | None
    lead: str | None
    sections: tuple[Section, ...]
    text: str
    removed: tuple[Removed, ...]
    blocks: tuple[Classified, ...]
    stats: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, str] = field(default_factory=dict)
    kept_widgets: frozenset[Label] = frozenset()  # widget kinds put back in the text (--keep)

    def is_kept(self, block: Classified) -> bool:
        """True when this block of `blocks` is in the text (an article role or a kept widget)."""
        return block.label.is_article or block.label in self.kept_widgets

    @property
    def is_empty(self) -> bool:
        """True when no article text was found."""
        return not self.text.strip()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the document (see sahelclean/schema/document.schema.json)."""
        return {
            "source": self.source,
            "url": self.url,
            "input_kind": str(self.input_kind),
            "language": self.language,
            "title": self.title,
            "lead": self.lead,
            "sections": [s.to_dict() for s in self.sections],
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "metadata": dict(self.metadata),
            "stats": dict(self.stats),
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be cleaned, with a one-line message that names it."""

    source: str | None
    error: str
    kind: str  # the exception class name, for scripts

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the failure."""
        return {"source": self.source, "error": self.error, "kind": self.kind}
