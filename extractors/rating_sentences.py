"""Reading a rating label where it stands: in its clause, its sentence, its headline.

Every mention of a label is a candidate. The clause around it decides what it is:
which construction governs it ("was rated as", "gave X a ... rating", "received an
overall rating of", "X was poor", "X requires improvement", "‘Outstanding’ X
Service"), what is rated (areas named from the vocabulary, this service, another
service, the sector), when (this inspection or an earlier one), and whether it is a
judgement at all (a definition of the scale, a count of areas, a hedge, a
hypothetical, a survey answer, the word in its everyday sense). The result is a
``Reading``: the facts it gives, or the reason it was set aside. Nothing here knows
about files or tables; the document arrives as ``models.document.Document``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extractors.matching import AreaMatch, LabelMatch, find_areas
from models.document import Document, Sentence
from models.patterns import (
    ACTIVE_RATING,
    ALTERNATIVE_AFTER,
    ALTERNATIVE_BEFORE,
    ATTRIBUTIVE_SERVICE,
    CHANGED_TO,
    COMPLEMENT,
    COPULA,
    COUNT_ADVERBIAL,
    COUNT_OF_AREAS,
    COUNT_ONLY_SUBJECT,
    COUNTED_AFTER,
    GIVEN_TO_ANY,
    HEDGE_BEFORE,
    HYPOTHETICAL,
    LABEL_IS_DEFINED,
    OTHER_INSPECTORATE,
    OVERALL_IS,
    PASSIVE_RATING,
    PREVIOUS_AFTER,
    PREVIOUS_CLAUSE_CUES,
    PROBATION_INSPECTORATE,
    RATING_NOUN_AFTER,
    RATING_OF,
    RECEIVED_RATING,
    SCALE_CUES,
    SECTOR_CUES,
    SERVICE_REFERENCE,
    SHARE_OF_CASES,
    SURVEY,
    VERB_LABEL,
    YEAR_IN_CLAUSE,
)
from models.vocabulary import IMPROVEMENT_LEVELS

_I = regex.IGNORECASE
_PASSIVE = regex.compile(PASSIVE_RATING, _I)
_ACTIVE = regex.compile(ACTIVE_RATING, _I)
_RECEIVED = regex.compile(RECEIVED_RATING, _I)
_NOUN_AFTER = regex.compile(RATING_NOUN_AFTER, _I)
_OVERALL_IS = regex.compile(OVERALL_IS, _I)
_RATING_OF = regex.compile(RATING_OF, _I)
_COPULA = regex.compile(COPULA, _I)
_VERB_LABEL = regex.compile(VERB_LABEL, _I)
_ATTRIBUTIVE = regex.compile(ATTRIBUTIVE_SERVICE)
_ATTRIBUTIVE_ANY_CASE = regex.compile(ATTRIBUTIVE_SERVICE, _I)
_COMPLEMENT = regex.compile(COMPLEMENT, _I)
_HEDGE = regex.compile(HEDGE_BEFORE, _I)
_ALTERNATIVE_AFTER = regex.compile(ALTERNATIVE_AFTER, _I)
_ALTERNATIVE_BEFORE = regex.compile(ALTERNATIVE_BEFORE, _I)
_HYPOTHETICAL = regex.compile(HYPOTHETICAL, _I)
_SURVEY = regex.compile(SURVEY, _I)
_COUNT = regex.compile(COUNT_OF_AREAS, _I)
_COUNT_ONLY = regex.compile(COUNT_ONLY_SUBJECT, _I)
_COUNT_ADVERBIAL = regex.compile(COUNT_ADVERBIAL, _I)
_COUNTED_AFTER = regex.compile(COUNTED_AFTER, _I)
_GIVEN_TO_ANY = regex.compile(GIVEN_TO_ANY, _I)
_SHARE = regex.compile(SHARE_OF_CASES, _I)
_SCALE = regex.compile(SCALE_CUES, _I)
_DEFINED = regex.compile(LABEL_IS_DEFINED, _I)
_OTHER_INSPECTORATE = regex.compile(OTHER_INSPECTORATE)
_PROBATION = regex.compile(PROBATION_INSPECTORATE)
_SECTOR = regex.compile(SECTOR_CUES, _I)
_SERVICE_REF = regex.compile(SERVICE_REFERENCE, _I)
_PREVIOUS = regex.compile(PREVIOUS_CLAUSE_CUES, _I)
_PREVIOUS_AFTER = regex.compile(PREVIOUS_AFTER, _I)
_CHANGED_TO = regex.compile(CHANGED_TO, _I)
_YEAR = regex.compile(YEAR_IN_CLAUSE)
_OVERALL_WORD = regex.compile(r"\boverall\b", _I)
# Clause breaks inside a sentence: each clause has its own subject and verb.
_CLAUSE_BREAK = regex.compile(
    r";|:\s+(?=(?-i:[A-Z‘“'\"]))|\s+but\s+|\s+while\s+|\s+whilst\s+|\s+whereas\s+|,\s+with\s+|,\s+however,?\s+"
    r"|\s+although\s+|,\s+though\s+|\.\s+(?=(?-i:[A-Z]))"
    # "with some areas graded as “Outstanding”": an absolute clause with its own subject and verb
    r"|\s+with\s+(?=(?:(?!(?:was|were|is|are|has|have|been|be)\b)[\w’'&-]+\s+){1,8}?(?:rated|graded|judged|marked"
    r"|found|considered|deemed|assessed|listed|flagged|singled|labelled|classed)\b)", _I)
# Dash-delimited asides, removed before the subject is read: "resettlement – when a child is released – which ..."
_ASIDE = regex.compile(r"\s[–—-]\s[^–—]{1,160}?\s[–—-]\s")
# A list between areas: ", ", " and ", "; ", determiners.
_LIST_GAP = regex.compile(r"^(?:[\s,;&/‘’'\"“”]|and\b|as\s+well\s+as\b|including\b|the\b|its\b|their\b|our\b|of\b|for\b|in\b"
                          r"|on\b|related\s+to\b|in\s+relation\s+to\b|with\b|to\b|work\b|how\b|children\b|young\s+people\b"
                          r"|[:–—-])*$", _I)
# Capitalised words that are not place names, for telling another service from this one.
_COMMON_CAPITALS = frozenset("""
a an the this that these those it its they their we our he she his her i in on at of for with by from to and or but as
overall meanwhile however inspectors inspector inspectorate inspection inspections chief probation his her majesty's
majesty’s hm hmi hmip report reports council councils board service services team teams youth justice offending
management partnership partnerships staff work governance leadership court courts out under there here also while
whilst although though when where which who whom whose what how why all some many most each every both several other
another following after before during since until today now mr mrs ms dr dame sir cllr councillor cabinet member
members committee government his majesty's yjs yot yos y&js yjt cqc ofsted overall, nationally additionally finally
first second third one two three four five six seven eight nine ten eleven twelve january february march april may june
july august september october november december monday tuesday wednesday thursday friday saturday sunday core city
recommendations recommendation outstanding good inadequate requires improvement satisfactory unsatisfactory poor
england wales london ltd plc nhs police national local county borough royal area areas domain standard standards
""".split())
_CAPITALISED = regex.compile(r"\b[A-Z][\w’'&.-]*")


@dataclass(frozen=True)
class Context:
    """What the whole document says about itself, needed to read one sentence."""

    era: str  # standards_2018 | children_and_victims_2024 | joint_inspection_2012 | core_case_2010
    sector: bool  # the document reviews many services (annual report, thematic, news of several services)
    places: tuple[str, ...]  # lower-case names of the inspected service's place, longest first
    latest_year: int | None  # the latest year the document mentions
    headline_end: int  # the end offset of the document's first line

    @property
    def has_overall(self) -> bool:
        """Only the 2018 framework and the 2024 programme give a service an overall rating."""
        return self.era in ("standards_2018", "children_and_victims_2024")


@dataclass
class Reading:
    """What one label mention means: facts (scope, code, subject), or a reason to set it aside."""

    rule: str
    facts: list[tuple[str, str | None, str]] = field(default_factory=list)
    reason: str | None = None
    detail: str | None = None

    @staticmethod
    def aside(reason: str, detail: str | None = None) -> Reading:
        return Reading(rule="set_aside", reason=reason, detail=detail)


@dataclass(frozen=True)
class Clause:
    start: int  # offset in the sentence text
    text: str


def clauses(text: str) -> list[Clause]:
    out = []
    position = 0
    for match in _CLAUSE_BREAK.finditer(text):
        out.append(Clause(position, text[position : match.start()]))
        position = match.end()
    out.append(Clause(position, text[position:]))
    return out


def canonical_label(words: str, written: str) -> str:
    """The label as stored: "requiring improvement" -> "Requires improvement"; improvement levels as written."""
    from models.vocabulary import RATING_LABELS

    for level in IMPROVEMENT_LEVELS:
        if words.startswith(level):
            return words[:1].upper() + words[1:]
    for entry in RATING_LABELS:
        if words in entry.phrases:
            return entry.canonical
    return written.strip()[:1].upper() + written.strip()[1:].lower()


def read_sentence(doc: Document, ctx: Context, sentence: Sentence, labels: list[LabelMatch]) -> list[Reading]:
    """A reading for each label in the sentence (label offsets are relative to the sentence)."""
    text = sentence.text
    if ctx.sector:
        return [Reading.aside("sector_wide", "the document reviews many services") for _ in labels]
    defined = scale_definition(text, labels)
    readings: list[Reading] = []
    parts = clauses(text)
    previous_in_clause: dict[int, tuple[int, Reading, str]] = {}
    for index, label in enumerate(labels):
        if index in defined:
            readings.append(Reading.aside("scale_definition"))
            continue
        clause = next(c for c in reversed(parts) if c.start <= label.start)
        following = next((other.start for other in labels[index + 1 :]), len(text))
        reading = read_label(doc, ctx, sentence, clause, label, previous_in_clause.get(clause.start), following)
        previous_in_clause[clause.start] = (label.end, reading, label.words)
        readings.append(reading)
    return readings


def scale_definition(text: str, labels: list[LabelMatch]) -> set[int]:
    """Which labels list or define the scale: "uses a four-point scale: ‘Outstanding’, ‘Good’, ... and ‘Inadequate’"."""
    defined: set[int] = set()
    run = [0]
    for index in range(1, len(labels) + 1):
        listed = index < len(labels) and regex.fullmatch(
            r"[\s‘’'\"“”,/]*(?:and|or)?[\s‘’'\"“”,/]*", text[labels[index - 1].end : labels[index].start])
        if listed:
            run.append(index)
            continue
        cue_before = _SCALE.search(text[max(0, labels[run[0]].start - 80) : labels[run[0]].start])
        if len({labels[i].words for i in run}) >= 3 or (len(run) >= 2 and cue_before):
            defined.update(run)
        run = [index]
    if not defined and labels and _SCALE.search(text) and (
            len({label.words for label in labels}) >= 2 or any(label.words.endswith("improvement") for label in labels)):
        # "needs either minimum, moderate, substantial or drastic improvement": the levels are not all labels
        cue = _SCALE.search(text)
        assert cue is not None
        defined.update(i for i, label in enumerate(labels) if abs(label.start - cue.start()) < 160)
    return defined


# Where the subject of a clause starts after a relative or complement word: "..., where less than half the cases
# looked at were satisfactory", "noting that five of the 12 areas require improvement"
_SUBJECT_START = regex.compile(
    r"(?:\bwhere|\b(?:did\s+)?(?:said|say|found|find|finds|noted|note|noting|stressed|stress|reported|report|showed|shows"
    r"|stated|states|concluded|highlighted|revealed|heard|confirmed|saying|added|acknowledged)(?:\s+that)?)\s+(?=\S)", _I)
# The antecedent of "which": "the former Anytown youth justice service, which received an ‘Inadequate’ rating"
_WHICH_ANTECEDENT = regex.compile(r"(?:.*\b(?:of|by|to|with|from|in|at|was|is|were|are)\s|^)(?P<np>[^,]{3,120}?),?\s+which\s*$",
                                  _I | regex.S)
# "All were given 2 stars/unsatisfactory except “sentence served”": the areas listed just before.
_ALL_OF_LIST = regex.compile(r"^\W*(?:all|each|both|all\s+of\s+them|they\s+all|these\s+all)\W*$", _I)
_EXCEPT = regex.compile(r"\bexcept(?:\s+for)?\b(?P<words>[^.;]{2,120})", _I)
# "Every aspect of court disposals ... was rated Outstanding": all the standards of the domain.
_EVERY_ASPECT = regex.compile(r"\b(?:every|each|all)\s+(?:aspect|area|standard|element|part)s?\s+of\s+", _I)
# The subject is cases or a share of them, not the service: "less than half the cases looked at were satisfactory"
_CASES = regex.compile(r"\bcases\b|\bcase\s+files\b|\bof\s+the\s+time\b|\bper\s?cent\b|%|\bsample\b", _I)
# A line that rates its first words at its end: "- Safeguarding - ... Anytown Scores 59% ... Comment: SUBSTANTIAL
# improvement required", "Governance and partnerships – Poor"
_ROW_END = regex.compile(r"^[’'\"”.]?\s*$")
_ROW_START = regex.compile(r"^\s*(?:[-•–▪●*]\s*)?")
_CHANGED = regex.compile(r"\b(?:upgraded|downgraded|improved|raised|moved|risen|rose|fallen|fell|dropped|gone\s+up"
                         r"|gone\s+down|slipped|climbed)\s+(?:back\s+)?to\s+(?:an?\s+)?[‘’'\"“”(]?$", _I)
_FROM = regex.compile(r"\b(?:improved|moved|gone|risen|rose|changed|progressed|climbed|fallen|fell|dropped|declined"
                      r"|slipped|up|down|an\s+improvement|a\s+rise|a\s+fall|a\s+move)\b[^.;]{0,30}?\bfrom\s+(?:an?\s+|its\s+"
                      r"|the\s+|their\s+)?(?:previous\s+|earlier\s+|last\s+)?(?:overall\s+)?(?:rating\s+of\s+)?[‘’'\"“”(]?$", _I)
_TO_AFTER_FROM = regex.compile(r"^[’'\"”]?(?:\s+rating)?\s+to\s+(?:an?\s+)?[‘’'\"“”(]?$", _I)
_SINCE_AFTER = regex.compile(r"^[’'\"”]?[^.;]{0,40}?\b(?:but|and)\s+(?:they|it|the\s+service)\s+(?:have|has)\s+since\b", _I)


# How far a label's reading looks back and ahead in its clause: far more than any subject or complement runs
# in prose, and a bound that keeps a run-on "sentence" (a flattened table, a page without full stops) linear.
MAX_LEFT, MAX_RIGHT = 600, 400


def read_label(doc: Document, ctx: Context, sentence: Sentence, clause: Clause, label: LabelMatch,
               earlier: tuple[int, Reading, str] | None, following: int) -> Reading:
    text = sentence.text
    clause_end = min(clause.start + len(clause.text), label.end + MAX_RIGHT)
    start = clause.start
    if label.start - clause.start > MAX_LEFT:
        cut = text.find(" ", label.start - MAX_LEFT, label.start)
        start = cut + 1 if cut >= 0 else label.start - MAX_LEFT
    clause = Clause(start, text[start:clause_end])
    left_full = text[clause.start : label.start]
    right = text[label.end : min(clause_end, following, label.end + MAX_RIGHT)]  # up to the next label's words
    # Only the words since the previous label in this clause are this label's own.
    own_start = earlier[0] - clause.start if earlier is not None else 0
    left = left_full[own_start:] if earlier is not None else left_full
    quoted = _quoted(text, label)
    written = text[label.start : label.end]
    in_headline = sentence.start < ctx.headline_end
    clause_text = clause.text

    # -- not a judgement of this service in this inspection --------------------------------
    if _ALTERNATIVE_AFTER.match(right) or _ALTERNATIVE_BEFORE.search(left_full):
        return Reading.aside("ambiguous_label", "offered with another label as its alternative")
    if _DEFINED.match(right):
        return Reading.aside("scale_definition", "the label is defined, not applied")
    if _SURVEY.search(left_full):
        return Reading.aside("survey_response")
    if _HYPOTHETICAL.search(left_full):
        return Reading.aside("hypothetical")
    if _HEDGE.search(left):
        return Reading.aside("hedged", "a label qualified as partly true")
    if _SHARE.match(right):
        return Reading.aside("ordinary_word", "describes a share of cases, not a rating")
    if _GIVEN_TO_ANY.match(right):
        return Reading.aside("sector_wide", "a rating given to services in general")
    if _SECTOR.search(clause_text):
        return Reading.aside("sector_wide")
    if _OTHER_INSPECTORATE.search(clause_text) and not _PROBATION.search(clause_text):
        return Reading.aside("other_inspectorate")
    if _COUNTED_AFTER.match(right):
        counted = regex.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", left[-20:], _I)
        return Reading.aside("count_of_areas" if counted else "vague_area", "the label counts unnamed areas")

    # -- the construction that governs the label -------------------------------------------
    era = ctx.era
    complement = _COMPLEMENT.match(right)
    complement_words = complement.group("words") if complement else ""
    complement_areas = _complement_areas(complement_words, era) if complement else []
    construction = _construction(left_full, left, right, written, quoted, in_headline)
    if construction is None and earlier is not None and earlier[1].rule.startswith("changed_from") and \
            _TO_AFTER_FROM.match(left):
        construction = ("changed_to", left_full[: own_start])
    if construction is None and earlier is not None and earlier[1].reason is None and earlier[1].facts:
        # A label sharing the previous label's verb: "previously graded as ‘requiring improvement’ in 2018 and
        # ‘inadequate’ in 2014", "good in five, requires improvement in two"
        construction = ("coordinated", "")
    if construction is None and complement_areas:
        # "further ‘outstanding’ recognition was received for resettlement"
        construction = ("label_for_area", "")
    if construction is None:
        row = _row_subject(doc, sentence.start + label.start, sentence.start + label.end, era)
        if row:
            construction = ("table_line", row)
    if construction is None:
        if _NOUN_AFTER.match(right) and _SERVICE_REF.search(clause_text):
            construction = ("rating_noun", left_full)
        elif not quoted and not _capitalised(text, label):
            return Reading.aside("ordinary_word")
        elif in_headline and (_SERVICE_REF.search(text) or _names_place(text, ctx)) and (
                _predicative(right) or _NOUN_AFTER.match(right)):
            # "Anytown Youth Justice Service ‘Good’", not "Anytown YOT is doing ‘outstanding’ work": a label
            # before another noun describes that noun
            construction = ("headline", left_full)
        else:
            return Reading.aside("no_rated_subject")
    rule, subject = construction
    which = _WHICH_ANTECEDENT.match(_ASIDE.sub(" ", subject))
    if which and not complement_areas:
        subject = which.group("np")  # the thing "which was rated": the noun phrase just before
    if _ALL_OF_LIST.match(_subject_head(subject)) and not complement_areas:
        listed = _listed_before(doc, sentence, era)
        excepted = _EXCEPT.search(right)
        if listed:
            names = {a.entry.key for a in _rated_areas(excepted.group("words"), era)} if excepted else set()
            kept = [a for a in listed if a.entry.key not in names]
            if kept:
                return _finish(Reading(rule=rule + "+listed_before", facts=[
                    (a.entry.scope, code, name) for a, code, name in _name_areas(kept, "", era)]),
                    ctx, label, left_full, right, text, clause_text)

    # -- what is rated ----------------------------------------------------------------------
    head = _subject_head(_ASIDE.sub(" ", subject))
    areas = complement_areas
    if complement and not areas and _count_words(complement_words):
        return Reading.aside("count_of_areas", f"{complement.group('prep')} {complement_words[:40]}")
    if complement and not areas and _CASES.search(complement_words[:60]):
        return Reading.aside("ordinary_word", "describes cases, not the service")
    if label.words == "not effective":
        # "Overall, governance was not effective": the theme is the subject; "the service was not effective in
        # protecting the public, ..." summarises the themes' own judgements
        areas = _rated_areas(head, era) if rule in ("copula", "rated_as", "table_line") else []
        if not areas:
            return Reading.aside("no_rated_subject", "'not effective' judges a theme named as the subject")
    if not areas:
        areas = _rated_areas(head, era)
        if not areas and _COUNT.search(head):
            # "Two areas – staff, and the planning of out-of-court disposals – were also
            # singled out as ‘Outstanding’": the areas are named in the aside
            areas = _rated_areas(_subject_head(subject), era)
        if areas and rule == "copula" and not _at_head(head, areas[0]):
            # "Work with these children ..., both in terms of engagement and the delivery of interventions, was
            # good": the subject is the work with children, not the area named at its end
            return Reading.aside("no_rated_subject", "the area is not the subject of the judgement")
    every = _EVERY_ASPECT.search(head)
    if areas and every and all(a.entry.scope == "domain" for a in areas) and len(areas) == 1:
        facts = _standards_of(areas[0], ctx)
        if facts:
            return _finish(Reading(rule=rule + "+every_standard", facts=facts), ctx, label, left_full, right, text,
                           clause_text)
    if not areas:
        if rule == "coordinated" and earlier is not None:
            if _COUNT_ONLY.match(left) or regex.match(r"^\W*(?:and\s+)?(?:\d+|one|two|three|four|five|six|seven"
                                                     r"|eight|nine|ten|eleven|twelve)\s+[‘’'\"“”]?$", left, _I):
                return Reading.aside("count_of_areas", "a number before the label")
            return _finish(_inherit(earlier[1], rule), ctx, label, left_full, right, text, clause_text)
        if _CASES.search(head) and not _SERVICE_REF.search(head):
            return Reading.aside("ordinary_word", "describes cases, not the service")
        if _COUNT_ONLY.match(head) or (_COUNT.search(head) and not _SERVICE_REF.search(_COUNT.sub(" ", head))):
            kind = "vague_area" if regex.search(r"\b(?:some|several|many|certain|specific|other|various|a number of)\b",
                                                head, _I) else "count_of_areas"
            return Reading.aside(kind, "the subject counts unnamed areas")
        if _COUNT_ADVERBIAL.search(left):
            return Reading.aside("count_of_areas", "the label is given in a count of areas")
        other = _other_service(head, ctx) or _other_place_attached(subject, ctx)
        if other is not None and not _this_service(head, ctx):
            return Reading.aside("other_service", other)
        # "Overall," opening a clause is an adverb: "Overall, work to protect the public was good" rates the work,
        # which no vocabulary names here, not the service.
        overall_word = _OVERALL_WORD.search(clause_text) and (rule != "copula" or regex.match(
            r"^[’'\"”]?\s+overall\b", right, _I) or regex.search(r"\boverall\s+(?:rating|judgement|grade)", clause_text, _I))
        if not (_this_service(subject, ctx) or _this_service(complement_words, ctx) or rule in (
                "overall_is", "rating_of", "headline", "attributive", "rating_noun", "received", "changed_to")
                or overall_word):
            return Reading.aside("no_rated_subject", subject.strip()[-60:] or None)
        reading = Reading(rule=rule, facts=[("overall", None, "Overall")])
    else:
        # A standard named without its domain takes the domain named in its clause or an earlier one:
        # "Assessment and planning in out-of-court work were "inadequate", with implementation and
        # delivery listed as "requiring improvement"."
        reading = Reading(rule=rule, facts=[(a.entry.scope, code, name) for a, code, name in
                                            _name_areas(areas, text[max(0, clause.start - MAX_LEFT) : clause.start + len(clause.text)], era)])
    return _finish(reading, ctx, label, left_full, right, text, clause_text)


def _finish(reading: Reading, ctx: Context, label: LabelMatch, left_full: str, right: str, text: str,
            clause_text: str) -> Reading:
    """Time and framework: an earlier inspection's rating, a label the framework does not give."""
    after = text[label.end : label.end + 120]
    previous = reading.rule.startswith("changed_from") or (
        not reading.rule.startswith("changed_to") and _is_previous(ctx, left_full, right, after))
    if previous:
        reading.facts = [("previous", None if scope in ("overall", "previous") else code,
                          "Overall" if scope in ("overall", "previous") else name)
                         for scope, code, name in reading.facts]
        if not reading.rule.endswith("+previous"):
            reading.rule += "+previous"
        return reading
    scopes = {scope for scope, _, _ in reading.facts}
    if "overall" in scopes and not ctx.has_overall and not _OVERALL_WORD.search(clause_text):
        return Reading.aside("no_overall_in_framework", "the framework of this inspection gives no overall rating")
    if not _on_era_scale(label.words, ctx.era):
        # The 2009-2012 core case inspections judged how much improvement each area needed, the 2018 framework
        # rates Outstanding to Inadequate: "poor" or "inadequate" outside its scale is a paraphrase.
        return Reading.aside("other_scale", "the inspection's framework judges on another scale")
    if ctx.era in ("standards_2018", "children_and_victims_2024") and scopes == {"domain"}:
        # The 2018 framework rates standards and the service, not its domains: a domain's label summarises them.
        return Reading.aside("domain_summary", ", ".join(name for _, _, name in reading.facts))
    return reading


