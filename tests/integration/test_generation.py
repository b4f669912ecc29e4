import datetime
import re

import pytest

from rag.extractive import ExtractiveGenerator
from rag.generation import Generator
from rag.types import ABSTAIN_TEXT, Filters
from tests.conftest import CORPUS


def _ws(text):
    return " ".join(text.split())


def test_the_deficit_question_is_answered_with_a_cited_quote(pipeline):
    answer = pipeline.ask("How big was the US goods trade deficit with India in 2024?")
    assert not answer.abstained
    assert "45.7 billion" in answer.text
    assert "45.7 billion" in answer.citations[0].quote
    assert "[1]" in answer.text


def test_a_sentence_is_quoted_with_the_one_before_when_that_names_what_was_asked(pipeline):
    answer = pipeline.ask("Which technology supply chain club is New Delhi expected to become a full member of?")
    quote = answer.citations[0].quote
    assert "Pax Silica" in answer.text and "Pax Silica" in quote
    assert quote.endswith("New Delhi is expected to formally participate as a full member in the coming weeks.")


def test_citations_point_at_exact_spans_of_the_article(pipeline):
    answer = pipeline.ask("How many Indian nationals were deported by the US from 2009 to 2024?")
    assert "15,564" in answer.text
    for citation in answer.citations:
        raw = (CORPUS / citation.source).read_text(encoding="utf-8")
        assert _ws(raw[citation.start:citation.end]) == _ws(citation.quote)
        assert citation.text[citation.quote_start:citation.quote_end] == citation.quote
        assert citation.quote in citation.text
        assert citation.title and citation.date


@pytest.mark.parametrize("question", [
    "Who is the Prime Minister of the United Kingdom?",
    "What is the capital of France?",
    "What will the weather be in Mumbai tomorrow?",
])
def test_questions_the_articles_cannot_answer_abstain(pipeline, question):
    answer = pipeline.ask(question)
    assert answer.abstained and answer.text == ABSTAIN_TEXT and answer.citations == ()
    assert answer.passages  # what was looked at is still reported


def test_the_extractive_generator_is_a_generator(pipeline):
    generator = pipeline.generator
    assert isinstance(generator, ExtractiveGenerator) and isinstance(generator, Generator)
    assert generator.generate("anything", []).abstained


def test_json_contract(pipeline):
    data = pipeline.ask("Who is the US Commerce Secretary?").to_json()
    assert set(data) >= {"question", "answer", "abstained", "citations", "passages"}
    assert "Lutnick" in data["answer"]
    citation = data["citations"][0]
    assert set(citation) >= {"n", "source", "title", "date", "chunk_id", "text", "quote", "start", "end"}
    assert citation["n"] == 1
    assert set(data["passages"][0]) == {"chunk_id", "source", "score", "text"}


def test_a_date_question_is_answered_with_the_date_of_the_act_it_asks_about(pipeline):
    # the same article gives "suspended ... till July 9" first and "It was announced on April 2" next
    answer = pipeline.ask("When was the additional 26 per cent tariff on India announced?")
    assert not answer.abstained and answer.short_answer == "April 2"
    assert "announced on April 2" in " ".join(c.quote for c in answer.citations)


def test_one_value_asked_of_two_things_gets_both_values_each_cited(pipeline):
    answer = pipeline.ask("What were US goods exports to India and US goods imports from India in 2024?")
    assert answer.short_answer == ("$41.8 billion", "$87.4 billion")
    assert answer.citations and all("$41.8 billion" in c.quote or "$87.4 billion" in c.quote for c in answer.citations)


def test_what_someone_said_is_withheld_when_no_sentence_reports_their_words(pipeline):
    answer = pipeline.ask("What did China say about the India-US trade talks?")
    assert answer.abstained and answer.citations == ()


@pytest.mark.parametrize("question,nearest", [
    # a figure of the year before, a vaguer count, an office of another country, another month
    ("What was the US goods trade deficit with India in 2025?", "2025"),
    ("Who is India's Commerce Secretary?", "India's Commerce Secretary"),
    ("By how much did shipments to the US rise in October year on year?", "October"),
    # the articles give the US deficit with India, which is no US surplus
    ("What was the US goods trade surplus with India in 2024?", "US's surplus with India"),
    # a target's year, failed both as the figure's year and as the year to meet it by, is said once
    ("What is the Mission 500 goal's target for bilateral trade by 2035?", "2035"),
    ("When will the second phase of the trade agreement be concluded?", "second phase"),
    # Modi made the calls to Trump: the doer and the one done to are said as one act
    ("How many calls has Trump made to Modi since the bill was announced?", "Trump doing it to Modi"),
    # and calls received from Trump are not the calls Modi made
    ("How many calls has Modi received from Trump?", "receiving"),
])
def test_near_misses_abstain_and_say_what_the_nearest_passage_lacks(pipeline, question, nearest):
    answer = pipeline.ask(question)
    assert answer.abstained and answer.citations == ()
    assert f"does not speak of {nearest}" in answer.text and answer.partial
    assert answer.text.count(nearest) == 1


