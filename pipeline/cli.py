"""Command line: ``hmip extract``, ``hmip eval``, ``hmip export`` and ``hmip review``.

Exit codes, for a scheduler to act on:
  0    every document done (or failed as it failed before: see --strict)
  1    a document failed that had not failed before (with --strict: any document failed)
  2    bad usage or environment: an option out of range, no raw folder, an output folder that cannot be
       written or has no room, the output folder's lock held by another run with --no-wait
  3    the run itself failed: an internal error; one line here, the traceback in the log file it names
  130  interrupted (Ctrl-C), 143 stopped (SIGTERM): the previous tables are intact
"""

from __future__ import annotations

import argparse
import math
import os
import signal
import sys


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hmip", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="raw reports and press releases in, Parquet tables out")
    extract.add_argument("--raw-dir", default="data/raw", help="folder of raw documents (default: %(default)s)")
    extract.add_argument("--out-dir", default="data/processed", help="folder for the tables (default: %(default)s)")
    extract.add_argument("--jobs", type=int, default=0, help="worker processes; 0 = all cores (default)")
    extract.add_argument("--full", action="store_true", help="reprocess every document, ignoring the cache")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")
    extract.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per document (default: %(default)s)")
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

    evaluate = commands.add_parser("eval", help="score the tables against gold answers")
    evaluate.add_argument("--gold-dir", default="tests/gold", help="folder of gold JSON files (default: %(default)s)")
    evaluate.add_argument("--out-dir", default="data/processed", help="folder of the tables (default: %(default)s)")
    evaluate.add_argument("--raw-dir", default=None,
                          help="extract this folder into --out-dir first (incremental, like extract)")
    evaluate.add_argument("--title", default=None, help="a line printed above the scores")
    evaluate.add_argument("--quiet-details", action="store_true", help="only the score table")

    exporting = commands.add_parser("export", help="the analysis tables as CSV files or an Excel workbook")
    exporting.add_argument("--out-dir", default="data/processed", help="folder of the tables (default: %(default)s)")
    exporting.add_argument("--format", choices=("csv", "xlsx"), default="csv", help="csv (default) or xlsx")
    exporting.add_argument("--to", default=None,
                           help="where: a folder for csv (default: <out-dir>/export), a file for xlsx "
                                "(default: <out-dir>/export/hmip-inspections.xlsx)")

    review = commands.add_parser("review", help="HTML pages to check every extracted fact by eye")
    review.add_argument("--out-dir", default="data/processed", help="folder of the tables (default: %(default)s)")
    review.add_argument("--raw-dir", default=None,
                        help="extract this folder into --out-dir first (incremental, like extract)")
    review.add_argument("--doc", default=None, help="only this document's page (its doc_id), and the index")
    review.add_argument("--html-dir", default=None, help="where to write the pages (default: <out-dir>/review)")
    return parser


class Terminated(Exception):
    """SIGTERM, raised in the main thread so that the run stops the way Ctrl-C stops it."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


# Where a traceback is written: the output folder's .logs, once the command line is read.
_LOG_FOLDERS = [os.path.join("data", "processed", ".logs")]


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
    return None


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    _LOG_FOLDERS[:] = [os.path.join(args.out_dir, ".logs")]
    if args.command == "extract":
        if not os.path.isdir(args.raw_dir):
            print(f"hmip: no such folder: {args.raw_dir}", file=sys.stderr)
            return 2
        problem = _check_numbers(args)
        if problem:
            print(f"hmip: {problem}", file=sys.stderr)
            return 2
        from pipeline.outdir import EnvironmentProblem
        from pipeline.run import RunOptions, run, summary_text
        from pipeline.tables import ValidationError

        if args.scheduler and args.executor != "dask":
            print("hmip: --scheduler goes with --executor dask", file=sys.stderr)
            return 2
        options = RunOptions(args.raw_dir, args.out_dir, jobs=args.jobs, full=args.full, quiet=args.quiet,
                             timeout=args.timeout, memory_mb=args.memory_mb or None, reextract=args.reextract,
                             executor=args.executor, scheduler=args.scheduler, wait=not args.no_wait,
                             strict=args.strict, max_file_mb=args.max_file_mb)
        try:
            report = run(options)
        except EnvironmentProblem as exc:
            print(f"hmip: {exc}", file=sys.stderr)
            return 2
        except ValidationError as exc:
            # rows the schema refuses are a fault of this program, not of the documents: nothing is written
            log_path = _log_traceback(argv)
            print(f"hmip: nothing written: {exc}\n(traceback in {log_path})", file=sys.stderr)
            return 3
        print(summary_text(report))
        return report.exit_code
    if args.command == "export":
        from pipeline.export import export

        target = args.to or os.path.join(args.out_dir, "export", "" if args.format == "csv" else "hmip-inspections.xlsx")
        try:
            written = export(args.out_dir, target, args.format)
        except (FileNotFoundError, RuntimeError) as exc:
            print(f"hmip: {exc}", file=sys.stderr)
            return 2
        where = os.path.dirname(written[0]) if args.format == "csv" else written[0]
        print(f"wrote {len(written)} file{'s' if len(written) != 1 else ''} to {where}")
        return 0
    if args.command == "review":
        from pipeline.review import write_review

        if args.raw_dir is not None:
            from pipeline.outdir import EnvironmentProblem
            from pipeline.run import RunOptions, run

            try:
                run(RunOptions(args.raw_dir, args.out_dir, quiet=True))
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
        from pipeline.evaluate import evaluate, format_report

        if args.raw_dir is not None:
            from pipeline.outdir import EnvironmentProblem
            from pipeline.run import RunOptions, run

            try:
                extracted = run(RunOptions(args.raw_dir, args.out_dir, quiet=True))
            except EnvironmentProblem as exc:
                print(f"hmip: {exc}", file=sys.stderr)
                return 2
            if extracted.exit_code != 0:
                print(f"hmip: {len(extracted.errors)} files failed to extract from {args.raw_dir}", file=sys.stderr)
        result = evaluate(args.gold_dir, args.out_dir)
        if args.title:
            print(f"== {args.title} ==")
        print(format_report(result, details=not args.quiet_details))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
