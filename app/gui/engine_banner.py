"""The banner above the job list when an OCR engine is missing: which one, what still works and
how to install it (the message comes from the engine, so it names the right command)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from app.core.engines import ENGINES, missing_engines

__all__ = ["engine_banner", "missing_engines", "show_missing"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("EngineBanner", text)


def engine_banner() -> QLabel:
    label = QLabel()
    label.setObjectName("engineBanner")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(
        "QLabel#engineBanner { background: #fff4ce; color: #4d3800; border: 1px solid #e0b400;"
        " border-radius: 4px; padding: 6px 10px; }"
    )
    label.hide()
    return label


def banner_text(missing: dict[str, str]) -> str:
    """One paragraph per missing engine; empty when none is missing."""
    if not missing:
        return ""
    if len(missing) == len(ENGINES):
        head = _tr("No OCR engine is installed: images cannot be read.")
    else:
        rest = ", ".join(n for n in ENGINES if n not in missing)
        head = _tr("Some OCR engines are missing; images are read with %s.") % rest
    return "\n".join([head, *missing.values()])


def show_missing(label: QLabel, missing: dict[str, str]) -> None:
    text = banner_text(missing)
    label.setText(text)
    label.setVisible(bool(text))
