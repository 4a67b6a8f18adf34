"""Reading a rating label where it stands: in its clause, its sentence, its headline.

Every mention of a label is a candidate, read by one small loop over the tables of ``models.constructions``:
the set-aside cues in order, then the constructions in order (the first that holds governs the label and
says where its rated subject is), then the subject is resolved to areas of the framework or to the service
itself, and the reading is placed in time and on the framework's scale. The result is a ``Reading``: the
facts it gives, or the reason it was set aside, and in both cases the rule that decided. Nothing here knows
about files or tables; the document arrives as ``models.document.Document``.

How a subject is resolved, in order (each step is one function below, each with its examples in
``tests/test_constructions.py``):

- the complement after the label names the areas ("rated ‘Outstanding’ for planning and for staffing");
- a relative "which" takes the noun phrase before it;
- a reference ("it", "this", "both", "all three categories", "each of these") takes its antecedent: the
  list of areas or the subject of an earlier clause or sentence;
- a list of subjects shares the label (coordination: commas, "and", "or", "as well as");
- an aside between dashes names the areas when the subject outside it is vague ("some of its work");
- otherwise the service itself (the overall rating), another service, or nothing the sentence names.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, cached_property

import regex

from extractors.matching import AreaMatch, LabelMatch, find_areas
from extractors.numbers import parse_count
from extractors.occurrence import pattern_structure
from models.constructions import (
    AS_WAS,
    BARE_PARTICIPLES,
    COMPLEMENT,
    CONSTRUCTIONS,
    COUNT_ADVERBIAL,
    COUNT_OF_AREAS,
    COUNT_ONLY_SUBJECT,
    CUES_AFTER,
    CUES_BEFORE,
    DEDICATION,
    GAPPED_AFTER_CONTRAST,
    HEADLINE,
    LABEL_IS_DEFINED,
    LABEL_NOUN,
    ORDINAL_REFERENCE,
    ORDINAL_REFERENCE_WORDS,
    PREDICATIVE_NEXT,
    PREVIOUS_SUFFIX,
    RATING_NOUN_AFTER,
    RATING_VERBS,
    RECIPIENT_OPENING,
    SCALE_CUES,
    SERVICE_REFERENCE,
    Construction,
    Cue,
    RuleName,
)
from models.document import Document, Sentence
from models.register import is_place
from models.vocabulary import (
    AREAS_BY_ERA,
    CHILDREN_AND_VICTIMS_2024,
    CORE_CASE_2010,
    IMPROVEMENT_LEVEL_WORDS,
    STANDARDS_2018,
    STANDARDS_BY_CODE_2018,
    WHOLE_DOMAIN_STANDARDS,
    AreaEntry,
    Framework,
    Scope,
    label_on_era_scale,
)

_I = regex.IGNORECASE
_NOUN_AFTER = regex.compile(RATING_NOUN_AFTER, _I)
_COMPLEMENT = regex.compile(COMPLEMENT, _I)
_COUNT = regex.compile(COUNT_OF_AREAS, _I)
_COUNT_ONLY = regex.compile(COUNT_ONLY_SUBJECT, _I)
_COUNT_ADVERBIAL = regex.compile(COUNT_ADVERBIAL, _I)
_SCALE = regex.compile(SCALE_CUES, _I)
_DEFINED = regex.compile(LABEL_IS_DEFINED, _I)
_SERVICE_REF = regex.compile(SERVICE_REFERENCE, _I)
_DEDICATION = regex.compile(DEDICATION, _I)
_OVERALL_WORD = regex.compile(r"\boverall\b", _I)

# ------------------------------------------------------------------ time
# A rating from an earlier inspection: words that place the rating before this inspection.
# "It comes after an earlier inspection, in 2019, rated the service as ‘Inadequate’."
# "Inspectors returned to Anytown after it received an ‘Inadequate’ rating in 2017."
_PREVIOUS = regex.compile(
    r"(?<!\bsince\s+(?:the\s+|its\s+|our\s+|their\s+|his\s+|her\s+)?)"
    # "last year" / "last month" date this inspection, not an earlier one: "after an inspection in the autumn of
    # last year, Anytown's team received a "requires improvement" grade"
    r"\b(?:previous|previously|last(?!\s+(?:year|month|week|autumn|spring|summer|winter|january|february|march|april"
    r"|may|june|july|august|september|october|november|december)\b)|earlier|prior|former|formerly)\b"
    r"|\bwhen\s+we\s+(?:last|previously|first)\b"
    # a rating lost: "The YJS has lost its ‘Outstanding’ rating"
    r"|\b(?:lost|lose|loses|losing|relinquished|surrendered|stripped\s+of)\s+(?:its|their|the|an?)\s+(?:overall\s+)?[‘’'\"“”]?$"
    # a rating left behind: "Anytown youth justice service no longer ‘Inadequate’", "has shed its ‘Inadequate’ label"
    r"|\bno\s+longer\s+(?:(?:rated|graded|judged|deemed|considered|classed|described)\s+(?:as\s+)?)?[‘’'\"“”]?\s*$"
    r"|\b(?:shed|sheds|shedding|shaken\s+off|shakes\s+off|shook\s+off|left\s+behind|leaves\s+behind)\s+(?:its|their|the|an?)"
    r"\s+(?:overall\s+)?[‘’'\"“”]?$"
    # the earlier inspection as the rater, "since" or not: "Since the last inspection rated the service ‘Inadequate’, ..."
    r"|\b(?:last|previous|earlier|first)\s+inspection\s+(?:had\s+)?(?:rated|judged|graded|found|gave|assessed|awarded)\b"
    # (the pluperfect of reported speech is the report's own time, "that" said or not: "Members noted that the
    # service had been judged ‘Good’", "The manager said the service had been rated ‘Good’", "asked why planning
    # had been rated ...", "was pleased that the service had been judged ‘Good’"; a year still dates it)
    r"|(?<!\b(?:noted|heard|reported|advised|told|informed|explained|confirmed|said|stated|learned|learnt|announced"
    r"|asked|queried|questioned|wondered|pleased|delighted|glad|proud|disappointed|welcomed|acknowledged)"
    r"\s+(?:that\s+)?[^.;]{0,80}?)"
    # (nor the pluperfect after "the first time", "the only time": this inspection's event, "This was the first time
    # the service had been rated ‘Outstanding’")
    r"(?<!\b(?:first|only|second|third)\s+time\s+[^.;]{0,60}?)\bhad\s+been\s+(?:rated|judged|graded|assessed|found|classed)\b"
    r"|\bafter\s+(?:they|it|the\s+service)\s+(?:received|was|were|had)\b"
    r"|\bwas\s+later\b|\bat\s+the\s+time\s+of\s+(?:the|its|our)\s+(?:last|previous|first)\b"
    # "Staff, once rated ‘Inadequate’, are now ...", "once ‘Inadequate’" just before the label (never "once
    # again", "once the report ...", nor a later label of the clause)
    r"|\bonce\s+(?:(?:rated|graded|judged|deemed|considered|found|classed|described)\s+(?:as\s+)?)?[‘’'\"“”]?\s*$"
    r"|\bfollows?\s+(?:an?|the|its)\s+(?:\w+\s+)?inspection\s+in\s+(?:19|20)\d\d\b|\binspection\s+in\s+(?:19|20)\d\d\b[^.]{0,40}\bwhen\b"
    r"|\bin\s+(?:19|20)\d\d\s*,?\s+when\b|\b(?:up|down|improved|risen|rose|fallen|fell|moved)\s+from\b"
    # "The verdict arrives two years after inspectors criticised the service's work ..."
    r"|\b(?:a|an|one|two|three|four|five|\d+)\s+(?:years?|months?)\s+after\b"
    # a time counted back from now, before the label: "Three years ago inspectors rated Anytown ‘Inadequate’"
    r"|\b(?:a|an|one|two|three|four|five|six|seven|eight|\d+)\s+(?:years?|months?)\s+(?:ago|earlier)\b", _I)
# After a label, words that place it in an earlier inspection: "a ‘Poor’ grade, back when it was run jointly with its
# neighbour", "rated ‘Good’ at its last inspection"
_PREVIOUS_AFTER = regex.compile(
    # ("better than at its last inspection", "the same rating as at its last inspection" compare today's label
    # with the last one's)
    r"^[’'\"”]?[^.;]{0,30}?\b(?:when\s+(?:they|it|the\s+service)\s+(?:were|was|had)\b|(?<!\b(?:than|as)\s)at\s+(?:its|the|their)"
    r"\s+(?:last|previous|earlier|first)\s+inspection\b|(?:former|formerly|previously)\b"
    # "rated ‘Good’ last time", "the time before"
    r"|(?:last|previous)\s+time\b|the\s+time\s+before\b"
    # "a ‘Requires improvement’ verdict three years ago"
    r"|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:years?|months?)\s+(?:ago|earlier|before)\b)",
    _I)
# The destination of a change is this inspection's rating: "from X ... to recently achieving “good” status"
# Today's label, whatever came before: "from 'Inadequate' to 'Good'", "upgraded to", "now", and a rating kept, in the
# present ("remains 'Good', the grade it received in 2016"; "had remained 'Inadequate' until ..." is the past's)
# (a rating kept is today's whenever it was first given: "retained the ‘Good’ rating it was given in 2019")
_DESTINATION = regex.compile(r"\b(?:from\b[^.;]{0,120}?\bto|upgraded\s+to|improved\s+to|raised\s+to|now"
                             r"|remains|retains|retained|retaining|keeps|kept|keeping|maintains|maintained|maintaining"
                             r"|holds\s+on\s+to|held\s+on\s+to|stays|(?:has|have)\s+(?:remained|stayed))\s+"
                             r"(?:[\w-]+\s+){0,3}[‘’'\"“”(]?$", _I)
_SAME_AS_BEFORE = regex.compile(r"(?:\b(?:the\s+)?same\s+(?:\w+\s+){0,2}|,\s*)as\s+(?:(?:it|they|inspectors|we)\s+\w+\s+"
                                r"|was\s+(?:the\s+case|\w+)\s+)?(?:in|at)\s+(?:its\s+\w+\s+inspection\s+in\s+)?(?:19|20)\d\d\b"
                                # the rating kept: "the same grade it received in 2019"
                                r"|\b(?:the\s+)?same\s+(?:\w+\s+){0,2}(?:that\s+|which\s+)?(?:it|they|the\s+service|we)\s+"
                                r"(?:had\s+)?(?:received|got|was\s+given|were\s+given|had|achieved|earned|was\s+awarded"
                                r"|secured)\s+(?:in|at)\s+(?:its\s+\w+\s+inspection\s+in\s+)?(?:19|20)\d\d\b"
                                # the rating matched: "‘Good’, which matches the one given in 2019", "mirrors
                                # its grade of 2019"
                                r"|\b(?:matches|matched|mirrors|mirrored|repeats|repeated|equals|equalled|echoes|echoed)\s+"
                                r"(?:the\s+one|that|its|the|their)\s+(?:\w+\s+){0,3}?(?:in|of|from)\s+(?:19|20)\d\d\b"
                                # the rating kept: "unchanged from 2019", "‘Good’, as they did in 2019"
                                r"|\b(?:unchanged|unaltered)\s+(?:from|since)\s+(?:its\s+\w+\s+inspection\s+in\s+)?(?:19|20)\d\d\b"
                                # a comparison with the earlier inspection dates that inspection: "‘Good’, an
                                # improvement on its last inspection in 2019"
                                r"|\b(?:improvement|advance|step\s+up|step\s+down|rise|fall|decline|change|up|down"
                                r"|better|worse)\s+(?:on|from|since|than)\s+(?:at\s+)?(?:its|the|their)\s+(?:\w+\s+){0,2}?"
                                r"(?:inspection|rating|visit|report|grade)\s+(?:in|of)\s+(?:19|20)\d\d\b", _I)
_SINCE_AFTER = regex.compile(r"^[’'\"”]?[^.;]{0,40}?\b(?:but|and)\s+(?:they|it|the\s+service)\s+(?:have|has)\s+since\b", _I)
# "since 2019" after "inspection" dates the earlier one, not this rating: "In its first inspection since 2019,
# Anytown was rated ‘Good’"
# ("In 2019 the service was rated ..." opens its sentence with a capital: the prepositions in any case)
# (nor "since" after a verb of change: "Leadership, which inspectors rated ‘Good’, has improved since 2019" - the
# label is today's, what changed since then)
_YEAR = regex.compile(r"(?:\b(?i:in|from|of)|(?<!\b(?i:inspection|inspections|visit|report|time|improved|improving|progressed"
                      r"|changed|developed|strengthened|grown|come\s+on)\s)\b(?i:since))\s+"
                      r"(?:(?:early|late|mid)\s+)?(?:[A-Z][a-z]+\s+)?(?P<year>(?:19|20)\d\d)\b"
                      r"|\b(?P<year2>(?:19|20)\d\d)\s+(?:inspection|report)\b")
# A year right before the label, as its modifier: "its 2019 ‘Inadequate’ rating"
# (also of the rating noun before the label: "its 2019 rating of ‘Requires improvement’")
_YEAR_MODIFIER = regex.compile(r"\b(?P<year>(?:19|20)\d\d)\s+(?:overall\s+)?(?:(?:inspection\s+)?(?:rating|grade|judgement"
                               r"|verdict)\s+(?:of\s+|was\s+)?)?[‘’'\"“”]?$")

# A year right after the label, as its own adjunct: "‘Outstanding’ in 2022", "‘Good’ overall in March 2019"
_OWN_YEAR = regex.compile(r"^[’'\"”]?\s+(?:overall\s+)?(?i:in|during)\s+(?:(?:early|late|mid)\s+)?(?:[A-Z][a-z]+\s+)?"
                          r"(?P<year>(?:19|20)\d\d)\b")

# ------------------------------------------------------------------ clauses
# Clause breaks inside a sentence: each clause has its own subject and verb.
_CLAUSE_BREAK = regex.compile(
    # ", however," before the verb is an aside inside the clause ("Court work, however, was judged ..."), not a break
    r";|:\s+(?=(?-i:[A-Z‘“'\"]))|\s+but\s+|\s+while\s+|\s+whilst\s+|\s+whereas\s+|,\s+with\s+"
    r"|,\s+however,?\s+(?!(?:was|were|is|are|has|have|had|remains?|remained)\b)"
    r"|\s+although\s+|,\s+though\s+|\.\s+(?=(?-i:[A-Z]))"
    # a clause of consequence, with a subject of its own: "Staffing was strong, meaning the service was rated ..."
    r"|,\s+(?:meaning|which\s+means|which\s+meant|indicating|signall?ing)(?:\s+that)?\s+"
    # a bracketed clause of its own: "rated it ‘Good’ (it was previously rated ‘Requires improvement’)"
    r"|\s*\((?=(?:it|they|this|which|the\s+service|the\s+team)\s+(?:was|were|had|has|is|previously|last)\b)"
    # "with some areas graded as “Outstanding”": an absolute clause with its own subject and verb ("work with
    # victims judged ..." is a noun phrase: the framework's "work with children", "working with families")
    r"|(?<!\bwork)(?<!\bworking)(?<!\bworks)\s+with\s+(?=(?:(?!(?:was|were|is|are|has|have|been|be)\b)[\w’'&-]+\s+){1,8}?(?:rated|graded|judged|marked"
    r"|found|considered|deemed|assessed|listed|flagged|singled|labelled|classed|receiving|given|getting)\b)", _I)
_CONSEQUENCE = regex.compile(r"\b(?:meaning|means|meant|indicating|signall?ing)(?:\s+that)?\s*$", _I)
# Dash-delimited asides, removed before the subject is read: "resettlement – when a child is released – which ..."
_ASIDE = regex.compile(r"\s[–—-]\s[^–—]{1,160}?\s[–—-]\s")
# Where the words after a label stop saying what the label says: a comma, a semicolon, a colon, a dash, or a
# conjunction opening a verb phrase of its own ("... and will now support", "... but needs")
_LABEL_PHRASE_END = regex.compile(r"[,;:–—]|\s(?:and|but|while|whereas|although|which|who)\s", _I)
# How far a label's reading looks back and ahead in its clause: far more than any subject or complement runs
# in prose, and a bound that keeps a run-on "sentence" (a flattened table, a page without full stops) linear.
MAX_LEFT, MAX_RIGHT = 600, 400


@dataclass(frozen=True)
class Context:
    """What the whole document says about itself, needed to read one sentence."""

    era: str  # standards_2018 | children_and_victims_2024 | joint_inspection_2012 | core_case_2010
    sector: bool  # the document reviews many services (annual report, thematic, news of several services)
    places: tuple[str, ...]  # lower-case names of the inspected service's place, longest first
    # the latest year the document's text speaks of (its datelines aside); in a text naming no year, the last
    # year of the Chief Inspector it quotes
    latest_year: int | None
    headline_end: int  # the end offset of the document's first line

    @property
    def has_overall(self) -> bool:
        """Only the 2018 framework and the 2024 programme give a service an overall rating."""
        return self.era in (Framework.STANDARDS_2018, Framework.CHILDREN_AND_VICTIMS_2024)


@dataclass
class Reading:
    """What one label mention means: facts (scope, code, subject), or a reason to set it aside; and the rule
    (construction, or set-aside cue) that decided."""

    rule: str
    facts: list[tuple[str, str | None, str]] = field(default_factory=list)
    reason: str | None = None
    detail: str | None = None

    @staticmethod
    def aside(reason: str, detail: str | None = None, rule: str = RuleName.SET_ASIDE) -> Reading:
        return Reading(rule=rule, reason=reason, detail=detail)


@dataclass(frozen=True)
class Clause:
    start: int  # offset in the sentence text
    text: str
    opener: str = ""  # the break that opened it (", with ", "; ", " but ")


def clauses(text: str) -> list[Clause]:
    out = []
    position, opener = 0, ""
    for match in _CLAUSE_BREAK.finditer(text):
        out.append(Clause(position, text[position : match.start()], opener))
        position, opener = match.end(), match.group()
    out.append(Clause(position, text[position:], opener))
    return out


# ------------------------------------------------------------------ what a cue or construction looks at
@dataclass
class View:
    """One label in its clause: the words before, after and around it."""

    doc: Document
    ctx: Context
    sentence: Sentence
    parts: list[Clause]
    index: int  # the clause's index in parts
    clause: Clause  # the clause, bounded to MAX_LEFT before and MAX_RIGHT after the label
    label: LabelMatch
    earlier: tuple[int, Reading, str] | None  # the previous label in the clause: its end, reading and words
    following: int  # where the next label starts (its words are its own)
    # the area this label is paired with by "respectively" ("Planning and delivery were rated ‘Good’
    # and ‘Outstanding’ respectively": "delivery" for the second label); None when no such pairing
    paired: tuple[tuple[str, str | None, str], int] | None = None  # as a fact (scope, code, subject); and where the
    # list of labels ends

    @property
    def text(self) -> str:
        return self.sentence.text

    @cached_property
    def found(self) -> dict[tuple[str, int, str], regex.Match | None]:
        """Matches made for this label, by pattern and place: entries share patterns (three "received" entries
        match one pattern on the words before the label), each matched once."""
        return {}

    @cached_property
    def left_full(self) -> str:
        return self.text[self.clause.start : self.label.start]

    @cached_property
    def own_start(self) -> int:
        """Where the label's own words begin in left_full: after the previous label in the clause."""
        return self.earlier[0] - self.clause.start if self.earlier is not None else 0

    @cached_property
    def left(self) -> str:
        return self.left_full[self.own_start :]

    @cached_property
    def right(self) -> str:
        end = min(self.clause.start + len(self.clause.text), self.following, self.label.end + MAX_RIGHT)
        return self.text[self.label.end : end]

    @cached_property
    def predicative(self) -> bool:
        return _predicative(self.right)

    @cached_property
    def written(self) -> str:
        return self.text[self.label.start : self.label.end]

    @cached_property
    def quoted(self) -> bool:
        before = self.text[max(0, self.label.start - 1) : self.label.start]
        after = self.text[self.label.end : self.label.end + 1]
        return (bool(before) and before in "‘’'\"“”") or (bool(after) and after in "’'\"”")

    @cached_property
    def capitalised(self) -> bool:
        """Capitalised where a sentence does not begin: "rated Good", "the Good rating"."""
        if not self.written[:1].isupper():
            return False
        before = self.text[: self.label.start].rstrip(" ‘'\"“(")
        return bool(before) and not before.endswith((".", "!", "?", ":", "–", "-", "\n"))

    @cached_property
    def in_headline(self) -> bool:
        return self.sentence.start < self.ctx.headline_end

    @cached_property
    def complement(self) -> regex.Match | None:
        return _COMPLEMENT.match(self.right)

    @cached_property
    def complement_areas(self) -> list[AreaMatch]:
        if self.complement is None:
            return []
        words = self.complement.group("words")
        ordinal = _ORDINAL.match(words)
        if ordinal:
            # "moderate improvement is needed in the last two areas": the items of the list named before
            return _ordinal_referent(self, ordinal, self.text[: self.label.start]) or []
        return _complement_areas(words, self.ctx.era)

    @cached_property
    def row(self) -> str | None:
        return _row_subject(self.doc, self.sentence.start + self.label.start, self.sentence.start + self.label.end,
                            self.ctx.era, self.sentence.start)

    @cached_property
    def heading_above(self) -> str | None:
        """The line above the label's, when the label opens its line, is followed by a colon, and the line
        above is a heading that ends in a colon ("Domain two: court disposals:")."""
        start = self.sentence.start + self.label.start
        line = self.doc.line_at(start)
        if line is None or self.doc.text[line.start : start].strip(" ‘’'\"“”•*-–—\t") \
                or not regex.match(r"[’'\"”]?\s*:", self.right):
            return None
        index = self.doc.line_index_at(line.start)
        above = next((p.text.strip() for p in reversed(self.doc.lines[max(0, index - 3) : index]) if p.text.strip()),
                     "")
        return above[:-1] if above.endswith(":") and len(above) <= 80 else None

    @cached_property
    def main_clause(self) -> str:
        return _ASIDE.sub(" ", self.clause.text)

    @cached_property
    def label_phrase(self) -> str:
        """The label's own clause's words before the label (asides aside), the label, and the words after it up
        to the first comma or coordinated verb phrase: what the label says of its subject, without what the
        clause goes on to say ("rated ‘Outstanding’ and will support other councils", "rated ‘Outstanding’, one
        of a handful nationally")."""
        return _ASIDE.sub(" ", self.own_before) + self.written + _LABEL_PHRASE_END.split(self.right, maxsplit=1)[0]

    @cached_property
    def own_before(self) -> str:
        """The clause's words before the label from the start of the label's own clause, where a clause joined
        by ", and" or ", but" has its own subject and verb: "Parents described the service as excellent, and
        [inspectors rated it ]‘Good’"."""
        return _after_coordinated_clause(self.left_full)

    @cached_property
    def own_clause(self) -> str:
        """The label's own clause: "Ofsted judged the council's services ‘Outstanding’, and [the YJS has now been
        rated ‘Good’]"."""
        return _ASIDE.sub(" ", self.own_before) + self.written \
            + _COORDINATOR.split(_ASIDE.sub(" ", self.right), maxsplit=1)[0]

    def look(self, where: str) -> str:
        if where == "before":
            return self.left_full
        if where == "after":
            return self.right
        if where == "own":
            return self.left
        if where == "main_clause":
            return self.main_clause
        if where == "label_phrase":
            return self.label_phrase
        if where == "own_clause":
            return self.own_clause
        if where == "own_before":
            return self.own_before
        return self.clause.text if where == "clause" else self.text


