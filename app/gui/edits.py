"""Keeps the user's edit of a job's text with the job (issue 9, defect 4).

The text pane is editable. What the user typed is saved next to the job's result
(``Store.save_edit``) a moment after the last keystroke and at once whenever the pane shows
another job or the window closes, so switching jobs or quitting loses nothing. The recognised
text stays in the result: "Revert to OCR text" removes the edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.errors import StorageError

SAVE_DELAY_MS = 400


class EditKeeper(QObject):
    """Saves edits through ``store``; ``failed(message)`` when one cannot be written."""

    failed = Signal(str)

    def __init__(self, store: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._pending: tuple[str, int, str | None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def changed(self, job_id: str, index: int, text: str, original: str) -> None:
        """The pane now holds ``text``; the same as ``original`` means no edit."""
        self._pending = (job_id, index, None if text == original else text)
        self._timer.start()

    def revert(self, job_id: str, index: int) -> None:
        self._pending = (job_id, index, None)
        self.flush()

    def load(self, job_id: str, index: int) -> str | None:
        self.flush()
        return self.store.load_edit(job_id, index)  # type: ignore[no-any-return]

    def flush(self) -> None:
        """Writes the pending edit now (before the pane shows something else)."""
        self._timer.stop()
        pending, self._pending = self._pending, None
        if pending is None:
            return
        try:
            self.store.save_edit(*pending)
        except (OSError, StorageError, ValueError) as exc:  # e.g. the job was deleted
            self.failed.emit(self.tr("Cannot keep the edited text: %s") % exc)
