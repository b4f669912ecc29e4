from rag.chunking import Chunker
from rag.corpus import load_corpus, read_article
from tests.conftest import CORPUS


def test_no_chunk_is_truncated_by_the_embedder(embedder):
    # A chunker that allows far more than the model reads must still respect the model.
    chunker = Chunker(chunk_tokens=1000, overlap_tokens=0, model_tokens=embedder.count_tokens,
                      model_limit=embedder.max_tokens)
    articles = load_corpus(CORPUS)
    long_text = " ".join(a.text.replace("\n", " ") for a in articles)  # one huge "sentence" line
    tmp_articles = articles + [read_article_from_text(long_text)]
    for article in tmp_articles:
        for chunk in chunker.split(article):
            assert embedder.count_tokens(chunk.text) <= embedder.max_tokens == 256
    # default settings too
    for article in articles:
        for chunk in Chunker(model_tokens=embedder.count_tokens, model_limit=embedder.max_tokens).split(article):
            assert embedder.count_tokens(chunk.text) <= embedder.max_tokens


def read_article_from_text(text):
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / "long.txt"
    path.write_text(text, encoding="utf-8")
    return read_article(path, "long.txt")
