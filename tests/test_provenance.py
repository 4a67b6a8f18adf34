"""Every fact is traceable: text[char_start:char_end] is the mention, in its sentence, on its page."""

from __future__ import annotations

import itertools

import pytest

from tests.conftest import read_rows

MENTION = {"ratings": "label_text", "percentages": "text", "dates": "text", "recommendations": "text"}


@pytest.fixture(scope="module", params=["sample_out", "development_out"])
def out(request):
    """The whole output of the sample corpus, and of the development documents (PDF, text, HTML)."""
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
    assert rows
    for row in rows:
        text = joined[row["doc_id"]]
        mention = text[row["char_start"] : row["char_end"]]
        assert mention == row[MENTION[table]], row
        assert mention in row["sentence"] or row["sentence"] in text, row
        page = next(p for p in pages if p["doc_id"] == row["doc_id"] and p["page"] == row["page"])
        assert page["char_start"] <= row["char_start"] < page["char_end"], row


def test_pdf_pages_are_real_pages(sample_out):
    documents = {d["source_path"]: d for d in read_rows(sample_out, "documents")}
    assert documents["004_215c1fc33e67d135.pdf"]["page_count"] == 26
    ratings = [r for r in read_rows(sample_out, "ratings")
               if r["doc_id"] == documents["004_215c1fc33e67d135.pdf"]["doc_id"] and r["code"] == "1.1"]
    assert ratings[0]["page"] == 5  # the ratings table page
    assert ratings[0]["section_heading"]
