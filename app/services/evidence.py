"""Evidence files of a result (one indicator, one round): attached, listed, read back checked, removed.

The bytes live in the database beside their SHA-256, so a backup or a copy of the database carries its
evidence, and a file changed on disk after it was attached cannot change what the committee saw. Files
follow the round's lock like the results they support.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlmodel import Session

from app.errors import KpiDeskError, ValidationError
from app.models import Assignment, EvidenceFile, Round
from app.services.framework import ensure_results_editable

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024     # one scanned letter or a few pages of photos, not a video
MAX_EVIDENCE_TH = "๒๐ เมกะไบต์"
_FORBIDDEN = set('/\\\0:*?"<>|') | {chr(c) for c in range(32)}


@dataclass(frozen=True)
class EvidenceInfo:
    id: uuid.UUID
    name: str
    size: int
    sha256: str
    added_by: str
    added_at: datetime


def clean_name(name: str) -> str:
    """A file name safe to store and to write back to a folder (no path, no control characters)."""
    base = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join("_" if ch in _FORBIDDEN else ch for ch in base).strip(" .")
    if not base:
        raise ValidationError(["ชื่อไฟล์หลักฐานว่างหรือใช้ไม่ได้"], "empty evidence file name")
    return base[:200]


def size_problem(size: int) -> str:
    """Why a file of ``size`` bytes cannot be attached ("" when it can): callers check before reading it."""
    if size <= 0:
        return "ไฟล์ว่าง ไม่มีเนื้อหา"
    if size > MAX_EVIDENCE_BYTES:
        return f"ไฟล์ใหญ่ {size / 1048576:.1f} เมกะไบต์ เกินขนาดที่รับได้ ({MAX_EVIDENCE_TH})"
    return ""


def attach_evidence(session: Session, rnd: Round, assignment_id: uuid.UUID, name: str, content: bytes) -> EvidenceInfo:
    rnd = ensure_results_editable(session, rnd)
    a = session.get(Assignment, assignment_id)
    if a is None or a.fiscal_year_id != rnd.fiscal_year_id:
        raise KpiDeskError("ไม่พบตัวชี้วัดของรอบนี้ที่จะแนบหลักฐาน", "assignment not in this round's year")
    name = clean_name(name)
    problem = size_problem(len(content))
    if problem:
        raise ValidationError([f"แนบไฟล์ “{name}” ไม่ได้: {problem}"], "evidence file size")
    digest = hashlib.sha256(content).hexdigest()
    same = session.execute(select(EvidenceFile.name).where(EvidenceFile.assignment_id == a.id,
                                                           EvidenceFile.round_id == rnd.id,
                                                           EvidenceFile.sha256 == digest)).scalar()
    if same is not None:
        raise ValidationError([f"ไฟล์ “{name}” มีเนื้อหาเดียวกับหลักฐาน “{same}” ที่แนบไว้แล้ว"], "already attached")
    row = EvidenceFile(assignment_id=a.id, round_id=rnd.id, name=name, size=len(content), sha256=digest,
                       content=bytes(content), added_by=session.info.get("user", ""))
    session.add(row)
    session.flush()
    return _info(row)


def _info(row: EvidenceFile) -> EvidenceInfo:
    return EvidenceInfo(row.id, row.name, row.size, row.sha256, row.added_by, row.created_at)


def evidence_files(session: Session, round_id: uuid.UUID, assignment_id: uuid.UUID) -> list[EvidenceInfo]:
    E = EvidenceFile
    rows = session.execute(select(E.id, E.name, E.size, E.sha256, E.added_by, E.created_at)
                           .where(E.round_id == round_id, E.assignment_id == assignment_id)
                           .order_by(E.created_at, E.name)).all()
    return [EvidenceInfo(*r) for r in rows]


def evidence_counts(session: Session, round_id: uuid.UUID) -> dict[uuid.UUID, int]:
    """How many files each indicator of the round has (the results grid's column)."""
    E = EvidenceFile
    return dict(session.execute(select(E.assignment_id, func.count()).where(E.round_id == round_id)
                                .group_by(E.assignment_id)).all())


def evidence_content(session: Session, evidence_id: uuid.UUID) -> tuple[str, bytes]:
    """A file's name and bytes, refused if they no longer match the SHA-256 taken when it was attached."""
    row = session.get(EvidenceFile, evidence_id)
    if row is None:
        raise KpiDeskError("ไม่พบไฟล์หลักฐาน (อาจถูกลบไปแล้ว)", "evidence file not found")
    if hashlib.sha256(row.content).hexdigest() != row.sha256:
        raise KpiDeskError(f"ไฟล์หลักฐาน “{row.name}” ในฐานข้อมูลไม่ตรงกับรหัสตรวจสอบ SHA-256 ที่บันทึกไว้ (ไฟล์เสียหาย)",
                           "evidence file does not match its SHA-256")
    return row.name, row.content


def remove_evidence(session: Session, evidence_id: uuid.UUID) -> None:
    row = session.get(EvidenceFile, evidence_id)
    if row is None:
        raise KpiDeskError("ไม่พบไฟล์หลักฐาน (อาจถูกลบไปแล้ว)", "evidence file not found")
    ensure_results_editable(session, session.get(Round, row.round_id))
    session.delete(row)
    session.flush()
