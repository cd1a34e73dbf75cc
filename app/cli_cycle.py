"""The committee cycle from the command line: units, committee, rounds, change requests and meetings.

Each command is one service call in one transaction; refusals print their Thai reason and exit 2.
Targets and results arrive by ``kpi-desk import`` (the ministry-wide list, the departments' templates).
"""

from __future__ import annotations

from app.cli_usage import ROUND_HELP
from app.errors import KpiDeskError


def add_parsers(sub, add_db, year_type, date_type) -> None:
    p = sub.add_parser("unit", help="เพิ่ม แก้ไข ยุบเลิก หรือแสดงหน่วยงาน")
    add_db(p)
    p.add_argument("action", choices=("add", "edit", "retire", "list"),
                   help="add: เพิ่ม · edit: แก้ไข · retire: ยุบเลิกหรือเลิกติดตาม · list: แสดงรายการ")
    p.add_argument("--code", help="รหัสหน่วยงาน")
    p.add_argument("--name", help="ชื่อหน่วยงาน")
    p.add_argument("--short-name", help="ชื่อย่อ")
    p.add_argument("--kind", choices=("department", "province", "public_org", "state_enterprise", "other"),
                   help="ประเภท: ส่วนราชการ จังหวัด องค์การมหาชน รัฐวิสาหกิจ อื่น ๆ")

    p = sub.add_parser("committee", help="จัดตั้งคณะกรรมการ เพิ่ม แก้ไข หรือบันทึกการพ้นตำแหน่งของกรรมการ")
    add_db(p)
    p.add_argument("action", choices=("set", "add-member", "edit-member", "retire-member", "list"),
                   help="set: ตั้งชื่อและคำสั่งแต่งตั้ง · add-member / edit-member / retire-member: กรรมการ · list: รายชื่อ")
    p.add_argument("--name", help="ชื่อคณะกรรมการ (set) หรือชื่อกรรมการ")
    p.add_argument("--order-ref", help="คำสั่งแต่งตั้ง (set)")
    p.add_argument("--position", help="ตำแหน่งของกรรมการ")
    p.add_argument("--role", choices=("chair", "vice_chair", "member", "secretary", "assistant_secretary"),
                   help="บทบาท: ประธาน รองประธาน กรรมการ เลขานุการ ผู้ช่วยเลขานุการ")
    p.add_argument("--unit", help="รหัสหน่วยงานของกรรมการ")
    p.add_argument("--cco", action="store_true", help="กรรมการเป็นผู้บริหารการเปลี่ยนแปลงของกระทรวง (CCO, รองประธาน)")
    p.add_argument("--new-name", help="edit-member: ชื่อใหม่")
    p.add_argument("--since", metavar="DATE", type=date_type,
                   help="add-member, edit-member: วันที่เริ่มเป็นกรรมการ เช่น 1/12/2569 "
                   "(add-member ค่าเริ่มต้น: วันนี้เมื่อคณะกรรมการเคยประชุมแล้ว มิฉะนั้นตั้งแต่แต่งตั้ง)")
    p.add_argument("--until", metavar="DATE", type=date_type,
                   help="add-member, edit-member: วันสุดท้ายของการเป็นกรรมการ "
                   "(กรรมการที่พ้นตำแหน่งก่อนวันที่สั่ง retire-member)")

    p = sub.add_parser("year", help="แสดงหรือกำหนดเกณฑ์ระดับผลการประเมินของปี และวิธีคิดคะแนนของแต่ละองค์ประกอบ")
    add_db(p)
    p.add_argument("--year", type=year_type, required=True, help="ปีงบประมาณ พ.ศ.")
    p.add_argument("--grade-floors", metavar="Q,U,B",
                   help="คะแนนขั้นต่ำของระดับคุณภาพ มาตรฐานขั้นสูง มาตรฐานขั้นต้น เช่น 90,75,60 (แก้ไม่ได้เมื่อมีรอบที่เห็นชอบแล้ว)")
    p.add_argument("--points", metavar="CODE", action="append", default=[],
                   help="องค์ประกอบ CODE ใช้คะแนนที่ สำนักงาน ก.พ.ร. ให้ (0-100) แทนค่าเป้าหมาย ๓ ระดับ (ระบุซ้ำได้)")
    p.add_argument("--targets", metavar="CODE", action="append", default=[],
                   help="องค์ประกอบ CODE กลับมาคิดคะแนนจากค่าเป้าหมาย ๓ ระดับ (ระบุซ้ำได้)")

    p = sub.add_parser("round", help="เห็นชอบ ปิดรอบ หรือเปิดรอบการประเมินกลับมาแก้ไข")
    add_db(p)
    p.add_argument("action", choices=("approve", "lock", "reopen"),
                   help="approve: เห็นชอบ · lock: ปิดรอบ · reopen: เปิดรอบกลับมาแก้ไข")
    p.add_argument("--year", type=year_type, required=True, help="ปีงบประมาณ พ.ศ.")
    p.add_argument("--round", type=int, choices=(6, 12), dest="months", required=True, help=ROUND_HELP)
    p.add_argument("--reason", default="", help="เหตุผล (ต้องระบุเมื่อเปิดรอบที่ปิดแล้ว หรือเห็นชอบทั้งที่ยังมีปัญหา)")

    p = sub.add_parser("change-request", help="บันทึก แสดง และพิจารณาคำขอปรับเปลี่ยนตัวชี้วัด")
    add_db(p)
    p.add_argument("action", choices=("submit", "list", "approve", "reject", "sent"),
                   help="submit: บันทึกคำขอ · list: แสดง · approve / reject: ผลการพิจารณา · sent: ส่ง ก.พ.ร. แล้ว")
    p.add_argument("--year", type=year_type, required=True, help="ปีงบประมาณ พ.ศ.")
    p.add_argument("--round", type=int, choices=(6, 12), dest="months", default=12, help=ROUND_HELP + " (ค่าเริ่มต้น 12)")
    p.add_argument("--unit", help="รหัสหน่วยงาน")
    p.add_argument("--indicator", help="รหัสตัวชี้วัด")
    p.add_argument("--kind", choices=("modify", "add", "withdraw"), default="modify",
                   help="modify: ปรับรายละเอียด (ค่าเริ่มต้น) · add: เพิ่ม · withdraw: ยกเลิก")
    p.add_argument("--reason", choices=("disaster", "epidemic", "policy_change", "international_index_changed",
                                        "budget", "national_committee"),
                   help="เหตุ: ภัยพิบัติ โรคระบาด นโยบายเปลี่ยน เจ้าของดัชนีสากลเปลี่ยน งบประมาณ มติคณะกรรมการระดับชาติ")
    p.add_argument("--reason-text", default="", help="คำอธิบายเหตุผล")
    p.add_argument("--weight", help="น้ำหนักที่ขอ")
    p.add_argument("--targets", help="ค่าเป้าหมายที่ขอ ขั้นต้น/มาตรฐาน/ขั้นสูง เช่น 80/85/90")
    p.add_argument("--targets-6", help="ค่าเป้าหมายรอบ ๖ เดือนที่ขอ ขั้นต้น/มาตรฐาน/ขั้นสูง")
    p.add_argument("--number", type=int, help="approve/reject/sent: ลำดับของคำขอตามที่ list แสดง")

    p = sub.add_parser("meeting", help="สร้างการประชุม บันทึกการมาประชุม ผู้เข้าร่วมประชุม และระเบียบวาระ")
    add_db(p)
    p.add_argument("action", choices=("create", "attend", "guest", "item", "check"),
                   help="create: สร้าง · attend: การมาประชุม · guest: ผู้เข้าร่วมประชุม · item: ระเบียบวาระ · check: ตรวจ")
    p.add_argument("--meeting", help="ครั้งที่/ปี เช่น 1/2569 (attend, guest, item, check)")
    p.add_argument("--number", help="create: ครั้งที่ของการประชุม · item: เลขวาระ (เช่น ๓.๑)")
    p.add_argument("--date", type=date_type, help="create: วันประชุม (เช่น 2569-12-15 หรือ ๑๕ ธ.ค. ๒๕๖๙)")
    p.add_argument("--start", help="เวลาเริ่มประชุม ชช.นน")
    p.add_argument("--end", help="เวลาเลิกประชุม ชช.นน")
    p.add_argument("--place", default="", help="สถานที่ประชุม")
    p.add_argument("--minute-taker", default="", help="ผู้จดรายงานการประชุม")
    p.add_argument("--minute-taker-position", default="", help="ตำแหน่งผู้จดรายงานการประชุม")
    p.add_argument("--checker", default="", help="ผู้ตรวจรายงานการประชุม")
    p.add_argument("--checker-position", default="", help="ตำแหน่งผู้ตรวจรายงานการประชุม")
    p.add_argument("--member", help="attend: ชื่อกรรมการตามรายชื่อ")
    p.add_argument("--status", choices=("present", "absent", "substitute"),
                   help="attend: present มาประชุม · absent ไม่มาประชุม · substitute มีผู้มาประชุมแทน")
    p.add_argument("--reason", help="attend: เหตุที่ไม่มาประชุม")
    p.add_argument("--substitute", help="attend: ผู้มาประชุมแทน")
    p.add_argument("--substitute-position", help="attend: ตำแหน่งผู้มาประชุมแทน")
    p.add_argument("--name", help="guest: ชื่อผู้เข้าร่วมประชุม")
    p.add_argument("--position", default="", help="guest: ตำแหน่ง")
    p.add_argument("--title", help="item: เรื่องของระเบียบวาระ")
    p.add_argument("--report", default="", help="item: เรื่องที่เสนอ")
    p.add_argument("--discussion", default="", help="item: การพิจารณา")
    p.add_argument("--resolution", default="", help="item: มติ")


