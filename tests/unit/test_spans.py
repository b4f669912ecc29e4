"""Short answers: the typed value a cited sentence gives, the one belonging to the period asked about."""

import pytest

from rag.question import analyse
from rag.spans import short_answer

SURPLUS = ("It was USD 35.32 billion in 2023-24, USD 27.7 billion in 2022-23, USD 32.85 billion in 2021-22 and "
           "USD 22.73 billion in 2020-21.")

SHARES = ("The US accounts for about 18 per cent of India's total goods exports, 6.22 per cent in imports, and "
          "10.73 per cent in the country's total merchandise trade.")
# one period for the whole sentence ("from 2023" is the comparison's base): no value is picked by period
TRADE = ("US goods exports to India were $41.8 billion, up 3.4 per cent ($1.4 billion) from 2023 and total US goods "
         "imports from India totalled $87.4 billion in 2024, up 4.5 per cent ($3.7 billion) from 2023.")


@pytest.mark.parametrize("question,sentences,short", [
    ("How big was the US goods trade deficit with India in 2024?",
     ["US goods trade deficit with India was $45.7 billion in 2024, a 5.4 per cent increase ($2.4 billion)."],
     "$45.7 billion"),
    ("What was India's trade surplus with the US in 2022-23?", [SURPLUS], "USD 27.7 billion"),
    ("What was India's trade surplus with the US in 2020-21?", [SURPLUS], "USD 22.73 billion"),
    # the other way round: the period a figure is given for, a fiscal year whole
    ("In which fiscal year was India's surplus with the US USD 32.85 billion?", [SURPLUS], "2021-22"),
    ("By what percentage did the deficit increase in 2024?",
     ["US goods trade deficit with India was $45.7 billion in 2024, a 5.4 per cent increase."], "5.4 per cent"),
    ("Until what date are the tariffs paused?", ["The US has suspended the tariffs till July 9."], "July 9"),
    ("Who is the US Commerce Secretary?",
     ["Minister Piyush Goyal held discussions with US Commerce Secretary Howard Lutnick in Washington."],
     "Howard Lutnick"),
    ("Who did Piyush Goyal hold discussions with?",
     ["Minister Piyush Goyal held discussions with US Commerce Secretary Howard Lutnick in Washington."],
     "Howard Lutnick"),
    ("Whom did Goyal meet in Washington?",  # the question's own person is not the answer, by surname either
     ["Commerce and Industry Minister Piyush Goyal on Tuesday held discussions with US Commerce Secretary Howard "
      "Lutnick in Washington to expedite negotiations."],
     "Howard Lutnick"),
    ("How many chapters do the terms of reference include?", ["The ToRs include around 19 chapters."], "19"),
    ("How many Indians were deported from 2009 to 2024?",
     ["From 2009 to 2024, a total of 15,564 Indian nationals have been deported."], "15,564"),
    ("What tariff does the US impose on textiles?",
     ["Exports rose to $59.04 billion.", "The US imposed 50% on several Indian exports."], "50%"),
    ("Why did the talks stall?", ["Agriculture remains the sticking point."], None),
    ("When was the Mission 500 goal announced?",
     ["The goal was announced during Modi's visit to Washington in February 2025."], "February 2025"),
    # several values in one sentence: the one the question's words belong to, not the first
    ("What share of India's goods exports does the US account for?", [SHARES], "18 per cent"),
    ("What were US goods exports to India in 2024?", [TRADE], "$41.8 billion"),
    ("What were US goods imports from India in 2024?", [TRADE], "$87.4 billion"),
    ("How much did India export to the US in FY2024-25?",
     ["India recorded a $41.18 billion trade surplus with the U.S. in FY2024-25, driven by $86.51 billion in "
      "exports."], "$86.51 billion"),
])
def test_short_answer(question, sentences, short):
    assert short_answer(analyse(question), sentences) == short


def test_the_rare_word_decides_between_values_when_the_common_ones_stand_by_both():
    # in a corpus about India and the US both names are in nearly every article, so "imports" decides
    rarity = {"india": 0.03, "us": 0.34, "share": 2.5, "import": 0.8, "account": 2.5}
    question = analyse("What share of India's imports does the US account for?")
    assert short_answer(question, [SHARES], lambda term: rarity.get(term, 1.0)) == "6.22 per cent"


def test_a_value_described_as_of_another_measure_is_no_answer_however_many_words_stand_by_it():
    # "India's total" stands by 18 per cent (of exports), rarer than "imports" by 6.22 per cent
    rarity = {"india": 0.03, "us": 0.34, "share": 2.5, "import": 0.8, "total": 2.0, "come": 2.5}
    question = analyse("What share of India's total imports come from the US?")
    assert short_answer(question, [SHARES], lambda term: rarity.get(term, 1.0)) == "6.22 per cent"
    question = analyse("What share of India's total goods exports go to the US?")
    assert short_answer(question, [SHARES], lambda term: rarity.get(term, 1.0)) == "18 per cent"


