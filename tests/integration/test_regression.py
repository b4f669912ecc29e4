"""The regression gate: the test split must not fall below the committed baseline."""

import json

from rag import evaluation as ev


def test_test_split_holds_the_baseline(pipeline):
    baseline = json.loads(ev.DEFAULT_BASELINE.read_text(encoding="utf-8"))
    assert baseline["split"] == "test"
    _, summary = ev.evaluate(pipeline, ev.load_questions(split="test"))
    failures = ev.check_baseline(summary)
    assert not failures, "quality regressed:\n" + "\n".join(failures)


def test_test_split_typed_in_lower_case_holds_the_wrong_answer_rate(pipeline):
    # a question typed all in lower case, without its mark, names no country or person by its capitals: the
    # near misses must still abstain
    baseline = json.loads(ev.DEFAULT_BASELINE.read_text(encoding="utf-8"))
    questions = ev.as_typed_in_lower_case(ev.load_questions(split="test"))
    assert all(q.question == q.question.lower() and not q.question.endswith("?") for q in questions)
    _, summary = ev.evaluate(pipeline, questions)
    limit = baseline["metrics"]["overall.wrong_answer_rate"] + baseline["tolerance"]
    assert summary["overall"]["wrong_answer_rate"] <= limit, summary["overall"]["wrong_answer_rate"]
