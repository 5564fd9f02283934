# make serve: run the service on 127.0.0.1:$(PORT) with the in-process cache (set REDIS_URL to share one).
# make test:  run the whole suite, installing redis-server and chromium from Debian when they are missing.
# The venv is (re)installed only when pyproject.toml changes: the stamps below record the last install.

PORT ?= 8000
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
SERVE_STAMP := $(VENV)/.installed-serve
TEST_STAMP := $(VENV)/.installed-test
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: serve test redis-server chromium

serve: $(SERVE_STAMP)
	PORT=$(PORT) $(VENV)/bin/gunicorn -c service/gunicorn_conf.py

test: $(TEST_STAMP) redis-server chromium
	$(VENV)/bin/python -m pytest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(SERVE_STAMP): pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/python -m pip install -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/python -m pip install -e '.[test]'
	touch $@

# The integration tests start a real redis-server; the package index is refreshed only if needed.
redis-server:
	@command -v redis-server >/dev/null 2>&1 || \
		$(SUDO) apt-get install -y redis-server || \
		{ $(SUDO) apt-get update && $(SUDO) apt-get install -y redis-server; }

# The page tests drive Debian's chromium through Playwright (Playwright's own browser download is never used).
chromium:
	@test -x /usr/bin/chromium || \
		$(SUDO) apt-get install -y chromium || \
		{ $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }
