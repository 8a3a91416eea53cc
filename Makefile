# Velkommen – the two commands for a fresh machine are `make serve` and `make test`.
# Every target creates .venv first: from requirements.txt (what a build needs), and for the tests
# and the editors' tools from requirements-dev.txt, both locked with hashes (pip-compile).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
DEV_STAMP := $(VENV)/.installed-dev-$(shell cksum < requirements-dev.txt | cut -d' ' -f1)
# The site to build or check: this repository's (the default) or another, e.g. SITE=examples/sonderborg.
SITE ?= .
MKDOCS := $(CURDIR)/$(BIN)/mkdocs
VK     := $(CURDIR)/$(BIN)/python -m velkommen
export NO_MKDOCS_2_WARNING := 1

NODE_STAMP := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)

.PHONY: serve build check status links bench test test-browser lighthouse schema schema-check hooks clean feeds sources

# The generator itself is the `velkommen` package in src/, installed editable like any site would install it.
$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

# The development lock includes the build's: it pins the same versions of everything they share.
$(DEV_STAMP): requirements-dev.txt $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	rm -f $(VENV)/.installed-dev-*
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
	cd $(SITE) && VELKOMMEN_SERVE=1 VELKOMMEN_PREVIEW=$(filter-out all,$(PREVIEW)) $(MKDOCS) serve --dev-addr 127.0.0.1:8000

## build: build the site strictly into site/ (with the browser editor at /admin/); SITE=examples/sonderborg for another
build: $(STAMP) $(NODE_STAMP)
	cd $(SITE) && $(MKDOCS) build --strict

## check: validate the data in data/ only (fast; no site build)
check: $(STAMP)
	cd $(SITE) && $(VK) check

## status: translations that are missing or older than the Danish, facts due a check (STRICT=1: exit 1 if any)
status: $(STAMP)
	cd $(SITE) && $(VK) status $(if $(STRICT),--strict)

## schema: write the JSON Schemas for editors' YAML tooling into schemas/
schema: $(STAMP)
	$(BIN)/python -m velkommen schema

## test: all tests, the browser tests included (Debian's Chromium at /usr/bin/chromium, axe-core from npm)
test: $(DEV_STAMP) $(NODE_STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest

## test-browser: only the browser tests (tests/browser): accessibility, privacy, policy, languages, guide, directory
test-browser: $(DEV_STAMP) $(NODE_STAMP)
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
bench: $(DEV_STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

## hooks: run the data checks and yamllint before every git commit
hooks: $(DEV_STAMP)
	$(BIN)/pre-commit install

clean:
	rm -rf site .pytest_cache .cache

## feeds: fetch the organisers' own calendars into .cache/feeds (the scheduled build runs it; never fails)
feeds: $(STAMP)
	$(BIN)/python -m velkommen feeds

## sources: which guide steps' official sources changed since they were fingerprinted (the weekly report; UPDATE=1 writes the lock)
sources: $(DEV_STAMP)
	$(BIN)/python -m velkommen sources $(if $(UPDATE),--update)
