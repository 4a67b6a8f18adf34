"""The Inspectorate's rating frameworks and their standards: reference data, and the key that joins them.

A standard's number means different things in different frameworks ("2.2" is Planning for court disposals
in the 2018 framework; a 2025 report may number its work with victims 2.2), and a theme is named in several
ways ("Protecting the Public", "work to protect the public"). Every rating therefore carries a
``standard_key`` — ``<framework>/<code>`` where the framework numbers its standards, ``<framework>/<slug>``
where it names them — and the canonical ``standard_name``; an analysis joins on the key, never on a code
or a name as written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from models.vocabulary import AREAS_BY_ERA, AreaEntry


@dataclass(frozen=True)
class Framework:
    key: str
    name: str
    years: str  # when inspections used it
    scale: str  # the scale of its labels (ratings.scale)
    has_overall: bool  # whether a service gets an overall rating
    description: str
    # The first and last day a report under it can have been published (None: still in use). Where a source
    # gives only the season or the year, the bound is the widest the source allows.
    began: dt.date
    ended: dt.date | None

    def in_use_during(self, first_day: dt.date, last_day: dt.date) -> bool:
        """Whether a document published between the two days can belong to this framework."""
        return self.began <= last_day and (self.ended is None or first_day <= self.ended)


@dataclass(frozen=True)
class Standard:
    key: str  # the standard_key: unique across frameworks
    framework: str
    code: str | None  # as the framework numbers it, when it does
    name: str  # canonical name
    domain: str | None  # the domain (or area of work) it belongs to
    side: str  # organisational, court, out_of_court, resettlement, children, victims, case_work, overall
    area_key: str | None  # the vocabulary area (models.vocabulary) that names it in a sentence
    note: str = ""


# When each was in use (the Inspectorate's "Inspection programmes - Youth" page, justice.gov.uk, 2012: "The CCI
# programme ended in spring 2012 ... This programme began in September 2012"; the youth inspection guidance
# manual v1.0 of May 2018 for the standards; the 2024 programme's month is not stated in a source at hand, so its
# bound is the start of 2024).
FRAMEWORKS: tuple[Framework, ...] = (
    Framework("core_case_2010", "Core case inspection", "2009-2012", "improvement_required", False,
              "Three areas of case work, each judged by the improvement it requires: minimum, moderate, "
              "substantial or drastic.", dt.date(2009, 1, 1), dt.date(2012, 8, 31)),
    Framework("joint_inspection_2012", "Full joint inspection / short quality screening", "2012-2017",
              "joint_inspection", False,
              "Themes judged Good, Satisfactory, Unsatisfactory or Poor (stars in some reports).",
              dt.date(2012, 9, 1), dt.date(2018, 12, 31)),
    Framework("standards_2018", "Inspection standards (youth offending services)", "2018-2024", "four_point", True,
              "Twelve standards in three domains (organisational delivery, court disposals, out-of-court "
              "disposals), resettlement (4.1) from mid-2021, each Outstanding, Good, Requires improvement or "
              "Inadequate; their points sum to a score out of 36 that gives the overall rating.",
              dt.date(2018, 5, 1), None),
    Framework("children_and_victims_2024", "Inspection of youth justice work with children and victims", "2024-",
              "four_point", True,
              "Two broad areas, the quality of work with children and with victims, rated on the four-point "
              "scale, and an overall rating; leadership, staffing and partnerships are considered through the "
              "work with children.", dt.date(2024, 1, 1), None),
)
FRAMEWORK_BY_KEY = {f.key: f for f in FRAMEWORKS}


def _standards_2018() -> list[Standard]:
    f = "standards_2018"
    domains = {"1": "Organisational delivery", "2": "Court disposals", "3": "Out-of-court disposals",
               "4": "Resettlement"}
    sides = {"1": "organisational", "2": "court", "3": "out_of_court", "4": "resettlement"}
    rows = [
        ("1.1", "Governance and leadership", "1.1", ""), ("1.2", "Staff", "1.2", ""),
        ("1.3", "Partnerships and services", "1.3", ""), ("1.4", "Information and facilities", "1.4", ""),
        ("2.1", "Assessment", "x.1", ""), ("2.2", "Planning", "x.2", ""),
        ("2.3", "Implementation and delivery", "x.3", ""), ("2.4", "Reviewing", "x.4", ""),
        ("3.1", "Assessment", "x.1", ""), ("3.2", "Planning", "x.2", ""),
        ("3.3", "Implementation and delivery", "x.3", ""),
        ("3.4", "Joint working", "3.4j", "until the 2021 revision"),
        ("3.4", "Out-of-court disposal policy and provision", "3.4p", "from the 2021 revision"),
        ("4.1", "Resettlement policy and provision", "4.1", "from the 2021 revision"),
    ]
    out = [Standard(f"{f}/overall", f, None, "Overall", None, "overall", None)]
    for code, name, area, note in rows:
        domain = code.split(".")[0]
        key = f"{f}/{code}" if code != "3.4" else f"{f}/{code}-{_slug(name)}"
        out.append(Standard(key, f, code, name, domains[domain], sides[domain], area, note))
    for number, name in domains.items():
        out.append(Standard(f"{f}/domain-{number}", f, number, name, name, sides[number], f"domain:{number}",
                            "a domain, when a document rates one as a whole"))
    return out


def _named(framework: str, entries: tuple[AreaEntry, ...], side: str, domain: str | None) -> list[Standard]:
    return [Standard(f"{framework}/{_slug(e.name)}", framework, None, e.name, domain,
                     side if side else e.key, e.key) for e in entries]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


STANDARDS: tuple[Standard, ...] = (
    *_named("core_case_2010", AREAS_BY_ERA["core_case_2010"], "case_work", "Case work"),
    *_named("joint_inspection_2012", AREAS_BY_ERA["joint_inspection_2012"], "case_work", None),
    *_standards_2018(),
    Standard("children_and_victims_2024/overall", "children_and_victims_2024", None, "Overall", None, "overall", None),
    Standard("children_and_victims_2024/work-with-children", "children_and_victims_2024", None, "Work with children",
             "Work with children", "children", "children"),
    Standard("children_and_victims_2024/work-with-victims", "children_and_victims_2024", None, "Work with victims",
             "Work with victims", "victims", "victims"),
    *[Standard(f"children_and_victims_2024/{_slug(name)}", "children_and_victims_2024", None, name,
               "Work with children", "organisational", area,
               "considered through the work with children; rated separately in some reports")
      for area, name in (("1.1", "Governance and leadership"), ("1.2", "Staff"),
                         ("1.3", "Partnerships and services"), ("1.4", "Information and facilities"))],
)
STANDARD_BY_KEY = {s.key: s for s in STANDARDS}


def _phrases(framework: str) -> list[tuple[str, str]]:
    """(phrase, area key) of every vocabulary phrase for a framework's areas, longest first."""
    out = [(phrase, entry.key) for entry in AREAS_BY_ERA.get(framework, ()) for phrase in entry.phrases]
    out += [(entry.name.lower(), entry.key) for entry in AREAS_BY_ERA.get(framework, ())]
    return sorted(set(out), key=lambda item: -len(item[0]))


