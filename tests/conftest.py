"""Shared fixtures: the real model, the real corpus and one real index built once per run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rag.config import Config
from rag.embedding import Embedder
from rag.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def rag(*args, stdin=None, cwd=ROOT, env=None, **kw) -> subprocess.CompletedProcess:
    """Run the real command line (`python -m rag ARGS`) in a new process; ``env`` adds variables."""
    return subprocess.run([sys.executable, "-m", "rag", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=600, **kw)


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return Embedder()


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def config(index_dir) -> Config:
    return Config(corpus_dir=CORPUS, index_dir=index_dir)


@pytest.fixture(scope="session")
def pipeline(config, embedder) -> Pipeline:
    pipe = Pipeline(config, log=lambda m: None)
    pipe.__dict__["embedder"] = embedder  # share the loaded model across tests
    _ = pipe.index  # build once
    return pipe


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target
