"""The ground floor: the data every stage hands to the next.

corpus -> :class:`Article` -> chunking -> :class:`Chunk` -> store -> retriever ->
:class:`Passage` -> generator -> :class:`Answer` with :class:`Citation` s.

Everything here is frozen; a stage that changes a value makes a copy with
:func:`dataclasses.replace`. Nothing here imports another module of the package
but :mod:`rag.dates`, so every module can import these types without importing
the module that produces them.
"""

from __future__ import annotations

import fnmatch
from dataclasses import asdict, dataclass, field, fields

import numpy as np

from .dates import date_range

ABSTAIN_TEXT = "The articles don't say."


@dataclass(frozen=True)
class ArticleMeta:
    """What is known about an article besides its text."""

    source: str  # path relative to the corpus directory, with forward slashes
    title: str
    date: str | None = None  # ISO 8601, as precise as known: 2026, 2026-01, 2026-01-23
    date_inferred: bool = False
    outlet: str | None = None
    byline: str | None = None
    sha256: str = ""
    copy_of: str | None = None  # the canonical article this one is a near-copy of (rag.dedup)
    url: str | None = None
    pages: tuple[int, ...] = ()  # PDFs: where each page starts in the original text

    def to_dict(self) -> dict:
        data = asdict(self)
        for name in ("url", "pages"):  # left out when empty, so a plain text corpus's index is unchanged
            if not data[name]:
                del data[name]
        if "pages" in data:
            data["pages"] = list(self.pages)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> ArticleMeta:
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        if "pages" in values:
            values["pages"] = tuple(int(p) for p in values["pages"])
        return cls(**values)

    def page_at(self, offset: int) -> int | None:
        """The page (from 1) holding ``offset`` of the original text; None for an article without pages."""
        import bisect

        return bisect.bisect_right(self.pages, offset) if self.pages else None


@dataclass(frozen=True)
class Article:
    meta: ArticleMeta
    text: str  # tidied text
    raw_offsets: np.ndarray  # raw_offsets[i] = offset in the original of text[i]; one extra entry for the end
    original: str = ""  # the text citations point into: the file's text, or what was extracted from it

    @property
    def source(self) -> str:
        return self.meta.source

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the tidied text to the original text."""
        if end <= start:
            pos = int(self.raw_offsets[start])
            return pos, pos
        return int(self.raw_offsets[start]), int(self.raw_offsets[end - 1]) + 1


@dataclass(frozen=True)
class Chunk:
    """A run of whole sentences from one article.

    ``start``/``end`` are offsets into the article's original text.
    ``sentences`` holds, per sentence, ``(start, end)`` inside ``text`` and
    ``(raw_start, raw_end)`` in the original, so a citation can quote one
    sentence and point at it exactly.
    """

    id: str
    source: str
    text: str
    start: int
    end: int
    sentences: tuple[tuple[int, int, int, int], ...]
    n_tokens: int

    def to_dict(self) -> dict:
        return {
            "id": self.id, "source": self.source, "text": self.text, "start": self.start,
            "end": self.end, "sentences": [list(s) for s in self.sentences], "n_tokens": self.n_tokens,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Chunk:
        return cls(
            id=data["id"], source=data["source"], text=data["text"], start=int(data["start"]),
            end=int(data["end"]), sentences=tuple(tuple(int(v) for v in s) for s in data["sentences"]),
            n_tokens=int(data["n_tokens"]),
        )

    def sentence(self, i: int) -> str:
        start, end = self.sentences[i][:2]
        return self.text[start:end]


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its article's metadata and its retrieval score."""

    chunk: Chunk
    article: ArticleMeta
    score: float
    ranks: dict = field(default_factory=dict)  # rank in each fused ranking, 1-based
    also_in: tuple[str, ...] = ()  # near-copies of this passage's article, not indexed themselves

    @property
    def text(self) -> str:
        return self.chunk.text

    @property
    def chunk_id(self) -> str:
        return self.chunk.id

    @property
    def source(self) -> str:
        return self.chunk.source

    def to_json(self) -> dict:
        return {"chunk_id": self.chunk_id, "source": self.source, "score": round(self.score, 6), "text": self.text}


