"""Matching answers, metrics, calibration and the baseline comparison, on hand-made results."""
import pytest

from rag import evaluation as ev
from rag import metrics
from tests.conftest import CORPUS


def _ws(text):
    return " ".join(text.split())


def test_every_evidence_quote_occurs_in_its_source():
    for q in ev.load_questions():
        for source, quote in q.evidence:
            raw = (CORPUS / source).read_text(encoding="utf-8")
            assert _ws(quote) in _ws(raw), (q.id, source, quote)


def test_the_question_set_covers_what_it_must():
    questions = ev.load_questions()
    assert len(questions) >= 200
    count = {t: sum(q.type == t for q in questions) for t in {q.type for q in questions}}
    assert count["near_miss"] >= 40 and count["paraphrase"] >= 40 and count["conflict"] >= 15
    assert count["multi_part"] >= 15 and count["latest"] >= 10
    assert {"fact", "list", "multi_article", "unanswerable"} <= set(count)
    assert {q.split for q in questions} == {"dev", "test"}
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert q.answerable == bool(q.evidence), q.id
        assert q.answerable != (q.type in ("unanswerable", "near_miss")), q.id
        if q.type == "multi_article":
            assert len({s for s, _ in q.evidence}) >= 2, q.id
        if q.type == "multi_part":
            assert len(q.parts) >= 2, q.id


def test_a_multi_part_question_needs_every_part():
    q = ev.Question("x", "q?", "multi_part", ("41.8 billion", "87.4 billion"), (("s", "a"),),
                    parts=(("41.8 billion",), ("87.4 billion",)))
    assert q.answered_by("exports were $41.8 billion and imports $87.4 billion")
    assert not q.answered_by("exports were $41.8 billion")


def test_wrong_answers_and_lower_is_better_gates():
    results = [_result(True, False, False), _result(False, False, False), _result(True, False, True),
               _result(False, True, True)]
    assert metrics.answer_metrics(results)["wrong_answer_rate"] == 0.5
    summary = {"overall": {"wrong_answer_rate": 0.12}}
    baseline = {"tolerance": 0.05, "metrics": {"overall.wrong_answer_rate": 0.05}}
    assert metrics.compare_to_baseline(summary, baseline) == [
        "overall.wrong_answer_rate: 0.12 > baseline 0.05 + tolerance 0.05"]


def test_a_part_withheld_beside_right_parts_is_a_withheld_answer_not_a_wrong_one():
    partly = _result(True, False, False)
    partly.partly_withheld = True
    results = [partly, _result(True, False, True)]
    m = metrics.answer_metrics(results)
    assert m["wrong_answer_rate"] == 0.0 and m["wrong_abstention_rate"] == 0.5 and m["partly_withheld"] == 1
    assert m["accuracy"] == 0.5


