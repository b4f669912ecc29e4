"""Short answers: the typed value a cited sentence gives, the one belonging to the period asked about."""

import pytest

from rag.question import analyse
from rag.spans import short_answer

SURPLUS = ("It was USD 35.32 billion in 2023-24, USD 27.7 billion in 2022-23, USD 32.85 billion in 2021-22 and "
           "USD 22.73 billion in 2020-21.")


@pytest.mark.parametrize("question,sentences,short", [
    ("How big was the US goods trade deficit with India in 2024?",
     ["US goods trade deficit with India was $45.7 billion in 2024, a 5.4 per cent increase ($2.4 billion)."],
     "$45.7 billion"),
    ("What was India's trade surplus with the US in 2022-23?", [SURPLUS], "USD 27.7 billion"),
    ("What was India's trade surplus with the US in 2020-21?", [SURPLUS], "USD 22.73 billion"),
    ("By what percentage did the deficit increase in 2024?",
     ["US goods trade deficit with India was $45.7 billion in 2024, a 5.4 per cent increase."], "5.4 per cent"),
    ("Until what date are the tariffs paused?", ["The US has suspended the tariffs till July 9."], "July 9"),
    ("Who is the US Commerce Secretary?",
     ["Minister Piyush Goyal held discussions with US Commerce Secretary Howard Lutnick in Washington."],
     "Howard Lutnick"),
    ("Who did Piyush Goyal hold discussions with?",
     ["Minister Piyush Goyal held discussions with US Commerce Secretary Howard Lutnick in Washington."],
     "Howard Lutnick"),
    ("How many chapters do the terms of reference include?", ["The ToRs include around 19 chapters."], "19"),
    ("How many Indians were deported from 2009 to 2024?",
     ["From 2009 to 2024, a total of 15,564 Indian nationals have been deported."], "15,564"),
    ("What tariff does the US impose on textiles?",
     ["Exports rose to $59.04 billion.", "The US imposed 50% on several Indian exports."], "50%"),
    ("Why did the talks stall?", ["Agriculture remains the sticking point."], None),
])
def test_short_answer(question, sentences, short):
    assert short_answer(analyse(question), sentences) == short