@pytest.mark.parametrize("question,lacks,instead", [
    ("What was India's trade surplus with the US in 2018-19?", "2018-19", "2024-25"),
    ("What was the US trade deficit with Canada in 2024?", "Canada", "India"),
    ("How many Indian nationals did the US deport in 2025?", "2025", "2009 to 2024"),
])
def test_an_abstention_says_what_the_nearest_passage_speaks_of_instead(pipeline, question, lacks, instead):
    answer = pipeline.ask(question)
    assert answer.abstained and answer.partial
    assert answer.text.endswith(f"does not speak of {lacks}; it speaks of {instead}.")
    assert instead in answer.partial[0].quote  # said of the passage shown, in its words


@pytest.mark.parametrize("question", [
    "Who is the US Trade Representative?",  # the office is named, its holder is not
    "Why did India decline to join the Pax Silica initiative?",  # India was invited; it declined nothing
    "How many Indian nationals did the US deport in 2025?",  # "hundreds", and a total to 2024
])
def test_questions_that_only_echo_the_articles_abstain(pipeline, question):
    answer = pipeline.ask(question)
    assert answer.abstained and answer.citations == ()


def test_the_same_rules_still_answer_what_the_articles_say(pipeline):
    assert pipeline.ask("What was India's trade surplus with the US in 2023-24?").short_answer == "USD 35.32 billion"
    assert "Misri" in pipeline.ask("Who is India's Foreign Secretary?").text
    assert pipeline.ask("By how much did shipments to the US rise in November year on year?").short_answer == "22%"


def test_a_tariff_on_other_goods_does_not_answer_for_these(pipeline):
    # the 50% tariff is on "textiles, leather, apparels, carpets etc"; the US seeks lower duties on dairy
    assert pipeline.ask("What tariff does the US impose on Indian dairy products?").abstained
    assert pipeline.ask("What tariff does the US impose on Indian leather goods these days?").short_answer == "50%"


@pytest.mark.parametrize("question,lacks", [
    ("Which countries would the proposed bill hit with 400% tariffs?", "400%"),  # the bill says 500%
    ("Which country is India's second largest trading partner?", "second largest"),  # the US is the largest
    ("What share of India's services exports goes to the US?", "services"),  # 18 per cent is of goods exports
])
def test_a_figure_rank_or_kind_of_trade_the_articles_do_not_give_is_not_answered(pipeline, question, lacks):
    answer = pipeline.ask(question)
    assert answer.abstained and f"does not speak of {lacks}" in answer.text


@pytest.mark.parametrize("question,short", [
    ("What was India's trade surplus with the US in 2024-25 and in 2023-24?", ("$41.18 billion", "USD 35.32 billion")),
    ("When was the additional 26 per cent tariff announced and until when was it suspended?",
     ("April 2", "July 9 or July 8")),
])
def test_every_part_is_answered_and_no_sentence_is_said_twice(pipeline, question, short):
    answer = pipeline.ask(question)
    assert answer.short_answer == short
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", re.sub(r"\[\d+\]", "", answer.text)) if s]
    assert len(sentences) == len(set(sentences)), answer.text
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert markers == {c.n for c in answer.citations} == set(range(1, len(answer.citations) + 1))


def test_a_part_pointing_back_at_the_person_asked_for_is_answered_of_that_person(pipeline):
    answer = pipeline.ask("Which US official spoke on the All-In Podcast, and which countries did he say the US "
                          "sealed trade pacts with?")
    assert not answer.abstained and answer.short_answer[0] == "Howard Lutnick"
    assert "Indonesia, the Philippines and Vietnam" in answer.text and "The articles don't say" not in answer.text


def test_a_part_the_articles_do_not_cover_is_named(pipeline):
    answer = pipeline.ask("What was India's trade surplus with the US in 2024-25 and in 2018-19?")
    assert not answer.abstained and "41.18 billion" in answer.text
    assert "On “What was India's trade surplus with the US in 2018-19?”: The articles don't say." in answer.text
    assert answer.short_answer[1] is None
    assert answer.to_json()["withheld_parts"] == ["What was India's trade surplus with the US in 2018-19?"]


