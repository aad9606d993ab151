"""The main window's job list: what follows the manager's signals, and retry, re-run,
derive, cancel and delete."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMessageBox

from app.core.errors import OcrError
from app.core.history import retry_can_help
from app.core.job import PROCESSING, QUEUED, Job
from app.core.options import OcrOptions
from app.core.store import JobGone
from app.gui.confirm import confirm_delete
from app.gui.messages import error_text
from app.gui.window_base import APP_TITLE, WindowPart
from app.jobs import QueueFullError


class JobsPart(WindowPart):
    """Acts on the jobs in the list."""

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

    def _update_actions(self) -> None:
        selected = self.selected_jobs()
        active = any(j.status in (QUEUED, PROCESSING) for j in selected)
        self.cancel_action.setEnabled(active)
        self.retry_action.setEnabled(any(retry_can_help(j) for j in selected))
        self.delete_action.setEnabled(bool(selected))
        self.export_many_action.setEnabled(any(j.status == "succeeded" for j in selected))
        self.export_action.setEnabled(self.result_view.result is not None)

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
