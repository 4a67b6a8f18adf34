"""How a rating label is read where it stands: cues that set it aside and constructions that govern it, as data.

Every mention of a rating label is read in its clause by one small loop (``extractors.rating_sentences``):

1. the set-aside cues below, in order: the first that holds gives the reason the label is no rating of this
   service in this inspection (a definition of the scale, a survey answer, a hedge, another inspectorate, ...);
2. the constructions below, in order: the first that holds names the rule that governs the label and where
   its rated subject is (the words before "was rated", the object of "gave", the area after "for", ...);
3. the subject is then resolved to areas of the framework (``models.vocabulary``) or to the service itself.

Each cue and construction is matched in one place around the label (its ``look``):

- ``before``: the clause's words before the label; ``own``: only the words since the previous label in the
  clause (that label has its own words); both are matched at their end, so patterns end in ``$``;
- ``after``: the words after the label up to the next label or the clause's end, matched at their start;
- ``clause``: the whole clause; ``main_clause``: the clause without its asides between dashes; ``sentence``: the
  whole sentence.

``requires`` and ``unless`` are further (look, pattern) pairs that must, or must not, match. ``conditions``
name small predicates the reader defines (``extractors.rating_sentences.CONDITIONS``) for what a pattern
cannot say: that the verb has its auxiliary, that the label is quoted, that the previous label gave a fact.

Each entry carries invented example sentences in which some label is decided by it, and counter-examples in
which no label is; ``tests/test_constructions.py`` reads every one and asserts which rule fired. An example
may start with lines of context (a headline, the framework's words) before its last line.
Patterns are ``regex`` patterns, case-insensitive unless ``case_sensitive``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# ------------------------------------------------------------------ shared pieces of patterns
OPEN_QUOTE = r"[‘’'\"“”(]?"
CLOSE_QUOTE = r"[’'\"”)]?"
# The nouns a label stands before as their modifier: the label names a rating ("a ‘Good’ rating", "the overall
# ‘Outstanding’ grade", "its ‘Inadequate’ label", "has shaken off its ‘Requires improvement’ tag", "‘good’ scores in
# reducing reoffending", "‘outstanding’ recognition", "a ‘Good’ outcome"). One list for every construction that
# reads a label before its noun.
LABEL_NOUNS: tuple[str, ...] = (
    "rating", "ratings", "grade", "grades", "grading", "gradings", "judgement", "judgements", "judgment", "judgments",
    "verdict", "verdicts", "mark", "marks", "score", "scores", "status", "recognition", "category", "outcome",
    "result", "label", "tag", "badge",
)
LABEL_NOUN = r"(?:" + "|".join(sorted(LABEL_NOUNS, key=len, reverse=True)) + r")\b"
RATING_VERBS = (
    r"rated|judged|graded|assessed|found|deemed|considered|classed|classified|hailed|flagged|singled\s+out"
    r"|marked|reported|recognised|recognized|listed|labelled|labeled|confirmed|scored|branded|ranked"
)
ADVERBS = (r"also|now|all|both|each|itself|separately|individually|then|subsequently|overall|again|still|just|only"
           r"|recently|previously|since|consistently|specifically|already|officially|being|once|last|again|themselves")
COUNT_WORD = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|all|most|many|some"
              r"|several|half|majority|minority|each|every|none|both|various|certain|specific|other|a\s+number\s+of)")
NUMBER_WORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)"
# Participles that rate without "was": "Anytown Youth Justice Service rated ‘Good’", "Anytown YJS, rated
# “inadequate” in 2018, ..." ("we found good use" is not one).
BARE_PARTICIPLES = frozenset({"rated", "judged", "graded", "deemed", "classed", "classified", "assessed", "hailed",
                              "branded", "scored", "upgraded", "downgraded", "marked", "flagged", "listed",
                              "labelled", "labeled", "singled out", "considered"})

# Words after which the label ends its phrase ("was poor.", "was good, and ...") rather than describing the
# noun after it ("good practice").
PREDICATIVE_NEXT = frozenset({
    "", "overall", "for", "in", "on", "and", "or", "but", "by", "with", "across", "when", "while", "as", "following",
    "after", "according", "to", "than", "since", "because", "though", "although", "despite", "rating", "ratings",
    "specifically", "too", "also", "both", "again", "now", "then", "this", "last", "that", "which", "where",
    "before", "at", "during", "from", "whereas", "whilst", "so", "until", "under", "throughout",
})

# ------------------------------------------------------------------ patterns the constructions use
# "Anytown YOS has been graded by the probation inspectors as ‘Outstanding’", "Partnership work stood out and
# was flagged as ‘outstanding’", "which inspectors rated on its own as ‘Good’", "Anytown was judged to need only
# ‘minimum’ improvement in its safeguarding work"
PASSIVE_RATING = (
    r"(?m:^)(?P<subject>.*?)(?:\b(?P<be>is|are|was|were|be|been|being|has|have|had)\b\s*)?(?:\b(?:" + ADVERBS + r")\b\s*)*"
    r"\b(?P<verb>" + RATING_VERBS + r")\b(?:\s+(?:separately|individually|overall|again|specifically|both|all))?"
    r"(?:\s+by\s+(?P<agent>[^,;]{2,90}?))?(?:\s+(?:in|at|during)\s+[^,;‘’'\"“”]{2,40}?)?"
    r"\s+(?:as\s+(?:being\s+)?|to\s+be\s+|to\s+have\s+been\s+|to\s+require\s+(?:just\s+|only\s+)?|to\s+need\s+"
    r"|to\s+be\s+requiring\s+|as\s+requiring\s+)?"
    r"(?:(?:an?|the)\s+)?(?:overall\s+)?" + OPEN_QUOTE + r"$"
)
# A verb of arriving at a place on the scale: "Work with victims fell short at ‘Requires improvement’", "Its overall
# rating came in at ‘Good’", "The service now stands at ‘Good’"
PLACED_AT = (r"(?m:^)(?P<subject>.*?)\b(?P<verb>(?:came|comes|come|coming)\s+in|(?:fell|falls|fall|falling)\s+short"
             r"|stood|stands|sits|sat|landed|lands|settled|settles|ended\s+up|ends\s+up|finished)"
             r"(?:\s+(?:now|again|just|only|overall|firmly))*\s+at\s+(?:an?\s+)?(?:overall\s+)?" + OPEN_QUOTE + r"$")
# "Inspectors handed Anytown YOT a ‘Requires improvement’ grade", "the probation inspectors classed Anytown's
# youth offending team as ‘requiring improvement’", "The watchdog did rate Anytown's work with victims as good",
# "..., with inspectors rating this as ‘Outstanding’", "councillors were angry at inspectors scoring Anytown's
# team the lowest possible grade"
ACTIVE_RATING = (
    r"\b(?P<verb>rated|rates|(?:(?<=\b(?:while|when|after|by|before|inspectors|they|we|inspectorate|HMIP)\s)|(?<=,\s)|^)"
    r"(?:rating|scoring)|(?<=\b(?:did|do|does|to|would|will|not|inspectors|watchdog|watchdogs|they|we)\s)rate|judged|judges|graded|grades|assessed|classified|classed"
    r"|considered|deemed|found|finds|gave|gives"
    # (a participle after the children it describes is no rating verb: "work with children given cautions")
    r"|(?<!\b(?:children|child|people|those|youngsters|offenders)\s)given|awarded|awards|scored|highlights|highlighted|lists|listed"
    r"|identified|identifies|singled\s+out|flagged|named|recognised|recognises|handed|hands|marking|marks|marked"
    r"|describing|describes|described|labelling|labelled|branding|branded|calling|called|ranked|ranks)\s+"
    # an object, not the label's determiner, nor the infinitive's "to" ("the only area judged to require ..."), nor
    # a score ("scored 28 out of 36, which equates to ‘Good’": what the score equates to is the service's)
    r"(?!of\b)(?!to\b)(?!\d+\s*(?:out\s+of|/|points?\b|per\s*cent|%))"
    # nor an adverb of an intransitive verb ("Partnerships scored highly, earning an ‘Outstanding’")
    r"(?!(?:highly|well|strongly|poorly|badly|best|worst|highest|lowest)\b)(?!(?:an?|the|its|their)\s+(?:overall\s+)?[‘’'\"“”(]?$)"
    r"(?P<object>(?:(?!(?<!\b(?:who|which|that)\s)\b(?:as|was|were|has|have|had|said|says)\b"
    r"(?<!\bsentences?\s+(?:was|were)))"
    r"[^;:‘“”]){1,160}?)\s+"
    r"(?:as\s+(?:being\s+)?|to\s+be\s+|to\s+have\s+been\s+)?(?:(?:an?|the|its|their)\s+)?(?:overall\s+)?"
    r"(?:(?:rating|grade|mark|judgement|score)\s+of\s+)?" + OPEN_QUOTE + r"$"
)
# "Anytown's youth offending team has now received a ‘Good’ grade overall", "the council's service got a rating
# of 'requires improvement'", "Anytown is one of three councils in its region with a rating of ‘outstanding’",
# "its work with victims earned the top grade of “Outstanding”", "having lately achieved “good” status", "Anytown
# scored 20 out of 36, which equates to a rating of ‘Good’"
RECEIVED_RATING = (
    r"(?m:^)(?P<subject>.*?)\b(?P<verb>received|receive|receives|receiving|achieved|achieve|achieves|achieving|gained|gain"
    r"|got|get|gets|earned|earns|earning|earn|won|win|wins|winning|attained|obtained|secured|retained|kept|maintained"
    r"|awarded|given|issued|has|have|had|with"
    r"|despite|upgraded\s+to|raised\s+to|improved\s+to|moved\s+to|resulted\s+in|resulting\s+in|led\s+to"
    r"|equates\s+to|equated\s+to|equating\s+to|translates\s+to|translated\s+to|translating\s+to"
    r"|handed|been\s+handed|been\s+given)\s+"
    # another object first, joined to the rating: "earned praise from inspectors and a ‘Good’ rating"
    r"(?:(?:[\w’'-]+\s+){1,4}?(?:and|as\s+well\s+as)\s+(?=(?:a|an|the|its|their)\s))?"
    r"(?:(?:a|an|the|its|their|this|that|his|her|our)\s+)?(?:(?:inspectorate|inspectors|watchdog|HMIP)[’']s?\s+)?"
    r"(?:(?P<rating_of>(?:[\w-]+\s+){0,3}?"
    r"(?:rating|grade|grading|judgement|judgment|mark|score|status|verdict|outcome|category)(?:\s+of|\s*[,–—:]|\s+-))\s*"
    r"|(?:(?:overall|final|new)\s+)|(?P<stars>(?:\d|one|two|three|four)\s+(?:out\s+of\s+(?:four|4)\s+)?stars?\s*[/(]\s*))?"
    + OPEN_QUOTE + r"$"
)
# The label names a rating: "received a ‘Good’ rating", "the overall 'Good' rating", "‘outstanding’ recognition",
# "‘good’ scores in reducing reoffending" (a label's score is its grade: a number is never a label)
RATING_NOUN_AFTER = r"^" + CLOSE_QUOTE + r"\s*(?:overall\s+)?" + LABEL_NOUN
# "The overall rating of the YOT was Good.", "The overall rating was 'Good'",
# "In summary, the overall judgement was that the YJS was good"
OVERALL_IS = (
    # ... and the service's rating named by its time: "Its previous rating was ‘Inadequate’", "The latest grade is"
    # (the rater between: "The overall inspection rating was ‘Good’", "the overall HMIP grade")
    r"\b(?:overall|(?<=\b(?:its|the|their)\s)(?:previous|last|latest|new|current|earlier|former|final))"
    r"(?:\s+(?:inspection|hmip|hmi\s+probation|inspectorate))?\s+(?:rating|judgement|judgment|grade|outcome|result|verdict)\b[^.;]{0,60}?"
    r"(?:(?:\b(?:is|was|of|as)\s+(?:that\s+[^.;]{1,60}?\s+(?:is|was)\s+)?|\s*[:–—-]\s*)" + OPEN_QUOTE
    # the quoted label right after the noun: "Anytown YJS: Overall rating ‘Good’"
    + r"|\s+[‘'\"“])$"
)
# The label in apposition to a rating noun: "The rating – ‘Good’ – reflects ...", "Its rating for out-of-court
# work, ‘Inadequate’, was the lowest possible"
RATING_APPOSITION = (r"\b(?:the|its|their|this|an?)\s+(?:(?:overall|new|latest|final)\s+)?(?:rating|grade|verdict"
                     r"|judgement|judgment)(?:\s+(?:for|of)\s+[^,;–—:‘’'\"“”]{2,60}?)?\s*[,–—:-]\s*" + OPEN_QUOTE + r"$")
# The rating named by what it is for, then the label: "The rating for governance and leadership was ‘Requires
# improvement’", "Anytown YJS's rating for out-of-court work was ‘Good’"
RATING_FOR_IS = (r"\b(?:the|its|their|[\w.&-]+[’']s?)\s+(?:(?:overall|new|latest|final)\s+)?(?:rating|grade|verdict"
                 r"|judgement|judgment)\s+(?:for|on|in)\s+[^,;–—:‘’'\"“”.]{2,60}?\s+(?:is|was)\s+(?:as\s+)?"
                 + OPEN_QUOTE + r"$")
# "While a rating of ‘Requires improvement’ means there is some way to go"
RATING_OF = r"\b(?:rating|grade|grading|judgement|judgment|verdict|classification|category)\s+of\s+" + OPEN_QUOTE + r"$"
# "work to protect the public was poor.", "Assessment for court cases was outstanding."
COPULA = (
    r"(?m:^)(?P<subject>.*?)\s+(?P<be>is|are|was|were|remained|remains|remain|be|been|has\s+been|have\s+been"
    r"|had\s+been|became|become|becomes)(?:\s+(?:also|now|still|both|all|consistently|again|overall|judged"
    r"|considered|deemed|found|seen|thought|said|each|likewise|equally))*(?:\s+(?:to\s+be|as))?"
    # who says so, between commas after the verb: "Its court work was, inspectors said, ‘Outstanding’"
    r"(?:\s*,\s*(?:[^,;.]{2,40}?\b(?:said|say|says|found|find|finds|noted|concluded|reported|judged|believe|believed)"
    r"|according\s+to\s+[^,;.]{2,40}?)\s*,)?\s+" + OPEN_QUOTE + r"$"
)
# "Requires improvement" is also a verb phrase: "inspectors say the team, overall, requires improvement",
# "Anytown's youth justice team ‘requires improvement’, the watchdog has said."
VERB_LABEL = r"(?m:^)(?P<subject>.*?\S)\s*(?:\b(?:overall|still|now|also|further)\s+)?" + OPEN_QUOTE + r"$"
# A label before the service it describes: "‘Outstanding’ Anytown Youth Justice Service “helping each child
# succeed”", "Anytown’s ‘outstanding’ youth offending service", "Calls for an inquiry into ‘inadequate’
# youth offending service"
ATTRIBUTIVE_SERVICE = (
    r"^[’'\"”]?\s+(?:(?-i:[A-Z])[\w’'&.-]*\s+){0,5}(?i:YOT|YJS|YOS|Y&JS|YJT|youth\s+(?:justice|offending)\s+"
    r"(?:service|services|team|partnership|system)|service|team|partnership)\b"
    # the service ends the noun phrase: "an ‘Outstanding’ Partnership award", "the ‘Outstanding’ team leader" are
    # an award's and a person's
    r"(?=\s*(?:[.,;:!?)'\"’”‘“–—-]|$)|\s+(?:has|have|had|is|was|were|are|in|at|for|of|on|by|and|with|after|following"
    r"|from|to|praised|rated|said|says|which|that|who|after|celebrates|celebrated|welcomes|welcomed"
    # a headline's verb after its subject: "‘Inadequate’ Anytown youth justice service told to improve"
    r"|told|urged|ordered|must|needs?|given|handed|gets|receives|received|criticised|slammed|hailed|will|should)\b)"
)
# A core case inspection's level with its verb: "requires substantial improvement", "need ‘minimum’ improvement",
# "found to be requiring moderate improvement"
REQUIRES_LEVEL = (r"\b(?:requires?|required|requiring|needs?|needed|needing|in\s+need\s+of)\s+(?:just\s+|only\s+|a\s+)?"
                  + OPEN_QUOTE + r"$")
# A change of rating: "has improved its rating from ‘Requires improvement’ to ‘Good’" (the first is the earlier)
CHANGED_FROM = (r"\b(?:improved|moved|went|gone|risen|rose|changed|progressed|climbed|fallen|fell|dropped|declined"
                r"|slipped|up|down|upgraded|downgraded|raised|lowered|jumped|an\s+improvement|a\s+rise|a\s+fall"
                r"|a\s+move|a\s+step\s+(?:up|down))\b[^.;]{0,30}?\bfrom\s+(?:an?\s+|its\s+"
                r"|the\s+|their\s+)?(?:previous\s+|earlier\s+|last\s+)?(?:overall\s+)?(?:rating\s+of\s+)?"
                + OPEN_QUOTE + r"$")
# "was upgraded to ‘Good’", "improved its rating to ‘Good’", "moved up to ‘Good’", with how far: "has moved up two
# grades to ‘Good’", "was marked down a notch to ‘Requires improvement’"
CHANGED_TO = (r"\b(?:upgraded|downgraded|improved|raised|lowered|reduced|moved|risen|rose|fallen|fell|dropped|gone\s+up|gone\s+down"
              r"|slipped|climbed|jumped|lifted|boosted|bumped|pushed|marked\s+(?:up|down))\s+(?:(?:up|down)\s+)?"
              r"(?:(?:by\s+)?(?:a|an|one|two|three|\d)\s+(?:grades?|gradings?|notch(?:es)?|levels?|places?|ratings?|steps?"
              r"|categor(?:y|ies))\s*,?\s+)?"
              r"(?:(?:its|their|the)\s+(?:overall\s+)?(?:rating|grade|grading|judgement|judgment)\s+)?"
              r"(?:back\s+)?to\s+(?:an?\s+)?" + OPEN_QUOTE + r"$")
# A verb's object, up to 80 characters of one phrase (a possessive's apostrophe allowed): "the service's leadership"
_OBJECT = r"(?P<object>(?:[^,;:.‘’'\"“”]|[’']s\b){2,80}?)"
# ... with what changed as the verb's object: "Inspectors upgraded the service's leadership to ‘Good’"
_CHANGED_OBJECT = (r"\b(?P<verb>upgraded|downgraded|raised|lowered|lifted|moved|marked\s+(?:up|down))\s+"
                   r"(?!(?:its|their|the)\s+(?:overall\s+)?(?:rating|grade|grading|judgement|judgment)\s)"
                   + _OBJECT + r"\s+(?:(?:up|down)\s+)?")
CHANGED_OBJECT_TO = _CHANGED_OBJECT + r"to\s+(?:an?\s+)?" + OPEN_QUOTE + r"$"
# ... and from what: "Inspectors upgraded the service from ‘Requires improvement’ to ‘Good’" (the earlier label)
CHANGED_OBJECT_FROM = _CHANGED_OBJECT + r"from\s+(?:an?\s+)?" + OPEN_QUOTE + r"$"
# What a score or a finding places in a band of the scale: "A score of 17 out of 36 placed Anytown in the ‘Requires
# improvement’ band"
PLACED_IN = (r"\b(?P<verb>placed|places|placing|put|puts|putting)\s+" + _OBJECT + r"\s+(?:in|into|within)\s+(?:the|a)\s+"
             + OPEN_QUOTE + r"$")
PLACED_IN_AFTER = r"^" + CLOSE_QUOTE + r"\s*(?:overall\s+)?(?:band|category|bracket|grade|rating)\b"
TO_AFTER_FROM = r"^[’'\"”]?(?:\s+rating)?\s+to\s+(?:an?\s+)?" + OPEN_QUOTE + r"$"
# The earlier label after the new one: "improved its rating to ‘Good’ from ‘Requires improvement’"
FROM_AFTER_TO = (r"^[’'\"”]?(?:\s+rating)?\s+from\s+(?:an?\s+|its\s+|the\s+|their\s+)?(?:previous\s+|earlier\s+)?"
                 r"(?:rating\s+of\s+)?" + OPEN_QUOTE + r"$")
# What a label is for, in, on: "rated ‘Outstanding’ for planning and partnership working",
# "‘moderate’ improvement in managing risk of harm", "one out of four stars (poor) for protecting the public"
COMPLEMENT = (
    r"^" + CLOSE_QUOTE + r"(?:\s*(?:" + LABEL_NOUN + r"|improvement|overall|specifically"
    r"|separately|also|was|were|is|are|received|given|awarded|required|needed|,"
    # an apposition placing the label on its scale: "an ‘Inadequate’ rating, the lowest of four grades, for ..."
    r"|[,–—-]\s*(?:the|its)\s+(?:second[\s-]+)?(?:lowest|highest|best|worst|top|bottom)\b[^,;.–—]{0,40}[,–—-]"
    r"))*\s+(?P<prep>for|in\s+terms\s+of|in|on|across"
    r"|to(?=\s+(?:safeguard|reduce|protect|manage|address|ensure|make|keep|tackle|stop|prevent|support|assess|plan"
    r"|deliver|review|work)\b)"
    # improvements to a part of the work: "‘substantial’ improvements to its safeguarding work"
    r"|to(?=\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:work|practice|arrangements)\b))\s+"
    r"(?P<words>[^;.]{2,200})"
)
# A subject or complement that picks items of a list named before it by their place in that list: "the first two
# headings", "the last three areas", "the former", "the latter" ("Inspectors looked at staffing and resettlement;
# the latter was rated ‘Outstanding’", "moderate improvement is needed in the last two areas"). Only
# nouns that name parts of an inspection follow ("the first two years" points to no list of areas).
_ORDINAL_NOUN = (r"(?:(?:key|main|inspection|rated)\s+)?(?:headings?|areas?|aspects?|criteria|criterion|standards?|themes?"
                 r"|domains?|categories|category|ones?|parts?|elements?|strands?)\b")
# (with no such noun, the phrase must end there: "the first two were ...", "the latter, ...")
_ORDINAL_PHRASE_ENDS = (r"(?=\s*(?:[,.;:()‘’'\"“”–—]|$)|\s+(?:and|or|but|was|were|is|are|had|has|have|received|got|scored"
                        r"|earned|achieved|also|too|both|each|all|rated|judged|graded|as|with|which|in|on|for)\b)")
ORDINAL_REFERENCE_WORDS = (
    r"(?:(?P<end>first|last|final)(?:\s+(?P<n>" + NUMBER_WORD + r"))?|(?P<one>former|latter))"
    r"(?:\s+of\s+(?:these|those|them))?(?:\s+" + _ORDINAL_NOUN + r"|" + _ORDINAL_PHRASE_ENDS + r")"
)
ORDINAL_REFERENCE = r"^\W*(?:the\s+)?" + ORDINAL_REFERENCE_WORDS
# The label's determiner, before a rating noun: "the ‘Good’ rating", "its overall ‘Outstanding’ grade"
# ("its 2019 ‘Inadequate’ rating": a year between them dates the label, see rating_sentences._YEAR)
DETERMINER_BEFORE = (r"\b(?:the|their|its|our|this|an?)\s+(?:(?:19|20)\d\d\s+)?(?:overall\s+)?" + OPEN_QUOTE
                     + r"$")
# Words of a verb phrase the label may not follow to be "requires improvement" the verb: "downgraded to
# ‘requires improvement’", "a ‘requires improvement’ rating", "up from requires improvement", "Good (previously
# Requires improvement)"; "to" after a verb of judging is the infinitive's, and the label is the verb: "Its
# planning was found to ‘require improvement’", "judged to require improvement"
NOT_VERB_LABEL = (r"\b(?:(?<!\b(?:found|judged|deemed|considered|thought|said|seen|shown|assessed|believed|held)"
                  r"\s+)to|a|an|the|of|as|be|been|from|previously|formerly|once|at)\s*" + OPEN_QUOTE + r"$"
                  r"|\(\s*" + OPEN_QUOTE + r"$")
# This service, referred to without its name: "the service", "the YOT", "it", "the local authority"
SERVICE_REFERENCE = (
    r"\b(?:YOT|YJS|YOS|Y&JS|YJT|YJPS|YOTs?|youth\s+(?:justice|offending)(?:\s+and\s+prevention)?\s+(?:service|services"
    r"|team|teams|partnership|work|system|provision)|youth\s+and\s+justice\s+service|justice\s+service"
    # a headline's plain words for it: "Young offender service rated good in inspection"
    r"|young\s+offenders?[’']?\s+(?:service|team)"
    r"|(?:the|this|its|their|our|a|an)\s+(?:service|team|partnership|council|borough|county|local\s+authority"
    # ("it", never "IT": "IT and premises were rated ‘Good’" rates the information and facilities)
    r"|authority|[\w-]+-(?:led|run)\s+(?:service|team|partnership))|(?-i:it|It|they|They))\b"
)
# The label then what it counts: "three outstanding areas", "some “outstanding” areas", "outstanding features"
COUNTED_AFTER = (r"^[’'\"”]?\s+(?:areas?|aspects?|features?|elements?|parts?|categories|standards?|strengths"
                 r"|practice\s+areas|ratings?\s+in\s+(?:all|most|many|some|\d{1,2}\b))\b")

# ------------------------------------------------------------------ patterns the cues use
# Labels offered as alternatives: "good or outstanding", "“poor” or “very poor”", "either inadequate or required"
ALTERNATIVE_AFTER = r"^[’'\"”]?\s*(?:/|or\b|nor\b)"
ALTERNATIVE_BEFORE = r"(?:\bor|\beither|(?<!\bstars?)/)\s*" + OPEN_QUOTE + r"$"
LABEL_IS_DEFINED = r"^[’'\"”]?\s+(?:is|means)\s+(?:the\s+)?(?:second\s+|third\s+)?(?:highest|lowest|top|best|worst)\b"
# An answer in a survey: "a fifth of the parents asked rated their contact as “poor”". The people are no
# respondents when they are part of a title ("Director of Children’s Services, said", "cabinet member for
# children, said", "Director of Children and Families, said": a comma ends the title) or of a name for work
# ("the service for young people said")
SURVEY = (
    r"(?<!\b(?:for|with)\s(?:\w+\s)?)(?<!\b(?:director|head|department|directorate|services?)\s+of\s)"
    r"\b(?:staff|children|young\s+people|parents|carers|respondents|boys|girls|families|victims|practitioners)\b"
    r"(?![’']s\b)"
    r"[^.;,]{0,40}?(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\band\s)\b(?:rated|described|reported|felt|said|thought|rating)\s+"
    r"(?:their|the|its|our|his|her|them|it|supervision|support)\b"
)
# A rating that was not given: "the service only saved from an overall ‘Inadequate’ rating by ...",
# "a good service with the potential to become outstanding", "dragged the rating down from 'good'"
HYPOTHETICAL = (
    r"\b(?:rescued|saved|spared|kept|escaped|prevented)\s+from\b|\bpotential\s+to\b|\baspir\w*\b|\bstriv\w*\b"
    r"|\b(?:aim|aims|aiming|ambition|hope|hopes|goal|journey|path|on\s+track|on\s+course)\s+(?:to|for|of)\b"
    r"|\bwould\s+(?:have\s+)?(?:been|be|get|receive|achieve)\b|\bcould\s+(?:have\s+)?(?:been|be|become|achieve|reach)\b"
    # (what a rating was dragged "down to" is the rating it got: "dragged the overall rating down to ‘Good’")
    r"|\b(?:dragged|pulled|brought)\b[^.;]{0,40}\bdown\b(?!\s+to\b)|\bhigher\s+rating\b|\bto\s+become\b|\bif\b"
    # a rating not won: "narrowly missed out on an ‘Outstanding’ rating", "fell just short of ‘Good’"
    r"|\bmiss(?:ed|es|ing)?\s+out\s+on\b|\bnarrowly\s+missed\b|\b(?:fell|falls|falling|fall)\s+(?:just\s+)?short\s+of\b"
    # a rating to be won: "must do more to achieve a ‘Good’ rating", "in order to reach ‘Outstanding’"
    r"|\b(?:must|should|needs?\s+to|wants?\s+to|in\s+order)\b(?:\s+[\w’']+){0,4}?\s+to\s+(?:achieve|reach|gain|secure"
    r"|attain|get|earn|regain|win)\b"
    # a rating still to come, or to be checked: "Staff hope the work will be rated ‘Outstanding’", "is expected to
    # stay ‘Good’", "Inspectors will return to check that planning has improved to ‘Good’"
    r"|\bwill\s+(?:[\w’']+\s+){0,2}?(?:be|stay|remain|get|receive|achieve|become)\s+(?:(?:rated|judged|graded|given|awarded"
    r"|assessed|deemed)\s+)?(?:as\s+)?(?:an?\s+)?[‘'\"“]?$"
    r"|\b(?:expected|likely|set)\s+to\s+(?:be|stay|remain|get|receive|achieve|become)\b|\bcheck\s+(?:that|whether|if)\b"
)
# A rating a modal verb after it makes a condition: "A ‘Good’ rating for leadership would require a stronger board"
MODAL_AFTER_RATING = (r"^" + CLOSE_QUOTE + r"\s+(?:rating|grade|judgement)\s+(?:for\s+[^,;.]{1,60}?\s+)?"
                      r"(?:would|could|might|will)\b")
# A rating of an inspection still to come: "... a ‘Good’ rating at its next inspection"
NEXT_INSPECTION = r"^[’'\"”]?\s*(?:[\w’']+\s+){0,3}?(?:at|in|by|for|from)\s+(?:its|their|the|a)\s+(?:next|future|coming)\s+inspection\b"
# A speaker's own view, in the present, in a quotation: "“Our staff are outstanding,” said Cllr Jones" (the
# inspection's judgement is reported with a verb of rating, or in the past: "we were rated ‘Outstanding’")
_INTENSIFIER = r"(?:so\s+|truly\s+|really\s+|simply\s+|absolutely\s+|just\s+)?"
PRESENT_COPULA_BEFORE = r"\b(?:is|are|[’']re)\s+" + _INTENSIFIER + OPEN_QUOTE + r"$"
# ... in any tense: "The staff were outstanding", "The board has been good"
COPULA_BEFORE = r"\b(?:is|are|was|were|[’']re|[’']s|has\s+been|have\s+been|been|be)\s+" + _INTENSIFIER + OPEN_QUOTE + r"$"
# Who speaks, when it is not the Inspectorate: the council's members and officers, the service's managers
_LOCAL_SPEAKER_ROLES = (r"Cllr|Councillor|council\s+leader|leader\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}council"
                        r"|mayor|cabinet\s+member|portfolio\s+holder|head\s+of\s+(?:the\s+)?service"
                        r"|service\s+manager|chief\s+executive|spokesperson|spokesman|spokeswoman|MP")
NON_INSPECTORATE_SPEAKER = (r"\b(?:" + _LOCAL_SPEAKER_ROLES + r")\b"
                            # the board's chair, named with the verb of speaking (the words "the chair" alone may be
                            # the subject of an inspector's finding)
                            r"|\bchair(?:man|woman|person)?\s+of\s+the\s+(?:[\w-]+\s+){0,3}board\b[^.;:“”\"]{0,40}?\b(?:said|says|added)\b"
                            r"|\bsaid\s+(?:the\s+)?(?:board\s+)?chair(?:man|woman|person)?\b")
# People the service works with, named with their verb of speaking: their words are never the inspection's rating,
# whatever the tense ("One parent said: “The staff were outstanding.”")
_ONE_OF_THE_PEOPLE = (r"(?:a|an|one|the|another)\s+(?:parent|mother|father|carer|grandparent|victim|magistrate|headteacher"
                      r"|young\s+person|child|police\s+officer)")
PEOPLE_SPEAKING = (r"\b" + _ONE_OF_THE_PEOPLE + r"\s+(?:said|says|told\s+\w+|added)\b"
                   r"|\bsaid\s+" + _ONE_OF_THE_PEOPLE + r"\b")
# ... the same people named after a label in reported speech, and the board's chair and the service's managers
# (never "director" alone: the Inspectorate's Director of Operations speaks for it)
_LOCAL_ROLE = (r"(?:the\s+|its\s+|their\s+)?(?:board[’']s\s+)?(?:" + _LOCAL_SPEAKER_ROLES
               + r"|chair(?:man|woman)?(?:\s+of\s+the\s+board)?|manager|councillors|director\s+of\s+children[’']s\s+services)")
# A local speaker named after the label, in reported speech: "..., the chair said", "..., said the council leader"
LOCAL_SPEAKER_AFTER = (r"^" + CLOSE_QUOTE + r"\s*,\s*(?:(?:said|says|added|claimed|insisted)\s+" + _LOCAL_ROLE + r"\b"
                       r"|" + _LOCAL_ROLE + r"\b[^.;,]{0,40}?\s+(?:said|says|added|claimed|insisted)\b)")
# "It is good to see that ...", "it was good that": the label judges what follows, not the service
IT_IS_BEFORE = (r"\b[Ii]t(?:\s+is|\s+was|[’']s|\s+would\s+be|\s+will\s+be)\s+(?:very\s+|really\s+|also\s+|particularly\s+)?"
                + OPEN_QUOTE + r"$")
# A label qualified as partly true: "mostly ‘Outstanding’", "generally good"
HEDGE_BEFORE = (r"\b(?:mostly|largely|generally|broadly|partly|partially|sometimes|often|usually|mainly"
                r"|predominantly|not\s+always|in\s+parts?|almost)\s+(?:been\s+)?" + OPEN_QUOTE + r"$")
# A label that describes a share of cases: "safeguarding work was only satisfactory 41 per cent of the time"
SHARE_OF_CASES = (r"^[’'\"”]?\s*(?:in\s+)?(?:\d{1,3}(?:\.\d+)?\s?(?:%|per\s?cent)"
                  # a share in words: "inadequate in a third of cases", "good in half the cases", "in two-thirds of"
                  r"|(?:a|one|two|three|four)[\s-]+(?:half|halves|third|thirds|quarter|quarters|fifth|fifths)\s+of\b"
                  r"|half\s+(?:of\s+)?the\s+cases\b)")
# The noun after the label opens the next clause: "... rated “good” parts of its casework were judged ..." (a
# missing comma), not "three ‘outstanding’ areas".
NOUN_STARTS_CLAUSE = r"^[’'\"”]?\s+\w+(?:\s+[\w’']+){0,5}?\s+(?:are|were|is|was|have\s+been|has\s+been)\b"
# Among the areas that were found "satisfactory" were X, Y and Z: the list after the label is its subject.
# ("Among the ‘Good’ ratings were leadership and information": the label's noun may stand between)
INVERTED_LIST = (r"^[’'\"”]?(?:\s+" + LABEL_NOUN + r")?\s*,?\s+(?:were|was|are|is|included|include|came)\s+"
                 r"(?P<list>[^;.]{3,240})")
# A noun phrase of areas modified by the rating verb, opening the clause: "The only area judged to ", "The areas
# rated ", "Its two aspects that were graded as "
AREAS_RATED_BEFORE = (r"^\W*(?:(?:(?:the|its|their|(?-i:[A-Z])[\w-]*[’']s)\s+(?:(?:only|sole|single|one|two|three|four|five|six"
                      r"|other)\s+)?"
                      # or the best or worst of them, its label in an insert: "Its strongest area, rated ‘Outstanding’,"
                      r"(?:(?:strongest|weakest|best|worst|top|highest[\s-]rated|lowest[\s-]rated)\s+)?"
                      r"(?:areas?|aspects?|standards?|parts?|elements?)"
                      # or a pronoun for them: "Those rated ‘Good’ included ..."
                      r"|those|the\s+ones)\s*,?\s+(?:(?:that|which)\s+(?:was|were)\s+|to\s+(?:be|have\s+been)\s+)?)?"
                      # (or the participle opening the clause, its subject after the verb: "Rated ‘Outstanding’ were
                      # staffing and partnerships")
                      r"(?:rated|judged|graded|found|deemed|assessed|considered)(?:\s+(?:to\s+be|as|to))?\s+"
                      + OPEN_QUOTE + r"$")
# ... and after its label, where (or for whom) it was given, then the verb and the areas
AREAS_RATED_AFTER = (r"^[’'\"”]?(?:\s+(?:in|for|at|across)\s+[^,;.‘’'\"“”]{1,40}?)?\s*,?\s+(?:were|was|are|is|included"
                     r"|include)\s+"
                     r"(?P<list>[^;.]{3,240})")
# A label before the noun it describes, an adjective: "has ‘outstanding’ resettlement work", "‘Good’ with
# ‘Outstanding’ features" (a noun of work or of its parts within three words after it, no preposition between)
ATTRIBUTIVE_LABEL = (r"^[’'\"”]?\s+(?:(?!(?:for|in|on|of|at|across|by|with|to|and|or|but|from|following|after|since"
                     r"|during|under|as|than)\b)(?-i:[a-z])[\w-]*\s+){0,2}?(?:work|practice|features?|aspects?|elements?"
                     r"|partnerships?|staff|staffing|leadership|resettlement|planning|assessments?|reviewing"
                     r"|governance|arrangements|provision|record|progress|relationships?|links)\b")
# Between two labels, what makes the second no conjunct of the first: a comparison ("compares with", "against"), or
# another named possessor right before it ("... with Westshire's ‘Inadequate’"; "– it’s second-lowest mark" restates)
NOT_COORDINATED = (r"\b(?:compare[sd]?|comparing|comparison|contrasts?|contrasted|against|versus|vs)\b"
                   r"|\b(?-i:[A-Z])[\w-]*[’']s?\s+" + OPEN_QUOTE + r"$")
# "That made it the only ‘Inadequate’ rating awarded to any service in the region that year."
# ("A ‘Good’ rating was given to a third of services nationally": in the passive too)
GIVEN_TO_ANY = (r"^[’'\"”]?\s*rating\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?(?:given|awarded|handed)"
                r"\s+to\s+(?:a|an|any)\b")
# A sentence about the sector or other services, not the inspected one.
# "Nationally, 40% of youth justice services inspected this year were rated 'Good'."
SECTOR_CUES = (
    r"\bnationally\b|\bacross\s+(?:england|wales|the\s+country)\b|\b\d+(?:\.\d+)?\s?(?:%|per\s?cent)\s+of\b"
    r"|\b(?:all|most|many|neighbouring)\s+(?:youth\s+(?:justice|offending)\s+)?(?:services|teams|YOTs|councils"
    r"|local\s+authorities)\b"
    r"|\bother\s+(?:youth\s+(?:justice|offending)\s+(?:services|teams)|YOTs|YJSs|YOSs|councils|local\s+authorities)\b"
    r"|\b(?:than|with|to|unlike|among|across)\s+(?:the\s+|many\s+|most\s+)?other\s+(?:services|teams)\b"
    r"|\b(?:half|two-thirds|two\s+thirds|a\s+third|majority|minority)\s+of\s+(?:the\s+)?(?:\d+\s+)?(?:services|YOTs|YJSs|YOSs)\b"
    r"|\b\d+\s+(?:of\s+the\s+\d+\s+)?(?:services|YOTs|YJSs|YOSs)\s+(?:were|have\s+been)\s+rated\b"
    r"|\b(?:half|two-thirds|two\s+thirds|a\s+third|one\s+third|three-quarters|majority|minority)\b[^.]{0,40}\b(?:are|were|have\s+been)\s+rated\b"
)
# Other inspectorates: "The Care Quality Commission inspected the service in 2012 and rated it ‘Good’."
OTHER_INSPECTORATE = (r"\b(?:Ofsted|Care\s+Quality\s+Commission|CQC|Estyn|HMICFRS|Care\s+Inspectorate\s+Wales"
                      r"|Healthcare\s+Inspectorate\s+Wales|Inspectorate\s+of\s+Constabulary|HMI\s+Prisons"
                      r"|Probation\s+Delivery\s+Units?|PDUs?)\b")
PROBATION_INSPECTORATE = r"\bProbation\b|\bHMIP\b"
# The scale itself: "the YOT will be given an overall rating, either Outstanding, Good, Requires improvement or
# Inadequate", "‘Good’ is the second highest rating"
SCALE_CUES = (
    r"\b(?:four|4)[\s-]point\s+scale\b|\bscale\s+(?:of|from)\b|\bon\s+a\s+scale\b|\brated\s+(?:overall\s+)?as\s+either\b"
    r"|\beither\b[^.;]{0,80}\bor\b|\bfour\s+(?:possible\s+)?(?:ratings|scores|grades)\b|\bpossible\s+ratings\b"
    r"|\bratings\s+(?:are|which\s+can\s+be)\b|\brequiring\s+either\b|\brequires\s+either\b|\bone\s+of\s+four\b"
)
# How many areas got a label, not which: "In three of the 12 areas examined", "seven of its 12 quality
# standards", "rated outstanding in six categories, good in three", "10 of the 13 standards were rated Good"
COUNT_OF_AREAS = (
    r"\b" + COUNT_WORD + r"\s+(?:(?:out\s+)?of\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:\d+|twelve|thirteen|12|13)?\s*)?"
    r"(?:[\w-]+\s+){0,2}(?:areas?|aspects?|standards?|categories|category|domains?|elements?|parts?|features?"
    r"|strengths|ratings|criteria)\b"
)
# A count of areas opening the clause, before the service it then rates: "In three of the 12 areas examined, the
# service was rated ‘Outstanding’", "In seven out of 12 aspects of its work the YOT was judged ‘Good’"
COUNT_ADVERBIAL = (
    r"\b(?:in|across|for|on)\s+" + COUNT_WORD + r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|our\s+|their\s+)?"
    r"(?:\d+|twelve|thirteen)\s+(?:[\w-]+\s+){0,2}(?:areas?|aspects?|standards?|categories|domains?|elements?)\b"
)
COUNT_ONLY_SUBJECT = r"^\W*(?:and\s+|with\s+|while\s+)?" + COUNT_WORD + r"\W*$"
# Text shown rather than judged: a banner, a sign, a badge, a caption's own words.
# "Staff from the Anytown service held up a banner reading 'rated Outstanding'."
DISPLAYED = (r"\b(?:banners?|signs?|placards?|posters?|badges?|stickers?|t-shirts?|mugs?|cakes?|balloons?|logos?"
             r"|plaques?|certificates?)\b[^.;]{0,40}\b(?:reading|read|reads|saying|says|said|with\s+the\s+words"
             r"|bearing|printed|emblazoned)\b")
# A rating dedicated to people, not a rating of the staff standard: "a much-deserved ‘Good’ rating for the staff
# of Anytown YJS", "the rating is a credit to everyone in the team"; "rated good for partnerships, and
# outstanding for staff" (bare "for staff" ending the clause) rates the Staff standard
_PEOPLE = r"(?:staff|team|workers|practitioners|volunteers|everyone|everybody|colleagues)\b"
_PEOPLE_TAIL = r"(?:\s+(?:of|at|in|who|and|across)\b|\s*[,.;]|$)"
DEDICATION = (r"^" + CLOSE_QUOTE + r"\s*(?:rating|grade|result|outcome)?\s*(?:is\s+)?(?:"
              r"(?:for|to|a\s+credit\s+to|a\s+testament\s+to|down\s+to|thanks\s+to)\s+(?:all\s+(?:the\s+)?|the\s+)"
              + _PEOPLE + _PEOPLE_TAIL
              + r"|(?:to|a\s+credit\s+to|a\s+testament\s+to|down\s+to|thanks\s+to)\s+" + _PEOPLE + _PEOPLE_TAIL
              + r"|for\s+" + _PEOPLE + r"\s+(?:of|at|in|who|and|across)\b)")


# ------------------------------------------------------------------ the tables
class RuleName(StrEnum):
    """The rules (constructions, cues) the reader's code refers to by name; every other rule is only data.
    A member is a construction's or cue's name below (a test holds it), or the reader's own set_aside."""

    COORDINATED = "coordinated"
    COPULA = "copula"
    OVERALL_IS = "overall_is"
    RATING_OF = "rating_of"
    RATING_APPOSITION = "rating_apposition"
    HEADLINE = "headline"
    ATTRIBUTIVE = "attributive"
    RATING_NOUN = "rating_noun"
    RECEIVED = "received"
    CHANGED_TO = "changed_to"
    CHANGED_FROM = "changed_from"
    PREVIOUS_INSERT = "previous_insert"
    HAVING_BEEN = "having_been"
    EARLIER_ADVERB_INSERT = "earlier_adverb_insert"
    FRONTED_EARLIER = "fronted_earlier"
    RESPECTIVELY = "respectively"
    COLON = "colon"
    SET_ASIDE = "set_aside"


