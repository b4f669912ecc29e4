"""The generator interface, streaming, the fallback, and finding generators by name.

A generator turns an analysed question (:class:`~rag.question.Query`) and the
retrieved passages into an :class:`~rag.types.Answer`. Any object with a
``name`` and a matching ``generate`` method is a :class:`Generator`; one with a
``stream`` method too streams its text. Built in: ``extractive`` (no LLM,
:mod:`rag.extractive`) and ``openai`` (:mod:`rag.llm`).

A plug-in package registers a factory in the ``rag.generators`` entry-point
group; the factory is called as ``factory(config, pipeline)`` and returns a
generator::

    [project.entry-points."rag.generators"]
    mygen = "mypackage.module:make_generator"

A dotted path (``"mypackage.module:make_generator"``) works as a name too.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from importlib import metadata
from typing import Protocol, runtime_checkable

from .config import Config
from .errors import RagError
from .question import Query
from .types import ABSTAIN_TEXT, Answer, Citation, Passage

BUILTIN = ("extractive", "openai")
GROUP = "rag.generators"


@runtime_checkable
class Generator(Protocol):
    """Query + passages -> Answer."""

    name: str

    def generate(self, question: Query, passages: Sequence[Passage]) -> Answer: ...


def stream_answer(generator: Generator, question: Query, passages: Sequence[Passage]) -> Iterator[str | Answer]:
    """Text pieces as the generator produces them, then the finished Answer.

    Generators with a ``stream`` method stream through it; others yield their
    answer in one piece.
    """
    stream = getattr(generator, "stream", None)
    if stream is not None:
        yield from stream(question, passages)
        return
    answer = generator.generate(question, passages)
    yield answer.text
    yield answer


def renumber(text: str, number: dict[int, int]) -> str:
    """``text`` with its citation markers [n] renumbered by ``number``."""
    return re.sub(r"\[(\d+)\]", lambda m: f"[{number.get(int(m.group(1)), m.group(1))}]", text)


def _overlap(first: str, then: str) -> int:
    """Length of the longest whole sentence(s) that end ``first`` and begin ``then`` (0 if none)."""
    for size in range(min(len(first), len(then)), 19, -1):
        if first.endswith(then[:size]) and then[size - 1] in ".!?\"”’":
            return size
    return 0


def _merged(citations: list[Citation], c: Citation) -> tuple[int, str | None]:
    """Add ``c`` to ``citations`` unless an earlier citation of the same article quotes it, or some of
    it (overlapping chunks hold a sentence twice). Returns ``c``'s number and what of its quote is
    still to be said: None when an earlier part said all of it."""
    for i, x in enumerate(citations):
        if x.source != c.source:
            continue
        if c.quote in x.quote:
            return x.n, None
        head, tail = _overlap(x.quote, c.quote), _overlap(c.quote, x.quote)
        if not head and not tail:
            continue
        rest = (c.quote[head:] if head else c.quote[:len(c.quote) - tail]).strip()
        if x.chunk_id != c.chunk_id or c.quote_start >= x.quote_end or x.quote_start >= c.quote_end:
            citations.append(replace(c, n=len(citations) + 1))  # its own citation, said without the repeat
            return len(citations), rest
        start, end = min(x.quote_start, c.quote_start), max(x.quote_end, c.quote_end)
        citations[i] = replace(x, quote=x.text[start:end], quote_start=start, quote_end=end,
                               start=min(x.start, c.start), end=max(x.end, c.end))
        return x.n, rest
    citations.append(replace(c, n=len(citations) + 1))
    return len(citations), c.quote


def combine_parts(query: Query, answers: Sequence[Answer]) -> Answer:
    """One answer to a question of several parts: each part's answer in turn, citations numbered
    afresh (a sentence cited by two parts keeps one number and is said once), and which parts the
    articles don't cover."""
    citations: list[Citation] = []
    texts, passages, notes, conflicts, seen = [], [], [], [], set()
    for part, answer in zip(query.parts, answers):
        number, text = {}, answer.text
        for c in answer.citations:
            number[c.n], rest = _merged(citations, c)
            if rest != c.quote and f"{c.quote} [{c.n}]" in text:
                text = text.replace(f"{c.quote} [{c.n}]", f"{rest} [{c.n}]" if rest else " ")
        text = " ".join(renumber(text, number).split())
        said = " ".join(texts)
        if answer.abstained:
            texts.append(f"On “{part.text}”: {ABSTAIN_TEXT}")
        elif text and text not in said:  # two parts answered by one sentence say it once
            texts.append(text)
        conflicts += [{**c, "n": number.get(c["n"], c["n"])} for c in answer.conflict or ()]
        notes += [n for n in answer.notes if n not in notes]
        passages += [p for p in answer.passages if p.chunk_id not in seen]
        seen.update(p.chunk_id for p in answer.passages)
    abstained = all(a.abstained for a in answers)
    return Answer(query.searched, ABSTAIN_TEXT if abstained else " ".join(texts), abstained,
                  () if abstained else citations, passages, notes, generator=answers[0].generator if answers else "",
                  conflict=conflicts or None, as_of=next((a.as_of for a in answers if a.as_of), None),
                  withheld_parts=() if abstained else tuple(part.text for part, a in zip(query.parts, answers)
                                                             if a.abstained),
                  short_answer=None if abstained else tuple(None if a.abstained else _one(a.short_answer)
                                                            for a in answers))


