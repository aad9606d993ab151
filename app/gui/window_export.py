"""The main window's export: the shown result to a file, selected jobs to a folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from app import settings as S
from app.core.export import format_for_path
from app.core.job import Job
from app.core.model import OcrResult
from app.core.options import RECEIPT_OPERATION, TABLE_FORMATS
from app.gui.export import BatchExport, save_result, start_batch
from app.gui.export_dialog import ExportDialog
from app.gui.window_base import APP_TITLE, WindowPart


class ExportPart(WindowPart):
    """Saves results (Ctrl+S, Export selected…)."""

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
        fmt = format_for_path(path)
        table_read = job.options.output_format in TABLE_FORMATS
        if fmt in TABLE_FORMATS and job.operation != RECEIPT_OPERATION and not table_read:
            # written once the image is read in table mode (see window_tables)
            self.with_table_result(lambda _job, tables: self._save(path, job, tables))
            return fmt
        return self._save(path, job, result)

    def _save(self, path: str, job: Job, result: OcrResult) -> str | None:
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
