"""Recommendations with who must act.

Older reports end each recommendation with its owner in brackets
("... (Head of Service)."); newer ones group them under "The <owner> should:".
"""

from __future__ import annotations

import regex

from extractors.numbers import parse_count
from models.document import Document, TextLine, is_heading_like, plain
from models.facts import Extraction, Mention, Recommendation
from models.patterns import (
    EARLIER_COUNT,
    INLINE_RECOMMENDATIONS,
    OWNER_AT_END,
    OWNER_IN_ITEM,
    OWNER_LINE,
    OWNER_TYPES,
    PAGE_NOISE_LINE,
    RECOMMENDATION_COUNTS,
    RECOMMENDATION_ITEM,
    RECOMMENDATION_MORE_SHARES,
    RECOMMENDATION_OWNER_AFTER,
    RECOMMENDATION_SHARE_BEFORE,
    RECOMMENDATION_TO_SERVICE,
    RECOMMENDATION_VERBS,
    RECOMMENDATIONS_FOLLOW,
    RECOMMENDATIONS_FOR_OWNER,
    RECOMMENDATIONS_HEADING,
    TRAILING_OWNER,
)

VERSION = "recommendations/11"

_HEADING = regex.compile(RECOMMENDATIONS_HEADING, regex.IGNORECASE)
_HEADING_FOR_OWNER = regex.compile(RECOMMENDATIONS_FOR_OWNER, regex.IGNORECASE)
_OWNER_LINE = regex.compile(OWNER_LINE, regex.VERSION1)
_OWNER_AT_END = regex.compile(OWNER_AT_END, regex.VERSION1)
_INLINE = regex.compile(INLINE_RECOMMENDATIONS, regex.IGNORECASE)
_FOLLOW = regex.compile(RECOMMENDATIONS_FOLLOW, regex.IGNORECASE)
_OWNER_IN_ITEM = regex.compile(OWNER_IN_ITEM)
_NOISE = regex.compile(PAGE_NOISE_LINE)
_BULLET = regex.compile(r"^\s*[-•–▪●*]\s+")
_FIRST_WORD = regex.compile(r"^\W*(?P<word>[A-Za-z]+)")
_EARLIER_COUNT = regex.compile(EARLIER_COUNT, regex.IGNORECASE)
_TRAILING_OWNER = regex.compile(TRAILING_OWNER)
_ITEM = regex.compile(RECOMMENDATION_ITEM)
_COUNTS = [(name, regex.compile(p, regex.IGNORECASE)) for name, p, _ in RECOMMENDATION_COUNTS]
_OWNER_AFTER = regex.compile(RECOMMENDATION_OWNER_AFTER)
_TO_SERVICE = regex.compile(RECOMMENDATION_TO_SERVICE)
_SHARE_BEFORE = regex.compile(RECOMMENDATION_SHARE_BEFORE, regex.IGNORECASE)
_MORE_SHARES = regex.compile(RECOMMENDATION_MORE_SHARES, regex.IGNORECASE)
# the count's own owner right after its noun ("two recommendations to the council"), not a list of shares after a
# comma ("seven recommendations, four to the YJS and three to the board": seven)
_OWNER_RIGHT_AFTER = regex.compile(r"\G\s+(?:to|for)\s", regex.IGNORECASE)
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


def extract(doc: Document) -> Extraction[Recommendation]:
    facts: list[Recommendation] = []
    mentions: list[Mention] = []
    lines = doc.lines
    index = 0
    while index < len(lines):
        text = _BULLET.sub("", plain(lines[index].text))
        if _HEADING.match(text):
            index = _read_section(doc, index + 1, facts, mentions, None, imperative_only=False)
            continue
        if heading := _HEADING_FOR_OWNER.match(text):
            # "Recommendations for the Anytown Youth Justice Management Board": the heading names who must act
            index = _read_section(doc, index + 1, facts, mentions, clean_owner(heading.group("owner")),
                                  imperative_only=False)
            continue
        owner = _OWNER_LINE.match(text) or _OWNER_AT_END.search(text)
        if owner:
            index = _read_section(doc, index + 1, facts, mentions, clean_owner(owner.group("owner")),
                                  imperative_only=True)
            continue
        if inline := _INLINE.search(lines[index].text):
            _read_inline(doc, lines[index], inline, facts, mentions)
        elif _FOLLOW.search(text) and index + 1 < len(lines) and _ITEM.match(lines[index + 1].text) \
                and not _OWNER_LINE.match(_BULLET.sub("", plain(lines[index + 1].text))):
            # a sentence that says the list follows, then items that name their owners: "... and made four
            # recommendations:" / "• The Anytown YJS Partnership Board should ensure that ..."
            index = _read_items_after(doc, index + 1, facts, mentions)
            continue
        index += 1
    listed = {m.span.char_start for m in mentions}
    for sentence in doc.sentences:
        # A recommendation told in prose is seen and set aside, so that a reader can find it.
        if "recommend" in sentence.text.lower() and not any(
                sentence.start <= start < sentence.end for start in listed):
            position = sentence.text.lower().index("recommend")
            start = sentence.start + position
            end = start + len(sentence.text[position:].split()[0].strip(".,;:"))
            mentions.append(Mention("recommendation", doc.text[start:end], doc.span(start, end), "set_aside",
                                    reason="prose_recommendation"))
    mentions.sort(key=lambda m: m.span.char_start)
    return Extraction(facts, mentions)


