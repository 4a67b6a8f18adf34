"""Command line: hmip extract, fetch, update, export, review and eval (hmip COMMAND --help for each).

Exit codes, for a scheduler to act on:
  0    every document done (or failed as it failed before: see --strict)
  1    a document failed that had not failed before (with --strict: any document failed)
  2    bad usage or environment: an option out of range, no raw folder, an output folder that cannot be
       written or has no room, the output folder's lock held by another run with --no-wait
  3    the run itself failed: an internal error; one line here, the traceback in the log file it names
  4    fetch, update: the site unreachable or changed; what is new was not (all) checked
  130  interrupted (Ctrl-C), 143 stopped (SIGTERM): the previous tables are intact
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import math
import os
import signal
import sys


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hmip", description=__doc__.split("\n\n")[0],
                                     epilog=__doc__.split("\n\n", 1)[1].strip(),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="raw reports and press releases in, Parquet tables out")
    extract.add_argument("--raw-dir", default="data/raw", help="folder of raw documents (default: %(default)s)")
    extract.add_argument("--out-dir", default="data/processed", help="folder for the tables (default: %(default)s)")
    extract.add_argument("--jobs", type=int, default=0, help="worker processes; 0 = all cores (default)")
    extract.add_argument("--full", action="store_true", help="reprocess every document, ignoring the cache")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")
    extract.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per document of ordinary size, and as much again for each "
                         "further megabyte of text or HTML (20 MB of PDF) (default: %(default)s)")
    extract.add_argument("--memory-mb", type=int, default=4096, help="memory limit per worker, MB; 0 = none (default: %(default)s)")
    extract.add_argument("--reextract", action="store_true", help="re-run the extractors on every document's cached text")
    extract.add_argument("--executor", choices=("local", "dask"), default="local",
                         help="local worker processes (default) or a Dask cluster")
    extract.add_argument("--scheduler", default=None,
                         help="Dask scheduler address (with --executor dask; default: a local Dask cluster)")
    extract.add_argument("--no-wait", action="store_true",
                         help="if another run holds the output folder, stop (exit 2) instead of waiting for it")
    extract.add_argument("--strict", action="store_true",
                         help="exit 1 when any document failed, also one that failed the same way before")
    extract.add_argument("--max-file-mb", type=float, default=200.0,
                         help="a larger raw file is recorded as too_large, not read (default: %(default)s)")
    extract.add_argument("--follow-symlinks", action="store_true",
                         help="read links in the raw folder that lead outside it (default: an outside_raw error row)")
    extract.add_argument("--max-removals", type=float, default=50.0,
                         help="refuse (exit 2) a run that would remove more than this percentage of the documents, "
                              "or all of them (default: %(default)s)")
    extract.add_argument("--allow-removals", action="store_true",
                         help="the files are gone on purpose: remove their documents from the tables")
    extract.add_argument("--retry-failed", action="store_true",
                         help="try again the files set aside after timing out twice with the same bytes")
    _engine_option(extract)

    evaluate = commands.add_parser("eval", help="score the tables against gold answers")
    evaluate.add_argument("--gold-dir", default="tests/gold", help="folder of gold JSON files (default: %(default)s)")
    evaluate.add_argument("--out-dir", default="data/processed", help="folder of the tables (default: %(default)s)")
    evaluate.add_argument("--raw-dir", default=None,
                          help="extract this folder into --out-dir first (incremental, like extract)")
    evaluate.add_argument("--title", default=None, help="a line printed above the scores")
    evaluate.add_argument("--quiet-details", action="store_true", help="only the score table")
    _engine_option(evaluate)

    exporting = commands.add_parser("export", help="the analysis tables as CSV files or an Excel workbook")
    exporting.add_argument("--out-dir", default="data/processed", help="folder of the tables (default: %(default)s)")
    exporting.add_argument("--format", choices=("csv", "xlsx"), default="csv", help="csv (default) or xlsx")
    exporting.add_argument("--to", default=None,
                           help="where: a folder for csv (default: <out-dir>/export), a file for xlsx "
                                "(default: <out-dir>/export/hmip-inspections.xlsx)")
    exporting.add_argument("--force", action="store_true",
                           help="replace files already at --to (an earlier export in the default place is always "
                                "replaced)")

    fetching = commands.add_parser("fetch", help="download the Inspectorate's newly published reports and press releases")
    _fetch_options(fetching)
    updating = commands.add_parser(
        "update", help="fetch, then extract: what a scheduler runs (its exit code says what happened, see README)")
    _fetch_options(updating)
    _engine_option(updating)

    review = commands.add_parser("review", help="HTML pages to check every extracted fact by eye")
    review.add_argument("--out-dir", default="data/processed", help="folder of the tables (default: %(default)s)")
    review.add_argument("--raw-dir", default=None,
                        help="extract this folder into --out-dir first (incremental, like extract)")
    review.add_argument("--doc", default=None, help="only this document's page (its doc_id), and the index")
    review.add_argument("--html-dir", default=None, help="where to write the pages (default: <out-dir>/review)")
    _engine_option(review)
    return parser


def _fetch_options(parser: argparse.ArgumentParser) -> None:
    from pipeline.web.site import STRUCTURE

    parser.add_argument("--site", default=STRUCTURE.default_site,
                        help="the site's root; every page is found from there (default: %(default)s)")
    parser.add_argument("--raw-dir", default="data/raw", help="where files go (default: %(default)s)")
    parser.add_argument("--out-dir", default="data/processed",
                        help="where the sources table, the fetch state and the run history go (default: %(default)s)")
    parser.add_argument("--delay", type=float, default=1.0, help="seconds between two requests (default: %(default)s)")
    parser.add_argument("--since", default=None, help="only what was published on or after this date (YYYY-MM-DD)")
    parser.add_argument("--limit", type=int, default=None, help="at most this many new files")
    parser.add_argument("--dry-run", action="store_true", help="list what would be fetched; download nothing")
    parser.add_argument("--quiet", action="store_true", help="fewer messages")
    parser.add_argument("--contact", default="set --contact to an e-mail address or URL",
                        help="how the site's operators can reach whoever runs this (sent in the User-Agent)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for a response (default: %(default)s)")
    parser.add_argument("--budget", type=float, default=3600.0,
                        help="seconds for the whole run, waits included (default: %(default)s)")
    parser.add_argument("--max-file-mb", type=float, default=200.0,
                        help="a larger download is stopped and recorded as a failure (default: %(default)s)")
    parser.add_argument("--file-seconds", type=float, default=600.0,
                        help="at most this long for one download, however slowly it comes (default: %(default)s)")
    parser.add_argument("--programme", action="append",
                        help="an inspection programme's slug (repeatable; default: every youth programme listed)")
    parser.add_argument("--no-wait", action="store_true", help="stop (exit 2) if another run holds the out folder")
    parser.add_argument("--also-site", action="append", default=None,
                        help="another host whose sitemaps are read too (repeatable; default: the Inspectorate's newer "
                             f"website, {STRUCTURE.new_site}, when --site is the default; none for another --site)")
    parser.add_argument("--no-also-site", action="store_true", help="read no other host than --site")


class Terminated(Exception):
    """SIGTERM, raised in the main thread so that the run stops the way Ctrl-C stops it."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


