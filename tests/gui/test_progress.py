"""The progress column never sits at a frozen 0 % (issue 9, defect 7)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from app.core.job import PROCESSING, Job, JobInput, new_job_id
from app.gui.job_model import JOB_ROLE
from app.gui.progress_delegate import ProgressDelegate, shows_busy


def _job(n_inputs: int, progress: int) -> Job:
    inputs = [JobInput(f"{i}.png", "png", "image/png", 3) for i in range(n_inputs)]
    return Job(id=new_job_id(), status=PROCESSING, progress=progress, inputs=inputs)


_views: list[QTableView] = []  # alive until the test ends (the delegate is their child)


@pytest.fixture(autouse=True)
def _forget_views() -> Iterator[None]:
    yield
    _views.clear()


def _render(qtbot, job: Job, at: float) -> tuple[QImage, ProgressDelegate]:
    model = QStandardItemModel(1, 1)
    item = QStandardItem()
    item.setData(job, JOB_ROLE)
    model.setItem(0, 0, item)
    view = QTableView()
    qtbot.addWidget(view)
    _views.append(view)
    view.setModel(model)
    delegate = ProgressDelegate(view, clock=lambda: at)
    image = QImage(120, 30, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 120, 30)
    option.palette = view.palette()
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    return image, delegate


def test_a_one_image_job_shows_a_moving_busy_bar(qtbot) -> None:
    job = _job(1, 0)
    assert shows_busy(job)
    early, delegate = _render(qtbot, job, 0.2)
    later, _ = _render(qtbot, job, 0.6)
    assert early != later  # the chunk moves: not a frozen bar
    assert delegate.timer.isActive()  # and the column is repainted while it is shown
    delegate._tick()  # a frame painted the busy bar: the timer goes on
    assert delegate.timer.isActive()
    delegate._tick()  # no busy bar painted since: it stops
    assert not delegate.timer.isActive()


def test_a_batch_shows_its_measured_progress(qtbot) -> None:
    job = _job(4, 50)
    assert not shows_busy(job)
    first, delegate = _render(qtbot, job, 0.2)
    second, _ = _render(qtbot, job, 0.6)
    assert first == second and not delegate.timer.isActive()
    assert shows_busy(_job(4, 0))  # before its first image is done it is busy too


def test_the_window_uses_it(window) -> None:
    from app.gui.job_model import COL_PROGRESS

    assert isinstance(window.table.itemDelegateForColumn(COL_PROGRESS), ProgressDelegate)
