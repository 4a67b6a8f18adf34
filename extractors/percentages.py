"""Every number written with %, per cent or percent."""

from __future__ import annotations

import regex

from extractors.numbers import parse_number
from models.facts import Percentage
from models.patterns import PERCENT
from pipeline.parse import ParsedDocument

VERSION = "percentages/3"

_PERCENT = regex.compile(PERCENT, regex.IGNORECASE)
# A key-question row flattened by text extraction: "Does assessment ... desistance? 79%"
_QUESTION_THEN_VALUE = regex.compile(r"^(?P<question>\S.*\?)[ \u00a0]+\d{1,3}(?:\.\d+)?\s?%$")
_VALUE_ALONE = regex.compile(r"^\d{1,3}(?:\.\d+)?\s?%$")


def extract(doc: ParsedDocument) -> list[Percentage]:
    out: list[Percentage] = []
    for match in _PERCENT.finditer(doc.text):
        subject, section = key_question(doc, match.start())
        if match.group("low") is not None:
            # "50-64%": the lower bound is a percentage too.
            start, end = match.span("low")
            out.append(Percentage(parse_number(match.group("low")), doc.text[start:end],
                                  doc.span(start, end), subject, section))
            start = match.start("number")
        else:
            start = match.start("prefix") if match.group("prefix") else match.start("number")
        end = match.end("plus") if match.group("plus") else match.end("unit")
        value = parse_number(match.group("number"))
        if value > 1000:
            continue  # "1,234 per cent" does not occur; a stray match is not a percentage
        out.append(Percentage(value, doc.text[start:end], doc.span(start, end), subject, section))
    return out


def key_question(doc: ParsedDocument, offset: int) -> tuple[str | None, str | None]:
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