def _one(short) -> str | None:
    """A part's short answer as one value: disagreeing values are joined with "or"."""
    return " or ".join(v for v in short if v) or None if isinstance(short, tuple) else short


class FallbackGenerator:
    """Uses ``primary``; when it fails with a RagError, answers with ``fallback`` and says so."""

    def __init__(self, primary: Generator, fallback: Generator):
        self.primary, self.fallback = primary, fallback
        self.name = primary.name
        self.streams = getattr(primary, "streams", False)

    def generate(self, question: Query, passages: Sequence[Passage]) -> Answer:
        *_, answer = self.stream(question, passages)
        return answer

    def stream(self, question: Query, passages: Sequence[Passage]) -> Iterator[str | Answer]:
        try:
            yield from stream_answer(self.primary, question, passages)
        except RagError as exc:
            answer = self.fallback.generate(question, passages)
            note = f"{self.primary.name} failed ({exc}); this is the {self.fallback.name} answer"
            yield "\n"
            yield replace(answer, notes=(*answer.notes, note))


# ---------------------------------------------------------------- finding generators by name

def _entry_points() -> dict:
    return {ep.name: ep for ep in metadata.entry_points(group=GROUP)}


def named_generators() -> list[str]:
    """The generators that may be named by anyone: built in, or registered by an installed plug-in."""
    return list(BUILTIN) + sorted(set(_entry_points()) - set(BUILTIN))


def available_generators(config: Config) -> list[str]:
    """The named generators, and the one ``config`` names (which the operator chose, so it may be a path)."""
    names = named_generators()
    if config.generator not in names:
        names.append(config.generator)
    return names


def _load(name: str):
    entry_points = _entry_points()
    if name in entry_points:
        try:
            return entry_points[name].load()
        except Exception as exc:
            raise RagError(f"cannot load generator plug-in {name!r}: {exc}") from None
    if ":" in name:
        module, _, attr = name.partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            raise RagError(f"cannot import generator {name!r}: {exc}") from None
    raise RagError(f"unknown generator {name!r} (available: {', '.join(available_generators(Config()))})")


def make_generator(config: Config, pipeline) -> Generator:
    """The generator ``config.generator`` names, wrapped in the fallback ``config.fallback`` names."""
    if config.generator == "extractive":
        from .extractive import ExtractiveGenerator

        generator = ExtractiveGenerator.from_config(config, pipeline.store, pipeline.embedder)
    elif config.generator == "openai":
        from .llm import OpenAIGenerator

        generator = OpenAIGenerator.from_config(config, pipeline.embedder)
    else:
        generator = _load(config.generator)(config, pipeline)
        if not isinstance(generator, Generator):
            raise RagError(f"generator {config.generator!r} has no name and generate(question, passages)")
    if config.fallback and config.fallback != config.generator:
        fallback = make_generator(config.replace(generator=config.fallback, fallback=""), pipeline)
        generator = FallbackGenerator(generator, fallback)
    return generator
