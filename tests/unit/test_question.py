"""Question analysis, table by table: answer type, value kind, recency, follow-ups, checks."""

import pytest

from rag.aspects import agent_in
from rag.constraints import surnames
from rag.errors import RagError
from rag.parts import as_question, is_follow_up, rewrite_question, split_parts
from rag.question import (
    analyse,
    answer_type,
    check_question,
    dates_only_an_end,
    done_by_another,
    names_measure,
    speaking_body,
    tells_of,
    value_kind,
)
from rag.spans import short_answer
from rag.terms import content_terms


@pytest.mark.parametrize("question,kind", [
    ("When does the pause end?", "date"),
    ("Until when are the tariffs paused?", "date"),
    ("Which month will the first phase conclude?", "date"),
    ("What is the latest word on when India will join Pax Silica?", "date"),
    ("On which weekday were the reciprocal tariffs to be announced?", "date"),
    ("How much did exports grow?", "number"),
    ("What tariff does the US impose on textiles?", "number"),
    ("By how much did the deficit widen?", "number"),
    ("Who is the US Commerce Secretary?", "person"),
    ("Which minister led the Indian delegation?", "person"),
    ("Where were the talks held?", "place"),
    ("Which countries joined Pax Silica?", "place"),
    ("Which nations sealed pacts with Washington?", "place"),
    ("Why did talks stall?", None),
    ("Which issue did the official say India can't risk opening?", None),  # an issue, not the official
    ("Name the official who gave the readout of the call.", "person"),
    ("Who is Tammy Bruce?", None),  # what she is, not who
    ("Who are Misri and Landau?", None),  # what each is
    ("Who is India's Commerce and Industry Minister?", "person"),  # who holds the office, however long its title
    ("who is lutnick", None),  # typed in lower case, still a name
    ("who is leading the talks", "person"),  # no name: a person is asked for
    ("who is responsible?", "person"),
    ("Who is India's Foreign Secretary?", "person"),  # who holds the office
    ("Which US president gave a heads up for the bill?", "person"),
    ("Which former Indian Institute of Foreign Trade professor is quoted?", "person"),
])
def test_answer_type(question, kind):
    assert answer_type(question)[0] == kind


def test_how_much_more_asks_for_the_size_of_a_change():
    query = analyse("How much more did America import from India in 2025 than the year before?")
    assert not query.carried_by("India's exports to the US crossed the USD 100 billion mark in 2025, up "
                                "significantly from the previous year.")
    assert query.carried_by("US goods imports from India totalled $87.4 billion in 2024, up 4.5 per cent ($3.7 "
                            "billion) from 2023.")
    assert analyse("By how much did the deficit grow?").carried_by("The deficit was $45.7 billion, a 5.1% increase.")
    growth = analyse("What is the latest growth figure for Indian shipments to the US?")
    assert not growth.carried_by("India's exports to the US crossed the USD 100 billion mark, up significantly.")
    assert growth.carried_by("Shipments to the US rose more than 22% in November.")


def test_how_long_asks_for_a_span_of_time():
    query = analyse("How long have India and the US been negotiating the BTA?")
    # a count of chapters, the days of one meeting, "through" of a means: no span of the negotiations
    assert not query.carried_by("The terms of reference for the BTA include around 19 chapters.")
    assert not query.carried_by("Recent talks were held in Washington from April 23-25.")
    assert not query.carried_by("The BTA is a tool to narrow this gap through enhanced market access.")
    assert query.carried_by("Officials aim to use the 90-day tariff pause window.")
    assert query.carried_by("The US has been carrying out deportation operations for several years now.")
    assert query.carried_by("The deliberations will continue until May 22.")
    assert query.carried_by("From 2009 to 2024, a total of 15,564 Indian nationals have been deported.")


def test_who_said_may_be_answered_by_the_body_that_said_it():
    asked = analyse("Who said the US had been carrying out deportation operations for several years?")
    assert asked.carried_by("“The US has been carrying out deportation operations for several years now,” the "
                            "Ministry of External Affairs said in response to a parliamentary query on March 17.")
    # a body named beside no word of saying ("under the BTA", "the Ministry's data") is no speaker, and no
    # person is named either
    assert not asked.carried_by("The US has been carrying out deportation operations under the BTA.")
    assert not asked.carried_by("The US has been carrying out deportation operations, the Ministry's data show.")
    assert speaking_body(asked, "... for several years now,” the Ministry of External Affairs said in response to "
                                "a parliamentary query.") == "Ministry of External Affairs"
    assert speaking_body(asked, "MEA even confirmed that the US has been carrying out deportations.") == "MEA"
    assert speaking_body(analyse("Who is the US Commerce Secretary?"), "the Ministry of External Affairs said") is None
    # "who is ...?" still asks for a person
    assert not analyse("Who is the spokesperson for the US State Department?").carried_by(
        "The Ministry of External Affairs said it was aware of the proposal.")


def test_a_person_the_question_names_is_no_answer_by_another_of_their_names():
    # "Piyush Goyal" is the Goyal of the question, and no one else who gave a readout
    asked = analyse("Who gave the readout of the Goyal-Lutnick meeting?")
    assert not asked.carried_by("New Delhi: Commerce and Industry Minister Piyush Goyal on Tuesday held discussions "
                                "with US Commerce Secretary Howard Lutnick in Washington.")
    assert asked.carried_by("Tammy Bruce gave the readout of the Goyal-Lutnick meeting.")


def test_a_state_asked_for_must_be_named():
    states = analyse("Which Indian states depend on staple crops, according to Dhar?")
    assert not states.carried_by("Dhar said India's position is driven by the need to protect small and marginal "
                                 "farmers whose livelihoods depend on staple crops and dairy production.")
    assert states.carried_by("Farmers in Tamil Nadu and Kerala depend on staple crops.")
    assert states.carried_by("Farmers in Tamil Nādu depend on staple crops.")
    assert not states.carried_by("The United States and the State Department agree.")
    # "the United States" and "the state of the talks" ask for no state
    assert analyse("Which United States official spoke to Misri?").requires.search("Howard Lutnick spoke.")
    assert analyse("What is the state of the talks?").requires is None
    # a state of the country asked about, and no capital the press names a government by
    us_state = analyse("Which US state's farmers want access to India's dairy market?")
    assert us_state.carried_by("Farmers in Ohio want access to the dairy market.")
    assert not us_state.carried_by("Farmers in Kerala want access to the dairy market.")
    assert not us_state.carried_by("The United States is seeking deeper access to India’s dairy markets, areas "
                                   "New Delhi considers sensitive.")
    assert not us_state.carried_by("Washington imposed steep tariffs on Indian imports.")


def test_a_body_or_company_asked_for_must_be_named():
    ministry = analyse("Which Indian ministry responded to the 500% tariff bill?")
    assert not ministry.carried_by("Trump gave a heads up for a bill that aims to impose 500% tariffs.")
    assert ministry.carried_by("The Ministry of External Affairs (MEA) responded on Monday.")
    assert ministry.carried_by("MEA even confirmed that Modi has made eight calls.")
    company = analyse("Which company will make the chips under the Pax Silica initiative?")
    assert not company.carried_by("Pax Silica is a framework for securing supply chains for semiconductors.")
    assert company.carried_by("Tata Electronics, an Indian company, will make the chips.")


def test_how_many_countries_is_answered_by_the_countries_listed():
    query = analyse("How many countries did the US seal trade pacts with instead of India?")
    assert query.carried_by("The US moved on to sealing trade pacts with Indonesia, the Philippines and Vietnam.")
    assert not query.carried_by("The US moved on to sealing trade pacts with other partners.")
    # the question's own countries count for nothing
    assert not query.carried_by("The US moved on to sealing a trade pact, pushing India out of that round.")


def test_a_weekday_asked_for_is_a_day_of_the_week():
    query = analyse("On which weekday were the reciprocal tariffs to be announced?")
    assert query.carried_by("Trump plans to announce the reciprocal tariffs next Wednesday.")
    assert not query.carried_by("The reciprocal tariffs were announced on April 2.")


