# Velkommen – the two commands for a fresh machine are `make serve` and `make test`.
# Every target creates .venv from the pinned requirements.txt first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
export PYTHONPATH := $(CURDIR)/hooks
export NO_MKDOCS_2_WARNING := 1

NODE_STAMP := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)

.PHONY: serve build check status links bench test test-browser lighthouse schema schema-check hooks clean feeds

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

# Front-end tools and the browser editor come pinned from the npm registry.
$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -f node_modules/.installed-*
	touch $@

## serve: build and serve at http://127.0.0.1:8000, rebuilding when docs, data, hooks or overrides change.
##        Previews one language for fast rebuilds: PREVIEW=da (default), de, en, or all for the whole site.
PREVIEW ?= da
serve: $(STAMP)
	VELKOMMEN_SERVE=1 VELKOMMEN_PREVIEW=$(filter-out all,$(PREVIEW)) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: build the site strictly into site/ (with the browser editor at /admin/)
build: $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

## check: validate the data in data/ only (fast; no site build)
check: $(STAMP)
	$(BIN)/python -m velkommen check

## status: translations that are missing or older than the Danish, facts due a check (STRICT=1: exit 1 if any)
status: $(STAMP)
	$(BIN)/python -m velkommen status $(if $(STRICT),--strict)

## schema: write the JSON Schemas for editors' YAML tooling into schemas/
schema: $(STAMP)
	$(BIN)/python -m velkommen schema

## test: all tests, the browser tests included (Debian's Chromium at /usr/bin/chromium, axe-core from npm)
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

## test-browser: only the browser tests (tests/browser): accessibility, privacy, policy, languages, guide, directory
test-browser: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -m browser tests/browser

## lighthouse: Lighthouse scores and page weights of the home, guide, directory and plan pages (prints figures)
lighthouse: $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/lighthouse.py $(LIGHTHOUSE_ARGS)

schema-check: $(STAMP)
	$(BIN)/python -m velkommen schema --check

## links: check the external links of the built site (run by a weekly workflow; slow, needs the internet)
links: build
	$(BIN)/python -m velkommen links --site site

## bench: build speed and page weight of the shipped site and a large generated municipality (prints figures)
bench: $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

## hooks: run the data checks and yamllint before every git commit
hooks: $(STAMP)
	$(BIN)/pre-commit install

clean:
	rm -rf site .pytest_cache .cache

## feeds: fetch the organisers' own calendars into .cache/feeds (the scheduled build runs it; never fails)
feeds: $(STAMP)
	$(BIN)/python -m velkommen feeds
