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


CHECKER = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "thai_breaks.py"


def shared_checker(path: Path, source: Path | None = None) -> tuple[int, int, list[str]]:
    """(bad breaks, judged line ends, the BAD lines) by the shared Thai line checker, which judges every
    line end with several segmenters and word lists (and, given the source text, aligns a memo to it).
    Its artifact counts (.notdef, U+FFFD, private-use, zero-width, overflow) must all be 0."""
    import subprocess
    import sys

    import pytest
    if not CHECKER.exists():
        pytest.skip("shared/tools/thai_breaks.py is not beside the project")
    args = [sys.executable, str(CHECKER), str(path), "-v"] + (["--source", str(source)] if source else [])
    out = subprocess.run(args, capture_output=True, text=True, encoding="utf-8").stdout
    summary = re.search(r"bad_breaks=(\d+) lines=\d+ judged=(\d+)", out)
    assert summary, out[-2000:]
    artifacts = re.search(r"artifacts: (.*)", out).group(1)
    assert all(int(n) == 0 for n in re.findall(r"=(\d+)", artifacts)), artifacts
    return int(summary.group(1)), int(summary.group(2)), [ln for ln in out.splitlines() if " BAD" in ln]
