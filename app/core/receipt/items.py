"""Line items: the lines between the receipt's head and its first total, each with an amount.

Handled shapes: ``NAME 12.50``, ``NAME 2 x 3.00 6.00``, ``2 NAME 6.00``, ``NAME 2 3.00 6.00``
and the two-line form of many till rolls: a code/quantity/price line with the name on the line
below it (or above it).
"""

from __future__ import annotations

import re
from decimal import Decimal

from app.core.receipt import keywords as kw
from app.core.receipt.amounts import find_amounts, format_amount, to_decimal
from app.core.receipt.dates import find_dates
from app.core.receipt.lines import TextLine
from app.core.receipt.model import Item

_QTY_TIMES = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d{1,3})?)\s?(?:X|x|×|\*|@)\s?")
#: "2 Coffee", "2x Coffee", "1 205 SUONG …" (a count of 1–2 digits, then maybe an article code of
#: 3 or more, then the name; a 3-digit number first is a code: "205 Sweet Pork Ribs").
_LEAD_QTY = re.compile(r"^\s*(\d{1,2})\s?(?:X|x|×)?\s+(?:\d{3,}\s+)?(?=[A-Za-z])")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w.,])")
_STRIP = " :;,-*=#.$€£"


def _is_label(line: TextLine) -> bool:
    up = line.upper
    return bool(
        kw.TOTAL_STRONG.search(up)
        or kw.TOTAL_WEAK.search(up)
        or kw.SUBTOTAL.search(up)
        or kw.CHANGE.search(up)
        or kw.ROUNDING.search(up)
        or (kw.TAX.search(up) and not kw.TAX_NOT.search(up))
        or any(p.search(up) for _, p in kw.PAYMENT_METHODS)
        or kw.TENDERED.search(up)
    )


def is_items_heading(line: TextLine) -> bool:
    """Column headings of the item table: two heading words or more and no amount."""
    return len(kw.ITEMS_HEADER.findall(line.upper)) >= 2 and not find_amounts(line.text)


def _name_of(text: str) -> str:
    """The descriptive part: letters with what sits between them, no leading code."""
    name = re.sub(r"^\s*\d{3,}\s+", "", text)  # article code
    return name.strip(_STRIP)


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _parse_line(line: TextLine) -> Item | None:
    amounts = find_amounts(line.text)
    if not amounts:
        return None
    last = amounts[-1]
    head = line.text[: amounts[0].start]
    quantity: Decimal | None = None
    unit: Decimal | None = None
    m = _QTY_TIMES.search(line.text[: last.start])
    if m is not None:
        quantity = to_decimal(m.group(1))
        after = [a for a in amounts[:-1] if a.start >= m.end()]
        unit = after[0].value if after else None
        head = line.text[: m.start()]
        if _letters(head) < 2:  # "2 x Croissant @ 1.75  3.50": the name follows the count
            stop = after[0].start if after else last.start
            head = line.text[m.end() : stop].rstrip(" @")
    elif len(amounts) >= 2:
        unit = amounts[-2].value
        numbers = [n for n in _NUMBER.finditer(head)]
        if numbers and "." not in numbers[-1].group(0) and "," not in numbers[-1].group(0):
            q = Decimal(numbers[-1].group(0))
            if 0 < q < 1000 and abs(q * unit - last.value) <= Decimal("0.05"):
                quantity = q
                head = head[: numbers[-1].start()]
    lead = _LEAD_QTY.match(head)
    if quantity is None and lead is not None and _letters(head[lead.end() :]) >= 2:
        quantity = Decimal(lead.group(1))
        head = head[lead.end() :]
    if quantity is not None and unit is None and quantity != 0:
        unit = last.value / quantity
    if quantity is None and unit is not None and unit == last.value:
        quantity = Decimal(1)
    name = _name_of(head)
    qty_text = None if quantity is None else (f"{quantity.normalize():f}")
    return Item(
        name=name,
        amount=format_amount(last.value),
        quantity=qty_text,
        unit_price=None if unit is None else format_amount(unit),
        confidence=line.confidence(),
        boxes=line.boxes(),
    )


def find_items(lines: list[TextLine], start: int, end: int) -> list[Item]:
    """Items on ``lines[start:end]`` (after the head, before the first total label)."""
    region = [ln for ln in lines[start:end] if not _is_label(ln) and not find_dates(ln.text)]
    # the items start below the table's column headings ("Item Qty S/Price Amount Tax"): they
    # are no item's name, and would make the names seem to come before their prices
    heading = next((n for n, ln in enumerate(region) if is_items_heading(ln)), None)
    if heading is not None:
        region = region[heading + 1 :]
    parsed = [(ln, _parse_line(ln)) for ln in region]
    # Two-line items: a nameless amount line takes the name of the amount-less line below it
    # (or above it, when the receipt prints names first).
    nameless = [it for _, it in parsed if it is not None and _letters(it.name) < 2]
    named_first = bool(parsed) and parsed[0][1] is None
    items: list[Item] = []
    for k, (_line, item) in enumerate(parsed):
        if item is None:
            continue
        if _letters(item.name) < 2 and nameless:
            partner = None
            order = (k - 1, k + 1) if named_first else (k + 1, k - 1)
            for j in order:
                if (
                    0 <= j < len(parsed)
                    and parsed[j][1] is None
                    and _letters(parsed[j][0].text) >= 2
                ):
                    partner = parsed[j][0]
                    break
            if partner is None:
                continue
            item.name = partner.text.strip(_STRIP)
            item.boxes = partner.boxes() + item.boxes
            item.confidence = (item.confidence + partner.confidence()) / 2
        if item.amount and item.name:
            items.append(item)
    return items


def items_total(items: list[Item]) -> Decimal | None:
    if not items:
        return None
    return sum((Decimal(i.amount) for i in items), Decimal(0))
