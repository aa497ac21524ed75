"""Quality benchmark: sahelclean and other extractors on the evaluation corpora.

Run ``python bench/quality.py --help``. Metrics are those of ``shared/corpora/README.md``
(see bench/metrics.py). The human tables go to stderr, every figure to a JSON file.
"""

from __future__ import annotations

import datetime as dt
import html as htmlmod
import importlib.metadata
import json
import platform
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import click

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from folds import assign_folds, decision_folds, decision_mean, site_of  # noqa: E402
from metrics import (  # noqa: E402
    CATASTROPHE_MARGIN,
    META_TITLE,
    STRUCTURE_FIGURES,
    BodyCounts,
    Catastrophe,
    Figure,
    Score,
    SnippetCounts,
    Structure,
    StructureCounts,
    body_counts,
    body_f1,
    catastrophes,
    collapse,
    shingles,
    snippet_counts,
    snippet_f1,
    strip_title,
    structure_counts,
    structure_scores,
)

REPO_ROOT = BENCH_DIR.parent
DEFAULT_CORPORA = REPO_ROOT.parent / "shared" / "corpora" / "dev"
DEFAULT_JSON = BENCH_DIR / "results" / "quality.json"
CORPORA = ("sh", "te", "fu")
BODY_CORPORA = ("sh", "fu")  # scored with body F1; the others with snippet F1
STRUCTURE_CORPORA = ("fu",)  # gold title, lead and intertitles
TIMED_CORPORA = ("sh", "te")  # the speed benchmarks' default, so their figures compare over time
BODY_F1, SNIPPET_F1 = "body_f1", "snippet_f1"
INPUT_KINDS = ("html", "innertext", "gettext")
INPUT_FILES = {"html": "page.html", "innertext": "innertext.txt", "gettext": "gettext.txt"}
FRENCH = "te-fr"
SYSTEMS = (
    "sahelclean",
    "trafilatura",
    "trafilatura-precision",
    "readability",
    "justext",
    "keep-all",
    "c4",
)
VERSIONED = (
    "sahelclean",
    "trafilatura",
    "lxml",
    "justext",
    "readability-lxml",
    "rich",
    "click",
)
WRAP_NOTE = (
    "On text dumps, HTML extractors (trafilatura, readability, justext) get the dump wrapped "
    "as one html-escaped <p> per non-blank line inside <html><body>; sahelclean gets the raw "
    "dump bytes; keep-all and c4 use the dump text itself."
)
KEEP_ALL_NOTE = (
    "keep-all on HTML is the text of the whole lxml tree less script/style/noscript/template/svg "
    "(as gettext.txt), one block element per line; c4 on HTML filters that text."
)
STRUCTURE_NOTE = (
    "Structure (fu): title = share of pages whose title equals the gold title (folded: NFKC, "
    "no-break spaces, whitespace, case); meta-title = the same with the page's declared title "
    "(metadata.title, HTML only); lead = share of the pages with a gold lead whose lead holds "
    "the start (80 characters) of the gold lead or the reverse; headings = F1 of the sets of "
    "folded intertitles, pooled over pages."
)
TRAFILATURA_NOTE = (
    "trafilatura runs as in its own evaluation and the article-extraction benchmark: "
    "extract(html, include_comments=False), txt output."
)


# ---------------------------------------------------------------- corpus


def metric_of(corpus: str) -> str:
    """The metric of a corpus (or of the French subset of te): body F1 or snippet F1."""
    return BODY_F1 if corpus in BODY_CORPORA else SNIPPET_F1


@dataclass(frozen=True, slots=True)
class Page:
    """One annotated page of a corpus."""

    corpus: str
    doc_id: str
    url: str
    lang: str
    directory: Path
    body: str
    with_: tuple[str, ...]
    without: tuple[str, ...]
    gold_structure: Structure = field(default_factory=Structure)  # title, lead, intertitles

    @property
    def metric(self) -> str:
        """The metric that scores this page's output."""
        return metric_of(self.corpus)

    @property
    def usable(self) -> bool:
        """True when the gold can score this page under its corpus's metric."""
        if self.metric == BODY_F1:
            return bool(shingles(self.body))
        return bool(self.with_ or self.without)

    @property
    def site(self) -> str:
        """The site the page comes from (its URL's host), for folds; else its doc_id."""
        return site_of(self.url) or self.doc_id

    @property
    def french(self) -> bool:
        """True for the pages of the French subset."""
        return self.lang.lower().startswith("fr")


@dataclass(frozen=True, slots=True)
class PageInput:
    """One page in one input kind, read once: raw bytes, decoded text, HTML for extractors."""

    page: Page
    kind: str
    raw: bytes
    text: str | None  # the decoded dump; None for HTML input
    html: bytes | str  # the page itself, or the wrapped dump (empty if not asked for)


