"""``kpi-desk score``: a readable Thai table or one JSON document, plus what-if and early warning."""

from __future__ import annotations

import json

from app.services import Session, lookup
from app.services.check import units_without_indicators

from app.domain.early_warning import ALERTS, SIGNAL_TH
from app.domain.thai_text import format_number, pad, plain, two_places
from app.domain.unit_score import UnitScore
from app.domain.whatif import advice, plan_next_grade
from app.services.scoring import RoundScores, early_warnings, score_round


def _s(v) -> str | None:
    return None if v is None else f"{two_places(v):f}"


def scores_document(rs: RoundScores) -> dict:
    return {
        "year": rs.year_be,
        "round": rs.round_months,
        "status": str(rs.round.status),
        "snapshot": rs.snapshot_revision,
        "units": [unit_document(u) for u in rs.units],
    }


def unit_document(u: UnitScore) -> dict:
    return {
        "code": u.unit_code,
        "name": u.unit_name,
        "score": _s(u.shown_score),        # null: no score yet ("problems" says why)
        "points": _s(u.shown_points),
        "out_of": _s(u.out_of),
        "grade": u.grade.code if u.gradable else None,
        "grade_th": u.verdict[0],
        "missing": len(u.missing),
        "problems": [{"kind": i.kind, "th": i.th, "en": i.en, "blocking": i.blocking} for i in u.issues],
        "components": [
            {"code": c.spec.code, "name": c.spec.name_th, "weight": _s(c.weight), "points": _s(c.shown_points),
             "percent": _s(c.percent) if c.scorable else None, "evaluated": c.evaluated}
            for c in u.components
        ],
        "indicators": [
            {"code": s.line.code, "name": s.line.name, "component": s.line.component_code, "weight": _s(s.line.weight),
             "base": plain(s.line.base), "standard": plain(s.line.standard), "advanced": plain(s.line.advanced),
             "actual": plain(s.line.actual), "points": _s(s.points), "weighted": _s(s.weighted),
             "monitor": s.line.monitor, "missing": s.missing, "evaluated": s.evaluated,
             **({"error": s.error} if s.error else {})}
            for s in u.lines
        ],
    }


def print_scores(session: Session, args) -> None:
    rs = score_round(session, year_be=args.year, months=args.months, unit_code=args.unit)
    left_out = None if args.unit else units_without_indicators(session, lookup.year(session, args.year))
    if args.json:
        doc = scores_document(rs)
        if left_out is not None:
            doc["without_indicators"] = left_out
        if args.what_if:
            for unit_doc, u in zip(doc["units"], rs.units):
                unit_doc["what_if"] = _plan_document(u, rs)
        if args.warnings:
            doc["warnings"] = warnings_document(session, args)
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    round_th = "๖ เดือน" if args.months == 6 else "๑๒ เดือน"
    print(f"ผลคะแนนการประเมิน ปีงบประมาณ พ.ศ. {args.year} รอบ {round_th}")
    scope = rs.components.round_scope_th(args.months)
    if scope:
        print(f"({scope})")
    if rs.snapshot_revision is not None:
        print(f"(ปิดรอบแล้ว: คะแนนจากข้อมูลที่เก็บไว้เมื่อปิดรอบ ฉบับที่ {rs.snapshot_revision})")
    print()
    print("  ".join([pad("รหัส", 6), pad("คะแนน", 7, True), pad("ระดับ", 20), "หน่วยงาน"]))
    if not rs.units:
        print(f"ยังไม่มีหน่วยงานที่มีตัวชี้วัดในปีงบประมาณ พ.ศ. {args.year} จึงยังไม่มีคะแนน")
    for u in rs.units:
        flag = "".join(f"  ({i.th})" for i in u.issues)
        print("  ".join([pad(u.unit_code, 6), pad(format_number(u.shown_score), 7, True), pad(u.verdict[0], 20),
                         u.unit_name + flag]))
    if left_out:
        print(f"\nยังไม่มีตัวชี้วัด จึงไม่มีคะแนน: {', '.join(left_out)}")
    if args.unit and rs.units:
        _print_unit_detail(rs.units[0])
    if args.what_if:
        print("\nสิ่งที่ต้องปรับปรุงเพื่อเลื่อนระดับ")
        for u in rs.units:
            _print_plan(u, rs)
    if args.warnings:
        _print_warnings(session, args)


def _print_unit_detail(u: UnitScore) -> None:
    print(f"\nรายละเอียด {u.unit_name}")
    for s in u.lines:
        tag = " [Monitor]" if s.line.monitor else (" [ไม่มีผล]" if s.missing else ("" if s.evaluated else " [ไม่ประเมินในรอบนี้]"))
        print(f"  - {s.line.name}{tag}")
        print(f"      น้ำหนัก {format_number(s.line.weight)}  เป้าหมาย {plain(s.line.base)} / {plain(s.line.standard)} / "
              f"{plain(s.line.advanced)}  ผล {plain(s.line.actual) or '–'}  คะแนน {format_number(s.points)}  "
              f"ถ่วงน้ำหนัก {format_number(s.weighted)}")
        if s.error:
            print(f"      คิดคะแนนไม่ได้: {s.error}")
    for c in u.components:
        print(f"  องค์ประกอบ {c.spec.code} {c.spec.name_th}: {format_number(c.shown_points)} จาก {format_number(c.weight)}")


def _plan_document(u: UnitScore, rs: RoundScores) -> dict | None:
    if not u.gradable:
        return None
    plan = plan_next_grade(u, rs.components)
    if plan is None:
        return None
    return {"target": plan.target.code, "reachable": plan.reachable, "new_score": _s(plan.new_score),
            "changes": [{"code": i.scored.line.code, "name": i.scored.line.name, "from": plain(i.scored.line.actual),
                         "to": plain(i.new_actual), "points": _s(i.new_points)} for i in plan.improvements]}


def _print_plan(u: UnitScore, rs: RoundScores) -> None:
    said = advice(u, rs.components)
    prefix = "" if u.gradable else f"{u.verdict[0]} ("
    print(f"- {u.unit_name}: {prefix}{said.summary[0]}{'' if u.gradable else ')'}")
    for th, _en in said.items:
        print(f"    • {th}")


def _print_warnings(session: Session, args) -> None:
    print("\nสัญญาณเตือนล่วงหน้า (คาดการณ์ผล ๑๒ เดือนจากผล ๖ เดือน)")
    for u in early_warnings(session, year_be=args.year, unit_code=args.unit):
        flag = "  ⚠ ต่ำกว่า ๖๐" if u.below_floor else ""
        print(f"- {u.unit_name}: คะแนนคาดการณ์ {format_number(u.projected)}{flag}")
        for w in u.warnings:
            if w.signal in ALERTS:
                print(f"    • {SIGNAL_TH[w.signal]}: {w.line.name} (คาดการณ์ {plain(w.projected) or '–'})")


def warnings_document(session: Session, args) -> list[dict]:
    return [{"code": u.unit_code, "name": u.unit_name, "projected": _s(u.projected), "below_60": u.below_floor,
             "indicators": [{"code": w.line.code, "name": w.line.name, "signal": w.signal.value,
                             "signal_th": SIGNAL_TH[w.signal], "actual_6": plain(w.line.actual),
                             "projected": plain(w.projected), "projected_points": _s(w.projected_points)}
                            for w in u.warnings]}
            for u in early_warnings(session, year_be=args.year, unit_code=args.unit)]
