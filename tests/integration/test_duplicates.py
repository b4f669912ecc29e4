"""Syndicated copies: the five articles plus eight near-copies of each answer exactly as the five alone."""

import pytest

from rag import evaluation as ev
from rag.config import Config
from rag.dedup import find_copies
from rag.pipeline import Pipeline
from rag.types import Article, ArticleMeta
from tests.conftest import CORPUS

COPIES = 8


@pytest.fixture(scope="module")
def copies_pipeline(tmp_path_factory, embedder):
    corpus = tmp_path_factory.mktemp("copies")
    for path in sorted(CORPUS.iterdir()):
        (corpus / path.name).write_bytes(path.read_bytes())
        if path.suffix != ".txt":
            continue
        for i in range(COPIES):  # republished with a line of its own, under another name, undated
            text = path.read_text(encoding="utf-8")
            (corpus / f"syndicated-{i}-{path.name}").write_text(
                f"Republished by Outlet {i} under licence.\n\n{text}", encoding="utf-8")
    config = Config(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp("copies-index"))
    pipe = Pipeline(config, embedder=embedder, log=lambda m: None)
    _ = pipe.store
    return pipe


def _answer(pipe, question):
    a = pipe.ask(question)
    return (a.text, a.abstained, [(c.source, c.quote, c.start, c.end) for c in a.citations],
            [(p.source, p.text) for p in a.passages])


def test_copies_are_found_and_not_indexed(copies_pipeline, pipeline):
    store = copies_pipeline.store
    assert sum(1 for m in store.articles.values() if m.copy_of) == 5 * COPIES
    assert len(store) == len(pipeline.store)  # only the originals' chunks
    assert all(store.articles[m.copy_of].copy_of is None for m in store.articles.values() if m.copy_of)
    assert store.manifest["counts"]["embedded"] == len(pipeline.store)


def test_every_question_gets_the_same_answer_and_citations(copies_pipeline, pipeline):
    questions = ev.load_questions()
    for q in questions:
        assert _answer(copies_pipeline, q.question) == _answer(pipeline, q.question), q.id
    answer = copies_pipeline.ask("How big was the US goods trade deficit with India in 2024?")
    citation = answer.citations[0]
    assert len(citation.also_in) == COPIES and all(s.startswith("syndicated-") for s in citation.also_in)
    assert citation.to_json()["also_in"] == list(citation.also_in)
    assert len({p.text for p in answer.passages}) == len(answer.passages)  # k distinct texts


def test_the_metrics_are_the_same(copies_pipeline, pipeline):
    # the reported split: every question's answer and citations are compared above, so the metrics, which
    # add the three retrieval modes' ranks, need not be run twice over the 1,700 dev questions as well
    questions = ev.load_questions(split="test")
    _, with_copies = ev.evaluate(copies_pipeline, questions)
    _, alone = ev.evaluate(pipeline, questions)
    for summary in (with_copies, alone):
        for m in (summary["overall"], *summary["by_type"].values()):
            m.pop("latency_ms_p50", None), m.pop("latency_ms_p95", None)
    assert with_copies == alone


def test_distinct_articles_are_not_copies():
    def article(source, text, date=None):
        import numpy as np

        return Article(ArticleMeta(source=source, title=source, date=date), text, np.arange(len(text) + 1))

    story = " ".join(f"word{i} appears in sentence {i // 7} of the story." for i in range(200))
    other = " ".join(f"term{i} belongs to another report number {i // 5}." for i in range(200))
    found = find_copies([article("b.txt", "Republished. " + story), article("a.txt", story, "2025-01-02"),
                         article("c.txt", other), article("d.txt", story[: len(story) // 3])])
    assert found == {"b.txt": "a.txt"}  # the dated original is canonical; a third of the story is no copy


def test_a_count_of_articles_counts_copies_once(copies_pipeline, pipeline):
    with_copies = copies_pipeline.ask("How many articles mention Lutnick?")
    assert with_copies.text == pipeline.ask("How many articles mention Lutnick?").text
    assert all(len(c.also_in) == COPIES for c in with_copies.citations)
