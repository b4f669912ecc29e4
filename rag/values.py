"""Values of one kind in a text, normalized so that values written two ways compare equal.

Kinds: percentages, amounts of money, calendar dates and days, month ranges. "July 9" and
"9 July" are one value, and so are "5.1%" and "5.1 per cent".
"""

from __future__ import annotations

import datetime
import re

from .dates import MONTH, MONTHS, WEEKDAY

VALUE_PATTERNS = {
    "percent": re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|per cent\b|percent\b)", re.I),
    "money": re.compile(r"(?:\$|USD\s?|US\$\s?)(\d[\d,]*(?:\.\d+)?)\s?(billion|million|trillion)?", re.I),
    "month_range": re.compile(rf"({MONTH})\s*[-–]\s*({MONTH})", re.I),
    "date": re.compile(rf"({MONTH})\s+(\d{{1,2}})\b|\b(\d{{1,2}})\s+({MONTH})|"
                       rf"\b({WEEKDAY})\b"),
}


def values(text: str, kind: str) -> set[str]:
    """The values of ``kind`` in ``text``, normalized so that equal values compare equal."""
    found = set()
    for match in VALUE_PATTERNS[kind].finditer(text):
        if kind == "percent":
            found.add(f"{float(match.group(1)):g}%")
        elif kind == "money":
            unit = (match.group(2) or "").lower()
            found.add(f"{float(match.group(1).replace(',', '')):g} {unit}".strip())
        elif kind == "month_range":
            found.add(f"{match.group(1).lower()}-{match.group(2).lower()}")
        elif match.group(5):
            found.add(match.group(5).lower())
        else:
            month = (match.group(1) or match.group(4)).lower()
            day = int(match.group(2) or match.group(3))
            found.add(f"{month} {day}")
    return found


def first_value(text: str, kind: str) -> str | None:
    """The first value of ``kind`` in ``text``, as written."""
    match = VALUE_PATTERNS[kind].search(text)
    return match.group(0) if match else None


def on_weekday(weekday: str, date: str | None) -> str | None:
    """The day a weekday names in a report dated ``date``: the last such weekday on or before it,
    normalized like :func:`values` ("friday" in a report of 2025-03-28 -> "march 28"). None unless
    the report's date is a full date."""
    try:
        day = datetime.date.fromisoformat(date or "")
    except ValueError:
        return None
    names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    if weekday not in names:
        return None
    day -= datetime.timedelta(days=(day.weekday() - names.index(weekday)) % 7)
    return f"{MONTHS[day.month - 1].lower()} {day.day}"
