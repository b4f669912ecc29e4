"""Dense, BM25 and hybrid retrieval over an :class:`~rag.index.Index`."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .chunking import Chunk
from .config import FUSIONS
from .conflicts import is_recency_question
from .corpus import ArticleMeta
from .embedding import Embedder
from .index import Index


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its article's metadata and its retrieval score."""

    chunk: Chunk
    article: ArticleMeta
    score: float
    ranks: dict = field(default_factory=dict)  # rank in each fused ranking, 1-based

    @property
    def text(self) -> str:
        return self.chunk.text

    @property
    def chunk_id(self) -> str:
        return self.chunk.id

    @property
    def source(self) -> str:
        return self.chunk.source


def check_filter_date(name: str, value: str | None) -> str | None:
    """``value`` when it is a date like 2025, 2025-05 or 2025-05-20 (or None); else a RagError."""
    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        from .errors import RagError

        raise RagError(f"{name} must be a date like 2025, 2025-05 or 2025-05-20, not {value!r}")
    return value


def date_range(date: str) -> tuple[str, str]:
    """The first and last day a possibly partial ISO date covers: "2026-01" -> 2026-01-01..2026-01-31."""
    parts = date.split("-")
    if len(parts) == 1:
        return f"{date}-01-01", f"{date}-12-31"
    if len(parts) == 2:
        return f"{date}-01", f"{date}-31"
    return date, date


@dataclass(frozen=True)
class Filters:
    """Which articles retrieval may return: source path patterns (globs) and a date range.

    An article with a partial date ("2026-01") passes when any day it covers is in
    range; an undated article never passes a date filter.
    """

    sources: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    def __bool__(self) -> bool:
        return bool(self.sources or self.since or self.until)

    def describe(self) -> str:
        parts = [f"--source {s}" for s in self.sources]
        parts += [f"--since {self.since}"] if self.since else []
        parts += [f"--until {self.until}"] if self.until else []
        return " ".join(parts)

    def accepts(self, article: ArticleMeta) -> bool:
        if self.sources and not any(
            fnmatch.fnmatch(article.source, pattern) or article.source == pattern
            or fnmatch.fnmatch(article.source.rsplit("/", 1)[-1], pattern) for pattern in self.sources
        ):
            return False
        if self.since or self.until:
            if not article.date:
                return False
            first, last = date_range(article.date)
            if self.since and last < date_range(self.since)[0]:
                return False
            if self.until and first > date_range(self.until)[1]:
                return False
        return True


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[int]], weights: Sequence[float] | None = None, k: int = 60,
) -> list[tuple[int, float]]:
    """Fuse rankings of document positions: score(d) = sum_i w_i / (k + rank_i(d)).

    Returns ``(position, score)`` pairs, best first; ties keep first-seen order.
    """
    weights = list(weights) if weights is not None else [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError("one weight per ranking")
    scores: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, doc in enumerate(ranking, start=1):
            scores[int(doc)] = scores.get(int(doc), 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])


