"""The extract job: discover, decide what changed, process, assemble, write.

State lives in the output folder (``pipeline.store.outdir``): ``manifest.json`` (each raw file's size, mtime and
hash, the versions that produced the tables, each table's checksum, the last summary) and ``.cache/``
(checked entries: canonical text per file hash and loader version; sentence boundaries; rows per file hash
and extractor versions). Tables are always rebuilt from the cache, so a run that was interrupted leaves the
previous tables in place and the next run completes the work. One run at a time holds the folder's lock.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import math
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from pipeline.extract.progress import Progress

if TYPE_CHECKING:
    from pipeline.derive.inspections import KnownIds

log = logging.getLogger("hmip")

IGNORED_NAMES = ("readme", "license", "licence", "notice")
SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".pdf", ".html", ".htm")


@dataclass
class RunOptions:
    raw_dir: str
    out_dir: str
    jobs: int = 0  # 0: all cores
    full: bool = False
    quiet: bool = False
    timeout: float = 120.0
    memory_mb: int | None = 4096
    reextract: bool = False  # re-run the extractors on cached text (no re-parsing)
    executor: str = "local"  # local | dask
    scheduler: str | None = None  # Dask scheduler address; None: a local Dask cluster
    wait: bool = True  # wait for another run holding the out folder; False: stop (exit 2)
    strict: bool = False  # exit 1 for any failure, not only for a failure this run met first
    max_file_mb: float = 200.0  # a larger raw file is a too_large error row, not work
    pdf_engine: str = "pdfium"  # pdfium (fast) or pdfplumber: see loaders.pdf
    follow_symlinks: bool = False  # read a link in the raw folder that leads outside it (else: outside_raw)
    max_removals: float = 50.0  # a run that would remove more than this percentage of the documents refuses
    allow_removals: bool = False  # ... unless told that the files were removed on purpose
    retry_failed: bool = False  # try again the files set aside after timing out twice with the same bytes


@dataclass
class RunReport:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    processed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)
    failed_checks: list[dict] = field(default_factory=list)
    unrun_checks: int = 0
    seconds: float = 0.0
    wrote: bool = False
    out_dir: str = ""
    new_errors: list[dict] = field(default_factory=list)  # failures the last run had not met
    strict: bool = False
    repaired: list[str] = field(default_factory=list)  # tables that no longer matched the manifest

    @property
    def exit_code(self) -> int:
        """0 done; 1 a document failed that had not failed before (any failure, with --strict)."""
        return 1 if (self.errors if self.strict else self.new_errors) else 0


def discover(raw_dir: str, skip: tuple[str, ...] = ()) -> list[str]:
    """Every file below raw_dir, relative, sorted; dotfiles, README/LICENSE and the folders in ``skip`` (an
    output folder inside the raw folder) left out. Links to folders are not followed."""
    skipped = {os.path.realpath(path) for path in skip}
    found = []
    for root, dirs, files in os.walk(raw_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.realpath(os.path.join(root, d)) not in skipped)
        for name in files:
            if name.startswith(".") or name.lower().startswith(IGNORED_NAMES):
                continue
            found.append(os.path.relpath(os.path.join(root, name), raw_dir))
    return sorted(found)


def _versions_key(versions: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(versions, sort_keys=True).encode()).hexdigest()[:12]


def run(options: RunOptions, stderr: TextIO | None = None) -> RunReport:
    """One run over the raw folder into the out folder, holding the out folder's lock.

    Raises EnvironmentProblem (the CLI's exit code 2) when the out folder cannot be used, or its lock is
    held and ``options.wait`` is False.
    """
    from pipeline.store.history import log_file
    from pipeline.store.outdir import clear_leftovers, locked, prepare, separate_folders

    stderr = stderr or sys.stderr
    with _messages_to(stderr):
        separate_folders(options.raw_dir, options.out_dir)
        prepare(options.out_dir)
        with locked(options.out_dir, wait=options.wait), log_file(options.out_dir):
            clear_leftovers(options.out_dir)
            return _run_locked(options, stderr)


@contextlib.contextmanager
def _messages_to(stream: TextIO) -> Iterator[None]:
    """The run's warnings and errors (logger "hmip": failed files, repairs, discarded cache entries, waiting
    for the lock), with their time and level, on this stream for the length of the run; its information
    (how many PDFs were read ahead) goes only to the log file (``history.log_file``)."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("hmip")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)


