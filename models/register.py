"""Reference data: the local authorities of England and Wales, and their youth justice services since 2009.

Every upper-tier local authority must have a youth offending team, alone or with others (Crime and Disorder
Act 1998, section 39). The register is therefore built from the authorities, not from any document:

- ``data/local_authorities.csv``: every county, unitary authority, metropolitan district, London borough, the
  City of London and every Welsh principal area in existence at any time since 1 April 2009, with its ONS
  GSS code (E06, E08, E09, E10, W06), region, the dates it began or ended, the authorities that replaced it,
  and the other names it goes by (short forms, "City of ...", Welsh names). Source: the ONS Register of
  Geographic Codes and Code History Database, and the GOV.UK local-authority registers, as compiled by
  mySociety (uk_local_authority_names_and_codes); regions and a few names checked by hand.
- ``data/joint_youth_justice_services.csv``: the services that cover more than one authority (West Mercia,
  Western Bay, Dorset Combined, ...), each with its areas, known dates, predecessors and successors, and the
  publication that names it (an Inspectorate report, or the Youth Justice Board's list of services).

Every other authority's service is its own: "<authority> Youth Justice Service" (it has been called a Youth
Offending Team, Service or a Youth Justice Service over the years; the documents say which). A place a
document names resolves to one service key here, or to none, and the extractors never invent one. Nothing
here is taken from the development sets; no rule names a document.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from itertools import permutations, product
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class LocalAuthority:
    code: str  # ONS GSS code
    name: str
    kind: str  # county | unitary | metropolitan_district | london_borough | city_of_london | welsh_principal_area
    region: str  # English region, or Wales
    nation: str
    start: str  # ISO date when it began, if since 2009
    end: str  # ISO date of its last day, if it has ended
    replaced_by: tuple[str, ...]  # codes of its successors
    other_names: tuple[str, ...]


@dataclass(frozen=True)
class YouthJusticeService:
    key: str  # stable key: the place, lower case, hyphenated ("derby", "west-mercia")
    name: str  # canonical name
    other_names: tuple[str, ...]
    areas: tuple[str, ...]  # GSS codes of the authorities it covers (over its life)
    start: str  # year or date it began, where known
    end: str  # year or date it ended, where known
    predecessors: tuple[str, ...]  # service keys
    successors: tuple[str, ...]
    region: str
    source: str
    joint: bool
    part_of: tuple[str, ...] = ()  # joint services that have covered its authority ("herefordshire": west-mercia)


def slug(text: str) -> str:
    text = text.lower().replace("&", "and").replace("ô", "o").replace("â", "a")
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"^(?:the|city of)\s+", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def normal(text: str) -> str:
    """A place name compared: lower case, "&" as "and", apostrophes, dots and hyphens as spaces."""
    text = text.lower().replace("&", " and ").replace("ô", "o").replace("â", "a")
    text = re.sub(r"[’'`.]", "", text)
    text = re.sub(r"[-,]", " ", text)
    return " ".join(text.split())


def _read(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def local_authorities() -> tuple[LocalAuthority, ...]:
    return tuple(LocalAuthority(r["code"], r["name"], r["kind"], r["region"], r["nation"], r["start"], r["end"],
                                tuple(r["replaced_by"].split()), tuple(n for n in r["other_names"].split("|") if n))
                 for r in _read("local_authorities.csv"))


@cache
def authority_by_code() -> dict[str, LocalAuthority]:
    return {a.code: a for a in local_authorities()}


@cache
def services() -> tuple[YouthJusticeService, ...]:
    """Every youth justice service: each authority's own, and the joint ones."""
    out: dict[str, YouthJusticeService] = {}
    for authority in local_authorities():
        key = slug(authority.name)
        if key in out:  # a county replaced by a unitary of the same name: one service throughout
            old = out[key]
            out[key] = YouthJusticeService(old.key, old.name, tuple(dict.fromkeys((*old.other_names, *authority.other_names))),
                                           (*old.areas, authority.code), "", "", (), (), old.region, old.source, False)
            continue
        out[key] = YouthJusticeService(
            key, f"{authority.name.removeprefix('The ')} Youth Justice Service", authority.other_names, (authority.code,),
            authority.start, authority.end, (), (), authority.region,
            "ONS Register of Geographic Codes: the authority's own youth offending team (Crime and Disorder Act "
            "1998, s.39)", False)
    # An authority replaced by others (Cumbria by Cumberland and Westmorland and Furness, 2023): its service is
    # succeeded by theirs, and theirs preceded by it.
    by_code = {code: service.key for service in out.values() for code in service.areas}
    successors: dict[str, list[str]] = {}
    for authority in local_authorities():
        for code in authority.replaced_by:
            if code in by_code and by_code[code] != by_code.get(authority.code):
                successors.setdefault(by_code[authority.code], []).append(by_code[code])
    for key, after in successors.items():
        service = out[key]
        out[key] = _with(service, successors=tuple(dict.fromkeys((*service.successors, *after))))
        for successor in after:
            later = out[successor]
            out[successor] = _with(later, predecessors=tuple(dict.fromkeys((*later.predecessors, key))))
    for row in _read("joint_youth_justice_services.csv"):
        areas = tuple(row["areas"].split())
        regions = sorted({authority_by_code()[c].region for c in areas if c in authority_by_code()})
        out[row["key"]] = YouthJusticeService(
            row["key"], row["name"], tuple(n for n in row["other_names"].split("|") if n), areas, row["start"],
            row["end"], tuple(row["predecessors"].split()), tuple(row["successors"].split()), "; ".join(regions),
            row["source"], True)
    for joint in [s for s in out.values() if s.joint]:
        for code in joint.areas:
            own = by_code.get(code)
            if own in out and not out[own].joint:
                out[own] = _with(out[own], part_of=tuple(dict.fromkeys((*out[own].part_of, joint.key))))
    return tuple(sorted(out.values(), key=lambda s: s.key))


