"""A question typed all in lower case, given back the capitals its names have in the articles.

Question analysis reads names by their capitals: "China" is a country the articles may not cover,
"Lutnick" a person a sentence must name, "the Commerce Ministry" a source. Typed as "what was the us
deficit with china in 2024", the question names none of them, and its nearest fact would answer it.
The capitals come from:

- countries, their peoples and capitals (:mod:`rag.countries`), months and weekdays;
- the passages nearest the question: the runs of capitalized words they write where no sentence begins
  ("Commerce Ministry", "Deputy Secretary of State"), and their single capitalized words that are no
  title or role ("Lutnick", "MEA");
- offices named the way news names them ("deputy secretary of commerce", "defence ministry");
- a word the index has never seen, after a word that leads to a name ("in mumbai", "with xi jinping"):
  a name the articles lack is the near miss that most needs its capital.

A question typed with its capitals (its first letter one) is left as typed. A recasing model would do
this for any name; none ships in a package here, and the names a question must share with an answer
are the articles' own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from .countries import country_pattern
from .dates import MONTHS
from .terms import NOT_NAMES

_WORD = re.compile(r"[A-Za-z][\w.’'-]*\w|[A-Za-z]")
# a run of capitalized words, small words between them ("Ministry of External Affairs")
_RUN = re.compile(r"[A-Z][\w.’'-]*\w(?:\s+(?:of\s+|and\s+|the\s+)?[A-Z][\w.’'-]*\w)+")
# "tell us", "give us": the pronoun, not the country
_PRONOUN_US = re.compile(r"\b(?:tell|give|show|let|help|ask|lets)\s+$", re.I)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_OFFICE = re.compile(r"\b(?:(?:deputy|vice|under|assistant)\s+)?(?:secretary|minister|ministry)\s+of\s+"
                     r"(?:state|commerce|defen[cs]e|finance|trade|external\s+affairs|home\s+affairs|agriculture|treasury)\b|"
                     r"\b(?:commerce|defen[cs]e|finance|home|agriculture|external\s+affairs|treasury|state|"
                     r"trade)\s+(?:ministry|minister|secretary|department)\b")
# the words after which a name stands: "in mumbai", "with greer", "on facebook", "Goyal and greer", "calls to
# biden" ("to" alone and "by" lead to verbs as often: "to grow", "by opening")
_LEAD = (r"(?:\b(?:in|with|from|on|at|of|about)|[A-Z][\w’']*\s+and|"
         r"\b(?:calls?|make|made|speak|spoke|talk|talked|send|sent|write|wrote|letter)\s+to)")
_LEADS_TO_NAME = re.compile(rf"{_LEAD}\s+$")
# ... or one word past such a word, when that word begins a name the articles write ("in new york": "New
# Delhi"; "york" is a word they never use). Any word would read "on which dates" as a name.
_LEADS_PAST_ONE = re.compile(rf"{_LEAD}\s+(?P<first>[a-z]+)\s+$")
# words no name is made of, though a small index may never have seen them
_NO_NAME = frozenset("""his her hers him their theirs them its our ours your yours my mine this that these those some
any each every all both either neither other another such what which who whom whose when where why how total return
response place part turn fact general particular full""".split()) | NOT_NAMES


def typed_in_lower_case(text: str) -> bool:
    """Whether ``text`` has letters and not one capital, its first letter included."""
    return any(c.isalpha() for c in text) and not any(c.isupper() for c in text)


@lru_cache(maxsize=1)
def _fixed() -> tuple[re.Pattern, dict[str, str]]:
    """Country names, their peoples and capitals, months and weekdays: one pattern over their lower-case
    forms, longest first ("new delhi" before "delhi"), and the written form of each."""
    _, code_of = country_pattern()
    names = {name.lower(): name for name in [*code_of, *MONTHS, *_WEEKDAYS]}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])({alternatives})(?=[’']s\b|(?![\w]))"), names


def capitals_in(texts: Iterable[str]) -> dict[str, str]:
    """The runs of words ``texts`` write with capitals, and their single capitalized words that are no title
    or role, where no sentence begins and never in lower case, by their lower-case form ("commerce
    ministry" -> "Commerce Ministry", "lutnick" -> "Lutnick", "mea" -> "MEA")."""
    cased: dict[str, str] = {}
    lower: set[str] = set()
    for text in texts:
        for match in _RUN.finditer(text):
            cased.setdefault(match.group().lower(), match.group())
        for match in _WORD.finditer(text):
            word = match.group()
            if word[0].islower():
                lower.add(word.lower())
                continue
            before = text[:match.start()].rstrip()
            # titles and roles ("Commerce Ministry", "Foreign Secretary") are common nouns alone
            if before and before[-1] not in ".!?:\n" and len(word) > 1 and word.lower() not in NOT_NAMES:
                cased.setdefault(word.lower(), word)
    return {key: word for key, word in cased.items() if " " in key or key not in lower}


def truecased(question: str, capitals: dict[str, str], unseen: Callable[[str], bool] = lambda word: False) -> str:
    """``question`` with its names written with capitals (see the module); ``unseen(word)`` tells a word the
    index has never seen. Words of no such kind are left as typed."""
    pattern, names = _fixed()

    def pronoun(match: re.Match, text: str) -> bool:
        return match.group() == "us" and _PRONOUN_US.search(text[:match.start()]) is not None

    text = pattern.sub(lambda m: m.group(1) if pronoun(m, question) else names[m.group(1)], question)
    runs = sorted((key for key in capitals if " " in key), key=len, reverse=True)
    name_starts = {run.split()[0] for run in runs} - _NO_NAME - {"the", "a", "an"}

    def leads_past_one(before: str) -> bool:  # "in new york"
        past = _LEADS_PAST_ONE.search(before)
        return past is not None and past["first"] in name_starts
    for run in runs:
        text = re.sub(rf"(?<![\w]){re.escape(run)}(?![\w])", lambda _, cased=capitals[run]: cased, text)
    text = _OFFICE.sub(lambda m: " ".join(w if w == "of" else w.capitalize() for w in m.group().split()), text)

    chars = list(text)  # capitals keep every word's length, so the words are cased in place, in order
    name_ends = None  # where the last name read from an unseen word ends ("with xi jinping": "Xi" goes on)
    for match in _WORD.finditer(text):
        word, before = match.group(), "".join(chars[:match.start()])
        if word[0].isupper() or pronoun(match, text):  # given its capital above, or "tell us"
            continue
        stem = re.sub(r"[’']s$", "", word)
        if stem in capitals:
            cased = capitals[stem]
        # a name the articles lack ("in mumbai", "with xi jinping")
        elif (len(stem) > 1 and stem not in _NO_NAME and unseen(stem)
              and (_LEADS_TO_NAME.search(before) or leads_past_one(before)
                   or name_ends is not None and not text[name_ends:match.start()].strip())):
            cased, name_ends = stem.capitalize(), match.end()
        else:
            continue
        chars[match.start():match.start() + len(stem)] = cased
    return "".join(chars)
