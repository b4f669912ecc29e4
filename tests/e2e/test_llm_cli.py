"""The LLM generator and plug-ins through the real command line, against a real server on 127.0.0.1."""

import json
import os
import subprocess
import sys

from tests.conftest import ROOT, rag

DEFICIT = "How big was the US goods trade deficit with India in 2024?"


def _deficit_passage_number(passages):
    return next(n for n, p in enumerate(passages, start=1) if "45.7 billion" in p.text)


def test_cli_returns_the_servers_checked_answer(llm, pipeline, index_dir):
    passages = pipeline.retrieve(DEFICIT)
    n = _deficit_passage_number(passages)
    llm.default = {"reply": f"The US goods trade deficit with India was $45.7 billion in 2024 [{n}][7]."}
    proc = rag("ask", "--index", str(index_dir), "--generator", "openai", "--llm-base-url", llm.url,
               "--llm-model", "M", "--json", DEFICIT)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert "45.7 billion" in data["answer"] and "[7]" not in data["answer"]
    assert data["citations"][0]["n"] == n and data["citations"][0]["supported"] is True
    assert any("[7]" in note for note in data["notes"])
    # without --json the tokens stream to the terminal, then the sources
    proc = rag("ask", "--index", str(index_dir), "--generator", "openai", "--llm-model", "M", DEFICIT,
               env={"OPENAI_BASE_URL": llm.url, "OPENAI_API_KEY": "sk-test"})
    assert proc.returncode == 0, proc.stderr
    assert "45.7 billion" in proc.stdout and "Sources:" in proc.stdout
    assert llm.requests[-1]["auth"] == "Bearer sk-test"


def test_cli_dead_server(index_dir):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    proc = rag("ask", "--index", str(index_dir), "--generator", "openai", "--llm-base-url", dead,
               "--llm-model", "M", "--llm-timeout", "2", "--json", DEFICIT)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == f"rag: error: LLM server at {dead} is unreachable"
    proc = rag("ask", "--index", str(index_dir), "--generator", "openai", "--llm-base-url", dead,
               "--llm-model", "M", "--llm-timeout", "2", "--fallback", "extractive", "--json", DEFICIT)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert "45.7 billion" in data["answer"] and any("extractive answer" in n for n in data["notes"])


PLUGIN = '''
from rag.types import Answer

class Echo:
    name = "echo"
    def generate(self, question, passages):
        return Answer(question.text, "echo: " + question.searched, False, [], list(passages), generator=self.name)

def make(config, pipeline):
    return Echo()
'''


def test_plugins_by_entry_point_and_by_dotted_path(tmp_path, index_dir):
    (tmp_path / "echo_plugin.py").write_text(PLUGIN)
    dist = tmp_path / "echo_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: echo-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[rag.generators]\necho = echo_plugin:make\n")
    env = {"PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}
    for name in ("echo", "echo_plugin:make"):
        proc = rag("ask", "--index", str(index_dir), "--generator", name, "--json", "Hello?", env=env)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["answer"] == "echo: Hello?"
    proc = subprocess.run([sys.executable, "-c", "from rag.generation import available_generators;"
                           "from rag.config import Config; print(available_generators(Config()))"],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env})
    assert "'echo'" in proc.stdout
    proc = rag("ask", "--index", str(index_dir), "--generator", "nope", "Hello?")
    assert proc.returncode == 1 and "unknown generator 'nope'" in proc.stderr


def test_a_stalled_stream_ends_in_the_whole_fallback_answer(llm, index_dir):
    llm.default = {"reply": "The deficit was large according to passage [1].", "stall_after": 3, "stall": 10}
    proc = rag("ask", "--index", str(index_dir), "--generator", "openai", "--llm-base-url", llm.url,
               "--llm-model", "M", "--llm-timeout", "2", "--fallback", "extractive", DEFICIT)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("The deficit was")  # what the LLM had streamed stays, marked as cut
    assert "[openai's answer stopped here; the extractive answer below replaces it]" in out
    after = out.split("replaces it]", 1)[1]
    assert "US goods trade deficit with India was $45.7 billion" in after and "Sources:" in after
    assert "openai failed" in after and "timed out" in after
