"""Where chunks, their vectors and their keyword statistics live, behind one protocol.

A :class:`Store` answers dense and keyword searches over chunks, with
:class:`~rag.types.Filters` applied inside the search; a :class:`StoreWriter`
builds the next generation of a store (batched adds, deletes by article) and
makes it live in one atomic step. Chunks are named by their ids, never by
positions, so an engine that keeps its own positions (a vector database) fits
the same protocol as the local FAISS + BM25 directory (:mod:`rag.store.local`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from ..config import STORES
from ..types import ArticleMeta, Chunk, Filters
from .files import CorruptIndex

# a ranking: chunk ids, best first, and their scores
Ranking = tuple[list[str], np.ndarray]


@runtime_checkable
class Store(Protocol):
    """A searchable generation of an index: chunks, vectors, keyword statistics, article metadata."""

    manifest: dict  # how it was built: model, chunking, corpus fingerprint, counts
    articles: Mapping[str, ArticleMeta]

    def __len__(self) -> int: ...

    def chunk(self, chunk_id: str) -> Chunk: ...

    def vectors(self, chunk_ids: Sequence[str]) -> np.ndarray: ...

    def chunks_of(self, source: str) -> list[Chunk]:
        """The chunks of one article, in article order."""

    def sentence_vectors(self, chunk_id: str) -> np.ndarray | None:
        """The vectors of a chunk's sentences, kept at index time; None when the store has none."""

    def sentence_vectors_of(self, chunk_ids: Sequence[str]) -> list[np.ndarray | None]:
        """:meth:`sentence_vectors` of several chunks, at once (one round trip to a server)."""

    def copies_of(self, source: str) -> tuple[str, ...]:
        """The near-copies of an article (not indexed themselves), by path."""

    def dense_search(self, vector: np.ndarray, depth: int, filters: Filters | None = None) -> Ranking: ...

    def keyword_search(self, text: str, depth: int, filters: Filters | None = None) -> Ranking: ...

    def idf(self, term: str) -> float: ...

    def matching(self, filters: Filters | None) -> int | None:
        """How many chunks ``filters`` let through (None: no filter)."""

    def stats(self) -> dict: ...

    def newer(self) -> Store | None:
        """The live generation when it is newer than this one, else None."""

    def verify(self) -> None:
        """Check every stored file's hash against the manifest; raise CorruptIndex when one differs."""


class StoreWriter(Protocol):
    """Builds the next generation; nothing is visible to readers until :meth:`commit`."""

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray,
            sentences: Sequence[np.ndarray] | None = None) -> None: ...

    def remove_articles(self, sources: Sequence[str]) -> None: ...

    def commit(self, manifest: dict, articles: Mapping[str, ArticleMeta]) -> Store: ...




def load_store(config) -> Store | None:
    """The live generation of the store ``config`` names, at its index directory; None when there is none yet."""
    if config.store == "qdrant":
        from .qdrant import QdrantStore, location_of, qdrant

        qdrant()  # a missing extra is said before anything is embedded, not after
        return QdrantStore.load(config.index_dir, location_of(config))
    return _local().load(config.index_dir)


def store_writer(config, base: Store | None = None) -> StoreWriter:
    """A writer for the next generation; ``base``, the live one, lends what can be reused."""
    if config.store == "qdrant":
        from .qdrant import QdrantStore, location_of

        return QdrantStore.writer(config.index_dir, location_of(config), config.qdrant_collection,
                                  config.qdrant_shards, config.qdrant_replicas, base, config.qdrant_idf)
    return _local().writer(config.index_dir, base)


def _local():
    from .local import LocalStore

    return LocalStore


__all__ = ["STORES", "CorruptIndex", "Ranking", "Store", "StoreWriter", "load_store", "store_writer"]
