"""The README's ablation: fusion x best sentence x sentence constraints x near-copy collapsing, on one split.

    .venv/bin/python scripts/ablation.py --split dev

The bundled corpus is indexed once; the "with copies" rows index it together with
eight syndicated copies of each article (renamed, a line added, undated), with
near-copy collapsing on and off. Indexes live in a temporary directory.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rag import evaluation as ev  # noqa: E402
from rag.config import Config  # noqa: E402
from rag.embedding import Embedder  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.render import table  # noqa: E402

KEYS = ("accuracy", "wrong_answer_rate", "abstention_recall", "conflict_score", "false_conflicts")


def copies_corpus(target: Path, copies: int = 8) -> Path:
    target.mkdir(parents=True)
    for path in sorted((ROOT / "corpus").iterdir()):
        (target / path.name).write_bytes(path.read_bytes())
        if path.suffix == ".txt":
            for i in range(copies):
                text = path.read_text(encoding="utf-8")
                (target / f"syndicated-{i}-{path.name}").write_text(f"Republished by Outlet {i}.\n\n{text}",
                                                                    encoding="utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    args = parser.parse_args()
    questions = ev.load_questions(split=args.split)
    embedder = Embedder()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        copies = copies_corpus(Path(tmp) / "copies")
        default = Config().sentence_weight
        settings = [("bundled", ROOT / "corpus", fusion, sentence, constraints, True)
                    for fusion in ("rrf", "convex") for sentence in (0.0, default) for constraints in (False, True)]
        settings += [("with copies", copies, "convex", default, True, dedup) for dedup in (False, True)]
        for corpus_name, corpus, fusion, sentence, constraints, dedup in settings:
            weights = {"dense_weight": 0.4, "bm25_weight": 0.6} if fusion == "convex" else \
                {"dense_weight": 1.0, "bm25_weight": 1.0}
            config = Config(corpus_dir=corpus, index_dir=Path(tmp) / f"index-{corpus_name}-{dedup}").replace(
                fusion=fusion, constraints=constraints, dedup=dedup, sentence_weight=sentence, **weights)
            pipeline = Pipeline(config, embedder=embedder, log=lambda m: None)
            _, summary = ev.evaluate(pipeline, questions)
            o, r = summary["overall"], summary["retrieval"]["hybrid"]
            rows.append([corpus_name, fusion, sentence, "on" if constraints else "off", "on" if dedup else "off",
                         r["hit@1"], r["mrr@10"], *(o[k] for k in KEYS)])
            print(f"done: {rows[-1][:5]}", file=sys.stderr, flush=True)
    print(table(["corpus", "fusion", "best sentence", "constraints", "dedup", "hit@1", "MRR@10", "accuracy",
                 "wrong answers", "abstention recall", "conflict score", "false conflicts"], rows, markdown=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