_FOUR_POINT_ONLY = {"outstanding", "inadequate"}
_JOINT_ONLY = {"satisfactory", "unsatisfactory", "poor", "very good", "not effective"}


def _on_era_scale(words: str, era: str) -> bool:
    """Is the label on the scale the era's framework uses (or a judgement kept as written)?"""
    first = words.split()[0]
    if era == "core_case_2010":
        return first in IMPROVEMENT_LEVELS
    if first in IMPROVEMENT_LEVELS:
        return False
    if era in ("standards_2018", "children_and_victims_2024"):
        return words not in _JOINT_ONLY
    if era == "joint_inspection_2012":
        return words not in _FOUR_POINT_ONLY and not words.startswith("requir")
    return True


def _subject_head(subject: str) -> str:
    """The subject's own words: after the last "where", "that", "found" ... that opens a new clause."""
    last = None
    for match in _SUBJECT_START.finditer(subject):
        last = match
    return subject[last.end() :] if last is not None and subject[last.end() :].strip() else subject


def _row_subject(doc: Document, start: int, end: int, era: str) -> str | None:
    """The area a line rates when it is laid out as a row: the label ends the line ("- Safeguarding - ...
    Comment: SUBSTANTIAL improvement required") or follows the area and a colon or dash ("Governance and
    leadership:  inadequate – governance arrangements were not robust enough")."""
    line = doc.line_at(start)
    if line is None:
        return None
    lead = _ROW_START.match(line.text)
    words = line.text[lead.end() if lead else 0 : start - line.start]
    at_end = bool(_ROW_END.match(doc.text[end : line.end]))
    after_colon = regex.fullmatch(r"(?P<subject>[^:–—\t]{2,80}?)\s*(?:[:–—\t]|\s-)\s*[‘’'\"“]?", words)
    if not (at_end or after_colon):
        return None
    found = find_areas(words[:80], era)
    if not found or found[0].start > 2:
        return None
    if after_colon:
        return after_colon.group("subject")
    if len(found) > 1 and _LIST_GAP.match(words[found[0].end : found[-1].start]):
        return words[: found[-1].end]
    return words[: found[0].end]

