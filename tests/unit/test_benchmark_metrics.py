import math

import pytest

from rag import benchmark
from rag.fusion import convex_fusion


def test_metrics_match_hand_computed_values():
    qrels = {"q1": {"d1": 1, "d2": 1}, "q2": {"d3": 1}}
    run = {"q1": {"d1": 3.0, "d9": 2.0, "d2": 1.0}, "q2": {"d8": 2.0, "d3": 1.0}}
    m = benchmark.evaluate_run(qrels, run)
    dcg = 1 + 1 / math.log2(4)
    idcg = 1 + 1 / math.log2(3)
    assert m["ndcg@10"] == pytest.approx(((dcg / idcg) + (1 / math.log2(3))) / 2, abs=1e-4)
    assert m["recall@100"] == 1.0
    assert m["mrr@10"] == pytest.approx((1 + 0.5) / 2)


def test_a_query_the_run_misses_counts_as_zero():
    m = benchmark.evaluate_run({"q1": {"d1": 1}, "q2": {"d2": 1}}, {"q1": {"d1": 1.0}})
    assert m["ndcg@10"] == 0.5 and m["mrr@10"] == 0.5


def test_convex_fusion_scales_and_weights():
    fused = dict(convex_fusion([([1, 2], [10.0, 0.0]), ([2, 3], [4.0, 2.0])], weights=[0.4, 0.6]))
    assert fused[1] == pytest.approx(0.4)
    assert fused[2] == pytest.approx(0.6)
    assert fused[3] == pytest.approx(0.0)


