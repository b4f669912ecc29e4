"""What else a question's answer must be about, beside its countries, names and periods.

Each reader takes a question (or a sentence) and returns what it names of one aspect: an
office ("India's Commerce Secretary"), the goods a levy is on, a figure, a rank, goods or
services trade, part of a year, which way a figure moved, undoing or sparing a levy, who did
it, who imposed a levy on whom, whose surplus with whom, which way goods flow, whose exports or
nationals, whom a claim is according to, an organisation. :class:`~rag.constraints.Constraints`
reads them from the question once and checks each sentence against them.

Hand-written rules, for the reason rag.constraints gives: news questions name these in a few
fixed shapes (tests/unit/test_constraints.py holds each shape).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .bm25 import tokenize
from .countries import capitals_in, countries_in, country_pattern, is_demonym
from .dates import MONTH, MONTHS, WEEKDAY
from .terms import BALANCES, HOW_MUCH_TRADED, QUESTION_STEMS, STARTS, TRADE_WHOLE
from .values import values


@lru_cache(maxsize=1)
def _forms() -> dict:
    """The patterns that read countries in a relation ("the US imposed ... on Indian exports"), made
    once: each holds the whole country pattern, which is slow to build."""
    pattern = country_pattern()[0].pattern
    country = rf"(?:the\s+)?(?:{pattern})"
    wide = r"(?:[^\s?!]+\s+){0,7}?"  # "goods trade", "meanwhile, recorded a $41.18 billion trade"
    goods = r"(?:[\w-]+\s+){0,2}?"  # "goods", "merchandise", "total goods"
    asking = (r"asking|asked|asks|ask|wants|wanted|want|urging|urged|urges|urge|pressing|pressed|presses|press|"
              r"pushing|pushed|pushes|push")  # the verbs of asking someone to act
    return {
        "last": re.compile(rf"(?:{pattern})$"),
        "imposition": re.compile(rf"(?P<a>{country})\s+(?:\w+\s+){{0,2}}?(?:imposed|imposes|impose|imposing|levied|"
                                 rf"levies|levy|slapped)\b(?:\s+[^\s?]+){{0,6}}?\s+on\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
                                 rf"(?P<b>{country})"),
        # "levies higher tariff on American goods": whose goods a levy falls on, whoever levies it
        "levied_on": re.compile(rf"\b(?i:tariffs?|duty|duties|levy|levies|levying|levied|imposed|imposes|impose|"
                                rf"imposing|slapped)\b(?:\s+[^\s?]+){{0,4}}?\s+(?i:on)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
                                rf"(?P<b>{country})"),
        # the words around the countries in any case, the countries as written ("US", not "us": see
        # countries.country_pattern)
        "balance": [re.compile(rf"(?P<a>{country}),?\s+{wide}(?P<m>deficit|surplus)\s+{wide}with\s+(?P<b>{country})"),
                    re.compile(rf"\b(?i:with)\s+(?P<b>{country}),?\s+(?P<a>{country})\s+{wide}"
                               rf"(?P<m>(?i:deficit|surplus))\b"),
                    # "the trade deficit India has with the US": India's deficit
                    re.compile(rf"(?P<m>(?i:deficit|surplus))\s+(?i:that\s+)?(?P<a>{country})\s+"
                               rf"(?i:has|had|have|runs|ran|run|recorded|records|posted)\s+{wide}(?i:with)\s+(?P<b>{country})")],
        # ("US shipments from India" arrive in the US: they come from the country after "from")
        "flows": [(re.compile(rf"(?P<a>{country})\s+(?P<goods>{goods})(?i:{verb})\s+(?i:{way})\s+(?P<b>{country})"),
                   swap)
                  for verb, way, swap in (("exports?|shipments|sales", "to", False), ("exports?|sales", "from", False),
                                          ("shipments", "from", True), ("imports?|purchases", "to|from", True))] + [
                  # the same flows told by their verbs: "How much crude oil did India buy from the US?" asks of
                  # US exports to India, which India's exports to the US are not ("How much more did America buy
                  # from India than it sold there?" asks the gap between two flows: no one flow)
                  # (a verb of going is no goods: "India's merchandise sold abroad goes to America")
                  (re.compile(rf"(?P<a>{country})\s+(?:\w+\s+){{0,2}}?(?i:{verb})\s+"
                              rf"(?P<goods>(?:(?!(?i:go|goes|went|gone|come|comes|came|abroad|overseas)\b)[\w-]+\s+){{0,3}}?)"
                              rf"(?i:{way})\s+(?P<b>{country})(?![^?]*\bthan\b)"), swap)
                  for verb, way, swap in (
                      ("sell|sells|sold|selling|export|exports|exported|exporting|ship|ships|shipped|shipping", "to",
                       False),
                      ("buy|buys|bought|buying|purchase|purchased|purchasing|import|imports|imported|importing", "from",
                       True))],
        # "The US has been asking India to open up", "does India want the US to open up", "Washington's
        # invitation to India to join": the verb's case is kept so "US" stays the country's ("us" is a word)
        "asked": re.compile(rf"\b(?i:{asking}|inviting|invited|invites|invite|"
                            rf"invitation\s+to)\s+(?P<b>{country})(?:\s+(?i:government))?\s+(?i:to)\b|"
                            # "asked the Indian government for continued cooperation", "asked the US for": a
                            # request of the country
                            rf"\b(?i:asked|asking|asks|ask|urged|urging|urges|urge|pressed|pressing)\s+(?P<c>{country})"
                            rf"(?:\s+(?i:government|authorities|side))?\s+(?i:for)\b"),
        # "they asked to open some sectors which are protected in India": the country the sectors are in opens them
        "asked_open": re.compile(rf"\b(?i:{asking})\s+(?i:to)\s+(?i:open)\b"
                                 rf"[^.;]{{0,60}}?\b(?i:in)\s+(?P<b>{country})"),
        "owned": re.compile(rf"(?:{pattern})\s+(?:[a-z-]+\s+){{0,3}}?(?P<thing>{_OWNED})\b"),
        "arrival": re.compile(_ARRIVAL + pattern),
        "for": re.compile(rf"\b(?i:for|of)\s+(?:the\s+)?{pattern}"),
        "office for": re.compile(rf"\s+(?i:for|of)\s+(?:the\s+)?{pattern}"),
    }


def _pair(match: re.Match) -> tuple[str, str]:
    """The countries of a relation's two sides ("a", "b"), as ISO codes."""
    pattern, code_of = country_pattern()
    return code_of[pattern.search(match["a"]).group(1)], code_of[pattern.search(match["b"]).group(1)]


# ---------------------------------------------------------------- offices

_RANKS = "Minister|Secretary|Representative|President|Ambassador|Spokesperson|Envoy|Negotiator|Governor|Adviser|" \
         "Advisor|Chancellor|Premier"
_TITLE = rf"(?P<title>(?:[A-Z][a-z]+\s+){{0,3}}?(?:{_RANKS})(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)?)\b"
_HEAD = re.compile(rf"\b(?:{_RANKS})\b")
# a question may write the office in lower case ("India's ambassador", "India's chief negotiator")
_TITLE_ASKED = re.compile(rf"\s+(?P<title>(?:[a-z]+\s+){{0,2}}?(?i:{_RANKS}))\b")
# What makes an office another one: "Deputy Secretary of State" is not "Secretary of State"
_OTHER_OFFICE = re.compile(r"\b(?:Deputy|Vice|Assistant|Under|Former|former|Acting|Junior|Associate)\s*$")
_WHICH_TITLE = re.compile(rf"^\s*(?:which|what)\s+(?P<title>(?:(?!(?:did|does|do|is|are|was|were|has|have|had|will|"
                          rf"would|the|an?)\b)[a-z]+\s+){{0,2}}?(?:{_RANKS})(?:\s+of\s+[a-z]+)?)\b", re.I)
_TITLE_FOR = re.compile(rf"\b(?P<title>(?:(?!(?i:is|was|are|were|the|an?|who|what|which|of)\b)[A-Za-z]+\s+){{0,2}}?"
                        rf"(?i:{_RANKS}))\s+(?:for|of)\s+(?:the\s+)?(?=(?P<country>[A-Z]))")
_WHO_HOLDS = re.compile(r"^\s*(?:who\s+(?:is|was|are|were)|what\s+(?:is|was)\s+the\s+name\s+of)\b", re.I)


def names_rank(text: str) -> bool:
    """Whether ``text`` names an office's rank ("Trade Representative", "Prime Minister")."""
    return _HEAD.search(text) is not None


def offices_in(question: str) -> frozenset[tuple[str, str, str, bool]]:
    """Offices a question names with their country ("India's Commerce Secretary", "the US Secretary of
    State"), as (country code, title, the words as asked, whether the question asks who holds it)."""
    pattern, code_of = country_pattern()
    found = set()
    holder = bool(_WHO_HOLDS.match(question))
    for country in pattern.finditer(question):
        office, title = re.match(rf"\s+{_TITLE}", question[country.end():]), None
        if office:
            title = office["title"]
        elif office := _TITLE_ASKED.match(question[country.end():]):
            title = office["title"].title()  # as the articles write it: "Chief Negotiator"
        if office:
            asked = question[country.start():country.end() + office.end()]
            # "Which Indian minister did Landau thank ...?" asks who holds the office, too: the Foreign
            # Secretary he thanked is no minister
            which = re.fullmatch(r"\s*(?:which|what)\s+", question[:country.start()], re.I) is not None
            found.add((code_of[country.group(1)], title, asked, holder or which))
    # "the top trade negotiator for India": the office's country after it
    for office in _TITLE_FOR.finditer(question):
        country = pattern.match(question, office.start("country"))
        if re.search(r"\bas\s+(?:the\s+)?$", question[:office.start()], re.I):
            continue  # "described as the top trade negotiator for India" is what it is called (see described_as)
        if country and not any(code == code_of[country.group(1)] for code, *_ in found):
            found.add((code_of[country.group(1)], office["title"].title(), question[office.start():country.end()],
                       holder))
    # an office named with no country is still that office: "What did Deputy Secretary of Commerce Landau
    # discuss ...?" is not answered by "US Deputy Secretary of State Christopher Landau ..."
    taken = {asked for _, _, asked, _ in found}
    # "Which deputy secretary of commerce met Goyal?" names it in lower case
    which = _WHICH_TITLE.match(question)
    if which and not found and " " in which["title"]:
        title = re.sub(r"\bOf\b", "of", which["title"].title())
        found.add(("", title, which["title"], True))
    for office in re.finditer(rf"\b{_TITLE}", question):
        title = office["title"]
        of = title.split(" of ")[-1].split() if " of " in title else []
        if len(of) > 1 and of[-1] not in _DEPARTMENTS:  # "Secretary of Commerce Landau": Landau holds it
            title = title.rsplit(" ", 1)[0]
        if office.start() and not any(title in asked for asked in taken) and " " in title:
            found.add(("", title, title, holder))
    return frozenset(found)


# the last words of an office's name after "of" ("Minister of External Affairs"); any other is its holder's name
_DEPARTMENTS = frozenset("Affairs Trade Industry Commerce State Security Defence Defense Finance Agriculture "
                         "Relations Development Justice Energy Treasury Health Education Labour Labor".split())


# the words one office goes by in other countries' titles and the press: India's "Commerce and Industry
# Minister" is its trade minister, its "External Affairs" minister the foreign minister
_SAME_OFFICE_WORDS = {"commerce": ("trade",), "trade": ("commerce",), "external": ("foreign",),
                      "foreign": ("external",)}


# one office by its names in different governments: the US Secretary of State is its foreign minister
_SAME_OFFICES = (("Foreign Minister", "Secretary of State", "External Affairs Minister"),)


def _other_names(title: str) -> list[str]:
    """The office's other names, its rank's prefix kept: "Deputy Foreign Minister" -> "Deputy Secretary of
    State", "Deputy External Affairs Minister"."""
    for group in _SAME_OFFICES:
        for name in group:
            if title.lower().endswith(name.lower()):
                prefix = title[:len(title) - len(name)]
                return [prefix + other for other in group if other != name]
    return []


def holds_office(code: str, title: str, text: str, holder: bool = False) -> bool:
    """Whether ``text`` may speak of the office: False when every mention of ``title`` is another
    country's office or another office ("US Commerce Secretary" for India's, "Deputy Secretary of
    State" for the Secretary), or when it names the rank only as another office ("the Foreign
    Secretary" for the Commerce Secretary). Asked who holds it (``holder``), the text must name it,
    by any of its names."""
    return _holds_office(code, title, text, holder) or holder and any(
        _holds_office(code, other, text, True) for other in _other_names(title))


def _holds_office(code: str, title: str, text: str, holder: bool) -> bool:
    """``holds_office`` for the office by one of its names."""
    code_of = country_pattern()[1]
    mentions = list(re.finditer(r"\b" + r"\s+".join(map(re.escape, title.split())) + r"\b", text, re.I))
    for mention in mentions:
        before = re.sub(r"\s*\bthe\s*$", "", text[:mention.start()], flags=re.I).rstrip()
        if _OTHER_OFFICE.search(before):
            continue
        # "the top trade negotiator for the US": its country after it
        country = _forms()["office for"].match(text, mention.end()) or _forms()["last"].search(before)
        if country is None and code and code in titling_countries(text):
            # "US President Donald Trump ... described Prime Minister Narendra Modi": where the text gives the
            # country asked to another office, an office it gives no country is not taken for that one's
            continue
        if country is None or not code or code_of[country.group(1)] == code:
            return True
    if mentions:
        return False
    head = _HEAD.search(title)
    own = set(title.split()) - {head.group(), "of"} if head else set()
    ranks = list(re.finditer(rf"\b{head.group()}\b", text)) if head else []
    if ranks and own:  # "Commerce and Industry Minister" may be the Commerce Minister; "Foreign Secretary" is
        # not, nor is the "Deputy Secretary of State" the Deputy Secretary of Commerce: the words of the
        # office are those of its own title, the capitalized run before the rank and its "of ..." after
        # ("Foreign Secretary Vikram Misri and U.S. Deputy Secretary of State" has no Deputy Foreign Secretary)
        def title_words(rank: re.Match) -> set[str]:
            before = _RUN_BEFORE.search(text[:rank.start()]).group()
            after = _OF_AFTER.match(text, rank.end())
            words = {w.lower() for w in before.split()} | {w.lower() for w in (after.group().split() if after else ())}
            return words | {same for w in words for same in _SAME_OFFICE_WORDS.get(w, ())}
        return any({w.lower() for w in own} <= title_words(r) for r in ranks)
    return not holder


def names_holder(title: str, text: str) -> bool:
    """Whether ``text`` names someone with ``title``: "Prime Minister Narendra Modi", "Tammy Bruce, spokesperson
    for ..."; "Modi has made eight calls to the US president" names no president."""
    # the title's rank ("Commerce and Industry Minister Piyush Goyal" for the Commerce Minister: holds_office
    # reads the rest), in any case; names capitalized
    head = _HEAD.search(title)
    words = "(?i:" + (head.group() if head else r"\s+".join(map(re.escape, title.split()))) + ")"
    return re.search(rf"\b{words}\s+(?:[A-Z][\w.’'-]*\s+){{0,2}}[A-Z][a-z]{{2,}}|"
                     rf"\b[A-Z][a-z]{{2,}},\s+(?:[\w.’'-]+\s+){{0,4}}?{words}\b", text) is not None


def titling_countries(text: str) -> set[str]:
    """The countries ``text`` names right before an office's title ("US President", "India’s Foreign Secretary")."""
    pattern, code_of = country_pattern()
    return {code_of[m.group(1)] for m in pattern.finditer(text)
            if _TITLE_AFTER_COUNTRY.match(text, m.end())}