def _run_locked(options: RunOptions, stderr: TextIO) -> RunReport:
    from pipeline.extract.worker import TRANSIENT
    from pipeline.store.outdir import load_manifest, mismatched_tables
    from pipeline.store.versions import current_versions, derived_fingerprint

    started = time.monotonic()
    report = RunReport(out_dir=options.out_dir, strict=options.strict)
    versions = current_versions(options.pdf_engine)
    old = load_manifest(options.out_dir)

    # 1. Discover and fingerprint: size and mtime first, the hash only when they differ.
    files, errors = fingerprint_files(options, old.get("files", {}), report)
    _refuse_mass_removal(options, old.get("files", {}), files, errors)
    fetched = load_fetched(options.out_dir)
    manifest: dict[str, Any] = {"versions": versions, "derived": derived_fingerprint(), "files": files,
                "skipped": sorted(e["source_path"] for e in errors),
                "fetch": hashlib.sha256(json.dumps(fetched, sort_keys=True).encode()).hexdigest()[:16] if fetched else None}
    summary = old.get("summary", {})
    recorded = old.get("tables")
    report.repaired = mismatched_tables(options.out_dir, recorded) if recorded else []
    whole = bool(recorded) and not report.repaired and set(recorded or ()) == set(summary.get("rows", {}))
    retry = any(e["error_kind"] in TRANSIENT for e in summary.get("errors", []))  # a passing failure
    if whole and not retry and not (options.full or options.reextract or options.retry_failed) and all(
        old.get(key) == manifest[key] for key in ("versions", "derived", "files", "skipped", "fetch")
    ):
        return _unchanged(report, summary, stderr, started)  # nothing to load, nothing to write
    for name in report.repaired:
        log.warning("%s.parquet does not match the last run's record: the table set is rewritten", name)

    # 2. Which documents need work: no cached rows for these exact versions.
    by_sha: dict[str, list[str]] = {}
    for relative, info in sorted(files.items()):
        by_sha.setdefault(info["sha256"], []).append(relative)
    results, tasks = plan(options, by_sha, _versions_key(versions))
    # A file that ran out of time (or memory) twice with the same bytes costs no third full time-out: it is set
    # aside (a failure like any other, remembered) until its bytes change or --retry-failed.
    exhausted: dict[str, dict] = {sha: entry for sha, entry in _exhausted(old).items() if sha in by_sha}
    if not options.retry_failed:
        for task in [t for t in tasks if exhausted.get(t["sha"], {}).get("count", 0) >= REPEATED_FAILURES]:
            tasks.remove(task)
            entry = exhausted[task["sha"]]
            results[task["sha"]] = {"error": {
                "stage": "worker", "error_kind": f"repeated_{entry['kind']}",
                "message": f"{RESOURCE_FAILURES[entry['kind']]} {entry['count']} times with these bytes; set aside "
                           "until the file changes (--retry-failed tries it again"
                           f"{', with a longer --timeout' if entry['kind'] == 'timeout' else ', with more --memory-mb'})"}}
    else:
        exhausted = {}
    # Largest first, so that no worker is left with a long report while the others idle at the end (the
    # tables do not depend on the order: they are assembled by content hash).
    tasks.sort(key=lambda task: (-files[task["relative"]]["size"], task["sha"]))
    for task in tasks:
        task["time_limit"] = time_limit(options.timeout, files[task["relative"]]["size"], task["suffix"])

    # 3. Process what is new or changed, in isolated workers.
    if tasks:
        process(options, tasks, results, stderr)
        report.processed = len(tasks)
    for task in tasks:
        kind = results.get(task["sha"], {}).get("error", {}).get("error_kind")
        if kind in RESOURCE_FAILURES:
            count = exhausted.get(task["sha"], {}).get("count", 0) + 1
            exhausted[task["sha"]] = {"kind": kind, "count": count}
        else:
            exhausted.pop(task["sha"], None)
    manifest["exhausted"] = exhausted

    # 4. Assemble every table from the per-document results, and 5. validate every table. Each document's
    # rows are checked alone first: one whose rows break their declaration, or whose extraction raised, is its
    # own internal_error row and the others go on. What the whole set's check (or the derived tables) still
    # finds in one document's rows sets that document aside the same way, and the set is rebuilt.
    from models.schemas import TABLES
    from pipeline.store.errors import ValidationError
    from pipeline.store.history import LOG
    from pipeline.store.outdir import write_manifest, write_table_set
    from pipeline.store.tables import (
        DOCUMENT_TABLES,
        build,
        validate,
        validate_mentions,
        write_parquet,
    )

    log_path = os.path.join(options.out_dir, LOG)
    # The fetch's failures are in the errors table, but they were the fetch's to report (and to exit 1 for).
    known = {(e["source_path"], e["error_kind"]) for e in summary.get("errors", [])}
    known_ids = _known_inspection_ids(options.out_dir, old)
    quarantined: dict[str, str] = {}
    while True:
        try:
            tables, texts = assemble(by_sha, results, errors, fetched, log_path=log_path, quarantined=quarantined,
                                     known_ids=known_ids)
            _refuse_systemic_failure(tables)
            built = {name: build(TABLES[name], rows) for name, rows in tables.items()}
            page_ranges = {(p["doc_id"], p["page"]): (p["char_start"], p["char_end"]) for p in tables["pages"]}
            for name, data in built.items():
                # spans were checked document by document in assemble; the set is checked for the rest
                # (keys across documents, the columns the run adds, the derived tables)
                spans_checked = name in DOCUMENT_TABLES
                validate(TABLES[name], data, None if spans_checked else texts, None if spans_checked else page_ranges)
            validate_mentions(built)
            break
        except ValidationError as exc:
            new = [d for d in exc.doc_ids if d not in quarantined]
            documents = {sha[:16] for sha, result in results.items() if "rows" in result}
            if not new or not set(new) <= documents:
                raise  # a fault in no one document's rows: this program's (exit 3, nothing written)
            lines = str(exc).splitlines()
            for doc_id in new:
                quarantined[doc_id] = (lines[0] + " " + "; ".join(line.strip() for line in lines[1:]
                                                                  if doc_id in line))[:400]
                log.error("%s: rows set aside: %s", doc_id, quarantined[doc_id])
    report.rows = {name: data.num_rows for name, data in built.items()}
    path_of = {d["doc_id"]: d["source_path"] for d in tables["documents"]}
    report.failed_checks = [{**c, "source_path": path_of.get(c["doc_id"])} for c in tables["checks"]
                            if c["outcome"] == "failed"]
    report.unrun_checks = sum(1 for c in tables["checks"] if c["outcome"] == "not_run")
    report.errors = [e for e in tables["errors"] if e["stage"] != "fetch"]
    report.failed = len({e["source_path"] for e in report.errors})
    report.new_errors = [e for e in report.errors if (e["source_path"], e["error_kind"]) not in known]
    manifest["inspection_ids"] = _ledger(known_ids, tables["inspections"]).to_json()
    manifest["summary"] = {"rows": report.rows, "errors": report.errors, "failed_checks": report.failed_checks,
                           "unrun_checks": report.unrun_checks}

    def commit(states: dict[str, dict]) -> None:
        write_manifest(options.out_dir, {**manifest, "tables": states})

    write_table_set(options.out_dir, built, write_parquet, commit)
    report.wrote = True
    _print_errors(report.errors, stderr)
    report.seconds = time.monotonic() - started
    return report


