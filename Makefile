# Two commands for people: `make serve` and `make test`. Each makes its own venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test check build lint eslint types unit browser js bench hosts-check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

## serve: install everything and serve the site on http://127.0.0.1:8000 with live reload
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: validate the content and build site/ atomically
build: $(STAMP)
	$(BIN)/quizbuilder build

## check: validate the content only (item-writing warnings fail it too)
check: $(STAMP)
	$(BIN)/quizbuilder check --strict docs

# Chromium runs the browser tests. Installing it needs root (apt-get); anyone else
# gets told what to do instead of a failing apt-get.
chromium:
	@if [ -x "$${QB_CHROMIUM:-/usr/bin/chromium}" ] && command -v pdftoppm >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium poppler-utils >/dev/null; \
	else \
	  echo "Chromium or poppler-utils (pdftoppm, for the print test) is not installed," >&2; \
	  echo "and installing them needs root." >&2; \
	  echo "  Install it once, e.g. 'sudo apt-get install chromium poppler-utils' on Debian or Ubuntu," >&2; \
	  echo "  or set QB_CHROMIUM to a Chromium you have, then run this again." >&2; \
	  echo "  Meanwhile 'make lint types js unit' runs every test that needs no browser." >&2; \
	  exit 1; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check quizbuilder tests benchmarks occupations
	$(BIN)/ruff format --check quizbuilder tests benchmarks occupations

types: $(STAMP)
	$(BIN)/mypy

# fast-check and ESLint are test-time dependencies only: the site itself ships no npm code.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch node_modules/.installed

# ESLint (eslint.config.js: @eslint/js recommended rules, full names, short lines) on the
# shipped scripts and the Node tests, as ruff checks the Python.
ESLINT := node_modules/.bin/eslint quizbuilder/theme/assets/quizbuilder tests/js eslint.config.js

eslint: node_modules/.installed
	$(ESLINT)

js: node_modules/.installed
	$(ESLINT)
	node --test tests/js/

unit: $(STAMP)
	$(BIN)/pytest -m "not browser"

browser: $(STAMP) chromium
	$(BIN)/pytest -m browser

## hosts-check: build the real site with ProperDocs alone and with Zensical, each in its
## own venv (.venv-properdocs, .venv-zensical) without mkdocs, and check every quiz is there
hosts-check: $(STAMP)
	$(BIN)/python tests/hosts_check.py properdocs
	$(BIN)/python tests/hosts_check.py zensical

## test: install everything (Python packages, Chromium) and run the whole suite
test: $(STAMP) chromium node_modules/.installed
	$(BIN)/ruff check quizbuilder tests benchmarks occupations
	$(BIN)/ruff format --check quizbuilder tests benchmarks occupations
	$(ESLINT)
	$(BIN)/mypy
	$(BIN)/quizbuilder check --strict docs
	node --test tests/js/
	$(BIN)/python benchmarks/build.py --roles 10 --runs 1 --smoke
	$(MAKE) hosts-check
	$(BIN)/pytest

bench: $(STAMP) chromium
	$(BIN)/pip install --quiet -e ".[test,bench]"
	$(BIN)/python benchmarks/build.py --roles 10,100,1000 --runs 3 --serve

clean:
	rm -rf site $(VENV) .venv-properdocs .venv-zensical node_modules .pytest_cache .mypy_cache .ruff_cache test-artifacts