@dataclass(frozen=True)
class Filters:
    """Which articles retrieval may return: source path patterns (globs) and a date range.

    An article with a partial date ("2026-01") passes when any day it covers is in
    range; an undated article never passes a date filter. Dates are checked where
    filters are made (:func:`rag.dates.check_date`), not here.
    """

    sources: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    def __bool__(self) -> bool:
        return bool(self.sources or self.since or self.until)

    def describe(self) -> str:
        parts = [f"--source {s}" for s in self.sources]
        parts += [f"--since {self.since}"] if self.since else []
        parts += [f"--until {self.until}"] if self.until else []
        return " ".join(parts)

    def accepts(self, article: ArticleMeta) -> bool:
        if self.sources and not any(
            fnmatch.fnmatch(article.source, pattern) or article.source == pattern
            or fnmatch.fnmatch(article.source.rsplit("/", 1)[-1], pattern) for pattern in self.sources
        ):
            return False
        if self.since or self.until:
            if not article.date:
                return False
            first, last = date_range(article.date)
            if self.since and last < date_range(self.since)[0]:
                return False
            if self.until and first > date_range(self.until)[1]:
                return False
        return True


@dataclass(frozen=True)
class Citation:
    """Numbered reference from an answer to the exact sentences that support it."""

    n: int
    chunk_id: str
    source: str
    title: str
    date: str | None
    text: str  # the whole cited passage
    quote: str  # the cited sentence(s)
    start: int  # offsets of the quote in the article's original text
    end: int
    quote_start: int = 0  # offsets of the quote inside ``text``
    quote_end: int = 0
    supported: bool | None = None  # set by generators that check their claims
    outlet: str | None = None
    date_inferred: bool = False
    also_in: tuple[str, ...] = ()  # other articles carrying the same text (syndicated copies)
    url: str | None = None
    page: int | None = None  # PDFs: the page the quote starts on

    @classmethod
    def quoting(cls, n: int, passage: Passage, sentence_index) -> Citation:
        """A citation quoting the given sentences (indexes into the chunk's sentences)."""
        spans = [passage.chunk.sentences[i] for i in sorted(sentence_index)]
        q_start, q_end = spans[0][0], spans[-1][1]
        return cls(
            n=n, chunk_id=passage.chunk_id, source=passage.source, title=passage.article.title,
            date=passage.article.date, text=passage.text, quote=passage.text[q_start:q_end],
            start=spans[0][2], end=spans[-1][3], quote_start=q_start, quote_end=q_end,
            outlet=passage.article.outlet or passage.article.byline, date_inferred=passage.article.date_inferred,
            also_in=passage.also_in, url=passage.article.url, page=passage.article.page_at(spans[0][2]),
        )

    def to_json(self) -> dict:
        data = asdict(self)
        if data["supported"] is None:
            del data["supported"]
        if data["also_in"]:
            data["also_in"] = list(data["also_in"])
        else:
            del data["also_in"]
        for name in ("url", "page"):
            if data[name] is None:
                del data[name]
        return data


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    abstained: bool
    citations: tuple[Citation, ...] = ()
    passages: tuple[Passage, ...] = ()
    notes: tuple[str, ...] = ()
    generator: str = ""
    searched: str | None = None  # the query actually searched, when it differs from the question
    conflict: tuple[dict, ...] | None = None  # the differing values when the sources disagree
    as_of: str | None = None  # for questions about the latest state: the date the answer speaks for
    partial: tuple[Citation, ...] = ()  # when abstaining: the nearest passage, which fails a constraint
    short_answer: str | tuple[str | None, ...] | None = None  # the typed value or span; one per part or value
    withheld_parts: tuple[str, ...] = ()  # of a question of several parts, those the articles don't cover

    def __post_init__(self):
        # callers may pass lists; the answer keeps tuples so it cannot change after it is built
        for name in ("citations", "passages", "notes", "partial", "withheld_parts"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if self.conflict is not None:
            object.__setattr__(self, "conflict", tuple(self.conflict))

    def to_json(self) -> dict:
        data = {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "passages": [p.to_json() for p in self.passages],
        }
        if self.notes:
            data["notes"] = list(self.notes)
        if self.conflict:
            data["conflict"] = [dict(c) for c in self.conflict]
        if self.as_of:
            data["as_of"] = self.as_of
        if self.searched and self.searched != self.question:
            data["searched"] = self.searched
        if self.partial:
            data["partial"] = [c.to_json() for c in self.partial]
        if self.withheld_parts:
            data["withheld_parts"] = list(self.withheld_parts)
        if self.short_answer is not None:
            data["short_answer"] = list(self.short_answer) if isinstance(self.short_answer, tuple) \
                else self.short_answer
        return data
