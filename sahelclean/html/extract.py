"""HTML pages: the one module that talks to trafilatura.

The page is parsed once. Its visible text is laid out in blocks as a browser would show
it, each block with its element, its link density and the widget its container announces
(class, id, role). trafilatura's extraction, run on the same tree, marks the blocks it
kept. Then the one classifier of sahelclean (the same as for text dumps) decides, with
those signals as evidence: trafilatura's choice weighs in the article core, and the
containers and the rules label what it let through (inline teasers, rails, comments).
When trafilatura keeps nothing, the classifier decides alone, and `stats` says so.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from itertools import accumulate
from typing import Any

from ..assemble import assemble
from ..classify import PageHints, classify
from ..classify.sitepass import site_view
from ..classify.switches import switched_off
from ..classify.title import document_title
from ..errors import InputError
from ..models import Block, Document, InputKind
from ..options import Options
from ..sites.htmltree import force_kept, prune, remove_elements, select, site_kept
from ..sites.rules import site_rules
from ..sites.siterules import is_site_verdict
from ..text.language import confirm_language, detect_language, stoplists
from ..text.tokens import collapse, words
from .layout import render, to_blocks
from .meta import declared_titles, head_values, meta_values
from .parse import parse_html

# A block shorter than this is matched against trafilatura's lines whole, not as a
# substring: "Advertisement" inside a paragraph proves nothing.
MATCH_MIN_WORDS = 4
# trafilatura cuts some paragraphs in lines (at <br>): a block whose text is this much made
# of its lines was kept. Lines shorter than this many characters are not searched.
COVERED_SHARE = 0.6
MATCH_MIN_CHARS = 20
# trafilatura prints a table row as one line, its cells joined by spaces: a run of up to
# ROW_MAX_CELLS cells whose texts so joined make one of its lines was kept. (Dev: te html
# +0.0004, a results table and a recipe's nutrition table, 2 de sites; sh unchanged.)
CELL_TAGS = frozenset({"td", "th"})
ROW_MAX_CELLS = 16
# A copy of a line is judged by how many of this many blocks on each side trafilatura kept.
NEIGHBOURS = 2
# trafilatura's text that the layout does not show comes in as blocks when it is an
# article's worth and the page's blocks hold less than this share of it (add_unseen).
UNSEEN_MIN_CHARS = 1000
UNSEEN_SHARE = 0.5
# A marked container that holds this share of what trafilatura kept is the article's own
# wrapper (a paywall box, a "read-more" or "share" wrapper around the text), not a widget.
WRAPPER_SHARE = 0.5


def clean_html(
    html: str, *, source: str | None, url: str | None, options: Options, stats: dict[str, Any]
) -> Document:
    """Clean an HTML page (see the module docstring)."""
    tree, flattened = parse_html(html)
    if flattened:
        stats = {**stats, "flattened": flattened}
    if tree is None:
        raise InputError("the HTML could not be parsed (is it HTML at all?)", source)
    values = meta_values(tree)
    metadata = head_values(tree, values, url)
    rules = site_rules(options.rules, url or metadata.get("url"))
    marks = select(rules, tree) if rules is not None and rules.selectors else None
    hover: list[Any] = []  # tooltips and hover cards: the renderer finds them as it skips them
    blocks = to_blocks(render(tree, marks, hover))
    site_kept_at: frozenset[int] = frozenset()
    if marks:  # site selectors: kept elements count as kept, dropped ones leave the tree
        blocks, site_kept_at = site_kept(blocks)
        prune(marks)
    # tooltips and hover cards leave the tree too, so that trafilatura's lines read as
    # our blocks (a name's hover card inside a sentence would make them differ)
    remove_elements(hover)
    lines = _extract(tree, url, fast=True)
    stats = {**stats, "trafilatura_chars": sum(len(line) for line in lines)}
    if lines:
        marked = mark_kept(blocks, lines)
        unseen = 0
        if not switched_off("add_unseen"):
            marked, unseen = add_unseen(marked, lines)
        if unseen:
            stats["unseen"] = f"{unseen} lines that trafilatura read and the layout does not show"
    else:
        stats["fallback"] = "trafilatura (fast) kept nothing"
        marked = [b.with_kept(False) for b in blocks]
    if marks:
        marked = force_kept(marked, site_kept_at)

    def second_opinion() -> list[Block] | None:
        """trafilatura with its fallback extractors, for pages where fast mode fell short."""
        thorough = _extract(tree, url, fast=False)
        stats["second_opinion"] = "trafilatura's fallbacks asked, its fast mode fell short"
        if not thorough:
            return None
        again = mark_kept(blocks, thorough)
        return force_kept(again, site_kept_at) if marks else again

    declared = metadata.get("language")
    if options.language:
        language: str | None = options.language
    elif declared is not None and declared in stoplists():
        language = declared
        if not switched_off("confirm_language"):
            language = confirm_language(words(_sample(blocks)), declared)
    else:
        language = _language(blocks)
    site = site_view(options, url or metadata.get("url"), source)
    hints = PageHints(
        title=metadata.get("title"), second_opinion=second_opinion, site=site, rules=rules
    )
    classified = classify(marked, options, language, hints)
    declared_forms = [] if switched_off("declared_title") else declared_titles(tree, values)
    title, classified = document_title(classified, declared_forms, metadata.get("sitename"))
    return assemble(
        classified,
        kept_widgets=options.keep,
        source=source,
        url=url or metadata.get("url"),
        input_kind=InputKind.HTML,
        language=language,
        stats=stats,
        metadata=metadata,
        title=title,
    )


def _extract(tree: Any, url: str | None, *, fast: bool) -> list[str]:
    """trafilatura's text for the page, as lines (empty when it finds nothing)."""
    from trafilatura import bare_extraction

    result = bare_extraction(
        tree, url=url, fast=fast, include_comments=False, include_tables=True, with_metadata=False
    )
    return kept_lines((getattr(result, "text", None) or "") if result is not None else "")


