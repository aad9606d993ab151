"""The main window: input (drop, paste, open), the job list, the result view, export."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QFileDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import settings as S
from app.core.errors import OcrError
from app.core.export import format_for_path
from app.core.history import retry_can_help
from app.core.job import PROCESSING, QUEUED, Job
from app.core.options import RECEIPT_OPERATION, OcrOptions
from app.core.store import JobGone
from app.gui.api_control import ApiControl
from app.gui.confirm import confirm_delete
from app.gui.drop_zone import DropZone
from app.gui.engine_banner import engine_banner, missing_engines, show_missing
from app.gui.export import BatchExport, save_result, start_batch
from app.gui.export_dialog import ExportDialog
from app.gui.icons import icon
from app.gui.index_control import IndexControl
from app.gui.ingest import Ingestor, accepts, inputs_from_mime, paste_makes_a_job
from app.gui.job_model import (
    COL_CONFIDENCE,
    COL_CREATED,
    COL_NAME,
    COL_PROGRESS,
    COL_STATUS,
    COL_TIME,
    JobTableModel,
)
from app.gui.messages import error_text
from app.gui.progress_delegate import ProgressDelegate
from app.gui.result_view import ResultView
from app.gui.save_folders import SaveFolders
from app.gui.selection import Deriver
from app.gui.thumbnails import THUMB_SIZE, ThumbnailCache
from app.gui.tray_notice import tell_once
from app.gui.view_menu import PaneToggles
from app.jobs import QueueFullError

SPLITTER_KEY = "window/splitter"
APP_TITLE = "ImageHQ OCR"


def editable_text(widget: QWidget) -> bool:
    """Whether ``widget`` is a text field the user can type (and paste text) into."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractSpinBox):
        return not widget.isReadOnly()
    return False


