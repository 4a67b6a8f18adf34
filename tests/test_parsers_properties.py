"""Property tests for the number and date parsers."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from extractors.dates import extract as extract_dates
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


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["{d:02d}/{m:02d}/{y}", "{y}-{m:02d}-{d:02d}", "{d}-{mon}-{y}"]), st.sampled_from([".", "", ",", ")"]))
@example(dt.date(2024, 3, 12), "{d:02d}/{m:02d}/{y}", ".")
def test_a_numeric_or_stamp_date_is_found_whatever_ends_its_sentence(date, form, end):
    # a full stop after the year ends the sentence ("... published on 12/03/2024."); only a letter or digit glued
    # after it ("12.03.2024.5") makes it no date
    written = form.format(d=date.day, m=date.month, y=date.year, mon=MONTH_NAMES[date.month - 1][:3])
    doc = parse(f"Anytown YJS was inspected. The findings were published on {written}{end}")
    found = [(f.date, doc.text[f.span.char_start : f.span.char_end]) for f in extract_dates(doc).facts]
    assert found == [(date, written)]
    assert extract_dates(parse(f"Version {written}.5 of the form")).facts == []


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
       st.sampled_from(["%", " %", " per cent", " percent", "pc"]))
def test_percent_value_and_text_round_trip(value, unit):
    written = f"{value}{unit}"
    found = extract_percentages(parse(f"In total {written} of cases were good.")).facts
    assert [(p.value, p.text) for p in found] == [(float(value), written)]


@given(st.sampled_from(sorted(NUMBER_WORDS.items())))
def test_count_words(item):
    word, number = item
    assert parse_count(word) == number and parse_count(word.capitalize()) == number
    assert parse_count(str(number)) == number


# ------------------------------------------------------------------ the fast paths equal the plain ones
# Speed-ups that replace a simple reading with a faster one must give the same answer on any text.

_PIECES = st.sampled_from(["Good", "good", "‘Outstanding’", "requires", "improvement", "Requires improvement",
                           "not", "rated", "Hull", "(Kingston upon Hull)", "Hull’s", "a", "was", "to", "be",
                           "substantial", "’", "-", ".", ",", "\n", "\t", "İ", "ß", "Inadequate.", "2019"])
_TEXTS = st.lists(_PIECES, max_size=40).map(" ".join)


@given(_TEXTS, st.sampled_from(["hull", "hull (kingston upon hull)", "good", "a", "be", "ss", "i"]))
def test_word_count_by_string_search_equals_the_regular_expression(text, words):
    import regex

    from extractors.services import _count_words

    lowered = parse(text).lowered
    assert _count_words(lowered, words) == len(regex.findall(r"\b" + regex.escape(words) + r"\b", lowered))


@given(_TEXTS)
def test_lowered_text_keeps_every_offset(text):
    doc = parse(text)
    assert len(doc.lowered) == len(doc.text)
    assert all(a == b or a == b.lower() for a, b in zip(doc.lowered, doc.text, strict=True))


@given(_TEXTS)
@example("requires - improvement")  # a hyphen the label's words leave out, as the windows' reader does
def test_labels_found_in_windows_equal_labels_found_in_the_whole_text(text):
    from extractors.matching import LabelMatch, find_labels, label_matcher, label_words, nlp

    tokens = nlp().make_doc(text)
    whole = [LabelMatch(tokens[a:b].start_char, tokens[a:b].end_char, label_words(tokens[a:b], relative=False))
             for _, a, b in sorted(label_matcher()(tokens), key=lambda m: m[1])]
    assert find_labels(text) == whole
