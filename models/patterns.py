"""Pattern vocabularies: named, commented with a real example, kept as data.

Extractors compile these; nothing here knows about files or tables. Patterns
are `regex` module patterns (case-insensitive unless marked).
"""

from __future__ import annotations

from dataclasses import dataclass

# --------------------------------------------------------------- rating scales


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

# Label text as written -> canonical label. Keys are lower case.
LABEL_SYNONYMS: dict[str, str] = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires improvement": "Requires improvement",
    "require improvement": "Requires improvement",
    "inadequate": "Inadequate",
    "satisfactory": "Satisfactory",
    "unsatisfactory": "Unsatisfactory",
    "poor": "Poor",
    "not rated": "Not rated",
    "this standard was not rated": "Not rated",
    "not effective": "Not effective",
    "very good": "Very good",  # 2012-2017 press releases: "work to ensure the sentence was served was very good"
    "drastic improvement required": "Drastic improvement required",
    "substantial improvement required": "Substantial improvement required",
    "moderate improvement required": "Moderate improvement required",
    "minimum improvement required": "Minimum improvement required",
}

# A cell or line that is nothing but a rating ("Requires improvement", "'Good'").
RATING_CELL = (
    r"^[‘’'\"“”]?(?P<label>outstanding|good|requires improvement|inadequate|satisfactory|"
    r"unsatisfactory|poor|not rated|this standard was not rated|"
    r"(?:drastic|substantial|moderate|minimum) improvement required)[’'\"”]?\.?(?:\s*[★☆*]{1,5})?$"
)

# A quoted four-point or joint label inside a sentence: "rated as 'Requires improvement'".
_LABEL_WORDS = "outstanding|good|requires improvement|inadequate|satisfactory|unsatisfactory|poor"


def quoted_label(group: str = "label") -> str:
    """A rating label in quotes, captured as `group`."""
    return rf"[‘’'\"“”](?P<{group}>{_LABEL_WORDS})[’'\"”]"


QUOTED_LABEL = quoted_label()
BARE_LABEL = rf"(?P<label>{_LABEL_WORDS})"

