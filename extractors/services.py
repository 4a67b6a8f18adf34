"""Which service a document is about: its place, its kind, its name in full.

Documents name a service in several ways, and not all are its name:
- its proper name: "Anytown Youth Justice Service", "Anytown YJS", "Anytown Council’s Youth Justice Service"
  (the place is Anytown), "Newtown (Greater Newtown) Youth Justice Service";
- a description: "Anytown’s youth offending service", "Anytown youth offending team";
- the programme's wording: "An inspection of youth offending services in Anytown", "Report on youth offending
  work in: Anytown" (a 2009-2012 core case inspection, which names only the area);
- the place alone, as the council: "Anytown Council will bolster its Youth Offending Team".
Candidate places are scored by how, and how often, they are named; the best gives the
service. Its kind comes from the best-ranked way the document names it, spelt out as the
document spells it ("Y&JS" is "Youth and Justice Service" where the text says so), else
the abbreviation spelt out. A place the document never ties to a kind gives no service.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from extractors.occurrence import matches_near
from models.document import Document
from models.patterns import NOT_PLACE_WORDS, SERVICE_KINDS, TITLE_PLACE
from models.register import (
    YouthJusticeService,
    authority_by_code,
    is_place,
    normal,
    places_named_in,
    resolve_place,
)

# A service's kind as written: "Youth Justice Service", "youth offending team", "Youth and Justice Service",
# "Youth Justice and Prevention Service", "Children & Young People’s Justice Service", "YJS", "Y&JS",
# "Anytown Youth Justice has received ..." (the name without its last word).
KIND = (
    r"(?P<kind>(?:(?:youth|young\s+people(?:[’']s)?|children(?:[’']s)?\s*(?:&|and)\s*young\s+people(?:[’']s)?)\s+"
    r"(?:and\s+|&\s+|(?-i:[A-Z][a-z]+)\s+(?:and|&)\s+)?"
    # "Youth Justice and Targeted Prevention Service", "Youth Justice and Early Intervention Service"
    r"(?:justice|offending)(?:\s+(?:and|&)\s+(?:(?-i:[A-Z][a-z]+)\s+){0,2}?(?:prevention|(?-i:[A-Z][a-z]+)))?"
    r"\s+(?:services?|teams?|partnership))"
    r"|\b(?:YOT|YJS|YOS|Y&JS|YJPS|YJT|CYJS)\b"
    r"|(?-i:Youth\s+Justice)(?=\s+(?:has|have|had|is|was|received)\b))"
)
_KIND = regex.compile(KIND, regex.IGNORECASE)
# Words back from the kind that form a place: capitalised words and joiners.
_PLACE_WORD = regex.compile(r"^(?:St\.?|[A-Z][\w’'\-&.]*|&|and|of|upon|on|the|le|de|in|with|ar|y)$")
_JOINERS = {"and", "of", "upon", "on", "the", "le", "de", "&", "in", "with", "ar", "y"}
# Joiners that join a place's words only in a name the register has: "Blackburn with Darwen", the Welsh
# "Pen-y-bont ar Ogwr" and "Sir y Fflint"; and the Welsh "Sir" (county) that opens such a name ("Sir Benfro")
_REGISTER_ONLY_JOINERS = {"with", "ar", "y"}
_REGISTER_ONLY_LEAD = "sir"
_MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
# Words that end a place when read backwards: titles, roles and headings, not names.
_NOT_IN_PLACE = NOT_PLACE_WORDS | _MONTHS_AND_DAYS | frozenset({
    "manager", "head", "director", "chair", "inspection", "joint", "report", "findings", "outcome", "review",
    "inspectorate", "probation", "hmip", "hmi", "majesty’s", "majesty's", "board", "member", "cabinet", "executive",
    "interim", "new", "whole", "current", "former", "county", "city", "borough", "council", "district",
    "full", "core", "case", "short", "quality", "screening", "inspections", "services", "service", "work", "youth",
    "justice", "offending", "team", "teams", "partnership", "mr", "cllr", "councillor", "minutes", "agenda", "item",
    "published", "update", "response", "statement", "news", "says", "said", "page", "welcomes", "praises", "praise",
    "inspectors", "improvements", "improvement", "required", "at", "requires", "rated", "outstanding", "good",
    "inadequate", "transcript", "appendix", "annex", "contents", "foreword", "why", "what", "how", "ratings", "score",
    "scoring", "summary", "table", "subject", "question", "questions", "care", "commission", "ofsted", "estyn",
    # the service's kind in Welsh, before its place in a bilingual name: "Gwasanaeth Cyfiawnder Ieuenctid Anytown"
    # (youth justice service), "Tîm Troseddau Ieuenctid" (youth offending team)
    "gwasanaeth", "gwasanaethau", "cyfiawnder", "ieuenctid", "tîm", "troseddau", "troseddwyr",
})
# Capitalised words that belong in a name before "of": "Royal Borough of Anytown", "City of Newtown".
_NAME_LEADS = {"borough", "city", "county", "royal", "london", "metropolitan"}
_POSSESSIVE = regex.compile(r"[’']s$")
_PARENTHESIS_BEFORE = regex.compile(r"(?P<inner>\((?![A-Z&]{2,6}\))[A-Z][^()]{2,40}\))\s*$")
_KIND_IN_PLACE = regex.compile(
    r"(?i:\byouth\s+(?:justice|offending)(?:\s+(?P<noun>services?|teams?|work|arrangements)(?:\s+work)?)?)"
    # "... work in Anytown", "... services in: Anytown", a title's "Inspection of youth justice work: Anytown", and
    # the council that runs it: "the youth justice service run by Anytown Borough Council", "the youth justice team
    # at Anytown Council"; "youth justice in Anytown" (a place of the register only: the area's work)
    r"(?:\s*\([A-Z&]{2,5}\))?(?:\s+(?i:in|for|(?P<by>(?:run|provided|operated|managed|delivered)\s+by|at))\s*:?"
    r"|[ \t]*(?P<colon>:))"
    r"\s+(?P<both>both\s+)?(?P<the>the\s+)?"
    r"(?P<place>(?:St\.|[A-Z][\w’'\-&]*)"
    r"(?:[ \t]+(?:and|upon|on|of|&|le|de|with|ar|y)[ \t]+[A-Z][\w’'\-&]*|[ \t]+[A-Z][\w’'\-&]*){0,4})")
# The kind before the place, with no word between: "Youth Justice Service Sunderland" (the place must be the
# register's: "Youth Justice Service Manager" names no place)
_KIND_THEN_PLACE = regex.compile(r"\b(?P<kind>Youth[ \t]+(?:Justice|Offending)[ \t]+(?:Service|Team))[ \t]+"
                                 r"(?P<place>(?:St\.|[A-Z][\w’'\-&]*)(?:[ \t]+(?:and|upon|on|of|&)[ \t]+[A-Z][\w’'\-&]*"
                                 r"|[ \t]+[A-Z][\w’'\-&]*){0,4})")
_COUNCIL = regex.compile(r"\b(?P<place>[A-Z][\w’'\-]*(?:[ \t]+(?:and|&|upon|on|of)[ \t]+[A-Z][\w’'\-]*|[ \t]+[A-Z][\w’'\-]*){0,3}?)"
                         # the council's title: "Anytown Metropolitan Borough Council", "Newtown County Borough Council"
                         r"[ \t]+(?:(?:Metropolitan|County)[ \t]+(?:Borough|District)[ \t]+|City[ \t]+|County[ \t]+"
                         r"|Borough[ \t]+|District[ \t]+)?Council\b")
_TITLE_PLACE = regex.compile(TITLE_PLACE)
# Several services in one document: "the teams in both Anytown and Newtown were inspected", "two separate youth
# justice services", "the inspection results of four youth offending teams"
_SEVERAL = regex.compile(
    r"\b(?:teams|services|YOTs)\s+in\s+both\s+[A-Z]\w+\s+and\s+[A-Z]\w+|\bseparate\s+youth\s+(?:offending|justice)\s+"
    r"(?:teams|services)\b|\b(?:two|three|four|five|six|several)\s+(?:(?:sets\s+of\s+)?(?:inspection\s+)?results\s+(?:of|for)\s+)?"
    r"(?:youth\s+offending\s+teams|YOTs|youth\s+justice\s+services|youth\s+offending\s+services)\b", regex.IGNORECASE)
# Places listed before one plural kind: "Gateshead, Sunderland and South Tyneside youth justice services"
_NAME = r"(?-i:[A-Z][\w’'-]*)(?:\s+(?-i:[A-Z][\w’'-]*)){0,3}"
_PLACES_OF_SERVICES = regex.compile(
    rf"\b{_NAME}(?:,\s+{_NAME}){{0,6}},?\s+(?:and|&)\s+{_NAME}\s+(?:youth\s+(?:justice|offending)\s+(?:services|teams)"
    r"|YOTs|YJSs|YOSs)\b", regex.IGNORECASE)
_PLURAL_KIND_TRIGGER = (regex.compile(r"\b(?:youth\s+(?:justice|offending)\s+(?:services|teams)|yots|yjss|yoss)\b"), 200, 0)
_ABBREVIATED = regex.compile(r"^[A-Z&]{1,6}$")
_SPELT_OUT = regex.compile(
    r"(?P<full>(?:youth|children(?:[’']s)?\s*(?:&|and)\s*young\s+people(?:[’']s)?)\s+(?:and\s+|&\s+)?"
    r"(?:justice|offending)(?:\s+and\s+prevention)?\s+(?:service|team|partnership))\s*\((?P<abbr>[A-Z&]{2,5})\)",
    regex.IGNORECASE)

# Where each full-text pattern can match, found first in the lower-cased text by a literal word it cannot match
# without: the `regex` module tries a case-insensitive pattern that opens with a class or an alternation at every
# character of a report (5 ms for each pattern on a 100,000-character report), a literal word in lower case it
# skips to. Each trigger with how far before and after it the pattern's match may reach.
# ("children" and "young" only where a kind follows them: in a report they are the commonest words of all, and
# each trigger costs a match)
_KIND_TRIGGER = (regex.compile(r"\b(?:youth|yot|yjs|yos|y&js|yjps|yjt|cyjs)\b|\b(?:children(?:[’']s)?\s*(?:&|and)\s*)?young\s+"
                               r"people(?:[’']s)?\s+(?:[a-z]+\s+(?:and|&)\s+|and\s+|&\s+)?(?:justice|offending)\b"), 0, 0)
_SEVERAL_TRIGGER = (regex.compile(r"\b(?:both|separate|two|three|four|five|six|several)\b"), 30, 130)
_COUNCIL_TRIGGER = (regex.compile(r"council\b"), 200, 7)


def _near_triggers(pattern: regex.Pattern, text: str, lowered: str,
                   trigger: tuple[regex.Pattern, int, int]) -> Iterator[regex.Match]:
    """pattern's matches in text, as ``pattern.finditer(text)`` finds them where every match holds a trigger
    word; looked for only around the triggers (extractors.occurrence.matches_near)."""
    finder, before, after = trigger
    return matches_near(pattern, text, (hit.span() for hit in finder.finditer(lowered)), before, after)


# How a document names the service, best first, and what each way weighs as evidence of the place.
FORMS = ("proper", "abbreviation", "unattached_proper", "described", "programme", "unattached", "area")
_WEIGHT = {"proper": 3, "abbreviation": 3, "described": 2, "programme": 2, "area": 2}


@dataclass(frozen=True)
class ServiceMention:
    place: str  # as written, without possessive or "Council"
    kind: str  # as written ("" when only the area is named)
    form: str  # one of FORMS
    start: int


@dataclass(frozen=True)
class ServiceReading:
    name: str | None
    key: str | None  # the register's key when the place is in it (models.register), else the place's own
    places: tuple[str, ...]  # lower-case variants of the place naming this service
    several: bool  # the document says it is about several services
    in_register: bool = False  # the place resolved to a service of the register


_OPENING_QUOTES = "“‘\"'("


def place_before(text: str, kind_start: int) -> str | None:
    """The place written just before a service kind: "Anytown and Newtown" of "Anytown and Newtown YJS"."""
    window = text[max(0, kind_start - 120) : kind_start]
    if "\n" in window:
        window = window[window.rindex("\n") + 1 :]
    parenthesis = ""
    if match := _PARENTHESIS_BEFORE.search(window):
        # "Newtown (Greater Newtown) Youth Justice Service"
        parenthesis = match.group("inner")
        window = window[: match.start()]
    words = window.split()
    kept: list[str] = []
    council = False
    for position, word in enumerate(reversed(words)):
        bare = word.rstrip(",;:")
        if bare != word or (word.endswith(".") and word not in ("St.", "St")):
            break  # "Subject: Youth Offending Service", "the borough, YJS", "City Council. Youth Justice Service"
        # a quotation opens at this word: the name starts here ("He said: “Anytown YOT is a service ...")
        opens_quote = bare[:1] in _OPENING_QUOTES and len(bare) > 1
        if opens_quote:
            bare = bare.lstrip(_OPENING_QUOTES)
            if position == 0:
                bare = _POSSESSIVE.sub("", bare)
            if _PLACE_WORD.match(bare) and bare.lower() not in _NOT_IN_PLACE:
                kept.insert(0, bare)
            break
        if position == 0 and not parenthesis:
            bare = _POSSESSIVE.sub("", bare)
            if bare.lower() == "council":
                council = True
                continue  # "Anytown Council’s Youth Justice Service": the place is Anytown
        lowered = bare.lower()
        if lowered == "council" or not _PLACE_WORD.match(bare):
            break
        if position > 0 and _POSSESSIVE.search(bare) and kept and is_place(" ".join(kept)):
            break  # the possessor of a service the register names is not its place: "Anyshire's West Mercia YJS"
        if council and not kept and lowered in ("city", "county", "borough", "district", "metropolitan"):
            continue  # "Anytown City Council’s YOT": the council's title, not the place
        if lowered == _REGISTER_ONLY_LEAD and bare[:1].isupper() and kept and is_place(" ".join([bare, *kept])):
            kept.insert(0, bare)  # "Sir Benfro", "Sir y Fflint": the Welsh county's name
            continue
        if lowered in _NOT_IN_PLACE and lowered not in _JOINERS:
            if lowered in _NAME_LEADS and bare[:1].isupper():
                kept.insert(0, bare)  # "Anytown City YJS", "Royal Borough of Anytown", "Anytown and Borough"
                continue
            break
        kept.insert(0, bare)
    while kept and (kept[0].lower() in _JOINERS or (kept[0].lower() in _NOT_IN_PLACE
                                                     and kept[0].lower() not in _NAME_LEADS)) \
            and not (kept[0].lower() == _REGISTER_ONLY_LEAD and is_place(" ".join(kept))):
        kept.pop(0)
    while kept and kept[-1].lower() in _JOINERS:
        kept.pop()
    kept = _with_only_in_register_names(kept, keep_last=True)
    if not kept or not any(w[:1].isupper() and w.lower() not in _JOINERS for w in kept):
        return None
    place = " ".join(kept) + (f" {parenthesis}" if parenthesis else "")
    return place if place.lower() not in ("england", "wales", "england and wales", "london") else None


_POSSESSIVE_AND_WORD = regex.compile(r"(?P<place>(?:[A-Z][\w\-]*[ \t]+){0,3}[A-Z][\w\-]*)[’']s[ \t]+(?P<word>[a-z]+)[ \t]+$")


def _register_name_across_possessive(text: str, kind_start: int) -> str | None:
    """A register name written across a possessive: "Anyshire’s combined youth justice service" is the "Anyshire
    Combined" service when the register has that name (a lower-case word alone is no part of a place)."""
    match = _POSSESSIVE_AND_WORD.search(text, max(0, kind_start - 80), kind_start)
    if not match:
        return None
    name = f"{match.group('place')} {match.group('word').capitalize()}"
    return name if is_place(name) else None


