"""Untrusted workbooks: malformed files, zip bombs, entities, limits; a light import."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure._io.excel.read import (
    read_excel,
)
from govdisclosure._io.excel.summary import (
    read_excel_summary,
)
from govdisclosure._io.xlsx import reader as _xlsx_safety
from govdisclosure._io.xlsx.archive import ExcelLimits
from govdisclosure.errors import ExcelError
from workbooks import replace_part, valid_bytes, zip_parts

_DOCX_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)

_BOMB_XML = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<si><t>&lol3;</t></si></sst>"
)


def _entity_workbook() -> bytes:
    data = valid_bytes()
    data = replace_part(data, "xl/sharedStrings.xml", _BOMB_XML)
    rels = zipfile.ZipFile(io.BytesIO(data)).read("xl/_rels/workbook.xml.rels").decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    return replace_part(data, "xl/_rels/workbook.xml.rels", rels)


MALFORMED = {
    "empty file": (b"", "not a zip archive"),
    "plain text": ("一、总体情况".encode(), "not a zip archive"),
    "old xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old .xls"),
    "renamed docx": (
        zip_parts({"[Content_Types].xml": _DOCX_TYPES, "word/document.xml": "<w/>"}),
        "Word document",
    ),
    "plain zip": (zip_parts({"a.txt": "x"}), "without [Content_Types].xml"),
    "truncated": (valid_bytes()[:3000], "damaged"),
    "entity expansion": (_entity_workbook(), "declares a DTD or entities"),
    "bad xml": (replace_part(valid_bytes(), "xl/workbook.xml", "<workbook"), "not well-formed"),
    "no workbook": (
        zip_parts(
            {
                "[Content_Types].xml": _DOCX_TYPES.replace(
                    "wordprocessingml.document", "spreadsheetml.sheet"
                )
            }
        ),
        "is missing",
    ),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_inputs_raise_excel_error(name: str, tmp_path: Path) -> None:
    """Malformed files give ExcelError (a GovDisclosureError) with a clear message."""
    data, message = MALFORMED[name]
    path = tmp_path / "bad.xlsx"
    path.write_bytes(data)
    for reader in (read_excel, read_excel_summary):
        with pytest.raises(ExcelError, match=re.escape(message)) as info:
            reader(path)
        assert isinstance(info.value, gd.GovDisclosureError)
        assert str(path) in str(info.value)


def test_zip_bomb_refused_without_inflating(tmp_path: Path) -> None:
    """A part expanding far beyond its compressed size is refused from its declared size."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 2**20))
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ExcelError, match="decompression bomb"):
        read_excel(path)
    with pytest.raises(ExcelError, match="max_uncompressed_bytes"):
        read_excel(path, limits=ExcelLimits(max_ratio=1e9, max_uncompressed_bytes=2**20))


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (ExcelLimits(max_file_bytes=100), "max_file_bytes"),
        (ExcelLimits(max_members=3), "max_members"),
        (ExcelLimits(max_cells=10), "max_cells"),
    ],
)
def test_limits_are_configurable(tmp_path: Path, limits: ExcelLimits, message: str) -> None:
    """Each limit, set low, refuses an ordinary workbook with its name in the message."""
    path = tmp_path / "r.xlsx"
    path.write_bytes(valid_bytes())
    with pytest.raises(ExcelError, match=message):
        read_excel(path, limits=limits)
    with pytest.raises(ExcelError, match=message):
        _xlsx_safety.open_workbook(path.read_bytes(), limits)


def test_missing_file_is_excel_error(tmp_path: Path) -> None:
    """A file that does not exist is an ExcelError naming it."""
    with pytest.raises(ExcelError, match="cannot read the file"):
        read_excel(tmp_path / "none.xlsx")


def test_openpyxl_uses_defusedxml() -> None:
    """openpyxl, which writes our workbooks, would also parse through defusedxml."""
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


def test_import_stays_light() -> None:
    """Importing govdisclosure and its Excel modules does not import openpyxl."""
    code = (
        "import importlib, pkgutil, sys, govdisclosure, govdisclosure._io.excel as excel\n"
        "for module in pkgutil.iter_modules(excel.__path__):\n"
        "    importlib.import_module(f'govdisclosure._io.excel.{module.name}')\n"
        "print('openpyxl' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