def _need(args, *names) -> None:
    missing = [f"--{n.replace('_', '-')}" for n in names if not getattr(args, n)]
    if missing:
        raise KpiDeskError(f"คำสั่งนี้ต้องระบุ {' '.join(missing)}", f"missing {missing}")


def _time(text: str | None):
    from datetime import time
    if not text:
        return None
    from app.domain.thai_text import to_arabic_digits
    try:
        hour, _, minute = to_arabic_digits(text).replace(":", ".").partition(".")
        return time(int(hour), int(minute or 0))
    except ValueError:
        raise KpiDeskError(f"เวลา “{text}” ไม่ถูกต้อง (เช่น 09.30)", f"bad time {text!r}") from None


def _triple(text: str | None):
    if not text:
        return (None, None, None)
    parts = text.replace(",", "/").split("/")
    if len(parts) != 3:
        raise KpiDeskError(f"ค่าเป้าหมาย “{text}” ต้องมี ๓ ระดับ คั่นด้วย / (เช่น 80/85/90)", "three targets")
    return tuple(p.strip() for p in parts)


def run(args, db: str) -> int:
    from app.store import open_store

    store = open_store(db)
    try:
        return {"unit": _unit, "committee": _committee, "year": _year, "round": _round,
                "change-request": _change_request, "meeting": _meeting}[args.command](args, store)
    finally:
        store.close()


