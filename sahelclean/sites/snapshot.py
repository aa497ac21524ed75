"""A site profile frozen in memory for a cluster run: read once by the driver, shipped to workers.

Workers of `clean --scheduler ... --profile` do not open the SQLite file. The driver reads
the view of every site (its page count and the lines frequent enough to matter, as
FrozenProfile.site gives them) in one read transaction, and Dask ships that copy to each
worker once. So a run cleans with the profile as it was when it started, even while its
own `--learn` writes to it; the workers need no access to the file (SQLite in WAL mode
must not be shared over a network file system); and a long-lived worker never keeps a
profile cached from an earlier run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from .profile import SiteView, Thresholds


@dataclass(frozen=True, slots=True)
class ProfileSnapshot:
    """Every site's view of a profile, for one set of thresholds."""

    path: str  # the profile as Options.profile names it
    thresholds: Thresholds
    views: Mapping[str, SiteView]

    def site(self, name: str, thresholds: Thresholds) -> SiteView | None:
        """The site's view (None for a site the profile does not know), as FrozenProfile.site."""
        if thresholds != self.thresholds:
            from .profiledb import ProfileError

            raise ProfileError(
                "the profile was read for other --profile-min-* thresholds; read it again",
                self.path,
            )
        return self.views.get(name)


def take_snapshot(path: str, thresholds: Thresholds) -> ProfileSnapshot:
    """Read the profile at `path` whole (ProfileError if it cannot be read)."""
    from .profiledb import FrozenProfile

    profile = FrozenProfile(path)
    try:
        return ProfileSnapshot(path, thresholds, profile.views(thresholds))
    finally:
        profile.close()


_SHIPPED: ContextVar[ProfileSnapshot | None] = ContextVar("sahelclean_profile", default=None)


@contextmanager
def shipped(snapshot: ProfileSnapshot | None) -> Iterator[None]:
    """Within the block, cleaning in this thread reads the profile from this snapshot."""
    token = _SHIPPED.set(snapshot)
    try:
        yield
    finally:
        _SHIPPED.reset(token)


def shipped_profile(path: str) -> ProfileSnapshot | None:
    """The snapshot of this profile shipped to the current thread, if any."""
    snapshot = _SHIPPED.get()
    return snapshot if snapshot is not None and snapshot.path == path else None
