"""No import circles among mockinterview's modules, not even hidden ones.

Every ``import`` is counted, at module top level, inside functions and under
``if TYPE_CHECKING:`` alike: an import inside a function that closes a circle works
only because of *when* it runs, and that is the kind of knot this test refuses.
An edge goes to the module named (``from mockinterview.content import yamlio`` is an
edge to ``mockinterview.content.yamlio``) and to each package above it that Python
runs first (``mockinterview.content``), except the importer's own parent packages,
which are always loaded before it.

Allowed by design (the lead's rule): ``mockinterview.cli`` imports its command modules
to register them with the app. Today that closes no circle, so nothing is exempt; if
it ever does, add the edge to ``ALLOWED`` with a reason.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import mockinterview

ROOT = Path(mockinterview.__file__).resolve().parent
#: (importer, imported) edges that are allowed to close a circle.
ALLOWED: frozenset[tuple[str, str]] = frozenset()


def module_name(path: Path) -> str:
    parts = ["mockinterview", *path.relative_to(ROOT).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _imported(node: ast.AST, current: str, is_package: bool, known: set[str]) -> Iterator[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name in known:
                yield alias.name
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = current.split(".") if is_package else current.split(".")[:-1]
            base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
            target = ".".join([*base, node.module] if node.module else base)
        else:
            target = node.module or ""
        for alias in node.names:
            sub = f"{target}.{alias.name}"
            if sub in known:
                yield sub  # ``from package import module``
            elif target in known:
                yield target  # ``from module import name``


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    known = set(modules)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            for target in _imported(node, name, path.name == "__init__.py", known):
                for module in (target, *_parents(target)):
                    if module != name and not _is_parent(module, name) and (name, module) not in ALLOWED:
                        graph[name].add(module)
    return graph


def _parents(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _is_parent(package: str, module: str) -> bool:
    return module.startswith(package + ".")


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_one_cycle(graph, comp) for comp in components]


def _one_cycle(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """A concrete path a -> b -> ... -> a inside one strongly connected component."""
    members = set(component)
    start = component[0]
    # Breadth-first from start back to start, staying inside the component.
    paths: dict[str, list[str]] = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & members):
            if w == start:
                return [*paths[v], start]
            if w not in paths:
                paths[w] = [*paths[v], w]
                queue.append(w)
    return component  # pragma: no cover - a component always holds a cycle


def test_graph_sees_function_level_imports() -> None:
    graph = import_graph()
    assert "mockinterview.content.yamlio" in graph["mockinterview.content.queries"]  # imported inside a function
    assert "mockinterview.cli.app" in graph["mockinterview.cli.show"]
    assert "mockinterview.content" in graph["mockinterview.scoring.inputs"]  # the package runs first
    assert "mockinterview.cli" not in graph["mockinterview.cli.show"]  # its own package: loaded before it


def test_finder_names_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(graph) == [["a", "b", "c", "a"]]


def test_no_import_cycles() -> None:
    cycles = find_cycles(import_graph())
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)
