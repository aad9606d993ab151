"""The ``tesseract`` command through pytesseract: one process per call, killed on cancel.

pytesseract (and numpy, which it imports) loads only when this backend is used.
"""

from __future__ import annotations

import os
import re
from functools import cache
from types import ModuleType

from PIL import Image

from app.core.engines.cancel import cancel_scope, install
from app.core.engines.tesseract_backends.common import (
    Call,
    OrientationFailed,
    first_line,
    raise_if_canceled,
)
from app.core.errors import EngineError, EngineTimeoutError

NAME = "subprocess"
_ROTATE_RE = re.compile(r"Rotate:\s*(\d+)")
_OSD_CONF_RE = re.compile(r"Orientation confidence:\s*([\d.]+)")
_command = ["tesseract"]  # the executable the engine found


def set_command(executable: str) -> None:
    _command[0] = executable


@cache
def module() -> ModuleType:
    """pytesseract, its process starts tracked by the cancel tokens."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    import pytesseract

    install(pytesseract.pytesseract)
    return pytesseract


def _ready() -> ModuleType:
    pt = module()
    pt.pytesseract.tesseract_cmd = _command[0]
    return pt


def is_compatible() -> bool:
    from app.core.engines.tesseract_backends import forced

    return forced() in ("", NAME)


def is_installed() -> bool:
    return True  # whether the command exists is the engine's is_installed()


def version() -> str:
    pt = _ready()
    try:
        return str(pt.get_tesseract_version())
    except (pt.TesseractNotFoundError, OSError):
        return ""


def data(image: Image.Image, call: Call) -> dict[str, list[str]]:
    """``image_to_data`` as a dict; Tesseract's own errors stay engine errors, only a real
    time-out is reported as one (pytesseract's TesseractError is a RuntimeError too)."""
    pt = _ready()
    config = f"--psm {call.psm}" + (f" --dpi {call.dpi}" if call.dpi else "")
    try:
        with cancel_scope(call.cancel):
            out: dict[str, list[str]] = pt.image_to_data(
                image,
                lang=call.language,
                config=config,
                timeout=call.timeout,
                output_type=pt.Output.DICT,
            )
            return out
    except pt.TesseractNotFoundError:
        from app.core.engines.tesseract import NOT_INSTALLED
        from app.core.errors import EngineUnavailableError

        raise EngineUnavailableError(NOT_INSTALLED) from None
    except pt.TesseractError as exc:
        raise_if_canceled(call.cancel)
        raise EngineError(f"tesseract failed: {first_line(exc)}") from None
    except RuntimeError as exc:  # pytesseract's time-out
        raise EngineTimeoutError(f"recognition timed out after {call.timeout:g} s") from exc


def orientation(image: Image.Image, call: Call, min_characters: int | None) -> tuple[int, float]:
    """(clockwise turn that makes the text upright, confidence); OrientationFailed when OSD
    cannot tell."""
    pt = _ready()
    config = "--psm 0" + (f" -c min_characters_to_try={min_characters}" if min_characters else "")
    try:
        with cancel_scope(call.cancel):
            osd = pt.image_to_osd(image, config=config, timeout=call.timeout)
    except pt.TesseractError as exc:
        raise_if_canceled(call.cancel)
        raise OrientationFailed(first_line(exc)) from None
    except RuntimeError as exc:  # pytesseract's time-out (TesseractError is caught above)
        raise EngineTimeoutError(
            f"orientation detection timed out after {call.timeout:g} s"
        ) from exc
    m, c = _ROTATE_RE.search(osd), _OSD_CONF_RE.search(osd)
    return (int(m.group(1)) % 360 if m else 0), (float(c.group(1)) if c else 0.0)
