"""The embedding model exported to ONNX and run with ONNX Runtime: questions encoded without torch.

`rag index` exports the model once, keyed by its weights' hash, and keeps the export
only when its vectors match sentence-transformers' (1e-3 cosine).
"""

from __future__ import annotations

import contextlib
import json
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np


def quiet_onnxruntime() -> None:
    """Turn ONNX Runtime's telemetry off before it is first imported.

    Since 1.29 the Linux and macOS builds send usage events to Microsoft and keep a device id
    under ~/.cache/Microsoft; `onnxruntime.disable_telemetry_events()` comes too late to stop
    the first. The environment variables are its documented opt-out (the name changed once,
    so both are set); tests/e2e/test_offline.py proves that no socket leaves loopback.
    """
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("ORT_TELEMETRY_DISABLED", "1")


if TYPE_CHECKING:
    from collections.abc import Sequence

    from .embedding import Embedder


def mean_pooling_model(model_dir: Path) -> bool:
    """Whether the model is a transformer with mean pooling (and optional normalization)."""
    try:
        modules = json.loads((model_dir / "modules.json").read_text())
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
        config = json.loads((model_dir / pooling / "config.json").read_text())
    except (OSError, ValueError, KeyError, StopIteration):
        return False
    return kinds[:2] == ["Transformer", "Pooling"] and set(kinds[2:]) <= {"Normalize"} and bool(
        config.get("pooling_mode_mean_tokens")) and not any(
        config.get(k) for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_lasttoken"))


class OnnxEncoder:
    """The same model exported to ONNX and run with ONNX Runtime: no torch import at query time.

    Mean pooling and normalization are done here, as the sentence-transformers
    modules do them; `tests/integration/test_embedding.py` holds the two within 1e-3 cosine.
    """

    def __init__(self, onnx_path: Path, model_dir: Path, max_tokens: int):
        quiet_onnxruntime()
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        # One thread per encode: a question is a few dozen tokens, and under a server's concurrent
        # requests per-call thread pools only fight each other for the cores (`rag bench load`).
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.enable_padding()
        self.inputs = {i.name for i in self.session.get_inputs()}

    def _batches(self, texts: Sequence[str], batch_size: int):
        """Per batch: the model's last hidden state, its attention mask, and the tokenized texts."""
        for start in range(0, len(texts), batch_size):
            encoded = self.tokenizer.encode_batch(list(texts[start:start + batch_size]))
            feeds = {
                "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64),
            }
            hidden = self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs})[0]
            yield hidden, feeds["attention_mask"], encoded

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        out = []
        for hidden, attention, _ in self._batches(texts, batch_size):
            mask = attention[..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
            out.append(pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None))
        return np.ascontiguousarray(np.vstack(out), dtype=np.float32)

    def token_vectors(self, texts: Sequence[str], batch_size: int = 32) -> list[np.ndarray]:
        """Per text, the model's vector for each of its tokens (padding dropped)."""
        out = []
        for hidden, attention, _ in self._batches(texts, batch_size):
            out += [h[:int(m.sum())].astype(np.float32) for h, m in zip(hidden, attention)]
        return out


def onnx_path_for(weights_sha: str) -> Path:
    from .embedding import cache_dir

    return cache_dir() / "onnx" / weights_sha[:32] / "model.onnx"


def export_onnx(embedder: Embedder) -> Path | None:
    """Export the model to ONNX once, check it against sentence-transformers, and keep it if it matches."""
    target = onnx_path_for(embedder.weights_sha256)
    if target.exists() or target.with_name("unsupported").exists():
        return target if target.exists() else None
    if not mean_pooling_model(Path(embedder.path)) or not (Path(embedder.path) / "tokenizer.json").exists():
        return None
    quiet_onnxruntime()
    try:
        import onnx  # noqa: F401  (the exporter needs it)
        import onnxruntime  # noqa: F401
        import torch
    except ImportError:
        return None
    transformer = embedder.model[0].auto_model.eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # no writable cache: answering simply keeps using torch
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    sample = ["India and the US discussed tariffs.", "A longer sentence about the goods trade deficit in 2024."]
    # `preprocess` replaced `tokenize` in sentence-transformers 6; older releases only have the latter
    prepare = getattr(embedder.model, "preprocess", None) or embedder.model.tokenize
    features = prepare(sample)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                LastHiddenState(transformer), tuple(features[n] for n in names), str(tmp), input_names=names,
                output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                dynamic_axes={n: {0: "batch", 1: "tokens"} for n in names + ["last_hidden_state"]})
        check = [*sample, "Who is the US Commerce Secretary?", "x " * 400]
        expected = embedder.model.encode(check, normalize_embeddings=True, convert_to_numpy=True)
        got = OnnxEncoder(tmp, Path(embedder.path), embedder.max_tokens).encode(check)
        if float(np.min(np.sum(expected * got, axis=1))) < 1 - 1e-3:
            raise ValueError("ONNX embeddings differ from sentence-transformers")
        os.replace(tmp, target)
        return target
    except Exception:
        with contextlib.suppress(OSError):
            target.with_name("unsupported").write_text("export failed or did not match\n")
        return None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
