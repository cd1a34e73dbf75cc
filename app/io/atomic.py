"""Writing a file the user named, all or nothing: into a temporary file beside it, then renamed into
place, so a failure (or a kill) never leaves half a workbook or half a PDF under the user's name."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path
from typing import Callable

from app.errors import KpiDeskError


FORMATS_TH = {".pdf": "PDF", ".xlsx": "Excel"}


def check_target(out: Path, suffix: str | None = None) -> Path:
    """The path a file may be written to, or a Thai refusal saying why not. With ``suffix`` the name
    must end so: a report written as "targets.xlsx" would have replaced the secretary's workbook with a
    PDF no program opens under that name."""
    out = Path(out)
    if out.is_dir():
        raise KpiDeskError(f"{out} เป็นโฟลเดอร์ กรุณาระบุชื่อไฟล์ที่จะบันทึก", f"{out} is a folder; give a file name")
    if not out.parent.is_dir():
        raise KpiDeskError(f"ไม่พบโฟลเดอร์ {out.parent} สำหรับบันทึกไฟล์ {out.name}", f"folder {out.parent} does not exist")
    if not os.access(out.parent, os.W_OK):
        raise KpiDeskError(f"โฟลเดอร์ {out.parent} เขียนไม่ได้ จึงบันทึกไฟล์ {out.name} ไม่ได้", f"{out.parent} is not writable")
    if out.exists() and not out.stat().st_mode & stat.S_IWUSR:
        raise KpiDeskError(f"ไฟล์ {out} ตั้งเป็นอ่านอย่างเดียว จึงไม่บันทึกทับ (บันทึกเป็นชื่อใหม่ หรือยกเลิกการอ่านอย่างเดียวก่อน)",
                           f"{out} is read-only")
    if suffix and out.suffix.lower() != suffix:
        kind = FORMATS_TH.get(suffix, suffix)
        stem = out.stem if out.suffix else out.name
        example = f"{'ชื่อไฟล์' if stem.lower() in ('', suffix) else stem}{suffix}"      # ".pdf" alone has no name
        raise KpiDeskError(f"ไฟล์ {out.name} ต้องมีนามสกุล {suffix} เพราะเป็นไฟล์ {kind} (เช่น {example}) "
                           "จึงยังไม่ได้บันทึกหรือเขียนทับไฟล์ใด", f"{out.name} must end in {suffix}")
    return out


def write_atomically(out: Path, write: Callable[[Path], object], suffix: str | None = None) -> Path:
    """Call ``write(temporary path)`` and move the result to ``out``, with the permissions a saved file
    has: the replaced file's own, or for a new file what the user's umask gives (a colleague on a shared
    folder can open the annex as they can a Word file saved there)."""
    out = check_target(out, suffix)
    tmp: Path | None = None
    try:
        tmp = _temporary_beside(out)
        write(tmp)
        _keep_mode_of(out, tmp)
        os.replace(tmp, out)
    except OSError as exc:
        _remove(tmp)
        raise KpiDeskError(f"บันทึกไฟล์ {out} ไม่สำเร็จ ({exc.strerror or exc})", f"cannot write {out}: {exc}") from None
    except BaseException:
        _remove(tmp)
        raise
    return out


def _remove(tmp: Path | None) -> None:
    if tmp is not None:
        tmp.unlink(missing_ok=True)


def _temporary_beside(out: Path) -> Path:
    """A new empty file in ``out``'s folder that nothing else has opened. Made with ``os.open`` and mode
    0666 so that the user's umask applies, as to any file they save (``mkstemp`` makes it 0600, which
    the rename then gave every report and workbook)."""
    tmp = out.parent / f".kpi-desk-{os.urandom(8).hex()}{out.suffix}"
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666))
    return tmp


def _keep_mode_of(out: Path, tmp: Path) -> None:
    try:
        mode = stat.S_IMODE(out.stat().st_mode)
    except FileNotFoundError:
        return
    os.chmod(tmp, mode)


def copy_atomically(source: Path, out: Path) -> Path:
    """A copy of ``source`` under ``out``, which must carry the same file type (suffix)."""
    return write_atomically(out, lambda tmp: shutil.copyfile(source, tmp), Path(source).suffix.lower() or None)
