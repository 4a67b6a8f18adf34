"""One document can never sink a run: whatever goes wrong inside one document's extraction or in its rows is
that document's ``internal_error`` row, and every other document is written (exit 1).

The faults are made for real: an extractor patched to raise, or to return rows that break the tables'
declarations, on one document of several (the forked workers inherit the patch); and texts built to
stress the readers (duplicated sentences, two documents run together, one label fifty times, very long
lines), which must all give tables.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.extract.run import RunOptions, run
from tests.conftest import REAL2_RAW, ROOT, read_rows

POISON = "Poisonville"  # an invented place: the patched extractors misbehave only on its document
GOOD = "Anytown Youth Justice Service has been rated 'Good' overall by inspectors, with a score of 27 out of 36."
POISONED = f"{POISON} Youth Justice Service has been rated 'Inadequate' overall by inspectors."


def _raw(tmp_path: Path, texts: dict[str, str]) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in texts.items():
        (raw / name).write_text(text, encoding="utf-8")
    return raw


def _corpus(tmp_path: Path) -> Path:
    return _raw(tmp_path, {"good.txt": GOOD, "second.txt": GOOD.replace("Anytown", "Newtown"),
                           "third.txt": GOOD.replace("Anytown", "Oldtown"), "poisoned.txt": POISONED})


def _extract(raw: Path, out: Path):
    return run(RunOptions(str(raw), str(out), jobs=1, quiet=True))


def _patch_ratings(monkeypatch, change) -> None:
    import extractors
    import extractors.ratings

    real = extractors.ratings.extract

    def patched(doc):
        found = real(doc)
        return change(found) if POISON in doc.text else found

    monkeypatch.setattr(extractors.ratings, "extract", patched)
    monkeypatch.setitem(extractors.EXTRACTORS, "ratings", extractors.ratings)


def _assert_only_the_poisoned_document_failed(report, out: Path) -> None:
    assert report.exit_code == 1 and report.wrote
    errors = read_rows(out, "errors")
    assert [(e["source_path"], e["error_kind"]) for e in errors] == [("poisoned.txt", "internal_error")]
    assert "hmip.log" in errors[0]["message"]
    documents = sorted(d["source_path"] for d in read_rows(out, "documents"))
    assert documents == ["good.txt", "second.txt", "third.txt"]
    assert {r["label"] for r in read_rows(out, "ratings")} == {"Good"}
    log = (out / "logs" / "hmip.log").read_text(encoding="utf-8")
    assert "poisoned.txt" in log


def test_an_extractor_that_raises_on_one_document_fails_that_document_alone(tmp_path, monkeypatch):
    def explode(found):
        raise RuntimeError("an extractor bug met on one text")

    _patch_ratings(monkeypatch, explode)
    out = tmp_path / "out"
    report = _extract(_corpus(tmp_path), out)
    _assert_only_the_poisoned_document_failed(report, out)
    assert "RuntimeError: an extractor bug met on one text" in read_rows(out, "errors")[0]["message"]
    assert "Traceback" in (out / "logs" / "hmip.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("fault", ["span_not_the_mention", "span_outside_text", "value_off_the_vocabulary", "wrong_type"])
def test_rows_that_break_their_declaration_fail_their_document_alone(tmp_path, monkeypatch, fault):
    def break_rows(found):
        rating = found.facts[0]
        broken = {
            "span_not_the_mention": [replace(rating, label_text="Poor")],
            "span_outside_text": [replace(rating, span=replace(rating.span, char_start=10_000, char_end=10_004))],
            "value_off_the_vocabulary": [replace(rating, scope="sector")],
            "wrong_type": [replace(rating, rank="second")],  # type: ignore[arg-type]
        }[fault]
        return replace(found, facts=broken)

    _patch_ratings(monkeypatch, break_rows)
    out = tmp_path / "out"
    report = _extract(_corpus(tmp_path), out)
    _assert_only_the_poisoned_document_failed(report, out)
    assert "break the tables' declarations" in read_rows(out, "errors")[0]["message"]


def test_two_candidates_alike_in_every_field_get_two_ids():
    """Ids are unique by construction: a duplicate is hashed again with its ordinal, the same way every run."""
    from models.facts import make_ids_unique

    rows = [{"mention_id": "a"}, {"mention_id": "b"}, {"mention_id": "a"}, {"mention_id": "a"}]
    make_ids_unique(rows, "mention_id")
    ids = [r["mention_id"] for r in rows]
    assert len(set(ids)) == 4 and ids[:2] == ["a", "b"]
    again = [{"mention_id": "a"}, {"mention_id": "b"}, {"mention_id": "a"}, {"mention_id": "a"}]
    make_ids_unique(again, "mention_id")
    assert [r["mention_id"] for r in again] == ids


def test_one_documents_problems_are_found_in_its_rows_alone():
    from pipeline.store.tables import document_problems

    text = "Anytown was rated Good."
    page = {"doc_id": "d", "page": 1, "char_start": 0, "char_end": len(text), "text": text, "removed": [],
            "engine": None, "extractor_version": "text/1"}
    mention = {"mention_id": "m", "doc_id": "d", "fact_type": "rating", "text": "Good", "decision": "fact",
               "fact_id": "f", "rule": "rated_as", "reason": None, "detail": None, "char_start": 18, "char_end": 22,
               "page": 1, "section_heading": None, "sentence": text, "extractor_version": "ratings/7"}
    assert document_problems({"pages": [page], "mentions": [mention]}, text) == [
        "mention m in d names fact 'f', which is not in ratings"]
    problems = document_problems({"pages": [page], "mentions": [mention, {**mention, "decision": "set_aside",
                                                                          "fact_id": None}]}, text)
    assert any("not unique" in p for p in problems) and any("without a reason" in p for p in problems)


def test_a_document_that_heals_is_written_again(tmp_path, monkeypatch):
    raw, out = _corpus(tmp_path), tmp_path / "out"
    _patch_ratings(monkeypatch, lambda found: replace(found, facts=[replace(found.facts[0], scope="sector")]))
    assert _extract(raw, out).exit_code == 1
    monkeypatch.undo()
    (raw / "poisoned.txt").write_text(POISONED + " ", encoding="utf-8")  # a new version of the file
    report = _extract(raw, out)
    assert report.exit_code == 0 and read_rows(out, "errors") == []
    assert {r["label"] for r in read_rows(out, "ratings")} == {"Good", "Inadequate"}


def test_a_fault_in_a_derived_row_fails_the_documents_it_was_made_from_alone(tmp_path, monkeypatch):
    # two inspections given one id (the fault a split inspection once made): the documents of those two
    # inspections are set aside as internal errors; the others are written, and so are the tables
    import pipeline.derive.inspections as inspections

    real = inspections.assign_ids

    def clashing(groups, known):
        idents = real(groups, known)
        poisoned = [i for i, g in enumerate(groups) if POISON in g[0].doc["service"]]
        other = next(i for i, g in enumerate(groups) if i not in poisoned)
        return [(idents[other][0], *ident[1:]) if i in poisoned else ident for i, ident in enumerate(idents)]

    monkeypatch.setattr(inspections, "assign_ids", clashing)
    raw, out = _corpus(tmp_path), tmp_path / "out"
    report = _extract(raw, out)
    assert report.exit_code == 1 and report.wrote
    errors = read_rows(out, "errors")
    assert {e["error_kind"] for e in errors} == {"internal_error"} and "poisoned.txt" in {e["source_path"] for e in errors}
    assert "not unique" in next(e["message"] for e in errors if e["source_path"] == "poisoned.txt")
    kept = {d["source_path"] for d in read_rows(out, "documents")}
    assert len(kept) >= 2 and "poisoned.txt" not in kept
    ids = [i["inspection_id"] for i in read_rows(out, "inspections")]
    assert len(ids) == len(set(ids)) >= 2


def test_the_same_fault_in_most_documents_is_the_programs_and_writes_nothing(tmp_path, monkeypatch):
    """Publishing tables without most of their documents would be worse than keeping the old ones."""
    import extractors.ratings

    raw, out = _corpus(tmp_path), tmp_path / "out"
    assert _extract(raw, out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.parquet")}
    real = extractors.ratings.extract
    monkeypatch.setattr(extractors.ratings, "extract",
                        lambda doc: replace(real(doc), facts=[replace(r, scope="sector") for r in real(doc).facts]))
    (raw / "fifth.txt").write_text(GOOD.replace("Anytown", "Fifthtown"), encoding="utf-8")
    with pytest.raises(Exception, match="fail inside the extractors"):
        run(RunOptions(str(raw), str(out), jobs=1, quiet=True, full=True))
    assert before == {p.name: p.read_bytes() for p in out.glob("*.parquet")}


def test_one_label_shared_by_two_subjects_does_not_sink_the_run(tmp_path):
    """The real news text that once made a whole run write nothing (two mentions with one id)."""
    raw = _raw(tmp_path, {"good.txt": GOOD})
    shutil.copyfile(REAL2_RAW / "332_trafford-fji-cypnow-2014.txt", raw / "332.txt")
    out = tmp_path / "out"
    report = _extract(raw, out)
    assert report.exit_code == 0, report.errors
    mentions = read_rows(out, "mentions")
    assert len({m["mention_id"] for m in mentions}) == len(mentions)
    assert len(read_rows(out, "documents")) == 2


def _fuzzed_texts() -> dict[str, str]:
    sample = (ROOT / "data" / "raw" / "000_e77b37ef78d33ca3.txt").read_text(encoding="utf-8")
    news = (REAL2_RAW / "332_trafford-fji-cypnow-2014.txt").read_text(encoding="utf-8")
    sentence = "Inspectors judged Anytown's case supervision and its planning to be 'Inadequate'. "
    return {
        "duplicated_sentences.txt": "".join(line + "\n" + line + "\n" for line in news.splitlines()),
        "two_documents.txt": sample + "\n" + news,
        "one_label_fifty_times.txt": "Anytown YOT was rated " + ", ".join(["'Good'"] * 50) + ".",
        "shared_label_repeated.txt": sentence * 200,
        "long_line.txt": ("Work with victims was rated 'Good' and staffing was 'Outstanding' " * 4000).strip(),
        "labels_only.txt": " ".join(["Outstanding Good Requires improvement Inadequate"] * 500),
        "no_punctuation.txt": " ".join(news.split())[:20000] * 3,
        "quotes_unbalanced.txt": "‘Good ’Outstanding“ ”Inadequate‘ 'Good" * 300,
    }


def test_a_fuzzed_corpus_gives_tables_with_every_document(tmp_path):
    raw = _raw(tmp_path, _fuzzed_texts())
    out = tmp_path / "out"
    report = _extract(raw, out)
    assert report.exit_code == 0, report.errors
    assert sorted(d["source_path"] for d in read_rows(out, "documents")) == sorted(_fuzzed_texts())
    mentions = read_rows(out, "mentions")
    assert len({m["mention_id"] for m in mentions}) == len(mentions)