def _not_after_be(view: View, match: regex.Match | None) -> bool:
    assert match is not None
    return not regex.search(r"\b(?:was|were|been|be|is|are|being)\s+$", view.left_full[: match.start("verb")], _I)


# Named predicates for what a pattern cannot say (models.constructions names them).
CONDITIONS: dict[str, Callable[[View, regex.Match | None], bool]] = {
    # (a bare participle with "both" or "all" after it is an active verb with its object: "Inspectors looked at
    # resettlement and at out-of-court work, and rated both ‘Good’")
    "be_or_participle": lambda v, m: m is not None and bool(
        m.group("be") or (" ".join(m.group("verb").lower().split()) in BARE_PARTICIPLES
                          and not regex.match(r"\s+(?:both|all)\b", m.string[m.end("verb") : m.end()], _I))),
    "rating_of_or_stars": lambda v, m: m is not None and bool(m.group("rating_of") or m.group("stars")),
    "not_after_be": _not_after_be,
    "label_is_requires": lambda v, m: v.written.lower().startswith("requir"),
    "label_is_not_rated": lambda v, m: v.label.words == "not rated",
    "first_label_of_clause": lambda v, m: v.earlier is None,
    # the construction's subject is an area's name and nothing more: "planning", "court work"
    "subject_is_area": lambda v, m: m is not None and _is_area_name(m.group("subject"), v.ctx.era),
    # another label follows this one with nothing but quotes (or "as") between: "not rated ‘Inadequate’"
    "next_label_follows": lambda v, m: v.following < len(v.text)
    and v.text[v.label.end : v.following].strip(" ‘’'\"“”").lower() in ("", "as"),
    "predicative": lambda v, m: v.predicative,
    # a relative label holds its own rating noun ("the worst possible rating"): never a noun's adjective
    "predicative_or_rating_noun": lambda v, m: v.predicative or bool(_NOUN_AFTER.match(v.right))
    or v.label.relative is not None,
    "quoted": lambda v, m: v.quoted,
    "quoted_or_capitalised": lambda v, m: v.quoted or v.capitalised,
    # a bare lower-case label before a noun is the noun's adjective ("staff did good work"), however it follows
    # another label (a relative label holds its own noun: "the highest rating given")
    "marked_or_predicative": lambda v, m: v.quoted or v.capitalised or v.predicative or v.label.relative is not None,
    "in_headline": lambda v, m: v.in_headline,
    "earlier_changed_from": lambda v, m: v.earlier is not None and v.earlier[1].rule.startswith(RuleName.CHANGED_FROM),
    "paired": lambda v, m: v.paired is not None,
    "earlier_changed_to": lambda v, m: v.earlier is not None and v.earlier[1].rule.startswith(RuleName.CHANGED_TO),
    # the label's clause opens with "but", "whereas", "while" or a semicolon and its reading carries on the clause before
    "contrast_clause": lambda v, m: v.index > 0 and v.earlier is not None and v.earlier[0] == v.clause.start
    and _GAPPING_OPENER.fullmatch(v.clause.opener) is not None,
    # the construction's subject group names an area of the framework (not the service, not a place)
    "subject_names_area": lambda v, m: m is not None and bool(listed_areas(m.group("subject"), v.ctx.era)),
    "earlier_fact": lambda v, m: v.earlier is not None and v.earlier[1].reason is None and bool(v.earlier[1].facts),
    # (or counts all of the framework's areas: "minimum improvement was required in all three areas")
    "complement_areas": lambda v, m: bool(v.complement_areas) or (
        v.complement is not None and _whole_framework(v.complement.group("words"), v.ctx) is not None),
    # the words after the label name no area ("good in engaging families")
    "no_complement_areas": lambda v, m: not v.complement_areas,
    "row": lambda v, m: v.row is not None,
    "opened_by_with": lambda v, m: v.index > 0 and regex.search(r"\bwith\s*$", v.clause.opener, _I) is not None,
    # the label's clause opens with "but", its own subject left out ("... in 2019 but is now ‘Good’")
    "opened_by_but": lambda v, m: v.index > 0 and regex.search(r"\bbut\s*$", v.clause.opener, _I) is not None,
    "opened_by_consequence": lambda v, m: v.index > 0 and _CONSEQUENCE.search(v.clause.opener) is not None,
    # "The overall verdict: ‘Good’", "Work with victims: ‘Outstanding’": the label is all the clause after a
    # colon, and the words before the colon are few enough to be its heading
    "after_colon": lambda v, m: v.index > 0 and v.clause.opener.startswith(":") and not v.left.strip(" ‘’'\"“”")
    and _EARLIER_ASIDE_ONLY.match(v.right) is not None and 0 < len(v.parts[v.index - 1].text.split()) <= 8,
    "bare_label": lambda v, m: len(v.left.split()) <= 2,
    "under_heading": lambda v, m: v.heading_above is not None,
    "relative_label": lambda v, m: v.label.relative is not None,
    "improvement_level": lambda v, m: v.label.words.split(" ")[0] in IMPROVEMENT_LEVEL_WORDS,
    "neither_quoted_nor_capitalised": lambda v, m: not v.quoted and not v.capitalised,
    "names_service": lambda v, m: bool(_SERVICE_REF.search(v.text)) or _names_place(v.text, v.ctx),
    "recipient": lambda v, m: m is not None and _recipient(m.group("subject"), v.ctx.era),
    # the label opens its clause ("Outstanding: ..."): nothing before it but a bullet or a quote
    "capitalised_or_quoted_at_start": lambda v, m: not v.left_full.strip(" ‘’'\"“”•*-–—\t")
    and (v.quoted or v.written[:1].isupper()),
}


def _is_area_name(words: str, era: str) -> bool:
    found = find_areas(words, era)
    return len(found) == 1 and not found[0].weak and found[0].start == len(words) - len(words.lstrip()) \
        and found[0].end == len(words.rstrip())


def _recipient(words: str, era: str) -> bool:
    """What a label is given to: a noun phrase with a determiner or a name, or an area ("to staff and to
    leadership"), not the verb of a purpose ("to recognise its work")."""
    if _RECIPIENT_OPENING.match(words):
        return True
    found = find_areas(words, era)
    return bool(found) and found[0].start == 0 and not found[0].weak


# The conditions that read the entry's match. Every other condition is about the label alone and is decided
# before any pattern is matched: an entry holds only when all its conditions hold, so the order changes no
# outcome, only the time ("label_is_requires" spares the subject pattern for every label that is not
# "requires improvement").
CONDITIONS_OF_THE_MATCH = frozenset({"be_or_participle", "rating_of_or_stars", "not_after_be", "subject_names_area",
                                     "recipient", "subject_is_area"})


@dataclass(frozen=True)
class _Compiled:
    entry: Cue | Construction
    pattern: regex.Pattern | None
    requires: tuple[tuple[str, regex.Pattern], ...]
    unless: tuple[tuple[str, regex.Pattern], ...]
    of_the_label: tuple[Callable[[View, regex.Match | None], bool], ...]
    of_the_match: tuple[Callable[[View, regex.Match | None], bool], ...]
    # the verb the pattern cannot match without, looked for first (see _verb_first)
    verb: regex.Pattern | None = None


# A pattern that reads its subject from the line's start up to a verb: "(?m:^)(?P<subject>.*?)...(?P<verb>...)"
_SUBJECT_FIRST = "(?m:^)(?P<subject>.*?)"


def _verb_first(pattern: str, flags: int) -> regex.Pattern | None:
    """The verb group of a subject-first pattern, as a pattern of its own, when the pattern cannot match without
    it (the group stands in the pattern's main sequence, unquantified). A lazy subject from the line's start is
    tried up to every character before the verb; the verb alone is skipped to (rated_as: 27 -> 9 us a label,
    since most texts before a label hold no rating verb). Without the verb, the pattern cannot match."""
    if not pattern.startswith(_SUBJECT_FIRST):
        return None
    rest = pattern[len(_SUBJECT_FIRST) :]
    opened = None
    for index, char, depth in pattern_structure(rest):
        if char == "|" and depth == 0:
            return None  # an alternative of the whole: the verb is not needed by every match
        if char == "(" and depth == 0 and rest.startswith("(?P<verb>", index):
            opened = index
        elif char == ")" and depth == 0 and opened is not None:
            if rest[index + 1 : index + 2] in ("?", "*") or rest.startswith("{0", index + 1):
                return None
            boundary = r"\b" if rest[:opened].endswith(r"\b") else ""
            return regex.compile(boundary + rest[opened : index + 1], flags)
    return None


def _compile(entry: Cue | Construction) -> _Compiled:
    flags = 0 if entry.case_sensitive else _I
    return _Compiled(entry, regex.compile(entry.pattern, flags) if entry.pattern else None,
                     # what must follow the label is looked at first: anchored on the label and a few words
                     # long, it is cheaper than most patterns, and every one must hold anyway
                     tuple(sorted(((look, regex.compile(p, flags)) for look, p in entry.requires),
                                  key=lambda required: required[0] != "after")),
                     tuple((look, regex.compile(p, flags)) for look, p in entry.unless),
                     tuple(CONDITIONS[name] for name in entry.conditions if name not in CONDITIONS_OF_THE_MATCH),
                     tuple(CONDITIONS[name] for name in entry.conditions if name in CONDITIONS_OF_THE_MATCH),
                     _verb_first(entry.pattern, flags) if entry.pattern and entry.look != "after" else None)


def _find(pattern: regex.Pattern, look: str, view: View) -> regex.Match | None:
    key = (pattern.pattern, pattern.flags, look)
    if key not in view.found:
        text = view.look(look)
        view.found[key] = pattern.match(text) if look == "after" else pattern.search(text)
    return view.found[key]


def _holds(compiled: _Compiled, view: View) -> regex.Match | bool | None:
    """The match (or True, for an entry without a pattern) when the entry holds for the label; else False."""
    entry = compiled.entry
    if not all(condition(view, None) for condition in compiled.of_the_label):
        return False
    match: regex.Match | None = None
    if compiled.requires and compiled.requires[0][0] == "after" and _find(compiled.requires[0][1], "after", view) is None:
        return False
    if compiled.pattern is not None and entry.pattern:
        assert entry.look is not None
        if compiled.verb is not None and _find(compiled.verb, entry.look, view) is None:
            return False
        match = _find(compiled.pattern, entry.look, view)
        if match is None:
            return False
        own_group = getattr(entry, "own_group", None)
        if own_group is not None and entry.look == "before":
            start = match.start(own_group) if match.group(own_group) is not None else match.start()
            if start < view.own_start:
                return False
    if any(_find(p, look, view) is None for look, p in compiled.requires):
        return False
    if any(_find(p, look, view) is not None for look, p in compiled.unless):
        return False
    if not all(condition(view, match) for condition in compiled.of_the_match):
        return False
    return match if match is not None else True


_CUES_BEFORE = [_compile(c) for c in CUES_BEFORE]
_CONSTRUCTIONS = [_compile(c) for c in CONSTRUCTIONS]
_CUES_AFTER = [_compile(c) for c in CUES_AFTER]
_HEADLINE = _compile(HEADLINE)


# Nothing between an earlier label (and its rating noun) and this label's verb but "and" or "but": one subject, two
# verb phrases ("... lost its ‘Outstanding’ rating and is now ‘Good’"), the earlier label's time between them
# ("Leadership was rated ‘Inadequate’ in 2019 but is now ‘Good’")
_VERB_PHRASES_JOINED = regex.compile(
    r"^[’'\"”]?(?:\s+(?:in|at|during|after)\s+(?:(?:19|20)\d\d|(?:its|the|their)\s+(?:last|previous|first|earlier)"
    r"\s+inspection))?\s*,?\s*(?:" + LABEL_NOUN + r"\s+)?(?:and|but)\s*$", _I)
_QUANTIFIER_SUBJECT = regex.compile(r"\W*(?P<word>both|all|each)\b", _I)


