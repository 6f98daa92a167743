"""Conformance: every real report in tests/data/corpus parses to its .expected.json."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure._parse import ParseResult, WarningCode, parse_file

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
FILES = sorted(
    p.name for p in CORPUS.iterdir() if p.suffix in (".html", ".txt", ".md") and p.stem != "README"
)

#: Section texts each report must yield: (start, end) of the text, and the printed heading
#: when it differs from the official one.
SECTIONS: dict[str, dict[str, tuple[str, str, str | None]]] = {
    "pingtan-2022-flat.txt": {
        "overview": ("2022年，平潭综合实验区坚持", "严重后果的情况。", None),
        "problems_improvements": ("2022年，平潭综合实验区政府信息公开工作", "提高解读效果。", None),
        "other_matters": ("2022年，无收取信息处理费情况。", "无收取信息处理费情况。", None),
    },
    "hongze-2024.txt": {
        "overview": (
            "2024 年，淮安市洪泽区人民政府坚持",
            "及时转载党中央、国务院重大方针政策。",
            None,
        ),
        "problems_improvements": ("2024 年，全区政府信息公开工作", "业务工作水平。", None),
        "other_matters": ("2024 年，区政府严格落实", "信息处理费 0 元。", None),
    },
    "qijiang-psb-2023.txt": {
        "overview": ("2023年，綦江区公安局", "通过复查。", None),
        "problems_improvements": (
            "（一）当前存在的主要问题。",
            "提高信息质量。",
            "五、当前存在的主要问题及下步改进措施",
        ),
        "other_matters": ("无。", "无。", None),
    },
    "shanghai-bgt-2019.html": {
        "overview": ("2019年，上海市人民政府办公厅", "工作能力和水平。", None),
        "problems_improvements": (
            "（一）主要问题\n一是新《条例》",
            "强化工作监督和考核评估。",
            "五、政府信息公开工作存在的主要问题及改进情况",
        ),
        "other_matters": ("无。", "无。", None),
    },
    "shuyang-fgj-2023.html": {
        "overview": ("2023年，县发展和改革局", "代表、委员和社会的监督。", None),
        "problems_improvements": (
            "（一）存在的主要问题。",
            "服务公众。",
            "五、存在的主要问题及整改措施",
        ),
        "other_matters": ("2023年度，县发展和改革局", "未发生收费情况。", None),
    },
    "huaian-2024.txt": {
        "overview": ("2024 年，我市坚持", "工作能力和水平。", None),
        "problems_improvements": ("对照上级新要求", "增强队伍凝聚力。", None),
        "other_matters": ("2024 年，市政府严格落实", "信息处理费 3940 元。", None),
    },
    "shanghai-kewei-2024.md": {
        "overview": ("上海市科委 2024 年深入贯彻", "点赞量 136888 次。", None),
        "problems_improvements": ("（一）主要问题\n市科委 2024 年", "正在有序进行中。", None),
        "other_matters": (
            "本年度信息公开处理费收费情况\n2024 年",
            "未发生政府信息公开收费事项。",
            "五、其他需要报告的事项",
        ),
    },
    "putian-cgj-2021.txt": {
        "overview": ("2021年，我局以习近平新时代", "在绩效考评中予以运用。", None),
        "problems_improvements": (
            "2021年我局政府信息公开工作",
            "高质量推进重点领域信息公开。",
            None,
        ),
        "other_matters": ("（一）2021年政务公开工作主要任务落实情况", "未收取任何费用。", None),
    },
    "sanming-2022.txt": {
        "overview": ("2022\n年\n,\n三明市人民政府坚持", "约谈相关责任人\n6\n人次。", None),
        "problems_improvements": ("（一）存在问题。", "对问题多、整改不力的单位进行问责。", None),
        "other_matters": (
            "2022\n年度全市各级各部门未收取信息处理费。",
            "2022\n年度全市各级各部门未收取信息处理费。",
            None,
        ),
    },
}
#: Cells the text itself leaves undetermined, beyond the truth's uncertain ones: they must
#: be None with a warning naming them. 平潭's page runs 表二's row together,
#: 行政规范性文件8855698, and no sum binds 本年制发, 本年废止 and 现行有效 within one year.
AMBIGUOUS = {
    "pingtan-2022-flat.txt": {
        "proactive_disclosure.normative_documents.issued",
        "proactive_disclosure.normative_documents.repealed",
        "proactive_disclosure.normative_documents.in_force",
    },
}
FEES = {
    "pingtan-2022-flat.txt": Decimal(0),
    "hongze-2024.txt": Decimal(0),
    "qijiang-psb-2023.txt": None,
    "shanghai-bgt-2019.html": None,
    "shuyang-fgj-2023.html": Decimal(0),
    "huaian-2024.txt": Decimal(3940),
    "shanghai-kewei-2024.md": Decimal(0),
    "putian-cgj-2021.txt": Decimal(0),
    "sanming-2022.txt": Decimal(0),
}
#: The page address a crawler's header gives, which is the report's source.
_HEADER_LINK = re.compile(r"^(?:原文链接|原始链接)[:：]\s*(\S+)", re.MULTILINE)


def _expected(name: str) -> dict[str, object]:
    stem = name.rsplit(".", 1)[0]
    data: dict[str, object] = json.loads((CORPUS / f"{stem}.expected.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="module", params=FILES)
def case(request: pytest.FixtureRequest) -> tuple[str, ParseResult, dict[str, object]]:
    name = request.param
    return name, parse_file(CORPUS / name), _expected(name)


def test_every_corpus_file_has_section_expectations() -> None:
    """Each corpus report has its section texts pinned below."""
    assert sorted(SECTIONS) == FILES


def test_every_cell_equals_the_expected_value(
    case: tuple[str, ParseResult, dict[str, object]],
) -> None:
    """Each cell is the transcribed value; an uncertain one may be None with a warning."""
    name, result, expected = case
    cells = expected["cells"]
    uncertain = set(expected["uncertain"]) | AMBIGUOUS.get(name, set())  # type: ignore[call-overload]
    assert isinstance(cells, dict)
    wrong = []
    for path, value in cells.items():
        want = Decimal(value) if isinstance(value, str) else value
        got = result.report.cell(path)
        if got == want and (got is None) == (want is None):
            continue
        if path in uncertain and got is None and result.warnings_for(path):
            continue
        wrong.append((path, want, got))
    assert wrong == []


def test_meta(case: tuple[str, ParseResult, dict[str, object]]) -> None:
    """Agency, year, format, level and publication date are read from the document."""
    name, result, expected = case
    meta = expected["meta"]
    assert isinstance(meta, dict)
    report_meta = result.report.meta
    assert (
        report_meta.agency,
        report_meta.year,
        report_meta.format_version.value,
        report_meta.agency_level.value if report_meta.agency_level else None,
    ) == (meta["agency"], meta["year"], meta["format_version"], meta["agency_level"])
    published = expected["published_on"]
    assert report_meta.published_on == (dt.date.fromisoformat(published) if published else None)
    link = _HEADER_LINK.search((CORPUS / name).read_text("utf-8")[:2000])
    assert report_meta.source == (link.group(1) if link else name)


def test_sections(case: tuple[str, ParseResult, dict[str, object]]) -> None:
    """The text sections are found, with their printed headings where they differ."""
    name, result, _ = case
    for section, (start, end, heading) in SECTIONS[name].items():
        value = getattr(result.report, section)
        assert value.text.startswith(start), (section, value.text[:80])
        assert value.text.endswith(end), (section, value.text[-80:])
        assert value.heading == heading
    assert result.report.other_matters.information_fee_yuan == FEES[name]


def test_no_value_without_a_source(case: tuple[str, ParseResult, dict[str, object]]) -> None:
    """Every filled cell names the raw cell text it was read from."""
    _, result, _ = case
    for path, value in result.report.cells():
        if value is not None:
            source = result.source_of(path)
            assert source is not None
            assert source.raw.strip()
            assert source.table in (2, 3, 4)


def test_none_cells_are_explained(case: tuple[str, ParseResult, dict[str, object]]) -> None:
    """Every blank cell of a parsed report carries a warning naming it (never silent)."""
    _, result, _ = case
    warned = {w.path for w in result.warnings}
    assert [p for p, value in result.report.cells() if value is None and p not in warned] == []


def test_qijiang_reproduces_the_bundled_example() -> None:
    """The DOCX text of the seed report parses to the bundled sample, texts included."""
    result = parse_file(CORPUS / "qijiang-psb-2023.txt")
    example = gd.examples.load("qijiang-psb-2023")
    assert result.warnings == ()
    for section in (
        "preface",
        "overview",
        "proactive_disclosure",
        "applications",
        "review_litigation",
        "problems_improvements",
        "other_matters",
    ):
        assert getattr(result.report, section) == getattr(example, section), section


def test_sources_locate_the_cell() -> None:
    """source_of gives the kind, table, row, column, raw text and line of a value."""
    result = parse_file(CORPUS / "qijiang-psb-2023.txt")
    source = result.source_of("applications.new_received.total")
    assert source is not None
    assert (source.kind, source.table, source.column, source.raw) == ("text", 3, 7, "1")
    lines = (CORPUS / "qijiang-psb-2023.txt").read_text("utf-8").split("\n")
    assert lines[source.location.line - 1] == "\t1"
    text = (CORPUS / "qijiang-psb-2023.txt").read_text("utf-8")
    assert text[source.location.offset] == "1"
    assert source.label == "一、本年新收政府信息公开申请数量"


def test_html_blank_cells_warn() -> None:
    """The 上海 2019 blank 总计 cells are None, each with a blank-cell warning."""
    result = parse_file(CORPUS / "shanghai-bgt-2019.html")
    assert result.report.cell("applications.granted.total") is None
    codes = {w.code for w in result.warnings_for("applications.granted.total")}
    assert codes == {WarningCode.BLANK_CELL}
    assert result.extra == {"proactive_disclosure.central_procurement.amount_unit": "元"}


def test_kewei_rows_without_labels_are_placed_with_a_warning() -> None:
    """Markdown rows that lost their labels are placed by position, and say so."""
    result = parse_file(CORPUS / "shanghai-kewei-2024.md")
    by_position = [w for w in result.warnings if w.code == WarningCode.BY_POSITION]
    assert {w.path for w in by_position} >= {
        "applications.partially_granted.total",
        "applications.unable_not_held.total",
        "applications.other_fee_unpaid.total",
    }
