"""The short answer: the typed value or span a cited sentence gives ("$45.7 billion", "July 9").

When a sentence lists several values for several periods ("USD 35.32 billion in
2023-24, USD 27.7 billion in 2022-23"), the value in the clause of the period
asked about is taken. Hand-written patterns: amounts, percentages, counts, dates
and people's names in news prose come in a few shapes, and these keep the exact
characters of the sentence so the short answer is always a span of the quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .bm25 import tokenize
from .constraints import countries_in, periods_in
from .dates import MONTH
from .question import Query

_MONEY = r"(?:(?:US\$|USD|\$|Rs\.?|INR|€|£)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:billion|million|trillion|crore|lakh))?)"
_PERCENT = r"(?:\d+(?:\.\d+)?\s?(?:%|per cent\b|percent\b))"
_COUNT = (r"(?:\d[\d,]*(?:\.\d+)?(?:\s?(?:billion|million|thousand|tonnes|chapters|calls|years?|days?))?|"
          r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundreds|fourth|third)\b)")
_DATE = (rf"(?:{MONTH}\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?(?:,\s*\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?|"
         rf"{MONTH}\s*[-–]\s*{MONTH}|(?:late |early |mid-)?{MONTH}\s+\d{{4}}|\b(?:fall|Fall|spring|autumn)\s+\d{{4}}|"
         r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?:19|20)\d{2}\b)")
_NAME = re.compile(r"(?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.|R))+")
_TITLES = frozenset("""us u.s. india indian american former secretary minister president prime deputy commerce
industry foreign state trade external affairs department ministry office government official spokesperson
representative chief professor senior the of and institute negotiator commissioner""".split())


def _patterns(query: Query) -> list[str]:
    """Value patterns to try for ``query``, in order of preference."""
    q = query.searched.lower()
    if query.answer_type == "date" or re.search(r"\b(which|what) (months?|dates?|days?|years?)\b", q):
        return [_DATE]
    if re.search(r"\bpercent|percentage|per cent|%|\bby how much\b|\bhow fast\b|\brate\b|\bshare\b|\btariffs?\b|"
                 r"\bduty\b|\bduties\b|\blevy\b", q):
        return [_PERCENT]
    if re.search(r"\bhow (much|big|large)\b|\bvalue\b|\bamount\b|\bsurplus\b|\bdeficit\b|\bworth\b|"
                 r"\bexports?\b|\bimports?\b|\btotal\b|\btrade\b", q):
        return [_MONEY, _PERCENT]
    if re.search(r"\bhow many\b|\bnumber of\b", q):
        return [_COUNT]
    if query.answer_type == "number":
        return [_MONEY, _PERCENT, _COUNT]
    return []


def terms_near(sentence: str, start: int, end: int, terms: set[str], before: int = 60, after: int = 30) -> int:
    """How many of the question's terms stand within a few words of a value."""
    window = tokenize(sentence[max(0, start - before):start] + " " + sentence[end:end + after])
    return len(terms & set(window))


def _candidates(query: Query, sentence: str, pattern: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each value of ``pattern`` in ``sentence`` that the question does not itself name."""
    asked = query.searched.lower()
    found = []
    for match in re.finditer(pattern, sentence, re.I if pattern == _COUNT else 0):
        value = match.group().strip()
        if value.lower() in asked or (pattern == _COUNT and periods_in(value)[0]):
            continue  # a value the question names, or a year taken for a count, is no answer
        if pattern == _COUNT:  # "19 chapters" answers "how many chapters" as "19"
            value = re.sub(r"\s+[a-z]+$", "", value) if value[0].isdigit() else value
        found.append((match.start(), match.end(), value))
    return found


def _in_period_clause(query: Query, sentence: str, found: list[tuple[int, int, str]]) -> str | None:
    """When the sentence lists values for several periods, the value just before the period asked about."""
    for period in sorted(query.constraints.periods):
        for match in re.finditer(r"(?:FY\s?)?\d{4}(?:-\d{2,4})?", sentence):
            if period in periods_in(match.group())[0]:
                before = [f for f in found if f[1] <= match.start()]
                if before:
                    return before[-1][2]
    return None


def _person(query: Query, sentence: str) -> str | None:
    terms, asked = set(query.terms), query.searched.lower()
    best = None
    for match in _NAME.finditer(sentence):
        words = match.group().split()
        while words and words[0].lower().strip(".") in _TITLES | {"u.s"}:
            words = words[1:]
        name = " ".join(words)
        if len(words) < 2 or any(w.lower() in _TITLES for w in words) or countries_in(name) or name.lower() in asked:
            continue
        # a title comes before a name in news English: "Commerce Secretary Howard Lutnick"
        near = terms_near(sentence, match.start(), match.end(), terms, before=40, after=0)
        if best is None or near > best[0]:
            best = (near, name)
    return best[1] if best else None


def short_answer(query: Query, sentences: Sequence[str]) -> str | None:
    """The value or name in ``sentences`` (the cited ones, best first) that answers ``query``; None when
    no typed value fits. The value nearest the question's words wins; ties go to the best sentence."""
    if query.answer_type == "person":
        return next((name for name in (_person(query, s) for s in sentences) if name), None)
    terms = set(query.terms)
    for pattern in _patterns(query):
        best = None
        for rank, sentence in enumerate(sentences):
            found = _candidates(query, sentence, pattern)
            listed = _in_period_clause(query, sentence, found) if query.constraints.periods else None
            if listed:
                return listed
            for start, end, value in found:
                key = (terms_near(sentence, start, end, terms), -rank, -start)
                if best is None or key > best[0]:
                    best = (key, value)
        if best:
            return best[1]
    return None


def slot_fit(query: Query, sentence: str) -> float:
    """Share of the question's terms standing next to a value of the kind asked for in ``sentence``:
    "It was announced on April 2" fits "when was it announced" better than "suspended till July 9"."""
    terms = set(query.terms)
    patterns = _patterns(query)
    if not terms or not patterns:
        return 0.0
    best = 0
    for pattern in patterns:
        for start, end, _ in _candidates(query, sentence, pattern):
            best = max(best, terms_near(sentence, start, end, terms, before=40, after=20))
    return best / len(terms)
