"""Dates and times as printed on receipts, and their ISO form where it is unambiguous.

``03/06/2017`` could be 3 June or 6 March. The order is settled, in turn, by the date itself (a
part above 12), by the other dates on the same receipt, and by a locale hint (the currency, or
the caller's). Without any of these the ISO date stays ``None`` and only ``date_text`` is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

#: Month names and abbreviations in the languages we read (eng, deu, fra, spa, ita, nld, por, msa).
MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    [
        "jan january januar janvier enero gennaio januari janeiro",
        "feb february februar fevrier février febrero febbraio februari fevereiro",
        "mar march marz märz maerz mars marzo maart mac março marco",
        "apr april avril abril aprile",
        "may mai mayo maggio mei maio",
        "jun june juni juin junio giugno junho",
        "jul july juli juillet julio luglio julai julho",
        "aug august aout août agosto augustus ogos ago ogo",
        "sep sept september septembre septiembre settembre setembro",
        "oct october oktober okt octobre octubre ottobre outubro out",
        "nov november novembre noviembre novembro",
        "dec december dezember dez decembre décembre diciembre dicembre dis desember dezembro",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _n

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?P<y>(?:19|20)\d{2}|\d{2}(?!\d))"
NUMERIC_RE = re.compile(
    r"(?<![\w/.-])(?:(?P<y4>(?:19|20)\d{2})(?P<s0>[/.-])(?P<m0>\d{1,2})(?P=s0)"
    r"(?P<d0>\d{2}(?=\d{1,2}:\d{2})|\d{1,2}(?!\d))"  # "2018/02/2213:34:14": the time glued on
    rf"|(?P<a>\d{{1,2}})\s?(?P<s>[/.-])\s?(?P<b>\d{{1,2}})\s?(?P=s)\s?{_YEAR})"
)
TEXT_RE = re.compile(
    rf"(?<![A-Za-z\d])(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?[\s./-]*(?P<m1>{_MONTH})\.?[\s,./-]*"
    rf"(?P<y1>(?:19|20)\d{{2}}|\d{{2}}(?!\d))"
    rf"|(?P<m2>{_MONTH})\.?\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y2>(?:19|20)\d{{2}}))",
    re.IGNORECASE,
)
TIME_RE = re.compile(
    r"(?<![\d.:/])(?P<h>[01]?\d|2[0-3])\s?[:.]\s?(?P<m>[0-5]\d)(?:\s?[:.]\s?(?P<s>[0-5]\d))?"
    r"(?!\d)(?:\s?(?P<ap>[AaPp])\.?[Mm]\.?)?"
)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a line. ``day_first`` is None when the order is not settled by it."""

    text: str
    start: int
    end: int
    year: int
    first: int  # the first number as printed (day or month)
    second: int
    day_first: bool | None  # True: first is the day; False: first is the month; None: unsure
    evidence: bool = False  # a part above 12 settles the order for the page's other dates

    def iso(self, day_first: bool | None) -> str | None:
        """``YYYY-MM-DD`` read in this order, or None when it is no valid date."""
        order = self.day_first if self.day_first is not None else day_first
        if order is None and self.first != self.second:
            return None
        day, month = (
            (self.first, self.second) if order in (True, None) else (self.second, self.first)
        )
        try:
            return date(self.year, month, day).isoformat()
        except ValueError:
            return None


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _settled(first: int, second: int) -> bool | None:
    if first > 12 >= second:
        return True
    if second > 12 >= first:
        return False
    return None


def find_dates(text: str) -> list[DateMatch]:
    """Plausible dates in ``text`` (valid in at least one order), left to right."""
    out: list[DateMatch] = []
    for m in NUMERIC_RE.finditer(text):
        if m.group("y4"):
            y, mo, d = int(m.group("y4")), int(m.group("m0")), int(m.group("d0"))
            found = DateMatch(m.group(0), m.start(), m.end(), y, d, mo, True)
        else:
            a, b, y = int(m.group("a")), int(m.group("b")), _year(m.group("y"))
            settled = _settled(a, b)
            evidence = settled is not None
            if m.group("s") == "." and settled is None:
                settled = True  # 03.06.2017: dotted dates are day-first wherever printed
            found = DateMatch(m.group(0), m.start(), m.end(), y, a, b, settled, evidence)
        if found.iso(True) or found.iso(False):
            out.append(found)
    for m in TEXT_RE.finditer(text):
        if m.group("m1"):
            d, mo, y = int(m.group("d1")), MONTHS[m.group("m1").lower()], _year(m.group("y1"))
        else:
            d, mo, y = int(m.group("d2")), MONTHS[m.group("m2").lower()], _year(m.group("y2"))
        found = DateMatch(m.group(0).strip(" ,.-"), m.start(), m.end(), y, d, mo, True)
        if found.iso(True):
            out.append(found)
    return sorted(out, key=lambda f: f.start)


def page_order(dates: list[DateMatch]) -> bool | None:
    """The day/month order the page's own numeric dates settle (majority), or None."""
    votes = [d.day_first for d in dates if d.evidence]
    firsts = sum(1 for v in votes if v)
    if not votes or firsts * 2 == len(votes):
        return None
    return firsts * 2 > len(votes)


def find_time(text: str) -> tuple[str, int, int] | None:
    """The first time of day in ``text`` as ``HH:MM[:SS]`` (24 h), with its span."""
    for m in TIME_RE.finditer(text):
        h, mi, s, ap = int(m.group("h")), m.group("m"), m.group("s"), m.group("ap")
        if ap:
            if not 1 <= h <= 12:
                continue
            h = h % 12 + (12 if ap.lower() == "p" else 0)
        elif "." in m.group(0) and not s:
            continue  # 12.50 is an amount, not ten to one
        value = f"{h:02d}:{mi}" + (f":{s}" if s else "")
        return value, m.start(), m.end()
    return None
