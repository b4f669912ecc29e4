"""Values of one kind found in a sentence, normalized so equal values compare equal."""

import pytest

from rag.conflicts import Claim, clause_of, date_role, disagreeing, measure_of
from rag.values import first_value, on_weekday, values


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


SUSPENDED = "The US has suspended the additional 26 per cent tariffs on India till July 9."
PLANNED = "India and the US discussed trade days ahead of President Donald Trump's reciprocal 25% tariffs."


@pytest.mark.parametrize("other_date,disagree", [
    ("2025-03-28", False),  # seven weeks before: where things stood then
    ("2025-05-18", True),  # two days before: the same moment, told two ways
    ("2025-05", True),  # a month that holds days near it
    (None, False),  # an undated article is of no known moment
])
def test_where_things_stand_now_is_told_by_articles_of_one_moment(other_date, disagree):
    lead = _claim(SUSPENDED, "a.txt", 1.0, date="2025-05-20")
    other = _claim(PLANNED, "b.txt", date=other_date)
    assert bool(disagreeing({"tariff", "india"}, "percent", lead, [other], now=True)) is disagree
    # asked of no moment in particular, the two values disagree whenever they were written
    assert disagreeing({"tariff", "india"}, "percent", lead, [other])


@pytest.mark.parametrize("other,why", [
    (_claim(DEFICIT_B.replace("5.1%", "5.4 per cent"), "b.txt"), "the same value"),
    (_claim(DEFICIT_B, "b.txt", similarity=0.3), "another claim"),
    (_claim(DEFICIT_B, "b.txt", relevance=0.2), "does not answer the question as well"),
    (_claim(DEFICIT_B.replace("2024", "2022").replace("2023", "2021"), "b.txt"), "another period"),
    (_claim(DEFICIT_B, "a.txt"), "the same article"),
])
def test_no_disagreement(other, why):
    assert disagreeing(TERMS, "percent", _claim(DEFICIT_A, "a.txt", 1.0), [other]) == [], why


def test_a_weekday_is_the_day_of_its_report_s_week():
    assert on_weekday("friday", "2025-03-28") == "march 28"  # the report's own day
    assert on_weekday("monday", "2026-01-23") == "january 19"  # the Monday before
    assert on_weekday("friday", "2025-04") is None  # no day to count from


def test_a_weekday_and_a_date_disagree_only_as_two_accounts_of_one_event():
    lead = _claim("The call between Misri and Landau was held on March 29.", "a.txt", 1.0, date="2025-04")
    friday = _claim("Misri and Landau held phone talks on Friday.", "b.txt", date="2025-03-28")
    found = disagreeing({"misri", "landau"}, "date", lead, [friday])
    assert [v for _, v in found] == ["March 29", "Friday"]
    # a Tuesday seven weeks later is another meeting, not another account of this one
    tuesday = _claim("Misri and Landau held talks on Tuesday.", "b.txt", date="2025-05-20")
    assert disagreeing({"misri", "landau"}, "date", lead, [tuesday]) == []
    # the same day, told as a weekday, is no disagreement
    saturday = _claim("Misri and Landau held phone talks on Saturday.", "b.txt", date="2025-03-29")
    assert disagreeing({"misri", "landau"}, "date", lead, [saturday]) == []


def test_dates_are_compared_only_in_the_same_role_and_form():
    lead = _claim("The US has suspended the additional tariffs on India till July 9.", "a.txt", 1.0)
    pause = _claim("With reciprocal tariffs on Indian exports paused until July 8, progress could follow.", "b.txt")
    start = _claim("The reciprocal tariffs system kicks into effect on April 2.", "c.txt")
    weekday = _claim("The tariffs were discussed on Friday.", "d.txt")
    found = disagreeing({"tariff", "suspend"}, "date", lead, [pause, start, weekday])
    assert [v for _, v in found] == ["July 9", "July 8"]
    assert (date_role("paused until July 8", 13), date_role("effect on April 2", 10)) == ("end", "start")


PAUSE = "With reciprocal tariffs on Indian exports paused until July 8, the BTA's progress could mitigate hikes."


def test_the_clause_that_holds_a_value():
    assert clause_of(PAUSE, "July 8") == "With reciprocal tariffs on Indian exports paused until July 8"
    assert clause_of("It rose 5.4 per cent (USD 2.4 billion) over 2023.", "USD 2.4 billion") == "USD 2.4 billion"
    assert clause_of("No value here.", "July 8") == "No value here."


def test_a_claim_in_one_clause_of_a_long_sentence_is_judged_by_that_clause():
    lead = _claim("The US has suspended the additional tariffs on India till July 9.", "a.txt", 1.0, relevance=0.77)
    far = _claim(PAUSE, "b.txt", relevance=0.55)  # the sentence as a whole is 0.22 less close to the question
    clause_relevance = {"The US has suspended the additional tariffs on India till July 9.": 0.77,
                        "With reciprocal tariffs on Indian exports paused until July 8": 0.76}
    assert disagreeing({"tariff", "suspend"}, "date", lead, [far]) == []
    found = disagreeing({"tariff", "suspend"}, "date", lead, [far], relevance=clause_relevance.get)
    assert [v for _, v in found] == ["July 9", "July 8"]
    # a clause no closer to the question than its sentence is still no claim of the answer's
    clause_relevance["With reciprocal tariffs on Indian exports paused until July 8"] = 0.55
    assert disagreeing({"tariff", "suspend"}, "date", lead, [far], relevance=clause_relevance.get) == []


FLOWS = ("US goods exports to India were $41.8 billion, up 3.4 per cent ($1.4 billion) from 2023 and total US goods "
         "imports from India totalled $87.4 billion in 2024, up 4.5 per cent ($3.7 billion) from 2023.")


@pytest.mark.parametrize("text,value,measure", [
    (FLOWS, "3.4 per cent", "exports"),
    (FLOWS, "4.5 per cent", "imports"),
    (DEFICIT_B, "5.1%", "balance"),  # "trade deficit" is a deficit, not trade
    ("Trump's reciprocal 25% tariffs system kicks into effect on April 2.", "25%", "tariff"),
    ("The US has suspended the additional 26 per cent tariffs on India till July 9.", "26 per cent", "tariff"),
    ("It grew 7 per cent.", "7 per cent", None),
    # a share is of what follows "of": an export share is no tariff
    ("The US accounts for about 18 per cent of India's total goods exports.", "18 per cent", "exports"),
])
def test_what_a_figure_is_a_figure_of(text, value, measure):
    assert measure_of(text, value) == measure


def test_figures_of_two_measures_never_disagree():
    # alike sentences about US-India trade in 2024: exports grew 3.4 per cent, the deficit 5.1%
    lead = _claim(FLOWS, "a.txt", 1.0)
    assert disagreeing({"export", "grow"}, "percent", lead, [_claim(DEFICIT_B, "b.txt")]) == []
