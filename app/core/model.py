"""The one result model every exporter, the store and the GUI read.

Boxes are ``(x0, y0, x1, y1)`` in pixels of the input image as given (after any EXIF rotation),
origin top-left. Confidences are 0..1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BBox = tuple[int, int, int, int]


def union(boxes: list[BBox]) -> BBox:
    if not boxes:
        return (0, 0, 0, 0)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


@dataclass
class Word:
    text: str
    bbox: BBox
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "bbox": list(self.bbox), "confidence": self.confidence}


@dataclass
class Line:
    words: list[Word] = field(default_factory=list)

    @property
    def bbox(self) -> BBox:
        return union([w.bbox for w in self.words])

    @property
    def confidence(self) -> float:
        return _mean([w.confidence for w in self.words])

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def to_dict(self) -> dict[str, Any]:
        return {
            "bbox": list(self.bbox),
            "confidence": self.confidence,
            "text": self.text,
            "words": [w.to_dict() for w in self.words],
        }


@dataclass
class Paragraph:
    lines: list[Line] = field(default_factory=list)

    @property
    def bbox(self) -> BBox:
        return union([ln.bbox for ln in self.lines])

    @property
    def confidence(self) -> float:
        return _mean([w.confidence for ln in self.lines for w in ln.words])

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "bbox": list(self.bbox),
            "confidence": self.confidence,
            "lines": [ln.to_dict() for ln in self.lines],
        }


@dataclass
class Block:
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def bbox(self) -> BBox:
        return union([p.bbox for p in self.paragraphs])

    @property
    def confidence(self) -> float:
        return _mean([w.confidence for p in self.paragraphs for ln in p.lines for w in ln.words])

    def to_dict(self) -> dict[str, Any]:
        return {
            "bbox": list(self.bbox),
            "confidence": self.confidence,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
        }


@dataclass
class Page:
    width: int
    height: int
    blocks: list[Block] = field(default_factory=list)

    def words(self) -> list[Word]:
        return [w for b in self.blocks for p in b.paragraphs for ln in p.lines for w in ln.words]

    def lines(self) -> list[Line]:
        return [ln for b in self.blocks for p in b.paragraphs for ln in p.lines]

    @property
    def text(self) -> str:
        """Lines joined by newlines, paragraphs separated by a blank line."""
        paras = [p.text for b in self.blocks for p in b.paragraphs if p.lines]
        return "\n\n".join(paras)

    def to_dict(self) -> dict[str, Any]:
        return {
            "width": self.width,
            "height": self.height,
            "blocks": [b.to_dict() for b in self.blocks],
        }


#: Between the texts of two pages of one input (as Tesseract and pdftotext write it).
PAGE_BREAK = "\f"


@dataclass
class OcrResult:
    """What one input yields: the text, the layout, and how it was read. A multi-page input
    (PDF, multi-page TIFF) has its first page in ``page`` and the others in ``more_pages``."""

    page: Page
    language: str
    orientation: int = 0
    engine: str = "tesseract"
    engine_version: str = ""
    warnings: list[str] = field(default_factory=list)
    more_pages: list[Page] = field(default_factory=list)
    #: barcodes and QR codes (``app.core.barcodes.Barcode``)
    barcodes: list[Any] = field(default_factory=list)

    @property
    def pages(self) -> list[Page]:
        return [self.page, *self.more_pages]

    @property
    def text(self) -> str:
        return PAGE_BREAK.join(p.text for p in self.pages)

    @property
    def confidence(self) -> float:
        return _mean([w.confidence for p in self.pages for w in p.words()])

    def to_dict(self, layout: bool = True) -> dict[str, Any]:
        """The job's ``result_json``; ``pages`` only with layout."""
        data: dict[str, Any] = {
            "confidence": self.confidence,
            "text": self.text,
            "language": self.language,
            "orientation": self.orientation,
            "engine": self.engine,
        }
        if self.barcodes:
            data["barcodes"] = [b.to_dict() for b in self.barcodes]
        if layout:
            data["pages"] = [p.to_dict() for p in self.pages]
        return data

    def to_storage(self) -> dict[str, Any]:
        data = self.to_dict(layout=True)
        data["engine_version"] = self.engine_version
        data["warnings"] = list(self.warnings)
        return data

    @classmethod
    def from_storage(cls, data: dict[str, Any]) -> OcrResult:
        from app.core.barcodes import Barcode

        pages = [_page_from_dict(p) for p in data["pages"]]
        return cls(
            barcodes=[Barcode.from_dict(b) for b in data.get("barcodes") or []],
            page=pages[0],
            language=data.get("language", ""),
            orientation=int(data.get("orientation", 0)),
            engine=data.get("engine", "tesseract"),
            engine_version=data.get("engine_version", ""),
            warnings=list(data.get("warnings", [])),
            more_pages=pages[1:],
        )


def _page_from_dict(pdata: dict[str, Any]) -> Page:
    page = Page(int(pdata["width"]), int(pdata["height"]))
    for b in pdata["blocks"]:
        block = Block()
        for p in b["paragraphs"]:
            para = Paragraph()
            for ln in p["lines"]:
                para.lines.append(
                    Line(
                        [
                            Word(w["text"], tuple(w["bbox"]), float(w["confidence"]))  # type: ignore[arg-type]
                            for w in ln["words"]
                        ]
                    )
                )
            block.paragraphs.append(para)
        page.blocks.append(block)
    return page
