"""Thai digits in running text: everywhere a reader expects them, never inside URLs, e-mails or codes."""

import pytest

from app.domain.thai_text import thai_digits_in_text


@pytest.mark.parametrize("text, expected", [
    ("หน้า ๑๒-15", "หน้า ๑๒-๑๕"), ("โทร ๐๒-265-6000", "โทร ๐๒-๒๖๕-๖๐๐๐"),
    ("ดู https://www.opdc.go.th/content?id=1234 ครับ", "ดู https://www.opdc.go.th/content?id=1234 ครับ"),
    ("อีเมล abc1@opdc.go.th", "อีเมล abc1@opdc.go.th"), ("PM2.5 และ e-SAR2", "PM2.5 และ e-SAR2"),
    ("ครั้งที่ 2/2567 เวลา 09.30 น.", "ครั้งที่ ๒/๒๕๖๗ เวลา ๐๙.๓๐ น.")])
def test_thai_digits_everywhere_but_urls_and_codes(text, expected):
    assert thai_digits_in_text(text) == expected
