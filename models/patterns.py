"""Pattern vocabularies: named, commented with a real example, kept as data.

Extractors compile these; nothing here knows about files or tables. Patterns
are `regex` module patterns (case-insensitive unless marked).
"""

from __future__ import annotations

from models.vocabulary import IMPROVEMENT_LEVEL_WORDS, RATING_LABELS

# --------------------------------------------------------------- rating cells (labels: models.vocabulary)
# A cell or line that is nothing but a rating ("Requires improvement", "'Good'"), from the label vocabulary.
RATING_CELL = (
    r"^[‘’'\"“”]?(?P<label>" + "|".join(sorted({p.replace(" ", r"\s+") for e in RATING_LABELS for p in e.phrases},
                                                key=lambda p: (-len(p), p)))
    + r"|(?:" + "|".join(IMPROVEMENT_LEVEL_WORDS) + r")\s+improvement\s+required)[’'\"”]?\.?(?:\s*[★☆*]{1,5})?$"
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

# ----------------------------------------------------------------- numbers
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20,
}

_COUNT_NUMBER = r"(?P<count>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"
# Statements of how many recommendations were made; the count is in group 'count'.
# Each: (name, pattern, example). 'total' gives the document's count; 'owner' a share for one owner.
RECOMMENDATION_COUNTS: tuple[tuple[str, str, str], ...] = (
    ("total", r"\ba\s+total\s+of\s+" + _COUNT_NUMBER + r"\s+recommendations?\b",
     "A total of six recommendations have been made to Anytown YJS"),
    # ("the inspection resulted in six recommendations", "the report produced five recommendations")
    ("made", r"\b(?:made|make|makes|making|set\s+out|sets\s+out|contains|includes|given|received|issued|resulted\s+in"
     r"|results\s+in|led\s+to|produced|produces|generated|yielded)\s+"
     # ("Inspectors made just one recommendation")
     r"(?:the\s+following\s+|just\s+|only\s+)?" + _COUNT_NUMBER
     + r"\s+(?:key\s+|new\s+|further\s+|inspection\s+)?recommendations?\b",
     "The report makes seven recommendations, including ensuring ..."),
    ("there_were", r"\bthere\s+(?:were|are)\s+" + _COUNT_NUMBER + r"\s+recommendations?\b",
     "There were eight recommendations which the Inspectorate made:"),
    ("were_made", r"\b" + _COUNT_NUMBER + r"\s+(?:inspection\s+)?recommendations?\s+(?:that\s+)?(?:have\s+been\s+|has\s+been\s+"
     r"|were\s+|was\s+|are\s+|is\s+)?(?:made|issued|given|arising|arose|from)\b",
     "The board will approve a plan for the five recommendations that were made in the spring."),
    ("the_n", r"\b(?:the|those|these|its|all)\s+" + _COUNT_NUMBER + r"\s+(?:inspection\s+|key\s+)?recommendations\b",
     "... the plan drawn up in response to the six inspection recommendations ..."),
    # the inspection's own, named by a possessive: "the report's seven recommendations", "inspectors' five ..."
    ("possessed_n", r"\b(?:report|inspection|inspectorate|inspectors|inspector|HMIP|watchdog)(?:[’']s|s?[’'])\s+"
     + _COUNT_NUMBER + r"\s+(?:inspection\s+|key\s+)?recommendations\b",
     "The service must now act on the report’s seven recommendations."),
    ("with_n", r"\bwith\s+" + _COUNT_NUMBER + r"\s+recommendations?\s+made\b",
     "The overall rating was 'Good' with five recommendations made by the Inspectorate."),
)
# After a count: a share for one owner ("... made for Anytown’s executive management board") rather than a purpose
# ("... to help Anytown YJS improve its casework", "for action by the Ministry of Justice").
# A comma ends the count's own phrase: "Six recommendations were made, four for the board and two for the service"
# are the whole, then its shares.
RECOMMENDATION_OWNER_AFTER = (
    r"^[^.;,]{0,20}?\b(?:to|for|directed\s+at|aimed\s+at)\s+(?!(?:further\s+)?(?:improve|improvement|help|address|ensure"
    r"|strengthen|develop|make|support|be|action|change)\b)(?:the\s+|its\s+|their\s+)?(?:[A-Z]|[\w’'-]+\s+(?:\w+\s+)?"
    r"(?:board|YJS|YOT|YOS|service|partnership|police|council|team|manager|NHS|health))"
)
# The owner a count is made to is the service itself: the count is the whole ("one of the four recommendations
# made to Anytown YOT is that ..."), not one owner's share.
RECOMMENDATION_TO_SERVICE = (r"^[^.;]{0,20}?\b(?:to|for)\s+(?:the\s+)?(?:[A-Z][\w’'&-]*\s+){0,4}(?:YOT|YJS|YOS"
                             r"|Youth\s+(?:Justice|Offending)\s+(?:Service|Team)|service|team)\b(?!\s+(?:management|board|manager))")
# Further owners' shares after a first one, without their noun: "... two recommendations to the council and one to
# the police", "four for the YJS, two for the board and one for the police"
RECOMMENDATION_MORE_SHARES = (r"\G[^.;]*?(?:,\s*|\s+and\s+)(?:a\s+further\s+|another\s+)?" + _COUNT_NUMBER
                              + r"\s+(?:more\s+)?(?:to|for)\s+(?=[\w‘’'])")
# A share of the recommendations, not their number: "The other two recommendations are that ...",
# "Of these, four are for ...", "One is for ...", "including two directed at the YJS itself"
RECOMMENDATION_SHARE_BEFORE = r"\b(?:other|remaining|including|of\s+which|first|last)\s+$"
# A count that belongs to an earlier inspection: "At the last inspection we made nine recommendations".
EARLIER_COUNT = r"\b(?:last|previous|earlier|prior)\s+inspection\b|\bpreviously\b|\bin\s+(?:19|20)\d\d\b"

