"""One row per inspection: the documents that describe it, joined (the `inspections` table).

Documents describe one inspection when their service is the same register entry and nothing contradicts it:

- the same framework (or one unknown);
- compatible dates where both state any: the same fieldwork month, publication dates close together, or one's
  fieldwork shortly before the other's publication (another party's page may come months later);
- the same overall rating, and the same label for any standard or theme both rate - unless the Inspectorate's
  own documents are dated as one inspection, when a disagreement is the agreement checks' to report;
- an inspection has one report and one press release: two reports (or two press releases) are one only as
  renderings of one document (the same title, or the same sentences: a reprint) or when their dates say so.

An undated document of the Inspectorate was published in the term of the Chief Inspector it quotes
(models.chief_inspectors): a window of months or years that can keep it apart from a document dated outside
it, never join it to one. Another party's page is dated by its own dateline (a news page's, a council
meeting's day) where it states no publication date.

Two documents that share sentences of their own word for word (at least two long sentences that no document
of another service has: the Chief Inspector's statement, a finding copied from the press release) tell of one
inspection, as strongly as dates do: a news site's reprint of a press release, a story that quotes it.

Joins are made in the order of their evidence: documents whose dates agree (or renderings of one document)
first; then a report and a press release that are each other's only match; then another party's retelling
(a council's page, a newspaper's story: a document of type other that states a rating of its service), which
joins the one inspection it matches. A document that matches two inspections that cannot be one joins
neither: it is left out, and a not_run inspection_link check names what it could belong to. A retelling that
matches no Inspectorate document is an inspection of its own, its sources 'secondary'. A page of another party
that states no rating joins an inspection only by copying one of its documents' own sentences or by dating it. Welsh versions join
their English version's inspection.

Ids (see INSPECTIONS in models/schemas.py) are kept from run to run: the previous run's id of a document's
inspection is the id of the inspection it is in now (``known`` below, kept in the manifest).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from models.chief_inspectors import BY_NAME
from models.patterns import YEAR
from models.rules import SAME_INSPECTION_DAYS
from models.vocabulary import OFF_SCALE, Framework, Scope, comparable_label

VERSION = "inspections/7"
KINDS = ("report", "press_release")
FRAMEWORK_TOKENS = {"core_case_2010": "cci", "joint_inspection_2012": "joint", "standards_2018": "standards",
                    "children_and_victims_2024": "children-victims", "unknown": "unknown"}
# Publication dates of one inspection's report and press release: the same day, in practice; a month apart at most.
SAME_PUBLICATION_DAYS = 45
# Another party's page retells an inspection after it is published: the same week, mostly; a council's review
# of what has changed since, up to a few years later (an inspection cycle is longer).
RETELLING_DAYS = 3 * 365
# Two retellings of one inspection that no Inspectorate document joins are written within months of each other.
RECENT_DAYS = 183
# Evidence for a join, strongest first.
_DATED, _RENDERING, _SAME_OVERALL, _PAIR, _SAME_RATINGS, _SAME_FRAMEWORK = 8, 8, 2, 1, 1, 1


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@dataclass
class Candidate:
    """One document as the linker reads it."""

    doc: dict
    role: str  # report, press_release or secondary
    ratings: dict[str, str]  # rated subject (standard_key, or scope:subject) -> label
    overall: str | None
    published: dt.date | None
    fieldwork: dt.date | None
    sentences: frozenset[str] = frozenset()  # its long sentences no other service's document has
    # Undated, the window it was published in: the term of the Chief Inspector it quotes (models.chief_inspectors)
    published_between: tuple[dt.date, dt.date] | None = None
    # A page that states no rating, dated only by its own dateline: it may join the one inspection it fits, but
    # is never an inspection of its own (when it was written says nothing of what it tells)
    joins_only: bool = False

    @property
    def doc_id(self) -> str:
        return str(self.doc["doc_id"])

    @property
    def inspectorate(self) -> bool:
        return self.role != "secondary"


_ROLE_ORDER = {"report": 0, "press_release": 1, "secondary": 2}


def _welsh_version(document: dict) -> bool:
    """A Welsh version of an English document: it joins its English version's inspection, never one of its own."""
    return bool(document.get("translation_of")) and document.get("language") == "cy"


def _rated(rating: dict) -> str:
    return rating.get("standard_key") or f"{rating['scope']}:{' '.join(rating['subject'].lower().split())}"


# A sentence long enough to be a text's own, when two documents have it word for word: copied, not a phrase
# any page may use ("Chief Inspector of Probation, Anne Example, said: “Staff know their children well ...").
LONG_SENTENCE_WORDS = 10
# Sentences two documents must share to be copies of one text (one may be a common turn of phrase).
SHARED_SENTENCES = 2
# What is copied is a release's or a story's opening (its lead, the Chief Inspector's statement): only the first
# characters of each document are compared, so a corpus of long reports is read in seconds.
COPIED_FROM_OPENING = 10_000
# A page that tells of the Inspectorate's inspection: "the positive inspection outcome for the Anytown Youth
# Offending Service, which was undertaken by His Majesty's Inspectorate of Probation"
_INSPECTORATE = (r"(?:HMIP|HMI\s+Probation|Inspectorate\s+of\s+Probation|Probation\s+Inspectorate"
                 r"|Inspector(?:s|ate)?\s+of\s+Probation)")
