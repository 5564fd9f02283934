# make serve: run the service on 127.0.0.1:$(PORT) with the in-process cache (set REDIS_URL to share one).
# make test:  run the whole suite, installing the Debian packages it needs when this user can (see below).
# make lock:  regenerate requirements.lock (pinned, hashed) after a dependency in pyproject.toml changes.
# make clean: remove the venv, the npm tools, build output and caches.
# The venv is (re)installed only when pyproject.toml changes: the stamps below record the last install.

PORT ?= 8000
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
SERVE_STAMP := $(VENV)/.installed-serve
TEST_STAMP := $(VENV)/.installed-test
# Debian packages the suite needs, as COMMAND:PACKAGE (the command says whether it is there): the
# integration tests start a real redis-server; npm installs the OpenAPI linter below; chromium renders /docs.
SYSTEM_PACKAGES := redis-server:redis-server node:nodejs npm:npm chromium:chromium
REDOCLY_DIR := tools/redocly
REDOCLY := $(REDOCLY_DIR)/node_modules/.bin/redocly

.PHONY: serve test lock clean system-packages

serve: $(SERVE_STAMP)
	PORT=$(PORT) $(VENV)/bin/gunicorn -c service/gunicorn_conf.py

test: $(TEST_STAMP) system-packages $(REDOCLY)
	$(VENV)/bin/python -m pytest

# A venv that fails half-made (no pip, interrupted) is removed, so the next run starts it again.
$(VENV)/bin/python:
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV) && $(VENV)/bin/python -m pip --version >/dev/null || { rm -rf $(VENV); exit 1; }

$(SERVE_STAMP): pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/python -m pip install -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/python -m pip install -e '.[test]'
	touch $@

system-packages:
	@sh scripts/system-packages.sh $(SYSTEM_PACKAGES)

# @redocly/cli, pinned with its hash in package-lock.json, installed here (not globally) by npm ci.
$(REDOCLY): $(REDOCLY_DIR)/package-lock.json | system-packages
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix $(REDOCLY_DIR) --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "make: npm is missing, so the OpenAPI lint test is skipped (see system-packages above)" >&2; fi

# Universal (every platform, Python 3.11 and up), with the build backend, so the image needs no resolver.
lock: $(TEST_STAMP)
	$(VENV)/bin/python -m pip install -e '.[lock]'
	$(VENV)/bin/python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['build-system']['requires'], sep='\n')" \
		| $(VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
			--custom-compile-command 'make lock' -o requirements.lock pyproject.toml -

clean:
	rm -rf $(VENV) $(REDOCLY_DIR)/node_modules build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
