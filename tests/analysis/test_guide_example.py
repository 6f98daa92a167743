"""The worked example of the researcher's guide runs as printed and draws the expected chart.

The code is read from docs/guide-research.md itself (every ``python`` block of its section
"6. 实例"), so the page and this test cannot drift apart.
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
from pathlib import Path
from types import ModuleType

import pytest

import govdisclosure as gd

ROOT = Path(__file__).parents[2]
GUIDE = ROOT / "docs" / "guide-research.md"
SECTION = "## 6. 实例"


def _need(name: str) -> ModuleType:
    """The module; in CI (where the test extra installs it) its absence is a failure."""
    if os.environ.get("CI"):
        return importlib.import_module(name)
    return pytest.importorskip(name)


def _example() -> list[str]:
    """The python blocks of the guide's worked example, in order."""
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    section = text[start : end if end >= 0 else len(text)]
    return re.findall(r"^```python\n(.*?)^```$", section, flags=re.DOTALL | re.MULTILINE)


def test_the_example_is_found() -> None:
    """The section exists and has the blocks the test runs."""
    blocks = _example()
    assert len(blocks) == 3
    assert "fig.savefig" in blocks[-1]


# Without a CJK font (a developer's machine) matplotlib draws the Chinese labels as boxes and
# says so; the figure's data is what is checked here.
@pytest.mark.filterwarnings("ignore:Glyph .* missing from font:UserWarning")
def test_worked_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in a copy of the project's corpus: the PNG is written, the bars are 公开率 by year."""
    _need("pandas")
    matplotlib = _need("matplotlib")
    shutil.copytree(ROOT / "tests" / "data" / "corpus", tmp_path / "tests" / "data" / "corpus")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "guide_example"}
    with matplotlib.rc_context():  # the example's font settings end with the test
        for block in _example():
            exec(compile(block, str(GUIDE), "exec"), namespace)  # the guide's own code

    png = tmp_path / "公开率.png"
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert png.stat().st_size > 5000

    reports = [
        gd.parse_file(p).report
        for p in sorted(tmp_path.glob("tests/data/corpus/*"))
        if p.suffix in {".html", ".txt", ".md"} and p.name != "README.md"
    ]
    by_year: dict[int, list[float]] = {}
    for report in reports:
        rate = gd.indicators(report)["disclosure_rate"]
        if rate is not None:
            by_year.setdefault(report.meta.year, []).append(float(rate))
    expected = {str(year): 100 * sum(v) / len(v) for year, v in sorted(by_year.items())}
    assert expected.keys() == {"2021", "2022", "2023", "2024"}

    ax = namespace["ax"]
    labels = [label.get_text() for label in ax.get_xticklabels()]  # type: ignore[attr-defined]
    heights = [bar.get_height() for bar in ax.patches]  # type: ignore[attr-defined]
    assert labels == list(expected)
    assert heights == pytest.approx(list(expected.values()))
    assert ax.get_ylabel() == "公开率（%）"  # type: ignore[attr-defined]
    assert len(namespace["failed"]) == 10  # type: ignore[arg-type]
    assert len(namespace["wide"]) == 9  # type: ignore[arg-type]

    import matplotlib.pyplot as plt

    plt.close("all")
