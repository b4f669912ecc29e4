"""The store protocol, run against both stores (the local FAISS + BM25 directory and Qdrant's local
mode), so the two cannot drift: the same searches, filters, answers, incremental builds and crash
safety."""

from __future__ import annotations

import numpy as np
import pytest

from rag.config import Config
from rag.errors import RagError
from rag.evaluation import load_questions
from rag.indexing import build, index_corpus, open_store
from rag.pipeline import Pipeline
from rag.store import CorruptIndex, load_store
from rag.types import Filters
from tests.conftest import NEW

STORES = ["local", "qdrant"]


@pytest.fixture(params=STORES)
def built(request, corpus_copy, tmp_path, embedder):
    config = Config(corpus_dir=corpus_copy, index_dir=tmp_path / "index", store=request.param)
    return config, open_store(config, embedder, log=lambda m: None)


def test_a_loaded_store_searches_as_the_built_one(built, pipeline, embedder):
    config, store = built
    loaded = load_store(config)
    reference = pipeline.store  # the local store of the same corpus, built once per run
    assert len(loaded) == len(store) == len(reference)
    assert loaded.manifest["store"] == config.store
    vector = embedder.encode(["US goods trade deficit with India"])[0]
    for s in (store, loaded):
        ids, scores = s.dense_search(vector, 8)
        ref_ids, ref_scores = reference.dense_search(vector, 8)
        assert ids == ref_ids and np.allclose(scores, ref_scores, atol=1e-4)
        ids, scores = s.keyword_search("goods trade deficit 2024", 8)
        ref_ids, ref_scores = reference.keyword_search("goods trade deficit 2024", 8)
        assert ids == ref_ids and np.allclose(scores, ref_scores, rtol=1e-5)
        assert s.keyword_search("zzzunknownword", 5)[0] == []
    chunk_id = ids[0]
    assert loaded.chunk(chunk_id) == reference.chunk(chunk_id)
    np.testing.assert_allclose(loaded.vectors([chunk_id]), reference.vectors([chunk_id]), atol=1e-6)
    np.testing.assert_allclose(loaded.sentence_vectors(chunk_id), reference.sentence_vectors(chunk_id), atol=1e-3)
    several = ids[:5]  # at once, in the order asked, as one by one
    for got, want in zip(loaded.sentence_vectors_of(several), [reference.sentence_vectors(c) for c in several]):
        np.testing.assert_allclose(got, want, atol=1e-3)
    source = loaded.chunk(chunk_id).source
    assert loaded.chunks_of(source) == reference.chunks_of(source)
    assert loaded.idf("deficit") == pytest.approx(reference.idf("deficit"))


@pytest.mark.parametrize("filters", [Filters(since="2026-01-01"), Filters(until="2025-04"),
                                     Filters(sources=("2025-05-*",)), Filters(since="2027")])
def test_filters_run_inside_the_search_alike(built, pipeline, embedder, filters):
    _, store = built
    reference = pipeline.store
    assert store.matching(filters) == reference.matching(filters)
    vector = embedder.encode(["trade deal tariffs"])[0]
    assert store.dense_search(vector, 50, filters)[0] == reference.dense_search(vector, 50, filters)[0]
    assert store.keyword_search("trade deal tariffs", 50, filters)[0] == \
        reference.keyword_search("trade deal tariffs", 50, filters)[0]


def test_every_question_gets_the_same_answer_from_either_store(tmp_path_factory, pipeline, embedder):
    config = pipeline.config.replace(index_dir=tmp_path_factory.mktemp("qdrant-index"), store="qdrant")
    other = Pipeline(config, embedder=embedder, log=lambda m: None)
    # the test split and every eighth dev question (about a fifth of the set): the whole set took 194 s here
    questions = load_questions(split="test") + load_questions(split="dev")[::8]
    for question in questions:
        a, b = pipeline.ask(question.question).to_json(), other.ask(question.question).to_json()
        for answer in (a, b):
            for passage in answer["passages"]:
                passage["score"] = pytest.approx(passage["score"], abs=1e-4)
        assert a == b, question.question


