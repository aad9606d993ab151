"""Receipt parsing: merchant, address, date, time, currency, totals, payment and items from the
result model, by layout-aware rules (no Qt, no model files, no network).

The package exports the receipt model; the rules are in :mod:`app.core.receipt.parser`
(``parse_receipt``), loaded only where a receipt is parsed (its patterns take 20-30 ms to
compile, which an ``extract`` of a screenshot does not need).
"""

from __future__ import annotations

from app.core.receipt.model import FIELD_NAMES, ITEM_COLUMNS, Field, Item, Receipt

__all__ = ["FIELD_NAMES", "ITEM_COLUMNS", "Field", "Item", "Receipt"]