# ------------------------------------------------------------ percentages
# "73%", "45.4 %", "11 per cent", "80% +", "< 50%", "65% - 79%", "50-64%", "85pc"
PERCENT = (
    r"(?P<prefix>[<>≤≥]\s?)?"
    r"(?<![\w.,/£$])(?<![\w.,/£$]-)(?:(?P<low>\d{1,3}(?:\.\d+)?)\s?(?:-|–|to)\s?)?"
    r"(?P<number>\d{1,3}(?:,\d{3})*(?:\.\d+)?)"
    # ("85pc": some newspapers' abbreviation, always glued to its figures)
    r"(?P<unit>\s?%|\s?per\s?cent\b|\s?percent\b|(?<=\d)(?-i:pc)\b)"
    r"(?P<plus>\s?\+)?"
)

# ------------------------------------------------------------------ dates
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH_NAME = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
_MONTH = _MONTH_NAME + r"\.?"
# "28 March 2019", "1st April 2020", "March 2019", "12th of March 2019", and "March 28, 2019"
# (American order, in some web pages): found from the year backwards, since scanning the text
# for years is fast and trying twelve month names at every position is not.
YEAR = r"(?<![\w/])(?P<year>(?:19|20)\d\d)(?![\w/])"
# A month glued to the word before it in a transcript ("workJanuary 2015", "Published27 February 2013") is still one.
BEFORE_YEAR = (r"(?:(?<![\w/])(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?|(?<=[a-z])(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+"
               r"(?:of\s+)?|(?<![\w])|(?<=[a-z])(?=(?-i:[A-Z])))(?P<month>" + _MONTH + r")\s*,?\s+$")
US_BEFORE_YEAR = r"(?<![\w/])(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,\s*$"
# "28/03/2019", "28.03.2019" (a full stop after it may end the sentence: "... published on 12/03/2024.")
NUMERIC_DATE = r"(?<![\w/.])(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>(?:19|20)\d\d)(?![\w/]|\.\w)"
# The start of a range whose end carries the year: matched against the text just
# before a full date. "16 and 30 September 2013" (a day), "4-8 February 2019",
# "January to December 2018" (a month), "29 January to 2 February 2024" (day and month).
RANGE_START = (
    r"(?<![\w/,.])(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<month>" + _MONTH + r"))?"
    r"|(?P<month_only>" + _MONTH + r"))"
    r"\s*(?:,\s*)?(?:and|to|until|till|through|-|–|—|/)\s*(?:the\s+)?$"
)
# Numeric and stamp forms: "2018-07-23", "2024-02-28", "12-Oct-2020", "25-Jan-2021"
ISO_DATE = r"(?<![\w/.-])(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?![\w/]|\.\w|-\d)"
STAMP_DATE = r"(?<![\w/.-])(?P<day>\d{1,2})-(?P<month>" + _MONTH_NAME + r")-(?P<year>(?:19|20)\d\d)(?![\w/]|\.\w)"
# Every month name, written out or short: each is a date candidate ("may" the verb is set aside). Two patterns,
# each fast to scan with (one pattern with both starts tried every position both ways, at 3x the cost):
# a month name as a word, in any case ("28 March 2019", "NOVEMBER 2020"), and (case-sensitive) one glued
# to the word before it by a lost space, as PDF text sometimes is ("published13 March 2019", "2019March").
MONTH_WORD = r"\b(?=[ADFJMNOSadfjmnos])(?i:(?P<month>" + _MONTH_NAME + r"))(?![\w])"
MONTH_GLUED = r"(?<=[a-z0-9])(?=[ADFJMNOS])(?i:(?P<month>" + _MONTH_NAME + r"))(?![\w])"