def test_an_act_the_articles_tell_with_the_roles_the_other_way_round_is_not_answered(pipeline):
    # the articles say Landau thanked Misri; nothing says Misri thanked Landau
    assert pipeline.ask("What did Misri thank Landau for?").abstained
    assert "illegal immigration" in pipeline.ask("What did Landau thank Misri for?").text
    # nor a yes or no about what one country sought, told of the other
    assert pipeline.ask("Did India seek duty concessions for wines?").abstained
    assert pipeline.ask("Did the US seek duty concessions for shrimp?").abstained
    assert "shrimp" in pipeline.ask("Does India seek duty concessions for shrimp?").text


def test_what_someone_called_another_is_their_words_not_a_phone_call(pipeline):
    # "Modi has made eight calls to the US president" tells of calls, not of what Trump called Modi
    answer = pipeline.ask("What did Trump call Modi?")
    assert not answer.abstained and "close partner" in answer.text
    # a call placed is still an act: no sentence tells of Trump phoning Modi
    assert pipeline.ask("When did Trump call Modi?").abstained


@pytest.mark.parametrize("question", [
    "What tariff did India impose on US goods?",  # "a bill that aims to impose 500% tariffs" is no one's levy on the US
    "What tariffs has India imposed on imports from the US?",  # nor is "the 10 per cent baseline tariff imposed"
    "What tariff did the US impose on Indian goods on April 2?",  # the 50% of a January article is not of April 2
    "In which year was India's trade surplus with the US smallest?",  # five years listed, none said smallest
    "Where did Landau and Misri meet?",  # had "held phone talks ... in the Indo-Pacific region"
    "Where did Goyal and Lutnick meet in March?",  # had "Washington": Goyal's March visit names no Lutnick
    "When did the deportation operations start?",  # had "March 17", the day the MEA spoke of them
    "What date did the chief negotiators' deliberations begin?",  # had "May 22", the day they run until
    # had "2024" from the US deficit's sentence, whose "top trade negotiator" ranks no surplus
    "In which fiscal year was India's surplus with the US largest?",
    # had "April 2" from "It was announced on April 2", whose "it" is the tariffs the sentence before suspends
    "When was the tariff pause announced?",
    # had "February 2025", the COMPACT initiative's launch; then the days of one round of talks
    "When did the BTA negotiations begin?",
])
def test_a_levy_day_or_superlative_the_articles_do_not_tell_is_withheld(pipeline, question):
    assert pipeline.ask(question).abstained


@pytest.mark.parametrize("question,short", [
    ("When were the reciprocal tariffs announced?", "April 2"),  # the tariffs the sentence before suspends
    ("When was the COMPACT initiative launched?", "February 2025"),  # the thing that started is the one asked
    ("When was the US-India COMPACT launched?", "February 2025"),  # "COMPACT" names the initiative launched
    # a visit told as being there, dated by a month named alone ("Goyal was in Washington in March also")
    ("When did Goyal visit Washington before May 2025?", "March"),
    ("When will the first tranche be concluded?", "Fall 2025"),  # had "April 23-25", the days of the talks
])
def test_the_day_a_thing_the_articles_date_was_announced_or_began_is_still_answered(pipeline, question, short):
    answer = pipeline.ask(question)
    assert not answer.abstained and answer.short_answer == short


def test_where_two_people_met_is_where_both_are_told_to_have_met(pipeline):
    assert pipeline.ask("Where did Goyal and Lutnick meet?").short_answer == "Washington"


@pytest.mark.parametrize("question", [
    "How many of the articles are about agriculture?",  # had "two", from "a couple of sensitive sectors"
    "What was India's share of US goods imports?",  # had "6.22 per cent", the US share of India's imports
    "What are the names of the chief negotiators?",  # had the sentence on their talks, which names no one
    "Which country is the largest importer of Russian oil?",  # had "India", "one of the highest importers"
    "How many calls did Modi make to Lutnick?",  # had "eight", the calls "to the US president"
    # "US President Donald Trump ... described Prime Minister Narendra Modi": no US Prime Minister
    "Who is the Prime Minister of the US?",
])
def test_a_count_of_articles_another_country_s_share_or_names_not_given_are_withheld(pipeline, question):
    assert pipeline.ask(question).abstained


def test_an_office_of_one_country_is_not_held_by_another_country_s_holder(pipeline):
    # "the Foreign Secretary Misri" (and "a March 29 call between Foreign Secretary Vikram Misri and U.S. Deputy
    # Secretary of State Christopher Landau") name no country: another article titles him India's
    assert pipeline.ask("Who is the US foreign secretary?").abstained
    answer = pipeline.ask("Who is India's foreign secretary?")
    assert not answer.abstained and "Misri" in answer.short_answer


def test_a_figure_asked_by_a_country_s_data_is_given_by_that_country(pipeline):
    # the $45.7 billion is the US Trade Representative's
    assert pipeline.ask("What was the US trade deficit with India in 2024 according to Indian data?").abstained
    answer = pipeline.ask("What was the US trade deficit with India in 2024 according to US data?")
    assert not answer.abstained and answer.short_answer == "$45.7 billion"