def test_a_kind_asked_for_is_no_value_to_compare():
    assert value_kind("What kind of tariff system was to kick into effect on April 2?") is None
    assert value_kind("What tariff was to kick into effect on April 2?") == "percent"
    # a reason asked for is no value: "26 per cent" and "25%" are no disagreement on why
    assert value_kind("Why were the 26 per cent tariffs announced?") is None
    # an event asked for is no value: "25%" in one article and "26 per cent" in another are no disagreement on it
    assert value_kind("What happened before the April 2 tariffs took effect?") is None
    # a yes-or-no question asks for no value: the articles' 5.4 and 5.1 per cent are no disagreement on it
    assert value_kind("Did the US deficit with India grow or shrink in 2024?") is None
    assert value_kind("By how much did the US deficit with India grow in 2024?") == "percent"
    # things asked for are named before the verb: after it, "goods" is what the value is of
    assert value_kind("Which goods faced the 50% tariff?") is None
    assert value_kind("What was the goods trade deficit's rise in per cent in 2024?") == "percent"


@pytest.mark.parametrize("question,kind,recency", [
    ("By what percentage did the deficit increase in 2024?", "percent", False),
    ("How many months did the pause last?", "month_range", False),
    ("Until what date are the tariffs paused?", "date", False),
    ("On what day did Goyal meet Lutnick?", "date", False),
    ("How big was the US goods trade deficit with India in 2024?", None, False),
    # things asked for, not a value to compare, though a tariff is named
    ("Which Indian sectors face the 26 per cent tariff?", None, False),
    # an amount of money, though an increase: amounts are never compared
    ("How large was the increase in the US goods trade deficit with India in 2024 in dollars?", None, False),
    ("What tariff does the US now impose on Indian textiles?", "percent", True),
    ("Till when are the tariffs on India suspended?", "date", False),
    ("Where do the talks stand currently?", None, True),
    ("What is the latest on the dairy dispute?", None, True),
    # what was done or said, though a tariff is named
    ("What did India and the US do days before the reciprocal tariffs kicked in on April 2?", None, False),
    ("What did the MEA say about the 500% tariff bill?", None, False),
])
def test_value_kind_and_recency(question, kind, recency):
    query = analyse(question)
    assert (query.value_kind, query.recency) == (kind, recency)


def test_content_terms_drop_question_words_but_keep_us():
    assert content_terms("What did the US say about tariffs?") == ["us", "tariff"]


def test_content_terms_drop_pronouns():
    # "his" is rare in news copy, so as a term it would weigh more than the names it stands beside
    assert content_terms("What did Goyal say about his discussions with Lutnick?") == ["goyal", "discuss", "lutnick"]


@pytest.mark.parametrize("question,follow_up", [
    ("And in 2023-24?", True), ("What about dairy?", True), ("its value?", True), ("2023-24", True),
    ("What was India's trade surplus with the US in 2024-25?", False),
    ("Who is the US Commerce Secretary?", False),
])
def test_is_follow_up(question, follow_up):
    assert is_follow_up(question) is follow_up


@pytest.mark.parametrize("history,question,searched", [
    (["What was India's trade surplus with the US in 2024-25?"], "And in 2023-24?",
     "What was India's trade surplus with the US in 2023-24?"),
    (["What was the deficit in 2024?"], "and 2023?", "What was the deficit in 2023?"),
    (["Which sectors does India want concessions for?"], "What about dairy?",
     "Which sectors does India want concessions for: dairy?"),
    (["Who is the US Commerce Secretary?"], "Who leads the Indian side?", "Who leads the Indian side?"),
    ([], "And in 2023-24?", "And in 2023-24?"),
    # another country, where the one it replaces stood
    (["What was the US trade deficit with Canada in 2024?"], "And with India?",
     "What was the US trade deficit with India in 2024?"),
    (["What was the US trade deficit with India in 2024?"], "What about China?",
     "What was the US trade deficit with China in 2024?"),
])
def test_rewrite_question(history, question, searched):
    assert rewrite_question(question, history) == searched


@pytest.mark.parametrize("request_,question", [
    ("Tell me the value of total goods trade in 2024.", "What is the value of total goods trade in 2024?"),
    ("Please give us the date of the call", "What is the date of the call?"),
    ("State the tariff on India.", "What is the tariff on India?"),
    ("Tell me why the minister travelled to Washington.", "Why the minister travelled to Washington?"),
    ("tell me who met Goyal?", "Who met Goyal?"),
    ("Can you tell me the US deficit with India in 2024?", "What is the US deficit with India in 2024?"),
    ("I want to know which sectors the US wants opened.", "Which sectors the US wants opened?"),
    ("In short, what is holding up the deal?", "What is holding up the deal?"),
    ("Briefly, who is Howard Lutnick?", "Who is Howard Lutnick?"),
    # left as they are: no one thing asked, a yes-or-no question, already a question, nothing asked
    ("Tell me about the tariffs.", "Tell me about the tariffs."),
    ("Tell me whether India signed the deal.", "Tell me whether India signed the deal."),
    ("Given the tariffs, what comes next?", "Given the tariffs, what comes next?"),
    ("Tell me", "Tell me"),
    # a period counted from another is written as itself
    ("What was India's surplus two years before 2024-25?", "What was India's surplus in 2022-23?"),
    ("What was the deficit a year before 2024?", "What was the deficit in 2023?"),
    ("Tell me the deficit the year after 2023.", "What is the deficit in 2024?"),
    ("What was it in 2024, up from 2023?", "What was it in 2024, up from 2023?"),
])
def test_a_request_asks_the_question_it_stands_for(request_, question):
    assert as_question(request_) == question


def test_a_fiscal_year_asked_for_is_a_date_and_a_currency_no_name():
    query = analyse("In which fiscal year was India's surplus with the US USD 32.85 billion?")
    assert query.answer_type == "date" and "usd" not in query.constraints.names


def test_a_request_is_analysed_as_its_question():
    query = analyse("Tell me the value of total goods trade between India and the US in 2024.")
    assert query.text.startswith("Tell me") and query.searched.startswith("What is the value")
    assert query.answer_type == "number" and query.constraints.figure_asked


def test_analyse_once_gives_everything_the_stages_need():
    query = analyse("  And   in 2023-24? ", ["What was India's trade surplus with the US in 2024-25?"])
    assert query.text == "And in 2023-24?"
    assert query.searched == str(query) == "What was India's trade surplus with the US in 2023-24?"
    assert query.answer_type == "number" and query.measure == "deficit"
    assert "surplus" in query.terms and "2023" in query.terms


@pytest.mark.parametrize("question,message", [("", "empty"), ("  \t", "empty"), (None, "empty"), ("x" * 1001, "limit")])
def test_bad_questions_are_refused(question, message):
    with pytest.raises(RagError, match=message):
        check_question(question, 1000)


def test_a_question_typed_without_its_mark_is_read_as_a_question():
    assert as_question("who is lutnick") == "who is lutnick?"
    assert as_question("as things stand, is india expected to join pax silica") == \
        "as things stand, is india expected to join pax silica?"
    assert as_question("The deficit.") == "The deficit."