_INSPECTION_TOLD = re.compile(r"(?is)\b" + _INSPECTORATE + r"\b.{0,400}?\binspect(?:ion|ed)\b|\binspect(?:ion|ed)\b.{0,400}?\b"
                              + _INSPECTORATE + r"\b")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\s”’\"')]+|\n+")
_WORD = re.compile(r"\w+")


def long_sentences(text: str) -> frozenset[str]:
    """A text's sentences of LONG_SENTENCE_WORDS words or more, as lower-case words (quotes and spacing aside)."""
    found = set()
    for piece in _SENTENCE_BREAK.split(text):
        words = _WORD.findall(piece.lower())
        if len(words) >= LONG_SENTENCE_WORDS:
            found.add(" ".join(words))
    return frozenset(found)


def openings(documents: list[dict], pages: list[dict]) -> dict[str, str]:
    """The first COPIED_FROM_OPENING characters of each document about a service."""
    of_a_service = {d["doc_id"] for d in documents if d.get("service_key")}
    text_of: dict[str, list[tuple[int, str]]] = {}
    for page in pages:
        if page["doc_id"] in of_a_service:
            text_of.setdefault(page["doc_id"], []).append((page["page"], page["text"] or ""))
    return {doc_id: "\n".join(t for _, t in sorted(parts))[:COPIED_FROM_OPENING] for doc_id, parts in text_of.items()}


def own_sentences(documents: list[dict], opening: dict[str, str]) -> dict[str, frozenset[str]]:
    """Each document's long sentences that no document of another service has (boilerplate such as the
    Inspectorate's notes to editors is in many services' documents; a statement about one service is not)."""
    sentences = {doc_id: long_sentences(text) for doc_id, text in opening.items()}
    services_of: dict[str, set[str]] = {}
    for document in documents:
        for sentence in sentences.get(document["doc_id"], ()):
            services_of.setdefault(sentence, set()).add(str(document.get("service_key")))
    return {doc_id: frozenset(x for x in found if len(services_of.get(x, ())) == 1)
            for doc_id, found in sentences.items()}


def candidates(documents: list[dict], ratings: list[dict], opening: dict[str, str] | None = None) -> list[Candidate]:
    """The documents that describe an inspection of one service: the Inspectorate's reports and press
    releases, and other parties' pages that state a rating of the service (or date its inspection, or copy
    its documents: below). A Welsh version is left to join its English one. ``opening``: each document's first
    characters (``openings``)."""
    own = own_sentences(documents, opening or {})
    by_doc: dict[str, dict[str, str]] = {}
    overall: dict[str, str] = {}
    for rating in sorted(ratings, key=lambda r: (r["doc_id"], r["char_start"])):
        if rating["scope"] == Scope.PREVIOUS or rating.get("scale") == OFF_SCALE:
            # a judgement off the framework's scale ("governance was not effective") neither agrees nor
            # disagrees with a label on it ("Unsatisfactory")
            continue
        if rating["scope"] == Scope.OVERALL:
            overall.setdefault(rating["doc_id"], comparable_label(rating["label"]))
        else:
            by_doc.setdefault(rating["doc_id"], {}).setdefault(_rated(rating), comparable_label(rating["label"]))
    out = []
    unrated: list[dict] = []
    for document in sorted(documents, key=lambda d: d["doc_id"]):
        if not document.get("service_key") or _welsh_version(document):
            continue
        doc_id = document["doc_id"]
        stated = document.get("overall_rating") or overall.get(doc_id)
        if document["doc_type"] in KINDS:
            role = document["doc_type"]
        elif document["doc_type"] == "other" and (stated or by_doc.get(doc_id)):
            role = "secondary"
        else:
            if document["doc_type"] == "other":
                unrated.append(document)
            continue
        published = _date(document.get("publication_date"))
        if role != "secondary":
            published = published or _date(document.get("site_published"))
        else:
            published = published or _date(document.get("dateline"))
        out.append(Candidate(document, role, by_doc.get(doc_id, {}), stated, published,
                             _date(document.get("fieldwork_start")), own.get(doc_id, frozenset()),
                             None if published or role == "secondary" else _term(document)))
    # Another party's page that states no rating but copies a document of the inspection word for word (a
    # council's statement quoting the story or the release), or says when its service was inspected or the
    # report published ("Anytown YOT was inspected by HMIP in September 2020"), retells that inspection too.
    for document in unrated:
        sentences = own.get(document["doc_id"], frozenset())
        dates_it = bool(document.get("fieldwork_start") or document.get("publication_date"))
        copies = any(c.doc["service_key"] == document["service_key"] and len(c.sentences & sentences) >= SHARED_SENTENCES
                     for c in out)
        if dates_it or copies or document.get("dateline"):
            out.append(Candidate(document, "secondary", {}, None,
                                 _date(document.get("publication_date") or document.get("dateline")),
                                 _date(document.get("fieldwork_start")), sentences,
                                 joins_only=not (dates_it or copies)))
    return sorted(out, key=lambda c: c.doc_id)


@dataclass(frozen=True)
class Evidence:
    compatible: bool
    strength: int = 0
    dated: bool = False  # the dates of both say one inspection
    conflict: str = ""  # nothing but a rating keeps them apart: which one, and the two labels


_NONE = Evidence(False)


