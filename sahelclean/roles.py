"""Settle each block: the article roles inside the core, a widget label outside it."""

from __future__ import annotations

import re
from functools import lru_cache

from . import vocab
from .firstpass import Line, Prose, text_size
from .models import Classified, Label, Verdict
from .options import Options
from .rules import DATE_LINE_REASON, is_list_entry
from .textutil import words
from .zones import Zone

# The title is looked for this many blocks above the core (bylines and dates sit between).
TITLE_WINDOW = 8
TITLE_MIN_WORDS = 2
TITLE_MAX_WORDS = 30
# A dropped paragraph inside what trafilatura kept is taken back when it has few links.
GAP_MAX_LINK_DENSITY = 0.2
LEFT_OUT = "left out by trafilatura, which kept the article around it"
# A <title> is a line; the first line of a dump may be a whole page (a 50 MB line).
TITLE_HINT_CHARS = 1000
# In HTML, an <h1> is the title more often than not.
H1_BONUS = 1.5
# An <h2>…<h6> that long is a paragraph dressed as a heading.
HEADING_WORDS = 14
# A data table's cells ("DL", "63", "85%") are the article's when trafilatura kept them.
TABLE_CELLS = frozenset({"td", "th"})
# An author's bio is a sentence or two, among the last BIO_LAST_PARAGRAPHS + 1 paragraphs.
BIO_MAX_WORDS = 70
BIO_LAST_PARAGRAPHS = 1
# An attribution line under a quote is short: "Name, function, date".
ATTRIBUTION_MAX_WORDS = 30
# A company's note under a press release: a paragraph or two (the name opens each).
COMPANY_MAX_WORDS = 120
COMPANY_NOTE_LINES = 2
# A line that restates the page's <title> (og:title) is its headline: nearly all its words
# are the hint's, and it covers most of the hint (which may add the site's name).
HINT_IN_TITLE = 0.9
HINT_COVERED = 0.5
# A declared title this long says what the headline is about: a line sharing none of its
# words (a skip link, a gallery counter, a photo credit, a byline) is not the headline.
HINT_MIN_WORDS = 3


def settle(
    lines: list[Line],
    zones: list[Zone | None],
    core: tuple[int, int] | None,
    options: Options,
    title_hint: str | None = None,
    trusted: bool = False,
) -> list[Classified]:
    """Give every block its final verdict.

    title_hint is the page's <title>; trusted says that trafilatura's choice stands, so
    that what it left out of the core is not article.
    """
    if core is None:
        return [
            _outside(ln, z, "no article prose on the page")
            for ln, z in zip(lines, zones, strict=True)
        ]
    start, end = core
    title = find_title(lines, zones, start, end, title_hint)
    kept_at = [i for i, ln in enumerate(lines) if ln.block.kept]
    kept_span = (kept_at[0], kept_at[-1]) if kept_at else (0, -1)
    if title is not None and kept_at and title < kept_span[0]:
        kept_span = (title, kept_span[1])  # the standfirst under the title is article too
    out: list[Classified] = []
    prev_role: Label | None = None
    for i, (line, zone) in enumerate(zip(lines, zones, strict=True)):
        if i == title:
            out.append(Classified(line.block, Verdict(Label.TITLE, "headline above the article")))
            prev_role = Label.TITLE
        elif title is not None and start <= i < title:  # above an <h1> under the core's top
            out.append(_outside(line, zone, "before the article"))
        elif trusted and line.block.kept and zone is None and _overridable(line.rule):
            verdict = _role(lines, zones, i, end, prev_role, options)
            out.append(Classified(line.block, verdict))
            prev_role = verdict.label
        elif zone is not None or line.rule is not None or not start <= i <= end:
            where = "before the article" if i < start else "after the article"
            out.append(_outside(line, zone, where))
        elif trusted and not line.block.kept and not _gap_prose(lines, i, kept_span):
            out.append(Classified(line.block, Verdict(Label.BOILERPLATE, LEFT_OUT)))
        else:
            verdict = _role(lines, zones, i, end, prev_role, options)
            out.append(Classified(line.block, verdict))
            prev_role = verdict.label
    return _mark_lead(out, options)


