"""parse_receipt through the HTTP API, end to end: submit a rendered receipt, poll, read
``result_json.receipt``, download the items as CSV."""

from __future__ import annotations

from pathlib import Path

from tests.api.conftest import Api
from tests.receipt_images import bakery_receipt


def test_parse_receipt_end_to_end(api: Api, tmp_path: Path) -> None:
    image = bakery_receipt(tmp_path / "bakery.png").read_bytes()
    request = {"operation": "parse_receipt", "options": {"output_format": "csv"}}
    resp = api.submit([("bakery.png", image)], request)
    assert resp.status_code == 202, resp.text
    assert resp.json()["operation"] == "parse_receipt"
    job = api.finish(resp.json()["id"])
    assert job["status"] == "succeeded", job
    receipt = job["result_json"]["receipt"]
    assert receipt["merchant"] == "CORNER BAKERY LTD"
    assert (receipt["date"], receipt["total"], receipt["currency"]) == (
        "2024-03-14",
        "10.25",
        "GBP",
    )
    assert receipt["fields"]["total"]["boxes"] and 0 < receipt["fields"]["total"]["confidence"] <= 1
    assert "CORNER BAKERY" in job["result_json"]["text"]
    [output] = job["outputs"]
    assert output["filename"] == "bakery.csv" and output["format"] == "csv"
    down = api.client.get(job["download_url"])
    assert down.status_code == 200
    assert down.headers["content-type"] == "text/csv; charset=utf-8"
    assert down.text.splitlines() == [
        "name,quantity,unit_price,amount",
        "Croissant,2,1.75,3.50",
        "Coffee Latte,,,2.95",
        "Orange Juice,,,2.10",
    ]


def test_csv_without_parse_receipt_is_the_tables(api: Api) -> None:
    """csv lists a receipt's items for parse_receipt, the tables on the image otherwise."""
    import io

    from tests.table_images import table_cells, table_image

    buf = io.BytesIO()
    table_image(table_cells(4), 1.5, grid=True).save(buf, "PNG")
    resp = api.submit([("t.png", buf.getvalue())], {"options": {"output_format": "csv"}})
    assert resp.status_code == 202, resp.text
    job = api.finish(resp.json()["id"])
    assert job["status"] == "succeeded", job
    down = api.client.get(job["download_url"])
    assert down.headers["content-type"] == "text/csv; charset=utf-8"
    assert down.text.splitlines() == [",".join(row) for row in table_cells(4)]


def test_unknown_operation_is_422(api: Api, hello_png: bytes) -> None:
    resp = api.submit([("a.png", hello_png)], {"operation": "parse_invoice"})
    assert resp.status_code == 422
    assert "parse_receipt" in resp.json()["error"]["message"]
