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
from govdisclosure.errors import ExcelError

__all__ = ["MAX_COPIES", "SEARCH_BUDGET", "LabelIndex", "label_keys"]


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


#: The most cells of one text the index keeps, the first in reading order: a table's label
#: appears a few times in a workbook, and every copy kept is a place the finders try.
MAX_COPIES = 100
#: The most positions the finders may look at in one workbook, all their searches
#: together: real workbooks need some thousands; 20,000 copies of a label needed billions.
SEARCH_BUDGET = 2_000_000


class LabelIndex:
    """The short text cells of a sheet, by their text (stripped) and by their keys.

    Each text keeps its first :data:`MAX_COPIES` positions, and every search spends the
    positions it returns from a budget the workbook's indexes share (:data:`SEARCH_BUDGET`),
    so that finding the tables stays fast whatever the workbook repeats.
    """

    def __init__(self, sheet: Sheet, budget: list[int] | None = None) -> None:
        self.sheet = sheet
        self.budget = [SEARCH_BUDGET] if budget is None else budget
        self.by_key: dict[str, list[tuple[int, int]]] = {}
        self.by_raw: dict[str, list[tuple[int, int]]] = {}
        for position in sheet.positions():
            value = sheet.cells[position].value
            if isinstance(value, str) and not isinstance(value, ErrorValue) and len(value) <= 200:
                _keep(self.by_raw.setdefault(value.strip(), []), position)
                for key in label_keys(value):
                    _keep(self.by_key.setdefault(key, []), position)
        self._found: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        self._keys: str | None = None

    def _spend(self, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        self.budget[0] -= len(found) + 1
        if self.budget[0] < 0:
            raise ExcelError(
                "refused: the workbook repeats the tables' labels too often to search "
                f"(more than {SEARCH_BUDGET:,} places looked at)",
                sheet=self.sheet.name,
                detail_zh="拒绝读取：工作簿中各表的标签重复过多，无法查找"
                f"（查看的位置超过 {SEARCH_BUDGET:,} 处）",
            )
        return found

    def find(self, *labels: str) -> list[tuple[int, int]]:
        """The positions of cells matching any of ``labels``, in reading order."""
        found = self._found.get(labels)
        if found is None:
            places: set[tuple[int, int]] = set()
            for label in labels:
                for key in label_keys(label):
                    places.update(self.by_key.get(key, ()))
            found = self._found[labels] = sorted(places)
        return self._spend(found)

    def _joined(self) -> str:
        # Keys hold no line breaks (canonical_label drops them): one string to search in C.
        if self._keys is None:
            self._keys = "\n" + "\n".join(self.by_key) + "\n"
        return self._keys

    def contains(self, label: str) -> bool:
        """Whether a cell's key holds the label's key (a word of a longer label)."""
        key = label_keys(label)[0]
        self._spend([])
        return bool(key) and key in self._joined()

    def ending(self, label: str) -> list[tuple[int, int]]:
        """The positions of cells whose key ends with the label's key."""
        key = label_keys(label)[0]
        found = self._found.get(("", key))
        if found is None:
            keys, places = self._joined(), set()
            at = keys.find(key + "\n") if key else -1
            while at >= 0:
                start = keys.rfind("\n", 0, at) + 1
                places.update(self.by_key[keys[start : at + len(key)]])
                at = keys.find(key + "\n", at + 1)
            found = self._found["", key] = sorted(places)
        return self._spend(found)


def _keep(positions: list[tuple[int, int]], position: tuple[int, int]) -> None:
    if len(positions) < MAX_COPIES:
        positions.append(position)
