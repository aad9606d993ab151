"""The result view's widgets: the image with its box and zoom controls and legend, the text
pane with its buttons, and the Re-run panel; their signals connected, their shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.elided_label import ElidedLabel
from app.gui.engine_names import engine_labels
from app.gui.icons import icon
from app.gui.no_text_notice import NoTextNotice
from app.gui.option_labels import pdf_text_labels, psm_labels
from app.gui.overlay_view import BLOCK, LINE, WORD, OverlayView
from app.gui.pages import PageSwitcher
from app.gui.receipt_panel import ReceiptPanel
from app.gui.result_base import ResultPart
from app.gui.selection import ImageActions


def _legend_chip(color: str, text: str) -> QLabel:
    safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    label = QLabel(f'<span style="color:{color}; font-size:14px">■</span> {safe}')
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class ResultLayoutPart(ResultPart):
    """Builds the view's widgets (``_build``, once, from ``ResultView.__init__``)."""

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
