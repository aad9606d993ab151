"""Settings dialog, persisted with QSettings (keys in app.settings)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import autostart
from app import settings as S
from app.gui.engine_names import engine_labels
from app.gui.messages import language_name
from app.gui.option_labels import pdf_text_labels, psm_labels
from app.gui.watched_folders import WatchedFolders

# Packs people often ask for; shown with the command to install the missing ones.
COMMON_PACKS = (
    "eng", "deu", "fra", "spa", "ita", "por", "nld", "pol", "rus", "tur", "chi_sim", "jpn", "kor",
    "ara",
)  # fmt: skip
ROLE_CODE = Qt.ItemDataRole.UserRole


def install_command(code: str) -> str:
    return f"sudo apt-get install tesseract-ocr-{code.replace('_', '-').lower()}"


def api_token() -> tuple[str | None, str]:
    """The API token and where it lives, or (None, reason) when the API module is missing."""
    try:
        from app.api.security import get_token, token_path
    except ImportError:
        return None, "the local API is not available in this build"
    try:
        return get_token(), str(token_path())
    except Exception as exc:  # a broken token file must not break the dialog
        return None, str(exc)


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: QSettings,
        languages: list[str],
        has_osd: bool = True,
        api_url: str | None = None,
        parent: QWidget | None = None,
        *,
        watched: list[str] | None = None,
        suggested_folder: str = "",
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings — ImageHQ OCR"))
        self.setMinimumWidth(520)
        # The groups scroll (the buttons stay) when the screen is too short for all of them,
        # instead of Qt squeezing the language list to a row or two.
        outer = QVBoxLayout(self)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer.addWidget(scroll)

        # -- recognition -------------------------------------------------------------------
        ocr = QGroupBox(self.tr("Recognition"))
        form = QFormLayout(ocr)
        self.languages = QListWidget()
        self.languages.setAccessibleName(self.tr("Languages"))
        self.languages.setMinimumHeight(96)
        self.languages.setMaximumHeight(120)
        chosen = set(str(S.get(settings, S.OCR_LANGUAGE)).split("+"))
        for code in languages:
            item = QListWidgetItem(f"{code} — {language_name(code)}")
            item.setData(ROLE_CODE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
            self.languages.addItem(item)
        form.addRow(self.tr("&Languages:"), self.languages)
        missing = [c for c in COMMON_PACKS if c not in languages][:4]
        hint = self.tr(
            "Several languages slow recognition down. Missing one? Install its pack, e.g."
        )
        cmds = "<br>".join(f"<code>{install_command(c)}</code>" for c in missing[:2])
        self.lang_hint = QLabel(f"{hint}<br>{cmds}")
        self.lang_hint.setTextFormat(Qt.TextFormat.RichText)
        self.lang_hint.setWordWrap(True)
        self.lang_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lang_hint.setObjectName("hint")
        form.addRow("", self.lang_hint)
        self.orientation = QCheckBox(self.tr("Detect and correct &orientation"))
        self.orientation.setChecked(bool(S.get(settings, S.OCR_DETECT_ORIENTATION)))
        if not has_osd:
            self.orientation.setToolTip(self.tr("Needs the osd pack: %s") % install_command("osd"))
        form.addRow("", self.orientation)
        self.psm = QComboBox()
        self.psm.setAccessibleName(self.tr("Page segmentation"))
        for key, label in psm_labels(self).items():
            self.psm.addItem(label, key)
        self.psm.setCurrentIndex(max(0, self.psm.findData(S.get(settings, S.OCR_PSM))))
        form.addRow(self.tr("Page &segmentation:"), self.psm)
        self.engine = QComboBox()
        self.engine.setAccessibleName(self.tr("Engine"))
        for key, label in engine_labels().items():
            self.engine.addItem(label, key)
        self.engine.setCurrentIndex(max(0, self.engine.findData(S.get(settings, S.OCR_ENGINE))))
        self.engine.setToolTip(
            self.tr(
                "Automatic: Tesseract for screenshots and documents, PP-OCR for photos, "
                "receipts and labels"
            )
        )
        form.addRow(self.tr("&Engine:"), self.engine)
        self.barcodes = QCheckBox(self.tr("Read &barcodes and QR codes"))
        self.barcodes.setChecked(bool(S.get(settings, S.OCR_BARCODES)))
        form.addRow("", self.barcodes)
        self.pdf_text = QComboBox()
        self.pdf_text.setAccessibleName(self.tr("PDF pages"))
        for key, label in pdf_text_labels().items():
            self.pdf_text.addItem(label, key)
        pdf_text = self.pdf_text.findData(S.get(settings, S.OCR_PDF_TEXT))
        self.pdf_text.setCurrentIndex(max(0, pdf_text))
        form.addRow(self.tr("P&DF pages:"), self.pdf_text)
        layout.addWidget(ocr)

        # -- general -----------------------------------------------------------------------
        general = QGroupBox(self.tr("General"))
        gform = QFormLayout(general)
        self.ttl = QSpinBox()
        self.ttl.setRange(1, 720)
        self.ttl.setSuffix(self.tr(" hours"))
        self.ttl.setValue(int(S.get(settings, S.RETENTION_TTL_HOURS)))
        self.ttl.setAccessibleName(self.tr("Keep results for"))
        gform.addRow(self.tr("&Keep results for:"), self.ttl)
        self.hotkey = QKeySequenceEdit(QKeySequence(str(S.get(settings, S.CAPTURE_HOTKEY))))
        self.hotkey.setAccessibleName(self.tr("Capture hotkey"))
        gform.addRow(self.tr("Capture &hotkey:"), self.hotkey)
        self.autostart = QCheckBox(self.tr("Start ImageHQ OCR in the tray when I lo&g in"))
        self.autostart.setToolTip(
            self.tr("The capture hotkey works from the start, and the command line reads warm")
        )
        self.autostart.setChecked(autostart.is_enabled())
        gform.addRow("", self.autostart)
        self.close_to_tray = QCheckBox(self.tr("Closing the window keeps ImageHQ OCR in the &tray"))
        self.close_to_tray.setChecked(bool(S.get(settings, S.CLOSE_TO_TRAY)))
        gform.addRow("", self.close_to_tray)
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Theme"))
        for key, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(S.get(settings, S.THEME))))
        gform.addRow(self.tr("The&me:"), self.theme)
        self.capture_mode = self._text_mode_combo(settings, S.CAPTURE_TEXT_MODE)
        self.capture_mode.setAccessibleName(self.tr("Captured text"))
        gform.addRow(self.tr("Ca&ptured text:"), self.capture_mode)
        self.copy_mode = self._text_mode_combo(settings, S.COPY_TEXT_MODE)
        self.copy_mode.setAccessibleName(self.tr("Copied and exported text"))
        gform.addRow(self.tr("Copied and e&xported text:"), self.copy_mode)
        layout.addWidget(general)

        # -- API ---------------------------------------------------------------------------
        api = QGroupBox(self.tr("Local API"))
        aform = QFormLayout(api)
        self.api_enabled = QCheckBox(self.tr("Start the local &API (loopback only)"))
        self.api_enabled.setChecked(bool(S.get(settings, S.API_ENABLED)))
        aform.addRow("", self.api_enabled)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(int(S.get(settings, S.API_PORT)))
        self.port.setAccessibleName(self.tr("API port"))
        aform.addRow(self.tr("&Port:"), self.port)
        token, where = api_token()
        row = QHBoxLayout()
        self.token = QLineEdit(token or "")
        self.token.setReadOnly(True)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("API token"))
        self.token.setPlaceholderText(where if token is None else "")
        self.token.setToolTip(where)
        show = QPushButton(self.tr("Show"))
        show.setCheckable(True)
        # Bound methods, not lambdas: a lambda holding ``self`` keeps the dialog's Python
        # object alive through its own buttons' connections until the interpreter ends.
        show.toggled.connect(self._show_token)
        copy = QPushButton(self.tr("Copy"))
        copy.setAccessibleName(self.tr("Copy the API token"))
        copy.setEnabled(token is not None)
        copy.clicked.connect(self._copy_token)
        row.addWidget(self.token, 1)
        row.addWidget(show)
        row.addWidget(copy)
        aform.addRow(self.tr("Token:"), row)
        self.api_status = QLabel(
            self.tr("Running at %s") % api_url if api_url else self.tr("Not running")
        )
        self.api_status.setObjectName("hint")
        aform.addRow("", self.api_status)
        layout.addWidget(api)

        # -- screenshot indexing -------------------------------------------------------------
        self.watched: WatchedFolders | None = None
        if watched is not None:
            index = QGroupBox(self.tr("Watched folders"))
            iform = QVBoxLayout(index)
            self.watched = WatchedFolders(watched, suggested_folder)
            iform.addWidget(self.watched)
            note = QLabel(
                self.tr(
                    "Images in these folders are read in the background and found by the "
                    "search box. Suggested: %s"
                )
                % suggested_folder
            )
            note.setWordWrap(True)
            note.setObjectName("hint")
            iform.addWidget(note)
            layout.addWidget(index)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._fit(body, scroll, buttons)

    def _fit(self, body: QWidget, scroll: QScrollArea, buttons: QWidget) -> None:
        """As tall as the groups need, at most 90 % of the screen (the rest scrolls)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        want = body.sizeHint().height() + buttons.sizeHint().height() + 40
        height = min(want, int(screen.height() * 0.9)) if screen else want
        width = max(
            self.minimumWidth(),
            body.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 30,
        )
        self.resize(width, height)

    def _show_token(self, on: bool) -> None:
        self.token.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)

    def _copy_token(self) -> None:
        QGuiApplication.clipboard().setText(self.token.text())

    def chosen_languages(self) -> str:
        codes = [
            self.languages.item(i).data(ROLE_CODE)
            for i in range(self.languages.count())
            if self.languages.item(i).checkState() == Qt.CheckState.Checked
        ]
        return "+".join(codes) or "eng"

    def _text_mode_combo(self, settings: Any, key: str) -> QComboBox:
        combo = QComboBox()
        for mode, label in (
            ("lines", self.tr("Keep the lines")),
            ("paragraphs", self.tr("Join lines into paragraphs")),
            ("single_line", self.tr("All on one line")),
        ):
            combo.addItem(label, mode)
        combo.setCurrentIndex(max(0, combo.findData(S.get(settings, key))))
        return combo

    def values(self) -> dict[str, Any]:
        return {
            S.OCR_LANGUAGE: self.chosen_languages(),
            S.OCR_DETECT_ORIENTATION: self.orientation.isChecked(),
            S.OCR_PSM: str(self.psm.currentData()),
            S.OCR_ENGINE: str(self.engine.currentData()),
            S.OCR_BARCODES: self.barcodes.isChecked(),
            S.OCR_PDF_TEXT: str(self.pdf_text.currentData()),
            S.RETENTION_TTL_HOURS: self.ttl.value(),
            S.CAPTURE_HOTKEY: self.hotkey.keySequence().toString(
                QKeySequence.SequenceFormat.PortableText
            ),
            S.CLOSE_TO_TRAY: self.close_to_tray.isChecked(),
            S.THEME: str(self.theme.currentData()),
            S.CAPTURE_TEXT_MODE: str(self.capture_mode.currentData()),
            S.COPY_TEXT_MODE: str(self.copy_mode.currentData()),
            S.API_ENABLED: self.api_enabled.isChecked(),
            S.API_PORT: self.port.value(),
        }

    def accept(self) -> None:
        for key, value in self.values().items():
            self.settings.setValue(key, value)
        self.settings.sync()
        wanted = self.autostart.isChecked()
        if wanted != autostart.is_enabled():
            try:
                autostart.set_enabled(wanted)
            except OSError as exc:
                QMessageBox.warning(
                    self,
                    self.windowTitle(),
                    self.tr("Cannot change the start at log-in: %1").replace("%1", str(exc)),
                )
        super().accept()