def evidence(a: Candidate, b: Candidate) -> Evidence:
    """Could a and b describe one inspection, and how strongly do they say so?"""
    if a.doc.get("service_key") != b.doc.get("service_key"):
        return _NONE
    fa, fb = a.doc["framework"], b.doc["framework"]
    if "unknown" not in (fa, fb) and fa != fb and not _default_of_scale(a, b) and not _default_of_scale(b, a):
        return _NONE
    dated = _dates_agree(a, b)
    if dated is False:
        return _NONE
    copied = len(a.sentences & b.sentences) >= SHARED_SENTENCES
    rendering = copied or (a.role == b.role and a.role != "secondary" and a.doc.get("title") == b.doc.get("title")
                           and bool(a.doc.get("title")))
    if a.role == b.role and a.role != "secondary" and not (rendering or dated):
        return _NONE  # two reports (or press releases) of one service are two inspections, unless one document
    shared = a.ratings.keys() & b.ratings.keys()
    contradicted = (a.overall and b.overall and a.overall != b.overall) or any(
        a.ratings[k] != b.ratings[k] for k in shared)
    if contradicted and not (dated and a.inspectorate and b.inspectorate):
        if a.overall and b.overall and a.overall != b.overall:
            return Evidence(False, conflict=f"overall rating '{a.overall}' against '{b.overall}'")
        differing = sorted(k for k in shared if a.ratings[k] != b.ratings[k])
        return Evidence(False, conflict=f"{differing[0]} '{a.ratings[differing[0]]}' against "
                                        f"'{b.ratings[differing[0]]}'")
    strength = (_DATED if dated else 0) + (_RENDERING if rendering else 0)
    strength += _SAME_OVERALL if a.overall and a.overall == b.overall else 0
    strength += _SAME_RATINGS if shared and not contradicted else 0
    strength += _SAME_FRAMEWORK if fa == fb != "unknown" else 0
    strength += _PAIR if {a.role, b.role} == set(KINDS) else 0
    return Evidence(True, strength, bool(dated))


def _default_of_scale(retelling: Candidate, own: Candidate) -> bool:
    """Another party's page on the four-point scale is read as of the 2018 framework unless it names the 2024
    one ('work with children and victims', extractors/document.py): such a page may retell a 2024 inspection.
    One that names the 2024 framework is of it."""
    return (not retelling.inspectorate and own.inspectorate and retelling.doc["framework"] == Framework.STANDARDS_2018
            and own.doc["framework"] == Framework.CHILDREN_AND_VICTIMS_2024)


def _term(document: dict) -> tuple[dt.date, dt.date] | None:
    """The window an undated document of the Inspectorate was published in: its Chief Inspector's term."""
    named = BY_NAME.get(str(document.get("chief_inspector") or "").lower())
    return named.published_between() if named else None


def _may_be_apart(later: tuple[dt.date, dt.date], earlier: tuple[dt.date, dt.date], low: int, high: int) -> bool:
    """Can a day in window ``later`` fall between ``low`` and ``high`` days after a day in window ``earlier``?"""
    return (later[0] - earlier[1]).days <= high and (later[1] - earlier[0]).days >= low


def _published(c: Candidate) -> tuple[dt.date, dt.date] | None:
    return (c.published, c.published) if c.published else c.published_between


def _dates_agree(a: Candidate, b: Candidate) -> bool | None:
    """True when both are dated as one inspection, False when their dates say two, None when they cannot tell.

    Another party's page may retell an inspection long after it (a council's committee, a story on what has
    changed since: "In 2019 inspectors rated the service..."), never before its fieldwork; two such pages are
    compared by the inspection they retell, not by when they were written."""
    if a.fieldwork and b.fieldwork and abs((a.fieldwork.replace(day=1) - b.fieldwork.replace(day=1)).days) > 31:
        return False
    compared = bool(a.fieldwork and b.fieldwork)
    # A Chief Inspector's term is a window of years: it can say two documents are apart, never that they are one.
    for first, second in ((a, b), (b, a)):
        window, theirs = first.published_between, _published(second)
        if first.published is None and window and theirs:
            apart = SAME_PUBLICATION_DAYS if second.inspectorate else RETELLING_DAYS
            if not _may_be_apart(theirs, window, -SAME_PUBLICATION_DAYS, apart):
                return False
        if window and second.fieldwork and not _may_be_apart(window, (second.fieldwork, second.fieldwork), -7,
                                                             SAME_INSPECTION_DAYS * 2):
            return False
    if a.inspectorate and b.inspectorate:
        if a.published and b.published:
            compared = True
            if abs((a.published - b.published).days) > SAME_PUBLICATION_DAYS:
                return False
        for first, second in ((a, b), (b, a)):
            if first.fieldwork and second.published:
                compared = True
                if not -7 <= (second.published - first.fieldwork).days <= SAME_INSPECTION_DAYS * 2:
                    return False
        return True if compared else None
    if not (a.inspectorate or b.inspectorate):
        return True if compared else None
    own, other = (a, b) if a.inspectorate else (b, a)
    if other.published:
        if own.published:
            compared = True
            if not -SAME_PUBLICATION_DAYS <= (other.published - own.published).days <= RETELLING_DAYS:
                return False
        if own.fieldwork:
            compared = True
            if not -7 <= (other.published - own.fieldwork).days <= SAME_INSPECTION_DAYS * 2 + RETELLING_DAYS:
                return False
    if other.fieldwork and own.published:
        compared = True
        if not -7 <= (own.published - other.fieldwork).days <= SAME_INSPECTION_DAYS * 2:
            return False
    return True if compared else None


