"""Command line: ``hmip extract`` and ``hmip eval``.

Exit codes: 0 every document done, 1 some documents failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
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

    evaluate = commands.add_parser("eval", help="score the tables against gold answers")
    evaluate.add_argument("--gold-dir", default="tests/gold", help="folder of gold JSON files (default: %(default)s)")
    evaluate.add_argument("--out-dir", default="data/processed", help="folder of the tables (default: %(default)s)")
    evaluate.add_argument("--raw-dir", default=None,
                          help="extract this folder into --out-dir first (incremental, like extract)")
    evaluate.add_argument("--title", default=None, help="a line printed above the scores")
    evaluate.add_argument("--quiet-details", action="store_true", help="only the score table")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # output piped into `head`: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "extract":
        if not os.path.isdir(args.raw_dir):
            print(f"hmip: no such folder: {args.raw_dir}", file=sys.stderr)
            return 2
        if args.jobs < 0 or args.timeout <= 0:
            print("hmip: --jobs must be >= 0 and --timeout > 0", file=sys.stderr)
            return 2
        from pipeline.run import RunOptions, run, summary_text
        from pipeline.tables import ValidationError

        if args.scheduler and args.executor != "dask":
            print("hmip: --scheduler goes with --executor dask", file=sys.stderr)
            return 2
        options = RunOptions(args.raw_dir, args.out_dir, jobs=args.jobs, full=args.full, quiet=args.quiet,
                             timeout=args.timeout, memory_mb=args.memory_mb or None, reextract=args.reextract,
                             executor=args.executor, scheduler=args.scheduler)
        try:
            report = run(options)
        except ValidationError as exc:
            print(f"hmip: nothing written: {exc}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("\nhmip: interrupted; the previous tables are intact, the next run completes the work", file=sys.stderr)
            return 130
        print(summary_text(report))
        return report.exit_code
    if args.command == "eval":
        if not os.path.isdir(args.gold_dir) or (args.raw_dir is None and not os.path.isdir(args.out_dir)) or (
                args.raw_dir is not None and not os.path.isdir(args.raw_dir)):
            print("hmip: --gold-dir, --out-dir (or --raw-dir) must be folders", file=sys.stderr)
            return 2
        from pipeline.evaluate import evaluate, format_report

        if args.raw_dir is not None:
            from pipeline.run import RunOptions, run

            extracted = run(RunOptions(args.raw_dir, args.out_dir, quiet=True))
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
