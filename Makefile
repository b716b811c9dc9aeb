# `make site` installs what is needed and builds site/; `make test` installs and runs the tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: site test golden bench lint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

site: $(STAMP)
	SOURCE_DATE_EPOCH= $(VENV)/bin/digest build

test: $(STAMP)
	$(PY) -m pytest -q

golden: $(STAMP)
	DIGEST_REGENERATE_GOLDEN=1 $(PY) -m pytest tests/test_golden.py

lint: $(STAMP)
	$(VENV)/bin/ruff check digest tests
	$(VENV)/bin/mypy digest
