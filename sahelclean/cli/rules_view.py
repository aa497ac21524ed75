"""Rich tables for `sahelclean rules list`: the vocabularies (the built-in language files
and the user's) and the loaded site rules."""

from __future__ import annotations

from rich.table import Table

from ..sites.rules import RuleSet, Section
from ..vocab import LanguageVocab, VocabSet, builtin_languages
from ..vocab.files import VOCABULARY_KINDS


def vocabulary_tables(extra: VocabSet | None = None) -> list[Table]:
    """One table per vocabulary kind (and the teaser lead-ins): label, language, file,
    entries; the built-in language files, then the user's."""
    tables = []
    user = extra.languages if extra is not None else ()
    for source, files in (("built-in", builtin_languages()), ("user", user)):
        if not files:
            continue
        for kind in (*VOCABULARY_KINDS, "teasers"):
            tables.append(_kind_table(f"{source} {kind}", kind, files))
    return tables


def _kind_table(title: str, kind: str, files: tuple[LanguageVocab, ...]) -> Table:
    table = Table(title=title, show_lines=True)
    table.add_column("label", style="bold", overflow="fold")
    table.add_column("lang")
    table.add_column("file", overflow="fold")
    table.add_column("n", justify="right")
    table.add_column("entries", overflow="fold")
    for vocab in files:
        if kind == "teasers":
            if vocab.teasers:
                row = ("lead-in", vocab.language, vocab.source, str(len(vocab.teasers)))
                table.add_row(*row, " · ".join(vocab.teasers))
            continue
        by_label: dict[str, list[str]] = {}
        for e in getattr(vocab, kind):
            by_label.setdefault(str(e.label), []).append(e.text)
        for label, texts in by_label.items():
            table.add_row(label, vocab.language, vocab.source, str(len(texts)), " · ".join(texts))
    return table


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
