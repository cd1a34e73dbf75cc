"""The ministry server's HTTP API. Every route but ``/health`` and ``/login`` needs a valid token
(``Authorization: Bearer …``), else 401; each request is one transaction through the services; a refusal
is a JSON ``{"detail": Thai message}`` with 401, 403, 409, 413, 422 or 429 and stores nothing.

  GET  /health                      200 {"status": "ok", "revision": n} once requests are accepted
  POST /login   {username, password[, prepare_copy]}  → {"token", "username", "role", "unit_id", "expires_in"}
  POST /logout                      revokes the token
  GET  /copy?server=URL             a new desktop copy: a ready SQLite file (its revision in X-Revision)
  GET  /pull?since=N                changes above revision N the account may see
  POST /push    {batch_id, base, edits}  applies a batch (a retried batch_id gets its first answer)
  GET  /conflicts                   open conflicts (secretaries)
  POST /conflicts/{id}/resolve  {"choose": "mine"|"theirs"}
"""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
import uuid
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from app.errors import KpiDeskError
from app.services import accounts, sync

MAX_BODY = 5 * 1024 * 1024


class Refused(Exception):
    def __init__(self, status: int, th: str, headers: dict | None = None) -> None:
        self.status, self.th, self.headers = status, th, headers or {}


def _paused(answer):
    """KPI_DESK_PUSH_PAUSE=seconds holds a push applied but not committed (the crash test kills the server
    there and shows the retried batch applied once); unset, it does nothing."""
    import os
    import sys
    import time
    pause = os.environ.get("KPI_DESK_PUSH_PAUSE")
    if pause:
        print(f"push {answer['batch_id']} applied, not committed", file=sys.stderr, flush=True)
        time.sleep(float(pause))
    return answer


