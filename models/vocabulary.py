"""Vocabularies the rating extractor matches, kept as data with a real example each.

Three kinds of entry:
- rating labels: the words of each rating scale, as people write them;
- rated areas: what a sentence can rate besides the service as a whole (the 2018
  framework's standards and domains, the 2012-2017 joint inspection themes, the
  2009-2012 core case inspection areas, the 2024 programme's areas);
- reasons: why a candidate mention was set aside, so that nothing is dropped silently.

Phrases are lower-case token sequences, matched with spaCy's PhraseMatcher on the
LOWER attribute (the same tokenizer splits the phrase and the text, so "out-of-court"
matches "Out-of-court" and "out - of - court" alike). The examples are sentences
from real press releases, reports, council papers and newspapers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Scope(StrEnum):
    """What a rating rates (ratings.scope): code compares these, never the words."""

    OVERALL = "overall"
    DOMAIN = "domain"
    STANDARD = "standard"
    THEME = "theme"
    PREVIOUS = "previous"


class Framework(StrEnum):
    """An inspection framework (documents.framework; the era a text's words belong to): its key in
    models.frameworks, or unknown."""

    CORE_CASE_2010 = "core_case_2010"
    JOINT_INSPECTION_2012 = "joint_inspection_2012"
    STANDARDS_2018 = "standards_2018"
    CHILDREN_AND_VICTIMS_2024 = "children_and_victims_2024"
    UNKNOWN = "unknown"


# ------------------------------------------------------------------ scales and labels
# The one vocabulary of rating labels: every reader (sentences, tables, the cheap pre-scan, the checks) takes
# its words from here.


@dataclass(frozen=True)
class Scale:
    name: str
    labels: tuple[str, ...]  # lowest first: rank = index


FOUR_POINT = Scale("four_point", ("Inadequate", "Requires improvement", "Good", "Outstanding"))
JOINT_INSPECTION = Scale("joint_inspection", ("Poor", "Unsatisfactory", "Satisfactory", "Good"))
IMPROVEMENT_REQUIRED = Scale(
    "improvement_required",
    ("Drastic improvement required", "Substantial improvement required", "Moderate improvement required",
     "Minimum improvement required"),
)
# The scale each framework judges on (models.frameworks names the frameworks).
SCALE_OF_ERA: dict[str, Scale] = {
    "standards_2018": FOUR_POINT,
    "children_and_victims_2024": FOUR_POINT,
    "joint_inspection_2012": JOINT_INSPECTION,
    "core_case_2010": IMPROVEMENT_REQUIRED,
}
_NEWER = ("standards_2018", "children_and_victims_2024")
_QUOTES = "‘’'\"“”"
_JOINT = ("joint_inspection_2012",)


@dataclass(frozen=True)
class LabelEntry:
    canonical: str  # the label as the tables store it
    phrases: tuple[str, ...]  # as written (lower case)
    eras: tuple[str, ...]  # the frameworks that judge with it (a label off its era's scale is a paraphrase)
    example: str


# Most specific first: a longer phrase wins over a shorter one inside it.
RATING_LABELS: tuple[LabelEntry, ...] = (
    LabelEntry("Requires improvement",
               ("requires improvement to be good", "requires improvement", "require improvement",
                "requiring improvement", "required improvement"), _NEWER,
               "Inspectors said Anytown YJS “requires improvement to be good”, naming three priorities."),
    LabelEntry("Outstanding", ("outstanding",), _NEWER,
               "The Inspectorate has given the Anytown team an overall rating of ‘Outstanding’ this spring."),
    LabelEntry("Good", ("good",), _NEWER + _JOINT,
               "Councillors heard that the service had been rated 'good' by the inspectors."),
    LabelEntry("Inadequate", ("inadequate",), _NEWER,
               "Inspectors rated the Anytown service ‘inadequate’, giving it a score of 2 out of 36."),
    LabelEntry("Unsatisfactory", ("unsatisfactory",), _JOINT,
               "Inspectors found that work to reduce reoffending was unsatisfactory."),
    LabelEntry("Satisfactory", ("satisfactory",), _JOINT,
               "In Anytown, inspectors judged public protection satisfactory."),
    LabelEntry("Poor", ("poor",), _JOINT,
               "the effectiveness of the governance arrangements was poor."),
    LabelEntry("Not rated", ("this standard was not rated", "not rated"), (*_NEWER, *_JOINT),
               "This standard was not rated"),
    LabelEntry("Not effective", ("not effective",), _JOINT,
               "Overall, governance was not effective."),
    LabelEntry("Ineffective", ("ineffective",), _JOINT,
               "Inspectors judged the work to protect the public in Anytown ineffective."),
    LabelEntry("Very good", ("very good",), _JOINT,
               "Anytown's work to make sure each sentence is served was very good."),
)

# The 2009-2012 core case inspection levels: "<level> improvement (required)".
# "Anytown's handling of risk and of safeguarding needs requires substantial improvement."
IMPROVEMENT_LEVELS: tuple[str, ...] = ("drastic", "substantial", "moderate", "minimum")  # lowest first
# "minimal improvement required" is how some pages write the top level.
IMPROVEMENT_LEVEL_WORDS: dict[str, str] = {"drastic": "drastic", "substantial": "substantial",
                                          "moderate": "moderate", "minimum": "minimum", "minimal": "minimum"}


@dataclass(frozen=True)
class RelativeLabel:
    position: int  # from the top of the era's scale: 0 the highest, 1 the second highest; -1 the lowest, -2 ...
    phrases: tuple[str, ...]  # lower case; an optional "possible" may stand before the noun
    example: str


# A label named by its place on the scale: "the lowest rating", "its highest mark", "the bottom grade". It is
# read on the scale of the document's framework; beside a label it only restates that label ("the highest
# grade of ‘Outstanding’"), and is then no candidate of its own.
RELATIVE_NOUNS: tuple[str, ...] = ("rating", "grade", "grading", "mark", "judgement", "judgment", "category",
                                   "verdict", "ratings", "grades", "marks")
# What a relative label's noun may be of, between the place and the noun: "Anytown YOS was handed the lowest
# possible performance rating", "its highest overall grade".
RELATIVE_NOUN_MODIFIERS: tuple[str, ...] = ("performance", "overall", "inspection")
RELATIVE_LABELS: tuple[RelativeLabel, ...] = (
    RelativeLabel(0, ("highest", "top", "best"),
                  "Leadership, case records and resettlement in Anytown were each given the top grade."),
    RelativeLabel(1, ("second highest", "second-highest", "second best", "second-best", "second top"),
                  "Northshire's youth justice service received the second highest rating in its inspection."),
    RelativeLabel(-2, ("second lowest", "second-lowest", "second worst", "second-worst"),
                  "Inspectors handed Anytown YOT the second-lowest grade after their visit."),
    RelativeLabel(-1, ("lowest", "bottom", "worst"),
                  "Planning, delivery and reviewing in Anytown all received the lowest possible rating."),
)


def canonical_label(words: str, written: str | None = None, era: str | None = None, required: bool = False) -> str:
    """The label as stored, from its words (lower case, single-spaced): "requiring improvement" ->
    "Requires improvement"; a core case level as written, in its scale's words: "Moderate improvement required"
    when the improvement is said to be required ("MODERATE improvement required", "requires ‘moderate’
    improvement", "in need of drastic improvement": ``required`` says a verb of needing stands beside it),
    else "Moderate improvement" ("must make a ‘moderate improvement’"); "the lowest rating" -> the lowest label of
    the era's scale; anything else as written, in sentence case."""
    words = " ".join("".join(ch for ch in words.lower() if ch not in _QUOTES).split())
    first = words.split(" ")[0] if words else ""
    if first in IMPROVEMENT_LEVEL_WORDS and "improvement" in words:
        level = IMPROVEMENT_LEVELS.index(IMPROVEMENT_LEVEL_WORDS[first])
        if required or words.endswith("required"):
            return IMPROVEMENT_REQUIRED.labels[level]
        return IMPROVEMENT_REQUIRED.labels[level].removesuffix(" required")
    for entry in RATING_LABELS:
        if words in entry.phrases:
            return entry.canonical
    position = relative_position(words)
    if position is not None:
        scale = SCALE_OF_ERA.get(era or "", FOUR_POINT)
        return scale.labels[::-1][position] if position >= 0 else scale.labels[-position - 1]
    text = (written if written is not None else words).strip()
    return text[:1].upper() + text[1:].lower()


def comparable_label(label: str) -> str:
    """One label per point of a scale, to compare documents and services by: a core case level as its scale
    names it ("Moderate improvement" -> "Moderate improvement required"); any other label as it is."""
    level = label.split()[0].lower() if label else ""
    if level in IMPROVEMENT_LEVEL_WORDS and "improvement" in label.lower():
        return IMPROVEMENT_REQUIRED.labels[IMPROVEMENT_LEVELS.index(IMPROVEMENT_LEVEL_WORDS[level])]
    return label


def relative_position(words: str) -> int | None:
    """The place on the scale a relative label names ("the lowest possible rating" -> -1), or None."""
    tokens = [t for t in words.replace("-", " - ").split()
              if t not in ("the", "its", "their", "a", "possible", *RELATIVE_NOUN_MODIFIERS)]
    if len(tokens) >= 3 and tokens[-3:-1] in (["of", "four"], ["of", "4"]):
        tokens = tokens[:-3] + tokens[-1:]  # the scale's size: "the second highest of four possible ratings"
    if not tokens or tokens[-1] not in RELATIVE_NOUNS:
        return None
    head = " ".join(tokens[:-1]).replace(" - ", "-")
    for entry in RELATIVE_LABELS:
        if head in entry.phrases:
            return entry.position
    return None


def label_on_era_scale(label: str, era: str) -> bool:
    """Is the (canonical) label one the era's framework judges with? A label off the scales, kept as written
    after "judged as", is allowed in every era but the core case inspections'."""
    level = label.split()[0].lower() if label else ""
    if level in IMPROVEMENT_LEVEL_WORDS and "improvement" in label.lower():
        return era == "core_case_2010"
    if era == "core_case_2010":
        return False
    entry = next((e for e in RATING_LABELS if e.canonical == label), None)
    return entry is None or era not in SCALE_OF_ERA or era in entry.eras


# ratings.scale of a judgement on none of the frameworks' scales ("Not effective", "Very good")
OFF_SCALE = "other"


def scale_and_rank(label: str, scope: str) -> tuple[str, int | None]:
    """The scale a canonical label is on, and its rank there (0 the lowest)."""
    if label == "Not rated":
        return "not_rated", None
    level = label.split()[0].lower() if label else ""
    if level in IMPROVEMENT_LEVEL_WORDS and "improvement" in label.lower():
        # "Moderate improvement", "Substantial improvement required": the level decides the rank.
        return IMPROVEMENT_REQUIRED.name, IMPROVEMENT_LEVELS.index(IMPROVEMENT_LEVEL_WORDS[level])
    if label in JOINT_INSPECTION.labels and (label != "Good" or scope == "theme"):
        return JOINT_INSPECTION.name, JOINT_INSPECTION.labels.index(label)
    if label in FOUR_POINT.labels:
        return FOUR_POINT.name, FOUR_POINT.labels.index(label)
    return OFF_SCALE, None


# Verbs after which a quoted judgement off the four scales is still a judgement, kept as written.
# "Back in 2005 the team was judged as ‘Weak/Failing’ by inspectors."
JUDGED_AS_VERBS: tuple[str, ...] = ("judged as", "rated as", "graded as", "classed as", "classified as")


# ------------------------------------------------------------------ areas


@dataclass(frozen=True)
class AreaEntry:
    key: str  # stable key of the area ('1.1', 'x.2', 'domain:3', 'theme:protecting_public')
    scope: str  # standard | domain | theme
    name: str  # canonical subject
    # phrase -> subject to record: None keeps the canonical name, "" keeps the words as written
    phrases: dict[str, str | None]
    example: str
    code: str | None = None  # '1.1', '4.1', a domain's number; None for domain-relative standards
    relative: int | None = None  # position inside its domain (assessment 1 ... reviewing 4)
    # Words that name the area only as one item of a list of areas ("quality of information" beside
    # "planning, delivery"): alone they are too common to mean the area. Recorded as written.
    weak: tuple[str, ...] = ()
    # The people the area's work is for, which name it only as all of a label's complement: "‘Good’ for its work
    # with children and ‘Outstanding’ for victims" (never a subject: "victims were satisfied")
    for_whom: tuple[str, ...] = ()


def _as_written(*phrases: str) -> dict[str, str | None]:
    return dict.fromkeys(phrases, "")


def _canonical(*phrases: str) -> dict[str, str | None]:
    return dict.fromkeys(phrases)


# 2018 standards framework (and its 2021 revision adding 4.1 resettlement).
STANDARDS_2018: tuple[AreaEntry, ...] = (
    AreaEntry("1.1", "standard", "Governance and leadership",
              {**_canonical("governance and leadership", "leadership and governance", "leadership and management",
                            "management and leadership", "governance", "leadership", "board leadership",
                            "strategic leadership", "leadership of the service", "governance arrangements",
                            # the people who lead ("its leaders were rated ‘Good’")
                            "leaders", "senior leaders", "leadership team", "senior leadership team",
                            # the board's work, not the board ("the management board was pleased with the
                            # rating" is the board's reaction)
                            "work of the management board", "management board's work"), },
              "Inspectors singled out Anytown's leadership, rating it ‘Outstanding’.", code="1.1",
              weak=("management",)),
    AreaEntry("1.2", "standard", "Staff",
              _canonical("staff", "staffing", "staffing arrangements", "workforce", "staff team", "the staff team",
                         "staffing of the team"),
              "Inspectors singled out two areas in Northshire – staff, and diversion planning – as ‘Outstanding’.",
              code="1.2"),
    AreaEntry("1.3", "standard", "Partnerships and services",
              {**_canonical("partnerships and services", "partnerships", "partnership and services",
                            "services and partnerships", "partnership arrangements"),
               **_as_written("partnership working", "partnership work", "work with partners")},
              "Partnership working was rated ‘outstanding’ ...", code="1.3",
              weak=("services", "service provision", "range of services")),
    AreaEntry("1.4", "standard", "Information and facilities",
              _canonical("information and facilities", "it and facilities", "information & facilities",
                         "information sharing and facilities", "information, and facilities",
                         "information sharing, and facilities",
                         # the buildings and the computers: "IT and premises were rated ‘Good’"
                         "it and premises", "premises and facilities", "facilities and premises"),
              "... while information and facilities were considered ‘good’.",
              code="1.4", weak=("information", "quality of information", "information sharing", "facilities",
                                "management information", "premises")),
    AreaEntry("x.1", "standard", "Assessment",
              _canonical("assessment", "assessments", "assessing", "are assessed", "were assessed",
                         "assessment work"),
              "It was rated ‘requires improvement’ for the assessment of out-of-court disposals ...", relative=1),
    AreaEntry("x.2", "standard", "Planning",
              _canonical("planning", "plans", "case planning"),
              "... while it was ‘outstanding’ for planning in out-of-court disposals.", relative=2),
    AreaEntry("x.3", "standard", "Implementation and delivery",
              _canonical("implementation and delivery", "delivery and implementation", "delivery of services",
                         "implementation", "delivery", "intervention delivery", "delivery of interventions"),
              "Implementation and delivery was rated as requiring improvement.", relative=3),
    AreaEntry("x.4", "standard", "Reviewing",
              _canonical("reviewing", "review process", "reviewing of court disposals", "reviewing of cases",
                         "review of cases", "case reviews", "reviews"),
              "The report highlights ... the review process as \"outstanding\".", relative=4,
              # "review" alone is any review ("a review of the service"): the standard only in a list of its
              # neighbours ("Assessment, planning and review in court cases were rated ‘Good’")
              weak=("review",)),
    AreaEntry("3.4j", "standard", "Joint working",
              _canonical("joint working"),
              "Planning and joint working were outstanding.", code="3.4"),
    AreaEntry("3.4p", "standard", "Out-of-court disposal policy and provision",
              _canonical("out-of-court disposal policy and provision", "out-of-court disposal policy & provision",
                         "out of court disposal policy and provision", "out-of-court policies", "out of court policies",
                         "out-of-court policy", "out of court policy", "out-of-court disposal policy",
                         "out of court disposal policy", "diversion policy"),
              "... rated as good or outstanding for ... out-of-court disposal policy & provision ...", code="3.4",
              # alone it may be anyone's policy ("Policy and provision for victims"): only an item of a list of the
              # domain's standards
              weak=("policy and provision",)),
    AreaEntry("4.1", "standard", "Resettlement policy and provision",
              _canonical("resettlement policy and provision", "resettlement policy & provision", "resettlement",
                         "resettle", "domain four", "domain 4", "custody and resettlement", "leaving custody",
                         "released from custody", "children in custody",
                         # the thesaurus word a rewritten story puts for it ("Westshire's relocation work")
                         "relocation"),
              "We also inspected the quality of resettlement policy and provision, which was separately rated as ‘Good’.",
              code="4.1"),
    AreaEntry("domain:1", "domain", "Organisational delivery",
              _canonical("organisational delivery", "domain one", "domain 1",
                         "organisational arrangements",
                         # the domain in a retelling's words: "rated ‘Good’ for the way it is organised and led"
                         # (only after "how" or "the way": "the service is well led and managed" describes it)
                         *(f"{how} {who} {be} {done}" for how in ("how", "way")
                           for who in ("it", "the service", "the team", "the yot", "the yjs", "the yos")
                           for be in ("is", "was") for done in ("organised and led", "led and organised",
                                                                "organised and managed", "led and managed"))),
              "... excellent organisational delivery and good out of court disposal work ...", code="1"),
    AreaEntry("domain:2", "domain", "Court disposals",
              _canonical("court disposals", "court disposal", "court disposal work", "court work", "court orders",
                         "court order", "court sentences", "court cases", "post-court", "post-court orders",
                         "sentenced by the courts", "sentenced by courts", "sentenced by the court",
                         "sentenced by a court", "sentenced in court", "sentenced in courts", "sentenced in the courts",
                         "sentenced at court", "given orders by courts", "orders given by courts", "dealt with by the courts", "domain two",
                         "domain 2", "post-court work", "post court work", "sentenced children", "court-sentenced",
                         "court sentenced", "post-court cases", "court-ordered", "court ordered",
                         "children on court orders", "statutory orders", "statutory court orders"),
              "Inspectors rated Anytown's court disposals on their own as ‘Outstanding’.",
              code="2"),
    AreaEntry("domain:3", "domain", "Out-of-court disposals",
              _canonical("out-of-court disposals", "out-of-court disposal", "out of court disposals",
                         "out of court disposal", "out-of-court-disposals", "out-of-court work", "out of court work",
                         "out-of-court processes", "out-of-court cases", "out-of-court", "out of court", "diversion",
                         "domain three", "domain 3", "pre-court work", "pre court work", "diverted", "diversion cases",
                         "diversionary", "outside the court system", "outside of the court system",
                         "community resolutions", "cautions and community resolutions", "pre-court", "pre court",
                         # the youth caution, one of the disposals, as the noun of a phrase (never "cautions" alone:
                         # "the report cautions that ..." is a verb): "its work with children given cautions"
                         "given cautions", "given a caution", "youth cautions", "serving cautions",
                         "cautions or community resolutions"),
              "It was rated ‘requires improvement’ for the assessment of out-of-court disposals ...", code="3"),
)

# 2024 programme: inspections of youth justice work with children and victims.
CHILDREN_AND_VICTIMS_2024: tuple[AreaEntry, ...] = (
    AreaEntry("victims", "standard", "Work with victims",
              _canonical("work with victims", "working with victims", "victims work", "victim work",
                         "work to support victims", "support for victims", "work for victims",
                         "support to victims", "supporting victims", "victims of crime",
                         # the programme's own wording: "the quality of work done with victims"
                         "work done with victims", "work undertaken with victims", "work carried out with victims",
                         # the possessive: "rated ‘Good’ for leadership, children’s work and victims’ work"
                         "victims’ work", "victims' work",
                         # how a retelling names the work ("the service's approach to victims was ‘Good’")
                         "approach to victims", "services for victims", "provision for victims"),
              "Work with victims was rated as ‘Requires improvement’.",
              for_whom=("victims", "victims of crime", "the victims")),
    AreaEntry("children", "standard", "Work with children",
              _canonical("work with children", "working with children", "work done with children",
                         "work undertaken with children", "work carried out with children", "children’s work",
                         "children's work",
                         # a heading's shorthand and the older word ("Children work: Good", "its work with young
                         # people was rated ‘Good’": only in the 2024 programme's documents)
                         "children work", "work with young people", "working with young people"),
              "Work with children was rated ‘Good’.",
              for_whom=("children", "children and young people", "young people")),
)

# The 2024 programme's own name for all the work it inspects: the whole inspection, never one of its areas
# ("Work with children and victims in Anytown has been rated ‘Outstanding’" is the overall rating, not work with
# children's). Found as the longest phrase, then dropped: what it names is the service's work.
WHOLE_OF_THE_WORK_2024: tuple[str, ...] = ("work with children and victims", "work with victims and children",
                                           "work with children and with victims")

# 2012-2017 full joint inspections: the themes.
JOINT_THEMES_2012: tuple[AreaEntry, ...] = (
    AreaEntry("theme:interventions", "theme", "Interventions to reduce reoffending",
              {**_canonical("interventions to reduce reoffending", "delivery and management of interventions",
                            "management and delivery of interventions", "delivery of interventions",
                            "support to reduce reoffending",
                            "support to reduce re-offending"),
               **_as_written("interventions")},
              "In Anytown, the delivery and management of interventions was judged unsatisfactory."),
    AreaEntry("theme:court_work", "theme", "Court work and reports",
              _canonical("court work and reports", "work in court", "report writing", "reports to court",
                         "reports for courts",
                         # the work itself without its reports: "Work with the courts was rated good" (in a joint
                         # inspection, the only theme of court work)
                         "court work", "work with the courts", "work with courts", "work in the courts",
                         "work for the courts", "court work and reports to court"),
              "Anytown's report writing for the courts was unsatisfactory"),
    AreaEntry("theme:reducing_reoffending", "theme", "Reducing reoffending",
              {**_canonical("work to reduce reoffending", "reduce reoffending", "reduce re-offending",
                            "work to curb reoffending", "work to make each individual less likely to reoffend",
                            "reducing offending", "reduce offending",
                            # the everyday verbs a retelling puts for "reduce": "work to cut reoffending"
                            "cut reoffending", "cut re-offending", "cutting reoffending", "curb reoffending",
                            "curbing reoffending", "prevent reoffending", "preventing reoffending",
                            "tackle reoffending", "tackling reoffending"),
               **_as_written("reducing reoffending", "reducing re-offending", "reducing the likelihood of reoffending",
                             "likelihood of reoffending", "likelihood of re-offending")},
              "Anytown's work to reduce reoffending was judged satisfactory",
              weak=("reoffending", "re-offending", "reoffending rates")),
    AreaEntry("theme:protecting_public", "theme", "Protecting the public",
              {**_canonical("work to protect the public", "protect the public", "public protection", "public safety",
                            "protection of the public"),
               **_as_written("protecting the public")},
              "Anytown's public protection work was good."),
    AreaEntry("theme:protecting_child", "theme", "Protecting children and young people",
              {**_canonical("work to protect children", "protect children", "protect the child", "protecting the child",
                            "protect children and young people", "reduce their vulnerability", "child protection",
                            "child-protection",
                            # the everyday words for it: "work to keep young people safe was unsatisfactory"
                            "keep young people safe", "keeping young people safe", "keep children safe",
                            "keeping children safe", "keep children and young people safe"),
               **_as_written("protecting children and young people", "protecting the child or young person",
                             "protecting children", "safeguarding")},
              "work to protect children and reduce their vulnerability was good. Assessments were thorough"),
    AreaEntry("theme:sentence_served", "theme", "Ensuring the sentence is served",
              {**_canonical("sentence was served", "sentence is served", "ensure the sentence was served",
                            "ensure that the sentence was served", "make sure the sentence was served",
                            "sentences were served", "sentences are served", "sentences served",
                            "ensuring sentences are served", "ensuring the sentence is served",
                            "ensuring that the sentence is served", "ensuring sentences were served",
                            "sentence served", "make sure sentences are served", "make sure sentences were served",
                            "ensure sentences are served", "ensure sentences were served",
                            "make sure the sentence is served", "ensure the sentence is served",
                            "ensure that sentences are served", "make sure that sentences are served"),
               **_as_written("making sure the sentence is served", "making sure the sentence was served",
                             "making sure sentences are served", "making sure sentences were served",
                             "ensuring the sentence was served")},
              "Inspectors judged that ensuring the sentence is served was good in Anytown"),
    AreaEntry("theme:governance", "theme", "Governance and partnerships",
              {**_canonical("governance and partnership arrangements", "effectiveness of governance",
                            "governance and partnerships", "governance and partnership", "governance",
                            "leadership and management"),
               **_as_written("governance arrangements", "effectiveness of management", "management and leadership",
                             "work of the management board")},
              "the effectiveness of governance and partnership arrangements was good, with a clear plan",
              weak=("management", "partnership arrangements", "partnerships")),
)

# 2009-2012 core case inspections: the three areas each judged on the improvement scale.
CORE_CASE_2010: tuple[AreaEntry, ...] = (
    AreaEntry("cci:safeguarding", "theme", "Safeguarding",
              {**_canonical("action to protect the young person", "safeguard offenders"),
               **_canonical("child protection", "child-protection", "protecting the young person"),
               # the area in a retelling's words: "work to protect children and young people required
               # substantial improvement" (the public's protection is risk of harm to others)
               **_canonical("protect children and young people", "protecting children and young people",
                            "protect children", "protecting children", "protect the child", "protecting the child",
                            "keeping children and young people safe", "keep children and young people safe",
                            "keeping children safe", "keep children safe", "keeping young people safe"),
               **_as_written("safeguarding")},
              "Anytown's safeguarding work requires substantial improvement, inspectors said."),
    AreaEntry("cci:risk_of_harm", "theme", "Risk of harm to others",
              {**_canonical("risk of harm to others", "protect the public", "protecting the public"),
               **_as_written("risk of harm", "public protection")},
              "... and ‘moderate’ improvement on risk of harm to others."),
    AreaEntry("cci:likelihood_of_reoffending", "theme", "Likelihood of reoffending",
              {**_canonical("action to stop an individual reoffending", "work on reoffending", "reoffending work",
                            "re-offending work", "work to reduce reoffending", "reduce reoffending"),
               **_as_written("likelihood of reoffending", "reduce the likelihood of reoffending",
                             "likelihood of re-offending", "reducing the likelihood of reoffending",
                             "reducing reoffending", "reducing re-offending")},
              "Likelihood of Reoffending\t72%\tModerate improvement required",
              # "reoffending" alone names the theme in a list ("safeguarding, risk of harm and reoffending")
              weak=("reoffending", "re-offending")),
)


def _standards_by_code_2018() -> dict[str, AreaEntry]:
    """Each 2018 standard by its number: the numbered ones as they are, the domain-relative ones (assessment ...
    reviewing) in court (2.x) and out-of-court (3.x) disposals under their domain's name. 3.4 is left out: its
    name changed in 2021 (joint working, then policy and provision), so the number alone does not say which."""
    domains = {e.code: e for e in STANDARDS_2018 if e.scope == "domain"}
    out = {e.code: e for e in STANDARDS_2018 if e.scope == "standard" and e.code and e.code != "3.4"}
    for entry in STANDARDS_2018:
        if entry.relative is None:
            continue
        for domain in ("2", "3"):
            if domain == "3" and entry.relative == 4:
                continue  # out-of-court disposals have no reviewing standard
            code = f"{domain}.{entry.relative}"
            out[code] = AreaEntry(code, "standard", f"{domains[domain].name}: {entry.name}", {},
                                  f"Standard {code} was rated ‘Good’.", code=code)
    return dict(sorted(out.items()))


# "Standard 2.1 (assessment) was rated ‘Requires improvement’", "Standards 3.1 and 3.2 were both ‘Good’"
STANDARDS_BY_CODE_2018: dict[str, AreaEntry] = _standards_by_code_2018()

# Standards that are the whole of their domain: resettlement (4.1) has no assessment, planning or delivery of its
# own, so "the planning of resettlement cases" rates resettlement ("planning for court cases" is 2.2).
WHOLE_DOMAIN_STANDARDS = frozenset({"4.1"})

AREAS_BY_ERA: dict[str, tuple[AreaEntry, ...]] = {
    # "work with victims" names nothing else; "work with children" would catch "work with children sentenced by the
    # courts", so the 2018 framework's documents do without it.
    "standards_2018": STANDARDS_2018 + CHILDREN_AND_VICTIMS_2024[:1],
    "children_and_victims_2024": CHILDREN_AND_VICTIMS_2024 + STANDARDS_2018,
    "joint_inspection_2012": JOINT_THEMES_2012,
    "core_case_2010": CORE_CASE_2010,
}


# ------------------------------------------------------------- set aside


@dataclass(frozen=True)
class Reason:
    name: str
    description: str
    example: str = field(default="")
    # A line before the example that the decision needs: the document's own service, or its framework.
    context: str = field(default="")


# Why a candidate mention did not become a fact. 'unexplained' is the fallback that a
# reviewer should never see: each one is a phrasing no rule has understood yet.
SET_ASIDE_REASONS: tuple[Reason, ...] = (
    Reason("ordinary_word", "the word in its everyday sense, not a judgement",
           "The YOT had a good understanding of the children's needs."),
    Reason("scale_definition", "the scale or a label defined, not applied",
           "Following the end of the inspection, the YOT will be given an overall rating, either Outstanding, Good, Requires improvement or Inadequate."),
    Reason("sector_wide", "about services in general or the sector as a whole",
           "two-thirds of the services we inspected were rated as ‘Good’ or ‘Outstanding’ – none were rated ‘Inadequate’."),
    Reason("other_service", "a judgement of another service",
           "Anytown's youth offending team was rated ‘Requires improvement’ in the same week.",
           context="Newtown Youth Offending Team rated ‘Good’"),
    Reason("other_inspectorate", "a judgement by another inspectorate",
           "The Care Quality Commission inspected the service in 2012 and rated it ‘Good’."),
    Reason("count_of_areas", "how many areas got a label, without naming them",
           "In three of the 12 areas examined, the service was rated ‘Outstanding’."),
    Reason("vague_area", "a label for unnamed or hedged parts of the work",
           "Anytown YOS is \"good\", the inspectors said, and some parts of it are \"outstanding\" areas."),
    Reason("hedged", "a label qualified as partly true",
           "Anytown's court work was mostly ‘Outstanding’."),
    Reason("ambiguous_label", "two labels offered as alternatives",
           "Anytown was found good or outstanding across its casework."),
    Reason("hypothetical", "a rating that was not given: an aim, a counterfactual",
           "... the service was only saved from an overall ‘Inadequate’ rating by its out-of-court work."),
    Reason("negated", "a label the sentence denies",
           "None of Anytown's standards was rated ‘Inadequate’."),
    Reason("survey_response", "an answer in a survey of staff, children or parents",
           "A fifth of the parents asked rated their contact as “poor”."),
    Reason("no_overall_in_framework", "a summary label where the framework gives no overall rating",
           "Youth offending work in Anytown deemed 'unsatisfactory'"),
    Reason("other_scale", "a label from another scale than the one the inspection's framework uses",
           "Inspectors found that work to protect the public was inadequate.",
           context="Core case inspection of youth offending work in Anytown, 2010"),
    Reason("contradicts_fact", "a different label for a subject already rated: kept out rather than guessed between",
           ""),
    Reason("mixed_judgement", "one subject given two labels in one sentence: a summary of its parts, neither its rating",
           "Inspectors found Anytown's out-of-court work was ‘inadequate’ and required improvement."),
    Reason("speaker_opinion", "a speaker's own praise or criticism in a quotation, not the inspection's judgement",
           "“Our staff are outstanding,” said Cllr Jones, the council's cabinet member for children.",
           context="Anytown Youth Justice Service rated ‘Good’"),
    Reason("method_band", "a band of the scoring method, not a judgement", "80% +\tGood"),
    Reason("no_rated_subject", "a label whose rated subject the sentence does not name",
           "Anytown Youth Offending Team is doing ‘outstanding’ work with children and young people, according to a report out today."),
    Reason("table_cell", "a label in a table that is not a ratings row", ""),
    Reason("not_a_date", "a month name used as another word", "Inspectors may pose questions."),
    Reason("year_not_stated", "a day or month without its year", "Its report, published on June 9, said ..."),
    Reason("invalid_date", "a date that does not exist", "31/02/2020"),
    Reason("no_number", "a percent sign or 'per cent' without a number", "% ‘Yes’"),
    Reason("not_a_score", "a count written 'N out of M', not a score", "Inspectors examined 17 out of 20 cases."),
    Reason("prose_recommendation", "a recommendation described in prose, not listed as an item",
           "The inspectors made two recommendations for the management board, including a review of how it uses volunteers."),
    Reason("not_an_item", "a line under an owner that does not read as a recommendation", ""),
    Reason("unexplained", "no rule explains it: a phrasing to look at", ""),
)
REASON_NAMES: tuple[str, ...] = tuple(r.name for r in SET_ASIDE_REASONS)


class ReasonName(StrEnum):
    """Why a candidate was set aside (mentions.reason), as code compares it: one member per entry of
    SET_ASIDE_REASONS above (a test holds them equal)."""

    ORDINARY_WORD = "ordinary_word"
    SCALE_DEFINITION = "scale_definition"
    SECTOR_WIDE = "sector_wide"
    OTHER_SERVICE = "other_service"
    OTHER_INSPECTORATE = "other_inspectorate"
    COUNT_OF_AREAS = "count_of_areas"
    VAGUE_AREA = "vague_area"
    HEDGED = "hedged"
    AMBIGUOUS_LABEL = "ambiguous_label"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"
    SURVEY_RESPONSE = "survey_response"
    NO_OVERALL_IN_FRAMEWORK = "no_overall_in_framework"
    OTHER_SCALE = "other_scale"
    CONTRADICTS_FACT = "contradicts_fact"
    MIXED_JUDGEMENT = "mixed_judgement"
    SPEAKER_OPINION = "speaker_opinion"
    METHOD_BAND = "method_band"
    NO_RATED_SUBJECT = "no_rated_subject"
    TABLE_CELL = "table_cell"
    NOT_A_DATE = "not_a_date"
    YEAR_NOT_STATED = "year_not_stated"
    INVALID_DATE = "invalid_date"
    NO_NUMBER = "no_number"
    NOT_A_SCORE = "not_a_score"
    PROSE_RECOMMENDATION = "prose_recommendation"
    NOT_AN_ITEM = "not_an_item"
    UNEXPLAINED = "unexplained"

# How a candidate's fact type is named in the mentions table.
MENTION_TYPES: tuple[str, ...] = ("rating", "score", "percentage", "date", "recommendation")


# ------------------------------------------------------------- language
# Words frequent in Welsh and absent from English prose (and the reverse): a text with more of the first is
# Welsh. "Mae’r gwasanaeth cyfiawnder ieuenctid wedi gwneud cynnydd" / "The youth justice service has made progress"
WELSH_WORDS = frozenset("""
yr mae gan wedi hefyd gyda sydd bod fod hyn ond neu ymhlith rhaid gwasanaeth gwasanaethau cyfiawnder ieuenctid
arolygiad adroddiad plant pobl ifanc argymhellion cynnydd ansawdd gwaith ddioddefwyr dioddefwyr
""".split())
ENGLISH_WORDS = frozenset("the and of to was for with that this were have has from which their".split())
