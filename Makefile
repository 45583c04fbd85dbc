# fftimeline — two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck contracts pytest screenshots bench lock clean

run: $(STAMP)
	$(BIN)/python -m fftimeline

test: $(STAMP) lint typecheck contracts pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py docs/screenshots

bench: $(STAMP)
	$(BIN)/python -m bench

# The virtual environment is rebuilt whenever the lock file changes.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Re-pin every dependency (runtime and dev) from pyproject.toml into requirements.lock, and the
# frozen app's build set (runtime + PyInstaller, same versions) into packaging/requirements*.lock.
LOCKENV := $(or $(TMPDIR),/tmp)/fftimeline-lock
PIN     := $(LOCKENV)/bin/pip-compile --quiet --generate-hashes --strip-extras
lock:
	$(PYTHON) -m venv $(LOCKENV)
	$(LOCKENV)/bin/pip install --quiet pip-tools
	$(PIN) --extra dev --output-file requirements.lock pyproject.toml
	$(PIN) --allow-unsafe --no-emit-index-url --no-emit-find-links --extra package \
		-c requirements.lock --output-file packaging/requirements.lock pyproject.toml
	for os in windows macos; do \
		$(PIN) --no-emit-index-url --no-emit-find-links -c packaging/requirements.lock \
			--output-file packaging/requirements-$$os.lock packaging/$$os.in; done

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
