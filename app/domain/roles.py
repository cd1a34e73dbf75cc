"""Who may change what on the ministry server's data: the one rule the server applies to every push and a
desktop copy applies as its user types, so a copy never keeps work its server will refuse."""

from __future__ import annotations

FOCAL_POINT_FIELDS = frozenset({"actual", "note", "evidence_ref"})
ROLES_TH = {"admin": "ผู้ดูแลระบบ", "secretary": "ฝ่ายเลขานุการ", "focal_point": "ผู้ประสานงานตัวชี้วัด",
            "member": "กรรมการ"}


EN = {
    "การเห็นชอบ ปิด หรือเปิดรอบการประเมินใหม่ทำได้เฉพาะฝ่ายเลขานุการ":
        "Only the secretariat approves, locks or reopens a round",
    "ผู้ประสานงานตัวชี้วัดยื่นคำขอได้เฉพาะตัวชี้วัดของหน่วยงานตนเอง":
        "A focal point files requests for its own unit's indicators only",
    "ผู้ประสานงานตัวชี้วัดบันทึกได้เฉพาะผลการดำเนินงาน หมายเหตุ และหลักฐานของหน่วยงานตนเอง":
        "A focal point enters only its own unit's results, notes and evidence",
    "ผู้ประสานงานตัวชี้วัดบันทึกผลได้เฉพาะของหน่วยงานตนเอง": "A focal point enters results of its own unit only",
    "กรรมการดูข้อมูลได้อย่างเดียว แก้ไขไม่ได้": "A committee member reads; nothing can be changed",
    "ผู้ดูแลระบบจัดการบัญชีผู้ใช้ ไม่แก้ไขข้อมูลการประเมิน": "An administrator manages accounts, not evaluation data",
}


def may(role: str, own_unit, kind: str, field: str, unit_id) -> str:
    """Why an account of ``role`` (a focal point: of ``own_unit``) may not change ``field`` of a ``kind`` of
    row belonging to ``unit_id`` ("" when it may). Kinds: assignment, result, round, change_request."""
    if role == "secretary":
        return ""
    if kind == "round" and role != "admin":
        return "การเห็นชอบ ปิด หรือเปิดรอบการประเมินใหม่ทำได้เฉพาะฝ่ายเลขานุการ"
    if role == "focal_point":
        if kind == "change_request":
            return "" if unit_id == own_unit else "ผู้ประสานงานตัวชี้วัดยื่นคำขอได้เฉพาะตัวชี้วัดของหน่วยงานตนเอง"
        if kind != "result" or field not in FOCAL_POINT_FIELDS:
            return "ผู้ประสานงานตัวชี้วัดบันทึกได้เฉพาะผลการดำเนินงาน หมายเหตุ และหลักฐานของหน่วยงานตนเอง"
        if unit_id != own_unit:
            return "ผู้ประสานงานตัวชี้วัดบันทึกผลได้เฉพาะของหน่วยงานตนเอง"
        return ""
    if role == "member":
        return "กรรมการดูข้อมูลได้อย่างเดียว แก้ไขไม่ได้"
    return "ผู้ดูแลระบบจัดการบัญชีผู้ใช้ ไม่แก้ไขข้อมูลการประเมิน"
