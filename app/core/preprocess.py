"""Screenshot-aware preprocessing: make small, dark or coloured UI text easy for Tesseract.

``prepare`` turns the input into a light-background grey image whose text is big enough for
Tesseract's recogniser:

1. **grayscale** (transparent pixels are laid on the background colour first);
2. **invert** when the background — the median grey level, which for text images is the paper or
   window colour — is dark (terminals, dark themes);
3. **upscale** when the estimated text height is small: the image is binarised (Otsu) and cut into
   vertical strips; in each strip the rows with ink form runs, one per text line, and the median
   run height is the text height. Small text is scaled so lines reach about ``TARGET_LINE_PX``;
   the factor is capped (``MAX_SCALE``) and so is the output size (``MAX_OUTPUT_PIXELS``), and text
   that is already large (scans at 200–300 dpi) is left alone;
4. **pad** with the (now light) background colour, so text touching the edge is still read;
5. the result is marked for pytesseract to pass on as uncompressed PGM (no PNG encoding cost).

Measured and left out (bench/bench_core.py, ../shared/eval): flipping light-on-dark patches
(buttons, title bars) inside light images helped generated dialogs a little but hurt scans;
auto-contrast helped receipts but hurt screenshots; a ``--dpi`` hint was inconsistent.

Every step records how it moved pixels: ``Prepared.to_source`` maps boxes back to the input.
Only Pillow is used; the whole analysis costs a few milliseconds per megapixel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import median

from PIL import Image, ImageOps

from app.core.model import BBox

#: Median grey level (0–255) below which the background counts as dark and the image is inverted.
DARK_BACKGROUND = 110
#: Text line height (ink rows, px) the upscaler aims for (Tesseract likes caps of 20–40 px).
TARGET_LINE_PX = 30.0
#: Lines at least this tall are left at their size.
MIN_LINE_PX = 16.0
#: Never upscale by more than this, nor by less than ``MIN_SCALE`` (not worth the time).
MAX_SCALE = 4.0
MIN_SCALE = 1.25
#: Never make an image larger than this many pixels by upscaling.
MAX_OUTPUT_PIXELS = 16_000_000
#: Padding around the output, in output pixels.
PAD = 10
#: File format pytesseract writes for the engine (Pillow's "PPM" writes grey images as PGM).
TEMP_FORMAT = "PPM"
#: Width of the strips used for the row projection (px); narrow images use fewer strips.
STRIP_PX = 160
#: Ink pixels a strip row needs to count as part of a text line.
MIN_ROW_INK = 3
#: Runs of ink rows lower than this are rules, underlines or noise, not text lines.
MIN_RUN_PX = 5


@dataclass
class Prepared:
    """The image to hand to the engine and how to map its coordinates back."""

    image: Image.Image
    scale: float = 1.0
    pad: int = 0
    steps: list[str] = field(default_factory=list)
    text_height: float | None = None  # estimated text line height in input pixels
    background: int | None = None  # grey level of the input background (before inversion)

    def to_source(self, box: BBox, width: int, height: int) -> BBox:
        """Maps a box in ``image`` back to the input (``width`` × ``height``)."""
        x0, y0, x1, y1 = box
        s, p = self.scale, self.pad

        def cx(v: float) -> int:
            return max(0, min(width, round((v - p) / s)))

        def cy(v: float) -> int:
            return max(0, min(height, round((v - p) / s)))

        return (cx(x0), cy(y0), cx(x1), cy(y1))


def prepare(image: Image.Image, enabled: bool = True, max_side: int | None = None) -> Prepared:
    """Grayscale, invert dark backgrounds, upscale small text, pad with the background colour.

    ``max_side``: the engine's largest image side (Tesseract: 32767 px); upscaling stops there,
    and a larger input is scaled down to fit, even with preprocessing off."""
    if not enabled:
        fit = _fit_scale(image.width, image.height, max_side, pad=0)
        if fit >= 1.0:
            return Prepared(image)
        size = (max(1, int(image.width * fit)), max(1, int(image.height * fit)))
        return Prepared(image.resize(size, Image.Resampling.LANCZOS), fit, 0, [f"fit×{fit:g}"])
    steps: list[str] = []
    gray = to_gray(image)
    steps.append("grayscale")
    background = median_level(gray)
    if background < DARK_BACKGROUND:
        gray = ImageOps.invert(gray)
        steps.append("invert")
    text_height = estimate_text_height(gray)
    scale = choose_scale(text_height, gray.width, gray.height)
    scale = min(scale, _fit_scale(gray.width, gray.height, max_side, pad=PAD))
    if scale != 1.0:
        size = (max(1, round(gray.width * scale)), max(1, round(gray.height * scale)))
        # Box mapping uses one factor for both axes; rounding the size moves pixels < 1 px.
        gray = gray.resize(size, Image.Resampling.LANCZOS)
        steps.append(f"{'upscale' if scale > 1 else 'fit'}×{scale:g}")
    fill = median_level(gray)
    gray = ImageOps.expand(gray, border=PAD, fill=fill)
    steps.append("pad")
    # pytesseract hands the engine a temporary file in this format: uncompressed PGM costs
    # nothing to write (PNG encoding took ~10% of a batch) and gives identical results.
    gray.format = TEMP_FORMAT
    return Prepared(gray, scale, PAD, steps, text_height, background)


def to_gray(image: Image.Image) -> Image.Image:
    """Luminance. Transparent pixels blend into the opaque background, or, when most of the
    image is transparent (text on nothing), take the colour that contrasts with the opaque ink."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        alpha = rgba.getchannel("A")
        lum = rgba.convert("L")
        lowest = alpha.getextrema()[0]
        if isinstance(lowest, int | float) and lowest < 255:
            opaque = alpha.point(lambda a: 255 if a >= 128 else 0)
            hist = lum.histogram(mask=opaque)
            n_opaque = sum(hist)
            level = _percentile(hist, 0.5) if n_opaque else 0
            if n_opaque * 2 < lum.width * lum.height:
                level = 255 if level < 128 else 0
            back = Image.new("L", rgba.size, level)
            back.paste(lum, (0, 0), alpha)
            return back
        return lum
    if image.mode == "L":
        return image
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda v: v / 256).convert("L")
    return image.convert("L")


