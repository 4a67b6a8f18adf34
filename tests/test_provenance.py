"""Every fact is traceable: text[char_start:char_end] is the mention, in its sentence, on its page."""

from __future__ import annotations

import itertools

import pytest

from tests.conftest import read_rows

MENTION = {"ratings": "label_text", "scores": "text", "percentages": "text", "dates": "text",
           "recommendations": "text", "mentions": "text"}
# The fact table a mention of each type points into.
FACT_TABLE = {"rating": ("ratings", "fact_id"), "score": ("scores", "fact_id"),
              "percentage": ("percentages", "fact_id"), "date": ("dates", "fact_id"),
              "recommendation": ("recommendations", "fact_id")}


@pytest.fixture(scope="module", params=["sample_out", "development_out", "real_out"])
def out(request):
    """The whole output of the sample corpus, the development documents (PDF, text, HTML) and the real set."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def texts(out):
    pages = sorted(read_rows(out, "pages"), key=lambda p: (p["doc_id"], p["page"]))
    texts: dict[str, str] = {}
    for page in pages:
        texts[page["doc_id"]] = texts.get(page["doc_id"], "") + page["text"]
    return texts, pages


def test_pages_tile_the_canonical_text(out, texts):
    joined, pages = texts
    documents = {d["doc_id"]: d for d in read_rows(out, "documents")}
    for doc_id, text in joined.items():
        assert len(text) == documents[doc_id]["char_count"]
        own = [p for p in pages if p["doc_id"] == doc_id]
        assert own[0]["char_start"] == 0 and own[-1]["char_end"] == len(text)
        for before, after in itertools.pairwise(own):
            assert before["char_end"] == after["char_start"]
        for page in own:
            assert text[page["char_start"] : page["char_end"]] == page["text"]


@pytest.mark.parametrize("table", sorted(MENTION))
def test_span_reproduces_the_mention(out, texts, table):
    joined, pages = texts
    rows = read_rows(out, table)
    if table == "scores" and not rows:
        pytest.skip("no scores in this corpus")
    assert rows
    for row in rows:
        text = joined[row["doc_id"]]
        mention = text[row["char_start"] : row["char_end"]]
        assert mention == row[MENTION[table]], row
        assert mention in row["sentence"] or row["sentence"] in text, row
        page = next(p for p in pages if p["doc_id"] == row["doc_id"] and p["page"] == row["page"])
        assert page["char_start"] <= row["char_start"] < page["char_end"], row


def test_every_mention_is_a_fact_that_exists_or_set_aside_with_a_reason(out):
    ids = {}
    for fact_type, (table, key) in FACT_TABLE.items():
        ids[fact_type] = {row[key] for row in read_rows(out, table)}
    mentions = read_rows(out, "mentions")
    assert {m["decision"] for m in mentions} == {"fact", "set_aside"}
    for mention in mentions:
        if mention["decision"] == "fact":
            assert mention["fact_id"] in ids[mention["fact_type"]], mention
            assert mention["rule"] and mention["reason"] is None, mention
        else:
            assert mention["fact_id"] is None and mention["reason"] not in (None, "unexplained"), mention


def test_every_fact_has_a_mention(out):
    # The mentions table is the audit trail: a fact that no candidate accounts for would be unauditable.
    mentioned = {m["fact_id"] for m in read_rows(out, "mentions") if m["decision"] == "fact"}
    for fact_type, (table, key) in FACT_TABLE.items():
        for row in read_rows(out, table):
            assert row[key] in mentioned, (fact_type, row)


def test_pdf_pages_are_real_pages(sample_out):
    documents = {d["source_path"]: d for d in read_rows(sample_out, "documents")}
    assert documents["004_215c1fc33e67d135.pdf"]["page_count"] == 26
    ratings = [r for r in read_rows(sample_out, "ratings")
               if r["doc_id"] == documents["004_215c1fc33e67d135.pdf"]["doc_id"] and r["code"] == "1.1"]
    assert ratings[0]["page"] == 5  # the ratings table page
    assert ratings[0]["section_heading"]
