"""What a document is: type, title, service, framework, and its headline facts."""

from __future__ import annotations

from collections import Counter

import regex

from extractors import recommendations as recommendation_extractor
from extractors import scores, services
from extractors.dates import dateline
from extractors.occurrence import Occurrence
from models.chief_inspectors import BY_NAME, CHIEF_INSPECTORS
from models.document import Document, is_heading_like, plain
from models.facts import DateMention, DocumentSummary, Rating, Recommendation
from models.frameworks import FRAMEWORK_BY_KEY
from models.patterns import (
    ANNUAL_REPORT_TITLE,
    DOC_TYPE_CUES,
    PAGE_BOILERPLATE,
    REPORT_BODY_CUES,
    REPORT_TITLE,
    SECTOR_DOCUMENT,
)
from models.vocabulary import CHILDREN_AND_VICTIMS_2024, ENGLISH_WORDS, WELSH_WORDS, Scope

VERSION = "documents/28"

_I = regex.IGNORECASE
_REPORT_TITLE = regex.compile(REPORT_TITLE, _I)
_REPORT_BODY = regex.compile(REPORT_BODY_CUES)
_BOILERPLATE = regex.compile(PAGE_BOILERPLATE, _I)
# Each cue is asked only whether it occurs in the whole text: tested one alternative at a time (extractors.occurrence)
_DOC_TYPE_CUES = [(name, side, weight, Occurrence(p)) for name, side, weight, p, _ in DOC_TYPE_CUES]
_ANNUAL_TITLE = regex.compile(ANNUAL_REPORT_TITLE, _I)
_SECTOR = Occurrence(SECTOR_DOCUMENT)
_LOGO = regex.compile(r"^(?:hm|her majesty's|his majesty's)\s+inspectorate(?:\s+of\s+probation)?$|^of\s+probation$", _I)
# Words that tell the era of an inspection, counted over the whole text.
# Lower-case patterns, scanned over Document.lowered (a case-sensitive scan is twice as fast).
_ERA_WORDS = {
    "standards_2018": regex.compile(r"\brequir\w*\s+improvement\b|\boutstanding\b|\binadequate\b|\boverall\s+rating\b"
                                 r"|\b\d{1,2}\s*(?:/|out\s+of\s+(?:a\s+possible\s+)?)36\b|\bout-of-court\b"),
    "joint_inspection_2012": regex.compile(r"\b(?:un)?satisfactory\b|\bpoor\b|\bfull\s+joint\s+inspection\b|\bstars?\b"
                                        r"|\bwork\s+to\s+(?:reduce\s+reoffending|protect\s+the\s+public)\b"
                                        r"|\bquality\s+screening\b"),
    "core_case_2010": regex.compile(r"\b(?:minimum|moderate|substantial|drastic)\W{0,3}improvement\b"
                                 r"|\bcore\s+case\s+inspection\b"),
}


# The names of the inspection programmes before 2018, each of one framework.
_PROGRAMME_NAME = regex.compile(r"\bcore\s+case\s+inspection\b|\bfull\s+joint\s+inspection\b|\b(?:short\s+)?quality\s+screening\b")
_EARLIER = regex.compile(r"\b(?:previous|earlier|last|former|original|preceding|since|after|followed|follows|following)\b"
                         r"(?:\s+\S+){0,3}\s*$")


def named_programme(doc: Document) -> str | None:
    """The framework of the programme a document names first, in its title or opening: it is the one the
    document is about ("Short Quality Screening of youth offending work in Anytown", and later "since the
    previous Core Case Inspection"), unless it names it as the one before ("followed a critical core case
    inspection")."""
    for named in _PROGRAMME_NAME.finditer(doc.lowered, 0, 3000):
        if not _earlier(doc, named.start()):
            return "core_case_2010" if named.group().startswith("core") else "joint_inspection_2012"
    return None


def _earlier(doc: Document, at: int) -> bool:
    return _EARLIER.search(doc.lowered, max(0, at - 40), at) is not None


def doc_type(doc: Document) -> str:
    """report, press_release, annual_report or other (computed once per document)."""
    return doc_type_evidence(doc)[0]


