"""The main window's input: drop, paste, open, and the options new jobs get."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app import settings as S
from app.core.imageio import IMAGE_EXTENSIONS
from app.core.job import Job
from app.core.options import OcrOptions
from app.gui.drop_target import DropTarget
from app.gui.ingest import accepts, inputs_from_mime
from app.gui.window_base import WindowPart


class InputPart(DropTarget, WindowPart):
    """Turns drops, pastes and opened files into jobs."""

    def current_options(self) -> OcrOptions:
        return S.ocr_options(self.settings)

    def handle_mime(self, mime: QMimeData, prefix: str = "dropped") -> bool:
        sources = inputs_from_mime(mime, prefix)
        if not sources:
            if sources.remote:
                self._on_problem(
                    self.tr(
                        "Only local files or image data can be added; "
                        "save the image from the browser first."
                    )
                )
            else:
                self._on_problem(
                    self.tr("Nothing to recognise there: drop image files, folders or image data.")
                )
            return False
        self._select_next = True
        self.ingestor.add(sources, self.current_options())
        self.statusBar().showMessage(self.tr("Adding…"), 2000)
        return True

    def add_paths(self, paths: list[str | Path]) -> None:
        self._select_next = True
        self.ingestor.add_paths(list(paths), self.current_options())

    def open_files(self) -> None:
        last = str(S.get(self.settings, S.EXPORT_LAST_DIR)) or str(Path.home())
        patterns = " ".join(f"*{ext}" for ext in IMAGE_EXTENSIONS)  # PDF too
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Open images"),
            str(self.settings.value("open/last_dir", last)),
            self.tr("Images and PDFs (%s);;All files (*)") % patterns,
        )
        if paths:
            self.settings.setValue("open/last_dir", str(Path(paths[0]).parent))
            self.add_paths(list(paths))

    def paste_from_clipboard(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not accepts(mime):
            self.statusBar().showMessage(
                self.tr("The clipboard holds no image or image files"), 5000
            )
            return False
        return self.handle_mime(mime, prefix="pasted")

    def drop_feedback_widget(self) -> QWidget:
        """A dashed accent frame around the window's content while something is dragged over."""
        return self._central

    def take_drop(self, mime: QMimeData) -> None:
        self.handle_mime(mime)

    def _on_submitted(self, job: Job) -> None:
        if self._select_next:
            self._select_next = False
            self.select_job(job.id)