# Roles from the words nearest before a date (within its clause, after any earlier date); the nearest cue wins.
# Each: (role, strength, pattern, example). 'weak' cues count only when no other cue is in reach; 'after' cues may
# also follow the date ("In May 2022, HM Inspectorate of Probation released its findings").
DATE_CUES: tuple[tuple[str, str, str, str], ...] = (
    ("other", "strong",
     r"\b(?:notified|established|establishment|launched|appointed|formed|created|lifted|meeting|met|feedback"
     r"|reorganisation|became|joined|elected|disbanded|merged|withdrawn|suspended|paused|halted|resumed|lockdown)\b",
     "The council was notified in late March 2016 that inspectors would be arriving"),
    ("publication", "strong",
     r"\bpublish\w*\b|\bpublication\b|\bavailable\b|\breleased?\b|\bembargo\w*\b|\bissued\b|\bobtained\b"
     r"|\bout\s+(?:today|now|on)\b|\b(?:came|comes|come|coming)\s+out\b|\bmade\s+public\b"
     r"|\b(?:findings|results|ratings?|report)\s+(?:was|were|is|are|has\s+been|have\s+been)\s+announced\b"
     r"|\breport\s*[(\[]",
     # ("their report came out in January 2020", "the report was made public on 12 July 2022", "the findings were
     # announced on 12 July 2022", a report's date in brackets after it: "the inspection report (July 2022)")
     "The inspection report was published on 9 February 2022."),
    ("fieldwork", "strong",
     r"\bfieldwork\b|\bweeks?\s+(?:of|commencing|beginning)\b|\b(?:took|take|takes|taken|taking)\s+place\b|\bcarried\s+out\b"
     r"|\bundertaken\b|\bundertook\b|\bconducted\b|\bvisited\b|\bvisit\b|\battended\b|\binspected\b|\bon[-\s]?site\b"
     r"|\binterviews?\b|\bassessment\s+in\b|\binspectors\s+spent\b",
     # ("inspectors spent a week in Anytown in May 2022")
     "HMIP attended the YOS premises during June 2011."),
    ("case_sample", "strong",
     r"\b(?:cases?|sentences?|licences?|orders?|disposals?)\b(?!\s+(?:inspection|assessment))[^.;]{0,80}\b(?:began|begun"
     r"|started|commenced|delivered|between|imposed|ended|terminated|closed)\b|\bsupervised\s+from\b",
     "The sample was of court orders that began between May 2010 and August 2010."),
    ("data_period", "strong",
     r"\bdata\b|\bcohort\b|\bperiod\s+(?:from|between|to|ending|of\s+(?:the\s+)?(?:data|report))\b|\breporting\s+period\b"
     r"|\bstatistics\b|\bfigures?\b|\byear\s+(?:ending|ended|to|from)\b|\bquarter\b|\bmonths?\s+to\b"
     r"|\b(?:covers|covered|covering)\b(?:[^.;]{0,60}?\b(?:between|from|since)\b)?"
     r"|\binspections\s+(?:conducted|carried\s+out|undertaken|published)\s+(?:between|from|since)\b",
     "The statistics cover the year from April 2019 to March 2020."),
    ("fieldwork", "weak", r"\binspect(?:ion|ing)\b|\bre-\s?inspection\b",
     "HMI Probation led a joint inspection of Anytown Youth Justice Service in May and June 2021."),
)
# Roles, tried in this order on the clause before the date, then on the sentence.
DATE_ROLE_CUES: tuple[tuple[str, str, str], ...] = (
    ("case_sample",
     r"\b(?:cases?|sentences?|licences?|orders?|disposals?)\b(?!\s+(?:inspection|assessment))[^.;]{0,80}\b(?:began|begun|started|commenced|delivered|between|from|imposed|ended|terminated|closed)\b",
     "We inspected cases where the sentence or licence began between 16 January 2023 and 10 November 2023"),
    ("fieldwork",
     r"\bfieldwork\b|\bweeks?\s+(?:of|commencing|beginning)\b|\binspection\b[^.;]{0,80}?\b(?:took\s+place|was\s+(?:carried\s+out|undertaken|conducted)|started|began)\b"
     r"|\binterviews?\b|\bon-?site\b|\bvisited\b|\binspected\s+in\b",
     "Fieldwork in Anytown started in December 2018."),
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
# "The Anytown and Newtown Youth Justice Management Board should:"
# "The Heads of Children's Services should:", "We recommend that the YOT management board should:",
# "The head of service should ensure that:"
OWNER_LINE = (
    # no "that" inside the owner: "They are that the Anytown YOT Manager should:" is read by OWNER_AT_END
    r"^\**(?i:we\s+recommend\s+that\s+)?(?i:the\s+)?(?P<owner>[A-Z](?:(?!\bthat\s)[^\t.:]){2,120}?)\s+should"
    r"(?:\s+(?:ensure\s+that|as\s+a\s+priority|now))?\s*:?\**\s*$"
)
# An owner at the end of a line, after other words: "They are that the Anytown YOT Manager should:",
# "The other two recommendations are that Anytown's Director of Children’s Services should:",
# "1. Review the way ... is effective. The Anytown management board should:"
OWNER_AT_END = (
    r"(?:^|(?<=[.!?])\s+|\bthat\s+)\**(?i:we\s+recommend\s+that\s+)?(?i:the\s+)?"
    r"(?P<owner>[A-Z](?:(?!\bthat\s)[^\t.:;]){2,120}?)\s+should(?:\s+(?:ensure\s+that|as\s+a\s+priority|now))?\s*:\**\s*$"
)
# Recommendations listed in a sentence: "Recommendations given to the YJS partnership were: Review board
# arrangements to ensure effective partnerships across the area ..."
INLINE_RECOMMENDATIONS = (
    r"\brecommendations?\s+(?:given|made|addressed|issued)\s+to\s+(?i:the\s+)?(?P<owner>[^:;.]{3,80}?)\s+"
    r"(?:were|are|include|included|was|is)\s*:\s*(?P<items>\S.*)$"
)
# A line that says a list of recommendations follows: "The inspection rated the service ‘Good’ and made four
# recommendations:", "The recommendations were as follows:"
RECOMMENDATIONS_FOLLOW = (r"\brecommendations?(?:\s+(?:were|are|include|included|as\s+follows|below|for\s+improvement))?"
                          r"(?:\s+as\s+follows)?\s*:\s*$")
# A list item that names its own owner: "The Anytown YJS Partnership Board should ensure that the board receives
# data", "Anytown Police must share information more quickly"
OWNER_IN_ITEM = (r"^(?i:the\s+)?(?P<owner>[A-Z](?:(?!\b(?:that|and|or|which|who)\s)[^\t.:;,]){2,100}?)\s+"
                 r"(?:should|must|needs?\s+to)\s+(?P<text>[a-z].*)$")
# Unnumbered items open with a verb in the imperative: "Make sure that reviewing of casework is timely",
# "Produce plans that support interventions", "Analyse the health needs of children".
RECOMMENDATION_VERBS = frozenset("""
address agree analyse analyze appoint assess audit build challenge clarify collate commission complete consider
continue create deliver develop embed engage enhance ensure establish evaluate examine expand explore extend
focus gather identify implement improve increase introduce invest involve make maintain monitor obtain
prioritise prioritize produce promote provide put raise recruit reduce refresh reinforce renew report require
resource respond review revise scrutinise scrutinize secure seek set share strengthen support take train
undertake understand update use work
""".split())
# Lines that a web page puts between a list's items and that are not part of it.
PAGE_NOISE_LINE = r"^(?:Hide\s+Ad|Advertisement|Advert|ADVERTISEMENT|Continue\s+reading|Read\s+more|Share|Click\s+here.*)$"
# "... to hold partners and the YJS to account (Chair of YJS Management Board)."
TRAILING_OWNER = r"\((?P<owner>[A-Z][^()]{2,80})\)\s*\.?\s*$"
# "1. Undertake a detailed needs analysis ...", "(1) a timely and good quality assessment ..." (2010-2012),
# "- review the out-of-court disposal policy ..."
RECOMMENDATION_ITEM = r"^(?:\(?(?P<number>\d{1,2})[.)]\s*(?<=\s|\))|[-•–▪●]\s+)\s*(?P<text>\S.*)$"
# Web-page reports end each heading with a link back up: "Recommendations (Back to top)".
BACK_TO_TOP = r"(?:\s*\(?back\s+to\s+top\)?)?"
RECOMMENDATIONS_HEADING = r"^(?:\d{1,2}\.?\s+)?(?:our\s+|key\s+)?recommendations(?:\s+for\s+improvement)?:?" + BACK_TO_TOP + "$"
# A recommendations heading that names who must act: "Recommendations for the Anytown Youth Justice Management Board"
RECOMMENDATIONS_FOR_OWNER = (r"^(?:\d{1,2}\.?\s+)?(?:our\s+|key\s+)?recommendations\s+(?:for|to)\s+(?:the\s+)?"
                             r"(?P<owner>(?-i:[A-Z])(?:(?!\bimprovement\b)[^.:;\t]){2,120}?)\s*:?" + BACK_TO_TOP + "$")

# owner text -> owner_type; first match wins, so specific rules come first.
OWNER_TYPES: tuple[tuple[str, str, str], ...] = (
    ("board chair", r"\bchair\b", "Chair of YJS Management Board"),
    # National bodies are not the local management board.
    ("other", r"\byouth\s+justice\s+board\b|\bYJB\b|\bministry\b|\bHMPPS\b|\bgovernment\b|\bhome\s+office\b", "The Youth Justice Board"),
    ("health", r"\bhealth\b|\bNHS\b|\bclinical\s+commissioning\b|\bCCG\b|\bintegrated\s+care\b|\bCAMHS\b", "Betsi Cadwaladr Health Board"),
    ("police", r"\bpolice\b|\bconstabulary\b|\bcrime\s+commissioner\b", "Chief Constable of Anytown Police"),
    ("probation", r"\bprobation\b|\bCRC\b|\brehabilitation\s+company\b", "The National Probation Service for Wales"),
    ("careers", r"\bcareers?\b", "Careers Wales"),
    ("education", r"\beducation\b|\bschools?\b|\blearning\b|\bskills\b", "Director of Education"),
    ("children's services", r"\bchildren'?’?s\s+(?:social\s+)?services\b|\bsocial\s+(?:care|services|work)\b|\bdirector\s+of\s+children", "Heads of Children's Services"),
    ("management board", r"\bboard\b|\bpartnership\b", "The YOT Management Board"),
    ("head of service / service manager",
     r"\bhead\s+of\s+service\b|\bservice\s+manager\b|\bmanagers?\b|\bhead\s+of\s+(?:the\s+)?(?:YJS|YOS|YOT|youth)\b"
     r"|\bYJS\b|\bYOT\b|\bYOS\b|\byouth\s+(?:justice|offending)\s+(?:service|team)s?\b",
     "Anytown Youth Offending Service"),
    ("local authority", r"\blocal\s+authorit\w+\b|\bcouncils?\b|\bchief\s+executive\b|\bcounty\b|\bborough\b", "Anytown County Borough Council"),
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
# "A joint inspection of youth justice services in Anytown and Newtown",
# "Report on youth offending work in:", then "Anytown" on the next line (the core case inspections' covers),
# "Short Quality Screening of youth offending work in Rochdale" (2013-2017)
TITLE_PLACE = (
    r"(?i:\b(?:inspection\s+of|report\s+on|screening\s+of)\s+youth\s+(?:justice|offending)\s+(?:services|work)"
    r"(?:\s+with\s+children(?:\s+and\s+victims)?)?\s+in)\s*:?\s*\n*\s*(?P<place>[A-Z][^\n,.:]{1,60})"
)

# A report's own title: "An inspection of youth justice work with children and victims in Wakefield",
# "Full Joint Inspection of Youth Offending Work in Anytown", "Report on youth offending work in:"
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

# -------------------------------------------------- who published a document
# Who speaks in a page, weighed: each cue is evidence for the Inspectorate's own announcement
# ('press_release') or for another party's page ('other': councils, committees, newspapers, charities, other
# bodies), with a weight: 3 a mark only that side makes (a byline, "Notes to editors"), 2 a strong habit of
# that side, 1 a habit the other side shares at times (news pages quote the Chief Inspector too). The side
# with more weight wins; no single weak phrase decides alone. Each: (name, side, weight, pattern, example);
# patterns are case-sensitive unless they say (?i).
DOC_TYPE_CUES: tuple[tuple[str, str, int, str, str], ...] = (
    # ---- the Inspectorate's voice
    ("notes_to_editors", "press_release", 3,
     r"(?m)^\s*(?:[-•–]\s*)?(?:ENDS?|Ends)\s*[-–.]?\s*$|(?i:\bnotes?\s+to\s+editors?\b)",
     "ENDS\nNotes to editors\n1. Anytown YJS supervises children from 10 years old."),
    ("inspectorate_uses_scale", "press_release", 2,
     r"\bThe\s+Inspectorate\s+uses\s+a\s+four-point\s+scale\b",
     "The Inspectorate uses a four-point scale: ‘Outstanding’, ‘Good’, ‘Requires improvement’ and ‘Inadequate’."),
    ("published_today", "press_release", 3,
     r"\bToday\s+(?:he|she|we)\s+published\b|\bpublished\s+the\s+report\s+of\b"
     # the Chief Inspector by name: "Today Anne Example, HM Chief Inspector of Probation, published the report"
     r"|\bToday\s+(?:[A-Z][a-z]+\s+){1,3}?[A-Z][a-z]+,\s+(?:HM\s+)?Chief\s+Inspector\s+of\s+Probation,\s+published\b"
     r"|\bhas\s+today\s+(?:\([^)]{1,30}\)\s+)?published\b|\btoday\s+(?:\([^)]{1,30}\)\s+)?published\b",
     "Today she published the report of a recent joint inspection of the work of Anytown Youth Offending Service."),
    # councils say it too
    ("published_today_passive", "press_release", 1, r"\b(?:was|were|is)\s+published\s+today\b",
     "The report on Anytown Youth Justice Service was published today."),
    ("inspection_has_found", "press_release", 3,
     r"(?m)^(?:An?\s+)?(?:HM|Her\s+Majesty[’']s|His\s+Majesty[’']s)\s+Inspectorate\s+of\s+Probation\s+(?:\w+\s+)?inspection\s+of\b"
     r"[^.\n]{3,120}?\bhas\s+found\b",
     "An HM Inspectorate of Probation inspection of Anytown has found its youth justice service to be ‘Good’."),
    ("inspectorate_acts", "press_release", 2,
     r"\b(?:HM|Her\s+Majesty[’']s|His\s+Majesty[’']s)\s+Inspectorate\s+of\s+Probation\s+(?:conducted|led|reviewed)\b"
     r"|\bThe\s+Inspectorate\s+(?:has\s+given|awarded|looked|rates|rated|found)\b",
     "HM Inspectorate of Probation conducted a routine inspection of Anytown Youth Justice Service in May."),
    ("inspectorate_we", "press_release", 2,
     r"(?m)^(?![^\n]*[“\"])[^\n]*?\b(?:We|we)\s+(?:also\s+)?(?:found|inspected|rated|made|make|identified|assessed|saw"
     r"|were\s+(?:pleased|impressed|concerned|disappointed|particularly)|have\s+made|look\s+forward|trust|carried\s+out)\b",
     "We also inspected the quality of resettlement work, which we rated separately as ‘Good’."),
    ("inspectorate_officer_said", "press_release", 1,
     r"\b(?:Chief|Deputy\s+Chief|Assistant\s+Chief)\s+Inspector\s+of\s+Probation,?\s+(?:[A-Z][a-z]+,?\s+){1,3}(?:CBE\s+)?said\b"
     r"|\bsaid\s+(?:Dame\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+,\s+(?:HM\s+)?Chief\s+Inspector"
     r"|\b(?:Dame\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+,\s+(?:HM\s+)?Chief\s+Inspector\s+of\s+Probation,\s+said\b"
     r"|\b(?:Assistant\s+)?Chief\s+Inspector,\s+said\b|\bChief\s+Inspector\s+(?:[A-Z][a-z]+\s+){2}said\b"
     r"|\bDirector\s+of\s+Operations,?\s+(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+\s*(?:said\b|:)",
     "Chief Inspector of Probation, Anne Example, said: “We were impressed by the committed staff.”"),
    # another site's copy of a release that says whose it is, on a line of its own: the text is the Inspectorate's
    ("attributed_release", "press_release", 3,
     r"(?m)^\s*(?i:press\s+release\s+(?:by|from|issued\s+by))\s+"
     r"(?:HM|Her\s+Majesty[’']s|His\s+Majesty[’']s)\s+Inspectorate\s+of\s+Probation\s*[.:]?[ \t]*$",
     "Anytown YJS rated 'Good'\nDate: 01/02/2025\nPress release from HM Inspectorate of Probation\nStaff at Anytown "
     "YJS were praised by the inspectors."),
    # the Inspectorate naming itself as the one who says, on publishing its own report: "..., says HM Inspectorate
    # of Probation on the publication of its Youth Annual Report"
    ("says_on_publication", "press_release", 2,
     r"\b(?:says|said)\s+(?:HM|Her\s+Majesty[’']s|His\s+Majesty[’']s)\s+Inspectorate\s+of\s+Probation\s+(?:today\s+)?"
     r"(?:on|in|as\s+it\s+publishes)\s+(?:the\s+)?(?:publication\s+of\s+)?its\b"
     # the same with the Inspectorate as the subject: "HM Inspectorate of Probation has praised ... on the
     # publication of its Youth Annual Report"
     r"|\b(?:HM|Her\s+Majesty[’']s|His\s+Majesty[’']s)\s+Inspectorate\s+of\s+Probation\s+has\s+[a-z]+ed\b[^.\n]{0,120}?"
     r"\bon\s+(?:the\s+)?publication\s+of\s+its\b",
     "Most services were rated ‘Good’ this year, says HM Inspectorate of Probation on the publication of its annual "
     "report."),
    ("received_following", "press_release", 1,
     r"\bhas\s+received\s+an\s+overall\s+rating\s+of\s+[‘'\"“][^’'\"”]+[’'\"”]\s+following\s+an?\s+(?:joint\s+)?inspection",
     "Anytown Youth Justice Service (YJS) has received an overall rating of ‘Good’ following an inspection by HM "
     "Inspectorate of Probation."),
    # ---- another party's page
    # a reporter's name alone on its line, or with the reporter's title or employer after a comma
    ("byline", "other", 3,
     r"(?m)^\s*(?:By|(?i:reporter|written\s+by|author)\s*:)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+"
     r"(?:\s*,\s*[A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|of|and|for|the))*)?\s*$",
     "By Anne Example, Local Democracy Reporter"),
    # the BBC-funded scheme whose reporters write councils' news for local papers
    ("local_democracy_reporting", "other", 3, r"(?i:\blocal\s+democracy\s+report(?:er|ing)\b)",
     "The story was written by a Local Democracy Reporting Service journalist."),
    ("dateline", "other", 2,
     r"\A(?:[^\n]*\n){0,6}?\s*(?:date\s+\d{4}-\d\d-\d\d|(?i:(?:date\s+)?published|released|posted|updated)\s*:?\s*\d"
     r"|(?:Published:?\s*)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+\d"
     r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}\s*$"
     r"|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\s*$"
     r"|Date:\s*\d)",
     "Date published: 3 March 2021"),
    # the service's or the council's own people quoted by name and role: the Inspectorate quotes only its own
    ("local_official_quoted", "other", 2,
     r"\b(?:Chair|Chairman|Chairwoman|Head|Manager|Director\s+of\s+Children[’']s\s+Services|Leader\s+of\s+the\s+Council"
     r"|Cabinet\s+Member|Portfolio\s+Holder|Chief\s+Executive|Mayor)\b(?:\s+(?:of|for)\s+(?![^,.:\n]*Inspect)"
     r"[^,.:\n]{2,60}?)?,?\s+(?:(?:Superintendent|Inspector|Councillor|Cllr|Dr|Mr|Mrs|Ms)\s+)?(?:[A-Z][\w’'-]+\s+){1,3}"
     r"(?:said|added|commented)\b",
     "Chair of the Anytown YJS management board Anne Example said: “We are proud of our staff.”"),
    ("councillor", "other", 3, r"\b(?:Cllr|Councillor|Coun\.?)\s+[A-Z]",
     "Cllr Anne Example, cabinet member for children’s services, welcomed the report."),
    # a caption's credit, or a news site's label over a picture ("Image caption" on a line of its own)
    ("caption", "other", 3, r"\b(?:Picture|Image|Photo|Credit)\s*:|\(Image:"
     r"|(?m)^\s*(?:Image|Picture|Photo)\s+(?:caption|copyright|source)\s*$",
     "Staff at Anytown YOS read the inspection findings. Picture: Anytown Council"),
    ("news_furniture", "other", 3,
     r"(?m)\bHide\s+Ad\b|\bREAD\s+MORE\b|\bSign\s+up\s+to\b|\bRegister\s+Now\b|\bShare\s+This\s+Post\b|\bfollow\s+us\b"
     r"|\bTOP\b.{0,30}\bSTORIES\b|\bnewsletter\b|\bsubscri(?:ber|be)\b|\bmins?\s+read\b"
     r"|\bWatch\s+more\s+of\s+our\s+videos\b|^\s*-\s*Published\s*$|\bRelated\s+(?:articles|stories|Internet\s+Links)\b"
     r"|\bComments?\s*\(\d+\)|\bAdvertisement\b|^\s*(?i:read\s+more)\s*:|^\s*Have\s+your\s+say\s*$",
     "Sign up to our daily newsletter"),
    ("meeting", "other", 3,
     r"(?m)^\s*(?i:minutes|decision|agenda\s+item|agenda\s+and\s+minutes|issue\s+-\s+meetings|resolved|meeting|venue|contact"
     r"|apologies|to\s+be\s+completed\s+by|report\s+ED\d+|council\s+meetings|questions\s+-|cabinet\s+meeting"
     r"|cabinet\s+member|item\s+\d+|present\s*:|report\s+(?:of|by|author)\b)\b"
     r"|\bThe\s+(?:Committee|Board|Chair|Cabinet|Panel)\s+(?:considered|noted|discussed|welcomed|congratulated|was\s+pleased"
     r"|received|agreed|asked)\b|\bMembers\s+(?:were|noted|welcomed|received|asked)\b|(?i:\bagenda\s+item\b)",
     "Minutes: The Chair welcomed the Head of the YOT to the meeting."),
    ("reported_speech", "other", 2,
     r"\baccording\s+to\s+(?:its|the|a)\s+(?:first\s+|latest\s+|new\s+)?(?:inspection\s+)?report\b"
     r"|\b(?i:a|the)\s+(?:new|latest|recent|damning|critical|official)\s+(?:official\s+)?report\s+(?:states|says|said|found|into|shows)\b"
     r"|\bwatchdog\b|\b(?:The|the)\s+report\s+(?:states|said|says)\b"
     r"|\bthe\s+inspector\s+said\b|\b(?i:the\s+probation\s+inspectorate)\b"
     r"|\b(?:Government|government)\s+(?:inspectors|figures|report)\b|\b(?:HMI\s+Probation|HMIP)\s+(?:state|states|said|says|found)\b",
     "Anytown’s youth justice service ‘requires improvement’, according to its latest inspection report."),
    # a news lede that ends by naming its source: the finding first, then who found it ("..., inspectors have
    # found."); the Inspectorate opens with its own name or voice instead ("HM Inspectorate of Probation found ...")
    ("lede_attribution", "other", 2,
     r",\s+(?:(?:government|probation)\s+)?(?:inspectors|(?:a|the)\s+(?:new\s+|latest\s+)?(?:inspection\s+)?report)\s+"
     r"(?:has|have)\s+(?:found|said|warned|revealed|concluded)\s*[.!]",
     "Children in Anytown wait too long for help with their education, inspectors have found."),
    # the inspection judged in the teller's own words: the Inspectorate never calls its report "damning" or "glowing"
    ("evaluated_inspection", "other", 2,
     r"\b(?i:damning|scathing|glowing|withering|blistering|stinging|hard-hitting|excoriating|shock)\s+"
     r"(?:new\s+|latest\s+|official\s+)?(?:inspection|report|verdict|findings|review|assessment)\b",
     "Children in Anytown are not kept safe, a damning inspection has said."),
    ("third_person_praise", "other", 1,
     r"\b(?:has|have|had)\s+been\s+(?:praised|commended|criticised|criticized|slammed|lauded|hailed)\s+by\s+(?:the\s+)?"
     r"(?:inspectors|government\s+inspectors|the\s+inspectorate|HM\s+Inspectorate)\b|\b(?:They|It)[’']ve\s+been\s+awarded\b",
     "Anytown’s youth justice service has been praised by inspectors after its latest visit."),
    # the Inspectorate's name as another party writes it: with an article ("the HM Inspectorate of Probation"),
    # or as the agent of a passive rating ("rated 'Good' by inspectors"); the Inspectorate names itself bare and
    # says what it found in the active voice
    ("inspectorate_with_article", "other", 2,
     r"\bthe\s+(?:HM|Her\s+Majesty[’']s|His\s+Majesty[’']s)\s+Inspectorate\s+of\s+Probation\b",
     "In one case, the HM Inspectorate of Probation said, a child's file was not updated."),
    ("rated_by_inspectors", "other", 2,
     r"\b(?:(?:rated|graded|judged|branded|deemed|labelled)\s+(?:as\s+)?[‘'\"“]?(?:(?!\binspection\b)[^.\n,;:]){1,40}?"
     r"|given\s+(?:a|an|the)\s+(?:[\w‘’'\"“”-]+\s+){0,4}(?:rating|grade|verdict|judgement|mark)(?:\s+[^.\n,;:]{1,40}?)?)"
     r"\s+by\s+(?:(?:the\s+)?(?:HM|Her\s+Majesty[’']s|His\s+Majesty[’']s)\s+Inspectorate\s+of\s+Probation"
     r"|(?:government\s+|probation\s+)?inspectors|the\s+(?:probation\s+)?(?i:inspectorate))\b",
     # (the Inspectorate itself may name its inspectors as the agent before the label, never after it; in "rated
     # ‘Good’ following its inspection by the inspectors" the agent is the inspection's, not the rating's)
     "Every part of Anytown's youth offending service has been rated ‘Inadequate’ by inspectors."),
    ("hmip_acronym", "other", 1, r"\bHMIP\b",
     "Anytown Youth Offending Team has been rated ‘Good’ following an inspection by HMIP."),
    ("council_voice", "other", 3,
     r"\b(?:[A-Z]\w+\s+)?(?:City\s+|County\s+|Borough\s+)?Council\s+(?:said|says|has\s+thanked|will|remains|formed)\b"
     r"|\bcouncil(?:’s|'s)?\s+spokes(?:person|man|woman)\b|\bA\s+spokes(?:person|man|woman)\b|\bthe\s+council(?:’s|'s)\b"
     r"|\b(?:our|Our)\s+(?:youth\s+justice|youth\s+offending|children|young\s+people|partners|staff|residents)\b"
     r"|\bwelcomed?\s+the\s+(?:findings|report|inspection)\b|\bwelcomes\s+the\s+findings\b|\bis\s+being\s+welcomed\b",
     "A council spokesperson said: “We welcome the report.”"),
    ("other_body", "other", 3,
     r"\bYouth\s+Justice\s+Board\s+(?:\(YJB\)\s+)?(?:welcomes|response)\b|\bresponse\s+to\s+HMI\w*\s+report\b"
     r"|\bThis\s+news\s+article\s+was\s+withdrawn\b",
     "Youth Justice Board response to HMIP report into Anytown Youth Offending Team"),
    ("blog", "other", 3,
     r"\A\s*\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\s*[–-]"
     r"|\b(?:this|my|our)\s+blog\b|(?m:^\s*(?:Blog|Blog\s+post)\s*[:–-]|^\s*Posted\s+(?:by|on)\b)",
     # (a blog's own furniture too: "Blog: ...", "Posted by ...")
     "16 March 2021 - Positive results for youth justice services"),
    # a retelling's tense and words for the release's fixed ones: on the day it publishes, the Inspectorate's
    # report "makes" its recommendations and its rating comes "following" an inspection; another party, writing
    # later, puts the report in the past ("the report made") and the rating "after" the inspection
    ("retold_after_the_event", "other", 1,
     r"\b(?i:the)\s+report\s+(?:also\s+)?made\b|\b(?:rating|grade|judgement)\s+was\s+(?:given|awarded)\s+after\b"
     r"|\bafter\s+an?\s+(?:\w+\s+)?inspection\s+by\b",
     "The report made four recommendations to the Anytown management board. The rating was given after an "
     "inspection by His Majesty’s Inspectorate of Probation."),
    ("retold_by_outlet", "other", 2,
     r"\b(?:HMI\s+Probation|HMIP)\)?\s+have\b",
     "Inspectors from HM Inspectorate of Probation (HMIP) have visited the Anytown team"),
)
# A report (or its web page or transcript): its own title plus the furniture of a report.
REPORT_BODY_CUES = (
    r"(?im)^\s*(?:contents|foreword|acknowledgements|executive\s+summary|the\s+role\s+of\s+(?:hm|her\s+majesty’s|his\s+majesty’s)"
    r"\s+inspectorate\s+of\s+probation|this\s+inspection\s+was\s+led\s+by|scoring\s+(?:œ\s+)?and\s+summary\s+table)\b"
    r"|(?im)^\s*(?:#+\s*)?(?:ratings|recommendations|summary|overall\s+findings|appendix\s+\d+)" + BACK_TO_TOP + r"\s*$"
    r"|\bISBN\b|©\s*Crown\s+copyright|\bForeword\s*\(Back\s+to\s+top\)|\bForeword(?:(?=(?-i:[A-Z][a-z]))|\s*$)"
)
# "HM Inspectorate of Probation Annual Report 2021", "Annual report: inspection of youth offending services (2019-2020)"
# (not a citation of it, its publisher after a comma: "Annual report: inspection of youth offending services
# (2030-2031), HM Inspectorate of Probation, October 2031" heads another party's summary)
ANNUAL_REPORT_TITLE = (r"^(?!.*,\s*(?:the\s+)?(?:HM|Her\s+Majesty[’']s|His\s+Majesty[’']s|HMI)\s+(?:Inspectorate|Probation))"
                       r"(?:(?:HM|Her\s+Majesty’s|His\s+Majesty’s)\s+Inspectorate\s+of\s+Probation\s+)?(?:Youth\s+)?Annual\s+Report"
                       r"(?:\s+\d{4}(?:[/-]\d{2,4})?)?(?:\s*:\s*[^.!?]{0,120})?\s*$")
# A document about the sector as a whole, or many services: an annual report, news of one, a thematic
# inspection, a research bulletin, the standards page.
# How many services: "26", "sixteen", "thirty-three"
_COUNT_OF_SERVICES = (r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                      r"|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four"
                      r"|five|six|seven|eight|nine))?)")
SECTOR_DOCUMENT = (
    r"(?i)\bannual\s+(?:report|joint\s+inspection)\b|\bthematic\s+(?:inspection|review|report)\b|\bthematic\s+on\b"
    r"|\bresearch\s+(?:and\s+analysis\s+)?(?:bulletin|button)\b|\bour\s+standards\s+and\s+ratings\b"
    r"|\bprobation\s+delivery\s+units?\b|\bacross\s+the\s+\d+\s+services\b"
    r"|\bsample\s+of\s+cases\s+from\s+(?:\w+\s+){0,2}youth\s+(?:offending|justice)\s+services\b"
    r"|\bservices\s+to\s+children\s+by\s+Youth\s+Offending\s+Teams\b|\bthematic\b.{0,80}\binspection\b"
    # a count of the services inspected: "A total of 26 youth offending services were inspected", "of the 16
    # services we inspected", "inspected 33 youth justice services" (never "one of the 26 services inspected")
    r"|(?<!\bone\s)(?<!\bone\s+of\s)(?<!\bone\s+of\s+the\s)\b(?:a\s+total\s+of\s+|of\s+the\s+|all\s+)?"
    + _COUNT_OF_SERVICES
    + r"\s+(?:local\s+)?(?:youth\s+(?:offending|justice)\s+)?(?:services|teams|YOTs|YOSs?|YJSs?)\s+(?:were\s+|have\s+been\s+"
    r"|had\s+been\s+|we\s+)?inspected\b"
    r"|\binspected\s+" + _COUNT_OF_SERVICES + r"\s+(?:youth\s+(?:offending|justice)\s+)?(?:services|teams|YOTs)\b"
)

# "nine per cent above the average", "Sixty per cent of those sentenced had been excluded from school",
# "one per cent – of the children"
_UNITS_WORDS = r"one|two|three|four|five|six|seven|eight|nine"
_TEENS_WORDS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_WORDS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# Read backwards from each "per cent" (the end of the text before it), since scanning for the unit is fast and
# trying thirty number words at every position is not.
PERCENT_WORDS_BEFORE_UNIT = (
    r"(?<![\w-])(?P<words>(?:" + _TENS_WORDS + r")(?:[\s-](?:" + _UNITS_WORDS + r"))?|" + _TEENS_WORDS + r"|" + _UNITS_WORDS
    + r"|(?:a|one)\s+hundred)\s+$"
)
TENS_WORDS: dict[str, int] = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                              "eighty": 80, "ninety": 90}

