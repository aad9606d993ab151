"""Request options, shared by the CLI, the HTTP API and the GUI."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

from app.core.choices import (
    ENGINE_NAMES,
    OPERATIONS,
    OUTPUT_FORMATS,
    PDF_TEXT_MODES,
    PSM_PRESETS,
    RECEIPT_OPERATION,
    TEXT_MODES,
)
from app.core.errors import InvalidRequestError, OptionsError, clip

__all__ = [
    "ENGINE_NAMES",
    "FORMAT_EXTENSION",
    "FORMAT_MIME",
    "OPERATIONS",
    "OUTPUT_FORMATS",
    "PDF_TEXT_MODES",
    "PSM_PRESETS",
    "RECEIPT_OPERATION",
    "TABLE_FORMATS",
    "OcrOptions",
    "check_operation",
    "psm_value",
]

Operation = Literal["extract_text", "extract_text_with_layout", "parse_receipt"]
OutputFormat = Literal["txt", "hocr", "json", "tsv", "csv", "alto", "pdf", "md"]

#: Formats that read tables: the image is read in table mode (``app.core.tables``).
TABLE_FORMATS: tuple[str, ...] = ("csv", "md")

_LANG_RE = re.compile(r"^[A-Za-z_]+(\+[A-Za-z_]+)*$")
_PSM_NUMBER_RE = re.compile(r"^[0-9]{1,3}$")  # ASCII only: str.isdigit() also takes "³"

FORMAT_MIME: dict[str, str] = {
    "txt": "text/plain; charset=utf-8",
    "hocr": "text/html; charset=utf-8",
    "json": "application/json",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "alto": "application/xml; charset=utf-8",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
}
FORMAT_EXTENSION: dict[str, str] = {
    "txt": "txt",
    "hocr": "hocr",
    "json": "json",
    "tsv": "tsv",
    "csv": "csv",
    "alto": "xml",  # scan.xml; an .xml path asks for ALTO
    "pdf": "pdf",
    "md": "md",
}


def check_operation(operation: str, output_format: str) -> None:
    """Raises InvalidRequestError for an unknown operation. (csv is a receipt's items for
    parse_receipt, the tables found on the image otherwise.)"""
    if operation not in OPERATIONS:
        raise InvalidRequestError(f"unknown operation '{operation}' (use {', '.join(OPERATIONS)})")


def psm_value(psm: str | int) -> int:
    """Tesseract's --psm number for a preset name or a number."""
    if isinstance(psm, int):
        if 0 < psm <= 13:
            return psm
        raise OptionsError(f"page segmentation mode must be 1-13, got {clip(psm)}")
    if _PSM_NUMBER_RE.match(psm):
        return psm_value(int(psm))
    try:
        return PSM_PRESETS[psm]
    except KeyError:
        names = ", ".join(PSM_PRESETS)
        raise OptionsError(
            f"unknown page segmentation '{clip(psm)}' (use {names} or 1-13)"
        ) from None


@dataclass(frozen=True)
class OcrOptions:
    """What to recognise and how. ``output_format`` only picks the exported file."""

    language: str = "eng"
    detect_orientation: bool = False
    psm: str = "auto"
    output_format: str = "txt"
    preprocess: bool = True
    engine: str = "auto"
    #: txt layout: lines, paragraphs or single_line (``app.core.textmode``); not an engine option
    text_mode: str = "lines"
    #: a PDF's own text layer: auto (use it where a page has one), ocr (never), embedded (only)
    pdf_text: str = "auto"
    #: read barcodes and QR codes too (result_json.barcodes, appended to txt)
    barcodes: bool = True

    def validated(self) -> OcrOptions:
        """Checks the values that need no engine; the engine checks the language exists."""
        lang = self.language.strip()
        if not lang or not _LANG_RE.match(lang):
            raise OptionsError(f"invalid language '{self.language}' (expected e.g. eng or eng+deu)")
        if self.output_format not in OUTPUT_FORMATS:
            raise OptionsError(
                f"unknown output_format '{self.output_format}' (use {', '.join(OUTPUT_FORMATS)})"
            )
        psm_value(self.psm)
        if self.engine not in ENGINE_NAMES:
            raise OptionsError(f"unknown engine '{self.engine}' (use {', '.join(ENGINE_NAMES)})")
        if self.text_mode not in TEXT_MODES:
            raise OptionsError(
                f"unknown text_mode '{clip(self.text_mode)}' (use {', '.join(TEXT_MODES)})"
            )
        if self.pdf_text not in PDF_TEXT_MODES:
            raise OptionsError(
                f"unknown pdf_text '{clip(self.pdf_text)}' (use {', '.join(PDF_TEXT_MODES)})"
            )
        return replace(self, language=lang, psm=str(self.psm))

    def engine_key(self) -> dict[str, Any]:
        """The options that change what the engine returns (part of the cache key)."""
        data = asdict(self)
        data.pop("output_format")
        data.pop("text_mode")  # how txt lays out the text, not what the engine reads
        data["psm"] = psm_value(self.psm)
        return data

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OcrOptions:
        known = {
            k: data[k]
            for k in (
                "language",
                "detect_orientation",
                "psm",
                "output_format",
                "preprocess",
                "engine",
                "text_mode",
                "pdf_text",
                "barcodes",
            )
            if k in data and data[k] is not None
        }
        return cls(**known)
