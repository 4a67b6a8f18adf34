"""The structures of English (and of the Inspectorate's method) the readers must follow on texts nobody has seen.

Each test is an invented sentence, with an invented place, for one structure that real retellings and press
releases use: a list of subjects sharing one label, a count standing for the list beside it, a label named by
its place on the scale, an everyday name for a standard, an aside between the subject and its verb, a
pronoun whose antecedent is in an earlier clause, the subject after the label, an alias for the service, the
core case levels as verbs, a label that is no rating (a banner, a dedication, a skill). No sentence here comes
from a development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors import dates, document, ratings, recommendations, scores
from tests.helpers import parse

JOINT = "Full joint inspection of youth offending work in Northshire\n"
CORE_CASE = "Core case inspection of youth offending work in Northshire\n"
# A text of a 2022 inspection: an earlier year in it is an earlier inspection's
INSPECTED_2022 = "Northshire Youth Justice Service was inspected by HM Inspectorate of Probation in 2022.\n"


def _ratings(text: str) -> list[tuple]:
    return [(r.scope, r.code, r.subject, r.label) for r in ratings.extract(parse(text)).facts]


def _summary(text: str):
    doc = parse(text)
    return document.summarise(doc, ratings.extract(doc).facts, dates.extract(doc).facts,
                              recommendations.extract(doc).facts)


def _labels(text: str) -> set[tuple[str, str]]:
    return {(r.subject, r.label) for r in ratings.extract(parse(text)).facts}


def _set_aside(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.reason) for m in ratings.extract(parse(text)).mentions if m.decision == "set_aside"]


# ------------------------------------------------------------------ a list of subjects sharing one label
def test_two_subjects_of_an_active_verb_share_the_label():
    assert _labels("Inspectors judged Northshire's intervention delivery and its case planning to be 'Inadequate'.") \
        == {("Implementation and delivery", "Inadequate"), ("Planning", "Inadequate")}


def test_subjects_in_coordinated_purpose_clauses_share_the_label():
    # "work to <verb> X and to <verb> Y": each purpose clause names an area
    text = CORE_CASE + "Work to protect the public and to address safeguarding needs requires moderate improvement."
    assert _labels(text) == {("Risk of harm to others", "Moderate improvement required"),
                             ("Safeguarding", "Moderate improvement required")}


def test_a_label_heading_a_reason_rates_the_heading_above_not_the_areas_in_the_reason():
    # a council minute: each domain's heading, then its label and why; the reason names other areas
    text = ("Minutes:\nThe report on Northshire YOT covered three domains:\n\nDomain two: court disposals:\n\n"
            "Outstanding: this needs review, as court work did better than out-of-court work.\n\n"
            "Domain three: out-of-court disposals:\n\nRequires improvement: the board should review its policy.")
    assert _labels(text) == {("Court disposals", "Outstanding"), ("Out-of-court disposals", "Requires improvement")}


def test_a_list_with_weak_items_shares_the_label():
    text = ("Governance and leadership, quality of information, planning, and the service’s out-of-court policies "
            "in Eastshire were all rated ‘Inadequate’.")
    assert _labels(text) == {("Governance and leadership", "Inadequate"), ("Information and facilities", "Inadequate"),
                             ("Planning", "Inadequate"), ("Out-of-court disposal policy and provision", "Inadequate")}


@pytest.mark.parametrize("text, expected", [
    # a domain beside standards it cannot qualify is a conjunct of its own
    ("Out-of-court work and resettlement were both judged to be ‘Inadequate’.",
     {("Out-of-court disposals", "Inadequate"), ("Resettlement policy and provision", "Inadequate")}),
    ("Staff and court work were rated ‘Good’.", {("Staff", "Good"), ("Court disposals", "Good")}),
    # counter-example: beside a standard of every domain it says which domain's
    ("Court work and planning were rated ‘Good’.", {("Court disposals: Planning", "Good")}),
])
def test_a_domain_in_a_list_of_standards(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    (JOINT + "Inspectors judged work to protect children as good but work to protect the public as unsatisfactory.",
     {("Protecting children and young people", "Good"), ("Protecting the public", "Unsatisfactory")}),
    ("Inspectors rated Northshire's staffing as ‘Good’ but its planning in court cases as ‘Inadequate’.",
     {("Staff", "Good"), ("Court disposals: Planning", "Inadequate")}),
    # counter-example: the clause after "but" has a verb and subject of its own
    ("Inspectors rated Northshire's staffing as ‘Good’ but found its planning ‘weak’.", {("Staff", "Good")}),
])
def test_a_gapped_conjunct_after_but_takes_the_verb_before(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    # two domains' modifiers share one head noun
    ("Both court and out-of-court work were judged to be ‘Good’.",
     {("Court disposals", "Good"), ("Out-of-court disposals", "Good")}),
    ("Planning in court and out-of-court cases was rated ‘Good’.",
     {("Court disposals: Planning", "Good"), ("Out-of-court disposals: Planning", "Good")}),
])
def test_a_head_noun_shared_by_two_domains(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a clause after a semicolon leaves out the verb of the clause before (gapping), an adverb or "as" before its label
    (INSPECTED_2022 + "Staffing was found to be ‘Outstanding’; information and facilities only ‘Good’.",
     {("Staff", "Outstanding"), ("Information and facilities", "Good")}),
    (INSPECTED_2022 + "Staffing was rated as good; leadership as outstanding.",
     {("Staff", "Good"), ("Governance and leadership", "Outstanding")}),
    (JOINT + "Ensuring that the sentence is served was rated as good; effective governance as poor.",
     {("Ensuring the sentence is served", "Good"), ("Governance and partnerships", "Poor")}),
    # counter-examples: a word that names an area only in a list names nothing alone; a clause with its own verb
    (INSPECTED_2022 + "Staffing was found to be ‘Outstanding’; facilities only ‘Good’.", {("Staff", "Outstanding")}),
    (INSPECTED_2022 + "Staffing was rated ‘Good’; its leaders said they were ‘delighted’.", {("Staff", "Good")}),
])
def test_a_clause_after_a_semicolon_takes_the_verb_before(text, expected):
    assert _labels(text) == expected


def test_everyday_verbs_for_reducing_reoffending_name_the_theme():
    text = JOINT + "Northshire’s work to cut reoffending was judged satisfactory, while protecting the public was " \
                   "found to be unsatisfactory."
    assert _labels(text) == {("Reducing reoffending", "Satisfactory"), ("Protecting the public", "Unsatisfactory")}


@pytest.mark.parametrize("text, expected", [
    # the youth caution names the out-of-court domain; "given" after the children it describes is no rating verb
    (INSPECTED_2022 + "Northshire's work with children on court orders is ‘good’, but its work with children given "
     "cautions ‘requires improvement’.", {("Court disposals", "Good"), ("Out-of-court disposals", "Requires improvement")}),
    (INSPECTED_2022 + "Its work with those serving youth cautions was rated ‘Inadequate’.",
     {("Out-of-court disposals", "Inadequate")}),
    # counter-example: "cautions" as a verb names no disposal
    (INSPECTED_2022 + "The report cautions that Northshire's leadership ‘requires improvement’.",
     {("Governance and leadership", "Requires improvement")}),
])
def test_children_given_cautions_are_the_out_of_court_domain(text, expected):
    assert _labels(text) == expected


def test_a_word_that_names_an_area_only_in_a_list_names_nothing_alone():
    assert _ratings("Information in Eastshire was rated ‘Good’.") == []


# ------------------------------------------------------------------ labels paired with a list by "respectively"
@pytest.mark.parametrize("text, expected", [
    ("Planning and reviewing in Eastshire were rated ‘Good’ and ‘Outstanding’ respectively.",
     [("standard", None, "Planning", "Good"), ("standard", None, "Reviewing", "Outstanding")]),
    # the areas in another clause than the labels: never the first label for the nearest area
    ("Inspectors rated Eastshire's court work above its out-of-court work, at ‘Good’ and ‘Requires improvement’ "
     "respectively.", [("domain", "2", "Court disposals", "Good"),
                       ("domain", "3", "Out-of-court disposals", "Requires improvement")]),
    # the time after the list is each label's
    (INSPECTED_2022 + "Its court and out-of-court work were rated ‘Good’ and ‘Inadequate’ respectively in 2019.",
     [("previous", "2", "Court disposals", "Good"), ("previous", "3", "Out-of-court disposals", "Inadequate")]),
])
def test_labels_paired_in_order_by_respectively(text, expected):
    assert sorted(_ratings(text)) == sorted(expected)


def test_labels_paired_by_respectively_with_too_few_areas_are_set_aside():
    text = "Staff in Eastshire were rated ‘Good’ and ‘Outstanding’ respectively."
    assert _ratings(text) == []
    assert _set_aside(text) == [("Good", "no_rated_subject"), ("Outstanding", "no_rated_subject")]


# ------------------------------------------------------------------ gapped lists of areas and labels
@pytest.mark.parametrize("text, expected", [
    # "Requires improvement" after a comma in the list is a gapped label, not the verb
    ("Eastshire's organisational delivery was rated ‘Good’, court work ‘Requires improvement’ and out-of-court "
     "work ‘Good’.", [("domain", "1", "Organisational delivery", "Good"),
                      ("domain", "2", "Court disposals", "Requires improvement"),
                      ("domain", "3", "Out-of-court disposals", "Good")]),
    # the whole the list's parts belong to, before them
    ("An inspection of youth justice work with children and victims in Eastshire, 2025.\nOf the three areas we "
     "inspected, leadership was ‘Good’, work with children ‘Requires improvement’ and work with victims "
     "‘Outstanding’.", [("standard", "1.1", "Governance and leadership", "Good"),
                        ("standard", None, "Work with children", "Requires improvement"),
                        ("standard", None, "Work with victims", "Outstanding")]),
])
def test_gapped_lists_of_areas_and_labels(text, expected):
    assert set(_ratings(text)) == set(expected)


# ------------------------------------------------------------------ what the rating is for, named around it
@pytest.mark.parametrize("text, expected", [
    # the rating named by what it is for
    ("The rating for governance and leadership in Eastshire was ‘Requires improvement’.",
     [("standard", "1.1", "Governance and leadership", "Requires improvement")]),
    ("Eastshire YJS's rating for out-of-court work was ‘Good’.", [("domain", "3", "Out-of-court disposals", "Good")]),
    # a topic opening the sentence: the service rated for it
    ("When it came to out-of-court disposals, inspectors rated Eastshire YJS ‘Outstanding’.",
     [("domain", "3", "Out-of-court disposals", "Outstanding")]),
    ("When it came to the inspection, inspectors rated Eastshire YJS ‘Outstanding’.", [("overall", None, "Overall",
                                                                                       "Outstanding")]),
    ("For work with children sentenced in court, Eastshire YJS was rated ‘Good’.",
     [("domain", "2", "Court disposals", "Good")]),
    ("On leadership, inspectors gave Eastshire YJS a ‘Good’ rating.",
     [("standard", "1.1", "Governance and leadership", "Good")]),
    # counter-example: "on" before a date names no topic
    ("On 3 May, inspectors rated Eastshire YJS ‘Good’.", [("overall", None, "Overall", "Good")]),
    # ... with the rating, or the service, as the subject of a copula
    ("Regarding staff in Eastshire, the rating was ‘Outstanding’.", [("standard", "1.2", "Staff", "Outstanding")]),
    ("With regard to information and facilities, Eastshire YJS was ‘Good’.",
     [("standard", "1.4", "Information and facilities", "Good")]),
    # counter-examples: a "for" of time, or of the people the rating is for, names no topic
    ("For the first time, Eastshire YJS was rated ‘Good’.", [("overall", None, "Overall", "Good")]),
    ("For the staff, Eastshire YJS's ‘Good’ rating is a welcome reward.", [("overall", None, "Overall", "Good")]),
    # who says so, between commas after the verb
    ("Eastshire's out-of-court work was, inspectors said, ‘Outstanding’.",
     [("domain", "3", "Out-of-court disposals", "Outstanding")]),
    # the pluperfect of reported speech is the report's time
    ("Members noted that Eastshire YJS had been judged ‘Good’ overall.", [("overall", None, "Overall", "Good")]),
    ("The manager said Eastshire YJS had been rated ‘Good’.", [("overall", None, "Overall", "Good")]),
    # ... after a question or a feeling reported
    ("Councillor Smith asked why planning in Eastshire had been rated ‘Requires improvement’.",
     [("standard", None, "Planning", "Requires improvement")]),
    ("The Committee was pleased that Eastshire YJS had been judged ‘Good’.", [("overall", None, "Overall", "Good")]),
])
def test_what_the_rating_is_for_named_around_it(text, expected):
    assert set(_ratings(text)) == set(expected)


def test_a_clause_that_ends_in_a_label_is_no_table_row():
    # a joint-inspection scale word at the end of a line whose words name a theme's item only in passing: the
    # line opens with a clause, not with the theme's name
    assert not [r for r in _ratings(INSPECTED_2022 + "When it came to partnerships, inspectors gave a rating of ‘Good’.")
                if r[0] == "theme"]
    # ... nor a standard's row under a ratings heading: a clause ending in a verb before the label
    assert not [r for r in _ratings(INSPECTED_2022 + "Ratings\nThe team worked hard to be Good\nPlanning Good")
                if "worked" in r[2]]


# ------------------------------------------------------------------ a label in brackets after what it rates
@pytest.mark.parametrize("text, expected", [
    ("The ratings were: Governance and leadership (Inadequate), Staff (Good), Partnerships and services (Good).",
     [("standard", "1.1", "Governance and leadership", "Inadequate"), ("standard", "1.2", "Staff", "Good"),
      ("standard", "1.3", "Partnerships and services", "Good")]),
    ("Domain 1: Organisational delivery (Good)", [("domain", "1", "Organisational delivery", "Good")]),
    ("Eastshire's court work was strong (Good), its out-of-court work weaker (Requires improvement).",
     [("domain", "2", "Court disposals", "Good"), ("domain", "3", "Out-of-court disposals", "Requires improvement")]),
    # a bracket that names no area rates nothing
    ("Eastshire thanked its partners (Good Start, Youth Matters) for their work.", []),
])
def test_a_label_in_brackets_after_what_it_rates(text, expected):
    assert sorted(_ratings(text)) == sorted(expected)


# ------------------------------------------------------------------ a change of rating, and a score's meaning
@pytest.mark.parametrize("text, expected", [
    # the new label before the old one
    ("Eastshire YJS improved its rating to ‘Good’ from ‘Requires improvement’.",
     [("overall", None, "Overall", "Good"), ("previous", None, "Overall", "Requires improvement")]),
    ("Eastshire YJS moved up to Good from Requires improvement.",
     [("overall", None, "Overall", "Good"), ("previous", None, "Overall", "Requires improvement")]),
    # a score "equates to" a rating
    ("Eastshire scored 22 out of 36, which equates to a rating of ‘Good’.", [("overall", None, "Overall", "Good")]),
    # "and rated" carries on the inspectors' clause: no survey answer
    ("Inspectors found that staff were well supported and rated the staffing standard as ‘Outstanding’.",
     [("standard", "1.2", "Staff", "Outstanding")]),
    # a rating left behind is the earlier one ("no longer", "shed", "shaken off"), a headline's too
    ("Eastshire youth justice service no longer ‘inadequate’", [("previous", None, "Overall", "Inadequate")]),
    ("Eastshire YJS is no longer rated ‘Inadequate’ and is now ‘Good’.",
     [("previous", None, "Overall", "Inadequate"), ("overall", None, "Overall", "Good")]),
    ("Eastshire YJS has shed its ‘Inadequate’ rating.", [("previous", None, "Overall", "Inadequate")]),
    # a label's noun may be a journalist's "label", "tag" or "badge"
    ("Eastshire YJS has shaken off its ‘Requires improvement’ label and is now rated ‘Good’.",
     [("previous", None, "Overall", "Requires improvement"), ("overall", None, "Overall", "Good")]),
    ("Eastshire YJS received an ‘Inadequate’ tag.", [("overall", None, "Overall", "Inadequate")]),
])
def test_a_change_of_rating_and_what_a_score_means(text, expected):
    assert sorted(_ratings(text)) == sorted(expected)


# ------------------------------------------------------------------ a count standing for the list beside it
@pytest.mark.parametrize("text, expected", [
    # the next sentence names what the count stands for
    ("In Westshire, three areas were rated ‘Inadequate’. These were leadership, staffing and partnerships.",
     {("Governance and leadership", "Inadequate"), ("Staff", "Inadequate"), ("Partnerships and services", "Inadequate")}),
    # counter-examples: a list of another length, or a label with more words after it in its clause
    ("Three areas in Westshire were rated ‘Inadequate’. These were leadership and staffing.", set()),
    ("Three areas in Westshire were rated ‘Inadequate’ by inspectors. They were leadership, staffing and planning.",
     set()),
])
def test_a_count_names_its_areas_in_the_next_sentence(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the former", "the latter", "the first two", "the last": items of the list named before, by their place
    (INSPECTED_2022 + "Inspectors looked at staffing and at resettlement. The latter was rated ‘Outstanding’ and the "
     "former ‘Good’.", {("Resettlement policy and provision", "Outstanding"), ("Staff", "Good")}),
    (INSPECTED_2022 + "Assessment, planning and delivery in court cases were examined. The first two were rated ‘Good’.",
     {("Court disposals: Assessment", "Good"), ("Court disposals: Planning", "Good")}),
    (INSPECTED_2022 + "Inspectors looked at leadership, staffing and partnerships, giving ‘Good’ ratings to the first "
     "two and ‘Requires improvement’ to the last.",
     {("Governance and leadership", "Good"), ("Staff", "Good"), ("Partnerships and services", "Requires improvement")}),
    # the list several sentences before, past sentences that name one area each
    (CORE_CASE + "Inspectors judged safeguarding, risk of harm to others and likelihood of reoffending. Safeguarding "
     "was done well enough 70% of the time. Staff need to make a ‘moderate improvement’ in the first two of these areas.",
     {("Safeguarding", "Moderate improvement"), ("Risk of harm to others", "Moderate improvement")}),
    # counter-examples: "the first two" of a list of two, a time, no list before
    (INSPECTED_2022 + "Leadership and staffing were examined. The first two were rated ‘Good’.", set()),
    (INSPECTED_2022 + "Leadership, staffing and partnerships were examined. The first two years were rated ‘Good’.",
     set()),
    (INSPECTED_2022 + "Northshire was praised for its leadership. The latter was rated ‘Good’.", set()),
])
def test_an_ordinal_picks_items_of_the_list_named_before(text, expected):
    assert _labels(text) == expected


def test_the_former_and_the_last_areas_are_no_earlier_inspection():
    # "former" and "last" place a rating in an earlier inspection ("the former Westshire service", "its last
    # inspection"), but not as the ordinal that picks an item of a list
    text = INSPECTED_2022 + "Staffing and partnerships were examined; the former was rated ‘Good’, the latter ‘Outstanding’."
    assert {r[0] for r in _ratings(text)} == {"standard"}


@pytest.mark.parametrize("text, expected", [
    # all of a framework's top-level areas, counted: a core case inspection judged three
    (CORE_CASE + "All three areas in Northshire require substantial improvement.",
     {("Safeguarding", "Substantial improvement required"), ("Risk of harm to others", "Substantial improvement required"),
      ("Likelihood of reoffending", "Substantial improvement required")}),
    (INSPECTED_2022 + "Northshire was rated ‘Good’ in all three domains.",
     {("Organisational delivery", "Good"), ("Court disposals", "Good"), ("Out-of-court disposals", "Good")}),
    # counter-examples: some of them, or areas the framework has more of than three
    (CORE_CASE + "Two of the three areas in Northshire required substantial improvement.", set()),
    (INSPECTED_2022 + "All three areas in Northshire were rated ‘Good’.", set()),
])
def test_a_count_of_every_area_the_framework_rates_stands_for_all_of_them(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    # every standard of the domain the subject names, counted
    ("Northshire's work with children sentenced by the courts was rated ‘Good’ in all four standards.",
     {("Court disposals: Assessment", "Good"), ("Court disposals: Planning", "Good"),
      ("Court disposals: Implementation and delivery", "Good"), ("Court disposals: Reviewing", "Good")}),
    # counter-example: a count that is not the domain's
    ("Northshire's work with children sentenced by the courts was rated ‘Good’ in all three standards.", set()),
])
def test_a_count_of_every_standard_of_the_subjects_domain_stands_for_them(text, expected):
    assert _labels(INSPECTED_2022 + text) == expected


@pytest.mark.parametrize("text", [
    "Three areas in Northshire were rated ‘Inadequate’: leadership, staffing and partnerships.",
    "Leadership, staffing and partnerships were weak, with all three areas in Northshire rated ‘Inadequate’.",
])
def test_a_count_qualified_by_the_services_name_still_stands_for_its_list(text):
    assert _labels(INSPECTED_2022 + text) == {("Governance and leadership", "Inadequate"), ("Staff", "Inadequate"),
                                              ("Partnerships and services", "Inadequate")}


def test_a_count_refers_to_the_list_before_it():
    text = JOINT + ("Inspectors found Northshire weak on reducing reoffending, public safety and governance, with "
                    "each of these three given a 'Poor' grade.")
    assert _labels(text) == {("Reducing reoffending", "Poor"), ("Protecting the public", "Poor"),
                             ("Governance and partnerships", "Poor")}


@pytest.mark.parametrize("text", [
    "Five areas of Westshire's work were judged 'Good', including staffing, planning and assessment.",
    # the count alone as the subject, which a reference to a list before it would be
    "Westshire YJS was inspected in May.\nFive areas were judged 'Good', including staffing, planning and assessment.",
])
def test_a_count_of_areas_including_a_list(text):
    assert _labels(text) == {("Staff", "Good"), ("Planning", "Good"), ("Assessment", "Good")}


def test_a_count_refers_to_the_list_after_the_label():
    # each standard takes the domain named right after it
    text = ("Westshire YJS was inspected in 2022.\nThree standards were rated ‘Outstanding’: staffing, planning for "
            "court cases and assessment for out-of-court cases.")
    assert _labels(text) == {("Staff", "Outstanding"), ("Court disposals: Planning", "Outstanding"),
                             ("Out-of-court disposals: Assessment", "Outstanding")}
    # a list of another length is not the one counted
    assert _labels(text.replace("Three", "Four")) == set()


def test_both_gathers_one_area_from_each_sentence_before():
    text = CORE_CASE + ("In safeguarding, Northshire scored 31%. In protecting the public it scored 30%. "
                        "Both aspects require ‘drastic improvement’.")
    assert _labels(text) == {("Safeguarding", "Drastic improvement required"),
                             ("Risk of harm to others", "Drastic improvement required")}


def test_a_list_with_an_item_no_vocabulary_names_keeps_the_items_it_does():
    text = "Leadership, case records and resettlement in Anytown were each given the bottom grade."
    assert _labels(text) == {("Governance and leadership", "Inadequate"), ("Resettlement policy and provision", "Inadequate")}


@pytest.mark.parametrize("text, expected", [
    # some of a counted whole, then the list of them after the label, after a dash or a colon
    ("Inspectors rated two of the three domains ‘Good’ – organisational delivery and court disposals – but "
     "out-of-court disposals ‘Requires improvement’.",
     {("Organisational delivery", "Good"), ("Court disposals", "Good"),
      ("Out-of-court disposals", "Requires improvement")}),
    ("Four of Westshire's 12 standards were rated ‘Outstanding’: staffing, partnerships, planning and reviewing.",
     {("Staff", "Outstanding"), ("Partnerships and services", "Outstanding"), ("Planning", "Outstanding"),
      ("Reviewing", "Outstanding")}),
    # a count as the complement, naming some of what it counts
    ("Out of 12 standards, Westshire was rated ‘Outstanding’ in four, including staffing and partnerships.",
     {("Staff", "Outstanding"), ("Partnerships and services", "Outstanding")}),
    ("Westshire was rated ‘Good’ in most areas, such as staffing and partnerships.",
     {("Staff", "Good"), ("Partnerships and services", "Good")}),
])
def test_some_of_a_counted_whole_named_after_the_label(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text", [
    # some of a whole, named nowhere after the label, are not the list before it
    "Organisational delivery and court disposals were strong. Inspectors rated two of the three domains ‘Good’.",
    # some parts of one area, unnamed
    "Three out of the four areas of resettlement work in Westshire were judged ‘Good’.",
    # what a counting complement excepts is not what the label is for
    "Westshire was rated ‘Good’ in all areas except resettlement.",
])
def test_some_of_a_counted_whole_unnamed_are_set_aside(text):
    assert _ratings(text) == []
    assert _set_aside(text) == [("Good", "count_of_areas")]


def test_what_a_subject_excepts_is_not_what_was_rated():
    text = "All areas except planning were rated ‘Good’ in Anytown."
    assert _ratings(text) == []
    assert _set_aside(text) == [("Good", "count_of_areas")]


def test_a_count_with_nothing_to_count_is_set_aside():
    text = "All three areas were rated ‘Good’ by inspectors in Southshire."
    assert _ratings(text) == []
    assert _set_aside(text) == [("Good", "count_of_areas")]


# ------------------------------------------------------------------ a relative label
@pytest.mark.parametrize("text, label", [
    ("Leadership, case records and resettlement in Anytown were each given the bottom grade.", "Inadequate"),
    ("Anytown's resettlement work received its highest mark.", "Outstanding"),
    ("Northshire YJS received the second lowest rating after its inspection.", "Requires improvement"),
    # a noun of what is rated between the place and "rating"
    ("Anytown Youth Offending Service was handed the lowest possible performance rating.", "Inadequate"),
    # the scale's size is no count of areas
    ("Anytown Youth Offending Service was handed the lowest rating on the four-point scale.", "Inadequate"),
    ("Eastshire YJS earned the highest overall grade.", "Outstanding"),
    # the scale's size between the place and the noun
    ("Westshire YJS was given the second highest of four possible ratings.", "Good"),
    ("Westshire YJS was handed the lowest of the four grades.", "Inadequate"),
    # a verb of scoring with two objects
    ("Councillors were angry at inspectors scoring Anytown's youth justice team the lowest possible grade.",
     "Inadequate"),
])
def test_a_label_named_by_its_place_on_the_scale(text, label):
    assert {found for _, found in _labels(text)} == {label}


def test_a_relative_label_beside_a_label_only_restates_it():
    text = "Inspectors gave Anytown YOT their top grading of 'Good'."
    found = ratings.extract(parse(text))
    assert [m.text for m in found.mentions] == ["Good"]
    text = "Westshire YJS was rated ‘Good’, the second highest of four ratings."
    assert [m.text for m in ratings.extract(parse(text)).mentions] == ["Good"]


def test_a_nationality_is_no_other_place():
    # "A Welsh youth offending service" in a story about a Welsh service is that service, not another one
    text = ("Inspectors criticise youth offending service in Cardiff\nA Welsh youth offending service has been "
            "rated inadequate after inspectors raised serious concerns.")
    assert _ratings(text) == [("overall", None, "Overall", "Inadequate")]
    assert _set_aside(text) == []


def test_another_place_opening_the_sentence_with_this_service_in_an_aside_is_another_service():
    # a place of the register opening the sentence is a place, not a capital of the sentence's first word; this
    # service named in an aside about it does not make it this service
    text = INSPECTED_2022 + "Rutland, Northshire's neighbour, was rated ‘Outstanding’ last month."
    assert _ratings(text) == []
    assert _set_aside(text) == [("Outstanding", "other_service")]
    assert _ratings(INSPECTED_2022 + "Northshire YJS, like Rutland, was rated ‘Good’.") == [
        ("overall", None, "Overall", "Good")]


@pytest.mark.parametrize("text", [
    "“Our staff are outstanding,” said Cllr Jones, the cabinet member for children.",
    "The council leader said: “Our youth justice team is outstanding.”",
    "Inspectors said it was “good” to see children involved in their own plans.",
    # what the staff told inspectors: its own subject, not the staff
    "Staff told inspectors their training was outstanding.",
])
def test_praise_in_a_quotation_or_an_extraposition_rates_nothing(text):
    assert _ratings(INSPECTED_2022 + text) == []


@pytest.mark.parametrize("text", [
    # a perfect participle after the clause, with a word of earlier time: the same subject, earlier
    "Northshire Youth Justice Service is now rated ‘Good’, having previously been rated ‘Inadequate’.",
    "Northshire's youth justice service is now ‘Good’, having been ‘Inadequate’ in 2019.",
    # ... or in an insert, when the main clause says things have changed
    "Northshire Youth Justice Service, having been rated ‘Inadequate’ in 2019, is now ‘Good’.",
    "Northshire Youth Justice Service, which was rated ‘Inadequate’, is now rated ‘Good’.",
    "Northshire Youth Justice Service, having been ‘Inadequate’, has since improved to ‘Good’.",
    # the insert between dashes or brackets, as between commas
    "Northshire Youth Justice Service – rated ‘Inadequate’ in 2019 – is now judged ‘Good’.",
    "Northshire Youth Justice Service (rated ‘Inadequate’ in 2019) is now judged ‘Good’.",
])
def test_a_past_participle_or_relative_holds_the_earlier_rating(text):
    assert sorted(_ratings(INSPECTED_2022 + text)) == [("overall", None, "Overall", "Good"),
                                                       ("previous", None, "Overall", "Inadequate")]


@pytest.mark.parametrize("text, expected", [
    # "overall" after a coordinated label: the service's own rating beside its area's
    ("Northshire Youth Justice Service was rated ‘Outstanding’ for leadership and ‘Good’ overall.",
     [("overall", None, "Overall", "Good"), ("standard", "1.1", "Governance and leadership", "Outstanding")]),
    # each label's own year after it decides its time
    ("Northshire Youth Justice Service was rated ‘Good’ in 2019 and ‘Outstanding’ in 2022.",
     [("overall", None, "Overall", "Outstanding"), ("previous", None, "Overall", "Good")]),
    ("Planning for court cases in Northshire was rated ‘Inadequate’ in 2019 and ‘Good’ in 2022.",
     [("previous", "2.2", "Court disposals: Planning", "Inadequate"),
      ("standard", "2.2", "Court disposals: Planning", "Good")]),
    # the label capitalised straight after a verb of winning
    ("Northshire Youth Justice Service achieved Good, one grade below the top.",
     [("overall", None, "Overall", "Good")]),
    ("Northshire Youth Justice Service achieved Good outcomes for children.", []),
])
def test_a_coordinated_label_keeps_its_own_subject_and_time(text, expected):
    assert sorted(_ratings(INSPECTED_2022 + text)) == expected


@pytest.mark.parametrize("text, expected", [
    # the areas that got the label named as the clause's subject, what they were after the verb
    ("The only area judged to ‘require improvement’ was reviewing.",
     [("standard", None, "Reviewing", "Requires improvement")]),
    ("The areas rated ‘Good’ in Northshire were staffing and planning.",
     [("standard", None, "Planning", "Good"), ("standard", "1.2", "Staff", "Good")]),
    # "X was the only area judged to ...": the infinitive's "to" is no object of "judged"
    ("Reviewing was the only area judged to ‘require improvement’.",
     [("standard", None, "Reviewing", "Requires improvement")]),
])
def test_the_areas_a_label_went_to_named_after_the_verb(text, expected):
    assert sorted(_ratings(INSPECTED_2022 + text), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text, expected", [
    # two rows on one line, each its own sentence
    (JOINT + "Reducing reoffending: Satisfactory. Protecting the public: Good.",
     [("theme", None, "Protecting the public", "Good"), ("theme", None, "Reducing reoffending", "Satisfactory")]),
    # "protecting the child", as the theme is often called
    (JOINT + "Inspectors had concerns about protecting the child, which was judged unsatisfactory.",
     [("theme", None, "Protecting children and young people", "Unsatisfactory")]),
])
def test_joint_inspection_themes_in_rows_and_relatives(text, expected):
    assert sorted(_ratings(text)) == expected


@pytest.mark.parametrize("text", [
    "Northshire's neighbour, Westshire, was rated ‘Inadequate’ in 2021.",
    "Its nearest neighbour was rated ‘Inadequate’.",
])
def test_a_neighbour_is_another_service(text):
    assert _set_aside(INSPECTED_2022 + text) == [("Inadequate", "other_service")]


@pytest.mark.parametrize("text, expected", [
    # a domain right after a standard of its own says whose the standard is
    ("Joint working on out-of-court cases in Northshire was ‘Inadequate’.",
     [("standard", "3.4", "Joint working", "Inadequate")]),
    # listed beside it, the domain is rated too
    ("Out-of-court work and joint working in Northshire were both judged ‘Inadequate’.",
     [("domain", "3", "Out-of-court disposals", "Inadequate"), ("standard", "3.4", "Joint working", "Inadequate")]),
])
def test_a_domain_qualifying_its_own_standard_is_not_rated(text, expected):
    assert sorted(_ratings(INSPECTED_2022 + text)) == expected


def test_a_list_word_counts_in_a_complements_list():
    # "information" names its standard only beside other areas of a list, as here after the label
    assert {subject for subject, _ in _labels(INSPECTED_2022 + "Northshire was rated ‘Good’ in four areas: leadership, "
                                              "staff, partnerships and information.")} == {
        "Governance and leadership", "Staff", "Partnerships and services", "Information and facilities"}
    # alone, it names no standard
    assert "Information and facilities" not in {subject for subject, _ in _labels(
        INSPECTED_2022 + "Northshire was rated ‘Good’ for the information it gave.")}


@pytest.mark.parametrize("text, expected", [
    # a year before the label, as its modifier, dates it
    ("Since its 2019 ‘Inadequate’ rating, Northshire YJS has been rated ‘Good’.",
     [("overall", None, "Overall", "Good"), ("previous", None, "Overall", "Inadequate")]),
    ("Its 2022 ‘Good’ rating was celebrated by Northshire YJS.", [("overall", None, "Overall", "Good")]),
    # a rating kept is today's, whenever it was first given
    ("Northshire YJS retained the ‘Good’ rating it was given in 2019.", [("overall", None, "Overall", "Good")]),
])
def test_the_year_of_a_rating_named_as_a_noun(text, expected):
    assert sorted(_ratings(INSPECTED_2022 + text)) == expected


@pytest.mark.parametrize("text", [
    "Northshire Youth Justice Service was rated ‘requires-improvement’.",
    "Northshire Youth Justice Service was given a requires-improvement grade.",
])
def test_a_hyphenated_label(text):
    # the words hyphenated, as an adjective is: seen and read like the words apart
    assert _ratings(INSPECTED_2022 + text) == [("overall", None, "Overall", "Requires improvement")]


def test_anothers_label_in_a_comparison_is_no_conjunct_of_this_services():
    assert _ratings(INSPECTED_2022 + "Northshire's rating of ‘Good’ compares with Westshire's ‘Inadequate’.") == [
        ("overall", None, "Overall", "Good")]


def test_a_past_relative_without_a_change_is_todays_rating():
    # "now" with another verb says nothing of the rating's time
    assert _ratings(INSPECTED_2022 + "Northshire Youth Justice Service, which was rated ‘Good’ overall, must now "
                    "improve its out-of-court work.") == [("overall", None, "Overall", "Good")]


@pytest.mark.parametrize("text", [
    # what the clause goes on to say of the service, after its rating, is not what was rated
    "Northshire Youth Justice Service was rated ‘Outstanding’ and will now support other councils.",
    "Northshire Youth Justice Service, rated ‘Outstanding’, will share its practice with other councils.",
    "Northshire Youth Justice Service was rated ‘Outstanding’, one of only a handful nationally.",
])
def test_the_sector_named_after_a_services_rating_leaves_it_the_services(text):
    assert _ratings(INSPECTED_2022 + text) == [("overall", None, "Overall", "Outstanding")]


@pytest.mark.parametrize("text", [
    "Nationally, most youth justice services were rated ‘Good’.",
    "Two-thirds of services were rated ‘Good’ across England.",
])
def test_the_sector_in_a_labels_own_phrase_is_sector_wide(text):
    assert [reason for _, reason in _set_aside(INSPECTED_2022 + text)] == ["sector_wide"]


def test_a_relative_label_on_the_joint_inspection_scale():
    assert _labels(JOINT + "Work to protect the public in Northshire received the lowest possible rating.") == {
        ("Protecting the public", "Poor")}


# ------------------------------------------------------------------ everyday names of the framework's areas
@pytest.mark.parametrize("text, subject", [
    ("Northshire's handling of sentenced children was rated ‘Good’.", "Court disposals"),
    ("Staffing in Eastshire was rated ‘Outstanding’.", "Staff"),
    ("Information sharing and facilities in Eastshire were rated as ‘Good’.", "Information and facilities"),
    ("Westshire's work with diverted children was rated ‘Requires improvement’.", "Out-of-court disposals"),
    ("Support for children released from custody in Westshire was rated ‘Good’.", "Resettlement policy and provision"),
    # the thesaurus's word for resettlement, as a rewritten story has it
    ("Inspectors praised the policy and delivery of Westshire's relocation service, marking it as “outstanding”.",
     "Resettlement policy and provision"),
    # the people who lead are the leadership
    ("Eastshire's senior leaders were rated ‘Good’ by inspectors.", "Governance and leadership"),
    # a label's score is its grade
    ("Eastshire got a ‘Good’ score for its leadership.", "Governance and leadership"),
    # a purpose clause's verb and the noun "delivery" lead to the area they do
    (JOINT + "Work to deliver interventions to reduce reoffending was satisfactory.",
     "Interventions to reduce reoffending"),
    (JOINT + "The delivery of interventions to reduce reoffending in Northshire was poor.",
     "Interventions to reduce reoffending"),
    # whose work it is, before the domain: "children subject to court orders", "children given ..."
    ("The quality of work with children subject to court orders in Northshire was ‘Requires improvement’.",
     "Court disposals"),
    ("The quality of work with children given out-of-court disposals was ‘Inadequate’.", "Out-of-court disposals"),
    # the core case theme by what the work is about, not by the framework's "likelihood of reoffending"
    (CORE_CASE + "Northshire's work on reoffending was rated as needing 'drastic' improvement.",
     "Likelihood of reoffending"),
])
def test_an_everyday_name_of_an_area(text, subject):
    assert {found for found, _ in _labels(text)} == {subject}


@pytest.mark.parametrize("text, subjects", [
    # resettlement is the whole of its domain: the activities that qualify it are its parts
    ("The assessment and planning of resettlement cases in Westshire were rated ‘Good’.",
     {"Resettlement policy and provision"}),
    ("The policy and delivery of Westshire's resettlement service was rated ‘Outstanding’.",
     {"Resettlement policy and provision"}),
    # counter-examples: listed beside resettlement, an activity is a standard of its own; qualified by a domain
    # with standards of its own, it is that domain's
    ("Assessment and resettlement in Westshire were both rated ‘Good’.",
     {"Assessment", "Resettlement policy and provision"}),
    ("Planning for court cases and resettlement in Westshire were rated ‘Good’.",
     {"Court disposals: Planning", "Resettlement policy and provision"}),
])
def test_an_activity_of_resettlement_is_part_of_it(text, subjects):
    assert {found for found, _ in _labels(INSPECTED_2022 + text)} == subjects


@pytest.mark.parametrize("text, expected", [
    # the areas open the clause ("In ..., level is required"), or stand with a score before ", meaning"
    ("In safeguarding and risk of harm, moderate improvement is required.",
     {("Safeguarding", "Moderate improvement required"), ("Risk of harm", "Moderate improvement required")}),
    ("In all three areas – safeguarding, risk of harm and likelihood of reoffending – moderate improvement is "
     "required.", {("Safeguarding", "Moderate improvement required"), ("Risk of harm", "Moderate improvement required"),
                   ("Likelihood of reoffending", "Moderate improvement required")}),
    ("Northshire scored 58% on safeguarding, meaning moderate improvement is required.",
     {("Safeguarding", "Moderate improvement required")}),
    # counter-example: a place opening the clause is no area
    ("In Northshire, moderate improvement is required.", set()),
])
def test_a_core_case_level_whose_areas_open_the_clause(text, expected):
    assert _labels(CORE_CASE + text) == expected


@pytest.mark.parametrize("text, expected", [
    # a second level that shares the first one's verb of requiring is required too
    ("Northshire YOT requires substantial improvement in risk of harm and moderate improvement in safeguarding.",
     {("Risk of harm", "Substantial improvement required"), ("Safeguarding", "Moderate improvement required")}),
    # counter-example: a verb that says nothing of requiring, shared by both
    ("Northshire YOT must make a substantial improvement in risk of harm and a moderate improvement in safeguarding.",
     {("Risk of harm", "Substantial improvement"), ("Safeguarding", "Moderate improvement")}),
    # all three areas counted after a subject-less level
    ("Only minimum improvement is needed across all three areas.",
     {("Safeguarding", "Minimum improvement required"), ("Risk of harm to others", "Minimum improvement required"),
      ("Likelihood of reoffending", "Minimum improvement required")}),
])
def test_a_core_case_level_as_written_follows_its_verb(text, expected):
    assert _labels(CORE_CASE + text) == expected


def test_a_word_that_names_a_core_case_theme_in_a_list():
    text = CORE_CASE + "Safeguarding, risk of harm and reoffending each required moderate improvement."
    assert {subject for subject, _ in _labels(text)} \
        == {"Safeguarding", "Risk of harm", "Likelihood of reoffending"}
    # alone, the word is what the service is for, not a theme
    assert _labels(CORE_CASE + "Reoffending was judged to need moderate improvement.") == set()


# Every noun phrase the vocabulary names an area by, in three common constructions, under its framework's
# scale (a phrase that is a verb phrase, "reduce reoffending", "sentences are served", is rated in other
# constructions: "work to reduce reoffending was ...", tested above)
_FRAMEWORK_LINES = {
    # no year: the 2018 vocabulary with work with victims, which a page of a 2024 inspection may use too
    "standards_2018": ("Northshire Youth Justice Service was inspected by HM Inspectorate of Probation.\n", "‘Good’"),
    "children_and_victims_2024": ("An inspection of youth justice work with children and victims in Northshire, "
                                  "2025.\n", "‘Good’"),
    "joint_inspection_2012": ("Full joint inspection of youth offending work in Northshire, 2014.\n", "‘Satisfactory’"),
    "core_case_2010": ("Core case inspection of youth offending work in Northshire, 2010.\n",
                       "‘moderate improvement required’"),
}
_VERB_PHRASE_STARTS = ("are ", "were ", "resettle", "reduce ", "protect ", "make ", "ensure ", "sentence ",
                       "sentences ", "safeguard ", "how ", "way ")


@pytest.mark.parametrize("template", [
    "Northshire's {phrase} was rated {label}.",
    "Inspectors rated {phrase} in Northshire as {label}.",
    "{Phrase} was judged to be {label}, inspectors said.",
])
def test_every_phrase_of_the_vocabulary_names_its_area(template):
    from models.vocabulary import AREAS_BY_ERA

    missed = []
    for era, entries in AREAS_BY_ERA.items():
        opening, label = _FRAMEWORK_LINES[era]
        for entry in entries:
            for phrase in entry.phrases:
                if phrase.startswith(_VERB_PHRASE_STARTS):
                    continue
                text = opening + template.format(phrase=phrase, Phrase=phrase[:1].upper() + phrase[1:], label=label)
                subjects = [f.subject for f in ratings.extract(parse(text)).facts]
                if not any(s == entry.name or s.endswith(entry.name) or s.lower() == phrase for s in subjects):
                    missed.append((era, phrase, subjects))
    assert missed == []


@pytest.mark.parametrize("year, rated", [("2021", False), ("2025", True), ("", True)])
def test_work_with_victims_is_a_standard_only_from_2024(year, rated):
    text = (f"Northshire Youth Justice Service was inspected {'in ' + year + ' ' if year else ''}by HM Inspectorate "
            "of Probation.\nWork with victims in Northshire was judged to require improvement.")
    assert (("Work with victims", "Requires improvement") in _labels(text)) == rated


@pytest.mark.parametrize("year, framework, children", [
    ("2025", "children_and_victims_2024", True),
    # counter-example: before 2024 the two kinds of work are findings of the 2018 framework's standards
    ("2021", "standards_2018", False),
])
def test_a_text_that_rates_both_kinds_of_work_from_2024_is_of_the_2024_programme(year, framework, children):
    # a retelling that never names the programme, only the two areas it rates
    text = (f"Westshire Youth Justice Service was rated ‘Good’ by inspectors in {year}.\nWork with children was rated "
            "‘Good’, and work with victims ‘Requires improvement’.")
    assert _summary(text).framework == framework
    assert (("Work with children", "Good") in _labels(text)) == children


@pytest.mark.parametrize("chief_inspector, rated", [("Glenys Stacey", False), ("Justin Russell", False),
                                                    ("Martin Jones", True)])
def test_an_undated_release_is_as_old_as_the_chief_inspector_it_quotes(chief_inspector, rated):
    # no year in the text: the Chief Inspector quoted bounds when it was written, and work with victims was not
    # rated on its own before 2024
    text = ("Northshire Youth Offending Service was assessed as good overall.\n"
            f"{chief_inspector}, HM Chief Inspector of Probation, said the service knew its children well. "
            "Its work with victims also required improvement so that victims were heard.")
    assert (("Work with victims", "Requires improvement") in _labels(text)) == rated


@pytest.mark.parametrize("chief_inspector, framework", [("Andrew Bridges", "core_case_2010"),
                                                         ("Paul Wilson", "joint_inspection_2012")])
def test_an_undated_story_is_read_under_a_framework_of_its_chief_inspectors_term(chief_inspector, framework):
    # the words of the joint inspections ("protect the public", "poor-performing") in a story quoting a Chief
    # Inspector who left before they began: the story tells of core case work
    text = ("Watchdog criticises youth offending teams\n"
            "Inspectors found Northshire's work to protect the public was done well enough 52% of the time, "
            "and its work to reduce reoffending 64% of the time.\n"
            f"{chief_inspector}, HM Chief Inspector of Probation, said: \"These are disappointing findings.\"\n"
            "The Youth Justice Board will work with poor-performing teams.")
    assert _summary(text).framework == framework


@pytest.mark.parametrize("text, framework", [
    # a council paper on a short quality screening that recalls the core case inspection before it
    ("Cabinet Meeting: 3 March 2014\nHM Inspectorate of Probation Inspection Report: Short Quality Screening of "
     "youth offending work in Northshire\nThe report highlights the improvements made since the previous Core Case "
     "Inspection in 2010.", "joint_inspection_2012"),
    # the programme named as the one before is not the one the story is about
    ("Northshire Youth Offending Service must improve its risk work, a new report states.\nThe joint inspection "
     "followed a critical core case inspection, and found work to protect the public was unsatisfactory.",
     "joint_inspection_2012"),
    ("Northshire Youth Offending Service was praised for its recent Core Case Inspection.\nInspectors found work "
     "to protect the public done well enough 80% of the time.", "core_case_2010"),
])
def test_the_programme_a_document_names_first_is_its_framework(text, framework):
    assert _summary(text).framework == framework


@pytest.mark.parametrize("template", [
    "{Area} was rated {label}.",
    "Inspectors judged {area} to be {label}.",
    "{Area} was found to be {label}, the report said.",
    "Northshire was rated {label} for {area}.",
    "{Area} has been assessed as {label}.",
])
@pytest.mark.parametrize("quotes", [("‘", "’"), ('"', '"'), ("", "")])
def test_every_phrase_of_every_label_rates_an_area(template, quotes):
    # each label as written ("requiring improvement", "not effective", ...), quoted two ways or not, under the
    # frameworks that judge with it
    from models.vocabulary import RATING_LABELS

    areas = {"standards_2018": ("planning for court cases", "Court disposals: Planning"),
             "joint_inspection_2012": ("work to protect the public", "Protecting the public")}
    missed = []
    for entry in RATING_LABELS:
        for era in (e for e in entry.eras if e in areas):
            area, subject = areas[era]
            for phrase in entry.phrases:
                if phrase.startswith(("this standard", "requires improvement to")):
                    continue  # a table's line and a whole verb phrase, tested with their constructions
                text = _FRAMEWORK_LINES[era][0] + template.format(
                    Area=area[:1].upper() + area[1:], area=area, label=quotes[0] + phrase + quotes[1])
                if (subject, entry.canonical) not in _labels(text):
                    missed.append(text.splitlines()[-1])
    assert missed == []


def test_a_part_rated_on_its_own_at_domain_level():
    assert _ratings("Northshire's court work earned a 'Good' grade of its own.") == [
        ("domain", "2", "Court disposals", "Good")]


# ------------------------------------------------------------------ an aside between subject and verb
def test_the_areas_in_an_aside_when_the_subject_outside_it_is_vague():
    text = ("Some of Northshire's work – for instance assessments for court cases and for diverted cases – was "
            "rated 'Inadequate'.")
    assert _ratings(text) == [("standard", "2.1", "Court disposals: Assessment", "Inadequate"),
                              ("standard", "3.1", "Out-of-court disposals: Assessment", "Inadequate")]


@pytest.mark.parametrize("text, expected", [
    # what an insert leaves out is not rated
    ("Work with children on court orders in Westshire (but not those on out-of-court disposals) was rated ‘Good’.",
     [("domain", "2", "Court disposals", "Good")]),
    # a noun phrase in apposition: its year is the noun's, not the label's
    (INSPECTED_2022 + "Resettlement, a standard added in 2021, was rated ‘Good’.",
     [("standard", "4.1", "Resettlement policy and provision", "Good")]),
    # counter-example: a time between commas dates the label
    (INSPECTED_2022 + "The service, in 2019, was rated ‘Inadequate’.", [("previous", None, "Overall", "Inadequate")]),
    # the label in a relative clause whose subject is the rater: the antecedent is what was rated (a board)
    (INSPECTED_2022 + "Northshire's board, which inspectors rated ‘Good’, meets monthly.", []),
])
def test_an_insert_between_the_subject_and_its_verb_is_not_the_subject(text, expected):
    assert _ratings(text) == expected


# ------------------------------------------------------------------ the subject in an earlier clause
def test_it_takes_the_subject_of_the_clause_before_the_relative():
    assert _labels("Eastshire's board leadership impressed inspectors, who graded it 'Outstanding'.") == {
        ("Governance and leadership", "Outstanding")}


@pytest.mark.parametrize("text", [
    # the clause before, with its own subject and verb, is another party's judgement; this one is the inspectors'
    "Parents described Northshire YJS as excellent, and inspectors rated it ‘Good’.",
    "In a survey, children rated their support as ‘good’, and inspectors rated Northshire YJS ‘Good’ overall.",
    "Nationally, most services were rated ‘Good’, and Northshire YJS was rated ‘Good’ too.",
])
def test_a_cue_in_an_earlier_coordinated_clause_does_not_reach_this_label(text):
    assert ("overall", None, "Overall", "Good") in _ratings(INSPECTED_2022 + text)


def test_another_inspectorate_in_an_earlier_clause_does_not_rate_this_label():
    text = (INSPECTED_2022 + "Ofsted judged Northshire's children's services ‘Outstanding’ last year, and the YJS has "
            "now been rated ‘Good’.")
    assert _ratings(text) == [("overall", None, "Overall", "Good")]
    assert [reason for _, reason in _set_aside(text)] == ["other_inspectorate"]


@pytest.mark.parametrize("text, expected", [
    # a second verb phrase of the clause's subject: the first one's object is not what was rated
    ("Northshire YJS has 40 staff and is rated ‘Good’.", {("Overall", "Good")}),
    # its subject is an area: the area
    ("Staff in Northshire know their children well and are rated ‘Outstanding’.", {("Staff", "Outstanding")}),
])
def test_a_second_verb_phrase_rates_the_clauses_subject(text, expected):
    assert _labels(INSPECTED_2022 + text) == expected


@pytest.mark.parametrize("text, expected", [
    # "this" after a sentence whose subject is the raters: the one thing they looked at
    ("Inspectors looked at planning for court cases in Westshire. This was rated ‘Inadequate’.",
     {("Court disposals: Planning", "Inadequate")}),
    # counter-example: two things looked at, and "this" does not say which
    ("Inspectors met staff in Westshire and the board. This was rated ‘Good’.", set()),
])
def test_this_across_a_full_stop_is_what_the_raters_looked_at(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the relative clause between commas is about the subject: "the service" in it is not what was rated
    ("The management board, which oversees the service, was rated ‘Good’.", set()),
    ("Staff, who work across Northshire and its service's two offices, were rated ‘Outstanding’.",
     {("Staff", "Outstanding")}),
    # counter-example: the service is the head, the aside says nothing of the rating
    ("Northshire Youth Justice Service, which was inspected in May, was rated ‘Good’.", {("Overall", "Good")}),
])
def test_a_relative_clause_inside_the_subject_is_no_part_of_its_head(text, expected):
    assert _labels(text) == expected


def test_this_takes_the_subject_of_the_clause_before():
    assert _labels("Staffing in Eastshire was a strength, with inspectors rating this as ‘Outstanding’.") == {
        ("Staff", "Outstanding")}


@pytest.mark.parametrize("text, expected", [
    # the object "it": the area named nearest before it, nearer than any name of the service (each gave the
    # service's overall rating)
    ("Inspectors looked closely at Eastshire YJS's out-of-court work and rated it ‘Outstanding’.",
     {("Out-of-court disposals", "Outstanding")}),
    ("Inspectors praised the quality of Eastshire YJS's planning, marking it as ‘Outstanding’.",
     {("Planning", "Outstanding")}),
    ("The board's leadership was praised, and inspectors graded it ‘Good’.", {("Governance and leadership", "Good")}),
    # "it" across a full stop: the area the sentence before is about
    ("Eastshire YJS was inspected in May.\nIts resettlement work impressed inspectors. They rated it ‘Good’.",
     {("Resettlement policy and provision", "Good")}),
    # the service named after the area is nearer: the service
    ("Inspectors looked at out-of-court work across Eastshire YJS and rated it ‘Good’.", {("Overall", "Good")}),
    # the area's own complement is nearer ("the delivery of the youth club"): nothing rated
    ("Inspectors praised the delivery of the youth club in Eastshire, marking it as ‘outstanding’.", set()),
    # a quantifier standing for the list before it
    ("Planning and assessment in out-of-court cases were weak, with both judged ‘Inadequate’.",
     {("Out-of-court disposals: Planning", "Inadequate"), ("Out-of-court disposals: Assessment", "Inadequate")}),
])
def test_a_pronoun_takes_the_nearest_area_before_it(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "overall" after the label: "it" is the whole service
    ("The report praised Eastshire YJS's staff, but rated it ‘Requires improvement’ overall.",
     {("Overall", "Requires improvement")}),
    # a subordinate clause before the main one is no part of its subject
    ("Although its out-of-court work was weak, Eastshire YJS was rated ‘Good’ overall.", {("Overall", "Good")}),
    # a list that opens with such a word, with no verb of its own before its commas, is still the subject
    ("Eastshire YJS was inspected in May.\nWhilst most other areas including leadership, staff and planning are "
     "all classed as ‘good’.", {("Governance and leadership", "Good"), ("Staff", "Good"), ("Planning", "Good")}),
])
def test_the_whole_service_after_a_pronoun_or_a_subordinate_clause(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a time counted back from now, before the label
    ("Three years ago inspectors rated Eastshire YJS ‘Inadequate’.", [("previous", None, "Overall", "Inadequate")]),
    # ... and inside an insert of the earlier label, that label's only
    ("Eastshire YJS, which was rated ‘Inadequate’ three years ago, has been rated ‘Good’.",
     [("previous", None, "Overall", "Inadequate"), ("overall", None, "Overall", "Good")]),
])
def test_a_time_counted_back_from_now(text, expected):
    assert sorted(_ratings(text)) == sorted(expected)


def test_work_named_by_its_purpose_is_no_rating_of_the_service():
    # a part of the work no vocabulary names: not the overall rating
    text = "The service’s work to keep children and the community safe was judged ‘Requires improvement’."
    assert _ratings(INSPECTED_2022 + text) == []
    assert _set_aside(INSPECTED_2022 + text) == [("Requires improvement", "no_rated_subject")]


def test_the_quoted_label_right_after_overall_rating():
    assert _ratings("Eastshire YJS: Overall rating ‘Good’.") == [("overall", None, "Overall", "Good")]


@pytest.mark.parametrize("text, expected, aside", [
    # the label's own agent is another inspectorate; a year after it is its own
    ("Northshire's children's services were rated ‘Good’ by Ofsted in 2021, and its youth justice service was "
     "rated ‘Outstanding’ by HM Inspectorate of Probation this year.", [("overall", None, "Overall", "Outstanding")],
     [("Good", "other_inspectorate")]),
    # a year at the head of the clause dates every label in it
    ("In 2019, Northshire YJS was rated ‘Good’ for staff and ‘Inadequate’ for planning.",
     [("previous", "1.2", "Staff", "Good"), ("previous", None, "Planning", "Inadequate")], []),
    # the service for adults is another service
    ("Northshire's adult probation service was rated ‘Inadequate’.", [], [("Inadequate", "other_service")]),
    # ... named in an aside about this service, it is not what was rated
    ("The service, which covers Northshire and works with the police, health and the Probation Service, was rated "
     "‘Good’ overall.", [("overall", None, "Overall", "Good")], []),
    # a board at the head of the subject is the body that oversees the service, however the service names it
    ("The Northshire Youth Justice Management Board was rated ‘Inadequate’.", [], [("Inadequate", "no_rated_subject")]),
    ("The youth justice board in Northshire was found to be ‘Outstanding’.", [], [("Outstanding", "no_rated_subject")]),
    # ... named in an aside, it is not
    ("Northshire YJS, overseen by its management board, was rated ‘Good’.", [("overall", None, "Overall", "Good")], []),
    # a label for another place, named right after "for" or "in"
    ("Northshire's rating of ‘Good’ compares with ‘Outstanding’ for Leeds.", [("overall", None, "Overall", "Good")],
     [("Outstanding", "other_service")]),
    ("Northshire YJS was rated ‘Good’, with ‘Outstanding’ in Southshire's court work.",
     [("overall", None, "Overall", "Good")], [("Outstanding", "other_service")]),
    # the pluperfect after "the first time" is this inspection's event
    ("This was the first time the service had been rated ‘Outstanding’.",
     [("overall", None, "Overall", "Outstanding")], []),
    # people thanked for winning a rating won it for the service
    ("The Cabinet Member thanked staff for achieving an ‘Outstanding’ rating.",
     [("overall", None, "Overall", "Outstanding")], []),
    ("Staff achieved an ‘Outstanding’ rating.", [("standard", "1.2", "Staff", "Outstanding")], []),
    # a comparison between commas is not the subject
    ("Planning for out-of-court disposals, like planning for court cases, was judged ‘Inadequate’.",
     [("standard", "3.2", "Out-of-court disposals: Planning", "Inadequate")], []),
    ("Staffing, unlike leadership, was rated ‘Good’.", [("standard", "1.2", "Staff", "Good")], []),
    # an earlier rating lifted: the new one is today's
    ("The service's previous ‘Inadequate’ rating was lifted to ‘Good’.",
     [("previous", None, "Overall", "Inadequate"), ("overall", None, "Overall", "Good")], []),
])
def test_whose_rating_and_when(text, expected, aside):
    assert set(_ratings(INSPECTED_2022 + text)) == set(expected)
    assert _set_aside(INSPECTED_2022 + text) == aside


def test_this_time_after_the_label_is_todays_rating():
    text = "Eastshire YJS improved after the last inspection, and inspectors rated it ‘Good’ this time."
    assert _ratings(INSPECTED_2022 + text) == [("overall", None, "Overall", "Good")]


def test_it_pointing_at_something_unrated_is_set_aside():
    text = "Inspectors praised the quality of the youth club in Eastshire, marking it as ‘outstanding’."
    assert _ratings(text) == []


# ------------------------------------------------------------------ the subject after the label
@pytest.mark.parametrize("text, expected", [
    # the rating noun given to its recipient in the passive
    ("A ‘Good’ verdict was handed to Northshire's court work.", {("Court disposals", "Good")}),
    # an apposition placing the label on its scale, before the "for" phrase
    ("Northshire was given an ‘Inadequate’ rating, the lowest of four grades, for its out-of-court work.",
     {("Out-of-court disposals", "Inadequate")}),
])
def test_what_a_rating_is_given_to_after_the_label(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a list of labels, each with its "for" phrase: the next label's "and" closes each complement
    ("Northshire got a ‘Good’ for staff and a ‘Requires improvement’ for planning in court cases.",
     {("Staff", "Good"), ("Court disposals: Planning", "Requires improvement")}),
    ("The service received ‘Outstanding’ for partnerships and services, ‘Good’ for staff and ‘Requires "
     "improvement’ for information and facilities.",
     {("Partnerships and services", "Outstanding"), ("Staff", "Good"),
      ("Information and facilities", "Requires improvement")}),
])
def test_labels_each_with_its_for_phrase(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ratings: governance and leadership – Good; staff – Outstanding; partnerships and services – Good.",
     {("Governance and leadership", "Good"), ("Staff", "Outstanding"), ("Partnerships and services", "Good")}),
    ("Northshire's grades were: governance, good; staff, outstanding.",
     {("Governance and leadership", "Good"), ("Staff", "Outstanding")}),
    # counter-example: places, not areas, before the labels
    ("Ratings: Northshire – Good; Eastshire – Outstanding.", set()),
])
def test_an_inline_list_of_areas_and_labels(text, expected):
    assert _labels(text) == expected


def test_the_area_in_a_for_phrase_after_the_label():
    assert _labels("Inspectors gave Anytown a 'Good' rating for how it handles diversion cases.") == {
        ("Out-of-court disposals", "Good")}


def test_two_labels_joined_as_predicates_of_one_subject_are_neither_its_rating():
    text = "Inspectors found Anytown's out-of-court work was ‘inadequate’ and required improvement."
    assert _labels(text) == set()
    assert {reason for _, reason in _set_aside(text)} == {"mixed_judgement"}
    # a second subject of its own is another judgement: the first label stays the service's rating
    text = ("While overall Anytown YJS has been rated as “requires improvement”, areas of its support are classed "
            "as “inadequate”.")
    assert ("Overall", "Requires improvement") in _labels(text)


def test_a_sentence_ending_in_a_label_is_no_table_row():
    # a line that ends in a theme's label but has a verb is a clause: its subjects are read, not the whole line
    text = "Anytown YOT was inspected in 2019.\nGovernance, staffing and partnership work were each rated ‘Good’."
    assert _labels(text) == {("Governance and leadership", "Good"), ("Staff", "Good"), ("Partnership work", "Good")}


def test_a_noun_s_possessive_before_the_antecedent_area():
    assert _labels("The board’s leadership impressed inspectors, who rated it ‘Good’.") == {
        ("Governance and leadership", "Good")}


@pytest.mark.parametrize("text, expected", [
    ("Leadership in Anytown was graded as ‘Outstanding’, as was the work of its staff.",
     {("Governance and leadership", "Outstanding"), ("Staff", "Outstanding")}),
    # after the service's own rating, and after "overall"
    (INSPECTED_2022 + "Northshire YJS was rated good, as was its work with children on court orders.",
     {("Overall", "Good"), ("Court disposals", "Good")}),
    (INSPECTED_2022 + "Northshire YJS was rated ‘Good’ overall, as were its leadership and its staffing.",
     {("Overall", "Good"), ("Governance and leadership", "Good"), ("Staff", "Good")}),
    # counter-example: another service compared names no area
    (INSPECTED_2022 + "Northshire YJS was rated ‘Good’, as was Eastshire’s.", {("Overall", "Good")}),
    # after a rating noun, and "and so" with the verb before its subject
    ("Leadership received a ‘Good’ rating, and so did staffing.",
     {("Governance and leadership", "Good"), ("Staff", "Good")}),
    ("Leadership has improved to ‘Good’, and so has staffing.",
     {("Governance and leadership", "Good"), ("Staff", "Good")}),
    (INSPECTED_2022 + "Northshire YJS received a ‘Good’ rating, and so did Eastshire.", {("Overall", "Good")}),
    # "and so" without a comma, "so too", the active verb's subject before "did", the verb and then "too"
    ("Leadership in Westshire was ‘Good’ and so was staffing.",
     {("Governance and leadership", "Good"), ("Staff", "Good")}),
    ("Staffing in Westshire was ‘Outstanding’, and so too were its partnerships.",
     {("Staff", "Outstanding"), ("Partnerships and services", "Outstanding")}),
    ("Inspectors rated leadership in Westshire ‘Good’, as they did its staff and partnerships.",
     {("Governance and leadership", "Good"), ("Staff", "Good"), ("Partnerships and services", "Good")}),
    ("Leadership in Westshire was rated ‘Good’ and its staffing was too.",
     {("Governance and leadership", "Good"), ("Staff", "Good")}),
    # after a dash
    ("Court work in Westshire was ‘Good’ – as was its out-of-court work.",
     {("Court disposals", "Good"), ("Out-of-court disposals", "Good")}),
    # counter-example: the same label at another time is no second subject
    (INSPECTED_2022 + "Leadership and staffing were rated ‘Good’, as they were in 2019.",
     {("Governance and leadership", "Good"), ("Staff", "Good")}),
])
def test_a_comparative_clause_gives_a_second_subject_the_label(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text", [
    "Northshire YJS was rated ‘Good’, as was the case in 2019.",
    "Northshire YJS was rated ‘Good’, as it was in 2019.",
])
def test_the_year_of_a_comparison_with_the_last_inspection_is_not_the_label_s(text):
    assert _ratings(INSPECTED_2022 + text) == [("overall", None, "Overall", "Good")]


@pytest.mark.parametrize("text", [
    "In 2019 the service was rated ‘Inadequate’.",
    "Back in 2019, the service was rated ‘Inadequate’.",
    "The service was rated ‘Inadequate’ in 2019.",
])
def test_a_year_before_the_inspection_opening_the_sentence_makes_the_label_previous(text):
    assert _ratings(INSPECTED_2022 + text) == [("previous", None, "Overall", "Inadequate")]


@pytest.mark.parametrize("text", [
    "Inspectors graded Northshire YOT ‘Requires improvement’, the same grade as in 2019.",
    "Inspectors graded Northshire YOT ‘Requires improvement’, as it was in 2019.",
    "Inspectors graded Northshire YOT ‘Requires improvement’, an improvement on its last inspection in 2019.",
    "Inspectors graded Northshire YOT ‘Requires improvement’, better than at its last inspection in 2019.",
    # the rating kept
    "Inspectors graded Northshire YOT ‘Requires improvement’, as they did in 2019.",
    "Northshire YOT's ‘Requires improvement’ rating is unchanged from 2019.",
    "Northshire YOT's overall grade, ‘Requires improvement’, matches the one given in 2019.",
])
def test_a_label_compared_with_an_earlier_years_is_todays(text):
    assert _ratings(INSPECTED_2022 + text) == [("overall", None, "Overall", "Requires improvement")]


@pytest.mark.parametrize("text", [
    "We have rated Northshire YJS as ‘Requires improvement’ – the same rating as at its last inspection.",
    "Inspectors graded Northshire YOT ‘Requires improvement’, as at its last inspection.",
])
def test_a_label_the_same_as_at_the_last_inspection_is_todays(text):
    assert _ratings(INSPECTED_2022 + text) == [("overall", None, "Overall", "Requires improvement")]


@pytest.mark.parametrize("text, today, before", [
    ("Northshire's rating improved from ‘Inadequate’ to ‘Good’.", "Good", "Inadequate"),
    ("Northshire was downgraded from ‘Good’ to ‘Requires improvement’.", "Requires improvement", "Good"),
    ("Northshire's rating of ‘Good’ was a step up from the ‘Inadequate’ it got last time.", "Good", "Inadequate"),
])
def test_a_change_of_rating_gives_both(text, today, before):
    assert sorted(_ratings(INSPECTED_2022 + text)) == [("overall", None, "Overall", today),
                                                  ("previous", None, "Overall", before)]


@pytest.mark.parametrize("text, expected", [
    ("Its previous rating was ‘Inadequate’.", [("previous", None, "Overall", "Inadequate")]),
    ("Its latest inspection rating is ‘Good’.", [("overall", None, "Overall", "Good")]),
    # what the phrase names inside it is what is rated
    ("The latest rating for staff was ‘Outstanding’.", [("standard", "1.2", "Staff", "Outstanding")]),
])
def test_the_services_rating_named_by_its_time(text, expected):
    assert _ratings(INSPECTED_2022 + text) == expected


def test_a_rating_kept_is_todays():
    text = "Anytown’s youth justice service remains ‘Good’, the same grade it received in 2016."
    assert _ratings(text) == [("overall", None, "Overall", "Good")]
    # the past's, in the past tense
    text = ("Anytown YJS was inspected in 2023.\nBefore that, Anytown’s service had remained ‘Inadequate’ for "
            "years, the grade it received in 2016.")
    assert [r[0] for r in _ratings(text)] == ["previous"]


def test_what_a_service_provides_in_a_for_phrase():
    # a verb of provision and a quantity before the area: "for providing a wide range of support to ..."
    text = JOINT + "It also received a good rating for providing a wide range of support to reduce reoffending."
    assert _labels(text) == {("Interventions to reduce reoffending", "Good")}
    # more than one other word before the area: not what the label is for
    text = JOINT + "It also received a good rating, after years of weak support to reduce reoffending."
    assert _labels(text) == set()


def test_the_list_after_an_inverted_verb():
    text = JOINT + ("Among the areas found to be \"satisfactory\" were public protection, child protection and "
                    "governance.")
    assert _labels(text) == {("Protecting the public", "Satisfactory"),
                             ("Protecting children and young people", "Satisfactory"),
                             ("Governance and partnerships", "Satisfactory")}


@pytest.mark.parametrize("text", [
    JOINT + "Inspectors judged that work to make sure sentences are served in Northshire was satisfactory.",
    JOINT + "Northshire's work to ensure sentences were served was satisfactory.",
    # a noun of the work itself before the theme's name
    JOINT + "In Northshire, monitoring to make sure sentences are served was rated satisfactory.",
])
def test_an_everyday_name_of_a_theme(text):
    assert _labels(text) == {("Ensuring the sentence is served", "Satisfactory")}


# ------------------------------------------------------------------ clauses and the subject the label rates
@pytest.mark.parametrize("text, expected", [
    # "requires improvement" the verb after a verb of judging: the infinitive's "to", not "downgraded to"
    ("Planning for children on court orders in Eastshire was found to ‘require improvement’.",
     {("Court disposals: Planning", "Requires improvement")}),
    ("Eastshire Youth Justice Service was inspected in May.\nThe service was judged to require improvement.",
     {("Overall", "Requires improvement")}),
    # a passive verb of telling opens the clause whose subject is rated
    ("Eastshire Youth Justice Service was inspected in May.\nThe service was told its information and facilities "
     "‘require improvement’.", {("Information and facilities", "Requires improvement")}),
    # a whole clause joined by ", and" is not part of the next clause's subject: supervision is rated, not
    # the staff who spoke, nor the service that "they" might be
    ("Eastshire Youth Justice Service was inspected in May.\nStaff told inspectors they felt well supported, and "
     "the quality of supervision was good.", set()),
    ("Eastshire Youth Justice Service was inspected in May.\nGovernance and leadership, staff, and partnerships "
     "and services were all rated ‘Good’.", {("Governance and leadership", "Good"), ("Staff", "Good"),
                                             ("Partnerships and services", "Good")}),
    # ", however," before the verb is an aside inside the clause
    ("Eastshire Youth Justice Service was inspected in May.\nCourt work, however, was judged as ‘requires "
     "improvement’.", {("Court disposals", "Requires improvement")}),
    # a gloss of the label's place on the scale does not make the sentence a definition of the scale
    ("Eastshire Youth Justice Service was inspected in May.\nOverall, inspectors gave the service a ‘Requires "
     "improvement’ rating - the second lowest of four grades.", {("Overall", "Requires improvement")}),
    # a compound noun's head is its last noun: "governance oversight" is oversight, not the governance theme
    (JOINT + "Governance oversight of case files in Northshire was judged poor.", set()),
    ("Eastshire Youth Justice Service was inspected in May.\nStaff turnover was rated as a ‘Good’ sign.", set()),
    ("Eastshire Youth Justice Service was inspected in May.\nStaff morale was good, inspectors said, and staffing "
     "was rated ‘Outstanding’.", {("Staff", "Outstanding")}),
    # "an overall rating" is the service's, whatever areas the clause named before it
    ("An inspection of youth justice work with children and victims in Eastshire, 2025.\nInspectors rated work "
     "with children as ‘Good’ and work with victims as ‘Outstanding’, giving an overall rating of ‘Good’.",
     {("Work with children", "Good"), ("Work with victims", "Outstanding"), ("Overall", "Good")}),
    # "and" without a comma may close a clause inside a noun phrase: the list goes on across it
    ("Eastshire Youth Justice Service was inspected in May.\nInspectors rated the way children are assessed, the "
     "delivery of services and reviewing as ‘outstanding’.",
     {("Assessment", "Outstanding"), ("Implementation and delivery", "Outstanding"), ("Reviewing", "Outstanding")}),
    ("Eastshire Youth Justice Service was inspected in May.\nWork with children who have been released from custody "
     "and their families was rated ‘Good’.", {("Resettlement policy and provision", "Good")}),
    # a lead-in that is no place ("in her summary ...") is not stripped to leave a subject of the clause before
    ("Eastshire Youth Justice Service was inspected in May.\nThe lead inspector wrote in her summary of the visit, "
     "managers were ‘supportive and visible’ and several parts of the work were ‘Good’.", set()),
    # the standard the subject names, in the domain the complement names
    ("Eastshire Youth Justice Service was inspected in May.\nPlanning was judged ‘Good’ for court cases.",
     {("Court disposals: Planning", "Good")}),
    # a comma insert that holds an earlier label: the subject is the words before it; "since 2019" after
    # "inspection" dates the earlier inspection, not this rating
    ("Eastshire Youth Justice Service was inspected in 2023.\nIn its first inspection since 2019, Eastshire was "
     "rated ‘Good’.", {("Overall", "Good")}),
    # a bare label for a complement after "but" takes the standard of the clause before in its own domain
    ("Eastshire Youth Justice Service was inspected in May.\nPlanning was judged ‘Good’ for court cases but "
     "‘Inadequate’ for out-of-court cases.",
     {("Court disposals: Planning", "Good"), ("Out-of-court disposals: Planning", "Inadequate")}),
    ("Eastshire Youth Justice Service was inspected in May.\nStaff were ‘Outstanding’ but ‘Good’ was the verdict "
     "overall.", {("Staff", "Outstanding"), ("Overall", "Good")}),
    # "ranked" is a rating verb too
    ("Eastshire Youth Justice Service was inspected in May.\nInspectors have ranked the service as outstanding.",
     {("Overall", "Outstanding")}),
    # a relative label in the plural; the label heading a list of areas; a count of some of an area's parts
    ("Eastshire Youth Justice Service was inspected in May.\nInspectors gave top marks to the service's "
     "partnership work.", {("Partnership work", "Outstanding")}),
    ("Eastshire Youth Justice Service was inspected in May.\nOutstanding: staff, partnerships and services.",
     {("Staff", "Outstanding"), ("Partnerships and services", "Outstanding")}),
    ("Eastshire Youth Justice Service was inspected in May.\nThree of the four areas of resettlement work were "
     "judged ‘Good’.", set()),
])
def test_the_clause_whose_subject_the_label_rates(text, expected):
    assert _labels(text) == expected


def test_a_bracketed_clause_keeps_its_previously_to_itself():
    text = ("Eastshire Youth Justice Service was inspected in May.\nThe inspection rated it as ‘Good’ (it was "
            "previously rated ‘Requires improvement’).")
    assert [(scope, label) for scope, _, _, label in _ratings(text)] == [("overall", "Good"),
                                                                        ("previous", "Requires improvement")]


def test_a_comma_insert_with_an_earlier_label_leaves_the_subject_before_it():
    text = ("Eastshire Youth Justice Service was inspected in 2023.\nThe service, rated ‘Inadequate’ in 2019, has now "
            "been rated ‘Good’.")
    assert [(scope, label) for scope, _, _, label in _ratings(text)] == [("previous", "Inadequate"),
                                                                        ("overall", "Good")]


def test_a_label_placed_years_ago_is_the_previous_inspections():
    text = ("Eastshire Youth Justice Service was inspected in 2023.\nThe ‘Good’ rating follows a ‘Requires "
            "improvement’ verdict three years ago.")
    assert [(scope, label) for scope, _, _, label in _ratings(text)] == [("overall", "Good"),
                                                                        ("previous", "Requires improvement")]


# ------------------------------------------------------------------ what the label is given to, or for
@pytest.mark.parametrize("text, expected", [
    ("Inspectors handed the lowest grade, ‘Inadequate’, to Westshire's out-of-court work.",
     {("Out-of-court disposals", "Inadequate")}),
    ("The inspectorate awarded ‘Outstanding’ grades to staff and to leadership in Westshire.",
     {("Staff", "Outstanding"), ("Governance and leadership", "Outstanding")}),
    # "to" opening a purpose is no recipient: the service is what was rated
    ("Westshire Youth Justice Service was inspected in May.\nInspectors gave the service a ‘Good’ rating to "
     "recognise its work.", {("Overall", "Good")}),
    # plural rating nouns, and a list of for-phrases that opens with "staff" (no dedication to people)
    ("Westshire Youth Justice Service was inspected in May.\nThe service received a rating of ‘Good’, with "
     "‘Outstanding’ judgements for staff and for partnerships.",
     {("Overall", "Good"), ("Staff", "Outstanding"), ("Partnerships and services", "Outstanding")}),
    ("Westshire Youth Justice Service was inspected in May.\nInspectors rated it ‘Outstanding’, a credit to staff "
     "and volunteers of the service.", {("Overall", "Outstanding")}),
])
def test_what_the_label_is_given_to_or_for(text, expected):
    assert _labels(text) == expected


# ------------------------------------------------------------------ the service by another name
@pytest.mark.parametrize("text", [
    "Northshire Youth Justice Service was inspected in May.\nInspectors rated the local authority as ‘Good’.",
    "Northshire Youth Justice Service was inspected in May.\nInspectors found the council-led team “requires "
    "improvement”.",
    "Northshire Youth Justice Service was inspected in May.\nHer Majesty’s Inspectorate of Probation gave "
    "Northshire YJS a rating of ‘Good’.",
])
def test_the_service_by_an_alias_gets_the_overall_rating(text):
    assert [scope for scope, *_ in _ratings(text)] == ["overall"]


# ------------------------------------------------------------------ the core case inspections' levels
@pytest.mark.parametrize("text, expected", [
    # coordinated phrases with a gerund of the work: each names an area
    ("Overall, the YOT was judged to need substantial improvement in safeguarding and in managing risk of harm.",
     {"Safeguarding", "Risk of harm"}),
    # the level opening the sentence, its area after "is required in"
    ("Drastic improvement is required in the public protection work of the YOT.", {"Public protection"}),
])
def test_a_core_case_level_for_the_areas_after_it(text, expected):
    assert {subject for _, _, subject, _ in _ratings(CORE_CASE + text)} == expected


@pytest.mark.parametrize("text, label", [
    # the level as written (SPEC: "label as written in sentence case"): "required" when the text says the
    # improvement is required or needed
    ("Safeguarding work in Northshire requires moderate improvement.", "Moderate improvement required"),
    ("Safeguarding work in Northshire was in need of ‘drastic improvement’.", "Drastic improvement required"),
    ("In Northshire, substantial improvement is also required in safeguarding work.", "Substantial improvement required"),
    ("Safeguarding in Northshire: 61% – SUBSTANTIAL improvement required", "Substantial improvement required"),
    # ... and the level alone when it does not
    ("Northshire must make a ‘moderate improvement’ in safeguarding work.", "Moderate improvement"),
])
def test_a_core_case_level_is_labelled_as_written(text, label):
    assert [found for _, _, _, found in _ratings(CORE_CASE + text)] == [label]


def test_a_level_of_improvement_to_a_part_of_the_work():
    text = CORE_CASE + "Northshire's youth offending team must make ‘substantial’ improvements to its safeguarding work."
    assert _ratings(text) == [("theme", None, "Safeguarding", "Substantial improvement")]
    # "to" before anything but the work names no area
    assert _ratings(CORE_CASE + "Northshire YOT was rated ‘Good’ to the delight of its staff.") == []


@pytest.mark.parametrize("text, subject, label", [
    (CORE_CASE + "Safeguarding in Northshire was found to be requiring moderate improvement.", "Safeguarding",
     "Moderate improvement required"),
    (CORE_CASE + "Child-protection work reached only 41%, with drastic improvement required, the report said.",
     "Safeguarding", "Drastic improvement required"),
    (CORE_CASE + "Northshire needs ‘substantial’ improvement to protect the public.", "Risk of harm to others",
     "Substantial improvement required"),
])
def test_core_case_levels_as_verbs_and_after_a_score(text, subject, label):
    assert _labels(text) == {(subject, label)}


@pytest.mark.parametrize("text, label", [
    (JOINT + "Inspectors judged work to protect the public ineffective.", "Ineffective"),
    (JOINT + "Overall, governance was not effective.", "Not effective"),
])
def test_joint_inspection_judgements_outside_todays_vocabulary(text, label):
    assert {found for _, found in _labels(text)} == {label}


# ------------------------------------------------------------------ labels that are no rating
@pytest.mark.parametrize("text", [
    "Staff from the Anytown service held up a banner reading 'rated Outstanding'.",
    "Anytown YJS was rated ‘Good’.\nThis is a well-deserved ‘Good’ rating for the staff of Anytown YJS.",
    "Anytown YJS was rated ‘Good’.\nStaff are good at engaging families.",
    "Anytown YJS was rated ‘Good’.\nInspectors found staff were skilled, which translated into a good quality of practice.",
])
def test_a_label_near_a_standards_name_is_no_rating_of_that_standard(text):
    assert all(scope == "overall" for scope, *_ in _ratings(text)), _ratings(text)


@pytest.mark.parametrize("text, expected", [
    # an earlier label in an insert between the subject and its verb, with or without a verb of its own
    ("Information and facilities in Westshire, previously ‘Inadequate’, are now rated ‘Good’.",
     {("previous", "Information and facilities", "Inadequate"), ("standard", "Information and facilities", "Good")}),
    ("Staffing in Westshire, once rated ‘Inadequate’, was judged ‘Good’ this time.",
     {("previous", "Staff", "Inadequate"), ("standard", "Staff", "Good")}),
    # the insert's "previously" is its own label's time, not the clause's
    ("Staffing in Westshire, previously rated ‘Inadequate’, was judged ‘Good’ this time.",
     {("previous", "Staff", "Inadequate"), ("standard", "Staff", "Good")}),
])
def test_an_earlier_label_in_an_insert_is_the_previous_inspections(text, expected):
    assert {(scope, subject, label) for scope, _, subject, label in _ratings(text)} == expected


@pytest.mark.parametrize("text, expected", [
    # an earlier label in an insert after the label: the same subject's, at the earlier time
    ("Leadership in Westshire was rated ‘Good’, previously ‘Inadequate’.",
     {("standard", "Governance and leadership", "Good"), ("previous", "Governance and leadership", "Inadequate")}),
    ("Westshire YJS was rated ‘Good’ (formerly ‘Requires improvement’).",
     {("overall", "Overall", "Good"), ("previous", "Overall", "Requires improvement")}),
    # a council's summary line: the heading before a colon, the label, and the earlier one in brackets
    (INSPECTED_2022 + "Overall rating: Good (previously Requires improvement).",
     {("overall", "Overall", "Good"), ("previous", "Overall", "Requires improvement")}),
    (INSPECTED_2022 + "Overall rating: Good (Requires improvement in 2019).",
     {("overall", "Overall", "Good"), ("previous", "Overall", "Requires improvement")}),
    # counter-example: after a label with no subject, the earlier one has none either
    (INSPECTED_2022 + "Rating: Requires improvement (previously Good).", set()),
])
def test_an_earlier_label_in_an_insert_after_the_label_is_the_same_subjects(text, expected):
    assert {(scope, subject, label) for scope, _, subject, label in _ratings(text)} == expected


@pytest.mark.parametrize("text, expected", [
    # the service's own name, another's rating
    ("Northshire's neighbouring service in Eastshire was rated ‘Inadequate’.", []),
    ("Northshire's neighbouring youth offending team was rated ‘Inadequate’.", []),
    # counter-example: the other service in an aside between commas
    ("Northshire YJS, like another service in the region, was rated ‘Good’.", [("overall", None, "Overall", "Good")]),
])
def test_a_service_named_as_another_is_not_this_one(text, expected):
    assert _ratings(INSPECTED_2022 + text) == expected


@pytest.mark.parametrize("text", [
    "Northshire Youth Justice Service was inspected in 2022.\nNorthshire's canteen was rated ‘Good’ by diners.",
    "Northshire Youth Justice Service was inspected in 2022.\nNorthshire's libraries were judged ‘Outstanding’.",
])
def test_something_of_the_services_place_that_no_vocabulary_names_is_not_the_service(text):
    assert _ratings(text) == []


@pytest.mark.parametrize("text, reason", [
    # what another party told the inspectors, or said by name after the label, is its own opinion
    ("Staff in Westshire told inspectors that leadership was good and visible.", "speaker_opinion"),
    ("The Youth Justice Board described Westshire's leadership as outstanding.", "speaker_opinion"),
    ("Leadership in Westshire is good, according to the chair of its board.", "speaker_opinion"),
    # a share of cases in words describes the cases, not the standard
    ("Planning in Westshire was inadequate in a third of cases.", "ordinary_word"),
    ("Reviewing in Westshire was good in two-thirds of the cases inspected.", "ordinary_word"),
])
def test_a_label_that_is_anothers_opinion_or_a_share_of_cases_is_no_rating(text, reason):
    assert _ratings(INSPECTED_2022 + text) == []
    assert [r for _, r in _set_aside(INSPECTED_2022 + text)] == [reason]


@pytest.mark.parametrize("text, expected", [
    # people in a speaker's title are no survey's respondents: the label is the inspectors'
    ("Councillor Ann Lee, the lead member for children in Northshire, said the ‘Good’ rating was deserved.",
     [("overall", None, "Overall", "Good")]),
    ("Jo Bloggs, Director of Children’s Services, said the service’s ‘Requires improvement’ judgement was fair.",
     [("overall", None, "Overall", "Requires improvement")]),
    # a survey's respondents talking about the inspectors' rating
    ("Parents said the ‘Outstanding’ rating was well deserved.", [("overall", None, "Overall", "Outstanding")]),
    # counter-example: the respondents' own judgement
    ("A third of the parents asked rated the help as ‘poor’.", []),
])
def test_people_in_a_speakers_title_are_not_a_surveys_respondents(text, expected):
    assert _ratings(INSPECTED_2022 + text) == expected


# ------------------------------------------------------------------ who speaks, and which service
@pytest.mark.parametrize("text, doc_type", [
    ("Anytown YOT rated ‘Good’\nAn HM Inspectorate of Probation inspection of Anytown has found its youth "
     "offending team to be ‘Good’.\nDirector of Operations Anne Example said: “Staff were committed.”",
     "press_release"),
    ("Anytown YOT rated ‘Good’\nReporter: Anne Example\nDate published: 3 March 2021\nAnytown YOT has been rated "
     "‘Good’. Chief Inspector of Probation, Anne Example, said: “Staff were committed.”", "other"),
    ("AGENDA ITEM 7\nCabinet meeting\nThe Youth Justice Service was rated ‘Good’ by HM Inspectorate of Probation.",
     "other"),
    # a byline with the reporter's employer, a quote of the Chief Inspector: another party's story
    ("Youth justice service rated good\nBy Anne Example, Local Democracy Reporting Service\nAnytown's youth justice "
     "service has been rated ‘Good’. Chief Inspector of Probation Anne Other said: “We found a committed service.”",
     "other"),
    # a council's copy of the Inspectorate's release that says whose it is: the Inspectorate's text, dated by the
    # council's page
    ("Anytown YJS rated as 'Good'\nDate: 01/02/2025\nPress release from HM Inspectorate of Probation\nAnytown Youth "
     "Justice Service has received an overall rating of ‘Good’ following an inspection by HM Inspectorate of "
     "Probation.", "press_release"),
    # the Chief Inspector quoted, and then the service's own chair: a council's story, not the Inspectorate's
    ("Anytown YJS rated ‘Good’\nThe report, published today, praised its staff.\nChief Inspector of Probation, "
     "Anne Example, said: “Staff were committed.”\nChair of the Anytown YJS board Jo Bloggs said: “We are proud.”",
     "other"),
    # a story that mentions the release is the story's
    ("Anytown YJS rated as 'Good'\nDate: 01/02/2025\nA press release from HM Inspectorate of Probation was "
     "welcomed by Cllr Anne Example, who said Anytown's youth justice service deserved its ‘Good’ rating.", "other"),
    # a lede that names its source last, then the Chief Inspector quoted: a newspaper's story of a release
    ("Services diverting children from court vary widely, inspectors have found.\nA total of 20 youth justice "
     "services were inspected. Chief Inspector of Probation Anne Example said: “Practice is inconsistent.”",
     "other"),
    # the Inspectorate's own opening names itself first
    ("Services diverting children from court vary widely\nHM Inspectorate of Probation found wide variation in "
     "practice. Chief Inspector of Probation Anne Example said: “Practice is inconsistent.”", "press_release"),
    # the rating's agent in a passive, then the Chief Inspector quoted: a newspaper's story
    ("Every part of Northshire Youth Offending Service has been rated ‘inadequate’ by inspectors.\nChief Inspector "
     "of Probation Anne Example said: “These findings are disappointing.”", "other"),
    ("Northshire YOT was given the lowest possible rating by HM Inspectorate of Probation.\nChief Inspector of "
     "Probation Anne Example said: “We had serious concerns.”", "other"),
    # the Inspectorate's name with an article, as others write it
    ("Inspectors found staff at Northshire YOT lacked training, and the HM Inspectorate of Probation revealed gaps "
     "in its records.\nChief Inspector of Probation Anne Example said: “We had serious concerns.”", "other"),
    # a news site's label over its picture
    ("Image caption\nStaff at the Northshire centre\nNorthshire YOT needs to improve. Chief Inspector of Probation "
     "Anne Example said: “We had serious concerns.”", "other"),
    # counter-examples: the Inspectorate's release names what it rated in the active voice, or its inspectors
    # before the label
    ("Northshire's youth offending service was judged by our inspectors to be ‘Good’.\nChief "
     "Inspector of Probation Anne Example said: “Staff were committed.”", "press_release"),
    ("Northshire YOT rated ‘Inadequate’\nWe rated Northshire Youth Offending Team as ‘Inadequate’.\nChief "
     "Inspector of Probation Anne Example said: “We had serious concerns.”", "press_release"),
    # the Inspectorate saying so as it publishes its own annual report
    ("Services praised in annual report\nMore services were rated ‘Good’ this year, says HM Inspectorate of "
     "Probation on the publication of its annual report on youth justice services.\nRead the report here.",
     "press_release"),
    ("Services praised\nHM Inspectorate of Probation has welcomed better results across youth justice services on "
     "the publication of its annual report.\nMost services were rated ‘Good’.", "press_release"),
    # the Chief Inspector named as the one who published the report today
    ("Positive inspection for Westshire youth offending work\nToday Anne Example, HM Chief Inspector of Probation, "
     "published the report on the latest inspection of youth offending work in Westshire.", "press_release"),
    # the Inspectorate's Director of Operations quoted, a colon straight after the name
    ("Northshire YJS rated Good\nNorthshire YJS was rated Good.\nDirector of Operations Anne Example: “This is a "
     "service that knows its children.”", "press_release"),
    # a retelling after the event, quoting the Chief Inspector: the report in the past, the inspection "after"
    ("Westshire YJS celebrates\nThe rating was given after an inspection by HM Inspectorate of Probation.\nChief "
     "Inspector of Probation, Anne Example, said: “Staff know their children.”\nThe report made three "
     "recommendations for the Westshire board.", "other"),
    ("Westshire Youth Justice Service has received a ‘Good’ rating after an inspection by HM Inspectorate of "
     "Probation.\nChief Inspector of Probation, Anne Example, said: “Staff know their children.”", "other"),
    # the Inspectorate named as another party names it: "the probation inspectorate", the agent of a passive rating
    ("Northshire youth service praised\nThe youth justice service in Northshire has been rated Good by the probation "
     "inspectorate. Chief Inspector of Probation Anne Example said: “A service with much to be proud of.”", "other"),
    # counter-example: the release's own words on the day it publishes
    ("Westshire Youth Justice Service has received an overall rating of ‘Good’ following an inspection by HM "
     "Inspectorate of Probation.\nChief Inspector of Probation, Anne Example, said: “Staff know their children.”\n"
     "The report makes three recommendations for the Westshire board.", "press_release"),
    # the release's passive names the inspection's agent, not the rating's: still the Inspectorate's voice
    ("Westshire YJS rated ‘Good’\nWestshire Youth Justice Service has been rated ‘Good’ following an inspection by "
     "HM Inspectorate of Probation.\nWe inspected the service in May and found committed staff.", "press_release"),
    # the Inspectorate's blog, by its furniture: another kind of page than a release
    ("Blog: a year of youth justice inspections\nPosted by the Chief Inspector\nThis year we inspected 30 services "
     "and found most of them ‘Good’.", "other"),
    # a bilingual title, each language's between slashes
    ("Adroddiad Blynyddol / Annual Report 2023\nHM Inspectorate of Probation\nServices were rated Good.",
     "annual_report"),
    # a release's sentences under a lede that judges the inspection in the teller's words
    ("Children in Westshire are not kept safe, a damning inspection has said.\nWestshire Youth Justice Service has "
     "received an overall rating of ‘Inadequate’ following an inspection by HM Inspectorate of Probation.\nChief "
     "Inspector of Probation, Anne Example, said: “Immediate action is needed.”", "other"),
    # counter-example: another party's summary that cites the annual report, its publisher after a comma
    ("Youth services reviewed\nAnnual report: inspection of youth offending services (2030-2031), HM Inspectorate of "
     "Probation, October 2031\nThe charity read the report: 3 services were rated ‘Outstanding’.", "other"),
])
def test_doc_type_weighs_who_speaks(text, doc_type):
    assert document.doc_type(parse(text)) == doc_type


@pytest.mark.parametrize("text, sector", [
    ("A total of 26 youth offending services were inspected over the year. Westshire Youth Offending Service was one "
     "of three to receive the highest ‘outstanding’ grade, while Eastshire Youth Justice Service was rated ‘good’.",
     True),
    ("Of the 16 services we inspected, one was rated ‘Outstanding’.", True),
    ("Westshire Youth Offending Service, one of the 26 services inspected this year, was rated ‘Good’.", False),
])
def test_a_count_of_the_services_inspected_makes_a_sector_document(text, sector):
    doc = parse(text)
    assert (document.scope(doc) == "sector") == sector
    assert (ratings.extract(doc).facts == []) == sector


@pytest.mark.parametrize("text, scope", [
    # places listed before one plural kind: several services
    ("Youth justice inspections in the North East\nGateshead, Sunderland and South Tyneside youth justice services "
     "were all inspected in 2023.", "multiple"),
    # ... not one service beside a neighbour named with its own kind
    ("Northshire YJS rated Good\nThe service joins neighbouring Southshire YJS, which was rated Good in 2022.",
     "single"),
])
def test_places_listed_before_a_plural_kind_are_several_services(text, scope):
    assert document.scope(parse(text)) == scope


@pytest.mark.parametrize("text, service", [
    # "and" inside the name
    ("Anytown Youth Justice and Family Support Service has been rated ‘Good’ by inspectors.",
     "Anytown Youth Justice and Family Support Service"),
    ("Wokingham Prevention and Youth Justice Service has been rated ‘Good’ by inspectors.",
     "Wokingham Prevention and Youth Justice Service"),
    # a place the register knows, not a project's name before the kind
    ("Bury Council has praised its staff.\nThe Evidence Based Hub Youth Offending Team worked with Bury Youth "
     "Offending Team.", "Bury Youth Offending Team"),
    # a council's name ending a sentence is not the start of the service's name
    ("The report went to Sheffield City Council. Youth Justice Service staff were thanked by the Sheffield "
     "Youth Justice Service manager.", "Sheffield Youth Justice Service"),
    ("The Vale of Glamorgan Youth Offending Service has been rated ‘Good’.",
     "Vale of Glamorgan Youth Offending Service"),
    # a register name with a comma in it
    ("Inspectors praised Bournemouth, Christchurch and Poole's youth justice service.",
     "Bournemouth, Christchurch and Poole Youth Justice Service"),
    # a title's colon before the area (only a place of the register: "Youth Offending Work: Positive Progress")
    ("Inspection of youth justice work: Rutland\nThe service was rated ‘Good’.", "Rutland"),
    # the 2024 programme's title names the area inspected, with no kind of service after it
    ("An inspection of youth justice work with children and victims in Rutland, 2025.\nRutland was rated ‘Good’.",
     "Rutland"),
    ("Inspection of Youth Offending Work: Positive Progress in Rutland\nRutland Youth Offending Service was praised.",
     "Rutland Youth Offending Service"),
    # a headline over two services names each; the story leads with its own
    ("Youth Justice Services In Halton and Rutland \"Require Improvement\"\nInspectors rated Rutland Youth Justice "
     "Service as requiring improvement.\nA second service, Halton Youth Offending Service, was also inspected.",
     "Rutland Youth Justice Service"),
    # the kind before the place, with no word between (a place of the register only)
    ("Youth Justice Service Halton rated Good\nInspectors rated Youth Justice Service Halton ‘Good’.",
     "Halton Youth Justice Service"),
    ("Youth Offending Team Manager Anne Example welcomed the ‘Good’ rating of Rutland YOT.",
     "Rutland Youth Offending Team"),
    # a name that opens a quotation
    ("Inspectors visited in May and rated the team ‘Good’.\nThe Chief Inspector said: “Anytown YOT is a service "
     "that listens to children.”", "Anytown Youth Offending Team"),
])
def test_service_names(text, service):
    assert document.service(parse(text))[0] == service


@pytest.mark.parametrize("text, service", [
    # a council's paper names the service by its kind, and its place apart
    ("Agenda item\nYouth Offending Service Inspection\nMembers noted the inspection of the Youth Offending Service. "
     "In fact Rutland was one of the first areas inspected.", ("Rutland Youth Offending Service", "rutland")),
    ("Subject: Youth Justice Service\nThe Youth Justice Service was inspected in May. Rutland County Council "
     "welcomed the report.", ("Rutland Youth Justice Service", "rutland")),
    # the service's own management board names its place
    ("Minutes:\nThe Committee received the Youth Justice Service inspection report. The plan was endorsed by the "
     "Rutland Youth Justice Management Board.", ("Rutland Youth Justice Service", "rutland")),
    # a place inside another body's name is that body's
    ("Agenda item\nYouth Justice Service Inspection\nThe Chair welcomed the Director of Finance, Rutland & Stamford "
     "Community Trust, to the item on the Youth Justice Service.", (None, None)),
    ("Agenda item\nThe Youth Offending Service report will go to the Safer Rutland Partnership.", (None, None)),
    # no place, or two: the paper does not say which service
    ("Cabinet\nOutcome of the Inspection of the Youth Offending Service\nThe Youth Offending Service was "
     "inspected in March.", (None, None)),
    ("Agenda item\nThe Youth Justice Service was inspected. Rutland and Halton were both visited.", (None, None)),
    # a described kind or an abbreviation names no service on its own
    ("Agenda item\nThe youth offending team was inspected. Rutland was one of the first areas.", (None, None)),
    # a council's full title after its place: "Metropolitan Borough", "County Borough"
    ("Report of the Director of Children's Services, Solihull Metropolitan Borough Council\nYouth Offending "
     "Service Inspection\nThe service was rated Good.", ("Solihull Youth Offending Service", "solihull")),
    ("Rhondda Cynon Taf County Borough Council\nYouth Offending Service report\nThe service was rated Good.",
     ("Rhondda Cynon Taf Youth Offending Service", "rhondda-cynon-taff")),
])
def test_a_service_named_by_its_kind_alone(text, service):
    assert document.service(parse(text)) == service


@pytest.mark.parametrize("text, service", [
    # a register name written across a possessive
    ("Inspectors have praised Dorset’s combined youth justice service for its work with schools.",
     ("Dorset Combined Youth Justice Service", "dorset-combined")),
    # the possessor of a service the register names is not its place
    ("Inspectors visited Shropshire's West Mercia Youth Justice Service in May.",
     ("West Mercia Youth Justice Service", "west-mercia")),
    # a lower-case word alone is no part of a place
    ("Inspectors have praised Rutland’s excellent youth justice service. Rutland Youth Justice Service thanked them.",
     ("Rutland Youth Justice Service", "rutland")),
    # "with" joins a place's words only in a name the register has
    ("Blackburn with Darwen Youth Offending Team was rated ‘Good’ by inspectors.",
     ("Blackburn with Darwen Youth Offending Team", "blackburn-with-darwen")),
    ("Inspection of youth justice services in Blackburn with Darwen\nThe service was rated ‘Good’.",
     ("Blackburn with Darwen", "blackburn-with-darwen")),
    ("Inspection of youth offending work in Anytown with partners\nAnytown YOT was inspected.",
     ("Anytown Youth Offending Team", "anytown")),
    ("Work with Anytown Youth Justice Service was rated ‘Good’.", ("Anytown Youth Justice Service", "anytown")),
    # a name's leading "County", "Royal Borough", "City of" after "in"; an abbreviation with "&"; the Welsh
    # county's "Sir" and joiners "y", "ar" inside a register name only
    ("An inspection of youth justice services in County Durham\nThe service was rated ‘Good’.",
     ("County Durham", "county-durham")),
    ("The youth offending team in Royal Borough of Greenwich was rated ‘Good’.",
     ("Royal Borough of Greenwich Youth Offending Team", "greenwich")),
    ("The youth offending team in B&NES was rated ‘Good’.",
     ("B&NES Youth Offending Team", "bath-and-north-east-somerset")),
    ("Sir y Fflint YOT has been rated ‘Requires improvement’.", ("Sir y Fflint Youth Offending Team", "flintshire")),
    ("Inspection of youth justice services in Sir Anyone\nAnytown YJS was rated ‘Good’.",
     ("Anytown Youth Justice Service", "anytown")),
    # "the" before a register name after "in", and "of" inside a council's register name
    ("Report: Quality Screening by the Youth Offending Service in the Vale of Glamorgan\nThe Vale of Glamorgan "
     "Council noted the report.", ("Vale of Glamorgan Youth Offending Service", "vale-of-glamorgan")),
    # a bilingual name: the kind in Welsh, then the place, then the kind in English
    ("Gwasanaeth Cyfiawnder Ieuenctid Ceredigion Youth Justice Service has been rated ‘Good’.",
     ("Ceredigion Youth Justice Service", "ceredigion")),
    # two names of one place: the service's own, whichever is shorter, not the council's longer title for it
    ("The Royal Borough of Kingston upon Thames's Youth Justice Service was rated ‘Good’. The Chief Inspector "
     "said: “Kingston upon Thames YJS works closely with schools. Children in Kingston upon Thames are safer.”",
     ("Royal Borough of Kingston upon Thames Youth Justice Service", "kingston-upon-thames")),
    ("Inspectors rated Peterborough's Youth Justice Service ‘Good’. A director of the City of Peterborough Council "
     "welcomed the report.", ("Peterborough Youth Justice Service", "peterborough")),
    # the team at the council that runs it; a headline's "youth justice in <place>" (a place of the register)
    ("Inspectors praise youth team\nThe youth justice team at Peterborough City Council has been rated ‘Good’.",
     ("Peterborough Youth Justice Team", "peterborough")),
    ("Youth justice in Peterborough: service rated ‘Good’\nInspectors found the service well led.",
     ("Peterborough", "peterborough")),
    ("Youth justice in England: most services rated ‘Good’\nInspectors found services well led.", (None, None)),
    # a place written in capitals, as the register spells it (or each word capitalised but the joining ones)
    ("KINGSTON UPON THAMES YOUTH JUSTICE SERVICE RATED GOOD\nThe borough's youth justice service was rated good.",
     ("Kingston upon Thames Youth Justice Service", "kingston-upon-thames")),
    ("HALTON YOUTH JUSTICE SERVICE\nInspection outcome\nThe inspection rated the service as Good.",
     ("Halton Youth Justice Service", "halton")),
    ("NORTH ANYSHIRE-ON-SEA YOUTH JUSTICE SERVICE RATED GOOD\nThe youth justice service was rated good.",
     ("North Anyshire-on-Sea Youth Justice Service", "north-anyshire-on-sea")),
    # ... but not a role before a council's name, nor a region after "in the"
    ("The Leader of Anytown Council said the youth offending team in the North East had done well.",
     ("Anytown Youth Offending Team", "anytown")),
])
def test_a_register_name_is_read_whole(text, service):
    assert document.service(parse(text)) == service


def test_a_joint_service_named_by_its_authorities_in_another_order_is_that_service():
    # the register's joint service of two authorities, each named as it likes and in either order
    name, key = document.service(parse("The Isle of Anglesey and Gwynedd Youth Justice Service was rated ‘Good’."))
    assert name == "Isle of Anglesey and Gwynedd Youth Justice Service"
    assert key == document.service(parse("Gwynedd and Anglesey Youth Justice Service was rated ‘Good’."))[1]


def test_two_names_of_one_place_are_one_service_key():
    one = document.service(parse("Derby City Youth Justice Service was rated ‘Good’."))[1]
    two = document.service(parse("Derby Youth Offending Service was rated ‘Good’."))[1]
    assert one == two == "derby"


def test_listed_recommendations_that_name_their_owners():
    # council minutes: a sentence says the list follows, each bullet names who must act
    text = ("The inspection rated Westshire YJS ‘Good’ and made three recommendations:\n"
            "• The Westshire YJS Partnership Board should ensure that it receives data on disproportionality.\n"
            "• Westshire Police must share information about incidents more quickly.\n"
            "• review the quality of assessments of risk of harm.\n"
            "The Committee noted the report.")
    found = [(r.number, r.owner, r.text[:12]) for r in recommendations.extract(parse(text)).facts]
    assert found == [(1, "Westshire YJS Partnership Board", "ensure that "), (2, "Westshire Police", "share inform"),
                     (3, None, "review the q")]


def test_bullets_after_a_sentence_that_announces_no_recommendations_are_none():
    text = ("The inspection rated Westshire YJS ‘Good’. Inspectors praised:\n"
            "• The Westshire YJS Partnership Board should be proud of its staff.\n")
    assert recommendations.extract(parse(text)).facts == []


@pytest.mark.parametrize("sentence, count", [
    ("The service has been given seven recommendations for improvement.", 7),
    ("One of the four recommendations made to Anytown YOT is that it collects more data.", 4),
    # each owner's share, the later ones without their noun: their sum
    ("The report made two recommendations to Anytown Council and one to Anytown Police.", 3),
    ("There are four recommendations for the YJS and two for the management board.", 6),
    # a whole, then its shares: the whole
    ("The report made seven recommendations, four to the YJS and three to the board.", 7),
    ("Six recommendations were made, four for the Westshire board and two for the service.", 6),
    # an adverb before the count
    ("Inspectors made just one recommendation to Anytown YJS.", 1),
    # the inspection's own count, named by a possessive
    ("The service must now act on the report’s seven recommendations.", 7),
    ("Work has begun on the inspectors' five recommendations.", 5),
    # what the inspection ended in
    ("The inspection of Anytown YOT resulted in six recommendations.", 6),
])
def test_stated_recommendation_counts(sentence, count):
    assert recommendations.stated_count(parse(sentence)) == count


# ------------------------------------------------------------------ the role of a date
@pytest.mark.parametrize("text, role", [
    # a council's news page dates itself
    ("Anytown youth justice service praised\nReleased: 3 March 2021\nCouncillors welcomed the inspection of "
     "Anytown YJS.", "other"),
    # any tense of "take place" says when the inspectors were there
    ("Councillors discussed the inspection of the youth offending team that had taken place between 4 and 7 May "
     "2020.", "fieldwork"),
    # a report "out today"
    ("Anytown YOT news\nThe Inspectorate's report, out today (5 June 2023), rated Anytown ‘Good’.", "publication"),
    # the cover: the Inspectorate's imprint, then its date (with no comma, or on a line of its own)
    ("An inspection of youth offending services in Anytown HM Inspectorate of Probation March 2019\nContents",
     "publication"),
    ("An inspection of youth offending services in\n\nAnytown HM Inspectorate of Probation\n\nMarch 2019\n\n"
     "Page 2: Anytown covers an area of 700 square miles.", "publication"),
    # a range before the verb: the verb after the range's end dates both ends
    ("The committee noted the report.\nBetween 3-5th May 2014 HMIP conducted a screening of work in Anytown.",
     "fieldwork"),
    # a range's start written as an ordinal: its end takes the start's role
    ("Inspectors visited Northshire from 6th to 10th May 2019.", "fieldwork"),
    # a report that "came out"
    ("Northshire YOT was praised. The inspectors' report came out in January 2020.", "publication"),
    # a report "made public"; inspectors "on site"
    ("Northshire YOT was praised. The inspectors' report was made public on 12 July 2022.", "publication"),
    ("Northshire YOT was praised. Inspectors were on site from 8 to 12 May 2023.", "fieldwork"),
    # findings announced; a report's date in brackets after it; inspectors who spent a week there
    ("Northshire YOT was praised. The findings were announced on 12 July 2022.", "publication"),
    ("Northshire YOT was praised in the inspection report (July 2022).", "publication"),
    ("Northshire YOT was praised. Inspectors spent a week in Northshire in May 2022.", "fieldwork"),
    # counter-example: a child's time somewhere is no inspection's
    ("Northshire YOT was praised. One child spent two weeks in custody in May 2022.", "other"),
    # the last inspection's visit, however recent, is not this one's
    ("Northshire YOT was praised. The service was last inspected in July 2023.", "other"),
])
def test_the_role_of_a_date(text, role):
    assert {d.role for d in dates.extract(parse(text)).facts} == {role}


@pytest.mark.parametrize("speaker, role", [
    # a Chief Inspector who took up post years after the date: the visit was an earlier inspection's
    ("Martin Jones", "other"),
    # one in post then: this inspection's fieldwork
    ("Glenys Stacey", "fieldwork"),
])
def test_a_date_years_before_the_chief_inspectors_term_is_an_earlier_inspections(speaker, role):
    text = (f"Northshire YJS has improved, said {speaker}, Chief Inspector of Probation.\n"
            "Notes: our inspectors visited the service in June 2016.")
    assert [d.role for d in dates.extract(parse(text)).facts] == [role]


# ------------------------------------------------------------------ the page's own date, and who speaks
@pytest.mark.parametrize("text, day", [
    # a council's agenda page: the meeting, then its day and time
    ("Agenda and minutes\nChildren's Scrutiny Committee - Wednesday 4 March 2015 6.30 pm\nVenue: Northshire "
     "Civic Centre\nItems\nFindings of the inspection of Northshire Youth Offending Service", dt.date(2015, 3, 4)),
    # a news page's dateline
    ("Northshire youth service praised\nPublished: Tuesday, 17th May 2022\nInspectors rated Northshire YJS "
     "'Good'.", dt.date(2022, 5, 17)),
    # a date in the story is not the page's
    ("Northshire youth service praised\nInspectors visited Northshire YJS in March 2022 and rated it 'Good'.",
     None),
])
def test_the_pages_own_date(text, day):
    summary = _summary(text)
    assert summary.doc_type == "other"
    assert summary.dateline == day
    assert all(d.role == "other" for d in dates.extract(parse(text)).facts if d.date == day)


@pytest.mark.parametrize("text, name", [
    ("Northshire YOS was not managed well, said Paul Wilson, Chief Inspector of Probation.", "Paul Wilson"),
    ("HM Chief Inspector of Probation, Dame Glenys Stacey, said: 'Northshire has improved.'", "Glenys Stacey"),
    ("Chief Inspector of Probation Martin Jones said: 'Staff in Northshire know their children well.'",
     "Martin Jones"),
    ("Foreword\nNorthshire's partnership is strong.\nJustin Russell\nHM Chief Inspector of Probation",
     "Justin Russell"),
    # one named as a former Chief Inspector speaks for no document of today
    ("The former Chief Inspector of Probation, Andrew Bridges, had praised Northshire.", None),
    # two Chief Inspectors: which term the page was written in cannot be told
    ("Paul Wilson, Chief Inspector of Probation, and Liz Calderbank, Chief Inspector of Probation, both visited.",
     None),
])
def test_the_chief_inspector_a_document_quotes(text, name):
    assert document.chief_inspector(parse(text)) == name


# ------------------------------------------------------------------ scale words that rate nothing
@pytest.mark.parametrize("sentence", [
    # a person or an award, not the service, after an attributive label
    "The prize is dedicated to the ‘Outstanding’ staff of Anytown YOT.",
    "Anytown YOT has been shortlisted for an ‘Outstanding’ Partnership award.",
    # the label judges what follows "it is"
    "It is good to see that the Anytown YOT board meets monthly.",
    # a rating still to be won
    "Anytown YOT must do more to achieve a ‘Good’ rating at its next inspection.",
    # ... or not won
    "Anytown YOT narrowly missed out on an ‘Outstanding’ rating.",
    "Anytown YOT fell just short of ‘Outstanding’.",
    # "not rated" before a label is the verb denied, not the label "Not rated"
    "Anytown YOT was not rated ‘Inadequate’ in any area.",
])
def test_scale_words_that_rate_nothing(sentence):
    assert _ratings("Anytown YOT was inspected in 2019.\n" + sentence) == []


@pytest.mark.parametrize("text, expected", [
    # the service's name before a colon
    ("Anytown YOT was inspected in 2019.\nAnytown Youth Offending Team: ‘Good’.", {("Overall", "Good")}),
    # every standard of a domain
    ("Anytown YOT was inspected in 2019.\nAll four standards for court work were rated ‘Good’.",
     {("Court disposals: Assessment", "Good"), ("Court disposals: Planning", "Good"),
      ("Court disposals: Implementation and delivery", "Good"), ("Court disposals: Reviewing", "Good")}),
    # "work with victims" is the framework's noun phrase, not an absolute "with" clause
    ("An inspection of youth justice work with children and victims in Anytown\nAnytown YJS was rated ‘Requires "
     "improvement’ overall, with its work with victims judged ‘Inadequate’.",
     {("Overall", "Requires improvement"), ("Work with victims", "Inadequate")}),
    # the label given to what follows
    ("Anytown YOT was inspected in 2019.\nThe highest rating, ‘Outstanding’, went to the service’s staffing.",
     {("Staff", "Outstanding")}),
    # a change of rating with how far it moved
    ("Anytown YOT was inspected in 2022.\nAnytown YOT has moved up two grades to ‘Good’.", {("Overall", "Good")}),
    # how far, then a comma
    ("Anytown YOT was inspected in 2022.\nAnytown YOT’s rating has improved by one grade, to ‘Good’.", {("Overall", "Good")}),
    ("Anytown YOT was inspected in 2022.\nGovernance was marked down to ‘Requires improvement’.",
     {("Governance and leadership", "Requires improvement")}),
    # the label itself the noun received, after its article
    ("Anytown YOT was inspected in 2022.\nInformation and facilities earned a ‘Good’.",
     {("Information and facilities", "Good")}),
    ("Anytown YOT was inspected in 2022.\nAnytown was rated ‘Outstanding’ overall, with a ‘Good’ for staffing.",
     {("Overall", "Outstanding"), ("Staff", "Good")}),
    # ... never a noun's adjective
    ("Anytown YOT was inspected in 2022.\nAnytown has a ‘Good’ track record.", set()),
    # a subordinate clause states its own rating, and the main clause's subject follows it
    ("Anytown YOT was inspected in 2022.\nAlthough leadership was ‘Good’, the service was rated ‘Requires "
     "improvement’.", {("Governance and leadership", "Good"), ("Overall", "Requires improvement")}),
    ("Anytown YOT was inspected in 2022.\nDespite a ‘Good’ for leadership, the service was rated ‘Requires "
     "improvement’.", {("Governance and leadership", "Good"), ("Overall", "Requires improvement")}),
    # an earlier rating in a relative clause between commas: the main clause's subject is before it
    ("Anytown YOT was inspected in 2022.\nAnytown, which had an ‘Inadequate’ in 2019, is now rated ‘Good’.",
     {("Overall", "Inadequate"), ("Overall", "Good")}),
    # a clause of consequence has a subject of its own
    ("Anytown YOT was inspected in 2022.\nStaffing was strong, meaning the service was rated ‘Good’ overall.",
     {("Overall", "Good")}),
    # ... and after a score in a core case inspection, the level it means
    ("Core case inspection of youth offending work in Anytown\nAnytown's safeguarding work scored 58%, which means "
     "substantial improvement is required.", {("Safeguarding", "Substantial improvement required")}),
    # an area and its label side by side in a list, no verb: each label its own area's, none the line's first
    ("Anytown YOT was inspected in 2022.\nCourt work: assessment Good, planning Good, delivery Outstanding, "
     "reviewing Good.", {("Court disposals: Assessment", "Good"), ("Court disposals: Planning", "Good"),
                         ("Court disposals: Implementation and delivery", "Outstanding"),
                         ("Court disposals: Reviewing", "Good")}),
    ("Anytown YOT was inspected in 2022.\nPost-court work was rated ‘Good’; pre-court work ‘Outstanding’.",
     {("Court disposals", "Good"), ("Out-of-court disposals", "Outstanding")}),
    # the 2024 programme's name for all the work it inspects is the whole inspection, not work with children
    ("An inspection of youth justice work with children and victims in Anytown\nAnytown Youth Justice Service was "
     "inspected in May 2025.\nWork with children and victims in Anytown has been rated ‘Outstanding’.",
     {("Overall", "Outstanding")}),
])
def test_more_ways_of_stating_a_rating(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("second", ["The service scored 26/36 across three areas.",
                                    "Inspectors awarded a score of 26 out of a possible 36.",
                                    "Its score of 26 (out of 36) placed it in the band of Good.",
                                    "The service scored 26 points out of 36.",
                                    "Inspectors gave it 26 of a possible 36 points."])
def test_a_score_stated_with_a_verb_belongs_to_the_overall_rating(second):
    doc = parse("Anytown YJS has received an overall rating of ‘Good’.\n" + second)
    assert [(r.subject, r.label, r.score, r.score_max) for r in ratings.extract(doc).facts] == [
        ("Overall", "Good", 26, 36)]


def test_an_aside_names_one_standard_and_the_domains_of_its_relative_clauses():
    text = ("Anytown YOT was inspected in 2019.\nSome of its work – such as the assessment of children given court "
            "sentences or diverted from court – was rated ‘Inadequate’.")
    assert _labels(text) == {("Court disposals: Assessment", "Inadequate"),
                             ("Out-of-court disposals: Assessment", "Inadequate")}


def test_a_bare_for_staff_ending_the_clause_rates_the_staff_standard():
    text = "Anytown YOT was inspected in 2019.\nIt was rated good for partnerships, and outstanding for staff."
    assert _labels(text) == {("Partnerships and services", "Good"), ("Staff", "Outstanding")}
    # a dedication still: "for the staff", "for staff who ..."
    assert _ratings("Anytown YOT was inspected in 2019.\nThe ‘Outstanding’ rating is for the staff of Anytown YOT.") \
        == [("overall", None, "Overall", "Outstanding")]


def test_the_possessive_names_the_work_with_children_and_with_victims():
    text = ("An inspection of youth justice work with children and victims in Eastshire, 2025.\nIn the report, "
            "Eastshire YJS is rated ‘Good’ for leadership, children’s work and victims’ work.")
    assert _labels(text) == {("Governance and leadership", "Good"), ("Work with children", "Good"),
                             ("Work with victims", "Good")}


@pytest.mark.parametrize("text, expected", [
    # the domain after an item no vocabulary names qualifies the whole list: never a rating of the domain
    (INSPECTED_2022 + "Assessment, planning and supervision in court cases were rated ‘Good’.",
     {("Court disposals: Assessment", "Good"), ("Court disposals: Planning", "Good")}),
    # "review" names the standard in a list of its neighbours
    (INSPECTED_2022 + "Assessment, planning and review in court cases were rated ‘Good’.",
     {("Court disposals: Assessment", "Good"), ("Court disposals: Planning", "Good"),
      ("Court disposals: Reviewing", "Good")}),
])
def test_a_list_done_in_a_domain_with_an_item_no_vocabulary_names(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    (INSPECTED_2022 + "Northshire's court work was strong enough to earn a ‘Good’ grade.", {("Court disposals", "Good")}),
    (INSPECTED_2022 + "Northshire YJS won an ‘Outstanding’ rating.", {("Overall", "Outstanding")}),
])
def test_the_subject_of_an_infinitive_of_receiving_is_what_was_rated(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a change with "went from ... to"
    ("Leadership in Westshire went from ‘Inadequate’ to ‘Good’.",
     {("previous", "Governance and leadership", "Inadequate"), ("standard", "Governance and leadership", "Good")}),
    # what changed as the verb's object, and a rating lowered
    ("Inspectors upgraded the Westshire service’s leadership to ‘Good’.",
     {("standard", "Governance and leadership", "Good")}),
    ("The watchdog downgraded Westshire's out-of-court work to ‘Requires improvement’ from ‘Good’.",
     {("domain", "Out-of-court disposals", "Requires improvement"), ("previous", "Out-of-court disposals", "Good")}),
    ("The rating for staff in Westshire was lowered to ‘Requires improvement’.",
     {("standard", "Staff", "Requires improvement")}),
])
def test_a_rating_changed_and_what_changed(text, expected):
    assert {(scope, subject, label) for scope, _, subject, label in _ratings(text)} == expected


@pytest.mark.parametrize("text, expected", [
    # the score is no object of "scored": what it equates to is the service's rating
    (INSPECTED_2022 + "Northshire YJS scored 28 out of 36, which equates to a ‘Good’ rating.", [("overall", None, "Overall", "Good")]),
    # a band the score places the service in
    (INSPECTED_2022 + "A score of 17 out of 36 placed Northshire YJS in the ‘Requires improvement’ band.",
     [("overall", None, "Overall", "Requires improvement")]),
    # another object received first, joined to the rating by "and"
    ("Westshire's partnership work earned praise from inspectors and a ‘Good’ rating.",
     [("standard", "1.3", "Partnership work", "Good")]),
])
def test_what_a_score_or_a_second_object_leaves_to_the_rating(text, expected):
    assert _ratings(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a counting complement stands for every area the sentence named before it
    (CORE_CASE + "Westshire scored 72% for safeguarding, 65% for risk of harm and 70% for likelihood of "
     "reoffending, meaning moderate improvement is required in each.",
     {("Safeguarding", "Moderate improvement required"), ("Risk of harm", "Moderate improvement required"),
      ("Likelihood of reoffending", "Moderate improvement required")}),
    ("Staffing and partnerships in Westshire were strong, and the service was rated ‘Outstanding’ in each.",
     {("Staff", "Outstanding"), ("Partnerships and services", "Outstanding")}),
    # as many as it counts, or nothing (unless it counts every area of the framework: "in all three domains")
    ("Leadership in Westshire was praised, and the service was rated ‘Good’ in all four areas.", set()),
])
def test_a_counting_complement_stands_for_the_areas_named_before_it(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a percentage is no count of areas: the label in brackets after it rates the row's area
    (CORE_CASE + "Likelihood of reoffending: 68% (moderate improvement required)",
     [("theme", None, "Likelihood of reoffending", "Moderate improvement required")]),
    (CORE_CASE + "Safeguarding work scored 58% (substantial improvement required).",
     [("theme", None, "Safeguarding", "Substantial improvement required")]),
    # a line that only ends in a quoted label is no row: "described" is no rating verb
    ("Staff in Westshire were described by inspectors as 'outstanding'.", []),
])
def test_a_label_in_brackets_after_a_percentage(text, expected):
    assert _ratings(text) == expected


@pytest.mark.parametrize("text, reason", [
    # a rating denied by an active verb with "do"
    ("Inspectors did not rate Westshire's resettlement work as ‘Good’.", "negated"),
    # a rating still to come, expected, to be checked, or a condition
    ("Staff hope Westshire's partnership work will be rated ‘Outstanding’ next time.", "hypothetical"),
    ("Westshire's leadership is expected to stay ‘Good’.", "hypothetical"),
    ("Inspectors will return to check that Westshire's planning has improved to ‘Good’.", "hypothetical"),
    ("A ‘Good’ rating for Westshire's leadership would require a stronger board.", "hypothetical"),
    # another of the council's services, which this inspection does not rate
    ("Westshire Council's SEND services were judged ‘Inadequate’.", "other_service"),
    ("Westshire’s fostering service was rated ‘Good’.", "other_service"),
    ("Westshire's children's social care was rated ‘Outstanding’.", "other_service"),
])
def test_a_label_that_rates_nothing_of_this_inspection_now(text, reason):
    assert _ratings(text) == []
    assert [r for _, r in _set_aside(text)] == [reason]


@pytest.mark.parametrize("text, expected", [
    # "last time" places the label in the earlier inspection
    ("Leadership in Westshire was rated ‘Good’ last time.", [("previous", "1.1", "Governance and leadership", "Good")]),
    # "requires improvement" as the subject of its own verb is the label, not the verb
    ("‘Requires improvement’ was the verdict on Westshire's out-of-court disposals.",
     [("domain", "3", "Out-of-court disposals", "Requires improvement")]),
])
def test_the_time_and_the_part_of_speech_of_a_label(text, expected):
    assert _ratings(text) == expected


def test_from_one_label_to_another_without_a_verb_is_no_rating_received():
    # "from" is no verb of receiving: the earlier label was read as today's, and today's as contradicting it
    text = INSPECTED_2022 + "From ‘inadequate’ to ‘good’: how Northshire turned its youth justice service around."
    assert ("overall", None, "Overall", "Inadequate") not in _ratings(text)
    assert "contradicts_fact" not in [reason for _, reason in _set_aside(text)]


def test_a_label_before_the_noun_it_describes_is_no_coordinate_of_the_label_before():
    # it gave the overall rating 'Outstanding', and the report's own 'Good' was set aside as contradicting it
    text = ("‘Good’ Westshire youth justice service has ‘outstanding’ resettlement work\n"
            "Westshire Youth Justice Service was rated ‘Good’ by HM Inspectorate of Probation.")
    assert {label for scope, _, _, label in _ratings(text) if scope == "overall"} == {"Good"}
    assert "contradicts_fact" not in [reason for _, reason in _set_aside(text)]


@pytest.mark.parametrize("text", [
    "The outcome of the inspection of Westshire YJS was ‘Good’.",
    "Westshire YJS was inspected in May.\nThe inspection outcome was Good.",
    "Westshire YJS was inspected in May.\nThe inspection result: Good.",
    "Minutes\nWestshire YJS was inspected in May.\nRESOLVED: That the outcome of the inspection (Good) be noted.",
])
def test_the_inspections_outcome_is_the_services_overall_rating(text):
    assert _ratings(text) == [("overall", None, "Overall", "Good")]


@pytest.mark.parametrize("text, reason", [
    ("Westshire YJS was inspected in May.\nThe outcome of Ofsted's inspection was ‘Good’.", "other_inspectorate"),
    ("Westshire YJS was inspected in May.\nThe outcome of the inspection of Eastshire was ‘Good’.", "other_service"),
])
def test_another_inspections_outcome_is_not_the_services(text, reason):
    assert _ratings(text) == []
    assert [r for _, r in _set_aside(text)] == [reason]


def test_both_after_an_active_verb_refers_to_the_raters_objects():
    # "rated both" after "and" is the inspectors' active verb, not a passive with "both" as its adverb
    text = "Inspectors looked closely at Westshire's resettlement and at its out-of-court work, and rated both ‘Good’."
    assert _labels(text) == {("Resettlement policy and provision", "Good"), ("Out-of-court disposals", "Good")}


@pytest.mark.parametrize("text, label", [
    # a headline's label before the service's name, and a quotation after it
    ("‘Outstanding’ Westshire Youth Justice Service “helping every child succeed”\nInspectors visited in May.",
     "Outstanding"),
    # a headline's plain words for the service
    ("Young offender service rated good in inspection\nWestshire youth offending service was inspected in May.", "Good"),
])
def test_a_headline_rates_the_service(text, label):
    assert _ratings(text) == [("overall", None, "Overall", label)]


def test_the_last_inspection_as_the_rater_dates_its_label_after_since():
    # "since the last inspection" dates what follows it as today's; the last inspection rating is its own
    text = ("Westshire YOT was inspected in 2023.\nSince the last inspection rated the service ‘Inadequate’, inspectors "
            "found progress. The service is now rated ‘Requires improvement’.")
    assert set(_ratings(text)) == {("previous", None, "Overall", "Inadequate"),
                                   ("overall", None, "Overall", "Requires improvement")}


@pytest.mark.parametrize("text", [
    "This is an improvement on Northshire YJS's 2019 rating of ‘Requires improvement’.",
    "Northshire YJS's 2019 inspection rating was ‘Requires improvement’.",
])
def test_a_year_modifying_the_rating_noun_dates_the_label(text):
    assert _ratings(INSPECTED_2022 + text) == [("previous", None, "Overall", "Requires improvement")]


@pytest.mark.parametrize("text, expected", [
    # "IT" is information technology, never the pronoun "it" for the service
    ("Westshire YJS was inspected in 2022.\nIT and premises were rated ‘Good’.",
     [("standard", "1.4", "Information and facilities", "Good")]),
    ("Westshire YJS was inspected in 2022.\nPremises, IT and information were judged ‘Requires improvement’.", []),
])
def test_it_in_capitals_is_no_pronoun(text, expected):
    assert _ratings(text) == expected


@pytest.mark.parametrize("text, reason", [
    # another party as the passive's agent: their judgement, not the inspection's
    ("Leadership in Westshire was rated ‘Outstanding’ by staff.", "speaker_opinion"),
    ("Westshire YJS was rated ‘Good’ by children and families in a survey.", "speaker_opinion"),
    # something of the service's, named without its place, that no vocabulary names
    ("Westshire YJS was inspected in May.\nThe YOT's case management system was rated ‘Inadequate’.", "no_rated_subject"),
    ("Westshire YJS was inspected in May.\nThe service’s response to Covid was rated ‘Good’.", "no_rated_subject"),
])
def test_no_rating_of_this_inspection_by_its_agent_or_its_subject(text, reason):
    assert _ratings(text) == []
    assert [r for _, r in _set_aside(text)] == [reason]


def test_the_inspectors_as_agent_with_other_parties_after_them():
    assert _ratings("Westshire YJS was rated ‘Good’ by inspectors and staff were praised.") == [
        ("overall", None, "Overall", "Good")]


@pytest.mark.parametrize("text", [
    # a parent's words, in any tense, and the board's chair's in the present: their view, not the inspection's
    "Westshire YJS was rated ‘Good’.\nOne parent said: “The staff were outstanding.”",
    "Westshire YJS was rated ‘Good’.\nThe chair of the management board said: “Our leadership is good.”",
])
def test_the_words_of_people_the_service_works_with_are_no_rating(text):
    assert _ratings(text) == [("overall", None, "Overall", "Good")]
    assert [r for _, r in _set_aside(text)] == ["speaker_opinion"]



def test_a_comparison_opening_the_clause_leaves_the_subject_after_its_insert():
    text = "Unlike Eastshire, which was rated ‘Inadequate’, Westshire YJS was rated ‘Good’."
    assert _ratings(text) == [("overall", None, "Overall", "Good")]
    assert _set_aside(text) == [("Inadequate", "other_service")]


@pytest.mark.parametrize("text, expected", [
    # the level an area reached, in an appositive with "at" after its clause
    ("Of Westshire's twelve standards, staffing scored highest, at ‘Outstanding’.",
     [("standard", "1.2", "Staff", "Outstanding")]),
    ("In Westshire the lowest-rated area was reviewing, at ‘requires improvement’.",
     [("standard", None, "Reviewing", "Requires improvement")]),
    # a plural pronoun for one area named by a plural noun, the subject of the clause before
    ("Westshire's staff were praised, with inspectors rating them ‘Outstanding’.",
     [("standard", "1.2", "Staff", "Outstanding")]),
])
def test_an_appositive_level_and_a_plural_pronoun_for_one_area(text, expected):
    assert _ratings(text) == expected


def test_a_participle_insert_after_an_excepted_area_rates_it():
    text = "Apart from resettlement, rated ‘Outstanding’, all areas of Westshire's work were ‘Good’."
    assert _ratings(text) == [("standard", "4.1", "Resettlement policy and provision", "Outstanding")]
    assert _set_aside(text) == [("Good", "count_of_areas")]


@pytest.mark.parametrize("text, expected", [
    # the recipient a count of areas, named after it
    ("Inspectors gave ‘Outstanding’ ratings to three areas of Westshire's work: staff, partnerships and resettlement.",
     {("Staff", "Outstanding"), ("Partnerships and services", "Outstanding"),
      ("Resettlement policy and provision", "Outstanding")}),
    ("Inspectors gave Westshire ‘Outstanding’ ratings in three areas, namely staff, partnerships and resettlement.",
     {("Staff", "Outstanding"), ("Partnerships and services", "Outstanding"),
      ("Resettlement policy and provision", "Outstanding")}),
    # a list of another length is not the one counted
    ("Inspectors gave ‘Outstanding’ ratings to two areas of Westshire's work: staff, partnerships and resettlement.",
     set()),
])
def test_a_count_of_areas_given_the_label_named_after_it(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the best or worst area with its label in an insert, then what it was
    ("Westshire's strongest area, rated ‘Outstanding’, was partnerships.",
     [("standard", "1.3", "Partnerships and services", "Outstanding")]),
    ("Westshire's weakest area, judged ‘Requires improvement’, was reviewing in court cases.",
     [("standard", "2.4", "Court disposals: Reviewing", "Requires improvement")]),
])
def test_the_best_or_worst_area_named_after_its_insert(text, expected):
    assert _ratings(text) == expected


def test_an_intransitive_verb_of_scoring_leaves_the_participle_its_subject():
    assert _ratings("Westshire's partnerships scored highly, earning an ‘Outstanding’.") == [
        ("standard", "1.3", "Partnerships and services", "Outstanding")]


@pytest.mark.parametrize("text, expected", [
    # a singular noun that points back to one area
    ("Westshire's staff are its strength, with the standard rated ‘Outstanding’.",
     [("standard", "1.2", "Staff", "Outstanding")]),
    ("Inspectors found good practice in Westshire's planning, but rated the standard ‘Requires improvement’.",
     [("standard", None, "Planning", "Requires improvement")]),
    # ... never to the service
    ("Westshire YJS was praised. This area was rated ‘Good’.", []),
])
def test_the_standard_or_this_area_points_back_to_an_area(text, expected):
    assert _ratings(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the verb and its label before a colon, what was rated after it
    ("Rated Good: Westshire Youth Justice Service\nThe service was inspected in May 2024.",
     [("overall", None, "Overall", "Good")]),
    # a headline's present tense of the inspectors' verb
    (INSPECTED_2022 + "Inspectors rate Northshire youth justice ‘good’.", [("overall", None, "Overall", "Good")]),
])
def test_a_headlines_verb_of_rating(text, expected):
    assert _ratings(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a clause set in another place of the register is that place's
    ("Halton youth justice services rated ‘Good’\nIn Rutland, staffing was rated ‘Outstanding’.",
     [("overall", None, "Overall", "Good")]),
    # ... never in this service's own place
    ("Halton youth justice services rated ‘Good’\nIn Halton, staffing was rated ‘Outstanding’.",
     [("overall", None, "Overall", "Good"), ("standard", "1.2", "Staff", "Outstanding")]),
])
def test_a_clause_set_in_another_place(text, expected):
    assert _ratings(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a score out of another maximum, for something else, is that thing's
    ("Westshire YJS was inspected in 2024.\nIt scored 8 out of 10 for staff wellbeing.", []),
    # ... and the service's, named as a score, whatever its maximum
    ("Westshire YJS was inspected in 2025.\nScore: 13/21", [("Overall", 13, 21)]),
    ("Westshire YJS was inspected in 2024.\nThe service scored 26 out of 36 for its work.", [("Overall", 26, 36)]),
])
def test_whose_score_it_is(text, expected):
    assert [(s.subject, s.score, s.score_max) for s in scores.extract(parse(text)).facts] == expected


@pytest.mark.parametrize("text, expected", [
    # the kinds of case a label covers, two domains sharing one head noun, give a domain's standard each
    ("Assessment in Westshire was inadequate for both court and out-of-court cases.",
     {("Court disposals: Assessment", "Inadequate"), ("Out-of-court disposals: Assessment", "Inadequate")}),
    # ... and leave a standard of no domain its own
    ("An inspection of youth justice work with children and victims in Westshire, 2025.\nThe quality of work with "
     "children was rated ‘Good’ for both court and out-of-court cases.", {("Work with children", "Good")}),
])
def test_the_kinds_of_case_a_label_covers(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "policy and provision" alone may be anyone's: the out-of-court standard only as an item of its domain's list
    ("An inspection of youth justice work with children and victims in Westshire, 2025.\nPolicy and provision for "
     "victims was rated ‘Good’.", set()),
    ("Westshire's out-of-court assessment, planning, and policy and provision were rated ‘Good’.",
     {("Out-of-court disposals: Assessment", "Good"), ("Out-of-court disposals: Planning", "Good"),
      ("Out-of-court disposal policy and provision", "Good")}),
])
def test_policy_and_provision_alone_names_no_standard(text, expected):
    assert _labels(text) == expected


def test_a_rating_lost_and_the_one_it_is_now():
    # a rating lost is the earlier one; a second verb phrase after "and" has the same subject
    text = INSPECTED_2022 + "Northshire YJS has lost its ‘Outstanding’ rating and is now ‘Good’."
    assert set(_ratings(text)) == {("previous", None, "Overall", "Outstanding"), ("overall", None, "Overall", "Good")}


@pytest.mark.parametrize("text, scope", [
    # "since" after a verb of change dates the change, not the label
    ("Leadership in Northshire, which inspectors rated ‘Good’, has improved since 2019.", "standard"),
    # ... and a label held since a year is the earlier inspection's
    ("Leadership in Northshire had been rated ‘Inadequate’ since 2019.", "previous"),
])
def test_since_a_year_after_a_verb_of_change(text, scope):
    assert [s for s, *_ in _ratings(INSPECTED_2022 + text)] == [scope]


def test_a_label_true_only_where_something_holds_is_hedged():
    text = "Reviewing in Westshire was inadequate where circumstances changed."
    assert _ratings(text) == []
    assert _set_aside(text) == [("inadequate", "hedged")]


def test_common_words_after_a_preposition_qualify_the_area_before_them():
    # "services" names partnerships and services only as an item of a list; after "of" it says what is implemented
    text = INSPECTED_2022 + "In Westshire, planning and implementation of services were both judged ‘Good’."
    assert _labels(text) == {("Planning", "Good"), ("Implementation and delivery", "Good")}


@pytest.mark.parametrize("text, expected", [
    # a number before a domain-relative standard's name says its domain
    ("Standard 2.1 Assessment: Requires Improvement", [("2.1", "Court disposals: Assessment")]),
    ("In standard 3.3, implementation and delivery, Westshire was rated ‘Good’.",
     [("3.3", "Out-of-court disposals: Implementation and delivery")]),
    # ... or in brackets after it
    ("In Westshire, planning (2.2) was rated ‘Good’.", [("2.2", "Court disposals: Planning")]),
    ("Standard 3.2 – Planning – Good", [("3.2", "Out-of-court disposals: Planning")]),
    # numbers alone after "standard" name the standards
    ("Westshire's standards 1.2 and 4.1 were rated ‘Good’.",
     [("1.2", "Staff"), ("4.1", "Resettlement policy and provision")]),
    # a number that disagrees with the name changes nothing; 3.4's name changed in 2021
    ("In Westshire, 2.2 Assessment was rated ‘Good’.", [(None, "Assessment")]),
    ("Westshire's standard 3.4 was rated ‘Good’.", []),
])
def test_a_standards_number_names_it(text, expected):
    assert {(code, subject) for _, code, subject, _ in _ratings(INSPECTED_2022 + text)} == set(expected)


def test_a_row_flattened_onto_one_line_keeps_no_separator_in_its_subject():
    assert _ratings("1.1 Governance and leadership ● Good\n1.2 Staff | Outstanding") == [
        ("standard", "1.1", "Governance and leadership", "Good"), ("standard", "1.2", "Staff", "Outstanding")]


@pytest.mark.parametrize("text, expected", [
    # a rating noun with nothing but its time before a colon: the service's rating at that time
    ("Current rating: Good", [("overall", "Good")]),
    ("Previous rating: Requires improvement", [("previous", "Requires improvement")]),
    ("Rating at last inspection: Inadequate", [("previous", "Inadequate")]),
    # another inspectorate's rating is not the service's; a bare "Rating:" may head any box
    ("Ofsted rating: Good", []),
    ("Rating: Good", []),
    # a comparison with an earlier year before the colon dates the comparison, not the label
    ("Northshire's rating is the same as in 2019: ‘Good’.", [("overall", "Good")]),
])
def test_a_rating_noun_before_a_colon(text, expected):
    assert [(scope, label) for scope, _, _, label in _ratings(INSPECTED_2022 + text)] == expected


def test_the_same_grade_received_before_dates_the_comparison_not_the_label():
    text = INSPECTED_2022 + "Westshire's work was rated ‘Good’ overall, the same grade it received in 2019."
    assert _ratings(text) == [("overall", None, "Overall", "Good")]


def test_a_fronted_earlier_label_is_the_main_clauses_subjects_earlier_rating():
    text = INSPECTED_2022 + "Once rated ‘Inadequate’, Northshire YJS is now ‘Good’."
    assert _ratings(text) == [("previous", None, "Overall", "Inadequate"), ("overall", None, "Overall", "Good")]


@pytest.mark.parametrize("text, expected", [
    # how a retelling names the work with victims; the people the work is for as all of a label's complement
    ("Inspectors found that Northshire's approach to victims was ‘Good’.", {("Work with victims", "Good")}),
    ("Northshire received a ‘Good’ for its work with children and ‘Outstanding’ for victims.",
     {("Work with children", "Good"), ("Work with victims", "Outstanding")}),
    ("Northshire was rated ‘Good’ for children and ‘Outstanding’ for victims.",
     {("Work with children", "Good"), ("Work with victims", "Outstanding")}),
    ("Victims work: Good. Children work: Requires improvement.",
     {("Work with victims", "Good"), ("Work with children", "Requires improvement")}),
    # ... never the people as the complement's head of a longer phrase
    ("Northshire was rated ‘Good’, a great result for children.", {("Overall", "Good")}),
])
def test_the_2024_programmes_areas_named_by_whom_the_work_is_for(text, expected):
    head = "An inspection of youth justice work with children and victims in Northshire, 2025.\n"
    assert _labels(head + text) == expected


@pytest.mark.parametrize("text", [
    "Northshire YJS was rated ‘Good’, and staff did good work.",
    "The ‘Good’ rating for Northshire YJS is good news for the area.",
])
def test_a_bare_label_before_a_noun_is_its_adjective_after_another_label_too(text):
    assert _labels(INSPECTED_2022 + text) == {("Overall", "Good")}


@pytest.mark.parametrize("text, expected", [
    # everyday words for two joint-inspection themes
    ("Work to keep young people safe in Northshire was found to be unsatisfactory.",
     {("Protecting children and young people", "Unsatisfactory")}),
    ("The YOT's performance in making sure the sentence was served was good.",
     {("Making sure the sentence was served", "Good")}),
    # the last of a list of bracketed labels follows the bracket before it
    ("The inspection judged reducing reoffending (satisfactory), protecting the child (satisfactory) and ensuring "
     "the sentence is served (good).",
     {("Reducing reoffending", "Satisfactory"), ("Protecting children and young people", "Satisfactory"),
      ("Ensuring the sentence is served", "Good")}),
    # a semicolon starts a row of its own
    ("Reducing the likelihood of reoffending: Satisfactory; Protecting the public: Unsatisfactory",
     {("Reducing the likelihood of reoffending", "Satisfactory"), ("Protecting the public", "Unsatisfactory")}),
    # a count with what it counts between commas after it
    ("Of the four themes, three were judged satisfactory and one, protecting the public, was poor.",
     {("Protecting the public", "Poor")}),
    # the court work theme without its reports
    ("Work with the courts in Northshire was rated good.", {("Court work and reports", "Good")}),
    ("Northshire's court work, including its reports, was judged unsatisfactory.",
     {("Court work and reports", "Unsatisfactory")}),
    # a label's score is its grade
    ("The team achieved ‘good’ scores in reducing reoffending and in protecting the public.",
     {("Reducing reoffending", "Good"), ("Protecting the public", "Good")}),
])
def test_joint_inspection_retellings(text, expected):
    assert _labels(JOINT + text) == expected


def test_a_count_with_its_areas_between_commas_after_it():
    text = INSPECTED_2022 + "Two areas in Northshire were rated Outstanding; the other two, staffing and partnerships, were Good."
    assert _labels(text) == {("Staff", "Good"), ("Partnerships and services", "Good")}


def test_a_score_for_an_area_means_the_core_case_level():
    text = CORE_CASE + "A score of 64% for safeguarding in Northshire means that moderate improvement is required."
    assert _labels(text) == {("Safeguarding", "Moderate improvement required")}


@pytest.mark.parametrize("text, expected", [
    # a second verb phrase of change, after "and" or "but", with no subject of its own: the first one's subject
    ("Leadership in Northshire was rated ‘Inadequate’ in 2019 but is now ‘Good’.",
     [("previous", "Governance and leadership", "Inadequate"), ("standard", "Governance and leadership", "Good")]),
    ("Leadership in Northshire was rated ‘Inadequate’ in 2019 and is now ‘Good’.",
     [("previous", "Governance and leadership", "Inadequate"), ("standard", "Governance and leadership", "Good")]),
    ("Northshire YJS was rated ‘Inadequate’ in 2019, but has now been rated ‘Good’.",
     [("previous", "Overall", "Inadequate"), ("overall", "Overall", "Good")]),
])
def test_a_verb_phrase_of_change_after_and_or_but_shares_the_subject(text, expected):
    assert [(scope, subject, label) for scope, _, subject, label in _ratings(INSPECTED_2022 + text)] == expected


@pytest.mark.parametrize("text, expected", [
    # an area named before a colon, its label after it (a label that is also a verb is no verb there)
    (INSPECTED_2022 + "The inspectors' verdict on governance: ‘Requires improvement’.",
     [("standard", "1.1", "Governance and leadership", "Requires improvement")]),
    # what the raters changed, named as the verb's object, from one label to another
    (INSPECTED_2022 + "Inspectors upgraded Northshire's leadership from ‘Requires improvement’ to ‘Good’.",
     [("previous", "1.1", "Governance and leadership", "Requires improvement"),
      ("standard", "1.1", "Governance and leadership", "Good")]),
    # counter-example: a verb of moving whose object is no area and whose label is an adjective
    (INSPECTED_2022 + "The council moved Northshire's children from ‘Good’ homes.", []),
])
def test_a_label_after_a_colon_and_a_change_of_the_verbs_object(text, expected):
    assert sorted(_ratings(text)) == sorted(expected)


def test_a_headlines_bare_service_after_its_place_and_a_colon_is_rated():
    text = "Youth justice in Peterborough: service rated ‘Good’\nInspectors found the service well led."
    assert _ratings(text) == [("overall", None, "Overall", "Good")]


@pytest.mark.parametrize("text, expected", [
    # a domain right before a standard is its modifier: each standard keeps its own domain
    ("Planning in court cases and out-of-court assessment were rated as requiring improvement.",
     [("standard", "2.2", "Court disposals: Planning", "Requires improvement"),
      ("standard", "3.1", "Out-of-court disposals: Assessment", "Requires improvement")]),
    # the modifier reaches the standards joined after it, never one before it
    ("Out-of-court assessment and planning were rated ‘Good’.",
     [("standard", "3.1", "Out-of-court disposals: Assessment", "Good"),
      ("standard", "3.2", "Out-of-court disposals: Planning", "Good")]),
    ("Planning and out-of-court assessment were rated ‘Good’.",
     [("standard", None, "Planning", "Good"), ("standard", "3.1", "Out-of-court disposals: Assessment", "Good")]),
    # counter-example: two domains that share the standards after them give each standard in each
    ("Post-court and out-of-court assessment were rated ‘Good’.",
     [("standard", "2.1", "Court disposals: Assessment", "Good"),
      ("standard", "3.1", "Out-of-court disposals: Assessment", "Good")]),
    # "both" announcing the pair is no word before the subject's head
    ("Both court work and out-of-court work require improvement.",
     [("domain", "2", "Court disposals", "Requires improvement"),
      ("domain", "3", "Out-of-court disposals", "Requires improvement")]),
    # a count with no noun, the areas it counts in the dashes after it
    ("Ten standards were rated good, and the other two – planning in court cases and out-of-court assessment – "
     "were rated as requiring improvement.",
     [("standard", "2.2", "Court disposals: Planning", "Requires improvement"),
      ("standard", "3.1", "Out-of-court disposals: Assessment", "Requires improvement")]),
])
def test_a_domain_before_a_standard_modifies_it_alone(text, expected):
    assert sorted(_ratings(INSPECTED_2022 + text), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text, expected", [
    # organisational delivery in a retelling's words, after "how" or "the way"
    ("Inspectors rated the service ‘Good’ for the way it is organised and led, and ‘Outstanding’ for its work with "
     "children on court orders.",
     [("domain", "1", "Organisational delivery", "Good"), ("domain", "2", "Court disposals", "Outstanding")]),
    # counter-example: the same words describing the service are no area
    ("Inspectors said the service was well led and managed and rated it ‘Outstanding’.",
     [("overall", None, "Overall", "Outstanding")]),
    # whom something is for is no area: "available to staff" does not rate the Staff standard
    ("Training offered to staff was rated ‘Good’.", []),
    ("Information available to staff was rated ‘Good’.", []),
])
def test_organisational_delivery_by_its_description_and_whom_a_thing_is_for(text, expected):
    assert sorted(_ratings(INSPECTED_2022 + text), key=str) == sorted(expected, key=str)