def _complement_areas(words: str, era: str) -> list[AreaMatch]:
    """Areas a complement names at its head: "for planning and for partnership work", "in terms of protecting the
    public", "for two inspection areas: reducing the likelihood of reoffending and ..."."""
    counted = regex.match(r"^[^:;.]{0,40}?\b(?:areas?|aspects?|themes?|standards?|categories)\s*:\s*", words, _I) or \
        regex.match(r"^[^:;.]{0,60}?\b(?:areas?|aspects?|standards?|categories)\b[^:;.]{0,20}?\bincluding\s+", words, _I)
    offset = counted.end() if counted else 0
    found = find_areas(words[offset:], era)
    if not found:
        return []
    group = [found[0]]  # the first area and the list it opens: "for planning and for partnership work, ..."
    for area in found[1:]:
        if not _LIST_GAP.match(words[offset + group[-1].end : offset + area.start]):
            break
        group.append(area)
    found = group
    lead = words[offset : offset + found[0].start]
    if len([w for w in lead.split() if w.lower() not in _DETERMINERS]) > 1:
        return []  # "in 2018, had made significant improvements ... staff": not what the label is for
    return [AreaMatch(a.start + offset, a.end + offset, a.entry, a.subject) for a in found]


_DETERMINERS = {"the", "its", "their", "our", "his", "her", "this", "that", "these", "those", "work", "quality", "of",
                "on", "in", "for", "to", "with", "a", "an", "all", "both", "specifically", "related", "relation",
                "terms", "children's", "children’s"}


