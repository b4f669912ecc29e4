"""Building, saving and loading the dense and BM25 indexes as one directory.

Layout of the index directory::

    CURRENT            name of the live generation, replaced atomically
    gen-<id>/          one complete index: manifest.json, chunks.jsonl,
                       articles.json, embeddings.npy, dense.faiss, bm25.json

A build writes a whole new generation, then swaps ``CURRENT``; a crash at any
moment leaves the previous generation live. Nothing is pickled.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import platform
import shutil
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import numpy as np

from .bm25 import BM25Index, tokenize
from .chunking import Chunk, Chunker
from .config import Config
from .corpus import Article, ArticleMeta, corpus_fingerprint, load_corpus
from .embedding import Embedder
from .errors import RagError

FORMAT_VERSION = 1
CURRENT = "CURRENT"
FILES = ("manifest.json", "chunks.jsonl", "articles.json", "embeddings.npy", "dense.faiss", "bm25.json")


class CorruptIndex(RagError):
    """The index directory exists but cannot be read back."""


@dataclass
class Index:
    manifest: dict
    chunks: list[Chunk]
    articles: dict[str, ArticleMeta]
    embeddings: np.ndarray
    bm25: BM25Index
    faiss: object
    path: Path | None = None

    def __len__(self) -> int:
        return len(self.chunks)


def _versions() -> dict:
    names = ("sentence-transformers", "faiss-cpu", "rank-bm25", "tiktoken", "torch", "numpy")
    found = {}
    for name in names:
        with contextlib.suppress(metadata.PackageNotFoundError):
            found[name] = metadata.version(name)
    found["python"] = platform.python_version()
    return found


def chunking_settings(config: Config, embedder: Embedder) -> dict:
    return {"chunk_tokens": config.chunk_tokens, "chunk_overlap": config.chunk_overlap,
            "encoding": config.encoding, "model_max_tokens": embedder.max_tokens}


def model_record(embedder: Embedder) -> dict:
    return {"name": embedder.name, "weights_sha256": embedder.weights_sha256}


# From this many vectors on, an approximate index (IVF) replaces exact search.
ANN_THRESHOLD = 200_000


def faiss_index(embeddings: np.ndarray, ann_threshold: int = ANN_THRESHOLD):
    """Exact inner-product search for up to ``ann_threshold`` vectors, IVF above.

    The IVF index has about 4*sqrt(n) lists and probes a sixth of them, which kept
    recall@10 against exact search above 0.95 in `rag bench perf` (BENCHMARKS.md).
    """
    import faiss

    n, dim = embeddings.shape
    if n < ann_threshold:
        index = faiss.IndexFlatIP(dim)
    else:
        nlist = int(4 * np.sqrt(n))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
        sample = embeddings[np.random.default_rng(0).choice(n, size=min(n, 40 * nlist), replace=False)]
        index.train(sample)
        index.nprobe = max(32, nlist // 6)
    if n:
        index.add(embeddings)
    return index


def pause_point(name: str) -> None:
    """Test hook: with RAG_PAUSE_AT=name the indexer stops here so a test can kill it."""
    if os.environ.get("RAG_PAUSE_AT") == name:
        print(f"rag: paused at {name}", file=sys.stderr, flush=True)
        time.sleep(3600)


def compatible(manifest: dict, config: Config, embedder: Embedder) -> bool:
    """Whether an index's chunks and vectors can be reused: same model, weights and chunking."""
    model = manifest.get("model", {})
    return (model.get("name") == embedder.name and model.get("weights_sha256") == embedder.weights_sha256
            and manifest.get("chunking") == chunking_settings(config, embedder))


