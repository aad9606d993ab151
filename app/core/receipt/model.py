"""The receipt fields a parse yields, with the evidence (boxes, confidence) behind each one.

``Receipt.to_dict()`` is ``result_json.receipt``: flat values (``receipt["total"] == "9.00"``) so
scripts stay simple, plus ``fields`` with each found field's confidence and word boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core.model import BBox

#: The scalar fields in output order (``items`` comes after them).
FIELD_NAMES: tuple[str, ...] = (
    "merchant",
    "address",
    "date",
    "date_text",
    "time",
    "currency",
    "subtotal",
    "tax",
    "total",
    "payment_method",
)
ITEM_COLUMNS: tuple[str, ...] = ("name", "quantity", "unit_price", "amount")


@dataclass
class Field:
    """One found value: what it says, how sure the parser is (0..1) and where it was read."""

    value: str
    confidence: float
    boxes: list[BBox] = field(default_factory=list)

    def evidence(self) -> dict[str, Any]:
        return {"confidence": round(self.confidence, 3), "boxes": [list(b) for b in self.boxes]}


@dataclass
class Item:
    """One purchased line. Amounts are decimal strings; ``quantity`` may be fractional (kg)."""

    name: str
    amount: str
    quantity: str | None = None
    unit_price: str | None = None
    confidence: float = 0.0
    boxes: list[BBox] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "quantity": self.quantity,
            "unit_price": self.unit_price,
            "amount": self.amount,
            "confidence": round(self.confidence, 3),
            "boxes": [list(b) for b in self.boxes],
        }


@dataclass
class Receipt:
    """Every field is ``None`` unless the receipt prints it: the parser never guesses."""

    fields: dict[str, Field] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def get(self, name: str) -> str | None:
        found = self.fields.get(name)
        return found.value if found else None

    @property
    def is_empty(self) -> bool:
        return not self.fields and not self.items

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: self.get(name) for name in FIELD_NAMES}
        data["items"] = [item.to_dict() for item in self.items]
        data["fields"] = {
            name: self.fields[name].evidence() for name in FIELD_NAMES if name in self.fields
        }
        data["warnings"] = list(self.warnings)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Receipt:
        evidence = data.get("fields") or {}
        fields = {}
        for name in FIELD_NAMES:
            value = data.get(name)
            if value is None:
                continue
            ev = evidence.get(name) or {}
            boxes = [tuple(b) for b in ev.get("boxes") or []]
            fields[name] = Field(str(value), float(ev.get("confidence", 0.0)), boxes)  # type: ignore[arg-type]
        items = [
            Item(
                name=str(i.get("name") or ""),
                amount=str(i.get("amount") or ""),
                quantity=i.get("quantity"),
                unit_price=i.get("unit_price"),
                confidence=float(i.get("confidence", 0.0)),
                boxes=[tuple(b) for b in i.get("boxes") or []],  # type: ignore[misc]
            )
            for i in data.get("items") or []
        ]
        return cls(fields, items, list(data.get("warnings") or []))
