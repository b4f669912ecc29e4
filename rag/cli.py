"""The ``rag`` command line: ask, index (and the commands the other modules add)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from .config import FUSIONS, MODES, Config
from .errors import RagError


def _common(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("corpus and index")
    g.add_argument("--config", metavar="FILE", help="TOML file with configuration values")
    g.add_argument("--corpus", metavar="DIR", help="directory of .txt/.md articles (default: corpus)")
    g.add_argument("--index", metavar="DIR", help="index directory (default: index)")
    g.add_argument("--model", help="sentence-transformers model name or directory (default: all-MiniLM-L6-v2)")
    g.add_argument("--chunk-tokens", type=int, metavar="N", help="chunk size in tokens (default: 200)")
    g.add_argument("--chunk-overlap", type=int, metavar="N", help="overlap between chunks in tokens (default: 40)")


def _retrieval(parser: argparse.ArgumentParser, filters: bool = True) -> None:
    g = parser.add_argument_group("retrieval")
    g.add_argument("--mode", choices=MODES, help="retrieval mode (default: hybrid)")
    g.add_argument("-k", type=int, metavar="N", help="number of passages to retrieve (default: 6)")
    if filters:
        g.add_argument("--source", action="append", metavar="PATTERN",
                       help="only articles whose path matches this glob (repeatable)")
        g.add_argument("--since", metavar="DATE", help="only articles dated on or after DATE (YYYY[-MM[-DD]])")
        g.add_argument("--until", metavar="DATE", help="only articles dated on or before DATE (YYYY[-MM[-DD]])")


def filters_from_args(args: argparse.Namespace):
    from .retrieval import Filters, check_filter_date

    since, until = (check_filter_date(f"--{name}", getattr(args, name, None)) for name in ("since", "until"))
    return Filters(tuple(getattr(args, "source", None) or ()), since, until)


def _require_corpus(config: Config) -> None:
    if not config.corpus_dir.is_dir():
        raise RagError(f"corpus directory not found: {config.corpus_dir}")


def _generation(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("answering")
    g.add_argument("--generator", help="answer generator: extractive (default), openai, a plug-in name, "
                                        "or module:factory")
    g.add_argument("--llm-base-url", metavar="URL", help="OpenAI-compatible API base URL (or OPENAI_BASE_URL)")
    g.add_argument("--llm-model", metavar="NAME", help="model name for the openai generator")
    g.add_argument("--llm-timeout", type=float, metavar="SECONDS", help="seconds to wait for the LLM (default: 60)")
    g.add_argument("--fallback", choices=("extractive",),
                   help="if the generator fails, answer with this one and say so")


def config_from_args(args: argparse.Namespace) -> Config:
    config = Config.from_file(args.config) if getattr(args, "config", None) else Config()
    return config.replace(
        corpus_dir=getattr(args, "corpus", None), index_dir=getattr(args, "index", None),
        model=getattr(args, "model", None), chunk_tokens=getattr(args, "chunk_tokens", None),
        chunk_overlap=getattr(args, "chunk_overlap", None), mode=getattr(args, "mode", None),
        k=getattr(args, "k", None), generator=getattr(args, "generator", None),
        llm_base_url=getattr(args, "llm_base_url", None), llm_model=getattr(args, "llm_model", None),
        llm_timeout=getattr(args, "llm_timeout", None), fallback=getattr(args, "fallback", None),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rag", description="Answer questions from a collection of news articles, citing the sentences used.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = sub.add_parser("ask", help="answer a question (or '-' for one question per line on stdin)",
                         description="Answer a question from the articles, with numbered citations.")
    ask.add_argument("question", help="the question, or '-' to read one question per line from stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per answer")
    _generation(ask)
    ask.add_argument("--no-build", action="store_true", help="fail instead of building a missing or stale index")
    _common(ask)
    _retrieval(ask)
    ask.set_defaults(func=cmd_ask)

    index = sub.add_parser("index", help="build the index", description="Chunk, embed and index the corpus.")
    index.add_argument("--force", action="store_true", help="rebuild everything, even if up to date")
    index.add_argument("--add", nargs="+", metavar="FILE",
                       help="copy these article files into the corpus and index them")
    index.add_argument("--remove", nargs="+", metavar="ARTICLE",
                       help="take these articles (path in the corpus, or file name) out of the corpus and index; "
                            "the files are moved to CORPUS/.removed/")
    _common(index)
    index.set_defaults(func=cmd_index)

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
    _generation(ev)
    _common(ev)
    _retrieval(ev)
    ev.set_defaults(func=cmd_eval)

    serve = sub.add_parser("serve", help="start the chat page (default http://127.0.0.1:7860)",
                           description="Serve a chat page for asking the articles, with the sources beside it.")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    _generation(serve)
    _common(serve)
    _retrieval(serve, filters=False)
    serve.set_defaults(func=cmd_serve)

    bench = sub.add_parser("bench", help="benchmarks", description="Benchmarks.")
    bench_sub = bench.add_subparsers(dest="bench", required=True, metavar="BENCHMARK")
    beir = bench_sub.add_parser("beir", help="retrieval quality on a BEIR-format dataset",
                                description="nDCG@10, Recall@100 and MRR@10 for bm25, dense and hybrid retrieval.")
    beir.add_argument("dataset", metavar="DIR", help="directory with corpus.jsonl, queries.jsonl, qrels/")
    beir.add_argument("--split", choices=("train", "test", "dev"), default="test")
    beir.add_argument("--tune", action="store_true", help="also grid-search the fusion settings on this split")
    beir.add_argument("--json", action="store_true", help="print the results as JSON")
    beir.add_argument("--model", help="sentence-transformers model name or directory")
    beir.add_argument("--fusion", choices=FUSIONS, help="how hybrid fuses the rankings (default: rrf)")
    beir.add_argument("--rrf-k", type=int, help="reciprocal rank fusion constant (default: 60)")
    beir.add_argument("--dense-weight", type=float, help="weight of the dense ranking (default: 1.0)")
    beir.add_argument("--bm25-weight", type=float, help="weight of the BM25 ranking (default: 1.0)")
    beir.add_argument("--config", metavar="FILE", help="TOML file with configuration values")
    beir.set_defaults(func=cmd_bench_beir)
    perf = bench_sub.add_parser("perf", help="indexing throughput, query latency at scale, cold start",
                                description="Speed and memory figures; synthetic data for the large sizes.")
    perf.add_argument("--sizes", default="1000,100000,1000000", help="index sizes in chunks, comma-separated")
    perf.add_argument("--copies", type=int, default=20, help="copies of the corpus indexed for throughput")
    perf.add_argument("--queries", type=int, default=30, help="questions timed per size (from the eval set)")
    perf.add_argument("--ann-check", metavar="BEIR_DIR",
                      help="also measure IVF recall@10 on the real embeddings of a BEIR dataset")
    perf.add_argument("--json", action="store_true", help="print the results as JSON")
    _common(perf)
    perf.set_defaults(func=cmd_bench_perf)
    return parser


# ---------------------------------------------------------------- ask

def format_answer(answer, with_text: bool = True) -> str:
    lines = [textwrap.fill(answer.text, 100)] if with_text else []
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


def _stream_to_terminal(pipeline, question: str, label: bool, filters=None) -> None:
    """Print the answer's text as it arrives, then its notes and sources."""
    from .generation import Answer

    if label:
        print(f"Q: {question}")
    streamed = False
    for piece in pipeline.stream(question, filters=filters):
        if isinstance(piece, Answer):
            if streamed:
                print()
            print(format_answer(piece, with_text=not streamed).lstrip("\n"), flush=True)
            return
        sys.stdout.write(piece)
        sys.stdout.flush()
        streamed = True


