"""What each `rag` command does, given its parsed arguments: thin calls into the package.

Argument parsing lives in :mod:`rag.cli`; nothing here decides anything the
library does not decide itself.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .config import Config
from .dates import check_date
from .errors import RagError
from .types import Answer, Filters


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def filters_from_args(args: argparse.Namespace) -> Filters:
    since, until = (check_date(f"--{name}", getattr(args, name, None)) for name in ("since", "until"))
    return Filters(tuple(getattr(args, "source", None) or ()), since, until)


def require_corpus(config: Config) -> None:
    from .corpus import check_corpus_dir

    check_corpus_dir(config.corpus_dir)


def _stream_to_terminal(pipeline, question: str, label: bool, filters: Filters) -> None:
    """Print the answer's text as it arrives, then its notes and sources."""
    from .render import format_answer

    if label:
        print(f"Q: {question}")
    streamed = ""
    for piece in pipeline.stream(question, filters=filters):
        if isinstance(piece, Answer):
            # a fallback's answer is not what was streamed: say where the stream stopped, then print it whole
            fell_back = piece.generator != pipeline.get_generator().name
            if streamed.strip() and fell_back:
                print(f"\n[{pipeline.get_generator().name}'s answer stopped here; the {piece.generator} answer "
                      "below replaces it]")
            elif streamed:
                print()
            print(format_answer(piece, with_text=fell_back or not streamed.strip()).lstrip("\n"), flush=True)
            return
        sys.stdout.write(piece)
        sys.stdout.flush()
        streamed += piece


def ask(args: argparse.Namespace, config: Config) -> int:
    from .pipeline import Pipeline
    from .question import check_question
    from .render import format_answer

    if args.question == "-":
        questions = [line for line in sys.stdin.read().splitlines() if line.strip()]
        if not questions:
            raise RagError("no question on standard input")
    else:
        questions = [check_question(args.question, config.max_question_chars)]
    require_corpus(config)
    filters = filters_from_args(args)
    pipeline = Pipeline(config, build="never" if args.no_build else "auto", progress=sys.stderr.isatty())
    several, failed = len(questions) > 1, 0
    for question in questions:
        try:
            if not args.json and getattr(pipeline.get_generator(), "streams", False):
                _stream_to_terminal(pipeline, question, several, filters)
                continue
            answer = pipeline.ask(question, filters=filters)
        except RagError as exc:
            if not several:
                raise
            failed += 1
            _err(f"rag: error: {exc}")
            if args.json:
                print(json.dumps({"question": question, "error": str(exc)}, ensure_ascii=False), flush=True)
            continue
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        else:
            text = format_answer(answer, bold=sys.stdout.isatty())
            print((f"Q: {question}\n" if several else "") + text + ("\n" if several else ""), flush=True)
    return 1 if failed else 0


def index(args: argparse.Namespace, config: Config) -> int:
    from .corpus import RECORD_MARK, REMOVED_DIR
    from .editing import add_article, remove_article
    from .embedding import Embedder
    from .formats import parse_fields
    from .indexing import index_corpus

    require_corpus(config)
    exports = [(p, ".jsonl") for p in args.from_jsonl] + [(p, ".csv") for p in args.from_csv]
    if args.fields and not exports:
        raise RagError("--fields goes with --from-jsonl or --from-csv")
    fields = parse_fields(args.fields) if args.fields else None
    for path, suffix in exports:
        if Path(path).suffix.lower() != suffix:
            raise RagError(f"{path}: a {suffix} file is expected here (the suffix says what it holds)")
        _err(f"added export {add_article(Path(path), config.corpus_dir, fields, max_bytes=config.max_article_bytes)}")
    for path in args.add or []:
        _err(f"added {add_article(Path(path), config.corpus_dir, max_bytes=config.max_article_bytes)}")
    for name in args.remove or []:
        removed = remove_article(name, config.corpus_dir)
        export = removed.rpartition(RECORD_MARK)[0]
        kept = "listed as removed in metadata.json" if export and (config.corpus_dir / export).is_file() \
            else f"kept in {config.corpus_dir / REMOVED_DIR}"
        _err(f"removed {removed} ({kept})")
    store, built = index_corpus(config, Embedder.from_config(config), force=args.force, verify=args.verify)
    if not built:
        checked = "; every file matches its recorded sha256" if args.verify else ""
        print(f"index at {config.index_dir} is up to date ({len(store)} chunks){checked}; nothing to embed")
        return 0
    counts = store.manifest["counts"]
    print(f"indexed {counts['chunks']} chunks from {counts['articles']} articles into "
          f"{config.index_dir / store.stats()['generation']}: embedded {counts['embedded']}, reused "
          f"{counts['reused']}, dropped {counts['removed_articles']} deleted article(s)")
    return 0


