"""Hard constraints: which countries, names and periods a question is about, and which sentences meet them."""

import pytest

from rag.aspects import balance_in, deadlines_in, figure_choices_in, flows_in, stages_in, target_years_in, turns
from rag.constraints import (
    ArticleContext,
    Constraints,
    Period,
    as_asked,
    day_choices_in,
    effect_days,
    initialisms,
    names_in,
    one_sided_flows,
    periods_in,
    said_instead,
    surnames,
    with_titles,
)
from rag.countries import countries_in

ARTICLE = ArticleContext.of("India, US discuss trade", "India and the US talked. Vietnam signed a pact.", "2025-03-28")


@pytest.mark.parametrize("text,codes", [
    ("the US trade deficit with Canada", {"US", "CA"}),
    ("India's surplus with America", {"IN", "US"}),
    ("U.S. officials in New Delhi", {"US", "IN"}),
    ("Pakistani nationals and Britain's trade secretary", {"PK", "GB"}),
    ("tariffs on Brazilian textiles; Viet Nam", {"BR", "VN"}),
    ("let us talk about trade", set()),  # "us" is not the US
])
def test_countries(text, codes):
    assert countries_in(text) == codes


@pytest.mark.parametrize("text,names", [
    ("Who did Piyush Goyal meet in Washington?", {"piyush", "goyal"}),
    ("Which technology club is New Delhi joining?", set()),
    ("Who is the US Commerce Secretary?", set()),
    ("Who spoke on the All-In Podcast in FY25?", {"all"}),
    ("What is the Pax Silica initiative?", {"pax", "silica"}),
])
def test_names(text, names):
    assert names_in(text) == names


@pytest.mark.parametrize("text,own,base", [
    ("$45.7 billion in 2024, a 5.4 per cent increase over 2023", {Period(2024)}, {Period(2023)}),
    ("up 3.4 per cent from 2023 and $87.4 billion in 2024", {Period(2024)}, {Period(2023)}),
    ("From 2009 to 2024, a total of 15,564", {Period(2009), Period(2024)}, set()),
    ("USD 35.32 billion in 2023-24, USD 27.7 billion in 2022-23", {Period(2023, True), Period(2022, True)}, set()),
    ("a surplus in FY2024-25", {Period(2024, True)}, set()),
    ("from April–November FY26", {Period(2025, True)}, set()),
    ("talks continue until May 22", set(), set()),
    ("Was the deficit in 2024 smaller than in 2023?", {Period(2024)}, {Period(2023)}),
])
def test_periods(text, own, base):
    assert periods_in(text) == (own, base)


def test_period_labels():
    assert str(Period(2024, fiscal=True)) == "2024-25" and str(Period(2024)) == "2024"


@pytest.mark.parametrize("question,sentence,unmet", [
    ("What was the US deficit with India in 2024?", "The US deficit with India was $45.7 billion in 2024.", []),
    ("What was the US deficit with Canada in 2024?", "The US deficit with India was $45.7 billion in 2024.",
     ["country CA"]),
    # Vietnam is in the article, but not in the sentence, and the article is not about it
    ("What did Vietnam say?", "India and the US talked.", ["country VN"]),
    ("What was India's surplus in 2018-19?", "India's surplus was $41.18 billion in 2024-25.", ["period 2018-19"]),
    ("What was the increase in 2023?", "It rose 5.4 per cent in 2024 over 2023.", ["period 2023"]),
    ("By how much did it rise over 2023?", "It rose 5.4 per cent in 2024 over 2023.", []),
    # a sentence with no period speaks for its article's year
    ("What tariff applied in 2019?", "A 10 per cent baseline tariff remains.", ["period 2019"]),
    ("What tariff applied in 2025?", "A 10 per cent baseline tariff remains.", []),
    # a figure for a range of years is no figure for one of them; asked for the range, it is
    ("How many were deported in 2024?", "From 2009 to 2024, a total of 15,564 were deported.", ["period 2024"]),
    ("How many were deported from 2009 to 2024?", "From 2009 to 2024, a total of 15,564 were deported.", []),
    ("What did Gina Raimondo say?", "India and the US talked.", ["name gina", "name raimondo"]),
    # another country's office, or another office, is not the one asked about
    ("Who is India's Commerce Secretary?", "Goyal met US Commerce Secretary Howard Lutnick.",
     ["name India's Commerce Secretary"]),
    ("Who is the US Secretary of State?", "US Deputy Secretary of State Christopher Landau spoke.",
     ["name US Secretary of State"]),
    ("Who is India's Foreign Secretary?", "Landau thanked the Foreign Secretary Misri.", []),
    ("Who is India's Foreign Secretary?", "India’s Foreign Secretary Vikram Misri spoke.", []),
    # asked who holds an office, the sentence must name it, and not as another office of that rank
    ("Who is the Indian Commerce Secretary?", "Landau thanked the Foreign Secretary Misri.",
     ["name Indian Commerce Secretary"]),
    ("Who was the US Trade Representative in 2025?", "Prime Minister Modi visited Washington in February 2025.",
     ["name US Trade Representative"]),
    ("Who is India's Commerce Minister?", "Commerce and Industry Minister Piyush Goyal held talks.", []),
    # an office written in lower case, and asked for by name
    ("Who is India's ambassador to the US?", "Landau thanked the Foreign Secretary Misri.",
     ["name India's ambassador"]),
    ("Who is India's ambassador to the US?", "India's Ambassador Vinay Kwatra met Landau.", []),
    ("What is the name of the US chief negotiator?", "Chief negotiators of the two countries will meet.",
     ["name US chief negotiator"]),
    ("Who is the US Deputy Secretary of Commerce?", "US Deputy Secretary of State Christopher Landau spoke.",
     ["name US Deputy Secretary of Commerce"]),
    # undoing or sparing a levy is another act than imposing it
    ("Which Indian sectors did the US exempt from the 50% tariff?", "The US imposed 50% on textiles and leather.",
     ["act undoing"]),
    ("Which Indian sectors did the US exempt from the 50% tariff?", "Pharmaceuticals were exempted from the 50% "
     "tariff.", []),
    # a deal asked of as done is told as done, not as hoped for
    ("When did India and the US sign the trade agreement?", "Talks in Washington focused on concluding the first "
     "phase by Fall 2025.", ["act a deal concluded"]),
    ("Who brokered the final India-US trade agreement?", "Lutnick said the trade agreement lost momentum.",
     ["act a deal concluded"]),
    ("When was the interim trade arrangement signed?", "Both sides explored an interim arrangement ahead of "
     "finalising the first phase.", ["act a deal concluded"]),
    ("Which countries did the US seal trade pacts with?", "The US moved on to sealing trade pacts with Indonesia.",
     []),
    ("When were the terms of reference signed?", "The terms of reference have been finalised by India and the "
     "US.", []),
    ("Who will sign the trade agreement for India?", "Both sides aim to conclude the first phase by fall.", []),
    ("What did diplomatic sources call the invitation a sign of?", "Sources called it a sign of trust.", []),
    ("When were the talks held, and by when should the first phase conclude?", "The talks were held on April "
     "23-25, focusing on concluding the first phase by Fall 2025.", []),
    # people removed are deported: no levy is undone
    ("When did the first plane carrying Indians removed by the Trump administration land?", "The first load of "
     "illegal migrants from India sent back by the Trump administration arrived in February 2025.", []),
    # who did it: the other person of the question doing it is not the one asked
    ("How many times did Trump call Modi?", "Modi has made eight calls to the US president.", ["name trump"]),
    ("How many times did Modi call the US president?", "Modi has made eight calls to the US president.", []),
    # both named, but the other one did it
    ("What did Misri thank Landau for?", "Landau also thanked the Foreign Secretary Misri for his help.",
     ["agent misri"]),
    ("What did Landau thank Misri for?", "Landau also thanked the Foreign Secretary Misri for his help.", []),
    # whose it is: India's largest trading partner is not the US's, Indian nationals not US ones
    ("Which country did India replace as the US's largest trading partner?",
     "The US remained India's largest trading partner.", ["owner US's partner"]),
    ("How many US nationals were deported by India?", "15,564 Indian nationals were deported by the US.",
     ["owner US's nationals"]),
    ("What percentage of US exports go to India?", "The US takes 18 per cent of India's total goods exports.",
     ["owner US's exports"]),
    # which way goods flow: India's exports to the US are not US exports to India
    ("What is the latest figure for US goods exports to India?", "India's exports to the United States crossed "
     "USD 100 billion.", ["flow US to IN"]),
    ("What were India's goods imports from the US in 2024?", "US goods exports to India were $41.8 billion in 2024.",
     []),
    # a month asked about must be the sentence's; a day of the month is an event's date, not a period
    ("By how much did shipments rise in October?", "Shipments rose 22% in November.", ["month October"]),
    ("What were exports from April to November?", "Exports rose from April–November FY26.", []),
    ("What was announced on April 2?", "The tariffs kick in on Wednesday.", []),
    # the goods a tariff is asked on must be the sentence's
    ("What tariff does the US impose on Indian dairy products?",
     "The US imposed 50% on several Indian exports including textiles, leather and carpets.", ["goods dairi"]),
    ("What tariff does the US impose on Indian leather goods these days?",
     "The US imposed 50% on several Indian exports including textiles, leather and carpets.", []),
    ("What tariff would the bill impose on countries trading with Russia?",
     "A bill aims at 500% tariffs on Russia's buyers.", []),
    ("Till when are the tariffs on India suspended?", "Tariffs on Indian exports are paused until July 8.", []),
    # a levy on a country: what follows its name is no goods ("on India end?")
    ("On which date do the tariffs on India end?", "Tariffs on Indian exports are paused until July 8.", []),
    # a figure the question names is the sentence's or the one before's
    ("Which countries would the bill hit with 400% tariffs?", "A bill aims to impose 500% tariffs.", ["figure 400%"]),
    ("What did India say about the 500 per cent tariffs?", "A bill aims to impose 500% tariffs on India.", []),
    # a rank is part of what is asked
    ("Which is India's second largest trading partner?", "The US remained India's largest trading partner.",
     ["rank second"]),
    # the largest after a country is the second largest; after a day it is a time
    ("What is India's largest trading partner after the US?", "The US remained India's largest trading partner.",
     ["rank second"]),
    ("Which is China's largest market after the US?", "China's largest market after the US is the EU.", []),
    ("What was the biggest tariff after April 2?", "The biggest tariff after April 2 was 50%.", []),
    # a goods figure does not answer for services; a sentence naming neither may
    ("What share of India's services exports goes to the US?", "The US takes 18 per cent of India's goods exports.",
     ["trade services"]),
    ("What share of India's goods exports goes to the US?", "The US takes 18 per cent of India's exports.", []),
    # part of a year is not the whole year
    ("What was the US deficit with India in the first half of 2024?", "The US deficit with India was $45.7 billion "
     "in 2024.", ["part first half"]),
    # a figure asked to have fallen is not one that rose, nor one that did not move
    ("How much did India's exports to the US fall?", "India's exports crossed USD 100 billion, up significantly.",
     ["trend fall"]),
    ("How much did India's exports to the US fall?", "The US takes 18 per cent of India's exports.", ["trend fall"]),
    ("By how much did US imports from India rise?", "US imports from India rose 4.5 per cent.", []),
    # which way the figure itself moved decides, not another word of the sentence
    ("By how much did the US deficit with India narrow in 2024?", "The US deficit with India was $45.7 billion in "
     "2024, a 5.1% increase, and the BTA is a tool to narrow this gap.", ["trend fall"]),
    # who imposed a levy on whom
    ("Why did India impose 50% tariffs on American goods?", "The US imposed 50% on several Indian exports.",
     ["imposition IN's levy on US"]),
    ("Why did the US impose 50% tariffs on Russia?", "The US imposed 50% on several Indian exports over Russian oil.",
     ["imposition US's levy on RU"]),
    ("What tariff does the US impose on Indian textiles?", "The US imposed 50% on Indian exports like textiles.", []),
    # whom a claim is asked according to: the sentence, or the one before, names them
    ("What was the US deficit with India according to India's Commerce Ministry?",
     "The US deficit with India was $45.7 billion, according to the office of the US Trade Representative.",
     ["source commerc ministri"]),
    ("Which countries did the US close deals with, according to Lutnick?",
     "He said the US moved on to pacts with Indonesia and Vietnam.", []),  # "According to Lutnick, ..." before
    # any act asked of a country: it does something in the sentence, not merely named; "Has India been
    # invited ...?" asks nothing India does
    ("What does the MEA say the US has been doing for several years?", "MEA even confirmed that Modi has made "
     "eight calls to the US president in the last year.", ["country US doing it"]),
    ("What does the MEA say the US has been doing for several years?", "“The US has been carrying out deportation "
     "operations for several years now,” the Ministry of External Affairs said.", []),
    ("Has India been invited to join Pax Silica?", "Washington invited India to join the Pax Silica initiative.", []),
    # an act asked as done: asked for is not done, and "already" asks of the act itself
    ("Which two sectors has India already opened to US farm goods?", "The US has been asking India to open up a "
     "couple of sensitive sectors – agriculture and dairy.", ["country IN doing it"]),
    ("Which two sectors has India already opened to US farm goods?", "India is seeking duty concessions for US "
     "farm goods in sectors like textiles and gems.", ["answer open"]),
    # asked as they are now: a post held before is not theirs now
    ("Where does Biswajit Dhar teach now?", "Former Indian Institute of Foreign Trade professor Biswajit Dhar said "
     "unrestricted access would be difficult to justify.", ["now biswajit dhar"]),
    ("Where does Biswajit Dhar teach?", "Former Indian Institute of Foreign Trade professor Biswajit Dhar said "
     "unrestricted access would be difficult to justify.", []),
    # the question's words split evenly between two doers' clauses: the clause of the doer asked decides,
    # and the words in the other clause are the other doer's
    ("Which Indian farm goods does India want lower US duties on?", "The U.S. seeks lower tariffs on industrial "
     "goods and agricultural products like apples, while India aims for duty cuts on textiles and seafood.",
     ["country IN doing it"]),
    # an office-holder acting before the act, titled for no country or another, while the country asked is only
    # spoken of ("over India"): the country does not do it
    ("What tariff did India impose in return?", "Uncertainties loom further over India as President Donald Trump "
     "gave a heads up for a bill that aims to impose 500% tariffs on countries trading with Russia.",
     ["country IN doing it"]),
    ("What outcome did the US recently express confidence in?", "Sources said talks were progressing following "
     "assurances from US President Donald Trump, who recently expressed confidence in a favourable outcome.", []),
    # an office of another rank: the words of an office are those of its own title, not of the one beside it
    ("Who is the Indian Deputy Foreign Secretary?", "They spoke in a March 29 call between Foreign Secretary Vikram "
     "Misri and U.S. Deputy Secretary of State Christopher Landau.", ["name Indian Deputy Foreign Secretary"]),
    ("Which deputy secretary of commerce met Goyal?", "Minister Piyush Goyal held discussions with US Commerce "
     "Secretary Howard Lutnick in Washington.", ["name deputy secretary of commerce"]),
    ("Who is the Indian Commerce Minister?", "Commerce and Industry Minister Piyush Goyal of India held talks.", []),
    # a verb joined on with "and" is done by the one who leads the sentence, not by the name nearest it
    ("Whom did Misri ask for continued cooperation on illegal immigration?", "Landau also thanked the Foreign "
     "Secretary Misri for India’s assistance and asked the Indian government for continued cooperation.",
     ["agent misri"]),
    ("Whom did Landau ask for continued cooperation on illegal immigration?", "Landau also thanked the Foreign "
     "Secretary Misri for India’s assistance and asked the Indian government for continued cooperation.", []),
    # who held an office before the one named: a sentence naming only the one named does not say
    ("Who was the Indian Foreign Secretary before Misri?", "Landau also thanked the Foreign Secretary Misri for "
     "India’s assistance.", ["succession before Misri"]),
    ("Who was the Indian Foreign Secretary before Misri?", "India’s Foreign Secretary Misri succeeded Vinay Kwatra.",
     []),
    # whose readout or statement is asked is its source too, named by its head ("foreign" alone is in
    # "Foreign Secretary Misri")
    ("What was the Indian foreign ministry's readout of the call?", "Landau also thanked the Foreign Secretary "
     "Misri for India’s assistance on illegal immigration, Bruce said in the readout.", ["source ministri"]),
    ("What was the US State Department spokesperson's readout of the call?", "Tammy Bruce, spokesperson for the US "
     "State Department, in a readout of the phone call said they discussed trade.", []),
    # another organisation of the same kind
    ("Who is the spokesperson for the US Commerce Department?", "Tammy Bruce, spokesperson for the US State "
     "Department, said so.", ["organisation commerce department"]),
    ("Who is the spokesperson for the US State Department?", "Tammy Bruce, spokesperson for the US State "
     "Department, said so.", []),
    # a ministry and a department are one kind of body: India's Ministry of Defence is not its Department of
    # Commerce, which its Commerce Ministry is
    ("What did the talks led by India's Ministry of Defence cover?", "The discussions, led by India’s Department "
     "of Commerce, covered tariff reductions and defence purchases.", ["organisation defence ministry"]),
    ("What did the talks led by India's Commerce Ministry cover?", "The discussions, led by India’s Department "
     "of Commerce, covered tariff reductions.", []),
    # or of another country
    ("Who heads the US Department of Commerce?", "The talks were led by India’s Department of Commerce.",
     ["organisation commerce department"]),
    ("Who heads India's Department of Commerce?", "The talks were led by India’s Department of Commerce.", []),
    ("Who heads the US Department of Commerce?", "The talks were led by the Department of Commerce.", []),
    # a span counted back must be the one asked
    ("How many calls has Modi made over the last five years?", "Modi has made eight calls in the last year.",
     ["lookback 5 year"]),
    ("How many calls has Modi made in the past year?", "Modi has made eight calls in the last year.", []),
    ("What did he say about the past three decades?", "Engagement over the past two decades has grown.",
     ["lookback 3 decade"]),
    # twelve months are a year, and fifteen are fifteen
    ("How often did Modi phone the US president over the past twelve months?",
     "Modi has made eight calls in the last year.", []),
    ("How many calls has Modi made over the past fifteen years?", "Modi has made eight calls over the last 13 years.",
     ["lookback 15 year"]),
    # and one counted forward: weeks are not months, and what is ahead is not what is past
    ("What is India expected to join in the coming months?", "India is expected to join in the coming weeks.",
     ["lookback 1 month ahead"]),
    ("What is India expected to join in the coming weeks?", "India is expected to join in the coming weeks.", []),
    ("What did India join in the past week?", "India is expected to join in the coming weeks.", ["lookback 1 week"]),
    # the goods of a flow are named in the sentence that gives it, not only in the one before
    ("What were US defence sales to India in 2024?", "US goods exports to India were $41.8 billion in 2024.",
     ["goods defenc"]),
    ("What were US defence sales to India in 2024?", "US defence exports to India were $3 billion in 2024.", []),
    ("What were US goods exports to India in 2024?", "US goods exports to India were $41.8 billion in 2024.", []),
    # a day of a month: another day of that month is another day; no day at all may be "on Friday"
    ("What rate did Trump announce on April 9?", "Trump set 25% tariffs to kick into effect on April 2.",
     ["day april 9"]),
    ("What rate did Trump announce on April 2?", "Trump announced 25% tariffs on 2 April.", []),
    # the day a thing takes effect is no day it was announced (test_the_day_a_thing_takes_effect_...)
    ("What rate did Trump announce on April 2?", "Trump set 25% tariffs to kick into effect on 2 April.",
     ["day april 2"]),
    ("What was discussed on April 24?", "Talks were held in Washington from April 23-25.", []),
    ("What rate did Trump announce on April 9?", "Trump announced 25% tariffs on Wednesday.", []),
    # a country's people: a sentence about farmers that does not name the country may be about another's
    ("Which crops do American farmers depend on?", "Dhar said India's position is driven by the need to protect "
     "small and marginal farmers whose livelihoods depend on staple crops.", ["owner US's farmers"]),
    ("Which crops do Indian farmers depend on?", "Dhar said India's position is driven by the need to protect "
     "small and marginal farmers whose livelihoods depend on staple crops.", []),
    # an office for a country is that country's: "the top trade negotiator for the US" is not India's
    ("Who is the top trade negotiator for India?", "The deficit grew, according to the office of the US Trade "
     "Representative, the top trade negotiator for the US.", ["name top trade negotiator for India"]),
    ("Who is the top trade negotiator for the US?", "The deficit grew, according to the office of the US Trade "
     "Representative, the top trade negotiator for the US.", []),
    # whose something is described as: "the top trade negotiator for the US" is not India's
    ("Which office is described as the top trade negotiator for India?", "The deficit grew, according to the office "
     "of the US Trade Representative, the top trade negotiator for the US.", ["described india negoti top trade"]),
    ("Which office is described as the top trade negotiator for the US?", "The deficit grew, according to the office "
     "of the US Trade Representative, the top trade negotiator for the US.", []),
    # an act the question takes for done is denied, not answered, by a sentence that negates it
    ("Which Indian company did Trump name as a beneficiary?", "Trump has talked about exemptions without naming the "
     "beneficiary country or countries.", ["answer name denied"]),
    ("Which Indian company did Trump name as a beneficiary?", "Trump named Tata Steel as a beneficiary.", []),
    # a month something is dated by is not the month asked about
    ("Before the May talks, when had Goyal last been in Washington?", "Goyal was in Washington in March also.", []),
    ("When had Goyal been in Washington in May?", "Goyal was in Washington in March also.", ["month May"]),
    # a weekday: another weekday is another day; no weekday at all may be the day
    ("What did the MEA say on Tuesday about the bill?", "The MEA responded on Monday saying it is aware.",
     ["day tuesday"]),
    ("What did the MEA say on Tuesday about the bill?", "The MEA said on Tuesday it is aware.", []),
    ("What did the MEA say on Tuesday about the bill?", "The MEA said it is fully aware of the bill.", []),
    # a sector asked about is named
    ("What did India offer the US in the dairy sector?", "India offered the US access in defence procurement.",
     ["goods dairi"]),
    ("What did India offer the US in the dairy sector?", "India offered the US limited access to dairy.", []),
    ("On which sectors had discussions advanced?", "Discussions advanced on automobiles and electronics.", []),
    ("What is India buying more of in the energy field?", "Trump has pushed India to buy more from the US.",
     ["goods energi", "country IN doing it"]),  # and a push to buy is no buying of India's
    ("Is the automobile sector the most sensitive issue?", "However, agriculture continues to be the most "
     "sensitive issue.", ["goods automobil"]),
    # the goods a concession is sought for are named; a preposition that follows is no goods
    ("Did India seek duty concessions for wines?", "India is seeking duty concessions for textiles and shrimp.",
     ["goods wine"]),
    ("What concessions does the US want on Indian rice?", "The US wants duty concessions in sectors like wines "
     "and dairy.", ["goods rice"]),
    # and the goods a levy is charged or slapped on
    ("What tariff does the US charge on Indian shrimp?", "The US imposed 50% on textiles and leather.",
     ["goods shrimp"]),
    # (a country not spoken of at all is reported as such, not as one not doing it too)
    ("Which sectors does Japan want duty concessions for from India?", "India wants duty concessions for shrimp.",
     ["country JP"]),
    # the thing whose owner is asked for is named
    ("Which country's gas is India one of the highest importers of?", "India is one of the highest importers of "
     "Russian oil.", ["goods gas"]),
    ("Whose crude is India offering to buy more of?", "Indian negotiators offered increased purchases of American "
     "crude oil.", []),
    # a preposition ends the sector's name: "among" is no goods
    ("Is dairy among the sectors where the US wants duty concessions?", "The US wants duty concessions in sectors "
     "like wines, dairy and apples.", []),
    # a month asked alone is not answered by a range of months that ends with it
    ("How much did India export to the US in November?",
     "India's merchandise exports to the US went up by 11.38% to $59.04 billion from April–November FY26.",
     ["month November"]),
    ("How much did India's shipments to the US rise in November?",
     "Shipments to the US rose more than 22% in November as compared to the same month a year earlier.", []),
    ("How much did India export to the US between April and November?",
     "India's merchandise exports to the US went up by 11.38% to $59.04 billion from April–November FY26.", []),
    # where someone arrived is the country asked about
    ("When did the first deportees from India arrive in the US?",
     "The first load of migrants sent back by the Trump administration arrived in India in February 2025.",
     ["destination US"]),
    ("When did the first deportees from the US arrive in India?",
     "The first load of migrants sent back by the Trump administration arrived in India in February 2025.", []),
    # a name with a number in it is named whole
    ("What is the Mission 300 goal?", 'This aligns with the "Mission 500" goal.', ["name mission 300"]),
    ("What is the Mission 500 goal?", 'This aligns with the "Mission 500" goal.', []),
])
def test_unmet(question, sentence, unmet):
    context = "According to Lutnick, Washington saw the call as critical." if "Lutnick" in question else ""
    assert Constraints.of(question).unmet(sentence, context, ARTICLE) == unmet


