"""三、收到和处理政府信息公开申请情况 — section 3, applications (table 3).

Rows of seven applicant columns (自然人, five kinds of 法人或其他组织, 总计). The 2021 format
has 25 rows; the 2019 trial format has 23, where one （六）其他处理 row stands for the three
``other_*`` rows of 2021. The corner note states the balance: 一 + 二 = 三（七）总计 + 四.
"""

from __future__ import annotations

import attrs

from govdisclosure._format.vocabulary import HEADINGS
from govdisclosure._model.cells import count_field, heading_field, notes_field

__all__ = ["HEADING", "ID", "ApplicantRow", "Applications2019", "Applications2021"]

ID = "applications"
HEADING = HEADINGS[ID]


@attrs.frozen(kw_only=True)
class ApplicantRow:
    """One row of table 3: a count per kind of applicant, and the row's 总计.

    >>> ApplicantRow(natural_person=3, commercial_enterprise=1).total is None
    True
    """

    natural_person: int | None = count_field()
    commercial_enterprise: int | None = count_field()
    research_institution: int | None = count_field()
    public_welfare_org: int | None = count_field()
    legal_service_org: int | None = count_field()
    other_org: int | None = count_field()
    total: int | None = count_field()


def _row() -> ApplicantRow:
    return attrs.field(factory=ApplicantRow)


@attrs.frozen(kw_only=True)
class _ApplicationsCommon:
    """The 20 rows both formats share, from 一、本年新收 to （五）5."""

    new_received: ApplicantRow = _row()
    carried_over: ApplicantRow = _row()
    granted: ApplicantRow = _row()
    partially_granted: ApplicantRow = _row()
    denied_state_secret: ApplicantRow = _row()
    denied_prohibited_by_law: ApplicantRow = _row()
    denied_security_stability: ApplicantRow = _row()
    denied_third_party_rights: ApplicantRow = _row()
    denied_internal_affairs: ApplicantRow = _row()
    denied_process_info: ApplicantRow = _row()
    denied_enforcement_file: ApplicantRow = _row()
    denied_administrative_query: ApplicantRow = _row()
    unable_not_held: ApplicantRow = _row()
    unable_needs_creation: ApplicantRow = _row()
    unable_unclear_after_correction: ApplicantRow = _row()
    not_processed_petition: ApplicantRow = _row()
    not_processed_duplicate: ApplicantRow = _row()
    not_processed_publication: ApplicantRow = _row()
    not_processed_excessive: ApplicantRow = _row()
    not_processed_confirmation: ApplicantRow = _row()


@attrs.frozen(kw_only=True)
class Applications2021(_ApplicationsCommon):
    """Table 3 in the 2021 format: 25 rows.

    Attributes:
        other_no_correction: （六）1. 逾期不补正.
        other_fee_unpaid: （六）2. 逾期未按收费通知缴费.
        other_misc: （六）3. 其他.
        results_total: （七）总计.
        carried_forward: 四、结转下年度继续办理.
        notes: the 备注 lines printed under the table.
        heading: the section heading as printed, ``None`` for the official one.
    """

    other_no_correction: ApplicantRow = _row()
    other_fee_unpaid: ApplicantRow = _row()
    other_misc: ApplicantRow = _row()
    results_total: ApplicantRow = _row()
    carried_forward: ApplicantRow = _row()
    notes: tuple[str, ...] = notes_field()
    heading: str | None = heading_field()


@attrs.frozen(kw_only=True)
class Applications2019(_ApplicationsCommon):
    """Table 3 in the 2019 trial format: 23 rows.

    Attributes:
        other_processing: （六）其他处理, one row.
        results_total: （七）总计.
        carried_forward: 四、结转下年度继续办理.
        notes: the 备注 lines printed under the table.
        heading: the section heading as printed, ``None`` for the official one.
    """

    other_processing: ApplicantRow = _row()
    results_total: ApplicantRow = _row()
    carried_forward: ApplicantRow = _row()
    notes: tuple[str, ...] = notes_field()
    heading: str | None = heading_field()
