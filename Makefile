# The two commands: `make site` builds the example site into site/, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/jrs-site build
	@echo "Site built: open site/index.html (Dutch) or site/fr/index.html (French), or run 'make serve'."

serve: $(STAMP)
	$(BIN)/jrs-site serve

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts

$(VENV)/.bench-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

# This build beside plain MkDocs and Hugo on 250 and 500 testimonies (BENCHMARKS.md has the
# full run, up to 2,000); ends with the site/Hugo time ratio and the growth per doubling.
bench: $(VENV)/.bench-installed
	$(BIN)/python bench/site.py --sizes 250 500 --quick

clean:
	rm -rf site .cache .pytest_cache test-artifacts
