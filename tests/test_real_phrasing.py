"""Real sentences in, facts out.

Every sentence here is quoted from a real page: the real development set in
tests/real (press releases, council news, minutes, newspapers) or public pages
found while building the extractors. Each one is a phrasing the sample
documents lacked; the test pins what the pipeline reads from it, and what it
sets aside and why.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors import dates, document, percentages, ratings, recommendations, scores
from tests.helpers import parse


def _ratings(text: str) -> list[tuple]:
    return [(r.scope, r.code, r.subject, r.label) for r in ratings.extract(parse(text)).facts]


def _set_aside(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.reason) for m in ratings.extract(parse(text)).mentions if m.decision == "set_aside"]


# ------------------------------------------------------------------ overall ratings in other words
@pytest.mark.parametrize("sentence, label", [
    ("Essex Youth Offending Service (YOS) has been assessed by HM Inspectorate of Probation as ‘Outstanding’, its "
     "highest grade.", "Outstanding"),
    ("Inspectors looked at 12 aspects of their work and gave the service a ‘Requires improvement’ rating.",
     "Requires improvement"),
    ("However, the quality of casework at Hounslow was variable which has resulted in the overall ‘Requires "
     "improvement’ rating.", "Requires improvement"),
    # "last year" dates this inspection; it does not make the rating an earlier one.
    ("After a review of 12 areas of work in an inspection over two weeks from September to October last year, the "
     "team was given a \"requires improvement\" rating - the second-lowest mark.", "Requires improvement"),
])
def test_overall_rating_as_councils_and_the_press_write_it(sentence, label):
    assert _ratings(sentence) == [("overall", None, "Overall", label)]


def test_resettlement_recognised_on_its_own_is_standard_4_1():
    sentence = ("Additional ‘outstanding’ recognition was also received for resettlement, meaning that there is a "
                "high-quality, evidence-based resettlement service for children leaving custody.")
    assert _ratings(sentence) == [("standard", "4.1", "Resettlement policy and provision", "Outstanding")]


def test_an_earlier_rating_named_after_the_label():
    sentence = ("Inspectors commended Neath Port Talbot YJS for their professional response to an ‘Inadequate’ rating, "
                "when they were part of the former Western Bay Youth Justice Service.")
    assert _ratings(sentence) == [("previous", None, "Overall", "Inadequate")]


def test_two_earlier_ratings_in_one_clause():
    text = ("Lambeth Youth Justice Service rated ‘Good’\n"
            "The new rating also demonstrates a marked improvement in the Lambeth Council service which was previously "
            "graded as ‘requiring improvement’ in 2019 and ‘inadequate’ in 2015.")
    assert _ratings(text) == [("overall", None, "Overall", "Good"),
                              ("previous", None, "Overall", "Requires improvement"),
                              ("previous", None, "Overall", "Inadequate")]


def test_a_count_of_standards_and_a_rating_escaped_are_set_aside():
    sentence = ("Chief Inspector of Probation Justin Russell said: \"We had a number of serious concerns about this "
                "Youth Offending Team (YOT), with performance on eight of our 12 quality standards judged to be "
                "'Inadequate' and the service only rescued from an overall 'Inadequate' rating by some better-quality "
                "work with out-of-court disposal cases.")
    assert _ratings(sentence) == []
    assert _set_aside(sentence) == [("Inadequate", "count_of_areas"), ("Inadequate", "hypothetical")]


# ------------------------------------------------------------------ dates
def _dates(text: str) -> list[tuple[dt.date, str, str]]:
    return [(d.date, d.precision, d.role) for d in dates.extract(parse(text)).facts]


NEWS_PAGE = """Lancashire's Youth Offending Team making good progress, says Inspector

Lancashire's Youth Offending Team is making positive progress following a major restructure, according to inspectors.

By Tony Durkin
Wednesday, 24th July 2019, 2:22 pm
Updated Wednesday, 24th July 2019, 3:22 pm

HM Inspectorate of Probation gave Lancashire YOT an overall rating of ‘Good’ and made six recommendations with the aim of improving its performance further.

They are that the Lancashire YOT Manager should:

Make sure that reviewing of statutory casework is timely and responsive, that it considers all areas of risk and need and that it leads to the necessary adjustments to any ongoing plan of work;

Produce effective plans to support interventions that promote desistance, keep children safe and manage risk of harm to others

Analyse children and young people’s health needs to inform the work of health professionals and YOT case managers, and review current services to make sure they are meeting these needs.

The other three recommendations are that the Lancashire's Director of Children’s Services should:

Ensure that all staff have the capacity and support they need to undertake their work effectively and that management oversight is meaningful and makes a difference

