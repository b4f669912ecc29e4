import json

import numpy as np
import pytest

from rag.config import Config
from rag.errors import RagError
from rag.indexing import build, open_store, stale_reasons
from rag.store.files import CURRENT, CorruptIndex, current_generation, file_record
from rag.store.local import LocalStore


def test_round_trip_gives_the_same_index_and_the_same_results(pipeline, config, embedder):
    built = pipeline.store
    loaded = LocalStore.load(config.index_dir)
    assert [c.id for c in loaded.chunks] == [c.id for c in built.chunks]
    assert loaded.chunks == built.chunks
    np.testing.assert_array_equal(loaded.embeddings, built.embeddings)
    query = embedder.encode(["US goods trade deficit with India"])
    assert loaded.dense_search(query[0], 5)[0] == built.dense_search(query[0], 5)[0]
    ids, scores = loaded.keyword_search("goods trade deficit", 5)
    ids2, scores2 = built.keyword_search("goods trade deficit", 5)
    assert ids == ids2 and np.allclose(scores, scores2)
    assert loaded.manifest["model"]["weights_sha256"] == (
        "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db")
    assert set(loaded.manifest["corpus"]) >= {"metadata.json", "2026-01-23-trade-deal-within-reach-agriculture.txt"}


def test_index_directory_holds_no_pickles(pipeline, config):
    gen = current_generation(config.index_dir)
    names = sorted(p.name for p in gen.iterdir())
    assert names == sorted(["manifest.json", "chunks.jsonl", "articles.json", "embeddings.npy", "dense.faiss",
                            "bm25.json", "sentences.npy"])
    for array in ("embeddings.npy", "sentences.npy"):
        np.load(gen / array, allow_pickle=False)  # raises if the array needed pickling


def test_sentence_vectors_are_each_sentence_encoded_on_its_own(pipeline, embedder):
    store = pipeline.store
    assert store.manifest["sentence_vectors"] is True
    for chunk in store.chunks[:3]:
        kept = store.sentence_vectors(chunk.id)
        alone = embedder.encode([chunk.sentence(i) for i in range(len(chunk.sentences))])
        assert kept.shape == alone.shape and float(np.min(np.sum(kept * alone, axis=1))) > 0.999


def test_chunk_vectors_are_the_mean_of_their_sentences_or_the_chunk_encoded(pipeline, config, embedder, tmp_path):
    store = pipeline.store
    assert store.manifest["chunk_vectors"] == "sentences"
    for chunk in store.chunks[:3]:
        mean = store.sentence_vectors(chunk.id).mean(axis=0)
        assert float(store.vectors([chunk.id])[0] @ (mean / np.linalg.norm(mean))) > 0.999
    whole = build(config.replace(index_dir=tmp_path, chunk_vectors="model"), embedder, save=False)
    assert whole.manifest["chunk_vectors"] == "model"
    chunk = whole.chunks[0]
    assert float(whole.vectors([chunk.id])[0] @ embedder.encode([chunk.text])[0]) > 0.999
    # the other way of making them makes the index stale, and its vectors are not reused
    assert "chunk vectors" in " ".join(stale_reasons(whole.manifest, config, embedder))


def test_rebuilding_an_unchanged_corpus_keeps_chunk_ids(pipeline, config, embedder, tmp_path):
    again = build(config.replace(index_dir=tmp_path), embedder, save=False)
    assert [c.id for c in again.chunks] == [c.id for c in pipeline.store.chunks]
    assert not list(tmp_path.iterdir())  # built in memory only


def test_changes_make_the_index_stale(pipeline, config, embedder, corpus_copy):
    manifest = pipeline.store.manifest
    assert stale_reasons(manifest, config, embedder) == []
    assert "chunking" in stale_reasons(manifest, config.replace(chunk_tokens=120), embedder)[0]
    (corpus_copy / "new.txt").write_text("A new article about trade.")
    assert stale_reasons(manifest, config.replace(corpus_dir=corpus_copy), embedder) == ["the corpus changed"]
    other_model = dict(manifest, model={**manifest["model"], "name": "some-other-model"})
    assert "built with model 'some-other-model'" in stale_reasons(other_model, config, embedder)[0]


