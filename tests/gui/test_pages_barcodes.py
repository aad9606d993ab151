"""A multi-page input in the window (the page switcher) and barcodes in the result view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from app.core.model import OcrResult
from tests.gui.conftest import select_in_pane, wait_jobs
from tests.pdf_samples import SCAN_PAGES, scanned_pdf
from tests.test_barcodes import URL, label_png


def _show(qtbot, window, path: Path):
    window.add_paths([path])
    (job,) = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    view = window.result_view
    qtbot.waitUntil(
        lambda: view.result is not None and view.overlay._pixmap_item is not None, timeout=10000
    )
    return job, view


def _pixmap_size(view) -> tuple[int, int]:
    pix = view.overlay._pixmap_item.pixmap()
    return pix.width(), pix.height()


def test_pdf_pages_switch_image_boxes_and_follow_the_text(qtbot, window, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(scanned_pdf())
    job, view = _show(qtbot, window, pdf)
    result = OcrResult.from_storage(window.manager.store.load_result(job.id, 0))
    assert len(result.pages) == 3
    assert view.pages.isVisibleTo(view) and view.pages.label.text() == "Page 1 of 3"
    assert not view.pages.prev_btn.isEnabled() and view.pages.next_btn.isEnabled()
    # the pane has every page; the image and its boxes are the first page's
    for lines in SCAN_PAGES:
        assert lines[0] in view.text.toPlainText()
    first = result.pages[0]
    assert _pixmap_size(view) == (first.width, first.height)
    assert [w.text for w in first.words()] == [i.text for i in view.overlay.words]

    view.pages.next_btn.click()
    second = result.pages[1]
    qtbot.waitUntil(lambda: view.overlay._pixmap_item is not None, timeout=10000)
    assert view.pages.label.text() == "Page 2 of 3"
    assert [w.text for w in second.words()] == [i.text for i in view.overlay.words]
    assert _pixmap_size(view) == (second.width, second.height)

    # selecting words of the third page in the pane brings that page, with them selected
    select_in_pane(view, "the end")  # "the end of the report", the third page's
    qtbot.waitUntil(
        lambda: view.pages.index == 2 and view.overlay.selected_indices() != [], timeout=10000
    )
    words = result.pages[2].words()
    assert [words[i].text for i in view.overlay.selected_indices()] == ["the", "end"]
    assert view.selected_words_text() == "the end"
    # and back with the keyboard
    view.pages.go(0)
    assert view.pages.label.text() == "Page 1 of 3"


def test_barcodes_on_the_image_and_in_the_text(qtbot, window, tmp_path: Path) -> None:
    data, (x, y, size) = label_png()
    path = tmp_path / "label.png"
    path.write_bytes(data)
    _job, view = _show(qtbot, window, path)
    assert view.pages.isHidden()  # one page: no switcher
    frames = [i for i in view.overlay.codes if URL in i.toolTip()]
    assert frames, "the QR code is marked on the image"
    box = frames[0].boundingRect()
    assert abs(box.left() - x) <= 10 and abs(box.top() - y) <= 10
    assert abs(box.width() - size) <= 16
    text = view.text.toPlainText()
    assert text.startswith("Order 4711") and text.endswith(f"[QR Code] {URL}")
    assert view.revert_btn.isHidden()  # the code's line is part of the recognised text
    view.copy_all()
    assert QGuiApplication.clipboard().text().endswith(f"[QR Code] {URL}")


def test_open_offers_pdfs(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(scanned_pdf([["One page"]]))
    filters: list[str] = []

    def pick(_parent, _title, _start, filter_text):
        filters.append(filter_text)
        return [str(pdf)], ""

    monkeypatch.setattr("app.gui.window_input.QFileDialog.getOpenFileNames", pick)
    window.open_files()
    assert "*.pdf" in filters[0].split(";;")[0]
    (job,) = wait_jobs(qtbot, window, 1)
    assert job.status == "succeeded" and "One page" in job.text


def test_rerun_keeps_the_jobs_options_and_offers_barcodes_and_pdf_text(
    qtbot, window, tmp_path: Path
) -> None:
    from dataclasses import replace

    def final(job_id: str):
        qtbot.waitUntil(lambda: window.manager.get(job_id).is_final, timeout=30000)
        return window.manager.get(job_id)

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(scanned_pdf([["Only page here"]]))
    window.settings.setValue("ocr/barcodes", False)  # as Settings stores them
    window.settings.setValue("ocr/pdf_text", "ocr")
    window.add_paths([pdf])
    (job,) = wait_jobs(qtbot, window, 1)
    assert (job.options.barcodes, job.options.pdf_text) == (False, "ocr")
    # a text mode, as the API or the CLI may give a job (the panel does not show it)
    shown = final(window.manager.retry(job.id, replace(job.options, text_mode="paragraphs")).id)
    window.select_job(shown.id)
    view = window.result_view
    qtbot.waitUntil(lambda: view.job is not None and view.job.id == shown.id, timeout=5000)
    assert not view.barcodes_box.isChecked() and view.pdf_text_combo.isVisibleTo(view)
    assert view.pdf_text_combo.currentData() == "ocr"
    view.barcodes_box.setChecked(True)
    view.pdf_text_combo.setCurrentIndex(view.pdf_text_combo.findData("embedded"))
    view.rerun_btn.click()
    qtbot.waitUntil(lambda: view.job is not None and view.job.id != shown.id, timeout=5000)
    new = final(view.job.id)
    assert (new.options.barcodes, new.options.pdf_text) == (True, "embedded")
    assert new.options.text_mode == "paragraphs"  # kept, not reset to the default
    # Retry (Ctrl+R) runs it again as it was
    window.retry_selected()
    qtbot.waitUntil(lambda: view.job is not None and view.job.id != new.id, timeout=5000)
    assert final(view.job.id).options == new.options


def test_another_job_after_a_later_page_shows_its_own_first_page(
    qtbot, window, tmp_path: Path
) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(scanned_pdf())
    job, view = _show(qtbot, window, pdf)
    view.pages.go(2)
    qtbot.waitUntil(lambda: view.overlay._pixmap_item is not None, timeout=10000)
    data, _ = label_png()
    label = tmp_path / "label.png"
    label.write_bytes(data)
    window.add_paths([label])  # a new job: selected as it comes in, shown as it finishes
    qtbot.waitUntil(
        lambda: view.job is not None and view.job.id != job.id and view.result is not None,
        timeout=30000,
    )
    qtbot.waitUntil(lambda: view.overlay._pixmap_item is not None, timeout=10000)
    assert view.page_index == 0 and view.pages.isHidden()
    assert [i.text for i in view.overlay.words][:2] == ["Order", "4711"]


def test_page_image_of_a_deleted_input_is_null(qapp, tmp_path: Path) -> None:
    """A job deleted while its image loads: an empty page, not an error in the loader."""
    from app.gui.pages import page_image

    assert page_image(tmp_path / "gone" / "input_0", 0).isNull()


def _top_position(view) -> int:
    """The text position at the top left of the pane's visible area."""
    from PySide6.QtCore import QPoint

    return view.text.cursorForPosition(QPoint(2, 2)).position()


