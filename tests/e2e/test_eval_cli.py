import json
import subprocess
import sys

from rag import evaluation as ev
from tests.conftest import ROOT


def test_rag_eval_writes_table_json_and_report(tmp_path, index_dir, pipeline):
    # the test split (about a ninth of the set) holds every question type; the whole of dev took 205 s here
    report = tmp_path / "report"
    proc = subprocess.run(
        [sys.executable, "-m", "rag", "eval", "--split", "test", "--json", "--report", str(report),
         "--index", str(index_dir)], capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data["retrieval"]) == {"hybrid", "dense", "bm25"}
    assert data["overall"]["questions"] == len(ev.load_questions(split="test"))
    assert "unanswerable" in data["by_type"]
    text = (report / "report.md").read_text()
    assert "## Failures" in text and "| mode |" in text
    for png in ("accuracy_by_type.png", "hit_at_k_by_mode.png"):
        assert (report / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
