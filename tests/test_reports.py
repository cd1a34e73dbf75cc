"""Every report rendered from the demo ministry: Thai text layer, word-boundary breaks, determinism."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from pdftext import shared_checker, spans, text
from tests.clirun import run_cli

DATA = Path(__file__).with_name("data")

EXPECTED = {
    "annex": ["ตัวชี้วัด น้ำหนัก และค่าเป้าหมาย", "กรมควบคุมมลพิษ", "ค่าเฉลี่ยรายปีของฝุ่นละออง", "รวมทั้งสิ้น",
              "ตัวชี้วัด Monitor", "สรุปน้ำหนักตัวชี้วัดรายองค์ประกอบ"],
    "results": ["ผลการประเมินผลการปฏิบัติราชการ", "ระดับมาตรฐานขั้นสูง", "ระดับคุณภาพ", "ไม่มีผล", "78.25",
                "คะแนนรวม"],
    "joint": ["ตัวชี้วัดขับเคลื่อนการบูรณาการร่วมกัน", "ประเด็นที่ 5", "2,427,053 ล้านบาท", "204", "รวม 5 ประเด็น 7 ตัวชี้วัดหลัก"],
    "minutes": ["รายงานการประชุม", "ครั้งที่ ๒/๒๕๖๗", "เมื่อวันพุธที่ ๑๕ พฤษภาคม ๒๕๖๗", "ผู้มาประชุม", "มาประชุมแทน",
                "ผู้ไม่มาประชุม", "ลาประชุม", "ผู้เข้าร่วมประชุม", "เริ่มประชุมเวลา ๑๓.๓๐ น.", "มติ",
                "เลิกประชุมเวลา ๑๖.๐๐ น.", "ผู้จดรายงานการประชุม"],
    "memo": ["บันทึกข้อความ", "ส่วนราชการ", "เรื่อง", "เรียน", "๗ กุมภาพันธ์ ๒๕๖๗", "คณะกรรมการรัฐมนตรี"],
    "pack": ["ขอเชิญประชุม", "ระเบียบวาระการประชุม", "ผลการประเมินผลการปฏิบัติราชการ", "ตัวชี้วัดขับเคลื่อนการบูรณาการร่วมกัน"],
}


def kpi(*args):
    proc = run_cli(*args)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(autouse=True)
def _digits_as_written():
    """Tests that typeset without ``render`` get digits as written, not the mode the last report built in this
    thread left (render sets it per document; the command-line tests render in this process)."""
    from app.reports import digits
    digits.set_thai(None)


@pytest.fixture(scope="session")
def reports(demo_template, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("reports")
    db = demo_template
    kpi("report", "annex", "--db", db, "--year", 2567, "--out", out / "annex.pdf")
    kpi("report", "results", "--db", db, "--year", 2567, "--round", 12, "--out", out / "results.pdf")
    kpi("report", "joint", "--db", db, "--year", 2567, "--out", out / "joint.pdf")
    kpi("report", "minutes", "--db", db, "--meeting", "2/2567", "--out", out / "minutes.pdf")
    kpi("report", "memo", "--db", db, "--subject", "ขอส่งสำเนาหนังสือการประเมินส่วนราชการ ประจำปีงบประมาณ พ.ศ. 2567",
        "--to", "ปลัดกระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม", "--number", "ทส 0210/716", "--date", "2567-02-07",
        "--body", DATA / "letter_fy2567.txt", "--out", out / "memo.pdf")
    kpi("report", "pack", "--db", db, "--meeting", "2/2567", "--out", out / "pack.pdf")
    return {p.stem: p for p in out.glob("*.pdf")}


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_text_layer_has_the_words(reports, kind):
    actual = squash(text(reports[kind]))
    for phrase in EXPECTED[kind]:
        assert squash(phrase) in actual, f"{kind}: “{phrase}” not found"


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_no_private_use_or_replacement_glyphs(reports, kind):
    with pdfplumber.open(reports[kind]) as pdf:
        chars = "".join(c["text"] for page in pdf.pages for c in page.chars)
    assert not re.search("[\ue000-\uf8ff\ufffd\u200b]", chars)
    assert "(cid:" not in chars


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext not installed")
def test_copy_and_search_with_a_pdf_reader(reports):
    out = squash(subprocess.run(["pdftotext", str(reports["minutes"]), "-"], capture_output=True, text=True).stdout)
    for phrase in ("ผู้ไม่มาประชุม", "เริ่มประชุมเวลา ๑๓.๓๐ น.", "มาประชุมแทน", "จุดความร้อน", "ที่ประชุมเห็นชอบ"):
        assert squash(phrase) in out


def test_long_real_letter_breaks_only_between_words(reports):
    bad, judged, lines = shared_checker(reports["memo"], DATA / "letter_fy2567.txt")
    assert judged > 200, "most line breaks must actually be judged"
    assert (bad, lines) == (0, [])


def test_the_break_check_catches_a_break_inside_a_word(tmp_path):
    """The judge itself: a column too narrow for one word forces a cut inside it, and it is reported."""
    from app.reports.common import write
    from app.reports.paragraph import ThaiParagraph
    from app.reports.styles import PLAIN
    from reportlab.platypus import Table
    out = tmp_path / "narrow.pdf"
    write([Table([[ThaiParagraph("ประชาสัมพันธ์ประชาสัมพันธ์", PLAIN)]], colWidths=[40])], out, "narrow")
    bad, _judged, _lines = shared_checker(out)
    assert bad > 0, "a word cut between clusters must be caught"


@pytest.mark.parametrize("kind", ["annex", "results", "joint", "minutes",
                                  pytest.param("pack", marks=pytest.mark.slow)])   # the pack holds the others
def test_reports_break_only_between_words(reports, kind):
    bad, _judged, lines = shared_checker(reports[kind])
    assert (bad, lines) == (0, [])


def test_page_numbers_from_page_two_in_thai_digits(reports):
    with pdfplumber.open(reports["memo"]) as pdf:
        first = pdf.pages[0].extract_text()
        second_top = [c["text"] for c in pdf.pages[1].chars if c["top"] < 60]
    assert "- ๑ -" not in first
    assert "".join(second_top).replace(" ", "") == "-๒-"


def test_landscape_annex_and_portrait_minutes(reports):
    with pdfplumber.open(reports["annex"]) as pdf:
        assert pdf.pages[0].width > pdf.pages[0].height
    with pdfplumber.open(reports["minutes"]) as pdf:
        assert pdf.pages[0].width < pdf.pages[0].height


def test_pack_has_bookmarks(reports):
    from pypdf import PdfReader
    outline = PdfReader(reports["pack"]).outline
    titles = [o.title for o in outline if not isinstance(o, list)]
    assert any(t.startswith("บันทึกข้อความ") for t in titles)
    assert "ระเบียบวาระการประชุม" in titles
    assert "ผลการประเมิน" in titles


def test_reports_are_deterministic(demo_template, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    kpi("report", "joint", "--db", demo_template, "--year", 2567, "--out", a)
    kpi("report", "joint", "--db", demo_template, "--year", 2567, "--out", b)
    assert a.read_bytes() == b.read_bytes()


def test_bad_report_requests_are_refused_in_thai(demo_template, tmp_path):
    cases = [
        (["report", "results", "--year", "2567"], "รอบการประเมิน"),
        (["report", "minutes", "--meeting", "9/2599"], "ไม่พบการประชุม"),
        (["report", "memo", "--subject", "x"], "--to"),
        (["report", "annex", "--year", "2567", "--out", tmp_path / "nope" / "x.pdf"], "ไม่พบโฟลเดอร์"),
    ]
    for args, needle in cases:
        if "--out" not in args:
            args = [*args, "--out", tmp_path / "x.pdf"]
        proc = run_cli(*args, "--db", demo_template)
        assert proc.returncode == 2 and needle in proc.stderr, (args, proc.stderr)
    assert not (tmp_path / "x.pdf").exists()


INVALID_SEQUENCES = ["ทีี่", "ดูู", "นี้้", "ก็่", "กุู", "่ขึ้นต้นด้วยวรรณยุกต์", "ั", "ที่่่่่"]


def test_misplaced_marks_print_on_a_dotted_circle_and_are_reported(tmp_path):
    """A typo such as a doubled vowel crashed ReportLab (IndexError in setRise); now it prints visibly and
    the command says where."""
    body = tmp_path / "typo.txt"
    body.write_text("ข้อความที่พิมพ์ผิด " + " ".join(INVALID_SEQUENCES) + "\n", encoding="utf-8")
    out = tmp_path / "typo.pdf"
    from app.reports.common import write
    from app.reports.memo import Memo, memo_story
    from app.reports import notices
    from datetime import date
    notices.start()
    write(memo_story(Memo("ทีี่", "ปลัด", "กอง", "", date(2024, 2, 7), body.read_text(encoding="utf-8"))), out, "t")
    warned = notices.collected()
    assert all(any(seq in w for w in warned) for seq in ("ทีี่", "ดูู", "นี้้", "ก็่", "กุู"))
    assert "\u25cc" in text(out)


def test_landscape_pages_of_a_pack_carry_their_page_number(reports):
    with pdfplumber.open(reports["pack"]) as pdf:
        for page in pdf.pages[1:]:
            top = "".join(c["text"] for c in page.chars if c["top"] < 60).replace(" ", "")
            assert re.fullmatch(r"-[๐-๙]+-", top), (page.page_number, page.width, top)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler's pdffonts not installed")
@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_only_embedded_fonts(reports, kind):
    rows = subprocess.run(["pdffonts", str(reports[kind])], capture_output=True, text=True).stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), rows


def test_justified_lines_never_spread_the_clusters_of_a_word(tmp_path):
    """Justification stretches spaces and the gaps between words; inside a word the clusters stay at
    their natural distance (a Thai-digit year is never spread into ๒ ๕ ๖ ๖)."""
    import unicodedata

    from app.reports.common import write
    from app.reports.paragraph import ThaiParagraph
    from app.reports.styles import BODY
    body = ("คณะกรรมการพัฒนาระบบราชการได้เสนอเรื่องการประเมินส่วนราชการตามมาตรการปรับปรุงประสิทธิภาพ"
            "ในการปฏิบัติราชการของส่วนราชการและจังหวัดประจำปีงบประมาณพ.ศ.๒๕๖๗ไปเพื่อคณะกรรมการรัฐมนตรีทราบ") * 3
    out = tmp_path / "justified.pdf"
    write([ThaiParagraph(body, BODY)], out, "justified")
    with pdfplumber.open(out) as pdf:
        chars = [c for c in pdf.pages[0].chars if not unicodedata.combining(c["text"]) and c["text"] != "\u0e33"]
    lines: dict = {}
    for c in chars:
        lines.setdefault(round(c["top"]), []).append(c)
    checked = 0
    for row in lines.values():
        row.sort(key=lambda c: c["x0"])
        for a, b in zip(row, row[1:]):
            if a["text"] in "๐๑๒๓๔๕๖๗๘๙" and b["text"] in "๐๑๒๓๔๕๖๗๘๙":
                assert b["x0"] - a["x1"] < 0.3, (a["text"], b["text"], b["x0"] - a["x1"])
                checked += 1
    assert checked >= 3


@pytest.mark.parametrize("size", [16, 14, 12, 10])
def test_no_mark_touches_the_next_line_or_the_box(size):
    """Lower vowels of one line and stacked upper marks of the next (อุปโภค / ที่นี้) never meet, at every
    size used; the first and last lines' marks stay inside the paragraph's box (a table cell's rules)."""
    from app.reports.paragraph import CLEARANCE, ThaiParagraph, prefix_metrics
    from app.reports.styles import PLAIN
    style = PLAIN.but(size=size)
    text = " ".join(["อุปโภคบริโภค", "ที่นี่น้ำปู่ตั้งกู้ชู้ชื่นบุญ"] * 12)
    p = ThaiParagraph(text, style)
    _w, height = p.wrap(9 * size, 10_000)
    lines = [ln for ln in p._lines if ln.tokens]
    metrics = prefix_metrics(p._lines, style, 9 * size)[-1]
    assert len(lines) > 4 and height == metrics.height()
    clear = CLEARANCE * size - 1e-9
    for i, (upper, lower) in enumerate(zip(lines, lines[1:])):
        pitch = metrics.pitches[i]
        for l1, r1, _t1, bottom in upper.ink(9 * size, style):
            for l2, r2, top, _b2 in lower.ink(9 * size, style):
                if l2 < r1 and l1 < r2:
                    assert pitch - top + bottom >= clear, (i, pitch, top, bottom)
    assert metrics.above >= max(t for _l, _r, t, _b in lines[0].ink(9 * size, style))
    assert metrics.below >= -min(b for _l, _r, _t, b in lines[-1].ink(9 * size, style))


THAI_DIGIT = re.compile("[๐-๙]")
ARABIC_DIGIT = re.compile("[0-9]")


@pytest.mark.parametrize("setting", ["0", "1"])
def test_one_digit_style_per_document(demo_path, tmp_path, setting):
    """A table report follows table_thai_digits everywhere in it — headings, cells, dates, page numbers —
    and leaves codes such as PM2.5 alone; letters and minutes are Thai throughout."""
    assert run_cli("settings", "--db", demo_path, "--table-thai-digits", setting).returncode == 0
    out = tmp_path / "joint.pdf"
    assert run_cli("report", "annex", "--db", demo_path, "--year", "2567", "--out", out).returncode == 0
    with pdfplumber.open(out) as pdf:
        words = " ".join(page.extract_text() or "" for page in pdf.pages)
    latin_free = " ".join(w for w in words.split() if not re.search("[A-Za-z]", w))
    if setting == "1":
        assert THAI_DIGIT.search(latin_free) and not ARABIC_DIGIT.search(latin_free)
    else:
        assert ARABIC_DIGIT.search(latin_free) and not THAI_DIGIT.search(latin_free)
    assert "PM2.5" in words                           # a Latin code keeps its digits


def test_sara_am_stays_whole_in_the_glyph_layer(tmp_path):
    """Viewers that ignore ActualText read the glyphs: ำ must be U+0E33 there (not ํ + า) wherever no tone
    mark sits on it, so กำหนด, ทำ and ดำเนินการ are found by a plain search."""
    from app.reports.common import write
    from app.reports.paragraph import ThaiParagraph
    from app.reports.styles import PLAIN
    out = tmp_path / "am.pdf"
    write([ThaiParagraph("กำหนด ทำ จำนวน สำนักงาน น้ำ ดำเนินการ", PLAIN)], out, "am")
    with pdfplumber.open(out) as pdf:
        glyphs = "".join(c["text"] for c in pdf.pages[0].chars)
    for word in ("กำหนด", "ทำ", "จำนวน", "สำนักงาน", "ดำเนินการ"):
        assert word in glyphs, word
    assert "\u0e4d\u0e32" not in glyphs             # no decomposed sara am where no tone mark sits on it


def test_body_text_is_plain_text(tmp_path):
    """What a secretary typed prints as typed: "<i>" does not italicise the rest, "<br/>" is not swallowed."""
    from app.reports.common import write
    from app.reports.paragraph import ThaiParagraph
    from app.reports.styles import PLAIN
    out = tmp_path / "plain.pdf"
    write([ThaiParagraph("มติ <i>ให้ติดตาม</i> ต่อ<br/>ไป & <b>ทันที", PLAIN)], out, "plain")
    assert "มติ <i>ให้ติดตาม</i> ต่อ<br/>ไป & <b>ทันที" in text(out)
    with pdfplumber.open(out) as pdf:
        assert {c["fontname"].split("+")[-1] for c in pdf.pages[0].chars} == {"Sarabun-Regular"}


def test_the_signature_block_is_never_split_and_headings_keep_with_their_text(tmp_path):
    from datetime import date

    from app.reports.common import write
    from app.reports.memo import Memo, memo_story
    paragraph = "ฝ่ายเลขานุการได้รวบรวมผลการดำเนินงานตามตัวชี้วัดของส่วนราชการในสังกัดเพื่อเสนอคณะกรรมการพิจารณา"
    for n in range(18, 30):
        out = tmp_path / f"sig{n}.pdf"
        memo = Memo("ทดสอบ", "ปลัดกระทรวง", "กองพัฒนาระบบบริหาร", "", date(2024, 2, 7), "\n\n".join([paragraph] * n),
                    signer="นางสาวผู้ลงนาม ทดสอบ", signer_position="ผู้อำนวยการกองพัฒนาระบบบริหาร",
                    closing="จึงเรียนมาเพื่อโปรดพิจารณา")
        write(memo_story(memo), out, "sig")
        with pdfplumber.open(out) as pdf:
            pages = ["".join((p.extract_text() or "").split()) for p in pdf.pages]
        holding = [i for i, t in enumerate(pages) if "นางสาวผู้ลงนาม" in t]
        assert holding and "ผู้อำนวยการกองพัฒนาระบบบริหาร" in pages[holding[0]].split("นางสาวผู้ลงนาม")[-1]
        assert "จึงเรียนมา" in pages[holding[0]]


def test_a_unit_running_onto_another_page_is_named_there(reports):
    with pdfplumber.open(reports["annex"]) as pdf:
        pages = [(p.extract_text() or "") for p in pdf.pages]
    continued = [i for i, t in enumerate(pages) if "(ต่อ)" in t]
    assert continued, "the demo annex has units longer than a page"
    for i in continued:
        name = next(line for line in pages[i].splitlines() if "(ต่อ)" in line).split("(ต่อ)")[0].split(" ", 2)[-1].strip()
        assert any(name.replace(" ", "")[:10] in p.replace(" ", "") for p in pages[:i])


def test_a_chart_that_fits_a_page_is_never_cut():
    from reportlab.lib.units import cm

    from app.reports.chart import ScoreBarChart
    from decimal import Decimal
    chart = ScoreBarChart([(f"หน่วยงาน {i}", Decimal(60 + i), "#2f6db5") for i in range(10)], 24 * cm, 9 * cm, False)
    assert chart.split(24 * cm, chart.height / 2) == []                   # moved whole to the next page
    national = ScoreBarChart([(f"หน่วยงาน {i}", Decimal(50), "#2f6db5") for i in range(230)], 24 * cm, 9 * cm, False)
    assert len(national.split(24 * cm, 15 * cm)) == 2                      # taller than a page: cut, each with an axis


def test_the_charts_legend_stays_on_the_charts_page(demo_template, tmp_path):
    """The 12-month results of 2568: the summary table ends low on page 2, the chart moves to page 3, and its
    legend (what the tints mean) used to stay behind, its last line alone at the top of page 3."""
    out = tmp_path / "results.pdf"
    kpi("report", "results", "--db", demo_template, "--year", 2568, "--round", 12, "--out", out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    pages = ["".join(page.split()) for page in text.split("\f")]
    legend = [i for i, t in enumerate(pages) if "พื้นสีแสดงช่วงคะแนน" in t]
    assert len(legend) == 1
    page = pages[legend[0]]
    assert "ระดับมาตรฐานขั้นต้นตั้งแต่60คะแนน" in page and "0102030405060708090100" in page   # legend whole, axis


def test_each_page_but_the_last_names_the_next_pages_first_word(reports):
    """คำต่อเนื่อง: a multi-page letter carries, bottom right of every page but the last, the word the next
    page begins with, followed by "…"."""
    with pdfplumber.open(reports["memo"]) as pdf:
        feet = ["".join(c["text"] for c in p.chars if c["top"] > p.height - 2.2 * 28.35).strip() for p in pdf.pages]
        heads = ["".join((p.extract_text() or "").split("\n")[1:2]) for p in pdf.pages]
    assert len(feet) > 3
    for i, foot in enumerate(feet[:-1]):
        assert foot.startswith("/") and foot.endswith("…"), (i, foot)
        word = foot[1:-1]
        assert word and word.replace(" ", "")[:2] in heads[i + 1].replace(" ", ""), (i, word, heads[i + 1][:40])
    assert "…" not in feet[-1]


def test_the_continuation_word_keeps_the_bracket_that_opens_it():
    """A page that begins with the signer's name in brackets said "/(…" at the foot of the page before."""
    from app.reports.continuation import first_word
    assert first_word("(นางสาวอ้นฟ้า เวชชาชีวะ)") == "(นางสาว"
    assert first_word("“สำนักงาน ก.พ.ร.” หมายถึง") == "“สำนักงาน"
    assert first_word("  การจัดทำ") == "การ"
    assert first_word("สำนักงาน ก.พ.ร.") == "สำนักงาน"


SCRIPTS = {"Lao": "ສະບາຍດີ ພາສາລາວ", "Khmer": "សួស្តី ភាសាខ្មែរ", "Myanmar": "မင်္ဂလာပါ", "Devanagari": "नमस्ते हिन्दी",
           "Chinese": "中文报告", "Japanese": "日本語のテキスト", "Korean": "한국어 보고서", "emoji": "ยินดี 😀 👍 ✅",
           "Latin": "Café naïve", "Greek": "Αθήνα", "Cyrillic": "Москва"}


def test_every_script_prints_with_an_embedded_font_and_no_box(tmp_path):
    """Lao, Khmer, Myanmar, Devanagari, CJK and emoji in a memo: no exception, every character drawn by a
    font that has it (the fallback chain), marks kept with their letters, the text layer readable, no
    box and no warning; a character no font has is named in a Thai warning, with all the invalid mark
    sequences in the same document."""
    from datetime import date

    from app.reports import notices
    from app.reports.common import write
    from app.reports.memo import Memo, memo_story
    body = "\n\n".join(f"{name}: {sample}" for name, sample in SCRIPTS.items())
    out = tmp_path / "scripts.pdf"
    notices.start()
    write(memo_story(Memo("ภาษาต่าง ๆ", "ปลัด", "กอง", "", date(2024, 2, 7), body)), out, "t")
    assert notices.collected() == []
    words = text(out)
    for name, sample in SCRIPTS.items():
        for word in sample.split():
            assert word in words, (name, word)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout if shutil.which("pdffonts") else ""
    for face in ("DejaVuSans", "NotoSansKhmer", "NotoSansMyanmar", "NotoSansDevanagari", "DroidSansFallback",
                 "NanumGothic", "Symbola") if fonts else ():
        assert face in fonts, face
    notices.start()
    unknown = "\U0010FFFD"                   # a private-use plane character: no font draws it
    write(memo_story(Memo("ทดสอบ", "ปลัด", "กอง", "", date(2024, 2, 7),
                          f"อักขระแปลก {unknown} และพิมพ์ผิด " + " ".join(INVALID_SEQUENCES))), tmp_path / "x.pdf", "t")
    warned = notices.collected()
    assert any("U+10FFFD" in w and "กล่อง" in w for w in warned), warned
    assert any("ทีี่" in w for w in warned)


def test_a_band_never_ends_a_page():
    """"องค์ประกอบที่ ๒" at the foot of a page with its rows on the next was observed: a band (and a
    sub-component heading) moves on with the row after it."""
    from app.reports.tables import Cell, build_table
    widths = [40, 200, 60]
    rows = [["1", "ตัวชี้วัดที่หนึ่ง", "10"], ["2", "ตัวชี้วัดที่สอง", "20"],
            [Cell("องค์ประกอบที่ ๒ การประเมินศักยภาพ", span=3)], ["3", "ตัวชี้วัดที่สาม", "30"],
            ["4", "ตัวชี้วัดที่สี่", "40"]]
    table = build_table(["ที่", "ตัวชี้วัด", "น้ำหนัก"], rows, widths, bands=[2])
    table.wrap(300, 10_000)
    heights = [row.height for row in table.rows]
    room = sum(heights[:4]) + 0.5            # header, two rows and the band fit; the band's next row does not
    head, *rest = table.split(300, room)
    assert len(head.body) == 2, len(head.body)   # the band went to the next page with its row
    assert [len(part.header) for part in rest] == [1]      # the header is repeated there
    plain = build_table(["ที่", "ตัวชี้วัด", "น้ำหนัก"], rows, widths)
    plain.wrap(300, 10_000)
    assert len(plain.split(300, room)[0].body) == 3     # without the rule it would have ended the page


@pytest.mark.parametrize("tail, head, allowed", [
    ("เอกสารประกอบ เอก", "สาร", False), ("ตามมาตร", "การปรับปรุง", False), ("คณะกรรม", "การ", False),
    ("นักวิชาการชำนาญ", "การพิเศษ", False), ("ตัวชี้", "วัดที่ ๑", False), ("ตัว", "ชี้วัดที่ ๑", False),
    ("ดำเนิน", "การต่อไป", False), ("นาย", "อนุชา", False), ("ครั้งที่ ๑/", "๒๕๖๗", False),
    ("ประมาณ ", "พ.ศ. ๒๕๖๗", True), ("ตาม พ.ศ. ", "๒๕๖๗", False), ("ติดต่อ โทร. ๐ ", "๒๖๕๑ ๙๙๙๙", False),
    ("ติดต่อ โทร. ๐ ๒๖๕๑ ๙๙๙๙ ", "ต่อ ๘๙๗๖", True), ("ปีงบประมาณ ๒๕๖๗ ", "๑๒ หน่วยงาน", True),
    ("ตัวชี้วัด", "ที่ ๑", True),
])
def test_line_break_rules(tail, head, allowed):
    """The cases the audit found (issue 11, item 3) and a phone number in spaced groups."""
    from app.reports.segment import break_ok
    assert break_ok(tail, head) is allowed


def test_a_heading_keeps_with_the_start_of_what_follows_not_all_of_it(reports):
    """keepWithNext moved a heading and its whole table or list to the next page: the annex's first page
    held only its title and the minutes' first page no one present. Now the first page carries the
    heading and the first rows."""
    def first_page(kind):
        out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(reports[kind]), "-"], capture_output=True,
                             text=True).stdout
        return "".join(out.split())
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext not installed")
    first = first_page("annex")
    assert "สำนักงานปลัดกระทรวง" in first and "องค์ประกอบที่" in first
    first = first_page("minutes")
    assert "ผู้มาประชุม" in first and "ประธานกรรมการ" in first


