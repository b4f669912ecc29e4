"""`rag bench perf`: indexing throughput, query latency at scale, ANN recall, cold start.

Large sizes use synthetic data: texts of words drawn from the bundled corpus's
vocabulary with Zipf-like frequencies, and clustered vectors (points scattered
around random centres, normalized) standing in for embeddings.
"""

from __future__ import annotations

import html
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from .bm25 import BM25Index, tokenize
from .chunking import split_sentences
from .config import Config
from .corpus import load_corpus
from .errors import RagError
from .metrics import percentile
from .store.local import LocalStore, faiss_index
from .types import ArticleMeta, Chunk


def _ms(seconds: list[float]) -> dict:
    values = [s * 1000 for s in seconds]
    return {"p50_ms": round(statistics.median(values), 2), "p95_ms": round(percentile(values, 95), 2)}


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"


# ------------------------------------------------------------ indexing throughput

def distinct_copy(text: str, i: int) -> str:
    """``text`` with every third word marked by ``i``: as long as the original, but no near-copy of it
    (rag.dedup would index a near-copy only once, and the benchmark must embed every copy)."""
    words = re.split(r"(\s+)", text)
    return "".join(f"{w}{i}" if n % 6 == 0 and w.strip() else w for n, w in enumerate(words))


def indexing_throughput(corpus_dir: Path, copies: int, embedder) -> dict:
    """Index ``copies`` copies of the corpus; compare with raw encode of the same chunk texts."""
    from .indexing import build

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for article in load_corpus(corpus_dir):
            for i in range(copies):
                (corpus / f"{i:04d}-{Path(article.source).name}").write_text(
                    f"Copy {i}: {article.meta.title}\n\n{distinct_copy(article.text, i)}", encoding="utf-8")
        config = Config(corpus_dir=corpus, index_dir=Path(tmp) / "index")
        model = embedder.model
        model.encode(["warm up"] * 8)  # load the model outside the timed runs
        runs: dict[str, list[float]] = {"pipeline": [], "without_sentence_vectors": [], "raw": []}
        for _ in range(2):  # alternate the three, so none gains from going later
            for name, kept in (("pipeline", True), ("without_sentence_vectors", False)):
                started = time.perf_counter()
                store = build(config.replace(sentence_vectors=kept), embedder, save=False)
                runs[name].append(time.perf_counter() - started)
            texts = [c.text for c in store.chunks]
            started = time.perf_counter()
            model.encode(texts, batch_size=embedder.batch_size, normalize_embeddings=True, convert_to_numpy=True)
            runs["raw"].append(time.perf_counter() - started)
    s = {name: statistics.median(values) for name, values in runs.items()}
    return {"chunks": len(texts), "pipeline_chunks_per_s": round(len(texts) / s["pipeline"], 1),
            "raw_encode_chunks_per_s": round(len(texts) / s["raw"], 1), "ratio": round(s["raw"] / s["pipeline"], 3),
            "ratio_without_sentence_vectors": round(s["raw"] / s["without_sentence_vectors"], 3),
            "peak_rss_mb": peak_rss_mb()}


# ------------------------------------------------------------ ingestion throughput

PAGE = ("<!doctype html><html><head><title>{title}</title><meta property='article:published_time' content='{date}'>"
        "<meta property='og:site_name' content='Bench Times'></head><body><nav><a href='/'>Home</a> <a href='/w'>"
        "World</a></nav><article><h1>{title}</h1>{body}</article><div class='comments'><p>Comments are closed."
        "</p></div><footer>Copyright Bench Times</footer></body></html>")


