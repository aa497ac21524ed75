"""Rules audit (issue 18, item 2): where every rule, pass and vocabulary entry fires on the
dev corpora, and what each figure of the decision folds loses when one rule is switched off.

Run ``python bench/rules.py --help``; bench/README.md ("Rules audit") says what is measured.
sahelclean cleans every page once with nothing off (the baseline), then once per rule with
that rule alone off (sahelclean.classify.switches). A rule *fires* on a page when the page's
document changes with it off: its text, title, lead, sections, or the label of a block.
The figures are quality.py's, on its folds by site. Tables go to stderr, every figure to JSON.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import click

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

import quality as q  # noqa: E402
from folds import decision_folds, decision_mean  # noqa: E402
from speed import git_state  # noqa: E402
from vocabhits import KINDS, Match, VocabEntry, block_matches, catalogue, judge_text  # noqa: E402

from sahelclean.text.tokens import fold  # noqa: E402

DEFAULT_JSON = BENCH_DIR / "results" / "rules.json"
# The test: switched off, a rule is missed when a decision fold loses more than this
# on a figure (the gate's epsilon), or when the mean of the decision folds loses anything.
FOLD_TOLERANCE = 0.002
FLOAT_NOISE = 1e-9  # two runs that print the same pages give the same figures exactly
# A rule that fires on fewer sites than this is a candidate for removal (issue 18).
RARE_SITES = 3
ALL = "all"

Hit = tuple[str, str, str]  # (corpus, input kind, doc_id)


@dataclass(frozen=True, slots=True)
class Unit:
    """A rule or pass that can be switched off (a name of sahelclean.classify.switches)."""

    name: str
    group: str
    where: str  # the function it is, or the call it guards


def _units(group: str, where: str, names: str) -> tuple[Unit, ...]:
    return tuple(Unit(n, group, f"{where}.{n}") for n in names.split())


UNITS: tuple[Unit, ...] = (
    Unit("widget_heading", "ladder", "rules.widget_heading"),
    *_units("ladder", "widgetlines", "separator inline_teaser post_link label_line widget_phrase"),
    *_units("ladder", "widgetlines", "button_phrase cookie_notice newsletter_notice"),
    *_units("ladder", "widgetlines", "newsletter_name"),
    *_units("ladder", "metalines", "caption end_note relative_time"),
    *_units("ladder", "widgetlines", "thread_heading comment_author copyright_line"),
    Unit("metadata", "ladder", "metalines.metadata"),
    Unit("breadcrumb", "ladder", "widgetlines.breadcrumb"),
    Unit("container_hint", "marks", "firstpass.with_markup (block.hint as the rule)"),
    Unit("shout_link", "marks", "firstpass.with_markup (SHOUT_REASON)"),
    Unit("mark_repeats", "marks", "firstpass.mark_repeats"),
    Unit("joined_lines", "html", "html.extract.mark_kept (a block in trafilatura's joined lines)"),
    Unit("table_rows", "html", "html.extract._table_rows"),
    Unit("one_copy_each", "html", "html.extract._one_copy_each"),
    Unit("unwrap", "html", "html.extract.unwrap"),
    Unit("add_unseen", "html", "html.extract.add_unseen"),
    Unit("second_opinion", "html", "classify.classify (trafilatura's fallbacks)"),
    Unit("confirm_language", "html", "text.language.confirm_language (in html.extract)"),
    Unit("heading_zones", "zones", "zones.heading_zones"),
    Unit("banner_zones", "zones", "zones._banner (cookie and comment lines open a zone)"),
    Unit("run_in_teaser", "zones", "zones._run_in_teaser"),
    Unit("dropped_summary", "zones", "zones._dropped_summary"),
    Unit("shape_zones", "zones", "rails.shape_zones"),
    Unit("shape_menus", "zones", "rails.shape_zones (menus of short labels)"),
    *_units("zones", "rails", "teaser_zones linked_heading_rails"),
    Unit("attribution", "core", "core._attribution"),
    Unit("prefer_head", "core", "heads.prefer_head"),
    Unit("grow_left", "core", "runs.grow_left (with core._capped)"),
    Unit("grow_right", "core", "core.grow_right"),
    Unit("cut_tail", "core", "tails.cut_tail"),
    Unit("inline_box", "core", "tails._inline_box"),
    Unit("before_teasers", "core", "core._before_teasers (teasers.teaser_tail)"),
    Unit("extend_head", "core", "heads.extend_head"),
    Unit("release_head", "core", "heads.release_head"),
    Unit("cover_kept", "core", "classify.cover_kept"),
    *_units("core", "tails", "before_tail_rail link_tail"),
    Unit("overridable", "roles", "trusted.overridable (in roles.settle)"),
    Unit("closing_link", "roles", "roles._closing_link"),
    *_units("roles", "trusted", "gap_prose"),
    Unit("framed_intertitle", "roles", "trusted._framed_intertitle"),
    Unit("standfirst", "roles", "trusted.standfirst"),
    Unit("author_bio", "roles", "bios.author_bio"),
    Unit("byline_block", "roles", "coreroles._in_byline_block"),
    Unit("headline_over_body", "roles", "title.headline_over_body"),
    Unit("mark_lead", "roles", "roles._mark_lead"),
    Unit("declared_title", "title", "html.meta.declared_titles (in html.extract)"),
)

# What the audit does not switch off, and why.
LEFT_OUT: tuple[tuple[str, str], ...] = (
    ("find_core, find_title, role_in_core's roles, prose_class",
     "the classifier itself: without them there is no article, title or role to audit"),
    ("trust_extractor", "the arbitration between trafilatura and the classifier (issue 18, "
     "item 3), not a rule: off, every HTML page would be another system"),
    ("site rules files (--rules: sitepass.overlay, SiteRules.enforce, CSS selectors)",
     "off by default, as in quality.py and the gate; the built-in sections are listed apart"),
    ("site profiles (--profile: sitepass.mark_site)", "off by default; learned per site"),
    ("common.toml's regex tables (captions, end notes, datelines, bylines, relative times, "
     "container tokens)", "audited through the rules that read them (caption, end_note, "
     "metadata, relative_time, container_hint), not entry by entry"),
)  # fmt: skip


# ---------------------------------------------------------------- runs


@dataclass(frozen=True, slots=True)
class Outcome:
    """sahelclean on every page with some names switched off."""

    off: tuple[str, ...]
    folds: q.Folds
    printed: dict[Hit, tuple[str, str]]  # each page's (content digest, labels digest)
    seconds: float


def digests(doc: Any, error: str | None) -> tuple[str, str]:
    """What a reader gets of a document (title, lead, text, sections), and its block labels."""
    if doc is None:
        return f"error {error}", ""
    sections = [[s.heading, [[str(p.role), p.text] for p in s.parts]] for s in doc.sections]
    content = json.dumps([doc.title, doc.lead, doc.text, sections], ensure_ascii=False)
    labels = "\n".join(str(c.verdict.label) for c in doc.blocks)
    return _sha(content), _sha(labels)


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def clean_all(
    pages: dict[str, list[q.Page]],
    kinds: Sequence[str],
    names: Sequence[str],
    folds: tuple[int, int],
    on_doc: Callable[[q.Page, str, Any], None] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> Outcome:
    """Clean every page in every input kind with `names` switched off; fold the figures."""
    from sahelclean.classify.switches import off

    system = q.FACTORIES[q.OURS]()
    results: dict[tuple[str, str, str], list[q.PageResult]] = {}
    printed: dict[Hit, tuple[str, str]] = {}
    label = ",".join(names) or "baseline"
    total = sum(len(ps) for ps in pages.values()) * len(kinds)
    done = 0
    start = time.perf_counter()
    with off(*names):
        for corpus, corpus_pages in pages.items():
            for kind in kinds:
                for page in corpus_pages:
                    out, seconds, error = q.run_system(system, q.read_input(page, kind, False))
                    row = q.PageResult(
                        page.doc_id,
                        q.score_page(page, out),
                        seconds,
                        error,
                        q.score_structure(page, out),
                    )
                    results.setdefault((corpus, kind, q.OURS), []).append(row)
                    printed[corpus, kind, page.doc_id] = digests(out.doc, error)
                    if on_doc is not None and out.doc is not None:
                        on_doc(page, kind, out.doc)
                    if progress is not None:
                        progress(label, done, total)
                    done += 1
    run = q.Run(pages, results, dict.fromkeys(pages, 0), (q.OURS,), {})
    return Outcome(tuple(names), q.fold_run(run, *folds), printed, time.perf_counter() - start)


def changed(base: Outcome, other: Outcome) -> tuple[set[Hit], set[Hit]]:
    """The pages whose document changed (content or labels), and those whose content did."""
    fires, content = set(), set()
    for hit, (text, labels) in base.printed.items():
        now = other.printed.get(hit)
        if now is not None and now != (text, labels):
            fires.add(hit)
            if now[0] != text:
                content.add(hit)
    return fires, content


# ---------------------------------------------------------------- tallies


def tally(hits: Iterable[Hit], sites: dict[tuple[str, str], str]) -> dict[str, dict[str, int]]:
    """Pages and distinct sites per corpus × input kind, and in all (a page or a site once)."""
    by_key: dict[str, set[str]] = {}
    pages: set[tuple[str, str]] = set()
    for corpus, kind, doc_id in hits:
        by_key.setdefault(f"{corpus}/{kind}", set()).add(doc_id)
        pages.add((corpus, doc_id))
    out = {
        key: {"pages": len(ids), "sites": len({sites[key.split("/")[0], d] for d in ids})}
        for key, ids in sorted(by_key.items())
    }
    out[ALL] = {"pages": len(pages), "sites": len({sites[p] for p in pages})}
    return out


def delta(base: q.Folds, other: q.Folds, keys: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Each figure's change, fold by fold, on the decision folds' mean and on all pages."""
    out: dict[str, dict[str, Any]] = {}
    b_all, o_all = base.by_fold.get(q.OURS, {}), other.by_fold.get(q.OURS, {})
    for key in keys:
        if key not in b_all or key not in o_all:
            continue
        by_fold = [
            None if b is None or o is None else o - b
            for b, o in zip(b_all[key], o_all[key], strict=True)
        ]
        b_mean = decision_mean(b_all[key], base.rotate)
        o_mean = decision_mean(o_all[key], base.rotate)
        out[key] = {
            "by_fold": by_fold,
            "decision": {f: by_fold[f - 1] for f in decision_folds(base.k, base.rotate)},
            "decision_mean": None if b_mean is None or o_mean is None else o_mean - b_mean,
            ALL: other.overall[q.OURS][key] - base.overall[q.OURS][key],
        }
    return out