_NAMES_WITH_COMMAS = regex.compile(r"(?:(?:St\.\s+)?[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*)*,[ \t]+){1,3}$")


def _register_name_across_commas(text: str, kind_start: int, place: str) -> str:
    """A register name with commas in it, which the words read back from the kind stop at: "Bournemouth,
    Christchurch and Poole Youth Justice Service" (the place read as "Christchurch and Poole")."""
    window = text[max(0, kind_start - 160) : kind_start]
    at = window.rfind(place)
    if at <= 0:
        return place
    before = _NAMES_WITH_COMMAS.search(window[:at])
    if before is None:
        return place
    for start in range(before.start(), at):
        if start == before.start() or window[start - 1] in " \t":
            longer = window[start:at] + place
            if is_place(longer):
                return longer
    return place


def _with_only_in_register_names(words: list[str], keep_last: bool) -> list[str]:
    """"with" (and the Welsh "ar", "y") joins the words of a place only in a name the register has ("Blackburn
    with Darwen"); elsewhere it ends the place ("Anytown with Newtown police"): the words nearer the kind, or
    the first ones, are kept."""
    if not any(w.lower() in _REGISTER_ONLY_JOINERS for w in words) or is_place(" ".join(words)):
        return words
    cuts = [i for i, w in enumerate(words) if w.lower() in _REGISTER_ONLY_JOINERS]
    return words[cuts[-1] + 1 :] if keep_last else words[: cuts[0]]


