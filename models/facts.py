"""Typed fact records. Each carries the span it was read from."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, fields
from typing import Generic, TypeVar


@dataclass(frozen=True)
class Span:
    char_start: int
    char_end: int
    page: int
    section_heading: str | None
    sentence: str


@dataclass(frozen=True)
class Rating:
    scope: str
    code: str | None
    subject: str
    label: str
    scale: str
    rank: int | None
    label_text: str
    span: Span
    score: int | None = None
    score_max: int | None = None


@dataclass(frozen=True)
class Score:
    """A score stated for the service: "Score 13/36", "a total of 29 out of a possible 36"."""

    subject: str
    score: int
    score_max: int
    text: str
    span: Span


@dataclass(frozen=True)
class Percentage:
    value: float
    text: str
    span: Span
    subject: str | None = None
    section: str | None = None


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    precision: str
    role: str
    text: str
    span: Span


@dataclass(frozen=True)
class Recommendation:
    number: int
    owner: str | None
    owner_type: str | None
    text: str
    span: Span


@dataclass(frozen=True)
class DocumentSummary:
    doc_type: str
    doc_type_cue: str  # what decided doc_type: 'councillor', 'report title and body', ...
    title: str | None
    service: str | None
    service_key: str | None
    framework: str
    overall_rating: str | None
    overall_rating_rank: int | None
    publication_date: dt.date | None
    publication_date_precision: str | None
    fieldwork_start: dt.date | None
    fieldwork_start_precision: str | None
    dateline: dt.date | None  # another party's page's own date (a news story's, a council paper's)
    dateline_precision: str | None
    chief_inspector: str | None  # the Chief Inspector of Probation it quotes (models.chief_inspectors)
    recommendation_count_stated: int | None
    recommendation_count_extracted: int
    language: str  # en | cy


@dataclass(frozen=True)
class Mention:
    """A candidate the extractors saw: it became (or restates) a fact, or was set aside with a reason."""

    fact_type: str  # rating | score | percentage | date | recommendation
    text: str
    span: Span
    decision: str  # fact | set_aside
    rule: str | None = None  # for a fact: the reading that made it ('table_row', 'rated_as', 'restates', ...)
    reason: str | None = None  # for set_aside: one of models.vocabulary.REASON_NAMES
    detail: str | None = None
    fact: object | None = field(default=None, compare=False, repr=False)  # the fact it became or restates


Fact = TypeVar("Fact")


@dataclass
class Extraction(Generic[Fact]):
    """What one extractor found in one document: facts, and every candidate with its decision."""

    facts: list[Fact]
    mentions: list[Mention] = field(default_factory=list)


def _fields(record: object) -> dict:
    """A flat record's fields (``asdict`` without its deep copy: every field here is a plain value)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}  # type: ignore[arg-type]


def fact_row(fact: Rating | Score | Percentage | DateMention | Recommendation, doc_id: str, table: str,
             version: str) -> dict:
    """Flatten a fact into a row of its table (span columns inline, stable fact_id)."""
    row = {k: v for k, v in _fields(fact).items() if k != "span"}
    row.update(_fields(fact.span))
    key = "|".join(str(row[k]) for k in sorted(row) if k not in ("sentence", "section_heading"))
    row["fact_id"] = hashlib.sha256(f"{doc_id}|{table}|{key}".encode()).hexdigest()[:16]
    row["doc_id"] = doc_id
    row["extractor_version"] = version
    return row


def mention_row(mention: Mention, doc_id: str, version: str, fact_ids: dict[int, str]) -> dict:
    """A mentions-table row; ``fact_ids`` maps id() of each fact object to its row's fact_id."""
    row = {f.name: getattr(mention, f.name) for f in fields(mention) if f.name not in ("span", "fact")}
    row.update(_fields(mention.span))
    row["fact_id"] = fact_ids.get(id(mention.fact)) if mention.fact is not None else None
    # Everything that tells two candidates on one span apart: one label can give two facts (two areas sharing
    # it), or a fact and a restatement of another.
    key = (f"{doc_id}|{mention.fact_type}|{mention.span.char_start}|{mention.span.char_end}|{mention.decision}"
           f"|{row['fact_id']}|{mention.rule}|{mention.reason}|{mention.detail}")
    row["mention_id"] = hashlib.sha256(key.encode()).hexdigest()[:16]
    row["doc_id"] = doc_id
    row["extractor_version"] = version
    return row


def make_ids_unique(rows: list[dict], column: str) -> None:
    """Ids unique by construction: a row whose id an earlier row already has (two candidates alike in every
    field) gets the id hashed again with its ordinal among them. The rows' order is the extractor's, which is
    deterministic, so the ids are stable across runs."""
    seen: dict[str, int] = {}
    for row in rows:
        base = row[column]
        count = seen.get(base, 0)
        seen[base] = count + 1
        if count:
            row[column] = hashlib.sha256(f"{base}|{count}".encode()).hexdigest()[:16]