# ---------------------------------------------- overall rating in sentences
# Each: (name, pattern, example). The label group is named `label`.
OVERALL_RATING_PATTERNS: tuple[tuple[str, str, str], ...] = (
    (
        "received_overall_rating",
        r"\b(?:received|given|awarded|achieved|gained)\s+(?:an?\s+)?overall\s+rating\s+of\s+" + QUOTED_LABEL,
        "West Mercia Youth Justice Service (YJS) has received an overall rating of ‘Requires improvement’",
    ),
    (
        "resulted_in_overall_rating",
        r"\b(?:resulted\s+in|led\s+to)\s+(?:the|an)\s+overall\s+rating\s+of\s+" + QUOTED_LABEL,
        "this resulted in the overall rating of ‘Requires improvement’.",
    ),
    (
        "overall_rated_as",
        r"\boverall,?\s+[^.;]{0,90}?\b(?:was|has\s+been|is|were)\s+rated\s+(?:as\s+)?" + QUOTED_LABEL,
        "Overall, Conwy and Denbighshire YJS was rated as 'Requires improvement'.",
    ),
    (
        "rated_overall",
        r"\b(?:was|has\s+been|is|been)\s+rated\s+(?:as\s+)?" + QUOTED_LABEL + r"\s+overall\b",
        "Sefton Youth Offending Team has been rated ‘Good’ overall by HM Inspectorate of Probation.",
    ),
    (
        "work_was_label_overall",
        r"\b(?:YOT|YJS|YOS|service|services|work|team|partnership)\b(?:(?!reduc|protect|sentence|governance|intervention|court|victim)[^.;]){0,60}?"
        r"\b(?:was|were|is|are|has\s+been|had\s+been)\s+(?:judged\s+(?:to\s+be\s+)?|found\s+to\s+be\s+)?[‘'\"“]?" + BARE_LABEL + r"[’'\"”]?\s+overall\b",
        "Youth offending work in Warwickshire was good overall, some of it very good.",
    ),
    (
        "found_to_be_overall",
        r"\bfound\s+(?:by\s+inspectors\s+)?to\s+be\s+[‘'\"“]?" + BARE_LABEL + r"[’'\"”]?\s+overall\b",
        "Wrexham Youth Justice Service (YJS) in North Wales was found by inspectors to be good overall",
    ),
    (
        "rated_by_inspectors",
        r"\b(?:has\s+been|was|been)\s+rated\s+(?:as\s+)?" + QUOTED_LABEL + r"\s+by\s+(?:inspectors|HM\s+Inspectorate|the\s+Inspectorate)",
        "Bradford Youth Offending Team has been rated ‘Outstanding’ by inspectors.",
    ),
    (
        "has_rated_as",
        r"\b(?:has|have|had)\s+(?:rated|judged)\s+(?:the\s+)?(?:work\s+of\s+)?(?:YOT|YJS|YOS|youth\s+(?:justice|offending)\s+(?:services?|team|work)|service|partnership)\b"
        r"(?:(?!disposal|delivery|provision|standard|domain|aspect|which|work\b)[^.;]){0,60}?\s+(?:as\s+)?" + QUOTED_LABEL,
        "HM Inspectorate of Probation has rated youth justice services in Sutton ‘Good’.",
    ),
    (
        "rated_the_service_as",
        r"\brated\s+(?:the\s+|this\s+)?(?:service|YOT|YJS|YOS|team|partnership)\s+(?:as\s+)?" + QUOTED_LABEL + r"(?!\s+for\b)",
        "The previous inspection in 2019 rated the service as ‘Good’.",  # an earlier rating: the cue comes first
    ),
    (
        "overall_label_rating",
        r"\b(?:received|given|awarded|achieved|gained|earned)\s+an?\s+overall\s+" + QUOTED_LABEL + r"\s+rating\b",
        "Kirklees Youth Offending Team has received an overall ‘Good’ rating.",
    ),
    (
        "given_a_rating_of",
        r"\b(?:given|received|awarded)\s+a\s+rating\s+of\s+" + QUOTED_LABEL + r"(?!\s+for\b)",
        "Youth justice services in Anytown have been given a rating of 'Requires improvement'.",
    ),
    (
        "service_rated",
        r"\b(?:YOT|YJS|YOS|youth\s+(?:justice|offending)\s+(?:services?|team|partnership))\b"
        r"(?:(?!work|disposal|delivery|provision|standard|domain|aspect|area|which|previous|last)[^.;]){0,60}?"
        r"\b(?:has\s+been|have\s+been|was|were|is|are)\s+(?:rated|judged)\s+(?:to\s+be\s+|as\s+)?" + QUOTED_LABEL,
        "Youth offending services in Sefton have been rated as ‘Good’.",
    ),
    (
        "overall_rating_is",
        r"\boverall\s+rating\s+(?:is|was|of)\s+" + QUOTED_LABEL,
        "The service's overall rating is 'Good'.",
    ),
)

# A rating of an earlier inspection: the sentence looks back in time.
# "This follows an inspection in 2019, when the service was given an overall rating of 'Inadequate'."
# "When we last inspected the service, in 2019, it was rated 'Good'."
# Not "since the last inspection": that dates an improvement, the rating is today's.
PREVIOUS_INSPECTION_CUES = (
    r"(?<!\bsince\s+(?:the\s+|its\s+|our\s+|their\s+|his\s+|her\s+)?)"
    r"(?:\b(?:previous|previously|last|earlier|prior|former)\b[^.]{0,60}\b(?:inspect\w*|rated|rating|visit)\b"
    r"|\bwhen\s+we\s+(?:last|previously|first)\b)"
    r"|\bfollows?\s+(?:an?|the|its)\s+(?:\w+\s+)?inspection\b"
    r"|\binspection\s+in\s+(?:19|20)\d\d\b[^.]{0,40}\bwhen\b"
    r"|\bin\s+(?:19|20)\d\d\s*,?\s+when\b"
    r"|\bwas\s+previously\b|\bup\s+from\b|\bdown\s+from\b|\bimproved\s+from\b"
)

