"""The job list: lifecycle through the manager's signals, paged history, search, actions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.core.job import Job, new_job_id, utcnow
from app.gui.job_model import COL_PROGRESS, COL_STATUS, JOB_ROLE, PAGE_SIZE
from app.jobs import InputData
from tests.gui.conftest import make_png, wait_jobs


def test_rows_follow_the_lifecycle(qtbot, window, tmp_path: Path) -> None:
    seen: list[str] = []
    window.model.dataChanged.connect(
        lambda tl, _br, _roles=(): seen.append(window.model.index(tl.row(), COL_STATUS).data())
    )
    window.add_paths([make_png(tmp_path / "life.png", ["Life cycle of a job"])])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10000)
    assert window.model.index(0, COL_STATUS).data() in ("Queued", "Processing", "Done")
    wait_jobs(qtbot, window, 1)
    assert "Processing" in seen and seen[-1] == "Done"
    assert window.model.index(0, COL_PROGRESS).data() == "100%"
    assert window.model.index(0, 3).data().endswith("%")  # confidence
    # The result pane shows the finished job (it was selected when it was added).
    qtbot.waitUntil(lambda: window.result_view.result is not None, timeout=5000)
    assert "Life cycle" in window.result_view.text.toPlainText()


def test_jobs_from_other_sources_appear(qtbot, window, sample_png: Path) -> None:
    window.manager.submit([InputData.from_path(sample_png)], source="api")
    (job,) = wait_jobs(qtbot, window, 1)
    assert job.source == "api" and job.status == "succeeded"


def _fill_store(store, n: int) -> None:
    base = Job(id="x", source="cli", status="succeeded", text="")
    now = utcnow()
    for i in range(n):
        job = replace(
            base,
            id=new_job_id(),
            created_at=now,
            updated_at=now,
            text=f"receipt number {i}" if i % 50 == 0 else f"note {i}",
        )
        store.create(job, [])


def test_history_is_paged_and_searchable(qtbot, manager, tmp_path: Path) -> None:
    from app.gui.main_window import MainWindow

    _fill_store(manager.store, 2 * PAGE_SIZE + 10)
    win = MainWindow(manager)
    qtbot.addWidget(win)
    win.load_history()
    assert win.model.rowCount() == PAGE_SIZE
    assert win.model.canFetchMore()
    win.model.fetchMore()
    win.model.fetchMore()
    assert win.model.rowCount() == 2 * PAGE_SIZE + 10 and not win.model.canFetchMore()
    assert len({win.model.job(r).id for r in range(win.model.rowCount())}) == 2 * PAGE_SIZE + 10
    win.search.setText("receipt")
    qtbot.waitUntil(lambda: win.model.rowCount() == 9, timeout=3000)
    assert all("receipt" in j.text for j in win.model.jobs())


def test_retry_cancel_delete(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    window.add_paths([make_png(tmp_path / "r.png", ["Retry me please"])])
    (job,) = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    window.retry_action.trigger()
    # The same result again: one row, the newest, standing for both (issue 9, defect 10).
    qtbot.waitUntil(lambda: window.model.collapsed(window.model.job(0).id) == [job.id])
    (again,) = wait_jobs(qtbot, window, 1)
    assert again.id != job.id and again.text == job.text and window.model.rowCount() == 1
    status = window.model.index(0, COL_STATUS).data()
    assert status.endswith("2×")
    # Cancel a job while it waits: fill both workers first.
    many = [make_png(tmp_path / f"c{i}.png", [f"Cancel test {i}"]) for i in range(4)]
    window.add_paths(many)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=10000)
    last = window.model.job(0)
    window.select_job(last.id)
    assert not last.is_final  # two workers are busy with the earlier ones
    window.cancel_action.trigger()
    wait_jobs(qtbot, window, 5)
    assert window.model.job(window.model.row_of(last.id)).status == "canceled"
    # Delete every row: gone from the list and from the store.
    window.table.selectAll()
    n = window.model.rowCount()
    monkeypatch.setattr("app.gui.window_jobs.confirm_delete", lambda *_: True)
    window.delete_selected()
    assert window.model.rowCount() == 0 and n == 5  # with the collapsed copy
    assert window.manager.store.count() == 0
    assert window.stack.currentWidget() is window.drop_zone


def test_thumbnails_are_made_in_the_background(qtbot, window, tmp_path: Path) -> None:
    window.add_paths([make_png(tmp_path / "t.png", ["Thumb"])])
    (job,) = wait_jobs(qtbot, window, 1)
    with qtbot.waitSignal(window.thumbnails.ready, timeout=5000, raising=False):
        window.model.index(0, 0).data(1)  # DecorationRole asks for it
    icon = window.thumbnails.get(job)
    assert not icon.isNull() and icon is not window.thumbnails.placeholder()
    assert window.model.index(0, 0).data(JOB_ROLE).id == job.id


def test_a_late_processing_update_does_not_undo_a_final_state(qtbot, window, tmp_path) -> None:
    """A worker's "processing" announcement can reach the GUI thread after the job was
    canceled there (its cancel is announced at once, the worker's signal is queued): the row
    stays final, as the job in the store does."""
    from dataclasses import replace

    window.add_paths([make_png(tmp_path / "late.png", ["Late update"])])
    (job,) = wait_jobs(qtbot, window, 1)
    window.model.on_job(replace(job, status="processing", current_stage="processing"))
    assert window.model.job(window.model.row_of(job.id)).status == job.status == "succeeded"