# Where a traceback is written: the output folder's logs/ (beside hmip.log), once the command line is read.
_LOG_FOLDERS = [os.path.join("data", "processed", "logs")]


def main(argv: list[str] | None = None) -> int:
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _main(argv)
    except BrokenPipeError:  # output piped into `head`: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("\nhmip: interrupted; the previous tables are intact, the next run completes the work", file=sys.stderr)
        return 130
    except Terminated:
        print("hmip: stopped (SIGTERM); the previous tables are intact, the next run completes the work",
              file=sys.stderr)
        return 143
    except Exception as exc:  # the run itself failed: one line here, the traceback in a log file
        log_path = _log_traceback(argv)
        print(f"hmip: internal error: {type(exc).__name__}: {exc} (traceback in {log_path})", file=sys.stderr)
        return 3
    finally:
        signal.signal(signal.SIGTERM, previous)


def _log_traceback(argv: list[str] | None) -> str:
    """Write the current exception's traceback to a log file; its path."""
    import datetime as dt
    import tempfile
    import traceback

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    text = f"hmip {' '.join(argv if argv is not None else sys.argv[1:])}\n{traceback.format_exc()}"
    for folder in (*_LOG_FOLDERS, tempfile.gettempdir()):
        try:
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, f"hmip-error-{stamp}-{os.getpid()}.log")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            return path
        except OSError:
            continue
    return "(no log file could be written)"


