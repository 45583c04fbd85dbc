# fftimeline — two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck contracts pytest screenshots bench lock clean package package-test translations

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

# Interface translations: refresh every resources/translations/fftimeline_<lang>.ts from the
# source (pyside6-lupdate), then compile each to the .qm the app loads (pyside6-lrelease).
# Translate the .ts files with Qt Linguist (pyside6-linguist); see docs/translating.md.
UI_SOURCES = $(shell find fftimeline/ui -name '*.py' | sort) fftimeline/app.py
translations: $(STAMP)
	for ts in resources/translations/fftimeline_*.ts; do \
		lang=$$(basename $$ts .ts | cut -d_ -f2); \
		$(BIN)/pyside6-lupdate $(UI_SOURCES) -source-language en_GB -target-language $$lang \
			-locations none -no-obsolete -ts $$ts && \
		$(BIN)/pyside6-lrelease $$ts -qm $${ts%.ts}.qm || exit 1; done

# The frozen app (PyInstaller), built in its own environment from packaging/requirements.lock:
# the runtime dependencies and PyInstaller only, so no dev tool can end up in the bundle.
PKG_VENV  := .venv-package
PKG_BIN   := $(PKG_VENV)/bin
PKG_STAMP := $(PKG_VENV)/.installed
DIST      := build/dist

$(PKG_STAMP): packaging/requirements.lock
	$(PYTHON) -m venv $(PKG_VENV)
	$(PKG_BIN)/python -m pip install --quiet --upgrade pip
	$(PKG_BIN)/python -m pip install --quiet --require-hashes -r packaging/requirements.lock
	touch $(PKG_STAMP)

package: $(PKG_STAMP)
	$(PKG_BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath $(DIST) --workpath build/work packaging/fftimeline.spec
	@du -sh $(DIST)/fftimeline

# Build, then drive the frozen executable (window, --version, demo, check, cases, export), then
# make the Linux tarball and install, run and uninstall it for a throw-away user.
package-test: package
	QT_QPA_PLATFORM=offscreen $(PKG_BIN)/python packaging/smoke_test.py $(DIST)/fftimeline/fftimeline
	bash packaging/linux/make_tarball.sh
	bash packaging/linux/check_install.sh

# Re-pin every dependency (runtime and dev) from pyproject.toml into requirements.lock, and the
# frozen app's build set (runtime + PyInstaller, same versions) into packaging/requirements.lock
# (plus PyInstaller's Windows-only and macOS-only helpers in packaging/<os>/requirements.lock).
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
			--output-file packaging/$$os/requirements.lock packaging/$$os/requirements.in; done

clean:
	rm -rf $(VENV) $(PKG_VENV) build .mypy_cache .ruff_cache .pytest_cache
