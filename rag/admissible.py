"""Which sentences may answer a question: those that meet all of its hard constraints, read in their
article's context (the question's entities and periods, and the kind of answer it asks for).

The extractive generator answers only from such sentences; the retriever puts the passages that hold
one ahead of those that hold none, so the first passage is one that can answer. Both ask the one
checker of their store (:func:`for_store`), which keeps the verdicts on the last passages it read,
so a sentence is checked once per question however many stages ask.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable

from .aspects import degree_words, denies, turns
from .bm25 import tokenize
from .constraints import ArticleContext, with_titles
from .countries import country_pattern
from .question import Query, dates_only_an_end, done_by_another, names_measure, tells_of
from .types import Chunk, Passage
from .values import values

# a sentence whose subject is the "it" or "they" of the sentence before: "It was announced on April 2"
_IT_WAS = re.compile(r"^\W*(?:it|they|these|this)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+[a-z]+ed\b", re.I)


def figure_of_before(query: Query, sentence: str) -> bool:
    """Whether a figure asked of ``sentence`` is the one the sentence before names: its subject is that
    sentence's "it" ("It was announced on April 2 ...") and it names no figure itself."""
    if not _IT_WAS.match(sentence):
        return False
    if query.answer_type == "number":
        return not query.carried_by(sentence)
    return query.value_kind == "percent" and not values(sentence, "percent")  # "What was the rate of ...?"


# "What does Mission 500 aim for?" is told by its "goal ... targeting $500 billion": what is aimed for is a goal
# or target. Not the other way round: "target" asked is a verb of its own ("Which country did India say it
# would target for reciprocal tariffs?" is not told by a bill that "aims to impose" them).
_AIMED = frozenset(tokenize("aim aims aimed aiming target targets targeting goal goals objective"))