def test_a_reason_is_no_value_that_may_disagree(pipeline):
    # "26 per cent" and "25%" were reported as the sources disagreeing on why the tariffs were announced
    answer = pipeline.ask("Why were the 26 per cent tariffs announced?")
    assert answer.conflict is None and "to bridge the widening trade deficit" in answer.text
    # "The US has suspended the additional 26 per cent tariffs on India till July 9" tells no reason
    assert pipeline.ask("Why did the US suspend the 26 per cent tariffs?").abstained


def test_how_many_articles_mention_a_name_is_counted_over_the_collection(pipeline):
    # had "two", from "the two countries": a count of the articles is no sentence's
    answer = pipeline.ask("How many articles mention Lutnick?")
    assert not answer.abstained and answer.short_answer == "2"
    assert answer.text.startswith("2 of the 5 articles mention “Lutnick”")
    assert sorted(c.source for c in answer.citations) == ["2025-05-20-goyal-lutnick-washington-talks.txt",
                                                          "2026-01-agriculture-dairy-hold-up-deal.txt"]
    assert all("Lutnick" in c.quote for c in answer.citations)
    # over the articles the filters allow, and none is a count too
    since = pipeline.ask("How many articles mention Lutnick?", filters=Filters(since="2026-01-01"))
    assert since.short_answer == "1" and since.text.startswith("1 of the 2 articles mentions")
    assert pipeline.ask("How many articles mention Brazil?").short_answer == "0"


@pytest.mark.parametrize("question,short", [
    ("What is the US share of India's imports?", "6.22 per cent"),  # a country's share of the whole asked
    # "Modi has made eight calls to the US president" names no president: the one titled so does
    ("Who is the US president?", "Donald Trump"),
])
def test_the_share_or_office_holder_the_articles_give_is_still_answered(pipeline, question, short):
    answer = pipeline.ask(question)
    assert not answer.abstained and answer.short_answer == short


def test_an_act_of_a_person_the_articles_do_not_tie_to_the_country_asked_is_not_that_countrys(pipeline):
    # "Although Modi later agreed to make the call": Modi is named with no title of the US
    assert pipeline.ask("What did the US agree to make later?").abstained
    assert "make the call" in pipeline.ask("What did Modi later agree to?").text


def test_who_did_an_act_to_someone_is_not_answered_by_the_act_done_to_another(pipeline):
    # Trump "described Prime Minister Narendra Modi as a close partner": no one so described Trump, in that
    # word or another of naming
    assert pipeline.ask("Who described Trump as a close partner?").abstained
    assert pipeline.ask("Who called Trump a close partner?").abstained
    answer = pipeline.ask("Who described Modi as a close partner?")
    assert not answer.abstained and answer.short_answer == "Donald Trump"


def test_a_visit_to_come_is_not_dated_by_another_act(pipeline):
    # "migrants ... sent back by the Trump administration arrived in India in February 2025" is no visit
    assert pipeline.ask("When is Trump visiting India?").abstained
    assert pipeline.ask("When will Trump visit India?").abstained


def test_how_long_is_answered_by_a_span_of_time_or_withheld(pipeline):
    # no article says how long the BTA has been negotiated: neither "19 chapters" nor "April 23-25" tells it
    assert pipeline.ask("How long have India and the US been negotiating the BTA?").abstained
    answer = pipeline.ask("How long is the tariff pause window?")
    assert not answer.abstained and answer.short_answer == "90-day"


def test_concessions_a_country_wants_are_none_it_offers(pipeline):
    # "the US wants duty concessions in sectors like ..." and "India is seeking duty concessions for ..."
    assert pipeline.ask("Which sectors did the US offer India duty concessions in?").abstained
    assert "offered enhanced access" in pipeline.ask("What did India offer in non-trade areas?").text


def test_a_levy_told_as_the_countrys_is_still_answered(pipeline):
    answer = pipeline.ask("What tariff did the US impose on Indian carpets?")
    assert not answer.abstained and answer.short_answer == "50%"


def test_a_levy_faced_now_is_no_disagreement_between_levies_of_other_times(pipeline):
    # the additional 26 per cent suspended in May 2025 and the 25% about to start in March 2025 are neither
    # what India faces now, nor two accounts of one levy
    answer = pipeline.ask("What tariff does India face now?")
    assert not answer.conflict and "suspended" not in answer.text
    # nor is a rise in exports a tariff's rate
    assert "11.38%" not in pipeline.ask("What tariff rate applies to Indian exports today?").text


def test_a_response_to_one_thing_dates_no_response_to_another(pipeline):
    # the MEA "responded on Monday" to the 500% proposal; the parliamentary query was answered on March 17
    answer = pipeline.ask("When did the MEA respond to the parliamentary query?")
    assert "Monday" not in answer.text and answer.short_answer != "Monday"