def load_pages(corpus_dir: Path, limit: int | None = None) -> list[Page]:
    """Read a corpus's manifest and gold files, in manifest order, up to `limit` pages."""
    corpus = corpus_dir.name
    pages: list[Page] = []
    with (corpus_dir / "manifest.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(pages) >= limit:
                break
            if not line.strip():
                continue
            entry = json.loads(line)
            directory = corpus_dir / entry["doc_id"]
            gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
            pages.append(
                Page(
                    corpus=corpus,
                    doc_id=entry["doc_id"],
                    url=entry.get("url") or gold.get("url") or "",
                    lang=gold.get("lang") or entry.get("lang") or "",
                    directory=directory,
                    body=gold.get("body") or "",
                    with_=tuple(gold.get("with") or ()),
                    without=tuple(gold.get("without") or ()),
                    gold_structure=Structure(
                        gold.get("title"), gold.get("lead"), tuple(gold.get("headings") or ())
                    ),
                )
            )
    return pages


def wrap_dump(text: str) -> str:
    """A text dump as HTML: one html-escaped <p> per non-blank line inside <html><body>."""
    paras = "".join(
        f"<p>{htmlmod.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip()
    )
    return f"<html><body>\n{paras}</body></html>"


def read_input(page: Page, kind: str, wrap: bool) -> PageInput:
    """Read one page's file for an input kind; wrap dumps as HTML only when `wrap`."""
    raw = (page.directory / INPUT_FILES[kind]).read_bytes()
    if kind == "html":
        return PageInput(page, kind, raw, None, raw)
    text = raw.decode("utf-8", errors="replace")
    return PageInput(page, kind, raw, text, wrap_dump(text) if wrap else "")


# ---------------------------------------------------------------- systems


@dataclass(frozen=True, slots=True)
class Extraction:
    """A system's output on one page: the scored text, and sahelclean's document if any.

    `structure` is the document's title, lead and intertitles and `meta_title` the page's
    declared title, for the systems that give them (None otherwise).
    """

    text: str
    doc: Any = None
    structure: Structure | None = None
    meta_title: str | None = None

    @property
    def title(self) -> str | None:
        """The document's title, which body F1 leaves out of the text."""
        return self.structure.title if self.structure else None


@dataclass(frozen=True, slots=True)
class System:
    """A named extractor; `needs_html` asks for dumps wrapped as HTML; `structured` systems
    give a title, lead and intertitles (scored on fu)."""

    name: str
    run: Callable[[PageInput], Extraction]
    needs_html: bool = False
    structured: bool = False


C4_ENDINGS = (".", "!", "?", '"', "'", "»", "”", "…")


def c4_filter(text: str) -> str:
    """C4-style line filter: lines of >= 3 words ending like a sentence, without 'javascript'."""
    kept = []
    for line in text.splitlines():
        line = line.strip()
        words = len(line.split())
        if words >= 3 and line.endswith(C4_ENDINGS) and "javascript" not in line.lower():
            kept.append(line)
    return "\n".join(kept)


JUSTEXT_LANGS = {
    "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch", "no": "Norwegian_Bokmal",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
}  # fmt: skip


def justext_stoplist_name(lang: str, available: Iterable[str]) -> str:
    """The jusText stoplist for an ISO 639-1 code, falling back to English."""
    name = JUSTEXT_LANGS.get(lang.lower()[:2], "English")
    return name if name in set(available) else "English"


def document_extraction(doc: Any) -> Extraction:
    """sahelclean's Document as an extraction: its text, title, lead, intertitles."""
    headings = tuple(s.heading for s in doc.sections if s.heading)
    structure = Structure(doc.title, doc.lead, headings)
    return Extraction(doc.text or "", doc, structure, doc.metadata.get("title"))


def _make_sahelclean() -> System:
    """sahelclean in-process with default options, on the raw bytes of every input kind."""
    from sahelclean import Options, clean

    options = Options()

    def run(inp: PageInput) -> Extraction:
        doc = clean(inp.raw, source=inp.page.doc_id, url=inp.page.url, options=options)
        return document_extraction(doc)

    return System("sahelclean", run, structured=True)


PROFILE_SYSTEM = "sahelclean+profile"


def _learned(path: Path, url: str) -> Any:
    """What the site profile learns of one page; None for an empty render."""
    from sahelclean.batch.learn import learn_page
    from sahelclean.errors import SahelcleanError
    from sahelclean.models import RawPage

    try:
        return learn_page(RawPage(path.read_bytes(), source=str(path), url=url))
    except SahelcleanError:
        return None


def _make_sahelclean_profile(min_pages: int | None = None) -> System:
    """sahelclean with a site profile learned first from the whole corpus in the same input kind.

    Site: the host of the page's URL, else the page's folder (one page: no profile). The
    page's file path is its source, so that a page without URL is a site of its own.
    """
    import tempfile

    from sahelclean import Options, clean
    from sahelclean.sites.profile import count_pages
    from sahelclean.sites.profiledb import write_counts

    workdir = Path(tempfile.mkdtemp(prefix="sahelclean-profile-"))
    learned: dict[tuple[str, str], Options] = {}

    def options_for(inp: PageInput) -> Options:
        key = (inp.page.corpus, inp.kind)
        if key not in learned:
            db = workdir / f"{inp.page.corpus}-{inp.kind}.db"
            pages = load_pages(inp.page.directory.parent)
            counts = count_pages(
                lines
                for p in pages
                if (lines := _learned(p.directory / INPUT_FILES[inp.kind], p.url)) is not None
            )
            write_counts(counts, db)
            options = Options(profile=str(db))
            if min_pages is not None:
                options = replace(options, profile_min_pages=min_pages)
            learned[key] = options
        return learned[key]

    def run(inp: PageInput) -> Extraction:
        source = str(inp.page.directory / INPUT_FILES[inp.kind])
        doc = clean(inp.raw, source=source, url=inp.page.url, options=options_for(inp))
        return document_extraction(doc)

    return System(PROFILE_SYSTEM, run, structured=True)


def _make_trafilatura(precision: bool) -> System:
    """trafilatura.extract as in its own evaluation (no comments), optionally favor_precision."""
    import trafilatura

    def run(inp: PageInput) -> Extraction:
        out = trafilatura.extract(
            inp.html, output_format="txt", include_comments=False, favor_precision=precision
        )
        return Extraction(out or "")

    name = "trafilatura-precision" if precision else "trafilatura"
    return System(name, run, needs_html=True)


def _make_readability() -> System:
    """readability-lxml's summary, turned to text with lxml's text_content."""
    import lxml.html
    from readability import Document

    def run(inp: PageInput) -> Extraction:
        summary = Document(inp.html).summary()
        return Extraction(lxml.html.fromstring(summary).text_content())

    return System("readability", run, needs_html=True)


def _make_justext() -> System:
    """jusText's non-boilerplate paragraphs, with the stoplist of the page language."""
    import justext

    available = justext.get_stoplists()
    cache: dict[str, frozenset[str]] = {}

    def run(inp: PageInput) -> Extraction:
        name = justext_stoplist_name(inp.page.lang, available)
        if name not in cache:
            cache[name] = justext.get_stoplist(name)
        paragraphs = justext.justext(inp.html, cache[name])
        return Extraction("\n".join(p.text for p in paragraphs if not p.is_boilerplate))

    return System("justext", run, needs_html=True)


NON_VISIBLE = ("script", "style", "noscript", "template", "svg")


def visible_text(html: bytes | str) -> str:
    """All text of an HTML page but script/style/noscript/template/svg, one block per line."""
    from trafilatura.utils import load_html  # decodes bytes like trafilatura does

    tree = load_html(html)
    if tree is None:
        return ""
    for el in list(tree.iter(*NON_VISIBLE)):
        if el.getparent() is not None:
            el.drop_tree()
    return html_text(tree)


def _visible_text(inp: PageInput) -> str:
    """The keep-all text: visible text of the HTML page, or the dump itself."""
    return inp.text if inp.text is not None else visible_text(inp.raw)


def _make_keep_all() -> System:
    """The whole visible text, as a recall ceiling and precision floor."""
    from trafilatura.utils import load_html  # noqa: F401  (needed on HTML input)

    return System("keep-all", lambda inp: Extraction(_visible_text(inp)))


def _make_c4() -> System:
    """The C4 line filter over the visible text."""
    return System("c4", lambda inp: Extraction(c4_filter(_visible_text(inp))))


BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
     "pre", "tr", "td", "th", "table", "section", "article", "header", "footer", "nav",
     "aside", "main", "figure", "figcaption", "dd", "dt", "dl", "form", "title", "hr"}
)  # fmt: skip


