# SOAP Call Guide: `make serve` to preview, `make check` to check the content (under a second),
# `make test` to run every check.
# Each target sets itself up first (scripts/setup.sh: .venv, requirements, Chromium).

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build check lint test export bench

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

test: setup lint check
	$(BIN)/python -m pytest

# The guide as plain Markdown any generator can build (rendered pages, assets, a plain mkdocs.yml).
export: setup
	$(BIN)/python scripts/export_site.py $(or $(OUT),export)

# Speed and size, measured: writes bench/RESULTS.md (BENCH_ARGS="--size tiny" for a quick run).
bench: setup
	$(BIN)/python -m bench $(BENCH_ARGS)
