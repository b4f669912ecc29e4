"""Fusing rankings: reciprocal rank fusion, convex (weighted min-max) fusion, and a fused
ranking mixed with each candidate's best sentence.

Pure functions over rankings of any hashable document ids; the retriever and
the BEIR benchmark both use them.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np


def _weights(weights: Sequence[float] | None, n: int) -> list[float]:
    weights = list(weights) if weights is not None else [1.0] * n
    if len(weights) != n:
        raise ValueError("one weight per ranking")
    return weights


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[Hashable]], weights: Sequence[float] | None = None, k: int = 60,
) -> list[tuple[Hashable, float]]:
    """score(d) = sum_i w_i / (k + rank_i(d)); ``(id, score)`` pairs, best first; ties keep first-seen order."""
    scores: dict = {}
    for ranking, weight in zip(rankings, _weights(weights, len(rankings))):
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])


def convex_fusion(
    rankings: Sequence[tuple[Sequence[Hashable], Sequence[float]]], weights: Sequence[float] | None = None,
) -> list[tuple[Hashable, float]]:
    """score(d) = sum_i w_i * minmax_i(score_i(d)), with the weights scaled to sum to 1.

    Each ranking's scores are scaled to [0, 1] over its own candidates; a document
    missing from a ranking gets 0 there. Unlike rank fusion it keeps how far apart
    the scores are, which helped on BEIR SciFact (see the README).
    """
    weights = _weights(weights, len(rankings))
    total = sum(weights) or 1.0
    scores: dict = {}
    for (docs, values), weight in zip(rankings, weights):
        if len(values) == 0:
            continue
        for doc, value in zip(docs, _scaled(values)):
            scores[doc] = scores.get(doc, 0.0) + weight / total * float(value)
    return sorted(scores.items(), key=lambda item: -item[1])


def with_best_sentence(fused: Sequence[tuple[Hashable, float]], best: Sequence[float],
                       weight: float) -> list[tuple[Hashable, float]]:
    """A fused ranking mixed with the similarity of each candidate's best sentence to the question:
    ``(1 - weight) * minmax(fused) + weight * minmax(best)``, best first.

    A chunk's vector averages its sentences, so a chunk whose one sentence answers a reworded
    question ranks below chunks that only share its topic; its best sentence lets that count.
    """
    if not fused:
        return []
    mixed = (1 - weight) * _scaled([score for _, score in fused]) + weight * _scaled(best)
    return sorted(((doc, float(m)) for (doc, _), m in zip(fused, mixed)), key=lambda item: -item[1])


def _scaled(values) -> np.ndarray:
    """``values`` min-max scaled to [0, 1] (all ones when they are equal)."""
    values = np.asarray(values, dtype=np.float64)
    span = values.max() - values.min()
    return (values - values.min()) / span if span > 0 else np.ones_like(values)
