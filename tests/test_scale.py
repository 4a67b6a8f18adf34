"""Speed and scale: parse once, isolate each document, same bytes on any executor."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from pipeline.extract.run import RunOptions, run
from tests.conftest import ROOT, read_rows

TABLE_NAMES = ("documents", "pages", "ratings", "percentages", "dates", "recommendations", "checks",
               "inspections", "errors")


@pytest.fixture()
def small_raw(tmp_path):
    """Two press releases and one short report: quick to process, every fact type present."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("000_e77b37ef78d33ca3.txt", "002_f24fbe2cd9dd537a.txt", "000_e77b37ef78d33ca3.pdf"):
        (raw / name).write_bytes((ROOT / "data" / "raw" / name).read_bytes())
    return raw


def test_noop_run_imports_neither_spacy_nor_pdfplumber(small_raw, tmp_path):
    out = tmp_path / "out"
    run(RunOptions(str(small_raw), str(out), jobs=2, quiet=True))
    script = textwrap.dedent(f"""
        import json, sys
        from pipeline.extract.run import RunOptions, run
        report = run(RunOptions({str(small_raw)!r}, {str(out)!r}, quiet=True))
        print(json.dumps([report.wrote, report.processed, report.unchanged,
                          "spacy" in sys.modules, "pdfplumber" in sys.modules]))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [False, 0, 3, False, False]


def test_reextract_uses_cached_text_and_sentences(small_raw, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(RunOptions(str(small_raw), str(out), jobs=2, quiet=True))
    before = {name: (out / f"{name}.parquet").read_bytes() for name in TABLE_NAMES}
    import loaders.pdf
    import pipeline.extract.parse

    def forbidden(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(loaders.pdf, "load_pdf", forbidden)
    monkeypatch.setattr(pipeline.extract.parse, "sentence_bounds", forbidden)
    report = run(RunOptions(str(small_raw), str(out), jobs=2, quiet=True, reextract=True))
    assert report.processed == 3 and report.exit_code == 0
    assert before == {name: (out / f"{name}.parquet").read_bytes() for name in TABLE_NAMES}


def test_full_reparses_everything(small_raw, tmp_path):
    out = tmp_path / "out"
    run(RunOptions(str(small_raw), str(out), jobs=2, quiet=True))
    texts = sorted((out / ".cache" / "text").iterdir())
    assert len(texts) == 3
    stamps = {path: path.stat().st_mtime_ns for path in texts}
    report = run(RunOptions(str(small_raw), str(out), jobs=1, quiet=True, full=True))
    assert report.processed == 3 and report.exit_code == 0
    assert all(path.stat().st_mtime_ns > stamps[path] for path in texts)  # every text parsed again


def test_dask_executor_on_a_local_cluster_gives_the_same_bytes(small_raw, tmp_path):
    pytest.importorskip("dask.distributed")
    local, cluster = tmp_path / "local", tmp_path / "dask"
    run(RunOptions(str(small_raw), str(local), jobs=1, quiet=True))
    report = run(RunOptions(str(small_raw), str(cluster), jobs=2, quiet=True, executor="dask"))
    assert report.processed == 3 and report.exit_code == 0
    for name in TABLE_NAMES:
        assert (local / f"{name}.parquet").read_bytes() == (cluster / f"{name}.parquet").read_bytes(), name


def test_a_document_that_blows_up_memory_is_stopped_and_recorded(tmp_path, monkeypatch):
    import pipeline.extract.worker

    real = pipeline.extract.worker.load_bytes

    def greedy(suffix, data, pdf_engine=None):
        if b"GREEDY" in data:
            hog = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB
            return hog  # never reached under the limit
        return real(suffix, data, pdf_engine)

    monkeypatch.setattr(pipeline.extract.worker, "load_bytes", greedy)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "greedy.txt").write_text("GREEDY document", encoding="utf-8")
    (raw / "fine.txt").write_text("Fieldwork took place in January 2022.", encoding="utf-8")
    report = run(RunOptions(str(raw), str(tmp_path / "out"), jobs=2, quiet=True, memory_mb=1024))
    errors = read_rows(tmp_path / "out", "errors")
    assert [(e["source_path"], e["error_kind"]) for e in errors] == [("greedy.txt", "memory")]
    assert report.exit_code == 1
    assert [d["source_path"] for d in read_rows(tmp_path / "out", "documents")] == ["fine.txt"]