@pytest.mark.parametrize("text,balance", [
    ("US goods trade deficit with India was $45.7 billion in 2024.", ("IN", "US")),
    ("The U.S. reported a goods trade deficit of $45.7 billion with India in 2024.", ("IN", "US")),
    ("India, meanwhile, recorded a $41.18 billion trade surplus with the U.S. in FY2024-25.", ("IN", "US")),
    ("With America, India had a trade surplus of USD 41.18 billion in goods in 2024-25.", ("IN", "US")),
    ("What was the US goods trade surplus with India in 2024?", ("US", "IN")),
    # the balance a country has, runs or records with another is that country's
    ("What is the trade deficit India has with the US?", ("US", "IN")),
    ("What is the trade surplus the US runs with India?", ("US", "IN")),
    ("What was the surplus India recorded with the US in 2024-25?", ("IN", "US")),
    ("The US has raised concerns over this widening trade deficit.", None),
])
def test_whose_surplus_with_whom(text, balance):
    assert balance_in(text) == balance


def test_the_other_side_of_a_balance_is_not_the_one_asked():
    asked = Constraints.of("What was the US goods trade surplus with India in 2024?")
    assert asked.unmet("US goods trade deficit with India was $45.7 billion in 2024.", "", ARTICLE) == [
        "balance US's surplus with IN"]
    same = Constraints.of("What was India's trade surplus with the US in 2024?")
    assert same.unmet("US goods trade deficit with India was $45.7 billion in 2024.", "", ARTICLE) == []


def test_a_balance_given_as_it_was_is_the_one_the_sentence_before_named():
    asked = Constraints.of("What was India's trade deficit with the US in 2022-23?")
    before = "With America, India had a trade surplus of USD 41.18 billion in goods in 2024-25."
    assert asked.unmet("It was USD 27.7 billion in 2022-23.", before, ARTICLE) == ["balance US's surplus with IN"]
    same = Constraints.of("What was India's trade surplus with the US in 2022-23?")
    assert same.unmet("It was USD 27.7 billion in 2022-23.", before, ARTICLE) == []


def test_a_thing_the_sentence_does_not_name_is_the_owner_s_the_sentence_before_names():
    before = "The US remained India's largest trading partner for the fourth consecutive year in 2024-25."
    after = "The US accounts for about 18 per cent of India's total goods exports."
    assert "owner US's partner" in Constraints.of("Which country is the US's largest trading partner?").unmet(
        after, before, ARTICLE)
    assert Constraints.of("Which country is India's largest trading partner?").unmet(after, before, ARTICLE) == []
    # a trade partner is owned, no trade
    assert "owner US's partner" in Constraints.of("Who is America's biggest trade partner?").unmet(
        before, "", ARTICLE)


@pytest.mark.parametrize("question,choices", [
    ("Was the US deficit with India in 2024 up 5.1% or 5.4%?", {"5.1%", "5.4%"}),
    ("Did it rise 5.1 or 5.4 per cent?", {"5.1%", "5.4%"}),  # the unit said once
    ("Was the deficit $45.7 billion or $41.18 billion?", {"45.7 billion", "41.18 billion"}),
    ("Did the deficit grow or shrink by 5.4%?", set()),
])
def test_figures_offered_as_alternatives(question, choices):
    assert figure_choices_in(question) == choices


@pytest.mark.parametrize("question,choices", [
    ("Were the tariffs paused until July 8 or July 9?", {"july 8", "july 9"}),
    ("Was the meeting on Monday or Tuesday?", {"monday", "tuesday"}),
    ("Were the tariffs paused until July 9 or later?", set()),
])
def test_days_offered_as_alternatives(question, choices):
    assert day_choices_in(question) == choices


def test_a_sentence_need_give_only_one_of_the_days_offered_as_alternatives():
    said = "The US has suspended the additional 26 per cent tariffs on India till July 9."
    assert Constraints.of("Were the tariffs on India paused until July 8 or July 9?").unmet(said, "", ARTICLE) == []
    assert Constraints.of("Were the tariffs on India paused until August 8 or August 9?").unmet(
        said, "", ARTICLE) == ["day august 8", "day august 9"]


def test_a_sentence_need_give_only_one_of_the_figures_offered_as_alternatives():
    said = "The U.S. reported a goods trade deficit of $45.7 billion with India in 2024, a 5.1% increase from 2023."
    assert Constraints.of("Was the US deficit with India in 2024 up 5.1% or 5.4%?").unmet(said, "", ARTICLE) == []
    assert Constraints.of("Was the US deficit with India in 2024 up 3% or 6%?").unmet(said, "", ARTICLE) == [
        "figure 3%", "figure 6%"]


def test_a_figure_asked_of_goods_is_in_their_clause():
    surge = ("India's merchandise exports to the US went up by 11.38% to $59.04 billion from April–November FY26, "
             "with a surge in exports of engineering goods, chemicals, and farm products.")
    assert Constraints.of("What is the value of India's exports of engineering goods to the US?").unmet(
        surge, "", ARTICLE) == ["goods engin"]
    assert Constraints.of("Which of India's exports to the US surged?").unmet(surge, "", ARTICLE) == []


