"""Building the store from the corpus: chunk, embed what is new, reuse the rest, commit.

:func:`open_store` holds the one rebuild decision (missing, stale or corrupt ->
build), used by every command; :func:`stale_reasons` holds the one staleness
rule. Only new or changed articles are chunked and embedded; vectors of a build
that was killed come back from its checkpoints.
"""

from __future__ import annotations

import contextlib
import platform
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path

import numpy as np

from .bm25 import TOKENIZER_VERSION
from .chunking import Chunker
from .config import Config
from .corpus import corpus_fingerprint, load_corpus
from .dedup import find_copies
from .embedding import Embedder, export_onnx
from .errors import RagError
from .store import CorruptIndex, Store, load_store, store_writer
from .store.files import Checkpoint, atomic_write, build_lock, pause_point, tidy
from .store.local import FORMAT_VERSION, LocalStore
from .types import Article, ArticleMeta, Chunk

BUILD_CHOICES = ("auto", "never", "always")
# staleness reasons that make the old chunks and vectors unusable (a changed corpus does not)
_INCOMPATIBLE = ("model", "weights", "chunking", "chunk_vectors")  # vectors that cannot be reused


def _stderr(message: str) -> None:
    print(f"rag: {message}", file=sys.stderr)


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


def differences(manifest: dict, config: Config, embedder: Embedder, corpus: bool = True) -> dict[str, str]:
    """What differs between how an index was built and what ``config`` asks for, by kind."""
    found = {}
    model = manifest.get("model", {})
    if model.get("name") != embedder.name:
        found["model"] = f"it was built with model {model.get('name')!r}, not {embedder.name!r}"
    elif model.get("weights_sha256") != embedder.weights_sha256:
        found["weights"] = f"the weights of model {embedder.name!r} changed"
    if manifest.get("chunking") != chunking_settings(config, embedder):
        found["chunking"] = "the chunking settings changed"
    if corpus and manifest.get("corpus") != corpus_fingerprint(config.corpus_dir, config.follow_links):
        found["corpus"] = "the corpus changed"
    if manifest.get("store", "local") != config.store:
        found["store"] = f"it is a {manifest.get('store', 'local')} store, and {config.store} is asked for"
    elif config.store == "qdrant" and manifest.get("qdrant_idf", "bm25okapi") != config.qdrant_idf:
        found["store"] = f"its BM25 IDF is {manifest.get('qdrant_idf')!r}, and {config.qdrant_idf!r} is asked for"
    if manifest.get("tokenizer", 1) != TOKENIZER_VERSION:  # indexes from before the version were version 1
        found["tokenizer"] = "the keyword tokenizer changed"
    if manifest.get("dedup", True) != config.dedup:
        found["dedup"] = f"near-copies are {'collapsed' if config.dedup else 'indexed'} now"
    if bool(manifest.get("sentence_vectors")) != config.sentence_vectors:
        found["sentences"] = f"sentence vectors are {'wanted' if config.sentence_vectors else 'not wanted'} now"
    made = manifest.get("chunk_vectors", "model")  # indexes from before the choice encoded chunks whole
    if made != ("sentences" if config.chunk_vectors_from_sentences else "model"):
        found["chunk_vectors"] = ("its chunk vectors were made from "
                                  f"{'their sentences' if made == 'sentences' else 'the chunks'}")
    return found


def stale_reasons(manifest: dict, config: Config, embedder: Embedder) -> list[str]:
    """Why an index no longer matches the corpus, the model or the chunking settings."""
    return list(differences(manifest, config, embedder).values())


@dataclass
class Plan:
    """What a build will hold: every chunk in corpus order, with a vector where one can be reused."""

    articles: list[Article]
    chunks: list[Chunk]
    vectors: list[np.ndarray | None]
    removed: list[str]
    sentences: list[np.ndarray | None] | None = None  # per chunk, its sentences' vectors (None: not kept)
    from_sentences: bool = False  # chunk vectors are the mean of their sentences' (Config.chunk_vectors)

    @property
    def todo(self) -> list[int]:
        return [i for i, v in enumerate(self.vectors) if v is None]

    @property
    def sentences_todo(self) -> list[int]:
        return [i for i, v in enumerate(self.sentences or ()) if v is None]


