"""Rendering evaluation results: a terminal table, Markdown with charts."""

from __future__ import annotations

from pathlib import Path

from .render import table

ANSWER_KEYS = ("accuracy", "token_f1", "citation_precision", "citation_recall", "abstention_precision",
               "abstention_recall", "wrong_abstention_rate", "wrong_answer_rate", "short_answer_em",
               "short_answer_wrong_rate", "latency_ms_p50",
               "latency_ms_p95")


def retrieval_table(summary: dict, markdown: bool = False) -> str:
    rows = [[mode, m.get("hit@1"), m.get("hit@3"), m.get("hit@5"), m.get("mrr@10")]
            for mode, m in summary["retrieval"].items()]
    return table(["mode", "hit@1", "hit@3", "hit@5", "MRR@10"], rows, markdown)


def answer_table(summary: dict, markdown: bool = False) -> str:
    extra = [k for k in ("conflict_score", "recency_score") if k in summary["overall"]]
    keys = (*ANSWER_KEYS, *extra)
    rows = [["all", summary["overall"]["questions"], *(summary["overall"].get(k) for k in keys)]]
    for name, m in summary["by_type"].items():
        rows.append([name, m["questions"], *(m.get(k) for k in keys)])
    headers = ["type", "n", "acc", "F1", "cite P", "cite R", "abst P", "abst R", "wrong abst", "wrong ans",
               "short EM", "short wrong", "p50 ms", "p95 ms", *(k.replace("_score", "") for k in extra)]
    return table(headers, rows, markdown)


def hybrid_by_type_table(summary: dict, markdown: bool = False) -> str:
    rows = []
    for name, m in summary["by_type"].items():
        r = m["retrieval"]
        rows.append([name, *(r.get(mode, {}).get("hit@5") for mode in summary["retrieval"])])
    return table(["type", *(f"{mode} hit@5" for mode in summary["retrieval"])], rows, markdown)


def terminal_report(summary: dict, title: str) -> str:
    partly = summary["overall"].get("partly_withheld")
    return "\n\n".join([
        title, "Retrieval (answerable questions; relevant = contains an evidence quote)",
        retrieval_table(summary), "Answers", answer_table(summary),
        *([f"{partly} answer(s) to questions of several parts withheld a part and got every other part right: "
           "counted with the wrong abstentions, not the wrong answers"] if partly else []),
        "Retrieval hit@5 by question type", hybrid_by_type_table(summary),
    ])


def _labelled_bars(ax, xs, heights, fontsize: int, **style) -> None:
    """Bars with an outline (a zero stays visible), each labelled with its value."""
    bars = ax.bar(xs, heights, linewidth=0.7, **style)
    ax.bar_label(bars, labels=[f"{v:.2f}" for v in heights], padding=2, fontsize=fontsize)


def write_charts(summary: dict, directory: Path) -> None:
    """accuracy_by_type.png and hit_at_k_by_mode.png in ``directory``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    types = list(summary["by_type"])
    fig, ax = plt.subplots(figsize=(8, 3.8))
    _labelled_bars(ax, types, [summary["by_type"][t]["overall_accuracy"] or 0 for t in types], 8,
                   color="#3b6ea8", edgecolor="#1f3b5c")
    ax.set_ylim(0, 1.12)
    ax.set_ylabel("accuracy")
    ax.set_title("Answer accuracy by question type (unanswerable: correct abstention)")
    plt.setp(ax.get_xticklabels(), rotation=20, ha="right")
    fig.tight_layout()
    fig.savefig(directory / "accuracy_by_type.png", dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(8, 3.8))
    modes = list(summary["retrieval"])
    width = 0.25
    for i, k in enumerate(("hit@1", "hit@3", "hit@5")):
        _labelled_bars(ax, [x + (i - 1) * width for x in range(len(modes))],
                       [summary["retrieval"][m].get(k) or 0 for m in modes], 7, width=width, label=k,
                       edgecolor="#333333")
    ax.set_xticks(range(len(modes)), modes)
    ax.set_ylim(0, 1.12)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)  # beside the bars, never over them
    ax.set_title("Retrieval hit@k by mode")
    fig.tight_layout()
    fig.savefig(directory / "hit_at_k_by_mode.png", dpi=110)
    plt.close(fig)


def write_markdown_report(summary: dict, results, directory: str | Path, title: str) -> Path:
    """Write report.md with two PNG charts and every failure with what was retrieved."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    write_charts(summary, directory)

    lines = [f"# {title}", "", "## Retrieval", "", retrieval_table(summary, True), "",
             "![hit@k by mode](hit_at_k_by_mode.png)", "", "## Answers", "", answer_table(summary, True), "",
             "![accuracy by type](accuracy_by_type.png)", "", "## Retrieval hit@5 by question type", "",
             hybrid_by_type_table(summary, True), "", "## Failures", ""]
    failures = [r for r in results if not r.correct]
    if not failures:
        lines.append("None.")
    for r in failures:
        q = r.question
        lines += [f"### {q.id} ({q.type}): {q.question}", "",
                  f"- expected: {', '.join(q.answers) if q.answers else 'abstention'}",
                  f"- answer: {r.answer['answer']}",
                  "- first relevant passage rank: " + ", ".join(f"{m} {v}" for m, v in r.first_relevant.items()),
                  "- retrieved (hybrid order as answered):"]
        for p in r.answer["passages"]:
            snippet = " ".join(p["text"].split())[:160]
            lines.append(f"  - `{p['source']}` ({p['score']:.4f}): {snippet}…")
        lines.append("")
    path = directory / "report.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