def test_a_change_asked_from_one_year_to_the_next_is_of_the_later_over_the_earlier():
    change = Constraints.of("By how much did the US deficit with India widen from 2023 to 2024?")
    assert change.periods == {Period(2024)} and change.bases == {Period(2023)} and not change.spans
    assert change.unmet("The US deficit with India was $45.7 billion in 2024, a 5.4 per cent increase over 2023.",
                        "", ARTICLE) == []
    total = Constraints.of("How many Indians did the US deport from 2009 to 2024?")  # a figure of the whole span
    assert total.spans == {(2009, 2024)} and total.periods == {Period(2009), Period(2024)}


def test_a_sentence_without_a_month_speaks_for_its_article_month():
    may = ArticleContext("2025-05-20", frozenset(), frozenset({"IN", "US"}))
    assert Constraints.of("Whom did Goyal meet in May?").unmet("Goyal met Lutnick on Tuesday.", "", may) == []
    assert Constraints.of("Whom did Goyal meet in March?").unmet("Goyal met Lutnick on Tuesday.", "", may) == [
        "month March"]


def test_a_sentence_s_last_year_and_months_are_of_its_article_s_day():
    january = ArticleContext("2026-01-23", frozenset(), frozenset({"IN", "US"}))
    asked = Constraints.of("What tariffs did the US impose on India in 2025?")
    assert asked.unmet("Tensions had escalated last year after the US imposed tariffs on India.", "", january) == []
    assert asked.unmet("Tensions had escalated this year after the US imposed tariffs on India.", "", january) == [
        "period 2025"]
    # a month named without a year, long after the article's month, is the last one gone
    november = Constraints.of("By how much did India's shipments to the US rise in November 2025?")
    assert november.unmet("Shipments to the US rose more than 22% in November.", "", january) == []
    assert Constraints.of("By how much did India's shipments to the US rise in November 2026?").unmet(
        "Shipments to the US rose more than 22% in November.", "", january) == ["period 2026"]
    # a month a little ahead, or one something runs till, is still the article's year
    may = ArticleContext("2025-05-20", frozenset(), frozenset({"IN", "US"}))
    assert Constraints.of("Until when were the US tariffs on India suspended in 2025?").unmet(
        "The US has suspended the tariffs on India till July 9.", "", may) == []


def test_what_the_nearest_passage_lacks_is_said_in_the_question_words():
    question = "What was the US deficit with China according to India's Commerce Ministry?"
    assert as_asked("country CN", question) == "China"
    assert as_asked("source commerc ministri", question) == "India's Commerce Ministry"
    assert as_asked("rank second", "Which is India's second largest trading partner?") == "second largest"
    assert as_asked("rank second", "What is India's largest trading partner after the US?") == \
        "largest trading partner after the US"
    assert as_asked("lookback 5 year", "How many calls over the last five years?") == "the last five years"
    assert as_asked("goods dairi", "What tariff does the US impose on Indian dairy products?") == "dairy"
    assert as_asked("trend rise", "How much did India's exports to the US grow in 2024-25?") == "a rise"
    # an organisation in its own words, not the rest of the question after it
    assert as_asked("organisation commerce ministry",
                    "What did the Commerce Ministry say in response to the query on March 17?") == "Commerce Ministry"


def test_a_figure_may_be_named_two_sentences_before():
    asked = Constraints.of("What did the MEA say about the 500% tariff proposal?")
    said = "The Ministry of External Affairs (MEA) responded that they are fully aware of the proposal."
    assert asked.unmet(said, "Exporters fear another round of tariff.", ARTICLE,
                       "Trump gave a heads up for a bill that aims to impose 500% tariffs.") == []
    assert asked.unmet(said, "Exporters fear another round of tariff.", ARTICLE) == ["figure 500%"]


@pytest.mark.parametrize("question,trend", [
    ("What is currently holding up the India-US trade deal?", None),  # a phrasal verb, no figure
    ("Which energy purchases has India offered to step up?", None),
    ("By how much were India's exports up in November?", "rise"),
    ("Is the deficit going up?", "rise"),
    ("How much did the deficit grow in 2024?", "rise"),
    ("How far did exports fall?", "fall"),
    # what moved may be named with an "of" phrase, a noun in "-ing" in it; a verb before "up" ends a phrasal verb
    ("Why were exports of engineering goods down in FY26?", "fall"),
    ("In which month of 2025 was the US-India COMPACT set up?", None),
])
def test_which_way_a_question_asks_a_figure_moved(question, trend):
    assert Constraints.of(question).trend == trend


def test_surnames_are_of_people_named_in_full():
    text = ("President Donald Trump spoke. US Deputy Secretary of State Christopher Landau called. "
            "The United States and the Indian Institute of Foreign Trade disagreed over Pakistan Negotiations; "
            "negotiations go on.")
    assert surnames(text) == {"trump", "landau"}


def test_no_constraints_is_falsy():
    assert not Constraints.of("Why did the talks stall?")


def test_an_acronym_is_met_by_the_words_it_stands_for():
    assert "mea" in initialisms("the Ministry of External Affairs said in response")
    asked = Constraints.of("When did the MEA answer the parliamentary query?")
    assert asked.unmet("The Ministry of External Affairs said in response to a query on March 17.", "", ARTICLE) == []
    assert asked.unmet("The Commerce Ministry said in response to a query on March 17.", "", ARTICLE) == ["name mea"]


def test_a_sentence_without_a_month_speaks_for_its_article_month_and_the_sentence_before():
    march = ArticleContext("2025-03-28", frozenset(), frozenset({"IN", "US"}))
    asked = Constraints.of("Whom did Misri speak with by phone in March 2025?")
    before = "India and the US discussed trade days ahead of tariffs that kick into effect on April 2."
    assert asked.unmet("Landau and Misri held phone talks.", before, march) == []
    assert asked.unmet("Landau and Misri held phone talks in April.", before, march) == ["month March"]


def test_an_acronym_in_a_run_of_capitals_gives_all_its_letters():
    assert "ustr" in initialisms("according to the office of the US Trade Representative")
    asked = Constraints.of("What was the US deficit with India in 2024, according to the USTR?")
    said = ("The US deficit with India was $45.7 billion in 2024, according to the office of the US Trade "
            "Representative.")
    assert asked.unmet(said, "", ARTICLE) == []
    assert asked.unmet("The US deficit with India was $45.7 billion in 2024.", "", ARTICLE) == [
        "name ustr", "source ustr"]


def test_a_stage_is_named_by_its_place():
    assert stages_in("expediting the first tranche; the initial phase; a second round") == {"first", "second"}
    asked = Constraints.of("When will the second phase of the trade agreement be concluded?")
    assert asked.unmet("They aim at concluding the first phase by Fall 2025.", "", ARTICLE) == ["stage second"]
    assert asked.unmet("The trade agreement will be concluded soon.", "", ARTICLE) == ["stage second"]
    assert asked.unmet("The second phase will follow in 2026.", "", ARTICLE) == []
    assert as_asked("stage second", "When will the second phase be concluded?") == "second phase"
    # so is one of a series of events
    asked = Constraints.of("When did the second load of migrants arrive in India?")
    assert asked.unmet("The first load of illegal migrants arrived in India in February 2025.", "",
                       ARTICLE) == ["stage second"]
    # a word may stand between the place and the event: a total over all flights says nothing of the first
    asked = Constraints.of("How many Indian migrants arrived on the first deportation flight?")
    assert "stage first" in asked.unmet("From 2009 to 2024, a total of 15,564 Indian nationals have been deported "
                                        "by the US through chartered and commercial flights.", "", ARTICLE)


def test_a_target_is_for_the_year_it_is_to_be_met_by():
    assert target_years_in("What is the Mission 500 target for 2025?") == {2025}
    assert target_years_in("What was the deficit in 2025?") == frozenset()
    assert deadlines_in("concluding the first phase by Fall 2025, $500 billion by 2030") == {2025, 2030}
    said = "The Mission 500 goal was announced in February 2025, targeting $500 billion in trade by 2030."
    assert Constraints.of("What is the Mission 500 target for 2025?").unmet(said, "", ARTICLE) == ["period 2025"]
    assert Constraints.of("What is the Mission 500 target for 2030?").unmet(said, "", ARTICLE) == []
    # a figure asked for a year is no target for another year, whenever the target was set
    assert Constraints.of("What was total India-US goods trade in 2025?").unmet(said, "", ARTICLE) == ["period 2025"]
    # but the year it was set is that of what else the sentence tells
    visit = "The goal was announced during Modi's visit to Washington in February 2025, targeting $500 billion by 2030."
    assert Constraints.of("When did Modi visit Washington in 2025?").unmet(visit, "", ARTICLE) == []


def test_a_day_asked_is_near_the_month_of_an_article_whose_sentence_names_none():
    asked = Constraints.of("What tariff did the US impose on Indian goods on April 2?")
    january = ArticleContext.of("Dairy holds up deal", "The US imposed 50% on Indian exports.", "2026-01")
    # a January article's "The US imposed 50% ..." names no day: it is no levy of April 2
    assert asked.unmet("The US imposed 50% on several Indian exports.", "", january) == ["day april 2"]
    # an article of March 28 may speak of April 2 as the coming Wednesday, or of the days before
    assert asked.unmet("The US will impose 25% on Indian goods on Wednesday.", "", ARTICLE) == []
    # a range of months is a figure's period, no day: it does not date the levy to April
    assert "day april 2" in asked.unmet("Despite tariffs, exports rose 11.38% from April–November.",
                                        "The US imposed 50% on several Indian exports.", january)


def test_a_day_of_another_month_is_another_day():
    asked = Constraints.of("Which tariffs did the US suspend on India till August 9?")
    assert asked.unmet("The US has suspended the additional tariffs on India till July 9.", "", ARTICLE) == [
        "day august 9"]
    assert asked.unmet("The US on Friday suspended the additional tariffs on India.", "", ARTICLE) == []


def test_what_something_was_described_as_must_be_what_the_sentence_calls_it():
    asked = Constraints.of("Who described Prime Minister Modi as a rival?")
    said = "Trump described Prime Minister Narendra Modi as a close partner."
    assert asked.unmet(said, "", ARTICLE) == ["described rival"]
    assert Constraints.of("Who described Modi as a close partner?").unmet(said, "", ARTICLE) == []
    assert as_asked("described rival", "Who described Prime Minister Modi as a rival?") == "a rival"
    # the noun "call" calls nothing: "saw a phone call as vital" asks of no description
    assert Constraints.of("Who said Washington saw a phone call as vital?").described == frozenset()


def test_an_acronym_of_a_measure_is_a_name_to_find():
    assert names_in("How much will the trade deal raise India's GDP?") == {"gdp"}


def test_anyone_named_just_before_the_act_did_it():
    asked = Constraints.of("Whom did Misri thank for assistance on illegal immigration?")
    assert asked.unmet("Landau also thanked the Foreign Secretary Misri for India's assistance.", "", ARTICLE) == [
        "agent misri"]
    assert Constraints.of("Whom did Landau thank for assistance?").unmet(
        "Landau also thanked the Foreign Secretary Misri for India's assistance.", "", ARTICLE) == []


def test_a_part_asked_alone_is_not_given_by_a_figure_for_it_and_more():
    asked = Constraints.of("How many Indians did the US deport on commercial flights alone?")
    said = "A total of 15,564 Indian nationals have been deported by the US through chartered and commercial flights."
    assert asked.unmet(said, "", ARTICLE) == ["alone commercial flights"]
    assert as_asked("alone commercial flights", "on commercial flights alone?") == "commercial flights alone"
    assert Constraints.of("How many Indians did the US deport through chartered and commercial flights?").alone == set()
    assert Constraints.of("How many were deported on chartered flights only?").unmet(said, "", ARTICLE) == [
        "alone chartered flights"]


def test_a_whole_asked_of_is_not_given_by_a_part_of_it():
    asked = Constraints.of("Have all the terms of the trade deal been negotiated, according to the government source?")
    assert asked.wholes == {"terms"}
    assert asked.unmet("Most of the terms have been negotiated.", "", ARTICLE) == ["whole terms"]
    assert as_asked("whole terms", "Have all the terms been negotiated?") == "all the terms"
    none = Constraints.of("Did the government source say none of the terms had been negotiated?")
    assert none.unmet("Most of the terms have been negotiated.", "", ARTICLE) == ["whole terms"]
    assert as_asked("whole terms", "Did they say none of the terms were agreed?") == "none of the terms"
    areas = Constraints.of("Did Pinak Chakravarty say negotiators had reached alignment on all areas?")
    assert "whole areas" in areas.unmet("Chakravarty said negotiators had reached alignment on several key areas, "
                                        "though select issues remained unresolved.", "", ARTICLE)
    # a sentence that tells of the whole, or of no part of it, is left to the other checks
    assert "whole terms" not in asked.unmet("All the terms have been negotiated.", "", ARTICLE)
    # "at all" and the All-In Podcast ask of no whole
    assert Constraints.of("Is the deal done at all?").wholes == set()
    assert Constraints.of("Who spoke on the All-In Podcast?").wholes == set()


def test_whose_stance_is_asked_is_named_where_it_is_given():
    asked = Constraints.of("What is Modi's position on the 500% tariff bill?")
    before = "Although Modi later agreed to make the call, it came too late."
    assert asked.unmet("Trump gave a heads up for a bill that aims to impose 500% tariffs.", before, ARTICLE) == [
        "name modi"]
    assert asked.unmet("He said the bill that aims to impose 500% tariffs was unfair.", before, ARTICLE) == []


def test_whom_a_sentence_is_according_to_did_not_do_what_it_tells():
    asked = Constraints.of("Why did Lutnick call Modi before the deal closed?")
    said = "According to Lutnick, Washington saw the call as critical to finalising negotiations."
    assert "agent lutnick" in asked.unmet(said, "", ARTICLE)
    assert "agent lutnick" not in asked.unmet("Lutnick made the call to Modi in March.", "", ARTICLE)
    # ... but said it: "What did Lutnick say ...?" is answered by what is according to him
    assert Constraints.of("What did Lutnick say Washington saw as critical?").unmet(said, "", ARTICLE) == []


def test_what_came_after_an_event_is_not_the_event_alone():
    question = "What did the US do after India's exports crossed USD 100 billion?"
    event = "India's exports to the United States crossed the USD 100 billion mark in 2025, up significantly."
    assert Constraints.of(question).unmet(event, "", ARTICLE) == ["anchor 100 billion cross export india usd"]
    assert as_asked("anchor 100 billion cross export india usd", question) == \
        "what came after India's exports crossed USD 100 billion"
    # told with how something stood to it in time, or something else told, it may answer
    assert Constraints.of(question).unmet("After India's exports crossed USD 100 billion, the US raised tariffs.", "",
                                          ARTICLE) == []
    assert Constraints.of("What did the Indian minister post after the meeting?").unmet(
        "Good discussions with Secretary Lutnick, Goyal said in a post on X.", "", ARTICLE) == []
    assert Constraints.of("What did the US do before the April 2 tariffs took effect?").unmet(
        "India and the US discussed trade days ahead of the tariffs kicking into effect on April 2.", "", ARTICLE) == []