@dataclass
class Linked:
    """The linker's result: groups of candidates (one per inspection), and what it could not place."""

    groups: list[list[Candidate]]
    ambiguous: list[tuple[Candidate, list[list[Candidate]]]] = field(default_factory=list)
    conflicts: list[tuple[Candidate, Candidate, str]] = field(default_factory=list)  # (one, other, what differs)


def link_candidates(found: list[Candidate]) -> Linked:
    """Group the candidates into inspections (see the module's docstring)."""
    by_service: dict[str, list[Candidate]] = {}
    for candidate in found:
        by_service.setdefault(str(candidate.doc["service_key"]), []).append(candidate)
    linked = Linked([])
    for _, members in sorted(by_service.items()):
        part = _link_service(members)
        linked.groups += part.groups
        linked.ambiguous += part.ambiguous
        linked.conflicts += part.conflicts
    return linked


def _link_service(members: list[Candidate]) -> Linked:
    n = len(members)
    pair: dict[tuple[int, int], Evidence] = {}
    for i in range(n):
        for j in range(i + 1, n):
            pair[(i, j)] = pair[(j, i)] = evidence(members[i], members[j])
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    owner = list(range(n))

    def joinable(x: int, y: int) -> bool:
        return all(pair[(i, j)].compatible for i in groups[x] for j in groups[y])

    def merge(x: int, y: int) -> None:
        keep, gone = min(x, y), max(x, y)
        groups[keep] += groups.pop(gone)
        for i in groups[keep]:
            owner[i] = keep

    def has(group: int, role: str) -> bool:
        return any(members[i].role == role for i in groups[group])

    # 1. Dated as one, or renderings of one document: strongest first.
    edges = sorted(((-e.strength, i, j) for (i, j), e in pair.items() if i < j and e.compatible and
                    e.strength >= _DATED), key=lambda t: t)
    for _, i, j in edges:
        if owner[i] != owner[j] and joinable(owner[i], owner[j]):
            merge(owner[i], owner[j])

    def matches(group: int, among: Iterable[int]) -> list[int]:
        return [other for other in among if other != group and joinable(group, other)]

    # 2. A report and a press release that every way of pairing the service's reports with its press releases
    # pairs (with as many pairs as can be made): each other's only match, or the only match left once the
    # others are paired.
    reports = [g for g in sorted(groups) if has(g, "report") and not has(g, "press_release")]
    releases = [g for g in sorted(groups) if has(g, "press_release") and not has(g, "report")]
    options = {r: [p for p in releases if joinable(r, p)] for r in reports}
    for report, release in _forced_pairs(options):
        if report in groups and release in groups and joinable(report, release):
            merge(report, release)
    # 3. Another party's retelling joins the one inspection it matches; one that matches inspections that
    # cannot be one is left out.
    linked = Linked([])
    left_out: set[int] = set()  # member indices

    def leave_out(group: int, found: list[int]) -> None:
        left_out.update(groups[group])
        linked.ambiguous.append((members[groups[group][0]], [[members[i] for i in groups[h]] for h in found]))

    hubs = [g for g in groups if any(members[i].inspectorate for i in groups[g])]
    attach: list[tuple[int, int]] = []  # (a member of the retelling, a member of the inspection it joins)
    for group in sorted(g for g in groups if g not in hubs):
        found = matches(group, hubs)
        if len(found) == 1:
            attach.append((groups[group][0], groups[found[0]][0]))
        elif len(found) > 1:
            leave_out(group, found)
    for retelling, inspection in attach:
        if joinable(owner[retelling], owner[inspection]):
            merge(owner[retelling], owner[inspection])
        else:  # it matches the inspection but not another retelling of it: which is right cannot be told
            leave_out(owner[retelling], [owner[inspection]])
    # 4. Retellings that match no Inspectorate document: those that match one another are one inspection; one
    # that matches two that cannot be one is left out.
    alone = [g for g in sorted(groups) if groups[g][0] not in left_out
             and not any(members[i].inspectorate for i in groups[g])]
    unplaced = {i for g in alone for i in groups[g] if members[i].joins_only}
    alone = [g for g in alone if not unplaced & set(groups[g])]
    for group in alone:
        found = matches(group, alone)
        if any(not joinable(x, y) for x in found for y in found if x < y):
            leave_out(group, found)
    joined = [i for g in alone if groups[g][0] not in left_out for i in groups[g]]
    for position, i in enumerate(joined):
        for j in joined[position + 1:]:
            if owner[i] != owner[j] and joinable(owner[i], owner[j]) and _retell_one(members[i], members[j]):
                merge(owner[i], owner[j])
    # A report and a press release kept apart only because their ratings differ, each without a partner: a
    # conflict to report, never a silent split.
    for (i, j), e in sorted(pair.items()):
        if i < j and e.conflict and {members[i].role, members[j].role} == set(KINDS) and owner[i] != owner[j] \
                and not any(has(owner[k], r) for k in (i, j) for r in KINDS if r != members[k].role):
            linked.conflicts.append((members[i], members[j], e.conflict))
    linked.groups = [[members[i] for i in sorted(groups[g], key=lambda i: members[i].doc_id)]
                     for g in sorted(groups) if groups[g][0] not in left_out and not unplaced & set(groups[g])]
    return linked


