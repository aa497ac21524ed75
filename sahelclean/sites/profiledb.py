"""The site profile on disk: SQLite in WAL mode, safe with several writers at once.

Writers (`write_counts`) take the write lock first (BEGIN IMMEDIATE), so that the check
"was this page counted already?" and the counting happen in one transaction: two cron
runs learning the same pages at the same time count each page once. Readers never wait
for writers (WAL). Cleaning reads through `FrozenProfile`, opened once per process.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote

from ..errors import SahelcleanError
from .profile import NORMALISATION, Counts, SiteCounts, SiteView, Thresholds

StrPath = str | os.PathLike[str]

# A writer waits this long for another one (a cron run, a `learn`) before giving up.
BUSY_SECONDS = 30.0
# How often a writer tries again to switch a new profile to WAL while another one does.
WAL_RETRY_SECONDS = 0.02
# Host parameters per statement (SQLite allows 32,766 since 3.32; 999 before).
CHUNK = 500
# Sites whose frequent lines a cleaning process keeps in memory (a batch is mostly a few).
SITE_CACHE = 256

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sites (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
    "pages INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS pages (site INTEGER NOT NULL, hash INTEGER NOT NULL, "
    "PRIMARY KEY (site, hash)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS lines (site INTEGER NOT NULL, hash INTEGER NOT NULL, "
    "pages INTEGER NOT NULL, PRIMARY KEY (site, hash)) WITHOUT ROWID",
)
_UPSERT_LINE = (
    "INSERT INTO lines (site, hash, pages) VALUES (?, ?, ?) "
    "ON CONFLICT (site, hash) DO UPDATE SET pages = pages + excluded.pages"
)


class ProfileError(SahelcleanError):
    """The site profile is missing, damaged, locked or of another version."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class ProfileStats:
    """The size of a profile."""

    sites: int
    pages: int
    lines: int


def write_counts(counts: Counts, path: StrPath, busy: float = BUSY_SECONDS) -> int:
    """Add partial counts to the profile at `path` (created if needed); return pages added."""
    with _guard(path), _connect(path, create=True, busy=busy) as db:
        db.execute("BEGIN IMMEDIATE")
        try:
            _ensure_schema(db, path)
            added = sum(_write_site(db, name, site) for name, site in counts.sites.items())
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return added


