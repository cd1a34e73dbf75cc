"""The closed vocabularies of the domain, with their Thai labels (see shared/DOMAIN.md)."""

from __future__ import annotations

from enum import StrEnum


class UnitKind(StrEnum):
    DEPARTMENT = "department"
    PROVINCE = "province"
    PUBLIC_ORG = "public_org"
    STATE_ENTERPRISE = "state_enterprise"
    OTHER = "other"


UNIT_KIND_TH = {
    UnitKind.DEPARTMENT: "ส่วนราชการ",
    UnitKind.PROVINCE: "จังหวัด",
    UnitKind.PUBLIC_ORG: "องค์การมหาชน",
    UnitKind.STATE_ENTERPRISE: "รัฐวิสาหกิจ",
    UnitKind.OTHER: "หน่วยงานอื่น",
}


class CommitteeRole(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    SECRETARY = "secretary"
    ASSISTANT_SECRETARY = "assistant_secretary"


COMMITTEE_ROLE_TH = {
    CommitteeRole.CHAIR: "ประธานกรรมการ",
    CommitteeRole.VICE_CHAIR: "รองประธานกรรมการ",
    CommitteeRole.MEMBER: "กรรมการ",
    CommitteeRole.SECRETARY: "กรรมการและเลขานุการ",
    CommitteeRole.ASSISTANT_SECRETARY: "กรรมการและผู้ช่วยเลขานุการ",
}
COMMITTEE_ROLE_EN = {
    CommitteeRole.CHAIR: "chair", CommitteeRole.VICE_CHAIR: "vice-chair", CommitteeRole.MEMBER: "member",
    CommitteeRole.SECRETARY: "member and secretary", CommitteeRole.ASSISTANT_SECRETARY: "member and assistant secretary",
}


class RoundStatus(StrEnum):
    OPEN = "open"
    APPROVED = "approved"
    LOCKED = "locked"


ROUND_STATUS_TH = {
    RoundStatus.OPEN: "เปิดบันทึกผล",
    RoundStatus.APPROVED: "คณะกรรมการเห็นชอบแล้ว",
    RoundStatus.LOCKED: "ปิดรอบแล้ว",
}


class IndicatorKind(StrEnum):
    FUNCTIONAL = "functional"
    AGENDA = "agenda"
    JOINT_BY_FUNCTION = "joint_by_function"
    AREA = "area"
    INTERNATIONAL = "international"
    JOINT_BY_AGENDA = "joint_by_agenda"
    DIGITAL = "digital"
    PMQA = "pmqa"
    STRATEGIC = "strategic"


INDICATOR_KIND_TH = {
    IndicatorKind.FUNCTIONAL: "ตัวชี้วัดตามภารกิจพื้นฐาน",
    IndicatorKind.AGENDA: "Agenda KPIs",
    IndicatorKind.JOINT_BY_FUNCTION: "Joint KPIs by Function",
    IndicatorKind.AREA: "Area KPIs",
    IndicatorKind.INTERNATIONAL: "International KPIs",
    IndicatorKind.JOINT_BY_AGENDA: "Joint KPIs by Agenda",
    IndicatorKind.DIGITAL: "การพัฒนาองค์การสู่ดิจิทัล",
    IndicatorKind.PMQA: "PMQA 4.0",
    IndicatorKind.STRATEGIC: "Strategic KPIs",
}


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"


DIRECTION_TH = {Direction.HIGHER_IS_BETTER: "ยิ่งมากยิ่งดี", Direction.LOWER_IS_BETTER: "ยิ่งน้อยยิ่งดี"}


class ChangeReason(StrEnum):
    """The external causes for which OPDC accepts an indicator change request."""

    DISASTER = "disaster"
    EPIDEMIC = "epidemic"
    POLICY_CHANGE = "policy_change"
    INTERNATIONAL_INDEX_CHANGED = "international_index_changed"
    BUDGET = "budget"
    NATIONAL_COMMITTEE = "national_committee"


CHANGE_REASON_TH = {
    ChangeReason.DISASTER: "สถานการณ์ภัยธรรมชาติ ภัยพิบัติ",
    ChangeReason.EPIDEMIC: "โรคระบาดร้ายแรง โรคอุบัติใหม่ที่ไม่ได้คาดการณ์ไว้ล่วงหน้า",
    ChangeReason.POLICY_CHANGE: "การปรับเปลี่ยนนโยบายรัฐบาล",
    ChangeReason.INTERNATIONAL_INDEX_CHANGED: "หน่วยงานเจ้าของตัวชี้วัดสากลยกเลิกหรือปรับเปลี่ยนรายละเอียดตัวชี้วัด",
    ChangeReason.BUDGET: "ไม่ได้รับการจัดสรรงบประมาณหรือได้รับล่าช้าอย่างน้อย ๖ เดือน",
    ChangeReason.NATIONAL_COMMITTEE: "คณะรัฐมนตรีหรือคณะกรรมการระดับชาติมีมติให้ปรับเป้าหมาย",
}
CHANGE_REASON_EN = {
    ChangeReason.DISASTER: "natural disaster", ChangeReason.EPIDEMIC: "serious or unforeseen epidemic",
    ChangeReason.POLICY_CHANGE: "change of government policy",
    ChangeReason.INTERNATIONAL_INDEX_CHANGED: "the owner of an international index cancelled or changed it",
    ChangeReason.BUDGET: "no budget, or budget at least 6 months late",
    ChangeReason.NATIONAL_COMMITTEE: "the cabinet or a national committee resolved to change the target",
}


class ChangeKind(StrEnum):
    """What a change request does to an indicator of a unit."""

    MODIFY = "modify"
    ADD = "add"
    WITHDRAW = "withdraw"


CHANGE_KIND_TH = {ChangeKind.MODIFY: "ปรับรายละเอียด", ChangeKind.ADD: "เพิ่มตัวชี้วัด", ChangeKind.WITHDRAW: "ยกเลิกตัวชี้วัด"}
CHANGE_KIND_EN = {ChangeKind.MODIFY: "modify", ChangeKind.ADD: "add an indicator", ChangeKind.WITHDRAW: "withdraw"}


class Decision(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


DECISION_TH = {Decision.PENDING: "รอพิจารณา", Decision.APPROVED: "เห็นชอบ", Decision.REJECTED: "ไม่เห็นชอบ"}
DECISION_EN = {Decision.PENDING: "pending", Decision.APPROVED: "approved", Decision.REJECTED: "rejected"}


class Attendance(StrEnum):
    UNRECORDED = "unrecorded"
    PRESENT = "present"
    SUBSTITUTE = "substitute"
    ABSENT = "absent"
    PARTICIPANT = "participant"


ATTENDANCE_TH = {
    Attendance.UNRECORDED: "ยังไม่บันทึก",
    Attendance.PRESENT: "มาประชุม",
    Attendance.SUBSTITUTE: "มาประชุมแทน",
    Attendance.ABSENT: "ไม่มาประชุม",
    Attendance.PARTICIPANT: "ผู้เข้าร่วมประชุม",
}


INDICATOR_KIND_EN = {
    IndicatorKind.FUNCTIONAL: "Basic mission KPI", IndicatorKind.AGENDA: "Agenda KPI",
    IndicatorKind.JOINT_BY_FUNCTION: "Joint KPI by Function", IndicatorKind.AREA: "Area KPI",
    IndicatorKind.INTERNATIONAL: "International KPI", IndicatorKind.JOINT_BY_AGENDA: "Joint KPI by Agenda",
    IndicatorKind.DIGITAL: "Digital organisation", IndicatorKind.PMQA: "PMQA 4.0", IndicatorKind.STRATEGIC: "Strategic KPI",
}
DIRECTION_EN = {Direction.HIGHER_IS_BETTER: "higher is better", Direction.LOWER_IS_BETTER: "lower is better"}
ROUND_STATUS_EN = {RoundStatus.OPEN: "open for results", RoundStatus.APPROVED: "approved by the committee",
                   RoundStatus.LOCKED: "locked"}
ATTENDANCE_EN = {Attendance.UNRECORDED: "not recorded", Attendance.PRESENT: "present", Attendance.SUBSTITUTE: "substitute", Attendance.ABSENT: "absent",
                 Attendance.PARTICIPANT: "participant"}
UNIT_KIND_EN = {UnitKind.DEPARTMENT: "department", UnitKind.PROVINCE: "province", UnitKind.PUBLIC_ORG: "public organisation",
                UnitKind.STATE_ENTERPRISE: "state enterprise", UnitKind.OTHER: "other"}