def doc_type_evidence(doc: Document) -> tuple[str, str]:
    """(doc_type, the cue that decided it): why a document was typed as it was."""
    if "doc_type" not in doc.memo:
        doc.memo["doc_type"] = _doc_type(doc)
    kind, cue = doc.memo["doc_type"]
    return str(kind), str(cue)


def _report_body_marks(text: str, enough: int) -> int:
    """How many different marks of a report's body ("Contents", "Foreword", "ISBN", ...) the text holds, counted
    up to ``enough``: a report shows them on its first pages, so the scan stops there, not 20,000 characters on."""
    seen: set[str] = set()
    for mark in _REPORT_BODY.finditer(text):
        seen.add(mark.group().strip().lower()[:12])
        if len(seen) >= enough:
            break
    return len(seen)


def _doc_type(doc: Document) -> tuple[str, str]:
    lines = [plain(line.text) for line in doc.lines[:40]]
    titles = [t for t in lines if not _LOGO.match(t) and not _BOILERPLATE.match(t)][:3]
    # a bilingual title gives each language's between slashes: "Adroddiad Blynyddol / Annual Report 2023"
    if any(_ANNUAL_TITLE.match(part.strip("*# ")) for t in titles for part in t.split(" / ")):
        return "annual_report", "annual report title"
    titled = any(_REPORT_TITLE.search(t) for t in lines[:30])
    body = _report_body_marks(doc.text[:20000], enough=2)
    if (titled and body >= 1) or body >= 2:
        return "report", "report title and body"
    weights: dict[str, list[tuple[str, int]]] = {"press_release": [], "other": []}
    for name, side, weight, cue in _DOC_TYPE_CUES:
        if cue.occurs(doc.text):
            weights[side].append((name, weight))
    press = sum(w for _, w in weights["press_release"])
    other = sum(w for _, w in weights["other"])
    if press or other:
        # The side with more weight: the Inspectorate's own voice against another party's furniture and
        # retelling; a tie goes to the other party (a page that quotes the Inspectorate is not its release).
        kind = "press_release" if press > other else "other"
        evidence = "; ".join(f"{side} {total} ({', '.join(f'{n} {w}' for n, w in weights[side])})"
                             for side, total in (("press_release", press), ("other", other)) if total)
        return kind, evidence
    if titled or (len(doc.text) > 20_000 and "inspection" in doc.text[:3000].lower()):
        return "report", "report title"
    return "other", "no mark of the Inspectorate's voice"


def scope(doc: Document) -> str:
    """sector (reviews many services), multiple (names several services equally), single, or none."""
    if "scope" not in doc.memo:
        doc.memo["scope"] = _scope(doc)
    return str(doc.memo["scope"])


def _scope(doc: Document) -> str:
    opening = doc.text[:1200]
    if doc_type(doc) == "annual_report" or _SECTOR.occurs(opening):
        return "sector"
    reading = services.read(doc)
    if reading.several:
        return "multiple"
    return "single" if reading.name else "none"


def era(doc: Document) -> str:
    """The inspection framework a document's words belong to, before any rating is read."""
    if "era" not in doc.memo:
        doc.memo["era"] = _era(doc)
    return str(doc.memo["era"])


_YEAR = regex.compile(r"(?<![\d/-])(?:19|20)\d\d(?![\d/-])")


# The 2024 programme's two areas, each by its names for the work ("work with children", "victim work", ...; not
# "victims of crime" or "support for victims", which any document may say)
_AREAS_2024 = [tuple(phrase for phrase in entry.phrases if "work" in phrase) for entry in CHILDREN_AND_VICTIMS_2024]
# The year its inspections were first published (its documents name no earlier one as their own)
PROGRAMME_2024_FROM = 2024


def _names_programme_2024(doc: Document) -> bool:
    """The document is of the 2024 programme: it says so ("work with children and victims"), or, written from
    2024 on, it names both of the programme's areas near its start ("Work with children was rated ‘Good’, and
    work with victims ‘Requires improvement’"): the 2018 framework rated neither."""
    if "programme_2024" not in doc.memo:
        head = doc.lowered[:5000]
        years = _years(doc)
        doc.memo["programme_2024"] = "children and victims" in head or (
            bool(years) and max(years) >= PROGRAMME_2024_FROM
            and all(any(phrase in head for phrase in phrases) for phrases in _AREAS_2024))
    return bool(doc.memo["programme_2024"])


