"""Typed fact records. Each carries the span it was read from."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass


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
    recommendation_count_stated: int | None
    recommendation_count_extracted: int


def fact_row(fact: Rating | Percentage | DateMention | Recommendation, doc_id: str, table: str,
             version: str) -> dict:
    """Flatten a fact into a row of its table (span columns inline, stable fact_id)."""
    row = {k: v for k, v in asdict(fact).items() if k != "span"}
    row.update(asdict(fact.span))
    key = "|".join(str(row[k]) for k in sorted(row) if k not in ("sentence", "section_heading"))
    row["fact_id"] = hashlib.sha256(f"{doc_id}|{table}|{key}".encode()).hexdigest()[:16]
    row["doc_id"] = doc_id
    row["extractor_version"] = version
    return row