_PHRASES = {framework: _phrases(framework) for framework in AREAS_BY_ERA}


def _area_key(framework: str, subject: str) -> str | None:
    words = " " + re.sub(r"[^a-z0-9&-]+", " ", subject.lower()).strip() + " "
    for phrase, key in _PHRASES.get(framework, ()):
        if f" {phrase} " in words:
            return key
    return None


def standard_for(framework: str, scope: str, code: str | None, subject: str) -> Standard | None:
    """The standard a rating judges, from its framework, scope, code and subject; None when it cannot be told
    (an earlier inspection's rating, a subject no framework names, a code that fits none)."""
    if scope == "previous" or framework not in FRAMEWORK_BY_KEY:
        return None
    if scope == "overall":
        return STANDARD_BY_KEY.get(f"{framework}/overall")
    candidates = [s for s in STANDARDS if s.framework == framework]
    area = _area_key(framework, subject)
    if framework == "standards_2018" and code:
        coded = [s for s in candidates if s.code == code and (scope == "domain") == s.key.split("/")[1].startswith("domain")]
        if len(coded) == 1:
            return coded[0]
        return next((s for s in coded if s.area_key == area), None)
    if area is None:
        return None
    if area.startswith("x."):  # assessment, planning, ... of a domain the code does not say
        return None
    return next((s for s in candidates if s.area_key == area), None)