def _listed_before(doc: Document, sentence: Sentence, era: str) -> list[AreaMatch]:
    """The areas listed in the sentence before this one: "The areas of the inspection included: reducing
    reoffending; protecting the public; ... and interventions. All received 2 stars/unsatisfactory ..."."""
    index = doc.sentence_index_at(sentence.start)
    if index <= 0:
        return []
    found = _rated_areas(doc.sentences[index - 1].text, era)
    return found if len(found) >= 2 else []


def _standards_of(domain: AreaMatch, ctx: Context) -> list[tuple[str, str | None, str]]:
    """The standards of a 2018-framework domain, for "every aspect of court disposals"."""
    code = domain.entry.code
    if code not in ("1", "2", "3"):
        return []
    from models.vocabulary import STANDARDS_2018

    out: list[tuple[str, str | None, str]] = []
    for entry in STANDARDS_2018:
        if entry.code and entry.code.startswith(f"{code}.") and entry.key != "3.4j" and code == "1":
            out.append(("standard", entry.code, entry.name))
        elif entry.relative is not None and code in ("2", "3") and not (code == "3" and entry.relative == 4):
            out.append(("standard", f"{code}.{entry.relative}", f"{domain.entry.name}: {entry.name}"))
    if code == "3":
        policy = "3.4p" if (ctx.latest_year or 0) >= 2021 else "3.4j"
        entry = next(e for e in STANDARDS_2018 if e.key == policy)
        out.append(("standard", "3.4", f"{domain.entry.name}: {entry.name}"))
    return out


