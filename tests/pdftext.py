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
_CM = re.compile(rb"1 0 0 1 (-?[0-9.]+) (-?[0-9.]+) cm")


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


def spans(path: Path) -> list[tuple[tuple, float, float, str]]:
    """(block, x, y, text) of each drawn line in order. ``block`` is the content stream and the origin
    the block was drawn at (one paragraph, or one table cell), so lines of one block continue each
    other; x and y are the line's start within the block."""
    out = []
    for n, data in enumerate(_streams(Path(path).read_bytes())):
        for span in _SPAN.finditer(data):
            origins = _CM.findall(data, 0, span.start())
            block = (n, origins[-1] if origins else None)
            starts = [m for m in _TM.finditer(span.group(2)) if m.group(1) != b"0" or m.group(2) != b"0"]
            x, y = (float(starts[0].group(1)), float(starts[0].group(2))) if starts else (0.0, 0.0)
            out.append((block, x, y, bytes.fromhex(span.group(1).decode()).decode("utf-16-be")))
    return out


def text(path: Path) -> str:
    return "\n".join(t for _b, _x, _y, t in spans(path))