# An earlier rating named beside today's, each with its own label.
# Each: (name, pattern, example); `label` is the earlier rating, `current` (when present) today's.
PREVIOUS_RATING_PATTERNS: tuple[tuple[str, str, str], ...] = (
    (
        "from_to",
        r"\b(?:improved|moved|gone|risen|rose|changed|progressed|climbed|fallen|fell|dropped|declined|slipped|gone\s+up|gone\s+down)"
        r"\s+(?:its\s+|their\s+|the\s+)?(?:overall\s+)?(?:rating\s+)?from\s+(?:an?\s+)?" + quoted_label("label")
        + r"(?:\s+rating)?\s+to\s+(?:an?\s+)?" + quoted_label("current"),
        "Sutton Youth Justice Service (YJS) has improved its rating from ‘Requires improvement’ to ‘Good’.",
    ),
    (
        "up_from",
        r"\b(?:up|down|an\s+improvement|a\s+rise|a\s+fall|a\s+move)\s+from\s+(?:an?\s+|its\s+|the\s+|their\s+)?"
        r"(?:previous\s+|earlier\s+|last\s+)?(?:overall\s+)?(?:rating\s+of\s+)?" + quoted_label("label"),
        "Anytown YOT has been rated ‘Good’, up from ‘Requires improvement’ at its last inspection.",
    ),
    (
        "previously_rated",
        r"\bpreviously\s+(?:been\s+)?(?:rated|judged)\s+(?:as\s+|to\s+be\s+)?" + quoted_label("label"),
        "The service was previously rated ‘Inadequate’ in 2018.",
    ),
    (
        "rated_when_last_inspected",
        r"\b(?:was|were|had\s+been|been)\s+(?:rated|judged)\s+(?:as\s+|to\s+be\s+)?" + quoted_label("label"),
        "When we last inspected the service, in 2019, it was rated ‘Good’.",  # only with a cue above
    ),
)

# The first line of a press release names the service and its rating.
# "Sutton Youth Justice Service rated ‘Good’", "West Mercia Youth Justice Service ‘Requires improvement’",
# "Hertfordshire youth offending team rated ‘outstanding’ by inspectors"
HEADLINE_RATING = (
    r"^(?P<service>(?:(?!\b(?:has|have|had|was|were|is|are|been|rated|judged|found|as)\b)[^‘’'\"“”]){3,90}?)\s*[-–:,]?\s+(?:(?:is|has\s+been|was|been)\s+)?(?:(?:rated|judged)\s+(?:as\s+)?)?"
    + QUOTED_LABEL + r"(?:\s+(?:overall|by\s+inspectors|by\s+(?:HM|His|Her)\s+[\w’' ]{3,40}))?\s*[.!]?$"
)
# "Inspectors rate Sefton YJS as ‘Outstanding’"
HEADLINE_RATES = (
    r"^(?:inspectors\s+|inspectorate\s+)?rates?\s+(?P<service>[^‘’'\"“”]{3,90}?)\s+(?:as\s+)?" + QUOTED_LABEL + r"\s*[.!]?$"
)
SERVICE_WORDS = r"\b(?:YOT|YJS|YOS|YJT|youth\s+(?:justice|offending))\b"

