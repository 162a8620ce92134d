# SOAP Call Guide: `make serve` to preview, `make check` to check the content (under a second),
# `make test` to run every check.
# Each target sets itself up first (scripts/setup.sh: .venv, requirements, Chromium).

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build check lint test

setup:
	@bash scripts/setup.sh

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

# data/ and office/ against schemas/, and every page rendered as the build renders it (menu,
# links between pages), without building the site.
check: setup
	@$(BIN)/python scripts/check_content.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: setup lint check
	$(BIN)/python -m pytest
