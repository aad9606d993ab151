"""Exporters: every format is rendered from the one result model."""

from __future__ import annotations

from collections.abc import Callable

from app.core.export.hocr import to_hocr
from app.core.export.simple import edited_json, edited_txt, to_json, to_tsv, to_txt
from app.core.model import OcrResult
from app.core.options import FORMAT_EXTENSION, FORMAT_MIME, OUTPUT_FORMATS

EDIT_FORMATS: tuple[str, ...] = ("txt", "json")  # the formats that carry an edited text

Renderer = Callable[[OcrResult, bool, str], bytes]

_RENDERERS: dict[str, Renderer] = {
    "txt": to_txt,
    "hocr": to_hocr,
    "json": to_json,
    "tsv": to_tsv,
}


def render(
    result: OcrResult,
    fmt: str,
    *,
    layout: bool = True,
    source_name: str = "image",
    edited_text: str | None = None,
) -> bytes:
    """The result as ``fmt`` (txt, hocr, json, tsv), UTF-8 encoded. ``edited_text`` (the user's
    edit of the text) is the text of txt and JSON (which keeps the recognised one as
    ``ocr_text``); hOCR and TSV describe the recognised words and their boxes."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format '{fmt}' (use {', '.join(OUTPUT_FORMATS)})") from None
    if edited_text is not None and fmt == "txt":
        return edited_txt(edited_text)
    if edited_text is not None and fmt == "json":
        return edited_json(result, edited_text, layout)
    return renderer(result, layout, source_name)


def format_for_path(path: str) -> str | None:
    """The export format a file name asks for by its extension (``.html`` means hOCR)."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    aliases = {"text": "txt", "html": "hocr", "xhtml": "hocr"}
    suffix = aliases.get(suffix, suffix)
    return suffix if suffix in OUTPUT_FORMATS else None


__all__ = ["EDIT_FORMATS", "FORMAT_EXTENSION", "FORMAT_MIME", "format_for_path", "render"]
