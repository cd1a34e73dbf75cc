"""Evaluation frameworks as data. FY2567 (shared/DOMAIN.md) is the preset; other years copy and edit it."""

from __future__ import annotations

from decimal import Decimal

# code, parent, Thai name, English name, weight (None: free split), indicator kinds, rounds
FY2567 = [
    ("1", None, "การประเมินประสิทธิผลการดำเนินงาน", "Performance Base", Decimal(70), "", "6,12"),
    ("1.1", "1", "ตัวชี้วัดตามภารกิจ", "Functional KPIs", None,
     "functional,agenda,joint_by_function,area,international,strategic", "6,12"),
    ("1.2", "1", "ตัวชี้วัดขับเคลื่อนการบูรณาการร่วมกัน", "Joint KPIs by Agenda", None, "joint_by_agenda", "6,12"),
    ("2", None, "การประเมินศักยภาพในการดำเนินงาน", "Potential Base", Decimal(30), "", "12"),
    ("2.1", "2", "การพัฒนาองค์การสู่ดิจิทัล", "Digital organisation", Decimal(20), "digital", "12"),
    ("2.2", "2", "สถานะการพัฒนาระบบราชการ ๔.๐ (PMQA 4.0)", "PMQA 4.0 status", Decimal(10), "pmqa", "12"),
]

PRESETS = {"fy2567": FY2567}
