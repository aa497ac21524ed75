"""Learn a site profile: `sahelclean learn`, and `clean --learn` as the pages pass.

A page is counted in the lines the cleaner classifies: the blocks of segment.py for a
text dump, the visible blocks of html/layout.py for HTML (what a reader sees, one block per
paragraph, menu entry or button; the markup itself says nothing across sites). So that
what is learned is exactly what cleaning later looks up.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

from ..errors import InputError, SahelcleanError
from ..models import Failure, InputKind, RawPage
from ..read.decode import decode
from ..read.sniff import sniff
from ..read.sources import Item, SourceOptions, walk
from ..sites.profile import Counts, PageLines, page_lines
from ..sites.profiledb import StrPath, write_counts
from ..text.segment import segment_text

# Pages counted in memory before they are written in one transaction: few transactions
# (each one syncs the disk), and a crash loses little.
BATCH_PAGES = 1000


def learn_page(page: RawPage) -> PageLines:
    """The lines of one raw page, as the cleaner would see them."""
    text = decode(page.content, page.charset, page.source).text
    if sniff(text) is not InputKind.HTML:
        return page_lines((b.text for b in segment_text(text)), page.url, page.source)
    from ..html.layout import render, to_blocks
    from ..html.meta import head_metadata
    from ..html.parse import parse_html

    tree, _ = parse_html(text)  # as the cleaner parses it: fragments and deep pages too
    if tree is None:
        raise InputError("the HTML could not be parsed (is it HTML at all?)", page.source)
    url = page.url or head_metadata(tree, page.url).get("url")
    return page_lines((b.text for b in to_blocks(render(tree))), url, page.source)


def learn_item(item: Item) -> PageLines | Failure:
    """The lines of an input's page, or why it could not be read."""
    if item.page is None:
        assert item.failure is not None
        return item.failure
    try:
        return learn_page(item.page)
    except SahelcleanError as exc:
        return Failure(item.page.source, str(exc), type(exc).__name__)


@dataclass
class Learner:
    """Counts pages as they come and writes them in batches (one writer: the parent)."""

    path: StrPath
    batch: int = BATCH_PAGES
    counts: Counts = field(default_factory=Counts)
    held: int = 0  # pages in `counts`, not yet written
    seen: int = 0  # pages given to add()
    added: int = 0  # pages the profile did not hold yet

    def add(self, page: PageLines) -> None:
        """Count one page; write the batch when it is full."""
        self.counts.add(page)
        self.held += 1
        self.seen += 1
        if self.held >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Write what is held to the profile."""
        if self.held:
            counts, self.counts, self.held = self.counts, Counts(), 0
            self.added += write_counts(counts, self.path)


@dataclass
class LearnSummary:
    """What a `learn` run did."""

    pages: int = 0  # pages read and counted
    added: int = 0  # of which new to the profile
    failures: list[Failure] = field(default_factory=list)


def learn(
    inputs: Iterable[str],
    profile: StrPath,
    sources: SourceOptions | None = None,
    stdin: BinaryIO | None = None,
    batch: int = BATCH_PAGES,
) -> LearnSummary:
    """Count the lines of every page of the inputs into the profile (created if needed)."""
    learner = Learner(profile, batch)
    summary = LearnSummary()
    write_counts(Counts(), profile)  # create it, or refuse a bad file before reading inputs
    for item in walk(tuple(inputs), stdin or io.BytesIO(), sources or SourceOptions()):
        learned = learn_item(item)
        if isinstance(learned, Failure):
            summary.failures.append(learned)
        else:
            learner.add(learned)
    learner.flush()
    summary.pages, summary.added = learner.seen, learner.added
    return summary
