"""How the ``tesseract`` engine runs Tesseract.

Backends, tried in order (the pattern of ``tesseract_locate`` and ``app/capture/``: one module
each, with ``is_compatible()`` and ``is_installed()``): ``tesserocr`` (libtesseract in this
process through the tesserocr wheel: one warm ``PyTessBaseAPI`` per worker thread, no process
start, no image file), then ``subprocess`` (the ``tesseract`` command through pytesseract).
Both return ``image_to_data``'s columns, so the engine builds the same result model from either.

``IMAGEHQ_OCR_TESSERACT_BACKEND=subprocess|tesserocr`` forces one (read at every call).
"""

from __future__ import annotations

import os
from types import ModuleType
from typing import Protocol, cast

from PIL import Image

from app.core.engines.tesseract_backends import inprocess, subprocess_cli
from app.core.engines.tesseract_backends.common import Call, OrientationFailed

ENV = "IMAGEHQ_OCR_TESSERACT_BACKEND"
BACKENDS: tuple[ModuleType, ...] = (inprocess, subprocess_cli)
#: image_to_data's columns: name → list of values, one per row.
Data = dict[str, list[str]]


class Backend(Protocol):
    NAME: str

    def is_compatible(self) -> bool: ...

    def is_installed(self) -> bool: ...

    def version(self) -> str: ...

    def data(self, image: Image.Image, call: Call) -> Data: ...

    def orientation(
        self, image: Image.Image, call: Call, min_characters: int | None
    ) -> tuple[int, float]: ...


__all__ = ["BACKENDS", "ENV", "Backend", "Call", "Data", "OrientationFailed", "choose", "forced"]


def forced() -> str:
    """The backend named by ``IMAGEHQ_OCR_TESSERACT_BACKEND``, or "" for the first that loads."""
    return os.environ.get(ENV, "").strip().lower()


def choose() -> Backend | None:
    """The first compatible, installed backend, or None."""
    for module in BACKENDS:
        backend = cast(Backend, module)
        if backend.is_compatible() and backend.is_installed():
            return backend
    return None
