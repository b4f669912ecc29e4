"""The chat page: `rag serve` starts it on 127.0.0.1:7860.

Answers stream into the chat; beside it a sources panel shows every cited
article with the cited passage and the cited sentence highlighted. Follow-ups
are searched with the conversation's context, and the query searched is shown.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from .api import JsonApi
from .config import MODES
from .corpus import ARTICLE_SUFFIXES
from .editing import add_article, remove_article
from .embedding import contain_caches
from .errors import RagError
from .generation import available_generators
from .pipeline import Pipeline
from .render import EMPTY_SOURCES, chat_text, sources_html
from .types import Answer, Filters
from .web import MAX_K, MAX_UPLOAD_BYTES, MAX_UPLOADS, RateLimiter, check_request, client_of, make_filters, upload_name

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
contain_caches()  # before Gradio (and matplotlib under it) first write their caches
import gradio as gr  # noqa: E402  (after the two lines above, on purpose)

EXAMPLES = [
    "How big was the US goods trade deficit with India in 2024?",
    "What was India's trade surplus with the US in 2024-25?",
    "Which sectors is India seeking duty concessions for?",
    "What tariff does the US now impose on Indian textiles?",
]

CSS = """
#sources .source { border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 12px; margin-bottom: 10px; }
#sources .source h4 { margin: 0 0 4px 0; font-size: 0.95rem; }
#sources .meta { color: #57606a; font-size: 0.8rem; margin-bottom: 6px; }
#sources .passage { font-size: 0.88rem; line-height: 1.45; white-space: pre-wrap; }
#sources mark.quote { background: #fff3b0; padding: 1px 0; }
#sources .unsupported { color: #b3261e; font-weight: 600; }
#sources .abstained { border: 1px dashed #8c959f; border-radius: 8px; padding: 10px 12px; color: #57606a; }
#sources .conflict { border-left: 4px solid #d97706; background: #fff7e6; padding: 6px 10px; margin-bottom: 8px; }
#sources .searched { color: #57606a; font-size: 0.85rem; margin-bottom: 8px; }
#sources details.whole summary { cursor: pointer; list-style: none; }
#sources details.whole summary h4 { display: inline; text-decoration: underline dotted; }
#sources details.earlier summary { color: #57606a; font-size: 0.8rem; cursor: pointer; }
#sources .article { white-space: pre-wrap; font-size: 0.85rem; max-height: 320px; overflow-y: auto;
                    border-left: 3px solid #d0d7de; padding: 4px 8px; margin: 6px 0; }
"""


def _text(content) -> str:
    """The text of a chat message, whichever shape the client sent it in."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text", ""))
    if isinstance(content, (list, tuple)):
        return " ".join(_text(part) for part in content)
    return ""


LIST_LIMIT = 500  # rows the corpus tab shows at once


