"""Reading order for engines that return loose text segments (PP-OCR): segments → page.

A detector such as PP-OCR's returns text *segments*: one box per run of text, in no useful order,
with no notion of lines, paragraphs or columns. A receipt row "SUBTOTAL ........ 12.00" comes back
as two segments; a two-column page as interleaved lines. This module builds the result model's
page → block → paragraph → line → word tree from their geometry alone:

1. **Bands**: the segments are cut into horizontal bands at empty gaps across the whole region
   (at least ``BAND_GAP`` line heights).
2. **Columns**: inside a band, a vertical gutter that no segment crosses splits it into columns
   only when both sides read as *prose* (several lines, wide relative to their side), or one side
   does and the rows of the two sides do not line up (text beside a table or a figure). Receipts
   and tables — a price column aligned with its items, short cells — stay together, so each row
   reads left to right.
   Accepted columns are cut again recursively (XY-cut).
3. **Rows**: in each block, segments that overlap vertically (by half the smaller height) form one
   line, ordered left to right.
4. **Paragraphs**: consecutive rows stay in one paragraph while the gap between them is small
   compared with the line height and the heights are alike.

No image access: only boxes, so it is cheap and engine-independent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from app.core.model import BBox, Block, Line, Page, Paragraph, Word, union


@dataclass
class Segment:
    """One detected run of text with its words (boxes in page pixels)."""

    bbox: BBox
    words: list[Word] = field(default_factory=list)

    @property
    def height(self) -> int:
        return max(1, self.bbox[3] - self.bbox[1])

    @property
    def width(self) -> int:
        return max(1, self.bbox[2] - self.bbox[0])

    @property
    def cy(self) -> float:
        return (self.bbox[1] + self.bbox[3]) / 2


#: An empty horizontal gap this many median line heights tall separates bands.
BAND_GAP = 0.6
#: A vertical gutter must be at least this many median line heights wide to split columns.
MIN_GUTTER_LINES = 0.8
#: Each side of a column split must be at least this share of the band's width.
MIN_COLUMN_SHARE = 0.2
#: A prose column's lines are (median) at least this share of the column's width.
PROSE_FILL = 0.55
#: A prose column has at least this many segments.
MIN_PROSE_LINES = 3
#: A text column beside something else splits off when fewer of their rows line up than this.
ALIGNED_ROWS = 0.7
#: Rows further apart than this many line heights start a new paragraph.
PARAGRAPH_GAP = 0.9
#: Rows whose heights differ by more than this factor start a new paragraph.
PARAGRAPH_HEIGHT_RATIO = 1.6


def build_page(segments: list[Segment], width: int, height: int) -> Page:
    """The page tree in reading order (see the module docstring)."""
    page = Page(width, height)
    segs = [s for s in segments if s.words]
    if not segs:
        return page
    line_h = median(s.height for s in segs)
    for block_segs in _blocks(segs, line_h):
        block = _block(block_segs)
        if block.paragraphs:
            page.blocks.append(block)
    return page


def _blocks(segs: list[Segment], line_h: float) -> list[list[Segment]]:
    """Recursive XY-cut into blocks, in reading order."""
    out: list[list[Segment]] = []
    for band in _bands(segs, line_h):
        split = _column_split(band, line_h)
        if split is None:
            out.append(band)
            continue
        left, right = split
        out += _blocks(left, line_h)
        out += _blocks(right, line_h)
    return out


def _bands(segs: list[Segment], line_h: float) -> list[list[Segment]]:
    """Cuts wherever an empty gap of at least ``BAND_GAP`` line heights spans the region."""
    ordered = sorted(segs, key=lambda s: (s.bbox[1], s.bbox[0]))
    bands: list[list[Segment]] = []
    bottom = 0
    for s in ordered:
        if bands and s.bbox[1] - bottom < BAND_GAP * line_h:
            bands[-1].append(s)
            bottom = max(bottom, s.bbox[3])
        else:
            bands.append([s])
            bottom = s.bbox[3]
    return bands


def _column_split(band: list[Segment], line_h: float) -> tuple[list[Segment], list[Segment]] | None:
    """The widest vertical gutter of the band, if both sides are prose columns."""
    if len(band) < 2 * MIN_PROSE_LINES:
        return None
    x0 = min(s.bbox[0] for s in band)
    x1 = max(s.bbox[2] for s in band)
    span = max(1, x1 - x0)
    # Free intervals on the x axis: merge the segments' x ranges and look at the holes.
    ranges = sorted((s.bbox[0], s.bbox[2]) for s in band)
    gaps: list[tuple[int, int]] = []
    cur_end = ranges[0][1]
    for a, b in ranges[1:]:
        if a > cur_end:
            gaps.append((cur_end, a))
        cur_end = max(cur_end, b)
    best: tuple[list[Segment], list[Segment]] | None = None
    best_width = 0
    for a, b in gaps:
        if b - a < MIN_GUTTER_LINES * line_h or b - a <= best_width:
            continue
        cut = (a + b) / 2
        left = [s for s in band if s.bbox[2] <= cut]
        right = [s for s in band if s.bbox[0] >= cut]
        prose = _is_prose(left, cut - x0, span), _is_prose(right, x1 - cut, span)
        # Two text columns; or a text column beside a table or figure whose lines do not run
        # on into it (a receipt's prices are aligned with their items).
        if all(prose) or (any(prose) and _aligned(left, right) < ALIGNED_ROWS):
            best, best_width = (left, right), b - a
    return best


def _aligned(a: list[Segment], b: list[Segment]) -> float:
    """Share of the smaller side's segments that sit on a row of the other side."""
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    hits = 0
    for s in small:
        for t in big:
            overlap = min(s.bbox[3], t.bbox[3]) - max(s.bbox[1], t.bbox[1])
            if overlap >= 0.6 * min(s.height, t.height):
                hits += 1
                break
    return hits / max(1, len(small))


