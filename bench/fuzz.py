"""Fuzz `sahelclean.clean` with mutated fixtures, in-process, with a time budget per case.

Run ``python bench/fuzz.py --help``. Each case starts from the repository's fixtures
(``fixtures/text/*/input.txt`` and ``fixtures/html/*/input.html``) and stacks one to six
mutations: byte flips, random bytes, inserted tags, entities, control bytes and broken
UTF-8, a BOM or a re-encoding, truncation, duplication, splicing two fixtures, deep
nesting bursts, line shuffles and widget phrases, long lines without spaces.

A case is a crash when `clean` raises anything that is not a `SahelcleanError`, or runs
past ``--case-timeout`` (a SIGALRM; a watchdog thread ends the run if the alarm cannot
land because the case is stuck in C code). A `SahelcleanError` is a clean refusal. Two
cheap invariants are checked on every document (violations, counted apart): each line of
the text is the text of one of its blocks, and the document serialises as UTF-8 JSON (the
CLI writes it so).

Engines: ``simple`` draws each case from ``random.Random((seed, case))`` alone, so any case
can be rebuilt from the seed and its number (``--replay-case``); ``atheris`` (when the
package is installed) runs the same mutations as a libFuzzer custom mutator, guided by the
coverage of sahelclean's Python code. ``auto`` (the default) is ``simple``: its cases are
reproducible and it runs three times as many per second; use ``atheris`` for depth.

Every crashing input is saved under ``bench/results/fuzz-crashes/`` (at most
``--keep-per-crash`` per distinct crash) with its traceback and the mutations that made it;
at the end each distinct crash is shrunk (``--shrink``) to a small input that still
reproduces it. A summary goes to stderr, every figure to ``bench/results/fuzz.json``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import random
import resource
import shutil
import signal
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

FIXTURE_GLOBS = ("fixtures/text/*/input.txt", "fixtures/html/*/input.html")
DEFAULT_JSON = BENCH_DIR / "results" / "fuzz.json"
DEFAULT_CRASH_DIR = BENCH_DIR / "results" / "fuzz-crashes"
# Cases grow by duplication and nesting; past this size a case only measures memcpy.
MAX_CASE_BYTES = 2_000_000
# The watchdog gives up on a case this many times its budget (the alarm could not land).
HARD_LIMIT_FACTOR = 3
SUMMARY_EVERY_SECONDS = 30.0
SHRINK_SECONDS = 60.0  # per distinct crash
SHRINK_SLOW_SECONDS = 1.0  # a timeout shrinks to an input that still takes longer than this
SLOWEST_KEPT = 5


class CaseTimeout(BaseException):
    """The case ran past its budget (a BaseException: no `except Exception` swallows it)."""


# ---------------------------------------------------------------- mutations

TAGS = (
    b"<p>", b"</p>", b"<div>", b"</div>", b"<br>", b"<br/>", b"<hr>", b"<h1>", b"</h1>",
    b"<h2>", b"</h2>", b"<li>", b"<ul>", b"</ul>", b"<a href='/x'>", b"</a>", b"<span>",
    b"</span>", b"<table><tr><td>", b"</td></tr></table>", b"<blockquote>", b"</blockquote>",
    b"<script>", b"</script>", b"<style>", b"</style>", b"<!--", b"-->", b"<![CDATA[", b"]]>",
    b"<?xml version='1.0'?>", b"<!DOCTYPE html>", b"<html>", b"</html>", b"<body>",
    b"</body>", b"<head>", b"</head>", b"<meta charset='utf-16'>", b"<meta charset='koi8-r'>",
    b'<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">',
    b"<meta charset='nonsense'>", b"<svg>", b"</svg>", b"<math>", b"<template>",
    b"<noscript>", b"</noscript>", b"<iframe src='http://example.org/'>", b"<textarea>",
    b"<plaintext>", b"<xmp>", b"<title>", b"</title>", b"<nav>", b"</nav>", b"<aside>",
    b"</aside>", b"<footer>", b"<form>", b"<select><option>", b"<div hidden>",
    b"<div style='display:none'>", b"<div class='related outbrain'>", b"<div id='comments'>",
    b"<section role='dialog'>", b"<div aria-hidden='true'>", b"<article>", b"</article>",
    b"<main>", b"<img src='http://example.org/a.png' alt='x'>", b"<", b">", b"</", b"<<<",
    b"<p <p <p", b"<a href=\"", b"<x:y>", b"<svg:rect/>", b"<!", b"<?", b"<!DOCTYPE x [",
    b"<!ENTITY a 'aaaaaaaaaa'>", b"]>",
)  # fmt: skip
ENTITIES = (
    b"&amp;", b"&lt;", b"&gt;", b"&nbsp;", b"&eacute;", b"&#233;", b"&#xe9;", b"&#0;",
    b"&#x0;", b"&#xD800;", b"&#xDFFF;", b"&#x110000;", b"&#99999999999999999999;", b"&#;",
    b"&#x;", b"&unknown;", b"&amp", b"&", b"&#128;", b"&#x80;", b"&shy;", b"&zwnj;",
    b"&#8203;", b"&#65279;", b"&a;", b"&#x2028;",
)  # fmt: skip
CONTROLS = (
    *(bytes([b]) for b in (*range(0, 32), 127)),
    b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\xef\xbb\xbf", b"\xc2\xad",
    b"\xe2\x80\x8b", b"\xe2\x80\x8d", b"\xe2\x81\xa0", b"\r\n", b"\r", b"\f", b"\v",
    b"\xef\xbf\xbe", b"\xef\xbf\xbf", b"\xf4\x8f\xbf\xbf", b"\xe2\x80\xae",
)  # fmt: skip
BAD_UTF8 = (
    b"\x80", b"\xbf", b"\xc0\xaf", b"\xc1\xbf", b"\xc3", b"\xc3\x28", b"\xe2\x82", b"\xe2\x28\xa1",
    b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xf0\x28\x8c\xbc", b"\xf4\x90\x80\x80", b"\xf5", b"\xfe",
    b"\xff", b"\xff\xfe", b"\xfe\xff",
)  # fmt: skip
BOMS = (
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff",
)  # fmt: skip
ENCODINGS = (
    "utf-16-le", "utf-16-be", "utf-16", "utf-32-le", "utf-32", "cp1252", "latin-1", "cp1251",
    "koi8-r", "shift_jis", "gb18030", "iso-8859-7", "mac-roman", "utf-7",
)  # fmt: skip
PHRASES = (
    "À lire aussi : ", "À lire aussi", "Lire aussi", "Read more", "Related", "-", "—", "•",
    "Commentaires", "12 commentaires", "Comments", "Partager", "Share", "Publicité",
    "Advertisement", "Abonnez-vous", "Newsletter", "Cookies", "Accepter", "Accueil",
    "Politique", "Mentions légales", "© 2024", "Publié le 12/03/2024 à 10h15",
    "Par Amadou Diallo", "By John Smith", "12 mars 2024", "Mis à jour le 3 avril 2024",
    "AFP", "Photo : AFP", "À regarder", "Les plus lus", "Sur le même sujet", "Paywall",
    "Réservé aux abonnés", "Subscribe", "Sign in", "\u00ad", "\u200b", "\ufeff", "…", "«", "»",
)  # fmt: skip

Mutator = Callable[[random.Random, bytes, Sequence[bytes]], bytes]


def _at(rng: random.Random, data: bytes) -> int:
    """A random position in data (its ends included)."""
    return rng.randint(0, len(data))


def _insert(rng: random.Random, data: bytes, piece: bytes) -> bytes:
    at = _at(rng, data)
    return data[:at] + piece + data[at:]


def flip_bytes(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """Flip bits of one to sixteen bytes."""
    if not data:
        return bytes([rng.randrange(256)])
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def random_bytes(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """Overwrite or insert a run of random bytes (a few, or a binary blob)."""
    size = rng.choice((1, 2, 4, 16, 64, 512, 4096))
    blob = rng.randbytes(size)
    at = _at(rng, data)
    end = at + size if rng.random() < 0.5 else at
    return data[:at] + blob + data[end:]


def insert_tags(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """Insert one to twenty tags, comments, doctypes or broken markup."""
    for _ in range(rng.randint(1, 20)):
        data = _insert(rng, data, rng.choice(TAGS))
    return data


def insert_entities(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """Insert character references, valid, invalid, out of range or unterminated."""
    for _ in range(rng.randint(1, 20)):
        data = _insert(rng, data, rng.choice(ENTITIES))
    return data


def insert_controls(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """Insert control bytes, NUL, line and paragraph separators, BOMs and zero-widths."""
    for _ in range(rng.randint(1, 40)):
        piece = rng.choice(CONTROLS)
        data = _insert(rng, data, piece * rng.choice((1, 1, 1, 3, 50)))
    return data


def insert_bad_utf8(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """Insert invalid UTF-8: stray continuation bytes, overlongs, surrogates, cut sequences."""
    for _ in range(rng.randint(1, 12)):
        data = _insert(rng, data, rng.choice(BAD_UTF8))
    return data


def bom_or_reencode(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """Prefix a BOM (maybe the wrong one), or re-encode the text in another charset."""
    if rng.random() < 0.4:
        return rng.choice(BOMS) + data
    text = data.decode("utf-8", errors="replace")
    encoding = rng.choice(ENCODINGS)
    out = text.encode(encoding, errors="replace")
    if rng.random() < 0.3 and encoding.startswith("utf-16"):
        out = out[rng.choice((1, 3)) :]  # odd alignment: every code unit off by one
    return out


def truncate(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """Keep a prefix, a suffix or a middle slice (cuts fall inside sequences and tags)."""
    if len(data) < 2:
        return data
    a, b = sorted((_at(rng, data), _at(rng, data)))
    return rng.choice((data[:b], data[a:], data[a:b]))


def duplicate(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """Repeat a slice of the page, or the whole page, up to a few hundred times."""
    if not data:
        return data
    a, b = sorted((_at(rng, data), _at(rng, data)))
    piece = data[a:b] or data
    times = rng.choice((2, 3, 10, 50, 300))
    times = max(1, min(times, MAX_CASE_BYTES // max(len(piece), 1) // 2))
    return data[:b] + piece * times + data[b:]


def splice(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """The start of this page and the end of another fixture (HTML into text, and back)."""
    other = rng.choice(corpus)
    return data[: _at(rng, data)] + other[_at(rng, other) :]


def deep_nesting(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """A burst of nested elements (closed or not) around or inside the page."""
    depth = rng.choice((50, 255, 256, 257, 1000, 10_000, 100_000))
    tag = rng.choice((b"div", b"span", b"b", b"table", b"li", b"a", b"p", b"blockquote", b"x"))
    opening, closing = b"<" + tag + b">", b"</" + tag + b">"
    shape = rng.randrange(4)
    if shape == 0:  # around the whole page
        return opening * depth + data + closing * depth
    if shape == 1:  # opened, never closed
        return _insert(rng, data, opening * depth)
    if shape == 2:  # closed, never opened
        return _insert(rng, data, closing * depth)
    at = _at(rng, data)  # around a slice
    end = rng.randint(at, len(data))
    return data[:at] + opening * depth + data[at:end] + closing * depth + data[end:]


def line_ops(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """Shuffle, drop, repeat or join lines; insert widget phrases; change line ends."""
    lines = data.split(b"\n")
    op = rng.randrange(6)
    if op == 0:
        rng.shuffle(lines)
    elif op == 1 and len(lines) > 1:
        del lines[rng.randrange(len(lines))]
    elif op == 2:
        i = rng.randrange(len(lines))
        lines[i:i] = [lines[i]] * rng.randint(1, 30)
    elif op == 3:
        for _ in range(rng.randint(1, 10)):
            lines.insert(rng.randint(0, len(lines)), rng.choice(PHRASES).encode())
    elif op == 4:
        return data.replace(
            b"\n", rng.choice((b"\r", b"\r\n", b"\n\n", b"", b" ", b"\xe2\x80\xa8"))
        )
    else:
        a = rng.randrange(len(lines))
        b = min(len(lines), a + rng.randint(2, 20))
        lines[a:b] = [b" ".join(lines[a:b])]
    return b"\n".join(lines)


def long_line(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """A very long run: one word without spaces, one letter, or words without newlines."""
    size = rng.choice((10_000, 100_000, 1_000_000))
    piece = rng.choice((b"a", b"\xc3\xa9", b"mot ", b"<", b"&amp;", b"-", b".", b" ", b"\t"))
    return _insert(rng, data, piece * (size // len(piece)))


def case_flip(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    """Upper- or lower-case a slice (tag names, headings, stopwords)."""
    a, b = sorted((_at(rng, data), _at(rng, data)))
    text = data[a:b].decode("utf-8", errors="surrogateescape")
    text = text.upper() if rng.random() < 0.5 else text.lower()
    return data[:a] + text.encode("utf-8", errors="surrogateescape") + data[b:]


MUTATORS: dict[str, Mutator] = {
    "flip_bytes": flip_bytes,
    "random_bytes": random_bytes,
    "insert_tags": insert_tags,
    "insert_entities": insert_entities,
    "insert_controls": insert_controls,
    "insert_bad_utf8": insert_bad_utf8,
    "bom_or_reencode": bom_or_reencode,
    "truncate": truncate,
    "duplicate": duplicate,
    "splice": splice,
    "deep_nesting": deep_nesting,
    "line_ops": line_ops,
    "long_line": long_line,
    "case_flip": case_flip,
}
# Rarer for the mutations that make big, slow cases.
WEIGHTS = {"duplicate": 0.5, "long_line": 0.3, "deep_nesting": 0.6, "random_bytes": 0.6}


def mutate(
    rng: random.Random, data: bytes, corpus: Sequence[bytes], max_steps: int = 6
) -> tuple[bytes, list[str]]:
    """Stack one to max_steps mutations; return the case and the mutations' names."""
    names = list(MUTATORS)
    weights = [WEIGHTS.get(n, 1.0) for n in names]
    history = []
    for _ in range(rng.randint(1, max_steps)):
        name = rng.choices(names, weights)[0]
        data = MUTATORS[name](rng, data, corpus)[:MAX_CASE_BYTES]
        history.append(name)
    return data, history


