"""Dates on every citation, disagreeing sources, recency and filters, on the real corpus."""

import pytest

from rag.errors import RagError
from rag.types import Filters


def test_every_citation_carries_its_articles_date(pipeline):
    answer = pipeline.ask("Who is the spokesperson for the US State Department?")
    assert answer.citations and all(c.date for c in answer.citations)
    assert answer.to_json()["citations"][0]["date"] == "2025-03-28"


def test_disagreeing_percentages_are_both_reported(pipeline):
    answer = pipeline.ask("By what percentage did the US goods trade deficit with India increase in 2024?")
    assert answer.text.startswith("The sources disagree")
    values = {c["value"] for c in answer.conflict}
    assert values == {"5.4 per cent", "5.1%"}
    assert {c["date"] for c in answer.conflict} == {"2025-03-28", "2025-04"}
    for entry in answer.conflict:
        citation = answer.citations[entry["n"] - 1]
        assert entry["value"] in citation.quote and citation.source == entry["source"]
        assert f"[{entry['n']}]" in answer.text


@pytest.mark.parametrize("question,values,neither", [
    ("Was the US deficit with India in 2024 up 5.1% or 5.4%?", {"5.4 per cent", "5.1%"},
     "Was the US deficit with India in 2024 up 3% or 6%?"),
    ("Did the US deficit with India rise 5.1 or 5.4 per cent in 2024?", {"5.4 per cent", "5.1%"},
     "Did the US deficit with India rise 3 or 6 per cent in 2024?"),
    ("Were the additional tariffs on India paused until July 8 or July 9?", {"July 9", "July 8"},
     "Were the additional tariffs on India paused until August 8 or August 9?"),
])
def test_a_choice_of_two_values_asks_which_and_reports_a_disagreement(pipeline, question, values, neither):
    # was withheld: each article's sentence names one of the two, and the question was read as a yes or no
    assert {c["value"] for c in pipeline.ask(question).conflict} == values
    assert pipeline.ask(neither).abstained


def test_disagreeing_dates_are_both_reported(pipeline):
    answer = pipeline.ask("Until what date are the additional US tariffs on India paused?")
    assert {c["value"] for c in answer.conflict} == {"July 9", "July 8"}
    assert "July 9" in answer.text and "July 8" in answer.text


def test_a_disagreement_held_in_one_clause_of_a_long_sentence_is_reported(pipeline):
    # "With reciprocal tariffs on Indian exports paused until July 8, the BTA's progress could ..."
    answer = pipeline.ask("Till when are the reciprocal tariffs on India suspended?")
    assert {c["value"] for c in answer.conflict} == {"July 9", "July 8"}


def test_agreeing_sources_are_not_a_conflict(pipeline):
    answer = pipeline.ask("How big was the US goods trade deficit with India in 2024?")
    assert answer.conflict is None and "45.7 billion" in answer.text


def test_latest_state_leads_with_the_newest_article_and_says_when(pipeline):
    answer = pipeline.ask("What tariff does the US now impose on Indian textiles?")
    assert "50%" in answer.text and answer.text.startswith("As of January 2026")
    assert answer.as_of == "2026-01"
    assert answer.citations[0].source == "2026-01-agriculture-dairy-hold-up-deal.txt"
    assert answer.to_json()["as_of"] == "2026-01"


def test_a_newer_article_without_the_figure_asked_does_not_lead(pipeline):
    # the January 2026 article's "exports went up by 11.38%" is near in words, but gives no tariff
    answer = pipeline.ask("What is the current US baseline tariff on India?")
    assert answer.short_answer == "10 per cent" and answer.as_of == "2025-05-20"
    assert "baseline tariff" in answer.citations[0].quote