# Words that may open a clause before its subject.
_LEAD_IN = regex.compile(r"^(?:\W|and\b|but\b|however\b|meanwhile\b|overall\b|inspectors?\s+(?:also\s+)?(?:found|said|noted)"
                         r"(?:\s+that)?\b|the\s+report\s+(?:found|said)(?:\s+that)?\b|they\s+found(?:\s+that)?\b|that\b|also\b"
                         r"|in\s+addition\b|similarly\b|likewise\b)*", _I)


def _at_head(subject: str, area: AreaMatch) -> bool:
    """Is the area the head of the subject (its first words after a lead-in)?"""
    lead = _LEAD_IN.match(subject)
    start = lead.end() if lead else 0
    words_before = subject[start : area.start].split()
    return len([w for w in words_before if w.lower() not in ("the", "its", "their", "our", "work", "quality", "of",
                                                            "effectiveness", "to", "on", "for", "in")]) == 0


def _inherit(earlier: Reading, rule: str) -> Reading:
    return Reading(rule=rule, facts=[(scope if scope != "previous" else "previous", code, subject)
                                     for scope, code, subject in earlier.facts])


def _is_previous(ctx: Context, left: str, right: str, after: str) -> bool:
    if _CHANGED_TO.search(left):
        return False  # "from ... to recently achieving “good” status": the destination is today's
    if _PREVIOUS.search(left) or _PREVIOUS_AFTER.match(right) or _SINCE_AFTER.match(after):
        return True
    if ctx.latest_year is not None:
        for match in _YEAR.finditer(left[-80:] + " " + right[:100]):
            year = int(match.group("year") or match.group("year2"))
            if year < ctx.latest_year:
                return True
    return False