Make sure that thresholds for access to services for children and families are understood and applied consistently by children’s social care;

Ensure that all children and young people receive an effective initial assessment of their educational needs.
"""


def test_a_news_page_is_another_partys_page_with_its_own_dateline():
    doc = parse(NEWS_PAGE)
    assert document.doc_type(doc) == "other"
    assert _dates(NEWS_PAGE) == [(dt.date(2019, 7, 24), "day", "other")] * 2
    assert _ratings(NEWS_PAGE) == [("overall", None, "Overall", "Good")]


def test_owner_lines_in_prose_own_the_unnumbered_items_under_them():
    doc = parse(NEWS_PAGE)
    items = [(r.number, r.owner) for r in recommendations.extract(doc).facts]
    manager, director = "Lancashire YOT Manager", "Lancashire's Director of Children’s Services"
    assert items == [(1, manager), (2, manager), (3, manager), (4, director), (5, director), (6, director)]
    assert recommendations.stated_count(doc) == 6


@pytest.mark.parametrize("text, expected", [
    ("Report date 2018-07-23", [(dt.date(2018, 7, 23), "day")]),
    ("Published: 25-Jan-2021", [(dt.date(2021, 1, 25), "day")]),
    ("The inspection took place in NOVEMBER 2020.", [(dt.date(2020, 11, 1), "month")]),
    ("Fieldwork took place in the weeks commencing 16 September 2013 and 30 September 2013.",
     [(dt.date(2013, 9, 16), "day"), (dt.date(2013, 9, 30), "day")]),
])
def test_numeric_stamp_and_capital_dates(text, expected):
    assert [(d, p) for d, p, _ in _dates(text)] == expected


# ------------------------------------------------------------------ stated recommendation counts
@pytest.mark.parametrize("sentence, count", [
    ("HM Inspectorate of Probation gave Lancashire YOT an overall rating of ‘Good’ and made six recommendations with "
     "the aim of improving its performance further.", 6),
    # A share for one owner is not the total.
    ("The other three recommendations are that the Lancashire's Director of Children’s Services should:", None),
])
def test_stated_recommendation_count_in_real_prose(sentence, count):
    assert recommendations.stated_count(parse(sentence)) == count


# ------------------------------------------------------------------ scores and percentages
def test_a_score_out_of_36_is_a_score_and_a_count_of_cases_is_not():
    text = ("Overall, the service received a score of 34 out of 36. "
            "Inspectors examined 17 out of 20 cases.")
    found = scores.extract(parse(text))
    assert [(s.score, s.score_max) for s in found.facts] == [(34, 36)]
    assert [(m.text, m.reason) for m in found.mentions if m.decision == "set_aside"] == [("17 out of 20", "not_a_score")]


def test_percent_written_as_words():
    text = "Ninety per cent of children said the service helped them."
    assert [p.value for p in percentages.extract(parse(text)).facts] == [90.0]


# ------------------------------------------------------------------ who wrote it, about which service
@pytest.mark.parametrize("text, doc_type, service", [
    ("The Royal Borough of Greenwich’s Youth Justice Service (YJS) has received an overall rating of ‘Good’ following "
     "an inspection led by His Majesty’s Inspectorate of Probation in March 2023.",
     None, "Royal Borough of Greenwich Youth Justice Service"),
    ("HM Inspectorate of Probation conducted a routine inspection of Leicester City Children & Young People’s Justice "
     "Service. Inspectors looked at 12 aspects of work and awarded the service an overall rating of ‘Good’.",
     None, "Leicester City Children & Young People’s Justice Service"),
    # A council speaking of its own service in the third person, then by its full name.
    ("Ceredigion County Council said it remains committed to improvement in its youth justice services after a damning "
     "inspection report found last year that services have “systemic shortcomings”.\n"
     "Ceredigion Youth Justice and Prevention Service (YJPS) received an overall rating of ‘Inadequate’ following an "
     "inspection by His Majesty’s Inspectorate of Probation in November last year.",
     "other", "Ceredigion Youth Justice and Prevention Service"),
    # A newspaper: the byline-free BBC page still marks itself as news.
    ("'Serious concerns' about Bradford youth offending team\n- Published\n"
     "The Bradford Youth Offending Team lacked strategic leadership and failed to deal with child sexual exploitation, "
     "HM Inspectorate of Probation said.",
     "other", "Bradford Youth Offending Team"),
])
def test_document_type_and_service_as_written(text, doc_type, service):
    doc = parse(text)
    if doc_type is not None:
        assert document.doc_type(doc) == doc_type
    assert document.service(doc)[0] == service