def load_corpus(root: Path = REPO_ROOT) -> list[tuple[str, bytes]]:
    """The fixtures the cases start from: (relative path, bytes), sorted."""
    paths = sorted(p for pattern in FIXTURE_GLOBS for p in root.glob(pattern))
    return [(p.relative_to(root).as_posix(), p.read_bytes()) for p in paths]


def make_case(
    seed: int, number: int, corpus: list[tuple[str, bytes]]
) -> tuple[bytes, list[str], str]:
    """Case `number` of a run: a function of the seed and the number alone."""
    rng = random.Random(f"{seed}:{number}")
    name, base = rng.choice(corpus)
    data, history = mutate(rng, base, [b for _, b in corpus])
    return data, history, name


# ---------------------------------------------------------------- running one case


@dataclass
class Crash:
    """One distinct crash: its signature, its first traceback, the inputs saved."""

    signature: str
    kind: str  # the exception type, or "Timeout"
    message: str
    where: str
    count: int = 0
    first_case: str = ""
    traceback: str = ""
    saved: list[str] = field(default_factory=list)
    shrunk: str | None = None
    shrunk_size: int | None = None
    size: int = 0


@dataclass
class Outcome:
    """What one call of clean did."""

    status: str  # "ok", "empty", "rejected", "crash", "timeout", "violation"
    seconds: float
    kind: str | None = None  # the exception type, or the violated invariant
    signature: str | None = None
    message: str = ""
    where: str = ""
    traceback: str = ""


