import pytest

from rag.retrieval import Retriever

DEFICIT = "How big was the US goods trade deficit with India in 2024?"


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_every_mode_finds_the_deficit_passage(pipeline, mode):
    passages = pipeline.retrieve(DEFICIT, k=3, mode=mode)
    assert len(passages) == 3
    assert any("$45.7 billion" in p.text for p in passages[:2])
    assert all(p.article.title for p in passages)
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)


def test_hybrid_records_the_rank_in_each_ranking(pipeline):
    rrf = Retriever.from_config(pipeline.config.replace(fusion="rrf", dense_weight=1.0, bm25_weight=1.0),
                                pipeline.store, pipeline.embedder)
    top = rrf.retrieve(DEFICIT, k=1, mode="hybrid")[0]
    assert set(top.ranks) == {"dense", "bm25"}
    assert top.score == pytest.approx(sum(1 / (60 + r) for r in top.ranks.values()))


def test_the_default_fusion_is_convex_and_scores_in_zero_to_one(pipeline):
    assert (pipeline.config.fusion, pipeline.config.dense_weight, pipeline.config.bm25_weight) == ("convex", 0.4, 0.6)
    passages = pipeline.retrieve(DEFICIT, k=6, mode="hybrid")
    assert passages[0].ranks == {"bm25": 1, "dense": 1} and passages[0].score == pytest.approx(1.0)
    assert all(0.0 <= p.score <= 1.0 for p in passages)


def test_k_larger_than_the_index_returns_everything(pipeline):
    assert len(pipeline.retrieve(DEFICIT, k=500, mode="dense")) == len(pipeline.store)
