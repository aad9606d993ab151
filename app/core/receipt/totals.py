"""Total, subtotal, tax, rounding and payment: labelled amounts, chosen by consistency.

Every labelled amount is a candidate. The total is the value with the most evidence: how strong
its labels are (GRAND TOTAL beats TOTAL), how often it is printed, whether the payment lines agree
(card amount = total, cash − change = total) and whether subtotal + tax (+ rounding) and the items
add up to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from app.core.receipt import keywords as kw
from app.core.receipt.amounts import Amount, find_amounts, format_amount
from app.core.receipt.items import is_items_heading
from app.core.receipt.lines import TextLine
from app.core.receipt.model import Field

_SPACED_CENTS = re.compile(r"(?<![\d.,/-])(\d{1,6})[ -](\d{2})\s*$")
#: Rows of a tax summary table after its heading (their TOTAL is the tax base).
SUMMARY_ROWS = 6
#: Amounts within this much are "equal" (rounding to 5 sen / cents).
TOLERANCE = Decimal("0.05")


@dataclass
class Labelled:
    """An amount and the line that labels it."""

    amount: Amount
    line: TextLine
    weight: float
    source: TextLine  # the line the amount is printed on (the label's line or the next one)

    @property
    def value(self) -> Decimal:
        return self.amount.value

    def to_field(self, confidence: float) -> Field:
        boxes = self.line.boxes()  # the label and, on the same line, the amount
        if self.source is not self.line:
            boxes += self.source.boxes(self.amount.start, self.amount.end)
        conf = confidence * self.source.confidence(self.amount.start, self.amount.end)
        return Field(format_amount(self.value), min(1.0, conf), boxes)


@dataclass
class Totals:
    total: Field | None = None
    subtotal: Field | None = None
    tax: Field | None = None
    payment_method: Field | None = None
    total_value: Decimal | None = None
    subtotal_value: Decimal | None = None
    labelled_lines: set[int] = field(default_factory=set)
    first_label: int | None = None
    total_line: int | None = None


def _near(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= TOLERANCE


def _amount_only(line: TextLine) -> Amount | None:
    amounts = find_amounts(line.text)
    rest = line.text[: amounts[0].start] if amounts else ""
    return amounts[-1] if amounts and sum(c.isalpha() for c in rest) <= 3 else None


def _same_row(label: TextLine, other: TextLine) -> bool:
    """``other`` sits right of ``label`` on the same printed row (half a line height)."""
    a, b = label.bbox, other.bbox
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return (
        other.index != label.index
        and b[0] >= a[2] - 2
        and overlap >= 0.5 * min(a[3] - a[1], b[3] - b[1])
    )


def _line_amount(lines: list[TextLine], i: int) -> tuple[Amount, TextLine] | None:
    """The amount a label line carries: its rightmost one; else an amount printed on the same
    row in another column (the layout read labels and values as two blocks); else the next
    line's when that line is only an amount."""
    amounts = find_amounts(lines[i].text)
    if amounts:
        return amounts[-1], lines[i]
    spaced = _SPACED_CENTS.search(lines[i].text)
    if spaced is not None:  # "GRAND TOTAL 10 00": the point lost
        value = Decimal(f"{spaced.group(1)}.{spaced.group(2)}")
        return Amount(value, spaced.start(), spaced.end()), lines[i]
    beside = [ln for ln in lines if _same_row(lines[i], ln) and _amount_only(ln)]
    if beside:
        nearest = min(beside, key=lambda ln: ln.bbox[0])
        amount = _amount_only(nearest)
        if amount is not None:
            return amount, nearest
    if i + 1 < len(lines):
        amount = _amount_only(lines[i + 1])
        if amount is not None:
            return amount, lines[i + 1]
    return None