@pytest.mark.parametrize("question,parts", [
    ("What was India's trade surplus with the US in 2024-25 and in 2023-24?",
     ["What was India's trade surplus with the US in 2024-25?",
      "What was India's trade surplus with the US in 2023-24?"]),
    ("Who is the US Commerce Secretary and who is India's trade minister?",
     ["Who is the US Commerce Secretary?", "Who is India's trade minister?"]),
    ("When was the tariff announced and until when was it suspended?",
     ["When was the tariff announced?", "Until when was it suspended (When was the tariff announced)?"]),
    ("Who spoke on the podcast and on what date?",
     ["Who spoke on the podcast?", "On what date (Who spoke on the podcast)?"]),
    ("Which sectors is India seeking duty concessions for?", ["Which sectors is India seeking duty concessions for?"]),
    # a part with no words of its own asks about the first part's subject
    ("What tariff did the US impose on Indian leather, and why?",
     ["What tariff did the US impose on Indian leather?", "Why (What tariff did the US impose on Indian leather)?"]),
    # one value asked of two things: each gets its own part, with what both share
    ("What share of India's exports and of its imports goes to the US?",
     ["What share of India's exports goes to the US?", "What share of India's imports goes to the US?"]),
    ("What were US goods exports to India and US goods imports from India in 2024?",
     ["What were US goods exports to India in 2024?", "What were US goods imports from India in 2024?"]),
    ("What were India's exports and imports in 2024?",
     ["What were India's exports in 2024?", "What were India's imports in 2024?"]),
    ("How much did US goods exports to India and US goods imports from India grow in 2024?",
     ["How much did US goods exports to India grow in 2024?",
      "How much did US goods imports from India grow in 2024?"]),
    # ... but not two countries, an act, or a list
    ("What was the total goods trade between the US and India in 2024?",
     ["What was the total goods trade between the US and India in 2024?"]),
    ("What was the trade deficit of India and the US?", ["What was the trade deficit of India and the US?"]),
    # a last part that is a country or a period alone asks the first again, of it
    ("What was the US trade deficit with Canada in 2024, and with India?",
     ["What was the US trade deficit with Canada in 2024?", "What was the US trade deficit with India in 2024?"]),
    ("What was the US trade deficit with Canada in 2024? And India?",
     ["What was the US trade deficit with Canada in 2024?", "What was the US trade deficit with India in 2024?"]),
    ("What was the US deficit with India in 2024, and what about China?",
     ["What was the US deficit with India in 2024?", "What was the US deficit with China in 2024?"]),
    ("What was India's surplus with the US in 2024-25? What about 2023-24?",
     ["What was India's surplus with the US in 2024-25?", "What was India's surplus with the US in 2023-24?"]),
    ("What was agreed by Goyal and Lutnick?", ["What was agreed by Goyal and Lutnick?"]),
    ("What are the main issues of agriculture and dairy?", ["What are the main issues of agriculture and dairy?"]),
    # two years are two parts, unless they bound one span
    ("What was India's surplus in 2023-24 and 2024-25?",
     ["What was India's surplus in 2023-24?", "What was India's surplus in 2024-25?"]),
    ("How many Indians did the US deport between 2009 and 2024?",
     ["How many Indians did the US deport between 2009 and 2024?"]),
    # a time named only by pointing back is the first part's
    ("What was the US deficit with India in 2024, and what was total goods trade that year?",
     ["What was the US deficit with India in 2024?", "What was total goods trade in 2024?"]),
    # ... and so is the time of a part that names none and stands alone; a part naming a time keeps its own
    ("How much did US exports to India rise in dollars in 2024, and by what percent did imports rise?",
     ["How much did US exports to India rise in dollars in 2024?", "By what percent did imports rise in 2024?"]),
    ("What was the US deficit with India in 2024, and what is the deficit now?",
     ["What was the US deficit with India in 2024?", "What is the deficit now?"]),
    # a second "which" before a verb is of the first one's thing; "what is ..." asks afresh
    ("Which tariff was suspended till July 9, and which stays in place?",
     ["Which tariff was suspended till July 9?", "Which tariff stays in place?"]),
    ("Which sectors does the US want opened, and what is India's position?",
     ["Which sectors does the US want opened?", "What is India's position?"]),
    # a part naming only another owner asks the first part's question of that owner, or of that country
    ("What was India's surplus with the US in 2024-25, and what was China's?",
     ["What was India's surplus with the US in 2024-25?", "What was China's surplus with the US in 2024-25?"]),
    ("Who is the US Commerce Secretary, and who is Japan's?",
     ["Who is the US Commerce Secretary?", "Who is the Japan Commerce Secretary?"]),
    # "what was it in 2019?" is the part before's question of 2019 when asked the same way, a year being no
    # year of a fiscal year's; a level asked after a change leans on the part before instead
    ("What was the US deficit with India in 2024, and what was it in 2019?",
     ["What was the US deficit with India in 2024?", "What was the US deficit with India in 2019?"]),
    ("What was India's surplus in 2024-25, and what was it in 2019?",
     ["What was India's surplus in 2024-25?", "What was it in 2019 (What was India's surplus in 2024-25)?"]),
    # a part asking the part before's question of another doer, the rest left unsaid, is asked whole
    ("What did the MEA say about the 500% bill, and what did the Commerce Ministry say?",
     ["What did the MEA say about the 500% bill?", "What did the Commerce Ministry say about the 500% bill?"]),
    ("How much did exports rise in November, and how much were they in October?",
     ["How much did exports rise in November?",
      "How much were they in October (How much did exports rise in November)?"]),
])
def test_split_parts(question, parts):

    assert split_parts(question) == parts
    assert len(analyse(question).parts) == (len(parts) if len(parts) > 1 else 0)


def test_a_last_part_with_words_of_its_own_beside_its_period_is_no_period_alone():
    parts = split_parts("What was the deficit with India in 2024, and exports in 2023?")
    assert "What was the deficit with India in 2023?" not in parts


@pytest.mark.parametrize("question,carries,lacks", [
    ("In which month did the first flight land?", "It landed in February 2025.", "It landed in 2025."),
    ("Who is the spokesperson for the ministry?", "Tammy Bruce, spokesperson, said so.",
     "The Ministry of External Affairs responded on Monday."),
    ("When does the pause end?", "The pause ends on July 9.", "The pause ends soon."),
    # "one of the highest importers" counts nothing
    ("How many Indian exporters fear another round of tariffs?", "Two exporters fear another round of tariffs.",
     "India being one of the highest importers of Russian oil, exporters fear another round of tariff."),
    # "the MEA" speaks as "the Ministry of External Affairs" too
    ("What does the MEA say the US has been doing for several years?", "“The US has been carrying out deportation "
     "operations for several years now,” the Ministry of External Affairs said.",
     "“The US has been carrying out deportation operations for several years now,” an official said."),
    # a reason asked for
    ("What reason did the MEA give for the eight calls?", "The MEA said the calls were made to close the deal.",
     "MEA even confirmed that Modi has made eight calls to the US president in the last year."),
    # a cost asked for
    ("What would opening the dairy sector cost Indian farmers?", "Opening dairy would hurt small farmers.",
     "The US wanted India to open some part of the agricultural and dairy sector."),
    # a rate asked for: a total over the years is none
    ("On average, how many Indians were deported each year from 2009 to 2024?",
     "On average, about 970 Indians were deported each year.",
     "From 2009 to 2024, a total of 15,564 Indian nationals have been deported."),
    # words someone said: a sentence that only names the speaker reports nothing they said
    ("What did China say about the India-US trade talks?", "China said the talks were a bilateral matter.",
     "With the United States seeking reliable partners amid its rivalry with China, both sides agree."),
    ("What did Lutnick say on the podcast?", "According to Lutnick, the deal lost momentum.",
     "Lutnick appeared on the All-In Podcast in January."),
    # someone else's words that merely name the country asked about
    ("What did Indonesia say about the India-US trade deal?", "Indonesia's trade ministry said it welcomed the deal.",
     "He said it came too late, with the US having moved on to sealing trade pacts with Indonesia and Vietnam."),
    # a figure is asked for: a year, a day of the month, the end of "2024-25" or "hundreds" is none
    ("How many Indian nationals did the US deport in 2025?", "A total of 15,564 were deported.",
     "The first load arrived in February 2025."),
    ("How many Indian nationals did the US deport in 2025?", "Modi made eight calls.",
     "The US has deported hundreds of Indians."),
    ("What was the US goods trade deficit with India in 2025?", "It was $45.7 billion in 2024.",
     "The deficit is projected to widen further in 2025."),
    ("How long is the pause?", "The 90-day pause runs on.", "Talks were held on April 23-25 in 2024-25."),
    # a tariff asked for is a rate: "seeks lower tariffs on dairy" gives none
    ("What tariff does the US impose on Indian dairy products?", "The US imposed 50% on several exports.",
     "The U.S. seeks lower tariffs on industrial goods, wines and dairy."),
    # trade, exports or a deficit asked for is an amount of money, not a share of it
    ("What was total India-US goods trade in 2024?", "Total goods trade was an estimated $129.2 billion in 2024.",
     "The US accounts for 10.73 per cent of India's total merchandise trade."),
    # a share is a percentage of something; a rise is none
    ("What share of India's goods exports goes to the US?", "The US takes about 18 per cent of them.",
     "Bilateral trade was valued at USD 131.84 billion."),
    ("What percentage of US exports go to India?", "India takes 6.22 per cent of them.",
     "US goods exports to India were $41.8 billion, up 3.4 per cent from 2023."),
    ("By what percentage did the deficit increase in 2024?", "It rose 5.4 per cent.", "It rose by $2.4 billion."),
    # a count is asked for: an amount of money or a percentage counts nothing
    ("How many semiconductors does India import from the US?", "India imports 40,000 chips a year.",
     "Total US goods imports from India totalled $87.4 billion in 2024, up 4.5 per cent."),
    ("How many billion dollars of goods did the US sell to India in 2024?", "US goods exports to India were "
     "$41.8 billion.", "US goods exports to India grew in 2024."),
    # what is spent or paid is money, and a count of deportees is none
    ("How much did the US spend on deportation flights to India?", "The flights cost $3 million.",
     "A total of 15,564 Indian nationals have been deported by the US."),
    # a country asked for must be one the question does not name
    ("Which country did India replace as the US's largest trading partner?", "India overtook China as a partner.",
     "The US remained India's largest trading partner."),
    # "which countries" asks for more than one: the one other country of "India–US" is no answer
    ("Which countries did the US seal trade pacts with?", "The US sealed pacts with Indonesia, the Philippines and "
     "Vietnam.", "Lutnick said the long-anticipated India–US trade agreement lost momentum."),
    # "which US official": a person's name, not an office
    ("Which US official gave a readout of the phone call?", "Tammy Bruce gave a readout of the call.",
     "A spokesperson gave a readout of the call."),
    # a person must be named with words the question does not already use
    ("Who is the US Trade Representative?", "US Trade Representative Jamieson Greer spoke.",
     "According to the office of the US Trade Representative, the deficit grew."),
    # capitalized common words and countries name no one
    ("Who is India's chief negotiator for the trade agreement?", "Negotiator Rajesh Agrawal led India's side.",
     "India and the United States are advancing a Bilateral Trade Agreement."),
    # the office of the question's own person names no one else
    ("Who did Modi meet in Washington in 2025?", "Prime Minister Modi met President Donald Trump.",
     "The goal was announced during Prime Minister Modi’s visit to Washington."),
    # words are reported by other verbs than "said"
    ("What did Trump say about Modi?", "Donald Trump, who recently expressed confidence, described Prime Minister "
     "Narendra Modi as a close partner.", "Modi has made eight calls to Trump."),
    # "whose" may be a body's
    ("Whose data showed India's exports rising 11.38%?", "Exports rose 11.38%, according to the data of the "
     "Commerce Ministry.", "Exports rose 11.38% in the eight months."),
    # a "when" asked about needs a time, and "in the coming weeks" is one
    ("What is the latest word on when India will join Pax Silica?",
     "New Delhi is expected to participate as a full member in the coming weeks.",
     "Washington invited India to join the Pax Silica initiative."),
])
def test_what_an_answer_must_carry(question, carries, lacks):
    query = analyse(question)
    assert query.carried_by(carries) and not query.carried_by(lacks)