# A sentence about the sector or other services, not the inspected one.
# "Nationally, 40% of youth justice services inspected this year were rated 'Good'."
SECTOR_CUES = (
    r"\bnationally\b|\bacross\s+(?:england|wales|the\s+country)\b|\b\d+(?:\.\d+)?\s?(?:%|per\s?cent)\s+of\b"
    r"|\b(?:all|most|many|other|neighbouring)\s+(?:youth\s+(?:justice|offending)\s+)?(?:services|teams|YOTs|areas)\b"
    r"|\b(?:half|two-thirds|two\s+thirds|a\s+third|majority|minority)\s+of\s+(?:the\s+)?(?:\d+\s+)?(?:services|YOTs|YJSs|YOSs)\b"
    r"|\b\d+\s+(?:of\s+the\s+\d+\s+)?(?:services|YOTs|YJSs|YOSs)\s+(?:were|have\s+been)\s+rated\b"
    r"|\b(?:half|two-thirds|two\s+thirds|a\s+third|one\s+third|three-quarters|majority|minority)\b[^.]{0,40}\b(?:are|were|have\s+been)\s+rated\b"
)

# Areas of a service that a sentence can rate, checked in order (out-of-court before court).
# Each: (scope, canonical subject, pattern over the words naming the area, example).
RATED_AREAS: tuple[tuple[str, str, str, str], ...] = (
    ("domain", "Out-of-court disposals", r"\bout[\s-]of[\s-]court\b|\bdiversion\b",
     "Anytown YJS's out-of-court work was rated 'Requires improvement'."),
    ("domain", "Court disposals",
     r"\bcourt\s+(?:disposals?|work|orders|sentences)\b|\bsentenced\s+by\s+(?:the\s+)?courts?\b"
     r"|\b(?:served|serving)\s+court\s+sentences\b|\borders\s+(?:given\s+)?by\s+(?:the\s+)?courts?\b",
     "Of note is the YJS’s work with children who have served court sentences (court disposals), which was separately rated as ‘Outstanding’."),
    ("standard", "Resettlement policy and provision", r"\bresettlement\b",
     "We also inspected the quality of resettlement policy and provision, which was separately rated as ‘Requires improvement’."),
    ("standard", "Work with victims", r"\b(?:work|working)\s+with\s+victims\b|\bvictims?[’']?\s+work\b",
     "Work with victims was rated as ‘Requires improvement’."),
    ("standard", "Work with children", r"\bwork\s+with\s+children\b(?!\s+and\s+victims)",
     "Work with children was rated ‘Good’."),
    ("domain", "Organisational delivery", r"\borganisational\s+delivery\b",
     "Organisational delivery was rated ‘Good’."),
    ("standard", "Governance and leadership", r"\bgovernance\s+and\s+leadership\b|\bleadership\s+and\s+governance\b",
     "Governance and leadership was rated ‘Outstanding’."),
    ("standard", "Partnerships and services", r"\bpartnerships?\s+and\s+services\b",
     "Partnerships and services were rated ‘Good’."),
    ("standard", "Information and facilities", r"\binformation\s+and\s+facilities\b",
     "Information and facilities were rated ‘Requires improvement’."),
    ("standard", "Staff", r"\bstaff(?:ing)?\s+(?:was|were)\b|^staff(?:ing)?$",
     "Staffing was rated ‘Outstanding’."),
)

# A sentence that rates an area: "<area>, which was separately rated as 'X'", "<area> was rated 'X'".
# Matched at the verb; the area is named in the words before it (AREA_SUBJECT).
# Not "rated 'Outstanding' in three of the four standards": that is a count, not the area's rating.
AREA_RATED = (
    r",?\s+(?:which\s+|that\s+)?(?:was|were|is|are|has\s+been|have\s+been)\s+"
    r"(?:(?:separately|also|individually|itself)\s+)?(?:rated|judged)\s+(?:to\s+be\s+|as\s+)?" + QUOTED_LABEL
    + r"(?!\s+(?:in|for|across|on)\s+(?:(?:\w+\s+){0,2}(?:of|out\s+of)\b|(?:all|each|every|most|many|some|both|several|half)\b))"
)
# The words naming the area: up to 200 characters back from the verb, within the sentence's clause.
AREA_SUBJECT = r"[^.;:!?]{3,200}$"
# "Anytown YOT was rated 'Good' for its work with victims."
# "... and 'Good' for out-of-court disposals": a second area shares the first one's verb.
AREA_RATED_FOR = (
    r"(?:\brated\s+(?:as\s+)?|,?\s+and\s+)" + QUOTED_LABEL
    + r"\s+for\s+(?:its\s+|their\s+|the\s+)?(?P<subject>[^.;,]{3,80}?)(?=\s*(?:[.;,]|\s+and\s+[‘’'\"“”]|$))"
)
# "HM Inspectorate of Probation has rated the out-of-court disposal work of the YOT as 'Good'."
AREA_HAS_RATED = r"\b(?:has|have|had)\s+rated\s+(?P<subject>[^.;]{3,100}?)\s+(?:as\s+)?" + QUOTED_LABEL