def _payment(lines: list[TextLine], total_line: int | None) -> tuple[str, TextLine, bool] | None:
    """The payment method: a method word on an amount line below the total wins over one on
    any amount line (a "TNG Reload" item), which wins over one on a heading."""
    best: tuple[int, str, TextLine, bool] | None = None
    for line in lines:
        for rank, (name, pattern) in enumerate(kw.PAYMENT_METHODS):
            if pattern.search(line.upper):
                has_amount = bool(find_amounts(line.text))
                below = total_line is not None and line.index > total_line
                key = (0 if has_amount and below else 1 if has_amount else 2) * 100 + rank
                if best is None or key < best[0]:
                    best = (key, name, line, has_amount)
                break
    return (best[1], best[2], best[3]) if best else None


def find_totals(lines: list[TextLine], items_sum: Decimal | None = None) -> Totals:
    totals: list[Labelled] = []
    subtotals: list[Labelled] = []
    taxes: list[Labelled] = []
    roundings: list[tuple[int, Decimal]] = []
    changes: list[Decimal] = []
    tendered: list[Decimal] = []
    paid_at: list[int] = []  # where payment lines are
    out = Totals()
    summary_until = -1
    for i, line in enumerate(lines):
        up = line.upper
        if kw.SUMMARY.search(up):
            summary_until = i + SUMMARY_ROWS
        if is_items_heading(line):
            continue  # a table's column headings
        found = _line_amount(lines, i)
        is_total = bool(
            kw.TOTAL_STRONG.search(up) or kw.TOTAL_WEAK.search(up) or kw.AMOUNT.search(up)
        )
        if kw.SUBTOTAL.search(up):
            kind = "subtotal"
        elif (
            kw.TAX.search(up)
            and not kw.TAX_NOT.search(up)
            and not kw.TOTAL_STRONG.search(up)
            and (not kw.TOTAL_FIRST.search(up) or kw.TAX_STATEMENT.search(up))
        ):
            kind = "tax"
        elif kw.ROUNDING.search(up) and not kw.TOTAL_STRONG.search(up):
            kind = "rounding"
        elif kw.CHANGE.search(up):
            kind = "change"
        elif kw.TENDERED.search(up) and not (
            kw.TOTAL_STRONG.search(up) or kw.TOTAL_FIRST.search(up)
        ):
            kind = "tendered"  # "Paid Amount: 100.00"
        elif is_total and not kw.TOTAL_NOT.search(up) and i > summary_until:
            kind = "total"
        elif any(p.search(up) for _, p in kw.PAYMENT_METHODS) or kw.TENDERED.search(up):
            kind = "tendered"
        else:
            continue
        if found is None and kind == "total" and i + 1 < len(lines):
            # "TOTAL" with its amount lost: the payment line below usually pays exactly it
            below = find_amounts(lines[i + 1].text)
            paid = any(p.search(lines[i + 1].upper) for _, p in kw.PAYMENT_METHODS)
            if below and paid and below[-1].value > 0:
                totals.append(Labelled(below[-1], line, 1.0, lines[i + 1]))
            continue
        if found is None:
            continue
        amount, source = found
        out.labelled_lines.update({line.index, source.index})
        if out.first_label is None and kind in ("subtotal", "total", "tax"):
            out.first_label = line.index
        if kind == "total":
            weight = 3.0 if kw.TOTAL_STRONG.search(up) else 2.0 if kw.TOTAL_WEAK.search(up) else 1.0
            totals.append(Labelled(amount, line, weight, source))
        elif kind == "subtotal":
            subtotals.append(Labelled(amount, line, 1.0, source))
        elif kind == "tax":
            taxes.append(Labelled(amount, line, 1.0, source))
        elif kind == "rounding":
            roundings.append((i, amount.value))
        elif kind == "change":
            changes.append(amount.value)
        else:
            tendered.append(abs(amount.value))  # "Mastercard -99.80"
            paid_at.append(i)

    # the last subtotal is the amount to pay when the payment confirms it and no total does
    # ("SUBTOTAL RM41.45 / CASH RM51.50 / CHANGE RM10.05")
    confirmed = [
        s
        for s in subtotals
        if any(_near(t, s.value) for t in tendered)
        or any(_near(t - c, s.value) for t in tendered for c in changes)
    ]
    totals += [Labelled(s.amount, s.line, 0.5, s.source) for s in confirmed[-1:]]
    # a rounding printed after the payment adjusts the change, not the total
    roundings = [(at, r) for at, r in roundings if not any(p < at for p in paid_at)] or [
        (-1, r) for _, r in roundings
    ]
    best = _pick_total(totals, subtotals, taxes, roundings, changes, tendered, items_sum)
    if best is not None:
        label, score = best
        out.total = label.to_field(min(1.0, 0.5 + 0.1 * score))
        out.total_value = label.value
        out.total_line = label.line.index
    sub = _pick_subtotal(subtotals, taxes, out.total_value)
    if sub is not None:
        out.subtotal = sub.to_field(0.8)
        out.subtotal_value = sub.value
    tax = _pick_tax(taxes, out.subtotal_value, out.total_value)
    if tax is not None:
        out.tax = tax.to_field(0.8)
    pay = _payment(lines, out.total_line)
    if pay is not None:
        name, line, has_amount = pay
        out.payment_method = Field(
            name, (0.9 if has_amount else 0.6) * line.confidence(), line.boxes()
        )
    return out