def _subject(construction: Construction, view: View, match: regex.Match | bool | None) -> str:
    """The words of the label's rated subject, where the construction says they are."""
    kind = construction.subject
    if kind.startswith("group:"):
        assert isinstance(match, regex.Match)
        name = kind.removeprefix("group:")
        if construction.look == "before" and construction.own_group and match.start(name) >= 0 \
                and match.start(name) < view.own_start:
            # the verb is this label's own: so is its subject (what stands before the previous label is that
            # label's): "rated “good” parts of its casework were judged “poor”"
            own = view.left_full[view.own_start : match.end(name)]
            if _VERB_PHRASES_JOINED.match(own):
                # a second verb phrase of the same subject: "The YJS has lost its ‘Outstanding’ rating and is now
                # ‘Good’" - the subject is the clause's, before the earlier label
                return view.left_full[: view.own_start]
            opening = _OPENING_ADVERBIAL.match(view.left_full)
            if opening and view.own_start <= opening.end() <= match.end(name):
                # the previous label was in a phrase opening the clause: "Despite a ‘Good’ for leadership, the
                # service was rated ..." - the subject is the words after it
                return view.left_full[opening.end() : match.end(name)]
            insert = _INSERT_OPENED.search(view.left_full[: view.own_start])
            if insert and _INSERT_CLOSED.match(own):
                if _COMPARED_OPENING.match(view.left_full[: insert.start()]):
                    # the insert was in a comparison opening the clause: "Unlike Westshire, which was rated
                    # ‘Inadequate’, Anytown was rated ‘Good’" - the subject is the words after it
                    return own[own.find(",") + 1 :]
                # the previous label was in an insert between commas: "The service, rated ‘Inadequate’ in 2019,
                # has now been rated ‘Good’" - the subject is the words before the insert
                return view.left_full[: insert.start()]
            return own
        words = match.group(name) or ""
        if not words.strip() and "verb" in match.re.groupindex and match.start("verb") > match.start():
            # a quantifier standing for the subject, read as the verb's adverb: "..., with both judged ‘Inadequate’"
            quantifier = _QUANTIFIER_SUBJECT.match(match.string, match.start(), match.start("verb"))
            if quantifier:
                return quantifier.group("word")
        return words
    if kind == "before_match":
        assert isinstance(match, regex.Match)
        offset = view.own_start if construction.look == "own" else 0
        return view.left_full[: offset + match.start()]
    if kind == "overall_owner":
        # "the overall rating" is the service's: what the phrase names inside it ("the overall rating for
        # Anytown YJS", "... for out-of-court work") and its possessor just before ("Newtown's overall rating"),
        # never the areas earlier in the clause ("rated its work with victims ‘Outstanding’, giving an overall
        # rating of ‘Good’")
        assert isinstance(match, regex.Match)
        offset = view.own_start if construction.look == "own" else 0
        before = view.left_full[: offset + match.start()]
        owner = _OVERALL_OWNER.search(before)
        return (owner.group() if owner else "") + match.group()
    if kind == "clause":
        return view.left_full
    if kind == "service":
        return view.left_full + " service"
    if kind == "before_own":
        return view.left_full[: view.own_start]
    if kind == "row":
        return view.row or ""
    if kind == "previous_clause":
        return view.parts[view.index - 1].text if view.index > 0 else ""
    if kind == "heading_above":
        return view.heading_above or ""
    return ""


# ------------------------------------------------------------------ the loop
def read_sentence(doc: Document, ctx: Context, sentence: Sentence, labels: list[LabelMatch]) -> list[Reading]:
    """A reading for each label in the sentence (label offsets are relative to the sentence)."""
    text = sentence.text
    if ctx.sector:
        return [Reading.aside("sector_wide", "the document reviews many services", rule="sector_document")
                for _ in labels]
    defined = scale_definition(text, labels)
    readings: list[Reading] = []
    parts = clauses(text)
    previous_in_clause: dict[int, tuple[int, Reading, str]] = {}
    paired, unpaired = respectively_pairs(text, labels, ctx.era)
    for index, label in enumerate(labels):
        if index in defined:
            readings.append(Reading.aside("scale_definition", rule="scale_listed"))
            continue
        if index in unpaired:
            readings.append(Reading.aside("no_rated_subject", "labels paired ‘respectively’ with fewer areas named "
                                          "before them", rule=RuleName.RESPECTIVELY))
            continue
        clause_index = max(i for i, c in enumerate(parts) if c.start <= label.start)
        clause = parts[clause_index]
        following = next((other.start for other in labels[index + 1 :]), len(text))
        earlier = previous_in_clause.get(clause.start)
        if earlier is None and clause_index > 0 and _GAPPING_OPENER.fullmatch(clause.opener) \
                and parts[clause_index - 1].start in previous_in_clause and (
                    (not text[clause.start : label.start].strip(" ‘’'\"“”")
                     and _COMPLEMENT.match(text[label.end : label.end + MAX_RIGHT]))
                    or _GAPPED_AFTER_CONTRAST.match(text[clause.start : label.start])):
            # a bare label for a complement after "but" or "whereas" contrasts with the clause before: "Planning
            # was ‘Good’ for court cases but ‘Inadequate’ for out-of-court cases" (its words begin at the clause's
            # start); a gapped conjunct after it takes the verb before: "rated staffing as ‘Good’ but planning as
            # ‘Inadequate’"
            earlier = (clause.start, *previous_in_clause[parts[clause_index - 1].start][1:])
        view = View(doc, ctx, sentence, parts, clause_index, _bounded(text, clause, label), label, earlier, following,
                    paired.get(index))
        reading = read_label(view)
        previous_in_clause[clause.start] = (label.end, reading, label.words)
        readings.append(reading)
    return readings


# Labels in a list closed by "respectively", each for the area in the same place in the list before them
_RESPECTIVELY_AFTER = regex.compile(r"^[’'\"”)]?\s*,?\s*respectively\b", _I)
_LABEL_LIST_GAP = regex.compile(r"^[’'\"”]?\s*(?:,\s*(?:and\s+|&\s+)?|and\s+|&\s+)[‘’'\"“]?$", _I)


def respectively_pairs(text: str, labels: list[LabelMatch], era: str
                       ) -> tuple[dict[int, tuple[tuple[str, str | None, str], int]], set[int]]:
    """For labels listed before "respectively": {label index: (its area's fact, the end of the list)}, pairing
    the list of labels
    with the last as many areas named before it in the sentence, in order; and the indexes of labels in such a
    list with fewer areas before them (whose pairing cannot be read: set aside, never guessed)."""
    paired: dict[int, tuple[tuple[str, str | None, str], int]] = {}
    unpaired: set[int] = set()
    for last, label in enumerate(labels):
        if not _RESPECTIVELY_AFTER.match(text[label.end : label.end + 30]):
            continue
        first = last
        while first > 0 and _LABEL_LIST_GAP.match(text[labels[first - 1].end : labels[first].start]):
            first -= 1
        count = last - first + 1
        if count < 2:
            continue
        before = text[: labels[first].start]
        areas: list[AreaMatch] = []
        for area in _areas_spelt_out(before, era):
            if _MODIFIER_OF.match(before, area.end) or any(a.entry.key == area.entry.key for a in areas):
                continue
            areas.append(area)
        # a domain after a standard qualifies it: "planning in court work and assessment in out-of-court work"
        named = [(a.entry.scope, code, name) for a, code, name in _name_areas(areas, before, era)]
        if len(named) < count:
            unpaired.update(range(first, last + 1))
            continue
        for index, fact in zip(range(first, last + 1), named[-count:], strict=True):
            paired[index] = (fact, label.end)
    return paired, unpaired


def _bounded(text: str, clause: Clause, label: LabelMatch) -> Clause:
    end = min(clause.start + len(clause.text), label.end + MAX_RIGHT)
    start = clause.start
    if label.start - clause.start > MAX_LEFT:
        cut = text.find(" ", label.start - MAX_LEFT, label.start)
        start = cut + 1 if cut >= 0 else label.start - MAX_LEFT
    return Clause(start, text[start:end], clause.opener)


def read_label(view: View) -> Reading:
    """Cues, then constructions, then the subject: the whole grammar is the tables' order."""
    for cue in _CUES_BEFORE:
        if _holds(cue, view) is not False:
            entry = cue.entry
            assert isinstance(entry, Cue)
            return Reading.aside(entry.reason, entry.detail, rule=entry.name)
    for compiled in _CONSTRUCTIONS:
        match = _holds(compiled, view)
        if match is not False:
            construction = compiled.entry
            assert isinstance(construction, Construction)
            if construction.subject == "paired" and view.paired is not None:
                return _finish(Reading(rule=construction.name, facts=[view.paired[0]]), view)
            return _as_was(view, resolve(view, construction.name, _subject(construction, view, match)))
    for cue in _CUES_AFTER:
        if _holds(cue, view) is not False:
            entry = cue.entry
            assert isinstance(entry, Cue)
            return Reading.aside(entry.reason, entry.detail, rule=entry.name)
    if _holds(_HEADLINE, view) is not False:
        return resolve(view, "headline", view.left_full)
    return Reading.aside("no_rated_subject", rule="no_construction")


_AS_WAS = regex.compile(AS_WAS, _I)
# A count of some of an area's parts: "three of the four areas of resettlement work", "two of its standards in
# court work" (never "all" or "each": those are every part)
_PARTIAL_COUNT = regex.compile(r"^\W*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|some|most|many"
                               r"|several|half)\s+(?:out\s+)?of\s+(?:the|its|their)\s+(?:\w+\s+)?(?:areas?|aspects?|standards?"
                               r"|parts?|elements?|categories)\b", _I)
# The breaks after which a clause may leave out the verb of the clause before (gapping): a contrast ("but",
# "whereas", "while"), or a semicolon ("Staffing was rated as good; leadership as outstanding")
_GAPPING_OPENER: regex.Pattern = regex.compile(r"\s+(?:but|whereas|while|whilst)\s+|;\s*", _I)
_GAPPED_AFTER_CONTRAST = regex.compile(GAPPED_AFTER_CONTRAST, _I)
# An insert between commas, dashes or brackets that holds a label: its opening (", rated ‘", " – which was judged
# ‘", "(rated ‘") and its close (the rest of the insert, a comma, dash or bracket, then the verb of the clause)
_INSERT_OPENED = regex.compile(r"(?:,|\s[–—-]|\()\s*(?:(?:which\s+(?:was|had\s+been)\s+|having\s+(?:previously\s+)?been\s+|once\s+|previously\s+"
                               r"|then\s+|formerly\s+)?"
                               r"(?:rated|graded|judged|found\s+to\s+be|deemed)\s+(?:as\s+)?"
                               # an adverb of time alone: "Information and facilities, previously ‘Inadequate’, are now"
                               r"|(?:once|previously|formerly|then|having\s+(?:previously\s+)?been)\s+"
                               # a relative clause with another verb: "Anytown, which had an ‘Inadequate’ in 2019, is now"
                               r"|(?:which|who)\s+(?:[^,;‘’'\"“”]{1,50}?\s)?)[‘’'\"“”]?[^,;‘’'\"“”]{1,40}(?:[’'\"”][^,;‘’'\"“”]{0,30})?$",
                               _I)
_INSERT_CLOSED = regex.compile(r"^[’'\"”]?[^,;()–—]{0,40}?(?:,|\s[–—-]|\))\s*(?:\w+\s+){0,3}$", _I)
# The possessor of "overall rating" just before it: "Newtown's", "Anytown YJS's", "its", "the service's"
_OVERALL_OWNER = regex.compile(r"(?:(?:(?-i:[A-Z])[\w&.-]*\s+){0,4}(?-i:[A-Z])[\w&.-]*[’']s?|\b(?:its|their|the\s+\w+[’']s))"
                               r"\s+(?:(?:new|latest|final|first)\s+)?$", _I)
# The 2024 programme's standard that the 2018 framework has not got, and the year it was first rated.
_VICTIMS = CHILDREN_AND_VICTIMS_2024[0].name
VICTIMS_RATED_FROM = 2024
_RECIPIENT_OPENING = regex.compile(RECIPIENT_OPENING, _I)


def _as_was(view: View, reading: Reading) -> Reading:
    """The areas a comparative clause after the label adds to a reading of areas."""
    match = _AS_WAS.match(view.right)
    if match is None or reading.reason is not None or not reading.facts \
            or any(scope == Scope.PREVIOUS for scope, _, _ in reading.facts):
        return reading
    more = [fact for fact in _facts(listed_areas(match.group("words"), view.ctx.era), view) if fact not in reading.facts]
    if more:
        reading.facts = [*reading.facts, *more]
        reading.rule += "+as_was"
    return reading


# ------------------------------------------------------------------ the subject
def resolve(view: View, rule: str, subject: str) -> Reading:
    """The facts a construction's subject gives: areas of the framework, or the service itself."""
    ctx, era = view.ctx, view.ctx.era
    complement = view.complement
    # "not effective in protecting the public, ..." summarises the themes' own judgements: never for its complement
    # in "in"; "rated 'not effective' for work to protect the public" rates the theme
    areas = list(view.complement_areas) if view.label.words != "not effective" or (
        complement and complement.group("prep").lower() == "for") else []
    complement_words = complement.group("words") if complement else ""
    named = _COMPLEMENT_NAME.match(complement_words) if complement else None
    if named and (is_place(named.group("name")) or named.group("own")) \
            and _other_service(named.group("name"), ctx, opens_sentence=False) \
            and not _this_service(named.group("name"), ctx):
        # the label is for another place or service, named right after "for" or "in": "compares with
        # ‘Outstanding’ for Newtown", "‘Good’ in Newtown's court work"
        return Reading.aside("other_service", named.group("name"), rule="other_service_complement")
    place_opening = _PLACE_OPENING.match(view.text)
    if place_opening and place_opening.end() <= view.label.start and is_place(place_opening.group("name")) \
            and _other_service(place_opening.group("name"), ctx, opens_sentence=False) \
            and not _this_service(place_opening.group("name"), ctx):
        # the clause opens in another place: "In Westshire, staffing was rated ‘Outstanding’" is Westshire's
        return Reading.aside("other_service", place_opening.group("name"), rule="other_place_opening")
    if complement and not areas and _count_words(complement_words):
        including = _included_in_count(complement_words, era)
        if including:
            # the count names some of its areas after it: "rated ‘Outstanding’ in four, including staffing"
            return _finish(Reading(rule=f"{rule}+including", facts=_facts(including, view)), view)
        counted = _areas_counted_before(view, complement_words)
        if counted:
            # "in each", "in all three": the areas the sentence named before the label ("scored 72% for
            # safeguarding, 65% for risk of harm and 70% for likelihood of reoffending, meaning moderate
            # improvement is required in each")
            return _finish(Reading(rule=f"{rule}+counted_before", facts=_facts(counted, view)), view)
        all_of = _ALL_COUNTED.match(complement_words)
        named = [a for a in listed_areas(_subject_head(_ASIDE.sub(" ", subject)), era) if not a.weak] \
            if all_of and all_of.group("noun").lower() != "domains" else []
        if len(named) == 1 and named[0].entry.scope == Scope.DOMAIN:
            facts = _standards_of(named[0], ctx)
            if facts and len(facts) == parse_count(all_of.group("n")):
                # every standard of the domain the subject names, counted: "Its court work was rated ‘Good’ in
                # all four standards"
                return _finish(Reading(rule=f"{rule}+every_standard", facts=facts), view)
        whole = _whole_framework(complement_words, ctx)
        if whole:
            # all of the framework's areas, counted: "needed moderate improvement in all three areas" (a core case
            # inspection's three), "rated ‘Good’ in all three domains"
            return _finish(Reading(rule=f"{rule}+whole_framework", facts=whole), view)
        return Reading.aside("count_of_areas", f"{complement.group('prep')} {complement_words[:40]}", rule="counted_complement")
    if complement and not areas and _CASES.search(complement_words[:60]) \
            and not listed_areas(_subject_head(_ASIDE.sub(" ", subject)), era):
        # (an area's label for the kinds of case it covers is the area's: "The quality of work with children was
        # rated ‘Good’ for both court and out-of-court cases")
        return Reading.aside("ordinary_word", "describes cases, not the service", rule="cases_complement")
    if _THANKED_FOR.search(subject):
        # people thanked for winning a rating won it for the service: "The Cabinet Member thanked staff for
        # achieving an ‘Outstanding’ rating" (the Staff standard is not what was rated)
        subject, rule = "the service", rule + "+thanked"
    if not areas:
        which = _WHICH_ANTECEDENT.match(_ASIDE.sub(" ", subject))
        if which:
            subject = which.group("np")  # the thing "which was rated": the noun phrase just before
            rule += "+which"
    head = _subject_head(_ASIDE.sub(" ", subject))
    excepting = _EXCEPTING_PHRASE.match(subject)
    if excepting and not areas:
        # a participle insert after the phrase that excepts an area rates that area: "Apart from resettlement,
        # rated ‘Outstanding’, all areas were ‘Good’"
        head = excepting.group("np")
    excepted = _EXCEPTED_IN_SUBJECT.search(head)
    if excepted and not areas:
        # "All areas except planning were rated ‘Good’": what is excepted is not what was rated
        head = head[: excepted.start()]
    if areas and all(a.entry.scope == Scope.DOMAIN for a in areas):
        # the standard the subject names, in the domain the complement names: "Planning was judged ‘Good’ for
        # court cases" is court disposals' planning; a bare "‘Inadequate’ for out-of-court cases" after it
        # takes the same standard in its own domain
        in_subject = listed_areas(head, era)
        named = [a for a in in_subject if a.entry.relative is not None]
        if named and _at_head(head, named[0]):
            areas = named + areas
        elif in_subject and _at_head(head, in_subject[0]) and all(a.entry.scope != Scope.DOMAIN for a in in_subject):
            # a standard of no domain, qualified by the kinds of case it covers: "The quality of work with children
            # was rated ‘Good’ for both court and out-of-court cases" rates the work with children
            areas = in_subject
        elif not subject.strip() and view.earlier is not None and view.earlier[1].reason is None:
            areas = _standards_named_before(view.earlier[1], era) + areas
    counted_aside = _COUNTED_COMMA_ASIDE.match(subject) if not areas else None
    if counted_aside:
        # "three were judged satisfactory and one, protecting the public, was poor": the count's areas named
        # between commas after it
        areas = listed_areas(counted_aside.group("words"), era, allow_weak=True)
        if areas:
            rule += "+aside"
    if not areas and (_COUNT.search(head) or _COUNT_WITHOUT_NOUN.match(head) or _VAGUE_WORK.match(head.strip())) \
            and not listed_areas(head, era):
        # "Two aspects – staffing, and diversion planning – stood out as
        # ‘Outstanding’", "Some of its work – assessments for court cases – was rated ‘Inadequate’": the
        # areas are named in the aside
        areas = _aside_areas(subject, era)
        if areas:
            rule += "+aside"
    if not areas:
        referred = _referred(view, head, subject)
        if referred is not None:
            found, how = referred
            if isinstance(found, Reading):
                return found
            if found:
                return _finish(Reading(rule=f"{rule}+{how}", facts=_facts(found, view)), view)
            if how == "service":
                return _finish(Reading(rule=f"{rule}+antecedent", facts=[("overall", None, "Overall")]), view)
    if view.label.words == "not effective" and not areas:
        # "Overall, governance was not effective": the theme is the subject; "the service was not effective in
        # protecting the public, ..." summarises the themes' own judgements
        areas = listed_areas(head, era) if rule.split("+")[0] in ("copula", "rated_as", "table_line",
                                                                  "active_rating") else []
        if not areas:
            return Reading.aside("no_rated_subject", "'not effective' judges a theme named as the subject",
                                 rule="not_effective_without_theme")
    if not areas:
        areas = listed_areas(head, era)
        if not areas and _COUNT.search(head):
            areas = _including(view, era)
            if areas:
                rule += "+including"
        if areas and rule.split("+")[0] in ("copula", "requires_improvement") and not _at_head(head, areas[0]):
            topic = _topic_of_the_service(head, ctx)
            if topic:
                # the service (or its rating) rated for a topic that opens the sentence: "Regarding staff, the
                # rating was ‘Outstanding’", "With regard to information, the service was ‘Good’"
                return _finish(Reading(rule=rule + "+topic", facts=_facts(topic, view)), view)
            # "Work with those families ..., as regards contact as well as the delivery of interventions, was
            # good": the subject is the work with children, not the area named at its end
            return Reading.aside("no_rated_subject", "the area is not the subject of the judgement",
                                 rule="area_not_subject")
    if areas and _PARTIAL_COUNT.match(head):
        # "Three of the four areas of resettlement work were judged ‘Good’": some parts of an area, unnamed
        return Reading.aside("count_of_areas", "some of an area's parts, unnamed", rule="counted_part")
    every = _EVERY_ASPECT.search(head)
    if areas and every and len(areas) == 1 and areas[0].entry.scope == Scope.DOMAIN:
        facts = _standards_of(areas[0], ctx)
        if facts:
            return _finish(Reading(rule=rule + "+every_standard", facts=facts), view)
    if areas:
        return _finish(Reading(rule=rule, facts=_facts(areas, view)), view)
    return _service_reading(view, rule, subject, head)