# ------------------------------------------ 2012-2017 joint inspection themes
# Theme keys, the words that identify them, and the name used when the
# document has no "Theme N:" headings of its own. Checked in order: the
# interventions theme before reducing reoffending.
THEMES: tuple[tuple[str, str, str], ...] = (
    ("interventions", r"\binterventions\b", "Interventions to reduce reoffending"),
    ("court_work", r"\bcourt\s+work\b|\breports?\s+(?:to|for)\s+(?:the\s+)?courts?\b", "Court work and reports"),
    ("reducing_reoffending", r"\breduc\w*\s+(?:the\s+likelihood\s+of\s+)?re-?offending\b|\blikelihood\s+of\s+re-?offending\b", "Reducing reoffending"),
    ("protecting_public", r"\bprotect\w*\s+(?:the\s+)?public\b|\bpublic\s+protection\b|\brisk\s+of\s+harm\b", "Protecting the public"),
    ("protecting_child", r"\bprotect\w*\s+(?:the\s+)?(?:children|child)\b|\bvulnerability\b|\bsafeguarding\b", "Protecting children and young people"),
    ("sentence_served", r"\bsentence\s+(?:is|was)\s+served\b", "Ensuring the sentence is served"),
    ("governance", r"\bgovernance\b|\bpartnership\s+arrangements\b|\bleadership\s+and\s+management\b", "Governance and partnerships"),
)

# "Overall, work to reduce reoffending was satisfactory." (2014 report summary)
# "- work to protect children and reduce their vulnerability remained satisfactory;" (2016 press release)
# "Overall, governance was not effective."
# "• work to ensure the sentence was served was very good." (2013 press release)
THEME_JUDGEMENT = (
    r"^(?:[-•–]\s*)?(?:overall,?\s+)?(?P<subject>(?:the\s+)?(?:work|effectiveness|management|quality|governance|performance)\b[^.;:]{0,140}?)"
    r"\s+(?:was|were|remained|is|had\s+been)\s+(?:judged\s+(?:to\s+be\s+)?|found\s+to\s+be\s+|rated\s+(?:as\s+)?)?"
    r"[‘'\"“]?(?P<label>(?:very\s+)?good|satisfactory|unsatisfactory|poor|not\s+effective)[’'\"”]?(?=[\s.;,]|$)"
)
# "Theme 3: Protecting the child or young person"
THEME_HEADING = r"^theme\s+(?P<number>\d{1,2})\s*:\s*(?P<title>[^\t.]{3,90}?)(?:\.{3,}.*)?$"

