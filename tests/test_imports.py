"""The import graph, read from the source (tests/importgraph.py): no cycle in sahelclean/ or
bench/, and every module imports only its own layer or lower ones (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT
from .importgraph import cycles, import_graph

# The layers, lowest first: the records and errors; what reads inputs and the vocabulary
# data; text tools and the compiled vocabularies; what is known of sites; the options;
# the classifier, the assembly of a document and its renderings (Markdown, HTML); HTML;
# the one-page pipeline; batches; Dask; the command line; the public API. A module may
# import its own package or a lower layer, never a higher one.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("_version", "errors", "models"),
    ("read", "vocab"),
    ("text",),
    ("sites",),
    ("options",),
    ("classify", "assemble", "render"),
    ("html",),
    ("pipeline",),
    ("batch",),
    ("dask",),
    ("cli",),
    ("__init__", "__main__"),
)


def layer_of(module: str) -> int:
    """The layer of `sahelclean.x.y` (by its first part; the package itself is __init__)."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    for number, names in enumerate(LAYERS):
        if top in names:
            return number
    raise AssertionError(f"{module} belongs to no layer: add {top!r} to LAYERS")


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _named(found: list[list[str]]) -> str:
    return f"{len(found)} import cycle(s): " + "; ".join(" <-> ".join(c) for c in found)


def test_sahelclean_has_no_import_cycle() -> None:
    found = cycles(import_graph(ROOT / "sahelclean"))
    assert not found, _named(found)


def test_bench_has_no_import_cycle() -> None:
    found = cycles(import_graph(ROOT / "bench", ""))
    assert not found, _named(found)


def test_lower_layers_never_import_higher_ones() -> None:
    graph = import_graph(ROOT / "sahelclean")
    upward = [
        f"{module} -> {target}"
        for module, targets in sorted(graph.items())
        for target in sorted(targets)
        if layer_of(target) > layer_of(module)
        or (layer_of(target) == layer_of(module) and package_of(target) != package_of(module))
    ]
    assert upward == []


def test_at_most_twelve_modules_at_the_top() -> None:
    top = sorted(p.name for p in (ROOT / "sahelclean").glob("*.py"))
    assert len(top) <= 12, top


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_cycles_are_named_whatever_the_import_form(tmp_path: Path) -> None:
    """A cycle through a function-level import, a type-only import and `from . import x`
    is found; a package importing a name from its own __init__ makes no cycle."""
    root = _package(
        tmp_path,
        {
            "__init__.py": "from .a import f\nVERSION = '1'\n",
            "a.py": "def f():\n    from .b import g\n    return g\n",
            "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .c import C\n",
            "c.py": "from . import a\nfrom . import VERSION\n",
            "sub/__init__.py": "",
            "sub/d.py": "from ..sub import e\n",
            "sub/e.py": "from .. import c\n",
        },
    )
    graph = import_graph(root)
    assert graph["pkg.c"] == {"pkg.a", "pkg"}
    assert graph["pkg.sub.d"] == {"pkg.sub.e"}
    assert cycles(graph) == [["pkg", "pkg.a", "pkg.b", "pkg.c"]]


@pytest.mark.parametrize(
    ("module", "layer"),
    [("sahelclean.models", 0), ("sahelclean.classify.zones", 5), ("sahelclean", 11)],
)
def test_layer_of(module: str, layer: int) -> None:
    assert layer_of(module) == layer
