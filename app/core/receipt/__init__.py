"""Receipt parsing: merchant, address, date, time, currency, totals, payment and items from the
result model, by layout-aware rules (no Qt, no model files, no network)."""

from __future__ import annotations

from app.core.receipt.model import FIELD_NAMES, ITEM_COLUMNS, Field, Item, Receipt
from app.core.receipt.parser import (
    ITEMS_MISMATCH,
    NOT_A_RECEIPT,
    day_first_for_language,
    parse_page,
    parse_receipt,
)

__all__ = [
    "FIELD_NAMES",
    "ITEMS_MISMATCH",
    "ITEM_COLUMNS",
    "NOT_A_RECEIPT",
    "Field",
    "Item",
    "Receipt",
    "day_first_for_language",
    "parse_page",
    "parse_receipt",
]
