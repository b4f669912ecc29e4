"""Values of one kind found in a sentence, normalized so equal values compare equal."""

import pytest

from rag.conflicts import first_value, values


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