_TITLE_AFTER_COUNTRY = re.compile(rf"(?:['’]s)?\s+(?:[A-Z][a-z]+\s+){{0,3}}?(?:{_RANKS})\b")
_RUN_BEFORE = re.compile(rf"(?:(?:(?!(?:{_RANKS})\b)[A-Z][\w.’'-]*|and|&)\s+)*$")  # back to another rank at most
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s*)+")


# ---------------------------------------------------------------- goods a levy is asked about

# "What tariff does the US impose on Indian dairy products?": the goods after "on" are what the
# tariff asked about is on; a tariff on textiles and carpets says nothing of dairy. So are the goods
# a concession is sought for ("duty concessions for shrimp", "What concessions does the US want on Indian
# rice?"), though not a preposition that follows ("concessions for from India", "concessions on besides dairy")
_LEVIED_ON = re.compile(r"\b(?:(?:tariffs?|dut(?:y|ies)|levy|levies|levied|penalty|impose[sd]?|imposing|charge[sd]?|"
                        r"charging|slap(?:s|ped)?|appl(?:y|ies|ied))\s+on|"
                        r"concessions?(?:\s+(?:does|do|did|is|are|was|were|has|have|had)\s+(?:the\s+)?[\w’'-]+\s+"
                        r"(?:want|seek|ask|demand)\w*)?\s+(?:for|on))\s+"
                        r"(?!(?:from|besides|except|other|than|like|such|as|in|to|with|by)\b)"
                        r"(?P<goods>(?:[\w’'-]+\s+){0,5}?[\w’'-]+)(?=\s+(?:in|for|from|since|during|by|over|after|before|"
                        r"until|till|to|as|at|with|that|which|who|now|these|this|currently|today)\b|\s*[?,.]|\s*$)",
                        re.I)
_ANY_GOODS = frozenset(tokenize("goods products items exports imports shipments sectors sector the its their "
                                "all several certain other some countries country nations partners"))
_GOODS_HEADS = frozenset({"goods", "products", "items", "exports", "imports", "shipments"})
_ANY_TRADE = frozenset(tokenize("merchandise total overall bilateral annual monthly yearly trade which what whose "
                                "more less fewer much many"))


def goods_in(question: str) -> frozenset[str]:
    """The stemmed words naming the goods a question asks a levy on ("dairy" of "Indian dairy
    products"); countries and words that name no goods in particular are left out."""
    # "on Indian textiles and on Indian steel": both are the goods asked a levy on
    match = _LEVIED_ON.search(re.sub(r"\band\s+on\s+", "and ", question, flags=re.I))
    if match is None:
        return frozenset()
    words = match["goods"].split()
    first = next((w for w in words if w.lower() != "the"), "")
    if first in country_pattern()[1] and not is_demonym(first):
        return frozenset()  # "tariffs on India end?": the levy is on a country, and what follows no goods
    # "on countries trading with Russia": a participle the question goes on from says what the goods
    # do, not what they are ("on Indian clothing?" ends there, so "clothing" is the goods)
    if len(words) > 1 and words[-1].lower().endswith("ing") and question[match.end():].strip(" ?"):
        words = words[:-1]
    if len(words) > 1 and words[-1].lower().endswith("ed"):  # "tariffs on India suspended?"
        words = words[:-1]
    # "did the penalty on Indian goods punish?": a word after the noun that heads the goods, ending the
    # question, is the question's verb, not more goods
    if len(words) > 1 and words[-2].lower() in _GOODS_HEADS and not question[match.end():].strip(" ?"):
        words = words[:-1]
    words = [w for w in words if w.capitalize() not in MONTHS]
    goods = country_pattern()[0].sub(" ", " ".join(words))
    return frozenset(_SAME_GOODS.get(t, t) for t in tokenize(goods) if t not in _ANY_GOODS and not t[0].isdigit())


# "What did India offer in the dairy sector?": an offer on defence procurement is in another sector
# (and "in the energy field" names a sector too, as does "Is the automobile sector ...?")
# (but "Is dairy among the sectors ...?" names dairy alone: a preposition ends the sector's name, and an
# article starts it: "of opening the farm sector" names the farm sector)
_SECTOR = re.compile(r"(?:\b(?:in|for|on|of|to)(?:\s+[a-z]+ing)?|^\s*(?:is|are|was|were|has|have|had|does|did))\s+"
                     r"(?:the\s+|its\s+|their\s+)?"
                     r"(?P<sector>(?:(?!(?:among|of|in|from|with|within|between|like|as|the|a|an)\b)[\w-]+\s+){0,2}?"
                     r"[\w-]+)"
                     r"\s+(?:sectors?|industry|industries|field|domain)\b", re.I)


def sectors_in(question: str) -> frozenset[str]:
    """The stemmed words naming a sector the question asks about ("dairy" of "in the dairy sector")."""
    words = set()
    for match in _SECTOR.finditer(question):
        words |= set(tokenize(country_pattern()[0].sub(" ", match["sector"])))
    return _naming_goods(words)


# "Which country's gas is India one of the highest importers of?": the thing whose owner is asked for
# must be named; "Russian oil" answers for oil
_WHOSE_THING = re.compile(r"^\s*(?:whose|(?:which|what)\s+(?:country|nation)[’']s)\s+(?P<thing>[a-z][\w-]*)", re.I)


# "What retaliatory tariffs did India announce?": a levy of a kind of its own, by trade law's names, must
# be one the article speaks of; "reciprocal 25% tariffs" are no retaliation. (The names a levy goes by
# in the news, "reciprocal", "additional", "baseline", are said of the same tariffs in other words.)
_LEVY_KIND = re.compile(r"\b(retaliatory|countervailing|anti-dumping|safeguard)\s+"
                        r"(?:tariffs?|dut(?:y|ies)|levy|levies)\b", re.I)


def levy_kinds_in(question: str) -> frozenset[str]:
    """The kinds of levy a question names ("retaliatory" of "What retaliatory tariffs ...?")."""
    return frozenset(m.group(1).lower() for m in _LEVY_KIND.finditer(question))


def owned_thing_in(question: str) -> frozenset[str]:
    """The stem of the thing a "whose ...?" question asks the owner of ("gas" of "Which country's gas")."""
    match = _WHOSE_THING.search(question)
    return _naming_goods(set(tokenize(match["thing"]))) if match else frozenset()


def traded_in(question: str) -> frozenset[str]:
    """The stemmed goods of a flow the question names ("defence" of "US defence sales to India"): a sentence
    on US goods exports to India says nothing of its defence sales. Words that name no goods in
    particular ("goods", "merchandise", "total") are left out."""
    goods = set()
    for form, _ in _forms()["flows"]:
        for match in form.finditer(question):
            goods |= set(tokenize(match["goods"]))
    if (amount := HOW_MUCH_TRADED.search(question)):  # "How much Russian oil does India buy?": oil
        goods |= set(tokenize(country_pattern()[0].sub(" ", amount["goods"])))
    return _naming_goods(goods)


# "Which country's crude ...?" is met by "Russian oil": crude is oil by definition, and the news calls
# it by either name (one-way: a question on oil is not met by any crude product but oil itself)
_SAME_GOODS = {"crude": "oil"}


# what a flow's figure measures, no goods: "India's export growth to the US" is the growth of all its exports
_MEASURE_NAMES = frozenset(tokenize("growth rise increase decline fall drop jump surge value volume figure figures "
                                    "data number level share rate pace amount", ()))


def _naming_goods(stems) -> frozenset[str]:
    """The stems that name goods in particular: not "goods", "total", "which", "growth", nor a number."""
    return frozenset(_SAME_GOODS.get(t, t) for t in stems
                     if t not in _ANY_GOODS and t not in _ANY_TRADE and t not in _MEASURE_NAMES
                     and not t[0].isdigit())


# ---------------------------------------------------------------- figures, ranks and kinds of trade

def figures_in(text: str) -> frozenset[str]:
    """The percentages and amounts of money ``text`` names, normalized ("26 per cent" -> "26%")."""
    return frozenset(values(text, "percent") | values(text, "money"))


# "Was the deficit up 5.1% or 5.4%?" names two figures, of which a sentence need give one
_FIGURE_OR = re.compile(r"(?P<a>\$?\d[\d,.]*\s?(?:%|per\s?cent|percent|billion|million)?)\s+or\s+"
                        r"(?P<b>\$?\d[\d,.]*\s?(?:%|per\s?cent|percent|billion|million)?)", re.I)


def figure_choices_in(question: str) -> frozenset[str]:
    """The figures a question offers as alternatives ("up 5.1% or 5.4%"), normalized as figures_in gives
    them; empty when it offers none."""
    choices = set()
    for m in _FIGURE_OR.finditer(question):
        a, b = m["a"], m["b"]
        if a[-1].isdigit() and not b[-1].isdigit():  # "5.1 or 5.4 per cent": the unit is said once
            a += b[len(re.match(r"\$?\d[\d,.]*", b).group()):]
        named = figures_in(f"{a} and {b}")
        choices |= named if len(named) > 1 else set()
    return frozenset(choices)


# "India's second largest trading partner": the rank is part of what is asked; "largest" is another
_RANK = re.compile(r"\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|2nd|3rd|4th|5th)"
                   r"[\s-]+(?:largest|biggest|highest|lowest|smallest|most|top|leading)\b", re.I)


# "India's largest trading partner after the US" is the second largest: "The US remained India's largest trading
# partner" does not answer "What is India's largest trading partner after the US?" (an "after" that a country
# follows; "the biggest jump after April 2" is a time)
_RANK_AFTER = re.compile(r"\b(?:largest|biggest|highest|lowest|smallest|top|leading)\s+(?:[\w-]+\s+){0,3}?"
                         r"after\s+(?:the\s+)?", re.I)


def ranked_after(text: str) -> str | None:
    """The words of a rank after a country ("largest trading partner after the US"), if ``text`` has one."""
    for m in _RANK_AFTER.finditer(text):
        country = country_pattern()[0].match(text, m.end())
        if country:
            return text[m.start():country.end()]
    return None


def ranks_in(text: str) -> frozenset[str]:
    ranks = {m.group(1).lower() for m in _RANK.finditer(text)}
    return frozenset(ranks | {"second"} if ranked_after(text) else ranks)


# "What percentage of the overall US trade deficit is with India?": a share is of a whole, and "18 per cent of
# India's total goods exports" is a share of exports, no share of the deficit. The whole is named by its last
# word of trade ("deficit" in "the trade deficit"; "sells" in "everything India sells abroad"); one side's
# exports are the other's imports, and a deficit is a gap or a surplus. The words before it narrow it
# ("Indian textile exports"), and "What share of <whole> is <part>?" or "the share of <part> in <whole>"
# asks of a part that must be named.
_WHOLE = (r"(?P<whole>(?:(?!(?:is|are|was|were|goes|go|went|comes?|came|does|did|do|has|have|had|accounts?|"
          r"accounted|with|from|to|for|in|by)\b)[\w’'-]+\s*){1,6})")
# ("How many per cent of India's imports ...?" asks for a share as "What per cent of ...?" does)
_SHARE_ASKED = re.compile(rf"\b(?:(?:what|which)\s+(?:share|proportion|portion|fraction|percentage|per cent|percent)|"
                          r"how\s+many\s+(?:per cent|percent))\s+"
                          rf"of\s+{_WHOLE}(?:.*?\b(?:is|are|was|were)\s+(?!(?:with|from|to|in|of|for|by|at|on|the|a|an)\b)"
                          rf"(?P<part>[\w’' -]+?)\s*\?*\s*$)?", re.I)
_SHARE_OF_IN = re.compile(rf"\b(?:share|proportion|portion|fraction|percentage)\s+of\s+"
                          rf"(?P<part>(?:(?!in\b)[\w’'-]+\s+){{1,3}}?)in\s+{_WHOLE}", re.I)
# "Of all the goods America buys abroad, what share comes from India?": the whole named first
# (it runs to the comma: "Of everything India trades in goods, ...")
_SHARE_OF_FIRST = re.compile(r"^\s*(?:out\s+)?of\s+(?P<whole>[^,?]{3,80}?)\s*,\s*(?:roughly\s+|about\s+)?"
                             r"(?:what|which)\s+"
                             r"(?:share|proportion|portion|fraction|percentage|per cent|percent)\b", re.I)
# "What was India's share of US goods imports?", "the US share of India's imports": a country's share of a whole is
# the part that country has of it (the country word is kept: the part must be named)
_SHARE_OF_COUNTRY = re.compile(rf"(?P<part>\b[\w.’'-]+(?:\s+[\w.’'-]+)?)\s+share\s+of\s+{_WHOLE}", re.I)
_WHOLES = [frozenset(tokenize(" ".join(BALANCES), ())),
           frozenset(tokenize("exports exported imports imported shipments sales sold sells buys bought purchases",
                              ())),
           frozenset(tokenize("trade commerce merchandise goods", ()))]
# words of a whole that name no goods: "everything India sells abroad", "India's overseas sales" (and
# services, a kind of trade the trade-kind check asks for)
_NAMES_NO_GOODS = frozenset(tokenize("everything anything all abroad overseas foreign outbound inbound outward "
                                     "inward external domestic global world services service", ()))


class Share(NamedTuple):
    """A share of a whole of trade a question asks for."""
    whole: frozenset[str]  # the stems that may name the whole: those of its kind ({"deficit", "surplus" ...})
    owner: str | None  # whose whole it is ("US" of "US imports")
    kinds: frozenset[str]  # the goods that narrow it ("textil" of "Indian textile exports")
    part: frozenset[str]  # the part asked of it ("engin" of "... is engineering goods?")
    words: str  # the whole in the question's words ("the overall US trade deficit")


def share_asked(question: str) -> Share | None:
    """The share of a whole of trade ``question`` asks for, or None (a whole of another kind, "the
    livelihood ...", is left to the other checks: where its name ends, the words do not say)."""
    match = _SHARE_ASKED.search(question) or _SHARE_OF_IN.search(question) or _SHARE_OF_FIRST.search(question)
    if match is None:
        match = _SHARE_OF_COUNTRY.search(question)
        if match is None or not countries_in(match["part"]):
            return None
    stems = tokenize(country_pattern()[0].sub(" ", match["whole"]))
    # the last word of trade, and the kind it names
    found = next(((i, whole) for i in range(len(stems) - 1, -1, -1) for whole in _WHOLES if stems[i] in whole), None)
    if found is None:
        return None
    head, whole = found
    generic = _ANY_TRADE | _ANY_GOODS | _NAMES_NO_GOODS
    codes = countries_in(match["whole"])
    return Share(whole=whole,
                 owner=next(iter(codes)) if len(codes) == 1 else None,
                 kinds=frozenset(t for t in stems[:head] if t not in generic and not t[0].isdigit() and len(t) > 1),
                 part=frozenset(t for t in tokenize(match.groupdict().get("part") or "")
                                if t not in generic and len(t) > 1),
                 words=match["whole"].strip())


def tells_share(share: Share, text: str) -> bool:
    """Whether ``text`` gives a percentage of the whole asked (one of its stems) within five words after it:
    "6.22 per cent in imports", "18 per cent of India's total goods exports"; of its owner's whole, and of
    the goods that narrow it; the part asked must be named anywhere in ``text`` ("engineering goods make
    up ..."). A share that names no country is of the one the share before it names ("18 per cent of
    India's total goods exports, 6.22 per cent in imports": India's imports, no share of US imports)."""
    if not share.part <= set(tokenize(text)):
        return False
    named = None
    # a lookahead, so one share's words do not hide the next ("18 per cent of ... exports, 6.22 per cent in")
    for m in re.finditer(r"\d(?:\.\d+)?\s?(?:%|per cent\b|percent\b)\s+(?:of|in)\s+"
                         r"(?=(?P<after>(?:[\w’'-]+\W*){0,5}))", text, re.I):
        codes = countries_in(m["after"])
        named = next(iter(codes)) if len(codes) == 1 else named
        after = set(tokenize(m["after"]))
        if share.whole & after and share.kinds <= after and (share.owner is None or named in (None, share.owner)):
            return True
    return False


