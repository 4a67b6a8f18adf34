"""Calendar dates that name at least a month and a year, with their role.

Every month name (written out or short) and every numeric or stamp date is a
candidate. With a year it is a date ("28 March 2019", "March 2019", "March 28,
2019", "28/03/2019", "2018-07-23", "12-Oct-2020", "workJanuary 2015" as a transcript
glues it); without one it is set aside, as "year_not_stated" when it reads as a
date ("in January", "May 12") and "not_a_date" when the word is another word
("they may pose", "to march").

A date's role comes from the words nearest before it, in its own clause and after
any earlier date: "published on", "took place in", "cases which commenced between",
"data for the year ending", "was notified in". A news page's or a minute's own
dateline is "other"; a report's cover date and the Inspectorate's imprint
("HM Inspectorate of Probation, June 2019") are its publication; a date of an
earlier inspection is "other".
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

import regex

from extractors.occurrence import after_word_boundary
from models.chief_inspectors import BY_NAME
from models.document import Document, TextLine
from models.facts import DateMention, Extraction, Mention
from models.patterns import (
    BEFORE_YEAR,
    DATE_CUES,
    DATE_ROLE_CUES,
    ISO_DATE,
    MONTHS,
    NUMERIC_DATE,
    RANGE_START,
    STAMP_DATE,
    US_BEFORE_YEAR,
    YEAR,
)

VERSION = "dates/11"

_NUMERIC = regex.compile(NUMERIC_DATE)
_YEAR = regex.compile(YEAR)
_BEFORE_YEAR = regex.compile(BEFORE_YEAR, regex.IGNORECASE)
_US_BEFORE_YEAR = regex.compile(US_BEFORE_YEAR, regex.IGNORECASE)
_RANGE_START = regex.compile(RANGE_START, regex.IGNORECASE)
_ROLES = [(role, regex.compile(p, regex.IGNORECASE)) for role, p, _ in DATE_ROLE_CUES]
_CUES = [(role, strength, regex.compile(p, regex.IGNORECASE)) for role, strength, p, _ in DATE_CUES]
_ISO = regex.compile(ISO_DATE)
_STAMP = regex.compile(STAMP_DATE, regex.IGNORECASE)
# MONTH_WORD and MONTH_GLUED (models.patterns, which declare them) both at once, in the lower-cased text (Document.lowered), where a case-sensitive scan skips to each name: every
# month name that ends a word, then kept as MONTH_WORD keeps it (a word of its own) or as MONTH_GLUED does (glued
# to the word before it, its capital after a small letter or a digit). A report: 2.5 -> 0.4 ms.
_MONTH_NAME_LOWER = re.compile("(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?!\w)")
_GLUED_BEFORE = re.compile(r"[a-z0-9]")
_EARLIER_INSPECTION = regex.compile(r"\b(?:first|previous|last|earlier|prior|original)\s+(?:re-?\s?)?inspection\b"
                                    r"|\bhad\s+been\s+(?:rated|judged|graded|inspected)\b"
                                    # "The service was last inspected in July 2023"
                                    r"|\b(?:last|previously)\s+inspected\b", regex.IGNORECASE)
# Where a date's own words begin: a clause break, or the end of an earlier date.
_DATE_CLAUSE_BREAK = regex.compile(r"[;:()]|\.\s|,\s+(?:and|but|while|which|where)\s|\s[–—]\s")
# What a dateline holds besides its date: "Posted: Friday, 3rd Mar 2023", "Monday, 9th May 2022, 4:05 pm",
# " date 2024-02-28", "Meeting: 14/03/2012 - Cabinet (Item 9)", "Published 3rd Aug 2022, 09:15 BST- 2 min read"
_DATELINE_REST = regex.compile(
    r"^(?:[\s,.:|·–—()-]|published|updated|posted|released|issued|post\s+on|date|meeting|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|\d{1,2}[.:]\d\d|am|pm|bst|gmt|\d+\s+mins?\s+read|by\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*"
    r"|cabinet|council|committee|item\s+\d+|agenda|minutes)*$", regex.IGNORECASE)
# A council paper's heading: the meeting, then its day and time. "Children's Scrutiny Committee - Wednesday
# 4 March 2015 6.30 pm", "Cabinet – Tuesday, 9 June 2020"
_MEETING_HEADING = regex.compile(
    r"\b(?:meeting|committee|cabinet|council|board|panel|forum|scrutiny)\b.*\s[-–—]\s*"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$", regex.IGNORECASE)
_TIME_OF_DAY = regex.compile(r"^,?\s*(?:\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)|\d{1,2}[.:]\d\d)?\s*$", regex.IGNORECASE)
# A site that hosts a copy of a document dates its own page: "Post on 12-Oct-2020", "Upload ... · 2018-07-23 ·"
_HOSTING = regex.compile(r"\bPost(?:ed)?\s+on\b|\bUpload(?:ed)?\b|\bViews?\b|\bDownloads?\b|\bLast\s+(?:View|Download)\b|\s·\s",
                         regex.IGNORECASE)
# A month word that reads as a date without its year: "in January", "on 14 March", "May 12", "last September"
_DATE_WITHOUT_YEAR = regex.compile(
    r"(?:\b(?:in|on|during|since|from|by|until|till|to|and|of|between|early|late|mid|last|next|this|each|every|in\s+early"
    r"|in\s+late)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?$)|(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$)", regex.IGNORECASE)
_IMPRINT = regex.compile(r"(?:HM|Her Majesty's|His Majesty's)\s+Inspectorate\s+of\s+Probation|HMI\s+Probation", regex.IGNORECASE)
# The Inspectorate's imprint before a date on a cover or title line: "HM Inspectorate of Probation, June 2019"
_IMPRINT_BEFORE = regex.compile(r"(?:HM|Her\s+Majesty[’']s|His\s+Majesty[’']s)\s+Inspectorate\s+of\s+Probation,?\s*$", regex.IGNORECASE)
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


def extract(doc: Document) -> Extraction[DateMention]:
    facts = _dates(doc)
    mentions = [Mention("date", f.text, f.span, "fact", rule=f.role, fact=f) for f in facts]
    covered = _merged(sorted((f.span.char_start, f.span.char_end) for f in facts))
    covered_starts = [start for start, _ in covered]
    for start, end in month_names(doc.text, doc.lowered):
        if _inside(covered, covered_starts, start):
            continue
        word = doc.text[start:end]
        before = doc.text[max(0, start - 24) : start]
        after = doc.text[end : end + 6]
        reads_as_date = (word[:1].isupper() and (bool(_DATE_WITHOUT_YEAR.search(before))
                                                 or bool(regex.match(r"\s+\d{1,2}(?:st|nd|rd|th)?\b", after))
                                                 or (len(word) > 4 and word not in ("March", "May"))))
        reason = "year_not_stated" if reads_as_date else "not_a_date"
        mentions.append(Mention("date", word, doc.span(start, end), "set_aside", reason=reason))
    for match in _NUMERIC.finditer(doc.text):
        if make_date(int(match.group("year")), int(match.group("month")), int(match.group("day"))) is None:
            mentions.append(Mention("date", match.group(), doc.span(match.start(), match.end()), "set_aside",
                                    reason="invalid_date"))
    mentions.sort(key=lambda m: (m.span.char_start, m.decision))
    return Extraction(facts, mentions)


def month_names(text: str, lowered: str) -> list[tuple[int, int]]:
    """The spans of the month names MONTH_WORD and MONTH_GLUED find in ``text`` (``lowered`` is its lower case,
    offset for offset), in order."""
    out = []
    for name in _MONTH_NAME_LOWER.finditer(lowered):
        start = name.start()
        if after_word_boundary(lowered, start) or (
                text[start] in "ADFJMNOS" and _GLUED_BEFORE.match(text, start - 1)):
            out.append(name.span())
    return out


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans joined where they overlap: disjoint, so a point is looked up by bisection."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Is ``offset`` inside one of the disjoint, sorted ``spans`` (a date's own words)?"""
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < spans[index][1]