def _years(doc: Document) -> list[int]:
    """The years the document's first 60,000 characters name."""
    if "years" not in doc.memo:
        doc.memo["years"] = [int(y) for y in _YEAR.findall(doc.text[:60000]) if 1995 <= int(y) <= 2035]
    return list(doc.memo["years"])


def _era(doc: Document) -> str:
    if _names_programme_2024(doc):
        return "children_and_victims_2024"
    head = doc.lowered[:5000]
    years = _years(doc)
    if years and max(years) >= 2019:
        return "standards_2018"  # the 2018 framework applies to everything inspected from mid-2018
    named = named_programme(doc)
    if named is not None:
        return named
    counts = {name: len(pattern.findall(doc.lowered, 0, 60000)) for name, pattern in _ERA_WORDS.items()}
    # a programme named as the one before ("since the previous core case inspection") is not this document's
    counts["core_case_2010"] -= sum(1 for named in _PROGRAMME_NAME.finditer(doc.lowered, 0, 60000)
                                    if named.group().startswith("core") and _earlier(doc, named.start()))
    speaking = BY_NAME.get((chief_inspector(doc) or "").lower()) if not years else None
    if speaking is not None:
        # a text that names no year is bounded by the Chief Inspector it quotes: a release in the voice of one
        # who left in 2011 speaks of core case work whatever words of later frameworks it shares ("protect the
        # public", "reduce reoffending"); the frameworks not in use in the term are not counted
        first_day, last_day = speaking.published_between()
        in_term = [name for name in counts if FRAMEWORK_BY_KEY[name].in_use_during(first_day, last_day)]
        if len(in_term) == 1 and any(counts.values()):
            return in_term[0]
        counts = {name: count if name in in_term else 0 for name, count in counts.items()}
    if counts["core_case_2010"] and counts["core_case_2010"] >= max(counts["joint_inspection_2012"], 1) - 1 and (
            counts["core_case_2010"] >= counts["standards_2018"] or "core case inspection" in head):
        return "core_case_2010"
    if counts["joint_inspection_2012"] > counts["standards_2018"]:
        return "joint_inspection_2012"
    if counts["standards_2018"]:
        return "standards_2018"
    return "unknown"  # no word of any framework: the reader uses the 2018 vocabulary, the tables say unknown


def title(doc: Document) -> str | None:
    lines = [line.text.strip("*# ") for line in doc.lines[:40]]
    lines = [t for t in lines if not _LOGO.match(t) and not _BOILERPLATE.match(t)][:12]
    if not lines:
        return None
    first = lines[0]
    # A cover title split over lines: "A joint inspection of youth justice services in" / "Anytown ..."
    if first.lower().endswith((" in", " of", " for")) and len(lines) > 1:
        return f"{first} {lines[1]}"
    return first if is_heading_like(first) or len(first) < 200 else None


# The Chief Inspector a document speaks for, by name next to the title: "..., said Anne Example, Chief Inspector
# of Probation", "HM Chief Inspector of Probation, Anne Example", a foreword signed "Anne Example / HM Chief
# Inspector of Probation". Not one named as "the former Chief Inspector".
_CHIEF_INSPECTOR_NAMES = "|".join(sorted((regex.escape(name) for ci in CHIEF_INSPECTORS for name in ci.names),
                                         key=len, reverse=True))
_CHIEF_INSPECTOR_TITLE = (r"(?:(?:HM|Her\s+Majesty[’']s|His\s+Majesty[’']s)\s+)?(?:(?:Interim|Acting)\s+)?"
                          r"Chief\s+Inspector(?:\s+of\s+Probation)?")
