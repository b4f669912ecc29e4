"""Question answering over a collection of news articles, with cited sources.

    >>> from rag import Config, Pipeline
    >>> answer = Pipeline(Config(corpus_dir="corpus")).ask("How big was the US goods deficit with India in 2024?")
    >>> answer.text, answer.citations[0].quote
"""

__version__ = "0.1.0"

_EXPORTS = {
    "Config": "config", "RagError": "errors", "Pipeline": "pipeline",
    "Article": "types", "ArticleMeta": "types", "Chunk": "types", "Passage": "types", "Citation": "types",
    "Answer": "types", "Filters": "types", "ABSTAIN_TEXT": "types",
    "Query": "question", "analyse": "question",
    "Generator": "generation", "ExtractiveGenerator": "extractive",
    "Retriever": "retrieval", "Chunker": "chunking", "Embedder": "embedding",
    "Store": "store", "LocalStore": "store.local", "load_corpus": "corpus",
}


def __getattr__(name):
    # Lazy, so `import rag` does not pay for torch and sentence-transformers.
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(name)


__all__ = sorted(_EXPORTS)
