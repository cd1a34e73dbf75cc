"""Writing a file the user named, all or nothing: into a temporary file beside it, then renamed into
place, so a failure (or a kill) never leaves half a workbook or half a PDF under the user's name."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from app.errors import KpiDeskError


def check_target(out: Path) -> Path:
    """The path a file may be written to, or a Thai refusal saying why not."""
    out = Path(out)
    if out.is_dir():
        raise KpiDeskError(f"{out} เป็นโฟลเดอร์ กรุณาระบุชื่อไฟล์ที่จะบันทึก", f"{out} is a folder; give a file name")
    if not out.parent.is_dir():
        raise KpiDeskError(f"ไม่พบโฟลเดอร์ {out.parent} สำหรับบันทึกไฟล์ {out.name}", f"folder {out.parent} does not exist")
    if not os.access(out.parent, os.W_OK):
        raise KpiDeskError(f"โฟลเดอร์ {out.parent} เขียนไม่ได้ จึงบันทึกไฟล์ {out.name} ไม่ได้", f"{out.parent} is not writable")
    return out


def write_atomically(out: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(temporary path)`` and move the result to ``out``."""
    out = check_target(out)
    fd, tmp = tempfile.mkstemp(suffix=out.suffix, prefix=".kpi-desk-", dir=out.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise KpiDeskError(f"บันทึกไฟล์ {out} ไม่สำเร็จ ({exc.strerror or exc})", f"cannot write {out}: {exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def copy_atomically(source: Path, out: Path) -> Path:
    return write_atomically(out, lambda tmp: shutil.copyfile(source, tmp))
