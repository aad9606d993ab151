"""Money on a receipt line: amounts as exact decimals, and the currency they are printed in.

Receipts print ``12.50``, ``1,234.50``, ``1.234,50`` (continental Europe), ``RM14.30``, ``$ 9.00``,
``.00`` (thermal printers drop a leading zero) and ``2.00-`` for a discount. Only numbers with two
decimals count as amounts: a bare ``9`` is far more often a quantity, a code or a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

#: Printed currency marks → ISO 4217 codes.
CURRENCY_MARKS: dict[str, str] = {
    "RM": "MYR",
    "MYR": "MYR",
    "S$": "SGD",
    "SGD": "SGD",
    "US$": "USD",
    "USD": "USD",
    "$": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "CHF": "CHF",
    "₹": "INR",
    "INR": "INR",
    "RS": "INR",
    "¥": "JPY",
    "JPY": "JPY",
    "RP": "IDR",
    "IDR": "IDR",
    "CAD": "CAD",
    "AUD": "AUD",
    "A$": "AUD",
    "C$": "CAD",
    "PHP": "PHP",
    "₱": "PHP",
    "THB": "THB",
    "฿": "THB",
}
_MARK = "|".join(re.escape(m) for m in sorted(CURRENCY_MARKS, key=len, reverse=True))
#: a currency mark standing alone (not inside a word such as ``FROM``)
CURRENCY_RE = re.compile(rf"(?<![A-Za-z])({_MARK})(?![A-Za-z])", re.IGNORECASE)
AMOUNT_RE = re.compile(
    rf"(?<![\w.,:-])(?<!\d/)(?P<neg0>-\s?)?(?P<cur>(?:{_MARK})\s?)?(?P<neg>-\s?)?"
    r"(?P<num>\d{1,3}(?:[,.' ]\d{3})+[.,]\d{2}|\d+[.,] ?\d{2}|[.,]\d{2})"
    r"(?P<trail>-)?(?![\d%/:]|[.,]\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    """One amount found in a line: its value and where it sits in the text."""

    value: Decimal
    start: int
    end: int
    currency: str | None = None

    @property
    def text(self) -> str:
        return format_amount(self.value)


def to_decimal(number: str) -> Decimal | None:
    """``1,234.50`` / ``1.234,50`` / ``.50`` → Decimal; the last separator is the decimal one."""
    digits = re.sub(r"[^\d.,]", "", number)
    if not digits:
        return None
    cut = max(digits.rfind("."), digits.rfind(","))
    whole, frac = (digits[:cut], digits[cut + 1 :]) if cut >= 0 else (digits, "")
    whole = re.sub(r"[.,]", "", whole) or "0"
    try:
        return Decimal(f"{whole}.{frac}" if frac else whole)
    except InvalidOperation:
        return None


def format_amount(value: Decimal) -> str:
    """Decimal string with two places: ``Decimal('9')`` → ``"9.00"``."""
    return f"{value.quantize(Decimal('0.01')):f}"


#: OCR reads a 0 as O or U in a price's cents: "15.U0", "3.O0".
_CENTS_TYPO = re.compile(r"(?<=\d[.,])([\dOoUD])([\dOoUD])(?![\w])")


#: ... and an O for the 0 after a currency mark: "RMO.00".
_ZERO_TYPO = re.compile(r"(?:(?<=RM)|(?<=[$€£]))[Oo](?=[.,]\d)")


def _fix_cents(text: str) -> str:
    text = _ZERO_TYPO.sub("0", text)
    return _CENTS_TYPO.sub(lambda m: re.sub(r"[OoUD]", "0", m.group(0)), text)


def find_amounts(text: str) -> list[Amount]:
    """Every amount in ``text``, left to right."""
    out = []
    for m in AMOUNT_RE.finditer(_fix_cents(text)):
        value = to_decimal(m.group("num"))
        if value is None:
            continue
        if m.group("neg0") or m.group("neg") or m.group("trail"):
            value = -value
        cur = m.group("cur")
        code = CURRENCY_MARKS.get(cur.strip().upper()) if cur else None
        out.append(Amount(value, m.start(), m.end(), code))
    return out


_PRICE_AFTER = re.compile(r"\s?-?\d[\d,.' ]*[.,]\d{2}(?!\d)")
_PRICE_BEFORE = re.compile(r"\d[.,]\d{2}\s?$")


def currency_votes(text: str) -> dict[str, int]:
    """How often each currency is printed (marks, codes) in ``text``."""
    votes: dict[str, int] = {}
    for m in CURRENCY_RE.finditer(text):
        mark = m.group(1).upper()
        if not mark.isalpha() or mark in ("RS", "RP"):
            # symbols and "Rs"/"Rp" only next to a price: "$117" is OCR for "S117", an address
            before, after = text[max(0, m.start() - 12) : m.start()], text[m.end() : m.end() + 12]
            if not (_PRICE_AFTER.match(after) or _PRICE_BEFORE.search(before)):
                continue
        code = CURRENCY_MARKS[mark]
        votes[code] = votes.get(code, 0) + 1
    return votes