# Failures of a document's worker that the same bytes would meet again (its time or its memory ran out), and
# how many times in a row a file may meet one before it is set aside.
RESOURCE_FAILURES = {"timeout": "timed out", "memory": "ran out of memory"}
REPEATED_FAILURES = 2


def _exhausted(manifest: dict) -> dict[str, dict]:
    """The manifest's record of files whose worker ran out of time or memory: {sha: {"kind", "count"}}."""
    recorded = manifest.get("exhausted")
    if not isinstance(recorded, dict):
        return {}
    return {sha: entry for sha, entry in recorded.items() if isinstance(entry, dict)
            and entry.get("kind") in RESOURCE_FAILURES and isinstance(entry.get("count"), int)}


def _refuse_mass_removal(options: RunOptions, old_files: dict[str, dict], files: dict[str, dict],
                         errors: list[dict]) -> None:
    """An unmounted disk or a wrong folder must never publish empty tables: a run that would drop every document,
    or more than --max-removals per cent of them, stops (exit 2) and leaves the tables as they were."""
    from pipeline.store.outdir import EnvironmentProblem

    if not old_files or options.allow_removals:
        return
    still_there = set(files) | {e["source_path"] for e in errors}
    removed = [relative for relative in old_files if relative not in still_there]
    share = 100.0 * len(removed) / len(old_files)
    if removed and (len(removed) == len(old_files) or share > options.max_removals):
        raise EnvironmentProblem(
            f"this run would remove {len(removed)} of the {len(old_files)} documents in the tables ({share:.0f}%, over "
            f"--max-removals {options.max_removals:g}%): is {options.raw_dir} the right folder, and mounted? Nothing "
            "was changed; if the files were removed on purpose, run again with --allow-removals")


