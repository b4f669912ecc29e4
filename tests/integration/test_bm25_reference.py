import json

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from rag.bm25 import BM25Index, tokenize
from rag.corpus import load_corpus
from tests.conftest import CORPUS

SCIFACT = CORPUS.parent.parent / "shared" / "datasets" / "scifact" / "corpus.jsonl"


def test_tokenizer_lowercases_stems_and_drops_stop_words():
    assert tokenize("The Tariffs were RAISED to 26 per cent, and $45.7 billion; 15,564 people.") == [
        "tariff", "were", "rais", "26", "per", "cent", "45.7", "billion", "15564", "peopl"]


def test_tokenizer_joins_irregular_past_forms_to_their_verb():
    # no suffix-stripping stemmer joins "spoke" to "speaking"; a question in the past finds a sentence in -ing
    assert tokenize("Lutnick spoke; Goyal met Lutnick and held talks; exports rose") == tokenize(
        "Lutnick speaking; Goyal meets Lutnick and holds talks; exports rise")
    assert tokenize("said sought bought sold") == ["say", "seek", "buy", "sell"]
    assert tokenize("founded") == ["found"]  # only the irregular form itself: "founded" is no "find"


def _documents():
    docs = [tokenize(c) for a in load_corpus(CORPUS) for c in a.text.split("\n") if c.strip()]
    if SCIFACT.exists():
        with open(SCIFACT) as fh:
            docs += [tokenize(json.loads(line)["text"]) for _, line in zip(range(1500), fh)]
    return docs


@pytest.mark.parametrize("query", [
    "US goods trade deficit with India", "tariff tariff pause July", "dairy agriculture farmers",
    "cancer cells protein expression in mice", "zzz-unknown-word", "India",
])
def test_scores_equal_rank_bm25(query):
    docs = _documents()
    ours = BM25Index(docs, k1=1.2, b=0.75)
    reference = BM25Okapi(docs, k1=1.2, b=0.75)
    np.testing.assert_allclose(ours.scores(query), reference.get_scores(tokenize(query)), rtol=1e-5, atol=1e-5)


def test_search_ranks_best_first_and_respects_allowed():
    index = BM25Index([tokenize(t) for t in ["steel tariffs rise", "dairy talks stall", "steel and dairy",
                                             "cricket", "rain in Mumbai", "a new bill"]])
    ids, scores = index.search("steel", 10)
    assert set(ids.tolist()) == {0, 2} and list(scores) == sorted(scores, reverse=True)
    ids, _ = index.search("steel", 10, allowed=np.array([1, 2]))
    assert ids.tolist() == [2]
    assert index.search("nothing matches", 5)[0].size == 0
    assert len(BM25Index([]).search("x", 3)[0]) == 0
