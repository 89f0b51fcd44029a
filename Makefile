# Linli — the two commands of the quick start are `make sandbox` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: sandbox test sysdeps lint run migrate clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

## Start the sandbox: emulator + web chat page + bot + scheduler, no token needed.
sandbox: $(STAMP)
	$(BIN)/linli sandbox

## Lint, type-check and run the whole test suite (system packages it needs first).
test: $(STAMP) sysdeps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy bot handlers services models scheduler sandbox
	$(BIN)/pytest -q -n 4

## Chromium and fonts for the browser and chart tests, from Debian's packages when missing.
sysdeps:
	@sh .ci/sysdeps.sh

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

run: $(STAMP)
	$(BIN)/linli run

migrate: $(STAMP)
	$(BIN)/linli migrate

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