def kept_lines(text: str) -> list[str]:
    """trafilatura's text as lines of plain text: list dashes and table bars removed."""
    out: list[str] = []
    for raw in text.split("\n"):
        line = collapse(raw)
        if line.startswith("- "):
            line = line[2:]
        if line.startswith("|") and line.endswith("|"):
            out.extend(c for c in (collapse(cell) for cell in line.strip("|").split("|")) if c)
            continue
        if line:
            out.append(line)
    return out


def mark_kept(blocks: list[Block], lines: list[str]) -> list[Block]:
    """Mark each block that trafilatura kept: held in its text, or covered by its lines."""
    kept_text = "\n".join(lines)
    whole = set(lines)
    covered = [0] * len(blocks)
    # Lines are looked for in all the blocks' text at once (in C), and each hit is traced
    # back to its block; no line holds "\n", so none can span two blocks.
    page = "\n".join(b.text for b in blocks)
    starts = list(accumulate((len(b.text) + 1 for b in blocks[:-1]), initial=0))
    for line in lines:
        if len(line) < MATCH_MIN_CHARS:
            continue
        at = page.find(line)
        seen = -1
        while at >= 0:
            i = bisect_right(starts, at) - 1
            if i != seen and len(blocks[i].text) > len(line):
                covered[i] += len(line)
                seen = i
            at = page.find(line, at + 1)
    out = []
    joined: str | None = None
    join = not switched_off("joined_lines")
    for i, block in enumerate(blocks):
        if len(block.text.split()) >= MATCH_MIN_WORDS:
            kept = block.text in kept_text or covered[i] >= COVERED_SHARE * len(block.text)
            # a <pre> or a <br>-cut paragraph, which trafilatura prints as short lines one
            # after the other (dev: te html +0.00003 alone, 6 pages of 6 sites change, code
            # blocks and listings; one `with` snippet gained, and one follow line came in
            # that the Telegram entry of vocab.END_NOTE_PATTERNS now takes; sh unchanged)
            if not kept and join:
                if joined is None:
                    joined = " ".join(lines)
                kept = block.text in joined
        else:
            kept = block.text in whole
        out.append(block.with_kept(kept))
    if not switched_off("table_rows"):
        out = _table_rows(out, whole)
    if not switched_off("one_copy_each"):
        out = _one_copy_each(out, kept_text, lines)
    return out if switched_off("unwrap") else unwrap(out)


