"""Multi-page inputs: PDF (rendered with pypdfium2) and multi-page TIFF, one image per page.

Pages are produced one at a time (a 100-page scan never sits in memory at once). PDFium is not
thread-safe, so every call into it holds one lock. A PDF page is rendered at ``DEFAULT_DPI``; a
page that would be larger than ``imageio.MAX_PIXELS`` at that resolution is rendered at the
resolution that fits (and says so). A PDF with a text layer can give its words directly
(``embedded_page``), without OCR.
"""

from __future__ import annotations

import io
import re
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from PIL import Image

from app.core.errors import ImageTooLargeError, InvalidInputError
from app.core.model import BBox, Line, Page, Word

PDF_MAGIC = b"%PDF-"
PDF_MIME = "application/pdf"
#: Resolution PDF pages are rendered at for OCR.
DEFAULT_DPI = 300.0

_PDFIUM_LOCK = threading.RLock()


def is_pdf(data: bytes) -> bool:
    return data[:5] == PDF_MAGIC


@contextmanager
def _pdf(data: bytes) -> Iterator[Any]:
    """The open document, under the PDFium lock; a one-line InvalidInputError when it cannot be
    opened (truncated, damaged, encrypted)."""
    import pypdfium2 as pdfium

    with _PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            # PDFium's error code can be stale (left by an earlier document on another call),
            # so the reason is read from the file itself.
            raise _why_unreadable(data) from None
        try:
            yield doc
        finally:
            doc.close()


_ENCRYPT = re.compile(rb"/Encrypt\s")
_EMPTY_TREE = re.compile(rb"/Type\s*/Pages\b[^>]*/Count\s+0\b")


def _why_unreadable(data: bytes) -> InvalidInputError:
    if _ENCRYPT.search(data):
        return InvalidInputError(
            "the PDF is encrypted (password protected): save an unprotected copy"
        )
    if _EMPTY_TREE.search(data):
        return InvalidInputError("the PDF has no pages")
    return InvalidInputError("the PDF is truncated or damaged and cannot be read")


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    width: int  # first page, pixels at DEFAULT_DPI (or the resolution that fits)
    height: int


def _page_dpi(width_pt: float, height_pt: float, max_pixels: int) -> float:
    """DEFAULT_DPI, or less when the page would have more than ``max_pixels`` pixels."""
    pixels = (width_pt * DEFAULT_DPI / 72) * (height_pt * DEFAULT_DPI / 72)
    if pixels <= max_pixels:
        return DEFAULT_DPI
    return DEFAULT_DPI * (max_pixels / pixels) ** 0.5 * 0.999


def probe_pdf(data: bytes, max_pixels: int, max_pages: int | None = None) -> PdfInfo:
    from app.core.imageio import MAX_PAGES

    max_pages = max_pages or MAX_PAGES
    with _pdf(data) as doc:
        count = len(doc)
        if count == 0:
            raise InvalidInputError("the PDF has no pages")
        if count > max_pages:
            raise ImageTooLargeError(
                f"the PDF has {count} pages, over the limit of {max_pages} per file"
            )
        w_pt, h_pt = doc[0].get_size()
    if w_pt <= 0 or h_pt <= 0:
        raise InvalidInputError("the PDF's first page has no size")
    dpi = _page_dpi(w_pt, h_pt, max_pixels)
    return PdfInfo(count, round(w_pt * dpi / 72), round(h_pt * dpi / 72))


def page_size_pt(data: bytes, index: int) -> tuple[float, float]:
    """Page ``index``'s size in points as it is shown (its crop box, turned by /Rotate): the
    size it renders at, so our page pixels map onto it by one scale."""
    with _pdf(data) as doc:
        width, height = doc[index].get_size()
    return float(width), float(height)


def pdf_page_count(data: bytes) -> int:
    with _pdf(data) as doc:
        return len(doc)


def render_pdf_page(data: bytes, index: int, max_pixels: int) -> tuple[Image.Image, str | None]:
    """Page ``index`` rendered (RGB, ``info["dpi"]`` set), with a warning when it had to be
    rendered below DEFAULT_DPI to stay within ``max_pixels``."""
    with _pdf(data) as doc:
        page = doc[index]
        w_pt, h_pt = page.get_size()
        dpi = _page_dpi(w_pt, h_pt, max_pixels)
        image = page.render(scale=dpi / 72).to_pil().convert("RGB")
    image.info["dpi"] = (dpi, dpi)
    note = (
        f"page {index + 1} rendered at {dpi:.0f} dpi to stay within {max_pixels:,} pixels"
        if dpi < DEFAULT_DPI
        else None
    )
    return image, note


