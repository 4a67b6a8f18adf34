"""Ratings tables: the 2018+ ratings summary, each standard's box, 2012-2017 and 2010-2012 score tables.

A cell that is nothing but a rating takes its subject from the cell or line just
before it ("1.1 Governance and leadership" / "Inadequate"), whether the PDF kept the
table as a tab-separated row or the text has them on separate lines; a row flattened
onto one line ("1.1 Governance and leadership Good") is read too.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from extractors import scores
from extractors.matching import find_areas
from models.document import Document, TextLine, plain
from models.facts import Rating
from models.patterns import (
    CODE_CELL,
    DOMAIN_CELL,
    OVERALL_CELL,
    RATING_CELL,
    STANDARD_CELL,
    THEME_HEADING,
)
from models.vocabulary import FOUR_POINT, RATING_LABELS, Scope, scale_and_rank
from models.vocabulary import canonical_label as vocabulary_label

_I = regex.IGNORECASE
_RATING_CELL = regex.compile(RATING_CELL, _I)
_STANDARD_CELL = regex.compile(STANDARD_CELL)
_DOMAIN_CELL = regex.compile(DOMAIN_CELL, _I)
_OVERALL_CELL = regex.compile(OVERALL_CELL, _I)
_CODE_CELL = regex.compile(CODE_CELL)
_WORD = regex.compile(r"\S+")
_PUNCTUATION = regex.compile(r"[^\w\s]")
# A standard's name as a ratings-table row gives it: "Implementation and delivery", "Out-of-court disposal policy"
_TITLE_CASE = regex.compile(r"^[A-Z][A-Za-z’'\- ,&]{2,59}$")
# A clause's words before its complement, not a row's first cell: "The service worked hard to be [Good]"
_ENDS_IN_VERB = regex.compile(r"\b(?:be|is|are|was|were|been|remains?|remained|became|becomes?|seems?|seemed)\s*$",
                              regex.IGNORECASE)
# Domains named without their number in a ratings table, as the standards framework numbers them.
_DOMAIN_NAMES = {"organisational delivery": "1", "court disposals": "2", "out of court disposals": "3",
                 "resettlement": "4"}
_RATINGS_HEADING = regex.compile(r"^(?:summary\s+of\s+)?ratings\b", _I)
_SECTION_HEADING = regex.compile(
    r"^(?:contents|foreword|recommendations|background|introduction|summary|overall\s+findings|domain|theme|appendix|annexe?)\b", _I)
# A label split by a PDF's letter spacing ("Inadeq uate") is recognised with spaces removed.
_SQUASHED_LABELS = {phrase.replace(" ", ""): entry.canonical for entry in RATING_LABELS for phrase in entry.phrases}
_SQUASH = regex.compile(r"[\s‘’'\"“”.★☆*]+")
# A ratings-table row flattened onto one line: "1.1 Governance and leadership Good".
_INLINE_HEAD = regex.compile(r"^(?:(?P<code>[1-9]\.\d{1,2})\.?\s+(?P<subject>[A-Z][^\t.:;!?]{1,80}?)|(?P<overall>overall(?:\s+rating)?:?))$", _I)
# What a row flattened onto one line keeps between its name and its label: "1.1 Governance and leadership ● Good",
# "1.2 Staff | Outstanding", "Planning – Good"
_BETWEEN_CELLS = " ,:;|–—-•●▪■◦·.…"
_THEME_HEADING = regex.compile(THEME_HEADING, _I)
_PERCENT_CELL = regex.compile(r"^\d{1,3}(?:\.\d)?\s?%$")
# "Protecting the public", "‘Safeguarding’ (work to keep the child safe from harm)"
_THEME_SUBJECT = regex.compile(r"^[‘'\"“]?[A-Z][A-Za-z ,'’”\-()/]{3,100}$")
# A row's first cell names an area; a clause has a verb: "Governance and staffing were each rated 'Good'" is a
# sentence, read as one (rating_sentences), not a row.
_FINITE_VERB = regex.compile(r"\b(?:is|are|was|were|been|be|has|have|had|rated|judged|graded|found|given|received"
                             r"|deemed|assessed|considered|described|got|earned|achieved)\b", regex.IGNORECASE)
# What may stand before a theme's name at the start of its row: a quote, a number, "The", "Work to", "Theme 2:"
_CELL_OPENING = regex.compile(r"^[\W\d]*(?:theme\s+\d\W*)?(?:the\s+)?(?:work\s+(?:on|to|in)\s+)?(?:the\s+)?$", regex.IGNORECASE)
_DOMAIN_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4"}
# Judgements of a 2012-2017 theme
_THEME_LABELS = {"Good", "Satisfactory", "Unsatisfactory", "Poor", "Not effective", "Ineffective", "Very good"}


def canonical_label(text: str) -> str:
    """A table cell's label: the vocabulary's, also when letter spacing split its words ("Inadeq uate")."""
    squashed = _SQUASHED_LABELS.get(_SQUASH.sub("", text.lower()))
    return squashed if squashed is not None else vocabulary_label(text, text.strip())


def label_cell(text: str) -> tuple[int, int] | None:
    """Where the label is, when a cell holds nothing but a rating (split words allowed)."""
    match = _RATING_CELL.match(text)
    if match:
        return match.span("label")
    if len(text) <= 40 and _SQUASH.sub("", text.lower()) in _SQUASHED_LABELS:
        stripped = text.strip("‘’'\"“”. ★☆*")
        start = text.index(stripped)
        return start, start + len(stripped)
    return None


def label_tail(text: str) -> tuple[str, int] | None:
    """(head, label start) when a line ends in a rating label: "2.1 Assessment Requires improvement"."""
    words = list(_WORD.finditer(text))
    for count in (1, 2, 3, 4):
        if count >= len(words):
            break
        start = words[-count].start()
        tail = text[start:]
        if tail.lstrip("‘’'\"“”*_")[:1].isupper() and label_cell(tail) is not None:
            return text[:start].rstrip(), start
    return None


def _rating(doc: Document, scope: str, code: str | None, subject: str, start: int, end: int) -> Rating:
    label_text = doc.text[start:end]
    label = canonical_label(label_text.strip("‘'\"“’”. ★☆*"))
    scale, rank = scale_and_rank(label, scope)
    return Rating(scope, code, subject, label, scale, rank, label_text, doc.span(start, end))


# ------------------------------------------------------------------ tables


def cells(doc: Document) -> list[TextLine]:
    """Table cells and lines in reading order: a tab-separated row gives one per cell."""
    out = []
    for line in doc.lines:
        offset = line.start
        for part in line.text.split("\t"):
            stripped = plain(part.strip())  # "**Overall rating**" is the cell "Overall rating"
            if stripped:
                start = offset + part.index(stripped)
                out.append(TextLine(start, start + len(stripped), stripped))
            offset += len(part) + 1
    return out


def table_ratings(doc: Document) -> list[Rating]:
    out: list[Rating] = []
    sequence = cells(doc)
    domain: str | None = None  # the domain whose standards the table is listing ("2" under "Court disposals")
    position = 0  # standards listed under it so far
    for i, cell in enumerate(sequence):
        header = domain_header(cell.text)
        if header is not None:
            domain, position = header, 0
            continue
        found = label_cell(cell.text)
        if found is None:
            row = inline_row(doc, cell)
            if row is not None:
                scope, code, subject, start, end = row
                if scope == Scope.STANDARD and code is None and domain is not None:
                    position += 1
                    code = f"{domain}.{position}"  # a row without its code, under its domain
                out.append(_rating(doc, scope, code, subject, start, end))
            continue
        start, end = cell.start + found[0], cell.start + found[1]
        label = canonical_label(doc.text[start:end])
        if i >= 2 and _PERCENT_CELL.match(sequence[i - 1].text) and label not in FOUR_POINT.labels[:2] + FOUR_POINT.labels[3:]:
            # 2010-2012 scoring summary: "Safeguarding\t68%\tModerate improvement required"
            subject = sequence[i - 2].text
            if _THEME_SUBJECT.match(subject):
                out.append(_rating(doc, "theme", None, subject, start, end))
            continue
        found_before = len(out)
        for back in (1, 2):
            if i - back < 0:
                break
            previous = sequence[i - back].text
            if label_cell(previous) is not None:
                break
            if _OVERALL_CELL.match(previous):
                out.append(_rating(doc, "overall", None, "Overall", start, end))
                break
            standard = _STANDARD_CELL.match(previous)
            if standard:
                subject = standard.group("subject").rstrip(". ")
                out.append(_rating(doc, "standard", standard.group("code"), subject, start, end))
                break
            code_cell = _CODE_CELL.match(sequence[i - back - 1].text) if i - back - 1 >= 0 else None
            if code_cell and len(previous) <= 80 and not previous.endswith("."):
                subject = previous.rstrip(". ")
                out.append(_rating(doc, "standard", code_cell.group("code"), subject, start, end))
                break
            domain_row = _DOMAIN_CELL.match(previous)
            if domain_row:
                code = domain_row.group("code") or _DOMAIN_WORDS.get(domain_row.group("word").lower(), domain_row.group("word"))
                out.append(_rating(doc, "domain", code, domain_row.group("subject").rstrip(". "), start, end))
                break
            # The standard's statement box sits between its heading and its rating.
            if not (back == 1 and len(previous) > 40 and previous.endswith(".")):
                break
        if len(out) > found_before:
            coded = out[-1].code
            if out[-1].scope == Scope.STANDARD and coded and "." in coded:
                domain, position = coded.split(".")[0], int(coded.split(".")[1])
            continue
        if i < 1:
            continue
        previous = sequence[i - 1].text
        theme = theme_row(previous) if label in _THEME_LABELS and domain is None else None
        if theme:
            # 2012-2017 summary table: "Reducing the likelihood of reoffending\tSatisfactory"
            out.append(_rating(doc, "theme", None, theme, start, end))
        elif uncoded := uncoded_row(doc, previous, cell.start):
            # "Work with victims\tRequires improvement", "Assessment\tGood" under "Court disposals"
            code = None
            if uncoded == "standard" and domain is not None:
                position += 1
                code = f"{domain}.{position}"
            out.append(_rating(doc, uncoded, code, previous.rstrip(" :–-"), start, end))
    if any(r.scope == Scope.STANDARD and r.code for r in out):
        out = [r for r in out if r.scope != Scope.THEME]  # a standards table: its rows are standards, not themes
    return out


def domain_header(text: str) -> str | None:
    """The domain number a ratings-table header names: "2. Court disposals", "Domain two: ...", "Court disposals"."""
    match = _DOMAIN_CELL.match(text)
    if match:
        return match.group("code") or _DOMAIN_WORDS.get(match.group("word").lower(), match.group("word"))
    return _DOMAIN_NAMES.get(_normal(text)) if len(text) <= 60 else None  # the names are short


def uncoded_row(doc: Document, subject: str, offset: int) -> str | None:
    """The scope of a rated row without a code: an area the vocabulary knows, or any
    short title under a "Ratings" heading; None when the row rates nothing."""
    if len(subject) > 80 or subject.endswith(".") or not subject[:1].isupper() or _PERCENT_CELL.match(subject):
        return None
    area = area_of(subject)
    if area is not None:
        return area[0]
    return "standard" if in_ratings_section(doc, offset) else None


def in_ratings_section(doc: Document, offset: int) -> bool:
    """Is offset under a "Ratings" heading? The table's own short lines ("Fieldwork started
    April 2025", "Staff Good") read as headings too, so look back past them, not past a section."""
    heading = doc.heading_before(offset)
    while heading is not None and offset - heading.start < 4000:  # a ratings table is a page at most
        if _RATINGS_HEADING.match(heading.text):
            return True
        if _SECTION_HEADING.match(heading.text):
            return False
        heading = doc.heading_before(heading.start - 1)
    return False