def _outside(line: Line, zone: Zone | None, where: str) -> Classified:
    """The verdict of a block that is not article: its zone, its rule, or its position."""
    if zone is not None:
        opener = zone.start == line.block.index
        if opener:
            reason = zone.reason
        else:
            what = f"'{zone.heading}'" if zone.heading else zone.reason
            reason = f"in the {zone.label} zone ({what}, line {zone_line(zone, line)})"
        is_heading = opener and zone.heading is not None
        entry = not is_heading and is_list_entry(line.f, line.rule)
        return Classified(line.block, Verdict(zone.label, reason), zone.start, is_heading, entry)
    if line.rule is not None:
        rule = line.rule
        if rule.label.is_article:  # a photo credit above the title or under the footer
            rule = Verdict(Label.METADATA, f"{rule.reason}, {where}")
        return Classified(line.block, rule, entry=is_list_entry(line.f, line.rule))
    if line.prose is Prose.BAD and where == "before the article":
        return Classified(line.block, Verdict(Label.NAVIGATION, f"short label {where}"))
    return Classified(line.block, Verdict(Label.BOILERPLATE, f"{line.prose.value} text {where}"))


def zone_line(zone: Zone, line: Line) -> int:
    """The input line where the zone of `line` starts (for reasons)."""
    return line.block.line - (line.block.index - zone.start)


def find_title(
    lines: list[Line], zones: list[Zone | None], start: int, end: int, hint: str | None = None
) -> int | None:
    """The headline-like block just above (or at the top of) the core.

    It looks most like the page's own title: the <title> when the HTML gives it, else the
    first line of the dump (get_text() dumps start with the <title>).
    """
    first_words = set(words((hint or (lines[0].f.text if lines else ""))[:TITLE_HINT_CHARS]))
    restated = _restated_hint(lines, start, end, first_words) if hint else None
    best, best_score = None, 0.0
    for i in range(max(0, start - TITLE_WINDOW), _headline_below(lines, start, end) + 1):
        line = lines[i]
        f = line.f
        if line.rule is not None or line.heading is not None or line.block.tag == "figcaption":
            continue
        if zones[i] is not None and not _opens_page(lines, zones, i):
            continue
        if not TITLE_MIN_WORDS <= f.n_words <= TITLE_MAX_WORDS or f.ends_colon:
            continue
        if f.text.rstrip(" »”\"')").endswith((".", "…")) or not (
            f.starts_upper or f.text[:1].isdigit()
        ):
            continue
        own = set(words(f.text))
        overlap = len(own & first_words) / len(own) if own and (i > 0 or hint) else 0.0
        if hint and len(first_words) >= HINT_MIN_WORDS and not overlap and line.block.tag != "h1":
            continue  # shares no word with the declared title: a skip link, a credit, a date
        score = 1.0 + 2.0 * overlap + 1.0 / (1 + abs(start - i)) + min(f.n_words, 12) / 12
        if line.block.tag == "h1":
            score += H1_BONUS
        if score > best_score:
            best, best_score = i, score
    # the page has a headline line: the one that restates the declared title is it
    return restated if best is not None and restated is not None else best


def _restated_hint(lines: list[Line], start: int, end: int, hint_words: set[str]) -> int | None:
    """HTML: the last line above the core's first kept paragraph that restates the <title>.

    The headline the page's head declares is the title wherever its line sits: in a
    header the zones took for a menu, repeated over a photo gallery, or ending with a full
    stop ("… They might be."). A gallery counter or a skip link above it is not.
    """
    found = None
    for i in range(max(0, start - TITLE_WINDOW), min(end, start + TITLE_WINDOW) + 1):
        line = lines[i]
        if _restates(line, hint_words):
            found = i
        if i >= start and line.block.kept and line.prose is Prose.GOOD:
            break
    return found


