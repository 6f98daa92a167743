"""Tests of the JSON form: round trips, strict reading with paths, and the JSON Schema."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from strategies import reports

SCHEMA_VALIDATOR = jsonschema.Draft202012Validator(gd.json_schema())


@given(reports())
def test_json_round_trip(report: gd.AnnualReport) -> None:
    """from_json(to_json(r)) == r for reports of both versions."""
    assert gd.from_json(gd.to_json(report)) == report


@given(reports())
def test_dict_round_trip_and_schema_accepts(report: gd.AnnualReport) -> None:
    """from_dict(to_dict(r)) == r, and the schema accepts every written document."""
    data = gd.to_dict(report)
    assert gd.from_dict(copy.deepcopy(data)) == report
    SCHEMA_VALIDATOR.validate(data)


def test_json_form_of_the_sample() -> None:
    """Money is a string, Chinese is unescaped, blank cells are null, schema marker first."""
    text = gd.to_json(gd.examples.load("qijiang-psb-2023"))
    data = json.loads(text)
    assert next(iter(data)) == "schema"
    assert data["schema"] == "govdisclosure/report/v1"
    assert data["proactive_disclosure"]["administrative_fees"]["amount_10k_yuan"] == "110"
    assert "重庆市綦江区公安局" in text
    blank = gd.to_dict(gd.AnnualReport.blank(agency="x", year=2023))
    assert blank["applications"]["granted"]["total"] is None


def test_decimal_and_date_forms() -> None:
    """Decimals keep their places and never use exponents; dates are ISO 8601."""
    report = gd.AnnualReport.blank(agency="x", year=2019, published_on=gd_date()).with_cells(
        {
            "proactive_disclosure.central_procurement.amount": Decimal("1E+3"),
            "proactive_disclosure.rules.newly_made": 10**40,
        }
    )
    data = gd.to_dict(report)
    assert data["proactive_disclosure"]["central_procurement"]["amount"] == "1000"
    assert data["meta"]["published_on"] == "2020-01-31"
    assert gd.from_json(gd.to_json(report, indent=None)) == report


def gd_date() -> Any:
    import datetime as dt

    return dt.date(2020, 1, 31)


def test_to_dict_rejects_non_reports() -> None:
    """to_dict takes an AnnualReport only."""
    with pytest.raises(TypeError):
        gd.to_dict({"meta": {}})  # type: ignore[arg-type]


def _sample_dict() -> dict[str, Any]:
    return gd.to_dict(gd.examples.load("qijiang-psb-2023"))


def _problems(data: object) -> tuple[str, ...]:
    with pytest.raises(gd.ReportDataError) as info:
        gd.from_dict(data)
    assert str(info.value).count("\n") == len(info.value.problems)
    return info.value.problems


def test_error_names_the_json_path() -> None:
    """A wrong type is reported with its JSON path and the value found."""
    data = _sample_dict()
    data["applications"]["new_received"]["total"] = "abc"
    assert _problems(data) == ('$.applications.new_received.total: expected an integer, got "abc"',)


def test_all_problems_are_collected() -> None:
    """Every bad path is reported at once, not only the first."""
    data = _sample_dict()
    data["applications"]["new_received"]["total"] = "abc"
    data["applications"]["granted"]["extra"] = 1
    del data["review_litigation"]["review"]["upheld"]
    data["meta"]["published_on"] = "2023-02-30"
    data["meta"]["agency_level"] = "county"
    data["proactive_disclosure"]["administrative_fees"]["amount_10k_yuan"] = 1.5
    data["proactive_disclosure"]["notes"] = "x"
    data["overview"]["text"] = None
    data["preface"] = 3
    data["unknown"] = {}
    del data["other_matters"]
    problems = _problems(data)
    paths = {problem.split(":")[0] for problem in problems}
    assert paths == {
        "$.applications.new_received.total",
        "$.applications.granted.extra",
        "$.review_litigation.review.upheld",
        "$.meta.published_on",
        "$.meta.agency_level",
        "$.proactive_disclosure.administrative_fees.amount_10k_yuan",
        "$.proactive_disclosure.notes",
        "$.overview.text",
        "$.preface",
        "$.unknown",
        "$.other_matters",
    }
    assert "$.review_litigation.review.upheld: required key missing" in problems
    assert "$.applications.granted.extra: unknown key" in problems


def test_missing_and_wrong_schema_marker() -> None:
    """The schema marker is required and must be ours."""
    data = _sample_dict()
    data["schema"] = "other/v9"
    assert _problems(data) == ('$.schema: is "other/v9"; expected "govdisclosure/report/v1"',)
    del data["schema"]
    assert _problems(data) == ('$.schema: missing; expected "govdisclosure/report/v1"',)


def test_missing_sections() -> None:
    """Each missing section is named."""
    problems = _problems({"schema": "govdisclosure/report/v1"})
    assert len(problems) == 8
    assert all(p.endswith("required key missing") for p in problems)


def test_other_format_table_is_explained() -> None:
    """A 2019 table 2 in a 2021 report is named as such."""
    data = gd.to_dict(gd.AnnualReport.blank(agency="x", year=2020))
    data["meta"]["format_version"] = "2021"
    data["meta"]["year"] = 2023
    problems = _problems(data)
    assert problems[0].startswith("$.proactive_disclosure: this table is in the 2019 format")
    assert problems[1].startswith("$.applications: this table is in the 2019 format")


def test_version_guessed_from_year_when_format_missing() -> None:
    """Without format_version, tables are checked against the year's format."""
    data = gd.to_dict(gd.AnnualReport.blank(agency="x", year=2020))
    del data["meta"]["format_version"]
    assert _problems(data) == ("$.meta.format_version: required key missing",)


