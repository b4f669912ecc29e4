"""How a question divides and follows on: the parts it asks for, and a follow-up read with the question before.

"What were US goods exports to India and imports from India in 2024?" asks two things; "And in
2023-24?" asks the question before again, for another year. Hand-written rules, as in
:mod:`rag.question`: such questions come in a few shapes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .constraints import periods_counted, periods_in
from .countries import countries_in, country_pattern
from .dates import MONTH
from .terms import content_terms

# Follow-ups: "And in 2023-24?" after "What was India's trade surplus with the US in 2024-25?"
_LEADS = re.compile(r"^\s*(and|but|or|so|also|then|what about|how about|and what about|and how about)\b[\s,]*", re.I)
_PRONOUNS = re.compile(r"\b(it|its|they|them|their|that|this|those|these|he|she|his|her|there)\b", re.I)
# Slots a follow-up can swap: fiscal years, years, months, amounts.
_SLOTS = [
    re.compile(r"\b(?:FY\s?)?\d{4}-\d{2,4}\b"),
    re.compile(r"\b(?:19|20)\d{2}\b"),
    re.compile(rf"\b{MONTH}\b"),
    re.compile(r"\b\d+(?:\.\d+)?\s?(?:%|per cent|billion|million)"),
]
_QUESTION_START = re.compile(r"^\s*(who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|"
                             r"can|could|will|would|has|have|had|should|list|name|tell)\b", re.I)
# "..., and what did she say ...?": a part with a person's pronoun leans on the part before
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her|his)\b", re.I)


def is_follow_up(question: str) -> bool:
    """Leads like "and ...", a pronoun with little else, or a short fragment that is no question."""
    if _LEADS.match(question):
        return True
    if _PRONOUNS.search(question) and len(content_terms(question)) <= 2:
        return True
    return not _QUESTION_START.match(question) and len(question.split()) <= 4


# "Tell me the value of ...", "Give the date ...": a request asks what the question it stands for asks.
# "Name ...", "List ..." and "Identify ..." are read as they are (see question.py); "Tell me about ..."
# asks no one thing, and "Tell me whether ..." is left alone: its yes-or-no question would need its verb
# turned back ("whether India signed" -> "did India sign")
# ("Can you tell me ...", "I want to know ...", "In short, ..." ask as "Tell me ..." does)
_REQUEST = re.compile(r"^\s*(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?"
                      r"(?:(?:tell|give|show)\s+(?:me|us)\s+(?!about\b)|"
                      r"i(?:['’]d|\s+would)?\s+(?:want|like|need|wish)\s+to\s+know\s+(?!about\b)|"
                      r"(?:in\s+short|in\s+brief|briefly|quickly|simply\s+put)\s*,?\s+(?=(?:who|whom|whose|what|"
                      r"which|when|where|why|how)\b)|"
                      r"(?:give|state|quote|provide|report)\s+(?=(?:the|a|an)\b))(?!whether\b|if\b)", re.I)
_WH = re.compile(r"(?:who|whom|whose|what|which|when|where|why|how)\b", re.I)
# a question's first word, a request's aside ("Tell me" asks nothing yet)
_ASKS = re.compile(r"^\s*(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|can|could|will|"
                   r"would|has|have|had|should)\b", re.I)


def as_question(text: str) -> str:
    """The question a request asks ("Tell me the value of X." -> "What is the value of X?", "Tell me why
    X." -> "Why X?"), its periods counted from others written as themselves ("two years before 2024-25"
    -> "in 2022-23"); any other text as it is."""
    text = periods_counted(text)
    request = _REQUEST.match(text)
    if request and request.end() == len(text):
        return text  # "Tell me" asks nothing yet
    if not request:
        # a question typed without its mark ("who is lutnick") is read as the question it is
        # ("as things stand, is india expected to ...": the question may follow a leading phrase)
        asks = any(_ASKS.match(clause) for clause in re.split(r"[,;:]", text))
        return f"{text.rstrip()}?" if asks and not text.rstrip().endswith(("?", ".", "!")) else text
    rest = text[request.end():].rstrip(" .!")
    if _WH.match(rest):
        return rest[0].upper() + rest[1:] + ("" if rest.endswith("?") else "?")
    return f"What is {rest}" + ("" if rest.endswith("?") else "?")


def rewrite_question(question: str, history: Sequence[str]) -> str:
    """The question to search for, given the user's earlier questions (oldest first)."""
    previous = next((h for h in reversed(history) if h and h.strip()), None)
    if previous is None or not is_follow_up(question):
        return question
    fragment = _LEADS.sub("", question).strip().rstrip("?").strip()
    if (swapped := _of_another_country(fragment, previous)) is not None:
        return swapped  # "And with India?" after "... with Canada in 2024?"
    for slot in _SLOTS:
        new = slot.search(fragment)
        old = slot.search(previous)
        if new and old:
            return previous[:old.start()] + new.group() + previous[old.end():]
    base = previous.strip().rstrip("?")
    return f"{base}: {fragment}?" if fragment else previous


