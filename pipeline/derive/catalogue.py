"""What the Inspectorate has published, and what became of it here (the `catalogue` table).

One row per inspection the site lists (kept by `hmip fetch` in its state, ``listed``): its programme, the
title and the service the listing names, its date of publication, the files its page links (reports, Welsh
versions, press releases), whether each was fetched and extracted, and the service extracted from its
documents. Where the listing's service and the extracted one differ, a failed ``listed_service`` check names
both (a wrong document under a right name, or a misread name). Analysts count coverage here: "every 2024
inspection is in; two 2019 reports failed".
"""

from __future__ import annotations

import datetime as dt
import re

VERSION = "catalogue/1"

# The place a listing's title ends with: "An inspection of youth justice services in Anytown", "Core case
# inspection of youth offending work in Newtown", "... work with children and victims in North Anyshire".
_TITLE_PLACE = re.compile(r"\bin\s+(?:the\s+)?(?P<place>[A-Z][^()]*?)\s*(?:\(\d{4}\)|\b\d{4})?\s*$")


def listed_service(title: str | None) -> str | None:
    """The register's key of the service a listing's title names, or None."""
    from models.register import resolve_place

    match = _TITLE_PLACE.search(title or "")
    if not match:
        return None
    found = resolve_place(match.group("place").strip(" .,:"))
    return found.key if found else None


def catalogue(fetched: dict | None, documents: list[dict], errors: list[dict]) -> tuple[list[dict], list[dict]]:
    """(catalogue rows, listed_service checks) from the fetch state and the run's documents and errors."""
    from pipeline.derive.checks import listed_service_check

    if not fetched or not isinstance(fetched.get("listed"), dict):
        return [], []
    path_of = {row["url"]: row["path"] for row in fetched.get("sources", [])}
    by_path = {}
    for document in documents:
        for path in document.get("source_paths") or [document["source_path"]]:
            by_path[path] = document
    failed_urls = {e["url"] for e in errors if e.get("url")}
    rows, checks = [], []
    for page, entry in sorted(fetched["listed"].items()):
        files = [*entry.get("reports", []), *entry.get("welsh_reports", []), *entry.get("press_releases", [])]
        documents_of = [by_path[path_of[u]] for u in files if u in path_of and path_of[u] in by_path]
        reports = [d for d in documents_of if d["doc_type"] == "report" and d.get("language") != "cy"]
        extracted_keys = sorted({d["service_key"] for d in (reports or documents_of) if d.get("service_key")})
        listed = listed_service(entry.get("title"))
        agrees = None if listed is None or not extracted_keys else listed in extracted_keys
        published = entry.get("published")
        rows.append({
            "inspection_page": page, "programme": entry.get("programme") or "", "title": entry.get("title"),
            "service_listed": listed, "published": dt.date.fromisoformat(published) if published else None,
            "published_text": entry.get("published_text"), "page_read": bool(entry.get("page_read")),
            "report_urls": list(entry.get("reports", [])), "welsh_report_urls": list(entry.get("welsh_reports", [])),
            "press_release_urls": list(entry.get("press_releases", [])),
            "fetched": bool(entry.get("page_read")) and all(u in path_of for u in files),
            "failed_urls": sorted(u for u in files if u in failed_urls or u not in path_of),
            "extracted": bool(files) and len(documents_of) == len(files),
            "doc_ids": sorted({d["doc_id"] for d in documents_of}),
            "service_extracted": extracted_keys[0] if len(extracted_keys) == 1 else
            ("; ".join(extracted_keys) if extracted_keys else None),
            "service_agrees": agrees,
            "inspection_ids": sorted({d["inspection_id"] for d in documents_of if d.get("inspection_id")}),
            "extractor_version": VERSION,
        })
        if agrees is not None:
            checks.append(listed_service_check((reports or documents_of)[0], listed or "", extracted_keys,
                                               entry.get("title") or "", page))
    return rows, checks
