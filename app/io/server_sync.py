"""A desktop talking to the ministry server: sign in, make a local copy from the server's snapshot, and
sync — push the outbox in batches (a batch keeps its id until the server has answered it, so a retry after
a lost answer is applied once), then pull what changed above the copy's revision. Every local step is one
transaction through the services; the network calls sit between them, never inside one.

``http`` is an ``httpx.Client`` (or FastAPI's TestClient) whose base URL is the server's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.errors import KpiDeskError
from app.services import replica

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


def _call(http, method: str, path: str, token: str | None = None, **kw):
    import httpx
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        r = http.request(method, path, headers=headers, **kw)
    except httpx.HTTPError as exc:
        raise ServerError(f"ติดต่อเซิร์ฟเวอร์ไม่ได้ ({type(exc).__name__}) งานที่ทำไว้ยังอยู่ในเครื่องและจะส่งเมื่อเชื่อมต่อได้",
                          "server unreachable") from None
    if r.status_code >= 400:
        try:
            detail = r.json().get("detail", "")
        except ValueError:
            detail = r.text[:200]
        error = ServerError(f"เซิร์ฟเวอร์ไม่รับ ({r.status_code}): {detail}", f"server refused {r.status_code}")
        error.status = r.status_code
        raise error
    return r.json()


def sign_in(http, username: str, password: str) -> dict:
    return _call(http, "POST", "/login", json={"username": username, "password": password})


def clone(store, http, token: str, server: str, username: str, role: str = "", unit_id: str | None = None) -> int:
    """Make ``store`` (an empty local database) a copy of the server; the number of rows copied."""
    data = _call(http, "GET", "/snapshot", token)
    with store.transaction(user=username, command="sync clone") as s:
        return replica.load_snapshot(s, data, server, username, role, unit_id)


def sync(store, http, token: str) -> SyncReport:
    report = SyncReport()
    while True:                                           # push, a batch at a time
        with store.transaction(command="sync push") as s:
            queue = replica.pending(s)[:BATCH]
            if not queue:
                break
            seqs = [q[0] for q in queue]
            batch = replica.name_batch(s, seqs)
            base = replica.revision(s)
        body = {"batch_id": str(batch), "base": base, "edits": [q[1] for q in queue]}
        try:
            answer = _call(http, "POST", "/push", token, json=body)
        except ServerError as exc:
            if getattr(exc, "status", None) in (403, 422):     # refused for good: set aside with the reason
                with store.transaction(command="sync refused") as s:
                    replica.refuse(s, seqs, exc.th)
                report.refused.append(exc.th)
                continue
            raise                                         # unreachable or busy: the batch waits, same id
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
    """Sign in and make a new local database at ``path`` a copy of the server; (store, token)."""
    from app.store import open_store
    who = sign_in(http, username, password)
    store = open_store(path, create=True)
    clone(store, http, who["token"], server, username, who.get("role", ""), who.get("unit_id"))
    return store, who["token"]
