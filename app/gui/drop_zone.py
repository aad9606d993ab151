"""The empty state: a big drop target that says what to do."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.drop_target import DropTarget
from app.gui.icons import icon


class DropZone(DropTarget, QFrame):
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
        self.setProperty(self.DROP_PROPERTY, False)
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

    def take_drop(self, mime: QMimeData) -> None:
        self.dropped.emit(mime)
