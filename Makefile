# ImageHQ OCR. `make run` opens the app, `make test` runs every check; both set everything up.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
DEPS := $(VENV)/.stamp-deps
export OMP_THREAD_LIMIT := 1

.PHONY: run test lint typecheck pytest bench translations translations-update models package clean system-deps system-deps-test

run: system-deps $(DEPS) translations models
	$(VENV)/bin/imagehq-ocr

test: system-deps-test $(DEPS) translations models lint typecheck pytest

system-deps:
	@packaging/system-deps.sh

system-deps-test:
	@packaging/system-deps.sh --test

$(DEPS): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@

lint: $(DEPS)
	$(VENV)/bin/ruff check app tests bench
	$(VENV)/bin/ruff format --check app tests bench

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

# The bundle is built from a runtime-only environment (no test or lint tools in it).
PKG_VENV := build/venv-package
package: $(DEPS) translations models
	@test -x $(PKG_VENV)/bin/python || $(PYTHON) -m venv $(PKG_VENV)
	$(PKG_VENV)/bin/python -m pip install -q --upgrade pip
	$(PKG_VENV)/bin/python -m pip install -q '.[package]'
	$(PKG_VENV)/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/imagehq-ocr.spec
	@if [ "$$(uname -s)" = Linux ]; then packaging/bundle-tesseract.sh; \
	  tar -C dist -czf dist/imagehq-ocr-$$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)-linux-$$(uname -m).tar.gz imagehq-ocr; fi
	@if command -v dpkg-deb >/dev/null; then packaging/build-deb.sh; fi

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