# "... announced and until when was it suspended?", "..., and what does it aim to secure?"
_NEXT_PART = re.compile(r",?\s+and\s+(?=(?:(?:across|in|on|by|for|at|from|to|with|since|until)\s+)?"
                        r"(?:what|when|who|whom|which|where|why|how)\b)", re.I)
# "... in 2024-25 and in 2023-24?": one question per period
_TWO_PERIODS = re.compile(r"^(?P<head>.*?\b)(?P<in>in\s+)?(?P<p1>(?:FY\s?)?\d{4}(?:-\d{2,4})?)\s+and\s+(?:in\s+)?"
                          r"(?P<p2>(?:FY\s?)?\d{4}(?:-\d{2,4})?)(?P<tail>\W*)$", re.I)


# "What were US goods exports to India and US goods imports from India in 2024?": one value asked of
# two things. The frame before them, and what follows them (a period, or the verb of "... does the
# US account for"), belong to both.
_FRAME = re.compile(r"^(?P<frame>(?:(?:by )?how much\s+did\s+)|(?:what|how much|how many)\s+(?:(?:was|were)\s+|"
                    r"(?:share|percentage|proportion|part|value|amount|rate|tariffs?|dut(?:y|ies))\s+of\s+))"
                    r"(?P<rest>.+)$", re.I)
_AFTER = re.compile(r"\s+(?:(?:in|during|over|for)\s+(?:FY\s?)?\d{4}\b|"
                    r"(?:does|did|do|is|are|was|were|has|have|goes|go|went|come|comes|came|grow|rise|fall|increase|"
                    r"decline|change|widen|narrow)\b).*$", re.I)
_POSSESSOR = re.compile(r"^((?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*'s)\s", re.U)


def _coordinated(question: str) -> list[str] | None:
    """Two things a value is asked of, joined by "and", as two questions; None when it is not that
    ("trade between the US and India" is one thing, so is "India and the US" alone)."""
    frame = _FRAME.match(question)
    if frame is None or question.lower().count(" and ") != 1:
        return None
    first, second = frame["rest"].split(" and ", 1) if " and " in frame["rest"] else (None, None)
    if first is None or re.search(r"\bbetween\b", first, re.I) or re.match(r"\w+ed\b", first):
        return None  # "between A and B" is one thing; "was agreed by A and B" asks of an act, not a value
    after = _AFTER.search(second)
    tail = after.group() if after else re.search(r"\W*$", second).group()
    second = second[: len(second) - len(tail)]
    if frame["frame"].lower().endswith("of "):
        second = re.sub(r"^of\s+", "", second)
    if len(second.split()) == 1 and len(first.split()) > 1:  # "India's exports and imports"
        second = " ".join([*first.split()[:-1], second])
    owner = _POSSESSOR.match(first)
    if owner and re.match(r"its\s", second):  # "of India's exports and of its imports"
        second = owner.group(1) + second[3:]
    words = set(content_terms(first)), set(content_terms(second))
    if not words[0] - words[1] or not words[1] - words[0]:
        return None  # the same thing twice, or one side says nothing of its own
    if any(countries_in(side) and len(content_terms(side)) <= 2 for side in (first, second)):
        return None  # countries joined ("India and the US"), not two things asked of
    tail = tail if tail.strip() else "?"
    return [f"{frame['frame']}{first.rstrip('?,. ')}{tail}", f"{frame['frame']}{second.rstrip('?,. ')}{tail}"]