class Admissibility:
    """The hard constraints each sentence of a passage fails, for a question (see the module)."""

    def __init__(self, chunks_of: Callable[[str], list[Chunk]], remembered: int = 1024):
        """``chunks_of(source)`` gives an article's chunks: the article is read whole for its
        context, and a passage's first sentences with the sentences before it."""
        self.chunks_of = chunks_of
        self.remembered = remembered
        self._articles: dict[str, ArticleContext] = {}
        self._verdicts: OrderedDict[tuple[str, str], list[tuple[str, ...]]] = OrderedDict()
        self._lock = threading.Lock()  # questions may be answered in several threads at once

    def passage_unmet(self, query: Query, passage: Passage) -> list[tuple[str, ...]]:
        """Per sentence of ``passage``, the constraints of ``query`` it fails (() when it meets all)."""
        key = (query.searched, passage.chunk_id)
        with self._lock:
            known = self._verdicts.get(key)
            if known is not None:
                self._verdicts.move_to_end(key)
                return known
        sentences, opening = passage.chunk.sentences, None
        verdicts = []
        for i, (s, e, _, _) in enumerate(sentences):
            before = passage.text[sentences[i - 1][0]:s] if i else ""
            earlier = ""  # the sentence before the one before: only a figure is looked for there
            if query.constraints.figures and i >= 2:
                earlier = passage.chunk.sentence(i - 2)
            elif query.constraints.figures:  # the chunk starts here: the article has what came before
                if opening is None:  # once per passage
                    opening = self.sentences_before(passage, 2)
                earlier = " ".join(opening[i:])
            verdicts.append(self.unmet(query, passage.text[s:e], before, passage, earlier))
        with self._lock:
            self._verdicts[key] = verdicts
            if len(self._verdicts) > self.remembered:
                self._verdicts.popitem(last=False)
        return verdicts

    def forget(self) -> None:
        """Forget the verdicts (benchmarks time questions as new)."""
        with self._lock:
            self._verdicts.clear()

    def admits(self, query: Query, passage: Passage) -> bool:
        """Whether some sentence of ``passage`` meets every constraint of ``query``."""
        return any(not unmet for unmet in self.passage_unmet(query, passage))

    def unmet(self, query: Query, sentence: str, before: str, passage: Passage, earlier: str = "") -> tuple[str, ...]:
        """The hard constraints ``sentence`` (of ``passage``, after ``before``) fails: the question's
        entities and periods, and the kind of answer asked for when a sentence without it cannot be
        the answer. ``earlier`` is the sentence before ``before``, where only a figure may be named."""
        unmet = []
        article = self.article(passage)
        people = article.people if query.answer_type == "person" else frozenset()
        # "..., he said" is the speaker asked about when the sentence before names them, by title or as
        # the article gives their title elsewhere ("According to Lutnick" is the US Commerce Secretary)
        # (carried_by reads ``before`` only for a question with a required form)
        named = with_titles(before, article) if before and query.requires is not None else before
        # "The US has suspended the additional 26 per cent tariffs on India till July 9. It was announced on
        # April 2 ...": a figure asked of the "it" a sentence opens with is the one the sentence before names
        if not query.carried_by(sentence, people, named) and not (
                figure_of_before(query, sentence) and before and query.carried_by(before, people)):
            unmet.append(f"answer {query.answer_type or 'form'}")
        if query.act is not None and not tells_of(query.act, sentence):
            unmet.append(f"answer {query.act}")  # the date of another act
        elif dates_only_an_end(query, sentence):
            unmet.append("answer date")  # "suspended ... till July 9" for "when was it suspended?"
        # the words of the sentence and the one before, where an act or a topic may be named
        words = set(tokenize(f"{before} {sentence}")) if query.premise or query.topic or query.doing else set()
        if query.premise is not None and (query.premise not in words or (
                query.premise_by and done_by_another(query.premise, query.premise_by, sentence))):
            unmet.append(f"answer {query.premise}")  # the reason for another act, or another's act
        if query.premise is not None and restates_only(query, sentence):
            unmet.append("answer reason")  # "The US has suspended the tariffs till July 9": why, it does not say
        if query.topic and not query.topic & words:
            unmet.append("answer topic")  # the speaker's words on something else
        if query.doing and query.doing not in words and not (query.doing == "aim" and _AIMED & words):
            unmet.append(f"answer {query.doing}")  # another act than the one asked about
        if query.measure is not None and not names_measure(query.measure, sentence, before):
            unmet.append(f"answer {query.measure}")  # a figure of another measure
        if ("negated" not in query.constraints.statements
                and denies(frozenset(query.terms) - degree_words(query.searched), sentence)):
            unmet.append("answer denied")  # "... do not derail ..." for "Who said they would derail ...?"
        if turns(query.searched, sentence):
            unmet.append("answer turned")  # "may be possible" for "What would make it impossible?"
        if query.constraints:
            unmet += query.constraints.unmet(sentence, before, article, earlier)
        return tuple(unmet)

    def sentences_before(self, passage: Passage, n: int) -> list[str]:
        """The ``n`` sentences of the passage's article just before the passage begins, nearest last
        (from the article's other chunks, by their place in the original)."""
        start = passage.chunk.sentences[0][2]
        earlier = {(raw_s, c.text[s:e]) for c in self.chunks_of(passage.source)
                   for s, e, raw_s, raw_e in c.sentences if raw_e <= start}
        return [text for _, text in sorted(earlier)[-n:]]

    def article(self, passage: Passage) -> ArticleContext:
        """The article's words and subjects, read once per article."""
        known = self._articles.get(passage.source)
        if known is None:
            if len(self._articles) > 4096:
                self._articles.clear()
            text = "\n".join(c.text for c in self.chunks_of(passage.source))
            known = ArticleContext.of(passage.article.title, text, passage.article.date)
            self._articles[passage.source] = known
        return known


# the words of time, the verbs' helpers and the figures a sentence may add to a question's own words and
# still say nothing more
_NOTHING_MORE = frozenset(tokenize("till until since by on in from to of the last next this year years month months "
                                   "day days week weeks january february march april may june july august september "
                                   "october november december now has have had is are was were been be will would",
                                   ()))


def restates_only(query: Query, sentence: str) -> bool:
    """Whether ``sentence`` says no more than the act a why-question takes for granted, and when: "The US has
    suspended the additional 26 per cent tariffs on India till July 9" gives no reason for the suspension."""
    # whom a levy is on, and words that only tell it is one more ("additional", "extra"), give no reason either
    plain = country_pattern()[0].sub(" ", sentence)
    extra = set(tokenize(plain)) - set(query.terms) - _NOTHING_MORE - _ONE_MORE
    return not {w for w in extra if not w[0].isdigit()}


_ONE_MORE = frozenset(tokenize("additional extra further new fresh more another", ()))


# one checker per store: a store is one generation of the index, so what it knows of its articles
# holds for as long as the store does
_CHECKERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def for_store(store) -> Admissibility:
    """The checker of ``store``'s sentences, shared by every stage that asks of them."""
    checker = _CHECKERS.get(store)
    if checker is None:
        checker = _CHECKERS[store] = Admissibility(store.chunks_of)
    return checker
