"""Noticing when articles give different values for the same thing, and recency questions.

Values are found by kind: percentages, calendar dates and days, and month
ranges. Which kind matters is read from the question ("by what percentage"
-> percentages, "until what date" -> dates).
"""

from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH = "(?:" + "|".join(MONTHS) + ")"  # a month name, as a regular expression
VALUE_PATTERNS = {
    "percent": re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|per cent\b|percent\b)", re.I),
    "money": re.compile(r"(?:\$|USD\s?|US\$\s?)(\d[\d,]*(?:\.\d+)?)\s?(billion|million|trillion)?", re.I),
    "month_range": re.compile(rf"({MONTH})\s*[-–]\s*({MONTH})", re.I),
    "date": re.compile(rf"({MONTH})\s+(\d{{1,2}})\b|\b(\d{{1,2}})\s+({MONTH})|"
                       r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
}
_ASKS = [
    ("percent", re.compile(r"\b(percent|percentage|per cent|growth|grow|grew|increase|increased|rise|rose|fell|"
                           r"decline|declined)\b|%", re.I)),
    ("month_range", re.compile(r"\bmonths?\b", re.I)),
    ("date", re.compile(r"^\s*(when|until when|by when|since when)\b|\b(what|which) (date|day)\b|\buntil what\b|"
                        r"^\s*on what\b", re.I)),
]
# Amounts of money are not compared: two different amounts in two articles are far more
# often two different quantities (a surplus and a deficit, two years) than a disagreement.
RECENCY = re.compile(r"\b(now|currently|current|latest|most recent|recently|still|as of|today|these days|"
                     r"at present|presently|newest|so far)\b", re.I)


def asked_kind(question: str) -> str | None:
    """The kind of value a question asks for, if it asks for one."""
    for kind, pattern in _ASKS:
        if pattern.search(question):
            return kind
    return None


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


def is_recency_question(question: str) -> bool:
    return bool(RECENCY.search(question))


def readable_date(date: str | None) -> str:
    """2026-01-23 -> January 23, 2026; 2026-01 -> January 2026."""
    if not date:
        return "an undated article"
    parts = date.split("-")
    try:
        if len(parts) == 3:
            return f"{MONTHS[int(parts[1]) - 1]} {int(parts[2])}, {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return date
