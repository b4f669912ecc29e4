"""Hard constraints of a question, and whether a sentence meets them: who it is about, and when.

A question about "the US trade deficit with Canada in 2024" constrains its answer
to Canada and to 2024; a sentence about India, or about 2023, cannot answer it
however well its other words match. Two kinds are read here:

- entities: countries (names from pycountry, plus the short names, demonyms and
  capitals that news uses, which pycountry does not carry) and other proper
  names (capitalized words that are not the sentence's first word);
- periods: calendar years, fiscal years (2023-24, FY2024-25, FY26), year
  ranges ("from 2009 to 2024"), months ("in October"), days of a month ("on April 9") and
  spans counted back ("over the last five years"). In a sentence, a period after "over", "from"
  or "since" ("up 3.4 per cent from 2023") is the comparison's base, not the
  figure's period, and does not count as the sentence's period.

The question's other aspects (an office, the goods a levy is on, a figure, a rank,
part of a year, which way a figure moved, who imposed a levy on whom, whom a claim is according
to) are read by :mod:`rag.aspects` and checked here with the rest.

Hand-written rules, because news questions name entities and periods in a few
fixed shapes; a named-entity model would add a download and a model load to
every question for shapes these rules already read (tests/unit/test_constraints.py).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from .aspects import (
    GROUPS,
    PEOPLE,
    Share,
    according_to,
    acted_for_another,
    acts_asked,
    agent_in,
    alone_in,
    among_several,
    anchor_in,
    anchor_words,
    asked_now,
    asked_to_act,
    asks_among,
    asks_figure,
    attributes_to,
    balance_in,
    beginning_asked,
    cities_in,
    city_as_asked,
    city_country_in,
    clause_doer,
    contrasted_clause,
    countries_for,
    country_agent_in,
    country_doing,
    country_done_to,
    country_role_act_in,
    currencies_named,
    currency_as_asked,
    currency_in,
    deadlines_in,
    described_as,
    described_for,
    destinations_in,
    doer_described,
    does_something,
    done_by,
    done_to,
    done_to_titled,
    done_with,
    events_in,
    figure_choices_in,
    figures_in,
    flows_in,
    formerly,
    gives_to,
    goods_in,
    holds_office,
    imposition_in,
    joined_with_others,
    kinds_in,
    leading_country,
    levied_on,
    levy_kinds_in,
    moved,
    names_city,
    names_city_of,
    names_holder,
    names_rank,
    negated_in,
    negates_act,
    of_other_kinds,
    offices_in,
    one_sided_flows,
    only_asked,
    order_in,
    organisations_in,
    owned_in,
    owned_thing_in,
    parts_of_year_in,
    patient_in,
    person_doing,
    plan_asked,
    ranked_after,
    ranks_in,
    ranks_only_posts,
    ranks_something,
    recipient_in,
    responded_as_asked,
    responded_in,
    sectors_in,
    share_asked,
    source_countries,
    source_country_in,
    sources_in,
    speaks_of_order,
    stages_in,
    stance_holders_in,
    statement_kinds_in,
    states,
    subject_country_in,
    succession_asked,
    superlatives_in,
    target_years,
    target_years_in,
    tells_beginning,
    tells_of_act,
    tells_of_part,
    tells_only_anchor,
    tells_plan,
    tells_share,
    tells_succession,
    tells_view_of,
    titling_countries,
    together_in,
    trade_kinds_in,
    traded_in,
    trend_in,
    viewers_in,
    whole_as_asked,
    wholes_in,
)
from .bm25 import tokenize
from .countries import capitals_in, countries_in, country_name, country_pattern, is_demonym
from .dates import MONTH, MONTHS, date_role, dated_relative
from .terms import BALANCE, NOT_NAMES, QUESTION_STEMS, SPEECH_ACTS, WHETHER, content_terms
from .values import VALUE_PATTERNS, values

_WORD = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*")


def names_in(text: str) -> set[str]:
    """Proper names in ``text`` other than countries, lowercased word by word ("pax silica" -> {"pax", "silica"})."""
    found = set()
    # "New Delhi" is a country's capital, not a name to look for
    text = country_pattern()[0].sub(lambda m: " " * len(m.group()), text)
    for match in _WORD.finditer(text):
        if match.start() == 0 or text[:match.start()].rstrip().endswith((".", "?", "!", ":", "“", '"')):
            words = match.group().split()[1:]  # the first word of a sentence is capitalized anyway
        else:
            words = match.group().split()
        for word in (part for w in words for part in re.split(r"[-–]", w)):
            word = re.sub(r"([’']s)$", "", word).strip(".’'").lower()
            if len(word) > 1 and word not in NOT_NAMES and not any(ch.isdigit() for ch in word):
                found.add(word)
    return found


def _names_within(words: str) -> set[str]:
    """:func:`names_in` of words from within a sentence (at its start every word is capitalized)."""
    return names_in(f", {words}")


_HE_SHE = re.compile(r"\W*(?:he|she|they|his|her|their)\b", re.I)  # a sentence that goes on about a person
_GOES_ON = re.compile(r"\W*(?:it|its|they|their|these|those|this|such|the same)\b", re.I)
_LISTS = re.compile(r"\b(?:like|such as|including|includes?)\b", re.I)


def names_someone(words: str) -> bool:
    """Whether a run of capitalized words names someone: a proper name ("Howard Lutnick") or an
    office ("the Trade Representative"); "Bilateral Trade Agreement" and "United States" do not."""
    return names_rank(words) or bool(_names_within(words))


# A run of capitalized words; with its titles ("President", "Secretary") left off, a first name and a
# surname ("Donald Trump", "Pinak R Chakravarty"). Later mentions use the surname alone.
_CAPITALIZED = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:[A-Z]\.?|[A-Z][a-z]+))+\b")


def surnames(text: str) -> frozenset[str]:
    """The lowercased surnames of the people ``text`` names in full ("President Donald Trump" ->
    "trump"); a word the text also writes in lower case ("Pakistan Negotiations") is no name."""
    found = set()
    # countries are no one's name: "the United States" is no Mr States
    spaced = country_pattern()[0].sub(lambda m: " " * len(m.group()), text)
    for match in _CAPITALIZED.finditer(spaced):
        words = match.group().split()
        while words and words[0].lower() in NOT_NAMES:
            words.pop(0)
        if len(words) >= 2 and _names_within(words[0]) and _names_within(words[-1]):
            last = words[-1].lower()
            if last not in NOT_NAMES and not re.search(rf"\b{re.escape(last)}\b", text):
                found.add(last)
    return frozenset(found)


# what a title before a full name is made of: capitalized words ("US Deputy Secretary of State", "India’s"),
# the small words between them, and the roles news writes in lower case ("Ministry official", "Trade professor")
_TITLE_WORD = re.compile(r"(?:[A-Z][\w’'.-]*|of|and|for|the|official|professor|spokesperson|minister|secretary|"
                         r"envoy|diplomat|economist|analyst|negotiator|chief)$")
_NOT_TITLES = frozenset("As According Although And But The If When While With BY By".split())


def titled(text: str, people: frozenset[str]) -> frozenset[tuple[str, str]]:
    """(surname, full mention with its title) for each full mention in ``text`` of the ``people`` (surnames):
    "US Deputy Secretary of State Christopher Landau" tells what office Landau holds when a later sentence
    names him alone ("Landau also thanked ..."). The title is the run of title words right before the name."""
    found = set()
    for name in people:
        for match in re.finditer(rf"\b([A-Z][\w’'-]*)\s+{re.escape(name.capitalize())}\b", text):
            if match.group(1) in _NOT_TITLES:
                continue  # "As Chakravarty observed": no full mention
            words = text[max(0, match.start() - 80):match.start()].split()
            if text[max(0, match.start() - 80) - 1:max(0, match.start() - 80)].strip():
                words = words[1:]  # a word cut in two
            title: list[str] = []
            for word in reversed(words):
                if not _TITLE_WORD.match(word) or word in _NOT_TITLES or word.lower() in people:
                    break  # another person's name ends this one's title
                title.insert(0, word)
            while title and title[0] in ("of", "and", "for", "the"):
                title.pop(0)
            found.add((name, " ".join([*title, match.group()])))
    return frozenset(found)


@lru_cache(maxsize=4096)
def _full_names(titled_: frozenset[tuple[str, str]]) -> tuple[dict[str, str], re.Pattern | None]:
    """Per surname an article names one way only, that full mention; and a pattern of those surnames."""
    full: dict[str, str] = {}
    for who in {who for who, _ in titled_}:
        mentions = [m for w, m in titled_ if w == who]
        longest = max(mentions, key=len)
        if all(m in longest for m in mentions):  # named two ways, which is meant here is not known
            full[who.capitalize()] = longest
    return full, re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(full)))})\b") if full else None


def with_titles(text: str, article: ArticleContext) -> str:
    """``text`` with each person it names by surname alone named as its article names them in full, title
    and all ("As Chakravarty observed" -> "As Former External Affairs Ministry official Pinak R Chakravarty
    observed"), when the article names them one way only."""
    full, surnames_ = _full_names(article.titled)
    if surnames_ is None:
        return text
    out, last = [], 0
    for match in surnames_.finditer(text):
        before = text[:match.start()].split()
        # "Pinak R Chakravarty" is named in full already
        alone = not before or not before[-1][:1].isupper() or before[-1] in _NOT_TITLES
        out += [text[last:match.start()], full[match.group()] if alone else match.group()]
        last = match.end()
    return "".join(out) + text[last:]


# "Ministry of External Affairs" is the MEA: a run of capitalized words, small words between them
# skipped, spells its initials
_CAPITALIZED_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of|and|for|the|on|&)?\s*[A-Z][\w’'-]*)+")


def initialisms(text: str) -> frozenset[str]:
    """The lowercased initials of ``text``'s runs of capitalized words, and of each run's tail
    ("Ministry of External Affairs" -> "mea", "ea")."""
    found = set()
    for match in _CAPITALIZED_RUN.finditer(text):
        words = re.findall(r"[A-Z][\w’'-]*", match.group())
        letters = [w[0].lower() for w in words]
        found |= {"".join(letters[i:]) for i in range(len(letters) - 1)}
        # an acronym in the run gives all its letters: "US Trade Representative" -> "ustr"
        spelled = [w.lower() if w.isupper() and len(w) <= 4 else w[0].lower() for w in words]
        found |= {"".join(spelled[i:]) for i in range(len(spelled) - 1)}
    return frozenset(found)


# ---------------------------------------------------------------- periods

@dataclass(frozen=True, order=True)
class Period:
    """A calendar year (fiscal=False) or an Indian-style fiscal year starting in ``year`` (2024-25)."""

    year: int
    fiscal: bool = False

    def __str__(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}" if self.fiscal else str(self.year)


_ACCORDING_TO_NAMES = re.compile(r"\b(?i:according to)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*){1,4}")
_BALANCE_WORD = re.compile(rf"\b(?:{BALANCE})\b", re.I)
_FLOW_WORD = re.compile(r"\b(?:exports?|imports?|shipments?|sales|purchases?|buys?|bought|sells?|sold)\b", re.I)
# which way each flow word runs from its country: out (it sells) or in (it buys)
_FLOW_SIDE = {w: "out" for w in "export exports shipment shipments sales sell sells sold".split()} | {
    w: "in" for w in "import imports purchase purchases buy buys bought".split()}
_FISCAL = re.compile(r"\b(?:FY\s?)?((?:19|20)\d{2})\s?[-–/]\s?((?:19|20)?\d{2})\b", re.I)
_FY_SHORT = re.compile(r"\bFY\s?'?(\d{2})\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_RANGE = re.compile(r"\b(?:from|between)\s+((?:19|20)\d{2})\s+(?:to|and|till|until|through)\s+((?:19|20)\d{2})\b",
                    re.I)
# "than in 2023" compares with 2023 as "than 2023" does
_BASE = re.compile(r"\b(?:over|from|since|compared with|compared to|versus|vs\.?|than(?:\s+in)?)\s+(?:the\s+)?"
                   r"(?:year\s+)?$", re.I)


# A month the question names as its period ("in October", "from April to November FY26"); a day of the
# month ("announced on April 2") names an event's date, which another sentence may give as "on Wednesday"
_MONTH_ASKED = re.compile(rf"(?<!^)\b({MONTH})\b(?!\s+\d{{1,2}}\b)")


# "Before the May talks, when had Goyal last been in Washington?": a month something is dated by is
# not the month asked about
_DATED_BY = re.compile(r"\b(?:before|after|since|prior\s+to|ahead\s+of|following)\s+(?:the\s+)?$", re.I)


# "according to the April report", "the January 23 article": a month (and day) naming the report a claim is
# taken from, by its date, not the period the claim is about
_REPORT_DATED = re.compile(rf"\b(?:the|an?|its)\s+({MONTH})(?:\s+(\d{{1,2}}))?(?:,?\s+(\d{{4}}))?\s+"
                           r"(?:report|article|story|piece|dispatch)\b")


def reports_dated_in(text: str) -> frozenset[tuple[int, int | None]]:
    """The (month, day or None) of each report ``text`` names by its date ("the April report" -> (4, None))."""
    return frozenset((MONTHS.index(m.group(1)) + 1, int(m.group(2)) if m.group(2) else None)
                     for m in _REPORT_DATED.finditer(text))


def _month_of(date: str | None) -> int | None:
    """The month (1-12) of an ISO date as precise as known ("2026-01", "2025-03-28"); None for a year alone."""
    return int(date[5:7]) if date and len(date) >= 7 else None


def dated_as_report(date: str | None, month: int, day: int | None) -> bool:
    """Whether an article of ``date`` (ISO, as precise as known) may be the report of ``month`` (and ``day``)."""
    if _month_of(date) != month:
        return False
    return day is None or len(date) < 10 or int(date[8:10]) == day


def months_in(text: str) -> frozenset[int]:
    """The months (1-12) ``text`` names, outside a day of the month and a "before the May talks"."""
    return frozenset(MONTHS.index(m.group(1)) + 1 for m in _MONTH_ASKED.finditer(text)
                     if not _DATED_BY.search(text[:m.start()]))


_MONTH_RANGE = re.compile(rf"\b(?:{MONTH})\s*(?:[-–—]|\bto\b|\buntil\b|\bthrough\b)\s*(?:{MONTH})\b|"
                          rf"\bbetween\s+(?:{MONTH})\s+and\s+(?:{MONTH})\b")


def _month_names(text: str) -> set[int]:
    return {MONTHS.index(m) + 1 for m in re.findall(rf"\b({MONTH})\b", text)}


def _as_of(sentence: str, date: str | None) -> str:
    """``sentence`` with its "last year" and "this year" written out from its article's day: "Tensions had
    escalated last year", in an article of January 2026, speaks of 2025 (see dates.dated_relative)."""
    if not date or len(date) < 7:
        return sentence
    return dated_relative(sentence, datetime.date(int(date[:4]), int(date[5:7]), int(date[8:10] or 1)))


def _year_of_months(sentence: str, date: str) -> int:
    """The year a sentence that names no year speaks of: its article's, unless every month it names (not as
    an end: "till July 9") is over six months past the article's, so the last one gone ("rose more than 22%
    in November", in an article of January 2026, is November 2025)."""
    year, month = int(date[:4]), _month_of(date)
    if month is None:
        return year
    named = [MONTHS.index(m.group(1)) + 1 for m in re.finditer(rf"\b({MONTH})\b", sentence)
             if date_role(sentence, m.start()) != "end"]
    return year - 1 if named and all(m - month > 6 for m in named) else year


def spans_in(text: str) -> frozenset[tuple[int, int]]:
    """The year ranges ``text`` names ("from 2009 to 2024" -> (2009, 2024))."""
    return frozenset((int(m.group(1)), int(m.group(2))) for m in _RANGE.finditer(text))


# "in the last year", "over the past two decades": a span counted back from the article's day. Eight
# calls "in the last year" are no count for "the last five years".
_NUMBER_WORDS = {word: n for n, word in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)} | {"fifteen": 15, "twenty": 20}
# A span counted forward ("in the coming weeks", "the next two years") is one too, the unit marked "ahead":
# "in the coming weeks" is no answer to "in the coming months".
_LOOKBACK = re.compile(rf"\b(?:the\s+)?(last|past|coming|next)\s+(?:(\d+|{'|'.join(_NUMBER_WORDS)})\s+)?"
                       r"(year|decade|month|week|day)s?\b", re.I)


