"""The values the CLI, the API and the window offer for each option: plain constants (and the
format a file name asks for) with no imports, so that ``imagehq-ocr`` parses its arguments
before anything heavy loads (``app.core.options``, ``app.core.export`` and the rest re-export
them)."""

from __future__ import annotations

#: Values of ``pdf_text`` (``app.core.documents`` reads them).
PDF_TEXT_MODES: tuple[str, ...] = ("auto", "ocr", "embedded")
#: ``parse_receipt`` is a local extension: the text plus ``result_json.receipt``.
OPERATIONS: tuple[str, ...] = ("extract_text", "extract_text_with_layout", "parse_receipt")
RECEIPT_OPERATION = "parse_receipt"
OUTPUT_FORMATS: tuple[str, ...] = ("txt", "hocr", "json", "tsv", "csv", "alto", "pdf", "md")
# Page segmentation presets (name -> Tesseract --psm).
PSM_PRESETS: dict[str, int] = {
    "auto": 3,
    # one column of lines of varying size: terminals, code, chat logs (keeps narrow columns
    # such as line numbers that the automatic layout drops)
    "single_column": 4,
    "single_block": 6,
    "single_line": 7,
    "sparse": 11,
}
#: Values of ``engine`` (kept in step with ``app.core.engines.ENGINE_CHOICES``; a test checks).
ENGINE_NAMES: tuple[str, ...] = ("auto", "tesseract", "rapidocr")
#: Layouts of the txt output (``app.core.textmode``).
TEXT_MODES: tuple[str, ...] = ("lines", "paragraphs", "single_line")
DEFAULT_TEXT_MODE = "lines"
#: The largest input file by default (``extract --max-file-mb``, like the API's upload cap).
DEFAULT_MAX_FILE_MB = 50


def format_for_path(path: str) -> str | None:
    """The export format a file name asks for by its extension (``.html`` means hOCR, ``.xml``
    ALTO)."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    aliases = {"text": "txt", "html": "hocr", "xhtml": "hocr", "xml": "alto"}
    suffix = aliases.get(suffix, suffix)
    return suffix if suffix in OUTPUT_FORMATS else None