def html_text(root: Any) -> str:
    """Text of an lxml tree with a line break around block elements (not only text_content)."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        if not isinstance(el.tag, str):  # comment or processing instruction: its tail only
            return
        block = el.tag.lower() in BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    lines = (collapse(line) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


FACTORIES: dict[str, Callable[[], System]] = {
    "sahelclean": _make_sahelclean,
    "trafilatura": lambda: _make_trafilatura(False),
    "trafilatura-precision": lambda: _make_trafilatura(True),
    "readability": _make_readability,
    "justext": _make_justext,
    "keep-all": _make_keep_all,
    "c4": _make_c4,
}


def load_systems(names: Sequence[str]) -> tuple[list[System], dict[str, str]]:
    """Build the named systems; a system whose import fails is returned as missing, with why."""
    systems: list[System] = []
    missing: dict[str, str] = {}
    for name in names:
        try:
            systems.append(FACTORIES[name]())
        except ImportError as err:
            missing[name] = f"{type(err).__name__}: {err}"
    return systems, missing


# ---------------------------------------------------------------- running


@dataclass(frozen=True, slots=True)
class PageResult:
    """One system on one page in one input kind: its tallies, time and error if any."""

    doc_id: str
    counts: BodyCounts | SnippetCounts
    seconds: float
    error: str | None = None
    structure: StructureCounts | None = None  # structured systems on fu pages

    @property
    def f1(self) -> float:
        """The page's own F1: body F1 of the page, or snippet F1 of its own counts."""
        return self.counts.f1

    @property
    def error_kind(self) -> str:
        """The class name of the error ('' when the page did not raise)."""
        return (self.error or "").split(":")[0]


@dataclass(frozen=True, slots=True)
class Cell:
    """One system on one corpus (or the French subset) in one input kind."""

    system: str
    corpus: str
    kind: str
    score: Score
    skipped: int
    errors: int
    seconds: float
    error_kinds: dict[str, int] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The figure's name, e.g. 'sh/html'."""
        return f"{self.corpus}/{self.kind}"

    @property
    def pages_per_s(self) -> float:
        """Throughput over the scored pages."""
        return self.score.n / self.seconds if self.seconds > 0 else 0.0

    @property
    def metric(self) -> str:
        """Which metric the figure is."""
        return metric_of(self.corpus)


@dataclass(frozen=True, slots=True)
class Measure:
    """One structure figure of one system on one corpus in one input kind."""

    system: str
    corpus: str
    kind: str
    name: str  # title, meta-title, lead or headings
    figure: Figure

    @property
    def key(self) -> str:
        """The figure's name, e.g. 'fu/html/title'."""
        return f"{self.corpus}/{self.kind}/{self.name}"


@dataclass(frozen=True, slots=True)
class Run:
    """Everything measured: per-page results by (corpus, kind, system), and what was skipped."""

    pages: dict[str, list[Page]]
    results: dict[tuple[str, str, str], list[PageResult]]
    skipped: dict[str, int]
    systems: tuple[str, ...]
    missing: dict[str, str]


def score_page(page: Page, out: Extraction) -> BodyCounts | SnippetCounts:
    """Score one output against the page's gold with its corpus's metric."""
    if page.metric == BODY_F1:
        return body_counts(page.body, out.text, out.title)
    return snippet_counts(page.with_, page.without, out.text)


def score_structure(page: Page, out: Extraction) -> StructureCounts | None:
    """Score a document's title, lead and intertitles on a page with such gold (else None).

    A structured system that failed on the page gives no structure: every part is missed.
    """
    if page.corpus not in STRUCTURE_CORPORA:
        return None
    return structure_counts(out.structure or Structure(), page.gold_structure, out.meta_title)


def page_score(counts: BodyCounts | SnippetCounts) -> float:
    """A single per-page figure for ranking: page F1 (1 when nothing to find and nothing found)."""
    if isinstance(counts, SnippetCounts) and counts.tp + counts.fp + counts.fn == 0:
        return 1.0
    return counts.f1


def run_system(system: System, inp: PageInput) -> tuple[Extraction, float, str | None]:
    """Run one system on one input, timing it; an exception gives an empty output and its name."""
    start = time.perf_counter()
    try:
        out = system.run(inp)
        error = None
    except Exception as err:  # every failure is counted and reported as an error
        out, error = Extraction(""), f"{type(err).__name__}: {err}"
    return out, time.perf_counter() - start, error


def page_result(system: System, inp: PageInput) -> PageResult:
    """Run one system on one input and score its output (and its structure, if it has one)."""
    out, seconds, error = run_system(system, inp)
    structure = score_structure(inp.page, out) if system.structured else None
    return PageResult(inp.page.doc_id, score_page(inp.page, out), seconds, error, structure)


