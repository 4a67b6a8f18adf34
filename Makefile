# Two commands set everything up on a fresh machine (Python 3.11+ only):
#   make extract   creates .venv on first use, installs the project, runs the job
#   make test      runs the test suite (installs first if needed)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RAW    ?= data/raw
OUT    ?= data/processed
GOLD   ?= tests/gold
JOBS   ?= 0
EXECUTOR ?= local
SCHEDULER ?=
ARGS   ?=

.PHONY: install extract test eval lint bench fixtures clean

install: $(VENV)/.installed

# Re-installs whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

extract: install
	$(BIN)/hmip extract --raw-dir $(RAW) --out-dir $(OUT) --jobs $(JOBS) --executor $(EXECUTOR) $(if $(SCHEDULER),--scheduler $(SCHEDULER)) $(ARGS)

test: install
	$(BIN)/python -m pytest -q $(ARGS)

eval: install
	$(BIN)/hmip eval --gold-dir $(GOLD) --out-dir $(OUT) $(ARGS)

lint: install
	$(BIN)/ruff check pipeline extractors models tests
	$(BIN)/mypy

# Speed against bare pdfplumber; appends to bench/results.jsonl (ARGS="--docs 200" for a bigger corpus).
bench: install
	$(BIN)/python -m pipeline.bench $(ARGS)

# Re-render the development documents' PDFs from their .txt (needs WeasyPrint: pip install weasyprint).
WEASYPRINT_PYTHON ?= python3
fixtures:
	$(WEASYPRINT_PYTHON) tools/make_pdfs.py --in tests/documents/raw --out tests/documents/raw --check

clean:
	rm -rf $(OUT)/*.parquet $(OUT)/manifest.json $(OUT)/.cache