def test_a_reason_has_no_short_answer():
    sentence = "The US imposed 50% on several Indian exports as a penalty for purchasing Russian oil."
    assert short_answer(analyse("Why did the US impose a 50% tariff on India?"), [sentence]) is None
    assert short_answer(analyse("What tariff did the US impose on Indian leather?"), [sentence]) == "50%"


def test_an_event_asked_for_has_no_short_answer():
    sentence = ("India and the US discussed trade days ahead of President Donald Trump’s reciprocal 25% tariffs "
                "system kicks into effect on April 2.")
    assert short_answer(analyse("What happened before the April 2 tariffs took effect?"), [sentence]) is None
    assert short_answer(analyse("What tariff took effect on April 2?"), [sentence]) == "25%"


def test_a_body_asked_for_has_no_figure_for_answer():
    sentence = ("India's merchandise exports to the US went up by 11.38% to $59.04 billion from April–November FY26, "
                "according to the data of the Commerce Ministry.")
    # had "$59.04 billion": "Which ministry ...?" had no value, a ministry with a word before it did
    for question in ("Which ministry gave the export data?", "Which Indian ministry gave the export data?"):
        assert short_answer(analyse(question), [sentence]) is None


def test_who_holds_a_role_is_the_one_the_role_describes():
    # the date's words stand by Lutnick; the president asked is the one titled so
    sentence = ("Speaking on the All-In Podcast on January 8, 2026, US Commerce Secretary Howard Lutnick said the "
                "agreement lost momentum after Prime Minister Narendra Modi did not reach out to then US President "
                "Donald Trump.")
    assert short_answer(analyse("Who was the US president in January 2026?"), [sentence]) == "Donald Trump"
    assert short_answer(analyse("Who was the US commerce secretary in January 2026?"), [sentence]) == "Howard Lutnick"


def test_a_level_of_trade_asked_for_is_no_change_in_per_cent():
    rose = "Also on a year-on-year basis, shipments to the US rose more than 22% in November."
    assert short_answer(analyse("What did India export to the US in November 2025?"), [rose]) is None
    assert short_answer(analyse("How much did India's shipments to the US rise in November?"), [rose]) == "22%"


def test_a_levy_asked_for_is_no_change_of_another_figure():
    # the sentence quoted after "The US imposed 50% ..." gives the exports' growth, not a tariff
    despite = ("Despite tariffs being imposed, India's merchandise exports to the US went up by 11.38% to $59.04 "
               "billion from April–November FY26.")
    asked = analyse("What tariff did the US impose on Indian goods?")
    assert short_answer(asked, [despite]) is None
    assert short_answer(asked, [despite, "The US imposed 50% on several Indian exports."]) == "50%"
    # "rose more than 22%" is a rise too
    assert short_answer(analyse("What tariff does the US levy on Indian goods?"),
                        ["Shipments to the US rose more than 22% in November."]) is None


@pytest.mark.parametrize("question,short", [
    ("Which grew faster in 2024, US exports to India or US imports from India?",
     "US imports from India (4.5 per cent)"),
    ("Which was larger in 2024: US goods exports to India or US goods imports from India?",
     "US goods imports from India ($87.4 billion)"),
    ("Between US goods exports to India and US goods imports from India, which was smaller in 2024?",
     "US goods exports to India ($41.8 billion)"),
    # the words that tell the two apart are not in the sentence: neither is chosen, and no lone figure either
    ("Which grew faster: American sales to India or American purchases of Indian goods?", None),
])
def test_a_choice_between_two_things_is_answered_by_the_thing_with_its_value(question, short):
    sentence = ("US goods exports to India were $41.8 billion, up 3.4 per cent ($1.4 billion) from 2023 and total US "
                "goods imports from India totalled $87.4 billion in 2024, up 4.5 per cent ($3.7 billion) from 2023.")
    assert short_answer(analyse(question), [sentence]) == short


def test_who_did_the_act_is_its_doer_not_the_one_whose_words_report_it():
    sentence = ("Landau also thanked the Foreign Secretary Misri for India’s “assistance addressing illegal "
                "immigration to the US and asked the Indian government for continued cooperation on this issue,” "
                "Bruce said.")
    people = frozenset({"landau", "misri", "bruce"})
    asked = analyse("Who asked the Indian government for continued cooperation?")
    assert short_answer(asked, [sentence], people=people) == "Landau"
    assert short_answer(analyse("Who said Landau thanked Misri?"), [sentence], people=people) == "Bruce"