def test_a_number_too_wide_for_its_cell_is_named_in_a_warning(tmp_path):
    """A number cut in two by a narrow column is not left silent."""
    from reportlab.lib.units import cm

    from app.reports import notices
    from app.reports.common import write
    from app.reports.tables import build_table
    notices.start()
    write([build_table(["ร้อยละ"], [["๑๐๐,๐๐๐,๐๐๐.๐๐"]], [1.2 * cm])], tmp_path / "narrow.pdf", "t")
    warned = notices.collected()
    assert any("๑๐๐,๐๐๐,๐๐๐.๐๐" in w and "กว้างเกินช่อง" in w for w in warned), warned
    notices.start()
    write([build_table(["ร้อยละ"], [["๑๐๐.๐๐"]], [3 * cm])], tmp_path / "wide.pdf", "t")
    assert notices.collected() == []
    # a little too narrow for 12 pt: the number steps down a size and stays whole, with nothing to warn of
    from app.reports.tables import Cell, PAD, fitted_cell
    assert fitted_cell(Cell("๑๐๐,๐๐๐.๐๐"), 2.5 * cm - 2 * PAD).style.size == 11
    notices.start()
    write([build_table(["ร้อยละ"], [["๑๐๐,๐๐๐.๐๐"]], [2.5 * cm])], tmp_path / "tight.pdf", "t")
    assert notices.collected() == []