def inline_row(doc: Document, cell: TextLine) -> tuple[str, str | None, str, int, int] | None:
    """(scope, code, subject, label start, label end) of a ratings row whose label shares the line:
    "1.1 Governance and leadership Good", "Overall rating Good", "Planning Requires improvement"."""
    if len(cell.text) > 120 or not cell.text[:1].isalnum():
        return None
    tail = label_tail(cell.text)
    if tail is None:
        return None
    head = _INLINE_HEAD.match(tail[0])
    start, end = cell.start + tail[1], cell.end
    while start < end and doc.text[start] in "‘’'\"“”*_":
        start += 1
    while end > start and doc.text[end - 1] in "‘’'\"“”. ★☆*_":
        end -= 1
    if head is not None and head.group("overall"):
        return "overall", None, "Overall", start, end
    if head is not None:
        return "standard", head.group("code"), head.group("subject").rstrip(_BETWEEN_CELLS), start, end
    subject = tail[0].rstrip(_BETWEEN_CELLS)
    ratings_section = in_ratings_section(doc, cell.start)
    theme = theme_row(tail[0]) if canonical_label(doc.text[start:end]) in _THEME_LABELS else None
    if theme and not ratings_section:
        return "theme", None, theme, start, end  # "Reducing the likelihood of reoffending: Satisfactory"
    if ratings_section and len(subject) <= 60 and _TITLE_CASE.match(subject) and not _ENDS_IN_VERB.search(subject):
        return "standard", None, subject, start, end  # "Planning Requires improvement" under "Ratings"
    return None