class CopyFolder:
    """Where new desktop copies are made: an empty database at the current migration, made once per server
    process (migrating takes a while; copying a file takes nothing), and the rows files reused by copies at
    one revision. A temporary folder, removed when the process ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._template: Path | None = None
        self._building: dict = {}
        self.folder = Path(tempfile.mkdtemp(prefix="kpi-desk-copies-"))
        import atexit
        atexit.register(shutil.rmtree, self.folder, True)

    def _lock_of(self, own_unit) -> threading.Lock:
        with self._lock:
            return self._building.setdefault(own_unit, threading.Lock())

    def make(self, store, own_unit, out: Path | None = None, **who) -> int:
        """A copy at ``out`` (None: only the rows file) at the current revision, which it returns. One
        writer per scope at a time: the others wait, then reuse its rows file, never one being replaced."""
        with self._lock_of(own_unit):
            return self._make(store, own_unit, out, **who)

    def _make(self, store, own_unit, out: Path | None = None, **who) -> int:
        from app.services import replica
        with store.reading() as s:
            rows, revision = replica.rows_file(s, self.template(), self.folder, own_unit)
        if out is not None:
            replica.write_copy(rows, out, revision=revision, **who)
        return revision

    def prepare(self, store, username: str) -> None:
        """Start writing the rows of ``username``'s copy while its sign-in is checked (the password check and
        the database work overlap). The scope's lock is taken here, before the sign-in answers, so the copy
        asked for next waits for this work and no thread outlives it; already being written: nothing to do."""
        from app.services import accounts
        with store.reading() as s:
            known, own_unit = accounts.copy_scope(s, username)
        if not known:
            return
        building = self._lock_of(own_unit)
        if not building.acquire(blocking=False):
            return
        threading.Thread(target=self._prepare, args=(store, own_unit, building)).start()

    def _prepare(self, store, own_unit, building: threading.Lock) -> None:
        try:
            self._make(store, own_unit)
        except Exception:               # noqa: BLE001 — the copy itself writes the rows and says what failed
            pass
        finally:
            building.release()

    def template(self) -> Path:
        with self._lock:
            if self._template is None:
                from app.store import open_store
                path = self.folder / "empty.sqlite3"
                open_store(path, create=True).close()
                self._template = path
            return self._template


def create_app(store) -> FastAPI:
    app = FastAPI(title="KPI Desk ministry server", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = store
    copies = CopyFolder()

    @app.exception_handler(Refused)
    async def refused(_request, exc: Refused):  # noqa: ANN202
        return JSONResponse({"detail": exc.th}, status_code=exc.status, headers=exc.headers)

    @app.middleware("http")
    async def limit_body(request: Request, call_next):  # noqa: ANN202
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return JSONResponse({"detail": "ข้อมูลที่ส่งมาใหญ่เกิน ๕ เมกะไบต์"}, status_code=413)
        return await call_next(request)

    async def body_of(request: Request):
        raw = b""
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > MAX_BODY:
                raise Refused(413, "ข้อมูลที่ส่งมาใหญ่เกิน ๕ เมกะไบต์")
        try:
            return json.loads(raw or b"null")
        except (ValueError, UnicodeDecodeError):
            raise Refused(400, "ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง") from None

    def who(request: Request) -> accounts.Who:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Refused(401, "ต้องลงชื่อเข้าใช้ก่อน", {"WWW-Authenticate": "Bearer"})
        try:
            with store.reading() as s:
                return accounts.check_token(s, token.strip())
        except KpiDeskError as exc:
            raise Refused(401, exc.th, {"WWW-Authenticate": "Bearer"}) from None

    def run(user: accounts.Who, command: str, fn):
        try:
            with store.transaction(user=user.username, command=command) as s:
                return fn(s)
        except KpiDeskError as exc:
            raise Refused(sync.refusal_status(exc), exc.th) from None

    def sign_in(username: str, password: str):
        failure = None
        with store.transaction(user=username[:64], command="login") as s:
            try:
                return accounts.sign_in(s, username, password)
            except accounts.SlowDown as exc:
                failure = Refused(429, exc.th, {"Retry-After": str(exc.wait)})
            except KpiDeskError as exc:
                failure = Refused(401, exc.th)            # the failure count is committed with this transaction
        raise failure

    @app.get("/health")
    def health():  # noqa: ANN202
        with store.reading() as s:
            return {"status": "ok", "revision": sync.head(s)}

    @app.post("/login")
    async def login(request: Request):  # noqa: ANN202
        body = await body_of(request)
        if not isinstance(body, dict) or not isinstance(body.get("username"), str) \
                or not isinstance(body.get("password"), str):
            raise Refused(422, "ต้องส่ง username และ password เป็นข้อความ")
        if body.get("prepare_copy") is True:
            await run_in_threadpool(copies.prepare, store, body["username"])
        token, account = await run_in_threadpool(sign_in, body["username"], body["password"])
        return {"token": token, "username": account.username, "role": account.role,
                "unit_id": str(account.unit_id) if account.unit_id else None,
                "expires_in": accounts.TOKEN_HOURS * 3600}

    @app.post("/logout")
    def logout(request: Request, user: accounts.Who = Depends(who)):  # noqa: ANN202, B008
        token = request.headers["authorization"].partition(" ")[2].strip()
        run(user, "logout", lambda s: accounts.revoke_token(s, token))
        return {"status": "signed out"}

    @app.get("/copy")
    def copy(server: str = "", user: accounts.Who = Depends(who)):  # noqa: ANN202, B008
        """A new desktop copy as a ready SQLite file (what the account may hold, the revision it is at, where
        it syncs to: ``server``, the address the desktop used)."""
        from fastapi.responses import FileResponse
        from starlette.background import BackgroundTask

        folder = Path(tempfile.mkdtemp(prefix="kpi-desk-copy-"))
        out = folder / "copy.sqlite3"
        try:
            revision = copies.make(store, user.unit_id if user.role == "focal_point" else None, out,
                                   server=server[:500], username=user.username, role=user.role, unit_id=user.unit_id)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return FileResponse(out, media_type="application/vnd.sqlite3", headers={"X-Revision": str(revision)},
                            background=BackgroundTask(shutil.rmtree, folder, True))

    @app.get("/pull")
    def pull(since: int = 0, user: accounts.Who = Depends(who)):  # noqa: ANN202, B008
        if since < 0:
            raise Refused(422, "since ต้องไม่ติดลบ")
        with store.reading() as s:
            return sync.pull(s, user, since)

    @app.post("/push")
    async def push(request: Request, user: accounts.Who = Depends(who)):  # noqa: ANN202, B008
        body = await body_of(request)
        try:
            batch_id, base, edits = sync.parse_batch(body)
        except KpiDeskError as exc:
            raise Refused(422, exc.th) from None
        return await run_in_threadpool(run, user, "push", lambda s: _paused(sync.apply_batch(s, user, batch_id, base, edits)))

    @app.get("/conflicts")
    def conflicts(user: accounts.Who = Depends(who)):  # noqa: ANN202, B008
        return run(user, "conflicts", lambda s: sync.conflicts(s, user))

    @app.post("/conflicts/{conflict_id}/resolve")
    async def resolve(conflict_id: str, request: Request, user: accounts.Who = Depends(who)):  # noqa: ANN202, B008
        body = await body_of(request)
        try:
            cid = uuid.UUID(conflict_id)
        except ValueError:
            raise Refused(422, "รหัสข้อขัดแย้งไม่ถูกต้อง") from None
        choose = body.get("choose") if isinstance(body, dict) else None
        return await run_in_threadpool(run, user, "resolve conflict", lambda s: sync.resolve(s, user, cid, choose))

    return app
