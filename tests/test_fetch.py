"""`hmip fetch` against a miniature of the Inspectorate's site on 127.0.0.1 (tests/site_server.py): no network."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.web.fetch import fetch
from tests.conftest import read_rows
from tests.site_server import Site, fetch_options

CONWY_PDF = "/hmiprobation/wp-content/uploads/2024/05/conwy-and-denbighshire-yjs-inspection-report.pdf"
WEST_MERCIA_PDF = "/hmiprobation/wp-content/uploads/2024/01/west-mercia-yjs-inspection-report.pdf"
NEWPORT_PDF = "/hmiprobation/wp-content/uploads/2024/04/newport-yjs-inspection-report.pdf"
LISTING_2024 = ("/hmiprobation/inspections?paged=1&probation-inspection-type="
                "inspection-of-youth-offending-services-2018-onwards&year=2024")
FIRST_RUN_FILES = 8  # 4 inspections' reports (one as a web page, one with its Welsh version), 2 press releases, 1 CCI


_options = fetch_options


def _raw_files(tmp_path: Path) -> dict[str, bytes]:
    root = tmp_path / "raw"
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()} if root.exists() else {}


def test_first_fetch_downloads_every_youth_publication_with_its_provenance(tmp_path, site):
    report = fetch(_options(tmp_path, site))
    assert report.exit_code == 0 and report.failures == []
    assert len(report.fetched) == FIRST_RUN_FILES
    sources = {row["url"].split("/hmiprobation/")[1]: row for row in read_rows(tmp_path / "out", "sources")}
    conwy = sources[CONWY_PDF.split("/hmiprobation/")[1]]
    assert conwy["published"].isoformat() == "2024-05-21" and conwy["published_text"] == "21 May 2024"
    assert conwy["inspection_page"].endswith("/inspections/conwyanddenbighshireyjs2024/")
    assert conwy["etag"] and conwy["last_modified"] and conwy["http_status"] == 200 and conwy["version"] == 1
    assert (tmp_path / "raw" / conwy["path"]).read_bytes()[:5] == b"%PDF-"
    kinds = sorted(row["kind"] for row in sources.values())
    assert kinds.count("press_release") == 2 and kinds.count("report_html") == 1
    assert not [u for u in sources if "annex" in u or "probation-region" in u]  # not a report; not about youth
    assert {row["language"] for row in sources.values() if "welsh" in row["url"]} == {"cy"}
    requests = site.paths_requested()
    assert not [p for p in requests if "probation-delivery-unit" in p]  # a programme that is not about youth
    assert not (tmp_path / "raw" / ".hmip-fetch").exists() or not os.listdir(tmp_path / "raw" / ".hmip-fetch")


def test_a_second_fetch_downloads_nothing_and_writes_nothing(tmp_path, site):
    fetch(_options(tmp_path, site))
    files = _raw_files(tmp_path)
    written = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").iterdir() if p.is_file()}
    before = len(site.requests)
    started = time.monotonic()
    report = fetch(_options(tmp_path, site))
    assert time.monotonic() - started < 10
    assert report.fetched == [] and report.failures == [] and report.exit_code == 0
    assert report.not_modified >= 3  # the listing and inspection pages answered 304
    assert all(r[1].get("If-None-Match") for r in site.requests[before:] if r[0] != "/robots.txt")
    assert _raw_files(tmp_path) == files
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "out").iterdir() if p.is_file()} == written


def test_a_new_report_on_the_first_page_is_the_only_thing_fetched(tmp_path, site):
    fetch(_options(tmp_path, site))
    listing = (Path(__file__).parent / "site" / "listing" / "inspection-of-youth-offending-services-2018-onwards"
               / "2024" / "0.html").read_text(encoding="utf-8")
    new_item = ('<div class="result inspection"><h4><a href="/hmiprobation/inspections/westmerciayjs2024/">'
                "An inspection of youth justice services in West Mercia</a></h4></div>")
    site.behaviour.content[LISTING_2024] = listing.replace("<h1>Inspections</h1>", "<h1>Inspections</h1>" + new_item).encode()
    site.behaviour.content["/hmiprobation/inspections/westmerciayjs2024/"] = (
        Path(__file__).parent / "site" / "inspection" / "westmerciayjs2024.html").read_text(encoding="utf-8").replace(
        "west-mercia-yjs-inspection-report.pdf", "west-mercia-yjs-inspection-report-2.pdf").encode()
    site.behaviour.content["/hmiprobation/wp-content/uploads/2024/01/west-mercia-yjs-inspection-report-2.pdf"] = (
        Path(__file__).parent.parent / "data" / "raw" / "000_e77b37ef78d33ca3.pdf").read_bytes()
    report = fetch(_options(tmp_path, site))
    assert [row["url"].rsplit("/", 1)[1] for row in report.fetched] == ["west-mercia-yjs-inspection-report-2.pdf"]


def test_a_server_error_is_retried_and_a_missing_file_is_an_error_row(tmp_path, site):
    site.behaviour.fail_once.add(CONWY_PDF)
    site.behaviour.missing.add(WEST_MERCIA_PDF)
    report = fetch(_options(tmp_path, site))
    assert [(f["url"].split("/hmiprobation/")[1], f["error_kind"]) for f in report.failures] == [
        (WEST_MERCIA_PDF.split("/hmiprobation/")[1], "http_404")]
    assert report.exit_code == 1 and len(report.fetched) == FIRST_RUN_FILES - 1
    assert site.paths_requested().count(CONWY_PDF) == 2  # the 500, then the file


def test_too_many_requests_waits_for_retry_after(tmp_path, site):
    site.behaviour.too_many_once.add(CONWY_PDF)
    started = time.monotonic()
    report = fetch(_options(tmp_path, site))
    assert time.monotonic() - started >= 1.0  # Retry-After: 1
    assert report.failures == [] and len(report.fetched) == FIRST_RUN_FILES


def test_a_slow_server_times_out_after_its_retries_and_the_rest_is_fetched(tmp_path, site):
    site.behaviour.slow.add(NEWPORT_PDF)
    site.behaviour.slow_seconds = 1.5
    report = fetch(_options(tmp_path, site, timeout=0.5, retries=1))
    assert [f["error_kind"] for f in report.failures] == ["timeout"]
    assert site.paths_requested().count(NEWPORT_PDF) == 2  # asked, then asked once more
    assert len(report.fetched) == FIRST_RUN_FILES - 1


def test_a_download_cut_short_never_appears_in_the_raw_folder(tmp_path, site):
    site.behaviour.truncate.add(CONWY_PDF)
    report = fetch(_options(tmp_path, site, retries=0))
    assert [f["error_kind"] for f in report.failures] == ["truncated"]
    assert not [p for p in _raw_files(tmp_path) if "conwy-and-denbighshire-yjs-inspection-report" in p]
    assert not [p for p in _raw_files(tmp_path) if p.endswith(".part")]
    site.behaviour.truncate.clear()
    report = fetch(_options(tmp_path, site))  # the next run fetches it whole
    assert [row["url"] for row in report.fetched] == [site.root + CONWY_PDF.split("/hmiprobation/")[1]]


def test_a_redirect_is_followed_and_recorded(tmp_path, site):
    moved = "/hmiprobation/wp-content/uploads/2024/01/west-mercia-moved.pdf"
    site.behaviour.redirects[WEST_MERCIA_PDF] = moved
    site.behaviour.content[moved] = (Path(__file__).parent.parent / "data" / "raw" / "003_cca3054b3e7419d3.pdf").read_bytes()
    fetch(_options(tmp_path, site))
    row = next(r for r in read_rows(tmp_path / "out", "sources") if r["url"].endswith("west-mercia-yjs-inspection-report.pdf"))
    assert row["final_url"].endswith("west-mercia-moved.pdf")


def test_a_file_changed_at_the_same_url_is_kept_as_a_new_version(tmp_path, site):
    fetch(_options(tmp_path, site))
    first = _raw_files(tmp_path)
    # new bytes at the same URL (a corrected report: the sample with a comment after its end, and its end again)
    site.behaviour.content[CONWY_PDF] = (Path(__file__).parent.parent / "data" / "raw" / "004_215c1fc33e67d135.pdf"
                                         ).read_bytes() + b"\n% corrected\n%%EOF\n"
    # the inspection page changes too (its "updated" date), so the run looks at it again
    page = "/hmiprobation/inspections/conwyanddenbighshireyjs2024/"
    site.behaviour.content[page] = (Path(__file__).parent / "site" / "inspection" / "conwyanddenbighshireyjs2024.html"
                                    ).read_text(encoding="utf-8").replace("</dl>", "<dt>Updated</dt><dd>1 June 2024</dd></dl>").encode()
    site.behaviour.content[LISTING_2024] = (Path(__file__).parent / "site" / "listing"
                                            / "inspection-of-youth-offending-services-2018-onwards" / "2024" / "0.html"
                                            ).read_text(encoding="utf-8").replace("Published 21 May", "Updated 1 June").encode()
    report = fetch(_options(tmp_path, site))
    assert [(row["version"], row["path"].rsplit("/", 1)[1]) for row in report.fetched] == [
        (2, "conwy-and-denbighshire-yjs-inspection-report.v2.pdf")]
    after = _raw_files(tmp_path)
    assert all(after[path] == data for path, data in first.items())  # nothing replaced, nothing deleted
    versions = [r for r in read_rows(tmp_path / "out", "sources") if r["url"].endswith(CONWY_PDF.rsplit("/", 1)[1])]
    assert sorted(r["version"] for r in versions) == [1, 2]


def test_robots_txt_is_honoured(tmp_path, site):
    site.behaviour.robots = "User-agent: *\nDisallow: /hmiprobation/wp-content/uploads/2011/\n"
    report = fetch(_options(tmp_path, site))
    assert not [p for p in site.paths_requested() if "/uploads/2011/" in p]
    assert [u for u in report.skipped_by_robots if "wolverhampton" in u]
    assert report.failures == []


def test_a_page_whose_structure_changed_is_a_clear_error_never_an_empty_run(tmp_path, site):
    site.behaviour.content[LISTING_2024] = (Path(__file__).parent / "site" / "listing-redesigned.html").read_bytes()
    report = fetch(_options(tmp_path, site))
    assert [(f["error_kind"], f["url"].endswith("year=2024&paged=1") or "year=2024" in f["url"]) for f in report.failures] == [
        ("structure_changed", True)]
    assert "div.result.inspection" in report.failures[0]["message"]
    assert report.exit_code == 4  # the site changed: what is new was not all checked


def test_dry_run_lists_what_would_be_fetched_and_writes_nothing(tmp_path, site, capsys):
    code = main(["fetch", "--site", site.root, "--raw-dir", str(tmp_path / "raw"), "--out-dir", str(tmp_path / "out"),
                 "--delay", "0", "--dry-run"])
    assert code == 0
    out = capsys.readouterr().out
    assert f"would fetch: {FIRST_RUN_FILES} files" in out and "conwy-and-denbighshire-yjs-inspection-report.pdf" in out
    assert _raw_files(tmp_path) == {}
    assert not (tmp_path / "out" / "sources.parquet").exists()


def test_since_and_limit(tmp_path, site):
    report = fetch(_options(tmp_path, site, since=__import__("datetime").date(2024, 4, 1)))
    assert {row["published"] for row in report.fetched if row["kind"] != "press_release" or row["published"]} <= {
        "2024-05-21", "2024-04-09"}
    assert not [r for r in report.fetched if "wolverhampton" in r["url"] or "south-tees" in r["url"]]
    other = tmp_path / "other"
    other.mkdir()
    limited = fetch(_options(other, site, limit=2))
    assert len(limited.fetched) == 2


def test_the_delay_between_requests_is_kept(tmp_path, site):
    started = time.monotonic()
    report = fetch(_options(tmp_path, site, delay=0.1))
    assert time.monotonic() - started >= 0.1 * (report.requests - 1) - 0.05


def test_fetch_then_extract_joins_every_fetched_file_to_its_source(tmp_path, site):
    from pipeline.cli import main as hmip

    arguments = ["--raw-dir", str(tmp_path / "raw"), "--out-dir", str(tmp_path / "out")]
    site.behaviour.missing.add(WEST_MERCIA_PDF)
    assert hmip(["fetch", "--site", site.root, "--delay", "0", "--contact", "tests@example.org", *arguments]) == 1
    assert hmip(["extract", "--quiet", "--jobs", "2", *arguments]) == 0
    sources = {row["path"]: row for row in read_rows(tmp_path / "out", "sources")}
    documents = {row["source_path"]: row for row in read_rows(tmp_path / "out", "documents")}
    assert set(sources) == set(documents)
    for path, source in sources.items():
        assert documents[path]["sha256"] == source["sha256"] and documents[path]["source_url"] == source["url"]
        if source["published"]:
            assert documents[path]["site_published"] == source["published"]
    errors = [row for row in read_rows(tmp_path / "out", "errors") if row["stage"] == "fetch"]
    assert [(e["url"].endswith("west-mercia-yjs-inspection-report.pdf"), e["error_kind"]) for e in errors] == [(True, "http_404")]
    # the Welsh and English versions of one report name each other
    welsh = next(d for d in documents.values() if d["language"] == "cy")
    english = documents[next(p for p, s in sources.items() if s["url"].endswith("newport-yjs-inspection-report.pdf"))]
    assert welsh["translation_of"] == english["doc_id"] and english["translation_of"] == welsh["doc_id"]
    checks = [c for c in read_rows(tmp_path / "out", "checks") if c["doc_id"] == welsh["doc_id"]]
    assert [(c["check"], c["outcome"]) for c in checks] == [("completeness", "not_run")]
    # a run history and a summary a monitor can read
    history = [json.loads(line) for line in (tmp_path / "out" / "runs.jsonl").read_text().splitlines()]
    assert [(h["command"], h["exit_code"]) for h in history] == [("fetch", 1), ("extract", 0)]
    summary = json.loads((tmp_path / "out" / "last-fetch.json").read_text())
    assert summary["failed"] == 1 and summary["fetched"] == FIRST_RUN_FILES - 1
    assert "fetched" in (tmp_path / "out" / "logs" / "hmip.log").read_text()
    # and a run that finds nothing new is quick and changes no table
    tables = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.parquet")}
    site.behaviour.missing.clear()
    assert hmip(["fetch", "--site", site.root, "--delay", "0", *arguments]) == 0
    assert hmip(["extract", "--quiet", *arguments]) == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.parquet") if p.name != "sources.parquet"} != {}
    assert len(read_rows(tmp_path / "out", "documents")) == len(documents) + 1  # the file that failed before
    assert {p.name for p in (tmp_path / "out").glob("*.parquet")} == set(tables)


def test_make_update_fetches_then_extracts(tmp_path, site):
    import subprocess

    from tests.conftest import ROOT

    command = ["make", "--no-print-directory", "update", f"SITE={site.root}", f"RAW={tmp_path / 'raw'}",
               f"OUT={tmp_path / 'out'}", "ARGS=--delay 0 --quiet --contact tests@example.org"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(read_rows(tmp_path / "out", "documents")) == FIRST_RUN_FILES
    assert [json.loads(line)["command"] for line in (tmp_path / "out" / "runs.jsonl").read_text().splitlines()] == [
        "fetch", "extract"]


def test_the_second_listing_page_is_read_as_wordpress_numbers_it(tmp_path, site):
    # WordPress: 'paged=1' is the first page and 'paged=2' the second; 'paged=0' is the first page again
    fetch(_options(tmp_path, site))
    requested = site.paths_requested()
    assert any("year=2024" in p and "paged=2" in p for p in requested)
    assert not any("paged=0" in p for p in requested)
    listed = (Path(__file__).parent / "site" / "listing" / "inspection-of-youth-offending-services-2018-onwards"
              / "2024" / "1.html").read_text(encoding="utf-8")
    on_second_page = re.findall(r'href="(/hmiprobation/inspections/[^"]+)"', listed)
    assert on_second_page and all(any(p.startswith(link) for p in requested) for link in on_second_page)


def test_a_site_that_repeats_the_first_listing_page_is_a_failure_not_a_quiet_stop(tmp_path, site):
    first = (Path(__file__).parent / "site" / "listing" / "inspection-of-youth-offending-services-2018-onwards"
             / "2024" / "0.html").read_bytes()
    site.behaviour.content[LISTING_2024.replace("paged=1", "paged=2")] = first  # the page parameter ignored
    report = fetch(_options(tmp_path, site))
    repeated = [f for f in report.failures if f["error_kind"] == "structure_changed" and "paged=2" in f["url"]]
    assert len(repeated) == 1 and "repeats" in repeated[0]["message"]
    assert report.exit_code == 4


def _update(tmp_path: Path, site_root: str, *extra: str) -> int:
    return main(["update", "--site", site_root, "--raw-dir", str(tmp_path / "raw"), "--out-dir",
                 str(tmp_path / "out"), "--delay", "0", "--timeout", "2", "--contact", "tests@example.org", "--quiet",
                 *extra])


def test_hmip_update_exit_codes_say_what_happened(tmp_path, site):
    # everything fetched and extracted: 0
    assert _update(tmp_path / "a", site.root) == 0
    assert len(read_rows(tmp_path / "a" / "out", "documents")) == FIRST_RUN_FILES
    # one file failed, the rest fetched and extracted: 1
    site.behaviour.missing.add(WEST_MERCIA_PDF)
    assert _update(tmp_path / "b", site.root) == 1
    assert len(read_rows(tmp_path / "b" / "out", "documents")) == FIRST_RUN_FILES - 1
    site.behaviour.missing.clear()
    # the site changed: 4, and the tables still hold what was fetched before
    site.behaviour.content[LISTING_2024] = (Path(__file__).parent / "site" / "listing-redesigned.html").read_bytes()
    assert _update(tmp_path / "a", site.root) == 4
    assert len(read_rows(tmp_path / "a" / "out", "documents")) == FIRST_RUN_FILES
    # bad usage: 2, nothing extracted
    assert _update(tmp_path / "c", site.root, "--since", "yesterday") == 2
    assert not (tmp_path / "c" / "out" / "documents.parquet").exists()


def test_an_unreachable_site_is_exit_4_naming_the_cause(tmp_path, capsys):
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code = _update(tmp_path, f"http://127.0.0.1:{port}/hmiprobation/", "--budget", "30")
    assert code == 4
    assert "refused" in capsys.readouterr().out + (tmp_path / "out" / "logs" / "hmip.log").read_text()


def test_the_readmes_cron_line_runs_from_a_fresh_folder(tmp_path, site):
    import subprocess

    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("30 2 * * * cd /srv/hmip"))
    command = line.split(" ", 5)[5]  # after the five schedule fields
    project = tmp_path / "hmip"  # a fresh clone: the virtual environment, no data/processed yet
    project.mkdir()
    (project / ".venv").symlink_to(ROOT / ".venv")
    command = command.replace("/srv/hmip", str(project)).replace(
        "--contact you@example.org", f"--contact tests@example.org --site {site.root} --delay 0")
    result = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tables written" in (project / "data" / "processed" / "logs" / "cron.log").read_text()
    assert len(read_rows(project / "data" / "processed", "documents")) == FIRST_RUN_FILES


def test_a_listing_pages_own_next_link_is_followed(tmp_path, site):
    # the site links its next page under another address than counting would give: the link is followed
    second = (Path(__file__).parent / "site" / "listing" / "inspection-of-youth-offending-services-2018-onwards"
              / "2024" / "1.html").read_bytes()
    first = (Path(__file__).parent / "site" / "listing" / "inspection-of-youth-offending-services-2018-onwards"
             / "2024" / "0.html").read_text(encoding="utf-8")
    elsewhere = "/hmiprobation/inspections/page/2/?probation-inspection-type=x&year=2024"
    site.behaviour.content[LISTING_2024] = first.replace(
        "</body>", f'<nav><a class="next page-numbers" href="{elsewhere}">Next</a></nav></body>').encode()
    site.behaviour.content[LISTING_2024.replace("paged=1", "paged=2")] = b"<html><body>No results</body></html>"
    site.behaviour.content["/hmiprobation/inspections/page/2/?probation-inspection-type=x&year=2024"] = second
    report = fetch(_options(tmp_path, site))
    assert report.exit_code == 0, report.failures
    assert any(p.startswith("/hmiprobation/inspections/page/2/") for p in site.paths_requested())
    assert len(report.fetched) == FIRST_RUN_FILES


def test_the_catalogue_lists_every_inspection_the_site_lists_and_what_became_of_it(tmp_path, site):
    site.behaviour.missing.add(WEST_MERCIA_PDF)
    assert _update(tmp_path, site.root) == 1
    rows = {r["inspection_page"].split("/inspections/")[1].strip("/"): r for r in read_rows(tmp_path / "out", "catalogue")}
    assert set(rows) == {"conwyanddenbighshireyjs2024", "newportyjs2024", "westmerciayjs2024", "southteesyjs2023",
                         "wolverhamptoncci2011"}
    conwy = rows["conwyanddenbighshireyjs2024"]
    assert conwy["fetched"] and conwy["extracted"] and conwy["service_listed"] == "conwy-and-denbighshire"
    assert conwy["service_agrees"] and conwy["published"].isoformat() == "2024-05-21" and conwy["inspection_ids"]
    mercia = rows["westmerciayjs2024"]
    assert not mercia["fetched"] and not mercia["extracted"] and mercia["failed_urls"][0].endswith(
        "west-mercia-yjs-inspection-report.pdf")
    newport = rows["newportyjs2024"]
    assert newport["welsh_report_urls"] and newport["extracted"]
    # the miniature serves other services' documents under two inspections' pages (it reuses the sample
    # files): exactly what the check is for
    checks = [c for c in read_rows(tmp_path / "out", "checks") if c["check"] == "listed_service"]
    assert {(c["expected"], c["found"]) for c in checks if not c["passed"]} == {
        ("newport", "west-mercia"), ("wolverhampton", "wrexham")}
    assert ("conwy-and-denbighshire", "conwy-and-denbighshire") in {(c["expected"], c["found"]) for c in checks
                                                                    if c["passed"]}


def test_a_listing_that_names_another_service_than_the_document_is_a_failed_check(tmp_path, site):
    listing = (Path(__file__).parent / "site" / "listing" / "inspection-of-youth-offending-services-2018-onwards"
               / "2024" / "0.html").read_text(encoding="utf-8")
    site.behaviour.content[LISTING_2024] = listing.replace(
        "youth justice services in Conwy and Denbighshire", "youth justice services in Wrexham").encode()
    _update(tmp_path, site.root)
    conwy = next(r for r in read_rows(tmp_path / "out", "catalogue") if "conwyanddenbighshire" in r["inspection_page"])
    assert (conwy["service_listed"], conwy["service_extracted"], conwy["service_agrees"]) == (
        "wrexham", "conwy-and-denbighshire", False)
    failed = [c for c in read_rows(tmp_path / "out", "checks") if c["check"] == "listed_service" and not c["passed"]]
    conwy_check = [c for c in failed if c["expected"] == "wrexham"]
    assert [(c["expected"], c["found"]) for c in conwy_check] == [("wrexham", "conwy-and-denbighshire")]
    assert "Wrexham" in conwy_check[0]["detail"] and "conwyanddenbighshire" in conwy_check[0]["detail"]


@pytest.mark.parametrize("content_type, body, expected", [
    ("text/html", "rated “Good”".encode(), "rated “Good”"),  # no charset: UTF-8, as the site writes
    ("text/html; charset=windows-1252", "rated “Good”".encode("cp1252"), "rated “Good”"),
    ("text/html", b'<meta charset="iso-8859-1"><p>caf\xe9</p>', '<meta charset="iso-8859-1"><p>café</p>'),
    ("text/html; charset=nonsense", "rated “Good”".encode(), "rated “Good”"),
])
def test_a_page_is_read_in_the_encoding_it_declares_else_utf8(content_type, body, expected):
    from pipeline.web.fetch import page_text

    assert page_text(body, content_type) == expected


def _newer_site(new: Site, documents: list[tuple[str, str]], lastmod: str = "2025-06-01") -> str:
    """The newer website as a miniature: robots.txt names its sitemap index; one sitemap of news, one of
    documents, each address with its lastmod."""
    host = new.root.split("/hmiprobation/")[0] + "/"
    new.behaviour.robots = f"User-agent: *\nDisallow: /wp-admin/\nSitemap: {host}wp-sitemap.xml\n"
    namespace = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    new.behaviour.content["/wp-sitemap.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex {namespace}>'
        f"<sitemap><loc>{host}wp-sitemap-posts-post-1.xml</loc><lastmod>{lastmod}</lastmod></sitemap>"
        "</sitemapindex>").encode()
    urls = "".join(f"<url><loc>{host}{path}</loc><lastmod>{when}</lastmod></url>" for path, when in documents)
    new.behaviour.content["/wp-sitemap-posts-post-1.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><urlset {namespace}>{urls}</urlset>').encode()
    pages = Path(__file__).parent / "site"
    south_tees = (pages / "document" / "an-inspection-of-youth-justice-work-with-children-and-victims-in-south-tees.html")
    new.behaviour.content["/news/anytown-yjs-rated-good"] = (pages / "press-release" / "wrexham.html").read_bytes()
    new.behaviour.content["/news/probation-service-in-anytown-rated-good"] = b"<html><body>adults</body></html>"
    new.behaviour.content["/document/an-inspection-of-youth-justice-work-with-children-and-victims-in-south-tees-2025"] \
        = south_tees.read_bytes()
    new.behaviour.content["/document/an-inspection-of-youth-justice-work-with-children-and-victims-in-conwy-2026"] = (
        pages / "press-release" / "conwyanddenbighshire.html").read_bytes()
    return host


def test_the_newer_website_is_read_through_its_sitemaps(tmp_path, site):
    new = Site().start()
    try:
        documents = [("news/anytown-yjs-rated-good", "2025-06-01"),
                     ("news/probation-service-in-anytown-rated-good", "2025-06-01"),
                     ("document/an-inspection-of-youth-justice-work-with-children-and-victims-in-south-tees-2025",
                      "2025-06-01"), ("?p=1234", "2025-06-01")]
        host = _newer_site(new, documents)
        report = fetch(_options(tmp_path, site, also_sites=(host,)))
        assert report.exit_code == 0, report.failures
        from_new = {r["url"].removeprefix(host): r for r in read_rows(tmp_path / "out", "sources")
                    if r["url"].startswith(host)}
        assert {u: r["kind"] for u, r in from_new.items()} == {
            "news/anytown-yjs-rated-good": "press_release",
            "document/an-inspection-of-youth-justice-work-with-children-and-victims-in-south-tees-2025": "report_html"}
        assert not [p for p in new.paths_requested() if "probation-service" in p or "p=1234" in p]
        # the same report under both hosts is one file: two rows, one path
        older = next(r for r in read_rows(tmp_path / "out", "sources") if r["url"].startswith(site.root)
                     and "south-tees" in r["url"])
        newer = from_new["document/an-inspection-of-youth-justice-work-with-children-and-victims-in-south-tees-2025"]
        assert older["path"] == newer["path"] and older["sha256"] == newer["sha256"]
        # a second run reads no address whose lastmod is unchanged: a few requests to the newer host at most
        before = len(new.requests)
        again = fetch(_options(tmp_path, site, also_sites=(host,)))
        assert again.fetched == [] and again.failures == [] and again.requests <= 10  # both hosts together
        assert len(new.requests) - before <= 3  # robots.txt, the index (304); the unchanged sitemap is not read
        # a report published later, found only through the sitemap, is fetched alone
        documents.append(("document/an-inspection-of-youth-justice-work-with-children-and-victims-in-conwy-2026",
                          "2026-01-10"))
        _newer_site(new, documents, lastmod="2026-01-10")
        third = fetch(_options(tmp_path, site, also_sites=(host,)))
        assert [r["url"].removeprefix(host) for r in third.fetched] == [
            "document/an-inspection-of-youth-justice-work-with-children-and-victims-in-conwy-2026"]
    finally:
        new.stop()


def test_a_sitemap_that_is_not_xml_is_a_structure_change_not_a_quiet_stop(tmp_path, site):
    new = Site().start()
    try:
        host = _newer_site(new, [])
        new.behaviour.content["/wp-sitemap.xml"] = b"<html><body>We have moved</body></html>"
        report = fetch(_options(tmp_path, site, also_sites=(host,)))
        assert [(f["error_kind"], f["url"]) for f in report.failures] == [("structure_changed", f"{host}wp-sitemap.xml")]
        assert report.exit_code == 4
    finally:
        new.stop()


def test_a_sitemap_bomb_is_refused(tmp_path):
    from pipeline.web.fetch import FetchFailure, sitemap_entries

    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            '<urlset><url><loc>&lol2;</loc></url></urlset>')
    with pytest.raises(FetchFailure):
        sitemap_entries("http://127.0.0.1/sitemap.xml", bomb)


def test_the_newer_website_is_read_by_default_but_never_beside_a_mirror():
    from pipeline.cli import _parser, also_sites
    from pipeline.web.site import STRUCTURE

    assert also_sites(_parser().parse_args(["fetch"])) == (STRUCTURE.new_site,)
    assert also_sites(_parser().parse_args(["fetch", "--site", "http://127.0.0.1:9/hmiprobation/"])) == ()
    assert also_sites(_parser().parse_args(["update", "--also-site", "http://127.0.0.1:9"])) == ("http://127.0.0.1:9/",)
    assert also_sites(_parser().parse_args(["fetch", "--no-also-site"])) == ()
    assert main(["fetch", "--also-site", "file:///etc/passwd"]) == 2


def test_a_publication_in_the_feed_before_any_sitemap_lists_it_is_fetched(tmp_path, site):
    new = Site().start()
    try:
        host = _newer_site(new, [("news/anytown-yjs-rated-good", "2025-06-01")])
        fetch(_options(tmp_path, site, also_sites=(host,)))
        new.behaviour.content["/news/newtown-youth-justice-service-rated-outstanding"] = (
            Path(__file__).parent / "site" / "press-release" / "conwyanddenbighshire.html").read_bytes()
        new.behaviour.content["/feed/"] = (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>HM Inspectorate of Probation'
            f"</title><item><title>Newtown Youth Justice Service rated Outstanding</title>"
            f"<link>{host}news/newtown-youth-justice-service-rated-outstanding</link>"
            "<pubDate>Mon, 12 Jan 2026 09:00:00 +0000</pubDate></item>"
            f"<item><title>Probation in Newtown</title><link>{host}news/probation-service-in-newtown</link>"
            "<pubDate>Mon, 12 Jan 2026 09:00:00 +0000</pubDate></item></channel></rss>").encode()
        # the feed was absent last run: asked again only after a week, so this run is told to look now
        state = json.loads((tmp_path / "out" / "fetch-state.json").read_text(encoding="utf-8"))
        state["sitemaps"].pop(f"{host}feed/", None)
        (tmp_path / "out" / "fetch-state.json").write_text(json.dumps(state), encoding="utf-8")
        report = fetch(_options(tmp_path, site, also_sites=(host,)))
        assert [r["url"].removeprefix(host) for r in report.fetched] == [
            "news/newtown-youth-justice-service-rated-outstanding"]
        assert not [p for p in new.paths_requested() if "probation-service-in-newtown" in p]
        assert fetch(_options(tmp_path, site, also_sites=(host,))).fetched == []
    finally:
        new.stop()