def test_who_did_not_do_the_act_is_its_doer_not_the_one_whose_words_report_it():
    sentence = ("US Commerce Secretary Howard Lutnick said the long-anticipated India–US trade agreement lost momentum "
                "after Prime Minister Narendra Modi did not personally reach out to then US President Donald Trump.")
    people = frozenset({"lutnick", "modi", "trump"})
    for question in ("Who did not personally reach out to Trump?", "Who never reached out to Trump?"):
        assert short_answer(analyse(question), [sentence], people=people) == "Narendra Modi"
    # "Who did Lutnick blame ...?" still asks for the one acted on
    assert short_answer(analyse("Who did Lutnick blame for the lost momentum?"), [sentence], people=people) == \
        "Narendra Modi"


def test_a_counterpart_is_not_the_one_whose_counterpart_is_asked():
    sentence = ("The call was between Foreign Secretary Vikram Misri and U.S. Deputy Secretary of State Christopher "
                "Landau.")
    asked = analyse("What is the name of the Indian Foreign Secretary's US counterpart in the call?")
    assert short_answer(asked, [sentence]) == "Christopher Landau"
    assert short_answer(analyse("Who is the Indian Foreign Secretary?"), [sentence]) == "Vikram Misri"


def test_how_much_a_figure_grew_is_its_rise_first():
    sentence = "US goods exports to India were $41.8 billion, up 3.4 per cent ($1.4 billion) from 2023."
    assert short_answer(analyse("How much did US goods exports to India grow in 2024?"), [sentence]) == "3.4 per cent"
    assert short_answer(analyse("How much were US goods exports to India in 2024?"), [sentence]) == "$41.8 billion"


def test_things_asked_for_have_no_figure_for_a_short_answer():
    sentence = ("India's merchandise exports to the US went up by 11.38% to $59.04 billion, with a surge in exports "
                "of engineering goods, chemicals, and farm products.")
    # the things, not the figure
    assert short_answer(analyse("Which exports surged as India's exports to the US rose?"), [sentence]) == \
        "engineering goods, chemicals, and farm products"
    assert short_answer(analyse("What kind of tariff system kicked in on April 2?"),
                        ["Trump's reciprocal 25% tariffs system kicks into effect on April 2."]) is None
    assert short_answer(analyse("How much did India's exports to the US rise?"), [sentence]) == "11.38%"
    # things set aside, before the question or after it, are left out of the list
    assert short_answer(analyse("Besides chemicals and farm products, which exports to the US surged?"),
                        [sentence]) == "engineering goods"
    assert short_answer(analyse("Which exports surged besides chemicals?"), [sentence]) == \
        "engineering goods, farm products"
    # categories, industries, commodities are things too: no figure answers which they were
    assert short_answer(analyse("Which categories of Indian exports surged?"), [sentence]) == \
        "engineering goods, chemicals, and farm products"
    assert short_answer(analyse("Besides engineering goods, which categories drove India's export surge to the US?"),
                        [sentence]) is None


def test_how_much_a_figure_grew_in_dollars_is_the_amount_of_its_change():
    deficit = "US goods trade deficit with India was $45.7 billion in 2024, a 5.4 per cent increase ($2.4 billion)."
    assert short_answer(analyse("By how much did the US deficit with India grow in 2024, in dollars?"),
                        [deficit]) == "$2.4 billion"
    # the question's words belong to the level; its change is the one right after it
    assert short_answer(analyse("By how much in dollars did US goods imports from India grow in 2024?"),
                        [TRADE]) == "$3.7 billion"
    # a sentence that gives the level alone gives no change: the next cited one may
    level = "The U.S. reported a goods trade deficit of $45.7 billion with India in 2024, a 5.1% increase."
    assert short_answer(analyse("By how much did the US deficit with India grow in 2024, in dollars?"),
                        [level, deficit]) == "$2.4 billion"


@pytest.mark.parametrize("question,sentence,short", [
    ("Did India's exports to the US cross $100 billion in 2025?",
     "India's exports to the United States crossed the USD 100 billion mark in 2025.", "Yes"),
    ("Has Modi made eight calls to the US president in the last year?",
     "MEA even confirmed that Modi has made eight calls to the US president in the last year.", "Yes"),
    # a word of the question the sentence lacks: no "yes", and no "no" inferred either
    ("Did India's exports to the US cross $200 billion in 2025?",
     "India's exports to the United States crossed the USD 100 billion mark in 2025.", None),
    # a negation on either side
    ("Did India's exports to the US not cross $100 billion in 2025?",
     "India's exports to the United States crossed the USD 100 billion mark in 2025.", None),
    ("Did the deal close?", "The deal did not close.", None),
])
def test_a_yes_or_no_question_is_answered_yes_only_in_its_own_words(question, sentence, short):
    assert short_answer(analyse(question), [sentence]) == short


