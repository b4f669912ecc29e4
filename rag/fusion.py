"""Fusing rankings: reciprocal rank fusion and convex (weighted min-max) fusion.

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
        values = np.asarray(values, dtype=np.float64)
        if len(values) == 0:
            continue
        span = values.max() - values.min()
        scaled = (values - values.min()) / span if span > 0 else np.ones_like(values)
        for doc, value in zip(docs, scaled):
            scores[doc] = scores.get(doc, 0.0) + weight / total * float(value)
    return sorted(scores.items(), key=lambda item: -item[1])
