# presskit — two commands: `make kit` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: kit test lint install clean bench eval

# An editable install leaves presskit's own modules uncompiled; where PYTHONDONTWRITEBYTECODE is set
# they would be compiled again on every run (~0.1 s of CPU), so `compileall` brings them up to date.
kit: $(STAMP)
	$(BIN)/python -m compileall -q src/presskit
	$(BIN)/presskit build

test: $(STAMP) lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run.py

# The reader's share of structure facts on ../shared/examples, per variant (.txt, PDF, pdftotext).
eval: $(STAMP)
	PYTHONPATH=$(CURDIR)/src $(BIN)/python bench/reader_eval.py

install: $(STAMP)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(VENV)/bin/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,argos]'
	$(BIN)/python -m compileall -q src/presskit
	touch $(STAMP)

clean:
	rm -rf output/*/ .pytest_cache
