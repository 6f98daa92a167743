"""JSON Schema (draft 2020-12) of the JSON form, derived from the model's attrs classes."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from govdisclosure._format import FormatVersion
from govdisclosure._model.report import TABLE_CLASSES, AnnualReport

__all__ = ["build_schema"]


def _is_optional(tp: Any) -> tuple[Any, bool]:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0], True
    return tp, False


class _Builder:
    def __init__(self, decimal_pattern: str, date_pattern: str) -> None:
        self.decimal_pattern = decimal_pattern
        self.date_pattern = date_pattern
        self.defs: dict[str, Any] = {}

    def of(self, tp: Any) -> dict[str, Any]:
        inner, optional = _is_optional(tp)
        schema = self._plain(inner)
        if optional:
            if "type" in schema:
                schema = {**schema, "type": [schema["type"], "null"]}
            elif "enum" in schema:
                schema = {"enum": [*schema["enum"], None]}
            else:  # pragma: no cover - every optional field is a scalar or enum
                schema = {"anyOf": [schema, {"type": "null"}]}
        return schema

    def _plain(self, tp: Any) -> dict[str, Any]:  # noqa: PLR0911 - a return per JSON type
        if tp is int:
            return {"type": "integer"}
        if tp is str:
            return {"type": "string"}
        if tp is Decimal:
            return {"type": "string", "pattern": self.decimal_pattern}
        if tp is dt.date:
            return {"type": "string", "pattern": self.date_pattern}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [member.value for member in tp]}
        if typing.get_origin(tp) is tuple:
            return {"type": "array", "items": {"type": "string"}}
        if attrs.has(tp):
            return self.ref(tp)
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: classes may nest
            hints = typing.get_type_hints(cls)
            fields = attrs.fields(cls)
            self.defs[name] = {
                "type": "object",
                "title": name,
                "description": (cls.__doc__ or "").strip().split("\n")[0],
                "properties": {f.name: self.of(hints[f.name]) for f in fields},
                "required": [f.name for f in fields],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}


def build_schema(marker: str, decimal_pattern: str, date_pattern: str) -> dict[str, Any]:
    """Build the schema; see :func:`govdisclosure.json_schema`."""
    builder = _Builder(decimal_pattern, date_pattern)
    hints = typing.get_type_hints(AnnualReport)
    variants = []
    for version in FormatVersion:
        properties: dict[str, Any] = {"schema": {"const": marker}}
        for field in attrs.fields(AnnualReport):
            table = TABLE_CLASSES[version].get(field.name)
            properties[field.name] = builder.of(table or hints[field.name])
        properties["meta"] = {
            "allOf": [
                builder.ref(hints["meta"]),
                {"properties": {"format_version": {"const": version.value}}},
            ]
        }
        variants.append(
            {
                "title": f"AnnualReport ({version.value} format)",
                "type": "object",
                "properties": properties,
                "required": list(properties),
                "additionalProperties": False,
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://govdisclosure.invalid/schema/{marker}.json",
        "title": "政府信息公开工作年度报告 (govdisclosure JSON form)",
        "description": "A government information disclosure annual report as JSON.",
        "oneOf": variants,
        "$defs": builder.defs,
    }