def _dates(doc: Document) -> list[DateMention]:
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
    for match in _ISO.finditer(doc.text):
        iso = make_date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        if iso is not None:
            found.append((match.start(), match.end(), iso, "day"))
    for match in _STAMP.finditer(doc.text):
        stamp = make_date(int(match.group("year")), MONTHS[match.group("month").lower()], int(match.group("day")))
        if stamp is not None and not any(s <= match.start() < e for s, e, _, _ in found):
            found.append((match.start(), match.end(), stamp, "day"))
    found.sort(key=lambda item: item[0])
    latest = max((date.year for _, _, date, _ in found), default=None)
    from extractors.document import chief_inspector

    speaking = BY_NAME.get((chief_inspector(doc) or "").lower())
    if speaking is not None and found:
        # written in the Chief Inspector's term: "This inspection took place in February 2017" in a release
        # that quotes a Chief Inspector who took up post in 2024 tells of an earlier inspection
        latest = max(latest or 0, speaking.first_day.year)
    out: list[DateMention] = []
    previous_end = 0
    previous_role: str | None = None
    for start, end, date, precision in found:
        role = role_of(doc, start, end, previous_end, previous_role, latest, date)
        out.append(DateMention(date, precision, role, doc.text[start:end], doc.span(start, end)))
        previous_end, previous_role = end, role
    return out


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


