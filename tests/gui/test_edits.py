"""The user's edit of the text is what is saved, copied and exported, and stays with the job
(issue 9, defect 4)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from tests.gui.conftest import make_png, wait_jobs


def _two_jobs(qtbot, window, tmp_path: Path):
    window.add_paths([make_png(tmp_path / "a.png", ["Alpha bravo charlie"], size=30)])
    window.add_paths([make_png(tmp_path / "b.png", ["Delta echo foxtrot"], size=30)])
    jobs = wait_jobs(qtbot, window, 2)
    by_name = {j.inputs[0].filename: j for j in jobs}
    return by_name["a.png"], by_name["b.png"]


def _show(qtbot, window, job) -> None:
    window.select_job(job.id)
    view = window.result_view
    qtbot.waitUntil(lambda: view.job is not None and view.job.id == job.id, timeout=5000)
    qtbot.waitUntil(lambda: view.result is not None, timeout=5000)


def test_edit_is_exported_copied_and_kept_across_job_switches(qtbot, window, tmp_path) -> None:
    a, b = _two_jobs(qtbot, window, tmp_path)
    view = window.result_view
    _show(qtbot, window, a)
    ocr = view.text.toPlainText()
    assert "Alpha" in ocr
    view.text.selectAll()
    qtbot.keyClicks(view.text, "My corrected text")
    assert view.revert_btn.isVisible()
    assert "edited" in view.stats.text()

    out = tmp_path / "out.txt"
    window.export_to(str(out))
    assert out.read_text() == "My corrected text\n"
    window.export_to(str(tmp_path / "out.json"))
    data = json.loads((tmp_path / "out.json").read_text())
    assert data["text"] == "My corrected text" and data["ocr_text"] == ocr
    view.copy_all()
    assert QGuiApplication.clipboard().text() == "My corrected text"

    _show(qtbot, window, b)  # switching away keeps the edit with job a
    assert "Delta" in view.text.toPlainText() and not view.revert_btn.isVisible()
    _show(qtbot, window, a)
    assert view.text.toPlainText() == "My corrected text"
    assert view.revert_btn.isVisible()

    # The batch export of the selected jobs writes the edit too.
    folder = tmp_path / "batch"
    folder.mkdir()
    task = window.export_jobs([a, b], folder, "txt")
    qtbot.waitUntil(lambda: window._batch is None, timeout=10000)
    assert task is not None
    assert (folder / "a.txt").read_text() == "My corrected text\n"
    assert "Delta" in (folder / "b.txt").read_text()

    # Revert: the recognised text is back, and the edit is gone from the job.
    view.revert_btn.click()
    assert view.text.toPlainText() == ocr and not view.revert_btn.isVisible()
    assert window.manager.store.load_edit(a.id, 0) is None
    window.export_to(str(out))
    assert out.read_text() == ocr + "\n"


def test_edit_survives_a_new_window(qtbot, window, manager, tmp_path) -> None:
    a, _b = _two_jobs(qtbot, window, tmp_path)
    _show(qtbot, window, a)
    window.result_view.text.setPlainText("Kept after closing")
    window._really_quit = True
    window.close()  # the pending edit is written on close

    from app.gui.main_window import MainWindow

    again = MainWindow(manager)
    qtbot.addWidget(again)
    again.show()
    again.load_history()
    qtbot.waitUntil(lambda: again.model.rowCount() == 2, timeout=5000)
    _show(qtbot, again, a)
    assert again.result_view.text.toPlainText() == "Kept after closing"
    again._really_quit = True
    again.close()


def test_the_shown_result_saves_as_searchable_pdf_alto_and_markdown(
    qtbot, window, tmp_path
) -> None:
    import subprocess

    a, _ = _two_jobs(qtbot, window, tmp_path)
    _show(qtbot, window, a)
    assert window.export_to(str(tmp_path / "a.pdf")) == "pdf"
    pdf = tmp_path / "a.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Alpha bravo charlie" in " ".join(text.split())
    assert window.export_to(str(tmp_path / "a.xml")) == "alto"
    assert b"<alto" in (tmp_path / "a.xml").read_bytes()
    assert window.export_to(str(tmp_path / "a.md")) == "md"
    # Markdown is written once the image is read in table mode (a job of its own)
    qtbot.waitUntil((tmp_path / "a.md").exists, timeout=30000)
    assert "Alpha bravo charlie" in (tmp_path / "a.md").read_text()
