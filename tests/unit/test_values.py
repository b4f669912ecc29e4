"""Values of one kind found in a sentence, normalized so equal values compare equal."""

import pytest

from rag.conflicts import Claim, date_role, disagreeing, first_value, values


@pytest.mark.parametrize("text,kind,expected", [
    ("a 5.4 per cent increase", "percent", {"5.4%"}),
    ("a 5.1% rise and 26 percent tariffs", "percent", {"5.1%", "26%"}),
    ("$45.7 billion and USD 41.18 billion", "money", {"45.7 billion", "41.18 billion"}),
    ("US$ 1,200 million", "money", {"1200 million"}),
    ("paused until July 9", "date", {"july 9"}),
    ("from 9 July onwards", "date", {"july 9"}),
    ("talks on Tuesday", "date", {"tuesday"}),
    ("from September-October", "month_range", {"september-october"}),
    ("no value at all", "percent", set()),
])
def test_values(text, kind, expected):
    assert values(text, kind) == expected


def test_equal_values_written_differently_compare_equal():
    assert values("5.1 per cent", "percent") == values("5.10%", "percent")
    assert values("July 9", "date") == values("9 July", "date")


def test_first_value_is_as_written():
    assert first_value("rose 5.4 per cent, then 2%", "percent") == "5.4 per cent"
    assert first_value("nothing", "date") is None

DEFICIT_A = "US goods trade deficit with India was $45.7 billion in 2024, a 5.4 per cent increase over 2023."
DEFICIT_B = "The U.S. reported a goods trade deficit of $45.7 billion with India in 2024, a 5.1% increase from 2023."
TERMS = {"deficit", "increas", "percentag"}


def _claim(text, source, similarity=0.8, relevance=0.6, date="2025-04"):
    return Claim(text, source, date, similarity, relevance)


def test_two_articles_giving_two_values_for_one_claim_disagree():
    lead = _claim(DEFICIT_A, "a.txt", 1.0)
    found = disagreeing(TERMS, "percent", lead, [_claim(DEFICIT_B, "b.txt")])
    assert [(c.source, v) for c, v in found] == [("a.txt", "5.4 per cent"), ("b.txt", "5.1%")]


@pytest.mark.parametrize("other,why", [
    (_claim(DEFICIT_B.replace("5.1%", "5.4 per cent"), "b.txt"), "the same value"),
    (_claim(DEFICIT_B, "b.txt", similarity=0.3), "another claim"),
    (_claim(DEFICIT_B, "b.txt", relevance=0.2), "does not answer the question as well"),
    (_claim(DEFICIT_B.replace("2024", "2022").replace("2023", "2021"), "b.txt"), "another period"),
    (_claim(DEFICIT_B, "a.txt"), "the same article"),
])
def test_no_disagreement(other, why):
    assert disagreeing(TERMS, "percent", _claim(DEFICIT_A, "a.txt", 1.0), [other]) == [], why


def test_dates_are_compared_only_in_the_same_role_and_form():
    lead = _claim("The US has suspended the additional tariffs on India till July 9.", "a.txt", 1.0)
    pause = _claim("With reciprocal tariffs on Indian exports paused until July 8, progress could follow.", "b.txt")
    start = _claim("The reciprocal tariffs system kicks into effect on April 2.", "c.txt")
    weekday = _claim("The tariffs were discussed on Friday.", "d.txt")
    found = disagreeing({"tariff", "suspend"}, "date", lead, [pause, start, weekday])
    assert [v for _, v in found] == ["July 9", "July 8"]
    assert (date_role("paused until July 8", 13), date_role("effect on April 2", 10)) == ("end", "start")
