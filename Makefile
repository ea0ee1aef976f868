# Analysts: `make all` regenerates out/; developers: `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := all
.PHONY: all test test-browser golden bench clean help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

all: $(STAMP) ## Regenerate every dataset in out/ from raw/
	$(PY) -m pipeline run --raw raw --out out

test: $(STAMP) ## Run the test suite (the real dump included)
	$(PY) -m pytest -q

test-browser: $(STAMP) ## Render the report in headless Chromium (apt-get install chromium)
	$(PY) -m pytest -q -m browser

golden: $(STAMP) ## Rewrite tests/golden/ from a fresh run; review the diff
	$(PY) -m pipeline golden --raw raw --golden tests/golden

bench: $(STAMP) ## Time the run on raw/ and on 10x and 100x copies; appends to bench/results.csv
	$(PY) bench/bench.py

clean: ## Remove out/ and the environment
	rm -rf out $(VENV)
