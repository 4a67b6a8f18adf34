"""What a document is: type, title, service, framework, and its headline facts."""

from __future__ import annotations

from collections import Counter

import regex

from extractors import recommendations as recommendation_extractor
from models.facts import DateMention, DocumentSummary, Rating, Recommendation
from models.patterns import (
    NOT_PLACE_WORDS,
    PAGE_BOILERPLATE,
    PRESS_RELEASE_CUES,
    REPORT_CUES,
    REPORT_TITLE,
    SCORE,
    SERVICE_KINDS,
    TITLE_PLACE,
)
from pipeline.parse import ParsedDocument, is_heading_like, plain

VERSION = "documents/4"

_I = regex.IGNORECASE
_PRESS = regex.compile(PRESS_RELEASE_CUES, _I)
_SCORE = regex.compile(SCORE, _I)
_REPORT_TITLE = regex.compile(REPORT_TITLE, _I)
_INSPECTION = regex.compile(r"\binspection\b")
_SAID = regex.compile(r"\b(?:inspectors|chief inspector)\b.{0,200}\b(?:said|found)\b", regex.S)
_BOILERPLATE = regex.compile(PAGE_BOILERPLATE, _I)
_REPORT = regex.compile(REPORT_CUES, _I)
_TITLE_PLACE = regex.compile(TITLE_PLACE)
_KIND = "|".join(sorted((regex.escape(k) for k in SERVICE_KINDS), key=len, reverse=True))
# The words before a service kind: "West Mercia Youth Justice Service", "Conwy and Denbighshire YJS"
_SERVICE = regex.compile(r"\b(?P<kind>" + _KIND + r")\b", _I)
# Up to six words on the same line just before the kind.
# (Searched backwards, from the kind: a forward search for "$" would try every position.)
_BEFORE = regex.compile(r"(?r)(?:[\w'’\-&]+[ \u00a0]+){0,6}$")
_NAME_WORD = regex.compile(r"^(?:St\.|[A-Z][\w'’\-]*)$")
# The place after the kind: "youth justice services in Sutton", "youth offending work in Warwickshire"
_KIND_IN_PLACE = regex.compile(
    r"(?i:\byouth\s+(?:justice|offending)\s+(?P<kind>services?|teams?|work))\s+in\s+"
    r"(?P<place>(?:St\.|[A-Z][\w'’\-]*)(?:\s+(?:and|upon|on|of|&|le|de)\s+[A-Z][\w'’\-]*|\s+[A-Z][\w'’\-]*){0,4})"
)
_JOINERS = {"and", "upon", "on", "of", "&", "with", "-", "le", "de"}
# "Annual report: inspection of youth offending services (2019-2020)", "Youth Annual Report 2023"
_ANNUAL = regex.compile(r"^(?:hm inspectorate of probation\s*)?(?:\w+\s+)?annual\s+report\b|\bannual\s+report\s*(?::|\d{4})", _I)
# A press release about an annual report: "... on the publication of its Youth Annual Report 2023".
_ANNUAL_NEWS = regex.compile(r"\b(?:published|publication\s+of)\s+(?:its|the|our)\s+(?:\w+\s+){0,2}annual\s+report\b", _I)
# "Joint thematic inspection of resettlement services to children by Youth Offending Teams"
_THEMATIC = regex.compile(r"\bthematic\s+(?:inspection|review|report)\b", _I)
_LOGO = regex.compile(r"^(?:hm|her majesty's|his majesty's)\s+inspectorate(?:\s+of\s+probation)?$|^of\s+probation$", _I)


def doc_type(doc: ParsedDocument) -> str:
    """report, press_release, annual_report or other (computed once per document)."""
    if "doc_type" not in doc.memo:
        doc.memo["doc_type"] = _doc_type(doc)
    return str(doc.memo["doc_type"])


