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

# Scores three corpora: the sample (the tables in OUT), the development documents and the real development
# set (both extracted into data/eval/ first). The real set's misses are listed beside the candidate that
# covered each one and the reason it was set aside.
eval: install
	$(BIN)/hmip eval --title "sample ($(RAW))" --raw-dir $(RAW) --gold-dir $(GOLD) --out-dir $(OUT) $(ARGS)
	$(BIN)/hmip eval --title "development documents (tests/documents)" --raw-dir tests/documents/raw --gold-dir tests/documents/gold --out-dir data/eval/development --quiet-details
	$(BIN)/hmip eval --title "real development set (tests/real)" --raw-dir tests/real/raw --gold-dir tests/real/gold --out-dir data/eval/real

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
