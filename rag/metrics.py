"""Metrics over evaluation results: retrieval, answers, conflicts, recency; calibration; the gate."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from .config import MODES
from .errors import RagError
from .evaluation import Result, contains_answer, normalize


def _mean(values) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else None


def percentile(values, pct) -> float | None:
    """The nearest-rank ``pct`` percentile of ``values`` (None when empty)."""
    values = sorted(values)
    if not values:
        return None
    return values[min(len(values) - 1, int(round(pct / 100 * (len(values) - 1))))]


def retrieval_metrics(results: Sequence[Result], mode: str) -> dict:
    ranks = [r.first_relevant.get(mode) for r in results if r.question.answerable and mode in r.first_relevant]
    if not ranks:
        return {}
    return {
        "hit@1": _mean(r is not None and r <= 1 for r in ranks),
        "hit@3": _mean(r is not None and r <= 3 for r in ranks),
        "hit@5": _mean(r is not None and r <= 5 for r in ranks),
        "mrr@10": _mean(1 / r if r else 0.0 for r in ranks),
    }


def answer_metrics(results: Sequence[Result]) -> dict:
    answerable = [r for r in results if r.question.answerable]
    unanswerable = [r for r in results if not r.question.answerable]
    answered = [r for r in answerable if not r.answer["abstained"]]
    abstained = [r for r in results if r.answer["abstained"]]
    wrong = [r for r in results if not r.answer["abstained"] and not r.correct and not r.partly_withheld]
    citations = [ok for r in answered for ok in r.cited_evidence]
    latencies = [r.latency * 1000 for r in results]
    return {
        "questions": len(results),
        "accuracy": _mean(r.correct for r in answerable),
        "token_f1": _mean(r.f1 for r in answerable),
        "overall_accuracy": _mean(r.correct for r in results),
        "citation_precision": _mean(citations),
        "citation_recall": _mean(any(r.cited_evidence) for r in answerable),
        "abstention_precision": _mean(not r.question.answerable for r in abstained) if abstained else None,
        "abstention_recall": _mean(r.answer["abstained"] for r in unanswerable),
        "wrong_abstention_rate": _mean(r.answer["abstained"] or r.partly_withheld for r in answerable),
        "partly_withheld": sum(r.partly_withheld for r in results),
        # the worst outcome: an answer given, with citations, that is wrong (or should have been withheld)
        "wrong_answer_rate": _mean(r in wrong for r in results),
        "short_answer_em": _mean(short_answer_matches(r) for r in answerable),
        # of the answers given with a short answer, the share whose short answer is wrong
        "short_answer_wrong_rate": _mean(short_answer_wrong(r) for r in results
                                         if not r.answer["abstained"] and r.answer.get("short_answer")),
        "latency_ms_p50": round(percentile(latencies, 50), 1) if latencies else None,
        "latency_ms_p95": round(percentile(latencies, 95), 1) if latencies else None,
    }


def _short_and_golds(r: Result) -> tuple[list, list[set[str]]]:
    """The short answer's values (one per part, for a question of parts) and the normalized gold
    answers they are checked against: one set per part, or one set."""
    short = r.answer.get("short_answer")
    golds = [{normalize(a) for a in part} for part in r.question.parts] or [{normalize(a) for a in r.question.answers}]
    return (short if isinstance(short, list) else [short]), golds


def short_answer_matches(r: Result) -> bool:
    """Whether the short answer is exactly a gold answer (every part's, for a question of parts)."""
    if r.answer["abstained"] or not r.answer.get("short_answer"):
        return False
    values, golds = _short_and_golds(r)
    if r.question.parts:
        # a part the sources disagree on reads "July 9 or July 8": each value must be a gold one; a part
        # the articles don't cover (no gold) has none
        return len(values) == len(golds) and all(
            (v and all(normalize(one) in g for one in v.split(" or "))) if g else not v for v, g in zip(values, golds))
    return any(v and normalize(v) in golds[0] for v in values)


def _names_gold(value: str, golds: set[str]) -> bool:
    """Whether ``value`` (normalized) is a gold answer, holds one, or is held by one as whole words
    (the "7" of "45.7 billion" is no word of it)."""
    value = normalize(value)
    return bool(value) and any(re.search(rf"(?<![\w.]){re.escape(a)}(?!\w|\.\w)", b)
                               for g in golds for a, b in ((g, value), (value, g)))


def short_answer_wrong(r: Result) -> bool:
    """Whether the answer's short answer, the bold value a reader takes first, names a value that is no
    acceptable answer ("$87.4 billion" beside a cited sentence that also gives the $45.7 billion asked).
    A short answer left out is not wrong; "Yes" is as right as the answer it stands for."""
    if r.answer["abstained"] or not r.answer.get("short_answer"):
        return False
    if not r.question.answerable:
        return True
    values, golds = _short_and_golds(r)
    pairs = zip(values, golds) if r.question.parts else ((v, golds[0]) for v in values)
    for value, gold in pairs:
        if value == "Yes":
            if not r.correct:
                return True
        elif value and not all(_names_gold(one, gold) for one in value.split(" or ")):
            return True
    return False


def conflict_metrics(results: Sequence[Result]) -> dict:
    """conflict_score: share of conflict questions whose answer says the sources disagree and gives
    at least two of the differing values; false_conflicts: answered questions that claim a disagreement
    the question's acceptable answers do not hold (see ``real``), and conflict questions that report a
    value that is no acceptable answer; false_conflict_rate: their share."""
    conflicts = [r for r in results if r.question.type == "conflict"]
    others = [r for r in results if r.question.type != "conflict" and not r.answer["abstained"]]

    def accepted(r) -> list[bool]:
        """For each value the answer reports the sources disagree on: is it an acceptable answer?"""
        values = [c.get("value") or "" for c in r.answer.get("conflict") or ()]
        return [any(contains_answer(v, [a]) for a in r.question.answers) for v in values]

    def real(r):
        # a part of a question of several parts may ask a value the articles disagree on: a disagreement
        # whose values are both acceptable answers is what the question's author found, not a false one
        return sum(accepted(r)) >= 2

    def reported(r):
        found = {a for a in r.question.answers if contains_answer(r.answer["answer"], [a])}
        return bool(r.answer.get("conflict")) and len(found) >= 2

    # on a question whose articles do disagree, a reported value that is no acceptable answer is a
    # disagreement that is not there ("25%" against an export share of "18 per cent")
    false = [bool(r.answer.get("conflict")) and not real(r) for r in others] + [
        not all(accepted(r)) for r in conflicts]
    return {"conflict_score": _mean(reported(r) for r in conflicts),
            "false_conflict_rate": _mean(false), "false_conflicts": sum(false)}


def recency_metrics(results: Sequence[Result], dates: dict[str, str | None]) -> dict:
    """recency_score: share of "latest" questions answered from the newest of their evidence
    articles first, saying as of when."""
    latest = [r for r in results if r.question.type == "latest"]

    def ok(r):
        sources = {s for s, _ in r.question.evidence}
        newest = max(sources, key=lambda s: dates.get(s) or "")
        citations = r.answer["citations"]
        return bool(citations) and citations[0]["source"] == newest and bool(r.answer.get("as_of"))

    return {"recency_score": _mean(ok(r) for r in latest)}


def summarize(results: Sequence[Result], modes: Sequence[str] = MODES, dates: dict | None = None) -> dict:
    by_type = defaultdict(list)
    for r in results:
        by_type[r.question.type].append(r)
    overall = {**answer_metrics(results), **conflict_metrics(results)}
    if dates is not None:
        overall.update(recency_metrics(results, dates))
    return {
        "overall": overall,
        "retrieval": {mode: retrieval_metrics(results, mode) for mode in modes},
        "by_type": {
            t: {**answer_metrics(rs), "retrieval": {m: retrieval_metrics(rs, m) for m in modes}}
            for t, rs in sorted(by_type.items())
        },
    }


WRONG_ANSWER_COST = 2.0  # a wrong answer with citations costs twice what a withheld right one does


def calibrate_threshold(results: Sequence[Result], wrong_cost: float = WRONG_ANSWER_COST,
                        meaning_threshold: float = 1.0) -> tuple[float, float]:
    """The abstention threshold with the best utility on ``results``, and the share it gets right.

    A question whose best candidate reaches ``meaning_threshold`` is answered whatever the threshold.

    Utility: +1 for a right answer or a right abstention, -``wrong_cost`` for an
    answer that is wrong (or should have been withheld), 0 for withholding an answer
    the articles have. Of equally good thresholds the middle one is taken, the
    farthest from both kinds of mistake.
    """
    scored = [r for r in results if r.support is not None]
    if not scored:
        raise RagError("the generator reports no support scores to calibrate on")
    points = sorted({r.support for r in scored})
    candidates = [points[0] - 0.01] + [(a + b) / 2 for a, b in zip(points, points[1:])] + [points[-1] + 0.01]
    outcomes = []
    for threshold in candidates:
        right = wrong = 0
        for r in scored:
            answers = r.support >= threshold or (r.meaning or 0.0) >= meaning_threshold
            ok = r.question.answered_by(r.forced_answer or "") if r.question.answerable else not answers
            right += ok if (answers or not r.question.answerable) else 0
            wrong += answers and not ok
        outcomes.append((right - wrong_cost * wrong, right / len(scored)))
    best = max(utility for utility, _ in outcomes)
    tied = [(t, share) for t, (utility, share) in zip(candidates, outcomes) if utility == best]
    threshold, share = tied[len(tied) // 2]
    return round(threshold, 4), round(share, 4)


# ---------------------------------------------------------------- baseline

GATED = ("accuracy", "citation_precision", "citation_recall", "abstention_recall", "conflict_score",
         "recency_score", "wrong_answer_rate", "false_conflicts", "wrong_abstention_rate", "short_answer_em",
         "short_answer_wrong_rate")
# gated metrics where lower is better: they fail when they rise more than the tolerance
LOWER_IS_BETTER = ("wrong_answer_rate", "false_conflicts", "wrong_abstention_rate", "short_answer_wrong_rate")


def compare_to_baseline(summary: dict, baseline: dict) -> list[str]:
    """Metrics that fell more than the baseline's tolerance below it (rose above it, for error rates)."""
    tolerance = baseline.get("tolerance", 0.05)
    failures = []
    for key, value in baseline["metrics"].items():
        current = _lookup(summary, key)
        if value is None:
            continue
        if key.rsplit(".", 1)[-1] in LOWER_IS_BETTER:
            if current is None or current > value + tolerance:
                failures.append(f"{key}: {current} > baseline {value} + tolerance {tolerance}")
        elif current is None or current < value - tolerance:
            failures.append(f"{key}: {current} < baseline {value} - tolerance {tolerance}")
    return failures


def _lookup(summary: dict, dotted: str):
    node = summary
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def baseline_from(summary: dict, split: str, tolerance: float = 0.05) -> dict:
    metrics = {f"overall.{k}": summary["overall"][k] for k in GATED}
    for name, values in summary["by_type"].items():
        metrics[f"by_type.{name}.{'accuracy' if values['accuracy'] is not None else 'abstention_recall'}"] = (
            values["accuracy"] if values["accuracy"] is not None else values["abstention_recall"])
    for mode, values in summary["retrieval"].items():
        for k in ("hit@5", "mrr@10"):
            if k in values:
                metrics[f"retrieval.{mode}.{k}"] = values[k]
    return {"split": split, "tolerance": tolerance, "metrics": metrics,
            "note": "Written by `rag eval --update-baseline`; compared by tests/integration/test_regression.py."}
