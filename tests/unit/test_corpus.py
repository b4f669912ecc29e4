import json

import pytest

from rag.corpus import load_corpus, read_article, tidy
from rag.errors import RagError


def test_tidy_keeps_offsets_into_the_original():
    raw = "\n\n  Title here  \n\n\n\nFirst  line,\twith   gaps.  \r\nSecond line.\n\n"
    text, offsets = tidy(raw)
    assert text == "Title here\n\nFirst line, with gaps.\nSecond line."
    for i, ch in enumerate(text):
        if ch not in " \n":
            assert raw[offsets[i]] == ch


def test_bundled_corpus_has_metadata_for_every_article(tmp_path):
    from tests.conftest import CORPUS

    articles = load_corpus(CORPUS)
    assert len(articles) == 5
    for article in articles:
        assert article.meta.title and article.meta.date
        assert not article.text.startswith("\n") and article.text == article.text.strip()
    dated = {a.meta.date for a in articles}
    assert "2026-01-23" in dated


def test_front_matter_supplies_metadata(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Tariffs rise\ndate: 2026-02-01\noutlet: Example Times\n---\n\n"
                    "Tariffs rose on Monday.\n")
    article = read_article(path, "a.md")
    assert article.meta.title == "Tariffs rise"
    assert article.meta.date == "2026-02-01"
    assert article.meta.outlet == "Example Times"
    assert article.text == "Tariffs rose on Monday."
    raw = path.read_text()
    start, end = article.raw_span(0, len(article.text))
    assert raw[start:end] == "Tariffs rose on Monday."


def test_unreadable_files_are_skipped_with_a_warning(tmp_path):
    (tmp_path / "good.txt").write_text("India and the US talked trade.")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 tariffs.".encode("latin-1"))
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "empty.txt").write_text("  \n\n")
    (tmp_path / "notes.csv").write_text("ignored")
    warnings = []
    articles = load_corpus(tmp_path, on_skip=warnings.append)
    assert [a.source for a in articles] == ["good.txt"]
    assert any("latin1.txt" in w and "UTF-8" in w for w in warnings)
    assert any("binary.md" in w and "binary" in w for w in warnings)
    assert any("empty.txt" in w for w in warnings)


def test_empty_or_missing_corpus_is_an_error(tmp_path):
    with pytest.raises(RagError, match="no readable"):
        load_corpus(tmp_path)
    with pytest.raises(RagError, match="not found"):
        load_corpus(tmp_path / "missing")


def test_bad_metadata_file_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "metadata.json").write_text("{not json")
    with pytest.raises(RagError, match="metadata.json"):
        load_corpus(tmp_path)
    (tmp_path / "metadata.json").write_text(json.dumps({"a.txt": {"date": "23 Jan"}}))
    with pytest.raises(RagError):
        read_article(tmp_path / "a.txt", "a.txt", {"date": "23 Jan"})


@pytest.mark.parametrize("entry,message", [
    ("just a string", "the entry for 'a.txt' must be an object of fields, not str"),
    (["a", "list"], "must be an object of fields, not list"),
    ({"outlet": ["PTI", "ANI"]}, "metadata.json entry 'a.txt': outlet must be text, not list"),
    ({"title": {"nested": 1}}, "title must be text, not dict"),
    ({"date": "2025-02-30"}, "date '2025-02-30' is not a real date"),
    ({"date": "2025-99-99"}, "date '2025-99-99' is not a real date"),
    ({"date_inferred": [1]}, "date_inferred must be true or false"),
])
def test_bad_metadata_skips_the_article_with_a_warning_naming_file_and_field(tmp_path, entry, message):
    (tmp_path / "a.txt").write_text("India and the US talked trade.")
    (tmp_path / "b.txt").write_text("The talks resume in May.")
    (tmp_path / "metadata.json").write_text(json.dumps({"a.txt": entry, "b.txt": {"title": "B", "date": 2025}}))
    warnings = []
    articles = load_corpus(tmp_path, on_skip=warnings.append)
    assert [a.source for a in articles] == ["b.txt"] and articles[0].meta.date == "2025"
    assert len(warnings) == 1 and message in warnings[0], warnings


def test_unclosed_front_matter_is_an_error_not_a_title(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Tariffs rise\ndate: 2026-02-01\n\nTariffs rose on Monday.\n")
    with pytest.raises(RagError, match="front matter is not closed"):
        read_article(path, "a.md")


def test_articles_over_the_size_limit_are_skipped(tmp_path):
    (tmp_path / "big.txt").write_text("Tariffs rose. " * 100_000)
    (tmp_path / "small.txt").write_text("Tariffs rose on Monday.")
    warnings = []
    articles = load_corpus(tmp_path, on_skip=warnings.append, max_bytes=1_000_000)
    assert [a.source for a in articles] == ["small.txt"]
    assert "big.txt is 1.4 MB; articles are limited to 1.0 MB" in warnings[0]


def test_links_out_of_the_corpus_are_not_followed_unless_asked(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    (corpus / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("A private note about tariffs.")
    (corpus / "own.txt").write_text("India and the US talked trade.")
    (corpus / "sub" / "inner.txt").write_text("The talks resume in May.")
    (corpus / "link.txt").symlink_to(outside / "secret.txt")
    (corpus / "linked-folder").symlink_to(outside)
    (corpus / "inner-link.txt").symlink_to(corpus / "own.txt")  # a link inside the corpus is fine
    warnings = []
    sources = [a.source for a in load_corpus(corpus, on_skip=warnings.append)]
    assert sources == ["inner-link.txt", "own.txt", "sub/inner.txt"]
    assert any("link.txt" in w and "outside the corpus" in w for w in warnings)
    followed = [a.source for a in load_corpus(corpus, follow_links=True)]
    assert "link.txt" in followed and "linked-folder/secret.txt" in followed
    (corpus / "sub" / "loop").symlink_to(corpus)
    assert len(load_corpus(corpus, follow_links=True)) == len(followed)  # a link loop is walked once
