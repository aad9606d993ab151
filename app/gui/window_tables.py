"""The main window's tables: "Copy as table", and the tables a .csv or .md export writes.

Tables are found in a result read in table mode (ruling lines removed, sparse text: see
README "Tables"); a job read otherwise has its image read again that way, as a job of its own
(from the cache the next time), and the table is copied or saved when that job is done."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from app.core.errors import OcrError
from app.core.job import SUCCEEDED, Job
from app.core.model import OcrResult
from app.core.options import RECEIPT_OPERATION, TABLE_FORMATS
from app.core.store import JobGone
from app.core.tables import Table, find_tables, tables_csv, tables_html
from app.gui.messages import error_text
from app.gui.window_base import WindowPart
from app.jobs import QueueFullError

Then = Callable[[Job, OcrResult], object]


def table_mime(tables: list[Table]) -> QMimeData:
    """The tables for the clipboard: HTML (a table in word processors and spreadsheets) and
    tab-separated text (cells in a spreadsheet, columns in a text editor)."""
    mime = QMimeData()
    mime.setHtml(tables_html(tables))
    mime.setText(tables_csv(tables, delimiter="\t"))
    return mime


class TablesPart(WindowPart):
    """Reads the shown job's tables (in table mode) for copying and saving."""

    _table_waits: dict[str, Then]

    def copy_table(self) -> None:
        self.with_table_result(self._copy_tables)

    def with_table_result(self, then: Then, job: Job | None = None) -> None:
        """Calls ``then(job, result)`` with the shown job's result read in table mode: at once
        when it was, else once a table-mode reading of its image is done."""
        job = job or self.result_view.job
        if job is None or job.status != SUCCEEDED or self.result_view.result is None:
            self._on_problem(self.tr("Select a finished job to read its tables."))
            return
        if job.options.output_format in TABLE_FORMATS and job.operation != RECEIPT_OPERATION:
            then(job, self.result_view.result)
            return
        options = replace(job.options, output_format="csv")
        operation = None if job.operation != RECEIPT_OPERATION else "extract_text"
        try:
            table_job = self.manager.retry(job.id, options=options, operation=operation)
        except (KeyError, JobGone):
            self._on_problem(self.tr("That job is gone (expired or deleted)."))
            return
        except (OcrError, QueueFullError, OSError) as exc:
            self._on_problem(self.tr("Cannot read the tables: %s") % exc)
            return
        self._table_waits[table_job.id] = then
        self.statusBar().showMessage(self.tr("Reading the tables…"))
        self._on_table_job(self.manager.get(table_job.id) or table_job)  # done already?

    def _on_table_job(self, job: Job) -> None:
        if job.id not in self._table_waits or not job.is_final:
            return
        then = self._table_waits.pop(job.id)
        if job.status != SUCCEEDED:
            reason = error_text(job.error) if job.error else job.status
            self._on_problem(self.tr("Cannot read the tables: %s") % reason)
            return
        try:
            stored = self.manager.store.load_result(job.id, 0)
            result = OcrResult.from_storage(stored)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            self._on_problem(self.tr("Cannot read the tables: %s") % exc)
            return
        then(job, result)

    def _copy_tables(self, _job: Job, result: OcrResult) -> None:
        tables = [t for page in result.pages for t in find_tables(page)]
        if not tables:
            self._on_problem(self.tr("No table found (rows of two or more aligned cells)."))
            return
        QGuiApplication.clipboard().setMimeData(table_mime(tables))
        first = tables[0]
        size = (
            self.tr("%1 rows × %2 columns")
            .replace("%1", str(len(first.rows)))
            .replace("%2", str(first.columns))
        )
        self.statusBar().showMessage(
            self.tr("Copied the table (%1)").replace("%1", size)
            if len(tables) == 1
            else self.tr("Copied %1 tables").replace("%1", str(len(tables))),
            6000,
        )