def _with(service: YouthJusticeService, **changes: object) -> YouthJusticeService:
    from dataclasses import replace

    return replace(service, **changes)  # type: ignore[arg-type]


@cache
def service_by_key() -> dict[str, YouthJusticeService]:
    return {s.key: s for s in services()}


# Words a service's name adds to its place: "Anytown Youth Justice Service" -> "Anytown".
_KIND_WORDS = re.compile(r"\s+(?:youth\s+(?:justice|offending)|YJS|YOT|YOS)\b.*$", re.IGNORECASE)


@cache
def place_index() -> dict[str, str]:
    """Every place name (normalised) -> the key of the service it names. A joint service's own place ("West
    Mercia", "Conwy and Denbighshire") names it; an authority's names name the authority's own service."""
    index: dict[str, str] = {}
    for service in services():
        if service.joint:
            continue
        authority_names = [authority_by_code()[c] for c in service.areas if c in authority_by_code()]
        for authority in authority_names:
            for name in (authority.name, *authority.other_names):
                index.setdefault(normal(name), service.key)
                index.setdefault(normal(name.removeprefix("The ")), service.key)
    for service in services():
        if service.joint:
            for name in (service.name, *service.other_names):
                place = _KIND_WORDS.sub("", name).strip()
                if place:
                    index[normal(place)] = service.key
    for service in services():
        if service.joint and 2 <= len(service.areas) <= 3:
            # a joint service named by its authorities, in any order and by any of their names: "Isle of Anglesey
            # and Gwynedd" as well as the register's "Gwynedd and Ynys Môn"
            names = [[n.removeprefix("The ") for n in (a.name, *a.other_names)]
                     for code in service.areas if (a := authority_by_code().get(code)) is not None]
            if len(names) != len(service.areas):
                continue
            for order in permutations(names):
                for chosen in product(*order):
                    index.setdefault(normal(", ".join(chosen[:-1]) + " and " + chosen[-1]), service.key)
    return index


def resolve_place(words: str) -> YouthJusticeService | None:
    """The service a place names ("Derby City" -> derby, "Western Bay" -> western-bay), or None when the words
    name no place in the register (a common word, a job title, another organisation)."""
    key = place_index().get(normal(words))
    if key is None and "(" in words:
        # a place with another name in brackets: "Hull (Kingston upon Hull)", "Kingston upon Hull (Hull)"
        outside, inside = re.sub(r"\([^)]*\)", " ", words), re.findall(r"\(([^)]*)\)", words)
        key = next((k for part in (outside, *inside) if (k := place_index().get(normal(part)))), None)
    return service_by_key().get(key) if key else None


@cache
def _place_names() -> re.Pattern[str]:
    """Every place name of the register as written in prose: words apart by spaces, hyphens or dots, "and" or
    "&" between them, the longest first ("Newtown and Anytown" before "Newtown")."""
    alternatives = []
    for name in sorted(place_index(), key=lambda n: (-len(n), n)):
        words = [r"(?:and|&)" if w == "and" else re.escape(w) for w in name.split()]
        alternatives.append(r"[\s.\-]+".join(words))
    return re.compile(r"(?<![\w&-])(?:" + "|".join(alternatives) + r")(?![\w&-])", re.IGNORECASE)


def places_named_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, service key) of every register place a text names as a proper noun ("Anytown", not
    "anytown"): for a document that names its service only as "the Youth Offending Service"."""
    return [(m.start(), m.end(), key) for m in _place_names().finditer(text)
            if m.group()[:1].isupper() and (key := place_index().get(normal(m.group()))) is not None]


def is_place(words: str) -> bool:
    return normal(words) in place_index()


def codes_of(service_key: str) -> tuple[str, ...]:
    service = service_by_key().get(service_key)
    return service.areas if service else ()


def service_areas() -> list[dict[str, str | bool | None]]:
    """Every register service with each authority it covers, and when: the authority's own dates within the
    service's (a joint service covers an authority for as long as both exist)."""
    rows: list[dict[str, str | bool | None]] = []
    for service in services():
        for code in service.areas:
            authority = authority_by_code().get(code)
            if authority is None:
                continue
            rows.append({"service_key": service.key, "gss_code": code, "authority": authority.name,
                         "authority_kind": authority.kind, "region": authority.region, "nation": authority.nation,
                         "from_date": _later(service.start, authority.start), "to_date": _earlier(service.end, authority.end),
                         "joint": service.joint})
    return rows


def _as_date(value: str, end: bool) -> str | None:
    """A register date as ISO: a year alone is its first (or, for an end, its last) day."""
    if not value:
        return None
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-12-31" if end else f"{value}-01-01"
    return value


def _later(one: str, other: str) -> str | None:
    dates = [d for d in (_as_date(one, False), _as_date(other, False)) if d]
    return max(dates) if dates else None


def _earlier(one: str, other: str) -> str | None:
    dates = [d for d in (_as_date(one, True), _as_date(other, True)) if d]
    return min(dates) if dates else None