def run_benchmark(
    corpora_dir: Path,
    corpora: Sequence[str],
    kinds: Sequence[str],
    systems: Sequence[System],
    limit: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> Run:
    """Run every system on every usable page of every corpus × input kind."""
    wrap = any(s.needs_html for s in systems)
    pages: dict[str, list[Page]] = {}
    results: dict[tuple[str, str, str], list[PageResult]] = {}
    skipped: dict[str, int] = {}
    for corpus in corpora:
        loaded = load_pages(corpora_dir / corpus, limit)
        pages[corpus] = [p for p in loaded if p.usable]
        skipped[corpus] = len(loaded) - len(pages[corpus])
        for kind in kinds:
            for i, page in enumerate(pages[corpus]):
                if progress:
                    progress(f"{corpus}/{kind}", i, len(pages[corpus]))
                inp = read_input(page, kind, wrap)
                for system in systems:
                    results.setdefault((corpus, kind, system.name), []).append(
                        page_result(system, inp)
                    )
    return Run(pages, results, skipped, tuple(s.name for s in systems), {})


def aggregate(
    system: str, corpus: str, kind: str, rows: Sequence[PageResult], skipped: int
) -> Cell:
    """Fold per-page results into one cell's score, errors and time."""
    if metric_of(corpus) == BODY_F1:
        score = body_f1(r.counts for r in rows if isinstance(r.counts, BodyCounts))
    else:
        score = snippet_f1(r.counts for r in rows if isinstance(r.counts, SnippetCounts))
    kinds = Counter(r.error_kind for r in rows if r.error)
    return Cell(
        system=system,
        corpus=corpus,
        kind=kind,
        score=score,
        skipped=skipped,
        errors=sum(kinds.values()),
        seconds=sum(r.seconds for r in rows),
        error_kinds=dict(kinds),
    )


def cells(run: Run) -> list[Cell]:
    """Every figure of a run: each corpus × kind × system, plus te's French subset."""
    out: list[Cell] = []
    for (corpus, kind, system), rows in run.results.items():
        out.append(aggregate(system, corpus, kind, rows, run.skipped.get(corpus, 0)))
        if corpus == "te":
            fr = {p.doc_id for p in run.pages[corpus] if p.french}
            if fr:
                sub = [r for r in rows if r.doc_id in fr]
                out.append(aggregate(system, FRENCH, kind, sub, 0))
    return out


def _reported(name: str, kind: str) -> bool:
    """Whether a structure figure is reported: the declared title only exists in HTML."""
    return name != META_TITLE or kind == "html"


def measures(run: Run) -> list[Measure]:
    """The structure figures of every structured system on every corpus with such gold."""
    out: list[Measure] = []
    for (corpus, kind, system), rows in run.results.items():
        tallies = [r.structure for r in rows if r.structure is not None]
        for name, figure in structure_scores(tallies).items():
            if _reported(name, kind):
                out.append(Measure(system, corpus, kind, name, figure))
    return out


def figure_keys(
    corpora: Sequence[str], kinds: Sequence[str], structure: Sequence[str] = STRUCTURE_FIGURES
) -> list[str]:
    """Figure names in display order: per input kind, each corpus (te-fr after te), then the
    structure figures of the corpora that have them."""
    keys: list[str] = []
    for kind in kinds:
        for corpus in corpora:
            keys.append(f"{corpus}/{kind}")
            if corpus == "te":
                keys.append(f"{FRENCH}/{kind}")
            if corpus in STRUCTURE_CORPORA:
                keys += [f"{corpus}/{kind}/{n}" for n in structure if _reported(n, kind)]
    return keys


def figure_values(run: Run) -> dict[str, dict[str, float]]:
    """Every figure of a run by system, then by name; a figure over no page is left out."""
    out: dict[str, dict[str, float]] = {}
    for c in cells(run):
        if c.score.n:
            out.setdefault(c.system, {})[c.key] = c.score.f1
    for m in measures(run):
        out.setdefault(m.system, {})[m.key] = m.figure.value
    return out


# The page's declared title compares with sahelclean's title; it is not the classifier's.
GATED_STRUCTURE = tuple(n for n in STRUCTURE_FIGURES if n != META_TITLE)
GATED_KEYS = tuple(figure_keys(CORPORA, INPUT_KINDS, GATED_STRUCTURE))


def figures(run: Run, system: str) -> dict[str, float]:
    """One system's gated figures: F1 by corpus × kind ('sh/html', 'te-fr/gettext', …) and
    fu's structure ('fu/html/title', …), in canonical order."""
    values = figure_values(run).get(system, {})
    return {k: values[k] for k in GATED_KEYS if k in values}


# ---------------------------------------------------------------- folds and catastrophes


def restrict(run: Run, keep: Callable[[Page], bool]) -> Run:
    """The run on the pages `keep` accepts: their results only, nothing counted as skipped."""
    pages = {c: [p for p in ps if keep(p)] for c, ps in run.pages.items()}
    ids = {c: {p.doc_id for p in ps} for c, ps in pages.items()}
    results = {k: [r for r in rows if r.doc_id in ids[k[0]]] for k, rows in run.results.items()}
    return replace(run, pages=pages, results=results, skipped=dict.fromkeys(pages, 0))


@dataclass(frozen=True, slots=True)
class Folds:
    """Every figure of a run, fold by fold (folds by site)."""

    k: int
    of_page: dict[str, dict[str, int]]  # corpus -> doc_id -> fold 1..k
    by_fold: dict[str, dict[str, list[float | None]]]  # system -> figure -> value of each fold
    overall: dict[str, dict[str, float]]  # system -> figure -> value on all pages
    rotate: int = 0  # decision folds rotated (folds.decision_folds)

    def pages(self, corpus: str) -> list[int]:
        """How many pages of the corpus each fold holds."""
        folds = Counter(self.of_page.get(corpus, {}).values())
        return [folds[f] for f in range(1, self.k + 1)]


def fold_run(run: Run, k: int, rotate: int = 0) -> Folds:
    """Split every corpus of the run into k folds by site and compute each figure per fold."""
    of_page = {c: assign_folds({p.doc_id: p.site for p in ps}, k) for c, ps in run.pages.items()}

    def on_fold(f: int) -> Run:
        return restrict(run, lambda p: of_page[p.corpus][p.doc_id] == f)

    per_fold = [figure_values(on_fold(f)) for f in range(1, k + 1)]
    overall = figure_values(run)
    by_fold = {
        system: {key: [figs.get(system, {}).get(key) for figs in per_fold] for key in values}
        for system, values in overall.items()
    }
    return Folds(k, of_page, by_fold, overall, rotate)


OURS = "sahelclean"
REFERENCE_SYSTEM = "trafilatura"  # catastrophes compare with it on the page's HTML


def catastrophe_pages(run: Run, ours: str = OURS) -> dict[str, list[Catastrophe]]:
    """Per corpus × kind, the pages where `ours` scores far below trafilatura on that page's
    HTML (it loses the article that trafilatura keeps); empty when either is not in the run."""
    out: dict[str, list[Catastrophe]] = {}
    for (corpus, kind, system), rows in run.results.items():
        reference = run.results.get((corpus, "html", REFERENCE_SYSTEM))
        if system == ours and reference:
            out[f"{corpus}/{kind}"] = catastrophes(_page_f1(rows), _page_f1(reference))
    return out


def _page_f1(rows: Iterable[PageResult]) -> dict[str, float]:
    """Each page's own F1 by doc_id."""
    return {r.doc_id: r.f1 for r in rows}


# ---------------------------------------------------------------- explain


@dataclass(frozen=True, slots=True)
class Worst:
    """A page where sahelclean trails the best other system."""

    corpus: str
    kind: str
    page: Page
    ours: float
    best: float
    best_system: str


def worst_pages(run: Run, n: int, ours: str = "sahelclean") -> list[Worst]:
    """Per corpus × kind, the n pages where `ours` falls most below the best other system."""
    out: list[Worst] = []
    for corpus, pages in run.pages.items():
        by_id = {p.doc_id: p for p in pages}
        kinds = sorted({k for (c, k, _) in run.results if c == corpus}, key=INPUT_KINDS.index)
        for kind in kinds:
            mine = run.results.get((corpus, kind, ours))
            others = {s: run.results[(corpus, kind, s)] for s in run.systems if s != ours}
            if not mine or not others:
                continue
            gaps: list[Worst] = []
            for i, row in enumerate(mine):
                name, res = max(
                    ((s, rows[i]) for s, rows in others.items()),
                    key=lambda item: page_score(item[1].counts),
                )
                best, score = page_score(res.counts), page_score(row.counts)
                if best > score:
                    gaps.append(Worst(corpus, kind, by_id[row.doc_id], score, best, name))
            gaps.sort(key=lambda w: w.best - w.ours, reverse=True)
            out.extend(gaps[:n])
    return out


def _short(text: str, width: int = 120) -> str:
    """One line, cut to `width` characters."""
    line = collapse(text)
    return line if len(line) <= width else line[: width - 1] + "…"


def _carries_gold(line: str, page: Page) -> bool:
    """Whether a line holds article text: mostly gold shingles (sh, fu), or a `with` snippet."""
    if page.metric == BODY_F1:
        sh, flat = shingles(line), collapse(line)
        if not sh:  # under 4 tokens: a whole gold line, or a long enough piece of the gold
            whole = any(flat == collapse(g) for g in page.body.splitlines())
            return bool(flat) and (whole or (len(flat) >= 15 and flat in collapse(page.body)))
        gold = shingles(page.body)
        return sum((sh & gold).values()) * 2 >= sum(sh.values())
    flat = collapse(line)
    return any(collapse(s) in flat or (len(flat) > 20 and flat in collapse(s)) for s in page.with_)


def _is_noise(line: str, page: Page) -> bool:
    """Whether a kept line is not article text: not gold (sh, fu), or holds a `without` snippet."""
    if page.metric == BODY_F1:
        return not _carries_gold(line, page)
    flat = collapse(line)
    return any(
        collapse(s) in flat or (len(flat) > 20 and flat in collapse(s)) for s in page.without
    )


@dataclass(frozen=True, slots=True)
class Diff:
    """What sahelclean got wrong on a page, as lines: each list is cut to a few entries."""

    lost: tuple[str, ...]  # removed lines that carry gold text, with label and reason
    noise: tuple[str, ...]  # kept lines that are not gold (sh, fu) or hold a `without` snippet
    unseen: tuple[str, ...]  # gold paragraphs or `with` snippets found in no block at all
    counts: tuple[int, int, int]  # full lengths of the three lists


def _gold_units(page: Page) -> list[str]:
    """The gold as units to look for: body paragraphs (sh, fu) or `with` snippets (te)."""
    if page.metric == BODY_F1:
        return [line for line in page.body.splitlines() if line.strip()]
    return list(page.with_)


def _unseen(units: Iterable[str], seen: str) -> list[str]:
    """Gold units mostly absent from `seen` (by shingles, or as substring when short)."""
    seen_sh, flat = shingles(seen), collapse(seen)
    out = []
    for unit in units:
        sh = shingles(unit)
        if sh:
            if sum((sh & seen_sh).values()) * 2 < sum(sh.values()):
                out.append(unit)
        elif collapse(unit) not in flat:
            out.append(unit)
    return out


def explain_lines(doc: Any, page: Page, limit: int = 15) -> Diff:
    """Lost lines (removed but gold), noise lines (kept, not gold) and gold seen in no block."""
    blocks = getattr(doc, "blocks", None) or ()
    text = getattr(doc, "text", "") or ""
    if page.metric == BODY_F1:  # the title line is not scored, so it is not noise either
        text = strip_title(text, getattr(doc, "title", None))
    if blocks:
        removed = [
            (f"[{c.verdict.label}: {c.verdict.reason}] ", c.block.text)
            for c in blocks
            if not c.verdict.label.is_article
        ]
        labels = {collapse(c.block.text): str(c.verdict.label) for c in blocks}
        everything = "\n".join(c.block.text for c in blocks)
    else:
        removed = [
            (f"[{r.kind}: {r.reason}] ", line)
            for r in getattr(doc, "removed", ())
            for line in r.lines
        ]
        labels = {}
        everything = "\n".join([text, *(line for _, line in removed)])
    lost = [tag + line for tag, line in removed if _carries_gold(line, page)]
    noise = [
        (f"[{labels[collapse(line)]}] " if collapse(line) in labels else "") + line
        for line in text.splitlines()
        if line.strip() and _is_noise(line, page)
    ]
    unseen = _unseen(_gold_units(page), everything)
    return Diff(
        lost=tuple(_short(x) for x in lost[:limit]),
        noise=tuple(_short(x) for x in noise[:limit]),
        unseen=tuple(_short(x) for x in unseen[:limit]),
        counts=(len(lost), len(noise), len(unseen)),
    )


def explain(run: Run, n: int, console: Any) -> None:
    """Print, for the worst pages, both scores and the lines sahelclean lost or kept wrongly."""
    if "sahelclean" not in run.systems:
        console.print("[yellow]--explain-worst needs the sahelclean system; skipped[/]")
        return
    sahel = FACTORIES["sahelclean"]()
    for w in worst_pages(run, n):
        console.rule(f"{w.corpus}/{w.kind} {w.page.doc_id}")
        console.print(f"url: {w.page.url}", markup=False)
        console.print(
            f"sahelclean {w.ours:.3f} vs {w.best_system} {w.best:.3f} (gap {w.best - w.ours:.3f})"
        )
        out, _, error = run_system(sahel, read_input(w.page, w.kind, wrap=False))
        if error:
            console.print(f"error: {error}", markup=False)
        if w.page.metric == SNIPPET_F1:
            flat = collapse(out.text)
            for snippet in w.page.with_:
                if collapse(snippet) not in flat:
                    console.print(f"  missed with: {_short(snippet)}", markup=False)
            for snippet in w.page.without:
                if collapse(snippet) in flat:
                    console.print(f"  kept without: {_short(snippet)}", markup=False)
        if out.doc is None:
            continue
        diff = explain_lines(out.doc, w.page)
        sections = (
            ("lost (removed, carry gold)", "-", diff.lost),
            ("noise (kept, not gold)", "+", diff.noise),
            ("gold in no block (never extracted)", "?", diff.unseen),
        )
        for (title, mark, lines), total in zip(sections, diff.counts, strict=True):
            console.print(
                f"{title}: {total}" + (f", first {len(lines)}" if total > len(lines) else "")
            )
            for line in lines:
                console.print(f"  {mark} {line}", markup=False)


# ---------------------------------------------------------------- report


def versions() -> dict[str, str]:
    """Versions of python and the measured packages ('missing' when absent)."""
    out = {"python": platform.python_version()}
    for dist in VERSIONED:
        try:
            out[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[dist] = "missing"
    return out


def column_keys(
    corpora: Sequence[str], kinds: Sequence[str], run_cells: Sequence[Cell]
) -> list[str]:
    """F1 figure names in display order: per input kind, sh, te, te-fr, fu (those present)."""
    present = {c.key for c in run_cells}
    return [k for k in figure_keys(corpora, kinds, ()) if k in present]


def render_cell(cell: Cell | None) -> str:
    """A compact table cell: F1, then P/R, then pages/s (and errors when any)."""
    if cell is None:
        return "-"
    s = cell.score
    text = f"[bold]{s.f1:.3f}[/]\nP{s.precision:.2f} R{s.recall:.2f}"
    if cell.corpus != FRENCH:
        text += f"\n{cell.pages_per_s:,.0f} p/s"
    if cell.errors:
        text += f"\n[red]{cell.errors} err[/]"
    return text


def print_table(
    run: Run, run_cells: Sequence[Cell], corpora: Sequence[str], kinds: Sequence[str], console: Any
) -> None:
    """The human table: systems × figures, with totals of speed and errors."""
    from rich.table import Table

    keys = column_keys(corpora, kinds, run_cells)
    index = {(c.system, c.key): c for c in run_cells}
    n = {c: len(p) for c, p in run.pages.items()}
    fr = sum(p.french for p in run.pages.get("te", []))
    title = "Quality on " + ", ".join(f"{c} ({n[c]} pages)" for c in n)
    table = Table(title=title + (f", te-fr ({fr})" if fr else ""), show_lines=True)
    table.add_column("system")
    for key in keys:
        table.add_column(key, justify="right")
    table.add_column("pages/s", justify="right")
    table.add_column("errors", justify="right")
    for system in run.systems:
        mine = [c for c in run_cells if c.system == system and c.corpus != FRENCH]
        pages = sum(c.score.n for c in mine)
        seconds = sum(c.seconds for c in mine)
        errors = sum(c.errors for c in mine)
        table.add_row(
            system,
            *(render_cell(index.get((system, k))) for k in keys),
            f"{pages / seconds:,.0f}" if seconds else "-",
            f"[red]{errors}[/]" if errors else "0",
        )
    console.print(table)
    skipped = {c: k for c, k in run.skipped.items() if k}
    if skipped:
        console.print(f"skipped (gold not usable): {skipped}")
    for name, why in run.missing.items():
        console.print(f"[yellow]missing system {name}: {why}[/]")
    for c in run_cells:
        if c.error_kinds and c.corpus != FRENCH:
            console.print(f"errors {c.system} on {c.key}: {c.error_kinds}", markup=False)
    console.print(
        "Metrics: sh, fu = body F1 (4-gram shingles, page-averaged P and R; a leading line equal "
        "to the document's title is not scored); te = snippet F1 pooled over pages."
    )
    console.print(WRAP_NOTE)
    console.print(KEEP_ALL_NOTE)


@dataclass(frozen=True, slots=True)
class Report:
    """What a run gives: figures, structure, catastrophes, and the folds when asked for."""

    run: Run
    cells: list[Cell]
    measures: list[Measure]
    catastrophes: dict[str, list[Catastrophe]]
    folds: Folds | None = None


def make_report(run: Run, folds: int = 0, rotate: int = 0) -> Report:
    """Aggregate a run; with folds >= 2, also split it into that many folds by site."""
    split = fold_run(run, folds, rotate) if folds >= 2 else None
    return Report(run, cells(run), measures(run), catastrophe_pages(run), split)


def _value(value: float | None) -> str:
    """A figure for a table, '-' when there is none."""
    return "-" if value is None else f"{value:.3f}"


def print_structure(run_measures: Sequence[Measure], console: Any) -> None:
    """The structure table: one row per figure, one column per structured system."""
    from rich.table import Table

    if not run_measures:
        return
    systems = list(dict.fromkeys(m.system for m in run_measures))
    index = {(m.system, m.key): m.figure for m in run_measures}
    table = Table(title="Structure (share of pages, or F1; pages in parentheses)")
    table.add_column("figure")
    for system in systems:
        table.add_column(system, justify="right")
    for key in dict.fromkeys(m.key for m in run_measures):
        figs = [index.get((s, key)) for s in systems]
        table.add_row(key, *(f"{f.value:.3f} ({f.n})" if f else "-" for f in figs))
    console.print(table)
    console.print(STRUCTURE_NOTE)


def print_folds(folds: Folds, keys: Sequence[str], console: Any) -> None:
    """Each figure of each system fold by fold, the mean of the decision folds, and overall."""
    from rich.table import Table

    decision = decision_folds(folds.k, folds.rotate)
    span = "+".join(map(str, decision))
    mean = f"mean {span}"
    table = Table(title=f"Figures by fold ({folds.k} folds by site; decision folds {span})")
    for name in ("system", "figure", *(f"fold {f}" for f in range(1, folds.k + 1)), mean, "all"):
        table.add_column(name, justify="left" if name in ("system", "figure") else "right")
    for system, values in folds.by_fold.items():
        for key in (k for k in keys if k in values):
            by_fold = values[key]
            table.add_row(
                system,
                key,
                *map(_value, by_fold),
                f"[bold]{_value(decision_mean(by_fold, folds.rotate))}[/]",
                _value(folds.overall[system][key]),
            )
        table.add_section()
    console.print(table)
    sizes = (f"{c} {'/'.join(map(str, folds.pages(c)))}" for c in folds.of_page)
    console.print(f"pages by fold: {'; '.join(sizes)}")


def raised_on(run: Run, system: str) -> dict[tuple[str, str], str]:
    """The error class of each (figure, doc_id) where the system raised (an empty dump…)."""
    return {
        (f"{corpus}/{kind}", r.doc_id): r.error_kind
        for (corpus, kind, name), rows in run.results.items()
        if name == system
        for r in rows
        if r.error
    }


def print_catastrophes(report: Report, console: Any) -> None:
    """How many pages, and which, lose the article that trafilatura keeps on their HTML."""
    if OURS not in report.run.systems:
        return
    if not report.catastrophes:
        console.print(
            f"catastrophes: not counted, they need {REFERENCE_SYSTEM} on html in the same run"
        )
        return
    console.print(
        f"Catastrophes: pages where {OURS}'s page F1 is more than {CATASTROPHE_MARGIN} below "
        f"{REFERENCE_SYSTEM}'s on the page's HTML"
    )
    raised = raised_on(report.run, OURS)
    for key, pages in report.catastrophes.items():
        console.print(f"{key}: {len(pages)}")
        for c in pages:
            error = raised.get((key, c.doc_id))
            why = f"  ({error}: scored as empty)" if error else ""
            console.print(
                f"  {c.doc_id}  {OURS} {c.ours:.3f}  {REFERENCE_SYSTEM} {c.reference:.3f}{why}",
                markup=False,
            )


def print_report(
    report: Report, corpora: Sequence[str], kinds: Sequence[str], console: Any
) -> None:
    """Every table of a run: figures, structure, catastrophes, and folds when asked for."""
    print_table(report.run, report.cells, corpora, kinds, console)
    print_structure(report.measures, console)
    print_catastrophes(report, console)
    if report.folds:
        print_folds(report.folds, figure_keys(corpora, kinds), console)


def _rounded(value: float | None) -> float | None:
    """A figure for the JSON: 6 decimals, or None."""
    return None if value is None else round(value, 6)


def folds_json(folds: Folds) -> dict[str, Any]:
    """The folds as plain data: which page is in which fold, and every figure by fold."""
    figs = {
        system: {
            key: {
                "by_fold": [_rounded(v) for v in by_fold],
                "decision_mean": _rounded(decision_mean(by_fold, folds.rotate)),
                "all": _rounded(folds.overall[system][key]),
            }
            for key, by_fold in values.items()
        }
        for system, values in folds.by_fold.items()
    }
    return {
        "k": folds.k,
        "decision_folds": list(decision_folds(folds.k, folds.rotate)),
        "site": "the URL's host without www. (the URL itself when it has no host)",
        "pages": {c: folds.pages(c) for c in folds.of_page},
        "of_page": folds.of_page,
        "figures": figs,
    }


def structure_json(report: Report) -> dict[str, Any]:
    """The structure figures, and each page's structure tallies by figure and system."""
    per_page: dict[str, dict[str, dict[str, Any]]] = {}
    for (corpus, kind, system), rows in report.run.results.items():
        tallies = {r.doc_id: asdict(r.structure) for r in rows if r.structure is not None}
        if tallies:
            per_page.setdefault(f"{corpus}/{kind}", {})[system] = tallies
    figs = [
        {"system": m.system, "corpus": m.corpus, "input": m.kind, "figure": m.name,
         "value": round(m.figure.value, 6), "pages": m.figure.n}
        for m in report.measures
    ]  # fmt: skip
    return {"figures": figs, "note": STRUCTURE_NOTE, "pages": per_page}


def catastrophes_json(report: Report) -> dict[str, Any]:
    """The catastrophe counts and pages of each corpus × input kind."""
    raised = raised_on(report.run, OURS)
    by_figure = {
        key: {
            "count": len(pages),
            "pages": [{**asdict(c), "error": raised.get((key, c.doc_id))} for c in pages],
        }
        for key, pages in report.catastrophes.items()
    }
    return {
        "margin": CATASTROPHE_MARGIN,
        "ours": OURS,
        "reference": f"{REFERENCE_SYSTEM}/html",
        "by_figure": by_figure,
    }


def to_json(report: Report, corpora_dir: Path, options: dict[str, Any]) -> dict[str, Any]:
    """Every figure of the run as plain data."""
    run, run_cells = report.run, report.cells
    per_page: dict[str, dict[str, dict[str, list[float]]]] = {}
    for (corpus, kind, system), rows in run.results.items():
        per_page.setdefault(f"{corpus}/{kind}", {})[system] = {
            r.doc_id: [round(x, 6) for x in r.counts] for r in rows
        }
    errors = [
        {"system": s, "corpus": c, "input": k, "doc_id": r.doc_id, "error": r.error}
        for (c, k, s), rows in run.results.items()
        for r in rows
        if r.error
    ]
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "corpora": str(corpora_dir),
        "options": options,
        "versions": versions(),
        "notes": [WRAP_NOTE, KEEP_ALL_NOTE, TRAFILATURA_NOTE],
        "pages": {c: len(p) for c, p in run.pages.items()},
        "skipped": run.skipped,
        "missing_systems": run.missing,
        "results": [
            {
                "system": c.system,
                "corpus": c.corpus,
                "input": c.kind,
                "metric": c.metric,
                "precision": round(c.score.precision, 6),
                "recall": round(c.score.recall, 6),
                "f1": round(c.score.f1, 6),
                "pages": c.score.n,
                "skipped": c.skipped,
                "errors": c.errors,
                "error_kinds": c.error_kinds,
                "seconds": round(c.seconds, 4),
                "pages_per_s": round(c.pages_per_s, 2),
            }
            for c in run_cells
        ],
        "page_counts_format": {
            "body_f1": "doc_id: [tp, fp, fn] shingles, normalised to sum 1",
            "snippet_f1": "doc_id: [tp, fp, fn, tn] snippets",
        },
        "page_counts": per_page,
        "errors": errors,
        "structure": structure_json(report),
        "catastrophes": catastrophes_json(report),
        "folds": folds_json(report.folds) if report.folds else None,
    }


# ---------------------------------------------------------------- CLI


def split_list(value: str, allowed: Sequence[str], what: str) -> list[str]:
    """Parse a comma-separated choice list, keeping the canonical order."""
    items = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in items if v not in allowed]
    if unknown:
        raise click.BadParameter(
            f"unknown {what} {', '.join(unknown)}; choose from {', '.join(allowed)}"
        )
    return [a for a in allowed if a in items]


