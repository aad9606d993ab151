"""The job list's progress column (issue 9, defect 7).

A queued job shows "queued"; a job being read shows its real progress when it has some (a
batch advances per image) and a busy bar otherwise: the engine does not report progress
while it reads one image, and a bar frozen at 0 % looked stuck. The busy chunk moves while
any busy bar is on screen (a timer repaints the column) and the timer stops when none is.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, QTimer
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.core.job import PROCESSING, QUEUED, Job

Index = QModelIndex | QPersistentModelIndex
FRAME_MS = 50
SWEEP_S = 1.4  # one pass of the busy chunk, left to right and back


def shows_busy(job: Job) -> bool:
    """Processing without a measured step yet (one image: the whole run)."""
    return job.status == PROCESSING and (len(job.inputs) <= 1 or job.progress <= 0)


class ProgressDelegate(QStyledItemDelegate):
    """A live progress bar in the progress column; the error text for failed jobs."""

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], float] | None = None):
        super().__init__(parent)
        self.clock = clock or time.monotonic
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._tick)
        self._busy_painted = False
        self._column = 0

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        from app.gui.job_model import JOB_ROLE

        job = index.data(JOB_ROLE)
        if job is None or job.status not in (QUEUED, PROCESSING):
            super().paint(painter, option, index)
            return
        style = QApplication.style()
        opt: Any = option
        if opt.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(opt.rect, opt.palette.color(QPalette.ColorRole.Highlight))
        bar: Any = QStyleOptionProgressBar()
        bar.rect = QRect(opt.rect.adjusted(6, 7, -6, -7))
        bar.minimum = 0
        bar.maximum = 100
        bar.textVisible = True
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.palette = opt.palette
        if job.status == QUEUED:
            bar.progress, bar.text = 0, self.tr("queued")
            style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)
        elif shows_busy(job):
            self._column = index.column()
            self._paint_busy(painter, bar, style)
        else:
            bar.progress, bar.text = job.progress, f"{job.progress}%"
            style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)

    def _paint_busy(self, painter: QPainter, bar: Any, style: QStyle) -> None:
        self._busy_painted = True
        if not self.timer.isActive():
            self.timer.start()
        bar.progress, bar.text = 0, self.tr("reading…")
        style.drawControl(QStyle.ControlElement.CE_ProgressBarGroove, bar, painter)
        rect = QRectF(bar.rect).adjusted(1, 1, -1, -1)
        width = rect.width() * 0.3
        phase = (self.clock() % SWEEP_S) / SWEEP_S
        along = 1 - abs(1 - 2 * phase)  # 0 → 1 → 0
        chunk = QRectF(rect.x() + (rect.width() - width) * along, rect.y(), width, rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(bar.palette.color(QPalette.ColorRole.Highlight))
        painter.setBrush(bar.palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(chunk, 2, 2)
        painter.restore()
        style.drawControl(QStyle.ControlElement.CE_ProgressBarLabel, bar, painter)

    def _tick(self) -> None:
        """Repaints the busy bars; stops when the last paint had none."""
        if not self._busy_painted:
            self.timer.stop()
            return
        self._busy_painted = False
        view = self.parent()
        if isinstance(view, QTableView):  # the column only
            x = view.columnViewportPosition(self._column)
            width = view.columnWidth(self._column)
            view.viewport().update(QRect(x, 0, width, view.viewport().height()))
        elif isinstance(view, QAbstractItemView):
            view.viewport().update()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(110, super().sizeHint(option, index).height())