def test_a_long_word_in_a_narrow_cell_is_set_smaller_and_else_cut_between_syllables(tmp_path):
    """ล้านตันคาร์บอนไดออกไซด์เทียบเท่า in a unit-of-measure column printed "…ไซ|ด์…" (a consonant with ์
    opening a line); the cell now takes a smaller type, and where even 9 pt is too wide the cut falls at a
    syllable a segmenter sees, never before ์ nor after a leading vowel, and is reported."""
    from reportlab.lib.units import cm

    from app.reports import notices
    from app.reports.paragraph import ThaiParagraph, _split_long, tokenize, Run
    from app.reports.styles import TABLE
    from app.reports.tables import PAD, Cell, fitted_cell

    uom = "ล้านตันคาร์บอนไดออกไซด์เทียบเท่า"
    p = fitted_cell(Cell(uom), 3.5 * cm - 2 * PAD)
    assert p.style.size < TABLE.size and p.minWidth() <= 3.5 * cm - 2 * PAD
    notices.start()
    word = next(t for t in tokenize([Run("คาร์บอนไดออกไซด์")], TABLE) if not t.space)
    for avail in (20.0, 35.0, 50.0, 65.0):
        head, tail = _split_long(word, avail)
        assert head.text + tail.text == word.text
        assert not tail.text.startswith("ด์") and head.text[-1] not in "เแโใไ" and tail.text[0] not in "ะาำ"
    assert not notices.collected()
    ThaiParagraph("คาร์บอนไดออกไซด์", TABLE).wrap(35.0, 500)
    assert any("คาร์บอนไดออกไซด์" in w for w in notices.collected())
    notices.start()                 # a second document with the same cell says it again
    ThaiParagraph("คาร์บอนไดออกไซด์", TABLE).wrap(35.0, 500)
    assert any("คาร์บอนไดออกไซด์" in w for w in notices.collected())
    assert ThaiParagraph(uom, TABLE).minWidth() > 0


