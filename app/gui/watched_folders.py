"""Settings → Watched folders: a list with Add… and Remove (the list only; the window's
IndexControl applies it)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WatchedFolders(QWidget):
    def __init__(self, folders: list[str], suggested: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggested = suggested
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Watched folders"))
        self.list.setMinimumHeight(48)
        self.list.setMaximumHeight(76)
        self.list.addItems(folders)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("A&dd folder…"))
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self.tr("Remo&ve"))
        self.remove_button.clicked.connect(self._remove)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)

    def folders(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def add(self, folder: str) -> None:
        if folder and folder not in self.folders():
            self.list.addItem(folder)

    def _add(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Watch a folder"), self.suggested)
        self.add(folder)

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