def _where(tb: traceback.StackSummary) -> str:
    """The innermost frame in sahelclean (else the innermost frame): file:line function."""
    frames = list(tb)
    ours = [f for f in frames if "/sahelclean/" in f.filename.replace(os.sep, "/")]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "?"
    path = frame.filename.replace(os.sep, "/")
    short = path.split("/site-packages/")[-1].split("/work/main/")[-1]
    for marker in ("/sahelclean/", "/bench/"):
        if marker in path:
            short = marker.strip("/") + "/" + path.split(marker, 1)[1]
    return f"{short}:{frame.lineno} {frame.name}"


def _signature(kind: str, where: str) -> str:
    return hashlib.sha1(f"{kind}|{where}".encode()).hexdigest()[:10]


def _raise_timeout(signum: int, frame: object) -> None:
    raise CaseTimeout


def _check(doc: Any) -> tuple[str, str] | None:
    """The first invariant the document breaks: (name, detail), or None."""
    blocks = {c.block.text for c in doc.blocks}
    for line in doc.text.split("\n"):
        if line.strip() and line not in blocks:
            return "text line is no block", repr(line[:120])
    try:
        json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError) as exc:
        return "document is not UTF-8 JSON", f"{type(exc).__name__}: {str(exc)[:200]}"
    return None