# "the second phase of the trade agreement": a stage is named by its place; "the first phase" (or
# "the first tranche") is another stage, and a sentence that names none cannot say which it speaks of.
# So is one of a series of events by its number: "the second load of illegal migrants" is not "the
# first load" (but "When will Modi next visit?" asks for no stage). One word may stand between: "the first
# deportation flight" is a stage too, and a total over all flights does not say what the first carried.
_STAGE = re.compile(r"\b(first|second|third|fourth|final|last|next|initial|opening|1st|2nd|3rd)\s+(?:[a-z]+\s+)?"
                    r"(?:phase|tranche|stage|round|leg)s?\b|"
                    r"\b(first|second|third|fourth|1st|2nd|3rd)\s+(?:[a-z]+\s+)?(?:load|batch|wave|group|flight|shipment|"
                    r"consignment|visit|trip|call|meeting|session)s?\b", re.I)
_SAME_STAGE = {"initial": "first", "opening": "first", "1st": "first", "2nd": "second", "3rd": "third",
               "last": "final"}


def stages_in(text: str) -> frozenset[str]:
    """The stages ``text`` names by their place ("the first tranche" -> "first")."""
    places = ((m.group(1) or m.group(2)).lower() for m in _STAGE.finditer(text))
    return frozenset(_SAME_STAGE.get(place, place) for place in places)


_FIGURE = re.compile(r"\d[\d,.]*\s?(?:%|per cent|percent|billion|million)|\$\s?\d[\d,.]*", re.I)


# "the Mission 500 target for 2025": a target's year is the one it is to be met by ("targeting $500
# billion in bilateral trade by 2030"), not the year the sentence says it was set
_TARGET = re.compile(r"\b(?:targets?|goals?|aims?|objectives?|deadlines?)\b", re.I)
_BY_YEAR = re.compile(r"\bby\s+(?:the\s+end\s+of\s+|late\s+|early\s+|mid-?)?(?:[A-Za-z]+\s+)?((?:19|20)\d{2})\b", re.I)


