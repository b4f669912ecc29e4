"""Analysing a question once: what is asked, recency, value kind, hard constraints.

The pipeline calls :func:`analyse` once per question and hands the resulting
:class:`Query` to the retriever and the generator, so no stage re-reads the
question with rules of its own. A follow-up is first read with the question
before it, and a question that asks several things is split into its parts
(:mod:`rag.parts`); each part is analysed the same way.

The rules are hand-written regular expressions: questions about news are short
and formulaic ("how much", "when", "who"), and these rules are cheap, exact and
easy to test one by one (``tests/unit/test_question.py``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .bm25 import tokenize
from .constraints import Constraints, names_someone, periods_in
from .countries import countries_in, country_pattern, state_pattern
from .dates import MONTH, MONTHS, WEEKDAY, date_role, dated_relative
from .errors import RagError
from .parts import as_question, naming, rewrite_question, split_parts
from .terms import (
    BALANCE,
    CHANGE_AS_THING,
    HOW_MUCH_TRADED,
    IN_MONEY,
    QUESTION_STEMS,
    SET_ASIDE_FIRST,
    SPEECH_ACTS,
    STARTS,
    TRADE_WHOLE,
    WHETHER,
    content_terms,
)

_WHOSE = re.compile(r"^\s*whose\b", re.I)  # a person's, a country's, or a body's
_ORGANISATION = re.compile(r"\b(?:[A-Z][\w&-]*\s+){1,4}(?:Ministry|Department|Office|Commission|Bureau|Agency|"
                           r"Council|Board|Bank)\b|\b(?:Ministry|Department|Office) of(?:\s+[A-Z][\w&-]*)+")
_COUNTRY_ROLE = re.compile(r"^\s*who\b.*\b(?:trading\s+partners?|partners?|ally|allies|rivals?|neighbou?rs?|importers?|"
                           r"exporters?|suppliers?|buyers?|markets?)\b", re.I)
_HOW_MANY_COUNTRIES = re.compile(r"\bhow many\s+(?:other\s+)?(?:countries|nations)\b", re.I)
# "Modi has made eight calls to the US president in the last year" says how often over a span counted back
# to the article's day, not when: no answer to "When did Modi make the call?" ("last year" alone, without
# "the", is a year, and "in the coming weeks" a time ahead: both tell when)
_SPAN_BACK = re.compile(r"\bthe\s+(?:last|past)\s+(?:\w+\s+)??(?:year|decade|month|week|day)s?\b", re.I)
_WHICH_COUNTRY = re.compile(r"\b(?:which|what)\s+(?:other\s+)?(?:country|countries|nation|nations)\b", re.I)
_COUNTRIES = re.compile(r"\b(?:which|what)\s+(?:other\s+)?(?:countries|nations)\b", re.I)
# a levy's rate: "What tariff ...?", "What is the current tariff on ...?"
_LEVY_RATE = (r"\b(?:what|which)\s+(?:\w+\s+)?(?:tariffs?|dut(?:y|ies)|levy|levies)\b|"
              r"\bwhat\s+(?:is|was|are|were)\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?(?:tariffs?|dut(?:y|ies)|levy|levies)"
              r"\s+(?:on|for|rate)\b")
_LEVY_RATE_ASKED = (rf"(?:{_LEVY_RATE})(?!\s+(?:revenues?|receipts|income|collections?|concessions?|barriers?|wars?|"
                    r"threats?|polic(?:y|ies)|regimes?|uncertainty|talks|deals?|cuts?|reductions?|relief|exemptions?|"
                    r"lines?|codes?|items?|negotiations?|issues?|structures?|disputes?)\b)")
# a levy's rate, in per cent: no rise or fall ("went up by 11.38%", "a 5.4 per cent increase"), nor a share
# ("18 per cent of India's total goods exports", "6.22 per cent in imports")
_LEVY_FIGURE = (r"(?<![\d.])(?<!\bup\s)(?<!\bby\s)(?<!\bdown\s)\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)"
                r"(?!\s+(?:increase|rise|jump|growth|decline|drop|fall|of|in)\b)|\bpercentage\s+points?\b")
# "How many ...", "What was the US goods trade deficit with India in 2025?": a figure is asked for, and
# a sentence without one ("is projected to widen further in 2025") cannot answer. A year, a day of
# the month or the second year of "2024-25" is no figure; "hundreds" is no count.
_HOW_MUCH = (r"\bhow (?:many|much|big|large|high|low|far|long|old)\b|\bby how\b|"
             rf"\b(?:what|which) (?:percentage|share|amount|value|rate|figure|number|total|size)\b|{_LEVY_RATE}")
# nouns of a quantity, each with its plural; a look-behind for each, as look-behinds have a fixed width
_QUANTITY = "".join(rf"(?<!\b{w}\s)(?<!\b{w}s\s)" for w in (
    "figure", "number", "estimate", "target", "goal", "projection", "forecast", "level", "amount")) + r"(?<!\bdata\s)"
_ADJECTIVE_ING = (r"(?:widen|ris|grow|fall|narrow|shrink|increas|declin|trad|exist|remain|lead|outstand|prevail|ongo|"
                  r"bind)ing\s")
_MEASURE_START = (r"^\s*(?:what|how (?:large|big|much|high))\s+(?:was|were|is|are|did|does|do|has|have|had)\s+"
                  r"(?:the\s+)?"
                  r"(?:(?!(?:that|which|who|will|would|to)\s)"
                  # "the latest outlook for the deficit" asks for an outlook; "the figure for exports" or "the
                  # target for trade" for a quantity of it
                  rf"(?!{_QUANTITY}(?:for|of|on|about)\s)"
                  # "What are Indian negotiators now offering outside trade?" asks what they offer: a verb in
                  # "-ing" is no part of the name of a measure, an adjective in "-ing" may be
                  rf"(?!(?!{_ADJECTIVE_ING})[a-z]+ing\s)"
                  r"[\w.'’-]+\s+){0,7}?")
# ("the trade deficit India has with the US": a clause naming whose it is ends it too)
_MEASURE_END = (r"(?=\s+(?:with|in|between|from|to|of|for|during|over)\b|\s*\?|\s*$|"
                r"\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*\s+(?:has|had|have|runs|ran|recorded|records)\b)")
# "the two-way trade figure for 2023-24" asks for trade as "the two-way trade for 2023-24" does
_MEASURE = (rf"{_MEASURE_START}(?P<head>deficit|surplus|exports|imports|trade|value|total|growth|share|size|worth)"
            r"(?:\s+(?:figures?|numbers?|levels?|amounts?))?"
            rf"{_MEASURE_END}")
# ... and of these an amount of money: "18 per cent of India's total merchandise trade" is no trade figure
_AMOUNT_ASKED = rf"{_MEASURE_START}(?:deficit|surplus|exports|imports|trade|value|total|worth){_MEASURE_END}"
_MONEY = r"(?:\$|USD|US\$|Rs\.?|INR|€|£)\s?\d|\d[\d,.]*\s?(?:billion|million|trillion|crore|lakh)\b"
_CHANGE_FIGURE = (r"\b(?:up|down|rose|risen|grew|grown|fell|fallen|declined|dropped|jumped|increased|widened|narrowed)"
                  r"\s+(?:by\s+)?(?:more than\s+|nearly\s+|about\s+|over\s+|almost\s+)?(?:\$|USD|US\$|Rs\.?)?\s?\d|"
                  r"\d[\d,.]*\s?(?:%|per cent|percent|billion|million)?\)?\s+(?:increase|rise|jump|growth|decline|drop|"
                  r"fall|more|less|higher|lower)\b|\b(?:increase|rise|jump|growth|decline|drop|fall)\s+of\s+(?:\$|USD)?\s?\d")
# a day of a month is no figure, the month written out or short, as datelines write it ("New Delhi, Jan 23:")
_NOT_AFTER_MONTH = "".join(rf"(?<!{re.escape(m)} )" for m in (
    *MONTHS, "Jan", "Jan.", "Feb", "Feb.", "Mar", "Mar.", "Apr", "Apr.", "Jun", "Jun.", "Jul", "Jul.", "Aug", "Aug.",
    "Sep", "Sep.", "Sept", "Sept.", "Oct", "Oct.", "Nov", "Nov.", "Dec", "Dec."))
_NUMBER = (rf"(?<![\w.,$-]){_NOT_AFTER_MONTH}(?!(?:19|20)\d\d(?!\d|[.,]\d))\d|"
           # "India being one of the highest importers" counts nothing
           r"\$\s?\d|\bone\b(?!\s+of\b)|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
           r"forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|double|twice)\b|"
           # "for the fourth consecutive year" counts the years in a row
           r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:consecutive|straight|successive)\b")
_HOW_MANY = re.compile(r"^\s*(?:\w+\s+)?how many\b", re.I)
# a portion asked of a whole is given in words as well as in figures
_HOW_MUCH_OF = re.compile(r"\bhow much of\b", re.I)
_PORTION = re.compile(r"\b(?:most|all|some|half|part|much|none|the (?:majority|bulk))\s+of\b", re.I)
# "hundreds of Indians" is a magnitude, no count: it answers only a question that asks roughly
_VAGUE = re.compile(r"\b(?:hundreds|thousands|millions|dozens)\b", re.I)
_ROUGHLY = re.compile(r"\b(?:roughly|about|around|approximately|in round terms)\b", re.I)
_IN_UNITS = re.compile(r"\b(?:dollars?|rupees?|billions?|millions?|crores?|lakhs?|per ?cent|percent|"
                       r"percentage points?)\b|[$%]", re.I)  # "how many billion dollars": money is the count
_AMOUNT_OR_SHARE = re.compile(rf"(?:{_MONEY})[\d,.]*(?:\s?(?:billion|million|trillion|crore|lakh)\b)?|"
                              r"\d[\d,.]*\s?(?:%|per cent\b|percent\b)", re.I)
# A figure of another measure does not answer: the deficit asked for is not the exports beside it
# (one side's deficit is the other's surplus, and one side's exports the other's imports).
_MEASURE_OF = {"deficit": BALANCE,
               "exports": "exports?|exported|imports?|imported|shipments|sales|purchases|bought|sold",
               "trade": TRADE_WHOLE}
_MEASURE_OF |= {"surplus": _MEASURE_OF["deficit"], "imports": _MEASURE_OF["exports"]}
# "How much did the US spend on deportation flights?": what is spent, paid or worth is money, and a
# count of deportees no answer
_SPENT = (r"^\s*how much\s+(?:\w+\s+){0,6}?(?:spend|spent|spends|cost|costs|pay|paid|pays|invest|invested|"
          r"worth|charge|charged)\b")

# (answer type, how a question asks for it, what a sentence that carries it looks like)
# A person is asked for; in "Which US State Department official ...?" the words of the office stand between
# ("Which issue did the official say ...?" asks for an issue: the words between hold no verb)
# ("Name the official who ..." asks as "Which official ...?" does; in "Which talks follow the ministers'
# meeting?" an article starts another phrase, and talks are asked for, while "Which American official's
# readout ...?" asks for the official; "Which of the officials ...?" asks for one of them)
# "What are the names of the chief negotiators?" asks for people too
_ASKS_PERSON = re.compile(r"^\s*(who|whom|whose)\b|"
                          r"(?:\bwhich|^\s*(?:name|identify)(?:\s+the)?|\bnames?\s+of(?:\s+the)?)\s+(?:of\s+the\s+)?"
                          r"(?:(?!(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|the|a|an)\b)"
                          r"[\w.’'-]+\s+){0,6}?(official|minister|secretary|person|spokesperson|spokes(?:wo)?man|expert|"
                          r"professor|economist|analyst|diplomat|president|leader|negotiator|ambassador|envoy|chief)s?\b",
                          re.I)


# "Who was the US president in January 2026?" asks for the holder of a role as much as "Which US president ...?"
# the last role word names the role: "the chief negotiators" are negotiators; "What are the names of the two
# countries' chief negotiators?" asks who they are
_WHO_HOLDS_ROLE = re.compile(r"^\s*(?:who\s+(?:is|was|are|were)|what\s+(?:is|are|was|were)\s+the\s+names?\s+of)\s+"
                             r"(?:the\s+)?(?:[\w.’'-]+\s+){0,3}"
                             r"(minister|secretary|spokesperson|spokes(?:wo)?man|president|ambassador|envoy|"
                             r"negotiator|representative|professor|chief)s?\b", re.I)


def role_asked(question: str) -> str | None:
    """The stem of the role a "which <role>" or "who is the <role>" question asks a person of (Query.role:
    "Which US president ...?" -> "presid"), or None."""
    # the holder of a role first: it names the role by its last word ("the two countries' chief negotiators")
    match = _WHO_HOLDS_ROLE.search(question)
    if match:
        return tokenize(match.group(1))[0]
    match = _ASKS_PERSON.search(question)
    return tokenize(match.group(2))[0] if match and match.group(2) else None


# "Who is Tammy Bruce?" asks what she is, not for a person; "Who is India's Foreign Secretary?" asks who holds
# the office
_WHO_IS_NAMED = re.compile(r"^\s*who\s+(?:is|was|are|were)\s+(?!(?:[\w.’'-]+\s+){0,6}(?:Secretary|Minister|President|"
                           r"Spokesperson|Ambassador|Chief|Representative)\b)(?:(?-i:[A-Z])[\w.’'-]*\s*){1,4}"
                           # "Who are Misri and Landau?" asks what each is too
                           r"(?:(?:and|&)\s+(?:(?-i:[A-Z])[\w.’'-]*\s*){1,4})?\?*\s*$", re.I)
# ... typed all in lower case ("who is lutnick?"): a name of one to three words, none of them a small word, a
# verb in "-ing" or "-ed", or a word that says what someone is ("who is leading the talks?", "who is responsible?")
_WHO_IS_NAMED_LOWER = re.compile(r"^\s*who\s+(?:is|was)\s+(?!(?:[a-z.’'-]+\s+){0,2}(?:secretary|minister|president|"
                                 r"spokesperson|ambassador|chief|representative|the|a|an|in|of|for|with|to|on|at|by|"
                                 r"about|from|and|responsible|accountable|involved|next|first|it|he|she|they|this|"
                                 r"that|[a-z]+ing|[a-z]+ed)\b)[a-z][a-z.’'-]*(?:\s+[a-z][a-z.’'-]*){0,2}\s*\?*\s*$")


def _who_is_named(question: str) -> bool:
    """Whether a question asks who a named person is (what they are), not for a person."""
    return bool(_WHO_IS_NAMED.match(question) or _WHO_IS_NAMED_LOWER.match(question))


# "When ...?", and a "when" the question asks about ("What is the latest word on when India will join?")
_WHEN = r"^\s*(?:when|until when|till when|by when|since when)\b|\b(?:on|about|as to) when\b"
_ANSWER_TYPES = [
    ("date", re.compile(rf"{_WHEN}|"
                        rf"\b(what|which) (?:{MONTH} |fiscal |financial |calendar )?"
                        rf"(dates?|days?|weekdays?|months?|years?)\b", re.I),
     re.compile(rf"\b({MONTH}|\d{{4}}|{WEEKDAY})\b", re.I)),
    ("number", re.compile(rf"{_HOW_MUCH}|\b(what|which) (level|tariff|duty)\b|{_MEASURE}", re.I),
     re.compile(r"\d")),
    ("person", _ASKS_PERSON,
     re.compile(r"\b(Minister|Secretary|President|Representative|spokesperson|official|professor|"
                r"[A-Z][a-z]+ [A-Z][a-z]+)\b")),
    ("place", re.compile(r"^\s*where\b|\bwhich (country|countries|nations?|city|cities|place)\b", re.I),
     re.compile(r"\b[A-Z][a-z]+")),
]
# The kind of value whose disagreement between articles is worth reporting (see conflicts.py);
# the first that matches wins, so "till when are the tariffs paused" asks for a date.
_VALUE_KINDS = [
    ("date", re.compile(rf"{_WHEN}|\b(what|which) (?:{MONTH} )?(dates?|days?|weekdays?)\b|\buntil what\b|"
                        r"^\s*on what\b", re.I)),
    ("percent", re.compile(r"\b(percent|percentage|per cent|growth|grow|grew|increase|increased|rise|rose|fell|"
                           r"decline|declined|rate|tariffs?|duty|duties)\b|%", re.I)),
    ("month_range", re.compile(r"\bmonths?\b", re.I)),
]
# A body that can act or speak: "the Ministry of External Affairs", "MEA", "the Office of the US Trade Representative"
_BODY_WORDS = r"Ministry|Department|Office|Agency|Commission|Bureau|Representative|Council"
_BODY = re.compile(rf"\b(?:{_BODY_WORDS})\b|\b[A-Z]{{3,5}}\b")
# What a sentence must carry to answer at all, for the answer types where its absence is decisive
# (a "which month" question needs a month; a "who" question a person's name).
_MONTH_OR_SEASON = rf"\b({MONTH}|spring|summer|fall|autumn|winter)\b"
_PERSON = r"\b[A-Z][a-z]+(?:\s+[A-Z]\.?)*\s+(?!Ministry|Department|Office|Affairs|Podcast|Secretary)[A-Z][a-z]{2,}\b"
# "How many (of the) (news) articles": a question about the collection itself. Those that ask how many
# mention some words are counted (_MENTIONS); every other is withheld (_REQUIRES)
_HOW_MANY_ARTICLES = (r"\bhow\s+many\s+(?:of\s+(?:the|these|those|your)\s+)?(?:news\s+)?"
                      r"(?:articles|stories|reports|documents|texts|pieces|files)")
_YEAR_TO_YEAR = r"\bfrom\s+(?:19|20)\d\d\s+(?:to|until|till)\b"  # a span by its years: "from 2009 to 2024"
# "What drove India's trade surplus in FY2024-25?" asks for a cause: the surplus's figure alone is none
# ("recorded a $41.18 billion trade surplus ..., driven by $86.51 billion in exports" gives one)
CAUSE_ASKED = re.compile(r"^\W*(?:what|which\s+\w+)\s+(?:drove|drives|has\s+driven|caused|causes|fuel(?:l)?ed|fuels|"
                         r"triggered|triggers|prompted|prompts|led\s+to|leads\s+to|spurred|spurs|pushed\s+up)\b", re.I)
_REQUIRES = [
    (CAUSE_ASKED, re.compile(r"\b(?:driven|fuel(?:l)?ed|caused|triggered|prompted|spurred|led|pushed\s+up)\s+by\b|"
                             r"\b(?:due\s+to|because\s+of|owing\s+to|thanks\s+to|on\s+the\s+back\s+of|"
                             r"as\s+a\s+(?:result|penalty|response)|in\s+(?:response|reply|answer)\s+to|amid|citing|"
                             r"following|after)\b", re.I)),
    # "On average, how many Indians were deported each year from 2009 to 2024?" asks for a rate: the
    # total over the years ("a total of 15,564") is none ("yearly" is left out: "What yearly shortfall
    # did America report for 2024?" asks for one year's figure)
    (re.compile(r"\b(?:on average|average|per (?:year|month|week|day|annum)|each (?:year|month)|"
                r"every (?:year|month))\b", re.I),
     re.compile(r"\b(?:averag\w*|per (?:year|month|week|day|annum)|a (?:year|month|week|day)|each (?:year|month)|"
                r"every (?:year|month)|annual(?:ly)?|yearly|monthly)\b", re.I)),
    (re.compile(r"\b(which|what) month", re.I), re.compile(_MONTH_OR_SEASON, re.I)),
    # "How long have India and the US been negotiating?" asks for a span of time: "around 19 chapters" counts
    # something else. A span is named in its units ("90-day", "for several years", "the past two decades"), or
    # by where it ends or runs ("until May 22", "from 2009 to 2024"); the days of a meeting ("talks held ...
    # from April 23-25") are not how long anything else has gone on
    (re.compile(r"^\W*(?:\w+\s+)?how long\b", re.I),
     re.compile(rf"\b(?:years?|decades?|months?|weeks?|days?|hours?)\b|-day\b|\b(?:until|till|since)\b|{_YEAR_TO_YEAR}",
                re.I)),
    # "How many days were the chief negotiators to meet?" asks for a count of days: "the chief negotiators of the
    # two countries ... will continue until May 22" counts countries. The sentence counts the unit of time ("a
    # 90-day pause", "for the fourth consecutive year") or runs from one year to another
    (re.compile(r"\bhow\s+many\s+(?:more\s+)?(?:days|weeks|months|years|decades|hours)\b", re.I),
     re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                r"fifty|sixty|ninety|hundred|several|a few|many|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                r"ninth|tenth)(?:[\s-]+(?:consecutive|straight|successive|more))?[\s-]+"
                rf"(?:days?|weeks?|months?|years?|decades?|hours?)\b|{_YEAR_TO_YEAR}", re.I)),
    # "On which weekday ...?" is answered by a day of the week, not by a date ("on April 2")
    (re.compile(r"\b(which|what) weekday|\bday of the week\b", re.I),
     re.compile(rf"\b({WEEKDAY})\b", re.I)),
    (re.compile(r"\b(which|what) year", re.I), re.compile(r"\b(19|20)\d{2}\b")),
    # "When did the deportation operations start?" asks for a beginning: "carrying out deportation operations
    # for several years now, the MEA said ... on March 17" dates the saying, "will continue until May 22" an end
    (re.compile(rf"(?:{_WHEN}|\b(?:what|which) (?:dates?|days?|month|year)\b)[^?]*\b(?:start|started|starts|begin|"
                r"began|begun|begins|commence[sd]?|get\s+under\s*way|got\s+under\s*way)\b", re.I),
     re.compile(rf"(?=[\s\S]*\b(?:{STARTS}|first)\b)"
                rf"[\s\S]*\b(?:{MONTH}|\d{{4}}|{WEEKDAY}|spring|summer|fall|autumn|winter)\b", re.I)),
    (re.compile(rf"{_WHEN}|\b(what|which) (dates?|days?)\b|\buntil what\b", re.I),
     re.compile(rf"\b({MONTH}|\d{{4}}|{WEEKDAY}|spring|summer|fall|"
                r"autumn|winter|today|yesterday|tomorrow|(?:week|month|year)s?)\b", re.I)),
    # "Where is Goyal from?" asks where someone comes from: "Goyal was in Washington in March" tells where he was
    (re.compile(r"^\s*where\s+(?:is|are|was|were|does|do|did)\s+[^?]*?\b(?:from|hails?\s+from|comes?\s+from)\s*\??\s*$",
                re.I),
     re.compile(r"\b(?:from|hails?|born|native|hometown|home\s+state)\b(?:\s+\w+){0,2}?\s+(?-i:[A-Z])\w", re.I)),
    # "Where is Pax Silica headquartered?" asks for a seat: an invitation "to India" gives none
    (re.compile(r"^\s*where\s+(?:is|are|was|were)\b[^?]*\b(?:headquartered|based|located|situated)\b", re.I),
     re.compile(r"\b(?:headquartered|headquarters|based|located|situated|seat)\b", re.I)),
    # "Where did Landau and Misri meet?" asks where people met: a sentence that names a place they were in or
    # at; a call ("held phone talks") or a virtual meeting took place nowhere it tells
    (re.compile(r"^\s*where\s+(?:did|do|does|will|would|have|has|had)\b[^?]*\b(?:meet|met|talk|discuss|confer)\w*",
                re.I),
     re.compile(r"^(?![\s\S]*\b(?:phone|telephone|virtual(?:ly)?|video)\b)[\s\S]*\b(?:in|at)\s+(?:the\s+)?"
                r"(?-i:[A-Z])\w", re.I)),
    # "Who wrote the article ...?" asks for a byline ("BY Anjali Sharma"), not for anyone the article names
    (re.compile(r"^\s*who\s+(?:wrote|authored|penned|filed)\b|\bwho\s+(?:is|was)\s+the\s+(?:author|writer)\b",
                re.I),
     re.compile(r"\b(?:BY|By)\s+[A-Z][a-z]+\s+[A-Z][a-z]+|\b(?:written|authored|filed)\s+by\b|\bcorrespondent\b")),
    (_ASKS_PERSON, re.compile(_PERSON)),
    # "How many articles mention Lutnick?" asks about the collection, not about what its articles tell: no
    # sentence answers it ("the two countries" counts no articles)
    (re.compile(rf"{_HOW_MANY_ARTICLES}\s+(?!(?:say|said|says)\b)(?:\w+\s+){{0,2}}?"
                r"(?:mention\w*|name\w*|cite\w*|quote\w*|refer\w*|talk\w*|discuss\w*|cover\w*|are|were|is|"
                r"contain\w*|include\w*|feature\w*|speak\w*|deal\w*)\b|"
                r"\bhow\s+many\s+(?:articles|stories|documents)\s+(?:are|were|is)\s+there\b", re.I),
     re.compile(r"(?!)")),
    # "Which Indian sectors face the 26 per cent tariff?": a sentence that names no sector, and lists
    # none, says nothing of which ("India's foodgrain and dairy markets" names two, as markets)
    (re.compile(r"\bwhich\s+(?:[\w-]+\s+){0,2}?(?:sectors|industries)\b", re.I),
     re.compile(r"\b(?:sectors?|industry|industries|markets|like|such as|including)\b", re.I)),
    # "Which Indian ministry responded ...?" is answered by a sentence naming a body ("the Ministry of
    # External Affairs", "MEA"); "Which company will make the chips?" by one naming a company
    (re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:ministry|ministries|department|agency|office|body|bodies)\b",
                re.I), _BODY),
    (re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:company|companies|firms?|manufacturers?|makers?)\b", re.I),
     re.compile(r"\b(?:Inc|Corp|Corporation|Ltd|Limited|Group|Co|Industries|Motors|Technologies)\b|"
                r"\b(?:company|companies|firms?|manufacturers?|makers?|conglomerates?)\b")),
    # a share is a percentage of something ("18 per cent of India's exports", "6.22 per cent in imports"):
    # "up 3.4 per cent" is a rise, and "USD 131.84 billion" no percentage at all
    (re.compile(r"\b(?:what|which)\s+(?:share|proportion|portion|fraction)\b|"
                r"\b(?:what|which)\s+(?:percentage|per cent|percent)\s+of\b", re.I),
     re.compile(r"\d(?:\.\d+)?\s?(?:%|per cent\b|percent\b)\s+(?:of|in)\b", re.I)),
    (re.compile(r"\b(?:what|which)\s+(?:percentage|per cent|percent)\b|\bin percent\b", re.I),
     re.compile(r"\d(?:\.\d+)?\s?(?:%|per cent\b|percent\b)", re.I)),
    # "How much more did America import in 2025 than the year before?" asks for the size of a change: "up
    # significantly from the previous year" gives none, "up 4.5 per cent ($3.7 billion)" does; so does
    # "the latest growth figure"
    # ("How much did total goods trade grow in 2024?" too: "$129.2 billion in 2024" is its size, not its growth)
    (re.compile(r"\bhow much (?:more|less|higher|lower|bigger|larger|smaller)\b|\bby how much\b|"
                r"\b(?:growth|increase|rise|decline|fall|drop)\s+(?:figure|rate)\b|"
                rf"{CHANGE_AS_THING}|"
                r"\bhow much\s+(?:did|has|have|had|does|do|will|would)\b[^?]*?\b(?:grow|grew|rise|rose|increase|"
                r"decrease|fall|fell|decline|drop|shrink|widen|narrow|expand|contract|jump|climb|surge)\b", re.I),
     re.compile(_CHANGE_FIGURE, re.I)),
    # "On what platform did Goyal describe the meeting?" is answered by a sentence naming one ("in a post on X",
    # "on the All-In Podcast"); "Goyal held discussions with Lutnick in Washington" names none
    (re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:platform|medium|outlet|forum|channel|programme|program|show)s?\b",
                re.I),
     re.compile(r"\b(?-i:X|Twitter|Facebook|Instagram|LinkedIn|YouTube|TV)\b|\b(?:podcast|interview|television|radio|"
                r"newspaper|social media|post|tweet|press conference|briefing|statement|readout|op-ed|column|website|"
                r"broadcast)s?\b", re.I)),
    (re.compile(rf"{_AMOUNT_ASKED}|{HOW_MUCH_TRADED.pattern}|{_SPENT}", re.I), re.compile(_MONEY, re.I)),
    # "What is the current tariff on Indian exports to the US?" asks for a levy's rate: "exports crossed the USD
    # 100 billion mark" gives a figure, and no rate, and "exports went up by 11.38%" a rate of change ("What
    # tariff revenue ...?", "What tariff concessions ...?" ask for other things). Asked in the present, the
    # levy is one in force: "The US has suspended the additional 26 per cent tariffs on India till July 9" tells
    # of none, unless the question asks of the pause, or of what was announced or threatened
    (re.compile(rf"^(?![^?]*\b(?:suspen\w*|paus\w*|halt\w*|defer\w*|delay\w*|lift\w*|announc\w*|threat\w*|"
                r"plann\w*|propos\w*)\b)(?=[^?]*\b(?:is|are|does|do|now|currently|current|today|presently|"
                rf"at present|in force|in effect|in place)\b)[^?]*?{_LEVY_RATE_ASKED}", re.I),
     re.compile(rf"^(?![\s\S]*\b(?:suspended|suspends|paused|pauses|on hold|deferred)\b)[\s\S]*?{_LEVY_FIGURE}",
                re.I)),
    (re.compile(_LEVY_RATE_ASKED, re.I), re.compile(_LEVY_FIGURE, re.I)),
    (re.compile(rf"{_HOW_MUCH}|{_MEASURE}", re.I), re.compile(_NUMBER, re.I)),
    # "What reason did the MEA give for the eight calls?" asks for a reason: that the calls were made gives none
    (re.compile(r"\b(?:what|which)\s+(?:\w+\s+)?(?:reasons?|causes?|grounds|explanation|motive|purpose|justification)\b",
                re.I),
     re.compile(r"\b(?:because|due to|owing to|since|as a (?:penalty|result|response)|citing|cited|reasons?|driven by|"
                r"in order to|so that|so as to|aimed at|aims? to|amid|over|for|to\s+(?!the\b|an?\b)(?-i:[a-z]+))\b",
                re.I)),
    # "What would opening the dairy sector cost Indian farmers?" asks for a cost: that the US wants the sector
    # opened tells none
    (re.compile(r"\bcosts?\b", re.I),
     re.compile(r"\b(?:cost|costs|costing|costly|price|prices|loss|losses|lose|loses|lost|hurt|harm|damage|spent|"
                r"spend|paid|pay|burden)\b", re.I)),
]
# "When was the tariff announced?": the date asked for is the announcement's. A sentence without the
# act ("suspended till July 9") gives the date of another act, so it cannot answer. Only the
# participle that ends such a question is taken: it is the act, and it rarely has another form.
_PREDICATE = re.compile(r"^\s*(?:when|until when|till when|by when|since when|on what date|in what year)\s+"
                        r"(?:was|were|is|are|will|has|have|had)\b.*?\b(?P<act>[a-z]{2,}(?:ed|en|wn|ld|nt|ung|ought))"
                        r"\s*\??\s*$", re.I)
RECENCY = re.compile(r"\b(now|currently|current|latest|most recent|recently|still|as of|today|these days|"
                     r"at present|presently|newest|so far)\b", re.I)

# a "yes" must not miss a "not"
_NEGATION = re.compile(r"\b(?:not|no|never|nor|without|neither)\b|n[’']t\b", re.I)


@dataclass(frozen=True)
class Query:
    """A question as analysed: what was asked, what is searched, and what kind of answer fits."""

    text: str  # the question as asked, white space folded
    searched: str  # the question to search and answer: ``text``, or its follow-up rewrite
    terms: tuple[str, ...]  # content terms of ``searched`` (stemmed, question words dropped)
    answer_type: str | None  # date, number, person, place, or None
    carries: re.Pattern | None  # what a sentence carrying that type looks like
    value_kind: str | None  # percent, month_range or date: values compared across articles
    recency: bool  # asks about the latest state ("now", "currently", ...)
    constraints: Constraints = Constraints()  # countries, names and periods an answer must be about
    requires: re.Pattern | None = None  # what a sentence must carry to be an answer at all
    parts: tuple[Query, ...] = ()  # a question that asks for several things: each part, analysed
    act: str | None = None  # the stemmed act whose date a "when was X <act>?" question asks for
    premise: str | None = None  # the stemmed act a "why did X <act>?" question takes for granted
    premise_by: str | None = None  # the country that did it, when the question names one
    topic: frozenset[str] = frozenset()  # what "what did X say about Y?" asks X's words on (see said_topic)
    doing: str | None = None  # the act "what did X <act> ...?" asks about (see asked_doing)
    measure: str | None = None  # what the figure asked is of: "deficit" (or surplus, gap), "exports" (or imports)
    whether: bool = False  # a yes-or-no question ("Did ...?", "Is ...?")
    role: str | None = None  # the stem of the role a "which <role>" question asks a person of ("presid")
    mentions: str | None = None  # the words a "How many articles mention <words>?" question counts (see mentioned)

    def __str__(self) -> str:
        return self.searched

    def carried_by(self, sentence: str, people: frozenset[str] = frozenset(), before: str = "") -> bool:
        """Whether ``sentence`` carries what an answer must (``requires``). A person asked for must be
        named with a word the question does not use: "the US Trade Representative" names no one; a
        country asked for must be one the question does not name. ``people`` are the surnames the
        sentence's article gives in full elsewhere: "According to Lutnick" names Howard Lutnick. The
        speaker asked about may be the "he" of "he said" when the sentence ``before`` names them."""
        if (before and self.requires is not None and self.answer_type != "person" and _HE_SAID.search(sentence)
                and _SAID_BY.search(self.searched) and self.requires.search(before)):
            return True
        if _HOW_MANY_COUNTRIES.search(self.searched) and len(countries_in(sentence) - countries_in(self.searched)) > 1:
            return True  # "How many countries ...?": "pacts with Indonesia, the Philippines and Vietnam" counts them
        if self.answer_type == "place" and _WHICH_COUNTRY.search(self.searched):
            # "Which country did India replace ...?": a country the question does not name; "Which countries
            # ...?" asks for more than one ("pacts with Indonesia, the Philippines and Vietnam"), and the
            # one other country of "the India–US trade agreement" is no answer to it
            others = countries_in(sentence) - countries_in(self.searched)
            return len(others) > 1 if _COUNTRIES.search(self.searched) else bool(others)
        if self.requires is None:
            return True
        if self.answer_type == "number" and _HOW_MUCH_OF.search(self.searched) and _PORTION.search(sentence):
            return True  # "How much of the deal's terms have been negotiated?": "Most of the terms"
        if self.answer_type == "number":
            # the question's own figures are no answer: "How long will the 10 per cent tariff stay?"
            for figure in set(re.findall(r"\d[\d,.]*\d|\d", self.searched)):
                sentence = re.sub(rf"(?<![\d.,]){re.escape(figure)}(?![\d])", " ", sentence)
            if _HOW_MANY.search(self.searched) and not _IN_UNITS.search(self.searched):
                # a count: "$41.8 billion" or "18 per cent" is no number of semiconductors
                sentence = _AMOUNT_OR_SHARE.sub(" ", sentence)
            if not _ROUGHLY.search(self.searched):
                sentence = _VAGUE.sub(" ", sentence)
        if self.answer_type == "date":
            sentence = _SPAN_BACK.sub(" ", sentence)
        if self.answer_type != "person":
            return self.requires.search(sentence) is not None
        if (held := _WHO_HOLDS_ROLE.search(self.searched)) and not _role_named(held.group(1), sentence):
            # "Who are the chief negotiators of the two countries?": "Commerce and Industry Minister Piyush
            # Goyal ... held discussions with US Commerce Secretary Howard Lutnick" names none as a negotiator
            return False
        if speaking_body(self, sentence) is not None:
            # "Who said the US had been carrying out deportation operations?": "... the Ministry of External
            # Affairs said"; the body must be the one saying it, within a few words of the verb
            return True
        if (_WHOSE.match(self.searched) or _COUNTRY_ROLE.search(self.searched)) \
                and countries_in(sentence) - countries_in(self.searched):
            # "Whose crude is India offering to buy?": "American crude oil"; "Who is India's largest
            # trading partner?": "The US"
            return True
        asked = set(re.findall(r"\w+", self.searched.lower()))
        if _WHOSE.match(self.searched) and any(set(m.group().lower().split()) - asked
                                               for m in _ORGANISATION.finditer(sentence)):
            return True  # "Whose data showed ...?": "the data of the Commerce Ministry"

        def someone_else(m: re.Match) -> bool:
            # "Prime Minister Modi’s visit" is the office of the question's own Modi, and "Piyush Goyal" the
            # Goyal of "Who gave the readout of the Goyal-Lutnick meeting?"
            holder = re.match(r"(?:\s+[A-Z][a-z]+){1,2}", sentence[m.end():])
            words = set(re.findall(r"\w+", m.group().lower()))
            return (bool(words - asked) and names_someone(m.group()) and not words & self.constraints.names
                    and not (holder and set(re.findall(r"\w+", holder.group().lower())) & asked))

        if any(someone_else(m) for m in self.requires.finditer(sentence)):
            return True
        return bool(people & {w.lower() for w in re.findall(r"\b[A-Z][a-z]{2,}\b", sentence)} - asked)


def _role_named(role: str, sentence: str) -> bool:
    """Whether ``sentence`` names ``role`` ("negotiator"), or another word for it (_ROLES: "the commerce chief"
    is "Commerce Secretary Howard Lutnick"), in either number."""
    word = role.lower()
    return re.search(rf"\b(?:{'|'.join(sorted(_role_words(word) | {word}))})s?\b", sentence, re.I) is not None


def affirms(query: Query, sentence: str) -> bool:
    """Whether ``sentence`` says yes to a yes-or-no question: it has every word of the question
    beside its countries (which the constraints check, named as the sentence names them: "US" or
    "United States"), and neither of them is negated. A sentence that only shares the topic says
    nothing, so no "no" is ever inferred either."""
    if not query.whether or _NEGATION.search(query.searched) or _NEGATION.search(sentence):
        return False
    words = set(content_terms(country_pattern()[0].sub(" ", query.searched)))
    return bool(words) and words <= set(tokenize(sentence))


def check_question(question, max_chars: int) -> str:
    """The question with white space folded, or a RagError saying what is wrong with it."""
    if not isinstance(question, str) or not question.strip():
        raise RagError("the question is empty")
    question = " ".join(question.split())
    if len(question) > max_chars:
        raise RagError(f"the question is {len(question)} characters long; the limit is {max_chars}")
    return question


def answer_type(question: str) -> tuple[str | None, re.Pattern | None]:
    """The kind of thing a question asks for: date, number, person, place, or None."""
    if _who_is_named(question):
        return None, None
    for name, asks, carries in _ANSWER_TYPES:
        if asks.search(question):
            return name, carries
    return None, None


# "What did China say about the talks?" asks for words someone spoke: a sentence must report words
# of that speaker, so "its rivalry with China" or "he said ... trade pacts with Indonesia" will not do
# The verb is matched in lower case: "What did the US State Department's spokesperson say?" is not the
# US stating something.
_SAID_BY = re.compile(r"^\s*what (?:did|does|do|has|have|had) (?P<who>.+?) "
                      r"(?-i:say|said|tell|told|state|claim|write|describe|call(?![^?]*\b(?:about|for|off|up|back)\W*$))\b",
                      re.I)
_SPEECH = (r"(?:said|says|say|saying|told|tells|stated|noted|added|remarked|announced|claimed|speaking|spoke|"
           r"argued|warned|suggested|insisted|explained|urged|reiterated|stressed|asserted|emphasi[sz]ed|observed|"
           r"pointed out|confirmed|responded|replied|wrote|quoted|expressed|described)")
# the verbs a report puts before its speaker ("..., said Goyal", "added the official"); after the others the
# one named is spoken to or of: "described Prime Minister Narendra Modi as a close partner", "told Modi"
_SPEECH_BEFORE_SPEAKER = (r"(?:said|says|noted|added|remarked|argued|insisted|explained|reiterated|stressed|asserted|"
                          r"emphasi[sz]ed|observed|wrote|according to)")


# A speaker described by role may be named by another word of the same role: "the former diplomat" is
# "Former External Affairs Ministry official Pinak R Chakravarty"; "the commerce chief" "US Commerce Secretary
# Howard Lutnick"; "the government insider" "a government source". The other constraints still hold: a
# country or office the question names must be the speaker's.
_ROLES = [frozenset(words.split()) for words in (
    "diplomat diplomats official officials envoy secretary",
    "chief head secretary minister",
    "insider insiders source sources official officials",
    "expert experts analyst analysts professor economist economists",
)]


def _role_words(word: str) -> set[str]:
    """The words of every role (_ROLES) that ``word`` is a word of ("chief" -> chief, head, secretary, ...)."""
    return {w for role in _ROLES if word in role for w in role}


# "What does the government source currently say ...?": an adverb after the speaker is no part of them;
# "What did Goyal's post on X say ...?": a statement speaks for the one whose it is
_SPEAKER_ADVERB = re.compile(r"(?:\s+(?:currently|recently|publicly|officially|reportedly|initially|previously|first|"
                             r"later|finally|eventually|actually|really|again|once|now|still|also|ever|just|then|"
                             r"today|most))+$", re.I)
_STATEMENT_OF = re.compile(r"^(?P<who>.+?)[’']s\s+(?:[\w-]+\s+)?(?:post|posts|tweet|tweets|statement|statements|"
                           r"letter|remarks|comments|message|speech|readout|interview)\b", re.I)


def speaker(who: str) -> str:
    """Who speaks, of the words a "what did <who> say?" question puts before "say"."""
    who = _SPEAKER_ADVERB.sub("", who) or who
    statement = _STATEMENT_OF.match(who)
    return statement["who"] if statement else who


# Words before a speaker's role that say nothing of their field: "the top diplomat" may be the Foreign Secretary
_RANK_WORDS = frozenset("the a an some two several other top senior leading key unnamed anonymous high-ranking "
                        "certain most former".split())


def _words_of(who: str) -> re.Pattern:
    """A sentence in which ``who`` speaks: "<who> ... said", "said <who>", "according to <who>"."""
    word = re.sub(r"'s$", "", who.split()[-1]).lower()
    same = sorted(w for w in _role_words(word) if w.rstrip("s") != word.rstrip("s"))
    # another word of the role keeps the field the question gives it: "diplomatic sources" are not any
    # "officials", though "Commerce Ministry officials" are "the commerce chief"'s kind
    fields = [w[:6] for w in re.findall(r"[\w-]+", country_pattern()[0].sub(" ", " ".join(who.split()[:-1])))
              if w.lower() not in _RANK_WORDS]
    field = (r"(?:" + "|".join(re.escape(f) for f in fields) + r")[\w-]*\W+(?:[\w-]+\W+){0,3}?") if fields else ""
    other = f"(?:{field}(?:" + "|".join(re.escape(w) for w in same) + "))" if same else ""
    # a role's word in either number ("a government source" for "government sources"); a name as it is
    own = f"{re.escape(word.rstrip('s'))}s?" if any(word in role for role in _ROLES) else re.escape(word)
    if re.fullmatch(r"[A-Z]{2,5}", who.split()[-1]):
        # "the MEA" speaks as "the Ministry of External Affairs" too: a capitalized word for each letter,
        # small words between
        between = r"[\w’'-]*\s+(?:(?:of|and|for|the|on|&)\s+)*"
        own = f"(?:{own}|{between.join(f'(?-i:{letter})' for letter in who.split()[-1])}[\\w’'-]*)"
    head = f"(?:{own}|{other})" if other else f"(?:{own})"
    near = r"(?:\W+\w+){0,6}?\W+"
    # the speaker's title and where they spoke may come between: "Tammy Bruce, spokesperson for the US
    # State Department, in a readout of the phone call said", within the clause and outside a quote; not
    # "..., said the official", where the words are another's
    far = r"(?:[^\w.;:“”\"]+\w+){7,15}?[^\w.;:“”\",]+"
    # "said Goyal" names the speaker after the verb; "confirmed that Modi has made eight calls" one spoken of.
    # "Modi later agreed to make the call, he said" is another's words of him
    return re.compile(rf"\b{head}\b(?:{near}|{far})(?<!\bhe\s)(?<!\bshe\s)(?<!\bthey\s)(?<!\bwe\s){_SPEECH}\b"
                      rf"|\b{_SPEECH_BEFORE_SPEAKER}(?!\s+that\b){near}(?:\w+\W+){{0,4}}?{head}\b", re.I)


# "What did Pinak Chakravarty say about dairy?": words of his on something else do not answer
# (when they said it may come between: "What did the MEA say on Monday about dairy?")
_ABOUT = re.compile(r"\b(?:say|said|tell|told|state|claim|write)\s+(?:\w+\s+){0,3}?about\s+(?P<topic>[^?]+)", re.I)
_ANY_TOPIC = frozenset(tokenize("the a an its their this that these those proposed new current latest india us "
                                "indian american deal talks trade"))


# and "What did Biswajit Dhar say may be possible?" asks for his words on what may be possible, not on
# India's position, though he said both
_SAID_WHAT = re.compile(r"\b(?:say|said|tell|told|state|claim|write)\s+(?P<topic>[^?]+)", re.I)


# "What did Indian negotiators offer regarding American natural gas?" asks of their offer on gas: one on
# crude oil does not answer
_REGARDING = re.compile(r"\b(?:regarding|concerning|with regard to|in relation to)\s+(?P<topic>[^?,]+)", re.I)


# "... about Indian agriculture on the All-In Podcast?": the podcast is where he spoke, not of what
_SETTING = re.compile(rf"\s+(?:on|in|at|during)\s+(?:the\s+|a\s+|an\s+)?(?:(?:(?-i:[A-Z])[\w-]*\s+)*(?:podcast|show|"
                      rf"interview|post|summit|meeting|conference|briefing|readout|call)s?\b|(?-i:X)\b|"
                      rf"(?:{WEEKDAY}|{MONTH})\b)", re.I)


def said_topic(question: str) -> frozenset[str]:
    """Stems of what a "what did X say about Y?" (or "say Y ...", or "... regarding Y?") question asks
    X's words, or X's act, on (any one will do)."""
    said = _SAID_BY.search(question)
    if said:
        # "What did Lutnick say the US had moved on to?" asks of an act said to be done (asked_doing)
        match = _ABOUT.search(question) or (None if asked_doing(question)
                                            else _SAID_WHAT.search(question, said.end("who")))
    else:
        match = _REGARDING.search(question) if _WHAT_DID.match(question) else None
    if not match:
        return frozenset()
    # where or when it was said is no part of what it was said about
    topic = _SETTING.split(match["topic"], maxsplit=1)[0]
    # the "s" of "India's" is no topic
    return frozenset(t for t in content_terms(topic)
                     if t not in _ANY_TOPIC and not t[0].isdigit() and len(t) > 1)


# "What did India offer the US in the dairy sector?": the act asked about must be the sentence's (or
# the one before's); "the US wanted India to open ... dairy" offers nothing. Speech is _SAID_BY's.
# ("What did Goyal and Lutnick sign ...?": two doers joined by "and" are one subject)
_WHAT_DID = re.compile(r"^\s*what\s+(?:did|does|do|has|have|had)\s+(?:the\s+)?"
                       r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*"
                       r"(?:\s+and\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*)?"
                       r"\s+(?P<rest>.*)$", re.I)
# acts that ask of no act of their own: saying, naming, doing anything, having
_NOT_ACTS = SPEECH_ACTS | frozenset(tokenize("call describe mean do does have has had think", ()))
# "Indian negotiators reportedly offer in ...", "the Indian minister post on ...": the act is the word
# before the object (a determiner, a preposition, a name), after any nouns and adverbs of the subject
_OBJECT_START = frozenset("the a an in on to for about with from at of by this that its their his her them it "
                          "regarding concerning including involving "  # prepositions in "-ing"
                          # and the words of a time ("What did Washington freeze until July 9?": "freeze")
                          "until till since before after during".split())


# "What did Lutnick say the US had moved on to?": the act said to be done is asked about too
_SAID_DONE = re.compile(r"^\s*(?:what|which(?:\s+\w+)?)\s+did\s+.+?\s+say\s+(?:that\s+)?(?:the\s+)?[\w.’'-]+\s+"
                        r"(?:had|has|have|was|were|would|will|could)\s+(?P<act>[a-z]+)\b", re.I)


_PREPOSITIONS = frozenset("towards toward about on in for against with from at by behind under over into onto upon "
                          "after before between among within without across until till since during".split())


# "Who will sign the trade deal for India?": a sentence that speaks of no signing cannot say who will
_WHO_WILL = re.compile(r"^\s*who\s+(?:will|would|is going to|is set to|is expected to|is due to)\s+(?P<act>[a-z]+)\b",
                       re.I)
# "What would eliminate the US trade gap entirely?" asks what would do that act: "the BTA as a tool to narrow
# this gap" tells of another (a word after "could" that opens a noun phrase is the doer's, no act: "What will
# sectoral expert talks move to?", "What would opening the dairy sector cost?")
_WHAT_WOULD = re.compile(r"^\s*what\s+(?:could|would|might|may|can|will)\s+(?:help\s+(?:to\s+)?)?"
                         r"(?!(?:the|this|that|these|those|its|their|his|her|our|any|some|such|be|have|happen)\b)"
                         r"(?P<act>(?-i:[a-z]{3,}))\b(?<!ing)(?<!al)(?!\s+(?:be|have|do)\b)", re.I)
# and "Who announced the end of the talks?" takes the announcement for done: "From India's end, there are no
# further demands" tells of none (a verb in the past, written regularly, is surely the act)
_WHO_DID = re.compile(r"^\s*who\s+(?P<act>(?-i:[a-z]{3,}ed))\b", re.I)
# "Who did not personally reach out to Trump?" asks for the one who did not do it, as "Who reached out ...?" asks
# for the one who did (the act, not its adverb)
_WHO_DID_NOT = re.compile(r"^\s*who\s+(?:did\s+not|didn[’']t|never)\s+(?:(?-i:[a-z]+ly)\s+)?(?P<act>(?-i:[a-z]{3,}))\b",
                          re.I)


# "What did the 10 per cent baseline tariff replace?": with "the" and no name before it, the doer is a thing, and
# the word that ends the question is the act (unless it is a particle: "What did the US give up?")
_ENDS_WITH_ACT = re.compile(r"^\s*what\s+(?:did|does|do|will|would|has|have|had)\s+the\s+(?-i:[a-z0-9])[^?,]*?\s+"
                            r"(?P<act>(?-i:[a-z]{3,}))\s*\?*\s*$", re.I)
_PARTICLES = frozenset("up down out off away back over through".split())


def asked_doing(question: str) -> str | None:
    """The stemmed act a "what did X <act> ...?" question asks about ("offer"), if not speech, or
    the act a "what did X say Y had <act>?" question asks X's words on ("moved"), or the act whose
    doer a "who will <act> ...?" or "who <act>ed ...?" question asks for ("sign")."""
    will = _WHO_WILL.match(question) or _WHO_DID.match(question) or _WHO_DID_NOT.match(question) \
        or _WHAT_WOULD.match(question)
    if will and (stems := tokenize(will["act"])) and stems[0] not in _NOT_ACTS:
        return stems[0]
    said = _SAID_DONE.match(question)
    # "... say the discussions were towards?": a preposition is no act
    if (said and said["act"].lower() not in _PREPOSITIONS and (stems := tokenize(said["act"]))
            and stems[0] not in _NOT_ACTS):
        return stems[0]
    ends = None if _SAID_BY.search(question) else _ENDS_WITH_ACT.match(question)  # words said are _SAID_BY's
    if ends and ends["act"].lower() not in _PREPOSITIONS and ends["act"].lower() not in _PARTICLES:
        return _act_stem(ends["act"])
    match = _WHAT_DID.match(question)
    words = re.findall(r"[A-Za-z]+", match["rest"]) if match else []
    for i, word in enumerate(words[:3]):
        after = words[i + 1] if i + 1 < len(words) else ""
        if word.lower() in ("do", "does", "did"):  # "What did India and the US do days before ...?" asks any act
            return None
        # "What did the US give up?": the act is the verb, not the particle after it
        if (word.islower() and not word.endswith("ly") and word not in _PREPOSITIONS and word not in _PARTICLES
                and (not after or after in _OBJECT_START or after[0].isupper() or after.lower() in _PARTICLES)):
            return _act_stem(word)
    return None


def _act_stem(word: str) -> str | None:
    """The stem of ``word`` as the act a question asks about; None when it asks of no act of its own
    (saying, doing anything) or is a question word."""
    stems = tokenize(word)
    return stems[0] if stems and stems[0] not in _NOT_ACTS and stems[0] not in QUESTION_STEMS else None


# "Who said ...?" may be answered by a body that said it, as "Which ministry ...?" is
_WHO_SAID = re.compile(rf"^\s*who\s+(?:had\s+|has\s+)?{_SPEECH}\b", re.I)
_BODY_SAID = re.compile(rf"(?:{_BODY.pattern})(?:\W+\w+){{0,5}}?\W+(?i:{_SPEECH})\b|"
                        rf"\b(?i:{_SPEECH})(?:\W+\w+){{0,3}}?\W+(?:the\s+)?(?:{_BODY.pattern})")
# a body's whole name: "the Ministry of External Affairs", "the US Trade Representative", "MEA"
_BODY_NAME = re.compile(rf"\b(?:[A-Z][\w’'-]*\s+)*(?:{_BODY_WORDS})(?:\s+(?:of|for)(?:\s+the)?(?:\s+[A-Z][\w’'-]*)+)?"
                        rf"|\b[A-Z]{{3,5}}\b")


def asks_who_said(query: Query) -> bool:
    """Whether ``query`` asks who said something ("Who said the deal lost momentum?")."""
    return _WHO_SAID.match(query.searched) is not None


def asks_words_of(query: Query) -> bool:
    """Whether ``query`` asks for someone's words ("What did Lutnick say ...?", "What did Trump call Modi?",
    where "call" names, not phones)."""
    return _SAID_BY.search(query.searched) is not None


# what follows a speaker's name: "Howard Lutnick said", "Dhar, a former professor, noted"
SAYS_AFTER = re.compile(rf"(?:\s*,[^,.;]{{0,80}},)?\s+(?i:{_SPEECH})\b")


def speaking_body(query: Query, sentence: str) -> str | None:
    """The body that says, in ``sentence``, what a "Who said ...?" question asks about ("... the Ministry of
    External Affairs said" -> "Ministry of External Affairs"); None for other questions, or when no body
    says it."""
    said = _BODY_SAID.search(sentence) if asks_who_said(query) else None
    if said is None:
        return None
    return next((m.group() for m in _BODY_NAME.finditer(said.group())), None)


_HE_SAID = re.compile(r"\b(?:he|she)\s+(?:said|added|noted|observed|told)\b|\bsaid\s+(?:he|she)\b", re.I)

# "What did she say ...?": the part before names her (see required_form)
_SPEAKER_PRONOUNS = frozenset("he she they it".split())
# "What do the latest reports say ...?" asks what the articles say, not for someone's words
_REPORTS = frozenset("reports report articles article news stories story coverage media papers".split())


# "Which Indian states depend on staple crops?" is answered by a sentence naming a state ("Kerala"); one that
# names farmers, or grapes, says nothing of which. "The United States", "the state of the talks" ask no state.
_WHICH_STATE = re.compile(r"\b(?:which|what)\s+(?:(?!(?:is|are|was|were|the|a|an|united)\b)[\w.’'-]+\s+){0,2}?"
                          r"(?:states|state|provinces|province)\b(?![\w-]|\s+of\b)", re.I)


def required_form(question: str) -> re.Pattern | None:
    """What a sentence must carry to answer ``question`` at all (None: no such requirement)."""
    if (which_state := _WHICH_STATE.search(question)):  # "Which US state ...?" asks for a US state
        codes = countries_in(which_state.group())
        return state_pattern(next(iter(codes)) if len(codes) == 1 else None)
    said = _SAID_BY.search(question)
    who = speaker(said["who"]) if said else ""
    if said and who.split()[-1].lower() in _SPEAKER_PRONOUNS:
        return None  # "What did she say ...?": the part before names her, and its names are required
    if said and who.split()[-1].lower() not in _REPORTS:
        return _words_of(who)
    if _who_is_named(question):
        return None
    return next((form for asks, form in _REQUIRES if asks.search(question)), None)


# "What bilateral trade did India and the US record in 2023-24?" names the measure before its verb ("What share
# of India's imports does the US account for?" asks for a share)
_MEASURE_BEFORE_VERB = re.compile(r"^\s*(?:what|how much)\s+(?:(?!(?:did|does|do|has|have|had|was|were|is|are|of)\b)"
                                  r"[\w.'’-]+\s+){0,3}?(?P<head>deficit|surplus|exports|imports|trade)\s+"
                                  r"(?:did|does|do|has|have|had|was|were|is|are)\b", re.I)


# "What did India export to the US in FY2023-24?" asks for what was sold, goods or their value: a figure of
# the surplus that the sentence before defines with the word "exports" is neither
_WHAT_TRADED = re.compile(r"^\s*what\s+(?:did|does|do|has|have|had|will|would)\s+(?:(?!(?:say|said|tell|told)\b)"
                          r"[\w.'’-]+\s+){1,4}?(?:export|exported|import|imported|ship|shipped|sell|sold)\b", re.I)


def asked_measure(question: str) -> str | None:
    """The measure a figure is asked of ("What was the US deficit ...?" -> "deficit"), if one of
    those whose figures a sentence of another measure cannot give."""
    if HOW_MUCH_TRADED.search(question) or _WHAT_TRADED.search(question):
        return "exports"  # "How much did India export ...?": exports, by the verb
    measure = re.search(_MEASURE, question, re.I) or _MEASURE_BEFORE_VERB.search(question)
    head = measure["head"].lower() if measure else None
    if head in ("value", "total", "size", "worth"):
        # "the bilateral trade value", "the value of bilateral trade": the value is of trade ("the
        # combined worth of commerce" too)
        near = question[max(0, measure.start("head") - 30):measure.end("head") + 40].lower()
        named = re.findall(r"\b(deficit|surplus|exports|imports|trade|commerce)\b", near)
        head = {"commerce": "trade"}.get(named[0], named[0]) if named else head
        if {"exports", "imports"} <= set(named):  # "the combined value of exports and imports" is trade's
            head = "trade"
    return {"surplus": "deficit", "imports": "exports"}.get(head, head) if head in _MEASURE_OF else None


_MEASURE_WORDS = re.compile("|".join(rf"(?P<{kind}>\b(?:{words})\b)" for kind, words in _MEASURE_OF.items()), re.I)
_AFTER_FIGURE = re.compile(r"[\w.,]*\s+(?:in\s+|of\s+)?(?:[\w-]+\s+)?")  # "... billion in exports", "... trade surplus"


def names_measure(measure: str, sentence: str, before: str) -> bool:
    """Whether ``sentence`` gives a figure of ``measure``: it names it and no other; or, naming others
    too, a figure of its own is of it (the measure right after the figure, else the nearest before it,
    brackets aside: "a trade surplus (the difference between imports and exports) of USD 41.18
    billion" is a surplus, "$86.51 billion in exports" exports); or it names none and leans on a
    sentence before that names it ("It was USD 35.32 billion in 2023-24")."""
    def named(kind: str, text: str) -> bool:
        return re.search(rf"\b(?:{_MEASURE_OF[kind]})\b", text, re.I) is not None
    plain = re.sub(r"\([^)]*\)", " ", sentence)
    # one side's exports are the other's imports (its flow is checked apart): "shipments to the US rose more
    # than 22%" names exports and no other measure
    others = [kind for kind, words in _MEASURE_OF.items() if words != _MEASURE_OF[measure] and named(kind, plain)]
    if named(measure, plain):
        if not others:
            return True
        for figure in re.finditer(_MONEY, plain, re.I):
            after = _AFTER_FIGURE.match(plain, figure.end())
            owner = _MEASURE_WORDS.match(plain, after.end()) if after else None
            before_it = list(_MEASURE_WORDS.finditer(plain, max(0, figure.start() - 100), figure.start()))
            owner = owner or (before_it[-1] if before_it else None)
            if owner is not None and owner.lastgroup == measure:
                return True
        return False
    # the sentence before names the measure as its own, not in brackets beside another ("a trade surplus (the
    # difference between imports and exports) of USD 41.18 billion ... It was USD 35.32 billion in 2023-24"
    # gives no exports)
    plain_before = re.sub(r"\([^)]*\)", " ", before)
    return not others and not named(measure, sentence) and named(measure, plain_before) and not any(
        named(kind, plain_before) for kind, words in _MEASURE_OF.items() if words != _MEASURE_OF[measure])


# "Which Indian sectors face the 26 per cent tariff?" asks for things, not a value to compare; "What
# were US goods exports ...?" asks for a value (a verb ends the thing asked for)
# ("Besides chemicals, which exports surged?" asks for things as well)
_WHICH_THING = re.compile(rf"^\s*{SET_ASIDE_FIRST}(?:which|what)\s+"
                          r"(?!(?:months?|dates?|days?|years?|percentage|share|rate|level|tariff)\b)"
                          r"(?:(?!(?:is|are|was|were|did|does|do|has|have|had|will|would)\b)[\w-]+\s+){0,2}?"
                          r"(?:sectors?|products?|goods|exports|imports|shipments|countries|country|officials?|items|"
                          r"areas|issues|nations?|companies|firms|initiatives?|categor(?:y|ies)|segments?|"
                          r"industr(?:y|ies)|commodit(?:y|ies))\b"
                          # "What kind of tariff system ...?" asks for a kind, not a rate
                          rf"|^\s*{SET_ASIDE_FIRST}(?:which|what)\s+(?:kinds?|types?|sorts?)\s+of\b", re.I)


# "What did India and the US do days before the reciprocal tariffs kicked in?" asks what was done or
# said, not a value: the tariff it names is no rate to compare between articles
# "What happened before the April 2 tariffs took effect?" asks for an event (read by short answers too)
WHAT_HAPPENED = r"^\s*what\s+(?:(?:has|had|will|would|is|was)\s+)?happen\w*\b"
_WHAT_DONE = re.compile(rf"^\s*what\s+(?:did|does|do|has|have|had)\b.*?\b(?:do|say|tell|discuss|ask|want|seek)\b|"
                        rf"{WHAT_HAPPENED}", re.I)


def asks_for_things(question: str) -> bool:
    """Whether a question asks which things ("Which exports surged ...?"), not for a value."""
    return _WHICH_THING.search(question) is not None


def value_kind(question: str) -> str | None:
    """The kind of value a question asks for, if it asks for one that articles can disagree on."""
    # a yes-or-no question ("Did the deficit grow or shrink in 2024?") asks for no value: the articles'
    # 5.4 and 5.1 per cent are no disagreement on whether it grew
    # nor does a reason: "Why were the 26 per cent tariffs announced?" is not asked which rate they were
    # an amount of money is never compared (see conflicts.py), though "increase" alone would ask for a percentage
    if IN_MONEY.search(question) or asks_for_things(question) or _WHAT_DONE.search(question) \
            or WHETHER.match(question) or re.match(r"\s*(?:why|for what reason|how come)\b", question, re.I):
        return None
    return next((kind for kind, pattern in _VALUE_KINDS if pattern.search(question)), None)


# the part before, in brackets at the end of a part that leans on it (see split_parts)
_LEANED_ON = re.compile(r"\s*\([^()]*\)\s*(?=\?\s*$)")


def own_words(question: str) -> str:
    """A part's own words, without the part before it that it leans on, in brackets (see split_parts)."""
    return _LEANED_ON.sub("", question)


# "When did Trump visit India?" takes the visit for done: the date of a sentence that tells of no visit
# ("migrants ... sent back by the Trump administration arrived in India in February 2025") is another
# act's. With no word classes to hand (no tagger ships here), the act is read only after a doer named by
# capitals ("Trump", "India and the US", "the MEA"), where the next word in lower case is the verb; after
# "the first load of migrants" nouns and verbs cannot be told apart, and no act is read.
_NAMED_DOER = r"(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*"
_WHEN_DID = re.compile(r"^\s*(?:when|on what date|on which date|what date|on what day|on which day|in what year|"
                       r"in which year|in what month|in which month)\s+"
                       r"(?P<aux>did|does|do|will|would|is|are|was|were|has|have|had)\s+"
                       rf"{_NAMED_DOER}(?:\s+(?:and|&)\s+{_NAMED_DOER})?"
                       r"(?:\s+(?:first|most|last|next|\w+ly))*\s+(?P<act>(?-i:[a-z]{2,}))\b"
                       r"(?P<after>\s+[\w’'-]+)?", re.I)
# what may follow the verb when the next word is in lower case ("hold their second call", "stop importing"); any
# other word may too ("announce reciprocal tariffs") unless the word read as the act is a noun (_NOUN_END)
_AFTER_VERB = re.compile(r"\s+(?:the|a|an|their|its|his|her|this|that|with|in|to|on|for|into|at|from|by|about|over|"
                         r"up|out|back|off|down|\w+ing|\w+ly)$|\s+(?-i:[A-Z0-9])")
# a word that ends so, or one of these, is a noun before the verb, no verb: "the US-India COMPACT initiative
# launch", "the India-EU trade negotiations begin"
_NOUN_END = re.compile(r"(?:tion|sion|ment|ness|ity|ship|ance|ence|ive|ers?|ors?|al|ism|ist|ure|age|ies)$|"
                       r"^(?:trade|tariff|talks|deal|export|import|government|pact|trip|visit)$")
# "When did the call take place?" asks of no act of its own
_EVENT_VERBS = frozenset("take happen occur".split())


def _done_act(question: str) -> str | None:
    """The plain verb of a "when did <doer> <act> ...?" question whose doer is named ("When did Trump
    visit India?" -> "visit"), or None."""
    match = _WHEN_DID.match(question)
    if match is None or match["act"].lower() in _EVENT_VERBS or re.search(r"(?<![su])s$", match["act"]):
        return None  # "US shipments ... rise": a plural is the doer's noun
    # "When is Trump visiting India?", "When has Goyal travelled ...?": after "is" or "has" only a verb's own
    # form is its act ("When was Goyal in Washington?" asks of none)
    aux, act = match["aux"].lower(), match["act"].lower()
    if aux in ("is", "are", "was", "were") and not act.endswith("ing") or (
            aux in ("has", "have", "had") and not act.endswith(("ed", "en"))):
        return None
    if match["after"] and not _AFTER_VERB.match(match["after"]) and _NOUN_END.search(act):
        return None  # "When did the Trump administration send back ...?": a noun of the doer's, not its act
    return match["act"]


# Acts told in other words: "When did Misri speak with Landau?" is told as "held phone talks"; "When did
# Goyal visit Washington?" by his "trip"; "When did the MEA answer the query?" by its "response". Only acts
# whose words news swaps freely; the rest must be told as asked. A call is its own: "Speaking on the All-In
# Podcast" is no call of Modi's to Trump ("held phone talks" is one).
_ACT_FAMILIES = tuple(frozenset(tokenize(words)) for words in (
    "meet met meeting speak spoke talk talks discuss discussion conversation", "call phone", "hold held",
    "visit travel trip tour go went", "arrive arrival land reach",
    "answer response respond reply replied", "comment remark say said state stated tell told"))


# "When did the US suspend the tariffs?" asks when it was done: "suspended ... till July 9" dates the pause's
# end, not the act. "Until when ...?" and "When does the pause end?" ask for that end.
_END_ASKED = re.compile(r"^\s*(?:until|till|by|through)\s+when\b|\b(?:end|ends|ended|expir\w*|run out|lapse\w*|last|"
                        r"lasts|stay|stays|remain\w*|continu\w*)\b", re.I)


def dates_only_an_end(query: Query, sentence: str) -> bool:
    """Whether every date ``sentence`` gives for a "when was it done?" question (one with an act) is the end
    of something ("till July 9"), and so no date of the act."""
    if query.act is None or query.answer_type != "date" or query.requires is None or _END_ASKED.search(query.searched):
        return False
    found = list(query.requires.finditer(sentence))
    return bool(found) and all(date_role(sentence, m.start()) == "end" for m in found)


# a visit told as being there: "Goyal was in Washington in March also for the trade talks"
_BEING_IN = re.compile(r"\b(?:is|was|were|are)\s+in\s+(?-i:[A-Z])", re.I)
_VISIT = next(family for family in _ACT_FAMILIES if "visit" in family)


def tells_of(act: str, sentence: str) -> bool:
    """Whether ``sentence`` tells of ``act`` (a stem, as :func:`asked_act` gives it), in its own word or
    one of its family's."""
    family = next((f for f in _ACT_FAMILIES if act in f), frozenset({act}))
    return bool(family & set(tokenize(sentence))) or (family is _VISIT and bool(_BEING_IN.search(sentence)))


def asked_act(question: str) -> str | None:
    """The act whose date is asked for ("When was the tariff announced?" -> "announc", "When did Trump
    visit India?" -> "visit"), stemmed."""
    # a part of a question carries the part before it in brackets: "When was it announced (What tariff ...)?"
    own = own_words(question)
    match = _PREDICATE.match(own)
    stems = tokenize(match["act"] if match else _done_act(own) or "")
    return stems[0] if stems and stems[0] not in QUESTION_STEMS else None


# "Why did India decline to join ...?" presupposes the act: a reason given for another act ("the
# invitation to India to join") answers a question nobody asked, so the act is a hard constraint.
_WHY_DID = re.compile(r"^\s*(?:[^,?]*,\s*)?why\s+(?:did|does|do|has|have|had)\s+(?:the\s+)?"
                      r"(?P<who>[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]*)*)"
                      r"\s+(?:not\s+|never\s+)?(?P<act>[a-z]{3,})\b", re.I)


# "Why were the 26 per cent tariffs announced?": the act done to the thing, by no one named
_WHY_PASSIVE = re.compile(r"^\s*(?:[^,?]*,\s*)?why\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
                          r"(?:[\w.'’%-]+\s+){1,8}?(?P<act>[a-z]{3,}(?:ed|en))\s*(?:\?|$|\b(?:by|on|in|at|for|to|"
                          r"till|until|from|after|before|over)\b)", re.I)


def presupposed_act(question: str) -> tuple[str | None, str | None]:
    """The act a "why did X <act> ...?" (or "why were the tariffs <act>ed?") question takes for granted,
    stemmed ("decline" -> "declin"), and the country that did it, when X is one ("Why did India lower
    tariffs?" -> "IN")."""
    match = _WHY_DID.match(question)
    passive = None if match else _WHY_PASSIVE.match(question)
    stems = tokenize((match or passive)["act"]) if match or passive else []
    if not stems or stems[0] in QUESTION_STEMS:
        return None, None
    who = countries_in(match["who"]) if match else set()
    return stems[0], next(iter(who)) if len(who) == 1 else None


def done_by_another(act: str, by: str, sentence: str) -> bool:
    """Whether ``sentence`` has another country do ``act``: the nearest country named before the act's
    word is not ``by`` ("The U.S. seeks lower tariffs" is no act of India's)."""
    for word in re.finditer(r"[A-Za-z]+", sentence):
        if tokenize(word.group()) == [act]:
            before = countries_in(sentence[max(0, word.start() - 60):word.start()])
            return bool(before) and by not in before
    return False


def is_recency_question(question: str) -> bool:
    return bool(RECENCY.search(question))


_ASIDE = re.compile(r",\s*(?:given|considering|seeing|in view of)\s+(?:how|that|the)\b[^?,]*(?=\?|$)", re.I)


# "Roughly how much did the US and India trade in goods in 2024?" asks what "How much ...?" asks: a hedge
# before the question word asks for no other figure (it is still searched for)
_HEDGE = re.compile(r"^\s*(?:roughly|approximately|about|around|exactly|precisely|broadly)\s*,?\s+"
                    r"(?=(?:how|what|when|which|who)\b)", re.I)


def _analysed(text: str, searched: str) -> Query:
    asked = searched
    searched = _HEDGE.sub("", searched)
    # what a part asks for is its own ("which countries did he say ... (Which US official spoke ...)?"
    # asks for countries); the part it leans on lends it only its subject
    own = own_words(searched)
    # "..., given how many depend on farming?" gives a reason in passing: it asks for no number
    own = _ASIDE.sub("", own)
    kind, carries = answer_type(own)
    premise, premise_by = presupposed_act(searched)
    constraints = Constraints.of(searched)
    if own != searched and periods_in(own)[0]:
        # "... in 2021-22, and what was it in 2020-21?": the part's own year replaces the one it leans on
        constraints = replace(constraints, periods=frozenset(periods_in(own)[0]))
    whether, kind_of_value = bool(WHETHER.match(searched)), value_kind(searched)
    if whether and constraints.figure_choices and all(f.endswith("%") for f in constraints.figure_choices):
        # "Was the deficit up 5.1% or 5.4%?" asks which of two rates, on which articles may disagree: a rate
        # asked for, not a yes or no (nor is either rate a figure every sentence must name)
        whether, kind_of_value = False, "percent"
    elif whether and constraints.day_choices:
        whether, kind_of_value = False, "date"  # "Were the tariffs paused until July 8 or July 9?" alike
    return Query(text=text, searched=asked, terms=tuple(content_terms(asked)), answer_type=kind,
                 carries=carries, value_kind=kind_of_value, recency=is_recency_question(searched),
                 constraints=constraints, requires=required_form(own), act=asked_act(searched),
                 measure=asked_measure(searched), premise=premise, premise_by=premise_by,
                 topic=said_topic(searched), doing=asked_doing(searched), whether=whether,
                 role=role_asked(own), mentions=mentioned(searched))


def analyse(question: str, history: Sequence[str] = (), max_chars: int = 1000,
            casing: Callable[[str], str] | None = None, today: datetime.date | None = None) -> Query:
    """Check ``question`` and analyse it once; ``history`` holds earlier questions, for follow-ups;
    ``casing`` gives a question typed in lower case its names' capitals (see rag.casing) before it is read;
    ``today``, the day it is asked, gives "this year" and "last year" their years (see dates.dated_relative)."""
    text = check_question(question, max_chars)
    searched = rewrite_question(as_question(text), history) if history else as_question(text)
    if casing is not None:
        searched = casing(searched)
    if today is not None:
        searched = dated_relative(searched, today)
    query = _analysed(text, searched)
    parts = split_parts(searched)
    if len(parts) > 1:
        query = replace(query, parts=tuple(_analysed(part, part) for part in parts))
    return query


def with_person_named(part: Query, first: Query, name: str) -> Query | None:
    """A later part that points back with "he" or "she" at the person the first part asks for ("Which US
    official spoke on the All-In Podcast, and which countries did he say ...?"), analysed again with the
    first part's answer, ``name``, in the pronoun's place; None when the part does not point so. When the
    first part names its own person ("Who did Goyal meet, and what did he call ...?"), "he" is that one."""
    if part is first or first.answer_type != "person" or first.constraints.agent or first.constraints.patient:
        return None
    text = naming(part.searched, name)
    return _analysed(text, text) if text else None


# "How many (of the) articles (in the archive) mention/name/cite/quote/refer to <words>?": a count of the
# articles themselves, answered by counting them (rag.collection), not by any sentence
_MENTIONS = re.compile(rf"^\s*{_HOW_MANY_ARTICLES}\s+(?:in\s+the\s+(?:collection|archive|corpus)\s+)?"
                       r"(?:(?:ever|also|even|actually)\s+)?(?:mention|name|cite|quote|refer\s+to)s?\s+"
                       r"(?P<words>[^?]{1,80}?)\s*\?*\s*$", re.I)
_QUOTES = " \"'“”‘’"


def mentioned(question: str) -> str | None:
    """The words a "How many articles mention <words>?" question counts the articles naming, or None."""
    match = _MENTIONS.match(question)
    if match is None:
        return None
    words = match["words"].strip(_QUOTES)
    words = re.sub(r"^(?:the\s+(?:words?|names?|term)\s+)", "", words, flags=re.I).strip(_QUOTES)
    return words if words and len(words.split()) <= 6 else None


def as_query(question: str | Query) -> Query:
    """A Query for a generator called directly with a plain string (tests, scripts, plug-ins)."""
    if isinstance(question, Query):
        return question
    return analyse(question, max_chars=1 << 30)
