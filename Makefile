# Ensemble — the two commands of the Quick start are `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/ensemble
# pytest-xdist workers for make test / test-pg: one per core (PYTEST_WORKERS=0: one process)
PYTEST_WORKERS ?= auto
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install run test test-pg lint format bench bench-load bench-matching bench-synthesis messages clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml requirements/constraints.txt | $(BIN)/activate
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[dev]'
	touch $@

install: $(VENV)/.installed

## make run: set up, migrate the SQLite database, load the demo (first time), serve + worker
run: install
	mkdir -p var
	DJANGO_SETTINGS_MODULE=ensemble.config.settings.dev $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=ensemble.config.settings.dev $(BIN)/python manage.py seed_demo --if-empty
	DJANGO_SETTINGS_MODULE=ensemble.config.settings.dev $(BIN)/python manage.py serve --port $(PORT)

## make test: the whole suite on SQLite (browser tests when Chromium is installed), on every core
test: install
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

## make test-pg: the same suite on PostgreSQL (DATABASE_URL, default the local server) and Redis
test-pg: install
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/15} \
		$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

## make lint: ruff, and the import contract of the layers (docs/architecture.md)
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make bench: scale data set, production server, p50/p95 and queries per request
bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

## make bench-load: the scale data set under wrk (Debian package), req/s and p50/p99 per page
bench-load: install
	$(BIN)/python bench/load.py $(BENCH_ARGS)

## make bench-matching: hit@1, hit@3 and MRR of matching on both sets of bench/matching
bench-matching: install
	$(BIN)/python manage.py matching_evaluate

## make bench-synthesis: ARI, V-measure and near-duplicate recall@3 of the themes (bench/synthesis)
bench-synthesis: install
	$(BIN)/python manage.py synthesis_evaluate --timing 5000

## make messages: extract translatable strings (needs gettext) and compile the catalogues
messages: install
	cd ensemble && ../$(BIN)/python ../manage.py makemessages -l fr -l en --no-obsolete --ignore '*/tests/*' --ignore 'testing/*'
	$(BIN)/python manage.py compile_catalogues

clean:
	rm -rf $(VENV) var .pytest_cache