def page_images(data: bytes, max_pixels: int) -> Iterator[Image.Image]:
    """Every page of any input we read, one at a time: PDF pages, TIFF frames, or the image."""
    from app.core import imageio

    fmt = imageio.sniff(data)
    if fmt == "pdf":
        for index in range(pdf_page_count(data)):
            yield render_pdf_page(data, index, max_pixels)[0]
    elif fmt == "tiff":
        yield from tiff_frames(data, max_pixels)
    else:
        yield imageio.decode(data, max_pixels)[0]


def page_image(data: bytes, index: int, max_pixels: int) -> Image.Image:
    """Page ``index`` of any input we read, as the engine reads it: a PDF page rendered, a
    TIFF frame, or the image (``index`` 0)."""
    from app.core import imageio

    fmt = imageio.sniff(data)
    if fmt == "pdf":
        return render_pdf_page(data, index, max_pixels)[0]
    if fmt == "tiff":
        for n, frame in enumerate(tiff_frames(data, max_pixels)):
            if n == index:
                return frame
        raise InvalidInputError(f"the TIFF has no page {index + 1}")
    return imageio.decode(data, max_pixels)[0]


def embedded_page(data: bytes, index: int, max_pixels: int) -> Page | None:
    """Page ``index`` from the PDF's own text layer, in pixels of the page rendered as
    ``pdf_pages`` renders it; None when the page has no text. Words are runs of characters
    between spaces and line breaks; each line of the text layer is one line (one paragraph per
    line: the layer has no paragraphs)."""
    from app.core.engines.layout import Segment, build_page

    with _pdf(data) as doc:
        page = doc[index]
        w_pt, h_pt = page.get_size()
        scale = _page_dpi(w_pt, h_pt, max_pixels) / 72
        textpage = page.get_textpage()
        n = textpage.count_chars()
        chars: list[tuple[str, tuple[float, float, float, float]]] = []
        for i in range(n):
            chars.append((textpage.get_text_range(i, 1), textpage.get_charbox(i)))
    width, height = round(w_pt * scale), round(h_pt * scale)
    lines: list[list[Word]] = [[]]
    current: list[tuple[str, BBox]] = []

    def flush() -> None:
        if current:
            text = "".join(c for c, _ in current)
            boxes = [b for _, b in current]
            box = (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
            lines[-1].append(Word(text, box, 1.0))
            current.clear()

    for char, (left, bottom, right, top) in chars:
        if char in ("\r", "\n"):
            flush()
            if lines[-1]:
                lines.append([])
            continue
        if not char.strip():
            flush()
            continue
        box = (
            max(0, round(left * scale)),
            max(0, round((h_pt - top) * scale)),
            min(width, round(right * scale)),
            min(height, round((h_pt - bottom) * scale)),
        )
        current.append((char, box))
    flush()
    words = [ln for ln in lines if ln]
    if not words:
        return None
    segments = [Segment(Line(ws).bbox, ws) for ws in words]
    return build_page(segments, width, height)


def empty_page(data: bytes, index: int, max_pixels: int) -> Page:
    """Page ``index`` with no words, sized as it renders."""
    with _pdf(data) as doc:
        w_pt, h_pt = doc[index].get_size()
    scale = _page_dpi(w_pt, h_pt, max_pixels) / 72
    return Page(round(w_pt * scale), round(h_pt * scale))


def tiff_frames(data: bytes, max_pixels: int) -> Iterator[Image.Image]:
    """Every frame of a multi-page TIFF, upright, RGB or L (frame 0 as ``imageio.decode``)."""
    from app.core.imageio import _upright_rgb_or_grey

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        opened = Image.open(io.BytesIO(data))
        count = max(1, int(getattr(opened, "n_frames", 1) or 1))
        for index in range(count):
            try:
                opened.seek(index)
                if opened.size[0] * opened.size[1] > max_pixels:
                    raise ImageTooLargeError(
                        f"page {index + 1} is too large: {opened.size[0]}×{opened.size[1]} "
                        f"pixels, over the limit of {max_pixels:,}"
                    )
                frame = opened.copy()
                frame.load()
            except ImageTooLargeError:
                raise
            except Exception:
                raise InvalidInputError(
                    f"page {index + 1} of the TIFF is truncated or corrupt"
                ) from None
            yield _upright_rgb_or_grey(frame)