def _write_pdf(path: Path, text: str, title: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(str(path), pagesize=A4, title=title).build(
        [Paragraph(html.escape(p), style) for p in text.split("\n") if p.strip()])


def ingestion_throughput(corpus_dir: Path, copies: int, embedder) -> dict:
    """Articles/s for parsing HTML pages and PDFs alone (one process, and load_corpus with its pool),
    and end to end (parse, chunk, embed) for the HTML pages."""
    from .corpus import read_article
    from .indexing import build

    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("html", "pdf"):
            folder = Path(tmp) / kind
            folder.mkdir()
            for article in load_corpus(corpus_dir):
                for i in range(copies):
                    text, title = distinct_copy(article.text, i), f"{article.meta.title} {i}"
                    path = folder / f"{i:04d}-{Path(article.source).stem}.{kind}"
                    if kind == "html":
                        body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
                        path.write_text(PAGE.format(title=html.escape(title), date=article.meta.date or "2025",
                                                    body=body), encoding="utf-8")
                    else:
                        try:
                            _write_pdf(path, text, title)
                        except ImportError:
                            result["pdf"] = "not measured: reportlab (pip install reportlab) makes the PDFs"
                            break
            if kind in result:
                continue
            paths = sorted(folder.iterdir())
            started = time.perf_counter()
            for path in paths:
                read_article(path, path.name)
            alone = time.perf_counter() - started
            started = time.perf_counter()
            load_corpus(folder)
            pooled = time.perf_counter() - started
            result[kind] = {"articles": len(paths), "parse_articles_per_s": round(len(paths) / alone, 1),
                            "load_corpus_articles_per_s": round(len(paths) / pooled, 1)}
        config = Config(corpus_dir=Path(tmp) / "html", index_dir=Path(tmp) / "index")
        started = time.perf_counter()
        build(config, embedder, save=False)
        result["html"]["end_to_end_articles_per_s"] = round(result["html"]["articles"]
                                                            / (time.perf_counter() - started), 2)
    return result


# ------------------------------------------------------------ synthetic index

def synthetic_texts(n: int, vocabulary: list[str], rng, words: int = 90, sentences: int = 6) -> list[str]:
    ranks = np.arange(1, len(vocabulary) + 1)
    p = 1 / ranks
    p /= p.sum()
    per = words // sentences
    vocab = np.asarray(vocabulary, dtype=object)
    texts = []
    for start in range(0, n, 50_000):
        draws = rng.choice(len(vocabulary), size=(min(50_000, n - start), words), p=p).astype(np.int32)
        for row in vocab[draws]:
            texts.append(" ".join(" ".join(row[i:i + per]).capitalize() + "." for i in range(0, words, per)))
    return texts


class ClusteredVectors:
    """Unit vectors scattered around ``clusters`` random centres (cosine to the centre about 0.6)."""

    def __init__(self, dim: int, rng, clusters: int = 2000, spread: float = 1.4):
        self.rng, self.dim, self.spread = rng, dim, spread
        centres = rng.standard_normal((clusters, dim)).astype(np.float32)
        self.centres = centres / np.linalg.norm(centres, axis=1, keepdims=True)

    def sample(self, n: int) -> np.ndarray:
        out = np.empty((n, self.dim), dtype=np.float32)
        for start in range(0, n, 100_000):
            m = min(100_000, n - start)
            noise = self.rng.standard_normal((m, self.dim)).astype(np.float32) * (self.spread / np.sqrt(self.dim))
            v = self.centres[self.rng.integers(0, len(self.centres), m)] + noise
            out[start:start + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
        return out


def synthetic_index(n: int, dim: int, vocabulary: list[str], rng):
    """A local store of ``n`` synthetic chunks, the distribution its vectors came from, and build times."""
    texts = synthetic_texts(n, vocabulary, rng)
    chunks = []
    for i, text in enumerate(texts):
        sentences = tuple((s, e, s, e) for s, e in split_sentences(text))
        chunks.append(Chunk(id=f"{i:016x}", source=f"synthetic-{i // 20}.txt", text=text, start=0, end=len(text),
                            sentences=sentences, n_tokens=0))
    articles = {c.source: ArticleMeta(source=c.source, title=c.source, date="2026-01-01") for c in chunks}
    distribution = ClusteredVectors(dim, rng)
    vectors = distribution.sample(n)
    started = time.perf_counter()
    bm25 = BM25Index([tokenize(t) for t in texts])
    bm25_build = time.perf_counter() - started
    started = time.perf_counter()
    dense = faiss_index(vectors)
    dense_build = time.perf_counter() - started
    # sentence vectors kept at index time, as `rag index` keeps them (float16)
    total = sum(len(c.sentences) for c in chunks)
    sentences = np.empty((total, dim), dtype=np.float16)
    for start in range(0, total, 500_000):  # in blocks: a million chunks have six million sentences
        sentences[start:start + 500_000] = distribution.sample(min(500_000, total - start))
    store = LocalStore({"model": {"dim": dim}}, chunks, articles, vectors, bm25, dense, sentences=sentences)
    return store, distribution, {"bm25_build_s": round(bm25_build, 1), "dense_build_s": round(dense_build, 1),
                   "dense_kind": type(dense).__name__}


def as_qdrant(local: LocalStore, folder: Path):
    """The same chunks, vectors and sentence vectors in a Qdrant collection (local mode in ``folder``)."""
    from .store.qdrant import QdrantStore

    writer = QdrantStore.writer(folder, (None, None, folder / "qdrant"), "perf")
    starts = np.cumsum([0, *(len(c.sentences) for c in local.chunks)])
    writer.add(local.chunks, local.embeddings,
               [local.sentences[starts[i]:starts[i + 1]] for i in range(len(local.chunks))])
    started = time.perf_counter()
    manifest = {"model": {"dim": local.embeddings.shape[1]}, "created": "perf", "sentence_vectors": True,
                "counts": {"chunks": len(local)}}
    store = writer.commit(manifest, local.articles)
    return store, round(time.perf_counter() - started, 1)


def query_latency(n: int, embedder, questions: list[str], vocabulary: list[str], repeats: int = 3,
                  store_kind: str = "local") -> dict:
    from .extractive import ExtractiveGenerator
    from .retrieval import Retriever

    rng = np.random.default_rng(n)
    store, distribution, build = synthetic_index(n, embedder.dim, vocabulary, rng)
    if store_kind == "qdrant":
        folder = Path(tempfile.mkdtemp(prefix="rag-perf-"))
        local, (store, seconds) = store, as_qdrant(store, folder)
        del local
        build = {**build, "dense_kind": "qdrant (local mode)", "qdrant_build_s": seconds}
        repeats = 1  # local mode is slow at scale; one pass over the questions is enough to compare
    retriever = Retriever.from_config(Config(), store, embedder)  # the default settings, as `rag ask` has them
    generator = ExtractiveGenerator.from_config(Config(), store, embedder)
    embedder.encode(questions[:4])
    timings = {"encode": [], "bm25": [], "dense": [], "retrieve": [], "retrieve+answer": [],
               "retrieve+answer, sentences cached": []}
    for _ in range(repeats):
        for q in questions:
            embedder.clear_cache()  # every timing below but the last is for a question never seen before
            t = time.perf_counter()
            vector = embedder.encode([q])[0]
            timings["encode"].append(time.perf_counter() - t)
            t = time.perf_counter()
            store.keyword_search(q, 50)
            timings["bm25"].append(time.perf_counter() - t)
            t = time.perf_counter()
            store.dense_search(vector, 50)
            timings["dense"].append(time.perf_counter() - t)
            embedder.clear_cache()
            generator.clear_cache()  # and the verdicts on sentences, which retrieval shares with the answer
            t = time.perf_counter()
            retriever.retrieve(q, 6)
            timings["retrieve"].append(time.perf_counter() - t)
            embedder.clear_cache()
            generator.clear_cache()  # a new question: the answer pays for its sentence embeddings
            t = time.perf_counter()
            generator.generate(q, retriever.retrieve(q, 6))
            timings["retrieve+answer"].append(time.perf_counter() - t)
            t = time.perf_counter()  # asked again: question and sentence embeddings are cached
            generator.generate(q, retriever.retrieve(q, 6))
            timings["retrieve+answer, sentences cached"].append(time.perf_counter() - t)
    result = {"chunks": n, **build, **{k: _ms(v) for k, v in timings.items() if v}}
    if store_kind == "qdrant":
        result["peak_rss_mb"] = peak_rss_mb()
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        return result
    if type(store.dense).__name__ != "IndexFlatIP":
        result["ann_recall@10"] = ann_recall(store, distribution)
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def ann_recall(store: LocalStore, distribution: ClusteredVectors, queries: int = 500) -> float:
    """recall@10 of the approximate index against exact search, for new points of the same distribution."""
    import faiss

    vectors = store.embeddings
    noisy = distribution.sample(queries)
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    _, truth = exact.search(noisy, 10)
    _, found = store.dense.search(noisy, 10)
    return round(float(np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, found)])), 4)


