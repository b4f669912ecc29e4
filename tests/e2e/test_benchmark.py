import json
import subprocess
import sys

import pytest

from rag.config import Config
from tests.conftest import ROOT


@pytest.fixture
def tiny_beir(tmp_path):
    root = tmp_path / "tiny"
    (root / "qrels").mkdir(parents=True)
    docs = [("d1", "Tariffs on steel", "The US raised tariffs on Indian steel imports. Exporters complained."),
            ("d2", "Dairy talks", "India will not open its dairy sector to American farms. Farmers agreed."),
            ("d3", "Cricket", "The match was washed out by rain in Mumbai. Fans went home.")]
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
    assert result["weights"]["best sentence"] == Config().sentence_weight > 0  # documents' sentences embedded too
    assert result["chunk_vectors"] == "sentences"
    # the sentences' embeddings only: documents' vectors are made from them, no text is encoded twice
    assert len(list((tmp_path / "cache" / "rag-news" / "embeddings").glob("*.npy"))) == 1
    proc = subprocess.run([sys.executable, "-m", "rag", "bench", "beir", str(tiny_beir), "--json", "--tune"],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    tuned = json.loads(proc.stdout)["tuned"]
    assert tuned["fusion"] in ("rrf", "convex") and 0 <= tuned["sentence_weight"] <= 0.6
    assert set(tuned["ndcg@10 by weight"]) == {"0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6"}


def test_not_a_beir_directory(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "rag", "bench", "beir", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1 and "not a BEIR dataset" in proc.stderr and "Traceback" not in proc.stderr


def test_rag_bench_load_runs_clients_against_a_real_server(index_dir, pipeline):
    proc = subprocess.run([sys.executable, "-m", "rag", "bench", "load", "--clients", "2", "--questions", "2",
                           "--limit", "120", "--json", "--index", str(index_dir)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["answered"] == 4 and result["errors"] == 0 and result["p95_ms"] > 0
    bad = subprocess.run([sys.executable, "-m", "rag", "bench", "load", "--clients", "100000"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert bad.returncode == 1 and "--clients 1-200" in bad.stderr and "Traceback" not in bad.stderr
