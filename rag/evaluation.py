"""Measuring retrieval, answers, citations and abstention on a question set.

A question set is a JSON Lines file, one object per question::

    {"id": "q001", "split": "dev", "type": "fact", "question": "...",
     "answers": ["45.7 billion"],                        # any of them counts; [] = unanswerable
     "evidence": [{"source": "article.txt", "quote": "verbatim text"}],
     "sources": ["article.txt"]}

A multi-part question lists ``"parts": [["41.8 billion"], ["87.4 billion"]]``: it is
answered only when every part is. A part listed as ``[]`` is one the articles don't cover: the
answer is right only when it gives the other parts and says the articles don't cover that one,
and wrong when it answers it. Types: fact, paraphrase, list, multi_article,
multi_part, conflict, latest; unanswerable and near_miss (an entity or period
swapped for one the articles don't cover) have no answers.
"""

from __future__ import annotations

import datetime
import json
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import MODES
from .dates import dated_relative, is_date
from .errors import RagError
from .store.files import write_json

DEFAULT_QUESTIONS = Path(__file__).resolve().parent.parent / "eval" / "questions.jsonl"
# The bundled questions were written as a reader of the newest article would ask them: their "last year" is
# 2025 whatever day the evaluation runs on, so their results do not drift with the calendar.
BUNDLED_ASKED_ON = "2026-01-23"
DEFAULT_BASELINE = DEFAULT_QUESTIONS.parent / "baseline.json"
UNANSWERABLE = "unanswerable"


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    type: str
    answers: tuple[str, ...]
    evidence: tuple[tuple[str, str], ...]  # (source, quote)
    split: str = "test"
    parts: tuple[tuple[str, ...], ...] = ()  # multi-part questions: every part must be answered; () none covers
    asked_on: str | None = None  # the day it is asked on, YYYY-MM-DD ("last year" is read from it); None: today

    @property
    def answerable(self) -> bool:
        return bool(self.answers)

    def answered_by(self, text: str) -> bool:
        """Whether ``text`` gives an acceptable answer (to every part the articles cover, when there are
        parts; that the others are said to be uncovered is the answer's ``withheld_parts``, see run_questions)."""
        if self.parts:
            return all(contains_answer(text, part) for part in self.parts if part)
        return contains_answer(text, self.answers)