# -------------------------------------------------------------------- scores
# "Score 13/36", "Anytown YJS scored 31/36", "a score of 0 out of 36", "a total score of 31 out of a possible of
# 36 points", "an overall score of 22 out of a possible 36", "a score of 16 (out of 36)"; also counts to tell apart
# ("one out of four stars").
SCORE_CANDIDATE = (
    r"(?P<mention>(?P<word>\bscore\s*(?:of\s+)?:?\s*)?(?<![\d/.,])(?P<score>\d{1,2})\s*(?:points?\s+)?(?:\(\s*(?=out\s+of\b))?"
    # "28/36", "28 out of 36", "28 points out of a possible 36", "33 of a possible 36"
    r"(?:/|out\s+of\s+(?:a\s+possible\s+(?:of\s+)?|a\s+maximum\s+(?:of\s+)?)?|of\s+a\s+(?:possible|maximum)\s+(?:of\s+)?)"
    r"\s*(?P<max>\d{1,2})(?![\d/.,]\d)"
    r"(?:(?<=\(\s*out\s+of\s+\d{1,2})\))?)(?!\s*(?:%|per\s?cent))"
)
SCORE_WORD_BEFORE = r"\b(?:score|scored|scores|scoring|rating\s+of|rated)\b[^.;]{0,25}$"
