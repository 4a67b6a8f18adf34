"""Every number written with %, per cent or percent."""

from __future__ import annotations

import regex

from extractors.numbers import parse_number
from models.facts import Percentage
from models.patterns import PERCENT
from pipeline.parse import ParsedDocument

VERSION = "percentages/2"

_PERCENT = regex.compile(PERCENT, regex.IGNORECASE)


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
    """For a key-question table row ("Does assessment ...?\\t63%"): the question and standard."""
    line = doc.line_at(offset)
    if line is None or "\t" not in line.text:
        return None, None
    cells = [c.strip() for c in line.text.split("\t")]
    question = cells[0]
    if not question or not question.endswith("?"):
        return None, None
    return question, doc.standard_code_before(offset)