def _register_name_with_commas_after(text: str, start: int, place: str) -> str:
    """A register name with commas, which a place read forward stops at: "youth justice services in
    Bournemouth, Christchurch and Poole" (read as "Bournemouth")."""
    line = text[start : start + 120].split("\n", 1)[0]
    if not line.startswith(place) or not line[len(place) :].startswith(","):
        return place
    longest = place
    for end in regex.finditer(r"(?=[,.;:\s])|$", line):
        words = line[: end.start()].strip().rstrip(",;:")
        if len(words) > len(longest) and is_place(words):
            longest = words
    return longest


def clean_place(place: str) -> str | None:
    """The place at the start of some words: capitalised words and the joiners between them."""
    words = place.split()
    kept: list[str] = []
    for index, word in enumerate(words):
        bare = word.strip(",;:()")
        lowered = bare.lower()
        capitalised = bool(_PLACE_WORD.match(bare)) and (bare[:1].isupper() or bare == "St.")
        if capitalised and (lowered in _NAME_LEADS or (lowered == _REGISTER_ONLY_LEAD and not kept)):
            # "services in County Durham", "in Royal Borough of Anytown", "in City of Newtown", "Sir Benfro"
            kept.append(bare)
            if bare != word:
                break
            continue
        if lowered in _NOT_IN_PLACE and lowered not in _JOINERS and not (lowered == "city" and kept):
            break
        if lowered in _JOINERS:
            following = words[index + 1] if index + 1 < len(words) else ""
            if not kept or not following[:1].isupper():
                break
            kept.append(bare)
        elif capitalised:
            kept.append(bare)
        else:
            break
        if bare != word:
            break
    while kept and kept[-1].lower() in _JOINERS:
        kept.pop()
    kept = _with_only_in_register_names(kept, keep_last=False)
    if kept and kept[0].lower() == _REGISTER_ONLY_LEAD and not is_place(" ".join(kept)):
        return None  # a title ("Sir Anyone"), not a Welsh county
    if all(w.lower() in _NAME_LEADS or w.lower() in _JOINERS for w in kept) and not is_place(" ".join(kept)):
        return None  # "in County", "in the Borough": no name ("City of London" is one)
    place = " ".join(kept)
    if not place or place.lower() in ("england", "wales", "england and wales"):
        return None
    if place.isupper() and len(place) > 5:
        place = place.title()  # "YOUTH OFFENDING SERVICES WORK IN ANYTOWN"
    return place


