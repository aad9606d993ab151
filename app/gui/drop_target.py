"""Drag and drop of images, files and folders onto a widget (the window, the empty state's drop
zone): what ``ingest.accepts`` takes is accepted, a style property marks the widget while it is
dragged over (the theme draws it), and the drop is handed to ``take_drop``."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from app.gui.ingest import accepts


class DropTarget:
    """A mixin placed before the Qt class: ``class DropZone(DropTarget, QFrame)``."""

    #: The style property set to true while something acceptable is dragged over.
    DROP_PROPERTY = "dropping"

    def drop_feedback_widget(self) -> QWidget:
        """The widget whose style shows the drag (the target itself unless it says otherwise)."""
        assert isinstance(self, QWidget)
        return self

    def take_drop(self, mime: QMimeData) -> None:
        raise NotImplementedError

    def _show_drag(self, on: bool) -> None:
        widget = self.drop_feedback_widget()
        if widget.property(self.DROP_PROPERTY) != on:
            widget.setProperty(self.DROP_PROPERTY, on)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if accepts(event.mimeData()):
            event.acceptProposedAction()
            self._show_drag(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if accepts(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._show_drag(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._show_drag(False)
        if accepts(event.mimeData()):
            event.acceptProposedAction()
            self.take_drop(event.mimeData())
        else:
            event.ignore()
