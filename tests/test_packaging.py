"""Each command installs what it needs: the job's runtime carries no development tool."""

from __future__ import annotations

import re
import tomllib

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
                    or "hmip review" in line]
        assert commands and all("--pdf-engine pdfplumber" in line for line in commands
                                if "real development set" not in line), target