def test_latest_state_questions_always_retrieve_the_newest_article(pipeline):
    newest = max(pipeline.store.articles.values(), key=lambda meta: meta.date or "").source
    plain = [p.source for p in pipeline.retrieve("Where do the India-US trade talks stand?", k=3)]
    latest = [p.source for p in pipeline.retrieve("Where do the India-US trade talks stand now?", k=3)]
    assert newest not in plain  # plain fusion ranks older reports higher here
    assert latest[-1] == newest and newest not in latest[:-1]  # it takes the last place only


def test_filters_apply_inside_retrieval(pipeline):
    source = "2025-05-20-goyal-lutnick-washington-talks.txt"
    in_article = len(pipeline.store.chunks_of(source))
    for mode in ("hybrid", "dense", "bm25"):
        passages = pipeline.retrieve("Prime Minister Modi", k=20, mode=mode, filters=Filters(sources=(source,)))
        assert {p.source for p in passages} <= {source}
    # the filter runs before the top k: every chunk of the article comes back, none lost to others
    passages = pipeline.retrieve("trade", k=20, mode="dense", filters=Filters(sources=("2025-05-20-*",)))
    assert len(passages) == in_article
    since = pipeline.retrieve("tariffs", k=20, filters=Filters(since="2026-01-15"))
    assert {p.article.date for p in since} == {"2026-01", "2026-01-23"}  # 2026-01 may include the 15th
    until = pipeline.retrieve("tariffs", k=20, filters=Filters(until="2025-04-30"))
    assert {p.article.date for p in until} == {"2025-03-28", "2025-04"}


def test_a_filter_that_matches_nothing_says_so(pipeline):
    with pytest.raises(RagError, match="no article matches the filters .--since 2030."):
        pipeline.ask("What tariff applies?", filters=Filters(since="2030"))


def test_figures_of_another_measure_are_no_disagreement(pipeline):
    # the other article's sentence on 2024 gives the deficit's 5.1% increase, not the exports' growth
    answer = pipeline.ask("By how much did US goods exports to India grow in 2024?")
    assert answer.conflict is None and answer.short_answer == "3.4 per cent"


def test_latest_state_looks_past_the_retrieved_passages_for_a_newer_statement(pipeline):
    # both articles give the 2024 deficit; the April 2025 one is newer than the March 28 one
    answer = pipeline.ask("What is the latest figure for the US goods trade deficit with India?")
    assert answer.as_of == "2025-04" and answer.text.startswith("As of April 2025")
    assert "45.7 billion" in answer.citations[0].quote


def test_latest_state_quotes_the_step_expected_next_after_the_step_taken(pipeline):
    answer = pipeline.ask("What is the latest on India joining Pax Silica?")
    assert answer.as_of == "2026-01-23" and "invitation to India to join" in answer.text
    assert "expected to formally participate as a full member in the coming weeks" in answer.text
    assert len(answer.citations) == 1  # the two sentences side by side, one citation


def test_a_report_asked_of_by_its_date_answers_from_that_article_only(pipeline):
    asked = "Until which July date were reciprocal tariffs on Indian exports paused, according to the {} article?"
    answer = pipeline.ask(asked.format("April"))
    assert answer.short_answer == "July 8" and {c.date for c in answer.citations} == {"2025-04"}
    answer = pipeline.ask(asked.format("June"))  # no article is dated June
    assert answer.abstained and answer.text.endswith("does not speak of the June report.")


def test_a_day_given_as_a_weekday_in_the_sentence_before_disagrees_with_a_date(pipeline):
    # "India and the US, on Friday discussed trade ... Landau and Misri held phone talks" (March 28)
    # against "a March 29 call between Foreign Secretary Vikram Misri and ... Landau" (April)
    answer = pipeline.ask("When did Vikram Misri speak with Christopher Landau?")
    assert {c["value"] for c in answer.conflict} == {"March 29", "Friday"}
    friday = next(c for c in answer.conflict if c["value"] == "Friday")
    quote = answer.citations[friday["n"] - 1].quote
    assert "on Friday" in quote and "held phone talks" in quote
