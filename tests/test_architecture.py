"""The architecture holds: layers import only downward, no cycles, modules stay small.

The layers, bottom up (docs/architecture.md): errors; zh and the archive limits; the format;
the model; validation, io, parse and render; analysis; the command line and the package.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Collection, Iterator
from pathlib import Path

import pytest

import govdisclosure

PACKAGE = Path(govdisclosure.__file__).parent
#: The layer of each top-level part of the package; a module may import its own layer's
#: parts only where LATERAL allows it, and any lower layer.
LAYERS = {
    "_version": 0,
    "errors": 0,
    "zh": 1,
    "_archive": 1,
    "_format": 2,
    "_model": 3,
    "_validation": 4,
    "_parse": 4,
    "_render": 4,
    "_io": 5,
    "examples": 6,
    "_analysis": 6,
    "cli": 7,
    "__main__": 8,
    "__init__": 8,
}
#: Imports within a layer that the design allows: the Excel summary lists validation
#: findings; load and dump dispatch to the parsers and renderers by file kind.
LATERAL = {("_io", "_validation"), ("_io", "_parse"), ("_io", "_render")}
_NAMED_MODULE = re.compile(r"govdisclosure(?:\.\w+)+(?::\w+)?")
#: The most lines a module may have.
MAX_LINES = 1000


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


class _Imports(ast.NodeVisitor):
    """Every import of a module, at module level or deferred in a function."""

    def __init__(self, name: str, is_package: bool, known: Collection[str]) -> None:
        self.package = name if is_package else name.rpartition(".")[0]
        self.known = known
        self.found: set[str] = set()

    def visit_If(self, node: ast.If) -> None:
        # Imports only for type checkers do not run.
        if isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.orelse:
                self.visit(statement)
            return
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        self.found.update(alias.name for alias in node.names)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.package.split(".")
            base = base[: len(base) - node.level + 1]
            module = ".".join([*base, *([node.module] if node.module else [])])
        else:
            module = node.module or ""
        for alias in node.names:
            # `from package import module` imports the module; anything else, the package.
            submodule = f"{module}.{alias.name}"
            self.found.add(submodule if submodule in self.known else module)

    def visit_Constant(self, node: ast.Constant) -> None:
        # Modules named as strings (importlib, "module:function" dispatch tables).
        if isinstance(node.value, str) and _NAMED_MODULE.fullmatch(node.value):
            self.found.add(node.value.partition(":")[0])


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        visitor = _Imports(name, path.name == "__init__.py", modules)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        graph[name] = {m for m in visitor.found if m in modules and m != name}
    return graph


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of imports, or None (depth-first search without recursion)."""
    state: dict[str, int] = {}
    for root, imported in graph.items():
        if root in state:
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(imported)))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                path = [n for n, _ in stack]
                return [*path[path.index(child) :], child]
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(sorted(graph[child]))))
    return None


def test_no_import_cycle() -> None:
    """No module imports itself through others, deferred imports included."""
    assert _cycle(_graph()) is None


def test_cycle_finder_finds_cycles() -> None:
    """The check above can fail: a made-up cycle is found."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_every_part_has_a_layer() -> None:
    """Each top-level module or package is placed in a layer."""
    assert {_part(m) for m in _modules()} <= set(LAYERS)


def test_layers_import_downward() -> None:
    """A module imports only from lower layers (and the few declared lateral imports)."""
    upward = []
    for module, imported in _graph().items():
        mine = _part(module)
        for other in imported:
            theirs = _part(other)
            if theirs == mine or (mine, theirs) in LATERAL:
                continue
            if LAYERS[theirs] >= LAYERS[mine]:
                upward.append(f"{module} -> {other}")
    assert upward == []


@pytest.mark.parametrize("module", sorted(_modules()))
def test_module_size(module: str) -> None:
    """No module is over MAX_LINES lines."""
    lines = _modules()[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES


def test_every_package_says_what_lives_there() -> None:
    """Each package's __init__ has a docstring saying what it may import."""
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, init
        if init.parent != PACKAGE and init.parent.name not in ("examples", "zh"):
            assert "May import" in doc or "may import" in doc, init