@pytest.fixture
def small_index(tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("India and the US discussed tariffs on steel. Talks resume in May.")
    config = Config(corpus_dir=corpus, index_dir=tmp_path / "index")
    open_store(config, embedder, log=lambda m: None)
    return config


@pytest.mark.parametrize("damage", ["manifest", "embeddings", "current", "missing_file", "counts"])
def test_a_corrupt_index_is_rebuilt_or_reported(small_index, embedder, damage):
    config = small_index
    gen = current_generation(config.index_dir)
    if damage == "manifest":
        (gen / "manifest.json").write_text("{truncated")
    elif damage == "embeddings":
        (gen / "embeddings.npy").write_bytes(b"\x93NUMPY garbage")
    elif damage == "current":
        (config.index_dir / CURRENT).write_text("../../etc")
    elif damage == "missing_file":
        (gen / "bm25.json").unlink()
    elif damage == "counts":
        chunks = (gen / "chunks.jsonl").read_text()
        (gen / "chunks.jsonl").write_text(chunks + chunks)
    with pytest.raises(RagError, match="corrupt|unreadable"):
        open_store(config, embedder, build_mode="never")
    messages = []
    store = open_store(config, embedder, log=messages.append)
    assert len(store) == 1 and "corrupt" in messages[0]
    assert LocalStore.load(config.index_dir) is not None


def test_a_failed_build_leaves_the_previous_index_live(small_index, embedder, monkeypatch):
    config = small_index
    before = current_generation(config.index_dir)
    store = LocalStore.load(config.index_dir)
    import faiss

    def explode(*args):
        raise OSError("disk full")

    monkeypatch.setattr(faiss, "write_index", explode)
    with pytest.raises(OSError):
        store.save(config.index_dir)
    assert current_generation(config.index_dir) == before
    assert [p.name for p in config.index_dir.iterdir() if p.name.startswith(".tmp")] == []
    assert LocalStore.load(config.index_dir) is not None


def test_an_index_built_with_another_model_is_reported(small_index, embedder):
    gen = current_generation(small_index.index_dir)
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["model"]["name"] = "paraphrase-multilingual-MiniLM-L12-v2"
    (gen / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(RagError, match="built with model 'paraphrase-multilingual-MiniLM-L12-v2'"):
        open_store(small_index, embedder, build_mode="never")


def test_an_index_made_by_another_tokenizer_is_stale_and_its_keyword_tokens_are_made_again(
        pipeline, config, embedder, tmp_path):
    from rag.bm25 import BM25Index, tokenize

    store = pipeline.store
    before = {k: v for k, v in store.manifest.items() if k != "tokenizer"}  # indexes from before the version
    assert stale_reasons(before, config, embedder) == ["the keyword tokenizer changed"]
    old = LocalStore(before, store.chunks, store.articles, store.embeddings,
                     BM25Index([["spoke"] for _ in store.chunks]), store.dense, sentences=store.sentences)
    again = build(config.replace(index_dir=tmp_path), embedder, previous=old, save=False)
    assert again.manifest["counts"]["embedded"] == 0  # the vectors are still good
    assert [again.tokens(c.id) for c in again.chunks] == [tokenize(c.text) for c in again.chunks]


def test_a_half_precision_index_finds_what_exact_search_finds_and_is_checked_on_load(pipeline, embedder, tmp_path):
    import faiss

    from rag.store.local import HALF_PRECISION_FROM, faiss_index
    from rag.types import Filters

    built = pipeline.store
    assert type(built.dense).__name__ == "IndexFlatIP"  # the bundled corpus is far below the size
    assert type(faiss_index(np.zeros((HALF_PRECISION_FROM, 8), np.float32))).__name__ == "IndexScalarQuantizer"
    half = LocalStore(built.manifest, built.chunks, built.articles, built.embeddings, built.bm25,
                      faiss_index(built.embeddings, half_from=0), sentences=built.sentences)
    assert type(half.dense).__name__ == "IndexScalarQuantizer"
    half.save(tmp_path)
    loaded = LocalStore.load(tmp_path)
    assert type(loaded.dense).__name__ == "IndexScalarQuantizer"
    source = built.chunks[0].source
    for question in ("US goods trade deficit with India", "Who leads India's negotiating team?",
                     "dairy and agriculture hold up the deal"):
        query = embedder.encode([question])[0]
        exact_ids, exact_scores = built.dense_search(query, 10)
        ids, scores = loaded.dense_search(query, 10)
        assert ids[:5] == exact_ids[:5] and np.allclose(scores, exact_scores, atol=2e-3)
        only = Filters(sources=(source,))
        filtered = loaded.dense_search(query, 10, only)[0]
        assert filtered == built.dense_search(query, 10, only)[0][:len(filtered)] and filtered
        assert {built.chunk(i).source for i in filtered} == {source}
    # a half-precision index holding other vectors than embeddings.npy is refused, even when the
    # manifest was rewritten to match it
    gen = current_generation(tmp_path)
    other = faiss_index(np.roll(built.embeddings, 1, axis=0), half_from=0)
    faiss.write_index(other, str(gen / "dense.faiss"))
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["files"]["dense.faiss"] = file_record(gen / "dense.faiss")
    (gen / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CorruptIndex, match="does not hold the embeddings"):
        LocalStore.load(tmp_path)