def _unit(args, store) -> int:
    from datetime import date

    from app.services import lookup, organisation
    if args.action == "list":
        with store.reading() as s:
            units, _c, _m = organisation.organisation_lists(s)
        from app.models.enums import UNIT_KIND_TH, UnitKind
        if not units:
            print("ยังไม่มีหน่วยงาน (เพิ่มด้วย: kpi-desk unit add --code รหัส --name ชื่อหน่วยงาน)")
        for u in units:
            print(f"{u.code}\t{u.name_th}\t{UNIT_KIND_TH[UnitKind(u.kind)]} ({u.kind})"
                  + (f"\tยุบเลิก {u.retired_on}" if u.retired_on else ""))
        return 0
    _need(args, "code")
    with store.transaction() as s:
        if args.action == "add":
            _need(args, "name")
            organisation.create_unit(s, ministry=lookup.ministry(s), code=args.code, name_th=args.name,
                                     short_name=args.short_name or "", kind=args.kind or "department", sort_order=100)
            print(f"เพิ่มหน่วยงาน {args.code} {args.name} แล้ว")
        elif args.action == "edit":
            changes = {k: v for k, v in (("name_th", args.name), ("short_name", args.short_name), ("kind", args.kind))
                       if v is not None}
            organisation.update_unit(s, lookup.unit(s, args.code), **changes)
            print(f"แก้ไขหน่วยงาน {args.code} แล้ว")
        else:
            done = organisation.retire_unit(s, lookup.unit(s, args.code), date.today())
            print(f"{'ลบหน่วยงานที่ยังไม่มีข้อมูล' if done == 'removed' else 'ยุบเลิก/เลิกติดตามหน่วยงาน'} {args.code} แล้ว")
    return 0


def _member(s, name: str):
    from app.services import organisation
    _u, _c, members = organisation.organisation_lists(s)
    found = [m for m in members if m.person_name == name.strip()]
    if not found:
        raise KpiDeskError(f"ไม่พบกรรมการชื่อ “{name}” ในรายชื่อคณะกรรมการ", "no such member")
    return found[0]