def test_two_people_asked_of_together_are_both_named_where_it_is_told():
    asked = Constraints.of("Where did Goyal and Lutnick meet in March?")
    article = ArticleContext.of("Goyal meets Lutnick", "Goyal held discussions with US Commerce Secretary Howard "
                                "Lutnick. Goyal was in Washington in March also for the trade talks.", "2025-05-20")
    # the article names Lutnick, but not where Goyal's March visit is told
    assert asked.unmet("Goyal was in Washington in March also for the trade talks.", "", article) == ["name lutnick"]
    assert asked.unmet("Goyal was in Washington in March also for the trade talks.",
                       "Goyal met Howard Lutnick.", article) == []
    assert Constraints.of("Where did India and the US meet?").together == frozenset()  # countries are no people


@pytest.mark.parametrize("question", [
    "Who read out the call between Goyal and Lutnick?",
    "On what date did Goyal meet Lutnick in March?",
    "When did Goyal meet with Lutnick?",
])
def test_people_asked_of_as_meeting_are_asked_of_together(question):
    assert Constraints.of(question).together == {"goyal", "lutnick"}


def test_an_amount_asked_in_one_currency_is_not_given_in_another():
    asked = Constraints.of("What was the US goods trade deficit with India in 2024 in rupees?")
    assert asked.unmet("US goods trade deficit with India was $45.7 billion in 2024.", "", ARTICLE) == ["currency INR"]
    assert as_asked("currency INR", "What was the deficit in 2024 in rupees?") == "amounts in rupees"
    dollars = Constraints.of("What was the US goods trade deficit with India in 2024 in dollars?")
    assert dollars.unmet("US goods trade deficit with India was $45.7 billion in 2024.", "", ARTICLE) == []
    # "how many billion rupees" asks in rupees too
    rupees = "How many billion rupees was bilateral trade worth in 2024-25?"
    assert "currency INR" in Constraints.of(rupees).unmet(
        "The US remained India's largest trading partner in 2024-25, with bilateral trade valued at USD 131.84 "
        "billion.", "", ARTICLE)
    assert as_asked("currency INR", rupees) == "amounts in rupees"


def test_a_superlative_is_of_the_thing_it_stands_before():
    asked = Constraints.of("What is India's largest export sector to the US?")
    partner = "The US remained India's largest trading partner for the fourth consecutive year."
    assert asked.unmet(partner, "", ARTICLE) == ["superlative largest sector"]
    # a sentence with no superlative does not say which is largest either
    assert asked.unmet("The US accounts for 18 per cent of India's exports.", "", ARTICLE) == [
        "superlative largest sector"]
    assert Constraints.of("Who is India's largest trading partner?").unmet(partner, "", ARTICLE) == []
    # "least" asks the other way: the most sensitive issue is not the least sensitive sector
    least = Constraints.of("Which sector does India consider the least sensitive?")
    assert least.unmet("Agriculture is the most sensitive issue; dairy is sensitive too.", "", ARTICLE) == [
        "superlative least sensit"]
    assert Constraints.of("Will India open at least some sectors?").superlatives == frozenset()


def test_a_city_asked_as_a_place_is_named_other_than_as_the_dateline():
    asked = Constraints.of("When did Lutnick visit New Delhi?")
    dateline = "New Delhi: Minister Piyush Goyal on Tuesday held discussions with Howard Lutnick in Washington."
    assert asked.unmet(dateline, "", ARTICLE) == ["place new delhi"]
    assert asked.unmet("Lutnick arrived in New Delhi on Monday.", "", ARTICLE) == []
    assert Constraints.of("What did New Delhi say about dairy?").cities == frozenset()  # the government, no place


def test_a_figure_asked_of_a_flow_is_the_one_in_that_flows_clause():
    asked = Constraints.of("Which Indian goods worth $41.8 billion did India export to the US in 2024?")
    both = ("US goods exports to India were $41.8 billion, up 3.4 per cent from 2023 and total US goods imports "
            "from India totalled $87.4 billion in 2024.")
    assert asked.unmet(both, "", ARTICLE) == ["flow IN to US"]
    assert as_asked("flow IN to US", "Which Indian goods worth $41.8 billion did India export to the US?") == (
        "goods going from India to US")
    right = Constraints.of("What were US goods imports from India worth in 2024?")
    assert right.unmet(both, "", ARTICLE) == []


def test_an_adverb_of_degree_is_no_act_of_the_doer():
    from rag.aspects import agent_in

    # "most recently say": the act is saying, not "most"
    assert agent_in("What did Trump most recently say about Modi?") == (frozenset({"trump"}), "say")
    assert agent_in("When did Lutnick most recently comment on the India-US deal?") == (
        frozenset({"lutnick"}), "comment")


def test_a_person_who_did_the_act_is_named_right_before_it():
    from rag.aspects import person_doing

    assert person_doing("agre", "Although Modi later agreed to make the call, he said it came too late.") == "modi"
    assert person_doing("thank", "Landau also thanked the Foreign Secretary Misri.") == "landau"
    # a country is no person, and a name cut off by a comma does not do the word after it
    assert person_doing("agre", "Although India later agreed to make the call.") is None
    assert person_doing("spokesperson", "Tammy Bruce, spokesperson for the US State Department, said.") is None


def test_a_concession_asked_for_is_none_offered():
    asked = Constraints.of("Which sectors did the US offer India duty concessions in?")
    wants = "On the other hand, the US wants duty concessions in sectors like wines and dairy."
    assert asked.unmet(wants, "", ARTICLE) == ["country US doing it"]
    # an offer told is still one
    offered = Constraints.of("What did India offer in non-trade areas?")
    assert offered.unmet("Indian negotiators have also reportedly offered enhanced access in non-trade areas.", "",
                         ARTICLE) == []


def test_a_country_that_did_the_act_is_named_just_before_it():
    from rag.aspects import country_agent_in, country_doing

    assert country_agent_in("Which countries did Vietnam seal trade pacts with?") == ("VN", "seal")
    assert country_agent_in("What reason did Washington officially give for its levies?") == ("US", "give")
    # the country a speaker is asked to have said did it
    assert country_agent_in("What did Lutnick say India had moved on to?") == ("IN", "move")
    # a country's office holder is the country's doer, and the act is the verb after the office
    assert country_agent_in("What did the Indian foreign secretary thank the US for?") == ("IN", "thank")
    assert country_agent_in("What did the US deputy secretary of state thank India for?") == ("US", "thank")
    # an act going on or to come; a passive has the country done to
    assert country_agent_in("Which American product is India buying more of?") == ("IN", "buy")
    assert country_agent_in("When will India join Pax Silica?") == ("IN", "join")
    assert country_agent_in("Was India invited to join Pax Silica?") is None
    assert as_asked("country IN doing it", "What did the Indian foreign secretary thank the US for?") == \
        "India doing it"
    sealed = "It came too late, with the US having moved on to sealing trade pacts with Indonesia and Vietnam."
    assert country_doing("seal", sealed) == "US"
    assert country_doing("cite", "Washington imposed steep tariffs on Indian imports, officially citing oil.") == "US"
    assert Constraints.of("Which countries did Vietnam seal trade pacts with?").unmet(sealed, "", ARTICLE) == [
        "country VN doing it"]
    assert Constraints.of("Which countries did the US seal trade pacts with?").unmet(sealed, "", ARTICLE) == []
    assert "country IN doing it" in Constraints.of("What did Lutnick say India had moved on to?").unmet(
        sealed, "", ARTICLE)
    # a capital names its country, though "New Delhi" ends like "Pakistani", a people's word
    assert country_doing("consid", "the dairy markets New Delhi considers politically sensitive") == "IN"
    assert country_doing("press", "Officials say Hanoi pressed for lower duties.") == "VN"


def test_of_two_doers_set_against_each_other_the_one_whose_clause_holds_the_question_did_it():
    from rag.aspects import clause_doer, contrasted_clause, subject_country_in

    sought = ("The U.S. seeks lower tariffs on industrial goods, wines and apples, while India aims for duty cuts on "
              "labour-intensive exports such as textiles and seafood.")
    assert subject_country_in("Did the US seek duty cuts on textiles and seafood?") == "US"
    assert clause_doer(contrasted_clause(frozenset({"us", "seek", "duti", "cut", "textil", "seafood"}), sought)) == "IN"
    assert clause_doer(contrasted_clause(frozenset({"us", "seek", "lower", "tariff", "wine"}), sought)) == "US"
    # a clause with no doer of its own, or a sentence that sets none against another, names none
    assert clause_doer(contrasted_clause(frozenset({"relianc", "reduc"}), "India offered more purchases of American "
                                         "crude, while gradually reducing reliance on Russian energy.")) is None
    assert contrasted_clause(frozenset({"textil"}), "India aims for duty cuts on textiles.") is None
    # the question's own constraints apply it
    def unmet(question):
        return Constraints.of(question).unmet(sought, "", ARTICLE)

    assert "country US doing it" in unmet("Did the US seek duty cuts on textiles?")
    assert "country IN doing it" not in unmet("Did India aim for duty cuts on textiles?")
    # the clause decides, though the sentence's "seeks" is the other country's
    assert "country IN doing it" not in unmet("Did India seek duty cuts on textiles?")
    # and the goods asked must be in that doer's clause: the wines are the US's
    assert "country IN doing it" in unmet("Did India aim for duty cuts on wines?")


def test_the_country_a_sentence_opens_with_is_its_subject():
    from rag.aspects import leading_country

    assert leading_country("On the other hand, the US wants duty concessions in sectors like wines.") == "US"
    assert leading_country("With America, India had a trade surplus of USD 41.18 billion.") == "IN"
    # two countries, or a people's word, open with no one subject
    assert leading_country("India and the US discussed trade on Friday.") is None
    assert leading_country("Indian negotiators have also reportedly offered enhanced access.") is None
    # a yes/no question about one country is not answered by a sentence that opens with another
    wants = "On the other hand, the US wants duty concessions in sectors like wines."
    # (nor does a sentence that tells of no seeking say whether India sought them)
    assert Constraints.of("Did India seek duty concessions for wines?").unmet(wants, "", ARTICLE) == [
        "country IN doing it", "answer seek"]
    assert Constraints.of("Which duty concessions did India seek?").unmet(wants, "", ARTICLE) == []


def test_a_superlative_said_of_the_subject_is_of_its_head():
    from rag.aspects import superlatives_in

    assert superlatives_in("In which year was India's trade surplus with the US smallest?") == {("smallest", "surplus")}
    assert superlatives_in("When was India's surplus at its lowest?") == {("lowest", "surplus")}
    assert superlatives_in("During which fiscal year was the surplus the largest?") == {("largest", "surplus")}
    # a sentence that lists five years' surpluses says of none that it was the smallest
    listed = "It was USD 35.32 billion in 2023-24, USD 27.7 billion in 2022-23 and USD 22.73 billion in 2020-21."
    asked = Constraints.of("In which year was India's trade surplus with the US smallest?")
    assert asked.unmet(listed, "", ARTICLE) == ["superlative smallest surplus"]
    # nor does "India's largest trading partner" say which surplus was the largest
    partner = "The US remained India's largest trading partner for the fourth consecutive year in 2024-25."
    assert Constraints.of("In which year was India's surplus with the US largest?").unmet(partner, "", ARTICLE) == [
        "superlative largest surplus"]


def test_a_superlative_may_end_where_a_name_begins():
    asked = Constraints.of("What is the smallest sector India seeks duty concessions for?")
    assert asked.superlatives == {("smallest", "sector")}
    assert asked.unmet("India is seeking duty concessions for sectors like textiles, gems and leather.", "",
                       ARTICLE) == ["superlative smallest sector"]


def test_when_a_claim_was_made_is_not_whom_it_is_according_to():
    from rag.aspects import sources_in

    assert sources_in("Which issues will figure, according to the May 2025 report?") == frozenset()
    assert sources_in("What was the deficit, according to the USTR?") == {"ustr"}


def test_an_end_date_says_nothing_of_the_day_something_began():
    asked = Constraints.of("What reciprocal tariff rate on India was announced on April 2?")
    assert asked.day_role == "start"
    assert asked.unmet("The US has suspended the additional 26 per cent tariffs on India till July 9.", "",
                       ARTICLE) == []
    assert asked.unmet("The tariffs kick into effect on April 9.", "", ARTICLE) == ["day april 2"]


def test_the_day_a_thing_takes_effect_is_no_day_it_was_announced():
    kicks = ("WASHINGTON – India and the US, on Friday discussed trade days ahead of President Donald Trump’s "
             "reciprocal 25% tariffs system kicks into effect ON April 2.")
    assert effect_days(kicks) == {"april 2"}
    assert effect_days("The 26 per cent tariff was announced on April 2.") == frozenset()
    assert "day april 2" in Constraints.of("What tariff did Trump announce on April 2?").unmet(kicks, "", ARTICLE)
    assert "day april 2" in Constraints.of("What tariff did the US impose on April 2?").unmet(kicks, "", ARTICLE)
    # asked of what takes effect, or with no act, the day is the one asked
    assert "day april 2" not in Constraints.of("What tariff kicks in on April 2?").unmet(kicks, "", ARTICLE)
    assert "day april 2" not in Constraints.of("Which tariffs start on April 2?").unmet(kicks, "", ARTICLE)


def test_a_flow_with_no_countries_named_is_the_flow_of_the_country_the_sentence_opens_with():
    driven = ("India, meanwhile, recorded a $41.18 billion trade surplus with the U.S. in FY2024-25, driven by "
              "$86.51 billion in exports.")
    assert Constraints.of("What were India's imports from the US in FY2024-25?").unmet(driven, "", ARTICLE) == [
        "flow US to IN"]
    assert Constraints.of("What were India's exports to the US in FY2024-25?").unmet(driven, "", ARTICLE) == []
    # a flow whose owner is named is that owner's
    assert Constraints.of("What share of India's exports to the US is that?").unmet(
        "The US takes 18 per cent of India's exports.", "", ARTICLE) == []


