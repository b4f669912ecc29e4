import pytest

from rag.retrieval import reciprocal_rank_fusion

DEFICIT = "How big was the US goods trade deficit with India in 2024?"


def test_rrf_adds_weighted_reciprocal_ranks():
    fused = reciprocal_rank_fusion([[1, 2, 3], [3, 1]], k=60)
    scores = dict(fused)
    assert scores[1] == pytest.approx(1 / 61 + 1 / 62)
    assert scores[3] == pytest.approx(1 / 63 + 1 / 61)
    assert scores[2] == pytest.approx(1 / 62)
    assert [doc for doc, _ in fused] == [1, 3, 2]


def test_rrf_weights_tip_the_balance():
    assert reciprocal_rank_fusion([[1, 2], [2, 1]], weights=[2.0, 1.0])[0][0] == 1
    assert reciprocal_rank_fusion([[1, 2], [2, 1]], weights=[1.0, 2.0])[0][0] == 2
    with pytest.raises(ValueError):
        reciprocal_rank_fusion([[1]], weights=[1.0, 1.0])


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_every_mode_finds_the_deficit_passage(pipeline, mode):
    passages = pipeline.retrieve(DEFICIT, k=3, mode=mode)
    assert len(passages) == 3
    assert any("$45.7 billion" in p.text for p in passages[:2])
    assert all(p.article.title for p in passages)
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)


def test_hybrid_records_the_rank_in_each_ranking(pipeline):
    top = pipeline.retrieve(DEFICIT, k=1, mode="hybrid")[0]
    assert set(top.ranks) == {"dense", "bm25"}
    assert top.score == pytest.approx(sum(1 / (60 + r) for r in top.ranks.values()))


def test_k_larger_than_the_index_returns_everything(pipeline):
    assert len(pipeline.retrieve(DEFICIT, k=500, mode="dense")) == len(pipeline.index)
