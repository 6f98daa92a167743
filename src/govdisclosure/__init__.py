"""govdisclosure: China's government information disclosure annual reports as data.

政府信息公开工作年度报告的 Python 工具库: a typed model of the national format (2019 and
2021), cell paths, JSON, checks, workbooks and documents.

>>> import govdisclosure as gd
>>> report = gd.examples.load("qijiang-psb-2023")
>>> report.meta.agency, report.meta.year
('重庆市綦江区公安局', 2023)
>>> report.cell("proactive_disclosure.administrative_licensing.decisions")
147362
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from typing import Any

from govdisclosure._version import __version__ as __version__


def _declared_api() -> dict[str, str]:
    """Each public name and the module that defines it, read from ``__init__.pyi``.

    The stub is the one declaration of the public API: type checkers read it, and so does
    this function (Scientific Python SPEC 1). Every name is loaded on first use, so that
    ``import govdisclosure`` stays fast.
    """
    stub = Path(__file__).with_suffix(".pyi").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    for node in ast.parse(stub).body:
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                # `from govdisclosure import zh as zh` declares a public submodule.
                target = (
                    f"{node.module}.{alias.name}"
                    if node.module == __name__
                    else f"{node.module}:{alias.name}"
                )
                names[alias.asname or alias.name] = target
    return names


_API = _declared_api()
__all__ = sorted(_API)  # noqa: PLE0605 - built from the one declaration, the stub


def __getattr__(name: str) -> Any:
    target = _API.get(name)
    if target is None:
        raise AttributeError(f"module 'govdisclosure' has no attribute {name!r}")
    module, _, attribute = target.partition(":")
    loaded = importlib.import_module(module)
    value = getattr(loaded, attribute) if attribute else loaded
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
