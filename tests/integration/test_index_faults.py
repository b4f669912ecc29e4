"""An index that can't lie: edited, garbled or emptied files are found, reported and rebuilt."""

import shutil

import numpy as np
import pytest

from rag.indexing import build, open_store
from rag.store import files
from rag.store.files import CorruptIndex, current_generation
from rag.store.local import LocalStore

DEFICIT = "How big was the US goods trade deficit with India in 2024?"


@pytest.fixture
def copied(workspace):
    """A workspace (corpus and index copies) and its live generation directory."""
    return workspace, current_generation(workspace.index_dir)


def _flip_middle(path):
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(b ^ 0x5A for b in data[middle:middle + 64])
    path.write_bytes(bytes(data))


def test_an_edited_figure_is_found_and_the_index_rebuilt(copied, embedder):
    config, gen = copied
    chunks = gen / "chunks.jsonl"
    text = chunks.read_text(encoding="utf-8")
    assert "45.7" in text
    chunks.write_text(text.replace("45.7", "99.9"), encoding="utf-8")  # same size, another figure
    with pytest.raises(CorruptIndex, match="chunks.jsonl was changed"):
        LocalStore.load(config.index_dir)
    messages = []
    store = open_store(config, embedder, log=messages.append)
    assert "chunks.jsonl was changed" in messages[0]
    assert not any("99.9" in c.text for c in store.chunks) and any("45.7" in c.text for c in store.chunks)


def test_a_garbled_dense_index_is_found(copied):
    config, gen = copied
    _flip_middle(gen / "dense.faiss")
    with pytest.raises(CorruptIndex):
        LocalStore.load(config.index_dir)


def test_garbled_large_files_are_found_by_verify_and_never_copied_forward(copied, embedder, monkeypatch):
    config, gen = copied
    monkeypatch.setattr(files, "CHEAP_HASH_BYTES", 0)  # as for an index whose files are too large to hash on load
    kept = np.load(gen / "sentences.npy")
    data = bytearray((gen / "sentences.npy").read_bytes())
    data[-64:] = bytes(64)  # the last sentence's vector, zeroed: same size, other content
    (gen / "sentences.npy").write_bytes(bytes(data))
    store = LocalStore.load(config.index_dir)  # sizes match, hashes not read
    with pytest.raises(CorruptIndex, match="sentences.npy was changed"):
        store.verify()
    messages = []
    rebuilt = build(config, embedder, previous=store, log=messages.append)
    assert any("building from scratch" in m for m in messages)
    assert rebuilt.manifest["counts"]["reused"] == 0
    np.testing.assert_allclose(rebuilt.sentences.astype(np.float32), kept.astype(np.float32), atol=2e-3)


def test_a_missing_or_resized_file_is_reported(copied):
    config, gen = copied
    shutil.copy(gen / "bm25.json", gen.parent / "bm25.json.bak")
    (gen / "bm25.json").write_text("{}")
    with pytest.raises(CorruptIndex, match="bm25.json has 2 bytes"):
        LocalStore.load(config.index_dir)
    (gen / "sentences.npy").unlink()
    with pytest.raises(CorruptIndex, match="missing"):
        LocalStore.load(config.index_dir)
