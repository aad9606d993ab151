"""``engine: "auto"``: which engine reads an image, from cheap features of a small copy.

Tesseract reads rendered text — screenshots, clean documents, scans on white paper — fast and
well; PP-OCR (:mod:`app.core.engines.rapid`) reads text in photos, receipts and labels, where
Tesseract's binarisation and layout analysis fail. What separates the two kinds of image is the
background: a rendered page or a screen has one dominant background colour, a photo has none.

Features, on a copy at most ``FEATURE_SIDE`` px on its longer side (nearest-neighbour, so exact
colours survive), in about 10–25 ms:

- ``near_bg``: share of pixels within ±``NEAR_LEVELS`` grey levels of the most common grey level
  (the paper or window colour): ~0.6–0.99 for screens and documents, low for photos;
- ``top1``: share of the most common exact RGB colour: near 1 for flat UI and digital renders,
  lower for scans and camera images (sensor noise, JPEG);
- ``aspect``: height ÷ width — receipts are long strips;
- ``camera``: EXIF names a camera make or model;
- ``width``: a portrait page this narrow was scanned at about 100 dpi or less.

The rule (see :func:`choose`) and how it was fitted are described in the README ("Engines").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PIL import Image

from app.core.engines.rapid import NAME as RAPID

TESSERACT = "tesseract"
#: Longer side of the copy the features are computed on.
FEATURE_SIDE = 640
#: Grey levels either side of the dominant level that count as background.
NEAR_LEVELS = 8
#: Below this background share an image is a photo.
PHOTO_NEAR_BG = 0.40
#: Taller than this (height ÷ width) and noisier than ``RECEIPT_TOP1``: a receipt strip.
RECEIPT_ASPECT = 1.75
RECEIPT_TOP1 = 0.80
#: No exact background colour (camera or scanner noise) and no dominant grey either: a photo
#: of a page or a receipt under uneven light.
NOISY_TOP1 = 0.10
NOISY_NEAR_BG = 0.75
#: A page (portrait, A4/Letter-like) scanned at about 100 dpi or less: PP-OCR reads such
#: low-resolution scans (faxes, forms) far better than Tesseract.
PAGE_ASPECT = (1.2, 1.6)
LOW_RES_PAGE_WIDTH = 1000
#: Bump when the rule or the features change: part of the cache key of ``auto`` results.
ROUTER_VERSION = "2"


@dataclass(frozen=True)
class Features:
    near_bg: float
    top1: float
    aspect: float
    camera: bool = False
    width: int = 0

    def to_dict(self) -> dict[str, float | bool]:
        return asdict(self)


def features(image: Image.Image, camera: bool = False) -> Features:
    """The routing features of ``image`` (see the module docstring)."""
    small = image
    longest = max(image.size)
    if longest > FEATURE_SIDE:
        scale = FEATURE_SIDE / longest
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        small = image.resize(size, Image.Resampling.NEAREST)
    rgb = small.convert("RGB")
    n = rgb.width * rgb.height
    colours = rgb.getcolors(maxcolors=n) or []
    top1 = max((c for c, _ in colours), default=0) / n
    hist = rgb.convert("L").histogram()
    mode = max(range(256), key=lambda v: hist[v])
    near = sum(hist[max(0, mode - NEAR_LEVELS) : mode + NEAR_LEVELS + 1]) / n
    aspect = round(image.height / image.width, 4)
    return Features(round(near, 4), round(top1, 4), aspect, camera, image.width)


def choose(f: Features) -> tuple[str, str]:
    """The engine for an image with features ``f``, and why (one short phrase)."""
    if f.camera:
        return RAPID, "camera photo (EXIF)"
    if f.near_bg < PHOTO_NEAR_BG:
        return RAPID, f"no dominant background ({f.near_bg:.2f})"
    if f.aspect > RECEIPT_ASPECT and f.top1 < RECEIPT_TOP1:
        return RAPID, f"receipt-like strip (h/w {f.aspect:.1f})"
    if f.top1 < NOISY_TOP1 and f.near_bg < NOISY_NEAR_BG:
        return RAPID, f"noisy, uneven background ({f.near_bg:.2f}, {f.top1:.2f})"
    if PAGE_ASPECT[0] <= f.aspect <= PAGE_ASPECT[1] and 0 < f.width <= LOW_RES_PAGE_WIDTH:
        return RAPID, f"low-resolution page scan ({f.width} px wide)"
    return TESSERACT, f"rendered or scanned page (background {f.near_bg:.2f})"