def _standards_named_before(earlier: Reading, era: str) -> list[AreaMatch]:
    """The domain-relative standards (assessment ... reviewing) an earlier reading in the clause rated."""
    out = []
    for scope, _, name in earlier.facts:
        standard = name.split(": ", 1)[-1]
        if scope == Scope.STANDARD:
            out += [a for a in find_areas(standard, era) if a.entry.relative is not None and a.start == 0]
    return out


def _facts(areas: list[AreaMatch], view: View) -> list[tuple[str, str | None, str]]:
    # A standard named without its domain takes the domain named in its clause or an earlier one:
    # "Assessment and planning in out-of-court work were "inadequate", with implementation and
    # delivery listed as "requiring improvement"."
    context = view.text[max(0, view.clause.start - MAX_LEFT) : view.clause.start + len(view.clause.text)]
    return [(a.entry.scope, code, name) for a, code, name in _name_areas(areas, context, view.ctx.era)]


# A service named as another than this one: "its neighbouring service", "another youth offending team"
_ANOTHER_SERVICE = regex.compile(
    r"\b(?:neighbouring|neighboring|nearby|adjoining|another|other|sister|different)\s+(?:youth\s+(?:justice|offending)\s+)?"
    r"(?:services?|teams?|YOTs?|YJSs?|YOSs?|councils?|authorit(?:y|ies))\b"
    # "Northshire's neighbour, Westshire, was rated ...", "its nearest neighbours"
    r"|\b(?:its|their|(?-i:[A-Z])[\w-]*[’']s)\s+(?:nearest\s+|closest\s+|close\s+)?neighbou?rs?\b", _I)
# The service for adults, or another body of the justice system, at the head of the subject: "Anytown's adult
# probation service was rated ..." (named in an aside, "works closely with the Probation Service", it is not)
_OTHER_JUSTICE_BODY_HEAD = regex.compile(
    r"^\W*(?:the\s+|its\s+|(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*[’']s\s+)?(?:adult\s+|local\s+)?(?:probation\s+(?:service|region"
    r"|delivery\s+unit)|police\s+force|prison)\b", _I)
# Another of the council's services at the end of the subject: "The council's SEND services were judged ...",
# "Anytown's fostering service was rated ..." (Ofsted's and the CQC's to inspect, not this inspection's)
_OTHER_COUNCIL_SERVICE_END = regex.compile(
    r"\b(?:SEND|special\s+educational\s+needs(?:\s+and\s+disabilit(?:y|ies))?|children[’']?s?[’']?(?:\s+social\s+care)?"
    r"|adults?[’']?s?(?:\s+social\s+care)?|social|fostering|adoption|housing|education(?:al)?|(?:mental\s+)?health|CAMHS"
    r"|early\s+years|schools?|care)\s+(?:services?|provision|care|teams?)\W*$|\b(?:children[’']?s|adult)\s+social\s+care\W*$",
    _I)
# ... but not in an aside between commas: "Anytown YJS, like another service in the region, was rated ..."
_COMMA_ASIDE = regex.compile(r",[^,]{1,100},")
# A board is the head of the subject: the body that oversees the service, not the service, whatever names it
# ("The Anytown Youth Justice Management Board was rated ...", "the youth justice board in Anytown was found to
# be ...": its governance, which the board's work is only part of, or the national Youth Justice Board)
_BOARD_HEAD = regex.compile(r"\bboards?(?:\s+(?:in|of|for)\s+(?-i:[A-Z])[\w’'&-]*(?:\s+(?-i:[A-Z])[\w’'&-]*){0,3})?\W*$",
                            _I)


def _service_reading(view: View, rule: str, subject: str, head: str) -> Reading:
    """No area is named: the service itself, another service, or nothing."""
    ctx = view.ctx
    left, clause_text = view.left, view.clause.text
    complement_words = view.complement.group("words") if view.complement else ""
    if rule == RuleName.COORDINATED and view.earlier is not None and _OVERALL_AFTER.match(view.right) \
            and not any(scope in (Scope.OVERALL, Scope.PREVIOUS) for scope, _, _ in view.earlier[1].facts):
        # "overall" after a coordinated label: the service's own rating, beside its area's ("rated ‘Outstanding’
        # for leadership and ‘Good’ overall"), not the area's again
        return _finish(Reading(rule=rule + "+overall", facts=[("overall", None, "Overall")]), view)
    if rule in (RuleName.COORDINATED, RuleName.HAVING_BEEN, RuleName.EARLIER_ADVERB_INSERT) and view.earlier is not None:
        if _COUNT_ONLY.match(left) or regex.match(r"^\W*(?:and\s+)?(?:\d+|one|two|three|four|five|six|seven"
                                                 r"|eight|nine|ten|eleven|twelve)\s+[‘’'\"“”]?$", left, _I):
            return Reading.aside("count_of_areas", "a number before the label", rule="counted_coordinate")
        return _finish(_inherit(view.earlier[1], rule, view), view)
    if _CASES.search(head) and not _SERVICE_REF.search(head):
        return Reading.aside("ordinary_word", "describes cases, not the service", rule="cases_subject")
    if _COUNT_ONLY.match(head) or (_COUNT.search(head) and not _SERVICE_REF.search(_COUNT.sub(" ", head))):
        whole = _whole_framework(head, ctx)
        if whole:
            return _finish(Reading(rule=rule + "+whole_framework", facts=whole), view)  # "All three domains were"
        kind = "vague_area" if regex.search(r"\b(?:some|several|many|certain|specific|other|various|a number of)\b",
                                            head, _I) else "count_of_areas"
        return Reading.aside(kind, "the subject counts unnamed areas", rule="counted_subject")
    if _COUNT_ADVERBIAL.search(left):
        return Reading.aside("count_of_areas", "the label is given in a count of areas", rule="counted_adverbial")
    other = _other_service(head, ctx) or _other_place_attached(subject, ctx)
    # (this service named only in an aside does not make the head its: "Rutland, Anytown's neighbour, was rated")
    if other is not None and not _this_service(_COMMA_ASIDE.sub(" ", head), ctx):
        return Reading.aside("other_service", other, rule="other_service")
    another = _ANOTHER_SERVICE.search(_COMMA_ASIDE.sub(" ", head)) or _OTHER_JUSTICE_BODY_HEAD.match(head.strip()) \
        or _OTHER_COUNCIL_SERVICE_END.search(_COMMA_ASIDE.sub(" ", head))
    if another:
        # "Anytown's neighbouring service in Newtown was rated ...": this service's name, another's rating
        return Reading.aside("other_service", another.group(), rule="another_service")
    board = _BOARD_HEAD.search(_COMMA_ASIDE.sub(" ", head))
    if board:
        return Reading.aside("no_rated_subject", "a board, not the service", rule="board_subject")
    possessed = _POSSESSED.search(head.strip())
    if not (possessed and _names_place(possessed.group("place"), ctx)):
        possessed = _SERVICE_POSSESSED.search(head.strip())
    if possessed and not _WHOLE_SERVICE.search(possessed.group("rest")):
        # "Anytown's canteen was rated ‘Good’", "The YOT's case management system was rated ...": something of the
        # service's that no vocabulary names, not the service ("Anytown's youth justice service", "the service's
        # work" are)
        return Reading.aside("no_rated_subject", possessed.group().strip()[-60:], rule="possessed_not_service")
    # "Overall," opening a clause is an adverb: "Overall, work to protect the public was good" rates the work,
    # which no vocabulary names here, not the service.
    construction = rule.split("+")[0]
    overall_word = _OVERALL_WORD.search(clause_text) and (construction != RuleName.COPULA or regex.match(
        r"^[’'\"”]?\s+overall\b", view.right, _I) or regex.search(r"\boverall\s+(?:rating|judgement|grade)", clause_text, _I))
    outcome = _INSPECTION_OUTCOME.match(head)
    if construction == RuleName.COLON and not (_OVERALL_WORD.search(subject) or _this_service(subject, ctx)
                                                or _SERVICE_REF.search(subject) or outcome):
        return Reading.aside("no_rated_subject", subject.strip()[-60:] or None, rule="subject_not_rated")
    if not (_this_service(head, ctx) or _this_service(complement_words, ctx) or outcome or construction in (
            RuleName.OVERALL_IS, RuleName.RATING_OF, RuleName.RATING_APPOSITION, RuleName.HEADLINE,
            RuleName.ATTRIBUTIVE, RuleName.RATING_NOUN,
            RuleName.RECEIVED, RuleName.CHANGED_TO, RuleName.COLON)
            or overall_word):
        return Reading.aside("no_rated_subject", subject.strip()[-60:] or None, rule="subject_not_rated")
    purpose = _WORK_FOR_A_PURPOSE.search(head)
    if purpose:
        # the work named by what it is for, which no vocabulary names here: a part of the service's work, not the
        # service ("The service's work to keep children and the community safe was judged ...")
        return Reading.aside("no_rated_subject", purpose.group(), rule="work_for_a_purpose")
    topic = _TOPIC_OPENING.match(view.text)
    if topic is not None and topic.end() <= view.label.start:
        # the service rated for a topic that opens the sentence: "When it came to out-of-court disposals,
        # inspectors rated the service ‘Outstanding’" rates the out-of-court work
        areas = listed_areas(topic.group("topic"), ctx.era)
        if areas:
            return _finish(Reading(rule=rule + "+topic", facts=_facts(areas, view)), view)
    return _finish(Reading(rule=rule, facts=[("overall", None, "Overall")]), view)


# The inspection's outcome as the subject: the service's overall rating ("The outcome of the inspection was ‘Good’",
# "The inspection outcome was Good", "RESOLVED: That the outcome of the inspection (Good) be noted")
_INSPECTION_OUTCOME = regex.compile(
    r"^\W*(?:that\s+)?(?:the\s+|its\s+|this\s+|our\s+)?(?:(?:overall\s+)?(?:outcome|result|verdict|judgement|judgment|grade"
    r"|grading)\s+(?:of|from)\s+(?:the\s+|this\s+|its\s+|their\s+|our\s+)?(?:(?:recent|latest|last|previous|full|joint)\s+)?"
    r"(?:(?:HMIP|HMI\s+Probation)\s+)?inspection|(?:(?:recent|latest|last|previous|full|joint)\s+)?(?:(?:HMIP|HMI\s+Probation)\s+)?"
    r"inspection(?:[’']s)?\s+(?:overall\s+)?(?:outcome|result|verdict|judgement|judgment|grade|grading)"
    # a rating noun with nothing but its time or the inspection beside it: "Current rating: Good", "Previous
    # rating: Requires improvement", "Rating at last inspection: Good" (its time decides which inspection's; a bare
    # "Rating:" may head any box, a standard's as well as the service's)
    r"|(?:(?:current|new|latest|recent|present|previous|last|earlier|former|prior|inspection|HMIP|HMI\s+Probation)\s+)+"
    r"(?:rating|grade|grading)|(?:rating|grade|grading)\s+(?:at|from)\s+(?:the\s+|its\s+)?(?:last|previous|latest|this"
    r"|recent)\s+inspection)\W*$",
    _I)
# What stands for the service, or its rating, as a clause's subject after a topic: "the rating", "it", "the service"
_RATING_OR_IT = regex.compile(r"^\W*(?:it|(?:the|its)\s+(?:overall\s+)?(?:rating|grade|grading|verdict|judgement|judgment"
                              r"|outcome))\W*$", _I)


def _topic_of_the_service(head: str, ctx: Context) -> list[AreaMatch]:
    """The areas of a topic opening the subject when the rest of it is the service or its rating ("Regarding
    staff, the rating" - staff)."""
    topic = _TOPIC_OPENING.match(head)
    if topic is None:
        return []
    rest = head[topic.end() :]
    if not (_RATING_OR_IT.match(rest) or _this_service(rest, ctx) or _SERVICE_REF.search(rest)) \
            or listed_areas(rest, ctx.era):
        return []
    return listed_areas(topic.group("topic"), ctx.era)


# A topic opening the sentence, before its main clause: "When it came to court work, ...", "As for staffing, ...",
# "On leadership, ..." (only an area's name makes it a topic: "On 3 May, ...", "On balance, ..." name none),
# "For its work with sentenced children, ..." (never people it is for: "For the staff, ...")
_TOPIC_OPENING = regex.compile(
    r"^\W*(?:when\s+it\s+(?:came|comes)\s+to|as\s+for|as\s+regards|regarding|with\s+(?:regard|respect)\s+to"
    r"|in\s+(?:terms\s+of|relation\s+to)|turning\s+to|as\s+far\s+as|on"
    r"|for(?!\s+(?:all\s+)?(?:the\s+|its\s+|their\s+)?(?:staff|team|workers|practitioners|volunteers|managers|everyone"
    r"|colleagues|children|young\s+people|families|victims)\b))\s+(?P<topic>[^,;.]{2,80}?)"
    r"(?:\s+(?:is|was|are|were)\s+concerned)?,\s+", _I)