def _write_site(db: sqlite3.Connection, name: str, site: SiteCounts) -> int:
    """Count the pages of one site that the profile has not counted yet."""
    db.execute("INSERT INTO sites (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,))
    (sid,) = db.execute("SELECT id FROM sites WHERE name = ?", (name,)).fetchone()
    pages = list(site.pages)
    known: set[int] = set()
    for chunk in _chunks(pages):
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT hash FROM pages WHERE site = ? AND hash IN ({marks})"
        known.update(row[0] for row in db.execute(sql, (sid, *chunk)))
    new = [p for p in pages if p not in known]
    if not new:
        return 0
    db.executemany("INSERT INTO pages (site, hash) VALUES (?, ?)", ((sid, p) for p in new))
    lines = site.line_counts(skip=frozenset(known))
    db.executemany(_UPSERT_LINE, ((sid, h, n) for h, n in lines.items()))
    db.execute("UPDATE sites SET pages = pages + ? WHERE id = ?", (len(new), sid))
    return len(new)


def _chunks(items: Sequence[int]) -> Iterator[Sequence[int]]:
    """Slices of at most CHUNK items."""
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _ensure_schema(db: sqlite3.Connection, path: StrPath) -> None:
    """Create the tables of a new profile; refuse one of another normalisation."""
    for statement in _SCHEMA:
        db.execute(statement)
    db.execute(
        "INSERT INTO meta (key, value) VALUES ('normalisation', ?) ON CONFLICT DO NOTHING",
        (NORMALISATION,),
    )
    _check_version(db, path)


def _check_version(db: sqlite3.Connection, path: StrPath) -> None:
    """Refuse a profile whose hashes come from another normalisation of lines."""
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'normalisation'").fetchone()
    except sqlite3.OperationalError:  # no meta table: some other SQLite file
        raise ProfileError("not a sahelclean site profile (no meta table)", str(path)) from None
    if row is None or row[0] != NORMALISATION:
        found = row[0] if row else "none"
        raise ProfileError(
            f"the profile was learned with normalisation {found!r}, this version uses "
            f"{NORMALISATION!r}; learn it again into a new file",
            str(path),
        )


@contextmanager
def _connect(path: StrPath, *, create: bool, busy: float) -> Iterator[sqlite3.Connection]:
    """A connection in autocommit mode (transactions are explicit), closed on exit."""
    db = connect(path, create=create, busy=busy)
    try:
        yield db
    finally:
        db.close()


def connect(path: StrPath, *, create: bool, busy: float = BUSY_SECONDS) -> sqlite3.Connection:
    """Open the profile (creating it only when `create`), in WAL mode with a busy timeout."""
    name = str(path)
    if not create and not os.path.isfile(name):
        what = "is not a file" if os.path.exists(name) else "does not exist"
        raise ProfileError(
            f"the site profile {what}; learn one with 'sahelclean learn INPUT... --profile FILE'",
            name,
        )
    mode = "rwc" if create else "rw"
    uri = f"file:{quote(os.path.abspath(name))}?mode={mode}"
    try:
        db = sqlite3.connect(uri, uri=True, timeout=busy, isolation_level=None)
        db.execute(f"PRAGMA busy_timeout = {int(busy * 1000)}")
        if create:
            _use_wal(db, busy)
    except sqlite3.Error as exc:
        raise ProfileError(_describe(exc, busy), name) from None
    return db


def _use_wal(db: sqlite3.Connection, busy: float) -> None:
    """Put the profile in WAL mode (once: it stays so), waiting for a writer creating it too.

    SQLite does not call the busy handler while it switches the journal mode, so two
    processes creating the same profile at once would otherwise fail at once.
    """
    deadline = time.monotonic() + busy
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


@contextmanager
def _guard(path: StrPath, busy: float = BUSY_SECONDS) -> Iterator[None]:
    """Turn SQLite's errors into a one-line ProfileError naming the file."""
    try:
        yield
    except sqlite3.Error as exc:
        raise ProfileError(_describe(exc, busy), str(path)) from None


def _describe(exc: sqlite3.Error, busy: float) -> str:
    """What went wrong with the profile, and what to try."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return f"the site profile is locked by another process (waited {busy:g} s); try again"
    if "not a database" in text or "malformed" in text:
        return f"the site profile is damaged or not a SQLite file ({text}); learn it again"
    return f"cannot use the site profile ({text})"


class FrozenProfile:
    """The profile as cleaning reads it: one connection, each site's frequent lines cached.

    A site is read once per process: only its lines on at least Thresholds.floor pages,
    a small share of its rows (a line of an article is on one page).
    """

    def __init__(self, path: StrPath, busy: float = BUSY_SECONDS) -> None:
        self.path = str(path)
        self._busy = busy
        self._db = connect(path, create=False, busy=busy)
        with _guard(self.path, busy):
            _check_version(self._db, path)
        self._views: OrderedDict[tuple[str, Thresholds], SiteView | None] = OrderedDict()

    def site(self, name: str, thresholds: Thresholds) -> SiteView | None:
        """The site's view (None for a site the profile does not know)."""
        key = (name, thresholds)
        if key in self._views:
            self._views.move_to_end(key)
            return self._views[key]
        with _guard(self.path, self._busy):
            view = self._load(name, thresholds)
        self._views[key] = view
        if len(self._views) > SITE_CACHE:
            self._views.popitem(last=False)
        return view

    def _load(self, name: str, thresholds: Thresholds) -> SiteView | None:
        """Read one site's frequent lines."""
        row = self._db.execute("SELECT id, pages FROM sites WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        sid, pages = row
        sql = "SELECT hash, pages FROM lines WHERE site = ? AND pages >= ?"
        counts = dict(self._db.execute(sql, (sid, thresholds.floor(pages))).fetchall())
        return SiteView(name, pages, counts, thresholds)

    def views(self, thresholds: Thresholds) -> dict[str, SiteView]:
        """Every site's view as site() gives it, read in one transaction (a consistent copy)."""
        with _guard(self.path, self._busy):
            self._db.execute("BEGIN")
            try:
                names = [name for (name,) in self._db.execute("SELECT name FROM sites")]
                views = {name: self._load(name, thresholds) for name in sorted(names)}
            finally:
                self._db.execute("COMMIT")
        return {name: view for name, view in views.items() if view is not None}

    def stats(self) -> ProfileStats:
        """How many sites, pages and distinct lines the profile holds."""
        with _guard(self.path, self._busy):
            sites, pages = self._db.execute("SELECT count(*), total(pages) FROM sites").fetchone()
            (lines,) = self._db.execute("SELECT count(*) FROM lines").fetchone()
        return ProfileStats(sites, int(pages), lines)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


_OPEN: dict[tuple[str, int], FrozenProfile] = {}


def close_profiles() -> None:
    """Forget the profiles this process opened (the next clean reads them afresh)."""
    for (_, pid), profile in list(_OPEN.items()):
        if pid == os.getpid():  # a connection inherited through fork is the parent's to close
            profile.close()
    _OPEN.clear()


def open_profile(path: StrPath) -> FrozenProfile:
    """The profile at `path`, opened once per process (a forked worker opens its own)."""
    key = (os.path.abspath(str(path)), os.getpid())
    profile = _OPEN.get(key)
    if profile is None:
        profile = _OPEN[key] = FrozenProfile(path)
    return profile
