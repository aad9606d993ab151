"""The receipt's head: the merchant (the most prominent top line that is no address, phone or
identifier) and the address lines below it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from app.core.receipt import keywords as kw
from app.core.receipt.amounts import find_amounts
from app.core.receipt.dates import find_dates, find_time
from app.core.receipt.lines import TextLine
from app.core.receipt.model import Field

#: The merchant is looked for in this many first lines.
HEAD_LINES = 12
#: The address starts within this many lines below the name.
ADDRESS_NEAR = 3
#: An address has at most this many lines.
MAX_ADDRESS_LINES = 5
#: Registration numbers printed after a company name: "(519537-X)", "(JM0352019-K)", "Co.No. 12-A".
_REG_SUFFIX = re.compile(
    r"\s*(?:\(\s?[A-Z]{0,3}\s?\d[\dA-Z -]*\)?|(?:CO\.?\s?(?:REG\.?\s?)?NO\.?|ROC)\s?:?\s?[\dA-Z-]+"
    r"|\b\d{5,}-?[A-Z]\b)\s*$",
    re.IGNORECASE,
)
#: A registration number inside a name line; the name ends before it.
_REG_NUMBER = re.compile(r"[\s(\[{]*\b[A-Z]{0,3}\d{4,}-?\s?[A-Z]?\b[)\]}]?.*$")


#: "Dimiliki:", "Owned by:", "Operated by:" before the company's name.
_OWNER_LABEL = re.compile(r"^(?:[A-Za-z]+\s){0,2}[A-Za-z]+\s?:\s*(?=\S)")
#: A registration number printed before the street: "(No.193573-M) Level G2, …".
_LEADING_REG = re.compile(
    r"^(?:\(?\s?(?:(?:CO(?:MPANY)?\.?\s?)?NO\.?\s?:?\s?)?\d{4,}-?\s?[A-Z]?\s?\)"
    r"|(?:CO(?:MPANY)?\.?\s?)REG(?:ISTRATION)?\.?\s?NO\.?\s?:?\s?[A-Z]{0,3}[\d&]{4,}[\dA-Z&-]*)\s*",
    re.IGNORECASE,
)
#: A branch printed under the address ("1076-IJOK", "(TESCO PUTRA NILAI)"): part of it.
_BRANCH = re.compile(r"^\W*(?:\d{3,5}\s?-\s?[A-Z]|\(.*\)\W*$)")
#: Parts of a legal name that are no name of their own: "CO. (M) SDN BHD".
_CONNECTORS = re.compile(r"\bCO\.|\(\w{1,3}\)|&|\bAND\b", re.IGNORECASE)
#: OCR variants of Malaysian legal forms, written as printed.
_LEGAL_TYPOS = ((re.compile(r"\b[S5][UO0]N(\.?\s?,?\s?BH[DN])\b"), r"SDN\1"),
                (re.compile(r"\b5/B\b"), "S/B"))  # fmt: skip
_REG_ONLY = re.compile(r"^\W*[A-Z]{0,3}\s?\d{4,}[\d-]*\s?-?\s?[A-Z]?\W*$")


@dataclass
class Head:
    merchant: Field | None
    address: Field | None
    merchant_index: int | None


def _alnum(text: str) -> int:
    return sum(c.isalnum() for c in text)


def _is_contact_or_id(line: TextLine) -> bool:
    up = line.upper
    return bool(kw.PHONE.search(up) or kw.WEB.search(up) or kw.IDENTIFIER.search(up))


def _is_address(line: TextLine) -> bool:
    return bool(kw.ADDRESS.search(line.upper))


def _is_other(line: TextLine) -> bool:
    """Lines that are neither a name nor an address: dates, amounts, headings."""
    return bool(
        find_dates(line.text)
        or find_time(line.text)
        or find_amounts(line.text)
        or kw.HEADING.search(line.upper)
    )


def _merchant_score(
    line: TextLine, position: int, typical: float, below_address: bool
) -> float | None:
    text = line.text.strip()
    letters = [c for c in text if c.isalpha()]
    if _alnum(text) < 3 or len(letters) < 2:
        return None
    if _is_contact_or_id(line) or _is_other(line):
        return None
    company = bool(kw.COMPANY.search(line.upper))
    street = _is_address(line) and (not company or any(c.isdigit() for c in text))
    if street and not kw.LEGAL.search(line.upper):
        return None  # "455 Market Street": a trade word in a street name
    score = 3.0 if kw.LEGAL.search(line.upper) else 1.5 if company else 0.0
    if below_address:
        score -= 2.5  # the shop's name sits above its address; below it: the customer's
    score += min(1.5, 2.0 * (line.height / typical - 1.0))
    score -= 0.25 * position
    lower = sum(c.islower() for c in letters) / len(letters)
    if lower > 0.6 and not company:
        score -= 1.5  # a handwritten note or a slogan; shop names are mostly capitals
    score += 0.5 * min(line.confidence(), 1.0)
    return score


def clean_name(text: str) -> str:
    """ "99 SPEED MART S/B (519537-X)" → "99 SPEED MART S/B"."""
    name = _OWNER_LABEL.sub("", text.strip(" :;,-*=#.")).strip()
    name = re.sub(r"^\d{4,}\s+(?=[A-Za-z])", "", name)  # a till or branch code before it
    legal = kw.LEGAL.search(name.upper())
    if legal is not None and len(name) > legal.end() + 3:
        name = name[: legal.end()]  # "LIGHTROOM GALLERY SDN BHD No: 28, JALAN …"
    name = _REG_NUMBER.sub("", name) if _REG_NUMBER.search(name[3:]) else name
    for pattern, fixed in _LEGAL_TYPOS:
        name = pattern.sub(fixed, name)
    for _ in range(2):
        name = _REG_SUFFIX.sub("", name).strip(" :;,-*=#")
    return name


def find_head(lines: list[TextLine]) -> Head:
    if not lines:
        return Head(None, None, None)
    typical = median([ln.height for ln in lines]) or 1.0
    head = lines[:HEAD_LINES]
    scored = []
    below_address = False
    for i, ln in enumerate(head):
        score = _merchant_score(ln, i, typical, below_address)
        if score is not None:
            if any(_is_address(nxt) for nxt in lines[i + 1 : i + 1 + ADDRESS_NEAR]):
                score += 1.5  # the name printed right above the address
            scored.append((score, ln))
        elif scored and (_is_address(ln) or _is_contact_or_id(ln)):
            below_address = True
    if not scored:
        return Head(None, _address(lines, -1), None)
    score, line = max(scored, key=lambda t: t[0])
    parts = [line]
    # "POPULAR BOOK" / "CO. (M) SDN BHD": a legal form alone on its line takes the line above
    legal = kw.LEGAL.search(line.upper)
    prev = lines[line.index - 1] if line.index > 0 else None
    if (
        legal is not None
        and prev is not None
        and (
            len(_CONNECTORS.sub(" ", line.text[: legal.start()]).split()) < 2
            or line.text.lstrip().startswith("&")
        )
        and _merchant_score(prev, 0, typical, False) is not None
        and not kw.LEGAL.search(prev.upper)
    ):
        parts.insert(0, prev)
    # a name printed on two lines: "GARDENIA BAKERIES" / "(KL) SDN BHD"
    nxt = lines[line.index + 1] if line.index + 1 < len(lines) else None
    if (
        nxt is not None
        and len(parts) == 1
        and not kw.LEGAL.search(line.upper)
        and kw.LEGAL.search(nxt.upper)
        and not _is_address(nxt)
        and not _is_contact_or_id(nxt)
    ):
        parts.append(nxt)
    name = clean_name(" ".join(p.text for p in parts))
    if not name:
        return Head(None, _address(lines, line.index), None)
    boxes = [b for p in parts for b in p.boxes()]
    conf = min(1.0, 0.55 + 0.1 * max(score, 0.0)) * sum(p.confidence() for p in parts) / len(parts)
    merchant = Field(name, conf, boxes)
    return Head(merchant, _address(lines, parts[-1].index), line.index)


def _address(lines: list[TextLine], after: int) -> Field | None:
    """Consecutive address-like lines after the merchant (registration numbers skipped)."""
    picked: list[TextLine] = []
    start = after + 1
    for line in lines[start : start + MAX_ADDRESS_LINES + 3]:
        up = line.upper
        is_id = bool(kw.IDENTIFIER.search(up)) and not _is_address(line)
        if is_id and (not picked or _REG_ONLY.match(up)):
            continue  # "(JM0352019-K)", "CO REG 1234-X" between name and address, or inside it
        if not picked and (find_dates(line.text) or find_time(line.text)):
            continue
        if kw.PHONE.search(up) or kw.WEB.search(up) or _is_other(line) or is_id:
            break
        picked.append(line)
        if len(picked) >= MAX_ADDRESS_LINES:
            break
    # trailing lines that are no address (a slogan, a branch name) stay out unless an address
    # line follows them
    while picked and not _is_address(picked[-1]) and not _BRANCH.search(picked[-1].upper):
        picked.pop()
    while picked and not _is_address(picked[0]):
        picked.pop(0)  # "Licensee of McDonald's", "Dimiliki: …": above the street
    if not picked:
        return None
    text = _LEADING_REG.sub("", " ".join(ln.text.strip() for ln in picked))
    conf = 0.8 * sum(ln.confidence() for ln in picked) / len(picked)
    return Field(text, conf, [b for ln in picked for b in ln.boxes()])
