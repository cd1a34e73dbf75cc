"""The path a save dialog returned, completed as Windows' own dialog completes it: a name typed with no
file type gets the one the dialog saves ("annex" is saved as "annex.pdf"). A name with another type is
left as typed, for the writer to refuse in Thai (``app.io.atomic.check_target``)."""

from __future__ import annotations

from pathlib import Path


def completed(target: str, suffix: str) -> Path:
    path = Path(target)
    return path if path.suffix else path.with_name(path.name + suffix)
