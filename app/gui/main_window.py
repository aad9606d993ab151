"""The main window: input (drop, paste, open), the job list, the result view, export.

Its parts live beside it (app/gui/window_*.py): actions and menus, panes and status bar,
input, the job list's actions, search, export; ``window_base`` has what they share."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import (
    QEvent,
    Qt,
)
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app import settings as S
from app.gui.api_control import ApiControl
from app.gui.export import BatchExport
from app.gui.icons import icon
from app.gui.index_control import IndexControl
from app.gui.ingest import Ingestor, paste_makes_a_job
from app.gui.job_model import (
    JobTableModel,
)
from app.gui.save_folders import SaveFolders
from app.gui.thumbnails import ThumbnailCache
from app.gui.tray_notice import tell_once
from app.gui.window_actions import ActionsPart
from app.gui.window_base import APP_TITLE, WindowBase
from app.gui.window_export import ExportPart
from app.gui.window_input import InputPart
from app.gui.window_jobs import JobsPart
from app.gui.window_panes import PanesPart
from app.gui.window_search import SearchPart
from app.gui.window_tables import TablesPart


def editable_text(widget: QWidget) -> bool:
    """Whether ``widget`` is a text field the user can type (and paste text) into."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractSpinBox):
        return not widget.isReadOnly()
    return False


class MainWindow(
    ActionsPart, PanesPart, InputPart, JobsPart, SearchPart, ExportPart, TablesPart, WindowBase
):
    """Owns no OCR logic: it submits to and listens to the one JobManager."""

    def __init__(
        self, manager: Any, settings: Any | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Worker threads run Python too (result parsing, the store); PySide releases the GIL
        # around every Qt call, so with the default 5 ms switch interval each call in a slot can
        # wait 5 ms to get it back. 1 ms keeps the event loop smooth while jobs run.
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))
        self.manager = manager
        self.settings = settings if settings is not None else S.make_qsettings()
        self.integration: Any = None
        self.api = ApiControl(manager)
        self.index = IndexControl(manager, self)
        self._engine_version = ""
        self._missing_engines: dict[str, str] = {}
        self._batch: BatchExport | None = None
        self._table_waits = {}  # table-mode jobs → what to do with their tables
        self._history_loaded = False
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.resize(1280, 820)

        self.thumbnails = ThumbnailCache(manager.store, parent=self)
        self.model = JobTableModel(manager, self.thumbnails, self)
        self.ingestor = Ingestor(manager, self)
        self.ingestor.signals.problem.connect(self._on_problem)
        self.ingestor.signals.submitted.connect(self._on_submitted)
        self.save_folders = SaveFolders(self.settings)
        self.ingestor.signals.from_file.connect(self.save_folders.note_source)
        self._select_next: bool = False

        self._build_actions()
        self._build_toolbar()
        self._connect_search()
        self._build_panes()
        self._build_status()
        manager.job_updated.connect(self._on_job_updated)
        manager.job_updated.connect(self._on_table_job)
        manager.job_added.connect(self._on_job_added)
        manager.queue_changed.connect(self._on_queue)
        self.model.rowsInserted.connect(self._update_stack)
        self.model.rowsRemoved.connect(self._update_stack)
        self.model.modelReset.connect(self._update_stack)
        self._restore_geometry()
        self._update_actions()
        # Ctrl+V makes a job of an image or files on the clipboard wherever the focus is: a
        # focused text field (the search box has it at start) would otherwise take the key.
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
            and isinstance(watched, QWidget)
            and watched.window() is self
        ):
            mime = QGuiApplication.clipboard().mimeData()
            if mime is not None and paste_makes_a_job(mime, editable_text(watched)):
                return True  # the override is not taken: the window's Paste action runs
        return False

    def load_history(self) -> None:
        """Fills the list from the store (first page; more as the list scrolls)."""
        self._history_loaded = True
        self.model.load_history(self.search.text().strip())
        self.api.apply(
            bool(S.get(self.settings, S.API_ENABLED)), int(S.get(self.settings, S.API_PORT))
        )
        self._update_api_label()
        self.index.start(str(S.get(self.settings, S.OCR_LANGUAGE)))
        self._update_stack()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.select_row(0)

    # -- contract with the desktop integration ---------------------------------------------
    def show_and_raise(self) -> None:
        self.show()
        if self.isMinimized():
            self.showNormal()
        self.setWindowState(
            self.windowState() & ~Qt.WindowState.WindowMinimized | Qt.WindowState.WindowActive
        )
        self.raise_()
        self.activateWindow()

    # -- settings --------------------------------------------------------------------------
    def open_settings(self) -> None:
        from app.gui.settings_dialog import SettingsDialog

        engine = self.manager.engine
        has_osd = bool(getattr(engine, "has_osd", lambda: True)())
        dialog = SettingsDialog(
            self.settings,
            self._languages(),
            has_osd,
            self.api.url,
            self,
            watched=self.index.folders() if self.index.index is not None else None,
            suggested_folder=self.index.suggested(),
        )
        # PySide's QDialog.exec() hands the dialog's ownership to Python while the window stays
        # its Qt parent: left alone, both would delete it at exit (a crash). Delete it now.
        try:
            accepted = dialog.exec()
            watched = dialog.watched.folders() if dialog.watched is not None else None
        finally:
            dialog.deleteLater()
        if accepted:
            if watched is not None:
                self.index.set_folders(watched)
            self.apply_settings()

    def apply_settings(self) -> None:
        """Takes the stored settings into effect and tells the integration."""
        self.manager.default_ttl_hours = int(S.get(self.settings, S.RETENTION_TTL_HOURS))
        self.api.apply(
            bool(S.get(self.settings, S.API_ENABLED)), int(S.get(self.settings, S.API_PORT))
        )
        self._update_api_label()
        from PySide6.QtWidgets import QApplication

        from app.gui.theme import apply_theme

        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, str(S.get(self.settings, S.THEME)))
        self.settings_changed.emit()

    def _update_api_label(self) -> None:
        if self.api.url:
            self.api_label.setText(self.tr("API: %s") % self.api.url)
        elif self.api.error:
            self.api_label.setText(self.tr("API: off"))
            self.api_label.setToolTip(self.api.error)
            self._on_problem(self.api.error)
        else:
            self.api_label.setText("")

    # -- closing ---------------------------------------------------------------------------
    def _about(self) -> None:
        from app import __version__

        QMessageBox.about(
            self,
            self.tr("About ImageHQ OCR"),
            self.tr(
                "<b>ImageHQ OCR</b> %1<br>Text from screenshots, scans and photos, "
                "recognised on this computer.<br>%2"
            )
            .replace("%1", __version__)
            .replace("%2", self._engine_version),
        )

    def _quit(self) -> None:
        self._really_quit = True
        self.close()

    def shutdown(self) -> None:
        """Stops what the window started (the API, an export); saves the geometry. Connected to
        QApplication.aboutToQuit, so quitting from the tray does it too."""
        if self.isVisible():
            self.save_geometry()
        self.result_view.edits.flush()
        self.deriver.wait()
        self.api.stop()
        self.index.stop()
        if self._batch is not None:
            self._batch.cancel_event.set()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        self.result_view.edits.flush()
        integration = self.integration
        if (
            not getattr(self, "_really_quit", False)
            and integration is not None
            and integration.close_to_tray()
        ):
            event.ignore()
            self.hide()
            tell_once(self.settings, getattr(integration, "tray", None))
            return
        self.shutdown()
        event.accept()
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None and self.integration is not None:
            app.quit()  # the tray would otherwise keep the process alive