def fingerprint_files(options: RunOptions, old_files: dict[str, dict], report: RunReport) -> tuple[dict[str, dict], list[dict]]:
    """Each readable raw file's size, mtime and hash; an error row for every file that cannot be read."""
    import stat as stat_module

    from pipeline.store.cache import sha256_file

    files: dict[str, dict] = {}
    errors: list[dict] = []
    for relative in discover(options.raw_dir, skip=(options.out_dir,)):
        path = os.path.join(options.raw_dir, relative)
        suffix = os.path.splitext(relative)[1].lower()
        if suffix not in SUPPORTED_SUFFIXES:
            errors.append(_error(None, relative, "discover", "unsupported_extension",
                                 f"unsupported file type '{suffix or '(none)'}' (expected .pdf, .txt, .md, .html)"))
            continue
        if not options.follow_symlinks and os.path.islink(path) and not _inside(options.raw_dir, path):
            errors.append(_error(None, relative, "discover", "outside_raw",
                                 "a link to a file outside the raw folder: not read (--follow-symlinks reads it)"))
            continue
        try:
            info = os.stat(path)
            if not stat_module.S_ISREG(info.st_mode):
                errors.append(_error(None, relative, "discover", "not_a_file",
                                     "not a regular file (a pipe, socket or device): not read"))
                continue
            if info.st_size > options.max_file_mb * 2**20:
                errors.append(_error(None, relative, "discover", "too_large",
                                     f"{info.st_size / 2**20:.0f} MB, over the limit of {options.max_file_mb:g} MB "
                                     "(--max-file-mb)"))
                continue
            previous = old_files.get(relative)
            if previous and previous["size"] == info.st_size and previous["mtime_ns"] == info.st_mtime_ns and not options.full:
                sha = previous["sha256"]
            else:
                sha = sha256_file(path)
        except OSError as exc:
            errors.append(_error(None, relative, "read", *_file_fault(path, exc)))
            continue
        files[relative] = {"size": info.st_size, "mtime_ns": info.st_mtime_ns, "sha256": sha}
        if relative not in old_files:
            report.new += 1
        elif old_files[relative]["sha256"] != sha:
            report.changed += 1
    report.removed = sum(1 for relative in old_files if relative not in files)
    report.unchanged = len(files) - report.new - report.changed
    return files, errors


def _inside(folder: str, path: str) -> bool:
    root, target = os.path.realpath(folder), os.path.realpath(path)
    return target == root or target.startswith(root + os.sep)


def _file_fault(path: str, exc: OSError) -> tuple[str, str]:
    """(error kind, message) for a raw file the file system will not give."""
    import errno

    if exc.errno == errno.ELOOP:
        return "symlink_loop", "a symbolic link that loops back on itself"
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return "dangling_link", f"a symbolic link to nothing ({os.readlink(path)})"
        return "file_vanished", "the file was deleted or moved during the run"
    if isinstance(exc, PermissionError):
        return "permission_denied", "no permission to read the file"
    return "unreadable", f"{exc.strerror or exc}"


# --timeout is the time allowed for a document of ordinary size; a larger one is allowed as much again for each
# further unit of its size, so that a long report is extracted rather than timed out. A PDF's file holds far
# more than its text (images, fonts): its unit is larger. Extraction runs at a few seconds per megabyte of text.
TIME_LIMIT_UNIT_BYTES = {".pdf": 20_000_000}
TIME_LIMIT_UNIT_BYTES_OTHERWISE = 1_000_000


def time_limit(timeout: float, size: int, suffix: str) -> float:
    """Seconds allowed for one document: ``timeout`` for each started unit of its size (at least one)."""
    unit = TIME_LIMIT_UNIT_BYTES.get(suffix, TIME_LIMIT_UNIT_BYTES_OTHERWISE)
    return timeout * max(1, math.ceil(size / unit))


