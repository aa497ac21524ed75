"""The article's title: the headline-like line just above (or at the top of) the core.

It looks most like the page's own title: the declared <title> on HTML, else the first
line of the dump (get_text() dumps start with the <title>). On HTML, the line that
restates the declared title is the headline wherever it sits, and an <h1> under the core's
top can be it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import chain

from ..models import Classified, Label, Verdict
from ..text.features import CLOSERS, Features
from ..text.tokens import collapse, words
from .firstpass import Line, Prose, is_repeat
from .zones import Zone

# The title is looked for this many blocks above the core (bylines and dates sit between).
TITLE_WINDOW = 8
TITLE_MIN_WORDS = 2
TITLE_MAX_WORDS = 30
# A <title> is a line; the first line of a dump may be a whole page (a 50 MB line).
TITLE_HINT_CHARS = 1000
# In HTML, an <h1> is the title more often than not.
H1_BONUS = 1.5
# A line that restates the page's <title> (og:title) is its headline: nearly all its words
# are the hint's, and it covers most of the hint (which may add the site's name).
HINT_IN_TITLE = 0.9
HINT_COVERED = 0.5
# A declared title this long says what the headline is about: a line sharing none of its
# words (a skip link, a gallery counter, a photo credit, a byline) is not the headline.
HINT_MIN_WORDS = 3
DECLARED_REASON = "the headline the page declares, opening the article"
# What parts a declared title: "Headline | Site", "Headline - Site - 28.04.2023",
# "Headline * Site * by Author", "見出し：新聞". A colon between spaces is French
# typography ("Mali : …"), never a cut.
_TITLE_CUT = re.compile(r"\s+[|\-–—•·*»/]\s+|\s*[|｜：]\s*")
# A declared title the page does not print is taken when the article holds this share of
# its words (a share, not all: the article may word it otherwise).
DECLARED_IN_PAGE = 0.6
# ... looked for in the article's first characters (a 50 MB line is no headline's context).
HELD_SAMPLE_CHARS = 100_000


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
        # a dump has no markup to set its headline apart: the headline may be printed again
        # (a teaser, a sticky bar)
        dump = line.block.kept is None
        if line.rule is not None and not (dump and is_repeat(line)):
            continue
        if line.heading is not None or line.block.tag == "figcaption":
            continue
        if zones[i] is not None and not _opens_page(lines, zones, i):
            continue
        if not _headline_length(f) or not (f.starts_upper or f.text[:1].isdigit()):
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


def document_title(
    classified: list[Classified],
    declared: Sequence[str],
    sitename: str | None = None,
    *,
    printed_only: bool = False,
    declared_at: int | None = None,
) -> tuple[str | None, list[Classified]]:
    """The title of a classified page (its headline line as the page declares it), and
    the blocks, the one that prints it labelled title when the article opens with it.

    None when the page has no article. printed_only: a declared title the page does not
    print is not taken (a dump's first line, which may be a menu's). A declared title that
    a block of the article's body prints is no title: the text would print it twice.
    declared_at: the block that declares the title (a get_text() dump's first line, its
    <title>), which does not print it.
    """
    article = [i for i, c in enumerate(classified) if c.label.is_article]
    if not article:
        return None, classified  # no article, no title
    found = next((c.block.text for c in classified if c.label is Label.TITLE), None)
    others = (i for i, c in enumerate(classified) if not c.label.is_article)
    texts = (classified[i].block.text for i in chain(article, others) if i != declared_at)
    title = page_title(found, declared, texts, sitename, printed_only=printed_only)
    if found is not None or title is None:
        return title, classified
    same = [i for i in article if words(classified[i].block.text) == words(title)]
    if not same:
        return title, classified
    if same[0] != article[0] or len(article) < 2:
        return None, classified  # in the body, or all the article: no headline
    out = list(classified)
    first = classified[article[0]]
    out[article[0]] = Classified(first.block, Verdict(Label.TITLE, DECLARED_REASON))
    return title, out


def page_title(
    found: str | None,
    declared: Sequence[str],
    page: Iterable[str],
    sitename: str | None = None,
    *,
    printed_only: bool = False,
) -> str | None:
    """The article's title: its headline line, in the form the page declares it.

    `found` is the headline line the classifier chose (find_title), `declared` the titles
    the page declares (Open Graph, JSON-LD, <h1>, <title>: html/meta.declared_titles), and
    `page` the text of the page's blocks, the article's first.
    - A declared form with the line's very words and more punctuation is the title: the
      publisher's own ("Kicker: headline", where the layout joined the two).
    - A declared form that is the line less words before or after it is the title: the
      line carried a kicker, a breadcrumb or the site's name ("Home » World » Headline").
    - With no headline line, the declared title the page prints is the title, else the
      first declared one less the site's name when the article holds most of its words.
    """
    forms = [v for d in declared for v in _forms(d) if len(words(v)) >= TITLE_MIN_WORDS]
    if not forms:
        return found
    if found is not None:
        own = words(found)
        same = next((v for v in forms if words(v) == own), None)
        if same is not None:  # more of its punctuation, or the line's own typography
            return same if len(collapse(same)) > len(collapse(found)) else found
        inner = [v for v in forms if _trims(own, words(v))]
        return max(inner, key=lambda v: len(words(v))) if inner else found
    texts = list(page)
    printed = {tuple(words(t)) for t in texts if len(t) < TITLE_HINT_CHARS}
    restated = [v for v in forms if tuple(words(v)) in printed]
    if restated:
        return max(restated, key=lambda v: len(words(v)))  # the first of the longest
    if printed_only:
        return None
    site = set(words(sitename or ""))
    first = _less_site(declared[0], site)
    held = set(words(" ".join(texts)[:HELD_SAMPLE_CHARS]))
    title_words = words(first)
    if title_words and sum(w in held for w in title_words) >= DECLARED_IN_PAGE * len(title_words):
        return first
    return None


def _forms(declared: str) -> list[str]:
    """A declared title whole, then cut at each separator: the parts before, the parts after."""
    cuts = list(_TITLE_CUT.finditer(declared))
    heads = [declared[: c.start()].strip() for c in reversed(cuts)]
    tails = [declared[c.end() :].strip() for c in cuts]
    return [declared, *heads, *tails]


def _trims(line: list[str], form: list[str]) -> bool:
    """The form is the line less words before or after it (a kicker, a site's name)."""
    n = len(form)
    return TITLE_MIN_WORDS <= n < len(line) and (line[-n:] == form or line[:n] == form)


def _less_site(declared: str, site: set[str]) -> str:
    """A declared title less the parts that name the site ("Headline | Site")."""
    if not site:
        return declared
    for form in _forms(declared)[1:]:
        rest = set(words(declared)) - set(words(form))
        if rest and all(w in site or w.isdigit() for w in rest):  # "| DW | 28.04.2023"
            return form
    return declared


# A dump's headline may sit in the menu or rail the zones ran on to the article's head:
# looked for this many blocks above the article, and taken when the article tells what it
# says (this share of its words, this many of them, stopwords aside).
HEADLINE_ABOVE = 20
TOLD_SHARE = 0.5
TOLD_MIN_WORDS = 3
TOLD_REASON = "headline above the article, its words the article's"
# A breadcrumb ("Start | Magazin | Tipps", "Home > People > Headline") is no headline.
_CRUMBS = re.compile(r"[|>»›]")
UNTOLD_REASON = "headline-like line whose words the article does not hold"


def headline_over_body(
    out: list[Classified], lines: list[Line], stop: frozenset[str], start: int
) -> list[Classified]:
    """A dump's headline: the first headline-like line of the article's head whose words
    the article's text holds, when no title was found or the one found tells nothing of
    the article ("Article content", a share bar, a short kicker).

    A zone may have taken the headline: the menu or rail ran on to the article's head.
    A teaser for another story, in that rail, shares few words with the article; a
    breadcrumb is no headline. `start` is the core's first block.
    """
    if any(ln.block.kept is not None for ln in lines):
        return out  # HTML: the page declares its title
    article = [i for i, c in enumerate(out) if c.label.is_article]
    found = next((i for i in article if out[i].label is Label.TITLE), None)
    body_at = [i for i in article if i != found]
    if not body_at:
        return out
    body = set(words(" ".join(out[i].block.text for i in body_at)[:HELD_SAMPLE_CHARS]))
    if found is not None and _told(lines[found].f.text, body, stop):
        return out
    top = body_at[0] if found is None else min(found, body_at[0])
    # the first of the head's lines: a subtitle, a caption or a quote under it is told too
    told = [
        i
        for i in range(max(0, top - HEADLINE_ABOVE), top)
        if (lines[i].rule is None or is_repeat(lines[i]))
        and _headline_shaped(lines[i])
        and _told(lines[i].f.text, body, stop)
    ]
    if not told:
        return out
    new = list(out)
    new[told[0]] = Classified(lines[told[0]].block, Verdict(Label.TITLE, TOLD_REASON))
    if found is not None:  # in the article: a sentence of it, else a caption or a deck
        label = Label.BOILERPLATE
        if found >= start:
            f = lines[found]
            prose = f.prose is Prose.GOOD and f.f.ends_sentence
            label = Label.PARAGRAPH if prose else Label.CAPTION
        new[found] = Classified(lines[found].block, Verdict(label, UNTOLD_REASON))
    return new


def _headline_length(f: Features) -> bool:
    """A headline's words (TITLE_MIN_WORDS to TITLE_MAX_WORDS), no closing full stop,
    ellipsis or colon."""
    return (
        TITLE_MIN_WORDS <= f.n_words <= TITLE_MAX_WORDS
        and not f.ends_colon
        and not f.text.rstrip(CLOSERS).endswith((".", "…"))
    )


def _headline_shaped(line: Line) -> bool:
    """3 to 30 words, no closing full stop or colon, a capital (or digit, or quote) first;
    no breadcrumb."""
    f = line.f
    if not _headline_length(f) or f.n_words == TITLE_MIN_WORDS:
        return False
    if len(_CRUMBS.findall(f.text)) >= 2:
        return False
    return f.starts_upper or f.text[:1].isdigit() or f.text[:1] in "„“\"«'‘"


def _told(text: str, body: set[str], stop: frozenset[str]) -> bool:
    """The article's words hold most of the line's (stopwords aside), and it has a few."""
    own = [w for w in words(text) if w not in stop]
    return len(own) >= TOLD_MIN_WORDS and sum(w in body for w in own) >= TOLD_SHARE * len(own)
