"""How a cell, a section or a fact of a report is named: in the report's own words.

An official reading a message must find the cell in the published table, so a cell is named
by its table, the row and column labels the format prints, and (in English) its path:
表三“（七）总计”行“自然人”列 / table 3, row "（七）总计", column "自然人". Validation
findings, parse warnings and the summary workbook all name places this way.
"""

from __future__ import annotations

from govdisclosure._format.declarations import TABLE_NUMERALS
from govdisclosure._format.spec import CellSpec, FormatSpec
from govdisclosure._format.vocabulary import HEADINGS, PREFACE_NAME, SECTION_NAMES_EN

__all__ = ["META_WORDS", "cell_words", "column_words", "place_words", "row_words"]

#: How findings name the facts of a report that are not cells: the words of the fill-in
#: workbook's 报告信息 sheet, and English.
META_WORDS: dict[str, tuple[str, str]] = {
    "meta.agency": ("机关名称", "the agency name"),
    "meta.year": ("报告年度", "the report year"),
    "meta.format_version": ("报告格式", "the format of the tables"),
    "meta.agency_level": ("单位层级", "the agency level"),
    "meta.published_on": ("发布日期", "the publication date"),
    "meta.title": ("标题", "the title"),
    "meta.source": ("来源", "the source"),
}


def row_words(cell: CellSpec, spec: FormatSpec) -> str:
    """The row as the report names it, without the 三、本年度办理结果 group label."""
    table = next(t for t in spec.tables if t.section == cell.section)
    labels = table.row(cell.row).labels
    if table.number == 3 and len(labels) > 1:
        labels = labels[1:]
    return " ".join(labels) if table.number != 4 else " / ".join(labels)


def column_words(cell: CellSpec, spec: FormatSpec) -> str:
    """The column as the report names it (its lowest header label)."""
    table = next(t for t in spec.tables if t.section == cell.section)
    column = next(c for c in table.row(cell.row).columns if c.id == cell.column)
    return column.labels[-1]


def cell_words(path: str, spec: FormatSpec) -> tuple[str, str]:
    """The Chinese and English phrases that locate a cell: 表三“（七）总计”行“自然人”列."""
    cell = spec.by_path[path]
    table = TABLE_NUMERALS[next(t.number for t in spec.tables if t.section == cell.section)]
    row, column = row_words(cell, spec), column_words(cell, spec)
    number = next(t.number for t in spec.tables if t.section == cell.section)
    if number == 4:
        zh = f"表{table}“{row}”的“{column}”"
        en = f'table {number}, "{row}", "{column}" ({path})'
    else:
        zh = f"表{table}“{row}”行“{column}”列"
        en = f'table {number}, row "{row}", column "{column}" ({path})'
    return zh, en


def place_words(path: str, spec: FormatSpec) -> tuple[str, str]:
    """The Chinese and English words that locate anything a finding names.

    A cell as :func:`cell_words` names it, a section by its heading, a fact of the report
    by its name (:data:`META_WORDS`); anything else by its path.

    >>> from govdisclosure._format import format_spec
    >>> spec = format_spec("2021")
    >>> place_words("review_litigation.review.total", spec)[0]
    '表四“行政复议”的“总计”'
    >>> place_words("other_matters", spec)[0], place_words("meta.agency", spec)[0]
    ('六、其他需要报告的事项', '机关名称')
    """
    if path in spec.by_path:
        return cell_words(path, spec)
    if path in HEADINGS:
        return HEADINGS[path], f"section {SECTION_NAMES_EN[path]}"
    if path == "preface":
        return PREFACE_NAME, SECTION_NAMES_EN[path]
    return META_WORDS.get(path, (path, path))
