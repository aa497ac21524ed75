"""The compiled rules of one site (`SiteRules`): what the site pass and the classifier ask.

Site rules only add to the built-in vocabularies of vocab/; they act on the lines of the
first pass (headings that open zones, phrases and labels that make widget lines, lines
always dropped) and, on HTML pages, on the tree (CSS selectors whose elements are dropped
or kept as article; htmltree.py). Every verdict they give names its rules file and line
(`SITE_RULE`), so that it stands over what the context passes decide. Apart from
rules.py, which holds the sections as loaded and merges those of a page: this is the form
the pages use, with no files, sections or URLs left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Classified, Verdict
from ..text.features import KEY_EDGES, RULE_CHARS
from ..text.tokens import fold
from ..vocab.files import BUTTON_MAX_WORDS, LABEL_MAX_WORDS, PHRASE_MAX_WORDS, Entry

# Every reason given by a site rule starts so, then names the file and the line.
SITE_RULE = "site rule "


@dataclass(frozen=True, slots=True)
class SiteRules:
    """The rules of one site, compiled: what the overlay and the HTML step use."""

    names: tuple[str, ...]
    headings: dict[str, Verdict] = field(default_factory=dict)  # folded key -> verdict
    labels: dict[str, Verdict] = field(default_factory=dict)
    lines: dict[str, Verdict] = field(default_factory=dict)  # folded line -> verdict
    phrases: re.Pattern[str] | None = None
    phrase_entries: dict[str, Entry] = field(default_factory=dict)
    buttons: re.Pattern[str] | None = None
    button_entries: dict[str, Entry] = field(default_factory=dict)
    patterns: tuple[tuple[re.Pattern[str], Verdict], ...] = ()
    # CSS selectors, drops (with a label) and keeps (without), in load order
    selectors: tuple[Entry, ...] = ()

    def widget_line(self, folded: str, key: str, n_words: int) -> Verdict | None:
        """A label line, a phrase or a button of the site, if the line is one."""
        if n_words <= LABEL_MAX_WORDS:
            hit = self.labels.get(key) or self.labels.get(folded.strip())
            if hit is not None:
                return hit
        if self.phrases is not None and n_words <= PHRASE_MAX_WORDS:
            match = self.phrases.search(folded)
            if match is not None:
                entry = self.phrase_entries[match.group(0)]
                return site_verdict(entry, f"phrase '{match.group(0)}'")
        if self.buttons is not None and n_words <= BUTTON_MAX_WORDS:
            match = self.buttons.match(folded)
            if match is not None:
                entry = self.button_entries[match.group(1)]
                return site_verdict(entry, f"button '{match.group(1)}'")
        return None

    def forced(self, text: str) -> Verdict | None:
        """The verdict of a line the site always drops (exact line or regex), if any."""
        if self.lines:
            hit = self.lines.get(fold(text[:RULE_CHARS]).strip())
            if hit is not None:
                return hit
        for pattern, verdict in self.patterns:
            if pattern.search(text[:RULE_CHARS]):
                return verdict
        return None

    def enforce(self, classified: list[Classified]) -> list[Classified]:
        """Give every forced block its site verdict, whatever the context passes decided.

        Blocks of elements a selector drops always carry its verdict; lines the site
        always drops stay dropped even inside the article trafilatura kept.
        """
        out = []
        for c in classified:
            hint = c.block.hint
            if hint is not None and is_site_verdict(hint):
                out.append(c if c.verdict == hint else Classified(c.block, hint, entry=c.entry))
                continue
            forced = self.forced(c.block.text) if c.label.is_article and self.forcing else None
            out.append(c if forced is None else Classified(c.block, forced))
        return out

    @property
    def forcing(self) -> bool:
        """True when the site has lines it always drops."""
        return bool(self.lines or self.patterns)


def is_site_verdict(verdict: Verdict) -> bool:
    """True for a verdict given by a site rule."""
    return verdict.reason.startswith(SITE_RULE)


def site_verdict(entry: Entry, what: str) -> Verdict:
    """A site verdict: label, and a reason naming the rules file and line."""
    assert entry.label is not None  # only `keep` selectors have none
    return Verdict(entry.label, f"{SITE_RULE}{entry.origin}: {what}")


def entry_key(text: str) -> str:
    """The look-up key of a heading or label entry: folded, decorations stripped."""
    return KEY_EDGES.sub("", fold(text))
