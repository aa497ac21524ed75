"""Site boilerplate learned across pages: the lines most pages of one site print.

CCNet removes the lines a shard prints many times; here the counts are kept per site and
persist (profiledb.py stores them in SQLite), so that a cron run learns as it cleans.

- learning: each page gives its site, a page hash and the set of its line hashes
  (`page_lines`); `Counts` gathers pages per site, merges with other partial counts (a
  Dask partition's, another worker's) and is written to the profile (profiledb.write_counts).
- cleaning: the page's site is looked up once (`SiteView`, only the lines frequent enough
  to matter), and classify.sitepass gives those lines a `site-boilerplate` verdict,
  like a rule.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..models import Document, Label, Verdict
from ..text.tokens import collapse, fold

# 8 bytes of blake2b: one collision in about 4e9 lines of one site, and the hash fits
# SQLite's signed 64-bit INTEGER.
HASH_BYTES = 8
# Digits go: dates, years, counters and prices change from page to page in the same widget
# ("© 2024 Example", "12 commentaires"). Sentences that differ only in figures are rare.
_DIGITS = re.compile(r"\d+")
# Which normalisation the stored hashes come from; a profile of another one is refused.
NORMALISATION = "fold-collapse-digits/1"
SITE_UNKNOWN = "-"
_RECORD_SUFFIX = re.compile(r"[:#][^/\\]*$")
_ARCHIVED = re.compile(r"https?://web\.archive\.org/web/[^/]+/(.+)")


def normalise(text: str) -> str:
    """The form of a line that is counted: folded, spaces collapsed, digit runs as '0'."""
    return _DIGITS.sub("0", fold(collapse(text)))


def line_hash(text: str) -> int:
    """The signed 64-bit hash of a line's normal form."""
    digest = hashlib.blake2b(normalise(text).encode("utf-8"), digest_size=HASH_BYTES).digest()
    return int.from_bytes(digest, "big", signed=True)


def site_of(url: str | None, source: str | None) -> str:
    """The site of a page: its URL's host without 'www.', else its input's directory name.

    A Wayback Machine address names the archived site, not web.archive.org.
    """
    host = _host(url)
    if host is not None:
        return host
    if source:
        path = _RECORD_SUFFIX.sub("", source)  # "dump.jsonl:12", "crawl.warc.gz#<id>"
        name = os.path.basename(os.path.dirname(os.path.abspath(path)))
        return name or SITE_UNKNOWN
    return SITE_UNKNOWN


def _host(url: str | None) -> str | None:
    """The host of an absolute http(s) URL, lower case, without 'www.'; None if none."""
    if not url or "://" not in url:
        return None
    archived = _ARCHIVED.match(url)
    if archived:
        inner = archived.group(1)
        return _host(inner if "://" in inner else f"http://{inner}")
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True, slots=True)
class PageLines:
    """What learning keeps of one page: its site, its identity and its distinct lines."""

    site: str
    page: int  # hash of the URL (a page re-crawled is the same page), else of the text
    lines: frozenset[int]


def page_lines(texts: Iterable[str], url: str | None, source: str | None) -> PageLines:
    """The site, page hash and line hashes of a page, from the texts of its blocks."""
    hashes = [line_hash(t) for t in texts if t.strip()]
    digest = hashlib.blake2b(digest_size=HASH_BYTES)
    if url and "://" in url:
        digest.update(url.split("#")[0].strip().encode("utf-8"))
    else:
        for h in hashes:
            digest.update(h.to_bytes(HASH_BYTES, "big", signed=True))
    page = int.from_bytes(digest.digest(), "big", signed=True)
    return PageLines(site_of(url, source), page, frozenset(hashes))


def document_lines(document: Document) -> PageLines:
    """The lines of a cleaned page (its blocks are those learn.learn_page reads)."""
    return page_lines((c.block.text for c in document.blocks), document.url, document.source)


@dataclass(slots=True)
class SiteCounts:
    """One site's pages, each with its distinct lines, until they are written.

    Pages stay apart (not summed into a Counter yet) so that a page seen twice, in two
    partitions or already in the profile, is counted once.
    """

    pages: dict[int, frozenset[int]] = field(default_factory=dict)

    def line_counts(self, skip: frozenset[int] = frozenset()) -> Counter[int]:
        """How many of the pages (but those in `skip`) print each line."""
        counts: Counter[int] = Counter()
        for page, lines in self.pages.items():
            if page not in skip:
                counts.update(lines)
        return counts


@dataclass(slots=True)
class Counts:
    """Partial counts per site: built by `count_pages`, combined by `merge`."""

    sites: dict[str, SiteCounts] = field(default_factory=dict)

    def add(self, page: PageLines) -> None:
        """Count one page (a page already counted is ignored)."""
        site = self.sites.setdefault(page.site, SiteCounts())
        site.pages.setdefault(page.page, page.lines)

    @property
    def n_pages(self) -> int:
        """Pages held, all sites together."""
        return sum(len(s.pages) for s in self.sites.values())

    def merge(self, other: Counts) -> Counts:
        """The counts of both (a page in both is counted once); neither is changed."""
        out = Counts({name: SiteCounts(dict(s.pages)) for name, s in self.sites.items()})
        for name, site in other.sites.items():
            held = out.sites.setdefault(name, SiteCounts())
            for page, lines in site.pages.items():
                held.pages.setdefault(page, lines)
        return out


def count_pages(pages: Iterable[PageLines]) -> Counts:
    """Partial counts of some pages (a pure function: a Dask partition maps to one)."""
    counts = Counts()
    for page in pages:
        counts.add(page)
    return counts


@dataclass(frozen=True, slots=True)
class Thresholds:
    """When a line is site boilerplate (see Options.profile_* for the values)."""

    min_pages: int
    min_share: float
    prose_share: float
    prose_min_pages: int

    def floor(self, site_pages: int) -> int:
        """Below this many pages a line of the site is never boilerplate."""
        return max(self.min_pages, math.ceil(self.min_share * site_pages))


@dataclass(frozen=True, slots=True)
class SiteView:
    """What cleaning needs of one site: its page count and its frequent lines."""

    site: str
    pages: int
    counts: dict[int, int]  # line hash -> pages printing it (only those >= the floor)
    thresholds: Thresholds

    def verdict(self, text: str, prose: bool, beside_boilerplate: bool = False) -> Verdict | None:
        """A site-boilerplate verdict for a line most of the site's pages print, else None.

        Prose needs more pages and a stricter share, so that an article sentence quoted on
        a few pages stays, unless it sits beside the site's boilerplate (the context
        tells): the sign-off or the appeal printed under every article, next to the
        site's footer, goes with it.
        """
        seen = self.counts.get(line_hash(text))
        strict = prose and not beside_boilerplate
        least = self.thresholds.prose_min_pages if strict else self.thresholds.min_pages
        if seen is None or seen < least:
            return None
        share = self.thresholds.prose_share if prose else self.thresholds.min_share
        if seen < share * self.pages:
            return None
        reason = f"seen on {seen} of {self.pages} pages of {self.site}"
        if strict != prose:
            reason += ", beside the site's other boilerplate"
        return Verdict(Label.SITE_BOILERPLATE, reason)
