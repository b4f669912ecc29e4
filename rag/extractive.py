"""The offline answer: the retrieved sentences that best answer the question, cited.

Each sentence is scored by its embedding similarity to the question, the share
of the question's words it contains (weighted by rarity, so a missing rare word
like a name costs most) and whether it carries the kind of thing asked for.
Below a calibrated threshold the generator abstains with
:data:`~rag.types.ABSTAIN_TEXT`.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from .admissible import Admissibility, figure_of_before, for_store
from .bm25 import tokenize
from .config import Config
from .conflicts import Claim, disagreeing
from .constraints import as_asked, said_instead
from .dates import readable_date
from .question import Query, as_query, asks_words_of
from .spans import short_answer, slot_fit
from .terms import SPEECH_ACTS
from .types import ABSTAIN_TEXT, Answer, Chunk, Citation, Passage
from .values import values


@dataclass(frozen=True)
class ScoredSentence:
    passage_rank: int
    sentence: int
    score: float
    similarity: float
    overlap: float
    typed: bool
    # the sentence before adds a tenth or more of the question's words, or this one goes on from it
    leans_on_previous: bool = False
    unmet: tuple[str, ...] = ()  # the question's hard constraints this sentence fails (see constraints.py)


# A sentence that opens with "And", "But" or a pronoun goes on from the one before ("And India being one
# of the highest importers of Russian oil, exporters fear another round of tariff."): quoted alone it
# leaves out what it is about, so the one before is quoted with it.
_CONTINUES = re.compile(r"^\W*(?:and|but|also|so|yet|it|this|that|these|those|they|he|she|such)\b", re.I)


# what a sentence says is expected next: "is expected to", "is likely to", "in the coming weeks"
_EXPECTED = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:expected|likely|set|poised|slated|due)\s+to\b|"
                       r"\bin the coming (?:days|weeks|months)\b", re.I)


def cite(chosen: Sequence[ScoredSentence], passages: Sequence[Passage]) -> tuple[list[Citation], list[str]]:
    """Citations for the chosen sentences and the answer's parts, each ending in its marker.

    Adjacent sentences of one passage share a citation; otherwise each gets its own.
    """
    groups: list[tuple[int, list[int]]] = []
    for s in chosen:
        for rank, ids in groups:
            if rank == s.passage_rank and (min(ids) - 1 == s.sentence or max(ids) + 1 == s.sentence):
                ids.append(s.sentence)
                break
        else:
            groups.append((s.passage_rank, [s.sentence]))
    citations = [Citation.quoting(n, passages[rank], ids) for n, (rank, ids) in enumerate(groups, start=1)]
    return citations, [f"{c.quote} [{c.n}]" for c in citations]


class ExtractiveGenerator:
    """Answers with the retrieved sentences that best answer the question (see the module)."""

    name = "extractive"
    answers_parts_separately = True  # a question of several parts is answered part by part
    # chosen on the dev split (a grid over the weights, the threshold calibrated for each); the answer type
    # counts for nothing since the types where it is decisive (dates, months, people) became hard
    # requirements (question.py)
    weights = {"similarity": 0.5, "overlap": 0.5, "typed": 0.0, "recency": 0.08, "slot": 0.2}

    def __init__(self, embedder, idf: Callable[[str], float], threshold: float = 0.491,
                 max_sentences: int = 2, margin: float = 0.06, meaning_threshold: float = 1.0,
                 chunks_of: Callable[[str], list[Chunk]] | None = None,
                 neighbours: Callable[[str, int], list[Passage]] | None = None,
                 stored: Callable[[str], np.ndarray | None] | None = None,
                 admissible: Admissibility | None = None):
        """``chunks_of(source)`` gives an article's chunks, so constraints can be checked in the
        article's context and a passage's first sentences with the sentences before it (by
        ``admissible``, the store's checker, when one is given); ``neighbours(text, k)`` the ``k``
        passages of the whole index nearest ``text``, where other articles' statements of the same
        claim are looked for; ``stored(chunk_id)`` the sentence vectors kept at index time when the
        store has them (otherwise they are encoded and cached)."""
        self.embedder = embedder
        self.idf = idf
        self.neighbours = neighbours or (lambda text, k: [])
        self.stored = stored or (lambda chunk_id: None)
        self.check_constraints = True
        self.admissible = admissible or Admissibility(chunks_of or (lambda source: []))
        self.threshold = threshold
        self.meaning_threshold = meaning_threshold
        self.max_sentences = max_sentences
        self.margin = margin
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()  # sentence vectors by chunk id

    @classmethod
    def from_config(cls, config: Config, store, embedder) -> ExtractiveGenerator:
        from .retrieval import Retriever

        retriever = Retriever.from_config(config, store, embedder)
        generator = cls(embedder, store.idf, config.abstain_threshold, config.max_answer_sentences,
                        meaning_threshold=config.meaning_threshold, chunks_of=store.chunks_of,
                        neighbours=retriever.nearest,
                        stored=store.sentence_vectors, admissible=for_store(store))
        generator.check_constraints = config.constraints
        return generator

    def clear_cache(self) -> None:
        """Forget the sentence vectors of passages seen before, and the verdicts on their sentences
        (benchmarks time new questions)."""
        self._cache.clear()
        self.admissible.forget()

    def _sentence_vectors(self, passage: Passage) -> np.ndarray:
        stored = self.stored(passage.chunk_id)
        if stored is not None:
            return stored
        cached = self._cache.get(passage.chunk_id)
        if cached is None:
            texts = [passage.text[s:e] for s, e, _, _ in passage.chunk.sentences]
            cached = self.embedder.encode(texts)
            self._cache[passage.chunk_id] = cached
            if len(self._cache) > 4096:
                self._cache.popitem(last=False)
        return cached

    def overlap(self, question_terms: Sequence[str] | dict[str, float], sentence: str) -> float:
        """IDF-weighted share of the question's terms (or of their weights, given once) found in ``sentence``."""
        weights = question_terms if isinstance(question_terms, dict) else {t: self.idf(t) for t in set(question_terms)}
        total = sum(weights.values())
        if not total:
            return 0.0
        found = set(tokenize(sentence))
        return sum(w for t, w in weights.items() if t in found) / total

    def score(self, question: str | Query, passages: Sequence[Passage]) -> list[ScoredSentence]:
        """Every sentence of every passage, best first."""
        query = as_query(question)
        if not passages:
            return []
        q_vec = self.embedder.encode([query.searched])[0]
        weights = {t: self.idf(t) for t in set(query.terms)}  # once per question, not per sentence
        # for "now"/"latest" questions, newer articles get up to `recency` extra
        newest = {}
        if query.recency:
            dates = sorted({p.article.date for p in passages if p.article.date}, reverse=True)
            newest = {d: 1 - i / max(len(dates), 1) for i, d in enumerate(dates)}
        # an office holder another of the passages' articles titles for a country holds it for that one ("the
        # Foreign Secretary Misri" in one article is "India's Foreign Secretary Vikram Misri" in another)
        titled = frozenset().union(*(self.admissible.article(p).titled for p in passages)) \
            if self.check_constraints and query.constraints.offices else frozenset()
        people = frozenset(who for who, _ in titled)
        scored, seen = [], set()
        for rank, passage in enumerate(passages):
            sims = self._sentence_vectors(passage) @ q_vec
            sentences = passage.chunk.sentences
            verdicts = self.admissible.passage_unmet(query, passage) if self.check_constraints else None
            for i, (s, e, raw_s, _) in enumerate(sentences):
                if (passage.source, raw_s) in seen:  # overlapping chunks repeat sentences
                    continue
                seen.add((passage.source, raw_s))
                text = passage.text[s:e]
                # the sentence before often names what this one's "it" or "they" refers to; an article's lead
                # sentence tells what its headline says ("Agriculture and dairy hold up India-US trade deal")
                if i:
                    context = passage.text[sentences[i - 1][0]:e]
                else:
                    lead = not self.admissible.sentences_before(passage, 1)
                    context = f"{passage.article.title} {text}" if lead and passage.article.title else text
                own, with_context = self.overlap(weights, text), self.overlap(weights, context)
                overlap = 0.5 * own + 0.5 * with_context
                typed = bool(query.carries and query.carries.search(text))
                unmet = verdicts[i] if verdicts is not None else ()
                if titled and not unmet:
                    unmet = tuple(query.constraints.offices_unmet(text, people, titled))
                total = (self.weights["similarity"] * float(sims[i]) + self.weights["overlap"] * overlap
                         + self.weights["typed"] * typed + self.weights["slot"] * slot_fit(query, text)
                         + self.weights["recency"] * newest.get(passage.article.date, 0.0))
                leans = with_context - own >= 0.1 or bool(i and _CONTINUES.match(text))
                scored.append(ScoredSentence(rank, i, total, float(sims[i]), overlap, typed, leans, unmet))
        return sorted(scored, key=lambda s: (-s.score, s.passage_rank, s.sentence))

    def answers(self, s: ScoredSentence) -> bool:
        """Whether a candidate that meets every constraint is good enough to answer: its support reaches
        the threshold, or its meaning alone is close to the question's (a paraphrase)."""
        return s.score >= self.threshold or s.similarity >= self.meaning_threshold

    def candidates(self, question: str | Query, passages: Sequence[Passage]) -> list[ScoredSentence]:
        """The sentences that may answer (they meet every constraint), best first, whatever their score."""
        return [s for s in self.score(question, passages) if not s.unmet]

    def generate(self, question: str | Query, passages: Sequence[Passage]) -> Answer:
        query = as_query(question)
        passages = list(passages)
        scored = self.score(query, passages)
        allowed = [s for s in scored if not s.unmet]
        if self._told_otherwise(query, scored, passages):
            allowed = []
        if not allowed or not self.answers(allowed[0]):
            return self._abstain(query, scored, passages)
        return self.compose(query, allowed, passages)

    def _told_otherwise(self, query: Query, scored: Sequence[ScoredSentence], passages: Sequence[Passage]) -> bool:
        """Whether the articles tell of the act the question asks about between its people, and every
        such telling fails the question ("Landau also thanked ... Misri" for "What did Misri thank
        Landau for?"): then a sentence that does not tell of the act cannot answer it either."""
        c = query.constraints
        # words someone said on another thing tell nothing otherwise ("Chakravarty said negotiators had reached
        # alignment" for "Which sectors did Chakravarty say discussions had advanced on?")
        # nor do a speaker's words name an act of theirs: "What did Trump call Modi?" asks what he called him,
        # and "Modi has made eight calls to the US president" is no telling of it
        if not (c.agent and c.act) or c.act in SPEECH_ACTS or asks_words_of(query):
            return False
        texts = ((s, self._sentence(s, passages)) for s in scored)
        # a telling that lacks only the answer's form ("a ministerial-level meeting" for "which official
        # did Goyal meet?") says nothing otherwise
        telling = [s for s, text in texts
                   if c.act in tokenize(text) and c.names & set(re.findall(r"\w+", text.lower()))
                   and not (s.unmet and all(u.startswith("answer ") for u in s.unmet))]
        return bool(telling) and all(s.unmet for s in telling)

    def _abstain(self, query: Query, scored: Sequence[ScoredSentence], passages: Sequence[Passage]) -> Answer:
        """No answer; when a sentence would have answered but for the constraints, say what it is about."""
        near = next((s for s in scored if s.unmet and s.score >= self.threshold), None)
        if near is None:
            return Answer(query.searched, ABSTAIN_TEXT, True, (), passages, generator=self.name)
        citations, _ = cite([near], passages)
        # one constraint may be failed two ways ("period 2035": the figure's year and the target's)
        unmet = [u for u in near.unmet if not u.startswith("answer")]
        missing = list(dict.fromkeys(as_asked(u, query.searched) for u in unmet))
        # the doer and the one done to are one act: "Trump doing it to Modi", not "Trump doing it, it being
        # done to Modi"
        doing = next((m for m in missing if m.endswith(" doing it")), None)
        done = next((m for m in missing if m.startswith("it being done to ")), None)
        if doing and done:
            missing = [f"{doing} to {done.removeprefix('it being done to ')}" if m == doing else m
                       for m in missing if m != done]
        if not missing:
            return Answer(query.searched, ABSTAIN_TEXT, True, (), passages, generator=self.name)
        # and what it speaks of in their place: "... does not speak of 2018-19; it speaks of 2024-25."
        sentence = self._sentence(near, passages)
        instead = [w for w in dict.fromkeys(said_instead(u, sentence, query.searched) for u in unmet) if w]
        text = f"{ABSTAIN_TEXT} The nearest passage [1] does not speak of {', '.join(missing)}" + (
            f"; it speaks of {' and '.join(instead)}".rstrip(".") + "." if instead else ".")  # "U.S." ends it
        return Answer(query.searched, text, True, (), passages, generator=self.name, partial=citations)

    def compose(self, question: str | Query, scored: Sequence[ScoredSentence], passages: Sequence[Passage]) -> Answer:
        """The answer made of the best of ``scored`` sentences, whatever their score."""
        query = as_query(question)
        passages = list(passages)
        differing, pool = self.find_conflict(query, scored, passages)
        if differing:
            return self._conflict_answer(query, differing, pool)
        if query.recency:
            scored, passages = self._with_statements_elsewhere(query, scored, passages)
            # the newest article with a sentence close to the best one leads
            close = [s for s in scored if s.score >= scored[0].score - 0.15]
            # when a figure is asked and the best sentence gives it, a newer one leads only if it gives one too:
            # "India's exports went up by 11.38%" is no newer word on "the current US baseline tariff" (10 per
            # cent). "What is the latest on the deficit?" asks for no figure: "projected to widen" is news of it
            if query.answer_type == "number" and self._value(query, scored[0], passages):
                close = [s for s in close if self._value(query, s, passages)]
            newest = max(passages[s.passage_rank].article.date or "" for s in close)
            scored = [s for s in scored if (passages[s.passage_rank].article.date or "") == newest]
        chosen = [s for s in scored if s.score >= scored[0].score - self.margin][: self.max_sentences]
        if query.recency:
            chosen = self._with_expectation(chosen, passages)
        citations, parts = cite(self._with_antecedents(chosen), passages)
        people = frozenset().union(*(self.admissible.article(passages[s.passage_rank]).people for s in chosen))
        short = short_answer(query, [self._sentence(s, passages) for s in chosen], self.idf, people)
        best = chosen[0]
        if short is None and best.sentence and figure_of_before(query, self._sentence(best, passages)):
            # "It was announced on April 2": the figure is the one of the sentence before, which is quoted
            short = short_answer(query, [passages[best.passage_rank].chunk.sentence(best.sentence - 1)],
                                 self.idf, people)
        answer = Answer(query.searched, " ".join(parts), False, citations, passages, generator=self.name,
                        short_answer=short)
        if query.recency and citations:
            lead = citations[0]
            answer = replace(answer, as_of=lead.date,
                             text=f"As of {readable_date(lead.date)} ({lead.title}): {answer.text}")
        return answer

    def _value(self, query: Query, s: ScoredSentence, passages: Sequence[Passage]) -> str | None:
        """The short answer sentence ``s`` alone gives, if any."""
        people = self.admissible.article(passages[s.passage_rank]).people
        return short_answer(query, [self._sentence(s, passages)], self.idf, people)

    def _with_statements_elsewhere(self, query: Query, scored: Sequence[ScoredSentence],
                                   passages: list[Passage]) -> tuple[list[ScoredSentence], list[Passage]]:
        """For a latest-state question: the passages nearest the best sentence across the whole index
        join the retrieved ones, so that a newer article's statement of the same thing, which the
        question's words did not retrieve, can lead. The sentences are scored again, all of them."""
        ids = {p.chunk_id for p in passages}
        extra = [p for p in self.neighbours(self._sentence(scored[0], passages), 10) if p.chunk_id not in ids]
        if not extra:
            return list(scored), passages
        pool = passages + extra
        return [s for s in self.score(query, pool) if not s.unmet], pool

    @staticmethod
    def _with_expectation(chosen: list[ScoredSentence], passages: Sequence[Passage]) -> list[ScoredSentence]:
        """For a latest-state question: the lead sentence, and the one right after it when that one says
        what is expected next ("... Washington's invitation to India to join the Pax Silica initiative.
        New Delhi is expected to formally participate as a full member in the coming weeks."): where
        things stand is the step taken and the step expected."""
        lead = chosen[0]
        chunk = passages[lead.passage_rank].chunk
        after = lead.sentence + 1
        if after >= len(chunk.sentences) or any(s.passage_rank == lead.passage_rank and s.sentence == after
                                                for s in chosen):
            return chosen
        if not _EXPECTED.search(chunk.sentence(after)):
            return chosen
        return [lead, replace(lead, sentence=after, leans_on_previous=False), *chosen[1:]]

    @staticmethod
    def _with_antecedents(chosen: Sequence[ScoredSentence]) -> list[ScoredSentence]:
        """Each chosen sentence, preceded by the sentence before it when that one names part of
        what was asked ("... the "Pax Silica" initiative ... New Delhi is expected to ... join")."""
        out, have = [], {(s.passage_rank, s.sentence) for s in chosen}
        for s in chosen:
            before = (s.passage_rank, s.sentence - 1)
            if s.leans_on_previous and s.sentence > 0 and before not in have:
                have.add(before)
                out.append(replace(s, sentence=s.sentence - 1, leans_on_previous=False))
            out.append(s)
        return out

    def find_conflict(self, query: Query, scored: Sequence[ScoredSentence],
                      passages: Sequence[Passage]) -> tuple[list[tuple[ScoredSentence, str]], list[Passage]]:
        """The answer's sentence and each other article's sentence stating the same claim with another
        value, looked for in the retrieved passages and in the passages nearest the answer's sentence
        across the whole index; with the passages they are cited from."""
        if query.value_kind is None or not scored:
            return [], list(passages)
        lead = scored[0]
        lead_text = self._sentence(lead, passages)
        lead_vectors = self._sentence_vectors(passages[lead.passage_rank])
        lead_vector = lead_vectors[lead.sentence]
        if lead.sentence and figure_of_before(query, lead_text):
            # its figure is the sentence before's: the claim is the two sentences', and so is its meaning
            lead_text = f"{passages[lead.passage_rank].chunk.sentence(lead.sentence - 1)} {lead_text}"
            pair = lead_vectors[lead.sentence - 1] + lead_vector
            lead_vector = pair / np.linalg.norm(pair)
        pool = list(passages)
        ids = {p.chunk_id for p in pool}
        pool += [p for p in self.neighbours(lead_text, 10) if p.chunk_id not in ids]
        q_vec = self.embedder.encode([query.searched])[0]
        claims, lead_article = [], passages[lead.passage_rank].source
        # another article may name the act in other words ("paused until July 8" beside "suspended till
        # July 9") and leave out the figure that named the subject ("the 26 per cent tariff"): the claim is
        # matched to the answer's sentence by meaning, so neither word is needed
        # (nor the verb of a day asked: "the reciprocal 25% tariffs system kicks into effect on April 2" tells the
        # rate of the tariff "announced on April 2" in another article)
        claim_query = replace(query, act=None, constraints=replace(query.constraints, figures=frozenset(),
                                                                   day_act=None))
        for rank, passage in enumerate(pool):
            if passage.source == lead_article or lead_article in passage.also_in:
                continue
            vectors = self._sentence_vectors(passage)
            sims, relevance = vectors @ lead_vector, vectors @ q_vec
            for i, (s, e, _, _) in enumerate(passage.chunk.sentences):
                text, before = passage.text[s:e], passage.text[passage.chunk.sentences[i - 1][0]:s] if i else ""
                leans = False
                if query.value_kind == "date" and i and not values(text, "date") and values(before, "date"):
                    # "WASHINGTON – India and the US, on Friday discussed trade ... Landau and Misri held
                    # phone talks ...": the day the sentence's claim happened is in the one before
                    starts = [start for start, _, _, _ in passage.chunk.sentences]
                    earlier = passage.text[starts[i - 2]:starts[i - 1]] if i > 1 else ""
                    text, before, leans = f"{before.strip()} {text}", earlier, True
                if self.check_constraints and self.admissible.unmet(claim_query, text, before, passage):
                    continue
                ref = ScoredSentence(rank, i, 0.0, float(sims[i]), 0.0, False, leans_on_previous=leans)
                claims.append(Claim(text, passage.source, passage.article.date, float(sims[i]),
                                    float(relevance[i]), ref))
        lead_claim = Claim(lead_text, lead_article, passages[lead.passage_rank].article.date, 1.0,
                           lead.similarity, lead)
        found = disagreeing(set(query.terms), query.value_kind, lead_claim, claims,
                            relevance=lambda text: float(self.embedder.encode([text])[0] @ q_vec), now=query.recency)
        return [(claim.ref, value) for claim, value in found], pool

    @staticmethod
    def _sentence(s: ScoredSentence, passages: Sequence[Passage]) -> str:
        return passages[s.passage_rank].chunk.sentence(s.sentence)

    def _conflict_answer(self, query: Query, disagreeing, passages) -> Answer:
        # one citation per value; a claim whose day is in the sentence before quotes both
        citations = [Citation.quoting(n, passages[s.passage_rank],
                                      [s.sentence - 1, s.sentence] if s.leans_on_previous else [s.sentence])
                     for n, (s, _) in enumerate(disagreeing, start=1)]
        parts = [f"{c.quote} [{c.n}]" for c in citations]
        claims = [f"{value} according to {c.title} ({readable_date(c.date)}) [{c.n}]"
                  for (_, value), c in zip(disagreeing, citations)]
        text = f"The sources disagree: {'; '.join(claims)}. " + " ".join(parts)
        conflict = [{"value": value, "n": c.n, "source": c.source, "date": c.date}
                    for (_, value), c in zip(disagreeing, citations)]
        return Answer(query.searched, text, False, citations, passages, generator=self.name, conflict=conflict,
                      short_answer=tuple(value for _, value in disagreeing))