def _pick_total(
    totals: list[Labelled],
    subtotals: list[Labelled],
    taxes: list[Labelled],
    roundings: list[tuple[int, Decimal]],
    changes: list[Decimal],
    tendered: list[Decimal],
    items_sum: Decimal | None,
) -> tuple[Labelled, float] | None:
    if not totals:
        return None
    # A rounding line printed after a total turns it into the amount paid: 60.31 − 0.01.
    for label in list(totals):
        for at, r in roundings:
            if r != 0 and at > label.line.index and abs(r) < Decimal("0.10"):
                rounded = Amount(label.value + r, label.amount.start, label.amount.end)
                totals.append(Labelled(rounded, label.line, label.weight + 1.0, label.source))
    scores: dict[Decimal, float] = {}
    for label in totals:  # the strongest label, and a little for each repeat
        old = scores.get(label.value)
        scores[label.value] = label.weight if old is None else max(old, label.weight) + 0.5
    n = len(totals)
    for pos, label in enumerate(totals):  # the last "total" on a receipt is usually the final one
        scores[label.value] += 0.5 * (pos + 1) / n
    for value in scores:
        if any(_near(t, value) for t in tendered):
            scores[value] += 1.5
        if any(_near(t - c, value) for t in tendered for c in changes):
            scores[value] += 1.5
        for s in subtotals:
            for t in [Decimal(0), *[x.value for x in taxes]]:
                for r in [Decimal(0), *(v for _, v in roundings)]:
                    if t + r != 0 and _near(s.value + t + r, value):
                        scores[value] += 1.0
        if items_sum is not None and _near(items_sum, value):
            scores[value] += 1.0
        if value <= 0:
            scores[value] -= 4.0
    value = max(scores, key=lambda v: (scores[v], v))
    if value <= 0 and len(scores) > 1:
        return None
    label = [t for t in totals if t.value == value][-1]
    return label, scores[value]


def _pick_subtotal(
    subtotals: list[Labelled], taxes: list[Labelled], total: Decimal | None
) -> Labelled | None:
    if not subtotals:
        return None
    if total is not None:
        for s in subtotals:
            if any(_near(s.value + t.value, total) for t in taxes) or _near(s.value, total):
                return s
    return subtotals[-1]


def _pick_tax(
    taxes: list[Labelled], subtotal: Decimal | None, total: Decimal | None
) -> Labelled | None:
    if not taxes:
        return None
    if subtotal is not None and total is not None:
        for t in taxes:
            if t.value != 0 and _near(subtotal + t.value, total):
                return t
    nonzero = {t.value for t in taxes if t.value != 0}
    if len(nonzero) == 1:
        return next(t for t in taxes if t.value in nonzero)
    if not nonzero:
        return taxes[-1]
    return None  # several different tax amounts and none adds up: do not guess
