"""One row per inspection: the documents that describe it, joined (the `inspections` table).

Documents describe the same inspection when they name the same service
(service_key) and their dates agree: the same fieldwork month, publication
dates close together, or one's fieldwork shortly before the other's
publication. The .txt and .pdf renderings of one document are one inspection.
A document that names no service (an annual report or news of one, a thematic
review) describes no single inspection and is left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from models.rules import SAME_INSPECTION_DAYS

VERSION = "inspections/2"
KINDS = ("report", "press_release")


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def same_inspection(a: dict, b: dict) -> bool:
    if not a.get("service_key") or a.get("service_key") != b.get("service_key"):
        return False
    fa, fb = _date(a.get("fieldwork_start")), _date(b.get("fieldwork_start"))
    pa, pb = _date(a.get("publication_date")), _date(b.get("publication_date"))
    if fa and fb:
        return abs((fa.replace(day=1) - fb.replace(day=1)).days) <= 31
    if pa and pb:
        return abs((pa - pb).days) <= 45
    for fieldwork, published in ((fa, pb), (fb, pa)):
        if fieldwork and published:
            return 0 <= (published - fieldwork).days <= SAME_INSPECTION_DAYS * 2
    # No comparable dates: only renderings of one document (same title and type) are joined.
    return a.get("title") == b.get("title") and a.get("doc_type") == b.get("doc_type")


def group(documents: list[dict]) -> list[list[dict]]:
    """Union-find over the documents that describe inspections."""
    items = sorted((d for d in documents if d["doc_type"] in KINDS and d.get("service_key")), key=lambda d: d["doc_id"])
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if same_inspection(items[i], items[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[dict]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    return list(groups.values())


def _first(values: list[Any]) -> Any:
    return next((v for v in values if v is not None), None)


def inspection_row(documents: list[dict], overall_by_doc: dict[str, dict]) -> dict:
    reports = [d for d in documents if d["doc_type"] == "report"]
    releases = [d for d in documents if d["doc_type"] == "press_release"]
    ordered = reports + releases  # the report's word first
    fieldwork_dates = [f for d in documents if (f := _date(d.get("fieldwork_start")))]
    release_dates = [p for d in releases if (p := _date(d.get("publication_date")))]
    fieldwork = min(fieldwork_dates, default=None)
    published = _first([_date(d.get("publication_date")) for d in reports]) or min(release_dates, default=None)
    overall: dict | None = _first([overall_by_doc.get(d["doc_id"]) for d in ordered])
    service_key = documents[0].get("service_key")
    anchor = fieldwork or published
    if service_key and anchor:
        inspection_id = f"{service_key}-{anchor:%Y-%m}"
    else:
        inspection_id = "doc-" + hashlib.sha256(min(d["doc_id"] for d in documents).encode()).hexdigest()[:12]
    counts = [d["recommendation_count_extracted"] for d in reports if d["recommendation_count_extracted"]]
    stated = [d.get("recommendation_count_stated") for d in ordered]
    frameworks = [d["framework"] for d in ordered if d["framework"] != "unknown"]
    services = [d["service"] for d in ordered if d.get("service")]
    return {
        "inspection_id": inspection_id,
        "service": max(services, key=len) if services else None,
        "service_key": service_key,
        "framework": frameworks[0] if frameworks else "unknown",
        "publication_date": published,
        "fieldwork_start": fieldwork,
        "overall_rating": overall["label"] if overall else None,
        "overall_rating_rank": overall["rank"] if overall else None,
        "score": overall.get("score") if overall else None,
        "score_max": overall.get("score_max") if overall else None,
        "recommendation_count": counts[0] if counts else _first(stated),
        "doc_ids": sorted(d["doc_id"] for d in documents),
        "report_doc_ids": sorted(d["doc_id"] for d in reports),
        "press_release_doc_ids": sorted(d["doc_id"] for d in releases),
        "extractor_version": VERSION,
    }


def link(documents: list[dict], ratings: list[dict]) -> tuple[list[dict], list[list[dict]]]:
    """(inspection rows, the document groups they came from)."""
    overall_by_doc: dict[str, dict] = {}
    for rating in sorted(ratings, key=lambda r: (r["doc_id"], r["char_start"])):
        if rating["scope"] == "overall":
            current = overall_by_doc.get(rating["doc_id"])
            if current is None or (current.get("score") is None and rating.get("score") is not None):
                overall_by_doc[rating["doc_id"]] = rating
    groups = group(documents)
    rows = [inspection_row(g, overall_by_doc) for g in groups]
    seen: dict[str, int] = {}
    for row in sorted(rows, key=lambda r: (r["inspection_id"], r["doc_ids"])):
        count = seen.get(row["inspection_id"], 0)
        seen[row["inspection_id"]] = count + 1
        if count:
            row["inspection_id"] = f"{row['inspection_id']}-{count + 1}"
    return rows, groups