def theme_row(text: str) -> str | None:
    """The theme a table row's first cell names ("Protecting the public:"), if it names one: the cell opens with
    the theme's name ("When it came to partnerships, inspectors gave a rating of" is a clause's start, not a
    cell, and "partnerships" alone names no theme)."""
    subject = text.strip().rstrip(":–- ").strip()
    if len(subject) > 80 or not _THEME_SUBJECT.match(subject) or _FINITE_VERB.search(subject) \
            or theme_key(subject) is None:
        return None
    first = min((a for era in ("joint_inspection_2012", "core_case_2010") for a in find_areas(subject, era)
                 if not a.weak), key=lambda a: a.start, default=None)
    if first is None or not _CELL_OPENING.match(subject[: first.start]):
        return None
    return subject


def attach_score(doc: Document, ratings: list[Rating]) -> list[Rating]:
    """A score the document states ('Score 13/36', "scored 26/36": extractors.scores) belongs to the nearest
    overall rating."""
    overall = [r for r in ratings if r.scope == Scope.OVERALL]
    if not overall:
        return ratings
    for found in scores.stated(doc):
        at = found.span.char_start
        nearest = min(overall, key=lambda r: abs(r.span.char_start - at))
        if abs(nearest.span.char_start - at) > 2000:
            continue
        scored = replace(nearest, score=found.score, score_max=found.score_max)
        ratings = [scored if r is nearest else r for r in ratings]
        overall = [scored if r is nearest else r for r in overall]
    return ratings


