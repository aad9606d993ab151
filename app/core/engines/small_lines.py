"""Tesseract: a second, closer look at small text lines it was unsure of.

Preprocessing scales a whole image by one factor, chosen from its median text height
(:mod:`app.core.preprocess`). On a screen with text of several sizes — an 8 pt caption under
14 pt body text, a status bar under a dialog — the small lines stay small, and Tesseract misreads
them ("Afial" for "Arial", "it" for "if") while it reads the rest well. So after the page is read,
each line that is still small in the prepared image (under ``SMALL_LINE_PX``) and has a word
Tesseract was unsure of (below ``UNSURE_WORD``) is cut out of the prepared image, enlarged to
``REREAD_LINE_PX`` and read again as one line (page segmentation mode 7). The new reading
replaces the line when its mean confidence is higher by ``BETTER_BY`` and it keeps at least
``KEEP_TEXT`` of the text (a re-read that drops words is not better).

Measured (``bench/bench_tesserocr.py`` and mixed-size screens rendered for the purpose, 60
held out): the eval screenshots' CER 0.0668 → 0.0662 and F1 0.994 → 0.996; the mixed-size
screens F1 0.989 → 0.990 (held out) and 0.969 → 0.986; scans and single-size screens
unchanged. About 9 lines of 55 images were read again, 20 ms each.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from PIL import Image, ImageOps

from app.core import preprocess
from app.core.engines.cancel import CancelToken
from app.core.model import BBox, Line, Page, Word

#: Lines shorter than this in the prepared image (px, word-box height) are looked at again.
SMALL_LINE_PX = preprocess.MIN_LINE_PX
#: Shorter than this is a rule, a speck or a dotted leader, not a line of text.
MIN_LINE_PX = 7.0
#: A word below this confidence is a likely misreading.
UNSURE_WORD = 0.60
#: Height (px) a line is enlarged to for the second reading.
REREAD_LINE_PX = 24.0
MAX_SCALE = 4.0
#: The second reading wins by at least this much mean confidence…
BETTER_BY = 0.02
#: …and keeps at least this share of the first reading's characters.
KEEP_TEXT = 0.8
#: At most this many lines per page are read again (bounds the cost of a noisy scan).
MAX_LINES = 12
#: Tesseract's page segmentation mode for one text line.
PSM_SINGLE_LINE = 7

#: Reads one prepared line image: (the Tesseract TSV columns, time-out seconds, cancel).
ReadLine = Callable[[Image.Image, float, CancelToken | None], dict[str, list[str]]]
#: One word row of Tesseract's TSV: ((block, paragraph, line), box, text, confidence 0–1).
WordRow = tuple[tuple[int, int, int], BBox, str, float]


def tsv_words(data: dict[str, list[str]]) -> Iterator[WordRow]:
    """The word rows of Tesseract's TSV (image_to_data's columns)."""
    for i in range(len(data["level"])):
        if int(data["level"][i]) != 5:
            continue
        text = str(data["text"][i]).strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        left, top = int(data["left"][i]), int(data["top"][i])
        box = (left, top, left + int(data["width"][i]), top + int(data["height"][i]))
        yield key, box, text, round(conf / 100.0, 4)


def _height(line: Line, scale: float) -> float:
    heights = sorted(w.bbox[3] - w.bbox[1] for w in line.words)
    return heights[len(heights) // 2] * scale


def candidates(page: Page, scale: float) -> list[Line]:
    """Lines small in the prepared image (``scale`` × their input size) with an unsure word."""
    found = []
    for line in page.lines():
        if not line.words:
            continue
        height = _height(line, scale)
        unsure = min(w.confidence for w in line.words) < UNSURE_WORD
        if MIN_LINE_PX <= height < SMALL_LINE_PX and unsure:
            found.append(line)
    return found[:MAX_LINES]


def reread(
    page: Page,
    prepared: preprocess.Prepared,
    read_line: ReadLine,
    deadline: float,
    cancel: CancelToken | None = None,
) -> int:
    """Reads the small unsure lines of ``page`` again, enlarged; replaces each where the new
    reading is better. Returns how many lines were replaced. Stops at ``deadline``
    (``time.monotonic()``)."""
    work, scale, pad = prepared.image, prepared.scale, prepared.pad
    replaced = 0
    for line in candidates(page, scale):
        left = deadline - time.monotonic()
        if left <= 0:
            break
        height = _height(line, scale)
        x0, y0, x1, y1 = line.bbox
        margin = max(2, round(height * 0.25))
        crop_box = (
            max(0, round(x0 * scale + pad) - 2 * margin),
            max(0, round(y0 * scale + pad) - margin),
            min(work.width, round(x1 * scale + pad) + 2 * margin),
            min(work.height, round(y1 * scale + pad) + margin),
        )
        crop = work.crop(crop_box)
        factor = min(MAX_SCALE, REREAD_LINE_PX / height)
        size = (max(1, round(crop.width * factor)), max(1, round(crop.height * factor)))
        big = crop.resize(size, Image.Resampling.LANCZOS)
        big = ImageOps.expand(big, border=preprocess.PAD, fill=preprocess.median_level(big))
        data = read_line(big, left, cancel)

        def to_prepared(box: BBox, f: float = factor, origin: BBox = crop_box) -> BBox:
            def x(v: int) -> int:
                return round((v - preprocess.PAD) / f + origin[0])

            def y(v: int) -> int:
                return round((v - preprocess.PAD) / f + origin[1])

            return (x(box[0]), y(box[1]), x(box[2]), y(box[3]))

        width, height_in = page.width, page.height
        words = [
            Word(text, prepared.to_source(to_prepared(box), width, height_in), conf)
            for _, box, text, conf in tsv_words(data)
        ]
        if not words:
            continue
        better = Line(words)
        keeps_text = len(better.text) >= KEEP_TEXT * len(line.text)
        if keeps_text and better.confidence >= line.confidence + BETTER_BY:
            line.words[:] = words
            replaced += 1
    return replaced
