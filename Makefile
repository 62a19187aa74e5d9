# Each target sets up .venv from a lock file first; nothing else needs installing but Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
STAMP := $(VENV)/.installed

.PHONY: serve site site-part assemble check report schemas hooks test test-fast audit lab bench bench-notebooks clean

$(STAMP): requirements.lock pyproject.toml package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) --require-hashes -r requirements.lock
	$(PIP) --no-deps -e .
	# the project's own modules compiled once, as pip does for installed packages: with
	# PYTHONDONTWRITEBYTECODE set, each command would compile them again (30 ms of a check)
	$(BIN)/python -m compileall -q build_tools
	# front-end files the build copies into the site (the offline edition's iframe-worker shim)
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $(STAMP)

PORT ?= 8000
serve: $(STAMP)
	$(BIN)/curriculum serve --port $(PORT)

site: $(STAMP)
	$(BIN)/curriculum site

# The site built in parallel jobs, one per language (.github/workflows/deploy.yml): each job runs
# `make site-part SITE_LANG=xx` into part-xx/, then `make assemble` joins every part-*/ into site/
SITE_LANG ?= en
site-part: $(STAMP)
	$(BIN)/curriculum site --lang $(SITE_LANG) --output part-$(SITE_LANG)

assemble: $(STAMP)
	$(BIN)/curriculum assemble $(sort $(wildcard part-*)) --output site

check: $(STAMP)
	$(BIN)/curriculum check

# the editorial status of each module (the site's "Editorial status" page shows the same table)
report: $(STAMP)
	$(BIN)/curriculum report

# the JSON Schemas of the YAML files, for editors, regenerated from the typed model
schemas: $(STAMP)
	$(BIN)/curriculum schemas

# pre-commit hooks (nbstripout, ruff, curriculum check), run from .venv: once after cloning
hooks: $(STAMP)
	$(BIN)/pre-commit install

# the whole suite, browser tests included, in parallel workers (pytest-xdist) that share one build
# of the real site (a file lock around it)
test: $(STAMP)
	$(BIN)/python -m pytest -n auto

# the same without the browser tests: checker, render, build, offline edition, SEO, notebooks, serve
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n auto --ignore=tests/browser

# Lighthouse scores (performance, accessibility, best practices, SEO) of four page types
audit: $(STAMP)
	npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python benchmarks/audit.py

# JupyterLab on notebooks/, with the same kernel the build uses
lab: $(STAMP)
	$(PIP) --require-hashes -r requirements-lab.lock
	cd notebooks && ../$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root,)

# One table of speed at every size (see benchmarks/bench.py); choose with
# make bench SIZES=real,100,1000 RUNS=3 LIGHTHOUSE=real,200 (LIGHTHOUSE=none to skip it)
# STAGES=check,cold,warm,edit,plain,serve (the default: all), e.g. at 1,000 modules, in about an hour:
# make bench SIZES=1000 RUNS=1 STAGES=check,cold LIGHTHOUSE=none
SIZES ?= real,100
RUNS ?= 3
LIGHTHOUSE ?= real,200
STAGES ?= check,cold,warm,edit,plain,serve
bench: $(STAMP)
	npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python benchmarks/bench.py --sizes $(SIZES) --runs $(RUNS) --lighthouse $(LIGHTHOUSE) --stages $(STAGES)

# Prints page weight and build time, ours against mkdocs-jupyter (installed only for this)
bench-notebooks: $(STAMP)
	$(PIP) --require-hashes -r requirements-bench.lock
	$(BIN)/python benchmarks/notebooks.py

clean:
	rm -rf build site part-* $(VENV) node_modules
