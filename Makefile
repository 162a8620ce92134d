# SOAP Call Guide: `make serve` to preview, `make check` to check the content (under a second),
# `make test` to run every check, `make test-fast` for the tests that need no browser (seconds).
# Each target sets itself up first (scripts/setup.sh: .venv, requirements, Chromium).

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build check lint test test-fast

setup:
	@bash scripts/setup.sh

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

# data/ against schemas/ and every docs/ page rendered, without building the site.
check: setup
	@$(BIN)/python scripts/check_content.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The suite runs in parallel, one worker per core (pytest-xdist); built sites are shared.
test: setup lint check
	$(BIN)/python -m pytest -n auto

# Every test that needs no browser (pytest -m "not browser"): content, engine, built pages.
test-fast: setup
	$(BIN)/python -m pytest -n auto -m "not browser"
