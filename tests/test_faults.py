"""Faults that heal themselves: each fault below is made for real, then the next plain run must give the
tables a clean run gives (byte for byte), with no person deleting a file by hand.

Kills and races run `hmip` as a separate process; faults inside a run (a file edited while it is read, a
passing time-out) patch a function in this process, which the forked workers inherit.
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from pipeline.extract.run import RunOptions, run
from pipeline.store.outdir import EnvironmentProblem
from tests.conftest import ROOT, read_rows

TABLES = ("documents", "pages", "ratings", "scores", "percentages", "dates", "recommendations", "mentions",
          "checks", "inspections", "errors")
SMALL = ("000_e77b37ef78d33ca3.txt", "002_f24fbe2cd9dd537a.txt", "000_e77b37ef78d33ca3.pdf")
TINY = "Fieldwork took place in January 2022."


def _copy(names: tuple[str, ...], target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(ROOT / "data" / "raw" / name, target / name)
    return target


def _tables(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}


def _run(raw: Path, out: Path, **options) -> object:
    return run(RunOptions(str(raw), str(out), jobs=2, quiet=True, **options))


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict[str, bytes]:
    """The tables of a clean run over the small corpus: what every healed run must give."""
    base = tmp_path_factory.mktemp("clean")
    raw = _copy(SMALL, base / "raw")
    _run(raw, base / "out")
    return _tables(base / "out")


@pytest.fixture()
def done(tmp_path) -> tuple[Path, Path]:
    """The small corpus, already extracted once into out."""
    raw = _copy(SMALL, tmp_path / "raw")
    out = tmp_path / "out"
    _run(raw, out)
    return raw, out


def _hmip(*args: str, **popen: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)  # type: ignore[call-overload]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its entry waits to be reaped


def _workers_of(process: subprocess.Popen, count: int, within: float = 60) -> set[int]:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        found = _children(process.pid)
        if len(found) >= count:
            return found
        time.sleep(0.05)
    raise AssertionError("the workers never started")


# ------------------------------------------------------------------ a run killed or stopped

@pytest.mark.parametrize("sig, code", [(signal.SIGKILL, -signal.SIGKILL), (signal.SIGTERM, 143)])
@pytest.mark.parametrize("children", [1, 2], ids=["while reading ahead", "while extracting"])
def test_a_killed_or_stopped_run_leaves_no_worker_and_the_old_tables(done, clean, sig, code, children):
    """Killed as soon as its first child exists (the reader that runs ahead while the run imports spaCy), or
    once both workers do."""
    raw, out = done
    before = _tables(out)
    # work that lasts well past the moment both workers exist (one long report was sometimes done before the
    # signal came, on a busy machine): eight distinct copies of the two longest sample reports
    for i in range(8):
        source = ROOT / "data" / "raw" / ("001_a448a0cd0a2a187e.pdf" if i % 2 else "004_215c1fc33e67d135.pdf")
        (raw / f"long-{i}.pdf").write_bytes(source.read_bytes() + f"\n% copy {i}\n".encode())
    process = _hmip("--raw-dir", str(raw), "--out-dir", str(out), "--jobs", "2", "--quiet", "--full")
    workers = _workers_of(process, children)
    process.send_signal(sig)
    assert process.wait(timeout=60) == code
    if sig == signal.SIGTERM:
        assert "stopped (SIGTERM)" in process.stderr.read()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)], "workers outlived the run"
    assert _tables(out) == before
    for long in raw.glob("long-*.pdf"):
        long.unlink()
    report = _run(raw, out)
    assert report.exit_code == 0 and _tables(out) == clean


# ------------------------------------------------------------------ two runs, one output folder

def test_two_runs_racing_on_one_output_folder_leave_one_runs_tables(tmp_path):
    first = _copy(SMALL[:2], tmp_path / "first")
    second = _copy(("003_cca3054b3e7419d3.txt", "000_e77b37ef78d33ca3.pdf"), tmp_path / "second")
    out = tmp_path / "out"
    # (each run replaces the other's documents: the removals are meant, the race is the fault here)
    runs = [_hmip("--raw-dir", str(raw), "--out-dir", str(out), "--jobs", "1", "--quiet", "--allow-removals")
            for raw in (first, second)]
    assert [process.wait(timeout=120) for process in runs] == [0, 0]
    documents = {row["doc_id"]: row["source_path"] for row in read_rows(out, "documents")}
    assert set(documents.values()) in ({*SMALL[:2]}, {"003_cca3054b3e7419d3.txt", "000_e77b37ef78d33ca3.pdf"})
    for name in TABLES:
        assert {row["doc_id"] for row in read_rows(out, name) if row.get("doc_id")} <= set(documents), name
    assert {row["doc_id"] for row in read_rows(out, "pages")} == set(documents)
    manifest = json.loads((out / "manifest.json").read_text())
    assert set(manifest["files"]) == set(documents.values())


def test_a_run_waits_for_the_lock_or_stops_with_no_wait(done):
    from filelock import FileLock

    raw, out = done
    with FileLock(str(out / ".lock")):
        refused = _hmip("--raw-dir", str(raw), "--out-dir", str(out), "--no-wait", "--quiet")
        assert refused.wait(timeout=60) == 2
        assert "another run is writing" in refused.stderr.read()
        waiting = _hmip("--raw-dir", str(raw), "--out-dir", str(out), "--quiet")
        deadline = time.monotonic() + 60
        message = b""
        while b"waiting" not in message and time.monotonic() < deadline:
            ready, _, _ = select.select([waiting.stderr], [], [], 0.1)
            if ready:
                message += os.read(waiting.stderr.fileno(), 4096)
        assert b"waiting for it to finish" in message
        assert waiting.poll() is None  # still waiting while the lock is held
    assert waiting.wait(timeout=60) == 0


# ------------------------------------------------------------------ faults inside a run

def test_a_file_edited_while_it_is_read_is_retried_and_never_cached(done, clean, monkeypatch):
    import pipeline.extract.worker

    raw, out = done
    target = raw / "002_f24fbe2cd9dd537a.txt"
    original = target.read_bytes()
    real = pipeline.extract.worker.read_bytes

    def edit_then_read(path):
        if path.endswith("002_f24fbe2cd9dd537a.txt"):
            Path(path).write_bytes(original.replace(b"Good", b"Inadequate"))
        return real(path)

    monkeypatch.setattr(pipeline.extract.worker, "read_bytes", edit_then_read)
    report = _run(raw, out, full=True)
    assert [(e["source_path"], e["error_kind"]) for e in report.errors] == [("002_f24fbe2cd9dd537a.txt", "file_changed")]
    monkeypatch.setattr(pipeline.extract.worker, "read_bytes", real)
    target.write_bytes(original)
    report = _run(raw, out)
    assert report.errors == [] and _tables(out) == clean


def test_a_passing_failure_is_retried_by_the_next_plain_run(tmp_path, clean, monkeypatch):
    import pipeline.extract.worker

    raw, out = _copy(SMALL, tmp_path / "raw"), tmp_path / "out"
    real = pipeline.extract.worker.load_bytes

    def hang(suffix, data, pdf_engine=None):
        if suffix == ".pdf":
            time.sleep(3600)
        return real(suffix, data, pdf_engine)

    monkeypatch.setattr(pipeline.extract.worker, "load_bytes", hang)
    report = _run(raw, out, timeout=2)
    assert [e["error_kind"] for e in report.errors] == ["timeout"]
    assert report.exit_code == 1
    monkeypatch.setattr(pipeline.extract.worker, "load_bytes", real)
    report = _run(raw, out)
    assert report.processed == 1 and report.errors == [] and report.exit_code == 0
    assert _tables(out) == clean


# ------------------------------------------------------------------ files the file system will not give

def _without_root_powers() -> dict:
    """Root reads and writes every file: a permission fault is real only without that power. The child
    drops the capabilities that override file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) from its
    bounding set before it starts Python, so the new program never has them."""
    if os.geteuid() != 0:
        return {}

    def drop() -> None:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "cannot drop a capability")

    return {"preexec_fn": drop}


def test_unreadable_files_links_and_pipes_are_error_rows_and_the_rest_is_processed():
    base = Path(tempfile.mkdtemp(prefix="hmip-faults-"))
    try:
        base.chmod(0o777)
        raw = base / "raw"
        raw.mkdir()
        (raw / "good.txt").write_text(TINY, encoding="utf-8")
        (raw / "secret.txt").write_text(TINY, encoding="utf-8")
        (raw / "secret.txt").chmod(0)
        os.symlink("loop-b.txt", raw / "loop-a.txt")
        os.symlink("loop-a.txt", raw / "loop-b.txt")
        os.symlink("nowhere.txt", raw / "dangling.txt")
        os.mkfifo(raw / "pipe.txt")
        os.chmod(raw, 0o755)
        out = base / "out"
        process = _hmip("--raw-dir", str(raw), "--out-dir", str(out), "--jobs", "1", "--quiet",
                        env={**os.environ, "HOME": str(base)}, **_without_root_powers())
        assert process.wait(timeout=120) == 1, process.stderr.read()
        errors = {row["source_path"]: row["error_kind"] for row in read_rows(out, "errors")}
        assert errors == {"secret.txt": "permission_denied", "loop-a.txt": "symlink_loop",
                          "loop-b.txt": "symlink_loop", "dangling.txt": "dangling_link", "pipe.txt": "not_a_file"}
        assert [row["source_path"] for row in read_rows(out, "documents")] == ["good.txt"]
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_markdown_is_read_and_an_oversized_file_is_an_error_until_the_limit_allows_it(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "notes.md").write_text("# Inspection\n\n" + TINY, encoding="utf-8")
    (raw / "big.txt").write_text(TINY + " " + "x" * 300_000, encoding="utf-8")
    report = _run(raw, tmp_path / "out", max_file_mb=0.1)
    assert [(e["source_path"], e["error_kind"]) for e in report.errors] == [("big.txt", "too_large")]
    assert [d["source_path"] for d in read_rows(tmp_path / "out", "documents")] == ["notes.md"]
    report = _run(raw, tmp_path / "out", max_file_mb=1)
    assert report.errors == [] and len(read_rows(tmp_path / "out", "documents")) == 2


# ------------------------------------------------------------------ a corrupt manifest, cache or table

@pytest.mark.parametrize("content", [b'{"files": []}', b"\x8f\x00garbage\xff" * 50, b'{"versions": {"code": '],
                         ids=["wrong_shape", "random_bytes", "truncated"])
def test_a_corrupt_manifest_is_set_aside_and_the_tables_rebuilt(done, clean, content):
    raw, out = done
    (out / "manifest.json").write_bytes(content)
    report = _run(raw, out)
    assert report.exit_code == 0 and _tables(out) == clean
    assert json.loads((out / "manifest.json").read_text())["tables"]


def _cache_files(out: Path, kind: str) -> list[Path]:
    return sorted((out / ".cache" / kind).glob("*.json"))


@pytest.mark.parametrize("kind, damage", [
    ("rows", lambda data: data[: len(data) // 2]),
    ("text", lambda data: data[: len(data) // 2]),
    ("sentences", lambda data: b"[[0, 5], [40, 41]]"),  # well formed, but not what the run wrote
    ("sentences", lambda data: data.replace(b"[[", b"[[1", 1)),  # changed in place: the checksum disagrees
])
def test_a_damaged_cache_entry_is_discarded_and_rebuilt(done, clean, kind, damage):
    raw, out = done
    for path in _cache_files(out, kind):
        path.write_bytes(damage(path.read_bytes()))
    assert _run(raw, out).exit_code == 0 and _tables(out) == clean
    report = _run(raw, out, reextract=True)  # text and sentences are read again from the cache
    assert report.errors == [] and _tables(out) == clean
    assert all(path.read_bytes().startswith(b'{"format": "hmip-cache/1"') for path in _cache_files(out, kind))


def test_a_truncated_or_missing_table_is_noticed_and_the_set_rewritten(done, clean):
    raw, out = done
    ratings = out / "ratings.parquet"
    ratings.write_bytes(ratings.read_bytes()[:100])
    (out / "dates.parquet").unlink()
    report = _run(raw, out)
    assert sorted(report.repaired) == ["dates", "ratings"] and report.wrote
    assert _tables(out) == clean


def test_a_table_set_mixed_by_a_kill_during_the_switch_is_repaired(done, clean, tmp_path):
    raw, out = done
    # Another run's ratings table in place of this run's, as a kill between two renames would leave it.
    other = _copy(("003_cca3054b3e7419d3.txt",), tmp_path / "other")
    _run(other, tmp_path / "other-out")
    shutil.copyfile(tmp_path / "other-out" / "ratings.parquet", out / "ratings.parquet")
    report = _run(raw, out)
    assert report.repaired == ["ratings"] and _tables(out) == clean


def test_a_full_disk_while_writing_the_tables_leaves_the_old_set_whole(done, tmp_path):
    raw, out = done
    before = _tables(out)
    manifest = (out / "manifest.json").read_bytes()
    (raw / "tiny.txt").write_text(TINY, encoding="utf-8")

    def small_file_limit() -> None:
        # No file of more than 10 kB: enough for the new document's cache entries, not for the tables.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))

    process = _hmip("--raw-dir", str(raw), "--out-dir", str(out), "--jobs", "1", "--quiet",
                    preexec_fn=small_file_limit)
    assert process.wait(timeout=120) == 2
    assert "could not write the tables" in process.stderr.read()
    assert _tables(out) == before and (out / "manifest.json").read_bytes() == manifest
    assert not [p for p in os.listdir(out) if p.endswith((".new", ".tmp"))]
    report = _run(raw, out)
    fresh = tmp_path / "fresh"
    _run(raw, fresh)
    assert report.exit_code == 0 and _tables(out) == _tables(fresh)


# ------------------------------------------------------------------ the environment and the exit codes

def test_an_unusable_output_folder_stops_the_run_before_any_work(tmp_path):
    raw = _copy(SMALL[:1], tmp_path / "raw")
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(EnvironmentProblem, match="not a folder"):
        _run(raw, tmp_path / "file")
    from pipeline.cli import main

    assert main(["extract", "--raw-dir", str(raw), "--out-dir", str(tmp_path / "file"), "--quiet"]) == 2
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    process = _hmip("--raw-dir", str(raw), "--out-dir", str(read_only), "--quiet", **_without_root_powers())
    assert process.wait(timeout=60) == 2 and "cannot write to the output folder" in process.stderr.read()
    read_only.chmod(0o755)


@pytest.mark.parametrize("option", [["--timeout", "nan"], ["--timeout", "0"], ["--memory-mb", "-1"],
                                    ["--jobs", "-2"], ["--max-file-mb", "inf"]])
def test_option_values_out_of_range_are_refused(tmp_path, option):
    from pipeline.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    assert main(["extract", "--raw-dir", str(raw), "--out-dir", str(tmp_path / "out"), *option]) == 2
    assert not (tmp_path / "out").exists()


def test_a_known_failure_does_not_fail_every_night(tmp_path, capsys):
    from pipeline.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "note.txt").write_text(TINY, encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    arguments = ["extract", "--raw-dir", str(raw), "--out-dir", str(tmp_path / "out"), "--quiet"]
    assert main(arguments) == 1  # met for the first time
    assert main(arguments) == 0  # the same failure, reported again
    assert "1 failed" in capsys.readouterr().out
    assert main([*arguments, "--strict"]) == 1
    (raw / "binary.txt").write_bytes(b"\x00\x01" * 100)
    assert main(arguments) == 1  # a new one


def test_an_internal_error_exits_3_with_its_traceback_in_a_log_file(tmp_path, monkeypatch, capsys):
    import pipeline.extract.run
    from pipeline.cli import main

    def broken(*args, **kwargs):
        raise RuntimeError("something this program did wrong")

    monkeypatch.setattr(pipeline.extract.run, "assemble", broken)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "note.txt").write_text(TINY, encoding="utf-8")
    assert main(["extract", "--raw-dir", str(raw), "--out-dir", str(tmp_path / "out"), "--quiet"]) == 3
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert "internal error: RuntimeError: something this program did wrong" in line
    log = Path(line.split("traceback in ")[1].rstrip(")"))
    assert log.parent == tmp_path / "out" / "logs" and "Traceback" in log.read_text()


def test_a_long_text_is_read_in_pieces_with_the_same_sentences(monkeypatch):
    import pipeline.extract.parse

    text = "\n\n".join(f"Paragraph {i}. The service was rated 'Good' in 2019. Staff were committed." for i in range(60))
    whole = pipeline.extract.parse.sentence_bounds(text)
    monkeypatch.setattr(pipeline.extract.parse, "PIECE_CHARS", 500)
    assert len(pipeline.extract.parse.pieces(text)) > 5
    assert pipeline.extract.parse.sentence_bounds(text) == whole


def test_pieces_tile_the_text_and_cut_at_white_space():
    from pipeline.extract.parse import pieces

    text = ("word " * 37 + "\n") * 500 + "x" * 3000
    cuts = pieces(text, size=1000)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))
    assert all(end - start <= 1000 for start, end in cuts)
    assert all(text[end - 1].isspace() for _, end in cuts[:-4])


def test_a_regular_file_check_does_not_block_on_a_pipe(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    os.mkfifo(raw / "pipe.txt")
    assert stat.S_ISFIFO(os.stat(raw / "pipe.txt").st_mode)
    started = time.monotonic()
    report = _run(raw, tmp_path / "out")
    assert time.monotonic() - started < 30
    assert [e["error_kind"] for e in report.errors] == ["not_a_file"]
