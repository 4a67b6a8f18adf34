"""Domain sentences in, facts out: one short realistic document per era and phrasing."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors import dates, document, percentages, ratings, recommendations
from tests.helpers import parse


def _ratings(text: str) -> list[tuple]:
    return [(r.scope, r.code, r.subject, r.label) for r in ratings.extract(parse(text)).facts]


# ------------------------------------------------------------ press releases

@pytest.mark.parametrize("sentence, label", [
    ("West Mercia Youth Justice Service (YJS) has received an overall rating of ‘Requires improvement’ following an inspection.", "Requires improvement"),
    ("Wrexham Youth Justice Service (YJS) in North Wales was found by inspectors to be good overall, with many impressive areas.", "Good"),
    ("Bradford Youth Offending Team has been rated ‘Outstanding’ by inspectors.", "Outstanding"),
    ("Sefton Youth Offending Team has been rated 'Inadequate' overall by HM Inspectorate of Probation.", "Inadequate"),
    ("Overall, Wakefield YJS was rated as 'Good'.", "Good"),
    ("Youth offending services in Sefton have been rated as ‘Good’.", "Good"),
    ("Anytown YOT was rated 'Inadequate', the lowest rating.", "Inadequate"),
    ("HM Inspectorate of Probation has rated youth offending services in Sheffield as ‘Good’.", "Good"),
    ("Kirklees Youth Offending Team has received an overall ‘Good’ rating.", "Good"),
    ("Inspectors rated the service as ‘Requires improvement’.", "Requires improvement"),
    ("Youth justice services in Anytown have been given a rating of 'Requires improvement'.", "Requires improvement"),
    ("Anytown Youth Justice Service has been judged to be ‘Outstanding’ by inspectors.", "Outstanding"),
])
def test_press_release_overall_rating(sentence, label):
    assert _ratings(sentence) == [("overall", None, "Overall", label)]


def test_previous_inspection_rating_is_not_the_overall_rating():
    text = ("Doncaster Youth Justice Service has received an overall rating of 'Good'.\n"
            "This follows an inspection in 2019, when the service was given an overall rating of 'Inadequate'.")
    assert _ratings(text) == [("overall", None, "Overall", "Good"), ("previous", None, "Overall", "Inadequate")]


@pytest.mark.parametrize("sentence, rating", [
    ("Work with victims was rated as ‘Requires improvement’.",
     ("standard", None, "Work with victims", "Requires improvement")),
    ("Anytown YOT was rated 'Good' for its work with victims.",
     ("standard", None, "Work with victims", "Good")),
    # Real: "We also inspected the quality of resettlement policy and provision for children leaving custody,
    # which was separately rated as ‘Good’." (2021 press release)
    ("We also inspected the quality of resettlement work – the key services which need to be in place when a child is "
     "released from custody, for example to meet accommodation needs – which was separately rated as ‘Good’.",
     ("standard", "4.1", "Resettlement policy and provision", "Good")),
    ("Partnership working was flagged as ‘outstanding’.", ("standard", "1.3", "Partnership working", "Outstanding")),
])
def test_an_area_of_the_service_rated_in_a_sentence(sentence, rating):
    assert _ratings(sentence) == [rating]


def _set_aside(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.reason) for m in ratings.extract(parse(text)).mentions if m.decision == "set_aside"]


@pytest.mark.parametrize("sentence, rating", [
    ("Anytown YJS's out-of-court work was rated 'Requires improvement'.",
     ("domain", "3", "Out-of-court disposals", "Requires improvement")),
    ("HM Inspectorate of Probation has rated the out-of-court disposal work of the YOT as 'Good'.",
     ("domain", "3", "Out-of-court disposals", "Good")),
    ("Of note is the YJS’s work with children who have served court sentences (court disposals), which was separately "
     "rated as ‘Outstanding’.", ("domain", "2", "Court disposals", "Outstanding")),
])
def test_a_part_rated_on_its_own_at_domain_level_is_a_domain_rating(sentence, rating):
    # The 2018 framework rates standards and the service; a press release or a council page that rates a domain
    # on its own ("a part rated on its own", SPEC) gives that part's rating, with the domain's code.
    assert _ratings(sentence) == [rating]


def test_two_areas_share_one_rating_verb():
    sentence = ("Sefton YJS was rated ‘Outstanding’ for its work with children sentenced by the courts, "
                "and ‘Good’ for out-of-court disposals.")
    assert _ratings(sentence) == [("domain", "2", "Court disposals", "Outstanding"),
                                  ("domain", "3", "Out-of-court disposals", "Good")]
    sentence = "It was rated ‘requires improvement’ for out-of-court disposals assessment, while it was ‘outstanding’ " \
               "for planning related to out-of-court disposals."
    assert _ratings(sentence) == [("standard", "3.1", "Out-of-court disposals: Assessment", "Requires improvement"),
                                  ("standard", "3.2", "Out-of-court disposals: Planning", "Outstanding")]


def test_joint_inspection_summary_rows():
    text = ("Summary of judgements\nReducing the likelihood of reoffending\tSatisfactory\n"
            "Protecting the public\tUnsatisfactory\nProtecting the child or young person: Good\n"
            "Governance and partnerships – Poor\n")
    assert _ratings(text) == [
        ("theme", None, "Reducing the likelihood of reoffending", "Satisfactory"),
        ("theme", None, "Protecting the public", "Unsatisfactory"),
        ("theme", None, "Protecting the child or young person", "Good"),
        ("theme", None, "Governance and partnerships", "Poor"),
    ]


@pytest.mark.parametrize("text, expected", [
    ("Sutton Youth Justice Service (YJS) has improved its rating from ‘Requires improvement’ to ‘Good’ since 2018.",
     [("previous", None, "Overall", "Requires improvement"), ("overall", None, "Overall", "Good")]),
    ("Overall, Calderdale YJS was rated as ‘Requires improvement’. When we last inspected the service, in 2019, it was rated ‘Good’.",
     [("overall", None, "Overall", "Requires improvement"), ("previous", None, "Overall", "Good")]),
    ("Anytown YOT has been rated ‘Good’ overall, up from ‘Requires improvement’ at its last inspection.",
     [("overall", None, "Overall", "Good"), ("previous", None, "Overall", "Requires improvement")]),
    ("The service was previously rated ‘Inadequate’ in 2018.",
     [("previous", None, "Overall", "Inadequate")]),
    ("The previous inspection in 2019 rated the service as ‘Good’.",
     [("previous", None, "Overall", "Good")]),
    # "since the last inspection" dates the improvement; the rating is today's
    ("Having improved since the last inspection, Anytown YOS has been rated ‘Good’ overall.",
     [("overall", None, "Overall", "Good")]),
])
def test_a_rating_from_an_earlier_inspection(text, expected):
    assert _ratings(text) == expected


@pytest.mark.parametrize("headline, label", [
    ("Sutton Youth Justice Service rated ‘Good’", "Good"),
    ("Hertfordshire youth offending team rated ‘outstanding’ by inspectors", "Outstanding"),
    ("West Mercia Youth Justice Service ‘Requires improvement’", "Requires improvement"),
    ("Inspectors rate Sefton YJS as ‘Outstanding’", "Outstanding"),
])
def test_a_press_release_headline_gives_the_overall_rating(headline, label):
    assert _ratings(headline + "\n\nInspectors visited the service in March.") == [("overall", None, "Overall", label)]


def test_a_thematic_inspection_rates_and_names_no_service():
    text = ("Joint thematic inspection of resettlement services to children by Youth Offending Teams\n\n"
            "In Leeds YOT, work was rated ‘Good’. Bradford Youth Offending Team has been rated ‘Outstanding’ by inspectors.\n")
    doc = parse(text)
    assert ratings.extract(doc).facts == []
    assert document.service(doc) == (None, None)


def test_an_annual_report_rates_no_service_of_its_own():
    text = ("Annual report: inspection of youth offending services (2019-2020)\n\n"
            "Camden Youth Offending Service was rated ‘Outstanding’.\n"
            "Service\tOverall rating\nCardiff\tInadequate\n")
    doc = parse(text)
    assert ratings.extract(doc).facts == []
    assert document.doc_type(doc) == "annual_report"
    assert document.service(doc) == (None, None)


@pytest.mark.parametrize("row, expected", [
    ("1.1 Governance and leadership Good", ("standard", "1.1", "Governance and leadership", "Good")),
    ("3.4 Out-of-court disposal policy and provision Requires improvement",
     ("standard", "3.4", "Out-of-court disposal policy and provision", "Requires improvement")),
    # letter spacing in a published PDF splits the label
    ("2.4 Reviewing Inadeq uate", ("standard", "2.4", "Reviewing", "Inadequate")),
    ("Overall rating Requires i mprovement", ("overall", None, "Overall", "Requires improvement")),
    ("Overall rating: ‘Good’", ("overall", None, "Overall", "Good")),
    ("Overall rating: **Good**", ("overall", None, "Overall", "Good")),
])
def test_a_ratings_row_on_one_line(row, expected):
    assert _ratings("Ratings\n" + row + "\n") == [expected]


def test_a_score_written_out_belongs_to_the_overall_rating():
    text = "Anytown Youth Justice Service has been rated ‘Outstanding’, with a score of 31 out of 36.\n"
    assert [(r.scope, r.label, r.score, r.score_max) for r in ratings.extract(parse(text)).facts] == [
        ("overall", "Outstanding", 31, 36)]


def test_a_standards_report_judges_no_themes():
    text = ("Ratings\n1.1 Governance and leadership Good\n2.1 Assessment Requires improvement\n"
            "Overall, work to protect the public was good.\n")
    assert _ratings(text) == [("standard", "1.1", "Governance and leadership", "Good"),
                              ("standard", "2.1", "Assessment", "Requires improvement")]


def test_web_page_report_headings_ratings_without_codes_and_boilerplate():
    text = ("Skip to content\n\nAll content is available under the Open Government Licence v3.0.\n\n"
            "An inspection of youth justice work with children and victims in Wakefield\n\n"
            "Ratings (Back to top)\n\nWakefield Youth Justice Service\nFieldwork started April 2025\n\n"
            "Overall rating\tGood\n\nWork with children\tGood\n\nWork with victims\tRequires improvement\n\n"
            "Recommendations (Back to top)\n\nThe Wakefield YJS management board should:\n\n- review the victims’ work.\n")
    doc = parse(text)
    assert _ratings(text) == [("overall", None, "Overall", "Good"), ("standard", None, "Work with children", "Good"),
                              ("standard", None, "Work with victims", "Requires improvement")]
    assert [(r.owner, r.text) for r in recommendations.extract(doc).facts] == [("Wakefield YJS management board", "review the victims’ work.")]
    assert document.doc_type(doc) == "report"
    assert document.title(doc) == "An inspection of youth justice work with children and victims in Wakefield"


@pytest.mark.parametrize("separator", ["\t", " "])
def test_standards_listed_without_codes_take_them_from_their_domain(separator):
    rows = [("Organisational delivery", None), ("Governance and leadership", "Good"), ("Staff", "Good"),
            ("Court disposals", None), ("Assessment", "Outstanding"), ("Planning", "Requires improvement"),
            ("Out-of-court disposals", None), ("Assessment", "Good")]
    text = "Summary of ratings\n" + "".join(f"{name}{separator + label if label else ''}\n" for name, label in rows)
    assert _ratings(text) == [
        ("standard", "1.1", "Governance and leadership", "Good"), ("standard", "1.2", "Staff", "Good"),
        ("standard", "2.1", "Assessment", "Outstanding"), ("standard", "2.2", "Planning", "Requires improvement"),
        ("standard", "3.1", "Assessment", "Good"),
    ]


def test_markdown_marks_around_cells_and_headings():
    text = ("## Ratings\n\n**Overall rating**\n\n**Good**\n\n**1.1 Governance and leadership**\n\n*Outstanding*\n\n"
            "## Recommendations\n\n**The YOT management board should:**\n\n1. review the board's membership.\n")
    doc = parse(text)
    assert _ratings(text) == [("overall", None, "Overall", "Good"),
                              ("standard", "1.1", "Governance and leadership", "Outstanding")]
    assert [(r.owner, r.text) for r in recommendations.extract(doc).facts] == [("YOT management board", "review the board's membership.")]
    found = ratings.extract(doc).facts
    assert [doc.text[r.span.char_start:r.span.char_end] for r in found] == ["Good", "Outstanding"]


def test_a_sentence_restating_a_table_rating_is_one_fact():
    text = ("We also inspected the quality of resettlement policy and provision, which was separately rated as ‘Good’.\n"
            "Ratings\n4.1\tResettlement policy and provision\tGood\n")
    assert _ratings(text) == [("standard", "4.1", "Resettlement policy and provision", "Good")]


def test_separately_rated_resettlement():
    text = ("We also inspected the quality of resettlement policy and provision, which was separately rated as "
            "‘Requires improvement’.")
    assert _ratings(text) == [("standard", "4.1", "Resettlement policy and provision", "Requires improvement")]


@pytest.mark.parametrize("sentence", [
    "‘Good’ is the second highest HM Inspectorate of Probation rating.",
    "The Inspectorate uses a four-point scale: ‘Outstanding’, ‘Good’, ‘Requires improvement’ and ‘Inadequate’.",
    "There are four ratings which can be given: good, satisfactory, unsatisfactory and poor.",
    "They inspect against published standards and all services are given one of four ratings: outstanding, good, requires improvement and inadequate.",
    "Nationally, 40% of youth justice services inspected this year were rated 'Good'.",
    "Inspectors found that 'Good' work was done in most cases.",
    "Chief Inspector commends improving youth offending services, as two-thirds are rated ‘Good’ or ‘Outstanding’",
    "The service’s work with children on out-of-court disposals was rated ‘Outstanding’ in three of the four standards.",
    "Its court work was rated ‘Good’ in all standards.",
    "Camden Youth Offending Service was rated ‘Outstanding’, while Cardiff Youth Offending Service was rated ‘Inadequate’ (HM Inspectorate of Probation has today published its annual report).",
])
def test_definitions_of_the_scale_are_not_ratings(sentence):
    assert _ratings(sentence) == []


def test_press_release_stated_count_and_dates():
    text = ("The inspection made nine recommendations, including advising the YJS to strive for consistency.\n"
            "ENDS\nNotes to editor\n"
            "- The report is available at https://www.justiceinspectorates.gov.uk/hmiprobation/ from 11 February 2016.\n"
            "- Fieldwork for this inspection took place in January 2022.\n"
            "- The programme was agreed by ministers in December 2011.\n")
    doc = parse(text)
    assert recommendations.stated_count(doc) == 9
    assert [(d.date, d.precision, d.role) for d in dates.extract(doc).facts] == [
        (dt.date(2016, 2, 11), "day", "publication"),
        (dt.date(2022, 1, 1), "month", "fieldwork"),
        (dt.date(2011, 12, 1), "month", "other"),
    ]
    assert document.doc_type(doc) == "press_release"


# ----------------------------------------------------- 2012-2017 joint inspections

JOINT_PRESS_RELEASE = """Anytown now performing well
Inspectors were pleased to find that:
- work to reduce reoffending was good. Plans were clear;
- work to protect the public and actual or potential victims was satisfactory;
- work to protect children and reduce their vulnerability remained unsatisfactory;
- work to ensure that the sentence was served was good;
- the effectiveness of governance and partnership arrangements was poor.
Work to address substance misuse was good.
"""


def test_joint_inspection_themes_in_a_press_release():
    assert _ratings(JOINT_PRESS_RELEASE) == [
        ("theme", None, "Reducing reoffending", "Good"),
        ("theme", None, "Protecting the public", "Satisfactory"),
        ("theme", None, "Protecting children and young people", "Unsatisfactory"),
        ("theme", None, "Ensuring the sentence is served", "Good"),
        ("theme", None, "Governance and partnerships", "Poor"),
    ]
    assert [r.scale for r in ratings.extract(parse(JOINT_PRESS_RELEASE)).facts] == ["joint_inspection"] * 5


JOINT_REPORT = """Full Joint Inspection of Youth Offending Work in Anytown