def mentions(doc: Document) -> tuple[list[ServiceMention], Counter[str]]:
    """Every place named with a service kind (with how), and every kind named without a place."""
    text = doc.text
    found: list[ServiceMention] = []
    unattached: Counter[str] = Counter()
    for match in _near_triggers(_KIND, text, doc.lowered, _KIND_TRIGGER):
        kind = match.group("kind")
        place = place_before(text, match.start()) or _register_name_across_possessive(text, match.start())
        if place:
            # the longer register name with commas wins over a register place at its end: "Cheshire West,
            # Halton and Warrington" over "Halton and Warrington"
            place = _register_name_across_commas(text, match.start(), place)
        if place and not is_place(place) and not is_place(regex.sub(r"\s*\([^)]*\)", "", place)):
            # "Anytown Prevention and Youth Justice Service": the register's place, then words of the kind;
            # "Dudley and Walsall YOS" names no joint service: its last place is the one named with the kind
            place, prefix = _register_split(place, text[max(0, match.start() - 160) : match.start()])
            if prefix:
                kind = f"{prefix} {kind}"
        if place:
            if _ABBREVIATED.match(kind):
                form = "abbreviation"
            elif kind[:1].isupper() and kind.split()[-1][:1].isupper() and not kind.isupper():
                form = "proper"
            else:
                form = "described"
            found.append(ServiceMention(place, kind, form, match.start()))
        else:
            unattached[kind] += 1
    for match in _KIND_IN_PLACE.finditer(text):
        council = _COUNCIL.match(text, match.start("place")) if match.group("by") else None
        if match.group("by") and match.group("by").lower() == "at" and (council is None or not match.group("noun")):
            continue  # "at" names a place only as a council's: "the youth justice team at Anytown Council"
        # the council that runs it, without its title: "run by Anytown Borough Council" is Anytown's
        place = clean_place(council.group("place") if council else match.group("place"))
        if place:
            place = _register_name_with_commas_after(text, match.start("place"), place)
        if not place or ((match.group("colon") or match.group("the")) and not is_place(place)):
            # after a colon or "the", only a place of the register: "Youth Offending Work: Positive Progress in
            # ...", "youth offending work in the North East" (a region), "... in the Vale of Anyshire" (a place)
            continue
        noun = (match.group("noun") or "").lower()
        if not noun and not is_place(place):
            continue  # "youth justice in England", "youth offending in the summer"
        for each in _places_listed(place):
            if noun in ("work", "arrangements", ""):
                found.append(ServiceMention(each, "", "area", match.start()))
            else:
                found.append(ServiceMention(each, " ".join(match.group(0).split()[:3]), "programme", match.start()))
    for match in _KIND_THEN_PLACE.finditer(text):
        words = match.group("place").split()
        place = next((" ".join(words[:n]) for n in range(len(words), 0, -1) if is_place(" ".join(words[:n]))), None)
        if place:
            found.append(ServiceMention(place, " ".join(match.group("kind").split()), "proper", match.start()))
    return found, unattached


