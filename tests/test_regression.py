"""The regression gate: the test split must not fall below the committed baseline."""

import json

from rag import evaluation as ev


def test_test_split_holds_the_baseline(pipeline):
    baseline = json.loads(ev.DEFAULT_BASELINE.read_text(encoding="utf-8"))
    assert baseline["split"] == "test"
    results = ev.run_questions(pipeline, ev.load_questions(split="test"))
    summary = ev.summarize(results, dates={s: m.date for s, m in pipeline.index.articles.items()})
    failures = ev.compare_to_baseline(summary, baseline)
    assert not failures, "quality regressed:\n" + "\n".join(failures)
