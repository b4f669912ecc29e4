"""Follow-up questions: rewriting an elliptical question with the conversation's context.

"And in 2023-24?" after "What was India's trade surplus with the US in 2024-25?"
becomes "What was India's trade surplus with the US in 2023-24?".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .conflicts import MONTH
from .generation import content_terms

_LEADS = re.compile(r"^\s*(and|but|or|so|also|then|what about|how about|and what about|and how about)\b[\s,]*", re.I)
_PRONOUNS = re.compile(r"\b(it|its|they|them|their|that|this|those|these|he|she|his|her|there)\b", re.I)
# Slots a follow-up can swap: fiscal years, years, months, amounts, capitalized names.
_SLOTS = [
    re.compile(r"\b(?:FY\s?)?\d{4}-\d{2,4}\b"),
    re.compile(r"\b(?:19|20)\d{2}\b"),
    re.compile(rf"\b{MONTH}\b"),
    re.compile(r"\b\d+(?:\.\d+)?\s?(?:%|per cent|billion|million)"),
]


_QUESTION_START = re.compile(r"^\s*(who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|"
                             r"can|could|will|would|has|have|had|should|list|name|tell)\b", re.I)


def is_follow_up(question: str) -> bool:
    """Leads like "and ...", a pronoun with little else, or a short fragment that is no question."""
    if _LEADS.match(question):
        return True
    if _PRONOUNS.search(question) and len(content_terms(question)) <= 2:
        return True
    return not _QUESTION_START.match(question) and len(question.split()) <= 4


def rewrite_question(question: str, history: Sequence[str]) -> str:
    """The question to search for, given the user's earlier questions (oldest first)."""
    previous = next((h for h in reversed(history) if h and h.strip()), None)
    if previous is None or not is_follow_up(question):
        return question
    fragment = _LEADS.sub("", question).strip().rstrip("?").strip()
    for slot in _SLOTS:
        new = slot.search(fragment)
        old = slot.search(previous)
        if new and old:
            return previous[:old.start()] + new.group() + previous[old.end():]
    base = previous.strip().rstrip("?")
    return f"{base}: {fragment}?" if fragment else previous
