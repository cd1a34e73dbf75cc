"""Use-cases: audit rows, locked rounds, change requests, attendance and atomic transactions."""

from decimal import Decimal as D

import pytest
from sqlmodel import select

from app.errors import KpiDeskError, LockedError, ValidationError
from app.models import Assignment, Attendance, AuditEntry, ChangeReason, Indicator, Result, RoundStatus
from app.services import change_requests, framework, indicators, lookup, meetings, results
from app.services.scoring import score_round


def assignment_of(s, code, year=2567):
    ind = lookup.indicator(s, code)
    fy = lookup.year(s, year)
    return s.exec(select(Assignment).where(Assignment.indicator_id == ind.id, Assignment.fiscal_year_id == fy.id)).one()


def test_recording_a_result_writes_audit_rows(demo_store):
    with demo_store.transaction(user="สมหญิง") as s:
        a = assignment_of(s, "PCD-02")
        results.record_result(s, assignment=a, rnd=lookup.round_of(s, 2567, 12), actual=D("78.5"), note="ตรวจทานแล้ว")
    with demo_store.reading() as s:
        rows = s.exec(select(AuditEntry).where(AuditEntry.table_name == "result", AuditEntry.field == "actual",
                                               AuditEntry.user == "สมหญิง")).all()
    assert [(r.old_value, r.new_value) for r in rows] == [("77", "78.5")]


def test_locked_round_refuses_and_changes_nothing(demo_store):
    with demo_store.reading() as s:
        before = score_round(s, year_be=2567, months=6).units
        audit_count = len(s.exec(select(AuditEntry)).all())
    with pytest.raises(LockedError) as info:
        with demo_store.transaction() as s:
            r6 = lookup.round_of(s, 2567, 6)
            assert r6.status == RoundStatus.LOCKED
            results.record_result(s, assignment=assignment_of(s, "PCD-02"), rnd=r6, actual=D(99))
    assert "ปิดรอบแล้ว" in info.value.th and "๖ เดือน" in info.value.th
    with demo_store.reading() as s:
        assert [u.score for u in score_round(s, year_be=2567, months=6).units] == [u.score for u in before]
        assert len(s.exec(select(AuditEntry)).all()) == audit_count


def test_approved_round_refuses_results_until_reopened(demo_store):
    with demo_store.transaction() as s:
        framework.approve_round(s, lookup.round_of(s, 2567, 12), reason="ตามมติที่ประชุม")
    with pytest.raises(LockedError) as info:
        with demo_store.transaction() as s:
            results.record_result(s, assignment=assignment_of(s, "PCD-02"), rnd=lookup.round_of(s, 2567, 12), actual=D(1))
    assert "เห็นชอบ" in info.value.th
    with demo_store.transaction() as s:
        framework.reopen_round(s, lookup.round_of(s, 2567, 12))
        results.record_result(s, assignment=assignment_of(s, "PCD-02"), rnd=lookup.round_of(s, 2567, 12), actual=D(1))


def test_lock_needs_approval_and_is_final(demo_store):
    with demo_store.transaction() as s:
        r12 = lookup.round_of(s, 2567, 12)
        with pytest.raises(LockedError):
            framework.lock_round(s, r12)
    with demo_store.transaction() as s:
        r6 = lookup.round_of(s, 2567, 6)
        with pytest.raises(LockedError):
            framework.reopen_round(s, r6)


def test_targets_refused_once_a_round_is_closed_but_change_request_applies(demo_store):
    with pytest.raises(LockedError) as info:
        with demo_store.transaction() as s:
            indicators.set_targets(s, assignment_of(s, "PCD-02"), base=D(1), standard=D(2), advanced=D(3))
    assert "คำขอปรับเปลี่ยน" in info.value.th
    with demo_store.transaction() as s:
        a = assignment_of(s, "PCD-02")
        req = change_requests.submit_change_request(
            s, assignment=a, rnd=lookup.round_of(s, 2567, 12), reason=ChangeReason.DISASTER,
            proposed_base=D(60), proposed_standard=D(65), proposed_advanced=D(70))
        change_requests.decide_change_request(s, req, approve=True, decided_on=__import__("datetime").date(2024, 7, 1))
    with demo_store.reading() as s:
        a = assignment_of(s, "PCD-02")
        assert (a.base, a.standard, a.advanced) == (D(60), D(65), D(70))
        fields = {r.field for r in s.exec(select(AuditEntry).where(AuditEntry.row_id == a.id)).all()}
        assert {"base", "standard", "advanced"} <= fields