# Pairings tried before the linker falls back to pairing only each other's only matches.
_MAX_PAIRINGS = 10_000


def _forced_pairs(options: dict[int, list[int]]) -> list[tuple[int, int]]:
    """The (report, release) pairs found in every largest pairing of reports with the releases each could be."""
    best: list[frozenset[tuple[int, int]]] = []
    size = 0
    keys = sorted(options)
    tried = 0

    def walk(index: int, used: frozenset[int], chosen: frozenset[tuple[int, int]]) -> bool:
        nonlocal size, best, tried
        tried += 1
        if tried > _MAX_PAIRINGS:
            return False
        if index == len(keys):
            if len(chosen) > size:
                size, best = len(chosen), [chosen]
            elif len(chosen) == size and chosen:
                best.append(chosen)
            return True
        report = keys[index]
        for release in options[report]:
            if release not in used and not walk(index + 1, used | {release}, chosen | {(report, release)}):
                return False
        return walk(index + 1, used, chosen)

    if not walk(0, frozenset(), frozenset()):
        # too many to try: only mutual only-matches
        chosen = []
        for report, found in options.items():
            if len(found) == 1 and [r for r, f in options.items() if found[0] in f] == [report]:
                chosen.append((report, found[0]))
        return sorted(chosen)
    return sorted(frozenset.intersection(*best)) if best else []


def _retell_one(a: Candidate, b: Candidate) -> bool:
    """Two retellings with no Inspectorate document to join: one inspection when written within months of
    each other, or, undated, when they give the same rating of it (and none differently)."""
    if a.published and b.published:
        return abs((a.published - b.published).days) <= RECENT_DAYS
    return bool((a.overall and a.overall == b.overall) or (a.ratings.keys() & b.ratings.keys()))


# ------------------------------------------------------------------ ids that last

# The ids this module makes (see content_id), with the ordinal that tells two apart.
ID_SCHEME = re.compile(r"[a-z0-9-]+-(?:cci|joint|standards|children-victims|unknown)-(?:\d{4}-\d\d|undated-[0-9a-f]{8})"
                       r"(?:-\d+)?")

@dataclass
class KnownIds:
    """What the previous run published: each document's inspection id, and each alias's inspection."""

    documents: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, dict[str, str]]:
        return {"documents": dict(sorted(self.documents.items())), "aliases": dict(sorted(self.aliases.items()))}

    @classmethod
    def from_json(cls, value: Any) -> KnownIds:
        if not isinstance(value, dict):
            return cls()
        documents, aliases = value.get("documents"), value.get("aliases")
        return cls({str(k): str(v) for k, v in documents.items()} if isinstance(documents, dict) else {},
                   {str(k): str(v) for k, v in aliases.items()} if isinstance(aliases, dict) else {})

    @classmethod
    def from_rows(cls, rows: Iterable[dict]) -> KnownIds:
        """From an inspections table; ids of an older scheme (before ids were kept) are not kept."""
        known = cls()
        for row in rows:
            if not ID_SCHEME.fullmatch(str(row["inspection_id"])):
                continue
            for doc_id in row.get("doc_ids") or ():
                known.documents[doc_id] = row["inspection_id"]
            for alias in row.get("aliases") or ():
                known.aliases[alias] = row["inspection_id"]
        return known


def _month(value: dt.date | None) -> str | None:
    return f"{value:%Y-%m}" if value else None


def content_id(group: list[Candidate]) -> tuple[str, str]:
    """(id, basis) made from the inspection's own documents: the month an Inspectorate document says it was
    published (else its fieldwork began), or a hash of the documents' ids when none is dated."""
    service_key = group[0].doc["service_key"]
    own = [c for c in group if c.inspectorate]
    token = FRAMEWORK_TOKENS.get(_framework_of(group), "unknown")
    published = min((c.published for c in own if c.published), default=None)
    if published:
        return f"{service_key}-{token}-{_month(published)}", "published"
    fieldwork = min((c.fieldwork for c in group if c.fieldwork), default=None)
    if fieldwork:
        return f"{service_key}-{token}-{_month(fieldwork)}", "fieldwork"
    digest = hashlib.sha256(" ".join(sorted(c.doc_id for c in group)).encode()).hexdigest()[:8]
    return f"{service_key}-{token}-undated-{digest}", "undated"


def assign_ids(groups: list[list[Candidate]], known: KnownIds) -> list[tuple[str, str, list[str]]]:
    """(id, basis, aliases) for each group, in order: the id its documents had in the last run when they had
    one (the one most of them had; the others become aliases), else the content id."""
    claims: list[tuple[int, int, str, str]] = []  # (-documents holding it, group index, id, first doc_id)
    for index, group in enumerate(groups):
        held = Counter(known.documents[c.doc_id] for c in group if c.doc_id in known.documents)
        for previous, count in held.items():
            claims.append((-count, index, previous, group[0].doc_id))
    kept: dict[int, str] = {}
    taken: set[str] = set()
    for _, index, previous, _ in sorted(claims, key=lambda c: (c[0], c[3], c[2])):
        if index not in kept and previous not in taken:
            kept[index] = previous
            taken.add(previous)
    out: list[tuple[str, str, list[str]]] = []
    used = set(taken) | set(known.aliases) | set(known.documents.values())
    for index, group in enumerate(groups):
        made, basis = content_id(group)
        if index in kept:
            chosen = kept[index]
            basis = basis if made == chosen else "kept"
        else:
            # the content id, unless another group holds it: its own documents' old id it may take back only
            # when no group kept that id (a split inspection's second part gets "-2", never a duplicate)
            chosen, number = made, 1
            own = {known.documents.get(c.doc_id) for c in group}
            while chosen in used and (chosen in taken or chosen not in own):
                number += 1
                chosen = f"{made}-{number}"
            used.add(chosen)
        absorbed = {known.documents[c.doc_id] for c in group if c.doc_id in known.documents} - {chosen}
        absorbed = {a for a in absorbed if a not in taken or a == chosen}
        aliases = sorted(({a for a, target in known.aliases.items() if target in absorbed | {chosen}} | absorbed)
                         - {chosen})
        out.append((chosen, basis, aliases))
    return out


