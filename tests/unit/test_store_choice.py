"""Choosing a store: its settings are checked once, and a missing optional package is a clear error."""

import sys

import pytest

from rag.config import Config
from rag.errors import RagError


def test_qdrant_without_qdrant_client_says_how_to_install_it(monkeypatch):
    from rag.store.qdrant import qdrant

    monkeypatch.setitem(sys.modules, "qdrant_client", None)  # as if it were not installed
    with pytest.raises(RagError, match=r"pip install 'rag-news\[qdrant\]'"):
        qdrant()


@pytest.mark.parametrize("settings, message", [
    ({"store": "milvus"}, "store must be one of local, qdrant"),
    ({"fusion": "server"}, "needs a store that fuses"),
    ({"store": "qdrant", "qdrant_collection": "no spaces"}, "qdrant_collection"),
    ({"store": "qdrant", "qdrant_shards": 0}, "at least 1"),
    ({"store": "qdrant", "qdrant_idf": "tfidf"}, "qdrant_idf must be one of"),
    ({"workers": 0}, "workers must be from 1 to 64"),
])
def test_store_settings_are_checked_in_one_place(settings, message):
    with pytest.raises(RagError, match=message):
        Config().replace(**settings)
