"""Questions about the collection itself: "How many articles mention Lutnick?".

No sentence of an article answers them ("the two countries" counts no articles), so they are answered by
counting the articles (near-copies counted once, the filters applied) that name the words question analysis
read (``Query.mentions``), each cited by the first sentence that names them. Other questions about the
articles ("How many articles are about agriculture?") are withheld by question analysis: what an article
is about is not a count of words.
"""

from __future__ import annotations

import re

from .store import Store
from .types import Answer, Citation, Filters, Passage


def count_mentions(question: str, words: str, store: Store, filters: Filters | None = None) -> Answer:
    """The answer to "How many articles mention ``words``?": how many of the articles ``filters`` allow name
    them (a plural "s" allowed, in any case), each cited by its first sentence that does."""
    pattern = re.compile(rf"(?<!\w){re.escape(words)}(?:e?s)?(?!\w)", re.I)
    allowed = [meta for meta in store.articles.values()
               if not meta.copy_of and (not filters or filters.accepts(meta))]
    ids, _ = store.keyword_search(words, max(len(store), 1), filters)  # the chunks with any of its words
    first: dict[str, tuple[int, int, object]] = {}  # source -> (offset in the article, sentence, chunk)
    for chunk in map(store.chunk, ids):
        for i, (start, end, raw_start, _) in enumerate(chunk.sentences):
            if pattern.search(chunk.text[start:end]):
                if chunk.source not in first or raw_start < first[chunk.source][0]:
                    first[chunk.source] = (raw_start, i, chunk)
                break
    naming = sorted((meta for meta in allowed if meta.source in first), key=lambda m: (m.date or "", m.source))
    citations = tuple(Citation.quoting(n, Passage(first[meta.source][2], meta, 1.0,
                                                  also_in=store.copies_of(meta.source)), [first[meta.source][1]])
                      for n, meta in enumerate(naming, start=1))
    total = f"{len(allowed)} article{'s' if len(allowed) != 1 else ''}"
    if not citations:
        text = f"None of the {total} mention “{words}”."
    else:
        markers = " ".join(f"[{c.n}]" for c in citations)
        text = f"{len(citations)} of the {total} mention{'s' if len(citations) == 1 else ''} “{words}”: {markers}"
    return Answer(question, text, False, citations, generator="collection", short_answer=str(len(citations)))