MEETING = ("New Delhi: Commerce and Industry Minister Piyush Goyal on Tuesday held discussions with US Commerce "
           "Secretary Howard Lutnick in Washington to expedite negotiations.")
CALL = ("US Deputy Secretary of State Christopher Landau and India’s Foreign Secretary Vikram Misri held phone talks "
        "and discussed ongoing defence cooperation.")


@pytest.mark.parametrize("question,sentence,short", [
    # the title before a name is the name's, though the name's own pattern takes it in
    ("Who is the US Commerce Secretary?", MEETING, "Howard Lutnick"),
    ("Who is India's Commerce and Industry Minister?", MEETING, "Piyush Goyal"),
    # asked whom someone acted on, the person the question describes is the doer, not the answer
    ("Whom did India's foreign secretary speak with by phone?", CALL, "Christopher Landau"),
    ("Which Indian official did the US deputy secretary of state speak with by phone?", CALL, "Vikram Misri"),
    ("Whom did the US Commerce Secretary meet?", MEETING, "Piyush Goyal"),
    # a person of the country asked, when some are titled by it, though the act's words stand by another
    ("Which US official described the deal as having lost momentum?", "US Commerce Secretary Howard Lutnick said "
     "the India–US trade agreement lost momentum after Prime Minister Narendra Modi did not reach out.",
     "Howard Lutnick"),
    # "X, who ...": the clause is about X
    ("Who expressed confidence in a favourable outcome?",
     "Sources cited assurances from US President Donald Trump, who recently expressed confidence in a favourable "
     "outcome and described Prime Minister Narendra Modi as a close partner.", "Donald Trump"),
])
def test_the_person_asked_for_is_the_one_the_question_describes_or_the_one_acted_on(question, sentence, short):
    assert short_answer(analyse(question), [sentence]) == short


@pytest.mark.parametrize("question,sentence,short", [
    # "Who is <office>?" asks who holds it, unlike "Who is <name>?"
    ("Who is India's Foreign Secretary?", CALL, "Vikram Misri"),
    # a role asked after several words ("Which former ... professor"), and a president is a person
    ("Which former Indian Institute of Foreign Trade professor is quoted?",
     "Former Indian Institute of Foreign Trade professor Biswajit Dhar said India’s position is driven by need.",
     "Biswajit Dhar"),
    # the role asked decides, though the act's words stand by the one acted on
    ("Which US president did Modi not personally reach out to?",
     "Speaking on the All-In Podcast, US Commerce Secretary Howard Lutnick said the agreement lost momentum after "
     "Prime Minister Narendra Modi did not personally reach out to then US President Donald Trump.", "Donald Trump"),
])
def test_the_office_or_role_asked_for_names_its_holder(question, sentence, short):
    assert short_answer(analyse(question), [sentence]) == short


@pytest.mark.parametrize("question,sentence,short", [
    ("How long is the tariff pause window the officials want to use?",
     "Officials aim to take advantage of the 90-day tariff pause window to advance the talks.", "90-day"),
    ("How long has engagement built strategic investment?",
     "Sustained engagement over the past two decades has created enough strategic investment.", "two decades"),
    # a preposition before "how long" asks the same
    ("Over how long has engagement built up strategic investment, according to Chakravarty?",
     "As Chakravarty observed, sustained engagement over the past two decades has created enough strategic "
     "investment.", "two decades"),
    # no span of time: none, not the tariff's rate
    ("How long will the 10 per cent baseline tariff stay?",
     "However, the 10 per cent baseline tariff imposed on the countries will continue to remain in place.", None),
])
def test_how_long_is_answered_by_a_span_of_time(question, sentence, short):
    assert short_answer(analyse(question), [sentence]) == short


@pytest.mark.parametrize("question,sentence,short", [
    ("What is the name of the US-led grouping for chip supply chains that India was invited to join?",
     "Momentum has been strengthened by Washington’s invitation to India to join the US led “Pax Silica” initiative, "
     "a strategic framework aimed at securing global supply chains.", "Pax Silica"),
    # the countries before a name say whose it is
    ("Which initiative, launched in February 2025, includes the BTA negotiations?",
     "The BTA negotiations are part of the broader U.S.-India COMPACT initiative launched in February 2025.",
     "COMPACT"),
    ("Which podcast did the US commerce secretary speak on?",
     "Speaking on the All-In Podcast on January 8, 2026, US Commerce Secretary Howard Lutnick said it.", "All-In"),
    ("What visions do the two nations' shared ambitions reflect?",
     'Both aim to boost resilience, reflecting ambitions articulated in their "Amrit Kaal" and "Golden Age" visions.',
     '"Amrit Kaal" and "Golden Age"'),
    # the question's own name asks something else of it
    ("What is the Pax Silica initiative aimed at?",
     "India was invited to join the US led “Pax Silica” initiative, a framework aimed at securing supply chains.",
     None),
])
def test_a_thing_known_by_a_name_is_answered_by_its_name(question, sentence, short):
    assert short_answer(analyse(question), [sentence]) == short