def test_switching_pages_brings_the_pages_text_into_view(qtbot, window, tmp_path: Path) -> None:
    pages = [
        [*lines, "some more words", "and another line", "then the closing words"]
        for lines in SCAN_PAGES
    ]  # five lines a page
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(scanned_pdf(pages))
    _job, view = _show(qtbot, window, pdf)
    view.text.setFixedHeight(70)  # a few lines: the pages' text does not fit
    qtbot.waitUntil(lambda: view.text.verticalScrollBar().maximum() > 0, timeout=5000)
    text = view.text.toPlainText()
    second, third = text.index(SCAN_PAGES[1][0]), text.index(SCAN_PAGES[2][0])
    assert _top_position(view) < second

    view.pages.next_btn.click()
    assert view.pages.label.text() == "Page 2 of 3"
    assert second <= _top_position(view) < third
    view.pages.next_btn.click()  # the last page: as far as the pane scrolls, its start in view
    at = view.text.textCursor()
    at.setPosition(third)
    assert _top_position(view) > second
    assert 0 <= view.text.cursorRect(at).top() < view.text.viewport().height()
    view.pages.go(0)
    assert _top_position(view) < second

    # a selection low on page 2, scrolled to the top of the pane while page 1 is shown, brings
    # its page without moving the pane (no jump to the page's first line)
    closing = text.index("then the closing", second)  # page 2's last line
    line = view.text.document().findBlock(closing).firstLineNumber()
    view.text.verticalScrollBar().setValue(line)
    assert view.pages.index == 0 and _top_position(view) == closing
    select_in_pane(view, "then the closing words\n\nThird")
    qtbot.waitUntil(lambda: view.pages.index == 1, timeout=10000)
    assert _top_position(view) == closing
    caret = view.text.cursorRect()
    assert caret.top() >= 0 and caret.bottom() <= view.text.viewport().height()