def plan(config: Config, embedder: Embedder, articles: list[Article], previous: Store | None,
         progress: bool = False) -> Plan:
    """Chunk new and changed articles; take unchanged ones' chunks and vectors from ``previous``.

    Near-copies of another article (rag.dedup) are kept with ``copy_of`` set and not chunked.
    """
    copies = find_copies(articles) if config.dedup else {}
    articles = [replace(a, meta=replace(a.meta, copy_of=copies.get(a.source))) for a in articles]
    chunker = Chunker(config.chunk_tokens, config.chunk_overlap, config.encoding,
                      model_tokens=embedder.count_tokens, model_limit=embedder.max_tokens)
    usable = previous is not None and not set(_INCOMPATIBLE) & set(
        differences(previous.manifest, config, embedder, corpus=False))
    unchanged = {a.source for a in articles if usable and a.source in previous.articles
                 and previous.articles[a.source].sha256 == a.meta.sha256
                 and previous.articles[a.source].copy_of is None}  # a former copy has no chunks to reuse
    from tqdm import tqdm

    chunks, vectors, sentences, seen = [], [], [], set()
    for article in tqdm(articles, desc="chunking", unit="article", disable=not progress or len(articles) < 2):
        if article.meta.copy_of:
            continue
        reused = article.source in unchanged
        new = previous.chunks_of(article.source) if reused else chunker.split(article)
        fresh = [c for c in new if c.id not in seen]  # a chunk repeated word for word is indexed once
        seen.update(c.id for c in fresh)
        chunks += fresh
        vectors += list(previous.vectors([c.id for c in fresh])) if reused and fresh else [None] * len(fresh)
        sentences += [previous.sentence_vectors(c.id) if reused else None for c in fresh]
    removed = sorted(set(previous.articles) - {a.source for a in articles}) if previous is not None else []
    return Plan(articles, chunks, vectors, removed, sentences if config.sentence_vectors else None,
                config.chunk_vectors_from_sentences)


def _sentence_vectors(embedder: Embedder, chunks: Sequence[Chunk]) -> list[np.ndarray]:
    """Each chunk's sentences encoded on their own (a sentence in two overlapping chunks once)."""
    texts = list(dict.fromkeys(c.sentence(i) for c in chunks for i in range(len(c.sentences))))
    encoded = dict(zip(texts, embedder.encode(texts))) if texts else {}
    return [np.vstack([encoded[c.sentence(i)] for i in range(len(c.sentences))]) for c in chunks]


# chunks embedded in one model call, between moves of the progress bar: the model sorts a call's texts
# by length before batching, so larger calls pad less (64 chunks a call cost a sixth more time)
PROGRESS_EVERY = 256


def _embed(plan: Plan, embedder: Embedder, positions: Sequence[int]) -> None:
    """Embed the chunks at ``positions`` that lack a vector, and their sentences when kept."""
    if plan.sentences is not None:
        lacking = [i for i in positions if plan.sentences[i] is None]
        for i, vectors in zip(lacking, _sentence_vectors(embedder, [plan.chunks[i] for i in lacking])):
            plan.sentences[i] = vectors
    need = [i for i in positions if plan.vectors[i] is None]
    if plan.from_sentences:  # the sentences' vectors are all there now
        for i in need:
            plan.vectors[i] = mean_vector(plan.sentences[i])
    else:
        for i, vector in zip(need, embedder.encode([plan.chunks[i].text for i in need]) if need else []):
            plan.vectors[i] = vector


def mean_vector(sentences: np.ndarray) -> np.ndarray:
    """A chunk's vector made from its sentences' vectors: their mean, normalized. With the best
    sentence mixed into the hybrid ranking it retrieves as well as the chunk encoded whole (README),
    and it saves a second model pass over the same text."""
    mean = np.asarray(sentences, dtype=np.float32).mean(axis=0)
    return (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)


