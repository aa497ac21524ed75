# Everyday commands. CI (.ci/run) runs the README's commands; `make test` is its test step.
PY ?= .venv/bin/python

.PHONY: install test lint gate quality speed all

# The dev extras need pip >= 24: readability-lxml 0.9 (bench) asks for lxml[html-clean]
# and jusText for lxml[html_clean], and pip 23's resolver stops on the two spellings.
# The newcomer's `pip install -e '.[test]'` (README) works with any pip.
install:
	python3 -m venv .venv
	$(PY) -m pip install 'pip>=24'
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
