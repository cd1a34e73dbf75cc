"""Font registration: the Sarabun family (shaped with HarfBuzz) and a chain of fallbacks for what
Sarabun lacks: DejaVu Sans (Latin, Greek, Cyrillic, Lao, symbols), Noto Sans for Khmer, Myanmar and
Devanagari, Droid Sans Fallback for Chinese and Japanese, Nanum Gothic for Korean, Symbola for emoji
and other symbols.
All are embedded TrueType fonts with their licences beside them in ``resources/fonts``; the ones after
DejaVu are loaded only when a character needs them. ``fallback_for`` names the font for a character,
or None when no font has it (the report then says which characters print as boxes).

ReportLab draws HarfBuzz's substituted glyphs (narrow or small tone marks, ligatures such as ฤๅ)
under private-use code points, so the PDF's text layer would read as garbage. ``_to_unicode_cmap``
replaces ReportLab's ToUnicode builder and maps each such code back to the characters its glyph
stands for, read from the glyph name (``uni0E48.narrow`` → U+0E48, ``uni0E240E45`` → ฤๅ).
"""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resources_dir

FAMILY = "Sarabun"
FALLBACK = "DejaVuSans"
# (font name, file), tried in order for a character Sarabun lacks
FALLBACKS = (("DejaVuSans", "DejaVuSans.ttf"), ("NotoSansKhmer", "NotoSansKhmer-Regular.ttf"), ("NotoSansMyanmar", "NotoSansMyanmar-Regular.ttf"),
             ("NotoSansDevanagari", "NotoSansDevanagari-Regular.ttf"),
             ("DroidSansFallback", "DroidSansFallbackFull.ttf"), ("NanumGothic", "NanumGothic.ttf"),
             ("Symbola", "Symbola.ttf"))
FACES = {
    (False, False): ("Sarabun", "Sarabun-Regular.ttf"),
    (True, False): ("Sarabun-Bold", "Sarabun-Bold.ttf"),
    (False, True): ("Sarabun-Italic", "Sarabun-Italic.ttf"),
    (True, True): ("Sarabun-BoldItalic", "Sarabun-BoldItalic.ttf"),
}
_UNI = re.compile(r"^uni((?:[0-9A-F]{4})+)$")
_registered: dict[str, TTFont] = {}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def font_name(bold: bool = False, italic: bool = False) -> str:
    register_fonts()
    return FACES[(bold, italic)][0]


def register_fonts() -> None:
    if _registered:
        return
    for (bold, italic), (name, filename) in FACES.items():
        font = TTFont(name, str(fonts_dir() / filename), shapable=True)
        pdfmetrics.registerFont(font)
        _registered[font.face.name.decode() if isinstance(font.face.name, bytes) else font.face.name] = font
        addMapping(FAMILY, int(bold), int(italic), name)
    _load(*FALLBACKS[0])
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _load(name: str, filename: str) -> TTFont:
    font = _loaded.get(name)
    if font is None:
        font = _loaded[name] = TTFont(name, str(fonts_dir() / filename), shapable=True)
        pdfmetrics.registerFont(font)
        _registered[font.face.name.decode() if isinstance(font.face.name, bytes) else font.face.name] = font
    return font


_loaded: dict[str, TTFont] = {}
_chosen: dict[int, str | None] = {}


def fallback_for(code_point: int) -> str | None:
    """The first fallback font that draws this character (loading fonts as needed), or None."""
    if code_point not in _chosen:
        register_fonts()
        _chosen[code_point] = next((name for name, filename in FALLBACKS
                                    if code_point in _load(name, filename).face.charToGlyph), None)
    return _chosen[code_point]


def has_glyph(font_name: str, code_point: int) -> bool:
    return code_point in pdfmetrics.getFont(font_name).face.charToGlyph


def glyph_text(glyph_name: str) -> str | None:
    """The characters a glyph stands for, from its name: ``uni0E48.small`` → "\u0e48"."""
    m = _UNI.match(glyph_name.split(".")[0])
    if not m:
        return None
    hexes = m.group(1)
    return "".join(chr(int(hexes[i:i + 4], 16)) for i in range(0, len(hexes), 4))


def _private_text(base_font_name: str) -> dict[int, str]:
    face = base_font_name.split("+", 1)[-1]
    font = _registered.get(face)
    if font is None:
        return {}
    names = getattr(font, "_TTFont__hbUnis", {}) or {}
    out = {}
    for name, code in names.items():
        text = glyph_text(name)
        if text:
            out[code] = text
    return out


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset) -> str:
    private = _private_text(fontname)
    entries = [f"<{i:02X}> <{_utf16_hex(private.get(v, chr(v)))}>" for i, v in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(entries)} beginbfchar", *entries,
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])
