"""Dates as articles and filters carry them."""

import datetime

import pytest

from rag.dates import check_date, date_label, date_range, dated_relative, is_date, readable_date
from rag.errors import RagError


@pytest.mark.parametrize("value,ok", [
    ("2025", True), ("2025-05", True), ("2025-05-20", True), ("2024-02-29", True),
    ("2025-02-30", False), ("2025-99-99", False), ("2025-13", False), ("2025-00", False), ("2025-13-45", False),
    ("2023-02-29", False), ("25-05-20", False), ("2025/05/20", False), ("last week", False), ("", False),
])
def test_is_date(value, ok):
    assert is_date(value) is ok


def test_check_date_names_the_option():
    assert check_date("--since", None) is None and check_date("--since", "2025-05") == "2025-05"
    with pytest.raises(RagError, match="--since must be a date like 2025"):
        check_date("--since", "2025-13-45")


@pytest.mark.parametrize("date,expected", [
    ("2026-01", ("2026-01-01", "2026-01-31")), ("2025", ("2025-01-01", "2025-12-31")),
    ("2025-03-28", ("2025-03-28", "2025-03-28")),
])
def test_date_range_of_partial_dates(date, expected):
    assert date_range(date) == expected


@pytest.mark.parametrize("date,expected", [
    ("2026-01-23", "January 23, 2026"), ("2026-01", "January 2026"), ("2026", "2026"),
    (None, "an undated article"), ("2026-13", "2026-13"),
])
def test_readable_date(date, expected):
    assert readable_date(date) == expected


def test_date_label():
    assert date_label("2025-03-28") == "2025-03-28"
    assert date_label("2026-01", inferred=True) == "2026-01 (inferred)"
    assert date_label(None, inferred=True) == "undated"


@pytest.mark.parametrize("question,dated", [
    ("What was India's surplus with the US last year?", "What was India's surplus with the US in 2025?"),
    ("What is the US deficit this year?", "What is the US deficit in 2026?"),
    ("What will the deficit be next year?", "What will the deficit be in 2027?"),
    ("What were exports in January last year?", "What were exports in January 2025?"),
    ("What were last month's exports?", "What were November 2026's exports?"),
    ("What happened during last month?", "What happened during November 2026?"),
    # spans counted back, and a year before another, are no calendar year
    ("How many calls did Modi make in the last year?", "How many calls did Modi make in the last year?"),
    ("How much did exports grow over the past year?", "How much did exports grow over the past year?"),
    ("Was the deficit larger the previous year?", "Was the deficit larger the previous year?"),
    ("What may this year bring?", "What may in 2026 bring?"),  # "may" is no month
])
def test_a_year_named_from_the_day_asked_is_written_out(question, dated):
    assert dated_relative(question, datetime.date(2026, 12, 6)) == dated


def test_last_month_in_january_is_last_year_s_december():
    assert dated_relative("What happened last month?", datetime.date(2026, 1, 5)) == "What happened in December 2025?"