# A rule that read an earlier inspection's rating ends so: "rated_as+previous".
PREVIOUS_SUFFIX = "+previous"


@dataclass(frozen=True)
class Cue:
    """A reason to set a label aside, found in one place around it."""

    name: str  # the rule that fired, recorded on the mention
    reason: str  # the set-aside reason (models.vocabulary.SET_ASIDE_REASONS)
    # where the pattern is matched: before, own, after, clause, main_clause, own_before (the label's own clause's words
    # before it), own_clause, label_phrase, sentence
    look: str
    pattern: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...] = ()
    detail: str | None = None
    requires: tuple[tuple[str, str], ...] = ()  # (look, pattern) that must also match
    unless: tuple[tuple[str, str], ...] = ()  # (look, pattern) that must not match
    conditions: tuple[str, ...] = ()  # named predicates that must hold
    case_sensitive: bool = False


@dataclass(frozen=True)
class Construction:
    """What governs a label, and where its rated subject is."""

    name: str  # the rule, recorded on the mention (mentions.rule)
    look: str | None  # where ``pattern`` is matched (None: the conditions alone decide)
    pattern: str | None
    # Where the subject is: "group:<name>" (a named group of the match), "before_match" (the clause's words
    # before the match), "clause" (all the clause's words before the label), "service" (the words before the
    # label, then "service": an attributive label), "before_own" (the words before this label's own),
    # "none" (no words: the complement or the previous label decides), "row" (the line's first words),
    # "previous_clause" (the subject of the clause before this one), "overall_owner" (the words of the match and
    # the possessor just before it: "Newtown's overall rating for court work was"), "paired" (the area "respectively"
    # pairs the label with)
    subject: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...] = ()
    own_group: str | None = None  # this group (or the match) must lie in the label's own words
    requires: tuple[tuple[str, str], ...] = ()
    unless: tuple[tuple[str, str], ...] = ()
    conditions: tuple[str, ...] = ()
    case_sensitive: bool = False