# ------------------------------------------------------------------ the inspection's row

def _first(values: Iterable[Any]) -> Any:
    return next((v for v in values if v is not None), None)


def _ordered(documents: list[dict]) -> list[dict]:
    """An inspection's documents, the one whose word is taken first: reports, then press releases, then
    other parties' pages."""
    return sorted(documents, key=lambda d: (_ROLE_ORDER.get(d["doc_type"], 2), d["doc_id"]))


def inspection_row(group: list[Candidate], ident: tuple[str, str, list[str]], overall_by_doc: dict[str, dict]) -> dict:
    from models.register import service_by_key

    documents = [c.doc for c in group]
    reports = [c for c in group if c.role == "report"]
    releases = [c for c in group if c.role == "press_release"]
    secondary = [c for c in group if c.role == "secondary"]
    own = reports + releases
    fieldwork_by = sorted((c for c in own if c.fieldwork), key=lambda c: c.fieldwork)  # type: ignore[arg-type, return-value]
    published_by = next((c for c in [*reports, *releases] if _date(c.doc.get("publication_date"))), None)
    site_published = min((c.published for c in own if c.published), default=None)
    ordered = [c.doc for c in [*reports, *releases, *secondary]]
    overall: dict | None = _first(overall_by_doc.get(d["doc_id"]) for d in ordered)
    service_key = documents[0]["service_key"]
    registered = service_by_key().get(service_key)
    counts = [c.doc["recommendation_count_extracted"] for c in reports if c.doc["recommendation_count_extracted"]]
    stated = [d.get("recommendation_count_stated") for d in ordered]
    names = [d["service"] for d in ordered if d.get("service")]
    inspection_id, basis, aliases = ident
    return {
        "inspection_id": inspection_id,
        "id_basis": basis,
        "aliases": aliases,
        "service": registered.name if registered else (max(names, key=len) if names else None),
        "service_key": service_key,
        "gss_codes": list(registered.areas) if registered else [],
        "region": registered.region or None if registered else None,
        "framework": _framework_of(group),
        "publication_date": _date(published_by.doc.get("publication_date")) if published_by else site_published,
        "publication_date_precision": (published_by.doc.get("publication_date_precision") if published_by
                                       else "day" if site_published else None),
        "fieldwork_start": fieldwork_by[0].fieldwork if fieldwork_by else None,
        "fieldwork_start_precision": fieldwork_by[0].doc.get("fieldwork_start_precision") if fieldwork_by else None,
        "overall_rating": comparable_label(overall["label"]) if overall else None,
        "overall_rating_rank": overall["rank"] if overall else None,
        "score": overall.get("score") if overall else None,
        "score_max": overall.get("score_max") if overall else None,
        "recommendation_count": counts[0] if counts else _first(stated),
        "sources": "inspectorate" if own else "secondary",
        "doc_ids": sorted(d["doc_id"] for d in documents),
        "report_doc_ids": sorted(c.doc_id for c in reports),
        "press_release_doc_ids": sorted(c.doc_id for c in releases),
        "secondary_doc_ids": sorted(c.doc_id for c in secondary),
        "report_url": _first(c.doc.get("source_url") for c in reports),
        "press_release_url": _first(c.doc.get("source_url") for c in releases),
        "extractor_version": VERSION,
    }


