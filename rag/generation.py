"""Answers with numbered citations, and the generator interface.

A generator turns a question and retrieved passages into an :class:`Answer`.
Any object with a ``name`` and a matching ``generate`` method is a
:class:`Generator`; the built-in :class:`ExtractiveGenerator` needs no LLM.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

from .bm25 import tokenize
from .conflicts import MONTH, asked_kind, first_value, is_recency_question, readable_date, values
from .retrieval import Passage

ABSTAIN_TEXT = "The articles don't say."


@dataclass(frozen=True)
class Citation:
    """Numbered reference from an answer to the exact sentences that support it."""

    n: int
    chunk_id: str
    source: str
    title: str
    date: str | None
    text: str  # the whole cited passage
    quote: str  # the cited sentence(s)
    start: int  # offsets of the quote in the article's original text
    end: int
    quote_start: int = 0  # offsets of the quote inside ``text``
    quote_end: int = 0
    supported: bool | None = None  # set by generators that check their claims
    outlet: str | None = None
    date_inferred: bool = False

    def to_json(self) -> dict:
        data = asdict(self)
        if data["supported"] is None:
            del data["supported"]
        return data


@dataclass
class Answer:
    question: str
    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    generator: str = ""
    searched: str | None = None  # the query actually searched, when it differs from the question
    conflict: list[dict] | None = None  # the differing values when the sources disagree
    as_of: str | None = None  # for questions about the latest state: the date the answer speaks for

    def to_json(self) -> dict:
        data = {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "passages": [
                {"chunk_id": p.chunk_id, "source": p.source, "score": round(p.score, 6), "text": p.text}
                for p in self.passages
            ],
        }
        if self.notes:
            data["notes"] = self.notes
        if self.conflict:
            data["conflict"] = self.conflict
        if self.as_of:
            data["as_of"] = self.as_of
        if self.searched and self.searched != self.question:
            data["searched"] = self.searched
        return data


@runtime_checkable
class Generator(Protocol):
    """Question + passages -> Answer."""

    name: str

    def generate(self, question: str, passages: Sequence[Passage]) -> Answer: ...


def stream_answer(generator: Generator, question: str, passages: Sequence[Passage]) -> Iterator[str | Answer]:
    """Text pieces as the generator produces them, then the finished Answer.

    Generators with a ``stream`` method stream through it; others yield their
    answer in one piece.
    """
    stream = getattr(generator, "stream", None)
    if stream is not None:
        yield from stream(question, passages)
        return
    answer = generator.generate(question, passages)
    yield answer.text
    yield answer


def make_citation(n: int, passage: Passage, sentence_index: Sequence[int]) -> Citation:
    """A citation quoting the given sentences (indexes into the chunk's sentences)."""
    spans = [passage.chunk.sentences[i] for i in sorted(sentence_index)]
    q_start, q_end = spans[0][0], spans[-1][1]
    return Citation(
        n=n, chunk_id=passage.chunk_id, source=passage.source, title=passage.article.title,
        date=passage.article.date, text=passage.text, quote=passage.text[q_start:q_end],
        start=spans[0][2], end=spans[-1][3], quote_start=q_start, quote_end=q_end,
        outlet=passage.article.outlet or passage.article.byline, date_inferred=passage.article.date_inferred,
    )


# ------------------------------------------------------------ extractive answers

# Words that shape a question but say nothing about its topic.
QUESTION_WORDS = frozenset(
    "what which who whom whose when where why how many much did does do is was were are has have "
    "had can could would should will shall been being about according article articles say said "
    "says tell told me us please name give list mention mentioned".split()
) - {"us"}

_ANSWER_TYPES = [
    ("date", re.compile(r"^\s*(when|until when|by when|since when)\b|\b(what|which) (date|day|month|year)\b", re.I),
     re.compile(rf"\b({MONTH}|\d{{4}}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("number", re.compile(r"\bhow (many|much|big|large|high|low|far|long)\b|\b(what|which) (percentage|share|"
                          r"amount|value|rate|level|figure|number|total|tariff|duty|size)\b|\bby how\b", re.I),
     re.compile(r"\d")),
    ("person", re.compile(r"^\s*(who|whom|whose)\b|"
                          r"\bwhich (official|minister|secretary|person|spokesperson|expert)\b", re.I),
     re.compile(r"\b(Minister|Secretary|President|Representative|spokesperson|official|professor|"
                r"[A-Z][a-z]+ [A-Z][a-z]+)\b")),
    ("place", re.compile(r"^\s*where\b|\bwhich (country|countries|city|place)\b", re.I),
     re.compile(r"\b[A-Z][a-z]+")),
]


def answer_type(question: str) -> tuple[str | None, re.Pattern | None]:
    """The kind of thing a question asks for: date, number, person, place, or None."""
    for name, asks, carries in _ANSWER_TYPES:
        if asks.search(question):
            return name, carries
    return None, None


def content_terms(text: str) -> list[str]:
    return [t for t in tokenize(text) if t not in _QUESTION_STEMS]


_QUESTION_STEMS = frozenset(tokenize(" ".join(sorted(QUESTION_WORDS)), stopwords=frozenset()))


@dataclass(frozen=True)
class ScoredSentence:
    passage_rank: int
    sentence: int
    score: float
    similarity: float
    overlap: float
    typed: bool
    leans_on_previous: bool = False  # the sentence before adds a tenth or more of the question's words


class ExtractiveGenerator:
    """Answers with the retrieved sentences that best answer the question.

    Each sentence is scored by its embedding similarity to the question, the
    share of the question's words it contains (weighted by rarity, so a missing
    rare word like a name costs most) and whether it carries the kind of thing
    asked for. Below ``threshold`` it abstains with :data:`ABSTAIN_TEXT`.
    """

    name = "extractive"
    weights = {"similarity": 0.5, "overlap": 0.4, "typed": 0.1, "recency": 0.08}

    def __init__(self, embedder, idf: Callable[[str], float], threshold: float = 0.44,
                 max_sentences: int = 2, margin: float = 0.06):
        self.embedder = embedder
        self.idf = idf
        self.threshold = threshold
        self.max_sentences = max_sentences
        self.margin = margin
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def _sentence_vectors(self, passage: Passage) -> np.ndarray:
        cached = self._cache.get(passage.chunk_id)
        if cached is None:
            texts = [passage.text[s:e] for s, e, _, _ in passage.chunk.sentences]
            cached = self.embedder.encode(texts)
            self._cache[passage.chunk_id] = cached
            if len(self._cache) > 4096:
                self._cache.popitem(last=False)
        return cached

    def overlap(self, question_terms: Sequence[str], sentence: str) -> float:
        """IDF-weighted share of the question's terms found in ``sentence``."""
        if not question_terms:
            return 0.0
        found = set(tokenize(sentence))
        weights = {t: self.idf(t) for t in set(question_terms)}
        total = sum(weights.values())
        return sum(w for t, w in weights.items() if t in found) / total if total else 0.0

    def score(self, question: str, passages: Sequence[Passage]) -> list[ScoredSentence]:
        """Every sentence of every passage, best first."""
        if not passages:
            return []
        q_vec = self.embedder.encode([question])[0]
        q_terms = content_terms(question)
        _, carries = answer_type(question)
        # for "now"/"latest" questions, newer articles get up to `recency` extra
        newest = {}
        if is_recency_question(question):
            dates = sorted({p.article.date for p in passages if p.article.date}, reverse=True)
            newest = {d: 1 - i / max(len(dates), 1) for i, d in enumerate(dates)}
        scored, seen = [], set()
        for rank, passage in enumerate(passages):
            sims = self._sentence_vectors(passage) @ q_vec
            sentences = passage.chunk.sentences
            for i, (s, e, raw_s, _) in enumerate(sentences):
                if (passage.source, raw_s) in seen:  # overlapping chunks repeat sentences
                    continue
                seen.add((passage.source, raw_s))
                text = passage.text[s:e]
                # the sentence before often names what this one's "it" or "they" refers to
                context = passage.text[sentences[i - 1][0]:e] if i else text
                own, with_context = self.overlap(q_terms, text), self.overlap(q_terms, context)
                overlap = 0.5 * own + 0.5 * with_context
                typed = bool(carries and carries.search(text))
                total = (self.weights["similarity"] * float(sims[i]) + self.weights["overlap"] * overlap
                         + self.weights["typed"] * typed
                         + self.weights["recency"] * newest.get(passage.article.date, 0.0))
                scored.append(ScoredSentence(rank, i, total, float(sims[i]), overlap, typed, with_context - own >= 0.1))
        return sorted(scored, key=lambda s: (-s.score, s.passage_rank, s.sentence))

    def generate(self, question: str, passages: Sequence[Passage]) -> Answer:
        passages = list(passages)
        scored = self.score(question, passages)
        if not scored or scored[0].score < self.threshold:
            return Answer(question, ABSTAIN_TEXT, True, [], passages, generator=self.name)
        return self.compose(question, scored, passages)

    def compose(self, question: str, scored: Sequence[ScoredSentence], passages: Sequence[Passage]) -> Answer:
        """The answer made of the best of ``scored`` sentences, whatever their score."""
        passages = list(passages)
        disagreeing = self.find_conflict(question, scored, passages)
        if disagreeing:
            return self._conflict_answer(question, disagreeing, passages)
        if is_recency_question(question):
            # the newest article with a sentence close to the best one leads
            close = [s for s in scored if s.score >= scored[0].score - 0.15]
            newest = max(passages[s.passage_rank].article.date or "" for s in close)
            scored = [s for s in scored if (passages[s.passage_rank].article.date or "") == newest]
        chosen = [s for s in scored if s.score >= scored[0].score - self.margin][: self.max_sentences]
        citations, parts = self._cite(self._with_antecedents(chosen), passages)
        answer = Answer(question, " ".join(parts), False, citations, passages, generator=self.name)
        if is_recency_question(question) and citations:
            lead = citations[0]
            answer.as_of = lead.date
            answer.text = f"As of {readable_date(lead.date)} ({lead.title}): {answer.text}"
        return answer

    @staticmethod
    def _with_antecedents(chosen: Sequence[ScoredSentence]) -> list[ScoredSentence]:
        """Each chosen sentence, preceded by the sentence before it when that one names part of
        what was asked ("... the "Pax Silica" initiative ... New Delhi is expected to ... join")."""
        out, have = [], {(s.passage_rank, s.sentence) for s in chosen}
        for s in chosen:
            before = (s.passage_rank, s.sentence - 1)
            if s.leans_on_previous and s.sentence > 0 and before not in have:
                have.add(before)
                out.append(ScoredSentence(s.passage_rank, s.sentence - 1, s.score, s.similarity, s.overlap, s.typed))
            out.append(s)
        return out

    def _cite(self, chosen: Sequence[ScoredSentence], passages: Sequence[Passage]) -> tuple[list, list]:
        # adjacent sentences of one passage share a citation; otherwise each gets its own
        groups: list[tuple[int, list[int]]] = []
        for s in chosen:
            for rank, ids in groups:
                if rank == s.passage_rank and (min(ids) - 1 == s.sentence or max(ids) + 1 == s.sentence):
                    ids.append(s.sentence)
                    break
            else:
                groups.append((s.passage_rank, [s.sentence]))
        citations, parts = [], []
        for n, (rank, ids) in enumerate(groups, start=1):
            citation = make_citation(n, passages[rank], ids)
            citations.append(citation)
            parts.append(f"{citation.quote} [{n}]")
        return citations, parts

    def find_conflict(self, question: str, scored: Sequence[ScoredSentence],
                      passages: Sequence[Passage]) -> list[tuple[ScoredSentence, str]]:
        """Top sentences from different articles that give different values of the kind asked for."""
        kind = asked_kind(question)
        if kind is None or not scored:
            return []
        picked: list[tuple[ScoredSentence, set[str]]] = []
        for s in scored[:8]:
            if s.score < scored[0].score - 0.1 or s.overlap < 0.3:
                continue
            found = values(self._sentence(s, passages), kind)
            if not found:
                continue
            source = passages[s.passage_rank].source
            if any(passages[p.passage_rank].source == source for p, _ in picked):
                continue
            if picked and any(found & v for _, v in picked):
                continue  # agrees with a sentence already picked
            picked.append((s, found))
        if len(picked) < 2:
            return []
        return [(s, first_value(self._sentence(s, passages), kind)) for s, _ in picked]

    @staticmethod
    def _sentence(s: ScoredSentence, passages: Sequence[Passage]) -> str:
        p = passages[s.passage_rank]
        start, end = p.chunk.sentences[s.sentence][:2]
        return p.text[start:end]

    def _conflict_answer(self, question, disagreeing, passages) -> Answer:
        citations, parts = self._cite([s for s, _ in disagreeing], passages)
        claims = [f"{value} according to {c.title} ({readable_date(c.date)}) [{c.n}]"
                  for (_, value), c in zip(disagreeing, citations)]
        text = f"The sources disagree: {'; '.join(claims)}. " + " ".join(parts)
        conflict = [{"value": value, "n": c.n, "source": c.source, "date": c.date}
                    for (_, value), c in zip(disagreeing, citations)]
        return Answer(question, text, False, citations, list(passages), generator=self.name, conflict=conflict)


class FallbackGenerator:
    """Uses ``primary``; when it fails with a RagError, answers with ``fallback`` and says so."""

    def __init__(self, primary: Generator, fallback: Generator):
        self.primary, self.fallback = primary, fallback
        self.name = primary.name
        self.streams = getattr(primary, "streams", False)

    def generate(self, question: str, passages: Sequence[Passage]) -> Answer:
        *_, answer = self.stream(question, passages)
        return answer

    def stream(self, question: str, passages: Sequence[Passage]) -> Iterator[str | Answer]:
        from .errors import RagError

        try:
            yield from stream_answer(self.primary, question, passages)
        except RagError as exc:
            answer = self.fallback.generate(question, passages)
            answer.notes.append(f"{self.primary.name} failed ({exc}); this is the {self.fallback.name} answer")
            yield "\n"
            yield answer