def fold_losses(change: dict[str, dict[str, Any]]) -> list[str]:
    """The figures on which a decision fold loses more than FOLD_TOLERANCE."""
    return [
        key
        for key, d in change.items()
        if any((v or 0.0) < -FOLD_TOLERANCE for v in d["decision"].values())
    ]


def missed(change: dict[str, dict[str, Any]]) -> list[str]:
    """The figures on which the decision folds miss the rule: a fold loses more than
    FOLD_TOLERANCE, or their mean loses anything."""
    losses = set(fold_losses(change))
    return [
        key
        for key, d in change.items()
        if key in losses or (d["decision_mean"] or 0.0) < -FLOAT_NOISE
    ]


@dataclass(slots=True)
class VocabHits:
    """The baseline's blocks, matched again: which rule and entry each one matched."""

    memo: dict[str, Match | None] = field(default_factory=dict)
    rule_final: dict[str, set[Hit]] = field(default_factory=dict)
    matched: dict[tuple[str, str], set[Hit]] = field(default_factory=dict)
    final: dict[tuple[str, str], set[Hit]] = field(default_factory=dict)

    def judge(self, text: str) -> Match | None:
        """judge_text, once per distinct text."""
        if text not in self.memo:
            self.memo[text] = judge_text(text)
        return self.memo[text]

    def add(self, page: q.Page, kind: str, doc: Any) -> None:
        """Record a document's matches."""
        hit = (page.corpus, kind, page.doc_id)
        for match, is_final in block_matches(doc, self.judge):
            if is_final:
                self.rule_final.setdefault(match.rule, set()).add(hit)
            if match.entry is not None:
                self.matched.setdefault(match.entry, set()).add(hit)
                if is_final:
                    self.final.setdefault(match.entry, set()).add(hit)


