"""Exporters: every format is rendered from the one result model."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from app.core.choices import format_for_path
from app.core.export.simple import edited_json, edited_txt
from app.core.model import OcrResult
from app.core.options import FORMAT_EXTENSION, FORMAT_MIME, OUTPUT_FORMATS
from app.core.textmode import DEFAULT_TEXT_MODE

EDIT_FORMATS: tuple[str, ...] = ("txt", "json")  # the formats that carry an edited text


@dataclass(frozen=True)
class RenderContext:
    """What a renderer may need besides the result."""

    layout: bool = True
    source_name: str = "image"
    text_mode: str = DEFAULT_TEXT_MODE
    #: the input file's bytes, for formats that embed the image (pdf)
    image: bytes | None = None


Renderer = Callable[[OcrResult, RenderContext], bytes]

#: Format → (module, function): a module loads when its format is first rendered (the XML, PDF
#: and table writers cost a one-image ``extract`` 10-20 ms of imports it does not need).
_RENDERERS: dict[str, tuple[str, str]] = {
    "txt": ("simple", "to_txt"),
    "hocr": ("hocr", "to_hocr"),
    "json": ("simple", "to_json"),
    "tsv": ("simple", "to_tsv"),
    "alto": ("alto", "to_alto"),
    "pdf": ("pdf", "to_pdf"),
    "csv": ("tables", "to_csv"),
    "md": ("tables", "to_markdown"),
}


def _renderer(fmt: str) -> Renderer:
    module, name = _RENDERERS[fmt]
    found: Renderer = getattr(importlib.import_module(f"app.core.export.{module}"), name)
    return found


def render(
    result: OcrResult,
    fmt: str,
    *,
    layout: bool = True,
    source_name: str = "image",
    text_mode: str = DEFAULT_TEXT_MODE,
    image: bytes | None = None,
    edited_text: str | None = None,
) -> bytes:
    """The result as ``fmt`` (txt, hocr, json, tsv, alto: UTF-8; pdf: a searchable PDF of
    ``image``, the input file's bytes); ``text_mode`` lays out txt (``app.core.textmode``).
    ``edited_text`` (the user's edit of the text) is the text of txt and JSON (which keeps the
    recognised one as ``ocr_text``); the other formats describe the recognised words."""
    try:
        renderer = _renderer(fmt)
    except KeyError:
        raise ValueError(f"unknown format '{fmt}' (use {', '.join(OUTPUT_FORMATS)})") from None
    if edited_text is not None and fmt == "txt":
        return edited_txt(edited_text)
    if edited_text is not None and fmt == "json":
        return edited_json(result, edited_text, layout)
    return renderer(result, RenderContext(layout, source_name, text_mode, image))


__all__ = [
    "EDIT_FORMATS",
    "FORMAT_EXTENSION",
    "FORMAT_MIME",
    "RenderContext",
    "format_for_path",
    "render",
]
