"""The state of one recognition: the values read so far, their sources, the warnings.

Every step of the recogniser writes what it finds here: :meth:`State.put` reads a cell's
text into a cell path, records where it came from, and warns instead of guessing.
"""

from __future__ import annotations

import attrs

from govdisclosure._format import CellKind
from govdisclosure._model.report import CellValue
from govdisclosure._parse.layout import Location
from govdisclosure._parse.recognise.items import Row, Token
from govdisclosure._parse.recognise.values import read_value
from govdisclosure._parse.result import ParseWarning, ValueSource, WarningCode

__all__ = ["State", "numeral"]


@attrs.define
class State:
    """What one recognition has found so far.

    Attributes:
        kind: the input kind, recorded in every source.
        warnings: the warnings, in the order they were raised.
        values: the cells read, by path.
        sources: where each value, fact and section came from, by path or key.
        extra: values the report has no cell for (the other format version's rows).
    """

    kind: str
    warnings: list[ParseWarning] = attrs.field(factory=list)
    values: dict[str, CellValue] = attrs.field(factory=dict)
    sources: dict[str, ValueSource] = attrs.field(factory=dict)
    extra: dict[str, CellValue | str] = attrs.field(factory=dict)

    def warn(
        self, code: str, message: str, location: Location | None = None, path: str | None = None
    ) -> None:
        """Record a warning."""
        self.warnings.append(ParseWarning(code=code, message=message, location=location, path=path))

    def source(self, key: str, raw: str, location: Location, **where: object) -> None:
        """Record where the value or fact ``key`` came from (``where``: table, row, …)."""
        self.sources[key] = ValueSource(kind=self.kind, raw=raw, location=location, **where)  # type: ignore[arg-type]

    def put(
        self,
        path: str,
        kind: CellKind,
        tok: Token,
        *,
        table: int,
        row: Row,
        column: int,
    ) -> None:
        """Read the value ``tok`` of ``row`` into the cell ``path``, or warn why not."""
        reading = read_value(tok.text, kind)
        self.source(
            path,
            tok.text,
            tok.location,
            table=table,
            row=row.item.row if row.item.row is not None else row.item.pos,
            column=column,
            label=row.label or None,
        )
        if reading.code is not None:
            self.warn(
                reading.code,
                f"表{numeral(table)} {row.label or '(无标签行)'}: {reading.why}",
                tok.location,
                path,
            )
            return
        if path in self.values:
            self.warn(
                WarningCode.DUPLICATE_ROW,
                f"表{numeral(table)} {row.label}: a second value for this cell; the first is kept",
                tok.location,
                path,
            )
            return
        self.values[path] = reading.value
        if reading.unit in ("元", "万元") and path.endswith("central_procurement.amount"):
            self.extra["proactive_disclosure.central_procurement.amount_unit"] = reading.unit
        elif reading.unit == "元" and path.endswith("amount_10k_yuan"):
            del self.values[path]
            self.warn(
                WarningCode.SKIPPED_VALUE,
                f"{tok.text!r} is in 元 in a column counted in 万元; left blank",
                tok.location,
                path,
            )


def numeral(n: int) -> str:
    """A table number as messages write it (表三).

    >>> numeral(3), numeral(12)
    ('三', '12')
    """
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)
