"""The ``rag`` command line: argument parsing; each command's body is in :mod:`rag.commands`."""

from __future__ import annotations

import argparse
import sys

from . import __version__, commands
from .config import FUSIONS, MODES, STORES, Config
from .errors import RagError

# command-line option (argparse dest) -> configuration key
CONFIG_OPTIONS = {
    "corpus": "corpus_dir", "index": "index_dir", "model": "model", "chunk_tokens": "chunk_tokens",
    "chunk_overlap": "chunk_overlap", "mode": "mode", "k": "k", "generator": "generator",
    "llm_base_url": "llm_base_url", "llm_model": "llm_model", "llm_timeout": "llm_timeout", "fallback": "fallback",
    "fusion": "fusion", "rrf_k": "rrf_k", "dense_weight": "dense_weight", "bm25_weight": "bm25_weight",
    "follow_links": "follow_links", "store": "store", "qdrant_url": "qdrant_url", "qdrant_api_key": "qdrant_api_key",
    "qdrant_path": "qdrant_path", "workers": "workers", "sentence_weight": "sentence_weight", "today": "today",
}


def config_from_args(args: argparse.Namespace) -> Config:
    """Defaults, then the --config file, then the flags given."""
    config = Config.from_file(args.config) if getattr(args, "config", None) else Config()
    return config.replace(**{key: getattr(args, option, None) for option, key in CONFIG_OPTIONS.items()})


def _common(parser: argparse.ArgumentParser, index: bool = True) -> None:
    g = parser.add_argument_group("corpus and index")
    g.add_argument("--config", metavar="FILE", help="TOML file with configuration values")
    g.add_argument("--corpus", metavar="DIR",
                   help="directory of articles: .txt/.md, .html, .pdf, .jsonl/.csv exports (default: corpus)")
    if index:
        g.add_argument("--index", metavar="DIR", help="index directory (default: index)")
    g.add_argument("--model", help="sentence-transformers model name or directory (default: all-MiniLM-L6-v2)")
    g.add_argument("--chunk-tokens", type=int, metavar="N", help="chunk size in tokens (default: 200)")
    g.add_argument("--chunk-overlap", type=int, metavar="N", help="overlap between chunks in tokens (default: 40)")
    g.add_argument("--follow-links", action="store_true", default=None,
                   help="also read articles that links in the corpus lead to outside it")
    g.add_argument("--store", choices=STORES, help="where chunks and vectors live (default: local)")
    g.add_argument("--qdrant-url", metavar="URL", help="Qdrant server or cluster (or QDRANT_URL)")
    g.add_argument("--qdrant-api-key", metavar="KEY", help="its API key (or QDRANT_API_KEY)")
    g.add_argument("--qdrant-path", metavar="DIR",
                   help="Qdrant's embedded local mode in DIR, no server (default: INDEX/qdrant)")


def _retrieval(parser: argparse.ArgumentParser, filters: bool = True) -> None:
    g = parser.add_argument_group("retrieval")
    g.add_argument("--mode", choices=MODES, help="retrieval mode (default: hybrid)")
    g.add_argument("-k", type=int, metavar="N", help="number of passages to retrieve (default: 6)")
    if filters:
        g.add_argument("--source", action="append", metavar="PATTERN",
                       help="only articles whose path matches this glob (repeatable)")
        g.add_argument("--since", metavar="DATE", help="only articles dated on or after DATE (YYYY[-MM[-DD]])")
        g.add_argument("--until", metavar="DATE", help="only articles dated on or before DATE (YYYY[-MM[-DD]])")