def theme_titles(doc: Document) -> dict[str, str]:
    """The document's own names for the joint-inspection themes ("Theme 3: ...")."""
    titles: dict[str, str] = {}
    for line in doc.lines:
        match = _THEME_HEADING.match(line.text)
        if not match:
            continue
        key = theme_key(match.group("title"))
        if key and key not in titles:
            titles[key] = match.group("title").strip()
    return titles


# The core case inspections' three areas are the joint inspections' themes by another name.
_THEME_OF_CORE_CASE = {"cci:safeguarding": "protecting_child", "cci:risk_of_harm": "protecting_public",
                       "cci:likelihood_of_reoffending": "reducing_reoffending"}


def theme_key(text: str) -> str | None:
    """The joint-inspection theme some words name ("reducing_reoffending", "protecting_public", ...), from the
    one area vocabulary (models.vocabulary); a core case inspection's area names its theme too."""
    for area in find_areas(text, "joint_inspection_2012"):
        return area.entry.key.removeprefix("theme:")
    for area in find_areas(text, "core_case_2010"):
        return _THEME_OF_CORE_CASE.get(area.entry.key)
    return None


def area_of(words: str) -> tuple[str, str] | None:
    """(scope, canonical subject) of the area these words name, if any (the 2018 standards, the 2024 areas)."""
    found = [a for a in find_areas(words, "children_and_victims_2024") if not a.weak]
    if not found:
        return None
    area = next((a for a in found if a.entry.scope == Scope.DOMAIN), found[0])  # "Assessment (out-of-court)": the domain
    return area.entry.scope, area.entry.name


def _normal(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.lower()).split())
