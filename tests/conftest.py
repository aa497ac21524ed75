"""Shared paths and helpers for the tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# No property test may pass or fail by how fast the machine is (issue 16): no per-example
# deadline, and no health check on slow data generation. Each test's own settings add to
# this profile.
settings.register_profile("sahelclean", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("sahelclean")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"


def need_shared(path: Path) -> Path:
    """Return a path under ../shared; fail in CI when it is missing, skip elsewhere."""
    if path.exists():
        return path
    message = f"{path} is missing (the ../shared folder beside the checkout)"
    if IN_CI:
        pytest.fail(f"{message}; CI always has it")
    pytest.skip(message)
    raise AssertionError("unreachable")


@pytest.fixture
def seed_dir() -> Path:
    """The user's example page and its expected result."""
    return need_shared(SHARED / "seed")


@pytest.fixture
def corpora_dir() -> Path:
    """The dev corpora with human gold."""
    return need_shared(SHARED / "corpora" / "dev")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A Dask cluster of two worker processes on this machine (skips without Dask)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster: Any) -> Iterator[Any]:
    """A client of the cluster."""
    distributed = pytest.importorskip("distributed")
    with distributed.Client(cluster) as connected:
        yield connected
