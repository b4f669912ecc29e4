"""Reciprocal rank and convex fusion, on hand-made rankings."""

import pytest

from rag.fusion import convex_fusion, reciprocal_rank_fusion, with_best_sentence


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


def test_rrf_works_on_chunk_ids_and_keeps_first_seen_order_on_ties():
    fused = reciprocal_rank_fusion([["a", "b"], ["b", "a"]])
    assert [doc for doc, _ in fused] == ["a", "b"] and fused[0][1] == pytest.approx(fused[1][1])


@pytest.mark.parametrize("rankings,weights,expected", [
    ([(["a", "b"], [10.0, 0.0]), (["b", "c"], [4.0, 2.0])], [0.4, 0.6], {"a": 0.4, "b": 0.6, "c": 0.0}),
    ([(["a", "b"], [1.0, 1.0])], None, {"a": 1.0, "b": 1.0}),  # equal scores all scale to 1
    ([(["a"], [3.0]), ([], [])], [1.0, 1.0], {"a": 0.5}),  # an empty ranking adds nothing
])
def test_convex_fusion_scales_and_weights(rankings, weights, expected):
    assert dict(convex_fusion(rankings, weights)) == pytest.approx(expected)


def test_the_best_sentence_lifts_a_candidate_by_its_weight():
    fused = [("topic", 0.9), ("answer", 0.7), ("other", 0.1)]
    best = [0.40, 0.80, 0.30]  # "answer" holds the sentence nearest the question
    assert [d for d, _ in with_best_sentence(fused, best, 0.0)] == ["topic", "answer", "other"]
    mixed = dict(with_best_sentence(fused, best, 0.4))
    assert mixed["answer"] == pytest.approx(0.6 * 0.75 + 0.4 * 1.0)
    assert mixed["topic"] == pytest.approx(0.6 * 1.0 + 0.4 * 0.2)
    assert max(mixed, key=mixed.get) == "answer"
    assert with_best_sentence([], [], 0.4) == []
