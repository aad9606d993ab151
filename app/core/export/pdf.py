"""Searchable PDF: the page image with an invisible text layer placed word by word.

The approach of OCRmyPDF's hOCR transform, written with fpdf2: each page is the image at its
resolution; on top of it every word of the result model is drawn in text render mode 3
(invisible) at its box, on its line's baseline, with a font size from the line's height and a
horizontal scaling (``Tz``) that makes the word exactly as wide as its box. Viewers then find,
select and copy the text where it is on the image; ``pdftotext`` reads it back.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from app.core import documents, imageio
from app.core.model import Line, OcrResult, Page

if TYPE_CHECKING:
    from fpdf import FPDF

    from app.core.export import RenderContext

log = logging.getLogger(__name__)

#: Resolution assumed when the image states none (screenshots and most scans without a density):
#: the one pages are rendered at, so an A4 scan of 2480 × 3508 pixels becomes an A4 page.
DEFAULT_DPI = 300.0
#: The font of the text layer; invisible, so only its coverage matters. A Unicode TrueType font
#: when the system has one, else the PDF core font Helvetica (Latin-1; other characters "?").
_TTF_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
#: Share of the line height above the baseline (the rest is for descenders).
_ASCENT_SHARE = 0.78


@lru_cache(maxsize=1)
def _ttf_font() -> str | None:
    for candidate in _TTF_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return None


class _TextLayer:
    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        ttf = _ttf_font()
        if ttf:
            pdf.add_font("layer", "", ttf)
            self.family, self.unicode = "layer", True
        else:
            self.family, self.unicode = "helvetica", False

    def safe(self, text: str) -> str:
        if self.unicode:
            return text
        return text.encode("latin-1", "replace").decode("latin-1")

    def line(self, line: Line, scale: float) -> None:
        """Draws ``line``'s words; ``scale`` is points per image pixel."""
        pdf = self.pdf
        _, y0, _, y1 = line.bbox
        height_pt = max(1.0, (y1 - y0) * scale)
        # A font size whose em box is the line's height: pdftotext's word boxes then match
        # ours; the baseline sits where the descenders start.
        size = height_pt
        baseline = y0 * scale + height_pt * _ASCENT_SHARE
        pdf.set_font(self.family, size=size)
        for word in line.words:
            text = self.safe(word.text)
            if not text.strip():
                continue
            pdf.set_stretching(100.0)  # fpdf2 measures with the current scaling
            natural = pdf.get_string_width(text)
            box_w = max(0.5, (word.bbox[2] - word.bbox[0]) * scale)
            pdf.set_stretching(100.0 * box_w / natural if natural > 0 else 100.0)
            pdf.text(word.bbox[0] * scale, baseline, text)
        pdf.set_stretching(100.0)


def _page_images(ctx: RenderContext) -> Iterator[Image.Image]:
    if ctx.image is None:
        raise ValueError("a searchable PDF needs the source image: export it from a job")
    return documents.page_images(ctx.image, imageio.MAX_PIXELS)


def add_page(pdf: FPDF, layer: _TextLayer, image: Image.Image, page: Page) -> None:
    """One PDF page: ``image`` at its resolution, ``page``'s words invisible on top. The boxes
    of ``page`` are in pixels of ``page.width`` × ``page.height`` (scaled to the image)."""
    dpi = imageio.dpi_of(image) or DEFAULT_DPI
    width_pt, height_pt = image.width * 72.0 / dpi, image.height * 72.0 / dpi
    pdf.add_page(format=(width_pt, height_pt))
    buf = io.BytesIO()
    image.save(buf, "PNG")  # lossless: the page keeps the image's quality
    pdf.image(buf, x=0, y=0, w=width_pt, h=height_pt)
    scale = width_pt / max(1, page.width)
    from fpdf.enums import TextMode

    pdf.text_mode = TextMode.INVISIBLE
    for line in page.lines():
        if line.words:
            layer.line(line, scale)
    pdf.text_mode = TextMode.FILL


def new_pdf(title: str) -> tuple[FPDF, _TextLayer]:
    from fpdf import FPDF

    from app import __version__

    pdf = FPDF(unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_title(title)
    pdf.set_creator(f"imagehq-ocr {__version__}")
    pdf.set_producer(f"imagehq-ocr {__version__} (fpdf2)")
    return pdf, _TextLayer(pdf)


def to_pdf(result: OcrResult, ctx: RenderContext) -> bytes:
    """One PDF page per page of the input (PDF pages rendered at 300 dpi, TIFF frames)."""
    pdf, layer = new_pdf(ctx.source_name)
    for image, page in zip(_page_images(ctx), result.pages, strict=False):
        add_page(pdf, layer, image, page)
    return bytes(pdf.output())
