"""`sahelclean rules check`: validate a rules file, and run the test pages of its sections."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SahelcleanError
from ..options import Options
from ..sites.load import BUILTIN_NAME, builtin_path, load_rules, read_rules
from ..sites.rules import Section
from ..text.tokens import collapse
from ..vocab.files import KeyLines, Problem


@dataclass(slots=True)
class CheckResult:
    """What checking a rules file found."""

    sections: list[Section] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    tests_run: int = 0


def check_file(path: Path, *, run: bool = False, builtin: bool = True) -> CheckResult:
    """Check a rules file; with run, clean each section's test_file and check its snippets.

    The test pages are cleaned with the built-in rules (unless builtin is False) and this
    file's, as `sahelclean clean --rules FILE` would, without the user's default rules.
    """
    is_builtin = path.resolve() == builtin_path().resolve()
    name = BUILTIN_NAME if is_builtin else str(path)
    sections, problems = read_rules(path, name)
    result = CheckResult(sections, problems)
    if problems or not run:
        return result
    rules = load_rules([] if is_builtin else [path], builtin=builtin or is_builtin, user=False)
    lines = KeyLines(path.read_text(encoding="utf-8"))
    for section in sections:
        if section.test_file is None:
            continue
        result.problems.extend(_run_test(path, name, section, Options(rules=rules), lines))
        result.tests_run += 1
    return result


def _run_test(
    path: Path, name: str, section: Section, options: Options, lines: KeyLines
) -> list[Problem]:
    """Clean one section's test page and check its expect / expect_not snippets."""
    from ..pipeline import clean

    assert section.test_file is not None
    where = ("sites", section.name)
    page = path.parent / section.test_file
    try:
        doc = clean(page.read_bytes(), source=str(page), url=section.test_url, options=options)
    except (OSError, SahelcleanError) as exc:
        line = lines.line((*where, "test_file"))
        return [Problem(name, line, f'[sites."{section.name}"] test_file: {exc}')]
    text = collapse(doc.text)
    out = []
    for snippet in section.expect:
        if collapse(snippet) not in text:
            line = lines.line((*where, "expect"), snippet)
            message = f"{section.test_file}: expected {snippet!r} in the article, it is not there"
            out.append(Problem(name, line, f'[sites."{section.name}"] {message}'))
    for snippet in section.expect_not:
        if collapse(snippet) in text:
            line = lines.line((*where, "expect_not"), snippet)
            message = f"{section.test_file}: {snippet!r} is still in the article"
            out.append(Problem(name, line, f'[sites."{section.name}"] {message}'))
    return out
