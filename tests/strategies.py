"""Hypothesis strategies for every section class, and for whole reports of both formats.

Strategies are derived from the classes' type hints, so a field added to the model is
generated without a change here.
"""

from __future__ import annotations

import datetime as dt
import typing
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure._model.report import TABLE_CLASSES

# Text as reports hold it, and worse: newlines, tabs, quotes, emoji, full-width forms.
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40
) | st.sampled_from(["", "\n", "一、总体情况\n（一）主动公开。内容", "😀 \t \"'<>|", "="])
counts = (
    st.none()
    | st.integers(min_value=-5, max_value=50)
    | st.integers(min_value=-(10**30), max_value=10**30)
)
money = st.none() | st.integers(min_value=0, max_value=12).flatmap(
    lambda places: st.decimals(
        min_value=-(10**15), max_value=10**15, places=places, allow_nan=False, allow_infinity=False
    )
)


def _optional(tp: Any) -> tuple[Any, bool]:
    args = typing.get_args(tp)
    if type(None) in args:
        return next(a for a in args if a is not type(None)), True
    return tp, False


def for_type(tp: Any) -> st.SearchStrategy[Any]:
    """A strategy for one field type of the model."""
    inner, optional = _optional(tp)
    if inner is int:
        strategy: st.SearchStrategy[Any] = counts
        return strategy
    if inner is Decimal:
        return money
    if inner is str:
        strategy = texts
    elif inner is dt.date:
        strategy = st.dates()
    elif isinstance(inner, type) and issubclass(inner, gd.AgencyLevel):
        strategy = st.sampled_from(gd.AgencyLevel)
    elif typing.get_origin(inner) is tuple:
        strategy = st.lists(texts, max_size=3).map(tuple)
    elif attrs.has(inner):
        strategy = section(inner)
    else:  # pragma: no cover - a new field type wants a strategy here
        raise TypeError(f"no strategy for {tp!r}")
    return st.none() | strategy if optional else strategy


def section(cls: type) -> st.SearchStrategy[Any]:
    """A strategy for any section, row or table class of the model."""
    hints = typing.get_type_hints(cls)
    return st.builds(cls, **{f.name: for_type(hints[f.name]) for f in attrs.fields(cls)})


def meta(version: gd.FormatVersion) -> st.SearchStrategy[gd.ReportMeta]:
    """Report facts for a version, with a year that the version covers."""
    years = (2019, 2020) if version is gd.FormatVersion.V2019 else range(2021, 2031)
    return st.builds(
        gd.ReportMeta,
        agency=texts,
        year=st.sampled_from(list(years)),
        format_version=st.just(version),
        title=st.none() | texts,
        published_on=st.none() | st.dates(),
        agency_level=st.none() | st.sampled_from(gd.AgencyLevel),
        source=st.none() | texts,
    )


def reports(version: gd.FormatVersion | None = None) -> st.SearchStrategy[gd.AnnualReport]:
    """Whole reports of one format version, or of either."""
    if version is None:
        return st.sampled_from(gd.FormatVersion).flatmap(reports)
    tables = TABLE_CLASSES[version]
    return st.builds(
        gd.AnnualReport,
        meta=meta(version),
        preface=st.none() | texts,
        overview=section(gd.Overview),
        proactive_disclosure=section(tables["proactive_disclosure"]),
        applications=section(tables["applications"]),
        review_litigation=section(gd.ReviewLitigation),
        problems_improvements=section(gd.ProblemsImprovements),
        other_matters=section(gd.OtherMatters),
    )
