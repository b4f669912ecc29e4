import pytest

from rag.casing import capitals_in, truecased, typed_in_lower_case

PASSAGES = ["New Delhi: Commerce and Industry Minister Piyush Goyal on Tuesday held discussions with US Commerce "
            "Secretary Howard Lutnick in Washington.",
            "The Ministry of External Affairs (MEA) responded. Commerce Ministry sources said talks went on.",
            "The minister said the talks would go on."]
UNSEEN = {"mumbai", "greer", "biden", "grow", "facebook", "york", "dates", "platform"}


def _cased(question):
    return truecased(question, capitals_in(PASSAGES), lambda word: word in UNSEEN)


@pytest.mark.parametrize("question,cased", [
    # countries, months and weekdays; "tell us" is the pronoun
    ("what was the us deficit with china in march?", "what was the US deficit with China in March?"),
    ("tell us the deficit with india", "tell us the deficit with India"),
    ("what are us goods exports to india's partners?", "what are US goods exports to India's partners?"),
    # the passages' names and runs; a title alone is a common noun ("the minister" is written so)
    ("what did lutnick tell the mea?", "what did Lutnick tell the MEA?"),
    ("what did the commerce ministry say?", "what did the Commerce Ministry say?"),
    ("what did the minister say?", "what did the minister say?"),
    # offices as news names them
    ("who is the deputy secretary of commerce?", "who is the Deputy Secretary of Commerce?"),
    # a word the index never saw, where a name stands; not a verb after "to"
    ("when did goyal meet lutnick in mumbai?", "when did Goyal meet Lutnick in Mumbai?"),
    ("when did goyal and greer meet?", "when did Goyal and Greer meet?"),
    ("how many calls did modi make to biden?", "how many calls did modi make to Biden?"),
    ("how much did exports grow?", "how much did exports grow?"),
    ("what did goyal say in his post on facebook?", "what did Goyal say in his post on Facebook?"),
    # one word past the lead, when it begins a name the passages write ("New Delhi"); not any word
    ("which secretary did goyal meet in new york?", "which secretary did Goyal meet in new York?"),
    ("on which dates in april were the talks held?", "on which dates in April were the talks held?"),
    ("on what platform did goyal post?", "on what platform did Goyal post?"),
])
def test_a_question_typed_in_lower_case_gets_its_names_capitals(question, cased):
    assert _cased(question) == cased


def test_only_a_question_typed_all_in_lower_case_is_recased():
    assert typed_in_lower_case("what was the us deficit?")
    assert not typed_in_lower_case("Which ministry's sources said talks were progressing rapidly?")
    assert not typed_in_lower_case("what was the US deficit?")
    assert not typed_in_lower_case("2024?")
