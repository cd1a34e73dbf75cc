"""A desktop talking to the ministry server: sign in, save a new local copy (the server writes it as a ready
SQLite file, so making one needs no database work here — ``sync connect`` does not even load SQLAlchemy), and
sync — push the outbox in batches (a batch keeps its id until the server has answered it, so a retry after
a lost answer is applied once), then pull what changed above the copy's revision. Every local step is one
transaction through the services; the network calls sit between them, never inside one.

``http`` is an ``httpx.Client`` (or FastAPI's TestClient) whose base URL is the server's.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import KpiDeskError

BATCH = 500


class ServerError(KpiDeskError):
    """The server could not be reached, or refused (its Thai reason kept)."""


@dataclass
class SyncReport:
    pushed: int = 0
    conflicts: list = field(default_factory=list)
    refused: list = field(default_factory=list)
    pulled: int = 0
    revision: int = 0
    waiting: int = 0
    tables: set = field(default_factory=set)     # what the pull changed (the window refreshes those pages)

    @property
    def th(self) -> str:
        parts = [f"ส่ง {self.pushed} รายการ", f"รับ {self.pulled} รายการ"]
        if self.conflicts:
            parts.append(f"ขัดแย้ง {len(self.conflicts)} รายการ (รอฝ่ายเลขานุการตัดสิน)")
        if self.refused:
            parts.append(f"เซิร์ฟเวอร์ไม่รับ {len(self.refused)} รายการ")
        if self.waiting:
            parts.append(f"ยังรอส่ง {self.waiting} รายการ")
        return "ซิงก์แล้ว: " + " · ".join(parts)


def server_address(text: str) -> str:
    """The server's address as typed, checked before a password is sent anywhere: http(s)://host[:port]."""
    from urllib.parse import urlsplit
    url = text.strip()
    try:
        parts = urlsplit(url)
        parts.port                      # raises ValueError for a port that is no number or out of range
        usable = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        usable = False
    if not usable:                      # the example on a line of its own: a dialog would wrap it after "https://"
        raise KpiDeskError(f"ที่อยู่เซิร์ฟเวอร์ “{url[:80]}” ไม่ถูกต้อง: ต้องขึ้นต้นด้วย https:// หรือ http:// ตามด้วยชื่อเครื่อง\n"
                           "เช่น https://kpi.example.go.th", f"server address {url[:80]!r}: use https://host")
    return url


def _call(http, method: str, path: str, token: str | None = None, connecting: bool = False, **kw):
    import httpx
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        r = http.request(method, path, headers=headers, **kw)
    except httpx.HTTPError as exc:
        raise _unreachable(exc, connecting) from None
    if r.status_code >= 400:
        _refusal(r)
    return r.json()


def _unreachable(exc, connecting: bool) -> ServerError:
    """Why, in words a secretary can act on; and what became of the work (``connecting``: no copy yet)."""
    import httpx
    if isinstance(exc, httpx.TimeoutException):
        why = "เซิร์ฟเวอร์ไม่ตอบภายในเวลาที่กำหนด"
    elif "CERTIFICATE_VERIFY_FAILED" in str(exc) or "SSL" in str(exc):
        why = "ตรวจสอบใบรับรองความปลอดภัย (TLS) ของเซิร์ฟเวอร์ไม่ผ่าน แจ้งผู้ดูแลระบบ"
    elif isinstance(exc, httpx.ConnectError):
        why = "เซิร์ฟเวอร์ไม่ได้เปิดอยู่ ที่อยู่ผิด หรือเครือข่ายขัดข้อง"
    else:
        why = "การเชื่อมต่อขาดระหว่างทาง"
    after = "จึงยังไม่ได้สร้างสำเนา" if connecting else "งานที่ทำไว้ยังอยู่ในเครื่องและจะส่งเมื่อเชื่อมต่อได้"
    return ServerError(f"ติดต่อเซิร์ฟเวอร์ไม่ได้ ({why}) {after}", f"server unreachable ({type(exc).__name__})")


def _refusal(r) -> None:
    try:
        detail = r.json().get("detail", "")
    except ValueError:
        detail = r.text[:200]
    error = ServerError(f"เซิร์ฟเวอร์ไม่รับ ({r.status_code}): {detail}", f"server refused {r.status_code}")
    error.status = r.status_code
    raise error


