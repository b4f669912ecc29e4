"""Sentence vectors pooled from the chunk's own forward pass: no second model call per sentence.

The model's vector for a chunk is the normalized mean of its token vectors. The
same token vectors, averaged over the tokens of one sentence, give that sentence a
vector that also carries its context. They cost no extra model call, so indexing
keeps its speed and answering needs no model call after the question is encoded
(BENCHMARKS.md compares them with encoding each sentence on its own).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def _normalized(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.clip(np.linalg.norm(vectors, axis=-1, keepdims=True), 1e-12, None)


def pool(tokens: np.ndarray, offsets: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]],
         whole: np.ndarray) -> np.ndarray:
    """One normalized vector per character span, the mean of the token vectors inside it;
    a span with no token of its own (cut off by the model's limit) gets the whole text's vector."""
    starts = np.array([s for s, _ in offsets[: len(tokens)]])
    ends = np.array([e for _, e in offsets[: len(tokens)]])
    real = ends > starts  # special tokens have empty offsets
    out = np.empty((len(spans), tokens.shape[1]), dtype=np.float32)
    for i, (s, e) in enumerate(spans):
        inside = real & (starts < e) & (ends > s)
        out[i] = tokens[inside].mean(axis=0) if inside.any() else whole
    return _normalized(out).astype(np.float32)


def encode_with_sentences(embedder, texts: Sequence[str],
                          spans: Sequence[Sequence[tuple[int, int]]]) -> tuple[np.ndarray, list[np.ndarray]]:
    """Chunk vectors (as ``embedder.encode`` gives them) and, per chunk, its sentences' pooled vectors."""
    tokens = embedder.token_vectors(list(texts))
    whole = _normalized(np.vstack([t.mean(axis=0) for t in tokens])).astype(np.float32)
    sentences = [pool(t, embedder.token_offsets(text), s, w) for t, text, s, w in zip(tokens, texts, spans, whole)]
    return np.ascontiguousarray(whole), sentences
