"""Buddhist Era dates and fiscal years (ปีงบประมาณ: 1 October – 30 September, named by B.E.)."""

from __future__ import annotations

from datetime import date, time, timedelta

from app.domain.thai_text import to_arabic_digits, to_thai_digits

BE_OFFSET = 543
MONTHS_TH = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
]
MONTHS_TH_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
WEEKDAYS_TH = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]


def be_year(d: date) -> int:
    return d.year + BE_OFFSET


def fiscal_year_of(d: date) -> int:
    """The B.E. fiscal year a date falls in: 1 Oct 2023 belongs to FY2567."""
    return be_year(d) + (1 if d.month >= 10 else 0)


MIN_YEAR_BE, MAX_YEAR_BE = 2500, 2700


def check_year_be(value) -> int:
    """A B.E. fiscal year as people give it ("2568", "๒๕๖๘", 2568), or ValueError with the Thai reason."""
    text = to_arabic_digits(str(value)).strip() if not isinstance(value, int) or isinstance(value, bool) else str(value)
    if isinstance(value, bool) or not (text.isascii() and text.isdigit() and len(text) <= 6):
        raise ValueError(f"ปีงบประมาณ “{str(value)[:20]}” ไม่ถูกต้อง (ใช้ปีพุทธศักราช เช่น 2568)")
    year = int(text)
    if not MIN_YEAR_BE <= year <= MAX_YEAR_BE:
        raise ValueError(f"ปีงบประมาณ พ.ศ. {year} อยู่นอกช่วงที่รับได้ ({MIN_YEAR_BE}–{MAX_YEAR_BE}) "
                         "(ใช้ปีพุทธศักราช เช่น 2568)")
    return year


def fiscal_year_bounds(year_be: int) -> tuple[date, date]:
    ce = year_be - BE_OFFSET
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def round_bounds(year_be: int, months: int) -> tuple[date, date]:
    start, end = fiscal_year_bounds(year_be)
    if months == 6:
        return start, date(start.year + 1, 3, 31)
    if months == 12:
        return start, end
    raise ValueError(f"รอบการประเมินต้องเป็น ๖ หรือ ๑๒ เดือน (ได้รับ {months})")


def opdc_due_date(year_be: int, months: int) -> date:
    """Change requests reach OPDC by end of February (6-month round) or end of July (12-month round)."""
    ce = year_be - BE_OFFSET
    if months == 6:
        return date(ce, 3, 1) - timedelta(days=1)
    return date(ce, 7, 31)


def thai_date(d: date, thai_digits: bool = True, weekday: bool = False) -> str:
    """"๗ กุมภาพันธ์ ๒๕๖๗" (or with Arabic digits); with ``weekday`` "วันพุธที่ ๘ พฤศจิกายน ๒๕๖๖"."""
    text = f"{d.day} {MONTHS_TH[d.month - 1]} {be_year(d)}"
    if weekday:
        text = f"วัน{WEEKDAYS_TH[d.weekday()]}ที่ {text}"
    return to_thai_digits(text) if thai_digits else text


def thai_date_short(d: date, thai_digits: bool = True) -> str:
    """"๑ ธ.ค. ๒๕๖๙": the short month, the whole B.E. year (never two digits)."""
    text = f"{d.day} {MONTHS_TH_SHORT[d.month - 1]} {be_year(d)}"
    return to_thai_digits(text) if thai_digits else text


def parse_thai_date(text: str) -> date:
    """A date as a Thai secretary types it: "๑ ธ.ค. ๒๕๖๙", "1 ธันวาคม 2569", "1/12/2569" or "2569-12-01"
    (a year above 2400 is B.E., else C.E.); ValueError with the Thai reason otherwise."""
    raw = " ".join(to_arabic_digits(str(text)).replace(",", " ").split())
    try:
        if "-" in raw and raw[:4].isdigit():
            y, m, d = (int(x) for x in raw.split("-"))
        elif "/" in raw:
            d, m, y = (int(x) for x in raw.split("/"))
        else:
            day, month, year = raw.split(" ")
            names = {n: i + 1 for i, n in enumerate(MONTHS_TH)} | {n: i + 1 for i, n in enumerate(MONTHS_TH_SHORT)}
            names |= {n.replace(".", ""): i for n, i in list(names.items())}
            d, m, y = int(day), names[month.replace(" ", "")], int(year)
        return date(y - BE_OFFSET if y > 2400 else y, m, d)
    except (ValueError, KeyError):
        raise ValueError(f"วันที่ “{str(text)[:30]}” ไม่ถูกต้อง (เช่น ๑ ธ.ค. ๒๕๖๙ หรือ 1/12/2569)") from None


def thai_time(t: time, thai_digits: bool = True) -> str:
    """"๑๓.๓๐ น." as in minutes."""
    text = f"{t.hour:02d}.{t.minute:02d} น."
    return to_thai_digits(text) if thai_digits else text


def round_name(months: int, thai_digits: bool = True) -> str:
    """"รอบ ๖ เดือน": the one way a round is named in messages, reports and the window."""
    text = f"รอบ {months} เดือน"
    return to_thai_digits(text) if thai_digits else text


def round_period(starts_on: date, ends_on: date, thai_digits: bool = True) -> str:
    """"๑ ตุลาคม – ๓๑ มีนาคม": the round's own dates (day and month), as a report title gives them."""
    text = f"{starts_on.day} {MONTHS_TH[starts_on.month - 1]} – {ends_on.day} {MONTHS_TH[ends_on.month - 1]}"
    return to_thai_digits(text) if thai_digits else text
