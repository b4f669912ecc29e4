"""How answers and figures look: terminal text, the chat page's HTML, and tables.

Shared by the command line, the chat page and the reports, so an answer reads
the same everywhere. Every piece of article text put into HTML is escaped.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable, Sequence

from .dates import date_label
from .types import Answer, Citation

EMPTY_SOURCES = "<p>Sources appear here.</p>"


# ---------------------------------------------------------------- terminal

def source_line(c: Citation) -> str:
    by = f", {c.outlet}" if c.outlet else ""
    page = f", p. {c.page}" if c.page else ""
    also = f" (also in {', '.join(c.also_in)})" if c.also_in else ""
    url = f" <{c.url}>" if c.url else ""
    return f"[{c.n}] {c.title} ({date_label(c.date, c.date_inferred)}{by}) — {c.source}{page}{also}{url}"


def short_text(answer: Answer) -> str | None:
    """The short answer as one line: "July 9", "41.18 billion; 35.32 billion", "5.4 per cent or 5.1%"."""
    short = answer.short_answer
    if short is None or answer.abstained:
        return None
    if isinstance(short, tuple):
        joined = (" or " if answer.conflict else "; ").join(v or "–" for v in short)
        return joined if any(short) else None
    return short


BOLD, PLAIN = "\033[1m", "\033[0m"


def format_answer(answer: Answer, with_text: bool = True, bold: bool = False) -> str:
    """The answer as the terminal shows it: the short answer first, text, notes, then each source with its quote."""
    short = short_text(answer)
    lines = [f"{BOLD}{short}{PLAIN}" if bold else short] if short and with_text else []
    lines += [textwrap.fill(answer.text, 100)] if with_text else []
    if answer.notes:
        lines += ["", *(f"Note: {n}" for n in answer.notes)]
    for heading, cited in (("Sources:", answer.citations), ("Nearest passage (it does not answer):", answer.partial)):
        if not cited:
            continue
        lines += ["", heading]
        for c in cited:
            lines.append(f"  {source_line(c)}")
            lines.append(textwrap.fill(f"“{c.quote}”", 100, initial_indent="      ", subsequent_indent="      "))
    return "\n".join(lines)


# ---------------------------------------------------------------- chat page

def safe_url(url: str | None) -> str | None:
    """``url`` when it is a web address; anything else (javascript:, data:) is never made a link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def article_html(original: str, start: int, end: int) -> str:
    """A whole article opened at the cited span, which is marked: what comes before it is one click
    away (the page runs no script, so it cannot scroll there; it starts there instead)."""
    start, end = max(0, min(start, len(original))), max(0, min(end, len(original)))
    earlier = (f'<details class="earlier"><summary>Earlier in the article</summary>'
               f"{html.escape(original[:start])}</details>") if original[:start].strip() else ""
    return (f'<div class="article">{earlier}<mark class="quote">{html.escape(original[start:end])}</mark>'
            f"{html.escape(original[end:])}</div>")


def sources_html(answer: Answer, article_text: Callable[[str], str | None] | None = None) -> str:
    """The sources panel for one answer; ``article_text(source)``, when given, lets a citation's title
    open the whole article at the cited sentence."""
    parts = []
    if answer.searched and answer.searched != answer.question:
        parts.append(f'<div class="searched">Searched for: <em>{html.escape(answer.searched)}</em></div>')
    if answer.conflict:
        parts.append('<div class="conflict" data-testid="conflict">The sources disagree: '
                     + "; ".join(f"<b>{html.escape(str(c['value']))}</b> [{c['n']}] "
                                 f"({html.escape(c['source'])}, {html.escape(c['date'] or 'undated')})"
                                 for c in answer.conflict) + "</div>")
    if answer.as_of:
        parts.append(f'<div class="searched">Newest relevant article: {html.escape(answer.as_of)}</div>')
    if answer.abstained:
        parts.append('<div class="abstained" data-testid="abstained">No passage in the articles answers this '
                     "question, so no answer is given.</div>")
    for c in (*answer.citations, *answer.partial):
        before, quote, after = c.text[:c.quote_start], c.text[c.quote_start:c.quote_end], c.text[c.quote_end:]
        flag = ' <span class="unsupported">(not supported by the passage)</span>' if c.supported is False else ""
        if c in answer.partial:
            flag = ' <span class="unsupported">(the nearest passage; it does not answer)</span>'
        outlet = f" · {html.escape(c.outlet)}" if c.outlet else ""
        page = f" · p. {c.page}" if c.page else ""
        also = f' <span class="also">(also in {html.escape(", ".join(c.also_in))})</span>' if c.also_in else ""
        url = safe_url(c.url)
        link = (f' · <a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer" '
                f'class="url">{html.escape(url)}</a>') if url else ""
        title = f"[{c.n}] {html.escape(c.title)}"
        original = article_text(c.source) if article_text else None
        heading = (f'<details class="whole"><summary><h4>{title}{flag}</h4></summary>'
                   f"{article_html(original, c.start, c.end)}</details>") if original else f"<h4>{title}{flag}</h4>"
        parts.append(
            f'<div class="source" data-citation="{c.n}">{heading}'
            f'<div class="meta">{html.escape(date_label(c.date, c.date_inferred))}{outlet} · '
            f'{html.escape(c.source)}{page}{also}{link}</div>'
            f'<div class="passage">{html.escape(before)}<mark class="quote">{html.escape(quote)}</mark>'
            f"{html.escape(after)}</div></div>"
        )
    return "\n".join(parts) or EMPTY_SOURCES


