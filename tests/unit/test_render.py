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
