"""The Inspectorate's arithmetic applied to the extracted facts (the `checks` table).

Pure functions over table rows. A failed check flags a document to look at:
either the extraction missed something, or the document departs from the rule
(inspectors may, for a standard's key-question band).
"""

from __future__ import annotations

from collections import defaultdict

import regex

from models.frameworks import standard_for
from models.rules import (
    CASE_ASSESSMENT_BANDS,
    CASE_ASSESSMENT_SENTENCE,
    KEY_QUESTION_BANDS,
    RATING_POINTS,
    SCORE_BANDS_36,
    SCORED_DOMAINS,
    band,
)
from models.vocabulary import Framework, Scope

VERSION = "checks/3"
_CASE_ASSESSMENT = regex.compile(CASE_ASSESSMENT_SENTENCE, regex.IGNORECASE)


def _check(doc_id: str, check: str, subject: str, expected: object, found: object, detail: str,
           outcome: str | None = None) -> dict:
    expected_text = str(expected)
    found_text = None if found is None else str(found)
    if outcome is None:
        outcome = "passed" if expected_text == found_text else "failed"
    return {"doc_id": doc_id, "check": check, "subject": subject, "expected": expected_text,
            "found": found_text, "passed": outcome == "passed", "outcome": outcome, "detail": detail,
            "extractor_version": VERSION}


# Frameworks that give a service an overall rating (the 2018 standards framework, the 2024 programme).
_RATED_OVERALL = ("standards_2018", "children_and_victims_2024")
# The 2018 framework's standards: domain 1 to 3, and 4.1 resettlement from its 2021 revision.
STANDARD_CODES_2018 = ("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4")
RESETTLEMENT_FROM = "2021-06-01"


def completeness_checks(document: dict, ratings: list[dict], scores: list[dict]) -> list[dict]:
    """The facts a document of its kind and framework must state; each one missing is a failed check.

    A press release about one inspection states the overall rating (2018 on); a report states its overall
    rating, its score and every standard (2018 framework) or its themes (2012-2017), its recommendations,
    and (2018 on) how many there are. When the framework cannot be told from
    the document, the check says it could not run rather than passing quietly.
    """
    doc_id, kind, framework = document["doc_id"], document["doc_type"], document["framework"]
    if document.get("language") == "cy":
        # The extractors read English: a Welsh text's unmatched words are not facts missed.
        return [_check(doc_id, "completeness", "language", "an English text", "cy",
                       "a Welsh-language text: what it must state is checked on its English version", outcome="not_run")]
    single = bool(document.get("service"))
    if kind not in ("report", "press_release") or (kind == "press_release" and not single):
        return []  # other parties' pages and the sector's publications owe no particular fact
    out: list[dict] = []
    current = [r for r in ratings if r["scope"] != Scope.PREVIOUS]
    if framework == Framework.UNKNOWN:
        return [_check(doc_id, "completeness", "framework", "a known framework", None,
                       "the inspection framework could not be told from the document, so the facts it must "
                       "state are not known", outcome="not_run")]
    if framework in _RATED_OVERALL:
        overall = next((r for r in current if r["scope"] == Scope.OVERALL), None)
        out.append(_check(doc_id, "states_overall_rating", "Overall", "stated", "stated" if overall else None,
                          f"a {kind.replace('_', ' ')} of a {framework} inspection states the service's overall rating"
                          + (f" (found '{overall['label']}')" if overall else "")))
    if kind != "report":
        return out
    if framework == Framework.STANDARDS_2018:
        out.append(_check(doc_id, "states_score", "Overall", "stated", "stated" if scores else None,
                          "a 2018-framework report states the overall score out of 36"
                          + (f" (found {scores[0]['score']}/{scores[0]['score_max']})" if scores else "")))
        coded = {r["code"]: r for r in current if r["scope"] == Scope.STANDARD and r.get("code")}
        dated = max(str(document.get("publication_date") or ""), str(document.get("fieldwork_start") or ""))
        codes = [*STANDARD_CODES_2018, *(("4.1",) if dated >= RESETTLEMENT_FROM or "4.1" in coded else ())]
        for code in codes:
            rating = coded.get(code)
            out.append(_check(doc_id, "states_standard", code, "rated", "rated" if rating else None,
                              f"a 2018-framework report rates standard {code}"
                              + (f" (found '{rating['label']}')" if rating else "")))
    elif framework == Framework.JOINT_INSPECTION_2012:
        themes = {r["subject"] for r in current if r["scope"] == Scope.THEME}
        out.append(_check(doc_id, "states_themes", "Themes", "at least 4", "at least 4" if len(themes) >= 4 else
                          len(themes), "a 2012-2017 joint inspection report judges each of its themes"))
    extracted = document.get("recommendation_count_extracted") or 0
    out.append(_check(doc_id, "states_recommendations", "Recommendations", "at least 1",
                      "at least 1" if extracted else 0, "a report lists the recommendations it makes"))
    if framework in _RATED_OVERALL:  # earlier reports list their recommendations without counting them
        stated = document.get("recommendation_count_stated")
        out.append(_check(doc_id, "states_recommendation_count", "Recommendations", "stated",
                          "stated" if stated is not None else None,
                          "a report of the 2018 framework or later says how many recommendations it makes"
                          + (f" ({stated})" if stated else "")))
    return out


