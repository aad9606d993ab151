"""QScreen.grabWindow(0) per screen: X11, Windows, macOS (not Wayland: it returns nothing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from app.capture import backends
from app.capture.errors import ScreenshotError
from app.capture.geometry import Rect, ScreenInfo

if TYPE_CHECKING:
    from app.capture.screenshot import ScreenImage

NAME = "qt"


def is_compatible() -> bool:
    return backends.platform_name() in ("xcb", "windows", "cocoa")


def is_installed() -> bool:
    return True


def capture() -> list[ScreenImage]:
    from app.capture.screenshot import ScreenImage

    app = QGuiApplication.instance()
    if app is None:
        raise ScreenshotError("no Qt GUI application")
    out = []
    for screen in QGuiApplication.screens():
        pixmap = screen.grabWindow(0)
        if pixmap.isNull():
            raise ScreenshotError(f"screen {screen.name()} returned no image")
        image = pixmap.toImage()
        g = screen.geometry()
        info = ScreenInfo(
            screen.name(),
            Rect(g.x(), g.y(), g.width(), g.height()),
            screen.devicePixelRatio(),
            image.width(),
            image.height(),
        )
        out.append(ScreenImage(info, image))
    return out