def _imperative(text: str) -> bool:
    word = _FIRST_WORD.match(text)
    return word is not None and word.group("word").lower() in RECOMMENDATION_VERBS


def _read_inline(doc: Document, line: TextLine, match: regex.Match[str], facts: list[Recommendation],
                 mentions: list[Mention]) -> None:
    """"Recommendations given to the YJS partnership were: Review board arrangements ...; ..."."""
    owner = clean_owner(match.group("owner"))
    offset = line.start + match.start("items")
    for part in regex.finditer(r"[^;]+", match.group("items")):
        text = part.group().strip()
        if not text or not _imperative(text):
            continue
        start = offset + part.start() + part.group().index(text)
        _record(doc, len(facts) + 1, owner, start, start + len(text), "inline_list", facts, mentions)


def _record(doc: Document, number: int, owner: str | None, start: int, end: int, rule: str,
            out: list[Recommendation], mentions: list[Mention]) -> None:
    """One recommendation found, and the mention that says which reading found it."""
    text = doc.text[start:end]
    fact = Recommendation(number, owner, owner_type(owner), text, doc.span(start, end))
    out.append(fact)
    mentions.append(Mention("recommendation", text, fact.span, "fact", rule=rule, fact=fact))


def _read_items_after(doc: Document, index: int, out: list[Recommendation], mentions: list[Mention]) -> int:
    """The numbered or bulleted items after a line that says recommendations follow, each with the owner it
    names ("The Anytown YJS manager should improve ...": the owner, then the text after "should"), or none;
    the first line that is no item, or an owner's line for the items under it, ends them."""
    lines = doc.lines
    while index < len(lines):
        line = lines[index]
        item = _ITEM.match(line.text)
        if _NOISE.match(plain(line.text)):
            index += 1
            continue
        if item is None or _OWNER_LINE.match(_BULLET.sub("", plain(line.text))):
            break
        start = line.start + item.start("text")
        owned = _OWNER_IN_ITEM.match(item.group("text"))
        owner = clean_owner(owned.group("owner")) if owned else None
        if owned:
            start += owned.start("text")
        number = int(item.group("number")) if item.group("number") else len(out) + 1
        _record(doc, number, owner, start, line.end, "owner_in_item" if owned else "listed_item", out, mentions)
        index += 1
    return index


