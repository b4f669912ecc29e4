"""Shared fixtures: the real model, the real corpus and one real index built once per run.

Tests are marked by their folder: ``unit`` (no model, no subprocess: seconds),
``integration`` (the real model, store and HTTP servers on 127.0.0.1) and
``e2e`` (the command line, the chat server and a real browser).
"""

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
TESTS = Path(__file__).resolve().parent
LAYERS = ("unit", "integration", "e2e")


def pytest_collection_modifyitems(items):
    for item in items:
        layer = Path(item.fspath).resolve().relative_to(TESTS).parts[0]
        if layer in LAYERS:
            item.add_marker(getattr(pytest.mark, layer))


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
    pipe = Pipeline(config, embedder=embedder, log=lambda m: None)  # one loaded model for every test
    _ = pipe.store  # build once
    return pipe


# an article that is not in the corpus, for tests that add one
NEW = "Steel quota agreed\n\nIndia and the US agreed on a steel import quota of 3.25 million tonnes on Monday.\n"


@pytest.fixture
def workspace(tmp_path, corpus_copy, pipeline) -> Config:
    """A corpus copy and a copy of the already built index for it."""
    index = tmp_path / "index"
    shutil.copytree(pipeline.config.index_dir, index)
    return Config(corpus_dir=corpus_copy, index_dir=index)


def sources(store) -> set[str]:
    return {c.source for c in store.chunks}


@pytest.fixture
def llm():
    """A scripted OpenAI-compatible chat-completions server on 127.0.0.1."""
    from tests.llm_server import ScriptedLLM

    with ScriptedLLM() as server:
        yield server


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target