_AUXILIARIES = ("is|are|was|were|will|would|has|have|had|did|does|do|can|could|stays?|remains?|continues?|"
                "went|goes|came|comes|rose|fell")
_WHICH_NOUN = re.compile(rf"^\s*(?:which|what)\s+(?!(?:{_AUXILIARIES})\b)([a-z][\w-]*)\s+(?:{_AUXILIARIES})\b", re.I)
# only "which" before a verb other than "is": "what is India's position?" and "which is larger?" ask afresh
_WHICH_BARE = re.compile(r"^\s*(which)(?=\s+(?:will|would|has|have|had|did|does|do|can|could|stays?|remains?|"
                         r"continues?|went|goes|came|comes|rose|fell)\b)", re.I)
# a part that names a time of any kind ("now", "in November", "when ...?"), or any figure ("the 26 per cent
# tariff", whose time may be its own), is not given the part before's
_ANY_TIME = re.compile(rf"\b(?:when|now|currently|latest|recent\w*|today|ago|since|until|till|{MONTH})\b|\d", re.I)
_BACK_IN_TIME = re.compile(r"\b(?:in\s+)?(?:that|the same)\s+(?:year|period|fiscal year)\b", re.I)
# "..., and what was it in 2019?": the part before's question, of another period of the same kind (a year
# is no year of a fiscal year's: "2019" does not replace the "2024" of "2024-25")
_PERIOD_SLOTS = (_SLOTS[0], re.compile(r"(?<![\d-])(?:19|20)\d{2}\b(?!-\d)"), _SLOTS[2])
_SAME_IN = re.compile(r"^(?i:(?P<asks>(?:what|how much|how many|how large|how big)\s+(?:is|are|was|were))\s+"
                      r"(?:it|they|that|those)\s+(?:in|for|during|over)\s+)(?P<period>[^?]+)\?$")


def _in_another_period(piece: str, first: str) -> str | None:
    """``piece`` ("What was it in 2019?") as ``first`` ("What was the US deficit with India in 2024?") asked
    of the period it names: "What was the US deficit with India in 2019?". None when ``piece`` is not of
    that shape or ``first`` names no period of the same kind."""
    match = _SAME_IN.match(piece)
    # asked the same way ("What was ... , and what was it ...?"); "How much did exports rise ..., and how much
    # were they ...?" asks a level after a change
    if match is None or not first.lower().startswith(match["asks"].lower() + " "):
        return None
    return _with_period(first, match["period"])


def _with_period(first: str, period: str, alone: bool = False) -> str | None:
    """``first`` with its period replaced by the one ``period`` names, of the same kind (see _PERIOD_SLOTS);
    ``alone``: only when ``period`` is nothing but that period. None when there is no such pair."""
    for slot in _PERIOD_SLOTS:
        new, old = slot.search(period), slot.search(first)
        if new and old and (not alone or new.group() == period):
            return f"{first[:old.start()]}{new.group()}{first[old.end():]}"
    return None


# "What did the MEA say about the 500% bill, and what did the Commerce Ministry say?": the second part asks the
# first's question of another doer, the rest of it left unsaid
_ASKS_OF = r"(?i:(?:what|when|why|how|where)\s+(?:did|does|do|has|have|had|will|would)\s+)"
_OF_ANOTHER_DOER = re.compile(rf"^(?P<asks>{_ASKS_OF})(?P<doer>.+?)\s+(?P<verb>[a-z]+)\?$")