PACTS = ("Although Modi later agreed to make the call, he said it came too late, with the US having moved on to "
         "sealing trade pacts with Indonesia, the Philippines and Vietnam, pushing India out of that round.")
BILL = ("Uncertainties loom further over India as President Donald Trump gave a heads up for a bill that aims to "
        "impose 500% tariffs on countries trading with Russia.")


@pytest.mark.parametrize("question,sentence,short", [
    # "where": the place the sentence puts it in, not the countries it is about
    ("Where were the April 23-25 trade talks held?", "India and the United States are advancing negotiations, "
     "with recent talks held in Washington from April 23-25.", "Washington"),
    ("Where was Goyal in March for trade talks?", "Goyal was in Washington in March also for the trade talks.",
     "Washington"),
    # "which country": the one the question does not name
    ("Which country is named in the frictions between India and the United States?",
     "Despite strains including diplomatic frictions involving Pakistan, India and the United States talk.",
     "Pakistan"),
    ("Which country's oil is India one of the highest importers of?",
     "And India being one of the highest importers of Russian oil, exporters fear another round of tariff.", "Russian"),
    # "which countries": the one list that holds them all
    ("Which countries did the US seal trade pacts with before India?", PACTS, "Indonesia, the Philippines and Vietnam"),
    ("Which nations sealed pacts with Washington ahead of India?", PACTS, "Indonesia, the Philippines and Vietnam"),
    # a country outside the list leaves it open
    ("Which countries had the US moved on to sealing trade pacts with?", PACTS, None),
    # "countries trading with Russia" are not Russia, and a lone India is not "which countries"
    ("Which countries would the bill impose 500% tariffs on?", BILL, None),
    # of several countries, none is "which country" without more
    ("Which country was left out of that round of agreements?", PACTS, None),
])
def test_the_place_asked_for(question, sentence, short):
    assert short_answer(analyse(question), [sentence]) == short


def test_a_part_asks_in_its_own_words_not_in_those_of_the_part_it_leans_on():
    deported = "From 2009 to 2024, a total of 15,564 Indian nationals have been deported by the US through flights."
    parts = analyse("How many Indian nationals were deported from 2009 to 2024, and how were they flown?").parts
    assert short_answer(parts[0], [deported]) == "15,564"
    assert short_answer(parts[1], [deported]) is None  # had "15,564": the count asked by the part before


def test_a_value_the_question_offers_to_choose_from_may_answer_it():
    met = "Commerce and Industry Minister Piyush Goyal on Tuesday held discussions with Howard Lutnick."
    assert short_answer(analyse("Was Goyal's meeting with Lutnick on Monday or Tuesday?"), [met]) == "Tuesday"
    # a day the question names and does not offer is still no answer to it
    assert short_answer(analyse("When did Goyal hold discussions with Lutnick on Tuesday?"), [met]) is None


def test_a_place_is_not_taken_from_a_sentence_quoted_after_that_tells_only_of_the_one_asked_of():
    posted = ('"Good discussions with Secretary @HowardLutnick," Goyal said in a post on X.',
              "Goyal was in Washington in March also for the trade talks.")
    assert short_answer(analyse("Where did Goyal post his comment?"), list(posted)) is None
    assert short_answer(analyse("Where was Goyal for the trade talks in March?"), list(posted)) == "Washington"


THANKS = ("Landau also thanked the Foreign Secretary Misri for India’s “assistance addressing illegal immigration to "
          "the US and asked the Indian government for continued cooperation on this issue,” Bruce said in the readout.")


