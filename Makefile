# Each target sets up .venv from a lock file first; nothing else needs installing but Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
STAMP := $(VENV)/.installed

.PHONY: serve site check test lab bench-notebooks clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) --require-hashes -r requirements.lock
	$(PIP) --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/curriculum serve

site: $(STAMP)
	$(BIN)/curriculum site

check: $(STAMP)
	$(BIN)/curriculum check

test: $(STAMP)
	$(BIN)/python -m pytest

# JupyterLab on notebooks/, with the same kernel the build uses
lab: $(STAMP)
	$(PIP) --require-hashes -r requirements-lab.lock
	cd notebooks && ../$(BIN)/jupyter lab

# Prints page weight and build time, ours against mkdocs-jupyter (installed only for this)
bench-notebooks: $(STAMP)
	$(PIP) --require-hashes -r requirements-bench.lock
	$(BIN)/python benchmarks/notebooks.py

clean:
	rm -rf build site $(VENV)
