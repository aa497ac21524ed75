"""Switches: rules and passes turned off by name, to measure what each one does.

Nothing is off unless a caller says so. `off("post_link", "cover_kept")` turns those off for
the pages cleaned inside the `with` block, in this thread and its tasks (a ContextVar, like
lexicon.using); a batch's worker processes do not inherit it, so the rules audit
(bench/rules.py) cleans in-process. Each rule or pass asks `switched_off(NAME)` where it
would act, and the ladder of rules.py is filtered once per set of names: with nothing off,
every page is cleaned exactly as without this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# Every name that can be switched off, in the order of the passes (classify/__init__.py).
NAMES: tuple[str, ...] = (
    # the ladder of context-free rules (rules.RULES, by function name), and widget headings
    "widget_heading",
    "separator",
    "inline_teaser",
    "post_link",
    "label_line",
    "widget_phrase",
    "button_phrase",
    "cookie_notice",
    "newsletter_notice",
    "newsletter_name",
    "caption",
    "end_note",
    "relative_time",
    "thread_heading",
    "comment_author",
    "copyright_line",
    "metadata",
    "breadcrumb",
    # the block's markup (firstpass.with_markup) and the marks over the page (firstpass)
    "container_hint",
    "shout_link",
    "mark_repeats",
    # HTML: which blocks trafilatura kept (html/extract.py), and its second opinion
    "joined_lines",
    "table_rows",
    "one_copy_each",
    "unwrap",
    "add_unseen",
    "second_opinion",
    "confirm_language",
    # zones (zones.py, rails.py)
    "heading_zones",
    "banner_zones",
    "run_in_teaser",
    "dropped_summary",
    "shape_zones",
    "shape_menus",
    "teaser_zones",
    "linked_heading_rails",
    # the core (core.py, heads.py, tails.py, teasers.py) and around it
    "attribution",
    "prefer_head",
    "grow_left",
    "grow_right",
    "cut_tail",
    "inline_box",
    "before_teasers",
    "extend_head",
    "release_head",
    "cover_kept",
    "before_tail_rail",
    "link_tail",
    # roles (roles.py, trusted.py, coreroles.py)
    "overridable",
    "closing_link",
    "gap_prose",
    "framed_intertitle",
    "standfirst",
    "author_bio",
    "byline_block",
    "headline_over_body",
    "mark_lead",
    # the title as the page declares it (title.document_title, HTML)
    "declared_title",
)

_OFF: ContextVar[frozenset[str]] = ContextVar("sahelclean_switched_off", default=frozenset())


def current() -> frozenset[str]:
    """The names switched off here (empty: everything runs)."""
    return _OFF.get()


def switched_off(name: str) -> bool:
    """Whether the rule or pass `name` is switched off here."""
    return name in _OFF.get()


@contextmanager
def off(*names: str) -> Iterator[None]:
    """Within the block, these rules and passes do not run (added to those already off)."""
    unknown = sorted(set(names) - set(NAMES))
    if unknown:
        raise ValueError(f"no rule or pass named {', '.join(unknown)}; see switches.NAMES")
    token = _OFF.set(_OFF.get() | frozenset(names))
    try:
        yield
    finally:
        _OFF.reset(token)
