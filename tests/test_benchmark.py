import json
import math
import subprocess
import sys

import pytest

from rag import benchmark
from rag.retrieval import convex_fusion
from tests.conftest import ROOT


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


@pytest.fixture
def tiny_beir(tmp_path):
    root = tmp_path / "tiny"
    (root / "qrels").mkdir(parents=True)
    docs = [("d1", "Tariffs on steel", "The US raised tariffs on Indian steel imports."),
            ("d2", "Dairy talks", "India will not open its dairy sector to American farms."),
            ("d3", "Cricket", "The match was washed out by rain in Mumbai.")]
    (root / "corpus.jsonl").write_text("\n".join(json.dumps({"_id": i, "title": t, "text": x}) for i, t, x in docs))
    (root / "queries.jsonl").write_text("\n".join(json.dumps(q) for q in [
        {"_id": "1", "text": "steel tariffs"}, {"_id": "2", "text": "milk market access"}]))
    (root / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\n1\td1\t1\n2\td2\t1\n")
    return root


def test_rag_bench_beir_on_a_tiny_dataset(tiny_beir, tmp_path):
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):  # the second run reads the cached embeddings
        proc = subprocess.run([sys.executable, "-m", "rag", "bench", "beir", str(tiny_beir), "--json"],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
        assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result["metrics"]) == {"bm25", "dense", "hybrid"}
    assert result["metrics"]["hybrid"]["ndcg@10"] == 1.0
    assert list((tmp_path / "cache" / "rag-news" / "embeddings").glob("*.npy"))


def test_not_a_beir_directory(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "rag", "bench", "beir", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1 and "not a BEIR dataset" in proc.stderr and "Traceback" not in proc.stderr