def target_years_in(question: str) -> frozenset[int]:
    """The years a question asks a target or deadline for; empty when it asks of none."""
    if not _TARGET.search(question):
        return frozenset()
    return frozenset(int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", question))


def deadlines_in(text: str) -> frozenset[int]:
    """The years ``text`` says something is to be done by ("by 2030", "by Fall 2025")."""
    return frozenset(int(m.group(1)) for m in _BY_YEAR.finditer(text))


_FIGURE_ASKED = re.compile(r"^\s*(?:how (?:much|many|big|large|high)|what (?:was|were|is|are) (?:the )?"
                           r"(?:[\w'’-]+\s+){0,4}?(?:value|total|worth|amount|figure|size|level|deficit|surplus|"
                           r"exports|imports|trade))\b", re.I)


def asks_figure(question: str) -> bool:
    """Whether a question asks for a figure ("How much ...?", "What was total goods trade ...?")."""
    return _FIGURE_ASKED.search(question) is not None


def target_years(text: str) -> frozenset[int]:
    """When every figure of ``text`` is one to be reached by a year ("targeting $500 billion in bilateral
    trade by 2030"), those years: its figures are for them, not for the year the target was set
    ("announced during Modi's visit in February 2025"). Empty when some figure is not a target."""
    years = set()
    for figure in _FIGURE.finditer(text):
        by = _BY_YEAR.search(text[figure.end():figure.end() + 40])
        if by is None:
            return frozenset()
        years.add(int(by.group(1)))
    return frozenset(years)


# Trade in goods and trade in services are different quantities: a goods figure does not answer
# for services, nor the other way round.
_TRADE_KINDS = {"goods": re.compile(r"\b(?:goods|merchandise)\b", re.I), "services": re.compile(r"\bservices\b", re.I)}


def trade_kinds_in(text: str) -> frozenset[str]:
    return frozenset(kind for kind, pattern in _TRADE_KINDS.items() if pattern.search(text))


# Part of a year ("the first half of 2024", "Q3"): a figure for the whole year does not answer for it
_PART_OF_YEAR = re.compile(r"\b(?:first|second|latter|last)\s+half\b|\b(?:first|second|third|fourth|last)\s+quarter\b|"
                           r"\b[HQ][1-4]\b", re.I)


def parts_of_year_in(text: str) -> frozenset[str]:
    return frozenset(" ".join(m.group().lower().split()) for m in _PART_OF_YEAR.finditer(text))


# Which way a figure moved: "How much did exports fall?" is not answered by "exports crossed USD 100
# billion, up significantly"
_FALL = re.compile(r"\b(?:fall|fell|fallen|decline[sd]?|drop(?:ped|s)?|shr[ai]nk|shrunk|decrease[sd]?|contract(?:ed)?|"
                   r"slump(?:ed)?|plunge[sd]?|down|narrow(?:ed|s)?)\b", re.I)
_RISE = re.compile(r"\b(?:rise|rose|risen|grow|grew|grown|growth|increase[sd]?|up|jump(?:ed)?|widen(?:ed)?|"
                   r"climb(?:ed)?|surge[sd]?|crossed|higher)\b", re.I)


# a way's word right after a figure ("a 5.1% increase") or right before it ("up 3.4 per cent", "rose by 4%")
_WAYS = {way: (re.compile(rf"\s*(?:{p.pattern})", re.I), re.compile(rf"(?:{p.pattern})\s+(?:by\s+)?$", re.I))
         for way, p in (("fall", _FALL), ("rise", _RISE))}


def moved(trend: str, text: str) -> bool:
    """Whether ``text`` says a figure moved the ``trend`` way ("fall" or "rise"). Where it says which
    way a figure of its own moved ("a 5.1% increase", "up 3.4 per cent"), that decides, not another
    word ("views the BTA as a tool to narrow this gap"); else any word of that way will do."""
    ways = set()
    for figure in _FIGURE.finditer(text):
        after = text[figure.end():figure.end() + 12]
        before = text[max(0, figure.start() - 14):figure.start()]
        for way, (right_after, right_before) in _WAYS.items():
            if right_after.match(after) or right_before.search(before):
                ways.add(way)
    if ways:
        return trend in ways
    return (_FALL if trend == "fall" else _RISE).search(text) is not None


# In a question, "up" and "down" say a figure moved after a verb of being or going with no other
# verb between ("were exports up", "went down", "were exports of engineering goods down": a word in
# "-ing" after "of" is a noun) or before its size ("up by 4%"); after another verb they end a phrasal
# verb ("holding up the deal", "step up purchases") and say nothing of a figure.
_MOVED = re.compile(r"\b(?:is|are|was|were|be|been|being|go|goes|went|gone|going)\b"
                    r"(?:\s+(?![\w'’-]*(?:ing|ed)\b)[\w'’-]+){0,2}?"
                    r"(?:\s+of\s+[\w'’-]+(?:\s+(?![\w'’-]*(?:ing|ed)\b)[\w'’-]+)?)?\s+(?P<a>up|down)\b|"
                    r"\b(?P<b>up|down)\s+(?:by\s+)?(?:\d|about|around|nearly|over|more)", re.I)


def trend_in(text: str) -> str | None:
    """"fall" or "rise" when ``text`` (a question) says a figure moved one way only; None otherwise."""
    moved_at = {m.start(g) for m in _MOVED.finditer(text) for g in ("a", "b") if m.group(g)}
    text = re.sub(r"\b(?:up|down)\b", lambda m: m.group() if m.start() in moved_at else " ", text, flags=re.I)
    fall, rise = bool(_FALL.search(text)), bool(_RISE.search(text))
    return "fall" if fall and not rise else "rise" if rise and not fall else None


# Undoing or sparing a levy: "Which sectors did the US exempt from the 50% tariff?" is not answered
# by the sectors it hit. A pause or suspension is not among these: it undoes nothing for good.
_UNDOING = re.compile(r"\b(?:exempt\w*|spare[ds]?|sparing|exclud\w*|waive[ds]?|waiver\w*|lift(?:ed|s|ing)?|"
                      # people removed, and "removals", are deported, which undoes no levy
                      r"(?<!\bIndians\s)(?<!\bmigrants\s)(?<!\bnationals\s)(?<!\bpeople\s)remov(?!als\b)\w*|"
                      r"scrap(?:ped|s|ping)?|cancel\w*|withdr[ae]w\w*|revok\w*|rolled back|roll back|repeal\w*)\b",
                      re.I)


# Lowering a levy: "What tariff did the US cut on Indian textiles?" is not answered by "The US imposed 50% on
# ... textiles", nor is a question on tariff cuts by a levy imposed; "tariff reductions", "lowering duties",
# "duty concessions" speak of one. The word of lowering must stand by the levy's, so "cut" alone (a "cut"
# of a deal) says nothing of one.
_LEVY_WORD = r"(?:tariffs?|dut(?:y|ies)|levy|levies|rates?)"
_LOWERING = (r"(?:cut|cuts|cutting|reduc\w*|lower(?:ed|s|ing)?|slash\w*|trim(?:med|s|ming)?|concessions?|"
             r"relief|eas(?:e|ed|es|ing))")
_LOWERED = re.compile(rf"\b{_LOWERING}\W+(?:[\w’'-]+\W+){{0,3}}?{_LEVY_WORD}\b|"
                      rf"\b{_LEVY_WORD}\W+(?:[\w’'-]+\W+){{0,3}}?{_LOWERING}\b", re.I)
# in a sentence, a levy "adjusted" may be lowered too ("limited tariff adjustments may be possible")
_LOWERED_SAID = re.compile(rf"{_LOWERED.pattern}|\b{_LEVY_WORD}\s+adjust\w*", re.I)
# and the other way: "raising duties" is not answered by "lowering duties"; in a sentence, a levy imposed
# is one raised ("The US imposed 50% on several Indian exports ... as a penalty")
_RAISING = r"(?:rais(?:e|ed|es|ing)|hik(?:e|ed|es|ing)|higher|increas(?:e|ed|es|ing)|steeper)"
_RAISED = re.compile(rf"\b{_RAISING}\W+(?:[\w’'-]+\W+){{0,3}}?{_LEVY_WORD}\b|"
                     rf"\b{_LEVY_WORD}\W+(?:[\w’'-]+\W+){{0,3}}?{_RAISING}\b", re.I)
_RAISED_SAID = re.compile(rf"{_RAISED.pattern}|\b(?:impos\w*|levied|penalty|steep)\b", re.I)


# Refusing, stopping or banning: "Which country did Modi refuse to call?" is not answered by his not having
# reached out, nor "Which goods did India stop importing?" by its exports; the sentence must tell of such
# an act, or of a will not to act ("we can't risk opening it"). ("Declined" alone is a figure's fall.)
_REFUSING = (r"refus\w*|reject\w*|den(?:y|ies|ied|ying|ial)|ban(?:s|ned|ning)?|block(?:s|ed|ing)?|halt\w*|"
             r"stop(?:s|ped|ping)?|ceas(?:e|ed|es|ing)|quit(?:s|ting)?|abandon\w*|boycott\w*|veto\w*|"
             r"declin(?:e|ed|es|ing)\s+to")
_REFUSED = re.compile(rf"\b(?:{_REFUSING})\b", re.I)
_REFUSED_SAID = re.compile(rf"\b(?:{_REFUSING}|can[’']t|cannot|won[’']t|will not|would not|not able to|unwilling)\b",
                           re.I)


# Which came first or last: "Which country did the US seal a trade pact with first?" is not answered by a
# list of the countries, which says nothing of their order; a sentence must speak of the order asked
_ORDER_ASKED = re.compile(r"\b(?P<order>first|last)\s*\?*\s*$|"
                          r"\b(?:the\s+)?(?P<order2>first|last)\s+(?:one\s+)?to\s+[a-z]", re.I)
_ORDER_SAID = {"first": re.compile(r"\b(?:first|earliest|initial(?:ly)?|began|begin|opening)\b", re.I),
               "last": re.compile(r"\b(?:last|final(?:ly)?|latest|most recent)\b", re.I)}


def order_in(question: str) -> str | None:
    """"first" or "last" when ``question`` asks which came first or last ("... with first?", "the first to")."""
    match = _ORDER_ASKED.search(question)
    return (match["order"] or match["order2"]).lower() if match else None


def speaks_of_order(order: str, text: str) -> bool:
    """Whether ``text`` speaks of what came ``order`` ("first": "first", "earliest", "initially" ...)."""
    return _ORDER_SAID[order].search(text) is not None


# "What did the US do after India's exports crossed USD 100 billion?" asks what followed the event it names: a
# sentence telling that event alone ("India's exports ... crossed the USD 100 billion mark in 2025") tells
# nothing after it. A sentence with every content word of the event must also say how something stood to it
# in time; one telling something else ("Goyal said in a post on X" for "... after the meeting?") may answer.
_ANCHORED = re.compile(r"^\s*what\s+(?:did|does|do|has|have|had|will|would|happened|took\s+place)\b.*?"
                       r"(?P<when>\b(?:after|before|following|ahead\s+of|prior\s+to)\s+(?P<event>[^?,;]+))", re.I)
_IN_TIME = re.compile(r"\b(?:after|afterwards|before|ahead|following|followed|follows|later|then|since|prior|"
                      r"subsequent\w*|until|till|once|when|next|preced\w*|too\s+late|earlier|first)\b", re.I)


def anchor_in(question: str) -> frozenset[str]:
    """The content stems of the event a "What did X do after <event>?" question asks what followed (or came
    before); empty for other questions."""
    match = _ANCHORED.search(question)
    return frozenset(t for t in tokenize(match["event"]) if len(t) > 1) if match else frozenset()


def anchor_words(question: str) -> str | None:
    """The question's words for the event with its word of time ("after India's exports crossed USD 100 billion")."""
    match = _ANCHORED.search(question)
    return match["when"].strip() if match else None


def tells_only_anchor(anchor: frozenset[str], sentence: str) -> bool:
    """Whether ``sentence`` tells the question's event (every content stem of it) and nothing of what stood
    before or after it in time."""
    return bool(anchor) and anchor <= set(tokenize(sentence)) and _IN_TIME.search(sentence) is None


# "What will India do if the bill passes?" asks what India will do: a sentence must have it (by name, or by
# its country) do something yet to come, "India will ...", "New Delhi is expected to ...", "we can't risk".
# (a thing "meant to do", or a figure "projected to do", is asked what it will be, not what anyone will do)
_WILL_DO = re.compile(r"^\s*what\s+(?:will|would|should|could|might|may|can)\s+(?:the\s+)?"
                      r"(?P<who>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+do\b", re.I)
_TO_COME = (r"(?:will|would|could|might|may|can|can[’']t|cannot|won[’']t|plans?|planning|intends?|aims?|expected|set|"
            r"likely|ready|prepared|seeks?|wants?)")


def plan_asked(question: str) -> str | None:
    """Who a "What will X do ...?" question asks the plan of ("India"), or None."""
    match = _WILL_DO.search(question)
    return match["who"] if match else None


def tells_plan(who: str, text: str) -> bool:
    """Whether ``text`` has ``who`` (a country by any of its names, or a person by name) do something yet
    to come: "New Delhi is expected to formally participate", "India will ..."."""
    pattern, code_of = country_pattern()
    codes = countries_in(who)
    if codes:
        named = [m.end() for m in pattern.finditer(text) if code_of[m.group(1)] in codes]
    else:
        named = [m.end() for w in who.split() for m in re.finditer(rf"\b{re.escape(w)}\b", text, re.I)]
    return any(re.match(rf"(?:[’']s)?(?:\s+[\w’'-]+){{0,3}}?\s+{_TO_COME}\b", text[end:], re.I) for end in named)


# Receiving from someone: "How many calls has Modi received from Trump?" is not answered by the calls Modi made
# to Trump; the giver's act is the receiver's turned round, so the sentence must tell of the receiving itself.
_RECEIVING = r"(?:receiv(?:e|ed|es|ing)|got|gotten|gets?|getting|obtain(?:s|ed|ing)?)"
_RECEIVED = re.compile(rf"\b{_RECEIVING}\b(?:\s+[\w’'-]+){{0,4}}?\s+from\b", re.I)
_RECEIVED_SAID = re.compile(rf"\b(?:{_RECEIVING}|receipts?|accept(?:s|ed|ing)?)\b", re.I)


# Agreeing to act: "Which sector did India agree to open fully?" is not answered by the US asking India to open
# some sectors; a sentence must tell of an agreement, a promise or a decision ("agreement", a deal's name, is none)
_AGREEING = r"(?:agree[ds]?|agreeing|promis(?:e|ed|es|ing)|pledg(?:e|ed|es|ing)|commit(?:s|ted|ting)?|decid\w*)"
_AGREED = re.compile(rf"\b{_AGREEING}\s+to\b", re.I)
_AGREED_SAID = re.compile(rf"\b(?:{_AGREEING}|decision|consent\w*|accept(?:s|ed|ing)?|offer(?:s|ed|ing)?)\b", re.I)


# A deal concluded: "When did India and the US sign the trade agreement?", "Who brokered the final deal?" take
# for granted a deal that is done. News of talks speaks of one at every turn, as a hope ("focusing on concluding
# the first phase by Fall 2025", "ahead of finalising"), so only a sentence that tells of one done answers, in
# the past ("have been finalised", "signed"; "to be signed" is still to come) or as done since ("moved on to
# sealing trade pacts with Indonesia"), not as aimed at.
# (the plain verb after "did", the participle after "was", in the question's first clause: "What signs of
# progress ...?", "What did they call the invitation a sign of?" and "When were the talks held, and by when
# should the first phase conclude?" ask of no deal done)
_CONCLUDING = (r"(?:sign|signed|ink|inked|seal|sealed|conclude|concluded|finali[sz]e|finali[sz]ed|clinch|clinched|"
               r"broker|brokered)")
_CONCLUDED_PAST = r"(?:signed|inked|sealed|concluded|finali[sz]ed|clinched|brokered)"
_DEAL = r"(?:deal|pact|agreement|accord|treaty|tranche|arrangement)"
_CONCLUDED = re.compile(rf"^\s*(?:when|who|whom|where|what|which|on what|in what|how)\b"
                        rf"(?:[^?,]*\b(?:did|was|were|has|have|had)\b[^?,]*(?<!\ba )(?<!\bthe )\b{_CONCLUDING}\b"
                        rf"|\s+{_CONCLUDED_PAST}\b)"
                        rf"|\b(?:final|signed|concluded|completed)\s+(?:[\w-]+\s+){{0,3}}?{_DEAL}\b", re.I)
# the hopes an "-ing" form may follow ("ahead of finalising", "focusing on concluding")
_AIMED = "".join(rf"(?<!\b{words} )" for words in (
    "ahead of", "towards", "toward", "focusing on", "focused on", "focus on", "aiming at", "aimed at", "committed to",
    "goal of", "hope of", "hopes of"))
_CONCLUDED_SAID = re.compile(r"(?<!\bbe )\b(?:signed|inked|sealed|concluded|finali[sz]ed|clinched|struck|brokered|"
                             rf"closed)\b|{_AIMED}\b(?:signing|inking|sealing|concluding|finali[sz]ing|clinching|"
                             r"striking|brokering)\b", re.I)


# Each act a question may ask of, with what asks of it in a question and what tells of it in a sentence and
# its context: a question that asks of one is answered only by a sentence that tells of it.
_ACTS = {"undoing": (_UNDOING, _UNDOING), "lowering": (_LOWERED, _LOWERED_SAID),
         "raising": (_RAISED, _RAISED_SAID), "refusing": (_REFUSED, _REFUSED_SAID),
         "receiving": (_RECEIVED, _RECEIVED_SAID), "agreeing": (_AGREED, _AGREED_SAID),
         "a deal concluded": (_CONCLUDED, _CONCLUDED_SAID)}


def acts_asked(question: str) -> frozenset[str]:
    """The acts ``question`` asks of: "undoing" (exempting, lifting, scrapping ...), "lowering" or "raising"
    a levy, "refusing" (refusing, stopping, banning), "receiving" from someone, "agreeing" to act, "a deal
    concluded" (signed, sealed, brokered)."""
    return frozenset(act for act, (asked, _) in _ACTS.items() if asked.search(question))


def tells_of_act(act: str, text: str) -> bool:
    """Whether ``text`` (a sentence and its context) tells of ``act``, one of those :func:`acts_asked` gives."""
    return _ACTS[act][1].search(text) is not None


# ---------------------------------------------------------------- who did it

# A run of capitalized words, a person's or a country's name ("Howard Lutnick", "US"), whatever the
# case of the pattern around it; with "did ...": the doer a question names, then its verb
_NAMED = r"(?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+)*"
_DOES = r"\b(?:did|does|do|has|have|had)\s+"
_THEN_VERB = r"\s+(?:not\s+)?[a-z]{3,}\b"
_AGENT = re.compile(rf"{_DOES}(?P<who>{_NAMED}){_THEN_VERB}", re.I)


# "Trump's calls to Modi": a possessive before an act's noun, done to someone named, is the act's doer
_POSSESSIVE_ACT = re.compile(rf"(?P<who>{_NAMED})[’']s\s+(?P<act>(?i:calls?|visits?|letters?|invitations?|offers?|"
                             rf"requests?|messages?|meetings?|talks))\s+(?i:to|with)\s+(?:the\s+)?(?-i:[A-Z])")


# Groups of people who act as one in the news: "What did importers fear ...?" is not answered by "exporters fear"
GROUPS = frozenset("exporters importers farmers analysts experts economists traders investors manufacturers "
                   "producers growers consumers workers businesses lawmakers".split())
_GROUP_AGENT = re.compile(rf"{_DOES}(?:the\s+|some\s+|many\s+)?(?:[a-z-]+\s+)?(?P<who>{'|'.join(sorted(GROUPS))})"
                          rf"{_THEN_VERB}", re.I)


def agent_in(question: str) -> tuple[frozenset[str], str | None]:
    """The words of the person a question says did something, and the stem of what they did ("How
    many times did Trump call Modi?" -> ({"trump"}, "call"); "Trump's calls to Modi" too); nothing
    when it is a country or no one."""
    owned = _POSSESSIVE_ACT.search(question)
    if owned and not countries_in(owned["who"]) and (act := tokenize(owned["act"])):
        return frozenset(w.lower() for w in owned["who"].split() if len(w) > 1), act[0]
    match = _AGENT.search(question)
    group = _GROUP_AGENT.search(question) if match is None else None
    if group:  # "What did importers fear ...?": a group of people, not named, did it
        return frozenset({group["who"].lower()}), _act_after(question[group.end("who"):])
    # "What did Goyal's post say ...?": what follows a possessive is a thing of theirs, not their act
    if match is None or countries_in(match["who"]) or re.search(r"[’']s$", match["who"]):
        return frozenset(), None
    act = _act_after(question[match.end("who"):])
    return frozenset(w.lower() for w in match["who"].split() if len(w) > 1), act


# "Where did Goyal and Lutnick meet?", "the call between Goyal and Lutnick", "When did Goyal meet Lutnick?":
# two people named as doing something together
_MEETING = (r"(?:(?:meet|met)(?:\s+with)?|call|phone|ring|speak\s+(?:with|to)|talk\s+(?:with|to)|"
            r"hold\s+talks\s+with|confer\s+with)")
_TOGETHER = re.compile(rf"{_DOES}(?P<a>{_NAMED})\s+and\s+(?P<b>{_NAMED}){_THEN_VERB}|"
                       rf"\bbetween\s+(?P<c>{_NAMED})\s+and\s+(?P<d>{_NAMED})|"
                       rf"{_DOES}(?P<e>{_NAMED})\s+(?-i:{_MEETING})\s+(?P<f>{_NAMED})\b", re.I)


def together_in(question: str) -> frozenset[str]:
    """The surnames of two people a question says did something together ("Where did Goyal and Lutnick
    meet?" -> {"goyal", "lutnick"}); nothing when either is a country."""
    match = _TOGETHER.search(question)
    people = [who for who in match.groups() if who] if match else []
    if len(people) != 2 or any(countries_in(who) for who in people):
        return frozenset()
    return frozenset(who.split()[-1].lower() for who in people)


# "What did the US offer India ...?": a country's name may take "the"
_AGENT_THE = re.compile(rf"{_DOES}the\s+(?P<who>{_NAMED}){_THEN_VERB}", re.I)
# "Which American product is India buying more of?", "Which US goods will India buy?": the doer of an act
# going on or to come (a passive, "Was India invited ...?", has India done to)
_AGENT_ON = re.compile(rf"\b(?:(?P<going>is|are|was|were)|will|would)\s+(?:the\s+)?(?P<who>{_NAMED})\s+(?:not\s+)?"
                       r"(?(going)(?=[a-z]{3,}ing\b)|(?=[a-z]{3,}\b))", re.I)

# "What did Lutnick say India had moved on to?": the country said to have done it
_SAID_WHO = re.compile(rf"\bsay\s+(?:that\s+)?(?:the\s+)?(?P<who>{_NAMED})\s+"
                       r"(?:had|has|have|was|were|would|will|could)\s+", re.I)


# "What did the Indian foreign secretary thank the US for?": the doer is the country's office holder, and the
# act is the verb after the office, not its first word
_OFFICE_AFTER = re.compile(r"^\s+(?:(?:deputy|vice|chief|senior|former|commerce|industry|trade|external|foreign|"
                           r"home|affairs|state|defence|finance|and)\s+)*(?:secretary|minister|president|"
                           r"representative|spokesperson|official|negotiator|ambassador|envoy)s?(?:\s+of\s+state)?\b",
                           re.I)


def country_agent_in(question: str) -> tuple[str, str] | None:
    """The country a question says did something, and the stem of what it did ("Which countries did
    Vietnam seal trade pacts with?" -> ("VN", "seal"), "What did Lutnick say India had moved on to?" ->
    ("IN", "move")); None when no one country is the doer."""
    said = _SAID_WHO.search(question)
    if said and len(codes := countries_in(said["who"])) == 1:
        act = _act_after(question[said.end():])
        return (next(iter(codes)), act) if act else None
    # "Did the US seek ...?" asks whether the US did it, "the" or not
    match = _AGENT.search(question) or _AGENT_THE.search(question) or (
        _WHETHER_DONE.match(question) and _SUBJECT.search(question)) or _AGENT_ON.search(question)
    codes = countries_in(match["who"]) if match else frozenset()
    if len(codes) != 1:
        return None
    rest = question[match.end("who"):]
    act = _act_after(rest[office.end():] if (office := _OFFICE_AFTER.match(rest)) else rest)
    return (next(iter(codes)), act) if act else None


# "Which Indian minister spoke on the podcast?": a person asked for by a role of a country, and what they did
_ROLE_OF_COUNTRY = re.compile(r"^\s*which\s+(?P<of>(?:[\w.’'-]+\s+){1,3}?)(?:official|minister|secretary|spokesperson|"
                              r"diplomat|negotiator|ambassador|envoy|president|leader|chief)s?\s+(?P<act>[a-z]+)\b",
                              re.I)
_NOT_DONE = frozenset("did does do is are was were has have had will would can could also".split())
# a person's name, with the title before it: "US Deputy Secretary of State Christopher Landau", "Landau"
_PERSON_RUN = re.compile(r"\b(?-i:[A-Z][\w.’'-]*)(?:\s+(?:of\s+)?(?-i:[A-Z][\w.’'-]*))*")
_OFFICE_WORDS = frozenset("commerce industry trade external foreign home affairs state defence finance".split())
_WHEN_WORDS = re.compile(rf"^(?:{WEEKDAY}|{MONTH})$")
# "Speaking on ..., US Commerce Secretary Howard Lutnick said": the subject after the opening phrase
_OPENING_DONE_BY = re.compile(r",\s+(?P<who>(?:(?-i:[A-Z])[\w.’'-]*\s+){1,6}?(?-i:[A-Z][a-z]+))\s+(?-i:[a-z]+)")


def country_role_act_in(question: str) -> tuple[str, str] | None:
    """The country whose official a "which" question asks for, and the stem of what the official did
    ("Which Indian minister spoke on the All-In Podcast?" -> ("IN", "speak")); None otherwise."""
    match = _ROLE_OF_COUNTRY.match(question)
    if match is None or match["act"].lower() in _NOT_DONE:
        return None
    codes, act = countries_in(match["of"]), tokenize(match["act"])
    return (next(iter(codes)), act[0]) if len(codes) == 1 and act else None


def doer_described(act: str, sentence: str) -> str | None:
    """The words that name whoever did ``act`` in ``sentence``, the title and its country with them: the
    person just before the act in its clause ("Landau also thanked"), or, for a
    sentence opening on the act ("Speaking on the All-In Podcast on January 8, 2026, US Commerce Secretary
    Howard Lutnick said ..."), the first person after the opening phrase. None when no one is named so."""
    around = _around_act(act, sentence)
    if around is None:
        return None
    before, word, after = around
    if not before.strip() and word.lower().endswith("ing"):
        # the subject after the opening phrase's comma, title and all, before its verb
        subject = _OPENING_DONE_BY.search(after)
        return subject["who"] if subject else None
    clause = _own_clause(before)
    # a day ("on Tuesday") or a country ("India") is no one
    runs = [m for m in _PERSON_RUN.finditer(clause)
            if not _WHEN_WORDS.match(m.group()) and not countries_in(m.group().split()[-1])]
    # "Landau and Misri held phone talks": both did it ("Commerce and Industry Minister" is one title)
    if len(runs) > 1 and runs[-2].group().split()[-1].lower() not in _OFFICE_WORDS \
            and re.search(r"\band\b", clause[runs[-2].end():runs[-1].start()]):
        return None
    return runs[-1].group() if runs else None


# "did India say it would target ...": the act asked is the one said to be meant
_SAID_IT_WOULD = re.compile(r"^\s*(?:say|said|says)\s+(?:that\s+)?(?:it|they)\s+(?:would|will|could|might)\s+", re.I)


_ADVERBS = frozenset("already also still yet just even ever once now then again further since most".split())


def _act_after(rest: str) -> str | None:
    """The stem of the verb that follows a question's doer, an adverb aside ("officially give" -> "give"),
    or that the doer said it would do ("say it would target" -> "target")."""
    rest = _SAID_IT_WOULD.sub("", rest)
    # "Which sectors has India already opened ...?": an adverb is no act
    words = [w for w in rest.split() if not w.lower().endswith("ly") and w.lower() not in _ADVERBS]
    if words and words[0].lower() in ("been", "being", "be"):
        # "... say the US has been doing ...?" asks what the US does; in "Has India been invited ...?" it is
        # done to India, which does nothing
        if len(words) < 2 or not words[1].lower().endswith("ing"):
            return None
        words = words[1:]
    stems = tokenize(words[0]) if words else []
    return stems[0] if stems else None


# "The US has been asking India to open up a couple of sectors": opening asked for, or risked, is not done
_ONLY_ASKED = re.compile(r"(?:\b(?:ask\w*|want\w*|urg\w*|push\w*|press\w*|demand\w*|seek\w*|sought|invit\w*)\b"
                         r"(?:\s+[\w’'-]+){0,3}\s+to|\b(?:risk|can[’']?t|cannot|won[’']?t|not))\s+$", re.I)


# "Where does Biswajit Dhar teach now?": "Former Indian Institute of Foreign Trade professor Biswajit Dhar" held
# that post before; so did "then US President Donald Trump"
_NOW = re.compile(r"\b(?:now|currently|current|presently|still|these days)\b", re.I)
_FORMER = (r"\b(?:former|ex-|erstwhile|onetime|previous)\b[^,.;:()“”\"]{0,80}?"
           r"|\bthen\s+(?:(?-i:[A-Z])[\w.’'-]*\s+){1,6}?")


def asked_now(question: str, people: frozenset[str]) -> frozenset[str]:
    """The words of the people a question asks about as they are now ("Where does Dhar teach now?")."""
    return people if _NOW.search(question) else frozenset()


def formerly(people: frozenset[str], sentence: str) -> bool:
    """Whether ``sentence`` names one of ``people`` (lowercased words of a name) by a post they held
    before ("Former ... professor Biswajit Dhar")."""
    names = "|".join(re.escape(p) for p in sorted(people))
    return bool(names) and re.search(rf"(?:{_FORMER})\b(?i:{names})\b", sentence, re.I) is not None


def only_asked(act: str, sentence: str) -> bool:
    """Whether ``sentence`` names ``act`` (a stem) only as asked for, wanted or not done ("asking India to
    open up", "we can't risk opening it"), never as done."""
    found = [w for w in re.finditer(r"[A-Za-z]+", sentence) if tokenize(w.group()) == [act]]
    return bool(found) and all(_ONLY_ASKED.search(sentence[max(0, w.start() - 60):w.start()]) for w in found)


def does_something(code: str, sentence: str) -> bool:
    """Whether ``sentence`` has the country ``code`` do anything ("The US has been carrying out
    deportation operations"), not merely named ("eight calls to the US president"): what a question
    asks of any act of a country ("What has the US been doing ...?") is what it does."""
    pattern, code_of = country_pattern()
    return any(code_of[m.group(1)] == code and _DOES_SOMETHING.match(sentence, m.end())
               for m in pattern.finditer(sentence))


def _around_act(act: str, sentence: str) -> tuple[str, str, str] | None:
    """The text of the up to eight words before the first word of ``act`` in ``sentence``, where who
    did it is named, that word, and the text after it; None when the sentence does not name the act."""
    words = list(re.finditer(r"[A-Za-z]+", sentence))
    for n, word in enumerate(words):
        if tokenize(word.group()) == [act]:
            return sentence[words[max(0, n - 8)].start():word.start()], word.group(), sentence[word.end():]
    return None


def _before_act(act: str, sentence: str) -> str | None:
    around = _around_act(act, sentence)
    return around[0] if around else None


# People who act for their country: "Indian negotiators have offered" is India's offer, though
# "Indian imports" is no doer
_ACTORS = frozenset("negotiators officials official government ministers minister authorities administration "
                    "delegation diplomats envoys side".split())
# a country that does something in a sentence (see does_something): named, or its people who act for it,
# then a verb
_DOES_SOMETHING = re.compile(rf"(?:\s+(?:{'|'.join(sorted(_ACTORS))}))?\s+(?:has|have|had|having|is|are|was|were|"
                             r"will|would|did|does|do|can|could|may|might|\w+ed|wants|seeks|says|asks|plans|aims|"
                             r"sees|views)\b", re.I)


_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$", re.I)


def country_done_to(act: str, sentence: str) -> str | None:
    """The country a sentence has ``act`` done to, in the passive ("US officials have cited India among the
    countries that might be targeted" -> "IN" for "target"), or None."""
    around = _around_act(act, sentence)
    if around is None or not _PASSIVE.search(around[0]):
        return None
    window, done, _ = around
    if not re.search(r"(?:ed|en)$", done, re.I):  # "is seeking" is no passive
        return None
    pattern, code_of = country_pattern()
    named = [code_of[m.group(1)] for m in pattern.finditer(window) if not is_demonym(m.group(1))]
    return named[-1] if named else None


def country_doing(act: str, sentence: str) -> str | None:
    """The country named nearest before the first word of ``act`` in ``sentence``, within eight words
    ("with the US having moved on to sealing trade pacts with ... Vietnam" -> "US"), or None."""
    around = _around_act(act, sentence)
    if around is None:
        return None
    window, _, after = around
    pattern, code_of = country_pattern()
    # "15,564 Indian nationals have been deported by the US": the US deported them
    by = re.match(r"\s+by\s+(?:the\s+)?", after)
    if by and (named := pattern.match(after[by.end():])) and not is_demonym(named.group(1)):
        return code_of[named.group(1)]
    # "The U.S. reported a deficit of $45.7 billion with India ..., and views the BTA as a tool": a verb
    # joined on with "and" is done by the sentence's subject
    if re.search(r"(?:,\s*|\s)and\s*$", window) and (subject := leading_country(sentence)):
        return subject
    # "Indian imports", "American goods": a people's word qualifies a thing; the doer is named, or is
    # its people who act for it ("Indian negotiators")
    named = [code_of[m.group(1)] for m in pattern.finditer(window) if not is_demonym(m.group(1))
             or window[m.end():].split()[:1] and window[m.end():].split()[0].lower() in _ACTORS]
    return named[-1] if named else None


# the words that may stand between a doer's name and the act: "Modi later agreed", "Goyal also held"
_BETWEEN_DOER_AND_ACT = frozenset("later also then still had has have did not never already".split())


def person_doing(act: str, sentence: str) -> str | None:
    """The surname, lowercased, of the person named right before the first word of ``act`` in ``sentence``
    ("Although Modi later agreed to make the call" -> "modi"), or None when no name stands there."""
    around = _around_act(act, sentence)
    # nothing but spaces and such words between: in "Tammy Bruce, spokesperson for ..." no one does "spokesperson"
    named = re.search(rf"\b([A-Z][a-z]+)(?:\s+(?:{'|'.join(_BETWEEN_DOER_AND_ACT)}|\w+ly))*\s+$",
                      around[0]) if around else None
    if named is None or countries_in(named.group(1)):
        return None
    return named.group(1).lower()


# a country named after one of these is what is spoken of, not who acts ("over India"); "with the US having
# moved on to sealing ..." and "deported by the US" name who acts
_OBJECT_OF = re.compile(r"\b(?:over|on|upon|against|to|for|from|about|at|into|towards?)\s+(?:the\s+)?$", re.I)
# a person by office and name ("President Donald Trump", "US Commerce Secretary Howard Lutnick")
_OFFICE_HOLDER = re.compile(r"\b(?:President|Minister|Secretary|Commissioner|Representative|Ambassador)"
                            r"(?:\s+[A-Z][a-z]+){1,3}")


def acted_for_another(code: str, act: str, sentence: str) -> bool:
    """Whether ``sentence`` has an office-holder act before ``act`` whose title names another country or none,
    while naming the country ``code`` only as what is spoken of: "Uncertainties loom further over India as
    President Donald Trump gave a heads up for a bill that aims to impose 500% tariffs" is not India imposing."""
    holders = list(_OFFICE_HOLDER.finditer(sentence))  # the cheap test first: most sentences name none
    at = next((m for m in re.finditer(r"[A-Za-z]+", sentence) if tokenize(m.group()) == [act]), None) \
        if holders else None
    holders = [h for h in holders if at is not None and h.end() <= at.start()]
    if not holders:
        return False
    pattern, code_of = country_pattern()
    mentions = [m for m in pattern.finditer(sentence) if code_of[m.group(1)] == code]
    if not mentions or any(not is_demonym(m.group(1)) and not _OBJECT_OF.search(sentence[:m.start()])
                           for m in mentions):
        return False
    # the title's own words: the capitalized run just before the office ("US Commerce", "India's Foreign")
    title = re.search(r"(?:[A-Z][\w.’'-]*\s+)*$", sentence[:holders[-1].start()])
    return code not in countries_in(title.group())


# "What did India offer Russia in defence procurement?": the country right after a verb of giving is the
# one it is given to
_GIVEN_TO = re.compile(rf"\b(?:offer|offered|give|gave|promise|promised|grant|granted|extend|extended|sell|sold)"
                       rf"\s+(?:to\s+)?(?:the\s+)?(?P<to>{_NAMED})", re.I)
# where the clause of an act ends: "offered ... American crude oil, while gradually reducing reliance on
# Russian energy supplies" offers Russia nothing
_CLAUSE_END = re.compile(r",?\s+(?:while|whereas|but|though|although)\s+|;", re.I)


def recipient_in(question: str) -> tuple[str, str] | None:
    """The country a question's act is done for, and the act's stem ("What did India offer Russia ...?" ->
    ("RU", "offer")); None when the question names no one such country."""
    match = _GIVEN_TO.search(question)
    codes = countries_in(match["to"]) if match else frozenset()
    act = tokenize(match.group().split()[0]) if match else []
    return (next(iter(codes)), act[0]) if len(codes) == 1 and act else None


def gives_to(code: str, act: str, sentence: str) -> bool:
    """Whether ``sentence`` names the country ``code`` in the clause of its ``act`` (or names no such act,
    which other checks see to)."""
    around = _around_act(act, sentence)
    if around is None:
        return True
    window, word, after = around
    return code in countries_in(f"{window}{word}{_CLAUSE_END.split(after, maxsplit=1)[0]}")


# "Did the US seek duty cuts on textiles?": the one country a question's verb is done by, "the" or not
_SUBJECT = re.compile(r"\b(?:did|does|do|has|have|had|is|are|was|were|will|would)\s+(?:the\s+)?"
                      rf"(?P<who>{_NAMED}){_THEN_VERB}", re.I)
_WHETHER_DONE = re.compile(r"\s*(?:did|does|do|has|have|had)\b", re.I)
_WHILE = re.compile(r",?\s+(?:while|whereas)\s+", re.I)


def subject_country_in(question: str) -> str | None:
    """The one country a question says does what it asks of ("Did the US seek ...?" -> "US"), or None."""
    match = _SUBJECT.search(question)
    codes = countries_in(match["who"]) if match else frozenset()
    return next(iter(codes)) if len(codes) == 1 else None


def contrasted_clause(stems: frozenset[str], sentence: str, subject: str | None = None) -> str | None:
    """In a sentence that sets two doers against each other ("The U.S. seeks lower tariffs on wines ...,
    while India aims for duty cuts on textiles ..."), the clause holding most of ``stems`` (the
    question's words); on a tie, the one ``subject`` (the country the question has act) leads; None
    when the sentence sets none against another, or no one clause is found so."""
    clauses = _WHILE.split(sentence)
    if len(clauses) < 2:
        return None
    held = [len(stems & set(tokenize(clause))) for clause in clauses]
    best = max(held)
    if not best:
        return None
    tied = [clause for clause, n in zip(clauses, held) if n == best]
    if len(tied) > 1:
        # "Which farm goods does India want lower US duties on?": its words are in both clauses; India's is asked
        tied = [clause for clause in tied if subject is not None and clause_doer(clause) == subject]
    return tied[0] if len(tied) == 1 else None


def clause_doer(clause: str) -> str | None:
    """The country that leads a clause ("India aims for ..." -> "IN"), or None."""
    # the doer leads its clause ("India aims for ..."); "while gradually reducing reliance on Russian
    # energy" has none, and a people's word qualifies a thing
    pattern, code_of = country_pattern()
    lead = " ".join(clause.split()[:3])
    named = next((m for m in pattern.finditer(lead) if not is_demonym(m.group(1))), None)
    return code_of[named.group(1)] if named else None


_AFTER_PREPOSITION = re.compile(r"\b(?:with|to|from|on|of|for|against|by|into|in|at|over|than)\s+(?:the\s+)?$", re.I)


def leading_country(sentence: str) -> str | None:
    """The country a sentence opens with as its subject, within its first six words ("On the other hand,
    the US wants ...", "India is seeking ..."); a people's word or a country after a preposition
    ("With America, India had ...") is none. None when the opening names no country, or two."""
    pattern, code_of = country_pattern()
    lead = " ".join(sentence.split()[:6])
    named = [m for m in pattern.finditer(lead) if not is_demonym(m.group(1))
             and not _AFTER_PREPOSITION.search(lead[:m.start()])]
    codes = {code_of[m.group(1)] for m in named}
    return next(iter(codes)) if len(codes) == 1 and not re.search(r"\band\b", lead[:named[-1].end()]) else None


def done_to(act: str, names: set[str], sentence: str) -> frozenset[str]:
    """Those of ``names`` in the five words just after the first word of ``act`` in ``sentence`` (whom it
    was done to, in "described Prime Minister Narendra Modi as a close partner"); one after "by" did it
    ("was described by Modi")."""
    around = _around_act(act, sentence)
    after = [w.lower() for w in re.findall(r"[A-Za-z]+", around[2])[:5]] if around else []
    return frozenset(w for n, w in enumerate(after) if w in names and "by" not in after[:n])


# "made eight calls to the US president": one done to by title, not by name
_TO_TITLED = re.compile(rf"^\W*(?:[\w’'-]+\W+){{0,4}}?to\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){{0,2}}?"
                        rf"(?P<rank>(?i:{_RANKS}))\b")


def done_to_titled(act: str, sentence: str) -> str | None:
    """The rank, lower case, of the one ``sentence`` says ``act`` was done to when it names them by title only
    ("Modi has made eight calls to the US president": "president"); None when it does not."""
    around = _around_act(act, sentence)
    match = _TO_TITLED.match(around[2]) if around else None
    return match["rank"].lower() if match else None


# "Which Indian official thanked Landau ...?": the one the act was done to, by name
_PATIENT = re.compile(r"^\s*(?:who|which(?:\s+[A-Za-z]+){1,3}?)\s+(?P<act>[a-z]{2,}ed|met)\s+(?:the\s+)?"
                      rf"(?P<whom>{_NAMED})", re.I)


# "How many calls has the US president made to Modi?": the one it was made to
_RECIPIENT = re.compile(r"\b(?P<act>made|make|sent|send|gave|give|paid|pay|wrote|write|placed|place)\b[^?]*?\bto\s+"
                        rf"(?:the\s+)?(?P<whom>{_NAMED})", re.I)


def patient_in(question: str) -> tuple[frozenset[str], str | None]:
    """The words of the person a "who did it to X?" question names as X, and the stem of the act ("Which
    Indian official thanked Landau for ...?" -> ({"landau"}, "thank"), "How many calls has the US
    president made to Modi?" -> ({"modi"}, "make")); nothing when X is a country."""
    match = _PATIENT.match(question) or _RECIPIENT.search(question)
    if match is None or countries_in(match["whom"]):
        return frozenset(), None
    stems = tokenize(match["act"])
    whom = frozenset(w.lower() for w in match["whom"].split() if len(w) > 1)
    return (whom, stems[0]) if stems and whom else (frozenset(), None)


# "When did the MEA respond to the parliamentary query?": what was answered ("the MEA responded on Monday
# saying they are fully aware of the proposal" answers a proposal, on another day). A preposition after the
# verb starts no thing ("What did the MEA respond to on Monday?")
_RESPONDED = re.compile(r"\b(?:respond(?:ed|s|ing)?|repl(?:y|ied|ies|ying)|react(?:ed|s|ing)?|answer(?:ed|s|ing)?|"
                        r"in\s+(?:response|reply|answer)|(?:a|its|their|the)\s+(?:response|reply|answer))\s+"
                        r"(?:to\s+)?(?!(?:on|in|at|by|with|from|when|after|before|during|about|that|this|it)\b)"
                        r"(?P<thing>(?:[\w’'%-]+\s+){0,4}?[\w’'%-]+)"
                        r"(?=\s*[?,]|\s+(?:on|in|at|by|with|from|when|after|before|during|about|and|or)\b|\s*$)", re.I)


def responded_in(question: str) -> frozenset[str]:
    """The stems naming what a question asks a response to ("parliamentari", "queri" of "respond to the
    parliamentary query"); countries, figures and words that name nothing in particular left out."""
    match = _RESPONDED.search(question)
    if match is None:
        return frozenset()
    words = country_pattern()[0].sub(" ", re.sub(r"[’']s\b", "", match["thing"]))  # "Lutnick's claim"
    return frozenset(t for t in tokenize(words) if t not in QUESTION_STEMS and not t[0].isdigit())


def responded_as_asked(question: str) -> str | None:
    """What a response is asked to, as the question says it ("the parliamentary query")."""
    match = _RESPONDED.search(question)
    return match["thing"] if match else None


def _own_clause(before: str) -> str:
    """Of the words before an act, those in the act's own clause, where its doer stands: in "Although Modi
    later agreed to make the call, he said" the doer of "said" is no Modi."""
    return re.split(r"[,;:]", before)[-1]


_SUBJECT_PRONOUNS = frozenset("he she they we it".split())


def done_by(act: str, names: set[str], sentence: str) -> str | None:
    """Which of ``names`` stands nearest before the first word of ``act`` in ``sentence`` (who did it,
    in "Landau also thanked the Foreign Secretary Misri"), or None. The doer stands in the act's own
    clause: in "Although Modi later agreed to make the call, he said it came too late" Modi did not say it."""
    window = _before_act(act, sentence) or ""
    if re.search(r"\band\s+(?:also\s+|then\s+|later\s+)?$", window, re.I):
        # "Landau also thanked the Foreign Secretary Misri for ... and asked the Indian government for ...": a
        # verb joined on with "and" is done by the one who leads the sentence, not by the name nearest it
        lead = next((w.lower() for w in re.findall(r"[A-Za-z]+", sentence)[:6] if w.lower() in names), None)
        if lead is not None:
            return lead
    before = [w.lower() for w in re.findall(r"[A-Za-z]+", _own_clause(window))]
    # "They held phone talks": a pronoun nearer the act than any name leaves the doer to the sentence before
    return next((None if w in _SUBJECT_PRONOUNS else w for w in reversed(before)
                 if w in names or w in _SUBJECT_PRONOUNS), None)


def done_with(act: str, names: set[str], sentence: str) -> bool:
    """Whether one of ``names`` did ``act`` together with its doer, named after "with" just after the act
    ("Goyal held discussions with US Commerce Secretary Howard Lutnick": Lutnick held them too)."""
    around = _around_act(act, sentence)
    after = [w.lower() for w in re.findall(r"[A-Za-z]+", around[2])[:10]] if around else []
    return "with" in after and bool(set(after[after.index("with") + 1:][:6]) & names)


# ---------------------------------------------------------------- who imposed a levy on whom

def imposition_in(text: str) -> tuple[str, str] | None:
    """(who imposes, on whom) when ``text`` says a country imposes a levy on another: "The US imposed
    50% on several Indian exports" -> ("US", "IN"). None when it says no such thing."""
    match = _forms()["imposition"].search(text)
    if match is None:
        return None
    first, second = _pair(match)
    return (first, second) if first != second else None


def levied_on(text: str) -> str | None:
    """The country whose goods a levy in ``text`` falls on ("complained India's levies higher tariff on
    American goods" -> "US"), or None when it names none."""
    match = _forms()["levied_on"].search(text)
    if match is None:
        return None
    pattern, code_of = country_pattern()
    return code_of[pattern.search(match["b"]).group(1)]


def asked_to_act(text: str) -> str | None:
    """The country ``text`` has someone, a person or a country, ask or invite to act ("The US has been asking
    India to open up", "Donald Trump has pushed India to buy more", "they asked to open some sectors which
    are protected in India" -> "IN"), or None."""
    match = _forms()["asked"].search(text) or _forms()["asked_open"].search(text)
    if match is None:
        return None
    pattern, code_of = country_pattern()
    return code_of[pattern.search(match["b"] or match["c"]).group(1)]


# ---------------------------------------------------------------- trade balances

def balance_in(text: str) -> tuple[str, str] | None:
    """Who runs a trade surplus with whom, as (surplus side, deficit side), when ``text`` says it in
    one of the shapes news uses: "the US deficit with India" (India, US), "India's surplus with the
    US", "With America, India had a trade surplus" (India, US). None when it says no such thing."""
    for form in _forms()["balance"]:
        match = form.search(text)
        if match:
            first, second = _pair(match)
            if first != second:
                return (first, second) if match["m"].lower() == "surplus" else (second, first)
    return None


# ---------------------------------------------------------------- which way goods flow

def flows_in(text: str) -> frozenset[tuple[str, str]]:
    """Each flow of goods ``text`` names, as (from, to): "US goods exports to India" and "India's
    imports from the US" are both ("US", "IN"); "India's exports to the United States" is ("IN", "US")."""
    found = set()
    for form, swap in _forms()["flows"]:
        for match in form.finditer(text):
            a, b = _pair(match)
            if a != b:
                found.add((b, a) if swap else (a, b))
    return frozenset(found)


# a flow told by one end only: "shipments to the US" (where the goods go), "imports from India" (where they
# come from)
_ONE_END = re.compile(r"\b(?P<word>exports?|shipments?|sales|imports?|purchases?)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?P<way>to|into|from)\s+(?:the\s+)?", re.I)


def one_sided_flows(sentence: str) -> frozenset[tuple[int, str]]:
    """(side, country) for each flow ``sentence`` names by one end: side 1 for where goods go ("shipments to
    the US" -> (1, "US")), 0 for where they come from ("imports from India" -> (0, "IN"))."""
    pattern, code_of = country_pattern()
    found = set()
    for match in _ONE_END.finditer(sentence):
        country = pattern.match(sentence, match.end())
        if country:
            found.add((0 if match["way"].lower() == "from" else 1, code_of[country.group(1)]))
    return frozenset(found)


# ---------------------------------------------------------------- whose it is

# "the US's largest trading partner" is not "India's largest trading partner", "US exports" not
# "India's total goods exports", "US nationals" not "Indian nationals": the country a thing belongs to
# (whose surplus or deficit is balance_in's: one side's surplus is the other's deficit)
# (a country's position or stance is its own: "India's position" is no US position)
# (a "trade deal" or "trade talks" is no trade a country owns: "Indian textiles after the trade deal")
_OWNED = (rf"exports|imports|{TRADE_WHOLE}|partner|partners|"
          r"tariffs?|levies|duties|markets?|nationals|citizens|migrants|farmers|growers|workers|consumers|students|companies|firms|"
          r"positions?|stances?")
# People a country's word stands before ("American farmers"): a sentence about farmers that does not
# itself name the country may be about another's ("small and marginal farmers" of India's position)
PEOPLE = frozenset("farmers growers workers consumers students companies firms".split())


def owned_in(text: str) -> frozenset[tuple[str, str]]:
    """(country, thing) for each thing ``text`` says is a country's: "India's total goods exports" ->
    ("IN", "exports"), "US nationals" -> ("US", "nationals")."""
    code_of = country_pattern()[1]
    return frozenset((code_of[match.group(1)], _SAME_THING.get(match["thing"], match["thing"]))
                     for match in _forms()["owned"].finditer(text))


# a country's levies are its tariffs, by whichever name ("India's levies higher tariff", "US tariffs")
_SAME_THING = {"tariff": "tariffs", "levies": "tariffs", "duties": "tariffs"}


# ---------------------------------------------------------------- currencies, superlatives, places

# "the deficit in rupees": a figure in dollars is no answer in another currency
_CURRENCIES = {"INR": r"rupees?|₹|Rs\.?|INR|crore|lakh", "USD": r"dollars?|\$|USD|US\$",
               "EUR": r"euros?|€|EUR", "GBP": r"pounds?|£|GBP"}
# ("How many billion rupees ...?" asks in rupees too)
_IN_CURRENCY = re.compile(rf"\b(?:in|how\s+many(?:\s+(?:billion|million|trillion|thousand|crore|lakh))?)\s+"
                          rf"(?:(?:US|American|Indian)\s+)?({'|'.join(_CURRENCIES.values())})(?=\W|$)", re.I)


def currency_in(question: str) -> str | None:
    """The currency a question asks an amount in ("in rupees", "how many billion rupees" -> "INR"), if it
    names one."""
    match = _IN_CURRENCY.search(question)
    if match is None:
        return None
    return next(code for code, words in _CURRENCIES.items() if re.fullmatch(words, match.group(1), re.I))


def currency_as_asked(question: str) -> str | None:
    """The currency as the question names it ("amounts in rupees"), or None."""
    match = _IN_CURRENCY.search(question)
    return f"amounts in {match.group(1)}" if match else None


def currencies_named(sentence: str) -> frozenset[str]:
    """The currencies ``sentence`` gives amounts in."""
    return frozenset(code for code, words in _CURRENCIES.items()
                     if re.search(rf"(?:^|[^\w$₹€£])(?:{words})(?:\s?\d|\b|(?=\d))", sentence, re.I))


# "India's largest export sector" is not "India's largest trading partner": a superlative is of the
# thing it stands before
_SUPERLATIVES = "largest|biggest|highest|lowest|smallest|leading|top|main|primary|least"
_SUPERLATIVE = re.compile(rf"(?<!\bat )\b({_SUPERLATIVES})\s+"  # "at least partially" ranks nothing
                          r"((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)(?=\s+(?:to|for|of|in|with|from|by|that|which|since|"
                          # ... or where a name begins: "the smallest sector India seeks"
                          r"and|is|was|are|were|has|had)\b|\s+[A-Z]|\s*[?,.;]|\s*$)")


_ANY_SUPERLATIVE = re.compile(rf"(?<!\bat )\b(?:{_SUPERLATIVES}|most|best|worst|greatest|major)\b", re.I)


_LEAST = frozenset({"lowest", "smallest", "least"})


def ranks_something(text: str, superlative: str) -> bool:
    """Whether ``text`` says which is most of something the way ``superlative`` does: it has a
    superlative of the same direction ("biggest" for "largest"; "most sensitive" is no "least"), of
    whatever thing."""
    return any((m.group().lower() in _LEAST) == (superlative in _LEAST) for m in _ANY_SUPERLATIVE.finditer(text))


# a superlative said of someone's post is their title ("the top trade negotiator", "the highest official")
_POSTS = frozenset(tokenize("negotiator official officer diplomat leader minister secretary envoy adviser aide "
                            "executive representative spokesperson"))


def ranks_only_posts(text: str, superlative: str, head: str) -> bool:
    """Whether every superlative of ``superlative``'s direction that ``text`` says of a thing is a title of
    someone's post, not ``head`` ("the top trade negotiator" ranks no surplus), when it says one of any thing.
    (A superlative of another thing may say the same in other words: "the biggest buyer" of India's
    partners is its "largest trading partner".)"""
    same_way = [h for s, h in superlatives_in(text) if (s.lower() in _LEAST) == (superlative in _LEAST)]
    return bool(same_way) and head not in same_way and set(same_way) <= _POSTS


# "India being one of the highest importers of Russian oil" ranks India among the highest, not highest: a
# superlative of one of several answers only a question that asks of one of several
_AMONG = re.compile(rf"\b((?:one|some|two|three|four|five|several|a few|any)\s+of\s+(?:the|its|their|\w+['’]s)\s+|"
                    rf"\bamong\s+(?:the|its|their|\w+['’]s)\s+)(?:{_SUPERLATIVES}|most|best|worst|greatest)\b", re.I)


def among_several(text: str) -> str:
    """``text`` with each superlative of one of several left out ("one of the highest importers" -> "one of the
    importers"), for questions that ask which is the one."""
    return _AMONG.sub(lambda m: m.group(1), text)


def asks_among(question: str) -> bool:
    return _AMONG.search(question) is not None


# "In which year was India's surplus with the US smallest?", "... at its lowest?": the superlative is said of
# the subject, whose head stands before its first preposition ("surplus" of "India's surplus with the US")
_SUPERLATIVE_SAID_OF = re.compile(rf"\b(?:was|were|is|are|been)\s+(?P<subject>[^?,;:]+?)\s+"
                                  rf"(?:the\s+|at\s+(?:its|their)\s+)?(?P<sup>{_SUPERLATIVES})\s*(?:[?.!]|$)", re.I)
_SUBJECT_ENDS = re.compile(r"\s+(?:with|to|for|of|in|from|between|on|by|among)\s", re.I)


def superlatives_in(text: str) -> frozenset[tuple[str, str]]:
    """(superlative, stem of the thing it is of): "India's largest trading partner for" -> ("largest", "partner"),
    "was India's surplus with the US smallest?" -> ("smallest", "surplus")."""
    found = set()
    for m in _SUPERLATIVE.finditer(text):
        stems = tokenize(m.group(2))
        if stems:
            found.add((m.group(1).lower(), stems[-1]))
    for m in _SUPERLATIVE_SAID_OF.finditer(text):
        stems = tokenize(_SUBJECT_ENDS.split(m["subject"], maxsplit=1)[0])
        if stems:
            found.add((m["sup"].lower(), stems[-1]))
    return frozenset(found)


# "When did Lutnick visit New Delhi?": a city asked about as where something happened must be named
# so in the sentence; the dateline "New Delhi:" says where the article was written. pycountry carries no
# cities: these are the capitals countries.py reads as their countries, and the hubs the press names.
_CITIES = ("New Delhi", "Delhi", "Washington", "Beijing", "Moscow", "Tokyo", "London", "Brussels", "Mumbai")
_CITY_ASKED = re.compile(rf"\b(?:visit(?:ed|s|ing)?|in|to|at|from)\s+({'|'.join(_CITIES)})\b")


_DATELINE = re.compile(r"^\s*[A-Z][\w ]{2,20}?\s*(?::|[–—]\s)")


def cities_in(question: str) -> frozenset[str]:
    """The cities a question asks about as places ("visit New Delhi" -> {"new delhi"})."""
    return frozenset(m.group(1).lower() for m in _CITY_ASKED.finditer(question))


def names_city(city: str, sentence: str) -> bool:
    """Whether ``sentence`` names ``city`` other than as its dateline ("New Delhi: ...", "WASHINGTON –")."""
    return re.search(rf"\b{re.escape(city)}\b", _DATELINE.sub("", sentence, count=1), re.I) is not None


# "Which Indian city did Goyal visit in March?": "Goyal was in Washington" names a US city, no Indian one. Only
# capitals are known to be some country's; a city the tables do not know is left to the other checks.
_WHOSE_CITY = re.compile(r"\b(?i:which|what)\s+(?P<who>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+"
                         r"(?:city|cities|capital|town)\b")


def city_country_in(question: str) -> str | None:
    """The country a city is asked of ("Which Indian city ...?" -> "IN"), or None."""
    match = _WHOSE_CITY.search(question)
    codes = countries_in(match["who"]) if match else frozenset()
    return next(iter(codes)) if len(codes) == 1 else None


def city_as_asked(question: str) -> str | None:
    """The city asked of a country, in the question's words ("an Indian city"), or None."""
    match = _WHOSE_CITY.search(question)
    if match is None:
        return None
    words = match.group()[match.start("who") - match.start():]
    return f"{'an' if words[0] in 'AEIOU' else 'a'} {words}"


def names_city_of(code: str, sentence: str) -> bool | None:
    """Whether ``sentence`` names a capital of the country ``code`` (its dateline aside); None when it
    names no capital at all."""
    named = capitals_in(_DATELINE.sub("", sentence, count=1))
    return (code in named) if named else None


# "When did the first load of migrants arrive in the US?": "arrived in India" is another arrival
_ARRIVAL = (r"\b(?:arriv\w*|land(?:ed|s|ing)?|flown|flew|sent(?:\s+back)?|deported|returned|travell?(?:ed|ing|s)?|"
            r"went|headed)\s+(?:back\s+)?(?:in|at|to|into)\s+(?:the\s+)?")


def destinations_in(text: str) -> frozenset[str]:
    """The countries ``text`` says someone or something arrived in, was sent or travelled to."""
    code_of = country_pattern()[1]
    return frozenset(code_of[m.group(1)] for m in _forms()["arrival"].finditer(text))


# ---------------------------------------------------------------- what kind of statement answers

# "Which sectors is India not seeking duty concessions for?" asks what was not done: a sentence that
# says what was done, with no negation of its own, does not answer it. A "what would happen if" question
# is answered only by a sentence that speaks of what may be; a rise in "percentage points" only by one
# in points, not a rise in per cent.
_NOT_ASKED = re.compile(r"\b(?:not|never|neither|nor)\b|n[’']t\b", re.I)
_NOT_SAID = re.compile(r"\b(?:not|no|never|nor|neither|without|except|excluding|other than|rather than|apart from|"
                       r"besides|beyond|outside|non)\b|n[’']t\b", re.I)
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might)\b.*\bif\b|\bif\b.*\b(?:would|could|might)\b|"
                           r"\bwhat (?:would|could|might) happen\b", re.I)