def test_who_is_asked_to_act_may_not_be_turned_round():
    from rag.aspects import asked_to_act

    asking = "The US has been asking India to open up a couple of sensitive sectors – agriculture and dairy."
    assert asked_to_act(asking) == "IN"
    assert asked_to_act("Which sectors does India want the US to open up?") == "US"
    assert Constraints.of("Which sectors does India want the US to open up?").unmet(asking, "", ARTICLE) == [
        "country US being asked to act"]
    assert Constraints.of("Which sectors has the US asked India to open up?").unmet(asking, "", ARTICLE) == []
    # sectors asked to be opened "in India" are India's to open, whoever "they" are
    protected = "But they asked to open some sectors which are protected in India, even if partially."
    assert asked_to_act(protected) == "IN"
    assert Constraints.of("Which sectors is India asking the US to open?").unmet(protected, "", ARTICLE) == [
        "country US being asked to act"]
    assert Constraints.of("Which sectors has the US asked India to open up?").unmet(protected, "", ARTICLE) == []
    # and a request "for" something of a country's government
    cooperation = "Landau asked the Indian government for continued cooperation on this issue."
    assert asked_to_act(cooperation) == "IN"
    assert Constraints.of("What has India asked the US to do?").unmet(cooperation, "", ARTICLE) == [
        "country US being asked to act"]
    # or of the country itself ("asked the US for")
    assert asked_to_act("Which Indian official asked the US for continued cooperation?") == "US"
    assert Constraints.of("Which Indian official asked the US for continued cooperation?").unmet(
        cooperation, "", ARTICLE) == ["country US being asked to act"]
    # an invitation is one too
    invited = "Momentum has been strengthened by Washington's invitation to India to join the Pax Silica initiative."
    assert Constraints.of("Which country invited the US to join Pax Silica?").unmet(invited, "", ARTICLE) == [
        "country US being asked to act"]
    assert Constraints.of("Which country invited India to join Pax Silica?").unmet(invited, "", ARTICLE) == []


def test_one_asked_to_act_by_a_person_is_asked_all_the_same_and_a_request_goes_on_into_the_next_sentence():
    from rag.aspects import asked_to_act

    pushed = "Donald Trump has pushed India to buy more from the US."
    assert asked_to_act(pushed) == "IN"
    asked = Constraints.of("What has India pushed the US to buy more of?")
    assert asked.unmet(pushed, "", ARTICLE) == ["country US being asked to act"]
    # the next sentence, with no request of its own, goes on from it
    assert asked.unmet("US officials have cited India among the countries.", pushed, ARTICLE) == [
        "country US being asked to act"]
    assert Constraints.of("What has the US pushed India to buy more of?").unmet(pushed, "", ARTICLE) == []


def test_a_country_a_passive_act_is_done_to_did_not_do_it():
    from rag.aspects import country_agent_in, country_done_to

    cited = "US officials have cited India among the countries that might be targeted for reciprocal tariffs."
    assert country_agent_in("Which country did India say it would target for reciprocal tariffs?") == ("IN", "target")
    assert country_done_to("target", cited) == "IN"
    assert country_done_to("seek", "India is seeking duty concessions.") is None  # no passive
    assert Constraints.of("Which country did India say it would target for tariffs?").unmet(cited, "", ARTICLE) == [
        "country IN doing it"]


def test_the_one_an_act_is_done_to_did_not_do_it():
    from rag.aspects import done_to, patient_in

    described = ("Talks were progressing following political assurances from US President Donald Trump, who recently "
                 "expressed confidence in a favourable outcome and described Prime Minister Narendra Modi as a close "
                 "partner.")
    assert done_to("describ", {"modi", "narendra"}, described) == {"modi", "narendra"}
    assert done_to("describ", {"modi"}, "He was described by Modi as a partner.") == frozenset()
    assert Constraints.of("Whom did Modi describe as a close partner?").unmet(described, "", ARTICLE) == [
        "agent modi"]
    assert Constraints.of("Whom did Trump describe as a close partner?").unmet(described, "", ARTICLE) == []
    # "Which official thanked Landau?": a sentence in which Landau thanks is no answer
    assert patient_in("Which Indian official thanked Landau for help?") == ({"landau"}, "thank")
    thanked = "Landau also thanked the Foreign Secretary Misri for India's assistance."
    asked = Constraints.of("Which Indian official thanked Landau for help?")
    assert asked.unmet(thanked, "", ARTICLE) == ["patient landau"]
    assert as_asked("patient landau", "Which Indian official thanked Landau for help?") == "it being done to Landau"
    assert Constraints.of("Which US official thanked Misri for help?").unmet(thanked, "", ARTICLE) == []
    # nor one it was made to: the calls Modi made are none made to him
    assert patient_in("How many calls has the US president made to Modi?") == ({"modi"}, "make")
    calls = "The MEA confirmed that Modi has made eight calls to the US president in the last year."
    assert Constraints.of("How many calls has the US president made to Modi?").unmet(calls, "", ARTICLE) == [
        "patient modi"]


def test_a_sentence_with_no_month_has_its_articles_and_the_one_befores_only_when_it_goes_on_from_it():
    march = ArticleContext.of("India, US discuss trade", "Landau and Misri talked.", "2025-03-28")
    before = "India and the US discussed trade days ahead of tariffs that kick into effect on April 2."
    asked = Constraints.of("Whom did Misri hold phone talks with in April 2025?")
    assert asked.unmet("Landau and Misri held phone talks.", before, march) == ["month April"]
    assert asked.unmet("They held phone talks.", before, march) == []
    assert Constraints.of("Whom did Misri hold phone talks with in March 2025?").unmet(
        "Landau and Misri held phone talks.", before, march) == []


def test_the_doer_of_an_act_in_the_passive_a_joined_verb_and_a_people_that_acts():
    from rag.aspects import country_doing

    deported = "From 2009 to 2024, 15,564 Indian nationals have been deported by the US through chartered flights."
    assert country_doing("deport", deported) == "US"
    assert Constraints.of("How many Americans has India deported?").unmet(deported, "", ARTICLE) == [
        "country IN doing it"]
    views = ("The U.S. reported a goods trade deficit of $45.7 billion with India in 2024, a 5.1% increase from "
             "2023, and views the BTA as a tool to narrow this gap.")
    assert country_doing("view", views) == "US"
    offered = "Indian negotiators have also reportedly offered enhanced access in non-trade areas."
    assert country_doing("offer", offered) == "IN"
    assert country_doing("import", "Indian imports rose.") is None  # a people's word qualifies a thing
    # "What did the US ...?" names its doer with "the"
    assert Constraints.of("What did the US offer India in non-trade areas?").unmet(offered, "", ARTICLE) == [
        "country US doing it"]


def test_a_claim_according_to_someone_is_one_the_sentence_gives_as_theirs():
    from rag.aspects import attributes_to

    assert attributes_to(frozenset({"lutnick"}), "According to Lutnick, Washington saw the call as critical.")
    assert attributes_to(frozenset({"bruce"}), "Tammy Bruce, spokesperson for the US State Department, in a "
                                               "readout of the phone call said they discussed trade.")
    assert attributes_to(frozenset({"repres"}), "The deficit grew, according to the office of the US Trade "
                                                "Representative.")
    meeting = "Goyal is in Washington for a ministerial-level meeting to review the progress of negotiations."
    assert not attributes_to(frozenset({"goyal"}), meeting)
    # a source that is a saying is given by its own word
    assert attributes_to(frozenset({"announc"}), "It was announced on April 2 to bridge the widening trade deficit.")
    assert not attributes_to(frozenset({"announc"}), "The US has suspended the additional 26 per cent tariffs.")
    question = "According to Goyal, what did Washington see as critical to finalising negotiations?"
    assert Constraints.of(question).unmet(meeting, "", ARTICLE) == ["said goyal"]
    assert as_asked("said goyal", question) == "anything Goyal said"


def test_the_day_of_an_act_is_the_one_named_at_its_verb():
    from rag.constraints import act_days, day_act_in

    asked = Constraints.of("What did Landau and Misri discuss on April 2?")
    assert asked.day_act == "discuss" and day_act_in("What happened?") is None
    opening = ("India and the US, on Friday discussed trade days ahead of President Donald Trump's reciprocal 25% "
               "tariffs system kicks into effect ON April 2.")
    assert act_days("discuss", opening) == {"friday"}
    assert asked.unmet("Landau and Misri held phone talks and discussed defence cooperation.", opening,
                       ARTICLE) == ["day april 2"]
    # the day at the verb is the one asked, or no day is tied to it
    assert asked.unmet("Landau and Misri discussed defence cooperation on April 2.", "", ARTICLE) == []
    assert asked.unmet("The tariffs were set on April 2. Landau and Misri discussed trade.", "", ARTICLE) == []
    # but the day a thing takes effect is that thing's
    assert asked.unmet("The tariffs kick into effect on April 2. Landau and Misri discussed trade.", "",
                       ARTICLE) == ["day april 2"]
    # and a weekday at the verb may be the day asked when the text names the day asked for nothing else
    assert asked.unmet("Landau and Misri discussed defence cooperation on Friday.", "", ARTICLE) == []


@pytest.mark.parametrize("question,sentence,kind", [
    # what was not done is answered only by a sentence that says so
    ("Which sectors is India not seeking duty concessions for?",
     "India is seeking duty concessions for sectors like textiles and leather.", "negated"),
    # what would happen if ... only by one that speaks of what may be
    ("What tariff would India face if it stopped buying Russian oil?",
     "The US imposed 50% on several Indian exports as a penalty for purchasing Russian oil.", "conditional"),
    # a rise in percentage points only by one in points
    ("How many percentage points did the deficit rise in 2024?",
     "The deficit was $45.7 billion in 2024, a 5.4 per cent increase over 2023.", "points"),
    # when it was done, not by one that only foresees it
    ("When did India formally join Pax Silica as a full member?",
     "New Delhi is expected to formally participate as a full member in the coming weeks.", "done"),
    # a pause asked about, only by a sentence that speaks of one
    ("What tariff did the US suspend on Indian exports until June 9?",
     "Despite tariffs being imposed, India's exports to the US went up by 11.38% to $59.04 billion.", "pause"),
    # when it is next done, not by when it was done
    ("When will Modi next visit Washington?",
     "This aligns with the goal announced during Prime Minister Modi’s visit to Washington in February 2025.",
     "next"),
])
def test_the_kind_of_statement_asked(question, sentence, kind):
    asked = Constraints.of(question)
    assert asked.statements == {kind}
    assert f"answer {kind}" in asked.unmet(sentence, "", ARTICLE)
    said = {"negated": "India is not seeking concessions for dairy.",
            "conditional": "If India stopped buying Russian oil, the tariff could fall.",
            "points": "The deficit rose 2 percentage points in 2024.",
            "done": "India joined Pax Silica as a full member in February.",
            "next": "Modi is expected to visit Washington again in September.",
            "pause": "The US has suspended the additional 26 per cent tariffs on India till July 9."}[kind]
    assert f"answer {kind}" not in asked.unmet(said, "", ARTICLE)


def test_it_stands_for_a_pause_only_where_the_sentence_before_names_one():
    suspended = "The US has suspended the additional 26 per cent tariffs on India till July 9."
    announced = "It was announced on April 2 to bridge the widening trade deficit."
    asked = Constraints.of("When was the tariff pause announced?")  # the pause, as a thing
    assert asked.statements == {"done", "a pause"}
    assert "answer a pause" in asked.unmet(announced, suspended, ARTICLE)  # "it" is the tariffs
    assert "answer a pause" not in asked.unmet(announced, "Trump announced a 90-day pause on the tariffs.", ARTICLE)
    assert "answer a pause" not in asked.unmet("The pause was announced on April 9.", suspended, ARTICLE)
    # the tariff the US suspended is asked, and "it" is that tariff (dev q610)
    tariff = Constraints.of("What tariff did the US suspend until July 9, and when was it announced?")
    assert "pause" in tariff.statements and "answer pause" not in tariff.unmet(announced, suspended, ARTICLE)


@pytest.mark.parametrize("sentence,tells", [
    # the word before a start verb is what started: the initiative's launch, not the negotiations'
    ("The BTA negotiations are part of the broader U.S.-India COMPACT initiative launched in February 2025.", False),
    # the days of one round of talks, and the first phase to conclude, are no beginning of the negotiations
    ("India and the US are advancing negotiations, with recent talks held in Washington from April 23-25 focusing "
     "on concluding the first phase by Fall 2025.", False),
    ("The BTA negotiations began in March 2025.", True),
    ("Talks on the BTA started in March 2025.", True),  # talks are the negotiations
    ("India and the US launched the BTA negotiations in March 2025.", True),
])
def test_a_beginning_is_dated_only_by_a_start_of_the_thing_asked(sentence, tells):
    asked = Constraints.of("When did the BTA negotiations begin?")
    assert asked.began == "BTA negotiations"
    assert ("began BTA negotiations" not in asked.unmet(sentence, "", ARTICLE)) is tells
    # the words naming the head of what started are its name: "the U.S.-India COMPACT initiative"
    compact = Constraints.of("When was the US-India COMPACT launched?")
    assert "began US-India COMPACT" not in compact.unmet(
        "The BTA negotiations are part of the broader U.S.-India COMPACT initiative launched in February 2025.",
        "", ARTICLE)
    # a meeting's days date its own beginning
    meeting = Constraints.of("When did the talks in Washington begin?")
    assert "began talks in Washington" not in meeting.unmet(
        "Recent talks were held in Washington from April 23-25.", "", ARTICLE)


def test_a_negated_auxiliary_before_its_subject_governs_the_verb_after_it():
    asked = Constraints.of("Why hasn't the trade deal closed yet?")
    assert asked.negated == {"close"}  # not "trade", the subject's first word
    said = ("The US has been asking India to open up agriculture and dairy, and this is the primary reason for the "
            "two countries not able to close the bilateral trade talks.")
    assert "answer negated" not in asked.unmet(said, "", ARTICLE)
    assert Constraints.of("Why hasn't the deal been signed?").negated == {"sign"}


def test_a_negation_must_govern_the_act_asked_of():
    asked = Constraints.of("Which sectors is the US not asking India to open?")
    assert asked.negated == {"ask"}
    # the sentence negates closing the talks, not asking
    assert "answer negated" in asked.unmet("The US has been asking India to open up agriculture and dairy, and this "
                                           "is why the two countries are not able to close the talks.", "", ARTICLE)
    assert "answer negated" not in asked.unmet("The US is not asking India to open its textile sector.", "", ARTICLE)
    # a sentence that does not name the act may negate it in other words
    assert "answer negated" not in asked.unmet("Textiles were never part of the US demands.", "", ARTICLE)
    # in two words, too
    assert "answer negated" not in asked.unmet("Every sector other than textiles is on the US list.", "", ARTICLE)
    # "rather than" negates what follows it
    purely = Constraints.of("What kind of response did analysts say the tariffs were not purely?")
    assert "answer negated" not in purely.unmet("Analysts viewed the move as leverage in trade negotiations rather "
                                                "than a purely geopolitical response.", "", ARTICLE)
    # the country the act is done to is not what the negation governs, nor is "do"
    assert Constraints.of("Which US president did Modi not personally reach out to?").negated == {"person", "reach"}
    assert Constraints.of("What will temporary disagreements not do?").negated == frozenset()
    # nor is the person it is done to: "did not call Trump" negates the call, which "did not personally reach
    # out to then US President Donald Trump" denies in other words
    called = Constraints.of("Who said the deal lost momentum because Modi did not call Trump?")
    assert called.negated == {"call"}
    assert "answer negated" not in called.unmet(
        "Lutnick said the agreement lost momentum after Modi did not personally reach out to then US President "
        "Donald Trump to close the deal.", "", ARTICLE)


