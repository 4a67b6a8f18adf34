"""`hmip fetch` left unattended against a site that sends hostile names, broken downloads and endless waits: each
fault is made for real by the miniature site on 127.0.0.1 (tests/site_server.py), and the fetch must write only
inside its raw folder, keep only whole files, turn one bad URL into one failure, keep to its time budget, never
run what its cache holds, and resume after a kill without keeping anything twice."""

from __future__ import annotations

import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.web.fetch import FetchOptions, fetch, safe_name
from tests.conftest import ROOT, read_rows
from tests.site_server import Site, fetch_options

CONWY_PDF = "/hmiprobation/wp-content/uploads/2024/05/conwy-and-denbighshire-yjs-inspection-report.pdf"
NEWPORT_PDF = "/hmiprobation/wp-content/uploads/2024/04/newport-yjs-inspection-report.pdf"
WEST_MERCIA_PDF = "/hmiprobation/wp-content/uploads/2024/01/west-mercia-yjs-inspection-report.pdf"
FIRST_RUN_FILES = 8
SAMPLE_PDF = (ROOT / "data" / "raw" / "000_e77b37ef78d33ca3.pdf").read_bytes()


def _options(tmp_path: Path, site: Site, **overrides) -> FetchOptions:
    return fetch_options(tmp_path, site, **{"retries": 1, **overrides})  # one retry: the faults come quicker


def _files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# ------------------------------------------------------------------ names from the site
@given(st.text(max_size=400))
def test_a_safe_name_is_short_plain_and_never_a_path(part):
    name = safe_name(part)
    assert 0 < len(name) <= 100
    assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789._-" for c in name)
    assert not name.startswith(".") and ".." not in name and "/" not in name


@pytest.mark.parametrize("one, other", [("Report.pdf", "report.pdf"), ("a/b.pdf", "a-b.pdf"), ("x" * 300, "x" * 301),
                                        ("..%2Fescape", "escape"), ("caf\u00e9", "cafe")])
def test_different_names_stay_different(one, other):
    assert safe_name(one) != safe_name(other)


HOSTILE = {
    "traversal": "..%2F..%2F..%2Fescape.pdf",
    "nul": "report%00.pdf",
    "newline": "re%0Aport.pdf",
    "rtl": "report%E2%80%AEfdp.pdf",
    "long": ("r" * 300) + ".pdf",
    "upper": "REPORT.pdf",
    "lower": "report.pdf",
}


def test_names_from_the_site_never_lead_outside_the_raw_folder(tmp_path, site):
    """A programme named ../../../escape/x, an absolute one, an inspection slug with %2F, and file names with
    .., NUL, a newline, a right-to-left mark, 300 characters, or differing only in case."""
    index = (ROOT / "tests" / "site" / "inspections.html").read_text(encoding="utf-8")
    hostile_programmes = ["../../../escape/x", "/tmp/escape-youth", "youth%2F..%2F..%2Fescape"]
    options = "".join(f'<option value="{p}">Youth offending {i}</option>' for i, p in enumerate(hostile_programmes))
    site.behaviour.content["/hmiprobation/inspections"] = index.replace(
        '<option value="probation-delivery-unit-inspections">',
        options + '<option value="probation-delivery-unit-inspections">').encode()
    links = "".join(f'<p><a href="/hmiprobation/wp-content/uploads/2024/05/{name}">Inspection report {key}</a></p>'
                    for key, name in HOSTILE.items())
    page = ("<html><body><main><div id=\"inspection-meta\"><dl><dt>Date of publication</dt><dd>1 May 2024</dd></dl>"
            f"</div>{links}</main></body></html>").encode()
    for number, programme in enumerate(hostile_programmes):
        listing = (f'<html><body><div class="result inspection"><h4><a href="/hmiprobation/inspections/..%2F..%2F'
                   f'escape{number}/">An inspection of youth justice services</a></h4></div></body></html>').encode()
        site.behaviour.content[f"/hmiprobation/inspections?paged=1&probation-inspection-type={programme}&year=2024"] = listing
        site.behaviour.content[f"/hmiprobation/inspections/..%2F..%2Fescape{number}/"] = page
        site.behaviour.content[f"/hmiprobation/inspections/../../escape{number}/"] = page
    for key, name in HOSTILE.items():  # served at the path as requested (still percent-encoded)
        site.behaviour.content["/hmiprobation/wp-content/uploads/2024/05/" + name] = SAMPLE_PDF + key.encode() \
            + b"\n%%EOF\n"
    report = fetch(_options(tmp_path, site))
    raw = tmp_path / "raw"
    everything = {str(p) for p in tmp_path.rglob("*") if p.is_file()}
    outside = [p for p in everything if not p.startswith(str(raw) + os.sep) and not p.startswith(str(tmp_path / "out"))]
    assert outside == []
    assert not Path("/tmp/escape-youth").exists()
    sources = read_rows(tmp_path / "out", "sources")
    for row in sources:
        assert (raw / row["path"]).resolve().is_relative_to(raw.resolve())
        assert all(c.isascii() and (c.isalnum() or c in "._-/") for c in row["path"]), row["path"]
    hostile_rows = [r for r in sources if "uploads/2024/05/" in r["url"] and "conwy" not in r["url"]]
    assert len({r["path"] for r in hostile_rows}) == len(HOSTILE)  # every file kept, none over another
    assert report.exit_code in (0, 1)


