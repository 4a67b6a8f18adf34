"""Recommendations with who must act.

Older reports end each recommendation with its owner in brackets
("... (Head of Service)."); newer ones group them under "The <owner> should:".
"""

from __future__ import annotations

import regex

from extractors.numbers import parse_count
from models.facts import Recommendation
from models.patterns import (
    EARLIER_COUNT,
    OWNER_LINE,
    OWNER_TYPES,
    RECOMMENDATION_COUNT,
    RECOMMENDATION_ITEM,
    RECOMMENDATIONS_HEADING,
    TRAILING_OWNER,
)
from pipeline.parse import ParsedDocument, is_heading_like, plain

VERSION = "recommendations/4"

_HEADING = regex.compile(RECOMMENDATIONS_HEADING, regex.IGNORECASE)
_OWNER_LINE = regex.compile(OWNER_LINE, regex.VERSION1)
_EARLIER_COUNT = regex.compile(EARLIER_COUNT, regex.IGNORECASE)
_TRAILING_OWNER = regex.compile(TRAILING_OWNER)
_ITEM = regex.compile(RECOMMENDATION_ITEM)
_COUNT = regex.compile(RECOMMENDATION_COUNT, regex.IGNORECASE)
_CONTINUES = set("abcdefghijklmnopqrstuvwxyz(")
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
        if not _HEADING.match(plain(lines[index].text)):
            index += 1
            continue
        index = _read_section(doc, index + 1, out)
    return out


def _read_section(doc: ParsedDocument, index: int, out: list[Recommendation]) -> int:
    """Read the items of one recommendations section; return the index after it.

    Items are numbered or bulleted lines. Under an owner line ("The YOT
    management board should:") whose items lost their bullets in a text
    conversion, every plain line up to the next owner or heading is an item.
    """
    lines = doc.lines
    group_owner: str | None = None
    order = len(out)
    plain_group: list[int] = []  # unmarked lines of the current owner group
    group_has_marked = False

    def add(start: int, end: int, number: int | None) -> None:
        nonlocal order
        order += 1
        text = doc.text[start:end]
        owner = group_owner
        trailing = _TRAILING_OWNER.search(text)
        if trailing and not _NOT_OWNER.match(trailing.group("owner")):
            owner = clean_owner(trailing.group("owner"))
        out.append(Recommendation(number or order, owner, owner_type(owner), text, doc.span(start, end)))

    def flush_plain() -> None:
        if group_owner is not None and not group_has_marked:
            for line_index in plain_group:
                add(lines[line_index].start, lines[line_index].end, None)
        plain_group.clear()

    while index < len(lines):
        line = lines[index]
        owner_match = _OWNER_LINE.match(plain(line.text))
        item = _ITEM.match(line.text)
        if owner_match and not item:
            flush_plain()
            group_owner = clean_owner(owner_match.group("owner"))
            group_has_marked = False
        elif item:
            group_has_marked = True
            plain_group.clear()
            end = line.end
            # A hard-wrapped item runs on: the next line follows at once, continues a sentence
            # that has not ended, and starts in lower case or with the owner's bracket.
            while (index + 1 < len(lines) and lines[index + 1].start == end + 1
                   and not doc.text[line.start:end].rstrip().endswith((".", ";", ":", "!", "?", ")"))
                   and lines[index + 1].text[:1] in _CONTINUES
                   and not _ITEM.match(lines[index + 1].text)):
                index += 1
                end = lines[index].end
            add(line.start + item.start("text"), end, int(item.group("number")) if item.group("number") else None)
        elif is_heading_like(line.text):
            break  # the next section: a heading that is neither an owner nor an item
        elif group_owner is not None and line.text[:1].isalpha():
            plain_group.append(index)
        index += 1
    flush_plain()
    return index


def stated_count(doc: ParsedDocument) -> int | None:
    """The number of recommendations the document says were made."""
    for sentence in doc.sentences:
        if "recommendation" not in sentence.text.lower():
            continue
        if _EARLIER_COUNT.search(sentence.text):
            continue  # "At the last inspection we made nine recommendations"
        for match in _COUNT.finditer(sentence.text):
            count = parse_count(match.group("count") or match.group("count2"))
            if count:
                return count
    return None
