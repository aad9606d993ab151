"""What the main window's parts (app/gui/window_*.py) share: the widgets and helpers they
all use, and the job list's selection. ``MainWindow`` puts the parts together."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QMimeData, QModelIndex, Signal
from PySide6.QtWidgets import QMainWindow

from app.core.job import Job
from app.core.store import JobGone
from app.gui.job_model import COL_NAME

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QFrame,
        QLabel,
        QLineEdit,
        QListWidget,
        QListWidgetItem,
        QMenu,
        QSplitter,
        QStackedWidget,
        QTableView,
    )

    from app.core.model import OcrResult
    from app.core.options import OcrOptions
    from app.gui.api_control import ApiControl
    from app.gui.drop_zone import DropZone
    from app.gui.export import BatchExport
    from app.gui.index_control import IndexControl
    from app.gui.ingest import Ingestor
    from app.gui.job_model import JobTableModel
    from app.gui.result_view import ResultView
    from app.gui.save_folders import SaveFolders
    from app.gui.selection import Deriver
    from app.gui.thumbnails import ThumbnailCache
    from app.gui.view_menu import PaneToggles

APP_TITLE = "ImageHQ OCR"


class WindowBase(QMainWindow):
    """The state the window's parts share (set up by MainWindow.__init__ and the parts'
    builders) and the job list's selection."""

    settings_changed = Signal()
    capture_requested = Signal()

    manager: Any
    settings: Any
    api: ApiControl
    index: IndexControl
    thumbnails: ThumbnailCache
    model: JobTableModel
    ingestor: Ingestor
    save_folders: SaveFolders
    deriver: Deriver
    result_view: ResultView
    table: QTableView
    stack: QStackedWidget
    splitter: QSplitter
    drop_zone: DropZone
    search: QLineEdit
    index_hits: QListWidget
    view_menu: QMenu
    panes: PaneToggles
    queue_label: QLabel
    count_label: QLabel
    api_label: QLabel
    _central: QFrame
    _batch: BatchExport | None
    _history_loaded: bool
    _select_next: bool
    cancel_action: QAction
    retry_action: QAction
    delete_action: QAction
    export_action: QAction
    export_many_action: QAction

    def _on_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def selected_jobs(self) -> list[Job]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        jobs = [self.model.job(r) for r in rows]
        return [j for j in jobs if j is not None]

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

    def _jobs_text(self, n: int) -> str:
        return self.tr("1 job") if n == 1 else self.tr("%1 jobs").replace("%1", str(n))

    def _update_stack(self, *_: Any) -> None:
        empty = self.model.rowCount() == 0 and not self.search.text()
        self.stack.setCurrentWidget(self.drop_zone if empty else self.splitter)
        self.count_label.setText(self._jobs_text(self.model.total))

    if TYPE_CHECKING:  # defined by the parts; declared here so that each part type-checks
        # window_input
        def handle_mime(self, mime: QMimeData, prefix: str = "dropped") -> bool: ...
        def add_paths(self, paths: list[str | Path]) -> None: ...
        def open_files(self) -> None: ...
        def paste_from_clipboard(self) -> bool: ...

        # window_jobs
        def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None: ...
        def _on_queue(self, n: int) -> None: ...
        def _update_actions(self) -> None: ...
        def retry_selected(self) -> None: ...
        def rerun(
            self, job_id: str, options: OcrOptions | None, operation: str | None = None
        ) -> None: ...
        def derive(
            self, job_id: str, crop: tuple[int, int, int, int] | None = None, turns: int = 0
        ) -> None: ...
        def _on_derive_failed(self, exc: Exception) -> None: ...
        def cancel_selected(self) -> None: ...
        def delete_selected(self) -> None: ...

        # window_search
        def _focus_search(self) -> None: ...
        def _open_index_hit(self, item: QListWidgetItem) -> None: ...
        def _on_index_thumbnail(self, key: str) -> None: ...

        # window_export
        def export_current(self) -> None: ...
        def export_selected(self) -> None: ...

        # window_tables
        def with_table_result(
            self, then: Callable[[Job, OcrResult], object], job: Job | None = None
        ) -> None: ...
        def copy_table(self) -> None: ...
        def _on_table_job(self, job: Job) -> None: ...

        # main_window
        def open_settings(self) -> None: ...
        def _quit(self) -> None: ...
        def _about(self) -> None: ...


#: The base of each part of the window: ``WindowBase`` to the type checker (so a part sees the
#: others' attributes), ``object`` at run time (the parts are mixins of the one Qt class).
if TYPE_CHECKING:
    WindowPart = WindowBase
else:
    WindowPart = object