def embed_missing(plan: Plan, embedder: Embedder, checkpoint: Checkpoint, step: int, progress: bool) -> float:
    """Fill in every missing vector (and sentence vectors, when kept), from the checkpoint or the
    model; seconds spent embedding."""
    from tqdm import tqdm

    for i, chunk in enumerate(plan.chunks):
        if plan.vectors[i] is None and chunk.id in checkpoint.saved:
            plan.vectors[i] = checkpoint.saved[chunk.id]
        if plan.sentences is not None and plan.sentences[i] is None and chunk.id in checkpoint.saved_sentences:
            plan.sentences[i] = checkpoint.saved_sentences[chunk.id]
    todo = sorted(set(plan.todo) | set(plan.sentences_todo))
    started = time.perf_counter()
    bar = tqdm(total=len(todo), desc="embedding", unit="chunk", disable=not progress or not todo)
    for begin in range(0, len(todo), max(1, step)):
        batch = todo[begin:begin + max(1, step)]
        for small in range(0, len(batch), PROGRESS_EVERY):  # the bar moves within a checkpoint's batch
            _embed(plan, embedder, batch[small:small + PROGRESS_EVERY])
            bar.update(len(batch[small:small + PROGRESS_EVERY]))
        checkpoint.save([plan.chunks[i].id for i in batch], np.vstack([plan.vectors[i] for i in batch]),
                        [plan.sentences[i] for i in batch] if plan.sentences is not None else ())
        pause_point("embedding")
    bar.close()
    return time.perf_counter() - started


def manifest_for(config: Config, embedder: Embedder, plan: Plan, embedded: int, seconds: float, dim: int) -> dict:
    return {
        "format": FORMAT_VERSION,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "model": {"name": embedder.name, "weights_sha256": embedder.weights_sha256, "dim": int(dim)},
        "chunking": chunking_settings(config, embedder),
        "sentence_vectors": plan.sentences is not None,
        "chunk_vectors": "sentences" if plan.from_sentences else "model",
        "dedup": config.dedup,
        "store": config.store,
        "tokenizer": TOKENIZER_VERSION,
        "corpus": corpus_fingerprint(config.corpus_dir, config.follow_links),
        "libraries": _versions(),
        "counts": {"articles": len(plan.articles), "chunks": len(plan.chunks), "embedded": embedded,
                   "reused": len(plan.chunks) - embedded, "removed_articles": len(plan.removed)},
        "embedding_seconds": round(seconds, 3),
    }


def build(config: Config, embedder: Embedder, previous: Store | None = None, articles: Sequence[Article] | None = None,
          progress: bool = False, log: Callable[[str], None] | None = None, save: bool = True) -> Store:
    """Bring the store up to date with the corpus, embedding only what is new; commit it when ``save``."""
    if articles is None:
        articles = load_corpus(config.corpus_dir, max_bytes=config.max_article_bytes,
                               follow_links=config.follow_links, progress=progress)
    articles = list(articles)
    if previous is not None and save:
        try:  # its vectors are copied into the new generation: they must be the ones it wrote
            previous.verify()
        except CorruptIndex as exc:
            (log or _stderr)(f"{exc}; building from scratch")
            previous = None
    work = plan(config, embedder, articles, previous, progress)
    articles = work.articles  # with copies marked
    checkpoint = Checkpoint(config.index_dir if save else None, embedder.weights_sha256)
    waiting = sum(1 for i in work.todo if work.chunks[i].id not in checkpoint.saved)
    copies = sum(1 for a in articles if a.meta.copy_of)
    if log:
        log(f"{len(articles)} articles" + (f" ({copies} near-copies of others, not indexed)" if copies else "")
            + f", {len(work.chunks)} chunks: embedding {waiting}, "
            f"reusing {len(work.chunks) - waiting}"
            + (f", dropping {len(work.removed)} deleted article(s)" if work.removed else ""))
    seconds = embed_missing(work, embedder, checkpoint, config.checkpoint_every, progress)
    dim = len(work.vectors[0]) if work.vectors else embedder.dim
    manifest = manifest_for(config, embedder, work, waiting, seconds, dim)
    vectors = np.vstack(work.vectors) if work.vectors else np.zeros((0, dim), np.float32)
    articles_meta = {a.source: a.meta for a in articles}
    local = not save  # in memory only: always the local store (benchmarks, tests)
    writer = LocalStore.writer(config.index_dir, previous) if local else store_writer(config, previous)
    writer.add(work.chunks, vectors, work.sentences)
    if local:
        return writer.build(manifest, articles_meta)
    store = writer.commit(manifest, articles_meta)
    save_texts(config.index_dir, articles)
    checkpoint.clear()
    if embedder.backend != "torch" and embedder.onnx is None:
        export_onnx(embedder)  # later processes answer without importing torch
    return store


