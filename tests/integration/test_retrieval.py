import pytest

from rag.question import analyse
from rag.retrieval import Retriever

DEFICIT = "How big was the US goods trade deficit with India in 2024?"


def assert_ordered(pipeline, question, passages):
    """Passages that can answer come first (see the next tests), each group best score first."""
    admits = [pipeline.retriever.admissible.admits(analyse(question), p) for p in passages]
    assert admits == sorted(admits, reverse=True)
    for group in (True, False):
        scores = [p.score for p, a in zip(passages, admits) if a is group]
        assert scores == sorted(scores, reverse=True)


# dense alone ranks chunks by the mean of their sentences' vectors (chunk_vectors = "sentences"), which
# puts the passage third; hybrid, with the best sentence mixed in, puts it first (next tests)
@pytest.mark.parametrize("mode,within", [("hybrid", 2), ("dense", 3), ("bm25", 2)])
def test_every_mode_finds_the_deficit_passage(pipeline, mode, within):
    passages = pipeline.retrieve(DEFICIT, k=3, mode=mode)
    assert len(passages) == 3
    assert any("$45.7 billion" in p.text for p in passages[:within])
    assert all(p.article.title for p in passages)
    assert_ordered(pipeline, DEFICIT, passages)


def test_hybrid_records_the_rank_in_each_ranking(pipeline):
    rrf = Retriever.from_config(pipeline.config.replace(fusion="rrf", dense_weight=1.0, bm25_weight=1.0,
                                                        sentence_weight=0.0), pipeline.store, pipeline.embedder)
    top = rrf.retrieve(DEFICIT, k=1, mode="hybrid")[0]
    assert set(top.ranks) == {"dense", "bm25"}
    assert top.score == pytest.approx(sum(1 / (60 + r) for r in top.ranks.values()))


def test_the_default_fusion_is_convex_and_scores_in_zero_to_one(pipeline):
    assert (pipeline.config.fusion, pipeline.config.dense_weight, pipeline.config.bm25_weight) == ("convex", 0.4, 0.6)
    # the fusion alone: no best sentence mixed in, no answerable passages put first
    convex = Retriever.from_config(pipeline.config.replace(sentence_weight=0.0, constraints=False), pipeline.store,
                                   pipeline.embedder)
    passages = convex.retrieve(DEFICIT, k=6, mode="hybrid")
    assert passages[0].ranks == {"bm25": 1, "dense": 1} and passages[0].score == pytest.approx(1.0)
    assert all(0.0 <= p.score <= 1.0 for p in passages)


def test_the_best_sentence_lifts_the_passage_that_answers(pipeline):
    """The chunk ranked first by both rankings only shares the question's topic; the one holding
    the deficit's sentence is second in BM25 and fifth by chunk vector, and its sentence lifts it."""
    assert pipeline.config.sentence_weight == 0.5
    fused = Retriever.from_config(pipeline.config.replace(sentence_weight=0.0, constraints=False), pipeline.store,
                                  pipeline.embedder).retrieve(DEFICIT, k=6, mode="hybrid")
    mixed = Retriever.from_config(pipeline.config.replace(constraints=False), pipeline.store,
                                  pipeline.embedder).retrieve(DEFICIT, k=6, mode="hybrid")
    assert "$45.7 billion" not in fused[0].text and "$45.7 billion" in mixed[0].text
    assert "$45.7 billion" in pipeline.retrieve(DEFICIT, k=6, mode="hybrid")[0].text
    assert set(mixed[0].ranks) == {"bm25", "dense"}  # the ranks in each ranking are still recorded
    assert all(0.0 <= p.score <= 1.0 for p in mixed)
    assert [p.score for p in mixed] == sorted((p.score for p in mixed), reverse=True)


@pytest.mark.parametrize("mode", ["hybrid", "bm25", "dense"])
def test_passages_that_can_answer_lead(pipeline, mode):
    """The passage with the most words of "How much did US goods exports to India grow in 2024?" is
    about the terms of reference, and no sentence of it speaks of 2024: the passage whose sentence
    gives the rise leads, and the k passages are the same ones."""
    question = "How much did US goods exports to India grow in 2024?"
    plain = Retriever.from_config(pipeline.config.replace(constraints=False), pipeline.store, pipeline.embedder)
    assert plain.admissible is None
    before, after = plain.retrieve(question, k=6, mode=mode), pipeline.retrieve(question, k=6, mode=mode)
    assert sorted(p.chunk_id for p in before) == sorted(p.chunk_id for p in after)
    assert_ordered(pipeline, question, after)
    assert "up 3.4 per cent" in after[0].text
    if mode == "hybrid":
        assert "up 3.4 per cent" not in before[0].text


def test_k_larger_than_the_index_returns_everything(pipeline):
    assert len(pipeline.retrieve(DEFICIT, k=500, mode="dense")) == len(pipeline.store)
