"""Labels as the reader compares them, and the index of a sheet's label cells.

Reading goes by labels, not coordinates: a label matches in the vocabulary's canonical form
(:func:`~govdisclosure._format.vocabulary.canonical_label`), without its numbering, and
also without a trailing note in brackets.
"""

from __future__ import annotations

import functools
import re

from govdisclosure._format.vocabulary import canonical_label, strip_numbering
from govdisclosure._io.xlsx.reader import ErrorValue, Sheet

__all__ = ["LabelIndex", "label_keys"]


# A note in brackets at the end of a label (brackets are full-width after canonical_label).
_TRAILING_NOTE = re.compile(r"（[^（）]*）$")


@functools.lru_cache(maxsize=4096)
def label_keys(text: str) -> tuple[str, ...]:
    """The keys a label matches by: canonical, without its numbering and without a final note.

    Labels compare after NFKC, without spaces, line breaks or quotes, with 合计 as 总计 and
    结转下一年度 as 结转下年度 (:func:`~govdisclosure._format.vocabulary.canonical_label`).

    >>> label_keys("（二）部分公开（区分处理的）")
    ('部分公开（区分处理的）', '部分公开')
    >>> label_keys("(七) 合 计"), label_keys('3.危及"三安全 一稳定"')
    (('总计',), ('危及三安全一稳定',))
    """
    key = strip_numbering(canonical_label(text))
    short = _TRAILING_NOTE.sub("", key)
    return (key, short) if short and short != key else (key,)


class LabelIndex:
    """The short text cells of a sheet, by their text (stripped) and by their keys."""

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

    def contains(self, label: str) -> bool:
        """Whether a cell's key holds the label's key (a word of a longer label)."""
        key = label_keys(label)[0]
        return any(key in k for k in self.by_key)

    def ending(self, label: str) -> list[tuple[int, int]]:
        """The positions of cells whose key ends with the label's key."""
        key = label_keys(label)[0]
        return sorted(p for k, ps in self.by_key.items() if k.endswith(key) for p in ps)
