"""One dialog for "Export selected": the format and the folder together."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.core.options import OUTPUT_FORMATS


class ExportDialog(QDialog):
    """Asks for the format and the folder of a batch export; OK only with an existing folder."""

    def __init__(self, folder: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export %n job(s)", "", count))
        form = QFormLayout(self)
        self.format_combo = QComboBox()
        self.format_combo.addItems(list(OUTPUT_FORMATS))
        self.format_combo.setAccessibleName(self.tr("Format"))
        form.addRow(self.tr("&Format:"), self.format_combo)
        row = QHBoxLayout()
        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setAccessibleName(self.tr("Folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("F&older:"), row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.folder_edit.textChanged.connect(self._check)
        self._check()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export into folder"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def _check(self) -> None:
        ok = self.folder_edit.text().strip() != "" and Path(self.folder_edit.text()).is_dir()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def choice(self) -> tuple[str, Path]:
        return self.format_combo.currentText(), Path(self.folder_edit.text().strip())

    @staticmethod
    def ask(folder: str, count: int, parent: QWidget | None = None) -> tuple[str, Path] | None:
        dialog = ExportDialog(folder, count, parent)
        try:
            return dialog.choice() if dialog.exec() else None
        finally:
            dialog.deleteLater()  # see MainWindow.open_settings: no double delete at exit