def test_section_not_an_object() -> None:
    """A section that is not an object is reported at its path."""
    data = _sample_dict()
    data["review_litigation"] = []
    assert _problems(data) == ("$.review_litigation: expected an object, got []",)


@pytest.mark.parametrize("value", [None, [], "report", 3])
def test_top_level_must_be_an_object(value: object) -> None:
    """The document itself must be an object."""
    assert _problems(value)[0].startswith("$: expected an object")


def test_integral_float_is_an_integer() -> None:
    """5.0 is the integer 5 in JSON (and in JSON Schema); 5.5 and true are not."""
    data = _sample_dict()
    data["applications"]["new_received"]["total"] = 5.0
    assert gd.from_dict(data).cell("applications.new_received.total") == 5
    data["applications"]["new_received"]["total"] = 5.5
    assert _problems(copy.deepcopy(data))[0].endswith("got 5.5")
    data["applications"]["new_received"]["total"] = True
    assert _problems(data)[0].endswith("got true")


def test_long_values_are_shortened_in_messages() -> None:
    """A long wrong value is cut in the message."""
    data = _sample_dict()
    data["applications"]["new_received"]["total"] = "x" * 1000
    assert len(_problems(data)[0]) < 120


def test_many_problems_are_capped_in_the_message() -> None:
    """Hundreds of problems are all in .problems; the message shows the first 200."""
    data = _sample_dict()
    for row in data["applications"].values():
        if isinstance(row, dict):
            for column in row:
                row[column] = "x"
    for group in ("review", "litigation_direct", "litigation_after_review"):
        for key in data["review_litigation"][group]:
            data["review_litigation"][group][key] = "x"
    with pytest.raises(gd.ReportDataError) as info:
        gd.from_dict(data)
    assert len(info.value.problems) == 190
    data["proactive_disclosure"]["rules"] = {f"k{i}": 1 for i in range(30)}
    with pytest.raises(gd.ReportDataError) as info:
        gd.from_dict(data)
    assert "… and" in str(info.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"\xff\xfe{}", "not valid UTF-8: byte 0xff at offset 0"),
        ('{"schema": ', "not valid JSON: Expecting value at line 1 column 12"),
        ("", "not valid JSON"),
        ("[" * 100_000, "not readable JSON"),
        ("1" * 5000, "not readable JSON"),
        ("null", "$: expected an object, got null"),
    ],
)
def test_from_json_bad_text(text: str | bytes, message: str) -> None:
    """Invalid UTF-8, truncated or unreadable JSON raise ReportDataError saying why."""
    with pytest.raises(gd.ReportDataError) as info:
        gd.from_json(text)
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)


