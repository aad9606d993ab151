"""Searchable PDF: the page image with an invisible text layer placed word by word.

The approach of OCRmyPDF's hOCR transform, written with fpdf2: each page is the image at its
resolution; on top of it every word of the result model is drawn in text render mode 3
(invisible) at its box, on its line's baseline, with a font size from the line's height and a
horizontal scaling (``Tz``) that makes the word exactly as wide as its box. Viewers then find,
select and copy the text where it is on the image; ``pdftotext`` reads it back.

A PDF input keeps its own pages, untouched (vector text, images at their own resolution and
compression): the text layer is made as a PDF of text-only pages of the same size, and each of
them is laid over its original page as a form XObject with pikepdf (qpdf), as OCRmyPDF grafts
its text layer. A page that has a text layer of its own and was read from it (``pdf_text`` auto
or embedded) gets none from us: it is searchable already, and a second copy of its words would
make every search hit twice.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from statistics import median
from typing import TYPE_CHECKING

from PIL import Image

from app.core import documents, imageio
from app.core.model import Line, OcrResult, Page, Word

if TYPE_CHECKING:
    from fpdf import FPDF

    from app.core.export import RenderContext

log = logging.getLogger(__name__)

#: Resolution assumed when the image states none (screenshots and most scans without a density):
#: the one pages are rendered at, so an A4 scan of 2480 × 3508 pixels becomes an A4 page.
DEFAULT_DPI = 300.0
#: Ascent and descent (em) the text layer's font states, so readers report a word's box from
#: about the cap height to just below the baseline, while the font size stays near the text's
#: real size. DejaVu's own (0.93 + 0.24 em) made the font a little over half the text's size for
#: a word box as tall as its ink, and readers then saw every word gap and line spacing as a
#: column gap or a new block: plain ``pdftotext`` put each word on a line of its own.
LAYER_ASCENT = 0.75
LAYER_DESCENT = 0.05
#: Narrower than this (em per character) a word's box is a sliver, not the word.
MIN_CHAR_WIDTH = 0.25
#: Lines of a paragraph whose heights are within this share of each other are set in one font
#: size (see ``_common_sizes``).
SAME_SIZE = 0.3
#: The font of the text layer; invisible, so only its coverage matters. A Unicode TrueType font
#: when the system has one, else the PDF core font Helvetica (Latin-1; other characters "?").
_TTF_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
)


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
            pdf.set_font("layer", size=10)
            desc = pdf.current_font.desc  # type: ignore[union-attr]
            # The metrics readers take a word's box from (see LAYER_ASCENT).
            desc.ascent, desc.descent = round(LAYER_ASCENT * 1000), -round(LAYER_DESCENT * 1000)
            self.ascent, self.descent = LAYER_ASCENT, LAYER_DESCENT
        else:
            self.family, self.unicode = "helvetica", False
            self.ascent, self.descent = 0.718, 0.207  # Helvetica's, as readers know them

    def safe(self, text: str) -> str:
        if self.unicode:
            return text
        return text.encode("latin-1", "replace").decode("latin-1")

    def band(self, line: Line) -> tuple[list[Word], tuple[float, float]]:
        """The words drawn for ``line`` and the band (image pixels, top and bottom) that readers
        should report as their box: the band that fits most of its words (a tall mark or an
        engine's stray box does not blow it up to the whole line's box)."""
        words = [w for w in line.words if self.safe(w.text).strip()]
        return words, (_band(words) if words else (line.bbox[1], line.bbox[3]))

    def line(self, words: list[Word], band: tuple[float, float], size: float, scale: float) -> None:
        """Draws a line's ``words`` at font ``size`` (points), on the baseline that puts the
        font's descent at the band's bottom; ``scale`` is points per image pixel."""
        pdf = self.pdf
        baseline = band[1] * scale - self.descent * size
        pdf.set_font(self.family, size=size)
        # Readers (pdftotext, viewers' copy) split words at a gap of about a fifth of the font
        # size; where an engine's boxes touch (PP-OCR's often do) a word ends that much early.
        gap = 0.2 * size
        end = 0.0  # where the previous word ends
        for n, word in enumerate(words):
            x0, x1 = word.bbox[0] * scale, word.bbox[2] * scale
            # An engine's box can be a sliver (Tesseract gives a lone "a" no width at times):
            # readers would see the gap before it as a column gap. It gets a plausible width.
            narrowest = MIN_CHAR_WIDTH * size * len(word.text)
            if x1 - x0 < narrowest:
                x0 = max(min(x0, end + gap), x1 - narrowest)
            if n + 1 < len(words):
                after = words[n + 1].bbox[0] * scale
                x1 = max(x0 + 0.6 * (x1 - x0), min(x1, after - gap))
            self._fit(self.safe(word.text), x0, x1, baseline)
            end = x1
            if n + 1 < len(words):  # and a space in the gap, as OCRmyPDF writes one
                self._fit(" ", x1, max(x1 + 0.05, after), baseline)
        pdf.set_stretching(100.0)

    def _fit(self, text: str, x0: float, x1: float, baseline: float) -> None:
        """``text`` from ``x0`` to ``x1`` (points): scaled horizontally to that width."""
        pdf = self.pdf
        pdf.set_stretching(100.0)  # fpdf2 measures with the current scaling
        natural = pdf.get_string_width(text)
        width = max(0.05, x1 - x0)
        pdf.set_stretching(100.0 * width / natural if natural > 0 else 100.0)
        pdf.text(x0, baseline, text)


#: Lines with more words than this take the median band (the search is cubic in words).
_BAND_SEARCH_WORDS = 40


def _band(words: list[Word]) -> tuple[float, float]:
    """The top and bottom for a line's text: of the bands from one word's top to another's
    bottom, the one that overlaps most words by half or more (IoU ≥ 0.5 in height; ties: the
    one nearest the median word), so that short and tall words on one line (a form's label
    and its field, a bullet) each keep their place where they can."""
    tops = sorted({w.bbox[1] for w in words})
    bottoms = sorted({w.bbox[3] for w in words})
    mid = (median(w.bbox[1] for w in words), median(w.bbox[3] for w in words))

    def score(band: tuple[float, float]) -> tuple[int, float]:
        t, b = band
        fits = sum(
            min(b, w.bbox[3]) - max(t, w.bbox[1]) >= 0.5 * (max(b, w.bbox[3]) - min(t, w.bbox[1]))
            for w in words
        )
        return fits, -abs(t - mid[0]) - abs(b - mid[1])

    if len(words) > _BAND_SEARCH_WORDS:  # a very long line: its median word (cubic below)
        return mid
    bands: list[tuple[float, float]] = [mid]
    bands += [(t, b) for t in tops for b in bottoms if b > t]
    return max(bands, key=score)


def _common_sizes(heights: list[float]) -> list[float]:
    """Each line's text height, where lines of about the same height (within ``SAME_SIZE``)
    take their median: readers keep lines together in a block only where their font sizes
    agree (poppler: within 5 %), and the ink of one font size varies from line to line with
    its capitals and descenders."""
    order = sorted(range(len(heights)), key=heights.__getitem__)
    out = list(heights)
    group: list[int] = []
    for i in [*order, -1]:
        if i >= 0 and (not group or heights[i] <= heights[group[0]] * (1 + SAME_SIZE)):
            group.append(i)
            continue
        if group:
            common = median(heights[j] for j in group)
            for j in group:
                out[j] = common
        group = [i] if i >= 0 else []
    return out


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
    _draw_layer(pdf, layer, page, width_pt / max(1, page.width))


def _draw_layer(pdf: FPDF, layer: _TextLayer, page: Page, scale: float) -> None:
    """``page``'s words, invisible, on the current page; ``scale``: points per page pixel."""
    from fpdf.enums import TextMode

    pdf.text_mode = TextMode.INVISIBLE
    for para in [p for b in page.blocks for p in b.paragraphs]:
        bands = [layer.band(line) for line in para.lines if line.words]
        heights = [max(1.0, (b - t) * scale) for _, (t, b) in bands]
        for (words, band), height in zip(bands, _common_sizes(heights), strict=True):
            if words:
                layer.line(words, band, height / (layer.ascent + layer.descent), scale)
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
    """One PDF page per page of the input: the original pages of a PDF with our text laid over
    them, else the image (each TIFF frame) as a page of its own with our text."""
    if ctx.image is not None and documents.is_pdf(ctx.image):
        return overlay_pdf(ctx.image, result)
    pdf, layer = new_pdf(ctx.source_name)
    for image, page in zip(_page_images(ctx), result.pages, strict=False):
        add_page(pdf, layer, image, page)
    return bytes(pdf.output())


