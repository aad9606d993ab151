"""Screenshots of every screen at native resolution.

Backends, tried in order: ``portal`` (xdg-desktop-portal Screenshot over QtDBus: Wayland
sessions, XWayland included), ``qt_grab`` (QScreen.grabWindow: X11, Windows, macOS).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtGui import QImage

from app.capture.backends import describe, usable
from app.capture.errors import ScreenshotError
from app.capture.geometry import ScreenInfo
from app.capture.screenshot import portal, qt_grab

log = logging.getLogger(__name__)
BACKENDS = (portal, qt_grab)


@dataclass
class ScreenImage:
    info: ScreenInfo  # logical geometry, dpr and the image's pixel size
    image: QImage  # physical pixels of that screen


@dataclass
class Snapshot:
    screens: list[ScreenImage]
    backend: str

    @property
    def infos(self) -> list[ScreenInfo]:
        return [s.info for s in self.screens]


def grab() -> Snapshot:
    """All screens, frozen now. Raises ScreenshotError with a clear message when no backend
    works."""
    errors = []
    for backend in usable(BACKENDS):
        try:
            return Snapshot(backend.capture(), backend.NAME)  # type: ignore[attr-defined]
        except ScreenshotError as err:
            log.warning("screenshot backend %s failed: %s", backend.NAME, err)
            errors.append(f"{backend.NAME}: {err}")
    detail = "; ".join(errors) or describe(BACKENDS)
    raise ScreenshotError(f"cannot take a screenshot ({detail})")
