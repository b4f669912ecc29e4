"""The Qdrant store: chunks, their vectors and BM25 weights in a Qdrant collection.

For archives one machine cannot hold, or one index many people query. Qdrant
(a server, a cluster, or qdrant-client's embedded local mode, which needs no
server) keeps, per chunk, a named dense vector (cosine), the sentence vectors
(a multivector, stored, not indexed) and a named sparse vector holding the
chunk's BM25 weights under the project's own tokenizer, with the chunk and its
article's date as payload. Filters run inside Qdrant's search. A hybrid search
can be fused by Qdrant in one round trip (``fusion = "server"``, RRF), or by the
project's own fusion, for a like-for-like comparison with the local store.

By default (``qdrant_idf = "bm25okapi"``) the sparse weights are rank-bm25's
BM25Okapi weights, computed here when the collection is built: Qdrant's IDF
(ln(1 + (N - n + 0.5) / (n + 0.5))) differs from BM25Okapi's, and answers must
not depend on the store. Every generation is a whole new collection, so the
IDF a build computes never goes stale. With ``qdrant_idf = "qdrant"`` the
points carry the term-frequency part alone (k1, b, document length) and the
collection's IDF modifier supplies the rest, server-side: rankings then differ
slightly from the local store's.

Beside the collection, the index directory keeps a small catalog generation:
the manifest (which collection), article metadata and the term statistics,
written and swapped like the local store's files. A build fills a new
collection, publishes its catalog, then moves the collection alias (``rag``
by default) in one call; a build killed on the way leaves both on the old one.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import threading
import warnings
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from ..bm25 import BM25Index, tokenize
from ..dates import date_range
from ..errors import RagError
from ..types import ArticleMeta, Chunk, Filters
from .common import ChunkBuffer, copies_by_canonical, read_articles, write_articles
from .files import (
    CorruptIndex,
    check_files,
    current_generation,
    live_manifest,
    new_generation_name,
    pause_point,
    publish_generation,
    write_lock,
    write_manifest,
)

UPSERT_BATCH = 256
CACHE_CHUNKS = 50_000
_clients: dict[tuple, object] = {}
_clients_lock = threading.Lock()


def qdrant():
    """The qdrant_client package, or a one-line error saying how to install it (it is an extra)."""
    try:
        import qdrant_client
        import qdrant_client.models  # noqa: F401  (the request models, used throughout)
    except ImportError:
        raise RagError("the Qdrant store needs qdrant-client: pip install 'rag-news[qdrant]' "
                       "(or pip install qdrant-client)") from None
    return qdrant_client


def connect(url: str | None, api_key: str | None, path: Path | None):
    """One client per location and process (local mode allows only one per folder)."""
    QdrantClient = qdrant().QdrantClient  # noqa: N806 (a class)

    key = (url, str(path) if path else None)
    with _clients_lock:
        if key not in _clients:
            try:
                _clients[key] = QdrantClient(url=url, api_key=api_key, timeout=60) if url \
                    else QdrantClient(path=str(path))
            except RuntimeError as exc:  # local mode: another process holds the folder
                raise RagError(f"cannot open the Qdrant folder {path}: {exc} (local mode serves one process at a "
                               "time; run a Qdrant server for several)") from None
        return _clients[key]


@atexit.register
def _close_clients() -> None:
    """Close local-mode clients while the interpreter can still do it (it flushes and unlocks the folder)."""
    with _clients_lock:
        for client in _clients.values():
            with contextlib.suppress(Exception):
                client.close()
        _clients.clear()


def point_id(chunk_id: str) -> int:
    return int(chunk_id, 16)  # chunk ids are 16 hex digits: an unsigned 64-bit point id


def _day(value: str) -> int:
    return int(value.replace("-", ""))


def article_days(meta: ArticleMeta) -> dict:
    """The first and last day an article's (possibly partial) date covers, as sortable numbers."""
    if not meta.date:
        return {}
    first, last = date_range(meta.date)
    return {"date_first": _day(first), "date_last": _day(last)}


class Terms:
    """The BM25 term statistics of one generation: vocabulary column and document frequency per term."""

    def __init__(self, data: dict):
        self.k1, self.b, self.n = data["k1"], data["b"], data["n"]
        self.columns = {t: c for t, (c, _) in data["terms"].items()}
        self.df = {t: d for t, (_, d) in data["terms"].items()}

    @staticmethod
    def of(index: BM25Index) -> dict:
        return {"k1": index.k1, "b": index.b, "n": len(index),
                "terms": {t: [c, index.doc_freq[t]] for t, c in index.vocabulary.items()}}

    def idf(self, term: str) -> float:  # as rag.bm25.BM25Index.idf
        df = self.df.get(term, 0)
        return float(np.log(1 + (self.n - df + 0.5) / (df + 0.5)))

    def query(self, text: str):
        from collections import Counter

        models = qdrant().models

        counts = Counter(self.columns[t] for t in tokenize(text) if t in self.columns)
        return models.SparseVector(indices=list(counts), values=[float(v) for v in counts.values()])