# A core case inspection's level with its verb: "requires substantial improvement", "need ‘minimum’ improvement"
_REQUIRES_LEVEL = regex.compile(r"\b(?:requires?|required|requiring|needs?|needed|needing)\s+(?:just\s+|only\s+|a\s+)?[‘’'\"“(]?$", _I)
# Participles that rate without "was": "Anytown Youth Justice Service rated ‘Good’", "Anytown YJS, rated
# “inadequate” in 2018, ..." ("we found good use" is not one).
_BARE_PARTICIPLES = {"rated", "judged", "graded", "deemed", "classed", "classified", "assessed", "hailed", "branded",
                     "scored", "upgraded", "downgraded", "marked", "flagged", "listed", "labelled", "labeled",
                     "singled out", "considered"}


def _construction(left_full: str, left: str, right: str, written: str, quoted: bool,
                  in_headline: bool) -> tuple[str, str] | None:
    """(rule, subject words) of the construction that governs the label, if any."""
    own = len(left_full) - len(left)  # where this label's own words begin
    if match := _REQUIRES_LEVEL.search(left):
        # "Performance to manage the risk of harm to others ... requires substantial improvement."
        return "requires_level", left_full[: own + match.start()]
    if match := _OVERALL_IS.search(left):
        return "overall_is", left_full[: own + match.start()]
    if match := _FROM.search(left):
        # "has improved its rating from ‘Requires improvement’ to ‘Good’": the first label is the earlier one
        return "changed_from", left_full[: own + match.start()]
    if match := _CHANGED.search(left):
        # "was upgraded to ‘Requires improvement’"
        return "changed_to", left_full[: own + match.start()]
    if (match := _PASSIVE.search(left_full)) and match.start("verb") >= own and (
            match.group("be") or " ".join(match.group("verb").lower().split()) in _BARE_PARTICIPLES):
        return "rated_as", match.group("subject")
    received = _RECEIVED.search(left_full)
    if received and received.start("verb") >= own and (received.group("rating_of") or received.group("stars")):
        # "was given the highest grade of “Outstanding”", "has received an overall rating of ‘Good’"
        return "received", received.group("subject")
    active = _ACTIVE.search(left_full)
    if active and active.start("verb") >= own and not regex.search(r"\b(?:was|were|been|be|is|are|being)\s+$",
                                                                  left_full[: active.start("verb")], _I):
        return "active_rating", active.group("object")
    if received and received.start("verb") >= own and _NOUN_AFTER.match(right):
        return "received", received.group("subject")
    if _RATING_OF.search(left):
        return "rating_of", left_full
    if _NOUN_AFTER.match(right) and regex.search(r"\b(?:the|their|its|our|this|an?)\s+(?:overall\s+)?[‘’'\"“”]?$",
                                                 left, _I):
        return "rating_noun", left_full
    verb_label = _VERB_LABEL.search(left_full) if written.lower().startswith("requir") else None
    if verb_label and not regex.search(r"\b(?:to|a|an|the|of|as|be|been)\s*[‘’'\"“”]?$", left, _I):
        return "requires_improvement", verb_label.group("subject")
    copula = _COPULA.search(left_full)
    if copula and copula.start("be") >= own and _predicative(right):
        return "copula", copula.group("subject")
    if (quoted or in_headline) and (
            _ATTRIBUTIVE.match(right) or (quoted and _ATTRIBUTIVE_ANY_CASE.match(right))):
        return "attributive", left_full + " service"
    return None


