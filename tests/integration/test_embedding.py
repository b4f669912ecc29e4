import numpy as np
import pytest

from rag.embedding import Embedder, export_onnx, resolve_model, weights_sha256
from rag.errors import RagError

TEXTS = ["How big was the US goods trade deficit with India in 2024?",
         "US goods trade deficit with India was $45.7 billion in 2024, a 5.4 per cent increase.",
         "Agriculture and dairy remain the sticking points. " * 40]


def test_default_model_is_the_bundled_copy_with_the_official_weights():
    path = resolve_model("all-MiniLM-L6-v2")
    assert weights_sha256(path) == "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def test_embeddings_are_normalized(embedder):
    vectors = embedder.encode(TEXTS)
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_onnx_export_matches_sentence_transformers(embedder, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert export_onnx(embedder) is not None
    onnx = Embedder(backend="onnx")
    torch_vectors = Embedder(backend="torch").encode(TEXTS)
    onnx_vectors = onnx.encode(TEXTS)
    assert not onnx.model_loaded  # no torch model was loaded
    cosines = np.sum(torch_vectors * onnx_vectors, axis=1)
    assert cosines.min() >= 1 - 1e-3
    assert onnx.count_tokens(TEXTS[2]) == embedder.count_tokens(TEXTS[2]) > 256


def test_a_question_is_encoded_by_onnx_after_torch_has_indexed(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    indexer = Embedder()
    assert export_onnx(indexer) is not None
    bulk = [f"Sentence {i} of an article about the duty on item {i}." for i in range(65)]
    indexer.encode(bulk)  # more than a small batch: sentence-transformers, so torch is loaded
    assert indexer.model_loaded
    # the question then gets the very vector a process that never loaded torch gives it
    np.testing.assert_array_equal(indexer.encode(TEXTS[:1]), Embedder(backend="onnx").encode(TEXTS[:1]))
    assert not np.array_equal(Embedder(backend="torch").encode(TEXTS[:1]), indexer.encode(TEXTS[:1]))


def test_missing_onnx_export_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with pytest.raises(RagError, match="no ONNX export"):
        Embedder(backend="onnx").encode(["x"])


def test_several_workers_embed_what_one_does(embedder):
    texts = [f"India and the US discussed the duty on item {i} in round {i % 7}." for i in range(Embedder.POOL_FROM)]
    pooled = Embedder(workers=2)
    try:
        np.testing.assert_allclose(pooled.encode(texts), embedder.encode(texts), atol=1e-5)
        assert pooled.pool_started  # the two processes did the work
    finally:
        pooled.close_pool()
