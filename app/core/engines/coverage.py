"""How much of an image's text a result read: the yardstick for a second opinion.

Tesseract's layout analysis sometimes throws away whole regions — a column of short numbers in a
table, the cells of a form — and still reports high confidence for what it kept. Confidence
cannot show what was never read, but the ink can: the image is binarised (Otsu), its connected
components that are shaped like characters are counted, and the share of them that fall inside a
trusted recognised word's box is the *coverage* (garbage "words" — unsure, or as tall as
several lines — do not count). Rules, frames, pictures and specks are left out by size.

Two engines' coverages of the same image are comparable where their confidences are not.
Cost: about 10–40 ms on a copy at most ``SIDE`` px on its longer side.
"""

from __future__ import annotations

from collections.abc import Iterable

from PIL import Image

from app.core.model import BBox, Word

#: Longer side of the copy the components are found on.
SIDE = 1600
#: Components smaller than this (px², on the copy) are specks.
MIN_AREA = 4
#: Character-like: height within these multiples of the median component height, width at
#: most ``MAX_WIDTH`` of it (a word's letters may touch; a rule is much wider).
HEIGHT_RANGE = (0.4, 3.0)
MAX_WIDTH = 8.0
#: Words below this confidence, or taller than this many median word heights, are not trusted.
MIN_WORD_CONFIDENCE = 0.4
MAX_WORD_LINES = 2.5
#: Word boxes grow by this share of their height before testing a component's centre.
BOX_MARGIN = 0.25


def trusted_boxes(words: Iterable[Word]) -> list[BBox]:
    """Boxes of the words that count as read: confident enough, and no taller than a few text
    lines (Tesseract reads a column of single digits as one tall "word" of garbage)."""
    words = list(words)
    if not words:
        return []
    heights = sorted(w.bbox[3] - w.bbox[1] for w in words)
    median_h = heights[len(heights) // 2]
    return [
        w.bbox
        for w in words
        if w.confidence >= MIN_WORD_CONFIDENCE
        and w.bbox[3] - w.bbox[1] <= MAX_WORD_LINES * median_h
    ]


def tall_garbage(words: Iterable[Word]) -> int:
    """Unsure words as tall as several lines: Tesseract's sign that it read a column of short
    cells (single digits, check marks) top to bottom as one word."""
    words = list(words)
    if not words:
        return 0
    heights = sorted(w.bbox[3] - w.bbox[1] for w in words)
    limit = MAX_WORD_LINES * heights[len(heights) // 2]
    return sum(
        1 for w in words if w.confidence < MIN_WORD_CONFIDENCE and w.bbox[3] - w.bbox[1] > limit
    )


def text_coverage(image: Image.Image, words: Iterable[Word]) -> float | None:
    """Share (0–1) of character-like ink components inside the boxes of the trusted ``words``
    (input pixels), or None when the image has too few of them to say."""
    import cv2
    import numpy as np

    boxes = trusted_boxes(words)
    gray = image.convert("L")
    scale = min(1.0, SIDE / max(gray.size))
    if scale < 1.0:
        gray = gray.resize(
            (max(1, round(gray.width * scale)), max(1, round(gray.height * scale))),
            Image.Resampling.BILINEAR,
        )
    arr = np.asarray(gray)
    # Ink is the minority: dark text on light (or light on dark, then inverted).
    flag = cv2.THRESH_BINARY_INV if float(np.median(arr)) >= 110 else cv2.THRESH_BINARY
    _thr, ink = cv2.threshold(arr, 0, 255, flag | cv2.THRESH_OTSU)
    count, _labels, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count <= 1:
        return None
    widths, heights, areas = stats[1:, 2], stats[1:, 3], stats[1:, 4]
    keep = areas >= MIN_AREA
    if int(keep.sum()) < 10:
        return None
    median_h = float(np.median(heights[keep]))
    keep &= (heights >= HEIGHT_RANGE[0] * median_h) & (heights <= HEIGHT_RANGE[1] * median_h)
    keep &= widths <= MAX_WIDTH * median_h
    n = int(keep.sum())
    if n < 10:
        return None
    mask = np.zeros(arr.shape, dtype=np.uint8)
    for x0, y0, x1, y1 in boxes:
        m = BOX_MARGIN * (y1 - y0)
        cv2.rectangle(
            mask,
            (int((x0 - m) * scale), int((y0 - m) * scale)),
            (int((x1 + m) * scale), int((y1 + m) * scale)),
            255,
            thickness=-1,
        )
    cx = np.clip(centroids[1:, 0].astype(int), 0, arr.shape[1] - 1)
    cy = np.clip(centroids[1:, 1].astype(int), 0, arr.shape[0] - 1)
    inside = mask[cy, cx] > 0
    return round(float((inside & keep).sum()) / n, 4)
