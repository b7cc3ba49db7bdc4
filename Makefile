# The one entry point. `make help` lists the targets.
# Settings come from the environment; a local .env (see .env.example) is read if present.
-include .env
export

PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

# manage.py runs icsportal.settings.development (DEBUG on, a development key, local hosts)
# unless DJANGO_SETTINGS_MODULE in the environment (or .env) names other settings, so local
# set-up and the development server need no secrets. Production hosts set
# DJANGO_SETTINGS_MODULE=icsportal.settings.production. Tests always run
# icsportal.settings.test (the production settings with test-only speed-ups).

.DEFAULT_GOAL := help
.PHONY: help install frontend static run migrate seed superuser test bench drill scale-drill lint pins format lock clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock pyproject.toml
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned Python packages

# The NHS.UK frontend and axe-core from npm (package-lock.json), and the site's CSS compiled
# from static/scss. The stamp lives inside node_modules, so a missing node_modules, or a
# package-lock.json newer than the last `npm ci`, installs again.
NPM_STAMP := node_modules/.installed
CSS := static/css/main.css

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

$(CSS): $(NPM_STAMP) $(shell find static/scss -name "*.scss")
	npm run --silent build:css

frontend: $(CSS) ## Install the npm packages and build static/css/main.css

# Sass sources, Nunjucks templates, docs and type declarations from the npm package are not
# served; source maps are (the CSS and JS name them).
static: install frontend ## Collect static files into staticfiles/ (hashed, compressed)
	$(MANAGE) collectstatic --noinput -i '*.scss' -i '*.njk' -i '*.md' -i '*.d.mts'

# Every management command checks STATICFILES_DIRS, which names node_modules/nhsuk-frontend:
# install the frontend first, so a fresh checkout's first command warns of nothing (W004).
migrate: install frontend ## Apply database migrations
	$(MANAGE) migrate --noinput

seed: migrate ## Load the partnership data and the postcodes (idempotent), and any missing image renditions
	$(MANAGE) load_partnership
	$(MANAGE) import_postcodes
	$(MANAGE) make_renditions --verbosity 0

superuser: migrate ## Create an admin account (asks for a username, email and password)
	$(MANAGE) createsuperuser

run: seed static ## Set everything up and serve on http://127.0.0.1:$(PORT)
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Without DJANGO_SETTINGS_MODULE, pytest takes the test settings from pyproject.toml; a
# value from the environment or .env (a production host's) would otherwise win.
test: install frontend ## Run the whole test suite
	env -u DJANGO_SETTINGS_MODULE $(PY) -m pytest $(PYTEST_ARGS)

bench: static ## Every public page against a floor, cache off and on, seeded and 100 times the data (BENCH_ARGS="--help")
	$(PY) scripts/bench.py $(BENCH_ARGS)

drill: static ## Recovery drills on a PostgreSQL of their own: outage, reload, backup, soak (DRILL_ARGS="--help")
	$(PY) scripts/drill.py $(DRILL_ARGS)

scale-drill: static ## Two hosts, one PostgreSQL and one Redis: a change through one shows at once on the other
	$(PY) scripts/scale_drill.py

lint: install ## Ruff (lint and format), bandit (no medium or high finding) and the migrations check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -q -c pyproject.toml -r . --severity-level medium
	$(MANAGE) makemigrations --check --dry-run

pins: install ## Check every pinned package is on the newest patch of its minor version (asks the index)
	$(PY) scripts/check_pins.py

format: install ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock: ## Re-pin requirements.lock from pyproject.toml in a scratch venv
	rm -rf .lockvenv && "$$(scripts/find-python)" -m venv .lockvenv
	.lockvenv/bin/pip install --quiet '.[dev]'
	.lockvenv/bin/pip freeze --exclude-editable | grep -v '^icsportal' > requirements.lock
	rm -rf .lockvenv build *.egg-info

clean: ## Remove the venv and generated files (not the database)
	rm -rf $(VENV) staticfiles build *.egg-info
