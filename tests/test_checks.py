"""The Inspectorate's arithmetic as cross-checks, and inspections linked across documents."""

from __future__ import annotations

import pytest

from models.rules import CASE_ASSESSMENT_BANDS, KEY_QUESTION_BANDS, SCORE_BANDS_36, band
from pipeline.derive.checks import STANDARD_CODES_2018, completeness_checks, document_checks
from pipeline.extract.run import RunOptions, run, summary_text
from tests.conftest import read_rows


def _checks(out, source_path):
    doc_id = next(d["doc_id"] for d in read_rows(out, "documents") if d["source_path"] == source_path)
    return {(c["check"], c["subject"]): c for c in read_rows(out, "checks") if c["doc_id"] == doc_id}


@pytest.mark.parametrize("source", ["004_215c1fc33e67d135.txt", "004_215c1fc33e67d135.pdf"])
def test_2024_report_score_band_key_questions_and_count(sample_out, source):
    checks = _checks(sample_out, source)
    assert (checks[("score_sum", "Overall")]["expected"], checks[("score_sum", "Overall")]["found"]) == ("13", "13")
    assert checks[("score_max", "Overall")]["found"] == "36"
    assert checks[("score_band", "Overall")]["expected"] == "Requires improvement"
    assert checks[("recommendation_count", "Recommendations")]["found"] == "7"
    key_questions = {s for c, s in checks if c == "key_question_band"}
    assert key_questions == {"2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"}
    assert all(c["passed"] for c in checks.values())


def test_a_score_beside_one_standards_rating_is_not_a_failed_sum():
    # "awarded a score of 31 out of a possible 36 ... also gave a verdict of 'outstanding' for the delivery of
    # court disposals": one standard of twelve cannot be summed to the score, and nothing has failed
    document = {"doc_id": "d1", "framework": "standards_2018", "doc_type": "other"}
    overall = {"scope": "overall", "code": None, "label": "Outstanding", "score": 31, "score_max": 36}
    one = {"scope": "standard", "code": "2.3", "label": "Outstanding"}
    checks = {c["check"]: c for c in document_checks(document, [overall, one], [])}
    assert checks["score_sum"]["outcome"] == checks["score_max"]["outcome"] == "not_run"
    assert "1 of the 12 standards" in checks["score_sum"]["detail"]
    assert checks["score_band"]["outcome"] == "passed"  # 31/36 is Outstanding: that check still runs
    # every standard rated: the sum is checked, and a wrong one fails
    every = [{"scope": "standard", "code": code, "label": "Good"} for code in STANDARD_CODES_2018]
    checks = {c["check"]: c for c in document_checks(document, [overall, *every], [])}
    assert (checks["score_sum"]["expected"], checks["score_sum"]["outcome"]) == ("24", "failed")


def test_2014_report_case_assessment_checks(sample_out):
    checks = _checks(sample_out, "001_a448a0cd0a2a187e.txt")
    case = {s: (c["expected"], c["found"]) for (name, s), c in checks.items() if name == "case_assessment_band"}
    assert case == {
        "Reducing the likelihood of reoffending": ("Satisfactory", "Satisfactory"),
        "Protecting the Public": ("Satisfactory", "Satisfactory"),
        "Protecting the child or young person": ("Satisfactory", "Satisfactory"),
        "Ensuring that the sentence is served": ("Good", "Good"),
    }


def test_one_inspection_per_inspection_in_the_sample(sample_out):
    inspections = read_rows(sample_out, "inspections")
    assert len(inspections) == 5
    assert all(len(i["doc_ids"]) == 2 for i in inspections)  # the .txt and .pdf of one document
    by_id = {i["inspection_id"]: i for i in inspections}
    # ids: the register's service key, the framework, and the month the Inspectorate published it (else
    # its fieldwork began)
    conwy = by_id["conwy-and-denbighshire-standards-2024-05"]
    assert (conwy["overall_rating"], conwy["score"], conwy["score_max"], conwy["recommendation_count"]) == (
        "Requires improvement", 13, 36, 7)
    assert conwy["gss_codes"] == ["W06000003", "W06000004"] and conwy["id_basis"] == "published"
    assert {"wrexham-joint-2013-09", "wrexham-standards-2019-03"} <= set(by_id)  # two Wrexham inspections


@pytest.mark.parametrize("value, expected", [(0, "Inadequate"), (6, "Inadequate"), (7, "Requires improvement"),
                                             (18, "Requires improvement"), (19, "Good"), (30, "Good"),
                                             (31, "Outstanding"), (36, "Outstanding")])