def test_a_role_that_owns_what_is_asked_about_asks_for_no_person():
    assert analyse("Which talks follow the ministers' meeting?").answer_type != "person"
    assert analyse("Which talks follow the minister's meeting?").answer_type != "person"
    assert analyse("Which ministers attended the meeting?").answer_type == "person"
    # while a role's own possessive still asks for the person, and "of the" for one of them
    assert analyse("Which American official's readout mentioned the Indo-Pacific?").answer_type == "person"
    assert analyse("Which of the officials spoke to Misri?").answer_type == "person"


def test_a_surname_the_article_gives_in_full_names_a_person():
    query = analyse("Which American official said Washington saw the call as vital?")
    said = "According to Lutnick, Washington saw the call as critical to finalising negotiations."
    assert not query.carried_by(said)
    assert query.carried_by(said, surnames("US Commerce Secretary Howard Lutnick said so."))


@pytest.mark.parametrize("question,answers", [
    ("Roughly how many Indians had America expelled?", True),
    ("How many Indian nationals did the US deport in 2025?", False),  # a magnitude is no count
])
def test_a_magnitude_answers_only_a_rough_count(question, answers):
    assert analyse(question).carried_by("The US has deported hundreds of Indians.") is answers


@pytest.mark.parametrize("question,measure", [
    ("What was the US goods trade deficit with India in 2024?", "deficit"),
    ("What is the most recent figure for US goods exports to India?", "exports"),
    # an outlook for the deficit is not the deficit's figure; a target for trade is an amount of it
    ("What is the latest outlook for the US trade deficit with India?", None),
    ("What is the Mission 500 target for trade between India and the US?", "trade"),
    # a worth is of what it is the worth of; commerce is trade
    ("What was the combined worth of commerce between the two nations in 2024-25?", "trade"),
    # "the trade figure" is trade's, as "the deficit figure" is the deficit's
    ("What was the two-way trade figure for 2023-24?", "trade"),
    ("What was the US deficit figure for 2024?", "deficit"),
])
def test_the_measure_asked_is_the_head_of_the_question(question, measure):
    assert analyse(question).measure == measure


def test_a_difference_asked_for_is_no_measure_of_exports():
    assert analyse("How much more did America buy from India than it sold there in 2024?").measure is None


def test_a_span_counted_back_tells_no_when():
    query = analyse("When did Modi make the call to Trump?")
    assert not query.carried_by("MEA confirmed that Modi has made eight calls to the US president in the last year.")
    assert not query.carried_by("Modi has made calls over the past two decades.")
    assert query.carried_by("Modi made the call last year.")  # a year, not a span
    assert analyse("When will India join Pax Silica?").carried_by("India will join in the coming weeks.")
    assert analyse("What did Modi say he would do?").measure is None  # saying is no selling


def test_a_figure_question_asks_nothing_of_questions_that_only_use_its_words():
    assert analyse("What are the main issues that will figure in the negotiations?").requires is None
    assert analyse("What is the latest status of the India-US trade deal?").requires is None


@pytest.mark.parametrize("question,measure,named,other", [
    ("What was the US goods trade deficit with India in 2025?", "deficit",
     ("India's trade surplus with the US was $41.18 billion.", ""), ("India's exports crossed USD 100 billion.", "")),
    # "It was USD 35.32 billion": the sentence before names the measure
    ("What was India's surplus with the US in 2023-24?", "deficit",
     ("It was USD 35.32 billion in 2023-24.", "India had a trade surplus of USD 41.18 billion."),
     ("Exports were USD 86.51 billion.", "India had a trade surplus of USD 41.18 billion.")),
    # naming two measures, the figure's own measure decides: the one right after it, else before it
    ("How much did India export to the US in FY2024-25?", "exports",
     ("India recorded a $41.18 billion trade surplus, driven by $86.51 billion in exports.", ""),
     ("India had a trade surplus (the difference between imports and exports) of USD 41.18 billion.", "")),
    ("How much did India export to the US in April 2025?", "exports",
     ("India's exports crossed USD 100 billion.", ""), ("The tariffs of 25% kick in on April 2.", "")),
    ("What was total India-US goods trade in 2025?", "trade",
     ("Total goods trade was $129.2 billion.", ""), ("India's exports crossed USD 100 billion.", "")),
    ("What was total India-US goods trade in 2024?", "trade",
     ("Bilateral trade was valued at USD 131.84 billion.", ""), ("The US goods trade deficit was $45.7 billion.", "")),
    ("What was the bilateral trade value between India and the US in 2023-24?", "trade",
     ("Bilateral trade was valued at USD 131.84 billion.", ""), ("India had a surplus of USD 35.32 billion.", "")),
    ("How large was US goods trade with India in 2024?", "trade",
     ("Total goods trade was $129.2 billion.", ""), ("The US goods trade deficit was $45.7 billion.", "")),
    ("What were US goods imports from Vietnam in 2024?", "exports",
     ("US goods exports to India were $41.8 billion.", ""), ("The deficit was $45.7 billion.", "")),
    # one side's exports are the other's imports: shipments named alone are the measure, their growth too
    ("How much did India's exports to the US grow in November?", "exports",
     ("Shipments to the US rose more than 22% in November.", ""), ("The deficit grew 5.4 per cent.", "")),
    # a clause naming whose it is ends the measure's name
    ("What is the trade deficit India has with the US according to the Commerce Ministry?", "deficit",
     ("The deficit was $45.7 billion.", ""), ("India's merchandise exports to the US went up to $59.04 billion.", "")),
    # "What did India export ...?" asks what was sold or its value: the surplus defined by exports is neither
    ("What did India export to the US in FY2023-24?", "exports",
     ("India recorded a $41.18 billion trade surplus, driven by $86.51 billion in exports.", ""),
     ("It was USD 35.32 billion in 2023-24.",
      "With America, India had a trade surplus (the difference between imports and exports) of USD 41.18 billion.")),
])
def test_the_measure_a_figure_is_asked_of(question, measure, named, other):
    query = analyse(question)
    assert query.measure == measure
    assert names_measure(measure, *named) and not names_measure(measure, *other)