def test_a_sentence_that_denies_what_the_question_asks_of_says_the_opposite():
    from rag.aspects import denies

    said = "Chakravarty said temporary disagreements do not derail the larger partnership."
    assert denies(frozenset({"temporari", "disagr", "derail"}), said)
    assert not denies(frozenset({"temporari", "disagr"}), said)
    # a thing there is none of is no denial, nor is a particle
    assert not denies(frozenset({"demand"}), "From India's end, there are no further demands.")
    assert not denies(frozenset({"out"}), "Modi did not personally reach out to Trump.")


def test_a_degree_asked_is_no_act_a_sentence_can_deny():
    from rag.aspects import degree_words

    question = "What did the government source say about how close the two sides were to a deal?"
    assert degree_words(question) == {"close"}
    from rag.aspects import denies
    from rag.question import analyse

    sentence = "This is the primary reason for the two countries not able to close the trade talks."
    terms = frozenset(analyse(question).terms)
    assert denies(terms, sentence) and not denies(terms - degree_words(question), sentence)


def test_a_sector_named_after_a_verb_in_ing_is_the_sector_alone():
    assert Constraints.of("What did Dhar think of opening the farm sector completely?").goods == {"farm"}
    assert Constraints.of("What did India offer in the dairy sector?").goods == {"dairi"}


def test_a_levy_of_a_kind_of_its_own_is_one_the_article_speaks_of():
    asked = Constraints.of("What retaliatory tariffs did India announce against the US in 2025?")
    assert asked.levy_kinds == {"retaliatory"}
    assert "kind retaliatory" in asked.unmet("Trump's reciprocal 25% tariffs kick into effect in 2025.", "", ARTICLE)
    assert "kind retaliatory" not in asked.unmet("India announced retaliatory tariffs on US goods in 2025.", "",
                                                 ARTICLE)
    # a kind written with a hyphen is found as written
    dumping = Constraints.of("When is the review of anti-dumping duties on Indian shrimp due to conclude?")
    assert not [u for u in dumping.unmet("The anti-dumping review on shrimp is due in March 2026.", "", ARTICLE)
                if u.startswith("kind")]
    # the names the news gives the same tariffs are no kind of their own
    assert Constraints.of("Till when are the reciprocal tariffs on India suspended?").levy_kinds == frozenset()


def test_goods_in_the_sentence_before_count_only_for_one_that_goes_on_from_it():
    asked = Constraints.of("Did the US seek duty concessions for shrimp?")
    before = "India is seeking duty concessions for textiles, shrimp and grapes."
    assert asked.unmet("The US wants duty concessions in sectors like wines and dairy.", before, ARTICLE) == [
        "goods shrimp"]
    assert asked.unmet("They were sought by the US as well.", before, ARTICLE) == []


def test_a_possessive_names_its_owner():
    asked = Constraints.of("When did Modi visit Washington?")
    assert asked.unmet("The goal was announced during Prime Minister Modi’s visit to Washington in February 2025.",
                       "", ARTICLE) == []


def test_a_trade_deal_is_no_trade_a_country_owns_and_an_owner_is_named_by_its_country():
    from rag.aspects import owned_in

    assert owned_in("What is the tariff on Indian textiles after the trade deal?") == frozenset()
    assert owned_in("What was India's trade with the US?") == {("IN", "trade")}
    assert as_asked("owner IN's exports", "What were Indian exports to China?") == "India's exports"


def test_whether_a_country_did_an_act_is_told_only_by_a_sentence_of_that_act():
    asked = Constraints.of("Did India sign the trade deal with the US in January 2026?")
    momentum = ("Speaking on the All-In Podcast on January 8, 2026, US Commerce Secretary Howard Lutnick said the "
                "long-anticipated India–US trade agreement lost momentum.")
    assert "answer sign" in asked.unmet(momentum, "", ARTICLE)
    assert "answer sign" not in asked.unmet("India signed the trade deal with the US on January 8, 2026.", "",
                                            ARTICLE)


OFFER = ("Indian negotiators have also reportedly offered enhanced access in non-trade areas, including defence "
         "procurement and increased purchases of American crude oil, while gradually reducing reliance on Russian "
         "energy supplies.")


@pytest.mark.parametrize("question,unmet", [
    ("What did India offer Russia in defence procurement?", ["recipient RU"]),  # Russia is in another clause
    ("What did India offer the US in non-trade areas?", []),  # named in the offer's own clause
    ("What did India offer in non-trade areas?", []),  # no one it is given to is asked
])
def test_what_is_given_to_a_country_is_given_in_the_clause_of_the_giving(question, unmet):
    assert Constraints.of(question).unmet(OFFER, "", ARTICLE) == unmet


def test_a_flow_is_not_answered_by_a_balance_or_by_another_figure():
    asked = Constraints.of("Did US goods exports to India rise by 5.4 per cent in 2024?")
    deficit = "US goods trade deficit with India was $45.7 billion in 2024, a 5.4 per cent increase over 2023."
    assert "flow US to IN" in asked.unmet(deficit, "", ARTICLE)
    # the 5.4 per cent is named two sentences before, but this sentence gives a rise of its own
    exports = "US goods exports to India were $41.8 billion, up 3.4 per cent from 2023."
    assert "figure 5.4%" in asked.unmet(exports, "Total goods trade was $129.2 billion.", ARTICLE, deficit)
    # a figure named before a sentence without one of its kind still identifies what it speaks of
    bill = Constraints.of("What did the MEA say about the 500% tariff bill?")
    assert "figure 500%" not in bill.unmet("The MEA said it is fully aware of the proposal.",
                                           "Trump backed a bill to impose 500% tariffs.", ARTICLE)


def test_a_change_of_office_asked_of_is_taken_for_granted():
    asked = Constraints.of("Who replaced Howard Lutnick as US Commerce Secretary?")
    assert "answer replac" in asked.unmet("US Commerce Secretary Howard Lutnick said the deal lost momentum.", "",
                                          ARTICLE)
    assert Constraints.of("Which country did India replace as the US's top partner?").events == frozenset()


def test_a_levy_asked_on_one_country_s_goods_is_not_one_on_another_s():
    asked = Constraints.of("Who did India accuse of levying higher tariffs on Indian goods?")
    assert (asked.imposition, asked.levied) == (None, "IN")  # India accuses; no other country levies it
    said = ("Donald Trump has pushed India to buy more from the US and has also complained India’s levies higher "
            "tariff on American goods.")
    assert asked.unmet(said, "", ARTICLE) == ["levied on IN"]
    assert as_asked("levied on IN", "Who did India accuse of levying tariffs on Indian goods?") == "a levy on India"
    assert "levied on IN" not in asked.unmet("The US imposed 50% on several Indian exports.", "", ARTICLE)
    # a question naming who levies it is read by the imposition check alone
    assert Constraints.of("What tariff does the US levy on Indian goods?").levied is None


def test_a_count_of_years_or_decades_asked_is_not_another_count():
    asked = Constraints.of("What did Chakravarty say three decades of engagement had created?")
    said = ("As Chakravarty observed, sustained engagement over the past two decades has created enough strategic "
            "investment on both sides.")
    assert asked.durations == {(3, "decade")}
    assert asked.unmet(said, "", ARTICLE) == ["duration 3 decade"]
    assert as_asked("duration 3 decade", "What did three decades of engagement create?") == "three decades"
    # the same count, written either way, or a sentence that counts no decades, is left to the other checks
    assert Constraints.of("What did two decades of engagement create?").unmet(said, "", ARTICLE) == []
    assert Constraints.of("How long is the 90-day pause window?").unmet(
        "Officials aim to take advantage of the 90-day tariff pause window.", "", ARTICLE) == []
    assert "duration 3 decade" not in asked.unmet("Chakravarty said engagement had created trust.", "", ARTICLE)


def test_a_city_asked_of_one_country_is_not_another_country_s_capital():
    question = "Which Indian city did Goyal visit in March for the trade talks?"
    asked = Constraints.of(question)
    assert asked.city_of == "IN"
    assert asked.unmet("Goyal was in Washington in March also for the trade talks.", "", ARTICLE) == ["city IN"]
    assert as_asked("city IN", question) == "an Indian city"
    # the dateline is where the article was written; a city the tables do not know is left alone
    assert asked.unmet("New Delhi: Goyal was in Washington in March.", "", ARTICLE) == ["city IN"]
    assert asked.unmet("Goyal was in New Delhi in March for the trade talks.", "", ARTICLE) == []
    assert asked.unmet("Goyal was in Mumbai in March for the trade talks.", "", ARTICLE) == []
    assert Constraints.of("Which city did Goyal visit in March?").city_of is None


def test_a_country_s_position_is_its_own():
    asked = Constraints.of("Whose farmers did Dhar say the US position is driven by the need to protect?")
    assert ("US", "position") in asked.owned
    said = ("Biswajit Dhar said India’s position is driven by the need to protect small and marginal farmers whose "
            "livelihoods depend on staple crops and dairy production.")
    assert asked.unmet(said, "", ARTICLE) == ["owner US's position"]
    assert Constraints.of("Whose farmers did Dhar say India's position is driven by the need to protect?").unmet(
        said, "", ARTICLE) == []


@pytest.mark.parametrize("item,sentence,question,instead", [
    ("period 2018-19", "India recorded a $41.18 billion trade surplus with the U.S. in FY2024-25.",
     "What was India's surplus in 2018-19?", "2024-25"),
    ("period 2018-19", "It was USD 35.32 billion in 2023-24, USD 27.7 billion in 2022-23, USD 32.85 billion in "
     "2021-22 and USD 22.73 billion in 2020-21.", "What was India's surplus in 2018-19?", "2020-21 to 2023-24"),
    # a year within the span the sentence gives is no figure of that year
    ("period 2024", "From 2009 to 2024, a total of 15,564 Indian nationals have been deported.",
     "How many were deported in 2024?", "2009 to 2024 as a whole"),
    ("period 2025", "From 2009 to 2024, a total of 15,564 Indian nationals have been deported.",
     "How many were deported in 2025?", "2009 to 2024"),
    ("period 2025", "The deficit widened over the years.", "What was the deficit in 2025?", None),
    # countries by name, as written; a people's word or a capital by the country's name
    ("country CA", "US goods trade deficit with India was $45.7 billion in 2024.",
     "What was the US deficit with Canada?", "India"),
    ("country JP", "Officials from New Delhi and Washington aim to advance the talks.",
     "What does Japan aim for?", "India and United States"),
    ("country BR", "Indian exporters fear another round of tariffs.", "What do Brazil's exporters fear?", "India"),
    # who did what, and other constraints, are not told by what the sentence names
    ("country IN doing it", "The US sealed pacts with Vietnam.", "Which pacts did India seal?", None),
    ("name misri", "Landau spoke to the press.", "What did Misri say?", None),
])
def test_what_a_sentence_speaks_of_in_place_of_an_unmet_constraint(item, sentence, question, instead):
    assert said_instead(item, sentence, question) == instead


@pytest.mark.parametrize("question,date,unmet", [
    # the month of a report asked of is the report's date, not the claim's period
    ("Until which July date were tariffs paused, according to the April article?", "2025-04", []),
    ("Until which July date were tariffs paused, according to the May report?", "2025-04", ["report May"]),
    ("What did the January 23 report say about the pause until July?", "2026-01-23", []),
    ("What did the January 22 report say about the pause until July?", "2026-01-23", ["report January 22"]),
    ("What did the January 22 report say about the pause until July?", "2026-01", []),  # no day to tell by
    ("What did the January report say about the pause until July?", None, ["report January"]),  # undated
])
def test_a_report_asked_of_by_its_date_is_an_article_of_that_date(question, date, unmet):
    article = ArticleContext.of("India, US advance talks", "Tariffs were paused until July 8.", date)
    assert Constraints.of(question).unmet("Tariffs on Indian exports were paused until July 8.", "", article) == unmet
    assert as_asked("report May", question) == "the May report"


@pytest.mark.parametrize("question,sentence,unmet", [
    # a kind asked of a thing is not answered by the thing named only as of other kinds
    ("How many were deported on military flights?",
     "A total of 15,564 Indian nationals have been deported through chartered and commercial flights.",
     ["kind military flights"]),
    ("How many were deported on commercial flights?",
     "A total of 15,564 Indian nationals have been deported through chartered and commercial flights.", []),
    # a count names no kind, and a sentence that does not name the thing leaves it to the other checks
    ("What did the ministry confirm about the number of phone calls?", "Modi has made eight calls.", []),
    ("How many were deported on military flights?", "A total of 15,564 Indian nationals have been deported.", []),
    # a participle tells what was done to the thing, not its kind
    ("When did the first load of deported migrants reach India?",
     "The first load of illegal migrants from India arrived in India in February 2025.", []),
])
def test_a_kind_asked_of_a_thing(question, sentence, unmet):
    assert Constraints.of(question).unmet(sentence, "", ARTICLE) == unmet


def test_the_doer_of_an_act_stands_in_its_clause_and_a_meeting_is_both_sides():
    from rag.aspects import done_by, done_with

    came = "Although Modi later agreed to make the call, he said it came too late."
    assert done_by("say", {"modi"}, came) is None  # Modi agreed; "he" said it
    assert done_by("agre", {"modi"}, came) == "modi"
    assert done_by("hold", {"landau", "misri"}, "They held phone talks with Landau.") is None
    met = "Goyal on Tuesday held discussions with US Commerce Secretary Howard Lutnick in Washington."
    assert done_with("hold", {"lutnick"}, met) and not done_with("hold", {"misri"}, met)
    # "Whom did Lutnick hold discussions with?" is answered by Goyal's discussions with him
    assert Constraints.of("Whom did Lutnick hold discussions with in Washington?").unmet(met, "", ARTICLE) == []
    assert Constraints.of("What did Lutnick say came too late?").unmet(came, "According to Lutnick, it mattered.",
                                                                      ARTICLE) == []


def test_an_official_of_a_country_asked_for_is_not_another_countrys_official_who_did_it():
    from rag.aspects import country_role_act_in, doer_described

    spoke = ("Speaking on the All-In Podcast on January 8, 2026, US Commerce Secretary Howard Lutnick said the "
             "agreement lost momentum after Prime Minister Narendra Modi did not personally reach out.")
    assert country_role_act_in("Which Indian minister spoke on the All-In Podcast?") == ("IN", "speak")
    assert country_role_act_in("Which US official did Goyal meet?") is None  # asks whom, not who did it
    assert doer_described("speak", spoke) == "US Commerce Secretary Howard Lutnick"
    assert Constraints.of("Which Indian minister spoke on the All-In Podcast?").unmet(spoke, "", ARTICLE) == [
        "country IN doing it"]
    assert Constraints.of("Which US official spoke on the All-In Podcast?").unmet(spoke, "", ARTICLE) == []
    # both did it, or it was done with the other
    talks = "US Deputy Secretary of State Christopher Landau and India’s Foreign Secretary Vikram Misri held talks."
    assert doer_described("hold", talks) is None
    met = "New Delhi: Commerce and Industry Minister Piyush Goyal on Tuesday held discussions with US Commerce " \
          "Secretary Howard Lutnick."
    assert doer_described("hold", met) == "Industry Minister Piyush Goyal"  # the day after the name is no one
    assert Constraints.of("Which US official held discussions with Goyal?").unmet(met, "", ARTICLE) == []


