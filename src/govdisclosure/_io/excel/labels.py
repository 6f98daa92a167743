"""Labels as the reader compares them, and the index of a sheet's label cells.

Reading goes by labels, not coordinates: a label matches in the vocabulary's canonical form
(:func:`~govdisclosure._format.vocabulary.canonical_label`), without its numbering, and
also without a trailing note in brackets.
"""

from __future__ import annotations

import re
import unicodedata

from govdisclosure._io.xlsx.reader import ErrorValue, Sheet

__all__ = ["LabelIndex", "label_keys", "normalize_label"]


_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』")
_SPACE = re.compile(r"\s+|<br\s*/?>", re.IGNORECASE)
_ENUM = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十0-9]+\)|[0-9]+[.、)])+"
)
_TRAILING_PAREN = re.compile(r"\([^()]*\)$")


def normalize_label(text: str) -> str:
    r"""Return a label in the form labels are compared in.

    Full-width forms become half-width (NFKC), whitespace and line breaks go, quotes go,
    合计 becomes 总计 and 结转下一年度 becomes 结转下年度.

    >>> normalize_label("四、结转下一年度继续办理")
    '四、结转下年度继续办理'
    >>> normalize_label('3.危及"三安全 一稳定"')
    '3.危及三安全一稳定'
    """
    text = _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_QUOTES)
    return text.replace("合计", "总计").replace("结转下一年度", "结转下年度")


def label_keys(text: str) -> tuple[str, ...]:
    """The keys a label matches by: without its numbering, and without a trailing note."""
    key = _ENUM.sub("", normalize_label(text))
    short = _TRAILING_PAREN.sub("", key)
    return (key, short) if short and short != key else (key,)


class LabelIndex:
    """The short text cells of a sheet, by normalized label and by key."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.by_key: dict[str, list[tuple[int, int]]] = {}
        self.by_raw: dict[str, list[tuple[int, int]]] = {}
        for position in sorted(sheet.cells):
            value = sheet.cells[position].value
            if isinstance(value, str) and not isinstance(value, ErrorValue) and len(value) <= 200:
                self.by_raw.setdefault(value.strip(), []).append(position)
                for key in label_keys(value):
                    self.by_key.setdefault(key, []).append(position)

    def find(self, *labels: str) -> list[tuple[int, int]]:
        """The positions of cells matching any of ``labels``, in reading order."""
        found: set[tuple[int, int]] = set()
        for label in labels:
            for key in label_keys(label):
                found.update(self.by_key.get(key, ()))
        return sorted(found)

    def ending(self, label: str) -> list[tuple[int, int]]:
        """The positions of cells whose key ends with the label's key."""
        key = label_keys(label)[0]
        return sorted(p for k, ps in self.by_key.items() if k.endswith(key) for p in ps)