def _committee(args, store) -> int:
    from datetime import date

    from app.domain.calendar import thai_date
    from app.services import lookup, organisation
    if args.action == "list":
        with store.reading() as s:
            _u, committee, members = organisation.organisation_lists(s)
        print(committee.name_th if committee else "ยังไม่ได้จัดตั้งคณะกรรมการ")
        from app.models.enums import COMMITTEE_ROLE_TH, CommitteeRole
        for m in members:
            print(f"{m.person_name}\t{m.position}\t{COMMITTEE_ROLE_TH[CommitteeRole(m.role)]} ({m.role})"
                  f"{' (CCO)' if m.is_cco else ''}" + (f"\tตั้งแต่ {thai_date(m.term_start)}" if m.term_start else "")
                  + (f"\tถึง {thai_date(m.term_end)}" if m.term_end else "")
                  + (f"\tพ้นจากตำแหน่ง {thai_date(m.retired_on)}" if m.retired_on else ""))
        return 0
    with store.transaction() as s:
        _u, committee, _m = organisation.organisation_lists(s)
        if args.action == "set":
            if committee is None:
                default = f"คณะกรรมการกำกับการประเมินผลการปฏิบัติราชการของ{lookup.ministry(s).name_th}"
                organisation.create_committee(s, ministry=lookup.ministry(s), name_th=args.name or default,
                                              appointment_ref=args.order_ref or "")
            else:
                organisation.update_committee(s, committee, name_th=args.name, appointment_ref=args.order_ref)
            print("บันทึกคณะกรรมการแล้ว")
            return 0
        if committee is None:
            raise KpiDeskError("ยังไม่ได้จัดตั้งคณะกรรมการ (kpi-desk committee set)", "no committee")
        _need(args, "name")
        since, until = args.since, args.until
        if args.action == "add-member":
            if since is None:
                since = organisation.default_term_start(s, committee, date.today())
            organisation.add_committee_member(
                s, committee=committee, person_name=args.name, position=args.position or "", role=args.role or "member",
                unit=lookup.unit(s, args.unit) if args.unit else None, term_start=since, term_end=until,
                is_cco=args.cco)
            print(f"เพิ่มกรรมการ {args.name} แล้ว"
                  + (f" (เป็นกรรมการตั้งแต่ {thai_date(since)}; แก้ได้ด้วย --since)" if since else ""))
        elif args.action == "edit-member":
            changes = {k: v for k, v in (("person_name", args.new_name), ("position", args.position),
                                         ("role", args.role), ("term_start", since), ("term_end", until))
                       if v is not None}
            if args.unit:
                changes["unit_id"] = lookup.unit(s, args.unit).id
            if args.cco:
                changes["is_cco"] = True
            organisation.update_member(s, _member(s, args.name), **changes)
            print(f"แก้ไขกรรมการ {args.name} แล้ว")
        else:
            organisation.retire_member(s, _member(s, args.name), date.today())
            print(f"บันทึกว่า {args.name} พ้นจากตำแหน่งแล้ว")
    return 0


def _year(args, store) -> int:
    from app.domain.grades import grades_of
    from app.services import framework, lookup
    from app.domain.unit_score import Framework
    from app.services.scoring import framework_specs
    if args.grade_floors is not None or args.points or args.targets:
        with store.transaction() as s:
            fy = lookup.year(s, args.year)
            if args.grade_floors is not None:
                framework.set_grade_floors(s, fy, args.grade_floors)
            for takes, codes in (("points", args.points), ("targets", args.targets)):
                for code in codes:
                    framework.set_component_takes(s, fy, code, takes)
    with store.reading() as s:
        fy = lookup.year(s, args.year)
        grades = grades_of(fy.grade_floors)
        specs = framework_specs(s, fy.id)
    print(f"ปีงบประมาณ พ.ศ. {fy.year_be}: " + " · ".join(
        f"{g.th} ตั้งแต่ {g.floor:f} คะแนน" for g in grades[:-1]))
    by_points = Framework(specs).by_points
    for spec in specs:
        takes = "points" if spec.code in by_points else "targets"
        print(f"  องค์ประกอบ {spec.code} {spec.name_th}: คิดคะแนนจาก{framework.TAKES_TH[takes]}")
    return 0


def _round(args, store) -> int:
    from app.services import framework, lookup
    with store.transaction() as s:
        rnd = lookup.round_of(s, args.year, args.months)
        if args.action == "approve":
            framework.approve_round(s, rnd, args.reason)
        elif args.action == "lock":
            framework.lock_round(s, rnd)
        else:
            framework.reopen_round(s, rnd, args.reason)
    word = {"approve": "เห็นชอบ", "lock": "ปิดรอบ", "reopen": "เปิดรอบกลับ"}[args.action]
    print(f"{word} รอบ {args.months} เดือน ปีงบประมาณ พ.ศ. {args.year} แล้ว")
    return 0


