"""Incremental indexing and crash safety, with real indexing processes killed mid-way."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from rag.config import Config
from rag.index import current_generation, load_index, open_index, update_index
from rag.pipeline import Pipeline
from tests.conftest import ROOT, rag

NEW = "Steel quota agreed\n\nIndia and the US agreed on a steel import quota of 3.25 million tonnes on Monday.\n"


@pytest.fixture
def workspace(tmp_path, corpus_copy, pipeline):
    """A corpus copy and a copy of the already built index for it."""
    index = tmp_path / "index"
    shutil.copytree(pipeline.config.index_dir, index)
    return Config(corpus_dir=corpus_copy, index_dir=index)


def _sources(index):
    return {c.source for c in index.chunks}


def test_only_new_and_changed_articles_are_embedded(workspace, embedder):
    before = load_index(workspace.index_dir)
    (workspace.corpus_dir / "steel.txt").write_text(NEW)
    index = update_index(workspace, embedder, previous=before)
    counts = index.manifest["counts"]
    steel_chunks = [c for c in index.chunks if c.source == "steel.txt"]
    assert counts["embedded"] == len(steel_chunks) == 1 and counts["reused"] == len(before)
    assert {c.id for c in before.chunks} <= {c.id for c in index.chunks}  # ids stay stable

    # change one article: only its chunks are embedded again
    changed = workspace.corpus_dir / "2025-04-bta-first-phase-fall-2025.txt"
    changed.write_text(changed.read_text() + "\\nThe talks will resume in June.\\n")
    again = update_index(workspace, embedder, previous=index)
    n_changed = sum(c.source == changed.name for c in again.chunks)
    assert again.manifest["counts"]["embedded"] <= n_changed
    assert again.manifest["counts"]["embedded"] >= 1

    # delete one: it leaves both indexes
    (workspace.corpus_dir / "steel.txt").unlink()
    final = update_index(workspace, embedder, previous=again)
    assert "steel.txt" not in _sources(final) and "steel.txt" not in final.articles
    assert final.manifest["counts"]["embedded"] == 0 and final.manifest["counts"]["removed_articles"] == 1
    assert final.bm25.search("quota tonnes", 5)[0].size == 0
    assert len(final.embeddings) == final.faiss.ntotal == len(final.chunks)


def test_unchanged_metadata_edit_reembeds_nothing(workspace, embedder):
    before = load_index(workspace.index_dir)
    meta = json.loads((workspace.corpus_dir / "metadata.json").read_text())
    meta["2025-04-bta-first-phase-fall-2025.txt"]["title"] = "A new title"
    (workspace.corpus_dir / "metadata.json").write_text(json.dumps(meta))
    index = open_index(workspace, embedder, log=lambda m: None)
    assert index.manifest["counts"]["embedded"] == 0
    assert index.articles["2025-04-bta-first-phase-fall-2025.txt"].title == "A new title"
    assert [c.id for c in index.chunks] == [c.id for c in before.chunks]


@pytest.mark.parametrize("point", ["embedding", "writing-chunks", "writing", "swapping", "cleanup"])
def test_killing_the_indexer_never_loses_the_index(workspace, tmp_path, point):
    for i in range(6):
        (workspace.corpus_dir / f"new-{i}.txt").write_text(
            f"Report {i}\n\n" + " ".join(f"Sentence {j} of report {i} mentions quota number {i * 100 + j}."
                                         for j in range(40)))
    config_file = tmp_path / "rag.toml"
    config_file.write_text("checkpoint_every = 4\n")
    args = ["index", "--config", str(config_file), "--corpus", str(workspace.corpus_dir),
            "--index", str(workspace.index_dir)]
    proc = subprocess.Popen([sys.executable, "-m", "rag", *args], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "RAG_PAUSE_AT": point}, start_new_session=True)
    deadline = time.time() + 300
    for line in proc.stderr:
        if f"paused at {point}" in line or time.time() > deadline:
            break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    # whatever moment it died at, a complete index is live and answers
    live = load_index(workspace.index_dir)
    assert live is not None and len(live.embeddings) == live.faiss.ntotal == len(live.chunks)
    pipeline = Pipeline(workspace, build="never", log=lambda m: None)
    pipeline.__dict__["index"] = live
    assert any("45.7 billion" in p.text for p in pipeline.retriever.retrieve("US goods trade deficit 2024", 6))

    # and the next run completes the job, reusing what the killed run had embedded
    done = rag(*args)
    assert done.returncode == 0, done.stderr
    final = load_index(workspace.index_dir)
    assert {f"new-{i}.txt" for i in range(6)} <= _sources(final)
    if point == "embedding":
        first_line = next(line for line in done.stderr.splitlines() if "chunks: embedding" in line)
        total_new = sum(1 for c in final.chunks if c.source.startswith("new-"))
        assert f"embedding {total_new - 4}," in first_line  # the first batch came from the checkpoint
    assert not list(workspace.index_dir.glob(".tmp-*")) and not (workspace.index_dir / ".pending").exists()
    assert [p.name for p in workspace.index_dir.iterdir() if p.name.startswith("gen-")] == [
        current_generation(workspace.index_dir).name]
    answer = rag("ask", "--no-build", "--json", "--corpus", str(workspace.corpus_dir), "--index",
                 str(workspace.index_dir), "Which quota number does sentence 7 of report 3 mention?")
    assert answer.returncode == 0, answer.stderr
    assert "307" in json.loads(answer.stdout)["answer"]


def test_add_and_remove_from_the_command_line(workspace, tmp_path):
    new = tmp_path / "steel.txt"
    new.write_text(NEW)
    proc = rag("index", "--corpus", str(workspace.corpus_dir), "--index", str(workspace.index_dir),
               "--add", str(new))
    assert proc.returncode == 0, proc.stderr
    assert "embedded 1, reused" in proc.stdout and (workspace.corpus_dir / "steel.txt").exists()
    proc = rag("index", "--corpus", str(workspace.corpus_dir), "--index", str(workspace.index_dir),
               "--remove", "steel.txt")
    assert proc.returncode == 0, proc.stderr
    assert "embedded 0" in proc.stdout and "dropped 1" in proc.stdout
    assert (workspace.corpus_dir / ".removed" / "steel.txt").read_text() == new.read_text()
    assert "steel.txt" not in load_index(workspace.index_dir).articles
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    proc = rag("index", "--corpus", str(workspace.corpus_dir), "--index", str(workspace.index_dir), "--add", str(bad))
    assert proc.returncode == 1 and "not UTF-8" in proc.stderr and "Traceback" not in proc.stderr
    proc = rag("index", "--corpus", str(workspace.corpus_dir), "--index", str(workspace.index_dir),
               "--remove", "missing.txt")
    assert proc.returncode == 1 and "no such article" in proc.stderr


def test_a_running_server_picks_up_a_new_index(workspace, embedder, tmp_path):
    from gradio_client import Client

    from rag.ui import build_app

    pipeline = Pipeline(workspace, log=lambda m: None)
    pipeline.__dict__["embedder"] = embedder
    app = build_app(pipeline)
    app.queue()
    _, url, _ = app.launch(server_name="127.0.0.1", server_port=None, prevent_thread_lock=True, quiet=True)
    try:
        client = Client(url, verbose=False)
        question = "What steel import quota did India and the US agree on?"
        before = client.predict(question, "hybrid", 6, "extractive", [], "", "", api_name="/ask")
        assert "3.25 million" not in before["answer"]
        new = tmp_path / "steel.txt"
        new.write_text(NEW)
        proc = rag("index", "--corpus", str(workspace.corpus_dir), "--index", str(workspace.index_dir),
                   "--add", str(new))
        assert proc.returncode == 0, proc.stderr
        after = client.predict(question, "hybrid", 6, "extractive", [], "", "", api_name="/ask")
        assert "3.25 million" in after["answer"] and after["citations"][0]["source"] == "steel.txt"
    finally:
        app.close()
