# ImageHQ OCR. `make run` opens the app, `make test` runs every check; both set everything up.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
DEPS := $(VENV)/.stamp-deps
export OMP_THREAD_LIMIT := 1

.PHONY: run test lint typecheck pytest bench translations translations-update package clean system-deps system-deps-test

run: system-deps $(DEPS) translations
	$(VENV)/bin/imagehq-ocr

test: system-deps-test $(DEPS) translations lint typecheck pytest

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

pytest: $(DEPS)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

translations: $(DEPS)
	@$(PY) -m app.i18n_build

# After changing UI strings: pyside6-lupdate over app/gui and app/capture into i18n/*.ts; then
# translate what it lists as "not translated" (pyside6-linguist i18n/imagehq_ocr_fr.ts) and commit.
translations-update: $(DEPS)
	$(PY) -m app.i18n_build --update

bench: system-deps-test $(DEPS)
	$(PY) bench/run_all.py

package: $(DEPS) translations
	$(PY) -m pip install -q -e '.[package]'
	$(VENV)/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/imagehq-ocr.spec
	@if command -v dpkg-deb >/dev/null; then packaging/build-deb.sh; fi

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
