"""The context-free pass: features, prose class and rule verdicts of each block."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from ..models import Block, Label, Verdict
from ..options import Options
from ..text.features import Features, features
from .rules import first_verdict, widget_heading
from .switches import current, switched_off

# Lines this long or longer that a page prints twice are not the article's own text.
REPEAT_MIN_WORDS = 4
REPEAT_REASON = "repeated line"
# HTML: a line that is all link (this share of its text) and written in capitals (this
# share of its letters, at least this many) is a teaser or a call to action ("CLICK HERE
# TO GET THE APP", "STAR OPENS UP ABOUT HER HEALTH"): prose and intertitles are not links.
SHOUT_LINK_DENSITY = 0.9
SHOUT_CAPS_SHARE = 0.8
SHOUT_MIN_LETTERS = 10
SHOUT_REASON = "a line in capitals that is all link: a teaser or a call to action"
# Chinese, Japanese and Thai write without spaces between words. Korean puts spaces
# between its words and is counted in words, as in features.py (dev: sh gettext +0.0003,
# all else unchanged).
_NO_SPACES_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff]")


class Prose(Enum):
    """How much a block reads like running text, before context."""

    GOOD = "good"
    NEAR = "near"
    SHORT = "short"
    BAD = "bad"


@dataclass(frozen=True, slots=True)
class Line:
    """A block after the context-free pass."""

    block: Block
    f: Features
    prose: Prose
    rule: Verdict | None  # a widget verdict from rules.py
    heading: Verdict | None  # a widget heading that opens a zone


# Lines up to this long are remembered across pages: menus, footers and rail headings
# repeat on every page of a site, so a batch judges each of them once. Long lines are
# article prose, which rarely repeats: remembering them would only cost memory.
MEMO_MAX_CHARS = 160
# The memo is emptied when it holds this many lines (about 10 MB).
MEMO_MAX_LINES = 20_000

_Judged = tuple[Features, Prose, Verdict | None, Verdict | None]
_memos: dict[tuple[frozenset[str], Options, frozenset[str]], dict[str, _Judged]] = {}


def line_memo(stop: frozenset[str], options: Options) -> dict[str, _Judged]:
    """The memo of context-free judgements for one stoplist, set of options and set of rules
    switched off (switches.py: a line judged without a rule is not judged with it).

    Looked up once per page; every page of a batch with the same language shares it.
    """
    key = (stop, options, current())
    memo = _memos.get(key)
    if memo is None:
        if len(_memos) >= 8:  # a few languages at a time; never grow without bound
            _memos.clear()
        memo = _memos[key] = {}
    elif len(memo) >= MEMO_MAX_LINES:
        memo.clear()
    return memo


def clear_memos() -> None:
    """Forget every remembered line (benchmarks time cold passes with it)."""
    _memos.clear()


def first_pass(
    block: Block, stop: frozenset[str], options: Options, memo: dict[str, _Judged] | None = None
) -> Line:
    """Features, prose class and context-free verdicts of one block, markup applied."""
    return with_markup(judge(block, stop, options, memo), options)


def judge(
    block: Block, stop: frozenset[str], options: Options, memo: dict[str, _Judged] | None = None
) -> Line:
    """Features, prose class and context-free verdicts of one block's text.

    All of it depends on the text alone (for a given stoplist and options), so short
    lines are remembered in `memo` and judged once per batch; the block's own markup
    (link density, container hint) is applied afterwards by with_markup, every time.
    """
    text = block.text
    judged = memo.get(text) if memo is not None else None
    if judged is None:
        f = features(block, stop)
        heading = None if switched_off("widget_heading") else widget_heading(f)
        rule = None if heading else first_verdict(f)
        judged = (f, prose_class(f, bool(stop), options), rule, heading)
        if memo is not None and len(text) <= MEMO_MAX_CHARS:
            memo[text] = judged
    f, prose, rule, heading = judged
    return Line(block, f, prose, rule, heading)


def with_markup(line: Line, options: Options) -> Line:
    """Apply what the HTML says: link density, widget containers, trafilatura's choice.

    Cheap, so that a page can be judged with and without trafilatura's choice.
    """
    block = line.block
    prose, rule = line.prose, line.rule
    if block.link_density > options.max_link_density and prose is not Prose.GOOD and not block.kept:
        prose = Prose.BAD  # a line of links: a menu entry, a teaser, a tag
    hinted = rule is None and line.heading is None and block.hint is not None
    if hinted and not switched_off("container_hint"):
        rule = block.hint  # its container is a widget (html.unwrap drops the article's own)
    shouts = rule is None and block.link_density >= SHOUT_LINK_DENSITY and _shouts(line.f.text)
    if shouts and not switched_off("shout_link"):
        rule = Verdict(Label.RELATED, SHOUT_REASON)
    if prose is line.prose and rule is line.rule:
        return line
    return Line(block, line.f, prose, rule, line.heading)


def _shouts(text: str) -> bool:
    """Written in capitals: SHOUT_CAPS_SHARE of at least SHOUT_MIN_LETTERS letters."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < SHOUT_MIN_LETTERS:
        return False
    return sum(1 for c in letters if c.isupper()) >= SHOUT_CAPS_SHARE * len(letters)


def text_size(f: Features) -> int:
    """The number of words, or half the characters in a script written without spaces."""
    if _NO_SPACES_SCRIPT.search(f.text):
        return max(f.n_words, f.n_chars // 2)
    return f.n_words


def prose_class(f: Features, has_stoplist: bool, options: Options) -> Prose:
    """jusText-like class from length, punctuation and stopword density."""
    size = text_size(f)
    dense = (not has_stoplist) or f.stop_density >= options.stopword_density_high
    some = (not has_stoplist) or f.stop_density >= options.stopword_density_low
    if f.is_separator or size == 0:
        return Prose.BAD
    if size >= options.prose_min_words and f.ends_sentence and some:
        return Prose.GOOD
    if (size >= 25 and some) or (size >= 15 and dense):
        return Prose.GOOD
    if size >= 6 and some:
        return Prose.NEAR
    if size <= 3 and not f.ends_sentence:
        return Prose.BAD
    return Prose.SHORT


def mark_repeats(lines: list[Line]) -> list[Line]:
    """A line the page prints twice (gallery captions, teasers, menus) is furniture.

    One copy is kept: the one trafilatura kept, if any, else the last, since pages
    announce their own title and lead in headers and teasers before the article prints them.
    """
    keeper: dict[str, Line] = {}
    for line in lines:
        if line.f.n_words < REPEAT_MIN_WORDS:
            continue
        held = keeper.get(line.f.folded)
        if held is None or not held.block.kept:
            keeper[line.f.folded] = line
    out = []
    for line in lines:
        held = keeper.get(line.f.folded)
        if held is None or held is line or line.rule is not None or line.block.kept:
            out.append(line)
            continue
        reason = f"{REPEAT_REASON} (printed again on line {held.block.line})"
        out.append(replace(line, rule=Verdict(Label.BOILERPLATE, reason)))
    return out


def is_repeat(line: Line) -> bool:
    """True for a line marked by mark_repeats (its prose class still holds)."""
    return line.rule is not None and line.rule.reason.startswith(REPEAT_REASON)


# A page whose blocks are set apart by blank lines this often keeps <p> spacing.
SPACED_SHARE = 0.15


def keeps_spacing(lines: list[Line]) -> bool:
    """True when the dump sets <p> apart with blank lines (an innerText dump, or HTML)."""
    return sum(1 for ln in lines if ln.block.spaced) >= SPACED_SHARE * len(lines)
