# Each target sets up .venv from the lock file first; nothing else needs installing but Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve site check test clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/curriculum serve

site: $(STAMP)
	$(BIN)/curriculum site

check: $(STAMP)
	$(BIN)/curriculum check

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf build site $(VENV)
