"""Rich tables for `sahelclean rules list`: the built-in vocabularies and the loaded rules."""

from __future__ import annotations

from rich.table import Table

from .. import vocab
from ..models import Label
from ..sites.rules import VOCABULARY_KINDS, RuleSet, Section

# The built-in vocabularies of vocab.py, by the name a rules file gives their kind.
_BUILTIN: dict[str, tuple[dict[Label, dict[str, tuple[str, ...]]], ...]] = {
    "headings": vocab.HEADING_TABLES,
    "phrases": vocab.PHRASE_TABLES,
    "buttons": ({label: {"any": e} for label, e in vocab.BUTTON_PHRASES.items()},),
    "labels": (vocab.LABEL_LINES,),
}


def vocabulary_tables() -> list[Table]:
    """One table per vocabulary kind: label, language, entries."""
    tables = []
    for kind in VOCABULARY_KINDS:
        table = Table(title=f"built-in {kind} (vocab.py)", show_lines=True)
        table.add_column("label", style="bold", overflow="fold")
        table.add_column("lang")
        table.add_column("n", justify="right")
        table.add_column("entries", overflow="fold")
        for builtin in _BUILTIN[kind]:
            for label, by_lang in builtin.items():
                for lang, entries in by_lang.items():
                    table.add_row(str(label), lang, str(len(entries)), " · ".join(entries))
        tables.append(table)
    return tables


def rules_table(rules: RuleSet, url: str | None = None) -> Table:
    """The loaded site rules, one row per section (those matching `url` when given)."""
    title = "site rules" + (f" for {url}" if url else "") + f" ({', '.join(rules.files) or 'none'})"
    table = Table(title=title, show_lines=True)
    table.add_column("site", style="bold", overflow="fold")
    table.add_column("match", overflow="fold")
    table.add_column("from", overflow="fold")
    table.add_column("rules", overflow="fold")
    table.add_column("test", overflow="fold")
    for section in rules.sections:
        if url is not None and not section.matches(url):
            continue
        test = section.test_file or ""
        if section.expect or section.expect_not:
            test += f" ({len(section.expect)} expect, {len(section.expect_not)} expect_not)"
        table.add_row(
            section.name, "\n".join(section.match), section.origin, _summary(section), test
        )
    return table


def _summary(section: Section) -> str:
    """One line per kind of rule: 'headings related: À écouter aussi · …'."""
    out: list[str] = []
    for kind in (*VOCABULARY_KINDS, "lines", "patterns", "drop"):
        entries = getattr(section, kind)
        by_label: dict[str, list[str]] = {}
        for e in entries:
            by_label.setdefault(str(e.label), []).append(e.text)
        out.extend(f"{kind} {label}: {' · '.join(t)}" for label, t in by_label.items())
    if section.keep:
        out.append("keep: " + " · ".join(e.text for e in section.keep))
    return "\n".join(out)