def add_unseen(marked: list[Block], lines: list[str]) -> tuple[list[Block], int]:
    """Blocks for the article trafilatura reads where the layout shows nothing.

    Some pages hold their article where no browser without scripts shows it (a <noscript>
    copy, a <template>, the data a script renders). When trafilatura kept an article's
    worth of text (UNSEEN_MIN_CHARS) and the page's blocks hold less than UNSEEN_SHARE of
    it, its lines that no block holds come in, kept, after the page's own blocks: the
    classifier then judges them like the rest, instead of finding no article.
    """
    total = sum(len(line) for line in lines)
    seen = sum(len(b.text) for b in marked if b.kept)
    if total < UNSEEN_MIN_CHARS or seen >= UNSEEN_SHARE * total:
        return marked, 0
    page = "\n".join(b.text for b in marked)
    extra = [line for line in lines if line not in page]
    first = marked[-1].end_line + 1 if marked else 1
    added = [
        Block(len(marked) + k, text, first + k, first + k, tag="p", kept=True)
        for k, text in enumerate(extra)
    ]
    return marked + added, len(added)


def _table_rows(blocks: list[Block], whole: set[str]) -> list[Block]:
    """Mark the cells of a table row that trafilatura kept: it prints a row as one line."""
    out = list(blocks)
    i = 0
    while i < len(out):
        if out[i].kept or out[i].tag not in CELL_TAGS:
            i += 1
            continue
        row = out[i].text
        for j in range(i + 1, min(i + ROW_MAX_CELLS, len(out))):
            if out[j].tag not in CELL_TAGS:
                break
            row = f"{row} {out[j].text}"
            if row in whole:
                out[i : j + 1] = [b.with_kept(True) for b in out[i : j + 1]]
                i = j
                break
        i += 1
    return out


def _one_copy_each(blocks: list[Block], kept_text: str, lines: list[str]) -> list[Block]:
    """A text the page prints twice and trafilatura once is kept once: the copy among kept
    neighbours (a headline repeated in a teaser or a sticky bar is not the article's)."""
    copies: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        if b.kept:
            copies.setdefault(b.text, []).append(i)
    extra = {t: at for t, at in copies.items() if len(at) > 1}
    if not extra:
        return blocks
    out = list(blocks)
    for text, at in extra.items():
        times = lines.count(text) if len(text.split()) < MATCH_MIN_WORDS else kept_text.count(text)
        if times >= len(at):
            continue
        ranked = sorted(at, key=lambda i: (_company(blocks, i, text), i), reverse=True)
        best = ranked[: max(times, 1)]
        for i in at:
            if i not in best:
                out[i] = blocks[i].with_kept(False)
    return out


def _company(blocks: list[Block], i: int, text: str) -> int:
    """How many of the blocks around block i trafilatura kept (copies of its text aside)."""
    near = blocks[max(0, i - NEIGHBOURS) : i] + blocks[i + 1 : i + 1 + NEIGHBOURS]
    return sum(1 for b in near if b.kept and b.text != text)


def unwrap(blocks: list[Block]) -> list[Block]:
    """Drop the widget hint of the containers that hold the article trafilatura kept."""
    held: dict[int, int] = {}
    # containers marked alike (one class on each <section> of the article) are one wrapper
    alike: dict[tuple[str, str], int] = {}
    marked_as: dict[int, tuple[str, str]] = {}
    for b in blocks:  # a site rule's verdict stands (see sites/rules.py)
        if b.kept and b.widget and not (b.hint and is_site_verdict(b.hint)):
            held[b.widget] = held.get(b.widget, 0) + len(b.text)
            if b.hint is not None:
                mark = (str(b.hint.label), b.hint.reason)
                marked_as.setdefault(b.widget, mark)
                alike[mark] = alike.get(mark, 0) + len(b.text)
    if not held:
        return blocks
    total = sum(len(b.text) for b in blocks if b.kept)
    wrappers = {
        w
        for w, n in held.items()
        if n >= WRAPPER_SHARE * total
        or (w in marked_as and alike[marked_as[w]] >= WRAPPER_SHARE * total)
    }
    if not wrappers:
        return blocks
    return [replace(b, hint=None, widget=0) if b.widget in wrappers else b for b in blocks]


def _language(blocks: list[Block]) -> str | None:
    """Guess the language from the page's text when the HTML does not say it."""
    return detect_language(words(_sample(blocks)))


def _sample(blocks: list[Block]) -> str:
    """The start of the page's text, where its language shows."""
    return " ".join(b.text for b in blocks)[:8000]