Contents
Theme 1: Reducing the likelihood of reoffending\t6
Summary
Reducing the likelihood of reoffending
Overall, work to reduce reoffending was satisfactory. Assessments were good.
Governance
Overall, governance was not effective.
Recommendations
Post-inspection improvement work should focus particularly on the following:
1. Attendance at the Management Board needs to be regular (Chair of YOT Management Board).
2. Plans should be clear and precise (Head of Service).
Theme 1: Reducing the likelihood of reoffending
Case assessment score
Within the case assessment, overall 73% of work to reduce reoffending was done well enough.
Overall, work to reduce reoffending was satisfactory.
Methodology
Fieldwork for this inspection was undertaken on the weeks commencing:
16 and 30 September 2013.
Case assessment score\tDescriptor
80% +\tGood
65% - 79%\tSatisfactory
50-64%\tUnsatisfactory
< 50%\tPoor
"""


def test_joint_inspection_report_themes_use_the_reports_own_titles():
    assert _ratings(JOINT_REPORT) == [
        ("theme", None, "Reducing the likelihood of reoffending", "Satisfactory"),
        ("theme", None, "Governance and partnerships", "Not effective"),
    ]


def test_joint_inspection_report_recommendations_owner_in_brackets():
    recs = recommendations.extract(parse(JOINT_REPORT)).facts
    assert [(r.number, r.owner, r.owner_type) for r in recs] == [
        (1, "Chair of YOT Management Board", "board chair"),
        (2, "Head of Service", "head of service / service manager"),
    ]
    assert recs[0].text.startswith("Attendance at the Management Board")


def test_scoring_bands_are_percentages_not_ratings():
    values = [(p.value, p.text) for p in percentages.extract(parse(JOINT_REPORT)).facts]
    assert values == [(73.0, "73%"), (80.0, "80% +"), (65.0, "65%"), (79.0, "79%"),
                      (50.0, "50"), (64.0, "64%"), (50.0, "< 50%")]


def test_day_pair_shares_month_and_year():
    found = [(d.text, d.date, d.role) for d in dates.extract(parse(JOINT_REPORT)).facts]
    assert found == [("16", dt.date(2013, 9, 16), "fieldwork"), ("30 September 2013", dt.date(2013, 9, 30), "fieldwork")]


# --------------------------------------------------------- 2010-2012 core case

def test_core_case_scoring_summary():
    text = ("Core Case Inspection of youth offending work in Anytown\n\nScoring summary\n"
            "Safeguarding\t68%\tModerate improvement required\n"
            "Risk of Harm to others\t55%\tSubstantial improvement required\n"
            "‘Likelihood of Reoffending’ work (individual and public protection)\t38%\tDRASTIC improvement required\n")
    doc = parse(text)
    found = ratings.extract(doc).facts
    assert [(r.scope, r.subject, r.label, r.scale, r.rank) for r in found] == [
        ("theme", "Safeguarding", "Moderate improvement required", "improvement_required", 2),
        ("theme", "Risk of Harm to others", "Substantial improvement required", "improvement_required", 1),
        ("theme", "‘Likelihood of Reoffending’ work (individual and public protection)", "Drastic improvement required",
         "improvement_required", 0),
    ]
    assert document.framework(doc, found) == "core_case_2010"


# ------------------------------------------------------ 2018-2023 standards

STANDARDS_REPORT = """HM Inspectorate of Probation
An inspection of youth offending services in
Anytown and Borough
HM Inspectorate of Probation, March 2021

