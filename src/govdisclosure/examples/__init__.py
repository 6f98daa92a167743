"""Sample reports bundled with the package, for trying the library and for tests.

>>> import govdisclosure as gd
>>> gd.examples.names()
('qijiang-psb-2023',)
>>> gd.examples.load("qijiang-psb-2023").meta.agency
'重庆市綦江区公安局'
>>> gd.examples.load("qijiang")
Traceback (most recent call last):
...
govdisclosure.errors.UnknownExampleError: no example named 'qijiang'; available: qijiang-psb-2023
"""

from __future__ import annotations

from importlib import resources

from govdisclosure._model.report import AnnualReport
from govdisclosure.errors import UnknownExampleError

__all__ = ["load", "names", "path"]

_NAMES = ("qijiang-psb-2023",)


def names() -> tuple[str, ...]:
    """Return the names of the bundled sample reports."""
    return _NAMES


def path(name: str) -> str:
    """Return the file system path of a sample's JSON file.

    Raises:
        UnknownExampleError: no sample has that name.
    """
    _check(name)
    return str(resources.files(__name__).joinpath(f"{name}.json"))


def _check(name: str) -> None:
    if name not in _NAMES:
        raise UnknownExampleError(
            f"no example named {name!r}; available: {', '.join(_NAMES)}",
            detail_zh=f"没有名为 {name!r} 的示例报告；可用的示例：{', '.join(_NAMES)}",
        )


def load(name: str) -> AnnualReport:
    """Return a bundled sample report.

    Args:
        name: one of :func:`names`, e.g. ``"qijiang-psb-2023"`` (重庆市綦江区公安局's report
            for 2023, transcribed from the published document).

    Raises:
        UnknownExampleError: no sample has that name.
    """
    from govdisclosure._io.json import from_json

    _check(name)
    return from_json(resources.files(__name__).joinpath(f"{name}.json").read_bytes())
