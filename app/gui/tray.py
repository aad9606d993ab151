"""Tray icon: Capture region, Show window, the five most recent results (click copies the
text), Quit. The icon is painted, so no image file has to be found at run time."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app import APP_NAME

MAX_RECENT = 5


def paint_tray_pixmap(size: int = 64) -> QPixmap:
    """A blue rounded square with capture corners around a 'T'."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    s = size / 64.0
    path = QPainterPath()
    path.addRoundedRect(QRectF(2 * s, 2 * s, 60 * s, 60 * s), 12 * s, 12 * s)
    p.fillPath(path, QColor("#2f6fde"))
    pen = QPen(QColor("white"), 4 * s)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    a, b, c = 12 * s, 52 * s, 10 * s
    for x, y, dx, dy in ((a, a, 1, 1), (b, a, -1, 1), (a, b, 1, -1), (b, b, -1, -1)):
        p.drawLine(QPointF(x, y), QPointF(x + dx * c, y))
        p.drawLine(QPointF(x, y), QPointF(x, y + dy * c))
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(int(30 * s))
    p.setFont(font)
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "T")
    p.end()
    return pm


def tray_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 22, 24, 32, 48, 64, 128):
        icon.addPixmap(paint_tray_pixmap(size))
    return icon


def menu_label(text: str, limit: int = 40) -> str:
    one = " ".join(text.split())
    label = one if len(one) <= limit else one[: limit - 1] + "…"
    return label.replace("&", "&&") or "(no text)"


class Tray(QObject):
    capture_requested = Signal()
    show_requested = Signal()
    quit_requested = Signal()
    copy_requested = Signal(str)  # text of a recent result

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(tray_icon(), self)
        self.icon.setToolTip(APP_NAME)
        self.recent: list[tuple[str, str]] = []  # (job id, text), newest first
        self.menu = QMenu()
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.rebuild()

    def set_hotkey_hint(self, hotkey: str | None) -> None:
        self._hotkey = hotkey
        self.rebuild()

    def add_result(self, job_id: str, text: str) -> None:
        # The same text again (a repeated capture) moves up instead of showing twice.
        self.recent = [(j, t) for j, t in self.recent if j != job_id and t != text]
        self.recent.insert(0, (job_id, text))
        del self.recent[MAX_RECENT:]
        self.rebuild()

    def rebuild(self) -> None:
        m = self.menu
        m.clear()
        hotkey = getattr(self, "_hotkey", None)
        label = self.tr("Capture region")
        cap = QAction(f"{label}\t{hotkey}" if hotkey else label, m)
        cap.triggered.connect(self.capture_requested.emit)
        m.addAction(cap)
        show = QAction(self.tr("Show window"), m)
        show.triggered.connect(self.show_requested.emit)
        m.addAction(show)
        m.addSeparator()
        if self.recent:
            header = m.addAction(self.tr("Recent results (click to copy)"))
            header.setEnabled(False)
            for _job_id, text in self.recent:
                act = QAction(menu_label(text), m)
                act.setToolTip(text[:500])
                act.triggered.connect(lambda _=False, t=text: self.copy_requested.emit(t))
                m.addAction(act)
            m.addSeparator()
        quit_action = QAction(self.tr("Quit"), m)
        quit_action.triggered.connect(self.quit_requested.emit)
        m.addAction(quit_action)

    def actions(self) -> list[QAction]:
        return list(self.menu.actions())

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()
        elif reason == QSystemTrayIcon.ActivationReason.MiddleClick:
            self.capture_requested.emit()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()
