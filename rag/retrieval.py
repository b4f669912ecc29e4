"""Dense, BM25 and hybrid retrieval over a :class:`~rag.store.Store`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .admissible import for_store
from .config import Config
from .errors import RagError
from .fusion import convex_fusion, reciprocal_rank_fusion, with_best_sentence
from .question import Query, as_query
from .store import Store
from .types import Filters, Passage


@dataclass(frozen=True)
class RetrievalSettings:
    """The retrieval part of a :class:`~rag.config.Config` (checked there)."""

    mode: str = "hybrid"
    fusion: str = "rrf"  # "rrf" (reciprocal rank fusion), "convex" (weighted min-max scores), "server" (the store's)
    rrf_k: int = 60
    dense_weight: float = 1.0
    bm25_weight: float = 1.0
    candidates: int = 50  # depth of each ranking handed to fusion
    sentence_weight: float = 0.0  # share of the best sentence's similarity in the hybrid ranking
    answerable_first: bool = False  # passages with a sentence that meets the question's constraints lead

    @classmethod
    def from_config(cls, config: Config) -> RetrievalSettings:
        return cls(config.mode, config.fusion, config.rrf_k, config.dense_weight, config.bm25_weight,
                   config.candidates, config.sentence_weight, config.constraints)


class Retriever:
    """Finds the passages for a question in one of three modes.

    ``dense``: cosine similarity of MiniLM embeddings; ``bm25``: keyword scores;
    ``hybrid``: the two fused, by reciprocal rank fusion (``fusion="rrf"``) or a
    weighted sum of min-max scaled scores (``fusion="convex"``).
    """

    def __init__(self, store: Store, embedder, settings: RetrievalSettings = RetrievalSettings()):
        self.store, self.embedder, self.settings = store, embedder, settings
        self.admissible = for_store(store) if settings.answerable_first else None

    @classmethod
    def from_config(cls, config: Config, store: Store, embedder) -> Retriever:
        return cls(store, embedder, RetrievalSettings.from_config(config))

    def retrieve(self, question: str | Query, k: int = 5, mode: str | None = None,
                 query_vector: np.ndarray | None = None, filters: Filters | None = None) -> list[Passage]:
        query = as_query(question)
        return self._answerable_first(query, self._ranked(query, k, mode, query_vector, filters))

    def nearest(self, text: str, k: int) -> list[Passage]:
        """The ``k`` passages nearest a sentence, in the fused order alone: the sentence is not a
        question, so none of its constraints reorder them."""
        return self._ranked(as_query(text), k)

    def _ranked(self, query: Query, k: int, mode: str | None = None,
                query_vector: np.ndarray | None = None, filters: Filters | None = None) -> list[Passage]:
        mode = mode or self.settings.mode
        depth = max(self.settings.candidates, k)
        if filters and self.store.matching(filters) == 0:
            raise RagError(f"no article matches the filters ({filters.describe()})")
        if mode not in ("bm25", "dense", "hybrid"):
            raise RagError(f"unknown retrieval mode {mode!r}")
        if mode == "hybrid" and self.settings.fusion == "server":
            return self._server_fused(query, k, depth, query_vector, filters)
        rankings = {}
        if mode in ("bm25", "hybrid"):
            rankings["bm25"] = self.store.keyword_search(query.searched, depth, filters)
        if mode in ("dense", "hybrid"):
            if query_vector is None:
                query_vector = self.embedder.encode([query.searched])[0]
            rankings["dense"] = self.store.dense_search(query_vector, depth, filters)
        ranked = self._fuse(rankings) if mode == "hybrid" else list(zip(*rankings[mode]))
        if mode == "hybrid" and self.settings.sentence_weight:
            ranked = self._by_best_sentence(ranked, query_vector)
        if query.recency:
            ranked = self.newest_article_first_in_k(ranked, k)
        return self._passages(ranked[:k], {name: ids for name, (ids, _) in rankings.items()})

    def _server_fused(self, query: Query, k: int, depth: int, query_vector, filters) -> list[Passage]:
        """Hybrid search fused by the store (one round trip); no per-ranking ranks to report."""
        if query_vector is None:
            query_vector = self.embedder.encode([query.searched])[0]
        s = self.settings
        ids, scores = self.store.hybrid_search(query_vector, query.searched, depth, filters,
                                               (s.dense_weight, s.bm25_weight), s.rrf_k)
        ranked = list(zip(ids, scores))
        if query.recency:
            ranked = self.newest_article_first_in_k(ranked, k)
        return self._passages(ranked[:k], {})

    def _answerable_first(self, query: Query, passages: list[Passage]) -> list[Passage]:
        """The ``k`` passages, those with a sentence that meets every hard constraint of the question
        first, each group in its own order: a passage about another year or country can cite nothing,
        however close its words. Only the order within the ``k`` changes, so the answer does not."""
        if self.admissible is None or len(passages) < 2:
            return passages
        return sorted(passages, key=lambda p: not self.admissible.admits(query, p))

    def _fuse(self, rankings: dict) -> list[tuple[str, float]]:
        s = self.settings
        weights = (s.dense_weight, s.bm25_weight)
        if s.fusion == "convex":
            return convex_fusion([rankings["dense"], rankings["bm25"]], weights)
        return reciprocal_rank_fusion([rankings["dense"][0], rankings["bm25"][0]], weights, s.rrf_k)

    def _by_best_sentence(self, ranked: list[tuple[str, float]], query_vector: np.ndarray) -> list[tuple[str, float]]:
        """The fused candidates mixed with their best sentence's similarity (``sentence_weight``, see
        fusion.with_best_sentence), from the sentence vectors kept at index time: no model call."""
        best = []
        for vectors in self.store.sentence_vectors_of([chunk_id for chunk_id, _ in ranked]):
            if vectors is None or not len(vectors):  # a store without sentence vectors keeps its ranking
                return ranked
            best.append(float((vectors @ query_vector).max()))
        return with_best_sentence(ranked, best, self.settings.sentence_weight)

    def _date(self, chunk_id: str) -> str:
        return self.store.articles[self.store.chunk(chunk_id).source].date or ""

    def newest_article_first_in_k(self, ranked: list[tuple[str, float]], k: int) -> list[tuple[str, float]]:
        """For "latest state" questions: when none of the top ``k`` comes from the newest article
        among the candidates, that article's best candidate takes the last of the ``k`` places, so
        the answer can weigh the newest report (its sentence still has to be close to the best
        one to lead). With ``k`` < 2 the ranking stays as it is."""
        if k < 2 or len(ranked) <= k:
            return ranked
        date = {i: self._date(i) for i, _ in ranked}
        newest = max(date.values())
        if not newest or any(date[i] == newest for i, _ in ranked[:k]):
            return ranked
        at = next(n for n, (i, _) in enumerate(ranked) if date[i] == newest)
        return [*ranked[:k - 1], ranked[at], *ranked[k - 1:at], *ranked[at + 1:]]

    def _passages(self, scored, rankings: dict) -> list[Passage]:
        positions = {name: {d: r for r, d in enumerate(ids, start=1)} for name, ids in rankings.items()}
        passages = []
        for chunk_id, score in scored:
            chunk = self.store.chunk(chunk_id)
            ranks = {name: pos[chunk_id] for name, pos in positions.items() if chunk_id in pos}
            passages.append(Passage(chunk, self.store.articles[chunk.source], float(score), ranks,
                                    self.store.copies_of(chunk.source)))
        return passages