def test_the_compiled_newmm_reads_thai_as_pythainlps_newmm_does():
    """Words come from nlpo3 (newmm compiled, over pythainlp's own word list) because building
    pythainlp's trie cost half a second per report; on the Thai of a real letter both read the same."""
    from pythainlp.tokenize import word_tokenize

    from app.reports.segment import words
    runs = sorted(set(re.findall("[\u0e01-\u0e4f]+", (DATA / "letter_fy2567.txt").read_text(encoding="utf-8"))))
    assert len(runs) > 100
    differ = [r for r in runs if list(words(r)) != word_tokenize(r, engine="newmm")]
    assert not differ, differ[:5]
    mixed = "ค่าเฉลี่ย 3.25 (PM2.5) ร้อยละ 1,234.50 เวลา 09:30 joint_by_agenda"     # numbers and codes stay whole
    assert list(words(mixed)) == word_tokenize(mixed, engine="newmm")
    assert {"3.25", "(PM2.5)", "1,234.50", "09:30"} <= set(words(mixed))


def test_text_without_thai_letters_reads_as_newmm_reads_it_without_the_segmenter():
    """Numbers, page numbers and Latin skip the Thai segmenter (a third of a national annex's cells):
    what they split into must be exactly what pythainlp's newmm makes of them."""
    import random

    from pythainlp.tokenize import word_tokenize

    from app.reports.segment import words
    rng = random.Random(2569)
    alphabet = "0123456789๐๑๒๓๔๕๖๗๘๙ .,:-/()%abcXYZ@_+\t"
    samples = ["- ๒๓๔ -", "80.00", "1,234.50", "๐๒-๒๖๕-๖๐๐๐", "09:30", "PM2.5", "https://opdc.go.th/?id=1234",
               *("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24))) for _ in range(3000))]
    differ = [t for t in samples if list(words(t)) != word_tokenize(t, engine="newmm", keep_whitespace=True)]
    assert not differ, differ[:5]


def test_a_table_row_taller_than_a_page_is_split_inside_not_lost(tmp_path):
    """ReportLab's table refused a row taller than its frame (a LayoutError, a crash on a long remark);
    the table now carries the rest of such a row to the next page, under the repeated header."""
    from app.reports import notices
    from app.reports.common import write
    from app.reports.tables import build_table
    notices.start()
    long_text = " ".join(f"ข้อสังเกตที่ {i} ของคณะกรรมการ" for i in range(1, 400)) + " จบข้อสังเกต"
    rows = [["1", "ตัวชี้วัดก่อนหน้า", "ปกติ"], ["2", long_text, "ยาวมาก"], ["3", "ตัวชี้วัดถัดไป", "ปกติ"]]
    out = tmp_path / "long.pdf"
    write([build_table(["ที่", "ตัวชี้วัด", "หมายเหตุ"], rows, [30, 300, 100], continued="กรมทดสอบ")], out, "t")
    from pypdf import PdfReader
    pages = len(PdfReader(out).pages)
    assert pages >= 3
    printed = squash(text(out))
    assert printed.count(squash("กรมทดสอบ (ต่อ)")) == pages - 1
    body = re.sub(r"-[๐-๙]+-กรมทดสอบ\(ต่อ\)ที่ตัวชี้วัดหมายเหตุ", "", printed)   # each page's head
    assert squash("2" + long_text.split(" ข้อสังเกตที่ 2 ")[0]) in body          # the row starts with its number
    assert squash(long_text) in body.replace("ยาวมาก", "")
    page_of = {t.strip(): block[0] for block, _x, _y, t in spans(out)}
    first_line = next(t for t in page_of if t.startswith("ข้อสังเกตที่ 1 "))
    assert page_of["ยาวมาก"] == page_of[first_line]                          # a short cell prints at the row's top
    assert body.endswith(squash("จบข้อสังเกต 3 ตัวชี้วัดถัดไป ปกติ"))


def test_words_of_the_document_are_never_cut(demo_template, tmp_path):
    """"อธิบดี/หัวหน้าส่วนราชการ กรม|ทรัพยากรน้ำ" was printed in the minutes: the names the database holds
    and the secretary's own list (settings) are words no line end cuts, besides the dictionaries."""
    from app.reports.segment import break_ok, set_document_words
    assert break_ok("ตามนโยบายประชา", "รัฐ ของรัฐบาล")              # every segmenter sees ประชา|รัฐ
    set_document_words({"ประชารัฐ", "PM2.5", "ก"})                  # only Thai words of two letters or more
    try:
        assert not break_ok("ตามนโยบายประชา", "รัฐ ของรัฐบาล")
        assert break_ok("ตามนโยบายประชารัฐ", "ของรัฐบาล")           # before and after the word: as before
    finally:
        set_document_words(())
    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, db)
    refused = run_cli("settings", "--db", db, "--words-never-cut", "ประชารัฐ PM2.5")
    assert refused.returncode == 2 and "PM2.5" in refused.stderr and "Traceback" not in refused.stderr
    kpi("settings", "--db", db, "--words-never-cut", "ประชารัฐ  ราชประชาสมาสัย ประชารัฐ")
    assert "ประชารัฐ ราชประชาสมาสัย" in kpi("settings", "--db", db).stdout
    body = tmp_path / "body.txt"
    body.write_text("".join(f"ข้อ{i}สนับสนุนโครงการประชารัฐเพื่อสังคม" + "และชุมชน" * (i % 3) for i in range(1, 30)),
                    encoding="utf-8")
    out = tmp_path / "memo.pdf"
    kpi("report", "memo", "--db", db, "--subject", "ทดสอบ", "--to", "ปลัดกระทรวง", "--body", body, "--out", out)
    lines = [t.strip() for _b, _x, _y, t in spans(out)]
    assert not [t for t in lines if t.endswith("ประชา")], lines
    kpi("settings", "--db", db, "--words-never-cut", "")
    kpi("report", "memo", "--db", db, "--subject", "ทดสอบ", "--to", "ปลัดกระทรวง", "--body", body, "--out", out)
    assert [t for _b, _x, _y, t in spans(out) if t.strip().endswith("ประชา")]    # the test can fail: without the word


def test_a_unit_name_stays_whole_in_the_minutes(reports):
    lines = [t.strip() for _b, _x, _y, t in spans(reports["minutes"])]
    assert any("กรมทรัพยากรน้ำ" in t for t in lines)
    assert not [t for t in lines if t.endswith(" กรม") or t.endswith("หัวหน้าส่วนราชการ กรม")], lines


def test_documents_built_one_after_another_each_have_their_own_glyph_codes(tmp_path):
    """Laid-out texts are kept between documents, but glyph codes belong to one document's font subsets:
    the second and third files of one process must read back (glyph layer, not ActualText) as the first."""
    from collections import Counter

    from app.reports import notices
    from app.reports.common import write
    from app.reports.tables import build_table
    expected = None
    for i, rows in enumerate(([["1", "ร้อยละของเรื่องร้องเรียน"], ["2", "น้ำบาดาล"]],
                              [["9", "ภาษาอังกฤษ English"], ["1", "ร้อยละของเรื่องร้องเรียน"], ["2", "น้ำบาดาล"]],
                              [["1", "ร้อยละของเรื่องร้องเรียน"], ["2", "น้ำบาดาล"]])):
        notices.start()
        out = tmp_path / f"doc{i}.pdf"
        write([build_table(["ที่", "ตัวชี้วัด"], rows, [30, 200])], out, "t")
        with pdfplumber.open(out) as pdf:             # each glyph's character from the file's own subsets
            glyphs = Counter(c["text"] for c in pdf.pages[0].chars if not c["text"].isspace())
        assert not Counter("ร้อยละของเรื่องร้องเรียนบาดาลตัวชี้วัด") - glyphs, glyphs
        if i != 1:
            assert expected in (None, glyphs)
            expected = glyphs


def test_a_unit_whose_targets_cannot_be_scored_prints_no_score(demo_path, tmp_path):
    """กรมควบคุมมลพิษ with the targets of one indicator out of order (base 78 > standard 75): its results
    used to print 72.52 (the indicator counted 0), ranked among the scored units. Now the summary, the chart
    and the unit's own table print "–", the unit ranks last, and its JSON score is null."""
    import json
    from app.services import framework, grid
    from app.services.changes import perform
    from app.store import open_store
    from tests.test_hostile import assignment_of
    store = open_store(demo_path)
    with store.transaction() as s:
        for months in (12, 6):
            rnd = lookup_round(s, months)
            if rnd.status != "open":
                framework.reopen_round(s, rnd, reason="ทดสอบ")
        a = assignment_of(s, "PCD-02")
    perform(store, "targets", grid.apply_assignment_edits, [(a.id, "base", "78")])
    store.close()
    out = tmp_path / "results.pdf"
    kpi("report", "results", "--db", demo_path, "--year", 2567, "--round", 12, "--out", out)
    pages = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout.split("\f")
    ranking = [ln.split() for ln in pages[0].splitlines() if re.match(r"\s*\d+\s+\S", ln)]
    assert [r[0] for r in ranking] == [str(i) for i in range(1, 11)]
    assert ranking[-1][1:] == ["กรมควบคุมมลพิษ", "–", "100.00", "–", "ยังให้ระดับไม่ได้"]     # ranked last, no number
    chart = [ln.split() for ln in pages[1].splitlines() if "กรมควบคุมมลพิษ" in ln]
    assert chart == [["กรมควบคุมมลพิษ", "–"]]
    assert "72.52" not in "".join(pages) and "85.27" not in "".join(pages)
    pages = [" ".join(p.split()) for p in pages]
    unit_page = next(p for p in pages[2:] if "กรมควบคุมมลพิษ" in p)
    assert "ยังไม่มีคะแนนรวม — ยังให้ระดับไม่ได้" in unit_page and "ค่าเป้าหมายต้องเรียงลำดับ" in unit_page
    scores = json.loads(kpi("score", "--db", demo_path, "--year", 2567, "--round", 12, "--json").stdout)
    (pcd,) = [u for u in scores["units"] if u["code"] == "PCD"]
    (line,) = [i for i in pcd["indicators"] if i["code"] == "PCD-02"]
    assert pcd["score"] is None and pcd["points"] is None and line["points"] is None and line["error"]
    assert [c["points"] for c in pcd["components"] if c["code"] in ("1", "1.1")] == [None, None]


def lookup_round(s, months):
    from app.services import lookup
    return lookup.round_of(s, 2567, months)


def test_an_annex_never_prints_weights_or_targets_that_break_a_rule_in_silence(demo_template, tmp_path, reports):
    """กรมทรัพยากรธรณี, 2568: targets 89 / 100 / 94 and weights of 95. The annex printed them as if they were
    the approved figures. Each problem now prints in red under the unit's table, and the command warns."""
    out = tmp_path / "annex.pdf"
    proc = kpi("report", "annex", "--db", demo_template, "--year", 2568, "--unit", "DMR", "--out", out)
    assert "คำเตือน" in proc.stderr and "กรมทรัพยากรธรณี" in proc.stderr
    words = "".join(text(out).split())
    assert words.count("ยังต้องแก้ไข:") == 3
    assert "ค่าเป้าหมายต้องเรียงลำดับ" in words and "น้ำหนักรวมของตัวชี้วัดที่ประเมินผลเท่ากับ95" in words
    assert "ยังต้องแก้ไข" not in "".join(text(reports["annex"]).split())       # 2567: every unit is in order


def test_a_meeting_pack_says_which_annex_it_left_out_and_why(demo_path, tmp_path):
    """A meeting early in 2568: no round of the year has ended and no Joint KPI agenda is recorded, so the pack
    had neither annex, without a word. It still prints, and now says what it left out and why."""
    kpi("meeting", "create", "--db", demo_path, "--number", 1, "--date", "2568-01-20", "--start", "09.30",
        "--end", "12.00", "--place", "ห้องประชุม")
    out = tmp_path / "pack.pdf"
    proc = kpi("report", "pack", "--db", demo_path, "--meeting", "1/2568", "--out", out)
    left_out = [ln for ln in proc.stderr.splitlines() if "ชุดเอกสารการประชุมไม่มีภาคผนวกนี้" in ln]
    assert len(left_out) == 2
    assert "ยังไม่มีรอบการประเมินของปีงบประมาณ พ.ศ. 2568 ที่สิ้นสุดก่อนวันประชุม" in left_out[0]
    assert "Joint KPIs" in left_out[1]
    words = "".join(text(out).split())
    assert "ตัวชี้วัดน้ำหนักและค่าเป้าหมาย" in words and "ผลการประเมินผลการปฏิบัติราชการ" not in words