# A label in brackets after what it rates: "The ratings were: Governance and leadership (Inadequate), Staff
# (Good)", "Court disposals were judged to be strong (Good)"; the words back to the last comma, colon or bullet
# (the last of a list after the bracket before it: "protecting the child (satisfactory) and ensuring the sentence is
# served (good)")
BRACKETED = r"(?:^|[,;:•]\s*|\)\s*(?=and\b|or\b)|\s[–—-]\s*)(?P<subject>[^,;:()•–—]{2,120}?)\s*\(\s*" + OPEN_QUOTE + r"$"
BRACKET_CLOSES = r"^[’'\"”]?\s*\)"
# ... but a label in brackets after a percentage alone is the score's level, rated for what the row is about: "Likelihood
# of reoffending: 68% (moderate improvement required)", never the figure itself ("Safeguarding work scored 58%
# (substantial ...)" names its subject)
SCORE_BEFORE_BRACKET = r"(?:^|[,;:•]\s*|\s[–—-]\s*)\d{1,3}\s*(?:%|per\s*cent)\s*\(\s*" + OPEN_QUOTE + r"$"
# The label given to what follows: "The highest rating, ‘Outstanding’, went to its resettlement work"
WENT_TO = (r"^" + CLOSE_QUOTE + r"\s*,?\s*(?:went|goes|was\s+(?:given|awarded|handed)|were\s+(?:given|awarded|handed))\s+to\s+"
           r"(?P<subject>[^,;.:]{2,80})")