_MAY_BE = re.compile(r"\b(?:if|would|could|may|might|unless|likely|expected|projected|possible|potential)\b", re.I)
_POINTS = re.compile(r"\b(?:percentage|basis)\s+points?\b", re.I)


# "Who replaced Howard Lutnick as Commerce Secretary?" takes a replacement for granted: a sentence that
# names the office's holder but no replacement does not answer it
_EVENT = re.compile(r"\b(?:replac|succeed|resign|fired|sack|appoint|nominat|elect|dismiss|oust|step(?:ped)? down)\w*",
                    re.I)


def events_in(question: str) -> frozenset[str]:
    """Stems of a change of office a "who" question takes for granted ("replaced" -> "replac")."""
    if not re.match(r"\s*(?:who|whom)\b", question, re.I):
        return frozenset()  # "Which country did India replace as the US's largest partner?" is no office
    return frozenset(stems[0] for m in _EVENT.finditer(question) if (stems := tokenize(m.group())))


# "When did India join Pax Silica?" takes the joining for done: "New Delhi is expected to formally
# participate ... in the coming weeks" foresees it and says nothing of when it was done
_DONE_ASKED = re.compile(r"^\s*(?:when|until when|since when)\s+(?:did|was|were|had)\b", re.I)
_FORESEES = re.compile(r"\b(?:will|would|expected to|likely to|set to|due to|aims? to|aiming to|plans? to|"
                       r"hopes? to|intends? to)\b", re.I)