def convex_fusion(
    rankings: Sequence[tuple[Sequence[int], Sequence[float]]], weights: Sequence[float] | None = None,
) -> list[tuple[int, float]]:
    """Fuse scored rankings: score(d) = sum_i w_i * minmax_i(score_i(d)), weights summing to 1.

    Each ranking's scores are scaled to [0, 1] over its own candidates; a document
    missing from a ranking gets 0 there. Unlike rank fusion it keeps how far apart
    the scores are, which helped on BEIR SciFact (see the README).
    """
    weights = list(weights) if weights is not None else [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError("one weight per ranking")
    total = sum(weights) or 1.0
    scores: dict[int, float] = {}
    for (docs, values), weight in zip(rankings, weights):
        values = np.asarray(values, dtype=np.float64)
        if len(values) == 0:
            continue
        span = values.max() - values.min()
        scaled = (values - values.min()) / span if span > 0 else np.ones_like(values)
        for doc, value in zip(docs, scaled):
            scores[int(doc)] = scores.get(int(doc), 0.0) + weight / total * float(value)
    return sorted(scores.items(), key=lambda item: -item[1])



class Retriever:
    """Finds the passages for a question in one of three modes.

    ``dense``: cosine similarity of MiniLM embeddings (FAISS inner product);
    ``bm25``: keyword scores; ``hybrid``: the two fused, by reciprocal rank
    fusion (``fusion="rrf"``) or a weighted sum of min-max scaled scores
    (``fusion="convex"``).
    """

    def __init__(self, index: Index, embedder: Embedder, mode: str = "hybrid", rrf_k: int = 60,
                 dense_weight: float = 1.0, bm25_weight: float = 1.0, candidates: int = 50,
                 fusion: str = "rrf"):
        if fusion not in FUSIONS:
            raise ValueError(f"fusion must be one of {FUSIONS}")
        self.fusion = fusion
        self.index = index
        self.embedder = embedder
        self.mode = mode
        self.rrf_k = rrf_k
        self.weights = (dense_weight, bm25_weight)
        self.candidates = candidates

    def allowed(self, filters: Filters | None) -> np.ndarray | None:
        """Positions of the chunks ``filters`` lets through (None: all of them)."""
        if not filters:
            return None
        ok = {source for source, meta in self.index.articles.items() if filters.accepts(meta)}
        return np.fromiter((i for i, c in enumerate(self.index.chunks) if c.source in ok), dtype=np.int64)

    def dense_ranking(self, query_vector: np.ndarray, depth: int,
                      allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        depth = min(depth, len(self.index) if allowed is None else len(allowed))
        if depth == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        query = query_vector.reshape(1, -1).astype(np.float32)
        if allowed is None:
            scores, ids = self.index.faiss.search(query, depth)
        else:
            import faiss

            # the filter runs inside the search, so it never returns fewer than exist
            selector = faiss.IDSelectorBatch(allowed)
            if hasattr(self.index.faiss, "nprobe"):
                params = faiss.SearchParametersIVF(sel=selector, nprobe=self.index.faiss.nprobe)
            else:
                params = faiss.SearchParameters(sel=selector)
            scores, ids = self.index.faiss.search(query, depth, params=params)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def bm25_ranking(self, question: str, depth: int,
                     allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        return self.index.bm25.search(question, depth, allowed)

    def retrieve(self, question: str, k: int = 5, mode: str | None = None,
                 query_vector: np.ndarray | None = None, filters: Filters | None = None) -> list[Passage]:
        mode = mode or self.mode
        depth = max(self.candidates, k)
        allowed = self.allowed(filters)
        if allowed is not None and len(allowed) == 0:
            from .errors import RagError

            raise RagError(f"no article matches the filters ({filters.describe()})")
        if mode == "bm25":
            ids, scores = self.bm25_ranking(question, depth, allowed)
            ranked, rankings = list(zip(ids, scores)), {"bm25": ids}
        else:
            if mode not in ("dense", "hybrid"):
                raise ValueError(f"unknown retrieval mode {mode!r}")
            if query_vector is None:
                query_vector = self.embedder.encode([question])[0]
            dense_ids, dense_scores = self.dense_ranking(query_vector, depth, allowed)
            ranked, rankings = list(zip(dense_ids, dense_scores)), {"dense": dense_ids}
            if mode == "hybrid":
                bm25_ids, bm25_scores = self.bm25_ranking(question, depth, allowed)
                rankings["bm25"] = bm25_ids
                if self.fusion == "convex":
                    ranked = convex_fusion([(dense_ids, dense_scores), (bm25_ids, bm25_scores)], self.weights)
                else:
                    ranked = reciprocal_rank_fusion([dense_ids, bm25_ids], self.weights, self.rrf_k)
        if is_recency_question(question):
            ranked = self.newest_article_first_in_k(ranked, k)
        return self._passages(ranked[:k], rankings)

    def newest_article_first_in_k(self, ranked: list[tuple[int, float]], k: int) -> list[tuple[int, float]]:
        """For "latest state" questions: when none of the top ``k`` comes from the newest article
        among the candidates, that article's best candidate takes the last of the ``k`` places, so
        the answer can weigh the newest report (its sentence still has to be close to the best
        one to lead). With ``k`` < 2 the ranking stays as it is."""
        if k < 2 or len(ranked) <= k:
            return ranked
        date = {int(i): self.index.articles[self.index.chunks[int(i)].source].date or "" for i, _ in ranked}
        newest = max(date.values())
        if not newest or any(date[int(i)] == newest for i, _ in ranked[:k]):
            return ranked
        at = next(n for n, (i, _) in enumerate(ranked) if date[int(i)] == newest)
        return [*ranked[:k - 1], ranked[at], *ranked[k - 1:at], *ranked[at + 1:]]

    def _passages(self, scored, rankings: dict) -> list[Passage]:
        positions = {name: {int(d): r for r, d in enumerate(ids, start=1)} for name, ids in rankings.items()}
        passages = []
        for doc, score in scored:
            chunk = self.index.chunks[int(doc)]
            ranks = {name: pos[int(doc)] for name, pos in positions.items() if int(doc) in pos}
            passages.append(Passage(chunk, self.index.articles[chunk.source], float(score), ranks))
        return passages