# "three decades of engagement", "a 90-day window": a count of a unit of time, however it is placed. "Over the
# past two decades" counts two, and says nothing of three.
DURATION = re.compile(rf"\b(\d+|{'|'.join(_NUMBER_WORDS)})[\s-]+(year|decade|month|week|day)s?\b", re.I)


def durations_in(text: str) -> frozenset[tuple[int, str]]:
    """The counts of units of time ``text`` names: "three decades of engagement" -> {(3, "decade")}."""
    return frozenset((int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()], unit.lower())
                     for n, unit in DURATION.findall(text))


# "Do the terms of reference include 21 chapters?": a count of things, not of time. A sentence that counts the
# same things, never with the number asked ("around 19 chapters"), counts another number of them.
_COUNTED = re.compile(rf"\b(\d{{1,3}}(?:,\d{{3}})*|{'|'.join(_NUMBER_WORDS)})\s+(?:[A-Za-z-]+\s+)?([a-z]{{3,}}s)\b",
                      re.I)
_NOT_COUNTED = frozenset(tokenize("years decades months weeks days hours billions millions crores lakhs percents "
                                  "cents points times dollars rupees"))


def counts_in(text: str) -> frozenset[tuple[int, str]]:
    """The counts of things ``text`` names, as (how many, stem): "around 19 chapters" -> {(19, "chapter")}.
    Units of time are durations_in's; amounts of money and shares are no count of things."""
    found = set()
    for number, noun in _COUNTED.findall(text):
        stems = tokenize(noun)
        if stems and stems[0] not in _NOT_COUNTED:
            found.add((int(number.replace(",", "")) if number[0].isdigit() else _NUMBER_WORDS[number.lower()],
                       stems[0]))
    return frozenset(found)


# "How many chief negotiators took part?" is not answered by "the chief negotiators of the two countries": a
# sentence that names the things asked, and counts only other things, gives another count. (One that does
# not name them may count them in other words: "eight calls" for "phone conversations".)
_HOW_MANY = re.compile(r"\bhow\s+many\s+(?:[a-z-]+\s+){0,2}?([a-z]{3,}s)\b", re.I)


def counted_in(question: str) -> str | None:
    """The stem of the things a "How many ...?" question counts ("negoti" of "How many chief negotiators"), or
    None (units of time and money are counted otherwise)."""
    match = _HOW_MANY.search(question)
    stems = tokenize(match.group(1)) if match else []
    return stems[0] if stems and stems[0] not in _NOT_COUNTED else None


# "How many Indian students were deported?" is not answered by "15,564 Indian nationals": students are some of
# a country's people, and a count of all of them is none of these, so a sentence must name them
_SOME_PEOPLE = frozenset(tokenize("students workers farmers women children men engineers doctors nurses soldiers "
                                  "tourists professionals employees labourers fishermen scientists", ()))


def counts_other(thing: str, sentence: str) -> bool:
    """Whether ``sentence`` names ``thing`` (a stem) uncounted and counts other things ("the chief negotiators of
    the two countries" for negotiators), or counts others and does not name these some of a people ("15,564
    Indian nationals" for students); a count's word or the one before it is what it counts ("15,564
    Indian nationals" counts Indians)."""
    counts = list(_COUNTED.finditer(sentence))
    if not counts:
        return False
    words = tokenize(sentence)
    if thing in _SOME_PEOPLE and thing not in words:
        return True  # others counted, these not named
    return thing in words and not any(thing in tokenize(m.group()) for m in counts)


