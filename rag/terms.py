"""The words of a question that name what it is about, not how it asks ("what", "did", "say")."""

from __future__ import annotations

import re

from .bm25 import tokenize

# Words that shape a question but say nothing about its topic.
QUESTION_WORDS = frozenset(
    "what which who whom whose when where why how many much did does do is was were are has have "
    "had can could would should will shall been being about according article articles say said "
    "says tell told me us please name give list mention mentioned "
    # pronouns stand for what the question names elsewhere ("his discussions with Lutnick"), and a sentence
    # rarely repeats them: weighed as rare words, they would cost an answer more than a missing name
    "he him his she her hers its they them their theirs we our ours you your yours i my mine".split()
) - {"us"}
QUESTION_STEMS = frozenset(tokenize(" ".join(sorted(QUESTION_WORDS)), stopwords=frozenset()))

# Acts of saying, as stems: words said tell of what was said, not of an act of their own
SPEECH_ACTS = frozenset(tokenize("say says said tell tells told state states stated claim claims claimed write "
                                 "writes wrote", ()))

# the words that set things aside ("Besides chemicals, which exports surged?"): read by question analysis
# (the question asks for things still) and by short answers (the list's other items answer it)
SETS_ASIDE = r"besides|apart from|other than|aside from"
# words that may tell a beginning beside its date ("launched in February 2025", "since 2009", "from April"); "first"
# is left to each reader ("the first round was held in March" starts talks, "the first phase" to conclude does not)
STARTS = r"start\w*|began|begin\w*|begun|commenc\w*|launch\w*|since|from|kick\w*|open\w*|under\s*way"
SET_ASIDE_FIRST = rf"(?:(?:{SETS_ASIDE})\s+[^,?]+,\s*)?"  # "Besides chemicals, which ...": a phrase before the asking

# "trade" that follows no amount or flow of goods: a "trade deal", "trade talks", the "Trade Representative", a
# "trade partner"; and "trade" that is a balance ("trade deficit"), a measure of its own
TRADE_NAMING = (r"agreements?|deals?|pacts?|talks|negotiat\w*|barriers|representative|minister\w*|secretary|partners?|"
                r"relations\w*|polic\w+")
# The words of a balance of trade: one side's deficit is the other's surplus, and the press calls either
# a gap, a shortfall or an imbalance. One list, so that question analysis, the checks of a sentence and
# the comparison of figures between articles read a balance alike
BALANCES = ("deficit", "deficits", "surplus", "surpluses", "gap", "shortfall", "imbalance")
BALANCE = "|".join(BALANCES)
TRADE_BALANCE = f"{BALANCE}|balance"
# trade as a whole: not the "trade deficit", a "trade agreement" or the "Trade Representative"
TRADE_WHOLE = rf"trade(?!\s+(?:{TRADE_BALANCE}|{TRADE_NAMING}))"

# "How much did India export to the US in April 2025?" asks for an amount traded, by its verb; "How much
# crude does India buy from the US?" for an amount of the goods named between "how much" and the verb
# ("how much more did America buy than it sold" asks for a difference, a balance; "how much of its oil"
# for a portion): read by question analysis (an amount of money is asked) and by the constraints (the
# sentence must name the goods)
HOW_MUCH_TRADED = re.compile(
    r"^\s*how much\s+(?P<goods>(?:(?!(?:more|less|higher|lower|of|did|does|do|has|have|had|will|would)\b)"
    r"[\w’'-]+\s+){0,3}?)(?:did|does|do|has|have|had|will|would)\s+.+?\s+"
    r"(?:export|exported|import|imported|sell|sold|buy|bought|ship|shipped|purchase)\b", re.I)

# "How large was the increase ... in dollars?", "How much did exports grow in dollar terms?" ask for an amount
# of money: read by question analysis (amounts are never compared between articles) and by short answers (the
# "$1.4 billion", not the "3.4 per cent" beside it)
IN_MONEY = re.compile(r"\bin (?:dollars|us dollars|usd|rupees|(?:dollar|rupee|money|cash) terms)\b|"
                      r"\bhow many (?:dollars|rupees)\b", re.I)

# "What increase in the 2024 deficit does the report give?" asks for a change, not the level: read by question
# analysis (a sentence must give a change) and by short answers (the change is the value)
CHANGE_AS_THING = r"^\s*what\s+(?:[\w-]+\s+)?(?:increase|rise|growth|jump|fall|decline|drop)\s+(?:in|of)\b"

# "Did India's exports cross $100 billion?" asks whether, not what
WHETHER = re.compile(r"^\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would)\b", re.I)


def content_terms(text: str) -> list[str]:
    """The stems of ``text`` that are not question words."""
    return [t for t in tokenize(text) if t not in QUESTION_STEMS]


# Capitalized words that name no entity a sentence must share: question words, titles, months, days, and
# currencies ("USD 32.85 billion" is "$32.85 billion" too).
NOT_NAMES = frozenset("""
what which who whom whose when where why how is are was were do does did can could will would has have had
should name list tell give according the a an and or of in on at to for by with from as and but if this that
these those it its their there here please also now currently latest most recent so then
minister secretary president prime deputy commerce industry foreign state trade department ministry office
government official officials chief spokesperson representative ambassador professor former senior external
affairs finance bilateral agreement deal initiative talks podcast bill
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday fy fiscal
usd inr rs
""".split())