class MainWindow(QMainWindow):
    """Owns no OCR logic: it submits to and listens to the one JobManager."""

    settings_changed = Signal()
    capture_requested = Signal()

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
        self._build_ui()
        self._build_status()
        manager.job_updated.connect(self._on_job_updated)
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

    # -- construction ----------------------------------------------------------------------
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
        for act in (
            self.open_action,
            self.paste_action,
            self.capture_action,
            None,
            self.export_action,
            self.export_many_action,
            None,
            self.settings_action,
            None,
            self.quit_action,
        ):
            file_menu.addSeparator() if act is None else file_menu.addAction(act)
        job_menu = menu.addMenu(self.tr("&Jobs"))
        for act in (
            self.retry_action,
            self.cancel_action,
            self.delete_action,
            None,
            self.find_action,
        ):
            job_menu.addSeparator() if act is None else job_menu.addAction(act)
        view_menu = menu.addMenu(self.tr("&View"))
        self.view_menu = view_menu
        help_menu = menu.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About ImageHQ OCR"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_ui(self) -> None:
        tb = QToolBar(self.tr("Main toolbar"))
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (
            self.open_action,
            self.paste_action,
            self.capture_action,
            None,
            self.export_action,
            self.export_many_action,
            None,
            self.retry_action,
            self.cancel_action,
            self.delete_action,
        ):
            tb.addSeparator() if act is None else tb.addAction(act)
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
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._run_search)
        self._index_timer = QTimer(self)  # new items in the index: its hits again, calmly
        self._index_timer.setSingleShot(True)
        self._index_timer.setInterval(1000)
        self._index_timer.timeout.connect(self._show_index_hits)
        self.index.changed.connect(self._index_timer.start)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        self.stack = QStackedWidget()
        self.drop_zone = DropZone()
        self.drop_zone.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a click takes it from search
        self.drop_zone.dropped.connect(self.handle_mime)
        self.drop_zone.open_requested.connect(self.open_files)
        self.drop_zone.paste_requested.connect(self.paste_from_clipboard)
        self.drop_zone.capture_requested.connect(self.capture_requested.emit)
        self.stack.addWidget(self.drop_zone)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Jobs"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(THUMB_SIZE + 6)
        self.table.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Interactive)
        for col, width in (
            (COL_STATUS, 220),
            (COL_PROGRESS, 120),
            (COL_CONFIDENCE, 90),
            (COL_TIME, 70),
            (COL_CREATED, 130),
        ):
            self.table.setColumnWidth(col, width)
        header.setHighlightSections(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.addAction(self.delete_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for act in (self.retry_action, self.cancel_action, self.export_many_action):
            self.table.addAction(act)
        self.splitter.addWidget(self.table)

        languages = self._languages()
        self.result_view = ResultView(self.manager.store, languages)
        self.result_view.rerun_requested.connect(self.rerun)
        self.result_view.receipt_requested.connect(
            lambda job_id: self.rerun(job_id, None, operation=RECEIPT_OPERATION)
        )
        self.result_view.message.connect(lambda m: self.statusBar().showMessage(m, 4000))
        self.deriver = Deriver(self.manager, self)
        self.deriver.derived.connect(lambda job: self.select_job(job.id))
        self.deriver.failed.connect(self._on_derive_failed)
        self.result_view.image_actions.crop_requested.connect(
            lambda job_id, box: self.derive(job_id, crop=box)
        )
        self.result_view.image_actions.rotate_requested.connect(
            lambda job_id, turns: self.derive(job_id, turns=turns)
        )
        self.result_view.text.setAcceptDrops(False)
        self.result_view.overlay.setAcceptDrops(False)
        self.result_view.overlay.viewport().setAcceptDrops(False)
        self.result_view.text.viewport().setAcceptDrops(False)
        self.splitter.addWidget(self.result_view)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([230, 560])
        self.stack.addWidget(self.splitter)
        self.view_menu.addSeparator()
        self.panes = PaneToggles(
            self.settings, self.view_menu, self.splitter, self.result_view.splitter, self
        )

        central = QFrame()
        central.setObjectName("central")
        self._central = central
        lay = QVBoxLayout(central)
        lay.setContentsMargins(8, 4, 8, 4)
        self.engine_banner = engine_banner()
        lay.addWidget(self.engine_banner)
        lay.addWidget(self.stack)
        self.index_hits = QListWidget()
        self.index_hits.setAccessibleName(self.tr("Hits in watched folders"))
        self.index_hits.setMaximumHeight(150)
        self.index_hits.setToolTip(self.tr("Double-click to open the image as a job"))
        self.index_hits.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.index_hits.itemActivated.connect(self._open_index_hit)
        self.thumbnails.ready.connect(self._on_index_thumbnail)
        self.index_hits.hide()
        lay.addWidget(self.index_hits)
        self.setCentralWidget(central)
        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.result_view.overlay)
        self.setTabOrder(self.result_view.overlay, self.result_view.text)

    def _build_status(self) -> None:
        bar = self.statusBar()
        self.queue_label = QLabel()
        self.count_label = QLabel()
        self.api_label = QLabel()
        self.engine_label = QLabel()
        for label in (self.count_label, self.queue_label, self.api_label, self.engine_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        self._on_queue(self.manager.queue_length())
        # The engine version costs a process start: ask for it in a thread.
        threading.Thread(target=self._probe_engine, daemon=True).start()
        self._engine_timer = QTimer(self)
        self._engine_timer.setInterval(100)
        self._engine_timer.timeout.connect(self._show_engine)
        self._engine_timer.start()

    def _probe_engine(self) -> None:
        self._missing_engines = missing_engines()
        try:
            self._engine_version = self.manager.engine.version() or self.tr("no OCR engine")
        except Exception as exc:
            self._engine_version = self.tr("OCR engine missing: %s") % exc

    def _show_engine(self) -> None:
        if self._engine_version:
            self.engine_label.setText(self._engine_version)
            show_missing(self.engine_banner, self._missing_engines)
            self._engine_timer.stop()

    def _languages(self) -> list[str]:
        try:
            return [lang for lang in self.manager.engine.languages() if lang != "osd"]
        except Exception:
            return ["eng"]

    # -- start-up --------------------------------------------------------------------------
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

    def _restore_geometry(self) -> None:
        geo = self.settings.value(S.WINDOW_GEOMETRY)
        if isinstance(geo, QByteArray | bytes) and geo:
            self.restoreGeometry(QByteArray(geo))
        state = self.settings.value(S.WINDOW_STATE)
        if isinstance(state, QByteArray | bytes) and state:
            self.restoreState(QByteArray(state))
        split = self.settings.value(SPLITTER_KEY)
        if isinstance(split, QByteArray | bytes) and split:
            self.splitter.restoreState(QByteArray(split))
        self.panes.apply()

    def save_geometry(self) -> None:
        self.settings.setValue(S.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.setValue(S.WINDOW_STATE, self.saveState())
        self.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self.settings.sync()

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

    def select_job(self, job_id: str) -> bool:
        """Shows a job's result (loading it into the list when it is not there yet)."""
        row = self.model.row_of(job_id)
        if row is None:
            try:
                job = self.manager.get(job_id)
            except JobGone:
                job = None
            if job is None:
                return False
            self.model.on_job(job)
            row = self.model.row_of(job_id)
            if row is None:
                return False
        self.select_row(row)
        return True

    def select_row(self, row: int) -> None:
        index = self.model.index(row, COL_NAME)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    # -- input -----------------------------------------------------------------------------
    def current_options(self) -> OcrOptions:
        return OcrOptions(
            language=str(S.get(self.settings, S.OCR_LANGUAGE)),
            detect_orientation=bool(S.get(self.settings, S.OCR_DETECT_ORIENTATION)),
            psm=str(S.get(self.settings, S.OCR_PSM)),
            engine=str(S.get(self.settings, S.OCR_ENGINE)),
        )

    def handle_mime(self, mime: QMimeData, prefix: str = "dropped") -> bool:
        sources = inputs_from_mime(mime, prefix)
        if not sources:
            if sources.remote:
                self._on_problem(
                    self.tr(
                        "Only local files or image data can be added; "
                        "save the image from the browser first."
                    )
                )
            else:
                self._on_problem(
                    self.tr("Nothing to recognise there: drop image files, folders or image data.")
                )
            return False
        self._select_next = True
        self.ingestor.add(sources, self.current_options())
        self.statusBar().showMessage(self.tr("Adding…"), 2000)
        return True

    def add_paths(self, paths: list[str | Path]) -> None:
        self._select_next = True
        self.ingestor.add_paths(list(paths), self.current_options())

    def open_files(self) -> None:
        last = str(S.get(self.settings, S.EXPORT_LAST_DIR)) or str(Path.home())
        patterns = "*.png *.jpg *.jpeg *.webp *.tif *.tiff *.bmp *.gif"
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Open images"),
            str(self.settings.value("open/last_dir", last)),
            self.tr("Images (%s);;All files (*)") % patterns,
        )
        if paths:
            self.settings.setValue("open/last_dir", str(Path(paths[0]).parent))
            self.add_paths(list(paths))

    def paste_from_clipboard(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not accepts(mime):
            self.statusBar().showMessage(
                self.tr("The clipboard holds no image or image files"), 5000
            )
            return False
        return self.handle_mime(mime, prefix="pasted")

    def _set_dropping(self, on: bool) -> None:
        """A dashed accent frame around the window's content while something is dragged over."""
        if self._central.property("dropping") != on:
            self._central.setProperty("dropping", on)
            self._central.style().unpolish(self._central)
            self._central.style().polish(self._central)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if accepts(event.mimeData()):
            event.acceptProposedAction()
            self._set_dropping(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if accepts(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: Any) -> None:
        self._set_dropping(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_dropping(False)
        if accepts(event.mimeData()):
            event.acceptProposedAction()
            self.handle_mime(event.mimeData())
        else:
            event.ignore()

    def _on_submitted(self, job: Job) -> None:
        if self._select_next:
            self._select_next = False
            self.select_job(job.id)

    def _on_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    # -- job list --------------------------------------------------------------------------
    def selected_jobs(self) -> list[Job]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        jobs = [self.model.job(r) for r in rows]
        return [j for j in jobs if j is not None]

    def current_job(self) -> Job | None:
        return self.result_view.job

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.result_view.show_job(self.model.job(current.row()) if current.isValid() else None)
        self._update_actions()

    def _on_job_added(self, job: Job) -> None:
        self._update_stack()

    def _on_job_updated(self, job: Job) -> None:
        if self.result_view.job is not None and self.result_view.job.id == job.id:
            self.result_view.show_job(job)
        self._update_actions()

    def _on_queue(self, n: int) -> None:
        self.queue_label.setText(
            (self.tr("Queue: 1 job") if n == 1 else self.tr("Queue: %1 jobs").replace("%1", str(n)))
            if n
            else self.tr("Idle")
        )
        self.count_label.setText(self._jobs_text(self.model.total))

    def _jobs_text(self, n: int) -> str:
        return self.tr("1 job") if n == 1 else self.tr("%1 jobs").replace("%1", str(n))

    def _update_stack(self, *_: Any) -> None:
        empty = self.model.rowCount() == 0 and not self.search.text()
        self.stack.setCurrentWidget(self.drop_zone if empty else self.splitter)
        self.count_label.setText(self._jobs_text(self.model.total))

    def _update_actions(self) -> None:
        selected = self.selected_jobs()
        active = any(j.status in (QUEUED, PROCESSING) for j in selected)
        self.cancel_action.setEnabled(active)
        self.retry_action.setEnabled(any(retry_can_help(j) for j in selected))
        self.delete_action.setEnabled(bool(selected))
        self.export_many_action.setEnabled(any(j.status == "succeeded" for j in selected))
        self.export_action.setEnabled(self.result_view.result is not None)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _run_search(self) -> None:
        self.result_view.set_search(self.search.text())
        self._show_index_hits()
        if self._history_loaded:
            self.model.load_history(self.search.text().strip())
            self._update_stack()
            if self.model.rowCount():
                self.select_row(0)
            else:
                self.result_view.show_job(None)

    def _show_index_hits(self) -> None:
        """The search box's query in the screenshot index: file and snippet of each hit."""
        self.index_hits.clear()
        for hit in self.index.search(self.search.text()):
            item = QListWidgetItem(f"{Path(hit.path).name} — {hit.snippet}")
            item.setIcon(self.thumbnails.get_file(hit.path))
            item.setData(Qt.ItemDataRole.UserRole, hit.path)
            item.setToolTip(hit.path)
            self.index_hits.addItem(item)
        self.index_hits.setVisible(self.index_hits.count() > 0)

    def _on_index_thumbnail(self, key: str) -> None:
        if not key.startswith("file:"):
            return
        for row in range(self.index_hits.count()):
            item = self.index_hits.item(row)
            if f"file:{item.data(Qt.ItemDataRole.UserRole)}" == key:
                item.setIcon(self.thumbnails.get_file(key[5:]))

    def _open_index_hit(self, item: QListWidgetItem) -> None:
        self.add_paths([str(item.data(Qt.ItemDataRole.UserRole))])

    def retry_selected(self) -> None:
        for job in self.selected_jobs():
            if retry_can_help(job):  # the same image fails the same way again
                self.rerun(job.id, None)

    def rerun(self, job_id: str, options: OcrOptions | None, operation: str | None = None) -> None:
        try:
            job = self.manager.retry(job_id, options=options, operation=operation)
        except (KeyError, JobGone):
            self._on_problem(self.tr("That job is gone (expired or deleted)."))
            return
        except OcrError as exc:
            self._on_problem(error_text(exc.to_dict()))
            QMessageBox.warning(self, APP_TITLE, error_text(exc.to_dict()))
            return
        except QueueFullError:
            self._on_problem(self.tr("The queue is full; try again when some jobs are done."))
            return
        except OSError as exc:
            self._on_problem(self.tr("Cannot read the stored input: %s") % exc)
            return
        self.select_job(job.id)

    def derive(
        self, job_id: str, crop: tuple[int, int, int, int] | None = None, turns: int = 0
    ) -> None:
        """A new job from part of the image, or the image turned (see app.gui.selection)."""
        self.deriver.start(job_id, crop=crop, turns=turns)

    def _on_derive_failed(self, exc: Exception) -> None:
        if isinstance(exc, KeyError | JobGone):
            self._on_problem(self.tr("That job is gone (expired or deleted)."))
        elif isinstance(exc, OcrError):
            self._on_problem(exc.message)
        elif isinstance(exc, QueueFullError):
            self._on_problem(self.tr("The queue is full; try again when some jobs are done."))
        elif isinstance(exc, OSError):
            self._on_problem(self.tr("Cannot read the stored input: %s") % exc)
        else:
            self._on_problem(self.tr("Could not make the new job: %s") % exc)

    def cancel_selected(self) -> None:
        for job in self.selected_jobs():
            self.manager.cancel(job.id)

    def delete_selected(self) -> None:
        jobs = self.selected_jobs()
        if not jobs or not confirm_delete(self, jobs):
            return
        first_row = min(self.model.row_of(j.id) or 0 for j in jobs)
        for job in jobs:
            for job_id in (*self.model.collapsed(job.id), job.id):  # a row's identical copies
                self.manager.delete(job_id)
                self.model.on_removed(job_id)  # also when the store had it pruned already
        self.statusBar().showMessage(
            (
                self.tr("Deleted 1 job")
                if len(jobs) == 1
                else self.tr("Deleted %1 jobs").replace("%1", str(len(jobs)))
            ),
            4000,
        )
        if self.model.rowCount():
            self.select_row(min(first_row, self.model.rowCount() - 1))
        else:
            self.result_view.show_job(None)

    # -- export ----------------------------------------------------------------------------
    def _export_dir(self) -> str:
        return str(S.get(self.settings, S.EXPORT_LAST_DIR)) or str(Path.home())

    def export_current(self) -> None:
        job, result = self.result_view.job, self.result_view.result
        if job is None or result is None:
            self._on_problem(self.tr("Select a finished job to export its result."))
            return
        stem = Path(job.inputs[0].filename).stem if job.inputs else "result"
        filters = ";;".join(
            [
                self.tr("Plain text (*.txt)"),
                self.tr("hOCR (*.hocr *.html)"),
                self.tr("JSON (*.json)"),
                self.tr("TSV (*.tsv)"),
                self.tr("Searchable PDF (*.pdf)"),
                self.tr("ALTO XML (*.xml)"),
                self.tr("Tables as CSV (*.csv)"),
                self.tr("Markdown (*.md)"),
            ]
        )
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export result"),
            str(Path(self.save_folders.start_dir(job.id)) / f"{stem}.txt"),
            filters,
        )
        if not path:
            return
        if format_for_path(path) is None:  # no or unknown extension: take it from the filter
            ext = chosen.split("*.")[1].split()[0].rstrip(")") if "*." in chosen else "txt"
            path = f"{path}.{ext}"
        self.export_to(path)

    def export_to(self, path: str) -> str | None:
        """Saves the shown result to ``path``; the extension picks the format."""
        job, result = self.result_view.job, self.result_view.result
        if job is None or result is None:
            return None
        pdf = format_for_path(path) == "pdf" and job.inputs
        try:
            fmt = save_result(
                path,
                result,
                job.inputs[0].filename if job.inputs else "image",
                edited_text=self.result_view.edited_text(),
                image=self.manager.store.read_input(job.id, 0) if pdf else None,
                text_mode=str(S.get(self.settings, S.COPY_TEXT_MODE)),
            )
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, APP_TITLE, self.tr("Cannot save: %s") % exc)
            return None
        self.save_folders.saved_to(Path(path).parent)
        self.statusBar().showMessage(self.tr("Saved %s") % path, 5000)
        return fmt

    def export_selected(self) -> None:
        jobs = [j for j in self.selected_jobs() if j.status == "succeeded"]
        if not jobs:
            self._on_problem(self.tr("Select finished jobs to export."))
            return
        choice = ExportDialog.ask(self.save_folders.start_dir(jobs[0].id), len(jobs), self)
        if choice is not None:
            fmt, folder = choice
            self.export_jobs(jobs, folder, fmt)

    def export_jobs(self, jobs: list[Job], folder: Path, fmt: str) -> BatchExport:
        """Exports in a worker thread with a progress dialog; returns the task."""
        self.save_folders.saved_to(folder)
        total = sum(len(j.inputs) for j in jobs)
        dialog = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, total, self)
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def finished(written: list[str], errors: list[str]) -> None:
            dialog.reset()
            dialog.deleteLater()
            text = (
                self.tr("Exported %1 file(s) to %2")
                .replace("%1", str(len(written)))
                .replace("%2", str(folder))
            )
            if errors:
                text += (
                    " · " + self.tr("problems: %1 — ").replace("%1", str(len(errors))) + errors[0]
                )
            self.statusBar().showMessage(text, 8000)
            self._batch = None

        task = start_batch(
            self.manager.store,
            jobs,
            folder,
            fmt,
            on_finished=finished,
            on_progress=lambda done, _total: dialog.setValue(done),
        )
        dialog.canceled.connect(task.cancel_event.set)
        self._batch = task
        return task

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
