"""The chat page, through its API with gradio_client and in a real headless Chromium."""

import os
import shutil
import socket
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from rag.ui import CSS, build_app

ARTIFACTS = Path(__file__).parent / "artifacts"
DEFICIT = "How big was the US goods trade deficit with India in 2024?"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch_page(app, **launch):
    """Serve a built page on a free 127.0.0.1 port, as `rag serve` does; the server app and the port."""
    import gradio as gr

    app.queue(default_concurrency_limit=4)
    port = _free_port()
    server_app, _, _ = app.launch(
        server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, share=False, css=CSS,
        theme=gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["monospace"]), footer_links=[], **launch)
    return server_app, port


@pytest.fixture(scope="module")
def server(pipeline):
    app = build_app(pipeline)
    _, port = launch_page(app)
    yield f"http://127.0.0.1:{port}/"
    app.close()


def test_api_answers_with_citations(server):
    from gradio_client import Client

    client = Client(server, verbose=False)
    data = client.predict(DEFICIT, "hybrid", 5, "extractive", api_name="/ask")
    assert "45.7 billion" in data["answer"] and not data["abstained"]
    assert "45.7 billion" in data["citations"][0]["quote"]
    assert data["citations"][0]["date"]


def test_chat_follow_up_uses_the_conversation(server):
    from gradio_client import Client

    client = Client(server, verbose=False)
    history, _, _ = client.predict("What was India's trade surplus with the US in 2024-25?", [], "hybrid", 5,
                                   "extractive", [], "", "", api_name="/chat")
    assert "41.18" in str(history[-1]["content"])
    history, sources, _ = client.predict("And in 2023-24?", history, "hybrid", 5, "extractive", [], "", "",
                                         api_name="/chat")
    assert "35.32" in str(history[-1]["content"])
    assert "Searched for" in sources and "2023-24" in sources


def test_chat_abstains_plainly_and_errors_stay_in_the_chat(server):
    from gradio_client import Client

    client = Client(server, verbose=False)
    history, sources, _ = client.predict("Who is the Prime Minister of the United Kingdom?", [], "hybrid", 5,
                                         "extractive", [], "", "", api_name="/chat")
    assert "The articles don't say." in str(history[-1]["content"]) and 'data-testid="abstained"' in sources
    history, _, error = client.predict("   ", [], "hybrid", 5, "extractive", [], "", "", api_name="/chat")
    assert "Error" in str(history[-1]["content"]) and "empty" in error


def test_chat_shows_disagreement_and_applies_filters(server):
    from gradio_client import Client

    client = Client(server, verbose=False)
    history, sources, _ = client.predict(
        "By what percentage did the US goods trade deficit with India increase in 2024?", [], "hybrid", 6,
        "extractive", [], "", "", api_name="/chat")
    assert 'data-testid="conflict"' in sources and "5.1%" in sources and "5.4 per cent" in sources
    data = client.predict("What tariff applies?", "hybrid", 20, "extractive",
                          ["2026-01-agriculture-dairy-hold-up-deal.txt"], "", "", api_name="/ask")
    assert {p["source"] for p in data["passages"]} == {"2026-01-agriculture-dairy-hold-up-deal.txt"}
    history, _, error = client.predict("What tariff applies?", [], "hybrid", 6, "extractive", [], "2031", "",
                                       api_name="/chat")
    assert "no article matches" in error and "Error" in str(history[-1]["content"])


