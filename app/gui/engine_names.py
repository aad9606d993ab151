"""Readable names of the OCR engines, for the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def engine_labels() -> dict[str, str]:
    """Readable names of the engine choices (``options.engine``)."""
    return {
        "auto": QCoreApplication.translate("Engine", "Automatic engine"),
        "tesseract": QCoreApplication.translate("Engine", "Tesseract (screens, documents)"),
        "rapidocr": QCoreApplication.translate("Engine", "PP-OCR (photos, receipts, labels)"),
    }


def engine_name(engine: str) -> str:
    """The short name of the engine(s) that read a job: Tesseract, PP-OCR."""
    names = {"tesseract": "Tesseract", "rapidocr": "PP-OCR"}
    return " + ".join(names.get(e, e) for e in engine.split("+") if e)
