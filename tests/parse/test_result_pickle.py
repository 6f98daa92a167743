"""A ParseResult pickles and copies whole: a process pool or a Dask worker can send it back."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path
from types import MappingProxyType

import pytest

from govdisclosure._parse import parse_file

CORPUS = Path(__file__).parents[1] / "data" / "corpus"


@pytest.mark.parametrize("name", ["shanghai-bgt-2019.html", "huaian-2024.txt"])
def test_pickle_round_trip(name: str) -> None:
    """The result comes back equal, its warnings, extras and sources included."""
    result = parse_file(CORPUS / name)
    back = pickle.loads(pickle.dumps(result))
    assert back == result
    assert back.warnings == result.warnings
    assert dict(back.sources) == dict(result.sources)
    path = "applications.new_received.total"
    assert back.source_of(path) == result.source_of(path)


def test_mappings_stay_read_only_after_pickling() -> None:
    """The rebuilt result's extra and sources are read-only views again."""
    back = pickle.loads(pickle.dumps(parse_file(CORPUS / "shanghai-bgt-2019.html")))
    assert isinstance(back.extra, MappingProxyType)
    assert isinstance(back.sources, MappingProxyType)
    with pytest.raises(TypeError):
        back.sources["x"] = None  # type: ignore[index]


def test_copy_and_deepcopy() -> None:
    """copy.copy and copy.deepcopy go through the same path."""
    result = parse_file(CORPUS / "shuyang-fgj-2023.html")
    assert copy.copy(result) == result
    assert copy.deepcopy(result) == result
