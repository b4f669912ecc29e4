"""The regression gate: the test split must not fall below the committed baseline."""

import json

from rag import evaluation as ev


def test_test_split_holds_the_baseline(pipeline):
    baseline = json.loads(ev.DEFAULT_BASELINE.read_text(encoding="utf-8"))
    assert baseline["split"] == "test"
    _, summary = ev.evaluate(pipeline, ev.load_questions(split="test"))
    failures = ev.check_baseline(summary)
    assert not failures, "quality regressed:\n" + "\n".join(failures)
