# CIO-stelsel: one entry point for running, testing and locking.
#
#   make run       install, migrate, load the demo data, serve on 127.0.0.1:8000
#   make test      install with the test tools, run pytest (PYTEST_ARGS="-k ...")
#   make lock      regenerate requirements.lock and requirements-dev.lock
#   make messages  update and compile the English translation catalogue
#   make check     Django's system checks and "are migrations missing?"
#   make clean     remove the virtualenv and build output (keeps db.sqlite3)
#   make schema    regenerate openapi.yaml, the committed API contract
#   make lint      ruff: the lint rules and the formatting (pyproject.toml [tool.ruff])
#
# Everything installs into .venv. Installing is skipped when the stamp file in
# .venv is newer than the lock file and pyproject.toml, so a second `make run`
# starts at once. Debian packages are checked every time (cheap: dpkg-query).
#
# Settings come from the environment (see config/settings.py): without
# DATABASE_URL the tests and `make run` use SQLite, without REDIS_URL an
# in-process cache and eager Celery tasks.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=

# Stamps: present and newer than their inputs = installation is current.
RUN_STAMP := $(VENV)/.geinstalleerd-run
TEST_STAMP := $(VENV)/.geinstalleerd-test

export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help run test install install-dev lock messages check clean schema lint \
	systeem-run systeem-test systeem-messages

help:
	@sed -n '3,10p' Makefile | sed 's/^# */  /'

# --- Debian packages (scripts/systeempakketten.sh only installs what is missing)

systeem-run:
	@PYTHON=$(PYTHON) bash scripts/systeempakketten.sh run

systeem-test:
	@PYTHON=$(PYTHON) bash scripts/systeempakketten.sh test

systeem-messages:
	@PYTHON=$(PYTHON) bash scripts/systeempakketten.sh messages

# --- Python packages into .venv

# Runtime only: the pinned packages, then the project itself without
# resolving again. `pip check` catches a lock file that no longer matches
# pyproject.toml (a dependency added without `make lock`).
$(RUN_STAMP): requirements.lock pyproject.toml | systeem-run
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -r requirements.lock
	$(PIP) install --quiet --no-deps -e .
	$(PIP) check || { echo "requirements.lock past niet bij pyproject.toml: draai 'make lock'." >&2; exit 1; }
	touch $@

# Runtime + dev extras (pytest, Playwright, ...) and the test system packages.
$(TEST_STAMP): requirements-dev.lock pyproject.toml | systeem-test
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -r requirements-dev.lock
	$(PIP) install --quiet --no-deps -e .
	$(PIP) check || { echo "requirements-dev.lock past niet bij pyproject.toml: draai 'make lock'." >&2; exit 1; }
	touch $@

install: $(RUN_STAMP)

install-dev: $(TEST_STAMP)

# --- Everyday targets

# DJANGO_DEBUG is deliberately not set here: the app runs with its safe
# defaults (DEBUG off, static files served by WhiteNoise from the finders).
# demo_laden is idempotent and prints the demo log-ins.
run: $(RUN_STAMP)
	$(MANAGE) migrate --noinput
	$(MANAGE) demo_laden
	$(MANAGE) runserver 127.0.0.1:8000

# PostgreSQL / Redis are used only when DATABASE_URL / REDIS_URL are set.
test: $(TEST_STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

# ruff is a dev dependency: `ruff check --fix .` and `ruff format .` repair most of what this reports.
lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: $(RUN_STAMP)
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# The OpenAPI contract of /api/v1/, generated from the code and committed:
# tests/api/test_schema.py fails when openapi.yaml differs from what the code generates.
schema: $(RUN_STAMP)
	$(MANAGE) spectacular --lang nl --file openapi.yaml --validate --fail-on-warn

# The msgids are Dutch (the source language), so only an English catalogue
# (locale/en) is kept. File names without line numbers keep the diffs small.
# Translate every new or empty msgstr and remove "#, fuzzy" before committing:
# tests/test_vertalingen.py checks the catalogue is complete and compiled.
# The .mo files are committed, so `make run` needs no gettext.
MESSAGES_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=media --ignore=benchmarks --ignore=tests
messages: $(RUN_STAMP) | systeem-messages
	$(MANAGE) makemessages -l en --add-location=file --no-obsolete $(MESSAGES_IGNORE)
	$(MANAGE) compilemessages -l en $(MESSAGES_IGNORE)

# --- Lock files

# Resolves pyproject.toml's dependencies in throw-away virtualenvs and pins
# every installed package (==). The dev lock is resolved with the runtime lock
# as constraint, so both files pin the shared packages to the same versions.
# Nothing is built: the requirement lists are read straight from pyproject.toml.
LOCK_TMP := $(or $(TMPDIR),/tmp)/cio-stelsel-lock
LOCK_HEADER := \# Generated by make lock from pyproject.toml (Python 3.11); do not edit by hand.
# Prints [project].dependencies, plus the optional-dependency groups named as arguments.
REQUIREMENTS_FROM_PYPROJECT := $(PYTHON) -c 'import sys, tomllib; \
	p = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
	print("\n".join(p["dependencies"] + [r for e in sys.argv[1:] for r in p["optional-dependencies"][e]]))'

lock:
	rm -rf $(LOCK_TMP)
	mkdir -p $(LOCK_TMP)
	$(REQUIREMENTS_FROM_PYPROJECT) > $(LOCK_TMP)/run.in
	$(REQUIREMENTS_FROM_PYPROJECT) dev > $(LOCK_TMP)/dev.in
	$(PYTHON) -m venv $(LOCK_TMP)/run
	$(LOCK_TMP)/run/bin/python -m pip install --quiet -r $(LOCK_TMP)/run.in
	{ echo '$(LOCK_HEADER)'; $(LOCK_TMP)/run/bin/python -m pip freeze --exclude-editable; } > $(LOCK_TMP)/requirements.lock
	$(PYTHON) -m venv $(LOCK_TMP)/dev
	$(LOCK_TMP)/dev/bin/python -m pip install --quiet -c $(LOCK_TMP)/requirements.lock -r $(LOCK_TMP)/dev.in
	{ echo '$(LOCK_HEADER)'; $(LOCK_TMP)/dev/bin/python -m pip freeze --exclude-editable; } > $(LOCK_TMP)/requirements-dev.lock
	! grep -v '^#' $(LOCK_TMP)/requirements*.lock | grep -v '==' # every line must be pinned
	mv $(LOCK_TMP)/requirements.lock $(LOCK_TMP)/requirements-dev.lock .
	rm -rf $(LOCK_TMP)
	@echo "requirements.lock: $$(grep -vc '^#' requirements.lock) pakketten, requirements-dev.lock: $$(grep -vc '^#' requirements-dev.lock) pakketten."

# --- Cleaning up (db.sqlite3 and media/ hold your data and are kept)

clean:
	rm -rf $(VENV) build dist *.egg-info staticfiles .pytest_cache $(LOCK_TMP)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
