"""The extract job: incremental, idempotent, deterministic, safe to interrupt."""

from __future__ import annotations

import os
import shutil

import pytest

from pipeline.extract.run import RunOptions, run, summary_text
from pipeline.store import tables
from tests.conftest import read_rows

TABLE_NAMES = ("documents", "pages", "ratings", "percentages", "dates", "recommendations", "errors")


def _run(raw, out, **kwargs):
    return run(RunOptions(str(raw), str(out), jobs=2, quiet=True, **kwargs))


def test_all_seven_tables_are_written(sample_out):
    for name in TABLE_NAMES:
        assert (sample_out / f"{name}.parquet").exists()
    assert len(read_rows(sample_out, "documents")) == 10
    assert read_rows(sample_out, "errors") == []


def test_second_run_with_no_change_rewrites_nothing(raw_copy, tmp_path):
    out = tmp_path / "out"
    first = _run(raw_copy, out)
    assert (first.new, first.processed) == (10, 10)
    stamps = {name: os.stat(out / f"{name}.parquet").st_mtime_ns for name in TABLE_NAMES}
    second = _run(raw_copy, out)
    assert (second.new, second.changed, second.unchanged, second.removed, second.processed) == (0, 0, 10, 0, 0)
    assert not second.wrote
    assert stamps == {name: os.stat(out / f"{name}.parquet").st_mtime_ns for name in TABLE_NAMES}
    assert summary_text(second).startswith("nothing changed: 10 documents, tables unchanged in")
    assert "\n" not in summary_text(second)


def test_removed_file_drops_its_rows_and_changed_file_is_reprocessed(raw_copy, tmp_path):
    out = tmp_path / "out"
    _run(raw_copy, out)
    (raw_copy / "000_e77b37ef78d33ca3.pdf").unlink()
    text = raw_copy / "002_f24fbe2cd9dd537a.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\nFieldwork ended in February 2022.\n", encoding="utf-8")
    report = _run(raw_copy, out)
    assert (report.removed, report.changed, report.processed) == (1, 1, 1)
    paths = {d["source_path"] for d in read_rows(out, "documents")}
    assert "000_e77b37ef78d33ca3.pdf" not in paths and len(paths) == 9
    doc_ids = {d["doc_id"] for d in read_rows(out, "documents")}
    assert {r["doc_id"] for r in read_rows(out, "dates")} <= doc_ids
    assert any(r["text"] == "February 2022" for r in read_rows(out, "dates"))


def test_identical_files_are_one_document_with_every_path(raw_copy, tmp_path):
    shutil.copy(raw_copy / "000_e77b37ef78d33ca3.txt", raw_copy / "copy of press release.txt")
    out = tmp_path / "out"
    _run(raw_copy, out)
    documents = read_rows(out, "documents")
    assert len(documents) == 10
    twin = next(d for d in documents if len(d["source_paths"]) == 2)
    assert twin["source_paths"] == ["000_e77b37ef78d33ca3.txt", "copy of press release.txt"]


def test_same_inputs_give_byte_identical_tables(raw_copy, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    _run(raw_copy, one)
    run(RunOptions(str(raw_copy), str(two), jobs=1, quiet=True))
    for name in TABLE_NAMES:
        assert (one / f"{name}.parquet").read_bytes() == (two / f"{name}.parquet").read_bytes(), name


def test_extractor_version_change_reextracts_without_reparsing(raw_copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    _run(raw_copy, out)
    import extractors.ratings
    import loaders.pdf
    import pipeline.store.versions

    # What editing an extractor does: its VERSION and the code fingerprint change.
    real_versions = pipeline.store.versions.current_versions
    monkeypatch.setattr(extractors.ratings, "VERSION", "ratings/test")
    monkeypatch.setattr(pipeline.store.versions, "current_versions", lambda engine=None: {**real_versions(engine), "code": "edited"})

    def no_parsing(*args, **kwargs):
        raise AssertionError("a PDF was parsed again")

    monkeypatch.setattr(loaders.pdf, "load_pdf", no_parsing)
    report = _run(raw_copy, out)
    assert report.processed == 10 and report.exit_code == 0
    assert {r["extractor_version"] for r in read_rows(out, "ratings")} == {"ratings/test"}


def test_interrupted_write_leaves_previous_tables_and_next_run_completes(raw_copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    _run(raw_copy, out)
    before = {name: (out / f"{name}.parquet").read_bytes() for name in TABLE_NAMES}
    (raw_copy / "003_cca3054b3e7419d3.txt").unlink()
    real_write = tables.write_parquet
    calls = []

    def crash_on_third(data, path):
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real_write(data, path)

    monkeypatch.setattr(tables, "write_parquet", crash_on_third)
    with pytest.raises(KeyboardInterrupt):
        _run(raw_copy, out)
    monkeypatch.setattr(tables, "write_parquet", real_write)
    for name in TABLE_NAMES:
        assert (out / f"{name}.parquet").read_bytes() == before[name]  # the old set, whole
    assert not [p for p in os.listdir(out) if p.endswith((".tmp", ".new"))]
    report = _run(raw_copy, out)
    assert report.wrote and report.removed == 1
    assert len(read_rows(out, "documents")) == 9


def test_cli_exit_codes(tmp_path, capsys):
    from pipeline.cli import main

    assert main(["extract", "--raw-dir", str(tmp_path / "missing"), "--out-dir", str(tmp_path / "o")]) == 2
    with pytest.raises(SystemExit) as stop:
        main(["extract", "--no-such-flag"])
    assert stop.value.code == 2
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "note.txt").write_text("Fieldwork took place in January 2022.", encoding="utf-8")
    assert main(["extract", "--raw-dir", str(raw), "--out-dir", str(tmp_path / "o"), "--quiet"]) == 0
    (raw / "empty.txt").write_bytes(b"")
    assert main(["extract", "--raw-dir", str(raw), "--out-dir", str(tmp_path / "o"), "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "empty.txt" in captured.err and "empty_file" in captured.err
    assert "1 failed" in captured.out


def test_progress_bar_only_for_a_person_watching():
    import io

    from pipeline.extract.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = Progress(4, stream=stream)
        for name in ("a.pdf", "b.pdf", "c.pdf", "d.pdf"):
            bar.advance(name)
        bar.close()
    assert "4/4" in terminal.getvalue() and "d.pdf" in terminal.getvalue()
    assert pipe.getvalue() == ""
    quiet = Terminal()
    Progress(4, enabled=False, stream=quiet).advance("a.pdf")
    assert quiet.getvalue() == ""
