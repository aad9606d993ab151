"""Receipts rendered with a real font: labels on the left, amounts right-aligned (real pixels
for the real engines)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from tests.conftest import font_path

WIDTH = 620


def render_receipt(rows: list[tuple[str, str] | str], path: Path, size: int = 24) -> Path:
    """``rows``: a centred heading (str) or a (left, right) pair on one printed line."""
    font = ImageFont.truetype(font_path("DejaVuSansMono.ttf"), size)
    bold = ImageFont.truetype(font_path("DejaVuSansMono-Bold.ttf"), int(size * 1.4))
    line_h = int(size * 1.6)
    img = Image.new("RGB", (WIDTH, 60 + line_h * (len(rows) + 1)), "white")
    draw = ImageDraw.Draw(img)
    y = 30
    for n, row in enumerate(rows):
        if isinstance(row, str):
            f = bold if n == 0 else font
            draw.text(((WIDTH - f.getlength(row)) / 2, y), row, font=f, fill="black")
            y += int(line_h * (1.4 if n == 0 else 1))
            continue
        left, right = row
        draw.text((30, y), left, font=font, fill="black")
        draw.text((WIDTH - 30 - font.getlength(right), y), right, font=font, fill="black")
        y += line_h
    img.save(path)
    return path


BAKERY_ROWS: list[tuple[str, str] | str] = [
    "CORNER BAKERY LTD",
    "12 Baker Street",
    "London NW1 6XE",
    "Tel: 020 7946 0123",
    ("Date: 14/03/2024", "Time: 09:41"),
    ("Receipt No: 10482", ""),
    ("2 x Croissant @ 1.75", "3.50"),
    ("Coffee Latte", "2.95"),
    ("Orange Juice", "2.10"),
    ("SUBTOTAL", "8.55"),
    ("VAT 20%", "1.71"),
    ("Rounding", "-0.01"),
    ("TOTAL", "£10.25"),
    ("CARD", "£10.25"),
    "Thank you for your visit",
]


def bakery_receipt(path: Path) -> Path:
    """Items 3.50 + 2.95 + 2.10 = 8.55; + VAT 1.71 − rounding 0.01 = 10.25 paid by card."""
    return render_receipt(BAKERY_ROWS, path)


def diner_receipt(path: Path, date: str, symbol: str) -> Path:
    """A short receipt whose only date is ``date``, priced in ``symbol``."""
    return render_receipt(
        [
            "SUNRISE DINER",
            "455 Market Street",
            "San Francisco, CA 94105",
            (f"Date: {date}", "Time: 12:30"),
            ("Pancakes", f"{symbol}8.50"),
            ("Coffee", f"{symbol}2.50"),
            ("TOTAL", f"{symbol}11.00"),
            ("CASH", f"{symbol}20.00"),
            ("CHANGE", f"{symbol}9.00"),
        ],
        path,
    )
