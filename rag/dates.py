"""Dates as the articles carry them: ISO 8601, as precise as known (2026, 2026-01, 2026-01-23).

One place for checking them, the span of days a partial date covers, and the
labels the terminal and the chat page show.
"""

from __future__ import annotations

import calendar
import datetime
import re

from .errors import RagError

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH = "(?:" + "|".join(MONTHS) + ")"  # a month name, as a regular expression
WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"  # a day of the week, likewise
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_date(value: str) -> bool:
    """Whether ``value`` is YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day."""
    match = _ISO.fullmatch(value)
    if not match:
        return False
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def check_date(name: str, value: str | None) -> str | None:
    """``value`` when it is a date like 2025, 2025-05 or 2025-05-20 (or None); else a RagError naming ``name``."""
    if value is not None and not is_date(str(value)):
        raise RagError(f"{name} must be a date like 2025, 2025-05 or 2025-05-20, not {value!r}")
    return value


def date_range(date: str) -> tuple[str, str]:
    """The first and last day a possibly partial ISO date covers: "2026-01" -> 2026-01-01..2026-01-31.

    The last day of a month is written as the 31st whatever the month: the values
    are only compared as strings, where that orders correctly.
    """
    parts = date.split("-")
    if len(parts) == 1:
        return f"{date}-01-01", f"{date}-12-31"
    if len(parts) == 2:
        return f"{date}-01", f"{date}-31"
    return date, date


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


def date_label(date: str | None, inferred: bool = False) -> str:
    """The short label beside a source: "2025-03-28", "2026-01 (inferred)" or "undated"."""
    if not date:
        return "undated"
    return date + (" (inferred)" if inferred else "")


_ENDS = frozenset("till until through by to".split())
_STARTS = frozenset("on from since starting effective in".split())


def date_role(text: str, start: int) -> str | None:
    """What a date is in its sentence, by the word before it: an end ("till July 9"), a start or an
    event ("on April 2"), or unknown. Dates in different roles are never compared."""
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 20):start].lower())
    if not words:
        return None
    return "end" if words[-1] in _ENDS else "start" if words[-1] in _STARTS else None


# "What was India's surplus last year?" asks of the reader's last year, not of an article's: asked in
# December 2026 it is 2025's, and the articles' 2024-25 figure is no answer. A year or month named from
# the day the question is asked is written out before the question is read, so every constraint on
# periods holds it. "In the last year" and "over the past year" are spans counted back, not calendar
# years, and are left to the span rules; so is "the previous year" (the year before another).
_RELATIVE = re.compile(rf"(?<!\bthe )(?<!\bpast )\b(?P<in>in\s+|during\s+|for\s+)?(?P<month>(?-i:{MONTH})\s+)?"
                       r"(?P<which>this|last|next)\s+"
                       r"(?P<unit>year|month)(?P<own>[’']s)?\b", re.I)


def dated_relative(text: str, today: datetime.date) -> str:
    """``text`` with "this year", "last year", "next year" (and the same of months) written as the
    year or month they are on ``today``: "... surplus last year?" -> "... surplus in 2025?", "last
    month's exports" -> "November 2026's exports"."""
    def absolute(match: re.Match) -> str:
        step = {"this": 0, "last": -1, "next": 1}[match["which"].lower()]
        if match["unit"].lower() == "year":
            named = f"{match['month'] or ''}{today.year + step}"  # "January last year" -> "January 2025"
        elif match["month"]:
            return match.group()  # "January this month" says nothing
        else:
            months = today.year * 12 + today.month - 1 + step
            named = f"{MONTHS[months % 12]} {months // 12}"
        if match["own"]:
            return f"{match['in'] or ''}{named}{match['own']}"
        return f"{match['in'] or 'in '}{named}"
    return _RELATIVE.sub(absolute, text)