def ann_recall_real(beir_dir: Path, embedder) -> dict:
    """recall@10 of the IVF settings and of the 16-bit scan on real embeddings: a BEIR corpus and its
    real queries."""
    import faiss

    from .benchmark import cached_embeddings, load_beir

    _, texts, queries, _ = load_beir(beir_dir, "test")
    vectors = cached_embeddings(embedder, texts, progress=False)
    approximate = faiss_index(vectors, ann_threshold=0)  # force IVF, with the sizing used at 1M
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    half = faiss_index(vectors, half_from=0)  # the 16-bit exhaustive scan used from 50k chunks
    q = embedder.encode(list(queries.values()))
    _, truth = exact.search(q, 10)

    def recall(index) -> float:
        found = index.search(q, 10)[1]
        return round(float(np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, found)])), 4)

    return {"documents": len(texts), "queries": len(q), "nlist": approximate.nlist, "nprobe": approximate.nprobe,
            "recall@10": recall(approximate), "half_precision_recall@10": recall(half)}


# ------------------------------------------------------------ cold start

def cold_start(corpus_dir: Path, index_dir: Path, runs: int = 3) -> dict:
    question = "How big was the US goods trade deficit with India in 2024?"
    base = [sys.executable, "-m", "rag", "ask", "--no-build", "--corpus", str(corpus_dir), "--index", str(index_dir)]
    subprocess.run(base[:3] + ["index", "--corpus", str(corpus_dir), "--index", str(index_dir)],
                   capture_output=True, check=True)

    def timed(cmd):
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode:
            raise RagError(f"cold-start run failed: {proc.stderr.strip()[-300:]}")
        return time.perf_counter() - t

    imports = {name: statistics.median(timed([sys.executable, "-c", f"import {name}"]) for _ in range(runs))
               for name in ("torch", "sentence_transformers")}
    torch_config = index_dir.parent / "torch.toml"
    torch_config.write_text('encoder_backend = "torch"\n')
    with_torch = [timed(base + ["--config", str(torch_config), question]) for _ in range(runs)]
    ask = [timed(base + [question]) for _ in range(runs)]
    return {"ask_s_median": round(statistics.median(ask), 2),
            "ask_torch_s_median": round(statistics.median(with_torch), 2),
            **{f"import_{k}_s": round(v, 2) for k, v in imports.items()}}