def _fetch(args: argparse.Namespace) -> int:
    import datetime as dt

    from pipeline.store.history import log_file, now, record_run
    from pipeline.store.outdir import EnvironmentProblem, locked, prepare
    from pipeline.web.fetch import FetchOptions, fetch, summary_json, summary_text

    since = None
    if args.since:
        try:
            since = dt.date.fromisoformat(args.since)
        except ValueError:
            print(f"hmip: --since must be a date (YYYY-MM-DD), not {args.since!r}", file=sys.stderr)
            return 2
    numbers = (args.delay, args.timeout, args.budget, args.max_file_mb, args.file_seconds)
    if not all(math.isfinite(n) for n in numbers) or args.delay < 0 or min(numbers[1:]) <= 0 \
            or (args.limit is not None and args.limit < 0):
        print("hmip: --delay must be 0 or more; --timeout, --budget, --max-file-mb and --file-seconds above 0; "
              "--limit 0 or more", file=sys.stderr)
        return 2
    if any(not u.startswith(("http://", "https://")) for u in args.also_site or ()):
        print("hmip: --also-site must be an http(s) URL", file=sys.stderr)
        return 2
    if not args.site.startswith(("http://", "https://")):
        print(f"hmip: --site must be an http(s) URL, not {args.site!r}", file=sys.stderr)
        return 2
    options = FetchOptions(raw_dir=args.raw_dir, out_dir=args.out_dir, site=args.site if args.site.endswith("/")
                           else args.site + "/", delay=args.delay, since=since, limit=args.limit, dry_run=args.dry_run,
                           quiet=args.quiet, timeout=args.timeout, budget=args.budget, contact=args.contact,
                           programmes=tuple(args.programme or ()), max_file_mb=args.max_file_mb,
                           file_seconds=args.file_seconds, also_sites=also_sites(args))
    import logging

    started = now()
    # Progress: each file as it arrives (and each failure), on stderr; --quiet keeps only the failures.
    progress = logging.StreamHandler(sys.stderr)
    progress.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%H:%M:%S"))
    progress.setLevel(logging.WARNING if args.quiet else logging.INFO)
    logger = logging.getLogger("hmip")
    logger.addHandler(progress)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        os.makedirs(args.raw_dir, exist_ok=True)
        prepare(args.out_dir)
        with locked(args.out_dir, wait=not args.no_wait), log_file(args.out_dir):
            report = fetch(options)
    except (EnvironmentProblem, OSError) as exc:
        print(f"hmip: {exc}", file=sys.stderr)
        return 2
    finally:
        logger.removeHandler(progress)
    print(summary_text(report, dry_run=args.dry_run))
    if not args.dry_run:
        record_run(args.out_dir, "fetch", started, summary_json(report))
    return report.exit_code


