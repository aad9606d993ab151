"""Barcodes and QR codes read in the same pass as the text (zxing-cpp), on QR codes generated
with segno next to rendered text."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest
import segno
from PIL import Image

from app.core.model import OcrResult
from app.core.options import OcrOptions
from app.core.pipeline import recognize_bytes
from tests.conftest import cli, text_image

URL = "https://example.com/order?id=4711"


def label_png(offset: tuple[int, int] = (420, 20)) -> tuple[bytes, tuple[int, int, int]]:
    """Text on the left, a QR code at ``offset``; returns the PNG and (x, y, size) of the code
    (without its quiet zone)."""
    buf = io.BytesIO()
    qr = segno.make(URL, error="m")
    qr.save(buf, kind="png", scale=6, border=0)
    code = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    text = text_image(["Order 4711", "Parcel label"], 28)
    page = Image.new(
        "RGB", (offset[0] + code.width + 40, max(text.height, code.height + 60)), "white"
    )
    page.paste(text, (0, 0))
    page.paste(code, offset)
    out = io.BytesIO()
    page.save(out, "PNG")
    return out.getvalue(), (offset[0], offset[1], code.width)


def test_qr_code_in_json_and_txt() -> None:
    data, (x, y, size) = label_png()
    out = recognize_bytes(data, OcrOptions(output_format="json"))
    [code] = json.loads(out.output)["barcodes"]
    assert (code["format"], code["text"]) == ("QR Code", URL)
    x0, y0, x1, y1 = code["bbox"]
    assert abs(x0 - x) <= 6 and abs(y0 - y) <= 6
    assert abs(x1 - (x + size)) <= 8 and abs(y1 - (y + size)) <= 8
    txt = recognize_bytes(data, OcrOptions()).output.decode()
    assert txt.startswith("Order 4711\nParcel label")
    assert txt.endswith(f"\n\n[QR Code] {URL}\n")
    again = OcrResult.from_storage(json.loads(json.dumps(out.result.to_storage())))
    assert again.barcodes == out.result.barcodes


def test_option_turns_it_off_and_no_code_no_key(tmp_path: Path, isolated_home: Path) -> None:
    data, _ = label_png()
    off = recognize_bytes(data, OcrOptions(output_format="json", barcodes=False))
    assert "barcodes" not in json.loads(off.output)
    assert URL not in recognize_bytes(data, OcrOptions(barcodes=False)).output.decode()
    plain = io.BytesIO()
    text_image(["No code here"], 26).save(plain, "PNG")
    assert "barcodes" not in recognize_bytes(plain.getvalue(), OcrOptions()).result.to_dict()
    image = tmp_path / "label.png"
    image.write_bytes(data)
    run = cli("extract", str(image), home=isolated_home)
    assert run.returncode == 0 and run.stdout.endswith(f"[QR Code] {URL}\n"), run.stderr
    run = cli("extract", str(image), "--no-barcodes", home=isolated_home)
    assert run.returncode == 0 and URL not in run.stdout


def test_barcodes_are_read_while_the_engine_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The barcode pass runs beside the OCR engine, not after it: here the engine does not
    start reading until the barcode pass has begun, so a barcode pass that waited for the
    engine would never start (the engine gives up after 30 s and the test fails)."""
    from app.core import barcodes, pipeline
    from app.core.engines import get_engine

    began = threading.Event()
    real_read = barcodes.read_barcodes

    def read(image: Image.Image, page: int = 1) -> list[barcodes.Barcode]:
        began.set()
        return real_read(image, page)

    engine = get_engine()
    real_recognize = engine.recognize

    def recognize(image: Image.Image, options: OcrOptions, **kwargs: object) -> OcrResult:
        assert began.wait(30), "the barcode pass waited for the engine"
        return real_recognize(image, options, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "read_barcodes", read)
    monkeypatch.setattr(engine, "recognize", recognize)
    data, _ = label_png()
    out = recognize_bytes(data, OcrOptions(), engine=engine)
    assert [b.text for b in out.result.barcodes] == [URL]
    assert out.result.text.startswith("Order 4711")


@pytest.mark.parametrize("size", [150, 200, 240])
def test_a_qr_codes_modules_are_not_read_as_words(size: int) -> None:
    """Tesseract read the modules of a QR code beside a price list as "Oo}", "tO]", "|", …
    (a code scaled to fit a label, so its modules are not whole pixels)."""
    import numpy as np
    import zxingcpp

    made = zxingcpp.create_barcode("https://example.org/imagehq", zxingcpp.BarcodeFormat.QRCode)
    code = Image.fromarray(np.array(made.to_image(scale=6))).convert("RGB").resize((size, size))
    rows = ["Coffee beans 12.50", "Milk 1.20", "Sugar 2.10", "Total 15.80"]
    text = text_image(rows, 28)
    page = Image.new("RGB", (text.width + size + 80, max(text.height, size) + 40), "white")
    page.paste(text, (0, 20))
    page.paste(code, (text.width + 40, 20))
    out = io.BytesIO()
    page.save(out, "PNG")
    for engine in ("tesseract", "rapidocr"):
        result = recognize_bytes(out.getvalue(), OcrOptions(engine=engine)).result
        [found] = result.barcodes
        x0, y0, x1, y1 = found.bbox
        inside = [
            w.text
            for w in result.page.words()
            if x0 <= (w.bbox[0] + w.bbox[2]) / 2 <= x1 and y0 <= (w.bbox[1] + w.bbox[3]) / 2 <= y1
        ]
        assert inside == [], (engine, inside)
        assert result.page.text.split() == " ".join(rows).split(), engine


def test_table_output_keeps_the_code_and_drops_its_modules() -> None:
    """csv/md read the image with its ruling lines painted out, which broke the QR code: it
    was not found, and its remains came out as a cell ("a rir")."""
    import numpy as np
    import zxingcpp

    made = zxingcpp.create_barcode("https://example.org/imagehq", zxingcpp.BarcodeFormat.QRCode)
    code = Image.fromarray(np.array(made.to_image(scale=6))).convert("RGB").resize((200, 200))
    rows = ["Milk 1.20", "Sugar 2.10", "Total 15.80"]
    text = text_image(rows, 28)
    page = Image.new("RGB", (text.width + 280, 260), "white")
    page.paste(text, (0, 20))
    page.paste(code, (text.width + 40, 40))
    out = io.BytesIO()
    page.save(out, "PNG")
    done = recognize_bytes(out.getvalue(), OcrOptions(engine="tesseract", output_format="csv"))
    assert [b.text for b in done.result.barcodes] == ["https://example.org/imagehq"]
    assert done.result.page.text.split() == " ".join(rows).split()