def _of_another_doer(piece: str, first: str) -> str | None:
    """``piece`` ("What did the Commerce Ministry say?") as ``first`` ("What did the MEA say about the 500%
    bill?") asks, of the doer it names: "What did the Commerce Ministry say about the 500% bill?". None when
    ``piece`` is not of that shape or ``first`` is not asked the same way with the same verb."""
    match = _OF_ANOTHER_DOER.match(piece)
    if match is None or _PRONOUNS.fullmatch(match["doer"]):  # "what did he say?" leans on the part before
        return None
    same = re.match(rf"^{re.escape(match['asks'])}.+?\s{match['verb']}\b(?P<rest>[^?]+)\?$", first, re.I)
    return f"{piece[:match.end('verb')]}{same['rest']}?" if same else None


# "..., and who is Japan's?": a part that names only another owner asks what the part before asks, of it
_OWNER_ONLY = re.compile(r"^(?i:(?:who|what|which|how much|how many)\s+(?:is|are|was|were)\s+)"
                         r"(?P<owner>(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*)['’]s\?$")
_OWNER = re.compile(r"\b(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*(?=['’]s\b)")


def _of_another_owner(piece: str, first: str) -> str | None:
    """``piece`` ("Who is Japan's?") as the question ``first`` asks ("Who is the US Commerce Secretary?"),
    of the owner it names: "Who is the Japan Commerce Secretary?", "What was China's surplus ...?" for
    "What was India's surplus ...?". None when ``piece`` is not of that shape, or ``first`` names no owner
    or country to swap."""
    match = _OWNER_ONLY.match(piece)
    if match is None:
        return None
    owner = _OWNER.search(first)
    if owner is not None:
        start, end = owner.span()
    else:  # no one's, but one country's: "the US Commerce Secretary"
        named = list(country_pattern()[0].finditer(first))
        if len(named) != 1:
            return None
        start, end = named[0].span(1)
    return f"{first[:start]}{match['owner']}{first[end:]}"


# "What was the US deficit with Canada in 2024, and with India?", "...? And in 2023?": a last part with no
# question of its own asks the first one again, of another country (where the one it replaces stood, after
# the same preposition) or another period
# (after a comma or a question mark: "the deficit of India and the US" is one thing)
_ELLIPTIC_TAIL = re.compile(r"^(?P<first>.+?)(?:(?:,\s*|\?\s*)(?i:and|but|and what about|what about|how about)|"
                            r"\s+(?i:and what about|what about|how about))\s+(?P<piece>[^,?]+)\?$")
_ABOUT = re.compile(r"^(?i:what|how)\s+about\s+(?P<piece>[^?]+)\?$")
_PIECE = re.compile(r"^(?P<prep>(?i:with|for|in|to|from|on|by|against|of|during|over)\s+)?(?:the\s+)?(?P<what>.+)$")


def _of_another_country(piece: str, first: str) -> str | None:
    """``first`` asked again of the country ``piece`` is ("with India", "India"): the country after the
    same preposition in ``first`` replaced, or its one country when ``piece`` has no preposition. None
    when ``piece`` is no country alone, or which country it replaces is not known."""
    match = _PIECE.match(piece.strip())
    pattern = country_pattern()[0]
    named = pattern.fullmatch(match["what"]) if match else None
    if named is None:
        return None
    found = list(pattern.finditer(first))
    # with no preposition, the country that stands after one ("with India", not the US of "the US deficit")
    prep = match["prep"].strip().lower() if match["prep"] else "with|to|from|on|against|in"
    if match["prep"] or len(found) > 1:
        found = [m for m in found if re.search(rf"\b(?:{prep})\s+(?:the\s+)?$", first[:m.start(1)], re.I)]
    if len(found) != 1 or countries_in(found[0].group(1)) == countries_in(named.group(1)):
        return None
    return f"{first[:found[0].start(1)]}{named.group(1)}{first[found[0].end(1):]}"


def _elliptic(question: str) -> list[str] | None:
    """The two questions of one whose last part is a country or a period alone ("..., and with India?"),
    or None."""
    tail = _ELLIPTIC_TAIL.match(question)
    if tail is None or _ASKS.match(tail["piece"]) or not _ASKS.match(tail["first"]):
        return None
    first = tail["first"].rstrip("?,. ") + "?"
    # "..., and in 2023?": the period alone, its preposition aside
    second = (_of_another_country(tail["piece"], first)
              or _with_period(first, _PIECE.match(tail["piece"].strip())["what"], alone=True))
    return [first, second] if second and second != first else None