def test_score_bands(value, expected):
    assert band(value, SCORE_BANDS_36) == expected


def test_percentage_bands():
    assert [band(v, KEY_QUESTION_BANDS) for v in (49.9, 50, 64, 65, 79, 80)] == [
        "Inadequate", "Requires improvement", "Requires improvement", "Good", "Good", "Outstanding"]
    assert [band(v, CASE_ASSESSMENT_BANDS) for v in (49, 50, 65, 80)] == ["Poor", "Unsatisfactory", "Satisfactory", "Good"]


REPORT = """HM Inspectorate of Probation
An inspection of youth offending services in
Anytown
HM Inspectorate of Probation, June 2019

Ratings
Anytown Youth Offending Service
Fieldwork started February 2019
Score 30/36
Overall rating\tOutstanding
1.1 Governance and leadership\tGood
1.2 Staff\tGood
1.3 Partnerships and services\tGood
1.4 Information and facilities\tGood
2.1 Assessment\tGood
2.2 Planning\tGood
2.3 Implementation and delivery\tGood
2.4 Reviewing\tGood
3.1 Assessment\tGood
3.2 Planning\tGood
3.3 Implementation and delivery\tGood
3.4 Out-of-court disposal policy and provision\tGood

Recommendations
We have made three recommendations.
The Anytown YOS Management Board should:
1. Review the data it receives.
2. Make sure partners attend.

2.1. Assessment
Assessment is well-informed, analytical and personalised, actively involving the child and their parents or carers.
Good
\t% 'Yes'
Does assessment sufficiently analyse how to support the child's desistance?\t90%
Does assessment sufficiently analyse how to keep the child safe?\t55%
"""

PRESS_RELEASE = """Anytown Youth Offending Service rated 'Good'
Anytown Youth Offending Service has received an overall rating of 'Good' following an inspection.
The inspection made four recommendations.
ENDS
Notes to editors
1. The report is available on the HM Inspectorate of Probation website on 20 June 2019.
2. Fieldwork took place in February 2019.
"""


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    raw = tmp_path_factory.mktemp("planted")
    (raw / "anytown report.txt").write_text(REPORT, encoding="utf-8")
    (raw / "anytown press release.txt").write_text(PRESS_RELEASE, encoding="utf-8")
    out = raw.parent / (raw.name + "-out")
    report = run(RunOptions(str(raw), str(out), jobs=2, quiet=True))
    return out, report


def test_inconsistent_report_fails_its_checks(planted):
    out, report = planted
    checks = _checks(out, "anytown report.txt")
    assert (checks[("score_sum", "Overall")]["expected"], checks[("score_sum", "Overall")]["found"]) == ("24", "30")
    assert not checks[("score_sum", "Overall")]["passed"]
    score_band = checks[("score_band", "Overall")]  # 30/36 lies in the band of Good, not Outstanding
    assert (score_band["expected"], score_band["found"], score_band["passed"]) == ("Good", "Outstanding", False)
    kq = checks[("key_question_band", "2.1")]
    assert (kq["expected"], kq["found"], kq["passed"]) == ("Requires improvement", "Good", False)
    count = checks[("recommendation_count", "Recommendations")]
    assert (count["expected"], count["found"], count["passed"]) == ("3", "2", False)
    text = summary_text(report)
    assert "failed check score_sum" in text and "failed check key_question_band [2.1]" in text


def test_report_is_joined_to_its_press_release(planted):
    out, _ = planted
    inspections = read_rows(out, "inspections")
    assert len(inspections) == 1
    inspection = inspections[0]
    assert len(inspection["report_doc_ids"]) == 1 and len(inspection["press_release_doc_ids"]) == 1
    assert inspection["overall_rating"] == "Outstanding"  # the report's word
    assert str(inspection["publication_date"]) == "2019-06-01"
    checks = _checks(out, "anytown press release.txt")
    rating = checks[("press_release_overall_rating", inspection["report_doc_ids"][0])]
    assert (rating["expected"], rating["found"], rating["passed"]) == ("Outstanding", "Good", False)
    count = checks[("press_release_recommendation_count", inspection["report_doc_ids"][0])]
    assert (count["expected"], count["found"], count["passed"]) == ("2", "4", False)


def test_every_development_document_agrees_with_the_inspectorates_arithmetic(development_out):
    failed = [c for c in read_rows(development_out, "checks") if not c["passed"]]
    assert failed == []


