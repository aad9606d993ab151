"""PDF and multi-page TIFF inputs made for the tests: scans (images only), born-digital text,
and the broken kinds (truncated, encrypted, no pages, too many pages)."""

from __future__ import annotations

import io

from fpdf import FPDF
from PIL import Image

from tests.conftest import text_image

SCAN_PAGES = [
    ["Page one of the scan", "first paragraph here"],
    ["Second page text", "more words follow"],
    ["Third and last page", "the end of the report"],
]
DIGITAL_LINES = ["Born digital text layer", "Second line 42.50 EUR"]


def _png(img: Image.Image) -> io.BytesIO:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    buf.seek(0)
    return buf


def scanned_pdf(pages: list[list[str]] = SCAN_PAGES, dpi: int = 150) -> bytes:
    """Pages that are images only (no text layer), as a scanner writes them."""
    pdf = FPDF(unit="pt")
    for lines in pages:
        img = text_image(lines, 40)
        w, h = img.width * 72 / dpi, img.height * 72 / dpi
        pdf.add_page(format=(w, h))
        pdf.image(_png(img), 0, 0, w=w, h=h)
    return bytes(pdf.output())


def digital_pdf(lines: list[str] = DIGITAL_LINES, password: str | None = None) -> bytes:
    """A page with real text (a text layer, no image)."""
    pdf = FPDF(unit="pt", format=(420, 300))
    if password:
        pdf.set_encryption(owner_password=password, user_password=password)
    pdf.add_page()
    pdf.set_font("helvetica", size=16)
    for i, line in enumerate(lines):
        pdf.text(40, 60 + 30 * i, line)
    return bytes(pdf.output())


def blank_pdf(pages: int) -> bytes:
    pdf = FPDF(unit="pt", format=(200, 200))
    for _ in range(pages):
        pdf.add_page()
    return bytes(pdf.output())


def zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def multipage_tiff(pages: list[list[str]] = SCAN_PAGES) -> bytes:
    frames = [text_image(lines, 30) for lines in pages]
    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_lzw")
    return buf.getvalue()
