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

VERSION = "inspections/3"
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


# ------------------------------------------------------------------ one inspection, counted once

def _ordered(documents: list[dict]) -> list[dict]:
    """An inspection's documents, the one whose word is taken first: reports, then press releases."""
    return sorted(documents, key=lambda d: (d["doc_type"] != "report", d["doc_id"]))


def _rated(rating: dict) -> str:
    return rating.get("standard_key") or f"{rating['scope']}:{' '.join(rating['subject'].lower().split())}"


def inspection_ratings(rows: list[dict], groups: list[list[dict]], ratings: list[dict]) -> tuple[list[dict], list[dict]]:
    """(inspection_ratings rows, inspection_documents_agree checks): one rating per inspection and subject."""
    from pipeline.checks import agreement_check

    by_doc: dict[str, dict[str, dict]] = {}
    for rating in sorted(ratings, key=lambda r: (r["doc_id"], r["char_start"])):
        if rating["scope"] != "previous":
            by_doc.setdefault(rating["doc_id"], {}).setdefault(_rated(rating), rating)
    out: list[dict] = []
    checks: list[dict] = []
    for row, documents in zip(rows, groups, strict=True):
        ordered = _ordered(documents)
        subjects: dict[str, list[tuple[dict, dict]]] = {}
        for document in ordered:
            for rated, rating in by_doc.get(document["doc_id"], {}).items():
                subjects.setdefault(rated, []).append((document, rating))
        for rated, stated in sorted(subjects.items()):
            source_document, chosen = stated[0]
            labels = [rating["label"] for _, rating in sorted(stated, key=lambda pair: pair[0]["doc_id"])]
            out.append({
                "inspection_id": row["inspection_id"], "rated": rated, "service_key": row["service_key"],
                "framework": row["framework"], "standard_key": chosen.get("standard_key"),
                "standard_name": chosen.get("standard_name"), "scope": chosen["scope"], "code": chosen["code"],
                "subject": chosen["subject"], "label": chosen["label"], "scale": chosen["scale"], "rank": chosen["rank"],
                "source_doc_id": source_document["doc_id"], "doc_ids": sorted(d["doc_id"] for d, _ in stated),
                "labels": labels, "agree": len(set(labels)) == 1, "extractor_version": VERSION,
            })
            for document, rating in stated[1:]:
                checks.append(agreement_check(document, source_document, rated, chosen["label"], rating["label"]))
    return out, checks


def inspection_scores(rows: list[dict], groups: list[list[dict]], scores: list[dict]) -> list[dict]:
    by_doc: dict[str, dict] = {}
    for score in sorted(scores, key=lambda s: (s["doc_id"], s["char_start"])):
        by_doc.setdefault(score["doc_id"], score)
    out = []
    for row, documents in zip(rows, groups, strict=True):
        stated = [(d, by_doc[d["doc_id"]]) for d in _ordered(documents) if d["doc_id"] in by_doc]
        if not stated:
            continue
        source_document, chosen = stated[0]
        values = {(s["score"], s["score_max"]) for _, s in stated}
        out.append({"inspection_id": row["inspection_id"], "service_key": row["service_key"],
                    "subject": chosen["subject"], "score": chosen["score"], "score_max": chosen["score_max"],
                    "source_doc_id": source_document["doc_id"], "doc_ids": sorted(d["doc_id"] for d, _ in stated),
                    "agree": len(values) == 1, "extractor_version": VERSION})
    return out


def inspection_recommendations(rows: list[dict], groups: list[list[dict]], recommendations: list[dict]) -> list[dict]:
    by_doc: dict[str, dict[int, dict]] = {}
    for item in sorted(recommendations, key=lambda r: (r["doc_id"], r["number"], r["char_start"])):
        by_doc.setdefault(item["doc_id"], {}).setdefault(item["number"], item)
    out = []
    for row, documents in zip(rows, groups, strict=True):
        listing = [d for d in _ordered(documents) if by_doc.get(d["doc_id"])]
        if not listing:
            continue
        source_document = listing[0]
        for number, chosen in sorted(by_doc[source_document["doc_id"]].items()):
            stated = [(d, by_doc[d["doc_id"]][number]) for d in listing if number in by_doc[d["doc_id"]]]
            owners = {" ".join((item["owner"] or "").lower().split()) for _, item in stated}
            out.append({"inspection_id": row["inspection_id"], "service_key": row["service_key"], "number": number,
                        "owner": chosen["owner"], "owner_type": chosen["owner_type"], "text": chosen["text"],
                        "source_doc_id": source_document["doc_id"], "doc_ids": sorted(d["doc_id"] for d, _ in stated),
                        "agree": len(owners) == 1, "extractor_version": VERSION})
    return out


_KIND_AT_END = r"\s+(?:Combined\s+)?(?:Youth\s+(?:and\s+)?(?:Justice|Offending)(?:\s+and\s+Prevention)?|Children\s*(?:&|and)" \
               r"\s*Young\s+People[’']?s?\s+Justice)\s+(?:Service|Services|Team|Partnership)$"


def services(documents: list[dict], rows: list[dict]) -> list[dict]:
    """One row per service_key, with every name the documents give it and the areas it covers."""
    import re

    from models.service_areas import JOINT_SERVICES

    by_key: dict[str, list[dict]] = {}
    for document in documents:
        if document.get("service_key") and document.get("service"):
            by_key.setdefault(document["service_key"], []).append(document)
    inspections_of: dict[str, list[dict]] = {}
    for row in rows:
        if row["service_key"]:
            inspections_of.setdefault(row["service_key"], []).append(row)
    out = []
    for key, documents_of in sorted(by_key.items()):
        reports = sorted((d for d in documents_of if d["doc_type"] == "report"),
                         key=lambda d: (str(d.get("publication_date") or ""), d["doc_id"]))
        names = sorted({d["service"] for d in documents_of})
        chosen = max((reports[-1:] or documents_of), key=lambda d: (len(d["service"]), d["doc_id"]))["service"]
        place = re.sub(_KIND_AT_END, "", chosen, flags=re.IGNORECASE).strip() or chosen
        ordered = sorted(inspections_of.get(key, []),
                         key=lambda r: (str(r.get("fieldwork_start") or r.get("publication_date") or ""), r["inspection_id"]))
        out.append({"service_key": key, "service": chosen, "names": names,
                    "areas": list(JOINT_SERVICES.get(key, (place,))),
                    "inspection_ids": [r["inspection_id"] for r in ordered],
                    "doc_ids": sorted(d["doc_id"] for d in documents_of), "extractor_version": VERSION})
    return out


def standards() -> list[dict]:
    """The reference table of frameworks and standards (models/frameworks.py)."""
    from models.frameworks import FRAMEWORK_BY_KEY, STANDARDS

    return [{"standard_key": s.key, "framework": s.framework, "framework_name": FRAMEWORK_BY_KEY[s.framework].name,
             "framework_years": FRAMEWORK_BY_KEY[s.framework].years, "scale": FRAMEWORK_BY_KEY[s.framework].scale,
             "code": s.code, "name": s.name, "domain": s.domain, "side": s.side, "note": s.note,
             "extractor_version": VERSION} for s in STANDARDS]