def role_of(doc: Document, start: int, end: int, previous_end: int = 0, previous_role: str | None = None,
            latest_year: int | None = None, date: dt.date | None = None) -> str:
    line = doc.line_at(start)
    standalone = cover_or_signature_role(doc, line, start, end) if line is not None else None
    if standalone is not None:
        return standalone
    heading = column_heading(doc, line, start) if line is not None else None
    if heading is not None:
        for heading_role, pattern in _ROLES:
            if pattern.search(heading):
                return heading_role
    sentence = doc.sentence_at(start)
    window_start = max(sentence.start, previous_end, start - 200)
    before = doc.text[window_start:start]
    clause_breaks = list(_DATE_CLAUSE_BREAK.finditer(before))
    own = before[clause_breaks[-1].end():] if clause_breaks else before
    if previous_end > sentence.start and previous_end >= start - 12 and previous_role is not None and regex.fullmatch(
            r"(?:st|nd|rd|th)?[\s,]*(?:and|to|until|till|through|-|–|—|/)?[\s,]*(?:the\s+)?", doc.text[previous_end:start]):
        # the end of a range takes its start's role: "September and October 2022", "from 6th to 10th May 2019"
        return previous_role
    role: str | None = _nearest_cue(own) or _nearest_cue(before)
    if role is None and not own.strip(" ,") and sentence.start > 0:
        lead_in = doc.sentence_at(sentence.start - 1)
        if lead_in.text.rstrip().endswith(":"):
            # "Fieldwork for this inspection was undertaken on the weeks commencing:" / "16 September 2013 and ..."
            role = _nearest_cue(lead_in.text)
    if role is None:
        after = doc.text[end : min(sentence.end, end + 140)]
        next_date = regex.search(r"\d{4}", after)
        if next_date is not None and _RANGE_END_AHEAD.match(after[: next_date.end()]):
            # the start of a range whose end comes next: the verb after the whole range is the range's ("Between
            # 22-24 June 2015 HMIP conducted a screening")
            after = after[next_date.end() :]
            next_date = regex.search(r"\d{4}", after)
        after = after[: next_date.start()] if next_date else after
        role = _cue_after(after)
    if role is None:
        role = next((cue_role for cue_role, pattern in _ROLES if pattern.search(own)), None)
    role = role or "other"
    if role == "fieldwork" and _of_earlier_inspection(doc, sentence.text, date, latest_year):
        return "other"  # "following an HM Inspectorate of Probation inspection in March 2007"
    return role


def _nearest_cue(text: str) -> str | None:
    """The role of the cue nearest the end of text; weak cues only when there is no other."""
    best: tuple[int, int, str] | None = None
    weak: tuple[int, int, str] | None = None
    for role, strength, pattern in _CUES:
        for match in pattern.finditer(text):
            # The nearest cue; of two ending together, the longer ("inspections conducted between" over "conducted")
            found = (match.end(), match.end() - match.start(), role)
            if strength == "weak":
                weak = max(weak or found, found)
            else:
                best = max(best or found, found)
    if best is not None:
        return best[2]
    return weak[2] if weak is not None else None


def _strong_cue(text: str) -> bool:
    return any(strength == "strong" and pattern.search(text) for _, strength, pattern in _CUES)


