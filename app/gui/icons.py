"""Icons: the theme's when it has them, Qt's standard ones otherwise, and a few drawn ones."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

_THEME = {
    "open": "document-open",
    "paste": "edit-paste",
    "capture": "camera-photo",
    "export": "document-save-as",
    "export-many": "folder",
    "retry": "view-refresh",
    "cancel": "process-stop",
    "delete": "edit-delete",
    "settings": "preferences-system",
    "copy": "edit-copy",
}
_STANDARD = {
    "open": QStyle.StandardPixmap.SP_DialogOpenButton,
    "paste": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "export": QStyle.StandardPixmap.SP_DialogSaveButton,
    "export-many": QStyle.StandardPixmap.SP_DirIcon,
    "retry": QStyle.StandardPixmap.SP_BrowserReload,
    "cancel": QStyle.StandardPixmap.SP_BrowserStop,
    "delete": QStyle.StandardPixmap.SP_TrashIcon,
    "settings": QStyle.StandardPixmap.SP_FileDialogListView,
    "copy": QStyle.StandardPixmap.SP_FileDialogContentsView,
}
_cache: dict[str, QIcon] = {}


def _drawn(name: str, size: int = 96) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    accent = QColor(48, 120, 230)
    s = size / 96
    if name == "drop":
        pen = QPen(accent, 4 * s, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawRoundedRect(QRectF(8 * s, 8 * s, 80 * s, 80 * s), 12 * s, 12 * s)
        p.setPen(QPen(accent, 6 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(48 * s, 26 * s), QPointF(48 * s, 62 * s))
        path = QPainterPath(QPointF(34 * s, 50 * s))
        path.lineTo(48 * s, 64 * s)
        path.lineTo(62 * s, 50 * s)
        p.drawPath(path)
        p.drawLine(QPointF(30 * s, 72 * s), QPointF(66 * s, 72 * s))
    elif name == "capture":
        p.setPen(QPen(accent, 7 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for x, y, dx, dy in ((14, 14, 1, 1), (82, 14, -1, 1), (14, 82, 1, -1), (82, 82, -1, -1)):
            p.drawLine(QPointF(x * s, y * s), QPointF((x + 20 * dx) * s, y * s))
            p.drawLine(QPointF(x * s, y * s), QPointF(x * s, (y + 20 * dy) * s))
        p.setPen(QPen(accent, 6 * s))
        for y in (38, 50, 62):
            p.drawLine(QPointF(32 * s, y * s), QPointF(64 * s, y * s))
    elif name == "app":
        p.setBrush(accent)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(QRectF(4 * s, 4 * s, 88 * s, 88 * s), 20 * s, 20 * s)
        p.setPen(QPen(QColor("white"), 8 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for y, w in ((32, 52), (50, 40), (68, 48)):
            p.drawLine(QPointF(22 * s, y * s), QPointF((22 + w) * s, y * s))
    p.end()
    return QIcon(pix)


def icon(name: str) -> QIcon:
    """An icon by role name (open, paste, capture, export, …, drop, app)."""
    if name in _cache:
        return _cache[name]
    result = QIcon.fromTheme(_THEME[name]) if name in _THEME else QIcon()
    if result.isNull():
        if name in ("drop", "capture", "app"):
            result = _drawn(name)
        elif name in _STANDARD:
            result = QApplication.style().standardIcon(_STANDARD[name])
    _cache[name] = result
    return result