def _generation(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("answering")
    g.add_argument("--generator", help="answer generator: extractive (default), openai, a plug-in name, "
                                        "or module:factory")
    g.add_argument("--llm-base-url", metavar="URL", help="OpenAI-compatible API base URL (or OPENAI_BASE_URL)")
    g.add_argument("--llm-model", metavar="NAME", help="model name for the openai generator")
    g.add_argument("--llm-timeout", type=float, metavar="SECONDS",
                   help="seconds the LLM may take for one answer, all retries included (default: 60)")
    g.add_argument("--today", metavar="DAY", help="the day questions are asked on, YYYY-MM-DD: \"last year\" is "
                   "read from it (default: the machine's date)")
    g.add_argument("--fallback", choices=("extractive",),
                   help="if the generator fails, answer with this one and say so")


def _ask_and_index(sub) -> None:
    ask = sub.add_parser("ask", help="answer a question (or '-' for one question per line on stdin)",
                         description="Answer a question from the articles, with numbered citations.")
    ask.add_argument("question", help="the question, or '-' to read one question per line from stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per answer")
    _generation(ask)
    ask.add_argument("--no-build", action="store_true", help="fail instead of building a missing or stale index")
    _common(ask)
    _retrieval(ask)
    ask.set_defaults(func=commands.ask)

    index = sub.add_parser("index", help="build the index", description="Chunk, embed and index the corpus.")
    index.add_argument("--force", action="store_true", help="rebuild everything, even if up to date")
    index.add_argument("--workers", type=int, metavar="N",
                       help="embed with N processes (sentence-transformers' pool; one per GPU where there are "
                            "GPUs; default 1)")
    index.add_argument("--verify", action="store_true",
                       help="hash every index file against the manifest; a mismatch is an error (exit 1)")
    index.add_argument("--add", nargs="+", metavar="FILE",
                       help="copy these article files (.txt, .md, .html, .pdf, .jsonl, .csv) into the corpus "
                            "and index them")
    index.add_argument("--from-jsonl", nargs="+", metavar="FILE", default=[],
                       help="add a JSONL export (one article per line) to the corpus and index it")
    index.add_argument("--from-csv", nargs="+", metavar="FILE", default=[],
                       help="add a CSV export (one article per row, a header row first) to the corpus and index it")
    index.add_argument("--fields", metavar="MAP",
                       help="which export column holds each field: text=body,title=headline,date=published_at,"
                            "outlet=source,url=link,author=byline,id=guid (default: the field names themselves)")
    index.add_argument("--remove", nargs="+", metavar="ARTICLE",
                       help="take these articles (path in the corpus, file name, or EXPORT#ID for a record) out "
                            "of the index; files are moved to CORPUS/.removed/, records listed as removed")
    _common(index)
    index.set_defaults(func=commands.index)


def _eval_and_serve(sub) -> None:
    ev = sub.add_parser("eval", help="measure retrieval, answers, citations and abstention on a question set",
                        description="Run a question set through the same pipeline as `rag ask` and report metrics.")
    ev.add_argument("--questions", metavar="FILE", help="question set in JSON Lines (default: eval/questions.jsonl)")
    ev.add_argument("--split", choices=("dev", "test", "all"), default="all", help="which questions (default: all)")
    ev.add_argument("--json", action="store_true", help="print the metrics as JSON")
    ev.add_argument("--report", metavar="DIR", help="write a Markdown report with charts and failures to DIR")
    ev.add_argument("--calibrate", action="store_true",
                    help="print the abstention threshold that does best on these questions (use --split dev)")
    ev.add_argument("--update-baseline", action="store_true",
                    help="run the test split and write its metrics to eval/baseline.json")
    ev.add_argument("--check", action="store_true", help="exit 1 if a metric falls below eval/baseline.json")
    ev.add_argument("--lower-case", action="store_true",
                    help="ask every question typed all in lower case, without its question mark")
    _generation(ev)
    _common(ev)
    _retrieval(ev)
    ev.set_defaults(func=commands.evaluate)

    serve = sub.add_parser("serve", help="start the chat page (default http://127.0.0.1:7860)",
                           description="Serve a chat page for asking the articles, with the sources beside it.")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    serve.add_argument("--auth", metavar="USER:PASS", help="ask for this login (required off 127.0.0.1)")
    serve.add_argument("--auth-file", metavar="FILE", help="ask for a login from FILE: one USER:PASS a line")
    serve.add_argument("--read-only", action="store_true",
                       help="the Corpus tab lists the articles but cannot add or remove any")
    serve.add_argument("--rate-limit", type=int, default=30, metavar="N",
                       help="questions a minute from one client before it is told to retry (default: 30; 0: none)")
    _generation(serve)
    _common(serve)
    _retrieval(serve, filters=False)
    serve.set_defaults(func=commands.serve)


def _bench(sub) -> None:
    bench = sub.add_parser("bench", help="benchmarks", description="Benchmarks.")
    bench_sub = bench.add_subparsers(dest="bench", required=True, metavar="BENCHMARK")
    beir = bench_sub.add_parser("beir", help="retrieval quality on a BEIR-format dataset",
                                description="nDCG@10, Recall@100 and MRR@10 for bm25, dense and hybrid retrieval.")
    beir.add_argument("dataset", metavar="DIR", help="directory with corpus.jsonl, queries.jsonl, qrels/")
    beir.add_argument("--split", choices=("train", "test", "dev"), default="test")
    beir.add_argument("--tune", action="store_true", help="also grid-search the fusion settings on this split")
    beir.add_argument("--json", action="store_true", help="print the results as JSON")
    beir.add_argument("--model", help="sentence-transformers model name or directory")
    beir.add_argument("--fusion", choices=FUSIONS,
                      help="how hybrid fuses the rankings (default: convex; server: Qdrant's RRF)")
    beir.add_argument("--rrf-k", type=int, help="reciprocal rank fusion constant (default: 60)")
    beir.add_argument("--dense-weight", type=float, help="weight of the dense ranking (default: the config's)")
    beir.add_argument("--bm25-weight", type=float, help="weight of the BM25 ranking (default: the config's)")
    beir.add_argument("--sentence-weight", type=float,
                      help="share of each document's best sentence in the hybrid ranking (default: the config's)")
    beir.add_argument("--config", metavar="FILE", help="TOML file with configuration values")
    beir.add_argument("--store", choices=STORES, help="search the local store's indexes or a Qdrant collection "
                                                      "(local mode, in a temporary folder)")
    beir.set_defaults(func=commands.bench_beir)
    perf = bench_sub.add_parser("perf", help="indexing throughput, query latency at scale, cold start",
                                description="Speed and memory figures; synthetic data for the large sizes.")
    perf.add_argument("--sizes", default="1000,100000,1000000", help="index sizes in chunks, comma-separated")
    perf.add_argument("--copies", type=int, default=20, help="copies of the corpus indexed for throughput")
    perf.add_argument("--queries", type=int, default=30, help="questions timed per size (from the eval set)")
    perf.add_argument("--ann-check", metavar="BEIR_DIR",
                      help="also measure IVF recall@10 on the real embeddings of a BEIR dataset")
    perf.add_argument("--json", action="store_true", help="print the results as JSON")
    _common(perf, index=False)  # it builds its own indexes in a temporary directory
    perf.set_defaults(func=commands.bench_perf)
    load = bench_sub.add_parser("load", help="concurrent clients against `rag serve` on 127.0.0.1",
                                description="Starts `rag serve` on a free loopback port and times concurrent clients.")
    load.add_argument("--clients", type=int, default=20, help="clients asking at once (default: 20)")
    load.add_argument("--questions", type=int, default=5, help="questions each client asks (default: 5)")
    load.add_argument("--limit", type=float, default=300, metavar="SECONDS", help="stop after this long (default: 300)")
    load.add_argument("--api", choices=("json", "gradio"), default="json",
                      help="POST /v1/ask (json, default) or the page's own API through Gradio's queue (gradio)")
    load.add_argument("--json", action="store_true", help="print the results as JSON")
    _common(load)
    load.set_defaults(func=commands.bench_load)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rag", description="Answer questions from a collection of news articles, citing the sentences used.")
    parser.add_argument("--version", action="version", version=f"rag {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _ask_and_index(sub)
    _eval_and_serve(sub)
    _bench(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from .embedding import contain_caches

    contain_caches()
    args = build_parser().parse_args(argv)
    try:
        return args.func(args, config_from_args(args))
    except RagError as exc:
        print(f"rag: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("rag: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
