"""Icons: one drawn line-icon set (consistent on every desktop and in dark mode), cached; the app
icon itself is the shipped icon set (resources/icons/, rendered from its SVG master)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from app.resources import icon_pngs

ACCENT = QColor(48, 120, 230)
SIZE = 64
_cache: dict[str, QIcon] = {}


def _pen(p: QPainter, color: QColor = ACCENT, width: float = 5.0) -> None:
    p.setPen(
        QPen(
            color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
        )
    )
    p.setBrush(Qt.BrushStyle.NoBrush)


def _arrow_down(p: QPainter, x: float, y0: float, y1: float, w: float = 10) -> None:
    p.drawLine(QPointF(x, y0), QPointF(x, y1))
    path = QPainterPath(QPointF(x - w, y1 - w))
    path.lineTo(x, y1)
    path.lineTo(x + w, y1 - w)
    p.drawPath(path)


def _open(p: QPainter) -> None:
    path = QPainterPath(QPointF(8, 50))
    path.lineTo(8, 14)
    path.lineTo(24, 14)
    path.lineTo(29, 20)
    path.lineTo(50, 20)
    path.lineTo(50, 28)
    p.drawPath(path)
    body = QPainterPath(QPointF(8, 50))
    body.lineTo(16, 28)
    body.lineTo(58, 28)
    body.lineTo(50, 50)
    body.closeSubpath()
    p.drawPath(body)


def _paste(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(12, 12, 40, 44), 5, 5)
    p.drawRoundedRect(QRectF(22, 6, 20, 11), 3, 3)
    for y in (30, 39, 48):
        p.drawLine(QPointF(21, y), QPointF(43 if y != 48 else 35, y))


def _capture(p: QPainter) -> None:
    for x, y, dx, dy in ((8, 8, 1, 1), (56, 8, -1, 1), (8, 56, 1, -1), (56, 56, -1, -1)):
        p.drawLine(QPointF(x, y), QPointF(x + 13 * dx, y))
        p.drawLine(QPointF(x, y), QPointF(x, y + 13 * dy))
    for y, w in ((25, 26), (33, 20), (41, 24)):
        p.drawLine(QPointF(20, y), QPointF(20 + w, y))


def _export(p: QPainter) -> None:
    path = QPainterPath(QPointF(10, 38))
    path.lineTo(10, 54)
    path.lineTo(54, 54)
    path.lineTo(54, 38)
    p.drawPath(path)
    _arrow_down(p, 32, 8, 42)


def _export_many(p: QPainter) -> None:
    path = QPainterPath(QPointF(6, 52))
    path.lineTo(6, 14)
    path.lineTo(22, 14)
    path.lineTo(27, 20)
    path.lineTo(58, 20)
    path.lineTo(58, 52)
    path.closeSubpath()
    p.drawPath(path)
    _arrow_down(p, 32, 27, 46, 8)


def _retry(p: QPainter) -> None:
    p.drawArc(QRectF(12, 12, 40, 40), 60 * 16, 290 * 16)
    path = QPainterPath(QPointF(44, 6))
    path.lineTo(44, 18)
    path.lineTo(56, 18)
    p.drawPath(path)


def _cancel(p: QPainter) -> None:
    p.drawEllipse(QRectF(10, 10, 44, 44))
    p.drawLine(QPointF(24, 24), QPointF(40, 40))
    p.drawLine(QPointF(40, 24), QPointF(24, 40))


def _delete(p: QPainter) -> None:
    p.drawLine(QPointF(10, 16), QPointF(54, 16))
    p.drawLine(QPointF(25, 16), QPointF(27, 8))
    p.drawLine(QPointF(27, 8), QPointF(37, 8))
    p.drawLine(QPointF(37, 8), QPointF(39, 16))
    path = QPainterPath(QPointF(15, 16))
    path.lineTo(19, 56)
    path.lineTo(45, 56)
    path.lineTo(49, 16)
    p.drawPath(path)
    p.drawLine(QPointF(28, 26), QPointF(28, 46))
    p.drawLine(QPointF(36, 26), QPointF(36, 46))


def _settings(p: QPainter) -> None:
    for y, knob in ((16, 40), (32, 22), (48, 34)):
        p.drawLine(QPointF(8, y), QPointF(56, y))
        p.save()
        p.setBrush(QColor("white"))
        p.drawEllipse(QPointF(knob, y), 6, 6)
        p.restore()


def _copy(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(20, 18, 34, 40), 5, 5)
    path = QPainterPath(QPointF(12, 44))
    path.lineTo(12, 10)
    path.lineTo(40, 10)
    p.drawPath(path)


def _drop(p: QPainter) -> None:
    p.setPen(QPen(ACCENT, 3, Qt.PenStyle.DashLine))
    p.drawRoundedRect(QRectF(4, 4, 56, 56), 9, 9)
    _pen(p, ACCENT, 4.5)
    _arrow_down(p, 32, 16, 42, 9)
    p.drawLine(QPointF(20, 50), QPointF(44, 50))


def _app(p: QPainter) -> None:
    p.setBrush(ACCENT)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(3, 3, 58, 58), 14, 14)
    _pen(p, QColor("white"), 6)
    for y, w in ((21, 34), (33, 26), (45, 31)):
        p.drawLine(QPointF(15, y), QPointF(15 + w, y))


_DRAW: dict[str, Callable[[QPainter], None]] = {
    "open": _open,
    "paste": _paste,
    "capture": _capture,
    "export": _export,
    "export-many": _export_many,
    "retry": _retry,
    "cancel": _cancel,
    "delete": _delete,
    "settings": _settings,
    "copy": _copy,
    "drop": _drop,
    "app": _app,
}


def _render(draw: Callable[[QPainter], None], color: QColor) -> QPixmap:
    pix = QPixmap(SIZE, SIZE)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    _pen(p, color)
    draw(p)
    p.end()
    return pix


def app_icon() -> QIcon:
    """The app icon from the shipped PNGs (16..512 px); the drawn one only if they are missing
    (a source install without resources/)."""
    if "app" not in _cache:
        result = QIcon()
        for size, path in icon_pngs().items():
            result.addFile(str(path), QSize(size, size))
        if result.isNull():
            result.addPixmap(_render(_app, ACCENT))
        _cache["app"] = result
    return _cache["app"]


def icon(name: str) -> QIcon:
    """An icon by role name (open, paste, capture, export, export-many, retry, cancel, delete,
    settings, copy, drop, app); an empty icon for unknown names."""
    if name == "app":
        return app_icon()
    if name not in _cache:
        draw = _DRAW.get(name)
        result = QIcon()
        if draw is not None:
            result.addPixmap(_render(draw, ACCENT), QIcon.Mode.Normal)
            result.addPixmap(_render(draw, QColor(150, 150, 150)), QIcon.Mode.Disabled)
        _cache[name] = result
    return _cache[name]
