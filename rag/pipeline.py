"""The question-answering pipeline: index, retriever and generator composed."""

from __future__ import annotations

import sys
from functools import cached_property
from typing import Callable, Iterator

from .config import Config
from .embedding import Embedder
from .errors import RagError
from .generation import Answer, ExtractiveGenerator, Generator, stream_answer
from .index import Index, open_index
from .retrieval import Passage, Retriever


def check_question(question: str, max_chars: int) -> str:
    """The question stripped, or a RagError saying what is wrong with it."""
    if not isinstance(question, str) or not question.strip():
        raise RagError("the question is empty")
    question = " ".join(question.split())
    if len(question) > max_chars:
        raise RagError(f"the question is {len(question)} characters long; the limit is {max_chars}")
    return question


def _stderr(message: str) -> None:
    print(f"rag: {message}", file=sys.stderr)


class Pipeline:
    """Loads the model and the index once, then answers any number of questions.

    >>> pipeline = Pipeline(Config())
    >>> answer = pipeline.ask("How big was the US goods trade deficit with India in 2024?")
    """

    def __init__(self, config: Config | None = None, generator: Generator | None = None,
                 build: str = "auto", progress: bool = False, log: Callable[[str], None] = _stderr):
        self.config = config or Config()
        self.config.validate()
        self._generator = generator
        self.build = build
        self.progress = progress
        self.log = log

    @cached_property
    def embedder(self) -> Embedder:
        return Embedder(self.config.model, batch_size=self.config.batch_size)

    @cached_property
    def index(self) -> Index:
        return open_index(self.config, self.embedder, build=self.build, progress=self.progress, log=self.log)

    @cached_property
    def retriever(self) -> Retriever:
        c = self.config
        return Retriever(self.index, self.embedder, c.mode, c.rrf_k, c.dense_weight, c.bm25_weight, c.candidates)

    @cached_property
    def generator(self) -> Generator:
        if self._generator is not None:
            return self._generator
        from .generators import make_generator

        return make_generator(self.config, self)

    def extractive(self) -> ExtractiveGenerator:
        return ExtractiveGenerator(self.embedder, self.index.bm25.idf, self.config.abstain_threshold,
                                   self.config.max_answer_sentences)

    def retrieve(self, question: str, k: int | None = None, mode: str | None = None) -> list[Passage]:
        question = check_question(question, self.config.max_question_chars)
        return self.retriever.retrieve(question, k or self.config.k, mode)

    def ask(self, question: str, k: int | None = None, mode: str | None = None) -> Answer:
        question = check_question(question, self.config.max_question_chars)
        passages = self.retriever.retrieve(question, k or self.config.k, mode)
        return self.generator.generate(question, passages)

    def stream(self, question: str, k: int | None = None, mode: str | None = None) -> Iterator[str | Answer]:
        """Text pieces of the answer as they are produced, then the Answer."""
        question = check_question(question, self.config.max_question_chars)
        passages = self.retriever.retrieve(question, k or self.config.k, mode)
        yield from stream_answer(self.generator, question, passages)
