"""Reading our PDFs back without extra tools: the ActualText of every drawn line, with its position."""

from __future__ import annotations

import base64
import re
import zlib
from pathlib import Path

_STREAM = re.compile(rb"<<((?:[^<>]|<<[^<>]*>>)*)>>\s*stream\r?\n")
_LENGTH = re.compile(rb"/Length (\d+)")
_SPAN = re.compile(rb"/Span <</ActualText <FEFF([0-9A-F]*)>>> BDC(.*?)EMC", re.S)
_TM = re.compile(rb"1 0 0 1 (-?[0-9.]+) (-?[0-9.]+) Tm")


def _streams(pdf: bytes):
    for m in _STREAM.finditer(pdf):
        head = m.group(1)
        length = _LENGTH.search(head)
        if not length:
            continue
        data = pdf[m.end():m.end() + int(length.group(1))]
        try:
            if b"ASCII85Decode" in head:
                data = base64.a85decode(data.strip().removesuffix(b"~>"))
            if b"FlateDecode" in head:
                data = zlib.decompress(data)
        except (ValueError, zlib.error):
            continue
        yield data


def spans(path: Path) -> list[tuple[float, float, str]]:
    """(x, y, text) of each line in drawing order, page after page."""
    out = []
    for data in _streams(Path(path).read_bytes()):
        for hexed, body in _SPAN.findall(data):
            m = _TM.search(body)
            x, y = (float(m.group(1)), float(m.group(2))) if m else (0.0, 0.0)
            out.append((x, y, bytes.fromhex(hexed.decode()).decode("utf-16-be")))
    return out


def text(path: Path) -> str:
    return "\n".join(t for _x, _y, t in spans(path))
