"""Token-aware, sentence-aligned chunking with overlap."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from .types import Article, Chunk


def chunk_id(source: str, text: str) -> str:
    """Stable id: the same article path and chunk text always give the same id."""
    return hashlib.sha1(f"{source}\x00{text}".encode()).hexdigest()[:16]


# Abbreviations whose trailing period does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "inc", "ltd", "co", "corp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "gov", "gen", "col", "lt", "sen", "rep", "approx", "fig", "est",
}
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of ``text``; every line break ends one.

    Hand-written rules rather than a library: nltk's punkt needs a data download
    and pysbd is unmaintained and slow; news prose needs only the rules below
    (a period after an abbreviation or a single capital, as in "U.S.", ends nothing).
    """
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        pos = line.start()
        for match in _BOUNDARY.finditer(line.group()):
            end = line.start() + match.end()
            word = re.search(r"(\w+)\W*$", text[pos:line.start() + match.start() + 1])
            token = word.group(1) if word else ""
            if text[line.start() + match.start()] == "." and (
                token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper())
            ):
                continue
            spans.append(_strip(text, pos, end))
            pos = end
        spans.append(_strip(text, pos, line.end()))
    return [s for s in spans if s[1] > s[0]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=4)
def get_encoding(name: str = "cl100k_base"):
    """A tiktoken encoding, from the offline copy when one is installed."""
    from .embedding import contain_caches

    contain_caches()  # tiktoken would cache downloads in $TMPDIR
    import tiktoken

    if f"{name}_offline" in tiktoken.list_encoding_names():
        return tiktoken.get_encoding(f"{name}_offline")
    return tiktoken.get_encoding(name)


class Chunker:
    """Packs whole sentences into chunks of at most ``chunk_tokens`` tokens.

    Consecutive chunks share up to ``overlap_tokens`` tokens of whole sentences.
    ``model_tokens`` counts what the embedding model reads (special tokens
    included) and ``model_limit`` is how much it reads; a chunk that would pass
    the limit is closed early. A single sentence too long on its own is cut at
    token boundaries. Sizes are checked by :class:`~rag.config.Config`.
    """

    def __init__(
        self,
        chunk_tokens: int = 200,
        overlap_tokens: int = 40,
        encoding: str = "cl100k_base",
        model_tokens: Callable[[str], int] | None = None,
        model_limit: int | None = None,
    ):
        self.chunk_tokens = chunk_tokens
        self.overlap_tokens = overlap_tokens
        self.encoding = get_encoding(encoding)
        self.model_tokens = model_tokens
        self.model_limit = model_limit

    def fits(self, text: str) -> bool:
        """Whether the embedding model reads all of ``text``."""
        if self.model_tokens is None or self.model_limit is None:
            return True
        return self.model_tokens(text) <= self.model_limit

    def _model_cost(self, text: str) -> int:
        """Model tokens of ``text`` without the two special tokens; 0 when there is no model."""
        return self.model_tokens(text) - 2 if self.model_tokens is not None and self.model_limit else 0

    def count(self, text: str) -> int:
        return len(self.encoding.encode(text, disallowed_special=()))

    def _pieces(self, text: str) -> list[tuple[int, int, int]]:
        """Sentence spans with (cl100k) token counts, long sentences cut to fit."""
        pieces = []
        for start, end in split_sentences(text):
            n = self.count(text[start:end])
            if n <= self.chunk_tokens and self.fits(text[start:end]):
                pieces.append((start, end, n))
                continue
            pos = start
            tokens = self.encoding.encode(text[start:end], disallowed_special=())
            size = self.chunk_tokens
            i = 0
            while i < len(tokens):
                piece = self.encoding.decode(tokens[i:i + size])
                if not self.fits(piece) and size > 8:
                    size = size * 3 // 4
                    continue
                located = text.find(piece.strip(), pos)
                if located < 0:  # a multi-byte character was cut; fall back to the rest
                    located, piece = pos, text[pos:end]
                p_start, p_end = _strip(text, located, located + len(piece.strip()))
                pieces.append((p_start, p_end, self.count(text[p_start:p_end])))
                pos = p_end
                i += size
        return pieces

    def split(self, article: Article) -> list[Chunk]:
        text = article.text
        pieces = self._pieces(text)
        # The model's word pieces add up over sentences (it splits on spaces and punctuation
        # first), so the whole chunk is tokenized only when the sum comes near the limit.
        costs = [self._model_cost(text[s:e]) for s, e, _ in pieces]
        limit = (self.model_limit or 0) - 2
        chunks: list[Chunk] = []
        i = 0
        while i < len(pieces):
            j, total, model_total = i, 0, 0
            while j < len(pieces):
                candidate = total + pieces[j][2]
                model_candidate = model_total + costs[j]
                too_long = self.model_limit is not None and model_candidate > limit - 8 and not self.fits(
                    text[pieces[i][0]:pieces[j][1]])
                if j > i and (candidate > self.chunk_tokens or too_long):
                    break
                total, model_total = candidate, model_candidate
                j += 1
            chunks.append(self._make_chunk(article, pieces[i:j]))
            if j >= len(pieces):
                break
            # step back over whole sentences for the overlap, always moving forward
            back, overlap = j, 0
            while back - 1 > i and overlap + pieces[back - 1][2] <= self.overlap_tokens:
                back -= 1
                overlap += pieces[back][2]
            i = back
        return chunks

    def _make_chunk(self, article: Article, pieces: Sequence[tuple[int, int, int]]) -> Chunk:
        start, end = pieces[0][0], pieces[-1][1]
        body = article.text[start:end]
        sentences = tuple(
            (s - start, e - start, *article.raw_span(s, e)) for s, e, _ in pieces
        )
        raw_start, raw_end = article.raw_span(start, end)
        return Chunk(
            id=chunk_id(article.source, body), source=article.source, text=body,
            start=raw_start, end=raw_end, sentences=sentences, n_tokens=self.count(body),
        )
