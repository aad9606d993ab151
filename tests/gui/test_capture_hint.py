"""The capture overlay tells a new user what to do: a one-line hint near the top."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from app.capture.geometry import Rect, ScreenInfo
from app.capture.screenshot import ScreenImage, Snapshot
from app.gui.capture_overlay import CaptureOverlay


def _overlay(qtbot: Any) -> CaptureOverlay:
    image = QImage(800, 500, QImage.Format.Format_RGB32)
    image.fill(QColor(40, 40, 40))
    info = ScreenInfo("offscreen", Rect(0, 0, 800, 500))
    overlay = CaptureOverlay(Snapshot([ScreenImage(info, image)], "test"))
    overlay.show()  # its windows delete themselves on close
    return overlay


def _bright_pixels(img: QImage, rect: Any) -> int:
    n = 0
    for y in range(rect.top(), rect.bottom(), 2):
        for x in range(rect.left(), rect.right(), 2):
            if QColor(img.pixel(x, y)).lightness() > 150:
                n += 1
    return n


def test_hint_is_drawn_until_a_drag_starts(qtbot: Any) -> None:
    overlay = _overlay(qtbot)
    try:
        w = overlay.windows[0]
        assert w.hint == "Drag to select · Esc to cancel"
        rect = w.hint_rect()
        assert rect.width() > 0 and w.rect().contains(rect)
        shown = w.grab().toImage()
        assert _bright_pixels(shown, rect) > 10  # white text on the dark screenshot
        overlay.press(QPointF(40, 300))  # the crosshair stays clear of the hint
        overlay.move(QPointF(150, 450))
        dragging = w.grab().toImage()
        assert _bright_pixels(dragging, rect) == 0  # out of the way while selecting
    finally:
        overlay.close()