class QdrantStore:
    """One generation: a Qdrant collection and its catalog in the index directory."""

    kind = "qdrant"

    def __init__(self, client, collection: str, manifest: dict, articles: dict[str, ArticleMeta], terms: Terms,
                 path: Path | None, location: tuple):
        self.client, self.collection, self.manifest = client, collection, manifest
        self.articles, self.terms, self.path, self.location = articles, terms, path, location
        self._chunks: OrderedDict[str, Chunk] = OrderedDict()
        self._by_source: OrderedDict[str, list[Chunk]] = OrderedDict()
        self._sentences: OrderedDict[str, np.ndarray] = OrderedDict()
        self._copies: dict[str, tuple[str, ...]] | None = None
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return int(self.manifest["counts"]["chunks"])

    # ------------------------------------------------------------ reading

    def _remember(self, cache: OrderedDict, key, value):
        with self._lock:
            cache[key] = value
            cache.move_to_end(key)
            while len(cache) > CACHE_CHUNKS:
                cache.popitem(last=False)
        return value

    def _chunk_of(self, point) -> Chunk:
        chunk = Chunk.from_dict(point.payload["chunk"])
        return self._remember(self._chunks, chunk.id, chunk)

    def chunk(self, chunk_id: str) -> Chunk:
        if chunk_id in self._chunks:
            return self._chunks[chunk_id]
        found = self.client.retrieve(self.collection, [point_id(chunk_id)], with_payload=["chunk"])
        if not found:
            raise KeyError(chunk_id)
        return self._chunk_of(found[0])

    def _fetch_vectors(self, chunk_ids: Sequence[str], name: str) -> dict[str, object]:
        got = {}
        for begin in range(0, len(chunk_ids), 1024):
            ids = [point_id(c) for c in chunk_ids[begin:begin + 1024]]
            for point in self.client.retrieve(self.collection, ids, with_payload=False, with_vectors=[name]):
                got[f"{int(point.id):016x}"] = point.vector[name]
        return got

    def vectors(self, chunk_ids: Sequence[str]) -> np.ndarray:
        got = self._fetch_vectors(list(chunk_ids), "dense")
        return np.asarray([got[c] for c in chunk_ids], dtype=np.float32).reshape(len(chunk_ids), -1)

    def sentence_vectors(self, chunk_id: str) -> np.ndarray | None:
        return self.sentence_vectors_of([chunk_id])[0]

    def sentence_vectors_of(self, chunk_ids: Sequence[str]) -> list[np.ndarray | None]:
        if not self.manifest.get("sentence_vectors"):
            return [None] * len(chunk_ids)
        missing = [c for c in dict.fromkeys(chunk_ids) if c not in self._sentences]
        # at the local store's precision (float16), so that both stores rank and answer alike
        found = {c: np.asarray(v, dtype=np.float16).astype(np.float32)
                 for c, v in self._fetch_vectors(missing, "sentences").items()}
        for chunk_id, vectors in found.items():
            self._remember(self._sentences, chunk_id, vectors)
        return [found.get(c, self._sentences.get(c)) for c in chunk_ids]

    def chunks_of(self, source: str) -> list[Chunk]:
        if source not in self._by_source:
            models = qdrant().models

            flt = models.Filter(must=[models.FieldCondition(key="article", match=models.MatchValue(value=source))])
            points, offset = [], None
            while True:
                batch, offset = self.client.scroll(self.collection, flt, limit=256, offset=offset,
                                                   with_payload=["chunk"])
                points += batch
                if offset is None:
                    break
            chunks = sorted((self._chunk_of(p) for p in points), key=lambda c: (c.start, c.end))
            self._remember(self._by_source, source, chunks)
        return list(self._by_source[source])

    def copies_of(self, source: str) -> tuple[str, ...]:
        if self._copies is None:
            self._copies = copies_by_canonical(self.articles)
        return self._copies.get(source, ())

    def qdrant_filter(self, filters: Filters | None):
        """``filters`` as a Qdrant filter: the date range on the payload's day numbers, and the
        source patterns (globs, which Qdrant has no match for) as the set of articles they select."""
        if not filters:
            return None
        models = qdrant().models

        must = []
        if filters.since:
            must.append(models.FieldCondition(key="date_last", range=models.Range(
                gte=_day(date_range(filters.since)[0]))))
        if filters.until:
            must.append(models.FieldCondition(key="date_first", range=models.Range(
                lte=_day(date_range(filters.until)[1]))))
        if filters.sources:
            chosen = Filters(sources=filters.sources)
            must.append(models.FieldCondition(key="article", match=models.MatchAny(
                any=[s for s, m in self.articles.items() if chosen.accepts(m) and not m.copy_of] or ["\0none"])))
        return models.Filter(must=must)

    def matching(self, filters: Filters | None) -> int | None:
        if not filters:
            return None
        return self.client.count(self.collection, count_filter=self.qdrant_filter(filters), exact=True).count

    def _ranking(self, points) -> tuple[list[str], np.ndarray]:
        ids = [self._chunk_of(p).id for p in points]
        return ids, np.asarray([p.score for p in points], dtype=np.float32)

    def dense_search(self, vector: np.ndarray, depth: int, filters: Filters | None = None):
        found = self.client.query_points(self.collection, query=np.asarray(vector, dtype=np.float32).tolist(),
                                         using="dense", limit=depth, query_filter=self.qdrant_filter(filters),
                                         with_payload=["chunk"]).points
        return self._ranking(found)

    def keyword_search(self, text: str, depth: int, filters: Filters | None = None):
        query = self.terms.query(text)
        if not query.indices:
            return [], np.zeros(0, dtype=np.float32)
        found = self.client.query_points(self.collection, query=query, using="bm25", limit=depth,
                                         query_filter=self.qdrant_filter(filters), with_payload=["chunk"]).points
        return self._ranking([p for p in found if p.score > 0])

    def hybrid_search(self, vector: np.ndarray, text: str, depth: int, filters: Filters | None,
                      weights: tuple[float, float], rrf_k: int):
        """Dense and BM25 prefetched and fused by Qdrant (weighted RRF): one round trip."""
        models = qdrant().models

        flt = self.qdrant_filter(filters)
        prefetch = [models.Prefetch(query=np.asarray(vector, dtype=np.float32).tolist(), using="dense",
                                    limit=depth, filter=flt)]
        sparse = self.terms.query(text)
        if sparse.indices:
            prefetch.append(models.Prefetch(query=sparse, using="bm25", limit=depth, filter=flt))
        found = self.client.query_points(
            self.collection, prefetch=prefetch, limit=depth, with_payload=["chunk"],
            query=models.RrfQuery(rrf=models.Rrf(k=rrf_k, weights=list(weights[:len(prefetch)])))).points
        return self._ranking(found)

    def idf(self, term: str) -> float:
        return self.terms.idf(term)

    def stats(self) -> dict:
        return {"store": self.kind, "chunks": len(self), "articles": len(self.articles),
                "copies": sum(1 for m in self.articles.values() if m.copy_of), "dense_index": "qdrant",
                "collection": self.collection, "generation": self.path.name if self.path else None}

    def verify(self) -> None:
        """The catalog's files against their hashes, and the collection's point count against the manifest."""
        if self.path is None:
            return
        try:
            check_files(self.path, self.manifest.get("files", {}), verify=True)
            points = self.client.count(self.collection, exact=True).count
            if points != len(self):
                raise ValueError(f"collection {self.collection} holds {points} points, the manifest records "
                                 f"{len(self)}")
        except ValueError as exc:
            raise CorruptIndex(f"index at {self.path.parent} is corrupt: {exc}") from None

    def newer(self) -> QdrantStore | None:
        if self.path is None or current_generation(self.path.parent) in (None, self.path):
            return None
        new = QdrantStore.load(self.path.parent, self.location)
        return new if new is not None and new.path != self.path else None

    # ------------------------------------------------------------ persistence

    @classmethod
    def load(cls, index_dir: str | Path, location: tuple) -> QdrantStore | None:
        """The live generation; None when there is none, or the live one is another store's."""
        try:
            live = live_manifest(index_dir, cls.kind)
            if live is None:
                return None
            gen, manifest = live
            check_files(gen, manifest.get("files", {}))
            articles = read_articles(gen)
            terms = Terms(json.loads((gen / "terms.json").read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CorruptIndex(f"index at {index_dir} is corrupt: {exc}") from None
        client = connect(*location)
        collection = manifest["collection"]
        if not client.collection_exists(collection):
            raise CorruptIndex(f"index at {index_dir} is corrupt: its Qdrant collection {collection} is gone")
        return cls(client, collection, manifest, articles, terms, gen, location)

    @classmethod
    def writer(cls, index_dir: Path, location: tuple, alias: str, shards: int = 1, replicas: int = 1,
               base=None, idf: str = "bm25okapi") -> QdrantWriter:
        return QdrantWriter(Path(index_dir), location, alias, shards, replicas, idf)


class QdrantWriter(ChunkBuffer):
    """Collects the generation's chunks; :meth:`commit` fills a new collection, then switches to it."""

    def __init__(self, index_dir: Path, location: tuple, alias: str, shards: int, replicas: int,
                 idf: str = "bm25okapi"):
        self.index_dir, self.location, self.alias = index_dir, location, alias
        self.shards, self.replicas, self.idf = shards, replicas, idf
        super().__init__()

    def _create(self, client, name: str, dim: int, manifest: dict) -> None:
        models = qdrant().models

        vectors = {"dense": models.VectorParams(size=dim, distance=models.Distance.COSINE)}
        if self.sentences is not None:  # kept for answering, never searched: no HNSW graph for them
            vectors["sentences"] = models.VectorParams(
                size=dim, distance=models.Distance.COSINE, hnsw_config=models.HnswConfigDiff(m=0),
                multivector_config=models.MultiVectorConfig(comparator=models.MultiVectorComparator.MAX_SIM))
        client.create_collection(name, vectors_config=vectors, shard_number=self.shards,
                                 replication_factor=self.replicas,
                                 sparse_vectors_config={"bm25": models.SparseVectorParams(
                                     modifier=models.Modifier.IDF if self.idf == "qdrant" else None)},
                                 metadata={"rag": {"model": manifest["model"], "created": manifest["created"]}})
        for field, schema in (("article", models.PayloadSchemaType.KEYWORD),
                              ("date_first", models.PayloadSchemaType.INTEGER),
                              ("date_last", models.PayloadSchemaType.INTEGER)):
            with warnings.catch_warnings():  # local mode says it has no payload indexes; a server uses them
                warnings.simplefilter("ignore")
                client.create_payload_index(name, field, field_schema=schema)

    def _upsert(self, client, name: str, articles: Mapping[str, ArticleMeta], weights) -> None:
        models = qdrant().models

        for begin in range(0, len(self.chunks), UPSERT_BATCH):
            points = []
            for i in range(begin, min(begin + UPSERT_BATCH, len(self.chunks))):
                chunk, row = self.chunks[i], weights.getrow(i)
                vector = {"dense": self.vectors[i].tolist(),
                          "bm25": models.SparseVector(indices=row.indices.tolist(), values=row.data.tolist())}
                if self.sentences is not None:
                    vector["sentences"] = np.asarray(self.sentences[i], dtype=np.float32).tolist()
                points.append(models.PointStruct(id=point_id(chunk.id), vector=vector, payload={
                    "chunk": chunk.to_dict(), "article": chunk.source, **article_days(articles[chunk.source])}))
            client.upsert(name, points, wait=True)
            pause_point("upserting")

    def commit(self, manifest: dict, articles: Mapping[str, ArticleMeta]) -> QdrantStore:
        models = qdrant().models

        client = connect(*self.location)
        dim = manifest["model"]["dim"]
        bm25 = BM25Index([tokenize(c.text) for c in self.chunks])
        terms = Terms.of(bm25)
        with write_lock(self.index_dir):
            gen = new_generation_name()
            name = f"{self.alias}-{gen}"
            self._create(client, name, dim, manifest)
            tmp_dir = self.index_dir / f".tmp-{gen}"
            try:
                weights = bm25.term_weights() if self.idf == "qdrant" else bm25.document_weights()
                self._upsert(client, name, articles, weights)
                tmp_dir.mkdir()
                write_articles(tmp_dir, articles)
                (tmp_dir / "terms.json").write_text(json.dumps(terms), encoding="utf-8")
                manifest = write_manifest(tmp_dir, {**manifest, "store": "qdrant", "collection": name,
                                                    "qdrant_idf": self.idf})
                path = publish_generation(self.index_dir, tmp_dir, gen)
            except BaseException:
                shutil.rmtree(tmp_dir, ignore_errors=True)
                client.delete_collection(name)
                raise
            # the alias moves last, in one call, for other clients of the same collection
            old = [a.collection_name for a in client.get_aliases().aliases if a.alias_name == self.alias]
            client.update_collection_aliases([
                *(models.DeleteAliasOperation(delete_alias=models.DeleteAlias(alias_name=self.alias)) for _ in old),
                models.CreateAliasOperation(create_alias=models.CreateAlias(collection_name=name,
                                                                            alias_name=self.alias))])
            keep = {name, *old}  # the one just replaced may still serve a reader that has it loaded
            for c in client.get_collections().collections:
                if c.name.startswith(f"{self.alias}-gen-") and c.name not in keep:
                    client.delete_collection(c.name)
        return QdrantStore(client, name, manifest, dict(articles), Terms(terms), path, self.location)


def location_of(config) -> tuple:
    """Where the config's Qdrant is: (url, api key, local folder)."""
    url = config.qdrant_url or os.environ.get("QDRANT_URL") or None
    key = config.qdrant_api_key or os.environ.get("QDRANT_API_KEY") or None
    path = None if url else (Path(config.qdrant_path) if config.qdrant_path else Path(config.index_dir) / "qdrant")
    return url, key, path
