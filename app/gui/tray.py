"""Tray icon: Capture region, Show window, the five most recent results (click copies the
text), Quit. The icon is the app's icon set (resources/icons/)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app import APP_NAME
from app.gui.icons import app_icon

MAX_RECENT = 5


def tray_icon() -> QIcon:
    """The app icon (the shipped icon set), so the tray and the window look the same."""
    return app_icon()


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