# The label given to what follows "to" by an active verb of giving: "The inspectors gave the lowest grade,
# ‘Inadequate’, to its out-of-court work", "awarded a ‘Good’ rating to Anytown's staff"; the recipient opens with
# a determiner, a name or an area ("gave it a ‘Good’ rating to reflect ..." is a purpose, not a recipient)
GIVEN_TO = (r"^" + CLOSE_QUOTE + r"\s*(?:(?:overall\s+)?(?:rating|grade|grading|mark|judgement|judgment)s?)?\s*,?\s*to\s+"
            r"(?P<subject>[^,;.:]{2,80})")
# The rating noun given to its recipient in the passive: "A ‘Good’ verdict was handed to court work"
GIVEN_TO_PASSIVE = (r"^" + CLOSE_QUOTE + r"\s*(?:overall\s+)?(?:rating|grade|grading|mark|judgement|judgment|verdict)s?\s+"
                    r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?(?:given|awarded|handed|assigned)"
                    r"\s+to\s+(?P<subject>[^,;.:]{2,80})")
RECIPIENT_OPENING = (r"^(?:(?:the|its|their|our|this|each|all|both)\b|(?-i:[A-Z])"
                     # a count of areas, named after it: "gave ‘Outstanding’ ratings to three areas: staff, ..."
                     r"|" + NUMBER_WORD + r"\s+(?:of\s+(?:the|its|their)\s+(?:\w+\s+)?)?(?:areas|standards|aspects|domains"
                     r"|categories)\b)")
GIVING_VERB_BEFORE = (r"\b(?:gave|give|gives|giving|awarded|awards|award|awarding|handed|hands|handing|assigned"
                      r"|assigns)\b[^.;]{0,80}$")
# The label first, then what it was given for: "‘Good’ was the verdict for its information and facilities",
# "‘Outstanding’ was the rating given to its staff"
LABEL_THEN_VERDICT = (r"^" + CLOSE_QUOTE + r"\s+(?:was|is|were|are)\s+(?:also\s+)?(?:the|its)\s+(?:overall\s+)?"
                      r"(?:verdict|rating|grade|judgement|judgment|mark|outcome|result)\s+(?:(?P<subject>overall)\b"
                      r"|(?:given\s+|awarded\s+)?(?:for|of|on|to)\s+(?P<subject>[^,;.:]{2,80}))")
# The label heading a list of the areas it rates: "Outstanding: staff, partnerships and services."
LABEL_HEADS_LIST = r"^[’'\"”]?\s*:\s*(?P<subject>[^.;:]{2,160})"
# What follows the colon is a clause, not a list: it has a finite verb ("Outstanding: this needs review as court
# work did better than out-of-court work"), so the areas it names are not the ones the label rates.
COLON_THEN_CLAUSE = (r"^[’'\"”]?\s*:\s*[^.;:]{0,80}?\b(?:is|are|was|were|needs?|has|have|had|should|must|will|would"
                     r"|can|could|may|might|did|does|do)\b")
# A second subject given the same label by a comparative clause after it, its verb before its subject: "Leadership
# was rated ‘Outstanding’, as was the work of the staff"; after a rating noun, "as" or "and so": "Leadership received
# a ‘Good’ rating, and so did staffing" (the words after the verb name the area); "and so was staffing", "; so too
# were partnerships"; the active verb's subject before its auxiliary: "rated leadership ‘Good’, as they did staff".
AS_WAS = (r"^" + CLOSE_QUOTE + r"(?:\s+(?:rating|grade|judgement|judgment|mark|verdict))?(?:\s+overall)?"
          r"(?:\s*[,;–—]\s*(?:and\s+)?|\s+-\s+|\s+and\s+(?=so\b))(?:as|so(?:\s+too)?)\s+(?:(?:they|inspectors)\s+)?"
          r"(?:was|were|is|are|did|has|have|had)\s+(?P<words>[^,;.:]{2,80})"
          # the verb after its subject, then "too": "Leadership was rated ‘Good’ and planning was too"
          r"|^" + CLOSE_QUOTE + r"(?:\s*,)?\s+and\s+(?P<words>[^,;.:]{2,60}?)\s+(?:was|were|did)\s+(?:too|also|as\s+well)\b")
# An earlier label in an insert after its subject, with no verb: "Information and facilities, previously
# ‘Inadequate’, are now rated ‘Good’" (the label after the insert is read by the clause's own verb).
PREVIOUS_INSERT = (r"(?m:^)(?P<subject>[^,;:]{2,80}?)\s*,\s*(?:once|previously|formerly)\s+" + OPEN_QUOTE + r"$")
# ... and a relative or participle insert in the past ("X, which was ‘Inadequate’, is now ...", "X, having been rated
# ‘Inadequate’, has since ..."), when the main clause after it says that things have changed
PAST_INSERT = (r"(?m:^)(?P<subject>[^,;:]{2,80}?)\s*,\s*(?:(?:which|that)\s+(?:was|were|had\s+been)|having\s+been)"
               r"(?:\s+(?:rated|graded|judged|deemed|assessed|found\s+to\s+be)(?:\s+as)?)?\s+" + OPEN_QUOTE + r"$")
