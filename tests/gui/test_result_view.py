"""Result view: overlay boxes match the result's words, selection ↔ text ↔ clipboard, re-run."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication, QPainterPath

from app.core.model import OcrResult
from app.gui.job_model import COL_TIME
from tests.gui.conftest import make_png, select_in_pane, wait_jobs

LINES = ["Alpha bravo charlie", "delta echo foxtrot", "golf hotel india"]


def _shown(qtbot, window, tmp_path: Path):
    window.add_paths([make_png(tmp_path / "words.png", LINES, size=30)])
    (job,) = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    view = window.result_view
    # The view hears of the job on its own (a queued signal of its own): wait for its state.
    qtbot.waitUntil(
        lambda: (
            view.job is not None
            and view.job.is_final
            and view.result is not None
            and view.overlay._pixmap_item is not None
        ),
        timeout=5000,
    )
    return job, view


def test_overlay_boxes_match_the_result_words(qtbot, window, tmp_path: Path) -> None:
    job, view = _shown(qtbot, window, tmp_path)
    result = OcrResult.from_storage(window.manager.store.load_result(job.id, 0))
    words = result.page.words()
    assert [w.text for w in words] == [
        "Alpha",
        "bravo",
        "charlie",
        "delta",
        "echo",
        "foxtrot",
        "golf",
        "hotel",
        "india",
    ]
    assert len(view.overlay.words) == len(words)
    for item, word in zip(view.overlay.words, words, strict=True):
        x0, y0, x1, y1 = word.bbox
        assert item.rect() == QRectF(x0, y0, x1 - x0, y1 - y0)
        assert word.text in item.toolTip() and "%" in item.toolTip()
    assert len(view.overlay.lines) == 3
    pix = view.overlay._pixmap_item.pixmap()
    assert (pix.width(), pix.height()) == (result.page.width, result.page.height)
    assert view.text.toPlainText() == result.text
    assert "9 words" in view.stats.text() and "mean confidence" in view.stats.text()
    # Level toggles and the threshold slider.
    view.level_boxes["line"].setChecked(True)
    assert all(item.isVisible() for item in view.overlay.lines)
    view.threshold.setValue(100)
    assert view.overlay.low_confidence_count() == len(words)
    view.threshold.setValue(0)
    assert view.overlay.low_confidence_count() == 0


def test_rubber_band_selection_copies_words_in_reading_order(qtbot, window, tmp_path) -> None:
    _job, view = _shown(qtbot, window, tmp_path)
    words = view.overlay.words
    # A band over the second and third lines' first two words ("delta echo", "golf hotel").
    band = words[3].sceneBoundingRect().united(words[7].sceneBoundingRect())
    path = QPainterPath()
    path.addRect(band)
    view.overlay.scene().setSelectionArea(path)
    assert view.overlay.selected_indices() == [3, 4, 6, 7]
    assert QGuiApplication.clipboard().text() == "delta echo\ngolf hotel"
    # The text pane follows: the selection spans those words.
    assert view.text.textCursor().selectedText().startswith("delta echo")


def test_text_selection_highlights_boxes(qtbot, window, tmp_path: Path) -> None:
    _job, view = _shown(qtbot, window, tmp_path)
    select_in_pane(view, "bravo charlie")
    assert view.overlay.selected_indices() == [1, 2]
    cursor = view.text.textCursor()
    cursor.setPosition(view.text.toPlainText().index("india") + 2)
    view.text.setTextCursor(cursor)
    assert view.overlay.selected_indices() == [8]


def test_copy_all_shortcut_and_edit(qtbot, window, tmp_path: Path) -> None:
    _job, view = _shown(qtbot, window, tmp_path)
    view.copy_all_action.trigger()
    assert QGuiApplication.clipboard().text() == view.text.toPlainText()
    view.text.appendPlainText("my note")
    assert "edited" in view.stats.text()
    view.copy_all()
    assert QGuiApplication.clipboard().text().endswith("my note")


def test_zoom_fit_and_actual_size(qtbot, window, tmp_path: Path) -> None:
    _job, view = _shown(qtbot, window, tmp_path)
    view.overlay.actual_size()
    assert view.overlay.zoom() == 1.0
    view.overlay.zoom_by(2.0)
    assert abs(view.overlay.zoom() - 2.0) < 1e-6
    view.overlay.fit()
    assert view.overlay.zoom() != 2.0


def test_rerun_with_other_options(qtbot, window, tmp_path: Path) -> None:
    job, view = _shown(qtbot, window, tmp_path)
    view.psm_combo.setCurrentIndex(view.psm_combo.findData("single_block"))
    view.lang_combo.setCurrentText("eng+deu")
    view.rerun_btn.click()
    jobs = wait_jobs(qtbot, window, 2)
    assert jobs[0].id != job.id
    assert jobs[0].options.psm == "single_block" and jobs[0].options.language == "eng+deu"
    assert window.result_view.job.id == jobs[0].id
    # An unknown language is refused with the engine's message, not a crash.
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    orig = QMessageBox.warning
    QMessageBox.warning = staticmethod(lambda _p, _t, m, *a, **k: shown.append(m))  # type: ignore[method-assign]
    try:
        view.lang_combo.setCurrentText("xyz")
        view.rerun_btn.click()
    finally:
        QMessageBox.warning = orig  # type: ignore[method-assign]
    assert shown and "xyz" in shown[0]
    assert window.model.rowCount() == 2


def test_rerun_with_the_other_engine_shows_which_read_it(qtbot, window, tmp_path: Path) -> None:
    job, view = _shown(qtbot, window, tmp_path)
    assert job.engine == "tesseract"  # a rendered text image: auto keeps it on Tesseract
    assert "Tesseract" in view.status.text()
    view.engine_combo.setCurrentIndex(view.engine_combo.findData("rapidocr"))
    view.rerun_btn.click()
    jobs = wait_jobs(qtbot, window, 2)
    assert jobs[0].options.engine == "rapidocr" and jobs[0].engine == "rapidocr"
    qtbot.waitUntil(lambda: "PP-OCR" in view.status.text(), timeout=5000)
    row = window.model.index(0, COL_TIME)
    assert "PP-OCR" in window.model.data(row)
    # and the job list shows it whole, not "5.0 s · …"
    for engine in ("PP-OCR + Tesseract", "Tesseract"):
        shown = f"12.3 s · {engine}"
        width = window.table.fontMetrics().horizontalAdvance(shown) + 12  # the cell's margins
        assert width <= window.table.columnWidth(COL_TIME), shown
    assert view.engine_combo.currentData() == "rapidocr"


def test_keyboard_in_the_image_copies_and_clears(qtbot, window, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    _job, view = _shown(qtbot, window, tmp_path)
    view.overlay.select_words([0, 1])
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view.overlay, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Alpha bravo"
    qtbot.keyClick(view.overlay, Qt.Key.Key_Escape)
    assert view.overlay.selected_indices() == []
    qtbot.keyClick(view.overlay, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(view.overlay.selected_indices()) == 9
