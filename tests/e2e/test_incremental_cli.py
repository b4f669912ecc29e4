"""Crash safety and corpus edits through the real command line: indexers killed mid-way, a live server."""


import json
import os
import signal
import subprocess
import sys
import time

import pytest

from rag.pipeline import Pipeline
from rag.store.files import current_generation
from rag.store.local import LocalStore
from tests.conftest import NEW, ROOT, rag, sources


def _reports_and_index_args(workspace, tmp_path, reports: int) -> list[str]:
    """Write ``reports`` new articles into the corpus; the `rag index` arguments that checkpoint every 4 chunks."""
    for i in range(reports):
        (workspace.corpus_dir / f"new-{i}.txt").write_text(
            f"Report {i}\n\n" + " ".join(f"Sentence {j} of report {i} mentions quota number {i * 100 + j}."
                                         for j in range(40)))
    config_file = tmp_path / "rag.toml"
    config_file.write_text("checkpoint_every = 4\n")
    return ["index", "--config", str(config_file), "--corpus", str(workspace.corpus_dir),
            "--index", str(workspace.index_dir)]


@pytest.mark.parametrize("point", ["embedding", "writing-chunks", "writing", "swapping", "cleanup"])
def test_killing_the_indexer_never_loses_the_index(workspace, tmp_path, point):
    args = _reports_and_index_args(workspace, tmp_path, 6)
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
    live = LocalStore.load(workspace.index_dir)
    assert live is not None and len(live.embeddings) == live.dense.ntotal == len(live.chunks)
    pipeline = Pipeline(workspace, store=live, build="never", log=lambda m: None)
    assert any("45.7 billion" in p.text for p in pipeline.retriever.retrieve("US goods trade deficit 2024", 6))

    # and the next run completes the job, reusing what the killed run had embedded
    done = rag(*args)
    assert done.returncode == 0, done.stderr
    final = LocalStore.load(workspace.index_dir)
    assert {f"new-{i}.txt" for i in range(6)} <= sources(final)
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
    assert "steel.txt" not in LocalStore.load(workspace.index_dir).articles
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

    pipeline = Pipeline(workspace, embedder=embedder, log=lambda m: None)
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


def test_a_second_indexer_waits_for_the_first_and_embeds_nothing_twice(workspace, tmp_path):
    args = _reports_and_index_args(workspace, tmp_path, 3)
    first = subprocess.Popen([sys.executable, "-m", "rag", *args], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "RAG_PAUSE_AT": "embedding"}, start_new_session=True)
    for line in first.stderr:
        if "paused at embedding" in line:
            break
    second = subprocess.Popen([sys.executable, "-m", "rag", *args], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    time.sleep(8)  # long enough to load and find the lock taken
    assert second.poll() is None  # still waiting
    os.killpg(first.pid, signal.SIGKILL)  # the first dies holding the lock, with one batch checkpointed
    first.wait()
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    assert "another build of the index" in err and "waiting for it to finish" in err
    new_chunks = sum(1 for c in LocalStore.load(workspace.index_dir).chunks if c.source.startswith("new-"))
    assert f"embedding {new_chunks - 4}," in err  # the first one's checkpointed batch was not embedded again
