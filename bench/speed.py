"""Speed benchmark: sahelclean against trafilatura, in-process and through the real CLI.

Run ``python bench/speed.py --help``. Every part runs in one invocation so that the ratios
against trafilatura compare figures taken on the same machine at the same time. Times are
medians over ``--repeat`` runs. The human table goes to stderr, every raw timing to JSON.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import importlib.metadata
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import click

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from commands import CmdResult, capture, run_cmd, tail  # noqa: E402
from quality import (  # noqa: E402
    CORPORA,
    DEFAULT_CORPORA,
    INPUT_FILES,
    TIMED_CORPORA,
    console_stderr,
    load_pages,
    missing_corpora,
    progress_bar,
    split_list,
)

REPO_ROOT = BENCH_DIR.parent
DEFAULT_JSON = BENCH_DIR / "results" / "speed.json"
VENV_BIN = Path(sys.executable).parent  # the executables of the venv running this script
PARTS = ("inproc", "memory", "cli", "startup", "outputs", "big")
# Outputs written into one folder (issue 19): the cost per output must stay flat.
OUTPUT_SIZES = (1_000, 10_000, 100_000)
CLI_KINDS = ("innertext", "html")
SMALL_FIXTURE = REPO_ROOT / "fixtures" / "text" / "en-no-widget" / "input.txt"
FIXTURE_GLOB = "fixtures/text/*/input.txt"
VERSIONED = ("sahelclean", "trafilatura", "lxml", "charset-normalizer", "click", "rich")
NOT_SUPPORTED = "not supported by this version"
OK_CODES = (0, 1)  # the CLI exits 1 when some input held no article: a normal outcome here
TRAFILATURA = "trafilatura/html"
NOTES = (
    "Times are medians over the repeats; the machine is shared and noisy, so compare ratios "
    "taken in the same run rather than absolute figures across runs.",
    "trafilatura runs as in bench/quality.py: extract(html, include_comments=False), txt "
    "output. sahelclean runs with default Options on the raw bytes of each file.",
    "In-process: files are read before timing; each repeat runs every system over every page, "
    "in an order rotated by one system per repeat; pages that raise count as errors and stay "
    "in the time.",
    "CLI: `sahelclean clean -q -f json -o OUT DIR` over hard links to the corpus files, with "
    "the page cache warmed; OUT is removed between runs (not timed). Exit code 1 (some page "
    "without article) is a normal outcome.",
    "Memory of one page: a fresh Python process imports, warms up on a tiny input of the same "
    "kind, reads the page and cleans it; RSS figures are its peak (VmHWM) after each step.",
    "Big dump: JSONL records {id, url, text} made from fixtures/text/*/input.txt, streamed "
    "through `sahelclean clean -q -f jsonl` with output to /dev/null; one run.",
)
ProgressFn = Callable[[str, int, int], None]


# ---------------------------------------------------------------- measurements


@dataclass
class Measure:
    """One measured thing: wall time of each repeat, the pages each run covered, and notes."""

    section: str
    name: str
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)  # CPU time of each run
    pages: int = 0
    skipped: str | None = None  # why it was not measured
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def median(self) -> float | None:
        """Median wall time of the runs, if any."""
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def cpu_share(self) -> float | None:
        """Median of CPU time over wall time: under 1 for one process means it had to wait."""
        shares = [c / w for c, w in zip(self.cpu_seconds, self.seconds, strict=False) if w]
        return statistics.median(shares) if shares else None

    def fail(self, why: str, stderr: str) -> None:
        """Mark the measure failed: why and the last line of stderr; the tail goes to JSON."""
        self.skipped = f"{why}: {last_line(stderr)}"
        self.extra["stderr"] = stderr

    def add_run(self, seconds: float, cpu_seconds: float) -> None:
        """Record one timed run."""
        self.seconds.append(seconds)
        self.cpu_seconds.append(cpu_seconds)

    @property
    def pages_per_s(self) -> float | None:
        """Throughput at the median time, when the measure covers pages."""
        median = self.median
        return self.pages / median if self.pages and median else None

    def to_dict(self) -> dict[str, Any]:
        """Plain data with every raw timing."""
        return {
            "section": self.section,
            "name": self.name,
            "seconds": [round(s, 6) for s in self.seconds],
            "cpu_seconds": [round(s, 6) for s in self.cpu_seconds],
            "median_s": _round(self.median),
            "pages": self.pages,
            "pages_per_s": _round(self.pages_per_s),
            "skipped": self.skipped,
            **self.extra,
        }


def last_line(text: str) -> str:
    """The last non-blank line of a child's stderr (the error of a traceback), or ''."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _round(value: float | None, digits: int = 6) -> float | None:
    """Round a figure that may be missing."""
    return None if value is None else round(value, digits)


def ratio(num: float | None, den: float | None) -> float | None:
    """num / den, or None when either is missing or den is zero."""
    return num / den if num is not None and den else None


# ---------------------------------------------------------------- machine


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo, or the platform's processor string."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError as err:
        return f"unknown ({err.strerror})"
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
    }


def _git(*args: str) -> bytes:
    """The output of a git command run in the repository."""
    return capture(["git", *args], cwd=REPO_ROOT).stdout


def git_state() -> str:
    """The commit of the measured code; '+dirty.HASH' when sahelclean/ has uncommitted changes.

    HASH digests those changes (diff and untracked files), so that two states of a working
    tree being edited can be told apart.
    """
    try:
        commit = _git("rev-parse", "--short", "HEAD").decode("ascii", errors="replace").strip()
        diff = _git("diff", "HEAD", "--binary", "--", "sahelclean")
        untracked = _git("ls-files", "--others", "--exclude-standard", "-z", "--", "sahelclean")
    except OSError as err:
        return f"unknown ({err.strerror})"
    if not diff and not untracked:
        return commit or "unknown"
    digest = hashlib.sha1(diff)
    for name in sorted(n for n in untracked.split(b"\0") if n):
        digest.update(name)
        try:
            digest.update((REPO_ROOT / name.decode()).read_bytes())
        except OSError as err:  # deleted since git listed it: that is a state too
            digest.update(str(err.errno).encode())
    return f"{commit or 'unknown'}+dirty.{digest.hexdigest()[:8]}"


