"""The short answer: the typed value or span a cited sentence gives ("$45.7 billion", "July 9").

When a sentence lists several values for several periods ("USD 35.32 billion in
2023-24, USD 27.7 billion in 2022-23"), the value in the clause of the period
asked about is taken. Hand-written patterns: amounts, percentages, counts, dates
and people's names in news prose come in a few shapes, and these keep the exact
characters of the sentence so the short answer is always a span of the quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .aspects import done_by, figures_in, flows_in
from .bm25 import tokenize
from .constraints import DURATION, days_in, periods_in
from .countries import countries_in, country_pattern
from .dates import MONTH, WEEKDAY
from .question import (
    CAUSE_ASKED,
    SAYS_AFTER,
    WHAT_HAPPENED,
    Query,
    affirms,
    asks_for_things,
    asks_who_said,
    own_words,
    speaking_body,
)
from .terms import CHANGE_AS_THING, IN_MONEY, SET_ASIDE_FIRST, SETS_ASIDE, TRADE_NAMING, content_terms

_MONEY = r"(?:(?:US\$|USD|\$|Rs\.?|INR|€|£)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:billion|million|trillion|crore|lakh))?)"
_PERCENT = r"(?:\d+(?:\.\d+)?\s?(?:%|per cent\b|percent\b))"
_COUNT = (r"(?:\d[\d,]*(?:\.\d+)?(?:\s?(?:billion|million|thousand|tonnes|chapters|calls|years?|days?))?|"
          r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundreds|fourth|third)\b)")
_DATE = (rf"(?:{MONTH}\s+\d{{1,2}}(?!\d)(?:\s*[-–]\s*\d{{1,2}})?(?:,\s*\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?|"
         rf"{MONTH}\s*[-–]\s*{MONTH}|(?:late |early |mid-)?{MONTH}\s+\d{{4}}|\b(?:fall|Fall|spring|autumn)\s+\d{{4}}|"
         rf"\b{WEEKDAY}\b|\b(?:FY\s?)?(?:19|20)\d{{2}}-\d{{2}}\b|\b(?:19|20)\d{{2}}\b)")  # a fiscal year whole
_MONTH_ALONE = rf"\b{MONTH}\b"
# "Over which years ...?" is answered by the stretch ("From 2009 to 2024"), not by its first year
_YEARS = r"\b(?:19|20)\d{2}\s*(?:to|and|through|until|[-–])\s*(?:19|20)\d{2}\b"
_SPAN_OF_TIME = rf"(?i:{DURATION.pattern})"  # "90-day", "two decades"
# (not from inside a hyphened word: the "In Podcast" of "All-In Podcast" is no one)
_NAME = re.compile(r"(?<![\w’'-])(?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.|R))+")
_TITLES = frozenset("""us u.s. india indian american former secretary minister president prime deputy commerce
industry foreign state trade external affairs department ministry office government official spokesperson
representative chief professor senior the of and institute negotiator commissioner""".split())


# "By how much did the deficit grow in 2024, in dollars?" asks for the change, not the level: in "$45.7
# billion in 2024, a 5.4 per cent increase ($2.4 billion)" the amount of the change follows a word of
# change or stands in brackets after one
_MORE_OR_LESS = "bigger|larger|higher|greater|wider|more|smaller|lower|less|narrower"
# "... than in 2023", "... than the year before": a figure set against its own earlier one
_THAN_EARLIER = (r"\bthan\s+(?:(?:in\s+)?(?:fy\s?)?(?:19|20)\d\d\b|the (?:year|month) before|a year (?:earlier|before)|"
                 r"the previous year|last year)")
# "how large was the increase", "by how many dollars did ... go up", "the latest figure for the rise", "how much
# more ... than the year before" too
_CHANGE_ASKED = re.compile(r"\b(?:how (?:much|large|big)|by how many)\b.*\b(?:grow|grew|rise|rose|increase[sd]?|"
                           r"chang(?:e|ed)|widen(?:ed)?|fall|fell|decline[sd]?|jump(?:ed)?|drop(?:ped)?|climb(?:ed)?|"
                           r"(?:go|goes|went|gone) (?:up|down))\b|"
                           r"\b(?:figure|rate|amount|size)\s+(?:of|for)\s+the\s+(?:rise|increase|growth|jump|fall|decline|"
                           rf"drop)\b|{_THAN_EARLIER}|"
                           rf"{CHANGE_AS_THING}|"
                           # "How much bigger was the deficit in 2024 than in 2023?": the difference, not a level
                           rf"\bhow much (?:{_MORE_OR_LESS})\b.*{_THAN_EARLIER}")
_CHANGE_BEFORE = re.compile(r"\b(?:up|down|by|increase[sd]?|rise|rose|grew|growth|fell|fall|decline[sd]?|jump(?:ed)?|"
                            r"climb(?:ed)?|drop(?:ped)?|widen(?:ed)?|narrow(?:ed)?)(?:\s+(?:of|by))?"
                            r"(?:\s+(?:more|less|nearly|almost|about|over)(?:\s+than)?)?"  # "rose more than 22%"
                            r"(?:\s+[\d.,]+\s*(?:%|per\s*cent|percent))?\s*\(?$", re.I)


# Questions that name a figure's words ("trade", "exports", "tariffs") but ask for no figure: whose it is,
# which body, or what someone did ("What did India and the US do days before the 25% tariffs ...?")
_ASKS_NO_VALUE = re.compile(r"\bwhose\b|^\s*what\s+(?:did|does|do|will|would)\b.*\bdo\b|"
                            # "What happened before the April 2 tariffs took effect?" asks for an event: "25%" is none
                            rf"{WHAT_HAPPENED}|"
                            # "How much more did India export to the US than the US exported to India?" asks for a
                            # difference of two figures, which a sentence giving both ($87.4 and $41.8 billion) is
                            # not; "... in 2024 than in 2023?" asks for a change, which sentences give (_CHANGE_ASKED)
                            rf"\bhow much (?:{_MORE_OR_LESS})\b(?!.*{_THAN_EARLIER}).*\bthan\b|"
                            # ("Which Indian ministry ...?" too: "$59.04 billion" is no ministry)
                            r"\b(?:which|what)\s+(?:(?!(?:is|are|was|were|did|does|do|has|have|had)\b)[\w.’'-]+\s+){0,2}?"
                            r"(?:office|ministry|department|agency|body|organi[sz]ation|institution)s?\b|"
                            # "How did the MEA respond to the tariff bill?" asks the manner of a reply, no figure
                            r"^\s*how\s+(?:did|does|do|has|have|had|will|would)\b.*\b(?:respond|react|reply|replied|"
                            r"answer|describe|view|see|justify|explain|feel|greet)\w*\b|"
                            # "What did India and the US discuss days before the 25% tariffs ...?" asks for a
                            # topic, and "the difference between US imports and exports" for no figure a sentence
                            # giving both ($87.4 and $41.8 billion) gives
                            r"^\s*what\s+(?:did|does|do|will|would|has|have|had)\b[^?]*?\b(?:discuss|talk|"
                            r"negotiat|debat|review)\w*\b|"
                            # "What could widen the US trade gap?" asks for what would do it, not the gap's size
                            r"^\s*what\s+(?:could|would|might|may|can|will)\s+(?:help\s+(?:to\s+)?)?(?:narrow|widen|"
                            r"eliminat|clos|reduc|cut|boost|increas|rais|lower|bridg|shrink|end|derail|chang|stop|"
                            r"caus|driv|push|hurt|harm|eras|wipe)\w*\b|"
                            r"\bdifference\s+between\b[^?]*\b(?:imports?|exports?)\b[^?]*\band\b[^?]*"
                            r"\b(?:imports?|exports?)\b", re.I)


_CHANGE_WORDS = re.compile(r"\b(?:grow\w*|grew|growth|rise|rises|rising|rose|risen|increase\w*|jump\w*|surge\w*|"
                           r"climb\w*|fall\w*|fell|decline\w*|drop\w*|widen\w*|narrow\w*|up|down|chang\w*|"
                           r"gain\w*|shr[iau]nk\w*|expand\w*|contract\w*|per ?cent|percentage|%)", re.I)
_LEVY_ASKED = re.compile(r"\b(?:tariffs?|duty|duties|levy|levies)\b", re.I)


# "up 3.4 per cent ($1.4 billion)": the amount in brackets after a change in per cent is that change
_RISE_IN_MONEY = re.compile(r"\d\s?(?:%|per\s?cent|percent)\s*\(\s*$", re.I)


def _levels(sentence: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The amounts of ``found`` that are no rise in money after a rise in per cent ("up 3.4 per cent ($1.4
    billion)": the $1.4 billion is the rise)."""
    return [v for v in found if not _RISE_IN_MONEY.search(sentence[max(0, v[0] - 20):v[0]])]


