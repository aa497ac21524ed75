"""The import graph of a package folder, read from the source with ast (nothing is run).

Every import counts: at module level, inside a function (it runs when the function does),
and under `if TYPE_CHECKING:` too, since a type-only import from a lower layer to a higher
one is the same knot for a reader and for mypy. `python -m tests.importgraph [ROOT...]` prints
the cycles of each root (default: sahelclean and bench of this checkout).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

Graph = dict[str, set[str]]


def module_name(root: Path, path: Path) -> str:
    """`root/a/b.py` -> `pkg.a.b`, `root/a/__init__.py` -> `pkg.a` (pkg: root's name)."""
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement of a module, wherever it stands."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node


def _targets(
    node: ast.Import | ast.ImportFrom, name: str, is_package: bool, known: set[str]
) -> list[str]:
    """The absolute module names an import statement reaches: `from pkg import mod` reaches
    pkg.mod (a submodule), `from pkg import name` reaches pkg (a name defined there)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = name.split(".") if is_package else name.split(".")[:-1]
        base = base[: len(base) - node.level + 1]
        module = ".".join([*base, node.module] if node.module else base)
    else:
        module = node.module or ""
    reached = [f"{module}.{alias.name}" for alias in node.names]
    return [target if target in known else module for target in reached]


def import_graph(root: Path, top: str | None = None) -> Graph:
    """Module -> the modules of the same tree it imports at run time.

    top: the name the tree's modules are imported by (default: the folder's name); bench's
    scripts import each other by their bare names, so theirs is ''.
    """
    paths = sorted(root.rglob("*.py"))
    names = {path: module_name(root, path) for path in paths}
    if top == "":
        names = {
            path: name.split(".", 1)[1] if "." in name else name for path, name in names.items()
        }
    known = set(names.values())
    graph: Graph = {}
    for path, name in names.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        edges = graph.setdefault(name, set())
        for node in _import_nodes(tree):
            for target in _targets(node, name, path.name == "__init__.py", known):
                while target and target not in known:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    edges.add(target)
    return graph


def cycles(graph: Graph) -> list[list[str]]:
    """Each strongly connected component of more than one module (Tarjan), as a sorted list,
    the components sorted: an import cycle each."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent.parent
    roots = [Path(arg) for arg in argv] or [here / "sahelclean", here / "bench"]
    status = 0
    for root in roots:
        found = cycles(import_graph(root, "" if root.name == "bench" else None))
        print(f"{root}: {len(found)} import cycle(s)")
        for component in found:
            print("  " + " <-> ".join(component))
        status |= bool(found)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