def document_checks(document: dict, ratings: list[dict], percentages: list[dict],
                    scores: list[dict] | None = None) -> list[dict]:
    doc_id = document["doc_id"]
    out: list[dict] = []
    overall = next((r for r in ratings if r["scope"] == Scope.OVERALL), None)

    # 2018 framework: score = sum of the standards' points (domains 1-3), max = 3 x their number.
    if overall is not None and overall.get("score") is not None:
        scored = [r for r in ratings if r["scope"] == Scope.STANDARD and r.get("code")
                  and r["code"].split(".")[0] in SCORED_DOMAINS and r["label"] in RATING_POINTS]
        # The sum is checked only when the document rates every standard its score counts (a news page that
        # names the score and one standard's rating cannot be checked, and has not failed); a report that
        # leaves one out fails its completeness check instead.
        counted = (overall.get("score_max") or 3 * len(STANDARD_CODES_2018)) // 3
        rated = len({r["code"] for r in scored})
        if scored and rated < counted:
            for check, found in (("score_sum", overall["score"]), ("score_max", overall.get("score_max"))):
                out.append(_check(doc_id, check, "Overall", f"all {counted} standards rated", found,
                                  f"the document rates {rated} of the {counted} standards its score counts: "
                                  "the sum cannot be checked", outcome="not_run"))
        elif scored:
            points = [RATING_POINTS[r["label"]] for r in scored]
            terms = " + ".join(f"{r['code']} {r['label']} ({RATING_POINTS[r['label']]})" for r in scored)
            out.append(_check(doc_id, "score_sum", "Overall", sum(points), overall["score"],
                              f"sum of the ratings of {len(scored)} standards of domains 1-3: {terms}"))
            out.append(_check(doc_id, "score_max", "Overall", 3 * len(scored), overall.get("score_max"),
                              f"3 points for each of the {len(scored)} rated standards of domains 1-3"))
        if overall.get("score_max") == 36:
            expected = band(overall["score"], SCORE_BANDS_36)
            out.append(_check(doc_id, "score_band", "Overall", expected, overall["label"],
                              f"score {overall['score']}/36 lies in the band of '{expected}' "
                              "(0-6 Inadequate, 7-18 Requires improvement, 19-30 Good, 31-36 Outstanding)"))

    # A standard's rating follows the band of its lowest key-question "% 'Yes'".
    by_standard: dict[str, list[dict]] = defaultdict(list)
    for p in percentages:
        if p.get("section") and p.get("subject"):
            by_standard[p["section"]].append(p)
    for code, rows in sorted(by_standard.items()):
        lowest = min(rows, key=lambda p: p["value"])
        expected = band(lowest["value"], KEY_QUESTION_BANDS)
        rating = next((r for r in ratings if r["scope"] == Scope.STANDARD and r.get("code") == code), None)
        out.append(_check(doc_id, "key_question_band", code, expected, rating["label"] if rating else None,
                          f"lowest key question {lowest['text']} ('{lowest['subject']}') lies in the band of "
                          f"'{expected}' (under 50% Inadequate, 50-64% Requires improvement, 65-79% Good, "
                          "80%+ Outstanding); inspectors may depart from it"))

    # 2012-2017 joint inspections: a theme's judgement follows its case assessment score. The theme a score's
    # sentence names is found as a rating's is (models.frameworks: the framework's names for its areas).
    themes = {r["standard_key"]: r for r in ratings if r["scope"] == Scope.THEME and r.get("standard_key")}
    themed = document["framework"] if document["framework"] == Framework.CORE_CASE_2010 \
        else Framework.JOINT_INSPECTION_2012
    for p in percentages:
        if not _CASE_ASSESSMENT.search(p["sentence"]):
            continue
        standard = standard_for(themed, Scope.THEME, None, p["sentence"])
        if standard is None:
            continue
        key = standard.key
        expected = band(p["value"], CASE_ASSESSMENT_BANDS)
        rating = themes.get(key)
        subject = rating["subject"] if rating else key
        out.append(_check(doc_id, "case_assessment_band", subject, expected, rating["label"] if rating else None,
                          f"case assessment score {p['text']} lies in the band of '{expected}' "
                          "(80%+ Good, 65-79% Satisfactory, 50-64% Unsatisfactory, under 50% Poor)"))

    # A report's stated number of recommendations equals the number extracted.
    stated = document.get("recommendation_count_stated")
    if document["doc_type"] == "report" and stated is not None:
        out.append(_check(doc_id, "recommendation_count", "Recommendations", stated,
                          document["recommendation_count_extracted"],
                          f"the report says it made {stated} recommendations; found is the number extracted"))
    out += completeness_checks(document, ratings, scores or [])
    return _unique(out)