def test_one_described_by_another_says_nothing(pipeline):
    # Trump "described Prime Minister Narendra Modi as a close partner": Trump's words, not Modi's
    assert "close partner" not in pipeline.ask("What did Modi say about Trump?").text
    assert "close partner" in pipeline.ask("What did Trump say about Modi?").text


@pytest.mark.parametrize("question", [
    # Goyal is India's Commerce and Industry Minister, Lutnick the US Commerce Secretary
    "What did the US Commerce Secretary discuss with India's Foreign Secretary?",
    "What did Goyal discuss with the US Trade Representative?",
])
def test_talks_between_other_office_holders_answer_no_question_of_this_office(pipeline, question):
    assert pipeline.ask(question).abstained


@pytest.mark.parametrize("question", [
    "How much did India export to the US in 2021-22?",
    "What were India's exports to the US in 2022-23?",
])
def test_a_surplus_defined_by_exports_gives_no_exports(pipeline, question):
    # "a trade surplus (the difference between imports and exports) of USD 41.18 billion ... It was USD 32.85
    # billion in 2021-22": the year's surplus, not its exports
    answer = pipeline.ask(question)
    assert answer.abstained and not answer.short_answer


def test_a_year_asked_as_a_bound_is_not_the_year_given(pipeline):
    answer = pipeline.ask("What was the US trade deficit with India before 2024?")
    assert answer.abstained and "a year before 2024" in answer.text


@pytest.mark.parametrize("question,short", [
    ("What is the combined value of US goods exports and imports with India in 2024?", "$129.2 billion"),
    ("How much did US goods exports to India grow in dollar terms in 2024?", "$1.4 billion"),
    ("How many days were the chief negotiators to meet after the ministers?", None),  # "the two countries" no
    ("Where is Goyal from?", None),  # "Goyal was in Washington in March" is where he was
    ("What increase in the 2024 deficit does the ANI report give?", "5.1%"),  # the change, not "$45.7 billion"
    ("What bilateral trade did India and the US record in 2023-24?", None),  # not that year's surplus
    # a goal's year is the one it is to be met by; had "February 2025", when it was announced
    ("When is the Mission 500 target year?", "2030"),
    ("When was the Mission 500 goal announced?", "February 2025"),
    ("What is India's biggest trade partner?", None),  # a partner is no amount ("USD 131.84 billion")
    ("What could widen the US trade gap with India?", None),  # what would do it, not the gap's $45.7 billion
    ("Roughly how much did the US and India trade in goods in 2024?", "$129.2 billion"),  # had the deficit
    # "merchandise exports ... to $59.04 billion ..., with a surge in exports of engineering goods": all goods'
    ("What is the value of India's exports of engineering goods to the US?", None),
])
def test_the_value_asked_is_the_one_given(pipeline, question, short):
    assert pipeline.ask(question).short_answer == short


def test_what_would_do_an_act_is_told_by_that_act(pipeline):
    # quoted "views the BTA as a tool to narrow this gap" with $45.7 billion in bold; the experts' tariff cuts
    # "could narrow the gap, though not eliminate it entirely"
    assert pipeline.ask("What would eliminate the US trade gap with India entirely?").abstained


def test_a_partner_asked_of_one_country_is_not_the_other_s(pipeline):
    # had "India" in bold: "The US remained India's largest trading partner ... The US accounts for about 18 per
    # cent of India's total goods exports" speaks of India's partner in both sentences
    assert pipeline.ask("Which country is the US's largest trading partner?").abstained
    assert pipeline.ask("Which country is India's largest trading partner?").short_answer == "US"


def test_an_aim_is_told_by_a_goal_but_a_target_asked_is_its_own_act(pipeline):
    # was withheld: "the Mission 500 goal ..., targeting $500 billion" says no "aim"
    answer = pipeline.ask("What does Mission 500 aim for?")
    assert not answer.abstained and "$500 billion" in answer.text
    # a bill that "aims to impose 500% tariffs" tells of no country India would target
    assert pipeline.ask("Which country did India say it would target for reciprocal tariffs?").abstained


def test_a_phrasal_verb_asks_for_no_figure_that_moved(pipeline):
    # "holding up" the deal is no rise: the sentences on what stalls it may answer
    answer = pipeline.ask("What is currently holding up the India-US trade deal?")
    assert not answer.abstained and re.search(r"agricultur|dairy", answer.text)


def test_a_figure_named_before_the_passage_begins_is_found_in_the_article(pipeline):
    # "500%" is in the sentence two before the MEA's reply, in the chunk before the reply's
    answer = pipeline.ask("What did the MEA say about the 500% tariff proposal?")
    assert not answer.abstained and "fully aware" in answer.text


