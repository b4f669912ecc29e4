"""The local store: FAISS for dense search and a sparse BM25 matrix, in one directory.

Each generation directory holds manifest.json, chunks.jsonl, articles.json,
embeddings.npy, dense.faiss and bm25.json. Nothing is pickled. A build writes
a whole new generation, then swaps ``CURRENT`` (:mod:`rag.store.files`).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from ..bm25 import TOKENIZER_VERSION, BM25Index, tokenize
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

FORMAT_VERSION = 1
# From this many vectors on, the exhaustive scan reads them as 16-bit floats: a question's scan is
# bound by the memory it reads, and at 100k chunks it took 8 to 11 against 20 to 25 ms on two cores,
# recall@10 against float32 0.999 on the benchmark's vectors and 1.000 on SciFact's real embeddings
# (`rag bench perf`, BENCHMARKS.md).
HALF_PRECISION_FROM = 50_000
# From this many vectors on, an approximate index (IVF) replaces exhaustive search.
ANN_THRESHOLD = 200_000


def faiss_index(embeddings: np.ndarray, ann_threshold: int = ANN_THRESHOLD, half_from: int = HALF_PRECISION_FROM):
    """Exact inner-product search below ``half_from`` vectors, the exhaustive search over 16-bit
    floats up to ``ann_threshold``, IVF above.

    The IVF index has about 4*sqrt(n) lists and probes a sixth of them, which kept
    recall@10 against exact search above 0.95 in `rag bench perf` (BENCHMARKS.md).
    """
    import faiss

    n, dim = embeddings.shape
    if n >= ann_threshold:
        nlist = int(4 * np.sqrt(n))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
        sample = embeddings[np.random.default_rng(0).choice(n, size=min(n, 40 * nlist), replace=False)]
        index.train(sample)
        index.nprobe = max(32, nlist // 6)
    elif n >= half_from:
        index = faiss.IndexScalarQuantizer(dim, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)
    else:
        index = faiss.IndexFlatIP(dim)
    if n:
        index.add(embeddings)
    return index


def _same_vectors(dense, embeddings: np.ndarray, sample: int = 8) -> None:
    """Raise ValueError when an exhaustive FAISS index does not hold the embeddings it was built from
    (a garbled dense.faiss of the right size reads back, but scores like 9e36)."""
    tolerance = {"IndexFlatIP": 1e-5, "IndexScalarQuantizer": 1e-3}.get(type(dense).__name__)
    if tolerance is None or not len(embeddings):
        return
    for i in np.random.default_rng(0).choice(len(embeddings), size=min(sample, len(embeddings)), replace=False):
        if not np.allclose(dense.reconstruct(int(i)), embeddings[i], atol=tolerance):
            raise ValueError("dense.faiss does not hold the embeddings it was built from")


class LocalStore:
    """One generation of the local store, held in memory."""

    kind = "local"

    def __init__(self, manifest: dict, chunks: list[Chunk], articles: dict[str, ArticleMeta],
                 embeddings: np.ndarray, bm25: BM25Index, dense, path: Path | None = None,
                 sentences: np.ndarray | None = None):
        """``sentences``: every chunk's sentence vectors, one row per sentence in chunk order (float16)."""
        self.manifest, self.chunks, self.articles = manifest, chunks, articles
        self.embeddings, self.bm25, self.dense, self.path = embeddings, bm25, dense, path
        self.sentences = sentences
        self._sentence_start = np.cumsum([0, *(len(c.sentences) for c in chunks)])
        self._position = {c.id: i for i, c in enumerate(chunks)}
        self._allowed: dict[Filters, np.ndarray] = {}
        self._by_source: dict[str, list[Chunk]] | None = None
        self._copies: dict[str, tuple[str, ...]] | None = None

    def __len__(self) -> int:
        return len(self.chunks)

    def __contains__(self, chunk_id: str) -> bool:
        return chunk_id in self._position

    # ------------------------------------------------------------ reading

    def chunk(self, chunk_id: str) -> Chunk:
        return self.chunks[self._position[chunk_id]]

    def vectors(self, chunk_ids: Sequence[str]) -> np.ndarray:
        return self.embeddings[[self._position[i] for i in chunk_ids]]

    def copies_of(self, source: str) -> tuple[str, ...]:
        if self._copies is None:
            self._copies = copies_by_canonical(self.articles)
        return self._copies.get(source, ())

    def chunks_of(self, source: str) -> list[Chunk]:
        if self._by_source is None:
            self._by_source = {}
            for chunk in self.chunks:
                self._by_source.setdefault(chunk.source, []).append(chunk)
        return list(self._by_source.get(source, []))

    def sentence_vectors(self, chunk_id: str) -> np.ndarray | None:
        if self.sentences is None or chunk_id not in self._position:
            return None
        i = self._position[chunk_id]
        return self.sentences[self._sentence_start[i]:self._sentence_start[i + 1]].astype(np.float32)

    def sentence_vectors_of(self, chunk_ids: Sequence[str]) -> list[np.ndarray | None]:
        return [self.sentence_vectors(c) for c in chunk_ids]

    def tokens(self, chunk_id: str) -> list[str]:
        """The chunk's BM25 tokens, as indexed."""
        return self.bm25.corpus_tokens[self._position[chunk_id]]

    def _allowed_positions(self, filters: Filters | None) -> np.ndarray | None:
        """Positions of the chunks ``filters`` lets through (None: all of them), remembered per filter."""
        if not filters:
            return None
        if filters not in self._allowed:
            if len(self._allowed) > 32:
                self._allowed.clear()
            ok = {source for source, meta in self.articles.items() if filters.accepts(meta)}
            self._allowed[filters] = np.fromiter((i for i, c in enumerate(self.chunks) if c.source in ok),
                                                 dtype=np.int64)
        return self._allowed[filters]

    def matching(self, filters: Filters | None) -> int | None:
        allowed = self._allowed_positions(filters)
        return None if allowed is None else len(allowed)

    def dense_search(self, vector: np.ndarray, depth: int, filters: Filters | None = None):
        allowed = self._allowed_positions(filters)
        depth = min(depth, len(self) if allowed is None else len(allowed))
        if depth == 0:
            return [], np.zeros(0, dtype=np.float32)
        query = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        if allowed is None:
            scores, ids = self.dense.search(query, depth)
        else:
            import faiss

            # the filter runs inside the search, so it never returns fewer than exist
            selector = faiss.IDSelectorBatch(allowed)
            if hasattr(self.dense, "nprobe"):
                params = faiss.SearchParametersIVF(sel=selector, nprobe=self.dense.nprobe)
            else:
                params = faiss.SearchParameters(sel=selector)
            scores, ids = self.dense.search(query, depth, params=params)
        keep = ids[0] >= 0
        return [self.chunks[int(i)].id for i in ids[0][keep]], scores[0][keep]

    def keyword_search(self, text: str, depth: int, filters: Filters | None = None):
        positions, scores = self.bm25.search(text, depth, self._allowed_positions(filters))
        return [self.chunks[int(i)].id for i in positions], scores

    def idf(self, term: str) -> float:
        return self.bm25.idf(term)

    def stats(self) -> dict:
        return {"store": self.kind, "chunks": len(self), "articles": len(self.articles),
                "copies": sum(1 for m in self.articles.values() if m.copy_of),
                "dense_index": type(self.dense).__name__, "generation": self.path.name if self.path else None}

    def verify(self) -> None:
        """Hash every file against the manifest (all of them, however large); CorruptIndex if one differs."""
        if self.path is None:
            return
        try:
            check_files(self.path, self.manifest.get("files", {}), verify=True)
        except ValueError as exc:
            raise CorruptIndex(f"index at {self.path.parent} is corrupt: {exc}") from None

    def newer(self) -> LocalStore | None:
        if self.path is None or current_generation(self.path.parent) in (None, self.path):
            return None
        new = LocalStore.load(self.path.parent)
        return new if new is not None and new.path != self.path else None

    # ------------------------------------------------------------ persistence

    @classmethod
    def writer(cls, index_dir: Path, base=None) -> LocalWriter:
        return LocalWriter(Path(index_dir), base if isinstance(base, LocalStore) else None)

    @classmethod
    def load(cls, index_dir: str | Path, verify: bool = False) -> LocalStore | None:
        """Read the live generation back; None when there is none. Raises CorruptIndex.

        Every file's size is checked against the manifest, and its hash when that is cheap (or
        always, with ``verify``); a sample of FAISS's vectors is compared with the embeddings.
        """
        import faiss

        try:
            live = live_manifest(index_dir, cls.kind)
            if live is None:
                return None  # no index yet, or the live generation is another store's
            gen, manifest = live
            if manifest.get("format") != FORMAT_VERSION:
                raise ValueError(f"format {manifest.get('format')!r}, expected {FORMAT_VERSION}")
            check_files(gen, manifest.get("files", {}), verify)
            with open(gen / "chunks.jsonl", encoding="utf-8") as fh:
                chunks = [Chunk.from_dict(json.loads(line)) for line in fh if line.strip()]
            articles = read_articles(gen)
            embeddings = np.load(gen / "embeddings.npy", allow_pickle=False)
            dense = faiss.read_index(str(gen / "dense.faiss"))
            bm25_data = json.loads((gen / "bm25.json").read_text(encoding="utf-8"))
            bm25 = BM25Index(bm25_data["tokens"], k1=bm25_data["k1"], b=bm25_data["b"])
            if not (len(chunks) == len(embeddings) == dense.ntotal == len(bm25)):
                raise ValueError("chunk, embedding and index counts differ")
            dim = manifest["model"]["dim"]
            if embeddings.ndim != 2 or embeddings.shape[1] != dim or dense.d != dim:
                raise ValueError("embedding dimension does not match the manifest")
            if any(c.source not in articles for c in chunks):
                raise ValueError("a chunk refers to an unknown article")
            _same_vectors(dense, embeddings)
            sentences = None
            if (gen / "sentences.npy").exists():
                # mapped, not read: at a million chunks they are gigabytes, and a question touches a few rows
                sentences = np.load(gen / "sentences.npy", allow_pickle=False, mmap_mode="r")
                if sentences.shape != (sum(len(c.sentences) for c in chunks), dim):
                    raise ValueError("sentence vectors do not match the chunks")
        except (OSError, ValueError, KeyError, TypeError, RuntimeError, EOFError) as exc:
            raise CorruptIndex(f"index at {index_dir} is corrupt: {exc}") from None
        return cls(manifest, chunks, articles, embeddings, bm25, dense, path=gen, sentences=sentences)

    def save(self, index_dir: str | Path) -> Path:
        """Write this store as a new generation of ``index_dir`` and make it the live one."""
        import faiss

        index_dir = Path(index_dir)
        with write_lock(index_dir):
            name = new_generation_name()
            tmp_dir = index_dir / f".tmp-{name}"
            tmp_dir.mkdir()
            try:
                with open(tmp_dir / "chunks.jsonl", "w", encoding="utf-8") as fh:
                    for chunk in self.chunks:
                        fh.write(json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n")
                pause_point("writing-chunks")
                write_articles(tmp_dir, self.articles)
                np.save(tmp_dir / "embeddings.npy", self.embeddings, allow_pickle=False)
                if self.sentences is not None:
                    np.save(tmp_dir / "sentences.npy", self.sentences, allow_pickle=False)
                faiss.write_index(self.dense, str(tmp_dir / "dense.faiss"))
                (tmp_dir / "bm25.json").write_text(json.dumps(
                    {"k1": self.bm25.k1, "b": self.bm25.b, "tokens": self.bm25.corpus_tokens}), encoding="utf-8")
                write_manifest(tmp_dir, self.manifest)
                self.path = publish_generation(index_dir, tmp_dir, name)
            except BaseException:
                shutil.rmtree(tmp_dir, ignore_errors=True)
                raise
        return self.path


class LocalWriter(ChunkBuffer):
    """Collects chunks and vectors in memory; :meth:`commit` builds FAISS and BM25 and saves them."""

    def __init__(self, index_dir: Path, base: LocalStore | None = None):
        self.index_dir, self.base = index_dir, base
        super().__init__()

    def build(self, manifest: dict, articles: Mapping[str, ArticleMeta]) -> LocalStore:
        """The store in memory, not saved (benchmarks and tests use it as it is)."""
        dim = manifest["model"]["dim"]
        embeddings = np.vstack(self.vectors).astype(np.float32) if self.vectors else np.zeros((0, dim), np.float32)
        # tokenizing is deterministic: reused chunks keep the tokens they were indexed with, untokenized again,
        # unless another version of the tokenizer made them
        same = self.base is not None and self.base.manifest.get("tokenizer", 1) == TOKENIZER_VERSION
        base = self.base if same else ()
        tokens = [self.base.tokens(c.id) if c.id in base else tokenize(c.text) for c in self.chunks]
        sentences = None
        if self.sentences is not None:  # float16: a sentence score needs no more, and it halves the memory
            sentences = (np.vstack(self.sentences) if self.sentences else np.zeros((0, dim))).astype(np.float16)
        return LocalStore(manifest, list(self.chunks), dict(articles), embeddings, BM25Index(tokens),
                          faiss_index(embeddings), sentences=sentences)

    def commit(self, manifest: dict, articles: Mapping[str, ArticleMeta]) -> LocalStore:
        store = self.build(manifest, articles)
        store.save(self.index_dir)
        return store