def _finish(reading: Reading, view: View) -> Reading:
    """Time and framework: an earlier inspection's rating, a label the framework does not give."""
    ctx, label = view.ctx, view.label
    # labels paired by "respectively" share the time after their list: "rated ‘Good’ and ‘Inadequate’
    # respectively in 2019"
    end = view.paired[1] if view.paired else label.end
    after = view.text[end : end + 120]
    left = view.left_full
    insert = _INSERT_OPENED.search(left[: view.own_start]) if view.own_start else None
    if insert and _INSERT_CLOSED.match(left[view.own_start :].rstrip("‘’'\"“” ") + " "):
        # an earlier label's insert is that label's time, not this one's: "Staff, previously rated ‘Inadequate’,
        # was judged ‘Good’ this time"
        # (the rest of the insert is the earlier label's too: "which was rated ‘Inadequate’ three years ago,")
        own = left[view.own_start :]
        left = left[: insert.start()] + " " + own[own.find(",") + 1 :]
    elif view.earlier is not None and view.own_start:
        # a year right after the earlier label, before a comma, dates that label only: "rated ‘Good’ by Ofsted in
        # 2021, and its youth justice service was rated ‘Outstanding’" ("In 2019, ... ‘Good’ for staff and
        # ‘Inadequate’ for planning" keeps its year for both)
        own = left[view.own_start :]
        comma = own.find(",")
        if comma > 0 and _YEAR.search(own[:comma]):
            left = left[: view.own_start] + own[comma:]
    if view.index > 0 and (regex.search(r"\bwith\s*$", view.clause.opener, _I)
                           or reading.rule.split("+")[0] == RuleName.COLON):
        # an absolute clause ("..., with all three categories receiving ...") has its main clause's time; a label
        # after a colon the time of what it rates before the colon ("Previous rating: Requires improvement")
        left = view.parts[view.index - 1].text[-MAX_LEFT:] + " " + left
    previous = reading.rule.startswith((RuleName.CHANGED_FROM, RuleName.PREVIOUS_INSERT, RuleName.HAVING_BEEN,
                                        RuleName.EARLIER_ADVERB_INSERT, RuleName.FRONTED_EARLIER)) or (
        not reading.rule.startswith(RuleName.CHANGED_TO)
        and _is_previous(ctx, left, after[:MAX_RIGHT] if view.paired else view.right, after))
    if previous:
        reading.facts = [("previous", None if scope in (Scope.OVERALL, Scope.PREVIOUS) else code,
                          "Overall" if scope in (Scope.OVERALL, Scope.PREVIOUS) else name)
                         for scope, code, name in reading.facts]
        if not reading.rule.endswith(PREVIOUS_SUFFIX):
            reading.rule += PREVIOUS_SUFFIX
        return reading
    if ctx.era == Framework.STANDARDS_2018 and ctx.latest_year is not None and ctx.latest_year < VICTIMS_RATED_FROM \
            and any(name == _VICTIMS for _, _, name in reading.facts):
        # work with victims is rated on its own only from the 2024 programme: in a document that speaks of no
        # year after 2023 it is a finding ("victims' needs there were not always met"), not a standard
        reading.facts = [fact for fact in reading.facts if fact[2] != _VICTIMS]
        if not reading.facts:
            return Reading.aside("no_rated_subject", "work with victims is rated on its own only from 2024",
                                 rule="victims_before_2024")
    scopes = {scope for scope, _, _ in reading.facts}
    if "overall" in scopes and not ctx.has_overall and not _OVERALL_WORD.search(view.clause.text):
        return Reading.aside("no_overall_in_framework", "the framework of this inspection gives no overall rating",
                             rule="no_overall_in_framework")
    if label.relative is None and not label_on_era_scale(canonical_words(label.words), ctx.era):
        # The 2009-2012 core case inspections judged how much improvement each area needed, the 2018 framework
        # rates Outstanding to Inadequate: "poor" or "inadequate" outside its scale is a paraphrase.
        return Reading.aside("other_scale", "the inspection's framework judges on another scale", rule="other_scale")
    return reading


def canonical_words(words: str) -> str:
    from models.vocabulary import canonical_label

    return canonical_label(words)


# After a label, words that place it in this inspection: "rated it ‘Good’ this time"
_NOW_AFTER = regex.compile(r"^[’'\"”]?(?:\s+by\s+[^,.;]{2,40}?)?\s*,?\s*(?:this\s+time|now|on\s+this\s+occasion|at\s+this\s+inspection"
                           r"|in\s+this\s+inspection|this\s+year)\b", _I)


# "previously" opening an aside that holds the next label is that label's: "‘Good’ (previously ‘Inadequate’)"
_NEXT_IS_PREVIOUS = regex.compile(r"^[’'\"”]?\s*(?:\(|,|\s[–—-])\s*(?:previously|formerly|once)\s*[‘'\"“]?$", _I)


# A noun phrase in apposition between commas: its year is the noun's, not the label's ("Resettlement, a standard
# added in 2021, was rated ‘Good’"); a time between commas still dates it ("The service, in 2019, was rated ...")
_APPOSITIVE_NP = regex.compile(r",\s*(?:a|an|the)\s+[^,;:()‘’'\"“”]{1,80},(?=\s*\S)", _I)


def _blank(match: regex.Match) -> str:
    return " " * len(match.group())


def _is_previous(ctx: Context, left: str, right: str, after: str) -> bool:
    if _ORDINAL_WORD.search(left) or _ORDINAL_WORD.search(right):
        left, right = _ORDINAL_IN_WORDS.sub(_blank, left), _ORDINAL_IN_WORDS.sub(_blank, right)
    if _DESTINATION.search(left) or _NOW_AFTER.match(right) or _NEXT_IS_PREVIOUS.match(right):
        return False  # "from ... to recently achieving “good” status": the destination is today's
    if _PREVIOUS.search(left) or _PREVIOUS_AFTER.match(right) or _SINCE_AFTER.match(after):
        return True
    if ctx.latest_year is not None:
        # "'Requires improvement', the same grade as in 2019": the earlier year is the comparison's, not the label's
        # (on either side: "Anytown's rating is the same as in 2019: ‘Good’")
        right = _SAME_AS_BEFORE.sub(" ", right[:100])
        left = _SAME_AS_BEFORE.sub(" ", left[-200:])
        modifier = _YEAR_MODIFIER.search(left)
        if modifier:
            return int(modifier.group("year")) < ctx.latest_year
        own = _OWN_YEAR.match(right)
        if own:
            # the label's own time, right after it, is its time, whatever an earlier label's was: "rated ‘Good’
            # in 2019 and ‘Outstanding’ in 2022"
            return int(own.group("year")) < ctx.latest_year
        for match in _YEAR.finditer(_APPOSITIVE_NP.sub(" ", left[-200:])[-80:] + " " + right):
            year = int(match.group("year") or match.group("year2"))
            if year < ctx.latest_year:
                return True
    return False


def _inherit(earlier: Reading, rule: str, view: View | None = None) -> Reading:
    """The earlier label's subjects, at this label's own time: an earlier inspection's subject is read again from
    its name ("rated ‘Good’ in 2019 and ‘Outstanding’ in 2022": the second is today's), and _finish dates it."""
    facts: list[tuple[str, str | None, str]] = []
    for scope, code, name in earlier.facts:
        if scope != Scope.PREVIOUS or view is None:
            facts.append((scope, code, name))
        elif name == "Overall":
            facts.append((Scope.OVERALL, None, "Overall"))
        else:
            facts.extend(_facts(listed_areas(name, view.ctx.era), view) or [(scope, code, name)])
    return Reading(rule=rule, facts=facts)


# ------------------------------------------------------------------ references: it, this, both, all three
# A subject that only points back: a pronoun, a demonstrative, a count of the areas just named.
# "it", "this", "both", "all three", "all three categories", "each of these three", "these areas", "both aspects"
_REFERENCE = regex.compile(
    r"^\W*(?:and\s+|with\s+|but\s+|while\s+)?(?:"
    r"(?P<pronoun>it|this|that|they|them|these|those|both|all|each|all\s+of\s+(?:them|these|those)"
    r"|each\s+of\s+(?:them|these|those)|both\s+of\s+(?:them|these|those)|they\s+all|these\s+all|they\s+both)"
    # a singular noun that only points back: "with the standard rated ‘Outstanding’", "this area"
    r"|(?P<area_noun>(?:the|this|that)\s+(?:standard|area|aspect|domain|theme|element))"
    r"|(?:(?:all|both|each)\s+(?:of\s+)?)?(?:the\s+|these\s+|those\s+)?(?P<count>two|three|four|five|six|seven|eight"
    r"|nine|ten|\d{1,2}(?!\s*(?:%|per\s*cent)))(?:\s+of\s+(?:them|these|those))?(?:\s+(?:key\s+)?(?:areas?|aspects?|categories|category|themes?"
    r"|standards?|criteria|parts?|elements?|judgements?)(?:\s+of\s+(?:the\s+|its\s+|their\s+|\w+[’']s\s+)?(?:work|service))?)?"
    # some of a counted whole: "two of the three domains", "four of its 12 standards"
    r"(?P<partitive>\s+(?:out\s+)?of\s+(?:the|its|their|\w+[’']s)\s+(?:\w+\s+)?(?:areas|aspects|categories|themes|standards|domains"
    r"|criteria|parts|elements|judgements))?"
    r"|(?P<demonstrative>(?:both|all|each\s+of)\s+(?:the\s+|these\s+|those\s+)?(?:areas?|aspects?|categories|themes?"
    r"|standards?|criteria|parts?|elements?)|(?:these|those)\s+(?:key\s+)?(?:areas?|aspects?|categories|themes?"
    r"|standards?|criteria|parts?|elements?)))\W*$", _I)
# Nothing after the label but an aside in brackets or an earlier label: "The overall verdict: ‘Good’ (previously
# ‘Requires improvement’)", "Overall rating: Good, up from Requires improvement"
# (the view's right ends at the next label: " (previously ")
_EARLIER_ASIDE_ONLY: regex.Pattern = regex.compile(
    r"^[’'\"”]?\s*(?:\([^()]{0,80}\)?|,\s*(?:previously|formerly|(?:up|down)\s+from|once)\b[^.;:]{0,60})?[\s.!‘'\"“]*$", _I)
# The list a count of areas after the label stands for: "gave ‘Outstanding’ ratings to three areas: staff, ...",
# "... three areas, namely staff, ..."
_LIST_AFTER_COUNT = regex.compile(r"\b(?:areas|standards|aspects|domains|categories|themes)(?:\s+of\s+(?:the\s+|its\s+|their\s+"
                                   r"|\w+[’']s\s+)?(?:work|service))?\s*(?::|,\s*(?:namely|that\s+is)\b|\s[–—-])"
                                   r"\s*(?P<words>[^.;:–—]{3,240})", _I)
# (a list between dashes ends at the second: "rated two of the three domains ‘Good’ – X and Y – but Z ‘Inadequate’")
_LIST_AFTER_COLON = regex.compile(r"^[’'\"”]?\s*[:–—]\s*(?P<words>[^.;:–—]{3,240})")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# A clause's subject ends at its first verb: "Anytown's board leadership impressed the inspectors"
_FIRST_VERB = regex.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|remains?|remained|became|becomes"
    r"|impressed|received|achieved|got|earned|gained|showed|shows|demonstrated|made|makes|provided|provides"
    r"|needs?|needed|requires?|required|stood|stands|scored|reached|fell|rose|continues?|continued)\b", _I)
# Who rates, never what is rated: "inspectors", "the inspectorate", "they" (the inspectors), "the report"
_RATER = regex.compile(r"^\W*(?:and\s+|but\s+)?(?:the\s+)?(?:inspectors?|inspectorate|inspection|watchdog|hmip|hmi\s+probation"
                       r"|report|we|they|he|she|(?:chief\s+)?inspector\b.*)\W*$", _I)
# Two things joined: "this" cannot say which of them it means
_COORDINATION = regex.compile(r"\s(?:and|or|as\s+well\s+as)\s|,", _I)
# A sentence whose subject is the raters: what it names after them is what they looked at
_RATER_OPENS = regex.compile(r"^\W*(?:the\s+)?(?:inspectors|inspection\s+team|inspectorate|we)\s+(?!said|say|says|told"
                             r"|believe|believed|felt|feel|thought|think)\w+", _I)
_RATING_VERB_END = regex.compile(r"\b(?:rating|rated|rates|rate|graded|grades|grade|judged|judges|judge|gave|gives|give"
                                 r"|awarded|awards|considered|deemed|found|finds|classed|classified|scored|assessed"
                                 r"|handed|labelled|branded)\s*$", _I)
_EXCEPT = regex.compile(r"\bexcept(?:\s+for)?\b(?P<words>[^.;]{2,120})", _I)
# The words that except something from what is said ("bar" only after the whole it excepts from; "besides" only
# opening a phrase that excepts: "Besides resettlement, rated ‘Outstanding’, all areas were ‘Good’")
_EXCEPTING_WORDS = r"except(?:\s+for)?|apart\s+from|aside\s+from|other\s+than|excluding|save\s+for"
_EXCEPTING_PHRASE = regex.compile(r"^\W*(?:" + _EXCEPTING_WORDS + r"|besides)\s+(?P<np>[^,;]{2,60}?)\s*,\s*$", _I)
_EXCEPTED_IN_SUBJECT = regex.compile(r"\s*\b(?:" + _EXCEPTING_WORDS + r"|bar)\b.*$", _I | regex.S)


# ------------------------------------------------------------------ references by place in a list
_ORDINAL = regex.compile(ORDINAL_REFERENCE, _I)
_ORDINAL_SUBJECT = regex.compile(ORDINAL_REFERENCE + r"(?:\s+(?:and|or|but))?\W*$", _I)
# (in the words around a label, such a reference is no time: "the latter", "the last two areas" are no earlier
# inspection's, as "former" and "last" elsewhere are)
_ORDINAL_IN_WORDS = regex.compile(r"\bthe\s+" + ORDINAL_REFERENCE_WORDS, _I)
_ORDINAL_WORD = regex.compile(r"(?i:first|last|final|former|latter)")  # (most words around a label hold none)
# How many sentences back an ordinal reference looks for its list: a retelling may name the areas, quote an
# inspector on them, and only then come back to "the first two areas".
ORDINAL_LOOKS_BACK = 8


def _ordinal_referent(view: View, ordinal: regex.Match, before: str) -> list[AreaMatch] | None:
    """The areas an ordinal reference picks ("the first two", "the latter") from the nearest list named before it:
    the words before it in its sentence, then the sentences before. A text naming one area is passed over (it is
    no list); the first naming more areas decides: "the first two" needs more than two, "the former" and "the
    latter" two or more. None when no list is found or the nearest is too short to pick from."""
    era = view.ctx.era
    count = ordinal.group("n")
    wanted = parse_count(count) or 0 if count else 1
    needed = wanted + 1 if count else 2  # ("the first two" of two would be "both")
    from_end = (ordinal.group("end") or "").lower() in ("last", "final") or (ordinal.group("one") or "").lower() == "latter"
    doc = view.doc
    index = doc.sentence_index_at(view.sentence.start)
    earlier = [doc.sentences[i].text for i in range(index - 1, max(-1, index - 1 - ORDINAL_LOOKS_BACK), -1)]
    for words in [before, *earlier]:
        named: list[AreaMatch] = []
        for area in _areas_spelt_out(words, era):
            if not area.weak and all(area.entry.key != other.entry.key for other in named):
                named.append(area)
        items = _list_items(named)
        if len(items) < 2:
            continue
        if len(items) < needed or wanted < 1:
            return None
        picked = items[-wanted:] if from_end else items[:wanted]
        # (the domains that qualify the list's standards qualify those picked: "assessment, planning and delivery
        # in court cases ... the first two" are court work's)
        return picked + [a for a in named if a not in items]
    return None


def _referred(view: View, head: str, subject: str) -> tuple[list[AreaMatch] | Reading, str] | None:
    """What a subject that points back refers to: (areas, how), ([], "service") for the service itself, or
    (a Reading, "aside") when it cannot be resolved; None when the subject names its own words."""
    ordinal = _ORDINAL_SUBJECT.match(head)
    if ordinal:
        # (what it picks from was named before it: "Inspectors looked at leadership, staffing and partnerships,
        # giving ‘Good’ ratings to the first two")
        before = view.text[: view.label.start]
        at = before.rfind(head.strip())
        picked = _ordinal_referent(view, ordinal, before[:at] if at >= 0 else before)
        if picked:
            return picked, "ordinal"
        return Reading.aside("no_rated_subject", f"“{head.strip()[:40]}” picks from no list of areas named before",
                             rule="ordinal_without_list"), "aside"
    match = _REFERENCE.match(head)
    if match is None:
        # the count or pronoun qualified by this service's name: "Three areas in Anytown", "all three at Anytown YJS"
        qualified = _SERVICE_QUALIFIER.search(head)
        if qualified is None or not _this_service(qualified.group("name"), view.ctx):
            return None
        match = _REFERENCE.match(head[: qualified.start()])
        if match is None:
            return None
    era = view.ctx.era
    count = match.group("count")
    # "the standard", "this area": one area named before, as "it" is, but never the service
    area_noun = match.group("area_noun") is not None
    pronoun = "it" if area_noun else (match.group("pronoun") or "").lower()
    wanted = (_NUMBERS.get(count.lower(), int(count) if count.isdigit() else 0) if count else
              2 if "both" in head.lower() else 0)
    plural = bool(match.group("demonstrative") or count) or pronoun not in ("it", "this", "that")
    excepted = _EXCEPT.search(view.right)
    excluded = {a.entry.key for a in find_areas(excepted.group("words"), era)} if excepted else set()
    gathered: list[AreaMatch] = []
    if pronoun in ("it", "this") and not area_noun and _OVERALL_AFTER.match(view.right):
        return [], "service"  # "rated it ‘Requires improvement’ overall": the whole service
    # some of a counted whole are no earlier list: only a list after the label names them
    for distance, words in [] if match.group("partitive") else _antecedents(view, subject):
        head_words = _clause_subject(words)
        if not head_words.strip() or _RATER.match(head_words):
            # "inspectors rating this as ...": the rater is no antecedent; what was named before the rater may be
            # ("Anytown's leadership was praised, and inspectors graded it ‘Good’")
            nearest = _nearest_areas(words, view) if distance == "clause" and pronoun in ("it", "this") else []
            if nearest:
                return nearest, "antecedent_nearest"
            if plural and distance == "clause":
                # the rater's objects: "Inspectors looked at resettlement and at out-of-court work, and rated both"
                found = [a for a in listed_areas(words, era, allow_weak=True) if a.entry.key not in excluded]
                if found and ((wanted and wanted in (len(found), len(_list_items(found))))
                              or (not wanted and len(found) >= 2)):
                    return found, "antecedent_objects"
            continue
        if plural:
            found = [a for a in listed_areas(words, era, allow_weak=True) if a.entry.key not in excluded]
            if wanted and found and len(found) < wanted:
                # "Both aspects ...": one area named in each of the sentences before
                gathered += [a for a in found if all(a.entry.key != g.entry.key for g in gathered)]
                if len(gathered) == wanted:
                    return gathered, "antecedents"
                continue
            # (a domain that qualifies the standards of the list is no item of it: "Planning and reviewing in
            # out-of-court cases were weak, with both judged ‘Inadequate’")
            if (wanted and wanted in (len(found), len(_list_items(found)))) or (not wanted and len(found) >= 2):
                return found, "antecedent_list"
            if not wanted and pronoun in ("they", "them") and len(found) == 1 and _at_head(head_words, found[0]):
                # one area, a plural noun, as the subject of the clause before: "Anytown's staff were praised, with
                # inspectors rating them ‘Outstanding’"
                return found, "antecedent"
            continue
        if distance == "sentence":
            # "it" across a full stop: the area the sentence before is about ("Its resettlement work impressed
            # inspectors. They rated it ‘Good’."), the service when it is about the service; else as written
            found = listed_areas(head_words, era)
            if found and _at_head(head_words, found[0]):
                return found, "antecedent_sentence"
            if found and _RATER_OPENS.match(words) and len(_list_items(found)) == 1 and not plural \
                    and not _COORDINATION.search(words[_RATER_OPENS.match(words).end() :]):
                # the one thing the raters looked at in the sentence before: "Inspectors looked at planning for
                # court cases. This was rated ‘Inadequate’."
                return found, "antecedent_object"
            if not area_noun and (_this_service(head_words, view.ctx) or _SERVICE_REF.search(head_words)):
                return [], "service"
            return None
        found = listed_areas(head_words, era)
        if found and _at_head(head_words, found[0]):
            return found, "antecedent"
        nearest = _nearest_areas(words, view) if pronoun in ("it", "this") else []
        if nearest:
            # the nearest thing named before "it" is an area, nearer than any name of the service: "Inspectors
            # looked at Anytown's out-of-court work and rated it ‘Outstanding’"
            return nearest, "antecedent_nearest"
        if not area_noun and (_this_service(head_words, view.ctx) or _SERVICE_REF.search(head_words)):
            return [], "service"
        return Reading.aside("no_rated_subject", f"“{pronoun}” points to {head_words.strip()[:50]}",
                             rule="antecedent_not_rated"), "aside"
    # (or after the count itself, when it follows the label: "gave ‘Outstanding’ ratings to three areas: staff, ...")
    listed_after = _LIST_AFTER_COLON.match(view.right) or _LIST_AFTER_COUNT.search(view.right[:100])
    if plural and listed_after:
        # the list the count stands for follows the label: "Three standards were rated ‘Outstanding’: staff,
        # planning and reviewing"
        found = listed_areas(listed_after.group("words"), era)
        # a domain named after a standard qualifies it ("planning for court cases"): it is no item of the list
        if found and (not wanted or len(_list_items(found)) == wanted):
            return found, "list_after"
    including = _including(view, era) if plural and wanted else []
    if including:
        # the count names some of its areas after the label: "Five areas were judged ‘Good’, including staffing,
        # planning and assessment"
        return including, "including"
    following = _list_in_next_sentence(view) if plural and wanted and not match.group("partitive") else None
    if following is not None:
        found = listed_areas(following, era)
        if found and len(_list_items(found)) == wanted:
            # the list the count stands for in the next sentence: "Three areas were rated ‘Inadequate’. These were
            # assessment, planning and reviewing in out-of-court work."
            return found, "list_next_sentence"
    whole = _whole_framework(head, view.ctx) if plural and wanted else None
    if whole:
        # "All three areas require substantial improvement" in a core case inspection: its three areas
        return _finish(Reading(rule="whole_framework", facts=whole), view), "aside"
    if match.group("partitive"):
        return None  # "two of the three domains", named nowhere after: a count of unnamed areas, read as such
    if plural and (wanted or match.group("demonstrative")):
        # "all three categories" with no list of three before it: a count of unnamed areas
        return Reading.aside("count_of_areas", "the subject counts areas named nowhere before it",
                             rule="unresolved_count"), "aside"
    return None