class CorpusService:
    """The corpus tab: list, add and remove articles, and re-index without a restart."""

    UPLOADS = "uploads"  # uploaded files go here, inside the corpus

    def __init__(self, pipeline: Pipeline, editable: bool):
        self.pipeline, self.editable = pipeline, editable

    def rows(self, search: str = "", since: str = "", until: str = "") -> list[list]:
        store = self.pipeline.store
        search = (search or "").strip().lower()[:200]
        filters = make_filters([], since, until)
        rows = []
        for meta in sorted(store.articles.values(), key=lambda a: (a.date or "", a.source), reverse=True):
            if meta.copy_of or (filters and not filters.accepts(meta)):
                continue
            if search and search not in f"{meta.title} {meta.source} {meta.outlet or ''}".lower():
                continue
            rows.append([meta.title, meta.date or "", meta.outlet or "", len(store.chunks_of(meta.source)),
                         meta.source])
            if len(rows) >= LIST_LIMIT:
                break
        return rows

    def listing(self, search: str = "", since: str = "", until: str = ""):
        try:
            return self.rows(search, since, until), ""
        except RagError as exc:
            return [], f"❌ {exc}"

    def _reindex(self, done: list[str]) -> str:
        built = self.pipeline.update_index(log=lambda m: None)
        counts = self.pipeline.store.manifest.get("counts", {})
        return (f"✅ {'; '.join(done)}. " if done else "") + (
            f"Index updated: {counts.get('articles')} articles, {counts.get('chunks')} chunks "
            f"({counts.get('embedded')} embedded now)." if built else "The index was already up to date.")

    # Gradio injects the progress tracker through the default value; track_tqdm shows the build's bars
    def upload(self, files, search="", since="", until="",
               progress=gr.Progress(track_tqdm=True)):  # noqa: B008
        """Add uploaded files to the corpus and index them; what happened, the new listing, the choices."""
        messages, done = [], []
        try:
            if not self.editable:
                raise RagError("this page is read-only (rag serve --read-only)")
            files = list(files or [])[:MAX_UPLOADS + 1]
            if not files:
                raise RagError("choose one or more files first")
            if len(files) > MAX_UPLOADS:
                raise RagError(f"at most {MAX_UPLOADS} files at once")
            folder = Path(self.pipeline.config.corpus_dir) / self.UPLOADS
            folder.mkdir(exist_ok=True)
            for item in files:
                temp = Path(getattr(item, "name", item))  # Gradio's own copy of the upload
                try:
                    name = upload_name(getattr(item, "orig_name", None) or temp.name)
                    if temp.stat().st_size > MAX_UPLOAD_BYTES:
                        raise RagError(f"{name} is larger than {MAX_UPLOAD_BYTES // 1_000_000} MB")
                    added = add_article(temp, folder, name=name, max_bytes=self.pipeline.config.max_article_bytes)
                    done.append(f"added {self.UPLOADS}/{added}")
                except (RagError, OSError) as exc:
                    messages.append(f"❌ {exc}".replace(str(temp), Path(str(temp)).name))
            status = self._reindex(done) if done else ""
        except RagError as exc:
            status = f"❌ {exc}"
        return self._after("\n\n".join([status, *messages]).strip(), search, since, until)

    def remove(self, source: str, search="", since="", until="",
               progress=gr.Progress(track_tqdm=True)):  # noqa: B008
        try:
            if not self.editable:
                raise RagError("this page is read-only (rag serve --read-only)")
            source = (source or "").strip()
            if source not in self.pipeline.store.articles:  # only what the index lists may be named
                raise RagError("choose an article of the list to remove (its path, as in the last column)")
            removed = remove_article(source, self.pipeline.config.corpus_dir)
            status = self._reindex([f"removed {removed} (nothing is deleted: the file is kept in the corpus's "
                                    ".removed folder, a record stays in its export)"])
        except RagError as exc:
            status = f"❌ {exc}"
        return self._after(status, search, since, until)

    def choices(self) -> list[tuple[str, str]]:
        """The articles a question may be limited to, oldest first: (label, path)."""
        articles = sorted(self.pipeline.store.articles.values(), key=lambda a: a.date or "")
        return [(f"{a.title} ({a.date or 'undated'})", a.source) for a in articles if not a.copy_of]

    def _after(self, status: str, search: str, since: str, until: str):
        rows, problem = self.listing(search, since, until)
        return status or problem, rows, gr.update(choices=self.choices())


class ChatService:
    """Answers chat turns; one pipeline (model and index) shared by every user."""

    def __init__(self, pipeline: Pipeline, rate_limit: int = 0):
        self.pipeline = pipeline
        self.generators = available_generators(pipeline.config)  # what clients may name
        self.limiter = RateLimiter(rate_limit)

    def respond(self, message: str, history: list, mode: str, k: float, generator: str,
                sources: list | None = None, since: str = "", until: str = "", request: gr.Request = None
                ) -> Iterator[tuple[list, str, str]]:
        history = list(history or [])
        asked = [_text(m.get("content")) for m in history if m.get("role") == "user"]
        history = history + [{"role": "user", "content": message},
                             {"role": "assistant", "content": "…"}]
        yield history, "<p>Searching the articles…</p>", ""
        text = ""
        try:
            mode, k, generator = check_request(mode, k, generator, self.generators)
            self.limiter.check(client_of(request))
            self.pipeline.refresh()
            filters = make_filters(sources, since, until)
            for piece in self.pipeline.stream(message, k, mode, generator, asked, filters):
                if isinstance(piece, Answer):
                    history[-1] = {"role": "assistant", "content": chat_text(piece)}
                    yield history, sources_html(piece, self.pipeline.article_text), ""
                else:
                    text += piece
                    history[-1] = {"role": "assistant", "content": text}
                    yield history, "<p>Answering…</p>", ""
        except RagError as exc:
            history[-1] = {"role": "assistant", "content": f"❌ Error: {exc}"}
            yield history, "", str(exc)
        except Exception as exc:  # a broken turn must not break the page
            history[-1] = {"role": "assistant", "content": f"❌ Error: {type(exc).__name__}: {exc}"}
            yield history, "", str(exc)

    def answer_json(self, question: str, k: int, mode: str, generator: str, filters: Filters) -> dict:
        """The checked request answered, as `rag ask --json` prints it."""
        self.pipeline.refresh()
        return self.pipeline.ask(question, k, mode, generator, filters=filters).to_json()

    def ask(self, question: str, mode: str = "hybrid", k: float = 6, generator: str = "extractive",
            sources: list | None = None, since: str = "", until: str = "", request: gr.Request = None) -> dict:
        """The JSON answer, as `rag ask --json` prints it; a bad request is a one-line error to the client."""
        try:
            mode, k, generator = check_request(mode, k, generator, self.generators)
            self.limiter.check(client_of(request))
            self.pipeline.refresh()
            return self.pipeline.ask(question, k, mode, generator,
                                     filters=make_filters(sources, since, until)).to_json()
        except RagError as exc:
            raise gr.Error(str(exc), print_exception=False) from None