def _changes(sentence: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The amounts of ``found`` that are changes ("up 3.4 per cent ($1.4 billion)", "rose by $2 billion")."""
    return [f for f in found if _CHANGE_BEFORE.search(sentence[max(0, f[0] - 40):f[0]].rstrip())]


def _change_of(found: list[tuple[int, int, str]], changes: list[tuple[int, int, str]], best: int) -> str | None:
    """``found[best]`` when it is a change, else the value right after it when that one is its change."""
    own = [value for value in found[best:best + 2] if value in changes]
    return own[0][2] if own else None


# The date a goal is to be met by is asked "by when", or as the goal's own year or date ("the target year",
# "the deadline"), not as the day it was set ("When was the Mission 500 goal announced?")
_BY_DATE_ASKED = re.compile(r"\bby (?:which|what) (?:year|date|month|time)\b|\bby when\b|"
                            r"\b(?:target|goal|deadline)\s+(?:year|date|month)\b|"
                            r"^\W*(?:when|what)\s+(?:is|was)\s+the\s+(?:[\w'’-]+\s+){0,4}?deadline\b"
                            r"(?!\s+(?:set|announced|agreed|fixed|made|given))", re.I)


def _patterns(query: Query) -> list[str]:
    """Value patterns to try for ``query``, in order of preference."""
    # a part's own words: "how were they flown (How many Indian nationals were deported ...)?" asks no count
    q = own_words(query.searched).lower()
    if CAUSE_ASKED.search(q):
        # "What drove the surplus?": a figure that is the cause ("driven by $86.51 billion in exports"), not the
        # surplus's own
        return [rf"(?:(?<=\bby\s)|(?<=\bto\s)|(?<=\bof\s)){pattern}" for pattern in (_MONEY, _PERCENT)]
    if re.search(r"\b(which|what) months?\b", q):
        return [_DATE, _MONTH_ALONE]  # "In which month did shipments rise?": "in November"
    if re.match(r"\W*since when\b", q):
        # "Since when has the US been deporting ...?": a start ("since 2009") or how long ("for several years"),
        # not the day the words were said ("the MEA said ... on March 17")
        return [rf"(?<=\b[Ss]ince\s){_DATE}", rf"(?<=\b[Ff]rom\s){_DATE}", _SPAN_OF_TIME]
    if _BY_DATE_ASKED.search(q):
        # "... and by which year?", "When is the Mission 500 target year?": the date a goal is to be met by
        # ("by 2030"), not the day it was set ("announced ... in February 2025"); any date when none is said so
        return [rf"(?<=\b[Bb]y\s){_DATE}", _DATE]
    if re.search(r"\b(?:which|what)\s+(?:\w+\s+){0,2}?(?:years|period|stretch)\b", q):
        return [_YEARS, _DATE]
    # ("Was the meeting on Monday or Tuesday?" asks which day)
    if query.answer_type == "date" or query.constraints.day_choices or re.search(
            rf"\b(which|what) (?:{MONTH.lower()} )?(months?|dates?|days?|years?)\b", q):
        # a month named alone answers only where no fuller date is said: "Goyal was in Washington in March";
        # a stretch of years is said whole ("When did the US deport 15,564 Indians?": "From 2009 to 2024", not
        # its last year)
        return [_YEARS, _DATE, rf"(?<=\b[Ii]n\s){_MONTH_ALONE}"]
    if re.search(r"^\W*(?:\w+\s+)?how long\b", q):
        # "How long is the tariff pause window?": "the 90-day tariff pause window"; "Over how long ...?" too
        return [_SPAN_OF_TIME]
    if IN_MONEY.search(q):
        return [_MONEY]
    if re.search(r"^\W*(?:\w+\s+)?how many\b(?! (?:billion|million|per ?cent|percentage))", q):
        return [_COUNT]  # "For how many years in a row has the US been India's largest trade partner?"
    if _CHANGE_ASKED.search(q):
        return [_PERCENT, _MONEY]  # "how much did exports grow": by a share first, else by an amount
    if re.search(r"\bpercent|percentage|per cent|%|\bby how much\b|\bhow fast\b|\brate\b|\bshare\b|\btariffs?\b|"
                 r"\bduty\b|\bduties\b|\blevy\b", q):
        return [_PERCENT]
    # "How much of India's inbound goods come from the US?" asks for a portion: a share first
    if re.search(r"\bhow much of\b", q):
        return [_PERCENT, _MONEY]
    # "What mark did India's sales pass?": a mark or milestone passed is an amount ("the USD 100 billion mark");
    # a "trade deal" or "trade talks" is no amount of trade ("What is the current state of the trade deal?")
    if re.search(r"\bhow (much|big|large)\b|\bvalue\b|\bamount\b|\bsurplus\b|\bdeficit\b|\bworth\b|"
                 rf"\bexports?\b|\bimports?\b|\btotal\b|\bmark\b|\bmilestone\b|\btrade\b(?!\s+(?:{TRADE_NAMING}))", q):
        return [_MONEY, _PERCENT]
    if re.search(r"\bhow many\b|\bnumber of\b|\btally\b|\bcount of\b", q):
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
    # (but one of the values a question offers to choose from is: "on Monday or Tuesday?")
    offered = query.constraints.day_choices | query.constraints.figure_choices
    found = []
    for match in re.finditer(pattern, sentence, re.I if pattern == _COUNT else 0):
        value = match.group().strip()
        chosen = bool(offered) and bool((days_in(value) | figures_in(value)) & offered)
        if value.lower() in asked and not chosen or (pattern == _COUNT and periods_in(value)[0]):
            continue  # a value the question names, or a year taken for a count, is no answer
        if pattern == _COUNT:  # "19 chapters" answers "how many chapters" as "19"
            value = re.sub(r"\s+[a-z]+$", "", value) if value[0].isdigit() else value
        found.append((match.start(), match.end(), value))
    return found


_PERIOD_AFTER = re.compile(r"\s*(?:in|for|during|of)?\s*((?:FY\s?)?\d{4}(?:-\d{2,4})?)\b")


def _in_period_clause(query: Query, sentence: str, found: list[tuple[int, int, str]]) -> str | None:
    """When the sentence lists values for several periods ("USD 35.32 billion in 2023-24, USD 27.7
    billion in 2022-23"), the value given for the period asked about. A sentence with one such
    value ("$87.4 billion in 2024, up from 2023") lists nothing: its period is the whole sentence's."""
    listed = []
    for _, end, value in found:
        after = _PERIOD_AFTER.match(sentence, end)
        if after:
            listed.append((periods_in(after.group(1))[0], value))
    if len({p for periods, _ in listed for p in periods}) < 2:
        return None
    return next((value for periods, value in listed if periods & query.constraints.periods), None)


_WORD = re.compile(r"[^\W_]+(?:[.,]\d+)*")
_BREAK = re.compile(r"[,;:()\[\]–—]")  # a clause boundary between a word and a value
_DESCRIBED = re.compile(r"\s+(?:of|in|on|for|from)\s+(?!(?:FY\s?)?\d{4}\b)[^\W\d]")
_FAR = 120  # characters (a boundary counts 50) past which a word belongs to no value


def _distance(sentence: str, word: tuple[int, int], value: tuple[int, int]) -> int:
    if word[1] <= value[0]:
        gap = sentence[word[1]:value[0]]
    else:
        gap = sentence[value[1]:word[0]] if word[0] >= value[1] else ""  # a word inside the value: no gap
    return len(gap) + 50 * len(_BREAK.findall(gap))


# "What share of India's imports come from the US?": in "18 per cent of India's total goods exports, 6.22 per
# cent in imports" a value described as of another measure than the one asked answers for that measure, however
# many other words of the question ("India's total") stand beside it
_MEASURE_WORD = re.compile(r"\b(export|import|trade)s?\b", re.I)


def _of_asked_measure(question: str, sentence: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The values ``found`` in ``sentence`` less those described (up to the next value) as of a measure the
    question does not name, when it names one; all of them when that would leave none."""
    asked = {m.lower() for m in _MEASURE_WORD.findall(question)}
    if len(asked) != 1:
        return found
    kept = []
    for i, (start, end, value) in enumerate(found):
        described = sentence[end:found[i + 1][0] if i + 1 < len(found) else len(sentence)]
        said = {m.lower() for m in _MEASURE_WORD.findall(described)} if _DESCRIBED.match(sentence, end) else set()
        if not said or said & asked:
            kept.append((start, end, value))
    return kept or found


def owned_weight(sentence: str, found: list[tuple[int, int, str]], terms: set[str],
                 idf: Callable[[str], float], act: str | None = None) -> list[tuple[float, int]]:
    """Per value found, the rarity-weighted question terms that belong to it, and how near the nearest stands.

    Each occurrence of a question term belongs to the value nearest it within its clause, so in
    "18 per cent of India's goods exports, 6.22 per cent of its imports" the word "imports" is
    6.22 per cent's and not 18 per cent's. A term near every value (the country both figures
    are about) says little; rarity weighting lets the term that tells the values apart decide.
    The word of the ``act`` a date is asked of owns the nearest value after it, where one is within
    reach: in "talks held from April 23-25 focusing on concluding the first phase by Fall 2025" the
    concluding is by Fall 2025, though April 23-25 stands nearer.
    """
    if not found:
        return []
    owned: list[dict[str, int]] = [{} for _ in found]
    # "The US accounts for 18 per cent of exports, 6.22 per cent in imports": when the values are
    # each followed by what they are of, the words before the first are the frame of them all
    described = sum(bool(_DESCRIBED.match(sentence, end)) for _, end, _ in found)
    frame_end = found[0][0] if described >= 2 else 0
    for match in _WORD.finditer(sentence, frame_end):
        stems = tokenize(match.group())
        if not stems or stems[0] not in terms:
            continue
        distances = [_distance(sentence, match.span(), (start, end)) for start, end, _ in found]
        reach = range(len(found))
        if stems[0] == act:  # the act's word: the values after it within reach, where there are any
            reach = [i for i in reach if found[i][0] >= match.end() and distances[i] <= _FAR] or reach
        nearest = min(reach, key=lambda i: distances[i])
        if distances[nearest] <= _FAR:
            term = stems[0]
            owned[nearest][term] = min(owned[nearest].get(term, _FAR), distances[nearest])
    return [(sum(idf(t) for t in terms_of), min(terms_of.values(), default=_FAR)) for terms_of in owned]


# "Whom did India's foreign secretary speak with?", "Which official did Goyal meet?": the person asked for is
# the one acted on; the one the question describes is the doer
# ("Who did not reach out to Trump?" asks for the doer: "did not" is no "did" of an object asked for)
_ASKS_OBJECT = re.compile(r"^\s*(?:whom?\s+|which\s+(?:[\w’'-]+\s+){0,3}?)(?:did|does|do|will|would|has|have|had)\b"
                          r"(?!\s*(?:not|never|n[’']t)\b)", re.I)
# "Who is the US Commerce Secretary's Indian counterpart?": the one whose counterpart is asked is described before "'s"
_COUNTERPART = re.compile(r"(?P<owner>(?:[\w.-]+\s+){1,5}?[\w.-]+)[’']s\s+(?:[\w-]+\s+){0,2}?counterparts?\b")
# "Donald Trump, who recently expressed confidence ...": the clause is about the name before it
_WHO_CLAUSE = re.compile(r",?\s+who\b[^,.;]*")


_THINGS = frozenset("Podcast Show Initiative Agreement Summit Forum Council Committee Bank Fund Party House "
                    "Ministry Department Office Affairs Administration Organisation Organization".split())


_OPENERS = frozenset("as although though but and while when whereas after before if since despite however also "
                     "meanwhile still yet so thus hence with without like unlike even once because".split())


def _names(sentence: str, surnames: frozenset[str]) -> list[tuple[int, str]]:
    """(end, name) of each person ``sentence`` names: in full ("Commerce Secretary Howard Lutnick", titles
    dropped), or by a surname alone that ``surnames`` holds ("According to Lutnick", where the article
    names Howard Lutnick in full elsewhere)."""
    found, taken = [], []
    for match in _NAME.finditer(sentence):
        words = match.group().split()
        # a sentence's first word is capitalized whatever it is: "As Chakravarty observed", "Although Modi
        # later agreed" name Chakravarty and Modi
        while words and (words[0].lower().strip(".") in _TITLES | {"u.s"} or words[0].lower() in _OPENERS):
            words = words[1:]
        taken.append(match.span())
        if words and words[-1] in _THINGS:
            continue  # "the All-In Podcast", "the Pax Silica Initiative": named things, no one
        if len(words) >= 2 or (words and words[0].lower() in surnames):
            found.append((match.end(), " ".join(words)))
    # "the Trump administration" is a body the name describes, not the person
    for match in re.finditer(r"\b[A-Z][a-z]+\b(?!\s+administration\b)", sentence):
        if match.group().lower() in surnames and not any(s <= match.start() < e for s, e in taken):
            found.append((match.end(), match.group()))
    return sorted(found)


# "Who said the deal lost momentum?" asks for the speaker: the name "said" follows ("US Commerce Secretary Howard
# Lutnick said the ... agreement lost momentum after Prime Minister Narendra Modi did not ..."), or "according
# to" goes before, not the name nearest the words said
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+(?:[\w.’'-]+\s+){0,4}$", re.I)


def _person(query: Query, sentence: str, surnames: frozenset[str] = frozenset()) -> str | None:
    """The name in ``sentence`` that answers a "who" question: the one the question's words describe
    (its title, the words before it, a "who ..." clause after it); for a question about whom someone
    acted on, a person other than the one its words describe. ``surnames`` are those the sentence's
    article gives in full, which name a person alone."""
    terms, asked = set(query.terms), query.searched.lower()
    asked_words = set(re.findall(r"\w+", asked))
    acted_on = _ASKS_OBJECT.search(query.searched)
    # the doer is described by the words after "did" ("Which US official did India's commerce minister meet?")
    doer = terms & set(tokenize(query.searched[acted_on.end():])) if acted_on else set()
    # (how many of the question's terms describe the person, how many of the doer's, name, the role asked?)
    people = []
    # a surname alone is most often the sentence's doer ("Goyal is in Washington ..."), never the one
    # "whom did he meet?" asks for: only names in full answer that
    for end, name in _names(sentence, frozenset() if acted_on else surnames):
        words = name.split()
        if any(w.lower() in _TITLES for w in words) or countries_in(name) \
                or asked_words & {w.lower() for w in words}:
            continue  # the question's own person ("Whom did Goyal meet?" is not answered "Piyush Goyal")
        # a title comes before a name in news English ("Commerce Secretary Howard Lutnick"): the words
        # before the name count, the title's own included
        start = end - len(name)
        title = sentence[max(0, start - 40):start]
        describing = set(tokenize(title))
        clause = _WHO_CLAUSE.match(sentence, end)
        if clause:
            describing |= set(tokenize(clause.group()))
        speaks = bool(SAYS_AFTER.match(sentence, end) or _ACCORDING_BEFORE.search(sentence[:start]))
        people.append((len(terms & describing), len(doer & describing), name, query.role in describing, title, speaks))
    # "Which US official ...?": when some are titled by the country asked ("US Commerce Secretary Howard
    # Lutnick"), one who is not ("Prime Minister Narendra Modi") is no answer
    of = query.constraints.role_doer[0] if query.constraints.role_doer else None
    if of is not None and any(of in countries_in(p[4]) for p in people):
        people = [p for p in people if of in countries_in(p[4])]
    if asks_who_said(query) and any(p[5] for p in people):
        people = [p for p in people if p[5]]
    # (the act of "Which US official thanked India ...?" too: "Landau also thanked the Foreign Secretary Misri")
    act = query.doing or (query.constraints.role_doer[1] if query.constraints.role_doer else None)
    if act and not acted_on and not asks_who_said(query) and people:
        # "Who asked the Indian government for continued cooperation?": the one who did the act ("Landau also
        # thanked ... and asked the Indian government ..."), not the one whose words stand by it ("Bruce said")
        by = done_by(act, {w.lower() for p in people for w in p[2].split()}, sentence)
        if by is not None:
            return next(p[2] for p in people if by in p[2].lower().split())
    counterpart = _COUNTERPART.search(query.searched)
    if counterpart and len(people) > 1:
        # "the Indian Foreign Secretary's US counterpart" is not the one the words before "'s" describe best
        owner = set(tokenize(counterpart["owner"]))
        fit = [len(owner & set(tokenize(p[4]))) for p in people]
        if max(fit) >= 2 and fit.count(max(fit)) == 1:
            people = [p for p, f in zip(people, fit) if f < max(fit)]
    if sum(p[3] for p in people) == 1:
        # "Which US president did Modi not reach out to?": of "Commerce Secretary Howard Lutnick" and
        # "US President Donald Trump", the one the asked role describes, though the act's words stand by him
        return next(p[2] for p in people if p[3])
    # a doer the question names ("Who did Lutnick blame for the deal losing momentum?") is known by name, and the
    # words after it describe the one acted on ("Narendra Modi" after "lost momentum")
    if acted_on and len(people) > 1 and not query.constraints.agent:
        described = max(p[1] for p in people)
        # the one person the doer's words describe best is the doer, and the answer another; words of the
        # act itself ("held discussions with") stand by both and single no one out
        if described >= 2 and sum(p[1] == described for p in people) == 1:
            people = [p for p in people if p[1] < described]
    best = max(people, key=lambda p: p[0], default=None)  # the first on a tie
    return best[2] if best else None


# "Where were the talks held?": a place the sentence puts something in or at
_LOCATED = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
# "countries trading with Russia" describes the countries by another: Russia is not one of them
_DESCRIBED_BY = re.compile(r"\bcountries\s+\w+ing\s+(?:with|from|to|in)\s+(?:the\s+)?$", re.I)
# what stands between the names of a list: "Indonesia, the Philippines and Vietnam"
_BETWEEN_LISTED = re.compile(r",?\s+(?:and\s+)?(?:the\s+)?|,\s*")


def _place(query: Query, sentence: str) -> str | None:
    """The country or capital in ``sentence`` that answers a "where" or "which country" question: the one
    place the question does not name (for "where", one the sentence puts something in or at); for
    "which countries", a list of them that holds every such place. None when the sentence leaves it open."""
    pattern, code_of = country_pattern()
    asked = countries_in(query.searched)
    where = re.match(r"\s*where\b", query.searched, re.I) is not None
    found = [(m.start(1), m.end(1), m.group(1)) for m in pattern.finditer(sentence)
             if code_of[m.group(1)] not in asked and not _DESCRIBED_BY.search(sentence[:m.start(1)])]
    if where:
        found = [f for f in found if _LOCATED.search(sentence[:f[0]])]
    codes = {code_of[value] for _, _, value in found}
    if not re.search(r"\b(?:countries|nations)\b", query.searched, re.I):
        return found[0][2] if len(codes) == 1 else None
    # "Which countries ...?" (or "nations") is answered by a list; a lone country ("over India as Trump flagged a
    # bill ...") is seldom the one asked of
    listed = len(found) > 1 and all(_BETWEEN_LISTED.fullmatch(sentence[a[1]:b[0]]) for a, b in zip(found, found[1:]))
    return sentence[found[0][0]:found[-1][1]] if listed and len(codes) == len(found) else None


# Things known by a name: "Which initiative ...?", "What is the name of the framework ...?"
_KINDS_NAMED = (r"initiative|podcast|show|framework|programme|program|scheme|mission|platform|club|grouping|bloc|"
                r"forum|summit|vision|alliance|partnership|compact|corridor")
_ASKS_NAMED = re.compile(r"^\W*(?:what\s+is\s+the\s+name\s+of\b|(?:which|what)\s+(?:(?!(?:did|does|do|is|are|was|"
                         r"were|has|have|had|will|would|can|could)\b)[\w.’'-]+\s+){0,4}?"
                         rf"(?:{_KINDS_NAMED})s?\b)", re.I)
# a name as news English writes it before its kind: the “Pax Silica” initiative, the COMPACT initiative, the
# All-In Podcast, the "Amrit Kaal" and "Golden Age" visions
_ONE_NAME = r"(?:[“\"][^”\"]{2,40}[”\"]|(?-i:[A-Z][\w.-]*)(?:[\s-]+(?-i:[A-Z][\w.-]*))*)"
_NAMED = re.compile(rf"(?P<name>{_ONE_NAME}(?:,?\s+and\s+{_ONE_NAME})?)\s+(?:{_KINDS_NAMED})s?\b", re.I)


def _named(query: Query, sentence: str) -> str | None:
    """The name in ``sentence`` of the thing a "which initiative" question asks for: the one name written
    before a word of its kind that the question does not itself give."""
    asked = query.searched.lower()
    names = []
    for match in _NAMED.finditer(sentence):
        name = match.group("name")
        words = re.findall(r"[\w-]+", name.lower())
        if all(w in asked for w in words):
            continue  # the question's own name ("What is the Pax Silica initiative aimed at?")
        quoted = re.fullmatch(r"[“\"]([^”\"]+)[”\"]", name)
        if quoted:
            name = quoted.group(1)
        else:  # "the U.S.-India COMPACT initiative" is the COMPACT; the countries say whose it is
            first, _, rest = name.partition(" ")
            if rest and countries_in(first) and not re.sub(r"[\s.-]", "", country_pattern()[0].sub("", first)):
                name = rest
        names.append(name)
    return names[0] if len(names) == 1 else None


# "Which sectors is India seeking duty concessions for?": the kind of thing asked, its plural noun (asked only
# of questions that question.asks_for_things, so "kinds of" is followed by any such noun)
_THINGS_ASKED = re.compile(rf"^\s*{SET_ASIDE_FIRST}"
                           r"(?:which|what)\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?"
                           r"(?:(?!(?:is|are|was|were|did|does|do|has|have|had|will|would)\b)[\w-]+\s+){0,3}?"
                           r"(?P<noun>sectors|industries|products|goods|exports|imports|items|issues|areas|purchases|"
                           r"technologies|crops)\b", re.I)
# what opens a list in news prose: "sectors like ...", "such as", "including", "include", a dash, "exports of"
_LIST_OPENS = re.compile(r"\b(?:like|such as|including|include|includes|namely|of)\s+|\s[–—-]\s", re.I)
# an item of a list ends at a preposition, a verb that goes on with the sentence, or punctuation ("of"
# stays: "increased purchases of American crude oil", as does "such as"); so does the list
_ITEM_ENDS = re.compile(r"\s+(?:in|for|to|with|from|(?<!such\s)as|under|at|by|on|into|across|over|could|would|will|"
                        r"may|might|can|are|is|was|were|have|has|had|etc)\b|\s*[.;:“”\"]|\s[–—-]\s|"
                        r",\s+(?:while|as|which|who|but|though|according|with|pushing|reflecting)\b|"
                        r",?\s+(?:and\s+)?(?:this|that|these|those|it|they|he|she|we)\b")
_ITEMS_SEPARATED = re.compile(r",\s+(?:and|or)\s+|\s+(?:and|or)\s+|,\s+", re.I)
# things the question sets aside ("besides textiles"): the list's other items are the answer
_SETS_ASIDE = re.compile(rf"\b(?:{SETS_ASIDE}|except)\s+(?P<aside>[^,?]+?)"
                         r"(?=\s*(?:,|\?|$|\b(?:which|what|does|did|do|is|are|was|were|has|have)\b))", re.I)


def _items(text: str) -> str | None:
    """The list ``text`` begins with ("textiles, leather, apparels, carpets etc as a penalty" -> "textiles,
    leather, apparels, carpets"), when it begins with two or more short items; else None. Words in brackets
    belong to their item ("automobiles (electric vehicles in particular)")."""
    plain = re.sub(r"\([^()]*\)", lambda m: "_" * len(m.group()), text)  # same length: spans carry over
    spans, pos = [], 0
    while True:
        separator, stop = _ITEMS_SEPARATED.search(plain, pos), _ITEM_ENDS.search(plain, pos)
        if stop is not None and (separator is None or stop.start() <= separator.start()):
            spans.append((pos, stop.start()))
            break
        if separator is None:
            spans.append((pos, len(plain)))
            break
        spans.append((pos, separator.start()))
        pos = separator.end()
    spans = [(a, b) for a, b in spans if b > a]
    if len(spans) < 2 or any(len(plain[a:b].split()) > 6 for a, b in spans):
        return None
    return text[:spans[-1][1]].rstrip(" ,")


def _things(query: Query, sentence: str) -> str | None:
    """The list in ``sentence`` of the things a "which sectors" question asks for: the items after a word
    that opens a list ("like", "such as", "including", a dash), where the kind asked ("sectors") stands in
    the words just before it. None when no such list of two or more items is there."""
    asked = _THINGS_ASKED.match(query.searched)
    if asked is None:
        return None
    aside = _SETS_ASIDE.search(query.searched)
    aside_words = set(tokenize(aside["aside"])) if aside else set()
    kind = tokenize(asked["noun"])[0]
    for opens in _LIST_OPENS.finditer(sentence):
        clause = re.split(r"[,;:()]|\s[–—-]\s", sentence[max(0, opens.start() - 60):opens.start()])[-1]
        lead = tokenize(clause)
        if kind not in lead[-4:] or (opens.group().strip().lower() == "of" and lead[-1:] != [kind]):
            continue  # not a list of the kind asked, or an "of" that does not follow the kind itself
        if countries_in(clause) and not countries_in(clause) & countries_in(query.searched):
            continue  # "..., while India aims for duty cuts on exports such as ...": another country's list
        items = _items(sentence[opens.end():])
        # "exports including sectors like textiles, ...": the list is the one its first item opens
        if items is not None and not _LIST_OPENS.search(re.split(r",|\s(?:and|or)\s", items)[0]):
            if not aside_words:
                return items
            # "Besides chemicals and farm products, which exports surged?": the items not set aside
            rest = [i for i in _ITEMS_SEPARATED.split(items) if i.strip() and not set(tokenize(i)) <= aside_words]
            return ", ".join(rest) if rest else None
    return None


def _of_flow(query: Query, sentence: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Of values given for flows of goods both ways ("US goods exports to India were $41.8 billion ... and
    total US goods imports from India totalled $87.4 billion"), those of the flow asked about: the flow a
    value's clause names, or the one before it names. All of them when none is of that flow."""
    kept, flows, start = [], frozenset(), 0
    for value in found:
        flows = flows_in(sentence[start:value[0]]) or flows
        start = value[1]
        if flows & query.constraints.flows:
            kept.append(value)
    return kept or found


def _period_of_figure(query: Query, sentence: str) -> str | None:
    """For "In which fiscal year was the surplus USD 32.85 billion?", the period the sentence gives the
    question's figure for ("USD 32.85 billion in 2021-22" -> "2021-22"), when it lists one right after it."""
    for figure in sorted(query.constraints.figures):
        at = re.search(rf"(?<![\d.]){re.escape(figure)}", sentence, re.I)
        after = _PERIOD_AFTER.match(sentence, at.end()) if at else None
        if after:
            return after.group(1)
    return None


# "Which grew faster in 2024, US exports to India or US imports from India?", "Between A and B, which is
# larger?": the answer is one of the two things, never a figure of either alone
_MORE = r"more|larger|bigger|greater|higher|faster"
_LESS = r"less|fewer|smaller|lower|slower"
_CHOICE = re.compile(rf"^\W*which\b[^?]*?\b(?P<cmp>{_MORE}|{_LESS})\b[^?]*?[,:]\s*(?P<a>[^,:?]+?)\s+or\s+"
                     r"(?P<b>[^,:?]+?)\s*\?\s*$|"
                     rf"^\W*between\s+(?P<a2>[^,?]+?)\s+and\s+(?P<b2>[^,?]+?),\s*which\b[^?]*?\b(?P<cmp2>{_MORE}|{_LESS})\b",
                     re.I)
_GROWTH = re.compile(r"\b(?:grow|grew|grown|rise|rose|risen|increase[sd]?|climb(?:ed)?|faster|slower|share|"
                     r"percent|percentage|per cent)\b", re.I)
_SCALE = {"thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9, "trillion": 1e12}


def _magnitude(value: str) -> float:
    """The size of a figure as written ("$41.8 billion" -> 4.18e10), to compare two of one kind."""
    number = re.search(r"\d[\d,]*(?:\.\d+)?", value)
    scale = re.search("|".join(_SCALE), value, re.I)
    return float(number.group().replace(",", "")) * (_SCALE[scale.group().lower()] if scale else 1) if number else 0.0


def _chosen(query: Query, choice: re.Match, sentences: Sequence[str], idf: Callable[[str], float]) -> str | None:
    """Of the two things a "which is more, A or B?" question offers, the one the sentence gives the larger
    (or smaller) value, with that value: "US goods imports from India ($87.4 billion)". None unless one
    sentence gives each its own value, told apart by the words one has and the other lacks."""
    options = [choice["a"] or choice["a2"], choice["b"] or choice["b2"]]
    own = [set(content_terms(o)) for o in options]
    telling = [own[0] - own[1], own[1] - own[0]]
    if not all(telling):
        return None
    pattern = _PERCENT if _GROWTH.search(query.searched) else _MONEY
    for sentence in sentences:
        found = _candidates(query, sentence, pattern)
        if pattern == _MONEY:  # a level, not the rise in money after "up 3.4 per cent"
            found = _levels(sentence, found)
        picked = []
        for terms in telling:
            weights = owned_weight(sentence, found, terms, idf)
            best = max(range(len(found)), key=lambda i: (weights[i][0], -weights[i][1]), default=None)
            picked.append(best if best is not None and weights[best][0] > 0 else None)
        if None in picked or picked[0] == picked[1]:
            continue
        sizes = [_magnitude(found[i][2]) for i in picked]
        if sizes[0] == sizes[1]:
            return None
        larger = sizes[1] > sizes[0]
        index = int(larger) if re.fullmatch(_MORE, choice["cmp"] or choice["cmp2"], re.I) else int(not larger)
        return f"{options[index]} ({found[picked[index]][2]})"
    return None


def short_answer(query: Query, sentences: Sequence[str], idf: Callable[[str], float] = lambda term: 1.0,
                 people: frozenset[str] = frozenset()) -> str | None:
    """The value or name in ``sentences`` (the cited ones, best first) that answers ``query``; None when
    no typed value fits. In the best sentence with a value the question's words belong to, the value
    the rarest of them belong to wins (``owned_weight``), the nearer on a tie; failing that, the
    one value found, when there is only one. ``people`` are the surnames the sentences' articles give in
    full, by which a person may be named alone."""
    if query.whether:  # "Yes" when the best sentence says so in the question's words; else none
        return "Yes" if sentences and affirms(query, sentences[0]) else None
    if re.match(r"\s*why\b", query.searched, re.I):
        return None  # a reason is the sentence itself, no value in it
    if choice := _CHOICE.search(query.searched):
        return _chosen(query, choice, sentences, idf)
    if query.answer_type == "person":
        # a person's name, or for "Who said ...?" the body that said it ("the Ministry of External Affairs said")
        return next((name for s in sentences
                     for name in (_person(query, s, people), speaking_body(query, s)) if name), None)
    if _ASKS_NAMED.search(query.searched):
        return next((name for s in sentences if (name := _named(query, s))), None)
    if query.answer_type == "place":
        # a sentence quoted after the best one gives the place only where it tells more than who is asked of:
        # "Goyal was in Washington in March" is not where "Goyal said in a post on X"
        asked = set(query.terms) - set(tokenize(" ".join(query.constraints.names)))
        return next((place for i, s in enumerate(sentences)
                     if (i == 0 or asked & set(tokenize(s))) and (place := _place(query, s))), None)
    if asks_for_things(query.searched):
        # "Which exports surged ...?" is answered by the things, not by the sentence's figure
        return next((things for s in sentences if (things := _things(query, s))), None)
    if _ASKS_NO_VALUE.search(query.searched):
        return None  # "Which office ...?", "According to whose data ...?": the sentence's figure is no answer
    if query.answer_type == "date" and query.constraints.figures:
        # "In which fiscal year was the surplus USD 32.85 billion?": the period given for that figure
        period = next((period for s in sentences if (period := _period_of_figure(query, s))), None)
        if period:
            return period
    return _typed_value(query, sentences, idf)


def _typed_value(query: Query, sentences: Sequence[str], idf: Callable[[str], float]) -> str | None:
    """The value of the kind asked that the question's words belong to (see short_answer)."""
    # periods and figures the question names hold for the whole sentence (a sentence listing several
    # periods is _in_period_clause's); they tell no value from another
    terms = {t for t in query.terms if not t[0].isdigit() and t != "fy" and len(t) > 1}  # "s" of "India's"
    change_asked = _CHANGE_ASKED.search(query.searched.lower()) is not None
    patterns = _patterns(query)
    # a level of trade asked for in no words of change ("What did India export to the US in November 2025?")
    # is no change in per cent: "shipments to the US rose more than 22% in November" tells its growth
    level_asked = bool(patterns) and patterns[0] == _MONEY and not _CHANGE_WORDS.search(query.searched)
    for pattern in patterns:
        unowned: set[str] = set()
        for sentence in sentences:
            found = _candidates(query, sentence, pattern)
            if query.constraints.flows:
                found = _of_flow(query, sentence, found)
            found = _of_asked_measure(query.searched, sentence, found)
            if pattern == _PERCENT and not change_asked and (_LEVY_ASKED.search(query.searched) or level_asked):
                # a levy's rate is no change: "went up by 11.38%", quoted after "The US imposed 50% on several
                # Indian exports", is the exports' growth
                changes = _changes(sentence, found)
                found = [v for v in found if v not in changes]
            if pattern == _MONEY and not change_asked:
                # a level asked for is no change: "($1.4 billion)" after "up 3.4 per cent" is the rise in money
                found = _levels(sentence, found) or found
            # a change asked for is no level listed for one of its periods ("How much did the surplus change
            # between 2022-23 and 2023-24?" is not "USD 35.32 billion in 2023-24")
            listed = _in_period_clause(query, sentence, found) if query.constraints.periods and not change_asked \
                else None
            if listed:
                return listed
            weights = owned_weight(sentence, found, terms, idf, query.act if query.answer_type == "date" else None)
            best = max(range(len(found)), key=lambda i: (round(weights[i][0], 6), -weights[i][1], -i), default=None)
            owned = best is not None and weights[best][0] > 0
            if pattern == _MONEY and change_asked:
                # the question's words belong to the level ("imports ... totalled $87.4 billion"); its
                # change is the amount of change right after it ("up 4.5 per cent ($3.7 billion)")
                changes = _changes(sentence, found)
                change = _change_of(found, changes, best) if owned else None
                if change:
                    return change
                found = changes
            elif owned:
                return found[best][2]
            unowned.update(value for _, _, value in found)
        if len(unowned) == 1:
            # no word of the question belongs to any value: a lone one is the answer; of several, any
            # could be, and a bold guess beside the quote reads as the answer ("$87.4 billion" for a
            # deficit asked in other words), so none is given and the quote speaks for itself
            return unowned.pop()
        if unowned:
            return None
    return None


def slot_fit(query: Query, sentence: str) -> float:
    """Share of the question's terms standing next to a value of the kind asked for in ``sentence``
    ("deficit ... $45.7 billion" fits "how big was the deficit"). Which act a date belongs to is a
    hard constraint instead (``Query.act``): nearness alone let "suspended till July 9" answer
    "when was it announced"."""
    terms = set(query.terms)
    patterns = _patterns(query)
    if not terms or not patterns:
        return 0.0
    best = 0
    for pattern in patterns:
        for start, end, _ in _candidates(query, sentence, pattern):
            best = max(best, terms_near(sentence, start, end, terms, before=40, after=20))
    return best / len(terms)