def _restates(line: Line, hint_words: set[str]) -> bool:
    """The line says what the hint says: a headline, not a link or a photo caption."""
    if line.heading is not None or line.block.tag == "figcaption" or line.f.quoted:
        return False
    if line.block.link_density > 0.5 and line.block.tag != "h1":
        return False
    own = set(words(line.f.text))
    if len(own) < TITLE_MIN_WORDS or line.f.n_words > TITLE_MAX_WORDS:
        return False
    shared = len(own & hint_words)
    return shared >= HINT_IN_TITLE * len(own) and shared >= HINT_COVERED * len(hint_words)


def _headline_below(lines: list[Line], start: int, end: int) -> int:
    """HTML: the <h1> at the top of the core, above its first paragraph, else `start`.

    A core may start above the page's headline, at a line trafilatura kept or that reads
    as prose (a consent notice, a section name, a photo caption): the <h1> under it, before
    any paragraph, is still the title, and the lines above it are not the article.
    """
    for j in range(start + 1, min(end, start + TITLE_WINDOW) + 1):
        line = lines[j]
        if line.block.tag == "h1":
            return j
        if line.prose is Prose.GOOD and line.rule is None:
            break
    return start


def _opens_page(lines: list[Line], zones: list[Zone | None], i: int) -> bool:
    """A headline that closes a menu or rail at the top of the page, before any prose."""
    zone = zones[i]
    if zone is None or zone.end != i or zone.label not in (Label.RELATED, Label.NAVIGATION):
        return False
    return not any(ln.prose is Prose.GOOD and ln.rule is None for ln in lines[: zone.start])


def _role(
    lines: list[Line],
    zones: list[Zone | None],
    i: int,
    end: int,
    prev_role: Label | None,
    options: Options,
) -> Verdict:
    """The article role of block i inside the core."""
    f = lines[i].f
    prev = lines[i - 1].f if i > 0 else None
    if _author_bio(lines, zones, i, end):
        return Verdict(Label.METADATA, "the author's bio under the article")
    if _company_note(lines, zones, i, end):
        return Verdict(Label.METADATA, "the company's note closing a press release")
    markup = _markup_role(lines[i])
    if markup is not None:
        return markup
    if f.quoted:
        return Verdict(Label.QUOTE, "quotation in quote marks")
    if prev_role is Label.QUOTE and f.n_words <= ATTRIBUTION_MAX_WORDS and not f.ends_sentence:
        return Verdict(Label.ATTRIBUTION, "short line under a quotation")
    # "… les mesures suivantes :" opens a list of the article; "Share this:" does not.
    after_colon = prev is not None and prev.ends_colon and prev_role is not None
    in_list = after_colon or prev_role is Label.LIST_ITEM
    if in_list and lines[i].prose is not Prose.GOOD and (after_colon or not f.ends_colon):
        return Verdict(Label.LIST_ITEM, "entry of a list introduced by a colon")
    if lines[i].prose in (Prose.GOOD, Prose.NEAR):
        if _is_heading(lines, zones, i, end, options):
            return Verdict(Label.HEADING, "short line without full stop before a paragraph")
        return Verdict(Label.PARAGRAPH, f"{lines[i].prose.value} prose inside the article")
    if _is_heading(lines, zones, i, end, options):
        return Verdict(Label.HEADING, "short line without full stop before a paragraph")
    if f.ends_sentence and text_size(f) >= 2:
        return Verdict(Label.PARAGRAPH, "short sentence inside the article")
    if lines[i].block.kept and text_size(f) >= 2:
        return Verdict(Label.PARAGRAPH, "short line that trafilatura kept in the article")
    if lines[i].block.kept and lines[i].block.tag in TABLE_CELLS:
        return Verdict(Label.PARAGRAPH, "table cell that trafilatura kept in the article")
    return Verdict(Label.BOILERPLATE, "short line inside the article, neither heading nor sentence")


