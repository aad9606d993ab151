"""Barcodes and QR codes on a page, read with zxing-cpp in the same pass as the text."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PIL import Image

from app.core.model import BBox, Page

log = logging.getLogger(__name__)

#: Two-dimensional codes: nothing but modules inside their box (a linear code's digits may be).
MATRIX_CODES = frozenset(
    {"QR Code", "Micro QR Code", "rMQR Code", "Data Matrix", "Aztec", "PDF417", "MaxiCode"}
)
#: A word with this share of its box inside a matrix code's box was read from its modules.
INSIDE_SHARE = 0.6


@dataclass
class Barcode:
    format: str  # zxing-cpp's name: "QR Code", "EAN-13", "Code 128", …
    text: str
    bbox: BBox  # pixels of the input image
    page: int = 1

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": self.format, "text": self.text, "bbox": list(self.bbox)}
        if self.page != 1:
            data["page"] = self.page
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Barcode:
        x0, y0, x1, y1 = (int(v) for v in data["bbox"])
        return cls(
            str(data["format"]), str(data["text"]), (x0, y0, x1, y1), int(data.get("page", 1))
        )


def read_barcodes(image: Image.Image, page: int = 1) -> list[Barcode]:
    """Every barcode zxing-cpp finds on ``image`` (any format it knows), top to bottom."""
    try:
        import zxingcpp
    except ImportError:  # an install without it still reads text
        log.warning("zxing-cpp is not installed: barcodes are not read")
        return []
    found: list[Barcode] = []
    for code in zxingcpp.read_barcodes(image):
        if not code.valid:
            continue
        pos = code.position
        xs = [pos.top_left.x, pos.top_right.x, pos.bottom_right.x, pos.bottom_left.x]
        ys = [pos.top_left.y, pos.top_right.y, pos.bottom_right.y, pos.bottom_left.y]
        found.append(
            Barcode(str(code.format), code.text, (min(xs), min(ys), max(xs), max(ys)), page)
        )
    return sorted(found, key=lambda b: (b.bbox[1], b.bbox[0]))


def barcodes_text(barcodes: list[Barcode]) -> str:
    """The lines txt output appends: ``[QR Code] https://…``."""
    return "\n".join(f"[{b.format}] {b.text}" for b in barcodes)


def _inside_share(word: BBox, code: BBox) -> float:
    w = max(0, min(word[2], code[2]) - max(word[0], code[0]))
    h = max(0, min(word[3], code[3]) - max(word[1], code[1]))
    area = max(1, (word[2] - word[0]) * (word[3] - word[1]))
    return w * h / area


def drop_words_on_codes(page: Page, codes: list[Barcode]) -> int:
    """Removes the words an engine read from the modules of the matrix codes on ``page``
    (a QR code's corners read as "Oo}", "tO]", "|"): the code's text is in ``barcodes``.
    Returns how many."""
    boxes = [c.bbox for c in codes if c.format in MATRIX_CODES]
    if not boxes:
        return 0
    dropped = 0
    for line in page.lines():
        kept = [
            w for w in line.words if all(_inside_share(w.bbox, b) < INSIDE_SHARE for b in boxes)
        ]
        dropped += len(line.words) - len(kept)
        line.words = kept
    page.drop_empty()
    return dropped
