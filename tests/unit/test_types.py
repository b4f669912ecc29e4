"""The shared types: frozen answers, filters, citations quoting exact spans, JSON shapes."""

import dataclasses

import pytest

from rag.types import ABSTAIN_TEXT, Answer, ArticleMeta, Chunk, Citation, Filters, Passage

TEXT = "India and the US talked. The deficit was $45.7 billion. Talks resume in May."
CHUNK = Chunk(id="c1", source="a.txt", text=TEXT, start=100, end=100 + len(TEXT),
              sentences=((0, 24, 100, 124), (25, 55, 125, 155), (56, 77, 156, 177)), n_tokens=20)
META = ArticleMeta(source="a.txt", title="Talks", date="2025-03-28", outlet="PTI", sha256="x")
PASSAGE = Passage(CHUNK, META, 0.5, {"bm25": 1})


def test_answers_are_frozen_and_changed_by_copy():
    answer = Answer("q?", ABSTAIN_TEXT, True, [], [PASSAGE], ["a note"])
    assert answer.passages == (PASSAGE,) and answer.notes == ("a note",)
    with pytest.raises(dataclasses.FrozenInstanceError):
        answer.text = "changed"
    changed = dataclasses.replace(answer, searched="q2?")
    assert changed.searched == "q2?" and answer.searched is None


def test_a_citation_quotes_exact_sentences_with_offsets():
    c = Citation.quoting(1, PASSAGE, [2, 1])
    assert c.quote == "The deficit was $45.7 billion. Talks resume in May."
    assert (c.start, c.end) == (125, 177) and c.text[c.quote_start:c.quote_end] == c.quote
    assert c.outlet == "PTI" and c.date == "2025-03-28" and "supported" not in c.to_json()
    assert dataclasses.replace(c, supported=False).to_json()["supported"] is False


def test_answer_json_contract():
    answer = Answer("q?", "The deficit was $45.7 billion. [1]", False, [Citation.quoting(1, PASSAGE, [1])],
                    [PASSAGE], searched="q?", as_of="2025-03-28", conflict=[{"value": "5%", "n": 1}])
    data = answer.to_json()
    assert set(data) == {"question", "answer", "abstained", "citations", "passages", "as_of", "conflict"}
    assert data["passages"] == [{"chunk_id": "c1", "source": "a.txt", "score": 0.5, "text": TEXT}]
    assert data["conflict"] == [{"value": "5%", "n": 1}]


def test_article_meta_round_trips_and_ignores_unknown_keys():
    assert ArticleMeta.from_dict({**META.to_dict(), "unknown": 1}) == META
    assert Chunk.from_dict(CHUNK.to_dict()) == CHUNK


@pytest.mark.parametrize("filters,source,date,ok", [
    (Filters(), "a.txt", None, True),
    (Filters(sources=("2026-*",)), "2026-01-x.txt", "2026-01", True),
    (Filters(sources=("2026-*",)), "2025-x.txt", "2025", False),
    (Filters(sources=("x.txt",)), "sub/x.txt", None, True),  # a bare file name matches in any folder
    (Filters(since="2026-01-15"), "a.txt", "2026-01", True),  # a month may include the 15th
    (Filters(since="2026-01-15"), "a.txt", "2026-01-14", False),
    (Filters(until="2025-04-30"), "a.txt", "2025-04", True),
    (Filters(until="2025"), "a.txt", "2026-01-01", False),
    (Filters(since="2025"), "a.txt", None, False),  # undated never passes a date filter
])
def test_filters(filters, source, date, ok):
    assert filters.accepts(ArticleMeta(source=source, title="t", date=date)) is ok


def test_filters_describe_themselves():
    assert not Filters() and Filters(since="2025")
    assert Filters(("a*",), "2025", "2026").describe() == "--source a* --since 2025 --until 2026"