def _author_bio(lines: list[Line], zones: list[Zone | None], i: int, end: int) -> bool:
    """ "Awa Keita is a reporter based in Gao who covers…" as one of the last paragraphs.

    Higher up, such a sentence is the article's: a story about a journalist.
    """
    if lines[i].f.n_words > BIO_MAX_WORDS or bio_pattern().match(lines[i].f.text) is None:
        return False
    return _paragraphs_after(lines, zones, i, end) <= BIO_LAST_PARAGRAPHS


def _company_note(lines: list[Line], zones: list[Zone | None], i: int, end: int) -> bool:
    """ "Acme is a leading provider of…" closing the article, and what follows it on Acme.

    The note is among the last paragraphs of the core (at most BIO_LAST_PARAGRAPHS after
    it); the paragraphs right under it that start with the company's name go with it.
    """
    for j in range(i, max(-1, i - COMPANY_NOTE_LINES - 1), -1):
        line = lines[j]
        if line.f.n_words > COMPANY_MAX_WORDS:
            continue
        found = company_pattern().match(line.f.text)
        if found is None or (j < i and not lines[i].f.text.startswith(found.group(1) + " ")):
            continue
        return _paragraphs_after(lines, zones, j, end) <= BIO_LAST_PARAGRAPHS + (i - j)
    return False


def _paragraphs_after(lines: list[Line], zones: list[Zone | None], i: int, end: int) -> int:
    """How many paragraphs of prose the core holds after line i (up to line end)."""
    return sum(
        1
        for ln, zone in zip(lines[i + 1 : end + 1], zones[i + 1 : end + 1], strict=True)
        if ln.prose is Prose.GOOD and ln.rule is None and zone is None
    )


@lru_cache(maxsize=1)
def company_pattern() -> re.Pattern[str]:
    """A name, then "is a leading … provider" (vocab.COMPANY_WORDS, COMPANY_NOUNS)."""
    adjectives = "|".join(sorted(vocab.COMPANY_WORDS, key=len, reverse=True))
    nouns = "|".join(sorted(vocab.COMPANY_NOUNS, key=len, reverse=True))
    phrases = "|".join(sorted(vocab.COMPANY_PHRASES, key=len, reverse=True))
    return re.compile(
        r"^([A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}),? (?:\([^)]*\) )?"
        r"(?:is|est|ist) (?:a|an|the|un|une|le|la|l'|ein|eine|der|die)\b ?[^.]{0,40}?"
        rf"\b(?:(?:{adjectives})\b[^.]{{0,60}}?\b(?:{nouns})s?|{phrases})\b"
    )


@lru_cache(maxsize=1)
def bio_pattern() -> re.Pattern[str]:
    """A name, then "is a … reporter" (vocab.BIO_NOUNS), at the start of a line."""
    nouns = "|".join(sorted(vocab.BIO_NOUNS, key=len, reverse=True))
    return re.compile(
        r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3},? (?:\([^)]*\) )?"
        r"(?:is|est|ist) (?:(?:a|an|the|un|une|le|la|l'|ein|eine|der|die)\b)?[^.]{0,100}?\b"
        rf"(?i:{nouns})\b"  # "Editor", "Founder": a title case of its own
    )


def _overridable(rule: Verdict | None) -> bool:
    """Rules that a block trafilatura kept outweighs: a date or a label in the text.

    Bylines, reading times and credits stay metadata, even when trafilatura kept them.
    """
    if rule is None:
        return False
    return rule.label is Label.NAVIGATION or (
        rule.label is Label.METADATA and rule.reason == DATE_LINE_REASON
    )