@pytest.mark.parametrize("question,premise", [
    ("Why did India decline to join the Pax Silica initiative?", "declin"),
    ("Why did the US lift the 50% tariff on India?", "lift"),
    ("As of now, why has the deal lost momentum according to Lutnick?", "lose"),
    ("Why did New Delhi refuse the offer?", "refus"),
    ("Why is New Delhi unwilling to open its farms?", None),  # no act: a state
    ("Why were the 26 per cent tariffs announced?", "announc"),  # the act done to a thing, by no one named
    ("Why was the 26 per cent tariff suspended till July 9?", "suspend"),
    ("Why is agriculture the most sensitive issue?", None),
])
def test_the_act_a_why_question_takes_for_granted(question, premise):
    assert analyse(question).premise == premise


def test_the_act_a_why_question_takes_for_granted_must_be_the_asked_country_s():
    query = analyse("Why did India lower tariffs on American apples?")
    assert (query.premise, query.premise_by) == ("lower", "IN")
    assert done_by_another("lower", "IN", "The U.S. seeks lower tariffs on apples.")
    assert not done_by_another("lower", "IN", "India agreed to lower tariffs on apples.")
    assert not done_by_another("lower", "IN", "Tariffs will be lower next year.")  # no one named: not another's


@pytest.mark.parametrize("question,act", [
    ("When was the additional 26 per cent tariff on India announced?", "announc"),
    ("Till when are the reciprocal tariffs on India suspended?", "suspend"),
    ("When were the talks in Washington held?", "hold"),
    ("On what date was the agreement finally signed?", "sign"),
    ("What was announced on April 2?", None),
    # a part of a question, with the part before it in brackets
    ("When was it announced (What tariff did the US suspend until July 9)?", "announc"),
    # the act after a doer named by capitals
    ("When did Lutnick speak on the podcast?", "speak"),
    ("When did Trump visit India?", "visit"),
    ("On what date did Modi phone Trump to close the deal?", "phone"),
    ("When did India formally join Pax Silica as a full member?", "join"),
    ("When did Misri and Landau hold their second call?", "hold"),
    # an act to come or going on: "will" and a verb, "is" and its "-ing", "has" and its past
    ("When will Trump visit India?", "visit"),
    ("When is Trump visiting India?", "visit"),
    ("When has Goyal travelled to Washington?", "travel"),
    # a verb followed by its object, or an adverb before it
    ("When did Trump announce reciprocal tariffs on India?", "announc"),
    ("When did Goyal hold discussions with Lutnick?", "hold"),
    ("When will Modi next visit Washington?", "visit"),
    ("When was Goyal in Washington?", None),  # "is" and no verb's form asks of no act
    # no act read where nouns and verbs cannot be told apart, or the verb names no act of its own
    ("When did the first load of illegal migrants from India arrive in the US?", None),
    ("When did the US-India COMPACT initiative launch?", None),
    ("When did the Trump administration send back migrants?", None),
    ("When did the India-EU trade negotiations begin?", None),
    ("In which month did US shipments from India rise more than 22%?", None),
    ("On what day did the call between Misri and Landau take place?", None),
])
def test_the_act_whose_date_is_asked(question, act):
    assert analyse(question).act == act


@pytest.mark.parametrize("act,sentence,told", [
    ("visit", "Goyal's trip to Washington came in March.", True),
    ("visit", "Goyal was in Washington in March also for the trade talks.", True),  # being there
    ("visit", "The talks were in line with the goals set in February.", False),  # "in" a thing, not a place
    ("speak", "Misri and Landau held phone talks on Friday.", True),
    ("phone", "Modi did not personally reach out to Trump.", False),
    ("phone", "Speaking on the All-In Podcast on January 8, Lutnick said Modi did not reach out.", False),
    ("call", "Misri and Landau held phone talks on Friday.", True),
    ("visit", "Migrants sent back by the Trump administration arrived in India in February 2025.", False),
    ("announc", "The US has suspended the tariffs till July 9.", False),  # no family: its own word only
])
def test_an_act_may_be_told_in_its_family_s_words(act, sentence, told):
    assert tells_of(act, sentence) is told


@pytest.mark.parametrize("question,sentence,only_an_end", [
    ("When did the US suspend the tariffs on India?", "The US has suspended the tariffs on India till July 9.", True),
    ("When did the US suspend the tariffs on India?", "The US suspended the tariffs on April 9 till July 9.", False),
    ("Until when did the US suspend the tariffs?", "The US has suspended the tariffs on India till July 9.", False),
    ("When will the pause on the tariffs end?", "The US has suspended the tariffs on India till July 9.", False),
])
def test_the_end_of_a_pause_is_no_date_of_the_pausing(question, sentence, only_an_end):
    assert dates_only_an_end(analyse(question), sentence) is only_an_end


@pytest.mark.parametrize("question,doing,topic", [
    ("What did India offer the US in the dairy sector?", "offer", set()),
    ("What did Indian negotiators reportedly offer in non-trade areas?", "offer", set()),
    ("What did the Indian minister post on social media after the meeting?", "post", set()),
    ("What did Pinak Chakravarty say about dairy?", None, {"dairi"}),  # speech: its topic, not an act
    ("What did China say about the India-US trade talks?", None, set()),  # nothing beyond the talks
    ("What did Lutnick say the US had moved on to?", "move", set()),  # the act said to be done
    ("Which country did India say it would target for tariffs?", "target", set()),  # after "which country" too
    ("What did Biswajit Dhar say may be possible?", None, {"may", "possibl"}),  # what his words are on
    ("Who will sign the trade deal for India?", "sign", set()),  # the act whose doer is asked for
    ("Who announced the end of the trade talks?", "announc", set()),  # and one taken as done
    ("What did Washington freeze until July 9?", "freez", set()),  # a word of time is no act, and ends none
    ("What did Modi put off?", "put", set()),  # the verb of a phrasal verb, not its particle
    ("What did India set up in the talks?", "set", set()),
])
def test_the_act_or_topic_a_what_did_question_asks_about(question, doing, topic):
    query = analyse(question)
    assert (query.doing, set(query.topic)) == (doing, topic)


def test_the_speaker_asked_about_may_be_the_he_of_he_said():
    query = analyse("What did Lutnick say the US had moved on to?")
    sentence = "Although Modi later agreed to make the call, he said it came too late."
    assert not query.carried_by(sentence)
    assert query.carried_by(sentence, before="According to Lutnick, Washington saw the call as critical.")
    assert not query.carried_by(sentence, before="MEA confirmed that Modi made eight calls.")


def test_a_pronoun_speaker_leans_on_the_part_before():
    query = analyse("Who is Tammy Bruce, and what did she say the officials discussed?")
    second = query.parts[1]
    assert second.requires is None and {"tammy", "bruce"} <= second.constraints.names
    assert analyse("Who is Tammy Bruce?").requires is None
    # what the part asks for is its own: countries, not the official of the part it leans on
    leaning = analyse("Which US official spoke on the All-In Podcast, and which countries did he say the US "
                      "sealed trade pacts with?").parts[1]
    assert leaning.searched.endswith("(Which US official spoke on the All-In Podcast)?")
    assert leaning.answer_type == "place" and leaning.requires is None


def test_a_part_that_points_back_at_the_person_asked_for_is_asked_again_of_the_answer():
    from rag.parts import naming
    from rag.question import with_person_named

    query = analyse("Which US official spoke on the All-In Podcast, and which countries did he say the US "
                    "sealed trade pacts with?")
    named = with_person_named(query.parts[1], query.parts[0], "Howard Lutnick")
    assert named.searched == "Which countries did Howard Lutnick say the US sealed trade pacts with?"
    assert "lutnick" in named.terms and named.answer_type == "place"
    assert naming("What did her readout say (Who is the US State Department spokesperson)?", "Tammy Bruce") == (
        "What did Tammy Bruce's readout say?")
    assert naming("Whom did he speak with by phone (Who is India's Foreign Secretary)?", "Vikram Misri") == (
        "Whom did Vikram Misri speak with by phone?")
    assert naming("Which podcast did they appear on?", "Howard Lutnick") is None  # no person's pronoun
    # "he" is the person the first part names, not its answer
    own = analyse("Who did Goyal meet, and what did he call the discussions in his post?")
    assert with_person_named(own.parts[1], own.parts[0], "Howard Lutnick") is None
    # nor when the first part asks for no person
    when = analyse("When did Lutnick speak on the podcast, and what did he say the deal lost?")
    assert with_person_named(when.parts[1], when.parts[0], "January 8, 2026") is None


