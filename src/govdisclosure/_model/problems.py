"""五、存在的主要问题及改进情况 — section 5, problems and improvements.

Free text (条例第五十条第四项). Reports often word the heading differently, e.g.
五、当前存在的主要问题及下步改进措施; the printed heading is kept in ``heading``.
"""

from __future__ import annotations

import attrs

from govdisclosure._format.vocabulary import HEADINGS
from govdisclosure._model.cells import heading_field, text_field

__all__ = ["HEADING", "ID", "ProblemsImprovements"]

ID = "problems_improvements"
HEADING = HEADINGS[ID]


@attrs.frozen(kw_only=True)
class ProblemsImprovements:
    """五、存在的主要问题及改进情况.

    Attributes:
        text: the section's text, verbatim, without its heading.
        heading: the heading as the report prints it, ``None`` for the official one.
    """

    text: str = text_field()
    heading: str | None = heading_field()