def lookbacks_in(text: str) -> frozenset[tuple[int, str]]:
    """The spans counted back that ``text`` names, as (how many, unit): "the past two decades" -> (2, "decade")."""
    found = set()
    for match in _LOOKBACK.finditer(text):
        count = (match.group(2) or "1").lower()
        ahead = " ahead" if match.group(1).lower() in ("coming", "next") else ""
        number, unit = int(count) if count.isdigit() else _NUMBER_WORDS[count], match.group(3).lower()
        if unit == "month" and number % 12 == 0:  # "the past twelve months" is "the last year"
            number, unit = number // 12, "year"
        found.add((number, unit + ahead))
    return frozenset(found)


# "on April 9": a day of a month the question names. A sentence that names other days ("kicks into
# effect on April 2", "till July 9") speaks of those; one that names none may give it as "on Friday".
_DAY_RANGE = re.compile(rf"\b({MONTH})\s+(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})\b")


def days_in(text: str) -> frozenset[str]:
    """The days of a month ``text`` names, normalized ("9 July" and "July 9" -> "july 9"), ranges
    ("April 23-25") day by day."""
    days = set(values(text, "date"))
    for match in _DAY_RANGE.finditer(text):
        first, last = int(match.group(2)), int(match.group(3))
        if first < last <= 31:
            days |= {f"{match.group(1).lower()} {d}" for d in range(first, last + 1)}
    return frozenset(days)


def day_choices_in(question: str) -> frozenset[str]:
    """The days a question offers as alternatives ("until July 8 or July 9", "on Monday or Tuesday"), as
    days_in gives them; empty when it offers none."""
    choices: set[str] = set()
    for match in re.finditer(r"\bor\b", question):
        before, after = days_in(question[max(0, match.start() - 20):match.start()]), \
            days_in(question[match.end():match.end() + 20])
        if before and after:
            choices |= before | after
    return frozenset(choices)


# "discuss on April 2": the verb a day asked about dates; prepositions before the day are skipped
_BEFORE_DAY = re.compile(r"([A-Za-z]+)\s+(?:(?:on|by|till|until|from|since)\s+)?$")


def day_act_in(question: str) -> str | None:
    """The stem of the verb the question's day dates ("What did Landau and Misri discuss on April 2?"
    -> "discuss"), or None when no verb stands just before it."""
    match = VALUE_PATTERNS["date"].search(question)
    before = _BEFORE_DAY.search(question[:match.start()]) if match else None
    stems = tokenize(before.group(1)) if before else []
    return stems[0] if stems and stems[0] not in QUESTION_STEMS else None


def act_days(act: str, text: str) -> frozenset[str]:
    """The days ``text`` ties to ``act``: those named within two words of it ("on Friday discussed
    trade", "discussed trade on Friday"), normalized."""
    words = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z]+", text)]
    at = [n for n, (s, e) in enumerate(words) if tokenize(text[s:e]) == [act]]
    tied = set()
    for match in VALUE_PATTERNS["date"].finditer(text):
        first = next(n for n, (s, e) in enumerate(words) if e > match.start())
        last = max(n for n, (s, e) in enumerate(words) if s < match.end())
        if any(first - 3 <= n < first or last < n <= last + 3 for n in at):
            tied |= values(match.group(0), "date")
    return frozenset(tied)


# "the reciprocal 25% tariffs system kicks into effect on April 2": the day a thing takes effect is no day
# it was announced, imposed or discussed
_TAKES_EFFECT = re.compile(r"\b(?:(?:kick|come|go|enter|put|bring)(?:s|ed|ing)?|came|went|brought)\s+into\s+"
                           r"(?:effect|force)\s+(?:on\s+|from\s+)?$|\b(?:take|takes|took|taking)\s+effect\s+"
                           r"(?:on\s+|from\s+)?$|\b(?:kicks?|kicked)\s+in\s+(?:on\s+|from\s+)?$|"
                           r"\beffective\s+(?:from\s+)?$", re.I)
_EFFECT_ACTS = frozenset(tokenize("effect force kick take come start begin apply implement enter"))


def effect_days(text: str) -> frozenset[str]:
    """The days ``text`` says a thing takes effect on ("kicks into effect ON April 2" -> "april 2")."""
    return frozenset(day for m in VALUE_PATTERNS["date"].finditer(text)
                     if _TAKES_EFFECT.search(text[max(0, m.start() - 40):m.start()])
                     for day in values(m.group(0), "date"))


def day_roles(text: str) -> set[tuple[str, str | None]]:
    """Each day of a month ``text`` names, normalized, with its role there ("till July 9" -> ("july 9", "end"))."""
    return {(day, date_role(text, m.start())) for m in VALUE_PATTERNS["date"].finditer(text)
            for day in values(m.group(0), "date")}


# "the Mission 500 goal": a name with a number in it is named whole; "Mission 300" is another
_NUMBERED = re.compile(r"\b([A-Z][a-z]+)\s+(\d{1,4})\b")


def numbered_names_in(text: str) -> frozenset[str]:
    """Names that carry a number ("Mission 500" -> "mission 500"): not dates, years, or question words."""
    return frozenset(f"{m.group(1).lower()} {m.group(2)}" for m in _NUMBERED.finditer(text)
                     if m.group(1).lower() not in NOT_NAMES and not re.fullmatch(r"(?:19|20)\d{2}", m.group(2)))


# "two years before 2024-25" is 2022-23: a period counted from another is that one moved, and the one
# it is counted from is no period asked (see periods_counted)
_COUNTED_FROM = re.compile(r"\b(?P<n>a|one|the|two|three|four|five|\d)\s+years?\s+"
                           r"(?P<way>before|after|earlier than|later than|prior to)\s+"
                           r"(?P<period>(?:FY\s?)?(?:19|20)\d{2}(?:\s?[-–/]\s?(?:19|20)?\d{2})?)\b", re.I)
_YEARS_COUNTED = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def periods_counted(text: str) -> str:
    """``text`` with each period counted from another written as itself ("What was it two years before
    2024-25?" -> "What was it in 2022-23?"), so that it is searched for and checked as that period."""
    def counted(match: re.Match) -> str:
        years = _YEARS_COUNTED.get(match["n"].lower()) or int(match["n"])
        step = -years if match["way"].lower() in ("before", "earlier than", "prior to") else years
        periods = sorted(replace(p, year=p.year + step) for p in periods_in(match["period"])[0])
        return f"in {periods[0]}" if len(periods) == 1 else match.group()

    return _COUNTED_FROM.sub(counted, text)


# "What was the US trade deficit with India before 2024?" asks for a year before it, which the 2024 figure is
# not ("2024-25" is a fiscal year, read as one)
_RELATIVE_YEAR = re.compile(r"\b(?P<side>before|prior to|earlier than|after|later than)\s+(?:the\s+(?:year\s+)?)?"
                            r"(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)", re.I)


def relative_years_in(question: str) -> frozenset[tuple[str, int]]:
    """The years a question asks of as bounds, with their side: {("before", 2024)} of "before 2024"."""
    return frozenset(("after" if m["side"].lower() in ("after", "later than") else "before", int(m["year"]))
                     for m in _RELATIVE_YEAR.finditer(question))