def _change_request(args, store) -> int:
    from datetime import date

    from app.models import ChangeRequest
    from app.services import change_requests, lookup
    with store.reading() as s:
        rows = change_requests.requests_of_year(s, lookup.year(s, args.year).id)
    if args.action == "list":
        from app.domain.thai_text import to_thai_digits
        from app.models.enums import CHANGE_KIND_TH, DECISION_TH
        if not rows:
            print(f"ปีงบประมาณ พ.ศ. {args.year} ยังไม่มีคำขอปรับตัวชี้วัด")
        else:
            print("ที่ (--number)\tประเภท\tหน่วยงาน\tตัวชี้วัด\tรอบ\tผลการพิจารณา\tสิ่งที่ขอ")
        for i, r in enumerate(rows, start=1):
            print(f"{i}\t{CHANGE_KIND_TH[r.kind]}\t{r.unit}\t{r.indicator}\t{to_thai_digits(str(r.months))} เดือน\t"
                  f"{DECISION_TH[r.decision]}\t{r.proposal}")
        return 0
    if args.action == "submit":
        _need(args, "unit", "indicator", "reason")
        base, standard, advanced = _triple(args.targets)
        with store.transaction() as s:
            unit, indicator = lookup.unit(s, args.unit), lookup.indicator(s, args.indicator)
            assignment = lookup.assignment_of(s, unit.id, indicator.id, lookup.year(s, args.year).id)
            change_requests.submit_change_request(
                s, rnd=lookup.round_of(s, args.year, args.months), kind=args.kind, reason=args.reason,
                reason_text=args.reason_text, assignment=assignment, unit=unit, indicator=indicator,
                proposed_weight=args.weight, proposed_base=base, proposed_standard=standard, proposed_advanced=advanced,
                proposed_targets_6=_triple(args.targets_6), submitted_on=date.today())
        print("บันทึกคำขอแล้ว")
        return 0
    _need(args, "number")
    if not 1 <= args.number <= len(rows):
        raise KpiDeskError(f"ไม่มีคำขอลำดับที่ {args.number} ในปี {args.year} (ดูด้วย kpi-desk change-request list)",
                           "no such request")
    key = rows[args.number - 1].id
    with store.transaction() as s:
        request = lookup.get(s, ChangeRequest, key, "คำขอปรับเปลี่ยน")
        if args.action == "sent":
            change_requests.mark_sent_to_opdc(s, request, date.today())
        else:
            change_requests.decide_change_request(s, request, approve=args.action == "approve", decided_on=date.today())
    print("บันทึกแล้ว")
    return 0


def _meeting(args, store) -> int:
    from app.domain.calendar import be_year
    from app.models import Attendance
    from app.services import meetings, organisation
    from app.services.report_data import meeting_by_ref
    if args.action == "create":
        _need(args, "number", "date")
        held = args.date
        with store.transaction() as s:
            _u, committee, _m = organisation.organisation_lists(s)
            if committee is None:
                raise KpiDeskError("ยังไม่ได้จัดตั้งคณะกรรมการ (kpi-desk committee set)", "no committee")
            try:
                number = int(args.number)
            except ValueError:
                raise KpiDeskError(f"ครั้งที่ “{args.number}” ต้องเป็นตัวเลข", "bad number") from None
            meetings.create_meeting(s, committee=committee, number=number, year_be=be_year(held), held_on=held,
                                    place=args.place, start_time=_time(args.start), end_time=_time(args.end),
                                    minute_taker_name=args.minute_taker, minute_taker_position=args.minute_taker_position,
                                    checker_name=args.checker, checker_position=args.checker_position)
        print(f"สร้างการประชุมครั้งที่ {args.number}/{be_year(held)} แล้ว")
        return 0
    _need(args, "meeting")
    with store.transaction() as s:
        meeting = meeting_by_ref(s, args.meeting)
        if args.action == "attend":
            _need(args, "member")
            meetings.set_attendance(s, meeting=meeting, member=_member(s, args.member),
                                    status=Attendance(args.status) if args.status else None,
                                    substitute_name=args.substitute, substitute_position=args.substitute_position,
                                    reason=args.reason)
        elif args.action == "guest":
            _need(args, "name")
            meetings.record_attendance(s, meeting=meeting, status=Attendance.PARTICIPANT, person_name=args.name,
                                       position=args.position)
        elif args.action == "item":
            _need(args, "number", "title")
            meetings.add_agenda_item(s, meeting=meeting, number=args.number, title=args.title, report=args.report,
                                     discussion=args.discussion, resolution=args.resolution)
        else:
            problems = meetings.attendance_problems(s, meeting)
            for p in problems:
                print(f"  - {p}")
            print("การมาประชุมบันทึกครบแล้ว" if not problems else f"ยังไม่ครบ {len(problems)} รายการ")
            return 1 if problems else 0
    print("บันทึกแล้ว")
    return 0