# and "When will Modi next visit Washington?" is answered only by a sentence that foresees a visit, not
# by "Modi’s visit to Washington in February 2025"
# "What tariff did the US suspend until June 9?" is answered only by a sentence that speaks of a pause
# (or the one before it does), not by one on exports rising despite tariffs
_PAUSING = re.compile(r"\b(?:suspen\w*|paus\w*|on hold|put off|defer\w*|postpon\w*|halt\w*)\b", re.I)
# "When was the tariff pause announced?" asks of the pause as a thing (kind "a pause"), and "It was announced on
# April 2" after "The US has suspended the 26 per cent tariffs" is the tariffs' date, not the pause's: a sentence
# whose subject is "it" takes the pause from the sentence before only where that one names a pause as a thing
# ("the 90-day pause", "a suspension"), which "it" can stand for. "What tariff did the US suspend until July 9, and
# when was it announced?" asks of the tariff, and its "it" is the tariffs (dev q610): kind "pause", as before.
_PAUSE_NAMED = re.compile(r"\b(?:pauses?|suspensions?|moratori(?:um|a)|on hold|deferrals?|postponements?|"
                          r"(?:a|the)\s+halt)\b(?!\s+(?:the|a|an|its|their|all)\b)", re.I)
_IT_OPENS = re.compile(r"^\W*it\b(?!\s+is\s+(?:not\s+)?(?:clear|likely|unclear|expected)\b)", re.I)
_NEXT_ASKED = re.compile(r"^\s*when\s+(?:will|is|are|would)\b.*\b(?:next|upcoming)\b", re.I)
_COMING = re.compile(r"\b(?:next|upcoming|coming|later)\b", re.I)