# ----------------------------------------------------------- standards 2018+
# "1.1 Governance and leadership", "2.1. Assessment"
STANDARD_CELL = r"^(?P<code>[1-9]\.\d{1,2})\.?\s+(?P<subject>[A-Z][^\t]{1,80}?)\s*$"
# "1. Organisational delivery", "Domain two: Court disposals"
DOMAIN_CELL = r"^(?:(?P<code>[1-9])\.\s+|domain\s+(?P<word>one|two|three|four|[1-4])\s*:\s*)(?P<subject>[A-Z][^\t]{2,60}?)\s*$"
OVERALL_CELL = r"^overall(?:\s+rating)?:?$"
# A standard's code alone in its cell: "1.1" / "Governance and leadership" / "Good"
CODE_CELL = r"^(?P<code>[1-9]\.\d{1,2})\.?$"
# "Score 13/36", "Score: 25/36", "a score of 31 out of 36"
SCORE = r"\bscore\s*(?:of\s+)?:?\s*(?P<score>\d{1,2})\s*(?:/|out\s+of)\s*(?P<max>\d{1,2})\b"

# ----------------------------------------------------------------- numbers
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20,
}

# "we have made seven recommendations", "The inspection made nine recommendations"
RECOMMENDATION_COUNT = (
    r"\b(?:made|make|makes|making|set\s+out|are)\s+(?:a\s+total\s+of\s+)?(?P<count>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+"
    r"(?:\w+\s+)?recommendations?\b"
    r"|\b(?P<count2>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+recommendations?\s+(?:have\s+been|has\s+been|were|was|are|is)\s+made\b"
)
# A count that belongs to an earlier inspection: "At the last inspection we made nine recommendations".
EARLIER_COUNT = r"\b(?:last|previous|earlier|prior)\s+inspection\b|\bpreviously\b|\bin\s+(?:19|20)\d\d\b"

# ------------------------------------------------------------ percentages
# "73%", "45.4 %", "11 per cent", "80% +", "< 50%", "65% - 79%", "50-64%"
PERCENT = (
    r"(?P<prefix>[<>≤≥]\s?)?"
    r"(?<![\w.,/£$])(?<![\w.,/£$]-)(?:(?P<low>\d{1,3}(?:\.\d+)?)\s?(?:-|–|to)\s?)?"
    r"(?P<number>\d{1,3}(?:,\d{3})*(?:\.\d+)?)"
    r"(?P<unit>\s?%|\s?per\s?cent\b|\s?percent\b)"
    r"(?P<plus>\s?\+)?"
)

# ------------------------------------------------------------------ dates
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
# "28 March 2019", "1st April 2020", "March 2019", "12th of March 2019", and "March 28, 2019"
# (American order, in some web pages): found from the year backwards, since scanning the text
# for years is fast and trying twelve month names at every position is not.
YEAR = r"(?<![\w/])(?P<year>(?:19|20)\d\d)(?![\w/])"
BEFORE_YEAR = r"(?<![\w/])(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<month>" + _MONTH + r")\s*,?\s+$"
US_BEFORE_YEAR = r"(?<![\w/])(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,\s*$"
# "28/03/2019", "28.03.2019"
NUMERIC_DATE = r"(?<![\w/.])(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>(?:19|20)\d\d)(?![\w/.])"
# The start of a range whose end carries the year: matched against the text just
# before a full date. "16 and 30 September 2013" (a day), "4-8 February 2019",
# "January to December 2018" (a month), "29 January to 2 February 2024" (day and month).
RANGE_START = (
    r"(?<![\w/,.])(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<month>" + _MONTH + r"))?"
    r"|(?P<month_only>" + _MONTH + r"))"
    r"\s*(?:,\s*)?(?:and|to|until|till|through|-|–|—)\s*(?:the\s+)?$"
)