def versions() -> dict[str, str]:
    """Versions of python and the measured packages ('missing' when absent)."""
    out = {"python": platform.python_version(), "sahelclean_git": git_state()}
    for dist in VERSIONED:
        try:
            out[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[dist] = "missing"
    return out


# ---------------------------------------------------------------- subprocesses


def repeat_cmd(
    measure: Measure, cmd: Sequence[str | Path], runs: int, ok_codes: tuple[int, ...] = (0,)
) -> Measure:
    """Time a command `runs` times into `measure`; a run with another exit code stops it."""
    codes: Counter[int] = Counter(measure.extra.get("exit_codes", {}))
    for _ in range(runs):
        res = run_cmd(cmd)
        codes[res.returncode] += 1
        if res.returncode not in ok_codes:
            measure.fail(f"failed with exit code {res.returncode}", res.stderr)
            break
        measure.add_run(res.seconds, res.cpu_seconds)
    measure.extra.update(cmd=[str(c) for c in cmd], exit_codes=dict(codes))
    return measure


# ---------------------------------------------------------------- CLI capabilities


@dataclass(frozen=True, slots=True)
class HelpOption:
    """One option of a click help screen: its names, what follows them, and its help text."""

    names: tuple[str, ...]
    takes: str  # metavar or [choices] after the names; empty for a flag
    text: str

    @property
    def long(self) -> str:
        """The longest name (the --long form when there is one)."""
        return max(self.names, key=len)

    @property
    def choices(self) -> tuple[str, ...]:
        """The choices of a [a|b|c] option, or ()."""
        found = re.fullmatch(r"\[([^\]]+)\]", self.takes.strip())
        return tuple(found.group(1).split("|")) if found else ()


OPTION_LINE = re.compile(r"^ {1,6}(-[^ ].*?)(?: {2,}(.*))?$")
OPTION_NAME = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")


def parse_help(text: str) -> list[HelpOption]:
    """The options of a click help screen (continuation lines joined to their option)."""
    options: list[HelpOption] = []
    head: str | None = None
    lines: list[str] = []
    for line in text.splitlines():
        found = OPTION_LINE.match(line)
        if found:
            if head is not None:
                options.append(_help_option(head, lines))
            head, lines = found.group(1), [found.group(2) or ""]
        elif head is not None and line.startswith("      "):
            lines.append(line.strip())
        elif head is not None:
            options.append(_help_option(head, lines))
            head, lines = None, []
    if head is not None:
        options.append(_help_option(head, lines))
    return options


OPTION_HEAD = re.compile(r"^(--?[\w-]+(?:, ?--?[\w-]+)*)(?: +(.*))?$")


def _help_option(head: str, lines: list[str]) -> HelpOption:
    """Split an option's head ('-f, --format [a|b]') into names and what it takes."""
    found = OPTION_HEAD.match(head.strip())
    if found is None:
        return HelpOption(tuple(OPTION_NAME.findall(head)), "", " ".join(lines))
    names = tuple(n.strip() for n in found.group(1).split(","))
    takes = found.group(2) or ""
    if takes.startswith("/"):  # a boolean flag pair: --x / --no-x
        takes = ""
    return HelpOption(names, takes, " ".join(x for x in lines if x))


@dataclass(frozen=True, slots=True)
class JsonlMode:
    """How this CLI reads a JSONL dump: extra arguments, and whether from a file or stdin."""

    args: tuple[str, ...]
    via: str  # "file" or "stdin"


@dataclass
class CliCaps:
    """What the installed `sahelclean clean` can do, as read from its help and a probe."""

    exe: Path
    version: str = ""
    help: str = ""
    options: list[str] = field(default_factory=list)
    jobs: bool = False
    jsonl: JsonlMode | None = None
    probes: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None  # why the CLI could not be run at all

    def to_dict(self) -> dict[str, Any]:
        """Plain data (without the help screen's text)."""
        return {
            "exe": str(self.exe),
            "version": self.version,
            "options": self.options,
            "jobs": self.jobs,
            "jsonl_input": asdict(self.jsonl) if self.jsonl else None,
            "jsonl_probes": self.probes,
            "error": self.error,
        }


def jsonl_candidates(options: Sequence[HelpOption]) -> list[tuple[str, ...]]:
    """Argument sets that may make the CLI read JSONL input, most specific first.

    Any option other than the output format whose name, choices or help mention JSONL is
    tried (with the value `jsonl` unless it is a flag); then `-f jsonl` alone, in case the
    format option also names the input format.
    """
    out: list[tuple[str, ...]] = []
    for opt in options:
        if "--format" in opt.names:
            continue
        said = " ".join((*opt.names, opt.takes, opt.text)).lower()
        if "jsonl" not in said and "json lines" not in said:
            continue
        out.append((opt.long, "jsonl") if opt.takes or "jsonl" in opt.choices else (opt.long,))
    out.append(())
    return out


def fixture_records(limit: int | None = None) -> Iterator[dict[str, str]]:
    """The repository's own text fixtures as JSONL records {"id", "url", "text"}, forever.

    Each pass over the fixtures gives new ids and urls, so that no two records are the same;
    stops after `limit` records when given.
    """
    fixtures = [
        (p.parent.name, p.read_text(encoding="utf-8")) for p in sorted(REPO_ROOT.glob(FIXTURE_GLOB))
    ]
    if not fixtures:
        raise click.ClickException(f"no fixture matches {REPO_ROOT / FIXTURE_GLOB}")
    n = 0
    while limit is None or n < limit:
        name, text = fixtures[n % len(fixtures)]
        yield {"id": f"{name}-{n}", "url": f"https://fixtures.invalid/{name}/{n}", "text": text}
        n += 1


def probe_jsonl(exe: Path, mode: JsonlMode, workdir: Path) -> tuple[bool, str]:
    """Feed a 3-line JSONL dump to the CLI in one mode: it works if 3 articles come back."""
    records = list(fixture_records(3))
    src, out = workdir / "probe.jsonl", workdir / "probe.out"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    file_arg = [src] if mode.via == "file" else []
    res = run_cmd(
        [exe, "clean", "-q", "-f", "jsonl", *mode.args, *file_arg],
        stdin=src if mode.via == "stdin" else None,
        stdout=out,
        cwd=workdir,  # an option misread as taking a path writes nothing into the repository
    )
    lines = [x for x in out.read_text(encoding="utf-8", errors="replace").splitlines() if x]
    if res.returncode not in OK_CODES:
        return False, f"exit code {res.returncode}: {last_line(res.stderr)}"
    try:
        docs = [json.loads(x) for x in lines]
    except json.JSONDecodeError as err:
        return False, f"output is not JSON lines ({err})"
    failed = sum(bool(isinstance(d, dict) and d.get("failed")) for d in docs)
    if len(docs) != len(records) or failed:
        return False, f"{len(docs)} output lines ({failed} failed) for {len(records)} records"
    return True, f"{len(docs)} articles for {len(records)} records"


def detect_cli(exe: Path, workdir: Path) -> CliCaps:
    """Read `sahelclean clean --help` for --jobs and JSONL input, and probe JSONL input."""
    caps = CliCaps(exe)
    try:
        version = capture([exe, "--version"])
        shown = capture([exe, "clean", "--help"])
    except OSError as err:
        caps.error = f"cannot run {exe}: {err.strerror}"
        return caps
    caps.version = version.stdout.decode("utf-8", errors="replace").strip()
    caps.help = shown.stdout.decode("utf-8", errors="replace")
    if shown.returncode != 0:
        caps.error = f"`{exe.name} clean --help` exited {shown.returncode}"
        return caps
    options = parse_help(caps.help)
    caps.options = sorted({opt.long for opt in options})
    caps.jobs = any("--jobs" in opt.names for opt in options)
    for args in jsonl_candidates(options):
        for via in ("file", "stdin"):
            mode = JsonlMode(args, via)
            ok, detail = probe_jsonl(exe, mode, workdir)
            caps.probes.append({"args": list(args), "via": via, "ok": ok, "detail": detail})
            if ok:
                caps.jsonl = mode
                return caps
    return caps


# ---------------------------------------------------------------- in-process


@dataclass(frozen=True, slots=True)
class PageFiles:
    """One corpus page's three files, read into memory before any timing."""

    corpus: str
    doc_id: str
    url: str
    directory: Path
    data: dict[str, bytes]  # input kind -> raw bytes


def load_files(corpora_dir: Path, corpora: Sequence[str], limit: int | None) -> list[PageFiles]:
    """Every page of the corpora in manifest order (at most `limit` per corpus), files read."""
    out: list[PageFiles] = []
    for corpus in corpora:
        for page in load_pages(corpora_dir / corpus, limit):
            data = {k: (page.directory / f).read_bytes() for k, f in INPUT_FILES.items()}
            out.append(PageFiles(corpus, page.doc_id, page.url, page.directory, data))
    return out


def inproc_systems() -> dict[str, Callable[[PageFiles], object]]:
    """The four in-process measures, by name: sahelclean on each input kind, trafilatura."""
    import trafilatura

    from sahelclean import Options, clean

    options = Options()

    def sahel(kind: str) -> Callable[[PageFiles], object]:
        return lambda p: clean(p.data[kind], source=p.doc_id, url=p.url, options=options)

    def traf(p: PageFiles) -> object:
        return trafilatura.extract(p.data["html"], output_format="txt", include_comments=False)

    return {
        "sahelclean/html": sahel("html"),
        TRAFILATURA: traf,
        "sahelclean/innertext": sahel("innertext"),
        "sahelclean/gettext": sahel("gettext"),
    }


def time_pass(
    run: Callable[[PageFiles], object], pages: Sequence[PageFiles]
) -> tuple[float, float, Counter[str]]:
    """One timed pass over the pages: (wall, CPU, errors by type); errors stay in the time.

    sahelclean's line memo is emptied first: a repeat must not find the lines it judged in
    the pass before. Lines that several different pages share still hit it, as in a real
    batch (menus and footers of one site).
    """
    from sahelclean.classify.firstpass import clear_memos

    errors: Counter[str] = Counter()
    clear_memos()
    gc.collect()
    cpu, start = time.process_time(), time.perf_counter()
    for page in pages:
        try:
            run(page)
        except Exception as err:  # counted and reported: a page that raises is a result too
            errors[type(err).__name__] += 1
    return time.perf_counter() - start, time.process_time() - cpu, errors


def warm_up(systems: dict[str, Callable[[PageFiles], object]], pages: Sequence[PageFiles]) -> None:
    """Run every system once on the first page of each corpus (imports, lazy caches)."""
    firsts = {p.corpus: p for p in reversed(pages)}.values()
    for run in systems.values():
        time_pass(run, list(firsts))


def run_inproc(pages: Sequence[PageFiles], repeat: int, progress: ProgressFn) -> list[Measure]:
    """Pages/s of each in-process system, over `repeat` passes interleaved between systems."""
    systems = inproc_systems()
    warm_up(systems, pages)
    names = list(systems)
    measures = {n: Measure("in-process", n, pages=len(pages)) for n in names}
    errors: dict[str, Counter[str]] = {n: Counter() for n in names}
    step, total = 0, repeat * len(names)
    for r in range(repeat):
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            progress("in-process", step, total)
            seconds, cpu, errors[name] = time_pass(systems[name], pages)
            measures[name].add_run(seconds, cpu)
            step += 1
    for name, m in measures.items():
        m.extra.update(
            throughput=True,
            errors=dict(errors[name]),
            pages_per_s_each=[round(m.pages / s, 2) for s in m.seconds],
        )
    return list(measures.values())


# ---------------------------------------------------------------- memory of one page


MEMORY_CHILD = textwrap.dedent(
    """
    import json, resource, sys, time

    def peak_kb():
        # VmHWM is this process's own peak RSS; ru_maxrss also counts the parent's memory
        # at the time of the fork, as Linux keeps the high-water mark across exec.
        try:
            with open("/proc/self/status", encoding="ascii") as fh:
                status = fh.read()
        except OSError:  # no /proc: ru_maxrss, an upper bound
            status = ""
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    system, kind, path, url = sys.argv[1:5]
    if system == "trafilatura":
        import trafilatura
        def run(data):
            return trafilatura.extract(data, output_format="txt", include_comments=False)
    else:
        from sahelclean import clean
        def run(data):
            return clean(data, source=path, url=url)
    # lazy imports and caches of this input path; a text warm-up would also load what
    # only text dumps need, and the HTML page would then look heavier than it is
    run(b"<html><body><p>Warm up.</p></body></html>" if kind == "html" else b"Warm up.")
    imported = peak_kb()
    with open(path, "rb") as fh:
        data = fh.read()
    loaded = peak_kb()
    start = time.perf_counter()
    error = None
    try:
        run(data)
    except Exception as err:
        error = f"{type(err).__name__}: {err}"
    seconds = time.perf_counter() - start
    print(json.dumps({"rss_import_kb": imported, "rss_loaded_kb": loaded,
                      "rss_peak_kb": peak_kb(), "seconds": seconds, "error": error}))
    """
)


def largest(pages: Sequence[PageFiles], kind: str) -> PageFiles:
    """The page whose file of this kind is largest."""
    return max(pages, key=lambda p: len(p.data[kind]))


def page_memory(system: str, page: PageFiles, kind: str) -> Measure:
    """Peak RSS after imports, after reading one page and after cleaning it, in a fresh Python."""
    name = f"{system}/{kind} largest page"
    measure = Measure("memory", name, pages=1)
    path = page.directory / INPUT_FILES[kind]
    proc = capture([sys.executable, "-c", MEMORY_CHILD, system, kind, path, page.url])
    if proc.returncode != 0:
        measure.fail(f"child failed ({proc.returncode})", tail(proc.stderr))
        return measure
    data = json.loads(proc.stdout)
    measure.seconds.append(data.pop("seconds"))
    measure.extra.update(data, doc_id=page.doc_id, corpus=page.corpus, bytes=len(page.data[kind]))
    return measure


def run_memory(pages: Sequence[PageFiles]) -> list[Measure]:
    """Peak RSS of sahelclean and trafilatura on the largest HTML page, and on the largest dump."""
    html, dump = largest(pages, "html"), largest(pages, "innertext")
    return [
        page_memory("sahelclean", html, "html"),
        page_memory("trafilatura", html, "html"),
        page_memory("sahelclean", dump, "innertext"),
    ]


# ---------------------------------------------------------------- CLI over a directory


def link_tree(pages: Sequence[PageFiles], kind: str, root: Path) -> Path:
    """A folder <corpus>/<doc_id>.<ext> of hard links (or symlinks) to one kind of file."""
    suffix = Path(INPUT_FILES[kind]).suffix
    for page in pages:
        src = page.directory / INPUT_FILES[kind]
        dest = root / page.corpus / f"{page.doc_id}{suffix}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dest)
        except OSError:  # another file system, or protected hard links: a symlink will do
            dest.symlink_to(src.resolve())
        dest.read_bytes()  # warm the page cache, so that no run pays the first read
    return root


def cli_dir_cmd(caps: CliCaps, src: Path, out: Path, jobs: int | None) -> list[str | Path]:
    """`sahelclean clean -q -f json -o OUT SRC`, with --jobs when given."""
    jobs_args = ["--jobs", str(jobs)] if jobs is not None else []
    return [caps.exe, "clean", "-q", "-f", "json", *jobs_args, "-o", out, src]


def count_files(root: Path) -> int:
    """Regular files under a folder."""
    return sum(len(files) for _, _, files in os.walk(root))


def cli_name(kind: str, jobs: int, has_jobs: bool) -> str:
    """The name of a CLI measure: input kind and process count."""
    return f"{kind} folder, " + ("one process" if jobs == 1 and not has_jobs else f"--jobs {jobs}")


def run_cli_kind(
    caps: CliCaps,
    pages: Sequence[PageFiles],
    kind: str,
    work: Path,
    repeat: int,
    progress: ProgressFn,
) -> list[Measure]:
    """Wall time of the CLI over one folder, single process and --jobs 2, interleaved."""
    src, out = link_tree(pages, kind, work / f"in-{kind}"), work / f"out-{kind}"
    runs: list[tuple[Measure, int | None]] = []
    for jobs in (1, 2):
        measure = Measure("CLI", cli_name(kind, jobs, caps.jobs), pages=len(pages))
        measure.extra.update(kind=kind, jobs=jobs, throughput=True)
        if jobs > 1 and not caps.jobs:
            measure.skipped = f"--jobs: {NOT_SUPPORTED}"
        runs.append((measure, jobs if caps.jobs else None))
    for r in range(repeat):
        progress(f"CLI {kind}", r, repeat)
        for measure, jobs_arg in runs:
            if not measure.skipped:
                cli_dir_run(measure, cli_dir_cmd(caps, src, out, jobs_arg), out)
    shutil.rmtree(src)
    return [m for m, _ in runs]


def cli_dir_run(measure: Measure, cmd: Sequence[str | Path], out: Path) -> None:
    """One timed CLI run over a folder; no file written or a bad exit code fails the measure."""
    res = run_cmd(cmd)
    written = count_files(out) if out.exists() else 0
    shutil.rmtree(out, ignore_errors=True)
    codes = Counter(measure.extra.get("exit_codes", {}))
    codes[res.returncode] += 1
    measure.extra.update(cmd=[str(c) for c in cmd], exit_codes=dict(codes), outputs=written)
    if res.returncode not in OK_CODES or not written:
        measure.fail(f"failed: exit code {res.returncode}, {written} files written", res.stderr)
        return
    measure.add_run(res.seconds, res.cpu_seconds)


def run_cli(
    caps: CliCaps,
    pages: Sequence[PageFiles],
    kinds: Sequence[str],
    work: Path,
    repeat: int,
    progress: ProgressFn,
) -> list[Measure]:
    """The CLI over a folder of each input kind."""
    out: list[Measure] = []
    for kind in kinds:
        out.extend(run_cli_kind(caps, pages, kind, work, repeat, progress))
    return out


# ---------------------------------------------------------------- start-up


def run_startup(caps: CliCaps, runs: int, progress: ProgressFn) -> list[Measure]:
    """Median wall time of `sahelclean --version`, of cleaning a small file, of trafilatura's."""
    trafilatura = VENV_BIN / "trafilatura"
    small = SMALL_FIXTURE.relative_to(REPO_ROOT)
    commands: list[tuple[str, list[str | Path]]] = [
        ("sahelclean --version", [caps.exe, "--version"]),
        (f"sahelclean clean {small}", [caps.exe, "clean", SMALL_FIXTURE]),
        ("trafilatura --version", [trafilatura, "--version"]),
    ]
    measures: list[Measure] = []
    for i, (name, cmd) in enumerate(commands):
        progress("start-up", i, len(commands))
        measure = Measure("start-up", name)
        if caps.error and cmd[0] == caps.exe:
            measure.skipped = caps.error
        elif not Path(cmd[0]).exists():
            measure.skipped = f"{cmd[0]} not found"
        else:
            run_cmd(cmd)  # warm-up: the first run pays for cold .pyc and page cache
            repeat_cmd(measure, cmd, runs)
        measures.append(measure)
    return measures


# ---------------------------------------------------------------- big JSONL dump


def outputs_name(count: int) -> str:
    """The name of the outputs measure of one folder size."""
    return f"{count:,} outputs into one folder (--sync end)"


def run_outputs(work: Path) -> list[Measure]:
    """Seconds per output as one folder fills up (bench/outputs.py), one run per size.

    The median is the time per output; a size's ratio to the first size says whether the
    cost stays flat (the issue: within 20 % at 100k of the cost at 1k).
    """
    from outputs import seconds_per_output  # the same loop as bench/outputs.py

    from sahelclean.batch.writers import Sync

    measures = []
    for count in OUTPUT_SIZES:
        measure = Measure("outputs", outputs_name(count), extra={"outputs": count})
        cpu = time.process_time()
        per_output = seconds_per_output(count, Sync.END, work)
        measure.add_run(per_output, (time.process_time() - cpu) / count)
        measures.append(measure)
    return measures


def write_dump(path: Path, target_bytes: int) -> tuple[int, int]:
    """Stream fixture records to a JSONL file until it reaches `target_bytes`: (bytes, lines)."""
    size = lines = 0
    with path.open("wb") as fh:
        for record in fixture_records():
            if size >= target_bytes:
                break
            line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
            fh.write(line)
            size += len(line)
            lines += 1
    return size, lines


RUSAGE_CHILD = textwrap.dedent(
    """
    import json, resource, subprocess, sys
    stdin = open(sys.argv[1], "rb") if sys.argv[1] != "-" else subprocess.DEVNULL
    with open(sys.argv[2], "wb") as stdout:
        proc = subprocess.run(sys.argv[3:], stdin=stdin, stdout=stdout,
                              stderr=subprocess.PIPE, check=False)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"returncode": proc.returncode, "maxrss_kb": usage.ru_maxrss,
                      "cpu_seconds": usage.ru_utime + usage.ru_stime,
                      "stderr": proc.stderr.decode("utf-8", "replace")[-1000:]}))
    """
)
GNU_TIME = Path("/usr/bin/time")
MAXRSS_LINE = re.compile(r"Maximum resident set size \(kbytes\):\s*(\d+)")


def peak_rss_run(
    cmd: Sequence[str | Path], stdin: Path | None, stdout: Path, work: Path
) -> tuple[CmdResult, int | None, str]:
    """Run a command and measure its peak RSS (KB): with /usr/bin/time -v, else getrusage."""
    if GNU_TIME.exists():
        report = work / "time-v.txt"
        res = run_cmd([GNU_TIME, "-v", "-o", report, *cmd], stdin=stdin, stdout=stdout)
        found = MAXRSS_LINE.search(report.read_text(encoding="utf-8", errors="replace"))
        return res, int(found.group(1)) if found else None, "/usr/bin/time -v"
    wrapper = [sys.executable, "-c", RUSAGE_CHILD, str(stdin or "-"), str(stdout), *cmd]
    start = time.perf_counter()
    proc = capture(wrapper)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        return CmdResult(seconds, proc.returncode, tail(proc.stderr)), None, "getrusage"
    data = json.loads(proc.stdout)
    res = CmdResult(seconds, data["returncode"], data["stderr"], data["cpu_seconds"])
    return res, data["maxrss_kb"], "getrusage(RUSAGE_CHILDREN) in a fresh child"


def count_jsonl(path: Path) -> tuple[int, int]:
    """Lines of a JSONL output, and how many of them are failures ({"failed": true})."""
    lines = failed = 0
    with path.open("rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            lines += 1
            if b'"failed"' in line and json.loads(line).get("failed") is True:
                failed += 1
    return lines, failed


def run_big(caps: CliCaps, big_mb: float, jobs: int, keep: bool, console: Any) -> Measure:
    """Stream a big synthetic JSONL dump through the CLI: time, pages/s and peak RSS.

    The output goes to a temporary file, counted afterwards (not timed), so that a run that
    cleaned nothing is not taken for a fast one. With --jobs above 1, the peak RSS is that of
    the largest process, not of the pool.
    """
    jobs_args = ["--jobs", str(jobs)] if caps.jobs else []
    measure = Measure("memory", " ".join([f"JSONL dump of {big_mb:g} MB via CLI", *jobs_args]))
    if caps.jsonl is None:
        measure.skipped = f"JSONL input: {NOT_SUPPORTED}"
        return measure
    work = Path(tempfile.mkdtemp(prefix="sahelclean-speed-big-"))
    dump, out = work / "dump.jsonl", work / "out.jsonl"
    via_file = caps.jsonl.via == "file"
    cmd: list[str | Path] = [caps.exe, "clean", "-q", "-f", "jsonl", *caps.jsonl.args, *jobs_args]
    try:
        size, lines = write_dump(dump, int(big_mb * 1_000_000))
        res, rss_kb, method = peak_rss_run(
            [*cmd, dump] if via_file else cmd, None if via_file else dump, out, work
        )
        written, failed = count_jsonl(out)
    finally:
        if keep:
            console.print(f"big dump kept at {dump}, the CLI's output at {out}")
        else:
            shutil.rmtree(work)
    measure.pages = lines
    measure.extra.update(
        throughput=True,
        input_mb=round(size / 1e6, 2),
        cmd=[str(c) for c in cmd] + (["DUMP"] if via_file else ["<", "DUMP"]),
        returncode=res.returncode,
        output_lines=written,
        failed_lines=failed,
        peak_rss_mb=_round(rss_kb / 1024 if rss_kb else None, 1),
        rss_method=method,
    )
    if res.returncode not in OK_CODES or written - failed <= 0:
        measure.fail(
            f"failed: exit code {res.returncode}, {written} lines out ({failed} failed)", res.stderr
        )
    else:
        measure.add_run(res.seconds, res.cpu_seconds)
    return measure


# ---------------------------------------------------------------- ratios


def annotate(measures: Sequence[Measure]) -> dict[str, float | None]:
    """Put each measure's ratios in its extra['ratios'], and return them all by a flat key."""
    by = {m.name: m for m in measures}
    flat: dict[str, float | None] = {}
    for m in measures:
        found = {} if m.skipped else measure_ratios(m, by)
        m.extra["ratios"] = {k: _round(v, 4) for k, v in found.items()}
        flat.update({f"{m.name}: {k}": v for k, v in m.extra["ratios"].items()})
    return flat


def measure_ratios(m: Measure, by: dict[str, Measure]) -> dict[str, float | None]:
    """The ratios of one measure against the others of the run.

    Throughput is compared with trafilatura's in-process pages/s on HTML; --jobs 2 with
    --jobs 1; the CLI with sahelclean in-process on the same kind; start-up times with
    `trafilatura --version`; peak RSS on the largest page with trafilatura's.
    """

    def get(name: str, attr: str) -> Any:
        found = by.get(name)
        return getattr(found, attr) if found is not None else None

    out: dict[str, float | None] = {}
    if m.extra.get("throughput") and m.name != TRAFILATURA:
        out["pages_per_s_vs_trafilatura_html"] = ratio(
            m.pages_per_s, get(TRAFILATURA, "pages_per_s")
        )
    kind = m.extra.get("kind")
    if m.section == "CLI" and kind:
        in_process = get(f"sahelclean/{kind}", "pages_per_s")
        out["pages_per_s_vs_in_process"] = ratio(m.pages_per_s, in_process)
        if m.extra.get("jobs") == 2:
            out["speedup_over_jobs_1"] = ratio(get(cli_name(kind, 1, True), "median"), m.median)
    if m.section == "start-up" and m.name.startswith("sahelclean"):
        out["time_vs_trafilatura_version"] = ratio(m.median, get("trafilatura --version", "median"))
    if m.section == "outputs" and m.extra.get("outputs") != OUTPUT_SIZES[0]:
        out["per_output_vs_first_size"] = ratio(
            m.median, get(outputs_name(OUTPUT_SIZES[0]), "median")
        )
    if m.name == "sahelclean/html largest page":
        traf = by.get("trafilatura/html largest page")
        traf_rss = traf.extra.get("rss_peak_kb") if traf else None
        out["peak_rss_vs_trafilatura"] = ratio(m.extra.get("rss_peak_kb"), traf_rss)
    return out


# ---------------------------------------------------------------- report


RATIO_LABELS = {
    "pages_per_s_vs_trafilatura_html": "trafilatura p/s",
    "pages_per_s_vs_in_process": "in-process p/s",
    "speedup_over_jobs_1": "speed-up over --jobs 1",
    "time_vs_trafilatura_version": "trafilatura --version time",
    "peak_rss_vs_trafilatura": "trafilatura peak RSS",
    "per_output_vs_first_size": f"the time per output at {OUTPUT_SIZES[0]:,}",
}
SECTIONS = ("in-process", "CLI", "start-up", "outputs", "memory")
REFERENCES = (TRAFILATURA, "trafilatura --version", "trafilatura/html largest page")


def fmt_seconds(seconds: float | None) -> str:
    """Seconds as '12.3 s', '85 ms' or, under 10 ms, '0.412 ms'."""
    if seconds is None:
        return "-"
    if seconds < 0.01:
        return f"{seconds * 1000:.3f} ms"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_ratios(m: Measure) -> str:
    """A measure's ratios, one per line, as '×0.85 trafilatura p/s'."""
    ratios = m.extra.get("ratios") or {}
    lines = [f"×{v:.2f} {RATIO_LABELS[k]}" for k, v in ratios.items() if v is not None]
    return "\n".join(lines) or ("reference" if m.name in REFERENCES else "-")


def fmt_notes(m: Measure) -> str:
    """The spread of the runs and what else the measure recorded."""
    notes: list[str] = []
    if len(m.seconds) > 1:
        notes.append(
            f"{len(m.seconds)} runs, {fmt_seconds(min(m.seconds))}–{fmt_seconds(max(m.seconds))}"
        )
    if m.cpu_share is not None and m.pages:
        notes.append(f"CPU {m.cpu_share:.0%} of wall")
    if sum((m.extra.get("errors") or {}).values()) >= m.pages > 0:
        notes.append("[red]every page raised: the time means nothing[/]")
    if m.extra.get("errors"):
        notes.append(
            "errors per pass: " + ", ".join(f"{k} {v}" for k, v in m.extra["errors"].items())
        )
    if "rss_peak_kb" in m.extra:
        peak, loaded = m.extra["rss_peak_kb"] / 1024, m.extra["rss_loaded_kb"] / 1024
        imported = m.extra["rss_import_kb"] / 1024
        notes.append(
            f"page {m.extra['bytes'] / 1e6:.2f} MB; peak RSS {peak:.0f} MB "
            f"(+{peak - loaded:.0f} over the page loaded, {imported:.0f} after imports "
            "and a warm-up)"
        )
    if "input_mb" in m.extra:
        notes.append(
            f"{m.extra['input_mb']:g} MB, {m.pages:,} pages in, {m.extra['output_lines']:,} "
            f"lines out ({m.extra['failed_lines']} failed); peak RSS "
            f"{m.extra['peak_rss_mb']} MB ({m.extra['rss_method']})"
        )
    if m.extra.get("error"):
        notes.append(f"error: {m.extra['error']}")
    if "outputs" in m.extra:
        notes.append(f"{m.extra['outputs']} files written")
    codes = m.extra.get("exit_codes") or {}
    if any(code != 0 for code in codes):
        notes.append("exit codes " + ", ".join(f"{k}×{v}" for k, v in codes.items()))
    if m.extra.get("returncode"):
        notes.append(f"exit code {m.extra['returncode']}")
    return "; ".join(notes)


def table_row(m: Measure) -> list[str]:
    """A measure as the cells after its section: name, median, pages/s, ratios, notes."""
    if m.skipped:
        return [m.name, "-", "-", "-", f"[yellow]{m.skipped}[/]"]
    pps = m.pages_per_s if m.extra.get("throughput") else None
    return [
        m.name,
        fmt_seconds(m.median),
        f"{pps:,.1f}" if pps is not None else "-",
        fmt_ratios(m),
        fmt_notes(m),
    ]


def cli_summary(caps: CliCaps | None) -> str:
    """The CLI's version and whether it supports --jobs and JSONL input (and how)."""
    if caps is None:
        return "not run"
    if caps.error:
        return caps.error
    jobs = "yes" if caps.jobs else NOT_SUPPORTED
    jsonl = NOT_SUPPORTED
    if caps.jsonl:
        jsonl = " ".join(("-f jsonl", *caps.jsonl.args)) + f", input from {caps.jsonl.via}"
    return f"{caps.version}; --jobs: {jobs}; JSONL input: {jsonl}"


def machine_rows(
    info: dict[str, Any], vers: dict[str, str], caps: CliCaps | None
) -> list[list[str]]:
    """The machine section: CPUs, Python, package versions, what the CLI supports, load."""
    load = f"{info['loadavg_start']} at start, {info.get('loadavg_end')} at end"
    return [
        ["CPU", f"{info['nproc']} × {info['cpu']} ({info['usable_cpus']} usable)"],
        ["Python", f"{info['python']} on {info['platform']}"],
        ["packages", ", ".join(f"{k} {v}" for k, v in vers.items() if k != "python")],
        ["CLI", cli_summary(caps)],
        ["load average", load],
        ["wall time", f"{info.get('elapsed_s', 0):.0f} s for the whole benchmark"],
    ]


def print_table(
    measures: Sequence[Measure],
    info: dict[str, Any],
    vers: dict[str, str],
    caps: CliCaps | None,
    caption: str,
    console: Any,
) -> None:
    """The human table on stderr: one section per part, then the machine."""
    from rich.table import Table

    table = Table(title="sahelclean speed (medians; ratios taken in this run)", caption=caption)
    for col, justify in (
        ("section", "left"),
        ("measurement", "left"),
        ("median", "right"),
        ("pages/s", "right"),
        ("ratio", "left"),
        ("notes", "left"),
    ):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for section in SECTIONS:
        rows = [m for m in measures if m.section == section]
        for i, m in enumerate(rows):
            table.add_row(section if i == 0 else "", *table_row(m))
        if rows:
            table.add_section()
    for i, (name, value) in enumerate(machine_rows(info, vers, caps)):
        table.add_row("machine" if i == 0 else "", name, "", "", "", value)
    console.print(table)


# ---------------------------------------------------------------- CLI


@dataclass(frozen=True, slots=True)
class Settings:
    """The options of one benchmark run."""

    corpora_dir: Path
    corpora: tuple[str, ...]
    repeat: int
    limit: int | None
    big_mb: float
    big_jobs: int
    skip: tuple[str, ...]
    cli_kinds: tuple[str, ...]
    startup_runs: int
    keep: bool
    exe: Path

    def runs(self, part: str) -> bool:
        """Whether a part of the benchmark is to be run."""
        return part not in self.skip

    @property
    def needs_pages(self) -> bool:
        """Whether any part to run reads the corpora."""
        return any(self.runs(p) for p in ("inproc", "memory", "cli"))

    @property
    def needs_cli(self) -> bool:
        """Whether any part to run calls the sahelclean CLI."""
        return any(self.runs(p) for p in ("cli", "startup", "big"))


def run_parts(
    settings: Settings, pages: Sequence[PageFiles], caps: CliCaps | None, work: Path, console: Any
) -> list[Measure]:
    """Run every part not skipped, in the order of the table; the big dump last.

    When the CLI cannot run at all, its parts give one row each that says why.
    """
    measures: list[Measure] = []
    broken = caps.error if caps is not None else None
    with progress_bar(console) as progress:
        if settings.runs("inproc"):
            measures += run_inproc(pages, settings.repeat, progress)
        if settings.runs("cli") and caps is not None:
            if broken:
                measures.append(Measure("CLI", "sahelclean clean over folders", skipped=broken))
            else:
                measures += run_cli(
                    caps, pages, settings.cli_kinds, work, settings.repeat, progress
                )
        if settings.runs("startup") and caps is not None:
            measures += run_startup(caps, settings.startup_runs, progress)
        if settings.runs("outputs"):
            measures += run_outputs(work)
        if settings.runs("memory"):
            measures += run_memory(pages)
        if settings.runs("big") and caps is not None:
            if broken:
                measures.append(Measure("memory", "JSONL dump via CLI", skipped=broken))
            else:
                big = run_big(caps, settings.big_mb, settings.big_jobs, settings.keep, console)
                measures.append(big)
    return measures


def to_json(
    settings: Settings,
    measures: Sequence[Measure],
    ratios: dict[str, float | None],
    info: dict[str, Any],
    vers: dict[str, str],
    caps: CliCaps | None,
    pages: Sequence[PageFiles],
) -> dict[str, Any]:
    """Every raw timing and figure of the run as plain data."""
    options = asdict(settings)
    options["corpora_dir"] = str(settings.corpora_dir.resolve())
    options["exe"] = str(settings.exe)
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "options": options,
        "machine": info,
        "versions": vers,
        "cli": caps.to_dict() if caps else None,
        "pages": dict(Counter(p.corpus for p in pages)),
        "notes": list(NOTES),
        "ratios": ratios,
        "results": [m.to_dict() for m in measures],
    }


def caption_text(settings: Settings, pages: Sequence[PageFiles]) -> str:
    """What the in-process and CLI figures ran on."""
    counts = Counter(p.corpus for p in pages)
    corpus = ", ".join(f"{c} {n}" for c, n in counts.items()) or "none"
    return (
        f"pages: {len(pages)} ({corpus}); --repeat {settings.repeat}, start-up runs "
        f"{settings.startup_runs}; ratio ×r: this row's figure is r times the named one"
    )


def write_json(data: dict[str, Any], json_path: str, console: Any) -> None:
    """Write the JSON results to a file, or to stdout for '-'."""
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    if json_path == "-":
        sys.stdout.write(text)
        return
    path = Path(json_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    console.print(f"timings written to {path}")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpora",
    "corpora_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_CORPORA,
    show_default=True,
    help="Folder holding the corpora (sh/, te/, fu/).",
)
@click.option(
    "--corpus", default=",".join(TIMED_CORPORA), show_default=True, help="Corpora to run."
)
@click.option(
    "--repeat",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Timed runs of each measure; the figures are medians.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="At most N pages per corpus (quick runs).",
)
@click.option(
    "--big-mb",
    type=click.FloatRange(min=0),
    default=600,
    show_default=True,
    help="Size of the synthetic JSONL dump streamed through the CLI; 0 skips it.",
)
@click.option(
    "--big-jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="--jobs for the big dump, when the CLI has --jobs (RSS is then per process).",
)
@click.option(
    "--skip",
    default="",
    metavar="PART,...",
    help=f"Parts not to run: {', '.join(PARTS)}.",
)
@click.option(
    "--cli-input",
    default=",".join(CLI_KINDS),
    show_default=True,
    help="Input kinds put in the folders the CLI cleans: html, innertext, gettext.",
)
@click.option(
    "--startup-runs",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Runs of each start-up command.",
)
@click.option("--keep", is_flag=True, help="Keep the big JSONL dump (its path is printed).")
@click.option(
    "--exe",
    type=click.Path(path_type=Path),
    default=VENV_BIN / "sahelclean",
    show_default=True,
    help="The sahelclean executable to time (e.g. another build's).",
)
@click.option(
    "--json",
    "json_path",
    default=str(DEFAULT_JSON),
    show_default=True,
    help="Where to write every timing as JSON; '-' for stdout.",
)
@click.option(
    "--dask",
    is_flag=True,
    help="Also time the CLI on a Dask cluster of 2 workers against --jobs 2 (speed_dask.py).",
)
def main(
    corpora_dir: Path,
    corpus: str,
    repeat: int,
    limit: int | None,
    big_mb: float,
    big_jobs: int,
    skip: str,
    cli_input: str,
    startup_runs: int,
    keep: bool,
    exe: Path,
    json_path: str,
    dask: bool,
) -> None:
    """Time sahelclean against trafilatura: in-process, through the CLI, start-up, memory."""
    settings = Settings(
        corpora_dir=corpora_dir,
        corpora=tuple(split_list(corpus, CORPORA, "corpus")),
        repeat=repeat,
        limit=limit,
        big_mb=big_mb,
        big_jobs=big_jobs,
        skip=tuple(split_list(skip, PARTS, "part")) + (("big",) if big_mb == 0 else ()),
        cli_kinds=tuple(split_list(cli_input, (*CLI_KINDS, "gettext"), "input kind")),
        startup_runs=startup_runs,
        keep=keep,
        exe=exe,
    )
    console = console_stderr()
    started = time.perf_counter()
    info, vers = machine(), versions()
    pages: list[PageFiles] = []
    if settings.needs_pages:
        absent = missing_corpora(corpora_dir, settings.corpora)
        if absent:
            raise click.ClickException(
                f"no corpus {', '.join(absent)} under {corpora_dir} (see bench/README.md)"
            )
        pages = load_files(corpora_dir, settings.corpora, limit)
    with tempfile.TemporaryDirectory(prefix="sahelclean-speed-") as tmp:
        caps = detect_cli(settings.exe, Path(tmp)) if settings.needs_cli else None
        if caps is not None and caps.error:
            console.print(f"[yellow]{caps.error}: CLI measures skipped[/]")
        measures = run_parts(settings, pages, caps, Path(tmp), console)
    ratios = annotate(measures)
    info.update(
        loadavg_end=[round(x, 2) for x in os.getloadavg()],
        elapsed_s=round(time.perf_counter() - started, 1),
    )
    print_table(measures, info, vers, caps, caption_text(settings, pages), console)
    git_end = git_state()
    if git_end != vers["sahelclean_git"]:
        info["sahelclean_git_end"] = git_end
        console.print(
            f"[yellow]the code changed during the run: {vers['sahelclean_git']} at the start, "
            f"{git_end} at the end[/]"
        )
    data = to_json(settings, measures, ratios, info, vers, caps, pages)
    if dask:
        from speed_dask import run_dask  # it prints its figures as they come

        data["dask"] = run_dask(corpora_dir, settings.corpora, exe=exe, repeat=repeat)
    write_json(data, json_path, console)


if __name__ == "__main__":
    main()