def plan(options: RunOptions, by_sha: dict[str, list[str]], versions_key: str) -> tuple[dict[str, dict], list[dict]]:
    """Cached results, and the tasks for the documents without them."""
    from loaders import loader_version
    from pipeline.extract.parse import parse_fingerprint
    from pipeline.store import cache

    cache_dir = os.path.join(options.out_dir, ".cache")
    sentences_version = parse_fingerprint()
    results: dict[str, dict] = {}
    tasks = []
    for sha, paths in sorted(by_sha.items()):
        rows_cache = os.path.join(cache_dir, "rows", f"{sha}.{versions_key}.json")
        if not (options.full or options.reextract):
            cached = cache.read_entry(rows_cache, cache.check_rows)  # None when missing or not whole
            if cached is not None:
                results[sha] = cached
                continue
        suffix = os.path.splitext(paths[0])[1].lower()
        tasks.append({
            "doc_id": sha[:16],
            "sha": sha,
            "suffix": suffix,
            "path": os.path.abspath(os.path.join(options.raw_dir, paths[0])),
            "relative": paths[0],
            "text_cache": os.path.abspath(os.path.join(
                cache_dir, "text", f"{sha}.{_file_key(loader_version(suffix, options.pdf_engine))}.json")),
            "sentence_cache": os.path.abspath(os.path.join(cache_dir, "sentences", f"{sha}.{sentences_version}.json")),
            "read_cache": not options.full,
            "rows_cache": rows_cache,
            "pdf_engine": options.pdf_engine,
        })
    return results, tasks


def _file_key(version: str) -> str:
    """A loader's version as part of a file name: "txt-3", or "pdf-6-pdfium-" and a digest of its libraries'."""
    kind, _, rest = version.partition(" ")
    key = kind.replace("/", "-")
    if rest:
        engine, _, library = rest.partition(" ")
        key += f"-{engine}-{hashlib.sha256(library.encode()).hexdigest()[:8]}"
    return key


def process(options: RunOptions, tasks: list[dict], results: dict[str, dict], stderr: TextIO) -> None:
    from pipeline.extract.executor import default_jobs, run_dask, run_isolated, running_ahead
    from pipeline.extract.worker import preload_text, process_document

    progress = Progress(len(tasks), enabled=len(tasks) > 3 and not options.quiet, stream=stderr)

    def on_result(task: dict, result: dict) -> None:
        results[task["sha"]] = result  # the worker has cached it, unless it was transient
        progress.advance(task["relative"])

    jobs = options.jobs or default_jobs()
    if options.executor == "dask":
        run_dask(tasks, process_document, options.scheduler, jobs, options.memory_mb, on_result)
    else:
        ahead = _pdfs_to_read_ahead(tasks)
        # The warm-up below keeps one core busy for the best part of a second (importing spaCy): with more
        # than one job, the other cores start reading PDFs meanwhile (no more processes at work than jobs).
        with running_ahead(ahead, preload_text, jobs - 1, options.memory_mb) as read_ahead:
            _warm_up(tasks)
        for task in read_ahead:
            task["text_fresh"] = True  # its text was read in this run: its worker may use it, even under --full
        if ahead:
            log.info("%d of %d PDFs read ahead while the extractors loaded", len(read_ahead), len(ahead))
        run_isolated(tasks, process_document, jobs, options.memory_mb, on_result,
                     while_waiting=_prepare_writer)
    progress.close()


