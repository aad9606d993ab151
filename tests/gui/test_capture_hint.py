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
        assert w.hint == "Drag to select · Esc to cancel · Tab: join lines into paragraphs"
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


def test_tab_switches_this_captures_text_mode(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    overlay = _overlay(qtbot)
    try:
        w = overlay.windows[0]
        assert overlay.text_mode == "paragraphs"
        qtbot.keyClick(w, Qt.Key.Key_Tab)
        assert overlay.text_mode == "single_line" and w.hint.endswith("Tab: all on one line")
        qtbot.keyClick(w, Qt.Key.Key_Tab)
        assert overlay.text_mode == "lines" and w.hint.endswith("Tab: keep the lines")
        got: list[Any] = []
        overlay.selected.connect(got.append)
        overlay.press(QPointF(100, 100))
        overlay.move(QPointF(300, 200))
        overlay.release(QPointF(300, 200))
        assert got and overlay.text_mode == "lines"  # what the controller reads for this job
    finally:
        overlay.close()