def _doc_type(doc: ParsedDocument) -> str:
    head = doc.text[:3000].lower()
    press = any(_PRESS.match(plain(line.text)) for line in doc.lines)
    if press and len(doc.text) < 40_000:
        return "press_release"  # news of an annual report is still news
    title_line = doc.lines[0].text.lower() if doc.lines else ""
    if _ANNUAL.search(title_line) or ("annual report" in head and "inspection of" not in head):
        return "annual_report"
    report = sum(1 for line in doc.lines if _REPORT.match(plain(line.text)))
    titled = any(_REPORT_TITLE.match(plain(line.text)) for line in doc.lines[:30])
    if titled or report >= 2 or (len(doc.text) > 20_000 and _INSPECTION.search(head)):
        return "report"
    if _SAID.search(head):
        return "press_release"
    return "other"


def is_sector_document(doc: ParsedDocument) -> bool:
    """An annual report, news of one, or a thematic inspection: it reviews many services and rates none."""
    opening = " ".join(line.text for line in doc.lines[:4])
    return (doc_type(doc) == "annual_report" or bool(_ANNUAL_NEWS.search(doc.text[:1500]))
            or bool(_THEMATIC.search(opening)))


def title(doc: ParsedDocument) -> str | None:
    lines = [line.text.strip("*# ") for line in doc.lines[:40]]
    lines = [t for t in lines if not _LOGO.match(t) and not _BOILERPLATE.match(t)][:12]
    if not lines:
        return None
    first = lines[0]
    # A cover title split over lines: "A joint inspection of youth justice services in" / "Conwy ..."
    if first.lower().endswith((" in", " of", " for")) and len(lines) > 1:
        return f"{first} {lines[1]}"
    return first if is_heading_like(first) or len(first) < 200 else None


def place_of(before: str) -> str | None:
    """The place name at the end of the words before a service kind."""
    words = before.split()
    kept: list[str] = []
    for word in reversed(words):
        bare = word.strip(",;:()")
        if bare != word and kept:
            break
        if _NAME_WORD.match(bare) and bare.lower() not in NOT_PLACE_WORDS:
            kept.insert(0, bare)
        elif bare.lower() in _JOINERS and kept:
            kept.insert(0, bare.lower() if bare != "&" else "and")
        else:
            break
    while kept and kept[0] in _JOINERS:
        kept.pop(0)
    return " ".join(kept) or None


def leading_place(text: str) -> str | None:
    """The place name at the start of text: "Conwy and Denbighshire" of "Conwy and Denbighshire is ..."."""
    kept: list[str] = []
    for word in text.split():
        bare = word.strip(",;:()")
        if _NAME_WORD.match(bare) and bare.lower() not in NOT_PLACE_WORDS:
            kept.append(bare)
        elif bare.lower() in _JOINERS and kept:
            kept.append(bare.lower())
        else:
            break
        if bare != word:
            break
    while kept and kept[-1] in _JOINERS:
        kept.pop()
    return " ".join(kept) or None