Ratings
Anytown and Borough Youth Offending Service
Fieldwork started October 2020
Score 20/36
Overall rating\tGood
1. Organisational delivery
1.1 Governance and leadership\tOutstanding
1.2 Staff\tGood
2. Court disposals
2.1 Assessment\tRequires improvement
4.1 Resettlement policy and provision\tInadequate

Recommendations
As a result of our inspection findings, we have made three recommendations.
The Anytown YOS Management Board should:
1. Make sure the board understands its data.
The Director of Children's Services should:
2. Provide social workers to the out-of-court panel.
Gwent Police should:
3. Share intelligence on exploitation.

2.1. Assessment
Assessment is well-informed, analytical and personalised, actively involving the child and their parents or carers.
Requires improvement
Our rating¹ for assessment is based on the following key questions:
\t% 'Yes'
Does assessment sufficiently analyse how to support the child's desistance?\t64%
Does assessment sufficiently analyse how to keep the child safe?\t80%
"""


def test_standards_framework_ratings_table_and_score():
    found = ratings.extract(parse(STANDARDS_REPORT)).facts
    assert [(r.scope, r.code, r.subject, r.label, r.score, r.score_max) for r in found] == [
        ("overall", None, "Overall", "Good", 20, 36),
        ("standard", "1.1", "Governance and leadership", "Outstanding", None, None),
        ("standard", "1.2", "Staff", "Good", None, None),
        ("standard", "2.1", "Assessment", "Requires improvement", None, None),
        ("standard", "4.1", "Resettlement policy and provision", "Inadequate", None, None),
    ]
    assert [r.rank for r in found] == [2, 3, 2, 1, 0]


def test_ratings_table_with_codes_in_their_own_cells_and_stars():
    text = ("Overall rating\tGood ★★★\n1.\tOrganisational delivery\n"
            "1.1\tGovernance and leadership\tOutstanding\n1.2\tStaff\tGood ★★★\n")
    assert _ratings(text) == [
        ("overall", None, "Overall", "Good"),
        ("standard", "1.1", "Governance and leadership", "Outstanding"),
        ("standard", "1.2", "Staff", "Good"),
    ]


def test_standards_framework_owner_groups():
    recs = recommendations.extract(parse(STANDARDS_REPORT)).facts
    assert [(r.number, r.owner, r.owner_type) for r in recs] == [
        (1, "Anytown YOS Management Board", "management board"),
        (2, "Director of Children's Services", "children's services"),
        (3, "Gwent Police", "police"),
    ]


def test_key_question_rows_carry_question_and_standard():
    rows = [(p.value, p.subject, p.section) for p in percentages.extract(parse(STANDARDS_REPORT)).facts]
    assert rows == [
        (64.0, "Does assessment sufficiently analyse how to support the child's desistance?", "2.1"),
        (80.0, "Does assessment sufficiently analyse how to keep the child safe?", "2.1"),
    ]


def test_standards_report_document_summary():
    doc = parse(STANDARDS_REPORT)
    facts = ratings.extract(doc).facts, dates.extract(doc).facts, recommendations.extract(doc).facts
    summary = document.summarise(doc, *facts)
    assert summary.service == "Anytown and Borough Youth Offending Service"
    assert summary.service_key == "anytown-and-borough"
    assert summary.framework == "standards_2018"
    assert (summary.overall_rating, summary.overall_rating_rank) == ("Good", 2)
    assert (summary.publication_date, summary.publication_date_precision) == (dt.date(2021, 3, 1), "month")
    assert (summary.fieldwork_start, summary.fieldwork_start_precision) == (dt.date(2020, 10, 1), "month")
    assert summary.recommendation_count_stated == summary.recommendation_count_extracted == 3


# -------------------------------------------------- 2024 children and victims

def test_children_and_victims_inspection():
    text = ("An inspection of youth justice work with children and victims in Wakefield\n"
            "Foreword\n"
            "Overall, Wakefield YJS was rated as 'Good'. We have made five recommendations.\n")
    doc = parse(text)
    found = ratings.extract(doc).facts
    assert [(r.scope, r.label) for r in found] == [("overall", "Good")]
    summary = document.summarise(doc, found, [], [])
    assert summary.framework == "children_and_victims_2024"
    assert summary.service == "Wakefield Youth Justice Service"
    assert summary.recommendation_count_stated == 5


# ------------------------------------------------------------- percentages

@pytest.mark.parametrize("text, expected", [
    ("the reoffending rate was 45.4 %, worse than the 35.8% for England", [45.4, 35.8]),
    ("11 per cent of children, 10 percent in care", [11.0, 10.0]),
    ("a first-time entry rate (per 100,000) of 236 and 37 per 1,000", []),
    ("more than three-quarters of cases; 17 out of 20 said so; in 2023/2024", []),
    ("the rate rose from 45%-50% last year", [45.0, 50.0]),
    ("bands of 50-64% and 65 to 79 per cent", [50.0, 64.0, 65.0, 79.0]),
    # a newspaper's "pc", glued to its figures; a police constable is none
    ("around 85pc of staff felt supported, PC Example said of 12 PCs", [85.0]),
])
def test_percentages(text, expected):
    assert [p.value for p in percentages.extract(parse(text)).facts] == expected


# ------------------------------------------------------------------- dates

@pytest.mark.parametrize("text, expected", [
    ("on 31 February 2020 and in 2023/2024 and in June", []),
    ("between 16 January 2023 and 10 November 2023", [(dt.date(2023, 1, 16), "day"), (dt.date(2023, 11, 10), "day")]),
    ("signed 1st Sept 2019", [(dt.date(2019, 9, 1), "day")]),
    ("dated 28/03/2019", [(dt.date(2019, 3, 28), "day")]),
    ("available from March 28, 2019", [(dt.date(2019, 3, 28), "day")]),
    ("fieldwork from 29 January to 2 February 2024", [(dt.date(2024, 1, 29), "day"), (dt.date(2024, 2, 2), "day")]),
    ("data for January to December 2018", [(dt.date(2018, 1, 1), "month"), (dt.date(2018, 12, 1), "month")]),
    ("visits on 4-8 March 2019", [(dt.date(2019, 3, 4), "day"), (dt.date(2019, 3, 8), "day")]),
    ("the cohort from November to February 2020", [(dt.date(2019, 11, 1), "month"), (dt.date(2020, 2, 1), "month")]),
    ("between 1 and March 2019", [(dt.date(2019, 3, 1), "month")]),
])
def test_dates(text, expected):
    assert [(d.date, d.precision) for d in dates.extract(parse(text)).facts] == expected


@pytest.mark.parametrize("text, service", [
    ("Youth offending services in St. Helens have been rated as ‘Good’.", "St. Helens Youth Offending Service"),
    ("HM Inspectorate of Probation has rated youth justice services in Sutton ‘Good’. Sutton YJS was pleased.",
     "Sutton Youth Justice Service"),
    ("The report of a recent joint inspection of the work of Warwickshire Youth Justice Services.",
     "Warwickshire Youth Justice Services"),
    ("A joint inspection of youth justice services in Conwy and Denbighshire. Conwy and Denbighshire YJS is a dual "
     "local authority YJS. Conwy and Denbighshire Youth Justice Service was rated.", "Conwy and Denbighshire Youth Justice Service"),
    ("Core Case Inspection of youth offending work in England and Wales\n\nReport on youth offending work in:\n\n"
     # a core case inspection that names only the area gives the area (SPEC), "the YOT" notwithstanding
     "Bexley\n\nThe YOT had improved.", "Bexley"),
    # the council that runs the service, without its title
    ("Inspectors found that the youth justice service run by Wokingham Borough Council requires improvement.",
     "Wokingham Youth Justice Service"),
])
def test_service_name(text, service):
    assert document.service(parse(text))[0] == service


def test_recommendation_owner_lines_and_items_without_bullets():
    text = ("Recommendations\n"
            "As a result of our inspection findings, we have made a total of five recommendations. "
            "At our last inspection in 2019 we made nine recommendations.\n"
            "We recommend that the YOT management board should:\n"
            "Review the membership of the board.\n"
            "Make sure that partners attend regularly.\n"
            "The head of service should ensure that:\n"
            "1. plans address the safety of other people\n"
            "2. reviews take place after significant changes.\n"
            "**The Chief Constable of Anyshire Police should:**\n"
            "- share information within five days.\n"
            "Background\n"
            "We carried out fieldwork in March 2021.\n")
    doc = parse(text)
    assert [(r.number, r.owner, r.owner_type, r.text[:12]) for r in recommendations.extract(doc).facts] == [
        (1, "YOT management board", "management board", "Review the m"),
        (2, "YOT management board", "management board", "Make sure th"),
        (1, "head of service", "head of service / service manager", "plans addres"),
        (2, "head of service", "head of service / service manager", "reviews take"),
        (5, "Chief Constable of Anyshire Police", "police", "share inform"),
    ]
    assert recommendations.stated_count(doc) == 5  # not the nine of the last inspection


def test_a_recommendations_heading_that_names_the_owner():
    text = ("Recommendations for the Anytown Youth Justice Partnership Board\n"
            "1. Develop a disproportionality action plan.\n"
            "2. Improve information sharing with the police.\n"
            "Recommendations for improvement\n"
            "The YJS manager should:\n"
            "3. review case allocation.\n")
    assert [(r.number, r.owner) for r in recommendations.extract(parse(text)).facts] == [
        (1, "Anytown Youth Justice Partnership Board"), (2, "Anytown Youth Justice Partnership Board"),
        (3, "YJS manager")]


def test_a_hard_wrapped_rating_sentence_is_one_sentence():
    text = ("Foreword\n"
            "In this inspection we have inspected and rated work with children and victims in Wakefield YJS. Overall, Wakefield YJS was rated as\n"
            "‘Good’. Inspectors found a vibrant, learning culture.\n")
    assert _ratings(text) == [("overall", None, "Overall", "Good")]


def test_a_hard_wrapped_recommendation_keeps_its_owner():
    text = ("Recommendations\n"
            "1. Attendance by statutory partners at the YOT Management Board needs to be regular\n"
            "and stable, so that the Board can hold partners to account\n"
            "(Chair of YOT Management Board).\n"
            "2. Plans should be clear and precise (Head of Service).\n")
    found = recommendations.extract(parse(text)).facts
    assert [(r.number, r.owner) for r in found] == [(1, "Chair of YOT Management Board"), (2, "Head of Service")]
    assert found[0].text.endswith("(Chair of YOT Management Board).")


@pytest.mark.parametrize("sentence, count", [
    ("The inspection made one recommendation.", 1),
    ("Inspectors have made a total of eight recommendations.", 8),
    ("Nine recommendations have been made.", 9),
    ("The report makes six recommendations to Devon YJS.", 6),
])
def test_stated_recommendation_count(sentence, count):
    assert recommendations.stated_count(parse(sentence)) == count


def test_signature_month_is_report_signed():
    text = "Foreword\nWe were impressed.\nLiz Calderbank\nHM Chief Inspector of Probation\nJanuary 2014\nSummary\n"
    assert [(d.text, d.role) for d in dates.extract(parse(text)).facts] == [("January 2014", "report_signed")]


def test_every_fact_span_reproduces_its_mention():
    doc = parse(STANDARDS_REPORT + JOINT_REPORT)
    for fact in [*ratings.extract(doc).facts, *percentages.extract(doc).facts, *dates.extract(doc).facts]:
        mention = getattr(fact, "label_text", None) or fact.text
        assert doc.text[fact.span.char_start : fact.span.char_end] == mention
