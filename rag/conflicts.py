"""Disagreements between articles, by claim: which other articles' sentences state the answer's
claim with another value.

Values are read and normalized in :mod:`rag.values`; which kind of value a question asks
about is decided once, in :mod:`rag.question`.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .constraints import Period, periods_in
from .dates import MONTHS, date_range, date_role
from .spans import terms_near
from .terms import BALANCE, TRADE_WHOLE
from .values import VALUE_PATTERNS, on_weekday, values

# ---------------------------------------------------------------- disagreements by claim

# Amounts of money are never compared for disagreements (rag.question asks for no "money" kind):
# two different amounts in two articles are far more often two different quantities (a surplus
# and a deficit, two years) than a disagreement.
CLAIM_SIMILARITY = 0.5  # cosine between two sentences from which they may make the same claim (chosen on dev)
RELEVANCE_GAP = 0.15  # how much less close to the question than the answer another claim may be (chosen on dev)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_SAME_EVENT_DAYS = 3  # two accounts of one event may put it a day or two apart, not weeks


def _days_apart(a: str, b: str) -> int:
    """Days between two normalized dates of one year ("march 28", "march 29" -> 1); a large number
    when either is not such a date."""
    try:
        (ma, da), (mb, db) = (v.split() for v in (a, b))
        months = [m.lower() for m in MONTHS]
        first, second = (datetime.date(2000, months.index(m) + 1, int(d)) for m, d in ((ma, da), (mb, db)))
    except ValueError:
        return 1 << 20
    return abs((first - second).days)


def _same_time(a: str | None, b: str | None) -> bool:
    """Whether two articles' dates, each possibly partial ("2026-01"), may be within a few days of each
    other: reports of where things stand then speak of the same moment."""
    if not a or not b:
        return False

    def day(iso: str) -> datetime.date:  # date_range writes every month's last day as the 31st
        year, month, d = map(int, iso.split("-"))
        return datetime.date(year, month, min(d, calendar.monthrange(year, month)[1]))
    (a_first, a_last), (b_first, b_last) = ((day(x) for x in date_range(d)) for d in (a, b))
    return (max(a_first, b_first) - min(a_last, b_last)).days <= _SAME_EVENT_DAYS


@dataclass(frozen=True)
class Claim:
    """A sentence that may state the value asked for: its text, its article, and how close it is to the answer."""

    text: str
    source: str
    date: str | None  # the article's date
    similarity: float  # cosine to the answer's sentence (1.0 for the answer itself)
    relevance: float = 0.0  # cosine to the question
    ref: object = None  # whatever the caller needs to cite it


def clause_of(text: str, value: str) -> str:
    """The clause of ``text`` that holds ``value``: the words between the punctuation around it."""
    at = text.find(value)
    if at < 0:
        return text
    start = max(text.rfind(mark, 0, at) for mark in ",;:()") + 1
    ends = [e for e in (text.find(mark, at + len(value)) for mark in ",;:()") if e >= 0]
    return text[start:min(ends, default=len(text))].strip()


def slot_value(terms: set[str], text: str, kind: str) -> tuple[str, str, str | None] | None:
    """The value of ``kind`` in ``text`` nearest the question's ``terms``: (as written, normalized, role)."""
    best = None
    for match in VALUE_PATTERNS[kind].finditer(text):
        near = terms_near(text, match.start(), match.end(), terms)
        if best is None or near > best[0]:
            best = (near, match)
    if best is None:
        return None
    (normalized,) = values(best[1].group(0), kind) or {best[1].group(0).lower()}
    role = date_role(text, best[1].start()) if kind == "date" else None
    return best[1].group(0), normalized, role


# What a figure is a figure of. "a 5.1% increase" of the deficit is not "up 3.4 per cent" of exports,
# however alike the two sentences read, so two figures of different measures are never compared.
_MEASURES = {
    "balance": BALANCE,
    "exports": r"exports?|exported|shipments|sales",
    "imports": r"imports?|imported|purchases",
    "tariff": r"tariffs?|dut(?:y|ies)|levy|levies",
    "trade": TRADE_WHOLE,
}
_MEASURE_WORD = re.compile("|".join(rf"\b(?P<{kind}>{words})\b" for kind, words in _MEASURES.items()), re.I)
_NEXT_WORDS = re.compile(r"\s+(?:[\w-]+\s+)?")  # "26 per cent tariffs", "25% reciprocal tariffs"
_SHARE_OF = re.compile(r"\s+of\s+")  # "18 per cent of India's total goods exports"


