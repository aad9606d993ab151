"""Fusion with check indicators drawn for the dark palette (issue 9, defect 11).

A style sheet that colours ``QCheckBox::indicator`` replaces the style's own drawing and with it
the tick mark: a ticked box became a plain filled square. This proxy keeps Fusion and, when
dark, draws check boxes and checkable list items itself: an accent square with a white tick
when ticked, a dash when partly ticked, a light outline when not.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

ACCENT, ACCENT_EDGE = QColor(48, 120, 230), QColor(111, 160, 240)
FILL, EDGE, DISABLED_EDGE = QColor(28, 29, 33), QColor(138, 143, 153), QColor(74, 77, 85)
_CHECKS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


class ThemedStyle(QProxyStyle):
    """Fusion; ``dark`` switches the drawn check indicators on."""

    def __init__(self) -> None:
        super().__init__("Fusion")
        self.dark = False

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if self.dark and element in _CHECKS:
            paint_check(painter, option)
            return
        super().drawPrimitive(element, option, painter, widget)


def paint_check(painter: QPainter, option: Any) -> None:
    """A check indicator in ``option.rect`` for ``option.state`` (on, partly, off)."""
    state = option.state
    on = bool(state & QStyle.StateFlag.State_On)
    partly = bool(state & QStyle.StateFlag.State_NoChange)
    enabled = bool(state & QStyle.StateFlag.State_Enabled)
    side = min(option.rect.width(), option.rect.height()) - 1
    box = QRectF(option.rect.x() + 0.5, option.rect.y() + 0.5, side, side)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    filled = (on or partly) and enabled
    painter.setPen(QPen(ACCENT_EDGE if filled else EDGE if enabled else DISABLED_EDGE, 1))
    painter.setBrush(ACCENT if filled else FILL)
    painter.drawRoundedRect(box, 3, 3)
    if on or partly:
        mark = QColor("white") if enabled else EDGE
        pen = QPen(mark, max(1.6, side / 7))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        x, y, s = box.x(), box.y(), box.width()
        if on:
            path = QPainterPath(QPointF(x + s * 0.22, y + s * 0.52))
            path.lineTo(x + s * 0.42, y + s * 0.72)
            path.lineTo(x + s * 0.78, y + s * 0.3)
            painter.drawPath(path)
        else:
            painter.drawLine(QPointF(x + s * 0.25, y + s / 2), QPointF(x + s * 0.75, y + s / 2))
    painter.restore()