@pytest.mark.parametrize("kind", STORES)
def test_an_incremental_build_embeds_only_what_changed_in_either_store(kind, workspace, embedder):
    config = workspace.replace(index_dir=workspace.index_dir.parent / f"index-{kind}", store=kind)
    first, _ = index_corpus(config, embedder, log=lambda m: None)
    (config.corpus_dir / "steel.txt").write_text(NEW)
    removed = sorted(first.articles)[0]
    (config.corpus_dir / removed).unlink()
    second, rebuilt = index_corpus(config, embedder, log=lambda m: None)
    counts = second.manifest["counts"]
    assert rebuilt and counts["embedded"] == len(second.chunks_of("steel.txt")) and counts["removed_articles"] == 1
    assert removed not in second.articles and not second.chunks_of(removed)
    assert first.newer() is not None and first.newer().manifest["created"] == second.manifest["created"]
    answer = Pipeline(config, embedder=embedder, store=second).ask("What steel import quota was agreed?")
    assert "3.25 million tonnes" in answer.text and answer.citations[0].source == "steel.txt"


def test_a_build_that_dies_while_filling_qdrant_leaves_the_old_collection_live(workspace, embedder, monkeypatch):
    config = workspace.replace(index_dir=workspace.index_dir.parent / "index-q", store="qdrant")
    old, _ = index_corpus(config, embedder, log=lambda m: None)
    client = old.client
    aliases = [(a.alias_name, a.collection_name) for a in client.get_aliases().aliases]
    collections = sorted(c.name for c in client.get_collections().collections)
    upsert, calls = client.upsert, []

    def dies_on_the_second_batch(*args, **kw):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # as a kill would, between two batches
        return upsert(*args, **kw)

    import rag.store.qdrant as qdrant

    monkeypatch.setattr(qdrant, "UPSERT_BATCH", 4)
    monkeypatch.setattr(client, "upsert", dies_on_the_second_batch)
    with pytest.raises(KeyboardInterrupt):
        build(config, embedder, previous=None, log=lambda m: None)
    monkeypatch.undo()
    assert [(a.alias_name, a.collection_name) for a in client.get_aliases().aliases] == aliases == [
        ("rag", old.collection)]
    assert sorted(c.name for c in client.get_collections().collections) == collections
    live = load_store(config)
    assert live.collection == old.collection and len(live) == len(old)


def test_a_qdrant_collection_that_lost_points_is_reported_by_verify(workspace, embedder):
    config = workspace.replace(index_dir=workspace.index_dir.parent / "index-v", store="qdrant")
    store, _ = index_corpus(config, embedder, log=lambda m: None)
    store.verify()
    from rag.store.qdrant import point_id

    store.client.delete(store.collection, [point_id(store.chunks_of(sorted(store.articles)[0])[0].id)])
    with pytest.raises(CorruptIndex, match="holds .* points"):
        index_corpus(config, embedder, verify=True, log=lambda m: None)


def test_qdrant_fuses_hybrid_search_itself_in_one_round_trip(workspace, embedder):
    config = workspace.replace(index_dir=workspace.index_dir.parent / "index-f", store="qdrant", fusion="server")
    pipeline = Pipeline(config, embedder=embedder, log=lambda m: None)
    answer = pipeline.ask("How big was the US goods trade deficit with India in 2024?")
    assert "45.7 billion" in answer.text and not answer.abstained
    filtered = pipeline.retrieve("trade deal", 5, filters=Filters(since="2026-01-01"))
    assert filtered and all(p.article.date >= "2026" for p in filtered)
    with pytest.raises(RagError, match="needs a store that fuses"):
        Config(fusion="server").validate()


def test_qdrants_own_idf_modifier_gives_bm25_rankings_close_to_bm25okapi(workspace, embedder, pipeline):
    config = workspace.replace(index_dir=workspace.index_dir.parent / "index-idf", store="qdrant",
                               qdrant_idf="qdrant")
    store, _ = index_corpus(config, embedder, log=lambda m: None)
    assert store.manifest["qdrant_idf"] == "qdrant"
    reference = pipeline.store
    agree = []
    for question in load_questions()[:40]:
        ours = store.keyword_search(question.question, 5)[0]
        okapi = reference.keyword_search(question.question, 5)[0]
        assert set(ours) <= set(reference.keyword_search(question.question, 50)[0])  # the same matches
        agree.append(bool(ours) and bool(okapi) and ours[0] == okapi[0])
    assert sum(agree) >= 0.8 * len(agree)  # the two IDFs mostly agree on the best chunk
    answer = Pipeline(config, embedder=embedder, store=store).ask(
        "How big was the US goods trade deficit with India in 2024?")
    assert "45.7 billion" in answer.text