# Roles, tried in this order on the clause before the date, then on the sentence.
DATE_ROLE_CUES: tuple[tuple[str, str, str], ...] = (
    ("case_sample",
     r"\b(?:cases?|sentences?|licences?|orders?|disposals?)\b(?!\s+(?:inspection|assessment))[^.;]{0,80}\b(?:began|begun|started|commenced|delivered|between|from|imposed|ended|terminated|closed)\b",
     "We inspected cases where the sentence or licence began between 16 January 2023 and 10 November 2023"),
    ("fieldwork",
     r"\bfieldwork\b|\bweeks?\s+(?:of|commencing|beginning)\b|\binspection\b[^.;]{0,80}?\b(?:took\s+place|was\s+(?:carried\s+out|undertaken|conducted)|started|began)\b"
     r"|\binterviews?\b|\bon-?site\b|\bvisited\b|\binspected\s+in\b",
     "Fieldwork in Wrexham started in December 2018."),
    ("data_period",
     r"\bdata\b|\bcohort\b|\bperiod\b|\bstatistics\b|\bfigures?\b|\byear\s+(?:ending|ended|to)\b|\bquarter\b|\bmonths?\s+to\b"
     r"|\b(?:covers|covered|covering)\b",
     "(Data based on April 2010 to March 2011 cohort)"),
    ("publication",
     r"\bpublish\w*\b|\bpublication\b|\bavailable\b|\breleased?\b|\bembargo\w*\b"
     r"|\bcopy\s+of\s+the\s+(?:full\s+)?report\b|\breport\b[^.;]{0,80}\b(?:website|online|obtained)\b",
     "The report is available at www.justiceinspectorates.gov.uk/hmiprobation on 28 March 2019."),
)

# -------------------------------------------------------- recommendations
# "The Conwy and Denbighshire Youth Justice Management Board should:"
# "The Heads of Children's Services should:", "We recommend that the YOT management board should:",
# "The head of service should ensure that:"
OWNER_LINE = (
    r"^\**(?i:we\s+recommend\s+that\s+)?(?i:the\s+)?(?P<owner>[A-Z][^\t.:]{2,120}?)\s+should"
    r"(?:\s+(?:ensure\s+that|as\s+a\s+priority|now))?\s*:?\**\s*$"
)
# "... to hold partners and the YJS to account (Chair of YJS Management Board)."
TRAILING_OWNER = r"\((?P<owner>[A-Z][^()]{2,80})\)\s*\.?\s*$"
# "1. Undertake a detailed needs analysis ...", "(1) a timely and good quality assessment ..." (2010-2012),
# "- review the out-of-court disposal policy ..."
RECOMMENDATION_ITEM = r"^(?:\(?(?P<number>\d{1,2})[.)]\s*(?<=\s|\))|[-•–▪●]\s+)\s*(?P<text>\S.*)$"
# Web-page reports end each heading with a link back up: "Recommendations (Back to top)".
BACK_TO_TOP = r"(?:\s*\(?back\s+to\s+top\)?)?"
RECOMMENDATIONS_HEADING = r"^(?:\d{1,2}\.?\s+)?(?:our\s+|key\s+)?recommendations(?:\s+for\s+improvement)?:?" + BACK_TO_TOP + "$"

# owner text -> owner_type; first match wins, so specific rules come first.
OWNER_TYPES: tuple[tuple[str, str, str], ...] = (
    ("board chair", r"\bchair\b", "Chair of YJS Management Board"),
    # National bodies are not the local management board.
    ("other", r"\byouth\s+justice\s+board\b|\bYJB\b|\bministry\b|\bHMPPS\b|\bgovernment\b|\bhome\s+office\b", "The Youth Justice Board"),
    ("health", r"\bhealth\b|\bNHS\b|\bclinical\s+commissioning\b|\bCCG\b|\bintegrated\s+care\b|\bCAMHS\b", "Betsi Cadwaladr Health Board"),
    ("police", r"\bpolice\b|\bconstabulary\b|\bcrime\s+commissioner\b", "Chief Constable of Gwent Police"),
    ("probation", r"\bprobation\b|\bCRC\b|\brehabilitation\s+company\b", "The National Probation Service for Wales"),
    ("careers", r"\bcareers?\b", "Careers Wales"),
    ("education", r"\beducation\b|\bschools?\b|\blearning\b|\bskills\b", "Director of Education"),
    ("children's services", r"\bchildren'?’?s\s+(?:social\s+)?services\b|\bsocial\s+(?:care|services|work)\b|\bdirector\s+of\s+children", "Heads of Children's Services"),
    ("management board", r"\bboard\b|\bpartnership\b", "The YOT Management Board"),
    ("head of service / service manager",
     r"\bhead\s+of\s+service\b|\bservice\s+manager\b|\bmanagers?\b|\bhead\s+of\s+(?:the\s+)?(?:YJS|YOS|YOT|youth)\b"
     r"|\bYJS\b|\bYOT\b|\bYOS\b|\byouth\s+(?:justice|offending)\s+(?:service|team)s?\b",
     "Barnsley Youth Offending Service"),
    ("local authority", r"\blocal\s+authorit\w+\b|\bcouncils?\b|\bchief\s+executive\b|\bcounty\b|\bborough\b", "Wrexham County Borough Council"),
)

