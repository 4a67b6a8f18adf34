"""Every number written with %, per cent or percent, in figures or in words.

Every percent sign and every "per cent" is a candidate: with its number it is a
fact ("45.4 %", "nine per cent", "Sixty per cent", "80% +"); without one (the
column heading "% ‘Yes’") it is set aside.
"""

from __future__ import annotations

import re

import regex

from extractors.numbers import parse_number, parse_number_words
from extractors.occurrence import after_word_boundary, matches_near
from models.document import Document
from models.facts import Extraction, Mention, Percentage
from models.patterns import PERCENT, PERCENT_WORDS_BEFORE_UNIT

VERSION = "percentages/5"

_PERCENT = regex.compile(PERCENT, regex.IGNORECASE)
_WORDS_BEFORE_UNIT = regex.compile(PERCENT_WORDS_BEFORE_UNIT, regex.IGNORECASE)
# Every unit, in the document's lower-cased text (Document.lowered: a case-sensitive scan is five times faster),
# with the word's start checked on each match (a scan that opens on \b is not skipped to its first letter)
_ANY_UNIT_LOWER = re.compile(r"%|per\s?cent\b|(?<=\d)pc\b")
# How far before its unit a percentage may begin: "≥ 12.5 - 15.25 per cent" is 22 characters (the pattern is
# matched only this far around each unit: extractors.occurrence.matches_near)
_REACH_BEFORE_UNIT = 80
# A key-question row flattened by text extraction: "Does assessment ... desistance? 79%"
_QUESTION_THEN_VALUE = regex.compile(r"^(?P<question>\S.*\?)[ \u00a0]+\d{1,3}(?:\.\d+)?\s?%$")
_VALUE_ALONE = regex.compile(r"^\d{1,3}(?:\.\d+)?\s?%$")


def extract(doc: Document) -> Extraction[Percentage]:
    out: list[Percentage] = []
    mentions: list[Mention] = []
    units_used: set[int] = set()

    def add(value: float, start: int, end: int, rule: str, subject: str | None, section: str | None) -> None:
        fact = Percentage(value, doc.text[start:end], doc.span(start, end), subject, section)
        out.append(fact)
        mentions.append(Mention("percentage", fact.text, fact.span, "fact", rule=rule, fact=fact))

    lowered = doc.lowered
    # a percentage's unit may follow its number unspaced ("45per cent"); a unit alone is a word of its own
    ends = [(unit.start(), unit.end()) for unit in _ANY_UNIT_LOWER.finditer(lowered)]
    units = [(start, end) for start, end in ends
             if lowered[start] == "%" or after_word_boundary(lowered, start)]
    for match in matches_near(_PERCENT, doc.text, ends, _REACH_BEFORE_UNIT, 3):
        subject, section = key_question(doc, match.start())
        units_used.add(match.start("unit") + len(match.group("unit")) - len(match.group("unit").lstrip()))
        if match.group("low") is not None:
            # "50-64%": the lower bound is a percentage too.
            start, end = match.span("low")
            add(parse_number(match.group("low")), start, end, "range_start", subject, section)
            start = match.start("number")
        else:
            start = match.start("prefix") if match.group("prefix") else match.start("number")
        end = match.end("plus") if match.group("plus") else match.end("unit")
        value = parse_number(match.group("number"))
        if value > 1000:
            continue  # "1,234 per cent" does not occur; a stray match is not a percentage
        add(value, start, end, "figures", subject, section)
    for unit_start, unit_end in units:
        if unit_start in units_used or doc.text[unit_start:unit_end] in ("%", "pc"):
            continue
        words = _WORDS_BEFORE_UNIT.search(doc.text, max(0, unit_start - 40), unit_start)
        words_value = parse_number_words(words.group("words")) if words else None
        if words is None or words_value is None:
            continue
        units_used.add(unit_start)
        add(float(words_value), words.start("words"), unit_end, "words", None, None)
    for unit_start, unit_end in units:
        if unit_start in units_used:
            continue
        mentions.append(Mention("percentage", doc.text[unit_start:unit_end], doc.span(unit_start, unit_end),
                                "set_aside", reason="no_number"))
    out.sort(key=lambda p: p.span.char_start)
    mentions.sort(key=lambda m: m.span.char_start)
    return Extraction(out, mentions)


def key_question(doc: Document, offset: int) -> tuple[str | None, str | None]:
    """For a key-question table row ("Does assessment ...?\\t63%"): the question and standard.

    The row may also come flattened, the value after the question on its line
    or alone on the next line.
    """
    line = doc.line_at(offset)
    if line is None:
        return None, None
    if "\t" in line.text:
        question = line.text.split("\t")[0].strip()
    elif match := _QUESTION_THEN_VALUE.match(line.text):
        question = match.group("question")
    elif _VALUE_ALONE.match(line.text):
        index = doc.line_index_at(line.start)
        question = doc.lines[index - 1].text if index > 0 else ""
    else:
        return None, None
    if not question or not question.endswith("?"):
        return None, None
    return question, doc.standard_code_before(offset)
