# Quick start: `make demo` then `make test`. Both set up everything they need.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= marsad.db

.PHONY: demo test lint typecheck unit browser postgres bench models clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Stamps re-install when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[dev,transformers,postgresql]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/marsad demo --db $(DB)

test: lint typecheck unit

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy src/marsad

# The UI tests drive Debian's chromium through Playwright; Playwright's own browser
# download is never used (it needs a host we cannot reach).
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser)
browser:
	@if [ -z "$(CHROMIUM)" ]; then \
	  echo "installing Debian's chromium for the UI tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || { echo "could not install chromium: run 'apt-get install chromium' as root"; exit 1; }; \
	fi

# The store contract tests run on SQLite and on a real PostgreSQL server: Debian's
# package, started by the tests in a temporary data directory and stopped after them.
PG_CTL ?= $(firstword $(wildcard /usr/lib/postgresql/*/bin/pg_ctl))
postgres:
	@if [ -z "$(PG_CTL)" ]; then \
	  echo "installing Debian's postgresql for the store tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
	  || { echo "could not install postgresql: run 'apt-get install postgresql' as root"; exit 1; }; \
	fi

unit: $(VENV)/.installed-dev browser postgres
	$(BIN)/pytest -q -ra

# Rebuilds every shipped model from the public gold sets (tens of minutes on 2 cores);
# `make test` never trains. DATA is the shared data folder.
DATA ?= ../shared/data
models: $(VENV)/.installed-dev
	$(BIN)/marsad train ner $(DATA) --lang en
	$(BIN)/marsad train ner $(DATA) --lang ar --with-tune
	$(BIN)/marsad train events $(DATA)
	$(BIN)/marsad train stories

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/ingest_bench.py --fast --out ingest-core.json

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