# ----------------------------------------------------------- documents
# Service names: a place followed by the kind of service.
SERVICE_KINDS: dict[str, str] = {
    "youth justice service": "Youth Justice Service",
    "youth justice services": "Youth Justice Service",
    "youth offending services": "Youth Offending Service",
    "youth offending team": "Youth Offending Team",
    "youth offending service": "Youth Offending Service",
    "youth justice partnership": "Youth Justice Partnership",
    "yjs": "Youth Justice Service",
    "yos": "Youth Offending Service",
    "yot": "Youth Offending Team",
}
# Capitalised words that start a phrase but are not part of a place name.
NOT_PLACE_WORDS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "his", "her", "each", "every", "overall", "inspectors", "inspector", "today", "and", "of", "in", "at", "for", "with", "from", "by", "to", "on", "as", "when", "where", "while", "although", "however", "but", "hm", "hmi", "chief", "dame", "sir", "mr", "mrs", "ms", "dr", "local", "national", "regional", "welsh", "english"]
)
# "A joint inspection of youth justice services in Conwy and Denbighshire",
# "Report on youth offending work in:" / "Bexley" (2010-2012 core case inspections),
# "Short Quality Screening of youth offending work in Rochdale" (2013-2017)
TITLE_PLACE = (
    r"(?i:\b(?:inspection\s+of|report\s+on|screening\s+of)\s+youth\s+(?:justice|offending)\s+(?:services|work)"
    r"(?:\s+with\s+children(?:\s+and\s+victims)?)?\s+in)\s*:?\s*\n*\s*(?P<place>[A-Z][^\n,.:]{1,60})"
)

PRESS_RELEASE_CUES = r"^\s*(?:[-•–]\s*)?(?:notes?\s+to\s+editors?:?|ends\s*[-–]?|press\s+release)\s*$"
REPORT_CUES = r"^(?:contents|foreword|executive\s+summary|summary|recommendations|appendix\s+\d+|ratings)" + BACK_TO_TOP + "$"
# A report's own title: "An inspection of youth justice work with children and victims in Wakefield",
# "Full Joint Inspection of Youth Offending Work in Wrexham", "Report on youth offending work in:"
REPORT_TITLE = (
    r"^(?:an?\s+)?(?:(?:full\s+)?joint\s+|core\s+case\s+|short\s+quality\s+screening\s+)?"
    r"(?:inspection|screening)\s+of\s+youth\s+(?:justice|offending)\b|^report\s+on\s+youth\s+(?:justice|offending)\s+work\b"
)
# Lines around a web page's article that are not its title.
PAGE_BOILERPLATE = (
    r"^(?:skip\s+to\s+(?:main\s+)?content|all\s+content\s+is\s+available\s+under\b.*|to\s+view\s+this\s+licence.*"
    r"|or\s+write\s+to:?|information\s+policy\s+team,?|the\s+national\s+archives,?|kew,?|london\s+tw9\s+4du"
    r"|or\s+email:.*|this\s+publication\s+is\s+available\s+at:?|https?://\S+|are\s+you\s+ok\s+with\s+cookies\?)$"
)