def also_sites(args: argparse.Namespace) -> tuple[str, ...]:
    """The other hosts read through their sitemaps: those asked for; else the Inspectorate's newer website when
    --site is its older one (a mirror given as --site stands alone: nothing else is asked)."""
    from pipeline.web.site import STRUCTURE

    if args.no_also_site:
        return ()
    if args.also_site:
        return tuple(s if s.endswith("/") else s + "/" for s in args.also_site)
    return (STRUCTURE.new_site,) if args.site.rstrip("/") == STRUCTURE.default_site.rstrip("/") else ()


def _update(args: argparse.Namespace) -> int:
    """Fetch, then extract what is in the raw folder (a fetch that failed leaves the tables up to date with what
    was fetched before). The exit code: the extract's when it is 2 or 3 (bad usage or environment; this
    program's fault), else the fetch's when it is not 0 (1: some files failed; 4: the site unreachable or
    changed; 2: bad usage, and nothing is extracted), else the extract's (1: some documents failed). With
    --dry-run, only the fetch's list: nothing is extracted."""
    fetched = _fetch(args)
    if fetched == 2 or args.dry_run:
        return fetched
    extract = ["extract", "--raw-dir", args.raw_dir, "--out-dir", args.out_dir, "--pdf-engine", args.pdf_engine,
               "--quiet", *(["--no-wait"] if args.no_wait else [])]
    extracted = _main(extract)
    if extracted in (2, 3):
        return extracted
    return fetched or extracted


def _engine_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pdf-engine", choices=("pdfium", "pdfplumber"), default="pdfium",
                        help="what reads PDFs: pdfium (fast, the default) or pdfplumber (the reference); both give "
                             "the same text, and switching re-reads every PDF (default: %(default)s)")


