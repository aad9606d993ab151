"""Crop and rotate an input image for a new job (the GUI's "Recognise selection" and
"Rotate 90°"). Pixel coordinates are those of the upright image (EXIF orientation applied),
as the result's boxes are."""

from __future__ import annotations

import io
from pathlib import PurePath

from PIL import Image, ImageOps

from app.core.errors import InvalidInputError, OptionsError


def _upright(data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (OSError, ValueError) as exc:
        raise InvalidInputError(f"not a supported image: {exc}") from exc
    return ImageOps.exif_transpose(image)


def _png(image: Image.Image) -> bytes:
    if image.mode not in ("1", "L", "LA", "RGB", "RGBA", "P", "I;16"):
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)  # fast: the job reads it once, the store keeps it
    return out.getvalue()


def crop(data: bytes, x: int, y: int, w: int, h: int) -> bytes:
    """The region (clipped to the image) as PNG; an empty region is an error."""
    image = _upright(data)
    left, top = max(0, x), max(0, y)
    right, bottom = min(image.width, x + w), min(image.height, y + h)
    if right - left < 2 or bottom - top < 2:
        raise OptionsError("the selection is outside the image or too small")
    return _png(image.crop((left, top, right, bottom)))


def rotate(data: bytes, quarter_turns: int) -> bytes:
    """Turned by 90° ``quarter_turns`` times clockwise (negative: counter-clockwise), as PNG."""
    turns = quarter_turns % 4
    image = _upright(data)
    if turns:
        image = image.transpose(
            {1: Image.Transpose.ROTATE_270, 2: Image.Transpose.ROTATE_180}.get(
                turns, Image.Transpose.ROTATE_90
            )
        )
    return _png(image)


def derived_name(filename: str, what: str) -> str:
    """``scan.jpg`` + ``crop`` -> ``scan-crop.png``."""
    return f"{PurePath(filename).stem or 'image'}-{what}.png"