@pytest.mark.parametrize("question", [
    "How many semiconductors does India import from the US?",  # a count, not an amount of money
    "How much did the US spend on deportation flights to India?",  # money, not a count of deportees
    "How much oil does India import from Russia?",  # not the 500% a bill would levy on trading with Russia
    "How much crude does India buy from the US?",  # not all US goods exports to India
])
def test_an_answer_of_another_kind_of_figure_is_withheld(pipeline, question):
    assert pipeline.ask(question).abstained


def test_a_telling_of_the_act_that_lacks_only_the_answer_says_nothing_otherwise(pipeline):
    # "Goyal is in Washington for a ministerial-level meeting" names no official, and denies nothing
    assert "Lutnick" in pipeline.ask("Which US official did Piyush Goyal meet on Tuesday?").text


def test_words_said_on_another_thing_tell_nothing_otherwise(pipeline):
    # "Chakravarty said negotiators had reached alignment ..." is his telling of something else: the next
    # sentence, his "He noted ...", still answers
    answer = pipeline.ask("Which sectors did Chakravarty say discussions had advanced on lowering duties for?")
    assert not answer.abstained and "automobiles" in answer.citations[0].quote


def test_a_levy_imposed_is_no_levy_cut(pipeline):
    # "The US imposed 50% on several Indian exports including ... textiles" cuts nothing
    assert pipeline.ask("What tariff did the US cut on Indian textiles?").abstained


def test_what_a_spokesperson_said_is_answered_past_their_title(pipeline):
    answer = pipeline.ask("What did Tammy Bruce say they discussed?")
    assert not answer.abstained and "reduce barriers" in answer.citations[0].quote


def test_a_paraphrase_close_in_meaning_answers_below_the_support_threshold(pipeline):
    question = "About what portion of India's merchandise sold abroad goes to America?"
    generator = pipeline.generator
    best = generator.candidates(question, pipeline.retrieve(pipeline.analyse(question)))[0]
    assert best.score < generator.threshold <= generator.meaning_threshold <= best.similarity  # few shared words
    assert "18 per cent" in pipeline.ask(question).citations[0].quote
    generator.meaning_threshold = 1.0
    try:
        assert pipeline.ask(question).abstained  # by its support alone it is withheld
    finally:
        generator.meaning_threshold = pipeline.config.meaning_threshold


@pytest.mark.parametrize("question", [
    "us goods exports to india 2024?",  # lower case: once raised an error in the flow patterns
    "US GOODS TRADE DEFICIT WITH INDIA IN 2024?",
    "what did the mea say about the 500% tariff bill",
    "  How big was the   US goods trade deficit with India in 2024 🙂",
    "What (was) the [deficit] {2024}?",
    "FY26?",
    "April–November?",
    "Who said ‘no’?",
    "?",
    "a" * 500,
])
def test_odd_questions_are_answered_or_withheld_without_error(pipeline, question):
    answer = pipeline.ask(question)
    assert answer.text
    if answer.abstained:
        assert answer.text.startswith(ABSTAIN_TEXT)
    else:
        assert answer.citations and re.search(r"\[\d+\]", answer.text)


def test_a_speaker_asked_by_role_is_the_he_of_he_said_when_the_article_gives_them_that_role(pipeline):
    # the sentence before names Lutnick alone; the article calls him "US Commerce Secretary Howard Lutnick"
    answer = pipeline.ask("What did the commerce chief say came too late?")
    assert not answer.abstained and "he said it came too late" in answer.text


def test_an_articles_lead_sentence_is_read_with_its_headline(pipeline):
    # "Agriculture and dairy hold up India-US trade deal, says government source" heads the sentence that
    # says so in other words ("the primary reason for the two countries not able to close")
    answer = pipeline.ask("What is the latest reported reason the deal has not closed?")
    assert not answer.abstained and "agriculture and dairy" in answer.citations[0].quote


def test_who_a_person_is_typed_in_lower_case_is_not_answered_with_another_person(pipeline):
    # "who is lutnick": his sentence, and no other person's name in bold ("Piyush Goyal" stands first in it)
    answer = pipeline.ask("who is lutnick")
    assert not answer.abstained and "Lutnick" in answer.text
    assert answer.short_answer is None


@pytest.mark.parametrize("question,answered", [
    # typed all in lower case and without its mark: the near misses still abstain, the questions the articles
    # answer are still answered
    ("what was the us goods trade deficit with china in 2024", None),
    ("who is the us deputy secretary of commerce", None),
    ("when did goyal meet lutnick in mumbai", None),
    ("which secretary did goyal meet in new york", None),  # "Howard Lutnick" (in Washington) before
    ("what was the us goods trade deficit with india in 2024", "45.7 billion"),
    ("who is india's foreign secretary", "Misri"),
])
def test_a_question_typed_in_lower_case_is_read_with_its_names(pipeline, question, answered):
    answer = pipeline.ask(question)
    if answered is None:
        assert answer.abstained, answer.text
    else:
        assert not answer.abstained and answered in answer.text


