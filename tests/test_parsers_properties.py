"""Property tests for the number and date parsers."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from extractors.dates import parse_date
from extractors.numbers import parse_count, parse_number
from extractors.percentages import extract as extract_percentages
from models.patterns import NUMBER_WORDS
from tests.helpers import parse

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_day_month_year_round_trips(date):
    assert parse_date(f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}") == (date, "day")
    assert parse_date(f"{date.day:02d}/{date.month:02d}/{date.year}") == (date, "day")


@given(st.integers(1990, 2099), st.integers(1, 12))
def test_month_year_has_month_precision_and_no_invented_day(year, month):
    assert parse_date(f"{MONTH_NAMES[month - 1]} {year}") == (dt.date(year, month, 1), "month")


@given(st.integers(1990, 2099), st.integers(1, 12), st.integers(29, 31))
def test_impossible_days_are_not_dates(year, month, day):
    try:
        real = dt.date(year, month, day)
    except ValueError:
        real = None
    result = parse_date(f"{day} {MONTH_NAMES[month - 1]} {year}")
    assert (result[0] if result else None) == real


@given(st.integers(0, 10**7))
def test_thousands_separators(value):
    assert parse_number(f"{value:,}") == value


@given(st.decimals(min_value=0, max_value=100, places=1, allow_nan=False),
       st.sampled_from(["%", " %", " per cent", " percent"]))
def test_percent_value_and_text_round_trip(value, unit):
    written = f"{value}{unit}"
    found = extract_percentages(parse(f"In total {written} of cases were good.")).facts
    assert [(p.value, p.text) for p in found] == [(float(value), written)]


@given(st.sampled_from(sorted(NUMBER_WORDS.items())))
def test_count_words(item):
    word, number = item
    assert parse_count(word) == number and parse_count(word.capitalize()) == number
    assert parse_count(str(number)) == number
