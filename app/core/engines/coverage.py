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

import re
import statistics
import sys
from collections.abc import Iterable
from dataclasses import dataclass

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


#: Up to this many pixels (of the copy) the components are found in pure Python when OpenCV is
#: not loaded yet: a few ms for a screen region, where importing OpenCV and numpy takes 0.1–0.3 s.
PURE_PYTHON_PIXELS = 400_000
_INK_RUN = re.compile(b"\xff+")


@dataclass
class Components:
    """Connected ink components (8-connected), as OpenCV's ``connectedComponentsWithStats``
    gives them without the background: bounding-box sizes, pixel counts, centroids."""

    widths: list[int]
    heights: list[int]
    areas: list[int]
    cx: list[float]
    cy: list[float]


def otsu_threshold(hist: list[int]) -> int:
    """OpenCV's Otsu threshold of a 256-bin histogram (``getThreshVal_Otsu_8u``, operation for
    operation: the level that maximises the between-class variance, the first one on ties)."""
    total = sum(hist)
    scale = 1.0 / total
    mu = 0.0
    for i in range(256):
        mu += i * float(hist[i])
    mu *= scale
    mu1 = q1 = 0.0
    max_sigma, max_val = 0.0, 0
    for i in range(256):
        p_i = hist[i] * scale
        mu1 *= q1
        q1 += p_i
        q2 = 1.0 - q1
        if min(q1, q2) < FLT_EPSILON or max(q1, q2) > 1.0 - FLT_EPSILON:
            continue
        mu1 = (mu1 + i * p_i) / q1
        mu2 = (mu - q1 * mu1) / q2
        sigma = q1 * q2 * (mu1 - mu2) * (mu1 - mu2)
        if sigma > max_sigma:
            max_sigma, max_val = sigma, i
    return max_val


FLT_EPSILON = 1.1920928955078125e-07


def _median_level(hist: list[int]) -> float:
    """numpy's median of the pixels whose histogram is ``hist`` (the mean of the two middle
    values for an even count)."""
    n = sum(hist)
    lo_rank, hi_rank = (n - 1) // 2, n // 2
    seen, lo = 0, None
    for level, count in enumerate(hist):
        seen += count
        if lo is None and seen > lo_rank:
            lo = level
        if seen > hi_rank:
            return (float(lo or 0) + level) / 2
    return 0.0


def _components_python(gray: Image.Image) -> Components:
    """Otsu binarisation and 8-connected components of ``gray`` in pure Python (runs of ink per
    row, joined with the touching runs of the row above): for small images."""
    hist = gray.histogram()
    threshold = otsu_threshold(hist)
    dark_ink = _median_level(hist) >= 110  # ink is the minority: dark on light, or inverted
    lut = [255 if (v <= threshold) == dark_ink else 0 for v in range(256)]
    ink = gray.point(lut).tobytes()
    width = gray.width
    parent: list[int] = []
    stats: list[list[int]] = []  # x0, x1, y0, y1, area, sum of x, sum of y
    previous: list[tuple[int, int, int]] = []

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for y in range(gray.height):
        row = ink[y * width : (y + 1) * width]
        current: list[tuple[int, int, int]] = []
        j = 0
        for m in _INK_RUN.finditer(row):
            start, end = m.span()  # pixels start .. end - 1
            label = -1
            while j < len(previous) and previous[j][1] < start - 1:  # ends left of the run
                j += 1
            k = j
            while k < len(previous) and previous[k][0] <= end:  # starts by x = end
                other = root(previous[k][2])
                if label < 0:
                    label = other
                elif other != label:
                    parent[other] = label
                    a, b = stats[label], stats[other]
                    a[0], a[1] = min(a[0], b[0]), max(a[1], b[1])
                    a[2], a[3] = min(a[2], b[2]), max(a[3], b[3])
                    a[4], a[5], a[6] = a[4] + b[4], a[5] + b[5], a[6] + b[6]
                k += 1
            length = end - start
            sum_x = (start + end - 1) * length // 2
            if label < 0:
                label = len(parent)
                parent.append(label)
                stats.append([start, end - 1, y, y, length, sum_x, y * length])
            else:
                st = stats[label]
                st[0], st[1], st[3] = min(st[0], start), max(st[1], end - 1), y
                st[4], st[5], st[6] = st[4] + length, st[5] + sum_x, st[6] + y * length
            current.append((start, end - 1, label))
        previous = current
    roots = [st for label, st in enumerate(stats) if parent[label] == label]
    return Components(
        [st[1] - st[0] + 1 for st in roots],
        [st[3] - st[2] + 1 for st in roots],
        [st[4] for st in roots],
        [st[5] / st[4] for st in roots],
        [st[6] / st[4] for st in roots],
    )


