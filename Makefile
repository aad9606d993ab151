# ImageHQ OCR. `make run` opens the app, `make test` runs every check; both set everything up.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
DEPS := $(VENV)/.stamp-deps
export OMP_THREAD_LIMIT := 1

.PHONY: run test lint typecheck pytest bench translations translations-update models package clean system-deps system-deps-test system-deps-package

run: system-deps $(DEPS) translations models
	$(VENV)/bin/imagehq-ocr

# PACKAGE_TEST=1 (set by .ci/run) also builds the package before the tests, so
# tests/packaging/test_frozen_bundle.py smoke-tests the frozen bundle and the .deb.
test: system-deps-test $(DEPS) translations models lint typecheck $(if $(filter 1,$(PACKAGE_TEST)),package) pytest

system-deps:
	@packaging/system-deps.sh

system-deps-test:
	@packaging/system-deps.sh --test

system-deps-package:
	@packaging/system-deps.sh --package

$(DEPS): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@

lint: $(DEPS)
	$(VENV)/bin/ruff check app tests bench packaging
	$(VENV)/bin/ruff format --check app tests bench packaging

typecheck: $(DEPS)
	$(VENV)/bin/mypy

# On CI each test's name is printed before it runs, so a crash (a segfault ends pytest) names it.
PYTEST_VERBOSITY := $(if $(CI),-v,-q)

pytest: $(DEPS)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_VERBOSITY) -p no:cacheprovider

translations: $(DEPS)
	@$(PY) -m app.i18n_build

# The 8-bit PP-OCR text detector (app/models/, build output like the .qm files; ~10 s).
models: $(DEPS)
	@$(PY) -m app.model_build

# After changing UI strings: pyside6-lupdate over app/gui and app/capture into i18n/*.ts; then
# translate what it lists as "not translated" (pyside6-linguist i18n/imagehq_ocr_fr.ts) and commit.
translations-update: $(DEPS)
	$(PY) -m app.i18n_build --update

bench: system-deps-test $(DEPS) models
	$(PY) bench/run_all.py

# The bundle is built from a runtime-only environment (no test or lint tools in it). On Linux the
# Tesseract command and its eng/osd data go in beside it, every ELF file is stripped where that
# is safe (packaging/trim_bundle.py), then the portable tar.gz and (where dpkg-deb exists) the
# .deb are made; last, a table of what each component takes (packaging/bundle_sizes.py).
PKG_VENV := build/venv-package
VERSION = $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
package: system-deps-package $(DEPS) translations models
	@test -x $(PKG_VENV)/bin/python || $(PYTHON) -m venv $(PKG_VENV)
	$(PKG_VENV)/bin/python -m pip install -q --upgrade pip
	$(PKG_VENV)/bin/python -m pip install -q '.[package]'
	$(PKG_VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/imagehq-ocr.spec
	@if [ "$$(uname -s)" = Linux ]; then set -e; packaging/bundle-tesseract.sh; \
	  $(PY) packaging/trim_bundle.py dist/imagehq-ocr; \
	  rm -f dist/imagehq-ocr-*-linux-*.tar.gz; \
	  tar -C dist -czf dist/imagehq-ocr-$(VERSION)-linux-$$(uname -m).tar.gz imagehq-ocr; fi
	@if command -v dpkg-deb >/dev/null; then packaging/build-deb.sh; fi
	@$(PY) packaging/bundle_sizes.py dist/imagehq-ocr
	@ls -l dist/*.tar.gz dist/*.deb 2>/dev/null || true

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