def _to_user_space(rotate: int, box: tuple[float, float, float, float]) -> str:
    """The ``cm`` operator that maps the page as shown (after ``/Rotate``, origin at its lower
    left, in points) onto the page's own coordinates inside ``box`` (its crop box)."""
    x0, y0, x1, y1 = box
    matrix = {
        0: (1, 0, 0, 1, x0, y0),
        90: (0, 1, -1, 0, x1, y0),
        180: (-1, 0, 0, -1, x1, y1),
        270: (0, -1, 1, 0, x0, y1),
    }[rotate % 360]
    return " ".join(f"{v:.4f}".rstrip("0").rstrip(".") for v in matrix) + " cm"


def overlay_pdf(data: bytes, result: OcrResult) -> bytes:
    """The PDF ``data`` with each page's words of ``result`` laid over its page, invisibly."""
    import pikepdf

    text_pdf, layer = new_pdf("text layer")
    shown: list[bool] = []
    for index, page in enumerate(result.pages):
        width_pt, height_pt = documents.page_size_pt(data, index)
        text_pdf.add_page(format=(width_pt, height_pt))
        own = documents.embedded_page(data, index, imageio.MAX_PIXELS)
        shown.append(own is None or own.text != page.text)
        if shown[-1]:
            _draw_layer(text_pdf, layer, page, width_pt / max(1, page.width))
    buf = io.BytesIO()
    with (
        pikepdf.open(io.BytesIO(data)) as original,
        pikepdf.open(io.BytesIO(bytes(text_pdf.output()))) as layers,
    ):
        for target, source, wanted in zip(original.pages, layers.pages, shown, strict=False):
            if not wanted:
                continue
            form = original.copy_foreign(source.as_form_xobject())
            name = target.add_resource(form, pikepdf.Name.XObject, prefix="OCR")
            x0, y0, x1, y1 = (float(v) for v in target.cropbox)
            rotate = int(target.obj.get("/Rotate", 0))
            target.contents_add(b"q\n", prepend=True)  # the page's own graphics state ends
            target.contents_add(b"Q\n", prepend=False)
            place = f"q {_to_user_space(rotate, (x0, y0, x1, y1))} {name} Do Q\n"
            target.contents_add(place.encode(), prepend=False)
        original.save(buf)
    return buf.getvalue()
