"""The article's title: the headline-like line just above (or at the top of) the core.

It looks most like the page's own title: the declared <title> on HTML, else the first
line of the dump (get_text() dumps start with the <title>). On HTML, the line that
restates the declared title is the headline wherever it sits, and an <h1> under the core's
top can be it.
"""

from __future__ import annotations

from ..models import Label
from ..text.features import CLOSERS
from ..text.tokens import words
from .firstpass import Line, Prose
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
        if f.text.rstrip(CLOSERS).endswith((".", "…")) or not (
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