class _Checkpoint:
    """Embeddings of a build in progress, saved batch by batch so a killed build resumes."""

    def __init__(self, directory: Path | None, model_sha: str):
        self.directory = directory / ".pending" if directory else None
        self.model_sha = model_sha
        self.saved: dict[str, np.ndarray] = {}
        if self.directory and self.directory.is_dir():
            for meta in self.directory.glob("*.json"):
                with contextlib.suppress(OSError, ValueError, KeyError):
                    info = json.loads(meta.read_text(encoding="utf-8"))
                    if info["model"] != model_sha:
                        continue
                    vectors = np.load(meta.with_suffix(".npy"), allow_pickle=False)
                    if len(vectors) == len(info["ids"]):
                        self.saved.update(zip(info["ids"], vectors))

    def save(self, ids: list[str], vectors: np.ndarray) -> None:
        if not self.directory:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        name = uuid.uuid4().hex[:12]
        atomic_write(self.directory / f"{name}.npy", lambda fh: np.save(fh, vectors, allow_pickle=False), binary=True)
        atomic_write(self.directory / f"{name}.json", lambda fh: json.dump({"model": self.model_sha, "ids": ids}, fh))

    def clear(self) -> None:
        if self.directory:
            shutil.rmtree(self.directory, ignore_errors=True)


def build_index(
    config: Config, embedder: Embedder, articles: list[Article] | None = None,
    progress: bool = False, log: Callable[[str], None] | None = None,
    previous: Index | None = None, checkpoint_dir: Path | None = None,
) -> Index:
    """Chunk, embed and index the corpus in memory.

    With a ``previous`` index built with the same model and chunking, articles
    whose file is unchanged keep their chunks and vectors: only new or changed
    articles are chunked and embedded, and deleted ones drop out.
    """
    articles = articles if articles is not None else load_corpus(config.corpus_dir)
    chunker = Chunker(config.chunk_tokens, config.chunk_overlap, config.encoding,
                      model_tokens=embedder.count_tokens, model_limit=embedder.max_tokens)
    reusable: dict[str, list[int]] = {}
    if previous is not None and compatible(previous.manifest, config, embedder):
        unchanged = {a.source for a in articles
                     if a.source in previous.articles and previous.articles[a.source].sha256 == a.meta.sha256}
        for position, chunk in enumerate(previous.chunks):
            if chunk.source in unchanged:
                reusable.setdefault(chunk.source, []).append(position)
    chunks: list[Chunk] = []
    tokens: list[list[str]] = []
    vectors: list[np.ndarray | None] = []
    seen = set()
    for article in articles:
        if article.source in reusable:
            for position in reusable[article.source]:
                chunk = previous.chunks[position]
                if chunk.id not in seen:
                    seen.add(chunk.id)
                    chunks.append(chunk)
                    tokens.append(previous.bm25.corpus_tokens[position])
                    vectors.append(previous.embeddings[position])
            continue
        for chunk in chunker.split(article):
            if chunk.id not in seen:  # a chunk repeated word for word is indexed once
                seen.add(chunk.id)
                chunks.append(chunk)
                tokens.append(tokenize(chunk.text))
                vectors.append(None)
    todo = [i for i, v in enumerate(vectors) if v is None]
    checkpoint = _Checkpoint(checkpoint_dir, embedder.weights_sha256)
    for i in todo:
        if chunks[i].id in checkpoint.saved:
            vectors[i] = checkpoint.saved[chunks[i].id]
    todo = [i for i in todo if vectors[i] is None]
    removed = sorted(set(previous.articles) - {a.source for a in articles}) if previous is not None else []
    if log:
        reused = len(chunks) - len(todo)
        log(f"{len(articles)} articles, {len(chunks)} chunks: embedding {len(todo)}, reusing {reused}"
            + (f", dropping {len(removed)} deleted article(s)" if removed else ""))
    started = time.perf_counter()
    step = max(1, config.checkpoint_every)
    bar = _progress(len(todo), progress)
    for begin in range(0, len(todo), step):
        batch = todo[begin:begin + step]
        encoded = embedder.encode([chunks[i].text for i in batch])
        for i, vector in zip(batch, encoded):
            vectors[i] = vector
        checkpoint.save([chunks[i].id for i in batch], encoded)
        bar.update(len(batch))
        pause_point("embedding")
    bar.close()
    seconds = time.perf_counter() - started
    dim = embedder.dim if not vectors else len(vectors[0])
    embeddings = np.vstack(vectors).astype(np.float32) if vectors else np.zeros((0, dim), dtype=np.float32)
    manifest = {
        "format": FORMAT_VERSION,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "model": {**model_record(embedder), "dim": int(embeddings.shape[1])},
        "chunking": chunking_settings(config, embedder),
        "corpus": corpus_fingerprint(config.corpus_dir),
        "libraries": _versions(),
        "counts": {"articles": len(articles), "chunks": len(chunks), "embedded": len(todo),
                   "reused": len(chunks) - len(todo), "removed_articles": len(removed)},
        "embedding_seconds": round(seconds, 3),
    }
    index = Index(
        manifest=manifest, chunks=chunks, articles={a.source: a.meta for a in articles},
        embeddings=embeddings, bm25=BM25Index(tokens), faiss=faiss_index(embeddings),
    )
    index.checkpoint = checkpoint
    return index


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc="embedding", unit="chunk", disable=not enabled or total == 0)