def chat_text(answer: Answer) -> str:
    """The answer as the chat shows it (Markdown)."""
    if answer.abstained:
        return f"⚠️ *{answer.text}*"
    short = short_text(answer)
    lead = f"**{short}**\n\n" if short else ""
    return lead + answer.text + "".join(f"\n\n*{note}*" for note in answer.notes)


# ---------------------------------------------------------------- tables

def fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1.0 else f"{value:.1f}"
    return str(value)


def table(headers: Sequence[str], rows: Sequence[Sequence], markdown: bool = False) -> str:
    """A plain-text table (first column left-aligned, the rest right-aligned), or a Markdown one."""
    cells = [[str(h) for h in headers]] + [[fmt(v) if not isinstance(v, str) else v for v in row] for row in rows]
    if markdown:
        lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * len(headers)]
        lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
             for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def perf_report(result: dict) -> str:
    """`rag bench perf` as text."""
    if "indexing" not in result:  # a store's latency only (--store qdrant)
        rows = [[f"{r['chunks']:,}", r["dense_kind"], r.get("qdrant_build_s"), r["bm25"]["p50_ms"],
                 r["dense"]["p50_ms"],
                 r["retrieve"]["p50_ms"], r["retrieve+answer"]["p50_ms"], r["retrieve+answer"]["p95_ms"],
                 r["peak_rss_mb"]] for r in result["latency"]]
        return (f"machine: {result['machine']}\nstore: {result['store']}\n\n"
                + table(["chunks", "dense index", "build s", "bm25 p50", "dense p50", "retrieve p50", "+answer p50",
                         "+answer p95", "peak MB"], rows))
    i = result["indexing"]
    out = [f"machine: {result['machine']}\nmodel: {result['model']}\n",
           f"indexing: {i['chunks']} chunks, pipeline {i['pipeline_chunks_per_s']} chunks/s, raw encode "
           f"{i['raw_encode_chunks_per_s']} chunks/s, ratio {i['ratio']} with sentence vectors kept, "
           f"{i['ratio_without_sentence_vectors']} without; peak RSS {i['peak_rss_mb']} MB\n"]
    g = result.get("ingestion", {})
    for kind in ("html", "pdf"):
        if isinstance(g.get(kind), dict):
            m = g[kind]
            end = f", end to end (parse, chunk, embed) {m['end_to_end_articles_per_s']} articles/s" \
                if "end_to_end_articles_per_s" in m else ""
            out.append(f"ingestion, {kind.upper()}: {m['articles']} articles, parsing {m['parse_articles_per_s']} "
                       f"articles/s in one process, {m['load_corpus_articles_per_s']} articles/s reading the "
                       f"corpus{end}")
        elif kind in g:
            out.append(f"ingestion, {kind.upper()}: {g[kind]}")
    out.append("") if g else None
    rows = []
    for r in result["latency"]:
        cached = r["retrieve+answer, sentences cached"]
        rows.append([f"{r['chunks']:,}", r["dense_kind"], r["bm25"]["p50_ms"], r["bm25"]["p95_ms"],
                     r["dense"]["p50_ms"], r["encode"]["p50_ms"], r["retrieve"]["p50_ms"], r["retrieve"]["p95_ms"],
                     r["retrieve+answer"]["p50_ms"], r["retrieve+answer"]["p95_ms"], cached["p50_ms"],
                     cached["p95_ms"], r.get("ann_recall@10", "exact"), r["peak_rss_mb"]])
    out.append(table(["chunks", "dense index", "bm25 p50", "bm25 p95", "dense p50", "encode p50", "retrieve p50",
                      "retrieve p95", "+answer p50", "+answer p95", "cached p50", "cached p95", "recall@10",
                      "peak MB"], rows))
    if "ann_real" in result:
        a = result["ann_real"]
        out.append(f"\nIVF on real embeddings ({a['documents']} documents, {a['queries']} queries, nlist "
                   f"{a['nlist']}, nprobe {a['nprobe']}): recall@10 {a['recall@10']}; the 16-bit exhaustive "
                   f"scan: recall@10 {a.get('half_precision_recall@10', '-')}")
    c = result["cold_start"]
    out.append(f"\ncold start of `rag ask` (new process, bundled corpus): median {c['ask_s_median']} s with the "
               f"ONNX query encoder, {c['ask_torch_s_median']} s with sentence-transformers; import torch "
               f"{c['import_torch_s']} s, import sentence_transformers {c['import_sentence_transformers_s']} s")
    return "\n".join(out)


def beir_report(result: dict) -> str:
    """`rag bench beir` as text."""
    head = (f"{result['dataset']} ({result['split']} split, {result.get('store', 'local')} store): "
            f"{result['documents']} documents, "
            f"{result['queries']} queries, model {result['model']}, fusion {result['fusion']} "
            f"(RRF k={result['rrf_k']}), weights dense {result['weights']['dense']} / "
            f"bm25 {result['weights']['bm25']}, best sentence {result['weights'].get('best sentence', 0.0)}; "
            f"document vectors from "
            f"{'their sentences' if result.get('chunk_vectors') == 'sentences' else 'the model'}\n")
    rows = [[mode, m["ndcg@10"], m["recall@100"], m["mrr@10"]] for mode, m in result["metrics"].items()]
    text = head + "\n" + table(["mode", "nDCG@10", "Recall@100", "MRR@10"], rows)
    if "tuned" in result:
        text += f"\n\nbest fusion on this split: {result['tuned']}"
    return text
