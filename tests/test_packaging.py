"""Each command installs what it needs: the job's runtime carries no development tool."""

from __future__ import annotations

import re
import tomllib

import pytest

from tests.conftest import ROOT

DEVELOPMENT_TOOLS = ("pytest", "hypothesis", "ruff", "mypy", "duckdb", "polars", "selenium", "nbclient", "nbformat",
                     "ipykernel", "matplotlib", "dask")


def test_the_runtime_dependencies_hold_no_development_tool():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {re.split(r"[<>=\[ ]", requirement)[0].lower() for requirement in project["dependencies"]}
    assert not runtime & set(DEVELOPMENT_TOOLS)
    development = {re.split(r"[<>=\[ ]", requirement)[0].lower() for requirement in project["optional-dependencies"]["dev"]}
    assert {"pytest", "selenium", "polars", "duckdb"} <= development


def test_make_extract_installs_the_runtime_and_make_test_the_development_tools():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    runtime_recipe = makefile.split("$(VENV)/.installed: pyproject.toml")[1].split("\n\n")[0]
    assert "pip install --quiet -e .\n" in runtime_recipe and "[dev]" not in runtime_recipe
    assert re.search(r"^extract: install$", makefile, re.M)
    assert re.search(r"^test: install-dev$", makefile, re.M)
    assert "-e '.[dev]'" in makefile.split("$(VENV)/.installed-dev:")[1].split("\n\n")[0]


def test_make_passes_the_pdf_engine_to_every_command_that_reads_pdfs():
    import subprocess

    for target in ("extract", "update", "eval", "review"):
        dry = subprocess.run(["make", "-n", "-o", "install", "-o", "install-dev", target, "PDF_ENGINE=pdfplumber"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout
        commands = [line for line in dry.splitlines() if "hmip extract" in line or "hmip eval" in line
                    or "hmip review" in line or "hmip update" in line]
        assert commands and all("--pdf-engine pdfplumber" in line for line in commands
                                if "real development set" not in line), target


def test_the_program_ends_with_mains_exit_code_its_whole_output_and_the_exit_handlers_run(tmp_path):
    """`hmip` skips the interpreter's teardown (pipeline.cli.program): nothing a run writes may be lost by it."""
    import subprocess
    import sys

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["hmip"] == "pipeline.cli:program"
    raw, out, marker = tmp_path / "raw", tmp_path / "out", tmp_path / "exit-handler-ran"
    raw.mkdir()
    out.mkdir()  # an existing output folder: the run logs into it
    (raw / "release.txt").write_text("Sutton Youth Justice Service has been rated 'Good' by inspectors.\n",
                                     encoding="utf-8")
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a PDF")
    script = ("import atexit, sys\n"
              f"atexit.register(lambda: open({str(marker)!r}, 'w').write('ran'))\n"
              "from pipeline.cli import program\n"
              f"sys.argv = ['hmip', 'extract', '--raw-dir', {str(raw)!r}, '--out-dir', {str(out)!r}, '--jobs', '1']\n"
              "program()\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1  # main()'s code: a document failed
    assert "documents: 2 new" in done.stderr + done.stdout and "broken.pdf" in done.stderr + done.stdout
    assert marker.read_text() == "ran"
    assert "broken.pdf" in (out / "logs" / "hmip.log").read_text(encoding="utf-8")
    assert '"exit_code": 1' in (out / "runs.jsonl").read_text(encoding="utf-8")
    assert (out / "manifest.json").exists()
    import pyarrow.parquet as pq

    assert pq.read_table(out / "ratings.parquet").column("label").to_pylist() == ["Good"]


def test_a_built_wheel_carries_the_register_data(tmp_path):
    """The register (models/data/*.csv) is package data: an install that is not editable still has it."""
    import subprocess
    import sys
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                    str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "models/data/local_authorities.csv" in names
    assert "models/data/joint_youth_justice_services.csv" in names


def test_the_analysis_extra_holds_what_the_queries_and_notebook_import():
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    names = {r.split(">")[0].split("[")[0] for r in extras["analysis"]}
    assert {"duckdb", "polars", "matplotlib", "nbclient", "ipykernel"} <= names
    assert "pytest" not in names and "analysis:" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_hmip_help_lists_every_command_and_the_exit_codes(capsys):
    from pipeline.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert all(command in text for command in ("extract", "fetch", "update", "export", "review", "eval"))
    assert "Exit codes" in text and "\n  4 " in text
