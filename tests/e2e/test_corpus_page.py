"""The chat page manages the corpus: an article uploaded in a real browser is indexed without a restart
and answers a question only it can answer; the corpus tab lists, filters and removes articles."""

from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest

from rag.errors import RagError
from rag.pipeline import Pipeline
from rag.ui import CorpusService, build_app
from rag.web import upload_name
from tests.archive_fixtures import PAGE_URL, write_news_page
from tests.e2e.test_ui import ARTIFACTS, CHROMIUM, launch_page

QUESTION = "What steel import quota did India and the US agree on?"


@pytest.fixture
def page_server(workspace, embedder):
    pipeline = Pipeline(workspace, embedder=embedder, log=lambda m: None)
    app = build_app(pipeline)
    _, port = launch_page(app)
    yield f"http://127.0.0.1:{port}/", pipeline
    app.close()


def test_an_uploaded_page_is_indexed_and_answers_in_the_browser(page_server, tmp_path):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; scripts/test installs it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    url, pipeline = page_server
    assert pipeline.ask(QUESTION).abstained  # nothing in the corpus answers it before the upload
    upload = write_news_page(tmp_path / "steel quota (Trade Times).html")
    outside = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname not in (
            "127.0.0.1", "localhost", None) and not r.url.startswith(("data:", "blob:")) else None)
        page.goto(url, wait_until="networkidle")
        page.get_by_role("tab", name="Corpus").click()
        page.locator("#corpus-upload input[type=file]").set_input_files(str(upload))
        page.wait_for_function("document.querySelector('#corpus-upload').innerText.includes('steel')",
                               timeout=30_000)
        page.locator("#corpus-add").click()
        page.wait_for_function("document.querySelector('#corpus-status') && "
                               "document.querySelector('#corpus-status').innerText.includes('Index updated')",
                               timeout=120_000)
        assert "Steel quota agreed" in page.locator("#corpus-table").inner_text()
        page.get_by_role("tab", name="Ask").click()
        box = page.locator("#question textarea")
        box.fill(QUESTION)
        box.press("Enter")
        page.wait_for_function("document.querySelector('#chat').innerText.includes('3.25 million tonnes')",
                               timeout=60_000)
        source = page.locator("#sources .source").first
        source.wait_for(timeout=30_000)
        assert "Steel quota agreed" in source.inner_text()
        assert source.locator("a.url").get_attribute("href") == PAGE_URL
        source.locator("summary").click()  # the title opens the whole article at the cited sentence
        whole = source.locator(".article")
        whole.wait_for(timeout=10_000)
        assert "3.25 million tonnes" in whole.locator("mark.quote").inner_text()
        assert "Odisha and Jharkhand" in whole.inner_text()  # the article goes on after the quote
        assert whole.locator("mark.quote").bounding_box()["y"] - whole.bounding_box()["y"] < 60  # it opens there
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "corpus-upload.png"), full_page=True)
        browser.close()
    assert outside == [], f"the page requested outside hosts: {outside}"
    assert (pipeline.config.corpus_dir / "uploads" / "steel_quota_Trade_Times_.html").is_file()


def test_the_corpus_tab_lists_filters_and_removes_and_refuses_what_is_not_an_article(workspace, embedder,
                                                                                       tmp_path):
    pipeline = Pipeline(workspace, embedder=embedder, log=lambda m: None)
    service = CorpusService(pipeline, editable=True)
    everything = service.rows()
    assert len(everything) == len(pipeline.store.articles) and all(row[3] > 0 for row in everything)
    assert [r[1] for r in service.rows(since="2026-01-01")] == ["2026-01-23", "2026-01"]
    assert len(service.rows(search="lutnick")) == 1
    assert service.listing(since="2026-13-45")[1].startswith("❌")

    bad = tmp_path / "evil.py"
    bad.write_text("import os\n")
    status, rows, _ = service.upload([str(bad)])
    assert "❌" in status and "evil.py" in status and len(rows) == len(everything)
    with pytest.raises(RagError):
        upload_name("../../etc/passwd")
    assert upload_name("../../x/My Story!.HTML") == "My_Story_.HTML"

    status, _, _ = service.remove("../outside.txt")
    assert "❌" in status
    gone = everything[0][4]
    status, rows, choices = service.remove(gone)
    assert "Index updated" in status and gone not in {r[4] for r in rows}
    assert (workspace.corpus_dir / ".removed" / gone).is_file()
    assert gone not in {value for _, value in choices["choices"]}

    readonly = CorpusService(pipeline, editable=False)
    assert "read-only" in readonly.upload([str(bad)])[0]
