"""Near-duplicate articles (syndicated copies), found at index time with MinHash.

A news archive holds the same story many times: wire copy republished by several
outlets, with a different headline or a line added. Each group of copies keeps one
canonical article, the earliest dated (then the first by path); the others are
recorded as its copies (``ArticleMeta.copy_of``), are not chunked, embedded or
indexed, and are named in the canonical article's citations (``also_in``). So a
corpus with copies answers exactly as the corpus without them.

datasketch's MinHash and LSH find the candidates; word 5-shingles of the
lowercased text are the set compared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .types import Article

THRESHOLD = 0.8  # estimated Jaccard similarity of 5-shingles from which two articles are copies
NUM_PERM = 128
_WORDS = re.compile(r"\w+")


def shingles(text: str, n: int = 5) -> set[bytes]:
    words = _WORDS.findall(text.lower())
    if len(words) < n:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + n]).encode() for i in range(len(words) - n + 1)}


def canonical_order(article: Article) -> tuple:
    """Earliest dated first, undated last, then by path: the first of a group is its canonical copy."""
    return (article.meta.date is None, article.meta.date or "", article.source)


def find_copies(articles: Sequence[Article], threshold: float = THRESHOLD) -> dict[str, str]:
    """{copy's source: canonical article's source} for every article that is a near-copy of another."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    by_source = {a.source: a for a in articles}
    signatures: dict[str, MinHash] = {}
    copies: dict[str, str] = {}
    for article in sorted(articles, key=canonical_order):
        signature = MinHash(num_perm=NUM_PERM)
        signature.update_batch(list(shingles(article.text)))
        matches = [s for s in lsh.query(signature) if signatures[s].jaccard(signature) >= threshold]
        if matches:
            copies[article.source] = min(matches, key=lambda s: canonical_order(by_source[s]))
            continue
        lsh.insert(article.source, signature)
        signatures[article.source] = signature
    return copies