def assemble(by_sha: dict[str, list[str]], results: dict[str, dict], errors: list[dict],
             fetched: dict | None = None, log_path: str | None = None,
             quarantined: dict[str, str] | None = None, known_ids: KnownIds | None = None
             ) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Every table from the per-document results; ``fetched`` is `hmip fetch`'s state (its sources and the
    failures of its last run), when there is one.

    Each document's rows are checked against the tables' declarations on their own first: a document whose
    rows break them, or whose extraction raised (``quarantined`` adds documents the whole set's check
    caught), is an ``internal_error`` row, with its details in the log file, and the others go on.
    ``known_ids`` are the inspection ids the last run published, kept for the same inspections.
    """
    from models.schemas import TABLES
    from pipeline.store.tables import document_problems, document_text

    where = f" (details in {log_path})" if log_path else ""
    quarantined = quarantined or {}

    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    texts: dict[str, str] = {}
    errors = list(errors)
    fetched = fetched or {"sources": [], "errors": []}
    for failure in fetched.get("errors", []):
        errors.append({**_error(None, failure["url"], "fetch", failure["error_kind"], failure["message"]),
                       "url": failure["url"]})
    sources = {row["path"]: row for row in fetched.get("sources", [])}
    for sha, paths in sorted(by_sha.items()):
        result = results[sha]
        doc_id = sha[:16]
        if "error" in result:
            e = result["error"]
            message = e["message"]
            if e.get("traceback"):
                log.error("%s: %s\n%s", paths[0], message, e["traceback"].rstrip())
                message += where
            errors.extend(_error(doc_id, relative, e["stage"], e["error_kind"], message) for relative in paths)
            continue
        rows = result["rows"]
        text = document_text(rows)
        # the worker checked its document's rows (a result cached before it did is checked here)
        problems = [quarantined[doc_id]] if doc_id in quarantined else (
            list(result["problems"]) if isinstance(result.get("problems"), list) else document_problems(rows, text))
        if problems:
            log.error("%s: its rows break the tables' declarations, so none is written:\n  %s", paths[0],
                      "\n  ".join(problems[:50]))
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            errors.extend(_error(doc_id, relative, "extract", "internal_error",
                                 f"rows that break the tables' declarations: {problems[0][:300]}{more}{where}")
                          for relative in paths)
            continue
        for name, table_rows in rows.items():
            if name == "documents":
                source = next((sources[p] for p in paths if p in sources), None)
                for row in table_rows:
                    row.update(source_path=paths[0], source_paths=list(paths), sha256=sha,
                               source_url=source["url"] if source else None,
                               site_published=source.get("published") if source else None,
                               inspection_page=source.get("inspection_page") if source else None,
                               translation_of=None)
            tables[name].extend(table_rows)
        texts[doc_id] = text
    link_translations(tables["documents"])
    derive_tables(tables, known_ids)
    from pipeline.derive.catalogue import catalogue

    tables["catalogue"], listed_checks = catalogue(fetched, tables["documents"], errors)
    tables["checks"] += listed_checks
    for row in tables["documents"]:
        row.pop("inspection_page", None)
    for error in errors:
        error.setdefault("url", None)
        error["extractor_version"] = "pipeline/1"
    tables["errors"] = errors
    return tables, texts


def _refuse_systemic_failure(tables: dict[str, list[dict]]) -> None:
    """One document's fault is its error row; the same fault in most documents is this program's, and
    publishing tables without them would be worse than writing nothing (exit 3, the old tables kept)."""
    from pipeline.store.errors import ValidationError

    failed = {e["doc_id"]: e for e in tables["errors"] if e["error_kind"] == "internal_error" and e["doc_id"]}
    total = len(failed) + len(tables["documents"])
    if len(failed) >= 2 and len(failed) * 2 > total:
        shown = "\n  ".join(f"{e['source_path']}: {e['message']}" for e in list(failed.values())[:5])
        raise ValidationError(f"{len(failed)} of {total} documents fail inside the extractors, so the fault is "
                              f"this program's, not theirs:\n  {shown}")


def link_translations(documents: list[dict]) -> None:
    """The English and Welsh versions of one report (found on one inspection page) name each other."""
    by_page: dict[str, list[dict]] = {}
    for document in documents:
        if document.get("inspection_page"):
            by_page.setdefault(document["inspection_page"], []).append(document)
    for versions in by_page.values():
        english = sorted((d for d in versions if d["language"] == "en"),
                         key=lambda d: (d["source_format"] != "pdf", d["doc_id"]))
        welsh = sorted((d for d in versions if d["language"] == "cy"), key=lambda d: d["doc_id"])
        if english and welsh:
            for document in welsh:
                document["translation_of"] = english[0]["doc_id"]
            for document in english:
                document["translation_of"] = welsh[0]["doc_id"]


def load_fetched(out_dir: str) -> dict | None:
    """`hmip fetch`'s state in this out folder, if it has fetched into it."""
    from pipeline.store.fetch_state import STATE, load_state

    return load_state(out_dir) if os.path.exists(os.path.join(out_dir, STATE)) else None


def _unchanged(report: RunReport, summary: dict, stderr: TextIO, started: float) -> RunReport:
    """Nothing changed: counts, errors and failing checks are those the last run wrote."""
    report.rows = dict(summary["rows"])
    report.errors = list(summary["errors"])
    report.failed = len({e["source_path"] for e in report.errors})
    report.failed_checks = list(summary["failed_checks"])
    report.unrun_checks = int(summary.get("unrun_checks", 0))
    _print_errors(report.errors, stderr)
    report.seconds = time.monotonic() - started
    return report


def _print_errors(errors: list[dict], stderr: TextIO) -> None:
    for error in errors:
        log.error("%s: %s: %s: %s", error["source_path"], error["stage"], error["error_kind"], error["message"])


def _known_inspection_ids(out_dir: str, manifest: dict) -> KnownIds:
    """The inspection ids the last run published, so that the same inspections keep them: the manifest's
    ledger, else (a manifest lost or from an older version) the inspections table itself."""
    from pipeline.derive.inspections import KnownIds

    if isinstance(manifest.get("inspection_ids"), dict):
        return KnownIds.from_json(manifest["inspection_ids"])
    path = os.path.join(out_dir, "inspections.parquet")
    try:
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        columns = [c for c in ("inspection_id", "doc_ids", "aliases") if c in table.column_names]
        return KnownIds.from_rows(table.select(columns).to_pylist())
    except Exception:  # none yet, or unreadable: ids are made afresh (and kept from this run on)
        return KnownIds()