def periods_in(text: str) -> tuple[set[Period], set[Period]]:
    """The periods a text's figures belong to, and the periods it compares them with (bases)."""
    own, base, taken = set(), set(), []
    for match in _RANGE.finditer(text):
        own |= {Period(int(match.group(1))), Period(int(match.group(2)))}
        taken.append(match.span())
    for match in _FISCAL.finditer(text):
        start, end = int(match.group(1)), match.group(2)
        end = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
        if end == start + 1:
            (base if _BASE.search(text[:match.start()]) else own).add(Period(start, fiscal=True))
            taken.append(match.span())
    for match in _FY_SHORT.finditer(text):
        own.add(Period(2000 + int(match.group(1)) - 1, fiscal=True))  # FY26 runs from 2025 to 2026
        taken.append(match.span())
    for match in _YEAR.finditer(text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        (base if _BASE.search(text[:match.start()]) else own).add(Period(int(match.group(1))))
    return own, base - own


_BODY_KIND = {"ministry": "department"}  # organisation kinds that name one kind of body (see organisations_in)


# a clause of its own after a figure's: ", with a surge in exports of engineering goods", "; while ..."
_CLAUSES = re.compile(r",\s*(?=(?:with|while|whereas|led by|driven by)\b)|;\s*", re.I)


@dataclass(frozen=True)
class Constraints:
    """What a question is about: countries, other names, periods. Empty means unconstrained."""

    countries: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    periods: frozenset[Period] = frozenset()

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    bases: frozenset[Period] = frozenset()  # periods asked about as a comparison's base ("over 2023")
    relative_years: frozenset[tuple[str, int]] = frozenset()  # bounds asked: ("before", 2024) (relative_years_in)
    offices: frozenset[tuple[str, str, str, bool]] = frozenset()  # a country's office (see offices_in)
    months: frozenset[int] = frozenset()  # months asked about ("in October"), 1-12
    balance: tuple[str, str] | None = None  # whose surplus with whom is asked about (see balance_in)
    goods: frozenset[str] = frozenset()  # stems of the goods a levy, or a sector, is asked about (goods_in, sectors_in)
    figures: frozenset[str] = frozenset()  # percentages and amounts the question names ("500%")
    figure_choices: frozenset[str] = frozenset()  # figures offered as alternatives ("5.1% or 5.4%")
    day_choices: frozenset[str] = frozenset()  # days offered as alternatives ("July 8 or July 9")
    ranks: frozenset[str] = frozenset()  # ordinal ranks the question names ("second largest")
    share: Share | None = None  # the share of a whole of trade asked for (see aspects.share_asked)
    trade_kind: str | None = None  # "goods" or "services" when the question names one of them
    parts_of_year: frozenset[str] = frozenset()  # "first half", "q3": part of a year asked about
    trend: str | None = None  # "fall" or "rise": which way the figure asked about moved
    imposition: tuple[str, str] | None = None  # who imposed a levy on whom (see imposition_in)
    # whose goods a levy is asked on, when the question names no other country levying it ("Who did India
    # accuse of levying higher tariffs on Indian goods?" -> "IN"; see levied_on)
    levied: str | None = None
    asked: str | None = None  # the country asked to act ("does India want the US to open up"; asked_to_act)
    sources: frozenset[str] = frozenset()  # whom a claim is asked according to (see sources_in)
    source_country: str | None = None  # whose figures, when named by country alone (see source_country_in)
    organisations: frozenset[tuple[str, frozenset[str], str]] = frozenset()  # see organisations_in
    acts: frozenset[str] = frozenset()  # undoing, lowering or raising a levy, refusing ... (aspects.acts_asked)
    order: str | None = None  # "first" or "last" when the question asks which came so (see aspects.order_in)
    anchor: frozenset[str] = frozenset()  # the event "What did X do after <event>?" asks what followed (anchor_in)
    plan_of: str | None = None  # whose plan a "What will X do ...?" question asks (see aspects.plan_asked)
    agent: frozenset[str] = frozenset()  # who the question says did it (see agent_in)
    now_of: frozenset[str] = frozenset()  # people asked about as they are now ("Where does Dhar teach now?")
    act: str | None = None  # and what they did, stemmed
    patient: frozenset[str] = frozenset()  # whom the question says it was done to (see patient_in)
    patient_act: str | None = None  # and what was done, stemmed
    flows: frozenset[tuple[str, str]] = frozenset()  # which way goods flow (see flows_in)
    owned: frozenset[tuple[str, str]] = frozenset()  # whose exports, partner, nationals (see owned_in)
    spans: frozenset[tuple[int, int]] = frozenset()  # year ranges asked about ("from 2009 to 2024")
    lookbacks: frozenset[tuple[int, str]] = frozenset()  # spans counted back ("the last five years")
    # counts of time units not counted back ("three decades of engagement"; durations_in)
    durations: frozenset[tuple[int, str]] = frozenset()
    counts: frozenset[tuple[int, str]] = frozenset()  # counts of things asked of (counts_in: "21 chapters")
    counted: str | None = None  # the things a "How many ...?" question counts (counted_in)
    traded: frozenset[str] = frozenset()  # stems of the goods of a flow asked about (see traded_in)
    days: frozenset[str] = frozenset()  # days of a month asked about ("on April 9" -> "april 9")
    numbered: frozenset[str] = frozenset()  # names with a number ("Mission 500")
    day_role: str | None = None  # the role of the days asked ("till August 9": "end"; see dates.date_role)
    day_act: str | None = None  # the stem of the verb the days asked date ("discuss on April 2"; day_act_in)
    stages: frozenset[str] = frozenset()  # stages asked about by their place ("the second phase" -> "second")
    targets: frozenset[int] = frozenset()  # years a target is asked for ("the target for 2025")
    figure_asked: bool = False  # the question asks for a figure ("How much ...?"), of which a target is none
    described: frozenset[str] = frozenset()  # stems of what something is asked as called ("as a rival")
    described_for: frozenset[str] = frozenset()  # whose it is described as ("... negotiator for India")
    viewers: frozenset[str] = frozenset()  # countries whose view is asked ("does the US consider ...")
    alone: frozenset[tuple[str, str]] = frozenset()  # a part asked alone ("commercial flights alone")
    succession: tuple[str, str] | None = None  # a holder asked before or after another ("before", "Misri")
    began: str | None = None  # a thing whose beginning is dated ("BTA negotiations")
    wholes: frozenset[str] = frozenset()  # what is asked of as a whole ("all the terms" -> "terms"; wholes_in)
    holders: frozenset[str] = frozenset()  # whose stance is asked ("Modi's position" -> "modi")
    currency: str | None = None  # the currency an amount is asked in ("in rupees" -> "INR")
    superlatives: frozenset[tuple[str, str]] = frozenset()  # ("largest", "sector") of "largest export sector"
    among: bool = False  # the superlative asked is of one of several ("one of the largest ...")
    cities: frozenset[str] = frozenset()  # cities asked about as places ("visit New Delhi")
    city_of: str | None = None  # the country a city is asked of ("Which Indian city ...?" -> "IN")
    destinations: frozenset[str] = frozenset()  # countries asked as arrived in or sent to (destinations_in)
    doing_country: tuple[str, str] | None = None  # a country that did the act asked ("VN", "seal")
    recipient: tuple[str, str] | None = None  # a country the act asked is done for ("RU", "offer")
    # the country whose official did the act asked ("Which Indian minister spoke ...?" -> ("IN", "speak"))
    role_doer: tuple[str, str] | None = None
    subject: str | None = None  # the country the question's verb is done by ("Did the US seek ...?" -> "US")
    # with a subject: the question's words, which find the clause it is about when a sentence sets two
    # doers against each other, and whether it asks yes or no (see _country_doer_unmet)
    subject_terms: frozenset[str] = frozenset()
    whether: bool = False
    # "Which sectors has India already opened ...?" takes the act as done: only a sentence of that act can say
    already: bool = False
    levy_kinds: frozenset[str] = frozenset()  # "retaliatory" of "What retaliatory tariffs ...?" (levy_kinds_in)
    responded: frozenset[str] = frozenset()  # stems of what a response is asked to (responded_in)
    statements: frozenset[str] = frozenset()  # the kind of statement asked: "negated", "conditional", "points"
    negated: frozenset[str] = frozenset()  # stems of what the question's negation governs (see negated_in)
    events: frozenset[str] = frozenset()  # stems of a change of office taken for granted ("replac")
    reports: frozenset[tuple[int, int | None]] = frozenset()  # the reports asked of, by date (reports_dated_in)
    kinds: frozenset[tuple[str, str]] = frozenset()  # kinds asked of a thing ("military flights"; kinds_in)
    together: frozenset[str] = frozenset()  # people asked of as doing it together (together_in)

    @classmethod
    def of(cls, question: str) -> Constraints:
        # the date of a report asked of ("according to the April report") is no month or day of the claim
        undated = _REPORT_DATED.sub(" the report", question)
        own, base = periods_in(question)
        relative = relative_years_in(question)
        own -= {Period(year) for _, year in relative}  # a bound is no period asked
        spans, trend = spans_in(question), trend_in(question)
        if trend:  # "widen from 2023 to 2024" asks the change to the later year over the earlier one
            own -= {Period(first) for first, _ in spans}
            base |= {Period(first) for first, _ in spans}
            spans = frozenset()
        kinds = trade_kinds_in(question)
        agent, act = agent_in(question)
        patient, patient_act = patient_in(question)
        subject = subject_country_in(question)
        imposition, lookbacks = imposition_in(question), lookbacks_in(question)
        return cls(countries=frozenset(countries_in(question)), names=frozenset(names_in(question)),
                   periods=frozenset(own), bases=frozenset(base), relative_years=relative,
                   offices=offices_in(question),
                   months=months_in(undated), balance=balance_in(question),
                   goods=goods_in(question) | sectors_in(question) | owned_thing_in(question),
                   figures=figures_in(question), figure_choices=figure_choices_in(question),
                   ranks=ranks_in(question), share=share_asked(question),
                   trade_kind=next(iter(kinds)) if len(kinds) == 1 else None,
                   parts_of_year=parts_of_year_in(question), trend=trend,
                   imposition=imposition, levied=None if imposition else levied_on(question),
                   asked=asked_to_act(question), sources=sources_in(question),
                   source_country=source_country_in(question),
                   organisations=organisations_in(question), acts=acts_asked(question),
                   order=order_in(question), anchor=anchor_in(question),
                   plan_of=plan_asked(question),
                   agent=agent, act=act, patient=patient, patient_act=patient_act,
                   flows=flows_in(question), owned=owned_in(question), spans=spans,
                   lookbacks=lookbacks, traded=traded_in(question), durations=durations_in(question) - lookbacks,
                   counts=counts_in(question), counted=counted_in(question),
                   days=days_in(undated), day_choices=day_choices_in(undated),
                   day_role=next((role for _, role in sorted(day_roles(undated), key=str)), None),
                   day_act=day_act_in(undated),
                   numbered=numbered_names_in(question), stages=stages_in(question),
                   targets=target_years_in(question), figure_asked=asks_figure(question),
                   described=described_as(question), described_for=described_for(question),
                   viewers=viewers_in(question),
                   alone=alone_in(question), succession=succession_asked(question),
                   began=beginning_asked(question), wholes=wholes_in(question),
                   holders=stance_holders_in(question),
                   currency=currency_in(question),
                   superlatives=superlatives_in(question), among=asks_among(question), cities=cities_in(question),
                   city_of=city_country_in(question),
                   destinations=destinations_in(question),
                   doing_country=country_agent_in(question), recipient=recipient_in(question), subject=subject,
                   now_of=asked_now(question, agent),
                   role_doer=country_role_act_in(question),
                   subject_terms=frozenset(content_terms(question)) if subject else frozenset(),
                   whether=bool(subject and WHETHER.match(question)),
                   already=bool(re.search(r"\balready\b", question, re.I)),
                   levy_kinds=levy_kinds_in(question),
                   responded=responded_in(question),
                   statements=statement_kinds_in(question),
                   negated=negated_in(question),
                   events=events_in(question), reports=reports_dated_in(question),
                   kinds=kinds_in(question), together=together_in(question))

    def offices_unmet(self, sentence: str, people: frozenset[str],
                      titled: frozenset[tuple[str, str]]) -> list[str]:
        """The offices asked that ``sentence`` does not speak of: an office holder it names alone holds the
        office their article gives them elsewhere; and one titled with that office and a country (in
        ``titled``, the full mentions of ``people``) holds it for that country: "the Foreign Secretary
        Misri" is "India's Foreign Secretary Vikram Misri", no US Foreign Secretary."""
        if not self.offices:
            return []
        unmet = []
        named = {w.lower() for w in re.findall(r"\b[A-Z][a-z]{2,}\b", sentence)} & people
        fulls = [full for who, full in titled if who in named]
        for code, title, asked, holder in sorted(self.offices):
            with_country = [full for full in fulls
                            if re.search(rf"\b{re.escape(title)}\b", full, re.I) and countries_in(full)]
            if with_country:
                held = any(holds_office(code, title, full, holder) for full in with_country)
            else:
                # asked who holds it, the sentence names the holder with the title, or names one the article
                # titles so; a title given no country is not taken for the country asked when the sentence
                # gives that country to another office ("US President Donald Trump ... Prime Minister Narendra
                # Modi" names no US Prime Minister)
                own = holds_office(code, title, sentence, holder) and (not holder or names_holder(title, sentence))
                other = code in titling_countries(sentence)
                # a person's full mention gives their title: one that names another office ("Commerce and
                # Industry Minister Piyush Goyal") is no Foreign Secretary, so the full must name the office;
                # and a sentence that names neither the office nor anyone holding it, but titled people who
                # hold others ("Goyal ... held discussions with US Commerce Secretary Howard Lutnick" for the
                # US Trade Representative), does not speak of it
                by_full = any(holds_office(code, title, full, holder=True) for full in fulls
                              if not (other and not countries_in(full)))
                held = by_full or own and (not fulls or holds_office(code, title, sentence, holder=True))
            unmet += [] if held else [f"name {asked}"]
        return unmet

    def unmet(self, sentence: str, context: str, article: ArticleContext, earlier: str = "") -> list[str]:
        """The constraints ``sentence`` fails, with the sentence before it as ``context`` (and the ones
        before that as ``earlier``, where only a figure may be named); [] when it meets all.

        A country must be named in the sentence or the one before, unless it is one the
        whole article is about (named in its title or first sentence): a sentence about
        India's exports does not speak of Vietnam because the article mentions Vietnam
        elsewhere. A name must occur in the article. A period must be the period of the
        sentence's own figures; a sentence with no period speaks for its article's year.
        """
        unmet = []
        near = countries_in(sentence) | countries_in(context)
        unmet += [f"country {c}" for c in sorted(self.countries) if c not in near and c not in article.subjects]
        unmet += self.offices_unmet(sentence, article.people, article.titled)
        told = _words(f"{sentence} {context}")  # the words of the sentence and the one before
        words = told | article.words
        # a kind of levy is named in the sentence or anywhere in its article, as a name is
        unmet += [f"kind {k}" for k in sorted(self.levy_kinds) if not set(k.split("-")) <= words]  # "anti-dumping"
        if self.responded:
            # a response names what it answers, in its sentence or the one before, by one of the question's words
            # at least ("the proposal" for "the proposed 500% levy"; "parliamentary" for "parliament")
            said = set(tokenize(f"{sentence} {context}"))
            if not any(w.startswith(r) or r.startswith(w) for r in self.responded for w in said if len(w) > 3):
                unmet.append(f"response {' '.join(sorted(self.responded))}")
        missing = [n for n in sorted(self.names) if n not in words]
        if missing:  # an acronym may be spelled out: "Ministry of External Affairs" for the MEA
            spelled = initialisms(f"{sentence} {context}") | article.initials
            unmet += [f"name {n}" for n in missing if n not in spelled]
        # two people asked of as doing it together ("Where did Goyal and Lutnick meet in March?") are both
        # named where it is told: "Goyal was in Washington in March" tells of Goyal alone, though his article
        # names Lutnick elsewhere
        unmet += [f"name {n}" for n in sorted(self.together)
                  if n not in told and f"name {n}" not in unmet]
        # a claim asked "according to the April report" is one of that report's
        unmet += [f"report {MONTHS[m - 1]}{f' {d}' if d else ''}" for m, d in sorted(self.reports, key=str)
                  if not dated_as_report(article.date, m, d)]
        unmet += self._aspects_unmet(sentence, context, unmet, earlier, article)
        if self.days:
            start = len(unmet)
            said = days_in(f"{context} {sentence}")
            # a sentence naming other days in the same role ("till July 9" for "till August 9") speaks of
            # those; one naming none may still give the day as "on Friday", and an end date ("suspended
            # till July 9") says nothing of the day something began ("announced on April 2")
            dated = {d for d, role in day_roles(f"{context} {sentence}")
                     if " " in d and (role == self.day_role or None in (role, self.day_role))}
            unmet += [f"day {d}" for d in sorted(self.days) if " " in d and dated and d not in said]
            # and a weekday: "The MEA responded on Monday" says nothing of what it said on Tuesday
            weekdays = {d for d in said if " " not in d}
            unmet += [f"day {d}" for d in sorted(self.days) if " " not in d and weekdays and d not in weekdays]
            # "India and the US, on Friday discussed trade days ahead of ... tariffs ... kick into effect on
            # April 2": a text that names the day asked for one thing and another at the act's verb dates
            # the act to that other day (a weekday alone may still be the day asked: "announced on Wednesday")
            tied = act_days(self.day_act, f"{context} {sentence}") if self.day_act else frozenset()
            if tied and not tied & self.days:
                unmet += [f"day {d}" for d in sorted(self.days & said) if f"day {d}" not in unmet]
            elif self.day_act and self.day_act not in _EFFECT_ACTS and not tied:
                unmet += [f"day {d}" for d in sorted(self.days & effect_days(f"{context} {sentence}"))
                          if f"day {d}" not in unmet]
            # a text that names no month speaks of days near its article's ("on Tuesday" gone, "next Wednesday"
            # to come), or of none: "The US imposed 50% on several Indian exports", in an article of January
            # 2026, is no levy of April 2 (a range of months is a figure's period, not a day: "April–November")
            # (an end asked, "till August 9", is no day of the act itself: "suspended on Friday" may end then)
            undated = not _month_names(_MONTH_RANGE.sub(" ", f"{context} {sentence}"))
            if undated and self.day_role != "end" and (month := _month_of(article.date)) is not None:
                near = {month - 1 or 12, month, month % 12 + 1}
                unmet += [f"day {d}" for d in sorted(self.days) if " " in d and f"day {d}" not in unmet
                          and (asked := _month_names(d.title())) and not asked & near]
            if any(f"day {d}" not in unmet[start:] for d in self.day_choices):
                # one of "July 8 or July 9" is the sentence's: the other need not be
                unmet[start:] = [u for u in unmet[start:] if u[len("day "):] not in self.day_choices]
        if self.numbered:
            said = numbered_names_in(f"{earlier} {context} {sentence}")
            unmet += [f"name {n}" for n in sorted(self.numbered) if n not in said]
        if self.lookbacks:
            said = lookbacks_in(f"{context} {sentence}")
            unmet += [f"lookback {n} {unit}" for n, unit in sorted(self.lookbacks) if (n, unit) not in said]
        if self.durations:
            # a sentence that counts the unit, never with the number asked, counts another span
            said = durations_in(sentence)
            unmet += [f"duration {n} {unit}" for n, unit in sorted(self.durations)
                      if any(u == unit for _, u in said) and (n, unit) not in said]
        if self.counted and counts_other(self.counted, sentence):
            unmet.append(f"counted {self.counted}")
        if self.counts:
            said = counts_in(sentence)
            unmet += [f"count {n} {thing}" for n, thing in sorted(self.counts)
                      if any(t == thing for _, t in said) and (n, thing) not in said]
        if self.months:
            # the sentence's months; else its article's month, and the one before's (see below)
            months = _month_names(sentence)
            ranged = len(self.months) == 1 and _MONTH_RANGE.search(sentence)
            if ranged:  # "from April–November FY26" is a figure for eight months, not for November alone
                months = _month_names(_MONTH_RANGE.sub(" ", sentence))
            if not months and not ranged:
                # the one before's months count when this sentence goes on from it ("He announced ...");
                # "Landau and Misri held phone talks", in an article of March 28, after a sentence about
                # tariffs from April 2, speaks of March
                dated = _month_of(article.date)
                goes_on = _GOES_ON.match(sentence) or _HE_SHE.match(sentence)
                months = set(_month_names(context)) if goes_on or dated is None else set()
                if dated is not None:
                    months.add(dated)
            unmet += [f"month {MONTHS[m - 1]}" for m in sorted(self.months) if m not in months]
        if self.periods or self.bases or self.relative_years:
            own, base = periods_in(_as_of(sentence, article.date))
            if self.figure_asked and not self.targets and (targeted := target_years(sentence)):
                own = {Period(year) for year in targeted}  # "What was trade in 2025?" asks for no target
            if not own and article.date:
                own = {Period(_year_of_months(sentence, article.date))}
            # "From 2009 to 2024, a total of 15,564": a figure for the whole range is no figure for 2024
            if not self.spans:
                own -= {Period(year) for span in spans_in(sentence) for year in span} - periods_in(
                    _RANGE.sub(" ", sentence))[0]
            unmet += [f"period {p}" for p in sorted(self.periods) if p not in own]
            unmet += [f"period {p}" for p in sorted(self.bases) if p not in own | base]
            # every period of the sentence's figures is on the side of the bound asked (a fiscal year ends
            # in the year after it starts)
            unmet += [f"period {side} {year}" for side, year in sorted(self.relative_years)
                      if not own or not all(p.year < year if side == "before" else p.year + p.fiscal > year
                                            for p in own)]
        return unmet

    def _aspects_unmet(self, sentence: str, context: str, found: list[str], earlier: str = "",
                       article: ArticleContext | None = None) -> list[str]:
        """The question's other aspects (rag.aspects) ``sentence`` fails; ``found`` holds what the
        entity checks already found, so a name is reported once."""
        unmet = []
        stems = set(tokenize(f"{context} {sentence}")) if (
            self.sources or self.goods or self.events or self.described) else set()
        if self.figures:
            # "... a bill that aims to impose 500% tariffs. ... The MEA responded ... aware of the proposal":
            # a figure is named up to two sentences before the one that speaks of it
            named, own = figures_in(f"{earlier} {context} {sentence}"), figures_in(sentence)
            # but a sentence with figures of its own of that kind ("up 3.4 per cent" for "rise by 5.4 per
            # cent") speaks of another figure than the one named before it
            missing = [f for f in sorted(self.figures) if f not in named or f not in own and any(
                g.endswith("%") == f.endswith("%") for g in own)]
            if any(f not in missing for f in self.figures & self.figure_choices):
                missing = [f for f in missing if f not in self.figure_choices]  # one of "5.1% or 5.4%" is said
            unmet += [f"figure {f}" for f in missing]
        unmet += [f"rank {r}" for r in sorted(self.ranks) if r not in ranks_in(sentence)]
        if self.trade_kind:
            kinds = trade_kinds_in(sentence) or trade_kinds_in(context)
            if kinds and self.trade_kind not in kinds:
                unmet.append(f"trade {self.trade_kind}")
        unmet += [f"part {p}" for p in sorted(self.parts_of_year) if p not in parts_of_year_in(sentence)]
        if self.trend and not moved(self.trend, sentence):
            unmet.append(f"trend {self.trend}")  # a figure that did not move, or moved the other way
        # "Despite tariffs being imposed, ...": the levy may be the sentence before's
        done = imposition_in(sentence) or imposition_in(context) if self.imposition else None
        # and a levy asked of a country is told as that country's: in "a bill that aims to impose 500% tariffs
        # on countries trading with Russia" or "the 10 per cent baseline tariff imposed on the countries" no
        # one imposes it on the US, so neither answers "What tariff did India impose on US goods?"
        if self.imposition and done != self.imposition:
            unmet.append(f"imposition {self.imposition[0]}'s levy on {self.imposition[1]}")
        # "levies higher tariff on American goods" is no levy on Indian goods, whoever levies it (a country
        # the sentence does not speak of at all is reported once, as that)
        if (self.levied and (said := levied_on(sentence)) is not None and said != self.levied
                and f"country {self.levied}" not in found):
            unmet.append(f"levied on {self.levied}")
        if self.sources:
            # "As Chakravarty observed" is the former official observing, when the article says who he is
            told = with_titles(f"{context} {sentence}", article) if article else f"{context} {sentence}"
            words = set(tokenize(told))
            if not self.sources & (words | initialisms(told)):  # or "USTR"
                unmet.append(f"source {' '.join(sorted(self.sources))}")
            elif self.sources & words and not attributes_to(self.sources, told):
                unmet.append(f"said {' '.join(sorted(self.sources))}")  # named, but as no claim's source
        if self.source_country and self.source_country not in source_countries(f"{context} {sentence}"):
            unmet.append(f"source {self.source_country}")  # "according to Indian data": the USTR's is none
        if self.organisations:
            named = organisations_in(f"{context} {sentence}")
            for kind, name, owner in sorted(self.organisations, key=str):
                # "India’s Department of Commerce" is not the US one; nor is it India's Ministry of Defence,
                # a ministry and a department being one kind of body ("the Commerce Ministry" is the same)
                others = [(n, o) for k, n, o in named if _BODY_KIND.get(k, k) == _BODY_KIND.get(kind, kind)]
                if others and not any(name <= n and (o == owner or "" in (o, owner)) for n, o in others):
                    unmet.append(f"organisation {' '.join(sorted(name))} {kind}")
        unmet += [f"act {act}" for act in sorted(self.acts) if not tells_of_act(act, f"{context} {sentence}")]
        if self.recipient and not gives_to(*self.recipient, sentence):
            unmet.append(f"recipient {self.recipient[0]}")  # given, in the sentence, to someone else
        if self.order and not speaks_of_order(self.order, f"{context} {sentence}"):
            unmet.append(f"order {self.order}")
        if tells_only_anchor(self.anchor, sentence):
            unmet.append(f"anchor {' '.join(sorted(self.anchor))}")  # the event asked about, and nothing after it
        if self.plan_of and not tells_plan(self.plan_of, sentence):
            unmet.append(f"plan {self.plan_of}")
        unmet += self._doer_unmet(sentence, context, found, article)
        unmet += self._whose_unmet(sentence, context)
        # goods named only in the sentence before count when this one goes on from it ("It was ...");
        # one with its own list ("the US wants duty concessions in sectors like wines, dairy ...")
        # speaks of its own goods
        goods_said = stems if _GOES_ON.match(sentence) or not _LISTS.search(sentence) else set(tokenize(sentence))
        unmet += [f"goods {g}" for g in sorted(self.goods) if g not in goods_said]
        if self.traded:  # the sentence that gives the flow names its goods, not the one before
            own = set(tokenize(sentence))
            if self.figure_asked and figures_in(sentence):
                # and a figure asked of those goods is in their clause: "merchandise exports ... went up by
                # 11.38% to $59.04 billion ..., with a surge in exports of engineering goods" gives all goods'
                own = {w for clause in _CLAUSES.split(sentence) if figures_in(clause) for w in tokenize(clause)}
            unmet += [f"goods {g}" for g in sorted(self.traded) if g not in own]
        said = balance_in(sentence) if self.balance else None
        if said is None and self.balance and not _BALANCE_WORD.search(sentence):
            # "It was USD 27.7 billion in 2022-23" gives the balance the sentence before named
            said = balance_in(context)
        if said is not None and said == self.balance[::-1]:
            # "the US surplus with India" is asked; the sentence gives the US deficit with India
            unmet.append(f"balance {self.balance[0]}'s surplus with {self.balance[1]}")
        unmet += [f"answer {kind}" for kind in sorted(self.statements)
                  if not states(kind, sentence, context, self.negated)]
        unmet += [f"answer {event}" for event in sorted(self.events) if event not in stems]
        unmet += [f"alone {mod} {noun}" for mod, noun in sorted(self.alone) if joined_with_others(mod, noun, sentence)]
        if self.succession and not tells_succession(sentence):
            unmet.append(f"succession {' '.join(self.succession)}")  # names the holder, and no one before or after
        if self.began and not tells_beginning(self.began, sentence):
            unmet.append(f"began {self.began}")  # only another thing's start, or a meeting's days
        unmet += [f"kind {kind} {noun}" for kind, noun in sorted(self.kinds) if of_other_kinds(kind, noun, sentence)]
        unmet += [f"whole {whole}" for whole in sorted(self.wholes) if tells_of_part(whole, sentence)]
        if self.currency:
            named = currencies_named(sentence)
            if named and self.currency not in named:
                unmet.append(f"currency {self.currency}")
        if self.superlatives:
            # which is largest is said with a superlative: one of another thing, or none, does not say it; nor
            # does one of several ("one of the highest importers"), unless one of several is asked
            text = f"{context} {sentence}" if self.among else among_several(f"{context} {sentence}")
            said = superlatives_in(text)
            # (a superlative in other words, "biggest surplus" for "largest", says it; "the top trade
            # negotiator" is a title)
            unmet += [f"superlative {sup} {head}" for sup, head in sorted(self.superlatives)
                      if (sup, head) not in said and (not ranks_something(text, sup)
                                                      or any(other == sup for other, _ in said)
                                                      or ranks_only_posts(text, sup, head))]
        # a country the sentence does not speak of at all is reported as such, not as one not doing it
        unmet += [u for u in self._country_doer_unmet(sentence, context, article)
                  if f"country {u.split()[1]}" not in found]
        if self.destinations:
            went = destinations_in(sentence)
            unmet += [f"destination {code}" for code in sorted(self.destinations) if went and code not in went]
        if self.city_of and names_city_of(self.city_of, sentence) is False:
            unmet.append(f"city {self.city_of}")
        unmet += [f"place {city}" for city in sorted(self.cities)
                  if not names_city(city, sentence) and not names_city(city, context)]
        # named in the sentence itself, or in the one before when this one goes on with "he" or "they"
        leans = _HE_SHE.match(sentence)
        said = _words(f"{context} {sentence}" if leans else sentence) if self.holders else set()
        unmet += [f"name {h}" for h in sorted(self.holders) if h not in said and f"name {h}" not in found]
        if self.described and not self.described & stems or self.described_for and (
                (said := countries_for(sentence)) and not said & self.described_for):
            unmet.append(f"described {' '.join(sorted(self.described))}")
        if self.viewers and not tells_view_of(self.viewers, sentence):
            unmet.append(f"view {' '.join(sorted(self.viewers))}")
        if self.stages:
            said = stages_in(f"{context} {sentence}")
            unmet += [f"stage {n}" for n in sorted(self.stages) if n not in said]
        if self.targets:
            said = deadlines_in(sentence)  # a sentence that gives no year to meet it by leaves it to the periods
            unmet += [f"period {y}" for y in sorted(self.targets) if said and y not in said]
        # (a share of another country's whole is said once, as the owner check says it: "US's exports")
        if self.share and not tells_share(self.share, sentence) and not any(
                u.startswith(f"owner {self.share.owner}'s") for u in unmet):
            unmet.append(f"share {min(self.share.whole)}")
        return unmet

    def _doer_unmet(self, sentence: str, context: str, found: list[str],
                    article: ArticleContext | None = None) -> list[str]:
        """Who did the act the question asks of, and whether the sentence denies it was done."""
        unmet = []
        if self.role_doer:
            # "Which Indian minister spoke on the All-In Podcast?" is not answered by "Speaking on the All-In
            # Podcast ..., US Commerce Secretary Howard Lutnick said": the one who spoke is another country's;
            # an act done with someone ("held discussions with ...") is both sides'
            code, act = self.role_doer
            doer = doer_described(act, sentence)
            # (a doer named by surname alone has the country of the title the article gives them elsewhere:
            # "Landau also thanked ..." is the US Deputy Secretary of State's thanks)
            theirs = countries_in(with_titles(doer, article) if article else doer) if doer else frozenset()
            named = {w.lower() for w in re.findall(r"\b[A-Z][a-z]+", sentence)}
            if theirs and code not in theirs and not done_with(act, named, sentence):
                unmet.append(f"country {code} doing it")
        if self.agent:
            # "According to Lutnick, Washington saw the call as critical" has Lutnick tell of the call,
            # not make it: whom a sentence is according to did not do what it tells, but said it
            told = sentence if self.act in SPEECH_ACTS else _ACCORDING_TO_NAMES.sub(" ", sentence)
            # "Modi has made eight calls to the US president" does not say Trump called Modi
            said = _words(f"{told} {context}")
            named = f"name {' '.join(sorted(self.agent))}"
            others = self.names - self.agent
            # "Landau also thanked the Foreign Secretary Misri" is no thanks of Misri's, whether or not the
            # question names Landau: anyone named just before the act did it
            people = {w for w in _names_within(told) if not countries_in(w.capitalize())} | self.names
            people |= GROUPS & _words(told)  # "..., exporters fear" for "What did importers fear?"
            doer = done_by(self.act, people, told) if self.act else None
            if doer is not None and done_with(self.act, self.agent, told):
                doer = None  # the act was done with the one asked about: a meeting is both sides
            only_told = self.agent & _words(sentence) and not self.agent & _words(told)
            # "Trump ... described Prime Minister Narendra Modi as a close partner": Modi is described
            done_to_agent = doer is None and self.act and done_to(self.act, people, told) & self.agent
            if (not self.agent & said and others & said or doer is not None and doer not in self.agent
                    or only_told or done_to_agent) and named not in found:
                unmet.append(f"agent {' '.join(sorted(self.agent))}")
        if self.now_of and formerly(self.now_of, sentence):
            unmet.append(f"now {' '.join(sorted(self.now_of))}")  # a post they held before
        if self.patient_act:
            # "Landau also thanked the Foreign Secretary Misri" for "Which Indian official thanked Landau?"
            people = {w for w in _names_within(sentence) if not countries_in(w.capitalize())} | self.patient
            # calling someone something is told in any word of naming: "Who called Trump a close partner?" by
            # "described Prime Minister Narendra Modi as a close partner"
            act = self.patient_act
            words = set(tokenize(sentence))
            for kin in (_NAMING, _PLACING):
                if act in kin and act not in words:
                    act = next((a for a in sorted(kin) if a in words), act)
            if done_by(act, people, sentence) in self.patient:
                unmet.append(f"patient {' '.join(sorted(self.patient))}")
            elif (to := done_to(act, people, sentence)) and not to & self.patient:
                # "Trump ... described Prime Minister Narendra Modi as a close partner" for "Who described Trump
                # as a close partner?": the act was done to another
                unmet.append(f"patient {' '.join(sorted(self.patient))}")
            elif not to and (rank := done_to_titled(act, sentence)) and article is not None and not any(
                    rank in full.lower() for who, full in article.titled if who in self.patient):
                # "Modi has made eight calls to the US president" for "... calls did Modi make to Lutnick?": the
                # article titles Lutnick no president
                unmet.append(f"patient {' '.join(sorted(self.patient))}")
        if self.act and "negated" not in self.statements and negates_act(self.act, sentence):
            # "Which company did Trump name ...?" is denied, not answered, by "without naming the beneficiary"
            unmet.append(f"answer {self.act} denied")  # an "answer" item: the abstention does not list it
        return unmet

    def _country_doer_unmet(self, sentence: str, context: str, article: ArticleContext | None = None) -> list[str]:
        """Whether the country the question says did the act, or was asked to, is the one the sentence has
        do it, or asks."""
        if self.asked and self._asked_another(sentence, context):
            return [f"country {self.asked} being asked to act"]
        # "The U.S. seeks lower tariffs on wines ..., while India aims for duty cuts on textiles": when a
        # sentence sets two doers against each other, the clause that holds the question's words decides
        # (India aimed for the cuts, though the sentence's "seeks" is the US's)
        clause = contrasted_clause(self.subject_terms, sentence, self.subject) if self.subject else None
        contrasted = clause_doer(clause) if clause is not None else None
        if contrasted is not None and contrasted != self.subject:
            return [f"country {self.subject} doing it"]
        if contrasted is not None:
            # and every word of the question the sentence has is that doer's clause's: "Did India aim for
            # duty cuts on wines?" is not answered by "The U.S. seeks lower tariffs on ... wines ..., while
            # India aims for duty cuts on textiles", where the wines are the other doer's
            own = set(tokenize(clause))
            # the act asked may be worded by the other clause's verb ("Did India seek ...?")
            act = {self.doing_country[1]} if self.doing_country else set()
            elsewhere = (self.subject_terms & set(tokenize(sentence))) - own - act
            return [f"country {self.subject} doing it"] if elsewhere else []
        unmet = []
        if (self.doing_country and self.flows and self.asked is None
                and asked_to_act(sentence) == self.doing_country[0]
                and country_doing(self.doing_country[1], sentence) != self.doing_country[0]):
            # "Which goods did India offer to buy more of from the US?": "Donald Trump has pushed India to buy more
            # from the US" tells of the flow asked, but as asked of India, and of no offer of India's
            unmet.append(f"country {self.doing_country[0]} doing it")
        if self.doing_country and not (self.imposition or self.flows):  # levies and flows are checked above
            # "with the US having moved on to sealing trade pacts with ... Vietnam": the US sealed them
            code, act = self.doing_country
            doer = country_doing(act, sentence)
            # "... cited India among the countries that might be targeted": India is the one it is done to
            if doer is not None and doer != code or country_done_to(act, sentence) == code:
                unmet.append(f"country {code} doing it")
            elif doer is None and acted_for_another(code, act, sentence):
                unmet.append(f"country {code} doing it")
            elif (doer is None and article is not None and (person := person_doing(act, sentence)) in article.people
                  and not any(code in countries_in(mention) for name, mention in article.titled if name == person)):
                # "Although Modi later agreed to make the call" is a person's act, and the article names him with
                # no title of the US: it tells nothing the US agreed to
                unmet.append(f"country {code} doing it")
            elif only_asked(act, sentence):
                # "Which sectors has India opened ...?": the US asking India to open them is not India opening them
                unmet.append(f"country {code} doing it")
            elif act in _GIVING and not _GIVING & (told := set(tokenize(sentence))) and _ASKING & told:
                # "Which sectors did the US offer India duty concessions in?": "the US wants duty concessions in
                # sectors like ..." tells of concessions asked for, not given
                unmet.append(f"country {code} doing it")
            elif act == "do" and not does_something(code, f"{context} {sentence}"):
                # any act asked ("What has the US been doing ...?"): the country does something here
                unmet.append(f"country {code} doing it")
        if self.subject and self.whether and leading_country(sentence) not in (None, self.subject):
            # "Did India seek duty concessions for wines?": "the US wants duty concessions ... wines" says no
            # such thing of India
            unmet.append(f"country {self.subject} doing it")
        if ((self.whether or self.already) and self.doing_country
                and self.doing_country[1] not in tokenize(f"{context} {sentence}")):
            # "Did India sign the trade deal ...?": a sentence that tells of no signing says neither yes nor no
            unmet.append(f"answer {self.doing_country[1]}")
        return unmet

    def _asked_another(self, sentence: str, context: str) -> bool:
        """Whether the sentence has another country asked to act than the question: "Which sectors does India
        want the US to open up?" is not answered by "The US has been asking India to open up", nor "Which
        country invited the US to join?" by "Washington's invitation to India to join". A sentence that asks
        no one goes on from the one before."""
        said = asked_to_act(sentence) or asked_to_act(context)
        return said is not None and said != self.asked

    def _whose_unmet(self, sentence: str, context: str = "") -> list[str]:
        """Whose the thing asked about is ("India's exports", "American farmers"), and which way goods flow.
        A thing the sentence does not name is the one the sentence before names, if any: "The US remained
        India's largest trading partner ... The US accounts for about 18 per cent of India's total goods
        exports" speaks of India's partner throughout."""
        unmet = []
        if self.owned:
            said, before = owned_in(sentence), owned_in(context)
            for code, thing in sorted(self.owned):
                if self.flows and thing in ("exports", "imports"):
                    continue  # India's imports from the US are US exports to India: the flow decides
                owners = {c for c, t in said if t == thing}
                if not owners and not re.search(rf"\b{re.escape(thing)}", sentence, re.I):
                    owners = {c for c, t in before if t == thing}
                if owners and code not in owners:  # India's largest trading partner is not America's
                    unmet.append(f"owner {code}'s {thing}")
                elif thing in PEOPLE and not owners and code not in countries_in(sentence):
                    unmet.append(f"owner {code}'s {thing}")
        if self.flows:
            named = flows_in(sentence)
            # "US goods exports to India were $41.8 billion ... and total US goods imports from India totalled
            # $87.4 billion": a figure asked of a flow is the one in that flow's clause
            clauses = re.split(r",?\s+and\s+|;\s*", sentence) if self.figures and len(named) > 1 else []
            misplaced = any(self.figures & figures_in(c) and flows_in(c) and not flows_in(c) & self.flows
                            for c in clauses)
            # "US goods trade deficit with India was $45.7 billion in 2024, a 5.4 per cent increase" is a
            # balance, not the flow of exports asked about
            balance_only = not named and _BALANCE_WORD.search(sentence) and not _FLOW_WORD.search(sentence)
            # "India, meanwhile, recorded a $41.18 billion trade surplus with the U.S. ..., driven by $86.51
            # billion in exports": a flow with no countries or owner named is the flow of the country the
            # sentence opens with, and India's exports are no US exports to India
            owned = any(thing in ("exports", "imports") for _, thing in owned_in(sentence))
            if not named and not owned and (lead := leading_country(sentence)):
                flows = {_FLOW_SIDE[w.lower()] for w in _FLOW_WORD.findall(sentence)}
                sides = {a for a, _ in self.flows} if flows == {"out"} else {b for _, b in self.flows} if (
                    flows == {"in"}) else {lead}
                misplaced = misplaced or lead not in sides
            # "shipments to the US rose more than 22%" names only where the goods go: no flow into India
            if not named:
                ends = one_sided_flows(sentence)
                misplaced = misplaced or any(all(flow[side] != code for flow in self.flows) for side, code in ends)
            # (and India's exports to the US are not US exports to India)
            if named and not named & self.flows or misplaced or balance_only:
                unmet.append(f"flow {' and '.join(f'{a} to {b}' for a, b in sorted(self.flows))}")
        return unmet


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _periods_written(periods: set[Period]) -> str:
    """"2024-25"; "2020-21 to 2024-25" for a run of three or more years of one kind; "2009 and 2024"."""
    ordered = sorted(periods, key=lambda p: (p.fiscal, p.year))
    if (len(ordered) >= 3 and len({p.fiscal for p in ordered}) == 1
            and all(b.year - a.year == 1 for a, b in zip(ordered, ordered[1:]))):
        return f"{ordered[0]} to {ordered[-1]}"
    return _listed([str(p) for p in ordered])


def said_instead(item: str, sentence: str, question: str) -> str | None:
    """What ``sentence`` speaks of in place of an unmet constraint: the periods its figures are for
    ("2024-25" for "period 2018-19"), the countries it names that the question does not ("India" for
    "country CA"); None for other constraints, or when it names nothing in their place."""
    if item.startswith("period "):
        own, _ = periods_in(sentence)
        spans = [(int(m.group(1)), int(m.group(2))) for m in _RANGE.finditer(sentence)]  # "from 2009 to 2024"
        single = {p for p in own if p.fiscal or not any(p.year in span for span in spans)}
        # a year asked within the span is in it, but the figure is the span's: "2009 to 2024 as a whole"
        asked = {p.year for p in periods_in(item)[0]}
        written = [f"{a} to {b}" + (" as a whole" if any(a <= y <= b for y in asked) else "") for a, b in spans]
        written += [_periods_written(single)] if single else []
        return _listed(written) if written else None
    if re.fullmatch(r"country [A-Z]{2}", item):  # not "country IN doing it": who did what is not told here
        pattern, code_of = country_pattern()
        asked = countries_in(question)
        written: dict[str, str] = {}
        for match in pattern.finditer(sentence):
            code, alias = code_of[match.group(1)], match.group(1)
            # a country by its name as the sentence writes it ("India", "US"), else by pycountry's name: not
            # by its people's word or its capital ("Indian", "Washington")
            named = not is_demonym(alias) and not capitals_in(alias)
            if code not in asked and (code not in written or named and written[code] == country_name(code)):
                written[code] = alias if named else country_name(code)
        return _listed(list(written.values())) if written else None
    return None


def as_asked(item: str, question: str) -> str:
    """An unmet constraint ("country CN", "name misri", "balance US's surplus with IN") in the
    question's own words ("China", "Misri", "US's surplus with India"), for telling the user."""
    _, what = item.split(" ", 1)
    pattern, code_of = country_pattern()
    written = {}
    for match in pattern.finditer(question):
        code = code_of[match.group(1)]
        if code not in written or is_demonym(written[code]) and not is_demonym(match.group(1)):
            written[code] = match.group(1)  # the country's name before its people's word ("India", not "Indian")
    # a people's word owns nothing: "India's trade", not "Indian's trade"
    owners = {code: country_name(code) if is_demonym(name) else name for code, name in written.items()}

    def named(names: dict[str, str]) -> str:  # the item's country codes, in those names
        return re.sub(r"\b[A-Z]{2}\b", lambda m: names.get(m.group(), m.group()), what)

    if item.startswith("levied "):  # "a levy on India"
        return f"a levy on {as_asked(f'country {what.split()[-1]}', question)}"
    if item.startswith("flow "):  # "goods going from Russia to India", not "Russia to India"
        return f"goods going from {named(written)}"
    if item.startswith(("balance ", "owner ")):  # "US's surplus with India"
        return named(owners)
    if item.startswith("country ") and what.endswith(" doing it"):  # "India doing it", not "Indian doing it"
        return named(owners)
    if item.startswith(("country ", "imposition ")):
        return named(written)
    if item.startswith("view "):  # "the US's view"
        return f"{named(owners)}'s view"
    if item.startswith("recipient "):  # "anything given to Russia"
        return f"anything given to {named(written)}"
    if item.startswith("plan "):  # "India doing anything yet to come"
        return f"{what} doing anything yet to come"
    if item.startswith("source "):  # "Indian data"; "US figures" for "by US estimates"
        return according_to(question) or (f"{named(written)} figures" if re.fullmatch(r"[A-Z]{2}", what) else what)
    if item.startswith("said "):  # named, but not as saying anything
        return f"anything {according_to(question) or what} said"
    if item.startswith("organisation "):
        words = "|".join(what.split())
        found = re.search(rf"\b(?:{words})(?:\s+(?:{words}))*\b", question, re.I)
        return found.group().strip() if found else what
    if item.startswith("share "):  # "a share of the overall US trade deficit"
        share = share_asked(question)
        return f"a share of {share.words}" if share else what
    if item.startswith("anchor "):  # "what came after India's exports crossed USD 100 billion"
        return f"what came {anchor_words(question) or 'of it'}"
    if item.startswith("rank "):
        found = re.search(rf"\b{re.escape(what)}[\s-]+\w+", question, re.I)
        return found.group() if found else ranked_after(question) or what
    if item.startswith("agent "):
        return " ".join(as_asked(f"name {w}", question) for w in what.split()) + " doing it"
    if item.startswith("patient "):
        return "it being done to " + " ".join(as_asked(f"name {w}", question) for w in what.split())
    if item.startswith("name "):
        found = re.search(rf"\b{re.escape(what)}\b", question, re.I)
        return found.group() if found else what
    if item.startswith("day "):
        return what.capitalize()
    if item.startswith("report "):  # "the April report"
        return f"the {what} report"
    if item.startswith("currency "):  # "amounts in rupees", as the question says it
        return currency_as_asked(question) or what
    if item.startswith("superlative "):  # "largest export sector"
        sup = what.split()[0]
        found = re.search(rf"\b{sup}\s+(?:[\w-]+\s+){{0,2}}?[\w-]+?(?=\s+(?:to|for|of|in|with|from)\b|\s*[?,.]|\s*$)",
                          question, re.I)
        return found.group() if found else what
    if item.startswith("city "):  # "an Indian city", as the question names its country
        return city_as_asked(question) or what
    if item.startswith("place "):  # "New Delhi"
        found = re.search(rf"\b{re.escape(what)}\b", question, re.I)
        return found.group() if found else what
    if item.startswith("whole "):  # "all the terms", "none of the terms", as the question says it
        return whole_as_asked(what, question)
    if item.startswith("succession "):  # "anyone before Misri"
        return f"anyone {what}"
    if item.startswith("response "):  # "a response to the parliamentary query"
        return f"a response to {responded_as_asked(question) or what}"
    if re.match(r"period (?:before|after) ", item):  # "a year before 2024"
        return f"a year {what}"
    if item.startswith("began "):  # "when the BTA negotiations began"
        return f"when the {what} began"
    if item.startswith("now "):  # "Biswajit Dhar now", as the question names them
        return " ".join(as_asked(f"name {w}", question) for w in what.split()) + " now"
    if item.startswith("alone "):  # "commercial flights alone"
        return f"{' '.join(what.split()[:2])} alone"
    if item.startswith("described "):  # "a rival", as the question says it
        found = re.search(r"\bas\s+([^?,;.]+)", question, re.I)
        return found.group(1).strip() if found else what
    if item.startswith("stage "):  # "second phase", as the question names it
        found = re.search(rf"\b{re.escape(what)}\s+\w+", question, re.I)
        return found.group() if found else what
    if item.startswith("trend "):  # "does not speak of a rise", not "of rise"
        return f"a {what}"
    if item.startswith("goods "):  # the stem as the question spells it ("dairi" -> "dairy")
        return next((w for w in re.findall(r"[\w’'-]+", question) if tokenize(w) == [what]), what)
    if item.startswith("duration "):  # "three decades", as the question says it
        count, unit = what.split(" ", 1)
        return next((m.group() for m in DURATION.finditer(question)
                     if durations_in(m.group()) == {(int(count), unit)}), what)
    if item.startswith("counted "):  # "chief negotiators", as the question says it
        found = _HOW_MANY.search(question)
        return re.sub(r"^how\s+many\s+", "", found.group(), flags=re.I) if found else what
    if item.startswith("count "):  # "21 chapters", as the question says it
        count, thing = what.split(" ", 1)
        return next((m.group() for m in _COUNTED.finditer(question) if counts_in(m.group()) == {(int(count), thing)}),
                    what)
    if item.startswith("lookback "):
        count, unit = what.split(" ", 1)
        found = next((m.group() for m in _LOOKBACK.finditer(question)
                      if next(iter(lookbacks_in(m.group()))) == (int(count), unit)), None)
        return found or what
    return what


def _words(text: str) -> set[str]:
    """The lowercased words of ``text``, apostrophes kept ("o'brien"), and a possessive also without
    its "'s" ("Modi’s visit" names Modi)."""
    words = set(re.findall(r"[\w’']+", text.lower()))
    return words | {w[:-2] for w in words if w.endswith(("’s", "'s"))}


# giving and asking for are two ways of one exchange: a concession a country wants is none it offers
_GIVING = frozenset(tokenize("offer offered give gave grant granted extend extended provide provided", ()))
_ASKING = frozenset(tokenize("want wants seek seeks seeking sought ask asked asking demand demanded aim aims", ()))


# the words that name someone something ("called him a close partner", "described Modi as ...")
_NAMING = frozenset(tokenize("call describe name term label dub", ()))
# a call (or a letter) placed is one made or sent: "How many calls has Modi placed to Lutnick?" by "Modi has made
# eight calls to the US president"
_PLACING = frozenset(tokenize("make place send give", ()))


@dataclass(frozen=True)
class ArticleContext:
    """What a sentence's article says about itself: its date, its words, and the countries it is
    about (named in its title or first sentence). Made once per article (:meth:`of`)."""

    date: str | None
    words: frozenset[str]
    subjects: frozenset[str]
    initials: frozenset[str] = frozenset()  # of its runs of capitalized words (see initialisms)
    people: frozenset[str] = frozenset()  # surnames of the people it names in full (see surnames)
    titled: frozenset[tuple[str, str]] = frozenset()  # each one's full mentions, with their titles (see titled)

    @classmethod
    def of(cls, title: str, text: str, date: str | None) -> ArticleContext:
        from .chunking import split_sentences

        spans = split_sentences(text[:2000])
        lead = text[spans[0][0]:spans[0][1]] if spans else ""
        people = surnames(text)
        return cls(date, frozenset(_words(f"{title} {text}")), countries_in(title) | countries_in(lead),
                   initialisms(f"{title}\n{text}"), people, titled(text, people))