@pytest.mark.parametrize("question,sentence,short", [
    # the article names them in full elsewhere: a surname alone names the person
    ("Which US official thanked Misri for India's help?", THANKS, "Landau"),
    # the one who did the act, not the one it was done to, whom the question's words stand by too
    ("Which US official thanked India for help on immigration?", THANKS, "Landau"),
    ("Which American official said Washington saw the call as critical?",
     "According to Lutnick, Washington saw the call as critical to finalising negotiations.", "Lutnick"),
    ("Which minister was in Washington in March?", "Goyal was in Washington in March also for the trade talks.",
     "Goyal"),
    # a surname alone is the sentence's doer, not the one "whom did he meet?" asks for
    ("Whom did the minister meet in Washington?", "Goyal is in Washington for a ministerial-level meeting.", None),
    # "the Trump administration" is a body, not the person
    ("Who sent back the first load of migrants?",
     "The first load of illegal migrants sent back by the Trump administration arrived in February.", None),
])
def test_a_surname_the_article_gives_in_full_names_the_person_alone(question, sentence, short):
    surnames = frozenset({"landau", "misri", "bruce", "lutnick", "goyal", "trump"})
    assert short_answer(analyse(question), [sentence], people=surnames) == short
    assert short_answer(analyse(question), [sentence]) is None  # unknown surnames name no one


@pytest.mark.parametrize("question,sentence", [
    ("Which office is described as the top trade negotiator for the US?",
     "US goods trade deficit with India was $45.7 billion in 2024, according to the office of the US Trade "
     "Representative the top trade negotiator for the US."),
    ("According to whose data did India's exports to the US reach $59.04 billion?",
     "India's merchandise exports to the US went up by 11.38% to $59.04 billion, according to the data of the "
     "Commerce Ministry."),
    ("What did India and the US do days before the reciprocal tariffs kicked in on April 2?",
     "India and the US, on Friday discussed trade days ahead of President Donald Trump's reciprocal 25% tariffs "
     "system kicks into effect on April 2."),
])
def test_a_question_naming_a_figures_words_but_asking_no_figure_has_no_figure_for_a_short_answer(question, sentence):
    assert short_answer(analyse(question), [sentence]) is None


def test_a_date_asked_within_a_month_is_a_date():
    query = analyse("On which July date does the pause on the extra tariffs for India end?")
    assert query.answer_type == "date"
    assert short_answer(query, ["The US has suspended the additional 26 per cent tariffs on India till July 9."]) \
        == "July 9"


BTA_ROUND = ("India and the United States are advancing negotiations on a multi-sector Bilateral Trade Agreement "
             "(BTA), with recent talks held in Washington from April 23-25 focusing on concluding the first phase by "
             "Fall 2025 (September-November).")


@pytest.mark.parametrize("question,short", [
    # the act asked owns the date after it: the concluding is by Fall 2025, though April 23-25 stands nearer
    ("When will the first tranche be concluded?", "Fall 2025"),
    ("When were the recent talks in Washington held?", "April 23-25"),
])
def test_the_date_of_the_act_asked_is_the_one_after_its_word(question, short):
    rarity = {"conclud": 3.0, "held": 2.0}  # the act's word is rarer than "first" in a news collection
    assert short_answer(analyse(question), [BTA_ROUND], idf=lambda term: rarity.get(term, 1.0)) == short


@pytest.mark.parametrize("question,sentences,short", [
    ("How large was the increase in the US goods trade deficit with India in 2024 in dollars?",
     ["US goods trade deficit with India was $45.7 billion in 2024, a 5.4 per cent increase ($2.4 billion)."],
     "$2.4 billion"),
    ("What is the latest figure for the rise in India's exports to the US from April to November?",
     ["India's merchandise exports to the US went up by 11.38% to $59.04 billion from April–November FY26."],
     "11.38%"),
    ("How much more did America import from India in 2024 than the year before, in dollars?", [TRADE],
     "$3.7 billion"),
    ("By how many dollars did American shipments to India go up in 2024 compared with 2023?", [TRADE],
     "$1.4 billion"),
    ("How much bigger was the US deficit with India in 2024 than in 2023?",
     ["US goods trade deficit with India was $45.7 billion in 2024, a 5.4 per cent increase ($2.4 billion)."],
     "5.4 per cent"),
])
def test_a_change_asked_in_other_words_is_the_change(question, sentences, short):
    assert short_answer(analyse(question), sentences) == short


def test_a_change_between_listed_periods_is_no_level_of_either():
    listed = ("With America, India had a trade surplus of USD 41.18 billion in goods in 2024-25. It was "
              "USD 35.32 billion in 2023-24, USD 27.7 billion in 2022-23.")
    asked = analyse("How much did India's surplus with the US change between 2022-23 and 2023-24?")
    assert short_answer(asked, [listed]) is None
    assert short_answer(analyse("How big was India's surplus with the US in 2023-24?"), [listed]) == "USD 35.32 billion"


@pytest.mark.parametrize("question", [
    "How much more did America buy from India than it sold there in 2024?",
    "How much larger were US imports from India than US exports to India in 2024?",
])
def test_a_difference_of_two_figures_is_neither_figure(question):
    # the sentence gives both figures, not their difference
    assert short_answer(analyse(question), [TRADE]) is None


