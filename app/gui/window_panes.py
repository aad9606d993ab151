"""The main window's panes (drop zone, job list, result view, watched-folder hits), its
status bar and its geometry."""

from __future__ import annotations

import threading

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
)

from app import settings as S
from app.core.options import RECEIPT_OPERATION
from app.gui.drop_zone import DropZone
from app.gui.engine_banner import engine_banner, missing_engines, show_missing
from app.gui.engine_names import engine_name
from app.gui.job_model import (
    COL_CONFIDENCE,
    COL_CREATED,
    COL_NAME,
    COL_PROGRESS,
    COL_STATUS,
    COL_TIME,
)
from app.gui.progress_delegate import ProgressDelegate
from app.gui.result_view import ResultView
from app.gui.selection import Deriver
from app.gui.thumbnails import THUMB_SIZE
from app.gui.view_menu import PaneToggles
from app.gui.window_base import WindowPart

SPLITTER_KEY = "window/splitter"


class PanesPart(WindowPart):
    """Builds the central widgets and the status bar; restores and saves the geometry."""

    def _build_panes(self) -> None:
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
        # the time column names the engine too ("12.3 s · PP-OCR + Tesseract"): room for it whole
        longest = f"000.0 s · {engine_name('rapidocr+tesseract')}"
        time_width = self.table.fontMetrics().horizontalAdvance(longest) + 16
        for col, width in (
            (COL_STATUS, 180),
            (COL_PROGRESS, 110),
            (COL_CONFIDENCE, 90),
            (COL_TIME, time_width),
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
        self.result_view.table_requested.connect(self.copy_table)
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
