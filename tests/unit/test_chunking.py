from rag.chunking import Chunker, chunk_id, split_sentences
from rag.corpus import load_corpus, read_article
from tests.conftest import CORPUS


def _ws(text):
    return " ".join(text.split())


def test_sentences_respect_abbreviations_and_line_breaks():
    text = "The U.S. Trade Representative spoke. Mr. Goyal replied!\nA heading\nTrade was $45.7 billion in 2024."
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == [
        "The U.S. Trade Representative spoke.", "Mr. Goyal replied!", "A heading",
        "Trade was $45.7 billion in 2024.",
    ]


def test_chunks_are_sentence_aligned_bounded_and_overlapping():
    chunker = Chunker(chunk_tokens=60, overlap_tokens=20)
    for article in load_corpus(CORPUS):
        chunks = chunker.split(article)
        sentences = {article.text[s:e] for s, e in split_sentences(article.text)}
        for chunk in chunks:
            assert chunk.n_tokens <= 60 or len(chunk.sentences) == 1
            for s, e, _, _ in chunk.sentences:
                # a whole sentence, or a piece of one too long to fit on its own
                assert any(chunk.text[s:e] in sentence for sentence in sentences)
        for before, after in zip(chunks, chunks[1:]):
            assert after.start > before.start
            first = after.text[after.sentences[0][0]:after.sentences[0][1]]
            assert first in before.text or after.start >= before.end  # overlap when it fits


def test_offsets_point_at_the_original_text():
    chunker = Chunker()
    for path in sorted(CORPUS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        article = read_article(path, path.name)
        for chunk in chunker.split(article):
            assert _ws(raw[chunk.start:chunk.end]) == _ws(chunk.text)
            for s, e, raw_s, raw_e in chunk.sentences:
                assert _ws(raw[raw_s:raw_e]) == _ws(chunk.text[s:e])


def test_chunk_ids_are_stable_and_content_derived():
    article = load_corpus(CORPUS)[0]
    first = [c.id for c in Chunker().split(article)]
    again = [c.id for c in Chunker().split(load_corpus(CORPUS)[0])]
    assert first == again and len(set(first)) == len(first)
    chunk = Chunker().split(article)[0]
    assert chunk.id == chunk_id(article.source, chunk.text)
    assert chunk_id(article.source, chunk.text + " changed") != chunk.id