def test_of_several_values_none_of_the_questions_words_belongs_to_none_is_guessed():
    two = "It was $41.8 billion, against $87.4 billion."
    one = "It was $41.8 billion."
    assert short_answer(analyse("How much was traded?"), [two]) is None
    assert short_answer(analyse("How much was traded?"), [one]) == "$41.8 billion"


def test_the_words_of_the_person_asked_for_do_not_make_that_person_the_doer():
    # "US official" describes the answer; "India's commerce minister" the one who held the discussions
    question = analyse("Which US official did India's commerce minister hold discussions with on Tuesday?")
    assert short_answer(question, [MEETING]) == "Howard Lutnick"


def test_a_month_asked_for_is_a_month_named_alone():
    sentence = "Also on a year-on-year basis, shipments to the US rose more than 22% in November."
    assert short_answer(analyse("In which month did shipments to the US rise more than 22%?"), [sentence]) == "November"


def test_how_many_asks_a_count_before_the_figures_a_word_of_trade_would_ask():
    sentence = ("The US remained India's largest trading partner for the fourth consecutive year in 2024-25, with "
                "bilateral trade valued at USD 131.84 billion.")
    asked = analyse("For how many years in a row has America been India's biggest trade partner?")
    assert short_answer(asked, [sentence]) == "fourth"
    assert short_answer(analyse("How many billion dollars was bilateral trade worth in 2024-25?"), [sentence]) \
        == "USD 131.84 billion"


def test_a_tally_asks_for_a_count():
    asked = analyse("What is the latest tally the MEA gave of Modi's calls to the US president?")
    assert short_answer(asked, ["MEA even confirmed that Modi has made eight calls to the US president in the "
                                "last year."]) == "eight"


_BOTH_SEEK = ("The U.S. seeks lower tariffs on industrial goods, wines, while India aims for duty cuts on "
              "labour-intensive exports such as textiles, apparel, leather, gems, and seafood.")


@pytest.mark.parametrize("question,sentence,things", [
    # a list opened after the kind asked, to where the sentence goes on
    ("Which sectors has the US asked India to open up?", "The US has been asking India to open up a couple of "
     "sensitive sectors – agriculture and dairy - as part of the bilateral trade agreement.", "agriculture and dairy"),
    ("Which exports surged in FY26?", "Exports went up by 11.38%, with a surge in exports of engineering goods, "
     "chemicals, and farm products, according to the data.", "engineering goods, chemicals, and farm products"),
    # the list its first item opens; "etc" ends it; words in brackets stay with their item
    ("Which Indian exports did the 50% tariff hit?", "The US imposed 50% on several Indian exports including sectors "
     "like textiles, leather, apparels, carpets etc as a penalty.", "textiles, leather, apparels, carpets"),
    ("Which sectors does the US want duty concessions in?", "The US wants duty concessions in sectors like "
     "automobiles (electric vehicles in particular), wines, and tree nuts.",
     "automobiles (electric vehicles in particular), wines, and tree nuts"),
    # another country's list, a list of another kind, one item, or things the question sets aside: none
    ("Which exports does the US want duty cuts on?", _BOTH_SEEK, None),
    ("Which exports does India want duty cuts on?", _BOTH_SEEK, "textiles, apparel, leather, gems, and seafood"),
    ("Which sectors face the tariff?", "Talks covered issues such as market access and rules of origin.", None),
    ("Which sectors face the tariff?", "The tariff hits sectors like textiles in the south.", None),
    # the things set aside are left out of the list
    ("Which sectors besides textiles face the tariff?", "The tariff hits sectors like textiles, leather and gems.",
     "leather, gems"),
    ("Which sectors besides textiles face the tariff?", "The tariff hits sectors like textiles and apparel in the "
     "south.", "apparel"),
])
def test_which_things_are_answered_by_the_list_of_them(question, sentence, things):
    assert short_answer(analyse(question), [sentence]) == things


_MARK = ("Despite tariff uncertainty, India’s exports to the United States crossed the USD 100 billion mark in 2025, "
         "up significantly from the previous year.")


_SAID_ON = ("“The US has been carrying out deportation operations for several years now,” the Ministry of External "
            "Affairs said in response to a parliamentary query on March 17.")
_GOAL = ("This aligns with the \"Mission 500\" goal announced during Prime Minister Modi’s visit to Washington in "
         "February 2025, targeting $500 billion in bilateral trade by 2030.")