def test_which_sectors_needs_a_sector_named_or_listed():
    query = analyse("Which Indian sectors face the 26 per cent tariff?")
    assert not query.carried_by("The US has suspended the additional 26 per cent tariffs on India till July 9.")
    assert query.carried_by("The US imposed 50% on several Indian exports including sectors like textiles.")


def test_the_question_s_own_figures_are_no_answer_to_how_long():
    query = analyse("How long will the 10 per cent baseline tariff stay in place?")
    assert not query.carried_by("The 10 per cent baseline tariff will continue to remain in place.")
    assert query.carried_by("The 10 per cent tariff stays for 90 days.")


_READOUT = ("Tammy Bruce, spokesperson for the US State Department, in a readout of the phone call said "
            "“They discussed ongoing efforts to reduce barriers”.")


@pytest.mark.parametrize("question,sentence,speaks", [
    # the speaker's title and where the words were given may come between the speaker and "said"
    ("What did Tammy Bruce say they discussed?", _READOUT, True),
    ("What did the US State Department's spokesperson say?", _READOUT, True),  # "State" is not the verb
    # words another gives after a comma are not the speaker's
    ("What did Goyal say?", "Goyal met Lutnick in Washington on Tuesday to review the progress of the talks, "
                            "said an official.", False),
    ("What did Goyal say?", "Goyal said the talks were good.", True),
    ("What did Goyal say?", "The talks were good, said Goyal.", True),
    # one spoken of: what another confirmed of him, or what "he", another, said of him
    ("What did Modi call Trump?", "MEA even confirmed that Modi has made eight calls to the US president.", False),
    ("What did Modi say?", "Although Modi later agreed to make the call, he said it came too late.", False),
])
def test_a_speaker_is_found_past_their_title(question, sentence, speaks):
    assert bool(analyse(question).requires.search(sentence)) is speaks


def test_the_possessive_s_is_no_topic_of_what_was_said():
    assert analyse("What did Tammy Bruce say about India's trade surplus?").topic == {"surplus"}


def test_what_the_reports_say_asks_for_no_speaker():
    assert analyse("What do the most recent reports say the US wants India to open?").requires is None
    assert analyse("What do officials say the US wants India to open?").requires is not None


def test_when_something_was_said_may_stand_before_its_topic():
    assert analyse("What did the MEA say on Monday about dairy?").topic == {"dairi"}


@pytest.mark.parametrize("question,measure", [
    ("What are Indian negotiators now offering outside trade?", None),  # what they offer, not a trade figure
    ("What is India doing about the trade deficit?", None),
    ("What was the widening trade deficit in 2024?", "deficit"),  # an adjective in "-ing" may name it
    ("What were the leading exports in 2024?", "exports"),
])
def test_a_verb_in_ing_is_no_part_of_a_measure(question, measure):
    assert analyse(question).measure == measure


def test_whose_is_answered_by_a_person_or_a_country_the_question_does_not_name():
    query = analyse("Whose crude is India offering to buy more of?")
    assert query.carried_by("India offered increased purchases of American crude oil.")
    assert not query.carried_by("India offered increased purchases of crude oil.")
    assert not query.carried_by("India offered to buy more of its own crude oil from India's fields.")


def test_the_words_of_an_office_may_stand_between_which_and_official():
    query = analyse("Which US State Department official spoke to Goyal?")
    assert query.answer_type == "person"
    assert not query.carried_by("Goyal was in Washington in March also for the trade talks.")


def test_who_of_a_trading_partner_is_answered_by_a_country():
    query = analyse("Who is India's largest trading partner?")
    assert query.carried_by("The US remained India's largest trading partner.")
    assert not query.carried_by("India's largest trading partner was named.")


def test_a_question_in_any_case_is_analysed_and_checked():
    """Countries are matched as written ("US", not "us") inside patterns that read the words around them
    in any case: a question in lower or upper case must still be analysed and its constraints checked
    ("us goods exports to india 2024?" once failed)."""
    import json
    from pathlib import Path

    from rag.constraints import ArticleContext

    path = Path(__file__).resolve().parents[2] / "eval" / "questions.jsonl"
    questions = [json.loads(line)["question"] for line in path.read_text().splitlines() if line.strip()]
    assert len(questions) > 500
    article = ArticleContext.of("US goods exports to India", "US goods exports to India were $41.8 billion.",
                                "2025-03-28")
    for question in ["us goods exports to india 2024?", *questions]:
        for text in (question.lower(), question.upper()):
            query = analyse(text)
            query.constraints.unmet("us goods exports to india were $41.8 billion in 2024.", "", article)
    assert analyse("us goods exports to india 2024?").constraints.periods


def test_a_part_naming_its_own_year_is_asked_of_that_year_not_the_one_it_leans_on():
    parts = analyse("What was India's surplus with the US in 2021-22, and what was it in 2020-21?").parts
    assert [sorted(p.year for p in part.constraints.periods) for part in parts] == [[2021], [2020]]
    assert short_answer(parts[1], ["It was USD 35.32 billion in 2023-24, USD 32.85 billion in 2021-22 and "
                                   "USD 22.73 billion in 2020-21."]) == "USD 22.73 billion"


_TALKS = ("New Delhi: Commerce and Industry Minister Piyush Goyal on Tuesday held discussions with US Commerce "
          "Secretary Howard Lutnick in Washington to expedite negotiations.")


@pytest.mark.parametrize("question,role,carried", [
    ("Who are the chief negotiators of the two countries?", "negoti", False),  # "negotiations" names no negotiator
    ("What are the names of the two countries' chief negotiators?", "negoti", False),
    ("Who is the US Commerce Secretary?", "secretari", True),
    ("Who is the US commerce chief?", "chief", True),  # another word of the role (_ROLES)
])
def test_who_holds_a_role_is_answered_by_a_sentence_naming_the_role(question, role, carried):
    asked = analyse(question)
    assert asked.role == role and asked.carried_by(_TALKS) is carried


def test_a_speaker_described_by_role_may_be_named_by_another_word_of_that_role():
    asked = analyse("What did the former diplomat say had been reached on several key areas?")
    assert asked.carried_by("Former External Affairs Ministry official Pinak R Chakravarty said negotiators had "
                            "reached alignment on several key areas.")
    # a word of another role does not stand for the diplomat, nor does a sentence where no one speaks
    assert not asked.carried_by("Former trade professor Biswajit Dhar said limited adjustments may be possible.")
    assert not asked.carried_by("Negotiators had reached alignment on several key areas, officials' notes show.")


def test_another_word_of_a_speaker_s_role_keeps_the_field_the_question_gives_them():
    asked = analyse("What did diplomatic sources call Washington's Pax Silica invitation a sign of?")
    assert asked.carried_by("Diplomatic sources described the move as an important signal of strategic trust.")
    assert asked.carried_by("A diplomatic source said the move was a signal of strategic trust.")
    # officials of no field named are not the diplomatic sources asked about
    assert not asked.carried_by("According to officials, momentum has also been strengthened by Washington’s "
                                "invitation to India to join the US led “Pax Silica” initiative.")
    # the field kept, another word of the role will do
    assert analyse("What did government sources say about dairy?").carried_by(
        "Government officials said dairy would stay protected.")
    # a phone call is no naming of anything: "call ... about" asks no one's words
    assert analyse("What did Trump call Modi about?").requires is None


def test_an_ordinal_of_consecutive_years_counts_them():
    asked = analyse("For how many years in a row has America been India's biggest trade partner?")
    assert asked.carried_by("The US remained India's largest trading partner for the fourth consecutive year.")
    # an ordinal alone ranks, it does not count
    assert not asked.carried_by("The US remained India's largest trading partner in the second phase.")


def test_a_portion_asked_of_a_whole_may_be_given_in_words():
    asked = analyse("How much of the deal's terms have been negotiated?")
    assert asked.carried_by("Most of the terms have been negotiated.")
    assert not asked.carried_by("The terms have been negotiated.")
    # a figure asked is still a figure
    assert not analyse("How much did exports grow?").carried_by("Most of the exports grew.")


def test_an_adverb_after_the_speaker_is_no_part_of_them():
    asked = analyse("What does the government source currently say is the reason the deal has not closed?")
    assert asked.carried_by("Agriculture is the primary reason the deal has not closed, a government source said.")
    assert analyse("What did Trump most recently say about Modi?").carried_by(
        "Donald Trump, who recently expressed confidence, described Modi as a close partner.")


