"""Readable names of option choices that several widgets offer (the result view's Re-run
panel, the settings dialog); translated in contexts of their own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from app.core.options import PSM_PRESETS


def pdf_text_labels() -> dict[str, str]:
    """Readable names of the ``pdf_text`` choices (what a PDF's own text layer is used for)."""
    return {
        "auto": QCoreApplication.translate("PdfText", "PDF text layer where there is one"),
        "ocr": QCoreApplication.translate("PdfText", "Always recognise PDF pages"),
        "embedded": QCoreApplication.translate("PdfText", "Only the PDF text layer"),
    }


def psm_labels(_ctx: QObject | None = None) -> dict[str, str]:
    """Readable names of the page segmentation presets."""
    labels = {
        "auto": QCoreApplication.translate("PageSegmentation", "Automatic layout"),
        "single_column": QCoreApplication.translate(
            "PageSegmentation", "Single column (terminals, code)"
        ),
        "single_block": QCoreApplication.translate("PageSegmentation", "Single block of text"),
        "single_line": QCoreApplication.translate("PageSegmentation", "Single line"),
        "sparse": QCoreApplication.translate("PageSegmentation", "Sparse text"),
    }
    return {k: labels.get(k, k) for k in PSM_PRESETS}