# This service's name after a count or pronoun, qualifying it: "Three areas in Anytown", "all three at Anytown YJS"
_SERVICE_QUALIFIER = regex.compile(r"\s+(?:in|at|of|across|within)\s+(?:the\s+)?(?P<name>(?-i:[A-Z])[\w’'-]*"
                                   r"(?:\s+(?-i:[A-Z])[\w’'-]*){0,4})\W*$", _I)
# All of some areas, counted: "in all four standards", "each of the three domains", "all three areas"
_ALL_COUNTED = regex.compile(r"^\W*(?:in\s+|across\s+|on\s+)?(?:all|each\s+of|every\s+one\s+of)\s+(?:of\s+)?"
                             r"(?:the\s+|its\s+|their\s+)?(?P<n>three|four|five|3|4|5)\s+(?:key\s+|main\s+|core\s+)?"
                             r"(?P<noun>standards|areas|aspects|elements|domains|categories)\b", _I)


def _whole_framework(words: str, ctx: Context) -> list[tuple[str, str | None, str]] | None:
    """The facts of all of the framework's top-level areas when the words count every one of them: "all three
    areas" (a core case inspection judged three), "each of the three domains" (the 2018 standards' three)."""
    counted = _ALL_COUNTED.match(words)
    if counted is None or parse_count(counted.group("n")) != 3:
        return None
    noun = counted.group("noun").lower()
    if noun not in ("areas", "domains", "categories"):
        return None
    if ctx.era == Framework.CORE_CASE_2010 and noun != "domains":
        return [(entry.scope, entry.code, entry.name) for entry in CORE_CASE_2010]
    if ctx.era == Framework.STANDARDS_2018 and noun == "domains":
        return [(entry.scope, entry.code, entry.name) for entry in STANDARDS_2018 if entry.scope == Scope.DOMAIN]
    return None


# A sentence that names what the count before it stands for: "These were ...", "They are: ...", "The three were ..."
_NAMES_THE_COUNT = regex.compile(r"^\W*(?:these|they|those|the\s+(?:\w+\s+)?(?:areas|standards|aspects|ones))\s+"
                                 r"(?:were|are|included|include|comprised)\s*:?\s*(?P<words>[^.;]{3,240})", _I)


def _list_in_next_sentence(view: View) -> str | None:
    """The list the sentence after this one opens by naming what a count stands for, if it does."""
    doc = view.doc
    index = doc.sentence_index_at(view.sentence.start)
    if index + 1 >= len(doc.sentences) or view.right.strip(" ’'\"”."):
        return None  # (only a count whose clause ends with its label: "Three areas were rated ‘Inadequate’.")
    named = _NAMES_THE_COUNT.match(doc.sentences[index + 1].text)
    return named.group("words") if named else None


def _list_items(found: list[AreaMatch]) -> list[AreaMatch]:
    """The items of a list of areas: its standards, the domains beside them only qualifying them (all of them
    when it names domains alone: "court and out-of-court work")."""
    return [a for a in found if a.entry.scope != Scope.DOMAIN] or found


# "rated it ‘Requires improvement’ overall": the whole service, whatever was named before "it"
_OVERALL_AFTER = regex.compile(r"^[’'\"”]?\s+overall\b", _I)


def _nearest_areas(words: str, view: View) -> list[AreaMatch]:
    """The areas last named in the words, when they stand after every name of this service there (the nearest
    noun phrase before a pronoun is what it points to); [] otherwise."""
    era = view.ctx.era
    areas = [a for a in _areas_spelt_out(words, era) if not _MODIFIER_OF.match(words, a.end) and not a.weak]
    if not areas:
        return []
    service_ends = [m.end() for m in _SERVICE_REF.finditer(words)]
    lowered = words.lower()
    for place in view.ctx.places:
        at = lowered.rfind(place)
        if at >= 0:
            service_ends.append(at + len(place))
    last = areas[-1]
    if any(end > last.end for end in service_ends) or _COMPLEMENT_OF_AREA.match(words, last.end):
        # ("the delivery of the relocation service, marking it": the complement after the area is nearer)
        return []
    return listed_areas(words[: last.end], era)


_COMPLEMENT_OF_AREA = regex.compile(r"\s*(?:of|for|to|in|with|at|on|by|from|about)\b", _I)


def _antecedents(view: View, subject: str) -> list[tuple[str, str]]:
    """Where a reference looks for what it means, nearest first, each with how far it is: the clause's own
    words before the subject (the object "it" in "... impressed inspectors, who graded it"), the earlier
    clauses of the sentence, then the sentences before (two at most)."""
    out = []
    object_before = view.left_full.rsplit(subject, 1)[0] if subject and subject in view.left_full else ""
    object_before = _RATING_VERB_END.sub("", object_before)  # "..., who graded" it: the words before the verb
    if object_before.strip():
        out.append(("clause", object_before))
    for part in reversed(view.parts[: view.index]):
        out.append(("clause", part.text))
    doc = view.doc
    index = doc.sentence_index_at(view.sentence.start)
    for back in (1, 2):
        if index - back >= 0:
            out.append(("sentence", doc.sentences[index - back].text))
    return out


def _clause_subject(words: str) -> str:
    """The subject of a clause: its words before the first verb (all of it when no verb is found)."""
    head = _subject_head(words)
    verb = _FIRST_VERB.search(head)
    return head[: verb.start()] if verb and verb.start() > 0 else head


# ------------------------------------------------------------------ lists of areas
# Between two areas of one list: commas, "and", "or", "as well as", determiners, the service's possessive, and
# the verb of a purpose clause ("work to protect the public and to address safeguarding needs").
# The verbs of a purpose clause that says what the work does ("work to deliver interventions", "to address
# safeguarding needs"): after "to", they lead to the area rather than name another subject.
_PURPOSE_VERBS = ("address", "manage", "meet", "reduce", "protect", "keep", "ensure", "support", "tackle", "improve",
                  "minimise", "prevent", "deliver", "provide")
# "work to keep children safe", "work to help children into education": the work named by its purpose
_WORK_FOR_A_PURPOSE = regex.compile(rf"\bwork\s+to\s+(?:{'|'.join(_PURPOSE_VERBS)}|help|make|get)\b[^,;]*", _I)
_LIST_GAP = regex.compile(
    r"^(?:[\s,;&/‘’'\"“”()]|and\b|or\b|plus\b|as\s+well\s+as\b|including\b|the\b|its\b|their\b|our\b|of\b|for\b|in\b"
    rf"|(?<=\bto\s+)(?:{'|'.join(_PURPOSE_VERBS)})\b"
    # the same verbs' gerunds: "in safeguarding and in managing risk of harm"
    rf"|(?:{'|'.join(v.removesuffix('e') + 'ing' for v in _PURPOSE_VERBS)})\b"
    r"|on\b|related\s+to\b|in\s+relation\s+to\b|with\b|to\b|work\b|how\b|children\b|young\s+people\b|also\b|both\b"
    r"|quality\b|effectiveness\b|arrangements\b|its\s+work\b|(?:the\s+)?(?:service|team|YOT|YOS|YJS|YOTs|board|council)[’']s?"
    r"|being\b|carried\s+out\b|done\b|undertaken\b|provided\b|delivered\b|around\b|towards\b|aimed\s+at\b|at\b"
    r"|(?-i:[A-Z][\w-]+)[’']s\b|[:–—-])*$", _I)


# Two domains' modifiers sharing one head noun (right-node ellipsis): "court and out-of-court work" is court work
# and out-of-court work, "court and out-of-court assessment" each domain's assessment
_SHARED_HEAD = regex.compile(r"\b(?P<first>(?:post-|pre-)?court|out[-\s]of[-\s]court)\s+(?:and|or|&)\s+"
                             r"(?:(?:post-|pre-)?court|out[-\s]of[-\s]court)\s+(?P<head>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)", _I)


def _areas_spelt_out(words: str, era: str) -> list[AreaMatch]:
    """find_areas, with a head noun two domains' modifiers share given to the first as well; each match keeps
    its place in the words as written."""
    shared = _SHARED_HEAD.search(words)
    if shared is None:
        return find_areas(words, era)
    at, head = shared.end("first"), " " + shared.group("head")
    spelt = words[:at] + head + words[at:]
    out = []
    for area in find_areas(spelt, era):
        if area.start >= at + len(head):
            area = replace(area, start=area.start - len(head), end=area.end - len(head))
        elif area.end > at:
            area = replace(area, end=max(area.start, at))  # "court [work]": the words as written end at "court"
        out.append(area)
    return out


def listed_areas(words: str, era: str, allow_weak: bool = False) -> list[AreaMatch]:
    """The areas a phrase names as its subject: the last area and the list it closes ("governance and leadership,
    quality of information, planning and delivery"). Words that name an area only within a list count only
    there, beside another area."""
    found = [a for a in _areas_spelt_out(words, era) if not _MODIFIER_OF.match(words, a.end)
             and not _FOR_WHOM_BEFORE.search(words[max(0, a.start - 40) : a.start])]
    # common words after a preposition qualify the area before them ("implementation of services" is one)
    found = [a for index, a in enumerate(found)
             if not (a.weak and index > 0 and _QUALIFIED_BY.match(words[found[index - 1].end : a.start]))]
    if not found:
        return []
    group = [found[-1]]
    for area in reversed(found[:-1]):
        gap = words[area.end : group[0].start]
        if _LIST_GAP.match(gap) or _unknown_items_between(gap) or (
                len(group) == 1 and group[0].entry.scope == Scope.DOMAIN and _unknown_items_between(gap, _UNKNOWN_ITEM_IN_DOMAIN)):
            group.insert(0, area)
        else:
            break
    strong = [a for a in group if not a.weak]
    if not strong and not (allow_weak and len(group) >= 2):
        # the last words are common ones ("information"): an earlier strong area may still be the subject
        strong_found = [a for a in found if not a.weak]
        return listed_areas(words[: strong_found[-1].end], era) if strong_found else []
    if len(group) == 1 and group[0].weak:
        return []
    unique: list[AreaMatch] = []
    for area in _parts_of_a_whole_standard(group, words):
        if all(area.entry.key != other.entry.key for other in unique):
            unique.append(area)
    return unique


# Whom something is for, not an area: "The quality of information available to staff ... was rated ‘Good’" rates
# the information, not the Staff standard
_FOR_WHOM_BEFORE = regex.compile(r"\b(?:available|given|provided|offered|accessible|open|useful|helpful)\s+(?:to|for)\s+"
                                 r"(?:the\s+|its\s+|their\s+|all\s+)?$", _I)


# What joins an activity to the area it is done in: "the delivery of resettlement work", "planning for resettlement";
# and an area to the common words that say what it is of or for ("Planning and implementation of services were both
# judged ‘Good’" rates planning and implementation only)
_QUALIFIED_BY = regex.compile(r"^\s+(?:of|for|in|on|within|to|with|across)\s+(?:the\s+|its\s+|their\s+|our\s+)?"
                              r"(?:(?-i:[A-Z])[\w-]*[’']s\s+)?$", _I)


def _parts_of_a_whole_standard(group: list[AreaMatch], words: str) -> list[AreaMatch]:
    """A standard that is all of its domain (resettlement, 4.1, has no assessment, planning or delivery standards
    of its own) takes the activities that qualify it as its parts: "the assessment and planning of resettlement
    cases", "the policy and delivery of the resettlement service" rate resettlement, not Assessment or
    Implementation and delivery ("Assessment and resettlement were rated Good" are two)."""
    for index, area in enumerate(group):
        if area.entry.code not in WHOLE_DOMAIN_STANDARDS or index == 0:
            continue
        first = index
        if _QUALIFIED_BY.match(words[group[index - 1].end : area.start]) and group[index - 1].entry.relative is not None:
            first = index - 1
            while first > 0 and group[first - 1].entry.relative is not None \
                    and regex.fullmatch(r"\s*(?:,\s*)?(?:and|or|&)?\s*", words[group[first - 1].end : group[first].start]):
                first -= 1
        return [*group[:first], *group[index:]]
    return group


# Items of a list that no vocabulary names, between two that it does: "Leadership, case records and resettlement
# were each given the bottom grade" (short noun phrases between commas, no verb: never a clause)
_UNKNOWN_ITEMS = regex.compile(r"^\s*,\s*(?:(?:[\w’'-]+\s+){0,3}[\w’'-]+\s*,\s*){0,2}(?:[\w’'-]+\s+){0,3}[\w’'-]+"
                               r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$", _I)


def _unknown_items_between(gap: str, items: regex.Pattern = _UNKNOWN_ITEMS) -> bool:
    return bool(items.match(gap)) and not _CLAUSE_VERB.search(gap) and not _LIST_BREAKER.search(gap)


# The last item of a list, one no vocabulary names, with the domain the whole list is done in after it:
# "Assessment, planning and supervision in court cases were rated ‘Good’" rates the standards the vocabulary
# names in that domain (as any list keeps its known items), never the domain itself
_UNKNOWN_ITEM_IN_DOMAIN = regex.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)(?:[\w’'-]+\s+){0,2}[\w’'-]+"
                                        r"\s+(?:in|for|within)\s+(?:the\s+|its\s+|their\s+)?$", _I)


# Words that end a list: a preposition or relative that opens a phrase of its own ("planning for cases in which ...")
_LIST_BREAKER = regex.compile(r"\b(?:which|that|who|where|when|because|although|if|by|from|than|as)\b", _I)


# A noun after an area's name that makes the area its modifier, the noun the head: "governance oversight of case
# files", "planning meetings", "staff turnover" are not governance, planning or staff
_MODIFIER_OF = regex.compile(r"\s+(?:oversight|meetings?|tools?|turnover|training|panels?|budgets?|officers?|managers?"
                             r"|templates?|forms|sickness|absence|vacancies|caseloads?"
                             # "staff morale was good", "staff numbers were low": the staff's, not the Staff standard
                             r"|morale|wellbeing|well-being|numbers|shortages?|recruitment|retention|surveys?)\b", _I)


_VAGUE_WORK = regex.compile(r"^(?:\W|and\b|but\b)*(?:some|parts?|aspects?|areas?|much|most|elements?)(?:\s+of)?\s+"
                            r"(?:its|their|the|this|(?-i:[A-Z][\w-]*)[’']s?)?\s*(?:work|practice|casework|services?)\b", _I)


# A count standing as the subject with no noun of its own: "and one", "the other two", "both"
_COUNT_ALONE = (r"^\W*(?:and\s+|but\s+|while\s+|whereas\s+)?(?:the\s+)?(?:(?:other|remaining|last|final)\s+)?"
                r"(?:{counts})(?:\s+(?:other|others|remaining))?")