def test_an_office_holder_named_alone_holds_the_office_the_article_gives_them():
    asked = Constraints.of("Who did the US Deputy Secretary of State thank for India's help?")
    sentence = "Landau also thanked the Foreign Secretary Misri for India's assistance."
    titled_so = ArticleContext.of("India, US discuss trade", "US Deputy Secretary of State Christopher Landau and "
                                  "India’s Foreign Secretary Vikram Misri held phone talks. " + sentence, "2025-03-28")
    assert asked.unmet(sentence, "", titled_so) == []
    # the article gives Landau another office: the Foreign Secretary named is no Deputy Secretary of State
    titled_else = ArticleContext.of("India, US discuss trade", "US Deputy Secretary of Commerce Christopher Landau "
                                    "met India’s Foreign Secretary Vikram Misri. " + sentence, "2025-03-28")
    assert asked.unmet(sentence, "", titled_else) == ["name US Deputy Secretary of State"]


def test_a_person_named_alone_is_the_person_the_article_names_in_full():
    text = ("Former External Affairs Ministry official Pinak R Chakravarty said talks advanced. US Deputy Secretary "
            "of State Christopher Landau and India’s Foreign Secretary Vikram Misri held talks. As Chakravarty "
            "observed, engagement has grown.")
    article = ArticleContext.of("India, US trade deal within reach", text, "2026-01-23")
    # a title is the run of title words right before the name, and ends at another person's name
    assert article.titled == {("chakravarty", "Former External Affairs Ministry official Pinak R Chakravarty"),
                              ("landau", "US Deputy Secretary of State Christopher Landau"),
                              ("misri", "India’s Foreign Secretary Vikram Misri")}
    assert with_titles("As Chakravarty observed", article) == (
        "As Former External Affairs Ministry official Pinak R Chakravarty observed")
    asked = Constraints.of("What has engagement produced, according to the former diplomat?")
    assert asked.unmet("As Chakravarty observed, engagement has created investment.", "", article) == []
    assert asked.unmet("As Chakravarty observed, engagement has created investment.", "", ARTICLE) == [
        "source diplomat former"]


def test_the_verb_ending_a_question_is_no_goods_and_crude_is_oil():
    asked = Constraints.of("Which country's crude purchases did the 50% American penalty on Indian goods punish?")
    penalty = "The US imposed 50% on several Indian exports as a penalty for purchasing Russian oil."
    assert asked.unmet(penalty, "", ARTICLE) == []
    # the goods themselves are still asked for: a levy on dairy products says nothing of shrimp
    assert "goods shrimp" in Constraints.of("What tariff did the US impose on Indian shrimp?").unmet(
        "The US imposed a tariff on Indian dairy products.", "", ARTICLE)


def test_a_question_on_lowering_a_levy_is_answered_only_by_a_sentence_that_lowers_one():
    asked = Constraints.of("What tariff did the US cut on Indian textiles?")
    assert "act lowering" in asked.unmet("The US imposed 50% on several Indian exports including textiles.", "",
                                         ARTICLE)
    assert "act lowering" not in asked.unmet("The US agreed to duty cuts on Indian textiles.", "", ARTICLE)
    # a cut of a levy in other words: reductions, concessions, lowering
    assert "lowering" in Constraints.of("Which tariff cuts does India seek?").acts
    assert "act lowering" not in Constraints.of("Which tariff cuts does India seek?").unmet(
        "India is seeking duty concessions for labour-intensive sectors like textiles.", "", ARTICLE)
    # "cut" far from any levy asks of none
    assert "lowering" not in Constraints.of("Did the US cut India out of that round of trade deals?").acts


def test_a_question_on_raising_a_levy_is_not_answered_by_one_lowered():
    asked = Constraints.of("Which sectors did Chakravarty say discussions had advanced on raising duties for?")
    assert "act raising" in asked.unmet("He noted that discussions had advanced on lowering duties across sectors "
                                        "such as automobiles.", "", ARTICLE)
    # a levy imposed is one raised
    hike = Constraints.of("What tariff hike did the US announce on Indian textiles?")
    assert "act raising" not in hike.unmet("The US imposed 50% on several Indian exports including textiles.", "",
                                           ARTICLE)


def test_a_country_s_levies_are_its_tariffs():
    asked = Constraints.of("What did the US seek higher tariffs on?")
    assert "owner US's tariffs" in asked.unmet(
        "Donald Trump has also complained India’s levies higher tariff on American goods.", "", ARTICLE)


@pytest.mark.parametrize("question,met", [
    ("What percentage of the overall US trade deficit is with India?", False),  # shares of trade, none of a deficit
    ("What share of India's merchandise trade does the US account for?", True),
    # in other words: sales abroad are exports, goods bought from abroad imports, commerce trade
    ("Roughly what portion of India's overseas merchandise sales end up in America?", True),
    ("Roughly what fraction of the goods India buys from abroad comes from the United States?", True),
    ("What proportion of India's overall merchandise commerce is with America?", True),
    # and of the country's whole asked about: a share in India's imports is none of US imports
    ("What percentage of US imports come from India?", False),
    ("How many per cent of US imports come from India?", False),
    ("What share of India's imports comes from the US?", True),
    # the whole named first: America's purchases are no share of India's exports
    ("Of all the goods America buys abroad, what share comes from India?", False),
    ("Of everything India sells abroad, what portion goes to the US?", True),
    ("Of everything India trades in goods, what fraction is with the US?", True),  # the whole runs to the comma
    ("Of all goods America trades in, what fraction is with India?", False),
    # a country's share of a whole: India's share of US imports is not the US share of India's
    ("What was India's share of US goods imports?", False),
    ("What is the US share of India's imports?", True),
    # and of the goods asked: a share of all goods exports is none of textile exports
    ("What percentage of Indian textile exports go to America?", False),
    ("Roughly what fraction of everything India sells abroad in goods ends up in America?", True),
    # and the part asked of the whole must be named
    ("What share of India's exports to the US is engineering goods?", False),
    ("What was the share of dairy in India's exports to the US?", False),
])
def test_a_share_is_of_the_whole_asked_about(question, met):
    shares = ("The US accounts for about 18 per cent of India's total goods exports, 6.22 per cent in imports, and "
              "10.73 per cent in the country's total merchandise trade.")
    assert (not [u for u in Constraints.of(question).unmet(shares, "", ARTICLE) if u.startswith("share ")]) is met


def test_a_count_of_some_of_a_people_is_not_a_count_of_all_of_them():
    deported = "From 2009 to 2024, a total of 15,564 Indian nationals have been deported by the US."
    asked = Constraints.of("How many Indian students were deported by the US from 2009 to 2024?")
    assert "counted student" in asked.unmet(deported, "", ARTICLE)
    assert as_asked("counted student", "How many Indian students were deported?") == "Indian students"
    assert "counted student" not in asked.unmet("From 2009 to 2024, 1,200 Indian students were deported.", "",
                                                ARTICLE)
    # people in other words are the same people
    assert "counted nation" not in Constraints.of("How many Indian nationals were deported by the US?").unmet(
        deported, "", ARTICLE)


def test_a_question_on_agreeing_to_act_is_answered_only_by_an_agreement():
    asked = Constraints.of("Which sector did India agree to open fully?")
    assert "act agreeing" in asked.unmet("But they asked to open some sectors which are protected in India, even if "
                                         "partially.", "", ARTICLE)
    assert "act agreeing" not in asked.unmet("India agreed to open its dairy sector fully.", "", ARTICLE)
    # a trade agreement is no agreeing, and a question of one asks of none
    assert "act agreeing" in asked.unmet("The trade agreement would open the dairy sector.", "", ARTICLE)
    assert "agreeing" not in Constraints.of("What does the trade agreement open?").acts


def test_a_question_on_receiving_from_someone_is_answered_only_by_a_receiving():
    asked = Constraints.of("How many calls has Modi received from Trump?")
    assert "act receiving" in asked.unmet("MEA even confirmed that Modi has made eight calls to the US president.",
                                          "", ARTICLE)
    assert "act receiving" not in asked.unmet("Modi received eight calls from the US president.", "", ARTICLE)
    # getting alone, from no one, asks of no receiving
    assert "receiving" not in Constraints.of("What did India get in the deal?").acts


def test_a_question_on_a_refusal_or_a_stop_is_answered_only_by_one():
    asked = Constraints.of("Which country did Modi refuse to call?")
    assert "act refusing" in asked.unmet("Lutnick said the deal lost momentum after Prime Minister Narendra Modi did "
                                         "not personally reach out to then US President Donald Trump.", "", ARTICLE)
    assert "act refusing" in Constraints.of("Which goods did India stop importing from the US?").unmet(
        "US goods exports to India were $41.8 billion.", "", ARTICLE)
    # a will not to act is a refusal
    assert "act refusing" not in Constraints.of("Which sectors has India refused to open?").unmet(
        "Now, with a country where the majority of the livelihood is dependent on agriculture, we can’t risk "
        "opening it,” said the official.", "", ARTICLE)
    # a figure that declined asks of no refusal
    assert "refusing" not in Constraints.of("Why did India's exports decline in 2024?").acts


@pytest.mark.parametrize("question,sentence,turned", [
    ("What did Dhar say limited tariff adjustments would make impossible?",
     "He added that while limited tariff adjustments may be possible, unrestricted access would be difficult.", True),
    ("Which issues were resolved?", "Negotiators had reached alignment, though select issues remained unresolved.",
     True),
    # negated in other words, the word is turned in both
    ("What are Indian negotiators now offering outside trade?",
     "Indian negotiators have also reportedly offered enhanced access in non-trade areas.", False),
    ("Which issues were not resolved?", "Select issues remained unresolved.", False),
    # a prefix-like start of a word is no negation ("income" is no "come" undone)
    ("What did the MEA disclose about the talks?", "We have been close to the deal several times.", False),
    ("Which Indian official did Landau praise for help on migration?",
     "Landau also thanked the Foreign Secretary Misri for India’s assistance addressing illegal immigration.", False),
    # or its opposite in another word, either way round; both named, the sentence may set them side by side
    ("What did Dhar say would be easy to justify domestically?",
     "He added that unrestricted access would be difficult to justify domestically.", True),
    ("What would be easy for India to justify?", "Limited tariff adjustments may be possible.", False),
    # a change's direction is the trend's to check: the deficit widened by "a 5.1% increase"
    ("By how much did the deficit widen in 2024?", "A 5.1% increase, and the BTA is a tool to narrow this gap.", False),
    ("What would be hard rather than easy to justify?", "Access would be difficult to justify.", False),
])
def test_a_word_turned_by_a_negative_prefix(question, sentence, turned):
    assert turns(question, sentence) is turned


def test_which_office_holder_asks_who_holds_the_office():
    text = ("US Deputy Secretary of State Christopher Landau and India’s Foreign Secretary Vikram Misri held phone "
            "talks. Landau also thanked the Foreign Secretary Misri for India’s assistance.")
    article = ArticleContext.of("India, US discuss trade", text, "2025-03-28")
    thanked = "Landau also thanked the Foreign Secretary Misri for India’s assistance."
    # the Foreign Secretary he thanked is no minister
    assert "name Indian minister" in Constraints.of(
        "Which Indian minister did Landau thank for help with illegal immigration?").unmet(thanked, "", article)
    assert Constraints.of("Which Indian official did Landau thank for help?").unmet(thanked, "", article) == []
    goyal = "New Delhi: Commerce and Industry Minister Piyush Goyal held discussions with Howard Lutnick."
    assert "name Indian minister" not in Constraints.of("Which Indian minister met Lutnick?").unmet(
        goyal, "", ArticleContext.of("Goyal in Washington", goyal, "2025-05-20"))


def test_which_came_first_is_answered_only_by_a_sentence_that_gives_an_order():
    asked = Constraints.of("Which country did the US seal a trade pact with first?")
    pacts = "The US moved on to sealing trade pacts with Indonesia, the Philippines and Vietnam."
    assert "order first" in asked.unmet(pacts, "", ARTICLE)
    assert "order first" not in asked.unmet("The US first sealed a trade pact with Indonesia.", "", ARTICLE)
    # "the first phase" names a phase; it asks no order
    assert Constraints.of("What was the first phase of the trade agreement?").order is None


def test_a_possessive_before_an_act_done_to_someone_is_its_doer():
    confirmed = "MEA even confirmed that Modi has made eight calls to the US president in the last year."
    article = ArticleContext.of("Trade talks stall", "President Donald Trump backed a bill. " + confirmed, "2026-01")
    assert "agent trump" in Constraints.of("What did the MEA confirm about Trump's calls to Modi?").unmet(
        confirmed, "", article)
    assert Constraints.of("What did the MEA confirm about Modi's calls to Trump?").unmet(confirmed, "", article) == []
    # a possessive before a thing is still no doer
    assert Constraints.of("What did Goyal's post on X say?").agent == frozenset()


@pytest.mark.parametrize("text,flows", [
    ("How much crude oil did India buy from the US in 2025?", {("US", "IN")}),
    ("India exports textiles to the US.", {("IN", "US")}),
    ("Donald Trump has pushed India to buy more from the US.", {("US", "IN")}),
    # a verb of going is no goods, and the noun "exports" reads as before
    ("What share of India's total goods exports goes to the US?", set()),
    # the gap between two flows is no one flow
    ("How much more did America buy from India than it sold there in 2024?", set()),
])
def test_a_flow_told_by_its_verb(text, flows):
    assert flows_in(text) == flows


def test_a_flow_named_by_one_end_is_not_the_flow_into_the_other_country():
    shipped = "Also on a year-on-year basis, shipments to the US rose more than 22% in November."
    assert one_sided_flows(shipped) == {(1, "US")}
    assert one_sided_flows("Total US goods imports from India rose.") == {(0, "IN")}
    assert "flow US to IN" in Constraints.of(
        "How much did India's imports from the US grow in November?").unmet(shipped, "", ARTICLE)
    assert not any(u.startswith("flow") for u in Constraints.of(
        "How much did India's exports to the US grow in November?").unmet(shipped, "", ARTICLE))
    # "US shipments from India" arrive in the US (dev q1438)
    assert flows_in("In which month did US shipments from India rise?") == {("IN", "US")}


def test_a_flow_asked_of_a_country_is_not_done_by_it():
    # the flow asked (US goods to India), but India only pushed to buy: no offer of India's
    pushed = "Donald Trump has pushed India to buy more from the US and has also complained about India's tariffs."
    assert "country IN doing it" in Constraints.of(
        "Which goods did India offer to buy more of from the US?").unmet(pushed, "", ARTICLE)
    assert "country IN doing it" not in Constraints.of(
        "Which goods did India offer to buy more of from the US?").unmet(
        "Indian negotiators have offered increased purchases of American crude oil.", "", ARTICLE)


def test_a_flow_told_by_its_verb_is_not_answered_by_the_other_way():
    asked = Constraints.of("How much crude oil did India buy from the US in 2025?")
    assert "flow US to IN" in asked.unmet("India’s exports to the United States crossed the USD 100 billion mark in "
                                          "2025.", "", ARTICLE)


