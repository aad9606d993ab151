"""Screenshot-aware preprocessing: make small, dark or coloured UI text easy for Tesseract.

Every step records how it moved pixels so word boxes can be mapped back to the input image.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageOps, ImageStat

from app.core.model import BBox


@dataclass
class Prepared:
    """The image to hand to the engine and how to map its coordinates back."""

    image: Image.Image
    scale: float = 1.0
    pad: int = 0
    steps: list[str] = field(default_factory=list)

    def to_source(self, box: BBox, width: int, height: int) -> BBox:
        """Maps a box in ``image`` back to the input (``width`` × ``height``)."""
        x0, y0, x1, y1 = box
        s, p = self.scale, self.pad

        def cx(v: float) -> int:
            return max(0, min(width, round((v - p) / s)))

        def cy(v: float) -> int:
            return max(0, min(height, round((v - p) / s)))

        return (cx(x0), cy(y0), cx(x1), cy(y1))


def prepare(image: Image.Image, enabled: bool = True) -> Prepared:
    """Grayscale, invert dark backgrounds, upscale small images, pad with the border colour."""
    if not enabled:
        return Prepared(image)
    steps: list[str] = []
    gray = image.convert("L") if image.mode != "L" else image
    steps.append("grayscale")
    if ImageStat.Stat(gray).mean[0] < 110:
        gray = ImageOps.invert(gray)
        steps.append("invert")
    scale = 1.0
    if gray.height < 300 or gray.width < 300:
        scale = 2.0
    if scale != 1.0:
        gray = gray.resize((round(gray.width * scale), round(gray.height * scale)),
                           Image.Resampling.LANCZOS)
        steps.append(f"upscale×{scale:g}")
    pad = 10
    border = ImageStat.Stat(ImageOps.crop(gray, 0) if False else gray).median[0]
    gray = ImageOps.expand(gray, border=pad, fill=int(border))
    steps.append("pad")
    return Prepared(gray, scale, pad, steps)