def test_from_json_accepts_bytes_with_bom() -> None:
    """UTF-8 bytes, with or without a BOM, are read."""
    text = gd.to_json(gd.examples.load("qijiang-psb-2023"))
    assert gd.from_json(b"\xef\xbb\xbf" + text.encode()) == gd.from_json(bytearray(text.encode()))


def test_from_json_rejects_other_types() -> None:
    """from_json takes text or bytes only."""
    with pytest.raises(TypeError):
        gd.from_json(3)  # type: ignore[arg-type]


def test_big_document_is_read_quickly() -> None:
    """A 50 MB document (a huge text section) is read, not choked on."""
    data = _sample_dict()
    data["overview"]["text"] = "政" * (50 * 1024 * 1024 // 3)
    report = gd.from_json(json.dumps(data, ensure_ascii=False).encode())
    assert len(report.overview.text) == 50 * 1024 * 1024 // 3


def test_big_junk_document_is_refused_with_paths() -> None:
    """Half a million junk keys are refused quickly, listing the first 200."""
    data = _sample_dict()
    data["applications"]["granted"].update({f"junk{i}": i for i in range(500_000)})
    with pytest.raises(gd.ReportDataError, match="unknown key"):
        gd.from_json(json.dumps(data))


# -- the JSON Schema accepts exactly what from_dict accepts --------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=5)
    | st.sampled_from(
        ["2021", "2019", "2023-02-29", "2024-02-29", "1.5", "-0", "1e3", "department"]
    ),
    lambda children: (
        st.lists(children, max_size=2) | st.dictionaries(st.text(max_size=3), children, max_size=2)
    ),
    max_leaves=4,
)


def _locations(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_locations(value, (*prefix, key)))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    report = draw(reports())
    data = gd.to_dict(report)
    for _ in range(draw(st.integers(1, 3))):
        locations = _locations(data)
        where = draw(st.sampled_from(locations))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if not where:
            if action == "replace":
                data = draw(json_values)
            continue
        parent = data
        for key in where[:-1]:
            parent = parent[key]
        if not isinstance(parent, dict):
            continue
        if action == "replace":
            parent[where[-1]] = draw(json_values)
        elif action == "delete":
            del parent[where[-1]]
        else:
            parent[draw(st.text(min_size=1, max_size=4))] = draw(json_values)
    return data


def _schema_accepts(data: Any) -> bool:
    return SCHEMA_VALIDATOR.is_valid(data)


def _reader_accepts(data: Any) -> bool:
    try:
        gd.from_dict(copy.deepcopy(data))
    except gd.ReportDataError:
        return False
    return True


@given(mutated_documents())
def test_schema_and_reader_agree(data: Any) -> None:
    """For any document, the JSON Schema and from_dict accept or refuse it together."""
    assert _schema_accepts(data) == _reader_accepts(data)


