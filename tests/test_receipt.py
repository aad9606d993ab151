"""Receipt parsing on real images read by the real engines: rendered receipts with known values,
day-first and month-first dates, a screenshot that is no receipt, and the eval set's receipts."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from app.core.options import OcrOptions
from app.core.pipeline import InputOutcome, recognize_bytes
from app.core.receipt import Receipt
from app.core.receipt.amounts import find_amounts
from app.core.receipt.dates import find_dates, find_time
from app.core.receipt.parser import NOT_A_RECEIPT
from tests.receipt_images import bakery_receipt, diner_receipt


def _parse(path: Path, fmt: str = "json", language: str = "eng") -> InputOutcome:
    options = OcrOptions(output_format=fmt, language=language).validated()
    return recognize_bytes(path.read_bytes(), options, receipt=True, layout=False)


@pytest.fixture(scope="module")
def bakery(tmp_path_factory: pytest.TempPathFactory) -> InputOutcome:
    return _parse(bakery_receipt(tmp_path_factory.mktemp("r") / "bakery.png"))


def test_rendered_receipt_gives_every_field(bakery: InputOutcome) -> None:
    receipt = bakery.receipt
    assert receipt is not None
    assert bakery.result.engine == "rapidocr"  # parse_receipt under auto reads with PP-OCR
    data = json.loads(bakery.output)["receipt"]
    assert data["merchant"] == "CORNER BAKERY LTD"
    assert data["address"] == "12 Baker Street London NW1 6XE"
    assert (data["date"], data["date_text"], data["time"]) == ("2024-03-14", "14/03/2024", "09:41")
    assert data["currency"] == "GBP"
    assert (data["subtotal"], data["tax"], data["total"]) == ("8.55", "1.71", "10.25")
    assert data["payment_method"] == "card"
    assert data["warnings"] == []
    items = [(i["name"], i["quantity"], i["unit_price"], i["amount"]) for i in data["items"]]
    assert items == [
        ("Croissant", "2", "1.75", "3.50"),
        ("Coffee Latte", None, None, "2.95"),
        ("Orange Juice", None, None, "2.10"),
    ]
    # consistency: the items make the subtotal; subtotal + tax + rounding make the total
    assert sum(Decimal(i["amount"]) for i in data["items"]) == Decimal(data["subtotal"])
    assert Decimal(data["subtotal"]) + Decimal(data["tax"]) - Decimal("0.01") == Decimal("10.25")


def test_each_field_says_where_it_was_read(bakery: InputOutcome) -> None:
    receipt = bakery.receipt
    assert receipt is not None
    words = {w.bbox: w.text for w in bakery.result.page.words()}
    for name, found in receipt.fields.items():
        assert found.boxes, name
        assert all(box in words for box in found.boxes), name
        assert 0 < found.confidence <= 1, name
    total_words = [words[b] for b in receipt.fields["total"].boxes]
    assert "TOTAL" in total_words and "£10.25" in total_words
    merchant_words = [words[b] for b in receipt.fields["merchant"].boxes]
    assert merchant_words == ["CORNER", "BAKERY", "LTD"]
    for item in receipt.items:
        assert item.boxes and all(b in words for b in item.boxes)


def test_txt_and_csv_outputs(tmp_path: Path) -> None:
    path = bakery_receipt(tmp_path / "bakery.png")
    txt = _parse(path, "txt").output.decode()
    lines = txt.splitlines()
    assert "merchant: CORNER BAKERY LTD" in lines and "total: 10.25" in lines
    assert "date: 2024-03-14" in lines and "payment_method: card" in lines
    rows = list(csv.reader(io.StringIO(_parse(path, "csv").output.decode())))
    assert rows[0] == ["name", "quantity", "unit_price", "amount"]
    assert rows[1:] == [
        ["Croissant", "2", "1.75", "3.50"],
        ["Coffee Latte", "", "", "2.95"],
        ["Orange Juice", "", "", "2.10"],
    ]


@pytest.mark.parametrize(
    ("symbol", "currency", "iso"),
    [("$", "USD", "2024-03-06"), ("RM", "MYR", "2024-06-03")],
    ids=["month-first", "day-first"],
)
def test_ambiguous_date_settled_by_the_receipt(
    tmp_path: Path, symbol: str, currency: str, iso: str
) -> None:
    outcome = _parse(diner_receipt(tmp_path / "diner.png", "03/06/2024", symbol))
    data = json.loads(outcome.output)["receipt"]
    assert data["date_text"] == "03/06/2024" and data["date"] == iso
    assert data["currency"] == currency and data["total"] == "11.00"
    assert data["merchant"] == "SUNRISE DINER"
    assert data["address"] == "455 Market Street San Francisco, CA 94105"


def test_unambiguous_date_needs_no_hint(tmp_path: Path) -> None:
    # 25 cannot be a month: day-first even in dollars
    data = json.loads(_parse(diner_receipt(tmp_path / "d.png", "25/12/2023", "$")).output)
    assert data["receipt"]["date"] == "2023-12-25"


def test_screenshot_is_no_receipt(tmp_path: Path) -> None:
    from tests.conftest import text_image

    path = tmp_path / "shot.png"
    text_image(
        ["Settings", "Display brightness and colour", "Night light schedule", "Sound output"]
    ).save(path)
    outcome = _parse(path)
    data = json.loads(outcome.output)["receipt"]
    assert all(data[k] is None for k in ("merchant", "address", "date", "total", "currency"))
    assert data["items"] == [] and data["fields"] == {}
    assert data["warnings"] == [NOT_A_RECEIPT]
    assert "Night light" in outcome.result.text  # the text is still there


def test_receipt_round_trips_through_its_dict(bakery: InputOutcome) -> None:
    assert bakery.receipt is not None
    again = Receipt.from_dict(json.loads(json.dumps(bakery.receipt.to_dict())))
    assert again.to_dict() == bakery.receipt.to_dict()


# -- the patterns, on strings ---------------------------------------------------------------
def test_amount_patterns() -> None:
    def values(text: str) -> list[str]:
        return [a.text for a in find_amounts(text)]

    assert values("TOTAL RM 1,234.50") == ["1234.50"]
    assert values("Summe 1.234,50 EUR") == ["1234.50"]
    assert values("CHANGE RM .00") == ["0.00"]
    assert values("DISC 2.00-") == ["-2.00"]
    assert values("ROUNDING ADJUSTMENT -RM 0.02") == ["-0.02"]
    assert values("TOTAL 15.U0") == ["15.00"]  # OCR's U for a 0 in the cents
    assert values("Date 12/01/2019 Qty 3 Code 1851-A") == []


def test_date_and_time_patterns() -> None:
    (d,) = find_dates("Date:18/06/201808:18.00")  # date and time run together
    assert d.iso(None) == "2018-06-18"
    (d,) = find_dates("03 Mar 2018 18:22")
    assert d.iso(None) == "2018-03-03"
    (d,) = find_dates("2023-05-06 14:28:01")
    assert d.iso(None) == "2023-05-06"
    (d,) = find_dates("03.06.2017")
    assert d.iso(None) == "2017-06-03"  # dotted dates are day-first
    (d,) = find_dates("03/06/2017")
    assert d.iso(None) is None and d.iso(True) == "2017-06-03" and d.iso(False) == "2017-03-06"
    assert find_dates("HD03-04-06 CEMENT") == []
    assert find_time("09:41PM 568008") == ("21:41", 0, 7)
    assert find_time("TOTAL 12.50") is None


# -- the eval set's receipts (SROIE entities: company, date, address, total) -----------------
@pytest.fixture(scope="module")
def eval_receipts() -> dict[str, tuple[dict[str, str], dict]]:
    from tests.conftest import EVAL_DIR

    folder = EVAL_DIR / "receipt"
    if not folder.is_dir():
        pytest.skip("../shared/eval is not present")
    out = {}
    for truth in sorted(folder.glob("sroie_*.json")):
        outcome = _parse(truth.with_suffix(".jpg"))
        out[truth.stem] = (
            json.loads(truth.read_text())["entities"],
            json.loads(outcome.output)["receipt"],
        )
    return out


@pytest.mark.eval
def test_eval_receipts_meet_the_target(eval_receipts) -> None:
    from bench.bench_receipts import FIELDS, OURS, matches

    n = len(eval_receipts)
    assert n == 10
    acc = {
        f: sum(matches(f, truth[f], ours[OURS[f]]) for truth, ours in eval_receipts.values()) / n
        for f in FIELDS
    }
    assert acc["total"] >= 0.9 and acc["date"] >= 0.9, acc
    assert sum(acc.values()) / len(acc) >= 0.85, acc


@pytest.mark.eval
@pytest.mark.parametrize(
    ("stem", "field", "value"),
    [
        ("sroie_006", "merchant", "SOON HUAT MACHINERY ENTERPRISE"),
        ("sroie_176", "merchant", "KEDAI PAPAN YEW CHUAN"),
        ("sroie_352", "merchant", "GARDENIA BAKERIES (KL) SDN BHD"),
        ("sroie_006", "date", "2019-01-11"),
        ("sroie_077", "date", "2017-10-29"),
        ("sroie_594", "date", "2018-05-03"),  # printed 03-05-18
        ("sroie_518", "date", "2018-06-18"),  # printed 18/06/201808:18.00
        ("sroie_006", "total", "327.00"),
        ("sroie_352", "total", "22.58"),
        ("sroie_466", "total", "70.30"),
        ("sroie_518", "total", "30.00"),
        ("sroie_352", "address", "Lot 3, Jalan Pelabur 23/1, 40300 Shah Alam, Selangor."),
        ("sroie_594", "currency", "MYR"),
        ("sroie_518", "payment_method", "cash"),
    ],
)
def test_eval_receipt_fields(eval_receipts, stem: str, field: str, value: str) -> None:
    _truth, ours = eval_receipts[stem]
    assert ours[field] == value


def test_a_leading_quantity_before_an_article_code() -> None:
    """ "1 205 SUONG NON RAM CHUA 9.90 SR" (qty, code, name, amount) gave the name "1 205 SUONG
    NON RAM CHUA" and no quantity (sroie_077, read as a user does)."""
    from app.core.model import Word
    from app.core.receipt.items import _parse_line
    from app.core.receipt.lines import TextLine

    def parse(text: str) -> tuple[str, str | None, str]:
        words = [Word(t, (40 * i, 0, 40 * i + 30, 20), 0.9) for i, t in enumerate(text.split())]
        item = _parse_line(TextLine(0, words))
        assert item is not None
        return item.name, item.quantity, item.amount

    assert parse("1 205 SUONG NON RAM CHUA 9.90 SR") == ("SUONG NON RAM CHUA", "1", "9.90")
    assert parse("2 Coffee 6.00") == ("Coffee", "2", "6.00")
    assert parse("1205 SUONG NON RAM CHUA 9.90") == ("SUONG NON RAM CHUA", None, "9.90")
    assert parse("205 Sweet Pork Ribs 12.00") == ("Sweet Pork Ribs", None, "12.00")


