"""The raw folder is what it claims to be, and no file costs a full time-out night after night: the faults
of a job left to run alone for years, each made for real on the file system.

(The fetch side, against the local miniature site, is in test_fetch_faults.py; exports in test_export.py.)
"""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from pathlib import Path

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.extract.run import RunOptions, run, time_limit
from pipeline.store.outdir import EnvironmentProblem
from tests.conftest import read_rows

TINY = "The inspection of Anytown Youth Justice Service was published in May 2023."
TABLES = ("documents", "pages", "ratings", "mentions", "inspections", "errors")


def _raw(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"note-{number}.txt").write_text(f"Note {number}. {TINY}", encoding="utf-8")
    return folder


def _run(raw: Path, out: Path, **options) -> object:
    return run(RunOptions(str(raw), str(out), jobs=1, quiet=True, **options))


def _tables(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}


def _extract(raw: Path, out: Path, *extra: str) -> int:
    return main(["extract", "--raw-dir", str(raw), "--out-dir", str(out), "--jobs", "1", "--quiet", *extra])


# ------------------------------------------------------------------ links that lead out of the raw folder

def test_a_link_to_a_file_outside_the_raw_folder_is_an_error_row_not_read(tmp_path):
    raw = _raw(tmp_path / "raw", 1)
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Private words that must not reach the tables.", encoding="utf-8")
    os.symlink(secret, raw / "secret.txt")
    os.symlink("note-0.txt", raw / "alias.txt")  # a link inside the folder is an ordinary file
    report = _run(raw, tmp_path / "out")
    assert [(e["source_path"], e["error_kind"]) for e in report.errors] == [("secret.txt", "outside_raw")]
    pages = " ".join(row["text"] for row in read_rows(tmp_path / "out", "pages"))
    assert "Private words" not in pages and "Note 0." in pages
    report = _run(raw, tmp_path / "out", follow_symlinks=True)
    assert report.errors == []
    assert "Private words" in " ".join(row["text"] for row in read_rows(tmp_path / "out", "pages"))


# ------------------------------------------------------------------ folders that are not apart

@pytest.mark.parametrize("layout", ["same", "out inside raw", "raw inside out"])
def test_raw_and_output_folders_that_are_not_apart_are_refused(tmp_path, layout, capsys):
    base = tmp_path / "base"
    raw, out = {"same": (base, base), "out inside raw": (base, base / "out"),
                "raw inside out": (base / "raw", base)}[layout]
    _raw(raw, 2)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    with pytest.raises(EnvironmentProblem):
        _run(raw, out)
    assert _extract(raw, out) == 2
    assert "folder" in capsys.readouterr().err
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # nothing written


def test_a_link_that_makes_the_folders_one_is_refused_too(tmp_path):
    raw = _raw(tmp_path / "raw", 1)
    os.symlink(raw, tmp_path / "out")
    assert _extract(raw, tmp_path / "out") == 2


# ------------------------------------------------------------------ a folder that lost its files

@pytest.mark.parametrize("loss", ["emptied", "unmounted", "most removed"])
def test_a_run_that_would_empty_the_tables_refuses_and_leaves_them(tmp_path, loss, capsys):
    raw = _raw(tmp_path / "raw", 6)
    out = tmp_path / "out"
    assert _extract(raw, out) == 0
    before = _tables(out)
    if loss == "unmounted":
        shutil.rmtree(raw)
        raw.mkdir()  # the mount point, without its disk
    else:
        for path in sorted(raw.iterdir())[: 6 if loss == "emptied" else 4]:
            path.unlink()
    assert _extract(raw, out) == 2
    err = capsys.readouterr().err
    assert "would remove" in err and "--allow-removals" in err
    assert _tables(out) == before  # the tables as they were
    assert _extract(raw, out) == 2  # and again the next night, until someone looks
    assert _extract(raw, out, "--allow-removals") == 0
    assert len(read_rows(out, "documents")) == (0 if loss != "most removed" else 2)


def test_a_few_removals_go_through_and_the_threshold_is_an_option(tmp_path):
    raw = _raw(tmp_path / "raw", 6)
    out = tmp_path / "out"
    assert _extract(raw, out) == 0
    (raw / "note-0.txt").unlink()
    assert _extract(raw, out) == 0 and len(read_rows(out, "documents")) == 5
    for name in ("note-1.txt", "note-2.txt"):
        (raw / name).unlink()
    assert _extract(raw, out, "--max-removals", "30") == 2  # 2 of 5 is 40%
    assert _extract(raw, out, "--max-removals", "50") == 0 and len(read_rows(out, "documents")) == 3


@pytest.mark.parametrize("value", ["-1", "101", "nan"])
def test_a_removal_threshold_out_of_range_is_refused(tmp_path, value):
    raw = _raw(tmp_path / "raw", 1)
    assert _extract(raw, tmp_path / "out", "--max-removals", value) == 2
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------ a file that always times out

def _exhausting_reader(record: Path, real, kind: str):
    """A file read that takes longer than any time limit the test gives, or more memory than its limit, noting
    each call (in the worker)."""

    def exhausting(path: str) -> bytes:
        if path.endswith("slow.txt"):
            with open(record, "a") as handle:
                handle.write(path + "\n")
            if kind == "timeout":
                time.sleep(60)
            else:
                bytearray(4 * 1024**3)  # over the worker's address-space limit: MemoryError
        return real(path)

    return exhausting


