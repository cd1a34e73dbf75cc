"""``kpi-desk sync``: a desktop copy of the ministry server from the command line.

  sync connect --server URL --username U --db NEW.sqlite3   sign in and make a new local copy
  sync [run] --db COPY                                       push the outbox, then pull
  sync status --db COPY                                      where it syncs to, revision, what waits

The session token is kept in the operating system's keyring (``keyring``), never in a file; where the
machine has no keyring the password is asked each time (``--password-stdin`` reads it from input).
"""

from __future__ import annotations

import sys

from app.errors import KpiDeskError



def add_parser(sub, add_db) -> None:
    p = sub.add_parser("sync", help="สำเนาบนเครื่องของเครื่องแม่ข่ายกระทรวง: เชื่อมต่อ ซิงค์ (ส่งแล้วรับ) สถานะ")
    add_db(p)
    p.add_argument("action", nargs="?", default="run", choices=("connect", "run", "status"),
                   help="connect: เชื่อมต่อและทำสำเนา · run: ซิงค์ (ค่าเริ่มต้น) · status: สถานะ")
    p.add_argument("--server", help="connect: ที่อยู่ของเครื่องแม่ข่าย เช่น https://kpi.example.go.th")
    p.add_argument("--username", help="connect: ชื่อบัญชี")
    p.add_argument("--password-stdin", action="store_true", help="อ่านรหัสผ่านจาก standard input")


def _password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass
    return getpass.getpass("รหัสผ่าน: ")


def run(args, db: str) -> int:
    import httpx

    from app.io.credentials import recall_token, remember_token
    from app.io import server_sync

    if args.action == "connect":                  # saves the file the server writes: no database work here
        if not args.server or not args.username:
            raise KpiDeskError("sync connect ต้องระบุ --server และ --username", "--server and --username")
        if "://" in db:
            raise KpiDeskError("สำเนาจากเซิร์ฟเวอร์เป็นไฟล์ในเครื่อง --db ต้องเป็นชื่อไฟล์ใหม่", "the copy is a local file")
        args.server = server_sync.server_address(args.server)
        server_sync.must_be_new(db)                # before the password is asked
        with httpx.Client(base_url=args.server, timeout=60) as http:
            token = server_sync.sign_in(http, args.username, _password(args), for_copy=True)["token"]
            server_sync.save_copy(http, token, args.server, db)
        remember_token(args.server, args.username, token)
        print(f"สร้างสำเนาจากเซิร์ฟเวอร์ {args.server} ที่ {db} แล้ว")
        return 0
    from app.services import replica
    from app.store import open_store
    store = open_store(db)
    try:
        with store.reading() as s:
            server, username = replica.setting(s, replica.SERVER_SETTING), replica.setting(s, replica.USER_SETTING)
            revision, waiting, refused = replica.revision(s), len(replica.pending(s)), replica.refused(s)
        if not server:
            raise KpiDeskError(f"{store.label} ไม่ใช่สำเนาของเซิร์ฟเวอร์กระทรวง (สร้างด้วย kpi-desk sync connect)",
                               "not a server copy")
        if args.action == "status":
            print(f"เซิร์ฟเวอร์ {server} ผู้ใช้ {username} รุ่นข้อมูล {revision} รอส่ง {waiting} รายการ"
                  f" เซิร์ฟเวอร์ไม่รับ {len(refused)} รายการ")
            for edit, reason in refused:
                print(f"- {edit.get('kind')}.{edit.get('field')} = {edit.get('value')}: {reason}")
            return 0
        with httpx.Client(base_url=server, timeout=60) as http:
            token = recall_token(server, username)
            try:
                if token is None:
                    raise server_sync.ServerError("", "no token")
                report = server_sync.sync(store, http, token)
            except server_sync.ServerError as exc:
                if token is not None and getattr(exc, "status", None) != 401:
                    raise
                token = server_sync.sign_in(http, username, _password(args))["token"]
                remember_token(server, username, token)
                report = server_sync.sync(store, http, token)
        print(report.th)
        return 0
    finally:
        store.close()