def statement_kinds_in(question: str) -> frozenset[str]:
    """What kind of statement a question needs: "negated", "conditional", "points", "done", "next",
    "pause" (or "a pause", where the question names the pause as a thing)."""
    kinds = {"negated"} if _NOT_ASKED.search(question) else set()
    if _HYPOTHETICAL.search(question):
        kinds.add("conditional")
    if _POINTS.search(question):
        kinds.add("points")
    if _DONE_ASKED.search(question):
        kinds.add("done")
    elif _NEXT_ASKED.search(question):
        kinds.add("next")
    if _PAUSING.search(question):
        kinds.add("a pause" if _PAUSE_NAMED.search(question) else "pause")
    return frozenset(kinds)


_AUXILIARIES = frozenset("do does did doing done be been being is are was were have has had get got".split())


_INVERTED_NEGATION = re.compile(r"^\W*(?:why|how\s+come|when|where)?\s*\w+n[’']t\s+(?:\w+\s+){1,4}?"
                                r"(?:been\s+)?(?P<verb>\w+(?:ed|en))\b", re.I)


def negated_in(question: str) -> frozenset[str]:
    """Stems of the (up to two) words a question's negation governs: "not asking India" -> {"ask",
    "india"}, "did not personally reach" -> {"person", "reach"}."""
    found = set()
    # "Why hasn't the trade deal closed yet?": a negated auxiliary put before its subject governs the verb
    # after the subject, a participle ("closed", "been signed"), not the subject's first word
    inverted = _INVERTED_NEGATION.match(question)
    if inverted:
        return frozenset(tokenize(inverted["verb"]))
    for match in re.finditer(r"(?:\b(?:not|never)|n[’']t)\s+(\w+)(?:\s+(\w+))?", question, re.I):
        # a country or a person is whom it is done to, not what is done ("did not call Trump"); "not do"
        # governs no word of its own
        found |= {stem for word in match.groups() if word and not countries_in(word) and not word[0].isupper()
                  and word.lower() not in _AUXILIARIES for stem in tokenize(word)}
    return frozenset(found)


def _negated_words(text: str, negation: re.Pattern) -> list[tuple[frozenset[str], bool]]:
    """Each word of ``text`` as its stems, with whether a ``negation`` stands within the three words
    before it; [] when ``text`` has no negation (this runs for every candidate sentence, and then
    there is nothing to stem)."""
    ends = [m.end() for m in negation.finditer(text)]
    if not ends:
        return []
    words = list(re.finditer(r"[\w’']+", text))
    # a word is a negation where one ends in it: "not", "don't", and the "than" of "other than"
    negates = [any(w.start() < end <= w.end() for end in ends) for w in words]
    return [(frozenset(tokenize(w.group())), any(negates[max(0, i - 3):i])) for i, w in enumerate(words)]


def _negated_occurrences(stems: frozenset[str], text: str, negation: re.Pattern = _NOT_SAID) -> tuple[list[bool], bool]:
    """For each word of ``text`` with one of ``stems``, whether a ``negation`` stands within the three
    words before it; and whether ``text`` has a negation at all."""
    words = _negated_words(text, negation)
    return [negated for word, negated in words if stems & word], bool(words)


def negates(governed: frozenset[str], text: str) -> bool:
    """Whether ``text`` negates what the question does: where it names a word the question's negation
    governs, a negation stands within the three words before it ("has been asking India to open ... not
    able to close" negates closing, not asking); where it names none of them, any negation will do."""
    occurrences, negated = _negated_occurrences(governed, text)
    return any(occurrences) if occurrences else negated


def negates_act(act: str, text: str, negation: re.Pattern = _NOT_SAID) -> bool:
    """Whether ``text`` names the act (a stem) only with a negation just before it ("without naming the
    beneficiary country", "did not name"): it denies what a question that takes the act for done asks."""
    occurrences, _ = _negated_occurrences(frozenset({act}), text, negation)
    return bool(occurrences) and all(occurrences)


# "how close the two sides were to a deal" asks a degree: "not able to close" denies nothing asked
_DEGREE = re.compile(r"\bhow\s+([a-z]+)", re.I)


def degree_words(question: str) -> frozenset[str]:
    """The stems of the words a question asks the degree of ("how close" -> "close")."""
    return frozenset(t for m in _DEGREE.finditer(question) for t in tokenize(m.group(1)))


def denies(stems: frozenset[str], text: str) -> bool:
    """Whether ``text`` names one of ``stems`` only with a "not" or "never" just before it ("temporary
    disagreements do not derail the larger partnership"): it says the opposite of a question that
    asks, with no negation of its own, who said they would derail it. "No further demands" is a
    thing there is none of, not a denial; and a particle ("did not reach out") is no act of its own."""
    words = _negated_words(text, _NOT_ASKED)  # read once for all the stems
    return any(all(flags) for stem in stems if len(stem) > 3
               if (flags := [negated for word, negated in words if stem in word]))


# A word turned by its negative prefix: "What did Dhar say ... would make impossible?" is not answered by
# "limited tariff adjustments may be possible", nor "Which issues were resolved?" by issues "unresolved".
# (A prefix on a stem of five letters or more; shorter ones, and the words below, only look negated:
# "income" is no "come" undone, "disclose" no "close".)
_NEGATIVE_PREFIX = re.compile(r"^(?:un|im|il|ir|in|dis|non-?)(?P<base>[a-z]{5,})$")
_NOT_TURNED = frozenset("disclose discount discover dispatch dispose distance district install instead improve "
                        "inquire interest interim internal invest involve insist inspect invite inflation "
                        # immigration is no migration undone, nor imports ports
                        "immigration immigrant immigrants imports imported importing impress insight".split())


# the base word negated in other words is turned as well: "not possible", "outside trade" ("non-trade")
_NEGATED_BASE = r"\b(?:not|no|never|without|outside|beyond|n[’']t)\s+(?:[a-z-]+\s+)?{}\b"


# Words whose opposite is another word, not a prefix: "unrestricted access would be difficult to justify" does
# not answer "What did Dhar say would be easy to justify?". Only the ease of a thing: a change's direction is
# the trend constraint's, and "a 5.1% increase ... a tool to narrow this gap" tells of a deficit that widened
# (as stems; no lexicon with antonyms installs offline)
_OPPOSITES = tuple((frozenset(tokenize(a)), frozenset(tokenize(b))) for a, b in (
    ("easy easier", "difficult hard harder"),))


def turns(question: str, sentence: str) -> bool:
    """Whether ``sentence`` has, without the question's own word, that word turned by a negative prefix,
    or turned back: "possible" for "impossible", "unresolved" for "resolved"; or its opposite in another
    word ("difficult" for "easy")."""
    asked_stems, said_stems = set(tokenize(question)), set(tokenize(sentence))
    for one, other in _OPPOSITES:
        for a, b in ((one, other), (other, one)):
            if asked_stems & a and not said_stems & a and said_stems & b and not asked_stems & b:
                return True

    def plain(word: str, text: str) -> bool:  # the word is in the text, and not negated there
        return re.search(rf"\b{re.escape(word)}\b", text) is not None and not re.search(
            _NEGATED_BASE.format(re.escape(word)), text)
    question, sentence = question.lower(), sentence.lower()
    asked = set(re.findall(r"[a-z][a-z-]+", question))
    said = set(re.findall(r"[a-z][a-z-]+", sentence))
    for turned, other, text in ((asked - said, said, sentence), (said - asked, asked, question)):
        for word in turned:
            match = _NEGATIVE_PREFIX.match(word)
            if match and word not in _NOT_TURNED and match["base"] in other and plain(match["base"], text):
                return True
    return False


def states(kind: str, sentence: str, before: str = "", governed: frozenset[str] = frozenset()) -> bool:
    """Whether ``sentence`` (with the one ``before`` it, where a negation, condition or unit of points
    may stand) is a statement of ``kind`` (statement_kinds_in); ``governed`` is negated_in's."""
    if kind == "done":
        return _FORESEES.search(sentence) is None
    if kind == "next":
        return _FORESEES.search(sentence) is not None or _COMING.search(sentence) is not None
    if kind == "negated":
        return negates(governed, f"{before} {sentence}")
    pattern = {"conditional": _MAY_BE, "points": _POINTS, "pause": _PAUSING, "a pause": _PAUSING}[kind]
    if kind == "a pause" and pattern.search(sentence) is None and _IT_OPENS.search(sentence):
        return _PAUSE_NAMED.search(before) is not None
    return pattern.search(f"{before} {sentence}") is not None


# ---------------------------------------------------------------- a part of a whole

# "Who was the Indian Foreign Secretary before Misri?" asks who held an office before (or after) the one named:
# a sentence that names Misri in it, and no one coming or going, does not say
_SUCCESSION_ASKED = re.compile(r"^\s*who\s+(?:was|were|is|will be|would be)\b.*\b(?P<way>before|after)\s+"
                               r"(?P<name>(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?)\s*\?*\s*$", re.I)
_SUCCESSION = re.compile(r"\b(?:predecessor|preceded|precede[sd]?|successor|succeed(?:s|ed)?|replac(?:e|es|ed|ing)|"
                         r"former|previous(?:ly)?|outgoing|incoming|took over|takes over|take over)\b", re.I)


def succession_asked(question: str) -> tuple[str, str] | None:
    """("before", "Misri") for a question that asks who held an office before Misri; None otherwise (a
    month or a country after "before" is a time or a place, not a holder)."""
    match = _SUCCESSION_ASKED.search(question)
    if match is None or countries_in(match["name"]) or re.fullmatch(MONTH, match["name"], re.I):
        return None
    return match["way"].lower(), match["name"]


def tells_succession(sentence: str) -> bool:
    """Whether ``sentence`` speaks of one holder coming after another ("succeeded", "his predecessor")."""
    return _SUCCESSION.search(sentence) is not None


# ---------------------------------------------------------------- when a thing began

# "When did the BTA negotiations begin?" asks when they began: "the broader COMPACT initiative launched in
# February 2025" dates the initiative's launch (the word before a start verb is what started), "talks held
# in Washington from April 23-25" the days of one round (which date a beginning only of a meeting asked of:
# "When did the talks in Washington begin?"), and "concluding the first phase" is no start at all.
# Negotiations, talks and discussions are one thing that starts.
_BEGIN_ASKED = re.compile(r"^\s*(?:when|on what date|on which date|what date|in (?:what|which) (?:year|month))\s+"
                          r"(?:did|do|does|was|were|has|have|had)\s+(?:the\s+)?(?P<thing>[\w.'’ -]+?)\s+"
                          r"(?:(?:first|formally|officially|actually)\s+)?(?:begin|start|commence|launch|kick\s+off|"
                          r"get\s+under\s*way|begun|started|commenced|launched|kicked\s+off)\b", re.I)
_START = re.compile(rf"\b(?:{STARTS}|first(?!\s+(?:phase|tranche|stage|part|half|quarter)\b))\b", re.I)
_STARTED_THING = re.compile(r"\b(?P<thing>[\w’'-]+)\s+(?P<verb>began|begun|start(?:ed|s)|commenc(?:ed|es)|"
                            r"launch(?:ed|es)|kicked\s+off|got\s+under\s*way)\s+(?:in|on|from|during|last|this)\b",
                            re.I)
_DAYS_FROM = re.compile(rf"\bfrom\s+(?:{MONTH})\s+\d{{1,2}}\s*(?:-|–|to)\s*\d{{1,2}}\b", re.I)
_TALKS = frozenset(tokenize("negotiations talks discussions dialogue"))
_MEETINGS = frozenset(tokenize("talks meeting round session visit deliberations conference summit"))
_NOT_THINGS = frozenset(tokenize("was were is are be been being has have had it they which that who formally "
                                 "officially first and"))


def beginning_asked(question: str) -> str | None:
    """The thing whose beginning a question asks the date of ("the BTA negotiations" -> "BTA negotiations"),
    or None."""
    match = _BEGIN_ASKED.search(question)
    return match["thing"].strip() if match else None