# ... with what it counts between commas after it: "and one, protecting the public, was poor", "The other two,
# staffing and partnerships, were ‘Good’"
_COUNTED_COMMA_ASIDE = regex.compile(
    _COUNT_ALONE.format(counts="one|two|three|four|five|both")
    + r"\s*,\s*(?:namely\s+|i\.e\.\s+)?(?P<words>[^,;:]{2,120}?)\s*,\s*$", _I)
# ... and as all of the subject, the areas it counts in the aside after it: "The other two – planning in court
# cases and out-of-court assessment – were rated as requiring improvement"
_COUNT_WITHOUT_NOUN = regex.compile(_COUNT_ALONE.format(counts="two|three|four|five|both") + r"\W*$", _I)


def _aside_areas(subject: str, era: str) -> list[AreaMatch]:
    """The areas an aside between dashes names, as in "Some of its work – for instance assessments for court
    cases and for diverted cases – was rated ‘Inadequate’"."""
    for aside in _ASIDE.finditer(subject):
        words = regex.sub(r"^\s[–—-]\s(?:for\s+(?:instance|example)|such\s+as|including|namely|e\.g\.)?,?\s*", " ",
                          aside.group(), flags=_I)
        found = listed_areas(words, era, allow_weak=True)
        named = [a for a in find_areas(words, era) if not a.weak]
        spread = _spread_over_domains(named, words, era)
        if spread is not named and len(spread) > len(found):
            # "the assessment of children given court sentences or diverted from court": one standard, and the
            # domains its relative clauses name (no list joins them)
            return spread
        if found:
            return _spread_over_domains(found, words, era)
    return []


def _spread_over_domains(found: list[AreaMatch], words: str, era: str) -> list[AreaMatch]:
    """"assessments for court cases and for diverted cases": one standard for each domain named after it."""
    standards = [a for a in found if a.entry.relative is not None]
    domains = [a for a in found if a.entry.scope == Scope.DOMAIN]
    if len(standards) == 1 and len(domains) >= 2:
        return [standards[0], *domains]
    return found


# The words that name some of what was counted: "five areas were judged ‘Good’, including staffing, ..."
_INCLUDING_WORDS = r"(?:including|such\s+as|namely|among\s+them|notably)"
_INCLUDING = regex.compile(r"^[’'\"”]?\s*,?\s*" + _INCLUDING_WORDS + r"\s+(?P<words>[^;.]{2,200})", _I)


def _including(view: View, era: str) -> list[AreaMatch]:
    """A count of areas followed by the list it includes: "five areas were judged ‘Good’, including staffing,
    planning and assessment"."""
    match = _INCLUDING.match(view.right)
    if match is None:
        return []
    found = listed_areas(match.group("words"), era)
    if found and all(a.entry.scope == Scope.DOMAIN for a in found) and regex.search(r"\bstandards?\b", view.left_full, _I):
        return []  # "three of the 12 standards ..., including organisational delivery": the domains they are in
    return found


# A complement that counts every area named before it, and how many: "in each", "in all three (areas)", "in both"
_EVERY_ONE_COUNTED = regex.compile(
    r"^\W*(?:(?P<every>each|all|both)(?:\s+of\s+(?:them|these|those))?|(?:all|each\s+of)\s+(?:the\s+|these\s+|those\s+)?"
    r"(?P<count>two|three|four|five|\d)(?:\s+(?:areas|aspects|themes|categories))?)\s*(?:[.;,]|$)", _I)


def _areas_counted_before(view: View, words: str) -> list[AreaMatch]:
    """The areas a counting complement stands for: every area named in the sentence before the label, when
    they are as many as it counts ("both": two; "each", "all": two or more)."""
    match = _EVERY_ONE_COUNTED.match(words)
    if match is None:
        return []
    found: list[AreaMatch] = []
    for area in find_areas(view.text[: view.label.start], view.ctx.era):
        if not area.weak and all(a.entry.key != area.entry.key for a in found):
            found.append(area)
    every = (match.group("every") or "").lower()
    wanted = 2 if every == "both" else _NUMBERS.get((match.group("count") or "").lower(), 0) or (
        int(match.group("count")) if (match.group("count") or "").isdigit() else 0)
    if (wanted and len(found) != wanted) or (not wanted and len(found) < 2):
        return []
    return found


_INCLUDED_IN_COUNT = regex.compile(r"^[^,;.:]{1,60}?(?:,?\s+" + _INCLUDING_WORDS + r"|\s*:)\s+(?P<words>[^;.]{2,200})", _I)


def _included_in_count(words: str, era: str) -> list[AreaMatch]:
    """The areas a counting complement names as some of those it counts: "in four, including staffing and
    partnerships", "in most areas, such as staffing" (each is one of the areas given the label)."""
    match = _INCLUDED_IN_COUNT.match(words)
    return listed_areas(match.group("words"), era) if match else []


# ------------------------------------------------------------------ the scale listed
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
            len({label.words for label in labels if label.relative is None}) >= 2
            or any(label.words.split(" ")[0] in IMPROVEMENT_LEVEL_WORDS for label in labels)):
        # "needs either minimum, moderate, substantial or drastic improvement": the levels are not all labels
        # ("a ‘Requires improvement’ rating - the second lowest of four grades" applies one)
        cue = _SCALE.search(text)
        assert cue is not None
        defined.update(i for i, label in enumerate(labels) if abs(label.start - cue.start()) < 160)
    return defined


# ------------------------------------------------------------------ helpers
# Where the subject of a clause starts after a relative or complement word: "..., where fewer than half of the files
# looked at were satisfactory", "noting that five of the 12 areas require improvement"
_SUBJECT_START = regex.compile(
    # "The service was told its information and facilities ‘require improvement’": a passive verb of telling
    # opens a clause too
    r"(?:\b(?:was|were|been|being)\s+(?:told|informed|warned|reminded|advised)(?:\s+that)?|\bwhere"
    # ... and the active verb of telling with its hearers: "Staff told inspectors their training was outstanding"
    # rates the training, not the staff
    r"|\b(?:told|tell|tells|telling|assured|informed)\s+(?:the\s+)?(?:inspectors?|inspectorate|us|them|councillors"
    r"|members|committee|panel|cabinet|board)(?:\s+that)?"
    # a word that is a noun as well ("Anytown's report writing", "the notes of meetings", "court reports to
    # the panel") opens a clause only as a verb: not after a determiner or a possessive
    r"|(?<!\b(?:was|were|is|are|been|be|being|the|a|an|its|their|our|his|her|this|that|these|those|court|case|and|or"
    r"|of|with|for|on|in|to|by|&)\s)"
    r"(?<![’']s\s)(?<!s[’']\s)\b(?:report|reports|note|notes|show|shows|states)(?!\s+(?:writing|to\s+court|for\s+court))"
    r"(?:\s+that)?"
    r"|(?<!\b(?:was|were|is|are|been|be|being)\s)\b(?:did\s+)?(?:said|say|says|found|find|finds|noted"
    r"|noting|stressed|stress|stresses"
    r"|reported|showed|stated|concluded|concludes|highlighted|highlights|revealed"
    # ("added" before a preposition is a participle: "Resettlement, a standard added in 2021, was rated ...")
    r"|reveals|heard|confirmed|confirms|saying|added(?!\s+(?:in|to|by|on|at|for|from|since|under|during|after)\b)"
    r"|adds|acknowledged|acknowledges|warned|warns|explained|explains"
    r"|believes?|believed|judged\s+that|observed|observes"
    # verbs that report only with "that" after them ("recognised as ‘Good’" rates): "The report cautions that ..."
    r"|(?:cautions?|cautioned|suggests?|suggested|emphasi[sz]es|emphasi[sz]ed|insists?|insisted|recognises"
    r"|recognised)\s+that)(?:\s+that)?"
    r"|\b(?:concerns?|concerned|worry|worrying|fact|news|clear|evident|sure|positive|pleasing|disappointing|true)\s+that)"
    r"\s+(?=\S)", _I)
# People thanked or praised for what they won, just before a verb of receiving: "thanked staff for achieving ..."
_THANKED_FOR = regex.compile(r"\b(?:thank\w*|congratulat\w*|prais\w*|commend\w*|applaud\w*|credit\w*)\s+"
                             r"(?:(?:the|all|its|their|our)\s+)?(?:staff|team|teams|officers|colleagues|everyone|workers"
                             r"|practitioners|volunteers|managers|members\s+of\s+staff)(?:\s+\w+){0,3}?\s+for\s*$", _I)
# The antecedent of "which": "the old Anytown youth offending team, which got an ‘Inadequate’ grade"
_WHICH_ANTECEDENT = regex.compile(r"(?:.*\b(?:of|by|to|with|from|in|at|was|is|were|are)\s|^)(?P<np>[^,]{3,120}?),?\s+which\s*$",
                                  _I | regex.S)
# "Every aspect of court disposals ... was rated Outstanding": all the standards of the domain.
# "every aspect of court disposals", "all four standards for court work", "each of the standards in out-of-court work"
_EVERY_ASPECT = regex.compile(r"\b(?:every|each|all)\s+(?:(?:of\s+)?(?:the\s+)?(?:three|four|\d)\s+)?(?:aspect|area|standard"
                              r"|element|part)s?\s+(?:of|for|in)\s+", _I)
# The subject is cases or a share of them, not the service: "only a third of the cases sampled were good"
_CASES = regex.compile(r"\bcases\b|\bcase\s+files\b|\bof\s+the\s+time\b|\bper\s?cent\b|%|\bsample\b", _I)
# A line that rates its first words at its end: "- Safeguarding - ... Anytown Scores 59% ... Comment: SUBSTANTIAL
# improvement required", "Governance and partnerships – Poor"
# (a label in brackets may end the row: "Likelihood of reoffending: 68% (moderate improvement required)")
_ROW_END = regex.compile(r"^(?:[’'\"”.]|[’'\"”]?\)\.?)?\s*$")
_ROW_START = regex.compile(r"^\s*(?:[-•–▪●*]\s*)?")
# The Inspectorate's own names: never another service.
_INSPECTORATE = regex.compile(
    r"\b(?:(?:Her|His)\s+Majesty[’']?s\s+|HM\s+|HMI\s+)?(?:Chief\s+)?Inspectorate\s+of\s+Probation\b|\bHMI\s+Probation\b"
    r"|\bHMIP\b|\bProbation\s+Inspectorate\b|\b(?:Her|His)\s+Majesty[’']?s\b|\bChief\s+Inspector\s+of\s+Probation\b")
# Capitalised words that are not place names, for telling another service from this one.
_COMMON_CAPITALS = frozenset("""
a an the this that these those it its they their we our he she his her i in on at of for with by from to and or but as
overall meanwhile however inspectors inspector inspectorate inspection inspections chief probation majesty hm hmi hmip
report reports council councils board service services team teams youth justice offending
management partnership partnerships staff work governance leadership court courts out under there here also while
whilst although though when where which who whom whose what how why all some many most each every both several other
another following after before during since until today now mr mrs ms dr dame sir cllr councillor cabinet member
members committee government yjs yot yos y&js yjt cqc ofsted overall, nationally additionally finally
first second third one two three four five six seven eight nine ten eleven twelve january february march april may june
july august september october november december monday tuesday wednesday thursday friday saturday sunday core city
recommendations recommendation outstanding good inadequate requires improvement satisfactory unsatisfactory poor
england wales london ltd plc nhs police national local county borough royal area areas domain standard standards
authority welsh english british scottish uk
""".split())
_CAPITALISED = regex.compile(r"\b[A-Z][\w’'&.-]*")


# A non-restrictive relative clause between commas inside the subject: an aside about the subject, never its
# head ("The management board, which oversees the service, was rated ..." rates the board, not the service)
# ... and a comparison between commas: "Planning for out-of-court cases, like planning for court cases, was ..."
# (what it compares with is not the subject; what "like" implies of it is not read)
_RELATIVE_INSERT = regex.compile(r",\s+(?:which|who|whose|whom|like|unlike|as\s+with|as\s+in|similar\s+to|compared\s+with"
                                 r"|in\s+contrast\s+to)\b[^,;:()]{1,160},(?=\s*\S|\s*$)", _I)


# The opening of the relative clause the label is in, its subject the rater: "Anytown's board, which inspectors
# [rated ‘Good’]" - the antecedent before it is what was rated
_RATER_RELATIVE_END = regex.compile(r",?\s*(?:which|that|whom)\s+(?:the\s+)?(?:inspectors|inspectorate|inspection|they"
                                    r"|HMIP|HMI\s+Probation|(?:HM|Her\s+Majesty[’']s|His\s+Majesty[’']s)\s+Inspectorate"
                                    r"\s+of\s+Probation)\s*$", _I)


# What an insert leaves out of the subject: "Work with children on court orders (but not those on out-of-court
# disposals)", "Every standard, except reviewing, ..."
_EXCEPTED = regex.compile(r"\(\s*(?:but\s+not|not|" + _EXCEPTING_WORDS + r")\b[^()]{1,120}\)"
                          r"|,\s*(?:but\s+not|" + _EXCEPTING_WORDS + r")\b[^,;:()]{1,120},", _I)


def _subject_head(subject: str) -> str:
    """The subject's own words: after the last "where", "that", "found" ... that opens a new clause, and after
    an adverbial phrase that opens the clause ("Besides praising its volunteers, the service ..."); without a
    relative clause between commas, and without the opening of the label's own relative clause ("Anytown's
    board, which inspectors")."""
    subject = _EXCEPTED.sub(" ", _RELATIVE_INSERT.sub(" ", _RATER_RELATIVE_END.sub("", subject)))
    last = None
    for match in _SUBJECT_START.finditer(subject):
        last = match
    # (an opener followed by nothing of its own modifies the noun before it: "Reviewing was the only area judged
    # to [require improvement]" is about reviewing)
    head = subject[last.end() :] if last is not None and not _NOTHING_OF_ITS_OWN.match(subject[last.end() :]) \
        else subject
    head = _after_coordinated_clause(head)
    joined = _VERB_PHRASE_JOINED_END.search(head)
    if joined:
        # a second verb phrase of the clause's subject: "The service has 40 staff and [is rated ‘Good’]" - the
        # subject is the words before the first verb, not the first verb phrase's object
        verb = _CLAUSE_VERB.search(head, 0, joined.start())
        if verb and head[: verb.start()].strip():
            head = head[: verb.start()]
    opening = _OPENING_ADVERBIAL.match(head)
    return head[opening.end() :] if opening and head[opening.end() :].strip() else head


# "and" just before the label's verb: what stands before it is a verb phrase of the same subject
_VERB_PHRASE_JOINED_END = regex.compile(r"\s+and\s*$", _I)
_NOTHING_OF_ITS_OWN = regex.compile(r"^\W*(?:to(?:\s+be)?|as)?\W*$", _I)


def _after_coordinated_clause(head: str) -> str:
    """The subject's words after a whole clause joined by ", and" ("Staff told inspectors they felt supported,
    and the quality of supervision was good" rates supervision, not staff); a list of areas has no verb
    before its ", and" ("Governance, staff, and partnerships were good"). A verb of rating or of judging makes
    a clause too ("Parents described the service as excellent, and ...")."""
    cut = None
    for match in _COORDINATOR.finditer(head):
        if _CLAUSE_VERB.search(head, 0, match.start()) or _RATING_VERB.search(head, 0, match.start()) \
                or _OPINION_VERB.search(head, 0, match.start()):
            cut = match
    return head[cut.end() :] if cut is not None and head[cut.end() :].strip() else head


# a comma before it: without one, "and" may close a wh- or relative clause inside a noun phrase ("the way plans
# are written and the quality of reviews", "support for those who have left custody to find homes and jobs")
_COORDINATOR = regex.compile(r",\s+(?:and|but|yet|so)\s+(?=\S)", _I)
# A verb of judging by another party: "Parents described the service as excellent, and ..."
_OPINION_VERB = regex.compile(r"\b(?:described|called|thought|regarded|believed|praised|criticised|criticized)\b", _I)
# A verb of rating: a clause's verb too ("Ofsted judged the council ‘Outstanding’, and ...")
_RATING_VERB = regex.compile(r"\b(?:" + RATING_VERBS + r")\b", _I)
# A finite verb, or a pronoun that only a clause's subject is: what a list of areas never holds
_CLAUSE_VERB = regex.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|said|says|told|tells|felt|feels|feel|made|makes|met|meets|saw"
    r"|sees|showed|shows|knew|knows|got|gets|gave|gives|took|takes|they|we|he|she)\b", _I)


# A phrase that opens a clause before its subject: "Alongside its praise for the volunteers, ...", "In Anytown, ..."
# A comparison opening the clause, with another service or time: "Unlike Westshire", "As with its neighbour"
_COMPARED_OPENING = regex.compile(r"^\W*(?:unlike|like|as\s+with|compared\s+(?:with|to)|in\s+contrast\s+to|in\s+common\s+with)\b"
                                  r"[^,;]{0,80}$", _I)
_OPENING_ADVERBIAL = regex.compile(
    r"^\W*(?:in\s+addition\s+to|apart\s+from|alongside|along\s+with|as\s+well\s+as|besides|after|following|despite"
    r"|since|before|during|as\s+part\s+of|meanwhile)\b[^,;]{0,150},\s+"
    # a subordinate clause, with its verb, before the main one: "Although its out-of-court work was weak, the
    # service was ..." (not a list that opens with such a word: "Whilst the areas including leadership, staff ...")
    r"|^\W*(?:although|though|whilst|while|whereas|because|when|even\s+though)\b[^,;]{0,150}?"
    r"\b(?:is|are|was|were|has|have|had|did|does|do|remained|remains)\b[^,;]{0,80},\s+"
    # a place: "In Anytown, monitoring ... was satisfactory" ("in her summary of the visit, managers were ..." is
    # not: its words are no subject's lead-in)
    r"|^\W*(?:in|at|across|within)\s+(?-i:[A-Z])[\w’'&-]*(?:\s+(?-i:[A-Z])[\w’'&-]*){0,3},\s+"
    # the whole the parts after it belong to: "Of the three areas we inspected, leadership was ‘Good’"
    r"|^\W*(?:of|among|amongst)\s+(?:the|its|their|these|those|all)\s+[^,;]{0,60}?\b(?:areas?|standards?|domains?"
    r"|aspects?|parts?|categories|ratings?)\b[^,;]{0,40},\s+",
    _I)