def test_a_statement_speaks_for_the_one_whose_it_is():
    question = "What did Goyal's post on X say the discussions were towards?"
    asked = analyse(question)
    assert asked.carried_by('"Good discussions towards expediting the first tranche," Goyal said in a post on X.')
    assert asked.doing != "toward"  # "were towards" is no act
    assert agent_in(question) == (frozenset(), None)  # nor is the post an act of Goyal's


def test_what_an_act_is_regarding_is_asked_of():
    asked = analyse("What did Indian negotiators offer regarding American natural gas?")
    assert asked.doing == "offer"
    assert asked.topic == {"natur", "gas"}


def test_a_reason_given_in_passing_asks_for_nothing():
    # "given how many depend on farming" is why, not what, the question asks
    assert analyse("What did New Delhi say it could not gamble with, given how many depend on farming?").answer_type \
        is None
    assert analyse("How many depend on farming?").answer_type == "number"


def test_where_or_when_it_was_said_is_no_part_of_its_topic():
    # "on the All-In Podcast" is where Lutnick spoke: his words there on the call are not on agriculture
    assert analyse("What did Lutnick say about Indian agriculture on the All-In Podcast?").topic == {"agricultur"}
    assert analyse("What did Tammy Bruce say about tariffs on Indian goods?").topic == {"tariff", "good"}



def test_a_portion_asked_for_is_a_share_of_something():
    asked = analyse("What portion of India's overall merchandise trade does America make up?")
    assert asked.carried_by("The US accounts for 10.73 per cent in the country's total merchandise trade.")
    assert not asked.carried_by("India's merchandise exports to the US went up by 11.38% to $59.04 billion.")
    assert short_answer(asked, ["The US accounts for about 18 per cent of India's total goods exports, 6.22 per cent "
                                "in imports, and 10.73 per cent in the country's total merchandise trade."]) == \
        "10.73 per cent"


@pytest.mark.parametrize("question,doing", [
    ("What did Goyal and Lutnick sign in Washington?", "sign"),  # two doers joined by "and"
    ("What did Landau and Misri discuss on April 2?", "discuss"),
    ("What did India and the US do days before the reciprocal tariffs kicked in?", None),  # any act
    # what would do an act: the act; a noun phrase after "could" is the doer's
    ("What would eliminate the US trade gap with India entirely?", "elimin"),
    ("What could shrink America's shortfall with India?", "shrink"),
    ("What will sectoral expert talks move to by late May 2025?", None),
    ("What would opening the dairy sector cost Indian farmers?", None),
    ("What could the BTA achieve?", None),
])
def test_the_act_of_two_doers(question, doing):
    assert analyse(question).doing == doing



def test_how_much_something_grew_asks_for_its_change_of_that_measure():
    asked = analyse("How much did total goods trade between the two countries grow in 2024?")
    assert asked.measure == "trade"
    assert not asked.carried_by("Total goods trade between the two countries was an estimated $129.2 billion in 2024.")
    assert asked.carried_by("Total goods trade grew 4 per cent to $129.2 billion in 2024.")



@pytest.mark.parametrize("question,doing", [
    ("What did the 10 per cent baseline tariff replace?", "replac"),  # a thing as doer: the last word acts
    ("What did the commerce ministry's figures show led the surge in Indian exports to America?", None),  # a name
    # words said, and an aside, are read otherwise
    ("What did the unnamed official say New Delhi cannot afford to do, given that most people live off the land?",
     None),
])
def test_the_act_that_ends_a_question_about_a_thing(question, doing):
    assert analyse(question).doing == doing


@pytest.mark.parametrize("question,carried,not_carried", [
    # a platform asked for must be named ("in a post on X", "on the All-In Podcast")
    ("On what platform did Goyal describe his meeting with Lutnick?",
     '"Good discussions with Secretary @HowardLutnick," Goyal said in a post on X.',
     "Commerce and Industry Minister Piyush Goyal on Tuesday held discussions with US Commerce Secretary Howard "
     "Lutnick in Washington."),
    # a dateline's day is no figure, its month written short
    ("How long have India and the US been negotiating?", "India and the US have negotiated for two years.",
     "New Delhi, Jan 23: Negotiations between India and the United States have intensified."),
    # "How old ...?" asks for a figure
    ("How old is Piyush Goyal?", "Piyush Goyal, 61, held discussions with Howard Lutnick.",
     "Commerce and Industry Minister Piyush Goyal held discussions with Howard Lutnick."),
    # "Who wrote the article ...?" asks for its byline, not for anyone it names
    ("Who wrote the article about the Goyal-Lutnick talks in Washington?",
     "BY Anjali Sharma WASHINGTON – India and the US, on Friday discussed trade.",
     "Commerce and Industry Minister Piyush Goyal held discussions with US Commerce Secretary Howard Lutnick."),
    # "the names of" people asked for must be names
    ("What are the names of the chief negotiators?", "The chief negotiators, Brendan Lynch and Darpan Jain, met.",
     "The minister-level meeting is followed by the deliberations between chief negotiators of the two countries."),
    # "Where is ... headquartered?" asks for a seat, not for any place named
    ("Where is Pax Silica headquartered?", "The Pax Silica initiative is headquartered in Washington.",
     "Momentum has been strengthened by Washington’s invitation to India to join the US led “Pax Silica” "
     "initiative."),
])
def test_what_a_sentence_must_carry_to_answer(question, carried, not_carried):
    asked = analyse(question)
    assert asked.carried_by(carried)
    assert not asked.carried_by(not_carried)


@pytest.mark.parametrize("question", [
    "How many articles mention Lutnick?",
    "How many of the articles are about agriculture?",
    "How many stories talk about Pax Silica?",
    "How many articles are there?",
])
def test_a_count_of_the_articles_themselves_is_told_by_no_sentence(question):
    asked = analyse(question)
    assert not asked.carried_by("Goyal held discussions with Lutnick on trade between the two countries.")
    assert not asked.carried_by("Two articles mention Lutnick.")


def test_when_something_began_is_dated_by_a_beginning():
    asked = analyse("When did the deportation operations start?")
    # the day the words were said, and the day something runs until, are no beginning
    assert not asked.carried_by("“The US has been carrying out deportation operations for several years now,” the "
                                "Ministry of External Affairs said in response to a parliamentary query on March 17.")
    assert not analyse("What date did the chief negotiators' deliberations begin?").carried_by(
        "The deliberations between chief negotiators will continue until May 22.")
    assert asked.carried_by("Deportation operations began in 2009.")
    assert analyse("When did the reciprocal tariffs start?").carried_by(
        "Trump’s reciprocal 25% tariffs system kicks into effect on April 2.")


def test_where_people_met_is_a_place_they_were_in_not_a_call():
    asked = analyse("Where did Landau and Misri meet?")
    assert not asked.carried_by("Landau and Misri held phone talks and discussed boosting security in the "
                                "Indo-Pacific region.")
    assert not asked.carried_by("Landau also thanked the Foreign Secretary Misri, Bruce said in the readout.")
    assert asked.carried_by("Goyal held discussions with Howard Lutnick in Washington.")


@pytest.mark.parametrize("question", [
    "How many reports did the MEA cite?",  # a count of what an article tells of
    "How many Indians were deported from 2009 to 2024?",
])
def test_a_count_of_things_the_articles_tell_of_is_no_count_of_articles(question):
    assert analyse(question).carried_by("The MEA cited two reports; a total of 15,564 Indians were deported.")


@pytest.mark.parametrize("question,words", [
    ("How many articles mention Lutnick?", "Lutnick"),
    ("How many of these news stories mention Goyal?", "Goyal"),
    ("How many articles in the archive name “Howard Lutnick”?", "Howard Lutnick"),
    ("How many reports cite the words 'Pax Silica'?", "Pax Silica"),
    ("How many of the texts refer to Misri?", "Misri"),  # every noun the withholding rule reads, counted
    ("How many files quote Goyal?", "Goyal"),
    ("How many of the articles are about agriculture?", None),  # what an article is about is no count of words
    ("How many Indians were deported?", None),
])
def test_the_words_a_count_of_articles_asks_for(question, words):
    assert analyse(question).mentions == words