def measure_of(text: str, value: str) -> str | None:
    """The measure the figure ``value`` in ``text`` is of: a measure word within a word after it ("26 per
    cent tariffs"), else the nearest one before it ("US goods exports to India were $41.8 billion, up 3.4
    per cent"); None when neither is near."""
    at = text.find(value)
    if at < 0:
        return None
    end = at + len(value)
    for gap in (re.compile(r"\s+").match(text, end), _NEXT_WORDS.match(text, end)):
        after = _MEASURE_WORD.match(text, gap.end()) if gap else None
        if after:
            return after.lastgroup
    share = _SHARE_OF.match(text, end)  # a share is of the measure a few words on
    within = _MEASURE_WORD.search(text[:share.end() + 40], share.end()) if share else None
    if within:
        return within.lastgroup
    before = list(_MEASURE_WORD.finditer(text, max(0, at - 100), at))
    return before[-1].lastgroup if before else None


def _periods(claim: Claim) -> set:
    own, _ = periods_in(claim.text)
    return own or ({Period(int(claim.date[:4]))} if claim.date else set())


def disagreeing(terms: set[str], kind: str, lead: Claim, others: Sequence[Claim],
                relevance: Callable[[str], float] | None = None, now: bool = False) -> list[tuple[Claim, str]]:
    """The answer's claim and each other article's claim of the same thing with another value.

    Another sentence makes the same claim when it is close to the answer's sentence
    (``CLAIM_SIMILARITY``) and about as close to the question, speaks of the same period, and gives a value of the same
    form in the slot asked about; only that value is compared, so a sentence that
    answers another question ("the 10 per cent baseline tariff") is never a disagreement.

    A long sentence may hold the claim in one clause ("With reciprocal tariffs on Indian exports
    paused until July 8, the BTA's progress could ..."), and its other clauses take it away from
    the question. ``relevance(text)``, a text's closeness to the question, then judges the clauses
    that hold the two values instead; it costs a model call, so it is asked only then.

    ``now``: the question asks where things stand now ("What tariff does India face now?"). An article
    written more than a few days (``_SAME_EVENT_DAYS``) from the answer's, on any day a month-only date may
    mean, tells where things stood at another time ("the additional 26 per cent tariffs" suspended in May
    2025, the "reciprocal 25% tariffs" about to start in March): a change, not a disagreement, and the
    newest article leads the answer (see :mod:`rag.extractive`).
    """
    first = slot_value(terms, lead.text, kind)
    if first is None:
        return []
    picked, seen = [(lead, first[0])], {first[1]}
    lead_clause: list[float] = []
    for claim in sorted(others, key=lambda c: -c.similarity):
        if claim.similarity < CLAIM_SIMILARITY or any(claim.source == c.source for c, _ in picked):
            continue
        if now and not _same_time(lead.date, claim.date):
            continue  # where things stood at another time
        if _periods(lead) and _periods(claim) and not _periods(lead) & _periods(claim):
            continue  # the same quantity for another period is no disagreement
        value = slot_value(terms, claim.text, kind)
        if value is not None and kind == "percent" and None not in (
                measures := (measure_of(lead.text, first[0]), measure_of(claim.text, value[0]))) \
                and measures[0] != measures[1]:
            continue  # a figure of another measure
        if value is not None and value[1] not in seen and claim.relevance < lead.relevance - RELEVANCE_GAP:
            if relevance is None:
                continue  # close to the answer's sentence, but it does not answer the question as well
            lead_clause = lead_clause or [relevance(clause_of(lead.text, first[0]))]
            if relevance(clause_of(claim.text, value[0])) < lead_clause[0] - RELEVANCE_GAP:
                continue  # nor does the clause that holds its value
        if value is None:
            continue
        if kind == "date" and (value[1] in _WEEKDAYS) != (first[1] in _WEEKDAYS):
            # a weekday is a day of its report's week ("on Friday" in a report dated Friday, March 28,
            # 2025 is March 28); without a full date to count from, the two are not compared, and a
            # day more than a few days from the other is another event, not another account of it
            days = [on_weekday(v, c.date) if v in _WEEKDAYS else v for v, c in ((value[1], claim), (first[1], lead))]
            if None in days or not 0 < _days_apart(*days) <= _SAME_EVENT_DAYS:
                continue
        if value[2] and first[2] and value[2] != first[2]:
            continue  # an end date and a start date answer different questions
        if value[1] not in seen:
            seen.add(value[1])
            picked.append((claim, value[0]))
    return picked if len(picked) > 1 else []