def _row_subject(doc: Document, start: int, end: int, era: str, sentence_start: int = 0) -> str | None:
    """The area a line rates when it is laid out as a row: the label ends the line ("- Safeguarding - ...
    Comment: SUBSTANTIAL improvement required") or follows the area and a colon or dash ("Governance and
    leadership:  inadequate – governance arrangements were not robust enough"). A row is read from the label's
    own sentence: "Reducing reoffending: Satisfactory. Protecting the public: Good." on one line is two rows, and so
    is "Reducing reoffending: Satisfactory; Protecting the public: Good"."""
    line = doc.line_at(start)
    if line is None:
        return None
    row_start = max(line.start, sentence_start, doc.text.rfind(";", line.start, start) + 1)
    text = doc.text[row_start : line.end]
    lead = _ROW_START.match(text)
    words = text[lead.end() if lead else 0 : start - row_start]
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


# Words that may lead a complement before the area it names: determiners, and a short clause ("how it handles")
_COMPLEMENT_LEAD = frozenset({
    "the", "its", "their", "our", "his", "her", "this", "that", "these", "those", "work", "quality", "of", "on", "in",
    "for", "to", "with", "a", "an", "all", "both", "specifically", "related", "relation", "terms", "children's",
    "children’s", "how", "way", "ways", "which", "it", "they", "handles", "handled", "handling", "manages", "managed",
    "area", "areas", "field",
    "managing", "deals", "dealt", "dealing", "supports", "supported", "supporting", "carries", "carried", "out",
    "delivers", "delivered", "approach", "young", "people's", "people’s", "standard", "level",
    # what a service provides, and how much of it: "for providing a wide range of support to reduce reoffending"
    "providing", "provides", "provided", "offering", "offers", "offered", "range", "variety",
})


_NEXT_LABEL_JOINER = regex.compile(r"[\s,]*(?:\b(?:and|or|but|while|whereas)\b)?(?:\s+(?:a|an))?[\s‘'\"“(]*$", _I)


def _complement_areas(words: str, era: str) -> list[AreaMatch]:
    """Areas a complement names at its head: "for planning and for partnership work", "in terms of protecting the
    public", "for how it handles diversion cases", "for two inspection areas: reducing the likelihood of
    reoffending and ..."; never the people a rating is dedicated to ("for the staff of Anytown YJS")."""
    # the next label's conjunction closes this complement: "‘Good’ for staff and ‘Outstanding’ for partnerships"
    words = _NEXT_LABEL_JOINER.sub("", words)
    whom = _for_whom(words, era)
    if whom is not None:
        return [whom]
    dedication = _DEDICATION.match(" for " + words)
    if dedication and not _areas_after_and(dedication, " for " + words, era):
        return []
    counted = regex.match(r"^[^:;.]{0,40}?\b(?:areas?|aspects?|themes?|standards?|categories)\s*:\s*", words, _I) or \
        regex.match(r"^[^:;.]{0,60}?\b(?:areas?|aspects?|standards?|categories)\b[^:;.]{0,20}?\bincluding\s+", words, _I)
    offset = counted.end() if counted else 0
    found = _areas_spelt_out(words[offset:], era)
    if not any(not a.weak for a in found):
        return []
    group = [found[0]]  # the first area and the list it opens: "for planning and for partnership work, ..."
    for area in found[1:]:
        if not _LIST_GAP.match(words[offset + group[-1].end : offset + area.start]):
            break
        group.append(area)
    if len(group) == 1 or not any(not a.weak for a in group):
        # a word that names an area only as an item of a list ("information") counts only beside another area
        # of the list: "in four areas: leadership, staff, partnerships and information"
        strong = [a for a in found if not a.weak]
        group = [strong[0]]
        for area in strong[1:]:
            if not _LIST_GAP.match(words[offset + group[-1].end : offset + area.start]):
                break
            group.append(area)
    lead = words[offset : offset + group[0].start]
    if len([w for w in regex.findall(r"[\w’'-]+", lead) if w.lower() not in _COMPLEMENT_LEAD]) > 1:
        return []  # "in 2018, had made significant improvements ... staff": not what the label is for
    if _EXCEPTED_IN_SUBJECT.search(lead):
        return []  # "in all areas except resettlement": what is excepted is not what the label is for
    return [AreaMatch(a.start + offset, a.end + offset, a.entry, a.subject, a.weak) for a in group]


@cache
def _for_whom_table(era: str) -> tuple[regex.Pattern, dict[str, AreaEntry]]:
    """The era's people phrases (AreaEntry.for_whom) as one pattern, and the area each names."""
    whom = {phrase: entry for entry in AREAS_BY_ERA.get(era, ()) for phrase in entry.for_whom}
    alternatives = "|".join(regex.escape(p) for p in sorted(whom, key=len, reverse=True)) or "(?!)"
    return regex.compile(rf"^\s*(?P<whom>{alternatives})\s*(?:[,;.)]|$)", _I), whom


def _for_whom(words: str, era: str) -> AreaMatch | None:
    """The area whose people are all of the complement: "‘Outstanding’ for victims"."""
    pattern, whom = _for_whom_table(era)
    match = pattern.match(words)
    if match is None:
        return None
    entry = whom[match.group("whom").lower()]
    return AreaMatch(match.start("whom"), match.end("whom"), entry, entry.name)


def _areas_after_and(dedication: regex.Match, words: str, era: str) -> bool:
    """"for staff and for partnerships", "for staff and partnerships": "staff" opens a list of areas, not a
    dedication to the people ("for staff and volunteers of Anytown YJS")."""
    if not dedication.group().rstrip().lower().endswith("and"):
        return False
    rest = regex.sub(r"^\s*(?:for\s+)?(?:the\s+|its\s+|their\s+)?", "", words[dedication.end() :], flags=_I)
    found = find_areas(rest, era)
    return bool(found) and found[0].start == 0 and not found[0].weak


def _standards_of(domain: AreaMatch, ctx: Context) -> list[tuple[str, str | None, str]]:
    """The standards of a 2018-framework domain, for "every aspect of court disposals"."""
    code = domain.entry.code
    if code not in ("1", "2", "3"):
        return []
    out: list[tuple[str, str | None, str]] = [("standard", number, entry.name)
                                               for number, entry in STANDARDS_BY_CODE_2018.items()
                                               if number.startswith(f"{code}.")]
    if code == "3":
        # 3.4 by the inspection's year: joint working until 2021, then policy and provision
        policy = "3.4p" if (ctx.latest_year or 0) >= 2021 else "3.4j"
        entry = next(e for e in STANDARDS_2018 if e.key == policy)
        out.append(("standard", "3.4", f"{domain.entry.name}: {entry.name}"))
    return out


# Words that may open a clause before its subject.
_LEAD_IN = regex.compile(r"^(?:\W|and\b|but\b|however\b|meanwhile\b|overall\b|inspectors?\s+(?:also\s+)?(?:found|said|noted)"
                         r"(?:\s+that)?\b|the\s+report\s+(?:found|said)(?:\s+that)?\b|they\s+found(?:\s+that)?\b|that\b|also\b"
                         r"|in\s+addition\b|similarly\b|likewise\b"
                         # a subordinate clause states its own rating: "Although leadership was ‘Good’, ..."
                         r"|although\b|though\b|even\s+though\b|whilst\b|while\b|whereas\b|because\b)*", _I)


def _at_head(subject: str, area: AreaMatch) -> bool:
    """Is the area the head of the subject (its first words after a lead-in)?"""
    lead = _LEAD_IN.match(subject)
    start = lead.end() if lead else 0
    words_before = subject[start : area.start].split()
    return all(w.lower() in _HEAD_WORDS or _POSSESSIVE.match(w)
               or (w.lower() in _PURPOSE_VERBS and index > 0 and words_before[index - 1].lower() == "to")
               for index, w in enumerate(words_before))


# Words that may stand before the area at the head of a subject: "the work with", "Anytown's", "its quality of"
_HEAD_WORDS = frozenset({"the", "its", "their", "our", "work", "quality", "of", "effectiveness", "to", "on", "for", "in",
                         # nouns of the work itself: "monitoring to ensure sentences were served", "efforts to
                         # reduce reoffending", "action to protect the public"
                         "efforts", "effort", "action", "actions", "activity", "activities", "monitoring", "practice",
                         "performance", "delivery",
                         "with", "standard", "overall", "service's", "service’s", "yot's", "yot’s", "yos'", "yos’",
                         "yjs'", "yjs’", "children", "young", "people", "those", "cases", "all",
                         # whose work: "the quality of work with children subject to court orders", "... given
                         # out-of-court disposals", "... serving community sentences"
                         "subject", "given", "receiving", "serving", "under",
                         # the word that announces a pair: "Both court work and out-of-court work require improvement"
                         "both"})
# A possessive before the area: a name's ("Anytown's", "Anytowns'") or a noun's ("the board's leadership")
_POSSESSIVE = regex.compile(r"^(?:[A-Z][\w-]*[’']s?|[\w-]+[’']s)$")


_NEXT_WORD = regex.compile(r"^[’'\"”)]?\s*(?P<next>[A-Za-z][\w-]*)?")


def _predicative(right: str) -> bool:
    """The label ends its phrase ("was poor.", "was good, and ...") rather than describing a noun after it."""
    match = _NEXT_WORD.match(right)
    word = (match.group("next") or "").lower() if match else ""
    return word in PREDICATIVE_NEXT


def _count_words(words: str) -> bool:
    """A complement that counts areas: "in five categories", "in seven out of 12 areas", "in four", "in all areas"."""
    head = words[:60]
    if regex.match(r"^(?:19|20)\d\d\b", head):
        return False  # "rated ‘Inadequate’ in 2018": a year, not a count
    if regex.match(r"^(?:the\s+)?(?:remaining\s+|other\s+|rest\s+of\s+the\s+)?(?:\d+|one|two|three|four|five|six|seven"
                   r"|eight|nine|ten|eleven|twelve|all|most|many|some|several|every|each|remaining|other|rest)\b"
                   r"(?!\s+(?:of\s+)?(?:its|their|the)\s+(?:work|services))(?!\s+(?:years?|months?|weeks?|days?)\b)"
                   # "on the four-point scale": the scale's size, no count of areas
                   r"(?![\s-]+point\b)", head, _I):
        return True
    return bool(_COUNT.match(head))


# A place's possession at the head of a subject ("Anytown's canteen"), and the nouns that make it the service
# itself ("Anytown's youth offending team", "Anytown's work", "Anytown's overall performance").
_POSSESSED = regex.compile(r"(?:^|\s)(?P<place>(?-i:[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}))[’']s?\s+(?P<rest>[^,;]+)$")
# ... the service named without its place as the possessor: "The YOT's case management system", "the team's manager"
_SERVICE_POSSESSED = regex.compile(r"(?:^|\s)(?:the\s+|this\s+)?(?:YOT|YJS|YOS|service|team|partnership|youth\s+(?:justice"
                                   r"|offending)\s+(?:service|team|partnership))[’']s?\s+(?P<rest>[^,;]+)$", _I)
_WHOLE_SERVICE = regex.compile(r"\b(?:services?|teams?|YOTs?|YOS|YJS|YJT|YJP|work|performance|provision|partnership"
                               r"|arrangements|practice|youth\s+(?:justice|offending)|overall"
                               # the place's rating is its service's: "Anytown's rating improved from ..."
                               r"|rating|grade|grading|verdict|judgement|judgment|status)\b", _I)


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
    words = _INSPECTORATE.sub(" ", words)
    for match in regex.finditer(r"(?P<place>(?-i:(?:[A-Z][\w&-]+\s+){0,3}[A-Z][\w&-]+))(?:[’']s)?\s+(?:YOT|YJS|YOS"
                                r"|youth\s+(?:justice|offending)\s+(?:service|team)s?)\b", words, _I):
        place = match.group("place")
        if not place[:1].isupper() or place.lower().split()[-1] in _COMMON_CAPITALS:
            continue
        if ctx.places and not any(p in place.lower() or place.lower() in p for p in ctx.places):
            return place
    return None


# A name opening a complement: "for Newtown", "for the Newtown service", "in Newtown's court work"
# (a place of the register, or a name a service or possession follows: never an area written with capitals)
# A place opening the sentence as its setting: "In Westshire, staffing was rated ‘Outstanding’"
_PLACE_OPENING = regex.compile(r"^\W*(?i:in|at|across)\s+(?P<name>(?-i:[A-Z])[\w’'-]*(?:\s+(?:and\s+)?(?-i:[A-Z])[\w’'-]*){0,3})\s*,\s")
_COMPLEMENT_NAME = regex.compile(r"(?:the\s+)?(?P<name>(?-i:[A-Z])[\w&-]+(?:\s+(?-i:[A-Z])[\w&-]+){0,3})"
                                 r"(?P<own>[’']s\b|\s+(?:YOT|YJS|YOS|Youth\s+(?:Justice|Offending)|Council)\b)?", _I)


def _other_service(words: str, ctx: Context, opens_sentence: bool = True) -> str | None:
    """A capitalised place-like name that is not this service's place (a word capitalised only because it
    opens the sentence, "Unfortunately, ...", is not one; nor is the Inspectorate's own name, nor the
    council that leads this service: "the Anytown-led team"). ``opens_sentence``: whether the words' first one may
    be capitalised only for that (not the words after "for" in a complement)."""
    if not ctx.places:
        return None
    words = regex.sub(r"\b[\w-]+-(?:led|run)\b", " ", _INSPECTORATE.sub(" ", words))
    opening = regex.match(r"^[\W\d]*[A-Z][\w’'.-]*", words) if opens_sentence else None
    for match in _CAPITALISED.finditer(words):
        word = match.group().strip("’'.,")
        if opening and match.start() < opening.end() and not regex.match(r"[’']s\b|\s+(?:Council|YOT|YJS|YOS|Youth)\b",
                                                                          words[match.end() :]) \
                and not is_place(word):
            # (a place of the register opening the sentence is a place: "Rutland, Halton's neighbour, was rated")
            continue
        lowered = word.lower().removesuffix("’s").removesuffix("'s")
        if lowered in _COMMON_CAPITALS or len(lowered) < 3:
            continue
        if any(lowered in place.split() for place in ctx.places):
            continue
        return word
    return None


def _name_areas(areas: list[AreaMatch], context_text: str, era: str) -> list[tuple[AreaMatch, str | None, str]]:
    """(area, code, subject) for each rated area; a domain next to standards qualifies them."""
    domains = [a for a in areas if a.entry.scope == Scope.DOMAIN]
    standards = [a for a in areas if a.entry.scope != Scope.DOMAIN]
    if not standards:
        return [(a, a.entry.code, a.subject) for a in domains]
    out: list[tuple[AreaMatch, str | None, str]] = []
    pairs: list[tuple[AreaMatch, AreaMatch | None]]
    ordered = sorted(areas, key=lambda a: a.start)
    # each standard qualified by the domain right after it: "staff, planning for court cases and assessment for
    # out-of-court cases"
    # or by the domain right before it, its modifier: "planning in court cases and out-of-court assessment"; such a
    # modifier reaches the standards joined after it ("out-of-court assessment and planning"), never one before it
    prefixed = {id(b): a for a, b in itertools.pairwise(ordered)
                if a.entry.scope == Scope.DOMAIN and b.entry.relative is not None and b.entry.scope != Scope.DOMAIN
                and 0 < b.start - a.end <= 1}
    qualified = {id(a): b for a, b in itertools.pairwise(ordered)
                 if a.entry.relative is not None and a.entry.scope != Scope.DOMAIN and b.entry.scope == Scope.DOMAIN
                 and all(b is not d for d in prefixed.values())}
    qualified.update((k, v) for k, v in prefixed.items() if k not in qualified)
    if len(domains) >= 2 and len(qualified) == len(domains):
        pairs = [(s, qualified.get(id(s))) for s in standards]
    elif len(domains) >= 2 and all(a.entry.relative is not None for a in standards):
        # "assessments for court cases and for diverted cases": each standard in each domain named
        pairs = [(s, d) for d in domains for s in standards]
    else:
        domain = domains[0] if len(domains) == 1 else None
        if domain is None and not domains:
            before = {a.entry.key: a for a in find_areas(context_text, era) if a.entry.scope == Scope.DOMAIN}
            if len(before) == 1:
                domain = next(iter(before.values()))
        pairs = [(s, None if domain is not None and any(d is domain for d in prefixed.values())
                  and s.end <= domain.start else domain) for s in standards]
        qualifies_its_own = any(a.entry.code and domains and a.entry.code.startswith(f"{domains[0].entry.code}.")
                                and b is domains[0] for a, b in itertools.pairwise(ordered))
        if len(domains) == 1 and all(a.entry.relative is None for a in standards) and not qualifies_its_own:
            # a domain beside standards of no domain qualifies none of them: it is rated itself ("Out-of-court
            # work and resettlement were both judged ‘Inadequate’"); right after a standard of its own it only
            # says whose the standard is ("Joint working on out-of-court cases was ‘Inadequate’")
            out.append((domains[0], domains[0].entry.code, domains[0].subject))
    seen: set[tuple[str, str | None]] = set()
    for area, domain in pairs:
        key = (area.entry.key, domain.entry.key if domain is not None else None)
        if key in seen:
            continue
        seen.add(key)
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
