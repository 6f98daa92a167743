"""The validation package's imports: no cycle, and only the layers below it.

Read from the source with :mod:`ast`: imports at module level and inside functions alike
(a deferred import closes a cycle as surely as any other); imports under
``if TYPE_CHECKING:`` are left out, since they never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import govdisclosure

PACKAGE = Path(govdisclosure.__file__).parent
VALIDATION = "govdisclosure._validation"
#: What the package's docstring says it may import (besides itself and the standard library).
ALLOWED = (
    "govdisclosure._format",
    "govdisclosure._model",
    "govdisclosure.zh",
    "govdisclosure.errors",
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for other in child.orelse:
                yield from _import_nodes(other)
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        else:
            yield from _import_nodes(child)


def _ancestors(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def imports(module: str) -> set[str]:
    """The modules of govdisclosure that ``module`` imports, run-time imports only.

    Importing ``a.b.c`` also runs the ``__init__`` of ``a.b``, so the packages on the way
    count too (those that hold ``module`` itself are already running).
    """
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:  # relative: from the package, up level - 1 packages
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], *filter(None, [base])])
            # `from package import module` imports the module.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        for target in targets:
            if target in MODULES:
                found.add(target)
                found.update(a for a in _ancestors(target) if a in MODULES)
    found -= {module, *_ancestors(module)}
    return found


GRAPH = {module: imports(module) for module in MODULES}


def _cycle_through(start: str) -> list[str] | None:
    """A path of imports from ``start`` back to itself, if there is one."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        module, path = stack.pop()
        for target in sorted(GRAPH[module]):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


def test_the_graph_is_read() -> None:
    """The checker sees the package's imports (so that an empty graph cannot pass)."""
    assert f"{VALIDATION}.engine" in MODULES
    assert f"{VALIDATION}.catalogue" in GRAPH[f"{VALIDATION}.engine"]
    assert "govdisclosure._format" in GRAPH[f"{VALIDATION}.context"]


def test_no_import_cycle_through_validation() -> None:
    """No module of the validation package is on an import cycle, deferred imports included."""
    cycles = [c for m in MODULES if m.startswith(VALIDATION) if (c := _cycle_through(m))]
    assert cycles == []


def test_validation_imports_only_the_layers_below() -> None:
    """The validation package imports only what its docstring allows."""
    outside = {
        (module, target)
        for module, targets in GRAPH.items()
        if module.startswith(VALIDATION)
        for target in targets
        if not target.startswith(VALIDATION)
        and not any(target == a or target.startswith(f"{a}.") for a in ALLOWED)
    }
    assert outside == set()
