"""Questions asked before something cannot be taken back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConfirmDelete", text)


def confirm_delete(parent: QWidget, jobs: list[Any]) -> bool:
    """Deleting removes the stored image and result for good: ask first (Delete is not the
    default button, so a second press of Enter does not delete)."""
    if len(jobs) == 1:
        text = _tr("Delete “%1” and its stored image and text?").replace("%1", jobs[0].display_name)
    else:
        text = _tr("Delete %1 jobs and their stored images and text?").replace("%1", str(len(jobs)))
    answer = QMessageBox.question(
        parent,
        _tr("Delete"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