@pytest.mark.parametrize("kind", ["timeout", "memory"])
def test_a_file_that_exhausts_its_worker_twice_is_set_aside_until_it_changes(tmp_path, monkeypatch, kind):
    import pipeline.extract.worker

    raw = _raw(tmp_path / "raw", 2)
    (raw / "slow.txt").write_text("A long report. " + TINY, encoding="utf-8")
    out = tmp_path / "out"
    calls = tmp_path / "calls"
    monkeypatch.setattr(pipeline.extract.worker, "read_bytes", _exhausting_reader(calls, pipeline.extract.worker.read_bytes, kind))
    limits = {"timeout": 1, "memory_mb": 1024}

    def kinds(report) -> list[str]:
        return [e["error_kind"] for e in report.errors if e["source_path"] == "slow.txt"]

    def tried() -> int:
        return len(calls.read_text().split())

    assert kinds(_run(raw, out, **limits)) == [kind]
    assert kinds(_run(raw, out, **limits)) == [kind]
    assert json.loads((out / "manifest.json").read_text())["exhausted"]
    started = time.monotonic()
    report = _run(raw, out, **limits)
    assert kinds(report) == [f"repeated_{kind}"] and tried() == 2  # not tried a third time
    assert "--retry-failed" in report.errors[0]["message"]
    assert time.monotonic() - started < 30
    assert [d["source_path"] for d in read_rows(out, "documents")] == ["note-0.txt", "note-1.txt"]
    assert kinds(_run(raw, out, retry_failed=True, **limits)) == [kind] and tried() == 3  # asked for: tried again
    (raw / "slow.txt").write_text("A shorter report. " + TINY, encoding="utf-8")  # new bytes: a new chance
    assert kinds(_run(raw, out, **limits)) == [kind] and tried() == 4


def test_a_larger_document_is_allowed_more_time():
    assert time_limit(120, 300_000, ".txt") == 120
    assert time_limit(120, 50_000_000, ".txt") == 120 * 50
    assert time_limit(120, 30_000_000, ".pdf") == 240  # a PDF's bytes are mostly images and fonts
    assert time_limit(120, 0, ".html") == 120


# ------------------------------------------------------------------ texts no person would write

def _word_soup(size: int, seed: int, line_breaks: bool) -> str:
    """Rating words without sentences: the worst case for every rule that reads around a label."""
    words = ("the service was rated Good and requires improvement while inspectors found Outstanding work in "
             "Anytown 2021 45% of cases were Inadequate May staff said planning assessment").split()
    chooser = random.Random(seed)
    pieces, length = [], 0
    while length < size:
        sentence = " ".join(chooser.choice(words) for _ in range(40)) + ("." if line_breaks else "")
        pieces.append(sentence)
        length += len(sentence) + 1
    return ("\n\n" if line_breaks else " ").join(pieces)


def test_a_text_of_one_endless_line_is_read_in_bounded_lines_and_sentences():
    from extractors.document import doc_type
    from loaders import load_bytes
    from models.document import MAX_LINE_CHARS, MAX_SENTENCE_CHARS_READ
    from pipeline.extract.parse import parse

    text = _word_soup(200_000, 1, line_breaks=False)
    doc = parse("soup", load_bytes(".txt", text.encode(), "pdfium"))
    assert max(len(line.text) for line in doc.lines) <= MAX_LINE_CHARS
    assert max(len(sentence.text) for sentence in doc.sentences) <= MAX_SENTENCE_CHARS_READ
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)
    assert doc.sentences[0].start == 0 and doc.sentences[-1].end == len(doc.text.rstrip())
    doc_type(doc)  # the document-wide cues are read too


def test_long_and_deep_inputs_are_extracted_not_timed_out(tmp_path):
    """Scaled-down forms of a 50 MB text, a 30 MB line and a page nested 200,000 deep (each took its reader
    quadratic time): with one minute allowed, all three are extracted."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "long.txt").write_text(_word_soup(400_000, 2, line_breaks=True), encoding="utf-8")
    (raw / "one-line.txt").write_text(_word_soup(300_000, 3, line_breaks=False), encoding="utf-8")
    depth = 20_000
    (raw / "deep.html").write_text("<html><body>" + "<div>" * depth + "Anytown YOT was rated Good." + "</div>" * depth
                                   + "</body></html>", encoding="utf-8")
    report = run(RunOptions(str(raw), str(tmp_path / "out"), jobs=3, quiet=True, timeout=60))
    assert report.errors == []
    documents = {d["source_path"]: d for d in read_rows(tmp_path / "out", "documents")}
    assert set(documents) == {"long.txt", "one-line.txt", "deep.html"}
    assert documents["one-line.txt"]["char_count"] > 290_000
    deep = [r for r in read_rows(tmp_path / "out", "ratings") if r["doc_id"] == documents["deep.html"]["doc_id"]]
    assert [r["label"] for r in deep] == ["Good"]


# A document's rows are written to the cache piece by piece (never as one string): the same JSON, whatever
# the payload.
_JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers(-(2 ** 63), 2 ** 63 - 1) | st.text(max_size=8)
                            | st.floats(allow_nan=False, allow_infinity=False),
                            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner,
                                                                                         max_size=4), max_leaves=12)


@given(st.dictionaries(st.text(max_size=6), st.lists(_JSON_VALUES, max_size=7) | _JSON_VALUES, max_size=4)
       | _JSON_VALUES)
def test_a_cache_entry_written_in_pieces_is_the_json_of_the_whole(payload):
    import pipeline.store.cache

    original = pipeline.store.cache._ROWS_PER_PIECE
    pipeline.store.cache._ROWS_PER_PIECE = 2
    try:
        joined = b"".join(pipeline.store.cache._json_pieces(payload))
        assert joined == orjson.dumps(payload)
        assert json.loads(joined) == payload
    finally:
        pipeline.store.cache._ROWS_PER_PIECE = original