def entry_rows(
    entries: Sequence[VocabEntry], hits: VocabHits, sites: dict[tuple[str, str], str]
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Each entry with the pages and sites it fires on (matched, final); and the matches that
    name no entry of the catalogue (0 unless the vocabularies changed under the run)."""
    known = {e.key: e for e in entries if e.shadowed_by is None}
    matched: dict[tuple[str, str], set[Hit]] = {}
    final: dict[tuple[str, str], set[Hit]] = {}
    unknown: dict[str, int] = {}
    for source, target in ((hits.matched, matched), (hits.final, final)):
        for key, found in source.items():
            if key not in known:
                unknown[f"{key[0]}:{key[1]}"] = len(found)
            target.setdefault(key, set()).update(found)
    rows = []
    for e in entries:
        mine = e.shadowed_by is None
        rows.append(
            {
                "kind": e.kind,
                "label": e.label,
                "language": e.language,
                "text": e.text,
                "folded": e.folded,
                "shadowed_by": e.shadowed_by,
                "matched": tally(matched.get(e.key, set()) if mine else (), sites),
                "final": tally(final.get(e.key, set()) if mine else (), sites),
            }
        )
    return rows, unknown


def bucket(figures: dict[str, int]) -> str:
    """'0' (no page), '1-2' (sites), '3+'."""
    if not figures["pages"]:
        return "0"
    return "1-2" if figures["sites"] < RARE_SITES else "3+"


def vocab_summary(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Entries by kind (and in all): listed, shadowed, and by bucket, matched and final."""
    out: dict[str, dict[str, int]] = {}
    for row in rows:
        for group in (row["kind"], ALL):
            counts = out.setdefault(group, {"entries": 0, "shadowed": 0})
            counts["entries"] += 1
            counts["shadowed"] += row["shadowed_by"] is not None
            for how in ("matched", "final"):
                name = f"{how} {bucket(row[how][ALL])}"
                counts[name] = counts.get(name, 0) + 1
    return {k: out[k] for k in (*KINDS, ALL) if k in out}


def by_label(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """The matched buckets by kind and label."""
    out: dict[str, dict[str, int]] = {}
    for row in rows:
        counts = out.setdefault(f"{row['kind']}/{row['label']}", {})
        name = bucket(row["matched"][ALL])
        counts[name] = counts.get(name, 0) + 1
    return dict(sorted(out.items()))


@contextmanager
def vocabulary_without(drop: set[tuple[str, str]]) -> Iterator[None]:
    """Within the block, the built-in vocabularies lack these entries ((kind, folded)).

    The package switches rules, not entries: this replaces the compiled built-in
    vocabulary of text/lexicon.py (its cached `_builtin`) for the block, and empties the
    line memos on the way in and out, so that no line judged with one vocabulary is
    remembered for the other.
    """
    from sahelclean.classify.firstpass import clear_memos
    from sahelclean.text import lexicon
    from sahelclean.vocab import builtin_languages, common

    def kept(kind: str, texts: Iterable[Any]) -> tuple[Any, ...]:
        return tuple(t for t in texts if (kind, fold(getattr(t, "text", t))) not in drop)

    languages = tuple(
        replace(v, teasers=kept("teasers", v.teasers),
                **{k: kept(k, getattr(v, k)) for k in ("headings", "phrases", "buttons", "labels")})
        for v in builtin_languages()
    )  # fmt: skip
    shared = replace(common(), post_links=kept("post_links", common().post_links))
    vocabulary = lexicon.build(languages, shared)
    builtin = lexicon._builtin
    clear_memos()
    lexicon._builtin = lambda: vocabulary  # type: ignore[assignment]
    try:
        yield
    finally:
        lexicon._builtin = builtin
        clear_memos()


def rare_entries_run(
    base: Outcome, rows: Sequence[dict[str, Any]], pages: dict[str, list[q.Page]],
    kinds: Sequence[str], folds: tuple[int, int], sites: dict[tuple[str, str], str],
    keys: Sequence[str],
) -> dict[str, Any]:  # fmt: skip
    """Every entry that fires on fewer than RARE_SITES sites (0 too) off at once: one run."""
    drop = {(r["kind"], r["folded"]) for r in rows if r["matched"][ALL]["sites"] < RARE_SITES}
    with vocabulary_without(drop):
        other = clean_all(pages, kinds, (), folds)
    fires, content = changed(base, other)
    change = delta(base.folds, other.folds, keys)
    labels: dict[str, int] = {}
    for r in rows:
        if (r["kind"], r["folded"]) in drop:
            labels[f"{r['kind']}/{r['label']}"] = labels.get(f"{r['kind']}/{r['label']}", 0) + 1
    return {
        "entries_off": len(drop),
        "off_by_label": dict(sorted(labels.items())),
        "fires": tally(fires, sites),
        "content": tally(content, sites),
        "delta": change,
        "fold_losses": fold_losses(change),
        "missed": missed(change),
        "seconds": other.seconds,
    }


def site_sections(pages: dict[str, list[q.Page]]) -> list[dict[str, Any]]:
    """The built-in site rules' sections, with the dev pages their `match` patterns fit."""
    from sahelclean.sites.load import builtin_path, read_rules

    sections, problems = read_rules(builtin_path())
    if problems:
        raise click.ClickException(f"the built-in site rules do not load: {problems[0]}")
    out = []
    for s in sections:
        fit = [p for ps in pages.values() for p in ps if p.url and s.matches(p.url)]
        out.append(
            {
                "name": s.name,
                "match": list(s.match),
                "pages": len(fit),
                "sites": len({p.site for p in fit}),
                "entries": sum(
                    len(getattr(s, k))
                    for k in ("headings", "phrases", "buttons", "labels", "lines", "patterns")
                ),
            }
        )
    return out


# ---------------------------------------------------------------- tables


def _short(key: str) -> str:
    """'fu/innertext/title' -> 'fu/i/title': narrow table headers."""
    parts = key.split("/")
    parts[1] = parts[1][0]
    return "/".join(parts)


def _ps(figures: dict[str, int] | None) -> str:
    """'pages/sites', or '' for none."""
    if not figures or not figures["pages"]:
        return ""
    return f"{figures['pages']}/{figures['sites']}"


def _d(value: float | None) -> str:
    """A change of a figure: '' when none, else signed with 4 decimals, red when a loss."""
    if value is None or abs(value) < FLOAT_NOISE:
        return ""
    text = f"{value:+.4f}"
    return f"[red]{text}[/]" if value < 0 else text


def print_firing(rows: Sequence[dict[str, Any]], keys: Sequence[str], console: Any) -> None:
    """Where each rule fires: pages/sites in all and per corpus × input kind."""
    from rich.table import Table

    table = Table(
        title="Where each rule fires: dev pages/sites whose document changes with it off "
        "(content or a block's label; 'text': the content only; 'verdict': a block's final "
        "verdict is the ladder rule's)"
    )
    for name in ("rule", "group", "all", "text", *map(_short, keys), "verdict"):
        table.add_column(name, justify="left" if name in ("rule", "group") else "right")
    for row in rows:
        fires = row["fires"]
        table.add_row(
            row["name"],
            row["group"],
            _ps(fires[ALL]),
            _ps(row["content"][ALL]),
            *(_ps(fires.get(k)) for k in keys),
            _ps(row["verdicts"][ALL]) if row["verdicts"] else "",
        )
    console.print(table)


def print_deltas(
    rows: Sequence[dict[str, Any]], keys: Sequence[str], span: str, console: Any
) -> None:
    """Each figure's change on the mean of the decision folds, rule by rule."""
    from rich.table import Table

    if not keys:
        return
    table = Table(
        title=f"Change of each figure with the rule off: mean of the decision folds {span} "
        f"(blank: no change; * a decision fold loses more than {FOLD_TOLERANCE})"
    )
    table.add_column("rule")
    for key in keys:
        table.add_column(_short(key), justify="right")
    for row in rows:
        cells = []
        for key in keys:
            d = row["delta"].get(key)
            text = _d(d["decision_mean"]) if d else ""
            cells.append(text + ("*" if key in row["fold_losses"] else ""))
        table.add_row(row["name"], *cells)
    console.print(table)


def print_rare(rows: Sequence[dict[str, Any]], span: str, console: Any) -> None:
    """The rules that fire on fewer than RARE_SITES sites, and whether the decision folds
    miss them."""
    from rich.table import Table

    rare = [r for r in rows if r["fires"][ALL]["sites"] < RARE_SITES]
    table = Table(
        title=f"Rules firing on fewer than {RARE_SITES} sites (all corpora and kinds): do the "
        f"decision folds {span} miss them?"
    )
    for name in ("rule", "pages/sites", "worst fold change", "worst mean change", "missed on",
                 "verdict"):  # fmt: skip
        table.add_column(name, justify="left" if name in ("rule", "missed on") else "right")
    for r in rare:
        worst_fold = min(
            (v or 0.0 for d in r["delta"].values() for v in d["decision"].values()), default=0.0
        )
        worst_mean = min((d["decision_mean"] or 0.0 for d in r["delta"].values()), default=0.0)
        table.add_row(
            r["name"],
            _ps(r["fires"][ALL]) or "0/0",
            _d(worst_fold) or "0",
            _d(worst_mean) or "0",
            ", ".join(r["missed"]) or "-",
            "missed: keep" if r["missed"] else "not missed: remove?",
        )
    console.print(table)


def print_fold_table(row: dict[str, Any], base: dict[str, Any], console: Any) -> None:
    """One rule's figures fold by fold, with it and without it, where any fold changes."""
    from rich.table import Table

    moved = [k for k, d in row["delta"].items() if any(abs(v or 0.0) >= FLOAT_NOISE
                                                      for v in d["by_fold"])]  # fmt: skip
    if not moved:
        return
    k = len(next(iter(base.values()))["by_fold"])
    table = Table(title=f"{row['name']} off: each figure fold by fold (baseline → off)")
    for name in ("figure", *(f"fold {f}" for f in range(1, k + 1)), "decision mean"):
        table.add_column(name, justify="left" if name == "figure" else "right")
    for key in moved:
        b, d = base[key], row["delta"][key]
        cells = [
            "-" if v is None else f"{v:.5f} → {v + (c or 0.0):.5f}"
            for v, c in zip(b["by_fold"], d["by_fold"], strict=True)
        ]
        mean = b["decision_mean"]
        table.add_row(
            key, *cells, "-" if mean is None else f"{mean:.5f} → {mean + d['decision_mean']:.5f}"
        )
    console.print(table)


def print_vocab(
    summary: dict[str, dict[str, int]], rows: Sequence[dict[str, Any]], limit: int, console: Any
) -> None:
    """The vocabulary entries by sites bucket, and the entries that fire."""
    from rich.table import Table

    table = Table(
        title="Vocabulary entries by the sites they fire on (matched: a block's first-pass "
        "verdict names the entry; final: it is still the block's verdict in the document)"
    )
    cols = ("entries", "shadowed", *(f"{h} {b}" for h in ("matched", "final")
                                     for b in ("0", "1-2", "3+")))  # fmt: skip
    table.add_column("kind")
    for name in cols:
        table.add_column(name, justify="right")
    for kind, counts in summary.items():
        table.add_row(kind, *(str(counts.get(c, 0)) for c in cols))
    console.print(table)
    firing = sorted(
        (r for r in rows if r["matched"][ALL]["pages"]),
        key=lambda r: (-r["matched"][ALL]["sites"], -r["matched"][ALL]["pages"], r["folded"]),
    )
    shown = firing if limit <= 0 else firing[:limit]
    entries = Table(title=f"Vocabulary entries that fire ({len(shown)} of {len(firing)} shown)")
    for name in ("kind", "label", "lang", "entry", "matched", "final"):
        entries.add_column(name, justify="right" if name in ("matched", "final") else "left")
    for r in shown:
        entries.add_row(r["kind"], r["label"], r["language"], r["text"],
                        _ps(r["matched"][ALL]), _ps(r["final"][ALL]))  # fmt: skip
    console.print(entries)


def print_sections(sections: Sequence[dict[str, Any]], console: Any) -> None:
    """The built-in site rules' sections and the dev pages they apply to."""
    from rich.table import Table

    table = Table(
        title="Built-in site rules (sites/builtin_rules.toml): dev pages/sites whose URL a "
        "section matches (quality.py, the gate and this audit clean without site rules)"
    )
    for name in ("section", "match", "entries", "dev pages/sites"):
        table.add_column(name, justify="left" if name in ("section", "match") else "right")
    for s in sections:
        table.add_row(s["name"], " ".join(s["match"]), str(s["entries"]),
                      f"{s['pages']}/{s['sites']}")  # fmt: skip
    console.print(table)


# ---------------------------------------------------------------- the audit


def _rounded(value: Any) -> Any:
    """Figures for the JSON: floats to 6 decimals, inside lists and dicts too."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {str(k): _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def baseline_figures(folds: q.Folds, keys: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The baseline's figures fold by fold, on the decision folds' mean and on all pages."""
    values = folds.by_fold.get(q.OURS, {})
    return {
        key: {
            "by_fold": values[key],
            "decision_mean": decision_mean(values[key], folds.rotate),
            ALL: folds.overall[q.OURS][key],
        }
        for key in keys
        if key in values
    }


def rule_row(
    unit: Unit, base: Outcome, other: Outcome, hits: VocabHits, sites: dict[tuple[str, str], str],
    keys: Sequence[str],
) -> dict[str, Any]:  # fmt: skip
    """One rule's line of the audit: where it fires, and each figure's change without it."""
    fires, content = changed(base, other)
    change = delta(base.folds, other.folds, keys)
    verdicts = hits.rule_final.get(unit.name, set()) if unit.group == "ladder" else None
    return {
        "name": unit.name,
        "group": unit.group,
        "where": unit.where,
        "fires": tally(fires, sites),
        "content": tally(content, sites),
        "verdicts": None if verdicts is None else tally(verdicts, sites),
        "delta": change,
        "fold_losses": fold_losses(change),
        "missed": missed(change),
        "seconds": other.seconds,
    }


def audit(
    corpora_dir: Path,
    corpora: Sequence[str],
    kinds: Sequence[str],
    units: Sequence[Unit],
    limit: int | None,
    folds: tuple[int, int],
    progress: Callable[[str, int, int], None] | None = None,
    rare_entries: bool = True,
) -> dict[str, Any]:
    """Run the baseline (twice: a page whose document differs between two identical runs
    would fire for every rule), then each unit alone off; return every figure."""
    pages = {c: [p for p in q.load_pages(corpora_dir / c, limit) if p.usable] for c in corpora}
    sites = {(p.corpus, p.doc_id): p.site for ps in pages.values() for p in ps}
    hits = VocabHits()
    base = clean_all(pages, kinds, (), folds, hits.add, progress)
    keys = [
        k
        for k in q.figure_keys(corpora, kinds, q.GATED_STRUCTURE)
        if k in base.folds.overall.get(q.OURS, {})
    ]
    again = clean_all(pages, kinds, (), folds, None, progress)
    rows = []
    for unit in units:
        other = clean_all(pages, kinds, (unit.name,), folds, None, progress)
        rows.append(rule_row(unit, base, other, hits, sites, keys))
    entries, unknown = entry_rows(catalogue(), hits, sites)
    rare_off = (
        rare_entries_run(base, entries, pages, kinds, folds, sites, keys) if rare_entries else None
    )
    rare = [r for r in rows if r["fires"][ALL]["sites"] < RARE_SITES]
    return {
        "keys": keys,
        "pages": {c: len(ps) for c, ps in pages.items()},
        "sites": {c: len({p.site for p in ps}) for c, ps in pages.items()},
        "decision_folds": list(decision_folds(*folds)),
        "baseline": {
            "figures": baseline_figures(base.folds, keys),
            "pages_per_fold": {c: base.folds.pages(c) for c in pages},
            "seconds": base.seconds,
            "unstable": tally(changed(base, again)[0], sites),
        },
        "rules": rows,
        "summary": {
            "rare": [r["name"] for r in rare],
            "rare_missed": [r["name"] for r in rare if r["missed"]],
            "rare_not_missed": [r["name"] for r in rare if not r["missed"]],
        },
        "vocabulary": {
            "summary": vocab_summary(entries),
            "by_label": by_label(entries),
            "unknown_matches": unknown,
            "rare_off": rare_off,
            "entries": entries,
        },
        "site_sections": site_sections(pages),
        "left_out": [{"what": w, "why": y} for w, y in LEFT_OUT],
    }


def print_audit(data: dict[str, Any], entries: int, console: Any) -> None:
    """Every table of the audit, on the console."""
    keys, rows = data["keys"], data["rules"]
    span = "+".join(map(str, data["decision_folds"]))
    if rows:
        print_rules(data, keys, rows, span, console)
    base = data["baseline"]["figures"]
    vocab = data["vocabulary"]
    print_vocab(vocab["summary"], vocab["entries"], entries, console)
    rare = vocab.get("rare_off")
    if rare:
        console.print(
            f"{rare['entries_off']} vocabulary entries on fewer than {RARE_SITES} sites (0 "
            f"too) off at once: documents change on {_ps(rare['fires'][ALL]) or '0/0'} "
            f"pages/sites; missed on: {', '.join(rare['missed']) or 'nothing'}"
        )
        print_fold_table({"name": "the rare entries", "delta": rare["delta"]}, base, console)
    if vocab["unknown_matches"]:
        console.print(f"[yellow]matches naming no entry: {vocab['unknown_matches']}[/]")
    print_sections(data["site_sections"], console)
    for item in data["left_out"]:
        console.print(f"left out: {item['what']}: {item['why']}", markup=False)
    unstable = data["baseline"]["unstable"][ALL]
    console.print(
        f"baseline run twice: {unstable['pages']} pages differ (0 expected); "
        f"baseline {data['baseline']['seconds']:.0f} s, each rule off "
        f"{sum(r['seconds'] for r in rows):.0f} s in all ({len(rows)} rules)"
    )


def print_rules(
    data: dict[str, Any], keys: Sequence[str], rows: Sequence[dict[str, Any]], span: str,
    console: Any,
) -> None:  # fmt: skip
    """The rules' tables: where they fire, the figures' changes, the rare ones."""
    print_firing(rows, [k for k in keys if k.count("/") == 1 and not k.startswith(q.FRENCH)],
                 console)  # fmt: skip
    print_deltas(rows, [k for k in keys if k.count("/") == 1], span, console)
    print_deltas(rows, [k for k in keys if k.count("/") == 2], span, console)
    print_rare(rows, span, console)
    base = data["baseline"]["figures"]
    candidates = [r for r in rows if r["name"] in data["summary"]["rare_not_missed"]]
    for row in candidates:
        print_fold_table(row, base, console)
    still = [r["name"] for r in candidates if not any(any(abs(v or 0.0) >= FLOAT_NOISE
             for v in d["by_fold"]) for d in r["delta"].values())]  # fmt: skip
    if still:
        console.print(f"no figure changes on any fold without: {', '.join(still)}")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpora",
    "corpora_dir",
    type=click.Path(path_type=Path),
    default=q.DEFAULT_CORPORA,
    show_default=True,
    help="Folder holding sh/, te/, fu/.",
)
@click.option("--corpus", default=",".join(q.CORPORA), show_default=True, help="Corpora to run.")
@click.option(
    "--input",
    "kinds",
    default=",".join(q.INPUT_KINDS),
    show_default=True,
    help="Input kinds: html, innertext, gettext.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="At most N pages per corpus (quick runs).",
)
@click.option(
    "--folds",
    type=click.IntRange(min=2),
    default=5,
    show_default=True,
    help="Folds by site; the last two decide (see --rotate).",
)
@click.option(
    "--rotate",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Rotate the decision folds by R (5 folds: 0 → 4+5, 1 → 3+4).",
)
@click.option(
    "--only",
    default="",
    help="Switch off only these rules, one at a time (comma-separated names; default: all).",
)
@click.option(
    "--entries",
    type=click.IntRange(min=0),
    default=0,
    help="Print at most N vocabulary entries that fire (0: all).",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(path_type=Path),
    default=DEFAULT_JSON,
    show_default=True,
    help="Where to write every figure as JSON.",
)
@click.option(
    "--no-rules", is_flag=True, help="Switch no rule off: the baseline and the vocabulary."
)
@click.option(
    "--rare-entries/--no-rare-entries",
    default=True,
    show_default=True,
    help=f"Also one run with every vocabulary entry on fewer than {RARE_SITES} sites off.",
)
@click.option(
    "--report",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Print the tables of an audit's JSON again; run nothing.",
)
def main(
    corpora_dir: Path, corpus: str, kinds: str, limit: int | None, folds: int, rotate: int,
    only: str, entries: int, json_path: Path, no_rules: bool, rare_entries: bool,
    report: Path | None,
) -> None:  # fmt: skip
    """Where every rule and vocabulary entry fires, and what the decision folds lose without
    each rule."""
    if report is not None:
        print_audit(json.loads(report.read_text(encoding="utf-8")), entries, q.console_stderr())
        return
    corpora = q.split_list(corpus, q.CORPORA, "corpus")
    kind_list = q.split_list(kinds, q.INPUT_KINDS, "input kind")
    names = q.split_list(only, [u.name for u in UNITS], "rule") if only else None
    units = [] if no_rules else [u for u in UNITS if names is None or u.name in names]
    absent = q.missing_corpora(corpora_dir, corpora)
    if absent:
        raise click.ClickException(
            f"no corpus {', '.join(absent)} under {corpora_dir} (see bench/README.md)"
        )
    console = q.console_stderr()
    commit, start = git_state(), time.perf_counter()
    with q.progress_bar(console) as update:
        data = audit(
            corpora_dir, corpora, kind_list, units, limit, (folds, rotate), update, rare_entries
        )
    print_audit(data, entries, console)
    options = {"corpus": corpora, "input": kind_list, "limit": limit, "folds": folds,
               "rotate": rotate, "only": names, "no_rules": no_rules,
               "rare_entries": rare_entries}  # fmt: skip
    head = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "commit_at_end": git_state(),
        "versions": q.versions(),
        "corpora": str(corpora_dir.resolve()),
        "options": options,
        "fires": "a page fires a rule when its document (title, lead, text, sections, or "
        "a block's label) differs with the rule off",
        "seconds": time.perf_counter() - start,
    }
    json_path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(_rounded({**head, **data}), indent=1, ensure_ascii=False)
    json_path.write_text(text + "\n", encoding="utf-8")
    console.print(f"figures written to {json_path}; {head['seconds']:.0f} s in all")


if __name__ == "__main__":
    main()