@pytest.mark.parametrize("question,sentence,answers", [
    # a levy's rate is asked: a figure in money or a count is none
    ("What is the current tariff on Indian exports to the US?",
     "India's exports to the United States crossed the USD 100 billion mark in 2025.", False),
    ("What is the current tariff on Indian exports to the US?",
     "The US imposed 50% on several Indian exports as a penalty for purchasing Russian oil.", True),
    ("What tariff did the US suspend until July 9?",
     "The US has suspended the additional 26 per cent tariffs on India till July 9.", True),
    # the revenue a tariff raised is money, asked of in other words
    ("What tariff revenue did the US collect from India in 2025?", "The US collected $3 billion in 2025.", True),
])
def test_a_levy_asked_is_a_rate(question, sentence, answers):
    assert bool(analyse(question).requires.search(sentence)) is answers


@pytest.mark.parametrize("question", [
    "How much Russian oil does India buy?",
    "How much oil does India import from Russia?",
])
def test_an_amount_of_goods_bought_is_money_and_no_levy_on_them(question):
    # "The US imposed 50% on several Indian exports ... as a penalty for purchasing Russian oil" gives a levy,
    # "a bill that aims to impose 500% tariffs on countries trading with Russia" too: neither an amount bought
    query = analyse(question)
    assert query.constraints.traded == frozenset({"oil"})
    assert not query.requires.search("The US imposed 50% on several Indian exports as a penalty for purchasing "
                                     "Russian oil.")
    assert query.requires.search("India bought $10 billion of Russian oil.")


@pytest.mark.parametrize("question,goods", [
    ("How much crude does India buy from the US?", {"oil"}),  # crude is oil
    ("How much shrimp does India export to the US?", {"shrimp"}),
    ("How much did India export to the US in FY2024-25?", set()),  # no goods in particular
    ("How much merchandise did India export to the US?", set()),
    ("How much more did America buy from India than it sold there in 2024?", set()),  # a balance
])
def test_the_goods_of_an_amount_traded_are_those_between_how_much_and_its_verb(question, goods):
    assert analyse(question).constraints.traded == frozenset(goods)


@pytest.mark.parametrize("question,sentence,gives", [
    # a levy asked of now is one in force, not one suspended
    ("What tariff does India face now?", "The US has suspended the additional 26 per cent tariffs on India till "
     "July 9.", False),
    ("What is the current tariff on Indian exports to the US?", "The US imposed 50% on several Indian exports.", True),
    # asked of the pause, or of the past, a suspended levy answers
    ("What tariff did the US suspend until July 9?", "The US has suspended the additional 26 per cent tariffs on "
     "India till July 9.", True),
    ("What tariff was announced on April 2?", "The US has suspended the additional 26 per cent tariffs on India "
     "till July 9.", True),
    # a rise, or a share, is no levy's rate
    ("What tariff rate applies to Indian exports today?", "India's merchandise exports to the US went up by 11.38% "
     "to $59.04 billion.", False),
    ("What tariff did the US impose on Indian goods?", "The US accounts for about 18 per cent of India's total "
     "goods exports.", False),
    ("What tariff did the US impose on Indian goods?", "The US goods trade deficit rose, a 5.4 per cent increase.",
     False),
])
def test_a_levy_s_rate_is_in_force_when_asked_of_now_and_is_no_rise_or_share(question, sentence, gives):
    assert bool(analyse(question).requires.search(sentence)) is gives


ASSURANCES = ("Commerce Ministry sources said discussions were progressing rapidly following political assurances from "
              "US President Donald Trump, who recently expressed confidence in a favourable outcome and described "
              "Prime Minister Narendra Modi as a close partner.")


@pytest.mark.parametrize("question,sentence,speaks", [
    # after "described" or "told" the one named is spoken of, or to: Modi says nothing here
    ("What did Modi say about Trump?", ASSURANCES, False),
    ("What did Trump say about Modi?", ASSURANCES, True),
    ("What did Modi say about the deal?", "The official told Modi the deal was close.", False),
    # the verbs a report puts before its speaker still name them
    ("What did Goyal say about the talks?", "The talks went well, said Goyal.", True),
    ("What did Lutnick say about the call?", "The call came too late, according to Lutnick.", True),
])
def test_a_name_after_a_verb_of_saying_speaks_only_where_reports_put_the_speaker(question, sentence, speaks):
    assert bool(analyse(question).requires.search(sentence)) is speaks


def test_a_sentence_leaning_on_one_before_takes_its_measure_outside_brackets():
    before = ("With America, India had a trade surplus (the difference between imports and exports) of USD 41.18 "
              "billion in goods in 2024-25.")
    it_was = "It was USD 35.32 billion in 2023-24, USD 27.7 billion in 2022-23."
    assert names_measure("surplus", it_was, before) and names_measure("deficit", it_was, before)
    # the exports in brackets define the surplus: the figures are none
    assert not names_measure("exports", it_was, before)
    assert names_measure("exports", "It was $80 billion in 2023-24.", "India's exports to the US rose in 2024-25.")


@pytest.mark.parametrize("question,sentence,gives", [
    # a count of days is told in days, not by "the two countries"
    ("How many days were the chief negotiators to meet after the ministers?", "The chief negotiators of the two "
     "countries will continue until May 22.", False),
    ("How many days is the tariff pause window?", "They aim to use the 90-day tariff pause window.", True),
    ("For how many years in a row has America been India's biggest trade partner?", "The US remained India's "
     "largest trading partner for the fourth consecutive year in 2024-25.", True),
    # where someone is from is not where they were
    ("Where is Goyal from?", "Goyal was in Washington in March also for the trade talks.", False),
    ("Where is Goyal from?", "Goyal, who hails from Mumbai, spoke.", True),
])
def test_days_counted_and_where_someone_is_from_are_told_as_such(question, sentence, gives):
    assert bool(analyse(question).requires.search(sentence)) is gives


def test_the_combined_value_of_exports_and_imports_is_trade():
    query = analyse("What is the combined value of US goods exports and imports with India in 2024?")
    assert query.measure == "trade"
    assert analyse("What was the value of US goods exports to India in 2024?").measure == "exports"


@pytest.mark.parametrize("question", [
    "How much did US goods exports to India grow in dollar terms in 2024?",
    "By how much did the US deficit with India rise in 2024, in dollars?",
])
def test_a_change_asked_in_money_is_the_amount_beside_the_per_cent(question):
    sentence = "US goods exports to India were $41.8 billion, up 3.4 per cent ($1.4 billion) from 2023."
    assert short_answer(analyse(question), [sentence]) == "$1.4 billion"
    assert value_kind(question) is None  # amounts of money are never compared


@pytest.mark.parametrize("question,measure", [
    ("What bilateral trade did India and the US record in 2023-24?", "trade"),
    ("What surplus did India record with the US in 2023-24?", "deficit"),  # one side's surplus, the other's deficit
    ("What trade deficit did the US report with India in 2024?", "deficit"),
    ("What share of India's imports does the US account for?", None),  # a share of imports
])
def test_a_measure_named_before_its_verb_is_the_measure_asked(question, measure):
    assert analyse(question).measure == measure


def test_an_increase_asked_in_a_figure_is_the_change_not_the_level():
    sentence = ("The U.S. reported a goods trade deficit of $45.7 billion with India in 2024, a 5.1% increase from "
                "2023.")
    query = analyse("What increase in the 2024 deficit does the ANI report give?")
    assert short_answer(query, [sentence]) == "5.1%"
    assert not query.requires.search("US goods trade deficit with India was $45.7 billion in 2024.")


@pytest.mark.parametrize("question,sentence,carries", [
    ("What drove India's trade surplus with the US in FY2024-25?",
     "India recorded a $41.18 billion trade surplus with the U.S. in FY2024-25, driven by $86.51 billion in exports.",
     True),
    ("What drove the US deficit with India in 2024?", "US goods trade deficit with India was $45.7 billion in 2024.",
     False),
    ("What prompted the foreign ministry's comment?",
     "The Ministry of External Affairs said so in response to a parliamentary query on March 17.", True),
])
def test_a_cause_asked_for_is_carried_only_by_a_sentence_that_gives_one(question, sentence, carries):
    assert bool(analyse(question).requires.search(sentence)) == carries


def test_a_hedge_before_the_question_word_asks_for_the_same_figure():
    plain, hedged = (analyse(f"{lead}how much did the US and India trade in goods in 2024?")
                     for lead in ("", "Roughly "))
    assert hedged.measure == plain.measure == "trade"
    assert hedged.constraints.figure_asked and hedged.searched.startswith("Roughly")  # still searched for