def test_a_group_of_people_asked_of_is_the_doer():
    asked = Constraints.of("What did importers fear after Trump's heads-up?")
    feared = "And India being one of the highest importers of Russian oil, exporters fear another round of tariff."
    article = ArticleContext.of("Deal on hold", "President Donald Trump gave a heads up for a bill. " + feared,
                                "2026-01")
    assert "agent importers" in asked.unmet(feared, "", article)
    assert Constraints.of("What did exporters fear after Trump's heads-up?").unmet(feared, "", article) == []


def test_an_office_named_without_a_country_is_still_that_office():
    asked = Constraints.of("What did Deputy Secretary of Commerce Landau discuss with Misri?")
    assert asked.offices == frozenset({("", "Deputy Secretary of Commerce", "Deputy Secretary of Commerce", False)})
    talks = ("US Deputy Secretary of State Christopher Landau and India’s Foreign Secretary Vikram Misri held phone "
             "talks and discussed ongoing defence cooperation.")
    assert "name Deputy Secretary of Commerce" in asked.unmet(talks, "", ARTICLE)
    # whatever country's, the office named is met
    assert "name Deputy Secretary of State" not in Constraints.of(
        "What did Deputy Secretary of State Landau discuss with Misri?").unmet(talks, "", ARTICLE)


def test_a_count_of_things_asked_of_is_not_answered_by_another_count_of_them():
    asked = Constraints.of("Do the terms of reference include 21 chapters?")
    terms = "The terms of reference for the BTA include around 19 chapters covering issues like tariffs."
    assert "count 21 chapter" in asked.unmet(terms, "", ARTICLE)
    assert Constraints.of("Do the terms of reference include 19 chapters?").unmet(terms, "", ARTICLE) == []
    # a sentence that counts none of them may still name the thing in other words
    assert "count 21 chapter" not in asked.unmet("The terms of reference cover tariffs and services.", "", ARTICLE)


def test_what_someone_will_do_is_answered_only_by_their_plan():
    asked = Constraints.of("What will India do if the 500% tariff bill passes?")
    heads_up = ("Uncertainties loom further over India as President Donald Trump gave a heads up for a bill that aims "
                "to impose 500% tariffs on countries trading with Russia.")
    assert "plan India" in asked.unmet(heads_up, "", ARTICLE)
    assert "plan India" not in asked.unmet("New Delhi is expected to respond to the 500% tariff bill.", "", ARTICLE)
    # what a thing is meant to do, or a figure projected to do, is no one's plan
    assert Constraints.of("What is the deficit projected to do?").plan_of is None


def test_how_many_is_not_answered_by_a_count_of_other_things_beside_them():
    asked = Constraints.of("How many chief negotiators took part in the May talks?")
    talks = "The meeting is followed by the deliberations between chief negotiators of the two countries."
    assert "counted negoti" in asked.unmet(talks, "", ARTICLE)
    # counted in other words, or by the word before them, they are counted
    assert "counted convers" not in Constraints.of("How many phone conversations did Modi have with Trump?").unmet(
        "MEA even confirmed that Modi has made eight calls to the US president.", "", ARTICLE)
    assert "counted indian" not in Constraints.of("How many Indians were deported?").unmet(
        "From 2009 to 2024, a total of 15,564 Indian nationals have been deported by the US.", "", ARTICLE)


def test_a_sentence_that_only_restates_what_a_why_question_takes_for_granted_gives_no_reason():
    from rag.admissible import restates_only
    from rag.question import analyse

    asked = analyse("Why did the US suspend the additional 26 per cent tariffs on India?")
    assert restates_only(asked, "The US has suspended the additional 26 per cent tariffs on India till July 9.")
    assert not restates_only(asked, "The US suspended the additional 26 per cent tariffs on India to allow talks.")
    # in fewer words: whom the levy is on, and that it is an additional one, give no reason either
    shorter = analyse("Why did the US suspend the 26 per cent tariffs?")
    assert restates_only(shorter, "The US has suspended the additional 26 per cent tariffs on India till July 9.")
    assert not restates_only(shorter, "The US suspended the additional 26 per cent tariffs on India to allow talks.")
    deported = analyse("Why has the US deported hundreds of Indians?")
    assert not restates_only(deported, "The US has deported hundreds of Indians who were found to have entered the "
                                       "country illegally.")


def test_an_office_holder_titled_with_a_country_holds_it_for_that_country():
    asked = Constraints.of("Who is the US foreign secretary?")
    titled = frozenset({("misri", "India’s Foreign Secretary Vikram Misri"), ("misri", "Foreign Secretary Misri")})
    thanked = "Landau also thanked the Foreign Secretary Misri for India’s assistance on migration to the US."
    assert asked.offices_unmet(thanked, frozenset({"misri"}), titled) == ["name US foreign secretary"]
    # titled with no country anywhere, the sentence alone tells: here it names none either way
    assert asked.offices_unmet(thanked, frozenset({"misri"}), frozenset({("misri", "Foreign Secretary Misri")})) == []
    indias = Constraints.of("Who is India's foreign secretary?")
    assert indias.offices_unmet(thanked, frozenset({"misri"}), titled) == []


def test_one_of_several_ranked_highest_is_not_the_highest():
    importer = "And India being one of the highest importers of Russian oil, exporters fear another round of tariff."
    assert Constraints.of("Which country is the largest importer of Russian oil?").unmet(importer, "", ARTICLE) == [
        "superlative largest import"]
    assert Constraints.of("Which country is one of the highest importers of Russian oil?").unmet(
        importer, "", ARTICLE) == []


def test_a_flow_s_growth_is_no_goods_of_it():
    # "India's export growth to the US" is the growth of all its exports; "defence sales" are of defence goods
    rose = "India's shipments to the US rose more than 22% in November as compared to the same month a year earlier."
    assert not [u for u in Constraints.of("What was India's export growth to the US in November?").unmet(
        rose, "", ARTICLE) if u.startswith("goods ")]
    assert "goods defenc" in Constraints.of("What were India's defence exports to the US in November?").unmet(
        rose, "", ARTICLE)


def test_figures_asked_by_a_country_s_data_are_that_country_s():
    ustr = ("US goods trade deficit with India was $45.7 billion in 2024, according to the office of the US Trade "
            "Representative.")
    assert Constraints.of("What was the US trade deficit with India in 2024 according to Indian data?").unmet(
        ustr, "", ARTICLE) == ["source IN"]
    assert Constraints.of("What was the US trade deficit with India in 2024 according to US data?").unmet(
        ustr, "", ARTICLE) == []
    # a figure given by no source says not whose it is; the sentence before may give it
    total = "Total goods trade between the two countries was an estimated $129.2 billion in 2024."
    by_us = Constraints.of("How big was total goods trade in 2024 by US estimates?")
    assert by_us.unmet(total, "", ARTICLE) == ["source US"]
    assert by_us.unmet(total, ustr, ARTICLE) == []


def test_who_holds_an_office_is_answered_by_its_titled_holder():
    people = frozenset({"trump", "modi"})
    titled = frozenset({("trump", "US President Donald Trump"), ("modi", "Prime Minister Narendra Modi")})
    assurances = ("Officials cited assurances from US President Donald Trump, who described Prime Minister Narendra "
                  "Modi as a close partner.")
    # the sentence gives the US to the President: its Prime Minister, given no country, is not the US one
    assert Constraints.of("Who is the Prime Minister of the US?").offices_unmet(assurances, people, titled) == [
        "name Prime Minister of the US"]
    assert Constraints.of("Who is the US president?").offices_unmet(assurances, people, titled) == []
    # a sentence that names the office and no one holding it does not say who holds it
    calls = "MEA even confirmed that Modi has made eight calls to the US president in the last year."
    assert Constraints.of("Who is the US president?").offices_unmet(calls, people, titled) == ["name US president"]


def test_an_act_done_to_someone_by_title_is_done_to_who_holds_it():
    article = ArticleContext.of("Agriculture, dairy hold up deal", "US Commerce Secretary Howard Lutnick spoke. "
                                "President Donald Trump gave a heads up. Prime Minister Narendra Modi did not call.",
                                "2026-01")
    calls = "MEA even confirmed that Modi has made eight calls to the US president in the last year."
    assert Constraints.of("How many calls did Modi make to Lutnick?").unmet(calls, "", article) == ["patient lutnick"]
    assert Constraints.of("How many calls did Modi make to Trump?").unmet(calls, "", article) == []
    # a call placed is one made
    assert Constraints.of("How many calls has Modi placed to Lutnick?").unmet(calls, "", article) == [
        "patient lutnick"]


def test_goods_asked_a_levy_on_in_two_phrases_are_both_asked():
    asked = Constraints.of("What is the tariff on Indian textiles and on Indian steel?")
    assert asked.goods == {"textil", "steel"}
    # a levy on textiles says nothing of steel
    assert "goods steel" in asked.unmet("The US imposed 50% on several Indian exports including sectors like "
                                        "textiles, leather, apparels, carpets.", "", ARTICLE)


def test_a_superlative_that_titles_a_post_ranks_no_figure():
    asked = Constraints.of("In which fiscal year was India's surplus with the US largest?")
    titled = ("US goods trade deficit with India was $45.7 billion in 2024, according to the office of the US Trade "
              "Representative the top trade negotiator for the US.")
    assert "superlative largest surplus" in asked.unmet(titled, "", ARTICLE)
    # a superlative of the surplus in other words still says it
    assert "superlative largest surplus" not in asked.unmet("India posted its biggest surplus with the US in "
                                                            "2024-25.", "", ARTICLE)


MONDAY = ("The Ministry of External Affairs (MEA) responded on Monday saying that they are “fully aware” of the "
          "proposal and “carefully monitoring” the situation.")
MARCH_17 = ("“The US has been carrying out deportation operations for several years now,” the Ministry of External "
            "Affairs said in response to a parliamentary query on March 17.")


@pytest.mark.parametrize("question,sentence,met", [
    # a response to a proposal answers no parliamentary query
    ("When did the MEA respond to the parliamentary query?", MONDAY, False),
    ("When did the MEA respond to the parliamentary query?", MARCH_17, True),
    ("When did the MEA answer parliament?", MARCH_17, True),  # "parliament" of "parliamentary"
    # "the proposal" is the proposed levy, by one of the question's words
    ("How did New Delhi's foreign ministry react to the proposed 500% levy?", MONDAY, True),
    # a preposition after the verb starts no thing responded to
    ("What did the MEA respond to on Monday?", MONDAY, True),
])
def test_a_response_names_what_it_answers(question, sentence, met):
    assert ("response" not in " ".join(Constraints.of(question).unmet(sentence, "", ARTICLE))) is met


def test_what_a_response_answers_is_said_as_asked():
    asked = "When did the MEA respond to the parliamentary query?"
    unmet = Constraints.of(asked).unmet(MONDAY, "", ARTICLE)
    assert [as_asked(u, asked) for u in unmet if u.startswith("response")] == [
        "a response to the parliamentary query"]


GOYAL_LUTNICK = ("New Delhi: Commerce and Industry Minister Piyush Goyal on Tuesday held discussions with US Commerce "
                 "Secretary Howard Lutnick in Washington.")
TALKS_ARTICLE = ArticleContext.of("Goyal meets Lutnick", GOYAL_LUTNICK, "2025-05-20")


@pytest.mark.parametrize("question,office,met", [
    # the people it names hold other offices: the sentence speaks of neither of these
    ("What did the US Commerce Secretary discuss with India's Foreign Secretary?", "India's Foreign Secretary", False),
    ("What did Goyal discuss with the US Trade Representative?", "US Trade Representative", False),
    # an office by another of its names: India's trade minister is its Commerce and Industry Minister
    ("Where did the Indian trade minister hold talks with the American commerce chief?", "Indian trade minister",
     True),
    ("What did India's commerce minister discuss with Lutnick?", "India's commerce minister", True),
])
def test_people_named_with_other_offices_do_not_hold_the_office_asked(question, office, met):
    unmet = Constraints.of(question).unmet(GOYAL_LUTNICK, "", TALKS_ARTICLE)
    assert (f"name {office}" not in unmet) is met


def test_the_us_secretary_of_state_is_its_foreign_minister():
    call = ("US Deputy Secretary of State Christopher Landau and India’s Foreign Secretary Vikram Misri held phone "
            "talks.")
    article = ArticleContext.of("India, US discuss trade", call, "2025-03-28")
    asked = Constraints.of("Which Indian official did the US deputy foreign minister speak with by phone?")
    assert asked.unmet(call, "", article) == []
    # a Deputy Secretary of State is no Secretary of State
    assert Constraints.of("Which Indian official did the US foreign minister call?").unmet(call, "", article)


DEFICIT_2024 = "US goods trade deficit with India was $45.7 billion in 2024, a 5.4 per cent increase over 2023."


@pytest.mark.parametrize("question,met", [
    # a year before 2024 is asked: the 2024 figure is none
    ("What was the US trade deficit with India before 2024?", False),
    ("What was the US trade deficit with India prior to 2024?", False),
    ("What was the US trade deficit with India after 2023?", True),
    ("What was the US trade deficit with India after 2024?", False),
])
def test_a_year_asked_as_a_bound_is_met_only_on_its_side(question, met):
    asked = Constraints.of(question)
    unmet = [u for u in asked.unmet(DEFICIT_2024, "", ARTICLE) if u.startswith("period")]
    assert (unmet == []) is met


def test_a_bound_is_said_as_asked():
    asked = "What was the US trade deficit with India before 2024?"
    assert Constraints.of(asked).periods == frozenset()
    assert as_asked("period before 2024", asked) == "a year before 2024"
    # a fiscal year is no bound, but the period asked
    fiscal = Constraints.of("What was India's surplus before 2024-25?")
    assert fiscal.relative_years == frozenset() and fiscal.periods == frozenset({Period(2024, fiscal=True)})


@pytest.mark.parametrize("question,sentence,told", [
    # a verb of holding a view, after the country (or its capital), tells its view
    ("Which markets does India consider sensitive?",
     "The US is seeking access to India’s dairy markets areas New Delhi considers politically sensitive.", True),
    ("Which markets does the US consider sensitive?",
     "The US is seeking access to India’s dairy markets areas New Delhi considers politically sensitive.", False),
    ("How does the US view the BTA?",
     "The U.S. reported a deficit of $45.7 billion with India in 2024, and views the BTA as a tool.", True),
    # without one, a thing called sensitive is so to the country it is of, not to the one pressing for it
    ("Which sectors does the US consider sensitive?",
     "The US has been asking India to open up a couple of sensitive sectors – agriculture and dairy.", False),
    ("Which sectors does India consider too sensitive to open?",
     "The US has been asking India to open up a couple of sensitive sectors – agriculture and dairy.", True),
])
def test_a_view_asked_is_the_view_of_the_country_asked(question, sentence, told):
    asked = Constraints.of(question)
    assert asked.viewers
    assert (not any(u.startswith("view ") for u in asked.unmet(sentence, "", ARTICLE))) is told
    assert Constraints.of("Which sectors are sensitive?").viewers == frozenset()
