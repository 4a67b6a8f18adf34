"""Calendar dates that name at least a month and a year, with their role."""

from __future__ import annotations

import datetime as dt

import regex

from models.facts import DateMention
from models.patterns import (
    BEFORE_YEAR,
    DATE_ROLE_CUES,
    MONTHS,
    NUMERIC_DATE,
    RANGE_START,
    US_BEFORE_YEAR,
    YEAR,
)
from pipeline.parse import ParsedDocument, TextLine

VERSION = "dates/3"

_NUMERIC = regex.compile(NUMERIC_DATE)
_YEAR = regex.compile(YEAR)
_BEFORE_YEAR = regex.compile(BEFORE_YEAR, regex.IGNORECASE)
_US_BEFORE_YEAR = regex.compile(US_BEFORE_YEAR, regex.IGNORECASE)
_RANGE_START = regex.compile(RANGE_START, regex.IGNORECASE)
_ROLES = [(role, regex.compile(p, regex.IGNORECASE)) for role, p, _ in DATE_ROLE_CUES]
_CLAUSE_BREAK = regex.compile(r";|:\s")
_IMPRINT = regex.compile(r"(?:HM|Her Majesty's|His Majesty's)\s+Inspectorate\s+of\s+Probation|HMI\s+Probation", regex.IGNORECASE)
_BODY_START = regex.compile(r"(?i)^(contents|foreword|summary|introduction)$")
_SIGNATURE = regex.compile(r"\bchief\s+inspector\b", regex.IGNORECASE)


def make_date(year: int, month: int, day: int | None) -> dt.date | None:
    """A real calendar date, or None (31 February is not a date)."""
    try:
        return dt.date(year, month, day or 1)
    except ValueError:
        return None


def parse_date(text: str) -> tuple[dt.date, str] | None:
    """'28 March 2019' -> (2019-03-28, 'day'); 'March 2019' -> (2019-03-01, 'month'); None if not one date."""
    text = text.strip()
    for start, end, date, has_day in month_year_dates(text):
        if start == 0 and end == len(text):
            return date, "day" if has_day else "month"
    match = _NUMERIC.fullmatch(text)
    if match:
        numeric = make_date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        return (numeric, "day") if numeric else None
    return None


def extract(doc: ParsedDocument) -> list[DateMention]:
    found: list[tuple[int, int, dt.date, str]] = []
    for start, end, date, has_day in month_year_dates(doc.text):
        found.append((start, end, date, "day" if has_day else "month"))
        first = range_start(doc.text, start, date, has_day)
        if first is not None:
            found.append(first)
    for match in _NUMERIC.finditer(doc.text):
        numeric = make_date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        if numeric is not None:
            found.append((match.start(), match.end(), numeric, "day"))
    found.sort(key=lambda item: item[0])
    return [
        DateMention(date, precision, role_of(doc, start, end), doc.text[start:end], doc.span(start, end))
        for start, end, date, precision in found
    ]


def month_year_dates(text: str) -> list[tuple[int, int, dt.date, bool]]:
    """(start, end, date, names a day) for "28 March 2019", "March 2019" and "March 28, 2019"."""
    out = []
    for year in _YEAR.finditer(text):
        window_start = max(0, year.start() - 40)
        window = text[window_start : year.start()]
        match = _BEFORE_YEAR.search(window) or _US_BEFORE_YEAR.search(window)
        if match is None:
            continue
        day = int(match.group("day")) if match.group("day") else None
        date = make_date(int(year.group("year")), MONTHS[match.group("month").lower().rstrip(".")], day)
        if date is not None:
            out.append((window_start + match.start(), year.end(), date, day is not None))
    return out


def range_start(text: str, end_start: int, end: dt.date, end_has_day: bool) -> tuple[int, int, dt.date, str] | None:
    """The first date of a range that names its year once, at the end.

    "16 and 30 September 2013" -> 16 September 2013; "29 January to 2 February 2024"
    -> 29 January 2024; "January to December 2018" -> January 2018. A start month
    after the end month falls in the year before ("November to February 2019").
    """
    window = max(0, end_start - 24)
    match = _RANGE_START.search(text[window:end_start])
    if match is None:
        return None
    if match.group("month_only"):
        month, day = MONTHS[match.group("month_only").lower().rstrip(".")], None
        span = match.span("month_only")
    elif match.group("month"):
        month, day = MONTHS[match.group("month").lower().rstrip(".")], int(match.group("day"))
        span = (match.start("day"), match.end("month"))
    elif end_has_day:
        month, day = end.month, int(match.group("day"))  # "16 and 30 September": same month
        span = match.span("day")
    else:
        return None  # "4 and March 2019" is not a range
    year = end.year - 1 if month > end.month else end.year
    date = make_date(year, month, day)
    if date is None or date > end:
        return None
    return window + span[0], window + span[1], date, "day" if day else "month"


def role_of(doc: ParsedDocument, start: int, end: int) -> str:
    line = doc.line_at(start)
    standalone = cover_or_signature_role(doc, line, start, end) if line is not None else None
    if standalone is not None:
        return standalone
    heading = column_heading(doc, line, start) if line is not None else None
    if heading is not None:
        for role, pattern in _ROLES:
            if pattern.search(heading):
                return role
    sentence = doc.sentence_at(start)
    before = doc.text[sentence.start : start]
    contexts = [_CLAUSE_BREAK.split(before)[-1], before, sentence.text]
    lead_in = doc.sentence_at(sentence.start - 1) if sentence.start > 0 else None
    if lead_in is not None and lead_in.text.endswith(":"):
        contexts.append(lead_in.text)  # "... undertaken on the weeks commencing:" / "16 September 2013 and ..."

    for context in contexts:
        for role, pattern in _ROLES:
            if pattern.search(context):
                return role
    return "other"


def column_heading(doc: ParsedDocument, line: TextLine, offset: int) -> str | None:
    """The heading of the table column holding offset ("Published" over "March 2020")."""
    if "\t" not in line.text:
        return None
    column = doc.text[line.start : offset].count("\t")
    index = doc.line_index_at(line.start)
    for above in reversed(doc.lines[max(0, index - 40) : index]):
        if "\t" not in above.text:
            return None
        cells = above.text.split("\t")
        if not any(ch.isdigit() for ch in above.text) and column < len(cells):
            return cells[column]  # the first row above without figures is the heading row
    return None


def cover_or_signature_role(doc: ParsedDocument, line: TextLine, start: int, end: int) -> str | None:
    """A date line under the chief inspector's signature, or the cover's imprint."""
    rest = (doc.text[line.start : start] + doc.text[end : line.end]).strip(" ,.-–")
    if rest and not _IMPRINT.fullmatch(rest):
        return None
    index = doc.line_index_at(line.start)
    previous = doc.lines[max(0, index - 3) : index]
    if any(_SIGNATURE.search(p.text) for p in previous):
        return "report_signed"
    before_body = not any(_BODY_START.match(p.text) for p in doc.lines[:index])
    if index < 15 and before_body:
        return "publication"  # "HM Inspectorate of Probation, May 2024" on the cover
    return None