def test_last_year_is_the_reader_s_last_year(pipeline):
    # asked in June 2025, "last year" is 2024, whose deficit the articles give; asked in December 2026 it is
    # 2025, which they do not
    question = "What was the US goods trade deficit with India last year?"
    then = pipeline.ask(question, today=datetime.date(2025, 6, 1))
    assert not then.abstained and then.short_answer == "$45.7 billion"
    now = pipeline.ask(question, today=datetime.date(2026, 12, 6))
    assert now.abstained and "2025" in now.text and now.question == question


def test_a_levy_asked_is_answered_by_a_rate_not_by_a_figure_of_trade(pipeline):
    # had "India's exports to the United States crossed the USD 100 billion mark in 2025", the newest article's
    answer = pipeline.ask("What is the current tariff on Indian exports to the US?")
    assert not answer.abstained and "50%" in answer.text and "USD 100 billion" not in answer.text


@pytest.mark.parametrize("question", ["What tariff was announced on April 2?",
                                      "What tariff did the US impose on April 2?"])
def test_a_figure_asked_of_it_is_the_one_the_sentence_before_names(pipeline, question):
    # "The US has suspended the additional 26 per cent tariffs on India till July 9. It was announced on April
    # 2 ...": had "10 per cent" (the baseline tariff, in the sentence after) or "25%" (the rate another
    # article says kicks into effect on April 2, given alone, not as the disagreement it is)
    answer = pipeline.ask(question)
    assert not answer.abstained
    assert answer.short_answer == ("26 per cent", "25%")  # the two articles' accounts, the answer's first
    assert "It was announced on April 2" in answer.citations[0].quote
    assert "26 per cent" in answer.citations[0].quote  # the sentence before, which names the figure


@pytest.mark.parametrize("question,short,withheld", [
    # "shipments to the US rose more than 22% in November": India's exports (withheld before: the
    # shipments read as imports too, a measure besides the one asked), and no US exports to India
    ("How much did India's exports to the US grow in November?", "22%",
     "How much did India's imports from the US grow in November?"),
    # "Misri" was the Indian Foreign Secretary's US counterpart; "Piyush Goyal" the one who gave the readout of
    # the Goyal-Lutnick meeting
    ("What is the name of the Indian Foreign Secretary's US counterpart in the call?", "Landau",
     "Who gave the readout of the Goyal-Lutnick meeting?"),
    # an act told in its irregular past is still told ("held discussions"); the date of an act asked with its
    # object is not another act's: had "April 2" from "Trump's reciprocal 25% tariffs system kicks into effect ON
    # April 2", the day it took effect, no announcement
    ("When did Goyal hold discussions with Lutnick in Washington?", "Tuesday",
     "When did Trump announce reciprocal tariffs on India?"),
])
def test_answered_with_the_value_or_person_asked_and_a_near_twin_withheld(pipeline, question, short, withheld):
    answer = pipeline.ask(question)
    assert not answer.abstained and answer.short_answer == short
    assert pipeline.ask(withheld).abstained


def test_a_view_asked_of_one_country_is_not_answered_with_another_s(pipeline):
    # had "The US has been asking India to open up a couple of sensitive sectors": India's sectors
    assert pipeline.ask("Which sectors does the US consider sensitive?").abstained
    india = pipeline.ask("Which markets does New Delhi consider sensitive?")
    assert not india.abstained and "New Delhi considers" in india.citations[0].quote


def test_a_negation_asked_of_an_act_done_to_someone_is_not_of_the_person(pipeline):
    # was withheld: "did not call Trump" was read as negating "Trump" too, whom the sentence names with no
    # negation before him
    answer = pipeline.ask("Who said the deal lost momentum because Modi did not call Trump?")
    assert not answer.abstained and answer.short_answer == "Howard Lutnick"


def test_the_official_asked_for_is_the_one_who_did_the_act_not_the_one_it_was_done_to(pipeline):
    # had "Misri" in bold for both: "Landau also thanked the Foreign Secretary Misri for India's assistance ..."
    # (Landau is named alone there; the article titles him US Deputy Secretary of State elsewhere)
    assert pipeline.ask("Which US official thanked India for help on immigration?").short_answer == "Landau"
    assert pipeline.ask("Which Indian official thanked the US for help on immigration?").abstained
    # nor the one asked ("... and asked the Indian government for continued cooperation"): had Landau
    assert pipeline.ask("Which Indian official asked the US for continued cooperation?").abstained