def run(corpus_dir: Path, sizes: list[int], copies: int, embedder, questions: list[str], progress,
        beir_dir: Path | None = None, store: str = "local") -> dict:
    vocabulary = sorted({w for a in load_corpus(corpus_dir) for w in a.text.lower().split() if w.isalpha()})
    result = {"machine": machine(), "model": embedder.name, "store": store}
    if store == "qdrant":  # indexing, ingestion and cold start do not depend on the store: latency only
        result["latency"] = []
        for n in sizes:
            progress(f"query latency at {n} chunks, Qdrant local mode")
            result["latency"].append(query_latency(n, embedder, questions, vocabulary, store_kind="qdrant"))
        return result
    progress("indexing throughput")
    result["indexing"] = indexing_throughput(corpus_dir, copies, embedder)
    progress("ingestion throughput (HTML, PDF)")
    result["ingestion"] = ingestion_throughput(corpus_dir, copies, embedder)
    result["latency"] = []
    for n in sizes:
        progress(f"query latency at {n} chunks")
        result["latency"].append(query_latency(n, embedder, questions, vocabulary))
    if beir_dir is not None:
        progress("approximate search recall on real embeddings")
        result["ann_real"] = ann_recall_real(beir_dir, embedder)
    progress("cold start")
    with tempfile.TemporaryDirectory() as tmp:
        result["cold_start"] = cold_start(corpus_dir, Path(tmp) / "index")
    return result
