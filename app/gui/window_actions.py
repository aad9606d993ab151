"""The main window's actions, menus and toolbar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QSizePolicy, QToolBar, QWidget

from app.gui.icons import icon
from app.gui.window_base import WindowPart


class ActionsPart(WindowPart):
    """The actions (with icons, shortcuts and tips), the menu bar and the toolbar."""

    def _action(
        self,
        name: str,
        text: str,
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None,
        slot: Any,
        tip: str = "",
    ) -> QAction:
        act = QAction(text, self)
        if name:
            act.setIcon(icon(name))
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        full_tip = tip or text.replace("&", "").rstrip("…")
        if shortcut is not None:
            full_tip += f" ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        act.setToolTip(full_tip)
        act.setStatusTip(tip or full_tip)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        self.open_action = self._action(
            "open",
            self.tr("&Open…"),
            QKeySequence.StandardKey.Open,
            self.open_files,
            self.tr("Open images"),
        )
        self.paste_action = self._action(
            "paste",
            self.tr("&Paste"),
            "Ctrl+V",
            self.paste_from_clipboard,
            self.tr("Recognise the image or files on the clipboard"),
        )
        self.capture_action = self._action(
            "capture",
            self.tr("&Capture region"),
            "Ctrl+Shift+R",
            self.capture_requested.emit,
            self.tr("Capture a screen region and recognise it"),
        )
        self.export_action = self._action(
            "export",
            self.tr("&Export…"),
            QKeySequence.StandardKey.Save,
            self.export_current,
            self.tr("Save this result as txt, hOCR, JSON or TSV"),
        )
        self.export_many_action = self._action(
            "export-many",
            self.tr("Export &selected…"),
            "Ctrl+Shift+E",
            self.export_selected,
            self.tr("Export the selected jobs into a folder"),
        )
        self.retry_action = self._action(
            "retry",
            self.tr("&Retry"),
            "Ctrl+R",
            self.retry_selected,
            self.tr("Run the selected jobs again"),
        )
        self.cancel_action = self._action(
            "cancel",
            self.tr("C&ancel"),
            "Ctrl+.",
            self.cancel_selected,
            self.tr("Cancel the selected jobs"),
        )
        self.delete_action = self._action(
            "delete",
            self.tr("&Delete"),
            QKeySequence.StandardKey.Delete,
            self.delete_selected,
            self.tr("Delete the selected jobs and their files"),
        )
        # Delete only acts in the job list (the text pane and the search box have their own).
        self.removeAction(self.delete_action)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.settings_action = self._action(
            "settings", self.tr("Se&ttings…"), "Ctrl+,", self.open_settings
        )
        self.find_action = self._action(
            "",
            self.tr("&Find"),
            QKeySequence.StandardKey.Find,
            self._focus_search,
            self.tr("Search the stored text"),
        )
        self.quit_action = self._action(
            "", self.tr("&Quit"), QKeySequence.StandardKey.Quit, self._quit
        )

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        _fill(
            file_menu, (*self._common_actions(), None, self.settings_action, None, self.quit_action)
        )
        job_menu = menu.addMenu(self.tr("&Jobs"))
        _fill(
            job_menu,
            (self.retry_action, self.cancel_action, self.delete_action, None, self.find_action),
        )
        view_menu = menu.addMenu(self.tr("&View"))
        self.view_menu = view_menu
        help_menu = menu.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About ImageHQ OCR"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _common_actions(self) -> tuple[QAction | None, ...]:
        """What the File menu and the toolbar both start with (None: a separator)."""
        return (
            self.open_action,
            self.paste_action,
            self.capture_action,
            None,
            self.export_action,
            self.export_many_action,
        )

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main toolbar"))
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        _fill(
            tb,
            (
                *self._common_actions(),
                None,
                self.retry_action,
                self.cancel_action,
                self.delete_action,
            ),
        )
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search text and file names…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search jobs"))
        self.search.setFixedWidth(260)
        tb.addWidget(self.search)
        tb.addAction(self.settings_action)
        self.addToolBar(tb)
        self.view_menu.addAction(tb.toggleViewAction())


def _fill(target: QMenu | QToolBar, actions: tuple[QAction | None, ...]) -> None:
    for act in actions:
        target.addSeparator() if act is None else target.addAction(act)
