"""Tables from word geometry: rows of words, cells apart by wide gaps, columns from the
vertical gutters that no cell crosses. One implementation for csv, Markdown and the window.

Works on the result model only (word boxes), so for both engines and for cached results. Ruling
lines are not needed: grid lines leave the gutters empty of words too, and a word that is only a
rule read as text (``|``, ``—``) is dropped.
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass, field
from statistics import median

from PIL import Image

from app.core.model import BBox, Page, Word, union
from app.core.textmode import join_lines

#: A gap between two words this many (median) word heights wide separates cells.
CELL_GAP = 0.9
#: Words overlap vertically by this share of the smaller height to be on one row.
ROW_OVERLAP = 0.5
#: The fewest rows and columns a table has.
MIN_ROWS, MIN_COLUMNS = 2, 2
_RULE = re.compile(r"^[|¦│┃‖_\-—–=+.:]+$")


@dataclass
class Cell:
    words: list[Word]

    @property
    def bbox(self) -> BBox:
        return union([w.bbox for w in self.words])

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Table:
    """Rows of cell texts (every row as long as the widest; empty cells are "")."""

    rows: list[list[str]]
    bbox: BBox
    words: list[Word] = field(default_factory=list, repr=False)

    @property
    def columns(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def _rows(words: list[Word]) -> list[list[Word]]:
    rows: list[list[Word]] = []
    bands: list[tuple[int, int]] = []
    for word in sorted(words, key=lambda w: (w.bbox[1] + w.bbox[3]) / 2):
        top, bottom = word.bbox[1], word.bbox[3]
        for i, (b_top, b_bottom) in enumerate(bands):
            overlap = min(bottom, b_bottom) - max(top, b_top)
            if overlap >= ROW_OVERLAP * min(bottom - top, b_bottom - b_top):
                rows[i].append(word)
                bands[i] = (min(top, b_top), max(bottom, b_bottom))
                break
        else:
            rows.append([word])
            bands.append((top, bottom))
    for row in rows:
        row.sort(key=lambda w: w.bbox[0])
    return sorted(rows, key=lambda r: min(w.bbox[1] for w in r))


def _cells(row: list[Word], gap: float) -> list[Cell]:
    cells = [Cell([row[0]])]
    for word in row[1:]:
        if word.bbox[0] - cells[-1].bbox[2] > gap:
            cells.append(Cell([word]))
        else:
            cells[-1].words.append(word)
    return cells


def _columns(rows: list[list[Cell]]) -> list[tuple[int, int]]:
    """Column spans: the union of the cells' x-extents, split where no cell crosses."""
    spans = sorted((c.bbox[0], c.bbox[2]) for row in rows for c in row)
    merged: list[list[int]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def _table(rows: list[list[Cell]]) -> Table | None:
    columns = _columns(rows)
    if len(columns) < MIN_COLUMNS:
        return None
    out: list[list[str]] = []
    words: list[Word] = []
    for row in rows:
        texts = [""] * len(columns)
        for cell in row:
            cx = (cell.bbox[0] + cell.bbox[2]) / 2
            index = next(
                (i for i, (a, b) in enumerate(columns) if a <= cx <= b),
                min(range(len(columns)), key=lambda i: abs(columns[i][0] - cx)),
            )
            texts[index] = f"{texts[index]} {cell.text}".strip()
            words += cell.words
        out.append(texts)
    return Table(out, union([w.bbox for w in words]), words)


def find_tables(page: Page) -> list[Table]:
    """The tables of ``page``, top to bottom: runs of at least MIN_ROWS consecutive rows that
    have two or more cells, with at least MIN_COLUMNS columns."""
    words = [w for w in page.words() if w.text.strip() and not _RULE.match(w.text)]
    if not words:
        return []
    gap = CELL_GAP * median(w.bbox[3] - w.bbox[1] for w in words)
    rows = [_cells(r, gap) for r in _rows(words)]
    tables: list[Table] = []
    run: list[list[Cell]] = []
    for row in [*rows, []]:
        if len(row) >= 2:
            run.append(row)
            continue
        if len(run) >= MIN_ROWS:
            table = _table(run)
            if table is not None:
                tables.append(table)
        run = []
    return tables


def tables_csv(tables: list[Table], delimiter: str = ",") -> str:
    """Every table as CSV rows (``delimiter`` "\\t": TSV, what spreadsheets paste as cells),
    tables apart by an empty line."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    for n, table in enumerate(tables):
        if n:
            buf.write("\n")
        writer.writerows(table.rows)
    return buf.getvalue()


def tables_html(tables: list[Table]) -> str:
    """Every table as an HTML table (first row as header): what word processors and
    spreadsheets paste as a table."""
    parts = []
    for table in tables:
        rows = [r + [""] * (table.columns - len(r)) for r in table.rows]
        head = "".join(f"<th>{html.escape(c)}</th>" for c in rows[0])
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows[1:]
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return "<br>".join(parts)


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def table_markdown(table: Table) -> str:
    width = table.columns
    rows = [r + [""] * (width - len(r)) for r in table.rows]
    lines = ["| " + " | ".join(_md_cell(c) for c in rows[0]) + " |"]
    lines.append("|" + "|".join(" --- " for _ in range(width)) + "|")
    lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def page_markdown(page: Page) -> str:
    """The page as Markdown: tables as tables, the other text as paragraphs, top to bottom."""
    tables = find_tables(page)
    in_table = {id(w) for t in tables for w in t.words}
    items: list[tuple[int, str]] = [(t.bbox[1], table_markdown(t)) for t in tables]
    for block in page.blocks:
        for para in block.paragraphs:
            lines = []
            for line in para.lines:
                kept = [w for w in line.words if id(w) not in in_table]
                if kept:
                    lines.append(type(line)(kept))
            if lines:
                text = join_lines(lines)
                items.append((min(ln.bbox[1] for ln in lines), _md_text(text)))
    items.sort(key=lambda item: item[0])
    return "\n\n".join(text for _, text in items)


def _md_text(text: str) -> str:
    """Plain text that Markdown shows as written (no accidental headings, lists or tables)."""
    escaped = re.sub(r"([\\`*_|<>\[\]])", r"\\\1", text)
    return re.sub(r"^([#+\-]|\d+\.)(\s)", r"\\\1\2", escaped)


def remove_rules(image: Image.Image) -> Image.Image:
    """The image with its ruling lines (long thin horizontal and vertical strokes: a table's
    grid) painted over in the background colour, so that the engine reads the cells as text
    rather than the grid as a picture. Text strokes are far shorter than the kernels."""
    import cv2
    import numpy as np

    grey = np.asarray(image.convert("L"))
    dark_on_light = grey.mean() >= 128
    ink = grey < 128 if dark_on_light else grey >= 128
    mask = ink.astype(np.uint8) * 255
    h, w = mask.shape
    horizontal = cv2.morphologyEx(
        mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(25, w // 12), 1))
    )
    vertical = cv2.morphologyEx(
        mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(25, h // 12)))
    )
    rules = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((3, 3), np.uint8))
    if not rules.any():
        return image
    out = np.asarray(image.convert("RGB")).copy()
    background = 255 if dark_on_light else 0
    out[rules > 0] = background
    cleaned = Image.fromarray(out)
    cleaned.info.update(image.info)
    return cleaned
