# Two commands set everything up on a fresh machine:
#   make run    install what is missing, then serve the web chat sandbox (and Telegram with a token)
#   make test   install what is missing (incl. headless chromium), then lint, type-check, content check, tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BABEL_FLAGS := -F babel.cfg -k _ -k ngettext:1,2 --no-location --sort-output --project=firststeps --copyright-holder="CWII Pomorze"

.PHONY: run test setup chromium lint i18n

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/firststeps run

chromium:
	@[ -x /usr/bin/chromium ] || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: $(STAMP) chromium lint
	$(BIN)/firststeps content check
	$(BIN)/pytest -q

# Extract UI strings from Python and templates, merge them into every catalog, and compile (fails on errors).
i18n: $(STAMP)
	$(BIN)/pybabel extract $(BABEL_FLAGS) -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales --no-fuzzy-matching --width=110
	$(BIN)/pybabel compile -d locales --statistics
