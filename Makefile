# Everyday commands. `make test` is what CI runs (see .ci/run).
PY ?= .venv/bin/python

.PHONY: install test lint gate quality speed all

install:
	python3 -m venv .venv
	$(PY) -m pip install -e '.[dev]'

test:
	$(PY) -m pytest -q

lint:
	$(PY) -m ruff check sahelclean tests bench
	$(PY) -m ruff format --check sahelclean tests bench
	$(PY) -m mypy

gate:
	$(PY) bench/gate.py

quality:
	$(PY) bench/quality.py

speed:
	$(PY) bench/speed.py

all: lint test gate
