"""Identical results show once; Retry is off where nothing can change (issue 9, defect 10)."""

from __future__ import annotations

from pathlib import Path

from app.gui.job_model import JobTableModel
from app.gui.tray import Tray
from tests.gui.conftest import make_png, wait_jobs


def test_a_repeated_image_is_one_row_also_after_a_restart(qtbot, window, tmp_path) -> None:
    png = make_png(tmp_path / "same.png", ["The same words"])
    for n in range(1, 4):  # the second and third come from the cache
        window.add_paths([png])
        qtbot.waitUntil(lambda n=n: window.manager.store.count() == n, timeout=10000)
        wait_jobs(qtbot, window, 1)
    qtbot.waitUntil(lambda: len(window.model.collapsed(window.model.job(0).id)) == 2)
    assert window.model.rowCount() == 1 and window.model.total == 1
    # Another image is another row.
    window.add_paths([make_png(tmp_path / "other.png", ["Other words"])])
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=30000)
    # The history read back from the store collapses the same way.
    fresh = JobTableModel(window.manager)
    fresh.load_history()
    assert fresh.rowCount() == 2 and fresh.total == 2
    newest_same = next(j for j in fresh.jobs() if j.inputs[0].filename == "same.png")
    assert len(fresh.collapsed(newest_same.id)) == 2


def test_tray_recent_results_collapse_identical_texts(qapp) -> None:
    tray = Tray()
    for job_id in ("a", "b", "c"):
        tray.add_result(job_id, "Same text")
    tray.add_result("d", "Other")
    assert tray.recent == [("d", "Other"), ("c", "Same text")]


def test_retry_is_off_for_an_image_that_cannot_be_read(qtbot, window, tmp_path: Path) -> None:
    bad = tmp_path / "notes.png"
    bad.write_bytes(b"this is not an image at all")
    window.add_paths([bad])
    (job,) = wait_jobs(qtbot, window, 1)
    assert job.status == "failed"
    window.select_job(job.id)
    qtbot.waitUntil(lambda: window.result_view.job is not None)
    assert not window.retry_action.isEnabled()
    assert not window.result_view.rerun_btn.isEnabled()
    window.retry_selected()
    assert window.manager.store.count() == 1  # nothing was run again


def test_retry_stays_on_for_a_failure_that_may_pass(qtbot, window, tmp_path: Path) -> None:
    window.add_paths([make_png(tmp_path / "ok.png", ["Fine words"])])
    (job,) = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    assert window.retry_action.isEnabled() and window.result_view.rerun_btn.isEnabled()


def test_an_edited_copy_is_not_hidden(qtbot, window, tmp_path: Path) -> None:
    png = make_png(tmp_path / "same.png", ["The same words"])
    window.add_paths([png])
    (first,) = wait_jobs(qtbot, window, 1)
    window.manager.store.save_edit(first.id, 0, "my edit")
    window.add_paths([png])
    qtbot.waitUntil(lambda: window.manager.store.count() == 2, timeout=10000)
    jobs = wait_jobs(qtbot, window, 2)
    assert {j.id for j in jobs} >= {first.id}
    fresh = JobTableModel(window.manager)
    fresh.load_history()
    assert fresh.rowCount() == 2