CHANGED_SINCE_AFTER = (r"^" + CLOSE_QUOTE + r"[^,;]{0,40},[^;.]{0,60}?\b(?:(?:is|are|has|have)\s+(?:now|since)"
                       r"|now\s+(?:rated|judged|graded|deemed|considered)|(?:has|have)\s+(?:improved|been\s+upgraded"
                       r"|moved\s+up))\b")
# A verb phrase that says things have changed, with no subject before it: "... in 2019 but is now ‘Good’"
CHANGED_AFTER_CONTRAST = (r"^\W*(?:is|are|has|have)\s+(?:now|since)\s+(?:been\s+)?(?:(?:rated|judged|graded|assessed"
                          r"|upgraded\s+to|improved\s+to|moved\s+up\s+to)\s+)?(?:as\s+)?" + OPEN_QUOTE + r"$")
# A score for an area as the subject of a verb of meaning, the core case level after it (2009-2012)
SCORE_MEANS = (r"(?:^|[.;:]\s+)\W*(?:a|the|its|their)\s+(?:score|mark|result|figure)\s+of\s+\d{1,3}(?:\.\d)?\s*(?:%|per\s*cent)"
               r"\s+(?:for|on|in)\s+(?P<subject>[^,;:]{2,80}?)\s+(?:means|meant|indicates|indicated|shows|showed)\s+(?:that\s+)?"
               r"(?:only\s+)?(?:a\s+)?" + OPEN_QUOTE + r"$")
# A participle or adverb with an earlier label, fronted before the main clause, whose subject it shares, when the
# main clause says that things have changed: "Once rated ‘Inadequate’, Anytown YJS is now ‘Good’"
FRONTED_EARLIER_BEFORE = (r"(?:^|[.;:!?]\s+|\n)\W*(?:once|formerly|previously|until\s+recently|having\s+(?:once\s+"
                          r"|previously\s+)?been)\s+(?:(?:rated|graded|judged|deemed|assessed)\s+(?:as\s+)?)?"
                          + OPEN_QUOTE + r"$")
FRONTED_EARLIER = (r"^" + CLOSE_QUOTE + r"(?:\s+(?:in|at)\s+[^,;]{1,40}?)?\s*,\s*(?P<subject>[^,;:]{2,80}?)\s+"
                   r"(?:(?:is|are|has|have)\s+(?:now|since|improved|moved|risen|climbed)|now\s+(?:rated|judged|graded))\b")
# A conjunct whose verb is the previous one's, left out (gapping): "Staff were rated as ‘Good’ and leadership as
# ‘Requires improvement’" - the words between "and" and "as" are this label's subject; a middle conjunct of
# three follows a comma alone ("... ‘Good’, its staff ‘Outstanding’ and ...").
_GAPPED_SUBJECT = (r"(?P<subject>(?:(?!\b(?:was|were|is|are|be|been|being|rated|judged|graded|found|as{pronouns})\b)"
                   r"[^,;:.‘’'\"“”]){{2,60}}?)(?:\s+as(?:\s+being)?)?\s*") + OPEN_QUOTE + r"$"
GAPPED = r"^" + CLOSE_QUOTE + r"\s*(?:,?\s*(?:and|while|but|whereas)|,)\s+" + _GAPPED_SUBJECT.format(pronouns="")

# A perfect participle after the clause's label: "..., having previously been rated ‘Inadequate’", "..., having been
# ‘Inadequate’ in 2019" (with a time after the label: EARLIER_TIME_AFTER)


def _having_been(adverb: str) -> str:
    return (r"^" + CLOSE_QUOTE + r"(?:\s+[^,;:‘’'\"“”]{1,40}?)?\s*,\s*having\s+" + adverb + r"been\s+(?:(?:rated|graded|judged"
            r"|assessed|deemed|classed|found\s+to\s+be)\s+(?:as\s+)?)?" + OPEN_QUOTE + r"$")


HAVING_BEEN_EARLIER = _having_been(r"(?:previously|once|earlier|formerly)\s+")
# ... and the adverb alone, in an insert after the label: "rated ‘Good’, previously ‘Inadequate’", "Overall rating:
# Good (formerly Requires improvement)"
EARLIER_ADVERB_INSERT = (r"^" + CLOSE_QUOTE + r"\s*(?:,|\(|\s[–—-])\s*(?:previously|formerly|once)\s+(?:(?:rated|graded"
                         r"|judged)\s+)?(?:as\s+)?" + OPEN_QUOTE + r"$")
HAVING_BEEN = _having_been("")
EARLIER_TIME_AFTER = (r"^" + CLOSE_QUOTE + r"\s+(?:in|at|during|after)\s+(?:(?:19|20)\d\d\b|(?:its|their|the)\s+(?:last|previous"
                      r"|earlier|first)\s+(?:full\s+)?inspection\b)")

# The same after "but", "whereas", "while" or a semicolon, which open a clause of their own: its words up to the
# label are the subject ("Inspectors rated staffing as ‘Good’ but planning in court cases as ‘Inadequate’",
# "Staffing was rated as good; leadership as outstanding"), never a pronoun (a clause of its own: "but it was
# ‘Inadequate’ elsewhere").
GAPPED_AFTER_CONTRAST = r"^\s*" + _GAPPED_SUBJECT.format(pronouns="|it|they|this|these")


# An inline list of "area – label" pairs, each closed by a semicolon: "Ratings: staff – Good; partnerships –
# Outstanding.", "The grades were: governance, good; staff, outstanding"; a standard's number
# may lead its name ("Standard 3.2 – Planning – Good")
AREA_THEN_LABEL = (r"(?:^|:\s*)(?P<subject>(?:(?:standard\s+)?[1-4]\.[1-4]\s*[:–—-]\s*)?[^,;:–—()]{2,60}?)"
                   r"\s*(?:,|\s[–—-]|:)\s*" + OPEN_QUOTE + r"$")
AREA_THEN_LABEL_END = r"^" + CLOSE_QUOTE + r"\s*(?:[;.]|$)"


# A core case level whose areas open the clause, or stand in the clause before it with a score: "In safeguarding
# and risk of harm, moderate improvement is required", "Anytown scored 58% on safeguarding, meaning moderate
# improvement is required"
AREA_ADVERBIAL = (r"(?:^|[.;:]\s*)\W*(?:in|for|on)\s+(?P<subject>(?:[^,–—]|[–—][^–—]{1,160}?[–—]){2,200}?)"
                  r"(?:\s*,|(?<=[–—]))\s*"
                  r"(?:(?:meaning|which\s+means)\s+"
                  r"(?:that\s+)?)?(?:a\s+|an\s+|only\s+)?" + OPEN_QUOTE + r"$")
LEVEL_REQUIRED_AFTER = (r"^" + CLOSE_QUOTE + r"\s*(?:improvement\s+)?(?:is|was|were|are)\s+(?:still\s+|now\s+)?"
                        r"(?:required|needed)\b")


# A label the sentence denies: "Neither court work nor out-of-court work was found to be ‘Inadequate’", "None of
# the standards was rated ‘Inadequate’", "The service was not rated ‘Inadequate’" ("was not only rated ‘Good’
# but ..." affirms)
NEGATED_BEFORE = (
    r"(?:\bneither\b[^.;]{0,80}?\bnor\b[^.;]{0,80}?|\bnone\s+of\b[^.;]{0,60}?"
    r"|\bno\s+(?:other\s+)?(?:areas?|standards?|aspects?|domains?|parts?)\b[^.;]{0,60}?"
    r"|\b(?:was|were|is|are|been|be|has|have|had)\s+(?:not|never)\s+(?!only\b)(?:[\w’'-]+\s+){0,3}?"
    r"|\b(?:wasn[’']t|weren[’']t|isn[’']t|aren[’']t|hasn[’']t|haven[’']t)\s+(?!only\b)(?:[\w’'-]+\s+){0,3}?"
    # an active verb of rating denied: "Inspectors did not rate resettlement as ‘Good’"
    r"|\b(?:did|do|does)\s*(?:not|n[’']t)\s+(?:rate|judge|grade|find|consider|deem|give|award|score)\b[^.;:]{0,80}?)"
    + OPEN_QUOTE + r"$"
)


# The judgement of a party other than the inspectors, the agent of an active verb of judging at the clause's
# start: "The police described partnership working as good", "Parents considered the support outstanding"
_OTHER_PARTIES = (r"(?:police|parents?|carers?|families|children|young\s+people|magistrates|partners|councillors?|victims|staff"
                  r"|volunteers|practitioners|(?:youth\s+justice\s+board|YJB)(?:\s+\([A-Z]+\))?)")
OTHER_PARTY_JUDGES = (r"(?m:^)\W*(?:the\s+|some\s+|many\s+|local\s+)?" + _OTHER_PARTIES +
                      # where they are: "Staff in Anytown told inspectors ..."
                      r"(?:\s+(?:in|at|from)\s+(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,2})?"
                      r"\s+(?:(?:had|have|has)\s+)?(?:(?:described|describe|rated|rate|judged|called|call|considered"
                      r"|consider|deemed|thought|regarded|regard)"
                      r"\s+[^.;:‘’'\"“”\s][^.;:]{0,79}?\s*(?:as\s+(?:being\s+)?)?"
                      # what they told the inspectors, in a clause of its own up to the label: "Staff told inspectors
                      # that leadership was good"
                      r"|told\s+(?:the\s+)?inspect(?:ors|ion)(?:\s+team)?(?:\s+that)?\s+[^.;:,‘’'\"“”]{1,79}?\s*)"
                      + OPEN_QUOTE + r"$")
# Whose opinion the label is, named after it: "Leadership is good, according to the chair of the board" (the
# inspectors' own word is theirs: "according to the inspection report", "according to HM Inspectorate")
ACCORDING_TO_OTHER = (r"^[’'\"”]?[^.;:]{0,40}?,\s*according\s+to\s+(?![^.;:,]{0,60}?(?:inspect|report|HMI|watchdog"
                      r"|Probation))")


