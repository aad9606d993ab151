"""What the result view's parts (app/gui/result_*.py) share: its signals, its widgets and the
state of the job shown. ``ResultView`` puts the parts together."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QLabel,
        QPlainTextEdit,
        QPushButton,
        QSlider,
        QSplitter,
        QTabWidget,
    )

    from app.core.job import Job
    from app.core.model import OcrResult
    from app.core.options import OcrOptions
    from app.gui.edits import EditKeeper
    from app.gui.no_text_notice import NoTextNotice
    from app.gui.overlay_view import OverlayView
    from app.gui.pages import PageSwitcher
    from app.gui.receipt_panel import ReceiptPanel
    from app.gui.selection import ImageActions
    from app.gui.text_map import TextMap


class ResultBase(QWidget):
    """Shows a job; ``rerun_requested(job_id, OcrOptions)`` asks for a new run and
    ``receipt_requested(job_id)`` for the same job parsed as a receipt. (The state the parts
    share is set up by ``ResultView.__init__`` and the layout part's ``_build``.)"""

    rerun_requested = Signal(str, object)
    receipt_requested = Signal(str)
    table_requested = Signal()  # "Copy as table"
    message = Signal(str)

    store: Any
    job: Job | None
    result: OcrResult | None
    map: TextMap
    edits: EditKeeper
    page_index: int  # the page shown (of a PDF or multi-page TIFF)
    _edited: bool
    _syncing: bool
    _query: str

    # the widgets (result_layout)
    overlay: OverlayView
    title: QLabel
    status: QLabel
    error_banner: QLabel
    no_text: NoTextNotice
    splitter: QSplitter
    level_boxes: dict[str, QCheckBox]
    threshold: QSlider
    threshold_label: QLabel
    zoom_label: QLabel
    pages: PageSwitcher
    image_actions: ImageActions
    text: QPlainTextEdit
    receipt_panel: ReceiptPanel
    tabs: QTabWidget
    stats: QLabel
    copy_selection_btn: QPushButton
    copy_btn: QPushButton
    table_btn: QPushButton
    revert_btn: QPushButton
    lang_combo: QComboBox
    psm_combo: QComboBox
    engine_combo: QComboBox
    orient_box: QCheckBox
    barcodes_box: QCheckBox
    pdf_text_combo: QComboBox
    rerun_btn: QPushButton
    copy_all_action: QAction

    if TYPE_CHECKING:  # defined by the parts; declared here so that each part type-checks
        # result_view
        def show_page(self, index: int) -> None: ...
        def _parse_receipt(self) -> None: ...
        def _show_boxes(self, boxes: list) -> None: ...
        def _rerun_with(self, options: OcrOptions) -> None: ...
        def _rerun(self) -> None: ...

        # result_text
        def revert_edit(self) -> None: ...
        def _on_threshold(self, value: int) -> None: ...
        def _on_text_changed(self) -> None: ...
        def _on_text_selection(self) -> None: ...
        def _on_box_selection(self, local: list[int]) -> None: ...
        def copy_selected_words(self) -> None: ...
        def copy_all(self) -> None: ...


#: The base of each part of the result view: ``ResultBase`` to the type checker (so a part sees the
#: others' attributes), ``object`` at run time (the parts are mixins of the one Qt class).
if TYPE_CHECKING:
    ResultPart = ResultBase
else:
    ResultPart = object
