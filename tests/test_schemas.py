"""One place declares each table; the README's data dictionary and the files agree with it."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.schemas import TABLES, Column, Table, data_dictionary_markdown
from pipeline.store.tables import (
    ValidationError,
    _columns_pass,
    _mentions_pass,
    build,
    mention_problems,
    row_problems,
    validate,
    validate_mentions,
)
from tests.conftest import ROOT, read_rows


def test_readme_data_dictionary_is_generated_from_the_schemas():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- data-dictionary:start -->\n") + len("<!-- data-dictionary:start -->\n")
    end = readme.index("<!-- data-dictionary:end -->")
    assert readme[start:end] == data_dictionary_markdown(), "run: python -m pipeline.dev.readme"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_written_tables_have_the_declared_schema(sample_out, name):
    schema = pq.read_schema(sample_out / f"{name}.parquet")
    assert schema.remove_metadata().equals(TABLES[name].schema)


def test_every_row_carries_the_extractor_version(sample_out):
    for name in TABLES:
        table = pq.read_table(sample_out / f"{name}.parquet")
        assert table.column("extractor_version").null_count == 0


def test_validation_rejects_bad_rows():
    table = TABLES["ratings"]
    row = {"fact_id": "a", "doc_id": "d", "scope": "overall", "code": None, "subject": "Overall",
           "label": "Good", "scale": "four_point", "rank": 2, "label_text": "Good", "char_start": 0,
           "framework": "standards_2018", "standard_key": "standards_2018/overall", "standard_name": "Overall",
           "char_end": 4, "page": 1, "section_heading": None, "sentence": "Good", "extractor_version": "ratings/1"}
    validate(table, build(table, [row]), {"d": "Good"})
    with pytest.raises(ValidationError, match="scope"):
        validate(table, build(table, [{**row, "scope": "sector"}]), {"d": "Good"})
    with pytest.raises(ValidationError, match="not unique"):
        validate(table, build(table, [row, row]), {"d": "Good"})
    with pytest.raises(ValidationError, match="outside"):
        validate(table, build(table, [{**row, "char_end": 99}]), {"d": "Good"})
    # a fact is never guessed: its span must reproduce its mention
    with pytest.raises(ValidationError, match="reads 'Goo', not the label_text 'Good'"):
        validate(table, build(table, [{**row, "char_end": 3}]), {"d": "Good"})


# A small table of each kind of check: a key of two columns, a closed vocabulary, a column never null
_CHECKED = Table("checked", "rows for the property test", (
    Column("doc_id", pa.string(), "key part", nullable=False),
    Column("n", pa.int32(), "key part", nullable=False),
    Column("kind", pa.string(), "closed vocabulary", allowed=("good", "poor")),
    Column("share", pa.float64(), "free"),
), key=("doc_id", "n"))
_CHECKED_ROWS = st.lists(st.fixed_dictionaries({
    "doc_id": st.sampled_from(["a", "b", None]), "n": st.integers(0, 2) | st.none(),
    "kind": st.sampled_from(["good", "poor", "fine", None]), "share": st.floats(allow_nan=True) | st.none()}),
    max_size=6)


@given(_CHECKED_ROWS)
def test_the_whole_table_check_agrees_with_the_row_by_row_one(rows):
    data = pa.Table.from_pylist(rows, schema=pa.schema([pa.field(c.name, c.type) for c in _CHECKED.columns]))
    problems = row_problems(_CHECKED, rows, check_types=False)
    if _columns_pass(_CHECKED, data):
        assert problems == []  # the columns' verdict is never kinder than the rows'
    if problems:
        with pytest.raises(ValidationError):
            validate(_CHECKED, data)
    else:
        validate(_CHECKED, data)


@given(st.lists(st.fixed_dictionaries({
    "decision": st.sampled_from(["fact", "set_aside"]), "fact_type": st.sampled_from(["rating", "date", "score"]),
    "fact_id": st.sampled_from(["r1", "d1", "x", None]), "reason": st.sampled_from(["ordinary_word", "", None])}),
    max_size=6))
def test_the_whole_mentions_check_agrees_with_the_row_by_row_one(mentions):
    rows = [{**m, "mention_id": f"m{i}", "doc_id": "a"} for i, m in enumerate(mentions)]
    schema = pa.schema([(name, pa.string()) for name in ("decision", "fact_type", "fact_id", "reason", "mention_id",
                                                          "doc_id")])
    built = {"mentions": pa.Table.from_pylist(rows, schema=schema), "ratings": pa.table({"fact_id": ["r1"]}),
             "dates": pa.table({"fact_id": ["d1"]})}
    problems = mention_problems(rows, {"rating": {"r1"}, "date": {"d1"}})
    if _mentions_pass(built):
        assert problems == []
    if problems:
        with pytest.raises(ValidationError):
            validate_mentions(built)
    else:
        validate_mentions(built)


def test_an_invalid_row_is_its_documents_error_and_the_others_are_written(tmp_path, monkeypatch, capsys):
    import extractors.ratings
    from pipeline.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "press.txt").write_text("Anytown YOT has been rated 'Good' overall by inspectors.", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", "--raw-dir", str(raw), "--out-dir", str(out), "--quiet", "--jobs", "1"]) == 0
    (raw / "second.txt").write_text("Othertown YOT has been rated 'Poor' overall by inspectors.", encoding="utf-8")
    real = extractors.ratings.extract

    def out_of_vocabulary(doc):
        from dataclasses import replace

        found = real(doc)
        return replace(found, facts=[replace(r, scope="sector") for r in found.facts])

    monkeypatch.setattr(extractors.ratings, "extract", out_of_vocabulary)
    # rows the schema refuses are this program's fault, met in one document: that document is an error row
    # naming the rule it broke, and every other document's rows are written (exit 1: a new failure)
    assert main(["extract", "--raw-dir", str(raw), "--out-dir", str(out), "--quiet", "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "second.txt" in err and "scope" in err and "'sector'" in err and "doc_id" in err
    errors = read_rows(out, "errors")
    assert [(e["source_path"], e["error_kind"]) for e in errors] == [("second.txt", "internal_error")]
    assert [d["source_path"] for d in read_rows(out, "documents")] == ["press.txt"]
    assert [r["label"] for r in read_rows(out, "ratings")] == ["Good"]


def test_a_generated_readme_section_is_replaced_between_its_markers(tmp_path):
    from pipeline.dev.bench import TARGETS, readme_table
    from pipeline.dev.readme import replace_section

    readme = tmp_path / "README.md"
    readme.write_text("# Title\n<!-- bench:start -->\nold figures\n<!-- bench:end -->\nafter\n", encoding="utf-8")
    record = {"when": {"utc": "2026-11-23T00:00:00+00:00"}, "machine": {"cores": 2, "python": "3.11.7"},
              "corpus": {"pdf_documents": 20, "pages": 312, "noop_documents": 1000},
              "figures": {"reextract_docs_per_s": 61.5}, "ratios": {"pdfium_all_cores_vs_1_job": 1.84}}
    replace_section("bench", readme_table(record, TARGETS), readme)
    text = readme.read_text(encoding="utf-8")
    assert "old figures" not in text and text.endswith("<!-- bench:end -->\nafter\n")
    assert "| `reextract_docs_per_s` | 61.500 | >= 50 |" in text
    assert "| `pdfium_all_cores_vs_1_job` | 1.84x | >= 1.7x on 2 cores |" in text