def _check_numbers(args: argparse.Namespace) -> str | None:
    """Why an option's value is out of range, or None."""
    if args.jobs < 0:
        return "--jobs must be 0 (all cores) or more"
    if not (math.isfinite(args.timeout) and args.timeout > 0):
        return "--timeout must be a number of seconds above 0"
    if args.memory_mb < 0:
        return "--memory-mb must be 0 (no limit) or more"
    if not (math.isfinite(args.max_file_mb) and args.max_file_mb > 0):
        return "--max-file-mb must be a number above 0"
    if not (math.isfinite(args.max_removals) and 0 <= args.max_removals <= 100):
        return "--max-removals must be a percentage, 0 to 100"
    return None


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    _LOG_FOLDERS[:] = [os.path.join(args.out_dir, "logs")]
    if args.command == "extract":
        if not os.path.isdir(args.raw_dir):
            print(f"hmip: no such folder: {args.raw_dir}", file=sys.stderr)
            return 2
        problem = _check_numbers(args)
        if problem:
            print(f"hmip: {problem}", file=sys.stderr)
            return 2
        from pipeline.extract.run import RunOptions, run, summary_text
        from pipeline.store.errors import ValidationError
        from pipeline.store.outdir import EnvironmentProblem

        if args.scheduler and args.executor != "dask":
            print("hmip: --scheduler goes with --executor dask", file=sys.stderr)
            return 2
        options = RunOptions(args.raw_dir, args.out_dir, jobs=args.jobs, full=args.full, quiet=args.quiet,
                             timeout=args.timeout, memory_mb=args.memory_mb or None, reextract=args.reextract,
                             executor=args.executor, scheduler=args.scheduler, wait=not args.no_wait,
                             strict=args.strict, max_file_mb=args.max_file_mb, pdf_engine=args.pdf_engine,
                             follow_symlinks=args.follow_symlinks, max_removals=args.max_removals,
                             allow_removals=args.allow_removals, retry_failed=args.retry_failed)
        from pipeline.store.history import now, record_run

        started = now()
        try:
            report = run(options)  # its messages also go to <out>/logs/hmip.log
        except EnvironmentProblem as exc:
            print(f"hmip: {exc}", file=sys.stderr)
            return 2
        except ValidationError as exc:
            # rows the schema refuses are a fault of this program, not of the documents: nothing is written
            log_path = _log_traceback(argv)
            print(f"hmip: nothing written: {exc}\n(traceback in {log_path})", file=sys.stderr)
            return 3
        print(summary_text(report, quiet=args.quiet))
        record_run(args.out_dir, "extract", started, {
            "new": report.new, "changed": report.changed, "unchanged": report.unchanged, "removed": report.removed,
            "processed": report.processed, "failed": report.failed,
            "new_failures": len({e["source_path"] for e in report.new_errors}),
            "failed_checks": len(report.failed_checks), "wrote_tables": report.wrote, "exit_code": report.exit_code})
        return report.exit_code
    if args.command == "fetch":
        return _fetch(args)
    if args.command == "update":
        return _update(args)
    if args.command == "export":
        from pipeline.read.export import ExportRefused, default_target, export

        target = args.to or default_target(args.out_dir, args.format)
        try:
            written = export(args.out_dir, target, args.format, force=args.force)
        except (OSError, RuntimeError, ExportRefused) as exc:
            print(f"hmip: {exc}", file=sys.stderr)
            return 2
        where = os.path.dirname(written[0]) if args.format == "csv" else written[0]
        print(f"wrote {len(written)} file{'s' if len(written) != 1 else ''} to {where}")
        return 0
    if args.command == "review":
        from pipeline.read.review import write_review

        if args.raw_dir is not None:
            from pipeline.extract.run import RunOptions, run
            from pipeline.store.outdir import EnvironmentProblem

            try:
                run(RunOptions(args.raw_dir, args.out_dir, quiet=True, pdf_engine=args.pdf_engine))
            except EnvironmentProblem as exc:
                print(f"hmip: {exc}", file=sys.stderr)
                return 2
        html_dir = args.html_dir or os.path.join(args.out_dir, "review")
        try:
            written = write_review(args.out_dir, html_dir, args.doc)
        except (FileNotFoundError, RuntimeError, KeyError) as exc:
            print(f"hmip: {exc.args[0] if exc.args else exc}", file=sys.stderr)
            return 2
        print(f"wrote {len(written)} pages; open {written[0]}")
        return 0
    if args.command == "eval":
        if not os.path.isdir(args.gold_dir) or (args.raw_dir is None and not os.path.isdir(args.out_dir)) or (
                args.raw_dir is not None and not os.path.isdir(args.raw_dir)):
            print("hmip: --gold-dir, --out-dir (or --raw-dir) must be folders", file=sys.stderr)
            return 2
        from pipeline.dev.evaluate import evaluate, format_report

        if args.raw_dir is not None:
            from pipeline.extract.run import RunOptions, run
            from pipeline.store.outdir import EnvironmentProblem

            try:
                extracted = run(RunOptions(args.raw_dir, args.out_dir, quiet=True, pdf_engine=args.pdf_engine))
            except EnvironmentProblem as exc:
                print(f"hmip: {exc}", file=sys.stderr)
                return 2
            if extracted.exit_code != 0:
                print(f"hmip: {len(extracted.errors)} files failed to extract from {args.raw_dir}", file=sys.stderr)
        result = evaluate(args.gold_dir, args.out_dir)
        if args.title:
            print(f"== {args.title} ==")
        print(format_report(result, details=not args.quiet_details))
        return 0 if result.documents else 1
    return 2


def program() -> None:
    """``hmip`` as a program (the console script, ``python -m pipeline.cli``): main(), then the exit.

    The exit handlers run (the log file is flushed and closed, temporary folders removed) and the output is
    flushed, but the interpreter is not torn down object by object: after a run that freeing took 0.06 s, more
    than a whole no-op run's work. Everything the command writes is on disk, and complete, before main()
    returns. (mypy ends the same way, for the same reason.)"""
    code = main()
    atexit._run_exitfuncs()  # what a normal exit runs first
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    program()