def test_browser_asks_and_sees_the_cited_source(server):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; scripts/test installs it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    outside = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname not in (
            "127.0.0.1", "localhost", None) and not r.url.startswith(("data:", "blob:")) else None)
        page.goto(server, wait_until="networkidle")
        box = page.locator("#question textarea")
        box.fill(DEFICIT)
        box.press("Enter")
        answer = page.locator("#chat .message.bot, #chat [data-testid='bot']").last
        answer.wait_for(timeout=60_000)
        page.wait_for_function("document.querySelector('#chat') && "
                               "document.querySelector('#chat').innerText.includes('45.7 billion')", timeout=60_000)
        page.locator("#sources .passage mark.quote").first.wait_for(timeout=30_000)
        assert "[1]" in page.locator("#chat").inner_text()
        highlighted = page.locator("#sources .passage mark.quote").first.inner_text()
        assert "45.7 billion" in highlighted
        assert "[1]" in page.locator("#sources .source").first.inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)
        browser.close()
    assert (ARTIFACTS / "chat.png").stat().st_size > 10_000
    assert outside == [], f"the page requested outside hosts: {outside}"


def test_a_client_cannot_make_the_server_import_a_module_or_ask_for_unbounded_work(server, tmp_path, monkeypatch):
    import sys

    from gradio_client import Client

    (tmp_path / "planted_probe_module.py").write_text("def make(config, pipeline):\n    raise SystemExit('imported')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    client = Client(server, verbose=False)
    with pytest.raises(Exception, match="unknown generator"):
        client.predict(DEFICIT, "hybrid", 5, "planted_probe_module:make", api_name="/ask")
    assert "planted_probe_module" not in sys.modules
    with pytest.raises(Exception, match="from 1 to 50"):
        client.predict(DEFICIT, "hybrid", 1_000_000_000, "extractive", api_name="/ask")
    # the chat endpoint's dropdown refuses it too (Gradio checks the choices), before the service does
    with pytest.raises(Exception, match="not in the list of choices|unknown generator"):
        client.predict(DEFICIT, [], "hybrid", 6, "planted_probe_module:make", [], "", "", api_name="/chat")
    assert "planted_probe_module" not in sys.modules


def test_serving_beyond_loopback_needs_a_login_and_the_login_is_asked(pipeline, tmp_path):
    import subprocess
    import time

    from gradio_client import Client

    from tests.conftest import rag

    refused = rag("serve", "--host", "0.0.0.0", "--index", str(pipeline.config.index_dir))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "refusing to serve on 0.0.0.0 without a login" in refused.stderr
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "rag", "serve", "--host", "0.0.0.0", "--port", str(port),
                               "--auth", "reader:s3cret", "--index", str(pipeline.config.index_dir)],
                              cwd=Path(__file__).resolve().parents[2], stderr=subprocess.PIPE, text=True)
    try:
        for line in server.stderr:
            if "Ctrl+C" in line:
                break
        url = f"http://127.0.0.1:{port}/"  # traffic stays on loopback, whatever the server listens on
        data = Client(url, auth=("reader", "s3cret"), verbose=False).predict(DEFICIT, "hybrid", 6, "extractive",
                                                                               api_name="/ask")
        assert "45.7 billion" in data["answer"]
        with pytest.raises(Exception, match="credentials|auth|login|401"):
            Client(url, verbose=False).predict(DEFICIT, "hybrid", 6, "extractive", api_name="/ask")
        with pytest.raises(Exception, match="(?i)incorrect|credentials|auth|login|401"):
            Client(url, auth=("reader", "wrong"), verbose=False)
    finally:
        server.terminate()
        server.wait(timeout=30)
        time.sleep(0.1)


def test_a_client_over_the_rate_limit_is_told_to_retry(pipeline):
    from gradio_client import Client

    app = build_app(pipeline, rate_limit=2)
    app.queue()
    _, url, _ = app.launch(server_name="127.0.0.1", server_port=None, prevent_thread_lock=True, quiet=True)
    try:
        client = Client(url, verbose=False)
        for _ in range(2):
            assert "45.7" in client.predict(DEFICIT, "hybrid", 6, "extractive", api_name="/ask")["answer"]
        with pytest.raises(Exception, match="busy: at most 2 questions a minute"):
            client.predict(DEFICIT, "hybrid", 6, "extractive", api_name="/ask")
    finally:
        app.close()
