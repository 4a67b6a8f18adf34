"""Ratings of the inspected service: overall, domain, standard, theme, previous; scores.

Two readers, merged:
- tables (the 2018+ ratings summary and each standard's box): a cell that is
  nothing but a rating takes its subject from the cell or line just before it
  ("1.1 Governance and leadership" / "Inadequate"), whether the PDF kept the
  table as a tab-separated row or the text has them on separate lines;
- sentences: "has received an overall rating of 'Requires improvement'",
  "Overall, work to reduce reoffending was satisfactory", and a rating from an
  earlier inspection ("This follows an inspection in 2019, when ...").
Definitions of the scale, ratings of other services and method bands never
match: every pattern needs a rating verb about this service or a table cell.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from models.facts import Rating
from models.patterns import (
    CODE_CELL,
    DOMAIN_CELL,
    FOUR_POINT,
    IMPROVEMENT_REQUIRED,
    JOINT_INSPECTION,
    LABEL_SYNONYMS,
    OVERALL_CELL,
    OVERALL_RATING_PATTERNS,
    PREVIOUS_INSPECTION_CUES,
    RATING_CELL,
    SCORE,
    SECTOR_CUES,
    SEPARATE_RATING,
    STANDARD_CELL,
    THEME_HEADING,
    THEME_JUDGEMENT,
    THEMES,
)
from pipeline.parse import ParsedDocument, TextLine

VERSION = "ratings/4"

_I = regex.IGNORECASE
_RATING_CELL = regex.compile(RATING_CELL, _I)
_STANDARD_CELL = regex.compile(STANDARD_CELL)
_DOMAIN_CELL = regex.compile(DOMAIN_CELL, _I)
_OVERALL_CELL = regex.compile(OVERALL_CELL, _I)
_CODE_CELL = regex.compile(CODE_CELL)
_SCORE = regex.compile(SCORE, _I)
_OVERALL = [(name, regex.compile(p, _I)) for name, p, _ in OVERALL_RATING_PATTERNS]
_PREVIOUS = regex.compile(PREVIOUS_INSPECTION_CUES, _I)
_SEPARATE = regex.compile(SEPARATE_RATING, _I)
_SECTOR = regex.compile(SECTOR_CUES, _I)
# Every sentence pattern needs a label word; most sentences have none and are skipped at once.
_ANY_LABEL = regex.compile(r"outstanding|good|requires\s+improvement|inadequate|satisfactory|poor|not\s+effective", _I)
_THEME_JUDGEMENT = regex.compile(THEME_JUDGEMENT, _I)
_THEME_HEADING = regex.compile(THEME_HEADING, _I)
_THEMES = [(key, regex.compile(p, _I), name) for key, p, name in THEMES]
_PERCENT_CELL = regex.compile(r"^\d{1,3}(?:\.\d)?\s?%$")
_THEME_SUBJECT = regex.compile(r"^[A-Z][A-Za-z ,'’\-]{3,60}$")
_DOMAIN_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4"}
_JOINT_ONLY = {"Satisfactory", "Unsatisfactory", "Poor"}


def canonical_label(text: str) -> str:
    return LABEL_SYNONYMS.get(" ".join(text.lower().split()), text.strip().capitalize())


def scale_and_rank(label: str, scope: str) -> tuple[str, int | None]:
    if label == "Not rated":
        return "not_rated", None
    if label in IMPROVEMENT_REQUIRED.labels:
        return IMPROVEMENT_REQUIRED.name, IMPROVEMENT_REQUIRED.labels.index(label)
    if label in _JOINT_ONLY or (scope == "theme" and label in JOINT_INSPECTION.labels):
        return JOINT_INSPECTION.name, JOINT_INSPECTION.labels.index(label)
    if label in FOUR_POINT.labels:
        return FOUR_POINT.name, FOUR_POINT.labels.index(label)
    return "other", None


def _rating(doc: ParsedDocument, scope: str, code: str | None, subject: str, start: int, end: int) -> Rating:
    label_text = doc.text[start:end]
    label = canonical_label(label_text.strip("‘'\"“’”. ★☆*"))
    scale, rank = scale_and_rank(label, scope)
    return Rating(scope, code, subject, label, scale, rank, label_text, doc.span(start, end))


def extract(doc: ParsedDocument) -> list[Rating]:
    from_tables = table_ratings(doc)
    from_sentences = sentence_ratings(doc)
    return merge(attach_score(doc, from_tables + from_sentences))


# ------------------------------------------------------------------ tables


def cells(doc: ParsedDocument) -> list[TextLine]:
    """Table cells and lines in reading order: a tab-separated row gives one per cell."""
    out = []
    for line in doc.lines:
        offset = line.start
        for part in line.text.split("\t"):
            stripped = part.strip()
            if stripped:
                start = offset + part.index(stripped)
                out.append(TextLine(start, start + len(stripped), stripped))
            offset += len(part) + 1
    return out


def table_ratings(doc: ParsedDocument) -> list[Rating]:
    out: list[Rating] = []
    sequence = cells(doc)
    for i, cell in enumerate(sequence):
        match = _RATING_CELL.match(cell.text)
        if not match:
            continue
        start, end = cell.start + match.start("label"), cell.start + match.end("label")
        label = canonical_label(match.group("label"))
        if _PERCENT_CELL.match(sequence[i - 1].text) and i >= 2 and label not in FOUR_POINT.labels[:2] + FOUR_POINT.labels[3:]:
            # 2010-2012 scoring summary: "Safeguarding\t68%\tModerate improvement required"
            subject = sequence[i - 2].text
            if _THEME_SUBJECT.match(subject):
                out.append(_rating(doc, "theme", None, subject, start, end))
            continue
        for back in (1, 2):
            if i - back < 0:
                break
            previous = sequence[i - back].text
            if _RATING_CELL.match(previous):
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
            domain = _DOMAIN_CELL.match(previous)
            if domain:
                code = domain.group("code") or _DOMAIN_WORDS.get(domain.group("word").lower(), domain.group("word"))
                out.append(_rating(doc, "domain", code, domain.group("subject").rstrip(". "), start, end))
                break
            # The standard's statement box sits between its heading and its rating.
            if not (back == 1 and len(previous) > 40 and previous.endswith(".")):
                break
    return out


def attach_score(doc: ParsedDocument, ratings: list[Rating]) -> list[Rating]:
    """'Score 13/36' belongs to the nearest overall rating."""
    overall = [r for r in ratings if r.scope == "overall"]
    if not overall:
        return ratings
    for match in _SCORE.finditer(doc.text):
        nearest = min(overall, key=lambda r: abs(r.span.char_start - match.start()))
        if abs(nearest.span.char_start - match.start()) > 2000:
            continue
        scored = replace(nearest, score=int(match.group("score")), score_max=int(match.group("max")))
        ratings = [scored if r is nearest else r for r in ratings]
        overall = [scored if r is nearest else r for r in overall]
    return ratings


# --------------------------------------------------------------- sentences


def theme_titles(doc: ParsedDocument) -> dict[str, str]:
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


def theme_key(text: str) -> str | None:
    for key, pattern, _ in _THEMES:
        if pattern.search(text):
            return key
    return None


def sentence_ratings(doc: ParsedDocument) -> list[Rating]:
    out: list[Rating] = []
    titles = theme_titles(doc)
    default_names = {key: name for key, _, name in _THEMES}
    for sentence in doc.sentences:
        text = sentence.text
        if not _ANY_LABEL.search(text) or _SECTOR.search(text):
            continue  # about the sector or other services, not this one
        for _, pattern in _OVERALL:
            for match in pattern.finditer(text):
                start = sentence.start + match.start("label")
                end = sentence.start + match.end("label")
                scope = "previous" if _PREVIOUS.search(text[: match.start("label")]) else "overall"
                out.append(_rating(doc, scope, None, "Overall", start, end))
        for match in _SEPARATE.finditer(text):
            subject = " ".join(match.group("subject").split())
            subject = subject[:1].upper() + subject[1:]
            start, end = sentence.start + match.start("label"), sentence.start + match.end("label")
            out.append(_rating(doc, "standard", None, subject, start, end))
        match = _THEME_JUDGEMENT.match(text)
        if match and (text[:1] in "-•–" or text.lower().startswith("overall")):
            key = theme_key(match.group("subject"))
            if key is not None:
                start, end = sentence.start + match.start("label"), sentence.start + match.end("label")
                out.append(_rating(doc, "theme", None, titles.get(key, default_names[key]), start, end))
    return out


# ------------------------------------------------------------------- merge


def _normal(text: str) -> str:
    return " ".join(regex.sub(r"[^\w\s]", " ", text.lower()).split())


def merge(ratings: list[Rating]) -> list[Rating]:
    """One rating per subject: the first found (tables before sentences) wins.

    A later mention with the same label is the same fact restated; one with a
    different label contradicts it and is dropped rather than guessed between.
    """
    kept: dict[tuple[str, str], Rating] = {}
    for rating in ratings:
        if rating.scope == "previous":
            key = ("previous", rating.label)
        else:
            key = (rating.scope, rating.code or _normal(rating.subject))
        if key not in kept:
            kept[key] = rating
    return sorted(kept.values(), key=lambda r: r.span.char_start)
