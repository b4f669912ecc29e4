"""BM25 keyword search with a real tokenizer; scores equal to rank-bm25's BM25Okapi."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

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


# The irregular past forms of English verbs, which no suffix-stripping stemmer joins to their base ("spoke"
# stays "spoke", "speaking" becomes "speak"): a closed list, so written out rather than loading a lemmatizer
_IRREGULAR = {form: base for base, forms in (
    ("speak", "spoke spoken"), ("meet", "met"), ("hold", "held"), ("tell", "told"), ("seek", "sought"),
    ("buy", "bought"), ("sell", "sold"), ("bring", "brought"), ("think", "thought"), ("fight", "fought"),
    ("rise", "rose risen"), ("fall", "fell fallen"), ("grow", "grew grown"), ("begin", "began begun"),
    ("take", "took taken"), ("give", "gave given"), ("come", "came"), ("go", "went gone"), ("see", "saw seen"),
    ("write", "wrote written"), ("pay", "paid"), ("lose", "lost"), ("keep", "kept"), ("send", "sent"),
    ("spend", "spent"), ("strike", "struck stricken"), ("make", "made"), ("lead", "led"), ("mean", "meant"),
    ("build", "built"), ("choose", "chose chosen"), ("drive", "drove driven"), ("know", "knew known"),
    ("break", "broke broken"), ("stand", "stood"), ("understand", "understood"), ("win", "won"),
    ("become", "became"), ("run", "ran"), ("draw", "drew drawn"), ("throw", "threw thrown"),
    ("freeze", "froze frozen"), ("withdraw", "withdrew withdrawn"), ("shrink", "shrank shrunk"),
    ("deal", "dealt"), ("feel", "felt"), ("hear", "heard"), ("lay", "laid"), ("say", "said"), ("get", "got gotten"),
    ("find", "found"), ("leave", "left"), ("undertake", "undertook undertaken"), ("overtake", "overtook overtaken"),
    ("forgo", "forwent forgone"), ("sink", "sank sunk"), ("swear", "swore sworn"), ("tear", "tore torn"),
    ("wear", "wore worn"), ("bear", "bore borne"), ("eat", "ate eaten"), ("fly", "flew flown"),
    ("forget", "forgot forgotten"), ("hide", "hid hidden"), ("ride", "rode ridden"), ("shake", "shook shaken"),
    ("steal", "stole stolen"), ("teach", "taught"), ("catch", "caught"), ("sleep", "slept"), ("sweep", "swept"),
    ("lend", "lent"), ("bend", "bent"), ("bind", "bound"), ("dig", "dug"), ("hang", "hung"), ("feed", "fed"),
    ("flee", "fled"), ("slide", "slid"), ("spin", "spun"), ("stick", "stuck"), ("sting", "stung"),
    ("swing", "swung"), ("wind", "wound"), ("weave", "wove woven"), ("awake", "awoke awoken"),
    ("arise", "arose arisen"), ("foresee", "foresaw foreseen"), ("mislead", "misled"), ("outrun", "outran"),
    ("rebuild", "rebuilt"), ("uphold", "upheld"), ("withhold", "withheld"), ("oversee", "oversaw overseen"),
) for form in forms.split()}


# Which tokenizer made an index's keyword tokens: an index made by another is rebuilt (2: irregular past forms)
TOKENIZER_VERSION = 2


def tokenize(text: str, stopwords: frozenset[str] = STOPWORDS) -> list[str]:
    """Lowercase, split on punctuation, drop stop words, join irregular past forms to their verb,
    stem (Snowball English)."""
    words = [_IRREGULAR.get(w, w) for w in _TOKEN.findall(text.lower()) if w not in stopwords]
    words = [w.replace(",", "") if w[0].isdigit() else w for w in words]
    return _stemmer().stemWords(words)


class BM25Index:
    """Okapi BM25 over pre-tokenized documents, scored from a sparse matrix.

    Scores are exactly rank-bm25's ``BM25Okapi`` (its IDF, with negative IDFs
    raised to ``epsilon`` times the mean IDF); tests hold them to it. rank-bm25
    scores every document for every query in Python, about 200 ms at 100k
    documents; here each document's weight per term is computed once, so a query
    only sums the columns of its terms. bm25s is as fast but scores differently.
    ``search`` returns numpy arrays of document positions and scores, best first.
    """

    def __init__(self, corpus_tokens: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75,
                 epsilon: float = 0.25):
        from scipy.sparse import csc_matrix

        self.corpus_tokens = [list(doc) for doc in corpus_tokens]
        self.k1, self.b, self.epsilon = k1, b, epsilon
        n = len(self.corpus_tokens)
        self.vocabulary: dict[str, int] = {}
        rows, cols, tfs = [], [], []
        for row, doc in enumerate(self.corpus_tokens):
            for token, tf in Counter(doc).items():
                rows.append(row)
                cols.append(self.vocabulary.setdefault(token, len(self.vocabulary)))
                tfs.append(tf)
        rows_a = np.asarray(rows, dtype=np.int64)
        cols_a = np.asarray(cols, dtype=np.int64)
        tf_a = np.asarray(tfs, dtype=np.float64)
        doc_len = np.asarray([len(doc) for doc in self.corpus_tokens], dtype=np.float64)
        self.doc_freq_array = np.bincount(cols_a, minlength=len(self.vocabulary)).astype(np.float64)
        self.doc_freq = {t: int(self.doc_freq_array[i]) for t, i in self.vocabulary.items()}
        idf = np.log(n - self.doc_freq_array + 0.5) - np.log(self.doc_freq_array + 0.5) if n else np.zeros(0)
        if len(idf):
            idf[idf < 0] = epsilon * idf.mean()
        self.idf_array = idf
        avgdl = doc_len.mean() if n and doc_len.sum() else 1.0
        weights = idf[cols_a] * tf_a * (k1 + 1) / (tf_a + k1 * (1 - b + b * doc_len[rows_a] / avgdl)) \
            if len(rows_a) else np.zeros(0)
        self._matrix = csc_matrix((weights.astype(np.float32), (rows_a, cols_a)),
                                  shape=(n, len(self.vocabulary)))

    def __len__(self) -> int:
        return len(self.corpus_tokens)

    def document_weights(self):
        """Each document's BM25 weight per term (scipy CSR, documents x vocabulary columns): what a
        sparse-vector engine stores so that a dot product with the query's term counts gives these
        very scores."""
        return self._matrix.tocsr()

    def term_weights(self):
        """As :meth:`document_weights` without the IDF: the term-frequency part alone (k1, b, length),
        for an engine that applies its own IDF."""
        from scipy.sparse import diags

        idf = np.where(self.idf_array == 0, 1.0, self.idf_array)
        return (self._matrix @ diags(1.0 / idf)).tocsr()

    def query_counts(self, query: str) -> dict[int, int]:
        """The query's terms as {vocabulary column: count}; terms no document has are left out."""
        counts = Counter(tokenize(query))
        return {self.vocabulary[t]: n for t, n in counts.items() if t in self.vocabulary}

    def scores(self, query: str) -> np.ndarray:
        scores = np.zeros(len(self), dtype=np.float32)
        m = self._matrix
        for token, count in Counter(tokenize(query)).items():
            col = self.vocabulary.get(token)
            if col is None:
                continue
            start, end = m.indptr[col], m.indptr[col + 1]
            scores[m.indices[start:end]] += count * m.data[start:end]
        return scores

    def search(self, query: str, top_n: int = 10, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Best ``top_n`` documents with a positive score, among ``allowed`` positions if given."""
        scores = self.scores(query)
        if allowed is not None:
            mask = np.zeros(len(scores), dtype=bool)
            mask[allowed] = True
            scores = np.where(mask, scores, 0.0)
        matched = np.flatnonzero(scores > 0)
        if len(matched) > top_n:
            matched = matched[np.argpartition(-scores[matched], top_n - 1)[:top_n]]
        order = matched[np.argsort(-scores[matched], kind="stable")][:top_n]
        return order, scores[order]

    def idf(self, token: str) -> float:
        """Smoothed inverse document frequency; a token never seen gets the highest."""
        n = len(self)
        df = self.doc_freq.get(token, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))