def sign_in(http, username: str, password: str, for_copy: bool = False) -> dict:
    """A token; ``for_copy``: the server starts writing the copy's rows while it checks the password."""
    return _call(http, "POST", "/login", connecting=for_copy,
                 json={"username": username, "password": password, "prepare_copy": for_copy})


def must_be_new(path) -> Path:
    """A copy is a new file: an existing database is never overwritten by one."""
    path = Path(path)
    if path.exists():
        raise KpiDeskError(f"มีไฟล์ {path} อยู่แล้ว สำเนาจากเซิร์ฟเวอร์ต้องเป็นไฟล์ใหม่",
                           f"{path} already exists: a copy of the server must be a new file")
    return path


def save_copy(http, token: str, server: str, path: Path) -> int:
    """Save the server's copy for this account as a new file at ``path`` (written beside it, then renamed, so
    an interrupted download leaves no half a database); the revision it is at."""
    import httpx
    path = must_be_new(path)
    part = path.with_name(path.name + ".part")
    try:
        with http.stream("GET", "/copy", params={"server": server},
                         headers={"Authorization": f"Bearer {token}"}) as r:
            if r.status_code >= 400:
                r.read()
                _refusal(r)
            with open(part, "wb") as out:
                for block in r.iter_bytes():
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
        with open(part, "rb") as done:
            if done.read(16) != b"SQLite format 3\x00":
                raise ServerError("สิ่งที่เซิร์ฟเวอร์ส่งมาไม่ใช่ฐานข้อมูล สำเนาจึงไม่ได้สร้าง", "not a SQLite file")
        os.replace(part, path)
    except httpx.HTTPError as exc:
        raise _unreachable(exc, connecting=True) from None
    finally:
        part.unlink(missing_ok=True)
    return int(r.headers.get("x-revision", 0))


def sync(store, http, token: str) -> SyncReport:
    from app.services import replica
    report = SyncReport()
    alone: set[int] = set()                               # edits of a refused batch: sent one at a time
    while True:                                           # push, a batch at a time
        with store.transaction(command="sync push") as s:
            queue = replica.pending(s)
            if not queue:
                break
            queue = queue[:1] if queue[0][0] in alone else \
                list(itertools.takewhile(lambda q: q[0] not in alone, queue[:BATCH]))
            seqs = [q[0] for q in queue]
            batch = replica.name_batch(s, seqs)
            base = replica.revision(s)
        body = {"batch_id": str(batch), "base": base, "edits": [q[1] for q in queue]}
        try:
            answer = _call(http, "POST", "/push", token, json=body)
        except ServerError as exc:
            if getattr(exc, "status", None) not in (403, 422):
                raise                                     # unreachable or busy: the batch waits, same id
            with store.transaction(command="sync refused") as s:
                if len(seqs) > 1:
                    # the server applied none of it: each edit goes again alone, under a new id, so one
                    # refused edit does not hold back the others typed with it
                    replica.unname_batch(s, seqs)
                    alone.update(seqs)
                    continue
                replica.refuse(s, seqs, exc.th)           # refused for good: set aside with the reason
            report.refused.append(exc.th)
            continue
        with store.transaction(command="sync pushed") as s:
            replica.pushed(s, seqs)
        report.pushed += answer.get("applied", 0)
        report.conflicts += answer.get("conflicts", [])
    while True:                                           # then pull, a page at a time
        with store.reading() as s:
            since = replica.revision(s)
        page = _call(http, "GET", f"/pull?since={since}", token)
        with store.transaction(command="sync pull") as s:
            report.pulled += replica.apply_pulled(s, page)
            report.tables |= s.info.get("pulled_tables", set())
        report.revision = page["revision"]
        if not page.get("more"):
            break
    with store.reading() as s:
        report.waiting = len(replica.pending(s))
    return report


def new_copy(path: Path, http, username: str, password: str, server: str):
    """Sign in and save a new local copy of the server at ``path``; (opened store, token)."""
    from app.store import open_store
    token = sign_in(http, username, password, for_copy=True)["token"]
    save_copy(http, token, server, path)
    return open_store(path), token
