"""The question-answering pipeline: index, retriever and generator composed."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property

from .config import Config
from .conversation import rewrite_question
from .embedding import Embedder
from .errors import RagError
from .generation import Answer, ExtractiveGenerator, Generator, stream_answer
from .index import Index, open_index
from .retrieval import Filters, Passage, Retriever


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
        self._generators: dict[str, Generator] = {}
        self._lock = threading.RLock()
        self.build = build
        self.progress = progress
        self.log = log

    @cached_property
    def embedder(self) -> Embedder:
        return Embedder.from_config(self.config)

    @cached_property
    def index(self) -> Index:
        return open_index(self.config, self.embedder, build=self.build, progress=self.progress, log=self.log)

    @cached_property
    def retriever(self) -> Retriever:
        c = self.config
        return Retriever(self.index, self.embedder, c.mode, c.rrf_k, c.dense_weight, c.bm25_weight, c.candidates,
                         c.fusion)

    def refresh(self) -> bool:
        """Switch to a newer index generation if one was written; True when it did."""
        if "index" not in self.__dict__:
            return False
        from .index import CorruptIndex, current_generation, load_index

        try:
            if current_generation(self.config.index_dir) in (None, self.index.path):
                return False
            with self._lock:
                new = load_index(self.config.index_dir)
                if new is None or new.path == self.index.path:
                    return False
                for name in ("index", "retriever"):
                    self.__dict__.pop(name, None)
                self.__dict__["index"] = new
                self._generators.clear()
        except CorruptIndex as exc:
            self.log(f"keeping the loaded index: {exc}")
            return False
        self.log(f"loaded the new index {new.path.name}")
        return True

    @property
    def generator(self) -> Generator:
        return self.get_generator()

    def get_generator(self, name: str | None = None) -> Generator:
        """The generator called ``name`` (default: the configured one), made once."""
        if self._generator is not None and name in (None, self._generator.name):
            return self._generator
        name = name or self.config.generator
        with self._lock:
            if name not in self._generators:
                from .generators import make_generator

                self._generators[name] = make_generator(self.config.replace(generator=name), self)
        return self._generators[name]

    def extractive(self) -> ExtractiveGenerator:
        return ExtractiveGenerator(self.embedder, self.index.bm25.idf, self.config.abstain_threshold,
                                   self.config.max_answer_sentences)

    def retrieve(self, question: str, k: int | None = None, mode: str | None = None,
                 filters: Filters | None = None) -> list[Passage]:
        question = check_question(question, self.config.max_question_chars)
        return self.retriever.retrieve(question, k or self.config.k, mode, filters=filters)

    def ask(self, question: str, k: int | None = None, mode: str | None = None,
            generator: str | None = None, history: Sequence[str] = (), filters: Filters | None = None) -> Answer:
        """Answer ``question``; ``history`` holds earlier questions, for follow-ups."""
        *_, answer = self.stream(question, k, mode, generator, history, filters)
        return answer

    def stream(self, question: str, k: int | None = None, mode: str | None = None,
               generator: str | None = None, history: Sequence[str] = (),
               filters: Filters | None = None) -> Iterator[str | Answer]:
        """Text pieces of the answer as they are produced, then the Answer."""
        question = check_question(question, self.config.max_question_chars)
        searched = rewrite_question(question, history) if history else question
        passages = self.retriever.retrieve(searched, k or self.config.k, mode, filters=filters)
        for piece in stream_answer(self.get_generator(generator), searched, passages):
            if isinstance(piece, Answer):
                piece.question, piece.searched = question, searched
            yield piece