# ------------------------------------------------------------------ a file is complete or it is not kept
def test_a_download_cut_short_without_a_length_is_not_kept_and_is_fetched_next_time(tmp_path, site):
    site.behaviour.cut_without_length.add(CONWY_PDF)
    report = fetch(_options(tmp_path, site))
    assert [(f["url"].endswith("conwy-and-denbighshire-yjs-inspection-report.pdf"), f["error_kind"])
            for f in report.failures] == [(True, "truncated")]
    assert not [p for p in _files_under(tmp_path / "raw") if "conwy-and-denbighshire-yjs" in p or p.endswith(".part")]
    site.behaviour.cut_without_length.clear()
    again = fetch(_options(tmp_path, site))
    assert [row["url"].rsplit("/", 1)[1] for row in again.fetched] == ["conwy-and-denbighshire-yjs-inspection-report.pdf"]


def test_a_pdf_that_does_not_open_is_not_kept(tmp_path, site):
    site.behaviour.content[CONWY_PDF] = b"%PDF-1.4\nthis is not a PDF at all\n%%EOF\n"
    report = fetch(_options(tmp_path, site))
    assert [f["error_kind"] for f in report.failures] == ["corrupt_pdf"]
    assert not [p for p in _files_under(tmp_path / "raw") if "conwy-and-denbighshire-yjs" in p]


# ------------------------------------------------------------------ one bad URL is one failure
def test_a_redirect_loop_and_an_overlong_name_are_one_failure_each_and_the_rest_is_fetched(tmp_path, site):
    site.behaviour.redirect_loop.add(WEST_MERCIA_PDF)
    long_name = "/hmiprobation/wp-content/uploads/2024/04/" + "n" * 300 + ".pdf"
    page = (ROOT / "tests" / "site" / "inspection" / "newportyjs2024.html").read_text(encoding="utf-8")
    site.behaviour.content["/hmiprobation/inspections/newportyjs2024/"] = page.replace(
        "newport-yjs-inspection-report.pdf", "n" * 300 + ".pdf").encode()
    site.behaviour.content[long_name] = SAMPLE_PDF
    report = fetch(_options(tmp_path, site))
    assert [(f["url"].rsplit("/", 1)[1], f["error_kind"]) for f in report.failures] == [
        ("west-mercia-yjs-inspection-report.pdf", "redirect_loop")]
    assert report.exit_code == 1 and len(report.fetched) == FIRST_RUN_FILES - 1
    long_row = next(r for r in report.fetched if r["url"].endswith("n" * 300 + ".pdf"))
    assert len(os.path.basename(long_row["path"])) <= 100
    assert not [p for p in _files_under(tmp_path / "raw") if p.endswith(".part")]


def test_a_retry_after_past_the_budget_defers_the_url_within_the_budget(tmp_path, site):
    site.behaviour.retry_after[CONWY_PDF] = 40
    started = time.monotonic()
    report = fetch(_options(tmp_path, site, budget=10.0))
    assert time.monotonic() - started < 15
    assert [f["error_kind"] for f in report.failures if "conwy-and-denbighshire-yjs" in f["url"]] == ["deferred"]
    assert len(report.fetched) == FIRST_RUN_FILES - 1


