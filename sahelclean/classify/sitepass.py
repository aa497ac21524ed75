"""The site pass: what rules files and a learned profile know of the page's site.

Runs after the first pass, before zones. Site rules (sites.siterules) overlay their verdicts:
lines the site always drops, then its widget headings, then its phrases, buttons and
labels; a site profile (sites.profile) marks the lines most of the site's pages print.
Both only add to the built-in vocabularies; each verdict names where it comes from.
"""

from __future__ import annotations

from dataclasses import replace

from ..models import Verdict
from ..options import Options
from ..sites.profile import SiteView, Thresholds, site_of
from ..sites.siterules import SiteRules
from ..vocab.files import HEADING_MAX_WORDS
from .firstpass import Line, Prose


def overlay(rules: SiteRules, lines: list[Line]) -> list[Line]:
    """The lines with the site's verdicts: forced drops, then headings, then phrases."""
    return [_judge(rules, line) for line in lines]


def _judge(rules: SiteRules, line: Line) -> Line:
    """One line: a site verdict replaces or completes the built-in ones."""
    f = line.f
    forced = rules.forced(f.text)
    if forced is not None:
        return replace(line, rule=forced, heading=None)
    if 0 < f.n_words <= HEADING_MAX_WORDS and not f.ends_sentence and f.key in rules.headings:
        heading = rules.headings[f.key]
        reason = f"{heading.reason} '{f.text}' ({heading.label})"
        return replace(line, rule=None, heading=Verdict(heading.label, reason))
    if line.heading is not None or line.rule is not None:
        return line
    verdict = rules.widget_line(f.folded, f.key, f.n_words)
    return line if verdict is None else replace(line, rule=verdict)


def mark_site(lines: list[Line], view: SiteView | None) -> list[Line]:
    """Give the site's boilerplate lines a verdict, as a rule would (rules speak first).

    Sentences first need the strict thresholds; then, pass after pass, a sentence that the
    site prints often enough for a widget line is boilerplate too when a line next to it
    already is. A sentence two articles quote sits between their own paragraphs: it stays.
    """
    if view is None or not view.counts:
        return lines

    out = list(lines)
    marked = [False] * len(out)
    pending: list[int] = []
    for i, line in enumerate(out):
        if line.rule is not None or line.heading is not None:
            continue
        sentence = line.prose is Prose.GOOD or line.f.ends_sentence
        verdict = view.verdict(line.block.text, sentence)
        if verdict is not None:
            out[i], marked[i] = replace(line, rule=verdict), True
        elif sentence:
            pending.append(i)
    changed = True
    while changed and pending:
        changed, waiting = False, []
        for i in pending:
            beside = (i > 0 and marked[i - 1]) or (i + 1 < len(out) and marked[i + 1])
            verdict = view.verdict(out[i].block.text, True, beside) if beside else None
            if verdict is None:
                waiting.append(i)
                continue
            out[i], marked[i], changed = replace(out[i], rule=verdict), True, True
        pending = waiting
    return out


def site_view(options: Options, url: str | None, source: str | None) -> SiteView | None:
    """The profile's view of this page's site, when the options name a profile."""
    if options.profile is None:
        return None
    from ..sites.profiledb import open_profile
    from ..sites.snapshot import shipped_profile

    profile = shipped_profile(options.profile) or open_profile(options.profile)
    return profile.site(site_of(url, source), thresholds(options))


def thresholds(options: Options) -> Thresholds:
    """The profile thresholds an Options value sets."""
    return Thresholds(
        options.profile_min_pages,
        options.profile_min_share,
        options.profile_prose_share,
        options.profile_prose_min_pages,
    )
