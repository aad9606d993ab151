"""A job that reads no text says so and offers what may help (issue 9, defect 8)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from app.gui.job_model import COL_STATUS
from tests.gui.conftest import wait_jobs


def test_no_text_found_offers_remedies_that_rerun(qtbot, window, tmp_path: Path) -> None:
    sky = tmp_path / "sky.png"
    Image.new("RGB", (400, 300), (120, 160, 200)).save(sky)
    window.add_paths([sky])
    (job,) = wait_jobs(qtbot, window, 1)
    assert job.status == "succeeded" and not job.text.strip()
    window.select_job(job.id)
    view = window.result_view
    qtbot.waitUntil(lambda: view.job is not None and view.job.is_final, timeout=5000)
    assert view.no_text.isVisible()
    assert "No text found" in view.no_text.label.text()
    labels = [b.text() for b in view.no_text.buttons]
    assert any(t.startswith("Try ") for t in labels)
    assert "Sparse text" in labels and "Detect orientation" in labels
    status = window.model.index(window.model.row_of(job.id), COL_STATUS).data()
    assert status == "No text found"

    sparse = next(b for b in view.no_text.buttons if b.text() == "Sparse text")
    sparse.click()
    jobs = wait_jobs(qtbot, window, 2)
    again = next(j for j in jobs if j.id != job.id)
    assert again.options.psm == "sparse" and again.inputs[0].filename == "sky.png"


def test_a_job_with_text_shows_no_notice(qtbot, window, tmp_path: Path) -> None:
    from tests.gui.conftest import make_png

    window.add_paths([make_png(tmp_path / "a.png", ["Some words here"], size=30)])
    (job,) = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    view = window.result_view
    qtbot.waitUntil(lambda: view.result is not None, timeout=5000)
    assert not view.no_text.isVisible()
