"""A receipt job's outputs: ``json`` (the result with ``receipt``), ``txt`` (``field: value``
lines, then the items) and ``csv`` (the items, one row each)."""

from __future__ import annotations

import csv
import io
import json

from app.core.export import render
from app.core.model import OcrResult
from app.core.receipt.model import FIELD_NAMES, ITEM_COLUMNS, Receipt

RECEIPT_FORMATS: tuple[str, ...] = ("txt", "json", "csv")


def receipt_txt(receipt: Receipt) -> str:
    lines = [f"{name}: {receipt.get(name) or ''}".rstrip() for name in FIELD_NAMES]
    if receipt.items:
        lines.append("items:")
        for item in receipt.items:
            each = (
                f" ({item.quantity} x {item.unit_price})"
                if item.quantity and item.unit_price
                else ""
            )
            lines.append(f"  {item.name}: {item.amount}{each}")
    lines += [f"warning: {w}" for w in receipt.warnings]
    return "\n".join(lines) + "\n"


def receipt_csv(receipt: Receipt) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(ITEM_COLUMNS)
    for item in receipt.items:
        writer.writerow([item.name, item.quantity or "", item.unit_price or "", item.amount])
    return buf.getvalue()


def render_receipt(result: OcrResult, receipt: Receipt, fmt: str, *, layout: bool = False) -> bytes:
    if fmt == "txt":
        return receipt_txt(receipt).encode("utf-8")
    if fmt == "csv":
        return receipt_csv(receipt).encode("utf-8")
    if fmt == "json":
        data = result.to_dict(layout=layout)
        data["receipt"] = receipt.to_dict()
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    raise ValueError(f"a receipt renders as {', '.join(RECEIPT_FORMATS)}, not {fmt}")


def render_result(
    result: OcrResult,
    receipt: Receipt | None,
    fmt: str,
    *,
    layout: bool = True,
    source_name: str = "image",
    text_mode: str = "lines",
    image: bytes | None = None,
    edited_text: str | None = None,
) -> bytes:
    """A job's output: the receipt's own txt/json/csv when it was parsed as one, otherwise the
    result in ``fmt`` (csv: its tables) (txt laid out by ``text_mode``; with the user's
    ``edited_text``, see ``render``)."""
    if receipt is not None and fmt in RECEIPT_FORMATS:
        return render_receipt(result, receipt, fmt, layout=layout)
    return render(
        result,
        fmt,
        layout=layout,
        source_name=source_name,
        text_mode=text_mode,
        image=image,
        edited_text=edited_text,
    )
