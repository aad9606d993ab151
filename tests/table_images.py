"""Table images rendered with a real font, with and without grid lines, and their cells."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from tests.conftest import font_path

HEADER = ["Region", "Product", "Units", "Price", "Date", "Status"]
_REGIONS = ["North", "South", "East", "West"]
_PRODUCTS = ["Keyboard", "Monitor", "Mouse pad", "Webcam", "Headset", "Cable", "Dock", "Stand"]
_STATUS = ["shipped", "open", "returned", "paid"]


def table_cells(rows: int = 8) -> list[list[str]]:
    """A header and ``rows`` rows of 6 cells (at least 5 × 8 as the issue asks)."""
    body = [
        [
            _REGIONS[i % 4],
            _PRODUCTS[i % len(_PRODUCTS)],
            str(12 + 7 * i),
            f"{4.5 + 3.25 * i:.2f}",
            f"2024-0{1 + i % 9}-{10 + i:02d}",
            _STATUS[i % 4],
        ]
        for i in range(rows)
    ]
    return [HEADER, *body]


def table_image(cells: list[list[str]], scale: float = 1.0, grid: bool = False) -> Image.Image:
    """The cells as a screen table: 15 px DejaVu Sans at 100 % (``scale`` 1.5: 150 %)."""
    size = round(15 * scale)
    font = ImageFont.truetype(font_path(), size)
    pad_x, pad_y = round(14 * scale), round(7 * scale)
    widths = [
        max(int(font.getlength(row[c])) for row in cells) + 2 * pad_x for c in range(len(cells[0]))
    ]
    row_h = size + 2 * pad_y + round(4 * scale)
    margin = round(20 * scale)
    img = Image.new("RGB", (sum(widths) + 2 * margin, row_h * len(cells) + 2 * margin), "white")
    draw = ImageDraw.Draw(img)
    for r, row in enumerate(cells):
        x = margin
        for c, text in enumerate(row):
            draw.text((x + pad_x, margin + r * row_h + pad_y), text, font=font, fill="black")
            x += widths[c]
    if grid:
        line = max(1, round(scale))
        x = margin
        for w in [0, *widths]:
            x += w
            draw.line([(x, margin), (x, margin + row_h * len(cells))], fill="black", width=line)
        for r in range(len(cells) + 1):
            y = margin + r * row_h
            draw.line([(margin, y), (margin + sum(widths), y)], fill="black", width=line)
    return img
