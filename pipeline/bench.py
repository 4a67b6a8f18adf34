"""Benchmark: ``make bench`` (python -m pipeline.bench --help).

Builds a larger corpus from the sample PDFs (each copy made distinct by a PDF
comment appended after %%EOF, so hashes differ), then reports, in one run on
one machine:

- baseline: pdfplumber's bare ``extract_text()`` pages/s on the same PDFs;
- the pipeline's cold run, pages/s, with 1 job and with all cores (the
  baseline and the 1-job run are each the best of two, interleaved);
- re-extraction from the cache (``--reextract``), documents/s;
- a no-op run on that corpus and on 1,000 unchanged documents, seconds;
- peak memory (RSS) of the 1,000-document cold run, MB.

Ratios to the baseline are printed, every run is appended as one JSON line
to bench/results.jsonl so figures can be compared over time, and the README's
table of latest figures is rewritten (``--no-readme`` leaves it alone).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw"


def build_pdf_corpus(target: Path, count: int) -> list[Path]:
    sources = sorted(SAMPLE.glob("*.pdf"))
    target.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(count):
        source = sources[i % len(sources)]
        path = target / f"{source.stem}-copy{i:04d}.pdf"
        path.write_bytes(source.read_bytes() + f"\n% benchmark copy {i}\n".encode())
        made.append(path)
    return made


def build_text_corpus(target: Path, count: int) -> None:
    sources = sorted(SAMPLE.glob("*.txt"))
    short = [s for s in sources if s.stat().st_size < 10_000] or sources
    target.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        source = short[i % len(short)]
        text = source.read_text(encoding="utf-8") + f"\nBenchmark copy {i}.\n"
        (target / f"{source.stem}-copy{i:04d}.txt").write_text(text, encoding="utf-8")


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (workers)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def baseline(pdfs: list[Path]) -> tuple[int, float, float]:
    """(pages, wall seconds, CPU seconds) of bare extract_text() on every page."""
    import pdfplumber

    pages = 0
    cpu = cpu_seconds()
    started = time.perf_counter()
    for path in pdfs:
        with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
                page.close()
    return pages, time.perf_counter() - started, cpu_seconds() - cpu


def timed_run(raw: Path, out: Path, **options: object) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the run and its workers)."""
    from pipeline.run import RunOptions, run

    cpu = cpu_seconds()
    started = time.perf_counter()
    report = run(RunOptions(str(raw), str(out), quiet=True, **options))  # type: ignore[arg-type]
    if report.exit_code != 0:
        raise SystemExit(f"benchmark run failed: {report.errors[:3]}")
    return time.perf_counter() - started, cpu_seconds() - cpu


