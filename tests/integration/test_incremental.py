"""Incremental indexing and crash safety, with real indexing processes killed mid-way."""

import json

from rag.indexing import build, open_store
from rag.store.local import LocalStore
from tests.conftest import NEW, sources


def test_only_new_and_changed_articles_are_embedded(workspace, embedder):
    before = LocalStore.load(workspace.index_dir)
    (workspace.corpus_dir / "steel.txt").write_text(NEW)
    index = build(workspace, embedder, previous=before)
    counts = index.manifest["counts"]
    steel_chunks = [c for c in index.chunks if c.source == "steel.txt"]
    assert counts["embedded"] == len(steel_chunks) == 1 and counts["reused"] == len(before)
    assert {c.id for c in before.chunks} <= {c.id for c in index.chunks}  # ids stay stable

    # change one article: only its chunks are embedded again
    changed = workspace.corpus_dir / "2025-04-bta-first-phase-fall-2025.txt"
    changed.write_text(changed.read_text() + "\\nThe talks will resume in June.\\n")
    again = build(workspace, embedder, previous=index)
    n_changed = sum(c.source == changed.name for c in again.chunks)
    assert again.manifest["counts"]["embedded"] <= n_changed
    assert again.manifest["counts"]["embedded"] >= 1

    # delete one: it leaves both indexes
    (workspace.corpus_dir / "steel.txt").unlink()
    final = build(workspace, embedder, previous=again)
    assert "steel.txt" not in sources(final) and "steel.txt" not in final.articles
    assert final.manifest["counts"]["embedded"] == 0 and final.manifest["counts"]["removed_articles"] == 1
    assert final.keyword_search("quota tonnes", 5)[0] == []
    assert len(final.embeddings) == final.dense.ntotal == len(final.chunks)


def test_unchanged_metadata_edit_reembeds_nothing(workspace, embedder):
    before = LocalStore.load(workspace.index_dir)
    meta = json.loads((workspace.corpus_dir / "metadata.json").read_text())
    meta["2025-04-bta-first-phase-fall-2025.txt"]["title"] = "A new title"
    (workspace.corpus_dir / "metadata.json").write_text(json.dumps(meta))
    index = open_store(workspace, embedder, log=lambda m: None)
    assert index.manifest["counts"]["embedded"] == 0
    assert index.articles["2025-04-bta-first-phase-fall-2025.txt"].title == "A new title"
    assert [c.id for c in index.chunks] == [c.id for c in before.chunks]