@pytest.mark.parametrize(
    ("path", "value", "accepted"),
    [
        (("meta", "published_on"), "2024-02-29", True),
        (("meta", "published_on"), "2023-02-29", False),
        (("meta", "published_on"), "2000-02-29", True),
        (("meta", "published_on"), "1900-02-29", False),
        (("meta", "published_on"), "0000-01-01", False),
        (("meta", "published_on"), "2023-04-31", False),
        (("meta", "published_on"), "20230101", False),
        (("proactive_disclosure", "administrative_fees", "amount_10k_yuan"), "-0.50", True),
        (("proactive_disclosure", "administrative_fees", "amount_10k_yuan"), "01", False),
        (("proactive_disclosure", "administrative_fees", "amount_10k_yuan"), "1e3", False),
        (("proactive_disclosure", "administrative_fees", "amount_10k_yuan"), " 1", False),
        (("applications", "granted", "total"), 5.0, True),
        (("applications", "granted", "total"), False, False),
        (("meta", "agency_level"), None, True),
        (("meta", "format_version"), "2019", False),
    ],
)
def test_schema_and_reader_agree_on_edge_values(
    path: tuple[str, ...], value: Any, accepted: bool
) -> None:
    """Dates (leap years), decimals and numbers at the edges: both sides agree."""
    data = _sample_dict()
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    assert _schema_accepts(data) is accepted
    assert _reader_accepts(data) is accepted


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The schema itself passes the draft 2020-12 metaschema."""
    jsonschema.Draft202012Validator.check_schema(gd.json_schema())


def test_size_limit() -> None:
    """Documents over max_bytes are refused before parsing; None lifts the limit."""
    text = gd.to_json(gd.examples.load("qijiang-psb-2023"))
    with pytest.raises(gd.ReportDataError, match="more than the limit of 100"):
        gd.from_json(text, max_bytes=100)
    assert gd.from_json(text, max_bytes=None).meta.year == 2023


def test_duplicate_keys_are_refused_with_their_path() -> None:
    """A key given twice in one object is an error naming its path (not last-one-wins)."""
    text = gd.to_json(gd.examples.load("qijiang-psb-2023"))
    text = text.replace('"year": 2023,', '"year": 2000, "year": 2023,', 1)
    assert text.count('"year": 2000') == 1
    with pytest.raises(gd.ReportDataError) as caught:
        gd.from_json(text)
    assert caught.value.problems == ("$.meta.year: duplicate key (each key may appear once)",)


@pytest.mark.parametrize("where", ["json", "dict"])
def test_lone_surrogates_are_refused_with_their_path(where: str) -> None:
    """A lone surrogate in a text is refused on the way in, so dump cannot fail later."""
    data = gd.to_dict(gd.examples.load("qijiang-psb-2023"))
    data["preface"] = "前言\ud800"
    data["other_matters"]["text"] = "\udfff"
    text = json.dumps(data)  # the escapes "\\ud800", as a JSON file has them
    with pytest.raises(gd.ReportDataError) as caught:
        gd.from_json(text) if where == "json" else gd.from_dict(data)
    why = "in the text (not a character; the text must be valid Unicode)"
    assert caught.value.problems == (
        f"$.preface: lone surrogate \\ud800 {why}",
        f"$.other_matters.text: lone surrogate \\udfff {why}",
    )
    data["preface"] = "前言😀"  # a surrogate pair in JSON is one character, and fine
    data["other_matters"]["text"] = "无。"
    assert gd.from_json(json.dumps(data)).preface == "前言😀"


def test_json_file_size_is_checked_before_reading(tmp_path: Path) -> None:
    """A huge sparse file, or a link to an endless device, fails at once with the limit."""
    from govdisclosure._io.json import DEFAULT_MAX_BYTES

    sparse = tmp_path / "huge.json"
    with sparse.open("wb") as handle:
        handle.truncate(3 * 1024**3)
    with pytest.raises(gd.ReportDataError) as caught:
        gd.load(sparse)
    assert str(caught.value) == (
        f"{sparse}: the file is 3,221,225,472 bytes, more than the limit of "
        f"{DEFAULT_MAX_BYTES:,} (a report is some tens of kilobytes; raise max_bytes to read "
        "it anyway)"
    )
    if not Path("/dev/zero").exists():  # pragma: no cover - not POSIX
        return
    endless = tmp_path / "x.json"
    endless.symlink_to("/dev/zero")
    with pytest.raises(gd.ReportDataError, match="not a regular file"):
        gd.load(endless)