def service(doc: ParsedDocument) -> tuple[str | None, str | None]:
    """(fullest service name, place key); none for a document about the whole sector."""
    if is_sector_document(doc):
        return None, None
    mentions: list[tuple[str, str]] = []
    for match in _SERVICE.finditer(doc.text):
        window = doc.text[max(0, match.start() - 120) : match.start()]
        before = _BEFORE.search(window)
        place = place_of(before.group() if before else "")
        if place:
            mentions.append((place, match.group("kind")))
    for match in _KIND_IN_PLACE.finditer(doc.text):
        place = leading_place(match.group("place"))
        kind = "youth " + " ".join(match.group(0).split()[1:3]).lower()
        if place and place.lower() not in ("england", "wales", "england and wales"):
            mentions.append((place, kind if kind in SERVICE_KINDS else ""))
    # "Core Case Inspection of youth offending work in England and Wales" names the programme;
    # the place comes with "Report on youth offending work in: Bexley" below it.
    title_place = next((m for m in _TITLE_PLACE.finditer(doc.text[:1500])
                        if not m.group("place").lower().startswith("england and wales")), None)
    places = Counter(place for place, _ in mentions)
    place_in_title = leading_place(title_place.group("place")) if title_place else None
    if place_in_title:
        place = place_in_title
    elif places:
        place = places.most_common(1)[0][0]
    else:
        return None, None
    # "youth offending work in X" names the place, not the kind
    kinds = [kind for p, kind in mentions if kind and p.lower() == place.lower()]
    if not kinds:
        # "Leicestershire Youth Offending Service" in a report on "Leicestershire and Rutland"
        kinds = [kind for p, kind in mentions if kind and (p.lower() in place.lower() or place.lower() in p.lower())]
    full = [SERVICE_KINDS[k.lower()] for k in kinds if len(k) > 3]
    proper_plural = [k for k in kinds if k.istitle() and k.endswith("Services")]
    if proper_plural and len(proper_plural) == len(full):
        kind = proper_plural[0]  # "Warwickshire Youth Justice Services", the only form the document gives
    elif full:
        kind = Counter(full).most_common(1)[0][0]
    elif kinds:
        kind = SERVICE_KINDS[Counter(k.lower() for k in kinds).most_common(1)[0][0]]
    else:
        kind = "Youth Justice Service" if "youth justice" in doc.text[:5000].lower() else "Youth Offending Team"
    return f"{place} {kind}", service_key(place)


def service_key(place: str) -> str:
    key = place.lower().replace("&", "and")
    return regex.sub(r"[^a-z0-9]+", "-", key).strip("-")


def framework(doc: ParsedDocument, ratings: list[Rating]) -> str:
    head = doc.text[:5000].lower()
    if "children and victims" in head:
        return "children_and_victims_2024"
    if "core case inspection" in doc.text.lower():
        return "core_case_2010"
    scales = Counter(r.scale for r in ratings if r.scope != "previous")
    if any(r.scope == "theme" for r in ratings):
        return "joint_inspection_2012"  # themes were judged only in the 2012-2017 joint inspections
    if scales["four_point"] or any(m.group("max") == "36" for m in _SCORE.finditer(doc.text)):
        return "standards_2018"
    if scales["joint_inspection"] or "joint inspection of youth offending" in head:
        return "joint_inspection_2012"
    if scales["improvement_required"]:
        return "core_case_2010"
    return "unknown"


def _pick(dates: list[DateMention], role: str) -> DateMention | None:
    """The earliest date of a role; a day-precise date in the same month is preferred."""
    chosen = sorted((d for d in dates if d.role == role), key=lambda d: (d.date, d.precision != "day"))
    if not chosen:
        return None
    first = chosen[0]
    for candidate in chosen:
        if candidate.precision == "day" and (candidate.date.year, candidate.date.month) == (first.date.year, first.date.month):
            return candidate
    return first


def summarise(doc: ParsedDocument, ratings: list[Rating], dates: list[DateMention],
              recommendations: list[Recommendation]) -> DocumentSummary:
    overall = next((r for r in ratings if r.scope == "overall"), None)
    name, key = service(doc)
    publication = _pick(dates, "publication")
    fieldwork = _pick(dates, "fieldwork")
    return DocumentSummary(
        doc_type=doc_type(doc),
        title=title(doc),
        service=name,
        service_key=key,
        framework=framework(doc, ratings),
        overall_rating=overall.label if overall else None,
        overall_rating_rank=overall.rank if overall else None,
        publication_date=publication.date if publication else None,
        publication_date_precision=publication.precision if publication else None,
        fieldwork_start=fieldwork.date if fieldwork else None,
        fieldwork_start_precision=fieldwork.precision if fieldwork else None,
        recommendation_count_stated=recommendation_extractor.stated_count(doc),
        recommendation_count_extracted=len(recommendations),
    )