def _predicative(right: str) -> bool:
    """The label ends its phrase ("was poor.", "was good, and ...") rather than describing a noun after it."""
    match = regex.match(r"^[’'\"”)]?\s*(?P<next>[A-Za-z][\w-]*)?", right)
    word = (match.group("next") or "").lower() if match else ""
    return word in ("", "overall", "for", "in", "on", "and", "or", "but", "by", "with", "across", "when",
                    "while", "as", "following", "after", "according", "to", "than", "since", "because", "though",
                    "although", "despite", "rating", "ratings", "in terms", "specifically", "too", "also", "both",
                    "again", "now", "then", "this", "last", "that", "which", "where", "with")


def _quoted(text: str, label: LabelMatch) -> bool:
    before = text[max(0, label.start - 1) : label.start]
    after = text[label.end : label.end + 1]
    return (before in "‘’'\"“”" and bool(before)) or (after in "’'\"”" and bool(after))


def _capitalised(text: str, label: LabelMatch) -> bool:
    """Capitalised where a sentence does not begin: "rated Good", "the Good rating"."""
    if not text[label.start : label.start + 1].isupper():
        return False
    before = text[: label.start].rstrip(" ‘'\"“(")
    return bool(before) and not before.endswith((".", "!", "?", ":", "–", "-", "\n"))


