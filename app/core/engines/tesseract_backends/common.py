"""What both backends share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.engines.cancel import CancelToken
from app.core.errors import CanceledError


@dataclass(frozen=True)
class Call:
    """What a backend is asked to read with (orientation detection uses the last three)."""

    language: str
    psm: int
    dpi: int | None
    timeout: float
    cancel: CancelToken | None
    tessdata: Path | None


class OrientationFailed(Exception):
    """OSD found too little text; the message says why."""


def raise_if_canceled(cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.canceled:
        raise CanceledError("canceled")


def first_line(exc: Exception) -> str:
    text = str(getattr(exc, "message", "") or exc).strip()
    return text.splitlines()[-1] if text else exc.__class__.__name__
