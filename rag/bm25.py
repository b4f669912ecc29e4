"""BM25 keyword search (rank-bm25) with a real tokenizer."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

import numpy as np

# Lucene's default English stop words, the list BM25 baselines are reported with.
STOPWORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their "
    "then there these they this to was will with".split()
)
# Numbers keep their decimal point and thousands separators ("45.7", "15,564");
# words keep inner hyphens and apostrophes out ("india-us" -> "india", "us").
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\d+", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer: the Snowball stemmers, compiled

    return Stemmer.Stemmer("english")


def tokenize(text: str, stopwords: frozenset[str] = STOPWORDS) -> list[str]:
    """Lowercase, split on punctuation, drop stop words, stem (Snowball English)."""
    words = [w for w in _TOKEN.findall(text.lower()) if w not in stopwords]
    words = [w.replace(",", "") if w[0].isdigit() else w for w in words]
    return _stemmer().stemWords(words)


class BM25Index:
    """Okapi BM25 over pre-tokenized documents.

    ``search`` returns numpy arrays of document positions and scores, best first.
    """

    def __init__(self, corpus_tokens: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75):
        from rank_bm25 import BM25Okapi

        self.corpus_tokens = [list(doc) for doc in corpus_tokens]
        self.k1, self.b = k1, b
        # rank-bm25 divides by zero on an empty corpus or all-empty documents
        self._bm25 = BM25Okapi(self.corpus_tokens, k1=k1, b=b) if any(self.corpus_tokens) else None
        self.doc_freq = Counter(t for doc in self.corpus_tokens for t in set(doc))

    def __len__(self) -> int:
        return len(self.corpus_tokens)

    def scores(self, query: str) -> np.ndarray:
        tokens = tokenize(query)
        if self._bm25 is None or not tokens:
            return np.zeros(len(self), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)

    def search(self, query: str, top_n: int = 10, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Best ``top_n`` documents with a positive score, among ``allowed`` positions if given."""
        scores = self.scores(query)
        if allowed is not None:
            mask = np.zeros(len(scores), dtype=bool)
            mask[allowed] = True
            scores = np.where(mask, scores, 0.0)
        matched = np.flatnonzero(scores > 0)
        order = matched[np.argsort(-scores[matched], kind="stable")][:top_n]
        return order, scores[order]

    def idf(self, token: str) -> float:
        """Smoothed inverse document frequency; a token never seen gets the highest."""
        n = len(self)
        return math.log(1 + (n - self.doc_freq.get(token, 0) + 0.5) / (self.doc_freq.get(token, 0) + 0.5))