def link(documents: list[dict], ratings: list[dict], known: KnownIds | None = None, pages: list[dict] | None = None
         ) -> tuple[list[dict], list[list[dict]], list[dict]]:
    """(inspection rows, the document groups they came from, inspection_link checks); pages give the documents'
    text, for the sentences one copies from another."""
    from pipeline.derive.checks import (
        conflict_check,
        framework_link_check,
        link_check,
        unlinked_check,
    )

    overall_by_doc: dict[str, dict] = {}
    for rating in sorted(ratings, key=lambda r: (r["doc_id"], r["char_start"])):
        if rating["scope"] == Scope.OVERALL:
            current = overall_by_doc.get(rating["doc_id"])
            if current is None or (current.get("score") is None and rating.get("score") is not None):
                overall_by_doc[rating["doc_id"]] = rating
    opening = openings(documents, pages or [])
    linked = link_candidates(candidates(documents, ratings, opening))
    joined_by_framework = _join_by_framework(documents, linked, opening)
    groups = sorted(linked.groups, key=lambda g: g[0].doc_id)
    idents = assign_ids(groups, known or KnownIds())
    rows = [inspection_row(g, ident, overall_by_doc) for g, ident in zip(groups, idents, strict=True)]
    id_of = {c.doc_id: row["inspection_id"] for row, g in zip(rows, groups, strict=True) for c in g}
    checks = []
    for candidate, options in linked.ambiguous:
        could = sorted({id_of[o[0].doc_id] for o in options if o and o[0].doc_id in id_of})
        checks.append(link_check(candidate.doc, could))
    for one, other, differs in linked.conflicts:
        checks.append(conflict_check(one.doc, other.doc, differs))
    for candidate in joined_by_framework:
        checks.append(framework_link_check(candidate.doc, id_of[candidate.doc_id], candidate.overall is not None
                                           or bool(candidate.ratings)))
    # Another party's page that tells of an inspection of its service but gives nothing that says which (no
    # rating, no date of it, no sentence of its documents): in none, and said so, never joined by a guess (the
    # only inspection of its service in these documents may not be the one it tells of). It tells of one when it
    # names the Inspectorate near an inspection in its opening, or anywhere names a framework's inspection (a
    # council agenda whose item on the inspection comes after pages of apologies and declarations)
    linked_ids = {c.doc_id for g in groups for c in g} | {c.doc_id for c, _ in linked.ambiguous}
    ids_of_service: dict[str, list[str]] = {}
    for row in rows:
        ids_of_service.setdefault(str(row["service_key"]), []).append(row["inspection_id"])
    for document in sorted(documents, key=lambda d: d["doc_id"]):
        if document["doc_type"] == "other" and document.get("service_key") and document["doc_id"] not in linked_ids \
                and not _welsh_version(document) \
                and (document.get("framework") not in (None, Framework.UNKNOWN)
                     or _INSPECTION_TOLD.search(opening.get(document["doc_id"], ""))):
            checks.append(unlinked_check(document, sorted(ids_of_service.get(document["service_key"], []))))
    for row, group in zip(rows, groups, strict=True):
        for candidate in group:
            candidate.doc["role_in_inspection"] = candidate.role
        row["_documents"] = [c.doc for c in group]
    return rows, [row.pop("_documents") for row in rows], checks


_YEAR = re.compile(YEAR)


def _framework_of(group: list[Candidate]) -> str:
    """An inspection's framework: the first its documents name, the report's before the press release's before
    another party's."""
    known = [c.doc["framework"] for c in sorted(group, key=lambda c: _ROLE_ORDER[c.role])
             if c.doc["framework"] != Framework.UNKNOWN]
    return known[0] if known else Framework.UNKNOWN


def _written_before(framework: str, text: str) -> bool:
    """Does the text name no year from the framework's first on (a 2008 story cannot tell of a 2018-framework
    inspection)? A text that names no year is not known to be older."""
    from models.frameworks import FRAMEWORK_BY_KEY

    first = int(FRAMEWORK_BY_KEY[framework].years[:4])
    years = [int(m.group("year")) for m in _YEAR.finditer(text)]
    return bool(years) and max(years) < first


def _join_by_framework(documents: list[dict], linked: Linked, opening: dict[str, str]) -> list[Candidate]:
    """Another party's page that names its service's inspection under a framework ("the joint inspection of
    the youth offending service") and nothing else that says which (no rating of its own, no date of it, no
    copied sentence), or that fits two inspections of its service: it joins the one inspection of its service
    under that framework, when there is exactly one and the page is not older than the framework. It is
    marked a secondary source and its joining is said in a check, so a reader can see it was not confirmed."""
    placed = {c.doc_id for g in linked.groups for c in g}
    ambiguous = {c.doc_id: c for c, _ in linked.ambiguous}
    joined: list[Candidate] = []
    for document in sorted(documents, key=lambda d: d["doc_id"]):
        framework = document.get("framework")
        if document["doc_type"] != "other" or not document.get("service_key") or document["doc_id"] in placed \
                or framework in (None, Framework.UNKNOWN) \
                or _welsh_version(document) \
                or _written_before(framework, opening.get(document["doc_id"], "")):
            continue
        if document["doc_id"] not in ambiguous and not _INSPECTION_TOLD.search(opening.get(document["doc_id"], "")):
            continue  # a page about its service that tells of no inspection of it
        same = [g for g in linked.groups if g[0].doc["service_key"] == document["service_key"]
                and any(c.inspectorate for c in g) and _framework_of(g) == framework]
        if len(same) != 1:
            continue
        candidate = ambiguous.get(document["doc_id"]) or Candidate(document, "secondary", {}, None, None, None)
        if candidate.overall is not None and any(c.overall not in (None, candidate.overall) for c in same[0]):
            continue
        same[0].append(candidate)
        joined.append(candidate)
    linked.ambiguous = [(c, options) for c, options in linked.ambiguous if c not in joined]
    return joined


# ------------------------------------------------------------------ one inspection, counted once

