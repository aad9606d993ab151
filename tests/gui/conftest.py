"""GUI fixtures: a real JobManager (real Tesseract) and the main window, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.job import Job
from tests.conftest import text_image

WAIT_MS = 30000


@pytest.fixture(autouse=True)
def _clear_clipboard(qapp) -> Iterator[None]:
    """Each test starts and ends with an empty clipboard. Besides isolating the tests: with a
    QMimeData made in Python still on the offscreen platform's clipboard when the process
    exits, Qt's teardown segfaults (a bare script that sets one and exits does too; under a
    real X server it does not)."""
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()
    yield
    QGuiApplication.clipboard().clear()


@pytest.fixture
def manager(qapp) -> Iterator:
    from app.jobs import JobManager

    mgr = JobManager(max_workers=2, prune_timer=False)
    yield mgr
    mgr.shutdown(wait=True)
    mgr.store.close()


@pytest.fixture
def window(qtbot, manager) -> Iterator:
    from app.gui.main_window import MainWindow

    win = MainWindow(manager)
    qtbot.addWidget(win)
    win.show()
    win.load_history()
    yield win
    win.ingestor.wait()
    win.thumbnails.wait()
    win._really_quit = True
    win.close()


def make_png(path: Path, lines: list[str], size: int = 26) -> Path:
    text_image(lines, size).save(path)
    return path


def wait_jobs(qtbot, win, n: int, timeout: int = WAIT_MS) -> list[Job]:
    """Waits until the list has ``n`` jobs, all final; returns them newest first."""
    qtbot.waitUntil(
        lambda: win.model.rowCount() >= n and all(j.is_final for j in win.model.jobs()),
        timeout=timeout,
    )
    return win.model.jobs()


def select_in_pane(view, words: str, last: bool = False) -> int:
    """Selects ``words`` in the result view's text pane (the first of them, or the ``last``), as
    a user drags over them; returns where they start."""
    from PySide6.QtGui import QTextCursor

    text = view.text.toPlainText()
    start = text.rindex(words) if last else text.index(words)
    cursor = view.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    view.text.setTextCursor(cursor)
    return start