class Runner:
    """Runs cases and keeps the tallies."""

    def __init__(self, case_timeout: float, check: bool) -> None:
        from sahelclean import Options, SahelcleanError, clean

        self.clean = clean
        self.error_type = SahelcleanError
        # The per-page budget is ours (the alarm below); the library's own is the CLI's.
        self.options = Options(timeout=None)
        self.case_timeout = case_timeout
        self.check = check
        self.current: tuple[bytes, str] | None = None  # the case running, for the watchdog
        self.started = 0.0

    def _clean_armed(self, data: bytes) -> Any:
        """Clean one case while the alarm is armed: the document, or the Outcome of an
        error (CaseTimeout goes up to run)."""
        try:
            return self.clean(data, source="fuzz", options=self.options)
        except self.error_type as exc:
            signal.setitimer(signal.ITIMER_REAL, 0)
            return Outcome("rejected", self._took(), type(exc).__name__)
        except (CaseTimeout, KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # MemoryError and RecursionError are crashes too
            signal.setitimer(signal.ITIMER_REAL, 0)
            return self._failure("crash", type(exc).__name__, exc)

    def run(self, data: bytes, label: str) -> Outcome:
        """Clean one case under the alarm and say what happened."""
        self.current, self.started = (data, label), time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, self.case_timeout)
        try:
            doc = self._clean_armed(data)
        except CaseTimeout as exc:
            # The alarm can also fire while a finished case is being wound up (inside an
            # except clause below): it is the same timeout, not the fuzzer's own crash.
            return self._failure("timeout", "Timeout", exc)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)  # one-shot: it cannot fire again
            self.current = None
        if isinstance(doc, Outcome):
            return doc
        seconds = time.monotonic() - self.started
        if self.check:
            broken = _check(doc)
            if broken is not None:
                name, detail = broken
                sig = _signature("violation", name)
                return Outcome("violation", seconds, name, sig, detail, name)
        return Outcome("empty" if doc.is_empty else "ok", seconds)

    def _took(self) -> float:
        return time.monotonic() - self.started

    def _failure(self, status: str, kind: str, exc: BaseException) -> Outcome:
        tb = traceback.extract_tb(exc.__traceback__)
        where = _where(tb)
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        message = " ".join(str(exc).split())[:300]
        return Outcome(status, self._took(), kind, _signature(kind, where), message, where, text)