def test_a_server_that_trickles_is_stopped_at_the_file_deadline(tmp_path, site):
    site.behaviour.trickle.add(CONWY_PDF)
    site.behaviour.trickle_seconds = 0.5
    started = time.monotonic()
    report = fetch(_options(tmp_path, site, file_seconds=2.0, timeout=5.0))
    assert time.monotonic() - started < 15
    assert [f["error_kind"] for f in report.failures] == ["timeout"]
    assert "longer than 2 s" in report.failures[0]["message"]


def test_a_download_over_the_size_cap_is_stopped_and_recorded(tmp_path, site):
    site.behaviour.huge[CONWY_PDF] = 3 * 1024 * 1024
    report = fetch(_options(tmp_path, site, max_file_mb=1.0))
    assert [f["error_kind"] for f in report.failures] == ["too_large"]
    assert not [p for p in _files_under(tmp_path / "raw") if "conwy-and-denbighshire-yjs" in p or p.endswith(".part")]


def test_the_size_cap_and_file_deadline_are_options_of_the_command(tmp_path, site):
    from pipeline.cli import main

    site.behaviour.huge[CONWY_PDF] = 3 * 1024 * 1024
    base = ["fetch", "--site", site.root, "--raw-dir", str(tmp_path / "raw"), "--out-dir", str(tmp_path / "out"),
            "--delay", "0", "--quiet", "--contact", "tests@example.org"]
    for wrong in (["--max-file-mb", "0"], ["--file-seconds", "-1"], ["--max-file-mb", "nan"]):
        assert main([*base, *wrong]) == 2
    assert main([*base, "--max-file-mb", "1"]) == 1
    assert "too_large" in (tmp_path / "out" / "last-fetch.json").read_text()


# ------------------------------------------------------------------ nothing that is read can run code
class _Payload:
    """Unpickling this writes a file: the proof that a cache entry ran code."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_tampered_http_cache_entry_runs_nothing_and_is_fetched_again(tmp_path, site):
    fetch(_options(tmp_path, site))
    cache = next((tmp_path / "out" / ".cache").glob("http-json*"))
    marker = tmp_path / "ran"
    payload = pickle.dumps(_Payload(str(marker)))
    with sqlite3.connect(cache) as connection:
        tables = [row[0] for row in connection.execute("select name from sqlite_master where type='table'")]
        for table in tables:
            columns = [row[1] for row in connection.execute(f"pragma table_info({table})")]
            if "value" in columns:
                connection.execute(f"update {table} set value = ?", (payload,))
    report = fetch(_options(tmp_path, site))
    assert not marker.exists()
    assert report.failures == [] and report.exit_code == 0


# ------------------------------------------------------------------ a killed fetch resumes without duplicates
def test_a_fetch_killed_mid_run_resumes_without_keeping_anything_twice(tmp_path, site):
    site.behaviour.trickle.add(NEWPORT_PDF)  # the run hangs on this file, after others are in
    site.behaviour.trickle_seconds = 5.0
    (tmp_path / "out").mkdir()
    command = [sys.executable, "-m", "pipeline.cli", "fetch", "--site", site.root, "--raw-dir", str(tmp_path / "raw"),
               "--out-dir", str(tmp_path / "out"), "--delay", "0", "--contact", "tests@example.org"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and sum(1 for p in _files_under(tmp_path / "raw") if p.endswith(".pdf")) < 1:
        time.sleep(0.1)
    while time.monotonic() < deadline and NEWPORT_PDF not in site.paths_requested():
        time.sleep(0.1)
    process.send_signal(signal.SIGKILL)
    process.wait()
    site.behaviour.trickle.clear()
    report = fetch(_options(tmp_path, site))
    assert report.exit_code == 0, report.failures
    files = [p for p in _files_under(tmp_path / "raw") if not p.startswith(".hmip-fetch")]
    assert not [p for p in files if ".v2." in p]
    sources = read_rows(tmp_path / "out", "sources")
    assert sorted({row["path"] for row in sources}) == sorted(files)
    assert len(sources) == FIRST_RUN_FILES