def inspection_ratings(rows: list[dict], groups: list[list[dict]], ratings: list[dict]) -> tuple[list[dict], list[dict]]:
    """(inspection_ratings rows, inspection_documents_agree checks): one rating per inspection and subject."""
    from pipeline.derive.checks import agreement_check

    by_doc: dict[str, dict[str, dict]] = {}
    for rating in sorted(ratings, key=lambda r: (r["doc_id"], r["char_start"])):
        if rating["scope"] != Scope.PREVIOUS:
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
            # (one label per point of the scale: "Moderate improvement" as written is "Moderate improvement required")
            labels = [comparable_label(rating["label"]) for _, rating in sorted(stated, key=lambda pair: pair[0]["doc_id"])]
            out.append({
                "inspection_id": row["inspection_id"], "rated": rated, "service_key": row["service_key"],
                "framework": row["framework"], "standard_key": chosen.get("standard_key"),
                "standard_name": chosen.get("standard_name"), "scope": chosen["scope"], "code": chosen["code"],
                "subject": chosen["subject"], "label": comparable_label(chosen["label"]), "scale": chosen["scale"],
                "rank": chosen["rank"],
                "source_doc_id": source_document["doc_id"],
                "source_role": source_document["role_in_inspection"],  # set by link() for every document it groups
                "doc_ids": sorted(d["doc_id"] for d, _ in stated), "labels": labels, "agree": len(set(labels)) == 1, "extractor_version": VERSION,
            })
            for document, rating in stated[1:]:
                checks.append(agreement_check(document, source_document, rated, comparable_label(chosen["label"]),
                                              comparable_label(rating["label"])))
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
    """One row per service the documents name, with the register's record of it (models/register.py) and
    every name the documents give it. A key the register has not got is kept as the documents name it, with
    in_register false: never matched to a register entry by guesswork."""
    from models.register import authority_by_code, service_by_key
    from models.service_areas import JOINT_SERVICES

    by_key: dict[str, list[dict]] = {}
    for document in documents:
        if document.get("service_key") and document.get("service"):
            by_key.setdefault(document["service_key"], []).append(document)
    inspections_of: dict[str, list[dict]] = {}
    for inspection in rows:
        if inspection["service_key"]:
            inspections_of.setdefault(inspection["service_key"], []).append(inspection)
    out = []
    for key, documents_of in sorted(by_key.items()):
        registered = service_by_key().get(key)
        reports = sorted((d for d in documents_of if d["doc_type"] == "report"),
                         key=lambda d: (str(d.get("publication_date") or ""), d["doc_id"]))
        names = sorted({d["service"] for d in documents_of})
        ordered = sorted(inspections_of.get(key, []),
                         key=lambda r: (str(r.get("fieldwork_start") or r.get("publication_date") or ""), r["inspection_id"]))
        row: dict[str, Any] = {"service_key": key, "names": names,
                               "inspection_ids": [r["inspection_id"] for r in ordered],
                               "doc_ids": sorted(d["doc_id"] for d in documents_of), "extractor_version": VERSION}
        if registered:
            authorities = [authority_by_code()[c] for c in registered.areas if c in authority_by_code()]
            row.update(service=registered.name, in_register=True, areas=[a.name for a in authorities],
                       gss_codes=list(registered.areas), region=registered.region or None, joint=registered.joint,
                       start=registered.start or None, end=registered.end or None,
                       predecessors=list(registered.predecessors), successors=list(registered.successors),
                       part_of=list(registered.part_of), register_source=registered.source)
        else:
            chosen = max((reports[-1:] or documents_of), key=lambda d: (len(d["service"]), d["doc_id"]))["service"]
            place = re.sub(_KIND_AT_END, "", chosen, flags=re.IGNORECASE).strip() or chosen
            row.update(service=chosen, in_register=False, areas=list(JOINT_SERVICES.get(key, (place,))),
                       gss_codes=[], region=None, joint=False, start=None, end=None, predecessors=[],
                       successors=[], part_of=[], register_source=None)
        out.append(row)
    return out


def service_areas() -> list[dict]:
    """The register's services and the authorities each covers (the `service_areas` reference table)."""
    from models.register import service_areas as register_areas

    return [{**row, "extractor_version": VERSION} for row in register_areas()]


def inspection_summary(rows: list[dict], ratings: list[dict]) -> list[dict]:
    """One row per inspection with a column per standard (its standard_key): the table analysts open first."""
    from models.frameworks import FRAMEWORK_BY_KEY
    from models.schemas import INSPECTION_SUMMARY

    standard_columns = {c.name for c in INSPECTION_SUMMARY.columns if "/" in c.name}
    labels: dict[str, dict[str, str]] = {}
    for rating in ratings:
        if rating.get("standard_key") in standard_columns:
            labels.setdefault(rating["inspection_id"], {})[rating["standard_key"]] = rating["label"]
    out = []
    for row in rows:
        framework = FRAMEWORK_BY_KEY.get(row["framework"])
        summary = {column.name: row.get(column.name) for column in INSPECTION_SUMMARY.columns}
        summary.update({key: None for key in standard_columns})
        summary.update(labels.get(row["inspection_id"], {}))
        summary.update(framework_name=framework.name if framework else None, extractor_version=VERSION)
        out.append(summary)
    return out


def standards() -> list[dict]:
    """The reference table of frameworks and standards (models/frameworks.py)."""
    from models.frameworks import FRAMEWORK_BY_KEY, STANDARDS

    return [{"standard_key": s.key, "framework": s.framework, "framework_name": FRAMEWORK_BY_KEY[s.framework].name,
             "framework_years": FRAMEWORK_BY_KEY[s.framework].years, "scale": FRAMEWORK_BY_KEY[s.framework].scale,
             "code": s.code, "name": s.name, "domain": s.domain, "side": s.side, "note": s.note,
             "extractor_version": VERSION} for s in STANDARDS]