_LIST_JOINER = regex.compile(r"\s*,\s*|\s+(?:and|&)\s+")


def _places_listed(place: str) -> list[str]:
    """"Youth justice services in Newtown and Anytown" names two services when both are places of the register
    and "Newtown and Anytown" is none (a joint service's own name, "Conwy and Denbighshire", is one)."""
    if is_place(place):
        return [place]
    parts = [p for p in _LIST_JOINER.split(place) if p]
    return parts if len(parts) > 1 and all(is_place(p) for p in parts) else [place]


# The service named as a proper noun without its place: "the Youth Offending Team had restructured"
_THE_SERVICE = regex.compile(r"\b[Tt]he\s+Youth\s+(?:Offending|Justice)\s+(?:Team|Service)\b")
_PREFIX_JOINER = regex.compile(r"\s+(?:and|&)\s*$")


def _register_split(place: str, before: str) -> tuple[str | None, str]:
    """A place the register does not know, read again: its longest leading words that are a place (the rest,
    with the "and" that joined them, open the kind: "Anytown Prevention" + "and" -> "Anytown", "Prevention
    and"), or its last words that are one ("Newtown and Anytown" -> "Anytown"). The words as they were when
    none of them is a place: the register refuses no name it cannot check."""
    words = place.split()
    for cut in range(1, len(words)):
        tail = " ".join(words[cut:])
        if is_place(tail) and words[cut - 1].lower() in ("and", "&") and is_place(" ".join(words[: cut - 1])):
            return tail, ""  # two places, no joint service of theirs: the one named with the kind
    for cut in range(len(words) - 1, 0, -1):
        head = " ".join(words[:cut])
        if is_place(head):
            rest = _COUNCIL_TITLE.sub("", " ".join(words[cut:]))
            joiner = _PREFIX_JOINER.search(before)
            return head, (rest + " and") if rest[:1].isupper() and joiner else ""
    return place, ""


# The council's own title between its place and the rest: "Anytown Borough Council’s Prevention"
_COUNCIL_TITLE = regex.compile(r"^(?:(?:Metropolitan|Borough|City|County|District|Royal)\s+)*(?:Council[’']?s?\s*)?")