def _ledger(previous: KnownIds, inspections: list[dict]) -> KnownIds:
    """This run's ids, and the last run's for documents in no inspection now (removed, or left out of a
    link): a document that comes back, or is linked again, finds its old inspection's id."""
    from pipeline.derive.inspections import KnownIds

    current = KnownIds.from_rows(inspections)
    for doc_id, inspection_id in previous.documents.items():
        current.documents.setdefault(doc_id, inspection_id)
    for alias, inspection_id in previous.aliases.items():
        current.aliases.setdefault(alias, inspection_id)
    return current


def derive_tables(tables: dict[str, list[dict]], known_ids: KnownIds | None = None) -> None:
    """The checks and inspections tables, from the per-document rows."""
    from pipeline.derive import checks, inspections

    by_doc: dict[str, dict[str, list[dict]]] = {}
    for name in ("ratings", "percentages", "scores"):
        for row in tables[name]:
            by_doc.setdefault(row["doc_id"], {}).setdefault(name, []).append(row)
    check_rows: list[dict] = []
    failing: dict[str, str] = {}
    for document in tables["documents"]:
        facts = by_doc.get(document["doc_id"], {})
        try:
            check_rows += checks.document_checks(document, facts.get("ratings", []), facts.get("percentages", []),
                                                 facts.get("scores", []))
        except Exception as exc:  # one document's rows that the checks cannot read: that document's fault
            log.exception("%s: the checks failed on its rows", document.get("source_path"))
            failing[document["doc_id"]] = f"{type(exc).__name__}: {exc}"
    if failing:
        from pipeline.store.errors import ValidationError

        raise ValidationError("the checks failed on these documents' rows:\n  " + "\n  ".join(
            f"{doc_id}: {message}" for doc_id, message in sorted(failing.items())), sorted(failing))
    for document in tables["documents"]:
        document["role_in_inspection"] = None
    inspection_rows, groups, link_checks = inspections.link(tables["documents"], tables["ratings"], known_ids,
                                                               tables["pages"])
    check_rows += link_checks
    for documents in groups:
        check_rows += checks.inspection_checks(documents)
    # Every row of a document carries the inspection it describes (null for a document about none).
    inspection_of = {doc_id: row["inspection_id"] for row in inspection_rows for doc_id in row["doc_ids"]}
    for document in tables["documents"]:  # a Welsh version belongs to the inspection of its English one
        if document["doc_id"] not in inspection_of and document.get("translation_of") in inspection_of:
            inspection_of[document["doc_id"]] = inspection_of[document["translation_of"]]
    for name in ("documents", "ratings", "scores", "percentages", "dates", "recommendations", "mentions"):
        for row in tables[name]:
            row["inspection_id"] = inspection_of.get(row["doc_id"])
    per_rating, agreement = inspections.inspection_ratings(inspection_rows, groups, tables["ratings"])
    tables["checks"] = check_rows + agreement
    tables["inspections"] = inspection_rows
    tables["inspection_ratings"] = per_rating
    tables["inspection_scores"] = inspections.inspection_scores(inspection_rows, groups, tables["scores"])
    tables["inspection_recommendations"] = inspections.inspection_recommendations(inspection_rows, groups,
                                                                                  tables["recommendations"])
    tables["inspection_summary"] = inspections.inspection_summary(inspection_rows, per_rating)
    tables["services"] = inspections.services(tables["documents"], inspection_rows)
    tables["service_areas"] = inspections.service_areas()
    tables["standards"] = inspections.standards()


def _cached(task: dict, key: str) -> bool:
    """Will the task's worker read this cache entry ("text_cache", "sentence_cache") instead of redoing it?"""
    return bool(task["read_cache"]) and os.path.exists(task[key])


def _pdfs_to_read_ahead(tasks: list[dict]) -> list[dict]:
    """The PDFs whose text other cores may read while this process warms up: only when the warm-up has
    spaCy to import (not in a process that ran before), and only after importing here what reading a PDF
    needs of what the warm-up might be importing when a reader is forked (pdfplumber's table finder)."""
    pdfs = [task for task in tasks if task["suffix"] == ".pdf" and not _cached(task, "text_cache")]
    if not pdfs or "spacy" in sys.modules:
        return []
    import pdfplumber
    import pdfplumber.table  # noqa: F401

    import pipeline.store.cache  # noqa: F401

    return pdfs