def _is_prose(side: list[Segment], side_width: float, span: float) -> bool:
    if len(side) < MIN_PROSE_LINES or side_width < MIN_COLUMN_SHARE * span:
        return False
    # Several segments on one row (cells) mean a table, not a text column.
    rows = _rows(side)
    if len(rows) < MIN_PROSE_LINES or len(rows) < 0.7 * len(side):
        return False
    row_widths = [union([s.bbox for s in r])[2] - union([s.bbox for s in r])[0] for r in rows]
    return median(row_widths) >= PROSE_FILL * side_width


def _rows(segs: list[Segment]) -> list[list[Segment]]:
    """Groups segments into rows (vertical overlap ≥ half the smaller height), top to bottom."""
    rows: list[tuple[list[Segment], list[int]]] = []  # segments, [top, bottom]
    for s in sorted(segs, key=lambda s: s.cy):
        best, best_overlap = None, 0.0
        for i, (_members, (top, bottom)) in enumerate(rows[-4:], start=max(0, len(rows) - 4)):
            overlap = min(bottom, s.bbox[3]) - max(top, s.bbox[1])
            need = 0.5 * min(s.height, bottom - top)
            if overlap >= need and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None:
            rows.append(([s], [s.bbox[1], s.bbox[3]]))
        else:
            members, extent = rows[best]
            members.append(s)
            # The row's extent follows its median member, so a tall neighbour cannot swallow
            # the next row.
            extent[0] = round(median(m.bbox[1] for m in members))
            extent[1] = round(median(m.bbox[3] for m in members))
    ordered = sorted(rows, key=lambda r: (r[1][0] + r[1][1]) / 2)
    return [sorted(members, key=lambda s: s.bbox[0]) for members, _ in ordered]


def _block(segs: list[Segment]) -> Block:
    block = Block()
    para: Paragraph | None = None
    prev: BBox | None = None
    for row in _rows(segs):
        line = Line([w for s in row for w in s.words])
        box = line.bbox
        if para is None or prev is None or _new_paragraph(prev, box):
            para = Paragraph()
            block.paragraphs.append(para)
        para.lines.append(line)
        prev = box
    return block


def _new_paragraph(prev: BBox, box: BBox) -> bool:
    h_prev, h = max(1, prev[3] - prev[1]), max(1, box[3] - box[1])
    gap = box[1] - prev[3]
    if gap > PARAGRAPH_GAP * min(h_prev, h):
        return True
    return max(h_prev, h) / min(h_prev, h) > PARAGRAPH_HEIGHT_RATIO


def _side_by_side(a: BBox, b: BBox) -> bool:
    """Apart left and right, and overlapping top to bottom by half the shorter one."""
    if a[0] < b[2] and b[0] < a[2]:
        return False
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap >= 0.5 * min(a[3] - a[1], b[3] - b[1])


#: A table column's lines have (median) at most this many words: cells, not sentences.
CELL_WORDS = 3


def _cells(segs: list[Segment]) -> bool:
    """Whether these lines read as a table column (short cells), not as text."""
    return median(len(s.words) for s in segs) <= CELL_WORDS


def join_table_columns(page: Page) -> int:
    """Reads a table row by row where the engine made one block of each of its columns.

    Tesseract's layout analysis takes the columns of a table without ruling lines (a price list,
    a form's labels and values) for text columns: "Item / Coffee beans / Milk", then "Qty / 2 /
    1", then the prices. Blocks that sit side by side, whose lines are cells (``CELL_WORDS``)
    and line up row by row (``ALIGNED_ROWS``) are joined into one block where the first
    of them was: one paragraph of one line per row (``_rows``). Text columns, and text beside a
    table or a figure, keep the engine's order. Returns how many blocks were joined into others.
    """
    blocks = page.blocks
    if len(blocks) < 2:
        return 0
    segs = [
        [Segment(ln.bbox, list(ln.words)) for p in b.paragraphs for ln in p.lines] for b in blocks
    ]
    boxes = [b.bbox for b in blocks]
    parent = list(range(len(blocks)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(blocks)):
        for j in range(i + 1, len(blocks)):
            if not (segs[i] and segs[j] and _side_by_side(boxes[i], boxes[j])):
                continue
            if _cells(segs[i]) and _cells(segs[j]) and _aligned(segs[i], segs[j]) >= ALIGNED_ROWS:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(blocks)):
        groups.setdefault(root(i), []).append(i)
    if all(len(g) == 1 for g in groups.values()):
        return 0
    out: list[Block] = []
    for i, block in enumerate(blocks):
        members = groups[root(i)]
        if len(members) == 1:
            out.append(block)
        elif i == members[0]:
            joined = [s for m in members for s in segs[m]]
            # a table's rows: one paragraph, a line each (no blank lines between rows)
            rows = [Line([w for s in row for w in s.words]) for row in _rows(joined)]
            out.append(Block([Paragraph(rows)]))
    page.blocks = out
    return sum(len(g) - 1 for g in groups.values())
