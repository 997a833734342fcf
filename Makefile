# Support Tab: the two commands of the README, plus helpers. Everything installs into .venv from the lock.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test test-properdocs lighthouse build check schema catalogs lock chromium benchmark clean

## serve: install, build and serve the example site on http://127.0.0.1:8000 (reloads on edits; --dirty keeps the
## pages an edit did not change, see the README's Build speed)
serve: $(VENV)/.site
	$(BIN)/mkdocs serve --dirty

## test: install everything (Debian's chromium included) and run the whole test suite
test: $(VENV)/.test chromium
	$(BIN)/python -m pytest -n auto; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$status

## test-properdocs: the example build and the tests that run the host, browser tests aside, on ProperDocs, the
## maintained fork of MkDocs 1.6 (tests/test_hosts.py proves both hosts write the same files, which the browser tests
## read on MkDocs; tests that never run the host run once, in `make test`)
test-properdocs: $(VENV)/.test
	$(BIN)/properdocs build --strict -f mkdocs.yml -d site-properdocs
	SUPPORTTAB_HOST=properdocs $(BIN)/python -m pytest -n auto -m "not browser"; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$status

## lighthouse: Lighthouse 12 (mobile, median of 3) on every page kind of the example; fails under budget
lighthouse: $(VENV)/.test chromium
	$(BIN)/python tests/benchmarks/lighthouse_budget.py

## build: strict build of the site into site/
build: $(VENV)/.site
	$(BIN)/mkdocs build --strict

## check: validate every authored file
check: $(VENV)/.site
	$(BIN)/supporttab check

## schema: regenerate the JSON Schemas shipped in the package
schema: $(VENV)/.site
	$(BIN)/supporttab schema

## catalogs: extract Support Tab's words into locales/messages.pot, merge them into each language's .po, compile .mo
LOCALES := plugins/supporttab/locales
catalogs: $(VENV)/.site
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --project "Support Tab" \
	  --copyright-holder "Support Tab" -o $(LOCALES)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) --width 120 --ignore-obsolete
	$(BIN)/pybabel compile -d $(LOCALES) --statistics

## benchmark: every benchmark in tests/benchmarks (build time, scale, headshots); takes a few minutes
benchmark: $(VENV)/.bench
	$(BIN)/python tests/benchmarks/build_example.py
	$(BIN)/python tests/benchmarks/headshots.py
	$(BIN)/python tests/benchmarks/status_scale.py

$(VENV)/.site: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[faces,backdrop]"
	touch $@

$(VENV)/.test: $(VENV)/.site
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,faces,backdrop]"
	touch $@

$(VENV)/.bench: $(VENV)/.test
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,faces,backdrop,bench]"
	touch $@

## chromium: Debian's browser for the browser tests (needs root; skipped when already there)
chromium:
	@if [ -n "$$SUPPORTTAB_CHROMIUM" ] || command -v chromium >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" -ne 0 ]; then echo "Install Debian's chromium first: sudo apt-get install chromium"; exit 1; fi; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null

## lock: re-resolve every dependency in a clean venv and rewrite requirements.lock
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -e ".[test,faces,backdrop,bench]"
	{ sed -n '1,2p' requirements.lock; .lock-venv/bin/pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf .lock-venv

clean:
	rm -rf site $(VENV) .pytest_cache