def _warm_up(tasks: list[dict]) -> None:
    """Import, once in the parent, what the workers will need, so forked workers share it.

    Re-extraction from cached text and sentences needs neither pdfplumber nor spaCy's sentencizer (the
    extractors' matchers are always built here). The collector is off meanwhile, and what was built is then
    frozen, as the gc module's documentation advises before a fork: imports make hundreds of thousands of
    objects that all live as long as the process, so collecting among them is wasted (0.1 s, a sixth of
    the warm-up), and a worker that never walks them never copies the pages they are on.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        _import_for_workers(tasks)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def _import_for_workers(tasks: list[dict]) -> None:
    import extractors  # noqa: F401 - compiles every pattern once, before the forks
    import pipeline.extract.worker  # noqa: F401
    from extractors.matching import warm

    warm()  # the spaCy tokenizer and matchers every extractor shares

    if any(t["suffix"] == ".pdf" and not _cached(t, "text_cache") for t in tasks):
        import pdfplumber
        import pdfplumber.table  # noqa: F401

        # pdfium itself is loaded by each worker with its first PDF (a few milliseconds): in this process it would
        # only add to the memory the run holds while it writes the tables.
    if any(not _cached(t, "sentence_cache") for t in tasks):
        from pipeline.extract.parse import nlp

        nlp()


def _prepare_writer() -> None:
    """Load what writing the tables needs while the workers parse, not after: pyarrow, and the pandas support
    pyarrow loads on its first conversion (0.2 s together). The workers never import either."""
    import pyarrow as pa

    import pipeline.store.tables  # noqa: F401

    pa.array([0])


def _error(doc_id: str | None, path: str, stage: str, kind: str, message: str) -> dict:
    return {"doc_id": doc_id, "source_path": path, "stage": stage, "error_kind": kind, "message": message}


# Failed checks listed one per line in the summary; the rest are counted (all are in checks.parquet).
SHOWN_FAILED_CHECKS = 20


def summary_text(report: RunReport, quiet: bool = False) -> str:
    """The run's closing summary: what was done, the rows, the checks (the failed ones by file), where the
    tables are. A run with nothing to do says so in one line; ``quiet`` keeps one line whatever happened (the
    errors are on stderr already)."""
    from collections import Counter

    failed = len(report.failed_checks)
    by_check = Counter(check["check"] for check in report.failed_checks)
    new_failed = len({e["source_path"] for e in report.new_errors})
    done = (f"documents: {report.new} new, {report.changed} changed, {report.unchanged} unchanged, "
            f"{report.removed} removed, {report.failed} failed"
            + (f" ({new_failed} not failed before)" if report.failed and new_failed != report.failed else "")
            + f" ({report.processed} processed)")
    if not report.wrote and not report.processed:
        return (f"nothing changed: {report.unchanged} documents, tables unchanged in {report.out_dir}"
                f" ({failed} failed checks, {report.failed} failed documents, as before)")
    if quiet:
        return f"{done}; {failed} failed checks; tables written to {report.out_dir}"
    rows = ", ".join(f"{name} {count}" for name, count in report.rows.items())
    lines = [
        done,
        f"rows: {rows}",
        f"checks: {report.rows.get('checks', 0) - failed - report.unrun_checks} passed, {failed} failed"
        + (f" ({', '.join(f'{name} {count}' for name, count in by_check.most_common())})" if failed else "")
        + (f", {report.unrun_checks} could not run" if report.unrun_checks else ""),
    ]
    for check in report.failed_checks[:SHOWN_FAILED_CHECKS]:
        where = check.get("source_path") or check["doc_id"]
        lines.append(f"  failed check {check['check']} [{check['subject']}] in {where}: "
                     f"expected {_shown(check['expected'])}, found {_shown(check['found'])} ({check['detail']})")
    if failed > SHOWN_FAILED_CHECKS:
        lines.append(f"  ... and {failed - SHOWN_FAILED_CHECKS} more failed checks (checks.parquet has them all)")
    lines.append(f"time: {report.seconds:.2f} s; tables {'written to' if report.wrote else 'unchanged in'} {report.out_dir}")
    return "\n".join(lines)


def _shown(value: object) -> str:
    """A check's value as a person reads it: quoted text, or 'nothing' (never None or <NA>)."""
    return "nothing" if value is None else repr(str(value))
