"""Hand-made gold answers (tests/gold/SPEC.md) against the pipeline's tables.

Three corpora: the bundled sample (five real documents, as .txt and .pdf),
the development documents in tests/documents (short documents written for
the tests in the formats of other eras, as .txt, .pdf and .html), and the
real development set in tests/real (160 openings of real press releases,
reports, council papers and newspaper pages). The first two must be exact;
the real set has floors just under the figures measured when they were set,
so a change that loses real facts fails here and a gain is recorded by
raising the floor.
"""

from __future__ import annotations

import pytest

from pipeline.evaluate import FACT_TYPES, FIELDS, evaluate, format_report
from tests.conftest import DEVELOPMENT_GOLD, GOLD, REAL_GOLD, read_rows

CORPORA = {"sample": GOLD, "development": DEVELOPMENT_GOLD}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus(request):
    out = request.getfixturevalue("sample_out" if request.param == "sample" else "development_out")
    return request.param, out


@pytest.fixture(scope="module")
def result(corpus):
    name, out = corpus
    return evaluate(str(CORPORA[name]), str(out))


def test_every_gold_file_is_scored_from_each_rendering(result, corpus):
    assert result.unmatched_gold == []
    gold_files = len(list(CORPORA[corpus[0]].glob("*.json")))
    assert result.documents >= 2 * gold_files - 1  # .txt and .pdf; one development document is a web page


@pytest.mark.parametrize("fact_type", FACT_TYPES)
def test_f1_is_one_for_every_fact_type(result, fact_type):
    tally = result.tallies[fact_type]
    assert tally.tp > 0
    assert tally.f1 == 1.0, format_report(result)


@pytest.mark.parametrize("field", FIELDS)
def test_document_fields_are_right(result, field):
    assert result.accuracy[field], field
    assert result.accuracy_of(field) == 1.0, format_report(result)


def test_txt_and_pdf_renderings_give_the_same_facts(corpus):
    out = corpus[1]
    documents = {d["doc_id"]: d["source_path"] for d in read_rows(out, "documents")}
    for table, keys in {
        "ratings": ("scope", "code", "subject", "label", "score"),
        "percentages": ("value", "subject", "section"),
        "dates": ("date", "precision", "role"),
        "recommendations": ("number", "owner", "owner_type"),
    }.items():
        by_stem: dict[str, dict[str, list]] = {}
        for row in read_rows(out, table):
            stem, kind = documents[row["doc_id"]].rsplit(".", 1)
            by_stem.setdefault(stem, {}).setdefault(kind, []).append(tuple(row[k] for k in keys))
        for stem, kinds in by_stem.items():
            assert sorted(kinds.get("txt", []), key=str) == sorted(kinds.get("pdf", []), key=str), (table, stem)


def test_eval_report_lists_misses_and_extras(sample_out, tmp_path):
    import json
    import shutil

    gold = tmp_path / "gold"
    shutil.copytree(GOLD, gold)
    path = gold / "000_e77b37ef78d33ca3.json"
    data = json.loads(path.read_text())
    data["dates"].append({"date": "2019-04-01", "precision": "month", "text": "April 2019", "role": "other"})
    data["ratings"] = [r for r in data["ratings"] if r["scope"] != "overall"]
    path.write_text(json.dumps(data))
    result = evaluate(str(gold), str(sample_out))
    text = format_report(result)
    assert result.tallies["dates"].fn == 2  # the planted date, once for .txt and once for .pdf
    assert result.tallies["ratings"].fp == 2
    assert "MISS date='2019-04-01'" in text
    assert "EXTRA scope='overall'" in text and "found by inspectors to be good overall" in text


def test_gold_that_names_none_of_the_documents_scores_nothing_and_fails(sample_out, capsys):
    """The real set's answers against the sample's tables: no perfect scores over nothing, and exit 1."""
    from pipeline.cli import main

    result = evaluate(str(REAL_GOLD), str(sample_out))
    assert result.documents == 0
    text = format_report(result)
    assert "nothing was scored" in text and "1.000" not in text
    assert main(["eval", "--gold-dir", str(REAL_GOLD), "--out-dir", str(sample_out)]) == 1
    assert "documents scored: 0" in capsys.readouterr().out


# ------------------------------------------------------------------ the real development set
# Measured 2026-12-01 (ratings P 0.982 R 0.978; every other fact type 1.000). The remaining rating misses are
# listed by `make eval` with the candidate that covered each one; see README "Accuracy".
REAL_F1_FLOORS = {
    "ratings": 0.975,
    "scores": 1.0,
    "percentages": 0.99,
    "dates": 0.99,
    "recommendations": 1.0,
}
REAL_FIELD_FLOORS = {
    "doc_type": 0.98,
    "service": 0.97,
    "overall_rating": 0.99,
    "recommendation_count_stated": 0.99,
    "date_role": 0.98,
}


@pytest.fixture(scope="module")
def real_result(real_out):
    return evaluate(str(REAL_GOLD), str(real_out))


def test_every_real_gold_file_is_scored(real_result):
    assert real_result.unmatched_gold == []
    assert real_result.documents == len(list(REAL_GOLD.glob("*.json")))


@pytest.mark.parametrize("fact_type", sorted(REAL_F1_FLOORS))
def test_real_set_f1_stays_above_its_floor(real_result, fact_type):
    assert real_result.tallies[fact_type].tp > 0
    assert real_result.f1(fact_type) >= REAL_F1_FLOORS[fact_type], format_report(real_result)


@pytest.mark.parametrize("field", sorted(REAL_FIELD_FLOORS))
def test_real_set_document_fields_stay_above_their_floors(real_result, field):
    assert real_result.accuracy_of(field) >= REAL_FIELD_FLOORS[field], format_report(real_result)


def test_no_real_candidate_is_set_aside_without_a_reason(real_result):
    # Every rating label, percent sign, month name, score and list item the extractors saw is either a fact or
    # set aside for a named reason; "unexplained" would mean a decision no rule accounts for.
    assert real_result.unexplained == [], real_result.unexplained[:10]
    assert sum(real_result.set_aside.values()) > 0
    report = format_report(real_result)
    assert "unexplained candidates: 0" in report and "set-aside candidates by reason:" in report


def test_every_real_rating_miss_was_seen_and_set_aside_for_a_reason(real_result):
    # A miss is never silent: the eval report shows the candidate that covered it and what was decided.
    text = format_report(real_result)
    for line in text.splitlines():
        if " ratings MISS " in line:
            assert "<- [" in line, line
