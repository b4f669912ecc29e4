"""What the terminal and the page show for an answer, and the tables."""

import dataclasses

from rag.render import chat_text, format_answer, sources_html, table
from rag.types import ABSTAIN_TEXT, Answer, Citation
from tests.unit.test_types import PASSAGE


def _answer(**kw):
    citation = Citation.quoting(1, PASSAGE, [1])
    return Answer("q?", "The deficit was $45.7 billion. [1]", False, [citation], [PASSAGE], **kw)


def test_terminal_shows_text_notes_and_sources():
    text = format_answer(_answer(notes=["a note"]))
    assert text.startswith("The deficit was $45.7 billion. [1]")
    assert "Note: a note" in text and "[1] Talks (2025-03-28, PTI) — a.txt" in text
    assert "“The deficit was $45.7 billion.”" in text


def test_page_escapes_article_text_and_highlights_the_quote():
    answer = _answer(searched="searched <b>q</b>?")
    bad = dataclasses.replace(answer.citations[0], title="<script>alert(1)</script>", supported=False)
    page = sources_html(dataclasses.replace(answer, citations=[bad]))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<mark class="quote">The deficit was $45.7 billion.</mark>' in page
    assert "not supported by the passage" in page and "searched &lt;b&gt;q&lt;/b&gt;?" in page


def test_abstention_on_the_page():
    answer = Answer("q?", ABSTAIN_TEXT, True)
    assert 'data-testid="abstained"' in sources_html(answer) and chat_text(answer) == f"⚠️ *{ABSTAIN_TEXT}*"


def test_tables():
    text = table(["mode", "score"], [["bm25", 0.5], ["dense", None]])
    assert text.splitlines() == ["mode   score", "-----  -----", "bm25   0.500", "dense      –"]
    assert table(["a", "b"], [["x", 2.0]], markdown=True).splitlines() == ["| a | b |", "|---|---|", "| x | 2.0 |"]


def test_the_short_answer_leads_in_bold_on_the_page_and_first_in_the_terminal():
    answer = _answer(short_answer="$45.7 billion")
    assert chat_text(answer).startswith("**$45.7 billion**\n\n")
    assert format_answer(answer).splitlines()[0] == "$45.7 billion"
    assert format_answer(answer, bold=True).splitlines()[0] == "\033[1m$45.7 billion\033[0m"
    parts = dataclasses.replace(answer, short_answer=("41.18 billion", None))
    assert format_answer(parts).splitlines()[0] == "41.18 billion; –"


def test_an_abstention_shows_the_nearest_passage_as_not_answering():
    near = Citation.quoting(1, PASSAGE, [1])
    answer = Answer("q?", f"{ABSTAIN_TEXT} The nearest passage [1] does not speak of 2018-19.", True, partial=[near])
    assert "Nearest passage (it does not answer):" in format_answer(answer)
    assert "it does not answer" in sources_html(answer) and answer.to_json()["partial"][0]["quote"] == near.quote
    assert answer.to_json()["citations"] == []


def test_web_requests_are_checked():
    import pytest

    from rag.errors import RagError
    from rag.web import MAX_K, check_request

    allowed = ["extractive", "openai"]
    assert check_request("hybrid", 6.0, "extractive", allowed) == ("hybrid", 6, "extractive")
    for mode, k, generator, message in [
        ("hybrid", 10**9, "extractive", "from 1 to"), ("hybrid", 0, "extractive", "from 1 to"),
        ("hybrid", 2.5, "extractive", "whole number"), ("hybrid", "6", "extractive", "whole number"),
        ("hybrid", True, "extractive", "whole number"), ("magic", 6, "extractive", "mode must be"),
        ("hybrid", 6, "os:system", "unknown generator"), ("hybrid", 6, ["extractive"], "unknown generator"),
    ]:
        with pytest.raises(RagError, match=message):
            check_request(mode, k, generator, allowed)
    assert MAX_K == 50


def test_the_rate_limit_counts_per_client_and_says_when_to_retry():
    import pytest

    from rag.errors import RagError
    from rag.web import RateLimiter

    limiter = RateLimiter(per_minute=2)
    limiter.check("a")
    limiter.check("a")
    limiter.check("b")  # another client has its own budget
    with pytest.raises(RagError, match=r"busy: at most 2 questions a minute from one client; retry in \d+ s"):
        limiter.check("a")
    RateLimiter(0).check("a")  # 0: no limit


def test_logins_from_the_command_line_and_a_file(tmp_path):
    import argparse

    import pytest

    from rag.commands import logins
    from rag.errors import RagError

    (tmp_path / "logins").write_text("# people\nann:s3cret\n\nbob:pass:with:colons\n")
    args = argparse.Namespace(auth="root:toor", auth_file=str(tmp_path / "logins"))
    assert logins(args) == [("root", "toor"), ("ann", "s3cret"), ("bob", "pass:with:colons")]
    with pytest.raises(RagError, match="not USER:PASS"):
        logins(argparse.Namespace(auth="nopassword", auth_file=None))


def test_a_citation_links_its_url_opens_its_article_at_the_quote_and_names_its_page():
    answer = _answer()
    cited = dataclasses.replace(answer.citations[0], url="https://news.example/a?x=1&y=2", page=2)
    original = "Talks began. <b>Earlier</b> text.\n" + cited.quote + " Later text."
    start = original.index(cited.quote)
    cited = dataclasses.replace(cited, start=start, end=start + len(cited.quote))
    page = sources_html(dataclasses.replace(answer, citations=[cited]), lambda source: original)
    assert 'href="https://news.example/a?x=1&amp;y=2"' in page and "p. 2" in page
    whole = page[page.index('<div class="article">'):]
    assert whole.index('<details class="earlier">') < whole.index("&lt;b&gt;Earlier") < whole.index(
        f'<mark class="quote">{cited.quote}</mark>') < whole.index("Later text.")
    assert "<b>Earlier" not in page
    hostile = dataclasses.replace(cited, url="javascript:alert(1)")
    assert "javascript:" not in sources_html(dataclasses.replace(answer, citations=[hostile]))
    assert "p. 2" in format_answer(dataclasses.replace(answer, citations=[cited]))
    assert "<https://news.example/a?x=1&y=2>" in format_answer(dataclasses.replace(answer, citations=[cited]))