def evaluate(args: argparse.Namespace, config: Config) -> int:
    from . import evaluation as ev
    from .metrics import calibrate_threshold
    from .pipeline import Pipeline
    from .report import terminal_report, write_markdown_report

    split = "test" if args.update_baseline else args.split
    questions = ev.load_questions(args.questions or ev.DEFAULT_QUESTIONS, split)
    if args.lower_case:
        if args.update_baseline or args.calibrate:
            raise RagError("--lower-case measures; it writes no baseline and calibrates nothing")
        questions = ev.as_typed_in_lower_case(questions)
    filters = filters_from_args(args)  # a bad date fails before the model loads
    pipeline = Pipeline(config, progress=sys.stderr.isatty())
    results, summary = ev.evaluate(pipeline, questions, progress=sys.stderr.isatty(), filters=filters)
    typed = ", typed in lower case" if args.lower_case else ""
    title = (f"Evaluation: {len(questions)} questions ({split} split{typed}), mode {config.mode}, "
             f"generator {config.generator}")
    if args.json:
        print(json.dumps({"split": split, "mode": config.mode, "generator": config.generator, **summary}, indent=1))
    else:
        print(terminal_report(summary, title))
    if args.report:
        _err(f"report written to {write_markdown_report(summary, results, args.report, title)}")
    if args.calibrate:
        threshold, share = calibrate_threshold(results, meaning_threshold=config.meaning_threshold)
        _err(f"calibrated abstain_threshold = {threshold} ({share:.1%} of these questions right; "
             f"now {config.abstain_threshold})")
    if args.update_baseline:
        _err(f"baseline written to {ev.write_baseline(summary, split)}")
    if args.check:
        failures = ev.check_baseline(summary)
        for failure in failures:
            _err(f"rag: regression: {failure}")
        return 1 if failures else 0
    return 0


def logins(args: argparse.Namespace) -> list[tuple[str, str]]:
    """The (user, password) pairs of --auth and --auth-file; a RagError for a malformed one."""
    lines = [args.auth] if args.auth else []
    if args.auth_file:
        try:
            lines += Path(args.auth_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise RagError(f"cannot read --auth-file {args.auth_file}: {exc}") from None
    pairs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        user, sep, password = line.strip().partition(":")
        if not sep or not user or not password:
            raise RagError(f"login {number} is not USER:PASS (a user name, a colon and a password)")
        pairs.append((user, password))
    return pairs


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(args: argparse.Namespace, config: Config) -> int:
    from .pipeline import Pipeline
    from .ui import serve as serve_page

    auth = logins(args)
    if args.host not in LOOPBACK and not args.host.startswith("127.") and not auth:
        raise RagError(f"refusing to serve on {args.host} without a login: anyone who can reach it could use it "
                       "(give --auth USER:PASS or --auth-file FILE)")
    if args.rate_limit < 0:
        raise RagError("--rate-limit must be 0 (none) or more")
    require_corpus(config)
    _err(f"rag: loading the model and index; then serving on http://{args.host}:{args.port}")
    try:
        serve_page(Pipeline(config, progress=sys.stderr.isatty()), args.host, args.port, auth=auth,
                   rate_limit=args.rate_limit, editable=not args.read_only)
    except OSError as exc:
        raise RagError(f"cannot serve on {args.host}:{args.port}: {exc}") from None
    return 0


def bench_perf(args: argparse.Namespace, config: Config) -> int:
    from . import perf
    from .embedding import Embedder
    from .evaluation import load_questions
    from .render import perf_report

    try:
        sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    except ValueError:
        raise RagError("--sizes takes comma-separated numbers, like 1000,100000") from None
    questions = [q.question for q in load_questions()][: args.queries]
    result = perf.run(config.corpus_dir, sizes, args.copies, Embedder.from_config(config), questions,
                      lambda m: _err(f"rag: {m}"), Path(args.ann_check) if args.ann_check else None,
                      store=config.store)
    print(json.dumps(result, indent=1) if args.json else perf_report(result))
    return 0


def bench_beir(args: argparse.Namespace, config: Config) -> int:
    from . import benchmark
    from .embedding import Embedder
    from .render import beir_report

    embedder = Embedder.from_config(config)
    result = benchmark.beir(args.dataset, embedder, args.split, config.fusion, config.rrf_k,
                            (config.dense_weight, config.bm25_weight), progress=sys.stderr.isatty(),
                            store=config.store, sentence_weight=config.sentence_weight, tune=args.tune,
                            chunk_vectors="sentences" if config.chunk_vectors_from_sentences else "model")
    print(json.dumps(result, indent=1) if args.json else beir_report(result))
    return 0


def bench_load(args: argparse.Namespace, config: Config) -> int:
    from . import loadbench
    from .evaluation import load_questions

    if not 1 <= args.clients <= 200 or not 1 <= args.questions <= 1000 or not 0 < args.limit <= 3600:
        raise RagError("--clients 1-200, --questions 1-1000 and --limit up to 3600 seconds")
    require_corpus(config)
    questions = [q.question for q in load_questions()]
    result = loadbench.run(config.index_dir, config.corpus_dir, questions, args.clients, args.questions, args.limit,
                           args.api)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"{result['api']} API, {result['clients']} clients x {result['questions_per_client']} questions: "
              f"{result['answered']} answered, {result['errors']} errors in {result['seconds']} s "
              f"({result['answers_per_s']}/s); "
              f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms")
        for error in result["first_errors"]:
            print(f"  error: {error}")
    return 0