# Set aside before any construction is tried: the label is no judgement of this service in this inspection.
CUES_BEFORE: tuple[Cue, ...] = (
    Cue("alternative_labels", "ambiguous_label", "after", ALTERNATIVE_AFTER,
        ("Northshire's victims work was found good or outstanding by turns.",),
        ("Northshire YJS was rated 'Good' overall.",),
        detail="offered with another label as its alternative"),
    Cue("alternative_labels_before", "ambiguous_label", "before", ALTERNATIVE_BEFORE,
        ("The board's work in Anytown was rated Good/Outstanding by different inspectors.",),
        ("Anytown YJS was rated Good.",), detail="offered with another label as its alternative"),
    Cue("label_defined", "scale_definition", "after", LABEL_IS_DEFINED,
        ("‘Good’ is the second highest rating an inspection can give.",),
        ("Anytown was rated ‘Good’ by inspectors.",), detail="the label is defined, not applied"),
    Cue("other_party_judges", "speaker_opinion", "own_before", OTHER_PARTY_JUDGES,
        ("The police described partnership working in Anytown as good.",
         "Parents considered the support in Anytown ‘outstanding’.",
         "Staff told inspectors that leadership in Anytown was good and visible.",
         "The Youth Justice Board described the leadership of Anytown's service as outstanding."),
        ("Inspectors described partnership working in Anytown as good.",
         "Staff were rated ‘Outstanding’ by inspectors.",
         # a headline's passive without its auxiliary: the staff were rated
         "Anytown youth justice staff rated ‘Outstanding’\nInspectors visited in May.",
         # what the inspectors were told is not what they rated, nor what they rated after being told
         "Staff told inspectors about their work, and leadership in Anytown was rated ‘Good’."),
        detail="another party's judgement, not the inspectors'"),
    Cue("according_to_other", "speaker_opinion", "after", ACCORDING_TO_OTHER,
        ("Leadership in Anytown is good, according to the chair of its board.",),
        ("Leadership in Anytown is ‘Good’, according to the inspection report.",
         "Anytown YJS is ‘Good’, according to HM Inspectorate of Probation."),
        detail="another party's judgement, not the inspectors'"),
    Cue("survey_answer", "survey_response", "own_before", SURVEY,
        ("In the survey, 40 per cent of children rated their support as ‘poor’.",
         "Most young people said the support was ‘good’."),
        ("Staff were rated ‘Outstanding’ by inspectors.",
         # the people name a post, or the label names the inspectors' rating the speaker talks about
         "Jane Smith, Director of Children’s Services, said the service was ‘Good’ and improving.",
         "Ann Lee, the lead councillor for children in Anytown, said the ‘Good’ rating was deserved.",
         "Parents said the ‘Outstanding’ rating was well deserved.",
         # "and rated" carries on the clause before: the inspectors rate
         "Inspectors found that staff were well supported and rated the staffing standard as ‘Outstanding’."),
        unless=(("after", RATING_NOUN_AFTER),)),
    Cue("hypothetical", "hypothetical", "before", HYPOTHETICAL,
        ("Anytown has the potential to become outstanding within two years.",
         "The board hopes to achieve an ‘Outstanding’ rating next time.",
         "Anytown YJS must do more to achieve a ‘Good’ rating.",
         "Anytown narrowly missed out on an ‘Outstanding’ rating.",
         "Weak leadership dragged Anytown down from a possible ‘Good’.",
         "Staff hope Anytown's partnership work will be rated ‘Outstanding’ next time.",
         "Anytown's leadership is expected to stay ‘Good’.",
         "Inspectors will return to check that Anytown's planning has improved to ‘Good’."),
        ("Anytown was rated ‘Outstanding’ in its inspection.",
         "Weak leadership dragged Anytown's overall rating down to ‘Requires improvement’.")),
    # "not rated" before a label is the verb denied, not the label "Not rated": "was not rated ‘Inadequate’ in any area"
    Cue("not_rated_before_label", "negated", "before", r"",
        ("Anytown YJS was not rated ‘Inadequate’ in any area.", "Anytown was not rated Inadequate, despite fears."),
        ("Resettlement was not rated.", "Resettlement was not rated, as there were no cases."),
        conditions=("label_is_not_rated", "next_label_follows")),
    Cue("negated", "negated", "before", NEGATED_BEFORE,
        ("Neither court work nor out-of-court work in Anytown was found to be ‘Inadequate’.",
         "None of Anytown's standards was rated ‘Inadequate’.",
         "Anytown YJS was not rated ‘Inadequate’, despite fears.",
         "Inspectors did not rate Anytown's resettlement work as ‘Good’."),
        ("Anytown YJS was not only rated ‘Good’ but praised for its staff.",
         "Anytown YJS, which had not been inspected since 2019, was rated ‘Good’.")),
    Cue("next_inspection", "hypothetical", "after", NEXT_INSPECTION,
        ("Anytown YJS wants a ‘Good’ rating at its next inspection.",),
        ("Anytown YJS was rated ‘Good’ at its last inspection.",)),
    Cue("modal_after_rating", "hypothetical", "after", MODAL_AFTER_RATING,
        ("A ‘Good’ rating for Anytown's leadership would require a stronger board.",),
        ("A ‘Good’ rating for Anytown's leadership was welcomed.",)),
    Cue("speaker_opinion", "speaker_opinion", "own", PRESENT_COPULA_BEFORE,
        ("Anytown YJS was rated ‘Good’.\n“Our staff are outstanding,” said Cllr Jones, cabinet member for children.",
         "Anytown YJS was rated ‘Good’.\nThe council leader said: “Our youth justice team is outstanding.”",
         "Anytown YJS was rated ‘Good’.\nThe chair of the management board said: “Our leadership is good.”"),
        ("Anytown YJS was rated ‘Good’.\n“Staff were rated outstanding,” said Cllr Jones, cabinet member for children.",
         "The Chief Inspector said: “Anytown's work with victims is outstanding.”"),
        requires=(("sentence", NON_INSPECTORATE_SPEAKER), ("sentence", r"[“”\"]"))),
    Cue("speaker_opinion", "speaker_opinion", "own", COPULA_BEFORE,
        ("Anytown YJS was rated ‘Good’.\nOne parent said: “The staff in Anytown were outstanding.”",
         "Anytown YJS was rated ‘Good’.\n“Anytown's staff were outstanding with my son,” said a mother."),
        ("Anytown YJS was rated ‘Good’.\nThe Chief Inspector said: “Work with parents in Anytown was outstanding.”",),
        requires=(("sentence", PEOPLE_SPEAKING), ("sentence", r"[“”\"]"))),
    # the same in reported speech, its speaker after the label ("..., the chair said"): the inspectors' own word
    # is theirs ("..., inspectors said")
    Cue("speaker_opinion", "speaker_opinion", "after", LOCAL_SPEAKER_AFTER,
        ("Anytown YJS was rated ‘Good’.\nThe board's leadership has been outstanding, the chair said.",
         "Anytown YJS was rated ‘Good’.\nIts staff are outstanding, said the council leader."),
        ("Anytown YJS was rated ‘Good’.\nIts leadership was outstanding, inspectors said.",
         # a rating reported is a rating, whoever reports it
         "Anytown YJS was rated ‘Good’, the chair said."),
        requires=(("own", COPULA_BEFORE),)),
    Cue("extraposition", "ordinary_word", "own", IT_IS_BEFORE,
        ("Anytown YOT was inspected in May.\nIt is good to see that the board meets monthly.",
         "Inspectors said it was “good” to see children involved in their plans."),
        ("Anytown YOT was inspected in May.\nIt was ‘Good’ overall, inspectors said.",),
        requires=(("after", r"^[’'\"”]?\s+(?:to\s+\w+|that)\b"),)),
    Cue("hedged", "hedged", "own", HEDGE_BEFORE,
        ("Northshire's court work was mostly ‘Outstanding’.",),
        ("Northshire's court work was ‘Outstanding’.",), detail="a label qualified as partly true"),
    # ... or true only where something holds: "Reviewing was inadequate where circumstances changed"
    Cue("hedged_where", "hedged", "after", r"^" + CLOSE_QUOTE + r"\s*,?\s+where\b",
        ("Reviewing in Anytown was inadequate where circumstances changed.",),
        ("Reviewing in Anytown was ‘Inadequate’.",), detail="a label true only where something holds"),
    Cue("share_of_cases", "ordinary_word", "after", SHARE_OF_CASES,
        ("Planning in Anytown was good in 62% of the cases inspected.",
         "Planning in Anytown was inadequate in a third of cases.",
         "Reviewing in Anytown was good in half the cases."),
        ("Planning in Anytown was good.",), detail="describes a share of cases, not a rating"),
    Cue("good_at", "ordinary_word", "after",
        r"^[’'\"”]?\s+at\s+(?!(?:its|the|their|his|her|this|that|a|an|each|every|all|both|last|inspection"
        r"|re-?inspection)\b)[a-z]",
        ("Staff in Anytown are good at engaging families.",),
        ("Anytown was rated ‘Good’ at its last inspection.",), detail="a skill, not a rating"),
    # ... and what the subject does well in, when it names no area: "good in engaging families" (an area after "in"
    # is what is rated: "judged good in reducing reoffending", a joint inspection's theme)
    Cue("good_in_doing", "ordinary_word", "after", r"^[’'\"”]?\s+in\s+(?:[a-z]+ly\s+)?[a-z]+ing\b",
        ("Staff in Anytown were good in engaging families.",),
        ("Full joint inspection of youth "
         "offending work in Anytown\nThe YOT was judged good in reducing reoffending.",),
        detail="a skill, not a rating", conditions=("neither_quoted_nor_capitalised", "no_complement_areas")),
    Cue("given_to_any", "sector_wide", "after", GIVEN_TO_ANY,
        ("That made it the only ‘Good’ rating awarded to a service across the county.",),
        ("Anytown was given a ‘Good’ rating.",), detail="a rating given to services in general"),
    # (in the label's own phrase: what the clause goes on to say of its subject is not what was rated)
    Cue("sector", "sector_wide", "label_phrase", SECTOR_CUES,
        ("Nationally, most youth justice services were rated ‘Good’ this year.",
         "Two-thirds of services were rated ‘Good’ across England."),
        ("Anytown youth justice service was rated ‘Good’ this year.",
         "Anytown YJS was rated ‘Outstanding’ and will now support other councils.",
         "Anytown YJS, rated ‘Outstanding’, will share its practice with other councils.")),
    # the label's own agent, another inspectorate, whatever else the clause names: "... rated ‘Good’ by Ofsted in
    # 2021, and its youth justice service was rated ..."
    Cue("rated_by_other_inspectorate", "other_inspectorate", "after", r"^[’'\"”]?\s+by\s+(?:the\s+)?" + OTHER_INSPECTORATE,
        ("Anytown's children's services were rated ‘Good’ by Ofsted, and its youth justice service was rated "
         "‘Outstanding’ by HM Inspectorate of Probation.",),
        ("Anytown YJS was rated ‘Good’ by HM Inspectorate of Probation, as Ofsted had rated its children's services.",),
        case_sensitive=True),
    # ... and another party as the passive's agent: "Leadership was rated ‘Outstanding’ by staff"
    Cue("rated_by_other_party", "speaker_opinion", "after",
        r"^[’'\"”]?\s+by\s+(?:the\s+|its\s+|their\s+|some\s+|many\s+|local\s+)?(?:(?!(?i:inspect|and\b|or\b|HM\b|HMI))[\w-]+\s+){0,2}?"
        + _OTHER_PARTIES + r"\b",
        ("Leadership in Anytown was rated ‘Outstanding’ by staff.",
         "Anytown YJS was rated ‘Good’ by children and families in a survey."),
        ("Anytown YJS was rated ‘Good’ by inspectors.",
         "Anytown YJS was rated ‘Good’ by HM Inspectorate of Probation, working with partners.",
         "Anytown YJS was rated ‘Good’ by inspectors and staff were praised.")),
    # (in the label's own clause: "Ofsted judged the council ‘Outstanding’, and the YJS has now been rated ‘Good’")
    Cue("other_inspectorate", "other_inspectorate", "own_clause", OTHER_INSPECTORATE,
        ("Ofsted rated Anytown's children's services ‘Good’ last spring.",),
        ("HM Inspectorate of Probation rated Anytown YJS ‘Good’.",
         "Anytown YJS has now been rated ‘Good’, and Ofsted's verdict on the council is due in May."),
        unless=(("main_clause", PROBATION_INSPECTORATE),), case_sensitive=True),
    Cue("displayed", "ordinary_word", "main_clause", DISPLAYED,
        ("Staff from the Anytown service held up a banner reading 'rated Outstanding'.",),
        ("Staff in Anytown were rated ‘Outstanding’.",), detail="words shown on an object, not a judgement"),
    Cue("counted_label", "count_of_areas", "after", COUNTED_AFTER,
        ("Inspectors found three ‘outstanding’ areas in Anytown's work.",),
        ("Inspectors found Anytown's work ‘outstanding’ across the board.",),
        unless=(("after", NOUN_STARTS_CLAUSE),), requires=(("own", r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b[^.;]{0,14}$"),),
        detail="the label counts unnamed areas"),
    Cue("vague_label", "vague_area", "after", COUNTED_AFTER,
        ("Anytown YOS was rated ‘Good’, with some ‘Outstanding’ areas.",),
        ("Anytown YOS was rated ‘Good’ overall.",), detail="the label counts unnamed areas",
        unless=(("after", NOUN_STARTS_CLAUSE),)),
)

# Tried in order; the first that holds governs the label.
# The words since a list's last break, just before the label: ": assessment ", ", planning ", "; staffing ‘"
JUXTAPOSED = r"(?:^|[:;,]\s*|\band\s+)(?P<subject>[^,;:–—()‘’'\"“”]{2,50}?)\s+[‘’'\"“”(]?$"


CONSTRUCTIONS: tuple[Construction, ...] = (
    # "Planning and delivery were rated ‘Good’ and ‘Outstanding’ respectively": each label for the area in its
    # place in the list before (extractors.rating_sentences.respectively_pairs pairs them)
    Construction("respectively", None, None, "paired",
                 ("Planning and reviewing in Anytown were rated ‘Good’ and ‘Outstanding’ respectively.",
                  "Inspectors rated court work above out-of-court work, at ‘Good’ and ‘Requires improvement’ "
                  "respectively."),
                 ("Planning and reviewing in Anytown were rated ‘Good’ and ‘Outstanding’.",),
                 conditions=("paired",)),
    Construction("bracketed", "own", BRACKETED, "group:subject",
                 ("The ratings were: Governance and leadership (Inadequate), Staff (Good).",
                  "Anytown's court work was judged strong (Good) and its out-of-court work weak (Inadequate)."),
                 ("Anytown's partners (Good Start, Youth Matters) were thanked.",
                  "The board met in May (Good Friday excepted).",
                  "Core case inspection of youth offending work in Anytown\n"
                  "Likelihood of reoffending: 68% (moderate improvement required)"),
                 requires=(("after", BRACKET_CLOSES),), unless=(("own", SCORE_BEFORE_BRACKET),)),
    Construction("requires_level", "own", REQUIRES_LEVEL, "before_match",
                 ("Core case inspection of youth offending work in Anytown\n"
                  "Northshire's work on the risk of harm to others requires substantial improvement.",
                  "Core case inspection of youth offending work in Northshire\n"
                  "Safeguarding work was found to be requiring moderate improvement."),
                 ("Anytown YOT was rated ‘Good’.",)),
    Construction("overall_is", "own", OVERALL_IS, "overall_owner",
                 ("The overall rating for Anytown YJS was ‘Requires improvement’.",
                  "The overall verdict for Anytown YJS – ‘Good’.",
                  "Anytown YJS was inspected in May.\nInspectors rated its work with victims as ‘Outstanding’, "
                  "giving an overall rating of ‘Good’.",
                  "Anytown YJS was inspected in 2023.\nIts previous rating was ‘Inadequate’.",
                  "Anytown YJS: Overall rating ‘Good’.",
                  "The overall inspection rating for Anytown YJS was ‘Good’, but two areas were weak."),
                 ("Anytown YJS was rated ‘Requires improvement’.",
                  "Anytown YJS was inspected in 2023.\nA new rating scale was introduced in 2018.")),
    Construction("rating_for_is", "own", RATING_FOR_IS, "overall_owner",
                 ("Anytown YJS was inspected in May.\nThe rating for governance and leadership was ‘Requires "
                  "improvement’.",
                  "Anytown YJS's rating for out-of-court work was ‘Good’."),
                 ("Anytown YJS was inspected in May.\nThe rating for the service was welcomed; it was ‘Good’.",)),
    Construction("rating_apposition", "own", RATING_APPOSITION, "overall_owner",
                 ("Anytown YJS was inspected in May.\nThe rating – ‘Good’ – reflects the hard work of staff.",
                  "Anytown YJS was inspected in May.\nIts rating for out-of-court work, ‘Inadequate’, was the lowest "
                  "possible."),
                 ("Anytown YJS was inspected in May.\nThe rating was ‘Good’.",),
                 requires=(("after", r"^[’'\"”]?\s*[,–—-]"),)),
    Construction("changed_from", "own", CHANGED_OBJECT_FROM, "group:object",
                 ("Inspectors upgraded Anytown's youth justice service from ‘Requires improvement’ to ‘Good’.",),
                 ("The council lifted Anytown's children from ‘Good’ homes into care.",),
                 conditions=("predicative_or_rating_noun",)),
    Construction("changed_from", "own", CHANGED_FROM, "before_match",
                 ("Anytown YJS has improved its rating from ‘Requires improvement’ to ‘Good’.",),
                 ("Anytown YJS was rated ‘Good’.", "The council moved Anytown's children from ‘Good’ homes."),
                 conditions=("predicative_or_rating_noun",)),
    Construction("changed_to", "own", CHANGED_TO, "before_match",
                 ("Anytown YJS was upgraded to ‘Good’ after a second inspection.",
                  "Anytown YJS has improved its rating to ‘Good’."),
                 ("Anytown YJS was rated ‘Good’.",)),
    Construction("changed_to", "own", CHANGED_OBJECT_TO, "group:object",
                 ("Inspectors upgraded Anytown's leadership to ‘Good’.",
                  "The watchdog downgraded Anytown's out-of-court work to ‘Requires improvement’."),
                 ("Anytown raised its hopes to ‘Outstanding’ level.",),
                 conditions=("predicative_or_rating_noun",)),
    Construction("placed_in", "own", PLACED_IN, "group:object",
                 ("A score of 17 out of 36 placed Anytown YJS in the ‘Requires improvement’ band.",),
                 ("The council placed Anytown's children in ‘Good’ homes.",),
                 requires=(("after", PLACED_IN_AFTER),)),
    Construction("changed_from", "own", FROM_AFTER_TO, "before_own",
                 ("Anytown YJS improved its rating to ‘Good’ from ‘Requires improvement’.",),
                 ("Anytown YJS was rated ‘Good’ from ‘Outstanding’ planning to ‘Good’ reviewing.",
                  "Anytown's staff were rated ‘Good’ from the start of the inspection."),
                 conditions=("earlier_changed_to",)),
    Construction("inverted_list", "after", INVERTED_LIST, "group:list",
                 ("Full joint inspection of Anytown YOS, 2014\n"
                  "Among the areas judged \"satisfactory\" were public protection and governance.",
                  "Anytown YJS was inspected in 2022.\nAmong its ‘Good’ ratings were leadership and information."),
                 ("Among other things, Anytown was rated ‘Good’.",),
                 requires=(("before", r"\bamong\b[^.;]*$"),)),
    # the areas that got the label named as the subject, what they were after the verb: "The only area judged
    # to require improvement was reviewing", "The areas rated ‘Good’ were staffing and planning"
    Construction("inverted_list", "after", AREAS_RATED_AFTER, "group:list",
                 ("The only area judged to ‘require improvement’ was reviewing.",
                  "The areas rated ‘Good’ in Anytown were staffing and planning.",
                  "Those rated ‘Good’ in Anytown included leadership and staffing.",
                  "Rated ‘Outstanding’ in Anytown were staffing and partnerships.",
                  "The only area to be rated ‘Requires improvement’ in Anytown was out-of-court disposal work."),
                 ("The area rated ‘Good’ by Ofsted was the council's.",),
                 requires=(("before", AREAS_RATED_BEFORE),)),
    # a perfect participle after the clause, its label the same subject's at an earlier time: the subject of
    # the clause before it, at the earlier time its words name ("previously", "in 2019", "at its last inspection")
    Construction("having_been", "own", HAVING_BEEN_EARLIER, "none",
                 ("Anytown YJS is now rated ‘Good’, having previously been rated ‘Inadequate’.",
                  "Anytown's youth justice service is now ‘Good’, having once been ‘Inadequate’."),
                 ("Anytown YJS is now rated ‘Good’, having been judged ‘Good’ in every area.",),
                 conditions=("earlier_fact",)),
    Construction("earlier_adverb_insert", "own", EARLIER_ADVERB_INSERT, "none",
                 ("Leadership in Anytown was rated ‘Good’, previously ‘Inadequate’.",
                  "Anytown YJS was inspected in May.\nOverall rating: Good (formerly Requires improvement)."),
                 ("Leadership in Anytown was rated ‘Good’, and staffing ‘Inadequate’.",),
                 conditions=("earlier_fact",)),
    Construction("having_been", "own", HAVING_BEEN, "none",
                 ("Anytown YJS was rated ‘Good’, having been judged ‘Requires improvement’ at its last inspection.",
                  "Anytown YJS was rated ‘Good’ in 2023, having been ‘Inadequate’ in 2019."),
                 ("Anytown YJS is now rated ‘Good’, having been judged ‘Good’ in every area.",),
                 conditions=("earlier_fact",), requires=(("after", EARLIER_TIME_AFTER),)),
    # (before the verb's own reading: the insert's verb is the earlier inspection's)
    Construction("previous_insert", "before", PAST_INSERT, "group:subject",
                 ("Anytown YJS, which was rated ‘Inadequate’, is now rated ‘Good’.",
                  "Anytown YJS, having been ‘Inadequate’, is now ‘Good’."),
                 ("Anytown YJS, which was rated ‘Good’, will share its practice.",
                  "The service, which was rated ‘Good’ overall, must now improve its out-of-court work."),
                 requires=(("after", CHANGED_SINCE_AFTER),)),
    # (before the verb's own reading, too: the fronted participle's verb is the earlier inspection's)
    Construction("fronted_earlier", "after", FRONTED_EARLIER, "group:subject",
                 ("Once rated ‘Inadequate’, Anytown YJS is now ‘Good’.",
                  "Formerly ‘Requires improvement’, Anytown's youth justice service is now rated ‘Good’.",
                  "Anytown YJS was inspected in May.\nPreviously judged ‘Inadequate’ in 2019, its leadership has "
                  "since improved to ‘Good’."),
                 ("Once rated ‘Inadequate’, Anytown YJS must now show it can improve.",
                  "Rated ‘Good’, Anytown YJS is now sharing its practice."),
                 requires=(("before", FRONTED_EARLIER_BEFORE),)),
    # a verb phrase of change after "but", with no subject of its own: the clause before it says what it rates
    Construction("changed_after_contrast", "before", CHANGED_AFTER_CONTRAST, "previous_clause",
                 ("Anytown YJS was inspected in 2022.\nLeadership in Anytown was rated ‘Inadequate’ in 2019 but is "
                  "now ‘Good’.",
                  "Anytown YJS was inspected in 2022.\nAnytown YJS was rated ‘Inadequate’ in 2019, but has now been "
                  "rated ‘Good’."),
                 ("Anytown YJS was inspected in May, but staffing is now ‘Good’.",),
                 conditions=("opened_by_but",)),
    # the verb and its label before a colon, what was rated after it: "Rated Good: Anytown Youth Justice Service"
    Construction("rated_colon", "sentence", r"^\W*(?:rated|judged|graded)\s+(?:as\s+)?[‘'\"“]?[\w ]{2,30}?[’'\"”]?\s*:\s*"
                 r"(?P<subject>[^.;:\n]{2,80})", "group:subject",
                 ("Rated Good: Anytown Youth Justice Service\nThe service was inspected in May.",),
                 ("Rated Good: what the inspectors said\nThe report on Anytown YJS was published in May.",),
                 requires=(("before", r"(?m:^)\W*(?:rated|judged|graded)\s+(?:as\s+)?[‘'\"“]?$"),)),
    Construction("rated_as", "before", PASSIVE_RATING, "group:subject",
                 ("Partnership work in Northshire was flagged as ‘outstanding’.",
                  "Anytown Youth Justice Service rated ‘Good’ by inspectors",
                  "Core case inspection of youth offending work in Northshire\n"
                  "Safeguarding in Northshire was judged as ‘moderate improvement required’."),
                 ("Inspectors found good practice in Anytown.",),
                 own_group="verb", conditions=("be_or_participle",)),
    Construction("previous_insert", "before", PREVIOUS_INSERT, "group:subject",
                 ("Staffing in Anytown, previously ‘Inadequate’, is now rated ‘Good’.",),
                 ("Anytown YJS, previously a small team, is now rated ‘Good’.",
                  # after a label in its clause, the insert is that label's subject's earlier label (coordinated)
                  "Anytown YJS was inspected in May.\nOverall rating: Good, previously Requires improvement."),
                 conditions=("first_label_of_clause",)),
    Construction("received", "before", RECEIVED_RATING, "group:subject",
                 ("Anytown Youth Justice Service has received a rating of ‘Good’.",
                  "Northshire was one of three councils in the region with a rating of ‘Outstanding’.",
                  "Eastshire was given the second-highest rating, ‘Good’."),
                 ("Anytown has a good record on education.",
                  # the label in apposition goes to what follows "to" (given_to)
                  "Inspectors handed the lowest grade, ‘Inadequate’, to Anytown's out-of-court work."),
                 own_group="verb", conditions=("rating_of_or_stars",),
                 unless=(("after", r"^[’'\"”]?\s*[,–—-]\s*to\s"),)),
    Construction("given_to", "after", GIVEN_TO, "group:subject",
                 ("The inspectors gave the lowest grade, ‘Inadequate’, to its out-of-court work.",
                  "Inspectors awarded a ‘Good’ rating to Anytown’s staff."),
                 ("Inspectors gave Anytown a ‘Good’ rating to recognise its work.",),
                 requires=(("before", GIVING_VERB_BEFORE),), conditions=("recipient",)),
    Construction("given_to_passive", "after", GIVEN_TO_PASSIVE, "group:subject",
                 ("A ‘Good’ verdict was handed to Anytown's court work.",
                  "An ‘Outstanding’ rating was also awarded to its staff."),
                 ("A ‘Good’ rating was given to a third of services nationally.",),
                 conditions=("recipient",)),
    # the level an area reached, in an appositive after its clause: "Of the twelve standards, staffing scored
    # highest, at ‘Outstanding’", "The lowest-rated area was reviewing, at ‘Requires improvement’"
    Construction("at_label", "own", r",\s*at\s+" + OPEN_QUOTE + r"$", "before_match",
                 ("Anytown YJS was inspected in May.\nOf the twelve standards, staffing scored highest, at ‘Outstanding’.",
                  "Anytown YJS was inspected in May.\nThe lowest-rated area was reviewing, at ‘Requires improvement’."),
                 ("Anytown YJS was inspected in May.\nThe board met weekly, at ‘Good’ intervals.",),
                 requires=(("after", r"^[’'\"”]?\s*(?:[.;]|$)"),)),
    Construction("active_rating", "before", ACTIVE_RATING, "group:object",
                 ("The Inspectorate gave Anytown YOT a ‘Requires improvement’ rating.",
                  "Inspectors judged Northshire's intervention delivery and its case planning to be ‘Inadequate’.",
                  "The watchdog did rate Northshire's work with victims as good.",
                  "Leadership in Eastshire was praised, with inspectors rating this as ‘Outstanding’.",
                  "Councillors were angry at inspectors scoring Anytown's youth justice team the lowest possible "
                  "grade."),
                 ("The report found that Anytown was ‘Good’ at planning.",
                  "Inspectors found Anytown's staff a good source of advice.",
                  "The team is scoring the lowest possible rating on its own survey.",
                  "Northshire's work with children given cautions ‘requires improvement’."),
                 own_group="verb", conditions=("not_after_be", "predicative_or_rating_noun")),
    Construction("received", "before", RECEIVED_RATING, "group:subject",
                 ("Anytown YOS received a ‘Good’ rating from inspectors.",
                  "Anytown scored 20 out of 36, which equates to a rating of ‘Good’.",
                  # the infinitive after "enough to": the subject is the clause's ("... court work", not the service)
                  "Anytown's court work was strong enough to earn a ‘Good’ grade."),
                 ("Anytown YOS received good support from the council.",),
                 own_group="verb", requires=(("after", RATING_NOUN_AFTER),)),
    Construction("received", "before", RECEIVED_RATING, "group:subject",
                 ("Planning and reviewing in Anytown both received the inspectorate’s lowest rating.",),
                 ("Anytown received the lowest funding in the region.",),
                 own_group="verb", conditions=("relative_label",)),
    # the label itself the noun received, after its article: "earned a ‘Good’", "got an ‘Outstanding’ for staff"
    Construction("received", "before", RECEIVED_RATING, "group:subject",
                 ("Anytown YJS earned a ‘Good’ for its work with victims.", "Staffing in Anytown got an ‘Outstanding’.",
                  "For staffing, Anytown YJS received ‘Outstanding’.", "Anytown YJS achieved Good, one grade below the top."),
                 ("Anytown earned a ‘Good’ reputation with the magistrates.", "Anytown received a good deal of praise.",
                  "Anytown YJS achieved Good outcomes for children.", "Anytown YJS has Good links with the police."),
                 own_group="verb", conditions=("quoted_or_capitalised", "predicative"),
                 # after its article, or quoted ("received ‘Outstanding’ for staffing"), or capitalised straight
                 # after a verb of winning ("achieved Good")
                 requires=(("own", r"(?:\b(?:a|an)\s+" + OPEN_QUOTE + r"|\s[‘'\"“]|\b(?:received|receives|achieved|achieves"
                                   r"|earned|earns|secured|secures|gained|gains|attained|attains|retained|retains"
                                   r"|maintained|maintains|kept|keeps|got|gets)\s+)$"),)),
    Construction("rating_of", "own", RATING_OF, "clause",
                 ("The inspectors’ rating of ‘Inadequate’ for Anytown YJS came as a shock.",),
                 ("Anytown was rated ‘Inadequate’.",)),
    Construction("rating_noun", "own", DETERMINER_BEFORE, "none",
                 ("Anytown YJS celebrated its ‘Outstanding’ rating on Friday.",),
                 ("Anytown YJS did outstanding work with families.",),
                 requires=(("after", RATING_NOUN_AFTER),)),
    Construction("gapped", "own", GAPPED, "group:subject",
                 ("Staffing in Anytown was rated as ‘Good’ and its leadership as ‘Requires improvement’.",
                  "Work with victims in Anytown was judged ‘Outstanding’, and its resettlement work ‘Good’.",
                  "Inspectors rated Anytown's planning as ‘Outstanding’ and its reviewing as ‘Good’.",
                  "Anytown's leadership was rated ‘Good’, its staff ‘Outstanding’ and its partnership working ‘Good’.",
                  # (before "requires improvement" the verb: the gap, not the verb, governs a label after a comma)
                  "Anytown's leadership was rated ‘Good’, court work ‘Requires improvement’ and out-of-court work ‘Good’."),
                 ("Staffing in Anytown was rated as ‘Good’ and leadership was rated as ‘Outstanding’.",
                  "Anytown YJS was rated ‘Good’, and staff did good work."),
                 conditions=("earlier_fact", "marked_or_predicative")),
    Construction("requires_improvement", "before", VERB_LABEL, "group:subject",
                 ("Anytown’s youth justice service ‘requires improvement’, according to inspectors.",
                  "Its planning for court cases was found to ‘require improvement’."),
                 ("Anytown YJS was downgraded to ‘requires improvement’.",
                  # the label as the subject of its own verb is a noun: "‘Requires improvement’ was the verdict"
                  "‘Requires improvement’ was the verdict on Anytown's out-of-court disposals.",
                  "Anytown YJS was inspected in May.\nThe verdict on its governance: ‘Requires improvement’."),
                 conditions=("label_is_requires",),
                 # (nor before a rating noun: "‘Requires improvement’ rating for Anytown")
                 # (nor opening its clause, with no subject of its own: "Governance: ‘Requires improvement’" is the
                 # label of what the colon follows)
                 unless=(("own", NOT_VERB_LABEL), ("own", r"^\W*$"), ("after", CLOSE_QUOTE + r"\s+(?:was|is|were|are|has\s+been|rating|grade"
                                                             r"|verdict|judgement|status)\b"))),
    Construction("copula", "before", COPULA, "group:subject",
                 ("Full joint inspection of Anytown YOS, 2014\nAnytown's work to protect the public was poor.",
                  "Northshire's planning for court cases was outstanding."),
                 ("Northshire is a good place to grow up.",),
                 own_group="be", conditions=("predicative",)),
    Construction("placed_at", "before", PLACED_AT, "group:subject",
                 ("Anytown YJS was inspected in 2025.\nWork with victims in Anytown fell short at ‘Requires "
                  "improvement’.",
                  "After two years of work, Anytown YJS now stands at ‘Good’."),
                 ("The Anytown team landed at ‘Good’ Hope airport.",),
                 own_group="verb", conditions=("predicative",)),
    Construction("attributive", "after", ATTRIBUTIVE_SERVICE, "service",
                 ("Councillors praised Anytown’s ‘outstanding’ youth offending service.",
                  "‘Inadequate’ Anytown youth justice service told to improve\nInspectors visited in May."),
                 ("Anytown has an outstanding record.",), conditions=("quoted",)),
    Construction("attributive", "after", ATTRIBUTIVE_SERVICE, "service",
                 ("Outstanding Anytown Youth Justice Service praised\nInspectors visited in May.",),
                 ("Anytown praised for good work\nInspectors visited in May.",), conditions=("in_headline",),
                 case_sensitive=True),
    Construction("changed_to", "own", TO_AFTER_FROM, "before_own",
                 ("Anytown YJS moved from ‘Inadequate’ to ‘Good’ in two years.",),
                 ("Anytown YJS was rated ‘Inadequate’, then ‘Good’.",), conditions=("earlier_changed_from",)),
    Construction("gapped_after_contrast", "own", GAPPED_AFTER_CONTRAST, "group:subject",
                 ("Inspectors rated Anytown's staffing as ‘Good’ but its planning in court cases as ‘Inadequate’.",
                  "Work with victims in Anytown was judged ‘Outstanding’, whereas its resettlement work ‘Good’.",
                  "Ensuring that the sentence is served in Anytown was rated as good; effective governance as poor."),
                 ("Inspectors rated Anytown's staffing as ‘Good’ but it was ‘Inadequate’ elsewhere.",
                  "Anytown was rated ‘Good’, but inspectors said staff were ‘exhausted’."),
                 conditions=("earlier_fact", "contrast_clause")),
    Construction("coordinated", None, None, "none",
                 ("Before that, Anytown YJS had been graded ‘requiring improvement’ in 2017 and ‘inadequate’ in 2013.",),
                 ("Anytown YJS was rated ‘Good’.",
                  # a comparison with another's label is no coordination: "Westshire's ‘Inadequate’" is Westshire's
                  "Anytown's rating of ‘Good’ compares with Westshire's ‘Inadequate’.",
                  # a label before the noun it describes is no coordinate of the label before it
                  "‘Good’ Anytown youth justice service has ‘outstanding’ resettlement work\nThe service was rated "
                  "‘Good’.",
                  "Anytown YJS was inspected in May.\nThe ‘Good’ rating is good news for the area."),
                 conditions=("earlier_fact", "marked_or_predicative"), unless=(("own", NOT_COORDINATED), ("after", ATTRIBUTIVE_LABEL))),
    Construction("area_then_label", "before", AREA_THEN_LABEL, "group:subject",
                 ("Ratings: governance and leadership – Good; staff – Outstanding; partnerships and services – Good.",
                  "The grades in Anytown were: governance, good; staff, outstanding.",
                  "Anytown YJS, 2022.\nStandard 3.2 – Planning – Good"),
                 ("In Anytown, ‘Good’ was the word.",
                  "Ratings: Anytown – Good; Newtown – Outstanding."),
                 requires=(("after", AREA_THEN_LABEL_END),), conditions=("subject_names_area",)),
    Construction("area_adverbial", "before", AREA_ADVERBIAL, "group:subject",
                 ("Anytown YOT: core case inspection, 2010.\nIn safeguarding and risk of harm, moderate "
                  "improvement is required.",
                  "Anytown YOT: core case inspection, 2010.\nIn all three areas – safeguarding, risk "
                  "of harm and likelihood of reoffending – substantial improvement is required."),
                 ("Anytown YOT: core case inspection, 2010.\nIn Anytown, moderate improvement is "
                  "required.",),
                 requires=(("after", LEVEL_REQUIRED_AFTER),), conditions=("improvement_level", "subject_names_area")),
    Construction("label_for_area", None, None, "none",
                 ("Further ‘outstanding’ recognition was given for resettlement in Anytown.",
                  "Core case inspection of youth offending work in Anytown\n"
                  "Only minimum improvement is needed across all three areas."),
                 ("Anytown is doing outstanding work.",), conditions=("complement_areas",)),
    Construction("table_line", None, None, "row",
                 ("Core case inspection of youth offending work in Anytown\n"
                  "Safeguarding - Anytown scores 59% - Comment: SUBSTANTIAL improvement required",),
                 ("Anytown was good.",
                  # a line of several labels is no row of one
                  "Anytown YOT was inspected in 2019.\nCourt work: assessment Good, planning Good, reviewing Good."),
                 conditions=("first_label_of_clause", "row")),
    Construction("went_to", "after", WENT_TO, "group:subject",
                 ("The highest rating, ‘Outstanding’, went to Anytown’s resettlement work.",),
                 ("A rating of ‘Outstanding’ went down well with the staff of Anytown YJS.",)),
    Construction("verdict_for", "after", LABEL_THEN_VERDICT, "group:subject",
                 ("‘Good’ was the verdict for Anytown’s information and facilities.",
                  "‘Outstanding’ was the rating given to the staff of Anytown YJS.",
                  "Anytown YJS was inspected in May.\n‘Good’ was the verdict overall."),
                 ("‘Good’ was the word inspectors used most often.",)),
    Construction("label_heads_list", "after", LABEL_HEADS_LIST, "group:subject",
                 ("Anytown YJS was inspected in May.\nOutstanding: staff, partnerships and services.",),
                 ("Anytown YJS was inspected in May.\nInspectors said: good.",
                  "Anytown YJS was inspected in May.\nOutstanding: this needs review, as court work did better than "
                  "out-of-court work."),
                 unless=(("after", COLON_THEN_CLAUSE),),
                 conditions=("bare_label", "capitalised_or_quoted_at_start")),
    # A council minute's layout: a heading naming the area, then a line that opens with its label and goes on to
    # say why ("Domain two: court disposals:" / "Outstanding: this needs review, as ...").
    Construction("label_under_heading", None, None, "heading_above",
                 ("Anytown YJS was inspected in May.\nDomain two: court disposals:\n\nOutstanding: this needs review, "
                  "as court work did better than out-of-court work.",),
                 ("Anytown YJS was inspected in May.\nThe minutes follow:\n\nOutstanding work was praised.",),
                 conditions=("bare_label", "capitalised_or_quoted_at_start", "under_heading")),
    Construction("colon", None, None, "previous_clause",
                 ("Anytown YJS was inspected in May.\nThe overall verdict: ‘Good’.",
                  "Inspectors summed up Anytown’s work with victims: ‘Outstanding’."),
                 ("Anytown YJS was inspected in May.\nInspectors gave their view of the work: ‘Good’ in parts.",),
                 conditions=("after_colon",)),
    Construction("with_absolute", None, None, "previous_clause",
                 ("Core case inspection of youth offending work in Anytown\n"
                  "Child-protection work in Anytown reached only 41%, with drastic improvement required, the report said.",),
                 ("Anytown was rated ‘Good’, with the board praised.",
                  "Inspectors found a mixed picture in Anytown, with some outstanding strengths."),
                 conditions=("opened_by_with", "bare_label", "improvement_level")),
    # the level a score means, in a clause of consequence after it: "Safeguarding scored 58%, which means
    # substantial improvement is required"
    # the level a score means, the score and its area as the subject: "A score of 75% for likelihood of
    # reoffending means that only minimum improvement is required"
    Construction("score_means", "before", SCORE_MEANS, "group:subject",
                 ("Core case inspection of youth offending work in Anytown\n"
                  "A score of 75% for likelihood of reoffending means that only minimum improvement is required.",),
                 ("Core case inspection of youth offending work in Anytown\n"
                  "A score of 75% for likelihood of reoffending means that the team is doing well.",),
                 conditions=("improvement_level",)),
    Construction("consequence", None, None, "previous_clause",
                 ("Core case inspection of youth offending work in Anytown\n"
                  "Anytown's safeguarding work scored 58%, meaning only moderate improvement is required.",
                  "Anytown YOT: core case inspection, 2010.\nAnytown scored 58% on safeguarding, "
                  "meaning moderate improvement is required."),
                 ("Core case inspection of youth offending work in Anytown\n"
                  "Anytown's safeguarding work scored 58%, meaning the team needs moderate improvement in its planning.",
                  "Anytown YOT: core case inspection, 2010.\nAnytown scored 58% on its cases, "
                  "meaning moderate improvement is required."),
                 conditions=("opened_by_consequence", "bare_label", "improvement_level")),
    Construction("rating_noun", "after", RATING_NOUN_AFTER, "none",
                 ("Good rating for Anytown YOT after inspection\nInspectors visited in May.",),
                 ("Good practice at Anytown\nInspectors visited in May.",),
                 requires=(("clause", SERVICE_REFERENCE),)),
    # an area and its label side by side in a list, no verb (minutes, flattened tables): "Court work: assessment
    # Good, planning Good, reviewing Good"; the area is all the words since the list's last break
    Construction("juxtaposed", "own", JUXTAPOSED, "group:subject",
                 ("Anytown YOT was inspected in 2019.\nCourt work: assessment Good, planning Good, reviewing Good.",
                  "Anytown YOT was inspected in 2019.\nThe ratings were: staffing ‘Outstanding’; leadership ‘Good’."),
                 ("Anytown YOT was inspected in 2019.\nThe minutes record good progress.",
                  "Anytown YOT was inspected in 2019.\nSince then, planning good enough for the courts has followed."),
                 conditions=("quoted_or_capitalised", "subject_is_area")),
)

# Set aside when no construction governs the label.
CUES_AFTER: tuple[Cue, ...] = (
    Cue("ordinary_word", "ordinary_word", "before", r"", (
        "The YOT had a good understanding of the children's needs.",),
        ("Anytown YOT was rated ‘Good’.",), conditions=("neither_quoted_nor_capitalised",)),
)
# A headline that names the service beside a label: "Anytown Youth Justice Service ‘Good’".
HEADLINE = Construction("headline", None, None, "clause",
                        ("Anytown Youth Justice Service ‘Good’, say inspectors\nInspectors visited in May.",),
                        ("Anytown YOT is doing ‘outstanding’ work with children\nInspectors visited in May.",),
                        conditions=("in_headline", "names_service", "predicative_or_rating_noun"))