def test_documents_naming_no_service_are_no_inspection(development_out):
    documents = read_rows(development_out, "documents")
    sector = {d["doc_id"] for d in documents if d["service_key"] is None}
    assert sector  # the annual report and the news of one
    joined = {doc_id for row in read_rows(development_out, "inspections") for doc_id in row["doc_ids"]}
    assert not sector & joined
    assert joined == {d["doc_id"] for d in documents if d["service_key"] and d["doc_type"] in ("report", "press_release")}


# ------------------------------------------------------------------ what a document of its kind must state
def _document(**fields) -> dict:
    base = {"doc_id": "d1", "doc_type": "report", "framework": "standards_2018", "service": "Anytown YOS",
            "publication_date": "2019-06-01", "fieldwork_start": None, "recommendation_count_extracted": 3,
            "recommendation_count_stated": 3}
    return base | fields


def _standards(*codes: str) -> list[dict]:
    return [{"scope": "standard", "code": code, "subject": code, "label": "Good"} for code in codes]


OVERALL = {"scope": "overall", "code": None, "subject": "Overall", "label": "Good"}
SCORE = [{"score": 24, "score_max": 36}]


def test_a_report_missing_a_standard_fails_for_that_standard_only():
    ratings = [OVERALL, *_standards(*(c for c in STANDARD_CODES_2018 if c != "2.3"))]
    checks = {(c["check"], c["subject"]): c for c in completeness_checks(_document(), ratings, SCORE)}
    assert checks[("states_standard", "2.3")]["outcome"] == "failed"
    assert checks[("states_standard", "2.3")]["found"] is None
    assert all(c["outcome"] == "passed" for key, c in checks.items() if key != ("states_standard", "2.3"))
    assert ("states_standard", "4.1") not in checks  # resettlement is rated from mid-2021 only


def test_a_2022_report_owes_the_resettlement_standard():
    ratings = [OVERALL, *_standards(*STANDARD_CODES_2018)]
    checks = {(c["check"], c["subject"]): c for c in
              completeness_checks(_document(publication_date="2022-03-01"), ratings, SCORE)}
    assert checks[("states_standard", "4.1")]["outcome"] == "failed"


def test_a_report_without_score_or_recommendations_says_so():
    checks = {c["check"]: c for c in completeness_checks(
        _document(recommendation_count_extracted=0, recommendation_count_stated=None),
        [OVERALL, *_standards(*STANDARD_CODES_2018)], [])}
    assert [checks[name]["outcome"] for name in ("states_score", "states_recommendations",
                                                  "states_recommendation_count")] == ["failed"] * 3


def test_a_press_release_must_state_the_overall_rating_and_nothing_else():
    release = _document(doc_type="press_release")
    assert [(c["check"], c["outcome"]) for c in completeness_checks(release, [], [])] == [
        ("states_overall_rating", "failed")]
    previous = [{"scope": "previous", "code": None, "subject": "Overall", "label": "Inadequate"}]
    assert completeness_checks(release, previous, [])[0]["outcome"] == "failed"  # an earlier rating is not today's
    assert completeness_checks(release, [OVERALL], [])[0]["outcome"] == "passed"


def test_unknown_framework_is_a_check_that_could_not_run_not_a_pass():
    (check,) = completeness_checks(_document(framework="unknown"), [], [])
    assert (check["check"], check["outcome"], check["passed"]) == ("completeness", "not_run", False)


def test_other_parties_and_sector_documents_owe_nothing():
    assert completeness_checks(_document(doc_type="other"), [], []) == []
    assert completeness_checks(_document(doc_type="press_release", service=None), [], []) == []


def test_a_joint_inspection_report_judges_its_themes():
    themes = [{"scope": "theme", "code": None, "subject": s, "label": "Good"} for s in ("A", "B", "C")]
    (check, _) = completeness_checks(_document(framework="joint_inspection_2012"), themes, [])
    assert (check["check"], check["found"], check["outcome"]) == ("states_themes", "3", "failed")


def test_the_planted_report_states_everything_it_owes(planted):
    out, _ = planted
    checks = _checks(out, "anytown report.txt")
    owed = {key: c for key, c in checks.items() if key[0].startswith("states_")}
    assert len([k for k in owed if k[0] == "states_standard"]) == 12
    assert all(c["outcome"] == "passed" for c in owed.values()), owed


def test_the_summary_names_the_file_of_a_failed_check_and_never_prints_a_null(planted):
    _, report = planted
    text = summary_text(report)
    assert "in anytown report.txt:" in text
    assert "None" not in text and "<NA>" not in text
    assert "\n" not in summary_text(report, quiet=True) and "failed checks" in summary_text(report, quiet=True)