def read(doc: Document) -> ServiceReading:
    if "service" in doc.memo:
        cached: ServiceReading = doc.memo["service"]
        return cached
    reading = _read(doc)
    doc.memo["service"] = reading
    return reading


def _read(doc: Document) -> ServiceReading:
    found, unattached = mentions(doc)
    text = doc.text
    several = next(_near_triggers(_SEVERAL, text, doc.lowered, _SEVERAL_TRIGGER), None) is not None or next(
        _near_triggers(_PLACES_OF_SERVICES, text, doc.lowered, _PLURAL_KIND_TRIGGER), None) is not None
    scores: Counter[str] = Counter()
    written: dict[str, str] = {}

    def note(place: str, weight: int) -> None:
        key = _normal_place(place)
        if not key:
            return
        # A place the register knows weighs more than words it cannot check (a common word, a job title, a
        # project's name): "Evidence Based Hub Youth Offending Team" beside "Anytown Council".
        scores[key] += weight * (2 if is_place(place) else 1)
        if key not in written or (_ABBREVIATED.match(written[key]) and not _ABBREVIATED.match(place)) or (
                written[key].isupper() and not place.isupper()):
            written[key] = place

    for mention in found:
        note(mention.place, 1 if _ABBREVIATED.match(mention.place) else _WEIGHT[mention.form])
    councils = set()
    for match in _near_triggers(_COUNCIL, text, doc.lowered, _COUNCIL_TRIGGER):
        written_place = regex.sub(r"^The[ \t]+", "", match.group("place"))
        if " of " in written_place and not is_place(written_place):
            # "of" joins a council's name only in a name the register has ("The Vale of Anyshire Council");
            # "Leader of Anytown Council" names Anytown
            written_place = written_place.rsplit(" of ", 1)[1]
        place = clean_place(written_place)
        if place:
            note(place, 1)
            councils.add(_normal_place(place))
    title = next((m for m in _TITLE_PLACE.finditer(text[:1500])
                  if not m.group("place").lower().startswith("england")), None)
    title_place = clean_place(title.group("place")) if title else None
    if title and title_place:
        title_place = _register_name_with_commas_after(text, title.start("place"), title_place)
    if title_place:
        note(title_place, 5)
    first_line = doc.lines[0].text.lower() if doc.lines else ""
    bare = {key: _count_words(doc.lowered, written[key].lower()) for key in scores}
    for key in scores:
        scores[key] += bare[key] + (2 if written[key].lower() in first_line else 0)
    if not scores:
        return _named_by_kind_alone(doc, unattached, several)
    groups = _group_variants(list(scores))
    if any(_in_register(g) for g in groups):
        groups = [g for g in groups if _in_register(g)]
    starts: dict[str, list[int]] = {}
    for mention in found:
        starts.setdefault(_normal_place(mention.place), []).append(mention.start)
    # Equal evidence: the service named first leads the story ("rated Anytown YJS as ... a second service,
    # Newtown YOS, also ..."); then the longer name.
    ranked = sorted(groups, key=lambda g: (-sum(scores[k] for k in g), -max(bare[k] for k in g),
                                           sorted(p for k in g for p in starts.get(k, [])) or [len(text)],
                                           -max(len(k) for k in g)))
    best = ranked[0]
    named = [m for m in found if _normal_place(m.place) in best]
    kind = _kind(doc, named, unattached)
    titled = title_place is not None and _normal_place(title_place) in best
    if not kind and not any(m.form == "area" for m in named) and not titled:
        # A place never tied to a kind ("Anytown Council" in a news story) names no service (a report's title
        # names the area inspected: "An inspection of youth justice work with children and victims in Anytown").
        return _named_by_kind_alone(doc, unattached, several)
    if not named and sum(scores[k] for k in best) < 4:
        # A place named in passing beside a kind named on its own ("Anytown Borough Council’s cabinet
        # member" ... "the youth offending team") does not say which service the document is about;
        # "Anytown Council will bolster its Youth Offending Team", in the lead and again, does.
        return _named_by_kind_alone(doc, unattached, several)
    # a place the document names as the service's (with its kind, or as the area inspected) before a council's
    # longer name for it ("City of Anytown Council" beside "Anytown's Youth Justice Service"); then the longer,
    # the one written with the kind in full, the first named: one choice whatever the order of the set
    as_service = {_normal_place(m.place) for m in named}
    with_full_kind = {_normal_place(m.place) for m in named if m.kind and not _ABBREVIATED.match(m.kind)}
    place_key = max(best, key=lambda k: (k in as_service, not _ABBREVIATED.match(written[k]), len(k),
                                         k in with_full_kind, -min(starts.get(k, [len(text)])), k))
    place = written[place_key]
    variants = set(best)
    # The headline names this service, perhaps by another name than the body's ("North Anytown's youth justice
    # service" over a story about Newtown YJS); a service named later beside it may be another one.
    headline_end = doc.lines[0].end if doc.lines else 0
    variants.update(_normal_place(m.place) for m in found if m.start < headline_end)
    if named and all(m.form == "area" or (m.form == "programme" and _in_title(text, m.start)) for m in named) \
            and not _THE_SERVICE.search(text):
        # "An inspection of youth offending services in Anytown" names the area, not a service: the area, unless
        # the document also speaks of "the Youth Offending Team" as a proper name
        kind = ""
    registered = next((r for k in sorted(best, key=lambda k: (-len(k), k)) if (r := resolve_place(written[k])) is not None),
                      None)
    if place.isupper() and len(place) > 3:
        place = _cased(place, registered)  # "HALTON YOUTH JUSTICE SERVICE" in a headline: the place as it is spelt
    name = f"{place} {kind}" if kind else place
    if registered is not None:
        # every name the register gives this service's places: "Derby City" in a story about "Derby YOT"
        variants.update(_normal_place(n) for n in _register_names(registered.key))
    return ServiceReading(name, registered.key if registered else service_key(place),
                          tuple(sorted({v for v in variants if v}, key=lambda v: (-len(v), v))), several,
                          registered is not None)