@pytest.mark.parametrize("question,sentence,short", [
    # "since when" is a start or a span, not the day the words were said
    ("Since when has the US been carrying out deportation operations?", _SAID_ON, None),
    ("Since when have Indian nationals been deported by the US?",
     "From 2009 to 2024, a total of 15,564 Indian nationals have been deported by the US.", "2009"),
    # "over which years" is the stretch, not its first year
    ("The 15,564 deportations happened over which years?",
     "From 2009 to 2024, a total of 15,564 Indian nationals have been deported by the US.", "2009 to 2024"),
    # and so is "when", not the stretch's last year
    ("When did the US deport 15,564 Indians?",
     "From 2009 to 2024, a total of 15,564 Indian nationals have been deported by the US.", "2009 to 2024"),
    # "by which year" is the date a goal is to be met by, not the day it was set; else the date there is
    ("By which year does Mission 500 aim for $500 billion in trade?", _GOAL, "2030"),
    ("By when is the Mission 500 goal to be met?", _GOAL, "2030"),
    ("What is the deadline for the Mission 500 goal?", _GOAL, "2030"),
    ("When was the Mission 500 goal announced?", _GOAL, "February 2025"),
    ("By when will expert talks be held in person?",
     "Sectoral expert-level talks will move to in-person engagements in late May 2025.", "late May 2025"),
    # a mark passed is an amount
    ("What mark did India's sales to the US pass in 2025?", _MARK, "USD 100 billion"),
    # a level asked of one flow is that flow's (India's imports from the US are US exports to India), not
    # the other way's, nor the rise in brackets after a change in per cent
    ("What were India's goods imports from the US in 2024?", TRADE, "$41.8 billion"),
    ("What were US goods imports from India in 2024?", TRADE, "$87.4 billion"),
    # a topic discussed is no figure, nor is a difference the sentence does not give
    ("What did India and the US discuss days before the tariffs took effect?",
     "India and the US, on Friday discussed trade days ahead of Trump's reciprocal 25% tariffs system kicks into "
     "effect.", None),
    ("What was the difference between US imports from India and US exports to India in 2024?", TRADE, None),
    # a cause asked for is the figure that drove it, not the figure driven
    ("What drove India's trade surplus with the US in FY2024-25?", "India recorded a $41.18 billion trade surplus "
     "with the U.S. in FY2024-25, driven by $86.51 billion in exports.", "$86.51 billion"),
    # a trade deal is no amount; "how much of" asks for a portion
    ("What is the current state of the India-US trade deal?", _MARK, None),
    ("How much of India's total goods exports does the US take?",
     "The US accounts for about 18 per cent of India's total goods exports, worth $87.4 billion.", "18 per cent"),
])
def test_the_date_amount_or_share_a_question_asks_for(question, sentence, short):
    assert short_answer(analyse(question), [sentence]) == short


PODCAST = ("Speaking on the All-In Podcast on January 8, 2026, US Commerce Secretary Howard Lutnick said the "
           "long-anticipated India–US trade agreement lost momentum after Prime Minister Narendra Modi did not "
           "personally reach out to then US President Donald Trump to close the deal.")


@pytest.mark.parametrize("question,short", [
    # the speaker is the one "said" follows, not the name nearest the words said
    ("Who said the deal lost momentum?", "Howard Lutnick"),
    # a named thing is no one: "All-In Podcast" holds no "In Podcast"
    ("Who did Lutnick say failed to reach out to Trump?", "Narendra Modi"),
])
def test_the_person_asked_for(question, short):
    assert short_answer(analyse(question), [PODCAST]) == short


def test_the_manner_of_a_reply_has_no_short_answer():
    sentences = ["The MEA responded on Monday saying that they are fully aware of the proposal.",
                 "Trump gave a heads up for a bill that aims to impose 500% tariffs."]
    assert short_answer(analyse("How did the MEA respond to the tariff bill?"), sentences) is None


def test_a_sentence_s_first_word_is_no_part_of_a_name():
    said = ("As Chakravarty observed, sustained engagement over the past two decades has created enough strategic "
            "investment on both sides.")
    # (the article names Pinak R Chakravarty in full elsewhere)
    assert short_answer(analyse("Who observed that sustained engagement created strategic investment?"), [said],
                        people=frozenset({"chakravarty"})) == "Chakravarty"
    sealed = ("Although Modi later agreed to make the call, he said it came too late, with the US having moved on to "
              "sealing trade pacts with Indonesia, the Philippines and Vietnam.")
    assert short_answer(analyse("Who did the US seal trade pacts with?"), [sealed]) is None  # no "Although Modi"


def test_the_one_a_named_doer_acted_on_is_the_one_the_question_s_words_describe():
    said = ("US Commerce Secretary Howard Lutnick said the trade agreement lost momentum after Prime Minister Narendra "
            "Modi did not personally reach out to then US President Donald Trump to close the deal.")
    assert short_answer(analyse("Who did Lutnick blame for the deal losing momentum?"), [said]) == "Narendra Modi"
