"""Crash-safe files for a store kept in a directory: atomic writes, one writer at a time,
generations swapped by one rename, and checkpoints of embeddings for a build in progress.

Layout of the index directory::

    CURRENT            name of the live generation, replaced atomically
    gen-<id>/          one complete generation, written by the store
    .pending/          checkpoints of a build in progress
    .lock              held by the one process writing
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from ..errors import RagError

CURRENT = "CURRENT"
PENDING = ".pending"


class CorruptIndex(RagError):
    """The index directory exists but cannot be read back."""


def pause_point(name: str) -> None:
    """Test hook: with RAG_PAUSE_AT=name the indexer stops here so a test can kill it."""
    if os.environ.get("RAG_PAUSE_AT") == name:
        print(f"rag: paused at {name}", file=sys.stderr, flush=True)
        time.sleep(3600)


def fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_tree(directory: Path) -> None:
    """Flush every file of ``directory`` and the directory itself to disk."""
    for file in directory.iterdir():
        with open(file, "rb") as fh:
            os.fsync(fh.fileno())
    fsync_dir(directory)


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
    fsync_dir(path.parent)


def write_json(path: Path, data) -> None:
    atomic_write(path, lambda fh: fh.write(json.dumps(data, indent=1) + "\n"))


@contextlib.contextmanager
def write_lock(index_dir: Path):
    """One writer at a time per index directory."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


@contextlib.contextmanager
def build_lock(index_dir: Path, on_wait: Callable[[str], None]):
    """One build at a time per index directory; a second one says it waits, then waits.

    Held for a whole build (the write lock above only for writing a generation), so two
    `rag index` runs never both embed the same chunks: the second finds the index built,
    or finishes from the first one's checkpoints.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".build.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait(f"another build of the index at {index_dir} is running; waiting for it to finish")
            fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def new_generation_name() -> str:
    return f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"


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


def publish_generation(index_dir: Path, tmp_dir: Path, name: str) -> Path:
    """Move a fully written ``tmp_dir`` into place as generation ``name`` and make it live.

    Call with the write lock held. Until ``CURRENT`` is replaced, the previous
    generation stays live, whatever moment the process dies at.
    """
    fsync_tree(tmp_dir)
    pause_point("writing")
    final = index_dir / name
    os.rename(tmp_dir, final)
    fsync_dir(index_dir)
    pause_point("swapping")
    atomic_write(index_dir / CURRENT, lambda fh: fh.write(name + "\n"))
    pause_point("cleanup")
    remove_old_generations(index_dir, keep=name)
    return final


def remove_old_generations(index_dir: Path, keep: str) -> None:
    for entry in index_dir.iterdir():
        if entry.is_dir() and entry.name != keep and (entry.name.startswith("gen-") or entry.name.startswith(".tmp-")):
            shutil.rmtree(entry, ignore_errors=True)


def tidy(index_dir: str | Path) -> None:
    """Remove what a killed build left behind: old generations, half-written ones, checkpoints;
    nothing while another build runs (its checkpoints are what it would resume from)."""
    index_dir = Path(index_dir)
    live = current_generation(index_dir)
    if live is None:
        return
    with open(index_dir / ".build.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return
        with write_lock(index_dir):
            remove_old_generations(index_dir, keep=live.name)
            shutil.rmtree(index_dir / PENDING, ignore_errors=True)


class Checkpoint:
    """Embeddings of a build in progress, saved batch by batch so a killed build resumes."""

    def __init__(self, index_dir: Path | None, model_sha: str):
        self.directory = Path(index_dir) / PENDING if index_dir else None
        self.model_sha = model_sha
        self.saved: dict[str, np.ndarray] = {}  # chunk id -> vector
        self.saved_sentences: dict[str, np.ndarray] = {}  # chunk id -> its sentences' vectors
        if self.directory and self.directory.is_dir():
            for meta in self.directory.glob("*.json"):
                with contextlib.suppress(OSError, ValueError, KeyError):
                    self._read(meta)

    def _read(self, meta: Path) -> None:
        info = json.loads(meta.read_text(encoding="utf-8"))
        if info["model"] != self.model_sha:
            return
        vectors = np.load(meta.with_suffix(".npy"), allow_pickle=False)
        if len(vectors) == len(info["ids"]):
            self.saved.update(zip(info["ids"], vectors))
        counts = info.get("sentence_counts")
        if counts:
            flat = np.load(meta.with_suffix(".sentences.npy"), allow_pickle=False)
            if len(flat) == sum(counts) and len(counts) == len(info["ids"]):
                bounds = np.cumsum([0, *counts])
                self.saved_sentences.update((i, flat[a:b]) for i, a, b in zip(info["ids"], bounds, bounds[1:]))

    def save(self, ids: Sequence[str], vectors: np.ndarray, sentences: Sequence[np.ndarray] = ()) -> None:
        """Keep one batch: its chunk vectors and, when given, each chunk's sentence vectors."""
        if not self.directory:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        name = uuid.uuid4().hex[:12]
        atomic_write(self.directory / f"{name}.npy", lambda fh: np.save(fh, vectors, allow_pickle=False), binary=True)
        info = {"model": self.model_sha, "ids": list(ids)}
        if sentences:
            flat = np.vstack(sentences)
            atomic_write(self.directory / f"{name}.sentences.npy",
                         lambda fh: np.save(fh, flat, allow_pickle=False), binary=True)
            info["sentence_counts"] = [len(v) for v in sentences]
        atomic_write(self.directory / f"{name}.json", lambda fh: json.dump(info, fh))

    def clear(self) -> None:
        if self.directory:
            shutil.rmtree(self.directory, ignore_errors=True)


# ---------------------------------------------------------------- file integrity

CHEAP_HASH_BYTES = 64 << 20  # files up to this size are hashed on every load; larger ones by --verify


def file_record(path: Path) -> dict:
    """Size and sha256 of a file, as the manifest records it."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return {"bytes": path.stat().st_size, "sha256": digest.hexdigest()}


def live_manifest(index_dir: str | Path, kind: str) -> tuple[Path, dict] | None:
    """The live generation's directory and manifest when the generation is the ``kind`` store's; None
    when there is none, or it is another store's. Raises OSError or ValueError on an unreadable
    manifest, for the caller to report with the rest of the generation's damage."""
    gen = current_generation(index_dir)
    if gen is None:
        return None
    manifest = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
    return (gen, manifest) if manifest.get("store", "local") == kind else None


def write_manifest(directory: Path, manifest: dict) -> dict:
    """Write ``manifest`` into a generation being built, with every other file's size and hash, and return
    it as written. It goes last: a generation without one is incomplete, and a file changed afterwards
    is found on loading."""
    written = {**manifest, "files": {p.name: file_record(p) for p in sorted(directory.iterdir())}}
    (directory / "manifest.json").write_text(json.dumps(written, indent=1), encoding="utf-8")
    return written


def check_files(directory: Path, records: dict, verify: bool = False) -> None:
    """Raise ValueError naming the first file that is missing, of another size, or (hashed when cheap,
    or always with ``verify``) of other content than the manifest records."""
    for name, record in sorted(records.items()):
        path = directory / name
        if not path.is_file():
            raise ValueError(f"{name} is missing")
        if path.stat().st_size != record["bytes"]:
            raise ValueError(f"{name} has {path.stat().st_size} bytes, the manifest records {record['bytes']}")
        if (verify or record["bytes"] <= CHEAP_HASH_BYTES) and file_record(path)["sha256"] != record["sha256"]:
            raise ValueError(f"{name} was changed after it was written (sha256 differs from the manifest)")