# Words a place's name keeps in lower case: "Kingston upon Thames", "Vale of Glamorgan", "Southend-on-Sea"
_LOWER_IN_PLACES = frozenset({"and", "of", "upon", "on", "the", "in", "le", "by"})


def _cased(place: str, registered: YouthJusticeService | None) -> str:
    """A place written in capitals as the register spells it (one of the service's or its authorities' names);
    a place the register does not have, each word capitalised but the joining ones."""
    if registered is not None:
        authorities = authority_by_code()
        names = [registered.name, *registered.other_names]
        for code in registered.areas:
            if code in authorities:
                names += [authorities[code].name, *authorities[code].other_names]
        spelt = next((n for n in names if n.lower() == place.lower()), None) or \
            next((n for n in names if normal(n) == normal(place)), None)
        if spelt is not None:
            return spelt
    words = regex.split(r"([\s-]+)", place.lower())
    return "".join(w if (w in _LOWER_IN_PLACES and i > 0) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _in_title(text: str, start: int) -> bool:
    """Whether a mention starts within a title's place (or just before it): the title is looked for in the
    mention's neighbourhood only, not in the whole text (a full-text scan for each document costs more than
    the rest of the service reading)."""
    return any(m.start() - 20 <= start < m.end()
               for m in _TITLE_PLACE.finditer(text, max(0, start - 400), min(len(text), start + 420)))


def _named_by_kind_alone(doc: Document, unattached: Counter[str], several: bool) -> ServiceReading:
    """A document that names its service only by its kind, as a proper name, and its place apart: a council's
    paper ("Subject: Youth Offending Service" ... "Anytown was chosen because ..."). Its service is the place
    with that kind ("Anytown Youth Offending Service") when the document names exactly one place of the
    register standing alone; a place inside another body's name ("Anytown & Newtown University Health
    Board", "the Safer Anytown Partnership") is that body's, not the service's. With no such place, or
    several, the document does not say which service it is about: no service. Described kinds ("the youth
    offending team") and abbreviations name no service on their own."""
    none = ServiceReading(None, None, (), several)
    proper = [_title_kind(k) for k in unattached.elements() if not _ABBREVIATED.match(k) and not k.isupper()
              and all(w[:1].isupper() or w.lower() in ("and", "&") for w in k.split())
              and not k.endswith(("Services", "Teams"))]
    if not proper or several:
        return none
    named = [(a, b, key) for a, b, key in places_named_in(doc.text) if _standing_alone(doc.text, a, b)]
    if len({key for _, _, key in named}) != 1:
        return none
    counts = Counter(proper)
    kind = sorted(counts, key=lambda k: (-counts[k], k))[0]
    start, end, key = named[0]
    variants = {_normal_place(doc.text[a:b]) for a, b, _ in named}
    return ServiceReading(f"{doc.text[start:end]} {kind}", key, tuple(sorted(variants, key=lambda v: (-len(v), v))),
                          several, True)


_WORD_BEFORE = regex.compile(r"(?P<word>[\w’'\-]+)[ \t]+(?:(?:and|&|of)[ \t]+)?$")
_WORD_AFTER = regex.compile(r"[ \t]+(?:(?:and|&|of)[ \t]+)?(?P<word>[\w’'\-]+)")
_COUNCIL_WORDS = frozenset({"council", "city", "borough", "county", "metropolitan", "district"})


# The service's own board after its place: every youth justice service answers to a management board
# ("the Anytown Youth Justice Management Board endorsed the plan"), so the board's place is the service's.
_OWN_BOARD_AFTER = regex.compile(r"[ \t]+(?:Youth[ \t]+(?:Justice|Offending)(?:[ \t]+(?:Service|Team))?|YOT|YJS|YOS)"
                                 r"[ \t]+(?:Management[ \t]+|Partnership[ \t]+|Executive[ \t]+)?Board\b")


def _standing_alone(text: str, start: int, end: int) -> bool:
    """A place not inside a longer proper name nor in a list of places: no capitalised word just before it (nor
    before an "and" or "of" just before it), none just after it but a council's ("Anytown City Council") or the
    service's own board's ("Anytown Youth Justice Management Board")."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and before.group("word")[:1].isupper():
        return False
    if _OWN_BOARD_AFTER.match(text, end, min(len(text), end + 60)):
        return True
    after = _WORD_AFTER.match(text, end, min(len(text), end + 40))
    return not (after and after.group("word")[:1].isupper() and after.group("word").lower() not in _COUNCIL_WORDS)


def _in_register(group: set[str]) -> bool:
    return any(is_place(k) for k in group)


def _register_names(key: str) -> list[str]:
    """The names of a register service's places (its authorities' names, a joint service's own place)."""
    from models.register import place_index

    return [name for name, owner in place_index().items() if owner == key]


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _count_words(text: str, words: str) -> int:
    """How often words occurs in text between word boundaries (as ``\\b...\\b`` would find it, by plain
    string search: a regular expression that opens with ``\\b`` scans a long report many times slower)."""
    count, start = 0, text.find(words)
    while start >= 0 and words:
        end = start + len(words)
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if (_is_word(before) != _is_word(words[0])) and (_is_word(words[-1]) != _is_word(after)):
            count += 1
            start = text.find(words, end)
        else:
            start = text.find(words, start + 1)
    return count


def _group_variants(keys: list[str]) -> list[set[str]]:
    """Places that name one service: "Anytown" and "Anytown City", "Newtown" and "Newtown (Greater Newtown)"."""
    groups: list[set[str]] = []
    for key in sorted(keys, key=len):
        for group in groups:
            if any(_variant(key, other) for other in group):
                group.add(key)
                break
        else:
            groups.append({key})
    return groups


def _variant(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if wa[: len(wb)] == wb or wb[: len(wa)] == wa:
        return True
    # a name that ends with the other, both the register's names of one place: "Royal Borough of Anytown" and
    # "Anytown" (not the two authorities of a joint service, each named alone)
    if wa[-len(wb) :] != wb and wb[-len(wa) :] != wa:
        return False
    service_a, service_b = resolve_place(a), resolve_place(b)
    return service_a is not None and service_b is not None and service_a.key == service_b.key


def _kind(doc: Document, named: list[ServiceMention], unattached: Counter[str]) -> str:
    """The kind in its fullest form, from the best-ranked way the document names the service."""
    @functools.cache
    def spelt() -> dict[str, str]:
        # only read when the document names the service by an abbreviation (a full-text scan)
        return {m.group("abbr").upper(): _title_kind(m.group("full")) for m in _SPELT_OUT.finditer(doc.text)}

    def most_common(kinds: list[str]) -> str:
        counts = Counter(kinds)
        best = max(counts.values())
        # Ties go to the singular: "Anytown Youth Offending Services" beside "... Service (YOS)".
        return sorted((k for k, n in counts.items() if n == best), key=lambda k: (k.endswith("s"), k))[0]

    proper = [m.kind for m in named if m.form == "proper"]
    if proper:
        kinds = [k if k.endswith("Services") else _title_kind(k) for k in proper]
        return most_common(kinds)
    abbreviations = [m.kind.upper() for m in named if m.form == "abbreviation"]
    if abbreviations:
        abbr = most_common(abbreviations)
        return spelt().get(abbr) or SERVICE_KINDS.get(abbr.lower(), "")
    unattached_proper = [k for k in unattached.elements() if not _ABBREVIATED.match(k) and k.split()[-1][:1].isupper()
                         and not k.isupper()]
    if unattached_proper:
        return most_common([_title_kind(k) for k in unattached_proper])
    for form in ("described", "programme"):
        kinds = [_singular(_title_kind(m.kind)) for m in named if m.form == form]
        if kinds:
            return most_common(kinds)
    rest = [(_title_kind(k) if not _ABBREVIATED.match(k) else spelt().get(k.upper()) or SERVICE_KINDS.get(k.lower(), ""))
            for k in unattached.elements()]
    rest = [_singular(k) for k in rest if k]
    return most_common(rest) if rest else ""


def _title_kind(kind: str) -> str:
    """"youth offending team" -> "Youth Offending Team"; "Children & Young People’s Justice Service" kept."""
    out = []
    for word in kind.split():
        lowered = word.lower()
        if lowered in ("and", "&"):
            out.append("&" if word == "&" else "and")
        else:
            out.append(lowered[:1].upper() + lowered[1:])
    return " ".join(out)


def _singular(kind: str) -> str:
    """"youth justice services in Anytown" names one service."""
    return kind[:-1] if kind.endswith(("Services", "Teams")) else kind


_APOSTROPHES = regex.compile(r"[’'`]")


def _normal_place(place: str) -> str:
    return " ".join(_APOSTROPHES.sub("", place.lower()).replace("&", "and").split())


def service_key(place: str) -> str:
    key = place.lower().replace("&", "and")
    key = regex.sub(r"\([^)]*\)", " ", key)
    return regex.sub(r"[^a-z0-9]+", "-", key).strip("-")