def test_change_request_reason_must_be_external(demo_store):
    with pytest.raises(KpiDeskError) as info:
        with demo_store.transaction() as s:
            change_requests.submit_change_request(s, assignment=assignment_of(s, "PCD-02"),
                                                  rnd=lookup.round_of(s, 2567, 12), reason="lazy")
    assert "ปัจจัยภายนอก" in info.value.th


def test_due_for_opdc_lists_the_demo_request(demo_store):
    from datetime import date
    with demo_store.reading() as s:
        due = change_requests.due_for_opdc(s, date(2024, 7, 20))
    assert len(due) == 1 and due[0][2] == 11  # 31 July 2024


def test_invalid_targets_in_the_indicator_direction(empty_store):
    with empty_store.transaction() as s:
        from app.services import organisation
        m = organisation.create_ministry(s, code="M", name_th="กระทรวงทดสอบ")
        u = organisation.create_unit(s, ministry=m, code="U", name_th="กรมทดสอบ")
        fy = framework.create_fiscal_year(s, year_be=2568)
        ind = indicators.create_indicator(s, code="DUST", name_th="ฝุ่น", direction="lower")
        with pytest.raises(ValidationError) as info:
            indicators.assign_indicator(s, unit=u, indicator=ind, year=fy, weight=D(10), base=D(1), standard=D(2), advanced=D(3))
        assert "ยิ่งน้อยยิ่งดี" in info.value.th and "กรมทดสอบ" in info.value.th
        with pytest.raises(ValidationError):
            indicators.assign_indicator(s, unit=u, indicator=ind, year=fy, weight=D(10), monitor=True)


def test_a_failing_use_case_rolls_back_whole(demo_store):
    with demo_store.reading() as s:
        count = len(s.exec(select(Indicator)).all())
    with pytest.raises(KpiDeskError):
        with demo_store.transaction() as s:
            indicators.create_indicator(s, code="NEW-1", name_th="ตัวชี้วัดใหม่")
            indicators.create_indicator(s, code="NEW-1", name_th="ซ้ำ")
    with demo_store.reading() as s:
        assert len(s.exec(select(Indicator)).all()) == count


def test_attendance_rules(demo_store):
    from app.models import Meeting, CommitteeMember
    with demo_store.transaction() as s:
        meeting = s.exec(select(Meeting).where(Meeting.number == 1)).one()
        member = s.exec(select(CommitteeMember)).first()
        with pytest.raises(KpiDeskError) as info:
            meetings.record_attendance(s, meeting=meeting, member=member, status=Attendance.ABSENT)
        assert "เหตุ" in info.value.th
        with pytest.raises(KpiDeskError):
            meetings.record_attendance(s, meeting=meeting, member=member, status=Attendance.SUBSTITUTE)
        row = meetings.record_attendance(s, meeting=meeting, member=member, status=Attendance.ABSENT,
                                         absence_reason="ติดราชการ")
        assert row.person_name == member.person_name


def test_result_in_missing_round_is_still_flagged(demo_store):
    with demo_store.reading() as s:
        u = score_round(s, year_be=2567, months=12, unit_code="DMCR").units[0]
        assert [x.line.code for x in u.missing] == ["DMCR-02"]
        assert s.exec(select(Result).where(Result.actual.is_(None))).first().note


def test_an_empty_choice_is_said_as_such_not_as_deleted(demo_store, recwarn):
    """A form with nothing to choose from (a change request in a year with no indicator yet) sent no id, and
    the refusal said the indicator "may have been deleted" (with an SAWarning from SQLAlchemy)."""
    from app.models import Assignment
    with demo_store.reading() as s:
        with pytest.raises(KpiDeskError) as info:
            lookup.get(s, Assignment, None)
    assert info.value.th.startswith("ยังไม่ได้เลือกตัวชี้วัดของหน่วยงาน") and "ถูกลบ" not in info.value.th
    assert not [w for w in recwarn if "NULL primary key" in str(w.message)]