def median_level(gray: Image.Image) -> int:
    """The median grey level: the background of a text image (text is the minority)."""
    return _percentile(gray.histogram(), 0.5)


def _percentile(hist: list[int], q: float) -> int:
    total = sum(hist)
    target = q * total
    seen = 0
    for level, count in enumerate(hist):
        seen += count
        if seen >= target:
            return level
    return len(hist) - 1


def otsu_threshold(hist: list[int]) -> int:
    """Otsu's threshold of a 256-bin histogram: levels ≤ the result are ink."""
    total = sum(hist)
    if not total:
        return 127
    sum_all = sum(i * h for i, h in enumerate(hist))
    w_b = 0
    sum_b = 0.0
    best, best_t = -1.0, 127
    for t in range(256):
        w_b += hist[t]
        if w_b == 0:
            continue
        w_f = total - w_b
        if w_f == 0:
            break
        sum_b += t * hist[t]
        m_b = sum_b / w_b
        m_f = (sum_all - sum_b) / w_f
        between = w_b * w_f * (m_b - m_f) ** 2
        if between > best:
            best, best_t = between, t
    return best_t


def estimate_text_height(gray: Image.Image) -> float | None:
    """Median height (px) of text lines in a dark-on-light grey image, or None if no text found.

    Otsu binarisation, then a row projection in vertical strips: in each strip, a run of rows
    holding ink is a text line (or part of one). Runs that are too thin (rules, noise), too
    dense (filled bars, pictures) or too tall (a third of the image) are not text.
    """
    width, height = gray.size
    if width < 8 or height < 8:
        return None
    thr = otsu_threshold(gray.histogram())
    ink = gray.point(lambda v: 255 if v <= thr else 0)
    n_strips = max(1, min(12, width // STRIP_PX))
    strip_w = width / n_strips
    runs: list[int] = []
    for i in range(n_strips):
        x0, x1 = round(i * strip_w), round((i + 1) * strip_w)
        strip = ink.crop((x0, 0, x1, height)).resize((1, height), Image.Resampling.BOX)
        profile = list(strip.tobytes())
        # A row holds text when at least MIN_ROW_INK pixels are ink: lone vertical rules and
        # specks do not join lines together.
        min_v = 255 * MIN_ROW_INK / max(1, x1 - x0)
        start = -1
        total = 0
        for y, v in enumerate([*profile, 0]):
            if v >= min_v:
                if start < 0:
                    start, total = y, 0
                total += v
            elif start >= 0:
                h = y - start
                density = total / (h * 255)
                if MIN_RUN_PX <= h <= height / 3 and density < 0.6:
                    runs.append(h)
                start = -1
    if len(runs) < 2:
        return None
    return float(median(runs))


def _fit_scale(width: int, height: int, max_side: int | None, pad: int) -> float:
    """The largest factor that keeps both sides (plus padding) within ``max_side``."""
    if max_side is None:
        return math.inf
    return (max_side - 2 * pad) / max(width, height)


def choose_scale(text_height: float | None, width: int, height: int) -> float:
    """Upscale factor for text ``text_height`` px tall in a ``width`` × ``height`` image."""
    if text_height is None or text_height >= MIN_LINE_PX:
        return 1.0
    scale = min(MAX_SCALE, TARGET_LINE_PX / text_height)
    budget = (MAX_OUTPUT_PIXELS / max(1, width * height)) ** 0.5
    scale = min(scale, budget)
    scale = math.floor(scale * 4) / 4  # quarter steps, rounded down: stays within the budget
    return scale if scale >= MIN_SCALE else 1.0
