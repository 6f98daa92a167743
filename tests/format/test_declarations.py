"""Tests of the format declarations: paths, labels, versions, sums."""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure import _format


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_cell_paths_equal_paths_md(version: str, data_dir: Path) -> None:
    """cell_paths lists exactly the paths of spec/paths.md, in its order."""
    expected = (data_dir / f"paths-{version}.txt").read_text(encoding="utf-8").split()
    assert list(gd.cell_paths(gd.FormatVersion(version))) == expected


def test_cell_path_counts() -> None:
    """2021 has 200 cells, 2019 has 198."""
    assert (len(gd.cell_paths("2021")), len(gd.cell_paths("2019"))) == (200, 198)


def test_cell_paths_default_is_2021() -> None:
    """Without a version, the current format's paths are listed."""
    assert gd.cell_paths() == gd.cell_paths(gd.FormatVersion.V2021)


@pytest.mark.parametrize(
    ("path", "version", "label"),
    [
        ("applications.granted.total", None, "三、本年度办理结果（一）予以公开 / 总计"),
        (
            "applications.new_received.natural_person",
            None,
            "一、本年新收政府信息公开申请数量 / 自然人",
        ),
        (
            "applications.denied_security_stability.commercial_enterprise",
            None,
            "三、本年度办理结果（三）不予公开3.危及“三安全一稳定” / 法人或其他组织 / 商业企业",
        ),
        (
            "applications.carried_forward.other_org",
            None,
            "四、结转下年度继续办理 / 法人或其他组织 / 其他",
        ),
        ("applications.other_processing.total", None, "三、本年度办理结果（六）其他处理 / 总计"),
        ("proactive_disclosure.rules.issued", None, "第二十条第（一）项 规章 / 本年制发件数"),
        (
            "proactive_disclosure.normative_documents.in_force",
            None,
            "第二十条第（一）项 行政规范性文件 / 现行有效件数",
        ),
        (
            "proactive_disclosure.normative_documents.newly_made",
            None,
            "第二十条第（一）项 规范性文件 / 本年新制作数量",
        ),
        (
            "proactive_disclosure.administrative_fees.amount_10k_yuan",
            None,
            "第二十条第（八）项 行政事业性收费 / 本年收费金额（单位：万元）",
        ),
        (
            "proactive_disclosure.administrative_licensing.decisions",
            "2019",
            "第二十条第（五）项 行政许可 / 处理决定数量",
        ),
        (
            "proactive_disclosure.administrative_licensing.decisions",
            "2021",
            "第二十条第（五）项 行政许可 / 本年处理决定数量",
        ),
        (
            "proactive_disclosure.central_procurement.amount",
            None,
            "第二十条第（九）项 政府集中采购 / 采购总金额",
        ),
        ("review_litigation.review.upheld", None, "行政复议 / 结果维持"),
        ("review_litigation.litigation_direct.total", None, "行政诉讼 / 未经复议直接起诉 / 总计"),
        (
            "review_litigation.litigation_after_review.pending",
            None,
            "行政诉讼 / 复议后起诉 / 尚未审结",
        ),
    ],
)
def test_cell_label(path: str, version: str | None, label: str) -> None:
    """Labels are the official Chinese row and column labels."""
    assert gd.cell_label(path, version) == label


def test_every_label_uses_official_punctuation() -> None:
    """Official labels use full-width brackets and colon and curly quotes only."""
    for version in gd.FormatVersion:
        for path in gd.cell_paths(version):
            label = gd.cell_label(path, version)
            assert not set(label) & set('()":'), (path, label)


def test_unknown_path_names_nearest() -> None:
    """An unknown path raises UnknownPathError naming the nearest valid path."""
    with pytest.raises(gd.UnknownPathError) as info:
        gd.cell_label("applications.granted.totl")
    assert info.value.suggestion == "applications.granted.total"
    assert "did you mean 'applications.granted.total'" in str(info.value)
    assert isinstance(info.value, LookupError)


def test_path_of_other_version_says_so() -> None:
    """A 2019 path asked of the 2021 format says which format lacks it."""
    with pytest.raises(gd.UnknownPathError, match="in the 2021 format"):
        gd.cell_label("applications.other_processing.total", "2021")


def test_path_far_from_everything_has_no_suggestion() -> None:
    """Junk gets no misleading suggestion."""
    with pytest.raises(gd.UnknownPathError) as info:
        gd.cell_label("zzzz")
    assert info.value.suggestion is None


def test_non_string_path_is_a_type_error() -> None:
    """A path must be a str."""
    with pytest.raises(TypeError):
        gd.cell_label(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("year", "version"), [(2019, "2019"), (2020, "2019"), (2021, "2021"), (2040, "2021")]
)
def test_for_year(year: int, version: str) -> None:
    """The 2019 format governs 2019 and 2020; the 2021 format every later year."""
    assert gd.FormatVersion.for_year(year) is gd.FormatVersion(version)


def test_for_year_rejects_early_years_and_wrong_types() -> None:
    """Years before any national format, and non-int years, are refused."""
    with pytest.raises(gd.InvalidReportError, match="2018"):
        gd.FormatVersion.for_year(2018)
    with pytest.raises(TypeError):
        gd.FormatVersion.for_year("2023")  # type: ignore[arg-type]


def test_document_numbers() -> None:
    """Each version names the notice that issued it."""
    assert gd.FormatVersion.V2019.document_number == "国办公开办函〔2019〕60号"
    assert gd.FormatVersion.V2021.document_number == "国办公开办函〔2021〕30号"


@pytest.mark.parametrize("version", list(gd.FormatVersion))
def test_sums_refer_to_existing_cells(version: gd.FormatVersion) -> None:
    """Every declared sum's total and parts are cells of its version."""
    spec = _format.format_spec(version)
    for total in spec.sums:
        assert total.total in spec.by_path
        assert all(path in spec.by_path for path, _ in total.parts)


def test_results_total_adds_every_result_row() -> None:
    """（七）总计 adds 21 result rows in 2021 and 19 in 2019."""
    for version, rows in ((gd.FormatVersion.V2021, 21), (gd.FormatVersion.V2019, 19)):
        sums = _format.format_spec(version).sums
        total = next(s for s in sums if s.total == "applications.results_total.natural_person")
        assert len(total.parts) == rows


def test_table_row_lookup() -> None:
    """Rows are found by id; a missing id raises KeyError."""
    table = _format.format_spec("2021").tables[1]
    assert table.row("carried_forward").label == "四、结转下年度继续办理"
    with pytest.raises(KeyError):
        table.row("nope")


def test_column_label_joins_levels() -> None:
    """A column's label joins its header levels."""
    assert _format.APPLICANT_COLUMNS[1].label == "法人或其他组织 / 商业企业"
