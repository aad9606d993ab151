"""The "No text found" notice of a job that read nothing, with what may help as buttons."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.job import Job
from app.core.no_text import found_no_text, remedies
from app.gui.engine_names import engine_name


class NoTextNotice(QFrame):
    """Shown for a job that succeeded without text; ``rerun(options)`` asks for another run."""

    rerun = Signal(object)  # OcrOptions

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noTextNotice")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self._layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_for(self, job: Job | None) -> None:
        """Visible with fitting remedies when ``job`` read no text, hidden otherwise."""
        for btn in self.buttons:
            self._layout.removeWidget(btn)
            btn.deleteLater()
        self.buttons = []
        if job is None or not found_no_text(job):
            self.hide()
            return
        found, helps = self.tr("No text found"), self.tr("What may help:")
        self.label.setText(f"<b>{found}</b> · {helps}")
        for remedy in remedies(job.options, job.engine):
            btn = QPushButton(self._label(remedy.key, remedy.options.engine))
            btn.setObjectName(f"noText-{remedy.key}")
            btn.clicked.connect(lambda _c=False, opts=remedy.options: self.rerun.emit(opts))
            self._layout.addWidget(btn)
            self.buttons.append(btn)
        self.show()

    def _label(self, key: str, engine: str) -> str:
        if key == "engine":
            return self.tr("Try %1").replace("%1", engine_name(engine))
        if key == "sparse":
            return self.tr("Sparse text")
        return self.tr("Detect orientation")
