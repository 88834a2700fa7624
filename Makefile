# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard app/translations/*/LC_MESSAGES/messages.po))

.PHONY: run test install install-test lint translations css lock audit

run: install $(CATALOGUES)
	$(BIN)/checkin db upgrade
	$(BIN)/checkin demo-data
	$(BIN)/checkin serve --host $(HOST) --port $(PORT)

test: install-test $(CATALOGUES)
	$(BIN)/ruff check app migrations tests bench
	$(BIN)/ruff format --check app migrations tests bench
	$(BIN)/mypy | $(BIN)/mypy-baseline filter
	$(BIN)/pytest

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

%.mo: %.po
	$(BIN)/pybabel compile --use-fuzzy -d app/translations -D messages

# Maintenance: re-extract strings, rebuild the CSS, refresh the lock file.
translations: install
	$(BIN)/pybabel extract -F babel.cfg -k _ -k gettext -k ngettext:1,2 -o app/translations/messages.pot --no-location --sort-output .
	$(BIN)/pybabel update -i app/translations/messages.pot -d app/translations -D messages --no-fuzzy-matching

css:
	bash frontend/build.sh

lock: install-test
	$(BIN)/pip freeze --exclude-editable | grep -v '^checkin' > constraints.txt

audit: install
	$(BIN)/pip install --quiet pip-audit
	$(BIN)/pip-audit --disable-pip --no-deps -r constraints.txt

lint: install-test
	$(BIN)/ruff check app migrations tests bench
	$(BIN)/ruff format --check app migrations tests bench
