import json
import subprocess
import sys

import pytest

from rag import evaluation as ev
from tests.conftest import CORPUS, ROOT


def _ws(text):
    return " ".join(text.split())


def test_every_evidence_quote_occurs_in_its_source():
    for q in ev.load_questions():
        for source, quote in q.evidence:
            raw = (CORPUS / source).read_text(encoding="utf-8")
            assert _ws(quote) in _ws(raw), (q.id, source, quote)


def test_the_question_set_covers_what_it_must():
    questions = ev.load_questions()
    assert len(questions) >= 80
    types = {q.type for q in questions}
    assert {"fact", "paraphrase", "list", "multi_article", "conflict", "latest", "unanswerable"} <= types
    assert sum(not q.answerable for q in questions) >= 15
    assert {q.split for q in questions} == {"dev", "test"}
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert q.answerable == bool(q.evidence), q.id
        if q.type == "multi_article":
            assert len({s for s, _ in q.evidence}) >= 2, q.id


def test_answer_matching_normalizes_units_and_numbers():
    assert ev.contains_answer("a 5.4 per cent increase [1]", ["5.4%"])
    assert ev.contains_answer("USD 41.18 billion in goods", ["$41.18 billion"])
    assert ev.contains_answer("a total of 15,564 Indian nationals", ["15564"])
    assert not ev.contains_answer("a 15.4 per cent increase", ["5.4%"])
    assert not ev.contains_answer("The articles don't say.", ["45.7 billion"])
    assert ev.token_f1("45.7 billion", ["$45.7 billion"]) == 1.0
    assert ev.token_f1("nothing here", ["45.7 billion"]) == 0.0


def test_a_cited_title_is_not_an_answer(pipeline):
    answer = pipeline.ask("What tariff does the US now impose on Indian textiles?")
    title = answer.citations[0].title  # "Agriculture and dairy hold up India-US trade deal, ..."
    assert title in answer.text and ev.contains_answer(answer.text, ["dairy"])
    assert not ev.contains_answer(ev.answer_body(answer), ["dairy"])
    assert ev.contains_answer(ev.answer_body(answer), ["50%"])


def _result(answerable, abstained, correct, first=None, cited=()):
    q = ev.Question("x", "q?", "fact" if answerable else "unanswerable",
                    ("a",) if answerable else (), (("s", "a"),) if answerable else ())
    return ev.Result(q, {"abstained": abstained, "answer": ""}, correct, 0.0, 0.01,
                     {"hybrid": first}, {}, cited_evidence=list(cited))


def test_metrics_on_known_results():
    results = [
        _result(True, False, True, first=1, cited=[True]),
        _result(True, False, False, first=4, cited=[False, True]),
        _result(True, True, False, first=None),
        _result(False, True, True),
        _result(False, False, False),
    ]
    m = ev.answer_metrics(results)
    assert m["accuracy"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["citation_precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["citation_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["abstention_precision"] == 0.5
    assert m["abstention_recall"] == 0.5
    assert m["wrong_abstention_rate"] == pytest.approx(1 / 3, abs=1e-4)
    r = ev.retrieval_metrics(results, "hybrid")
    assert r["hit@1"] == pytest.approx(1 / 3, abs=1e-4) and r["hit@5"] == pytest.approx(2 / 3, abs=1e-4)
    assert r["mrr@10"] == pytest.approx((1 + 0.25) / 3, abs=1e-4)


def test_baseline_comparison_flags_only_real_drops():
    summary = {"overall": {"accuracy": 0.70}, "retrieval": {"hybrid": {"hit@5": 0.95}}}
    baseline = {"tolerance": 0.05, "metrics": {"overall.accuracy": 0.74, "retrieval.hybrid.hit@5": 0.95}}
    assert ev.compare_to_baseline(summary, baseline) == []
    baseline["metrics"]["overall.accuracy"] = 0.80
    assert ev.compare_to_baseline(summary, baseline) == ["overall.accuracy: 0.7 < baseline 0.8 - tolerance 0.05"]


def test_calibration_finds_the_separating_threshold():
    def res(answerable, support):
        r = _result(answerable, False, False)
        r.support, r.forced_answer = support, "a" if answerable else "b"
        return r

    threshold, share = ev.calibrate_threshold([res(True, 0.8), res(True, 0.6), res(False, 0.4), res(False, 0.2)])
    assert 0.4 < threshold < 0.6 and share == 1.0


def test_rag_eval_writes_table_json_and_report(tmp_path, index_dir, pipeline):
    report = tmp_path / "report"
    proc = subprocess.run(
        [sys.executable, "-m", "rag", "eval", "--split", "dev", "--json", "--report", str(report),
         "--index", str(index_dir)], capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data["retrieval"]) == {"hybrid", "dense", "bm25"}
    assert data["overall"]["questions"] == len(ev.load_questions(split="dev"))
    assert "unanswerable" in data["by_type"]
    text = (report / "report.md").read_text()
    assert "## Failures" in text and "| mode |" in text
    for png in ("accuracy_by_type.png", "hit_at_k_by_mode.png"):
        assert (report / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