def missing_corpora(corpora_dir: Path, corpora: Sequence[str]) -> list[str]:
    """The corpora whose manifest is absent under corpora_dir."""
    return [c for c in corpora if not (corpora_dir / c / "manifest.jsonl").is_file()]


def console_stderr() -> Any:
    """A rich console on stderr, wide enough for the table even when not a terminal."""
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        console = Console(stderr=True, width=220)
    return console


@contextmanager
def progress_bar(console: Any) -> Iterator[Callable[[str, int, int], None]]:
    """A transient progress bar on the console; yields the callback run_benchmark calls."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    tasks: dict[str, Any] = {}
    with Progress(
        "{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:

        def update(label: str, done: int, total: int) -> None:
            if label not in tasks:
                tasks[label] = bar.add_task(label, total=total)
            bar.update(tasks[label], completed=done + 1)

        yield update


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpora",
    "corpora_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_CORPORA,
    show_default=True,
    help="Folder holding sh/, te/ and fu/.",
)
@click.option("--corpus", default=",".join(CORPORA), show_default=True, help="Corpora to run.")
@click.option(
    "--input",
    "kinds",
    default=",".join(INPUT_KINDS),
    show_default=True,
    help="Input kinds: html, innertext, gettext.",
)
@click.option("--systems", default=",".join(SYSTEMS), show_default=True, help="Systems to run.")
@click.option(
    "--learn-profile",
    is_flag=True,
    help=f"Also run {PROFILE_SYSTEM}: sahelclean with a site profile learned first from the "
    "corpus (each input kind apart).",
)
@click.option(
    "--profile-min-pages",
    type=click.IntRange(min=1),
    default=None,
    help=f"{PROFILE_SYSTEM}: lines on at least this many pages of a site [Options default].",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="At most N pages per corpus (quick runs).",
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
    "--explain-worst",
    type=click.IntRange(min=0),
    default=0,
    help="Show the N pages per corpus × input where sahelclean trails most.",
)
@click.option(
    "--folds",
    type=click.IntRange(min=0),
    default=0,
    help="Also give every figure on each of N folds by site (N >= 2; the last two decide).",
)
@click.option(
    "--rotate",
    type=click.IntRange(min=0),
    default=0,
    help="Rotate the decision folds by R (5 folds: 0 → 4+5, 1 → 3+4, 4 → 1+5).",
)
def main(
    corpora_dir: Path,
    corpus: str,
    kinds: str,
    systems: str,
    learn_profile: bool,
    profile_min_pages: int | None,
    limit: int | None,
    json_path: Path,
    explain_worst: int,
    folds: int,
    rotate: int,
) -> None:
    """Score sahelclean and other extractors on the evaluation corpora."""
    corpora = split_list(corpus, CORPORA, "corpus")
    kind_list = split_list(kinds, INPUT_KINDS, "input kind")
    names = split_list(systems, SYSTEMS, "system")
    if folds == 1:
        raise click.BadParameter("one fold is no split; give 2 or more", param_hint="--folds")
    if learn_profile:
        names.append(PROFILE_SYSTEM)
        FACTORIES[PROFILE_SYSTEM] = lambda: _make_sahelclean_profile(profile_min_pages)
    console = console_stderr()
    absent = missing_corpora(corpora_dir, corpora)
    if absent:
        raise click.ClickException(
            f"no corpus {', '.join(absent)} under {corpora_dir} (see bench/README.md)"
        )
    loaded, missing = load_systems(names)
    for name, why in missing.items():
        console.print(f"[yellow]skipping {name}: {why}[/]")
    if not loaded:
        raise click.ClickException("no system could be loaded")
    with progress_bar(console) as update:
        run = run_benchmark(corpora_dir, corpora, kind_list, loaded, limit, update)
    report = make_report(replace(run, missing=missing), folds, rotate)
    print_report(report, corpora, kind_list, console)
    options = {
        "corpus": corpora,
        "input": kind_list,
        "systems": names,
        "limit": limit,
        "folds": folds,
        "rotate": rotate,
    }
    json_path.parent.mkdir(parents=True, exist_ok=True)
    data = to_json(report, corpora_dir.resolve(), options)
    json_path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    console.print(f"figures written to {json_path}")
    if explain_worst:
        explain(run, explain_worst, console)


if __name__ == "__main__":
    main()
