"""The chat page: `rag serve` starts it on 127.0.0.1:7860.

Answers stream into the chat; beside it a sources panel shows every cited
article with the cited passage and the cited sentence highlighted. Follow-ups
are searched with the conversation's context, and the query searched is shown.
"""

from __future__ import annotations

import collections
import os
import sys
import threading
import time
from collections.abc import Iterator

from .config import MODES
from .dates import check_date
from .embedding import contain_caches
from .errors import RagError
from .generation import available_generators
from .pipeline import Pipeline
from .render import EMPTY_SOURCES, chat_text, sources_html
from .types import Answer, Filters

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
"""


def make_filters(sources, since: str, until: str) -> Filters:
    since, until = (check_date(name, (value or "").strip() or None)
                    for name, value in (("since", since), ("until", until)))
    return Filters(tuple(sources or ()), since, until)


def _text(content) -> str:
    """The text of a chat message, whichever shape the client sent it in."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text", ""))
    if isinstance(content, (list, tuple)):
        return " ".join(_text(part) for part in content)
    return ""


MAX_K = 50  # passages a client may ask for: more is no better answer, only more work


def check_request(mode, k, generator, allowed: list[str]) -> tuple[str, int, str]:
    """What a web client sent, checked: a client may name only a retrieval mode, a number of passages
    from 1 to MAX_K, and one of the ``allowed`` generators: built in, registered as a plug-in, or the
    one the operator configured; never a dotted path of its own, which would import a module it chose."""
    if mode not in MODES:
        raise RagError(f"mode must be one of {', '.join(MODES)}")
    if isinstance(k, bool) or not isinstance(k, (int, float)) or k != int(k) or not 1 <= k <= MAX_K:
        raise RagError(f"the number of passages must be a whole number from 1 to {MAX_K}")
    if not isinstance(generator, str) or generator not in allowed:
        raise RagError(f"unknown generator (available: {', '.join(allowed)})")
    return mode, int(k), generator


class RateLimiter:
    """At most ``per_minute`` questions per client in any minute (0: no limit); thread-safe.

    Hand-written, a sliding window of timestamps per client, because the page's server has no
    limiter of its own and this one is a dozen lines with nothing to configure but the rate.
    """

    def __init__(self, per_minute: int = 0):
        self.per_minute = per_minute
        self._seen: dict[str, collections.deque] = {}
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        """Count one question from ``client``; a RagError saying when to retry when over the limit."""
        if not self.per_minute:
            return
        now = time.monotonic()
        with self._lock:
            if len(self._seen) > 10_000:  # forget clients gone quiet, so memory stays bounded
                self._seen = {k: v for k, v in self._seen.items() if v and now - v[-1] < 60}
            times = self._seen.setdefault(client, collections.deque())
            while times and now - times[0] >= 60:
                times.popleft()
            if len(times) >= self.per_minute:
                raise RagError(f"busy: at most {self.per_minute} questions a minute from one client; "
                               f"retry in {60 - (now - times[0]):.0f} s")
            times.append(now)


def client_of(request) -> str:
    """Who is asking: the logged-in user, else the client's address."""
    return getattr(request, "username", None) or getattr(getattr(request, "client", None), "host", None) or "?"


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
                    yield history, sources_html(piece), ""
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


def build_app(pipeline: Pipeline, generators: list[str] | None = None, rate_limit: int = 0):
    service = ChatService(pipeline, rate_limit)
    generators = generators or service.generators
    with gr.Blocks(title="Ask the articles", analytics_enabled=False) as app:
        gr.Markdown("## Ask the articles\nAnswers come only from the indexed news articles, "
                    "and every answer cites the sentences it rests on.")
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
                    articles = sorted(pipeline.store.articles.values(), key=lambda a: a.date or "")
                    source_filter = gr.Dropdown(
                        [(f"{a.title} ({a.date or 'undated'})", a.source) for a in articles], value=[],
                        multiselect=True, label="Only these articles")
                    with gr.Row():
                        since = gr.Textbox(label="Since (YYYY-MM-DD)", placeholder="any date")
                        until = gr.Textbox(label="Until (YYYY-MM-DD)", placeholder="any date")
                clear = gr.Button("New conversation", variant="secondary")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(EMPTY_SOURCES, elem_id="sources")
        question.submit(service.respond, [question, chat, mode, k, generator, source_filter, since, until],
                        [chat, sources, error],
                        api_name="chat").then(lambda: "", None, question, api_name=False)
        clear.click(lambda: ([], EMPTY_SOURCES), None, [chat, sources], api_name=False)
        gr.api(service.ask, api_name="ask")
    return app


def serve(pipeline: Pipeline, host: str = "127.0.0.1", port: int = 7860, block: bool = True,
          auth: list[tuple[str, str]] | None = None, rate_limit: int = 30):
    """Load the model and index, then serve the page. Never opens a share link; ``auth`` (user,
    password) pairs make the page and the API ask for a login."""
    _ = pipeline.store  # load (or build) before the first visitor waits for it
    pipeline.embedder.encode(["warm up"])
    app = build_app(pipeline, rate_limit=rate_limit)
    app.queue(default_concurrency_limit=8)

    theme = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])
    # quiet: Gradio's own banner suggests share=True, and sharing is deliberately impossible here
    app.launch(server_name=host, server_port=port, share=False, prevent_thread_lock=True, auth=auth or None,
               theme=theme, css=CSS, footer_links=[], quiet=True, show_error=True)
    print(f"rag: serving on {app.local_url} (press Ctrl+C to stop)", file=sys.stderr, flush=True)
    if block:
        app.block_thread()
    return app