def cli_seconds(raw: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", "--raw-dir", str(raw), "--out-dir", str(out),
                    "--quiet"], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def peak_rss_mb(raw: Path, out: Path) -> float:
    """Peak RSS of a cold CLI run and its workers, measured in a fresh process."""
    script = (
        "import resource, subprocess, sys\n"
        f"subprocess.run([sys.executable, '-m', 'pipeline.cli', 'extract', '--raw-dir', {str(raw)!r}, "
        f"'--out-dir', {str(out)!r}, '--quiet'], check=True, capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True, cwd=ROOT)
    return int(done.stdout.strip().splitlines()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the extract job against bare pdfplumber.")
    parser.add_argument("--docs", type=int, default=20, help="PDF documents in the corpus (default: %(default)s)")
    parser.add_argument("--noop-docs", type=int, default=1000, help="documents for the no-op and memory runs")
    parser.add_argument("--results", default=str(ROOT / "bench" / "results.jsonl"), help="file to append to")
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite the README's latest figures")
    args = parser.parse_args(argv)

    from pipeline.executor import default_jobs

    cores = default_jobs()
    with tempfile.TemporaryDirectory(prefix="hmip-bench-") as work:
        work_path = Path(work)
        pdfs = build_pdf_corpus(work_path / "raw", args.docs)
        # Best of two, interleaved, for the pair compared as a ratio: a shared machine drifts.
        pages, base_wall, base_cpu = baseline(pdfs)
        one_wall, one_cpu = timed_run(work_path / "raw", work_path / "out1", jobs=1)
        _, wall, cpu = baseline(pdfs)
        base_wall, base_cpu = min(base_wall, wall), min(base_cpu, cpu)
        wall, cpu = timed_run(work_path / "raw", work_path / "out1b", jobs=1)
        one_wall, one_cpu = min(one_wall, wall), min(one_cpu, cpu)
        all_cores = timed_run(work_path / "raw", work_path / "outN", jobs=cores)[0]
        reextract = timed_run(work_path / "raw", work_path / "outN", jobs=cores, reextract=True)[0]
        noop = timed_run(work_path / "raw", work_path / "outN", jobs=cores)[0]
        noop_cli = cli_seconds(work_path / "raw", work_path / "outN")
        sample_noop_out = work_path / "sample-out"
        timed_run(SAMPLE, sample_noop_out, jobs=cores)
        sample_noop = timed_run(SAMPLE, sample_noop_out, jobs=cores)[0]
        sample_noop_cli = cli_seconds(SAMPLE, sample_noop_out)
        build_text_corpus(work_path / "many", args.noop_docs)
        peak = peak_rss_mb(work_path / "many", work_path / "many-out")
        many_noop = timed_run(work_path / "many", work_path / "many-out", jobs=cores)[0]
        many_noop_cli = cli_seconds(work_path / "many", work_path / "many-out")

    figures = {
        "baseline_pages_per_s": pages / base_wall,
        "cold_1_job_pages_per_s": pages / one_wall,
        "baseline_pages_per_cpu_s": pages / base_cpu,
        "cold_1_job_pages_per_cpu_s": pages / one_cpu,
        "cold_all_cores_pages_per_s": pages / all_cores,
        "reextract_docs_per_s": args.docs / reextract,
        "noop_corpus_s": noop,
        "noop_corpus_cli_s": noop_cli,
        "noop_sample_s": sample_noop,
        "noop_sample_cli_s": sample_noop_cli,
        f"noop_{args.noop_docs}_docs_s": many_noop,
        f"noop_{args.noop_docs}_docs_cli_s": many_noop_cli,
        f"peak_rss_{args.noop_docs}_docs_mb": peak,
    }
    ratios = {
        "cold_1_job_vs_baseline": figures["cold_1_job_pages_per_s"] / figures["baseline_pages_per_s"],
        "cold_1_job_vs_baseline_cpu": figures["cold_1_job_pages_per_cpu_s"] / figures["baseline_pages_per_cpu_s"],
        "all_cores_vs_1_job": figures["cold_all_cores_pages_per_s"] / figures["cold_1_job_pages_per_s"],
    }
    record: dict[str, dict] = {
        "when": {"utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")},
        "machine": {"cores": cores, "python": platform.python_version(), "platform": platform.platform()},
        "corpus": {"pdf_documents": args.docs, "pages": pages, "noop_documents": args.noop_docs},
        "figures": {k: round(v, 3) for k, v in figures.items()},
        "ratios": {k: round(v, 3) for k, v in ratios.items()},
    }
    print(f"corpus: {args.docs} PDFs, {pages} pages; {cores} cores")
    print(f"{'measure':<34}{'value':>12}  target")
    targets = TARGETS | {
        f"noop_{args.noop_docs}_docs_s": "< 2 s (1,000 docs)",
        f"peak_rss_{args.noop_docs}_docs_mb": "< 500 MB",
    }
    for key, value in record["figures"].items():
        print(f"{key:<34}{value:>12.3f}  {targets.get(key, '')}")
    for key, value in record["ratios"].items():
        print(f"{key:<34}{value:>11.2f}x  {targets.get(key, '')}")
    results = Path(args.results)
    results.parent.mkdir(parents=True, exist_ok=True)
    with results.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    print(f"appended to {results}")
    if not args.no_readme:
        from pipeline.readme import replace_section

        replace_section("bench", readme_table(record, targets))
        print("README figures updated")
    return 0


# What issue 5 asks of each figure on a 2-core machine.
TARGETS: dict[str, str] = {
    "baseline_pages_per_s": "(pdfplumber's bare extract_text())",
    "cold_1_job_vs_baseline": ">= 0.85x",
    "cold_1_job_vs_baseline_cpu": ">= 0.85x",
    "all_cores_vs_1_job": ">= 1.7x on 2 cores",
    "reextract_docs_per_s": ">= 50",
    "noop_sample_s": "< 0.5 s",
}


def readme_table(record: dict[str, dict], targets: dict[str, str]) -> str:
    """The latest figures as a Markdown table, for the README."""
    corpus, machine = record["corpus"], record["machine"]
    rows = [f"Run of {record['when']['utc']}: {corpus['pdf_documents']} PDFs ({corpus['pages']} pages), "
            f"{corpus['noop_documents']} text documents for the no-op and memory runs; "
            f"{machine['cores']} cores, Python {machine['python']}.", "",
            "| measure | value | target |", "| --- | ---: | --- |"]
    for key, value in record["figures"].items():
        rows.append(f"| `{key}` | {value:,.3f} | {targets.get(key, '')} |")
    for key, value in record["ratios"].items():
        rows.append(f"| `{key}` | {value:.2f}x | {targets.get(key, '')} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