def _read_section(doc: Document, index: int, out: list[Recommendation], mentions: list[Mention],
                  owner: str | None, imperative_only: bool) -> int:
    """Read the items of one recommendations section; return the index after it.

    Items are numbered or bulleted lines. Under an owner line ("The YOT management board should:")
    whose items lost their bullets, plain lines are items: every one under a "Recommendations"
    heading, and those that open with an imperative ("Make sure that ...") elsewhere. An owner glued to
    the end of an item ("... is effective. The Anytown management board should:") starts the
    next group. Lines a web page puts between items ("Hide Ad") are skipped.
    """
    lines = doc.lines
    group_owner: str | None = owner
    order = len(out)
    plain_group: list[int] = []  # unmarked lines of the current owner group
    group_has_marked = False

    def add(start: int, end: int, number: int | None, rule: str) -> None:
        nonlocal order
        order += 1
        text = doc.text[start:end]
        item_owner = group_owner
        trailing = _TRAILING_OWNER.search(text)
        if trailing and not _NOT_OWNER.match(trailing.group("owner")):
            item_owner = clean_owner(trailing.group("owner"))
        _record(doc, number or order, item_owner, start, end, rule, out, mentions)

    def flush_plain() -> None:
        if group_owner is not None and not group_has_marked:
            for line_index in plain_group:
                add(lines[line_index].start, lines[line_index].end, None, "owner_group_line")
        plain_group.clear()

    while index < len(lines):
        line = lines[index]
        text = plain(line.text)
        # "  • The Reading Youth Justice Service manager should:" owns the bullets under it
        owner_match = _OWNER_LINE.match(_BULLET.sub("", text))
        item = None if owner_match else _ITEM.match(line.text)
        if _NOISE.match(text):
            pass
        elif owner_match and not item:
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
            glued = _OWNER_AT_END.search(doc.text[line.start + item.start("text") : end])
            if glued and glued.start() > 0:
                # "1. Review the way ... is effective. The Anytown management board should:"
                item_end = line.start + item.start("text") + glued.start()
                add(line.start + item.start("text"), item_end, int(item.group("number")) if item.group("number")
                    else None, "numbered_item")
                group_owner = clean_owner(glued.group("owner"))
                group_has_marked = False
            else:
                add(line.start + item.start("text"), end, int(item.group("number")) if item.group("number")
                    else None, "numbered_item" if item.group("number") else "bulleted_item")
        elif imperative_only and group_owner is not None and (owner_at_end := _OWNER_AT_END.search(text)):
            flush_plain()
            group_owner = clean_owner(owner_at_end.group("owner"))
            group_has_marked = False
        elif is_heading_like(line.text) and not (imperative_only and _imperative(text)):
            break  # the next section: a heading that is neither an owner nor an item
        elif group_owner is not None and line.text[:1].isalpha():
            if imperative_only and not _imperative(text):
                mentions.append(Mention("recommendation", line.text[:60], doc.span(line.start, line.start + len(
                    line.text[:60])), "set_aside", reason="not_an_item", detail="ends the list under its owner"))
                break
            plain_group.append(index)
        index += 1
    flush_plain()
    return index


def stated_count(doc: Document) -> int | None:
    """The number of recommendations the document says were made.

    A statement of the whole ("The report makes six recommendations", "A total of six ...") wins; a
    count for one owner ("Inspectors set out four recommendations for Anytown YJS") stands for the whole
    only when it is the document's only count ("... also makes one recommendation to Anytown Police"
    means neither count is the total, which the document then does not state).
    """
    totals: list[int] = []
    owned: list[int] = []
    for sentence in doc.sentences:
        if "recommendation" not in sentence.text.lower():
            continue
        if _EARLIER_COUNT.search(sentence.text):
            continue  # "At the last inspection we made nine recommendations"
        found: dict[int, tuple[str, int, int]] = {}
        for name, pattern in _COUNTS:
            for match in pattern.finditer(sentence.text):
                found.setdefault(match.start("count"), (name, match.end(), match.start("count")))
        for _, (name, end, start) in sorted(found.items()):
            count = parse_count(sentence.text[start:].split()[0])
            if not count or _SHARE_BEFORE.search(sentence.text[:start]):
                continue
            definite = sentence.text[:start].rstrip().lower().endswith(("the", "those", "these", "all", "’s", "'s", "s’", "s'"))
            shares = [parse_count(m.group("count")) for m in _MORE_SHARES.finditer(sentence.text, end)] \
                if _OWNER_RIGHT_AFTER.match(sentence.text, end) and _OWNER_AFTER.match(sentence.text[end:]) else []
            if shares and all(shares):
                # each owner's share listed, the later ones without their noun: "made two recommendations to the
                # council and one to the police" made three
                totals.append(count + sum(n for n in shares if n))
                continue
            if name == "total" or not _OWNER_AFTER.match(sentence.text[end:]) or (
                    definite and _TO_SERVICE.match(sentence.text[end:])):
                # "the second of the five recommendations made to Anytown YOT": "the five" are all of them
                totals.append(count)
            elif name == "made":
                owned.append(count)  # "Inspectors set out four recommendations for Anytown YJS"
            else:
                owned.extend((count, count))  # "Two recommendations are made for Anytown’s board": a share
    if totals:
        return totals[0]
    return owned[0] if len(owned) == 1 else None
