"""Reading a file a user attaches as evidence: its size is checked before a byte is read, and anything
the disk refuses becomes a Thai message naming the file."""

from __future__ import annotations

from pathlib import Path

from app.errors import KpiDeskError
from app.services.evidence import MAX_EVIDENCE_BYTES, clean_name, size_problem


def read_evidence(path: Path) -> tuple[str, bytes]:
    path = Path(path)
    try:
        if not path.is_file():
            raise KpiDeskError(f"“{path}” ไม่ใช่ไฟล์ (แนบได้เฉพาะไฟล์)", "not a file")
        problem = size_problem(path.stat().st_size)
        if problem:
            raise KpiDeskError(f"แนบไฟล์ “{path.name}” ไม่ได้: {problem}", "evidence file size")
        with path.open("rb") as fh:
            content = fh.read(MAX_EVIDENCE_BYTES + 1)
    except OSError as exc:
        raise KpiDeskError(f"อ่านไฟล์ “{path.name}” ไม่ได้ ({exc.strerror or type(exc).__name__})", "cannot read") from None
    problem = size_problem(len(content))            # grown while we looked
    if problem:
        raise KpiDeskError(f"แนบไฟล์ “{path.name}” ไม่ได้: {problem}", "evidence file size")
    return clean_name(path.name), content
