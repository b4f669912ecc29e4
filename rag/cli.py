"""The ``rag`` command line: ask, index (and the commands the other modules add)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from .config import MODES, Config
from .errors import RagError


def _common(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("corpus and index")
    g.add_argument("--config", metavar="FILE", help="TOML file with configuration values")
    g.add_argument("--corpus", metavar="DIR", help="directory of .txt/.md articles (default: corpus)")
    g.add_argument("--index", metavar="DIR", help="index directory (default: index)")
    g.add_argument("--model", help="sentence-transformers model name or directory (default: all-MiniLM-L6-v2)")
    g.add_argument("--chunk-tokens", type=int, metavar="N", help="chunk size in tokens (default: 200)")
    g.add_argument("--chunk-overlap", type=int, metavar="N", help="overlap between chunks in tokens (default: 40)")


def _retrieval(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("retrieval")
    g.add_argument("--mode", choices=MODES, help="retrieval mode (default: hybrid)")
    g.add_argument("-k", type=int, metavar="N", help="number of passages to retrieve (default: 5)")


def config_from_args(args: argparse.Namespace) -> Config:
    config = Config.from_file(args.config) if getattr(args, "config", None) else Config()
    return config.replace(
        corpus_dir=getattr(args, "corpus", None), index_dir=getattr(args, "index", None),
        model=getattr(args, "model", None), chunk_tokens=getattr(args, "chunk_tokens", None),
        chunk_overlap=getattr(args, "chunk_overlap", None), mode=getattr(args, "mode", None),
        k=getattr(args, "k", None), generator=getattr(args, "generator", None),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rag", description="Answer questions from a collection of news articles, citing the sentences used.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = sub.add_parser("ask", help="answer a question (or '-' for one question per line on stdin)",
                         description="Answer a question from the articles, with numbered citations.")
    ask.add_argument("question", help="the question, or '-' to read one question per line from stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per answer")
    ask.add_argument("--generator", help="answer generator (default: extractive)")
    ask.add_argument("--no-build", action="store_true", help="fail instead of building a missing or stale index")
    _common(ask)
    _retrieval(ask)
    ask.set_defaults(func=cmd_ask)

    index = sub.add_parser("index", help="build the index", description="Chunk, embed and index the corpus.")
    index.add_argument("--force", action="store_true", help="rebuild even if the index is up to date")
    _common(index)
    index.set_defaults(func=cmd_index)
    return parser


# ---------------------------------------------------------------- ask

def format_answer(answer) -> str:
    lines = [textwrap.fill(answer.text, 100)]
    if answer.notes:
        lines += ["", *(f"Note: {n}" for n in answer.notes)]
    if answer.citations:
        lines += ["", "Sources:"]
        for c in answer.citations:
            date = (c.date or "undated") + (" (inferred)" if c.date and c.date_inferred else "")
            by = f", {c.outlet}" if c.outlet else ""
            lines.append(f"  [{c.n}] {c.title} ({date}{by}) — {c.source}")
            lines.append(textwrap.fill(f"“{c.quote}”", 100, initial_indent="      ", subsequent_indent="      "))
    return "\n".join(lines)


def cmd_ask(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline, check_question

    config = config_from_args(args)
    if args.question == "-":
        questions = [line for line in sys.stdin.read().splitlines() if line.strip()]
        if not questions:
            raise RagError("no question on standard input")
    else:
        questions = [check_question(args.question, config.max_question_chars)]
    if not config.corpus_dir.is_dir():
        raise RagError(f"corpus directory not found: {config.corpus_dir}")
    pipeline = Pipeline(config, build="never" if args.no_build else "auto", progress=sys.stderr.isatty())
    failed = 0
    for question in questions:
        try:
            answer = pipeline.ask(question)
        except RagError as exc:
            if len(questions) == 1:
                raise
            failed += 1
            print(f"rag: error: {exc}", file=sys.stderr)
            if args.json:
                print(json.dumps({"question": question, "error": str(exc)}, ensure_ascii=False), flush=True)
            continue
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        else:
            if len(questions) > 1:
                print(f"Q: {question}")
            print(format_answer(answer) + ("\n" if len(questions) > 1 else ""), flush=True)
    return 1 if failed else 0


# ---------------------------------------------------------------- index

def cmd_index(args: argparse.Namespace) -> int:
    from .embedding import Embedder
    from .index import build_index, load_index, save_index, stale_reasons, CorruptIndex

    config = config_from_args(args)
    embedder = Embedder(config.model, batch_size=config.batch_size)
    if not args.force:
        try:
            existing = load_index(config.index_dir)
        except CorruptIndex as exc:
            print(f"rag: {exc}; rebuilding", file=sys.stderr)
            existing = None
        if existing is not None and not stale_reasons(existing.manifest, config, embedder):
            print(f"index at {config.index_dir} is up to date ({len(existing)} chunks); nothing to embed")
            return 0
    index = build_index(config, embedder, progress=True, log=lambda m: print(m, file=sys.stderr))
    path = save_index(index, config.index_dir)
    counts = index.manifest["counts"]
    print(f"indexed {counts['chunks']} chunks from {counts['articles']} articles into {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except RagError as exc:
        print(f"rag: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("rag: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