# The rest of a range after its start, up to the year of its end: "-24th June 2015", " to 2 February 2024"
_RANGE_END_AHEAD = regex.compile(r"[\s,]*(?:and|to|until|till|through|-|–|—|/)\s*(?:the\s+)?\d{0,2}(?:st|nd|rd|th)?\s*"
                                 r"(?:[A-Za-z]+\s*,?\s*)?(?:19|20)\d\d$")


def _cue_after(text: str) -> str | None:
    """A publication or fieldwork verb just after the date: "In October 2021, HMIP released their findings"."""
    for role, strength, pattern in _CUES:
        if strength == "strong" and role in ("publication", "fieldwork") and pattern.search(text[:80]):
            return role
    return None


def _of_earlier_inspection(doc: Document, sentence: str, date: dt.date | None, latest_year: int | None) -> bool:
    if _EARLIER_INSPECTION.search(sentence):
        return True
    return date is not None and latest_year is not None and latest_year - date.year >= 2


def column_heading(doc: Document, line: TextLine, offset: int) -> str | None:
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


def _reads_as_dateline(doc: Document, line: TextLine, start: int, end: int) -> bool:
    """Is the date on this line the page's own: a dateline, or a council meeting's heading?"""
    before, after = doc.text[line.start : start], doc.text[end : line.end]
    rest = (before + after).strip(" ,.-–")
    return bool(_DATELINE_REST.match(rest) or (len(line.text) <= 40 and not _nearest_cue(rest))
                or (_MEETING_HEADING.search(before) and _TIME_OF_DAY.match(after)))


# A page's own date is in its head: its first lines.
DATELINE_LINES = 15


def dateline(doc: Document, dates: list[DateMention]) -> DateMention | None:
    """Another party's page's own date: the first date in its head that reads as a dateline ("Published:
    Tuesday, 17th May 2022", "Scrutiny Committee - Wednesday 4 March 2015 7.00 pm"). Its role stays "other"
    (SPEC: a news article's or a minute's own dateline); inspections read it as when the page was written."""
    for found in sorted(dates, key=lambda d: d.span.char_start):
        line = doc.line_at(found.span.char_start)
        if line is None or doc.line_index_at(line.start) >= DATELINE_LINES:
            return None
        if found.role == "other" and _reads_as_dateline(doc, line, found.span.char_start, found.span.char_end):
            return found
    return None


def cover_or_signature_role(doc: Document, line: TextLine, start: int, end: int) -> str | None:
    """A date line under the chief inspector's signature, or the cover's imprint."""
    before_date = doc.text[line.start : start]
    rest = (before_date + doc.text[end : line.end]).strip(" ,.-–")
    if _HOSTING.search(line.text):
        return "other"  # the date a transcript site posted its copy: "Post on 12-Oct-2020", "Justice Inspectorates · 2018-07-23"
    if _IMPRINT_BEFORE.search(before_date):
        return "publication"  # "An inspection of youth offending services in Anytown HM Inspectorate of Probation, June 2019"
    index = doc.line_index_at(line.start)
    above = next((p for p in reversed(doc.lines[max(0, index - 2) : index]) if p.text.strip()), None)
    if above is not None and not before_date.strip() and not doc.text[end : line.end].strip(" ,.") \
            and _IMPRINT_BEFORE.search(above.text):
        return "publication"  # the cover's imprint, then its date on a line of its own
    from extractors.document import doc_type

    kind = doc_type(doc)
    if kind == "other" and _reads_as_dateline(doc, line, start, end):
        return "other"  # a news page's or a minute's own dateline: "Tuesday, 17th May 2022, 10:31 am"
    if kind in ("report", "annual_report") and index < 12 and not doc.text[end : line.end].strip(" ,.") and not any(
            _BODY_START.match(p.text) for p in doc.lines[:index]) and not _strong_cue(before_date):
        return "publication"  # a title line ending in its date: "... youth offending work July 2010"
    if rest and not _IMPRINT.fullmatch(rest):
        return None
    previous = doc.lines[max(0, index - 3) : index]
    if any(_SIGNATURE.search(p.text) for p in previous):
        return "report_signed"
    before_body = not any(_BODY_START.match(p.text) for p in doc.lines[:index])
    if index < 15 and before_body:
        return "publication"  # "HM Inspectorate of Probation, May 2024" on the cover
    return None