def _count_words(words: str) -> bool:
    """A complement that counts areas: "in five categories", "in seven out of 12 areas", "in four", "in all areas"."""
    head = words[:60]
    if regex.match(r"^(?:19|20)\d\d\b", head):
        return False  # "rated ‘Inadequate’ in 2018": a year, not a count
    if regex.match(r"^(?:the\s+)?(?:remaining\s+|other\s+|rest\s+of\s+the\s+)?(?:\d+|one|two|three|four|five|six|seven"
                   r"|eight|nine|ten|eleven|twelve|all|most|many|some|several|every|each|remaining|other|rest)\b(?!\s+(?:of\s+)?(?:its|their|the)\s+(?:work|services))", head, _I):
        return True
    return bool(_COUNT.match(head))


def _names_place(text: str, ctx: Context) -> bool:
    lowered = text.lower()
    return any(place in lowered for place in ctx.places)


def _this_service(words: str, ctx: Context) -> bool:
    if not words.strip():
        return False
    if _SERVICE_REF.search(words) and _other_place_attached(words, ctx) is None:
        return True
    return _names_place(words, ctx)


def _other_place_attached(words: str, ctx: Context) -> str | None:
    """A service kind attached to a place that is not this service's: "Anytown's youth offending team"."""
    for match in regex.finditer(r"(?P<place>(?-i:(?:[A-Z][\w&-]+\s+){0,3}[A-Z][\w&-]+))(?:[’']s)?\s+(?:YOT|YJS|YOS"
                                r"|youth\s+(?:justice|offending)\s+(?:service|team)s?)\b", words, _I):
        place = match.group("place")
        if not place[:1].isupper() or place.lower().split()[-1] in _COMMON_CAPITALS:
            continue
        if ctx.places and not any(p in place.lower() or place.lower() in p for p in ctx.places):
            return place
    return None


def _other_service(words: str, ctx: Context) -> str | None:
    """A capitalised place-like name that is not this service's place (a word capitalised only because it
    opens the sentence, "Unfortunately, ...", is not one)."""
    if not ctx.places:
        return None
    opening = regex.match(r"^[\W\d]*[A-Z][\w’'.-]*", words)
    for match in _CAPITALISED.finditer(words):
        if opening and match.start() < opening.end() and not regex.match(r"[’']s\b|\s+(?:Council|YOT|YJS|YOS|Youth)\b",
                                                                          words[match.end() :]):
            continue
        word = match.group().strip("’'.,")
        lowered = word.lower().removesuffix("’s").removesuffix("'s")
        if lowered in _COMMON_CAPITALS or len(lowered) < 3:
            continue
        if any(lowered in place.split() for place in ctx.places):
            continue
        return word
    return None


def _rated_areas(words: str, era: str) -> list[AreaMatch]:
    """The areas a phrase names as the rated subject: the last area and the list it closes."""
    found = find_areas(words, era)
    if not found:
        return []
    group = [found[-1]]
    for area in reversed(found[:-1]):
        gap = words[area.end : group[0].start]
        if _LIST_GAP.match(gap):
            group.insert(0, area)
        else:
            break
    return group


def _name_areas(areas: list[AreaMatch], context_text: str, era: str) -> list[tuple[AreaMatch, str | None, str]]:
    """(area, code, subject) for each rated area; a domain next to standards qualifies them."""
    domains = [a for a in areas if a.entry.scope == "domain"]
    standards = [a for a in areas if a.entry.scope != "domain"]
    if not standards:
        return [(a, a.entry.code, a.subject) for a in domains]
    domain = domains[0] if len(domains) == 1 else None
    if domain is None and not domains:
        before = {a.entry.key: a for a in find_areas(context_text, era) if a.entry.scope == "domain"}
        if len(before) == 1:
            domain = next(iter(before.values()))
    out: list[tuple[AreaMatch, str | None, str]] = []
    seen: set[str] = set()
    for area in standards:
        if area.entry.key in seen:
            continue
        seen.add(area.entry.key)
        if area.entry.relative is not None:
            if domain is not None and domain.entry.code in ("2", "3") and not (
                    area.entry.relative == 4 and domain.entry.code == "3"):
                out.append((area, f"{domain.entry.code}.{area.entry.relative}",
                            f"{domain.entry.name}: {area.subject}"))
            else:
                out.append((area, None, area.subject))
        else:
            out.append((area, area.entry.code, area.subject))
    return out