def test_answer_matching_normalizes_units_and_numbers():
    assert ev.contains_answer("a 5.4 per cent increase [1]", ["5.4%"])
    assert ev.contains_answer("USD 41.18 billion in goods", ["$41.18 billion"])
    assert ev.contains_answer("a total of 15,564 Indian nationals", ["15564"])
    assert not ev.contains_answer("a 15.4 per cent increase", ["5.4%"])
    assert not ev.contains_answer("The articles don't say.", ["45.7 billion"])
    assert ev.token_f1("45.7 billion", ["$45.7 billion"]) == 1.0
    assert ev.token_f1("nothing here", ["45.7 billion"]) == 0.0


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
    m = metrics.answer_metrics(results)
    assert m["accuracy"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["citation_precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["citation_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["abstention_precision"] == 0.5
    assert m["abstention_recall"] == 0.5
    assert m["wrong_abstention_rate"] == pytest.approx(1 / 3, abs=1e-4)
    r = metrics.retrieval_metrics(results, "hybrid")
    assert r["hit@1"] == pytest.approx(1 / 3, abs=1e-4) and r["hit@5"] == pytest.approx(2 / 3, abs=1e-4)
    assert r["mrr@10"] == pytest.approx((1 + 0.25) / 3, abs=1e-4)


def test_baseline_comparison_flags_only_real_drops():
    summary = {"overall": {"accuracy": 0.70}, "retrieval": {"hybrid": {"hit@5": 0.95}}}
    baseline = {"tolerance": 0.05, "metrics": {"overall.accuracy": 0.74, "retrieval.hybrid.hit@5": 0.95}}
    assert metrics.compare_to_baseline(summary, baseline) == []
    baseline["metrics"]["overall.accuracy"] = 0.80
    assert metrics.compare_to_baseline(summary, baseline) == ["overall.accuracy: 0.7 < baseline 0.8 - tolerance 0.05"]


def test_calibration_finds_the_separating_threshold():
    def res(answerable, support):
        r = _result(answerable, False, False)
        r.support, r.forced_answer = support, "a" if answerable else "b"
        return r

    threshold, share = metrics.calibrate_threshold([res(True, 0.8), res(True, 0.6), res(False, 0.4), res(False, 0.2)])
    assert 0.4 < threshold < 0.6 and share == 1.0


def test_calibration_counts_the_answers_the_meaning_threshold_gives():
    def res(answerable, support, meaning):
        r = _result(answerable, False, False)
        r.support, r.meaning, r.forced_answer = support, meaning, "a" if answerable else "b"
        return r

    # the unanswerable question at 0.6 is answered by its meaning whatever the threshold: no threshold
    # gets it right, and the best is the one that also answers the answerable one at 0.4
    results = [res(True, 0.8, 0.5), res(True, 0.4, 0.5), res(False, 0.6, 0.9), res(False, 0.2, 0.1)]
    threshold, share = metrics.calibrate_threshold(results, meaning_threshold=0.7)
    assert 0.2 < threshold < 0.4 and share == 0.75
    assert metrics.calibrate_threshold(results)[1] == 0.75  # without it, above 0.6 or below: 3 of 4 either way


def test_a_disagreement_is_false_unless_the_question_accepts_both_values():
    def answered(kind, answers, values):
        q = ev.Question("x", "q?", kind, answers, (("s", "a"),))
        conflict = [{"value": v, "n": n, "source": f"s{n}", "date": None} for n, v in enumerate(values, 1)]
        return ev.Result(q, {"abstained": False, "answer": " ".join(values), "conflict": conflict}, True, 0.0,
                         0.01, {}, {})

    results = [answered("multi_part", ("45.7 billion", "5.1%", "5.4 per cent"), ["5.4 per cent", "5.1%"]),
               answered("fact", ("July 9",), ["July 9", "April 2"])]
    assert metrics.conflict_metrics(results)["false_conflicts"] == 1  # only the one whose values are not both answers


def test_a_disagreement_question_reporting_a_value_that_is_no_answer_counts_as_false():
    def answered(values):
        q = ev.Question("x", "q?", "conflict", ("25%", "26 per cent"), (("s", "a"),))
        conflict = [{"value": v, "n": n, "source": f"s{n}", "date": None} for n, v in enumerate(values, 1)]
        return ev.Result(q, {"abstained": False, "answer": " ".join(values), "conflict": conflict}, True, 0.0,
                         0.01, {}, {})

    assert metrics.conflict_metrics([answered(["25%", "26 per cent"])])["false_conflicts"] == 0
    found = metrics.conflict_metrics([answered(["25%", "18 per cent"])])  # a share of exports, no tariff
    assert found["false_conflicts"] == 1 and found["conflict_score"] == 0.0


@pytest.mark.parametrize("short,matches", [
    (["April 2", "July 9 or July 8"], True),  # the second part's sources disagree, on two gold values
    (["April 2", "July 9 or July 10"], False),  # one of them is no gold value
    (["April 2", None], False),
])
def test_a_part_the_sources_disagree_on_matches_when_each_value_is_gold(short, matches):
    q = ev.Question("x", "When announced and until when?", "multi_part", ("April 2", "July 9", "July 8"),
                    (("s", "a"),), parts=(("April 2",), ("July 9", "July 8")))
    result = ev.Result(q, {"abstained": False, "answer": "", "short_answer": short}, True, 0.0, 0.01, {}, {})
    assert metrics.short_answer_matches(result) is matches


@pytest.mark.parametrize("short,correct,wrong", [
    ("$45.7 billion", True, False),  # the gold value, with its currency
    ("$87.4 billion", True, True),  # another figure of the cited sentence: the right answer, a wrong bold value
    ("45.7", True, False),  # held by a gold answer as whole words
    ("7", True, True),  # a digit of a gold answer is not a word of it
    (None, True, False),  # no short answer is no wrong one
    ("Yes", True, False),
    ("Yes", False, True),
])
def test_a_short_answer_is_wrong_when_it_names_no_acceptable_value(short, correct, wrong):
    q = ev.Question("x", "How big was the deficit?", "fact", ("45.7 billion",), (("s", "a"),))
    result = ev.Result(q, {"abstained": False, "answer": "", "short_answer": short}, correct, 0.0, 0.01, {}, {})
    assert metrics.short_answer_wrong(result) is wrong


def test_a_part_the_articles_do_not_cover_has_no_short_answer():
    q = ev.Question("x", "What was the surplus in 2024-25 and in 2018-19?", "multi_part", ("41.18 billion",),
                    (("s", "a"),), parts=(("41.18 billion",), ()))
    def result(short):
        return ev.Result(q, {"abstained": False, "answer": "", "short_answer": short}, True, 0.0, 0.01, {}, {})
    assert q.answered_by("USD 41.18 billion in 2024-25") and q.answerable
    assert metrics.short_answer_matches(result(["USD 41.18 billion", None]))
    assert not metrics.short_answer_matches(result(["USD 41.18 billion", "USD 35.32 billion"]))
    assert metrics.short_answer_wrong(result(["USD 41.18 billion", "USD 35.32 billion"]))


def test_a_short_answer_to_a_question_of_parts_is_wrong_when_one_part_names_another_value():
    q = ev.Question("x", "Who met whom?", "multi_part", ("Goyal", "Lutnick"), (("s", "a"),),
                    parts=(("Piyush Goyal", "Goyal"), ("Howard Lutnick", "Lutnick")))
    def result(short):
        return ev.Result(q, {"abstained": False, "answer": "", "short_answer": short}, True, 0.0, 0.01, {}, {})
    assert not metrics.short_answer_wrong(result(["Piyush Goyal", None]))
    assert metrics.short_answer_wrong(result(["Piyush Goyal", "Piyush Goyal"]))
    rate = metrics.answer_metrics([result(["Piyush Goyal", "Howard Lutnick"]), result(["Goyal", "Goyal"])])
    assert rate["short_answer_wrong_rate"] == 0.5


def test_questions_typed_in_lower_case_keep_their_answers():
    q = ev.Question("x", "What was the US deficit with India in 2024? ", "fact", ("45.7 billion",), (("s", "a"),))
    typed = ev.as_typed_in_lower_case([q])[0]
    assert typed.question == "what was the us deficit with india in 2024"
    assert typed.answers == q.answers and typed.id == q.id


def test_questions_are_asked_on_their_own_day_or_the_bundled_set_s(tmp_path):
    # the bundled questions' "last year" is 2025 whatever day they run on; another set's is the day it runs on
    assert {q.asked_on for q in ev.load_questions()} == {ev.BUNDLED_ASKED_ON}
    path = tmp_path / "mine.jsonl"
    path.write_text('{"id": "a", "question": "What was the deficit last year?"}\n'
                    '{"id": "b", "question": "What was it last year?", "asked_on": "2025-06-01"}\n', encoding="utf-8")
    assert [q.asked_on for q in ev.load_questions(path)] == [None, "2025-06-01"]
    path.write_text('{"id": "c", "question": "What was it?", "asked_on": "June 2025"}\n', encoding="utf-8")
    with pytest.raises(ev.RagError, match=r"mine.jsonl:1: not a valid question \(asked_on must be a day"):
        ev.load_questions(path)