def tells_beginning(thing: str, sentence: str) -> bool:
    """Whether ``sentence`` has a start word that may date the beginning of ``thing``: not only the start
    of another thing ("the COMPACT initiative launched in February 2025") or the days of a meeting."""
    own = set(tokenize(thing))
    family = own | _TALKS if own & _TALKS else own
    others = set()
    for match in _STARTED_THING.finditer(sentence):
        started = set(tokenize(match["thing"]))
        # the two words before the head are its name ("the U.S.-India COMPACT initiative launched" is the
        # COMPACT's launch), within its clause
        named = set(tokenize(" ".join(re.split(r"[,;:()]", sentence[:match.start("thing")])[-1].split()[-2:])))
        if started and not started & (family | _NOT_THINGS) and not named & own:
            others.add(match.start("verb"))
    if not own & _MEETINGS:
        others |= {m.start() for m in _DAYS_FROM.finditer(sentence)}
    return any(m.start() not in others for m in _START.finditer(sentence))


# "How many were deported on commercial flights alone?": a figure for "chartered and commercial
# flights" is for more than what is asked
_ALONE = re.compile(r"\b([A-Za-z][\w-]*)\s+([A-Za-z][\w-]*)\s+(?:alone|only)\b|"
                    r"\bonly\s+(?:on\s+|through\s+|by\s+|via\s+|in\s+|from\s+)?(?:the\s+)?([A-Za-z][\w-]*)\s+([A-Za-z][\w-]*)",
                    re.I)


def alone_in(question: str) -> frozenset[tuple[str, str]]:
    """(modifier, noun) pairs a question asks of alone ("commercial flights alone", "only commercial flights")."""
    found = set()
    for m in _ALONE.finditer(question):
        mod, noun = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        found.add((mod.lower(), noun.lower()))
    return frozenset(found)


# "How many were deported on military flights?": a kind asked of a thing (an adjective before a plural noun,
# after a preposition) is not answered by a sentence naming that thing only as of other kinds ("through
# chartered and commercial flights")
_KIND_ASKED = re.compile(r"\b(?:on|through|by|via|in|for|of|from|with)\s+([a-z][a-z-]{3,})\s+([a-z]{3,}s)\b")
_NOT_KINDS = frozenset("""the its their these those this that other more most such some many all both several any
each every further additional total overall recent latest current new""".split())
# words before a noun that name no kind of it: articles, prepositions and counts ("eight calls")
_NO_KIND = frozenset("""the a an of and or by on in to for with from one two three four five six seven eight nine ten
eleven twelve dozen hundreds thousands millions few""".split())


def kinds_in(question: str) -> frozenset[tuple[str, str]]:
    """(kind, plural noun) pairs a question asks of ("on military flights" -> ("military", "flights"))."""
    # a participle tells what was done to the thing ("deported migrants"), not its kind
    return frozenset((kind, noun) for kind, noun in _KIND_ASKED.findall(question)
                     if kind not in _NOT_KINDS and not kind.endswith(("ly", "ed", "ing")))


def of_other_kinds(kind: str, noun: str, sentence: str) -> bool:
    """Whether ``sentence`` names ``noun`` only with other words of its kind before it, and ``kind`` nowhere."""
    if re.search(rf"\b{re.escape(kind)}\b", sentence, re.I):
        return False
    named = list(re.finditer(rf"\b([a-z][\w-]*)(?:,?\s+(?:and|or)\s+([a-z][\w-]*))?\s+{re.escape(noun)}\b", sentence))
    # "eight calls" counts calls and names no kind of them
    return bool(named) and all(m.group(1) not in _NOT_KINDS | _NO_KIND for m in named)


def joined_with_others(modifier: str, noun: str, sentence: str) -> bool:
    """Whether ``sentence`` names the noun with the modifier joined to another ("chartered and commercial
    flights", "commercial or chartered flights")."""
    mod, noun = re.escape(modifier), re.escape(noun)
    return re.search(rf"\b[\w-]+,?\s+(?:and|or)\s+{mod}\s+{noun}|\b{mod},?\s+(?:and|or)\s+[\w-]+\s+{noun}",
                     sentence, re.I) is not None


# "Have all the terms been negotiated?" asks of every one of them, and "none of the terms" of every one too:
# "Most of the terms have been negotiated" and "alignment on several key areas" tell of a part, which says
# nothing of all or none. "All-In", "at all" and "all of which" ask of no whole.
_ALL = re.compile(r"(?:(?<!\bat\s)\ball|\bnone\s+of)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?"
                  r"((?:(?!(?:of|on|in|for|to|with|from|by|which|that|had|has|have|been|is|are|was|were|will|would|"
                  r"could|can|did|do|does)\b)[A-Za-z][\w-]*\s*){1,2})", re.I)
_PART_OF = re.compile(r"\b(?:most|several|some|many|few|select|certain|part|a\s+number|a\s+couple|a\s+handful)\b"
                      r"(?:\s+of)?(?:\s+(?:the|its|their|these|those))?((?:\s+[\w-]+){1,3})", re.I)


def _whole(match: re.Match) -> str:
    return " ".join(match.group(1).split()).lower()


def wholes_in(question: str) -> frozenset[str]:
    """What a question asks of as a whole ("all the terms" -> "terms", "none of the terms" -> "terms")."""
    return frozenset(_whole(m) for m in _ALL.finditer(question))


def whole_as_asked(whole: str, question: str) -> str:
    """A whole in the question's own words ("terms" -> "none of the terms")."""
    found = next((m for m in _ALL.finditer(question) if _whole(m) == whole), None)
    return found.group().strip() if found else f"all {whole}"


def tells_of_part(whole: str, sentence: str) -> bool:
    """Whether ``sentence`` tells of only a part of ``whole`` ("Most of the terms", "several key areas")."""
    stems = set(tokenize(whole))
    return any(stems & set(tokenize(m.group(1))) for m in _PART_OF.finditer(sentence))


# ---------------------------------------------------------------- whose stance

# "What is Modi's position on the 500% bill?": the person whose stance is asked must be named where
# it is given, not only somewhere in the article
_STANCE = re.compile(r"\b([A-Z][\w-]+)['’]s\s+(?:own\s+)?(?:position|stance|view|views|response|reaction|comments?|"
                     r"statement|remarks|plans?|proposal|offer|demands?|concerns?|assessment|opinion|words)\b")


def stance_holders_in(question: str) -> frozenset[str]:
    """The lowercased names whose stance a question asks ("Modi's position" -> {"modi"}), countries aside."""
    return frozenset(m.group(1).lower() for m in _STANCE.finditer(question) if not countries_in(m.group(1)))


# ---------------------------------------------------------------- what something is called

# "Who described Modi as a rival?" is not answered by "described Prime Minister Narendra Modi as a
# close partner": what the question says something was called must be what the sentence calls it
_DESCRIBED_AS = re.compile(r"\b(?:describ\w*|called|calling|termed|label+ed|branded|dubbed|hailed|portray\w*)\s+"
                           r"(?:[\w'’.-]+\s+){0,5}?as\s+(?:an?\s+|the\s+)?(?P<what>[^?,;.]+)", re.I)


def described_as(question: str) -> frozenset[str]:
    """Stems of what a question says something was described as ("as a rival" -> {"rival"})."""
    match = _DESCRIBED_AS.search(question)
    return frozenset(tokenize(match["what"])) if match else frozenset()


def described_for(question: str) -> frozenset[str]:
    """The countries what something was described as is for ("as the top trade negotiator for India"
    -> {"IN"}): "the top trade negotiator for the US" is another country's."""
    match = _DESCRIBED_AS.search(question)
    return countries_for(match["what"]) if match else frozenset()


def countries_for(text: str) -> frozenset[str]:
    """The countries ``text`` names after "for" or "of" ("negotiator for the US" -> {"US"})."""
    code_of = country_pattern()[1]
    return frozenset(code_of[m.group(1)] for m in _forms()["for"].finditer(text))


# ---------------------------------------------------------------- whose view it is

# "Which sectors does the US consider sensitive?" asks one country's view: "The US has been asking India to
# open up a couple of sensitive sectors" calls them sensitive in the writer's words (of India's sectors);
# "areas New Delhi considers politically and economically sensitive" tells India's view. The view must be
# told by a verb of holding it after the country (its capital stands for it).
_VIEW_ASKED = re.compile(r"\b(?:does|do|did)\s+(?P<who>[\w.'’-]+(?:\s+[\w.'’-]+){0,2}?)\s+"
                         r"(?:consider|regard|view|deem|treat)\b", re.I)
_VIEW_VERB = re.compile(r"\b(?:consider(?:s|ed)?|regard(?:s|ed)?|views?|viewed|deem(?:s|ed)?|treat(?:s|ed)?)\b",
                        re.I)


def viewers_in(question: str) -> frozenset[str]:
    """The countries whose view a question asks ("Which sectors does the US consider sensitive?" -> {"US"})."""
    match = _VIEW_ASKED.search(question)
    return countries_in(match["who"]) if match else frozenset()


def tells_view_of(viewers: frozenset[str], sentence: str) -> bool:
    """Whether ``sentence`` tells the view of one of ``viewers``: a verb of holding a view with one of
    them named within a few words before it ("areas New Delhi considers ... sensitive"), or as the
    subject the sentence opens with ("The U.S. reported a ... deficit ..., and views the BTA as a tool").
    With no such verb, a thing called sensitive is so to the country it is of, which is not the one
    pressing for it: "The US has been asking India to open up a couple of sensitive sectors" tells
    India's view, not the US's."""
    verbs = list(_VIEW_VERB.finditer(sentence))
    if verbs:
        # (a verb after "and" shares the subject the sentence opens with)
        return any(countries_in(sentence[max(0, verb.start() - 40):verb.start()]) & viewers
                   or re.search(r"\band\s+$", sentence[:verb.start()]) and leading_country(sentence) in viewers
                   for verb in verbs)
    named = countries_in(sentence)
    if not named:
        return True  # "agriculture continues to be the most sensitive issue": its article tells whose
    # the subject, as news writes it: the first country named, not after a preposition ("protected in India")
    pattern, code_of = country_pattern()
    first = next((m for m in pattern.finditer(sentence) if not _AFTER_PREPOSITION.search(sentence[:m.start()])), None)
    return (first is None or code_of[first.group(1)] not in viewers) and bool(named & viewers)


# ---------------------------------------------------------------- who says it

# "... according to India's Commerce Ministry?": a figure the US Trade Representative gives is not
# the ministry's. Words that name no one in particular ("officials", "data") are left out.
_ACCORDING_TO = re.compile(r"\baccording to\s+(?P<who>[^?,;]+)", re.I)
_ANYONE = frozenset(tokenize("the a an official officials source sources data report reports estimate estimates "
                             "government figures analysts experts media article articles"))


# "What was the Indian foreign ministry's readout of the call?" says whose words are asked as "according
# to" does: a readout the US State Department gave is not the ministry's
_WHOSE_SAYING = re.compile(r"\b(?P<who>(?:[\w-]+\s+){0,3}?[\w-]+)[’']s\s+(?:readout|statement|response|remarks|"
                           r"comments|announcement|reply)\b", re.I)


def according_to(question: str) -> str | None:
    """Whom the question says a claim is according to, or whose saying it asks about, as it says it
    ("India's Commerce Ministry", "the Indian foreign ministry")."""
    match = _ACCORDING_TO.search(question) or _WHOSE_SAYING.search(question)
    return match["who"].strip() if match else None


def sources_in(question: str) -> frozenset[str]:
    """Stems of whom the question says a claim is according to, or whose saying it asks about (any one
    of them will do)."""
    according = _ACCORDING_TO.search(question)
    whose = None if according else _WHOSE_SAYING.search(question)
    match = according or whose
    if match is None:
        return frozenset()
    who = country_pattern()[0].sub(" ", match["who"])
    # "according to the May 2025 report": when it was said is no one it was said by
    who = re.sub(rf"\b(?:{MONTH})\b", " ", who, flags=re.I)
    stems = [t for t in tokenize(who) if t not in _ANYONE and t not in QUESTION_STEMS and not t[0].isdigit()]
    # the foreign ministry's readout is named by its head: "foreign" alone is in "Foreign Secretary Misri"
    return frozenset(stems[-1:] if whose else stems)


def source_country_in(question: str) -> str | None:
    """The country whose figures a claim is asked according to, when the question names the source by its
    country alone ("according to Indian data", "by US estimates"): a figure the US Trade Representative gives
    is no Indian figure, and one given with no source says not whose it is."""
    according = _ACCORDING_TO.search(question) or _BY_DATA.search(question)
    if according is None or sources_in(question):
        return None
    codes = countries_in(according["who"])
    return next(iter(codes)) if len(codes) == 1 else None


# "by the US estimate", "in Indian government figures": a country's figures, as "according to" gives them
_BY_DATA = re.compile(r"\b(?:by|in|from|per|as per)\s+(?P<who>(?:the\s+)?(?:[\w’'-]+\s+){1,3}?"
                      r"(?:data|figures|estimates?|numbers|statistics))\b", re.I)
# where a sentence gives its figures' source: "according to ...", "the data of ...", "... data show"
_SOURCE_GIVEN = re.compile(r"\baccording to\s+(?P<a>[^,.;]+)|\b(?:data|figures|estimates|statistics)\s+(?:of|from)\s+"
                           r"(?P<b>[^,.;]+)|(?P<c>(?:[\w’'.-]+\s+){1,4})(?:data|figures|estimates|statistics)\b", re.I)


def source_countries(text: str) -> frozenset[str]:
    """The countries of the sources ``text`` gives its figures by ("according to the office of the US Trade
    Representative": US)."""
    return frozenset(code for m in _SOURCE_GIVEN.finditer(text) for code in countries_in(m["a"] or m["b"] or m["c"]))


# The words that attribute a claim to its source; stemmed, as tokenize gives them
_ATTRIBUTING = frozenset(tokenize("according said say says told tell noted adds added observed stated confirmed "
                                  "responded posted wrote described argued believe believes readout", ()))


# A source that is itself a saying: "according to the announcement" is answered by what "was announced"
_SAYINGS = frozenset(tokenize("announcement announced announcing statement readout", ()))


def attributes_to(sources: frozenset[str], text: str) -> bool:
    """Whether ``text`` gives one of ``sources`` (stems) as a claim's source: named within twelve content
    words before a word of saying ("Tammy Bruce, spokesperson for the US State Department, in a readout
    ... said"), or within six after ("according to the office of the US Trade Representative"). "Goyal
    is in Washington for a meeting" gives no claim of Goyal's. A source that is a saying ("the
    announcement") is given by its own word ("It was announced on April 2 to ...")."""
    words = tokenize(text)  # stopwords out: words are counted as content words
    if sources & _SAYINGS & set(words):
        return True
    said = [n for n, w in enumerate(words) if w in _ATTRIBUTING]
    return any(0 < s - n <= 12 or 0 < n - s <= 6 for n, w in enumerate(words) if w in sources for s in said)


# "the US Commerce Department" is not "the US State Department": an organisation the question names
# is another one when the sentence names one of that kind under another name
_ORG_KIND = "Department|Ministry|Office|Commission|Agency|Bureau"
_ORG = re.compile(rf"(?P<name>(?:(?!The\b)[A-Z][a-z]+\s+){{1,3}})(?P<kind>{_ORG_KIND})\b"
                  rf"|(?P<kind2>{_ORG_KIND})\s+of\s+(?:the\s+)?(?P<name2>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})")


def organisations_in(text: str) -> frozenset[tuple[str, frozenset[str], str]]:
    """(kind, name words, country) of each organisation ``text`` names: ("department", {"state"},
    "US"); the country is the one named just before it or in its name ("India’s Department of
    Commerce", "the Indian Commerce Ministry"), "" when none is."""
    found = set()
    pattern, code_of = country_pattern()
    for m in _ORG.finditer(text):
        kind, name = (m["kind"], m["name"]) if m["kind"] else (m["kind2"], m["name2"])
        words = frozenset(w.lower() for w in name.split()) - {"the", "of", "and", "us", "india", "indian"}
        if words:
            before = text[max(0, m.start() - 25):m.start()]
            owners = [code_of[c.group(1)] for c in pattern.finditer(before) if not before[c.end():].strip()]
            owners += sorted(countries_in(m.group()))
            found.add((kind.lower(), words, owners[0] if owners else ""))
    return frozenset(found)
