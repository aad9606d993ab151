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


#: Tesseract's TSV (image_to_data) columns: what its backends return and the tsv export writes.
TSV_COLUMNS = (
    "level",
    "page_num",
    "block_num",
    "par_num",
    "line_num",
    "word_num",
    "left",
    "top",
    "width",
    "height",
    "conf",
    "text",
)


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


#: A gap between two paragraphs of more than this many line heights is a blank line in the
#: text; less is the spacing of lines in one paragraph (the engine split it at a short line).
PARAGRAPH_GAP = 0.8


def blank_line_between(prev: Paragraph, nxt: Paragraph) -> bool:
    """Whether the text needs a blank line between two consecutive paragraphs: yes when the
    image has a gap wider than a line's spacing, or the next one is not right below (another
    column); no for one paragraph the engine split at a short line ("…or optical" /
    "character reader…")."""
    above, below = prev.lines[-1].bbox, nxt.lines[0].bbox
    heights = sorted(ln.bbox[3] - ln.bbox[1] for ln in (*prev.lines, *nxt.lines))
    height = heights[len(heights) // 2]
    gap = below[1] - above[3]
    overlaps = min(above[2], below[2]) > max(above[0], below[0])
    return not overlaps or gap < 0 or gap > PARAGRAPH_GAP * height


#: Characters a sliver at the region's edge (a cut glyph, a border, a rule) is read as.
STRAY_MARKS = frozenset("—–-_|~¯")
STRAY_CONFIDENCE = 0.6


def is_stray_mark(word: Word) -> bool:
    """A doubtful dash or bar on its own: what an edge of a capture is read as, not text."""
    text = word.text.strip()
    return bool(text) and set(text) <= STRAY_MARKS and word.confidence < STRAY_CONFIDENCE


def drop_stray_marks(page: Page) -> int:
    """Removes doubtful lone dashes and bars at the end of lines (a trailing " —" read from
    the edge of a capture); returns how many. A confident dash stays."""
    dropped = 0
    for block in page.blocks:
        for para in block.paragraphs:
            for line in para.lines:
                while line.words and is_stray_mark(line.words[-1]):
                    line.words.pop()
                    dropped += 1
    page.drop_empty()
    return dropped


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

    def drop_empty(self) -> None:
        """Removes the lines, paragraphs and blocks that words were taken out of."""
        for block in self.blocks:
            for para in block.paragraphs:
                para.lines = [ln for ln in para.lines if ln.words]
            block.paragraphs = [p for p in block.paragraphs if p.lines]
        self.blocks = [b for b in self.blocks if b.paragraphs]

    def lines(self) -> list[Line]:
        return [ln for b in self.blocks for p in b.paragraphs for ln in p.lines]

    def paragraphs(self) -> list[tuple[Paragraph, bool]]:
        """The paragraphs with text in reading order, each with whether a blank line comes
        before it: only where the image has one (see ``blank_line_between``)."""
        found: list[tuple[Paragraph, bool]] = []
        prev: Paragraph | None = None
        for block in self.blocks:
            for para in block.paragraphs:
                if not para.lines:
                    continue
                found.append((para, prev is not None and blank_line_between(prev, para)))
                prev = para
        return found

    @property
    def text(self) -> str:
        """Lines joined by newlines; a blank line between paragraphs set apart in the image."""
        parts: list[str] = []
        for i, (para, blank) in enumerate(self.paragraphs()):
            if i:
                parts.append("\n\n" if blank else "\n")
            parts.append(para.text)
        return "".join(parts)

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
