"""Calendar dates that name at least a month and a year, with their role."""

from __future__ import annotations

import datetime as dt

import regex

from models.facts import DateMention
from models.patterns import DATE, DATE_ROLE_CUES, DAY_BEFORE_PAIR, MONTHS, NUMERIC_DATE
from pipeline.parse import ParsedDocument, TextLine

VERSION = "dates/2"

_DATE = regex.compile(DATE, regex.IGNORECASE)
_NUMERIC = regex.compile(NUMERIC_DATE)
_PAIR_DAY = regex.compile(DAY_BEFORE_PAIR, regex.IGNORECASE)
_ROLES = [(role, regex.compile(p, regex.IGNORECASE)) for role, p, _ in DATE_ROLE_CUES]
_SIGNATURE = regex.compile(r"\bchief\s+inspector\b", regex.IGNORECASE)


def make_date(year: int, month: int, day: int | None) -> dt.date | None:
    """A real calendar date, or None (31 February is not a date)."""
    try:
        return dt.date(year, month, day or 1)
    except ValueError:
        return None


def parse_date(text: str) -> tuple[dt.date, str] | None:
    """'28 March 2019' -> (2019-03-28, 'day'); 'March 2019' -> (2019-03-01, 'month')."""
    match = _DATE.fullmatch(text.strip())
    if match:
        day = int(match.group("day")) if match.group("day") else None
        month = MONTHS[match.group("month").lower().rstrip(".")]
        date = make_date(int(match.group("year")), month, day)
        return (date, "day" if day else "month") if date else None
    match = _NUMERIC.fullmatch(text.strip())
    if match:
        date = make_date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        return (date, "day") if date else None
    return None


def extract(doc: ParsedDocument) -> list[DateMention]:
    found: list[tuple[int, int, dt.date, str]] = []
    for match in _DATE.finditer(doc.text):
        day = int(match.group("day")) if match.group("day") else None
        date = make_date(int(match.group("year")), MONTHS[match.group("month").lower().rstrip(".")], day)
        if date is not None:
            found.append((match.start(), match.end(), date, "day" if day else "month"))
            # "16 and 30 September 2013": the first day shares the second's month and year.
            window = max(0, match.start() - 16)
            pair = _PAIR_DAY.search(doc.text[window : match.start()]) if day else None
            if pair:
                first = make_date(date.year, date.month, int(pair.group("day")))
                if first:
                    found.append((window + pair.start("day"), window + pair.end("day"), first, "day"))
    for match in _NUMERIC.finditer(doc.text):
        date = make_date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        if date is not None:
            found.append((match.start(), match.end(), date, "day"))
    found.sort(key=lambda item: item[0])
    return [
        DateMention(date, precision, role_of(doc, start, end), doc.text[start:end], doc.span(start, end))
        for start, end, date, precision in found
    ]


def role_of(doc: ParsedDocument, start: int, end: int) -> str:
    line = doc.line_at(start)
    standalone = cover_or_signature_role(doc, line, start, end) if line is not None else None
    if standalone is not None:
        return standalone
    sentence = doc.sentence_at(start)
    before = doc.text[sentence.start : start]
    contexts = [regex.split(r";|:\s", before)[-1], before, sentence.text]
    lead_in = doc.sentence_at(sentence.start - 1) if sentence.start > 0 else None
    if lead_in is not None and lead_in.text.endswith(":"):
        contexts.append(lead_in.text)  # "... undertaken on the weeks commencing:" / "16 September 2013 and ..."

    for context in contexts:
        for role, pattern in _ROLES:
            if pattern.search(context):
                return role
    return "other"


def cover_or_signature_role(doc: ParsedDocument, line: TextLine, start: int, end: int) -> str | None:
    """A date line under the chief inspector's signature, or the cover's imprint."""
    rest = (doc.text[line.start : start] + doc.text[end : line.end]).strip(" ,.-–")
    if rest and not regex.fullmatch(r"(?:HM|Her Majesty's|His Majesty's)\s+Inspectorate\s+of\s+Probation|HMI\s+Probation", rest, regex.IGNORECASE):
        return None
    index = doc.lines.index(line)
    previous = doc.lines[max(0, index - 3) : index]
    if any(_SIGNATURE.search(p.text) for p in previous):
        return "report_signed"
    before_body = not any(regex.match(r"(?i)^(contents|foreword|summary|introduction)$", p.text) for p in doc.lines[:index])
    if index < 15 and before_body:
        return "publication"  # "HM Inspectorate of Probation, May 2024" on the cover
    return None
