"""``parse_receipt(result)``: the receipt fields of an OCR result (layout-aware rules, no Qt)."""

from __future__ import annotations

import re
from decimal import Decimal

from app.core.model import OcrResult, Page
from app.core.receipt.amounts import currency_votes, find_amounts
from app.core.receipt.dates import DateMatch, find_dates, find_time, page_order
from app.core.receipt.header import find_head
from app.core.receipt.items import find_items, items_total
from app.core.receipt.lines import TextLine, page_lines
from app.core.receipt.model import Field, Receipt
from app.core.receipt.totals import _near, find_totals

NOT_A_RECEIPT = "no receipt found: the image has no total, prices or date"
ITEMS_MISMATCH = "the items do not add up to the subtotal or total; check them"
#: Currencies of countries that print the day first; USD (and PHP) print the month first.
DAY_FIRST_CURRENCIES = frozenset({"MYR", "SGD", "EUR", "GBP", "INR", "AUD", "IDR", "CHF", "THB"})
MONTH_FIRST_CURRENCIES = frozenset({"USD", "PHP"})
_DATE_LABEL = re.compile(r"DATE|DATUM|TARIKH|FECHA|DATA\b|TGL|\bDT\b")
_NOT_PURCHASE_DATE = re.compile(r"EXP|VALID|\bDUE\b|BEST\s?BEFORE|MHD|PRINTED|EXPIRY|BIRTH")
_MALAYSIA = re.compile(r"SDN\.?\s?BH|\bBHD\b|\bJALAN\b|\bGST\b|SELANGOR|JOHOR|KUALA\s?LUMPUR")


#: Tesseract language codes of places that print the month first (US English is "eng" alone,
#: which says nothing: British, Malaysian and Indian receipts are day-first and also "eng").
_DAY_FIRST_LANGUAGES = frozenset(
    {"deu", "fra", "spa", "ita", "nld", "por", "msa", "ind", "pol", "ces", "dan", "swe", "nor",
     "fin", "tur", "ron", "hun", "slk", "slv", "hrv", "lit", "lav", "est", "vie", "cat"}
)  # fmt: skip


def day_first_for_language(language: str) -> bool | None:
    """The date-order hint that the chosen OCR languages give (None: no hint)."""
    codes = set(language.split("+"))
    return True if codes & _DAY_FIRST_LANGUAGES else None


def _region_hint(currency: str | None, text: str) -> bool | None:
    """Day-first (True) or month-first (False) from where the receipt comes from."""
    if currency in DAY_FIRST_CURRENCIES:
        return True
    if currency in MONTH_FIRST_CURRENCIES:
        return False
    if _MALAYSIA.search(text.upper()):
        return True
    return None


def _pick_date(lines: list[TextLine]) -> tuple[DateMatch, TextLine] | None:
    found = [(d, ln) for ln in lines for d in find_dates(ln.text)]
    usable = [(d, ln) for d, ln in found if not _NOT_PURCHASE_DATE.search(ln.upper[: d.start])]
    if not usable:
        return None
    labelled = [(d, ln) for d, ln in usable if _DATE_LABEL.search(ln.upper[: d.start])]
    return (labelled or usable)[0]


def _date_fields(lines: list[TextLine], day_first_hint: bool | None) -> dict[str, Field]:
    out: dict[str, Field] = {}
    picked = _pick_date(lines)
    if picked is not None:
        match, line = picked
        all_dates = [d for ln in lines for d in find_dates(ln.text)]
        order = page_order(all_dates)
        if order is None:
            order = day_first_hint
        conf = line.confidence(match.start, match.end)
        boxes = line.boxes(match.start, match.end)
        out["date_text"] = Field(match.text, conf, boxes)
        iso = match.iso(order)
        if iso is not None:
            settled = match.day_first is not None or match.first == match.second
            out["date"] = Field(iso, conf * (1.0 if settled else 0.85), boxes)
        time = find_time(line.text[match.end :])
        offset = match.end
    else:
        time, offset, line = None, 0, None
    if time is None:
        for ln in lines:
            time = find_time(ln.text)
            if time is not None:
                line, offset = ln, 0
                break
    if time is not None and line is not None:
        value, a, b = time
        out["time"] = Field(
            value, line.confidence(offset + a, offset + b), line.boxes(offset + a, offset + b)
        )
    return out


def _currency(lines: list[TextLine]) -> Field | None:
    text = "\n".join(ln.text for ln in lines)
    votes = currency_votes(text)
    if not votes:
        return None
    code = max(votes, key=lambda c: votes[c])
    boxes = []
    for ln in lines:
        if code in currency_votes(ln.text):
            boxes += ln.boxes()
            if len(boxes) > 8:
                break
    share = votes[code] / sum(votes.values())
    return Field(code, round(0.6 + 0.3 * share, 3), boxes)


def parse_page(page: Page, *, day_first: bool | None = None) -> Receipt:
    """Receipt fields of one page. ``day_first`` is the caller's locale hint for dates such as
    03/06/2017 when the receipt itself does not settle them."""
    lines = page_lines(page)
    receipt = Receipt()
    if not lines:
        receipt.warnings.append(NOT_A_RECEIPT)
        return receipt
    head = find_head(lines)
    currency = _currency(lines)
    totals = find_totals(lines)
    priced = sum(1 for ln in lines if find_amounts(ln.text))
    hint = _region_hint(currency.value if currency else None, page.text)
    dates = _date_fields(lines, day_first if day_first is not None else hint)
    if totals.total is None and priced < 3 and not (priced and "date_text" in dates):
        receipt.warnings.append(NOT_A_RECEIPT)
        return receipt

    start = (head.merchant_index or 0) + 1
    # items run to the total; labelled lines between (a "Total 0% supplies" part sum) are
    # left out by find_items
    end = next((i for i in (totals.total_line, totals.first_label) if i is not None), len(lines))
    items = find_items(lines, start, end)
    total_items = items_total(items)
    if total_items is not None:
        totals = find_totals(lines, total_items)
        targets = [v for v in (totals.subtotal_value, totals.total_value) if v is not None]
        if totals.total_value is not None and totals.tax is not None:
            targets.append(totals.total_value - Decimal(totals.tax.value))  # net items
        if targets and not any(_near(total_items, v) for v in targets):
            receipt.warnings.append(ITEMS_MISMATCH)
            for item in items:
                item.confidence *= 0.6
    receipt.items = items
    found: dict[str, Field | None] = {
        "merchant": head.merchant,
        "address": head.address,
        "currency": currency,
        "subtotal": totals.subtotal,
        "tax": totals.tax,
        "total": totals.total,
        "payment_method": totals.payment_method,
        **dates,
    }
    receipt.fields = {k: v for k, v in found.items() if v is not None}
    return receipt


def parse_receipt(result: OcrResult, *, day_first: bool | None = None) -> Receipt:
    """Receipt fields of an OCR result (its first page)."""
    return parse_page(result.page, day_first=day_first)


__all__ = [
    "ITEMS_MISMATCH",
    "NOT_A_RECEIPT",
    "day_first_for_language",
    "parse_page",
    "parse_receipt",
]