# ---------------------------------------------------------------- the campaign


@dataclass
class Campaign:
    """The tallies of a run, the crashes found and where they are saved."""

    seed: int
    engine: str
    minutes: float
    case_timeout: float
    crash_dir: Path
    json_path: Path
    keep_per_crash: int
    corpus: list[str]
    cases: int = 0
    seconds: float = 0.0
    bytes_in: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    mutations: Counter[str] = field(default_factory=Counter)
    crashes: dict[str, Crash] = field(default_factory=dict)
    violations: dict[str, Crash] = field(default_factory=dict)
    slowest: list[tuple[float, int, str]] = field(default_factory=list)
    log_records: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)
    ended_by: str = "time"

    def record(self, outcome: Outcome, data: bytes, label: str, history: list[str]) -> None:
        """Count one case; save it when it crashed or broke an invariant."""
        self.cases += 1
        self.bytes_in += len(data)
        self.statuses[outcome.status] += 1
        self.mutations.update(history)
        if outcome.status == "rejected" and outcome.kind:
            self.rejected[outcome.kind] += 1
        self.slowest.append((outcome.seconds, len(data), label))
        self.slowest = sorted(self.slowest, reverse=True)[:SLOWEST_KEPT]
        if outcome.status in ("crash", "timeout", "violation"):
            book = self.violations if outcome.status == "violation" else self.crashes
            self._save(book, outcome, data, label, history)

    def _save(
        self,
        book: dict[str, Crash],
        outcome: Outcome,
        data: bytes,
        label: str,
        history: list[str],
    ) -> None:
        assert outcome.signature is not None and outcome.kind is not None
        crash = book.get(outcome.signature)
        if crash is None:
            crash = Crash(
                outcome.signature, outcome.kind, outcome.message, outcome.where,
                first_case=label, traceback=outcome.traceback, size=len(data),
            )  # fmt: skip
            book[outcome.signature] = crash
            click.echo(
                f"fuzz: new {outcome.status}: {outcome.kind} at {outcome.where} "
                f"({outcome.message[:120]}) [{label}]",
                err=True,
            )
        crash.count += 1
        if len(crash.saved) >= self.keep_per_crash:
            return
        self.crash_dir.mkdir(parents=True, exist_ok=True)
        stem = f"{outcome.status}-{outcome.signature}-{len(crash.saved) + 1}"
        (self.crash_dir / f"{stem}.bin").write_bytes(data)
        (self.crash_dir / f"{stem}.txt").write_text(
            f"case: {label}\nseed: {self.seed}\nengine: {self.engine}\n"
            f"mutations: {', '.join(history)}\nsize: {len(data)} bytes\n"
            f"seconds: {outcome.seconds:.3f}\nkind: {outcome.kind}\nwhere: {outcome.where}\n"
            f"message: {outcome.message}\n\n{outcome.traceback}",
            encoding="utf-8",
        )
        crash.saved.append(str(self.crash_dir / f"{stem}.bin"))

    def to_dict(self) -> dict[str, Any]:
        """Every figure of the run, for the JSON file."""
        seconds = self.seconds or (time.monotonic() - self.started)
        return {
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "engine": self.engine,
            "seed": self.seed,
            "minutes_asked": self.minutes,
            "case_timeout_seconds": self.case_timeout,
            "ended_by": self.ended_by,
            "python": sys.version.split()[0],
            "corpus": self.corpus,
            "cases": self.cases,
            "seconds": round(seconds, 1),
            "cases_per_second": round(self.cases / seconds, 2) if seconds else None,
            "megabytes_cleaned": round(self.bytes_in / 1e6, 1),
            "outcomes": dict(sorted(self.statuses.items())),
            "rejected_by_error": dict(sorted(self.rejected.items())),
            "crashes_by_type": dict(
                sorted(
                    Counter(c.kind for c in self.crashes.values() for _ in range(c.count)).items()
                )
            ),
            "crashes": [_crash_dict(c) for c in self.crashes.values()],
            "violations": [_crash_dict(c) for c in self.violations.values()],
            "slowest_cases": [
                {"seconds": round(s, 3), "bytes": n, "case": label} for s, n, label in self.slowest
            ],
            "mutations": dict(sorted(self.mutations.items())),
            "log_records_by_logger": dict(sorted(self.log_records.items())),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "crash_dir": str(self.crash_dir),
        }

    def write(self) -> None:
        """Write the JSON file (whole or not at all)."""
        self.json_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.json_path.with_name(self.json_path.name + ".tmp")
        tmp.write_text(json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n")
        os.replace(tmp, self.json_path)

    def summary(self) -> str:
        """The human summary."""
        d = self.to_dict()
        lines = [
            f"fuzz: {d['cases']:,} cases in {d['seconds']:.0f} s ({d['cases_per_second']} "
            f"cases/s, {d['megabytes_cleaned']} MB), engine {self.engine}, seed {self.seed}, "
            f"ended by {self.ended_by}",
            "  outcomes: " + ", ".join(f"{k} {v:,}" for k, v in d["outcomes"].items()),
            "  refused (SahelcleanError): "
            + (", ".join(f"{k} {v:,}" for k, v in d["rejected_by_error"].items()) or "none"),
            "  crashes by type: "
            + (", ".join(f"{k} {v:,}" for k, v in d["crashes_by_type"].items()) or "none"),
        ]
        for crash in self.crashes.values():
            lines.append(
                f"    {crash.kind} x{crash.count} at {crash.where}: {crash.message[:100]}"
                + (
                    f" (shrunk to {crash.shrunk_size} bytes: {crash.shrunk})"
                    if crash.shrunk
                    else ""
                )
            )
        lines.append(f"  invariant violations: {sum(c.count for c in self.violations.values())}")
        for crash in self.violations.values():
            lines.append(f"    {crash.kind} x{crash.count}: {crash.message[:100]}")
        lines.append(f"  slowest: {d['slowest_cases'][:3]}")
        lines.append(f"  peak RSS {d['peak_rss_mb']} MB; JSON in {self.json_path}")
        return "\n".join(lines)


def _crash_dict(c: Crash) -> dict[str, Any]:
    return {
        "signature": c.signature, "kind": c.kind, "where": c.where, "message": c.message,
        "count": c.count, "first_case": c.first_case, "first_size": c.size, "saved": c.saved,
        "shrunk": c.shrunk, "shrunk_size": c.shrunk_size,
        "traceback_tail": c.traceback.strip().splitlines()[-6:],
    }  # fmt: skip


class _CountingHandler(logging.Handler):
    """Counts log records (trafilatura logs parse errors) instead of printing them."""

    def __init__(self, campaign: Campaign) -> None:
        super().__init__(logging.WARNING)
        self.campaign = campaign

    def emit(self, record: logging.LogRecord) -> None:
        self.campaign.log_records[record.name] += 1


def _watchdog(runner: Runner, campaign: Campaign, hard_limit: float) -> None:
    """End the run when a case is stuck where the alarm cannot reach it (C code)."""
    while True:
        time.sleep(1.0)
        current, started = runner.current, runner.started
        if current is not None and time.monotonic() - started > hard_limit:
            data, label = current
            outcome = Outcome(
                "timeout", hard_limit, "Hang", _signature("Hang", label), "stuck past the alarm",
                "unknown (the alarm could not land)", "no traceback: the case was stuck in C code",
            )  # fmt: skip
            campaign.record(outcome, data, label, ["?"])
            campaign.ended_by = "hang"
            campaign.write()
            sys.stderr.write(campaign.summary() + "\n")
            os._exit(3)


# ---------------------------------------------------------------- shrinking


def shrink(runner: Runner, data: bytes, crash: Crash, budget: float) -> bytes:
    """A smaller input that still crashes the same way (delta debugging on bytes).

    A crash must keep its signature. A timeout must still run past SHRINK_SLOW_SECONDS in
    the same function: a try costs at most that long, not a whole --case-timeout.
    """
    deadline = time.monotonic() + budget
    slow = crash.kind == "Timeout"
    saved_timeout = runner.case_timeout
    if slow:
        runner.case_timeout = min(saved_timeout, SHRINK_SLOW_SECONDS)
    function = crash.where.rsplit(" ", 1)[-1]

    def same(candidate: bytes) -> bool:
        outcome = runner.run(candidate, "shrink")
        if slow:
            return outcome.status == "timeout" and outcome.where.endswith(" " + function)
        return outcome.signature == crash.signature

    best = data
    chunk = max(1, len(best) // 2)
    try:
        while chunk >= 1 and time.monotonic() < deadline:
            i, progressed = 0, False
            while i < len(best) and time.monotonic() < deadline:
                candidate = best[:i] + best[i + chunk :]
                if candidate and same(candidate):
                    best, progressed = candidate, True
                else:
                    i += chunk
            if not progressed:
                chunk //= 2
    finally:
        runner.case_timeout = saved_timeout
    return best


# ---------------------------------------------------------------- engines


def run_simple(campaign: Campaign, runner: Runner, corpus: list[tuple[str, bytes]]) -> None:
    """Cases from (seed, number) alone, until the time is up."""
    deadline = campaign.started + campaign.minutes * 60
    next_summary = time.monotonic() + SUMMARY_EVERY_SECONDS
    number = 0
    while time.monotonic() < deadline:
        data, history, base = make_case(campaign.seed, number, corpus)
        label = f"simple:{campaign.seed}:{number} from {base}"
        campaign.record(runner.run(data, label), data, label, history)
        number += 1
        if time.monotonic() > next_summary:
            campaign.write()
            next_summary = time.monotonic() + SUMMARY_EVERY_SECONDS


def run_atheris(
    campaign: Campaign, runner: Runner, corpus: list[tuple[str, bytes]], finish: Callable[[], None]
) -> None:
    """libFuzzer through atheris, with our mutations as its custom mutator.

    libFuzzer ends the process with C exit() (no atexit), so the target itself ends the
    run when the time is up, after writing the results.
    """
    import tempfile

    import atheris  # type: ignore[import-not-found]

    seeds = tempfile.mkdtemp(prefix="sahelclean-fuzz-seeds-")
    campaign.crash_dir.mkdir(parents=True, exist_ok=True)  # libFuzzer's artifact prefix
    for i, (_, data) in enumerate(corpus):
        Path(seeds, f"{i:03d}").write_bytes(data)
    bases = [b for _, b in corpus]
    deadline = campaign.started + campaign.minutes * 60
    state = {"number": 0, "next_summary": time.monotonic() + SUMMARY_EVERY_SECONDS}
    histories: dict[int, list[str]] = {}

    def mutator(data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        if rng.random() < 0.2:
            out, history = atheris.Mutate(data, min(max_size, len(data) + 64)), ["libfuzzer"]
        else:
            out, history = mutate(rng, data, bases, max_steps=3)
        out = out[:max_size]
        histories[hash(out)] = history
        if len(histories) > 1000:
            histories.clear()
        return out

    def target(data: bytes) -> None:
        number = state["number"]
        state["number"] = number + 1
        label = f"atheris:{campaign.seed}:{number}"
        history = histories.get(hash(data), ["seed-or-crossover"])
        campaign.record(runner.run(data, label), data, label, history)
        now = time.monotonic()
        if now > deadline:
            shutil.rmtree(seeds, ignore_errors=True)
            finish()
            os._exit(0)
        if now > state["next_summary"]:
            campaign.write()
            state["next_summary"] = now + SUMMARY_EVERY_SECONDS

    args = [
        sys.argv[0], seeds, f"-seed={campaign.seed or 1}", "-timeout=0", "-rss_limit_mb=0",
        f"-max_len={MAX_CASE_BYTES}", "-print_final_stats=0", "-report_slow_units=1000000",
        f"-artifact_prefix={campaign.crash_dir}/libfuzzer-",
    ]  # fmt: skip
    atheris.Setup(args, target, custom_mutator=mutator)
    atheris.Fuzz()


def _instrumented_imports() -> None:
    """Import every module of sahelclean under atheris' coverage instrumentation."""
    import importlib
    import pkgutil

    try:
        import atheris  # type: ignore[import-not-found]
    except ImportError:
        raise click.ClickException("--engine atheris: pip install atheris") from None
    with atheris.instrument_imports(include=["sahelclean"]):
        import sahelclean

        for module in pkgutil.walk_packages(sahelclean.__path__, "sahelclean."):
            if not module.name.endswith("__main__"):  # that one runs the command line
                importlib.import_module(module.name)


# ---------------------------------------------------------------- command line


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--minutes", type=click.FloatRange(min=0), default=1.0, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--engine",
    type=click.Choice(["auto", "simple", "atheris"]),
    default="auto",
    show_default=True,
    help="auto = simple (reproducible cases); atheris needs the atheris package.",
)
@click.option(
    "--case-timeout",
    type=click.FloatRange(min=0.01),
    default=10.0,
    show_default=True,
    help="Seconds one case may take before it counts as a crash (a hang).",
)
@click.option("--check/--no-check", default=True, show_default=True, help="Check invariants.")
@click.option("--shrink/--no-shrink", "do_shrink", default=True, show_default=True)
@click.option("--keep-per-crash", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--json", "json_path", type=click.Path(path_type=Path), default=DEFAULT_JSON)
@click.option(
    "--crash-dir", type=click.Path(path_type=Path), default=DEFAULT_CRASH_DIR, show_default=True
)
@click.option(
    "--replay-case",
    type=int,
    default=None,
    help="Rebuild case N of --seed (simple engine), run it, print what it does, and stop.",
)
@click.option(
    "--replay",
    "replay_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Run one saved input and print what it does.",
)
def main(
    minutes: float,
    seed: int,
    engine: str,
    case_timeout: float,
    check: bool,
    do_shrink: bool,
    keep_per_crash: int,
    json_path: Path,
    crash_dir: Path,
    replay_case: int | None,
    replay_file: Path | None,
) -> None:
    """Fuzz sahelclean.clean with mutated fixtures for --minutes; save and shrink crashes."""
    corpus = load_corpus()
    if not corpus:
        raise click.ClickException(f"no fixture under {REPO_ROOT}")
    signal.signal(signal.SIGALRM, _raise_timeout)
    if engine == "auto":
        engine = "simple"
    if engine == "atheris":
        _instrumented_imports()
    runner = Runner(case_timeout, check)
    if replay_case is not None or replay_file is not None:
        if replay_file is not None:
            data, history = replay_file.read_bytes(), ["(file)"]
        else:
            assert replay_case is not None
            data, history, _ = make_case(seed, replay_case, corpus)
        outcome = runner.run(data, "replay")
        click.echo(f"{len(data)} bytes, mutations {history}: {outcome.status} "
                   f"{outcome.kind or ''} {outcome.where} {outcome.message}", err=True)  # fmt: skip
        if outcome.traceback:
            click.echo(outcome.traceback, err=True)
        sys.exit(1 if outcome.status in ("crash", "timeout", "violation") else 0)
    campaign = Campaign(
        seed, engine, minutes, case_timeout, crash_dir, json_path, keep_per_crash,
        [name for name, _ in corpus],
    )  # fmt: skip
    logging.getLogger().addHandler(_CountingHandler(campaign))
    hard_limit = case_timeout * HARD_LIMIT_FACTOR + 5
    threading.Thread(
        target=_watchdog, args=(runner, campaign, hard_limit), daemon=True, name="fuzz-watchdog"
    ).start()

    def finish() -> None:
        campaign.seconds = time.monotonic() - campaign.started
        if do_shrink:
            for crash in campaign.crashes.values():
                if crash.kind == "Hang" or not crash.saved:
                    continue  # a hang ends the run: there is no time left to shrink it
                small = shrink(runner, Path(crash.saved[0]).read_bytes(), crash, SHRINK_SECONDS)
                status = "timeout" if crash.kind == "Timeout" else "crash"
                path = crash_dir / f"{status}-{crash.signature}-min.bin"
                path.write_bytes(small)
                crash.shrunk, crash.shrunk_size = str(path), len(small)
        campaign.write()
        click.echo(campaign.summary(), err=True)

    try:
        if engine == "atheris":
            run_atheris(campaign, runner, corpus, finish)
        else:
            run_simple(campaign, runner, corpus)
    except KeyboardInterrupt:
        campaign.ended_by = "interrupt"
    finish()
    sys.exit(1 if campaign.crashes else 0)


if __name__ == "__main__":
    main()