def _gap_prose(lines: list[Line], i: int, kept_span: tuple[int, int]) -> bool:
    """A paragraph trafilatura dropped between two it kept: a gap in its extraction."""
    line = lines[i]
    if not kept_span[0] < i < kept_span[1]:
        return False
    if line.block.tag in ("h2", "h3", "h4") and line.f.n_words <= HEADING_WORDS:
        # an intertitle between kept paragraphs introduces one; a heading over text
        # trafilatura dropped ("Further information", "Tags", an embed's notice) is a widget's
        return bool(lines[i + 1].block.kept)
    if (
        line.prose not in (Prose.GOOD, Prose.NEAR)
        or line.block.link_density >= GAP_MAX_LINK_DENSITY
    ):
        return False
    return line.block.tag == "p" and (line.prose is Prose.GOOD or line.f.ends_sentence)


def _markup_role(line: Line) -> Verdict | None:
    """HTML says it: <h2> is an intertitle, <blockquote> a quote, <figcaption> a caption."""
    tag = line.block.tag
    if tag is None or line.f.n_words == 0:
        return None
    if tag in ("h2", "h3", "h4", "h5", "h6") and line.f.n_words <= 2 * HEADING_WORDS:
        return Verdict(Label.HEADING, f"<{tag}> inside the article")
    if tag == "blockquote":
        return Verdict(Label.QUOTE, "<blockquote> inside the article")
    # a photo's <figcaption> only: a table's <caption> is the title of its content (slide
    # shows print their text there), judged as any other line. A caption trafilatura kept
    # is judged as any line too: a video page's description sits in a caption box.
    # (Dev, with captions found by their box's class: te html +0.0015, sh html -0.0002.)
    if tag == "figcaption" and not line.block.kept:
        return Verdict(Label.CAPTION, f"<{tag}> inside the article")
    if tag in ("li", "dd", "dt"):
        return Verdict(Label.LIST_ITEM, f"<{tag}> inside the article")
    return None


def _is_heading(
    lines: list[Line], zones: list[Zone | None], i: int, end: int, options: Options
) -> bool:
    """An intertitle: short, no full stop, and followed by article prose.

    A label ending with a colon counts when a whole paragraph follows it (a run-in
    heading, "Private solar panels:"); over short lines it introduces a list.
    """
    f = lines[i].f
    if f.n_words == 0 or f.n_words > options.heading_max_words:
        return False
    if f.ends_colon:  # a run-in heading ("Private solar panels:") over a whole paragraph
        nxt = i + 1
        return (
            nxt <= end
            and zones[nxt] is None
            and lines[nxt].rule is None
            and lines[nxt].prose is Prose.GOOD
            and f.starts_upper
        )
    if f.text.rstrip(" »”\"')").endswith((".", "…", ",", ";", "。", "，", "；")):
        return False
    if not (f.starts_upper or f.text[:1].isdigit()):
        return False
    nxt = i + 1
    if nxt > end or zones[nxt] is not None or lines[nxt].rule is not None:
        return False
    return lines[nxt].prose is Prose.GOOD or (
        lines[nxt].prose is Prose.NEAR and lines[nxt].f.ends_sentence
    )


def _mark_lead(out: list[Classified], options: Options) -> list[Classified]:
    """The first paragraph under the title is the lead when it reads like a standfirst."""
    kept = [i for i, c in enumerate(out) if c.label.is_article]
    if not kept or out[kept[0]].label is not Label.TITLE or len(kept) < 3:
        return out
    first, second = out[kept[1]], out[kept[2]]
    if first.label is not Label.PARAGRAPH or second.label not in (Label.PARAGRAPH, Label.HEADING):
        return out
    byline = any(c.label is Label.METADATA for c in out[kept[1] + 1 : kept[2]])
    limit = options.lead_max_chars_with_byline if byline else options.lead_max_chars
    size = len(first.block.text)
    if size > limit or (not byline and size >= len(second.block.text)):
        return out
    out[kept[1]] = Classified(
        first.block, Verdict(Label.LEAD, "short first paragraph under the title")
    )
    return out