def cmd_ask(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline, check_question

    config = config_from_args(args)
    if args.question == "-":
        questions = [line for line in sys.stdin.read().splitlines() if line.strip()]
        if not questions:
            raise RagError("no question on standard input")
    else:
        questions = [check_question(args.question, config.max_question_chars)]
    _require_corpus(config)
    filters = filters_from_args(args)
    pipeline = Pipeline(config, build="never" if args.no_build else "auto", progress=sys.stderr.isatty())
    failed = 0
    for question in questions:
        try:
            if not args.json and getattr(pipeline.get_generator(), "streams", False):
                _stream_to_terminal(pipeline, question, len(questions) > 1, filters)
                continue
            answer = pipeline.ask(question, filters=filters)
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
    from .index import CorruptIndex, load_index, stale_reasons, tidy, update_index

    config = config_from_args(args)
    _require_corpus(config)
    for path in args.add or []:
        print(f"added {add_article(Path(path), config.corpus_dir)}", file=sys.stderr)
    for name in args.remove or []:
        print(f"removed {remove_article(name, config.corpus_dir)} (kept in {config.corpus_dir / '.removed'})",
              file=sys.stderr)
    embedder = Embedder.from_config(config)
    try:
        existing = load_index(config.index_dir)
    except CorruptIndex as exc:
        print(f"rag: {exc}; rebuilding", file=sys.stderr)
        existing = None
    if existing is not None and not args.force and not stale_reasons(existing.manifest, config, embedder):
        tidy(config.index_dir)
        print(f"index at {config.index_dir} is up to date ({len(existing)} chunks); nothing to embed")
        return 0
    index = update_index(config, embedder, previous=None if args.force else existing, progress=True,
                         log=lambda m: print(m, file=sys.stderr))
    counts = index.manifest["counts"]
    print(f"indexed {counts['chunks']} chunks from {counts['articles']} articles into {index.path}: "
          f"embedded {counts['embedded']}, reused {counts['reused']}, "
          f"dropped {counts['removed_articles']} deleted article(s)")
    return 0


def add_article(path: Path, corpus_dir: Path) -> str:
    """Copy an article file into the corpus (it must be readable UTF-8 text)."""
    import shutil

    from .corpus import ARTICLE_SUFFIXES, read_article

    if not path.is_file():
        raise RagError(f"cannot add {path}: no such file")
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise RagError(f"cannot add {path}: articles are .txt or .md files")
    read_article(path, path.name)  # a clear error now rather than a skipped file later
    target = corpus_dir / path.name
    if path.resolve() == target.resolve():
        return target.name
    if target.exists() and target.read_bytes() != path.read_bytes():
        raise RagError(f"cannot add {path}: {target} already exists with other content")
    shutil.copyfile(path, target)
    return target.name


def remove_article(name: str, corpus_dir: Path) -> str:
    """Move an article out of the corpus into ``.removed/`` (ignored by indexing), losing nothing."""
    from .corpus import article_files

    matches = [p for p in article_files(corpus_dir)
               if p.relative_to(corpus_dir).as_posix() == name or p.name == name]
    if not matches:
        raise RagError(f"cannot remove {name}: no such article in {corpus_dir}")
    if len(matches) > 1:
        raise RagError(f"cannot remove {name}: several articles have that name; give its path")
    source = matches[0].relative_to(corpus_dir)
    target = corpus_dir / ".removed" / source
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target = target.with_name(f"{target.stem}.{int(__import__('time').time())}{target.suffix}")
    matches[0].rename(target)
    return source.as_posix()


# ---------------------------------------------------------------- eval

def cmd_eval(args: argparse.Namespace) -> int:
    from . import evaluation as ev
    from .pipeline import Pipeline
    from .report import terminal_report, write_markdown_report

    config = config_from_args(args)
    split = "test" if args.update_baseline else args.split
    questions = ev.load_questions(args.questions or ev.DEFAULT_QUESTIONS, split)
    filters = filters_from_args(args)  # a bad date fails before the model loads
    pipeline = Pipeline(config, progress=sys.stderr.isatty())
    results = ev.run_questions(pipeline, questions, progress=sys.stderr.isatty(), filters=filters)
    summary = ev.summarize(results, dates={s: m.date for s, m in pipeline.index.articles.items()})
    title = f"Evaluation: {len(questions)} questions ({split} split), mode {config.mode}, generator {config.generator}"
    if args.json:
        print(json.dumps({"split": split, "mode": config.mode, "generator": config.generator, **summary}, indent=1))
    else:
        print(terminal_report(summary, title))
    if args.report:
        path = write_markdown_report(summary, results, args.report, title)
        print(f"report written to {path}", file=sys.stderr)
    if args.calibrate:
        threshold, share = ev.calibrate_threshold(results)
        print(f"calibrated abstain_threshold = {threshold} ({share:.1%} of these questions right; "
              f"now {config.abstain_threshold})", file=sys.stderr)
    if args.update_baseline:
        baseline = ev.baseline_from(summary, split)
        from .index import atomic_write

        atomic_write(ev.DEFAULT_BASELINE, lambda fh: fh.write(json.dumps(baseline, indent=1) + "\n"))
        print(f"baseline written to {ev.DEFAULT_BASELINE}", file=sys.stderr)
    if args.check:
        try:
            baseline = json.loads(ev.DEFAULT_BASELINE.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise RagError(f"cannot read baseline {ev.DEFAULT_BASELINE}: {exc}") from None
        failures = ev.compare_to_baseline(summary, baseline)
        for failure in failures:
            print(f"rag: regression: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline
    from .ui import serve

    config = config_from_args(args)
    _require_corpus(config)
    print(f"rag: loading the model and index; then serving on http://{args.host}:{args.port}", file=sys.stderr)
    try:
        serve(Pipeline(config, progress=sys.stderr.isatty()), args.host, args.port)
    except OSError as exc:
        raise RagError(f"cannot serve on {args.host}:{args.port}: {exc}") from None
    return 0


def cmd_bench_perf(args: argparse.Namespace) -> int:
    from . import perf
    from .embedding import Embedder
    from .evaluation import load_questions

    config = config_from_args(args)
    try:
        sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    except ValueError:
        raise RagError("--sizes takes comma-separated numbers, like 1000,100000") from None
    embedder = Embedder.from_config(config)
    questions = [q.question for q in load_questions()][: args.queries]
    result = perf.run(config.corpus_dir, sizes, args.copies, embedder, questions,
                      lambda m: print(f"rag: {m}", file=sys.stderr, flush=True),
                      Path(args.ann_check) if args.ann_check else None)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    from .report import _table

    i = result["indexing"]
    print(f"machine: {result['machine']}\nmodel: {result['model']}\n")
    print(f"indexing: {i['chunks']} chunks, pipeline {i['pipeline_chunks_per_s']} chunks/s, raw encode "
          f"{i['raw_encode_chunks_per_s']} chunks/s, ratio {i['ratio']}, peak RSS {i['peak_rss_mb']} MB\n")
    rows = []
    for r in result["latency"]:
        cached = r["retrieve+answer, sentences cached"]
        rows.append([f"{r['chunks']:,}", r["dense_kind"], r["bm25"]["p50_ms"], r["bm25"]["p95_ms"],
                     r["dense"]["p50_ms"], r["encode"]["p50_ms"], r["retrieve"]["p50_ms"], r["retrieve"]["p95_ms"],
                     r["retrieve+answer"]["p50_ms"], r["retrieve+answer"]["p95_ms"], cached["p50_ms"],
                     cached["p95_ms"], r.get("ann_recall@10", "exact"), r["peak_rss_mb"]])
    print(_table(["chunks", "dense index", "bm25 p50", "bm25 p95", "dense p50", "encode p50", "retrieve p50",
                  "retrieve p95", "+answer p50", "+answer p95", "cached p50", "cached p95", "recall@10",
                  "peak MB"], rows))
    if "ann_real" in result:
        a = result["ann_real"]
        print(f"\nIVF on real embeddings ({a['documents']} documents, {a['queries']} queries, nlist {a['nlist']}, "
              f"nprobe {a['nprobe']}): recall@10 {a['recall@10']}")
    c = result["cold_start"]
    print(f"\ncold start of `rag ask` (new process, bundled corpus): median {c['ask_s_median']} s with the ONNX "
          f"query encoder, {c['ask_torch_s_median']} s with sentence-transformers; "
          f"import torch {c['import_torch_s']} s, import sentence_transformers {c['import_sentence_transformers_s']} s")
    return 0


def cmd_bench_beir(args: argparse.Namespace) -> int:
    from . import benchmark
    from .embedding import Embedder

    config = Config.from_file(args.config) if args.config else Config()
    config = config.replace(model=args.model, fusion=args.fusion, rrf_k=args.rrf_k,
                            dense_weight=args.dense_weight, bm25_weight=args.bm25_weight)
    embedder = Embedder.from_config(config)
    result = benchmark.beir(args.dataset, embedder, args.split, config.fusion, config.rrf_k,
                            (config.dense_weight, config.bm25_weight), progress=sys.stderr.isatty())
    if args.tune:
        ids, texts, queries, qrels = benchmark.load_beir(args.dataset, args.split)
        ranked = benchmark.rankings(ids, texts, queries, embedder, progress=False)
        result["tuned"] = benchmark.tune_fusion(ranked, ids, qrels)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    from .report import _table

    print(f"{result['dataset']} ({result['split']} split): {result['documents']} documents, "
          f"{result['queries']} queries, model {result['model']}, fusion {result['fusion']} (RRF k={result['rrf_k']}), "
          f"weights dense {result['weights']['dense']} / bm25 {result['weights']['bm25']}\n")
    rows = [[mode, m["ndcg@10"], m["recall@100"], m["mrr@10"]] for mode, m in result["metrics"].items()]
    print(_table(["mode", "nDCG@10", "Recall@100", "MRR@10"], rows))
    if args.tune:
        print(f"\nbest fusion on this split: {result['tuned']}")
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