def split_parts(question: str) -> list[str]:
    """The questions a question asks, each able to stand alone; one when it asks one thing.

    A part that leans on the one before ("until when was it suspended?", "on what date?")
    carries that one in brackets, for its subject.
    """
    two = _TWO_PERIODS.match(question)
    if two and not re.search(r"\bbetween\s+$", two["head"], re.I):  # "between 2009 and 2024" is one span
        head, tail = two["head"] + (two["in"] or ""), two["tail"] or "?"
        return [f"{head}{two['p1']}{tail}", f"{head}{two['p2']}{tail}"]
    pieces = [p.strip() for p in _NEXT_PART.split(question) if p.strip()]
    if len(pieces) < 2:
        return _elliptic(question) or _coordinated(question) or [question]
    parts = [pieces[0].rstrip("?,. ") + "?"]
    for piece in pieces[1:]:
        piece = piece[0].upper() + piece[1:].rstrip("?,. ") + "?"
        # "..., and why?": a part with no words of its own asks about the first part's subject
        # "..., and what was total goods trade that year?": a time named only by pointing back is the first
        # part's ("in 2024"), or the part leans on the first when that names none
        # "Which tariff was suspended till July 9, and which stays in place?": the second "which" is of
        # the same thing
        noun, bare = _WHICH_NOUN.match(parts[0]), _WHICH_BARE.match(piece)
        if noun and bare:
            piece = f"{piece[:bare.end(1)]} {noun.group(1)}{piece[bare.end(1):]}"
        about = _ABOUT.match(piece)  # "..., and what about China?"
        if (another := _of_another_owner(piece, parts[0]) or _in_another_period(piece, parts[0])
                or _of_another_doer(piece, parts[0])
                or (about and _of_another_country(about["piece"], parts[0]))) is not None:
            parts.append(another)
            continue
        back, own = _BACK_IN_TIME.search(piece), periods_in(parts[0])[0]
        period = next(iter(own)) if len(own) == 1 else None  # of several, which is meant is not known
        if back and period:
            piece = f"{piece[:back.start()]}in {period}{piece[back.end():]}"
        # "..., and what did she say ...?": she is the person of the part before
        leans = (is_follow_up(piece) or not content_terms(piece) or bool(back and not period)
                 or _PERSON_PRONOUN.search(piece) is not None)
        if leans:
            piece = f"{piece[:-1]} ({parts[0][:-1]})?"
        elif period and not periods_in(piece)[0] and not _ANY_TIME.search(piece):
            # "How much did US exports rise in 2024, and by what percent did imports rise?": a part that names
            # no time of its own, and does not lean on the one before for its subject, asks of that one's time
            piece = f"{piece[:-1]} in {period}?"
        parts.append(piece)
    return parts


# a part's lean on the part before: "... (Which US official spoke on the All-In Podcast)?"
_LEAN = re.compile(r"\s*\([^()]*\)(?=\?$)")
_PREPOSITIONS = frozenset("to for with on at in about and or as by from of".split())


def naming(part: str, name: str) -> str | None:
    """``part`` with the person its pronoun stands for named, and its lean on the part before dropped
    ("Which countries did he say ... (Which US official spoke ...)?" with "Howard Lutnick" -> "Which
    countries did Howard Lutnick say ...?"); None when it has no person's pronoun."""
    if not _PERSON_PRONOUN.search(part):
        return None
    part = _LEAN.sub("", part)

    def named(match: re.Match) -> str:
        word, after = match.group(), part[match.end():].split()
        # "his post", "her readout": whose; "met her": whom
        if word.lower() == "his" or word.lower() == "her" and after and after[0].islower() \
                and after[0].strip("?,.") not in _PREPOSITIONS:
            return f"{name}'s"
        return name
    return _PERSON_PRONOUN.sub(named, part)

