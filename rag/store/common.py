"""What every store shares: the writer's buffer of the next generation's chunks, and the index of
near-copies by the article they copy. Kept apart so the stores cannot drift on either."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from ..types import ArticleMeta, Chunk


class ChunkBuffer:
    """The chunks of the next generation, their vectors and (when kept) their sentence vectors, in
    corpus order; a writer builds its store from them at commit."""

    def __init__(self):
        self.chunks: list[Chunk] = []
        self.vectors: list[np.ndarray] = []
        self.sentences: list[np.ndarray] | None = None  # per chunk, when sentence vectors are kept

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray, sentences: Sequence[np.ndarray] | None = None) -> None:
        if sentences is not None:
            self.sentences = (self.sentences or []) + list(sentences)
        self.chunks.extend(chunks)
        self.vectors.extend(np.asarray(vectors, dtype=np.float32))

    def remove_articles(self, sources: Sequence[str]) -> None:
        gone = set(sources)
        keep = [i for i, c in enumerate(self.chunks) if c.source not in gone]
        self.chunks, self.vectors = [self.chunks[i] for i in keep], [self.vectors[i] for i in keep]
        if self.sentences is not None:
            self.sentences = [self.sentences[i] for i in keep]


def copies_by_canonical(articles: Mapping[str, ArticleMeta]) -> dict[str, tuple[str, ...]]:
    """For each article that others are near-copies of, those copies' paths, sorted."""
    copies: dict[str, list[str]] = {}
    for copy, meta in sorted(articles.items()):
        if meta.copy_of:
            copies.setdefault(meta.copy_of, []).append(copy)
    return {source: tuple(found) for source, found in copies.items()}


def write_articles(directory: Path, articles: Mapping[str, ArticleMeta]) -> None:
    """The generation's article metadata, as both stores keep it beside their manifest."""
    (directory / "articles.json").write_text(json.dumps(
        {s: m.to_dict() for s, m in articles.items()}, ensure_ascii=False, indent=1), encoding="utf-8")


def read_articles(directory: Path) -> dict[str, ArticleMeta]:
    return {s: ArticleMeta.from_dict(m) for s, m in
            json.loads((directory / "articles.json").read_text(encoding="utf-8")).items()}
