"""Reading and writing per-database settings."""

from __future__ import annotations

from sqlmodel import Session, select

from app.domain.thai_text import is_thai_word
from app.errors import KpiDeskError
from app.models import Setting

DEFAULTS = {"table_thai_digits": "0", "paper": "A4"}
LABELS_TH = {"user_name": "ชื่อผู้ใช้ (บันทึกเป็นผู้แก้ไขทุกรายการ)", "user_position": "ตำแหน่ง",
             "table_thai_digits": "ตารางตัวเลขใช้เลขไทย (1 = ใช่, 0 = ไม่ใช่)",
             "paper": "กระดาษที่พิมพ์ (A4 หรือ Letter)", "printer": "เครื่องพิมพ์ที่ใช้ประจำ",
             "words_never_cut": "คำที่ไม่ตัดแยกบรรทัดในรายงาน (คั่นด้วยช่องว่าง)"}
PAPERS = ("A4", "Letter")
MAX_LENGTH = 200
MAX_LENGTHS = {"words_never_cut": 4000}


def get_setting(session: Session, key: str) -> str:
    row = session.exec(select(Setting).where(Setting.key == key)).first()
    return row.value if row else DEFAULTS.get(key, "")


def set_setting(session: Session, key: str, value: str) -> Setting:
    value = (value or "").strip()
    if key == "words_never_cut":
        value = _word_list(value)
    limit = MAX_LENGTHS.get(key, MAX_LENGTH)
    if len(value) > limit:
        raise KpiDeskError(f"ค่าของ {LABELS_TH.get(key, key)} ยาวเกิน {limit} ตัวอักษร", f"{key} is too long")
    if key == "table_thai_digits" and value not in ("0", "1"):
        raise KpiDeskError("ตารางตัวเลขใช้เลขไทยต้องเป็น 0 หรือ 1", "table_thai_digits is 0 or 1")
    if key == "paper" and value not in PAPERS:
        raise KpiDeskError(f"กระดาษต้องเป็น {' หรือ '.join(PAPERS)}", "paper is A4 or Letter")
    row = session.exec(select(Setting).where(Setting.key == key)).first() or Setting(key=key)
    row.value = value
    session.add(row)
    session.flush()
    return row


def _word_list(value: str) -> str:
    """The secretary's words, one space between them, each Thai letters only (2–30 of them)."""
    found = list(dict.fromkeys(value.split()))
    wrong = [w for w in found if not is_thai_word(w)]
    if wrong:
        raise KpiDeskError("คำที่ไม่ตัดแยกบรรทัดต้องเป็นคำไทยล้วน ยาว ๒–๓๐ ตัวอักษร ไม่มีเว้นวรรคหรือเครื่องหมายภายในคำ: "
                           + ", ".join(f"“{w}”" for w in wrong[:5]), f"not Thai words: {wrong[:5]}")
    return " ".join(found)


def words_never_cut(session: Session) -> list[str]:
    return get_setting(session, "words_never_cut").split()


def settings_values(session: Session) -> dict[str, str]:
    """Every setting the Settings dialog shows, with its default where unset."""
    return {key: get_setting(session, key) for key in LABELS_TH}


def set_settings(session: Session, values: dict[str, str]) -> None:
    """Several settings in one use case (the Settings dialog's OK): all are saved or none."""
    for key, value in values.items():
        if key not in LABELS_TH:
            raise KpiDeskError(f"ไม่รู้จักการตั้งค่า “{key}”", f"unknown setting {key!r}")
        set_setting(session, key, value)