def build_app(pipeline: Pipeline, generators: list[str] | None = None, rate_limit: int = 0, editable: bool = True):
    service = ChatService(pipeline, rate_limit)
    corpus = CorpusService(pipeline, editable)
    generators = generators or service.generators
    with gr.Blocks(title="Ask the articles", analytics_enabled=False) as app:
        gr.Markdown("## Ask the articles\nAnswers come only from the indexed news articles, "
                    "and every answer cites the sentences it rests on.")
        with gr.Tab("Ask", id="ask"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="Chat", height=460, elem_id="chat", feedback_options=None,
                                      buttons=["copy", "copy_all"])
                    question = gr.Textbox(label="Question", placeholder="Ask about the articles…",
                                          elem_id="question", submit_btn=True)
                    error = gr.Textbox(visible=False)
                    gr.Examples(EXAMPLES, inputs=question, label="Examples")
                    with gr.Accordion("Settings", open=False):
                        mode = gr.Radio(list(MODES), value=pipeline.config.mode, label="Retrieval mode")
                        k = gr.Slider(1, MAX_K, value=pipeline.config.k, step=1, label="Passages")
                        generator = gr.Dropdown(generators, value=pipeline.config.generator, label="Generator")
                        source_filter = gr.Dropdown(corpus.choices(), value=[],
                                                    multiselect=True, label="Only these articles")
                        with gr.Row():
                            since = gr.Textbox(label="Since (YYYY-MM-DD)", placeholder="any date")
                            until = gr.Textbox(label="Until (YYYY-MM-DD)", placeholder="any date")
                    clear = gr.Button("New conversation", variant="secondary")
                with gr.Column(scale=2):
                    gr.Markdown("### Sources\nClick a source's title to read the whole article at the cited "
                                "sentence.")
                    sources = gr.HTML(EMPTY_SOURCES, elem_id="sources")
        with gr.Tab("Corpus", id="corpus"):
            with gr.Row():
                search = gr.Textbox(label="Search titles and outlets", elem_id="corpus-search")
                list_since = gr.Textbox(label="Since (YYYY-MM-DD)", placeholder="any date")
                list_until = gr.Textbox(label="Until (YYYY-MM-DD)", placeholder="any date")
            table = gr.Dataframe(corpus.rows(), headers=["title", "date", "outlet", "chunks", "path"],
                                 interactive=False, elem_id="corpus-table", label="Articles (newest first)")
            status = gr.Markdown(elem_id="corpus-status")
            if editable:
                with gr.Row():
                    uploads = gr.File(file_count="multiple", file_types=list(ARTICLE_SUFFIXES),
                                      label="Add articles (.txt, .md, .html, .pdf, .jsonl, .csv)",
                                      elem_id="corpus-upload")
                    with gr.Column():
                        add = gr.Button("Add and index", variant="primary", elem_id="corpus-add")
                        to_remove = gr.Textbox(label="Article to remove (its path)", elem_id="corpus-remove-path")
                        remove = gr.Button("Remove from the index", variant="stop", elem_id="corpus-remove")
                listed = [search, list_since, list_until]
                add.click(corpus.upload, [uploads, *listed], [status, table, source_filter], api_name=False)
                remove.click(corpus.remove, [to_remove, *listed], [status, table, source_filter], api_name=False)
            for box in (search, list_since, list_until):
                box.submit(corpus.listing, [search, list_since, list_until], [table, status], api_name=False)
        question.submit(service.respond, [question, chat, mode, k, generator, source_filter, since, until],
                        [chat, sources, error],
                        api_name="chat").then(lambda: "", None, question, api_name=False)
        clear.click(lambda: ([], EMPTY_SOURCES), None, [chat, sources], api_name=False)
        gr.api(service.ask, api_name="ask")
    app.rag_service = service  # the JSON API shares its checks, generators and rate limit
    return app


def serve(pipeline: Pipeline, host: str = "127.0.0.1", port: int = 7860, block: bool = True,
          auth: list[tuple[str, str]] | None = None, rate_limit: int = 30, editable: bool = True):
    """Load the model and index, then serve the page. Never opens a share link; ``auth`` (user,
    password) pairs make the page and the API ask for a login."""
    _ = pipeline.store  # load (or build) before the first visitor waits for it
    pipeline.embedder.encode(["warm up"])
    app = build_app(pipeline, rate_limit=rate_limit, editable=editable)
    service = app.rag_service
    app.queue(default_concurrency_limit=8)

    theme = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])
    # quiet: Gradio's own banner suggests share=True, and sharing is deliberately impossible here
    app.launch(server_name=host, server_port=port, share=False, prevent_thread_lock=True, auth=auth or None,
               theme=theme, css=CSS, footer_links=[], quiet=True, show_error=True,
               max_file_size=MAX_UPLOAD_BYTES)
    JsonApi(service, auth).mount(app.server_app)
    print(f"rag: serving on {app.local_url} (press Ctrl+C to stop)", file=sys.stderr, flush=True)
    if block:
        app.block_thread()
    return app
