"""Shared fixtures: the real model, the real corpus and one real index built once per run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rag.config import Config
from rag.embedding import Embedder
from rag.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


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