def load_questions(path: str | Path = DEFAULT_QUESTIONS, split: str = "all") -> list[Question]:
    path = Path(path)
    # a question's own "asked_on" first; the bundled set's day for the bundled set; else the day it runs
    default_day = BUNDLED_ASKED_ON if path.resolve() == DEFAULT_QUESTIONS else None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise RagError(f"question file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RagError(f"cannot read question file {path}: {exc}") from None
    questions = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            questions.append(Question(
                id=str(item["id"]), question=item["question"], type=item.get("type", "fact"),
                answers=tuple(item.get("answers", [])),
                evidence=tuple((e["source"], e["quote"]) for e in item.get("evidence", [])),
                split=item.get("split", "test"),
                parts=tuple(tuple(part) for part in item.get("parts", ())),
                asked_on=_day(item.get("asked_on", default_day)),
            ))
        except (ValueError, KeyError, TypeError) as exc:
            raise RagError(f"{path}:{number}: not a valid question ({exc})") from None
    if split != "all":
        questions = [q for q in questions if q.split == split]
    if not questions:
        raise RagError(f"no questions in {path} for split {split!r}")
    return questions


def _day(value) -> str | None:
    """``value`` when it is None or a day like 2026-01-23; else a ValueError (a line that is no valid question)."""
    if value is not None and not (isinstance(value, str) and len(value) == 10 and is_date(value)):
        raise ValueError(f"asked_on must be a day like 2026-01-23, not {value!r}")
    return value


def as_typed_in_lower_case(questions: Sequence[Question]) -> list[Question]:
    """The questions as a hurried reader types them: all in lower case, without the question mark."""
    return [replace(q, question=q.question.lower().rstrip().rstrip("?").rstrip()) for q in questions]


# ---------------------------------------------------------------- matching

def normalize(text: str) -> str:
    """Lowercase; unify per cent/percent/%, strip currency words and thousands separators."""
    text = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\s*(per cent|percent)\b", "%", text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"\b(usd|us\$)\s*|\$", "", text)
    text = re.sub(r"\[\d+\]", " ", text)
    text = re.sub(r"[^\w%.\-' ]+", " ", text)
    return " ".join(text.split())


def contains_answer(text: str, answers: Iterable[str]) -> bool:
    norm = f" {normalize(text)} "
    return any(re.search(rf"(?<![\w.]){re.escape(normalize(a))}(?![\w])", norm) for a in answers if a.strip())


def token_f1(prediction: str, answers: Sequence[str]) -> float:
    pred = normalize(prediction).split()
    best = 0.0
    for answer in answers:
        gold = normalize(answer).split()
        common = sum((Counter(pred) & Counter(gold)).values())
        if common:
            p, r = common / len(pred), common / len(gold)
            best = max(best, 2 * p * r / (p + r))
    return best


def answer_body(answer) -> str:
    """The answer's text without the titles of the articles it cites: a title that happens to
    hold an acceptable answer ("... as agriculture remains the sticking point") is not one."""
    text = answer.text
    for citation in answer.citations:
        if citation.title:
            text = text.replace(citation.title, " ")
    return text


def _ws(text: str) -> str:
    return " ".join(text.split())


def has_evidence(passage_text: str, source: str, question: Question) -> bool:
    """A passage is relevant when it contains one of the question's evidence quotes."""
    text = _ws(passage_text)
    return any(src == source and _ws(quote) in text for src, quote in question.evidence)


# ---------------------------------------------------------------- running

@dataclass
class Result:
    question: Question
    answer: dict
    correct: bool
    f1: float
    latency: float
    first_relevant: dict  # mode -> 1-based rank of the first relevant passage in the top 10, or None
    retrieved: dict  # mode -> [(source, chunk_id)] of the top 10
    support: float | None = None
    meaning: float | None = None  # the best candidate's embedding similarity (the meaning threshold's)
    forced_answer: str | None = None  # what the generator would say if it never abstained
    cited_evidence: list = field(default_factory=list)  # per citation: does its passage hold evidence
    # of a question of several parts: some parts withheld, every part answered right. Not a wrong answer
    # (nothing it says is false) nor a right one: a withheld answer, counted with the wrong abstentions
    partly_withheld: bool = False


def _withheld(pipeline, q: Question, answer, today: datetime.date | None = None) -> list[bool] | None:
    """For each gold part of ``q``, whether ``answer`` withholds it; None when there is nothing to align
    (no parts, an answer withheld whole, or every part covered and given) or when the parts as the
    pipeline splits them do not match the gold ones one to one (then the answer is judged whole)."""
    if not q.parts or answer.abstained or (all(q.parts) and not answer.withheld_parts):
        return None
    parts = pipeline.analyse(q.question, today=today).parts
    if len(parts) != len(q.parts):
        return None
    return [part.text in answer.withheld_parts for part in parts]


def _uncovered_withheld(q: Question, withheld: list[bool] | None) -> bool:
    """Whether the answer says the articles don't cover exactly the parts of ``q`` they don't (true for a
    question without such parts); ``withheld`` as _withheld gives it."""
    if all(q.parts):
        return True
    return withheld is not None and all(held == (not gold) for held, gold in zip(withheld, q.parts))


def _partly_withheld(q: Question, withheld: list[bool] | None, said: str) -> bool:
    """Whether the answer withholds some parts of ``q`` and gives every other part's gold answer (a part the
    articles don't cover has none, so answering it is wrong); ``withheld`` as _withheld gives it."""
    if withheld is None or not any(withheld):
        return False
    given = [gold for held, gold in zip(withheld, q.parts) if not held]
    return bool(given) and all(contains_answer(said, gold) for gold in given)


def run_questions(pipeline, questions: Sequence[Question], modes: Sequence[str] = MODES,
                  progress: bool = False, filters=None) -> list[Result]:
    """Answer every question through the pipeline, and rank passages in every mode."""
    from tqdm import tqdm

    results = []
    for q in tqdm(questions, desc="questions", disable=not progress, unit="q"):
        started = time.perf_counter()  # first, so the question's embedding is not cached yet
        today = datetime.date.fromisoformat(q.asked_on) if q.asked_on else None
        answer = pipeline.ask(q.question, filters=filters, today=today)
        latency = time.perf_counter() - started
        vector = pipeline.embedder.encode([q.question])[0]  # cached by ask(): the modes below reuse it
        first, retrieved = {}, {}
        for mode in modes:
            passages = pipeline.retriever.retrieve(q.question, 10, mode, query_vector=vector, filters=filters)
            retrieved[mode] = [(p.source, p.chunk_id) for p in passages]
            first[mode] = next((rank for rank, p in enumerate(passages, start=1)
                                if has_evidence(p.text, p.source, q)), None)
        data = answer.to_json()
        said = answer_body(answer)
        withheld = _withheld(pipeline, q, answer, today)  # the parts withheld, aligned with the gold ones once
        if q.answerable:
            correct = not answer.abstained and q.answered_by(said) and _uncovered_withheld(q, withheld)
        else:
            correct = answer.abstained
        support = meaning = forced = None
        generator = pipeline.generator
        if hasattr(generator, "candidates") and hasattr(generator, "compose"):  # for calibrating its threshold
            asked = dated_relative(q.question, today) if today else q.question  # as the answer read it
            scored = generator.candidates(asked, answer.passages)
            support = scored[0].score if scored else 0.0
            meaning = scored[0].similarity if scored else 0.0
            forced = generator.compose(asked, scored, answer.passages).text if scored else ""
        cited = [has_evidence(c.text, c.source, q) for c in answer.citations]
        results.append(Result(q, data, correct, token_f1(said, q.answers) if q.answerable else float(correct),
                              latency, first, retrieved, support, meaning, forced, cited,
                              partly_withheld=not correct and _partly_withheld(q, withheld, said)))
    return results


def evaluate(pipeline, questions: Sequence[Question], progress: bool = False, filters=None):
    """Run ``questions`` and summarize them: ``(results, summary)``."""
    from .metrics import summarize

    results = run_questions(pipeline, questions, progress=progress, filters=filters)
    dates = {source: meta.date for source, meta in pipeline.store.articles.items()}
    return results, summarize(results, dates=dates)


# ---------------------------------------------------------------- baseline file

def read_baseline(path: Path = DEFAULT_BASELINE) -> dict:
    try:
        baseline = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RagError(f"cannot read baseline {path}: {exc}") from None
    if not isinstance(baseline, dict) or not isinstance(baseline.get("metrics"), dict):
        raise RagError(f"baseline {path} has no metrics")
    return baseline


def write_baseline(summary: dict, split: str, path: Path = DEFAULT_BASELINE) -> Path:
    from .metrics import baseline_from

    write_json(Path(path), baseline_from(summary, split))
    return Path(path)


def check_baseline(summary: dict, path: Path = DEFAULT_BASELINE) -> list[str]:
    """The metrics that fell below the committed baseline (empty when none did)."""
    from .metrics import compare_to_baseline

    return compare_to_baseline(summary, read_baseline(path))
