"""Retrieval benchmark on any dataset in BEIR format.

Documents are indexed whole (``title + " " + text``, as BEIR does), with the
project's BM25 tokenizer, its dense model and its fusion; with a sentence weight,
each document's sentences are embedded too and the hybrid ranking is mixed with
its best sentence, as the retriever does with the vectors kept at index time.
Metrics come from pytrec_eval, the Python binding of trec_eval that BEIR uses.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .bm25 import BM25Index, tokenize
from .embedding import cache_dir
from .errors import RagError
from .fusion import convex_fusion, reciprocal_rank_fusion, with_best_sentence
from .store.files import atomic_write

DEPTH = 100


def load_beir(directory: str | Path, split: str = "test"):
    """(doc ids, doc texts, {query id: text}, qrels) of a BEIR dataset directory."""
    directory = Path(directory)
    corpus_path, queries_path, qrels_path = (directory / "corpus.jsonl", directory / "queries.jsonl",
                                             directory / "qrels" / f"{split}.tsv")
    for path in (corpus_path, queries_path, qrels_path):
        if not path.is_file():
            raise RagError(f"not a BEIR dataset: {path} is missing")
    ids, texts = [], []
    try:
        with open(corpus_path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    doc = json.loads(line)
                    ids.append(str(doc["_id"]))
                    texts.append(f"{doc.get('title', '')} {doc.get('text', '')}".strip())
        with open(queries_path, encoding="utf-8") as fh:
            queries = {str(q["_id"]): q["text"] for q in map(json.loads, filter(str.strip, fh))}
        qrels: dict[str, dict[str, int]] = {}
        with open(qrels_path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                qrels.setdefault(str(row["query-id"]), {})[str(row["corpus-id"])] = int(row["score"])
    except (ValueError, KeyError, UnicodeDecodeError) as exc:
        raise RagError(f"cannot read BEIR dataset {directory}: {exc}") from None
    queries = {q: queries[q] for q in qrels if q in queries}
    return ids, texts, queries, qrels


def cached_embeddings(embedder, texts: Sequence[str], progress: bool = True) -> np.ndarray:
    """Embed ``texts``, reusing a copy on disk keyed by the model's weights and the texts."""
    digest = hashlib.sha256(embedder.weights_sha256.encode())
    for text in texts:
        digest.update(hashlib.sha256(text.encode("utf-8")).digest())
    path = cache_dir() / "embeddings" / f"{digest.hexdigest()[:32]}.npy"
    if path.exists():
        with open(path, "rb") as fh:
            vectors = np.load(fh, allow_pickle=False)
        if vectors.shape[0] == len(texts):
            return vectors
    vectors = embedder.encode(list(texts), progress=progress)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, lambda fh: np.save(fh, vectors, allow_pickle=False), binary=True)
    return vectors


def evaluate_run(qrels: dict, run: dict) -> dict:
    """nDCG@10, Recall@100 and MRR@10 (trec_eval's recip_rank over the top 10), averaged."""
    import pytrec_eval

    top10 = {q: dict(sorted(docs.items(), key=lambda d: -d[1])[:10]) for q, docs in run.items()}
    full = pytrec_eval.RelevanceEvaluator(qrels, {"ndcg_cut.10", "recall.100"}).evaluate(run)
    cut = pytrec_eval.RelevanceEvaluator(qrels, {"recip_rank"}).evaluate(top10)
    n = len(qrels)
    # queries the run never returned count as zero, as in BEIR
    return {
        "ndcg@10": round(sum(full.get(q, {}).get("ndcg_cut_10", 0.0) for q in qrels) / n, 4),
        "recall@100": round(sum(full.get(q, {}).get("recall_100", 0.0) for q in qrels) / n, 4),
        "mrr@10": round(sum(cut.get(q, {}).get("recip_rank", 0.0) for q in qrels) / n, 4),
    }