def inspection_checks(documents: list[dict]) -> list[dict]:
    """A press release agrees with its report on the overall rating and the number of recommendations."""
    reports = [d for d in documents if d["doc_type"] == "report"]
    if not reports:
        return []
    report = reports[0]
    out = []
    for release in (d for d in documents if d["doc_type"] == "press_release"):
        if report.get("overall_rating") is not None or release.get("overall_rating") is not None:
            out.append(_check(release["doc_id"], "press_release_overall_rating", report["doc_id"],
                              report.get("overall_rating"), release.get("overall_rating"),
                              f"overall rating in the report {report['source_path']}"))
        if release.get("recommendation_count_stated") is not None:
            expected = report["recommendation_count_extracted"] or report.get("recommendation_count_stated")
            out.append(_check(release["doc_id"], "press_release_recommendation_count", report["doc_id"],
                              expected, release["recommendation_count_stated"],
                              f"recommendations in the report {report['source_path']}"))
    return out


def agreement_check(document: dict, source: dict, rated: str, expected: str, found: str) -> dict:
    """Another document of an inspection states a rating: does it give the label of the document whose word
    is taken (the report over its press release)?"""
    return _check(document["doc_id"], "inspection_documents_agree", rated, expected, found,
                  f"{rated} in {source['doc_type'].replace('_', ' ')} {source['doc_id']} ({source['source_path']})")


def link_check(document: dict, could_be: list[str]) -> dict:
    """A document that matches two inspections that cannot be one joins neither: say so, and name them."""
    named = ", ".join(could_be) or "inspections of its service"
    return _check(document["doc_id"], "inspection_link", "inspection", "one inspection", None,
                  f"{document['source_path']} could describe any of {named}: nothing tells which, so it joins "
                  "none (its facts stay in the per-document tables)", outcome="not_run")


def unlinked_check(document: dict, inspections_of_service: list[str]) -> dict:
    """Another party's page that tells of an inspection of its service with nothing to say which one: in none."""
    named = ", ".join(inspections_of_service) or "none in these documents"
    return _check(document["doc_id"], "inspection_link", "inspection", "one inspection", None,
                  f"{document['source_path']} tells of an inspection of its service, but nothing in it (a rating of "
                  f"the service in it, a date of it, a sentence of its documents) says which, so it joins none "
                  f"(inspections of its service here: {named})", outcome="not_run")


def framework_link_check(document: dict, inspection_id: str, rated: bool) -> dict:
    """A page joined to its service's one inspection under the framework it names, nothing else saying which:
    a secondary source not confirmed by a date or a copied sentence (its rating, if any, fits more than one)."""
    why = ("its rating fits more than one inspection of its service" if rated else
           "nothing else in it (a rating of the service, a date of it, a sentence of its documents) says which")
    return _check(document["doc_id"], "inspection_link", "inspection", "one inspection", inspection_id,
                  f"{document['source_path']} joins {inspection_id}, its service's only inspection under the "
                  f"framework it names; {why}", outcome="not_run")


def conflict_check(document: dict, other: dict, differs: str) -> dict:
    """A report and a press release of one service that nothing else tells apart, kept apart because they
    rate something differently: one of them is misread, or they are two inspections."""
    return _check(document["doc_id"], "inspection_link", other["doc_id"], "one inspection", "two inspections",
                  f"{document['doc_type'].replace('_', ' ')} {document['source_path']} and "
                  f"{other['doc_type'].replace('_', ' ')} {other['source_path']} of one service could be one "
                  f"inspection but differ ({differs}): kept apart")


def listed_service_check(document: dict, listed: str, extracted: list[str], title: str, page: str) -> dict:
    """The service the site's listing names for an inspection is the service extracted from its document."""
    return _check(document["doc_id"], "listed_service", "service", listed, "; ".join(extracted),
                  f"the site lists {page} as '{title}'; the document's service is read from its text")


def _unique(rows: list[dict]) -> list[dict]:
    seen: set[tuple] = set()
    out = []
    for row in rows:
        key = (row["check"], row["subject"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out
