"""The question-answering pipeline: store, retriever and generator composed, built from one Config.

The command line, the chat page and the evaluation are thin shells over it.
Parts can be handed in (``Pipeline(config, embedder=..., store=...)``), so tests
and benchmarks share a loaded model without reaching into the pipeline.
"""

from __future__ import annotations

import datetime
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from .bm25 import tokenize
from .casing import capitals_in, truecased, typed_in_lower_case
from .collection import count_mentions
from .config import Config
from .embedding import Embedder
from .generation import Generator, combine_parts, make_generator, stream_answer
from .indexing import BUILD_CHOICES, article_text, index_corpus, open_store
from .question import Query, analyse, with_person_named
from .retrieval import Retriever
from .store import CorruptIndex, Store
from .types import Answer, Filters, Passage


def _stderr(message: str) -> None:
    print(f"rag: {message}", file=sys.stderr)


class Pipeline:
    """Loads the model and the store once, then answers any number of questions.

    >>> pipeline = Pipeline(Config())
    >>> answer = pipeline.ask("How big was the US goods trade deficit with India in 2024?")
    """

    def __init__(self, config: Config | None = None, *, embedder: Embedder | None = None,
                 store: Store | None = None, generator: Generator | None = None, build: str = "auto",
                 progress: bool = False, log: Callable[[str], None] = _stderr):
        if build not in BUILD_CHOICES:
            raise ValueError(f"build must be one of {BUILD_CHOICES}")
        self.config = config or Config()
        self.config.validate()
        self._embedder, self._store, self._retriever = embedder, store, None
        self._generator = generator
        self._generators: dict[str, Generator] = {}
        self._lock = threading.RLock()
        self.build, self.progress, self.log = build, progress, log

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = Embedder.from_config(self.config)
        return self._embedder

    @property
    def store(self) -> Store:
        with self._lock:
            if self._store is None:
                self._store = open_store(self.config, self.embedder, self.build, self.progress, self.log)
            return self._store

    @property
    def retriever(self) -> Retriever:
        with self._lock:
            if self._retriever is None:
                self._retriever = Retriever.from_config(self.config, self.store, self.embedder)
            return self._retriever

    def refresh(self) -> bool:
        """Switch to a newer generation of the store if one was written; True when it did."""
        if self._store is None:
            return False
        try:
            new = self._store.newer()
        except CorruptIndex as exc:
            self.log(f"keeping the loaded index: {exc}")
            return False
        if new is None:
            return False
        self._switch(new)
        self.log(f"loaded the new index {new.stats().get('generation')}")
        return True

    def article_text(self, source: str) -> str | None:
        """The original text of an indexed article (what citation offsets point into); None if unknown."""
        meta = self.store.articles.get(source)
        return article_text(self.config.index_dir, meta) if meta is not None else None

    def update_index(self, log: Callable[[str], None] | None = None) -> bool:
        """Bring the index up to date with the corpus (only what changed is embedded) and switch to it;
        True when anything was built."""
        # built outside the pipeline's lock, so questions are answered from the old index meanwhile;
        # two updates at once are serialised by the index's build lock
        store, built = index_corpus(self.config, self.embedder, log=log or self.log)
        if built or self._store is None:
            self._switch(store)
        return built

    def _switch(self, store: Store) -> None:
        """Answer from ``store`` from now on; the retriever and generators built on the old one go."""
        with self._lock:
            self._store, self._retriever = store, None
            self._generators.clear()

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
                self._generators[name] = make_generator(self.config.replace(generator=name), self)
        return self._generators[name]

    def analyse(self, question: str, history: Sequence[str] = (), today: datetime.date | None = None) -> Query:
        """The question checked and analysed, once, for retrieval and the generator, as asked on ``today``
        (default: the configured day, else the machine's)."""
        return analyse(question, history, self.config.max_question_chars, casing=self._cased,
                       today=today or self.config.asked_on())

    def _cased(self, text: str) -> str:
        """``text`` typed all in lower case with its names' capitals, as the passages nearest it write them
        (rag.casing); any other text as it is. Retrieval reads no capitals, so the passages are those the
        question finds."""
        if not typed_in_lower_case(text):
            return text
        passages = self.retriever.nearest(text, self.config.k)
        never = self.store.idf("\x00")  # the rarity of a term no text holds

        def unseen(word: str) -> bool:
            terms = tokenize(word)
            return bool(terms) and all(self.store.idf(t) >= never for t in terms)
        return truecased(text, capitals_in([t for p in passages for t in (p.article.title, p.text)]), unseen)

    def retrieve(self, question: str | Query, k: int | None = None, mode: str | None = None,
                 filters: Filters | None = None) -> list[Passage]:
        query = question if isinstance(question, Query) else self.analyse(question)
        return self.retriever.retrieve(query, k or self.config.k, mode, filters=filters)

    def ask(self, question: str, k: int | None = None, mode: str | None = None,
            generator: str | None = None, history: Sequence[str] = (), filters: Filters | None = None,
            today: datetime.date | None = None) -> Answer:
        """Answer ``question``; ``history`` holds earlier questions, for follow-ups; ``today`` is the day it
        is asked on (see analyse)."""
        *_, answer = self.stream(question, k, mode, generator, history, filters, today)
        return answer

    def stream(self, question: str, k: int | None = None, mode: str | None = None,
               generator: str | None = None, history: Sequence[str] = (),
               filters: Filters | None = None, today: datetime.date | None = None) -> Iterator[str | Answer]:
        """Text pieces of the answer as they are produced, then the Answer."""
        query = self.analyse(question, history, today)
        if query.mentions is not None:
            # a count of the articles themselves is answered by counting them, whatever the generator
            answer = count_mentions(query.text, query.mentions, self.store, filters)
            yield answer.text
            yield replace(answer, searched=query.searched)
            return
        chosen = self.get_generator(generator)
        if query.parts and getattr(chosen, "answers_parts_separately", False):
            # a generator that answers one thing at a time answers each part, and the parts are combined
            answers: list[Answer] = []
            for part in query.parts:
                # "..., and which countries did he say ...?": he is the person the first part's answer names
                first = answers[0].short_answer if answers else None
                if isinstance(first, str) and first:
                    part = with_person_named(part, query.parts[0], first) or part
                answers.append(chosen.generate(part, self.retrieve(part, k, mode, filters)))
            answer = combine_parts(query, answers)
            yield answer.text
            yield replace(answer, question=query.text, searched=query.searched)
            return
        passages = self.retrieve(query, k, mode, filters)
        for piece in stream_answer(chosen, query, passages):
            if isinstance(piece, Answer):
                piece = replace(piece, question=query.text, searched=query.searched)
            yield piece
