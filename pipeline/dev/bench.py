"""Benchmark: ``make bench`` (python -m pipeline.dev.bench --help).

Builds a corpus from the sample PDFs (each copy made distinct by a PDF comment
appended after %%EOF, so hashes differ; 30 by default, 6 copies of each), then
reports, in one run on one machine:

- baseline: pdfplumber's bare ``extract_text()`` pages/s on the same PDFs;
- the fast engine (pdfium): a cold run as a whole process (``hmip extract``,
  start-up included), with 1 job and with all cores; and in process (imports
  warm), with 1 job and all cores;
- the reference engine (pdfplumber): a cold run in process, 1 job and all cores;
- peak memory (RSS) of a cold whole-process run with each engine;
- re-extraction from the cache (``--reextract``), documents/s (best of three);
- a no-op run on that corpus and on 1,000 unchanged documents, seconds;
- peak memory of the 1,000-document cold run, MB.

Each pair compared as a ratio is measured best of two, interleaved (whole
processes, best of five and three, one job and all cores in turn). Ratios to
the baseline are printed, every run is appended as one JSON line to
bench/results.jsonl so figures can be compared over time, and the README's
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

ROOT = Path(__file__).resolve().parents[2]
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
    """(wall seconds, CPU seconds of the run and its workers), in this process."""
    from pipeline.extract.run import RunOptions, run

    cpu = cpu_seconds()
    started = time.perf_counter()
    report = run(RunOptions(str(raw), str(out), quiet=True, **options))  # type: ignore[arg-type]
    if report.exit_code != 0:
        raise SystemExit(f"benchmark run failed: {report.errors[:3]}")
    return time.perf_counter() - started, cpu_seconds() - cpu


def process_run(raw: Path, out: Path, *arguments: str) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of the run and its workers) of ``hmip extract`` as a whole process:
    interpreter start-up, imports and exit included, into a fresh output folder."""
    script = (
        "import resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        f"subprocess.run([sys.executable, '-m', 'pipeline.cli', 'extract', '--raw-dir', {str(raw)!r}, "
        f"'--out-dir', {str(out)!r}, '--quiet', *{list(arguments)!r}], check=True, capture_output=True)\n"
        "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True, cwd=ROOT)
    seconds, kib = done.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(kib) / 1024  # ru_maxrss is in KiB on Linux


def cli_seconds(raw: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", "--raw-dir", str(raw), "--out-dir", str(out),
                    "--quiet"], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def peak_rss_mb(raw: Path, out: Path) -> float:
    """Peak RSS of a cold CLI run and its workers, measured in a fresh process."""
    return process_run(raw, out)[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the extract job against bare pdfplumber.")
    parser.add_argument("--docs", type=int, default=30, help="PDF documents in the corpus (default: %(default)s)")
    parser.add_argument("--noop-docs", type=int, default=1000, help="documents for the no-op and memory runs")
    parser.add_argument("--results", default=str(ROOT / "bench" / "results.jsonl"), help="file to append to")
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite the README's latest figures")
    args = parser.parse_args(argv)

    from pipeline.extract.executor import default_jobs

    cores = default_jobs()
    with tempfile.TemporaryDirectory(prefix="hmip-bench-") as work:
        work_path = Path(work)
        raw = work_path / "raw"
        pdfs = build_pdf_corpus(raw, args.docs)
        one_job, all_cores = ("--jobs", "1"), ("--jobs", str(cores))
        # Best of two, interleaved, for the pairs compared as ratios: a shared machine drifts.
        pages, base_wall, base_cpu = baseline(pdfs)
        fast_process, fast_rss = process_run(raw, work_path / "p1", *one_job)
        fast_wall, fast_cpu = timed_run(raw, work_path / "f1", jobs=1)
        reference_wall, reference_cpu = timed_run(raw, work_path / "r1", jobs=1, pdf_engine="pdfplumber")
        _, wall, cpu = baseline(pdfs)
        base_wall, base_cpu = min(base_wall, wall), min(base_cpu, cpu)
        fast_process = min(fast_process, process_run(raw, work_path / "p2", *one_job)[0])
        wall, cpu = timed_run(raw, work_path / "f2", jobs=1)
        fast_wall, fast_cpu = min(fast_wall, wall), min(fast_cpu, cpu)
        wall, cpu = timed_run(raw, work_path / "r2", jobs=1, pdf_engine="pdfplumber")
        reference_wall, reference_cpu = min(reference_wall, wall), min(reference_cpu, cpu)
        # Whole processes take seconds, and vary by some percent from one to the next: three more of each,
        # one job and all cores in turn, and the best of each.
        fast_process_all = float("inf")
        for i in range(3):
            fast_process_all = min(fast_process_all, process_run(raw, work_path / f"pN{i}", *all_cores)[0])
            fast_process = min(fast_process, process_run(raw, work_path / f"p1-{i}", *one_job)[0])
        fast_all = min(timed_run(raw, work_path / f"fN{i}", jobs=cores)[0] for i in range(2))
        reference_all = timed_run(raw, work_path / "rN", jobs=cores, pdf_engine="pdfplumber")[0]
        reference_rss = process_run(raw, work_path / "pr", *one_job, "--pdf-engine", "pdfplumber")[1]
        # best of three, as timeit advises for a figure read against a target: one run on a shared machine
        # varies by a tenth (0.57-0.65 s for these 30 documents within a minute)
        reextract = min(timed_run(raw, work_path / "fN0", jobs=cores, reextract=True)[0] for _ in range(3))
        noop = timed_run(raw, work_path / "fN0", jobs=cores)[0]
        noop_cli = cli_seconds(raw, work_path / "fN0")
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
        "pdfium_process_1_job_pages_per_s": pages / fast_process,
        "pdfium_process_all_cores_pages_per_s": pages / fast_process_all,
        "pdfium_1_job_pages_per_s": pages / fast_wall,
        "pdfium_all_cores_pages_per_s": pages / fast_all,
        "pdfplumber_1_job_pages_per_s": pages / reference_wall,
        "pdfplumber_all_cores_pages_per_s": pages / reference_all,
        "baseline_pages_per_cpu_s": pages / base_cpu,
        "pdfium_1_job_pages_per_cpu_s": pages / fast_cpu,
        "pdfplumber_1_job_pages_per_cpu_s": pages / reference_cpu,
        "pdfium_process_peak_rss_mb": fast_rss,
        "pdfplumber_process_peak_rss_mb": reference_rss,
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
        "pdfium_process_1_job_vs_baseline": base_wall / fast_process,
        "pdfium_process_all_cores_vs_1_job": fast_process / fast_process_all,
        "pdfium_all_cores_vs_1_job": fast_wall / fast_all,
        "pdfplumber_1_job_vs_baseline": base_wall / reference_wall,
        "pdfplumber_1_job_vs_baseline_cpu": base_cpu / reference_cpu,
        "pdfplumber_all_cores_vs_1_job": reference_wall / reference_all,
        "pdfium_vs_pdfplumber_peak_rss": fast_rss / reference_rss,
    }
    record: dict[str, dict] = {
        "when": {"utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")},
        "machine": {"cores": cores, "python": platform.python_version(), "platform": platform.platform()},
        "corpus": {"pdf_documents": args.docs, "pages": pages, "noop_documents": args.noop_docs},
        "figures": {k: round(v, 3) for k, v in figures.items()},
        "ratios": {k: round(v, 3) for k, v in ratios.items()},
    }
    print(f"corpus: {args.docs} PDFs, {pages} pages; {cores} cores")
    print(f"{'measure':<38}{'value':>12}  target")
    targets = TARGETS | {
        f"noop_{args.noop_docs}_docs_s": "< 2 s (1,000 docs)",
        f"peak_rss_{args.noop_docs}_docs_mb": "< 500 MB",
    }
    for key, value in record["figures"].items():
        print(f"{key:<38}{value:>12.3f}  {targets.get(key, '')}")
    for key, value in record["ratios"].items():
        print(f"{key:<38}{value:>11.2f}x  {targets.get(key, '')}")
    results = Path(args.results)
    results.parent.mkdir(parents=True, exist_ok=True)
    with results.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    print(f"appended to {results}")
    if not args.no_readme:
        from pipeline.dev.readme import replace_section

        replace_section("bench", readme_table(record, targets))
        print("README figures updated")
    return 0


# What the issues ask of each figure on a 2-core machine (5: the job against bare pdfplumber; 14: the fast engine).
TARGETS: dict[str, str] = {
    "baseline_pages_per_s": "(pdfplumber's bare extract_text())",
    "pdfium_process_1_job_vs_baseline": ">= 8x (whole process, start-up included)",
    "pdfium_process_all_cores_vs_1_job": ">= 1.7x on 2 cores",
    "pdfium_all_cores_vs_1_job": ">= 1.7x on 2 cores",
    "pdfplumber_1_job_vs_baseline": ">= 0.85x",
    "pdfplumber_1_job_vs_baseline_cpu": ">= 0.85x",
    "pdfplumber_all_cores_vs_1_job": ">= 1.7x on 2 cores",
    "pdfium_vs_pdfplumber_peak_rss": "<= 1x",
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