def _components_opencv(gray: Image.Image) -> Components:
    """The same with OpenCV (Otsu threshold, ``connectedComponentsWithStats``)."""
    import cv2
    import numpy as np

    arr = np.asarray(gray)
    flag = cv2.THRESH_BINARY_INV if float(np.median(arr)) >= 110 else cv2.THRESH_BINARY
    _thr, ink = cv2.threshold(arr, 0, 255, flag | cv2.THRESH_OTSU)
    _count, _labels, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return Components(
        stats[1:, 2].tolist(),
        stats[1:, 3].tolist(),
        stats[1:, 4].tolist(),
        centroids[1:, 0].tolist(),
        centroids[1:, 1].tolist(),
    )


def _pure_python(pixels: int) -> bool:
    return pixels <= PURE_PYTHON_PIXELS and "cv2" not in sys.modules


def components(gray: Image.Image) -> Components:
    """The ink components of ``gray``: with OpenCV once it is loaded or for a large image,
    else in pure Python (the same components)."""
    if _pure_python(gray.width * gray.height):
        return _components_python(gray)
    return _components_opencv(gray)


def releases_gil(image: Image.Image) -> bool:
    """Whether ``find_ink(image)`` runs mostly without the GIL (OpenCV), so that it gains
    from running beside an engine; the pure-Python count of a small image does not (it only
    slows the engine's own Python down: measured 1-2 ms worse per capture than after it)."""
    scale = min(1.0, SIDE / max(image.size))
    return not _pure_python(round(image.width * scale) * round(image.height * scale))


@dataclass
class Ink:
    """The character-like ink components of an image: their centres on the copy the
    components were found on (``scale`` × the input's pixels, ``size``)."""

    scale: float
    size: tuple[int, int]
    centres: list[tuple[int, int]]


def find_ink(image: Image.Image) -> Ink | None:
    """The character-like ink components of ``image``, or None when it has too few to say
    (fewer than 10). Independent of any result: it can run while an engine reads."""
    gray = image.convert("L")
    scale = min(1.0, SIDE / max(gray.size))
    if scale < 1.0:
        gray = gray.resize(
            (max(1, round(gray.width * scale)), max(1, round(gray.height * scale))),
            Image.Resampling.BILINEAR,
        )
    found = components(gray)
    keep = [area >= MIN_AREA for area in found.areas]
    if sum(keep) < 10:
        return None
    median_h = statistics.median(h for h, k in zip(found.heights, keep, strict=True) if k)
    low, high = HEIGHT_RANGE[0] * median_h, HEIGHT_RANGE[1] * median_h
    keep = [
        k and low <= h <= high and w <= MAX_WIDTH * median_h
        for k, h, w in zip(keep, found.heights, found.widths, strict=True)
    ]
    if sum(keep) < 10:
        return None
    last_x, last_y = gray.width - 1, gray.height - 1
    centres = [
        (min(max(int(x), 0), last_x), min(max(int(y), 0), last_y))
        for k, x, y in zip(keep, found.cx, found.cy, strict=True)
        if k
    ]
    return Ink(scale, gray.size, centres)


def coverage_of(ink: Ink | None, words: Iterable[Word]) -> float | None:
    """Share (0–1) of ``ink``'s components inside the boxes of the trusted ``words`` (input
    pixels), or None when there is too little ink to say."""
    if ink is None:
        return None
    from PIL import ImageDraw

    scale = ink.scale
    mask = Image.new("1", ink.size, 0)
    draw = ImageDraw.Draw(mask)
    for x0, y0, x1, y1 in trusted_boxes(words):
        m = BOX_MARGIN * (y1 - y0)
        draw.rectangle(
            (
                int((x0 - m) * scale),
                int((y0 - m) * scale),
                int((x1 + m) * scale),
                int((y1 + m) * scale),
            ),
            fill=1,
        )
    inside = sum(1 for centre in ink.centres if mask.getpixel(centre))
    return round(inside / len(ink.centres), 4)


def text_coverage(image: Image.Image, words: Iterable[Word]) -> float | None:
    """Share (0–1) of character-like ink components inside the boxes of the trusted ``words``
    (input pixels), or None when the image has too few of them to say."""
    return coverage_of(find_ink(image), words)
