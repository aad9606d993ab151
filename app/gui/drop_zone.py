"""The empty state: a big drop target that says what to do."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.icons import icon
from app.gui.ingest import accepts


class DropZone(QFrame):
    """Emits ``dropped(QMimeData)``; its buttons emit open/paste/capture requests."""

    dropped = Signal(QMimeData)
    open_requested = Signal()
    paste_requested = Signal()
    capture_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.setAccessibleName(self.tr("Drop zone"))
        self.setProperty("hover", False)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        art = QLabel()
        art.setPixmap(icon("drop").pixmap(72, 72))
        art.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(art)
        title = QLabel(self.tr("Drop images here, paste with Ctrl+V, or capture a screen region"))
        title.setObjectName("dropTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        layout.addWidget(title)
        sub = QLabel(
            self.tr(
                "PNG, JPEG, WebP, TIFF, BMP, GIF and PDF · several files or whole folders "
                "at once · text stays on this computer"
            )
        )
        sub.setObjectName("hint")
        sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sub.setWordWrap(True)
        layout.addWidget(sub)
        buttons = QHBoxLayout()
        buttons.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for text, name, sig in (
            (self.tr("Open images…"), "open", self.open_requested),
            (self.tr("Paste"), "paste", self.paste_requested),
            (self.tr("Capture region"), "capture", self.capture_requested),
        ):
            btn = QPushButton(icon(name), text)
            btn.setMinimumHeight(34)
            btn.clicked.connect(sig.emit)
            buttons.addWidget(btn)
        layout.addSpacing(12)
        layout.addLayout(buttons)

    def _set_hover(self, on: bool) -> None:
        self.setProperty("hover", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if accepts(event.mimeData()):
            event.acceptProposedAction()
            self._set_hover(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if accepts(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: object) -> None:  # type: ignore[override]
        self._set_hover(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hover(False)
        if accepts(event.mimeData()):
            event.acceptProposedAction()
            self.dropped.emit(event.mimeData())
        else:
            event.ignore()
