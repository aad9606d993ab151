"""The second opinion's ink components: the pure-Python finder (small images, no OpenCV import)
gives exactly what OpenCV gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from app.core.engines import coverage
from app.core.engines.coverage import _components_opencv, _components_python
from tests.conftest import text_image

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def _key(found: coverage.Components) -> list[tuple[int, int, int, float, float]]:
    rows = zip(found.widths, found.heights, found.areas, found.cx, found.cy, strict=True)
    return sorted((w, h, a, round(x, 9), round(y, 9)) for w, h, a, x, y in rows)


def _noise(seed: int) -> Image.Image:
    """Random blobs, diagonal strokes and speckle: every way runs can touch."""
    rng = random.Random(seed)
    img = Image.new("L", (173, 91), rng.randrange(150, 256))
    draw = ImageDraw.Draw(img)
    for _ in range(60):
        x, y = rng.randrange(173), rng.randrange(91)
        shade = rng.randrange(0, 120)
        if rng.random() < 0.5:
            draw.line((x, y, x + rng.randrange(-20, 20), y + rng.randrange(-20, 20)), fill=shade)
        else:
            draw.point((x, y), fill=shade)
    return img


CASES = [
    ("dark text on light", lambda: text_image(["Order 4711 shipped", "Total 12.50 EUR"])),
    ("light text on dark", lambda: text_image(["$ ls -la ~/src"], fg="#d0d0d0", bg="#1e1e1e")),
    *[(f"noise {seed}", lambda seed=seed: _noise(seed)) for seed in range(8)],
]


@pytest.mark.parametrize("make", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_pure_python_components_are_opencvs(make):
    gray = make().convert("L")
    assert _key(_components_python(gray)) == _key(_components_opencv(gray))


def test_the_same_on_the_eval_screenshots():
    paths = sorted((EVAL / "screenshot").glob("*.png"))
    if not paths:
        pytest.skip("the shared eval set is not here")
    for path in paths:
        with Image.open(path) as im:
            gray = im.convert("L")
        assert _key(_components_python(gray)) == _key(_components_opencv(gray)), path.name


def test_otsu_and_median_match_opencv_and_numpy():
    import cv2
    import numpy as np

    for make in (c[1] for c in CASES):
        arr = np.asarray(make().convert("L"))
        hist = np.bincount(arr.ravel(), minlength=256).tolist()
        threshold, _ = cv2.threshold(arr, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
        assert coverage.otsu_threshold(hist) == int(threshold)
        assert coverage._median_level(hist) == float(np.median(arr))
