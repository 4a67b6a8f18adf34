"""Hand-made gold answers (tests/gold/SPEC.md) against the pipeline's tables.

Two corpora: the bundled sample (five real documents, as .txt and .pdf) and
the development documents in tests/documents (short documents written for
the tests in the formats of other eras, as .txt, .pdf and .html).
"""

from __future__ import annotations

import pytest

from pipeline.evaluate import FACT_TYPES, FIELDS, evaluate, format_report
from tests.conftest import DEVELOPMENT_GOLD, GOLD, read_rows

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
