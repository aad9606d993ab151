"""The result of one job: overlay preview, text pane, stats, re-run options.

This module shows a job (its status, its pages, its image loaded off the GUI thread) and asks
for re-runs; ``result_layout`` builds the widgets, ``result_text`` keeps the text pane, and
``result_base`` has what the parts share (signals, widgets, state)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QWidget

from app.core.history import retry_can_help
from app.core.job import SUCCEEDED, Job
from app.core.model import OcrResult, Page
from app.core.options import RECEIPT_OPERATION, OcrOptions
from app.core.receipt import Receipt
from app.gui.edits import EditKeeper
from app.gui.engine_names import engine_name
from app.gui.messages import error_text, language_name, status_word
from app.gui.option_labels import pdf_text_labels, psm_labels
from app.gui.pages import page_image
from app.gui.result_base import ResultBase
from app.gui.result_layout import ResultLayoutPart
from app.gui.result_text import ResultTextPart
from app.gui.text_map import TextMap

__all__ = ["ResultView", "pdf_text_labels", "psm_labels"]


class _ImageSignals(QObject):
    done = Signal(str, int, QImage)  # job id, generation, image


class _ImageLoader(QRunnable):
    def __init__(
        self, path: Path, page: int, job_id: str, gen: int, signals: _ImageSignals
    ) -> None:
        super().__init__()
        self.path, self.page, self.job_id, self.gen = path, page, job_id, gen
        self.signals = signals

    def run(self) -> None:
        self.signals.done.emit(self.job_id, self.gen, page_image(self.path, self.page))


class ResultView(ResultLayoutPart, ResultTextPart, ResultBase):
    """The result of one job (see ``ResultBase`` for its signals): this part shows a job, its
    pages and its image, and asks for re-runs; ``ResultLayoutPart`` builds the widgets and
    ``ResultTextPart`` keeps the text pane."""

    def __init__(
        self, store: Any, languages: list[str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.job: Job | None = None
        self.result: OcrResult | None = None
        self.map = TextMap()
        self._edited = False
        self.edits = EditKeeper(store, self)
        self.edits.failed.connect(self.message)
        self._syncing = False
        self._query = ""
        self._shown_status = ""
        self._gen = 0
        self.page_index = 0  # the page shown (of a PDF or multi-page TIFF)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._img_signals = _ImageSignals(self)
        self._img_signals.done.connect(self._on_image)
        self._build(languages or ["eng"])
        self.show_job(None)

    # -- showing a job ---------------------------------------------------------------------
    def show_job(self, job: Job | None) -> None:
        """Shows ``job`` (None: nothing). Loads the result model and the image."""
        same = job is not None and self.job is not None and job.id == self.job.id
        self.edits.flush()  # an edit of the job shown so far is kept before anything changes
        self.job = job
        if job is None:
            self.title.setText(self.tr("No job selected"))
            self.status.clear()
            self.error_banner.hide()
            self.no_text.show_for(None)
            self._set_result(None)
            self.overlay.set_page(None, None)
            self.image_actions.set_job(None, False)
            self._shown_status = ""
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self.title.setText(job.display_name)
        self.status.setText(self._status_line(job))
        if job.error:
            self.error_banner.setText(
                self.tr("This job failed: %1").replace("%1", error_text(job.error, len(job.inputs)))
            )
            self.error_banner.show()
        else:
            self.error_banner.hide()
        self.lang_combo.setCurrentText(job.options.language)
        idx = self.psm_combo.findData(job.options.psm)
        self.psm_combo.setCurrentIndex(max(0, idx))
        self.orient_box.setChecked(job.options.detect_orientation)
        self.engine_combo.setCurrentIndex(max(0, self.engine_combo.findData(job.options.engine)))
        self.barcodes_box.setChecked(job.options.barcodes)
        self.pdf_text_combo.setCurrentIndex(
            max(0, self.pdf_text_combo.findData(job.options.pdf_text))
        )
        self.pdf_text_combo.setVisible(any(i.format == "pdf" for i in job.inputs))
        can_retry = retry_can_help(job)
        self.rerun_btn.setEnabled(can_retry)
        self.rerun_btn.setToolTip(
            "" if can_retry else self.tr("This image cannot be read: running it again cannot help")
        )
        if same and self._shown_status == job.status:
            return  # a progress update: labels only
        self._shown_status = job.status
        self.no_text.show_for(job)
        result = None
        receipt = None
        if job.status == SUCCEEDED and job.inputs and not job.inputs[0].error:
            try:
                stored = self.store.load_result(job.id, 0)
                result = OcrResult.from_storage(stored) if stored else None
                if stored and stored.get("receipt") is not None:
                    receipt = Receipt.from_dict(stored["receipt"])
            except (OSError, ValueError, KeyError, TypeError) as exc:
                self.error_banner.setText(self.tr("Cannot read the stored result: %s") % exc)
                self.error_banner.show()
        self._set_result(result)
        self.receipt_panel.set_receipt(receipt, can_parse=result is not None)
        if not same:
            is_receipt = job.operation == RECEIPT_OPERATION
            self.tabs.setCurrentWidget(self.receipt_panel if is_receipt else self.text)
        elif receipt is not None:
            self.tabs.setCurrentWidget(self.receipt_panel)
        self._load_page()

    def show_page(self, index: int) -> None:
        """Shows page ``index`` (0-based) of a multi-page result: its image and boxes."""
        if self.result is None or not 0 <= index < len(self.result.pages):
            return
        if self.pages.index != index:
            self.pages.go(index)  # the switcher's page_changed brings it back here
            return
        self.page_index = index
        self._reveal_page_text(index)
        self._load_page()

    def _reveal_page_text(self, index: int) -> None:
        """Scrolls the pane so that page ``index``'s text starts at its top, unless the
        selection (which may have brought the page) is on that page already."""
        starts = self.map.page_starts
        if self._edited or not self.map.words or index >= len(starts):
            return
        cursor = self.text.textCursor()
        caret = self.map.words_in_range(cursor.selectionStart(), cursor.selectionEnd())
        if caret and cursor.hasSelection() and self.map.page_of(caret[0]) == index:
            return
        # a QPlainTextEdit scrolls by lines: its scroll bar's value is the top line's number
        block = self.text.document().findBlock(self.map.spans[starts[index]][0])
        self.text.verticalScrollBar().setValue(block.firstLineNumber())

    def shown_page(self) -> Page | None:
        return self.result.pages[self.page_index] if self.result is not None else None

    def _load_page(self) -> None:
        job = self.job
        if job is None:
            return
        self._put_page(None)
        self.image_actions.set_job(job.id, False)  # until the image is loaded
        if job.inputs:
            self._gen += 1
            path = self.store.input_path(job.id, 0)
            self._pool.start(
                _ImageLoader(path, self.page_index, job.id, self._gen, self._img_signals)
            )

    def _put_page(self, pixmap: QPixmap | None) -> None:
        """The shown page's image (None: not loaded yet) with its boxes and barcodes."""
        self.overlay.set_page(pixmap, self.shown_page())
        codes = self.result.barcodes if self.result is not None else []
        self.overlay.set_barcodes(
            [(c.bbox, f"{c.format}: {c.text}") for c in codes if c.page == self.page_index + 1]
        )

    def _status_line(self, job: Job) -> str:
        parts = [status_word(job.status)]
        if job.duration is not None:
            parts.append(
                self.tr("%1 s").replace("%1", QLocale().toString(job.duration, ord("f"), 1))
            )
        parts.append("+".join(language_name(c) for c in job.options.language.split("+")))
        if job.engine:
            parts.append(engine_name(job.engine))
        if job.cached:
            parts.append(self.tr("cached"))
        return " · ".join(parts)

    def _on_image(self, job_id: str, gen: int, image: QImage) -> None:
        if self.job is None or job_id != self.job.id or gen != self._gen:
            return
        pixmap = QPixmap.fromImage(image) if not image.isNull() else None
        # Recognise selection and turning read the stored image: only for a one-page input
        one_page = self.result is None or len(self.result.pages) == 1
        self.image_actions.set_job(job_id, pixmap is not None and one_page)
        self._put_page(pixmap)
        self._apply_search()
        if self.text.textCursor().hasSelection():
            self._on_text_selection()  # the selection in the pane that brought this page
        self._on_threshold(self.threshold.value())
        for level, box in self.level_boxes.items():
            self.overlay.set_level_visible(level, box.isChecked())

    def _set_result(self, result: OcrResult | None) -> None:
        self.result = result
        self.page_index = 0  # a result opens on its first page
        self.pages.set_count(len(result.pages) if result else 1)
        self.map = TextMap.build(*result.pages) if result else TextMap()
        self._syncing = True
        edit = self.edits.load(self.job.id, 0) if self.job is not None else None
        if self.job is None or self.job.status != SUCCEEDED:
            self.text.clear()
            edit = None
        else:
            self.text.setPlainText(edit if edit is not None else self.ocr_text())
        self._syncing = False
        self._set_edited(edit is not None and edit != self.ocr_text())
        self._apply_search()

    # -- the receipt panel's and the Re-run panel's requests ----------------------------------
    def _parse_receipt(self) -> None:
        if self.job is not None:
            self.receipt_requested.emit(self.job.id)

    def _show_boxes(self, boxes: list) -> None:
        """Selects the words read at ``boxes`` (a receipt field's evidence) in the overlay."""
        if self.result is None:
            return
        page = self.shown_page()
        wanted = {tuple(b) for b in boxes}
        indices = [i for i, w in enumerate(page.words() if page else []) if tuple(w.bbox) in wanted]
        self._syncing = True  # showing is not selecting: no copy, no text selection
        self.overlay.select_words(indices)
        self._syncing = False

    def current_options(self) -> OcrOptions:
        """The shown job's options as the Re-run panel changes them (the others, such as
        the text mode, stay the job's)."""
        base = self.job.options if self.job else OcrOptions()
        return replace(
            base,
            language=self.lang_combo.currentText().strip() or "eng",
            detect_orientation=self.orient_box.isChecked(),
            psm=str(self.psm_combo.currentData() or "auto"),
            engine=str(self.engine_combo.currentData() or "auto"),
            barcodes=self.barcodes_box.isChecked(),
            pdf_text=str(self.pdf_text_combo.currentData() or "auto"),
        )

    def _rerun_with(self, options: OcrOptions) -> None:
        if self.job is not None:
            self.rerun_requested.emit(self.job.id, options)

    def _rerun(self) -> None:
        if self.job is not None:
            self.rerun_requested.emit(self.job.id, self.current_options())
