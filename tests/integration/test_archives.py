"""Real archives: a saved news page, a two-page PDF, a scanned PDF, JSONL and CSV exports, read with the
real parsers and answered through the real pipeline, with citations, dates, pages and URLs."""

from __future__ import annotations

import shutil

import pytest

from rag.config import Config
from rag.corpus import load_corpus, read_article
from rag.editing import add_article, remove_article
from rag.formats import parse_fields
from rag.pipeline import Pipeline
from tests.archive_fixtures import (
    FIELDS,
    PAGE_URL,
    write_csv,
    write_jsonl,
    write_news_page,
    write_pdf,
    write_scanned_pdf,
)
from tests.conftest import CORPUS


def test_a_news_page_keeps_its_story_and_metadata_and_drops_the_furniture(tmp_path):
    article = read_article(write_news_page(tmp_path / "steel.html"), "steel.html")
    assert "steel import quota of 3.25 million tonnes" in article.text
    for furniture in ("Comments are closed", "visit my blog", "Subscribe", "Related stories", "Ten gadgets",
                      "All rights reserved", "World news"):
        assert furniture not in article.original, furniture
    meta = article.meta
    assert (meta.title, meta.date, meta.date_inferred) == ("Steel quota agreed", "2025-06-12", False)
    assert (meta.outlet, meta.byline, meta.url) == ("Trade Times", "Asha Rao", PAGE_URL)


def test_a_pdf_is_read_page_by_page_without_running_heads_footers_or_hyphens(tmp_path):
    article = read_article(write_pdf(tmp_path / "clip.pdf"), "clip.pdf")
    assert "THE COASTAL GAZETTE" not in article.original and "Page 1 of 2" not in article.original
    assert "expects a recovery in orders" in article.text
    assert "310,000 tonnes to the United States in 2024-25, the seafood export council" in article.text
    assert article.meta.title == "Seafood exports clipping" and article.meta.date_inferred
    second = article.original.index("The review of anti-dumping")
    assert article.meta.page_at(0) == 1 and article.meta.page_at(second) == 2


def test_a_scanned_pdf_and_broken_records_are_reported_and_skipped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_scanned_pdf(corpus / "scan.pdf")
    write_news_page(corpus / "steel.html")
    export = write_jsonl(tmp_path / "wire.jsonl")
    add_article(export, corpus, parse_fields(FIELDS))
    warnings = []
    articles = load_corpus(corpus, on_skip=warnings.append)
    assert sorted(a.source for a in articles) == ["steel.html", "wire.jsonl#1", "wire.jsonl#4"]
    assert any("scan.pdf" in w and "no text layer" in w for w in warnings)
    assert any("wire.jsonl:2" in w and "no text in field 'body'" in w for w in warnings)
    assert any("wire.jsonl:3" in w and "not JSON" in w for w in warnings)
    record = next(a for a in articles if a.source == "wire.jsonl#4")
    assert (record.meta.date, record.meta.outlet, record.meta.url) == ("2026-01-05", "Wire Two",
                                                                      "https://wire.example/cl-in")
    # removing one record loses nothing: the export is untouched and the record is listed as removed
    before = (corpus / "wire.jsonl").read_bytes()
    remove_article("wire.jsonl#1", corpus)
    assert (corpus / "wire.jsonl").read_bytes() == before
    assert "wire.jsonl#1" not in {a.source for a in load_corpus(corpus, on_skip=warnings.append)}


def test_an_export_that_holds_no_article_is_refused_before_it_is_copied(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"headline": "no text"}\nnot json\n')
    with pytest.raises(Exception, match="no usable record"):
        add_article(bad, corpus, parse_fields(FIELDS))
    assert not (corpus / "bad.jsonl").exists()


@pytest.fixture(scope="module")
def archive(tmp_path_factory, embedder):
    root = tmp_path_factory.mktemp("archive")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    write_news_page(corpus / "steel.html")
    write_pdf(corpus / "seafood.pdf")
    add_article(write_jsonl(root / "wire.jsonl"), corpus, parse_fields(FIELDS))
    add_article(write_csv(root / "wire2.csv"), corpus, parse_fields(FIELDS))
    pipe = Pipeline(Config(corpus_dir=corpus, index_dir=root / "index"), embedder=embedder, log=lambda m: None)
    _ = pipe.store
    return pipe


@pytest.mark.parametrize("question, value, source, extra", [
    ("What steel import quota did India and the US agree on?", "3.25 million tonnes", "steel.html",
     {"url": PAGE_URL, "date": "2025-06-12", "outlet": "Trade Times"}),
    ("When is the review of anti-dumping duties on Indian shrimp due to conclude?", "March 2026", "seafood.pdf",
     {"page": 2}),
    ("What bilateral trade goal did Vietnam and India set?", "$30 billion", "wire.jsonl#1",
     {"url": "https://wire.example/vn-in", "date": "2026-02-20"}),
])
def test_questions_about_each_format_are_answered_with_its_citation(archive, question, value, source, extra):
    answer = archive.ask(question)
    assert not answer.abstained and value in answer.text
    cited = answer.citations[0]
    assert cited.source == source
    for name, expected in extra.items():
        assert getattr(cited, name) == expected, name
    # the quote sits at its offsets in the article's original text, kept beside the index
    original = archive.article_text(source)
    assert original[cited.start:cited.end] == cited.quote


def test_the_same_record_in_two_exports_is_one_article_cited_with_its_copy(archive):
    answer = archive.ask("By how much did Chile's copper shipments to India rise in 2025?")
    assert not answer.abstained and "14 per cent" in answer.text
    cited = answer.citations[0]
    assert {cited.source, *cited.also_in} >= {"wire.jsonl#4", "wire2.csv#4"}
    assert cited.url == "https://wire.example/cl-in"
