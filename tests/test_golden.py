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

from pipeline.dev.evaluate import FACT_TYPES, FIELDS, evaluate, format_report
from tests.conftest import DEVELOPMENT_GOLD, GOLD, REAL2_GOLD, REAL_GOLD, read_rows

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


# ------------------------------------------------------------------ the real development sets
# Floors just under the figures measured on 2026-12-05 (make eval): a change that loses real facts fails here,
# and a gain is recorded by raising the floor. The first set's ratings floor came down from 0.975 when the
# core case inspections' levels became the scale's own labels, and went back up to 0.965 when they became the
# levels as written ("Moderate improvement" for "must make a moderate improvement"); one of its answers still
# writes "requires minimum improvement" without "required" while the second set's write it with; see README
# "Accuracy". It rose to 0.97 when an ordinal that picks items of a list named before ("a ‘moderate improvement’ in
# the first two areas") was read, and came back to 0.965 when a level that shares an earlier level's verb of
# requiring became "... required" as that one is (the answer that writes neither so is the one in dispute).
REAL_F1_FLOORS = {
    "real": {"ratings": 0.965, "scores": 1.0, "percentages": 0.99, "dates": 0.99, "recommendations": 1.0},
    # real2's ratings floor came down from 0.97 when an aside naming one standard in two domains ("the assessment of
    # children given court sentences or diverted from court") gave its two standards rather than
    # one domain: right, but its answers name them "Assessment (court disposals)", the pipeline (and the first
    # set's answers) "Court disposals: Assessment", which the scorer does not match (README "Accuracy")
    "real2": {"ratings": 0.965, "percentages": 0.99, "dates": 0.99},
}
REAL_FIELD_FLOORS = {
    "real": {"doc_type": 0.99, "service": 0.99, "overall_rating": 0.99, "recommendation_count_stated": 0.99,
             "date_role": 0.98},
    "real2": {"doc_type": 0.99, "service": 0.935, "overall_rating": 0.99, "recommendation_count_stated": 0.99,
              "date_role": 0.99},
}
REAL_GOLDS = {"real": REAL_GOLD, "real2": REAL2_GOLD}


@pytest.fixture(scope="module", params=sorted(REAL_GOLDS))
def real_set(request):
    out = request.getfixturevalue("real_out" if request.param == "real" else "real2_out")
    return request.param, evaluate(str(REAL_GOLDS[request.param]), str(out))


def test_every_real_gold_file_is_scored(real_set):
    name, result = real_set
    assert result.unmatched_gold == []
    assert result.documents == len(list(REAL_GOLDS[name].glob("*.json")))


def test_real_sets_f1_stay_above_their_floors(real_set):
    name, result = real_set
    for fact_type, floor in REAL_F1_FLOORS[name].items():
        assert result.tallies[fact_type].tp > 0, fact_type
        assert result.f1(fact_type) >= floor, (name, fact_type, format_report(result))


def test_real_sets_document_fields_stay_above_their_floors(real_set):
    name, result = real_set
    for field, floor in REAL_FIELD_FLOORS[name].items():
        assert result.accuracy_of(field) >= floor, (name, field, format_report(result))


def test_no_real_candidate_is_set_aside_without_a_reason(real_set):
    # Every rating label, percent sign, month name, score and list item the extractors saw is either a fact or
    # set aside for a named reason; "unexplained" would mean a decision no rule accounts for.
    _, result = real_set
    assert result.unexplained == [], result.unexplained[:10]
    assert sum(result.set_aside.values()) > 0
    report = format_report(result)
    assert "unexplained candidates: 0" in report and "set-aside candidates by reason:" in report


def test_every_real_rating_miss_was_seen_and_set_aside_for_a_reason(real_set):
    # A miss is never silent: the eval report shows the candidate that covered it and what was decided.
    text = format_report(real_set[1])
    for line in text.splitlines():
        if " ratings MISS " in line:
            assert "<- [" in line, line


def test_each_stratum_is_scored_apart(real_set):
    """make eval reports who speaks and the era apart: the Inspectorate's releases, its reports, other parties."""
    _, result = real_set
    assert {"who: Inspectorate press releases", "who: other parties"} <= set(result.strata)
    assert sum(part.documents for name, part in result.strata.items() if name.startswith("who:")) == result.documents
    assert "by stratum" in format_report(result)