def test_an_act_asked_of_a_country_s_office_holder_is_not_answered_with_another_s(pipeline):
    # had "Landau also thanked the Foreign Secretary Misri for India's assistance ...": the US official thanking
    answer = pipeline.ask("What did the Indian foreign secretary thank the US for?")
    assert answer.abstained and "India doing it" in answer.text


@pytest.mark.parametrize("question", ["Which sectors does India want the US to open up?",
                                      "Which sectors is India asking the US to open?",
                                      # had Landau's request of "the Indian government for continued cooperation"
                                      "What has India asked the US to do?"])
def test_sectors_asked_to_be_opened_in_india_are_not_the_us_s_to_open(pipeline, question):
    # had "But they asked to open some sectors which are protected in India", the US's request of India
    assert pipeline.ask(question).abstained


def test_a_surplus_or_a_span_counted_back_answers_no_export_or_when_question(pipeline):
    # "It was USD 35.32 billion in 2023-24" is India's surplus (the sentence before defines it with the word
    # "exports"); "eight calls ... in the last year" says how often, not when the call was made
    assert pipeline.ask("What did India export to the US in FY2023-24?").abstained
    assert pipeline.ask("When did Modi make the call to Trump?").abstained
    exported = pipeline.ask("How much did India export to the US in FY2024-25?")
    assert not exported.abstained and "86.51" in exported.short_answer


@pytest.mark.parametrize("question,lacks,answered", [
    # "The US remained India's largest trading partner" answered "... largest trading partner after the US?"
    ("What is India's largest trading partner after the US?", "largest trading partner after the US",
     "What is India's largest trading partner?"),
    # "India's exports to the United States crossed the USD 100 billion mark in 2025" was quoted as what the US did
    ("What did the US do after India's exports crossed USD 100 billion?",
     "what came after India's exports crossed USD 100 billion",
     "What did the US do before the April 2 tariffs took effect?"),
])
def test_a_sentence_of_another_rank_or_of_the_event_itself_does_not_answer(pipeline, question, lacks, answered):
    withheld = pipeline.ask(question)
    assert withheld.abstained and lacks in withheld.text
    assert not pipeline.ask(answered).abstained


def test_who_did_not_do_it_is_answered_with_its_doer(pipeline):
    # "... Howard Lutnick said ... Narendra Modi did not personally reach out to ... Donald Trump": the speaker
    # was the answer, "did not" read as the "did" of "Who did Lutnick meet?"
    answer = pipeline.ask("Who did not personally reach out to Trump?")
    assert not answer.abstained and answer.short_answer == "Narendra Modi"


def test_a_sentence_saying_the_opposite_does_not_answer(pipeline):
    # "unrestricted access would be difficult to justify domestically" was quoted as what would be easy
    assert pipeline.ask("What did Dhar say would be easy to justify domestically?").abstained
    assert not pipeline.ask("What did Dhar say would be difficult to justify domestically?").abstained


def test_a_part_naming_no_time_asks_of_the_time_of_the_part_before(pipeline):
    # "by what percent did imports rise?" was answered 22% (India's shipments in November 2025), not of 2024
    answer = pipeline.ask("How much did US exports to India rise in dollars in 2024, and by what percent did "
                          "imports rise?")
    assert answer.short_answer[0] == "$1.4 billion" and "22%" not in answer.text


def test_whose_balance_and_which_share_are_read_from_any_wording(pipeline):
    # each was answered: India's exports ($59.04 billion) as its deficit, the US deficit ($45.7 billion) as
    # India's, India's surplus as the US's, the deficit's growth (5.4 per cent) as a share of India's imports
    for question in ("What is the trade deficit India has with the US according to the Commerce Ministry?",
                     "What is the trade deficit India has with the US?",
                     "What is the trade surplus the US has with India?",
                     "How many per cent of India's imports come from the US, according to the USTR?"):
        assert pipeline.ask(question).abstained, question
    assert pipeline.ask("How many per cent of India's imports come from the US?").short_answer == "6.22 per cent"


def test_what_someone_said_is_what_is_according_to_them(pipeline):
    # "According to Lutnick, Washington saw the call as critical ...": withheld as no act of Lutnick's
    answer = pipeline.ask("What did Lutnick say Washington saw as critical?")
    assert not answer.abstained and "According to Lutnick" in answer.citations[0].quote
    assert pipeline.ask("What did Goyal say Washington saw as critical?").abstained


def test_a_push_to_buy_is_no_offer_to_buy(pipeline):
    # "Donald Trump has pushed India to buy more from the US" was quoted as what India offered to buy
    assert pipeline.ask("Which goods did India offer to buy more of from the US?").abstained
    assert pipeline.ask("Which American product is India buying more of?").abstained