TEXTS_DIR = "texts"  # the original text of every article, so a quote can be shown in its article


def save_texts(index_dir: Path, articles: Sequence[Article]) -> None:
    """Keep each article's original text (what citation offsets point into) beside the index, named by
    the article's hash; texts no article names any more are dropped."""
    folder = Path(index_dir) / TEXTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {}
    for article in articles:
        if article.original and article.meta.sha256:
            wanted[f"{article.meta.sha256}.txt"] = article
    for name, article in wanted.items():
        if not (folder / name).exists():
            # bytes, not text mode: a "\r\n" must survive, or every offset after it would shift
            atomic_write(folder / name, lambda f, a=article: f.write(a.original.encode("utf-8")), binary=True)
    for path in folder.glob("*.txt"):
        if path.name not in wanted:
            path.unlink(missing_ok=True)


def article_text(index_dir: Path, meta: ArticleMeta) -> str | None:
    """The original text of an indexed article, as kept by :func:`save_texts`; None when not kept."""
    if not re.fullmatch(r"[0-9a-f]{64}", meta.sha256 or ""):
        return None
    try:
        return (Path(index_dir) / TEXTS_DIR / f"{meta.sha256}.txt").read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def open_store(config: Config, embedder: Embedder, build_mode: str = "auto", progress: bool = False,
               log: Callable[[str], None] = _stderr) -> Store:
    """The store for ``config``, built or rebuilt as needed.

    ``build_mode`` is ``"auto"`` (build when missing, stale or corrupt), ``"never"``
    (a clear error instead) or ``"always"``.
    """
    store, problem = current(config, embedder) if build_mode != "always" else (None, None)
    if store is not None and problem is None:
        embedder.ensure_export(log)
        return store
    if build_mode == "never":
        raise RagError(f"{problem} (run `rag index` to build it)")
    with build_lock(config.index_dir, log):
        if build_mode != "always":  # another process may have built it while this one waited
            store, problem = current(config, embedder)
            if store is not None and problem is None:
                return store
        if problem:
            log(f"{problem}; {'updating' if store is not None else 'building'} it")
        return build(config, embedder, previous=store, progress=progress, log=log)


def current(config: Config, embedder: Embedder) -> tuple[Store | None, str | None]:
    """The live store (None when missing or corrupt) and what is wrong with it (None when nothing)."""
    try:
        store = load_store(config)
    except CorruptIndex as exc:
        return None, str(exc)
    if store is None:
        return None, f"no index at {config.index_dir}"
    reasons = stale_reasons(store.manifest, config, embedder)
    return store, (f"index at {config.index_dir} is out of date: " + "; ".join(reasons)) if reasons else None


def index_corpus(config: Config, embedder: Embedder, force: bool = False, verify: bool = False,
                 log: Callable[[str], None] = _stderr) -> tuple[Store, bool]:
    """`rag index`: the store, and whether anything had to be built. With ``verify``, every file of
    an up-to-date index is hashed against the manifest first (a mismatch is a CorruptIndex)."""
    store, problem = current(config, embedder)
    if verify:  # a check: report what is wrong, and leave the repair to a plain `rag index`
        if store is None and problem and not problem.startswith("no index"):
            raise CorruptIndex(f"{problem} (run `rag index` to rebuild it)")
        if store is not None:
            store.verify()
    if store is not None and problem is None and not force:
        tidy(config.index_dir)
        return store, False
    with build_lock(config.index_dir, log):
        if not force:  # another process may have built it while this one waited
            store, problem = current(config, embedder)
            if store is not None and problem is None:
                return store, False
        if store is None and problem and not problem.startswith("no index"):
            log(f"{problem}; rebuilding")
        return build(config, embedder, previous=None if force else store, progress=True,
                     log=lambda m: print(m, file=sys.stderr)), True