def sentence_embeddings(embedder, texts: Sequence[str], progress: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Every document's sentences embedded (cached like the documents), and where each document's
    rows start: document ``d`` has rows ``starts[d]:starts[d + 1]``."""
    from .chunking import split_sentences

    sentences, starts = [], [0]
    for text in texts:
        sentences += [text[a:b] for a, b in split_sentences(text)] or [text]
        starts.append(len(sentences))
    return cached_embeddings(embedder, sentences, progress), np.asarray(starts)


def best_sentences(ranked: dict, sentences: tuple[np.ndarray, np.ndarray]) -> dict:
    """Per query, {doc position: the similarity of the document's best sentence to the query}, for
    the documents either ranking found (``ranked`` from :func:`rankings`)."""
    vectors, starts = sentences
    best = {}
    for q, r in ranked.items():
        docs = {d for d, _ in r["dense"]} | {d for d, _ in r["bm25"]}
        best[q] = {d: float((vectors[starts[d]:starts[d + 1]] @ r["query"]).max()) for d in docs}
    return best


def document_vectors(embedder, texts: Sequence[str], sentences=None, progress: bool = True) -> np.ndarray:
    """The documents' vectors as the index makes chunk vectors: with ``sentences`` (see
    :func:`sentence_embeddings`), each the mean of its sentences' (``chunk_vectors = "sentences"``);
    otherwise each text encoded whole."""
    if sentences is None:
        return cached_embeddings(embedder, texts, progress)
    from .indexing import mean_vector

    vectors, starts = sentences
    return np.vstack([mean_vector(vectors[starts[d]:starts[d + 1]]) for d in range(len(texts))])


def rankings(ids, texts, queries, embedder, doc_vectors: np.ndarray):
    """Per query: the dense (over ``doc_vectors``, see :func:`document_vectors`) and BM25 top-``DEPTH``
    (doc position, score) lists, and its vector."""
    import faiss

    index = faiss.IndexFlatIP(doc_vectors.shape[1])
    index.add(doc_vectors)
    qids = list(queries)
    q_vectors = embedder.encode([queries[q] for q in qids])
    scores, positions = index.search(q_vectors, DEPTH)
    bm25 = BM25Index([tokenize(t) for t in texts])
    result = {}
    for i, q in enumerate(qids):
        b_ids, b_scores = bm25.search(queries[q], DEPTH)
        # FAISS pads a list shorter than DEPTH with position -1, which is no document
        result[q] = {"dense": [(d, s) for d, s in zip(positions[i].tolist(), scores[i].tolist()) if d >= 0],
                     "bm25": list(zip(b_ids.tolist(), b_scores.tolist())), "query": q_vectors[i]}
    return result


def qdrant_rankings(ids, texts, queries, embedder, doc_vectors: np.ndarray, folder: Path,
                    fusion=("rrf", 60, (1.0, 1.0))):
    """As :func:`rankings`, from a Qdrant collection (local mode in ``folder``) built by the Qdrant store's
    own writer; each query's server-fused hybrid ranking comes too, under ``"server"``."""
    from .store.qdrant import QdrantStore
    from .types import ArticleMeta, Chunk

    location = (None, None, folder / "qdrant")
    writer = QdrantStore.writer(folder, location, "beir")
    writer.add([Chunk(id=f"{i:016x}", source=ids[i], text=t, start=0, end=len(t), sentences=((0, len(t), 0, len(t)),),
                      n_tokens=0) for i, t in enumerate(texts)], doc_vectors)
    manifest = {"model": {"name": embedder.name, "dim": int(doc_vectors.shape[1])}, "created": "beir",
                "counts": {"chunks": len(texts)}, "sentence_vectors": False}
    store = writer.commit(manifest, {d: ArticleMeta(source=d, title=d) for d in ids})
    position = {f"{i:016x}": i for i in range(len(ids))}
    qids = list(queries)
    q_vectors = embedder.encode([queries[q] for q in qids])
    _, rrf_k, weights = fusion
    result = {}
    for i, q in enumerate(qids):
        found = {"dense": store.dense_search(q_vectors[i], DEPTH), "bm25": store.keyword_search(queries[q], DEPTH),
                 "server": store.hybrid_search(q_vectors[i], queries[q], DEPTH, None, weights, rrf_k)}
        result[q] = {name: [(position[c], float(s)) for c, s in zip(chunk_ids, scores)]
                     for name, (chunk_ids, scores) in found.items()}
        result[q]["query"] = q_vectors[i]
    return result


def runs_for(ranked: dict, ids: Sequence[str], fusion: str = "rrf", rrf_k: int = 60, weights=(1.0, 1.0),
             best: dict | None = None, sentence_weight: float = 0.0) -> dict:
    """The runs of each mode; "hybrid" mixed with ``best`` (see :func:`best_sentences`) when a
    ``sentence_weight`` is given."""
    runs = {"bm25": {}, "dense": {}, "hybrid": {}}
    for q, r in ranked.items():
        runs["dense"][q] = {ids[d]: float(s) for d, s in r["dense"]}
        runs["bm25"][q] = {ids[d]: float(s) for d, s in r["bm25"]}
        if fusion == "convex":
            fused = convex_fusion([tuple(zip(*r["dense"])) or ((), ()), tuple(zip(*r["bm25"])) or ((), ())], weights)
        else:
            fused = reciprocal_rank_fusion([[d for d, _ in r["dense"]], [d for d, _ in r["bm25"]]], weights, rrf_k)
        if best is not None and sentence_weight:
            fused = with_best_sentence(fused, [best[q][d] for d, _ in fused], sentence_weight)
        runs["hybrid"][q] = {ids[d]: float(s) for d, s in fused[:DEPTH]}
        if "server" in r:
            runs.setdefault("hybrid (Qdrant RRF)", {})[q] = {ids[d]: float(s) for d, s in r["server"]}
    return runs


def tune_fusion(ranked: dict, ids, qrels) -> dict:
    """Grid search of the fusion settings for nDCG@10 (run it on a training split)."""
    grid = [("rrf", k, w) for k in (5, 10, 20, 40, 60, 100) for w in (0.5, 0.7, 0.85, 1.0, 1.2, 1.5, 2.0)]
    grid += [("convex", 60, round(float(w), 2)) for w in np.arange(0.2, 0.81, 0.05)]
    best = None
    for fusion, rrf_k, dense_weight in grid:
        weights = (dense_weight, 1.0) if fusion == "rrf" else (dense_weight, round(1.0 - dense_weight, 2))
        score = evaluate_run(qrels, runs_for(ranked, ids, fusion, rrf_k, weights)["hybrid"])["ndcg@10"]
        if best is None or score > best["ndcg@10"]:
            best = {"fusion": fusion, "rrf_k": rrf_k, "dense_weight": weights[0], "bm25_weight": weights[1],
                    "ndcg@10": score}
    return best


def tune_sentence_weight(ranked: dict, ids, qrels, best: dict, fusion: str, rrf_k: int, weights) -> dict:
    """Grid search of the sentence weight for nDCG@10, the fusion settings given (on a training split)."""
    scores = {w: evaluate_run(qrels, runs_for(ranked, ids, fusion, rrf_k, weights, best, w)["hybrid"])["ndcg@10"]
              for w in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)}
    return {"sentence_weight": max(scores, key=lambda w: (scores[w], -w)), "ndcg@10 by weight": scores}


