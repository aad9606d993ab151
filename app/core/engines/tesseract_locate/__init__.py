"""Where the Tesseract executable is.

Backends, tried in order (the pattern of ``app/capture/``: one module per place, each with
``is_compatible()`` and ``is_installed()``): ``configured`` (``IMAGEHQ_OCR_TESSERACT``),
``bundled`` (next to the frozen executable), ``path`` (``PATH``), ``program_files`` (Windows:
the UB-Mannheim installer's folders), ``homebrew`` (macOS: ``/opt/homebrew/bin``,
``/usr/local/bin``, which apps started from Finder do not have on ``PATH``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from app.core.engines.tesseract_locate import bundled, configured, homebrew, path, program_files

BACKENDS: tuple[ModuleType, ...] = (configured, bundled, path, program_files, homebrew)


@dataclass(frozen=True)
class Located:
    executable: Path
    backend: str  # the NAME of the backend that found it
    tessdata: Path | None = None  # language data shipped beside it (the bundled copy)


def locate() -> Located | None:
    """The first Tesseract found, or None."""
    for backend in BACKENDS:
        if backend.is_compatible() and backend.is_installed():
            exe = backend.executable()
            if exe is not None:
                return Located(exe, backend.NAME, getattr(backend, "tessdata", lambda: None)())
    return None


def searched() -> str:
    """Where it was looked for, for the 'not found' message."""
    return ", ".join(b.WHERE for b in BACKENDS if b.is_compatible())


def runnable(candidate: Path) -> bool:
    return candidate.is_file() and (candidate.suffix.lower() == ".exe" or _executable(candidate))


def _executable(candidate: Path) -> bool:
    import os

    return os.access(candidate, os.X_OK)