_CHIEF_INSPECTOR = regex.compile(
    rf"(?<!\b(?:former|previous|then|past|ex-|late)\s+)(?:"
    rf"(?P<name>{_CHIEF_INSPECTOR_NAMES}),?\s+(?:the\s+)?(?:{_CHIEF_INSPECTOR_TITLE})"
    rf"|(?:{_CHIEF_INSPECTOR_TITLE}),?\s+(?:(?:Dame|Sir|Mr|Mrs|Ms|Dr)\s+)?(?P<name>{_CHIEF_INSPECTOR_NAMES}))\b", _I)
# The Chief Inspector speaks in a document's head: a press release's first paragraphs, a report's foreword.
_CHIEF_INSPECTOR_HEAD = 20_000


def chief_inspector(doc: Document) -> str | None:
    """The Chief Inspector of Probation the document quotes or whose foreword it carries (models.chief_inspectors
    names them all since 2004), when it names one only."""
    if "chief_inspector" not in doc.memo:
        found: set[str] = set()
        head = doc.lowered[:_CHIEF_INSPECTOR_HEAD]
        at = head.find("chief inspector")
        while at != -1:  # the pattern is tried only around the title (a long report names it a few times)
            window = doc.text[max(0, at - 80) : at + 120]
            found |= {BY_NAME[" ".join(m.group("name").lower().split())].name
                      for m in _CHIEF_INSPECTOR.finditer(window)}
            at = head.find("chief inspector", at + 15)
        doc.memo["chief_inspector"] = found.pop() if len(found) == 1 else None
    return doc.memo["chief_inspector"]


def service(doc: Document) -> tuple[str | None, str | None]:
    """(fullest service name, place key); none for a document about the sector or several services."""
    if scope(doc) in ("sector", "multiple"):
        return None, None
    reading = services.read(doc)
    return reading.name, reading.key


def service_places(doc: Document) -> tuple[str, ...]:
    """Lower-case names of the inspected service's place, as the document writes them."""
    if scope(doc) in ("sector", "multiple"):
        return ()
    return services.read(doc).places


def framework(doc: Document, ratings: list[Rating]) -> str:
    head = doc.text[:5000].lower()
    if _names_programme_2024(doc):
        return "children_and_victims_2024"
    scales = Counter(r.scale for r in ratings if r.scope != Scope.PREVIOUS)
    if any(r.scope == Scope.THEME and r.scale == "joint_inspection" for r in ratings if r.scope != Scope.PREVIOUS):
        return "joint_inspection_2012"  # themes were judged only in the 2012-2017 joint inspections
    named = named_programme(doc)
    if scales["improvement_required"] or (not scales and (named == "core_case_2010" or (
            named is None and "core case inspection" in doc.lowered))):
        return "core_case_2010"
    if scales["four_point"] or any(found.score_max == 36 for found in scores.stated(doc)):
        return "standards_2018"
    if scales["joint_inspection"] or "joint inspection of youth offending" in head:
        return "joint_inspection_2012"
    words = era(doc)
    return words if words != "unknown" or scope(doc) != "single" else "unknown"


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


def summarise(doc: Document, ratings: list[Rating], dates: list[DateMention],
              recommendations: list[Recommendation]) -> DocumentSummary:
    overall = next((r for r in ratings if r.scope == Scope.OVERALL), None)
    name, key = service(doc)
    publication = _pick(dates, "publication")
    fieldwork = _pick(dates, "fieldwork")
    kind, cue = doc_type_evidence(doc)
    own_date = dateline(doc, dates) if kind == "other" else None
    return DocumentSummary(
        doc_type=kind,
        doc_type_cue=cue,
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
        dateline=own_date.date if own_date else None,
        dateline_precision=own_date.precision if own_date else None,
        chief_inspector=chief_inspector(doc),
        recommendation_count_stated=recommendation_extractor.stated_count(doc),
        recommendation_count_extracted=len(recommendations),
        language=language(doc),
    )


def language(doc: Document) -> str:
    """cy when the text reads as Welsh (more of Welsh's common words than of English's), else en."""
    words = regex.findall(r"[a-zâêîôûŵŷ’']+", doc.lowered[:20000])
    welsh = sum(1 for w in words if w.replace("’", "'").split("'")[-1] in WELSH_WORDS or w in WELSH_WORDS)
    english = sum(1 for w in words if w in ENGLISH_WORDS)
    return "cy" if welsh > english else "en"