def test_column_headings_are_no_item_name() -> None:
    """sroie_006 prints each code/price line with its name below, after the headings "Item Qty
    S/Price Amount Tax": the headings became the first item's name, and every name after it went
    to the item above its own."""
    from app.core.model import Word
    from app.core.receipt.items import find_items
    from app.core.receipt.lines import TextLine

    texts = [
        "Item Qty S/Price S/Price Amount Tax",
        "1072 1 80.00 80.00 80.00",
        "REPAIR ENGINE POWER SPRAYER (1UNIT)",
        "70549 1 160.00 160.00 160.00",
        "GIANT 606 OVERFLOW ASSY",
        "1071 1 17.00 17.00 17.00",
        "ENGINE OIL",
    ]
    lines = [
        TextLine(n, [Word(t, (40 * i, 30 * n, 40 * i + 30, 30 * n + 20), 0.9)
                     for i, t in enumerate(text.split())])
        for n, text in enumerate(texts)
    ]  # fmt: skip
    items = find_items(lines, 0, len(lines))
    assert [(i.name, i.amount) for i in items] == [
        ("REPAIR ENGINE POWER SPRAYER (1UNIT)", "80.00"),
        ("GIANT 606 OVERFLOW ASSY", "160.00"),
        ("ENGINE OIL", "17.00"),
    ]
