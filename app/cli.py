"""Command line: ``kpi-desk`` opens the window; subcommands run the headless jobs.

Only argument parsing and printing live here; each command calls services and domain code.
Expected failures print their Thai message on stderr and exit 2; nothing is half-written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import __version__
from app.cli_usage import ROUND_HELP
from app.errors import KpiDeskError


def _year(text: str) -> int:
    from app.domain.calendar import check_year_be
    try:
        return check_year_be(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _date(text: str):
    from app.domain.calendar import parse_thai_date
    try:
        return parse_thai_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_db(p: argparse.ArgumentParser, top: bool = False) -> None:
    # A subcommand's --db must not reset one given before the command (kpi-desk --db X report …).
    p.add_argument("--db", metavar="PATH", default=None if top else argparse.SUPPRESS,
                   help="ไฟล์ฐานข้อมูลหรือ URL ของ SQLAlchemy (ค่าเริ่มต้น: โฟลเดอร์ข้อมูลของผู้ใช้)")


def build_parser() -> argparse.ArgumentParser:
    from app.cli_usage import ThaiArgumentParser
    parser = ThaiArgumentParser(prog="kpi-desk", description="KPI Desk — งานเลขานุการคณะกรรมการกำกับการประเมินผลการปฏิบัติราชการ")
    parser.add_argument("--version", action="version", version=f"KPI Desk {__version__}",
                        help="แสดงรุ่นของโปรแกรมแล้วออก")
    parser.add_argument("--demo", action="store_true", help="เปิดหน้าต่างโปรแกรมบนกระทรวงตัวอย่างที่สร้างใหม่")
    _add_db(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="คำสั่ง")

    p = sub.add_parser("gui", help="เปิดหน้าต่างโปรแกรม (ค่าเริ่มต้น)")
    _add_db(p)

    p = sub.add_parser("demo", help="สร้างกระทรวงตัวอย่างในฐานข้อมูลใหม่")
    _add_db(p)
    p.add_argument("--force", action="store_true", help="เขียนทับไฟล์ที่มีอยู่แล้วที่ --db")

    p = sub.add_parser("init", help="สร้างฐานข้อมูลเปล่าพร้อมปีงบประมาณ")
    _add_db(p)
    p.add_argument("--year", type=_year, default=None, help="ปีงบประมาณ พ.ศ. ที่จะสร้าง (เช่น 2568)")
    p.add_argument("--ministry-code", help="รหัสกระทรวง (ให้พร้อมกับ --ministry-name)")
    p.add_argument("--ministry-name", help="ชื่อกระทรวง")
    p.add_argument("--grade-floors", default="90,75,60", metavar="Q,U,B",
                   help="คะแนนขั้นต่ำของระดับคุณภาพ มาตรฐานขั้นสูง และมาตรฐานขั้นต้น (ค่าเริ่มต้น 90,75,60)")

    p = sub.add_parser("score", help="คิดคะแนนรอบการประเมิน")
    _add_db(p)
    p.add_argument("--year", type=_year, required=True, help="ปีงบประมาณ พ.ศ. เช่น 2567")
    p.add_argument("--round", type=int, choices=(6, 12), required=True, dest="months", help=ROUND_HELP)
    p.add_argument("--unit", help="รหัสหน่วยงาน (ค่าเริ่มต้น: ทุกหน่วยงาน)")
    p.add_argument("--json", action="store_true", help="พิมพ์เป็นเอกสาร JSON หนึ่งชุด")
    p.add_argument("--what-if", action="store_true", help="พิมพ์สิ่งที่แต่ละหน่วยงานต้องทำเพื่อเลื่อนระดับด้วย")
    p.add_argument("--warnings", action="store_true", help="สัญญาณเตือนล่วงหน้าจากผลรอบ ๖ เดือน")

    p = sub.add_parser("check", help="ตรวจความถูกต้องของฐานข้อมูลและความสอดคล้องของข้อมูล")
    _add_db(p)

    p = sub.add_parser("cascade", help="การถ่ายทอดตัวชี้วัดยุทธศาสตร์สู่ตัวชี้วัดของส่วนราชการ แยกตามการเชื่อมโยง")
    _add_db(p)
    p.add_argument("--year", type=_year, required=True, help="ปีงบประมาณ พ.ศ. เช่น 2568")
    p.add_argument("--json", action="store_true", help="พิมพ์เป็นเอกสาร JSON หนึ่งชุด")

    p = sub.add_parser("server", help="เครื่องแม่ข่ายของกระทรวง: HTTP API บน PostgreSQL (ติดตั้งส่วนเสริม server)")
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                   help="postgresql+psycopg://… (ค่าเริ่มต้น: PostgreSQL ของโปรแกรมเองใน --data-dir)")
    p.add_argument("--data-dir", metavar="DIR", help="โฟลเดอร์ของ PostgreSQL ของโปรแกรมเอง (ค่าเริ่มต้น: โฟลเดอร์ข้อมูล)")
    p.add_argument("--host", default="127.0.0.1", help="ที่อยู่ที่รับการเชื่อมต่อ (ค่าเริ่มต้น 127.0.0.1)")
    p.add_argument("--port", type=int, default=8470, help="พอร์ต (ค่าเริ่มต้น 8470)")
    p.add_argument("--demo", action="store_true", dest="load_demo",
                   help="ใส่กระทรวงตัวอย่างและบัญชีผู้ใช้ตัวอย่างลงในฐานข้อมูลเปล่า")
    p.add_argument("--certfile", help="ใบรับรอง TLS (PEM) หรือให้ทำงานหลัง reverse proxy")
    p.add_argument("--keyfile", help="กุญแจส่วนตัวของ TLS (PEM)")

    p = sub.add_parser("account", help="บัญชีผู้ใช้ของเครื่องแม่ข่าย: เพิ่ม (ถามรหัสผ่าน ไม่รับทางบรรทัดคำสั่ง) แสดงรายการ")
    _add_db(p)
    p.add_argument("action", choices=("add", "list"), help="add: เพิ่มบัญชี · list: แสดงรายการ")
    p.add_argument("--username", help="ชื่อบัญชีที่ใช้เข้าระบบ")
    p.add_argument("--role", choices=("admin", "secretary", "focal_point", "member"),
                   help="บทบาท: ผู้ดูแลระบบ ฝ่ายเลขานุการ ผู้ประสานงานของหน่วยงาน กรรมการ")
    p.add_argument("--unit", help="รหัสหน่วยงานของผู้ประสานงาน")
    p.add_argument("--name", default="", help="ชื่อที่แสดง")
    p.add_argument("--password-stdin", action="store_true", help="อ่านรหัสผ่านจาก standard input")

    p = sub.add_parser("strategy", help="ตัวชี้วัดยุทธศาสตร์ของกระทรวง (ติดตาม ไม่คิดคะแนน): แสดง เพิ่ม ค่าเป้าหมายรายปี")
    _add_db(p)
    p.add_argument("action", choices=("list", "add", "target"), help="list: แสดง · add: เพิ่ม · target: ค่าเป้าหมายรายปี")
    p.add_argument("--year", type=_year, help="list: ปีที่แสดง · target: ปีที่กำหนด")
    p.add_argument("--code", help="รหัสตัวชี้วัดยุทธศาสตร์")
    p.add_argument("--name", help="add: ชื่อตัวชี้วัด")
    p.add_argument("--unit-of-measure", default="", help="add: หน่วยนับ")
    p.add_argument("--plan", metavar="FROM-TO", help="add: ช่วงปีของแผน พ.ศ. เช่น 2566-2570")
    p.add_argument("--target", default="", help="target: ค่าเป้าหมายของปีตามที่แผนเขียนไว้")
    p.add_argument("--value", help="target: ค่าเป้าหมายเป็นตัวเลข")
    p.add_argument("--result", help="target: ผลที่ติดตามได้")

    p = sub.add_parser("basket", help="บัญชีตัวชี้วัด (KPI Basket) ของ สำนักงาน ก.พ.ร. ประจำปี (นำเข้าด้วย import LIST.xlsx --year Y)")
    _add_db(p)
    p.add_argument("--year", type=_year, required=True, help="ปีงบประมาณ พ.ศ. เช่น 2568")
    p.add_argument("--search", default="", help="เฉพาะรายการที่รหัส ชื่อ หรือคำนิยามมีข้อความนี้")
    p.add_argument("--add", metavar="CODE", help="เพิ่มตัวชี้วัดนี้จากบัญชีให้หน่วยงาน --unit (กำหนดน้ำหนักและค่าเป้าหมายต่อในตาราง)")
    p.add_argument("--unit", help="รหัสหน่วยงานสำหรับ --add")
    p.add_argument("--json", action="store_true", help="พิมพ์เป็นเอกสาร JSON หนึ่งชุด")

    from app.reports.kinds import KINDS
    p = sub.add_parser("report", help="สร้างรายงาน PDF: " + ", ".join(KINDS))
    _add_db(p)
    p.add_argument("kind", choices=tuple(KINDS), help="ชนิดของรายงาน")
    p.add_argument("--year", type=_year, help="ปีงบประมาณ พ.ศ. เช่น 2567")
    p.add_argument("--round", type=int, choices=(6, 12), dest="months", help=ROUND_HELP)
    p.add_argument("--unit", help="รหัสหน่วยงานเดียว (annex, results)")
    p.add_argument("--meeting", help="การประชุม ครั้งที่/ปี (เช่น 2/2567) หรือรหัสการประชุม (minutes, invitation, pack)")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="ไฟล์ PDF ที่จะบันทึก")
    p.add_argument("--subject", help="memo: เรื่อง")
    p.add_argument("--to", help="memo: เรียน")
    p.add_argument("--from-unit", help="memo: ส่วนราชการ")
    p.add_argument("--number", help="memo: ที่ (เลขที่หนังสือ)")
    p.add_argument("--date", type=_date, help="memo: วันที่ เช่น 2567-02-07, 7/2/2567 หรือ '7 ก.พ. 2567' (ค่าเริ่มต้น: วันนี้)")
    p.add_argument("--body", metavar="FILE", help="memo: ไฟล์ข้อความ UTF-8 บรรทัดว่างขึ้นย่อหน้าใหม่")
    p.add_argument("--signer", help="memo: ชื่อผู้ลงนาม (ค่าเริ่มต้น: เลขานุการคณะกรรมการ)")
    p.add_argument("--signer-position", help="memo: ตำแหน่งผู้ลงนาม")

    p = sub.add_parser("template", help="แบบฟอร์ม Excel ให้หน่วยงานกรอก: ค่าเป้าหมาย หรือผลการดำเนินงานเมื่อระบุ --round")
    _add_db(p)
    p.add_argument("--year", type=_year, required=True, help="ปีงบประมาณ พ.ศ.")
    p.add_argument("--unit", required=True, help="รหัสหน่วยงาน")
    p.add_argument("--round", type=int, choices=(6, 12), dest="months", help="แบบฟอร์มผลการดำเนินงานของรอบนี้")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="ไฟล์ Excel ที่จะบันทึก")

    p = sub.add_parser("import", help="นำเข้าแบบฟอร์มที่กรอกแล้ว รายการทั้งกระทรวง หรือไฟล์ส่งออก (ทั้งหมดหรือไม่นำเข้าเลย)")
    _add_db(p)
    p.add_argument("file", metavar="FILE.xlsx", help="ไฟล์ Excel ที่จะนำเข้า")
    p.add_argument("--dry-run", action="store_true", help="แสดงสิ่งที่จะเปลี่ยนโดยไม่เปลี่ยนอะไร")
    p.add_argument("--year", type=_year, help="ปีที่ไฟล์ต้องเป็นของ (จำเป็นสำหรับรายการทั้งกระทรวง)")
    p.add_argument("--unit", help="หน่วยงานที่ไฟล์ต้องเป็นของ")
    p.add_argument("--round", type=int, choices=(6, 12), dest="months", help="รอบที่ไฟล์ต้องเป็นของ")

    p = sub.add_parser("export", help="ทุกตารางของปีงบประมาณเป็นไฟล์ Excel")
    _add_db(p)
    p.add_argument("--year", type=_year, required=True, help="ปีงบประมาณ พ.ศ.")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="ไฟล์ Excel ที่จะบันทึก")

    p = sub.add_parser("backup", help="สำรองฐานข้อมูลทั้งชุดขณะใช้งาน (SQLite online backup)")
    _add_db(p)
    p.add_argument("--out", required=True, metavar="FILE", help="ไฟล์สำรองที่จะบันทึก")

    from app.cli_cycle import add_parsers
    add_parsers(sub, _add_db, _year, _date)
    from app.cli_sync import add_parser as add_sync
    add_sync(sub, _add_db)

    p = sub.add_parser("settings", help="แสดงหรือตั้งชื่อเลขานุการ (บันทึกไว้กับทุกการแก้ไข) และตัวเลือกการพิมพ์")
    _add_db(p)
    p.add_argument("--user-name", help="ชื่อเลขานุการ บันทึกเป็นผู้แก้ไขของทุกการเปลี่ยนแปลง")
    p.add_argument("--user-position", help="ตำแหน่งเลขานุการ")
    p.add_argument("--table-thai-digits", choices=("0", "1"), help="1: ตารางตัวเลขพิมพ์เป็นเลขไทย")
    p.add_argument("--words-never-cut", metavar="WORDS",
                   help='คำไทยที่รายงานไม่ตัดที่ท้ายบรรทัด คั่นด้วยเว้นวรรค (แทนรายการเดิม "" ล้างรายการ)')
    return parser


def _db_arg(args) -> str:
    from app.paths import default_db_path
    return args.db or str(default_db_path())


# Commands whose work is all on disk (files written and renamed, the database committed and closed) when
# they return: their process leaves without Python's shutdown, which frees every object one by one —
# 0.4 s after a national annex (the word lists, the laid-out cells). The window (Qt saves its settings
# at exit), the server (it removes its folder at exit) and the network commands end the usual way.
LEAVE_AT_ONCE = frozenset({"report", "score", "check", "cascade", "basket", "strategy", "demo", "init", "template",
                           "import", "export", "backup", "settings", "unit", "committee", "year", "round",
                           "change-request", "meeting"})
_command: str | None = None        # the command ``main`` ran last


# The cyclic garbage collector, at Python's default (a pass every 700 new objects), walks the imported
# modules, the word lists and the laid-out cells hundreds of times during a national annex and frees
# nothing: 0.3 s of a 3 s process. A pass every 50,000 objects leaves the peak memory as it was (measured).
GC_THRESHOLD = (50_000, 10, 10)


def run() -> None:
    """The ``kpi-desk`` command (also ``python -m app`` and the installed program): ``main``, then exit."""
    import gc
    gc.set_threshold(*GC_THRESHOLD)
    code = main()
    if _command in LEAVE_AT_ONCE:
        import logging
        import os
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        logging.shutdown()
        os._exit(code)
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    args = build_parser().parse_args(argv)
    global _command
    _command = None if args.demo else args.command or "gui"
    from app.running import CURRENT_COMMAND
    token = CURRENT_COMMAND.set(f"kpi-desk {args.command or 'gui'}"[:80])   # recorded with every change
    try:
        _refuse_undecodable(args)
        return _dispatch(args)
    except KpiDeskError as exc:
        print(f"ข้อผิดพลาด: {exc.th}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ยกเลิกแล้ว ไม่มีข้อมูลใดถูกบันทึกครึ่งทาง", file=sys.stderr)
        return 130
    except BrokenPipeError:            # the reader went away (kpi-desk score | head): nothing is wrong
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - never a traceback on a user's screen; the log keeps it
        where = _log_unexpected(exc)
        print(f"ข้อผิดพลาดที่ไม่คาดคิด ({type(exc).__name__}) ข้อมูลที่บันทึกแล้วยังอยู่ครบ "
              f"รายละเอียดบันทึกไว้ที่ {where}", file=sys.stderr)
        return 1
    finally:
        CURRENT_COMMAND.reset(token)


def _refuse_undecodable(args) -> None:
    """Arguments that were not valid UTF-8 reach Python as lone surrogates: say which, in Thai."""
    for name, value in vars(args).items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                shown = value.encode("utf-8", "backslashreplace").decode("ascii", "replace")
                raise KpiDeskError(f"ค่าของ --{name.replace('_', '-')} “{shown}” ไม่ใช่ข้อความ UTF-8 "
                                   "(ตั้งค่าภาษาของเครื่องหรือเทอร์มินัลเป็น UTF-8)", f"--{name} is not UTF-8") from None


def _log_unexpected(exc: BaseException) -> str:
    import traceback

    from app.paths import open_log
    try:
        with open_log() as fh:
            fh.write("".join(traceback.format_exception(exc)))
        from app.paths import log_path
        return str(log_path())
    except OSError:
        return "(เขียนไฟล์บันทึกไม่ได้)"


def _dispatch(args) -> int:
    command = args.command or "gui"
    if args.demo:
        return _cmd_gui_demo(args)
    return {"gui": _cmd_gui, "demo": _cmd_demo, "init": _cmd_init, "score": _cmd_score, "check": _cmd_check,
            "cascade": _cmd_cascade, "basket": _cmd_basket, "strategy": _cmd_strategy, "server": _cmd_server,
            "account": _cmd_account, "sync": _cmd_sync,
            "backup": _cmd_backup, "report": _cmd_report, "template": _cmd_excel, "import": _cmd_excel,
            "export": _cmd_excel, "settings": _cmd_settings, "unit": _cmd_cycle, "committee": _cmd_cycle,
            "year": _cmd_cycle, "round": _cmd_cycle, "change-request": _cmd_cycle,
            "meeting": _cmd_cycle}[command](args)


def _cmd_sync(args) -> int:
    from app.cli_sync import run
    return run(args, _db_arg(args))


def _cmd_cycle(args) -> int:
    from app.cli_cycle import run
    return run(args, _db_arg(args))


def _cmd_settings(args) -> int:
    from app.services import settings
    from app.store import open_store

    store = open_store(_db_arg(args))
    try:
        changes = {key: value for key, value in (("user_name", args.user_name), ("user_position", args.user_position),
                                                 ("table_thai_digits", args.table_thai_digits),
                                                 ("words_never_cut", args.words_never_cut)) if value is not None}
        if changes:
            with store.transaction(user=changes.get("user_name")) as s:
                for key, value in changes.items():
                    settings.set_setting(s, key, value)
        with store.reading() as s:
            for key, label in settings.LABELS_TH.items():
                print(f"{label}: {settings.get_setting(s, key) or '–'}")
    finally:
        store.close()
    return 0


def _cmd_demo(args) -> int:
    from app.demo import build_demo
    from app.services import lookup
    from app.store import open_store

    db = _db_arg(args)
    server = "://" in str(db)
    if not server:
        db = Path(db)
        if db.exists():
            if not args.force:
                raise KpiDeskError(f"มีไฟล์ {db} อยู่แล้ว จึงไม่เขียนทับ (ใช้ --force เพื่อแทนที่)",
                                   f"{db} exists; use --force to replace it")
            _remove_sqlite(db)
    store = open_store(db, create=True)
    try:
        if server:          # a server database is never emptied from here: the demo goes into an empty one
            with store.reading() as s:
                if lookup.existing_ministry(s) is not None:
                    raise KpiDeskError("ฐานข้อมูลนี้มีข้อมูลกระทรวงอยู่แล้ว ข้อมูลตัวอย่างสร้างได้เฉพาะในฐานข้อมูลว่าง",
                                       "the server database is not empty")
        build_demo(store)
        label = store.label
    finally:
        store.close()
    print(f"สร้างฐานข้อมูลตัวอย่าง กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม ปีงบประมาณ พ.ศ. ๒๕๖๗ ที่ {label}")
    return 0


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _cmd_init(args) -> int:
    from app.services import framework, lookup, organisation
    from app.store import open_store

    if bool(args.ministry_code) != bool(args.ministry_name):
        raise KpiDeskError("บันทึกกระทรวงต้องระบุทั้ง --ministry-code และ --ministry-name", "ministry code and name go together")
    store = open_store(_db_arg(args), create=True)
    done = []
    try:
        with store.transaction() as s:
            if args.ministry_code:
                organisation.create_ministry(s, code=args.ministry_code, name_th=args.ministry_name)
                done.append(f"บันทึกกระทรวง {args.ministry_code} {args.ministry_name} แล้ว")
            if args.year:
                framework.create_fiscal_year(s, year_be=args.year, grade_floors=args.grade_floors)
                done.append(f"เพิ่มปีงบประมาณ พ.ศ. {args.year} แล้ว")
            if lookup.existing_ministry(s) is None:
                done.append("ยังไม่มีข้อมูลกระทรวง: ระบุ --ministry-code และ --ministry-name")
    finally:
        store.close()
    print("\n".join([f"พร้อมใช้งานฐานข้อมูล {store.label}", *done]))
    return 0


def _cmd_score(args) -> int:
    from app.cli_score import print_scores
    from app.store import open_store

    store = open_store(_db_arg(args))
    try:
        with store.reading() as s:
            print_scores(s, args)
    finally:
        store.close()
    return 0


def _cmd_cascade(args) -> int:
    import json

    from app.services.strategy import LINK_TH, cascade
    from app.store import open_store

    store = open_store(_db_arg(args))
    try:
        with store.reading() as s:
            view = cascade(s, args.year)
    finally:
        store.close()
    if args.json:
        print(json.dumps(view.to_dict(), ensure_ascii=False, indent=1))
        return 0
    kpis = len(view.strategic_cascaded) + len(view.strategic_not_cascaded)
    print(f"ปีงบประมาณ พ.ศ. {args.year}: Strategic KPIs {kpis} ตัวชี้วัด ถ่ายทอดแล้ว {len(view.strategic_cascaded)} "
          f"(ร้อยละ {view.strategic_share:.2f})")
    for line in [*view.units, view.total]:
        parts = " · ".join(f"{LINK_TH[c]} {n} ({line.shares[c]:.2f}%)" for c, n in line.counts.items())
        print(f"- {line.name}: {line.total} ตัวชี้วัด — {parts}")
    return 0


def _cmd_server(args) -> int:
    from app.paths import data_dir
    from app.server.run import serve
    return serve(db=getattr(args, "db", None), data_dir=Path(args.data_dir) if args.data_dir else data_dir(),
                 host=args.host, port=args.port, demo=args.load_demo, certfile=args.certfile, keyfile=args.keyfile)


def _cmd_account(args) -> int:
    from app.services import accounts
    from app.store import open_store

    store = open_store(_db_arg(args))
    try:
        if args.action == "add":
            if not args.username or not args.role:
                raise KpiDeskError("account add ต้องระบุ --username และ --role", "--username and --role")
            if args.password_stdin:
                password = sys.stdin.readline().rstrip("\n")
            else:
                import getpass
                password = getpass.getpass("รหัสผ่าน: ")
            with store.transaction(command="account add") as s:
                accounts.create_account(s, username=args.username, password=password, role=args.role,
                                        unit_code=args.unit, display_name=args.name)
            print(f"เพิ่มบัญชี {args.username} ({accounts.ROLE_TH[args.role]}) แล้ว")
            return 0
        with store.reading() as s:
            rows = accounts.account_list(s)
    finally:
        store.close()
    if not rows:
        print("ยังไม่มีบัญชีผู้ใช้ (เพิ่มด้วย: kpi-desk account add --username ชื่อ --role บทบาท)")
    for a in rows:
        print(f"{a.username}\t{accounts.ROLE_TH[a.role]}\t{a.display_name}")
    return 0


def _cmd_strategy(args) -> int:
    from app.errors import KpiDeskError
    from app.services import lookup, strategy
    from app.store import open_store

    def need(*names):
        missing = [f"--{n.replace('_', '-')}" for n in names if not getattr(args, n)]
        if missing:
            raise KpiDeskError(f"strategy {args.action} ต้องระบุ {' '.join(missing)}", f"missing {missing}")
    store = open_store(_db_arg(args))
    try:
        if args.action == "add":
            need("code", "name", "plan")
            start, _dash, end = args.plan.partition("-")
            with store.transaction(command="strategy add") as s:
                strategy.create_strategic_kpi(s, ministry=lookup.ministry(s), code=args.code, name_th=args.name,
                                              plan_from=start, plan_to=end or start,
                                              unit_of_measure=args.unit_of_measure)
            print(f"เพิ่ม Strategic KPI {args.code} แล้ว")
            return 0
        if args.action == "target":
            need("code", "year")
            with store.transaction(command="strategy target") as s:
                kpi = next((k for k in strategy.strategic_kpis_of(s) if k.code == args.code), None)
                if kpi is None:
                    raise KpiDeskError(f"ไม่พบ Strategic KPI รหัส {args.code}", "no such strategic KPI")
                strategy.set_strategic_target(s, kpi, args.year, target=args.target, target_value=args.value,
                                              result_value=args.result)
            print(f"บันทึกค่าเป้าหมายปี {args.year} ของ {args.code} แล้ว")
            return 0
        need("year")
        with store.reading() as s:
            rows = strategy.strategic_rows(s, args.year)
    finally:
        store.close()
    print(f"Strategic KPIs ปีงบประมาณ พ.ศ. {args.year}: {len(rows)} ตัวชี้วัด (ติดตามผล ไม่นำมาคิดคะแนน)")
    for r in rows:
        result = f"{r.result_value:f}" if r.result_value is not None else "–"
        print(f"- {r.code}  {r.name_th}  แผน {r.plan_from}–{r.plan_to}  เป้าหมาย {r.target or '–'}  ผล {result}"
              f"  ถ่ายทอดสู่ {r.cascaded} ตัวชี้วัด")
    return 0


def _cmd_basket(args) -> int:
    import dataclasses
    import json

    from app.errors import KpiDeskError
    from app.services import basket, lookup
    from app.store import open_store

    store = open_store(_db_arg(args))
    try:
        if args.add:
            if not args.unit:
                raise KpiDeskError("ระบุหน่วยงานที่จะเพิ่มตัวชี้วัดด้วย --unit", "--add needs --unit")
            with store.transaction(command=f"basket --add {args.add}"[:80]) as s:
                entry = next((r for r in basket.search_basket(s, args.year) if r.code == args.add), None)
                if entry is None:
                    raise KpiDeskError(f"ไม่พบรหัส {args.add} ใน KPI Basket ปีงบประมาณ พ.ศ. {args.year}",
                                       "not in the basket")
                basket.add_from_basket(s, entry_id=entry.id, unit_id=lookup.unit(s, args.unit).id)
            print(f"เพิ่มตัวชี้วัด {args.add} ให้หน่วยงาน {args.unit} แล้ว กำหนดน้ำหนักและค่าเป้าหมายต่อได้ในตาราง")
            return 0
        with store.reading() as s:
            rows = basket.search_basket(s, args.year, args.search)
    finally:
        store.close()
    if args.json:
        print(json.dumps([{**dataclasses.asdict(r), "id": str(r.id)} for r in rows], ensure_ascii=False, indent=1))
        return 0
    print(f"KPI Basket ปีงบประมาณ พ.ศ. {args.year}: {len(rows)} ตัวชี้วัด" + (f" ที่มี “{args.search}”" if args.search else ""))
    for r in rows:
        print(f"- {r.code}  {r.name_th}" + ("  (อยู่ในบัญชีตัวชี้วัดแล้ว)" if r.in_catalogue else ""))
    return 0


def _cmd_check(args) -> int:
    from app.services.check import check_database
    from app.store import open_store

    store = open_store(_db_arg(args))
    try:
        with store.reading() as s:
            report = check_database(s)
    finally:
        store.close()
    print(f"ตรวจฐานข้อมูล {store.label}")
    print("\n".join(report.lines()))
    if not report.ok:
        print("ผลการตรวจ: พบปัญหาที่ต้องแก้ไข")
    elif report.missing:
        print(f"ผลการตรวจ: โครงสร้างและน้ำหนักถูกต้อง แต่ยังมีผลการดำเนินงานที่ไม่ได้บันทึก {len(report.missing)} รายการ")
    elif report.without_indicators or report.attendance:
        notices = []
        if report.without_indicators:
            notices.append(f"หน่วยงานที่ยังไม่มีตัวชี้วัด {len(report.without_indicators)} รายการ")
        if report.attendance:
            notices.append(f"การประชุมที่บันทึกการมาประชุมยังไม่ครบ {len(report.attendance)} ครั้ง")
        print("ผลการตรวจ: ข้อมูลที่มีถูกต้อง แต่มี" + " และ".join(notices))
    else:
        print("ผลการตรวจ: ไม่พบปัญหา")
    return 0 if report.ok else 1


def _cmd_report(args) -> int:
    from app.cli_report import run_report
    return run_report(args, _db_arg(args))


def _cmd_excel(args) -> int:
    from app.cli_excel import run
    return run(args, _db_arg(args))


def _cmd_backup(args) -> int:
    from app.store import open_store
    from app.store.backup import backup_sqlite

    store = open_store(_db_arg(args))
    try:
        if store.path is None:
            raise KpiDeskError("คำสั่ง backup ใช้ได้กับฐานข้อมูล SQLite เท่านั้น", "backup works on SQLite only")
        out = backup_sqlite(store.path, Path(args.out))
    finally:
        store.close()
    print(f"สำรองฐานข้อมูล {store.label} ไปที่ {out} เรียบร้อย")
    return 0


def _cmd_gui(args) -> int:
    from app.paths import default_db_path
    from app.ui.launch import run_gui
    first_run = args.db is None and not default_db_path().exists()
    return run_gui(_db_arg(args), first_run=first_run)


def _cmd_gui_demo(args) -> int:
    from app.paths import demo_db_path
    from app.ui.launch import run_gui

    path = Path(args.db) if args.db else demo_db_path()
    if args.db and path.exists():
        raise KpiDeskError(f"มีไฟล์ {path} อยู่แล้ว --demo จะไม่เขียนทับฐานข้อมูลที่มีอยู่ (ละ --db เพื่อใช้ไฟล์ตัวอย่างของโปรแกรม)",
                           f"{path} exists; --demo never overwrites a given database")
    if not path.exists():            # the demo copy is kept: practice work on it survives a restart
        from app.demo import build_demo_file
        build_demo_file(path)
    return run_gui(str(path), demo=True)

