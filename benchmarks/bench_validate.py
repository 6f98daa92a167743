"""Validation figures (issue: validation).

- The table rules (the declared sums of tables 3 and 4) on one report: at least 10,000
  reports per second, and at most 3x a hand-written straight-line function doing the same
  sums on plain ints.
- The full ``validate`` with the text rules: at least 1,000 reports per second.
"""

from __future__ import annotations

import govdisclosure as gd
from _harness import Comparison
from govdisclosure._validation.engine import check_sums


# fmt: off
def hand_written(report: gd.AnnualReport) -> list[str]:
    """The 2021 sums written out by hand, straight-line, on the plain ints of the model."""
    a = report.applications
    rl = report.review_litigation
    r00 = a.new_received
    r01 = a.carried_over
    r02 = a.granted
    r03 = a.partially_granted
    r04 = a.denied_state_secret
    r05 = a.denied_prohibited_by_law
    r06 = a.denied_security_stability
    r07 = a.denied_third_party_rights
    r08 = a.denied_internal_affairs
    r09 = a.denied_process_info
    r10 = a.denied_enforcement_file
    r11 = a.denied_administrative_query
    r12 = a.unable_not_held
    r13 = a.unable_needs_creation
    r14 = a.unable_unclear_after_correction
    r15 = a.not_processed_petition
    r16 = a.not_processed_duplicate
    r17 = a.not_processed_publication
    r18 = a.not_processed_excessive
    r19 = a.not_processed_confirmation
    r20 = a.other_no_correction
    r21 = a.other_fee_unpaid
    r22 = a.other_misc
    r23 = a.results_total
    r24 = a.carried_forward
    bad = []
    if r02.natural_person + r03.natural_person + r04.natural_person + r05.natural_person + r06.natural_person + r07.natural_person + r08.natural_person + r09.natural_person + r10.natural_person + r11.natural_person + r12.natural_person + r13.natural_person + r14.natural_person + r15.natural_person + r16.natural_person + r17.natural_person + r18.natural_person + r19.natural_person + r20.natural_person + r21.natural_person + r22.natural_person != r23.natural_person:
        bad.append('applications.results_total.natural_person')
    if r02.commercial_enterprise + r03.commercial_enterprise + r04.commercial_enterprise + r05.commercial_enterprise + r06.commercial_enterprise + r07.commercial_enterprise + r08.commercial_enterprise + r09.commercial_enterprise + r10.commercial_enterprise + r11.commercial_enterprise + r12.commercial_enterprise + r13.commercial_enterprise + r14.commercial_enterprise + r15.commercial_enterprise + r16.commercial_enterprise + r17.commercial_enterprise + r18.commercial_enterprise + r19.commercial_enterprise + r20.commercial_enterprise + r21.commercial_enterprise + r22.commercial_enterprise != r23.commercial_enterprise:
        bad.append('applications.results_total.commercial_enterprise')
    if r02.research_institution + r03.research_institution + r04.research_institution + r05.research_institution + r06.research_institution + r07.research_institution + r08.research_institution + r09.research_institution + r10.research_institution + r11.research_institution + r12.research_institution + r13.research_institution + r14.research_institution + r15.research_institution + r16.research_institution + r17.research_institution + r18.research_institution + r19.research_institution + r20.research_institution + r21.research_institution + r22.research_institution != r23.research_institution:
        bad.append('applications.results_total.research_institution')
    if r02.public_welfare_org + r03.public_welfare_org + r04.public_welfare_org + r05.public_welfare_org + r06.public_welfare_org + r07.public_welfare_org + r08.public_welfare_org + r09.public_welfare_org + r10.public_welfare_org + r11.public_welfare_org + r12.public_welfare_org + r13.public_welfare_org + r14.public_welfare_org + r15.public_welfare_org + r16.public_welfare_org + r17.public_welfare_org + r18.public_welfare_org + r19.public_welfare_org + r20.public_welfare_org + r21.public_welfare_org + r22.public_welfare_org != r23.public_welfare_org:
        bad.append('applications.results_total.public_welfare_org')
    if r02.legal_service_org + r03.legal_service_org + r04.legal_service_org + r05.legal_service_org + r06.legal_service_org + r07.legal_service_org + r08.legal_service_org + r09.legal_service_org + r10.legal_service_org + r11.legal_service_org + r12.legal_service_org + r13.legal_service_org + r14.legal_service_org + r15.legal_service_org + r16.legal_service_org + r17.legal_service_org + r18.legal_service_org + r19.legal_service_org + r20.legal_service_org + r21.legal_service_org + r22.legal_service_org != r23.legal_service_org:
        bad.append('applications.results_total.legal_service_org')
    if r02.other_org + r03.other_org + r04.other_org + r05.other_org + r06.other_org + r07.other_org + r08.other_org + r09.other_org + r10.other_org + r11.other_org + r12.other_org + r13.other_org + r14.other_org + r15.other_org + r16.other_org + r17.other_org + r18.other_org + r19.other_org + r20.other_org + r21.other_org + r22.other_org != r23.other_org:
        bad.append('applications.results_total.other_org')
    if r02.total + r03.total + r04.total + r05.total + r06.total + r07.total + r08.total + r09.total + r10.total + r11.total + r12.total + r13.total + r14.total + r15.total + r16.total + r17.total + r18.total + r19.total + r20.total + r21.total + r22.total != r23.total:
        bad.append('applications.results_total.total')
    if r00.natural_person + r00.commercial_enterprise + r00.research_institution + r00.public_welfare_org + r00.legal_service_org + r00.other_org != r00.total:
        bad.append('applications.new_received.total')
    if r01.natural_person + r01.commercial_enterprise + r01.research_institution + r01.public_welfare_org + r01.legal_service_org + r01.other_org != r01.total:
        bad.append('applications.carried_over.total')
    if r02.natural_person + r02.commercial_enterprise + r02.research_institution + r02.public_welfare_org + r02.legal_service_org + r02.other_org != r02.total:
        bad.append('applications.granted.total')
    if r03.natural_person + r03.commercial_enterprise + r03.research_institution + r03.public_welfare_org + r03.legal_service_org + r03.other_org != r03.total:
        bad.append('applications.partially_granted.total')
    if r04.natural_person + r04.commercial_enterprise + r04.research_institution + r04.public_welfare_org + r04.legal_service_org + r04.other_org != r04.total:
        bad.append('applications.denied_state_secret.total')
    if r05.natural_person + r05.commercial_enterprise + r05.research_institution + r05.public_welfare_org + r05.legal_service_org + r05.other_org != r05.total:
        bad.append('applications.denied_prohibited_by_law.total')
    if r06.natural_person + r06.commercial_enterprise + r06.research_institution + r06.public_welfare_org + r06.legal_service_org + r06.other_org != r06.total:
        bad.append('applications.denied_security_stability.total')
    if r07.natural_person + r07.commercial_enterprise + r07.research_institution + r07.public_welfare_org + r07.legal_service_org + r07.other_org != r07.total:
        bad.append('applications.denied_third_party_rights.total')
    if r08.natural_person + r08.commercial_enterprise + r08.research_institution + r08.public_welfare_org + r08.legal_service_org + r08.other_org != r08.total:
        bad.append('applications.denied_internal_affairs.total')
    if r09.natural_person + r09.commercial_enterprise + r09.research_institution + r09.public_welfare_org + r09.legal_service_org + r09.other_org != r09.total:
        bad.append('applications.denied_process_info.total')
    if r10.natural_person + r10.commercial_enterprise + r10.research_institution + r10.public_welfare_org + r10.legal_service_org + r10.other_org != r10.total:
        bad.append('applications.denied_enforcement_file.total')
    if r11.natural_person + r11.commercial_enterprise + r11.research_institution + r11.public_welfare_org + r11.legal_service_org + r11.other_org != r11.total:
        bad.append('applications.denied_administrative_query.total')
    if r12.natural_person + r12.commercial_enterprise + r12.research_institution + r12.public_welfare_org + r12.legal_service_org + r12.other_org != r12.total:
        bad.append('applications.unable_not_held.total')
    if r13.natural_person + r13.commercial_enterprise + r13.research_institution + r13.public_welfare_org + r13.legal_service_org + r13.other_org != r13.total:
        bad.append('applications.unable_needs_creation.total')
    if r14.natural_person + r14.commercial_enterprise + r14.research_institution + r14.public_welfare_org + r14.legal_service_org + r14.other_org != r14.total:
        bad.append('applications.unable_unclear_after_correction.total')
    if r15.natural_person + r15.commercial_enterprise + r15.research_institution + r15.public_welfare_org + r15.legal_service_org + r15.other_org != r15.total:
        bad.append('applications.not_processed_petition.total')
    if r16.natural_person + r16.commercial_enterprise + r16.research_institution + r16.public_welfare_org + r16.legal_service_org + r16.other_org != r16.total:
        bad.append('applications.not_processed_duplicate.total')
    if r17.natural_person + r17.commercial_enterprise + r17.research_institution + r17.public_welfare_org + r17.legal_service_org + r17.other_org != r17.total:
        bad.append('applications.not_processed_publication.total')
    if r18.natural_person + r18.commercial_enterprise + r18.research_institution + r18.public_welfare_org + r18.legal_service_org + r18.other_org != r18.total:
        bad.append('applications.not_processed_excessive.total')
    if r19.natural_person + r19.commercial_enterprise + r19.research_institution + r19.public_welfare_org + r19.legal_service_org + r19.other_org != r19.total:
        bad.append('applications.not_processed_confirmation.total')
    if r20.natural_person + r20.commercial_enterprise + r20.research_institution + r20.public_welfare_org + r20.legal_service_org + r20.other_org != r20.total:
        bad.append('applications.other_no_correction.total')
    if r21.natural_person + r21.commercial_enterprise + r21.research_institution + r21.public_welfare_org + r21.legal_service_org + r21.other_org != r21.total:
        bad.append('applications.other_fee_unpaid.total')
    if r22.natural_person + r22.commercial_enterprise + r22.research_institution + r22.public_welfare_org + r22.legal_service_org + r22.other_org != r22.total:
        bad.append('applications.other_misc.total')
    if r23.natural_person + r23.commercial_enterprise + r23.research_institution + r23.public_welfare_org + r23.legal_service_org + r23.other_org != r23.total:
        bad.append('applications.results_total.total')
    if r24.natural_person + r24.commercial_enterprise + r24.research_institution + r24.public_welfare_org + r24.legal_service_org + r24.other_org != r24.total:
        bad.append('applications.carried_forward.total')
    if r00.natural_person + r01.natural_person - r23.natural_person != r24.natural_person:
        bad.append('applications.carried_forward.natural_person')
    if r00.commercial_enterprise + r01.commercial_enterprise - r23.commercial_enterprise != r24.commercial_enterprise:
        bad.append('applications.carried_forward.commercial_enterprise')
    if r00.research_institution + r01.research_institution - r23.research_institution != r24.research_institution:
        bad.append('applications.carried_forward.research_institution')
    if r00.public_welfare_org + r01.public_welfare_org - r23.public_welfare_org != r24.public_welfare_org:
        bad.append('applications.carried_forward.public_welfare_org')
    if r00.legal_service_org + r01.legal_service_org - r23.legal_service_org != r24.legal_service_org:
        bad.append('applications.carried_forward.legal_service_org')
    if r00.other_org + r01.other_org - r23.other_org != r24.other_org:
        bad.append('applications.carried_forward.other_org')
    if r00.total + r01.total - r23.total != r24.total:
        bad.append('applications.carried_forward.total')
    if rl.review.upheld + rl.review.corrected + rl.review.other + rl.review.pending != rl.review.total:
        bad.append('review_litigation.review.total')
    if rl.litigation_direct.upheld + rl.litigation_direct.corrected + rl.litigation_direct.other + rl.litigation_direct.pending != rl.litigation_direct.total:
        bad.append('review_litigation.litigation_direct.total')
    if rl.litigation_after_review.upheld + rl.litigation_after_review.corrected + rl.litigation_after_review.other + rl.litigation_after_review.pending != rl.litigation_after_review.total:
        bad.append('review_litigation.litigation_after_review.total')
    return bad
# fmt: on


def comparisons() -> list[Comparison]:
    report = gd.examples.load("qijiang-psb-2023")
    assert hand_written(report) == []
    assert check_sums(report) == []
    return [
        Comparison(
            name="table rules (sums of tables 3 and 4)",
            ours=lambda: check_sums(report),
            baseline_name="hand-written sums on ints",
            baseline=lambda: hand_written(report),
            max_ratio=3.0,
            max_seconds=1 / 10_000,
        ),
        Comparison(
            name="validate (all rules, text included)",
            ours=lambda: gd.validate(report),
            max_seconds=1 / 1_000,
        ),
    ]