# ---------------------------------------------------------------- persistence

def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: Path, write: Callable[[object], None], binary: bool = False) -> None:
    """Write through a temporary file in the same directory, then rename over ``path``."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _fsync_dir(path.parent)


@contextlib.contextmanager
def write_lock(index_dir: Path):
    """One writer at a time per index directory."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def save_index(index: Index, index_dir: str | Path) -> Path:
    """Write ``index`` as a new generation and make it the live one."""
    import faiss

    index_dir = Path(index_dir)
    with write_lock(index_dir):
        name = f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
        tmp_dir = index_dir / f".tmp-{name}"
        tmp_dir.mkdir()
        try:
            with open(tmp_dir / "chunks.jsonl", "w", encoding="utf-8") as fh:
                for chunk in index.chunks:
                    fh.write(json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n")
            pause_point("writing-chunks")
            (tmp_dir / "articles.json").write_text(json.dumps(
                {s: m.to_dict() for s, m in index.articles.items()}, ensure_ascii=False, indent=1), encoding="utf-8")
            np.save(tmp_dir / "embeddings.npy", index.embeddings, allow_pickle=False)
            faiss.write_index(index.faiss, str(tmp_dir / "dense.faiss"))
            (tmp_dir / "bm25.json").write_text(json.dumps(
                {"k1": index.bm25.k1, "b": index.bm25.b, "tokens": index.bm25.corpus_tokens}), encoding="utf-8")
            # the manifest goes last: a generation without one is incomplete
            (tmp_dir / "manifest.json").write_text(json.dumps(index.manifest, indent=1), encoding="utf-8")
            for file in tmp_dir.iterdir():
                with open(file, "rb") as fh:
                    os.fsync(fh.fileno())
            _fsync_dir(tmp_dir)
            pause_point("writing")
            final = index_dir / name
            os.rename(tmp_dir, final)
            _fsync_dir(index_dir)
            pause_point("swapping")
        except BaseException:
            shutil.rmtree(tmp_dir, ignore_errors=True)
            raise
        atomic_write(index_dir / CURRENT, lambda fh: fh.write(name + "\n"))
        pause_point("cleanup")
        _remove_old_generations(index_dir, keep=name)
        checkpoint = getattr(index, "checkpoint", None)
        if checkpoint is not None:
            checkpoint.clear()
    index.path = final
    return final


def _remove_old_generations(index_dir: Path, keep: str) -> None:
    for entry in index_dir.iterdir():
        if entry.is_dir() and entry.name != keep and (entry.name.startswith("gen-") or entry.name.startswith(".tmp-")):
            shutil.rmtree(entry, ignore_errors=True)


def tidy(index_dir: str | Path) -> None:
    """Remove what a killed build left behind: old generations, half-written ones, checkpoints."""
    index_dir = Path(index_dir)
    live = current_generation(index_dir)
    if live is None:
        return
    with write_lock(index_dir):
        _remove_old_generations(index_dir, keep=live.name)
        shutil.rmtree(index_dir / ".pending", ignore_errors=True)


def current_generation(index_dir: str | Path) -> Path | None:
    """The live generation's directory, or None when there is no index yet."""
    index_dir = Path(index_dir)
    try:
        name = (index_dir / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise CorruptIndex(f"index at {index_dir} is unreadable: {exc}") from None
    if not name.startswith("gen-") or "/" in name:
        raise CorruptIndex(f"index at {index_dir} is corrupt: bad {CURRENT} file")
    return index_dir / name


def read_manifest(index_dir: str | Path) -> dict | None:
    gen = current_generation(index_dir)
    if gen is None:
        return None
    try:
        return json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorruptIndex(f"index at {index_dir} is corrupt: manifest unreadable ({exc})") from None


def load_index(index_dir: str | Path) -> Index | None:
    """Read the live generation back; None when there is none. Raises CorruptIndex."""
    import faiss

    gen = current_generation(index_dir)
    if gen is None:
        return None
    try:
        manifest = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT_VERSION:
            raise ValueError(f"format {manifest.get('format')!r}, expected {FORMAT_VERSION}")
        with open(gen / "chunks.jsonl", encoding="utf-8") as fh:
            chunks = [Chunk.from_dict(json.loads(line)) for line in fh if line.strip()]
        articles = {s: ArticleMeta.from_dict(m) for s, m in
                    json.loads((gen / "articles.json").read_text(encoding="utf-8")).items()}
        embeddings = np.load(gen / "embeddings.npy", allow_pickle=False)
        dense = faiss.read_index(str(gen / "dense.faiss"))
        bm25_data = json.loads((gen / "bm25.json").read_text(encoding="utf-8"))
        bm25 = BM25Index(bm25_data["tokens"], k1=bm25_data["k1"], b=bm25_data["b"])
        if not (len(chunks) == len(embeddings) == dense.ntotal == len(bm25)):
            raise ValueError("chunk, embedding and index counts differ")
        if embeddings.ndim != 2 or embeddings.shape[1] != manifest["model"]["dim"] or dense.d != embeddings.shape[1]:
            raise ValueError("embedding dimension does not match the manifest")
        if any(c.source not in articles for c in chunks):
            raise ValueError("a chunk refers to an unknown article")
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise CorruptIndex(f"index at {index_dir} is corrupt: {exc}") from None
    return Index(manifest, chunks, articles, embeddings, bm25, dense, path=gen)


def stale_reasons(manifest: dict, config: Config, embedder: Embedder) -> list[str]:
    """Why an index no longer matches the corpus, the model or the chunking settings."""
    reasons = []
    model = manifest.get("model", {})
    if model.get("name") != embedder.name:
        reasons.append(f"it was built with model {model.get('name')!r}, not {embedder.name!r}")
    elif model.get("weights_sha256") != embedder.weights_sha256:
        reasons.append(f"the weights of model {embedder.name!r} changed")
    if manifest.get("chunking") != chunking_settings(config, embedder):
        reasons.append("the chunking settings changed")
    if manifest.get("corpus") != corpus_fingerprint(config.corpus_dir):
        reasons.append("the corpus changed")
    return reasons


def _stderr(message: str) -> None:
    print(f"rag: {message}", file=sys.stderr)


def open_index(
    config: Config, embedder: Embedder, build: str = "auto",
    progress: bool = False, log: Callable[[str], None] = _stderr,
) -> Index:
    """The index for ``config``, built or rebuilt as needed.

    ``build`` is ``"auto"`` (build when missing, stale or corrupt), ``"never"``
    (a clear error instead) or ``"always"``.
    """
    if build not in ("auto", "never", "always"):
        raise ValueError(build)
    index, problem = None, None
    if build != "always":
        try:
            index = load_index(config.index_dir)
            if index is None:
                problem = f"no index at {config.index_dir}"
            else:
                reasons = stale_reasons(index.manifest, config, embedder)
                if reasons:
                    problem = f"index at {config.index_dir} is out of date: " + "; ".join(reasons)
        except CorruptIndex as exc:
            problem = str(exc)
    if index is not None and problem is None:
        return index
    if build == "never":
        raise RagError(f"{problem} (run `rag index` to build it)")
    if problem:
        log(f"{problem}; {'updating' if index is not None else 'building'} it")
    return update_index(config, embedder, previous=index if build != "always" else None,
                        progress=progress, log=log)


def update_index(config: Config, embedder: Embedder, previous: Index | None = None,
                 progress: bool = False, log: Callable[[str], None] | None = None) -> Index:
    """Bring the index up to date with the corpus, embedding only what is new, and save it."""
    index = build_index(config, embedder, progress=progress, log=log, previous=previous,
                        checkpoint_dir=Path(config.index_dir))
    save_index(index, config.index_dir)
    if embedder.backend != "torch" and embedder.onnx is None:
        from .embedding import export_onnx

        export_onnx(embedder)  # later processes answer without importing torch
    return index
