# Two commands set everything up on a fresh machine (Python 3.11+ only):
#   make extract   creates .venv on first use, installs the project (runtime only), runs the job
#   make test      runs the test suite (installs the development tools first if needed)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RAW    ?= data/raw
OUT    ?= data/processed
GOLD   ?= tests/gold
JOBS   ?= 0
EXECUTOR ?= local
SCHEDULER ?=
HTML   ?= $(OUT)/review
# What reads PDFs: pdfium (fast, the default) or pdfplumber (the reference engine); both give the same text.
PDF_ENGINE ?= pdfium
ARGS   ?=

.PHONY: install install-dev analysis extract fetch update test eval lint bench review export fixtures clean browser

# pip compiles what it installs, but not an editable install's own code; Python compiles it on first import,
# unless PYTHONDONTWRITEBYTECODE is set: then every run would compile it again (0.05 s a process).
COMPILE = $(BIN)/python -m compileall -q pipeline loaders extractors models

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
# For an analyst: DuckDB, polars and the notebook's libraries (Jupyter included), without the test tools.
analysis: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[analysis]'

# The runtime: what `hmip extract` needs. Re-installs whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	$(COMPILE)
	touch $@

# The development tools (tests, linters, notebook runner, Dask, the browser test's driver), and the browser.
$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || $(MAKE) --no-print-directory browser
	touch $@

# Debian's Chromium and its driver, for the review page's browser test.
browser:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null

extract: install
	$(BIN)/hmip extract --raw-dir $(RAW) --out-dir $(OUT) --jobs $(JOBS) --executor $(EXECUTOR) $(if $(SCHEDULER),--scheduler $(SCHEDULER)) --pdf-engine $(PDF_ENGINE) $(ARGS)

# New reports and press releases from the Inspectorate's site into RAW (SITE=<url> for a mirror; ARGS="--since
# 2024-01-01 --contact you@example.org"); `make update` fetches, then extracts: what a scheduled job runs.
SITE ?=
fetch: install
	$(BIN)/hmip fetch --raw-dir $(RAW) --out-dir $(OUT) $(if $(SITE),--site $(SITE)) $(ARGS)

# What a scheduler runs is `.venv/bin/hmip update` (its exit code says what happened); make can only exit 0 or 2.
update: install
	$(BIN)/hmip update --raw-dir $(RAW) --out-dir $(OUT) --pdf-engine $(PDF_ENGINE) $(if $(SITE),--site $(SITE)) $(ARGS)

test: install-dev
	$(BIN)/python -m pytest -q $(ARGS)

# Scores four corpora: the sample (the tables in OUT), the development documents and the two real development
# sets (each extracted into data/eval/ first), each by stratum too (who speaks, era). The real sets' misses are
# listed beside the candidate that covered each one and the reason it was set aside.
eval: install
	$(BIN)/hmip eval --title "sample ($(RAW), PDFs read by $(PDF_ENGINE))" --raw-dir $(RAW) --gold-dir $(GOLD) --out-dir $(OUT) --pdf-engine $(PDF_ENGINE) $(ARGS)
	$(BIN)/hmip eval --title "development documents (tests/documents, PDFs read by $(PDF_ENGINE))" --raw-dir tests/documents/raw --gold-dir tests/documents/gold --out-dir data/eval/development --pdf-engine $(PDF_ENGINE) --quiet-details
	$(BIN)/hmip eval --title "real development set (tests/real)" --raw-dir tests/real/raw --gold-dir tests/real/gold --out-dir data/eval/real
	$(BIN)/hmip eval --title "second real development set (tests/real2)" --raw-dir tests/real2/raw --gold-dir tests/real2/gold --out-dir data/eval/real2

lint: install-dev
	$(BIN)/ruff check pipeline loaders extractors models tests
	$(BIN)/mypy

# Pages to check every fact by eye (HTML=<dir>, default $(OUT)/review), and the analysis tables for a spreadsheet.
review: install
	$(BIN)/hmip review --out-dir $(OUT) --html-dir $(HTML) --pdf-engine $(PDF_ENGINE) $(ARGS)

export: install
	$(BIN)/hmip export --out-dir $(OUT) $(ARGS)

# Speed against bare pdfplumber; appends to bench/results.jsonl (ARGS="--docs 200" for a bigger corpus).
bench: install
	$(COMPILE)
	$(BIN)/python -m pipeline.dev.bench $(ARGS)

# Re-render the development documents' PDFs from their .txt (needs WeasyPrint: pip install weasyprint).
WEASYPRINT_PYTHON ?= python3
fixtures:
	$(WEASYPRINT_PYTHON) tools/make_pdfs.py --in tests/documents/raw --out tests/documents/raw --check

clean:
	rm -rf $(OUT)/*.parquet $(OUT)/manifest.json $(OUT)/.cache
