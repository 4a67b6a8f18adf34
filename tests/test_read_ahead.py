"""While the run's main process imports spaCy (most of a second), the other cores read PDFs ahead.

``executor.running_ahead`` runs cheap-to-redo work in the background for as long as a block lasts, then kills
what has not finished; the run marks the documents whose text was read, and their workers use it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pipeline.extract.executor import running_ahead
from pipeline.extract.run import RunOptions, run
from pipeline.extract.worker import preload_text, process_document
from tests.conftest import RAW, ROOT
from tests.helpers import minimal_pdf, text_stream


def _sleep_then(task: dict) -> bool:
    time.sleep(task["seconds"])
    if task["outcome"] == "raise":
        raise ValueError("a task that fails")
    if task["outcome"] == "crash":
        os._exit(7)
    return task["outcome"] == "done"


def test_what_finished_is_kept_and_what_did_not_is_killed_when_the_block_ends():
    tasks = [{"name": "quick", "seconds": 0, "outcome": "done"},
             {"name": "refused", "seconds": 0, "outcome": "no"},
             {"name": "raises", "seconds": 0, "outcome": "raise"},
             {"name": "crashes", "seconds": 0, "outcome": "crash"},
             {"name": "also quick", "seconds": 0, "outcome": "done"},
             {"name": "endless", "seconds": 600, "outcome": "done"}]
    with running_ahead(tasks, _sleep_then, 2, None) as finished:
        time.sleep(2)  # the block: long enough for every quick task
        assert finished == []  # known only when the block ends
    ended = time.monotonic()
    assert [task["name"] for task in finished] == ["quick", "also quick"]
    assert time.monotonic() - ended < 1


def test_with_no_worker_to_spare_nothing_runs_ahead():
    with running_ahead([{"seconds": 0, "outcome": "done"}], _sleep_then, 0, None) as finished:
        pass
    assert finished == []


def _task(path: Path, tmp_path: Path, **extra: object) -> dict:
    import hashlib

    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return {"doc_id": sha[:16], "sha": sha, "suffix": path.suffix, "path": str(path), "relative": path.name,
            "text_cache": str(tmp_path / f"{sha}.text.json"), "sentence_cache": str(tmp_path / f"{sha}.s.json"),
            "rows_cache": None, "read_cache": True, "pdf_engine": "pdfium", **extra}


def test_a_pdf_read_ahead_is_cached_and_a_bad_one_is_left_to_its_own_task(tmp_path):
    good = tmp_path / "good.pdf"
    good.write_bytes(minimal_pdf([text_stream([(72, 700, 12, "Inspectors rated Sutton YJS as Good overall.")])]))
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\ntruncated")
    assert preload_text(_task(good, tmp_path)) is True
    assert Path(_task(good, tmp_path)["text_cache"]).exists()
    assert preload_text(_task(bad, tmp_path)) is False
    assert not Path(_task(bad, tmp_path)["text_cache"]).exists()
    # the bad file's own task meets the failure and records it
    assert process_document(_task(bad, tmp_path))["error"]["error_kind"] == "corrupt_pdf"


def test_under_full_only_text_read_in_this_run_is_used(tmp_path):
    """--full re-reads every file; a text read ahead in this run (text_fresh) is not an old cache entry."""
    from pipeline.store import cache

    source = tmp_path / "release.pdf"
    source.write_bytes(minimal_pdf([text_stream([(72, 700, 12, "Inspectors rated Sutton YJS as Good overall.")])]))
    task = _task(source, tmp_path, read_cache=False)
    assert preload_text({**task, "read_cache": True})
    entry = cache.read_entry(task["text_cache"])
    entry["text"] = entry["text"].replace("Good", "Poor")  # marks the cached text: which one is read?
    cache.write_entry(task["text_cache"], entry)

    def label(result: dict) -> str:
        return result["rows"]["ratings"][0]["label"]

    assert label(process_document({**task, "text_fresh": True})) == "Poor"  # read in this run: used
    assert label(process_document(task)) == "Good"  # --full: an entry of an earlier run is not read


def test_a_cold_run_on_two_cores_reads_ahead_and_gives_the_same_tables(tmp_path):
    """In a fresh process (spaCy not yet imported), with two jobs: PDFs are read ahead, the log says how many,
    and every table is byte-identical to a one-job run's."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    ahead, alone = tmp_path / "ahead", tmp_path / "alone"
    ahead.mkdir()
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", "--raw-dir", str(raw), "--out-dir",
                           str(ahead), "--jobs", "2", "--quiet"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    log = (ahead / "logs" / "hmip.log").read_text(encoding="utf-8")
    read = int(log.split(" PDFs read ahead")[0].rsplit(" ", 3)[-3])
    assert read >= 1 and f"{read} of 5 PDFs read ahead" in log
    run(RunOptions(str(raw), str(alone), jobs=1, quiet=True))
    for table in sorted(p.name for p in alone.glob("*.parquet")):
        assert (ahead / table).read_bytes() == (alone / table).read_bytes(), table


def test_when_no_process_can_be_started_the_block_runs_alone(monkeypatch, caplog):
    import pebble

    def refuse(self, *args, **kwargs):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(pebble.ProcessPool, "schedule", refuse)
    import logging

    logger = logging.getLogger("hmip")  # a run stops it propagating to the root, where caplog listens
    logger.addHandler(caplog.handler)
    ran = []
    try:
        with running_ahead([{"seconds": 0, "outcome": "done"}], _sleep_then, 2, None) as finished:
            ran.append(True)
    finally:
        logger.removeHandler(caplog.handler)
    assert ran == [True] and finished == []
    assert "could not start reading ahead" in caplog.text
