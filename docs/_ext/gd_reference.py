"""Sphinx directives that render reference tables from the code, so docs cannot drift.

``{gd-cell-paths} 2021`` renders every cell path of a format version with its label and
kind, in official order, straight from :mod:`govdisclosure._format`.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx

from govdisclosure import _format
from govdisclosure._format.vocabulary import FILE_KINDS
from govdisclosure._validation.catalogue import rules


def table(header: list[str], rows: list[list[str]], literal_columns: frozenset[int]) -> nodes.table:
    """Build a docutils table node from plain strings."""
    tgroup = nodes.tgroup(cols=len(header))
    for _ in header:
        tgroup += nodes.colspec(colwidth=1)
    head = nodes.thead()
    head += _row(header, frozenset())
    tgroup += head
    body = nodes.tbody()
    for row in rows:
        body += _row(row, literal_columns)
    tgroup += body
    result = nodes.table()
    result += tgroup
    return result


def _row(cells: list[str], literal_columns: frozenset[int]) -> nodes.row:
    row = nodes.row()
    for index, text in enumerate(cells):
        entry = nodes.entry()
        paragraph = nodes.paragraph()
        paragraph += nodes.literal(text=text) if index in literal_columns else nodes.Text(text)
        entry += paragraph
        row += entry
    return row


class CellPaths(Directive):
    """Render the cell paths of one format version."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Return the table."""
        spec = _format.format_spec(self.arguments[0])
        rows = [[c.path, c.label, c.kind.value] for c in spec.cells]
        return [table(["path", "标签 label", "kind"], rows, frozenset({0}))]


class Sums(Directive):
    """Render the declared sums of one format version, one line per rule and total."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Return the table."""
        spec = _format.format_spec(self.arguments[0])
        rows = [
            [
                s.rule_id,
                s.total,
                " ".join(f"{'+' if w > 0 else '−'} {p}" for p, w in s.parts).lstrip("+ "),
            ]
            for s in spec.sums
        ]
        return [table(["rule", "total", "= parts"], rows, frozenset({1, 2}))]


class Rules(Directive):
    """Render the rule catalogue: one section per rule, from ``gd.rules()``."""

    def run(self) -> list[nodes.Node]:
        """Return a section per rule."""
        sections: list[nodes.Node] = []
        for rule in rules():
            section = nodes.section(ids=[f"rule-{rule.id.lower()}"])
            section += nodes.title(text=f"{rule.id}　{rule.title}")
            facts = nodes.paragraph()
            facts += nodes.strong(text=f"{rule.severity.value}")
            needs = "（需要上年报告 needs previous）" if rule.needs_previous else ""
            facts += nodes.Text(f" · {rule.title_en}{needs}")
            if rule.formula:
                facts += nodes.Text(f" · {rule.formula}")
            section += facts
            section += nodes.paragraph(text=rule.description)
            section += nodes.paragraph(text=rule.description_en)
            example = nodes.paragraph()
            example += nodes.emphasis(text="示例 Example: ")
            example += nodes.Text(rule.example)
            section += example
            sections.append(section)
        return sections


class FileKinds(Directive):
    """Render the file kinds and their suffixes, from the vocabulary's one table."""

    def run(self) -> list[nodes.Node]:
        """Return the table."""
        yes = "✓"
        rows = [
            [
                kind.name,
                " ".join(kind.suffixes),
                yes,
                yes if kind.published else "",
                yes if kind.writable else "",
            ]
            for kind in FILE_KINDS
        ]
        header = ["类型 kind", "后缀 suffixes", "load", "parse_file", "dump / render"]
        return [table(header, rows, frozenset({1}))]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives."""
    app.add_directive("gd-cell-paths", CellPaths)
    app.add_directive("gd-sums", Sums)
    app.add_directive("gd-rules", Rules)
    app.add_directive("gd-file-kinds", FileKinds)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