def beir(directory, embedder, split="test", fusion="rrf", rrf_k=60, weights=(1.0, 1.0), progress=True,
         store: str = "local", sentence_weight: float = 0.0, tune: bool = False,
         chunk_vectors: str = "model") -> dict:
    """Retrieval quality on a BEIR dataset, from the local store's searches (FAISS, BM25) or Qdrant's,
    documents' vectors made as ``chunk_vectors`` says (Config); with ``tune``, the fusion settings and
    then the sentence weight grid-searched on this split."""
    ids, texts, queries, qrels = load_beir(directory, split)
    from_sentences = chunk_vectors == "sentences"
    sentences = sentence_embeddings(embedder, texts, progress) if sentence_weight or tune or from_sentences else None
    doc_vectors = document_vectors(embedder, texts, sentences if from_sentences else None, progress)
    if store == "qdrant":
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            ranked = qdrant_rankings(ids, texts, queries, embedder, doc_vectors, Path(tmp), (fusion, rrf_k, weights))
    else:
        ranked = rankings(ids, texts, queries, embedder, doc_vectors)
    # the best sentence is mixed in on the client, whichever store ranked
    best = best_sentences(ranked, sentences) if sentences is not None else None
    # the project's own fusion ("hybrid") over either store's rankings: like for like
    runs = runs_for(ranked, ids, "rrf" if fusion == "server" else fusion, rrf_k, weights, best, sentence_weight)
    result = {
        "dataset": str(directory), "split": split, "documents": len(ids), "queries": len(queries), "store": store,
        "model": embedder.name, "fusion": fusion, "rrf_k": rrf_k,
        "weights": {"dense": weights[0], "bm25": weights[1], "best sentence": sentence_weight},
        "chunk_vectors": chunk_vectors,
        "metrics": {mode: evaluate_run(qrels, run) for mode, run in runs.items()},
    }
    if tune:
        tuned = tune_fusion(ranked, ids, qrels)
        if best is not None:
            tuned |= tune_sentence_weight(ranked, ids, qrels, best, tuned["fusion"], tuned["rrf_k"],
                                          (tuned["dense_weight"], tuned["bm25_weight"]))
        result["tuned"] = tuned
    return result
