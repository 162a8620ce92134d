# SOAP Call Guide: `make serve` to preview, `make check` to check the content (under a second),
# `make test` to run every check, `make test-fast` for the tests that need no browser (seconds).
# Each target sets up what it needs first (scripts/setup.sh): `serve` and `check` the site's
# packages only, no browser; `build` adds Chromium or Chrome for the PDFs; `test` everything.

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
HOST := 127.0.0.1
PORT := 8000

export NO_MKDOCS_2_WARNING := 1
# Compiled Python is kept in .cache/pycache, not beside the sources: hooks/ stays as the fork
# sees it in GitHub's editor, and a second build does not compile the engine again.
export PYTHONDONTWRITEBYTECODE :=
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/pycache

# The pinned requirement files are compiled from pyproject.toml with this uv release.
UV_VERSION := 0.13.8
UV_COMPILE := $(BIN)/uv pip compile --quiet pyproject.toml --universal --python-version 3.11

.PHONY: setup serve build check lint test test-fast requirements export bench

# Everything: the test and lint tools and a browser.
setup:
	@bash scripts/setup.sh test browser

serve:
	@bash scripts/setup.sh runtime
	@$(BIN)/python scripts/port_free.py $(HOST) $(PORT)
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

build:
	@bash scripts/setup.sh runtime browser
	$(BIN)/mkdocs build --strict

# data/ and office/ against schemas/, and every page rendered as the build renders it (menu,
# links between pages), without building the site.
CHECK := @$(BIN)/python scripts/check_content.py
LINT := $(BIN)/ruff check . && $(BIN)/ruff format --check .

check:
	@bash scripts/setup.sh runtime
	$(CHECK)

lint:
	@bash scripts/setup.sh test
	$(LINT)

# The suite runs in parallel, one worker per core (pytest-xdist); built sites are shared.
test:
	@bash scripts/setup.sh test browser
	$(LINT)
	$(CHECK)
	$(BIN)/python -m pytest -n auto

# Every test that needs no browser (pytest -m "not browser"): content, engine, built pages.
test-fast:
	@bash scripts/setup.sh test
	$(BIN)/python -m pytest -n auto -m "not browser"

# The guide as plain Markdown any generator can build (rendered pages, assets, a plain mkdocs.yml).
export:
	@bash scripts/setup.sh runtime
	$(BIN)/python scripts/export_site.py $(or $(OUT),export)

# Speed and size, measured: writes bench/RESULTS.md (BENCH_ARGS="--size tiny" for a quick run).
bench:
	@bash scripts/setup.sh test browser
	$(BIN)/python -m bench $(BENCH_ARGS)

# Re-pin requirements.txt and requirements-test.txt from pyproject.toml, keeping every pin that
# still satisfies it; `make requirements UPGRADE=1` moves every package to its newest release.
requirements:
	@bash scripts/setup.sh runtime
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(UV_COMPILE) $(if $(UPGRADE),--upgrade) -o requirements.txt
	$(UV_COMPILE) $(if $(UPGRADE),--upgrade) --extra test -o requirements-test.txt
