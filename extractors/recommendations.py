"""Recommendations with who must act.

Older reports end each recommendation with its owner in brackets
("... (Head of Service)."); newer ones group them under "The <owner> should:".
"""

from __future__ import annotations

import regex

from extractors.numbers import parse_count
from models.facts import Recommendation
from models.patterns import (
    OWNER_LINE,
    OWNER_TYPES,
    RECOMMENDATION_COUNT,
    RECOMMENDATION_ITEM,
    RECOMMENDATIONS_HEADING,
    TRAILING_OWNER,
)
from pipeline.parse import ParsedDocument, is_heading_like

VERSION = "recommendations/2"

_HEADING = regex.compile(RECOMMENDATIONS_HEADING, regex.IGNORECASE)
_OWNER_LINE = regex.compile(OWNER_LINE)
_TRAILING_OWNER = regex.compile(TRAILING_OWNER)
_ITEM = regex.compile(RECOMMENDATION_ITEM)
_COUNT = regex.compile(RECOMMENDATION_COUNT, regex.IGNORECASE)
_OWNER_TYPES = [(kind, regex.compile(p, regex.IGNORECASE)) for kind, p, _ in OWNER_TYPES]
# Bracketed text that is not an owner: an abbreviation or an aside.
_NOT_OWNER = regex.compile(r"^(?:e\.g\.|i\.e\.|see\b|including\b|for example\b|[A-Z]{2,6}s?$)", regex.IGNORECASE)


def owner_type(owner: str | None) -> str | None:
    if not owner:
        return None
    for kind, pattern in _OWNER_TYPES:
        if pattern.search(owner):
            return kind
    return "other"


def clean_owner(owner: str) -> str:
    owner = regex.sub(r"^(?:the)\s+", "", owner.strip(), flags=regex.IGNORECASE)
    return owner.strip(" ,;:")


def extract(doc: ParsedDocument) -> list[Recommendation]:
    out: list[Recommendation] = []
    lines = doc.lines
    index = 0
    while index < len(lines):
        if not _HEADING.match(lines[index].text):
            index += 1
            continue
        index = _read_section(doc, index + 1, out)
    return out


def _read_section(doc: ParsedDocument, index: int, out: list[Recommendation]) -> int:
    """Read the items of one recommendations section; return the index after it."""
    lines = doc.lines
    group_owner: str | None = None
    order = len(out)
    while index < len(lines):
        line = lines[index]
        owner_match = _OWNER_LINE.match(line.text)
        item = _ITEM.match(line.text)
        if owner_match and not item:
            group_owner = clean_owner(owner_match.group("owner"))
        elif item:
            order += 1
            number = int(item.group("number")) if item.group("number") else order
            start = line.start + item.start("text")
            end = line.end
            text = doc.text[start:end]
            owner = group_owner
            trailing = _TRAILING_OWNER.search(text)
            if trailing and not _NOT_OWNER.match(trailing.group("owner")):
                owner = clean_owner(trailing.group("owner"))
            out.append(Recommendation(number, owner, owner_type(owner), text, doc.span(start, end)))
        elif is_heading_like(line.text):
            return index  # the next section: a heading that is neither an owner nor an item
        index += 1
    return index


def stated_count(doc: ParsedDocument) -> int | None:
    """The number of recommendations the document says were made."""
    for line in doc.lines:
        if "recommendation" not in line.text.lower():
            continue
        for match in _COUNT.finditer(line.text):
            count = parse_count(match.group("count") or match.group("count2"))
            if count:
                return count
    return None
