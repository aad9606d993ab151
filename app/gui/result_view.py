"""The result of one job: overlay preview, text pane, stats, re-run options."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPixmap,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import settings as S
from app.core.history import retry_can_help
from app.core.job import SUCCEEDED, Job
from app.core.model import OcrResult, Page
from app.core.options import PSM_PRESETS, RECEIPT_OPERATION, OcrOptions
from app.core.receipt import Receipt
from app.core.textmode import TEXT_MODES, result_text, with_barcode_lines
from app.gui.edits import EditKeeper
from app.gui.elided_label import ElidedLabel
from app.gui.engine_names import engine_labels, engine_name
from app.gui.icons import icon
from app.gui.messages import error_text, language_name, status_word
from app.gui.no_text_notice import NoTextNotice
from app.gui.overlay_view import BLOCK, HIT_COLOR, LINE, WORD, OverlayView
from app.gui.pages import PageSwitcher, page_image
from app.gui.receipt_panel import ReceiptPanel
from app.gui.search_hits import find_hits, hit_words
from app.gui.selection import ImageActions
from app.gui.text_map import TextMap


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


def _legend_chip(color: str, text: str) -> QLabel:
    safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    label = QLabel(f'<span style="color:{color}; font-size:14px">■</span> {safe}')
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class ResultView(QWidget):
    """Shows a job; ``rerun_requested(job_id, OcrOptions)`` asks for a new run and
    ``receipt_requested(job_id)`` for the same job parsed as a receipt."""

    rerun_requested = Signal(str, object)
    receipt_requested = Signal(str)
    table_requested = Signal()  # "Copy as table"
    message = Signal(str)

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

    # -- layout ----------------------------------------------------------------------------
    def _build(self, languages: list[str]) -> None:
        self.overlay = OverlayView()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)

        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("resultTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("resultStatus")
        head.addWidget(self.title, 1)
        head.addWidget(self.status)
        outer.addLayout(head)

        self.error_banner = QLabel()
        self.error_banner.setObjectName("errorBanner")
        self.error_banner.setWordWrap(True)
        self.error_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_banner.hide()
        outer.addWidget(self.error_banner)
        self.no_text = NoTextNotice()
        self.no_text.rerun.connect(self._rerun_with)
        outer.addWidget(self.no_text)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(self.splitter, 1)

        # Left: overlay with its controls.
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.level_boxes: dict[str, QCheckBox] = {}
        for level, text in (
            (WORD, self.tr("&Words")),
            (LINE, self.tr("&Lines")),
            (BLOCK, self.tr("&Blocks")),
        ):
            box = QCheckBox(text)
            box.setChecked(level == WORD)
            box.setAccessibleName(self.tr("Show %s boxes") % level)
            box.toggled.connect(lambda on, lv_=level: self.overlay.set_level_visible(lv_, on))
            self.level_boxes[level] = box
            bar.addWidget(box)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Highlight below")))
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setRange(0, 100)
        self.threshold.setValue(60)
        self.threshold.setMaximumWidth(140)
        self.threshold.setAccessibleName(self.tr("Low-confidence threshold"))
        self.threshold.setToolTip(self.tr("Words below this confidence are highlighted in red"))
        self.threshold_label = QLabel()
        self.threshold_label.setMinimumWidth(80)
        bar.addWidget(self.threshold)
        bar.addWidget(self.threshold_label)
        bar.addStretch(1)
        self.zoom_label = QLabel()
        bar.addWidget(self.zoom_label)
        for text, tip, slot in (
            ("−", self.tr("Zoom out"), lambda: self.overlay.zoom_by(0.8)),
            ("+", self.tr("Zoom in"), lambda: self.overlay.zoom_by(1.25)),
            (self.tr("Fit"), self.tr("Fit to window (Ctrl+0)"), lambda: self.overlay.fit()),
            ("1:1", self.tr("Actual size (Ctrl+1)"), lambda: self.overlay.actual_size()),
        ):
            btn = QToolButton()
            btn.setText(text)
            btn.setToolTip(tip)
            btn.setAccessibleName(tip)
            btn.setAutoRaise(True)
            btn.clicked.connect(slot)
            bar.addWidget(btn)
        lv.addLayout(bar)
        self.overlay.setFrameShape(QFrame.Shape.StyledPanel)
        lv.addWidget(self.overlay, 1)
        legend = QHBoxLayout()
        legend.addWidget(_legend_chip("#2ea043", self.tr("≥ 85 %")))
        legend.addWidget(_legend_chip("#db9600", self.tr("60–85 %")))
        legend.addWidget(_legend_chip("#d63434", self.tr("< 60 %")))
        legend.addWidget(_legend_chip("#3078e6", self.tr("selected")))
        legend.addSpacing(12)
        hint = ElidedLabel(
            self.tr("Drag to select words · wheel to zoom · middle button or Space+drag to pan")
        )
        hint.setObjectName("hint")
        # the image actions keep their room; the hint gives way, ending in "…"
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        legend.addWidget(hint, 1)
        # the pages of a PDF or TIFF: beside the image actions, where the hint gives way
        self.pages = PageSwitcher()
        self.pages.page_changed.connect(self.show_page)
        legend.addWidget(self.pages)
        self.image_actions = ImageActions(self.overlay, self)
        for act in (
            self.image_actions.crop_action,
            self.image_actions.rotate_left_action,
            self.image_actions.rotate_right_action,
        ):
            btn = QToolButton()
            btn.setDefaultAction(act)
            btn.setAutoRaise(True)
            legend.addWidget(btn)
        lv.addLayout(legend)
        left.setMinimumWidth(240)  # explicit minimums: small screens clip the bars, not the window
        self.splitter.addWidget(left)

        # Right: text pane, stats, re-run.
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Recognised text"))
        self.text.setPlaceholderText(self.tr("The recognised text appears here."))
        self.text.setTabChangesFocus(True)
        self.receipt_panel = ReceiptPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.text, QCoreApplication.translate("ReceiptPanel", "Te&xt"))
        self.tabs.addTab(self.receipt_panel, QCoreApplication.translate("ReceiptPanel", "Rec&eipt"))
        rv.addWidget(self.tabs, 1)
        self.stats = QLabel()
        self.stats.setObjectName("stats")
        rv.addWidget(self.stats)
        stats = QHBoxLayout()
        self.copy_selection_btn = QPushButton(icon("copy"), self.tr("Copy selection"))
        self.copy_selection_btn.setToolTip(self.tr("Copy the words selected in the image"))
        self.copy_selection_btn.clicked.connect(self.copy_selected_words)
        self.copy_btn = QPushButton(icon("copy"), self.tr("&Copy"))
        self.copy_btn.setToolTip(self.tr("Copy all text (Ctrl+Shift+C)"))
        self.copy_btn.setAccessibleName(self.tr("Copy all text"))
        self.copy_btn.clicked.connect(self.copy_all)
        self.table_btn = QPushButton(icon("copy"), self.tr("Copy as &table"))
        self.table_btn.setToolTip(
            self.tr("Copy the tables in the image, for a spreadsheet or a document")
        )
        self.table_btn.clicked.connect(self.table_requested)
        self.revert_btn = QPushButton(icon("retry"), self.tr("Revert to OCR text"))
        self.revert_btn.setToolTip(self.tr("Discard your edits and show the recognised text"))
        self.revert_btn.clicked.connect(self.revert_edit)
        self.revert_btn.hide()
        stats.addStretch(1)
        stats.addWidget(self.revert_btn)
        stats.addWidget(self.copy_selection_btn)
        stats.addWidget(self.table_btn)
        stats.addWidget(self.copy_btn)
        rv.addLayout(stats)

        rerun = QFrame()
        rerun.setObjectName("rerunPanel")
        rerun.setFrameShape(QFrame.Shape.StyledPanel)
        rl = QGridLayout(rerun)
        rl.setContentsMargins(8, 6, 8, 6)
        rl.addWidget(QLabel(self.tr("Re-run with")), 0, 0)
        self.lang_combo = QComboBox()
        self.lang_combo.setEditable(True)
        self.lang_combo.setAccessibleName(self.tr("Language"))
        self.lang_combo.setToolTip(self.tr("Language packs, e.g. eng or eng+deu"))
        self.set_languages(languages)
        self.psm_combo = QComboBox()
        self.psm_combo.setAccessibleName(self.tr("Page segmentation"))
        for key, label in psm_labels(self).items():
            self.psm_combo.addItem(label, key)
        self.engine_combo = QComboBox()
        self.engine_combo.setAccessibleName(self.tr("Engine"))
        for key, label in engine_labels().items():
            self.engine_combo.addItem(label, key)
        self.orient_box = QCheckBox(self.tr("Detect &orientation"))
        self.barcodes_box = QCheckBox(self.tr("Barco&des"))
        self.barcodes_box.setToolTip(self.tr("Read barcodes and QR codes too"))
        self.pdf_text_combo = QComboBox()
        self.pdf_text_combo.setAccessibleName(self.tr("PDF text layer"))
        for key, label in pdf_text_labels().items():
            self.pdf_text_combo.addItem(label, key)
        self.rerun_btn = QPushButton(icon("retry"), self.tr("&Re-run"))
        self.rerun_btn.setAccessibleName(self.tr("Re-run this job with these options"))
        self.rerun_btn.clicked.connect(self._rerun)
        rl.addWidget(self.lang_combo, 0, 1)
        rl.addWidget(self.psm_combo, 0, 2)
        rl.addWidget(self.engine_combo, 1, 1)
        rl.addWidget(self.orient_box, 1, 2)
        rl.addWidget(self.barcodes_box, 0, 3)
        rl.addWidget(self.pdf_text_combo, 2, 1, 1, 2)
        rl.addWidget(self.rerun_btn, 1, 3)
        rl.setColumnStretch(2, 1)
        rv.addWidget(rerun)
        right.setMinimumWidth(240)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)

        self.threshold.valueChanged.connect(self._on_threshold)
        self.overlay.selection_changed.connect(self._on_box_selection)
        self.overlay.copy_requested.connect(self.copy_selected_words)
        self.overlay.zoom_changed.connect(
            lambda z: self.zoom_label.setText(f"{z * 100:.0f} %" if z else "")
        )
        self.text.selectionChanged.connect(self._on_text_selection)
        self.text.cursorPositionChanged.connect(self._on_text_selection)
        self.text.textChanged.connect(self._on_text_changed)
        self.receipt_panel.boxes_requested.connect(self._show_boxes)
        self.receipt_panel.message.connect(self.message)
        self.receipt_panel.parse_requested.connect(self._parse_receipt)

        copy_all = QAction(self.tr("Copy all text"), self)
        copy_all.setShortcut(QKeySequence("Ctrl+Shift+C"))
        copy_all.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        copy_all.triggered.connect(self.copy_all)
        self.addAction(copy_all)
        self.copy_all_action = copy_all
        for seq, slot in (
            ("Ctrl+0", self.overlay.fit),
            ("Ctrl+1", self.overlay.actual_size),
            ("Ctrl+PgUp", lambda: self.pages.go(self.pages.index - 1)),
            ("Ctrl+PgDown", lambda: self.pages.go(self.pages.index + 1)),
        ):
            act = QAction(self)
            act.setShortcut(QKeySequence(seq))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
        self._on_threshold(self.threshold.value())

    def set_languages(self, languages: list[str]) -> None:
        current = self.lang_combo.currentText()
        self.lang_combo.clear()
        self.lang_combo.addItems(languages)
        if current:
            self.lang_combo.setCurrentText(current)

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
        bar = self.text.verticalScrollBar()
        if index == 0:
            bar.setValue(0)
            return
        at = QTextCursor(self.text.document())
        at.setPosition(self.map.spans[starts[index]][0])
        bar.setValue(bar.value() + self.text.cursorRect(at).top())

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

    # -- search hits -----------------------------------------------------------------------
    def set_search(self, query: str) -> None:
        """Highlights ``query`` (the search box's) in the text pane and its words' boxes."""
        self._query = query.strip()
        self._apply_search()

    def search_hits(self) -> list[tuple[int, int]]:
        return find_hits(self.text.toPlainText(), self._query)

    def _apply_search(self) -> None:
        hits = self.search_hits()
        fmt = QTextCharFormat()
        fmt.setBackground(HIT_COLOR)
        fmt.setForeground(QColor("black"))
        marks = []
        for start, end in hits:
            mark = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            mark.cursor = cursor  # type: ignore[attr-defined]
            mark.format = fmt  # type: ignore[attr-defined]
            marks.append(mark)
        self.text.setExtraSelections(marks)
        # The boxes follow the recognised text; an edited text no longer matches them.
        hit = [] if self._edited else hit_words(self.map, hits)
        self.overlay.set_hits(self.map.on_page(hit, self.page_index))

    def ocr_text(self) -> str:
        """The recognised text of the shown job (what the pane shows unedited)."""
        if self.result is not None:
            return with_barcode_lines(self.map.text, self.result)  # as txt output ends
        return self.job.text if self.job is not None and self.job.status == SUCCEEDED else ""

    def edited_text(self) -> str | None:
        """The user's edit of the text, None when the pane shows the recognised text."""
        return self.text.toPlainText() if self._edited else None

    def text_to_copy(self) -> str:
        """What Copy puts on the clipboard: the user's edit as it is, otherwise the recognised
        text laid out as the "Copied and exported text" setting says."""
        mode = str(S.get(S.make_qsettings(), S.COPY_TEXT_MODE))
        if self._edited or self.result is None or mode not in TEXT_MODES:
            return self.text.toPlainText()
        return result_text(self.result, mode, with_barcodes=True)

    def revert_edit(self) -> None:
        """Back to the recognised text; the edit is removed from the job."""
        if self.job is None:
            return
        self.edits.revert(self.job.id, 0)
        self._syncing = True
        self.text.setPlainText(self.ocr_text())
        self._syncing = False
        self._set_edited(False)
        self.message.emit(self.tr("Reverted to the recognised text"))

    def _set_edited(self, edited: bool) -> None:
        self._edited = edited  # while edited the map no longer fits the text: box sync stops
        if edited:
            self._syncing = True
            self.overlay.select_words([])  # a selection of the old text means nothing now
            self._syncing = False
        self.revert_btn.setVisible(edited)
        self._update_stats()

    def _update_stats(self) -> None:
        text = self.text.toPlainText()
        words = len(text.split())
        parts = [
            (self.tr("1 word") if words == 1 else self.tr("%1 words").replace("%1", str(words)))
        ]
        if self.result is not None and any(p.words() for p in self.result.pages):
            parts.append(
                self.tr("mean confidence %1 %").replace("%1", f"{self.result.confidence * 100:.0f}")
            )
            low = self.overlay.low_confidence_count()
            if low:
                parts.append(self.tr("%1 below threshold").replace("%1", str(low)))
        if self._edited:
            parts.append(self.tr("edited"))
        self.stats.setText(" · ".join(parts))

    # -- interactions ----------------------------------------------------------------------
    def _on_threshold(self, value: int) -> None:
        self.overlay.set_threshold(value / 100)
        self.threshold_label.setText(f"{value} %")
        self._update_stats()

    def _on_text_changed(self) -> None:
        if self._syncing or self.job is None:
            return
        text, original = self.text.toPlainText(), self.ocr_text()
        self.edits.changed(self.job.id, 0, text, original)
        if (text != original) != self._edited:
            self._set_edited(text != original)
        elif self._edited:
            self._update_stats()
        self._apply_search()

    def _on_text_selection(self) -> None:
        if self._syncing or self._edited or not self.map.words:
            return
        cursor = self.text.textCursor()
        indices = self.map.words_in_range(cursor.selectionStart(), cursor.selectionEnd())
        if indices and self.map.page_of(indices[0]) != self.page_index:
            self.show_page(self.map.page_of(indices[0]))  # selects once the page is there
            return
        self._syncing = True
        self.overlay.select_words(self.map.on_page(indices, self.page_index))
        self._syncing = False

    def _on_box_selection(self, local: list[int]) -> None:
        if self._syncing or self._edited:
            return
        indices = self.map.of_page(local, self.page_index)
        span = self.map.range_of(indices)
        self._syncing = True
        cursor = self.text.textCursor()
        if span is None:
            cursor.clearSelection()
        else:
            cursor.setPosition(span[0])
            cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self._syncing = False
        if indices:
            QGuiApplication.clipboard().setText(self.map.text_of(indices))
            self.message.emit(
                self.tr("Copied 1 word")
                if len(indices) == 1
                else self.tr("Copied %1 words").replace("%1", str(len(indices)))
            )

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

    def selected_words_text(self) -> str:
        return self.map.text_of(self.map.of_page(self.overlay.selected_indices(), self.page_index))

    def copy_selected_words(self) -> None:
        text = self.selected_words_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.message.emit(self.tr("Copied the selected words"))

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text_to_copy())
        self.message.emit(self.tr("Copied all text"))

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


def pdf_text_labels() -> dict[str, str]:
    """Readable names of the ``pdf_text`` choices (what a PDF's own text layer is used for)."""
    return {
        "auto": QCoreApplication.translate("PdfText", "PDF text layer where there is one"),
        "ocr": QCoreApplication.translate("PdfText", "Always recognise PDF pages"),
        "embedded": QCoreApplication.translate("PdfText", "Only the PDF text layer"),
    }


def psm_labels(_ctx: QObject | None = None) -> dict[str, str]:
    """Readable names of the page segmentation presets."""
    labels = {
        "auto": QCoreApplication.translate("PageSegmentation", "Automatic layout"),
        "single_column": QCoreApplication.translate(
            "PageSegmentation", "Single column (terminals, code)"
        ),
        "single_block": QCoreApplication.translate("PageSegmentation", "Single block of text"),
        "single_line": QCoreApplication.translate("PageSegmentation", "Single line"),
        "sparse": QCoreApplication.translate("PageSegmentation", "Sparse text"),
    }
    return {k: labels.get(k, k) for k in PSM_PRESETS}
